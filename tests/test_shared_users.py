"""Users and roles: the database login decides the role, and the services enforce it."""
from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

import app
from app.actor import Actor
from app.storage.database import Database, open_database
from app.errors import PermissionDeniedError, ValidationError
from app.records import RecordService
from app.storage.user_records import users
from app.storage.transfer import restore_local_backup
from app.storage.users import login, resolve_actor, resolve_login
from models import AuditEntry, Partner, User
from models.database import create_db_engine, normalise_url
from models.enums import UserRole
from tests.conftest import POSTGRES_SKIP_REASON, POSTGRES_URL, scratch_postgres_database


def every_record_service() -> list[tuple[str, RecordService]]:  # type: ignore[type-arg]
    """Every service instance made in app/, found by looking, so a new one cannot be forgotten."""
    found: dict[int, tuple[str, RecordService]] = {}  # type: ignore[type-arg]
    for module_info in pkgutil.walk_packages(app.__path__, "app."):
        spec = importlib.util.find_spec(module_info.name)
        if spec is None or spec.origin is None or "RecordService" not in Path(spec.origin).read_text():
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, RecordService):
                found.setdefault(id(value), (f"{module_info.name}.{name}", value))
    return sorted(found.values(), key=lambda pair: pair[0])


def test_the_service_list_is_complete() -> None:
    names = {name for name, _service in every_record_service()}
    assert {"app.directory.partners.partners", "app.planning.records.workshops", "app.storage.user_records.users",
            "app.topics.records.proposals"} <= names
    assert len(names) >= 20


def test_a_viewer_cannot_write_through_any_service(db_session: Session, viewer: Actor, make_partner: Callable[..., Partner]) -> None:
    make_partner()
    db_session.flush()
    audit_before = db_session.scalar(select(func.count()).select_from(AuditEntry))
    refused = 0
    for name, service in every_record_service():
        rows_before = service.count(db_session)
        for attempt in (
            lambda: service.create(db_session, viewer),
            lambda: service.update(db_session, viewer, 1, expected_version=1),
            lambda: service.delete(db_session, viewer, 1),
        ):
            with pytest.raises(PermissionDeniedError) as caught:
                attempt()
            assert "viewer" in str(caught.value), name
            refused += 1
        assert service.count(db_session) == rows_before, name
    assert db_session.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    assert refused == 3 * len(every_record_service())


