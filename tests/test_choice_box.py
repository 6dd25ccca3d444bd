"""The record pickers take tens of thousands of choices at once and answer as a drop-down does."""
from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.widgets.choice_box import ChoiceBox
from ui.widgets.record_form import FieldSpec, RecordForm


def test_a_box_of_fifty_thousand_choices_finds_and_gives_the_value_shown(qtbot: QtBot) -> None:
    box = ChoiceBox()
    qtbot.addWidget(box)
    box.set_choices([(None, "—"), *((n, f"Participant {n} — Exchange {n % 97}") for n in range(1, 50_001))])
    assert box.count() == 50_001
    row = box.findData(31_337)
    box.setCurrentIndex(row)
    assert (box.currentText(), box.currentData()) == ("Participant 31337 — Exchange 6", 31_337)
    assert box.findData(None) == 0 and box.findData(99_999) == -1
    box.add_choice(99_999, "Old participant (retired)")
    assert box.findData(99_999) == 50_001 and box.itemText(50_001) == "Old participant (retired)"
    box.set_choices([(7, "Seven")])
    assert (box.count(), box.findData(31_337), box.itemData(0), box.itemData(5)) == (1, -1, 7, None)


def test_a_form_shows_and_returns_a_record_among_many_choices(qtbot: QtBot) -> None:
    people = [(n, f"Person {n}") for n in range(1, 20_001)]
    form = RecordForm([FieldSpec("person_id", "Person", kind="choice", choices=lambda: people)])
    qtbot.addWidget(form)
    form.load({"person_id": 12_345})
    box = form.widgets["person_id"]
    assert isinstance(box, ChoiceBox)
    assert (box.currentText(), form.values()) == ("Person 12345", {"person_id": 12_345})
    box.setCurrentIndex(box.findData(42))
    assert form.changed_values() == {"person_id": 42} and form.dirty
