"""Application users of a shared database.

Only an administrator creates, changes or removes users, and the last active
administrator can neither be demoted, deactivated nor deleted, so a shared
database always keeps someone who may manage it.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.records import DeleteImpact, RecordService, Values
from app.rules import current, not_blank
from models import User
from models.enums import UserRole


def _username_is_a_login(_session: Session, values: Values, existing: Any) -> None:
    # The user name is the database login (PostgreSQL's current_user), which has no spaces
    # unless quoted; a typo here would leave the officer a viewer without knowing why.
    name = values.get("username")
    if name is not None and (name != name.strip() or any(c.isspace() for c in name)):
        raise ValidationError("username", _("User name must be the database login, without spaces."))


def _keeps_an_administrator(session: Session, values: Values, existing: Any) -> None:
    if existing is None or existing.role != UserRole.ADMINISTRATOR or not existing.active:
        return
    if current(values, existing, "role") == UserRole.ADMINISTRATOR and current(values, existing, "active"):
        return
    if _other_active_admins(session, existing.id) == 0:
        field = "role" if current(values, existing, "role") != UserRole.ADMINISTRATOR else "active"
        raise ValidationError(field, _("{name} is the last active administrator; make someone else an "
                                       "administrator first.").format(name=existing.username))


def _other_active_admins(session: Session, user_id: int) -> int:
    return int(session.scalar(
        select(func.count()).select_from(User).where(
            User.role == UserRole.ADMINISTRATOR, User.active.is_(True), User.id != user_id)
    ) or 0)


class UserService(RecordService[User]):
    """RecordService for users, with every change reserved to administrators."""

    def create(self, session: Session, actor: Actor, **values: Any) -> User:
        actor.require(UserRole.ADMINISTRATOR, _("add a user"))
        return super().create(session, actor, **values)

    def update(self, session: Session, actor: Actor, record_id: int, *, expected_version: int | None = None,
               **values: Any) -> User:
        actor.require(UserRole.ADMINISTRATOR, _("change a user"))
        return super().update(session, actor, record_id, expected_version=expected_version, **values)

    def delete(self, session: Session, actor: Actor, record_id: int) -> DeleteImpact:
        actor.require(UserRole.ADMINISTRATOR, _("delete a user"))
        user = self.get(session, record_id)
        if user.role == UserRole.ADMINISTRATOR and user.active and _other_active_admins(session, user.id) == 0:
            raise ValidationError("role", _("{name} is the last active administrator; make someone else an "
                                            "administrator first.").format(name=user.username))
        return super().delete(session, actor, record_id)


users = UserService(
    User, lazy_text("user"), [not_blank("username", lazy_text("User name")), _username_is_a_login, _keeps_an_administrator]
)
