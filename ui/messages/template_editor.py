"""The message templates: each kind in Chinese and English, with the placeholders it can fill.

A template with a placeholder its kind cannot fill, or a brace without its pair, is
refused when saved with a message under the field; nothing is stored until it is right.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.errors import AppError, ValidationError
from app.messages import templates as t
from app.storage.database import Database
from ui.widgets.field_errors import FieldErrors
from ui.widgets.screen_fit import fit_to_screen


class TemplateEditor(QDialog):
    """`TemplateEditor(database, actor, kind=..., language=...)`; `saved` tells whether anything was stored."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None, *,
                 kind: str = t.CALL_FOR_TOPICS, language: str = "zh") -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.saved = False
        self._loaded: tuple[str, str] = ("", "")
        self.setObjectName("template_editor")
        self.setWindowTitle(self.tr("Message templates"))

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for name in t.KINDS:
            self.kind.addItem(t.kind_label(name), name)
        self.language = QComboBox()
        self.language.setObjectName("template_language")
        for name in t.LANGUAGES:
            self.language.addItem(t.language_label(name), name)
        self.origin = QLabel()
        self.origin.setObjectName("origin")
        self.subject = QLineEdit()
        self.subject.setObjectName("template_subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("template_body")
        self.placeholders = QListWidget()
        self.placeholders.setObjectName("placeholders")
        self.placeholders.setToolTip(self.tr("Double-click to insert at the cursor"))
        self.placeholders.itemDoubleClicked.connect(lambda item: self.body.insertPlainText(item.text()))
        self.placeholders.setMaximumWidth(220)
        self.errors = FieldErrors()

        form = QFormLayout()
        choose = QHBoxLayout()
        choose.addWidget(self.kind, 1)
        choose.addWidget(self.language)
        form.addRow(self.tr("Message:"), choose)
        form.addRow("", self.origin)
        self.errors.add_row(form, self.tr("Subject:"), self.subject, "subject")
        middle = QHBoxLayout()
        middle.addWidget(self.body, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Placeholders:")))
        side.addWidget(self.placeholders, 1)
        middle.addLayout(side)
        form.addRow(self.tr("Text:"), middle)
        form.addRow("", self.errors.add("body"))
        form.addRow("", self.errors.add(""))

        self.reset_button = QPushButton(self.tr("&Back to the built-in text"))
        self.reset_button.setObjectName("reset_template")
        self.reset_button.clicked.connect(self.reset)
        save = QPushButton(self.tr("&Save"))
        save.setObjectName("save_template")
        save.setDefault(True)
        save.setShortcut("Ctrl+S")
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 960, 600)

        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.kind.currentIndexChanged.connect(self._switch)
        self.language.currentIndexChanged.connect(self._switch)
        self._current = (kind, language)
        self.load()

    def load(self) -> None:
        kind, language = self.kind.currentData(), self.language.currentData()
        with self.database.sessions() as session:
            template = t.get_template(session, kind, language)
        self._current = (kind, language)
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self._loaded = (template.subject, template.body)
        self.origin.setText(self.tr("Your office's wording") if template.custom else self.tr("Built-in wording"))
        self.reset_button.setEnabled(template.custom)
        self.placeholders.clear()
        self.placeholders.addItems(["{" + name + "}" for name in t.PLACEHOLDERS[kind]])
        self.errors.hide_all()

    def is_dirty(self) -> bool:
        return (self.subject.text(), self.body.toPlainText()) != self._loaded

    def _switch(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("Save the changes to this template?"),
                                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                          | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self._save(*self._current)):
                self._select(*self._current)
                return
        self.load()

    def _select(self, kind: str, language: str) -> None:
        for box, value in ((self.kind, kind), (self.language, language)):
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(value))
            box.blockSignals(False)

    def save(self) -> bool:
        return self._save(self.kind.currentData(), self.language.currentData())

    def _save(self, kind: str, language: str) -> bool:
        self.errors.hide_all()
        try:
            with self.database.transaction() as session:
                t.save_template(session, self.actor, kind, language, self.subject.text().strip(),
                                self.body.toPlainText())
        except ValidationError as error:
            self.errors.show(error.field, error.message)
            return False
        except AppError as error:
            self.errors.show("", str(error))
            return False
        self.saved = True
        self._loaded = (self.subject.text().strip(), self.body.toPlainText())
        self.origin.setText(self.tr("Your office's wording (saved)"))
        self.reset_button.setEnabled(True)
        return True

    def reset(self) -> None:
        if QMessageBox.question(self, self.windowTitle(), self.tr(
                "Replace your office's wording of this message with the built-in text?")) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.database.transaction() as session:
                t.reset_template(session, self.actor, self.kind.currentData(), self.language.currentData())
        except AppError as error:
            self.errors.show("", str(error))
            return
        self.saved = True
        self.load()

    def reject(self) -> None:
        self.accept()

    def accept(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("Save the changes to this template?"),
                                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                          | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                return
        super().accept()


