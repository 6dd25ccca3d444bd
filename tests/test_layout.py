"""Where the code lives: a folder per step of the cycle in app/ and ui/, and no query built in ui/.

import-linter (run by `make test`) keeps the layers and forbids ui/ to import SQLAlchemy; this
test also catches a widget that runs SQL through a session it was handed.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("topics", "planning", "outcomes", "evaluation")
QUERY_METHODS = {"execute", "scalars", "scalar", "get", "get_one", "query", "merge", "add", "add_all", "delete"}


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_every_step_of_the_cycle_has_one_folder_in_app_and_in_ui() -> None:
    for step in STEPS:
        assert (ROOT / "app" / step / "__init__.py").is_file(), f"app/{step}/"
        assert (ROOT / "ui" / step / "__init__.py").is_file(), f"ui/{step}/"
    for shared in ("app/storage", "app/views", "app/demo", "ui/shell", "ui/widgets"):
        assert (ROOT / shared / "__init__.py").is_file(), shared
    # Nothing of a step is left loose beside the packages.
    loose = {path.stem for path in (ROOT / "app").glob("*.py")}
    assert loose <= {"__init__", "__main__", "actor", "build_info", "cli", "errors", "i18n", "output_files",
                     "plain_text", "preferences", "records", "rules", "settings"}, loose
    assert {path.stem for path in (ROOT / "ui").glob("*.py")} == {"__init__"}


def session_queries(path: Path) -> list[str]:
    """Calls such as `session.execute(...)` or `self.session.get(...)` in one module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if name.endswith("session") and node.func.attr in QUERY_METHODS:
            found.append(f"{path.name}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_no_widget_builds_or_runs_a_query() -> None:
    found = [hit for path in python_files("ui") for hit in session_queries(path)]
    assert found == [], "ui/ reads and writes through app/: " + ", ".join(found)


def test_the_query_check_finds_queries_however_the_session_is_reached(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def load(session, self):\n    session.execute('x')\n    self.session.get(1, 2)\n"
                      "    with self.database.sessions() as session:\n        session.scalars(3)\n")
    assert [hit.split()[-1] for hit in session_queries(sample)] == [
        "session.execute()", "session.get()", "session.scalars()"]


@pytest.mark.parametrize("folder", ["app", "ui", "exports", "models"])
def test_no_module_is_over_700_lines(folder: str) -> None:
    long = [f"{path.relative_to(ROOT)} ({n} lines)" for path in python_files(folder)
            if "migrations" not in path.parts and (n := len(path.read_text(encoding="utf-8").splitlines())) > 700]
    assert long == []
