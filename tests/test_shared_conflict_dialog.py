"""The conflict dialog: both versions per field, choices per field, nothing typed lost."""
from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from app.actor import Actor
from app.storage.database import open_database
from app.errors import ConflictError
from app.planning.records import workshops
from models.enums import UserRole
from tests.test_shared_conflicts import LABELS, seed_workshop
from ui.widgets.conflict_dialog import MERGE, MINE, THEIRS, ConflictDialog, revive


def make_error() -> ConflictError:
    return ConflictError(
        label="workshop", record_id=7,
        mine={"platform": "Tencent Meeting", "minutes": "We agreed on a second round.", "duration_minutes": 180},
        theirs={"id": 7, "version": 4, "platform": "Zoom", "minutes": "Partner proposed March.",
                "duration_minutes": 180, "starts_at": "2026-10-15T07:00:00+00:00", "link": "https://zoom.example/j/1"},
        their_version=4,
    )


def dialog_for(qtbot: QtBot, error: ConflictError, **kwargs: object) -> ConflictDialog:
    dialog = ConflictDialog(error, LABELS, None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_radio(qtbot: QtBot, dialog: ConflictDialog, name: str) -> None:
    button = dialog.findChild(QRadioButton, name)
    assert button is not None, name
    # A radio button reacts to clicks on its circle and text, not on the empty rest of its row.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_both_versions_are_shown_side_by_side_and_differences_highlighted(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_error())
    assert dialog.findChild(QLabel, "mine_platform").text() == "Tencent Meeting"
    assert dialog.findChild(QLabel, "theirs_platform").text() == "Zoom"
    assert dialog.findChild(QLabel, "mine_platform").property("differs") is True
    assert dialog.findChild(QLabel, "mine_duration_minutes").property("differs") is False
    assert dialog.findChild(QLabel, "same_duration_minutes") is not None
    assert dialog.differing_fields() == ["platform", "minutes"]
    assert "version 4" in dialog.findChild(QLabel, "conflict_heading").text()


def test_default_keeps_what_the_officer_typed(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_error())
    assert dialog.choice("platform") == MINE and dialog.choice("minutes") == MINE
    assert dialog.values_to_save() == {"platform": "Tencent Meeting", "minutes": "We agreed on a second round."}


def test_choose_per_field_and_merge_text(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_error())
    click_radio(qtbot, dialog, "choose_theirs_platform")
    click_radio(qtbot, dialog, "choose_merge_minutes")
    editor = dialog.findChild(QPlainTextEdit, "merge_minutes")
    assert editor.isVisible()
    assert editor.toPlainText() == "We agreed on a second round.\nPartner proposed March."
    editor.setPlainText("Second round in March, as both sides agreed.")
    assert dialog.findChild(QLabel, "theirs_platform").property("chosen") is True

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    merged = dialog.merged_values()
    assert merged["platform"] == "Zoom"
    assert merged["minutes"] == "Second round in March, as both sides agreed."
    # Fields the officer did not touch come back as stored, as objects a form can show.
    assert merged["starts_at"] == datetime(2026, 10, 15, 7, 0, tzinfo=UTC)
    assert merged["link"] == "https://zoom.example/j/1"
    assert dialog.values_to_save() == {"minutes": "Second round in March, as both sides agreed."}
    assert dialog.expected_version == 4


def test_all_mine_and_all_theirs(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_error())
    qtbot.mouseClick(dialog.findChild(type(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)), "all_theirs"),
                     Qt.MouseButton.LeftButton)
    assert dialog.values_to_save() == {}
    dialog.choose_all(MINE)
    assert set(dialog.values_to_save()) == {"platform", "minutes"}


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    error = make_error()
    before = copy.deepcopy(error.mine)
    dialog = dialog_for(qtbot, error)
    dialog.choose("platform", THEIRS)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert error.mine == before  # what the officer typed is still all there for the form


def test_fields_only_the_other_officer_changed_are_shown_when_the_original_is_known(qtbot: QtBot) -> None:
    error = make_error()
    original = {"platform": "Zoom", "minutes": "", "starts_at": "2026-10-16T07:00:00+00:00",
                "link": "https://zoom.example/j/1", "duration_minutes": 180}
    dialog = dialog_for(qtbot, error, original=original, changed_by="li.wei", display_zone="Asia/Shanghai")
    assert "starts_at" in dialog.differing_fields()
    assert dialog.choice("starts_at") == THEIRS  # their change, untouched by us: kept
    assert dialog.findChild(QLabel, "theirs_starts_at").text().startswith("2026-10-15 15:00")
    assert "li.wei" in dialog.findChild(QLabel, "conflict_heading").text()
    assert "starts_at" not in dialog.values_to_save()


def test_merge_is_offered_only_for_text(qtbot: QtBot) -> None:
    error = make_error()
    error.mine["duration_minutes"] = 150
    dialog = dialog_for(qtbot, error)
    assert dialog.findChild(QRadioButton, "choose_merge_duration_minutes") is None
    with pytest.raises(ValueError):
        dialog.choose("duration_minutes", MERGE)


def test_revive_undoes_plain_values_only() -> None:
    assert revive("2026-10-15T07:00:00+00:00") == datetime(2026, 10, 15, 7, tzinfo=UTC)
    assert revive("Room 2026-10-15 at noon") == "Room 2026-10-15 at noon"
    assert revive(3) == 3 and revive(None) is None


def test_a_real_conflict_resolved_in_the_dialog_saves_both_officers_work(qtbot: QtBot, tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'iad.sqlite3'}", backup_dir=tmp_path / "backups")
    officer_a, officer_b = Actor("wang.fang", UserRole.OFFICER), Actor("li.wei", UserRole.OFFICER)
    workshop_id = seed_workshop(database)
    with database.transaction() as session:
        workshops.update(session, officer_b, workshop_id, expected_version=1, platform="Tencent Meeting",
                         minutes="B: partner asked for slides")
    with pytest.raises(ConflictError) as caught, database.transaction() as session:
        workshops.update(session, officer_a, workshop_id, expected_version=1, platform="Zoom Webinar",
                         minutes="A: agenda agreed")

    dialog = dialog_for(qtbot, caught.value)
    dialog.choose("platform", THEIRS)
    dialog.choose("minutes", MERGE)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with database.transaction() as session:
        workshops.update(session, officer_a, workshop_id, expected_version=dialog.expected_version,
                         **dialog.values_to_save())
    with database.sessions() as session:
        stored = workshops.get(session, workshop_id)
        assert stored.platform == "Tencent Meeting"
        assert stored.minutes == "A: agenda agreed\nB: partner asked for slides"
        assert stored.version == 3
    database.close()
