"""What the spreadsheets show: one query function per list, returning plain rows.

Every function reads with a fixed number of queries (no query per row), returns
tuples of plain values (strings, numbers, dates, aware datetimes) and never ORM
objects, so the exports in exports/ only format and write. Names in both scripts
are shown as "English (中文)".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.errors import AppError
from app.i18n import _
from app.directory.reference_data import AreaRef, topic_areas
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Outreach,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Report,
    RubricItem,
    Semester,
    TopicArea,
    TopicProposal,
    VisitPriority,
    Workshop,
)
from models.enums import WorkshopStatus
from models.exchanges import exchange_partners
from models.outcomes import evaluation_exchanges

LIST_SEPARATOR = "; "
K = TypeVar("K")


def bilingual(english: str, chinese: str | None) -> str:
    return f"{english} ({chinese})" if chinese else english


def _label(member: Any) -> str:
    return _(member.label)


# ---- semesters ------------------------------------------------------------------
@dataclass(frozen=True)
class SemesterRef:
    id: int
    name: str
    starts_on: date
    topic_deadline: date | None


def semesters(session: Session) -> list[SemesterRef]:
    query = select(Semester.id, Semester.name, Semester.starts_on, Semester.topic_deadline).order_by(
        Semester.starts_on, Semester.name)
    return [SemesterRef(*row) for row in session.execute(query)]


def semester_named(session: Session, name: str) -> SemesterRef:
    """The semester called `name` (spaces and case forgiven), or an error listing the known ones."""
    known = semesters(session)
    wanted = " ".join(name.split()).casefold()
    for semester in known:
        if " ".join(semester.name.split()).casefold() == wanted:
            return semester
    names = ", ".join(semester.name for semester in known) or _("none yet")
    raise AppError(_("There is no semester '{name}'; the semesters are: {names}.").format(name=name, names=names))


def semester_ref(session: Session, semester_id: int) -> SemesterRef:
    row = session.execute(
        select(Semester.id, Semester.name, Semester.starts_on, Semester.topic_deadline).where(Semester.id == semester_id)
    ).first()
    if row is None:
        raise AppError(_("The semester #{id} no longer exists.").format(id=semester_id))
    return SemesterRef(*row)


# ---- evaluations ----------------------------------------------------------------
class EvaluationScoreRow(NamedTuple):
    """One rubric score of one interview (an interview without scores gives one row without)."""

    evaluation_id: int
    department: str
    semester: str
    exchanges: str
    partners: str
    interviewer: str
    interview_date: date
    rubric_item: str | None
    score: int | None
    notes: str


EVALUATION_FIELDS = EvaluationScoreRow._fields


def _evaluation_ids(semester_id: int | None) -> Select[Any]:
    query = select(Evaluation.id)
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    return query


def exchanges_and_partners_discussed(session: Session, semester_id: int | None) -> tuple[dict[int, str], dict[int, str]]:
    """Per interview (of one semester, or all): the exchanges it covered and their partners, each joined. Two queries."""
    chosen = _evaluation_ids(semester_id).scalar_subquery()
    exchanges: dict[int, list[str]] = defaultdict(list)
    for evaluation_id, title in session.execute(
        select(evaluation_exchanges.c.evaluation_id, Exchange.title)
        .join(Exchange, Exchange.id == evaluation_exchanges.c.exchange_id)
        .where(evaluation_exchanges.c.evaluation_id.in_(chosen))
        .order_by(evaluation_exchanges.c.evaluation_id, Exchange.title)
    ):
        exchanges[evaluation_id].append(title)
    partners: dict[int, list[str]] = defaultdict(list)
    for evaluation_id, name in session.execute(
        select(evaluation_exchanges.c.evaluation_id, Partner.name)
        .join(exchange_partners, exchange_partners.c.exchange_id == evaluation_exchanges.c.exchange_id)
        .join(Partner, Partner.id == exchange_partners.c.partner_id)
        .where(evaluation_exchanges.c.evaluation_id.in_(chosen))
        .distinct()
        .order_by(evaluation_exchanges.c.evaluation_id, Partner.name)
    ):
        partners[evaluation_id].append(name)
    return ({key: LIST_SEPARATOR.join(value) for key, value in exchanges.items()},
            {key: LIST_SEPARATOR.join(value) for key, value in partners.items()})


def evaluation_rows(session: Session, semester_id: int | None = None) -> list[EvaluationScoreRow]:
    """Every score of every interview (of one semester), in semester, department, date order. Three queries."""
    joined_exchanges, joined_partners = exchanges_and_partners_discussed(session, semester_id)

    query = (
        select(
            Evaluation.id, Department.name_en, Department.name_zh, Semester.name, Evaluation.interviewer,
            Evaluation.interview_date, RubricItem.name_en, RubricItem.name_zh, EvaluationScore.score,
            EvaluationScore.notes,
        )
        .join(Department, Department.id == Evaluation.department_id)
        .join(Semester, Semester.id == Evaluation.semester_id)
        .outerjoin(EvaluationScore, EvaluationScore.evaluation_id == Evaluation.id)
        .outerjoin(RubricItem, RubricItem.id == EvaluationScore.rubric_item_id)
        .order_by(Semester.starts_on, Semester.name, Department.name_en, Evaluation.interview_date, Evaluation.id,
                  RubricItem.position, RubricItem.id)
    )
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    # Department and item names repeat on every row; build each display string once.
    names: dict[tuple[str, str | None], str] = {}
    rows: list[EvaluationScoreRow] = []
    empty = ""
    for (evaluation_id, dept_en, dept_zh, semester, interviewer, day, item_en, item_zh, score,
         notes) in session.execute(query):
        department = names.get((dept_en, dept_zh))
        if department is None:
            department = names[(dept_en, dept_zh)] = bilingual(dept_en, dept_zh)
        item = None
        if item_en is not None:
            item = names.get((item_en, item_zh))
            if item is None:
                item = names[(item_en, item_zh)] = bilingual(item_en, item_zh)
        rows.append(EvaluationScoreRow(
            evaluation_id, department, semester, joined_exchanges.get(evaluation_id, empty),
            joined_partners.get(evaluation_id, empty), interviewer, day, item, score, notes or empty,
        ))
    return rows


@dataclass(frozen=True)
class ScoreMean:
    """The mean of the rubric scores given in a group of interviews."""

    interviews: int  # interviews in the group, scored or not
    scores: int
    average: float | None  # None when nothing in the group was scored


def mean_scores(scores: Iterable[tuple[K, int, int | None]]) -> dict[K, ScoreMean]:
    """Per group, in the order the groups first appear: the mean of every score given in it.

    Each item is (group, interview id, score); a score of None counts the
    interview (one that was held but not scored) and leaves the mean alone.
    Every average the program prints or writes about interviews comes from here.
    """
    interviews: dict[K, set[int]] = {}
    totals: dict[K, list[int]] = {}
    for key, evaluation_id, score in scores:
        interviews.setdefault(key, set()).add(evaluation_id)
        total = totals.setdefault(key, [0, 0])
        if score is not None:
            total[0] += score
            total[1] += 1
    return {
        key: ScoreMean(len(interviews[key]), count, points / count if count else None)
        for key, (points, count) in totals.items()
    }


@dataclass(frozen=True)
class AverageRow:
    """The mean score of one group (a department, a semester)."""

    name: str
    interviews: int
    scores: int
    average: float | None


def evaluation_averages(rows: Iterable[EvaluationScoreRow], by: str) -> list[AverageRow]:
    """Mean of every rubric score per `by` ("department" or "semester"), from the rows themselves.

    Departments come in name order, semesters in the rows' (chronological) order.
    """
    if by not in ("department", "semester"):
        raise ValueError(f"unknown grouping {by!r}")
    means = mean_scores((getattr(row, by), row.evaluation_id, row.score) for row in rows)
    keys = sorted(means, key=str.casefold) if by == "department" else list(means)
    return [AverageRow(key, means[key].interviews, means[key].scores, means[key].average) for key in keys]


# ---- topics ---------------------------------------------------------------------
class TopicRow(NamedTuple):
    semester: str
    department: str
    area: str
    title: str
    description: str
    direction: str
    priority: str
    preferred_region: str
    status: str
    source: str
    received: datetime
    outreach: str


def topic_rows(session: Session, semester_id: int | None = None) -> list[TopicRow]:
    """Every topic proposal (of one semester) with the partners it was offered to. Two queries."""
    query = (
        select(TopicProposal, Semester.name, Department.name_en, Department.name_zh, TopicArea.name_en,
               TopicArea.name_zh)
        .join(Semester, Semester.id == TopicProposal.semester_id)
        .join(Department, Department.id == TopicProposal.department_id)
        .outerjoin(TopicArea, TopicArea.id == TopicProposal.area_id)
        .order_by(Semester.starts_on, Department.name_en, TopicProposal.source_row.is_(None),
                  TopicProposal.source_row, TopicProposal.id)
    )
    outreach_query = (
        select(Outreach.proposal_id, Partner.name, Outreach.status)
        .join(Partner, Partner.id == Outreach.partner_id)
        .order_by(Outreach.proposal_id, Partner.name)
    )
    if semester_id is not None:
        query = query.where(TopicProposal.semester_id == semester_id)
        outreach_query = outreach_query.join(TopicProposal, TopicProposal.id == Outreach.proposal_id).where(
            TopicProposal.semester_id == semester_id)
    offered: dict[int, list[str]] = defaultdict(list)
    for proposal_id, partner, status in session.execute(outreach_query):
        offered[proposal_id].append(f"{partner} ({_label(status).lower()})")
    rows = []
    for proposal, semester, dept_en, dept_zh, area_en, area_zh in session.execute(query):
        if proposal.source_file:
            source = _("{file}, row {row}").format(file=proposal.source_file, row=proposal.source_row)
        else:
            source = _label(proposal.source)
        rows.append(TopicRow(
            semester, bilingual(dept_en, dept_zh), bilingual(area_en, area_zh) if area_en else "",
            bilingual(proposal.title, proposal.title_zh), proposal.description, _label(proposal.direction), _label(proposal.priority),
            proposal.preferred_region, _label(proposal.status), source, proposal.created_at,
            LIST_SEPARATOR.join(offered.get(proposal.id, [])),
        ))
    return rows


# ---- partners -------------------------------------------------------------------
class PartnerContactRow(NamedTuple):
    partner: str
    partner_zh: str
    country: str
    city: str
    region: str
    timezone: str
    languages: str
    website: str
    status: str
    contact: str
    unit: str
    position: str
    email: str


def partner_rows(session: Session, semester_id: int | None = None) -> list[PartnerContactRow]:
    """One row per partner contact (a partner without contacts gets one row). With a semester:
    only partners of that semester's exchanges. One query."""
    query = (
        select(Partner.name, Partner.name_zh, Partner.country, Partner.city, Partner.region, Partner.timezone,
               Partner.languages, Partner.website, Partner.status, PartnerContact.name, PartnerContact.unit,
               PartnerContact.position, PartnerContact.email)
        .outerjoin(PartnerContact, PartnerContact.partner_id == Partner.id)
        .order_by(Partner.name, PartnerContact.name, PartnerContact.id)
    )
    if semester_id is not None:
        query = query.where(Partner.id.in_(
            select(exchange_partners.c.partner_id).join(Exchange, Exchange.id == exchange_partners.c.exchange_id)
            .where(Exchange.semester_id == semester_id)
        ))
    rows = []
    for values in session.execute(query):
        values_list = list(values)
        values_list[8] = _label(values_list[8])
        rows.append(PartnerContactRow(*(value if value is not None else "" for value in values_list)))
    return rows


