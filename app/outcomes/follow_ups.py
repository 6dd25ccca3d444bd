"""Follow-up contacts: a department keeping in touch with a partner after an exchange.

After a first successful exchange a department often talks to its counterpart on
its own; the IAD logs those contacts (date, channel, people, summary) so the
relationship is visible from the partner's side and from the department's side.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.i18n import _
from app.outcomes.records import follow_ups
from models import Department, FollowUpContact, Partner
from models.enums import ContactChannel


@dataclass(frozen=True)
class ContactRow:
    id: int
    version: int
    contact_date: date
    channel: ContactChannel
    department_id: int
    department_name: str
    partner_id: int
    partner_name: str
    people: str
    summary: str


def _check(session: Session, values: dict[str, Any], today: date | None) -> None:
    if "department_id" in values and session.get(Department, values["department_id"]) is None:
        raise ValidationError("department_id", _("Choose the department that made the contact."))
    if "partner_id" in values and session.get(Partner, values["partner_id"]) is None:
        raise ValidationError("partner_id", _("Choose the partner university that was contacted."))
    if "summary" in values and not str(values["summary"] or "").strip():
        raise ValidationError("summary", _("Summarise what the contact was about."))
    contact_date = values.get("contact_date")
    if "contact_date" in values and contact_date is None:
        raise ValidationError("contact_date", _("Give the date of the contact."))
    # A log records what happened; a date ahead of today is a typing mistake.
    if today is not None and isinstance(contact_date, date) and contact_date > today:
        raise ValidationError("contact_date", _("The contact date {day} is in the future.").format(day=contact_date))


def log_contact(
    session: Session, actor: Actor, *, department_id: int, partner_id: int, contact_date: date,
    channel: ContactChannel | str = ContactChannel.EMAIL, people: str = "", summary: str = "",
    today: date | None = None,
) -> FollowUpContact:
    """Record one contact; `today` (if given) refuses dates in the future."""
    values: dict[str, Any] = dict(department_id=department_id, partner_id=partner_id, contact_date=contact_date,
                                  channel=channel, people=people, summary=summary)
    _check(session, values, today)
    return follow_ups.create(session, actor, **values)


def update_contact(
    session: Session, actor: Actor, contact_id: int, *, expected_version: int | None = None,
    today: date | None = None, **values: Any,
) -> FollowUpContact:
    _check(session, values, today)
    return follow_ups.update(session, actor, contact_id, expected_version=expected_version, **values)


def delete_contact(session: Session, actor: Actor, contact_id: int) -> None:
    follow_ups.delete(session, actor, contact_id)


def _rows(session: Session, *conditions: Any) -> list[ContactRow]:
    query = (
        select(FollowUpContact, Department.name_en, Partner.name)
        .join(Department, Department.id == FollowUpContact.department_id)
        .join(Partner, Partner.id == FollowUpContact.partner_id)
        .where(*conditions)
        .order_by(FollowUpContact.contact_date.desc(), FollowUpContact.id.desc())
    )
    return [
        ContactRow(
            id=contact.id, version=contact.version, contact_date=contact.contact_date, channel=contact.channel,
            department_id=contact.department_id, department_name=department, partner_id=contact.partner_id,
            partner_name=partner, people=contact.people, summary=contact.summary,
        )
        for contact, department, partner in session.execute(query)
    ]


def contacts_for_partner(session: Session, partner_id: int) -> list[ContactRow]:
    """Every department's contacts with one partner, newest first."""
    return _rows(session, FollowUpContact.partner_id == partner_id)


def contacts_for_department(session: Session, department_id: int) -> list[ContactRow]:
    """One department's contacts with every partner, newest first."""
    return _rows(session, FollowUpContact.department_id == department_id)


def last_contact_by_pair(session: Session) -> dict[tuple[int, int], date]:
    """(department_id, partner_id) -> the latest contact date, to show who keeps in touch."""
    query = select(FollowUpContact.department_id, FollowUpContact.partner_id,
                   func.max(FollowUpContact.contact_date)).group_by(
        FollowUpContact.department_id, FollowUpContact.partner_id)
    return {(dept, partner): day for dept, partner, day in session.execute(query)}
