"""The IAD's own rules in the Workshops tab: moving a round takes its panels along; confirming obeys the rules."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import local_actor
from app.settings import Settings
from app.storage.database import Database
from models import Exchange, Panel, Partner, Semester, Workshop
from models.enums import WorkshopStatus
from ui.shell.main_window import MainWindow

START = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)  # 16:00 in Shanghai, 08:00 in London



@pytest.fixture
def workshop_id(sqlite_database: Database) -> int:
    with sqlite_database.transaction() as session:
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        partner = Partner(name="University of Leeds", country="United Kingdom", city="Leeds",
                          timezone="Europe/London")
        exchange = Exchange(title="Peer support", semester=semester, partners=[partner])
        workshop = Workshop(exchange=exchange, starts_at=START, duration_minutes=180)
        session.add_all([semester, partner, exchange, workshop])
        session.add_all([Panel(workshop=workshop, title="Opening", starts_at=START, duration_minutes=30),
                         Panel(workshop=workshop, title="Practice", starts_at=START + timedelta(minutes=40),
                               duration_minutes=10)])
        session.flush()
        return int(workshop.id)


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database, workshop_id: int) -> Iterator[MainWindow]:
    win = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(win)
    win.show()
    tab = win.workshops_tab
    win.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    tab.select_record(workshop_id)
    yield win
    for record_tab in win.record_tabs():
        record_tab.form.load({})


def panels(database: Database) -> dict[str, datetime]:
    with database.sessions() as session:
        return {p.title: p.starts_at.replace(tzinfo=UTC) if p.starts_at.tzinfo is None else p.starts_at
                for p in session.scalars(select(Panel))}


def test_moving_a_round_a_week_later_moves_its_panels_with_it(window: MainWindow) -> None:
    tab = window.workshops_tab
    editor = tab.form.widgets["starts_at"]
    assert isinstance(editor, QDateTimeEdit)
    editor.setDateTime(QDateTime.fromSecsSinceEpoch(int((START + timedelta(days=7)).timestamp())))
    assert tab.save(), tab.message.text()
    assert panels(window.database) == {"Opening": START + timedelta(days=7),
                                       "Practice": START + timedelta(days=7, minutes=40)}


def test_a_ten_minute_panel_blocks_confirming_in_the_workshops_tab(window: MainWindow) -> None:
    tab = window.workshops_tab
    status = tab.form.widgets["status"]
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData(WorkshopStatus.CONFIRMED))
    assert not tab.save()
    assert "cannot be confirmed" in tab.message.text() + tab.form.error_text("status")
    assert "Panel 'Practice' lasts 10 min" in tab.message.text() + tab.form.error_text("status")
    with window.database.sessions() as session:
        assert session.scalars(select(Workshop.status)).one() == WorkshopStatus.PLANNED
    tab.revert()  # the refused edit is dropped, so closing the window asks nothing
    assert not tab.form.dirty
