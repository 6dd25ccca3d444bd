"""Live refresh: a change committed elsewhere is noticed by poll(), quickly and only once."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text, update

from app.actor import Actor
from app.storage.database import Database, open_database
from app.storage.live_updates import EVERYTHING, ChangeWatcher, install_change_notifications, tables_of
from app.directory.partners import partners
from models import Partner
from models.enums import UserRole

OFFICER = Actor("wang.fang", UserRole.OFFICER)


def poll_until(watcher: ChangeWatcher, seconds: float = 5.0) -> set[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        changed = watcher.poll()
        if changed:
            return changed
        time.sleep(0.02)
    return set()


def add_partner(database: Database, name: str) -> int:
    with database.transaction() as session:
        return int(partners.create(session, OFFICER, name=name, country="Japan", timezone="Asia/Tokyo").id)


def test_listen_notify_delivers_a_change_committed_by_another_connection(postgres_url: str) -> None:
    mine = open_database(postgres_url)
    other = open_database(postgres_url)  # another officer's program: its own engine and connections
    install_change_notifications(other)
    watcher = ChangeWatcher(mine)
    try:
        assert watcher.listening
        assert watcher.poll() == set()
        partner_id = add_partner(other, "Kyoto University")
        assert poll_until(watcher) == {"partners", "audit_entries"}
        assert watcher.poll() == set()  # delivered once

        # Nothing arrives before the commit, and a rolled-back change never arrives.
        with other.sessions() as session, session.begin():
            partners.update(session, OFFICER, partner_id, city="Kyoto")
            session.flush()
            time.sleep(0.2)
            assert watcher.poll() == set()
            session.rollback()
        time.sleep(0.2)
        assert watcher.poll() == set()

        with other.transaction() as session:
            session.execute(update(Partner).values(city="Kyoto"))
        assert poll_until(watcher) == {"partners"}
    finally:
        watcher.close()
        mine.close()
        other.close()


def test_own_changes_are_not_reported_back_on_postgresql(postgres_url: str) -> None:
    mine = open_database(postgres_url)
    other = open_database(postgres_url)
    install_change_notifications(other)
    watcher = ChangeWatcher(mine)
    try:
        add_partner(mine, "Kyoto University")  # this program's own save: the window shows it already
        add_partner(other, "Osaka University")
        assert poll_until(watcher) == {"partners", "audit_entries"}
        time.sleep(0.2)
        add_partner(mine, "Tohoku University")
        time.sleep(0.3)
        assert watcher.poll() == set()
    finally:
        watcher.close()
        mine.close()
        other.close()


def test_poll_returns_at_once_when_nothing_changed(postgres_url: str) -> None:
    database = open_database(postgres_url)
    watcher = ChangeWatcher(database)
    listener = watcher._impl  # noqa: SLF001 - the test looks at how the listener waits
    assert listener is not None and listener.connection is not None
    waits: list[object] = []
    notifies = listener.connection.notifies

    def recorded(**kwargs: object) -> object:
        waits.append(kwargs.get("timeout"))
        return notifies(**kwargs)

    listener.connection.notifies = recorded  # type: ignore[method-assign]
    for _ in range(100):
        assert watcher.poll() == set()
    watcher.close()
    database.close()
    assert waits and set(waits) == {0}  # it never waits for a notification to come


def test_a_lost_listener_connection_comes_back_and_asks_for_a_full_reload(postgres_url: str) -> None:
    database = open_database(postgres_url)
    watcher = ChangeWatcher(database)
    listener = watcher._impl  # noqa: SLF001 - the test plays the network failing under it
    assert listener is not None and getattr(listener, "connection", None) is not None
    with database.engine.connect() as connection:
        connection.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query ILIKE 'LISTEN%' AND datname = current_database()"))
    # Changes committed while nobody listened cannot be named: the watcher asks for everything.
    assert poll_until(watcher) == {EVERYTHING}
    colleague = open_database(postgres_url)
    install_change_notifications(colleague)
    add_partner(colleague, "Osaka University")
    assert "partners" in poll_until(watcher)
    watcher.close()
    colleague.close()
    database.close()


def test_an_unreachable_server_is_retried_only_now_and_then(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    database = open_database(postgres_url)
    watcher = ChangeWatcher(database)
    listener = watcher._impl  # noqa: SLF001 - the test plays the server going away
    assert listener is not None
    listener.close()
    attempts: list[float] = []
    monkeypatch.setattr(type(listener), "connect", lambda self: attempts.append(time.monotonic()) or False)
    listener.last_attempt = time.monotonic()
    for _ in range(50):
        assert watcher.poll() == set()
    assert attempts == []  # no reconnection inside the interval, so no connect time-out to wait for
    listener.last_attempt -= 60
    assert watcher.poll() == set()
    assert len(attempts) == 1
    watcher.close()
    database.close()


def test_sqlite_data_version_notices_a_commit_from_another_connection(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'iad.sqlite3'}"
    mine = open_database(url, backup_dir=tmp_path / "backups")
    other = open_database(url, backup_dir=tmp_path / "backups")
    watcher = ChangeWatcher(mine)
    assert watcher.poll() == set()
    add_partner(other, "Kyoto University")
    assert watcher.poll() == {"partners", "audit_entries"}
    assert watcher.poll() == set()
    # A change made outside the services leaves no audit entry: reload everything.
    with other.transaction() as session:
        session.execute(update(Partner).values(city="Kyoto"))
    assert watcher.poll() == {EVERYTHING}
    watcher.close()
    mine.close()
    other.close()


def test_own_changes_are_not_reported_back_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'iad.sqlite3'}"
    mine, other = open_database(url), open_database(url)
    watcher = ChangeWatcher(mine)
    add_partner(mine, "Kyoto University")
    assert watcher.poll() == set()
    with mine.transaction() as session:  # not through a service: no audit entry, still ours
        session.execute(update(Partner).values(city="Kyoto"))
    assert watcher.poll() == set()
    add_partner(mine, "Tohoku University")
    add_partner(other, "Osaka University")
    assert watcher.poll() == {"partners", "audit_entries"}
    with mine.sessions() as session, session.begin():
        partners.create(session, OFFICER, name="Rolled back", country="Japan", timezone="Asia/Tokyo")
        session.rollback()
    assert watcher.poll() == set()
    watcher.close()
    with mine.transaction() as session:  # a closed watcher no longer listens to the sessions
        partners.create(session, OFFICER, name="After close", country="Japan", timezone="Asia/Tokyo")
    mine.close()
    other.close()


def test_sqlite_restored_file_is_noticed(tmp_path: Path, sqlite_database: Database) -> None:
    watcher = ChangeWatcher(sqlite_database)
    path = sqlite_database.path
    assert path is not None
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    copy.replace(path)  # a new file in the old one's place, as a restore does
    assert watcher.poll() == {EVERYTHING}
    watcher.close()


def test_in_memory_database_never_reports_changes() -> None:
    database = open_database("sqlite://")
    watcher = ChangeWatcher(database)
    assert watcher.poll() == set() and not watcher.listening
    database.close()


def test_payload_parsing() -> None:
    assert tables_of(["partners:3", "partners:4", "audit_entries:9"]) == {"partners", "audit_entries"}
    assert tables_of(["*:*", "partners:1"]) == {EVERYTHING}
    assert tables_of([]) == set()
