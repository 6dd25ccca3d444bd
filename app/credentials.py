"""Passwords of shared databases: the operating system's keyring, never the settings file.

Windows keeps them in the Credential Manager, macOS in the Keychain, Linux desktops in
the Secret Service (GNOME Keyring, KWallet). A machine without any of these (a headless
server, a minimal desktop) has no keyring backend: the password is then kept in memory for
this run only and asked again at the next start. Nothing here ever writes a password to a
file of ours.
"""
from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backends import fail
from sqlalchemy.engine import URL

from models.database import normalise_url

SERVICE = "iad-workshops"

log = logging.getLogger(__name__)

# What a keyring backend raises when it is missing or cannot be reached: keyring's own
# errors (NoKeyringError, InitError, KeyringLocked, PasswordSetError, ...), and on Linux the
# D-Bus failures of the Secret Service that surface as RuntimeError or OSError.
KEYRING_FAILURES: tuple[type[BaseException], ...] = (keyring.errors.KeyringError, RuntimeError, OSError)


def account_name(url: str | URL) -> str:
    """The keyring entry of one login on one server: user@host:port/database."""
    parsed = normalise_url(url)
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


class PasswordStore:
    """Looks passwords up in the keyring, and remembers them in memory for this run.

    `keyring_available` is False when the system has no usable backend; the connect
    dialog then disables "Remember password" and says why.
    """

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self.last_problem = ""

    @property
    def keyring_available(self) -> bool:
        try:
            backend = keyring.get_keyring()
        except KEYRING_FAILURES as error:
            self.last_problem = str(error)
            return False
        # keyring picks the "fail" backend (priority 0) when nothing else is usable.
        return not isinstance(backend, fail.Keyring)

    def lookup(self, url: str | URL) -> str | None:
        """The password for this login: typed earlier in this run, else from the keyring."""
        name = account_name(url)
        if name in self._session:
            return self._session[name]
        try:
            password = keyring.get_password(SERVICE, name)
        except KEYRING_FAILURES as error:
            self.last_problem = str(error)
            log.info("No keyring for %s: %s", name, error)
            return None
        if password is not None:
            self._session[name] = password
        return password

    def remember(self, url: str | URL, password: str, *, persist: bool) -> bool:
        """Keep the password for this run; with `persist`, also in the keyring.

        Returns whether it reached the keyring. Without `persist` any stored copy is
        removed, so unticking "Remember password" really forgets it.
        """
        name = account_name(url)
        self._session[name] = password
        if not persist:
            self._forget_stored(name)
            return False
        try:
            keyring.set_password(SERVICE, name, password)
        except KEYRING_FAILURES as error:
            self.last_problem = str(error)
            log.info("Password for %s kept for this run only: %s", name, error)
            return False
        return True

    def forget(self, url: str | URL) -> None:
        """Drop the password everywhere (after the server refused it)."""
        name = account_name(url)
        self._session.pop(name, None)
        self._forget_stored(name)

    def _forget_stored(self, name: str) -> None:
        try:
            keyring.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was stored: the wanted outcome already
        except KEYRING_FAILURES as error:
            self.last_problem = str(error)
