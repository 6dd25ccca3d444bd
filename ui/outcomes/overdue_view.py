"""Who owes what: overdue reports by department (with one-click export) and departments due for an interview.

Both are dialogs a Tools menu action opens. Double-clicking a line emits
`open_record(kind, id)` ("report" or "department") so the window can jump to it;
the interview list can also start the interview directly.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError
from app.evaluation.interviews import DueInterview, due_for_interview
from app.messages.message_log import last_reminder_by_report
from app.outcomes.reports import OverdueReport, group_by_department, overdue_reports
from app.settings import Settings
from ui.widgets.table_model import ListModel
from ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListRow:
    """A line of a read-only list: the record it stands for, its cells, and their sort keys."""

    record_id: int
    cells: tuple[str, ...]
    keys: tuple[Any, ...]
    tooltip: str = ""
    emphasis: bool = False  # drawn in red: the most urgent lines


class RecordListModel(ListModel):
    """Rows of text with their own sort keys; sorting is one list.sort, never a proxy model."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.cells[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.emphasis:
            return QColor("#C62828")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda row: (row.keys[column] is None, row.keys[column] if row.keys[column] is not None
                                        else 0), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


def make_table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setSortingEnabled(False)  # rows come sorted by department; headers still sort on click
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setSectionsClickable(True)
    header.sectionClicked.connect(lambda column: _toggle_sort(view, column))
    return view


