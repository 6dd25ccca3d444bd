"""Department evaluation interviews: the rubric, interviews with scores and actions, who is due.

At irregular intervals the IAD interviews a department about how effective its
workshops were: a score from 1 to 5 on every active rubric item, findings, agreed
actions with owners and due dates, and the exchanges the interview covered. A
department that has held workshops and has not been interviewed for
`Settings.interview_interval_months` is due for one.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select, union
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.directory.reference_data import move_in_list, next_position
from app.i18n import _
from app.outcomes.reports import local_date
from app.evaluation.records import evaluation_scores, evaluations, rubric_items
from app.records import write_audit
from app.settings import Settings
from models import (
    Department,
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    Exchange,
    Participation,
    Person,
    RubricItem,
    TopicProposal,
    Workshop,
    utc_now,
)
from models.enums import AuditAction, WorkshopStatus
from models.exchanges import exchange_departments

SCORE_MIN = 1
SCORE_MAX = 5


# ---- which departments an exchange involves ------------------------------------
def exchange_department_links() -> Any:
    """(exchange_id, department_id) for every department an exchange involves.

    A department is involved when it is listed on the exchange, proposed its
    topic, or sent a participant: all three are recorded in different places,
    and an interview or a count must not miss any of them.
    """
    listed = select(
        exchange_departments.c.exchange_id.label("exchange_id"),
        exchange_departments.c.department_id.label("department_id"),
    )
    proposed = select(Exchange.id.label("exchange_id"), TopicProposal.department_id.label("department_id")).join(
        TopicProposal, TopicProposal.id == Exchange.proposal_id
    )
    sent = select(Participation.exchange_id.label("exchange_id"), Person.department_id.label("department_id")).join(
        Person, Person.id == Participation.person_id
    )
    return union(listed, proposed, sent).subquery("exchange_department_links")


def department_exchanges(session: Session, department_id: int, semester_id: int | None = None) -> list[Exchange]:
    """The exchanges a department took part in, newest semester first."""
    links = exchange_department_links()
    query = (
        select(Exchange)
        .where(Exchange.id.in_(select(links.c.exchange_id).where(links.c.department_id == department_id)))
        .order_by(Exchange.semester_id.desc(), Exchange.title)
    )
    if semester_id is not None:
        query = query.where(Exchange.semester_id == semester_id)
    return list(session.scalars(query))


# ---- rubric --------------------------------------------------------------------
def list_rubric(session: Session, *, include_inactive: bool = False) -> list[RubricItem]:
    query = select(RubricItem).order_by(RubricItem.position, RubricItem.id)
    if not include_inactive:
        query = query.where(RubricItem.active.is_(True))
    return list(session.scalars(query))


def add_rubric_item(session: Session, actor: Actor, name_en: str, name_zh: str = "") -> RubricItem:
    """A new criterion at the end of the rubric."""
    return rubric_items.create(session, actor, name_en=name_en, name_zh=name_zh,
                               position=next_position(session, RubricItem))


def update_rubric_item(session: Session, actor: Actor, item_id: int, **values: Any) -> RubricItem:
    return rubric_items.update(session, actor, item_id, **values)


def set_rubric_item_active(session: Session, actor: Actor, item_id: int, active: bool) -> RubricItem:
    """Retire or bring back a criterion; past scores on it are kept."""
    return rubric_items.update(session, actor, item_id, active=active)


def move_rubric_item(session: Session, actor: Actor, item_id: int, offset: int) -> list[RubricItem]:
    """Move a criterion up (negative offset) or down; positions are renumbered 0..n-1."""
    return move_in_list(session, actor, rubric_items, list_rubric(session, include_inactive=True), item_id, offset,
                        _("The rubric item #{id} no longer exists.").format(id=item_id))


# ---- interviews ----------------------------------------------------------------
@dataclass
class ActionInput:
    description: str
    owner: str = ""
    due_on: date | None = None
    done: bool = False


@dataclass
class InterviewInput:
    """Everything the interview form holds; `scores` maps rubric item id to 1-5."""

    department_id: int | None
    semester_id: int | None
    interview_date: date | None
    interviewer: str = ""
    interviewees: str = ""
    findings: str = ""
    scores: dict[int, int] = field(default_factory=dict)
    actions: list[ActionInput] = field(default_factory=list)
    exchange_ids: list[int] = field(default_factory=list)


def interview_input(evaluation: Evaluation) -> InterviewInput:
    """The form values of a stored interview."""
    return InterviewInput(
        department_id=evaluation.department_id, semester_id=evaluation.semester_id,
        interview_date=evaluation.interview_date, interviewer=evaluation.interviewer,
        interviewees=evaluation.interviewees, findings=evaluation.findings,
        scores={score.rubric_item_id: score.score for score in evaluation.scores},
        actions=[ActionInput(a.description, a.owner, a.due_on, a.done) for a in evaluation.actions],
        exchange_ids=sorted(exchange.id for exchange in evaluation.exchanges),
    )


def _validate_interview(session: Session, data: InterviewInput, existing: Evaluation | None) -> list[ActionInput]:
    """Raise a ValidationError naming the first bad field; return the actions to keep."""
    if data.department_id is None or session.get(Department, data.department_id) is None:
        raise ValidationError("department_id", _("Choose the department that was interviewed."))
    if data.semester_id is None:
        raise ValidationError("semester_id", _("Choose the semester the interview belongs to."))
    if data.interview_date is None:
        raise ValidationError("interview_date", _("Give the date of the interview."))
    if not data.interviewer.strip():
        raise ValidationError("interviewer", _("Say who led the interview."))
    already_scored = {score.rubric_item_id for score in existing.scores} if existing is not None else set()
    items = {item.id: item for item in list_rubric(session, include_inactive=True)}
    for item_id in data.scores:
        item = items.get(item_id)
        if item is None or (not item.active and item_id not in already_scored):
            raise ValidationError(f"scores.{item_id}", _("Rubric item #{id} is not in use.").format(id=item_id))
    for item in items.values():
        if not item.active and item.id not in data.scores:
            continue
        score = data.scores.get(item.id)
        if score is None:
            raise ValidationError(
                f"scores.{item.id}", _("Give a score from 1 to 5 for '{item}'.").format(item=item.name_en)
            )
        if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
            raise ValidationError(
                f"scores.{item.id}",
                _("The score for '{item}' must be a whole number from 1 to 5, not {value}.").format(
                    item=item.name_en, value=score),
            )
    actions: list[ActionInput] = []
    for index, action in enumerate(data.actions):
        description, owner = action.description.strip(), action.owner.strip()
        if not description and not owner and action.due_on is None:
            continue  # an empty line of the table, not an action
        number = index + 1
        if not description:
            raise ValidationError(f"actions.{index}.description", _("Action {n}: say what is to be done.").format(n=number))
        if not owner:
            raise ValidationError(f"actions.{index}.owner", _("Action {n}: say who owns it.").format(n=number))
        if action.due_on is not None and action.due_on < data.interview_date:
            raise ValidationError(
                f"actions.{index}.due_on", _("Action {n} is due before the interview took place.").format(n=number)
            )
        actions.append(ActionInput(description, owner, action.due_on, action.done))
    involved: set[int] = set()
    if data.exchange_ids:
        # Only the exchanges chosen are checked: a department's whole history need not be loaded to save.
        links = exchange_department_links()
        involved = set(session.scalars(select(links.c.exchange_id).where(
            links.c.department_id == data.department_id, links.c.exchange_id.in_(list(data.exchange_ids)))))
    for exchange_id in data.exchange_ids:
        exchange = session.get(Exchange, exchange_id)
        if exchange is None:
            raise ValidationError("exchange_ids", _("The exchange #{id} no longer exists.").format(id=exchange_id))
        if exchange_id not in involved:
            raise ValidationError(
                "exchange_ids",
                _("The exchange '{title}' did not involve this department.").format(title=exchange.title),
            )
    return actions


def _children_summary(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "scores": {str(s.rubric_item_id): s.score for s in sorted(evaluation.scores, key=lambda s: s.rubric_item_id)},
        "actions": [[a.description, a.owner, a.due_on.isoformat() if a.due_on else None, a.done]
                    for a in evaluation.actions],
        "exchanges": sorted(exchange.id for exchange in evaluation.exchanges),
    }


def save_interview(
    session: Session, actor: Actor, data: InterviewInput, *, evaluation_id: int | None = None,
    expected_version: int | None = None,
) -> Evaluation:
    """Create (no `evaluation_id`) or update an interview with its scores, actions and exchanges."""
    existing = evaluations.get(session, evaluation_id) if evaluation_id is not None else None
    actions = _validate_interview(session, data, existing)
    values: dict[str, Any] = dict(
        department_id=data.department_id, semester_id=data.semester_id, interview_date=data.interview_date,
        interviewer=data.interviewer.strip(), interviewees=data.interviewees.strip(), findings=data.findings.strip(),
    )
    if existing is None:
        evaluation = evaluations.create(session, actor, **values)
        before: dict[str, Any] = {"scores": {}, "actions": [], "exchanges": []}
    else:
        before = _children_summary(existing)
        # Touching updated_at bumps the version even when only scores or actions
        # change, so a concurrent edit of the same interview is still detected.
        evaluation = evaluations.update(session, actor, existing.id, expected_version=expected_version,
                                        updated_at=utc_now(), **values)
    scores = {score.rubric_item_id: score for score in evaluation.scores}
    for item_id, value in data.scores.items():
        if item_id in scores:
            scores[item_id].score = value
        else:
            evaluation.scores.append(EvaluationScore(rubric_item_id=item_id, score=value))
    for item_id, score in scores.items():
        if item_id not in data.scores:
            evaluation.scores.remove(score)
    evaluation.actions.clear()
    session.flush()
    evaluation.actions.extend(
        EvaluationAction(description=a.description, owner=a.owner, due_on=a.due_on, done=a.done) for a in actions
    )
    evaluation.exchanges = [session.get_one(Exchange, exchange_id) for exchange_id in sorted(set(data.exchange_ids))]
    session.flush()
    after = _children_summary(evaluation)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        write_audit(session, actor, AuditAction.UPDATE, evaluation, changes)
    return evaluation


def evaluation_average(evaluation: Evaluation) -> float | None:
    if not evaluation.scores:
        return None
    return sum(score.score for score in evaluation.scores) / len(evaluation.scores)


def department_averages(session: Session, semester_id: int | None = None) -> dict[int, tuple[float, int]]:
    """Per department: the mean of every rubric score given to it, and how many interviews that covers."""
    query = (
        select(Evaluation.department_id, func.avg(EvaluationScore.score), func.count(func.distinct(Evaluation.id)))
        .join(EvaluationScore, EvaluationScore.evaluation_id == Evaluation.id)
        .group_by(Evaluation.department_id)
    )
    if semester_id is not None:
        query = query.where(Evaluation.semester_id == semester_id)
    return {dept: (float(avg), int(n)) for dept, avg, n in session.execute(query)}


# ---- who is due ----------------------------------------------------------------
@dataclass(frozen=True)
class DueInterview:
    department_id: int
    department_name: str
    last_workshop_on: date  # the last held workshop, IAD-zone day
    last_interview_on: date | None
    held_since_interview: int  # held workshops after the last interview (all, if never interviewed)

    @property
    def never_interviewed(self) -> bool:
        return self.last_interview_on is None


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier; the 31st becomes the month's last day."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_for_interview(
    session: Session, today: date, months: int | None = None, *, settings: Settings | None = None
) -> list[DueInterview]:
    """Departments with held workshops and no interview in the last `months` months (or ever).

    Sorted with the never-interviewed first, then the longest wait, then name.
    """
    settings = settings or Settings.load()
    months = settings.interview_interval_months if months is None else months
    if months < 0:
        raise ValidationError("months", _("The interview interval cannot be negative."))
    cutoff = months_before(today, months)
    links = exchange_department_links()
    held_workshops = (
        select(links.c.department_id, func.max(Workshop.starts_at), func.count())
        .join(Workshop, Workshop.exchange_id == links.c.exchange_id)
        .where(Workshop.status == WorkshopStatus.HELD)
        .group_by(links.c.department_id)
    )
    # Counted by the database: ten years of held workshops stay there, one row per department comes back.
    held: dict[int, tuple[datetime, int]] = {
        department_id: (last, count) for department_id, last, count in session.execute(held_workshops)}
    if not held:
        return []
    last_interviews: dict[int, date] = dict(
        session.execute(
            select(Evaluation.department_id, func.max(Evaluation.interview_date))
            .where(Evaluation.department_id.in_(held), Evaluation.interview_date <= today)
            .group_by(Evaluation.department_id)
        ).all()
    )
    waiting = [department_id for department_id in held
               if department_id not in last_interviews or last_interviews[department_id] <= cutoff]
    if not waiting:
        return []
    zone = ZoneInfo(settings.iad_timezone)
    # Held after the last interview: from the start of the next day in the IAD's zone.
    since_interview = {
        department_id: datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        for department_id, day in last_interviews.items() if department_id in waiting}
    held_since: dict[int, int] = {}
    if since_interview:
        held_since = dict(session.execute(
            select(links.c.department_id, func.count())
            .join(Workshop, Workshop.exchange_id == links.c.exchange_id)
            .where(Workshop.status == WorkshopStatus.HELD,
                   or_(*(and_(links.c.department_id == department_id, Workshop.starts_at >= start)
                         for department_id, start in since_interview.items())))
            .group_by(links.c.department_id)
        ).all())
    names = dict(session.execute(select(Department.id, Department.name_en).where(Department.id.in_(waiting))).all())
    due: list[DueInterview] = []
    for department_id in waiting:
        last_held, count = held[department_id]
        last_interview = last_interviews.get(department_id)
        due.append(DueInterview(
            department_id=department_id, department_name=names[department_id],
            last_workshop_on=local_date(last_held, settings.iad_timezone), last_interview_on=last_interview,
            held_since_interview=count if last_interview is None else held_since.get(department_id, 0),
        ))
    return sorted(due, key=lambda d: (d.last_interview_on is not None, d.last_interview_on or date.min,
                                      d.department_name.casefold()))


def stored_scores(session: Session, evaluation_id: int) -> dict[int, int]:
    """The interview's scores as saved: rubric item id -> score."""
    return {row.rubric_item_id: row.score for row in session.scalars(
        select(EvaluationScore).where(EvaluationScore.evaluation_id == evaluation_id))}


