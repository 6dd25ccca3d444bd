"""The Export menu's spreadsheet actions: background exports, forms, and the import preview dialog."""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import Actor
from app.storage.database import Database
from app.settings import Settings
from app.topics.intake import Change, FileOutcome, IntakeResult, LineOutcome
from exports.topic_form import generate_forms
from exports.topic_import import import_topic_forms
from models import Department, Semester, TopicArea, TopicProposal
from models.enums import UserRole
from ui.documents import spreadsheet_actions
from ui.documents.spreadsheet_actions import Cancelled, TopicImportPreviewDialog, install, run_with_progress

OFFICER = Actor("officer", UserRole.OFFICER)


class FakeWindow(QMainWindow):
    """The part of the main window's API the actions use."""

    def __init__(self, database: Database, semester_id: int | None) -> None:
        super().__init__()
        self.database = database
        self.settings = Settings()
        self.actor = OFFICER
        self.file_menu = self.menuBar().addMenu("File")
        self.export_menu = self.menuBar().addMenu("Export")
        self.tools_menu = self.menuBar().addMenu("Tools")
        self.help_menu = self.menuBar().addMenu("Help")
        self._semester_id = semester_id
        self.errors: list[tuple[str, str]] = []
        self.messages: list[str] = []
        self.refreshed = 0

    def semester_id(self) -> int | None:
        return self._semester_id

    def selected_id(self, kind: str) -> int | None:
        return None

    def refresh_all(self) -> None:
        self.refreshed += 1

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def status_message(self, text: str) -> None:
        self.messages.append(text)

    def add_tab(self, widget: QWidget, title: str, position: int | None = None) -> None:
        raise AssertionError("the spreadsheet actions add no tab")


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    with sqlite_database.transaction() as session:
        session.add_all([
            Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10)),
            Department(name_en="Library", name_zh="图书馆"),
            Department(name_en="Career Center", name_zh="就业中心"),
            TopicArea(name_en="Campus safety", name_zh="校园安全"),
        ])
    return sqlite_database


@pytest.fixture
def semester_id(database: Database) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(Semester.id)) or 0)


@pytest.fixture
def window(qtbot: QtBot, database: Database, semester_id: int) -> FakeWindow:
    win = FakeWindow(database, semester_id)
    qtbot.addWidget(win)
    install(win)
    return win


def action(window: FakeWindow, name: str) -> Any:
    found = [a for a in window.export_menu.actions() if a.objectName() == name]
    assert found, name
    return found[0]


def forms(database: Database, semester_id: int, folder: Path) -> dict[str, Path]:
    with database.sessions() as session:
        paths = generate_forms(session, semester_id, folder)
    return {path.name.split(" - ")[-1].removesuffix(".xlsx"): path for path in paths}


def fill(form: Path, target: Path, rows: dict[int, tuple[str, str]]) -> Path:
    workbook = load_workbook(form)
    for row, (area, title) in rows.items():
        workbook["Form"].cell(row=row, column=2).value = area
        workbook["Form"].cell(row=row, column=3).value = title
    workbook.save(target)
    return target


def titles(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(TopicProposal.title).order_by(TopicProposal.title)))


def test_the_export_menu_offers_every_spreadsheet(window: FakeWindow) -> None:
    names = [a.objectName() for a in window.export_menu.actions() if a.objectName()]
    assert names == ["export_evaluations_xlsx", "export_topics_xlsx", "export_partners_xlsx", "export_roster_xlsx",
                     "export_reports_xlsx", "export_visits_xlsx", "export_topic_forms", "import_topic_forms"]
    assert action(window, "export_topic_forms").text() == "Topic-collection &forms for all departments…"


def test_import_preview_then_import(window: FakeWindow, database: Database, semester_id: int, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    made = forms(database, semester_id, tmp_path / "forms")
    first = fill(made["Library"], tmp_path / "library-v1.xlsx", {7: ("Campus safety", "Night buses")})
    with database.transaction() as session:
        import_topic_forms(session, OFFICER, [first])
    corrected = fill(first, tmp_path / "library-v2.xlsx",
                     {7: ("Campus safety", "Night buses and shuttles"), 8: ("校园安全", "Fire drills")})
    rejected = fill(made["Career Center"], tmp_path / "careers.xlsx", {9: ("Finance", "Budgets")})
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(corrected), str(rejected)], ""))
    shown: list[TopicImportPreviewDialog] = []

    def inspect_and_import(dialog: TopicImportPreviewDialog) -> int:
        shown.append(dialog)
        tree = dialog.tree
        assert tree.topLevelItemCount() == 2
        good, bad = tree.topLevelItem(0), tree.topLevelItem(1)
        assert [good.text(0), good.text(1)] == ["library-v2.xlsx", "accepted"]
        assert good.text(2) == "Library (图书馆), 2027 Spring: 1 new, 1 updated, 0 unchanged"
        assert [[good.child(i).text(c) for c in range(3)] for i in range(good.childCount())] == [
            ["row 7", "updated", "Night buses and shuttles  (Title)"],
            ["row 8", "new", "Fire drills"],
        ]
        assert [bad.text(0), bad.text(1)] == ["careers.xlsx", "rejected"]
        assert [bad.child(i).text(2) for i in range(bad.childCount())] == [
            "Form, row 9, Topic area: 'Finance' is not one of Campus safety."]
        assert "1 of 2 file(s) can be imported" in dialog.summary.text()
        assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import 1 file(s)"
        # The preview wrote nothing.
        assert titles(database) == ["Night buses"]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TopicImportPreviewDialog, "exec", inspect_and_import)
    action(window, "import_topic_forms").trigger()
    assert shown and window.errors == []
    assert titles(database) == ["Fire drills", "Night buses and shuttles"]
    assert window.refreshed == 1
    assert window.messages[-1] == "Imported 1 file(s): 1 new, 1 updated proposal(s)."


