"""Rows for the window's lists and pickers: one query per list, plain tuples (the preparation form alone
reads its record).

Each function returns tuples whose first item is the record id; the window
shows them in a table model and filters them as the officer types.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Executable, and_, func, select
from sqlalchemy.orm import Session, aliased

from app.storage.bulk_reading import collector_paused
from app.i18n import _, is_chinese

from models import (
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Outreach,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Preparation,
    Report,
    Semester,
    TopicArea,
    TopicProposal,
    UTCDateTime,
    Workshop,
    exchange_partners,
)

Row = tuple[Any, ...]


def _rows(session: Session, query: Executable) -> list[Row]:
    """The query's rows as tuples, read through the session's connection: the ORM's row handling is not needed
    for plain columns and cost a fifth of a long list's reading."""
    if session.autoflush:
        session.flush()  # as the ORM's own execution would: what the session holds unsaved is read too
    with collector_paused():
        return list(map(tuple, session.connection().execute(query)))


def in_language(english: Any, chinese: Any) -> ColumnElement[Any]:
    """A department's, topic area's or exchange's name in the interface language: in the Chinese window its
    Chinese one, where it has one. Read when the query is built (on a list's worker thread too)."""
    return func.coalesce(func.nullif(chinese, ""), english) if is_chinese() else english


def semesters(session: Session) -> list[Row]:
    """(id, name, starts_on) newest first."""
    return _rows(session, select(Semester.id, Semester.name, Semester.starts_on).order_by(Semester.starts_on.desc()))


def departments(session: Session) -> list[Row]:
    """(id, name_en, name_zh, code, people count)."""
    people = select(func.count(Person.id)).where(Person.department_id == Department.id).scalar_subquery()
    return _rows(session, select(Department.id, Department.name_en, Department.name_zh, Department.code, people)
                 .order_by(Department.name_en))


def topic_areas(session: Session) -> list[Row]:
    """(id, English, Chinese, active) in the officers' order."""
    return _rows(session, select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh, TopicArea.active)
                 .order_by(TopicArea.position, TopicArea.name_en))


def proposals(session: Session, semester_id: int | None) -> list[Row]:
    """(id, title, department, area, direction, priority, status, semester, Chinese title)."""
    query = (
        select(TopicProposal.id, TopicProposal.title, in_language(Department.name_en, Department.name_zh),
               in_language(TopicArea.name_en, TopicArea.name_zh), TopicProposal.direction,
               TopicProposal.priority, TopicProposal.status, Semester.name, TopicProposal.title_zh)
        .join(Department, TopicProposal.department_id == Department.id)
        .join(Semester, TopicProposal.semester_id == Semester.id)
        .outerjoin(TopicArea, TopicProposal.area_id == TopicArea.id)
        .order_by(TopicProposal.id)
    )
    if semester_id is not None:
        query = query.where(TopicProposal.semester_id == semester_id)
    return _rows(session, query)


def partners(session: Session) -> list[Row]:
    """(id, name, country, city, timezone, languages, status, exchanges count)."""
    exchanges = select(func.count()).select_from(exchange_partners).where(
        exchange_partners.c.partner_id == Partner.id).scalar_subquery()
    return _rows(session, select(Partner.id, Partner.name, Partner.country, Partner.city, Partner.timezone,
                                 Partner.languages, Partner.status, exchanges).order_by(Partner.name))


def partner_names(session: Session, exchange_ids: list[int] | None = None, *,
                  semester_id: int | None = None) -> dict[int, str]:
    """exchange id -> "Partner A, Partner B" (of the exchanges given, or of one semester's, or of all)."""
    query = (select(exchange_partners.c.exchange_id, Partner.name)
             .join(Partner, Partner.id == exchange_partners.c.partner_id)
             .order_by(exchange_partners.c.exchange_id, Partner.name))
    if exchange_ids is not None:
        query = query.where(exchange_partners.c.exchange_id.in_(exchange_ids))
    if semester_id is not None:
        query = query.where(exchange_partners.c.exchange_id.in_(
            select(Exchange.id).where(Exchange.semester_id == semester_id)))
    names: dict[int, list[str]] = {}
    for exchange_id, name in session.execute(query):
        names.setdefault(exchange_id, []).append(name)
    return {key: ", ".join(value) for key, value in names.items()}


