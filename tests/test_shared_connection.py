"""Connecting to a shared database: the URL, the password in the keyring, errors that name the problem."""
from __future__ import annotations

import socket
import struct
import threading
from pathlib import Path

import keyring
import keyring.errors
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.storage.connection import (
    ConnectionDetails,
    is_authentication_failure,
    needs_password,
    open_shared,
    save_shared_url,
    test_connection as check_connection,
    with_password,
    without_password,
)
from app.storage.credentials import SERVICE, PasswordStore, account_name
from app.storage.database import describe_connection_error, open_database
from app.errors import DatabaseOpenError, ValidationError
from app.settings import Settings
from models.database import create_db_engine, normalise_url
from tests.fake_keyring import LockedKeyring, MemoryKeyring


URL = "postgresql+psycopg://wang.fang@db.iad.example.edu:5432/iad"


# ---- the address ---------------------------------------------------------------------------
def test_details_build_the_url_and_settings_keep_no_password() -> None:
    details = ConnectionDetails(host=" db.iad.example.edu ", database="iad", user="wang.fang", port=5433,
                                sslmode="require")
    url = details.url("s3cret")
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "db.iad.example.edu", 5433, "iad", "wang.fang", "s3cret")
    assert url.query["sslmode"] == "require"
    saved = details.settings_url()
    assert saved == "postgresql+psycopg://wang.fang@db.iad.example.edu:5433/iad?sslmode=require"
    assert ConnectionDetails.from_url(saved) == ConnectionDetails("db.iad.example.edu", "iad", "wang.fang", 5433,
                                                                  "require")
    assert ConnectionDetails.from_url("sqlite:///tmp/x.sqlite3") is None
    assert without_password(url) == saved and "s3cret" not in without_password(url)
    assert needs_password(saved) and not needs_password(url) and not needs_password("sqlite:///x")
    assert with_password(saved, "pw").password == "pw"


@pytest.mark.parametrize(("changes", "field"), [
    ({"host": ""}, "host"), ({"host": "db iad"}, "host"), ({"database": " "}, "database"), ({"user": ""}, "user"),
    ({"port": 0}, "port"), ({"port": 70000}, "port"), ({"port": "five"}, "port"), ({"sslmode": "always"}, "sslmode"),
])
def test_bad_details_name_the_field(changes: dict[str, object], field: str) -> None:
    values: dict[str, object] = dict(host="db", database="iad", user="wang", port=5432, sslmode="prefer")
    values.update(changes)
    with pytest.raises(ValidationError) as caught:
        ConnectionDetails(**values).validate()  # type: ignore[arg-type]
    assert caught.value.field == field


def test_saving_the_connection_writes_no_password(memory_keyring: MemoryKeyring) -> None:
    settings = Settings()
    details = ConnectionDetails(host="db.iad.example.edu", database="iad", user="wang.fang")
    PasswordStore().remember(details.url(), "s3cret-Pa55", persist=True)
    save_shared_url(settings, details)
    written = Settings.path().read_text(encoding="utf-8")
    assert "db.iad.example.edu" in written and "s3cret-Pa55" not in written
    assert Settings.load().database_url == "postgresql+psycopg://wang.fang@db.iad.example.edu:5432/iad"


# ---- the password --------------------------------------------------------------------------
def test_passwords_go_to_the_keyring_and_can_be_forgotten(memory_keyring: MemoryKeyring) -> None:
    store = PasswordStore()
    assert store.keyring_available
    assert store.lookup(URL) is None
    assert store.remember(URL, "s3cret", persist=True) is True
    assert memory_keyring.secrets == {(SERVICE, "wang.fang@db.iad.example.edu:5432/iad"): "s3cret"}
    assert PasswordStore().lookup(URL) == "s3cret"  # a later run finds it
    store.remember(URL, "s3cret", persist=False)  # "Remember password" unticked: removed from the keyring
    assert memory_keyring.secrets == {}
    assert store.lookup(URL) == "s3cret"  # still known for this run
    store.forget(URL)
    assert store.lookup(URL) is None


def test_without_a_keyring_the_password_lives_for_this_run_only(no_keyring: None) -> None:
    store = PasswordStore()
    assert not store.keyring_available
    assert store.lookup(URL) is None
    assert store.remember(URL, "s3cret", persist=True) is False
    assert store.lookup(URL) == "s3cret"
    assert PasswordStore().lookup(URL) is None  # the next start asks again
    store.forget(URL)


def test_a_locked_or_unreachable_keyring_is_not_an_error() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        store = PasswordStore()
        assert store.lookup(URL) is None
        assert store.remember(URL, "s3cret", persist=True) is False
        assert "DBus" in store.last_problem
        assert store.lookup(URL) == "s3cret"
    finally:
        keyring.set_keyring(previous)


def test_account_names_differ_per_login_and_server() -> None:
    assert account_name(URL) != account_name(URL.replace("wang.fang", "li.wei"))
    assert account_name(URL) != account_name(URL.replace(":5432", ":5433"))


# ---- errors that name the problem ------------------------------------------------------------
def open_error(url: str) -> str:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    return str(caught.value)


def test_wrong_port_says_the_server_cannot_be_reached() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = open_error(f"postgresql+psycopg://postgres@127.0.0.1:{port}/iad")
    assert message == "The database server 127.0.0.1 cannot be reached."


def test_a_silent_server_times_out_as_unreachable() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection, then never says a word
        port = silent.getsockname()[1]
        message = open_error(f"postgresql+psycopg://postgres@127.0.0.1:{port}/iad?connect_timeout=1")
    assert "cannot be reached" in message


