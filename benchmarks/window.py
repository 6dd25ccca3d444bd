"""Main window on the large database: start-up against a bare PySide6 window, typing, sorting, memory.

Start-up is measured from process start (the parent launches a fresh
interpreter) until the window is shown, the first list is loaded and the event
loop is idle; the bare window is measured the same way in the same run, so the
ratio holds on a noisy machine. Typing and sorting run in one process on a
100,000-row list shown in a real QTableView (offscreen), timing the model update
plus a synchronous repaint of the view.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.large_database import large_database

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QTimer
from app.database import open_database
from app.settings import Settings
from ui.application import ensure_application
from ui.main_window import MainWindow
application = ensure_application()
database = open_database(sys.argv[1])
window = MainWindow(database, Settings())
window.tabs.setCurrentWidget(window.topics_tab)
window.show()
def check():
    tab = window.tabs.currentWidget()
    if getattr(tab, "has_loaded", True):
        print("ready", flush=True)
        import resource
        print("rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
        application.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
application.exec()
"""


def launch(code: str, *args: str) -> tuple[float, dict[str, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    elapsed = 0.0
    extra: dict[str, float] = {}
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
        elif line.startswith("rss_mb"):
            extra["rss_mb"] = float(line.split()[1])
    process.wait()
    return elapsed, extra


def startup(db: Path, runs: int = 5) -> None:
    bare, ours, rss = [], [], []
    for _ in range(runs):
        bare.append(launch(BARE)[0])
        elapsed, extra = launch(APP, f"sqlite:///{db}")
        ours.append(elapsed)
        rss.append(extra.get("rss_mb", 0.0))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"start-up to usable window (median of {runs}): bare PySide6 {b:.3f} s, IAD Workshops {o:.3f} s, "
          f"ratio {o / b:.2f}x; peak RSS at start-up {max(rss):.0f} MB")


def lists(db: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QTableView

    from app import listing
    from app.database import open_database
    from ui.application import ensure_application
    from ui.table_model import Column, RowTableModel
    from ui.reports_tab import ReportsTab

    ensure_application()
    database = open_database(f"sqlite:///{db}")
    with database.sessions() as session:
        t0 = time.perf_counter()
        base = listing.reports(session, None)
        query_s = time.perf_counter() - t0
    rows = []
    while len(rows) < 100_000:
        offset = len(rows)
        rows.extend((offset + i, *row[1:]) for i, row in enumerate(base[: 100_000 - offset]))
    columns: list[Column] = list(ReportsTab.columns)
    model = RowTableModel(columns)
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    t0 = time.perf_counter()
    model.set_rows(rows)
    view.repaint()
    load_s = time.perf_counter() - t0
    keystrokes = []
    for text in ["u", "un", "uni", "univ", "unive", "univer", "w", "wa", "wan", "wang", "2", "20", "202", "2026",
                 "", "res", "rese", "resea", "resear", "research"]:
        t0 = time.perf_counter()
        model.set_search(text)
        view.repaint()
        keystrokes.append(time.perf_counter() - t0)
    model.set_search("")
    sorts = []
    for column in range(len(columns)):
        t0 = time.perf_counter()
        model.sort(column)
        view.repaint()
        sorts.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports list query ({len(base):,} rows): {query_s * 1000:.0f} ms; "
          f"loading 100,000 rows into the model and view: {load_s * 1000:.0f} ms")
    print(f"keystroke on 100,000 rows, model + repaint: median {statistics.median(keystrokes) * 1000:.1f} ms, "
          f"max {max(keystrokes) * 1000:.1f} ms ({len(keystrokes)} keystrokes)")
    print(f"sort 100,000 rows by each of {len(columns)} columns: max {max(sorts) * 1000:.0f} ms, "
          f"median {statistics.median(sorts) * 1000:.0f} ms")
    print(f"peak RSS of this process after the 100,000-row list: {rss:.0f} MB")
    database.close()


def main() -> None:
    db = large_database()
    startup(db)
    lists(db)


if __name__ == "__main__":
    main()
