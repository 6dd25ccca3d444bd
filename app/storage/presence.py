"""Which programs have a local database open, so a restore never swaps the file under one.

Every program that opens a SQLite database (the window, each command) leaves a small
note in a hidden folder beside the file, `.NAME.open/`, saying what it is (program,
process, computer, since when), and holds an operating-system lock on that note while
the database is open. A note whose lock is free belongs to a program that ended or was
killed; it is removed by whoever finds it. A restore announces itself the same way and
refuses while any other note is alive, naming the program; a program that opens the
database while a restore is running waits for it to end.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from app.errors import AppError, DatabaseOpenError
from app.storage.file_locks import lock
from app.i18n import _

_program = "iad-workshops"


def set_program_name(name: str) -> None:
    """How this process is named to other programs that find the database in use."""
    global _program
    _program = name


def _host_name() -> str:
    import socket  # here: the window starts without it

    return socket.gethostname()


def program_name() -> str:
    return _program


def notes_folder(database: Path) -> Path:
    return database.parent / f".{database.name}.open"


@dataclass(frozen=True)
class Holder:
    """Another program that has the database open."""

    program: str
    pid: int
    host: str
    since: str
    restoring: bool = False

    def describe(self) -> str:
        where = "" if self.host == _host_name() else _(" on {host}").format(host=self.host)
        return _("{program} (process {pid}{where}, since {since})").format(
            program=self.program, pid=self.pid, where=where, since=self.since)


class Presence:
    """This process's note: held from opening the database until closing it."""

    def __init__(self, database: Path, *, restoring: bool = False) -> None:
        self.database = database
        note = {
            "program": _program, "pid": os.getpid(), "host": _host_name(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"), "restoring": restoring,
        }
        folder = notes_folder(database)
        self.path = folder / f"{_host_name()}-{os.getpid()}-{time.monotonic_ns()}.json"
        # Written and locked under a name the others leave alone, then renamed: a note is never
        # seen unlocked while its program is alive (the lock follows the file, not the name).
        staged = folder / f"{self.path.name}.new"
        for attempt in range(20):
            try:
                folder.mkdir(exist_ok=True)
                self.handle: IO[Any] | None = staged.open("w+", encoding="utf-8")
                break
            except FileNotFoundError:  # the last program to leave removed the folder meanwhile
                if attempt == 19:
                    raise
        assert self.handle is not None
        try:
            self.handle.write(json.dumps(note))
            self.handle.flush()
            lock(self.handle, blocking=True)
            staged.replace(self.path)
        except BaseException:
            self.handle.close()
            staged.unlink(missing_ok=True)
            raise

    def others(self) -> list[Holder]:
        return [holder for path, holder in live_holders(self.database) if path != self.path]

    def release(self) -> None:
        if self.handle is None:
            return
        self.path.unlink(missing_ok=True)
        self.handle.close()
        self.handle = None
        try:
            notes_folder(self.database).rmdir()
        except OSError:
            pass  # others are still there


def live_holders(database: Path) -> list[tuple[Path, Holder]]:
    """The notes of programs that still run; the notes of ended programs are removed."""
    folder = notes_folder(database)
    if not folder.is_dir():
        return []
    found: list[tuple[Path, Holder]] = []
    for path in sorted(folder.glob("*.json")):
        try:
            with path.open("r+", encoding="utf-8") as handle:
                text = handle.read()
                if lock(handle):
                    # Nobody holds it: its program ended without closing (a crash, kill -9).
                    path.unlink(missing_ok=True)
                    continue
        except OSError:
            continue  # removed meanwhile
        try:
            raw = json.loads(text)
            found.append((path, Holder(program=str(raw["program"]), pid=int(raw["pid"]), host=str(raw["host"]),
                                       since=str(raw["since"]), restoring=bool(raw.get("restoring")))))
        except (ValueError, KeyError, TypeError):
            found.append((path, Holder(program=_("another program"), pid=0, host="", since="?")))
    for staged in folder.glob("*.json.new"):
        # A note being written takes a moment; one a minute old was left by a killed program.
        try:
            if time.time() - staged.stat().st_mtime > 60:
                staged.unlink(missing_ok=True)
        except OSError:
            continue
    return found


def announce(database: Path, *, wait_seconds: float = 30.0) -> Presence:
    """Note that this process uses `database`; waits while a backup is being restored into it."""
    deadline = time.monotonic() + wait_seconds
    while True:
        presence = Presence(database)
        restoring = [holder for holder in presence.others() if holder.restoring]
        if not restoring:
            return presence
        presence.release()
        if time.monotonic() >= deadline:
            raise DatabaseOpenError(_("A backup is being restored into {db} by {who}; try again when it has finished.").format(
                db=database, who=restoring[0].describe()))
        time.sleep(0.2)


def claim_for_restore(database: Path, own: Presence | None = None) -> Presence:
    """The right to replace `database`: refused, naming the program, while any other has it open."""
    presence = Presence(database, restoring=True)
    mine = {presence.path} | ({own.path} if own is not None else set())
    others = [holder for path, holder in live_holders(database) if path not in mine]
    if others:
        presence.release()
        names = "; ".join(holder.describe() for holder in others)
        raise AppError(_("{db} is in use by {who}; close it there first, then restore.").format(
            db=database, who=names))
    return presence
