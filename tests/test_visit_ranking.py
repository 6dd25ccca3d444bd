"""Visit priority: the pure ranking (parts, ties, missing data) and the service around it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.evaluation.interviews import ActionInput, InterviewInput, list_rubric, save_interview
from app.directory.reference_data import ensure_reference_data
from app.outcomes.reports import publish_report, record_review
from app.settings import Settings
from app.evaluation.visit_ranking import (
    CandidateFacts,
    adjust,
    explain,
    gather_candidates,
    rank_candidates,
    recompute_partner,
    saved_ranking,
    set_visit_status,
)
from models import Attendance, AuditEntry, VisitPriority
from models.enums import PublicationChannel, ReviewStatus, VisitStatus

Factory = Callable[..., Any]
WEIGHTS = dict(Settings().visit_weights)


# ---- pure ----------------------------------------------------------------------
def test_score_is_the_sum_of_visible_parts() -> None:
    facts = CandidateFacts(person_id=1, name="Zhang Wei", rounds_attended=3, reports_accepted=1,
                           reports_published=1, department_evaluation=4.25, department_interviews=2,
                           prior_visits=1)
    [ranked] = rank_candidates([facts], WEIGHTS)
    points = {part.key: part.points for part in ranked.parts}
    assert points == {"rounds_attended": 6.0, "report_accepted": 3.0, "report_published": 2.0,
                      "department_evaluation": 4.25, "prior_visits": -2.0}
    assert ranked.computed_score == 13.25 == ranked.final_score
    assert ranked.part("rounds_attended").explanation == "3 × 2.00 = 6.00"
    assert "Department evaluation: 4.25 × 1.00 = 4.25 (mean rubric score over 2 interview(s))" in explain(ranked)
    assert ranked.part("prior_visits").explanation == "1 × -2.00 = -2.00"
    assert "Final score: 13.25" in explain(ranked)


def test_missing_data_counts_zero_and_says_so() -> None:
    [ranked] = rank_candidates([CandidateFacts(person_id=1, name="Li")], WEIGHTS)
    for key in ("report_accepted", "report_published", "department_evaluation"):
        part = ranked.part(key)
        assert part.no_data and part.points == 0.0
        assert part.explanation.startswith("no data")
    assert "department not interviewed" in ranked.part("department_evaluation").explanation
    assert not ranked.part("rounds_attended").no_data
    assert ranked.final_score == 0.0
    assert ranked.part("prior_visits").explanation == "0 × -2.00 = 0.00"  # never "-0.00"


def test_adjustment_adds_to_the_computed_score() -> None:
    low = CandidateFacts(person_id=1, name="Low", rounds_attended=1, adjustment=5.0, adjustment_reason="Leads it",
                         adjusted_by="chen")
    high = CandidateFacts(person_id=2, name="High", rounds_attended=3)
    ranked = rank_candidates([high, low], WEIGHTS)
    assert [(r.facts.name, r.computed_score, r.adjustment, r.final_score) for r in ranked] == [
        ("Low", 2.0, 5.0, 7.0), ("High", 6.0, 0.0, 6.0)]
    assert "+5.00 by chen" in explain(ranked[0]) and "Leads it" in explain(ranked[0])


def test_ties_are_broken_by_rounds_then_submission_then_name() -> None:
    # Four candidates end at 6.00 by different routes; one is clear ahead.
    a = CandidateFacts(person_id=1, name="Bai", rounds_attended=3)  # 6.0
    b = CandidateFacts(person_id=2, name="Cao", rounds_attended=0, reports_accepted=2, reports_published=0,
                       first_submitted_on=date(2026, 11, 2))  # 6.0
    c = CandidateFacts(person_id=3, name="An", rounds_attended=0, reports_accepted=2, reports_published=0,
                       first_submitted_on=date(2026, 11, 1))  # 6.0
    d = CandidateFacts(person_id=4, name="Du", rounds_attended=0, reports_accepted=2, reports_published=0,
                       first_submitted_on=date(2026, 11, 1))  # 6.0, same date as An: name decides
    e = CandidateFacts(person_id=5, name="Zhou", rounds_attended=4)  # 8.0, no tie
    ranked = rank_candidates([d, b, a, e, c], WEIGHTS)
    assert [r.facts.name for r in ranked] == ["Zhou", "Bai", "An", "Du", "Cao"]
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5]
    assert ranked[0].tie_break == ""
    assert "ahead of An: more rounds attended (3 vs 0)" in ranked[1].tie_break
    assert "after Bai" in ranked[2].tie_break
    assert "ahead of Du: name in alphabetical order" in ranked[2].tie_break
    assert "ahead of Cao: earlier report submission (2026-11-01 vs 2026-11-02)" in ranked[3].tie_break
    assert ranked[4].tie_break.startswith("Tied at 6.00")
    # Deterministic whatever the input order.
    assert [r.facts.person_id for r in rank_candidates([c, e, a, b, d], WEIGHTS)] == [5, 1, 3, 4, 2]


def test_never_submitted_ranks_after_submitted_on_a_tie() -> None:
    submitted = CandidateFacts(person_id=1, name="Zed", first_submitted_on=date(2026, 12, 1))
    never = CandidateFacts(person_id=2, name="Amy")
    ranked = rank_candidates([never, submitted], WEIGHTS)
    assert [r.facts.name for r in ranked] == ["Zed", "Amy"]
    assert "not submitted" in ranked[0].tie_break


def test_float_noise_does_not_break_a_tie() -> None:
    weights = {**WEIGHTS, "department_evaluation": 0.1}
    a = CandidateFacts(person_id=1, name="A", department_evaluation=3.0)  # 0.30000000000000004 unrounded
    b = CandidateFacts(person_id=2, name="B", department_evaluation=1.0, adjustment=0.2)
    ranked = rank_candidates([b, a], weights)
    assert ranked[0].final_score == ranked[1].final_score == 0.3
    assert ranked[0].facts.name == "A" and ranked[0].tie_break


@pytest.mark.parametrize(
    "weights",
    [
        {k: v for k, v in WEIGHTS.items() if k != "prior_visits"},
        {**WEIGHTS, "charm": 1.0},
        {**WEIGHTS, "rounds_attended": "lots"},
        {**WEIGHTS, "rounds_attended": float("nan")},
    ],
)
def test_bad_weights_are_refused(weights: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        rank_candidates([CandidateFacts(person_id=1, name="A")], weights)
    assert caught.value.field == "visit_weights"


def test_empty_list() -> None:
    assert rank_candidates([], WEIGHTS) == []


# ---- service -------------------------------------------------------------------
@pytest.fixture
def partner_world(
    db_session: Session, officer: Actor, make_partner: Factory, make_exchange: Factory, make_workshop: Factory,
    make_participation: Factory, make_person: Factory, make_department: Factory, make_report: Factory,
) -> dict[str, Any]:
    """Oxford: two rounds; Zhang attended both with an accepted, published report, Li one round, Wang none."""
    ensure_reference_data(db_session)
    oxford, other = make_partner(name="Oxford"), make_partner(name="Kyoto")
    counselling = make_department(name_en="Counselling")
    exchange = make_exchange(partners=[oxford], departments=[counselling])
    rounds = [make_workshop(exchange=exchange, round_number=n, starts_at=datetime(2026, 10, n * 7, 6, tzinfo=UTC))
              for n in (1, 2)]
    zhang = make_participation(exchange=exchange, person=make_person(name_en="Zhang Wei", department=counselling))
    li = make_participation(exchange=exchange, person=make_person(name_en="Li Na"))
    wang = make_participation(exchange=exchange, person=make_person(name_en="Wang Bo"))
    for workshop in rounds:
        db_session.add(Attendance(participation_id=zhang.id, workshop_id=workshop.id, attended=True))
    db_session.add(Attendance(participation_id=li.id, workshop_id=rounds[0].id, attended=True))
    db_session.add(Attendance(participation_id=li.id, workshop_id=rounds[1].id, attended=False))
    report = make_report(participation=zhang)
    record_review(db_session, officer, report.id, ReviewStatus.SUBMITTED, today=date(2026, 11, 1))
    record_review(db_session, officer, report.id, ReviewStatus.UNDER_REVIEW, reviewer="R")
    record_review(db_session, officer, report.id, ReviewStatus.ACCEPTED, reviewer="R")
    publish_report(db_session, officer, report.id, PublicationChannel.WECHAT, date(2026, 12, 1))
    make_report(participation=li)
    rubric = list_rubric(db_session)
    save_interview(db_session, officer, InterviewInput(
        department_id=counselling.id, semester_id=exchange.semester_id, interview_date=date(2026, 12, 10),
        interviewer="Chen", scores={item.id: 4 for item in rubric}, actions=[ActionInput("x", "y")]))
    # Wang already visited Kyoto.
    db_session.add(VisitPriority(person_id=wang.person_id, partner_id=other.id, status=VisitStatus.VISITED))
    db_session.flush()
    return {"oxford": oxford, "zhang": zhang.person_id, "li": li.person_id, "wang": wang.person_id,
            "exchange": exchange}


def test_gathered_facts(db_session: Session, partner_world: dict[str, Any]) -> None:
    facts = {f.person_id: f for f in gather_candidates(db_session, partner_world["oxford"].id)}
    zhang, li, wang = facts[partner_world["zhang"]], facts[partner_world["li"]], facts[partner_world["wang"]]
    assert (zhang.rounds_attended, zhang.reports_accepted, zhang.reports_published, zhang.first_submitted_on) == (
        2, 1, 1, date(2026, 11, 1))
    assert zhang.department_evaluation == pytest.approx(4.0) and zhang.department_interviews == 1
    assert (li.rounds_attended, li.reports_accepted, li.reports_published) == (1, 0, 0)
    assert li.department_evaluation is None
    assert (wang.rounds_attended, wang.reports_accepted, wang.prior_visits) == (0, None, 1)


def test_recompute_stores_rows_and_adjustment_is_audited(
    db_session: Session, officer: Actor, partner_world: dict[str, Any]
) -> None:
    oxford = partner_world["oxford"]
    ranked = recompute_partner(db_session, officer, oxford.id, WEIGHTS, now=datetime(2026, 12, 20, tzinfo=UTC))
    assert [r.facts.person_id for r in ranked] == [partner_world["zhang"], partner_world["li"], partner_world["wang"]]
    assert [r.computed_score for r in ranked] == [4.0 + 3.0 + 2.0 + 4.0, 2.0, -2.0]
    rows = {row.person_id: row for row in db_session.scalars(
        select(VisitPriority).where(VisitPriority.partner_id == oxford.id))}
    zhang_row = rows[partner_world["zhang"]]
    assert zhang_row.computed_score == 13.0
    assert [p["points"] for p in zhang_row.score_parts["parts"]] == [4.0, 3.0, 2.0, 4.0, 0.0]
    assert zhang_row.score_parts["weights"] == WEIGHTS

    wang_row = rows[partner_world["wang"]]
    with pytest.raises(ValidationError) as caught:
        adjust(db_session, officer, wang_row.id, 20.0, "   ")
    assert caught.value.field == "adjustment_reason"
    adjust(db_session, officer, wang_row.id, 20.0, "Speaks Japanese and leads the follow-up")
    assert (wang_row.adjustment, wang_row.adjusted_by) == (20.0, "officer")
    entry = db_session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == "visit_priorities", AuditEntry.record_id == wang_row.id).order_by(AuditEntry.id.desc())
    ).first()
    assert entry is not None and entry.changes["adjustment_reason"][1].startswith("Speaks Japanese")

    saved = saved_ranking(db_session, oxford.id, WEIGHTS)
    assert saved.candidates[0].facts.person_id == partner_world["wang"]
    assert saved.candidates[0].final_score == 18.0
    assert saved.candidates[0].facts.adjusted_at is not None
    assert not saved.stale
    # Recompute keeps the adjustment and the status.
    again = recompute_partner(db_session, officer, oxford.id, WEIGHTS)
    assert again[0].facts.person_id == partner_world["wang"] and again[0].adjustment == 20.0


def test_saved_ranking_notices_new_facts(
    db_session: Session, officer: Actor, partner_world: dict[str, Any], make_participation: Factory,
    make_person: Factory,
) -> None:
    oxford = partner_world["oxford"]
    preview = saved_ranking(db_session, oxford.id, WEIGHTS)
    assert preview.stale and preview.preview  # never computed: a preview, everyone unranked
    assert len(preview.candidates) == 3 and preview.computed_at is None
    assert db_session.scalar(select(VisitPriority.id).where(VisitPriority.partner_id == oxford.id)) is None
    recompute_partner(db_session, officer, oxford.id, WEIGHTS)
    saved = saved_ranking(db_session, oxford.id, WEIGHTS)
    assert not saved.stale and not saved.preview
    make_participation(exchange=partner_world["exchange"], person=make_person(name_en="New Comer"))
    state = saved_ranking(db_session, oxford.id, WEIGHTS)
    assert len(state.unranked) == 1 and "New Comer" in state.unranked[0]
    assert saved_ranking(db_session, oxford.id, {**WEIGHTS, "rounds_attended": 5.0}).weights_changed


def test_status_steps(db_session: Session, officer: Actor, partner_world: dict[str, Any]) -> None:
    ranked = recompute_partner(db_session, officer, partner_world["oxford"].id, WEIGHTS)
    row_id = ranked[0].facts.priority_id
    assert row_id is not None
    with pytest.raises(ValidationError) as caught:
        set_visit_status(db_session, officer, row_id, VisitStatus.APPROVED, today=date(2027, 3, 1))
    assert caught.value.field == "status"
    set_visit_status(db_session, officer, row_id, "nominated", today=date(2027, 3, 1))
    set_visit_status(db_session, officer, row_id, VisitStatus.APPROVED, today=date(2027, 3, 1))
    row = set_visit_status(db_session, officer, row_id, VisitStatus.VISITED, today=date(2027, 5, 1))
    assert row.status is VisitStatus.VISITED and row.visited_on == date(2027, 5, 1)
    row = set_visit_status(db_session, officer, row_id, VisitStatus.APPROVED, today=date(2027, 5, 2))
    assert row.visited_on is None
