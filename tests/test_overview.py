"""The Overview's numbers equal what the database holds, counted here independently with SQL."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.actor import Actor
from app.evaluation.interviews import ActionInput, InterviewInput, add_rubric_item, list_rubric, save_interview
from app.views.overview import semester_overview
from app.outcomes.reports import publish_report, record_review
from app.settings import Settings
from models.enums import ProposalStatus, PublicationChannel, ReviewStatus, WorkshopStatus

Factory = Callable[..., Any]
TODAY = date(2026, 12, 20)
NOW = datetime(2026, 12, 20, 4, 0, tzinfo=UTC)


@pytest.fixture
def semester_world(
    db_session: Session, officer: Actor, make_semester: Factory, make_department: Factory, make_area: Factory,
    make_proposal: Factory, make_exchange: Factory, make_workshop: Factory, make_participation: Factory,
    make_person: Factory, make_report: Factory,
) -> dict[str, Any]:
    semester, other = make_semester(), make_semester()
    health, career = make_department(name_en="Health"), make_department(name_en="Career")
    area_a, area_b = make_area(name_en="Wellbeing"), make_area(name_en="Jobs")
    for area, status in [(area_a, ProposalStatus.ACCEPTED), (area_a, ProposalStatus.ACCEPTED),
                         (area_a, ProposalStatus.DECLINED), (area_b, ProposalStatus.SUBMITTED),
                         (None, ProposalStatus.SHORTLISTED)]:
        make_proposal(semester=semester, department=health, area=area, status=status)
    make_proposal(semester=other, department=health, area=area_a)
    exchange = make_exchange(semester=semester, departments=[health])
    second = make_exchange(semester=semester, departments=[career])
    make_exchange(semester=other, departments=[career])
    # 31 Oct 18:00 UTC is 1 Nov in Shanghai: counted in November.
    make_workshop(exchange=exchange, round_number=1, starts_at=datetime(2026, 10, 10, 6, tzinfo=UTC),
                  status=WorkshopStatus.HELD)
    make_workshop(exchange=exchange, round_number=2, starts_at=datetime(2026, 10, 31, 18, tzinfo=UTC),
                  status=WorkshopStatus.CONFIRMED)  # in the past, never marked held
    make_workshop(exchange=exchange, round_number=3, starts_at=datetime(2026, 11, 20, 6, tzinfo=UTC),
                  status=WorkshopStatus.CANCELLED)
    make_workshop(exchange=second, round_number=1, starts_at=datetime(2026, 11, 25, 6, tzinfo=UTC),
                  status=WorkshopStatus.HELD)
    make_workshop(exchange=second, round_number=2, starts_at=datetime(2027, 1, 5, 6, tzinfo=UTC))  # future
    reports = [make_report(participation=make_participation(exchange=exchange, person=make_person(department=health)),
                           due_on=date(2026, 12, 1)) for _ in range(4)]
    make_report(participation=make_participation(exchange=second, person=make_person(department=career)),
                due_on=date(2027, 1, 30))
    for report in reports[:3]:
        record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 11, 25))
    for report in reports[:2]:
        record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="R")
        record_review(db_session, officer, report.id, ReviewStatus.ACCEPTED, reviewer="R")
    publish_report(db_session, officer, reports[0].id, PublicationChannel.WECHAT, date(2026, 12, 5))
    if not list_rubric(db_session):
        add_rubric_item(db_session, officer, "Relevance")
    rubric = list_rubric(db_session)
    save_interview(db_session, officer, InterviewInput(
        department_id=career.id, semester_id=semester.id, interview_date=date(2026, 12, 1), interviewer="Chen",
        scores={item.id: 3 for item in rubric}, actions=[ActionInput("a", "b")]))
    return {"semester": semester, "health": health, "career": career, "overdue": reports[3]}


def scalar(session: Session, sql: str, **params: Any) -> Any:
    return session.execute(text(sql), params).scalar()


def test_overview_numbers_match_the_database(db_session: Session, semester_world: dict[str, Any]) -> None:
    semester_id = semester_world["semester"].id
    overview = semester_overview(db_session, semester_id, TODAY, settings=Settings(), now=NOW)

    assert overview.topics_total == scalar(
        db_session, "SELECT count(*) FROM topic_proposals WHERE semester_id = :s", s=semester_id) == 5
    by_area_sql = db_session.execute(text(
        "SELECT coalesce(a.name_en, '(no area)'), p.status, count(*) FROM topic_proposals p "
        "LEFT JOIN topic_areas a ON a.id = p.area_id WHERE p.semester_id = :s GROUP BY 1, 2"), {"s": semester_id}).all()
    flattened = {(area, status.value, n) for area, statuses in overview.topics_by_area.items()
                 for status, n in statuses.items()}
    assert flattened == {(area, status, n) for area, status, n in by_area_sql}
    assert list(overview.topics_by_area)[-1] == "(no area)"

    assert overview.exchanges == scalar(db_session, "SELECT count(*) FROM exchanges WHERE semester_id = :s",
                                        s=semester_id) == 2
    workshop_sql = ("SELECT count(*) FROM workshops w JOIN exchanges e ON e.id = w.exchange_id "
                    "WHERE e.semester_id = :s AND w.status <> 'cancelled'")
    assert overview.workshops == scalar(db_session, workshop_sql, s=semester_id) == 4
    assert overview.workshops_held == scalar(db_session, workshop_sql + " AND w.status = 'held'", s=semester_id) == 2
    assert [(m.month, m.workshops, m.held) for m in overview.workshops_by_month] == [
        ("2026-10", 1, 1), ("2026-11", 2, 1), ("2027-01", 1, 0)]

    report_sql = ("SELECT count(*) FROM reports r JOIN participations p ON p.id = r.participation_id "
                  "JOIN exchanges e ON e.id = p.exchange_id WHERE e.semester_id = :s")
    assert overview.reports_owed == scalar(db_session, report_sql, s=semester_id) == 5
    assert overview.reports_submitted == scalar(
        db_session, report_sql + " AND r.review_status <> 'not_submitted'", s=semester_id) == 3
    assert overview.reports_accepted == scalar(
        db_session, report_sql + " AND r.review_status = 'accepted'", s=semester_id) == 2
    assert overview.reports_published == scalar(
        db_session, report_sql + " AND r.review_status = 'accepted' AND r.publication_channel <> 'none'",
        s=semester_id) == 1
    assert overview.submission_rate == pytest.approx(3 / 5)
    assert overview.publication_rate == pytest.approx(1 / 2)

    average_sql = db_session.execute(text(
        "SELECT e.department_id, avg(s.score) FROM evaluations e JOIN evaluation_scores s ON s.evaluation_id = e.id "
        "WHERE e.semester_id = :s GROUP BY e.department_id"), {"s": semester_id}).all()
    assert {(s.department_id, round(s.average, 6)) for s in overview.evaluation_scores} == {
        (dept, round(float(avg), 6)) for dept, avg in average_sql}

    items = {(item.category, item.kind, item.record_id) for item in overview.action_items}
    assert ("overdue_report", "report", semester_world["overdue"].id) in items
    assert ("interview_due", "department", semester_world["health"].id) in items
    assert ("interview_due", "department", semester_world["career"].id) not in items  # interviewed 1 Dec
    not_held = [item for item in overview.action_items if item.category == "workshop_not_held"]
    assert len(not_held) == 1 and "round 2" in not_held[0].title and "confirmed" in not_held[0].detail
    assert sum(1 for item in overview.action_items if item.category == "overdue_report") == 1


def test_empty_semester(db_session: Session, make_semester: Factory) -> None:
    semester = make_semester()
    overview = semester_overview(db_session, semester.id, TODAY, settings=Settings(), now=NOW)
    assert overview.topics_total == overview.workshops == overview.reports_owed == 0
    assert overview.submission_rate is None and overview.publication_rate is None
    assert overview.workshops_by_month == [] and overview.evaluation_scores == []


def test_the_chinese_overview_names_areas_and_departments_in_chinese(
        db_session: Session, semester_world: dict[str, Any]) -> None:
    from app.i18n import language

    semester_id = semester_world["semester"].id
    from app.views.overview import no_area_label

    with language("zh_CN"):
        overview = semester_overview(db_session, semester_id, TODAY, settings=Settings(), now=NOW)
        no_area = no_area_label()
    expected = db_session.execute(text(
        "SELECT DISTINCT coalesce(nullif(a.name_zh, ''), a.name_en) FROM topic_proposals p "
        "JOIN topic_areas a ON a.id = p.area_id WHERE p.semester_id = :s"), {"s": semester_id}).scalars().all()
    assert no_area != "(no area)"
    assert set(overview.topics_by_area) == {*expected, no_area}
    assert list(overview.topics_by_area)[-1] == no_area
    departments = dict(db_session.execute(text("SELECT id, coalesce(nullif(name_zh, ''), name_en) FROM departments")).all())
    assert overview.evaluation_scores
    assert {(s.department_id, s.department) for s in overview.evaluation_scores} == {
        (s.department_id, departments[s.department_id]) for s in overview.evaluation_scores}
    assert any(s.department != s.department.encode("ascii", "ignore").decode() for s in overview.evaluation_scores)
    # The departments in "Needs action" too: due for an interview, and the participant's of an overdue report.
    due = [item for item in overview.action_items if item.category == "interview_due"]
    assert due and all(item.title == departments[item.record_id] for item in due)
    overdue = next(item for item in overview.action_items if item.category == "overdue_report")
    department_zh = db_session.execute(text(
        "SELECT d.name_zh FROM reports r JOIN participations p ON p.id = r.participation_id "
        "JOIN people pe ON pe.id = p.person_id JOIN departments d ON d.id = pe.department_id WHERE r.id = :r"),
        {"r": overdue.record_id}).scalar_one()
    assert department_zh and department_zh in overdue.title
