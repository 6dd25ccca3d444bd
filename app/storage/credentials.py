"""Passwords of shared databases: the operating system's keyring, never the settings file.

Windows keeps them in the Credential Manager, macOS in the Keychain, Linux desktops in
the Secret Service (GNOME Keyring, KWallet). A machine without any of these (a headless
server, a minimal desktop) has no keyring backend: the password is then kept in memory for
this run only and asked again at the next start. Nothing here ever writes a password to a
file of ours.
"""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

from models.database import normalise_url

SERVICE = "iad-workshops"

log = logging.getLogger(__name__)

# What a keyring backend raises when it is missing or cannot be reached: keyring's own
# errors (NoKeyringError, InitError, KeyringLocked, PasswordSetError, ...), and on Linux the
# D-Bus failures of the Secret Service that surface as RuntimeError or OSError.
def keyring_failures() -> tuple[type[BaseException], ...]:
    import keyring.errors

    return (keyring.errors.KeyringError, RuntimeError, OSError)


def _keyring() -> Any:
    # keyring and its backends take a tenth of a second to import: only a shared
    # database needs them, so a local window starts without.
    import keyring
    import keyring.errors  # noqa: F401 - keyring.errors is used through the module

    return keyring


def account_name(url: str | URL) -> str:
    """The keyring entry of one login on one server: user@host:port/database."""
    parsed = normalise_url(url)
    return _account(parsed.username, parsed.host, parsed.port, parsed.database)


def smtp_account(username: str, host: str, port: int) -> str:
    """The keyring entry of the mail server login: smtp:user@host:port."""
    return f"smtp:{username}@{host}:{port}"


def _account(user: Any, host: Any, port: Any, database: Any) -> str:
    return f"{user or ''}@{host or 'localhost'}:{port or 5432}/{database or ''}"


class PasswordStore:
    """Looks passwords up in the keyring, and remembers them in memory for this run.

    `keyring_available` is False when the system has no usable backend; the connect
    dialog then disables "Remember password" and says why.
    """

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        # Logins the keyring had nothing for: not asked again on every new connection of the
        # pool (a Secret Service lookup is a D-Bus round trip), until a password is remembered.
        self._missing: set[str] = set()
        self.last_problem = ""

    @property
    def keyring_available(self) -> bool:
        try:
            backend = _keyring().get_keyring()
        except keyring_failures() as error:
            self.last_problem = str(error)
            return False
        # keyring picks the "fail" backend (priority 0) when nothing else is usable.
        from keyring.backends import fail

        return not isinstance(backend, fail.Keyring)

    def lookup(self, url: str | URL) -> str | None:
        """The password for this login: typed earlier in this run, else from the keyring."""
        return self.lookup_account(account_name(url))

    def lookup_account(self, name: str) -> str | None:
        if name in self._session:
            return self._session[name]
        if name in self._missing:
            return None
        try:
            password = _keyring().get_password(SERVICE, name)
        except keyring_failures() as error:
            self.last_problem = str(error)
            log.info("No keyring for %s: %s", name, error)
            return None
        if password is None:
            self._missing.add(name)
        else:
            self._session[name] = password
        return password

    def remember(self, url: str | URL, password: str, *, persist: bool) -> bool:
        """Keep the password for this run; with `persist`, also in the keyring.

        Returns whether it reached the keyring. Without `persist` any stored copy is
        removed, so unticking "Remember password" really forgets it.
        """
        return self.remember_account(account_name(url), password, persist=persist)

    def remember_account(self, name: str, password: str, *, persist: bool) -> bool:
        """As `remember`, for a login that is not a database's (the mail server's: `smtp_account`)."""
        self._session[name] = password
        self._missing.discard(name)
        if not persist:
            self._forget_stored(name)
            return False
        try:
            _keyring().set_password(SERVICE, name, password)
        except keyring_failures() as error:
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
            _keyring().delete_password(SERVICE, name)
        except _keyring().errors.PasswordDeleteError:
            pass  # nothing was stored: the wanted outcome already
        except keyring_failures() as error:
            self.last_problem = str(error)


# The store every PostgreSQL connection of this process asks (see supply_passwords).
_suppliers: list[PasswordStore] = []


def _fill_password(dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
    if dialect.name != "postgresql" or cparams.get("password") or not _suppliers:
        return
    name = _account(cparams.get("user"), cparams.get("host"), cparams.get("port"), cparams.get("dbname"))
    password = _suppliers[-1].lookup_account(name)
    if password:
        cparams["password"] = password


def password_store() -> PasswordStore:
    """The store this process's connections ask; made and installed on first use.

    The start-up password prompt and the window's Connect dialog share it, so a password
    typed once in this run is found by every later connection of the pool.
    """
    if not _suppliers:
        supply_passwords(PasswordStore())
    return _suppliers[-1]


def supply_passwords(store: PasswordStore) -> None:
    """From now on every PostgreSQL connection this process opens without a password asks `store`.

    So the URL in the settings, in `window.database.url` and on the command line never
    carries the password, and every place that opens the database (the window, live
    updates, a database switch) still connects: the password comes from the keyring, or
    from what the officer typed in this run, at the moment of connecting.
    """
    _suppliers[:] = [store]
    if not event.contains(Engine, "do_connect", _fill_password):
        event.listen(Engine, "do_connect", _fill_password)
