"""How fast and how lean the evaluation spreadsheet is, against bare openpyxl in the same run.

Run: `.venv/bin/python benchmarks/evaluation_export.py [--rows 50000] [--repeat 5] [--keep DIR]`
(or `python -m benchmarks evaluation_export`).

Builds a scratch SQLite database with 10,000 department interviews of 5 rubric scores
each (50,000 score rows; 30 departments, 10 semesters, 2,000 exchanges with 60 partners,
notes on a third of the scores, Chinese names), reads the rows once, then alternately:
- bare: openpyxl write-only mode (lxml) appending the same row tuples under a plain
  header and saving (no styles, no summary, no widths);
- ours: exports.evaluation_xlsx.write_evaluation_workbook (styled header, fitted widths,
  text guarantee, date formats, frozen panes, filter, summary sheet and chart).
Each is run `--repeat` times, alternately. The figure is the ratio of the best CPU
times (time.process_time; the best of several runs is what the work itself costs,
the others carry interference from other processes on a shared machine, as timeit's
documentation explains); goal: ours ≤ 1.3 × bare. Medians and wall-clock times, and
the ratio of each alternating pair, are printed too.
The database read (app.views.spreadsheet_data.evaluation_rows) is timed separately.

Memory (goal: ≤ 150 MB): the whole export, read and write, runs in a fresh interpreter
and reports its peak resident set (ru_maxrss, everything the process ever held, the
interpreter and libraries included), and separately the peak of Python allocations
during the export (tracemalloc).
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from app.storage.database import open_database  # noqa: E402
from app.views.spreadsheet_data import EvaluationScoreRow, evaluation_rows  # noqa: E402
from exports.evaluation_xlsx import score_columns, write_evaluation_workbook  # noqa: E402
from models import (  # noqa: E402
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Partner,
    RubricItem,
    Semester,
    evaluation_exchanges,
)
from models.exchanges import exchange_partners  # noqa: E402

RATIO_GOAL = 1.3
MEMORY_GOAL_MB = 150.0
RUBRIC_ITEMS = 5
NOTES = ["The partner's peer-support model fits our counselling centre; we will pilot it next term.",
         "交流内容与日常管理高度相关，建议下学期继续。", "Interpretation was good; the second panel ran late.",
         "=would be a formula if it were not forced to text"]


def build_database(path: Path, rows: int) -> str:
    """A scratch database holding `rows` evaluation scores (rows / 5 interviews)."""
    url = f"sqlite:///{path}"
    database = open_database(url)
    rng = random.Random(7)
    interviews = rows // RUBRIC_ITEMS
    with database.transaction() as session:
        connection = session.connection()
        connection.execute(insert(Semester), [
            {"id": n + 1, "name": f"{2021 + n // 2} {'Spring' if n % 2 == 0 else 'Fall'}",
             "starts_on": date(2021 + n // 2, 2 if n % 2 == 0 else 9, 1),
             "ends_on": date(2021 + n // 2, 7 if n % 2 == 0 else 12, 31)} for n in range(10)])
        connection.execute(insert(Department), [
            {"id": n + 1, "name_en": f"Management Department {n + 1:02d}", "name_zh": f"管理部门{n + 1:02d}"}
            for n in range(30)])
        connection.execute(insert(Partner), [
            {"id": n + 1, "name": f"Partner University {n + 1:02d}", "country": "United Kingdom",
             "timezone": "Europe/London"} for n in range(60)])
        connection.execute(insert(RubricItem), [
            {"id": n + 1, "name_en": f"Rubric criterion {n + 1}", "name_zh": f"评价指标{n + 1}", "position": n}
            for n in range(RUBRIC_ITEMS)])
        connection.execute(insert(Exchange), [
            {"id": n + 1, "semester_id": n % 10 + 1, "title": f"Online exchange {n + 1} on student services"}
            for n in range(2000)])
        connection.execute(insert(exchange_partners), [
            {"exchange_id": n + 1, "partner_id": rng.randrange(60) + 1} for n in range(2000)])
        connection.execute(insert(Evaluation), [
            {"id": n + 1, "department_id": n % 30 + 1, "semester_id": n % 10 + 1,
             "interview_date": date(2021, 3, 1) + timedelta(days=n % 1800), "interviewer": "徐雯 Wen Xu"}
            for n in range(interviews)])
        links = set()
        for n in range(interviews):
            for _ in range(rng.choice((1, 1, 2))):
                links.add((n + 1, rng.randrange(2000) + 1))
        connection.execute(insert(evaluation_exchanges), [
            {"evaluation_id": e, "exchange_id": x} for e, x in sorted(links)])
        connection.execute(insert(EvaluationScore), [
            {"evaluation_id": n // RUBRIC_ITEMS + 1, "rubric_item_id": n % RUBRIC_ITEMS + 1,
             "score": rng.randint(1, 5), "notes": NOTES[n % len(NOTES)] if n % 3 == 0 else ""}
            for n in range(interviews * RUBRIC_ITEMS)])
    database.close()
    return url


def write_bare(rows: Sequence[EvaluationScoreRow], path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Scores")
    sheet.append([column.header for column in score_columns()])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def timed_both(work: Callable[[], Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process). The machine is shared: CPU time is what
    the work itself cost, wall time also holds the waits for other people's processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_memory(url: str, target: Path) -> dict[str, float]:
    """Run the whole export in a fresh interpreter; its peak RSS and peak Python allocations.

    The peak resident set is read from /proc/self/status (VmHWM): ru_maxrss is not
    reset by exec on Linux, so a child started from this (large) process would report
    this process's peak instead of its own.
    """
    script = f"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {str(ROOT)!r})

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

from app.storage.database import open_database
from exports.evaluation_xlsx import export_evaluations
database = open_database({url!r})
before = peak_kb()
mode = sys.argv[1]
if mode == "trace":
    tracemalloc.start()
start = time.perf_counter()
with database.sessions() as session:
    count = export_evaluations(session, {str(target)!r})
seconds = time.perf_counter() - start
traced = tracemalloc.get_traced_memory()[1] if mode == "trace" else 0
print(json.dumps({{"rows": count, "before_kb": before, "peak_kb": peak_kb(), "traced_peak": traced,
                  "seconds": seconds}}))
"""
    results = {}
    for mode in ("rss", "trace"):
        done = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True, check=True)
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "rss_peak_mb": results["rss"]["peak_kb"] / 1024,
        "rss_after_imports_mb": results["rss"]["before_kb"] / 1024,
        "traced_peak_mb": results["trace"]["traced_peak"] / 1024 / 1024,
        "seconds": results["rss"]["seconds"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the spreadsheets into this folder")
    args = parser.parse_args(argv if argv is not None else [])
    print(f"Python {platform.python_version()}, openpyxl {openpyxl.__version__}, lxml {openpyxl.LXML}, "
          f"{platform.machine()}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        url = build_database(Path(scratch) / "bench.sqlite3", args.rows)
        print(f"database with {args.rows:,} score rows built in {time.perf_counter() - start:.1f} s")
        database = open_database(url)
        with database.sessions() as session:
            reads = []
            for _ in range(3):
                reads.append(timed(lambda: evaluation_rows(session)))
            rows = evaluation_rows(session)
        print(f"rows read: {len(rows):,}; read (evaluation_rows) median {statistics.median(reads):.2f} s")

        bare_runs: list[tuple[float, float]] = []
        ours_runs: list[tuple[float, float]] = []
        write_bare(rows[:1000], folder / "warm-bare.xlsx")  # imports and caches, for both sides
        write_evaluation_workbook(rows[:1000], folder / "warm-ours.xlsx")
        for _ in range(args.repeat):  # alternately, so both sides see the same load
            bare_runs.append(timed_both(lambda: write_bare(rows, folder / "bare.xlsx")))
            ours_runs.append(timed_both(lambda: write_evaluation_workbook(rows, folder / "evaluations.xlsx")))
        database.close()
        memory = measure_memory(url, folder / "evaluations-memory.xlsx")

    bare_best, ours_best = min(cpu for _wall, cpu in bare_runs), min(cpu for _wall, cpu in ours_runs)
    bare_cpu = statistics.median(cpu for _wall, cpu in bare_runs)
    ours_cpu = statistics.median(cpu for _wall, cpu in ours_runs)
    bare_wall = statistics.median(wall for wall, _cpu in bare_runs)
    ours_wall = statistics.median(wall for wall, _cpu in ours_runs)
    ratio = ours_best / bare_best
    pairs = [ours[1] / bare[1] for ours, bare in zip(ours_runs, bare_runs)]
    print(f"bare openpyxl write-only: CPU best {bare_best:.2f} s, median {bare_cpu:.2f} s; wall median {bare_wall:.2f} s")
    print(f"ours (styled + summary):  CPU best {ours_best:.2f} s, median {ours_cpu:.2f} s; wall median {ours_wall:.2f} s")
    print(f"ratio ours / bare, best CPU times: {ratio:.2f} (goal ≤ {RATIO_GOAL}) "
          f"{'OK' if ratio <= RATIO_GOAL else 'NOT MET'}")
    print(f"  median CPU {ours_cpu / bare_cpu:.2f}, median wall {ours_wall / bare_wall:.2f}, "
          f"per alternating pair: {', '.join(f'{p:.2f}' for p in pairs)}")
    print(f"whole export (read + write) in a fresh process: {memory['seconds']:.2f} s")
    print(f"peak RSS of a fresh process doing the whole export: {memory['rss_peak_mb']:.0f} MB "
          f"(after imports and opening the database: {memory['rss_after_imports_mb']:.0f} MB) "
          f"(goal ≤ {MEMORY_GOAL_MB:.0f} MB) {'OK' if memory['rss_peak_mb'] <= MEMORY_GOAL_MB else 'NOT MET'}")
    print(f"peak Python allocations during the export (tracemalloc): {memory['traced_peak_mb']:.0f} MB")
    return 0 if ratio <= RATIO_GOAL and memory["rss_peak_mb"] <= MEMORY_GOAL_MB else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
