"""The main window: one tab per step of the semester's cycle."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from app.database import Database
from app.settings import Settings

TAB_TITLES = ["Topics", "Partners", "Workshops", "People", "Reports", "Evaluations"]


class MainWindow(QMainWindow):
    def __init__(self, database: Database, settings: Settings) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self.setWindowTitle(self.tr("IAD Online Workshops"))
        self.tabs = QTabWidget()
        for title in TAB_TITLES:
            self.tabs.addTab(QLabel(title), self.tr(title))
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage(database.description)
