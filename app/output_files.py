"""Writing the files officers ask for: never half a file under the name they chose.

Every document, spreadsheet, invitation and article is written to a temporary file
beside the target and renamed over it only when complete, so a crash, a full disk or a
file held open by Excel leaves the old file (or none) rather than a broken one.
"""
from __future__ import annotations

import glob
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import AppError, describe_os_error
from app.storage.file_locks import hold, remove_abandoned
from app.i18n import _


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write to; when the block ends without error it becomes `path`.

    The finished file gets the permissions a normally created file would have
    (mkstemp makes it private), so colleagues can open an export in a shared folder.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        if folder.exists():
            raise AppError(_("{folder} is a file, not a folder.").format(folder=folder))
        raise AppError(_("The folder {folder} does not exist.").format(folder=folder))
    prefix, suffix = f".{path.stem[:40]}-", f"{path.suffix}.part"
    # Left by an export that was killed while writing this same file.
    remove_abandoned(sorted(folder.glob(f"{glob.escape(prefix)}*{glob.escape(suffix)}")))
    try:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as error:
        raise AppError(describe_os_error(error, path)) from error
    os.close(handle)
    temporary = Path(name)
    holder = hold(temporary)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_current_umask())
        os.replace(temporary, path)
    except PermissionError as error:
        raise AppError(
            _("{file} cannot be written: it may be open in another program (such as Excel), or the folder is "
              "read-only. Close it and try again.").format(file=path)
        ) from error
    except OSError as error:
        raise AppError(describe_os_error(error, path)) from error
    finally:
        if holder is not None:
            holder.close()
        temporary.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> Path:
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def safe_file_name(text: str, *, limit: int = 120) -> str:
    """A file name every system accepts: no reserved characters or names, no trailing dot or space.

    An extension ("Agenda.pdf") is kept while a long name is shortened.
    """
    cleaned = " ".join(UNSAFE_CHARACTERS.sub(" ", text).split()).strip(" .")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot or not suffix.isalnum() or len(suffix) > 5:
        stem, dot, suffix = cleaned, "", ""
    stem = stem[:limit].rstrip(" .")
    if not stem or stem.split(".")[0].upper() in RESERVED_NAMES:
        stem = f"_{stem}"
    return stem + dot + suffix
