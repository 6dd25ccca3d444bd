"""A form built from field descriptions: widgets, values, dirty state, messages next to fields."""
from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.choice_box import ChoiceBox
from ui.widgets.timezones import find_zone, timezone_choices

Choices = Callable[[], Sequence[tuple[Any, str]]]


@dataclass
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text multiline int float date optional_date datetime enum choice bool timezone
    enum_type: type[enum.Enum] | None = None
    choices: Choices | None = None  # for kind "choice": (value, label) pairs, read when the form loads
    # Entries no longer offered (retired) that a stored record may still hold: shown on that record only.
    retired_choices: Choices | None = None
    nullable: bool = False
    minimum: int = 0
    maximum: int = 100000
    tooltip: str = ""
    placeholder: str = ""
    read_only: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class RecordForm(QWidget):
    """Edits one record's fields. `changed` fires on every edit; `dirty` says if it differs from what was loaded."""

    changed = Signal()

    def __init__(self, fields: Sequence[FieldSpec], display_zone: str = "Asia/Shanghai",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.display_zone = ZoneInfo(display_zone)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        # The (value, label) pairs each drop-down holds, so that loading a record refills only what changed.
        self._filled: dict[str, list[tuple[Any, str]]] = {}
        # The choices a list's worker read for each drop-down (`use_choices`); None: read at every load.
        self._choices: dict[str, list[tuple[Any, str]]] | None = None
        self._loading = False
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.fields:
            widget = self._make_widget(spec)
            widget.setObjectName(f"field_{spec.name}")
            if spec.tooltip:
                widget.setToolTip(spec.tooltip)
            widget.setEnabled(not spec.read_only)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(self.tr("%1:").replace("%1", spec.label))
            label.setBuddy(widget)
            layout.addRow(label, holder)
            self.widgets[spec.name] = widget
            self.errors[spec.name] = error
        self.setLayout(layout)

    # ---- building ------------------------------------------------------------
    def _make_widget(self, spec: FieldSpec) -> QWidget:
        kind = spec.kind
        if kind == "multiline":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(60)
            text.setMaximumHeight(110)
            text.setPlaceholderText(spec.placeholder)
            text.textChanged.connect(self._on_change)
            return text
        if kind == "int":
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.valueChanged.connect(self._on_change)
            return spin
        if kind == "float":
            number = QDoubleSpinBox()
            number.setRange(spec.minimum, spec.maximum)
            number.setDecimals(2)
            number.valueChanged.connect(self._on_change)
            return number
        if kind == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_change)
            return edit
        if kind == "optional_date":
            line = QLineEdit()
            line.setPlaceholderText(spec.placeholder or "YYYY-MM-DD")
            line.textChanged.connect(self._on_change)
            return line
        if kind == "datetime":
            stamp = QDateTimeEdit()
            stamp.setCalendarPopup(True)
            stamp.setDisplayFormat("yyyy-MM-dd HH:mm")
            stamp.setTimeZone(QTimeZone(self.display_zone.key.encode()))
            stamp.dateTimeChanged.connect(self._on_change)
            return stamp
        if kind in ("enum", "choice", "timezone"):
            combo = QComboBox() if kind == "timezone" else ChoiceBox()
            if kind == "timezone":
                combo.setEditable(True)
                # Labels carry cities in two languages: size the box by a zone's name, not the longest label.
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(28)
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                # Filled when the form first loads a record: 500 zones cost start-up time.
                completer = combo.completer()
                assert completer is not None
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                combo.editTextChanged.connect(self._on_change)
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        if kind == "bool":
            check = QCheckBox()
            check.toggled.connect(self._on_change)
            return check
        line = QLineEdit()
        line.setPlaceholderText(spec.placeholder)
        line.textChanged.connect(self._on_change)
        return line

    def forget_choices(self) -> None:
        """Read the drop-downs' choices at every load again (the records they offer may have changed)."""
        self._choices = None

    def read_choices(self) -> dict[str, list[tuple[Any, str]]]:
        """Every drop-down's choices, read from the database; touches no widget, so that a list's worker
        thread reads them with the list (50,000 participants take a tenth of a second)."""
        return {spec.name: list(spec.choices()) for spec in self.fields
                if spec.kind == "choice" and spec.choices is not None}

    def use_choices(self, choices: dict[str, list[tuple[Any, str]]]) -> None:
        """Offer what `read_choices` read, from the next load on."""
        self._choices = dict(choices)

    def _fill_choices(self) -> None:
        for spec in self.fields:
            combo = self.widgets[spec.name]
            if isinstance(combo, QComboBox) and spec.kind == "timezone" and combo.count() == 0:
                combo.blockSignals(True)
                for name, label in timezone_choices():
                    combo.addItem(label, name)
                combo.blockSignals(False)
            if not isinstance(combo, ChoiceBox):
                continue
            items: list[tuple[Any, str]] = [(None, "—")] if spec.nullable else []
            if spec.kind == "enum" and spec.enum_type is not None:
                items += [(member, getattr(member, "label", str(member.value))) for member in spec.enum_type]
            elif spec.choices is not None:
                read = self._choices.get(spec.name) if self._choices is not None else None
                items += read if read is not None else list(spec.choices())
            if self._filled.get(spec.name) == items:
                continue  # the same choices as shown: refilling thousands of them took a tenth of a second
            self._filled[spec.name] = items
            combo.blockSignals(True)
            combo.set_choices(items)
            combo.blockSignals(False)

    # ---- values --------------------------------------------------------------
    def _on_change(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def load(self, values: dict[str, Any]) -> None:
        """Show a record's values (or defaults for a new one) and forget earlier edits."""
        self._loading = True
        try:
            self._fill_choices()
            for spec in self.fields:
                self._set(spec, values.get(spec.name))
            self.clear_errors()
        finally:
            self._loading = False
        self._loaded = self.values()

    def _set(self, spec: FieldSpec, value: Any) -> None:
        widget = self.widgets[spec.name]
        if spec.kind == "enum" and spec.enum_type is not None and isinstance(value, str) \
                and not isinstance(value, spec.enum_type):
            value = spec.enum_type(value)  # a stored value in plain form, e.g. from a conflict
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value) if value is not None else spec.minimum)
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value) if value is not None else 0.0)
        elif isinstance(widget, QDateTimeEdit) and spec.kind == "datetime":
            instant = value if isinstance(value, datetime) else datetime.now(UTC).replace(second=0, microsecond=0)
            widget.setDateTime(QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), QTimeZone(
                self.display_zone.key.encode())))
        elif isinstance(widget, QDateEdit):
            day = value if isinstance(value, date) else date.today()
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QComboBox):
            if spec.kind == "timezone":
                index = widget.findData(value)
                if index >= 0:
                    widget.setCurrentIndex(index)
                else:
                    widget.setEditText("" if value is None else str(value))
            else:
                index = widget.findData(value)
                if index < 0 and value is not None and spec.retired_choices is not None \
                        and isinstance(widget, ChoiceBox):
                    label = dict(spec.retired_choices()).get(value)
                    if label is not None:
                        widget.add_choice(value, self.tr("{label} (retired)").replace("{label}", label))
                        self._filled.pop(spec.name, None)  # shown on this record only: refilled for the next
                        index = widget.count() - 1
                widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QLineEdit):
            if isinstance(value, date):
                value = value.isoformat()
            widget.setText("" if value is None else str(value))
            widget.setCursorPosition(0)  # a long title shows its beginning

    def rebase(self, stored: dict[str, Any]) -> None:
        """Take `stored` as what was loaded, keeping what the widgets show now.

        After a conflict is merged, `changed_values` are then exactly the officer's
        choices that differ from the record as it is stored now.
        """
        shown = self.values()
        self._loading = True
        try:
            for spec in self.fields:
                if not spec.read_only:
                    self._set(spec, stored.get(spec.name))
            baseline = self.values()
            for spec in self.fields:
                if not spec.read_only:
                    self._set(spec, shown[spec.name])
        finally:
            self._loading = False
        self._loaded = baseline

    def value(self, name: str) -> Any:
        spec = next(s for s in self.fields if s.name == name)
        widget = self.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QDoubleSpinBox):
            return widget.value()
        if isinstance(widget, QDateTimeEdit) and spec.kind == "datetime":
            return datetime.fromtimestamp(widget.dateTime().toSecsSinceEpoch(), UTC)
        if isinstance(widget, QDateEdit):
            qdate = widget.date()
            return date(qdate.year(), qdate.month(), qdate.day())
        if isinstance(widget, QComboBox):
            if spec.kind == "timezone":
                index = widget.findText(widget.currentText())
                data = widget.itemData(index) if index >= 0 else None
                if data is not None:
                    return data
                typed = widget.currentText().split(" (")[0].strip()
                # "New York" or "纽约" typed and not picked from the list still means its zone.
                return find_zone(typed) or typed
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QLineEdit):
            return widget.text()
        raise TypeError(name)

    def values(self) -> dict[str, Any]:
        return {spec.name: self.value(spec.name) for spec in self.fields if not spec.read_only}

    def changed_values(self) -> dict[str, Any]:
        current = self.values()
        return {name: value for name, value in current.items() if self._loaded.get(name) != value}

    @property
    def dirty(self) -> bool:
        return bool(self.changed_values())

    # ---- messages ------------------------------------------------------------
    def show_error(self, name: str, message: str) -> bool:
        """Show the message under its field; False when the form has no such field."""
        label = self.errors.get(name) or self.errors.get(name.removesuffix("_id"))
        if label is None:
            return False
        label.setText(message)
        label.show()
        widget = self.widgets.get(name) or self.widgets.get(name.removesuffix("_id"))
        if widget is not None:
            widget.setFocus()
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""
