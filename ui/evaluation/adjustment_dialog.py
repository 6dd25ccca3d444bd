"""Adjust a candidate's visit priority score: a number and the written reason it needs.

The adjustment is added to the computed score; the reason, the officer and the time
are recorded on the row and in the audit log. An empty reason is refused next to
the field and the dialog stays open.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ValidationError
from app.evaluation.records import visit_priorities
from app.evaluation.visit_ranking import ADJUSTMENT_LIMIT, adjust
from ui.widgets.field_errors import FieldErrors
from ui.widgets.screen_fit import fit_to_screen


class AdjustmentDialog(QDialog):
    """`AdjustmentDialog(database, actor, priority_id)`; accepted once the adjustment is saved."""

    def __init__(self, database: Database, actor: Actor, priority_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.priority_id = priority_id
        self.setWindowTitle(self.tr("Adjust visit priority"))
        self.setObjectName("adjustment_dialog")
        with database.sessions() as session:
            row = visit_priorities.get(session, priority_id)
            self.version = row.version
            self.computed = row.computed_score
            person = row.person.display_name
            partner = row.partner.name
            current, reason, by = row.adjustment, row.adjustment_reason, row.adjusted_by

        self.heading = QLabel(self.tr("{person} — visit to {partner}").replace("{person}", person).replace(
            "{partner}", partner))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names are user text, never markup
        self.adjustment = QDoubleSpinBox()
        self.adjustment.setObjectName("adjustment")
        self.adjustment.setRange(-ADJUSTMENT_LIMIT, ADJUSTMENT_LIMIT)
        self.adjustment.setDecimals(2)
        self.adjustment.setSingleStep(0.5)
        self.adjustment.setValue(current)
        self.adjustment.valueChanged.connect(self._update_preview)
        self.reason = QPlainTextEdit(reason)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why this candidate should rank higher or lower (required)"))
        self.reason.setTabChangesFocus(True)
        self.preview = QLabel()
        self.previous = QLabel(
            self.tr("Last adjusted by {who}.").replace("{who}", by) if by else self.tr("Not adjusted before."))
        self.previous.setStyleSheet("color: #555555;")
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(self.tr("Computed score"), QLabel(f"{self.computed:.2f}"))
        self.errors.add_row(form, self.tr("&Adjustment"), self.adjustment, "adjustment")
        self.errors.add_row(form, self.tr("&Reason"), self.reason, "adjustment_reason")
        form.addRow(self.tr("Final score"), self.preview)
        self.general_error = self.errors.add("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.previous)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._update_preview()
        fit_to_screen(self, 460, 340)

    def _update_preview(self) -> None:
        value = self.adjustment.value()
        self.preview.setText(f"{self.computed:.2f} {'+' if value >= 0 else '−'} {abs(value):.2f} = "
                             f"{self.computed + value:.2f}")

    def show_error(self, field: str, message: str) -> None:
        self.errors.show(field, message)
        if field == "adjustment_reason":
            self.reason.setFocus()
        elif field == "adjustment":
            self.adjustment.setFocus()

    def save(self) -> None:
        try:
            with self.database.transaction() as session:
                adjust(session, self.actor, self.priority_id, self.adjustment.value(), self.reason.toPlainText(),
                       expected_version=self.version)
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except AppError as error:
            self.show_error("", str(error))
            return
        self.accept()
