"""This semester in numbers: what the Overview tab draws, computed in one call.

`semester_overview` returns a plain dataclass, so the tab only draws and the
tests can check every number against the database with their own SQL. The
definitions:

- topics: proposals of the semester, by topic area and status;
- workshops: rounds of the semester's exchanges that are not cancelled, by the
  IAD-zone month they start in, and how many of them are held;
- reports: every report of the semester's exchanges is owed; "submitted" is
  any review status past "not submitted"; submission rate = submitted / owed;
  publication rate = published / accepted;
- evaluation: mean rubric score per department over the semester's interviews;
- action items: overdue reports of the semester, departments due for an
  interview (any semester), and rounds of the semester whose end has passed
  while they are still planned or confirmed.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFoundError
from app.storage.bulk_reading import collector_paused
from app.evaluation.interviews import department_averages, due_for_interview
from app.i18n import _, is_chinese
from app.outcomes.reports import overdue_reports
from app.settings import Settings
from models import Department, Exchange, Participation, Partner, Report, Semester, TopicArea, TopicProposal, Workshop, utc_now
from models.enums import ProposalStatus, PublicationChannel, ReviewStatus, WorkshopStatus
from app.views.overview_figures import ActionItem, DepartmentScore, FirstSteps, MonthCount, SemesterOverview


def no_area_label() -> str:
    return _("(no area)")


def shown_name(name_en: str, name_zh: str | None) -> str:
    """A department's or topic area's name in the interface language (the English one when it has no other)."""
    return name_zh if name_zh and is_chinese() else name_en


def _topics(session: Session, overview: SemesterOverview) -> None:
    query = (
        select(TopicArea.name_en, TopicArea.name_zh, TopicProposal.status, func.count())
        .select_from(TopicProposal)
        .outerjoin(TopicArea, TopicArea.id == TopicProposal.area_id)
        .group_by(TopicArea.name_en, TopicArea.name_zh, TopicProposal.status)
    )
    if overview.semester_id is not None:
        query = query.where(TopicProposal.semester_id == overview.semester_id)
    by_area: dict[str, dict[ProposalStatus, int]] = {}
    for area_en, area_zh, status, count in session.execute(query):
        area = shown_name(area_en, area_zh) if area_en else no_area_label()
        by_area.setdefault(area, {})[status] = int(count)
        overview.topics_by_status[status] = overview.topics_by_status.get(status, 0) + int(count)
        overview.topics_total += int(count)
    names = sorted((name for name in by_area if name != no_area_label()), key=str.casefold)
    if no_area_label() in by_area:
        names.append(no_area_label())
    overview.topics_by_area = {name: by_area[name] for name in names}


def _workshops(session: Session, overview: SemesterOverview, timezone: str, now: datetime) -> list[ActionItem]:
    zone = ZoneInfo(timezone)
    query = (
        select(Workshop.id, Workshop.starts_at, Workshop.duration_minutes, Workshop.status, Workshop.round_number,
               Exchange.title)
        .join(Exchange, Exchange.id == Workshop.exchange_id)
        .order_by(Workshop.starts_at)
    )
    if overview.semester_id is not None:
        query = query.where(Exchange.semester_id == overview.semester_id)
    rows = session.execute(query).all()
    months: dict[str, list[int]] = {}
    not_held: list[ActionItem] = []
    for workshop_id, starts_at, duration, status, round_number, title in rows:
        if status == WorkshopStatus.CANCELLED:
            continue
        local = starts_at.astimezone(zone)
        counts = months.setdefault(local.strftime("%Y-%m"), [0, 0])
        counts[0] += 1
        overview.workshops += 1
        if status == WorkshopStatus.HELD:
            counts[1] += 1
            overview.workshops_held += 1
        elif starts_at + timedelta(minutes=duration) < now:
            not_held.append(ActionItem(
                kind="workshop", record_id=workshop_id, category="workshop_not_held",
                title=_("{title}, round {n}").format(title=title, n=round_number),
                detail=_("was to take place {when} and is still {status}").format(
                    when=local.strftime("%Y-%m-%d %H:%M"), status=status.label.lower()),
                since=local.date(),
            ))
    overview.workshops_by_month = [MonthCount(month, total, held) for month, (total, held) in sorted(months.items())]
    return not_held


def _reports(session: Session, overview: SemesterOverview) -> None:
    query = (
        select(Report.review_status, Report.publication_channel, func.count())
        .join(Participation, Participation.id == Report.participation_id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .group_by(Report.review_status, Report.publication_channel)
    )
    if overview.semester_id is not None:
        query = query.where(Exchange.semester_id == overview.semester_id)
    for status, channel, count in session.execute(query):
        overview.reports_owed += count
        if status != ReviewStatus.NOT_SUBMITTED:
            overview.reports_submitted += count
        if status == ReviewStatus.ACCEPTED:
            overview.reports_accepted += count
            if channel != PublicationChannel.NONE:
                overview.reports_published += count


def semester_overview(
    session: Session, semester_id: int | None, today: date, *, settings: Settings | None = None,
    now: datetime | None = None,
) -> SemesterOverview:
    """Every number and every action item of the Overview tab for one semester (None: all of them)."""
    with collector_paused():
        return _semester_overview(session, semester_id, today, settings or Settings.load(), now or utc_now())


def _semester_overview(session: Session, semester_id: int | None, today: date, settings: Settings,
                       now: datetime) -> SemesterOverview:
    if semester_id is None:
        overview = SemesterOverview(semester_id=None, semester_name=_("All semesters"))
    else:
        semester = session.get(Semester, semester_id)
        if semester is None:
            raise NotFoundError(_("The semester #{id} no longer exists.").format(id=semester_id))
        overview = SemesterOverview(semester_id=semester.id, semester_name=semester.name)
    _topics(session, overview)
    exchanges = select(func.count()).select_from(Exchange)
    if semester_id is not None:
        exchanges = exchanges.where(Exchange.semester_id == semester_id)
    overview.exchanges = int(session.scalar(exchanges) or 0)
    not_held = _workshops(session, overview, settings.iad_timezone, now)
    _reports(session, overview)
    averages = department_averages(session, semester_id)
    names = {department: shown_name(name_en, name_zh) for department, name_en, name_zh in session.execute(
        select(Department.id, Department.name_en, Department.name_zh).where(Department.id.in_(averages)))
    } if averages else {}
    overview.evaluation_scores = sorted(
        (DepartmentScore(dept, names[dept], avg, n) for dept, (avg, n) in averages.items()),
        key=lambda score: score.department.casefold(),
    )
    items: list[ActionItem] = []
    for row in overdue_reports(session, today, semester_id, sort_by="days_overdue"):
        items.append(ActionItem(
            kind="report", record_id=row.report_id, category="overdue_report",
            title=_("{person} ({department})").format(person=row.person_name,
                                                      department=shown_name(row.department_en, row.department_zh)),
            detail=_("{kind} for '{exchange}' was due {due}, {days} days ago").format(
                kind=row.kind.label.lower(), exchange=row.exchange_title, due=row.due_on.isoformat(),
                days=row.days_overdue),
            since=row.due_on,
        ))
    due_departments = due_for_interview(session, today, settings=settings)
    chinese_names = dict(session.execute(select(Department.id, Department.name_zh).where(
        Department.id.in_([due.department_id for due in due_departments]))).all()
    ) if is_chinese() and due_departments else {}
    for due in due_departments:
        detail = (_("never interviewed; last workshop held {day}").format(day=due.last_workshop_on.isoformat())
                  if due.never_interviewed else
                  _("last interview {interview}; {n} workshop(s) held since").format(
                      interview=due.last_interview_on.isoformat() if due.last_interview_on else "",
                      n=due.held_since_interview))
        items.append(ActionItem(
            kind="department", record_id=due.department_id, category="interview_due",
            title=shown_name(due.department_name, chinese_names.get(due.department_id)),
            detail=detail, since=due.last_interview_on,
        ))
    items.extend(not_held)
    overview.action_items = items
    return overview


# ---- a database just created -------------------------------------------------------
def first_steps(session: Session) -> FirstSteps:
    def count(model: type) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return FirstSteps(count(Semester), count(Department), count(Partner))