# ---- roster ---------------------------------------------------------------------
class RosterRow(NamedTuple):
    semester: str
    exchange: str
    kind: str
    partners: str
    person: str
    department: str
    role: str
    rounds: tuple[str, ...]  # per round: yes, no, cancelled, or "" (not recorded)
    attended: int


@dataclass(frozen=True)
class Roster:
    rounds: int  # columns needed: the most rounds of any exchange listed
    rows: list[RosterRow]


def roster(session: Session, semester_id: int | None = None) -> Roster:
    """Every participant of every exchange (of one semester) with attendance per round. Four queries."""
    exchange_filter = select(Exchange.id)
    if semester_id is not None:
        exchange_filter = exchange_filter.where(Exchange.semester_id == semester_id)
    chosen = exchange_filter.scalar_subquery()
    partners: dict[int, list[str]] = defaultdict(list)
    for exchange_id, name in session.execute(
        select(exchange_partners.c.exchange_id, Partner.name)
        .join(Partner, Partner.id == exchange_partners.c.partner_id)
        .where(exchange_partners.c.exchange_id.in_(chosen))
        .order_by(exchange_partners.c.exchange_id, Partner.name)
    ):
        partners[exchange_id].append(name)
    workshops: dict[int, dict[int, tuple[int, WorkshopStatus]]] = defaultdict(dict)  # exchange -> round -> (id, status)
    for workshop_id, exchange_id, round_number, status in session.execute(
        select(Workshop.id, Workshop.exchange_id, Workshop.round_number, Workshop.status)
        .where(Workshop.exchange_id.in_(chosen))
    ):
        workshops[exchange_id][round_number] = (workshop_id, status)
    attendance: dict[tuple[int, int], bool] = {}
    for participation_id, workshop_id, present in session.execute(
        select(Attendance.participation_id, Attendance.workshop_id, Attendance.attended)
        .join(Participation, Participation.id == Attendance.participation_id)
        .where(Participation.exchange_id.in_(chosen))
    ):
        attendance[(participation_id, workshop_id)] = present
    query = (
        select(Participation.id, Participation.exchange_id, Participation.role, Semester.name, Exchange.title,
               Exchange.kind, Exchange.planned_rounds, Person.name_en, Person.name_zh, Department.name_en,
               Department.name_zh)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .join(Semester, Semester.id == Exchange.semester_id)
        .join(Person, Person.id == Participation.person_id)
        .join(Department, Department.id == Person.department_id)
        .where(Participation.exchange_id.in_(chosen))
        .order_by(Semester.starts_on, Exchange.title, Exchange.id, Person.name_en, Participation.id)
    )
    fetched = session.execute(query).all()
    most_rounds = max(
        [1, *(max(rounds) for rounds in workshops.values() if rounds), *(row[6] for row in fetched)]
    )
    labels = {True: _("yes"), False: _("no")}
    cancelled = _("cancelled")
    rows = []
    for (participation_id, exchange_id, role, semester, title, kind, _planned, person_en, person_zh, dept_en,
         dept_zh) in fetched:
        cells: list[str] = []
        attended = 0
        for number in range(1, most_rounds + 1):
            workshop = workshops[exchange_id].get(number)
            if workshop is None:
                cells.append("")
                continue
            workshop_id, status = workshop
            if status == WorkshopStatus.CANCELLED:
                cells.append(cancelled)
                continue
            recorded = attendance.get((participation_id, workshop_id))
            cells.append(labels[recorded] if recorded is not None else "")
            attended += bool(recorded)
        rows.append(RosterRow(
            semester, title, _label(kind), LIST_SEPARATOR.join(partners.get(exchange_id, [])),
            bilingual(person_en, person_zh), bilingual(dept_en, dept_zh), _label(role), tuple(cells), attended,
        ))
    return Roster(most_rounds, rows)


