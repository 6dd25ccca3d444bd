"""The typed errors services raise; the UI and the CLI turn each into one clear sentence."""
from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from typing import Any

from app.i18n import _


class AppError(Exception):
    """Base of every error a user may see. `str(error)` is the sentence to show."""


class ValidationError(AppError):
    """Bad input for one field of a record."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(AppError):
    pass


class InUseError(AppError):
    """A record cannot be deleted because other records still refer to it."""

    def __init__(self, message: str, blockers: dict[str, int]) -> None:
        super().__init__(message)
        self.blockers = blockers


@dataclass
class ConflictError(AppError):
    """Someone else saved the record since it was read; both versions are kept."""

    label: str
    record_id: int
    mine: dict[str, Any]
    theirs: dict[str, Any]
    their_version: int
    message: str = field(default="")

    def __post_init__(self) -> None:
        if not self.message:
            self.message = (
                f"This {self.label} was changed by someone else while you were editing it. "
                "Compare both versions and choose what to keep."
            )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class PermissionDeniedError(AppError):
    pass


class DatabaseOpenError(AppError):
    """The database cannot be opened; the message says why in one sentence."""


_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s'\"]*):(?P<secret>[^@\s'\"]*)@", re.IGNORECASE)


def mask_passwords(text: str) -> str:
    """`text` with the password of every database address in it replaced by ***."""
    return _URL_PASSWORD.sub(lambda match: f"{match['head']}:***@", text)


def describe_os_error(error: OSError, target: object | None = None) -> str:
    """One sentence for a file-system failure while writing `target` (or the file the error names)."""
    where = target if target is not None else (error.filename or "")
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return _("The disk holding {file} is full; nothing was written. Free some space and try again.").format(
            file=where)
    if error.errno == errno.EROFS:
        return _("{file} cannot be written: the disk or folder is read-only.").format(file=where)
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return _("{file} cannot be written: you may not write there (or it is open in another program).").format(
            file=where)
    if error.errno == errno.ENOTDIR:
        return _("{file} cannot be used: part of its path is a file, not a folder.").format(file=where)
    if error.errno == errno.EEXIST:
        return _("{file} is a file, not a folder.").format(file=where)
    if error.errno == errno.EISDIR:
        return _("{file} is a folder; give a file name.").format(file=where)
    if error.errno == errno.ENOENT:
        return _("{file} cannot be written: its folder does not exist or does not accept files.").format(file=where)
    return _("Cannot write {file}: {reason}.").format(file=where, reason=error.strerror or error)
