"""Visit priority for one partner: the ranked candidates with every part of their score visible.

Pick a partner; the table shows the ranking as last computed (facts and weights saved
with it). Recompute gathers today's facts and saves them. Adjust… adds an officer's
adjustment with a written reason. The status buttons move the selected candidate
through candidate → nominated → approved → visited, or one step back.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError
from app.settings import Settings
from app.evaluation.visit_ranking import (
    VISIT_TRANSITIONS,
    WEIGHT_KEYS,
    PartnerRanking,
    RankedCandidate,
    explain,
    part_label,
    partners_with_candidates,
    recompute_partner,
    saved_ranking,
    set_visit_status,
)
from models.enums import VisitStatus
from ui.evaluation.adjustment_dialog import AdjustmentDialog

Index = QModelIndex | QPersistentModelIndex
PRIORITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1

FIXED_BEFORE = ("rank", "name", "department")
FIXED_AFTER = ("computed", "adjustment", "final", "status", "tie_break")
STATUS_COLOURS = {
    VisitStatus.CANDIDATE: "#000000",
    VisitStatus.NOMINATED: "#1F4E79",
    VisitStatus.APPROVED: "#2E7D32",
    VisitStatus.VISITED: "#5B5B5B",
}


class RankingModel(QAbstractTableModel):
    """One row per ranked candidate; a column per score part, showing points and the fact behind them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[RankedCandidate] = []
        self.keys = [*FIXED_BEFORE, *WEIGHT_KEYS, *FIXED_AFTER]
        titles = {
            "rank": self.tr("Rank"), "name": self.tr("Person"), "department": self.tr("Department"),
            "computed": self.tr("Computed"), "adjustment": self.tr("Adjustment"), "final": self.tr("Final"),
            "status": self.tr("Status"), "tie_break": self.tr("Tie-break"),
        }
        self.titles = [titles.get(key) or part_label(key) for key in self.keys]

    def set_candidates(self, candidates: list[RankedCandidate]) -> None:
        self.beginResetModel()
        self.candidates = list(candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def _display(self, candidate: RankedCandidate, key: str) -> str:
        facts = candidate.facts
        if key == "rank":
            return str(candidate.rank)
        if key == "name":
            return facts.name
        if key == "department":
            return facts.department
        if key in WEIGHT_KEYS:
            part = candidate.part(key)
            if part.no_data:
                return self.tr("no data → 0")
            return f"{part.value:g} → {part.points:.2f}"
        if key == "computed":
            return f"{candidate.computed_score:.2f}"
        if key == "adjustment":
            return f"{candidate.adjustment:+.2f}" if candidate.adjustment else ""
        if key == "final":
            return f"{candidate.final_score:.2f}"
        if key == "status":
            return facts.status.label
        return candidate.tie_break

    def _tooltip(self, candidate: RankedCandidate, key: str) -> str:
        if key in WEIGHT_KEYS:
            part = candidate.part(key)
            return f"{part.label}: {part.explanation}"
        if key == "adjustment" and candidate.adjustment:
            facts = candidate.facts
            return self.tr("By {who}: {reason}").replace("{who}", facts.adjusted_by).replace(
                "{reason}", facts.adjustment_reason)
        return explain(candidate)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.candidates):
            return None
        candidate = self.candidates[index.row()]
        key = self.keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(candidate, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(candidate, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("name", "department", "status", "tie_break"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in WEIGHT_KEYS and candidate.part(key).no_data:
                return QColor("#8A8A8A")
            if key == "status":
                return QColor(STATUS_COLOURS[candidate.facts.status])
            if key == "adjustment" and candidate.adjustment:
                return QColor("#B26A00")
        if role == Qt.ItemDataRole.FontRole:
            if key == "final":
                font = QFont()
                font.setBold(True)
                return font
            if key in WEIGHT_KEYS and candidate.part(key).no_data:
                font = QFont()
                font.setItalic(True)
                return font
        if role == PRIORITY_ID_ROLE:
            return candidate.facts.priority_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.keys):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and self.keys[section] in WEIGHT_KEYS:
            return self.tr("The fact → the points it gives (fact × weight)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class VisitRankingView(QWidget):
    """`VisitRankingView(database, settings, actor)`: rank, adjust and nominate visitors to one partner."""

    changed = Signal()  # data was saved: other views may reload

    def __init__(self, database: Database, settings: Settings, actor: Actor, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.actor = actor
        self._today = today
        self.ranking: PartnerRanking | None = None
        self.setObjectName("visit_ranking_view")
        self.setWindowTitle(self.tr("Visit priority"))

        self.partner_box = QComboBox()
        self.partner_box.setObjectName("partner_box")
        self.partner_box.setMinimumContentsLength(30)
        self.partner_box.currentIndexChanged.connect(self.reload)
        self.recompute_button = QPushButton(self.tr("&Recompute"))
        self.recompute_button.setToolTip(self.tr("Gather today's facts and the weights in Settings, and save"))
        self.recompute_button.clicked.connect(self.recompute)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Partner:")))
        top.itemAt(0).widget().setBuddy(self.partner_box)  # type: ignore[union-attr]
        top.addWidget(self.partner_box, 1)
        top.addWidget(self.recompute_button)

        self.state_label = QLabel()
        self.state_label.setObjectName("state_label")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)  # it lists people's names
        self.weights_label = QLabel()
        self.weights_label.setObjectName("weights_label")
        self.weights_label.setWordWrap(True)
        self.weights_label.setStyleSheet("color: #555555;")

        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setObjectName("ranking_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.doubleClicked.connect(lambda _index: self.adjust_selected())

        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a candidate to see how the score is made up."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.adjust_button = QPushButton(self.tr("&Adjust…"))
        self.adjust_button.clicked.connect(self.adjust_selected)
        self.status_buttons: dict[VisitStatus, QPushButton] = {
            VisitStatus.NOMINATED: QPushButton(self.tr("&Nominate")),
            VisitStatus.APPROVED: QPushButton(self.tr("A&pprove")),
            VisitStatus.VISITED: QPushButton(self.tr("Mark &visited")),
        }
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))
        self.back_button = QPushButton(self.tr("Step &back"))
        self.back_button.setToolTip(self.tr("Undo the last status step of the selected candidate"))
        self.back_button.clicked.connect(self.step_back)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #C62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        for button in self.status_buttons.values():
            buttons.addWidget(button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.weights_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.fill_partners()

    # ---- loading -------------------------------------------------------------
    def fill_partners(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.partner_id()
        with self.database.sessions() as session:
            partners = partners_with_candidates(session)
        self.partner_box.blockSignals(True)
        self.partner_box.clear()
        for partner_id, name, count in partners:
            self.partner_box.addItem(self.tr("{name} ({n} candidates)").replace("{name}", name).replace(
                "{n}", str(count)), partner_id)
        index = self.partner_box.findData(chosen) if chosen is not None else 0
        self.partner_box.setCurrentIndex(max(index, 0) if partners else -1)
        self.partner_box.blockSignals(False)
        self.reload()

    def partner_id(self) -> int | None:
        data = self.partner_box.currentData()
        return int(data) if data is not None else None

    def select_partner(self, partner_id: int) -> None:
        index = self.partner_box.findData(partner_id)
        if index >= 0:
            self.partner_box.setCurrentIndex(index)

    def reload(self) -> None:
        self._clear_error()
        partner_id = self.partner_id()
        if partner_id is None:
            self.ranking = None
            self.model.set_candidates([])
            self.state_label.setText(self.tr("No partner has met any of our staff online yet."))
            self._update_buttons()
            return
        try:
            with self.database.sessions() as session:
                self.ranking = saved_ranking(session, partner_id, self.settings.visit_weights)
        except AppError as error:
            self.ranking = None
            self.model.set_candidates([])
            self._show_error(str(error))
            self._update_buttons()
            return
        self.model.set_candidates(self.ranking.candidates)
        self._describe_state(self.ranking)
        self._update_buttons()

    def _describe_state(self, ranking: PartnerRanking) -> None:
        weights = ", ".join(f"{part_label(key)} × {value:g}" for key, value in ranking.weights.items())
        self.weights_label.setText(self.tr("Score = sum of (fact × weight): {weights}; final = computed + "
                                           "adjustment. Ties: more rounds attended, then earlier report "
                                           "submission, then name.").replace("{weights}", weights))
        if ranking.preview:
            self.state_label.setText(self.tr("Preview from today's facts, not saved yet: press Recompute to save "
                                             "this ranking of {n} participants.").replace(
                "{n}", str(len(ranking.unranked))))
            self.state_label.setStyleSheet("color: #B26A00;")
            return
        zone = self.settings.iad_timezone
        when = (ranking.computed_at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") + f" ({zone})"
                if ranking.computed_at else "?")
        text = self.tr("Computed {when}.").replace("{when}", when)
        notes = []
        if ranking.changed:
            notes.append(self.tr("facts changed for {names}").replace("{names}", ", ".join(ranking.changed)))
        if ranking.unranked:
            notes.append(self.tr("not ranked yet: {names}").replace("{names}", ", ".join(ranking.unranked)))
        if ranking.weights_changed:
            notes.append(self.tr("the weights in Settings changed"))
        if notes:
            text += " " + self.tr("Since then: {notes}. Press Recompute to update.").replace(
                "{notes}", "; ".join(notes))
            self.state_label.setStyleSheet("color: #B26A00;")
        else:
            self.state_label.setStyleSheet("")
        self.state_label.setText(text)

    # ---- selection -----------------------------------------------------------
    def selected(self) -> RankedCandidate | None:
        row = self.table.currentIndex().row()
        return self.model.candidates[row] if 0 <= row < len(self.model.candidates) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_details(self) -> None:
        candidate = self.selected()
        if candidate is None:
            self.details.clear()
        else:
            facts = candidate.facts
            self.details.setPlainText(
                f"#{candidate.rank} {facts.name} — {facts.department}\n"
                + self.tr("Status: {status}").replace("{status}", facts.status.label) + "\n\n" + explain(candidate))
        self._update_buttons()

    def _update_buttons(self) -> None:
        candidate = self.selected()
        has_row = candidate is not None and candidate.facts.priority_id is not None
        self.adjust_button.setEnabled(has_row)
        status = candidate.facts.status if candidate is not None else None
        for target, button in self.status_buttons.items():
            button.setEnabled(has_row and status is not None and target in VISIT_TRANSITIONS[status]
                              and list(VisitStatus).index(target) > list(VisitStatus).index(status))
        self.back_button.setEnabled(has_row and status not in (None, VisitStatus.CANDIDATE))
        self.recompute_button.setEnabled(self.partner_id() is not None)

    def _clear_error(self) -> None:
        self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _keep_selection(self, priority_id: int | None) -> None:
        for row, candidate in enumerate(self.model.candidates):
            if candidate.facts.priority_id == priority_id:
                self.select_row(row)
                return

    # ---- actions -------------------------------------------------------------
    def recompute(self) -> None:
        partner_id = self.partner_id()
        if partner_id is None:
            return
        selected = self.selected()
        try:
            with self.database.transaction() as session:
                recompute_partner(session, self.actor, partner_id, self.settings.visit_weights)
        except AppError as error:
            self._show_error(str(error))
            return
        self.reload()
        self._keep_selection(selected.facts.priority_id if selected else None)
        self.changed.emit()

    def adjust_selected(self) -> None:
        candidate = self.selected()
        if candidate is None or candidate.facts.priority_id is None:
            return
        dialog = self.make_adjustment_dialog(candidate.facts.priority_id)
        if dialog.exec():
            self.reload()
            self._keep_selection(candidate.facts.priority_id)
            self.changed.emit()

    def make_adjustment_dialog(self, priority_id: int) -> AdjustmentDialog:
        return AdjustmentDialog(self.database, self.actor, priority_id, self)

    def set_status(self, status: VisitStatus) -> None:
        candidate = self.selected()
        if candidate is None or candidate.facts.priority_id is None:
            return
        self._clear_error()
        try:
            with self.database.transaction() as session:
                set_visit_status(session, self.actor, candidate.facts.priority_id, status, today=self._today())
        except AppError as error:
            self._show_error(str(error))
            return
        self.reload()
        self._keep_selection(candidate.facts.priority_id)
        self.changed.emit()

    def step_back(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        order = list(VisitStatus)
        position = order.index(candidate.facts.status)
        if position > 0:
            self.set_status(order[position - 1])
