"""Who receives each kind of message, read from the records where the work already is.

Each function returns one `Recipient` per person or department to write to, with the
values its template's placeholders take (dates and instants left raw, so the message
shows them in the reader's language and on the reader's clock), the files to attach,
the records the message is about, and its `purpose`: the key that a resumed batch uses
so nobody gets the same message twice. A recipient without an address is returned too,
so the officer sees who cannot be written to.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.errors import NotFoundError, ValidationError
from app.evaluation.interviews import due_for_interview
from app.i18n import _
from app.messages import templates as t
from app.outcomes.reports import overdue_reports
from app.output_files import safe_file_name
from app.settings import Settings
from models import (
    Attendance,
    Department,
    Exchange,
    Outreach,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Semester,
    TopicProposal,
    Workshop,
)
from models.enums import OutreachStatus

STAFF, DEPARTMENT, PARTNER = "staff", "department", "partner"


@dataclass(frozen=True)
class Attachment:
    """A file made for one recipient when the message is written (exports/mail.py makes it)."""

    kind: str  # topic_form (semester, department), ics (workshop), certificate (person, exchange)
    ids: tuple[int, ...]
    file_name: str


@dataclass(frozen=True)
class Recipient:
    purpose: str
    name: str
    email: str
    side: str  # staff, department or partner: decides the default language
    timezone: str  # the reader's clock for the times in the message
    values: Mapping[str, Any]
    attachments: tuple[Attachment, ...] = ()
    report_id: int | None = None
    outreach_id: int | None = None
    partner_id: int | None = None
    department_ids: tuple[int, ...] = ()
    related: Mapping[str, int] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return "en" if self.side == PARTNER else "zh"


@dataclass(frozen=True)
class Selection:
    """Which records a batch is for: the options of `iad-workshops mail` and of the compose dialog."""

    semester_id: int | None = None
    workshop_id: int | None = None
    exchange_id: int | None = None
    record_ids: tuple[int, ...] = ()  # outreach or report ids picked in a list
    proposal_id: int | None = None  # outreach: the offers of this topic
    months: int | None = None  # interview requests: no interview for this long (default: the setting)


def _staff_name(person: Person) -> str:
    return person.name_zh or person.name_en


def _staff_names(person: Person) -> dict[str, str]:
    return {"zh": person.name_zh or person.name_en, "en": person.name_en}


def _department_name(department: Department) -> str:
    return department.name_zh or department.name_en


def _department_names(department: Department) -> dict[str, str]:
    return {"zh": department.name_zh or department.name_en, "en": department.name_en}


def _semester(session: Session, semester_id: int | None) -> Semester:
    if semester_id is None:
        raise ValidationError("semester", _("Choose the semester to write about."))
    semester = session.get(Semester, semester_id)
    if semester is None:
        raise NotFoundError(_("The semester #{id} does not exist.").format(id=semester_id))
    return semester


def _workshop(session: Session, workshop_id: int | None) -> Workshop:
    if workshop_id is None:
        raise ValidationError("workshop", _("Choose the workshop (round) to write about."))
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFoundError(_("The workshop #{id} does not exist.").format(id=workshop_id))
    return workshop


def _exchange(session: Session, exchange_id: int | None) -> Exchange:
    if exchange_id is None:
        raise ValidationError("exchange", _("Choose the exchange to write about."))
    exchange = session.get(Exchange, exchange_id)
    if exchange is None:
        raise NotFoundError(_("The exchange #{id} does not exist.").format(id=exchange_id))
    return exchange


def _partners(exchange: Exchange) -> str:
    return ", ".join(partner.name for partner in exchange.partners)


def _workshop_title(workshop: Workshop) -> str:
    exchange = workshop.exchange
    if exchange.planned_rounds > 1:
        return f"{exchange.title} ({workshop.round_number}/{exchange.planned_rounds})"
    return exchange.title


def _ics_name(workshop: Workshop) -> str:
    stem = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in workshop.exchange.title).strip()
    stem = "-".join(stem.split())[:60] or "workshop"
    return f"{stem}-round-{workshop.round_number}.ics"


# ---- 1. topics -----------------------------------------------------------------------
def call_for_topics(session: Session, semester_id: int | None) -> list[Recipient]:
    """Every department, with its own topic form for the semester."""
    semester = _semester(session, semester_id)
    departments = session.scalars(select(Department).order_by(Department.name_en)).all()
    result = []
    for department in departments:
        form = safe_file_name(_("Topic form {semester} - {department}").format(
            semester=semester.name, department=department.name_en)) + ".xlsx"
        result.append(Recipient(
            purpose=f"{t.CALL_FOR_TOPICS}:semester:{semester.id}:department:{department.id}",
            name=_department_name(department), email=department.contact_email.strip(), side=DEPARTMENT,
            timezone="", values={"department": _department_names(department), "semester": semester.name,
                                 "deadline": semester.topic_deadline or semester.starts_on, "attachment": form},
            attachments=(Attachment("topic_form", (semester.id, department.id), form),),
            department_ids=(department.id,),
        ))
    return result


def outreach(session: Session, *, semester_id: int | None = None, outreach_ids: Sequence[int] = (),
             proposal_id: int | None = None) -> list[Recipient]:
    """The contacts of every partner offered a topic: the outreach picked, the topic's, or the semester's planned."""
    query = (select(Outreach).join(TopicProposal, TopicProposal.id == Outreach.proposal_id)
             .options(joinedload(Outreach.proposal).joinedload(TopicProposal.department),
                      joinedload(Outreach.proposal).joinedload(TopicProposal.semester), joinedload(Outreach.partner))
             .order_by(Outreach.id))
    if outreach_ids:
        query = query.where(Outreach.id.in_(list(outreach_ids)))
    elif proposal_id is not None:
        query = query.where(Outreach.proposal_id == proposal_id)
    elif semester_id is not None:
        query = query.where(TopicProposal.semester_id == semester_id, Outreach.status == OutreachStatus.PLANNED)
    else:
        raise ValidationError("semester", _("Choose a semester or the outreach to write about."))
    result = []
    for offer in session.scalars(query).unique():
        proposal, partner = offer.proposal, offer.partner
        values = {"partner": partner.name, "topic": proposal.title, "topic_description": proposal.description,
                  "department": _department_names(proposal.department), "semester": proposal.semester.name}
        contacts: list[PartnerContact | None] = list(partner.contacts) or [None]
        for contact in contacts:
            name = contact.name if contact is not None else partner.name
            result.append(Recipient(
                purpose=f"{t.OUTREACH}:outreach:{offer.id}:contact:{contact.id if contact else 0}",
                name=name, email=(contact.email if contact is not None else "").strip(), side=PARTNER,
                timezone=partner.timezone, values={**values, "contact": name}, outreach_id=offer.id,
                partner_id=partner.id, department_ids=(proposal.department_id,),
            ))
    return result


# ---- 3. exchanges --------------------------------------------------------------------
def _workshop_values(workshop: Workshop) -> dict[str, Any]:
    end = workshop.starts_at.timestamp() + workshop.duration_minutes * 60
    return {"workshop_title": _workshop_title(workshop), "round": str(workshop.round_number),
            "start": workshop.starts_at, "end": datetime.fromtimestamp(end, workshop.starts_at.tzinfo),
            "link": workshop.link or "—", "platform": workshop.platform or "—",
            "partner": _partners(workshop.exchange)}


def _participants(session: Session, exchange_id: int) -> list[Participation]:
    return list(session.scalars(
        select(Participation).join(Person, Person.id == Participation.person_id)
        .where(Participation.exchange_id == exchange_id)
        .options(joinedload(Participation.person).joinedload(Person.department))
        .order_by(Person.name_en)).unique())


def _partner_people(exchange: Exchange) -> list[tuple[PartnerContact, Partner]]:
    chosen = list(exchange.partner_participants)
    if not chosen:  # nobody named yet: the partners' contacts
        chosen = [contact for partner in exchange.partners for contact in partner.contacts]
    partners = {partner.id: partner for partner in exchange.partners}
    return [(contact, partners.get(contact.partner_id) or contact.partner) for contact in chosen]


def invitation(session: Session, workshop_id: int | None, settings: Settings) -> list[Recipient]:
    """A workshop's participants (IAD clock, Chinese) and partner contacts (their clock, English), .ics attached."""
    workshop = _workshop(session, workshop_id)
    exchange = workshop.exchange
    values = _workshop_values(workshop)
    ics = Attachment("ics", (workshop.id,), _ics_name(workshop))
    # A changed workshop is a new invitation (the calendar updates the event): the version is part of the purpose.
    base = f"{t.INVITATION}:workshop:{workshop.id}:v{workshop.version}"
    result = []
    for participation in _participants(session, exchange.id):
        person = participation.person
        result.append(Recipient(
            purpose=f"{base}:person:{person.id}", name=_staff_name(person), email=person.email.strip(), side=STAFF,
            timezone=settings.iad_timezone, values={**values, "recipient": _staff_names(person)}, attachments=(ics,),
            department_ids=(person.department_id,), related={"workshop": workshop.id, "person": person.id},
        ))
    for contact, partner in _partner_people(exchange):
        result.append(Recipient(
            purpose=f"{base}:contact:{contact.id}", name=contact.name, email=contact.email.strip(), side=PARTNER,
            timezone=partner.timezone, values=values, attachments=(ics,), partner_id=partner.id,
            department_ids=tuple(d.id for d in exchange.departments),
            related={"workshop": workshop.id, "contact": contact.id},
        ))
    return result


