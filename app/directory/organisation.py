"""Semesters, departments, their staff and topic areas."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.records import RecordService
from app.rules import date_order, email_field, not_blank
from models import Department, Person, Semester, TopicArea

semesters = RecordService(
    Semester, _("semester"),
    [
        not_blank("name", _("Name")),
        date_order("starts_on", "ends_on", _("The semester must end after it starts.")),
    ],
)
departments = RecordService(Department, _("department"), [not_blank("name_en", _("English name")),
                                                          email_field("contact_email", _("Contact e-mail"))])
people = RecordService(Person, _("person"), [not_blank("name_en", _("English name")), email_field("email", _("E-mail"))])
topic_areas = RecordService(TopicArea, _("topic area"), [not_blank("name_en", _("English name"))])


def semester_by_name(session: Session, name: str) -> Semester | None:
    return session.scalar(select(Semester).where(Semester.name == name))


def current_semester(session: Session) -> Semester | None:
    """The latest semester that has started, else the earliest one."""
    from datetime import date

    today = date.today()
    started = session.scalar(select(Semester).where(Semester.starts_on <= today).order_by(Semester.starts_on.desc()))
    return started or session.scalar(select(Semester).order_by(Semester.starts_on))