def test_only_administrators_manage_users(db_session: Session, officer: Actor, admin: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        users.create(db_session, officer, username="zhang.min", role=UserRole.OFFICER)
    user = users.create(db_session, admin, username="zhang.min", role=UserRole.OFFICER)
    with pytest.raises(PermissionDeniedError):
        users.update(db_session, officer, user.id, role=UserRole.ADMINISTRATOR)
    with pytest.raises(PermissionDeniedError):
        users.delete(db_session, officer, user.id)
    users.update(db_session, admin, user.id, role=UserRole.VIEWER)
    assert user.role == UserRole.VIEWER


def test_the_last_administrator_stays(db_session: Session, admin: Actor) -> None:
    boss = users.create(db_session, admin, username="boss", role=UserRole.ADMINISTRATOR)
    with pytest.raises(ValidationError) as caught:
        users.update(db_session, admin, boss.id, role=UserRole.OFFICER)
    assert caught.value.field == "role"
    with pytest.raises(ValidationError) as caught:
        users.update(db_session, admin, boss.id, active=False)
    assert caught.value.field == "active"
    with pytest.raises(ValidationError):
        users.delete(db_session, admin, boss.id)
    second = users.create(db_session, admin, username="deputy", role=UserRole.ADMINISTRATOR)
    users.update(db_session, admin, boss.id, role=UserRole.OFFICER)
    with pytest.raises(ValidationError):
        users.delete(db_session, admin, second.id)


def test_user_name_must_be_a_login(db_session: Session, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        users.create(db_session, admin, username="wang fang")
    assert caught.value.field == "username"


def test_restore_is_for_administrators_only(sqlite_database: Database, officer: Actor, tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(PermissionDeniedError):
        restore_local_backup(officer, sqlite_database, Path("unused.sqlite3"))


def test_on_sqlite_the_person_at_the_keyboard_administers(sqlite_database: Database) -> None:
    with sqlite_database.sessions() as session:
        assert resolve_actor(session).role == UserRole.ADMINISTRATOR


# ---- PostgreSQL logins -----------------------------------------------------------------
@dataclass
class Logins:
    """A scratch database and two officers' logins on it (trust authentication, no passwords)."""

    url: str
    roles: list[str]

    def as_login(self, role: str) -> Database:
        return open_database(normalise_url(self.url).set(username=role), upgrade=False)


@pytest.fixture(params=[pytest.param("postgresql", id="postgresql")])
def logins(request: pytest.FixtureRequest) -> Iterator[Logins]:
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP_REASON)
    roles = [f"iad_officer_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin = create_db_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with scratch_postgres_database() as url:
            database = open_database(url)  # migrated by the owner, as IT would
            database.close()
            engine = create_db_engine(url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection, engine.connect() as inside:
                for role in roles:
                    connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
                    inside.execute(text(f'GRANT CONNECT ON DATABASE "{normalise_url(url).database}" TO "{role}"'))
                    inside.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
                    inside.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"'))
                    inside.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
            engine.dispose()
            yield Logins(url=url, roles=roles)
    finally:
        with admin.connect() as connection:
            for role in roles:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def test_first_login_becomes_administrator_and_others_are_viewers_until_added(logins: Logins) -> None:
    first, second = logins.roles
    first_db, second_db = logins.as_login(first), logins.as_login(second)
    try:
        came = login(first_db)
        assert came.actor == Actor(first, UserRole.ADMINISTRATOR)
        assert came.became_administrator and "administrator" in came.message
        assert login(first_db).actor.role == UserRole.ADMINISTRATOR and not login(first_db).message

        stranger = login(second_db)
        assert stranger.actor == Actor(second, UserRole.VIEWER)
        assert second in stranger.message and "read and export" in stranger.message

        with first_db.transaction() as session:
            added = users.create(session, resolve_actor(session), username=second, role=UserRole.OFFICER)
            added_id = added.id
        assert login(second_db).actor == Actor(second, UserRole.OFFICER)

        with second_db.transaction() as session:  # an officer may not promote themselves
            with pytest.raises(PermissionDeniedError):
                users.update(session, resolve_actor(session), added_id, role=UserRole.ADMINISTRATOR)

        with first_db.transaction() as session:
            users.update(session, resolve_actor(session), added_id, active=False)
        deactivated = login(second_db)
        assert deactivated.actor.role == UserRole.VIEWER and "deactivated" in deactivated.message

        with first_db.sessions() as session:
            entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "users")
                                      .order_by(AuditEntry.id)).all()
        assert [(e.username, e.action.value) for e in entries] == [(first, "insert"), (first, "insert"),
                                                                   (first, "update")]
    finally:
        first_db.close()
        second_db.close()


def test_two_first_logins_at_once_make_exactly_one_administrator(logins: Logins) -> None:
    databases = [logins.as_login(role) for role in logins.roles]
    start = threading.Barrier(2)
    roles: dict[str, UserRole] = {}

    def come_in(database: Database) -> None:
        with database.sessions() as session, session.begin():
            start.wait()
            actor = resolve_login(session).actor
        roles[actor.username] = actor.role

    threads = [threading.Thread(target=come_in, args=(database,)) for database in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with databases[0].sessions() as session:
        admins = session.scalars(select(User.username).where(User.role == UserRole.ADMINISTRATOR)).all()
    for database in databases:
        database.close()
    assert sorted(roles.values()) == sorted([UserRole.ADMINISTRATOR, UserRole.VIEWER])
    assert len(admins) == 1 and roles[admins[0]] == UserRole.ADMINISTRATOR