# ---- reports --------------------------------------------------------------------
class ReportRow(NamedTuple):
    semester: str
    exchange: str
    person: str
    department: str
    kind: str
    title: str
    due_on: date | None
    submitted_on: date | None
    days_late: int | None
    review_status: str
    reviewer: str
    channel: str
    published_on: date | None
    link: str


def days_late(due_on: date | None, submitted_on: date | None, today: date) -> int | None:
    """Days past the due date: until submission, or until today while still missing."""
    if due_on is None:
        return None
    end = submitted_on or today
    late = (end - due_on).days
    return late if late > 0 else None


def report_rows(session: Session, semester_id: int | None = None, *, today: date | None = None) -> list[ReportRow]:
    """Every report (of one semester's exchanges): due, submitted, review and publication. One query."""
    today = today or date.today()
    query = (
        select(Report, Semester.name, Exchange.title, Person.name_en, Person.name_zh, Department.name_en,
               Department.name_zh)
        .join(Participation, Participation.id == Report.participation_id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .join(Semester, Semester.id == Exchange.semester_id)
        .join(Person, Person.id == Participation.person_id)
        .join(Department, Department.id == Person.department_id)
        .order_by(Semester.starts_on, Report.due_on.is_(None), Report.due_on, Person.name_en, Report.id)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    rows = []
    for report, semester, exchange, person_en, person_zh, dept_en, dept_zh in session.execute(query):
        rows.append(ReportRow(
            semester, exchange, bilingual(person_en, person_zh), bilingual(dept_en, dept_zh), _label(report.kind),
            report.title, report.due_on, report.submitted_on, days_late(report.due_on, report.submitted_on, today),
            _label(report.review_status), report.reviewer, _label(report.publication_channel), report.published_on,
            report.publication_url,
        ))
    return rows


# ---- visit priority ranking -----------------------------------------------------
class VisitRow(NamedTuple):
    partner: str
    rank: int
    person: str
    department: str
    computed_score: float
    adjustment: float
    reason: str
    final_score: float
    status: str
    adjusted_by: str
    visited_on: date | None
    score_parts: str


def describe_score_parts(score_parts: Mapping[str, Any] | None) -> str:
    """The stored parts of a computed score as one line: "Rounds attended: 3 rounds × 2.00 = 6.00; …"."""
    parts = (score_parts or {}).get("parts") or []
    described = []
    for part in parts:
        if not isinstance(part, Mapping):
            continue
        label = str(part.get("key", "")).replace("_", " ").capitalize()
        detail = part.get("explanation") or part.get("points")
        described.append(f"{label}: {detail}" if detail not in (None, "") else label)
    return LIST_SEPARATOR.join(described)


def _tie_order(final: float, facts: Mapping[str, Any], sort_name: str, person_id: int) -> tuple[Any, ...]:
    # The ranking's own order: final score, then more rounds attended, earlier first
    # report, then name (app/evaluation/visit_ranking.py), from the facts stored with the score.
    rounds = facts.get("rounds_attended") or 0
    first = facts.get("first_submitted_on")
    try:
        first_day = date.fromisoformat(first) if isinstance(first, str) else date.max
    except ValueError:
        first_day = date.max
    return (-final, -float(rounds), first_day, sort_name.casefold(), person_id)


def visit_rows(session: Session) -> list[VisitRow]:
    """Every visit priority, grouped by partner and ranked by final score inside each. One query."""
    query = (
        select(VisitPriority, Partner.name, Person.name_en, Person.name_zh, Department.name_en, Department.name_zh)
        .join(Partner, Partner.id == VisitPriority.partner_id)
        .join(Person, Person.id == VisitPriority.person_id)
        .join(Department, Department.id == Person.department_id)
    )
    by_partner: dict[str, list[tuple[tuple[Any, ...], VisitRow]]] = defaultdict(list)
    for priority, partner, person_en, person_zh, dept_en, dept_zh in session.execute(query):
        final = round(priority.computed_score + priority.adjustment, 2)
        facts = (priority.score_parts or {}).get("facts") or {}
        order = _tie_order(final, facts if isinstance(facts, Mapping) else {}, person_en, priority.person_id)
        by_partner[partner].append((order, VisitRow(
            partner, 0, bilingual(person_en, person_zh), bilingual(dept_en, dept_zh), priority.computed_score,
            priority.adjustment, priority.adjustment_reason, final, _label(priority.status), priority.adjusted_by,
            priority.visited_on, describe_score_parts(priority.score_parts),
        )))
    rows: list[VisitRow] = []
    for partner in sorted(by_partner, key=str.casefold):
        ranked = sorted(by_partner[partner], key=lambda item: item[0])
        rows.extend(row._replace(rank=rank) for rank, (_order, row) in enumerate(ranked, 1))
    return rows


# ---- the topic-collection form --------------------------------------------------
@dataclass(frozen=True)
class DepartmentRef:
    id: int
    name_en: str
    name_zh: str
    code: str

    @property
    def display_name(self) -> str:
        return bilingual(self.name_en, self.name_zh)


# Regions offered in the form's drop-down besides those of the partners on record.
DEFAULT_REGIONS = ("Europe", "North America", "Asia", "Oceania", "Latin America", "Africa", "Middle East", "Any")


@dataclass(frozen=True)
class FormContext:
    semester: SemesterRef
    departments: list[DepartmentRef]
    areas: list[AreaRef]  # active ones, in name order
    regions: list[str]


def departments(session: Session) -> list[DepartmentRef]:
    query = select(Department.id, Department.name_en, Department.name_zh, Department.code).order_by(Department.name_en)
    return [DepartmentRef(*row) for row in session.execute(query)]


def partner_regions(session: Session) -> list[str]:
    """The regions of the partners on record, then the usual ones, each once."""
    known = [region for region in session.scalars(
        select(Partner.region).where(Partner.region != "").distinct().order_by(Partner.region)) if region.strip()]
    seen = {region.casefold() for region in known}
    return known + [region for region in DEFAULT_REGIONS if region.casefold() not in seen]


def form_context(session: Session, semester_id: int) -> FormContext:
    return FormContext(semester_ref(session, semester_id), departments(session), topic_areas(session),
                       partner_regions(session))
