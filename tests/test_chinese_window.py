"""The window in Chinese: every tab, menu and dialog on the demo database shows no English left.

A text counts as English when, after the data's own values (names of partners, people,
titles…) and a short allow-list (URLs, file patterns, product names, units) are taken out,
a word of Latin letters is left. A failure names the text and where it was seen; to fix it,
wrap the string in `self.tr()` / `_()` and translate it (docs/languages.md).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import String, Text, select

from app.actor import local_actor
from app.demo.builder import fill_demo
from app.planning.places import places
from app.settings import Settings
from app.storage.database import Database
from models.base import Base
from ui.shell.language import install_interface_language
from ui.shell.main_window import MainWindow

# Words that stay as they are in the Chinese interface: product and format names, units, keys.
ALLOWED_WORDS = {
    "iad", "zoom", "wechat", "global", "sjtu", "pdf", "excel", "csv", "html", "markdown", "icalendar", "ics",
    "postgresql", "sqlite", "sha", "mb", "utc", "gmt", "hh", "mm", "yyyy", "dd", "ctrl", "shift", "enter", "tab",
    "english", "truetype", "tls", "sslmode", "pg_dump", "pg_restore", "it", "id", "docx", "xlsx", "url", "min",
    "vtimezone", "iana", "secret", "service", "keychain", "windows", "macos", "credential", "manager", "db",
    "upgrade", "iad-workshops", "starttls", "outlook", "thunderbird", "foxmail", "eml", "yyyy-mm-dd", "ttf", "ttc", "wang", "fang", "london", "sydney", "language",
}
ABBREVIATION = re.compile(r"[A-Z]{2,5}")  # time-zone names such as CST, BST, AEDT, and units
# Tokens that are addresses, paths, patterns or zones rather than words.
NOT_WORDS = re.compile(r"\S*(?:://|@|/|\\|\*\.)\S*|\b[\w-]+(?:\.[\w-]+){2,}\b|\b[\w.-]+\.(?:md|py|pdf|xlsx|ics|eml|html|sqlite3|ttf|ttc)\b|\{\w+\}|%\d")
WORD = re.compile(r"[A-Za-z][A-Za-z'’_-]*[A-Za-z]")


def english_words(text: str, data_values: list[str]) -> list[str]:
    cleaned = re.sub(r"<[^>]+>", " ", text).replace("&&", "").replace("&", "")
    for value in data_values:
        if value in cleaned:
            cleaned = cleaned.replace(value, " ")
    # A long name cut short to fit ("Research data management po…") is still the data's.
    for cut in re.findall(r"([^·\n]+?)…", cleaned):
        if len(cut.strip()) > 3 and any(value.startswith(cut.strip()) for value in data_values):
            cleaned = cleaned.replace(cut + "…", " ")
    cleaned = NOT_WORDS.sub(" ", cleaned)
    return [word for word in WORD.findall(cleaned)
            if word.lower() not in ALLOWED_WORDS and not ABBREVIATION.fullmatch(word)]


def visible_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything a user reads on `widget` and its children."""
    widgets = [widget, *widget.findChildren(QWidget)]
    for child in widgets:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        where = f"{type(widget).__name__} › {type(child).__name__} {child.objectName()}".strip()
        if child.isWindow():
            yield where + " (title)", child.windowTitle()
        yield where + " (tooltip)", child.toolTip()
        if isinstance(child, QLabel):
            yield where, child.text()
        elif isinstance(child, QAbstractButton):
            yield where, child.text()
        elif isinstance(child, QGroupBox):
            yield where, child.title()
        elif isinstance(child, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield where + " (placeholder)", child.placeholderText()
        elif isinstance(child, QComboBox):
            yield where + " (placeholder)", child.placeholderText()
            for index in range(child.count()):
                yield where + " (item)", child.itemText(index)
        elif isinstance(child, QTabWidget):
            for index in range(child.count()):
                yield where + " (tab)", child.tabText(index)
        elif isinstance(child, QAbstractItemView) and not isinstance(child, QListWidget):
            model = child.model()
            if model is not None:
                for column in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(column, Qt.Orientation.Horizontal, role)
                        if isinstance(value, str):
                            yield where + " (header)", value
        for action in child.actions():
            yield where + " (action)", action.text()
            yield where + " (action tooltip)", action.toolTip() if action.toolTip() != action.text().replace(
                "&", "") else ""


def menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        yield path, action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), path + " › " + action.text())


@pytest.fixture
def chinese() -> Iterator[None]:
    install_interface_language("zh_CN")
    yield
    install_interface_language("en")


@pytest.fixture
def demo(sqlite_database: Database) -> Database:
    with sqlite_database.transaction() as session:
        fill_demo(session, "small", today=date(2026, 10, 1))
    return sqlite_database


