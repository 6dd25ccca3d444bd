"""Opening the window's database on a worker thread, with what the tabs import from the layers below.

Importing SQLAlchemy, the models and the services takes several times as long as showing a
window, so `open_for_window` does it, opens the database and signs in off the window's thread
(ui/shell/main_window.py, `MainWindow.open_in_background`). The tabs' own modules are imported
on the window's thread, as each tab is built: they define PySide6 classes, and defining them on
a worker while the window's thread ran Qt crashed the program (a segmentation fault in about
one start of a hundred).
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
    "app.views.interview_rows", "app.views.semester_report", "app.views.search", "app.planning.places",
)


FEATURE_MODULES = ("ui.planning.planning_actions", "ui.documents.pdf_actions", "ui.documents.spreadsheet_actions",
                   "ui.outcomes.outcomes_actions", "ui.messages.messages_actions", "ui.storage.shared_actions",
                   "ui.shell.search_popup")


def open_for_window(url: str) -> tuple[Database, Login]:
    """Open `url` and sign in; runs on a worker thread and loads the database layer and the services on the way
    (nothing that defines a PySide6 class: tests/test_start_up.py)."""
    for name in DATABASE_MODULES:
        importlib.import_module(name)
    from app.storage.users import open_and_sign_in

    return open_and_sign_in(url)
