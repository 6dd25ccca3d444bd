"""Message templates: the built-in wording of each kind of message in Chinese and English, and the officers' own.

A template is a subject and a body with placeholders in braces ({partner}, {due_date}
…). Each kind has its own set of placeholders, filled from the records; a placeholder
the kind does not know is refused when the template is saved, so a sent message never
carries a blank or a stray brace. `{{` and `}}` write a literal brace. An officer's
wording is stored in the database (a shared database shares it); without one, the
built-in text applies.
"""
from __future__ import annotations

import string
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.i18n import _
from models import MessageTemplate
from models.enums import UserRole

LANGUAGES = ("zh", "en")

CALL_FOR_TOPICS = "call_for_topics"
OUTREACH = "outreach"
INVITATION = "invitation"
PREPARATION_REMINDER = "preparation_reminder"
OVERDUE_REMINDER = "overdue_reminder"
INTERVIEW_REQUEST = "interview_request"
CERTIFICATE = "certificate"
THANK_YOU = "thank_you"

KINDS = (CALL_FOR_TOPICS, OUTREACH, INVITATION, PREPARATION_REMINDER, OVERDUE_REMINDER, INTERVIEW_REQUEST,
         CERTIFICATE, THANK_YOU)

COMMON = ("recipient", "today")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    CALL_FOR_TOPICS: (*COMMON, "department", "semester", "deadline", "attachment"),
    OUTREACH: (*COMMON, "partner", "contact", "topic", "topic_description", "department", "semester"),
    INVITATION: (*COMMON, "workshop_title", "round", "start", "end", "time_zone", "link", "platform", "partner"),
    PREPARATION_REMINDER: (*COMMON, "workshop_title", "start", "time_zone", "link", "partner"),
    OVERDUE_REMINDER: (*COMMON, "report_kind", "due_date", "days_overdue", "workshop_title", "partner"),
    INTERVIEW_REQUEST: (*COMMON, "department", "last_workshop", "last_interview"),
    CERTIFICATE: (*COMMON, "workshop_title", "partner", "semester", "attachment"),
    THANK_YOU: (*COMMON, "partner", "contact", "workshop_title", "department"),
}


def kind_label(kind: str) -> str:
    return {
        CALL_FOR_TOPICS: _("Call for topics"),
        OUTREACH: _("Outreach to a partner"),
        INVITATION: _("Workshop invitation"),
        PREPARATION_REMINDER: _("Preparation reminder"),
        OVERDUE_REMINDER: _("Overdue report reminder"),
        INTERVIEW_REQUEST: _("Interview request"),
        CERTIFICATE: _("Certificate of participation"),
        THANK_YOU: _("Thank-you and follow-up"),
    }[kind]


def language_label(language: str) -> str:
    return {"zh": _("Chinese"), "en": _("English")}[language]


