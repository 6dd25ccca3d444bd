"""Who should visit a partner university first: a transparent, adjustable priority ranking.

Outstanding participants of online exchanges get priority for study visits to the
partners they met online. The score is a sum of visible parts, each a fact times
a weight from `Settings.visit_weights`:

    rounds attended          number of rounds the person attended with this partner
    report accepted          number of their reports (exchanges with this partner) accepted
    report published         number of those reports published
    department evaluation    their department's mean interview score (1-5)
    prior visits             study visits they already made to other partners

Missing data (no report owed, department never interviewed) counts as 0 and is
labelled "no data". An officer may add an adjustment with a written reason; the
final score is computed + adjustment. Ties are broken, in this order, by more
rounds attended, earlier first report submission, then name, and the tie-break
is explained on each tied row.

`rank_candidates` is pure (no session, no clock). The service functions below it
gather the facts for one partner, store them on VisitPriority rows (computed_score
and score_parts, which keeps the facts and the weights used), and move a row
through candidate → nominated → approved → visited.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.evaluation.interviews import department_averages
from app.i18n import _
from app.evaluation.records import visit_priorities
from models import (
    Attendance,
    AuditEntry,
    Department,
    Exchange,
    Participation,
    Partner,
    Person,
    Report,
    VisitPriority,
    Workshop,
    utc_now,
)
from models.enums import PublicationChannel, ReviewStatus, VisitStatus, WorkshopStatus
from models.exchanges import exchange_partners

WEIGHT_KEYS: tuple[str, ...] = (
    "rounds_attended", "report_accepted", "report_published", "department_evaluation", "prior_visits",
)
ADJUSTMENT_LIMIT = 100.0
# Scores equal to this many decimals are a tie; every shown number has two.
PLACES = 2


def part_label(key: str) -> str:
    return {
        "rounds_attended": _("Rounds attended"),
        "report_accepted": _("Report accepted"),
        "report_published": _("Report published"),
        "department_evaluation": _("Department evaluation"),
        "prior_visits": _("Prior visits"),
    }[key]


@dataclass(frozen=True)
class CandidateFacts:
    """What is known about one person for one partner; None means no data."""

    person_id: int
    name: str
    sort_name: str = ""  # the name ties are broken on (English); `name` when empty
    department: str = ""
    rounds_attended: int = 0
    reports_accepted: int | None = None  # None: no report owed or handed in
    reports_published: int | None = None
    first_submitted_on: date | None = None
    department_evaluation: float | None = None  # None: department never interviewed
    department_interviews: int = 0
    prior_visits: int = 0
    adjustment: float = 0.0
    adjustment_reason: str = ""
    adjusted_by: str = ""
    adjusted_at: datetime | None = None
    priority_id: int | None = None
    status: VisitStatus = VisitStatus.CANDIDATE

    @property
    def tie_name(self) -> str:
        return (self.sort_name or self.name).casefold()


@dataclass(frozen=True)
class ScorePart:
    key: str
    label: str
    value: float | None  # the fact; None: no data
    weight: float
    points: float
    explanation: str

    @property
    def no_data(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    facts: CandidateFacts
    parts: tuple[ScorePart, ...]
    computed_score: float
    adjustment: float
    final_score: float
    tie_break: str = ""  # why this row sits where it does among equal scores

    def part(self, key: str) -> ScorePart:
        return next(part for part in self.parts if part.key == key)


# ---- the pure ranking ----------------------------------------------------------
def check_weights(weights: Mapping[str, Any]) -> dict[str, float]:
    """The weights as floats; a missing, unknown or non-numeric weight names itself."""
    unknown = sorted(set(weights) - set(WEIGHT_KEYS))
    if unknown:
        raise ValidationError(
            "visit_weights", _("Unknown visit weight '{key}'; the weights are {keys}.").format(
                key=unknown[0], keys=", ".join(WEIGHT_KEYS))
        )
    checked: dict[str, float] = {}
    for key in WEIGHT_KEYS:
        if key not in weights:
            raise ValidationError("visit_weights", _("The visit weight '{key}' is missing.").format(key=key))
        value = weights[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValidationError(
                "visit_weights", _("The visit weight '{key}' must be a number, not {value!r}.").format(
                    key=key, value=value)
            )
        checked[key] = float(value)
    return checked


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def _part(key: str, value: float | None, weight: float, no_data: str, note: str = "") -> ScorePart:
    if value is None:
        return ScorePart(key, part_label(key), None, weight, 0.0,
                         _("no data ({why}), counts as 0").format(why=no_data))
    points = round(value * weight, PLACES) + 0.0  # + 0.0 turns -0.0 into 0.0
    explanation = f"{_number(value)} × {weight:.2f} = {points:.2f}"
    return ScorePart(key, part_label(key), value, weight, points, f"{explanation} ({note})" if note else explanation)


def score_parts(facts: CandidateFacts, weights: Mapping[str, float]) -> tuple[ScorePart, ...]:
    evaluation = None if facts.department_evaluation is None else round(facts.department_evaluation, PLACES)
    return (
        _part("rounds_attended", facts.rounds_attended, weights["rounds_attended"], ""),
        _part("report_accepted", facts.reports_accepted, weights["report_accepted"], _("no report")),
        _part("report_published", facts.reports_published, weights["report_published"], _("no report")),
        _part("department_evaluation", evaluation, weights["department_evaluation"],
              _("department not interviewed"),
              _("mean rubric score over {n} interview(s)").format(n=facts.department_interviews)),
        _part("prior_visits", facts.prior_visits, weights["prior_visits"], ""),
    )


def _order_key(candidate: RankedCandidate) -> tuple[Any, ...]:
    facts = candidate.facts
    return (
        -candidate.final_score,
        -facts.rounds_attended,
        facts.first_submitted_on or date.max,  # never submitted sorts after every date
        facts.tie_name,
        facts.person_id,
    )


def _decider(first: CandidateFacts, second: CandidateFacts) -> str:
    """Why `first` is ranked ahead of `second` when their final scores are equal."""
    if first.rounds_attended != second.rounds_attended:
        return _("more rounds attended ({a} vs {b})").format(a=first.rounds_attended, b=second.rounds_attended)
    if first.first_submitted_on != second.first_submitted_on:
        theirs = second.first_submitted_on.isoformat() if second.first_submitted_on else _("not submitted")
        assert first.first_submitted_on is not None
        return _("earlier report submission ({a} vs {b})").format(a=first.first_submitted_on.isoformat(), b=theirs)
    if first.tie_name != second.tie_name:
        return _("name in alphabetical order")
    return _("earlier record")


def rank_candidates(candidates: list[CandidateFacts], weights: dict[str, float]) -> list[RankedCandidate]:
    """Score and order the candidates; deterministic for the same facts and weights."""
    checked = check_weights(weights)
    scored: list[RankedCandidate] = []
    for facts in candidates:
        parts = score_parts(facts, checked)
        computed = round(sum(part.points for part in parts), PLACES) + 0.0
        adjustment = round(facts.adjustment, PLACES) + 0.0
        scored.append(RankedCandidate(
            rank=0, facts=facts, parts=parts, computed_score=computed, adjustment=adjustment,
            final_score=round(computed + adjustment, PLACES) + 0.0,
        ))
    scored.sort(key=_order_key)
    ranked: list[RankedCandidate] = []
    for index, candidate in enumerate(scored):
        notes: list[str] = []
        before = scored[index - 1] if index > 0 else None
        after = scored[index + 1] if index + 1 < len(scored) else None
        if before is not None and before.final_score == candidate.final_score:
            notes.append(_("after {name}: they have {why}").format(
                name=before.facts.name, why=_decider(before.facts, candidate.facts)))
        if after is not None and after.final_score == candidate.final_score:
            notes.append(_("ahead of {name}: {why}").format(
                name=after.facts.name, why=_decider(candidate.facts, after.facts)))
        tie_break = ""
        if notes:
            tie_break = _("Tied at {score}; ").format(score=f"{candidate.final_score:.2f}") + "; ".join(notes)
        ranked.append(replace(candidate, rank=index + 1, tie_break=tie_break))
    return ranked


def explain(candidate: RankedCandidate) -> str:
    """Every number of a row in words, for a tooltip or the details pane."""
    lines = [f"{part.label}: {part.explanation}" for part in candidate.parts]
    lines.append(_("Computed score: {score}").format(score=f"{candidate.computed_score:.2f}"))
    facts = candidate.facts
    if candidate.adjustment:
        who = facts.adjusted_by or _("an officer")
        when = facts.adjusted_at.strftime("%Y-%m-%d %H:%M UTC") if facts.adjusted_at else ""
        lines.append(_("Adjustment: {value:+.2f} by {who} {when} — {reason}").format(
            value=candidate.adjustment, who=who, when=when, reason=facts.adjustment_reason).replace("  ", " "))
    lines.append(_("Final score: {score}").format(score=f"{candidate.final_score:.2f}"))
    if candidate.tie_break:
        lines.append(candidate.tie_break)
    return "\n".join(lines)


# ---- facts from the database ---------------------------------------------------
def _facts_json(facts: CandidateFacts) -> dict[str, Any]:
    data = asdict(facts)
    for key in ("adjustment", "adjustment_reason", "adjusted_by", "adjusted_at", "priority_id", "status"):
        data.pop(key)
    data["first_submitted_on"] = facts.first_submitted_on.isoformat() if facts.first_submitted_on else None
    return data


def _facts_from_json(data: Mapping[str, Any]) -> CandidateFacts:
    values = dict(data)
    if values.get("first_submitted_on"):
        values["first_submitted_on"] = date.fromisoformat(values["first_submitted_on"])
    known = set(CandidateFacts.__dataclass_fields__)
    return CandidateFacts(**{key: value for key, value in values.items() if key in known})


def partner_candidate_ids(session: Session, partner_id: int) -> list[int]:
    """Everyone of ours who took part in an exchange with the partner."""
    query = (
        select(Participation.person_id)
        .join(exchange_partners, exchange_partners.c.exchange_id == Participation.exchange_id)
        .where(exchange_partners.c.partner_id == partner_id)
        .distinct()
    )
    return sorted(session.scalars(query))


def adjustment_times(session: Session, priority_ids: Iterable[int]) -> dict[int, datetime]:
    """When each row's adjustment was last changed, from the audit log."""
    ids = list(priority_ids)
    if not ids:
        return {}
    times: dict[int, datetime] = {}
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == VisitPriority.__tablename__, AuditEntry.record_id.in_(ids))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    for entry in entries:
        if {"adjustment", "adjustment_reason"} & set(entry.changes or {}):
            times[entry.record_id] = entry.at
    return times


