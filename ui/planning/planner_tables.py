"""The planner's tables and the speakers picker: panels as rows, attendance as a grid.

Plain Qt models over the planner's `WorkshopPlan` and `AttendanceGrid`; the
planner (ui/planning/workshop_planner.py) owns them and checks the rules after each edit.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.planning.workshop_plan import (
    AttendanceGrid,
    SpeakerChoice,
    snap_instant,
    snap_minutes,
)
from app.planning.scheduling import (
    PanelPlan,
    WorkshopPlan,
)
from app.planning.zones import to_utc
from ui.widgets.screen_fit import fit_to_screen

AnyIndex = QModelIndex | QPersistentModelIndex
SpeakerRef = tuple[int | None, int | None]


# ---- the panels table -------------------------------------------------------------------
class PanelTableModel(QAbstractTableModel):
    """The draft's panels, one row each, edited in place; `edited` carries the panel's key."""

    edited = Signal(int)

    COLUMNS = ("title", "title_zh", "track", "start", "duration", "moderator", "speakers", "interpretation",
               "language_pair", "interpreter")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panels: list[PanelPlan] = []
        self._starts_at = datetime(2000, 1, 1, tzinfo=UTC)
        self._duration = 180
        self._zone = ZoneInfo("UTC")
        self._flags: dict[int, tuple[str, str]] = {}  # key -> (severity, first message)
        self._headers = {
            "title": self.tr("Title"), "title_zh": self.tr("Chinese title"), "track": self.tr("Track"), "start": self.tr("Start"),
            "duration": self.tr("Length (min)"), "moderator": self.tr("Moderator"), "speakers": self.tr("Speakers"),
            "interpretation": self.tr("Interpretation"), "language_pair": self.tr("Languages"),
            "interpreter": self.tr("Interpreter"),
        }

    def set_plan(self, plan: WorkshopPlan, zone: ZoneInfo) -> None:
        self.beginResetModel()
        self._panels = plan.panels  # the draft's own list: edits land in the draft
        self._starts_at = plan.starts_at
        self._duration = plan.duration_minutes
        self._zone = zone
        self.endResetModel()

    def set_workshop_time(self, starts_at: datetime, duration: int) -> None:
        self._starts_at, self._duration = starts_at, duration
        self.refresh()

    def set_flags(self, flags: dict[int, tuple[str, str]]) -> None:
        self._flags = flags
        if self._panels:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._panels) - 1, 0))

    def refresh(self, key: int | None = None) -> None:
        if not self._panels:
            return
        if key is None:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._panels) - 1, len(self.COLUMNS) - 1))
            return
        row = self.row_of(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def row_of(self, key: int) -> int:
        return next((row for row, panel in enumerate(self._panels) if panel.key == key), -1)

    def panel_at(self, row: int) -> PanelPlan | None:
        return self._panels[row] if 0 <= row < len(self._panels) else None

    def column_of(self, name: str) -> int:
        return self.COLUMNS.index(name) if name in self.COLUMNS else 0

    # -- Qt's model interface --
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._panels)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(self.COLUMNS):
            name = self.COLUMNS[section]
            return self._headers[name] + (f" ({self._zone.key})" if name == "start" else "")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = self.COLUMNS[index.column()]
        if name == "interpretation":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if name == "speakers":
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def _clock(self, instant: datetime) -> str:
        text = instant.astimezone(self._zone).strftime("%H:%M")
        day_shift = (instant.astimezone(self._zone).date() - self._starts_at.astimezone(self._zone).date()).days
        return text if day_shift == 0 else f"{text} ({day_shift:+d} d)"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        panel = self.panel_at(index.row()) if index.isValid() else None
        if panel is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        name = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            editing = role == Qt.ItemDataRole.EditRole
            if name == "title":
                return panel.title
            if name == "title_zh":
                return panel.title_zh
            if name == "track":
                return panel.track
            if name == "start":
                return panel.starts_at.astimezone(self._zone).strftime("%H:%M") if editing else \
                    f"{self._clock(panel.starts_at)}–{self._clock(panel.ends_at)}"
            if name == "duration":
                return panel.duration_minutes if editing else str(panel.duration_minutes)
            if name == "moderator":
                return panel.moderator
            if name == "speakers":
                return ", ".join(s.name + (" *" if s.is_partner_side else "") for s in panel.speakers)
            if name == "interpretation":
                return None
            if name == "language_pair":
                return panel.language_pair
            if name == "interpreter":
                return panel.interpreter
        if role == Qt.ItemDataRole.CheckStateRole and name == "interpretation":
            return Qt.CheckState.Checked if panel.interpretation_needed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0 and panel.key in self._flags:
                return self._flags[panel.key][1]
            if name == "speakers":
                return self.tr("Double-click or press Speakers… to choose; * marks the partner's side")
            if name == "start":
                return self.tr("Type the start as HH:MM in %1").replace("%1", self._zone.key)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and panel.key in self._flags:
            severity = self._flags[panel.key][0]
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if severity == "error" else \
                QStyle.StandardPixmap.SP_MessageBoxWarning
            parent = self.parent()
            if isinstance(parent, QWidget):
                return parent.style().standardIcon(icon)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        panel = self.panel_at(index.row()) if index.isValid() else None
        if panel is None:
            return False
        name = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and name == "interpretation":
            state = value.value if hasattr(value, "value") else value
            panel.interpretation_needed = int(state) == Qt.CheckState.Checked.value
        elif role == Qt.ItemDataRole.EditRole:
            if not self._set_text(panel, name, value):
                return False
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        self.edited.emit(panel.key)
        return True

    def _set_text(self, panel: PanelPlan, name: str, value: Any) -> bool:
        text = str(value if value is not None else "")
        if name == "title":
            if not text.strip():
                return False
            panel.title = text.strip()
        elif name == "track":
            if not text.strip():
                return False
            panel.track = text.strip()
        elif name == "start":
            start = self.parse_start(text)
            if start is None:
                return False
            panel.starts_at = snap_instant(start)  # what the officer sees is what is saved
        elif name == "duration":
            try:
                minutes = snap_minutes(int(str(value).strip()))
            except ValueError:
                return False
            if minutes < 5:
                return False
            panel.duration_minutes = minutes
        elif name in ("title_zh", "moderator", "language_pair", "interpreter"):
            setattr(panel, name, text.strip())
        else:
            return False
        return True

    def parse_start(self, text: str) -> datetime | None:
        """'9:40', '09:40' or '0940' on the IAD's clock, on the day that puts it nearest the workshop."""
        cleaned = text.strip().replace(".", ":")
        if ":" not in cleaned and cleaned.isdigit() and len(cleaned) in (3, 4):
            cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
        parts = cleaned.split(":")
        if len(parts) != 2 or not all(part.isdigit() for part in parts):
            return None
        hours, minutes = int(parts[0]), int(parts[1])
        if not (0 <= hours < 24 and 0 <= minutes < 60):
            return None
        middle = self._starts_at + timedelta(minutes=self._duration / 2)
        base = self._starts_at.astimezone(self._zone).date()
        candidates = [to_utc(base + timedelta(days=shift), time(hours, minutes), self._zone) for shift in (-1, 0, 1)]
        found = [c for c in candidates if c is not None]
        return min(found, key=lambda c: abs(c - middle)) if found else None


