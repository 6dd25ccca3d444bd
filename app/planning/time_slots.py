"""The time-slot finder: start times at which a whole workshop fits everybody's office hours.

Start times are tried on the IAD's wall clock in 15- or 30-minute steps over a date
range; a slot is kept when the workshop, start to end, lies inside office hours on
every side (the IAD and each partner, each on its own clock and date, with its own
office hours where it has them) and, by default, on a working day everywhere: no
weekend and no public holiday of that side's country. Slots are ranked best first:
the most minutes to spare on the tightest side (the most central in everyone's day),
then the most minutes to spare in total, then the earliest.

When nothing fits (Shanghai and New York share barely an hour of office time),
`nearest_time_slots` lists the starts that need the fewest minutes outside office
hours, each with what every side would have to accept.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.errors import ValidationError
from app.i18n import _
from app.planning.public_holidays import holiday_name
from app.planning.scheduling import Side
from app.planning.zones import OfficeHours, format_duration, to_utc, zone

ALLOWED_STEPS = (5, 10, 15, 20, 30, 60)
MAX_RANGE_DAYS = 366


@dataclass(frozen=True)
class SlotSide:
    label: str
    zone_name: str
    local_start: datetime
    local_end: datetime
    slack_minutes: int  # minutes to spare before office hours end or after they start, the smaller
    early_minutes: int = 0  # how long before its office hours the workshop starts there (nearest slots)
    late_minutes: int = 0  # how long after its office hours the workshop ends there

    @property
    def outside_minutes(self) -> int:
        return self.early_minutes + self.late_minutes

    def compromise(self) -> str:
        """What this side accepts: "New York: starts 07:30, 30 min before office hours", or ""."""
        parts = []
        if self.early_minutes:
            parts.append(_("starts {time}, {minutes} before office hours").format(
                time=f"{self.local_start:%H:%M}", minutes=format_duration(self.early_minutes)))
        if self.late_minutes:
            parts.append(_("ends {time}, {minutes} after office hours").format(
                time=f"{self.local_end:%H:%M}", minutes=format_duration(self.late_minutes)))
        return f"{self.label}: {'; '.join(parts)}" if parts else ""


@dataclass(frozen=True)
class TimeSlot:
    starts_at: datetime  # UTC
    ends_at: datetime
    sides: tuple[SlotSide, ...]  # the IAD first, then the partners

    @property
    def min_slack(self) -> int:
        return min(side.slack_minutes for side in self.sides)

    @property
    def total_slack(self) -> int:
        return sum(side.slack_minutes for side in self.sides)

    @property
    def outside_minutes(self) -> int:
        return sum(side.outside_minutes for side in self.sides)

    def compromises(self) -> list[str]:
        """What each side would have to accept; empty for a slot inside everybody's office hours."""
        return [text for side in self.sides if (text := side.compromise())]


def _check_inputs(first_day: date, last_day: date, duration_minutes: int, step_minutes: int) -> None:
    if last_day < first_day:
        raise ValidationError("last_day", _("The last day of the range is before the first day."))
    if (last_day - first_day).days >= MAX_RANGE_DAYS:
        raise ValidationError("last_day", _("Search at most a year at a time."))
    if step_minutes not in ALLOWED_STEPS:
        raise ValidationError("step_minutes", _("The step must be one of {steps} minutes.").format(
            steps=", ".join(map(str, ALLOWED_STEPS))))
    if duration_minutes <= 0:
        raise ValidationError("duration_minutes", _("The workshop needs a duration of at least one minute."))


def off_day(side: Side, local_start: datetime) -> bool:
    """A weekend or a public holiday on that side."""
    return local_start.weekday() >= 5 or holiday_name(side.country, local_start.date()) is not None


def find_time_slots(
    *,
    first_day: date,
    last_day: date,
    duration_minutes: int,
    iad: Side,
    partners: Sequence[Side],
    office_hours: OfficeHours,
    step_minutes: int = 30,
    weekdays_only: bool = True,
    limit: int | None = None,
) -> list[TimeSlot]:
    """Every start time (IAD wall clock, `first_day`..`last_day`) that fits everybody, best first.

    `office_hours` apply to every side without hours of its own; `weekdays_only` also
    leaves out each side's public holidays.
    """
    _check_inputs(first_day, last_day, duration_minutes, step_minutes)
    sides = [iad, *partners]
    zones = [zone(side.zone_name, "timezone") for side in sides]
    hours = [side.hours(office_hours) for side in sides]
    length = timedelta(minutes=duration_minutes)
    slots: list[TimeSlot] = []
    day = first_day
    while day <= last_day:
        # Only starts inside the IAD's own office hours can fit; no need to try the others.
        for minute in range(hours[0].start_minute, hours[0].end_minute, step_minutes):
            start = to_utc(day, time(minute // 60, minute % 60), zones[0])
            if start is None:
                continue  # the IAD's clock skips this time (its clocks go forward)
            end = start + length
            fitted: list[SlotSide] = []
            for side, tz, own in zip(sides, zones, hours):
                slack = own.slack(start, end, tz)
                local_start = start.astimezone(tz)
                if slack is None or (weekdays_only and off_day(side, local_start)):
                    break
                fitted.append(SlotSide(side.label, side.zone_name, local_start, end.astimezone(tz), slack))
            else:
                slots.append(TimeSlot(start, end, tuple(fitted)))
        day += timedelta(days=1)
    slots.sort(key=lambda slot: (-slot.min_slack, -slot.total_slack, slot.starts_at))
    return slots[:limit] if limit is not None else slots


def nearest_time_slots(
    *,
    first_day: date,
    last_day: date,
    duration_minutes: int,
    iad: Side,
    partners: Sequence[Side],
    office_hours: OfficeHours,
    step_minutes: int = 30,
    weekdays_only: bool = True,
    limit: int = 20,
) -> list[TimeSlot]:
    """When nothing fits: the starts needing the fewest minutes outside office hours, fewest first.

    Days off (weekends, holidays) stay excluded as in `find_time_slots`; only the
    clock is stretched. Ties go to the fairer split (the smaller stretch on any one
    side), then to the earlier start.
    """
    _check_inputs(first_day, last_day, duration_minutes, step_minutes)
    sides = [iad, *partners]
    zones = [zone(side.zone_name, "timezone") for side in sides]
    hours = [side.hours(office_hours) for side in sides]
    length = timedelta(minutes=duration_minutes)
    slots: list[TimeSlot] = []
    day = first_day
    while day <= last_day:
        for minute in range(0, 24 * 60, step_minutes):
            start = to_utc(day, time(minute // 60, minute % 60), zones[0])
            if start is None:
                continue
            end = start + length
            fitted: list[SlotSide] = []
            for side, tz, own in zip(sides, zones, hours):
                local_start = start.astimezone(tz)
                if weekdays_only and off_day(side, local_start):
                    break
                early, late = own.outside(start, end, tz)
                slack = own.slack(start, end, tz)
                fitted.append(SlotSide(side.label, side.zone_name, local_start, end.astimezone(tz),
                                       slack if slack is not None else -(early + late), early, late))
            else:
                slots.append(TimeSlot(start, end, tuple(fitted)))
        day += timedelta(days=1)
    slots.sort(key=lambda slot: (slot.outside_minutes, max(s.outside_minutes for s in slot.sides), slot.starts_at))
    return slots[:limit]
