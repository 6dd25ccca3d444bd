"""The demo data look like a real IAD database: the checks an officer would make after `iad-workshops demo`."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.builder import DemoCounts, database_is_empty, fill_demo
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationAction,
    EvaluationScore,
    Exchange,
    FollowUpContact,
    Outreach,
    Panel,
    PanelSpeaker,
    Participation,
    Partner,
    PartnerContact,
    Person,
    Preparation,
    Report,
    ReportFile,
    RubricItem,
    Semester,
    TopicProposal,
    VisitPriority,
    Workshop,
)
from models.enums import (
    ExchangeKind,
    ProposalSource,
    ProposalStatus,
    PublicationChannel,
    ReviewStatus,
    VisitStatus,
    WorkshopStatus,
)

# A fixed day, so what is past (held) and what is planned does not depend on when the tests run.
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def small(db_session: Session) -> DemoCounts:
    return fill_demo(db_session, "small", today=TODAY)


def _offsets(zone_name: str) -> tuple[timedelta, timedelta]:
    zone = ZoneInfo(zone_name)
    january = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(zone).utcoffset()
    july = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(zone).utcoffset()
    assert january is not None and july is not None
    return january, july


def _overlaps(spans: list[tuple[datetime, datetime]]) -> bool:
    spans = sorted(spans)
    return any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:]))


# ---- empty or not -----------------------------------------------------------------------------------------------
def test_database_is_empty_before_and_not_after_the_demo(db_session: Session) -> None:
    assert database_is_empty(db_session)
    fill_demo(db_session, today=TODAY)
    assert not database_is_empty(db_session)


def test_counts_are_the_rows_created(db_session: Session, small: DemoCounts) -> None:
    tables = {
        "semesters": Semester, "departments": Department, "people": Person, "partners": Partner,
        "contacts": PartnerContact, "proposals": TopicProposal, "outreach": Outreach, "exchanges": Exchange,
        "workshops": Workshop, "panels": Panel, "participations": Participation, "preparations": Preparation,
        "reports": Report, "evaluations": Evaluation, "follow_up_contacts": FollowUpContact,
        "visit_priorities": VisitPriority, "panel_speakers": PanelSpeaker, "evaluation_scores": EvaluationScore,
        "evaluation_actions": EvaluationAction,
    }
    for name, model in tables.items():
        assert getattr(small, name) == db_session.scalar(select(func.count()).select_from(model)), name
    assert small.attendance == db_session.scalar(select(func.count()).select_from(Attendance))
    assert small.report_files == db_session.scalar(select(func.count()).select_from(ReportFile))
    assert small.total > 500


def test_bulk_rows_have_version_and_timestamps(db_session: Session, small: DemoCounts) -> None:
    # Visit priorities are left out: the demo ranks them afterwards, which saves them again (version 2).
    for model in (Semester, Person, Partner, Workshop, Panel, Participation, Report):
        row = db_session.execute(select(model.version, model.created_at, model.updated_at).limit(1)).one()
        assert row.version == 1
        assert row.created_at.tzinfo is not None and row.updated_at.tzinfo is not None


def test_progress_is_reported(db_session: Session) -> None:
    calls: list[tuple[str, int, int]] = []
    fill_demo(db_session, today=TODAY, progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert len(calls) >= 5
    assert all(0 <= done <= total for _, done, total in calls)
    assert calls[-1][1] == calls[-1][2]
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)


def test_unknown_size_is_refused(db_session: Session) -> None:
    with pytest.raises(ValueError, match="size"):
        fill_demo(db_session, "huge", today=TODAY)  # type: ignore[arg-type]


# ---- organisation and partners --------------------------------------------------------------------------------
def test_semesters_departments_and_staff(db_session: Session, small: DemoCounts) -> None:
    semesters = list(db_session.scalars(select(Semester).order_by(Semester.starts_on)))
    assert len(semesters) >= 3
    assert {"2025 Fall", "2026 Spring", "2026 Fall"} <= {s.name for s in semesters}
    for semester in semesters:
        assert semester.starts_on < semester.ends_on
        assert semester.topic_deadline is not None and semester.topic_deadline < semester.starts_on

    departments = list(db_session.scalars(select(Department)))
    assert len(departments) == 12
    names = {d.name_en: d.name_zh for d in departments}
    assert names["Student Mental Health Center"] == "学生心理健康教育与咨询中心"
    assert names["Asset Management Office"] == "资产管理处"
    assert {"Faculty Recruitment Office", "General Education Office", "Library", "Career Center"} <= set(names)
    assert all(CHINESE.search(d.name_zh) for d in departments)

    for department in departments:
        staff = list(db_session.scalars(select(Person).where(Person.department_id == department.id)))
        assert 3 <= len(staff) <= 6
        for person in staff:
            assert CHINESE.fullmatch(person.name_zh[0]) and 2 <= len(person.name_zh) <= 3
            assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", person.name_en), person.name_en
            assert person.position and person.email.endswith("@sjtu.edu.cn")
    emails = list(db_session.scalars(select(Person.email)))
    assert len(emails) == len(set(emails))


def test_partners_span_time_zones_of_both_hemispheres(db_session: Session, small: DemoCounts) -> None:
    partners = list(db_session.scalars(select(Partner)))
    assert len(partners) == 20
    zones = {partner.timezone for partner in partners}
    assert len(zones) >= 10
    offsets = {zone: _offsets(zone) for zone in zones}
    northern_dst = [z for z, (january, july) in offsets.items() if july > january]
    southern_dst = [z for z, (january, july) in offsets.items() if january > july]
    no_dst = [z for z, (january, july) in offsets.items() if january == july]
    assert {"Europe/London", "America/New_York"} <= set(northern_dst)
    assert {"Australia/Sydney", "Pacific/Auckland", "America/Santiago"} <= set(southern_dst)
    assert {"Asia/Tokyo", "Asia/Singapore"} <= set(no_dst)
    for partner in partners:
        assert partner.country and partner.city and partner.languages and partner.region
        assert partner.website.startswith("https://")
        assert 1 <= len(partner.contacts) <= 4
        assert all(contact.email.endswith(partner.website.removeprefix("https://www.")) for contact in partner.contacts)
    assert len({partner.status for partner in partners}) >= 2


# ---- topics ---------------------------------------------------------------------------------------------------
def test_proposals_in_every_status_typed_and_imported(db_session: Session, small: DemoCounts) -> None:
    proposals = list(db_session.scalars(select(TopicProposal)))
    assert {p.status for p in proposals} == set(ProposalStatus)
    imported = [p for p in proposals if p.source is ProposalSource.IMPORTED]
    typed = [p for p in proposals if p.source is ProposalSource.TYPED]
    assert imported and typed
    assert all(p.source_file.endswith(".xlsx") and p.source_row and p.form_key for p in imported)
    assert all(not p.source_file and p.source_row is None for p in typed)

    outreach = list(db_session.scalars(select(Outreach)))
    statuses = {row.proposal.status for row in outreach}
    assert statuses <= {ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED}
    assert len({row.status for row in outreach}) >= 4
    for row in outreach:
        if row.answered_on is not None:
            assert row.contacted_on is not None and row.contacted_on <= row.answered_on <= TODAY


# ---- exchanges and workshops ----------------------------------------------------------------------------------
def test_exchanges_one_off_and_multi_round(db_session: Session, small: DemoCounts) -> None:
    exchanges = list(db_session.scalars(select(Exchange)))
    assert {e.kind for e in exchanges} == {ExchangeKind.ONE_OFF, ExchangeKind.MULTI_ROUND}
    for exchange in exchanges:
        assert exchange.partners and exchange.departments
        assert exchange.proposal is not None and exchange.proposal.status is ProposalStatus.SCHEDULED
        rounds = [w.round_number for w in exchange.workshops]
        if exchange.kind is ExchangeKind.ONE_OFF:
            assert exchange.planned_rounds == 1 and rounds == [1]
        else:
            assert 2 <= exchange.planned_rounds <= 3 and rounds == list(range(1, exchange.planned_rounds + 1))
        starts = [w.starts_at for w in exchange.workshops]
        assert starts == sorted(starts)
        partner_ids = {p.id for p in exchange.partners}
        assert all(contact.partner_id in partner_ids for contact in exchange.partner_participants)
    assert any(e.partner_participants for e in exchanges)


def test_workshops_at_sensible_times_with_consistent_status(db_session: Session, small: DemoCounts) -> None:
    workshops = list(db_session.scalars(select(Workshop)))
    for workshop in workshops:
        assert workshop.starts_at.tzinfo is not None and workshop.starts_at.utcoffset() == timedelta(0)
        assert 150 <= workshop.duration_minutes <= 180
        assert workshop.platform in {"Zoom", "Tencent Meeting", "Teams"} and workshop.link.startswith("https://")
        end = workshop.starts_at + timedelta(minutes=workshop.duration_minutes)
        if workshop.status in (WorkshopStatus.PLANNED, WorkshopStatus.CONFIRMED):
            assert workshop.starts_at >= NOW
        if workshop.status is WorkshopStatus.HELD:
            assert end <= NOW and workshop.minutes and workshop.outcome
        if workshop.continues_independently:
            assert workshop.status is WorkshopStatus.HELD
        if workshop.interpreter:
            assert re.fullmatch(r"zh-[a-z]{2}", workshop.interpretation_languages)
        # Shanghai: a weekday, starting 08:00-21:00, ending the same day; nor does it pass midnight abroad.
        shanghai = workshop.starts_at.astimezone(SHANGHAI)
        assert shanghai.weekday() < 5 and 8 <= shanghai.hour <= 21
        zone = ZoneInfo(workshop.exchange.partners[0].timezone)
        local_start, local_end = workshop.starts_at.astimezone(zone), end.astimezone(zone)
        assert local_start.date() == local_end.date() and end.astimezone(SHANGHAI).date() == shanghai.date()
        if zone.key.startswith(("Europe/", "Australia/", "Pacific/Auckland", "Asia/")):
            assert 7 <= local_start.hour <= 16, (zone.key, local_start)
    statuses = {w.status for w in workshops}
    assert {WorkshopStatus.HELD, WorkshopStatus.CANCELLED} <= statuses
    assert statuses & {WorkshopStatus.PLANNED, WorkshopStatus.CONFIRMED}
    assert any(w.continues_independently for w in workshops)
    assert any(w.interpreter for w in workshops) and any(not w.interpreter for w in workshops)
    assert all(w.starts_at < NOW for w in workshops if w.status is WorkshopStatus.HELD)


def test_panels_fit_their_workshop_and_tracks_never_clash(db_session: Session, small: DemoCounts) -> None:
    concurrent_workshops = 0
    interpreter_spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for workshop in db_session.scalars(select(Workshop)):
        panels = workshop.panels
        assert 4 <= len(panels) <= 6
        end = workshop.starts_at + timedelta(minutes=workshop.duration_minutes)
        by_track: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        spans = []
        for panel in panels:
            assert 30 <= panel.duration_minutes <= 40
            panel_end = panel.starts_at + timedelta(minutes=panel.duration_minutes)
            assert workshop.starts_at <= panel.starts_at and panel_end <= end, panel.title
            assert panel.moderator and panel.speakers
            by_track[panel.track].append((panel.starts_at, panel_end))
            spans.append((panel, panel.starts_at, panel_end))
            if panel.interpretation_needed:
                assert panel.language_pair.startswith("zh-") and panel.interpreter
                interpreter_spans[panel.interpreter].append((panel.starts_at, panel_end))
            else:
                assert not panel.interpreter
        assert not any(_overlaps(track_spans) for track_spans in by_track.values())
        assert set(by_track) <= {"Main room", "Breakout A", "Breakout B"}
        # Concurrent panels: on different tracks, with nobody speaking or moderating in both.
        found = False
        for index, (first, start1, end1) in enumerate(spans):
            for second, start2, end2 in spans[index + 1:]:
                if start1 < end2 and start2 < end1:
                    found = True
                    assert first.track != second.track
                    assert first.moderator != second.moderator
                    people1 = {(s.person_id, s.contact_id) for s in first.speakers}
                    people2 = {(s.person_id, s.contact_id) for s in second.speakers}
                    assert not people1 & people2
        concurrent_workshops += found
    assert concurrent_workshops >= 1
    assert not any(_overlaps(spans) for spans in interpreter_spans.values()), "an interpreter is double-booked"


def test_every_speaker_is_on_exactly_one_side(db_session: Session, small: DemoCounts) -> None:
    speakers = list(db_session.scalars(select(PanelSpeaker)))
    assert speakers
    assert all((s.person_id is None) != (s.contact_id is None) for s in speakers)
    assert any(s.person_id for s in speakers) and any(s.contact_id for s in speakers)


# ---- participants ---------------------------------------------------------------------------------------------
def test_participants_attendance_and_preparation(db_session: Session, small: DemoCounts) -> None:
    for exchange in db_session.scalars(select(Exchange)):
        participations = list(db_session.scalars(select(Participation).where(Participation.exchange_id == exchange.id)))
        assert 3 <= len(participations) <= 8
        department_ids = {d.id for d in exchange.departments}
        assert all(p.person.department_id in department_ids for p in participations)
        held = {w.id for w in exchange.workshops if w.status is WorkshopStatus.HELD}
        for participation in participations:
            rows = db_session.scalars(
                select(Attendance).where(Attendance.participation_id == participation.id)
            ).all()
            assert {row.workshop_id for row in rows} == held
    attended = db_session.scalars(select(Attendance.attended)).all()
    assert sum(attended) > 0.8 * len(attended)
    preparations = list(db_session.scalars(select(Preparation)))
    assert len(preparations) > 0.6 * small.participations
    assert all(p.to_learn and p.to_share for p in preparations)
    assert any(CHINESE.search(p.to_learn) for p in preparations)
    assert any(not CHINESE.search(p.to_learn) for p in preparations)
    assert any(p.materials.startswith("https://") for p in preparations)


# ---- reports --------------------------------------------------------------------------------------------------
def test_reports_in_every_review_status(db_session: Session, small: DemoCounts) -> None:
    reports = list(db_session.scalars(select(Report)))
    assert {r.review_status for r in reports} == set(ReviewStatus)
    assert len({r.kind for r in reports}) == 3
    for exchange in db_session.scalars(select(Exchange)):
        participation_ids = set(db_session.scalars(
            select(Participation.id).where(Participation.exchange_id == exchange.id)
        ))
        owners = [r.participation_id for r in reports if r.participation_id in participation_ids]
        if exchange.workshops[-1].status is WorkshopStatus.HELD:
            assert sorted(owners) == sorted(participation_ids)
            due = exchange.workshops[-1].starts_at.date() + timedelta(days=30)
            assert all(r.due_on == due for r in reports if r.participation_id in participation_ids)
        else:
            assert not owners
    for report in reports:
        assert (report.submitted_on is None) == (report.review_status is ReviewStatus.NOT_SUBMITTED)
        if report.submitted_on is not None:
            assert report.submitted_on <= TODAY
        if report.publication_channel is not PublicationChannel.NONE:
            assert report.review_status is ReviewStatus.ACCEPTED
            assert report.published_on is not None and report.submitted_on is not None
            assert report.submitted_on <= report.published_on <= TODAY
            assert report.publication_url.startswith("https://")
        else:
            assert report.published_on is None and not report.publication_url
    assert {r.publication_channel for r in reports} - {PublicationChannel.NONE}


def test_attached_report_files_match_their_checksum(db_session: Session, small: DemoCounts) -> None:
    files = list(db_session.scalars(select(ReportFile)))
    assert files
    for stored in files:
        report = db_session.get(Report, stored.report_id)
        assert report is not None and report.file_name.endswith(".txt")
        assert report.file_size == len(stored.data)
        assert report.file_sha256 == hashlib.sha256(stored.data).hexdigest()
    assert all(not r.file_name for r in db_session.scalars(select(Report)) if r.id not in {f.report_id for f in files})


# ---- evaluation, follow-up, visits ----------------------------------------------------------------------------
def test_evaluations_follow_ups_and_visit_priorities(db_session: Session, small: DemoCounts) -> None:
    rubric = set(db_session.scalars(select(RubricItem.id).where(RubricItem.active.is_(True))))
    evaluations = list(db_session.scalars(select(Evaluation)))
    assert evaluations
    for evaluation in evaluations:
        assert {score.rubric_item_id for score in evaluation.scores} == rubric
        assert all(1 <= score.score <= 5 for score in evaluation.scores)
        assert evaluation.findings and evaluation.actions and evaluation.exchanges
        assert evaluation.interview_date < TODAY
        assert all(evaluation.department in exchange.departments for exchange in evaluation.exchanges)

    follow_ups = list(db_session.scalars(select(FollowUpContact)))
    assert follow_ups and all(f.contact_date < TODAY and f.summary for f in follow_ups)

    visits = list(db_session.scalars(select(VisitPriority)))
    assert {VisitStatus.NOMINATED, VisitStatus.APPROVED, VisitStatus.VISITED} <= {v.status for v in visits}
    for visit in visits:
        # Ranked as the program ranks: the score is the sum of its explained parts.
        assert visit.computed_score == pytest.approx(sum(part["points"] for part in visit.score_parts["parts"]))
        assert (visit.visited_on is not None) == (visit.status is VisitStatus.VISITED)
        assert bool(visit.adjustment) == bool(visit.adjustment_reason)


def test_chinese_and_english_text_throughout(db_session: Session, small: DemoCounts) -> None:
    assert any(CHINESE.search(name) for name in db_session.scalars(select(Person.name_zh)))
    assert any(CHINESE.search(name) for name in db_session.scalars(select(Partner.name_zh)))
    assert any(CHINESE.search(title) for title in db_session.scalars(select(Report.title)))
    assert any(not CHINESE.search(title) for title in db_session.scalars(select(Report.title)))


# ---- --add, determinism, any day ----------------------------------------------------------------------------------
def test_a_second_fill_adds_without_name_clashes(db_session: Session, small: DemoCounts) -> None:
    again = fill_demo(db_session, today=TODAY)
    # Semesters, departments and partners are found by name and reused; the rest is new.
    assert (again.semesters, again.departments, again.partners, again.contacts) == (0, 0, 0, 0)
    assert again.people > 0 and again.exchanges > 0 and again.reports > 0
    assert db_session.scalar(select(func.count()).select_from(Department)) == 12
    assert db_session.scalar(select(func.count()).select_from(Partner)) == 20
    assert db_session.scalar(select(func.count()).select_from(Person)) == small.people + again.people
    names = db_session.execute(select(Person.department_id, Person.name_en)).all()
    assert len(names) == len(set(names)), "two colleagues of one department share a name"
    # A third time, with another seed, still works.
    fill_demo(db_session, seed=7, today=TODAY)
    assert db_session.scalar(select(func.count()).select_from(Semester)) == small.semesters


def _fingerprint(session: Session) -> list[list[str]]:
    """The data without ids, which differ between runs on PostgreSQL (sequences do not roll back)."""
    queries = [
        select(Partner.name, Partner.timezone, PartnerContact.name).join(PartnerContact.partner),
        select(Person.name_en, Person.name_zh, Person.email, Person.position),
        select(TopicProposal.title, TopicProposal.status, TopicProposal.source_row, TopicProposal.form_key),
        select(Exchange.title, Workshop.round_number, Workshop.starts_at, Workshop.status, Workshop.link,
               Workshop.interpreter).join(Workshop.exchange),
        select(Panel.title, Panel.track, Panel.starts_at, Panel.moderator, Panel.interpreter),
        select(Report.title, Report.review_status, Report.submitted_on, Report.publication_url),
        select(Department.name_en, Evaluation.interview_date, Evaluation.findings).join(Evaluation.department),
        select(Person.email, Partner.name, VisitPriority.computed_score, VisitPriority.status)
        .join(VisitPriority.person).join(VisitPriority.partner),
    ]
    return [sorted(str(tuple(row)) for row in session.execute(query)) for query in queries]


def test_same_seed_gives_the_same_data(db_session: Session) -> None:
    first_counts = fill_demo(db_session, seed=11, today=TODAY)
    first = _fingerprint(db_session)
    db_session.rollback()
    assert database_is_empty(db_session)
    second_counts = fill_demo(db_session, seed=11, today=TODAY)
    assert second_counts == first_counts
    assert _fingerprint(db_session) == first
    db_session.rollback()
    fill_demo(db_session, seed=12, today=TODAY)
    assert _fingerprint(db_session) != first


@pytest.mark.parametrize("day", [date(2026, 1, 10), date(2026, 3, 1), date(2026, 8, 15), date(2026, 12, 20)])
def test_any_day_gives_complete_data(db_session: Session, day: date) -> None:
    fill_demo(db_session, today=day)
    now = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    assert {p for p in db_session.scalars(select(TopicProposal.status))} == set(ProposalStatus)
    assert {r for r in db_session.scalars(select(Report.review_status))} == set(ReviewStatus)
    for status, starts_at in db_session.execute(select(Workshop.status, Workshop.starts_at)):
        if status is WorkshopStatus.HELD:
            assert starts_at < now
        elif status is not WorkshopStatus.CANCELLED:
            assert starts_at >= now
    assert (db_session.scalar(select(func.count()).select_from(Semester)) or 0) >= 3


def test_default_day_is_today(db_session: Session) -> None:
    counts = fill_demo(db_session)
    assert counts.workshops > 0
    running = db_session.scalar(
        select(func.count()).select_from(Semester)
        .where(Semester.starts_on <= date.today() + timedelta(days=200), Semester.ends_on >= date.today())
    )
    assert running and running >= 1


# ---- large ----------------------------------------------------------------------------------------------------
def test_large_demo_is_a_ten_year_database(db_session: Session) -> None:
    counts = fill_demo(db_session, "large", today=TODAY)
    assert counts.semesters == 20
    assert counts.workshops >= 2_000 and counts.panels >= 10_000
    assert counts.participations >= 50_000 and counts.reports >= 20_000
    assert counts.preparations >= 20_000 and counts.attendance >= 50_000 and counts.evaluations >= 100
    assert db_session.scalar(select(func.count()).select_from(Report)) == counts.reports
    assert {r for r in db_session.scalars(select(Report.review_status).distinct())} == set(ReviewStatus)
    assert (db_session.scalar(select(func.count(func.distinct(Partner.timezone)))) or 0) >= 30
    # Ids were reserved, not guessed: the ORM can add rows afterwards.
    db_session.add(Semester(name="2040 Fall", starts_on=date(2040, 9, 1), ends_on=date(2041, 1, 15)))
    db_session.flush()


def test_some_topics_exchanges_and_panels_have_a_chinese_title(db_session: Session, small: DemoCounts) -> None:
    from models import Exchange, TopicProposal

    for model in (TopicProposal, Exchange, Panel):
        titles = list(db_session.execute(select(model.title, model.title_zh)))  # type: ignore[attr-defined]
        with_chinese = [zh for _title, zh in titles if zh]
        assert 0 < len(with_chinese) < len(titles), model.__name__  # some, as in real data
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in zh) for zh in with_chinese)
    # an exchange carries its topic's Chinese title
    for title, title_zh, topic_zh in db_session.execute(
            select(Exchange.title, Exchange.title_zh, TopicProposal.title_zh)
            .join(TopicProposal, TopicProposal.id == Exchange.proposal_id)):
        assert title_zh == topic_zh, title
