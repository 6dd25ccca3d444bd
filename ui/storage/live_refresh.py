"""Showing every change as it happens, in every open view: the officer's own and other officers'.

Every ~1.5 s `ChangeWatcher.poll()` (app/storage/live_updates.py) says which tables other
officers changed since the last tick; and `OwnCommits` says which tables this window's own
saves changed, right after each commit (a partner added in one tab appears in another
tab's picker, a person added to an exchange in the open planner's attendance). Either
way `on_change(tables)` runs, in the window `window.refresh_all()`; the window's own
commits are gathered into one call per turn of the event loop.

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

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.storage.database import Database
from app.storage.live_updates import ChangeWatcher, OwnCommits

INTERVAL_MS = 1500


class LiveRefresh(QObject):
    """Polls for changes on a timer; emits `changed(tables)` and calls `on_change`."""

    changed = Signal(object)  # set[str] of table names, or {"*"}
    # Emitted from whichever thread committed; queued to this object's thread.
    _own_commit = Signal(object)

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
        self.own: OwnCommits | None = None
        self._own_tables: set[str] = set()
        self._own_timer = QTimer(self)
        self._own_timer.setSingleShot(True)
        self._own_timer.setInterval(0)
        self._own_timer.timeout.connect(self._show_own_changes)
        self._own_commit.connect(self._note_own_commit)

    def start(self) -> None:
        self._watch(self.database())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
        if self.own is not None:
            self.own.close()
            self.own = None

    def restart(self) -> None:
        """After the database underneath changed wholesale (a restore, a reconnection)."""
        self.stop()
        self.start()

    def _watch(self, database: Database) -> None:
        if self.watcher is not None:
            self.watcher.close()
        self.watcher = ChangeWatcher(database)
        if self.own is not None:
            self.own.close()
        self.own = OwnCommits(database, self._emit_own_commit)

    def _emit_own_commit(self, tables: set[str]) -> None:
        if shiboken6.isValid(self):  # a window closed without stopping its refresh hears nothing more
            self._own_commit.emit(tables)

    def _note_own_commit(self, tables: set[str]) -> None:
        self._own_tables |= tables
        self._own_timer.start()

    def _show_own_changes(self) -> None:
        tables, self._own_tables = self._own_tables, set()
        if tables:
            self.changed.emit(tables)
            self.on_change(tables)

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
