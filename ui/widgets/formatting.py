"""How values look in lists: enums by label, instants in the IAD's zone, scores."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo


def label(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "label", value))


def day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def instant_in(zone: str) -> Any:
    tz = ZoneInfo(zone)

    def render(value: Any) -> str:
        if not isinstance(value, datetime):
            return ""
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")

    return render


def number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
