"""Opening the window's database on a worker thread, with everything the tabs will import.

Importing SQLAlchemy, the models and the tabs' modules takes several times as long as
showing a window, so `open_for_window` does it, opens the database and signs in off the
window's thread (ui/shell/main_window.py, `MainWindow.open_in_background`).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.storage.database import Database
    from app.storage.users import Login

# What the tabs and the features import from the layers below; the worker thread that opens
# the database imports them too, so that building the tabs afterwards does not wait for them.
DATABASE_MODULES = (
    "app.actor", "app.output_files", "models", "exports.list_catalog",
    "app.storage.backup", "app.storage.connection", "app.storage.credentials", "app.storage.database",
    "app.storage.live_updates", "app.storage.transfer", "app.storage.users",
    "app.directory.organisation", "app.directory.partners", "app.topics.records", "app.topics.intake",
    "app.planning.records", "app.planning.exchange_setup", "app.outcomes.records", "app.outcomes.reports",
    "app.outcomes.follow_ups", "app.evaluation.records", "app.views.evaluation_summary",
    "app.views.documents", "app.views.listing", "app.views.overview", "app.views.spreadsheet_data",
    "app.messages.templates", "app.messages.recipients",
    "app.views.interview_rows", "app.views.semester_report",
)


FEATURE_MODULES = ("ui.planning.planning_actions", "ui.documents.pdf_actions", "ui.documents.spreadsheet_actions",
                   "ui.outcomes.outcomes_actions", "ui.messages.messages_actions", "ui.storage.shared_actions", "ui.shell.search_popup")
# The tabs and features themselves: imported on the same worker thread, so that the window's
# thread only builds widgets when the database is open (importing them took it 0.1-0.7 s).
TAB_MODULES = (
    "ui.topics.topics_tab", "ui.partners.partners_tab", "ui.planning.workshops_tab", "ui.people.people_tab",
    "ui.outcomes.reports_tab", "ui.evaluation.evaluations_tab", "ui.overview.overview_tab", *FEATURE_MODULES,
)


def open_for_window(url: str) -> tuple[Database, Login]:
    """Open `url` and sign in; runs on a worker thread and loads the database layer and the tabs' modules
    on the way (importing defines classes only: no widget is made off the window's thread)."""
    for name in DATABASE_MODULES:
        importlib.import_module(name)
    for name in TAB_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise  # a feature left out of a build is skipped when installing; anything else is a bug
    from app.storage.users import open_and_sign_in

    return open_and_sign_in(url)


