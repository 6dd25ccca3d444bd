"""Main window on the large database: start-up against a bare PySide6 window, typing, sorting, memory.

Start-up runs the real command, `python -m app --database FILE`, with
IAD_STARTUP_REPORT=quit, and times from launching the process until it reports
the window shown (the event loop idle after `show()`: the moment a bare window
prints "ready") and the first list filled. A bare QMainWindow in a fresh
interpreter is measured alternately in the same run, so the ratios hold on a
noisy machine. Typing and sorting run in one process on a
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

from benchmarks.large_database import OUT, large_database

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


def launch(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start until each line the process prints ('ready', or the start-up report)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert process.stdout is not None
    events: dict[str, float] = {}
    for line in process.stdout:
        now = time.perf_counter() - start
        if line.startswith("ready"):
            events["ready"] = now
        elif line.startswith("iad-workshops start-up: "):
            events[line.removeprefix("iad-workshops start-up: ").rsplit(" ", 2)[0]] = now
        elif line.split(" ")[0] in ("rss_mb", "longest_gap_ms", "late_ticks", "ticks"):
            events[line.split()[0]] = float(line.split()[1])
    process.wait()
    return events


def child_env(*, bytecode_cache: bool) -> dict[str, str]:
    """With the cache, as every start after the first: compiled modules are kept (in benchmarks/out, so the
    checkout stays clean). Without it our own modules are compiled at every start, as on the first start
    after an editable install or where PYTHONDONTWRITEBYTECODE is set."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # QT_QPA_PLATFORM=xcb under xvfb-run: a real X server
    if bytecode_cache:
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def startup(db: Path, runs: int = 7, *, bytecode_cache: bool = True) -> None:
    """The real command, `python -m app --database FILE`, against a bare window, alternately."""
    env = child_env(bytecode_cache=bytecode_cache)
    app_env = {**env, "IAD_STARTUP_REPORT": "quit"}
    app_command = [sys.executable, "-m", "app", "--database", str(db)]
    launch([sys.executable, "-c", BARE], env)  # warm-up: fills the bytecode cache and the disk cache
    launch(app_command, app_env)
    bare, shown, filled = [], [], []
    for _ in range(runs):
        bare.append(launch([sys.executable, "-c", BARE], env)["ready"])
        events = launch(app_command, app_env)
        shown.append(events["window shown"])
        filled.append(events["first list filled"])
    b, s, f = statistics.median(bare), statistics.median(shown), statistics.median(filled)
    print(f"start-up {'with' if bytecode_cache else 'without'} bytecode cache (median of {runs}, from process "
          f"start): bare PySide6 window {b:.3f} s; IAD Workshops window shown and responding {s:.3f} s, ratio "
          f"{s / b:.2f}x; first list filled {f:.3f} s, ratio {f / b:.2f}x")
    print(f"  shown: {', '.join(f'{x:.3f}' for x in shown)}; filled: {', '.join(f'{x:.3f}' for x in filled)}; "
          f"bare: {', '.join(f'{x:.3f}' for x in bare)}")
    opening = while_opening(db, env)
    print(f"  while the database opens behind the window: longest event-loop stall "
          f"{opening['longest_gap_ms']:.0f} ms, {opening['late_ticks']:.0f} of {opening['ticks']:.0f} 10-ms timer "
          f"ticks late by over 50 ms; peak RSS once the first list is filled: {opening['rss_mb']:.0f} MB")


def while_opening(db: Path, env: dict[str, str]) -> dict[str, float]:
    """Peak memory once the first list is filled, and how long the event loop stalled while the database
    opened behind the window (a 10 ms timer's longest gap, and how often it ran late by more than 50 ms)."""
    code = (
        "import re, sys, time\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.shell.application import start_window\n"
        "window = start_window(sys.argv[1])\n"
        "ticks = [time.perf_counter()]\n"
        "timer = QTimer(interval=10)\n"
        "timer.timeout.connect(lambda: ticks.append(time.perf_counter()))\n"
        "timer.start()\n"
        "def check():\n"
        "    if window.has_database and getattr(window.tabs.currentWidget(), 'has_loaded', True):\n"
        "        gaps = [b - a for a, b in zip(ticks, ticks[1:])]\n"
        "        print('longest_gap_ms', max(gaps) * 1000, flush=True)\n"
        "        print('late_ticks', sum(g > 0.06 for g in gaps), flush=True)\n"
        "        print('ticks', len(gaps), flush=True)\n"
        # VmHWM: ru_maxrss survives exec on Linux and would report the benchmark's own peak.
        "        peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
        "        print('rss_mb', int(peak.group(1)) / 1024, flush=True)\n"
        "        QApplication.quit()\n"
        "    else:\n"
        "        QTimer.singleShot(5, check)\n"
        "QTimer.singleShot(0, check)\n"
        "QApplication.exec()\n"
    )
    return launch([sys.executable, "-c", code, str(db)], env)


def lists(db: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QTableView

    from app.views import listing
    from app.storage.database import open_database
    from ui.shell.application import ensure_application
    from ui.widgets.table_model import Column, RowTableModel
    from ui.outcomes.reports_tab import ReportsTab

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
    startup(db, bytecode_cache=True)
    startup(db, bytecode_cache=False)
    lists(db)


if __name__ == "__main__":
    main()
