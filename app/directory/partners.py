"""Partner universities and their contacts."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.records import RecordService, Values
from app.rules import current, email_field, not_blank, timezone_field
from models import Partner, PartnerContact

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$|^24:00$")


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _office_hours(_session: Session, values: Values, existing: Any) -> None:
    """Both ends of a partner's own office hours, or neither (then the settings' hours apply)."""
    start = (current(values, existing, "office_hours_start") or "").strip()
    end = (current(values, existing, "office_hours_end") or "").strip()
    for field, text, label in (("office_hours_start", start, _("Office hours start")),
                               ("office_hours_end", end, _("Office hours end"))):
        if text and not _CLOCK.match(text):
            raise ValidationError(field, _("{label}: '{value}' is not a time of day (HH:MM).").format(
                label=label, value=text))
    if bool(start) != bool(end):
        raise ValidationError("office_hours_end" if start else "office_hours_start", _(
            "Give both the start and the end of the partner's office hours, or neither (then Settings apply)."))
    if start and _minutes(end) <= _minutes(start):
        raise ValidationError("office_hours_end", _("Office hours must end after they start."))


partners = RecordService(
    Partner, lazy_text("partner university"),
    [
        not_blank("name", lazy_text("Name")),
        not_blank("country", lazy_text("Country")),
        timezone_field("timezone", lazy_text("Time zone")),
        _office_hours,
    ],
)
partner_contacts = RecordService(
    PartnerContact, lazy_text("partner contact"), [not_blank("name", lazy_text("Name")), email_field("email", lazy_text("E-mail"))]
)