def preparation_reminder(session: Session, workshop_id: int | None, settings: Settings) -> list[Recipient]:
    """The workshop's participants who have not written what they want to learn and share."""
    workshop = _workshop(session, workshop_id)
    values = _workshop_values(workshop)
    result = []
    for participation in _participants(session, workshop.exchange_id):
        preparation = participation.preparation
        if preparation is not None and preparation.to_learn.strip() and preparation.to_share.strip():
            continue
        person = participation.person
        result.append(Recipient(
            purpose=f"{t.PREPARATION_REMINDER}:workshop:{workshop.id}:person:{person.id}", name=_staff_name(person),
            email=person.email.strip(), side=STAFF, timezone=settings.iad_timezone,
            values={**values, "recipient": _staff_names(person)},
            department_ids=(person.department_id,),
        ))
    return result


# ---- 4. reports ----------------------------------------------------------------------
REPORT_KIND_WORDS = {
    "research_report": {"zh": "研究报告", "en": "research report"},
    "innovation_proposal": {"zh": "创新建议书", "en": "innovation proposal"},
    "field_research": {"zh": "实地调研报告", "en": "field-research report"},
}


def overdue_reminder(session: Session, today: date, *, semester_id: int | None = None,
                     report_ids: Sequence[int] = ()) -> list[Recipient]:
    """Everyone with an overdue report; one reminder per report and day (a later chase is a new purpose)."""
    rows = overdue_reports(session, today, semester_id)
    if report_ids:
        wanted = set(report_ids)
        rows = [row for row in rows if row.report_id in wanted]
    return [Recipient(
        purpose=f"{t.OVERDUE_REMINDER}:report:{row.report_id}:{today.isoformat()}",
        name=row.person_name_zh or row.person_name_en, email=row.email.strip(), side=STAFF, timezone="",
        values={"recipient": {"zh": row.person_name_zh or row.person_name_en, "en": row.person_name_en},
                "report_kind": REPORT_KIND_WORDS[row.kind.value], "due_date": row.due_on,
                "days_overdue": str(row.days_overdue), "workshop_title": row.exchange_title,
                "partner": row.partners},
        report_id=row.report_id, department_ids=(row.department_id,),
    ) for row in rows]


