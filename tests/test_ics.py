"""Calendar invitations: parsed back with icalendar, instants equal to the stored UTC starts."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from app.actor import Actor
from app.cli import main
from app.storage.database import Database
from app.errors import NotFoundError
from app.planning.workshop_plan import add_next_round
from app.planning.records import workshops as workshop_service
from exports.ics import write_exchange_ics, write_workshop_ics
from models import Exchange, Panel, PanelSpeaker, Partner, Semester, Workshop
from models.enums import ExchangeKind, WorkshopStatus

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


@pytest.fixture
def sydney_exchange(
    db_session: Session, make_exchange: Callable[..., Exchange], make_partner: Callable[..., Partner],
    make_workshop: Callable[..., Workshop], make_panel: Callable[..., Panel], make_person: Callable[..., object],
    make_contact: Callable[..., object],
) -> Exchange:
    """Round 1 on Tue 24 Mar 2026 09:00 Shanghai = 01:00 UTC = 12:00 AEDT in Sydney."""
    partner = make_partner(name="University of Sydney", timezone="Australia/Sydney")
    exchange = make_exchange(title="Peer support; counselling, and wellbeing", kind=ExchangeKind.MULTI_ROUND,
                             planned_rounds=3, partners=[partner])
    start = datetime(2026, 3, 24, 1, 0, tzinfo=UTC)
    workshop = make_workshop(exchange=exchange, starts_at=start, duration_minutes=170,
                             link="https://meeting.example/j/42?pwd=a,b", platform="Zoom",
                             interpretation_languages="Chinese–English", interpreter="Zhao Min")
    make_panel(workshop=workshop, title="Opening", starts_at=start, duration_minutes=30, moderator="Ms Chen")
    breakout = make_panel(workshop=workshop, title="Peer support", track="Breakout A",
                          starts_at=start + timedelta(minutes=40), duration_minutes=40,
                          interpretation_needed=True, language_pair="Chinese–English", interpreter="Sun Yu")
    make_panel(workshop=workshop, title="Counselling", track="Breakout B", starts_at=start + timedelta(minutes=40),
               duration_minutes=35)
    person = make_person(name_en="Li Wei", name_zh="李伟")
    contact = make_contact(partner=partner, name="Jane Doe")
    db_session.add_all([PanelSpeaker(panel_id=breakout.id, person_id=person.id, position=0),  # type: ignore[attr-defined]
                        PanelSpeaker(panel_id=breakout.id, contact_id=contact.id, position=1)])  # type: ignore[attr-defined]
    db_session.flush()
    db_session.expire_all()
    return exchange


def test_workshop_invitation_lands_at_the_stored_instant_with_a_vtimezone(
    db_session: Session, sydney_exchange: Exchange, tmp_path: Path,
) -> None:
    workshop = sydney_exchange.workshops[0]
    path = write_workshop_ics(db_session, workshop.id, tmp_path / "invite.ics", "Asia/Shanghai", now=NOW)
    calendar = read(path)
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Shanghai"]
    assert calendar.get_missing_tzids() == set()
    [event] = calendar.events
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "DTSTART;TZID=Asia/Shanghai:20260324T090000" in path.read_text()
    assert event.decoded("DTSTART").astimezone(UTC) == workshop.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=170)
    assert event.decoded("DTSTAMP") == NOW
    assert str(event["SUMMARY"]) == "Peer support; counselling, and wellbeing — round 1 of 3"
    assert str(event["LOCATION"]) == str(event["URL"]) == "https://meeting.example/j/42?pwd=a,b"
    assert str(event["STATUS"]) == "TENTATIVE"
    text = str(event["DESCRIPTION"])
    assert "University of Sydney (Australia/Sydney, UTC+11:00): Tue 24 Mar 2026 12:00–14:50" in text
    assert "IAD (Asia/Shanghai, UTC+08:00): Tue 24 Mar 2026 09:00–11:50" in text
    assert "09:40–10:20 / 12:40–13:20  [Breakout A]  Peer support" in text
    assert "speakers: 李伟 Li Wei, Jane Doe; interpretation: Chinese–English (Sun Yu)" in text
    assert "09:40–10:15 / 12:40–13:15  [Breakout B]  Counselling" in text
    assert not list(tmp_path.glob("*.tmp"))


def test_uid_is_stable_and_sequence_follows_changes(
    db_session: Session, officer: Actor, sydney_exchange: Exchange, tmp_path: Path,
) -> None:
    workshop = sydney_exchange.workshops[0]
    first = read(write_workshop_ics(db_session, workshop.id, tmp_path / "a.ics", "Asia/Shanghai", now=NOW)).events[0]
    workshop_service.update(db_session, officer, workshop.id, starts_at=workshop.starts_at + timedelta(hours=1),
                            status=WorkshopStatus.CONFIRMED)
    again = read(write_workshop_ics(db_session, workshop.id, tmp_path / "a.ics", "Asia/Shanghai", now=NOW)).events[0]
    assert str(again["UID"]) == str(first["UID"])
    assert int(again["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert str(again["STATUS"]) == "CONFIRMED"
    assert again.decoded("DTSTART").astimezone(UTC) == datetime(2026, 3, 24, 2, 0, tzinfo=UTC)


def test_exchange_file_holds_every_round_at_its_instant_across_clock_changes(
    db_session: Session, officer: Actor, sydney_exchange: Exchange, tmp_path: Path,
) -> None:
    """An IAD in Berlin: round 1 before Europe's change (CET), rounds 2 and 3 after it (CEST), and Sydney
    leaves summer time between rounds 2 and 3. Every event must still be at its stored instant."""
    add_next_round(db_session, officer, sydney_exchange.id, iad_timezone="Europe/Berlin")
    add_next_round(db_session, officer, sydney_exchange.id, iad_timezone="Europe/Berlin")
    db_session.expire_all()
    rounds = sorted(db_session.get(Exchange, sydney_exchange.id).workshops,  # type: ignore[union-attr]
                    key=lambda w: w.round_number)
    path = write_exchange_ics(db_session, sydney_exchange.id, tmp_path / "all.ics", "Europe/Berlin", now=NOW)
    calendar = read(path)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    [vtimezone] = calendar.timezones
    assert {sub.name for sub in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert str(calendar["X-WR-CALNAME"]) == "Peer support; counselling, and wellbeing"
    events = calendar.events
    assert len(events) == 3 and len({str(e["UID"]) for e in events}) == 3
    for event, workshop in zip(events, rounds):
        assert event.decoded("DTSTART").astimezone(UTC) == workshop.starts_at
        # The same 02:00 on the Berlin wall clock each week, whatever the offset.
        assert event.decoded("DTSTART").astimezone(ZoneInfo("Europe/Berlin")).hour == 2
    assert [w.starts_at.hour for w in rounds] == [1, 0, 0]  # 02:00 CET, then 02:00 CEST in UTC
    sydney_times = [str(e["DESCRIPTION"]).split("University of Sydney (Australia/Sydney, ")[1][:31] for e in events]
    assert sydney_times == ["UTC+11:00): Tue 24 Mar 2026 12:", "UTC+11:00): Tue 31 Mar 2026 11:",
                            "UTC+10:00): Tue 07 Apr 2026 10:"]


def test_a_missing_workshop_writes_nothing(db_session: Session, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        write_workshop_ics(db_session, 987654, tmp_path / "none.ics", "Asia/Shanghai")
    assert list(tmp_path.iterdir()) == []


def test_command_line_writes_one_workshop_or_every_round(sqlite_database: Database, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    with sqlite_database.transaction() as session:
        semester = Semester(name="2026 Spring", starts_on=date(2026, 2, 20), ends_on=date(2026, 7, 10))
        partner = Partner(name="University of Toronto", country="Canada", timezone="America/Toronto")
        exchange = Exchange(title="Asset management", semester=semester, kind=ExchangeKind.MULTI_ROUND,
                            planned_rounds=2, partners=[partner])
        first = Workshop(exchange=exchange, round_number=1, starts_at=datetime(2026, 3, 5, 13, 0, tzinfo=UTC),
                         link="https://meet.example/x")
        second = Workshop(exchange=exchange, round_number=2, starts_at=datetime(2026, 3, 12, 13, 0, tzinfo=UTC))
        session.add_all([first, second])
        session.flush()
        workshop_id, exchange_id = first.id, exchange.id
    database = str(sqlite_database.path)
    one = tmp_path / "one.ics"
    assert main(["--database", database, "export", "ics", "--workshop", str(workshop_id), "-o", str(one)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert read(one).events[0].decoded("DTSTART").astimezone(UTC) == datetime(2026, 3, 5, 13, 0, tzinfo=UTC)
    both = tmp_path / "both.ics"
    assert main(["--database", database, "export", "ics", "--exchange", str(exchange_id), "-o", str(both)]) == 0
    assert [e.decoded("DTSTART").astimezone(UTC).day for e in read(both).events] == [5, 12]
    missing = tmp_path / "missing.ics"
    assert main(["--database", database, "export", "ics", "--workshop", "999", "-o", str(missing)]) == 1
    assert "no longer exists" in capsys.readouterr().err
    assert not missing.exists()
