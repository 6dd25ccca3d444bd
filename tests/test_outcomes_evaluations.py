"""Evaluation interviews (rubric, scores, actions, exchanges covered), who is due, and follow-up contacts."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ConflictError, ValidationError
from app.evaluation.interviews import (
    ActionInput,
    InterviewInput,
    add_rubric_item,
    department_averages,
    department_exchanges,
    due_for_interview,
    interview_input,
    list_rubric,
    months_before,
    move_rubric_item,
    save_interview,
    set_rubric_item_active,
)
from app.outcomes.follow_ups import contacts_for_department, contacts_for_partner, log_contact, update_contact
from app.settings import Settings
from models import AuditEntry, Evaluation, EvaluationScore, RubricItem
from models.enums import ContactChannel, WorkshopStatus

Factory = Callable[..., Any]


@pytest.fixture
def rubric(db_session: Session, officer: Actor) -> list[RubricItem]:
    for item in db_session.scalars(select(RubricItem)):
        db_session.delete(item)
    db_session.flush()
    return [add_rubric_item(db_session, officer, name, zh) for name, zh in
            [("Relevance", "相关性"), ("Quality", "质量"), ("Applicability", "适用性")]]


@pytest.fixture
def department_with_exchange(make_department: Factory, make_exchange: Factory) -> tuple[Any, Any]:
    department = make_department(name_en="Career Services")
    exchange = make_exchange(title="Employer links", departments=[department])
    return department, exchange


def interview(department: Any, semester: int, rubric: list[RubricItem], **overrides: Any) -> InterviewInput:
    values: dict[str, Any] = dict(
        department_id=department.id, semester_id=semester, interview_date=date(2026, 12, 10),
        interviewer="Chen Jing", interviewees="Director Wu", findings="Useful contacts",
        scores={item.id: 4 for item in rubric},
        actions=[ActionInput("Share slides with partner", "Wu", date(2027, 1, 10))],
    )
    values.update(overrides)
    return InterviewInput(**values)


# ---- rubric --------------------------------------------------------------------
def test_rubric_order_and_retirement(db_session: Session, officer: Actor, rubric: list[RubricItem]) -> None:
    assert [item.position for item in rubric] == [0, 1, 2]
    move_rubric_item(db_session, officer, rubric[2].id, -2)
    assert [item.name_en for item in list_rubric(db_session)] == ["Applicability", "Relevance", "Quality"]
    set_rubric_item_active(db_session, officer, rubric[1].id, False)
    assert [item.name_en for item in list_rubric(db_session)] == ["Applicability", "Relevance"]
    assert len(list_rubric(db_session, include_inactive=True)) == 3
    with pytest.raises(ValidationError) as caught:
        add_rubric_item(db_session, officer, "Relevance")
    assert caught.value.field == "name_en"


# ---- interviews ----------------------------------------------------------------
def test_create_and_update_interview(db_session: Session, officer: Actor, rubric: list[RubricItem],
                                     department_with_exchange: tuple[Any, Any]) -> None:
    department, exchange = department_with_exchange
    data = interview(department, exchange.semester_id, rubric, exchange_ids=[exchange.id])
    evaluation = save_interview(db_session, officer, data)
    assert {s.rubric_item_id: s.score for s in evaluation.scores} == {item.id: 4 for item in rubric}
    assert [(a.description, a.owner, a.due_on) for a in evaluation.actions] == [
        ("Share slides with partner", "Wu", date(2027, 1, 10))]
    assert [e.id for e in evaluation.exchanges] == [exchange.id]
    version = evaluation.version

    changed = interview_input(evaluation)
    changed.scores[rubric[0].id] = 2
    changed.actions.append(ActionInput("", "", None))  # an empty table line is ignored
    changed.actions.append(ActionInput("Invite partner to campus", "Chen", None, done=True))
    save_interview(db_session, officer, changed, evaluation_id=evaluation.id, expected_version=version)
    db_session.expire_all()
    stored = db_session.get_one(Evaluation, evaluation.id)
    assert stored.version == version + 1  # even a change of scores alone bumps the version
    assert {s.rubric_item_id: s.score for s in stored.scores}[rubric[0].id] == 2
    assert [a.description for a in stored.actions] == ["Share slides with partner", "Invite partner to campus"]
    audit = [entry.changes for entry in db_session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == "evaluations", AuditEntry.record_id == evaluation.id))]
    assert any("scores" in changes and changes["scores"][1][str(rubric[0].id)] == 2 for changes in audit)
    with pytest.raises(ConflictError):
        save_interview(db_session, officer, changed, evaluation_id=evaluation.id, expected_version=version)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"department_id": None}, "department_id"),
        ({"semester_id": None}, "semester_id"),
        ({"interview_date": None}, "interview_date"),
        ({"interviewer": "  "}, "interviewer"),
        ({"scores": "missing-first"}, "scores.{0}"),
        ({"scores": "zero-second"}, "scores.{1}"),
        ({"scores": "six-third"}, "scores.{2}"),
        ({"actions": [ActionInput("", "Wu", None)]}, "actions.0.description"),
        ({"actions": [ActionInput("ok", "Wu", None), ActionInput("Do it", "", None)]}, "actions.1.owner"),
        ({"actions": [ActionInput("Late", "Wu", date(2026, 1, 1))]}, "actions.0.due_on"),
        ({"exchange_ids": "foreign"}, "exchange_ids"),
    ],
)
def test_interview_validation_names_the_field(
    db_session: Session, officer: Actor, rubric: list[RubricItem], department_with_exchange: tuple[Any, Any],
    make_exchange: Factory, overrides: dict[str, Any], field: str,
) -> None:
    department, exchange = department_with_exchange
    overrides = dict(overrides)  # the parameter is shared by both backends' runs
    scores = {item.id: 3 for item in rubric}
    if overrides.get("scores") == "missing-first":
        del scores[rubric[0].id]
        overrides["scores"] = scores
    elif overrides.get("scores") == "zero-second":
        overrides["scores"] = {**scores, rubric[1].id: 0}
    elif overrides.get("scores") == "six-third":
        overrides["scores"] = {**scores, rubric[2].id: 6}
    if overrides.get("exchange_ids") == "foreign":
        overrides["exchange_ids"] = [make_exchange(title="Someone else's").id]
    with pytest.raises(ValidationError) as caught:
        save_interview(db_session, officer, interview(department, exchange.semester_id, rubric, **overrides))
    assert caught.value.field == field.format(*(item.id for item in rubric))
    assert db_session.scalar(select(Evaluation.id)) is None


def test_retired_rubric_item_keeps_old_scores(db_session: Session, officer: Actor, rubric: list[RubricItem],
                                              department_with_exchange: tuple[Any, Any]) -> None:
    department, exchange = department_with_exchange
    evaluation = save_interview(db_session, officer, interview(department, exchange.semester_id, rubric))
    set_rubric_item_active(db_session, officer, rubric[2].id, False)
    save_interview(db_session, officer, interview_input(evaluation), evaluation_id=evaluation.id)
    assert len(evaluation.scores) == 3
    fresh = interview(department, exchange.semester_id, rubric)
    with pytest.raises(ValidationError, match="not in use"):
        save_interview(db_session, officer, fresh)  # a new interview cannot score a retired item
    del fresh.scores[rubric[2].id]
    assert len(save_interview(db_session, officer, fresh).scores) == 2


def test_department_exchanges_and_averages(
    db_session: Session, officer: Actor, rubric: list[RubricItem], make_department: Factory,
    make_exchange: Factory, make_proposal: Factory, make_participation: Factory, make_person: Factory,
) -> None:
    department = make_department()
    listed = make_exchange(title="Listed", departments=[department])
    proposed = make_exchange(title="Proposed", proposal=make_proposal(department=department))
    sent = make_exchange(title="Sent")
    make_participation(exchange=sent, person=make_person(department=department))
    make_exchange(title="Unrelated")
    assert {e.title for e in department_exchanges(db_session, department.id)} == {"Listed", "Proposed", "Sent"}
    assert [e.title for e in department_exchanges(db_session, department.id, listed.semester_id)] == ["Listed"]
    save_interview(db_session, officer, interview(department, listed.semester_id, rubric,
                                                  scores={rubric[0].id: 5, rubric[1].id: 4, rubric[2].id: 3}))
    save_interview(db_session, officer, interview(department, proposed.semester_id, rubric,
                                                  scores={item.id: 2 for item in rubric}))
    assert department_averages(db_session)[department.id] == (pytest.approx(3.0), 2)
    assert department_averages(db_session, listed.semester_id)[department.id] == (pytest.approx(4.0), 1)


# ---- due for interview ---------------------------------------------------------
def test_months_before_clamps_the_day() -> None:
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 15) == date(2024, 12, 15)
    assert months_before(date(2026, 3, 15), 0) == date(2026, 3, 15)


def test_due_for_interview_on_known_data(
    db_session: Session, officer: Actor, rubric: list[RubricItem], make_department: Factory, make_exchange: Factory,
    make_workshop: Factory,
) -> None:
    never = make_department(name_en="Never Interviewed")
    stale = make_department(name_en="Interviewed Long Ago")
    recent = make_department(name_en="Interviewed Recently")
    planned_only = make_department(name_en="Only Planned Workshops")
    make_department(name_en="No Workshops")

    def held(department: Any, when: datetime, status: WorkshopStatus = WorkshopStatus.HELD) -> None:
        make_workshop(exchange=make_exchange(departments=[department]), starts_at=when, status=status)

    held(never, datetime(2026, 3, 1, 20, 0, tzinfo=UTC))  # 2 March in Shanghai
    held(stale, datetime(2025, 5, 1, 6, 0, tzinfo=UTC))
    held(stale, datetime(2026, 2, 1, 6, 0, tzinfo=UTC))
    held(recent, datetime(2026, 1, 1, 6, 0, tzinfo=UTC))
    held(planned_only, datetime(2026, 1, 1, 6, 0, tzinfo=UTC), WorkshopStatus.PLANNED)
    semester = make_exchange().semester_id
    save_interview(db_session, officer, interview(stale, semester, rubric, interview_date=date(2025, 9, 1),
                                                  actions=[]))
    save_interview(db_session, officer, interview(recent, semester, rubric, interview_date=date(2026, 4, 1),
                                                  actions=[]))

    due = due_for_interview(db_session, date(2026, 6, 1), settings=Settings(interview_interval_months=6))

    assert [(d.department_name, d.last_workshop_on, d.last_interview_on, d.held_since_interview) for d in due] == [
        ("Never Interviewed", date(2026, 3, 2), None, 1),
        ("Interviewed Long Ago", date(2026, 2, 1), date(2025, 9, 1), 1),
    ]
    # A shorter interval makes the recently interviewed department due too.
    assert len(due_for_interview(db_session, date(2026, 6, 1), 1, settings=Settings())) == 3


def test_workshops_held_since_the_interview_count_by_the_iad_day(
    db_session: Session, officer: Actor, rubric: list[RubricItem], make_department: Factory, make_exchange: Factory,
    make_workshop: Factory,
) -> None:
    """Interviewed on 1 September (Shanghai): a workshop that evening does not count as held since, one at
    half past midnight on the 2nd (16:30 UTC on the 1st) does."""
    department = make_department(name_en="Library")
    for when in (datetime(2025, 9, 1, 12, 0, tzinfo=UTC), datetime(2025, 9, 1, 16, 30, tzinfo=UTC),
                 datetime(2025, 10, 8, 6, 0, tzinfo=UTC)):
        make_workshop(exchange=make_exchange(departments=[department]), starts_at=when, status=WorkshopStatus.HELD)
    semester = make_exchange().semester_id
    save_interview(db_session, officer, interview(department, semester, rubric, interview_date=date(2025, 9, 1),
                                                  actions=[]))
    due = due_for_interview(db_session, date(2026, 6, 1), settings=Settings(interview_interval_months=6))
    assert [(d.department_name, d.last_workshop_on, d.held_since_interview) for d in due] == [
        ("Library", date(2025, 10, 8), 2)]


# ---- follow-up contacts --------------------------------------------------------
def test_follow_up_contacts(db_session: Session, officer: Actor, make_department: Factory,
                            make_partner: Factory) -> None:
    department, other = make_department(name_en="Library"), make_department(name_en="Finance")
    leeds, kyoto = make_partner(name="Leeds"), make_partner(name="Kyoto")
    first = log_contact(db_session, officer, department_id=department.id, partner_id=leeds.id,
                        contact_date=date(2026, 3, 1), channel="video_call", people="Wu, Smith",
                        summary="Catalogue sharing")
    log_contact(db_session, officer, department_id=department.id, partner_id=kyoto.id,
                contact_date=date(2026, 4, 1), summary="Visit plans", channel=ContactChannel.EMAIL)
    log_contact(db_session, officer, department_id=other.id, partner_id=leeds.id,
                contact_date=date(2026, 5, 1), summary="Budget")
    assert [(r.partner_name, r.summary) for r in contacts_for_department(db_session, department.id)] == [
        ("Kyoto", "Visit plans"), ("Leeds", "Catalogue sharing")]
    assert [(r.department_name, r.channel) for r in contacts_for_partner(db_session, leeds.id)] == [
        ("Finance", ContactChannel.EMAIL), ("Library", ContactChannel.VIDEO_CALL)]
    update_contact(db_session, officer, first.id, summary="Catalogue and e-book sharing")
    assert contacts_for_partner(db_session, leeds.id)[1].summary == "Catalogue and e-book sharing"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"summary": "  "}, "summary"),
        ({"contact_date": date(2026, 7, 1)}, "contact_date"),
        ({"channel": "pigeon"}, "channel"),
        ({"partner_id": 999999}, "partner_id"),
    ],
)
def test_follow_up_validation(db_session: Session, officer: Actor, make_department: Factory, make_partner: Factory,
                              values: dict[str, Any], field: str) -> None:
    arguments: dict[str, Any] = dict(department_id=make_department().id, partner_id=make_partner().id,
                                     contact_date=date(2026, 5, 1), summary="Talk")
    arguments.update(values)
    with pytest.raises(ValidationError) as caught:
        log_contact(db_session, officer, today=date(2026, 6, 1), **arguments)
    assert caught.value.field == field


def test_scores_are_stored_per_item(db_session: Session, officer: Actor, rubric: list[RubricItem],
                                    department_with_exchange: tuple[Any, Any]) -> None:
    department, exchange = department_with_exchange
    evaluation = save_interview(db_session, officer, interview(department, exchange.semester_id, rubric))
    rows = db_session.execute(select(EvaluationScore.rubric_item_id, EvaluationScore.score)
                              .where(EvaluationScore.evaluation_id == evaluation.id)).all()
    assert sorted(rows) == sorted((item.id, 4) for item in rubric)
