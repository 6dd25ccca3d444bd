"""Showing other officers' changes as they happen: a timer that asks a ChangeWatcher.

Every ~1.5 s `ChangeWatcher.poll()` (app/storage/live_updates.py) says which tables changed
since the last tick; when any did, `on_change(tables)` runs, in the window
`window.refresh_all()`.

Contract with the window: `refresh_all()` reloads the lists but keeps the selection,
the scroll position and every unsaved edit in the open forms. A form with unsaved
edits must not be reloaded under the officer's hands; when they save, the version
check (optimistic locking) tells them if someone else saved meanwhile, and the
conflict dialog shows both versions.

The database is read through a getter on every tick, so after the window switches
databases the watcher follows by itself.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.storage.database import Database
from app.storage.live_updates import ChangeWatcher

INTERVAL_MS = 1500


class LiveRefresh(QObject):
    """Polls for changes on a timer; emits `changed(tables)` and calls `on_change`."""

    changed = Signal(object)  # set[str] of table names, or {"*"}

    def __init__(self, database: Callable[[], Database], on_change: Callable[[set[str]], None],
                 parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.database = database
        self.on_change = on_change
        self.watcher: ChangeWatcher | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.ticks = 0

    def start(self) -> None:
        self._watch(self.database())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    def restart(self) -> None:
        """After the database underneath changed wholesale (a restore, a reconnection)."""
        self.stop()
        self.start()

    def _watch(self, database: Database) -> None:
        if self.watcher is not None:
            self.watcher.close()
        self.watcher = ChangeWatcher(database)

    def tick(self) -> set[str]:
        self.ticks += 1
        database = self.database()
        if self.watcher is None or self.watcher.database is not database:
            # The window opened another database and refreshed itself; just follow it.
            self._watch(database)
            return set()
        changed = self.watcher.poll()
        if changed:
            self.changed.emit(changed)
            self.on_change(changed)
        return changed
