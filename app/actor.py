"""Who is acting: passed explicitly to every service that changes data."""
from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from app.errors import PermissionDeniedError
from app.i18n import _
from models.enums import UserRole

_RANK = {UserRole.VIEWER: 0, UserRole.OFFICER: 1, UserRole.ADMINISTRATOR: 2}


@dataclass(frozen=True)
class Actor:
    username: str
    role: UserRole = UserRole.OFFICER
    # The officer's name as the shared database's user list has it ("" when unknown, e.g. on a local
    # file): what forms prefill as reviewer or interviewer. Never the operating system's login.
    # Who acts, and with which rights, is the login and the role: the name shown does not count.
    display_name: str = field(default="", compare=False)

    def can(self, role: UserRole) -> bool:
        return _RANK[self.role] >= _RANK[role]

    def require(self, role: UserRole, what: str) -> None:
        if not self.can(role):
            raise PermissionDeniedError(
                _("{user} is a {role} and may not {what}.").format(
                    user=self.username, role=self.role.label.lower(), what=what
                )
            )


def local_actor() -> Actor:
    """On a local SQLite file the person at the keyboard administers it."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "local"
    return Actor(username=name, role=UserRole.ADMINISTRATOR)