# The built-in texts are the messages themselves, in their reader's language, so they
# are not passed through the interface's translation.
BUILT_IN: dict[tuple[str, str], tuple[str, str]] = {
    (CALL_FOR_TOPICS, "zh"): (
        "{semester} 国际在线研讨会选题征集",
        "{department}：\n\n您好！国际合作与交流处现开始征集 {semester} 与海外合作院校开展在线研讨会的选题。"
        "请填写附件《{attachment}》，写明希望向海外同行学习或分享的内容，并于 {deadline} 前回复本邮件。\n\n"
        "如有疑问，请随时与我们联系。\n\n国际合作与交流处\n{today}",
    ),
    (CALL_FOR_TOPICS, "en"): (
        "Call for topics: online workshops, {semester}",
        "Dear colleagues of {department},\n\nThe International Affairs Division is collecting topics for the "
        "online workshops with our partner universities in {semester}. Please fill in the attached form "
        "({attachment}) with what you would like to learn from or share with overseas colleagues, and return it "
        "by {deadline}.\n\nBest regards,\nInternational Affairs Division\n{today}",
    ),
    (OUTREACH, "en"): (
        "Proposal for an online workshop: {topic}",
        "Dear {contact},\n\nOur {department} would like to hold an online workshop with colleagues at {partner} "
        "in {semester} on the following topic:\n\n{topic}\n{topic_description}\n\nWould your team be interested? "
        "We would be glad to suggest dates and a format that suit you.\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (OUTREACH, "zh"): (
        "在线研讨会合作邀请：{topic}",
        "{contact}：\n\n您好！我校{department}希望于 {semester} 与 {partner} 的同事就以下主题举办在线研讨会：\n\n"
        "{topic}\n{topic_description}\n\n请问贵方是否有意参加？\n\n国际合作与交流处",
    ),
    (INVITATION, "en"): (
        "Invitation: {workshop_title} ({start})",
        "Dear {recipient},\n\nYou are invited to the online workshop \"{workshop_title}\" with {partner}, "
        "round {round}.\n\nStarts: {start}\nEnds: {end}\nTime zone: {time_zone}\nPlatform: {platform}\n"
        "Link: {link}\n\nThe attached calendar invitation adds it to your calendar.\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (INVITATION, "zh"): (
        "会议邀请：{workshop_title}（{start}）",
        "{recipient}：\n\n您好！诚邀您参加与 {partner} 的在线研讨会“{workshop_title}”（第 {round} 轮）。\n\n"
        "开始：{start}\n结束：{end}\n时区：{time_zone}\n平台：{platform}\n链接：{link}\n\n"
        "附件为日历邀请，打开即可加入日历。\n\n国际合作与交流处",
    ),
    (PREPARATION_REMINDER, "zh"): (
        "请完成研讨会会前准备：{workshop_title}",
        "{recipient}：\n\n您好！与 {partner} 的在线研讨会“{workshop_title}”将于 {start}（{time_zone}）举行。"
        "请在会前填写您希望学习和分享的内容，并上传相关材料。\n\n会议链接：{link}\n\n国际合作与交流处",
    ),
    (PREPARATION_REMINDER, "en"): (
        "Please prepare for the workshop: {workshop_title}",
        "Dear {recipient},\n\nThe online workshop \"{workshop_title}\" with {partner} starts at {start} "
        "({time_zone}). Please write down before it what you would like to learn and to share, and add your "
        "materials.\n\nLink: {link}\n\nBest regards,\nInternational Affairs Division",
    ),
    (OVERDUE_REMINDER, "zh"): (
        "提醒：{report_kind}已逾期（截止 {due_date}）",
        "{recipient}：\n\n您好！您参加与 {partner} 的在线研讨会“{workshop_title}”后应提交的{report_kind}"
        "截止日期为 {due_date}，目前已逾期 {days_overdue} 天。请尽快提交。\n\n如已提交，请忽略本邮件。\n\n国际合作与交流处",
    ),
    (OVERDUE_REMINDER, "en"): (
        "Reminder: your {report_kind} was due on {due_date}",
        "Dear {recipient},\n\nYour {report_kind} on the online workshop \"{workshop_title}\" with {partner} was "
        "due on {due_date} ({days_overdue} days ago). Please submit it as soon as you can.\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (INTERVIEW_REQUEST, "zh"): (
        "在线研讨会成效访谈邀请",
        "{department}：\n\n您好！为了解在线研讨会的成效，国际合作与交流处希望与贵单位安排一次访谈。"
        "贵单位最近一次研讨会于 {last_workshop} 举行，上次访谈：{last_interview}。请回复本邮件告知方便的时间。\n\n国际合作与交流处",
    ),
    (INTERVIEW_REQUEST, "en"): (
        "Request for an interview on the online workshops",
        "Dear colleagues of {department},\n\nTo learn how effective the online workshops were, the International "
        "Affairs Division would like to interview your department. Your last workshop was on {last_workshop}; "
        "last interview: {last_interview}. Please reply with a time that suits you.\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (CERTIFICATE, "zh"): (
        "参会证书：{workshop_title}",
        "{recipient}：\n\n您好！感谢您参加 {semester} 与 {partner} 的在线研讨会“{workshop_title}”。"
        "附件为您的参会证书（{attachment}）。\n\n国际合作与交流处",
    ),
    (CERTIFICATE, "en"): (
        "Your certificate of participation: {workshop_title}",
        "Dear {recipient},\n\nThank you for taking part in the online workshop \"{workshop_title}\" with {partner} "
        "in {semester}. Your certificate of participation is attached ({attachment}).\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (THANK_YOU, "en"): (
        "Thank you: {workshop_title}",
        "Dear {contact},\n\nThank you for the online workshop \"{workshop_title}\" with our {department}. "
        "We would be glad to stay in touch and to continue the exchange with {partner}.\n\nBest regards,\n"
        "International Affairs Division",
    ),
    (THANK_YOU, "zh"): (
        "感谢参与：{workshop_title}",
        "{contact}：\n\n您好！感谢您参加与我校{department}的在线研讨会“{workshop_title}”。"
        "我们期待与 {partner} 继续保持交流。\n\n国际合作与交流处",
    ),
}


