"""Starting the window: QApplication, opening the database, reporting what went wrong."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.database import Database, open_database, resolve_database_url
from app.errors import DatabaseOpenError
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


def open_or_explain(url: str) -> Database | None:
    """Open the database, or show the one sentence that says why not."""
    try:
        return open_database(url)
    except DatabaseOpenError as error:
        QMessageBox.critical(
            None, QCoreApplication.translate("application", "Cannot open the database"), str(error)
        )
        return None


def run_gui(database_url: str | None = None) -> int:
    application = ensure_application()
    settings = Settings.load()
    database = open_or_explain(resolve_database_url(database_url, settings))
    if database is None:
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(database, settings)
    window.show()
    code = application.exec()
    database.close()
    return int(code)
