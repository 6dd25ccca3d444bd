"""Moving to a shared database and back: every row of every table arrives unchanged."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.cli import main
from app.storage.database import Database, open_database
from app.demo.builder import fill_demo
from app.directory.partners import partners
from app.storage.user_records import users
from app.storage.transfer import TransferError, copy_between, copy_database, plain_rows, tables_in_order
from models import Partner
from models.enums import UserRole

ADMIN = Actor("wang.fang", UserRole.ADMINISTRATOR)


@pytest.fixture
def local_with_data(tmp_path: Path) -> str:
    """A local database with demo data, audit entries, users and unusual text."""
    url = f"sqlite:///{tmp_path / 'local.sqlite3'}"
    database = open_database(url, backup_dir=tmp_path / "backups")
    with database.transaction() as session:
        fill_demo(session, "small", today=date(2026, 11, 1))
        # A name holds one line; the notes keep their line breaks.
        partner = partners.create(session, ADMIN, name="Université de Genève 日内瓦大学 — \"quoted\" 'single'",
                                  country="Switzerland", timezone="Europe/Zurich", notes="First line\n2nd line\ttab")
        partners.update(session, ADMIN, partner.id, city="Genève")
        users.create(session, ADMIN, username="wang.fang", role=UserRole.ADMINISTRATOR)
        users.create(session, ADMIN, username="li.wei", role=UserRole.OFFICER)
    database.close()
    return url


def everything(database: Database) -> dict[str, list[dict[str, Any]]]:
    with database.engine.connect() as connection:
        return {table.name: plain_rows(connection, table) for table in tables_in_order()}


def test_copy_to_postgresql_and_back_gives_identical_data(local_with_data: str, postgres_url: str,
                                                          tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    report = copy_database(local_with_data, postgres_url, progress=lambda *step: seen.append(step), chunk=50)
    assert report.rows["partners"] == 21 and report.rows["users"] == 2 and report.total > 1000
    assert ("panels", report.rows["panels"], report.rows["panels"]) in seen  # progress reached the end

    back_url = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    copy_database(postgres_url, back_url)

    local, shared, back = (open_database(url) for url in (local_with_data, postgres_url, back_url))
    try:
        original = everything(local)
        assert sum(len(rows) for rows in original.values()) == report.total
        assert everything(shared) == original
        assert everything(back) == original

        # New records on the shared database get fresh ids, after the copied ones.
        with shared.transaction() as session:
            newest = max(session.scalars(select(Partner.id)))
            added = partners.create(session, ADMIN, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
            assert added.id == newest + 1
    finally:
        for database in (local, shared, back):
            database.close()


def test_copy_refuses_a_target_that_holds_data(local_with_data: str, postgres_url: str) -> None:
    target = open_database(postgres_url)
    with target.transaction() as session:
        partners.create(session, ADMIN, name="Already here", country="Japan", timezone="Asia/Tokyo")
    source = open_database(local_with_data)
    try:
        with pytest.raises(TransferError) as caught:
            copy_between(source, target)
        assert "already holds data" in str(caught.value) and "partners (1)" in str(caught.value)
        with target.sessions() as session:
            assert [p.name for p in session.scalars(select(Partner))] == ["Already here"]
    finally:
        source.close()
        target.close()


def test_a_failed_copy_leaves_the_target_empty(local_with_data: str, postgres_url: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import app.storage.transfer

    real = app.storage.transfer._copy_table  # noqa: SLF001
    calls = {"n": 0}

    def failing(*args: Any, **kwargs: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 12:
            raise OSError("network cable pulled")
        return real(*args, **kwargs)

    monkeypatch.setattr(app.storage.transfer, "_copy_table", failing)
    with pytest.raises(OSError):
        copy_database(local_with_data, postgres_url)
    target = open_database(postgres_url)
    try:
        assert all(not rows for rows in everything(target).values())
    finally:
        target.close()


def test_a_row_count_mismatch_fails_loudly(local_with_data: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import app.storage.transfer

    real_insert_count = app.storage.transfer._copy_table  # noqa: SLF001

    def dropping_last_partner(src: Any, dst: Any, table: Any, chunk: int, progress: Any) -> int:
        copied = real_insert_count(src, dst, table, chunk, progress)
        if table.name == "partners":
            dst.execute(table.delete().where(table.c.id == dst.scalar(select(table.c.id).order_by(table.c.id.desc()))))
        return copied

    monkeypatch.setattr(app.storage.transfer, "_copy_table", dropping_last_partner)
    with pytest.raises(TransferError) as caught:
        copy_database(local_with_data, f"sqlite:///{tmp_path / 'target.sqlite3'}")
    assert "partners: 21 rows in the source, 20 in the target" in str(caught.value)


def test_copy_into_itself_is_refused(local_with_data: str) -> None:
    with pytest.raises(TransferError):
        copy_database(local_with_data, local_with_data)


def test_the_command_line_copies_with_progress(local_with_data: str, postgres_url: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", local_with_data, "db", "copy", "--to", postgres_url]) == 0
    captured = capsys.readouterr()
    assert "every table's row count matches" in captured.out
    assert "panels:" in captured.err
    # A second copy finds data there and says so, with exit code 1.
    assert main(["db", "copy", "--from", local_with_data, "--to", postgres_url, "--quiet"]) == 1
    assert "already holds data" in capsys.readouterr().err
