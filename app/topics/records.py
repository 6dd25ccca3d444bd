"""Topic proposals from departments and outreach to partners."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.records import RecordService, Values
from app.rules import date_order, not_blank
from models import Outreach, Partner, TopicProposal
from models.enums import ProposalStatus

# Which status may follow which; anything else is refused with a message.
TRANSITIONS: dict[ProposalStatus, set[ProposalStatus]] = {
    ProposalStatus.SUBMITTED: {ProposalStatus.SHORTLISTED, ProposalStatus.ACCEPTED, ProposalStatus.DECLINED},
    ProposalStatus.SHORTLISTED: {ProposalStatus.SUBMITTED, ProposalStatus.ACCEPTED, ProposalStatus.DECLINED},
    ProposalStatus.ACCEPTED: {ProposalStatus.SHORTLISTED, ProposalStatus.SCHEDULED, ProposalStatus.DECLINED},
    ProposalStatus.SCHEDULED: {ProposalStatus.ACCEPTED},
    ProposalStatus.DECLINED: {ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED},
}


def _status_change(_session: Session, values: Values, existing: Any) -> None:
    new = values.get("status")
    if existing is None or new is None or new == existing.status:
        return
    if new not in TRANSITIONS[existing.status]:
        raise ValidationError(
            "status", _("A {old} proposal cannot become {new}; allowed next: {allowed}.").format(
                old=existing.status.label.lower(), new=new.label.lower(),
                allowed=", ".join(sorted(s.label.lower() for s in TRANSITIONS[existing.status])))
        )


def _outreach_needs_accepted_topic(session: Session, values: Values, existing: Any) -> None:
    if existing is not None:
        return
    proposal = session.get(TopicProposal, values.get("proposal_id")) if values.get("proposal_id") else \
        values.get("proposal")
    if proposal is not None and proposal.status not in (ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED):
        raise ValidationError(
            "proposal_id", _("Only an accepted topic can be offered to partners (this one is {status}).").format(
                status=proposal.status.label.lower())
        )


proposals = RecordService(TopicProposal, lazy_text("topic proposal"), [not_blank("title", lazy_text("Title")), _status_change])


def _offered_already(session: Session, values: Values) -> str:
    partner = session.get(Partner, values.get("partner_id"))
    name = partner.name if partner is not None else _("This partner")
    return _("{partner} has already been offered this topic.").format(partner=name)


outreach = RecordService(
    Outreach, lazy_text("outreach"),
    [_outreach_needs_accepted_topic,
     date_order("contacted_on", "answered_on", lazy_text("The answer cannot come before the partner was contacted."))],
    duplicate=_offered_already,
)
