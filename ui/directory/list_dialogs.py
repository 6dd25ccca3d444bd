"""Dialogs for the short reference lists: semesters, departments, topic areas."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.views import listing
from app.directory.organisation import departments, semesters, topic_areas
from ui.outcomes.follow_ups_panel import FollowUpsPanel
from ui.widgets.formatting import day, number
from ui.widgets.record_form import FieldSpec
from ui.widgets.record_tab import RecordTab, TabHost
from ui.widgets.table_model import Column
from ui.widgets.translation import QT_TR_NOOP, tr
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class SemestersEditor(RecordTab):
    kind = "semester"
    columns = (Column(QT_TR_NOOP("Name"), 1), Column(QT_TR_NOOP("Starts"), 2, render=day))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        super().__init__(host, semesters, [
            FieldSpec("name", self.tr("Name"), placeholder="2027 Spring"),
            FieldSpec("starts_on", self.tr("Starts"), kind="date"),
            FieldSpec("ends_on", self.tr("Ends"), kind="date"),
            FieldSpec("topic_deadline", self.tr("Topic collection deadline"), kind="optional_date"),
        ], parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.semesters(session)


class DepartmentsEditor(RecordTab):
    kind = "department"
    columns = (Column(QT_TR_NOOP("Name"), 1), Column(QT_TR_NOOP("Chinese name"), 2), Column(QT_TR_NOOP("Code"), 3),
               Column(QT_TR_NOOP("People"), 4, render=number, align_right=True))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        super().__init__(host, departments, [
            FieldSpec("name_en", self.tr("Name (English)")),
            FieldSpec("name_zh", self.tr("Name (Chinese)")),
            FieldSpec("code", self.tr("Code")),
            FieldSpec("contact_email", self.tr("Contact e-mail")),
        ], parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.departments(session)

    def build_extra(self) -> QWidget:
        self.follow_ups = FollowUpsPanel(self.host, "department")
        return self.follow_ups

    def record_loaded(self, session: Session, record: Any | None) -> None:
        self.follow_ups.show_for(record.id if record is not None else None)


class TopicAreasEditor(RecordTab):
    kind = "topic_area"
    columns = (Column(QT_TR_NOOP("Name"), 1), Column(QT_TR_NOOP("Chinese name"), 2))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        super().__init__(host, topic_areas, [
            FieldSpec("name_en", self.tr("Name (English)")),
            FieldSpec("name_zh", self.tr("Name (Chinese)")),
            FieldSpec("active", self.tr("Offered on new forms"), kind="bool"),
        ], parent)

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.topic_areas(session)

    def new_values(self) -> dict[str, Any]:
        return {"active": True}


EDITORS = {"semesters": (SemestersEditor, QT_TR_NOOP("Semesters")),
           "departments": (DepartmentsEditor, QT_TR_NOOP("Departments")),
           "topic_areas": (TopicAreasEditor, QT_TR_NOOP("Topic areas"))}


class ListDialog(QDialog):
    def __init__(self, host: TabHost, which: str, parent: QWidget | None = None, *, new: bool = False) -> None:
        super().__init__(parent)
        editor_class, title = EDITORS[which]
        self.setWindowTitle(tr(title))
        self.editor = editor_class(host, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 520)
        self.editor.reload_now()
        if new:
            self.editor.new_record()

    def reject(self) -> None:
        if self.editor.confirm_leave():
            super().reject()


def open_list_dialog(host: TabHost, which: str, *, new: bool = False) -> None:
    """The editor of one list; `new` starts a new entry straight away."""
    ListDialog(host, which, host if isinstance(host, QWidget) else None, new=new).exec()