def set_scores(session: Session, actor: Actor, evaluation_id: int, wanted: dict[int, int], *,
               expected_version: int | None = None) -> None:
    """Make the interview's scores `wanted` (rubric item id -> score): add, change and remove score rows.

    Scores take part in the interview's optimistic lock, as in save_interview: a change
    touches the interview's updated_at, which bumps its version, so a form read before
    this save (here or in another program) meets a conflict instead of undoing it.
    """
    existing = {s.rubric_item_id: s for s in session.scalars(
        select(EvaluationScore).where(EvaluationScore.evaluation_id == evaluation_id))}
    changed = {item_id for item_id, score in wanted.items()
               if item_id not in existing or existing[item_id].score != score}
    removed = [row for item_id, row in existing.items() if item_id not in wanted]
    if not changed and not removed:
        if expected_version is not None:
            evaluations.update(session, actor, evaluation_id, expected_version=expected_version)
        return
    # First, so two saves of the same interview queue on its row and the second finds the new version.
    evaluations.update(session, actor, evaluation_id, expected_version=expected_version, updated_at=utc_now())
    for item_id in sorted(changed):
        if item_id in existing:
            evaluation_scores.update(session, actor, existing[item_id].id, score=wanted[item_id])
        else:
            evaluation_scores.create(session, actor, evaluation_id=evaluation_id, rubric_item_id=item_id,
                                     score=wanted[item_id])
    for row in removed:
        evaluation_scores.delete(session, actor, row.id)
