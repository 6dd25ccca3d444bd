"""Connecting to a shared PostgreSQL database: the address, a connection test, the password.

`ConnectDialog` asks for server, port, database, login, password and encryption, tests
the connection (off the GUI thread, so a slow network never freezes the window), and on
Connect saves the address (never the password) in the settings. The password goes to the
operating system's keyring when "Remember password" is ticked and a keyring exists;
otherwise it is kept for this run only and asked again at the next start.

`PasswordDialog` asks for a password alone, and `open_database_with_prompt(url)` opens any
database, asking for the password whenever the server wants one it does not have.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.storage.connection import (
    SSL_MODES,
    ConnectionDetails,
    ConnectionReport,
    is_authentication_failure,
    is_shared,
    needs_password,
    open_shared,
    save_shared_url,
    test_connection,
)
from app.storage.credentials import PasswordStore, password_store, supply_passwords
from app.storage.database import Database, describe_url
from app.errors import AppError, DatabaseOpenError, ValidationError
from app.settings import Settings
from models.database import normalise_url
from ui.widgets.background import run_in_background
from ui.widgets.translation import tr

Tester = Callable[[str], ConnectionReport]

SSL_LABELS = {
    "disable": "No encryption",
    "allow": "Encrypt if the server insists",
    "prefer": "Encrypt if the server offers it (default)",
    "require": "Always encrypt",
    "verify-ca": "Always encrypt, check the certificate",
    "verify-full": "Always encrypt, check certificate and host name",
}
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class ConnectDialog(QDialog):
    """File → Connect to shared database…"""

    tested = Signal(bool, str)  # success, the sentence shown

    def __init__(self, settings: Settings, passwords: PasswordStore, parent: QWidget | None = None, *,
                 tester: Tester | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.passwords = passwords
        self.tester: Tester = tester or (lambda url: test_connection(url))
        self._connect_after_test = False
        self.setWindowTitle(self.tr("Connect to shared database"))

        self.host = QLineEdit()
        self.host.setPlaceholderText("db.iad.example.edu")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText("iad")
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("your database login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember password"))
        self.encryption = QComboBox()
        for mode in SSL_MODES:
            self.encryption.addItem(self.tr(SSL_LABELS[mode]), mode)
        self.encryption.setCurrentIndex(SSL_MODES.index("prefer"))
        for name, widget in (("host", self.host), ("port", self.port), ("database", self.database),
                             ("user", self.user), ("password", self.password), ("remember", self.remember),
                             ("sslmode", self.encryption)):
            widget.setObjectName(name)

        if passwords.keyring_available:
            self.remember.setChecked(True)
            self.remember.setToolTip(self.tr("Kept in this computer's keyring (Windows Credential Manager, "
                                             "macOS Keychain, or the desktop's Secret Service)."))
        else:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keyring, so the password is asked at every "
                                             "start and never written to disk."))

        form = QFormLayout()
        form.addRow(self.tr("Server (host):"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Login:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Encryption:"), self.encryption)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("test_button")
        self.test_button.clicked.connect(self.start_test)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("&Connect"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.start_connect)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Several officers can work in one PostgreSQL database. Your IT department gives "
                               "you the server, the database and your own login."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._fill_from_settings()

    # ---- values --------------------------------------------------------------
    def _fill_from_settings(self) -> None:
        details = ConnectionDetails.from_url(self.settings.database_url) if self.settings.database_url else None
        if details is None:
            return
        self.host.setText(details.host)
        self.port.setValue(details.port)
        self.database.setText(details.database)
        self.user.setText(details.user)
        index = self.encryption.findData(details.sslmode)
        self.encryption.setCurrentIndex(max(index, 0))
        stored = self.passwords.lookup(details.url())
        if stored:
            self.password.setText(stored)

    def details(self) -> ConnectionDetails:
        """The address typed, tidied; a ValidationError names the field that is wrong."""
        return ConnectionDetails(
            host=self.host.text(), database=self.database.text(), user=self.user.text(),
            port=self.port.value(), sslmode=str(self.encryption.currentData()),
        ).validate()

    def settings_url(self) -> str:
        return self.details().settings_url()

    def _show(self, ok: bool, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def _busy(self, busy: bool) -> None:
        for widget in (self.test_button, self.connect_button):
            widget.setEnabled(not busy)

    # ---- testing and connecting -------------------------------------------------
    def start_test(self) -> None:
        self._connect_after_test = False
        self._run_test()

    def start_connect(self) -> None:
        self._connect_after_test = True
        self._run_test()

    def _run_test(self) -> None:
        try:
            details = self.details()
        except ValidationError as error:
            self._show(False, error.message)
            widget = self.findChild(QWidget, error.field)
            if widget is not None:
                widget.setFocus()
            return
        url = details.url(self.password.text() or None).render_as_string(hide_password=False)
        self._busy(True)
        self._show(True, self.tr("Connecting to {host}…").replace("{host}", details.host))
        run_in_background(lambda: self.tester(url), self._tested_ok, self._tested_failed)

    def _tested_ok(self, report: ConnectionReport) -> None:
        if not shiboken6.isValid(self):
            return  # the dialog was closed while the test ran
        self._busy(False)
        self._show(True, report.summary)
        self.tested.emit(True, report.summary)
        if self._connect_after_test:
            self._save_and_close()

    def _tested_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy(False)
        message = str(error) if isinstance(error, AppError) else self.tr("The connection failed: {error}") \
            .replace("{error}", str(error))
        if is_authentication_failure(error):
            self.password.setFocus()
            self.password.selectAll()
        self._show(False, message)
        self.tested.emit(False, message)

    def _save_and_close(self) -> None:
        details = self.details()
        password = self.password.text()
        if password:
            stored = self.passwords.remember(details.url(), password, persist=self.remember.isChecked())
            if self.remember.isChecked() and not stored:
                self.status.setText(self.status.text() + " " + self.tr(
                    "The keyring could not keep the password; it will be asked at the next start."))
        else:
            self.passwords.forget(details.url())
        save_shared_url(self.settings, details)
        self.accept()


class PasswordDialog(QDialog):
    """Asks for the password of one login, with "Remember password"."""

    def __init__(self, url: str, passwords: PasswordStore, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the shared database"))
        parsed = normalise_url(url)
        text = self.tr("Password of {user} for {where}:").replace("{user}", parsed.username or "") \
            .replace("{where}", describe_url(parsed))
        prompt = QLabel(text)
        prompt.setWordWrap(True)
        self.message = QLabel(message)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(bool(message))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember password"))
        self.remember.setObjectName("remember")
        self.remember.setEnabled(passwords.keyring_available)
        self.remember.setChecked(passwords.keyring_available)
        if not passwords.keyring_available:
            self.remember.setToolTip(self.tr("This computer has no keyring, so the password is asked at every "
                                             "start and never written to disk."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, self.message, self.password, self.remember, buttons):
            layout.addWidget(widget)


def open_database_with_prompt(url: str, parent: QWidget | None = None, passwords: PasswordStore | None = None,
                              *, attempts: int = 3,
                              ask: Callable[[str, PasswordStore, str], tuple[str, bool] | None] | None = None,
                              ) -> Database | None:
    """Open `url`, asking for the password while the server refuses; None when the officer gives up.

    Other problems (server unreachable, database missing, newer version) are shown in a
    message box with their one sentence. The password, once accepted, reaches the
    keyring if the officer ticked "Remember password", and this run's memory in any case.
    """
    store = passwords or password_store()
    supply_passwords(store)
    asker = ask or _ask_with_dialog(parent)
    message = ""
    password: str | None = None
    remember = False
    for _attempt in range(attempts + 1):
        try:
            database = open_shared(url, store, password)
        except DatabaseOpenError as error:
            if not (is_shared(url) and is_authentication_failure(error)) or _attempt == attempts:
                QMessageBox.critical(parent, tr("Cannot open the database"),
                                     str(error))
                return None
            message = "" if password is None and needs_password(url) and "needs a password" in str(error) \
                else str(error)
            answer = asker(url, store, message)
            if answer is None:
                return None
            password, remember = answer
            continue
        if password:
            store.remember(url, password, persist=remember)
        return database
    return None


def _ask_with_dialog(parent: QWidget | None) -> Callable[[str, PasswordStore, str], tuple[str, bool] | None]:
    def ask(url: str, store: PasswordStore, message: str) -> tuple[str, bool] | None:
        dialog = PasswordDialog(url, store, message, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text(), dialog.remember.isChecked()

    return ask
