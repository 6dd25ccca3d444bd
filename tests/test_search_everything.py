"""Search everything (Ctrl+K): any part of a name, English or Chinese, finds the record and opens it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.storage.database import Database
from app.views.search import search_everything
from models import Person
from tests.window_world import leave_window, open_window, seed_world
from ui.shell.main_window import MainWindow
from ui.shell.search_popup import SearchPopup



@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    win = open_window(qtbot, seed_world(sqlite_database))
    yield win
    leave_window(win)


def test_any_part_of_a_name_finds_every_kind_of_record(sqlite_database: Database) -> None:
    seed_world(sqlite_database)
    with sqlite_database.sessions() as session:
        assert [(f.kind, f.name) for f in search_everything(session, "PEER")] == [
            ("proposal", "Peer counselling"), ("workshop", "Peer support programmes")]
        assert [(f.kind, f.name) for f in search_everything(session, "melb")] == [
            ("partner", "University of Melbourne")]
        assert [(f.kind, f.name) for f in search_everything(session, "王")] == [("person", "Wang Li 王丽")]
        assert search_everything(session, "%") == [] and search_everything(session, "  ") == []
        assert len(search_everything(session, "e", per_kind=1)) <= 5


def test_ctrl_k_finds_a_person_by_the_chinese_name_and_opens_the_record(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    popup = window.findChild(SearchPopup)
    assert popup is not None and popup.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.box, timeout=2000)
    popup.box.insert("王丽")  # typed through an input method: QTest types only ASCII
    qtbot.waitUntil(lambda: popup.results.count() == 1, timeout=3000)
    assert popup.results.item(0).text().startswith("Wang Li 王丽")
    qtbot.keyClick(popup.box, Qt.Key.Key_Return)
    with window.database.sessions() as session:
        wang = session.scalars(select(Person.id).where(Person.name_zh == "王丽")).one()
    qtbot.waitUntil(lambda: window.people_tab.current_id == wang, timeout=3000)
    assert window.tabs.currentWidget() is window.people_tab
    assert window.people_tab.heading.text() == "Wang Li"
