"""Sizes that fit the screen: a window or dialog asks for the size it would like and gets at most the screen.

Officers work on 1280×720 laptops as well as large monitors: a dialog asking for 1300×720 would
put its buttons off-screen there. What does not fit scrolls (QScrollArea) instead.
"""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The smallest screen the program is made for, less a taskbar: every window and dialog fits in it.
SMALLEST_SCREEN = (1280, 690)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width × height, or to what the screen it is on has room for."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    widget.resize(width, height)
