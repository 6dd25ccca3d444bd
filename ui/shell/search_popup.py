"""Search everything (Ctrl+K): one box that finds topics, partners, people, workshops and reports and opens them.

Typing searches after a short pause (app/views/search.py, one LIMITed query per kind); the
arrow keys move through what was found, Enter opens it in its tab, Esc closes the box.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.views.search import Found, search_everything
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.translation import tr


class SearchPopup(QDialog):
    """`SearchPopup(window)`; `window.open_record(kind, id)` opens what is chosen."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.host = window
        self.setObjectName("search_everything")
        self.setWindowTitle(self.tr("Search everything"))
        self.box = QLineEdit()
        self.box.setObjectName("search_everything_box")
        self.box.setPlaceholderText(self.tr("Part of a name, in English or Chinese: topic, partner, person, "
                                            "workshop, report"))
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("search_everything_results")
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.search)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(self.open_item)
        fit_to_screen(self, 640, 420)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Up, Down and Enter in the box move through and open the results."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.results.setCurrentRow(max(0, min(self.results.count() - 1, self.results.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.timer.stop()
                self.search()
                item = self.results.currentItem()
                if item is not None:
                    self.open_item(item)
                return True
        return super().eventFilter(watched, event)

    def search(self) -> list[Found]:
        with self.host.database.sessions() as session:
            found = search_everything(session, self.box.text())
        self.results.clear()
        for record in found:
            item = QListWidgetItem(f"{record.name}\n    {record.detail}")
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        text = self.box.text().strip()
        self.note.setText("" if not text or found else self.tr("Nothing is called “{text}”.").replace("{text}", text))
        return found

    def open_item(self, item: QListWidgetItem) -> None:
        record = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(record, Found):
            self.hide()
            window = self.host
            # After this key press is over: the box goes away with the popup.
            QTimer.singleShot(0, lambda: window.open_record(record.kind, record.record_id))
            QTimer.singleShot(0, self.accept)


def search_everything_in(window: Any) -> SearchPopup:
    """Open the box over `window`, ready for typing."""
    popup = SearchPopup(window)
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    popup.show()
    popup.box.setFocus()
    return popup


def install(window: Any) -> None:
    """Edit → Search everything… (Ctrl+K); and Quit stays the last entry of the File menu, below the features'."""
    action = QAction(tr("Search &everything…"), window)
    action.setObjectName("search_everything")
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.triggered.connect(lambda: search_everything_in(window))
    window.edit_menu.insertAction(window.edit_menu.actions()[5] if len(window.edit_menu.actions()) > 5 else None,
                                  action)
    for item in (window._quit_separator, window.quit_action):
        window.file_menu.removeAction(item)
        window.file_menu.addAction(item)
