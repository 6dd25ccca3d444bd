"""Operating-system locks on files, to tell a file in use from one left behind by a killed program.

A program holds the lock for as long as the file is its own (a note that it has a
database open, an export or backup being written). Whoever later finds the file with
its lock free knows the program that made it is gone, and may remove the file.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, Any

# Windows locks are mandatory, so the lock sits far beyond any text that others read.
_WINDOWS_LOCK_OFFSET = 1 << 40
# Where a lock cannot be taken without getting in the writer's way (Windows, a file being
# written through another handle), age decides: nothing here is written for a day.
STALE_AFTER_SECONDS = 24 * 3600


def lock(handle: IO[Any], *, blocking: bool = False) -> bool:
    """Lock the file for this process; False if another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def hold(path: Path) -> IO[Any] | None:
    """Lock a file that this process is writing; close the handle when it is finished.

    None on Windows, where the lock would stop the writer itself.
    """
    if sys.platform == "win32":  # pragma: no cover
        return None
    handle = Path(path).open("rb")
    lock(handle, blocking=True)
    return handle


def is_abandoned(path: Path) -> bool:
    """Whether nobody is writing `path` any more (its writer ended or was killed)."""
    try:
        if sys.platform == "win32":  # pragma: no cover
            return time.time() - path.stat().st_mtime > STALE_AFTER_SECONDS
        with path.open("rb") as handle:
            return lock(handle)
    except OSError:
        return False


def remove_abandoned(paths: list[Path]) -> list[Path]:
    """Remove the files of `paths` nobody is writing any more; returns those removed."""
    removed = []
    for path in paths:
        if path.is_file() and is_abandoned(path):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
