"""SQLite backups with the online backup API: on demand, scheduled, before migrations; restore.

Backups are written to `NAME.partial` and renamed when complete, in rollback-journal
mode, so a checked or restored backup never leaves `-wal`/`-shm` files beside it. A
restore takes the database for itself first (app/storage/presence.py): it refuses,
naming the program, while another program has the database open.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from app.errors import AppError, describe_os_error
from app.storage.file_locks import hold, remove_abandoned
from app.i18n import _
from app.settings import data_dir
from app.storage import presence as presence_notes
from models import schema

BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
SQLITE_MAGIC = b"SQLite format 3\x00"


def default_backups_dir() -> Path:
    """Where automatic backups go: `backups/` in the data folder (not created here)."""
    return data_dir() / "backups"


def backups_dir(override: Path | None = None) -> Path:
    folder = override or default_backups_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AppError(_("The backups folder {folder} cannot be created: {reason}.").format(
            folder=folder, reason=error.strerror or error)) from error
    return folder


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _os_error(error: OSError, target: Path) -> AppError:
    return AppError(describe_os_error(error, target))


def _sqlite_error(error: sqlite3.Error, target: Path) -> AppError:
    text = str(error).lower()
    if "disk is full" in text or "disk i/o" in text:
        return _os_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), target)
    if "readonly" in text or "unable to open" in text:
        return _os_error(OSError(errno.EACCES, os.strerror(errno.EACCES)), target)
    return AppError(_("Cannot write {file}: {reason}.").format(file=target, reason=error))


def _partial_files(partial: Path) -> list[Path]:
    return [partial, Path(f"{partial}-journal")]


@contextmanager
def _written_whole(destination: Path) -> Iterator[Path]:
    """`destination.partial` to write; renamed to `destination` when complete, removed on any failure."""
    partial = destination.with_name(destination.name + PARTIAL_SUFFIX)
    remove_abandoned(_partial_files(partial))  # left by a backup that was killed
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.touch()
    except OSError as error:
        raise _os_error(error, destination) from error
    holder = hold(partial)
    try:
        yield partial
        partial.replace(destination)
    except OSError as error:
        raise _os_error(error, destination) from error
    except sqlite3.Error as error:
        raise _sqlite_error(error, destination) from error
    finally:
        if holder is not None:
            holder.close()
        for path in _partial_files(partial):
            path.unlink(missing_ok=True)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database consistently, even while it is in use."""
    destination = Path(destination)
    if destination.resolve() == Path(source).resolve():
        raise AppError(_("The backup file must differ from the database itself."))
    with _written_whole(destination) as partial:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            # The copy of a WAL database is itself in WAL mode; opening it later would
            # leave -wal and -shm files beside it. A backup is a single file.
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
    return destination


def backup_before_migration(path: Path, revision: str, folder: Path | None = None) -> Path:
    target = backups_dir(folder) / f"{path.stem}-before-migration-from-{revision}-{_stamp()}{BACKUP_SUFFIX}"
    return backup_sqlite(path, target)


def remove_abandoned_partials(folder: Path | None = None) -> list[Path]:
    """Backups a killed program left half-written in the backups folder."""
    directory = folder or default_backups_dir()
    if not directory.is_dir():
        return []
    return remove_abandoned(sorted(directory.glob(f"*{PARTIAL_SUFFIX}")) +
                            sorted(directory.glob(f"*{PARTIAL_SUFFIX}-journal")))


def rotating_backup(path: Path, keep: int, folder: Path | None = None) -> Path:
    """A scheduled backup; only the newest `keep` automatic backups are kept."""
    directory = backups_dir(folder)
    remove_abandoned_partials(directory)
    target = backup_sqlite(path, directory / f"{path.stem}-auto-{_stamp()}{BACKUP_SUFFIX}")
    automatic = sorted(directory.glob(f"{path.stem}-auto-*{BACKUP_SUFFIX}"))
    for old in automatic[: max(0, len(automatic) - keep)]:
        old.unlink()
    return target


def latest_automatic_backup(path: Path, folder: Path | None = None) -> datetime | None:
    directory = backups_dir(folder)
    newest = sorted(directory.glob(f"{path.stem}-auto-*{BACKUP_SUFFIX}"))
    return datetime.fromtimestamp(newest[-1].stat().st_mtime) if newest else None


def check_backup_file(source: Path) -> str:
    """The schema revision of a backup; refuse anything that is not one of ours."""
    source = Path(source)
    if not source.is_file():
        raise AppError(_("{path} does not exist.").format(path=source))
    with source.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise AppError(_("{path} is not a backup of an IAD Workshops database.").format(path=source))
    wal = Path(f"{source}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Its latest changes are in the -wal file, which a copy of the file alone would lose.
        raise AppError(_("{path} is a database in use, not a backup; make a backup of it with "
                         "iad-workshops db backup and restore that.").format(path=source))
    try:
        # immutable: reading never creates -wal/-shm files beside the backup.
        with closing(sqlite3.connect(f"file:{source}?mode=ro&immutable=1", uri=True)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise AppError(_("{path} is not a backup of an IAD Workshops database.").format(path=source)) from error
    if row is None or row[0] not in schema.known_revisions():
        raise AppError(_("{path} comes from a newer or unknown version of the program.").format(path=source))
    return str(row[0])


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def _refuse_if_writing(database: Path) -> None:
    """A program that does not leave notes (sqlite3, a database browser) may hold a write open."""
    if not database.exists():
        return
    with closing(sqlite3.connect(database, timeout=2.0, isolation_level=None)) as connection:
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            raise AppError(_("{db} is being written by another program; close it there first, then restore.")
                           .format(db=database)) from error


def restore_sqlite(database: Path, source: Path, folder: Path | None = None,
                   own: presence_notes.Presence | None = None) -> Path:
    """Replace `database` with the backup `source`; returns the copy kept of what was replaced.

    The caller closes every connection of its own to `database` first (`own` is the
    caller's note, when it keeps the database open); any other program that has it open
    makes the restore refuse, naming the program.
    """
    database, source = Path(database), Path(source)
    if _same_file(database, source):
        raise AppError(_("{file} is the database itself; choose a backup to restore.").format(file=source))
    check_backup_file(source)
    claim = presence_notes.claim_for_restore(database, own)
    try:
        _refuse_if_writing(database)
        kept = backups_dir(folder) / f"{database.stem}-before-restore-{_stamp()}{BACKUP_SUFFIX}"
        if database.exists():
            backup_sqlite(database, kept)
        staged = database.with_name(database.name + ".restoring")
        try:
            staged.touch()
            holder = hold(staged)
            try:
                shutil.copyfile(source, staged)
                for sidecar in ("-wal", "-shm"):
                    Path(str(database) + sidecar).unlink(missing_ok=True)
                staged.replace(database)
            finally:
                if holder is not None:
                    holder.close()
                staged.unlink(missing_ok=True)
        except OSError as error:
            raise _os_error(error, database) from error
    finally:
        claim.release()
    return kept
