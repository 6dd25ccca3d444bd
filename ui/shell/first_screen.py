"""The window's first screen before its database is open: the Overview as the last window left it.

`draw_last_overview` shows the figures kept beside the database (app/views/first_screen.py)
in the Overview tab, marked as refreshing, when the Overview is the tab that opens first;
the tab then computes them again once the database is open. `keep_overview` keeps them
when the window closes. Neither loads SQLAlchemy or the models' entities.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app.errors import AppError

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def draw_last_overview(window: MainWindow, url: str) -> bool:
    """Before `url` is open: draw the Overview the last window on it left, if the Overview opens first; False
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
    path = window.database.path if window.has_database else None
    overview_tab = next((tab for tab in window.all_tabs() if tab.objectName() == "overview_tab"), None)
    overview = getattr(overview_tab, "computed", {}).get(window.start_semester_id)
    if path is None or overview is None:
        return
    from app.i18n import current_language
    from app.views.first_screen import save_snapshot

    try:
        save_snapshot(path, overview, current_language())
    except AppError as error:  # a cache: the next start computes the figures instead
        log.info("the Overview was not kept for the next start: %s", error)
