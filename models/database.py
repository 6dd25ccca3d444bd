"""Engines and sessions for SQLite (local) and PostgreSQL (shared)."""
from __future__ import annotations

import os
from os import PathLike
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str | URL | PathLike[str]) -> URL:
    """Accept what people type: a bare path, sqlite:///..., postgresql://..."""
    if isinstance(url, PathLike):
        url = os.fspath(url)
    if isinstance(url, str) and "://" not in url:
        url = f"sqlite:///{url}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(url: str | URL | PathLike[str]) -> bool:
    return normalise_url(url).get_backend_name() == "sqlite"


# How long a SQLite write waits for another program's write to finish before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10000


def _sqlite_pragmas(wal: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions
        # begin, so SAVEPOINTs and rollbacks behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


SQLITE_BEGIN_OPTION = "sqlite_begin"


def _sqlite_on_begin(connection: Any) -> None:
    # A transaction that will write says so (execution option "sqlite_begin": "IMMEDIATE"):
    # it then waits its turn for the write lock (busy_timeout) instead of starting as a
    # reader and failing with "database is locked" when another program wrote meanwhile.
    mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def create_db_engine(url: str | URL | PathLike[str], *, wal: bool = True, **kwargs: Any) -> Engine:
    """An engine with foreign keys on and (for a SQLite file) WAL journaling."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, **kwargs)
        file_backed = parsed.database not in (None, "", ":memory:")
        event.listen(engine, "connect", _sqlite_pragmas(wal and file_backed))
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
