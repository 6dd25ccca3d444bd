"""The time-slot finder dialog: a date range in, start times that suit every side out.

The slots come from app/planning/time_slots.py and are listed best first with the time on
every side's clock; choosing one and pressing "Use this time" gives it back to the
planner (`chosen_slot()`).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.planning.scheduling import Side
from app.planning.time_slots import TimeSlot, find_time_slots, nearest_time_slots
from app.planning.zones import OfficeHours, format_duration
from app.i18n import short_moment
from ui.widgets.screen_fit import fit_to_screen

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_SHOWN = 200
NEAREST_SHOWN = 20


class SlotTableModel(QAbstractTableModel):
    """One row per proposed start: the IAD's date and time, each partner's, and the minutes to spare."""

    def __init__(self, sides: Sequence[Side], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sides = list(sides)
        self._slots: list[TimeSlot] = []
        self._nearest = False

    def set_slots(self, slots: Sequence[TimeSlot], *, nearest: bool = False) -> None:
        """`nearest`: the slots stretch office hours; a last column says what each side accepts."""
        self.beginResetModel()
        self._slots = list(slots)
        self._nearest = nearest
        self.endResetModel()

    def slot(self, row: int) -> TimeSlot | None:
        return self._slots[row] if 0 <= row < len(self._slots) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._sides) + (2 if self._nearest else 1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section < len(self._sides):
            side = self._sides[section]
            return f"{side.label}\n{side.zone_name}"
        if section == len(self._sides):
            return self.tr("Outside office\nhours (min)") if self._nearest else self.tr("Spare (min)")
        if section == len(self._sides) + 1:
            return self.tr("What each side accepts")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot = self.slot(index.row()) if index.isValid() else None
        if slot is None or not 0 <= index.column() < self.columnCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column < len(slot.sides):
                side = slot.sides[column]
                return f"{short_moment(side.local_start)}–{side.local_end:%H:%M}"
            if column == len(self._sides):
                return str(slot.outside_minutes if self._nearest else slot.min_slack)
            return "; ".join(slot.compromises())
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self._sides):
            if self._nearest:
                return self.tr("Minutes outside office hours, all sides together")
            return self.tr("Minutes between the workshop and the start or end of office hours, on the tightest side")
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self._sides) + 1:
            return "\n".join(slot.compromises())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == len(self._sides):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TimeSlotDialog(QDialog):
    """Find start times where the whole workshop is inside office hours on every side."""

    def __init__(self, *, iad: Side, partners: Sequence[Side], office_hours: OfficeHours, duration_minutes: int,
                 first_day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a time slot"))
        self._iad = iad
        self._partners = list(partners)
        self._hours = office_hours
        self._chosen: TimeSlot | None = None

        self.first_day = QDateEdit(QDate(first_day.year, first_day.month, first_day.day))
        self.last_day = QDateEdit(QDate(first_day.year, first_day.month, first_day.day).addDays(13))
        for editor in (self.first_day, self.last_day):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("ddd yyyy-MM-dd")
        self.duration = QSpinBox()
        self.duration.setRange(30, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(duration_minutes)
        self.step = QComboBox()
        for minutes in (30, 15):
            self.step.addItem(self.tr("every %1 minutes").replace("%1", str(minutes)), minutes)
        self.weekdays_only = QCheckBox(self.tr("Working days only (no weekend or public holiday on any side)"))
        self.weekdays_only.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("From (%1)").replace("%1", iad.zone_name), self.first_day)
        form.addRow(self.tr("To"), self.last_day)
        form.addRow(self.tr("Workshop length"), self.duration)
        form.addRow(self.tr("Try starts"), self.step)
        form.addRow("", self.weekdays_only)

        hours = " · ".join(f"{side.label} {side.hours(office_hours).label()}" for side in [iad, *self._partners])
        countries = ", ".join(dict.fromkeys(side.country for side in [iad, *self._partners] if side.country))
        self.explanation = QLabel(self.tr("Office hours, each on its own clock: %1.").replace("%1", hours) + (
            " " + self.tr("Public holidays of %1 are left out.").replace("%1", countries) if countries else ""))
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.model = SlotTableModel([iad, *self._partners], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.use_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.use_button.setText(self.tr("Use this time"))
        self.use_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.explanation, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 520)

        for editor in (self.first_day, self.last_day):
            editor.dateChanged.connect(self.search)
        self.duration.valueChanged.connect(self.search)
        self.step.currentIndexChanged.connect(self.search)
        self.weekdays_only.toggled.connect(self.search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search()

    def search(self) -> None:
        """Recompute the slots for the current inputs (fast: a fortnight takes a few milliseconds)."""
        first: date = self.first_day.date().toPython()  # type: ignore[assignment]  # QDate -> date
        last: date = self.last_day.date().toPython()  # type: ignore[assignment]
        try:
            slots = find_time_slots(
                first_day=first, last_day=last, duration_minutes=self.duration.value(), iad=self._iad,
                partners=self._partners, office_hours=self._hours, step_minutes=int(self.step.currentData()),
                weekdays_only=self.weekdays_only.isChecked(),
            )
        except ValidationError as error:
            self.model.set_slots([])
            self.status.setText(error.message)
            return
        if not slots:
            nearest = nearest_time_slots(
                first_day=first, last_day=last, duration_minutes=self.duration.value(), iad=self._iad,
                partners=self._partners, office_hours=self._hours, step_minutes=int(self.step.currentData()),
                weekdays_only=self.weekdays_only.isChecked(), limit=NEAREST_SHOWN)
            self.model.set_slots(nearest, nearest=True)
            text = self.tr("No start time puts the whole %1 inside office hours on every side in this range.") \
                .replace("%1", format_duration(self.duration.value()))
            if nearest:
                text += " " + self.tr("These come nearest; the last column says what each side would have to "
                                      "accept.")
                self.table.selectRow(0)
            else:
                text += " " + self.tr("Try a wider range or a shorter workshop.")
            self.status.setText(text)
        else:
            self.model.set_slots(slots[:MAX_SHOWN])
            shown = min(len(slots), MAX_SHOWN)
            self.status.setText(self.tr("%1 possible start times, best first (most time to spare on every side).")
                                .replace("%1", str(len(slots))) + ("" if shown == len(slots) else " " + self.tr(
                                    "The first %1 are shown.").replace("%1", str(shown))))
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._chosen = self.model.slot(rows[0].row()) if rows else None
        self.use_button.setEnabled(self._chosen is not None)

    def chosen_slot(self) -> TimeSlot | None:
        return self._chosen

    def showing_nearest(self) -> bool:
        return self.model.columnCount() == len(self._partners) + 3

    def slots(self) -> list[TimeSlot]:
        return [slot for row in range(self.model.rowCount()) if (slot := self.model.slot(row)) is not None]


def default_first_day(start: date | None, today: date) -> date:
    """Search from the workshop's current date, or from tomorrow for a date in the past."""
    if start is None or start <= today:
        return today + timedelta(days=1)
    return start