def _toggle_sort(view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    order = (Qt.SortOrder.DescendingOrder
             if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
             else Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(column, order)
    view.model().sort(column, order)


class OverdueView(QDialog):
    """`OverdueView(database, settings, semester_id=None)`: who has not submitted past the due date."""

    open_record = Signal(str, int)
    remind = Signal(list)  # the report ids shown: chase them by e-mail

    def __init__(self, database: Database, settings: Settings, semester_id: int | None = None,
                 parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.semester_id = semester_id
        self._today = today
        self.rows: list[OverdueReport] = []
        self.reminded: dict[int, date] = {}
        self.setObjectName("overdue_view")
        self.setWindowTitle(self.tr("Overdue reports"))

        self.only_semester = QCheckBox(self.tr("Only the semester in focus"))
        self.only_semester.setObjectName("only_semester")
        self.only_semester.setChecked(semester_id is not None)
        self.only_semester.setEnabled(semester_id is not None)
        self.only_semester.toggled.connect(self.reload)
        self.department = QComboBox()
        self.department.setObjectName("department_filter")
        self.department.currentIndexChanged.connect(self._show_rows)
        top = QHBoxLayout()
        top.addWidget(self.only_semester)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Department:")))
        top.addWidget(self.department)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # The columns that say who and how late come first; the long titles last.
        self.model = RecordListModel([
            self.tr("Department"), self.tr("Participant"), self.tr("Days overdue"), self.tr("Due"), self.tr("Report"),
            self.tr("E-mail"), self.tr("Reminded"), self.tr("Exchange"), self.tr("Partner"),
        ], self)
        self.table = make_table(self.model, "overdue_table")
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #C62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        self.export_button = QPushButton(self.tr("&Export list…"))
        self.export_button.setToolTip(self.tr("Save the list shown as an Excel workbook (.xlsx) or a CSV file"))
        self.export_button.clicked.connect(self.choose_and_export)
        self.open_button = QPushButton(self.tr("&Open report"))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.remind_button = QPushButton(self.tr("&Remind by e-mail…"))
        self.remind_button.setObjectName("remind_button")
        self.remind_button.setToolTip(self.tr("One reminder to each person in the list, previewed before it goes out"))
        self.remind_button.clicked.connect(lambda: self.remind.emit([row.report_id for row in self.visible_rows()]))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.remind_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 560)
        self.reload()

    def reload(self) -> None:
        semester = self.semester_id if self.only_semester.isChecked() else None
        with self.database.sessions() as session:
            self.rows = overdue_reports(session, self._today(), semester)
            self.reminded = last_reminder_by_report(session, [row.report_id for row in self.rows])
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for name, group in group_by_department(self.rows):
            self.department.addItem(f"{name} ({len(group)})", group[0].department_id)
        self.department.setCurrentIndex(max(0, self.department.findData(chosen)) if chosen is not None else 0)
        self.department.blockSignals(False)
        self._show_rows()

    def visible_rows(self) -> list[OverdueReport]:
        department = self.department.currentData()
        return [row for row in self.rows if department is None or row.department_id == department]

    def _show_rows(self) -> None:
        rows = self.visible_rows()
        self.model.set_rows([
            ListRow(
                record_id=row.report_id,
                cells=(row.department_name, row.person_name, str(row.days_overdue), row.due_on.isoformat(),
                       row.kind.label, row.email, self._reminded(row.report_id), row.exchange_title, row.partners),
                keys=(row.department_en.casefold(), row.person_name_en.casefold(), row.days_overdue, row.due_on,
                      row.kind.label, row.email, self.reminded.get(row.report_id), row.exchange_title.casefold(),
                      row.partners.casefold()),
                tooltip=self.tr("{kind} for '{exchange}' with {partners}, due {due}: {days} days overdue{late}").replace(
                    "{kind}", row.kind.label).replace("{exchange}", row.exchange_title).replace(
                    "{partners}", row.partners).replace("{due}", row.due_on.isoformat()).replace(
                    "{days}", str(row.days_overdue)).replace(
                    "{late}", self.tr(" (more than 30 days: shown in red)") if row.days_overdue > 30 else ""),
                emphasis=row.days_overdue > 30,
            )
            for row in rows
        ])
        groups = group_by_department(rows)
        if not rows:
            self.summary.setText(self.tr("Nobody owes an overdue report."))
        else:
            self.summary.setText(self.tr("{n} overdue reports in {d} departments: {list}").replace(
                "{n}", str(len(rows))).replace("{d}", str(len(groups))).replace(
                "{list}", "; ".join(f"{name} {len(group)}" for name, group in groups)))
        self.export_button.setEnabled(bool(rows))
        self.open_button.setEnabled(bool(rows))
        self.remind_button.setEnabled(bool(rows))

    def _reminded(self, report_id: int) -> str:
        day = self.reminded.get(report_id)
        return day.isoformat() if day is not None else ""

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_record.emit("report", self.model.rows[row].record_id)

    def choose_export_file(self) -> Path | None:
        name, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export overdue reports"), f"overdue-reports-{self._today().isoformat()}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen_filter.lower() else ".xlsx")
        return path

    def choose_and_export(self) -> None:
        path = self.choose_export_file()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the rows shown (department filter applied) to .xlsx or .csv."""
        self.error.hide()
        title = self.tr("Overdue reports as of {day}").replace("{day}", self._today().isoformat())
        try:
            from exports.overdue_xlsx import write_overdue  # openpyxl only when exporting

            write_overdue(self.visible_rows(), path, title=title)
        except (AppError, OSError) as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        return True


class DueForInterviewView(QDialog):
    """Departments that held workshops and have not been interviewed for N months (or ever)."""

    open_record = Signal(str, int)
    interview_requested = Signal(int)  # department id
    request_by_mail = Signal()

    def __init__(self, database: Database, settings: Settings, actor: Actor, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.actor = actor
        self._today = today
        self.items: list[DueInterview] = []
        self.setObjectName("due_for_interview_view")
        self.setWindowTitle(self.tr("Departments due for an interview"))

        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(0, 60)
        self.months.setSuffix(self.tr(" months"))
        self.months.setValue(settings.interview_interval_months)
        self.months.valueChanged.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("No interview for at least")))
        top.addWidget(self.months)
        top.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.model = RecordListModel([
            self.tr("Department"), self.tr("Last workshop held"), self.tr("Last interview"),
            self.tr("Workshops held since"),
        ], self)
        self.table = make_table(self.model, "due_table")
        self.table.doubleClicked.connect(lambda index: self.request_interview(index.row()))
        self.interview_button = QPushButton(self.tr("&Record interview…"))
        self.interview_button.clicked.connect(lambda: self.request_interview(self.table.currentIndex().row()))
        self.open_button = QPushButton(self.tr("&Show department"))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.mail_button = QPushButton(self.tr("Request by &e-mail…"))
        self.mail_button.setObjectName("request_by_mail_button")
        self.mail_button.clicked.connect(self.request_by_mail.emit)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.interview_button)
        buttons.addWidget(self.mail_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 460)
        self.reload()

    def reload(self) -> None:
        with self.database.sessions() as session:
            self.items = due_for_interview(session, self._today(), self.months.value(), settings=self.settings)
        self.model.set_rows([
            ListRow(
                record_id=item.department_id,
                cells=(item.department_name, item.last_workshop_on.isoformat(),
                       item.last_interview_on.isoformat() if item.last_interview_on else self.tr("never"),
                       str(item.held_since_interview)),
                keys=(item.department_name.casefold(), item.last_workshop_on, item.last_interview_on or date.min,
                      item.held_since_interview),
                emphasis=item.never_interviewed,
            )
            for item in self.items
        ])
        never = sum(1 for item in self.items if item.never_interviewed)
        self.summary.setText(self.tr("{n} departments are due ({never} never interviewed).").replace(
            "{n}", str(len(self.items))).replace("{never}", str(never)))
        self.interview_button.setEnabled(bool(self.items))
        self.open_button.setEnabled(bool(self.items))
        self.mail_button.setEnabled(bool(self.items))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_record.emit("department", self.model.rows[row].record_id)

    def request_interview(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.interview_requested.emit(self.model.rows[row].record_id)
