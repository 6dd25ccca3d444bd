"""The Overview a window leaves beside its database is the next start's first screen, refreshed behind it."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.storage.database import Database
from app.views.first_screen import keep_for_next_start, load_snapshot, save_snapshot, snapshot_file
from app.views.overview import semester_overview
from app.views.overview_figures import SemesterOverview, from_plain, to_plain
from tests.test_outcomes_ui import TODAY, World, world  # noqa: F401 - the fixture is used by name
from tests.test_start_up import run_python, window_opening
from ui.shell.first_screen import draw_last_overview
from ui.shell.main_window import MainWindow


def computed(database: Database, semester: int | None) -> SemesterOverview:
    with database.sessions() as session:
        return semester_overview(session, semester, TODAY)


def test_the_figures_come_back_from_their_file_as_they_were(sqlite_database: Database) -> None:
    from app.demo.builder import fill_demo

    with sqlite_database.transaction() as session:
        fill_demo(session, "small")
    assert sqlite_database.path is not None
    for semester in (None, 1, 2, 3, 4):
        overview = computed(sqlite_database, semester)
        assert from_plain(json.loads(json.dumps(to_plain(overview)))) == overview
        save_snapshot(sqlite_database.path, overview, "en")
        assert load_snapshot(str(sqlite_database.path), "en") == overview
        assert load_snapshot(f"sqlite:///{sqlite_database.path}", "en") == overview
    # Something of every kind was carried.
    everything = computed(sqlite_database, None)
    assert everything.topics_by_area and everything.workshops_by_month and everything.evaluation_scores
    assert {item.category for item in everything.action_items} >= {"overdue_report", "interview_due"}


def test_a_snapshot_not_to_be_trusted_is_ignored(sqlite_database: Database, world: World, tmp_path: Path) -> None:  # noqa: F811
    path = sqlite_database.path
    assert path is not None
    url = str(path)
    assert load_snapshot(url, "en") is None  # none written yet
    save_snapshot(path, computed(sqlite_database, world.semester), "en")
    assert load_snapshot(url, "zh_CN") is None  # its action items are worded in English
    file = snapshot_file(path)
    document = json.loads(file.read_text(encoding="utf-8"))
    for damaged in ("{not json", json.dumps({**document, "format": 99}), json.dumps({**document, "overview": {}}),
                    json.dumps([1, 2, 3]), json.dumps({**document, "overview": {**document["overview"],
                                                                              "topics_by_status": {"lost": 1}}})):
        file.write_text(damaged, encoding="utf-8")
        assert load_snapshot(url, "en") is None, damaged
    file.write_text(json.dumps(document), encoding="utf-8")
    assert load_snapshot(url, "en") is not None
    # The figures of a database file that is gone are not shown for it.
    moved = tmp_path / "elsewhere.sqlite3"
    snapshot_file(moved).write_text(json.dumps(document), encoding="utf-8")
    assert load_snapshot(str(moved), "en") is None
    assert load_snapshot("postgresql+psycopg://iad@server/iad", "en") is None
    assert load_snapshot("sqlite:///:memory:", "en") is None


def test_closing_the_window_keeps_the_overview_it_opened_with(
        qtbot: QtBot, sqlite_database: Database, world: World) -> None:  # noqa: F811
    assert sqlite_database.path is not None
    window = window_opening(qtbot, str(sqlite_database.path))
    overview = window.outcomes_actions.overview
    qtbot.waitUntil(lambda: overview.has_loaded and not overview.is_loading, timeout=20_000)
    assert window.start_semester_id == world.semester
    shown = overview.overview
    # Kept once computed, before the window closes: a window that never closes normally leaves them too.
    qtbot.waitUntil(lambda: load_snapshot(str(sqlite_database.path), "en") is not None, timeout=10_000)
    assert load_snapshot(str(sqlite_database.path), "en") == shown
    snapshot_file(sqlite_database.path).unlink()
    window.close()
    assert load_snapshot(str(sqlite_database.path), "en") == shown
    window.database.close()


def test_the_commands_that_make_a_database_leave_its_first_screen(tmp_path: Path) -> None:
    """`demo`, `db restore` and `db copy` to a file leave the Overview a new window opens with (the current
    semester's) beside the database they made, so that even its first window draws it at once."""
    from app.cli import main
    from app.directory.organisation import current_semester
    from app.storage.database import open_database

    made = tmp_path / "made.sqlite3"
    assert main(["--database", str(made), "demo"]) == 0
    left = load_snapshot(str(made), "en")
    database = open_database(f"sqlite:///{made}")
    with database.sessions() as session:
        semester = current_semester(session)
        assert semester is not None
        current = semester_overview(session, semester.id, date.today(), settings=Settings.load())
    database.close()
    assert left == current and left.semester_name == semester.name and left.topics_total > 0

    copied = tmp_path / "copied.sqlite3"
    assert main(["--database", str(made), "db", "copy", "--to", f"sqlite:///{copied}", "--quiet"]) == 0
    assert load_snapshot(str(copied), "en") == current

    # A restore replaces the figures of the database it replaced with the restored one's.
    backup = tmp_path / "backup.sqlite3"
    assert main(["--database", str(made), "db", "backup", str(backup)]) == 0
    save_snapshot(made, replace(current, topics_total=999), "en")
    assert main(["--database", str(made), "db", "restore", str(backup)]) == 0
    assert load_snapshot(str(made), "en") == current

    # A new, empty database's window shows its first steps, not figures.
    empty = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert keep_for_next_start(empty, Settings(), "en") is None
    assert empty.path is not None and not snapshot_file(empty.path).exists()
    empty.close()


def test_the_next_start_draws_the_last_figures_before_the_database_layer_loads(
        sqlite_database: Database, world: World, tmp_path: Path) -> None:  # noqa: F811
    """The snapshot is drawn, marked as refreshing, with neither SQLAlchemy nor the entities loaded, its charts
    (and Qt's chart module) once the first frame is on screen; then the figures read from the database
    replace it."""
    assert sqlite_database.path is not None
    real = computed(sqlite_database, world.semester)
    # Figures that differ from the database's, so that the refresh is seen to replace them.
    save_snapshot(sqlite_database.path, replace(real, topics_total=999), "en")
    sqlite_database.close()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.shell.application import start_window\n"
        "def first(window):\n"
        "    tab = window.tabs.currentWidget()\n"
        "    print('first', tab.objectName(), tab.cards['topics'].value.text(), tab.refreshing.isVisibleTo(tab),\n"
        "          tab.title.text(), window.has_database, sorted(tab.chart_views),\n"
        "          [m for m in ('sqlalchemy', 'models.base', 'app.storage.database', 'PySide6.QtCharts')\n"
        "           if m in sys.modules])\n"
        "    def check():\n"
        "        if window.has_database and tab.has_loaded:\n"
        "            chart = tab.chart_views['reports'].chart()\n"
        "            print('then', window.tabs.currentWidget() is tab, tab.cards['topics'].value.text(),\n"
        "                  tab.refreshing.isVisibleTo(tab), chart is not charts[0], owed(chart))\n"
        "            window.close()\n"
        "        else:\n"
        "            QTimer.singleShot(20, check)\n"
        "    check()\n"
        "charts = []\n"
        "def owed(chart):\n"
        "    return chart.series()[0].barSets()[0].at(3)\n"
        "def first_screen(window):\n"
        "    tab = window.tabs.currentWidget()\n"
        "    charts.append(tab.chart_views['reports'].chart())\n"
        "    print('charts', window.has_database, tab.refreshing.isVisibleTo(tab), owed(charts[0]))\n"
        "start_window(sys.argv[1], first, on_first_screen=first_screen)\n"
        "QApplication.exec()\n"
    )
    result = run_python(code, str(sqlite_database.path), extra_env={
        "IAD_CONFIG_DIR": str(tmp_path / "config"), "IAD_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "LANGUAGE": "en", "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "first overview_tab 999 True 2026 Fall in numbers False [] []"
    # The reports chart's "Owed" bar, of the last figures, painted before the database is open.
    assert lines[1] == f"charts False True {float(real.reports_owed)}"
    # The charts drawn again with the computed figures.
    assert lines[2] == f"then True {real.topics_total} False True {float(real.reports_owed)}"


def test_a_database_that_fails_to_open_replaces_the_last_figures(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    save_snapshot(broken, SemesterOverview(semester_id=1, semester_name="2026 Fall", topics_total=5), "en")
    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    assert draw_last_overview(window, str(broken))
    assert window.tabs.currentWidget() is window.early_overview
    window.show()
    window.open_in_background(str(broken))
    qtbot.waitUntil(lambda: window.opening_page.open_button.isVisible(), timeout=20_000)
    assert window.tabs.currentWidget() is window.opening_page and window.tabs.count() == 1
    assert window.early_overview is None


@pytest.mark.parametrize("remembered_tab", [0, 5])
def test_only_an_overview_opening_first_is_drawn_from_the_snapshot(
        qtbot: QtBot, sqlite_database: Database, world: World, remembered_tab: int) -> None:  # noqa: F811
    from PySide6.QtCore import QSettings

    assert sqlite_database.path is not None
    save_snapshot(sqlite_database.path, computed(sqlite_database, world.semester), "en")
    QSettings().setValue("window/tab", remembered_tab)
    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    assert draw_last_overview(window, str(sqlite_database.path)) is (remembered_tab == 0)
    assert (window.tabs.currentWidget() is window.opening_page) is (remembered_tab != 0)

