"""Record or edit a department evaluation interview: rubric scores, findings, actions, exchanges covered.

Every active rubric item needs a score from 1 to 5; a spin box starts at "—" (not
scored) so a skipped item is refused rather than silently counted as a middle
score. Errors from the service appear next to the field they name.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.storage.database import Database
from app.errors import AppError, ValidationError
from app.evaluation.interviews import (
    ActionInput,
    InterviewInput,
    department_exchanges,
    interview_input,
    list_rubric,
    save_interview,
)
from app.directory.organisation import departments, semesters
from app.evaluation.records import evaluations
from app.settings import Settings
from ui.widgets.field_errors import FieldErrors
from ui.widgets.score_box import ScoreBox
from ui.widgets.table_model import ListModel
from ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ActionRow:
    description: str = ""
    owner: str = ""
    due: str = ""  # as typed: YYYY-MM-DD or empty
    done: bool = False


class ActionsModel(ListModel):
    """The agreed actions: description, owner, due date (YYYY-MM-DD), done."""

    DESCRIPTION, OWNER, DUE, DONE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Action"), self.tr("Owner"), self.tr("Due (YYYY-MM-DD)"), self.tr("Done")], parent)

    def add_row(self) -> int:
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(ActionRow())
        self.endInsertRows()
        return position

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        column = index.column()
        if column == self.DONE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [row.description, row.owner, row.due][column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            row.done = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column != self.DONE and role == Qt.ItemDataRole.EditRole:
            text = str(value or "")
            if column == self.DESCRIPTION:
                row.description = text
            elif column == self.OWNER:
                row.owner = text
            else:
                row.due = text.strip()
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable


class InterviewDialog(QDialog):
    """`InterviewDialog(database, settings, actor, evaluation_id=None, department_id=..., semester_id=...)`."""

    saved = Signal(int)

    def __init__(self, database: Database, settings: Settings, actor: Actor, evaluation_id: int | None = None,
                 parent: QWidget | None = None, *, department_id: int | None = None,
                 semester_id: int | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.actor = actor
        self.evaluation_id = evaluation_id
        self.version: int | None = None
        self.saved_id: int | None = None
        self.errors = FieldErrors()
        self.score_boxes: dict[int, ScoreBox] = {}
        self.setObjectName("interview_dialog")
        self.setWindowTitle(self.tr("Department interview") if evaluation_id is None
                            else self.tr("Edit department interview"))

        with database.sessions() as session:
            existing = interview_input(evaluations.get(session, evaluation_id)) if evaluation_id is not None else None
            if evaluation_id is not None:
                self.version = evaluations.get(session, evaluation_id).version
            department_rows = sorted(((d.id, d.display_name) for d in departments.list(session)),
                                     key=lambda pair: pair[1].casefold())
            semester_rows = sorted(((s.id, s.name, s.starts_on) for s in semesters.list(session)),
                                   key=lambda row: row[2], reverse=True)
            scored = set(existing.scores) if existing else set()
            rubric = [(item.id, item.name_en, item.name_zh) for item in list_rubric(session, include_inactive=True)
                      if item.active or item.id in scored]

        # The interview itself
        self.department = QComboBox()
        self.department.setObjectName("department")
        for dept_id, name in department_rows:
            self.department.addItem(name, dept_id)
        self.semester = QComboBox()
        self.semester.setObjectName("semester")
        for sem_id, name, _starts in semester_rows:
            self.semester.addItem(name, sem_id)
        self.interview_date = QDateEdit()
        self.interview_date.setObjectName("interview_date")
        self.interview_date.setCalendarPopup(True)
        self.interview_date.setDisplayFormat("yyyy-MM-dd")
        self.interviewer = QLineEdit()
        self.interviewer.setObjectName("interviewer")
        self.interviewees = QLineEdit()
        self.interviewees.setObjectName("interviewees")
        self.interviewees.setPlaceholderText(self.tr("Who was interviewed, e.g. director and two officers"))
        about = QGroupBox(self.tr("Interview"))
        form = QFormLayout(about)
        self.errors.add_row(form, self.tr("&Department"), self.department, "department_id")
        self.errors.add_row(form, self.tr("&Semester"), self.semester, "semester_id")
        self.errors.add_row(form, self.tr("D&ate"), self.interview_date, "interview_date")
        self.errors.add_row(form, self.tr("&Interviewer"), self.interviewer, "interviewer")
        form.addRow(self.tr("Inter&viewees"), self.interviewees)

        # Rubric
        scores = QGroupBox(self.tr("Scores (1 = poor, 5 = excellent)"))
        grid = QGridLayout(scores)
        for row, (item_id, name_en, name_zh) in enumerate(rubric):
            box = ScoreBox("—")  # 0 is "not scored yet", refused on save; so is a typed 7
            box.setObjectName(f"score_{item_id}")
            box.setToolTip(self.tr("Score from 1 to 5"))
            self.score_boxes[item_id] = box
            label = QLabel(f"{name_en} ({name_zh})" if name_zh else name_en)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(box)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(box, row * 2, 1)
            grid.addWidget(self.errors.add(f"scores.{item_id}"), row * 2 + 1, 0, 1, 2)
        if not rubric:
            grid.addWidget(QLabel(self.tr("The rubric is empty: add criteria under Edit → Lists… (Evaluation rubric).")), 0, 0)

        # Findings, actions, exchanges
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("findings")
        self.findings.setTabChangesFocus(True)
        self.actions_model = ActionsModel(self)
        self.actions_view = QTableView()
        self.actions_view.setObjectName("actions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.verticalHeader().hide()
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 140)
        header.resizeSection(2, 130)
        add = QPushButton(self.tr("Add action"))
        add.clicked.connect(self.add_action)
        remove = QPushButton(self.tr("Remove action"))
        remove.clicked.connect(self.remove_action)
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(add)
        action_buttons.addWidget(remove)
        action_buttons.addStretch(1)
        self.exchanges = QListWidget()
        self.exchanges.setObjectName("exchanges")

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Findings")))
        right.addWidget(self.findings, 2)
        right.addWidget(QLabel(self.tr("Agreed actions (with owner and due date)")))
        right.addWidget(self.actions_view, 2)
        right.addWidget(self.errors.add("actions"))
        right.addLayout(action_buttons)
        right.addWidget(QLabel(self.tr("Exchanges covered")))
        right.addWidget(self.exchanges, 1)
        right.addWidget(self.errors.add("exchange_ids"))

        left_widget = QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(about)
        left.addWidget(scores)
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left_widget)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 1)
        columns.addLayout(right, 1)
        self.general_error = self.errors.add("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 680)

        self.department.currentIndexChanged.connect(self._fill_exchanges)
        self._fill(existing, department_id, semester_id, today())

    # ---- filling -------------------------------------------------------------
    def _fill(self, existing: InterviewInput | None, department_id: int | None, semester_id: int | None,
              today: date) -> None:
        if existing is None:
            existing = InterviewInput(department_id=department_id, semester_id=semester_id, interview_date=today,
                                      interviewer=self.actor.display_name)
        if existing.department_id is not None:
            self.department.setCurrentIndex(max(0, self.department.findData(existing.department_id)))
        if existing.semester_id is not None:
            self.semester.setCurrentIndex(max(0, self.semester.findData(existing.semester_id)))
        day = existing.interview_date or today
        self.interview_date.setDate(QDate(day.year, day.month, day.day))
        self.interviewer.setText(existing.interviewer)
        self.interviewees.setText(existing.interviewees)
        self.findings.setPlainText(existing.findings)
        for item_id, box in self.score_boxes.items():
            box.setValue(existing.scores.get(item_id, 0))
        self.actions_model.set_rows([
            ActionRow(a.description, a.owner, a.due_on.isoformat() if a.due_on else "", a.done)
            for a in existing.actions])
        self._fill_exchanges(checked=set(existing.exchange_ids))

    def _fill_exchanges(self, *_args: Any, checked: set[int] | None = None) -> None:
        if checked is None:
            checked = set(self.exchange_ids())
        self.exchanges.clear()
        department_id = self.department.currentData()
        if department_id is None:
            return
        with self.database.sessions() as session:
            rows = [(e.id, e.title, e.semester.name) for e in department_exchanges(session, department_id)]
        for exchange_id, title, semester in rows:
            item = QListWidgetItem(f"{title} ({semester})")
            item.setData(Qt.ItemDataRole.UserRole, exchange_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if exchange_id in checked else Qt.CheckState.Unchecked)
            self.exchanges.addItem(item)

    def exchange_ids(self) -> list[int]:
        return [int(self.exchanges.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.exchanges.count())
                if self.exchanges.item(i).checkState() == Qt.CheckState.Checked]

    def check_exchange(self, exchange_id: int, checked: bool = True) -> None:
        for i in range(self.exchanges.count()):
            item = self.exchanges.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == exchange_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ---- actions table -------------------------------------------------------
    def add_action(self) -> None:
        row = self.actions_model.add_row()
        index = self.actions_model.index(row, 0)
        self.actions_view.setCurrentIndex(index)
        self.actions_view.edit(index)

    def remove_action(self) -> None:
        self.actions_model.remove_row(self.actions_view.currentIndex().row())

    # ---- errors and saving ---------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        if field.startswith("actions."):
            parts = field.split(".")
            row = int(parts[1])
            column = {"description": 0, "owner": 1, "due_on": 2}.get(parts[2], 0)
            self.actions_view.setCurrentIndex(self.actions_model.index(row, column))
            field = "actions"
        self.errors.show(field, message)
        if field.startswith("scores."):
            self.score_boxes[int(field.split(".")[1])].setFocus()

    def collect(self) -> InterviewInput:
        """The form as service input; a due date that is not a date is refused here, naming the row."""
        actions: list[ActionInput] = []
        for index, row in enumerate(self.actions_model.rows):
            due: date | None = None
            if row.due:
                try:
                    due = date.fromisoformat(row.due)
                except ValueError:
                    raise ValidationError(
                        f"actions.{index}.due_on",
                        self.tr("Action {n}: '{value}' is not a date (YYYY-MM-DD).").replace(
                            "{n}", str(index + 1)).replace("{value}", row.due),
                    ) from None
            actions.append(ActionInput(row.description, row.owner, due, row.done))
        return InterviewInput(
            department_id=self.department.currentData(), semester_id=self.semester.currentData(),
            interview_date=self._interview_day(), interviewer=self.interviewer.text(),
            interviewees=self.interviewees.text(), findings=self.findings.toPlainText(),
            scores={item_id: box.value() for item_id, box in self.score_boxes.items() if box.value() > 0},
            actions=actions, exchange_ids=self.exchange_ids(),
        )

    def _interview_day(self) -> date:
        day = self.interview_date.date()
        return date(day.year(), day.month(), day.day())

    def save(self) -> None:
        try:
            data = self.collect()
            with self.database.transaction() as session:
                evaluation = save_interview(session, self.actor, data, evaluation_id=self.evaluation_id,
                                            expected_version=self.version)
                self.saved_id = evaluation.id
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except AppError as error:
            self.show_error("", str(error))
            return
        self.saved.emit(self.saved_id)
        self.accept()
