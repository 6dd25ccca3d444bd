"""Settings an officer edits: a bad value names its field."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.preferences import check_settings
from app.settings import Settings


def test_the_defaults_are_valid() -> None:
    check_settings(Settings())


@pytest.mark.parametrize(("change", "field"), [
    ({"iad_timezone": "Asia/Beijing"}, "iad_timezone"),
    ({"office_hours_start": "8am"}, "office_hours_start"),
    ({"office_hours_start": "19:00", "office_hours_end": "09:00"}, "office_hours_end"),
    ({"report_due_days": 0}, "report_due_days"),
    ({"backup_keep": 1000}, "backup_keep"),
    ({"cjk_font_path": "/nowhere/simsun.ttc"}, "cjk_font_path"),
    ({"visit_weights": {"rounds_attended": "two"}}, "visit_weights"),
    ({"agenda_language": "fr"}, "agenda_language"),
])
def test_bad_values_name_their_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_settings(replace(Settings(), **change))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_an_opentype_font_is_refused(tmp_path: Path) -> None:
    font = tmp_path / "NotoSansCJK-Regular.otf"
    font.write_bytes(b"OTTO")
    with pytest.raises(ValidationError, match="TrueType"):
        check_settings(replace(Settings(), cjk_font_path=str(font)))


def test_settings_dialog_saves_checked_values_and_refuses_bad_ones(qtbot: object) -> None:
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    from ui.shell.settings_dialog import SettingsDialog

    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    start = dialog.form.widgets["office_hours_start"]
    assert isinstance(start, QLineEdit)
    start.setText("7 in the morning")
    dialog.save()
    assert "not a time of day" in dialog.form.error_text("office_hours_start")
    assert not Settings.path().exists()
    start.setText("07:30")
    due = dialog.form.widgets["report_due_days"]
    assert isinstance(due, QSpinBox)
    due.setValue(45)
    dialog.save()
    assert dialog.result() == 1
    assert settings.office_hours_start == "07:30" and settings.report_due_days == 45
    stored = Settings.load()
    assert stored.office_hours_start == "07:30" and stored.report_due_days == 45
    assert stored.visit_weights == Settings().visit_weights


def test_document_language_defaults_are_kept_and_chosen_in_the_dialog(qtbot: object) -> None:
    from PySide6.QtWidgets import QComboBox

    from ui.shell.settings_dialog import SettingsDialog

    settings = Settings()
    assert (settings.agenda_language, settings.programme_language, settings.certificate_language) == (
        "en", "both", "both")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    agenda = dialog.form.widgets["agenda_language"]
    assert isinstance(agenda, QComboBox) and agenda.currentData() == "en"
    assert [agenda.itemData(i) for i in range(agenda.count())] == ["en", "zh", "both"]
    agenda.setCurrentIndex(agenda.findData("zh"))
    dialog.save()
    assert dialog.result() == 1
    assert settings.agenda_language == "zh" and Settings.load().agenda_language == "zh"
    assert Settings.load().certificate_language == "both"


def test_a_hand_edited_document_language_falls_back_to_english() -> None:
    settings = replace(Settings(), programme_language="zh", certificate_language="klingon")
    assert settings.document_language("programme") == "zh"
    assert settings.document_language("certificate") == "en"
