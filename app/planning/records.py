"""Exchanges, their workshops and panels, participants and their preparation.

The scheduling rules (times, tracks, double-booking) live in app/planning/scheduling.py;
here are the per-record checks every save must pass.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.actor import Actor
from app.settings import Settings

from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.records import RecordService, Values
from app.rules import current, int_range, not_blank
from models import Exchange, Panel, PanelSpeaker, Participation, Person, Preparation, Workshop
from models.enums import ExchangeKind, UserRole, WorkshopStatus


def _rounds_fit_kind(_session: Session, values: Values, existing: Any) -> None:
    kind = current(values, existing, "kind") or ExchangeKind.ONE_OFF
    rounds = current(values, existing, "planned_rounds") or 1
    if kind == ExchangeKind.ONE_OFF and rounds != 1:
        raise ValidationError("planned_rounds", _("A one-off dialogue has exactly one round."))
    if kind == ExchangeKind.MULTI_ROUND and not 2 <= rounds <= 3:
        raise ValidationError("planned_rounds", _("A multi-round dialogue has two or three rounds."))


exchanges = RecordService(Exchange, lazy_text("exchange"), [not_blank("title", lazy_text("Title")), _rounds_fit_kind])
panels = RecordService(
    Panel, lazy_text("panel"),
    [not_blank("title", lazy_text("Title")), int_range("duration_minutes", lazy_text("Duration (minutes)"), 5, 240)],
)
panel_speakers = RecordService(PanelSpeaker, lazy_text("speaker"))


def _on_the_exchange_already(session: Session, values: Values) -> str:
    person = session.get(Person, values.get("person_id"))
    name = person.name_en if person is not None else _("This person")
    return _("{person} takes part in this exchange already.").format(person=name)


participations = RecordService(Participation, lazy_text("participant"), duplicate=_on_the_exchange_already)
preparations = RecordService(Preparation, lazy_text("preparation"))


class WorkshopService(RecordService[Workshop]):
    """Workshops: a workshop moved to another time takes its panels along, at the same offsets."""

    def update(self, session: Session, actor: Actor, record_id: int, *, expected_version: int | None = None,
               move_panels: bool = True, rules_checked: bool = False, settings: Settings | None = None,
               **values: Any) -> Workshop:
        """`move_panels=False` when the caller writes the panels' own times (the planner).

        Setting the status to confirmed is refused (ValidationError on 'status', nothing
        written) while the scheduling rules report an error, unless the caller has just
        checked them (`rules_checked`).
        """
        actor.require(UserRole.OFFICER, _("change a {label}").format(label=self.label))
        before: datetime | None = None
        stored = self.get(session, record_id)
        if move_panels and "starts_at" in values:
            before = stored.starts_at
        if values.get("status") == WorkshopStatus.CONFIRMED and stored.status != WorkshopStatus.CONFIRMED \
                and not rules_checked:
            self._refuse_confirming_with_errors(session, stored, values, move_panels, settings)
        workshop = super().update(session, actor, record_id, expected_version=expected_version, **values)
        if before is not None and workshop.starts_at != before:
            shift = workshop.starts_at - before
            for panel in list(workshop.panels):
                panels.update(session, actor, panel.id, starts_at=panel.starts_at + shift)
        return workshop

    def _refuse_confirming_with_errors(self, session: Session, stored: Workshop, values: Values,
                                       move_panels: bool, settings: Settings | None) -> None:
        # The rules build on these records; imported here so the records stay importable alone.
        from app.planning.scheduling import blocking_error, check_draft, plan_from_workshop

        plan = plan_from_workshop(stored)
        cleaned = self.validate(session, values, stored)
        shift = cleaned["starts_at"] - stored.starts_at if move_panels and "starts_at" in cleaned else None
        for name, value in cleaned.items():
            if hasattr(plan, name) and name not in ("id", "version", "panels"):
                setattr(plan, name, value)
        if shift:
            for panel in plan.panels:
                panel.starts_at += shift
        refusal = blocking_error(check_draft(session, plan, settings))
        if refusal is not None:
            raise refusal


workshops = WorkshopService(
    Workshop, lazy_text("workshop"),
    [int_range("duration_minutes", lazy_text("Duration (minutes)"), 30, 600), int_range("round_number", lazy_text("Round"), 1, 3)],
)