def gather_candidates(session: Session, partner_id: int) -> list[CandidateFacts]:
    """The facts for everyone who met this partner online, or who already has a row for it."""
    rows = {row.person_id: row for row in session.scalars(
        select(VisitPriority).where(VisitPriority.partner_id == partner_id))}
    person_ids = sorted(set(partner_candidate_ids(session, partner_id)) | set(rows))
    if not person_ids:
        return []
    people = {
        person.id: (person, department)
        for person, department in session.execute(
            select(Person, Department).join(Department, Department.id == Person.department_id)
            .where(Person.id.in_(person_ids))
        )
    }
    with_partner = (
        select(Participation.id)
        .join(exchange_partners, exchange_partners.c.exchange_id == Participation.exchange_id)
        .where(exchange_partners.c.partner_id == partner_id, Participation.person_id.in_(person_ids))
    )
    rounds = dict(session.execute(
        select(Participation.person_id, func.count())
        .join(Attendance, Attendance.participation_id == Participation.id)
        .join(Workshop, Workshop.id == Attendance.workshop_id)
        .where(Participation.id.in_(with_partner), Attendance.attended.is_(True),
               Workshop.status != WorkshopStatus.CANCELLED)
        .group_by(Participation.person_id)
    ).all())
    reports: dict[int, list[tuple[ReviewStatus, PublicationChannel, date | None]]] = {}
    for person_id, status, channel, submitted_on in session.execute(
        select(Participation.person_id, Report.review_status, Report.publication_channel, Report.submitted_on)
        .join(Report, Report.participation_id == Participation.id)
        .where(Participation.id.in_(with_partner))
    ):
        reports.setdefault(person_id, []).append((status, channel, submitted_on))
    visits = dict(session.execute(
        select(VisitPriority.person_id, func.count())
        .where(VisitPriority.person_id.in_(person_ids), VisitPriority.partner_id != partner_id,
               VisitPriority.status == VisitStatus.VISITED)
        .group_by(VisitPriority.person_id)
    ).all())
    averages = department_averages(session)
    adjusted_at = adjustment_times(session, (row.id for row in rows.values() if row.adjustment_reason))
    facts: list[CandidateFacts] = []
    for person_id in person_ids:
        person, department = people[person_id]
        owed = reports.get(person_id)
        submitted = [day for _status, _channel, day in owed or () if day is not None]
        average = averages.get(department.id)
        row = rows.get(person_id)
        facts.append(CandidateFacts(
            person_id=person_id, name=person.display_name, sort_name=person.name_en, department=department.name_en,
            rounds_attended=int(rounds.get(person_id, 0)),
            reports_accepted=None if not owed else sum(1 for s, _c, _d in owed if s == ReviewStatus.ACCEPTED),
            reports_published=None if not owed else sum(
                1 for s, c, _d in owed if s == ReviewStatus.ACCEPTED and c != PublicationChannel.NONE),
            first_submitted_on=min(submitted) if submitted else None,
            department_evaluation=None if average is None else average[0],
            department_interviews=0 if average is None else average[1],
            prior_visits=int(visits.get(person_id, 0)),
            adjustment=row.adjustment if row else 0.0,
            adjustment_reason=row.adjustment_reason if row else "",
            adjusted_by=row.adjusted_by if row else "",
            adjusted_at=adjusted_at.get(row.id) if row else None,
            priority_id=row.id if row else None,
            status=row.status if row else VisitStatus.CANDIDATE,
        ))
    return facts