# ---- 5. evaluation -------------------------------------------------------------------
def interview_request(session: Session, today: date, settings: Settings,
                      months: int | None = None) -> list[Recipient]:
    """Departments due for an evaluation interview; once interviewed, a later request is a new purpose."""
    due = due_for_interview(session, today, months, settings=settings)
    departments = {d.id: d for d in session.scalars(
        select(Department).where(Department.id.in_([row.department_id for row in due])))}
    result = []
    for row in due:
        department = departments[row.department_id]
        last = row.last_interview_on.isoformat() if row.last_interview_on else "never"
        result.append(Recipient(
            purpose=f"{t.INTERVIEW_REQUEST}:department:{department.id}:last:{last}",
            name=_department_name(department), email=department.contact_email.strip(), side=DEPARTMENT, timezone="",
            values={"department": _department_names(department), "last_workshop": row.last_workshop_on,
                    "last_interview": row.last_interview_on or {"zh": "尚无", "en": "none yet"}},
            department_ids=(department.id,),
        ))
    return result


def certificate(session: Session, *, workshop_id: int | None = None, exchange_id: int | None = None) -> list[Recipient]:
    """A round's attendees (or every attendee of the exchange), each with their own certificate PDF."""
    if workshop_id is not None:
        workshop = _workshop(session, workshop_id)
        exchange, rounds = workshop.exchange, [workshop.id]
    else:
        exchange = _exchange(session, exchange_id)
        rounds = [w.id for w in exchange.workshops]
    attended = set(session.scalars(
        select(Participation.id).join(Attendance, Attendance.participation_id == Participation.id)
        .where(Attendance.workshop_id.in_(rounds), Attendance.attended.is_(True))))
    result = []
    for participation in _participants(session, exchange.id):
        if participation.id not in attended:
            continue
        person = participation.person
        file_name = safe_file_name(f"Certificate {person.name_en} - {exchange.title}") + ".pdf"
        result.append(Recipient(
            purpose=f"{t.CERTIFICATE}:exchange:{exchange.id}:person:{person.id}", name=_staff_name(person),
            email=person.email.strip(), side=STAFF, timezone="",
            values={"recipient": _staff_names(person), "workshop_title": exchange.title, "partner": _partners(exchange),
                    "semester": exchange.semester.name, "attachment": file_name},
            attachments=(Attachment("certificate", (person.id, exchange.id), file_name),),
            department_ids=(person.department_id,),
        ))
    return result


