"""The red messages under a dialog's fields, keyed by the service's field names."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class FieldErrors(dict[str, QLabel]):
    """One hidden label per field; "" is the dialog's general message, used for unknown fields."""

    def add(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field or 'general'}")
        label.setStyleSheet("color: #C62828;")
        label.setWordWrap(True)
        label.hide()
        self[field] = label
        return label

    def add_row(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> None:
        """A form row for `widget`, and under it the row for the field's message."""
        form.addRow(label, widget)
        form.addRow("", self.add(field))

    def hide_all(self) -> None:
        for label in self.values():
            label.hide()

    def show(self, field: str, message: str) -> None:
        """Show only this message, under its field (or as the general one)."""
        self.hide_all()
        label = self.get(field, self[""])
        label.setText(message)
        label.show()
