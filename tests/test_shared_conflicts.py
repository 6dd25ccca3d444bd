"""Concurrent edits: a stale save is refused with both versions, and no update is ever lost."""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.storage.database import Database, open_database
from app.errors import ConflictError
from app.planning.records import workshops
from models import AuditEntry, Exchange, Partner, Semester, Workshop
from models.enums import UserRole
from tests.conftest import POSTGRES_SKIP_REASON, POSTGRES_URL, scratch_postgres_database

OFFICER_A = Actor("wang.fang", UserRole.OFFICER)
OFFICER_B = Actor("li.wei", UserRole.OFFICER)
LABELS = {"platform": "Platform", "link": "Link", "minutes": "Minutes", "duration_minutes": "Duration (minutes)",
          "starts_at": "Start"}


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A real, migrated database that several sessions (and processes) can use at once."""
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'iad.sqlite3'}", backup_dir=tmp_path / "backups")
        yield database
        database.close()
        return
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP_REASON)
    with scratch_postgres_database() as url:
        database = open_database(url)
        yield database
        database.close()


def seed_workshop(database: Database, **overrides: Any) -> int:
    with database.transaction() as session:
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20),
                            topic_deadline=date(2026, 6, 30))
        partner = Partner(name="University of Edinburgh", country="United Kingdom", city="Edinburgh",
                          timezone="Europe/London")
        exchange = Exchange(semester=semester, title="Student mental health", partners=[partner])
        values: dict[str, Any] = dict(round_number=1, starts_at=datetime(2026, 10, 15, 7, 0, tzinfo=UTC),
                                      duration_minutes=180, platform="Zoom", link="https://zoom.example/j/1")
        values.update(overrides)
        workshop = Workshop(exchange=exchange, **values)
        session.add(workshop)
        session.flush()
        return int(workshop.id)


def test_second_save_of_the_same_workshop_raises_conflict_with_both_versions(shared_db: Database) -> None:
    workshop_id = seed_workshop(shared_db)
    # Both officers open the form: same record, same version.
    with shared_db.sessions() as session:
        version_seen = workshops.get(session, workshop_id).version
    with shared_db.transaction() as session:
        workshops.update(session, OFFICER_B, workshop_id, expected_version=version_seen,
                         platform="Tencent Meeting", minutes="B's notes")

    with pytest.raises(ConflictError) as caught, shared_db.transaction() as session:
        workshops.update(session, OFFICER_A, workshop_id, expected_version=version_seen,
                         platform="Zoom Webinar", link="https://zoom.example/j/2")

    error = caught.value
    assert error.record_id == workshop_id
    assert error.their_version == version_seen + 1
    assert error.mine == {"platform": "Zoom Webinar", "link": "https://zoom.example/j/2"}
    assert error.theirs["platform"] == "Tencent Meeting"
    assert error.theirs["minutes"] == "B's notes"
    assert error.theirs["link"] == "https://zoom.example/j/1"
    with shared_db.sessions() as session:
        stored = workshops.get(session, workshop_id)
        assert (stored.platform, stored.link, stored.version) == ("Tencent Meeting", "https://zoom.example/j/1",
                                                                  version_seen + 1)


def test_a_save_racing_another_commit_is_caught_by_the_version_check(shared_db: Database) -> None:
    """The record was read in the same session before the other officer's commit: the UPDATE itself refuses."""
    workshop_id = seed_workshop(shared_db)
    with shared_db.sessions() as session_a:
        loaded = workshops.get(session_a, workshop_id)
        version_seen = loaded.version
        session_a.commit()  # A's read is done; A keeps the loaded object (expire_on_commit=False)
        with shared_db.transaction() as session_b:
            workshops.update(session_b, OFFICER_B, workshop_id, platform="Tencent Meeting")
        with pytest.raises(ConflictError) as caught, session_a.begin():
            workshops.update(session_a, OFFICER_A, workshop_id, expected_version=version_seen, platform="Teams")
    assert caught.value.theirs["platform"] == "Tencent Meeting"
    assert caught.value.their_version == version_seen + 1
    assert caught.value.mine == {"platform": "Teams"}


def test_saving_the_merge_with_the_new_version_succeeds(shared_db: Database) -> None:
    workshop_id = seed_workshop(shared_db)
    with shared_db.transaction() as session:
        workshops.update(session, OFFICER_B, workshop_id, expected_version=1, platform="Tencent Meeting")
    with pytest.raises(ConflictError) as caught, shared_db.transaction() as session:
        workshops.update(session, OFFICER_A, workshop_id, expected_version=1, minutes="A's notes")
    with shared_db.transaction() as session:
        workshops.update(session, OFFICER_A, workshop_id, expected_version=caught.value.their_version,
                         **caught.value.mine)
    with shared_db.sessions() as session:
        stored = workshops.get(session, workshop_id)
        assert (stored.platform, stored.minutes, stored.version) == ("Tencent Meeting", "A's notes", 3)


# ---- many officers, one counter --------------------------------------------------------
INCREMENTS_PER_PROCESS = 500


def increment_worker(url: str, workshop_id: int, username: str, count: int, start: Any, results: Any) -> None:
    """Read the counter as a form would, save +1 against the version read; on conflict read again."""
    database = open_database(url, upgrade=False)
    actor = Actor(username, UserRole.OFFICER)
    conflicts = 0
    start.wait()
    done = 0
    while done < count:
        with database.sessions() as session:
            workshop = workshops.get(session, workshop_id)
            value, version = int(workshop.minutes or "0"), workshop.version
        try:
            with database.transaction() as session:
                workshops.update(session, actor, workshop_id, expected_version=version, minutes=str(value + 1))
        except ConflictError:
            conflicts += 1
            continue
        done += 1
    database.close()
    results.put((username, done, conflicts))


@pytest.mark.slow
def test_a_thousand_interleaved_increments_from_two_processes_lose_nothing(postgres_url: str) -> None:
    database = open_database(postgres_url)
    workshop_id = seed_workshop(database, minutes="0")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=increment_worker,
                        args=(postgres_url, workshop_id, name, INCREMENTS_PER_PROCESS, start, results))
        for name in ("wang.fang", "li.wei")
    ]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    elapsed = time.perf_counter() - began

    with database.sessions() as session:
        stored = workshops.get(session, workshop_id)
        audited = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "workshops", AuditEntry.record_id == workshop_id,
            AuditEntry.action == "update"))
    database.close()
    conflicts = sum(outcome[2] for outcome in outcomes)
    print(f"\n2 processes x {INCREMENTS_PER_PROCESS} increments: {elapsed:.1f} s, {conflicts} conflicts retried")
    assert stored.minutes == str(2 * INCREMENTS_PER_PROCESS)
    assert stored.version == 1 + 2 * INCREMENTS_PER_PROCESS
    assert audited == 2 * INCREMENTS_PER_PROCESS
    assert conflicts > 0, "the two processes never collided, so the test proved nothing"
