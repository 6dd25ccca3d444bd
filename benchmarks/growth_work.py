"""Whether the work grows with the data: instructions and cache misses counted, not timed, at 1x and 5x.

Times on this shared machine move by a third from round to round (benchmarks/scaling.py).
Valgrind's cachegrind counts the instructions a process executes, the same in every run
whatever else the machine does, and simulates this processor's caches (their sizes read
from /sys) to count the data that missed them. Each measure runs twice at each size: once
opening the database and reading the semesters, once doing the same and then the work; the
difference is the work's own. The work: Reports for all semesters (`listing.reports`), and
the reference of benchmarks/scaling.py, the interpreter making as many ten-field rows in
memory. A few minutes; needs valgrind (Debian's package of that name).
"""
from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from benchmarks.large_database import large_database
from benchmarks.window import child_env, load

WORK = r'''
import sys
from datetime import date
from app.storage.bulk_reading import collector_paused
from app.storage.database import open_database
from app.views import listing

database = open_database(f"sqlite:///{sys.argv[1]}", upgrade=False)
with database.sessions() as session:
    listing.semesters(session)  # the connection opened and a query run either way
    reports = session.connection().exec_driver_sql("SELECT count(*) FROM reports").scalar()
    if sys.argv[2] == "reports":
        listing.reports(session, None)
    elif sys.argv[2] == "reference":
        day = date(2026, 6, 30)
        with collector_paused():
            rows = [(i, f"Person {i % 997}", "Department", f"Exchange {i % 491}", "research", f"Report title {i}",
                     day, None, "accepted", None) for i in range(reports)]
'''
COUNTERS = {"instructions": r"I\s+refs:\s+([\d,]+)", "first-level data misses": r"D1\s+misses:\s+([\d,]+)",
            "last-level data misses": r"LLd misses:\s+([\d,]+)"}


def cache(index: int) -> str | None:
    """cachegrind's `size,associativity,line size` for the processor's cache `index` (0: first-level data,
    3: last level), as Linux reports it."""
    folder = Path(f"/sys/devices/system/cpu/cpu0/cache/index{index}")
    try:
        size = (folder / "size").read_text().strip()
        ways = (folder / "ways_of_associativity").read_text().strip()
        line = (folder / "coherency_line_size").read_text().strip()
    except OSError:
        return None
    number = int(size.rstrip("KM")) * (1024 if size.endswith("K") else 1024 * 1024 if size.endswith("M") else 1)
    return f"{number},{ways},{line}"


def counted(db: Path, work: str, caches: list[str]) -> dict[str, int]:
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=yes", *caches, "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", WORK, str(db), work],
        capture_output=True, text=True, env=child_env(bytecode_cache=True), check=True)
    return {name: int(re.search(pattern, result.stderr).group(1).replace(",", ""))  # type: ignore[union-attr]
            for name, pattern in COUNTERS.items()}


def main() -> None:
    if shutil.which("valgrind") is None:
        print("  skipped: valgrind is not installed (Debian: apt-get install valgrind)")
        return
    d1, ll = cache(0), cache(3)
    caches = [*([f"--D1={d1}"] if d1 else []), *([f"--LL={ll}"] if ll else [])]
    sizes = {1: large_database(1), 5: large_database(5)}
    rows = {scale: sqlite3.connect(db).execute("SELECT count(*) FROM reports").fetchone()[0]
            for scale, db in sizes.items()}
    print(f"counted by cachegrind, simulated caches {', '.join(caches) or 'valgrind defaults'} ({load()}); "
          f"{rows[1]:,} reports at 1x, {rows[5]:,} at 5x ({rows[5] / rows[1]:.2f}x the rows):", flush=True)
    base = {scale: counted(db, "none", caches) for scale, db in sizes.items()}
    for work, label in (("reports", "Reports for all semesters"), ("reference", "reference, as many rows made in memory")):
        own = {}
        for scale, db in sizes.items():
            total = counted(db, work, caches)
            own[scale] = {name: total[name] - base[scale][name] for name in COUNTERS}
        print(f"  {label}: " + "; ".join(
            f"{name} {own[1][name] / 1e6:,.1f} M at 1x, {own[5][name] / 1e6:,.1f} M at 5x, "
            f"{own[5][name] / own[1][name]:.2f}x" for name in COUNTERS), flush=True)


if __name__ == "__main__":
    main()
