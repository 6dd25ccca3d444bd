"""Choosing the language a printed document is in: English, Chinese, or both.

The export of an agenda, programme or certificate asks it (the document's default
from Settings is preselected), and Settings holds each document's default.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.settings import DOCUMENT_LANGUAGES
from ui.widgets.translation import tr


def language_choices() -> list[tuple[str, str]]:
    """(value, label) for each document language, in the order of DOCUMENT_LANGUAGES."""
    labels = {"en": tr("English"), "zh": tr("Chinese"), "both": tr("English and Chinese")}
    return [(value, labels[value]) for value in DOCUMENT_LANGUAGES]


class LanguageDialog(QDialog):
    """Asks in which language to print one document; Enter accepts the preselected default."""

    def __init__(self, document: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(document)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Print the document in:")))
        for value, label in language_choices():
            button = QRadioButton(label)
            button.setObjectName(f"language_{value}")
            button.setProperty("language", value)
            button.setChecked(value == default)
            self.group.addButton(button)
            layout.addWidget(button)
        if self.group.checkedButton() is None:
            self.group.buttons()[0].setChecked(True)
        note = QLabel(self.tr("The default for each document is set in Edit → Settings."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b6573;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(340)

    def language(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("language")) if checked is not None else DOCUMENT_LANGUAGES[0]

    def set_language(self, value: str) -> None:
        for button in self.group.buttons():
            button.setChecked(button.property("language") == value)