def workshops(session: Session, semester_id: int | None) -> list[Row]:
    """(id, exchange title, "round/planned", partners, starts_at UTC, duration, status, platform, exchange id,
    exchange's Chinese title)."""
    query = (
        select(Workshop.id, Exchange.title, Workshop.round_number, Exchange.planned_rounds, Workshop.starts_at,
               Workshop.duration_minutes, Workshop.status, Workshop.platform, Exchange.id, Exchange.title_zh)
        .join(Exchange, Workshop.exchange_id == Exchange.id)
        .order_by(Workshop.starts_at)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    rows = session.execute(query).all()
    names = partner_names(session, semester_id=semester_id)
    return [
        (wid, title, f"{number}/{planned}", names.get(exchange_id, ""), starts, duration, status, platform, exchange_id,
         title_zh)
        for wid, title, number, planned, starts, duration, status, platform, exchange_id, title_zh in rows
    ]


def exchanges(session: Session, semester_id: int | None) -> list[Row]:
    """(id, title, kind, planned rounds, partners)."""
    query = select(Exchange.id, Exchange.title, Exchange.kind, Exchange.planned_rounds).order_by(Exchange.title)
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    names = partner_names(session, semester_id=semester_id)
    return [(eid, title, kind, rounds, names.get(eid, "")) for eid, title, kind, rounds in session.execute(query)]


def people(session: Session) -> list[Row]:
    """(id, name_en, name_zh, department, position, email, exchanges count)."""
    count = select(func.count(Participation.id)).where(Participation.person_id == Person.id).scalar_subquery()
    return _rows(session, select(Person.id, Person.name_en, Person.name_zh,
                                 in_language(Department.name_en, Department.name_zh), Person.position, Person.email,
                                 count)
                 .join(Department, Person.department_id == Department.id).order_by(Person.name_en))


def participations_of(session: Session, person_id: int) -> list[Row]:
    """(participation id, exchange title, semester, role)."""
    return _rows(session, select(Participation.id, in_language(Exchange.title, Exchange.title_zh), Semester.name,
                                 Participation.role)
                 .join(Exchange, Participation.exchange_id == Exchange.id)
                 .join(Semester, Exchange.semester_id == Semester.id)
                 .where(Participation.person_id == person_id).order_by(Semester.starts_on.desc()))


def reports(session: Session, semester_id: int | None) -> list[Row]:
    """(id, person, department, exchange, kind, title, due, submitted, review status, publication)."""
    query = (
        select(Report.id, Person.name_en, in_language(Department.name_en, Department.name_zh),
               in_language(Exchange.title, Exchange.title_zh), Report.kind, Report.title,
               Report.due_on, Report.submitted_on, Report.review_status, Report.publication_channel)
        .join(Participation, Report.participation_id == Participation.id)
        .join(Person, Participation.person_id == Person.id)
        .join(Department, Person.department_id == Department.id)
        .join(Exchange, Participation.exchange_id == Exchange.id)
        .order_by(Report.id)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    rows = _rows(session, query)
    # Sorted here rather than by the database: walking the reports in due-date order through its index reads
    # the table out of order, which cost more than the rows' growth on a large database. Reports are made in
    # about the order they fall due, so this sort is short; it is stable, so a day's reports stay by id.
    rows.sort(key=_due_or_last)
    return rows


def _due_or_last(row: Row) -> date:
    return row[6] or date.max  # reports without a due date last, on every database


def evaluations(session: Session, semester_id: int | None) -> list[Row]:
    """(id, department, semester, interview date, interviewer, average score)."""
    average = (select(func.avg(EvaluationScore.score)).where(EvaluationScore.evaluation_id == Evaluation.id)
               .scalar_subquery())
    query = (
        select(Evaluation.id, in_language(Department.name_en, Department.name_zh), Semester.name,
               Evaluation.interview_date, Evaluation.interviewer,
               average)
        .join(Department, Evaluation.department_id == Department.id)
        .join(Semester, Evaluation.semester_id == Semester.id)
        .order_by(Evaluation.interview_date.desc())
    )
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    return [(*row[:5], round(float(row[5]), 2) if row[5] is not None else None) for row in session.execute(query)]


def exchange_history(session: Session, partner_id: int) -> list[Row]:
    """(exchange id, semester, title, kind, planned rounds, first start) for one partner."""
    first = aliased(Workshop)
    query = (
        select(Exchange.id, Semester.name, Exchange.title, Exchange.kind, Exchange.planned_rounds,
               # typed, so the earliest start comes back as an aware UTC instant on every backend
               func.min(first.starts_at, type_=UTCDateTime()))
        .join(exchange_partners, and_(exchange_partners.c.exchange_id == Exchange.id,
                                      exchange_partners.c.partner_id == partner_id))
        .join(Semester, Exchange.semester_id == Semester.id)
        .outerjoin(first, first.exchange_id == Exchange.id)
        .group_by(Exchange.id, Semester.name, Semester.starts_on, Exchange.title, Exchange.kind,
                  Exchange.planned_rounds)
        .order_by(Semester.starts_on.desc())
    )
    return _rows(session, query)


def contact_choices(session: Session) -> list[tuple[int, str]]:
    """Every partner contact as (id, "name — partner"), for pickers."""
    query = (select(PartnerContact.id, PartnerContact.name, Partner.name)
             .join(Partner, PartnerContact.partner_id == Partner.id).order_by(Partner.name, PartnerContact.name))
    return [(cid, f"{name} — {partner}") for cid, name, partner in session.execute(query)]


def contact_name(session: Session, contact_id: int) -> str:
    """The name of one partner contact."""
    return session.execute(select(PartnerContact.name).where(PartnerContact.id == contact_id)).scalar_one()


def participation_choices(session: Session, semester_id: int | None) -> list[tuple[int, str]]:
    """Every participant of the semester's exchanges as (participation id, "names — exchange")."""
    query = (select(Participation.id, Person.name_en, Person.name_zh, Exchange.title)
             .join(Person, Participation.person_id == Person.id)
             .join(Exchange, Participation.exchange_id == Exchange.id)
             .order_by(Person.name_en))
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    return [(pid, f"{en} {zh} — {title}") for pid, en, zh, title in session.execute(query)]


def outreach_of(session: Session, proposal_id: int) -> list[Row]:
    """The outreach of one proposal: (id, partner, status, contacted on, answered on, notes)."""
    return _rows(session, select(Outreach.id, Partner.name, Outreach.status, Outreach.contacted_on,
                                 Outreach.answered_on, Outreach.notes)
                 .join(Partner, Outreach.partner_id == Partner.id)
                 .where(Outreach.proposal_id == proposal_id).order_by(Partner.name))


def preparation_of(session: Session, participation_id: int) -> Preparation | None:
    """What one participant prepared for one exchange, if anything yet."""
    return session.scalar(select(Preparation).where(Preparation.participation_id == participation_id))


LISTS = ("workshops", "exchanges", "people")


def for_command_line(session: Session, what: str, semester_id: int | None) -> tuple[tuple[str, ...], list[Row]]:
    """(headers, rows) for `iad-workshops list WHAT`: the ids the export commands take, beside names.

    Workshops: (id, exchange id, exchange, round, starts UTC, status); exchanges: (id, title,
    semester, partners); people: (id, English name, Chinese name, department); with a
    semester, only its workshops and exchanges, and the people taking part in them.
    """
    if what == "workshops":
        query = (select(Workshop.id, Exchange.id, Exchange.title, Workshop.round_number, Workshop.starts_at,
                        Workshop.status)
                 .join(Exchange, Workshop.exchange_id == Exchange.id).order_by(Workshop.starts_at, Workshop.id))
        if semester_id is not None:
            query = query.where(Exchange.semester_id == semester_id)
        return (_("id"), _("exchange id"), _("exchange"), _("round"), _("starts (UTC)"), _("status")), _rows(
            session, query)
    if what == "exchanges":
        exchanges_query = (select(Exchange.id, Exchange.title, Semester.name)
                 .join(Semester, Exchange.semester_id == Semester.id).order_by(Semester.starts_on, Exchange.title))
        if semester_id is not None:
            exchanges_query = exchanges_query.where(Exchange.semester_id == semester_id)
        rows = session.execute(exchanges_query).all()
        names = partner_names(session, [row[0] for row in rows])
        return (_("id"), _("title"), _("semester"), _("partners")), [
            (eid, title, semester, names.get(eid, "")) for eid, title, semester in rows]
    if what == "people":
        people_query = (select(Person.id, Person.name_en, Person.name_zh, Department.name_en)
                 .join(Department, Person.department_id == Department.id).order_by(Person.name_en, Person.id))
        if semester_id is not None:
            taking_part = (select(Participation.person_id).join(Exchange, Participation.exchange_id == Exchange.id)
                           .where(Exchange.semester_id == semester_id))
            people_query = people_query.where(Person.id.in_(taking_part))
        return (_("id"), _("name"), _("Chinese name"), _("department")), _rows(session, people_query)
    raise ValueError(what)
