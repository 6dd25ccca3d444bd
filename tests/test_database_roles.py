"""The program's roles hold in PostgreSQL itself: each test connects as a viewer, an officer and an administrator."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ProgrammingError

from app.cli import main
from app.storage.database import open_database
from app.storage.database_roles import RoleNames
from app.storage.users import login as sign_in
from models.database import normalise_url
from models.enums import UserRole


@dataclass
class Logins:
    url: str
    names: RoleNames
    viewer: str
    officer: str
    administrator: str

    def url_for(self, login: str) -> str:
        return normalise_url(self.url).set(username=login, password="pw-" + login).render_as_string(False)

    def engine_for(self, login: str) -> Engine:
        return create_engine(self.url_for(login), isolation_level="AUTOCOMMIT")


@pytest.fixture
def logins(postgres_url: str) -> Iterator[Logins]:
    """A migrated scratch database with its three groups and a login in each (all removed afterwards)."""
    tag = uuid.uuid4().hex[:8]
    prefix = f"t{tag}"
    names = RoleNames.with_prefix(prefix)
    people = {role: f"{role.value}_{tag}" for role in UserRole}
    owner = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        for login in people.values():
            connection.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}'"))
    try:
        assert main(["--database", postgres_url, "db", "upgrade"]) == 0
        # An earlier setup (the docs' first advice) gave everybody every right on every table.
        with owner.connect() as connection:
            connection.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {people[UserRole.VIEWER]}"))
        assert main(["--database", postgres_url, "db", "roles", "--prefix", prefix]) == 0
        for role, login in people.items():
            assert main(["--database", postgres_url, "db", "roles", "--prefix", prefix, "--login", login,
                         "--role", role.value]) == 0
        yield Logins(postgres_url, names, people[UserRole.VIEWER], people[UserRole.OFFICER],
                     people[UserRole.ADMINISTRATOR])
    finally:
        with owner.connect() as connection:
            existing = set(connection.scalars(text("SELECT rolname FROM pg_roles")))
            everyone = ", ".join(name for name in [*people.values(), *names.all()] if name in existing)
            if everyone:
                connection.execute(text(f"DROP OWNED BY {everyone}"))
                connection.execute(text(f"DROP ROLE {everyone}"))
        owner.dispose()


def refused(engine: Engine, statement: str) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    except ProgrammingError as error:
        assert "permission denied" in str(error)
        return True
    return False


MAKE_ME_ADMIN = "UPDATE users SET role = 'administrator' WHERE username = current_user"
ADD_A_USER = "INSERT INTO users (username, display_name, role, active, version, created_at, updated_at) " \
             "VALUES ('intruder', '', 'administrator', true, 1, now(), now())"
ADD_A_PARTNER = "INSERT INTO partners (name, country, timezone) VALUES ('Kyoto University', 'Japan', 'Asia/Tokyo')"
ADD_AN_AUDIT_ENTRY = "INSERT INTO audit_entries (at, username, table_name, record_id, action, changes) " \
                     "VALUES (now(), current_user, 'partners', 1, 'INSERT', '{}')"


def test_a_viewer_may_only_read(logins: Logins) -> None:
    viewer = logins.engine_for(logins.viewer)
    try:
        with viewer.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM users")).scalar() == 3
        assert refused(viewer, ADD_A_PARTNER)
        assert refused(viewer, MAKE_ME_ADMIN)
        assert refused(viewer, ADD_A_USER)
        assert refused(viewer, ADD_AN_AUDIT_ENTRY)
        assert refused(viewer, "DELETE FROM audit_entries")
        assert refused(viewer, "CREATE TABLE mine (x int)")
    finally:
        viewer.dispose()


def test_an_officer_changes_records_but_not_users_and_only_adds_audit_entries(logins: Logins) -> None:
    officer = logins.engine_for(logins.officer)
    try:
        assert not refused(officer, ADD_A_PARTNER)
        assert not refused(officer, "UPDATE partners SET city = 'Kyoto'")
        assert not refused(officer, ADD_AN_AUDIT_ENTRY)
        assert refused(officer, MAKE_ME_ADMIN)
        assert refused(officer, ADD_A_USER)
        assert refused(officer, "UPDATE audit_entries SET username = 'someone else'")
        assert refused(officer, "DELETE FROM audit_entries")
        assert refused(officer, "DELETE FROM alembic_version")
    finally:
        officer.dispose()


def test_an_administrator_changes_users_but_never_the_audit_trail(logins: Logins) -> None:
    administrator = logins.engine_for(logins.administrator)
    try:
        assert not refused(administrator, ADD_A_USER)
        assert not refused(administrator, ADD_AN_AUDIT_ENTRY)
        assert refused(administrator, "UPDATE audit_entries SET username = 'someone else'")
        assert refused(administrator, "DELETE FROM audit_entries")
        assert refused(administrator, "TRUNCATE audit_entries")
    finally:
        administrator.dispose()


def test_demo_data_through_a_viewers_login_is_refused(logins: Logins, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", logins.url_for(logins.viewer), "demo", "--add", "--quiet"]) == 1
    error = capsys.readouterr().err
    assert "viewer" in error and "may not add demo data" in error and "Traceback" not in error
    with logins.engine_for(logins.viewer).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM people")).scalar() == 0


def test_the_program_never_lets_a_login_act_above_its_group(logins: Logins) -> None:
    owner = create_engine(logins.url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:  # the users list says administrator, the database says viewer
        connection.execute(text("UPDATE users SET role = 'administrator' WHERE username = :login"),
                           {"login": logins.viewer})
    owner.dispose()
    database = open_database(logins.url_for(logins.viewer))
    try:
        came = sign_in(database)
        assert came.actor.role is UserRole.VIEWER
        assert "may only act as viewer" in came.message
    finally:
        database.close()


def test_a_denied_write_is_one_sentence(logins: Logins) -> None:
    from app.errors import PermissionDeniedError

    database = open_database(logins.url_for(logins.viewer))
    try:
        with pytest.raises(PermissionDeniedError, match=f"login {logins.viewer} may not make this change"):
            with database.transaction() as session:
                session.execute(text(ADD_A_PARTNER))
    finally:
        database.close()
