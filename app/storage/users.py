"""Who is at the keyboard: the database login mapped to an application user and role.

On a local SQLite file the person at the keyboard owns the file and administers it.
On a shared PostgreSQL database each officer has a database login of their own;
`current_user` names the row of `users` that gives the role:

- the users table is empty: this first login becomes the administrator;
- a known, active login: its role;
- an unknown or deactivated login: viewer (read and export only), with a message
  saying whom to ask.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.actor import Actor, local_actor
from app.storage.database import Database
from app.storage.database_roles import lower, role_ceiling
from app.i18n import _
from models import User
from models.enums import UserRole

# Any constant will do: it serialises concurrent first logins (see _first_login).
FIRST_LOGIN_LOCK = 4_209_001


@dataclass(frozen=True)
class Login:
    """The actor for this session, and what to tell the officer about it (may be empty)."""

    actor: Actor
    message: str = ""
    became_administrator: bool = False


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def database_login(session: Session) -> str:
    return str(session.scalar(text("SELECT current_user")))


def _first_login(session: Session, login: str) -> User | None:
    """Make `login` the administrator if nobody is a user yet; None if someone else was first."""
    # Two officers starting the program at the same moment on a fresh database must not
    # both become administrator: a transaction-scoped advisory lock makes them take turns,
    # and it needs no privilege on any table.
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FIRST_LOGIN_LOCK})
    if session.scalar(select(func.count()).select_from(User)):
        return None
    from app.storage.user_records import users

    return users.create(session, Actor(login, UserRole.ADMINISTRATOR), username=login,
                        display_name=login, role=UserRole.ADMINISTRATOR)


def resolve_login(session: Session) -> Login:
    """The actor of this session; on PostgreSQL may add the first administrator (caller commits).

    The role never exceeds what the login's database rights allow (app/storage/database_roles.py):
    a login in the viewers' group is a viewer whatever the users list says.
    """
    if not _is_postgresql(session):
        return Login(local_actor())
    ceiling = role_ceiling(session.connection())
    found = _resolve_listed_login(session, ceiling)
    role = lower(found.actor.role, ceiling)
    if role == found.actor.role:
        return found
    return Login(Actor(found.actor.username, role), found.message or _(
        "The database login {login} may only act as {role} on this database, whatever its role in the users "
        "list; ask IT to change its group (iad-workshops db roles).").format(login=found.actor.username,
                                                                            role=role.value))


def _resolve_listed_login(session: Session, ceiling: UserRole) -> Login:
    login = database_login(session)
    user = session.scalar(select(User).where(User.username == login))
    if user is None and ceiling is UserRole.ADMINISTRATOR \
            and not session.scalar(select(func.count()).select_from(User)):
        user = _first_login(session, login)
        if user is not None:
            return Login(
                Actor(login, UserRole.ADMINISTRATOR, display_name=user.display_name),
                _("You are the first user of this shared database, so you are its administrator."),
                became_administrator=True,
            )
        user = session.scalar(select(User).where(User.username == login))
    if user is None:
        return Login(
            Actor(login, UserRole.VIEWER),
            _("The login {login} is not a user of this database yet, so you may only read and export. "
              "Ask an administrator to add you under Tools → Users.").format(login=login),
        )
    if not user.active:
        return Login(
            Actor(login, UserRole.VIEWER),
            _("The user {login} is deactivated, so you may only read and export. "
              "Ask an administrator to reactivate you.").format(login=login),
        )
    return Login(Actor(login, user.role, display_name=user.display_name))


def resolve_actor(session: Session) -> Actor:
    """The actor of this session (see resolve_login for the rules)."""
    return resolve_login(session).actor


def login(database: Database) -> Login:
    """Resolve the actor at start, in a transaction of its own (which keeps a first administrator)."""
    with database.transaction() as session:
        return resolve_login(session)


def open_and_sign_in(url: str) -> tuple[Database, Login]:
    """Open the database at `url` (asking the keyring for a password) and sign in, for the window.

    Runs on the worker thread that opens the window's database, so it also does what the
    first query would otherwise do on the window's thread: configuring the mappers (50 ms).
    """
    from sqlalchemy.orm import configure_mappers

    from app.storage.connection import open_shared
    from app.storage.credentials import password_store

    configure_mappers()
    database = open_shared(url, password_store())
    try:
        return database, login(database)
    except BaseException:
        database.close()
        raise