def test_missing_database_says_it_does_not_exist(postgres_url: str) -> None:
    url = normalise_url(postgres_url).set(database="iad_no_such_database").render_as_string(hide_password=False)
    assert open_error(url) == "The database iad_no_such_database does not exist on the server."


def test_unknown_login_is_named(postgres_url: str) -> None:
    url = normalise_url(postgres_url).set(username="iad_nobody_here").render_as_string(hide_password=False)
    assert "has no login named iad_nobody_here" in open_error(url)


def test_a_database_from_a_newer_program_is_refused(postgres_url: str) -> None:
    open_database(postgres_url).close()
    engine = create_db_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    assert "made by a newer version of IAD Online Workshops" in open_error(postgres_url)
    with pytest.raises(DatabaseOpenError, match="newer version"):
        check_connection(postgres_url)


def test_connection_test_reports_login_version_and_state(postgres_url: str) -> None:
    report = check_connection(postgres_url)
    assert report.login == "postgres" and report.state == "empty"
    assert "will be set up" in report.summary
    open_database(postgres_url).close()
    assert check_connection(postgres_url).state == "current"


class RefusingServer:
    """A PostgreSQL server on loopback that asks for a password and refuses it, as a real one does.

    The test server trusts every local login, so a wrong password cannot happen there; this
    speaks just enough of the protocol for libpq to report a genuine authentication failure.
    """

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(4)
        self.socket.settimeout(10)
        self.port = self.socket.getsockname()[1]
        self.passwords: list[str] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read_exact(self, connection: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = connection.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def _serve(self) -> None:
        for _ in range(4):  # bounded: a test makes at most a few attempts
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            with connection:
                try:
                    self._one(connection)
                except (ConnectionError, OSError):
                    continue

    def _one(self, connection: socket.socket) -> None:
        while True:
            length = struct.unpack("!I", self._read_exact(connection, 4))[0]
            body = self._read_exact(connection, length - 4)
            code = struct.unpack("!I", body[:4])[0]
            if code in (80877103, 80877104):  # SSLRequest, GSSENCRequest: not offered
                connection.sendall(b"N")
                continue
            break
        connection.sendall(b"R" + struct.pack("!II", 8, 3))  # AuthenticationCleartextPassword
        kind = self._read_exact(connection, 1)
        length = struct.unpack("!I", self._read_exact(connection, 4))[0]
        password = self._read_exact(connection, length - 4)
        if kind == b"p":
            self.passwords.append(password.rstrip(b"\0").decode())
        fields = b"".join(
            tag + value.encode() + b"\0"
            for tag, value in ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", "28P01"),
                               (b"M", 'password authentication failed for user "wang.fang"'))
        ) + b"\0"
        connection.sendall(b"E" + struct.pack("!I", len(fields) + 4) + fields)

    def close(self) -> None:
        self.socket.close()
        self.thread.join(timeout=5)


def test_wrong_password_says_so_and_the_stored_one_is_forgotten(memory_keyring: MemoryKeyring) -> None:
    server = RefusingServer()
    try:
        url = f"postgresql+psycopg://wang.fang@127.0.0.1:{server.port}/iad"
        store = PasswordStore()
        store.remember(url, "0ld-password", persist=True)
        with pytest.raises(DatabaseOpenError) as caught:
            open_shared(url, store)
        assert str(caught.value) == f"The server at wang.fang@127.0.0.1:{server.port}/iad refused the user name or password."
        assert is_authentication_failure(caught.value)
        assert server.passwords == ["0ld-password"]
        assert store.lookup(url) is None and memory_keyring.secrets == {}  # next time: ask
    finally:
        server.close()


@pytest.mark.parametrize(("server_says", "expected"), [
    ('FATAL:  password authentication failed for user "wang"', "refused the user name or password"),
    ("fe_sendauth: no password supplied", "needs a password for wang"),
    ('FATAL:  no pg_hba.conf entry for host "10.1.2.3", user "wang", database "iad", no encryption',
     "does not accept connections from this computer"),
    ('FATAL:  permission denied for database "iad"', "may not connect to the database iad"),
    ("server does not support SSL, but SSL was required", "does not offer an encrypted (TLS) connection"),
    ("received invalid response to SSL negotiation: H", "answered, but not as a PostgreSQL server"),
    ("FATAL:  sorry, too many clients already", "cannot be opened"),
    ("FATAL:  remaining connection slots are reserved for non-replication superuser connections",
     "limit of connections"),
    ("FATAL:  the database system is starting up", "starting or stopping"),
    ('could not translate host name "db.iad" to address: Name or service not known', "cannot be reached"),
    ("connection timeout expired", "cannot be reached"),
    ("permission denied for table alembic_version", "the database's owner must update it first"),
    ("must be owner of table partners", "the database's owner must update it first"),
])
def test_server_messages_map_to_one_sentence(server_says: str, expected: str) -> None:
    url = make_url("postgresql+psycopg://wang@db.iad.example.edu:5432/iad")
    assert expected in describe_connection_error(url, Exception(server_says))


def test_sqlite_is_opened_as_it_is(tmp_path: Path, no_keyring: None) -> None:
    database = open_shared(f"sqlite:///{tmp_path / 'x.sqlite3'}", PasswordStore())
    assert database.is_sqlite
    database.close()


def test_one_password_store_serves_the_whole_run(no_keyring: None) -> None:
    from app.storage.credentials import password_store, supply_passwords

    typed_at_start = PasswordStore()
    supply_passwords(typed_at_start)
    assert password_store() is typed_at_start  # the window's Connect dialog finds what the start-up prompt got
