"""The generic record services: validation naming the field, conflicts, deletes, roles, audit."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ConflictError, InUseError, PermissionDeniedError, ValidationError
from app.planning.records import exchanges
from app.directory.organisation import departments, people, semesters
from app.directory.partners import partners
from app.topics.records import proposals
from models import AuditEntry, Panel, Partner
from models.enums import AuditAction, ExchangeKind, PartnerStatus, ProposalStatus


def test_create_partner_stores_coerced_values(db_session: Session, officer: Actor) -> None:
    partner = partners.create(
        db_session, officer, name="  University of Melbourne ", country="Australia", city="Melbourne",
        timezone="Australia/Melbourne", status="active",
    )
    stored = db_session.scalar(select(Partner).where(Partner.id == partner.id))
    assert stored is not None
    assert stored.name == "University of Melbourne"
    assert stored.status is PartnerStatus.ACTIVE
    assert stored.version == 1


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"name": "", "country": "UK", "timezone": "Europe/London"}, "name", "required"),
        ({"name": "X", "country": "UK", "timezone": "Europe/Londn"}, "timezone", "not a known time zone"),
        ({"name": "X", "country": "UK", "timezone": "Europe/London", "status": "closed"}, "status", "not one of"),
        ({"name": "X" * 201, "country": "UK", "timezone": "Europe/London"}, "name", "too long"),
        ({"name": "X", "country": "  ", "timezone": "Europe/London"}, "country", "required"),
    ],
)
def test_bad_partner_input_names_the_field(
    db_session: Session, officer: Actor, values: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        partners.create(db_session, officer, **values)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert db_session.scalar(select(Partner.id)) is None


def test_duplicate_name_is_refused(db_session: Session, officer: Actor, make_partner: Callable[..., Partner]) -> None:
    make_partner(name="ETH Zurich")
    with pytest.raises(ValidationError, match="already exists") as caught:
        partners.create(db_session, officer, name="ETH Zurich", country="Switzerland", timezone="Europe/Zurich")
    assert caught.value.field == "name"


def test_bad_email_and_date_order(db_session: Session, officer: Actor, make_department: Callable[..., Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        people.create(db_session, officer, name_en="Li Wei", email="li.wei at sjtu", department_id=make_department().id)
    assert caught.value.field == "email"
    with pytest.raises(ValidationError) as caught:
        semesters.create(db_session, officer, name="2027 Spring", starts_on="2027-07-01", ends_on="2027-02-01")
    assert caught.value.field == "ends_on"


def test_update_with_stale_version_raises_conflict_with_both_versions(
    db_session: Session, officer: Actor, make_partner: Callable[..., Partner]
) -> None:
    partner = make_partner(name="Old name")
    partners.update(db_session, officer, partner.id, expected_version=1, city="Oxford")
    with pytest.raises(ConflictError) as caught:
        partners.update(db_session, officer, partner.id, expected_version=1, city="Cambridge")
    assert caught.value.theirs["city"] == "Oxford"
    assert caught.value.mine["city"] == "Cambridge"
    assert caught.value.their_version == 2
    assert db_session.get(Partner, partner.id).city == "Oxford"  # type: ignore[union-attr]


def test_delete_refuses_while_referenced_and_says_what(
    db_session: Session, officer: Actor, make_person: Callable[..., Any]
) -> None:
    person = make_person()
    with pytest.raises(InUseError, match="1 people still refer"):
        departments.delete(db_session, officer, person.department_id)


def test_delete_reports_what_goes_with_it(
    db_session: Session, officer: Actor, make_panel: Callable[..., Any]
) -> None:
    panel = make_panel()
    panel_id, exchange_id = panel.id, panel.workshop.exchange_id
    impact = exchanges.delete_impact(db_session, exchange_id)
    assert impact.cascades["workshops"] == 1
    exchanges.delete(db_session, officer, exchange_id)
    db_session.expire_all()
    assert db_session.get(Panel, panel_id) is None


def test_viewer_cannot_write(db_session: Session, viewer: Actor) -> None:
    with pytest.raises(PermissionDeniedError, match="viewer"):
        partners.create(db_session, viewer, name="X", country="UK", timezone="Europe/London")


def test_every_change_is_audited(db_session: Session, officer: Actor) -> None:
    partner = partners.create(db_session, officer, name="KTH", country="Sweden", timezone="Europe/Stockholm")
    partners.update(db_session, officer, partner.id, city="Stockholm")
    partners.delete(db_session, officer, partner.id)
    entries = db_session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == "partners", AuditEntry.record_id == partner.id)
        .order_by(AuditEntry.id)
    ).all()
    assert [e.action for e in entries] == [AuditAction.INSERT, AuditAction.UPDATE, AuditAction.DELETE]
    assert entries[1].changes == {"city": ["", "Stockholm"]}
    assert all(e.username == "officer" for e in entries)


def test_proposal_status_follows_the_workflow(
    db_session: Session, officer: Actor, make_proposal: Callable[..., Any]
) -> None:
    proposal = make_proposal()
    proposals.update(db_session, officer, proposal.id, status=ProposalStatus.SHORTLISTED)
    with pytest.raises(ValidationError, match="cannot become scheduled") as caught:
        proposals.update(db_session, officer, proposal.id, status=ProposalStatus.SCHEDULED)
    assert caught.value.field == "status"


def test_multi_round_exchange_needs_two_or_three_rounds(
    db_session: Session, officer: Actor, make_semester: Callable[..., Any]
) -> None:
    with pytest.raises(ValidationError, match="two or three rounds"):
        exchanges.create(db_session, officer, semester_id=make_semester().id, title="Mental health",
                         kind=ExchangeKind.MULTI_ROUND, planned_rounds=4)
