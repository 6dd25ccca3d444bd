"""Starting the window: shown before the database layer loads, the database opened behind it."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.cli import window_arguments
from app.storage.credentials import PasswordStore
from app.storage.database import Database
from app.settings import Settings
from models import Department, Partner, Semester
from tests.fake_keyring import MemoryKeyring
from tests.test_shared_connection import RefusingServer
from ui.storage import connect_dialog
from ui.shell.application import AfterFirstPaint
from ui.shell.main_window import MainWindow
from ui.topics.topics_tab import TopicsTab



def window_opening(qtbot: QtBot, url: str) -> MainWindow:
    """A fresh window, shown, that opens `url` as the program does and has done so when returned."""
    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    window.show()
    window.open_in_background(url)
    qtbot.waitUntil(lambda: window.has_database, timeout=20_000)
    return window


def run_python(code: str, *args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_window_is_shown_before_the_database_layer_is_imported() -> None:
    """What the command does before the window is on screen loads neither SQLAlchemy nor the models."""
    code = (
        "import sys\n"
        "from app.cli import window_arguments\n"
        "from app.settings import Settings\n"
        "from ui.shell.application import ensure_application\n"
        "from ui.shell.main_window import MainWindow\n"
        "window_arguments([])\n"
        "application = ensure_application()\n"
        "window = MainWindow(None, Settings())\n"
        "window.show()\n"
        "application.processEvents()\n"
        "print(window.isVisible(), sorted(m for m in ('sqlalchemy', 'models', 'app.storage.database') if m in sys.modules))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True []"


def test_the_worker_loads_everything_the_tabs_import_and_defines_no_qt_class(tmp_path: Path) -> None:
    """Building the tabs after the database opened imports nothing below ui/ on the window's thread; the worker
    that opens it imports no module that defines or holds a PySide6 class (doing so while the window's thread
    ran Qt crashed about one start in a hundred)."""
    code = (
        "import sys\n"
        "from app.settings import Settings\n"
        "from ui.shell.application import ensure_application\n"
        "from ui.shell.binding import refers_to_binding\n"
        "from ui.shell.database_opening import open_for_window\n"
        "from ui.shell.main_window import MainWindow\n"
        "application = ensure_application()\n"
        "window = MainWindow(None, Settings())\n"
        "before = set(sys.modules)\n"
        "database, login = open_for_window(sys.argv[1])\n"
        "print(sorted(m for m in set(sys.modules) - before\n"
        "             if m.startswith(('ui.', 'PySide6', 'shiboken6')) or refers_to_binding(sys.modules[m])))\n"
        "before = set(sys.modules)\n"
        "window.attach_database(database, login.actor)\n"
        "print(sorted(m for m in set(sys.modules) - before\n"
        "             if m.split('.')[0] in ('app', 'models', 'exports', 'sqlalchemy')))\n"
    )
    result = run_python(code, str(tmp_path / "x.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["[]", "[]"]


def test_the_command_reports_its_start_up_and_shows_the_first_list(sqlite_database: Database) -> None:
    assert sqlite_database.path is not None
    result = subprocess.run(
        [sys.executable, "-m", "app", "--database", str(sqlite_database.path)], capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "IAD_STARTUP_REPORT": "quit"}, timeout=120)
    assert result.returncode == 0, result.stderr
    events = [line.split(": ", 1)[1].rsplit(" ", 2)[0] for line in result.stderr.splitlines()
              if line.startswith("iad-workshops start-up: ")]
    # A new database has no figures left by an earlier window: the list is filled when it is read.
    assert events == ["window shown", "first frame", "first list filled", "first list current"]


def test_the_collector_paused_for_start_up_is_back_on_once_the_window_has_painted(
        qtbot: QtBot, sqlite_database: Database, tmp_path: Path) -> None:
    """The command line turns the cyclic collector off until the first frame (app/cli.py)."""
    import gc

    from ui.shell.application import start_window

    frames: list[bool] = []
    gc.disable()
    try:
        window = start_window(str(sqlite_database.path), on_first_frame=lambda _window: frames.append(gc.isenabled()))
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.has_database, timeout=20_000)
        assert frames == [False] and gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("argv", "database"), [
    ([], None), (["--database", "x.sqlite3"], "x.sqlite3"), (["--database=x.sqlite3"], "x.sqlite3"),
])
def test_the_window_needs_only_the_database_argument(argv: list[str], database: str | None) -> None:
    args = window_arguments(argv)
    assert args is not None and args.database == database


@pytest.mark.parametrize("argv", [["demo"], ["--database", "x", "db", "info"], ["-h"], ["--database"]])
def test_commands_and_mistakes_go_to_the_full_parser(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_the_window_opens_its_database_behind_the_opening_page(qtbot: QtBot, sqlite_database: Database) -> None:
    with sqlite_database.transaction() as session:
        session.add(Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20)))
    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.currentWidget() is window.opening_page
    assert not window.export_menu.menuAction().isEnabled()
    assert not window.semester_box.isEnabled()
    new_record = window.findChild(QAction, "new_record")
    assert new_record is not None and not new_record.isEnabled()

    window.open_in_background(str(sqlite_database.url))
    qtbot.waitUntil(lambda: window.has_database, timeout=10_000)
    assert window.tabs.indexOf(window.opening_page) == -1
    assert window.export_menu.menuAction().isEnabled() and window.semester_box.isEnabled() and new_record.isEnabled()
    assert "2026 Fall" in [window.semester_box.itemText(i) for i in range(window.semester_box.count())]
    window.tabs.setCurrentWidget(window.topics_tab)
    assert isinstance(window.topics_tab, TopicsTab)
    qtbot.waitUntil(lambda: window.topics_tab.has_loaded, timeout=5000)
    assert str(sqlite_database.path) in window.database_label.text()
    window.database.close()


def test_a_database_that_cannot_be_opened_leaves_ways_out(
        qtbot: QtBot, tmp_path: Path, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_bytes(b"minutes of the meeting, not a database" * 20)
    before = not_a_database.read_bytes()
    settings = Settings()
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()

    window.open_in_background(f"sqlite:///{not_a_database}")
    page = window.opening_page
    qtbot.waitUntil(lambda: page.open_button.isVisible(), timeout=10_000)
    assert page.title.text() == "The database could not be opened"
    assert str(not_a_database) in page.detail.text()
    assert page.local_button.isVisible() and page.quit_button.isVisible() and not page.progress.isVisible()
    assert not window.has_database
    assert not_a_database.read_bytes() == before

    assert sqlite_database.path is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(sqlite_database.path), ""))
    page.open_button.click()
    assert window.has_database
    assert window.database.path == sqlite_database.path
    assert Settings.load().database_url == f"sqlite:///{sqlite_database.path}"
    window.database.close()


def test_a_shared_database_that_wants_a_password_is_asked_for_it(
        qtbot: QtBot, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def ask(url: str, store: PasswordStore, message: str) -> tuple[str, bool] | None:
        asked.append(url)
        return None  # the officer cancels

    monkeypatch.setattr(connect_dialog, "_ask_with_dialog", lambda parent: ask)
    server = RefusingServer()
    url = f"postgresql+psycopg://wang.fang@127.0.0.1:{server.port}/iad"
    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_in_background(url)
        qtbot.waitUntil(lambda: window.opening_page.open_button.isVisible(), timeout=20_000)
    finally:
        server.close()
    assert asked == [url]
    assert window.opening_page.detail.text() == "The shared database was not opened: the server wants a password."
    assert window.opening_page.local_button.isVisible()
    assert not window.has_database


def test_closing_the_window_while_the_database_opens_ends_cleanly(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "import ui.shell.application as application\n"
        "start = application.start_window\n"
        "def closing_at_once(url, on_shown=None, on_first_frame=None, **hooks):\n"
        "    window = start(url, on_shown, on_first_frame, **hooks)\n"
        "    QTimer.singleShot(0, window.close)\n"
        "    return window\n"
        "application.start_window = closing_at_once\n"
        "print('exit', application.run_gui(sys.argv[1]))\n"
    )
    result = run_python(code, str(tmp_path / "x.sqlite3"), extra_env={
        "IAD_CONFIG_DIR": str(tmp_path / "config"), "IAD_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "exit 0"
    assert "Error" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_the_overview_is_computed_once_at_start_up_and_off_the_windows_thread(
        qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh profile opens on the Overview: its numbers are computed once, on a worker thread."""
    import threading

    import app.views.overview as overview_module  # what the tab imports on its worker thread

    with sqlite_database.transaction() as session:
        session.add(Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20)))
        # With a department and a partner too, the Overview shows numbers rather than the first steps.
        session.add_all([Department(name_en="Library", name_zh="图书馆"),
                         Partner(name="University of Leeds", country="United Kingdom", timezone="Europe/London")])
    threads: list[str] = []
    real = overview_module.semester_overview

    def counting(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(overview_module, "semester_overview", counting)
    window = window_opening(qtbot, str(sqlite_database.url))
    overview = window.outcomes_actions.overview
    assert window.tabs.currentWidget() is overview
    qtbot.waitUntil(lambda: overview.has_loaded and not overview.is_loading, timeout=10_000)
    qtbot.wait(200)  # anything scheduled at start-up has run by now
    assert len(threads) == 1
    assert threads[0] != threading.main_thread().name
    assert overview.title.text() == "2026 Fall in numbers"
    window.database.close()


def test_the_tabs_are_built_one_at_a_time_behind_the_opening_page(qtbot: QtBot, sqlite_database: Database) -> None:
    """Between building two tabs the window's events are handled; the opening page stays until the last."""
    from ui.shell.database_opening import open_for_window

    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    window.show()
    opened = open_for_window(str(sqlite_database.url))
    counts: list[int] = []
    window._opened(opened)
    assert window.tabs.currentWidget() is window.opening_page and not window.has_database
    while not window.has_database:
        counts.append(window.tabs.count())
        qtbot.wait(1)
    assert len(set(counts)) > 2  # the tabs came in several turns of the event loop
    assert window.tabs.indexOf(window.opening_page) == -1
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "&Overview", "&Topics", "&Partners", "&Workshops", "P&eople", "&Reports", "E&valuations"]
    window.database.close()


