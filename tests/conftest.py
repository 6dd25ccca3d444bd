"""Test fixtures: one engine per backend per run, one rolled-back transaction per test.

Database tests run on SQLite always and on PostgreSQL when IAD_TEST_POSTGRES_URL is
set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test). Each run creates its
own scratch PostgreSQL database next to that one and drops it at the end.
"""
from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from app.actor import Actor
from app.storage.database import Database, open_database
from models import schema
from models.database import create_db_engine, normalise_url
from models.enums import UserRole

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Before anything reads them (Qt caches where its settings go): the whole run, and every
# program it starts, keeps its data, settings and caches in a folder of its own. The
# fixture below gives each test a fresh one on top; work that outlives its test (a
# thread, a timer) then lands here, never in the user's real folders.
_RUN_FOLDER = tempfile.mkdtemp(prefix="iad-tests-")
for _variable, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                        ("XDG_STATE_HOME", "state"), ("IAD_CONFIG_DIR", "iad-config"), ("IAD_DATA_DIR", "iad-data")):
    os.environ[_variable] = os.path.join(_RUN_FOLDER, _sub)

POSTGRES_URL = os.environ.get("IAD_TEST_POSTGRES_URL", "")
POSTGRES_SKIP_REASON = "IAD_TEST_POSTGRES_URL is not set, so the PostgreSQL run of this test is skipped"

pytest_plugins = ["tests.factories", "tests.fake_keyring", "tests.smtp_server"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's settings, database or keyring."""
    monkeypatch.setenv("IAD_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("IAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IAD_DATABASE_URL", raising=False)
    # The window's own settings (QSettings: layout, remembered tab), empty and per test.
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    # The interface language follows the system's until one is chosen: tests speak English
    # whatever the machine's locale (tests/test_chinese_window.py switches to Chinese itself).
    monkeypatch.setenv("LANGUAGE", "en")


@contextmanager
def scratch_postgres_database() -> Iterator[str]:
    """A fresh database on the test server, dropped afterwards."""
    admin_url = normalise_url(POSTGRES_URL)
    name = f"iad_test_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - a configured server that fails is a failure, never a skip
        pytest.fail(f"IAD_TEST_POSTGRES_URL is set but PostgreSQL cannot be used: {error}", pytrace=False)
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP_REASON)
    return str(request.param)


@pytest.fixture(scope="session")
def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated, empty database for this run, on the backend being tested."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    else:
        with scratch_postgres_database() as url:
            yield url


@pytest.fixture(params=[pytest.param("postgresql", id="postgresql")])
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A scratch PostgreSQL database of its own, for tests that only make sense there."""
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP_REASON)
    with scratch_postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def db_engine(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(database_url)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(db_engine: Engine) -> Iterator[Session]:
    """A session whose every change, commits included, is rolled back after the test."""
    connection = db_engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def officer() -> Actor:
    return Actor(username="officer", role=UserRole.OFFICER)


@pytest.fixture
def admin() -> Actor:
    return Actor(username="admin", role=UserRole.ADMINISTRATOR)


@pytest.fixture
def viewer() -> Actor:
    return Actor(username="viewer", role=UserRole.VIEWER)


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """A real local database file opened as the application opens it."""
    database = open_database(f"sqlite:///{tmp_path / 'iad.sqlite3'}", backup_dir=tmp_path / "backups")
    yield database
    database.close()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries() -> object:
    """`with count_queries(engine) as counter:` records the SQL statements run."""

    @contextmanager
    def counting(engine: Engine) -> Iterator[QueryCounter]:
        counter = QueryCounter()

        def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            counter.statements.append(statement)

        event.listen(engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return counting


_postgres_outcomes = {"passed": 0, "skipped": 0, "failed": 0}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "[postgresql" not in report.nodeid:
        return
    if report.when == "call" and report.passed:
        _postgres_outcomes["passed"] += 1
    elif report.skipped:
        _postgres_outcomes["skipped"] += 1
    elif report.failed:
        _postgres_outcomes["failed"] += 1


def pytest_terminal_summary(terminalreporter: object, exitstatus: int) -> None:
    write = getattr(terminalreporter, "write_line")
    write(
        f"PostgreSQL: {_postgres_outcomes['passed']} passed, {_postgres_outcomes['skipped']} skipped, "
        f"{_postgres_outcomes['failed']} failed"
        + ("" if POSTGRES_URL else f" ({POSTGRES_SKIP_REASON})")
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With IAD_REQUIRE_POSTGRES=1 (as in .ci/run) a skipped or absent PostgreSQL run fails."""
    if os.environ.get("IAD_REQUIRE_POSTGRES") != "1":
        return
    if _postgres_outcomes["passed"] == 0 or _postgres_outcomes["skipped"]:
        print(
            f"\nIAD_REQUIRE_POSTGRES=1 but PostgreSQL tests did not all run: {_postgres_outcomes}",
            flush=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test that failed while a form held unsaved edits leaves a window that asks, when pytest-qt closes it,
    whether to save them: a modal box nobody answers offscreen, and the whole run hung. While the test's
    windows close, such a question is answered "Discard"."""
    from PySide6.QtWidgets import QMessageBox

    asked = QMessageBox.question
    QMessageBox.question = staticmethod(lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard)  # type: ignore[method-assign]
    try:
        yield
    finally:
        QMessageBox.question = asked  # type: ignore[method-assign]
