"""Reusable field rules for services: time zones, e-mail, date order, ranges."""
from __future__ import annotations

import re
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _
from app.records import Rule, Values

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def current(values: Values, existing: Any, name: str) -> Any:
    """The value a field will have after the change."""
    if name in values:
        return values[name]
    return getattr(existing, name, None) if existing is not None else None


def valid_timezone(name: str) -> bool:
    if not name or name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def timezone_field(field: str, label: str) -> Rule:
    def rule(_session: Session, values: Values, existing: Any) -> None:
        value = current(values, existing, field)
        if field in values and not valid_timezone(str(value or "")):
            raise ValidationError(
                field, _("{label}: '{value}' is not a known time zone (for example Europe/London).").format(
                    label=label, value=value)
            )

    return rule


def email_field(field: str, label: str) -> Rule:
    def rule(_session: Session, values: Values, _existing: Any) -> None:
        value = values.get(field)
        if value and not EMAIL.match(str(value)):
            raise ValidationError(field, _("{label}: '{value}' is not an e-mail address.").format(label=label, value=value))

    return rule


def date_order(first: str, second: str, message: str) -> Rule:
    def rule(_session: Session, values: Values, existing: Any) -> None:
        start: date | None = current(values, existing, first)
        end: date | None = current(values, existing, second)
        if start is not None and end is not None and end < start:
            raise ValidationError(second, message)

    return rule


def int_range(field: str, label: str, low: int, high: int) -> Rule:
    def rule(_session: Session, values: Values, _existing: Any) -> None:
        value = values.get(field)
        if value is not None and not low <= int(value) <= high:
            raise ValidationError(
                field, _("{label} must be between {low} and {high}.").format(label=label, low=low, high=high)
            )

    return rule


def not_blank(field: str, label: str) -> Rule:
    def rule(_session: Session, values: Values, existing: Any) -> None:
        if field in values or existing is None:
            value = current(values, existing, field)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise ValidationError(field, _("{label} is required.").format(label=label))

    return rule
