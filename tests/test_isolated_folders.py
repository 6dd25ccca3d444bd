"""The tests keep to their own data and settings folders, in this process and in the programs they start."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.storage.database import Database
from ui.shell.application import configure_application_names
from ui.storage.backup_scheduler import BackupScheduler

REAL_HOME = Path.home()


def test_the_windows_settings_go_to_the_tests_folder(tmp_path: Path) -> None:
    configure_application_names()
    assert Path(QSettings().fileName()).is_relative_to(tmp_path)


def test_a_program_started_by_a_test_keeps_its_settings_out_of_the_users_folders() -> None:
    code = ("from PySide6.QtCore import QSettings\n"
            "from ui.shell.application import configure_application_names\n"
            "from app.settings import config_dir, data_dir\n"
            "configure_application_names()\n"
            "print(QSettings().fileName()); print(config_dir()); print(data_dir())")
    env = {key: value for key, value in os.environ.items() if not key.startswith("IAD_")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert not Path(line).is_relative_to(REAL_HOME), line


def test_an_automatic_backup_goes_where_the_data_folder_was_when_the_window_opened(
        qtbot: QtBot, sqlite_database: Database, tmp_path: Path) -> None:
    scheduler = BackupScheduler(lambda: sqlite_database, Settings())
    opened_in = Path(os.environ["IAD_DATA_DIR"])
    later = tmp_path / "a later test's folder"
    os.environ["IAD_DATA_DIR"] = str(later)  # what the next test sets while the copy still runs
    try:
        with qtbot.waitSignal(scheduler.backed_up, timeout=10000) as done:
            scheduler.run_now()
    finally:
        os.environ["IAD_DATA_DIR"] = str(opened_in)
    assert Path(done.args[0]).parent == opened_in / "backups"
    assert not later.exists()
    scheduler.stop()
    assert not scheduler.run_if_due()  # a stopped scheduler starts nothing from a pending timer
