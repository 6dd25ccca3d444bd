"""Whether costs grow no faster than the data: the large database against two and five times its rows.

`large_database(5)` holds the same twenty semesters as the large database with five times
the workshops, participants and reports (`large_database(2)` twice). Each size runs in a fresh
interpreter (so that the peak memory is that work's own): Reports for all semesters
(`listing.reports`), the Overview of all semesters and of one semester, who is due for an
interview, and saving one interview (in a transaction rolled back afterwards), each the median
of 3 after a warm-up. The 1x and 5x processes run in turn, 5 rounds, so that both sizes of a
round meet the same load, and each ratio is a round's; 2x runs once, for its memory. Then the
real command's start-up from a fresh profile (benchmarks/window.py), 3 pairs against a bare
window, which reports its peak memory. Beside them, a reference: the interpreter making as many
ten-field rows as there are reports, in memory, with nothing read (what any design that holds
every row as Python objects pays at least). The goals: at 5x, each within 5x its 1x figure; the
program's memory at 2x within 300 MB.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.large_database import large_database
from benchmarks.window import child_env, load, startup

ROUNDS = 5

MEASURE = r'''
import json, re, statistics, sys, time
from datetime import date
from sqlalchemy import func, select
from app.actor import local_actor
from app.evaluation.interviews import InterviewInput, department_exchanges, due_for_interview, list_rubric, save_interview
from app.settings import Settings
from app.storage.bulk_reading import collector_paused
from app.storage.database import open_database
from app.views import listing
from app.views.overview import semester_overview
from models import Department, Semester

database = open_database(f"sqlite:///{sys.argv[1]}")
settings = Settings()
today = date(2026, 12, 1)
figures = {}

def timed(name, work):
    times, cpu = [], []
    for run in range(4):
        t0, c0 = time.perf_counter(), time.process_time()
        work()
        if run:
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    figures[name] = statistics.median(times)
    figures["cpu_" + name] = statistics.median(cpu)

with database.sessions() as session:
    semester = session.scalar(select(Semester.id).order_by(Semester.starts_on.desc()).limit(1))
    department = session.scalar(select(Department.id).order_by(Department.id).limit(1))
    exchange_ids = [e.id for e in department_exchanges(session, department)][:2]
    rubric = [item.id for item in list_rubric(session)]

def reports():
    with database.sessions() as session:
        listing.reports(session, None)

def overview(semester_id):
    def run():
        with database.sessions() as session:
            semester_overview(session, semester_id, today, settings=settings)
    return run

def due():
    with database.sessions() as session:
        due_for_interview(session, today, settings=settings)

def save():
    data = InterviewInput(department_id=department, semester_id=semester, interview_date=today,
                          interviewer="Chen Jing", interviewees="Director Wu", findings="Useful contacts",
                          scores={item: 4 for item in rubric}, exchange_ids=exchange_ids)
    with database.sessions() as session:
        save_interview(session, local_actor(), data)
        session.flush()
        session.rollback()

timed("reports_all_semesters_s", reports)
timed("overview_all_semesters_s", overview(None))
timed("overview_one_semester_s", overview(semester))
timed("due_for_interview_s", due)
timed("save_interview_s", save)
with database.sessions() as session:
    from models import Report
    figures["reports"] = session.scalar(select(func.count()).select_from(Report))

def reference():
    # the interpreter alone: as many ten-field rows as there are reports, made in memory
    day = date(2026, 6, 30)
    with collector_paused():
        [(i, f"Person {i % 997}", "Department", f"Exchange {i % 491}", "research", f"Report title {i}", day, None,
          "accepted", None) for i in range(figures["reports"])]

timed("reference_s", reference)
figures["peak_rss_mb"] = int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(json.dumps(figures))
'''


def measure(db: Path) -> dict[str, float]:
    env = child_env(bytecode_cache=True)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(db)], capture_output=True, text=True, env=env,
                            check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    sizes = {1: large_database(1), 2: large_database(2), 5: large_database(5)}
    print(f"data work at 1x, 2x and 5x, {ROUNDS} rounds of a 1x and a 5x process in turn ({load()}):", flush=True)
    rounds = [(measure(sizes[1]), measure(sizes[5])) for _ in range(ROUNDS)]
    one, five = ({name: statistics.median(r[side][name] for r in rounds) for name in rounds[0][side]}
                 for side in (0, 1))
    figures = {1: one, 2: measure(sizes[2]), 5: five}
    print(f"  reports: {one['reports']:,.0f} at 1x, {five['reports']:,.0f} at 5x "
          f"({five['reports'] / one['reports']:.2f}x the rows)")
    for name in ("reports_all_semesters_s", "reference_s", "overview_all_semesters_s", "overview_one_semester_s",
                 "due_for_interview_s", "save_interview_s"):
        ratios = [b[name] / a[name] for a, b in rounds]
        cpu_ratios = [b["cpu_" + name] / a["cpu_" + name] for a, b in rounds]
        ratio = statistics.median(ratios)
        label = ("reference, as many rows made in memory" if name == "reference_s"
                 else name.removesuffix('_s').replace('_', ' '))
        print(f"  {label}: {one[name] * 1000:.0f} ms at 1x, {five[name] * 1000:.0f} ms at 5x (medians); "
              f"5x over 1x of each round {ratio:.2f}x median, {max(ratios):.2f}x worst"
              f"{'' if ratio <= 5 else ' (over 5x)'}; CPU time {statistics.median(cpu_ratios):.2f}x median "
              f"({', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"  peak memory of that work (all of it in one process): {one['peak_rss_mb']:.0f} MB at 1x, "
          f"{figures[2]['peak_rss_mb']:.0f} MB at 2x, {five['peak_rss_mb']:.0f} MB at 5x", flush=True)
    for scale, db in sizes.items():
        print(f"-- start-up at {scale}x", flush=True)
        startup(db, runs=3, profile="fresh")


if __name__ == "__main__":
    main()
