"""The keyboard reaches what the docs promise, menus are where officers look, and small slips are refused aloud."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import local_actor
from app.settings import Settings
from app.storage.database import Database
from models import Department, Evaluation, EvaluationScore, Partner, Semester, Workshop
from tests.window_world import go_to, leave_window, open_planner, open_window, seed_world
from ui.shell.main_window import MainWindow



@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    win = open_window(qtbot, seed_world(sqlite_database))
    yield win
    leave_window(win)


def test_ctrl_f_reaches_the_search_box_and_tab_leaves_the_list(qtbot: QtBot, window: MainWindow) -> None:
    tab = go_to(qtbot, window, window.partners_tab)
    tab.table.setFocus()
    qtbot.keySequence(tab.table, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.search, timeout=2000)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not tab.table


def test_ctrl_s_saves_the_open_planner(qtbot: QtBot, window: MainWindow) -> None:
    planner = open_planner(qtbot, window)
    planner.platform_edit.setFocus()
    qtbot.keyClicks(planner.platform_edit, "Tencent Meeting")
    with qtbot.waitSignal(planner.saved, timeout=3000):
        qtbot.keySequence(planner.platform_edit, QKeySequence(QKeySequence.StandardKey.Save))
    with window.database.sessions() as session:
        assert session.scalars(select(Workshop.platform)).one() == "Tencent Meeting"


def test_settings_have_a_shortcut_and_quit_comes_last(qtbot: QtBot, window: MainWindow,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    settings = window.findChild(QAction, "settings")
    assert settings is not None and settings.shortcut() == QKeySequence("Ctrl+,")
    opened: list[bool] = []
    monkeypatch.setattr(window, "edit_settings", lambda: opened.append(True))
    settings.triggered.disconnect()
    settings.triggered.connect(window.edit_settings)
    qtbot.keySequence(window, QKeySequence("Ctrl+,"))
    assert opened
    actions = window.file_menu.actions()
    assert actions[-1] is window.quit_action and actions[-2].isSeparator()
    assert "connect_shared" in [a.objectName() for a in actions]  # the features' entries come before it


def test_a_score_outside_one_to_five_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    with window.database.transaction() as session:
        evaluation = Evaluation(department=session.scalars(select(Department)).one(),
                                semester=session.scalars(select(Semester)).one(), interview_date=date(2026, 11, 3))
        session.add(evaluation)
        session.flush()
        evaluation_id = evaluation.id
    tab = go_to(qtbot, window, window.evaluations_tab)
    tab.select_record(evaluation_id)
    box = next(iter(tab.score_boxes.values()))
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "7")
    assert box.value() == 7 and tab.save_button.isEnabled()
    assert not tab.save()
    assert "must be from 1 to 5" in tab.message.text() and "7" in tab.message.text()
    with window.database.sessions() as session:
        assert session.scalars(select(EvaluationScore)).all() == []
    box.setValue(4)
    assert tab.save()
    with window.database.sessions() as session:
        assert [s.score for s in session.scalars(select(EvaluationScore))] == [4]
    box.setValue(5)
    box.stepBy(1)  # the arrows stay on the scale
    assert box.value() == 5
    tab.revert()


def test_columns_fitted_to_an_empty_list_are_not_kept(qtbot: QtBot, sqlite_database: Database) -> None:
    first = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(first)
    partners = go_to(qtbot, first, first.partners_tab)
    assert partners.model.rowCount() == 0
    first.save_layout()
    assert QSettings().value("tabs/partner/header") is None
    first.close()

    with sqlite_database.transaction() as session:
        session.add(Partner(name="The Hong Kong University of Science and Technology", country="China",
                            timezone="Asia/Hong_Kong"))
    second = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(second)
    partners = go_to(qtbot, second, second.partners_tab)
    assert partners.table.columnWidth(0) > 200  # fitted to the name now that there is one
    second.close()
