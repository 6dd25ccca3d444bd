"""The built program (make dist), run as an officer's computer runs it: no Python, no checkout.

Runs only when IAD_DIST_DIR names the built folder, as `make dist-check` does after
building it (a separate step of .ci/run: the build takes about a minute). Every run
gets its own data, settings, cache and home folders, so the real user's are never touched.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from models import schema

ROOT = Path(__file__).resolve().parents[1]
DIST = os.environ.get("IAD_DIST_DIR", "")
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# On Windows the window's executable has no console to print to; its console twin is the same program.
EXECUTABLE = "iad-workshops-cli.exe" if sys.platform == "win32" else "iad-workshops"
# What the program needs from the environment on each system; nothing of Python's.
KEPT_ENVIRONMENT = ("PATH", "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LANG", "LC_ALL")

pytestmark = [
    pytest.mark.dist,
    pytest.mark.slow,
    pytest.mark.skipif(not DIST, reason="IAD_DIST_DIR is not set: `make dist-check` builds the program and runs these"),
]

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = (ROOT / DIST).resolve()
    assert (folder / EXECUTABLE).is_file(), f"{folder} holds no {EXECUTABLE}: run `make dist` first"
    return folder


@pytest.fixture
def run(bundle: Path, tmp_path: Path) -> Run:
    """Run the built executable from an empty folder, with temporary user folders and no Python settings."""
    home = tmp_path / "home"
    environment = {name: os.environ[name] for name in KEPT_ENVIRONMENT if name in os.environ}
    environment.update({
        "HOME": str(home), "USERPROFILE": str(home), "APPDATA": str(home / "roaming"),
        "LOCALAPPDATA": str(home / "local"), "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "IAD_DATA_DIR": str(tmp_path / "iad-data"), "IAD_CONFIG_DIR": str(tmp_path / "iad-config"),
        "QT_QPA_PLATFORM": "offscreen",
    })
    (home / "runtime").mkdir(parents=True, mode=0o700)
    work = tmp_path / "work"
    work.mkdir()

    def run_program(*args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([str(bundle / EXECUTABLE), *args], capture_output=True, text=True, cwd=work,
                                env={**environment, **extra}, timeout=timeout, check=False)
        assert result.returncode == 0, f"{args} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"
        return result

    return run_program


def program_data_files() -> list[Path]:
    """The files the program reads at run time from its own folders, relative to the checkout."""
    files = []
    for folder, sources in (("resources", False), ("models/migrations", True)):
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if path.suffix == ".py" and not sources:
                continue
            files.append(path.relative_to(ROOT))
    return files


def contents(bundle: Path) -> Path:
    """Where PyInstaller puts everything but the executables."""
    return bundle / "_internal"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_data_file_of_the_checkout_is_in_the_bundle_unchanged(bundle: Path) -> None:
    expected = program_data_files()
    assert Path("resources/fonts/wqy-microhei.ttc") in expected and Path("models/migrations/env.py") in expected
    missing = [str(path) for path in expected if not (contents(bundle) / path).is_file()]
    assert missing == []
    changed = [str(path) for path in expected if digest(contents(bundle) / path) != digest(ROOT / path)]
    assert changed == []


def test_every_module_of_the_program_is_in_the_bundle(bundle: Path) -> None:
    """The window loads its features by name and leaves out one whose module is missing, so look."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle / EXECUTABLE)).open_embedded_archive("PYZ.pyz")
    expected = set()
    for package in ("app", "models", "exports", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.relative_to(ROOT).parts:
                continue  # data for Alembic, checked above
            parts = path.relative_to(ROOT).with_suffix("").parts
            expected.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert sorted(expected - set(archive.toc)) == []
    assert {"pypdfium2", "alembic.op", "alembic.ddl.sqlite", "alembic.ddl.postgresql"} <= set(archive.toc)


def test_what_the_program_does_not_use_is_left_out(bundle: Path) -> None:
    qt = contents(bundle) / "PySide6"
    assert qt.is_dir()
    unwanted = [path.name for path in qt.rglob("*")
                if re.search(r"WebEngine|Qt6?Qml|Qt6?Quick|VirtualKeyboard|Qt6?Pdf", path.name)]
    assert unwanted == []
    assert not list(contents(bundle).rglob("_pytest")) and not list(contents(bundle).rglob("tkinter"))


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd is Linux's")
def test_every_qt_library_the_bundle_links_to_is_in_it(bundle: Path) -> None:
    """Qt's platform plugins that cannot run here (xcb, wayland) still find the Qt libraries they need."""
    unresolved = []
    for path in sorted((contents(bundle) / "PySide6").rglob("*.so*")):
        listed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
        unresolved += [f"{path.name}: {line.split()[0]}" for line in listed.splitlines()
                       if "not found" in line and line.split()[0].startswith("libQt6")]
    assert unresolved == []


def test_version_says_it_is_a_build_and_when(run: Run) -> None:
    printed = run("--version").stdout.strip()
    match = re.fullmatch(rf"iad-workshops {re.escape(PROJECT_VERSION)}, built (\d{{4}}-\d\d-\d\d)", printed)
    assert match, printed
    assert abs(date.fromisoformat(match.group(1)) - date.today()) <= timedelta(days=30)


def test_database_demo_agenda_and_evaluations(run: Run, tmp_path: Path) -> None:
    database = tmp_path / "new" / "iad.sqlite3"
    database.parent.mkdir()
    upgraded = run("--database", str(database), "db", "upgrade").stdout
    head = schema.head_revision()  # the chain's last migration, whatever its file is called
    assert f"is at schema revision {head}." in upgraded and database.is_file()

    run("--database", str(database), "demo", "--quiet")
    agenda = tmp_path / "agenda.pdf"
    run("--database", str(database), "export", "agenda", "--workshop", "1", "-o", str(agenda))
    reader = PdfReader(agenda)
    text = "".join(page.extract_text() for page in reader.pages)
    assert re.search(r"[\u4e00-\u9fff]", text), "the agenda should hold Chinese names"
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    chinese = [name for name in fonts if "WenQuanYi" in name]
    assert chinese, f"the shipped Chinese font is not in the agenda: {sorted(fonts)}"
    for name, font in fonts.items():
        assert font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"], name

    evaluations = tmp_path / "evaluations.xlsx"
    written = run("--database", str(database), "export", "evaluations", "-o", str(evaluations)).stdout
    counted = re.search(r"\((\d+) score rows\)", written)
    assert counted, written
    scores = int(counted.group(1))
    workbook = load_workbook(evaluations)
    assert scores > 10 and workbook["Scores"].max_row == scores + 1  # a header, then one row per score
    assert workbook["Summary"].max_row > 1


def test_the_window_starts_on_its_own_new_database_and_quits(run: Run, tmp_path: Path) -> None:
    result = run(timeout=180, IAD_STARTUP_REPORT="quit")
    events = [line.split(": ", 1)[1].rsplit(" ", 2)[0] for line in result.stderr.splitlines()
              if line.startswith("iad-workshops start-up: ")]
    # A new database has no figures left by an earlier window: its first list is filled when it is read.
    assert events == ["window shown", "first frame", "first list filled", "first list current"], result.stderr
    # The first start created the local database, in the temporary data folder.
    assert (tmp_path / "iad-data" / "iad-workshops.sqlite3").is_file()
