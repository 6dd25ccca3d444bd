"""Exchanges, their workshops and panels, participants and their preparation.

The scheduling rules (times, tracks, double-booking) live in app/planning/scheduling.py;
here are the per-record checks every save must pass.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.records import RecordService, Values
from app.rules import current, int_range, not_blank
from models import Exchange, Panel, PanelSpeaker, Participation, Preparation, Workshop
from models.enums import ExchangeKind


def _rounds_fit_kind(_session: Session, values: Values, existing: Any) -> None:
    kind = current(values, existing, "kind") or ExchangeKind.ONE_OFF
    rounds = current(values, existing, "planned_rounds") or 1
    if kind == ExchangeKind.ONE_OFF and rounds != 1:
        raise ValidationError("planned_rounds", _("A one-off dialogue has exactly one round."))
    if kind == ExchangeKind.MULTI_ROUND and not 2 <= rounds <= 3:
        raise ValidationError("planned_rounds", _("A multi-round dialogue has two or three rounds."))


exchanges = RecordService(Exchange, lazy_text("exchange"), [not_blank("title", lazy_text("Title")), _rounds_fit_kind])
workshops = RecordService(
    Workshop, lazy_text("workshop"),
    [int_range("duration_minutes", lazy_text("Duration (minutes)"), 30, 600), int_range("round_number", lazy_text("Round"), 1, 3)],
)
panels = RecordService(
    Panel, lazy_text("panel"),
    [not_blank("title", lazy_text("Title")), int_range("duration_minutes", lazy_text("Duration (minutes)"), 5, 240)],
)
panel_speakers = RecordService(PanelSpeaker, lazy_text("speaker"))
participations = RecordService(Participation, lazy_text("participant"))
preparations = RecordService(Preparation, lazy_text("preparation"))
