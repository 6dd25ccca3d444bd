"""Enumerations of the domain; stored as their string values."""
from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Enum


# app.i18n sets this to its gettext `_` when the interface is not English; models cannot import app,
# so a language chosen before this module loaded is picked up from app.i18n if it is there.
_i18n = sys.modules.get("app.i18n")
_translate_label: Callable[[str], str] | None = _i18n.label_translator() if _i18n is not None else None


def set_label_translator(translate: Callable[[str], str] | None) -> None:
    global _translate_label
    _translate_label = translate


class LabelledEnum(str, enum.Enum):
    """String enum whose values are stored; `label` is the text shown, in the interface language.

    `english_label` is the English text and the gettext message id (resources/update_translations.py
    adds every enum's labels to the catalogue)."""

    @property
    def english_label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def label(self) -> str:
        english = self.english_label
        return _translate_label(english) if _translate_label is not None else english


def db_enum(enum_cls: type[enum.Enum]) -> Enum:
    """A portable VARCHAR column for an enum, storing `.value`, no native type."""
    from sqlalchemy import Enum  # here, so that the enums alone load no SQLAlchemy

    return Enum(
        enum_cls,
        native_enum=False,
        length=32,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class PartnerStatus(LabelledEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    DORMANT = "dormant"


class Direction(LabelledEnum):
    LEARN = "learn"
    SHARE = "share"
    BOTH = "both"


class Priority(LabelledEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ProposalStatus(LabelledEnum):
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    ACCEPTED = "accepted"
    SCHEDULED = "scheduled"
    DECLINED = "declined"


class ProposalSource(LabelledEnum):
    TYPED = "typed"
    IMPORTED = "imported"


class OutreachStatus(LabelledEnum):
    PLANNED = "planned"
    CONTACTED = "contacted"
    INTERESTED = "interested"
    AGREED = "agreed"
    DECLINED = "declined"
    NO_REPLY = "no_reply"


class ExchangeKind(LabelledEnum):
    ONE_OFF = "one_off"
    MULTI_ROUND = "multi_round"

    @property
    def english_label(self) -> str:
        return {"one_off": "One-off dialogue", "multi_round": "Multi-round dialogue"}[self.value]


class WorkshopStatus(LabelledEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    CANCELLED = "cancelled"


class ParticipantRole(LabelledEnum):
    PARTICIPANT = "participant"
    LEAD = "lead"
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    OBSERVER = "observer"


class ReportKind(LabelledEnum):
    RESEARCH_REPORT = "research_report"
    INNOVATION_PROPOSAL = "innovation_proposal"
    FIELD_RESEARCH = "field_research"


class ReviewStatus(LabelledEnum):
    NOT_SUBMITTED = "not_submitted"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    REVISION_REQUESTED = "revision_requested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class PublicationChannel(LabelledEnum):
    NONE = "none"
    WEBSITE = "website"
    WECHAT = "wechat"
    BOTH = "both"

    @property
    def english_label(self) -> str:
        return {
            "none": "Not published",
            "website": "IAD website",
            "wechat": 'WeChat "Global SJTU"',
            "both": 'IAD website and WeChat "Global SJTU"',
        }[self.value]


class ContactChannel(LabelledEnum):
    EMAIL = "email"
    VIDEO_CALL = "video_call"
    VISIT = "visit"
    CONFERENCE = "conference"
    OTHER = "other"


class VisitStatus(LabelledEnum):
    CANDIDATE = "candidate"
    NOMINATED = "nominated"
    APPROVED = "approved"
    VISITED = "visited"


class UserRole(LabelledEnum):
    ADMINISTRATOR = "administrator"
    OFFICER = "officer"
    VIEWER = "viewer"


class AuditAction(LabelledEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


def enum_values(enum_cls: type[enum.Enum]) -> list[Any]:
    return [member.value for member in enum_cls]
