"""Edit → Settings…: the interface language, the IAD's time zone, office hours, report and backup rules,
the language each document is printed in, PDF font, visit weights."""
from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.i18n import resolve_language
from app.preferences import WHOLE_NUMBERS, check_settings
from app.settings import DOCUMENT_LANGUAGE_SETTINGS, Settings
from app.evaluation.visit_ranking import WEIGHT_KEYS, part_label
from ui.documents.document_language import language_choices
from ui.widgets.record_form import FieldSpec, RecordForm
from ui.widgets.screen_fit import fit_to_screen

WEIGHT_PREFIX = "weight_"
# The languages are named in their own script, so a reader of either finds theirs.
LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))


class SettingsDialog(QDialog):
    """Shows a copy of the settings; OK checks and saves them, then updates `settings` in place."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        specs = [
            FieldSpec("iad_timezone", self.tr("IAD time zone"), kind="timezone",
                      tooltip=self.tr("Times are entered and shown in this zone, beside each partner's own")),
            FieldSpec("office_hours_start", self.tr("Office hours start"), placeholder="08:00"),
            FieldSpec("office_hours_end", self.tr("Office hours end"), placeholder="20:00",
                      tooltip=self.tr("Workshops outside these hours on any side are flagged; the time-slot "
                                      "finder keeps inside them")),
        ]
        specs += [FieldSpec(name, str(label), kind="int", minimum=low, maximum=high)
                  for name, (label, low, high) in WHOLE_NUMBERS.items()]
        document_names = {"agenda": self.tr("Agenda language"), "programme": self.tr("Programme language"),
                          "certificate": self.tr("Certificate language")}
        specs += [FieldSpec(setting, document_names[document], kind="choice", choices=language_choices,
                            tooltip=self.tr("The language this document is printed in unless you choose another "
                                            "when exporting it"))
                  for document, setting in DOCUMENT_LANGUAGE_SETTINGS.items()]
        specs.append(FieldSpec("cjk_font_path", self.tr("Chinese font for PDF"),
                               placeholder=self.tr("found automatically (a .ttf or .ttc file)")))
        specs += [FieldSpec(WEIGHT_PREFIX + key, self.tr("Visit weight: {part}").replace("{part}", part_label(key)),
                            kind="float", minimum=-100, maximum=100) for key in WEIGHT_KEYS]
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("As the system (%1)").replace("%1", self._system_language_name()), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        language_note = QLabel(self.tr("A new language takes effect when the program is started again."))
        language_note.setWordWrap(True)
        language_row = QFormLayout()
        language_row.addRow(self.tr("&Language"), self.language)
        language_row.addRow("", language_note)
        self.form = RecordForm(specs, settings.iad_timezone)
        self.form.load(self._form_values(settings))
        font_line = self.form.widgets["cjk_font_path"]
        assert isinstance(font_line, QLineEdit)
        browse = QPushButton(self.tr("Choose the Chinese font file…"))
        browse.clicked.connect(self.choose_font)
        font_row = QHBoxLayout()
        font_row.addStretch(1)
        font_row.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        note = QLabel(self.tr("A new IAD time zone shows in every list after the program is restarted. "
                              "Settings are kept for your user account on this computer."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # The fields scroll on a small screen; the message and the buttons stay in view.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(language_row)
        fields_layout.addWidget(self.form)
        fields_layout.addLayout(font_row)
        fields_layout.addWidget(note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 640)

    @staticmethod
    def _system_language_name() -> str:
        system = resolve_language("")
        return dict(LANGUAGE_NAMES).get(system, system)

    @staticmethod
    def _form_values(settings: Settings) -> dict[str, Any]:
        values: dict[str, Any] = {f.name: getattr(settings, f.name) for f in fields(settings)}
        for key in WEIGHT_KEYS:
            values[WEIGHT_PREFIX + key] = float(settings.visit_weights.get(key, 0.0))
        return values

    def choose_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Chinese font for PDF"), "",
                                                    self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            line = self.form.widgets["cjk_font_path"]
            assert isinstance(line, QLineEdit)
            line.setText(path)

    def edited(self) -> Settings:
        values = self.form.values()
        weights = {key: float(values.pop(WEIGHT_PREFIX + key)) for key in WEIGHT_KEYS}
        known = {f.name for f in fields(Settings)}
        return replace(self.settings, visit_weights=weights, language=str(self.language.currentData()),
                       **{name: value for name, value in values.items() if name in known})

    def save(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        candidate = self.edited()
        try:
            check_settings(candidate)
        except ValidationError as error:
            field = WEIGHT_PREFIX + WEIGHT_KEYS[0] if error.field == "visit_weights" else error.field
            if not self.form.show_error(field, error.message):
                self.message.setText(error.message)
            return
        try:
            candidate.save()
        except OSError as error:
            self.message.setText(self.tr("The settings could not be saved: {error}").replace("{error}", str(error)))
            return
        for f in fields(Settings):
            setattr(self.settings, f.name, getattr(candidate, f.name))
        self.accept()
