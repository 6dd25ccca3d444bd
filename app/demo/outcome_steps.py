"""Demo data, step 4: reports with their review and publication, follow-up contacts."""
from __future__ import annotations

import hashlib
import string
from datetime import date, timedelta
from typing import Any


from app.demo.content import (
    REVIEW_NOTES,
    FOLLOW_UP_SUMMARIES,
    OFFICERS,
)
from app.demo.state import (
    BuilderBase,
    IdHolder,
    DrawnParticipation,
    ascii_slug,
    weighted,
)
from models import (
    FollowUpContact,
    Report,
    ReportFile,
)
from models.enums import (
    ContactChannel,
    PublicationChannel,
    ReportKind,
    ReviewStatus,
)


class OutcomeSteps(BuilderBase):
    def _make_reports(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        owners: list[DrawnParticipation] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last_day = exchange.workshops[-1].starts_at.date()
            due_on = last_day + timedelta(days=30)
            age = (self.today - due_on).days
            for participation in exchange.participants:
                if age < 0:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 55), (ReviewStatus.SUBMITTED, 30),
                               (ReviewStatus.UNDER_REVIEW, 15)]
                elif age < 60:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 10), (ReviewStatus.SUBMITTED, 15),
                               (ReviewStatus.UNDER_REVIEW, 25), (ReviewStatus.REVISION_REQUESTED, 15),
                               (ReviewStatus.ACCEPTED, 28), (ReviewStatus.REJECTED, 7)]
                else:
                    weights = [(ReviewStatus.NOT_SUBMITTED, 4), (ReviewStatus.SUBMITTED, 1),
                               (ReviewStatus.UNDER_REVIEW, 2), (ReviewStatus.REVISION_REQUESTED, 5),
                               (ReviewStatus.ACCEPTED, 78), (ReviewStatus.REJECTED, 10)]
                status = weighted(rng, weights)
                rows.append(self._report_row(participation, status, last_day, due_on))
                owners.append(participation)
        # Every review status appears, whatever the day: re-draw a few reports with the missing ones.
        present = {row["review_status"] for row in rows}
        for index, status in enumerate(s for s in ReviewStatus if s not in present):
            if len(rows) <= index:
                break
            position = rng.randrange(len(rows))
            participation = owners[position]
            last_day = participation.exchange.workshops[-1].starts_at.date()
            rows[position] = self._report_row(participation, status, last_day, last_day + timedelta(days=30))
        # A couple of reports carry a small text file, so downloads and checksums can be tried.
        files: list[tuple[int, bytes]] = []
        for index, row in enumerate(rows):
            if len(files) >= self.plan.report_files:
                break
            if row["review_status"] is ReviewStatus.ACCEPTED:
                data = (f"{row['title']}\n\n{row['abstract']}\n").encode()
                row.update(file_name=f"{ascii_slug(owners[index].person.name_en)}-report.txt", file_size=len(data),
                           file_sha256=hashlib.sha256(data).hexdigest())
                files.append((index, data))
        records = [IdHolder() for _ in rows]
        self._insert_with_ids(Report.__table__, rows, records, "reports")
        self._insert(ReportFile.__table__, [{"report_id": records[index].id, "data": data} for index, data in files],
                     "report_files")
        for row, participation in zip(rows, owners, strict=True):
            if row["review_status"] is ReviewStatus.ACCEPTED:
                published = row["publication_channel"] is not PublicationChannel.NONE
                self.accepted_reports.append((participation, row["submitted_on"], published))

    def _report_row(self, participation: DrawnParticipation, status: ReviewStatus, last_day: date,
                    due_on: date) -> dict[str, Any]:
        rng = self.rng
        exchange = participation.exchange
        kind = weighted(rng, [(ReportKind.RESEARCH_REPORT, 5), (ReportKind.INNOVATION_PROPOSAL, 4),
                               (ReportKind.FIELD_RESEARCH, 1)])
        partner = exchange.partners[0]
        area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
        if rng.random() < 0.35:
            genre = "调研报告" if kind is ReportKind.RESEARCH_REPORT else "创新建议"
            title = f"关于{area_zh}的{genre}：借鉴{partner.name_zh or partner.name}经验"
            abstract = f"本报告总结了与{partner.name_zh or partner.name}交流的主要收获，并提出在我校试点的具体建议。"
        else:
            label = {ReportKind.RESEARCH_REPORT: "Research report", ReportKind.INNOVATION_PROPOSAL: "Proposal",
                     ReportKind.FIELD_RESEARCH: "Field research"}[kind]
            title = f"{label}: {exchange.proposal.title} - lessons from {partner.name}"
            abstract = (f"What {partner.name} does about {exchange.proposal.title.lower()}, how it compares with "
                        f"our practice, and three steps we could take next semester.")
        submitted_on: date | None = None
        if status is not ReviewStatus.NOT_SUBMITTED:
            latest = min(due_on + timedelta(days=10), self.today)
            earliest = min(last_day + timedelta(days=3), latest)
            submitted_on = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        channel = PublicationChannel.NONE
        published_on: date | None = None
        url = ""
        if status is ReviewStatus.ACCEPTED and submitted_on is not None and rng.random() < 0.4:
            candidate = submitted_on + timedelta(days=rng.randint(20, 60))
            if candidate <= self.today:
                channel = weighted(rng, [(PublicationChannel.WEBSITE, 4), (PublicationChannel.WECHAT, 4),
                                          (PublicationChannel.BOTH, 2)])
                published_on = candidate
                if channel is PublicationChannel.WECHAT:
                    token = "".join(rng.choices(string.ascii_letters + string.digits, k=22))
                    url = f"https://mp.weixin.qq.com/s/{token}"
                else:
                    url = f"https://global.sjtu.edu.cn/news/{candidate:%Y%m}/{rng.randint(1000, 9999)}.html"
        reviewer = ""
        if status not in (ReviewStatus.NOT_SUBMITTED, ReviewStatus.SUBMITTED):
            zh, en = rng.choice(OFFICERS)
            reviewer = f"{zh} {en}"
        return self._versioned(
            participation_id=participation.id, kind=kind, title=title, abstract=abstract, due_on=due_on,
            submitted_on=submitted_on, review_status=status, reviewer=reviewer, review_notes=REVIEW_NOTES[status],
            publication_channel=channel, published_on=published_on, publication_url=url,
            file_name="", file_size=None, file_sha256="",
        )

    # -- evaluations --
    def _make_follow_ups(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            if not exchange.last_round_held:
                continue
            last = exchange.workshops[-1]
            count = rng.randint(1, 3) if last.continues_independently else (1 if rng.random() < 0.15 else 0)
            day = last.starts_at.date()
            for _ in range(count):
                day += timedelta(days=rng.randint(20, 90))
                if day >= self.today:
                    break
                channel = weighted(rng, [(ContactChannel.EMAIL, 5), (ContactChannel.VIDEO_CALL, 3),
                                          (ContactChannel.VISIT, 1), (ContactChannel.CONFERENCE, 1)])
                people = ", ".join([p.person.name_en for p in exchange.participants[:1]]
                                   + [c.name for c in exchange.contacts[:1]])
                rows.append(self._versioned(
                    department_id=exchange.departments[0].id, partner_id=exchange.partners[0].id, contact_date=day,
                    channel=channel, people=people, summary=rng.choice(FOLLOW_UP_SUMMARIES[channel]),
                ))
        self._insert(FollowUpContact.__table__, rows, "follow_up_contacts")
