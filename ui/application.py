"""Starting the window: QApplication, opening the database, reporting what went wrong."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.database import resolve_database_url
from app.settings import Settings

ORGANISATION = "SJTU IAD"
APPLICATION = "IAD Online Workshops"


def configure_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def ensure_application() -> QApplication:
    configure_application_names()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(sys.argv[:1])
    application.setWindowIcon(QIcon.fromTheme("x-office-calendar"))
    return application


def run_gui(database_url: str | None = None) -> int:
    application = ensure_application()
    from ui import error_report

    error_report.install()
    settings = Settings.load()
    from ui.connect_dialog import open_database_with_prompt

    # Asks for a shared database's password when the keyring has none; explains any other refusal.
    database = open_database_with_prompt(resolve_database_url(database_url, settings))
    if database is None:
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(database, settings)
    window.show()
    code = application.exec()
    database.close()
    return int(code)
