"""Main window on the large database: start-up against a bare PySide6 window, stalls, typing, sorting, memory.

Start-up runs the real command, `python -m app --database FILE`, with
IAD_STARTUP_REPORT=quit, and times from launching the process until it reports
the window shown (the event loop idle after `show()`: the moment a bare window
prints "ready"), its first frame painted (a bare window prints "painted"), and the
first list filled (painted), its screen complete (the Overview's charts, drawn just after the last
window's figures, painted too) and the list current; the command itself reports how long its
window's thread stalled from showing until one second after that list was filled,
and its peak memory. Each run has its own profile:

- fresh: an empty settings folder (IAD_CONFIG_DIR, and XDG_CONFIG_HOME where Qt keeps
  the window layout), as a new officer or a new workstation starts: the default tab,
  the Overview;
- remembered: settings saved by an earlier session that ended on the Reports tab.

The database is as `demo` made it: with the Overview a new window opens with beside it
(`large.sqlite3-overview.json`, app/views/first_screen.py), which a start draws before its
database is open; that file is put back as `demo` left it before each run (the run's window
keeps its own figures there too). The same start is also measured with no figures file (the
file removed before each run), as on a database copied without it or a shared PostgreSQL
database. Each start reports its first list "filled" (figures on screen, the last ones kept
included, marked as refreshing) and "current" (read from the database).

A bare QMainWindow in a fresh interpreter is launched alternately with the command,
so that every ratio compares two launches made under the same load. Typing and
sorting run in one process on a 100,000-row list shown in a real QTableView
(offscreen, exposed), timing the model update plus a synchronous repaint, each
alternately with a fixed CPU reference task (sorting 200,000 strings).
"""
from __future__ import annotations

import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.views.first_screen import snapshot_file
from benchmarks.large_database import OUT, large_database

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QEvent, QObject, QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False
first_frame = FirstFrame(); w.installEventFilter(first_frame)
w.show()
QTimer.singleShot(0, lambda: print("ready", flush=True))
app.exec()
"""
PROFILES = ("fresh", "remembered")
REPORTS_TAB = 5  # Overview, Topics, Partners, Workshops, People, Reports


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def launch(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start until each line the process prints ('ready', or the start-up report)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert process.stdout is not None
    events: dict[str, float] = {}
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line)
        now = time.perf_counter() - start
        if line.startswith(("ready", "painted")):
            events[line.strip()] = now
        elif line.startswith("iad-workshops start-up: "):
            events[line.removeprefix("iad-workshops start-up: ").rsplit(" ", 2)[0]] = now
        elif line.startswith("iad-workshops stalls: "):
            found = re.search(r"longest (\d+) ms \(from ([\d.]+) s\), (\d+) of", line)
            if found:
                events["stall_ms"], events["stall_at"] = float(found.group(1)), float(found.group(2))
                events["stalls_over_100"] = float(found.group(3))
        elif line.startswith("iad-workshops memory: peak "):
            events["rss_mb"] = float(line.split()[3])
    if process.wait() != 0 or not ({"painted", "first list filled"} & set(events)):
        # Said, not hidden: a start that fails is a finding, not noise.
        print(f"  a launch failed (exit status {process.returncode}); its last output:\n    "
              + "    ".join(lines[-8:]), flush=True)
        events["failed"] = 1.0
    return events


def child_env(*, bytecode_cache: bool) -> dict[str, str]:
    """With the cache, as every start after the first: compiled modules are kept (in benchmarks/out, so the
    checkout stays clean). Without it our own modules are compiled at every start, as on the first start
    after an editable install or where PYTHONDONTWRITEBYTECODE is set."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "IAD_DATABASE_URL")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # QT_QPA_PLATFORM=xcb under xvfb-run: a real X server
    if bytecode_cache:
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def profile_env(env: dict[str, str], profile: str, folder: Path) -> dict[str, str]:
    """Settings folders of their own under `folder`: empty (fresh) or with the Reports tab remembered."""
    config = folder / "config"
    qt_config = folder / "xdg-config"
    if profile == "remembered":
        layout = qt_config / "SJTU IAD" / "IAD Online Workshops.conf"
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(f"[window]\ntab={REPORTS_TAB}\n", encoding="utf-8")
    return {**env, "IAD_CONFIG_DIR": str(config), "XDG_CONFIG_HOME": str(qt_config),
            "IAD_DATA_DIR": str(folder / "data"), "IAD_STARTUP_REPORT": "quit"}


