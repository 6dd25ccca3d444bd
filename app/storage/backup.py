"""SQLite backups with the online backup API: on demand, scheduled, before migrations; restore."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from app.errors import AppError
from app.i18n import _
from app.settings import data_dir
from models import schema

BACKUP_SUFFIX = ".sqlite3"


def backups_dir(override: Path | None = None) -> Path:
    folder = override or data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database consistently, even while it is in use."""
    destination = Path(destination)
    if destination.resolve() == Path(source).resolve():
        raise AppError(_("The backup file must differ from the database itself."))
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    partial.replace(destination)
    return destination


def backup_before_migration(path: Path, revision: str, folder: Path | None = None) -> Path:
    target = backups_dir(folder) / f"{path.stem}-before-migration-from-{revision}-{_stamp()}{BACKUP_SUFFIX}"
    return backup_sqlite(path, target)


def rotating_backup(path: Path, keep: int, folder: Path | None = None) -> Path:
    """A scheduled backup; only the newest `keep` automatic backups are kept."""
    directory = backups_dir(folder)
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
        if handle.read(16) != b"SQLite format 3\x00":
            raise AppError(_("{path} is not a backup of an IAD Workshops database.").format(path=source))
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise AppError(_("{path} is not a backup of an IAD Workshops database.").format(path=source)) from error
    if row is None or row[0] not in schema.known_revisions():
        raise AppError(_("{path} comes from a newer or unknown version of the program.").format(path=source))
    return str(row[0])


def restore_sqlite(database: Path, source: Path, folder: Path | None = None) -> Path:
    """Replace `database` with the backup `source`; returns the copy kept of what was replaced.

    The caller closes every connection to `database` first.
    """
    check_backup_file(source)
    kept = backups_dir(folder) / f"{database.stem}-before-restore-{_stamp()}{BACKUP_SUFFIX}"
    if database.exists():
        backup_sqlite(database, kept)
    staged = database.with_name(database.name + ".restoring")
    shutil.copyfile(source, staged)
    for sidecar in ("-wal", "-shm"):
        Path(str(database) + sidecar).unlink(missing_ok=True)
    staged.replace(database)
    return kept
