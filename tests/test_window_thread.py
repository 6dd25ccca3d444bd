"""What reads many rows after a save or on opening a list runs on a worker, not on the window's thread."""
from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from models import Department
from tests.test_main_window import go_to, seeded, window  # noqa: F401 - fixtures by name
from ui.shell.main_window import MainWindow


def on_threads(monkeypatch: pytest.MonkeyPatch, target: Any, name: str) -> list[str]:
    """The names of the threads that call `target.name` from now on."""
    threads: list[str] = []
    real = getattr(target, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, recording)
    return threads


def test_saving_reads_the_list_again_on_a_worker(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    tab = go_to(qtbot, window, window.people_tab)
    loads = on_threads(monkeypatch, tab, "load_rows")
    tab.new_record()
    name = tab.form.widgets["name_en"]
    assert isinstance(name, QLineEdit)
    name.setText("Zhou Min")
    assert tab.save()
    # The saved record is on the form at once; the list follows from the worker.
    assert tab.current_id is not None and name.text() == "Zhou Min"
    qtbot.waitUntil(lambda: not tab.is_loading and tab.model.total == 2)
    assert loads and threading.main_thread().name not in loads
    assert tab.model.row_at(tab.table.currentIndex().row())[0] == tab.current_id  # the saved one is selected


def test_the_forms_choices_are_read_with_the_list_and_kept_until_it_is_read_again(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    tab = window.people_tab
    spec = next(spec for spec in tab.form.fields if spec.name == "department_id")
    reads = on_threads(monkeypatch, spec, "choices")
    go_to(qtbot, window, tab)
    assert reads and threading.main_thread().name not in reads
    combo = tab.form.widgets["department_id"]
    assert isinstance(combo, QComboBox)
    before = len(reads)
    tab.table.selectRow(0)
    tab.new_record()
    tab.table.selectRow(0)
    assert len(reads) == before  # opening records reads no choices
    assert [combo.itemText(i) for i in range(combo.count())][-2:] == ["Library 图书馆", "Student Mental Health Center 学生心理健康中心"]
    with window.database.transaction() as session:
        session.add(Department(name_en="Archives", name_zh="档案馆"))
    window.refresh_all()  # what an edit in a dialog, or another officer's change, sets off
    qtbot.waitUntil(lambda: not tab.is_loading)
    tab.new_record()
    assert "Archives 档案馆" in [combo.itemText(i) for i in range(combo.count())]


def test_a_record_on_a_retired_choice_does_not_leave_it_for_the_next(
        qtbot: QtBot, window: MainWindow) -> None:  # noqa: F811
    """A drop-down that shows a record's retired entry is refilled for the next record."""
    from models import Semester, TopicArea, TopicProposal

    with window.database.transaction() as session:
        semester = session.query(Semester).one()
        department = session.query(Department).filter_by(name_en="Library").one()
        old = TopicArea(name_en="Old area", name_zh="旧领域", active=False)
        session.add(old)
        session.flush()
        session.add(TopicProposal(title="On the old area", semester_id=semester.id, department_id=department.id,
                                  area_id=old.id))
    tab = go_to(qtbot, window, window.topics_tab)
    combo = tab.form.widgets["area_id"]
    assert isinstance(combo, QComboBox)
    tab.table.selectRow(0)
    assert combo.currentText() == "Old area 旧领域 (retired)"
    tab.new_record()
    assert "Old area 旧领域 (retired)" not in [combo.itemText(i) for i in range(combo.count())]
