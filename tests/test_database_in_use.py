"""A local database used by several programs at once: restore, contention, leftovers of killed programs."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import models.database
from app.actor import Actor
from app.cli import main
from app.errors import AppError, DatabaseOpenError
from app.storage import presence
from app.storage.backup import backup_sqlite, check_backup_file, restore_sqlite
from app.storage.database import open_database
from app.storage.transfer import restore_local_backup
from benchmarks.sqlite_contention import run as run_contention
from models.enums import UserRole

ADMIN = Actor("wang.fang", UserRole.ADMINISTRATOR)

HOLDER = textwrap.dedent("""
    import sys
    from app.storage import presence
    from app.storage.database import open_database
    presence.set_program_name(sys.argv[2])
    database = open_database(sys.argv[1])
    if sys.argv[3] == "write":
        with database.transaction() as session:
            session.execute(__import__("sqlalchemy").text("INSERT INTO departments (name_en) VALUES ('Held')"))
            print("ready", flush=True)
            sys.stdin.readline()
    else:
        print("ready", flush=True)
        sys.stdin.readline()
    database.close()
""")


@pytest.fixture
def hold_database() -> Iterator[object]:
    """Start another program that keeps a database open (or a write pending) until told to stop."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path, program: str, mode: str = "open") -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), program, mode], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        started.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=20)