def data_values(database: Database) -> list[str]:
    """Every text stored in the demo database: proper names and titles that stay as the data has them."""
    values: set[str] = set()
    with database.sessions() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text)) and not c.foreign_keys]
            if not columns:
                continue
            for row in session.execute(select(*columns)):
                values.update(str(v).strip() for v in row if isinstance(v, str) and len(v.strip()) > 1)
    # The zone picker names cities and countries in both languages so that either can be typed: proper names.
    values.update(name for place in places() for name in (place.city_en, place.country_en))
    # IANA zone names are identifiers, shown as they are in both languages.
    zones = available_timezones()
    values.update(zones)
    values.update(part.replace("_", " ") for zone in zones for part in zone.split("/"))
    values.update(part for zone in zones for part in zone.split("/"))
    return sorted(values, key=len, reverse=True)


class Seen:
    """Collects the English left in every window and dialog the test opens."""

    def __init__(self, values: list[str]) -> None:
        self.values = values
        self.english: dict[str, str] = {}
        self.dialogs: list[str] = []

    def check(self, pairs: Iterator[tuple[str, str]]) -> None:
        for where, text in pairs:
            if text and english_words(text, self.values):
                self.english.setdefault(text, where)

    def dialog(self, dialog: QWidget) -> None:
        self.dialogs.append(type(dialog).__name__ + ": " + dialog.windowTitle())
        self.check(visible_texts(dialog))

    def report(self) -> str:
        return "\n".join(f"  {text!r}  — seen in {where}" for text, where in sorted(self.english.items()))


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, demo: Database, tmp_path: Path) -> Seen:
    """Dialogs are looked at, then cancelled; file choosers and questions answer "no"."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    # The login shown in "signed in as" is data too.
    collector = Seen([*data_values(demo), local_actor().username])

    def exec_dialog(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        collector.dialog(dialog)
        dialog.hide()
        return int(QDialog.DialogCode.Rejected)

    def message(_parent: object, title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        collector.check(iter([("message box (title)", title), ("message box", text)]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QDialog, "exec", exec_dialog)
    monkeypatch.setattr(QMessageBox, "exec", exec_dialog)
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, message)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    return collector


# Menu entries that leave this database or the program, or change data without a dialog.
SKIPPED_ACTIONS = {"quit", "new_database", "open_database", "use_local", "connect_shared", "load_demo",
                   "create_owed_reports", "recompute"}


def settle(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: getattr(tab, "has_loaded", True) and not getattr(tab, "is_loading", False),
                    timeout=10000)
    QApplication.processEvents()


def test_every_tab_menu_and_dialog_is_in_chinese(qtbot: QtBot, chinese: None, demo: Database, seen: Seen) -> None:
    window = MainWindow(demo, Settings(language="zh_CN"), local_actor())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    for menu_action in window.menuBar().actions():
        seen.check(iter([("menu bar", menu_action.text())]))
        if menu_action.menu() is not None:
            menu_action.menu().aboutToShow.emit()
            seen.check(menu_texts(menu_action.menu(), menu_action.text()))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot, window)
        tab = window.tabs.currentWidget()
        table = getattr(tab, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)
            QApplication.processEvents()
        seen.check(visible_texts(window))
        for button in tab.findChildren(QAbstractButton):
            if button.isVisible() and button.isEnabled() and button.text().endswith("…"):
                button.click()
                QApplication.processEvents()
    # Every menu entry that opens a dialog, with a workshop selected so the planner opens too.
    window.tabs.setCurrentWidget(window.workshops_tab)
    settle(qtbot, window)
    window.workshops_tab.table.selectRow(0)
    for action in window.findChildren(QAction):
        if action.objectName() in SKIPPED_ACTIONS or action.menu() is not None or not action.isEnabled():
            continue
        if not action.text() or not action.associatedObjects():
            continue
        action.trigger()
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if top is not window and top.isVisible() and isinstance(top, QDialog):
                seen.dialog(top)
                top.reject()
    seen.check(visible_texts(window))
    assert len(seen.dialogs) >= 10, seen.dialogs
    assert not seen.english, "English left in the Chinese window:\n" + seen.report()


def test_the_chinese_window_says_chinese_things_in_words_and_dates(qtbot: QtBot, chinese: None, demo: Database) -> None:
    window = MainWindow(demo, Settings(language="zh_CN"), local_actor())
    qtbot.addWidget(window)
    window.show()
    assert [window.tabs.tabText(i) for i in range(3)] == ["概览(&O)", "专题(&T)", "合作院校(&P)"]
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    window.tabs.setCurrentWidget(window.workshops_tab)
    settle(qtbot, window)
    model = window.workshops_tab.table.model()
    cells = [str(model.index(row, column).data()) for row in range(min(model.rowCount(), 5))
             for column in range(model.columnCount())]
    assert any(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日] \d\d:\d\d", cell) for cell in cells), cells


def test_english_is_back_when_chosen(qtbot: QtBot, demo: Database) -> None:
    install_interface_language("zh_CN")
    install_interface_language("en")
    window = MainWindow(demo, Settings(language="en"), local_actor())
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
