"""The last line of defence: an error nobody foresaw is logged and explained, never a silent crash.

Qt calls our slots from its event loop; an exception escaping one would otherwise
only print to a console the officer never sees. The hook writes the traceback to
the log file in the data folder and says, in one message, that edits already saved
are safe and where the details are.
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.settings import data_dir
from ui.widgets.translation import tr

log = logging.getLogger("iad_workshops")


def log_file() -> Path:
    return data_dir() / "logs" / "iad-workshops.log"


def configure_logging() -> Path:
    """Warnings and errors of the whole program go to a rotating file in the data folder."""
    import logging.handlers

    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def report_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook for the window: log the traceback, tell the officer, keep running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Something went wrong"),
                      tr(
                          "The program met an error it did not expect: {error}\n\nWhat you saved before is safe; "
                          "the last action may not have finished. Details for support are in {file}.")
                      .replace("{error}", str(error) or kind.__name__).replace("{file}", str(log_file())))
    box.exec()


def install_hook() -> None:
    """Unexpected errors are reported from now on; `configure_logging` then gives them their file."""
    sys.excepthook = report_unexpected


def install() -> Path:
    install_hook()
    return configure_logging()
