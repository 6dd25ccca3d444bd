"""The Overview tab draws what semester_overview computed, and its action list opens records."""
from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QAbstractBarSeries, QBarSet
from pytestqt.qtbot import QtBot

from app.storage.database import Database
from app.settings import Settings
from app.views.overview_figures import DepartmentScore, MonthCount, SemesterOverview
from models import Semester
from tests.test_outcomes_ui import TODAY, World, world  # noqa: F401 - the fixture is used by name
from ui.overview.overview_tab import LABEL_LINE, OverviewTab, axis_label, nice_step


def bar_values(tab: OverviewTab, chart: str) -> list[list[float]]:
    series = tab.chart_views[chart].chart().series()
    result = []
    for each in series:
        assert isinstance(each, QAbstractBarSeries)
        sets: list[QBarSet] = each.barSets()
        result += [[s.at(i) for i in range(s.count())] for s in sets]
    return result


def test_overview_tab_shows_the_semester(
    qtbot: QtBot, qtmodeltester: Any, sqlite_database: Database, world: World  # noqa: F811
) -> None:
    tab = OverviewTab(sqlite_database, Settings(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded):
        tab.set_semester(world.semester)
        # Computed on a worker thread: the tab says so meanwhile.
        assert tab.is_loading and tab.refreshing.isVisibleTo(tab)
    assert not tab.refreshing.isVisibleTo(tab)
    qtmodeltester.check(tab.actions_model)
    assert tab.title.text() == "2026 Fall in numbers"
    assert tab.cards["workshops"].value.text() == "2 / 2"
    assert tab.cards["submitted"].value.text() == "67%" and tab.cards["submitted"].detail.text() == "2 of 3 owed"
    assert tab.cards["published"].value.text() == "0%"
    assert tab.cards["evaluation"].value.text() == "—"
    # Owed, submitted, accepted, published: drawn bottom-up, so reversed.
    assert bar_values(tab, "reports") == [[0.0, 1.0, 2.0, 3.0]]
    assert bar_values(tab, "workshops") == [[2.0], [0.0]]  # October: two held, none planned
    kinds = [(item.category, item.record_id) for item in tab.actions_model.rows]
    assert ("overdue_report", world.reports["overdue"]) in kinds
    assert tab.actions_box.title() == f"Needs action ({len(kinds)})"
    row = kinds.index(("overdue_report", world.reports["overdue"]))
    with qtbot.waitSignal(tab.open_record) as signal:
        tab.actions_view.activated.emit(tab.actions_model.index(row, 1))
    assert signal.args == ["report", world.reports["overdue"]]


def test_overview_tab_empty_and_all_semesters(qtbot: QtBot, qtmodeltester: Any, sqlite_database: Database,
                                              world: World) -> None:  # noqa: F811
    with sqlite_database.transaction() as session:
        empty = Semester(name="2027 Spring", starts_on=TODAY, ends_on=TODAY)
        session.add(empty)
        session.flush()
        empty_id = empty.id
    tab = OverviewTab(sqlite_database, Settings(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded):
        tab.set_semester(empty_id)
    assert tab.cards["topics"].value.text() == "0"
    assert tab.cards["submitted"].value.text() == "—"
    assert "none yet" in tab.chart_views["topics"].chart().title()
    with qtbot.waitSignal(tab.loaded):
        tab.set_semester(None)
    assert tab.title.text() == "All semesters in numbers"
    assert tab.cards["submitted"].detail.text() == "2 of 3 owed"
    with qtbot.waitSignal(tab.loaded):
        tab.set_semester(999999)
    assert tab.error.isVisibleTo(tab) and "no longer exists" in tab.error.text()
    qtmodeltester.check(tab.actions_model)


def test_nice_axis_steps() -> None:
    assert [nice_step(top) for top in (1, 5, 6, 10, 11, 48, 580, 48029)] == [1, 1, 2, 2, 5, 10, 200, 10000]


def test_long_spans_are_drawn_readably(qtbot: QtBot, sqlite_database: Database) -> None:
    overview = SemesterOverview(
        semester_id=None, semester_name="All semesters",
        workshops_by_month=[MonthCount(f"{2017 + n // 12}-{n % 12 + 1:02d}", 2, 1) for n in range(30)],
        evaluation_scores=[DepartmentScore(n, f"Department {n:02d}", 1 + n / 10, 1) for n in range(20)],
    )
    tab = OverviewTab(sqlite_database, Settings(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show_overview(overview)
    assert tab.chart_views["workshops"].chart().title() == "Workshops by year"
    assert bar_values(tab, "workshops") == [[12.0, 12.0, 6.0], [12.0, 12.0, 6.0]]  # 2017, 2018, half of 2019
    evaluation = tab.chart_views["evaluation"].chart()
    assert evaluation.title() == "Evaluation: lowest and highest 6 of 20 departments"
    values = bar_values(tab, "evaluation")[0]
    assert values == [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9]


def test_requests_while_computing_fold_into_one_more(
    qtbot: QtBot, sqlite_database: Database, world: World, monkeypatch: Any  # noqa: F811
) -> None:
    """Asking again while the numbers are being computed does not compute them twice at once; the last
    semester asked for is the one shown."""
    import app.views.overview as module  # the tab imports it when it computes

    calls: list[int | None] = []
    real = module.semester_overview

    def counting(session: Any, semester_id: int | None, *args: Any, **kwargs: Any) -> Any:
        calls.append(semester_id)
        return real(session, semester_id, *args, **kwargs)

    monkeypatch.setattr(module, "semester_overview", counting)
    tab = OverviewTab(sqlite_database, Settings(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.set_semester(world.semester)
    tab.set_semester(world.semester)  # the same semester, already on its way
    tab.set_semester(None)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading)
    assert calls == [world.semester, None]
    assert tab.title.text() == "All semesters in numbers"


def test_long_names_on_the_chart_axes_are_whole_on_two_lines(qtbot: QtBot, sqlite_database: Database) -> None:
    overview = SemesterOverview(
        semester_id=None, semester_name="All semesters",
        topics_by_area={"International students": {}, "Research administration": {}, "Campus safety": {}},
        evaluation_scores=[DepartmentScore(1, "Network and Information Center", 4.0, 1)],
    )
    tab = OverviewTab(sqlite_database, Settings(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show_overview(overview)
    for name, expected in (("topics", {"International<br>students", "Research<br>administration", "Campus safety"}),
                           ("evaluation", {"Network and<br>Information Center"})):
        axis = tab.chart_views[name].chart().axes()[0]
        assert set(axis.categories()) == expected
        assert not axis.truncateLabels()  # Qt would otherwise cut a label to "…" where it lacks room


def test_a_long_name_beside_a_chart_fits_the_room_qt_gives_it() -> None:
    """Qt cuts a side label off at 40 % of the chart's width; in a 1280-pixel window that is about 18 characters."""
    for name, label in (
            ("Innovation and Entrepreneurship Center", "Innovation and<br>Entrepreneurship<br>Center"),
            ("School of Continuing Education", "School of<br>Continuing<br>Education"),
            ("Center for Teaching and Learning Development", "Center for<br>Teaching and<br>Learning…"),
            ("实验室与设备管理处", "实验室与设备管理处"),
            ("实验室与设备管理处教学发展中心", "实验室与设备管理处<br>教学发展中心"),
            ("Library", "Library")):
        assert axis_label(name) == label
        assert all(len(line) <= LABEL_LINE for line in label.split("<br>"))
