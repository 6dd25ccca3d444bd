"""Factory fixtures: `make_partner(name="...")` adds a valid record and flushes it."""
from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy.orm import Session

from models import (
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Panel,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Report,
    RubricItem,
    Semester,
    TopicArea,
    TopicProposal,
    Workshop,
)
from models.enums import ExchangeKind

T = TypeVar("T")
_counter = itertools.count(1)


def _add(session: Session, obj: T) -> T:
    session.add(obj)
    session.flush()
    return obj


@pytest.fixture
def make_semester(db_session: Session) -> Callable[..., Semester]:
    def make(**overrides: Any) -> Semester:
        n = next(_counter)
        values: dict[str, Any] = dict(
            name=f"20{26 + n % 50} Fall #{n}", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20),
            topic_deadline=date(2026, 6, 30),
        )
        values.update(overrides)
        return _add(db_session, Semester(**values))

    return make


@pytest.fixture
def make_department(db_session: Session) -> Callable[..., Department]:
    def make(**overrides: Any) -> Department:
        n = next(_counter)
        values: dict[str, Any] = dict(name_en=f"Department {n}", name_zh=f"部门{n}")
        values.update(overrides)
        return _add(db_session, Department(**values))

    return make


@pytest.fixture
def make_person(db_session: Session, make_department: Callable[..., Department]) -> Callable[..., Person]:
    def make(**overrides: Any) -> Person:
        n = next(_counter)
        if "department" not in overrides and "department_id" not in overrides:
            overrides["department"] = make_department()
        values: dict[str, Any] = dict(name_en=f"Person {n}", name_zh=f"人员{n}", email=f"p{n}@sjtu.edu.cn")
        values.update(overrides)
        return _add(db_session, Person(**values))

    return make


@pytest.fixture
def make_partner(db_session: Session) -> Callable[..., Partner]:
    def make(**overrides: Any) -> Partner:
        n = next(_counter)
        values: dict[str, Any] = dict(
            name=f"University {n}", country="United Kingdom", city="London", timezone="Europe/London",
            languages="English",
        )
        values.update(overrides)
        return _add(db_session, Partner(**values))

    return make


@pytest.fixture
def make_contact(db_session: Session, make_partner: Callable[..., Partner]) -> Callable[..., PartnerContact]:
    def make(**overrides: Any) -> PartnerContact:
        n = next(_counter)
        if "partner" not in overrides and "partner_id" not in overrides:
            overrides["partner"] = make_partner()
        values: dict[str, Any] = dict(name=f"Contact {n}", unit="Student Services", email=f"c{n}@example.ac.uk")
        values.update(overrides)
        return _add(db_session, PartnerContact(**values))

    return make


@pytest.fixture
def make_area(db_session: Session) -> Callable[..., TopicArea]:
    def make(**overrides: Any) -> TopicArea:
        n = next(_counter)
        values: dict[str, Any] = dict(name_en=f"Area {n}", name_zh=f"领域{n}")
        values.update(overrides)
        return _add(db_session, TopicArea(**values))

    return make


@pytest.fixture
def make_proposal(
    db_session: Session,
    make_semester: Callable[..., Semester],
    make_department: Callable[..., Department],
) -> Callable[..., TopicProposal]:
    def make(**overrides: Any) -> TopicProposal:
        n = next(_counter)
        if "semester" not in overrides and "semester_id" not in overrides:
            overrides["semester"] = make_semester()
        if "department" not in overrides and "department_id" not in overrides:
            overrides["department"] = make_department()
        values: dict[str, Any] = dict(title=f"Topic {n}", description="What we want to cover")
        values.update(overrides)
        return _add(db_session, TopicProposal(**values))

    return make


