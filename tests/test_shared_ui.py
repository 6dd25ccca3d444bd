"""Dialogs and timers for several officers: connect, password prompt, users, audit, live refresh, install."""
from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.actor import Actor
from app.storage.connection import ConnectionReport
from app.storage.credentials import SERVICE, PasswordStore
from app.storage.database import Database, open_database
from app.errors import DatabaseOpenError
from app.directory.partners import partners
from app.settings import Settings
from models.database import normalise_url
from models.enums import UserRole
from tests.fake_keyring import MemoryKeyring
from tests.test_shared_connection import RefusingServer
from ui.storage.audit_dialog import AuditDialog
from ui.storage.connect_dialog import ConnectDialog, open_database_with_prompt
from ui.storage.live_refresh import LiveRefresh
from ui.storage.users_dialog import UsersDialog

ADMIN = Actor("wang.fang", UserRole.ADMINISTRATOR)
OFFICER = Actor("li.wei", UserRole.OFFICER)


def connect_dialog(qtbot: QtBot, settings: Settings, store: PasswordStore, **kwargs: Any) -> ConnectDialog:
    dialog = ConnectDialog(settings, store, None, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog: ConnectDialog, host: str, port: int, database: str, user: str, password: str = "") -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


# ---- connect dialog ------------------------------------------------------------------------
def test_connect_dialog_tests_a_real_server(qtbot: QtBot, postgres_url: str, memory_keyring: MemoryKeyring) -> None:
    url = normalise_url(postgres_url)
    dialog = connect_dialog(qtbot, Settings(), PasswordStore())
    fill(dialog, url.host or "127.0.0.1", url.port or 5432, url.database or "", url.username or "")
    with qtbot.waitSignal(dialog.tested, timeout=15000) as signal:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] is True
    assert "Connected as postgres" in dialog.status.text() and "will be set up" in dialog.status.text()


