"""What the window shows while its database opens, and why it could not if it could not.

The window appears before the database layer is loaded (loading it takes longer than
showing the window); this page says what is happening meanwhile and, when the database
cannot be opened, offers the ways out instead of closing the window.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class OpeningPage(QWidget):
    open_file = Signal()
    use_local = Signal()
    quit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening_page")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("opening_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: opening has no steps to count
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(360)

        self.open_button = QPushButton(self.tr("&Open local database…"))
        self.open_button.clicked.connect(self.open_file)
        self.local_button = QPushButton(self.tr("Work on the &local database"))
        self.local_button.clicked.connect(self.use_local)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.quit)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.local_button, self.quit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.detail)
        column.addWidget(self.progress)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.show_opening()

    def show_opening(self) -> None:
        self.title.setText(self.tr("Opening the database…"))
        self.detail.setText(self.tr("The lists appear in a moment."))
        self.progress.show()
        for button in (self.open_button, self.local_button, self.quit_button):
            button.hide()

    def show_failure(self, message: str, *, offer_local: bool) -> None:
        self.title.setText(self.tr("The database could not be opened"))
        self.detail.setText(message)
        self.progress.hide()
        self.open_button.show()
        self.local_button.setVisible(offer_local)
        self.quit_button.show()
        self.open_button.setFocus()