def _score_parts_json(candidate: RankedCandidate, weights: Mapping[str, float], computed_at: datetime) -> dict[str, Any]:
    return {
        "computed_at": computed_at.isoformat(),
        "weights": dict(weights),
        "facts": _facts_json(candidate.facts),
        "parts": [
            {"key": p.key, "value": p.value, "weight": p.weight, "points": p.points, "no_data": p.no_data,
             "explanation": p.explanation}
            for p in candidate.parts
        ],
    }


def recompute_partner(
    session: Session, actor: Actor, partner_id: int, weights: dict[str, float], *, now: datetime | None = None
) -> list[RankedCandidate]:
    """Gather the facts, rank, and store each candidate's computed score and its parts."""
    if session.get(Partner, partner_id) is None:
        raise ValidationError("partner_id", _("The partner #{id} no longer exists.").format(id=partner_id))
    checked = check_weights(weights)
    now = now or utc_now()
    ranked = rank_candidates(gather_candidates(session, partner_id), checked)
    stored: list[RankedCandidate] = []
    for candidate in ranked:
        parts = _score_parts_json(candidate, checked, now)
        row_id = candidate.facts.priority_id
        if row_id is None:
            row = visit_priorities.create(session, actor, person_id=candidate.facts.person_id, partner_id=partner_id,
                                          computed_score=candidate.computed_score, score_parts=parts)
            candidate = replace(candidate, facts=replace(candidate.facts, priority_id=row.id))
        else:
            row = visit_priorities.get(session, row_id)
            old = dict(row.score_parts or {})
            old.pop("computed_at", None)
            new = dict(parts)
            new.pop("computed_at")
            if row.computed_score != candidate.computed_score or old != new:
                visit_priorities.update(session, actor, row_id, computed_score=candidate.computed_score,
                                        score_parts=parts)
        stored.append(candidate)
    return stored


