"""Application users on a shared database, and the audit trail of changes."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Versioned, utc_now
from models.enums import AuditAction, UserRole, db_enum


class User(Versioned, Base):
    """An officer; `db_user` maps the database login to this account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    role: Mapped[UserRole] = mapped_column(
        db_enum(UserRole), default=UserRole.OFFICER, server_default=UserRole.OFFICER.value
    )
    active: Mapped[bool] = mapped_column(default=True, server_default="1")


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    username: Mapped[str] = mapped_column(String(100), default="", server_default="")
    table_name: Mapped[str] = mapped_column(String(60), index=True)
    record_id: Mapped[int] = mapped_column(index=True)
    action: Mapped[AuditAction] = mapped_column(db_enum(AuditAction))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field -> [old, new]
