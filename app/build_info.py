"""Which version of the program this is, and when it was built.

A frozen build (packaging/iad-workshops.spec) writes resources/build-info.json with the
version and the build date; a source checkout reads the version from pyproject.toml and
says "from source"; an installed package asks its metadata.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import resources
from app.i18n import _

BUILD_INFO = resources.FOLDER / "build-info.json"
DISTRIBUTION = "iad-workshops"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built: str  # ISO date of a frozen build; "" when running from source or an installed package

    @property
    def label(self) -> str:
        """"0.1.0, built 2026-12-01" or "0.1.0, from source", for --version and Help → About."""
        if self.built:
            return _("{version}, built {date}").format(version=self.version, date=self.built)
        return _("{version}, from source").format(version=self.version)


@lru_cache(maxsize=1)
def build_info() -> BuildInfo:
    try:
        written = json.loads(BUILD_INFO.read_text(encoding="utf-8"))
        return BuildInfo(version=str(written["version"]), built=str(written["built"]))
    except FileNotFoundError:
        pass
    return BuildInfo(version=_source_version(), built="")


def _source_version() -> str:
    # The checkout's own pyproject.toml first: an editable install's metadata keeps the
    # version it had when it was installed.
    pyproject = Path(resources.FOLDER).parent / "pyproject.toml"
    try:
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _("unknown version")
