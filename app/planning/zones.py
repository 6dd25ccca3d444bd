"""Time-zone arithmetic for planning across zones: offsets, clock changes, office hours.

Pure functions on aware datetimes and IANA zone names (zoneinfo with tzdata), so
the rules, the slot finder, the calendar export and the window all compute the
same local times the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError
from app.i18n import _, moment_with_weekday, short_moment
from app.settings import Settings

MINUTES_PER_DAY = 24 * 60


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone_or_none(name: str) -> ZoneInfo | None:
    """The zone called `name`, or None when the name is not a known IANA zone."""
    if not name:
        return None
    try:
        return _zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone(name: str, field: str = "timezone") -> ZoneInfo:
    """The zone called `name`; a ValidationError naming `field` when it is unknown."""
    found = zone_or_none(name)
    if found is None:
        raise ValidationError(
            field, _("'{name}' is not a known time zone (for example Europe/London).").format(name=name)
        )
    return found


def offset_at(tz: ZoneInfo, instant: datetime) -> timedelta:
    """The zone's UTC offset at an aware instant."""
    offset = instant.astimezone(tz).utcoffset()
    return offset if offset is not None else timedelta(0)


def format_offset(offset: timedelta) -> str:
    """UTC+08:00, UTC-04:00, UTC+05:45."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_hours(offset: timedelta) -> str:
    """A clock difference as people say it: 8 h, 7 h 30 min, -5 h."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    hours, rest = divmod(minutes, 60)
    return sign + format_duration(hours * 60 + rest) if hours or rest else _("{h} h").format(h=0)