def thank_you(session: Session, exchange_id: int | None) -> list[Recipient]:
    """The partner contacts of an exchange, after it; each message lands in the follow-up contact log."""
    exchange = _exchange(session, exchange_id)
    department = {"en": ", ".join(d.name_en for d in exchange.departments) or "International Affairs Division",
                  "zh": "、".join(d.name_zh or d.name_en for d in exchange.departments) or "国际合作与交流处"}
    return [Recipient(
        purpose=f"{t.THANK_YOU}:exchange:{exchange.id}:contact:{contact.id}", name=contact.name,
        email=contact.email.strip(), side=PARTNER, timezone=partner.timezone,
        values={"partner": partner.name, "contact": contact.name, "workshop_title": exchange.title,
                "department": department},
        partner_id=partner.id, department_ids=tuple(d.id for d in exchange.departments),
    ) for contact, partner in _partner_people(exchange)]


def recipients_for(session: Session, kind: str, selection: Selection, today: date,
                   settings: Settings) -> list[Recipient]:
    """The recipients of a batch of `kind` for the records selected."""
    t.check_kind(kind)
    if kind == t.CALL_FOR_TOPICS:
        return call_for_topics(session, selection.semester_id)
    if kind == t.OUTREACH:
        return outreach(session, semester_id=selection.semester_id, outreach_ids=selection.record_ids,
                        proposal_id=selection.proposal_id)
    if kind == t.INVITATION:
        return invitation(session, selection.workshop_id, settings)
    if kind == t.PREPARATION_REMINDER:
        return preparation_reminder(session, selection.workshop_id, settings)
    if kind == t.OVERDUE_REMINDER:
        return overdue_reminder(session, today, semester_id=selection.semester_id, report_ids=selection.record_ids)
    if kind == t.INTERVIEW_REQUEST:
        return interview_request(session, today, settings, selection.months)
    if kind == t.CERTIFICATE:
        if selection.workshop_id is None and selection.exchange_id is None:
            raise ValidationError("workshop", _("Choose the round (workshop) or the exchange whose attendees get "
                                                "their certificates."))
        return certificate(session, workshop_id=selection.workshop_id, exchange_id=selection.exchange_id)
    return thank_you(session, selection.exchange_id)
