"""Demo data, step 1: topic proposals from the departments."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select

from app.demo.content import title_zh
from app.demo.state import (
    BuilderBase,
    DrawnProposal,
    weighted,
)
from models import (
    TopicProposal,
)
from models.enums import (
    Direction,
    Priority,
    ProposalSource,
    ProposalStatus,
)


class TopicSteps(BuilderBase):
    def _make_proposals(self) -> None:
        rng = self.rng
        existing_keys = set(self.session.scalars(
            select(TopicProposal.form_key).where(TopicProposal.form_key.isnot(None))
        ))
        form_rows: dict[tuple[int, int], int] = defaultdict(lambda: 2)  # header in row 1 of the form
        for semester in self.semesters:
            collection_open = semester.topic_deadline is not None and self.today <= semester.topic_deadline
            if collection_open:
                scheduled = 0
            else:
                scheduled = rng.randint(*self.plan.exchanges_per_semester)
                if semester.starts_on > self.today:  # agreed so far, more to come
                    scheduled = max(1, scheduled * 2 // 3)
            others = rng.randint(*self.plan.other_proposals_per_semester) + (scheduled if collection_open else 0)
            statuses = [ProposalStatus.SCHEDULED] * scheduled
            for _ in range(others):
                if collection_open:
                    statuses.append(weighted(rng, [(ProposalStatus.SUBMITTED, 6), (ProposalStatus.SHORTLISTED, 3),
                                                    (ProposalStatus.ACCEPTED, 1)]))
                else:
                    statuses.append(weighted(rng, [(ProposalStatus.DECLINED, 5), (ProposalStatus.ACCEPTED, 3),
                                                    (ProposalStatus.SHORTLISTED, 1), (ProposalStatus.SUBMITTED, 1)]))
            titles_used: set[tuple[int, str]] = set()
            for status in statuses:
                department = rng.choice(self.departments)
                area = department.area if rng.random() < 0.75 else rng.choice(self.areas)
                titles = [str(title) for title in area.content["titles"]]
                title = rng.choice(titles)
                if (department.id, title) in titles_used:
                    title = f"{title} (continued)"
                titles_used.add((department.id, title))
                imported = rng.random() < 0.6
                source_file, source_row, form_key = "", None, None
                if imported:
                    source_file = f"Topic form {semester.name} - {department.code}.xlsx"
                    source_row = form_rows[(semester.id, department.id)] + 1
                    form_rows[(semester.id, department.id)] = source_row
                    form_key = f"{semester.name}|{department.code}|{source_row}"
                    serial = 2
                    while form_key in existing_keys:
                        form_key = f"{semester.name}|{department.code}|{source_row}#{serial}"
                        serial += 1
                    existing_keys.add(form_key)
                area_zh = area.name_zh or area.name_en
                description = rng.choice([
                    f"We would like to compare our practice in {area.name_en.lower()} with a leading partner.",
                    f"希望与海外高校交流{area_zh}方面的经验，重点讨论“{title_zh(title) or title}”。",
                    f"Follow-up of last year's exchange; focus on {title.lower()}.",
                ])
                row = self._versioned(
                    semester_id=semester.id, department_id=department.id, area_id=area.id, title=title,
                    title_zh=title_zh(title), description=description,
                    direction=weighted(rng, [(Direction.BOTH, 5), (Direction.LEARN, 4), (Direction.SHARE, 1)]),
                    priority=weighted(rng, [(Priority.HIGH, 3), (Priority.MEDIUM, 5), (Priority.LOW, 2)]),
                    status=status,
                    preferred_region=rng.choice(["", "", "Europe", "North America", "Oceania", "East Asia"]),
                    source=ProposalSource.IMPORTED if imported else ProposalSource.TYPED,
                    source_file=source_file, source_row=source_row, form_key=form_key,
                )
                self.proposals.append(DrawnProposal(semester, department, area, title, status, row))
        self._cover_proposal_statuses()
        self._insert_with_ids(TopicProposal.__table__, [p.row for p in self.proposals], self.proposals, "proposals")

    def _cover_proposal_statuses(self) -> None:
        """Every status shows up at least once, whatever the day: take unscheduled ones of the latest semester."""
        tally = Counter(proposal.status for proposal in self.proposals)
        for status in ProposalStatus:
            if tally[status] or status is ProposalStatus.SCHEDULED:
                continue
            # Scheduled ones have exchanges to come; only a status held by two or more may give one up.
            movable = [p for p in reversed(self.proposals)
                       if p.status is not ProposalStatus.SCHEDULED and tally[p.status] > 1]
            if not movable:
                continue
            proposal = movable[0]
            tally[proposal.status] -= 1
            tally[status] += 1
            proposal.status = status
            proposal.row["status"] = status

    # -- exchanges --
