"""Automatic backups of the local database, and File → Restore from backup….

Every `Settings.backup_interval_hours` (and at start, when the newest automatic backup
is older than that) the SQLite file is copied with SQLite's online backup API into the
backups folder; only the newest `Settings.backup_keep` automatic copies are kept. The
copy runs on a worker thread, so a large file never freezes the window.

Restoring is for administrators: it names the backup and says the current database is
kept as a copy, closes the database, puts the backup in its place (migrating an older
one), and lets the window reload. A shared PostgreSQL database is backed up by its
administrator with pg_dump instead (docs/shared-database.md).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.actor import Actor
from app.storage.backup import (
    backups_dir,
    check_backup_file,
    default_backups_dir,
    latest_automatic_backup,
    rotating_backup,
)
from app.storage.database import Database
from app.errors import AppError
from app.settings import Settings
from app.storage.transfer import restore_local_backup
from models.enums import UserRole
from ui.widgets.background import run_in_background
from ui.widgets.translation import tr

MAX_TIMER_MS = 2**31 - 1  # QTimer's limit, about 24.8 days


class BackupScheduler(QObject):
    """Makes the automatic backups of a local database; does nothing for PostgreSQL."""

    backed_up = Signal(object)  # Path of the new backup
    failed = Signal(str)

    def __init__(self, database: Callable[[], Database], settings: Settings, parent: QObject | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        # Decided now, not when a backup runs: the work runs later on a worker thread, and
        # must go where the data folder was when the window opened.
        self.folder = folder if folder is not None else default_backups_dir()
        self.running = False
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)

    @property
    def interval(self) -> timedelta:
        return timedelta(hours=max(1, int(self.settings.backup_interval_hours)))

    def start(self, first_check_ms: int = 5000) -> None:
        """Back up on the interval; check shortly after start whether one is due (not during start-up)."""
        self.stopped = False
        self.timer.setInterval(min(int(self.interval.total_seconds() * 1000), MAX_TIMER_MS))
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.run_if_due)  # cancelled if we are gone by then

    def stop(self) -> None:
        """No more backups (the window closes); one already copying finishes on its own."""
        self.stopped = True
        self.timer.stop()

    def is_due(self) -> bool:
        path = self.database().path
        if path is None or not path.exists():
            return False
        newest = latest_automatic_backup(path, self.folder)
        return newest is None or datetime.now() - newest >= self.interval

    def run_if_due(self) -> bool:
        if self.stopped:
            return False
        if self.is_due():
            self.run_now()
            return True
        return False

    def run_now(self) -> None:
        path = self.database().path
        if path is None or self.running or self.stopped:
            return
        self.running = True
        keep = max(1, int(self.settings.backup_keep))
        run_in_background(lambda: rotating_backup(path, keep, self.folder), self._done, self._failed)

    def _done(self, target: Path) -> None:
        self.running = False
        if not shiboken6.isValid(self):
            return
        self.backed_up.emit(target)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if not shiboken6.isValid(self):
            return
        self.failed.emit(str(error))


def restore_from_backup(parent: QWidget, database: Database, actor: Actor, *, folder: Path | None = None,
                        choose: Callable[[Path], Path | None] | None = None,
                        confirm: Callable[[str], bool] | None = None) -> Path | None:
    """Ask for a backup, confirm, restore; returns the copy kept of the replaced database, or None."""

    def say(title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    if not actor.can(UserRole.ADMINISTRATOR):
        say(tr("Restore from backup"), tr("Only an administrator may restore a backup."))
        return None
    if database.path is None:
        say(tr("Restore from backup"), tr("A shared PostgreSQL database is restored by its administrator with "
                                          "pg_restore (see docs/shared-database.md)."))
        return None
    directory = backups_dir(folder)
    chooser = choose or (lambda start: _choose_file(parent, start))
    source = chooser(directory)
    if source is None:
        return None
    try:
        check_backup_file(source)
    except AppError as error:
        say(tr("Restore from backup"), str(error))
        return None
    made = datetime.fromtimestamp(source.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    question = tr("Replace the database {db} with the backup {file} (saved {when})?\n\nThe current database is "
                  "kept as a copy in {folder}, so you can go back to it.") \
        .replace("{db}", str(database.path)).replace("{file}", source.name).replace("{when}", made) \
        .replace("{folder}", str(directory))
    asker = confirm or (lambda text: QMessageBox.question(
        parent, tr("Restore from backup"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Yes)
    if not asker(question):
        return None
    try:
        return restore_local_backup(actor, database, source, folder)
    except (AppError, OSError) as error:
        say(tr("Restore failed"), str(error))
        return None


def _choose_file(parent: QWidget, start: Path) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, tr("Restore from backup"), str(start), tr("IAD database backups (*.sqlite3)"))
    return Path(path) if path else None
