"""The version and build date: `iad-workshops --version`, Help → About, from source and from a build."""
from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import build_info as build_info_module
from app.actor import local_actor
from app.build_info import build_info
from app.cli import main
from app.storage.database import Database
from app.settings import Settings

PROJECT_VERSION = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]["version"]


@pytest.fixture(autouse=True)
def fresh_build_info() -> Iterator[None]:
    build_info.cache_clear()
    yield
    build_info.cache_clear()


def test_from_source_the_version_is_the_checkout_s_and_there_is_no_build_date() -> None:
    info = build_info()
    assert (info.version, info.built) == (PROJECT_VERSION, "")
    assert info.label == f"{PROJECT_VERSION}, from source"


def test_a_build_says_its_version_and_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = tmp_path / "build-info.json"
    written.write_text(json.dumps({"version": "2.3.4", "built": "2027-02-28"}), encoding="utf-8")
    monkeypatch.setattr(build_info_module, "BUILD_INFO", written)
    assert build_info().label == "2.3.4, built 2027-02-28"


def test_the_command_prints_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"iad-workshops {PROJECT_VERSION}, from source"


def test_about_shows_the_version(qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.shell.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(window)
    window.show_about()
    assert len(shown) == 1 and f"Version {PROJECT_VERSION}, from source" in shown[0]