@dataclass(frozen=True)
class TemplateText:
    kind: str
    language: str
    subject: str
    body: str
    custom: bool  # the officers' own wording (stored), not the built-in one
    version: int | None = None


def check_kind(kind: str, language: str | None = None) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", _("There is no message kind '{kind}'; choose one of {kinds}.").format(
            kind=kind, kinds=", ".join(KINDS)))
    if language is not None and language not in LANGUAGES:
        raise ValidationError("language", _("Templates are written in Chinese (zh) or English (en), not '{lang}'.")
                              .format(lang=language))


def placeholders_in(text: str, field: str) -> list[str]:
    """The placeholder names in `text`, in order; a brace left open or a formatted one is refused."""
    names = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValidationError(field, _("The {field} has a brace without its pair; write {{ or }} for a brace "
                                       "itself.").format(field=_field_name(field))) from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion or not name.isidentifier():
            raise ValidationError(field, _("The placeholder {{{name}}} in the {field} is not a plain name such as "
                                           "{{partner}}.").format(name=name + (f":{spec}" if spec else ""),
                                                                  field=_field_name(field)))
        names.append(name)
    return names


def _field_name(field: str) -> str:
    return _("subject") if field == "subject" else _("body")


def validate_template(kind: str, subject: str, body: str) -> None:
    """Refuse an unknown placeholder, a brace without its pair, a line break in the subject, an empty text."""
    check_kind(kind)
    if not subject.strip():
        raise ValidationError("subject", _("Write a subject."))
    if "\n" in subject or "\r" in subject:
        raise ValidationError("subject", _("The subject must be one line."))
    if not body.strip():
        raise ValidationError("body", _("Write the message."))
    allowed = PLACEHOLDERS[kind]
    for field, text in (("subject", subject), ("body", body)):
        unknown = [name for name in placeholders_in(text, field) if name not in allowed]
        if unknown:
            raise ValidationError(field, _("The {field} uses {{{name}}}, which a {kind} message cannot fill; "
                                           "use one of: {allowed}.").format(
                field=_field_name(field), name=unknown[0], kind=kind_label(kind).lower(),
                allowed=", ".join("{" + a + "}" for a in allowed)))


def fill(text: str, values: dict[str, str]) -> str:
    """The text with its placeholders replaced; templates are validated, so every name is in `values`."""
    return text.format_map(values)


def get_template(session: Session, kind: str, language: str) -> TemplateText:
    check_kind(kind, language)
    stored = session.scalars(select(MessageTemplate).where(
        MessageTemplate.kind == kind, MessageTemplate.language == language)).one_or_none()
    if stored is not None:
        return TemplateText(kind, language, stored.subject, stored.body, True, stored.version)
    subject, body = BUILT_IN[(kind, language)]
    return TemplateText(kind, language, subject, body, False)


def save_template(session: Session, actor: Actor, kind: str, language: str, subject: str, body: str) -> TemplateText:
    """Store the officers' wording after checking it; the caller commits."""
    actor.require(UserRole.OFFICER, _("edit message templates"))
    check_kind(kind, language)
    validate_template(kind, subject, body)
    stored = session.scalars(select(MessageTemplate).where(
        MessageTemplate.kind == kind, MessageTemplate.language == language)).one_or_none()
    if stored is None:
        stored = MessageTemplate(kind=kind, language=language, subject=subject, body=body)
        session.add(stored)
    else:
        stored.subject, stored.body = subject, body
    session.flush()
    return TemplateText(kind, language, subject, body, True, stored.version)


def reset_template(session: Session, actor: Actor, kind: str, language: str) -> TemplateText:
    """Go back to the built-in wording."""
    actor.require(UserRole.OFFICER, _("edit message templates"))
    check_kind(kind, language)
    stored = session.scalars(select(MessageTemplate).where(
        MessageTemplate.kind == kind, MessageTemplate.language == language)).one_or_none()
    if stored is not None:
        session.delete(stored)
        session.flush()
    return get_template(session, kind, language)
