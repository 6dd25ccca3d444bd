"""A new database is ready for a first semester: seeded lists and their editor, first steps, a semester offered."""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.actor import local_actor
from app.settings import Settings
from app.storage.database import Database
from models import RubricItem, Semester, TopicArea, TopicProposal
from ui.shell.main_window import MainWindow



@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    win = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(win)
    win.show()
    yield win
    for tab in win.record_tabs():
        tab.form.load({})


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def refresh(qtbot: QtBot, overview: Any) -> None:
    """The overview computes on a worker thread: wait until it shows the result."""
    with qtbot.waitSignal(overview.loaded, timeout=10000):
        overview.refresh()


def test_a_new_database_opened_in_the_window_has_its_topic_areas_and_rubric(window: MainWindow) -> None:
    assert count(window.database, TopicArea) == 12
    assert count(window.database, RubricItem) == 5


def test_a_new_database_opened_by_the_command_line_has_its_lists(tmp_path: Path) -> None:
    from app.cli import _database

    database = _database(argparse.Namespace(database=f"sqlite:///{tmp_path / 'cli.sqlite3'}"))
    try:
        assert (count(database, TopicArea), count(database, RubricItem)) == (12, 5)
    finally:
        database.close()


def test_the_lists_editor_adds_renames_retires_and_reorders(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.directory.reference_lists import EntryDialog, ListsDialog

    dialog = ListsDialog(window, "rubric", window)
    qtbot.addWidget(dialog)
    editor = dialog.rubric
    assert dialog.pages.currentWidget() is editor
    answers = iter([("Follow-up by the department", "部门后续跟进"), ("Department follow-up", "部门后续跟进")])

    def fill(self: EntryDialog) -> int:
        en, zh = next(answers)
        self.name_en.setText(en)
        self.name_zh.setText(zh)
        return 1

    monkeypatch.setattr(EntryDialog, "exec", fill)
    editor.add_button.click()
    assert editor.list.currentItem().text() == "Follow-up by the department — 部门后续跟进"
    editor.rename_button.click()
    editor.up_button.click()
    editor.retire_button.click()
    with window.database.sessions() as session:
        items = list(session.scalars(select(RubricItem).order_by(RubricItem.position)))
        assert [item.name_en for item in items][-2:] == ["Department follow-up", "Interpretation"]
        assert [item.active for item in items][-2:] == [False, True]
    assert editor.list.item(4).text() == "Department follow-up — 部门后续跟进 (retired)"
    assert editor.retire_button.text().replace("&", "") == "Bring back"
    # The same name twice is refused with a sentence, and nothing is added.
    answers = iter([("Interpretation", "")])
    editor.add_button.click()
    assert "already exists" in editor.message.text()
    assert count(window.database, RubricItem) == 6


def test_a_retired_topic_area_stays_on_old_topics_and_is_not_offered_for_new_ones(
        qtbot: QtBot, window: MainWindow) -> None:
    from ui.directory.reference_lists import ListsDialog

    with window.database.transaction() as session:
        semester = Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10))
        area = session.scalars(select(TopicArea).where(TopicArea.name_en == "Campus safety")).one()
        from models import Department
        library = Department(name_en="Library", name_zh="图书馆")
        proposal = TopicProposal(title="Night-time safety", semester=semester, department=library, area=area)
        session.add_all([semester, library, proposal])
        session.flush()
        proposal_id = proposal.id
    dialog = ListsDialog(window, "topic_areas", window)
    qtbot.addWidget(dialog)
    editor = dialog.topic_areas
    editor.list.setCurrentRow(next(i for i, e in enumerate(editor.entries) if e[1] == "Campus safety"))
    editor.retire_button.click()
    tab = window.topics_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    tab.select_record(proposal_id)
    area_box = tab.form.widgets["area_id"]
    assert isinstance(area_box, QComboBox)
    assert area_box.currentText() == "Campus safety 校园安全 (retired)"
    tab.new_record()
    offered = [area_box.itemText(i) for i in range(area_box.count())]
    assert not any("Campus safety" in text for text in offered) and "Library services 图书馆服务" in offered


