"""Each side of a call and how a span of time reads on its clock, with what an officer should notice."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.errors import ValidationError
from app.i18n import _
from app.planning.public_holidays import holiday_name
from app.settings import Settings
from app.planning.zones import (
    OfficeHours,
    clock_changes,
    format_offset,
    format_span,
    local_day_bounds,
    offset_at,
    zone_or_none,
)


@dataclass(frozen=True)
class Side:
    """One side of the call: the IAD or a partner, and its zone."""

    label: str
    zone_name: str
    is_partner: bool = True
    office_hours: OfficeHours | None = None  # its own working day; None: the office hours in the settings
    country: str = ""  # ISO code for its public holidays; empty: none known

    def hours(self, default: OfficeHours) -> OfficeHours:
        return self.office_hours or default


@dataclass(frozen=True)
class LocalTime:
    side: Side
    span: str  # "Tue 24 Mar 2026 12:00–14:50"
    offset: str  # "UTC+11:00"
    notes: tuple[str, ...]  # short remarks: office hours, weekend, clock changes
    known_zone: bool = True

    @property
    def has_notes(self) -> bool:
        return bool(self.notes)


def local_times(start: datetime, duration_minutes: int, sides: Sequence[Side], settings: Settings | None = None,
                now: datetime | None = None) -> list[LocalTime]:
    """How the span reads on each side's clock, with what an officer should notice about it."""
    settings = settings or Settings()
    now = now or datetime.now(UTC)
    try:
        hours: OfficeHours | None = OfficeHours.from_settings(settings)
    except ValidationError:
        hours = None  # a bad setting is reported by the check; the times are still worth showing
    end = start + timedelta(minutes=duration_minutes)
    result: list[LocalTime] = []
    for side in sides:
        tz = zone_or_none(side.zone_name)
        if tz is None:
            result.append(LocalTime(side, "", "", (_("unknown time zone '{zone}'").format(zone=side.zone_name),),
                                    known_zone=False))
            continue
        notes: list[str] = []
        own = side.hours(hours) if hours is not None else side.office_hours
        if own is not None and own.slack(start, end, tz) is None:
            notes.append(_("outside office hours ({hours})").format(hours=own.label()))
        holiday = holiday_name(side.country, start.astimezone(tz).date())
        if holiday:
            notes.append(_("a public holiday: {name}").format(name=holiday))
        if start.astimezone(tz).weekday() >= 5:
            notes.append(_("on a {day}").format(day=start.astimezone(tz).strftime("%A")))
        during = clock_changes(side.zone_name, start, end)
        if during:
            notes.append(_("clocks change during the workshop: {change}").format(change=during[0].describe()))
        else:
            same_day = clock_changes(side.zone_name, *local_day_bounds(start, end, tz))
            if same_day:
                notes.append(_("clocks change that day: {change}").format(change=same_day[0].describe()))
        if side.is_partner and start > now and offset_at(tz, start) != offset_at(tz, now):
            notes.append(_("{then} on that date, {today} today").format(
                then=format_offset(offset_at(tz, start)), today=format_offset(offset_at(tz, now))))
        result.append(LocalTime(side, format_span(start, end, tz), format_offset(offset_at(tz, start)), tuple(notes)))
    return result
