"""The Qt binding: it keeps Python's None alive through the calls a window makes all day, and it does not
read the source of every module imported after it.

PySide6 6.12.0 drops one reference to None at every call of a Qt method that returns
nothing; a window then ends with "Fatal Python error: none_dealloc" after some thousands
of such calls (opening records refills combo boxes). pyproject.toml excludes that release.
"""
from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from ui.shell.application import ensure_application
from ui.shell.binding import refers_to_binding


def test_qt_methods_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    box = QComboBox()
    qtbot.addWidget(box)
    before = sys.getrefcount(None)
    for _ in range(2000):
        box.addItem("—", None)
        box.setCurrentIndex(0)
        box.clear()
    # 6,000 calls that return nothing: 6.12.0 loses 6,000 references here; a sound binding about none.
    assert sys.getrefcount(None) > before - 100


def write_module(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.py").write_text(text, encoding="utf-8")


def test_modules_imported_after_the_binding_are_not_read_as_text(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PySide6 read every later module's whole source to look for the word "PySide6" (about 50 ms more to
    import SQLAlchemy and the tabs behind the first paint, and the texts kept in memory)."""
    ensure_application()
    monkeypatch.syspath_prepend(str(tmp_path))
    write_module(tmp_path, "iad_plain_module", "VALUE = 1  # mentions PySide6 only in a comment\n")
    write_module(tmp_path, "iad_qt_module", "from PySide6.QtWidgets import QLabel\n")
    for name in ("iad_plain_module", "iad_qt_module"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # the import statement's way, which the binding watches
        monkeypatch.delitem(sys.modules, name)
    assert not {str(tmp_path / "iad_plain_module.py"), str(tmp_path / "iad_qt_module.py")} & set(linecache.cache)
    # The binding still tells the two apart: the one holding a PySide6 class gets its feature default.
    features = sys.modules["shibokensupport.feature"].pyside_feature_dict  # type: ignore[attr-defined]
    assert (features["iad_plain_module"], features["iad_qt_module"]) == (-1, 0)


def test_the_check_asks_only_modules_and_classes_for_their_origin() -> None:
    asked: list[str] = []

    class Lazy(ModuleType):
        def __getattr__(self, name: str) -> object:  # a lazy module loads on unknown names
            asked.append(name)
            raise AttributeError(name)

    holder = ModuleType("holder")
    holder.lazy = Lazy("lazy")  # type: ignore[attr-defined]
    holder.number = 3  # type: ignore[attr-defined]
    assert not refers_to_binding(holder)
    holder.widget = QComboBox  # type: ignore[attr-defined]
    assert refers_to_binding(holder)
    assert asked == []
