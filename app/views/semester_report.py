"""What the semester report shows: what was held, with whom, and what came of it.

The report the IAD sends upward at the end of a semester: exchanges and workshops held
per partner and per department, participants and their attendance, the reports owed,
submitted, accepted and published (with their links), the interviews' averages and main
findings, the agreed actions still open, and the top of the visit priority list for the
partners met. A frozen dataclass of plain values read in a fixed number of SELECTs, so
the PDF in exports/ renders without touching the database. Averages come from
`mean_scores`, as in the evaluation spreadsheet and summary.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, Table, and_, case, func, select
from sqlalchemy.orm import Session

from app.errors import NotFoundError
from app.i18n import _
from app.views.interview_rows import ActionRow, action_rows, interview_rows
from app.views.spreadsheet_data import bilingual, evaluation_averages, evaluation_rows
from models import (
    Attendance,
    Department,
    Exchange,
    Participation,
    Partner,
    Person,
    Report,
    Semester,
    VisitPriority,
    Workshop,
)
from models.enums import PublicationChannel, ReviewStatus, WorkshopStatus
from models.exchanges import exchange_departments, exchange_partners

TOP_CANDIDATES = 10
FINDING_LENGTH = 280  # characters of each interview's findings shown as its main finding


@dataclass(frozen=True)
class HeldLine:
    """Exchanges and workshops with one partner, or of one department."""

    name: str
    exchanges: int
    workshops_held: int
    workshops_cancelled: int
    participants: int  # distinct staff taking part (departments) / across its exchanges (partners)
    others: str  # the departments met (for a partner) or the partners met (for a department)


@dataclass(frozen=True)
class PublishedReport:
    title: str
    author: str
    department: str
    channel: str
    published_on: date | None
    url: str


@dataclass(frozen=True)
class InterviewLine:
    department: str
    interview_date: date
    average: float | None
    finding: str  # the first paragraph of the findings, shortened


@dataclass(frozen=True)
class Candidate:
    rank: int
    person: str
    department: str
    partner: str
    score: float  # computed score plus the officer's adjustment
    status: str


@dataclass(frozen=True)
class SemesterReportData:
    semester: str
    starts_on: date
    ends_on: date
    iad_timezone: str
    exchanges: int
    workshops_held: int
    workshops_planned: int  # planned or confirmed, not yet held
    workshops_cancelled: int
    partners: tuple[HeldLine, ...]  # by name
    departments: tuple[HeldLine, ...]  # by name
    participants: int  # distinct staff in the semester's exchanges
    seats_expected: int  # participants × held rounds of their exchange
    seats_attended: int
    reports_owed: int
    reports_submitted: int
    reports_accepted: int
    reports_published: int
    published: tuple[PublishedReport, ...]  # by date
    interviews: tuple[InterviewLine, ...]  # by department, then date
    interview_average: float | None
    open_actions: tuple[ActionRow, ...]
    candidates: tuple[Candidate, ...]  # the top of the visit priority list for the partners met

    @property
    def attendance(self) -> float | None:
        """Share of the expected seats taken, or None when nothing was held."""
        return self.seats_attended / self.seats_expected if self.seats_expected else None


def _main_finding(findings: str) -> str:
    first = next((part.strip() for part in findings.replace("\r\n", "\n").split("\n\n") if part.strip()), "")
    first = " ".join(first.split())
    return first if len(first) <= FINDING_LENGTH else first[:FINDING_LENGTH - 1].rstrip() + "…"


def _held_lines(session: Session, semester_id: int, link: Table, names: dict[int, str],
                others_query: Select[Any]) -> list[HeldLine]:
    """Per partner or department (`link` is the exchange's link table to it): counts and the other side met.

    A partner's participants are everyone in its exchanges; a department's are its own staff who took part.
    """
    owner = link.c.partner_id if "partner_id" in link.c else link.c.department_id
    held = func.sum(case((Workshop.status == WorkshopStatus.HELD, 1), else_=0))
    cancelled = func.sum(case((Workshop.status == WorkshopStatus.CANCELLED, 1), else_=0))
    counts = session.execute(
        select(owner, func.count(func.distinct(Exchange.id)), held, cancelled)
        .select_from(Exchange)
        .join(link, link.c.exchange_id == Exchange.id)
        .outerjoin(Workshop, Workshop.exchange_id == Exchange.id)
        .where(Exchange.semester_id == semester_id)
        .group_by(owner)
    ).all()
    people_query = (select(owner, func.count(func.distinct(Participation.person_id)))
                    .select_from(Exchange)
                    .join(link, link.c.exchange_id == Exchange.id)
                    .join(Participation, Participation.exchange_id == Exchange.id)
                    .where(Exchange.semester_id == semester_id)
                    .group_by(owner))
    if owner is link.c.get("department_id"):
        # A department's participants are its own staff who took part, not its partners' other guests.
        people_query = (people_query.join(Person, Person.id == Participation.person_id)
                        .where(Person.department_id == owner))
    people: dict[int, int] = {owner_id: count for owner_id, count in session.execute(people_query)}
    others: dict[int, set[str]] = defaultdict(set)
    for owner_id, other in session.execute(others_query):
        others[owner_id].add(other)
    lines = [HeldLine(names[owner_id], exchanges, int(held_count or 0), int(cancelled_count or 0),
                      people.get(owner_id, 0), "; ".join(sorted(others[owner_id], key=str.casefold)))
             for owner_id, exchanges, held_count, cancelled_count in counts]
    return sorted(lines, key=lambda line: line.name.casefold())


def semester_report_data(session: Session, semester_id: int, iad_timezone: str,
                         today: date | None = None) -> SemesterReportData:
    """Everything the semester report prints, in a fixed number of SELECTs whatever the semester's size."""
    semester = session.get(Semester, semester_id)
    if semester is None:
        raise NotFoundError(_("There is no semester with id {id}.").format(id=semester_id))
    in_semester = select(Exchange.id).where(Exchange.semester_id == semester_id).scalar_subquery()

    statuses = dict(session.execute(
        select(Workshop.status, func.count()).where(Workshop.exchange_id.in_(in_semester)).group_by(Workshop.status)
    ).all())
    exchange_count = session.scalar(select(func.count()).where(Exchange.semester_id == semester_id)) or 0

    partner_label: dict[int, str] = {p_id: name for p_id, name in session.execute(
        select(Partner.id, Partner.name).where(Partner.id.in_(
            select(exchange_partners.c.partner_id).where(exchange_partners.c.exchange_id.in_(in_semester)))))}
    department_label = {d_id: bilingual(en, zh) for d_id, en, zh in session.execute(
        select(Department.id, Department.name_en, Department.name_zh).where(Department.id.in_(
            select(exchange_departments.c.department_id).where(exchange_departments.c.exchange_id.in_(in_semester)))))}
    pairs = (select(exchange_partners.c.partner_id, exchange_departments.c.department_id)
             .join(exchange_departments, exchange_departments.c.exchange_id == exchange_partners.c.exchange_id)
             .where(exchange_partners.c.exchange_id.in_(in_semester)).distinct().subquery())
    partners = _held_lines(session, semester_id, exchange_partners, partner_label,
                           select(pairs.c.partner_id, Department.name_en)
                           .join(Department, Department.id == pairs.c.department_id))
    departments = _held_lines(session, semester_id, exchange_departments, department_label,
                              select(pairs.c.department_id, Partner.name)
                              .join(Partner, Partner.id == pairs.c.partner_id))

    participants = session.scalar(select(func.count(func.distinct(Participation.person_id)))
                                  .where(Participation.exchange_id.in_(in_semester))) or 0
    held_rounds = (select(Workshop.exchange_id, func.count().label("held")).where(
        Workshop.exchange_id.in_(in_semester), Workshop.status == WorkshopStatus.HELD)
        .group_by(Workshop.exchange_id).subquery())
    expected = session.scalar(
        select(func.coalesce(func.sum(held_rounds.c.held), 0))
        .select_from(Participation).join(held_rounds, held_rounds.c.exchange_id == Participation.exchange_id)
    ) or 0
    attended = session.scalar(
        select(func.count()).select_from(Attendance)
        .join(Workshop, Workshop.id == Attendance.workshop_id)
        .where(Workshop.exchange_id.in_(in_semester), Workshop.status == WorkshopStatus.HELD,
               Attendance.attended.is_(True))
    ) or 0

    report_owners = (select(Report.id).join(Participation, Participation.id == Report.participation_id)
                     .where(Participation.exchange_id.in_(in_semester)))
    owed, submitted, accepted, published_count = session.execute(
        select(func.count(),
               func.sum(case((Report.submitted_on.isnot(None), 1), else_=0)),
               func.sum(case((Report.review_status == ReviewStatus.ACCEPTED, 1), else_=0)),
               func.sum(case((and_(Report.publication_channel != PublicationChannel.NONE,
                                   Report.published_on.isnot(None)), 1), else_=0)))
        .where(Report.id.in_(report_owners))
    ).one()
    published = tuple(
        PublishedReport(title or _("(untitled)"), bilingual(en, zh), bilingual(dept_en, dept_zh),
                        channel.label, published_on, url)
        for title, en, zh, dept_en, dept_zh, channel, published_on, url in session.execute(
            select(Report.title, Person.name_en, Person.name_zh, Department.name_en, Department.name_zh,
                   Report.publication_channel, Report.published_on, Report.publication_url)
            .join(Participation, Participation.id == Report.participation_id)
            .join(Person, Person.id == Participation.person_id)
            .join(Department, Department.id == Person.department_id)
            .where(Report.id.in_(report_owners), Report.publication_channel != PublicationChannel.NONE,
                   Report.published_on.isnot(None))
            .order_by(Report.published_on, Report.title))
    )

    score_rows = evaluation_rows(session, semester_id)
    interviews = tuple(InterviewLine(row.department, row.interview_date, row.average, _main_finding(row.findings))
                       for row in interview_rows(session, score_rows, semester_id))
    overall = evaluation_averages(score_rows, "semester")
    open_actions = tuple(row for row in action_rows(session, today or date.today(), semester_id) if not row.done)

    total = VisitPriority.computed_score + VisitPriority.adjustment
    candidates = tuple(
        Candidate(rank, bilingual(en, zh), bilingual(dept_en, dept_zh), partner, float(score), status.label)
        for rank, (en, zh, dept_en, dept_zh, partner, score, status) in enumerate(session.execute(
            select(Person.name_en, Person.name_zh, Department.name_en, Department.name_zh, Partner.name, total,
                   VisitPriority.status)
            .join(Person, Person.id == VisitPriority.person_id)
            .join(Department, Department.id == Person.department_id)
            .join(Partner, Partner.id == VisitPriority.partner_id)
            .where(VisitPriority.partner_id.in_(select(exchange_partners.c.partner_id)
                                                .where(exchange_partners.c.exchange_id.in_(in_semester))))
            .order_by(total.desc(), Person.name_en)
            .limit(TOP_CANDIDATES)), start=1)
    )
    return SemesterReportData(
        semester=semester.name, starts_on=semester.starts_on, ends_on=semester.ends_on, iad_timezone=iad_timezone,
        exchanges=exchange_count, workshops_held=statuses.get(WorkshopStatus.HELD, 0),
        workshops_planned=statuses.get(WorkshopStatus.PLANNED, 0) + statuses.get(WorkshopStatus.CONFIRMED, 0),
        workshops_cancelled=statuses.get(WorkshopStatus.CANCELLED, 0),
        partners=tuple(partners), departments=tuple(departments), participants=participants,
        seats_expected=int(expected), seats_attended=int(attended),
        reports_owed=owed, reports_submitted=int(submitted or 0), reports_accepted=int(accepted or 0),
        reports_published=int(published_count or 0), published=published, interviews=interviews,
        interview_average=overall[0].average if overall else None, open_actions=open_actions,
        candidates=candidates,
    )
