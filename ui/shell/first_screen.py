"""The window's first screen before its database is open: the Overview as last kept beside the database.

`draw_last_overview` shows the figures kept beside the database (app/views/first_screen.py)
in the Overview tab, marked as refreshing, when the Overview is the tab that opens first;
the tab then computes them again once the database is open. `keep_when_computed` keeps
them once computed, and `keep_overview` when the window closes. Neither loads SQLAlchemy
or the models' entities.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from pathlib import Path

    from app.views.overview_figures import SemesterOverview
    from ui.overview.overview_tab import OverviewTab
    from ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def draw_last_overview(window: MainWindow, url: str) -> bool:
    """Before `url` is open: draw the Overview kept beside it, if the Overview opens first; False
    when there is none to draw (the window keeps its opening page)."""
    if str(QSettings().value("window/tab", 0)) != "0":
        return False  # the last session ended on another tab, which opens first
    from app.i18n import current_language
    from app.views.first_screen import load_snapshot

    overview = load_snapshot(url, current_language())
    if overview is None:
        return False
    from ui.overview.overview_tab import OverviewTab
    from ui.widgets.translation import tr

    tab = OverviewTab(None, window.settings, window)
    tab.show_snapshot(overview)
    window.early_overview = tab
    # The opening page comes back only if the database fails to open.
    window.tabs.removeTab(window.tabs.indexOf(window.opening_page))
    window.add_tab(tab, tr("&Overview"))
    return True


def keep_overview(window: MainWindow) -> None:
    """Keep the Overview of the semester the window opened with, for the next start to draw at once."""
    overview_tab = next((tab for tab in window.all_tabs() if tab.objectName() == "overview_tab"), None)
    kept = _start_overview(window, overview_tab)
    if kept is not None:
        from app.views.first_screen import keep_snapshot

        keep_snapshot(*kept)


def keep_when_computed(window: MainWindow, tab: OverviewTab) -> None:
    """Keep the Overview of the semester the window opened with as soon as `tab` has computed it, on a worker
    thread: a window that never closes normally (a crash, a session ended by logging out) leaves it too."""
    from ui.widgets.background import run_in_background

    def computed() -> None:
        kept = _start_overview(window, tab)
        if kept is None:
            return
        from app.views.first_screen import keep_snapshot

        tab.loaded.disconnect(computed)
        run_in_background(lambda: keep_snapshot(*kept), lambda _done: None,
                          lambda error: log.warning("the Overview was not kept: %s", error, exc_info=error))

    tab.loaded.connect(computed)


def _start_overview(window: MainWindow, overview_tab: OverviewTab | None) -> tuple[Path, SemesterOverview, str] | None:
    """The local database's file, the Overview of the semester the window opened with and the interface
    language; None when there is no file or no such Overview computed."""
    path = window.database.path if window.has_database else None
    overview = getattr(overview_tab, "computed", {}).get(window.start_semester_id)
    if path is None or overview is None:
        return None
    from app.i18n import current_language

    return path, overview, current_language()
