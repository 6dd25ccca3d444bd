"""Titles and names hold one line of visible text; descriptions keep their lines; nothing holds NUL."""
from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Enum, String, Text
from sqlalchemy.orm import Session

from app.actor import Actor
from app.directory.organisation import departments
from app.errors import ValidationError
from app.planning.records import exchanges
from app.records import SYSTEM_COLUMNS, RecordService
from app.storage.database import Database
from app.topics.records import proposals
from app.views import listing
from models import Department, Exchange, Partner, Semester, TopicArea, Workshop
from models.enums import ExchangeKind

SERVICE_MODULES = ["app.directory.organisation", "app.directory.partners", "app.topics.records",
                   "app.planning.records", "app.outcomes.records", "app.evaluation.records",
                   "app.storage.user_records"]
ROOT = Path(__file__).resolve().parent.parent


def every_service() -> list[RecordService]:  # type: ignore[type-arg]
    found = []
    for name in SERVICE_MODULES:
        module = importlib.import_module(name)
        found += [value for value in vars(module).values() if isinstance(value, RecordService)]
    return found


def text_columns(multi_line: bool) -> list[tuple[RecordService, str]]:  # type: ignore[type-arg]
    return [(service, column.key) for service in every_service() for column in service.table.columns
            if isinstance(column.type, String) and not isinstance(column.type, Enum)
            and isinstance(column.type, Text) is multi_line
            and column.key not in SYSTEM_COLUMNS]


ONE_LINE = text_columns(multi_line=False)
MULTI_LINE = text_columns(multi_line=True)


def column_ids(items: list[tuple[RecordService, str]]) -> list[str]:  # type: ignore[type-arg]
    return [f"{service.model.__name__}.{name}" for service, name in items]


def test_every_title_and_name_of_every_service_is_covered() -> None:
    covered = set(column_ids(ONE_LINE))
    assert {"Exchange.title", "Panel.title", "TopicProposal.title", "Report.title", "Department.name_en",
            "Department.name_zh", "Person.name_en", "Partner.name", "PartnerContact.name", "TopicArea.name_en",
            "Semester.name", "RubricItem.name_en", "User.display_name"} <= covered
    assert {"TopicProposal.description", "Evaluation.findings", "Partner.notes", "Workshop.minutes"} <= set(
        column_ids(MULTI_LINE))


@pytest.mark.parametrize(("service", "name"), ONE_LINE, ids=column_ids(ONE_LINE))
def test_one_line_fields_refuse_line_breaks_and_control_characters(
        db_session: Session, service: RecordService, name: str) -> None:  # type: ignore[type-arg]
    for value in ("Peer\nsupport", "Peer\r\nsupport", "Peer\u2028support", "Peer\x00support", "Peer\x0bsupport",
                  "Peer\x0csupport", "Peer\x1b[31msupport", "Peer\tsupport", "Peer\x85support", "Peer\ufffesupport"):
        with pytest.raises(ValidationError) as refused:
            service.validate(db_session, {name: value}, service.model())
        assert refused.value.field == name
        message = str(refused.value)
        assert ("line break" in message or "control character U+" in message), message


@pytest.mark.parametrize(("service", "name"), MULTI_LINE, ids=column_ids(MULTI_LINE))
def test_multi_line_fields_keep_line_breaks_and_refuse_other_controls(
        db_session: Session, service: RecordService, name: str) -> None:  # type: ignore[type-arg]
    record = service.model()
    for text in ("First line\nsecond line\r\nthird\twith a tab", "两行\n文字"):
        try:
            cleaned = service.validate(db_session, {name: text}, record)
        except ValidationError as error:  # another rule of the model may object, never to this field
            assert error.field != name, error
        else:
            assert cleaned[name] == text
    for bad in ("Notes\x00", "Notes\x1b", "Notes\x0b more", "a\x07b"):
        with pytest.raises(ValidationError) as refused:
            service.validate(db_session, {name: bad}, record)
        assert refused.value.field == name and "control character" in str(refused.value)


def test_messages_name_the_field_and_the_character(db_session: Session, officer: Actor,
                                                   make_semester: Callable[..., Semester],
                                                   make_department: Callable[..., Department]) -> None:
    with pytest.raises(ValidationError, match=r"^English name: a line break is not allowed here"):
        departments.create(db_session, officer, name_en="Library\nATTENDEE:mailto:x")
    with pytest.raises(ValidationError, match=r"^Title: contains the invisible control character U\+0000 \(NUL\)"):
        exchanges.create(db_session, officer, title="Peer\x00support", semester_id=make_semester().id)
    with pytest.raises(ValidationError, match=r"^Description: contains .* U\+001B \(ESC\)"):
        proposals.create(db_session, officer, title="T", description="a\x1bb", semester_id=make_semester().id,
                         department_id=make_department().id)


def test_a_refused_nul_leaves_searching_and_saving_working(
        db_session: Session, officer: Actor, make_semester: Callable[..., Semester],
        make_area: Callable[..., TopicArea]) -> None:
    """On PostgreSQL a NUL reaching the database failed the transaction and every later search."""
    semester = make_semester()
    for title in ("Peer\x00support", "Night\nbuses"):
        with pytest.raises(ValidationError):
            exchanges.create(db_session, officer, title=title, semester_id=semester.id)
    saved = exchanges.create(db_session, officer, title="Peer support", semester_id=semester.id)
    assert [row[1] for row in listing.exchanges(db_session, semester.id)] == ["Peer support"]
    assert saved.version == 1


def _exchange_saved_before_the_rule(database: Database) -> int:
    with database.transaction() as session:
        semester = Semester(name="2026 Spring", starts_on=date(2026, 2, 20), ends_on=date(2026, 7, 10))
        partner = Partner(name="University of Toronto", country="Canada", timezone="America/Toronto")
        exchange = Exchange(title="Asset management\nATTENDEE:mailto:all@example.org\r\x1b", semester=semester,
                            kind=ExchangeKind.MULTI_ROUND, planned_rounds=2, partners=[partner])
        session.add(Workshop(exchange=exchange, round_number=1, starts_at=datetime(2026, 3, 5, 13, 0, tzinfo=UTC),
                             link="https://meet.example/x\nATTENDEE:mailto:b@example.org"))
        session.flush()
        return exchange.id


@pytest.mark.parametrize("optimise", [False, True], ids=["python", "python -O"])
def test_an_old_title_with_a_line_break_cannot_inject_into_an_invitation(
        sqlite_database: Database, tmp_path: Path, optimise: bool) -> None:
    exchange_id = _exchange_saved_before_the_rule(sqlite_database)
    output = tmp_path / "rounds.ics"
    command = [sys.executable, *(["-O"] if optimise else []), "-m", "app", "--database", str(sqlite_database.path),
               "export", "ics", "--exchange", str(exchange_id), "-o", str(output)]
    done = subprocess.run(command, cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith("ATTENDEE")]
    assert "X-WR-CALNAME:Asset management ATTENDEE:mailto:all@example.org" in lines
    assert "\x1b" not in output.read_text(encoding="utf-8")
