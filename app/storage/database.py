"""Which database to use, and opening it safely: checks, backup, migration."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import AppError, DatabaseOpenError, PermissionDeniedError, mask_passwords
from app.i18n import _
from app.storage import presence as presence_notes
from app.storage.change_notices import install_change_notifications
from models import schema
from models.database import SQLITE_BEGIN_OPTION, create_db_engine, normalise_url, session_factory

SQLITE_MAGIC = b"SQLite format 3\x00"
def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def describe_url(url: URL) -> str:
    """The database as a person reads it: a path, or user@host/db without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    if url.get_backend_name() == "sqlite":
        return _("in-memory database")
    # No "***" either: a person reading the message needs the login, not a hint of a password.
    return url._replace(password=None).render_as_string(hide_password=True).split("://", 1)[-1]


def describe_connection_error(url: URL, error: BaseException) -> str:
    text = str(getattr(error, "orig", error) or error).lower()
    where = describe_url(url)
    # PostgreSQL's own wording (libpq/psycopg), most specific first.
    if "no password supplied" in text:
        return _("The server at {where} needs a password for {user}.").format(where=where, user=url.username or "")
    if "role" in text and "does not exist" in text:
        return _("The server at {where} has no login named {user}; ask IT to create it.").format(
            where=where, user=url.username or "")
    if "no pg_hba.conf entry" in text:
        return _("The server {host} does not accept connections from this computer for {user} "
                 "(its pg_hba.conf must allow them).").format(host=url.host or "localhost", user=url.username or "")
    if "permission denied for database" in text:
        return _("{user} may not connect to the database {name}; ask IT to grant CONNECT.").format(
            user=url.username or "", name=url.database)
    if "must be owner of" in text or "permission denied for table" in text or "permission denied for schema" in text:
        return _("{user} may not change the structure of {where}; the database's owner must update it first "
                 "(iad-workshops db upgrade, see docs/shared-database.md).").format(
            user=url.username or "", where=where)
    if "server does not support ssl" in text:
        return _("The server {host} does not offer an encrypted (TLS) connection, but this address requires one "
                 "(sslmode).").format(host=url.host or "localhost")
    if "ssl negotiation" in text or "server closed the connection unexpectedly" in text:
        return _("{host}:{port} answered, but not as a PostgreSQL server; check the host and port.").format(
            host=url.host or "localhost", port=url.port or 5432)
    if "too many connections" in text or "connection slots are reserved" in text:
        return _("The server {host} has reached its limit of connections; try again later.").format(
            host=url.host or "localhost")
    if "the database system is starting up" in text or "the database system is shutting down" in text:
        return _("The server {host} is starting or stopping; try again in a minute.").format(
            host=url.host or "localhost")
    if "password authentication failed" in text or "no password supplied" in text:
        return _("The server at {where} refused the user name or password.").format(where=where)
    if "does not exist" in text and "database" in text:
        return _("The database {name} does not exist on the server.").format(name=url.database)
    if "connection refused" in text or "could not translate host" in text or "timeout" in text \
            or "name or service not known" in text or "no route" in text:
        return _("The database server {host} cannot be reached.").format(host=url.host or "localhost")
    if "file is not a database" in text or "file is encrypted" in text:
        return _("{where} is not a database file.").format(where=where)
    if "readonly" in text or "read-only" in text:
        return _("{where} is read-only; open a copy or ask for write access.").format(where=where)
    if "unable to open" in text:
        return _("{where} cannot be opened (does the folder exist and may you write there?).").format(where=where)
    return _("The database {where} cannot be opened: {error}").format(where=where, error=str(error).splitlines()[0])


