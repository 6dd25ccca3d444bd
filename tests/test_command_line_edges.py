"""Hostile environments for the command line: every failure is one sentence and a non-zero exit, never a traceback."""
from __future__ import annotations

import errno
import shutil
import sqlite3
import tempfile
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

import app.storage.backup
from app.cli import main


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IAD_DATA_DIR", str(path.parent / "data"))
        assert main(["--database", str(path), "demo", "--quiet"]) == 0
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def one_sentence(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    error = captured.err.strip()
    assert "Traceback" not in captured.err + captured.out
    assert error.startswith("iad-workshops") and "\n" not in error, error
    return error


def fail_with(error: OSError) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise error
    return fail


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://officer@db.example.edu/iad", "driver mysql"),
    ("postgresql+psycopg2://officer@db.example.edu/iad", "driver postgresql+psycopg2"),
])
def test_a_driver_this_program_does_not_use(url: str, says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "db", "info"]) == 1
    assert says in one_sentence(capsys)


def test_output_under_proc(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", str(demo), "export", "agenda", "--workshop", "1", "-o", "/proc/agenda.pdf"]) == 1
    assert "/proc/agenda.pdf cannot be written" in one_sentence(capsys)


def test_output_on_a_read_only_file_system(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(OSError(errno.EROFS, "Read-only file system")))
    target = tmp_path / "agenda.pdf"
    assert main(["--database", str(demo), "export", "agenda", "--workshop", "1", "-o", str(target)]) == 1
    assert "read-only" in one_sentence(capsys) and not target.exists()


def test_a_twenty_digit_id(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--database", str(demo), "export", "agenda", "--workshop", "12345678901234567890",
              "-o", str(tmp_path / "a.pdf")])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "Traceback" not in error and "12345678901234567890 is not a record number" in error


def test_export_forms_into_a_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    assert main(["--database", str(demo), "export", "forms", "--semester", "2026 Fall", "-o", str(a_file)]) == 1
    assert "is a file, not a folder" in one_sentence(capsys)
    assert a_file.read_text() == "keep me"


def test_export_forms_into_an_unwritable_folder(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(PermissionError(errno.EACCES, "Permission denied")))
    folder = tmp_path / "forms"
    assert main(["--database", str(demo), "export", "forms", "--semester", "2026 Fall", "-o", str(folder)]) == 1
    assert "may not write there" in one_sentence(capsys)
    assert list(folder.iterdir()) == []


def test_backup_into_an_unwritable_folder(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(Path, "touch", fail_with(PermissionError(errno.EACCES, "Permission denied")))
    assert main(["--database", str(demo), "db", "backup", str(tmp_path / "locked" / "copy.sqlite3")]) == 1
    assert "may not write there" in one_sentence(capsys)


def test_upgrade_of_a_path_under_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    assert main(["--database", str(a_file / "iad.sqlite3"), "db", "upgrade"]) == 1
    assert "is a file, not a folder" in one_sentence(capsys)
    assert main(["--database", str(a_file / "deeper" / "iad.sqlite3"), "db", "upgrade"]) == 1
    one_sentence(capsys)
    assert a_file.read_text() == "x"


@pytest.mark.parametrize("command", [["db", "info"], ["db", "copy", "--to", "sqlite:////tmp/x.sqlite3"]])
def test_a_password_in_a_bad_address_is_never_printed(command: list[str], capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql://u:PW-s3cret@host:bad/db"
    monkeypatch.setenv("IAD_DATABASE_URL", url)
    assert main(["--database", url, *command]) == 1
    error = one_sentence(capsys)
    assert "PW-s3cret" not in error and "u:***@host" in error
    assert main(["db", "copy", "--from", "sqlite:////tmp/x.sqlite3", "--to", url]) == 1
    assert "PW-s3cret" not in one_sentence(capsys)


# ---- a full disk ---------------------------------------------------------------------------
def full_disk_on_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_dialect: object, _connection: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_commit", full)


def test_demo_add_on_a_full_disk(demo: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite3.connect(demo).execute("SELECT count(*) FROM people").fetchone()[0]
    full_disk_on_commit(monkeypatch)
    assert main(["--database", str(demo), "demo", "--add", "--quiet"]) == 1
    assert "is full; nothing was saved" in one_sentence(capsys)
    monkeypatch.undo()
    assert sqlite3.connect(demo).execute("SELECT count(*) FROM people").fetchone()[0] == before


def test_import_topics_on_a_full_disk(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", str(demo), "export", "forms", "--semester", "2026 Fall", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    form = sorted(tmp_path.glob("*.xlsx"))[0]
    full_disk_on_commit(monkeypatch)
    assert main(["--database", str(demo), "import", "topics", str(form)]) == 1
    assert "is full; nothing was saved" in one_sentence(capsys)


def test_backup_on_a_full_disk_leaves_nothing_partial(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    real_connect = sqlite3.connect

    class Source:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def backup(self, target: sqlite3.Connection, **_kwargs: object) -> None:
            self.connection.backup(target, pages=1)  # some pages reach the disk, then it is full
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str) -> object:
            return getattr(self.connection, name)

    def connect(database: object, *args: object, **kwargs: object) -> object:
        connection = real_connect(database, *args, **kwargs)  # type: ignore[arg-type]
        return Source(connection) if "mode=ro" in str(database) else connection

    shim = types.SimpleNamespace(**{name: getattr(sqlite3, name) for name in ("Error", "OperationalError",
                                                                             "DatabaseError", "Connection")})
    shim.connect = connect
    monkeypatch.setattr(app.storage.backup, "sqlite3", shim)
    target = tmp_path / "copy.sqlite3"
    assert main(["--database", str(demo), "db", "backup", str(target)]) == 1
    assert "is full; nothing was written" in one_sentence(capsys)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == []


def test_export_on_a_full_disk_leaves_nothing_partial(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import os
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        if str(target).endswith(".xlsx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "partners.xlsx"
    assert main(["--database", str(demo), "export", "partners", "-o", str(target)]) == 1
    assert "is full" in one_sentence(capsys)
    assert list(tmp_path.iterdir()) == [tmp_path / "demo.sqlite3"]