@dataclass
class PartnerRanking:
    """The saved ranking of one partner and whether the data has moved on since."""

    partner_id: int
    candidates: list[RankedCandidate]
    computed_at: datetime | None
    weights: dict[str, float]
    changed: list[str] = field(default_factory=list)  # names whose facts differ from the saved ones
    unranked: list[str] = field(default_factory=list)  # participants without a saved row
    weights_changed: bool = False  # Settings hold other weights than the saved ranking used
    preview: bool = False  # nothing saved yet: the candidates are ranked from today's facts, unsaved

    @property
    def stale(self) -> bool:
        return bool(self.changed or self.unranked or self.weights_changed)


def saved_ranking(session: Session, partner_id: int, current_weights: dict[str, float]) -> PartnerRanking:
    """The ranking as last computed (facts and weights saved with it), with today's adjustments and statuses.

    Comparing with the live facts tells the officer when a Recompute is due. A partner
    never computed gets a preview from today's facts (`preview`), nothing saved.
    """
    rows = list(session.scalars(select(VisitPriority).where(VisitPriority.partner_id == partner_id)))
    live = {facts.person_id: facts for facts in gather_candidates(session, partner_id)}
    saved: list[CandidateFacts] = []
    weights = check_weights(current_weights)
    computed_at: datetime | None = None
    changed: list[str] = []
    for row in rows:
        parts = row.score_parts or {}
        if "facts" not in parts:
            continue  # a row from before any computation; Recompute fills it
        if "weights" in parts:
            weights = check_weights(parts["weights"])
        stamp = datetime.fromisoformat(parts["computed_at"]) if parts.get("computed_at") else None
        if stamp is not None and (computed_at is None or stamp > computed_at):
            computed_at = stamp
        current = live.get(row.person_id)
        facts = _facts_from_json(parts["facts"])
        if current is not None:
            facts = replace(facts, adjustment=current.adjustment, adjustment_reason=current.adjustment_reason,
                            adjusted_by=current.adjusted_by, adjusted_at=current.adjusted_at,
                            priority_id=row.id, status=current.status)
            if _facts_json(current) != _facts_json(facts):
                changed.append(current.name)
        saved.append(facts)
    saved_ids = {facts.person_id for facts in saved}
    unranked = [facts.name for person_id, facts in live.items() if person_id not in saved_ids]
    if not saved:
        # Never computed: show what Recompute would save rather than an empty table.
        return PartnerRanking(partner_id=partner_id, candidates=rank_candidates(list(live.values()), weights),
                              computed_at=None, weights=weights, unranked=unranked, preview=bool(live))
    return PartnerRanking(partner_id=partner_id, candidates=rank_candidates(saved, weights), computed_at=computed_at,
                          weights=weights, changed=changed, unranked=unranked,
                          weights_changed=bool(saved) and check_weights(current_weights) != weights)


