"""Screenshots of a new database's first steps, Edit → Lists… and the time-slot finder, offscreen, at 1280×720.

Writes docs/screenshots/first-steps.png, lists.png and time-slot-finder.png (run by
`make screenshots`). Uses a scratch database and scratch settings, never the user's own.
"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(50):
        QApplication.processEvents()


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="iad-screens-"))
    os.environ["IAD_CONFIG_DIR"] = str(scratch / "config")
    os.environ["IAD_DATA_DIR"] = str(scratch / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont

    from app.actor import local_actor
    from app.planning.scheduling import Side, iad_side
    from app.planning.zones import OfficeHours
    from app.settings import Settings
    from app.storage.database import open_database
    from ui.directory.reference_lists import ListsDialog
    from ui.planning.time_slot_dialog import TimeSlotDialog
    from ui.shell.application import ensure_application
    from ui.shell.main_window import MainWindow

    application = ensure_application()
    application.setFont(QFont("WenQuanYi Micro Hei", 9))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "qsettings"))
    database = open_database(f"sqlite:///{scratch / 'new.sqlite3'}")
    window = MainWindow(database, Settings(), local_actor())
    window.resize(1280, 720)
    window.show()
    window.tabs.setCurrentIndex(0)
    settle()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "first-steps.png"))

    lists = ListsDialog(window, "rubric", window)
    lists.show()
    settle()
    lists.grab().save(str(out / "lists.png"))
    lists.close()

    finder = TimeSlotDialog(iad=iad_side(Settings()), partners=[Side("Columbia University", "America/New_York",
                                                                     country="US")],
                            office_hours=OfficeHours(), duration_minutes=180, first_day=date(2026, 12, 21),
                            parent=window)
    finder.show()
    settle()
    finder.grab().save(str(out / "time-slot-finder.png"))
    finder.close()
    for name in ("first-steps", "lists", "time-slot-finder"):
        print(out / f"{name}.png")
    window.close()
    database.close()


if __name__ == "__main__":
    main()
