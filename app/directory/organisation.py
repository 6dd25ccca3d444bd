"""Semesters, departments, their staff and topic areas."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import lazy_text
from app.records import RecordService
from app.rules import date_order, email_field, not_blank
from models import Department, Person, Semester, TopicArea

semesters = RecordService(
    Semester, lazy_text("semester"),
    [
        not_blank("name", lazy_text("Name")),
        date_order("starts_on", "ends_on", lazy_text("The semester must end after it starts.")),
    ],
)
departments = RecordService(Department, lazy_text("department"), [not_blank("name_en", lazy_text("English name")),
                                                          email_field("contact_email", lazy_text("Contact e-mail"))])
people = RecordService(Person, lazy_text("person"), [not_blank("name_en", lazy_text("English name")), email_field("email", lazy_text("E-mail"))])
topic_areas = RecordService(TopicArea, lazy_text("topic area"), [not_blank("name_en", lazy_text("English name"))])


def semester_by_name(session: Session, name: str) -> Semester | None:
    return session.scalar(select(Semester).where(Semester.name == name))


def current_semester(session: Session) -> Semester | None:
    """The latest semester that has started, else the earliest one."""
    from datetime import date

    today = date.today()
    started = session.scalar(select(Semester).where(Semester.starts_on <= today).order_by(Semester.starts_on.desc()))
    return started or session.scalar(select(Semester).order_by(Semester.starts_on))
