"""Every tab, the planner and every dialog work on a 1280×720 screen: nothing needs more room, no button is out of view."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.storage.database import Database
from tests.window_world import go_to, leave_window, open_planner, open_window, seed_world
from ui.shell.main_window import MainWindow
from ui.widgets.screen_fit import SMALLEST_SCREEN

WIDTH, HEIGHT = SMALLEST_SCREEN



@pytest.fixture(autouse=True)
def _small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen has the room of a 1280×720 laptop with its taskbar."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, WIDTH, HEIGHT))


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    win = open_window(qtbot, seed_world(sqlite_database))
    win.resize(WIDTH, HEIGHT)
    yield win
    leave_window(win)


def in_a_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def out_of_view(top: QWidget) -> list[str]:
    """The buttons of `top` that show but lie (partly) outside it; those in a scroll area scroll into view."""
    area = top.rect()
    lost = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or in_a_scroll_area(button, top):
            continue
        rect = QRect(button.mapTo(top, QPoint(0, 0)), button.size())
        if not area.contains(rect):
            lost.append(f"{button.text() or button.objectName()} at {rect.getRect()} outside {area.getRect()}")
    return lost


def check_fits(qtbot: QtBot, widget: QWidget, name: str) -> None:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, f"{name} needs {hint.toTuple()}"
    QWidget.show(widget)  # QWidget's own: the test holds QDialog.show
    qtbot.wait(10)
    assert widget.width() <= WIDTH and widget.height() <= HEIGHT, f"{name} asks for {widget.size().toTuple()}"
    assert not out_of_view(widget), f"{name}: {out_of_view(widget)}"


def test_every_tab_and_the_planner_fit(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(WIDTH, HEIGHT)
    for tab in window.record_tabs():
        go_to(qtbot, window, tab)
        if tab.model.rowCount():
            tab.select_record(tab.model.row_at(0)[0])
        check_fits(qtbot, window, window.tabs.tabText(window.tabs.currentIndex()))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check_fits(qtbot, window, window.tabs.tabText(index))
    planner: Any = open_planner(qtbot, window)
    check_fits(qtbot, window, "the planner")
    for button in (planner.save_button, planner.confirm_button, planner.slot_button):
        assert button.isVisible() and not in_a_scroll_area(button, window)


def test_every_dialog_fits(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command of every menu and the tabs' and the planner's buttons, with their dialogs held open."""
    opened: list[QDialog] = []

    def hold(dialog: QDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(QDialog, "exec", hold)
    monkeypatch.setattr(QDialog, "show", hold)
    for name in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")

    for tab in window.record_tabs():
        go_to(qtbot, window, tab)
        if tab.model.rowCount():
            tab.select_record(tab.model.row_at(0)[0])
    go_to(qtbot, window, window.workshops_tab)
    actions = [action for menu in (window.file_menu, window.edit_menu, window.export_menu, window.tools_menu,
                                   window.help_menu) for action in menu.actions()]
    actions += [action for action in window.findChildren(QAction) if action.menu() is None and action not in actions]
    for action in actions:
        if action is window.quit_action or action.isSeparator() or not action.isEnabled() or action.menu() or \
                action.objectName() == "use_local":  # would leave this test's database
            continue
        action.trigger()
    window.workshops_tab.new_record()  # a new exchange
    window.workshops_tab.edit_exchange()
    window.people_tab.add_to_exchange()
    planner: Any = open_planner(qtbot, window)
    planner.find_time_slot()
    planner.add_panel()
    planner.edit_speakers()

    kinds = {type(dialog).__name__ + ":" + (dialog.objectName() or dialog.windowTitle()) for dialog in opened}
    assert len(kinds) >= 12, kinds
    for dialog in opened:
        check_fits(qtbot, dialog, f"{type(dialog).__name__} {dialog.windowTitle()!r}")