def test_connect_dialog_names_an_unreachable_server(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog = connect_dialog(qtbot, Settings(), PasswordStore())
    fill(dialog, "127.0.0.1", port, "iad", "wang.fang", "pw")
    with qtbot.waitSignal(dialog.tested, timeout=15000) as signal:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert signal.args == [False, "The database server 127.0.0.1 cannot be reached."]
    assert dialog.status.text() == "The database server 127.0.0.1 cannot be reached."
    assert dialog.isVisible()


def test_connect_dialog_names_a_missing_field(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    dialog = connect_dialog(qtbot, Settings(), PasswordStore())
    fill(dialog, "db.iad.example.edu", 5432, "", "wang.fang")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Database is required."


def test_connect_saves_the_address_and_keeps_the_password_in_the_keyring(
        qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    tried: list[str] = []

    def tester(url: str) -> ConnectionReport:
        tried.append(url)
        return ConnectionReport(login="wang.fang", server_version="15.20", state="current")

    settings = Settings()
    dialog = connect_dialog(qtbot, settings, PasswordStore(), tester=tester)
    fill(dialog, "db.iad.example.edu", 5432, "iad", "wang.fang", "s3cret-Pa55")
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert tried == ["postgresql+psycopg://wang.fang:s3cret-Pa55@db.iad.example.edu:5432/iad"]
    assert settings.database_url == "postgresql+psycopg://wang.fang@db.iad.example.edu:5432/iad"
    assert "s3cret" not in Settings.path().read_text(encoding="utf-8")
    assert memory_keyring.secrets == {(SERVICE, "wang.fang@db.iad.example.edu:5432/iad"): "s3cret-Pa55"}

    # Next time the dialog opens filled in, password included.
    again = connect_dialog(qtbot, Settings.load(), PasswordStore())
    assert (again.host.text(), again.user.text(), again.password.text()) == (
        "db.iad.example.edu", "wang.fang", "s3cret-Pa55")


def test_unticked_remember_keeps_the_password_for_this_run_only(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    store = PasswordStore()
    dialog = connect_dialog(qtbot, Settings(), store,
                            tester=lambda url: ConnectionReport("wang.fang", "15.20", "current"))
    fill(dialog, "db.iad.example.edu", 5432, "iad", "wang.fang", "s3cret")
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.secrets == {}
    assert store.lookup("postgresql://wang.fang@db.iad.example.edu/iad") == "s3cret"


def test_without_a_keyring_remember_is_off_and_says_why(qtbot: QtBot, no_keyring: None) -> None:
    dialog = connect_dialog(qtbot, Settings(), PasswordStore())
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "no keyring" in dialog.remember.toolTip()


# ---- asking for the password when opening ---------------------------------------------------
def test_open_asks_for_the_password_the_server_wants(qtbot: QtBot, memory_keyring: MemoryKeyring,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    server = RefusingServer()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    asked: list[str] = []

    def ask(url: str, store: PasswordStore, message: str) -> tuple[str, bool] | None:
        asked.append(message)
        return None if len(asked) == 2 else ("typed-password", True)

    try:
        url = f"postgresql+psycopg://wang.fang@127.0.0.1:{server.port}/iad"
        assert open_database_with_prompt(url, None, PasswordStore(), ask=ask) is None
    finally:
        server.close()
    assert server.passwords == ["typed-password"]
    assert asked[1].endswith("refused the user name or password.")
    assert shown == [] and memory_keyring.secrets == {}  # a refused password is never stored


def test_open_without_a_password_question_when_none_is_needed(qtbot: QtBot, postgres_url: str,
                                                             memory_keyring: MemoryKeyring) -> None:
    database = open_database_with_prompt(postgres_url, None, PasswordStore(),
                                         ask=lambda *args: pytest.fail("asked for a password"))
    assert database is not None and not database.is_sqlite
    database.close()


def test_open_shows_other_problems_once(qtbot: QtBot, memory_keyring: MemoryKeyring,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert open_database_with_prompt(f"postgresql+psycopg://wang@127.0.0.1:{port}/iad", None, PasswordStore(),
                                     ask=lambda *args: pytest.fail("asked for a password")) is None
    assert shown == ["The database server 127.0.0.1 cannot be reached."]


# ---- users ---------------------------------------------------------------------------------
def test_an_administrator_adds_a_user(qtbot: QtBot, sqlite_database: Database, qtmodeltester: Any) -> None:
    dialog = UsersDialog(sqlite_database, ADMIN)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    dialog.username.setText("li.wei")
    dialog.display_name.setText("Li Wei 李伟")
    dialog.role.setCurrentIndex(dialog.role.findData(UserRole.OFFICER))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Saved li.wei."
    assert [row[1:5] for row in dialog.model.all_rows()] == [("li.wei", "Li Wei 李伟", UserRole.OFFICER, True)]

    dialog.username.setText("li wei")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "without spaces" in dialog.message.text()


def test_a_viewer_sees_users_but_cannot_change_them(qtbot: QtBot, sqlite_database: Database) -> None:
    dialog = UsersDialog(sqlite_database, Actor("guest", UserRole.VIEWER))
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.form_holder.isEnabled()
    assert "Only an administrator" in dialog.message.text()
    assert dialog.save({"username": "guest", "role": UserRole.ADMINISTRATOR}) is False  # the service says no too
    assert "may not add a user" in dialog.message.text()


# ---- audit ---------------------------------------------------------------------------------
def test_history_of_a_record_shows_and_exports(qtbot: QtBot, sqlite_database: Database, qtmodeltester: Any,
                                               tmp_path: Path) -> None:
    with sqlite_database.transaction() as session:
        partner = partners.create(session, ADMIN, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
        partners.update(session, OFFICER, partner.id, city="Kyoto")
        partner_id = partner.id
    dialog = AuditDialog(sqlite_database, "Asia/Shanghai", "partners", partner_id)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    assert dialog.windowTitle() == f"History of partners #{partner_id}"
    assert dialog.model.data(dialog.model.index(1, 1)) == "li.wei"
    assert dialog.model.data(dialog.model.index(1, 5)) == "city: — → 'Kyoto'"
    assert dialog.export_to(tmp_path / "history.xlsx").exists()
    assert "li.wei" in dialog.export_to(tmp_path / "history.csv").read_text(encoding="utf-8-sig")


def test_the_whole_log_filters_by_user(qtbot: QtBot, sqlite_database: Database) -> None:
    with sqlite_database.transaction() as session:
        partner = partners.create(session, ADMIN, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
        partners.update(session, OFFICER, partner.id, city="Kyoto")
    dialog = AuditDialog(sqlite_database)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.user_filter.setCurrentIndex(dialog.user_filter.findData("li.wei"))
    assert dialog.model.rowCount() == 1
    assert dialog.findChild(QLabel, "summary").text() == "1 changes."


# ---- live refresh ----------------------------------------------------------------------------
def test_live_refresh_calls_the_window_when_another_program_commits(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'iad.sqlite3'}"
    mine, other = open_database(url), open_database(url)
    refreshed: list[set[str]] = []
    live = LiveRefresh(lambda: mine, refreshed.append, interval_ms=50)
    live.start()
    try:
        qtbot.wait(150)
        assert refreshed == []
        with qtbot.waitSignal(live.changed, timeout=3000):
            with other.transaction() as session:
                partners.create(session, OFFICER, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
        assert refreshed == [{"partners", "audit_entries"}]
    finally:
        live.stop()
        mine.close()
        other.close()


def test_live_refresh_follows_a_database_switch(qtbot: QtBot, tmp_path: Path) -> None:
    first = open_database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    second = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    colleague = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    current = {"db": first}
    live = LiveRefresh(lambda: current["db"], lambda tables: None)
    live.start()
    current["db"] = second
    assert live.tick() == set()  # follows without a spurious refresh
    assert live.watcher is not None and live.watcher.database is second
    with colleague.transaction() as session:
        partners.create(session, OFFICER, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
    assert "partners" in live.tick()
    live.stop()
    for database in (first, second, colleague):
        database.close()


# ---- install on a window ------------------------------------------------------------------
class StubWindow(QMainWindow):
    """Just the window API that install() may use."""

    def __init__(self, database: Database, actor: Actor) -> None:
        super().__init__()
        self.database, self.settings, self.actor = database, Settings(), actor
        self.file_menu = self.menuBar().addMenu("File")
        self.tools_menu = self.menuBar().addMenu("Tools")
        self.export_menu = self.menuBar().addMenu("Export")
        self.help_menu = self.menuBar().addMenu("Help")
        self.refreshed = 0
        self.messages: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.selection: dict[str, int] = {}

    def selected_id(self, kind: str) -> int | None:
        return self.selection.get(kind)

    def refresh_all(self) -> None:
        self.refreshed += 1

    def status_message(self, text: str) -> None:
        self.messages.append(text)

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def switch_database(self, url: str) -> bool:
        self.database.close()
        self.database = open_database(url)
        return True


def test_install_adds_the_menus_and_starts_the_timers(qtbot: QtBot, sqlite_database: Database,
                                                      memory_keyring: MemoryKeyring) -> None:
    from ui.storage import shared_actions
    window = StubWindow(sqlite_database, Actor("officer", UserRole.OFFICER))
    qtbot.addWidget(window)
    shared_actions.install(window)
    names = {action.objectName() for action in window.findChildren(QAction)}
    assert {"connect_shared", "use_local", "restore_backup", "users", "audit_log", "record_history"} <= names
    restore = next(a for a in window.findChildren(QAction) if a.objectName() == "restore_backup")
    assert not restore.isEnabled()  # an officer may not restore
    assert window.live_refresh.timer.isActive() and window.backup_scheduler.timer.isActive()

    shared_actions.show_history(window)
    assert window.errors and "Select a record" in window.errors[0][1]
    window.selection = {"partner": 3}
    assert shared_actions.selected_record(window) == ("partners", 3)
    window.live_refresh.stop()


def test_connect_action_switches_to_the_shared_database(qtbot: QtBot, sqlite_database: Database, postgres_url: str,
                                                        memory_keyring: MemoryKeyring,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.storage import connect_dialog, shared_actions

    window = StubWindow(open_database(sqlite_database.url), ADMIN)
    qtbot.addWidget(window)
    shared_actions.install(window)
    url = normalise_url(postgres_url)

    def exec_filled(dialog: ConnectDialog) -> int:
        fill(dialog, url.host or "", url.port or 5432, url.database or "", url.username or "", "")
        with qtbot.waitSignal(dialog.finished, timeout=15000):
            dialog.start_connect()
        return int(dialog.result())

    monkeypatch.setattr(connect_dialog.ConnectDialog, "exec", exec_filled)
    assert shared_actions.connect_shared(window) is True
    assert not window.database.is_sqlite
    assert window.settings.database_url == url._replace(password=None).render_as_string(hide_password=False)
    assert any("first user of this shared database" in message for message in window.messages)
    window.live_refresh.stop()
    window.database.close()


def test_a_password_typed_this_run_reaches_every_connection(memory_keyring: MemoryKeyring) -> None:
    from app.storage.credentials import supply_passwords

    server = RefusingServer()
    store = PasswordStore()
    supply_passwords(store)
    try:
        url = f"postgresql+psycopg://wang.fang@127.0.0.1:{server.port}/iad"
        store.remember(url, "typed-this-run", persist=False)
        with pytest.raises(DatabaseOpenError):
            open_database(url)  # the URL has no password; the connection found it all the same
    finally:
        server.close()
    assert server.passwords == ["typed-this-run"]
