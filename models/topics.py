"""Topic collection: proposals from departments and outreach to partners."""
from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Versioned
from models.enums import (
    Direction,
    OutreachStatus,
    Priority,
    ProposalSource,
    ProposalStatus,
    db_enum,
)
from models.organisation import Department, Semester, TopicArea
from models.partners import Partner


class TopicProposal(Versioned, Base):
    __tablename__ = "topic_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    semester_id: Mapped[int] = mapped_column(ForeignKey("semesters.id", ondelete="RESTRICT"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("topic_areas.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    # The title in Chinese, where the department gave one; printed by the document's language.
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    direction: Mapped[Direction] = mapped_column(
        db_enum(Direction), default=Direction.BOTH, server_default=Direction.BOTH.value
    )
    priority: Mapped[Priority] = mapped_column(
        db_enum(Priority), default=Priority.MEDIUM, server_default=Priority.MEDIUM.value
    )
    status: Mapped[ProposalStatus] = mapped_column(
        db_enum(ProposalStatus), default=ProposalStatus.SUBMITTED, server_default=ProposalStatus.SUBMITTED.value,
        index=True,
    )
    preferred_region: Mapped[str] = mapped_column(String(100), default="", server_default="")
    source: Mapped[ProposalSource] = mapped_column(
        db_enum(ProposalSource), default=ProposalSource.TYPED, server_default=ProposalSource.TYPED.value
    )
    source_file: Mapped[str] = mapped_column(String(300), default="", server_default="")
    source_row: Mapped[int | None]
    # Identifies a line of a returned form, so a corrected form updates rather than duplicates.
    form_key: Mapped[str | None] = mapped_column(String(120), unique=True)

    semester: Mapped[Semester] = relationship()
    department: Mapped[Department] = relationship()
    area: Mapped[TopicArea | None] = relationship()


class Outreach(Versioned, Base):
    """An accepted proposal offered to one partner university."""

    __tablename__ = "outreach"
    __table_args__ = (UniqueConstraint("proposal_id", "partner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("topic_proposals.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="RESTRICT"), index=True)
    status: Mapped[OutreachStatus] = mapped_column(
        db_enum(OutreachStatus), default=OutreachStatus.PLANNED, server_default=OutreachStatus.PLANNED.value
    )
    contacted_on: Mapped[date | None]
    answered_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    proposal: Mapped[TopicProposal] = relationship()
    partner: Mapped[Partner] = relationship()
