"""One message per recipient: the template filled in the reader's language and on the reader's clock.

A message that cannot go out keeps its place in the batch with the reason (`problem`):
no address, an address that is not one, or a line break in a name or subject (which
would let text pass for another mail header). The officer sees it listed; it is
never skipped in silence.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _
from app.messages import templates as t
from app.messages.recipients import Attachment, Recipient
from app.planning.zones import format_offset, offset_at, zone_or_none
from app.settings import Settings

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ZH_DAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
# One @, something on both sides, no spaces, brackets, quotes or commas: what every mail program accepts.
ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\]+\.[^@\s<>()\[\],;:\"\\]+$")
LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

NO_ADDRESS = "no_address"


@dataclass(frozen=True)
class Message:
    kind: str
    purpose: str
    language: str
    to_name: str
    to_email: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    report_id: int | None = None
    outreach_id: int | None = None
    partner_id: int | None = None
    department_ids: tuple[int, ...] = ()
    problem: str = ""  # why it cannot go out; empty when it can
    edited: bool = False

    @property
    def ready(self) -> bool:
        return not self.problem

    @property
    def attachment_names(self) -> str:
        return "\n".join(a.file_name for a in self.attachments)


def format_date(day: date, language: str) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def format_instant(instant: datetime, language: str, timezone: str) -> str:
    tz = zone_or_none(timezone)
    local = instant.astimezone(tz) if tz is not None else instant
    if language == "zh":
        return f"{format_date(local.date(), language)}（{ZH_DAYS[local.weekday()]}）{local:%H:%M}"
    return f"{EN_DAYS[local.weekday()]} {format_date(local.date(), language)}, {local:%H:%M}"


def zone_text(timezone: str, instant: datetime | None) -> str:
    tz = zone_or_none(timezone)
    if tz is None or instant is None:
        return timezone
    return f"{timezone} ({format_offset(offset_at(tz, instant))})"


def format_value(value: Any, language: str, timezone: str) -> str:
    if isinstance(value, dict):
        value = value.get(language, next(iter(value.values()), ""))
    if isinstance(value, datetime):
        return format_instant(value, language, timezone)
    if isinstance(value, date):
        return format_date(value, language)
    return "" if value is None else str(value)


def has_line_break(text: str) -> bool:
    return bool(LINE_BREAKS.search(text))


def check_header(field: str, value: str, label: str) -> None:
    """A header value on one line, or a ValidationError naming the field."""
    if has_line_break(value):
        raise ValidationError(field, _("The {label} '{value}' contains a line break, which a mail header cannot "
                                       "hold; correct it first.").format(label=label, value=LINE_BREAKS.sub(" ", value)))


def address_problem(email: str) -> str:
    if not email.strip():
        return _("no e-mail address on record")
    if has_line_break(email) or not ADDRESS.match(email.strip()):
        return _("'{email}' is not an e-mail address").format(email=LINE_BREAKS.sub(" ", email))
    return ""


def _problem(name: str, email: str, subject: str) -> str:
    trouble = address_problem(email)
    if trouble:
        return trouble
    for field, value, label in (("name", name, _("name")), ("subject", subject, _("subject"))):
        try:
            check_header(field, value, label)
        except ValidationError as error:
            return error.message
    return ""


def compose(session: Session, kind: str, recipients: Sequence[Recipient], settings: Settings, *,
            language: str | None = None, today: date | None = None) -> list[Message]:
    """One message per recipient, in its default language unless `language` is given."""
    t.check_kind(kind, language)
    today = today or date.today()
    templates: dict[str, t.TemplateText] = {}
    messages = []
    for recipient in recipients:
        lang = language or recipient.default_language
        if lang not in templates:
            templates[lang] = template = t.get_template(session, kind, lang)
            t.validate_template(kind, template.subject, template.body)
        template = templates[lang]
        clock = recipient.timezone or settings.iad_timezone
        start = recipient.values.get("start")
        values = {name: format_value(recipient.values.get(name, ""), lang, clock) for name in t.PLACEHOLDERS[kind]}
        if not recipient.values.get("recipient"):
            values["recipient"] = recipient.name
        values["today"] = format_date(today, lang)
        if "time_zone" in values:
            values["time_zone"] = zone_text(clock, start if isinstance(start, datetime) else None)
        subject = t.fill(template.subject, values)
        body = t.fill(template.body, values)
        messages.append(Message(
            kind=kind, purpose=recipient.purpose, language=lang, to_name=recipient.name, to_email=recipient.email,
            subject=subject, body=body, attachments=recipient.attachments, report_id=recipient.report_id,
            outreach_id=recipient.outreach_id, partner_id=recipient.partner_id,
            department_ids=recipient.department_ids, problem=_problem(recipient.name, recipient.email, subject),
        ))
    return messages


def edit_message(message: Message, subject: str, body: str) -> Message:
    """The officer's change to one message before it goes out: the subject stays one line."""
    check_header("subject", subject, _("subject"))
    if not subject.strip():
        raise ValidationError("subject", _("Write a subject."))
    if not body.strip():
        raise ValidationError("body", _("Write the message."))
    return replace(message, subject=subject.strip(), body=body, edited=True)
