"""Realistic demo data: a small database to try the program, or a ten-year one to time it.

`fill_demo` adds semesters, departments with their staff, partner universities in many
time zones, topic proposals and outreach, exchanges with their workshops and panels,
participants with attendance and preparation, reports, evaluations, follow-up contacts
and visit priorities. Everything is drawn from `random.Random(seed)`, so a seed (and the
day it runs on, which decides what is past and what is planned) gives the same data.

Rows go in with bulk Core INSERTs and ids the program reserves itself, so the large
database takes seconds rather than minutes. Nothing is committed: the caller owns the
transaction. On a database that already holds data (`iad-workshops demo --add`)
semesters, departments and partners with the same names are reused, never duplicated.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.state import (
    DemoCounts,
    PLANS,
    Progress,
    Size,
)
from app.demo.directory_steps import DirectorySteps
from app.demo.evaluation_steps import EvaluationSteps
from app.demo.outcome_steps import OutcomeSteps
from app.demo.planning_steps import PlanningSteps
from app.demo.topic_steps import TopicSteps
from app.directory.reference_data import ensure_reference_data
from models import (
    Department,
    Exchange,
    Partner,
    Person,
    Semester,
    VisitPriority,
)

# ---- public API ---------------------------------------------------------------------------------------------------
def database_is_empty(session: Session) -> bool:
    """True when no semester, department, partner, person or exchange exists (reference lists don't count)."""
    for model in (Semester, Department, Partner, Person, Exchange):
        if session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


def fill_demo(
    session: Session,
    size: Size = "small",
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoCounts:
    """Add a realistic demo data set and flush it; the caller commits or rolls back.

    `today` decides which workshops are past (held) and which are planned; it defaults
    to the current date, and with the same seed and day the data are the same.
    """
    if size not in PLANS:
        raise ValueError(f"unknown demo size {size!r}; choose small or large")
    builder = _Builder(session, PLANS[size], random.Random(seed), today or date.today(), progress)
    counts = builder.run()
    if size == "small":
        # Rank the candidates the way the program does, so the visit priority view
        # shows explained scores at once. The large set leaves that to Recompute:
        # ranking every partner's hundreds of candidates would dominate its run time.
        before = session.scalar(select(func.count()).select_from(VisitPriority)) or 0
        _rank_visit_candidates(session)
        after = session.scalar(select(func.count()).select_from(VisitPriority)) or 0
        counts = replace(counts, visit_priorities=counts.visit_priorities + after - before)
    return counts


def _rank_visit_candidates(session: Session) -> None:
    from app.actor import Actor
    from app.settings import Settings
    from app.evaluation.visit_ranking import recompute_partner
    from models.enums import UserRole

    actor = Actor(username="demo", role=UserRole.ADMINISTRATOR)
    weights = Settings().visit_weights
    for partner_id in session.scalars(select(VisitPriority.partner_id).distinct().order_by(VisitPriority.partner_id)):
        recompute_partner(session, actor, partner_id, weights)


# ---- the builder ----------------------------------------------------------------------------------------------------
class _Builder(DirectorySteps, TopicSteps, PlanningSteps, OutcomeSteps, EvaluationSteps):
    """Draws the data in a fixed order (so a seed reproduces it) and bulk-inserts each table."""

    # -- the run --
    def run(self) -> DemoCounts:
        self._step()
        ensure_reference_data(self.session)
        self._load_reference()
        self._step()
        self._make_semesters()
        self._step()
        self._make_departments()
        self._step()
        self._make_partners()
        self._step()
        self._make_proposals()
        self._step()
        self._make_exchanges()
        self._step()
        self._make_workshops()
        self._step()
        self._make_participations()
        self._step()
        self._make_panels()
        self._step()
        self._make_attendance_and_preparation()
        self._step()
        self._make_reports()
        self._step()
        self._make_evaluations()
        self._step()
        self._make_follow_ups()
        self._make_visit_priorities()
        if self.progress is not None:
            self.progress("Done", len(self.STAGES), len(self.STAGES))
        return DemoCounts(**self.counts)
