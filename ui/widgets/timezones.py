"""IANA time zones with their current UTC offset, for the searchable zone picker."""
from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


def utc_offset_label(name: str, when: datetime | None = None) -> str:
    moment = (when or datetime.now(UTC)).astimezone(ZoneInfo(name))
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=1)
def timezone_choices() -> tuple[tuple[str, str], ...]:
    """("Europe/London", "Europe/London (UTC+00:00)") for every zone people use, sorted."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/", "posix/",
                                                                                       "right/")))
    return tuple((name, f"{name} ({utc_offset_label(name)})") for name in names)