def format_duration(minutes: int) -> str:
    """2 h 45 min, 35 min, 3 h."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return _("{h} h {m} min").format(h=hours, m=rest)
    if hours:
        return _("{h} h").format(h=hours)
    return _("{m} min").format(m=rest)


def local(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz)


def format_local(instant: datetime, tz: ZoneInfo, *, with_date: bool = True) -> str:
    """Thu 15 Oct 2026 15:00 (the instant on the zone's wall clock)."""
    moment = instant.astimezone(tz)
    return moment_with_weekday(moment) if with_date else moment.strftime("%H:%M")


def format_span(start: datetime, end: datetime, tz: ZoneInfo) -> str:
    """Thu 15 Oct 2026 15:00–18:00, or with both dates when the span passes midnight there."""
    first = start.astimezone(tz)
    last = end.astimezone(tz)
    if first.date() == last.date():
        return f"{moment_with_weekday(first)}–{last:%H:%M}"
    return f"{moment_with_weekday(first)} – {short_moment(last)}"


def to_utc(day: date, clock: time, tz: ZoneInfo) -> datetime | None:
    """The UTC instant of a wall-clock time in a zone; None when the clock skips that time.

    An ambiguous time (the hour repeated when clocks go back) is taken at its first
    occurrence, as calendar programs do.
    """
    wall = datetime.combine(day, clock.replace(tzinfo=None, fold=0), tzinfo=tz)
    instant = wall.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall.replace(tzinfo=None):
        return None
    return instant


@dataclass(frozen=True)
class ClockChange:
    """A change of a zone's UTC offset, e.g. the start or end of summer time."""

    zone_name: str
    at: datetime  # the UTC instant of the change
    before: timedelta
    after: timedelta

    @property
    def local_before(self) -> datetime:
        """The wall-clock time the change happens at, as read just before it."""
        return (self.at + self.before).replace(tzinfo=None)

    def describe(self) -> str:
        return _("{when} local time, {before} → {after}").format(
            when=moment_with_weekday(self.local_before),
            before=format_offset(self.before), after=format_offset(self.after),
        )


def clock_changes(zone_name: str, start: datetime, end: datetime) -> list[ClockChange]:
    """Every change of the zone's UTC offset in (start, end], to the minute.

    zoneinfo hides its transition table, so this samples the offset hourly (no zone
    changes twice within an hour) and narrows each change down by bisection.
    """
    tz = zone_or_none(zone_name)
    if tz is None or end <= start:
        return []
    changes: list[ClockChange] = []
    step = timedelta(hours=1)
    cursor = start
    before = offset_at(tz, cursor)
    while cursor < end:
        following = min(cursor + step, end)
        after = offset_at(tz, following)
        if after != before:
            low, high = 0, int((following - cursor).total_seconds() // 60) or 1
            while high - low > 1:
                middle = (low + high) // 2
                if offset_at(tz, cursor + timedelta(minutes=middle)) == before:
                    low = middle
                else:
                    high = middle
            moment = cursor + timedelta(minutes=high)
            moment = moment.replace(second=0, microsecond=0)
            changes.append(ClockChange(zone_name, moment.astimezone(UTC), before, after))
            before = after
        cursor = following
    return changes


def local_day_bounds(instant_start: datetime, instant_end: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants of local midnight before `instant_start` and after `instant_end` in the zone."""
    first_day = instant_start.astimezone(tz).date()
    last_day = instant_end.astimezone(tz).date()
    begin = datetime.combine(first_day, time(0), tzinfo=tz).astimezone(UTC)
    finish = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return begin, finish


def parse_clock(text: str, field: str, label: str) -> int:
    """'08:00' -> 480 minutes after midnight; '24:00' is allowed as the end of the day."""
    value = (text or "").strip()
    parts = value.split(":")
    if len(parts) == 2 and all(part.isdigit() for part in parts):
        hours, minutes = int(parts[0]), int(parts[1])
        if (0 <= hours < 24 and 0 <= minutes < 60) or (hours == 24 and minutes == 0):
            return hours * 60 + minutes
    raise ValidationError(field, _("{label}: '{value}' is not a time of day (HH:MM).").format(label=label, value=text))


@dataclass(frozen=True)
class OfficeHours:
    """The working day on every side, in minutes after local midnight."""

    start_minute: int = 8 * 60
    end_minute: int = 20 * 60

    @classmethod
    def from_settings(cls, settings: Settings) -> OfficeHours:
        return cls.parse(settings.office_hours_start, settings.office_hours_end)

    @classmethod
    def parse(cls, start_text: str, end_text: str) -> OfficeHours:
        """From "08:00" and "20:00"; ValidationError on office_hours_start / office_hours_end."""
        start = parse_clock(start_text, "office_hours_start", _("Office hours start"))
        end = parse_clock(end_text, "office_hours_end", _("Office hours end"))
        if end <= start:
            raise ValidationError("office_hours_end", _("Office hours must end after they start."))
        return cls(start, end)

    def outside(self, start: datetime, end: datetime, tz: ZoneInfo) -> tuple[int, int]:
        """Minutes the span starts before office hours and ends after them, on the start's day there."""
        first = start.astimezone(tz)
        last = end.astimezone(tz)
        start_minute = first.hour * 60 + first.minute
        end_minute = (last.date() - first.date()).days * MINUTES_PER_DAY + last.hour * 60 + last.minute
        return max(0, self.start_minute - start_minute), max(0, end_minute - self.end_minute)

    def label(self) -> str:
        return f"{self.start_minute // 60:02d}:{self.start_minute % 60:02d}–{self.end_minute // 60:02d}:{self.end_minute % 60:02d}"

    def slack(self, start: datetime, end: datetime, tz: ZoneInfo) -> int | None:
        """Minutes to spare on the tighter side when [start, end) is inside office hours there, else None.

        The end is measured on the wall clock of the start's day, so a span that
        passes local midnight is outside office hours, whatever the hours say.
        """
        first = start.astimezone(tz)
        last = end.astimezone(tz)
        start_minute = first.hour * 60 + first.minute
        end_minute = (last.date() - first.date()).days * MINUTES_PER_DAY + last.hour * 60 + last.minute
        if last.second or last.microsecond:
            end_minute += 1
        if start_minute < self.start_minute or end_minute > self.end_minute:
            return None
        return min(start_minute - self.start_minute, self.end_minute - end_minute)
