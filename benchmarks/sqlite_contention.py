"""Several programs editing one local database at once: how many edits fail with "database is locked".

Each of `WRITERS` processes makes `EDITS` edits of the same partner the way the window
does: read the record, then save it with its version (optimistic locking). An edit ends
saved, as a conflict (someone saved first; the officer is shown both versions), or as a
lock failure. Run once with the old way of starting a transaction (a reader that later
wants to write) and once with `Database.transaction()` (waits for the write lock first).

`python -m benchmarks sqlite_contention`
"""
from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

WRITERS = 4
EDITS = 250


def _edit(url: str, writer: int, old_way: bool, edits: int, results: multiprocessing.Queue) -> None:
    from app.actor import Actor
    from app.directory.partners import partners
    from app.errors import AppError, ConflictError
    from app.storage.database import open_database
    from models import Partner
    from models.enums import UserRole

    actor = Actor(f"officer{writer}", UserRole.OFFICER)
    database = open_database(url)

    @contextmanager
    def old_transaction() -> Iterator[Session]:
        with database.sessions() as session, session.begin():
            yield session

    outcomes: Counter[str] = Counter()
    for edit in range(edits):
        try:
            with database.sessions() as session:
                version = session.get_one(Partner, 1).version
            with (old_transaction() if old_way else database.transaction()) as session:
                partners.get(session, 1)  # the form re-reads the record before saving it
                partners.update(session, actor, 1, expected_version=version, city=f"w{writer}e{edit}")
            outcomes["saved"] += 1
        except ConflictError:
            outcomes["conflict shown"] += 1
        except OperationalError as error:
            outcomes["raw 'database is locked'" if "locked" in str(error) else "other error"] += 1
        except AppError:
            outcomes["busy, one sentence"] += 1
    database.close()
    results.put(outcomes)


def run(old_way: bool, writers: int = WRITERS, edits: int = EDITS) -> Counter[str]:
    from app.actor import Actor
    from app.directory.partners import partners
    from app.storage.database import open_database
    from models.enums import UserRole

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'contention.sqlite3'}"
        database = open_database(url)
        with database.transaction() as session:
            partners.create(session, Actor("admin", UserRole.ADMINISTRATOR), name="Kyoto University",
                            country="Japan", timezone="Asia/Tokyo")
        database.close()
        results: multiprocessing.Queue = multiprocessing.Queue()
        processes = [multiprocessing.Process(target=_edit, args=(url, n, old_way, edits, results))
                     for n in range(writers)]
        for process in processes:
            process.start()
        total: Counter[str] = Counter()
        for _ in processes:
            total.update(results.get())
        for process in processes:
            process.join()
        return total


def main() -> None:
    print(f"{WRITERS} processes x {EDITS} edits of one record; load average {os.getloadavg()[0]:.1f}")
    for old_way in (True, False):
        label = "reader first (before)" if old_way else "write lock first (now)"
        total = run(old_way)
        print(f"  {label:24} " + ", ".join(f"{name}: {count}" for name, count in sorted(total.items())))


if __name__ == "__main__":
    main()