def spread(values: list[float], unit: str = "s", scale: float = 1.0, digits: int = 3) -> str:
    return (f"median {statistics.median(values) * scale:.{digits}f} {unit}, "
            f"worst {max(values) * scale:.{digits}f} {unit}")


def startup(db: Path, runs: int = 7, *, profile: str = "fresh", bytecode_cache: bool = True,
            last_figures: bool = True) -> None:
    """The real command, `python -m app --database FILE`, against a bare window, alternately; each run of the
    command with a new profile folder. Before each run the Overview's figures file is put back as `demo` left
    it, or without `last_figures` removed."""
    env = child_env(bytecode_cache=bytecode_cache)
    app_command = [sys.executable, "-m", "app", "--database", str(db)]
    snapshot = snapshot_file(db)
    if not snapshot.exists():
        raise SystemExit(f"{snapshot} is missing: remove {db} for large_database() to make both again")
    as_made = snapshot.read_bytes()
    with tempfile.TemporaryDirectory(prefix="iad-bench-") as scratch:
        def app_run(n: int) -> dict[str, float]:
            if last_figures:
                snapshot.write_bytes(as_made)
            else:
                snapshot.unlink(missing_ok=True)
            return launch(app_command, profile_env(env, profile, Path(scratch) / f"run{n}"))

        # Warm-up: fills the bytecode cache and the disk cache.
        launch([sys.executable, "-c", BARE], env)
        app_run(0)
        bare_shown, bare, shown, frame, filled, complete, current, stalls, rss = [], [], [], [], [], [], [], [], []
        failed = 0
        for n in range(1, runs + 1):
            ready = launch([sys.executable, "-c", BARE], env)
            events = app_run(n)
            if "failed" in events or "failed" in ready:
                failed += 1
                continue
            bare_shown.append(ready["ready"])
            bare.append(ready["painted"])
            shown.append(events["window shown"])
            frame.append(events["first frame"])
            filled.append(events["first list filled"])
            # The Overview drawn from the last figures shows its charts a moment after them.
            complete.append(events.get("first screen complete", events["first list filled"]))
            current.append(events["first list current"])
            stalls.append((events.get("stall_ms", float("nan")), events.get("stall_at", float("nan"))))
            rss.append(events.get("rss_mb", float("nan")))

    def against(values: list[float], bare_values: list[float]) -> str:
        ratios = [v / r for v, r in zip(values, bare_values, strict=True)]
        return f"{spread(values)}; against the bare window of the same pair {spread(ratios, 'x', digits=2)}"

    snapshot.write_bytes(as_made)
    database_state = ("the database as `demo` made it, its Overview's figures beside it" if last_figures
                      else "no figures file beside the database")
    print(f"start-up, {profile} profile, {database_state}, {'with' if bytecode_cache else 'without'} bytecode cache, "
          f"{len(bare)} pairs ({load()}){f'; {failed} launches failed' if failed else ''}:")
    print(f"  bare PySide6 window: shown {spread(bare_shown)}; first frame {spread(bare)}")
    print(f"  window shown and responding (before its first frame): {against(shown, bare_shown)}")
    print(f"  first frame painted: {against(frame, bare)}")
    print(f"  first list filled (painted): {against(filled, bare)} "
          f"(median over median {statistics.median(filled) / statistics.median(bare):.2f}x)")
    print(f"  first screen complete (the Overview's charts painted too): {against(complete, bare)}")
    print(f"  first list current (read from the database): {against(current, bare)}")
    longest = max(stalls)
    print(f"  longest stall of the window's thread, from showing until 1 s after the list is current: "
          f"median {statistics.median(s for s, _at in stalls):.0f} ms, worst {longest[0]:.0f} ms "
          f"(at {longest[1]:.2f} s)")
    print(f"  peak memory (VmHWM) 1 s after the list is current: median {statistics.median(rss):.0f} MB, "
          f"worst {max(rss):.0f} MB")
    print(f"  runs: shown {', '.join(f'{x:.3f}' for x in shown)}; filled {', '.join(f'{x:.3f}' for x in filled)}; "
          f"complete {', '.join(f'{x:.3f}' for x in complete)}; "
          f"current {', '.join(f'{x:.3f}' for x in current)}; "
          f"bare first frame {', '.join(f'{x:.3f}' for x in bare)}", flush=True)


