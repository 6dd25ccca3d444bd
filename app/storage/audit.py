"""Reading the audit trail: who changed what, when, and from which value to which.

Every create, update and delete through a RecordService writes an AuditEntry in the
same transaction as the change (app/records.py), so the trail is complete
for everything the program does. Here it is read back as plain rows for the history
of one record, the log of the whole database, and its export.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from models import AuditEntry


@dataclass(frozen=True)
class AuditRow:
    """One change, detached from the database."""

    id: int
    at: datetime  # aware UTC
    username: str
    table: str
    record_id: int
    action: str  # "insert", "update", "delete"
    changes: dict[str, list[Any]]  # field -> [old, new]

    def local_time(self, zone: str) -> datetime:
        return self.at.astimezone(ZoneInfo(zone))

    @property
    def summary(self) -> str:
        """The changes in one line: "title: 'Old' → 'New'; status: planned → held"."""
        return describe_changes(self.changes, self.action)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        one_line = " ".join(value.split())
        return f"'{one_line[:80]}…'" if len(one_line) > 80 else f"'{one_line}'"
    return str(value)


def describe_changes(changes: dict[str, list[Any]], action: str = "update") -> str:
    parts = []
    for name, pair in changes.items():
        old, new = (list(pair) + [None, None])[:2] if isinstance(pair, (list, tuple)) else (None, pair)
        label = name.replace("_", " ")
        if action == "insert":
            parts.append(f"{label}: {_show(new)}")
        elif action == "delete":
            parts.append(f"{label}: {_show(old)}")
        else:
            parts.append(f"{label}: {_show(old)} → {_show(new)}")
    return "; ".join(parts)


def action_label(action: str) -> str:
    return {"insert": _("Added"), "update": _("Changed"), "delete": _("Deleted")}.get(action, action)


def _row(entry: AuditEntry) -> AuditRow:
    action = entry.action.value if hasattr(entry.action, "value") else str(entry.action)
    return AuditRow(
        id=entry.id, at=entry.at, username=entry.username, table=entry.table_name, record_id=entry.record_id,
        action=action, changes=dict(entry.changes or {}),
    )


def history(session: Session, table: str, record_id: int) -> list[AuditRow]:
    """Every change of one record, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [_row(entry) for entry in session.scalars(query)]


def last_change(session: Session, table: str, record_id: int) -> AuditRow | None:
    """The newest change of one record: who saved it last, for the conflict dialog."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    entry = session.scalar(query)
    return _row(entry) if entry is not None else None


def audit_entries(session: Session, since: datetime | None = None, user: str | None = None,
                  table: str | None = None, limit: int | None = None) -> list[AuditRow]:
    """The log, newest first, filtered by time (aware), user name and table."""
    query = select(AuditEntry)
    if since is not None:
        if since.tzinfo is None:
            raise ValueError("since must be an aware datetime")
        query = query.where(AuditEntry.at >= since)
    if user:
        query = query.where(AuditEntry.username == user)
    if table:
        query = query.where(AuditEntry.table_name == table)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [_row(entry) for entry in session.scalars(query)]


def audit_users(session: Session) -> list[str]:
    """Everyone who ever changed something, for the log's filter."""
    return list(session.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username)))


def audit_tables(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)))
