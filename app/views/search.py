"""Search everything: topics, partners, people, workshops and reports whose names contain the typed text.

One query per kind, each with a LIMIT, so the answer comes as fast on ten years of records
as on one semester. Names are matched in English and in Chinese, case-insensitively, on
any part of a word.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.i18n import _
from models import Department, Exchange, Participation, Partner, Person, Report, Semester, TopicProposal, Workshop

PER_KIND = 8


@dataclass(frozen=True)
class Found:
    """One record found: its kind (as the window's tabs name it), id, name and a line saying what it is."""

    kind: str
    record_id: int
    name: str
    detail: str


def _contains(text: str, *columns: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*(column.ilike(f"%{escaped}%", escape="\\") for column in columns))


def search_everything(session: Session, text: str, per_kind: int = PER_KIND) -> list[Found]:
    """The records whose names contain `text`: topics, partners, people, workshops, reports, in that order."""
    text = " ".join(text.split())
    if not text:
        return []
    found: list[Found] = []
    for proposal_id, title, semester, department in session.execute(
            select(TopicProposal.id, TopicProposal.title, Semester.name, Department.name_en)
            .join(Semester, TopicProposal.semester_id == Semester.id)
            .join(Department, TopicProposal.department_id == Department.id)
            .where(_contains(text, TopicProposal.title)).order_by(Semester.starts_on.desc()).limit(per_kind)):
        found.append(Found("proposal", proposal_id, title, _("Topic · {department} · {semester}").format(
            department=department, semester=semester)))
    for partner_id, name, name_zh, country in session.execute(
            select(Partner.id, Partner.name, Partner.name_zh, Partner.country)
            .where(_contains(text, Partner.name, Partner.name_zh, Partner.city)).order_by(Partner.name)
            .limit(per_kind)):
        found.append(Found("partner", partner_id, f"{name} {name_zh}".strip(),
                           _("Partner university · {country}").format(country=country)))
    for person_id, name_en, name_zh, department in session.execute(
            select(Person.id, Person.name_en, Person.name_zh, Department.name_en)
            .join(Department, Person.department_id == Department.id)
            .where(_contains(text, Person.name_en, Person.name_zh, Person.email)).order_by(Person.name_en)
            .limit(per_kind)):
        found.append(Found("person", person_id, f"{name_en} {name_zh}".strip(),
                           _("Person · {department}").format(department=department)))
    for workshop_id, title, round_number, semester in session.execute(
            select(Workshop.id, Exchange.title, Workshop.round_number, Semester.name)
            .join(Exchange, Workshop.exchange_id == Exchange.id).join(Semester, Exchange.semester_id == Semester.id)
            .where(_contains(text, Exchange.title)).order_by(Workshop.starts_at.desc()).limit(per_kind)):
        found.append(Found("workshop", workshop_id, title, _("Workshop · round {n} · {semester}").format(
            n=round_number, semester=semester)))
    for report_id, title, title_zh, person in session.execute(
            select(Report.id, Report.title, Report.title_zh, Person.name_en)
            .join(Participation, Report.participation_id == Participation.id)
            .join(Person, Participation.person_id == Person.id)
            .where(_contains(text, Report.title, Report.title_zh)).order_by(Report.due_on.desc()).limit(per_kind)):
        found.append(Found("report", report_id, f"{title} {title_zh}".strip(),
                           _("Report · {person}").format(person=person)))
    return found
