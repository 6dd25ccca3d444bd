"""An unforeseen error in the window is logged and explained, and the program goes on."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.shell import error_report
def test_an_unexpected_error_is_logged_and_explained(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    root = logging.getLogger()
    handlers = list(root.handlers)
    old_hook = sys.excepthook
    try:
        path = error_report.install()
        try:
            raise RuntimeError("the cat sat on the keyboard")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = old_hook
        for handler in root.handlers[len(handlers):]:
            handler.close()
            root.removeHandler(handler)
    assert shown and "the cat sat on the keyboard" in shown[0] and str(path) in shown[0]
    logged = Path(path).read_text(encoding="utf-8")
    assert "RuntimeError: the cat sat on the keyboard" in logged and "Traceback" in logged
