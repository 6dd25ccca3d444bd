"""Planning services: the five-minute grid, the time-slot finder, the next round, saving a plan, attendance."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ConflictError, PermissionDeniedError, ValidationError
from app.planning.workshop_plan import (
    add_next_round,
    add_panel,
    attendance_grid,
    move_panel,
    next_round_start,
    record_outcome,
    resize_panel,
    save_attendance,
    save_plan,
    set_attendance,
    set_panel_speakers,
    snap_instant,
    snap_minutes,
    speaker_choices,
)
from app.planning.scheduling import PanelPlan, Side, SpeakerPlan, load_plan
from app.settings import Settings
from app.planning.time_slots import TimeSlot, find_time_slots
from app.planning.zones import OfficeHours
from models import Attendance, AuditEntry, Exchange, Panel, PanelSpeaker, Participation, Workshop
from models.enums import ExchangeKind, WorkshopStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
IAD = Side("IAD", "Asia/Shanghai", is_partner=False)
LOS_ANGELES = Side("UCLA", "America/Los_Angeles")
NOW = datetime(2026, 1, 10, tzinfo=UTC)


def shanghai(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


# ---- the grid ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("minutes", "snapped"), [(0, 0), (2, 0), (2.5, 5), (7, 5), (8, 10), (12.5, 15), (-3, -5)])
def test_snap_minutes_to_the_nearest_five(minutes: float, snapped: int) -> None:
    assert snap_minutes(minutes) == snapped


def test_snap_instant_and_refuse_naive_times() -> None:
    assert snap_instant(datetime(2026, 5, 1, 7, 2, 29, tzinfo=UTC)) == datetime(2026, 5, 1, 7, 0, tzinfo=UTC)
    assert snap_instant(datetime(2026, 5, 1, 7, 2, 30, tzinfo=UTC)) == datetime(2026, 5, 1, 7, 5, tzinfo=UTC)
    kathmandu = datetime(2026, 5, 1, 13, 47, tzinfo=ZoneInfo("Asia/Kathmandu"))  # UTC+05:45
    assert snap_instant(kathmandu).astimezone(ZoneInfo("Asia/Kathmandu")).minute == 45
    with pytest.raises(ValidationError):
        snap_instant(datetime(2026, 5, 1, 7, 2))


# ---- the time-slot finder -----------------------------------------------------------------------
def slots(first: date, last: date, minutes: int, *partners: Side, step: int = 30,
          hours: OfficeHours = OfficeHours()) -> list[TimeSlot]:
    return find_time_slots(first_day=first, last_day=last, duration_minutes=minutes, iad=IAD, partners=partners,
                           office_hours=hours, step_minutes=step)


def shanghai_starts(found: list[TimeSlot]) -> list[str]:
    return [slot.starts_at.astimezone(SHANGHAI).strftime("%a %d %H:%M") for slot in found]


def test_shanghai_and_los_angeles_in_summer_meet_only_at_eight_in_the_morning() -> None:
    # Office hours 08-20: Shanghai (UTC+8) is 00-12 UTC, Los Angeles (PDT, UTC-7) 15-03 UTC.
    # Together 00-03 UTC: a 3-hour workshop fits only at 08:00 Shanghai / 17:00 the day before in LA,
    # and only when both days are weekdays: Tue-Fri in Shanghai (Mon 08:00 is Sunday in LA).
    found = slots(date(2026, 6, 15), date(2026, 6, 21), 180, LOS_ANGELES)
    assert sorted(shanghai_starts(found)) == ["Fri 19 08:00", "Thu 18 08:00", "Tue 16 08:00", "Wed 17 08:00"]
    assert all(slot.sides[1].local_start.strftime("%H:%M") == "17:00" for slot in found)
    assert all(slot.min_slack == 0 for slot in found)


def test_impossible_requests_give_no_slot() -> None:
    assert slots(date(2026, 6, 15), date(2026, 6, 21), 210, LOS_ANGELES) == []  # the window is 3 hours
    # 09-18 in summer: Shanghai 01-10 UTC, Los Angeles (PDT) 16-01 UTC: they touch at 01:00 UTC, no longer.
    nine_to_six = OfficeHours(9 * 60, 18 * 60)
    assert slots(date(2026, 6, 15), date(2026, 6, 19), 60, LOS_ANGELES, hours=nine_to_six) == []
    # In winter (PST, 17-02 UTC) they share one hour: 09:00 Shanghai, 17:00 the day before in Los Angeles.
    winter = slots(date(2026, 12, 7), date(2026, 12, 11), 60, LOS_ANGELES, hours=nine_to_six)
    assert sorted(shanghai_starts(winter)) == ["Fri 11 09:00", "Thu 10 09:00", "Tue 08 09:00", "Wed 09 09:00"]
    assert slots(date(2026, 6, 20), date(2026, 6, 21), 120) == []  # a weekend


def test_in_winter_the_most_central_start_comes_first() -> None:
    # PST (UTC-8): together 00-04 UTC, so 3 hours start at 08:00, 08:30 or 09:00 Shanghai.
    found = slots(date(2026, 12, 8), date(2026, 12, 8), 180, LOS_ANGELES)
    assert shanghai_starts(found) == ["Tue 08 08:30", "Tue 08 08:00", "Tue 08 09:00"]
    assert [slot.min_slack for slot in found] == [30, 0, 0]
    fine = slots(date(2026, 12, 8), date(2026, 12, 8), 180, LOS_ANGELES, step=15)
    assert shanghai_starts(fine) == ["Tue 08 08:30", "Tue 08 08:15", "Tue 08 08:45", "Tue 08 08:00", "Tue 08 09:00"]


def test_slots_follow_the_us_clock_change() -> None:
    # 2-13 Mar 2026: before 8 Mar LA is on PST (3 starts a day), after it on PDT (1 start a day);
    # Mondays in Shanghai are Sundays in Los Angeles.
    found = slots(date(2026, 3, 2), date(2026, 3, 13), 180, LOS_ANGELES)
    by_day: dict[str, int] = {}
    for start in shanghai_starts(found):
        by_day[start[:6]] = by_day.get(start[:6], 0) + 1
    assert by_day == {"Tue 03": 3, "Wed 04": 3, "Thu 05": 3, "Fri 06": 3,
                      "Tue 10": 1, "Wed 11": 1, "Thu 12": 1, "Fri 13": 1}


@pytest.mark.parametrize("zones", [
    ("Europe/London",), ("America/New_York",), ("Australia/Sydney",), ("Europe/London", "Australia/Sydney"),
    ("America/New_York", "Europe/London"), ("Asia/Kathmandu", "Europe/Berlin"),
])
@pytest.mark.parametrize("minutes", [60, 150, 180])
def test_every_slot_lies_inside_office_hours_on_every_side(zones: tuple[str, ...], minutes: int) -> None:
    partners = [Side(name, name) for name in zones]
    hours = OfficeHours(8 * 60, 20 * 60)
    found = find_time_slots(first_day=date(2026, 3, 20), last_day=date(2026, 4, 10), duration_minutes=minutes,
                            iad=IAD, partners=partners, office_hours=hours, step_minutes=15)
    for slot in found:
        assert slot.ends_at - slot.starts_at == timedelta(minutes=minutes)
        for side in slot.sides:
            tz = ZoneInfo(side.zone_name)
            start, end = slot.starts_at.astimezone(tz), slot.ends_at.astimezone(tz)
            assert start.date() == end.date() and start.weekday() < 5
            assert time(8) <= start.time() and end.time() <= time(20)
    ranks = [(-s.min_slack, -s.total_slack, s.starts_at) for s in found]
    assert ranks == sorted(ranks)
    if zones == ("Europe/London",):
        assert len(found) > 20  # a whole afternoon fits every weekday


def test_finder_refuses_bad_ranges_and_steps() -> None:
    with pytest.raises(ValidationError) as caught:
        slots(date(2026, 3, 10), date(2026, 3, 9), 180)
    assert caught.value.field == "last_day"
    with pytest.raises(ValidationError) as caught:
        slots(date(2026, 3, 9), date(2026, 3, 10), 180, step=7)
    assert caught.value.field == "step_minutes"
    with pytest.raises(ValidationError) as caught:
        slots(date(2026, 3, 9), date(2026, 3, 10), 180, Side("Nowhere", "Nowhere/City"))
    assert caught.value.field == "timezone"


# ---- panels ------------------------------------------------------------------------------------
def test_add_move_and_resize_panels_on_the_five_minute_grid(
    db_session: Session, officer: Actor, make_workshop: Callable[..., Workshop],
) -> None:
    workshop = make_workshop(starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC))
    first = add_panel(db_session, officer, workshop.id, title="Opening", duration_minutes=32)
    assert (first.starts_at, first.duration_minutes) == (workshop.starts_at, 30)
    second = add_panel(db_session, officer, workshop.id, title="Peer support")
    assert second.starts_at == workshop.starts_at + timedelta(minutes=30)  # after the track's last panel
    parallel = add_panel(db_session, officer, workshop.id, title="Counselling", track="Breakout A",
                         starts_at=workshop.starts_at + timedelta(minutes=31, seconds=40))
    assert parallel.starts_at == workshop.starts_at + timedelta(minutes=30)
    moved = move_panel(db_session, officer, second.id, second.starts_at + timedelta(minutes=13), track="Breakout B",
                       expected_version=second.version)
    assert (moved.starts_at - workshop.starts_at, moved.track) == (timedelta(minutes=45), "Breakout B")
    assert resize_panel(db_session, officer, moved.id, 38).duration_minutes == 40
    with pytest.raises(ValidationError):
        resize_panel(db_session, officer, moved.id, 2)
    with pytest.raises(ValidationError) as caught:
        add_panel(db_session, officer, workshop.id, title="No room", track="  ")
    assert caught.value.field == "track"
    with pytest.raises(ConflictError):
        move_panel(db_session, officer, moved.id, moved.starts_at, expected_version=1)


def test_speakers_from_both_sides(
    db_session: Session, officer: Actor, make_panel: Callable[..., Panel], make_person: Callable[..., object],
    make_contact: Callable[..., object],
) -> None:
    panel = make_panel()
    person = make_person()
    contact = make_contact()
    set_panel_speakers(db_session, officer, panel.id, [(None, contact.id), (person.id, None)])  # type: ignore[attr-defined]
    db_session.expire_all()
    stored = db_session.scalars(select(PanelSpeaker).where(PanelSpeaker.panel_id == panel.id)
                                .order_by(PanelSpeaker.position)).all()
    assert [(s.person_id, s.contact_id) for s in stored] == [(None, contact.id), (person.id, None)]  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        set_panel_speakers(db_session, officer, panel.id, [(person.id, contact.id)])  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        set_panel_speakers(db_session, officer, panel.id, [(999999, None)])


def test_speaker_choices_are_our_participants_and_staff_and_the_partners_contacts(
    db_session: Session, make_exchange: Callable[..., Exchange], make_department: Callable[..., object],
    make_person: Callable[..., object], make_contact: Callable[..., object], make_partner: Callable[..., object],
    make_participation: Callable[..., Participation],
) -> None:
    department = make_department()
    partner = make_partner(name="University of Sydney", timezone="Australia/Sydney")
    exchange = make_exchange(partners=[partner], departments=[department])
    staff = make_person(department=department, name_en="Staff Member")
    outsider = make_person(name_en="Outsider")
    guest = make_person(name_en="Guest Participant")
    make_participation(person=guest, exchange=exchange)
    contact = make_contact(partner=partner, name="Jane Doe")
    make_contact(name="Someone Elsewhere")
    db_session.expire_all()
    choices = speaker_choices(db_session, exchange.id)
    ours = {c.speaker.person_id for c in choices if not c.is_partner_side}
    theirs = {c.speaker.contact_id for c in choices if c.is_partner_side}
    assert ours == {staff.id, guest.id} and outsider.id not in ours  # type: ignore[attr-defined]
    assert theirs == {contact.id}  # type: ignore[attr-defined]
    assert next(c.detail for c in choices if c.is_partner_side) == "University of Sydney"


# ---- the next round ------------------------------------------------------------------------------
@pytest.fixture
def three_round_exchange(
    db_session: Session, make_exchange: Callable[..., Exchange], make_workshop: Callable[..., Workshop],
    make_panel: Callable[..., Panel], make_person: Callable[..., object], make_contact: Callable[..., object],
    make_partner: Callable[..., object], make_participation: Callable[..., Participation],
) -> Exchange:
    partner = make_partner(name="University of Melbourne", timezone="Australia/Melbourne")
    exchange = make_exchange(kind=ExchangeKind.MULTI_ROUND, planned_rounds=3, partners=[partner])
    start = shanghai(2026, 3, 24, 9)
    workshop = make_workshop(exchange=exchange, starts_at=start, duration_minutes=170, platform="Tencent Meeting",
                             link="https://meeting.example/1", interpretation_languages="Chinese–English",
                             interpreter="Zhao Min", status=WorkshopStatus.HELD, minutes="Went well",
                             outcome="Two follow-ups")
    speaker = make_person(name_en="Li Wei")
    contact = make_contact(partner=partner, name="Jane Doe")
    opening = make_panel(workshop=workshop, title="Opening", starts_at=start, duration_minutes=30,
                         moderator="Ms Chen")
    left = make_panel(workshop=workshop, title="Peer support", track="Breakout A",
                      starts_at=start + timedelta(minutes=40), duration_minutes=40, interpretation_needed=True,
                      language_pair="Chinese–English", interpreter="Sun Yu")
    right = make_panel(workshop=workshop, title="Counselling", track="Breakout B",
                       starts_at=start + timedelta(minutes=40), duration_minutes=35)
    db_session.add_all([
        PanelSpeaker(panel_id=left.id, person_id=speaker.id, position=0),  # type: ignore[attr-defined]
        PanelSpeaker(panel_id=left.id, contact_id=contact.id, position=1),  # type: ignore[attr-defined]
    ])
    came = make_participation(exchange=exchange)
    missed = make_participation(exchange=exchange)
    make_participation(exchange=exchange)  # joined later: not on round 1's roster
    db_session.add_all([Attendance(participation_id=came.id, workshop_id=workshop.id, attended=True),
                        Attendance(participation_id=missed.id, workshop_id=workshop.id, attended=False)])
    db_session.flush()
    del opening, right
    db_session.expire_all()
    return exchange


def test_next_round_copies_structure_and_roster_a_week_later(
    db_session: Session, officer: Actor, three_round_exchange: Exchange,
) -> None:
    exchange = three_round_exchange
    first = exchange.workshops[0]
    second = add_next_round(db_session, officer, exchange.id)
    assert second.round_number == 2
    assert second.starts_at == first.starts_at + timedelta(days=7)
    assert (second.duration_minutes, second.platform, second.link, second.interpretation_languages,
            second.interpreter) == (170, "Tencent Meeting", "https://meeting.example/1", "Chinese–English", "Zhao Min")
    assert (second.status, second.minutes, second.outcome) == (WorkshopStatus.PLANNED, "", "")
    db_session.expire_all()
    old = load_plan(db_session, first.id)
    new = load_plan(db_session, second.id)

    def shape(panel: PanelPlan, origin: datetime) -> tuple[object, ...]:
        return (panel.title, panel.track, panel.starts_at - origin, panel.duration_minutes, panel.moderator,
                panel.interpretation_needed, panel.language_pair, panel.interpreter,
                [(s.person_id, s.contact_id) for s in panel.speakers])

    assert [shape(p, new.starts_at) for p in new.panels] == [shape(p, old.starts_at) for p in old.panels]
    assert {p.id for p in new.panels}.isdisjoint({p.id for p in old.panels})
    roster = {(a.participation_id, a.attended) for a in db_session.scalars(
        select(Attendance).where(Attendance.workshop_id == second.id))}
    first_roster = {a.participation_id for a in db_session.scalars(
        select(Attendance).where(Attendance.workshop_id == first.id))}
    assert roster == {(pid, False) for pid in first_roster} and len(roster) == 2

    third = add_next_round(db_session, officer, exchange.id, starts_at=second.starts_at + timedelta(days=14, minutes=2))
    assert (third.round_number, third.starts_at) == (3, second.starts_at + timedelta(days=14))
    with pytest.raises(ValidationError) as caught:
        add_next_round(db_session, officer, exchange.id)
    assert caught.value.field == "planned_rounds"


def test_next_round_keeps_the_iad_wall_clock_across_its_own_clock_change() -> None:
    # An IAD in Berlin: 10:00 CET on 24 Mar is 09:00 UTC; a week later 10:00 CEST is 08:00 UTC.
    start = datetime(2026, 3, 24, 9, 0, tzinfo=UTC)
    assert next_round_start(start, "Europe/Berlin") == datetime(2026, 3, 31, 8, 0, tzinfo=UTC)
    assert next_round_start(start, "Asia/Shanghai") == start + timedelta(days=7)


def test_next_round_only_for_multi_round_dialogues(
    db_session: Session, officer: Actor, viewer: Actor, make_workshop: Callable[..., Workshop],
) -> None:
    workshop = make_workshop()
    with pytest.raises(ValidationError) as caught:
        add_next_round(db_session, officer, workshop.exchange_id)
    assert caught.value.field == "kind"
    with pytest.raises(PermissionDeniedError):
        add_next_round(db_session, viewer, workshop.exchange_id)


# ---- saving a plan ---------------------------------------------------------------------------------
def test_save_plan_writes_workshop_panels_and_speakers(
    db_session: Session, officer: Actor, three_round_exchange: Exchange, make_person: Callable[..., object],
) -> None:
    workshop = three_round_exchange.workshops[0]
    plan = load_plan(db_session, workshop.id)
    plan.starts_at += timedelta(hours=1, minutes=2)  # snapped to +1 h
    for panel in plan.panels:
        panel.starts_at += timedelta(hours=1)
    plan.status = WorkshopStatus.PLANNED
    plan.continues_independently = True
    removed = plan.panels.pop(0)
    plan.panels[0].duration_minutes = 44  # snapped to 45
    newcomer = make_person(name_en="New Speaker")
    plan.panels[0].speakers = [SpeakerPlan("New Speaker", person_id=newcomer.id)]  # type: ignore[attr-defined]
    plan.panels.append(PanelPlan(key=-1, title=" Closing ", track="Main room",
                                 starts_at=plan.starts_at + timedelta(minutes=120), duration_minutes=30))
    save_plan(db_session, officer, plan, settings=Settings(), now=NOW)
    db_session.expire_all()
    stored = load_plan(db_session, workshop.id)
    assert stored.starts_at == shanghai(2026, 3, 24, 10)
    assert stored.continues_independently is True
    assert removed.id not in {p.id for p in stored.panels}
    assert [(p.title, p.duration_minutes) for p in stored.panels] == [
        ("Peer support", 45), ("Counselling", 35), ("Closing", 30)]
    assert [s.person_id for s in stored.panels[0].speakers] == [newcomer.id]  # type: ignore[attr-defined]
    assert db_session.scalar(select(AuditEntry.id).where(AuditEntry.table_name == "panels",
                                                         AuditEntry.record_id == removed.id)) is not None


def test_save_plan_refuses_to_confirm_with_errors_and_writes_nothing(
    db_session: Session, officer: Actor, three_round_exchange: Exchange,
) -> None:
    workshop = three_round_exchange.workshops[0]
    plan = load_plan(db_session, workshop.id)
    plan.panels[2].track = plan.panels[1].track  # the two breakouts now collide on one track
    plan.status = WorkshopStatus.CONFIRMED
    plan.minutes = "changed"
    with pytest.raises(ValidationError) as caught:
        save_plan(db_session, officer, plan, settings=Settings(), now=NOW)
    assert caught.value.field == "status" and "1 problem" in caught.value.message
    db_session.expire_all()
    assert db_session.get(Workshop, workshop.id).minutes == "Went well"  # type: ignore[union-attr]


def test_save_plan_detects_someone_elses_change(
    db_session: Session, officer: Actor, make_workshop: Callable[..., Workshop],
) -> None:
    workshop = make_workshop()
    plan = load_plan(db_session, workshop.id)
    workshop.platform = "Teams"  # another officer saved meanwhile
    db_session.flush()
    plan.platform = "Zoom webinar"
    with pytest.raises(ConflictError):
        save_plan(db_session, officer, plan, settings=Settings(), now=NOW)


def test_save_plan_names_a_panel_without_title_or_track(
    db_session: Session, officer: Actor, make_panel: Callable[..., Panel],
) -> None:
    panel = make_panel()
    plan = load_plan(db_session, panel.workshop_id)
    plan.panels[0].title = "  "
    with pytest.raises(ValidationError) as caught:
        save_plan(db_session, officer, plan)
    assert caught.value.field == "title"
    plan.panels[0].title, plan.panels[0].track = "Fine", ""
    with pytest.raises(ValidationError) as caught:
        save_plan(db_session, officer, plan)
    assert (caught.value.field, "'Fine'" in caught.value.message) == ("track", True)


def test_record_outcome_and_confirm_through_the_rules(
    db_session: Session, officer: Actor, make_workshop: Callable[..., Workshop],
) -> None:
    workshop = make_workshop(starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC))
    record_outcome(db_session, officer, workshop.id, minutes="Notes", outcome="Follow-up agreed",
                   continues_independently=True, status=WorkshopStatus.CONFIRMED, expected_version=workshop.version)
    db_session.expire_all()
    stored = db_session.get(Workshop, workshop.id)
    assert stored is not None
    assert (stored.minutes, stored.outcome, stored.continues_independently, stored.status) == (
        "Notes", "Follow-up agreed", True, WorkshopStatus.CONFIRMED)


# ---- attendance --------------------------------------------------------------------------------------
def test_attendance_grid_set_and_clear(
    db_session: Session, officer: Actor, three_round_exchange: Exchange,
    make_participation: Callable[..., Participation],
) -> None:
    exchange = three_round_exchange
    first = exchange.workshops[0]
    second = add_next_round(db_session, officer, exchange.id)
    grid = attendance_grid(db_session, exchange.id)
    assert [r.round_number for r in grid.rounds] == [1, 2]
    assert len(grid.rows) == 3
    attended = [pid for (pid, wid), value in grid.cells.items() if wid == first.id and value]
    assert len(attended) == 1
    later = next(r.participation_id for r in grid.rows if (r.participation_id, first.id) not in grid.cells)
    changed = save_attendance(db_session, officer, exchange.id, {
        (later, second.id): True, (attended[0], second.id): True, (attended[0], first.id): None})
    assert changed == 3
    set_attendance(db_session, officer, second.id, later, False)
    grid = attendance_grid(db_session, exchange.id)
    assert grid.cells[(later, second.id)] is False and grid.cells[(attended[0], second.id)] is True
    assert (attended[0], first.id) not in grid.cells
    assert save_attendance(db_session, officer, exchange.id, {(later, second.id): False}) == 0
    stranger = make_participation()
    with pytest.raises(ValidationError) as caught:
        set_attendance(db_session, officer, second.id, stranger.id, True)
    assert caught.value.field == "attendance"
    audit = db_session.scalars(select(AuditEntry).where(AuditEntry.table_name == "attendance",
                                                        AuditEntry.record_id == later)).all()
    assert len(audit) == 2


def test_an_exchange_takes_its_topics_chinese_title_unless_given_its_own(
    db_session: Session, make_proposal: Callable[..., Any], make_partner: Callable[..., Any],
    make_department: Callable[..., Any],
) -> None:
    from app.planning.exchange_setup import create_exchange, update_exchange
    from models.enums import ProposalStatus

    topic = make_proposal(title="Peer counselling", title_zh="朋辈辅导", status=ProposalStatus.ACCEPTED)
    partner, department = make_partner(), make_department()
    common = dict(semester_id=topic.semester_id, kind=ExchangeKind.ONE_OFF, planned_rounds=1,
                  partner_ids=[partner.id], department_ids=[department.id], proposal_id=topic.id,
                  first_start=datetime(2026, 11, 3, 7, 0, tzinfo=UTC))
    inherited = create_exchange(db_session, Actor("officer"), title="Peer counselling", **common)  # type: ignore[arg-type]
    own = create_exchange(db_session, Actor("officer"), title="Peer support", title_zh=" 同伴支持 ",
                          **common)  # type: ignore[arg-type]
    assert (inherited.title_zh, own.title_zh) == ("朋辈辅导", "同伴支持")
    update_exchange(db_session, Actor("officer"), own.id, expected_version=own.version, title="Peer support",
                    semester_id=own.semester_id, kind=own.kind, planned_rounds=1, partner_ids=[partner.id],
                    department_ids=[department.id], contact_ids=[], proposal_id=None, title_zh="")
    db_session.expire_all()
    assert db_session.get(Exchange, own.id).title_zh == ""  # type: ignore[union-attr]
