"""The program's roles held by PostgreSQL itself, so a login can do with psql no more than in the program.

Three group roles, one per program role; each officer's login is a member of one:

| group                | may |
|----------------------|-----|
| `iad_viewers`        | read every table |
| `iad_officers`       | also add, change and delete records; add audit entries; not change users |
| `iad_administrators` | also add, change and delete users |

Audit entries are insert-only for everyone (only the owner of the database may remove
them), and nobody but the owner may change the tables. `iad-workshops db roles` creates
the groups and grants these rights (run it as the owner or a superuser, again after each
`db upgrade`); `db roles --login NAME --role ROLE` puts a login in one group and gives it
the same role in the program's users list. The program never lets a login act above what
its group allows (see app/storage/users.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from app.errors import AppError, ValidationError
from app.i18n import _
from models import User
from models.enums import UserRole

DEFAULT_PREFIX = "iad"
# Tables an officer may read but not write; audit entries may also be added.
USERS_TABLE, AUDIT_TABLE, SCHEMA_TABLE = "users", "audit_entries", "alembic_version"
ORDER = [UserRole.VIEWER, UserRole.OFFICER, UserRole.ADMINISTRATOR]


@dataclass(frozen=True)
class RoleNames:
    viewers: str
    officers: str
    administrators: str

    @classmethod
    def with_prefix(cls, prefix: str = DEFAULT_PREFIX) -> RoleNames:
        if not prefix.replace("_", "").isalnum():
            raise ValidationError("prefix", _("A role prefix holds only letters, digits and _."))
        return cls(f"{prefix}_viewers", f"{prefix}_officers", f"{prefix}_administrators")

    def for_role(self, role: UserRole) -> str:
        return {UserRole.VIEWER: self.viewers, UserRole.OFFICER: self.officers,
                UserRole.ADMINISTRATOR: self.administrators}[role]

    def all(self) -> list[str]:
        return [self.viewers, self.officers, self.administrators]


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def roles_sql(connection: Connection, names: RoleNames) -> list[str]:
    """The statements that create the groups (if missing) and set their rights, in order."""
    q = lambda name: _quote(connection, name)  # noqa: E731 - a short alias keeps the SQL readable
    database = q(str(connection.scalar(text("SELECT current_database()"))))
    owner = q(str(connection.scalar(text(
        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = :name"), {"name": SCHEMA_TABLE})
        or connection.scalar(text("SELECT current_user"))))
    viewers, officers, administrators = (q(name) for name in names.all())
    groups = ", ".join([viewers, officers, administrators])
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
        f"CREATE ROLE {q(name)} NOLOGIN; END IF; END $$"
        for name in names.all()
    ]
    statements += [
        # Officers have every right of viewers, administrators every right of officers.
        f"GRANT {viewers} TO {officers}",
        f"GRANT {officers} TO {administrators}",
        f"GRANT CONNECT ON DATABASE {database} TO {viewers}",
        f"GRANT USAGE ON SCHEMA public TO {viewers}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        # Start from nothing, so rights an earlier setup gave (all tables to everybody) go away.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {groups}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {groups}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewers}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {officers}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {q(USERS_TABLE)}, {q(AUDIT_TABLE)}, {q(SCHEMA_TABLE)} "
        f"FROM {officers}",
        f"GRANT INSERT ON {q(AUDIT_TABLE)} TO {officers}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {officers}",
        f"GRANT INSERT, UPDATE, DELETE ON {q(USERS_TABLE)} TO {administrators}",
        # Tables a later version adds get the same rights until `db roles` runs again.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT SELECT ON TABLES TO {viewers}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {officers}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {officers}",
    ]
    return statements


def _run(engine: Engine, work: str) -> Connection:
    if engine.dialect.name != "postgresql":
        raise AppError(_("Database roles belong to a shared PostgreSQL database; a local file has one user."))
    return engine.connect()


def _refused(error: DBAPIError, what: str) -> AppError:
    reason = str(getattr(error, "orig", error)).splitlines()[0]
    return AppError(_("{what} needs the database's owner or a superuser (with CREATEROLE): {reason}.").format(
        what=what, reason=reason))


def set_up_roles(engine: Engine, names: RoleNames | None = None) -> list[str]:
    """Create the three groups (if missing) and give them their rights; returns the statements run."""
    names = names or RoleNames.with_prefix()
    with _run(engine, "roles") as connection:
        try:
            with connection.begin():
                statements = roles_sql(connection, names)
                for statement in statements:
                    connection.execute(text(statement))
        except DBAPIError as error:
            raise _refused(error, _("Setting up the database roles")) from error
    return statements


def assign_login(engine: Engine, login: str, role: UserRole, names: RoleNames | None = None) -> None:
    """Make `login` a member of the group for `role` only, and give it that role in the users list."""
    names = names or RoleNames.with_prefix()
    with _run(engine, "login") as connection, connection.begin():
        exists = connection.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :name"), {"name": login})
        if not exists:
            raise ValidationError("login", _("The server has no login named {login}; create it first "
                                             "(CREATE ROLE … LOGIN PASSWORD …).").format(login=login))
        missing = [name for name in names.all() if not connection.scalar(
            text("SELECT count(*) FROM pg_roles WHERE rolname = :name"), {"name": name})]
        if missing:
            raise AppError(_("The groups {names} do not exist yet; run iad-workshops db roles first.").format(
                names=", ".join(missing)))
        try:
            with connection.begin_nested():
                person = _quote(connection, login)
                # Rights given to the login itself (an earlier setup) would outlast its group.
                connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {person}"))
                connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {person}"))
                for other in names.all():
                    if other != names.for_role(role):
                        connection.execute(text(f"REVOKE {_quote(connection, other)} FROM {_quote(connection, login)}"))
                connection.execute(text(
                    f"GRANT {_quote(connection, names.for_role(role))} TO {_quote(connection, login)}"))
                user = connection.execute(select(User.id).where(User.username == login)).first()
                if user is None:
                    connection.execute(insert(User).values(
                        username=login, display_name=login, role=role, active=True))
                else:
                    connection.execute(update(User).where(User.username == login).values(
                        role=role, version=User.version + 1, updated_at=func.now()))
        except DBAPIError as error:
            raise _refused(error, _("Giving {login} a role").format(login=login)) from error


def role_ceiling(connection: Connection) -> UserRole:
    """The highest program role the database lets this login act in."""
    def may(table: str, privilege: str) -> bool:
        return bool(connection.scalar(text("SELECT has_table_privilege(current_user, :table, :privilege)"),
                                      {"table": table, "privilege": privilege}))

    if may(USERS_TABLE, "INSERT") and may(USERS_TABLE, "UPDATE"):
        return UserRole.ADMINISTRATOR
    if may("partners", "INSERT"):
        return UserRole.OFFICER
    return UserRole.VIEWER


def lower(first: UserRole, second: UserRole) -> UserRole:
    return min(first, second, key=ORDER.index)