@pytest.fixture
def make_exchange(
    db_session: Session, make_semester: Callable[..., Semester], make_partner: Callable[..., Partner]
) -> Callable[..., Exchange]:
    def make(**overrides: Any) -> Exchange:
        n = next(_counter)
        if "semester" not in overrides and "semester_id" not in overrides:
            overrides["semester"] = make_semester()
        overrides.setdefault("partners", [make_partner()])
        values: dict[str, Any] = dict(title=f"Exchange {n}", kind=ExchangeKind.ONE_OFF, planned_rounds=1)
        values.update(overrides)
        return _add(db_session, Exchange(**values))

    return make


@pytest.fixture
def make_workshop(db_session: Session, make_exchange: Callable[..., Exchange]) -> Callable[..., Workshop]:
    def make(**overrides: Any) -> Workshop:
        if "exchange" not in overrides and "exchange_id" not in overrides:
            overrides["exchange"] = make_exchange()
        values: dict[str, Any] = dict(
            round_number=1, starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC), duration_minutes=180,
            platform="Zoom", link="https://zoom.example/j/1",
        )
        values.update(overrides)
        return _add(db_session, Workshop(**values))

    return make


@pytest.fixture
def make_panel(db_session: Session, make_workshop: Callable[..., Workshop]) -> Callable[..., Panel]:
    def make(**overrides: Any) -> Panel:
        n = next(_counter)
        if "workshop" not in overrides and "workshop_id" not in overrides:
            overrides["workshop"] = make_workshop()
        workshop = overrides.get("workshop")
        start = workshop.starts_at if isinstance(workshop, Workshop) else datetime(2026, 10, 15, 7, 0, tzinfo=UTC)
        values: dict[str, Any] = dict(title=f"Panel {n}", starts_at=start + timedelta(minutes=10), duration_minutes=35)
        values.update(overrides)
        return _add(db_session, Panel(**values))

    return make


@pytest.fixture
def make_participation(
    db_session: Session, make_person: Callable[..., Person], make_exchange: Callable[..., Exchange]
) -> Callable[..., Participation]:
    def make(**overrides: Any) -> Participation:
        if "person" not in overrides and "person_id" not in overrides:
            overrides["person"] = make_person()
        if "exchange" not in overrides and "exchange_id" not in overrides:
            overrides["exchange"] = make_exchange()
        return _add(db_session, Participation(**overrides))

    return make


@pytest.fixture
def make_report(db_session: Session, make_participation: Callable[..., Participation]) -> Callable[..., Report]:
    def make(**overrides: Any) -> Report:
        if "participation" not in overrides and "participation_id" not in overrides:
            overrides["participation"] = make_participation()
        values: dict[str, Any] = dict(title="Report", due_on=date(2026, 12, 15))
        values.update(overrides)
        return _add(db_session, Report(**values))

    return make


@pytest.fixture
def make_rubric_item(db_session: Session) -> Callable[..., RubricItem]:
    def make(**overrides: Any) -> RubricItem:
        n = next(_counter)
        values: dict[str, Any] = dict(name_en=f"Criterion {n}", name_zh=f"标准{n}", position=n)
        values.update(overrides)
        return _add(db_session, RubricItem(**values))

    return make


@pytest.fixture
def make_evaluation(
    db_session: Session, make_department: Callable[..., Department], make_semester: Callable[..., Semester]
) -> Callable[..., Evaluation]:
    """`scores` as (rubric item, score) or (rubric item, score, notes); `actions` as EvaluationAction objects."""

    def make(**overrides: Any) -> Evaluation:
        if "department" not in overrides and "department_id" not in overrides:
            overrides["department"] = make_department()
        if "semester" not in overrides and "semester_id" not in overrides:
            overrides["semester"] = make_semester()
        scores = overrides.pop("scores", ())
        values: dict[str, Any] = dict(interview_date=date(2026, 12, 10), interviewer="Chen Jing",
                                      interviewees="Director Wu", findings="Useful contacts")
        values.update(overrides)
        evaluation = Evaluation(**values)
        evaluation.scores = [EvaluationScore(rubric_item=item, score=score, notes=rest[0] if rest else "")
                             for item, score, *rest in scores]
        return _add(db_session, evaluation)

    return make
