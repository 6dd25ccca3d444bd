"""Screenshots of every tab and the planner at 1280×720 on the small demo database, offscreen: `make screenshots`.

Writes docs/screenshots/<tab>.png in English. `--language zh_CN` (or LANGUAGE=zh_CN in the
environment) writes the Chinese window, 1280×720, into docs/screenshots/zh_CN/ named by the
English tab. Uses a scratch database and scratch settings, never the user's own.
"""
from __future__ import annotations

import os
import sys
import time
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def chosen_language(argv: list[str]) -> str:
    if "--language" in argv:
        return argv[argv.index("--language") + 1]
    from app.i18n import system_language

    return system_language()


def main() -> None:
    language = chosen_language(sys.argv[1:])
    scratch = Path(tempfile.mkdtemp(prefix="iad-screens-"))
    os.environ["IAD_CONFIG_DIR"] = str(scratch / "config")
    os.environ["IAD_DATA_DIR"] = str(scratch / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from app.actor import local_actor
    from app.storage.database import open_database
    from app.demo.builder import fill_demo
    from app.settings import Settings
    from ui.shell.application import ensure_application
    from ui.shell.language import install_interface_language

    application = ensure_application()
    chinese = install_interface_language(language) == "zh_CN"
    from ui.shell.main_window import MainWindow

    application.setFont(QFont("WenQuanYi Micro Hei", 9))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "qsettings"))
    database = open_database(f"sqlite:///{scratch / 'demo.sqlite3'}")
    with database.transaction() as session:
        fill_demo(session, "small")
    window = MainWindow(database, Settings(), local_actor())
    window.resize(1280, 720)  # the smallest screen the program is made for
    window.show()
    out = ROOT / "docs" / "screenshots" / ("zh_CN" if chinese else "")
    out.mkdir(parents=True, exist_ok=True)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        for _ in range(1000):  # lists and the Overview load on worker threads: give them up to 10 s
            QApplication.processEvents()
            if getattr(tab, "has_loaded", True) and not getattr(tab, "is_loading", False):
                break
            time.sleep(0.01)
        model = getattr(tab, "model", None)
        if model is not None and model.rowCount():
            tab.table.selectRow(0)
        for _ in range(20):
            QApplication.processEvents()
        name = window.tabs.tabText(index).replace("&", "").lower().replace(" ", "-")
        if chinese:  # named as the English ones ("WorkshopsTab" → workshops.png), so the two sets pair up
            name = type(tab).__name__.removesuffix("Tab").lower()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
    # A round with concurrent panels, opened in the planner.
    workshops = window.workshops_tab
    window.tabs.setCurrentWidget(workshops)
    with database.sessions() as session:
        from sqlalchemy import func, select

        from models import Panel

        busiest = session.scalar(select(Panel.workshop_id).group_by(Panel.workshop_id)
                                 .order_by(func.count(func.distinct(Panel.track)).desc(), Panel.workshop_id).limit(1))
    window.semester_box.setCurrentIndex(0)  # all semesters
    for _ in range(400):
        QApplication.processEvents()
        if workshops.has_loaded and not workshops.is_loading:
            break
    workshops.select_record(int(busiest))
    workshops.open_planner()
    for _ in range(50):
        QApplication.processEvents()
    window.grab().save(str(out / "planner.png"))
    print(out / "planner.png")
    # The same round's invitations, a partner contact's message on their own clock.
    from app.messages.recipients import Selection
    from ui.messages.compose_dialog import ComposeDialog

    compose = ComposeDialog(database, Settings(), local_actor(), "invitation", Selection(workshop_id=int(busiest)),
                            window)
    compose.resize(1280, 720)
    compose.show()
    languages = [compose.model.index(row, 2).data() for row in range(compose.model.rowCount())]
    compose.table.selectRow(languages.index("en") if "en" in languages else 0)
    for _ in range(20):
        QApplication.processEvents()
    compose.grab().save(str(out / "messages.png"))
    print(out / "messages.png")
    compose.close()
    window.close()
    database.close()


if __name__ == "__main__":
    main()