@dataclass
class Database:
    """An open, up-to-date database: the engine and a factory of sessions."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    presence: presence_notes.Presence | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def description(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed once at the end, or rolled back on error."""
        with self.writing() as session:
            yield session
            session.commit()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session for work that writes; the caller commits (closing without a commit rolls back).

        On SQLite it waits its turn for the write lock from the start (busy_timeout), and a
        database kept busy by another program beyond that, or a full disk, is one sentence.
        """
        try:
            with self.sessions() as session:
                if self.is_sqlite:
                    session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
                yield session
        except OperationalError as error:
            if is_busy(error):
                raise DatabaseBusyError(self.busy_message()) from error
            if is_disk_full(error):
                raise AppError(_("The disk holding the database {db} is full; nothing was saved. Free some space "
                                 "and try again.").format(db=self.description)) from error
            raise
        except ProgrammingError as error:
            if "permission denied" not in str(getattr(error, "orig", error)).lower():
                raise
            raise PermissionDeniedError(_("Your database login {login} may not make this change on {db}; nothing "
                                          "was saved. Ask an administrator or IT for the right role.").format(
                login=self.url.username or "", db=self.description)) from error

    def busy_message(self) -> str:
        """One sentence for a local database another program kept locked beyond the wait."""
        holders = self.presence.others() if self.presence is not None else []
        who = "; ".join(holder.describe() for holder in holders) or _("another program")
        return _("The database {db} is busy: {who} is writing to it. Nothing was saved; try again when it has "
                 "finished.").format(db=self.description, who=who)

    def close(self) -> None:
        self.engine.dispose()
        if self.presence is not None:
            self.presence.release()
            self.presence = None


class DatabaseBusyError(AppError):
    """A local database stayed locked by another program for longer than the wait."""


def is_disk_full(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error)).lower()
    return "database or disk is full" in text or "no space left on device" in text


def is_busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "database table is locked" in text


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseOpenError(_("{path} is a folder, not a database file.").format(path=path))
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError as error:
            raise DatabaseOpenError(_("Cannot create {path}: {folder} is a file, not a folder.").format(
                path=path, folder=path.parent)) from error
        except OSError as error:
            raise DatabaseOpenError(_("Cannot create {path}: {reason}.").format(
                path=path, reason=error.strerror or error)) from error
        if not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(_("Cannot create {path}: the folder is read-only.").format(path=path))
        return
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise DatabaseOpenError(_("{path} is not an IAD Workshops database (it is not a SQLite file).").format(path=path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(
            _("{path} is read-only; copy it somewhere you may write, or ask for write access.").format(path=path)
        )


def check_revision(engine: Engine, url: URL) -> str | None:
    """The database's schema revision; refuse a foreign database or one from a newer program."""
    revision = schema.current_revision(engine)
    if revision is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseOpenError(
                _("{where} holds tables of another program; choose an empty database.").format(where=describe_url(url))
            )
        return None
    if revision not in schema.known_revisions():
        raise DatabaseOpenError(
            _("{where} was made by a newer version of IAD Online Workshops; please update the program.").format(
                where=describe_url(url)
            )
        )
    return revision


def parse_url(url: str | URL) -> URL:
    """The address as SQLAlchemy reads it, or one sentence (without the password) saying it is none."""
    try:
        return normalise_url(url)
    except Exception as error:  # sqlalchemy raises ArgumentError and ValueError for malformed URLs
        raise DatabaseOpenError(_("'{url}' is not a database address.").format(url=mask_passwords(str(url)))) \
            from error


def _abandon(engine: Engine, note: presence_notes.Presence | None) -> None:
    engine.dispose()
    if note is not None:
        note.release()


def remove_leftovers(path: Path) -> list[Path]:
    """Files a killed restore or backup left beside the database (never the database's own journal)."""
    from app.storage.file_locks import remove_abandoned

    candidates = [Path(f"{path}.restoring"), Path(f"{path}.restoring-journal")]
    return remove_abandoned(candidates)


def open_database(url: str | URL, *, upgrade: bool = True, backup_dir: Path | None = None) -> Database:
    """Open (or create) the database, back up a SQLite file, migrate it to this version.

    Every failure is a DatabaseOpenError with one sentence, and leaves the file as it was.
    """
    from app.storage.backup import backup_before_migration

    parsed = parse_url(url)
    path = sqlite_path(parsed)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    if path is not None:
        _check_sqlite_file(path)
    try:
        engine = create_db_engine(parsed)
    except (ArgumentError, NoSuchModuleError) as error:
        raise DatabaseOpenError(_("'{url}' is not a database address.").format(url=describe_url(parsed))) from error
    except ImportError as error:  # a URL for a driver this program does not ship (mysql://, +psycopg2)
        raise DatabaseOpenError(
            _("'{url}' needs the database driver {driver}, which this program does not use; use a SQLite file or "
              "postgresql+psycopg://….").format(url=describe_url(parsed), driver=parsed.drivername)
        ) from error
    note = None
    if path is not None:
        note = presence_notes.announce(path)
        remove_leftovers(path)
    try:
        revision = check_revision(engine, parsed)
        if upgrade and revision != schema.head_revision():
            if path is not None and existed and revision is not None:
                backup_before_migration(path, revision, backup_dir)
            schema.upgrade(engine)
    except DatabaseOpenError:
        _abandon(engine, note)
        raise
    except (OperationalError, DBAPIError) as error:
        _abandon(engine, note)
        if is_busy(error):
            who = "; ".join(h.describe() for h in note.others()) if note is not None else ""
            raise DatabaseOpenError(_("The database {db} is busy: {who} is writing to it; try again when it has "
                                      "finished.").format(db=describe_url(parsed), who=who or _("another program"))) \
                from error
        raise DatabaseOpenError(describe_connection_error(parsed, error)) from error
    except BaseException:
        _abandon(engine, note)
        raise
    database = Database(url=parsed, engine=engine, sessions=session_factory(engine), presence=note)
    if not database.is_sqlite:
        # Every program that writes (window, imports, demo) tells the other officers' windows.
        install_change_notifications(database)
    return database
