"""The scheduling rules: tracks, people, interpreters, lengths, rounds, office hours and clock changes.

Most tests check plain plans (no database); the last ones check stored workshops
and the confirmation gate. Clock changes in 2026: United States 8 Mar / 1 Nov,
United Kingdom 29 Mar / 25 Oct, Sydney 5 Apr / 4 Oct.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.planning.scheduling import (
    Booking,
    PanelPlan,
    PlanContext,
    Problem,
    RoundInfo,
    Side,
    SpeakerPlan,
    WorkshopPlan,
    check_plan,
    check_workshop,
    confirm_workshop,
    load_plan,
)
from app.settings import Settings
from app.planning.zones import clock_changes
from models import Panel, Workshop
from models.enums import ExchangeKind, WorkshopStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 10, 4, 0, tzinfo=UTC)  # planning in January, winter in the north
LONDON = Side("University of Leeds", "Europe/London")
NEW_YORK = Side("Columbia University", "America/New_York")
SYDNEY = Side("University of Sydney", "Australia/Sydney")


def shanghai(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def make_plan(start: datetime, duration: int = 180, panels: Sequence[PanelPlan] = (), **fields: object) -> WorkshopPlan:
    values: dict[str, object] = dict(id=1, exchange_id=1, round_number=1, starts_at=start, duration_minutes=duration,
                                     panels=list(panels))
    values.update(fields)
    return WorkshopPlan(**values)  # type: ignore[arg-type]


def make_panel(key: int, start: datetime, minutes: int = 35, track: str = "Main room", **fields: object) -> PanelPlan:
    values: dict[str, object] = dict(key=key, id=key, title=f"Panel {key}", starts_at=start, duration_minutes=minutes,
                                     track=track)
    values.update(fields)
    return PanelPlan(**values)  # type: ignore[arg-type]


def context(*partners: Side, kind: ExchangeKind = ExchangeKind.ONE_OFF, planned: int = 1,
            rounds: Sequence[RoundInfo] = (), bookings: Sequence[Booking] = ()) -> PlanContext:
    return PlanContext("Student mental health", kind, planned, tuple(rounds), tuple(partners), tuple(bookings))


def codes(problems: Sequence[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def check(plan: WorkshopPlan, ctx: PlanContext, now: datetime = NOW) -> list[Problem]:
    return check_plan(plan, ctx, Settings(), now)


# ---- a clean workshop ---------------------------------------------------------------------
def test_a_well_planned_workshop_has_no_problem() -> None:
    start = shanghai(2026, 11, 10, 16)  # Tue 08:00 in London (GMT)
    panels = [
        make_panel(1, start, 30),
        make_panel(2, start + timedelta(minutes=40), 40, track="Breakout A"),
        make_panel(3, start + timedelta(minutes=40), 40, track="Breakout B"),
        make_panel(4, start + timedelta(minutes=90), 40),
    ]
    assert check(make_plan(start, 180, panels), context(LONDON)) == []


# ---- panels inside the workshop ---------------------------------------------------------------
def test_panels_must_lie_inside_their_workshop() -> None:
    start = shanghai(2026, 11, 10, 16)
    early = make_panel(1, start - timedelta(minutes=10))
    late = make_panel(2, start + timedelta(minutes=160), 35)  # ends 15 minutes after the workshop
    after = make_panel(3, start + timedelta(minutes=180), 30)
    exact = make_panel(4, start + timedelta(minutes=145), 35, track="Breakout A")  # ends exactly at the end
    problems = check(make_plan(start, 180, [early, late, after, exact]), context(LONDON))
    outside = [p for p in problems if p.code == "panel_outside_workshop"]
    assert [(p.panel_id, p.field, p.severity) for p in outside] == [
        (1, "starts_at", "error"), (2, "duration_minutes", "error"), (3, "starts_at", "error")]
    assert "before the workshop starts (16:00)" in outside[0].message
    assert "ends at 19:15, after the workshop ends (19:00)" in outside[1].message


# ---- tracks ------------------------------------------------------------------------------------
def test_concurrent_panels_on_one_track_are_an_error_on_different_tracks_fine() -> None:
    start = shanghai(2026, 11, 10, 16)
    first = make_panel(1, start + timedelta(minutes=10), 35, track="Main room")
    overlapping = make_panel(2, start + timedelta(minutes=30), 35, track=" main ROOM ")
    parallel = make_panel(3, start + timedelta(minutes=10), 35, track="Breakout A")
    back_to_back = make_panel(4, start + timedelta(minutes=45), 35, track="Breakout A")
    problems = check(make_plan(start, 180, [first, overlapping, parallel, back_to_back]), context(LONDON))
    track = [p for p in problems if p.code == "track_overlap"]
    assert len(track) == 1
    assert (track[0].panel_id, track[0].field, track[0].severity) == (2, "track", "error")
    assert "'Panel 1' and 'Panel 2' overlap on the track main ROOM (16:30–16:45)" in track[0].message


# ---- people ------------------------------------------------------------------------------------
def test_nobody_in_two_concurrent_panels() -> None:
    start = shanghai(2026, 11, 10, 16)
    li = SpeakerPlan("李伟 Li Wei", person_id=7, aliases=("Li Wei", "李伟"))
    smith = SpeakerPlan("Anna Smith", contact_id=3)
    a = make_panel(1, start, 40, track="Breakout A", speakers=[li], moderator="Anna Smith")
    b = make_panel(2, start + timedelta(minutes=20), 40, track="Breakout B", speakers=[li])
    c = make_panel(3, start + timedelta(minutes=20), 40, track="Breakout C", moderator="  li   WEI ")
    d = make_panel(4, start + timedelta(minutes=60), 40, track="Breakout D", speakers=[li, smith])  # after a: fine
    problems = [p for p in check(make_plan(start, 180, [a, b, c, d]), context(LONDON))
                if p.code == "person_double_booked"]
    described = {(p.panel_id, p.field) for p in problems}
    # Li Wei speaks in 1 and 2 at once, moderates 3 while speaking in 1 and 2; Smith is free by panel 4.
    assert described == {(2, "speakers"), (3, "moderator")}
    assert all(p.severity == "error" for p in problems)
    assert len([p for p in problems if p.panel_id == 3]) == 2  # against panel 1 and panel 2
    assert any("'Panel 1' (speaker) and 'Panel 3' (moderator)" in p.message for p in problems)


def test_namesakes_with_their_own_records_are_different_people() -> None:
    start = shanghai(2026, 11, 10, 16)
    ours = SpeakerPlan("Wang Fang", person_id=1, aliases=("Wang Fang",))
    theirs = SpeakerPlan("Wang Fang", contact_id=1)
    a = make_panel(1, start, 40, track="A", speakers=[ours])
    b = make_panel(2, start, 40, track="B", speakers=[theirs])
    assert "person_double_booked" not in codes(check(make_plan(start, 180, [a, b]), context(LONDON)))


# ---- interpreters --------------------------------------------------------------------------------
def test_interpreter_double_booked_within_and_across_workshops() -> None:
    start = shanghai(2026, 11, 10, 16)
    a = make_panel(1, start, 40, track="A", interpreter="Zhao Min", interpretation_needed=True,
                   language_pair="Chinese–English")
    b = make_panel(2, start + timedelta(minutes=30), 40, track="B", interpreter=" zhao  min",
                   interpretation_needed=True, language_pair="Chinese–English")
    elsewhere = Booking(9, None, "ZHAO MIN", start - timedelta(hours=2), start + timedelta(minutes=15), "round 1 of 'X'")
    adjacent = Booking(10, None, "Zhao Min", start - timedelta(hours=3), start, "round 1 of 'Y'")
    problems = check(make_plan(start, 180, [a, b], interpreter="Zhao Min"),
                     context(LONDON, bookings=[elsewhere, adjacent]))
    found = [(p.panel_id, p.field) for p in problems if p.code == "interpreter_double_booked"]
    # Two concurrent panels; workshop and panel 1 both overlap the other workshop's booking; the adjacent one is free.
    assert sorted(found, key=str) == sorted([(2, "interpreter"), (None, "interpreter"), (1, "interpreter")], key=str)
    assert not any("'Y'" in p.message for p in problems)


def test_a_cancelled_workshop_books_no_interpreter() -> None:
    start = shanghai(2026, 11, 10, 16)
    elsewhere = Booking(9, None, "Zhao Min", start, start + timedelta(hours=3), "round 1 of 'X'")
    plan = make_plan(start, 180, interpreter="Zhao Min", status=WorkshopStatus.CANCELLED)
    assert "interpreter_double_booked" not in codes(check(plan, context(LONDON, bookings=[elsewhere])))


def test_interpretation_needed_without_interpreter_or_languages_is_a_warning() -> None:
    start = shanghai(2026, 11, 10, 16)
    plan = make_plan(start, 180, [make_panel(1, start, 35, interpretation_needed=True)])
    problems = check(plan, context(LONDON))
    assert {(p.code, p.severity) for p in problems} == {("interpreter_missing", "warning"),
                                                         ("language_pair_missing", "warning")}
    plan.interpreter, plan.interpretation_languages = "Zhao Min", "Chinese–English"
    assert check(plan, context(LONDON)) == []


def test_one_interpreter_cannot_cover_three_concurrent_interpreted_panels() -> None:
    start = shanghai(2026, 11, 10, 16)
    panels = [make_panel(key, start + timedelta(minutes=40), 40, track=f"Room {key}", interpretation_needed=True)
              for key in (1, 2, 3)]
    plan = make_plan(start, 180, panels, interpreter="Zhao Min", interpretation_languages="Chinese–English")
    uncovered = [p for p in check(plan, context(LONDON)) if p.code == "interpretation_uncovered"]
    assert [(p.severity, p.panel_id, p.field) for p in uncovered] == [("error", 2, "interpreter")]
    assert "From 16:40 to 17:20 3 panels need interpretation" in uncovered[0].message
    assert "cover only 1 of them (Zhao Min)" in uncovered[0].message
    # Whoever is named: one panel's own interpreter plus two on the workshop cover all three.
    panels[0].interpreter = "Li Na"
    plan.interpreter = "Zhao Min、Wang Fang"
    assert "interpretation_uncovered" not in codes(check(plan, context(LONDON)))
    # A workshop interpreter also named on a concurrent panel is busy there.
    panels[0].interpreter = "Wang Fang"
    assert "interpretation_uncovered" in codes(check(plan, context(LONDON)))


def test_each_of_several_workshop_interpreters_is_booked_elsewhere() -> None:
    start = shanghai(2026, 11, 10, 16)
    elsewhere = Booking(9, None, "Wang Fang", start, start + timedelta(hours=1), "round 1 of 'X'")
    plan = make_plan(start, 180, interpreter="Zhao Min, Wang Fang")
    double = [p for p in check(plan, context(LONDON, bookings=[elsewhere])) if p.code == "interpreter_double_booked"]
    assert len(double) == 1 and "Interpreter Wang Fang is already booked" in double[0].message


def test_a_panel_left_on_another_day_is_named_with_its_date() -> None:
    start = shanghai(2026, 11, 17, 16)
    plan = make_plan(start, 180, [make_panel(1, start - timedelta(days=7), 35)])
    outside = [p for p in check(plan, context(LONDON)) if p.code == "panel_outside_workshop"]
    assert "starts at Tue 10 Nov 2026 16:00, before the workshop starts (Tue 17 Nov 2026 16:00)" in \
        outside[0].message


# ---- lengths ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("minutes", "severity"), [(70, "error"), (75, "warning"), (145, "warning"), (150, None),
                                                   (180, None), (185, "warning"), (360, "warning"), (365, "error")])
def test_workshop_length_outside_two_and_a_half_to_three_hours_warns_far_outside_blocks(
        minutes: int, severity: str | None) -> None:
    start = shanghai(2026, 11, 10, 16)
    problems = check(make_plan(start, minutes), context(Side("Uni", "Asia/Tokyo")))
    assert [p.severity for p in problems if p.code == "workshop_length"] == ([severity] if severity else [])


@pytest.mark.parametrize(("minutes", "severity"), [(10, "error"), (15, "warning"), (25, "warning"), (30, None),
                                                   (40, None), (45, "warning"), (80, "warning"), (85, "error")])
def test_panel_length_outside_30_to_40_minutes_warns_far_outside_blocks(minutes: int, severity: str | None) -> None:
    start = shanghai(2026, 11, 10, 16)
    problems = check(make_plan(start, 180, [make_panel(1, start, minutes)]), context(LONDON))
    assert [p.severity for p in problems if p.code == "panel_length"] == ([severity] if severity else [])


def test_usual_lengths_come_from_the_settings() -> None:
    start = shanghai(2026, 11, 10, 16)
    plan = make_plan(start, 240, [make_panel(1, start, 60)])
    settings = Settings(workshop_minutes_min=120, workshop_minutes_max=240, panel_minutes_min=45,
                        panel_minutes_max=60)
    assert not {"workshop_length", "panel_length"} & set(codes(check_plan(plan, context(LONDON), settings, NOW)))
    problems = check(plan, context(LONDON))
    assert [(p.code, p.severity) for p in problems if p.code.endswith("_length")] == [
        ("workshop_length", "warning"), ("panel_length", "warning")]
    assert "IAD workshops last 2 h 30 min to 3 h" in problems[0].message


def test_settings_refuse_a_longest_usual_length_below_the_shortest() -> None:
    from app.preferences import check_settings

    with pytest.raises(ValidationError) as raised:
        check_settings(Settings(panel_minutes_min=40, panel_minutes_max=30))
    assert raised.value.field == "panel_minutes_max"


# ---- rounds --------------------------------------------------------------------------------------
def test_one_off_dialogue_has_one_round() -> None:
    start = shanghai(2026, 11, 10, 16)
    other = RoundInfo(2, 2, start + timedelta(days=7), 180, WorkshopStatus.PLANNED)
    problems = check(make_plan(start), context(LONDON, rounds=[other]))
    assert ("rounds_count", "error") in {(p.code, p.severity) for p in problems}


def test_multi_round_dialogue_rounds_beyond_the_plan_are_errors_missing_ones_warnings() -> None:
    start = shanghai(2026, 11, 10, 16)
    r1 = RoundInfo(1, 1, start - timedelta(days=14), 180, WorkshopStatus.HELD)
    r2 = RoundInfo(2, 2, start - timedelta(days=7), 180, WorkshopStatus.HELD)
    third = make_plan(start, id=3, round_number=3)
    problems = check(third, context(LONDON, kind=ExchangeKind.MULTI_ROUND, planned=2, rounds=[r1, r2]))
    assert [(p.code, p.field) for p in problems if p.is_error] == [("rounds_count", "round_number")]
    assert "This is round 3 but 'Student mental health' plans 2 rounds" in problems[0].message
    first = make_plan(start)
    problems = check(first, context(LONDON, kind=ExchangeKind.MULTI_ROUND, planned=3))
    assert [(p.code, p.severity) for p in problems] == [("rounds_missing", "warning")]
    problems = check(first, context(LONDON, kind=ExchangeKind.MULTI_ROUND, planned=4))
    assert ("rounds_count", "error") in {(p.code, p.severity) for p in problems}


def test_a_later_round_before_an_earlier_one_is_a_warning() -> None:
    start = shanghai(2026, 11, 10, 16)
    r1 = RoundInfo(1, 1, start + timedelta(days=7), 180, WorkshopStatus.PLANNED)
    problems = check(make_plan(start, id=2, round_number=2),
                     context(LONDON, kind=ExchangeKind.MULTI_ROUND, planned=2, rounds=[r1]))
    assert "round_order" in codes(problems)


# ---- office hours and weekends --------------------------------------------------------------------
def test_partner_local_time_outside_office_hours_is_a_warning_on_that_side() -> None:
    start = shanghai(2026, 11, 10, 9)  # 01:00-04:00 in London, 20:00-23:00 (Mon) in New York
    problems = check(make_plan(start), context(LONDON, NEW_YORK))
    office = [p for p in problems if p.code == "office_hours"]
    assert [p.severity for p in office] == ["warning", "warning"]
    assert "University of Leeds (Europe/London)" in office[0].message
    assert "Tue 10 Nov 2026 01:00–04:00" in office[0].message
    assert "Mon 09 Nov 2026 20:00–23:00" in office[1].message
    assert not any(p.is_error for p in problems)


def test_a_workshop_ending_exactly_when_office_hours_end_fits() -> None:
    start = shanghai(2026, 11, 10, 17)  # 17:00-20:00 Shanghai, 09:00-12:00 London
    assert check(make_plan(start), context(LONDON)) == []
    assert "office_hours" in codes(check(make_plan(start, 185), context(LONDON)))


# ---- clock changes ---------------------------------------------------------------------------------
def test_clock_changes_are_found_to_the_minute() -> None:
    changes = clock_changes("Europe/London", datetime(2026, 3, 28, tzinfo=UTC), datetime(2026, 3, 30, tzinfo=UTC))
    assert [(c.at, c.before, c.after) for c in changes] == [
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), timedelta(0), timedelta(hours=1))]
    sydney = clock_changes("Australia/Sydney", datetime(2026, 10, 3, tzinfo=UTC), datetime(2026, 10, 5, tzinfo=UTC))
    assert [(c.at, c.local_before.hour) for c in sydney] == [(datetime(2026, 10, 3, 16, 0, tzinfo=UTC), 2)]
    assert clock_changes("Asia/Shanghai", datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 12, 31, tzinfo=UTC)) == []


def test_new_york_clock_change_on_the_partners_day_of_the_workshop() -> None:
    # Mon 9 Mar 08:00 in Shanghai is Sun 8 Mar 20:00 EDT in New York, the day its clocks went forward.
    problems = check(make_plan(shanghai(2026, 3, 9, 8)), context(NEW_YORK))
    same_day = [p for p in problems if p.code == "dst_same_day"]
    assert len(same_day) == 1 and same_day[0].severity == "warning"
    assert "Columbia University (America/New_York)" in same_day[0].message
    assert "Sun 08 Mar 2026 02:00 local time, UTC-05:00 → UTC-04:00" in same_day[0].message
    # The evening before (Sat 19:00-22:00 EST) the change is not on the local day yet.
    assert "dst_same_day" not in codes(check(make_plan(shanghai(2026, 3, 8, 8)), context(NEW_YORK)))
    # Autumn: Mon 2 Nov 08:00 Shanghai is Sun 1 Nov 19:00 EST, the day the clocks went back.
    assert "dst_same_day" in codes(check(make_plan(shanghai(2026, 11, 2, 8)), context(NEW_YORK)))
    assert not {"dst_same_day", "dst_during"} & set(codes(check(make_plan(shanghai(2026, 11, 3, 8)), context(NEW_YORK))))


def test_a_workshop_across_the_change_says_it_crosses() -> None:
    # 06:00-09:00 UTC on Sun 8 Mar: New York goes from EST to EDT at 07:00 UTC, mid-workshop.
    start = datetime(2026, 3, 8, 6, 0, tzinfo=UTC)
    problems = check(make_plan(start), context(NEW_YORK))
    assert "dst_during" in codes(problems) and "dst_same_day" not in codes(problems)
    # Sydney's clocks go forward at 16:00 UTC on Sat 3 Oct (02:00 AEST -> 03:00 AEDT).
    problems = check(make_plan(datetime(2026, 10, 3, 15, 0, tzinfo=UTC)), context(SYDNEY))
    crossing = [p for p in problems if p.code == "dst_during"]
    assert len(crossing) == 1 and "UTC+10:00 → UTC+11:00" in crossing[0].message


def test_sydney_change_on_the_same_local_day() -> None:
    # Sun 5 Apr 08:00 Shanghai is 10:00 AEST in Sydney, hours after its clocks went back (03:00 AEDT -> 02:00).
    problems = check(make_plan(shanghai(2026, 4, 5, 8)), context(SYDNEY))
    assert "dst_same_day" in codes(problems)
    assert "UTC+11:00 → UTC+10:00" in next(p.message for p in problems if p.code == "dst_same_day")


def test_offset_on_the_workshop_date_differs_from_today() -> None:
    # Planned on 10 Mar for Mon 30 Mar: London is on summer time by then, one hour closer to Shanghai.
    planning_day = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    start = shanghai(2026, 3, 30, 16)
    problems = check(make_plan(start), context(LONDON, NEW_YORK, SYDNEY), now=planning_day)
    offset = [p for p in problems if p.code == "offset_differs_from_today"]
    assert len(offset) == 1 and offset[0].severity == "warning"  # New York changed already, Sydney not yet
    assert "30 Mar 2026 University of Leeds (Europe/London) is UTC+01:00 (today UTC+00:00)" in offset[0].message
    assert "will be -7 h, not -8 h as today" in offset[0].message
    # Planned on 20 Mar for Mon 6 Apr: Sydney has left summer time; London has started it.
    problems = check(make_plan(shanghai(2026, 4, 6, 9)), context(LONDON, SYDNEY),
                     now=datetime(2026, 3, 20, tzinfo=UTC))
    texts = [p.message for p in problems if p.code == "offset_differs_from_today"]
    assert len(texts) == 2
    assert any("UTC+10:00 (today UTC+11:00)" in text and "will be 2 h, not 3 h" in text for text in texts)
    # A workshop in the past (seen from December, when London is back on GMT) is not compared with today.
    assert "offset_differs_from_today" not in codes(
        check(make_plan(start), context(LONDON), now=datetime(2026, 12, 1, tzinfo=UTC)))


def test_clocks_changing_between_two_rounds() -> None:
    # Round 1 Mon 23 Mar and round 2 Mon 30 Mar at 16:00 Shanghai: 08:00 GMT, then 09:00 BST in London.
    r1 = RoundInfo(1, 1, shanghai(2026, 3, 23, 16), 180, WorkshopStatus.PLANNED)
    plan = make_plan(shanghai(2026, 3, 30, 16), id=2, round_number=2)
    problems = check(plan, context(LONDON, SYDNEY, kind=ExchangeKind.MULTI_ROUND, planned=2, rounds=[r1]))
    shifted = [p for p in problems if p.code == "dst_between_rounds"]
    assert len(shifted) == 1 and "University of Leeds" in shifted[0].message
    assert "goes from -8 h to -7 h" in shifted[0].message
    # Sydney changes between 30 Mar and 6 Apr.
    r2 = RoundInfo(2, 2, plan.starts_at, 180, WorkshopStatus.PLANNED)
    third = make_plan(shanghai(2026, 4, 6, 16), id=3, round_number=3)
    problems = check(third, context(LONDON, SYDNEY, kind=ExchangeKind.MULTI_ROUND, planned=3, rounds=[r1, r2]))
    assert [p.message.split(" (")[0] for p in problems if p.code == "dst_between_rounds"] == [
        "The clocks change in University of Sydney"]


def test_unknown_partner_zone_is_reported_not_raised() -> None:
    problems = check(make_plan(shanghai(2026, 11, 10, 16)), context(Side("Atlantis", "Atlantis/Capital")))
    assert codes(problems) == ["unknown_timezone"]


def test_bad_office_hours_setting_names_the_setting() -> None:
    with pytest.raises(ValidationError) as caught:
        check_plan(make_plan(shanghai(2026, 11, 10, 16)), context(LONDON), Settings(office_hours_end="25:00"), NOW)
    assert caught.value.field == "office_hours_end"


# ---- stored workshops and the confirmation gate ------------------------------------------------------
def test_check_workshop_finds_an_interpreter_booked_in_another_exchange(
    db_session: Session, make_workshop: Callable[..., Workshop], make_panel: Callable[..., Panel],
) -> None:
    start = datetime(2026, 10, 15, 7, 0, tzinfo=UTC)
    mine = make_workshop(starts_at=start, interpreter="Zhao Min")
    other = make_workshop(starts_at=start + timedelta(hours=2, minutes=30), interpreter="")
    make_panel(workshop=other, starts_at=other.starts_at, duration_minutes=30, interpreter=" zhao min ")
    far = make_workshop(starts_at=start + timedelta(days=1), interpreter="Zhao Min")
    problems = check_workshop(db_session, mine.id, Settings(), NOW)
    double = [p for p in problems if p.code == "interpreter_double_booked"]
    assert len(double) == 1 and double[0].panel_id is None
    assert "Exchange" in double[0].message and "panel" in double[0].message
    other.status = WorkshopStatus.CANCELLED
    db_session.flush()
    assert "interpreter_double_booked" not in codes(check_workshop(db_session, mine.id, Settings(), NOW))
    assert "interpreter_double_booked" not in codes(check_workshop(db_session, far.id, Settings(), NOW))


def test_confirming_is_refused_while_errors_remain_and_warnings_do_not_block(
    db_session: Session, officer: Actor, make_workshop: Callable[..., Workshop], make_panel: Callable[..., Panel],
) -> None:
    workshop = make_workshop(starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC))
    first = make_panel(workshop=workshop, starts_at=workshop.starts_at, duration_minutes=40)
    second = make_panel(workshop=workshop, starts_at=workshop.starts_at + timedelta(minutes=20), duration_minutes=20)
    with pytest.raises(ValidationError) as caught:
        confirm_workshop(db_session, officer, workshop.id, Settings(), NOW)
    assert caught.value.field == "status"
    assert "1 problem must be solved first" in caught.value.message
    assert "overlap on the track Main room" in caught.value.message
    db_session.refresh(workshop)
    assert workshop.status == WorkshopStatus.PLANNED
    second.starts_at = first.starts_at + timedelta(minutes=40)
    db_session.flush()
    db_session.expire_all()
    remaining = check_workshop(db_session, workshop.id, Settings(), NOW)
    assert remaining and not any(p.is_error for p in remaining)  # the 20-minute panel is only a warning
    confirmed = confirm_workshop(db_session, officer, workshop.id, Settings(), NOW)
    assert confirmed.status == WorkshopStatus.CONFIRMED


def test_load_plan_copies_speakers_from_both_sides(
    db_session: Session, make_panel: Callable[..., Panel], make_person: Callable[..., object],
    make_contact: Callable[..., object],
) -> None:
    from models import PanelSpeaker

    panel = make_panel(moderator="Ms Chen")
    person = make_person(name_en="Li Wei", name_zh="李伟")
    contact = make_contact(name="Anna Smith")
    db_session.add_all([PanelSpeaker(panel_id=panel.id, person_id=person.id, position=0),  # type: ignore[attr-defined]
                        PanelSpeaker(panel_id=panel.id, contact_id=contact.id, position=1)])  # type: ignore[attr-defined]
    db_session.flush()
    db_session.expire_all()
    plan = load_plan(db_session, panel.workshop_id)
    speakers = plan.panels[0].speakers
    assert [(s.name, s.person_id is not None, s.contact_id is not None) for s in speakers] == [
        ("李伟 Li Wei", True, False), ("Anna Smith", False, True)]
    assert set(speakers[0].aliases) == {"Li Wei", "李伟"}