# ---- attendance ----------------------------------------------------------------------------
class AttendanceModel(QAbstractTableModel):
    """Participants × rounds. A round's box cycles: not recorded → attended → absent."""

    edited = Signal()
    FIXED = 3  # participant, department, role

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid: AttendanceGrid | None = None
        self._edits: dict[tuple[int, int], bool | None] = {}
        self._current_workshop = 0

    def set_grid(self, grid: AttendanceGrid, current_workshop: int, keep_edits: bool = False) -> None:
        """Show `grid`; with `keep_edits` the unsaved ticks of participants and rounds still there stay."""
        self.beginResetModel()
        self._grid = grid
        if keep_edits:
            rows = {row.participation_id for row in grid.rows}
            rounds = {round_.workshop_id for round_ in grid.rounds}
            self._edits = {key: value for key, value in self._edits.items() if key[0] in rows and key[1] in rounds}
        else:
            self._edits = {}
        self._current_workshop = current_workshop
        self.endResetModel()

    def edits(self) -> dict[tuple[int, int], bool | None]:
        return dict(self._edits)

    def value(self, participation_id: int, workshop_id: int) -> bool | None:
        key = (participation_id, workshop_id)
        if key in self._edits:
            return self._edits[key]
        return self._grid.cells.get(key) if self._grid is not None else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._grid is None else len(self._grid.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._grid is None else self.FIXED + len(self._grid.rounds)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if self._grid is None or orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole and orientation == \
                Qt.Orientation.Vertical else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < self.FIXED:
                return (self.tr("Participant"), self.tr("Department"), self.tr("Role"))[section]
            if section - self.FIXED < len(self._grid.rounds):
                round_ = self._grid.rounds[section - self.FIXED]
                return self.tr("Round %1").replace("%1", str(round_.round_number))
        if role == Qt.ItemDataRole.FontRole and section >= self.FIXED and \
                section - self.FIXED < len(self._grid.rounds) and \
                self._grid.rounds[section - self.FIXED].workshop_id == self._current_workshop:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _cell(self, index: AnyIndex) -> tuple[int, int] | None:
        if self._grid is None or not index.isValid() or index.column() < self.FIXED:
            return None
        if not 0 <= index.row() < len(self._grid.rows) or index.column() - self.FIXED >= len(self._grid.rounds):
            return None
        return (self._grid.rows[index.row()].participation_id, self._grid.rounds[index.column() - self.FIXED].workshop_id)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._cell(index) is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsUserTristate
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._grid is None or not index.isValid() or not 0 <= index.row() < len(self._grid.rows):
            return None
        row = self._grid.rows[index.row()]
        if index.column() < self.FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return (row.name, row.department, row.role)[index.column()]
            return None
        cell = self._cell(index)
        if cell is None:
            return None
        value = self.value(*cell)
        if role == Qt.ItemDataRole.CheckStateRole:
            return {True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked,
                    None: Qt.CheckState.PartiallyChecked}[value]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {True: self.tr("attended"), False: self.tr("absent"), None: self.tr("not recorded")}[value]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        cell = self._cell(index)
        if cell is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = int(value.value if hasattr(value, "value") else value)
        new = {Qt.CheckState.Checked.value: True, Qt.CheckState.Unchecked.value: False}.get(state)
        stored = self._grid.cells.get(cell) if self._grid is not None else None
        if new == stored and ((cell in self._grid.cells) if self._grid is not None else False) == (new is not None):
            self._edits.pop(cell, None)
        else:
            self._edits[cell] = new
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


# ---- choosing speakers ------------------------------------------------------------------------
class SpeakersDialog(QDialog):
    """Tick the panel's speakers from our side and the partner's."""

    def __init__(self, panel_title: str, choices: Sequence[SpeakerChoice], selected: Sequence[SpeakerRef],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Speakers of %1").replace("%1", panel_title))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        chosen = list(selected)
        known = {(c.speaker.person_id, c.speaker.contact_id) for c in choices}
        self._items: list[tuple[QListWidgetItem, SpeakerRef]] = []
        for heading, partner_side in ((self.tr("Our side"), False), (self.tr("Partner's side"), True)):
            header = QListWidgetItem(heading)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(header)
            for choice in (c for c in choices if c.is_partner_side == partner_side):
                ref = (choice.speaker.person_id, choice.speaker.contact_id)
                item = QListWidgetItem(f"{choice.speaker.name} — {choice.detail}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ref in chosen else Qt.CheckState.Unchecked)
                self.list.addItem(item)
                self._items.append((item, ref))
        self._order = [ref for ref in chosen if ref in known]
        self.filter.textChanged.connect(self._apply_filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit_to_screen(self, 420, 460)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item, _ref in self._items:
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def selected(self) -> list[SpeakerRef]:
        """Ticked speakers: those ticked before keep their order, new ones follow."""
        ticked = [ref for item, ref in self._items if item.checkState() == Qt.CheckState.Checked]
        return [ref for ref in self._order if ref in ticked] + [ref for ref in ticked if ref not in self._order]


# ---- the planner ----------------------------------------------------------------------------------
