"""What the scheduling rules look at: a workshop and its panels as plain values, and their surroundings.

The planner edits these copies; app/planning/scheduling.py checks them with the same
code that guards the database.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from models.enums import ExchangeKind, WorkshopStatus
from app.planning.local_times import Side

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"

DEFAULT_TRACK = "Main room"


@dataclass(frozen=True)
class Problem:
    """One broken rule. `panel_id` is the panel's id, or its negative draft key when not saved yet."""

    severity: Severity
    code: str
    message: str
    workshop_id: int | None
    panel_id: int | None
    field: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


# ---- what a check looks at ------------------------------------------------------
def name_key(name: str) -> str:
    """Names compare trimmed, with inner spaces collapsed and case ignored."""
    return " ".join((name or "").split()).casefold()


@dataclass
class SpeakerPlan:
    """A speaker: one of ours (person_id) or the partner's (contact_id)."""

    name: str
    person_id: int | None = None
    contact_id: int | None = None
    aliases: tuple[str, ...] = ()  # other spellings (English and Chinese names) a moderator may be typed as

    @property
    def ref(self) -> tuple[int | None, int | None]:
        return (self.person_id, self.contact_id)

    @property
    def is_partner_side(self) -> bool:
        return self.contact_id is not None


@dataclass
class PanelPlan:
    key: int  # the panel's id once saved; a negative number for a panel not saved yet
    title: str
    starts_at: datetime
    duration_minutes: int
    track: str = DEFAULT_TRACK
    title_zh: str = ""  # optional Chinese title
    moderator: str = ""
    description: str = ""
    interpretation_needed: bool = False
    language_pair: str = ""
    interpreter: str = ""
    speakers: list[SpeakerPlan] = field(default_factory=list)
    id: int | None = None
    version: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass
class WorkshopPlan:
    """A workshop and its panels as plain values: what is stored, or what the officer is editing."""

    id: int | None
    exchange_id: int
    round_number: int
    starts_at: datetime
    duration_minutes: int
    platform: str = ""
    link: str = ""
    interpretation_languages: str = ""
    interpreter: str = ""
    status: WorkshopStatus = WorkshopStatus.PLANNED
    minutes: str = ""
    outcome: str = ""
    continues_independently: bool = False
    version: int | None = None
    panels: list[PanelPlan] = field(default_factory=list)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def panel(self, key: int) -> PanelPlan | None:
        return next((panel for panel in self.panels if panel.key == key), None)

    def copy(self) -> WorkshopPlan:
        return copy.deepcopy(self)



@dataclass(frozen=True)
class RoundInfo:
    workshop_id: int
    round_number: int
    starts_at: datetime
    duration_minutes: int
    status: WorkshopStatus


@dataclass(frozen=True)
class Booking:
    """An interpreter busy in another workshop (or one of its panels) from `starts_at` to `ends_at`."""

    workshop_id: int
    panel_id: int | None
    interpreter: str
    starts_at: datetime
    ends_at: datetime
    label: str  # "round 1 of 'Student mental health' (panel 'Peer support')"


@dataclass(frozen=True)
class PlanContext:
    """What a check needs besides the plan: the exchange, its partners and other workshops."""

    exchange_title: str
    kind: ExchangeKind
    planned_rounds: int
    rounds: tuple[RoundInfo, ...] = ()
    partners: tuple[Side, ...] = ()
    bookings: tuple[Booking, ...] = ()
    window: tuple[datetime, datetime] | None = None  # the span `bookings` were read for

    def covers(self, plan: WorkshopPlan) -> bool:
        """Whether the bookings were read for a span containing the plan's."""
        return self.window is not None and self.window[0] <= plan.starts_at and plan.ends_at <= self.window[1] \
            and all(self.window[0] <= p.starts_at and p.ends_at <= self.window[1] for p in plan.panels)
