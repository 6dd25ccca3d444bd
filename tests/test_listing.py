"""The rows behind the window's lists, on every backend."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.views import listing
def test_a_partners_exchange_history_starts_at_the_first_round_in_utc(
    db_session: Session, make_exchange: Callable[..., Any], make_workshop: Callable[..., Any],
    make_partner: Callable[..., Any],
) -> None:
    partner = make_partner(timezone="Australia/Sydney")
    exchange = make_exchange(partners=[partner], planned_rounds=2)
    first = datetime(2026, 9, 21, 1, 0, tzinfo=UTC)
    make_workshop(exchange=exchange, round_number=2, starts_at=first + timedelta(days=14))
    make_workshop(exchange=exchange, round_number=1, starts_at=first)
    rows = listing.exchange_history(db_session, partner.id)
    assert [(row[0], row[4], row[5]) for row in rows] == [(exchange.id, 2, first)]
    assert rows[0][5].tzinfo is not None


def test_a_semesters_lists_name_the_partners_of_its_own_exchanges(
    db_session: Session, make_exchange: Callable[..., Any], make_workshop: Callable[..., Any],
    make_partner: Callable[..., Any],
) -> None:
    ours = make_exchange(partners=[make_partner(name="Monash University"), make_partner(name="Aalto University")])
    other = make_exchange(partners=[make_partner(name="University of Toronto")])
    make_workshop(exchange=ours)
    make_workshop(exchange=other)
    assert listing.partner_names(db_session, semester_id=ours.semester_id) == {
        ours.id: "Aalto University, Monash University"}
    assert [row[4] for row in listing.exchanges(db_session, ours.semester_id)] == [
        "Aalto University, Monash University"]
    assert [row[3] for row in listing.workshops(db_session, other.semester_id)] == ["University of Toronto"]
    every = {row[0]: row[4] for row in listing.exchanges(db_session, None)}
    assert every[ours.id] == "Aalto University, Monash University" and every[other.id] == "University of Toronto"


def test_in_the_chinese_window_the_lists_name_departments_and_areas_in_chinese(
    db_session: Session, make_department: Callable[..., Any], make_person: Callable[..., Any],
    make_participation: Callable[..., Any], make_report: Callable[..., Any], make_proposal: Callable[..., Any],
    make_area: Callable[..., Any],
) -> None:
    from app.i18n import language

    library = make_department(name_en="Library", name_zh="图书馆")
    archives = make_department(name_en="Archives", name_zh="")  # no Chinese name: the English one stays
    report = make_report(participation=make_participation(person=make_person(department=library)))
    proposal = make_proposal(department=archives, area=make_area(name_en="Campus safety", name_zh="校园安全"))
    semester = report.participation.exchange.semester_id
    report.participation.exchange.title_zh = "校园安全交流"
    db_session.flush()
    person = report.participation.person_id
    with language("zh_CN"):
        assert [row[2:4] for row in listing.reports(db_session, semester)] == [("图书馆", "校园安全交流")]
        assert [row[1] for row in listing.participations_of(db_session, person)] == ["校园安全交流"]
        people = {row[0]: row[3] for row in listing.people(db_session)}
        topics = {row[0]: (row[2], row[3]) for row in listing.proposals(db_session, None)}
    assert people[report.participation.person_id] == "图书馆"
    assert topics[proposal.id] == ("Archives", "校园安全")
    # The English window keeps the English names.
    assert [row[2:4] for row in listing.reports(db_session, semester)] == [
        ("Library", report.participation.exchange.title)]
    assert {row[0]: (row[2], row[3]) for row in listing.proposals(db_session, None)}[proposal.id] == (
        "Archives", "Campus safety")
