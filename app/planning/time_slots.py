"""The time-slot finder: start times at which a whole workshop fits everybody's office hours.

Start times are tried on the IAD's wall clock in 15- or 30-minute steps over a date
range; a slot is kept when the workshop, start to end, lies inside office hours on
every side (the IAD and each partner, each on its own clock and date) and, by
default, on a weekday everywhere. Slots are ranked best first: the most minutes to
spare on the tightest side (the most central in everyone's day), then the most
minutes to spare in total, then the earliest.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.errors import ValidationError
from app.i18n import _
from app.planning.scheduling import Side
from app.planning.zones import OfficeHours, to_utc, zone

ALLOWED_STEPS = (5, 10, 15, 20, 30, 60)
MAX_RANGE_DAYS = 366


@dataclass(frozen=True)
class SlotSide:
    label: str
    zone_name: str
    local_start: datetime
    local_end: datetime
    slack_minutes: int  # minutes to spare before office hours end or after they start, the smaller


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
    """Every start time (IAD wall clock, `first_day`..`last_day`) that fits everybody, best first."""
    if last_day < first_day:
        raise ValidationError("last_day", _("The last day of the range is before the first day."))
    if (last_day - first_day).days >= MAX_RANGE_DAYS:
        raise ValidationError("last_day", _("Search at most a year at a time."))
    if step_minutes not in ALLOWED_STEPS:
        raise ValidationError("step_minutes", _("The step must be one of {steps} minutes.").format(
            steps=", ".join(map(str, ALLOWED_STEPS))))
    if duration_minutes <= 0:
        raise ValidationError("duration_minutes", _("The workshop needs a duration of at least one minute."))
    sides = [iad, *partners]
    zones = [zone(side.zone_name, "timezone") for side in sides]
    length = timedelta(minutes=duration_minutes)
    slots: list[TimeSlot] = []
    day = first_day
    while day <= last_day:
        # Only starts inside the IAD's own office hours can fit; no need to try the others.
        for minute in range(office_hours.start_minute, office_hours.end_minute, step_minutes):
            start = to_utc(day, time(minute // 60, minute % 60), zones[0])
            if start is None:
                continue  # the IAD's clock skips this time (its clocks go forward)
            end = start + length
            fitted: list[SlotSide] = []
            for side, tz in zip(sides, zones):
                slack = office_hours.slack(start, end, tz)
                local_start = start.astimezone(tz)
                if slack is None or (weekdays_only and local_start.weekday() >= 5):
                    break
                fitted.append(SlotSide(side.label, side.zone_name, local_start, end.astimezone(tz), slack))
            else:
                slots.append(TimeSlot(start, end, tuple(fitted)))
        day += timedelta(days=1)
    slots.sort(key=lambda slot: (-slot.min_slack, -slot.total_slack, slot.starts_at))
    return slots[:limit] if limit is not None else slots
