"""Moving a whole database: a local file into an empty shared one, and back; restoring a backup.

The copy keeps every id, so links between records, audit entries and exported files that
name record numbers stay true. It runs in one transaction on the target: a failure halfway
leaves the target as empty as it was. Afterwards PostgreSQL's id sequences are moved past
the copied ids and the row counts of every table are compared; a difference is an error.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, select, text
from sqlalchemy.engine import URL

from app.actor import Actor
from app.storage.connection import needs_password, with_password
from app.storage.credentials import PasswordStore
from app.storage.database import Database, open_database, parse_url
from app.errors import AppError
from app.i18n import _
from models import Base
from models.database import normalise_url
from models.enums import UserRole

Progress = Callable[[str, int, int], None]  # table, rows copied, rows in the table
DEFAULT_CHUNK = 2000


class TransferError(AppError):
    """The copy was refused or did not arrive whole; the message says which table."""


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables_in_order() -> list[Table]:
    """Every table, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def row_counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
        for table in tables_in_order()
    }


def _refuse_unless_empty(target: Database) -> None:
    with target.engine.connect() as connection:
        filled = {name: n for name, n in row_counts(connection).items() if n}
    if filled:
        what = ", ".join(f"{name} ({n})" for name, n in sorted(filled.items()))
        raise TransferError(
            _("{db} already holds data ({what}); copy only into an empty database.").format(
                db=target.description, what=what)
        )


def _copy_table(src: Connection, dst: Connection, table: Table, chunk: int, progress: Progress | None) -> int:
    total = int(src.scalar(select(func.count()).select_from(table)) or 0)
    if progress is not None:
        progress(table.name, 0, total)
    order = list(table.primary_key.columns) or list(table.columns)
    result = src.execution_options(stream_results=True, yield_per=chunk).execute(select(table).order_by(*order))
    copied = 0
    for rows in result.partitions(chunk):
        dst.execute(table.insert(), [dict(row._mapping) for row in rows])
        copied += len(rows)
        if progress is not None:
            progress(table.name, copied, total)
    return copied


def _advance_sequences(dst: Connection) -> None:
    """PostgreSQL hands out ids from sequences that a copy with explicit ids does not move."""
    for table in tables_in_order():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or keys[0].autoincrement is False:
            continue
        column = keys[0].name
        dst.execute(
            text(
                f'SELECT setval(pg_get_serial_sequence(:table, :column), '
                f'COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": f'"{table.name}"', "column": column},
        )


def copy_between(source: Database, target: Database, *, chunk: int = DEFAULT_CHUNK,
                 progress: Progress | None = None) -> CopyReport:
    """Copy every row of `source` into the empty, migrated `target`, then check the counts."""
    if source.url.render_as_string(hide_password=True) == target.url.render_as_string(hide_password=True):
        raise TransferError(_("The source and the target are the same database."))
    _refuse_unless_empty(target)
    report = CopyReport(source=source.description, target=target.description)
    with source.engine.connect() as src, target.engine.begin() as dst:
        if src.dialect.name == "postgresql":
            # One snapshot for every table, so officers working meanwhile cannot tear the copy.
            src = src.execution_options(isolation_level="REPEATABLE READ")
        with src.begin():
            for table in tables_in_order():
                report.rows[table.name] = _copy_table(src, dst, table, chunk, progress)
            if dst.dialect.name == "postgresql":
                _advance_sequences(dst)
            expected = row_counts(src)
    with target.engine.connect() as connection:
        arrived = row_counts(connection)
    wrong = {name: (expected[name], arrived.get(name, 0)) for name in expected if expected[name] != arrived.get(name)}
    if wrong:
        what = "; ".join(
            _("{table}: {source} rows in the source, {target} in the target").format(table=name, source=a, target=b)
            for name, (a, b) in sorted(wrong.items())
        )
        raise TransferError(_("The copy is incomplete: {what}.").format(what=what))
    return report


def copy_database(source_url: str | URL, target_url: str | URL, *, chunk: int = DEFAULT_CHUNK,
                  progress: Progress | None = None, passwords: PasswordStore | None = None) -> CopyReport:
    """Open both databases (migrating each to this version first) and copy source into target.

    A shared database's password, if the URL has none, comes from `passwords` (the keyring),
    else libpq finds it (PGPASSWORD, ~/.pgpass) or the server needs none.
    """
    source_url, target_url = parse_url(source_url), parse_url(target_url)
    if passwords is not None:
        source_url, target_url = (
            with_password(url, passwords.lookup(url)) if needs_password(url) else url
            for url in (source_url, target_url)
        )
    if normalise_url(source_url).render_as_string(hide_password=True) == \
            normalise_url(target_url).render_as_string(hide_password=True):
        raise TransferError(_("The source and the target are the same database."))
    source = open_database(source_url)
    try:
        target = open_database(target_url)
        try:
            return copy_between(source, target, chunk=chunk, progress=progress)
        finally:
            target.close()
    finally:
        source.close()


def restore_local_backup(actor: Actor, database: Database, backup: Path, folder: Path | None = None) -> Path:
    """Replace the open local database with `backup` (administrators only).

    The engine's connections are closed first and reopen on the restored file by
    themselves, so whoever holds `database` keeps working with it. The restored file is
    migrated to this version. Returns the copy kept of the database that was replaced.
    """
    from app.storage.backup import check_backup_file, restore_sqlite

    actor.require(UserRole.ADMINISTRATOR, _("restore a backup"))
    if database.path is None:
        raise AppError(_("Restoring a backup works on a local database file; for PostgreSQL use pg_restore "
                         "(see docs/shared-database.md)."))
    check_backup_file(backup)
    # Our own connections are closed first; the restore refuses while another program has the file.
    database.engine.dispose()
    kept = restore_sqlite(database.path, backup, folder, own=database.presence)
    reopened = open_database(database.url, backup_dir=folder)  # migrates an older backup
    reopened.close()
    database.engine.dispose()
    return kept


def plain_rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of a table in primary key order, for comparing two databases."""
    order = list(table.primary_key.columns) or list(table.columns)
    return [dict(row._mapping) for row in connection.execute(select(table).order_by(*order))]