def departments(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name_en FROM departments ORDER BY id")]


def add_department(path: Path, name: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO departments (name_en) VALUES (?)", (name,))
    connection.close()


@pytest.fixture
def database_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A database holding Library and Career Center, and a backup holding only Library."""
    path = tmp_path / "live.sqlite3"
    assert main(["--database", str(path), "db", "upgrade"]) == 0
    add_department(path, "Library")
    backup = tmp_path / "backup.sqlite3"
    assert main(["--database", str(path), "db", "backup", str(backup)]) == 0
    add_department(path, "Career Center")
    return path, backup


# ---- restore -------------------------------------------------------------------------------
def test_restore_refuses_while_another_program_has_the_database_open(
        database_with_backup: tuple[Path, Path], hold_database: object, capsys: pytest.CaptureFixture[str]) -> None:
    path, backup = database_with_backup
    holder = hold_database(path, "iad-workshops import topics")  # type: ignore[operator]
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 1
    message = capsys.readouterr().err.strip()
    assert "iad-workshops import topics" in message and f"process {holder.pid}" in message
    assert "\n" not in message
    assert departments(path) == ["Library", "Career Center"]  # untouched

    holder.stdin.close()
    holder.wait(timeout=20)
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 0
    assert departments(path) == ["Library"]


def test_the_window_restores_after_closing_its_own_connections_but_not_under_another_program(
        database_with_backup: tuple[Path, Path], hold_database: object, tmp_path: Path) -> None:
    path, backup = database_with_backup
    database = open_database(path)  # the window's own database stays open
    try:
        holder = hold_database(path, "iad-workshops demo")  # type: ignore[operator]
        with pytest.raises(AppError, match="iad-workshops demo"):
            restore_local_backup(ADMIN, database, backup, tmp_path / "kept")
        assert departments(path) == ["Library", "Career Center"]
        holder.stdin.close()
        holder.wait(timeout=20)
        restore_local_backup(ADMIN, database, backup, tmp_path / "kept")
        with database.sessions() as session:  # the window keeps working, on the restored file
            assert session.execute(__import__("sqlalchemy").text("SELECT count(*) FROM departments")).scalar() == 1
    finally:
        database.close()


def test_a_pending_write_of_another_program_blocks_the_restore(
        database_with_backup: tuple[Path, Path], hold_database: object, capsys: pytest.CaptureFixture[str]) -> None:
    path, backup = database_with_backup
    hold_database(path, "iad-workshops demo", "write")  # type: ignore[operator]
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 1
    assert "iad-workshops demo" in capsys.readouterr().err


def test_a_killed_program_does_not_keep_the_database_in_use(
        database_with_backup: tuple[Path, Path], hold_database: object) -> None:
    path, backup = database_with_backup
    holder = hold_database(path, "iad-workshops demo")  # type: ignore[operator]
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=20)
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 0
    assert departments(path) == ["Library"]
    assert not presence.notes_folder(path).exists()  # its note was removed with ours


def test_opening_waits_for_a_restore_and_then_says_who_is_restoring(database_with_backup: tuple[Path, Path]) -> None:
    path, _backup = database_with_backup
    presence.set_program_name("iad-workshops db restore")
    claim = presence.claim_for_restore(path)
    try:
        with pytest.raises(DatabaseOpenError, match="being restored .* iad-workshops db restore"):
            presence.announce(path, wait_seconds=0.3)
    finally:
        claim.release()
        presence.set_program_name("iad-workshops")
    presence.announce(path, wait_seconds=0.3).release()


def test_restoring_the_database_onto_itself_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "live.sqlite3"
    assert main(["--database", str(path), "db", "upgrade"]) == 0
    add_department(path, "Library")
    assert main(["--database", str(path), "db", "restore", str(path)]) == 1
    assert "is the database itself" in capsys.readouterr().err
    assert departments(path) == ["Library"]
    with pytest.raises(AppError, match="database itself"):
        restore_sqlite(path, tmp_path / "." / "live.sqlite3")


def test_checked_and_restored_backups_leave_no_wal_or_shm_files(database_with_backup: tuple[Path, Path]) -> None:
    path, backup = database_with_backup
    check_backup_file(backup)
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 0
    assert sorted(p.name for p in backup.parent.glob("backup.sqlite3*")) == ["backup.sqlite3"]


def test_backups_go_to_the_backups_folder_in_the_data_folder(database_with_backup: tuple[Path, Path]) -> None:
    path, backup = database_with_backup
    assert main(["--database", str(path), "db", "restore", str(backup)]) == 0
    kept = list((Path(os.environ["IAD_DATA_DIR"]) / "backups").glob("live-before-restore-*.sqlite3"))
    assert len(kept) == 1 and not (path.parent / "backups").exists()


# ---- contention ----------------------------------------------------------------------------
def test_concurrent_edits_wait_their_turn_instead_of_failing_with_database_is_locked() -> None:
    outcomes = run_contention(old_way=False, writers=3, edits=40)
    assert sum(outcomes.values()) == 120
    assert outcomes["raw 'database is locked'"] == 0 and outcomes["other error"] == 0
    assert outcomes["saved"] > 0


@pytest.mark.parametrize("command", [["demo", "--add", "--quiet"], ["import", "topics", "form.xlsx"]])
def test_a_command_finding_the_database_busy_says_who_holds_it(
        command: list[str], tmp_path: Path, hold_database: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "live.sqlite3"
    assert main(["--database", str(path), "db", "upgrade"]) == 0
    holder = hold_database(path, "iad-workshops demo", "write")  # type: ignore[operator]
    monkeypatch.setattr(models.database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    assert main(["--database", str(path), *command]) == 1
    error = capsys.readouterr().err.strip()
    assert "Traceback" not in error and "\n" not in error
    assert "is busy" in error and f"iad-workshops demo (process {holder.pid}" in error


# ---- programs killed while writing ---------------------------------------------------------
def test_files_left_by_a_killed_restore_or_backup_are_removed_on_the_next_run(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    assert main(["--database", str(path), "db", "upgrade"]) == 0
    restoring = Path(f"{path}.restoring")
    restoring.write_bytes(b"x" * 1000)
    target = tmp_path / "copy.sqlite3"
    partial, journal = Path(f"{target}.partial"), Path(f"{target}.partial-journal")
    partial.write_bytes(b"half")
    journal.write_bytes(b"half")
    assert main(["--database", str(path), "db", "info"]) == 0
    assert not restoring.exists()
    backup_sqlite(path, target)
    assert not partial.exists() and not journal.exists() and target.exists()


def test_a_file_another_program_is_still_writing_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    assert main(["--database", str(path), "db", "upgrade"]) == 0
    restoring = Path(f"{path}.restoring")
    restoring.write_bytes(b"x")
    writer = subprocess.Popen(
        [sys.executable, "-c", "import sys, fcntl; f = open(sys.argv[1], 'rb'); fcntl.flock(f, fcntl.LOCK_EX); "
         "print('ready', flush=True); sys.stdin.readline()", str(restoring)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        assert main(["--database", str(path), "db", "info"]) == 0
        assert restoring.exists()
    finally:
        assert writer.stdin is not None
        writer.stdin.close()
        writer.wait(timeout=20)


def test_no_save_reported_as_done_is_lost_when_a_restore_meets_a_program_that_keeps_saving() -> None:
    from benchmarks.restore_under_load import run as restore_under_load

    result = restore_under_load(old_way=False, saves=20)
    assert result == {"reported saved": 20, "lost": 0, "restore refused": 1}
