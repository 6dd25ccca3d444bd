"""Telling the other officers' windows what changed: every flush of a PostgreSQL session
sends `pg_notify('iad_changes', '<table>:<id>')` inside its transaction, so the
notification is delivered when (and only if) the transaction commits.

The receiving side is app/storage/live_updates.py.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Protocol

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

CHANNEL = "iad_changes"
EVERYTHING = "*"
# Past this many records of one table in one flush (an import, the demo data) one
# "<table>:*" replaces the ids: the listeners only need the table, and it keeps a bulk
# load from sending thousands of notifications.
MAX_IDS_PER_TABLE = 50


# ------------------------------------------------------------
def _payloads(changed: dict[str, set[str]]) -> list[str]:
    payloads: list[str] = []
    for table, ids in sorted(changed.items()):
        if len(ids) > MAX_IDS_PER_TABLE or "*" in ids:
            payloads.append(f"{table}:*")
        else:
            payloads.extend(f"{table}:{ident}" for ident in sorted(ids))
    return payloads


def _send(session: Session, payloads: list[str]) -> None:
    if payloads:
        # One round trip for the whole flush; delivered by PostgreSQL at COMMIT.
        session.connection().execute(
            text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p"),
            {"channel": CHANNEL, "payloads": payloads},
        )


def _notify_after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    changed: dict[str, set[str]] = defaultdict(set)
    # In after_flush the new/dirty/deleted collections still hold what was just flushed.
    for obj in list(session.new) + list(session.deleted):
        _collect(changed, obj)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=True):
            _collect(changed, obj)
    _send(session, _payloads(changed))


def _collect(changed: dict[str, set[str]], obj: Any) -> None:
    table = getattr(obj, "__tablename__", None)
    if table:
        ident = getattr(obj, "id", None)
        changed[table].add(str(ident) if ident is not None else "*")


def _notify_bulk_statement(state: ORMExecuteState) -> None:
    """`session.execute(update(...))` and friends bypass the flush: notify for their table."""
    if not (state.is_update or state.is_delete or getattr(state, "is_insert", False)):
        return
    if state.session.get_bind().dialect.name != "postgresql":
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    _send(state.session, [f"{table}:*" if table else f"{EVERYTHING}:*"])


class _OpenDatabase(Protocol):
    """What app/storage/database.Database offers (named here so that the two modules do not import each other)."""

    @property
    def is_sqlite(self) -> bool: ...
    @property
    def sessions(self) -> sessionmaker[Session]: ...


def install_change_notifications(database: _OpenDatabase) -> None:
    """Make every session of `database` announce its changes (PostgreSQL; once is enough)."""
    if database.is_sqlite:
        return
    sessions = database.sessions
    if not event.contains(sessions, "after_flush", _notify_after_flush):
        event.listen(sessions, "after_flush", _notify_after_flush)
        event.listen(sessions, "do_orm_execute", _notify_bulk_statement)


def tables_of(payloads: list[str]) -> set[str]:
    """The table names in a list of '<table>:<id>' payloads."""
    tables = {payload.split(":", 1)[0] for payload in payloads}
    return {EVERYTHING} if EVERYTHING in tables else tables
