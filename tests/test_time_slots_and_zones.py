"""Time zones found by city or country in either language; the slot finder's office hours, holidays and nearest slots."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.planning.scheduling import Side, iad_side, load_context, load_plan
from app.planning.time_slots import find_time_slots, nearest_time_slots
from app.planning.zones import OfficeHours
from app.settings import Settings
from app.directory.partners import partners
from ui.planning.time_slot_dialog import TimeSlotDialog
from ui.widgets.record_form import FieldSpec, RecordForm

IAD = iad_side(Settings())
NEW_YORK = Side("Columbia University", "America/New_York", country="US")
LONDON = Side("University of Leeds", "Europe/London", country="GB")


def search(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(first_day=date(2026, 12, 21), last_day=date(2026, 12, 31), duration_minutes=180,
                                  iad=IAD, partners=[NEW_YORK], office_hours=OfficeHours())
    values.update(overrides)
    return values


# ---- the zone picker ---------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["New York", "new york", "纽约", "美国", "America/New_York"])
def test_the_zone_picker_finds_new_york_by_city_country_or_zone(qtbot: QtBot, typed: str) -> None:
    form = RecordForm([FieldSpec("timezone", "Time zone", kind="timezone")])
    qtbot.addWidget(form)
    form.load({"timezone": "Europe/London"})
    box = form.widgets["timezone"]
    assert isinstance(box, QComboBox)
    completer = box.completer()
    assert completer is not None
    completer.setCompletionPrefix(typed)
    matches = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert any(text.startswith("America/New_York") for text in matches), matches
    if typed != "美国":
        box.setEditText(typed)  # typed and not picked from the list
        assert form.values()["timezone"] == "America/New_York"


# ---- the time-slot finder ---------------------------------------------------------------------------
def test_shanghai_and_new_york_share_no_three_hours_so_the_nearest_slots_say_what_each_side_accepts() -> None:
    assert find_time_slots(**search()) == []
    nearest = nearest_time_slots(**search())
    assert nearest and nearest[0].outside_minutes == 120
    assert nearest[0].compromises() == ["IAD: starts 07:00, 1 h before office hours",
                                        "Columbia University: ends 21:00, 1 h after office hours"]
    # Christmas in New York and the weekends stay out, also among the nearest.
    new_york_days = {slot.sides[1].local_start.date() for slot in nearest_time_slots(**search(limit=200))}
    assert date(2026, 12, 25) not in new_york_days and date(2026, 12, 26) not in new_york_days


def test_a_partner_with_longer_office_hours_gets_slots() -> None:
    late = Side("Columbia University", "America/New_York", office_hours=OfficeHours(7 * 60, 22 * 60), country="US")
    found = find_time_slots(**search(partners=[late]))
    assert found and all(slot.sides[1].local_start.hour >= 7 and slot.sides[1].local_end.hour <= 22 for slot in found)
    assert date(2026, 12, 25) not in {slot.sides[1].local_start.date() for slot in found}


def test_public_holidays_on_either_side_are_left_out() -> None:
    found = find_time_slots(**search(first_day=date(2026, 9, 28), last_day=date(2026, 10, 9), partners=[LONDON]))
    shanghai_days = {slot.sides[0].local_start.date() for slot in found}
    assert shanghai_days and not any(date(2026, 10, 1) <= day <= date(2026, 10, 7) for day in shanghai_days)
    british = find_time_slots(**search(first_day=date(2026, 12, 21), last_day=date(2026, 12, 31), partners=[LONDON]))
    london_days = {slot.sides[1].local_start.date() for slot in british}
    assert london_days and date(2026, 12, 25) not in london_days and date(2026, 12, 28) not in london_days


def test_the_dialog_shows_the_nearest_slots_when_nothing_fits(qtbot: QtBot) -> None:
    dialog = TimeSlotDialog(iad=IAD, partners=[NEW_YORK], office_hours=OfficeHours(), duration_minutes=180,
                            first_day=date(2026, 12, 21))
    qtbot.addWidget(dialog)
    assert dialog.showing_nearest() and dialog.use_button.isEnabled()
    model = dialog.model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "What each side accepts"
    assert "Columbia University: ends 21:00, 1 h after office hours" in model.index(0, 3).data()
    assert "CN, US" in dialog.explanation.text()


# ---- a partner's own office hours -----------------------------------------------------------------
def test_a_partners_office_hours_are_checked_and_used(db_session: Session, make_workshop: Any,
                                                       make_partner: Any) -> None:
    actor = Actor("officer")
    partner = make_partner(name="Columbia University", country="United States", timezone="America/New_York")
    with pytest.raises(ValidationError) as refused:
        partners.update(db_session, actor, partner.id, office_hours_start="09:00")
    assert refused.value.field == "office_hours_end"
    with pytest.raises(ValidationError):
        partners.update(db_session, actor, partner.id, office_hours_start="9am", office_hours_end="17:00")
    partners.update(db_session, actor, partner.id, office_hours_start="07:00", office_hours_end="22:00")
    workshop = make_workshop()
    workshop.exchange.partners = [partner]
    db_session.flush()
    side = load_context(db_session, load_plan(db_session, workshop.id)).partners[0]
    assert (side.office_hours, side.country) == (OfficeHours(7 * 60, 22 * 60), "US")