def test_an_empty_database_opens_on_first_steps_not_zeros(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.directory.list_dialogs import ListDialog

    overview = window.outcomes_actions.overview
    window.tabs.setCurrentWidget(overview)
    refresh(qtbot, overview)
    assert overview.first_steps.isVisible() and not overview.dashboard.isVisible()
    assert overview.first_steps.marks["semester"].text() == "1."

    def add_semester(self: ListDialog) -> int:
        form = self.editor.form
        name = form.widgets["name"]
        assert isinstance(name, QLineEdit)
        name.setText("2027 Spring")
        assert self.editor.save()
        return 0

    monkeypatch.setattr(ListDialog, "exec", add_semester)
    overview.first_steps.buttons["semester"].click()
    assert count(window.database, Semester) == 1
    refresh(qtbot, overview)
    assert overview.first_steps.marks["semester"].text() == "✓"
    assert not overview.first_steps.demo_button.isEnabled()  # demo data only into an empty database
    with window.database.transaction() as session:
        from models import Department, Partner
        session.add_all([Department(name_en="Library", name_zh="图书馆"),
                         Partner(name="University of Leeds", country="United Kingdom", timezone="Europe/London")])
    refresh(qtbot, overview)
    assert overview.dashboard.isVisible() and not overview.first_steps.isVisible()


def test_a_topic_without_any_semester_offers_to_open_one(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from models import Department
    from ui.directory.list_dialogs import ListDialog

    with window.database.transaction() as session:
        session.add(Department(name_en="Library", name_zh="图书馆"))
    tab = window.topics_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    tab.new_record()
    assert asked and "has none yet" in asked[0]
    # Declined: the form still opens, and saving says what to do instead of "Semester id is required."
    super(type(tab), tab).new_record()
    title = tab.form.widgets["title"]
    assert isinstance(title, QLineEdit)
    title.setText("Makerspaces")
    assert not tab.save()
    assert "open one under Edit → Semesters" in tab.form.error_text("semester_id")

    def add_semester(self: ListDialog) -> int:
        name = self.editor.form.widgets["name"]
        assert isinstance(name, QLineEdit)
        name.setText("2027 Spring")
        assert self.editor.save()
        return 0

    monkeypatch.setattr(ListDialog, "exec", add_semester)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert tab.save(), tab.message.text()
    with window.database.sessions() as session:
        proposal = session.scalars(select(TopicProposal)).one()
        assert (proposal.title, proposal.semester.name) == ("Makerspaces", "2027 Spring")


def test_an_empty_rubric_points_at_the_lists_editor(qtbot: QtBot, sqlite_database: Database) -> None:
    from ui.evaluation.interview_dialog import InterviewDialog

    dialog = InterviewDialog(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Edit → Lists… (Evaluation rubric)" in text for text in texts)
    assert not any("under Tools" in text for text in texts)


def test_departments_and_partners_come_from_a_spreadsheet(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook
    from PySide6.QtWidgets import QFileDialog

    from models import Department, Partner

    book = Workbook()
    sheet = book.active
    sheet.title = "部门"
    sheet.append(["IAD departments 2027"])
    sheet.append(["Name", "中文名", "E-mail"])
    sheet.append(["Library", "图书馆", "library@example.edu"])
    sheet.append(["Student Mental Health Center", "学生心理健康中心", ""])
    partners_sheet = book.create_sheet("Partners")
    partners_sheet.append(["University", "Country", "City", "Time zone"])
    partners_sheet.append(["Columbia University", "United States", "New York", ""])
    partners_sheet.append(["University of Leeds", "United Kingdom", "Leeds", "Europe/London"])
    path = tmp_path / "directory.xlsx"
    book.save(path)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    overview = window.outcomes_actions.overview
    window.tabs.setCurrentWidget(overview)
    overview.first_steps.buttons["import"].click()
    assert shown == ["2 departments and 2 partner universities added."]
    with window.database.sessions() as session:
        zones = {name: zone for name, zone in session.execute(select(Partner.name, Partner.timezone))}
        assert zones == {"Columbia University": "America/New_York", "University of Leeds": "Europe/London"}
        assert session.scalars(select(Department.name_zh).order_by(Department.name_en)).all() == [
            "图书馆", "学生心理健康中心"]
    # Again, with one bad row: nothing is written, and the sentence names the sheet and the row.
    partners_sheet.append(["Nowhere University", "Atlantis", "", ""])
    book.save(path)
    overview.first_steps.buttons["import"].click()
    assert shown[-1].startswith("Sheet 'Partners', row 4: no time zone for Nowhere University")
    assert count(window.database, Partner) == 2
