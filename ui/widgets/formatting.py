"""How values look in lists: enums by label, dates in the interface language, instants in the IAD's zone."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.i18n import list_date, list_moment


def label(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "label", value))


def day(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return list_date(value) if isinstance(value, date) else ""


def instant_in(zone: str) -> Any:
    tz = ZoneInfo(zone)

    def render(value: Any) -> str:
        if not isinstance(value, datetime):
            return ""
        return list_moment(value.astimezone(tz))

    return render


def number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
