"""A drop-down of (value, label) choices that takes 50,000 of them in one call.

A form's pickers of records (participants and their exchanges for all semesters: 52,000
lines on the large database) were filled with one `addItem` per choice: 90 ms on the
window's thread each time the choices changed. `ChoiceBox` keeps the labels in a
`QStringListModel`, filled with one call, and the values beside it in a list; `currentData`
and `findData` answer from that list, with an index of values built when first asked.
Every drop-down of a form but the time zone's is one, its enumerations too, so that they
all fill one way.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = QStringListModel(self)
        self.setModel(self._labels)
        self._values: list[Any] = []
        self._rows: dict[Any, int] | None = None

    def set_choices(self, items: Sequence[tuple[Any, str]]) -> None:
        """Offer `items`, (value, label) pairs, in their order; nothing is chosen afterwards."""
        self._values = [value for value, _label in items]
        self._rows = None
        self._labels.setStringList([label for _value, label in items])

    def add_choice(self, value: Any, label: str) -> None:
        row = len(self._values)
        self._labels.insertRows(row, 1)
        self._labels.setData(self._labels.index(row), label)
        self._values.append(value)
        self._rows = None

    # QComboBox's own answers, from the list of values: the model holds only the labels.
    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:  # noqa: N802 (Qt's name)
        return self.itemData(self.currentIndex(), role)

    def itemData(self, index: int, role: int = Qt.ItemDataRole.UserRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.UserRole:
            return super().itemData(index, role)
        return self._values[index] if 0 <= index < len(self._values) else None

    def findData(self, value: Any, role: int = Qt.ItemDataRole.UserRole,  # noqa: N802
                 flags: Qt.MatchFlag = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive) -> int:
        if role != Qt.ItemDataRole.UserRole:
            return super().findData(value, role, flags)
        if self._rows is None:
            self._rows = {}
            for row, known in enumerate(self._values):
                try:
                    self._rows.setdefault(known, row)
                except TypeError:  # a value that cannot be a key is found by the walk below
                    pass
        try:
            return self._rows.get(value, -1)
        except TypeError:
            return next((row for row, known in enumerate(self._values) if known == value), -1)