def adjust(
    session: Session, actor: Actor, priority_id: int, adjustment: float, reason: str, *,
    expected_version: int | None = None,
) -> VisitPriority:
    """An officer's adjustment of the computed score; it needs a written reason and is audited."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("adjustment_reason", _("Write why the score is adjusted; an adjustment needs a reason."))
    if isinstance(adjustment, bool) or not isinstance(adjustment, (int, float)) or not math.isfinite(adjustment) \
            or abs(adjustment) > ADJUSTMENT_LIMIT:
        raise ValidationError(
            "adjustment", _("The adjustment must be a number between -{limit:g} and {limit:g}.").format(
                limit=ADJUSTMENT_LIMIT)
        )
    return visit_priorities.update(
        session, actor, priority_id, expected_version=expected_version,
        adjustment=round(float(adjustment), PLACES), adjustment_reason=reason, adjusted_by=actor.username,
    )


VISIT_TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.CANDIDATE: frozenset({VisitStatus.NOMINATED}),
    VisitStatus.NOMINATED: frozenset({VisitStatus.APPROVED, VisitStatus.CANDIDATE}),
    VisitStatus.APPROVED: frozenset({VisitStatus.VISITED, VisitStatus.NOMINATED}),
    # A visit marked by mistake can be taken back.
    VisitStatus.VISITED: frozenset({VisitStatus.APPROVED}),
}


def set_visit_status(
    session: Session, actor: Actor, priority_id: int, status: VisitStatus | str, *, today: date,
    visited_on: date | None = None, expected_version: int | None = None,
) -> VisitPriority:
    """Move a candidate one step forward (nominate, approve, mark visited) or one step back."""
    row = visit_priorities.get(session, priority_id)
    try:
        target = VisitStatus(status)
    except ValueError:
        raise ValidationError("status", _("'{value}' is not a visit status.").format(value=status)) from None
    if target == row.status:
        return row
    if target not in VISIT_TRANSITIONS[row.status]:
        raise ValidationError(
            "status", _("A {current} cannot become {target} directly.").format(
                current=row.status.label.lower(), target=target.label.lower())
        )
    values: dict[str, Any] = {"status": target}
    if target == VisitStatus.VISITED:
        values["visited_on"] = visited_on or today
    elif row.status == VisitStatus.VISITED:
        values["visited_on"] = None
    return visit_priorities.update(session, actor, priority_id, expected_version=expected_version, **values)


def partners_with_candidates(session: Session) -> list[tuple[int, str, int]]:
    """(partner id, name, number of candidates) for every partner someone met online."""
    query = (
        select(Partner.id, Partner.name, func.count(func.distinct(Participation.person_id)))
        .join(exchange_partners, exchange_partners.c.partner_id == Partner.id)
        .join(Exchange, Exchange.id == exchange_partners.c.exchange_id)
        .join(Participation, Participation.exchange_id == Exchange.id)
        .group_by(Partner.id, Partner.name)
        .order_by(Partner.name)
    )
    return [(pid, name, int(n)) for pid, name, n in session.execute(query)]
