"""Menus and background work for several officers: connect, users, audit, live refresh, backups.

`install(window)` adds to the window
- File → Connect to shared database…, Work on the local database, Restore from backup…
- Tools → Users…, Audit log…, History of the selected record…
and starts the live refresh (other officers' changes appear within ~1.5 s) and the
automatic backups of a local database. It uses only the window's public API.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from app.storage.connection import open_shared
from app.storage.credentials import password_store
from app.errors import AppError
from app.settings import default_database_url
from app.storage.users import login
from models.enums import UserRole
from ui.storage.backup_scheduler import BackupScheduler, restore_from_backup
from ui.storage.live_refresh import LiveRefresh
from ui.widgets.translation import tr

# window.selected_id(kind) -> the table its audit entries name
KIND_TABLES = {
    "workshop": "workshops", "exchange": "exchanges", "proposal": "topic_proposals", "partner": "partners",
    "person": "people", "report": "reports", "evaluation": "evaluations", "department": "departments",
    "semester": "semesters",
}


def _add(window: Any, menu: QMenu, text: str, slot: Any, name: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def install(window: Any) -> None:
    # The store the start-up prompt filled, if any: every connection of this run finds the password there.
    window.passwords = password_store()

    window.file_menu.addSeparator()
    _add(window, window.file_menu, tr("Connect to &shared database…"), lambda: connect_shared(window),
         "connect_shared")
    _add(window, window.file_menu, tr("Work on the &local database"), lambda: use_local(window), "use_local")
    restore = _add(window, window.file_menu, tr("&Restore from backup…"), lambda: restore_backup(window),
                   "restore_backup")

    window.tools_menu.addSeparator()
    users_action = _add(window, window.tools_menu, tr("&Users…"), lambda: show_users(window), "users")
    _add(window, window.tools_menu, tr("&Audit log…"), lambda: show_audit_log(window), "audit_log")
    _add(window, window.tools_menu, tr("&History of the selected record…"), lambda: show_history(window),
         "record_history")

    def update_actions() -> None:
        admin = window.actor.can(UserRole.ADMINISTRATOR)
        restore.setEnabled(admin and window.database.is_sqlite)
        restore.setToolTip("" if admin else tr("Only an administrator may restore a backup."))
        users_action.setToolTip("" if admin else tr("Only an administrator may change users; you may look."))

    window.file_menu.aboutToShow.connect(update_actions)
    update_actions()

    window.live_refresh = LiveRefresh(lambda: window.database, lambda _tables: window.refresh_all(), window)
    window.live_refresh.start()
    window.backup_scheduler = BackupScheduler(lambda: window.database, window.settings, window)
    window.backup_scheduler.failed.connect(
        lambda message: window.status_message(tr("Automatic backup failed: {error}").replace("{error}", message)))
    window.backup_scheduler.backed_up.connect(
        lambda path: window.status_message(tr("Automatic backup saved as {file}.").replace("{file}", path.name)))
    window.backup_scheduler.start()


def connect_shared(window: Any) -> bool:
    previous = window.settings.database_url
    from ui.storage.connect_dialog import ConnectDialog

    dialog = ConnectDialog(window.settings, window.passwords, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    url = window.settings.database_url
    # Sign in once before the window switches: the window resolves the actor itself, and a
    # first administrator would otherwise never hear that they became one.
    try:
        probe = open_shared(url, window.passwords)
        try:
            came = login(probe)
        finally:
            probe.close()
    except AppError as error:
        came = None
        window.show_error(tr("Cannot open the database"), str(error))
    # The address, without password; the connection finds the password in window.passwords.
    switched = came is not None and bool(window.switch_database(url))
    if switched and came is not None and came.message:
        window.status_message(came.message)
    if not switched:
        # Still working where we were (unsaved edits kept, or the switch failed): start there next time too.
        window.settings.database_url = previous
        window.settings.save()
    return switched


def use_local(window: Any) -> bool:
    return bool(window.switch_database(default_database_url()))


def restore_backup(window: Any) -> None:
    if not window.confirm_unsaved_changes():
        return
    # The watcher's own connection must not hold the file open while it is replaced (Windows refuses).
    window.live_refresh.stop()
    try:
        kept = restore_from_backup(window, window.database, window.actor)
    finally:
        window.live_refresh.start()
    if kept is None:
        return
    window.refresh_all()
    window.status_message(tr("Backup restored; the replaced database was kept as {file}.")
                          .replace("{file}", str(kept)))


def show_users(window: Any) -> None:
    from ui.storage.users_dialog import UsersDialog

    dialog = UsersDialog(window.database, window.actor, window)
    dialog.exec()


def show_audit_log(window: Any) -> None:
    from ui.storage.audit_dialog import AuditDialog

    AuditDialog(window.database, window.settings.iad_timezone, parent=window).exec()


def selected_record(window: Any) -> tuple[str, int] | None:
    """The record selected in the visible tab, as (table, id)."""
    for kind, table in KIND_TABLES.items():
        record_id = window.selected_id(kind)
        if record_id is not None:
            return table, int(record_id)
    return None


def show_history(window: Any) -> None:
    found = selected_record(window)
    if found is None:
        window.show_error(tr("History"), tr("Select a record first; its history then shows who "
                                                          "changed what and when."))
        return
    table, record_id = found
    from ui.storage.audit_dialog import AuditDialog

    AuditDialog(window.database, window.settings.iad_timezone, table, record_id, window).exec()
