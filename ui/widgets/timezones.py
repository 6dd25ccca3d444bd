"""IANA time zones with their current UTC offset and their cities, for the searchable zone picker."""
from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from app.planning.places import search_text


def utc_offset_label(name: str, when: datetime | None = None) -> str:
    moment = (when or datetime.now(UTC)).astimezone(ZoneInfo(name))
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=1)
def timezone_choices() -> tuple[tuple[str, str], ...]:
    """("Europe/London", "Europe/London (UTC+00:00) — London 伦敦, … · United Kingdom 英国") for every zone, sorted.

    The cities and countries (English and Chinese) are in the label so that typing
    "New York", "纽约" or "美国" finds the zone.
    """
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/", "posix/",
                                                                                       "right/")))
    choices = []
    for name in names:
        places = search_text(name)
        label = f"{name} ({utc_offset_label(name)})" + (f" — {places}" if places else "")
        choices.append((name, label))
    return tuple(choices)


def find_zone(text: str) -> str | None:
    """The zone a typed text means: a zone name, or the first zone whose label contains it (any case)."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    loose = wanted.replace(" ", "_")
    for name, label in timezone_choices():
        if name.casefold() in (wanted, loose):
            return name
    for name, label in timezone_choices():
        if wanted in label.casefold() or loose in name.casefold():
            return name
    return None
