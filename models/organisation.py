"""The IAD's own side: semesters, departments, their staff, topic areas."""
from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Versioned


class Semester(Versioned, Base):
    __tablename__ = "semesters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    topic_deadline: Mapped[date | None]


class Department(Versioned, Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="", server_default="")

    @property
    def display_name(self) -> str:
        return f"{self.name_en} ({self.name_zh})" if self.name_zh else self.name_en


class Person(Versioned, Base):
    """A staff member of one of the IAD's departments."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"), index=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[str] = mapped_column(String(200), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    department: Mapped[Department] = relationship()

    @property
    def display_name(self) -> str:
        return f"{self.name_zh} {self.name_en}" if self.name_zh else self.name_en


class TopicArea(Versioned, Base):
    __tablename__ = "topic_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    active: Mapped[bool] = mapped_column(default=True, server_default="1")
