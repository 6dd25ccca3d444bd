"""The command line: database commands, bad input in one sentence, nothing touched."""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage.database import open_database
from models import schema


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=os.environ.copy(),
                          timeout=120)


def test_db_upgrade_creates_the_database_in_the_user_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    created = Path(os.environ["IAD_DATA_DIR"]) / "iad-workshops.sqlite3"
    assert created.exists()
    with sqlite3.connect(created) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.head_revision()
    assert "schema revision" in capsys.readouterr().out


def test_database_option_and_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = tmp_path / "explicit.sqlite3"
    assert main(["--database", str(explicit), "db", "upgrade"]) == 0
    assert explicit.exists()
    from_env = tmp_path / "env.sqlite3"
    monkeypatch.setenv("IAD_DATABASE_URL", f"sqlite:///{from_env}")
    assert main(["db", "upgrade"]) == 0
    assert from_env.exists()


def test_backup_and_restore_keep_a_copy_of_what_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    assert main(["--database", str(db), "db", "upgrade"]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO departments (name_en) VALUES ('Library')")
    backup = tmp_path / "x.sqlite3"
    assert main(["--database", str(db), "db", "backup", str(backup)]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO departments (name_en) VALUES ('Career Center')")
    assert main(["--database", str(db), "db", "restore", str(backup)]) == 0
    with sqlite3.connect(db) as connection:
        assert [r[0] for r in connection.execute("SELECT name_en FROM departments")] == ["Library"]
    kept = list((Path(os.environ["IAD_DATA_DIR"]) / "backups").glob("live-before-restore-*.sqlite3"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as connection:
        assert connection.execute("SELECT count(*) FROM departments").fetchone()[0] == 2


def test_backup_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "live.sqlite3"
    main(["--database", str(db), "db", "upgrade"])
    (tmp_path / "taken.sqlite3").write_text("keep me")
    assert main(["--database", str(db), "db", "backup", str(tmp_path / "taken.sqlite3")]) == 1
    assert "exists already" in capsys.readouterr().err
    assert (tmp_path / "taken.sqlite3").read_text() == "keep me"


def _one_sentence(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_not_a_database_file_is_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes, not a database")
    result = run_cli("--database", str(notes), "db", "upgrade")
    assert result.returncode == 1
    assert "is not an IAD Workshops database" in _one_sentence(result.stderr)
    assert notes.read_text() == "meeting notes, not a database"


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    open_database(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db.read_bytes()
    result = run_cli("--database", str(db), "db", "upgrade")
    assert result.returncode == 1
    assert "newer version" in _one_sentence(result.stderr)
    assert db.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files, so nothing to refuse")
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "ro.sqlite3"
    open_database(f"sqlite:///{db}").close()
    db.chmod(stat.S_IRUSR)
    result = run_cli("--database", str(db), "db", "upgrade")
    assert result.returncode == 1
    assert "read-only" in _one_sentence(result.stderr)


def test_read_only_check_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal when the operating system says the file may not be written (also as root)."""
    from app.storage import database as database_module
    from app.errors import DatabaseOpenError

    db = tmp_path / "ro.sqlite3"
    open_database(f"sqlite:///{db}").close()
    before = db.read_bytes()
    real_access = os.access
    monkeypatch.setattr(database_module.os, "access",
                        lambda path, mode: False if Path(path) == db and mode == os.W_OK else real_access(path, mode))
    with pytest.raises(DatabaseOpenError, match=r"ro\.sqlite3 is read-only"):
        open_database(f"sqlite:///{db}")
    assert db.read_bytes() == before


def test_unreachable_server_is_one_sentence() -> None:
    result = run_cli("--database", "postgresql+psycopg://nobody@127.0.0.1:1/iad", "db", "upgrade")
    assert result.returncode == 1
    assert "cannot be reached" in _one_sentence(result.stderr)


def test_malformed_url_is_one_sentence() -> None:
    result = run_cli("--database", "postgresql+psycopg://user@host:notaport/db", "db", "upgrade")
    assert result.returncode == 1
    assert "not a database address" in _one_sentence(result.stderr)


def test_older_database_is_backed_up_before_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An existing file at an older revision gets a backup first (simulated by an unknown-but-older head)."""
    from app.storage import backup as backup_module
    db = tmp_path / "old.sqlite3"
    engine_db = open_database(f"sqlite:///{db}")
    engine_db.close()
    calls: list[tuple[Path, str]] = []
    current = schema.head_revision()
    monkeypatch.setattr(schema, "head_revision", lambda: "9999-future")
    monkeypatch.setattr(schema, "upgrade", lambda engine, revision="head": None)
    monkeypatch.setattr(backup_module, "backup_before_migration",
                        lambda path, revision, folder=None: calls.append((path, revision)) or path)
    open_database(f"sqlite:///{db}").close()
    assert calls == [(db, current)]


def test_no_subcommand_would_start_the_window_but_subcommands_never_do() -> None:
    from app.cli import build_parser, cmd_gui

    parser = build_parser()
    assert parser.parse_args([]).func is cmd_gui
    assert parser.parse_args(["db", "upgrade"]).func is not cmd_gui
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; main(['db','upgrade']); "
         "print('PySide6' in sys.modules)"], capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_unknown_kind_of_database_is_one_sentence() -> None:
    result = run_cli("--database", "oracle+nothing://user@host/db", "db", "upgrade")
    assert result.returncode == 1
    assert "not a database address" in _one_sentence(result.stderr)


def test_list_shows_the_ids_the_export_commands_take(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, date, datetime

    from models import Department, Exchange, Participation, Person, Semester, Workshop

    path = tmp_path / "list.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with database.transaction() as session:
        fall = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        spring = Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 1))
        library = Department(name_en="Library", name_zh="图书馆")
        peer = Exchange(title="Peer support programmes", semester=fall)
        other = Exchange(title="Open access", semester=spring)
        wang = Person(name_en="Wang Li", name_zh="王丽", department=library)
        session.add_all([fall, spring, library, peer, other, wang, Person(name_en="Zhao Min", department=library),
                         Participation(person=wang, exchange=peer),
                         Workshop(exchange=peer, starts_at=datetime(2026, 10, 20, 1, 0, tzinfo=UTC))])
        session.flush()
        workshop_id = session.query(Workshop.id).scalar()
        ids = {"peer": peer.id, "wang": wang.id}
    database.close()

    assert main(["--database", str(path), "list", "workshops"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "exchange", "id"]
    assert lines[1].split()[:5] == [str(workshop_id), str(ids["peer"]), "Peer", "support", "programmes"]
    assert "2026-10-20 09:00" in lines[1]  # in the IAD's zone

    assert main(["--database", str(path), "list", "exchanges", "--semester", "2026 Fall"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [str(ids["peer"])]

    assert main(["--database", str(path), "list", "people", "--semester", "2026 Fall"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == 1 and rows[0].split()[:4] == [str(ids["wang"]), "Wang", "Li", "王丽"]

    assert main(["--database", str(path), "list", "people", "--semester", "1999 Fall"]) == 1
    assert "no semester named '1999 Fall'" in capsys.readouterr().err
