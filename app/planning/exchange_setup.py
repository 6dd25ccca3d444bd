"""Creating an exchange with its partners, departments and first round in one step."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ValidationError
from app.i18n import _
from app.planning.records import exchanges, workshops
from models import Department, Exchange, Partner, TopicProposal
from models.enums import ExchangeKind, ProposalStatus


def create_exchange(session: Session, actor: Actor, *, title: str, semester_id: int | None, kind: ExchangeKind,
                    planned_rounds: int, partner_ids: list[int], department_ids: list[int],
                    proposal_id: int | None, first_start: datetime, duration_minutes: int = 180,
                    platform: str = "", title_zh: str = "") -> Exchange:
    """An exchange and its round 1; a linked accepted topic becomes scheduled.

    Without a Chinese title of its own the exchange takes its topic's, where the topic has one.
    """
    if semester_id is None:
        raise ValidationError("semester_id", _("Choose the semester of the exchange."))
    if not partner_ids:
        raise ValidationError("partners", _("Choose at least one partner university."))
    if not department_ids:
        raise ValidationError("departments", _("Choose at least one department taking part."))
    proposal = session.get(TopicProposal, proposal_id) if proposal_id is not None else None
    if proposal is not None and proposal.status not in (ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED):
        raise ValidationError("proposal_id", _("Only an accepted topic can be scheduled (this one is {status}).")
                              .format(status=proposal.status.label.lower()))
    partners = list(session.scalars(select(Partner).where(Partner.id.in_(partner_ids))))
    departments = list(session.scalars(select(Department).where(Department.id.in_(department_ids))))
    if not title_zh.strip() and proposal is not None:
        title_zh = proposal.title_zh
    exchange = exchanges.create(
        session, actor, title=title, title_zh=title_zh.strip(), semester_id=semester_id, kind=kind, planned_rounds=planned_rounds,
        proposal_id=proposal_id, partners=partners, departments=departments,
    )
    workshops.create(session, actor, exchange_id=exchange.id, round_number=1, starts_at=first_start,
                     duration_minutes=duration_minutes, platform=platform)
    if proposal is not None and proposal.status == ProposalStatus.ACCEPTED:
        proposal.status = ProposalStatus.SCHEDULED
        session.flush()
    return exchange


def update_exchange(session: Session, actor: Actor, exchange_id: int, *, expected_version: int | None,
                    title: str, semester_id: int | None, kind: ExchangeKind, planned_rounds: int,
                    partner_ids: list[int], department_ids: list[int], contact_ids: list[int],
                    proposal_id: int | None, title_zh: str | None = None) -> Exchange:
    """Change an exchange's description, its partners, departments and partner-side participants."""
    from models import PartnerContact

    exchange = exchanges.get(session, exchange_id)
    if not partner_ids:
        raise ValidationError("partners", _("Choose at least one partner university."))
    if not department_ids:
        raise ValidationError("departments", _("Choose at least one department taking part."))
    rounds = len(exchange.workshops)
    if planned_rounds < rounds:
        raise ValidationError("planned_rounds", _("This exchange already has {n} rounds; delete a round before "
                                                  "planning fewer.").format(n=rounds))
    partners = list(session.scalars(select(Partner).where(Partner.id.in_(partner_ids))))
    departments = list(session.scalars(select(Department).where(Department.id.in_(department_ids))))
    contacts = list(session.scalars(select(PartnerContact).where(PartnerContact.id.in_(contact_ids),
                                                                 PartnerContact.partner_id.in_(partner_ids))))
    changes = {} if title_zh is None else {"title_zh": title_zh.strip()}
    return exchanges.update(
        session, actor, exchange_id, expected_version=expected_version, title=title, semester_id=semester_id,
        **changes,
        kind=kind, planned_rounds=planned_rounds, proposal_id=proposal_id, partners=partners,
        departments=departments, partner_participants=contacts,
    )