def test_cancelling_the_preview_saves_nothing(window: FakeWindow, database: Database, semester_id: int,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = forms(database, semester_id, tmp_path / "forms")
    filled = fill(made["Library"], tmp_path / "library.xlsx", {7: ("Campus safety", "Night buses")})
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(filled)], ""))
    monkeypatch.setattr(TopicImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    action(window, "import_topic_forms").trigger()
    assert titles(database) == [] and window.refreshed == 0


def test_a_form_for_another_semester_than_the_one_in_focus_is_rejected(
        window: FakeWindow, database: Database, semester_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    made = forms(database, semester_id, tmp_path / "forms")
    filled = fill(made["Library"], tmp_path / "library.xlsx", {7: ("Campus safety", "Night buses")})
    with database.transaction() as session:
        other = Semester(name="2027 Fall", starts_on=date(2027, 9, 1), ends_on=date(2028, 1, 20))
        session.add(other)
        session.flush()
        window._semester_id = other.id
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(filled)], ""))
    problems: list[str] = []

    def look(dialog: TopicImportPreviewDialog) -> int:
        problems.extend(dialog.tree.topLevelItem(0).child(i).text(2)
                        for i in range(dialog.tree.topLevelItem(0).childCount()))
        assert not dialog.import_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(TopicImportPreviewDialog, "exec", look)
    action(window, "import_topic_forms").trigger()
    assert problems == ["library.xlsx: this form is for 2027 Spring, not for 2027 Fall."]
    assert titles(database) == []


def test_preview_with_only_rejected_files_cannot_import(qtbot: QtBot) -> None:
    result = IntakeResult([FileOutcome("/x/a.xlsx", "a.xlsx", problems=["a.xlsx is not one of our forms."])],
                          dry_run=True)
    dialog = TopicImportPreviewDialog(result)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.tree.topLevelItem(0).child(0).text(2) == "a.xlsx is not one of our forms."
    assert "1 file(s) are rejected" in dialog.summary.text()
    assert dialog.accepted_paths() == []
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "a.xlsx\n- a.xlsx is not one of our forms."


def test_preview_lists_rows_kept_from_an_earlier_version(qtbot: QtBot) -> None:
    outcome = FileOutcome("/x/b.xlsx", "b.xlsx", "2027 Spring", "Library (图书馆)",
                          lines=[LineOutcome(7, "Kept title", Change.UNCHANGED)], not_in_form=[(9, "Withdrawn")])
    dialog = TopicImportPreviewDialog(IntakeResult([outcome], dry_run=True))
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    # Unchanged rows are counted, not listed; an emptied row says its proposal stays.
    assert item.childCount() == 1
    assert [item.child(0).text(c) for c in range(3)] == [
        "row 9", "kept", "Withdrawn (not in this form: emptied or deleted; the proposal is kept)"]
    assert dialog.accepted_paths() == [Path("/x/b.xlsx")]
    assert not dialog.copy_button.isEnabled()


def test_a_list_export_runs_in_the_background(window: FakeWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    suggested: list[str] = []

    def save_as(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return str(tmp_path / "topics"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    action(window, "export_topics_xlsx").trigger()
    assert suggested == ["Topic summary 2027 Spring.xlsx"]
    assert (tmp_path / "topics.xlsx").exists()
    assert window.messages == [f"Saved {tmp_path / 'topics.xlsx'} (0 rows)."]


def test_export_errors_are_shown_as_one_sentence(window: FakeWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "missing" / "e.xlsx"), ""))
    action(window, "export_evaluations_xlsx").trigger()
    assert window.errors == [("Evaluation spreadsheet", f"The folder {tmp_path / 'missing'} does not exist.")]


def test_forms_for_all_departments_into_a_folder(window: FakeWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    action(window, "export_topic_forms").trigger()
    assert sorted(path.name for path in tmp_path.glob("*.xlsx")) == [
        "Topic form 2027 Spring - Career Center.xlsx", "Topic form 2027 Spring - Library.xlsx"]
    assert window.messages == [f"Wrote 2 topic-collection forms into {tmp_path}."]
    window._semester_id = None
    action(window, "export_topic_forms").trigger()
    assert window.errors == [("Topic-collection forms",
                              "Choose the semester the topics are for on the toolbar first.")]


def test_cancel_stops_the_work_and_the_window_stays_responsive(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks: list[int] = []

    def slow(progress: Callable[[int, int], None]) -> str:
        for step in range(1000):
            progress(step, 1000)
            time.sleep(0.01)
        return "finished"

    def press_cancel() -> None:
        ticks.append(1)  # the GUI thread ran this timer while the work was going on
        dialog = parent.findChild(QProgressDialog)
        assert dialog is not None
        dialog.findChild(QPushButton).click()  # what the officer does

    QTimer.singleShot(300, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(parent, "Working…", slow)
    assert ticks == [1]
    assert run_with_progress(parent, "Quick", lambda progress: 42) == 42
    with pytest.raises(ValueError, match="bad"):
        run_with_progress(parent, "Failing", lambda progress: int("bad"))


def test_no_file_chosen_does_nothing(window: FakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    action(window, "import_topic_forms").trigger()
    action(window, "export_visits_xlsx").trigger()
    assert window.errors == [] and window.messages == []
    assert spreadsheet_actions.SpreadsheetActions  # the module stays importable without a main window
