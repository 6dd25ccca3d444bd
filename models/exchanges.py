"""Exchanges (dialogues), their workshops (rounds), panels and participants."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Versioned
from models.enums import ExchangeKind, ParticipantRole, WorkshopStatus, db_enum
from models.organisation import Department, Person, Semester
from models.partners import Partner, PartnerContact
from models.topics import TopicProposal

exchange_partners = Table(
    "exchange_partners",
    Base.metadata,
    Column("exchange_id", ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partners.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

exchange_departments = Table(
    "exchange_departments",
    Base.metadata,
    Column("exchange_id", ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True),
    Column("department_id", ForeignKey("departments.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

# Partner-side participants of an exchange.
exchange_contacts = Table(
    "exchange_contacts",
    Base.metadata,
    Column("exchange_id", ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("partner_contacts.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Exchange(Versioned, Base):
    """A dialogue on one topic: one workshop, or two to three rounds."""

    __tablename__ = "exchanges"

    id: Mapped[int] = mapped_column(primary_key=True)
    semester_id: Mapped[int] = mapped_column(ForeignKey("semesters.id", ondelete="RESTRICT"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("topic_proposals.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")  # optional Chinese title
    kind: Mapped[ExchangeKind] = mapped_column(
        db_enum(ExchangeKind), default=ExchangeKind.ONE_OFF, server_default=ExchangeKind.ONE_OFF.value
    )
    planned_rounds: Mapped[int] = mapped_column(default=1, server_default="1")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    semester: Mapped[Semester] = relationship()
    proposal: Mapped[TopicProposal | None] = relationship()
    partners: Mapped[list[Partner]] = relationship(secondary=exchange_partners, lazy="selectin", order_by="Partner.name")
    departments: Mapped[list[Department]] = relationship(
        secondary=exchange_departments, lazy="selectin", order_by="Department.name_en"
    )
    partner_participants: Mapped[list[PartnerContact]] = relationship(
        secondary=exchange_contacts, lazy="selectin", order_by="PartnerContact.name"
    )
    workshops: Mapped[list[Workshop]] = relationship(
        back_populates="exchange", lazy="selectin", order_by="Workshop.round_number",
        cascade="all, delete-orphan", passive_deletes=True,
    )


class Workshop(Versioned, Base):
    """One round of an exchange: 2.5-3 hours online, made of panels."""

    __tablename__ = "workshops"
    __table_args__ = (UniqueConstraint("exchange_id", "round_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[int] = mapped_column(ForeignKey("exchanges.id", ondelete="CASCADE"), index=True)
    round_number: Mapped[int] = mapped_column(default=1, server_default="1")
    starts_at: Mapped[datetime] = mapped_column(index=True)  # aware UTC instant
    duration_minutes: Mapped[int] = mapped_column(default=180, server_default="180")
    platform: Mapped[str] = mapped_column(String(100), default="", server_default="")
    link: Mapped[str] = mapped_column(String(500), default="", server_default="")
    interpretation_languages: Mapped[str] = mapped_column(String(100), default="", server_default="")
    interpreter: Mapped[str] = mapped_column(String(200), default="", server_default="")
    status: Mapped[WorkshopStatus] = mapped_column(
        db_enum(WorkshopStatus), default=WorkshopStatus.PLANNED, server_default=WorkshopStatus.PLANNED.value,
        index=True,
    )
    minutes: Mapped[str] = mapped_column(Text, default="", server_default="")
    outcome: Mapped[str] = mapped_column(Text, default="", server_default="")
    continues_independently: Mapped[bool] = mapped_column(default=False, server_default="0")

    exchange: Mapped[Exchange] = relationship(back_populates="workshops")
    panels: Mapped[list[Panel]] = relationship(
        back_populates="workshop", lazy="selectin", order_by="(Panel.starts_at, Panel.track)",
        cascade="all, delete-orphan", passive_deletes=True,
    )


class Panel(Versioned, Base):
    """A 30-40 minute session of a workshop, on one track (room)."""

    __tablename__ = "panels"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")  # optional Chinese title
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    track: Mapped[str] = mapped_column(String(100), default="Main room", server_default="Main room")
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(default=35, server_default="35")
    moderator: Mapped[str] = mapped_column(String(200), default="", server_default="")
    interpretation_needed: Mapped[bool] = mapped_column(default=False, server_default="0")
    language_pair: Mapped[str] = mapped_column(String(60), default="", server_default="")
    interpreter: Mapped[str] = mapped_column(String(200), default="", server_default="")

    workshop: Mapped[Workshop] = relationship(back_populates="panels")
    speakers: Mapped[list[PanelSpeaker]] = relationship(
        back_populates="panel", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PanelSpeaker.position",
    )


class PanelSpeaker(Base):
    """A speaker of a panel: one of ours (person) or the partner's (contact)."""

    __tablename__ = "panel_speakers"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (contact_id IS NULL)", name="one_side"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    panel_id: Mapped[int] = mapped_column(ForeignKey("panels.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("partner_contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    panel: Mapped[Panel] = relationship(back_populates="speakers")
    person: Mapped[Person | None] = relationship(lazy="joined")
    contact: Mapped[PartnerContact | None] = relationship(lazy="joined")


class Participation(Versioned, Base):
    """A person of ours taking part in an exchange."""

    __tablename__ = "participations"
    __table_args__ = (UniqueConstraint("person_id", "exchange_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    exchange_id: Mapped[int] = mapped_column(ForeignKey("exchanges.id", ondelete="CASCADE"), index=True)
    role: Mapped[ParticipantRole] = mapped_column(
        db_enum(ParticipantRole), default=ParticipantRole.PARTICIPANT, server_default=ParticipantRole.PARTICIPANT.value
    )

    person: Mapped[Person] = relationship()
    exchange: Mapped[Exchange] = relationship()
    preparation: Mapped[Preparation | None] = relationship(
        back_populates="participation", uselist=False, cascade="all, delete-orphan", passive_deletes=True,
    )


class Attendance(Base):
    """Whether a participant attended one round."""

    __tablename__ = "attendance"

    participation_id: Mapped[int] = mapped_column(
        ForeignKey("participations.id", ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True, index=True)
    attended: Mapped[bool] = mapped_column(default=True, server_default="1")


class Preparation(Versioned, Base):
    """What a participant wants to learn and to share, written before the exchange."""

    __tablename__ = "preparations"

    id: Mapped[int] = mapped_column(primary_key=True)
    participation_id: Mapped[int] = mapped_column(
        ForeignKey("participations.id", ondelete="CASCADE"), unique=True
    )
    to_learn: Mapped[str] = mapped_column(Text, default="", server_default="")
    to_share: Mapped[str] = mapped_column(Text, default="", server_default="")
    materials: Mapped[str] = mapped_column(Text, default="", server_default="")  # one link or path per line

    participation: Mapped[Participation] = relationship(back_populates="preparation")