def test_the_window_has_a_font_for_chinese_whatever_the_system_has(qtbot: QtBot) -> None:
    """Without a Chinese font on the system (as on a bare Linux desktop) names like 李娜 were drawn as boxes."""
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from ui.shell.application import use_shipped_chinese_font

    use_shipped_chinese_font()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families
    assert QFontMetrics(QFontDatabase.font(families[0], "", 12)).inFontUcs4(ord("娜"))


class PaintRecorder(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self.painted += 1
        super().paintEvent(event)


def test_the_database_opens_after_the_windows_first_frame(qtbot: QtBot) -> None:
    """Opened before the first paint, the worker's imports held the first frame up by 40-120 ms."""
    window = PaintRecorder()
    qtbot.addWidget(window)
    paints_when_run: list[int] = []
    AfterFirstPaint(window, lambda: paints_when_run.append(window.painted))
    window.show()
    qtbot.waitUntil(lambda: bool(paints_when_run), timeout=5_000)
    assert paints_when_run[0] >= 1
    window.update()
    qtbot.wait(AfterFirstPaint.FALLBACK_MS + 100)
    assert len(paints_when_run) == 1  # once, whatever paints follow


def test_a_window_closed_before_its_first_frame_does_not_open_the_database(qtbot: QtBot) -> None:
    window = PaintRecorder()
    qtbot.addWidget(window)
    ran: list[bool] = []
    AfterFirstPaint(window, lambda: ran.append(True))
    qtbot.wait(AfterFirstPaint.FALLBACK_MS + 100)
    assert ran == [] and window.painted == 0


def test_work_waiting_for_a_widget_that_is_never_painted_runs_while_its_window_is_open(qtbot: QtBot) -> None:
    """The database opens after the last figures' charts are painted, or without them if they are hidden."""
    window = PaintRecorder()
    qtbot.addWidget(window)
    charts = PaintRecorder()
    charts.setParent(window)
    charts.hide()
    window.show()
    ran: list[int] = []
    AfterFirstPaint(charts, lambda: ran.append(charts.painted), unless_hidden=window)
    qtbot.waitUntil(lambda: bool(ran), timeout=AfterFirstPaint.FALLBACK_MS + 2_000)
    assert ran == [0]
    closed: list[bool] = []
    AfterFirstPaint(charts, lambda: closed.append(True), unless_hidden=window)
    window.close()
    qtbot.wait(AfterFirstPaint.FALLBACK_MS + 100)
    assert closed == []
