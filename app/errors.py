"""The typed errors services raise; the UI and the CLI turn each into one clear sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
