"""Messages: templates and their placeholders, one message per recipient, .eml drafts as a mail program reads them."""
from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.messages import templates as t
from app.messages.batch import prepare_batch
from app.messages.compose import edit_message
from app.messages.message_log import Outcome, record_outcome, reminders_for_report
from app.messages.recipients import Selection
from app.settings import Settings
from exports import mail
from models import Attendance, FollowUpContact, MessageLogEntry, Outreach
from models.enums import OutreachStatus, ProposalStatus

TODAY = date(2026, 11, 20)
SETTINGS = Settings(mail_from_address="iad@sjtu.edu.cn", mail_from_name="International Affairs Division")


def parse(path: Path) -> EmailMessage:
    parsed = message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def attachments_of(message: EmailMessage) -> dict[str, bytes]:
    return {part.get_filename() or "": part.get_payload(decode=True) for part in message.iter_attachments()}


@pytest.fixture
def made_bytes(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes of every file the program attached, by file name, to compare with what the .eml holds."""
    made: dict[str, bytes] = {}
    real = mail.attachment_file

    def recording(session: Session, attachment: Any, *args: Any) -> Any:
        result = real(session, attachment, *args)
        made[f"{args[0].to_email}/{attachment.file_name}"] = result[0]
        return result

    monkeypatch.setattr(mail, "attachment_file", recording)
    return made


def _drafts(db_session: Session, officer: Actor, kind: str, selection: Selection, folder: Path,
            settings: Settings = SETTINGS) -> list[Path]:
    batch = prepare_batch(db_session, kind, selection, settings, today=TODAY)
    return mail.write_drafts(db_session, batch.to_send, folder, settings,
                             lambda message, outcome: record_outcome(db_session, officer, message, outcome, today=TODAY))


# ---- templates ------------------------------------------------------------------------
def test_every_built_in_template_is_valid_in_both_languages() -> None:
    for kind in t.KINDS:
        for language in t.LANGUAGES:
            subject, body = t.BUILT_IN[(kind, language)]
            t.validate_template(kind, subject, body)


def test_unknown_placeholder_is_refused_when_saved_and_names_it(db_session: Session, officer: Actor) -> None:
    with pytest.raises(ValidationError, match=r"\{due_date\}.*call for topics") as caught:
        t.save_template(db_session, officer, t.CALL_FOR_TOPICS, "en", "Topics for {semester}",
                        "Please answer by {due_date}.")
    assert caught.value.field == "body"
    with pytest.raises(ValidationError, match="brace") as caught:
        t.save_template(db_session, officer, t.CALL_FOR_TOPICS, "en", "Topics for {semester", "Body")
    assert caught.value.field == "subject"
    with pytest.raises(ValidationError, match="one line"):
        t.save_template(db_session, officer, t.CALL_FOR_TOPICS, "en", "Topics\nBcc: all@example.com", "Body")
    assert db_session.scalars(select(MessageLogEntry)).all() == []


def test_saved_template_is_used_and_reset_returns_to_the_built_in(
        db_session: Session, officer: Actor, make_semester: Callable[..., Any],
        make_department: Callable[..., Any]) -> None:
    semester = make_semester(name="2027 Spring")
    make_department(name_en="Asset Management Office", name_zh="资产管理处", contact_email="amo@sjtu.edu.cn")
    t.save_template(db_session, officer, t.CALL_FOR_TOPICS, "zh", "选题：{semester}", "{department}，请于 {deadline} 前回复。{{注}}")
    [message] = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), SETTINGS,
                              today=TODAY).messages
    assert message.subject == "选题：2027 Spring"
    assert message.body == "资产管理处，请于 2026年6月30日 前回复。{注}"
    assert not t.reset_template(db_session, officer, t.CALL_FOR_TOPICS, "zh").custom


# ---- recipients and messages ----------------------------------------------------------------
def test_call_for_topics_drafts_carry_each_departments_own_form(
        db_session: Session, officer: Actor, tmp_path: Path, made_bytes: dict[str, bytes],
        make_semester: Callable[..., Any], make_department: Callable[..., Any]) -> None:
    semester = make_semester(name="2027 Spring", topic_deadline=date(2026, 12, 10))
    assets = make_department(name_en="Asset Management Office", name_zh="资产管理处", contact_email="amo@sjtu.edu.cn")
    make_department(name_en="Counselling Centre", name_zh="心理咨询中心", contact_email="cc@sjtu.edu.cn")
    make_department(name_en="No Mail Office", name_zh="无邮箱处", contact_email="")

    batch = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), SETTINGS, today=TODAY)
    assert [m.to_name for m in batch.unusable] == ["无邮箱处"]
    assert batch.unusable[0].problem == "no e-mail address on record"

    paths = _drafts(db_session, officer, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), tmp_path)
    assert len(paths) == 2
    first = parse(paths[0])
    assert first["X-Unsent"] == "1"
    assert first["To"].addresses[0].addr_spec == "amo@sjtu.edu.cn"
    assert first["To"].addresses[0].display_name == "资产管理处"
    assert first["Subject"] == "2027 Spring 国际在线研讨会选题征集"
    body = first.get_body(("plain",)).get_content()
    assert "资产管理处：" in body and "2026年12月10日" in body
    files = attachments_of(first)
    name = "Topic form 2027 Spring - Asset Management Office.xlsx"
    assert list(files) == [name]
    assert files[name] == made_bytes[f"amo@sjtu.edu.cn/{name}"]
    workbook = load_workbook(io.BytesIO(files[name]))
    info = {row[0]: row[1] for row in workbook["FormInfo"].iter_rows(values_only=True)}
    assert (info["department_id"], info["semester_id"]) == (assets.id, semester.id)

    logged = db_session.scalars(select(MessageLogEntry).order_by(MessageLogEntry.id)).all()
    assert [(e.recipient_email, e.result, e.channel) for e in logged] == [
        ("amo@sjtu.edu.cn", "drafted", "draft"), ("cc@sjtu.edu.cn", "drafted", "draft")]
    assert logged[0].message_id == first["Message-ID"]


def test_invitation_in_each_readers_language_and_clock_with_attendee_and_alarm(
        db_session: Session, officer: Actor, tmp_path: Path, made_bytes: dict[str, bytes],
        make_workshop: Callable[..., Any], make_participation: Callable[..., Any], make_person: Callable[..., Any],
        make_contact: Callable[..., Any]) -> None:
    workshop = make_workshop(starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC), duration_minutes=150)
    exchange = workshop.exchange
    exchange.title = "Student mental health"
    person = make_person(name_en="Li Lei", name_zh="李雷", email="lilei@sjtu.edu.cn")
    make_participation(person=person, exchange=exchange)
    make_contact(partner=exchange.partners[0], name="Jane Smith", email="jane@example.ac.uk")
    db_session.flush()

    paths = _drafts(db_session, officer, t.INVITATION, Selection(workshop_id=workshop.id), tmp_path)
    by_to = {parse(p)["To"].addresses[0].addr_spec: parse(p) for p in paths}
    staff, partner = by_to["lilei@sjtu.edu.cn"], by_to["jane@example.ac.uk"]
    staff_body = staff.get_body(("plain",)).get_content()
    partner_body = partner.get_body(("plain",)).get_content()
    assert "李雷：" in staff_body and "2026年10月15日（周四）15:00" in staff_body  # Shanghai clock
    assert "Asia/Shanghai (UTC+08:00)" in staff_body
    assert partner_body.startswith("Dear Jane Smith,")
    assert "Starts: Thu 15 October 2026, 08:00" in partner_body  # London clock, summer time
    assert "Europe/London (UTC+01:00)" in partner_body
    for to, parsed in by_to.items():
        [(name, data)] = attachments_of(parsed).items()
        assert data == made_bytes[f"{to}/{name}"]
        [part] = list(parsed.iter_attachments())
        assert part.get_content_type() == "text/calendar"
        calendar = Calendar.from_ical(data)
        event = calendar.walk("VEVENT")[0]
        assert str(event["attendee"]) == f"mailto:{to}"
        assert str(event["organizer"]) == "mailto:iad@sjtu.edu.cn" and calendar["method"] == "REQUEST"
        assert part.get_param("method") == "REQUEST"
        assert event.walk("VALARM"), "the invitation reminds before the workshop"


def test_certificates_go_to_the_rounds_attendees_with_their_own_pdf(
        db_session: Session, officer: Actor, tmp_path: Path, made_bytes: dict[str, bytes],
        make_workshop: Callable[..., Any], make_participation: Callable[..., Any],
        make_person: Callable[..., Any]) -> None:
    workshop = make_workshop()
    present = make_participation(person=make_person(name_en="Han Meimei", name_zh="韩梅梅", email="hmm@sjtu.edu.cn"),
                                 exchange=workshop.exchange)
    absent = make_participation(exchange=workshop.exchange)
    db_session.add_all([Attendance(participation_id=present.id, workshop_id=workshop.id, attended=True),
                        Attendance(participation_id=absent.id, workshop_id=workshop.id, attended=False)])
    db_session.flush()
    [path] = _drafts(db_session, officer, t.CERTIFICATE, Selection(workshop_id=workshop.id), tmp_path)
    parsed = parse(path)
    [(name, data)] = attachments_of(parsed).items()
    assert name.endswith(".pdf") and data == made_bytes[f"hmm@sjtu.edu.cn/{name}"]
    assert "Han Meimei" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_line_breaks_in_names_or_subjects_are_refused_and_listed(
        db_session: Session, officer: Actor, tmp_path: Path, make_semester: Callable[..., Any],
        make_department: Callable[..., Any]) -> None:
    semester = make_semester(name="2027 Spring")
    make_department(name_en="Evil Office", name_zh="坏\r\nBcc: everyone@example.com", contact_email="evil@sjtu.edu.cn")
    make_department(name_en="Bad Address", name_zh="错地址", contact_email="someone@sjtu.edu.cn\nBcc: x@y.org")
    batch = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), SETTINGS, today=TODAY)
    assert batch.to_send == []
    problems = sorted(m.problem for m in batch.unusable)
    assert "is not an e-mail address" in problems[0]
    assert "line break" in problems[1]
    with pytest.raises(ValidationError, match="cannot be written"):
        mail.build_email(db_session, batch.unusable[0], SETTINGS, draft=True)
    assert mail.write_drafts(db_session, batch.to_send, tmp_path, SETTINGS, lambda m, o: None) == []
    ready = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), SETTINGS,
                          today=TODAY).messages[0]
    with pytest.raises(ValidationError, match="line break"):
        edit_message(ready, "Hello\r\nBcc: all@example.com", "Body")


def test_edited_message_goes_out_as_edited(db_session: Session, officer: Actor, tmp_path: Path,
                                           make_semester: Callable[..., Any],
                                           make_department: Callable[..., Any]) -> None:
    semester = make_semester(name="2027 Spring")
    make_department(name_en="Library", name_zh="图书馆", contact_email="lib@sjtu.edu.cn")
    [message] = prepare_batch(db_session, t.CALL_FOR_TOPICS, Selection(semester_id=semester.id), SETTINGS,
                              today=TODAY).to_send
    edited = edit_message(message, "Library only: topics for 2027 Spring", "Dear Library,\n\nA word for you.")
    path, _ = mail.write_draft(db_session, edited, tmp_path, 1, SETTINGS)
    parsed = parse(path)
    assert parsed["Subject"] == "Library only: topics for 2027 Spring"
    assert parsed.get_body(("plain",)).get_content().startswith("Dear Library,")


# ---- what the log changes where the work is -------------------------------------------
def test_outreach_sent_updates_the_outreach_and_the_follow_up_log(
        db_session: Session, officer: Actor, make_proposal: Callable[..., Any],
        make_contact: Callable[..., Any]) -> None:
    proposal = make_proposal(title="Campus safety drills", status=ProposalStatus.ACCEPTED)
    contact = make_contact(name="Ann Lee", email="ann@example.edu")
    offer = Outreach(proposal_id=proposal.id, partner_id=contact.partner_id)
    db_session.add(offer)
    db_session.flush()
    batch = prepare_batch(db_session, t.OUTREACH, Selection(semester_id=proposal.semester_id), SETTINGS, today=TODAY)
    [message] = batch.to_send
    assert message.language == "en" and message.body.startswith("Dear Ann Lee,")
    record_outcome(db_session, officer, message, Outcome("sent", "smtp", "", "<1@x>"), today=TODAY)
    db_session.refresh(offer)
    assert offer.status == OutreachStatus.CONTACTED and offer.contacted_on == TODAY
    assert "e-mail sent to Ann Lee <ann@example.edu>" in offer.notes
    [logged] = db_session.scalars(select(FollowUpContact).where(FollowUpContact.partner_id == contact.partner_id)).all()
    assert logged.department_id == proposal.department_id and logged.contact_date == TODAY
    assert "Campus safety drills" in logged.summary
    again = prepare_batch(db_session, t.OUTREACH, Selection(record_ids=(offer.id,)), SETTINGS, today=TODAY)
    assert again.to_send == [] and len(again.done_before) == 1


def test_overdue_reminder_is_shown_on_the_report(db_session: Session, officer: Actor,
                                                 make_report: Callable[..., Any]) -> None:
    report = make_report(due_on=date(2026, 10, 1))
    batch = prepare_batch(db_session, t.OVERDUE_REMINDER, Selection(), SETTINGS, today=TODAY)
    [message] = [m for m in batch.to_send if m.report_id == report.id]
    assert "已逾期 50 天" in message.body and "2026年10月1日" in message.body
    record_outcome(db_session, officer, message, Outcome("sent", "smtp"), today=TODAY)
    [line] = reminders_for_report(db_session, report.id)
    assert line.result == "sent" and line.recipient_email == message.to_email


def test_interview_request_for_departments_due_and_a_new_purpose_after_the_interview(
        db_session: Session, officer: Actor, make_workshop: Callable[..., Any], make_department: Callable[..., Any],
        make_evaluation: Callable[..., Any]) -> None:
    from models.enums import WorkshopStatus

    department = make_department(name_en="Library", name_zh="图书馆", contact_email="lib@sjtu.edu.cn")
    workshop = make_workshop(status=WorkshopStatus.HELD)
    workshop.exchange.departments.append(department)
    db_session.flush()
    [message] = prepare_batch(db_session, t.INTERVIEW_REQUEST, Selection(), SETTINGS, today=TODAY).to_send
    assert message.to_email == "lib@sjtu.edu.cn" and message.language == "zh"
    assert "上次访谈：尚无" in message.body and "2026年10月15日" in message.body
    record_outcome(db_session, officer, message, Outcome("sent", "smtp"), today=TODAY)
    assert prepare_batch(db_session, t.INTERVIEW_REQUEST, Selection(), SETTINGS, today=TODAY).to_send == []

    make_evaluation(department=department, interview_date=date(2026, 10, 30))
    assert prepare_batch(db_session, t.INTERVIEW_REQUEST, Selection(), SETTINGS, today=TODAY).messages == []
    [again] = prepare_batch(db_session, t.INTERVIEW_REQUEST, Selection(months=0), SETTINGS, today=TODAY).to_send
    assert "上次访谈：2026年10月30日" in again.body and again.purpose != message.purpose
