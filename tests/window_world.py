"""A small world for window tests: a semester, a department, a partner, an exchange with one round, a person and an
accepted topic; and the steps every window test takes (open the window, go to a tab, open the planner)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from app.actor import local_actor
from app.directory.reference_data import ensure_reference_data
from app.settings import Settings
from app.storage.database import Database
from models import Department, Exchange, Partner, Person, Semester, TopicProposal, Workshop
from models.enums import ProposalStatus
from ui.shell.main_window import MainWindow
from ui.widgets.record_tab import RecordTab


def seed_world(database: Database) -> Database:
    with database.transaction() as session:
        ensure_reference_data(session)
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        mental = Department(name_en="Student Mental Health Center", name_zh="学生心理健康中心")
        melbourne = Partner(name="University of Melbourne", country="Australia", city="Melbourne",
                            timezone="Australia/Melbourne")
        exchange = Exchange(title="Peer support programmes", semester=semester, partners=[melbourne])
        session.add_all([
            semester, mental, melbourne, exchange,
            Person(name_en="Wang Li", name_zh="王丽", department=mental),
            Workshop(exchange=exchange, starts_at=datetime(2026, 10, 20, 1, 0, tzinfo=UTC)),
            TopicProposal(title="Peer counselling", semester=semester, department=mental,
                          status=ProposalStatus.ACCEPTED),
        ])
    return database


def open_window(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow(database, Settings(), local_actor())
    qtbot.addWidget(window)
    window.show()
    return window


def leave_window(window: MainWindow) -> None:
    """Forget unsaved edits so that closing the window at the end of a test asks nothing."""
    for tab in window.record_tabs():
        tab.form.load({})
    for editor in window.editor_tabs():
        editor.revert()


def go_to(qtbot: QtBot, window: MainWindow, tab: RecordTab) -> RecordTab:
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    return tab


def open_planner(qtbot: QtBot, window: MainWindow) -> Any:
    from ui.planning.workshop_planner import WorkshopPlanner

    tab = go_to(qtbot, window, window.workshops_tab)
    tab.select_record(tab.model.row_at(0)[0])
    tab.open_planner()
    planner = window.tabs.currentWidget()
    assert isinstance(planner, WorkshopPlanner)
    return planner
