"""Demo data, step 5: department interviews and visit priorities."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any


from app.demo.content import (
    FINDINGS,
    ACTIONS,
    VISIT_REASONS,
    OFFICERS,
)
from app.demo.state import (
    BuilderBase,
    DrawnExchange,
    IdHolder,
    DrawnParticipation,
    weighted,
)
from models import (
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    VisitPriority,
    evaluation_exchanges,
)
from models.enums import (
    ParticipantRole,
    VisitStatus,
    WorkshopStatus,
)


class EvaluationSteps(BuilderBase):
    def _make_evaluations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        covered: list[list[DrawnExchange]] = []
        held_by: dict[tuple[int, int], list[DrawnExchange]] = defaultdict(list)
        for exchange in self.exchanges:
            if exchange.last_round_held:
                for department in exchange.departments:
                    held_by[(exchange.semester.id, department.id)].append(exchange)
        for semester in self.semesters:
            candidates = [d for d in self.departments if held_by.get((semester.id, d.id))]
            if not candidates:
                continue
            wanted = min(len(candidates), rng.randint(*self.plan.interviews_per_semester))
            for department in rng.sample(candidates, wanted):
                exchanges = held_by[(semester.id, department.id)]
                after = max(e.workshops[-1].starts_at.date() for e in exchanges)
                interview = after + timedelta(days=rng.randint(14, 60))
                if interview >= self.today:
                    continue
                zh, en = rng.choice(OFFICERS)
                interviewees = "、".join(p.name_zh for p in department.people[:2]) if rng.random() < 0.5 else \
                    ", ".join(p.name_en for p in department.people[:2])
                rows.append(self._versioned(
                    department_id=department.id, semester_id=semester.id, interview_date=interview,
                    interviewer=f"{zh} {en}", interviewees=interviewees,
                    findings=" ".join(rng.sample(FINDINGS, 2)),
                ))
                covered.append(exchanges)
        records = [IdHolder() for _ in rows]
        self._insert_with_ids(Evaluation.__table__, rows, records, "evaluations")
        scores: list[dict[str, Any]] = []
        actions: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for record, row, exchanges in zip(records, rows, covered, strict=True):
            for rubric_id in self.rubric_ids:
                score = weighted(rng, [(1, 1), (2, 3), (3, 12), (4, 22), (5, 14)])
                notes = "" if rng.random() < 0.8 else rng.choice(["Good preparation.", "Too little time for Q&A.",
                                                                  "口译准确流畅。", "Partner very well prepared."])
                scores.append({"evaluation_id": record.id, "rubric_item_id": rubric_id, "score": score,
                               "notes": notes})
            interviewed_on: date = row["interview_date"]
            for description in rng.sample(ACTIONS, rng.randint(1, 3)):
                due_on = interviewed_on + timedelta(days=rng.randint(30, 120))
                owner = rng.choice(["IAD", row["interviewees"].split("、")[0].split(", ")[0] or "IAD"])
                actions.append({"evaluation_id": record.id, "description": description, "owner": owner,
                                "due_on": due_on, "done": due_on < self.today and rng.random() < 0.7})
            links.extend({"evaluation_id": record.id, "exchange_id": e.id} for e in exchanges)
        self._insert(EvaluationScore.__table__, scores, "evaluation_scores")
        self._insert(EvaluationAction.__table__, actions, "evaluation_actions")
        self._insert(evaluation_exchanges, links)

    # -- follow-ups and visits --
    def _make_visit_priorities(self) -> None:
        rng = self.rng
        best: dict[tuple[int, int], tuple[float, dict[str, Any], DrawnParticipation, date]] = {}
        for participation, submitted_on, published in self.accepted_reports:
            exchange = participation.exchange
            held = sum(w.status is WorkshopStatus.HELD for w in exchange.workshops)
            role_points = {ParticipantRole.LEAD: 15.0, ParticipantRole.SPEAKER: 10.0,
                           ParticipantRole.MODERATOR: 8.0}.get(participation.role, 4.0)
            # The parts an officer sees next to the score, so the ranking explains itself.
            parts = {
                "report_accepted": 40.0,
                "report_published": 15.0 if published else 0.0,
                "attendance": round(30.0 * self.rounds_attended[participation.id] / max(1, held), 1),
                "role": role_points,
                "preparation": 5.0 if participation.id in self.prepared else 0.0,
                "rounds": 5.0 * (held - 1),
            }
            score = round(sum(parts.values()), 1)
            for partner in exchange.partners:
                key = (participation.person.id, partner.id)
                if key not in best or best[key][0] < score:
                    best[key] = (score, parts, participation, submitted_on or self.today)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[: self.plan.visit_priorities]
        rows: list[dict[str, Any]] = []
        forced = [VisitStatus.VISITED, VisitStatus.APPROVED, VisitStatus.NOMINATED]
        for index, ((person_id, partner_id), (score, parts, _participation, since)) in enumerate(ranked):
            status = forced[index] if index < len(forced) else weighted(
                rng, [(VisitStatus.NOMINATED, 4), (VisitStatus.APPROVED, 3), (VisitStatus.VISITED, 2),
                      (VisitStatus.CANDIDATE, 2)])
            visited_on: date | None = None
            if status is VisitStatus.VISITED:
                visited_on = min(since + timedelta(days=rng.randint(90, 300)), self.today - timedelta(days=1))
            adjustment, reason, adjusted_by = 0.0, "", ""
            if rng.random() < 0.2:
                reason, sign = rng.choice(VISIT_REASONS)
                adjustment = sign * float(rng.choice((5, 10)))
                adjusted_by = "officer"
            rows.append(self._versioned(
                person_id=person_id, partner_id=partner_id, computed_score=score, score_parts=parts,
                adjustment=adjustment, adjustment_reason=reason, adjusted_by=adjusted_by, status=status,
                visited_on=visited_on,
            ))
        self._insert(VisitPriority.__table__, rows, "visit_priorities")
