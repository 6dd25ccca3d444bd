"""Evaluations: department interviews with their rubric scores and findings."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QPushButton, QVBoxLayout, QWidget

from app.views import listing
from app.errors import ConflictError
from app.evaluation.interviews import list_rubric, set_scores, stored_scores
from app.evaluation.records import evaluations
from models import RubricItem
from models.enums import UserRole
from ui.widgets import choices
from ui.widgets.formatting import day, number
from ui.widgets.record_form import FieldSpec
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.score_box import ScoreBox
from ui.widgets.table_model import Column
from ui.widgets.translation import QT_TR_NOOP

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class EvaluationsTab(RecordTab):
    kind = "evaluation"
    semester_scoped = True
    columns = (
        Column(QT_TR_NOOP("Department"), 1),
        Column(QT_TR_NOOP("Semester"), 2),
        Column(QT_TR_NOOP("Interview"), 3, render=day),
        Column(QT_TR_NOOP("Interviewer"), 4),
        Column(QT_TR_NOOP("Average score"), 5, render=number, align_right=True),
    )
    filters = (FilterSpec(QT_TR_NOOP("department"), 1),)

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        db = host.database
        fields = [
            FieldSpec("department_id", self.tr("Department"), kind="choice", choices=choices.departments(db)),
            FieldSpec("semester_id", self.tr("Semester"), kind="choice", choices=choices.semesters(db)),
            FieldSpec("interview_date", self.tr("Interview date"), kind="date"),
            FieldSpec("interviewer", self.tr("Interviewer")),
            FieldSpec("interviewees", self.tr("Interviewees")),
            FieldSpec("findings", self.tr("Findings"), kind="multiline"),
        ]
        self.score_boxes: dict[int, ScoreBox] = {}
        self._score_labels: dict[int, str] = {}
        self._conflict_stored: dict[int, int] = {}
        self._loaded_scores: dict[int, int] = {}
        super().__init__(host, evaluations, fields, parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.evaluations(session, semester_id)

    def new_values(self) -> dict[str, Any]:
        return {"semester_id": self.host.semester_id(), "interview_date": date.today()}

    def describe(self, record: Any) -> str:
        return f"{record.department.name_en} — {record.interview_date.isoformat()}"

    def build_extra(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scores_box = QGroupBox(self.tr("Scores (1 poor – 5 excellent; 0 = not scored)"))
        self.scores_layout = QFormLayout(self.scores_box)
        self.interview_button = QPushButton(self.tr("Agreed actions and exchanges covered…"))
        self.interview_button.setObjectName("open_interview")
        self.interview_button.clicked.connect(self.open_interview)
        layout.addWidget(self.scores_box)
        layout.addWidget(self.interview_button)
        return box

    def open_interview(self) -> None:
        from ui.evaluation.interview_dialog import InterviewDialog

        if self.current_id is None or not self.confirm_leave():
            return
        InterviewDialog(self.host.database, self.host.settings, self.host.actor, self.current_id, self).exec()
        self.open_record(self.current_id)
        self.reload()

    def _rubric(self, session: Session) -> list[RubricItem]:
        return list_rubric(session)

    def record_loaded(self, session: Session, record: Any | None) -> None:
        self.interview_button.setEnabled(record is not None)
        rubric = self._rubric(session)
        if [item.id for item in rubric] != list(self.score_boxes):
            while self.scores_layout.rowCount():
                self.scores_layout.removeRow(0)
            self.score_boxes = {}
            for item in rubric:
                box = ScoreBox(self.tr("not scored"))
                box.setObjectName(f"score_{item.id}")
                box.valueChanged.connect(lambda _v: self._on_form_changed())
                self.scores_layout.addRow(f"{item.name_en} {item.name_zh}:", box)
                self.score_boxes[item.id] = box
                self._score_labels[item.id] = f"{item.name_en} {item.name_zh}".strip()
        scores = {s.rubric_item_id: s.score for s in record.scores} if record is not None else {}
        self._loaded_scores = scores
        for item_id, box in self.score_boxes.items():
            box.blockSignals(True)
            box.setValue(scores.get(item_id, 0))
            box.blockSignals(False)

    def _scores(self) -> dict[int, int]:
        return {item_id: box.value() for item_id, box in self.score_boxes.items() if box.value()}

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or (self.current_id is not None and self._scores() != self._loaded_scores)

    def _update_buttons(self, new: bool = False) -> None:
        super()._update_buttons(new)
        if self.current_id is not None and self._scores() != getattr(self, "_loaded_scores", {}):
            self.save_button.setEnabled(self.host.actor.can(UserRole.OFFICER))
            self.revert_button.setEnabled(True)

    def save(self) -> bool:
        """Refuse a score outside 1–5, naming the rubric item, before anything is written."""
        for item_id, box in self.score_boxes.items():
            if box.out_of_range():
                self._show_message(self.tr("The score for {item} must be from 1 to 5 (or not scored); {value} is "
                                           "outside the scale.").replace("{item}", self._score_labels[item_id])
                                   .replace("{value}", str(box.value())))
                box.setFocus()
                box.selectAll()
                return False
        return super().save()

    def after_save(self, session: Session, record: Any) -> None:
        # The version was checked by the record's own update in this transaction; a score
        # change bumps it, so a colleague's form that still shows the old scores meets a conflict.
        set_scores(session, self.host.actor, record.id, self._scores())

    def extra_conflict_fields(self, error: ConflictError) -> tuple[dict[str, str], dict[str, Any]]:
        with self.host.database.sessions() as session:
            stored = stored_scores(session, error.record_id)
        self._conflict_stored = stored
        labels, original = {}, {}
        for item_id, box in self.score_boxes.items():
            key = f"score_{item_id}"
            labels[key] = self.tr("Score: {item}").replace("{item}", self._score_labels.get(item_id, str(item_id)))
            original[key] = self._loaded_scores.get(item_id, 0)
            error.theirs[key] = stored.get(item_id, 0)
            if box.value() != original[key]:
                error.mine[key] = box.value()
        return labels, original

    def load_merged_extras(self, merged: dict[str, Any]) -> None:
        self._loaded_scores = dict(self._conflict_stored)  # the form now builds on the stored scores
        for item_id, box in self.score_boxes.items():
            key = f"score_{item_id}"
            if key in merged:
                box.blockSignals(True)
                box.setValue(int(merged[key] or 0))
                box.blockSignals(False)
