"""Connecting to a shared PostgreSQL database: the address, a connection test, the password.

The address an officer types (host, port, database, user, encryption) becomes a
`postgresql+psycopg://user@host:port/database` URL. That URL, without the password, is
what the settings keep; the password comes from app/storage/credentials.py at the moment of
connecting and only lives in memory.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from app.storage.credentials import PasswordStore
from app.storage.database import Database, describe_connection_error, open_database
from app.errors import DatabaseOpenError, ValidationError
from app.i18n import _
from app.settings import Settings
from models import schema
from models.database import normalise_url

DEFAULT_PORT = 5432
# libpq's sslmode values, weakest first; "prefer" is libpq's own default.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
CONNECT_TIMEOUT_SECONDS = 8


@dataclass(frozen=True)
class ConnectionDetails:
    """What the connect dialog asks for."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"

    def validate(self) -> ConnectionDetails:
        """The same details tidied up, or a ValidationError naming the field."""
        host, database, user = self.host.strip(), self.database.strip(), self.user.strip()
        if not host:
            raise ValidationError("host", _("Server (host) is required."))
        if any(c.isspace() for c in host) or "/" in host:
            raise ValidationError("host", _("Server (host) must be a name or address such as db.iad.example.edu."))
        if not database:
            raise ValidationError("database", _("Database is required."))
        if not user:
            raise ValidationError("user", _("User name is required."))
        try:
            port = int(self.port)
        except (TypeError, ValueError):
            raise ValidationError("port", _("Port must be a whole number (usually 5432).")) from None
        if not 1 <= port <= 65535:
            raise ValidationError("port", _("Port must be between 1 and 65535 (usually 5432)."))
        if self.sslmode not in SSL_MODES:
            raise ValidationError("sslmode", _("Encryption must be one of {modes}.").format(modes=", ".join(SSL_MODES)))
        return ConnectionDetails(host=host, database=database, user=user, port=port, sslmode=self.sslmode)

    def url(self, password: str | None = None) -> URL:
        """The SQLAlchemy URL; with a password only for connecting, never for saving."""
        details = self.validate()
        query = {} if details.sslmode == "prefer" else {"sslmode": details.sslmode}
        return URL.create(
            "postgresql+psycopg", username=details.user, password=password or None, host=details.host,
            port=details.port, database=details.database, query=query,
        )

    def settings_url(self) -> str:
        """The URL as the settings keep it: no password in it, ever."""
        return self.url().render_as_string(hide_password=True)

    @classmethod
    def from_url(cls, url: str | URL) -> ConnectionDetails | None:
        """The details of a PostgreSQL URL, or None for a SQLite one."""
        parsed = normalise_url(url)
        if parsed.get_backend_name() != "postgresql":
            return None
        sslmode = parsed.query.get("sslmode", "prefer")
        return cls(
            host=parsed.host or "localhost", database=parsed.database or "", user=parsed.username or "",
            port=parsed.port or DEFAULT_PORT, sslmode=sslmode if isinstance(sslmode, str) else sslmode[0],
        )


def is_shared(url: str | URL) -> bool:
    return normalise_url(url).get_backend_name() == "postgresql"


def without_password(url: str | URL) -> str:
    """The URL fit for settings and messages."""
    # URL.set(password=None) keeps the password; the NamedTuple's _replace really drops it.
    return normalise_url(url)._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str | URL, password: str | None) -> URL:
    parsed = normalise_url(url)
    return parsed.set(password=password) if password else parsed


def needs_password(url: str | URL) -> bool:
    """A PostgreSQL URL that carries no password (libpq may still find one in ~/.pgpass)."""
    parsed = normalise_url(url)
    return parsed.get_backend_name() == "postgresql" and not parsed.password


def is_authentication_failure(error: BaseException) -> bool:
    """Whether the server asked for a (different) password, so asking again makes sense."""
    text_ = str(error).lower()
    cause = error.__cause__
    if cause is not None:
        text_ += " " + str(getattr(cause, "orig", cause)).lower()
    return "password authentication failed" in text_ or "no password supplied" in text_ \
        or "refused the user name or password" in text_ or "needs a password" in text_


@dataclass(frozen=True)
class ConnectionReport:
    """What a successful connection test found."""

    login: str
    server_version: str
    state: str  # "empty": will be set up; "older": will be migrated; "current"

    @property
    def summary(self) -> str:
        state = {
            "empty": _("the database is empty and will be set up at the first connection"),
            "older": _("the database will be updated to this version of the program"),
            "current": _("the database is ready"),
        }[self.state]
        return _("Connected as {login} to PostgreSQL {version}; {state}.").format(
            login=self.login, version=self.server_version, state=state)


def _connect_args(url: URL) -> dict[str, Any]:
    # Without a timeout a firewall that drops packets makes the dialog hang for minutes.
    return {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}


def test_connection(url: str | URL) -> ConnectionReport:
    """Connect once, read who we are and which schema the database has; change nothing.

    Raises DatabaseOpenError with one sentence naming the problem.
    """
    parsed = normalise_url(url)
    engine = create_engine(parsed, connect_args=_connect_args(parsed), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            login = str(connection.scalar(text("SELECT current_user")))
            version = str(connection.scalar(text("SHOW server_version"))).split()[0]
        revision = schema.current_revision(engine)
        if revision is None:
            tables = [name for name in inspect(engine).get_table_names() if name != "alembic_version"]
            if tables:
                raise DatabaseOpenError(
                    _("{where} holds tables of another program; choose an empty database.").format(
                        where=without_password(parsed).split("://", 1)[-1])
                )
            state = "empty"
        elif revision not in schema.known_revisions():
            raise DatabaseOpenError(
                _("{where} was made by a newer version of IAD Online Workshops; please update the program.").format(
                    where=without_password(parsed).split("://", 1)[-1])
            )
        else:
            state = "current" if revision == schema.head_revision() else "older"
    except (OperationalError, DBAPIError) as error:
        raise DatabaseOpenError(describe_connection_error(parsed, error)) from error
    finally:
        engine.dispose()
    return ConnectionReport(login=login, server_version=version, state=state)


def open_shared(url: str | URL, passwords: PasswordStore, password: str | None = None) -> Database:
    """Open a shared database with the given password, or the one the store knows.

    A SQLite URL opens as it is. On a refused password the stored one is forgotten,
    so the next attempt asks instead of failing the same way again.
    """
    parsed = normalise_url(url)
    if not is_shared(parsed):
        return open_database(parsed)
    secret = password or parsed.password or passwords.lookup(parsed)
    # libpq waits minutes for a server behind a firewall that drops packets; a default
    # timeout for this process (an explicit connect_timeout in the URL still wins).
    os.environ.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_SECONDS))
    try:
        return open_database(with_password(parsed, secret))
    except DatabaseOpenError as error:
        if is_authentication_failure(error):
            passwords.forget(parsed)
        raise


def save_shared_url(settings: Settings, details: ConnectionDetails) -> str:
    """Remember the address (without password) as the database to open from now on."""
    settings.database_url = details.settings_url()
    settings.save()
    return settings.database_url