def reference_task(words: list[str]) -> float:
    """The fixed CPU reference: sorting 200,000 short strings, in seconds."""
    t0 = time.perf_counter()
    sorted(words)
    return time.perf_counter() - t0


def lists(db: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

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
    # Set up as every tab's list is (ui/widgets/record_tab.py), shown and exposed so that a repaint
    # really draws the visible cells.
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.resize(1200, 700)
    view.show()
    QTest.qWaitForWindowExposed(view)
    QApplication.processEvents()
    t0 = time.perf_counter()
    model.set_rows(rows)
    view.repaint()
    load_s = time.perf_counter() - t0
    randomiser = random.Random(17)
    words = ["".join(randomiser.choices("abcdefghijklmnopqrstuvwxyz", k=12)) for _ in range(200_000)]
    keystrokes, sorts, references = [], [], []
    keystrokes_cpu, sorts_cpu = [], []  # this process's CPU time: what other people's work cannot stretch
    for text in ["u", "un", "uni", "univ", "unive", "univer", "w", "wa", "wan", "wang", "2", "20", "202", "2026",
                 "", "res", "rese", "resea", "resear", "research"]:
        references.append(reference_task(words))
        t0, c0 = time.perf_counter(), time.process_time()
        model.set_search(text)
        view.repaint()
        keystrokes.append(time.perf_counter() - t0)
        keystrokes_cpu.append(time.process_time() - c0)
    model.set_search("")
    for column in range(len(columns)):
        references.append(reference_task(words))
        t0, c0 = time.perf_counter(), time.process_time()
        model.sort(column)
        view.repaint()
        sorts.append(time.perf_counter() - t0)
        sorts_cpu.append(time.process_time() - c0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reference = statistics.median(references)
    print(f"lists ({load()}):")
    print(f"  reports list query ({len(base):,} rows): {query_s * 1000:.0f} ms; "
          f"loading 100,000 rows into the model and view: {load_s * 1000:.0f} ms")
    print(f"  CPU reference, sorting 200,000 strings, interleaved: {spread(references, 'ms', 1000, 1)}")
    print(f"  keystroke on 100,000 rows, model + repaint: {spread(keystrokes, 'ms', 1000, 1)} "
          f"({len(keystrokes)} keystrokes); median {statistics.median(keystrokes) / reference:.2f}x the reference")
    print(f"  sort 100,000 rows by each of {len(columns)} columns: {spread(sorts, 'ms', 1000, 0)}; "
          f"worst {max(sorts) / reference:.2f}x the reference")
    print(f"  CPU time of this process: keystroke {spread(keystrokes_cpu, 'ms', 1000, 1)}; "
          f"sort {spread(sorts_cpu, 'ms', 1000, 0)}")
    print(f"  peak RSS of this process after the 100,000-row list: {rss:.0f} MB", flush=True)
    database.close()


def main() -> None:
    db = large_database()
    for profile in PROFILES:
        startup(db, profile=profile, bytecode_cache=True)
    startup(db, profile="fresh", bytecode_cache=True, last_figures=False)
    startup(db, profile="fresh", bytecode_cache=False)
    lists(db)


if __name__ == "__main__":
    main()
