"""A backup restored while another program keeps saving: how many saves reported as done are lost.

A writer process opens the database as every program does and saves one row every few
milliseconds, counting the saves it was told were committed. Halfway, a restore runs
from this process: the old way (copy the backup over the file, keeping a copy of the
replaced one) and the way `db restore` does it now (refuses while another program has
the database open). Afterwards each save is looked for in the restored database and in
the kept copy; a save in neither is lost.

`python -m benchmarks restore_under_load`
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

SAVES = 60


def _writer(path: str, saves: int, started: multiprocessing.Event, done: multiprocessing.Queue) -> None:
    from sqlalchemy import text

    from app.storage.database import open_database

    database = open_database(path)
    committed = []
    for n in range(saves):
        with database.transaction() as session:
            session.execute(text("INSERT INTO departments (name_en) VALUES (:name)"), {"name": f"save {n}"})
        committed.append(f"save {n}")
        if n == saves // 2:
            started.set()
        time.sleep(0.01)
    database.close()
    done.put(committed)


def _old_restore(database: Path, backup: Path, kept: Path) -> None:
    """The restore as it was: a copy of the live file is kept, then the backup is renamed over it."""
    from app.storage.backup import backup_sqlite

    backup_sqlite(database, kept)
    staged = database.with_name(database.name + ".restoring")
    shutil.copyfile(backup, staged)
    for sidecar in ("-wal", "-shm"):
        Path(str(database) + sidecar).unlink(missing_ok=True)
    staged.replace(database)


def _names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT name_en FROM departments")}


def run(old_way: bool, saves: int = SAVES) -> dict[str, int]:
    from app.errors import AppError
    from app.storage.backup import backup_sqlite, restore_sqlite
    from app.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        database, backup, kept = root / "live.sqlite3", root / "backup.sqlite3", root / "kept.sqlite3"
        open_database(database).close()
        backup_sqlite(database, backup)
        started, done = multiprocessing.Event(), multiprocessing.Queue()
        writer = multiprocessing.Process(target=_writer, args=(str(database), saves, started, done))
        writer.start()
        started.wait(60)
        refused = 0
        if old_way:
            _old_restore(database, backup, kept)
        else:
            try:
                kept = restore_sqlite(database, backup, root / "kept")
            except AppError:
                refused = 1
        committed = done.get(timeout=120)
        writer.join()
        found = _names(database) | (_names(kept) if kept.exists() else set())
        return {"reported saved": len(committed), "lost": len(set(committed) - found), "restore refused": refused}


def main() -> None:
    print(f"{SAVES} saves by another program, a restore halfway; load average {os.getloadavg()[0]:.1f}; "
          f"{datetime.now():%Y-%m-%d %H:%M}")
    for old_way in (True, False):
        result = run(old_way)
        label = "before (file replaced)" if old_way else "now (restore refuses)"
        print(f"  {label:24} " + ", ".join(f"{name}: {value}" for name, value in result.items()))


if __name__ == "__main__":
    main()
