"""Files the program writes appear whole or not at all, readable like any other file."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.errors import AppError
from app.output_files import replacing, write_bytes


def test_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_bytes(tmp_path / "agenda.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"%PDF-1.4"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.pdf"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.xlsx"]


def test_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(AppError, match="does not exist"):
        write_bytes(tmp_path / "missing" / "x.ics", b"")
