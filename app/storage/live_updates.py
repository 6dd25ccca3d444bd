"""Noticing changes other officers made, so every open window can show them (no Qt here).

PostgreSQL: every flush of a session of the Database sends `pg_notify('iad_changes',
'<table>:<id>')` inside its transaction, so the notification is delivered when (and only
if) the transaction commits. A ChangeWatcher keeps one extra autocommit connection that
LISTENs on the channel and collects what arrived, without blocking.

SQLite: `PRAGMA data_version` on a dedicated connection changes whenever another
connection (another program, or this program's own pool) commits; the audit entries
written since then say which tables changed.

`ChangeWatcher.poll()` returns the names of the tables changed since the previous poll,
or {EVERYTHING} when changes may have been missed (a lost connection, a restored file,
a change made outside the program). An empty set means nothing changed. Changes this
program committed itself through the same Database are not reported by the watcher:
`OwnCommits` reports those, as soon as they are committed, so that every open view of
this window shows them too.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.storage.change_notices import CHANNEL, EVERYTHING, install_change_notifications, tables_of
from app.storage.database import Database

if TYPE_CHECKING:
    import psycopg

RECONNECT_INTERVAL_SECONDS = 15.0

log = logging.getLogger(__name__)


# ---- receiving -----------------------------------------------------------------------
class _PostgresListener:
    def __init__(self, url: URL) -> None:
        self.url = url
        # A connection of its own, outside the pool, that lives as long as the watcher. It is
        # opened through an engine so that it gets the password the same way every other
        # connection does (app/credentials.supply_passwords), never from a URL we keep.
        connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": 5}
        self.engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
        self.handle: Any = None
        self.connection: psycopg.Connection[Any] | None = None
        self.last_attempt = 0.0
        # Backend process ids of this program's own connections: their changes are on screen
        # already (the window reloads after its own saves), so their notifications are skipped.
        self.own_pids: set[int] = set()
        self.connect()

    def connect(self) -> bool:
        # The PostgreSQL driver is imported only here: a local SQLite window never needs it.
        import psycopg
        from psycopg import sql

        self.last_attempt = time.monotonic()
        try:
            handle = self.engine.raw_connection()
            connection: Any = handle.driver_connection
            connection.autocommit = True
            connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        except (psycopg.Error, DBAPIError) as error:
            log.warning("Live updates paused: cannot listen on %s: %s", self.url.host, error)
            self.connection = None
            return False
        self.handle, self.connection = handle, connection
        return True

    def poll(self) -> set[str]:
        import psycopg

        if self.connection is None or self.connection.closed:
            if time.monotonic() - self.last_attempt < RECONNECT_INTERVAL_SECONDS:
                return set()
            # Whatever was committed while we were away was not heard: reload everything.
            return {EVERYTHING} if self.connect() else set()
        try:
            payloads = [note.payload for note in self.connection.notifies(timeout=0)
                        if note.pid not in self.own_pids]
        except psycopg.Error as error:
            log.warning("Live updates lost their connection: %s", error)
            self.close()
            # One immediate attempt (a restarted server, a dropped idle connection); after
            # that, every RECONNECT_INTERVAL_SECONDS, so a dead network costs no time per tick.
            return {EVERYTHING} if self.connect() else set()
        return tables_of(payloads)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.handle is not None:
            self.handle.invalidate()  # the DBAPI connection is closed; tell SQLAlchemy not to reuse it
            self.handle = None

    def dispose(self) -> None:
        self.close()
        self.engine.dispose()


class _SQLiteWatcher:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.inode = 0
        self.version = 0
        self.last_audit_id = 0
        # This program's own commits since the last poll, and the audit entries they wrote
        # (filled by ChangeWatcher's session listeners): not news for the window.
        self.own_commits = 0
        self.own_audit_ids: set[int] = set()
        self.open()

    def open(self) -> None:
        self.close()
        self.connection = sqlite3.connect(self.path, timeout=1.0)
        self.inode = os.stat(self.path).st_ino
        self.version = self._data_version()
        self.last_audit_id = self._max_audit_id()

    def _data_version(self) -> int:
        assert self.connection is not None
        return int(self.connection.execute("PRAGMA data_version").fetchone()[0])

    def _max_audit_id(self) -> int:
        assert self.connection is not None
        try:
            row = self.connection.execute("SELECT COALESCE(MAX(id), 0) FROM audit_entries").fetchone()
        except sqlite3.OperationalError:  # no tables yet
            return 0
        return int(row[0])

    def poll(self) -> set[str]:
        try:
            if not self.path.exists() or os.stat(self.path).st_ino != self.inode:
                # The file was replaced (a restore): our connection still sees the old one.
                if not self.path.exists():
                    return set()
                self.open()
                return {EVERYTHING}
            version = self._data_version()
            if version == self.version:
                return set()
            self.version = version
            assert self.connection is not None
            rows = self.connection.execute(
                "SELECT id, table_name FROM audit_entries WHERE id > ? ORDER BY id", (self.last_audit_id,)
            ).fetchall()
        except sqlite3.Error as error:
            log.warning("Live updates cannot read %s: %s", self.path, error)
            return set()
        own_commits, self.own_commits = self.own_commits, 0
        if rows:
            self.last_audit_id = int(rows[-1][0])
        foreign = [row for row in rows if int(row[0]) not in self.own_audit_ids]
        self.own_audit_ids.difference_update(int(row[0]) for row in rows)
        if foreign:
            return {str(row[1]) for row in foreign} | {"audit_entries"}
        if rows or own_commits:
            return set()  # only this program's own saves, already on screen
        return {EVERYTHING}  # a change without an audit entry, made outside the program

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class OwnCommits:
    """Calls `on_commit(tables)` after every commit of a session of `database` that changed rows.

    The call comes on the thread that committed (a worker thread for background work);
    the receiver passes it on to its own thread.
    """

    def __init__(self, database: Database, on_commit: Callable[[set[str]], None]) -> None:
        self.database = database
        self.on_commit = on_commit
        self._pending: dict[int, set[str]] = {}
        self._listeners: list[tuple[str, Any]] = [
            ("after_flush", self._flushed), ("do_orm_execute", self._statement),
            ("after_commit", self._committed), ("after_rollback", self._rolled_back),
        ]
        for name, function in self._listeners:
            event.listen(database.sessions, name, function)

    def _flushed(self, session: Session, _context: UOWTransaction) -> None:
        tables = self._pending.setdefault(id(session), set())
        for obj in [*session.new, *session.dirty, *session.deleted]:
            table = getattr(obj, "__tablename__", None)
            if table:
                tables.add(str(table))

    def _statement(self, state: ORMExecuteState) -> None:
        """`session.execute(update(...))` and friends bypass the flush."""
        if not (state.is_update or state.is_delete or getattr(state, "is_insert", False)):
            return
        name = getattr(getattr(state.statement, "table", None), "name", None)
        self._pending.setdefault(id(state.session), set()).add(str(name) if name else EVERYTHING)

    def _committed(self, session: Session) -> None:
        tables = self._pending.pop(id(session), set())
        if tables:
            self.on_commit(tables)

    def _rolled_back(self, session: Session) -> None:
        self._pending.pop(id(session), None)

    def close(self) -> None:
        for name, function in self._listeners:
            if event.contains(self.database.sessions, name, function):
                event.remove(self.database.sessions, name, function)


class ChangeWatcher:
    """`poll()` → tables others changed since the last poll; returns at once, never blocks.

    Changes this program committed through `database` itself are left out: the window
    already shows them.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._impl: _PostgresListener | _SQLiteWatcher | None
        self._listeners: list[tuple[Any, str, Any]] = []
        if database.is_sqlite:
            path = database.path
            # An in-memory database has no other connection that could change it.
            self._impl = _SQLiteWatcher(path) if path is not None and path.exists() else None
            if self._impl is not None:
                self._track_own_commits(self._impl)
        else:
            install_change_notifications(database)
            listener = _PostgresListener(database.url)
            self._impl = listener

            def remember_pid(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
                pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
                if pid:
                    listener.own_pids.add(int(pid))

            def forget_pid(dbapi_connection: Any, _record: Any) -> None:
                # The server reuses process ids: a closed connection's id may soon be someone else's.
                pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
                listener.own_pids.discard(int(pid or 0))

            self._listen(database.engine, "checkout", remember_pid)
            self._listen(database.engine, "close", forget_pid)

    def _listen(self, target: Any, name: str, function: Any) -> None:
        event.listen(target, name, function)
        self._listeners.append((target, name, function))

    def _track_own_commits(self, watcher: _SQLiteWatcher) -> None:
        pending: dict[int, set[int]] = {}

        def flushed(session: Session, _context: UOWTransaction) -> None:
            ids = {int(obj.id) for obj in session.new if getattr(obj, "__tablename__", "") == "audit_entries"}
            pending.setdefault(id(session), set()).update(ids)

        def committed(session: Session) -> None:
            watcher.own_commits += 1
            watcher.own_audit_ids.update(pending.pop(id(session), set()))

        def rolled_back(session: Session) -> None:
            pending.pop(id(session), None)

        self._listen(self.database.sessions, "after_flush", flushed)
        self._listen(self.database.sessions, "after_commit", committed)
        self._listen(self.database.sessions, "after_rollback", rolled_back)

    @property
    def listening(self) -> bool:
        if isinstance(self._impl, _PostgresListener):
            return self._impl.connection is not None
        return self._impl is not None

    def poll(self) -> set[str]:
        return self._impl.poll() if self._impl is not None else set()

    def close(self) -> None:
        for target, name, function in self._listeners:
            event.remove(target, name, function)
        self._listeners.clear()
        if isinstance(self._impl, _PostgresListener):
            self._impl.dispose()
        elif self._impl is not None:
            self._impl.close()
