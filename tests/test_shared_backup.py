"""Backups: scheduled SQLite copies, restore for administrators, and pg_dump/pg_restore for PostgreSQL."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from app.actor import Actor
from app.storage.backup import latest_automatic_backup
from app.storage.database import Database, open_database
from app.directory.partners import partners
from app.settings import Settings
from models import Partner
from models.database import create_db_engine, normalise_url
from models.enums import UserRole
from tests.conftest import POSTGRES_SKIP_REASON, POSTGRES_URL, scratch_postgres_database
from ui.storage.backup_scheduler import BackupScheduler, restore_from_backup

ADMIN = Actor("wang.fang", UserRole.ADMINISTRATOR)
OFFICER = Actor("li.wei", UserRole.OFFICER)


def add_partner(database: Database, name: str) -> None:
    with database.transaction() as session:
        partners.create(session, OFFICER, name=name, country="Japan", timezone="Asia/Tokyo")


def partner_names(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(Partner.name).order_by(Partner.name)))


# ---- scheduled backups ---------------------------------------------------------------------
def test_a_backup_is_made_at_start_when_none_is_recent_and_old_ones_rotate(qtbot: QtBot, sqlite_database: Database,
                                                                           tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    settings = Settings(backup_keep=2, backup_interval_hours=24)
    scheduler = BackupScheduler(lambda: sqlite_database, settings, folder=folder)
    add_partner(sqlite_database, "Kyoto University")
    assert scheduler.is_due()
    with qtbot.waitSignal(scheduler.backed_up, timeout=10000) as first:
        scheduler.start(first_check_ms=0)
    assert scheduler.timer.interval() == 24 * 3600 * 1000
    backup = first.args[0]
    assert backup.parent == folder and backup.stat().st_size > 0
    assert not scheduler.is_due()  # just made
    assert not scheduler.run_if_due()

    for _ in range(2):
        with qtbot.waitSignal(scheduler.backed_up, timeout=10000):
            scheduler.run_now()
    assert len(list(folder.glob("*-auto-*.sqlite3"))) == 2  # backup_keep
    scheduler.stop()

    assert not backup.exists()  # the oldest went
    # A copy is a real database with the data in it.
    newest = sorted(folder.glob("*-auto-*.sqlite3"))[-1]
    copy = open_database(f"sqlite:///{newest}", upgrade=False)
    assert partner_names(copy) == ["Kyoto University"]
    copy.close()


def test_an_old_automatic_backup_makes_one_due(sqlite_database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    scheduler = BackupScheduler(lambda: sqlite_database, Settings(backup_interval_hours=6), folder=folder)
    assert sqlite_database.path is not None
    folder.mkdir()
    old = folder / f"{sqlite_database.path.stem}-auto-20200101-000000-000000.sqlite3"
    old.write_bytes(sqlite_database.path.read_bytes())
    seven_hours_ago = (datetime.now() - timedelta(hours=7)).timestamp()
    os.utime(old, (seven_hours_ago, seven_hours_ago))
    assert latest_automatic_backup(sqlite_database.path, folder) is not None
    assert scheduler.is_due()
    os.utime(old, None)
    assert not scheduler.is_due()


def test_no_automatic_backup_of_a_shared_database(qtbot: QtBot) -> None:
    database = open_database("sqlite://")  # no file: like PostgreSQL, nothing for SQLite's backup to copy
    scheduler = BackupScheduler(lambda: database, Settings())
    assert not scheduler.is_due()
    scheduler.run_now()
    assert not scheduler.running
    database.close()


# ---- restore -------------------------------------------------------------------------------
def test_an_administrator_restores_and_the_replaced_database_is_kept(qtbot: QtBot, sqlite_database: Database,
                                                                      tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "auto"
    add_partner(sqlite_database, "Kyoto University")
    scheduler = BackupScheduler(lambda: sqlite_database, Settings(), folder=folder)
    with qtbot.waitSignal(scheduler.backed_up, timeout=10000) as made:
        scheduler.run_now()
    add_partner(sqlite_database, "Osaka University")  # after the backup: the restore takes it away

    questions: list[str] = []
    kept = restore_from_backup(parent, sqlite_database, ADMIN, folder=folder, choose=lambda start: made.args[0],
                               confirm=lambda question: questions.append(question) or True)
    assert kept is not None and kept.exists()
    assert made.args[0].name in questions[0] and "kept as a copy" in questions[0]
    assert str(sqlite_database.path) in questions[0]
    # The same Database object works on the restored file.
    assert partner_names(sqlite_database) == ["Kyoto University"]
    previous = open_database(f"sqlite:///{kept}", upgrade=False)
    assert partner_names(previous) == ["Kyoto University", "Osaka University"]
    previous.close()


def test_restore_is_refused_to_officers_and_needs_a_confirmation(qtbot: QtBot, sqlite_database: Database,
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    add_partner(sqlite_database, "Kyoto University")
    assert restore_from_backup(parent, sqlite_database, OFFICER, choose=lambda start: pytest.fail("asked")) is None
    assert warnings == ["Only an administrator may restore a backup."]

    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("hello")
    assert restore_from_backup(parent, sqlite_database, ADMIN, choose=lambda start: not_a_backup) is None
    assert "is not a backup" in warnings[-1]

    good = tmp_path / "good.sqlite3"
    assert sqlite_database.path is not None
    shutil.copyfile(sqlite_database.path, good)
    assert restore_from_backup(parent, sqlite_database, ADMIN, choose=lambda start: good,
                               confirm=lambda question: False) is None
    assert partner_names(sqlite_database) == ["Kyoto University"]


# ---- PostgreSQL: pg_dump and pg_restore ------------------------------------------------------
@pytest.fixture(params=[pytest.param("postgresql", id="postgresql")])
def two_postgres_databases(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP_REASON)
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore (PostgreSQL client) are not installed")
    with scratch_postgres_database() as source, scratch_postgres_database() as target:
        yield source, target


def libpq_arguments(url: str) -> list[str]:
    parsed = normalise_url(url)
    return ["--host", parsed.host or "localhost", "--port", str(parsed.port or 5432),
            "--username", parsed.username or "postgres", "--no-password"]


def test_the_program_works_after_pg_dump_and_pg_restore(two_postgres_databases: tuple[str, str],
                                                        tmp_path: Path) -> None:
    source_url, target_url = two_postgres_databases
    source = open_database(source_url)
    add_partner(source, "Kyoto University")
    add_partner(source, "Seoul National University")
    source.close()

    dump = tmp_path / "iad.dump"
    environment = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    source_name, target_name = normalise_url(source_url).database or "", normalise_url(target_url).database or ""
    # As docs/shared-database.md tells IT: custom format, then restore without owners.
    subprocess.run(["pg_dump", *libpq_arguments(source_url), "--format=custom", "--file", str(dump), source_name],
                   check=True, env=environment, timeout=120)
    subprocess.run(["pg_restore", *libpq_arguments(target_url), "--no-owner", "--dbname", target_name, str(dump)],
                   check=True, env=environment, timeout=120)

    restored = open_database(target_url)  # checks the revision: the restored schema is this version's
    try:
        assert partner_names(restored) == ["Kyoto University", "Seoul National University"]
        add_partner(restored, "Osaka University")  # sequences came back too: new ids do not collide
        with restored.sessions() as session:
            assert session.scalar(select(Partner.id).where(Partner.name == "Osaka University")) == 3
    finally:
        restored.close()
    engine = create_db_engine(target_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM audit_entries")) == 3
    engine.dispose()
