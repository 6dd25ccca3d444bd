"""The second half of the cycle: reports, evaluations, follow-up contacts, visits."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, LargeBinary, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Versioned
from models.enums import (
    ContactChannel,
    PublicationChannel,
    ReportKind,
    ReviewStatus,
    VisitStatus,
    db_enum,
)
from models.exchanges import Exchange, Participation
from models.organisation import Department, Person, Semester
from models.partners import Partner


class Report(Versioned, Base):
    """The deliverable a participant owes after an exchange."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    participation_id: Mapped[int] = mapped_column(ForeignKey("participations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ReportKind] = mapped_column(
        db_enum(ReportKind), default=ReportKind.RESEARCH_REPORT, server_default=ReportKind.RESEARCH_REPORT.value
    )
    title: Mapped[str] = mapped_column(String(300), default="", server_default="")
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")  # the title in Chinese
    abstract: Mapped[str] = mapped_column(Text, default="", server_default="")
    due_on: Mapped[date | None] = mapped_column(index=True)
    submitted_on: Mapped[date | None]
    review_status: Mapped[ReviewStatus] = mapped_column(
        db_enum(ReviewStatus), default=ReviewStatus.NOT_SUBMITTED, server_default=ReviewStatus.NOT_SUBMITTED.value,
        index=True,
    )
    reviewer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    review_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    publication_channel: Mapped[PublicationChannel] = mapped_column(
        db_enum(PublicationChannel), default=PublicationChannel.NONE, server_default=PublicationChannel.NONE.value
    )
    published_on: Mapped[date | None]
    publication_url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    file_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    file_size: Mapped[int | None]
    file_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")

    participation: Mapped[Participation] = relationship()


class ReportFile(Base):
    """The attached file's bytes, apart from the report so lists never load them."""

    __tablename__ = "report_files"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RubricItem(Versioned, Base):
    """One criterion of the evaluation interview, scored 1-5."""

    __tablename__ = "rubric_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    active: Mapped[bool] = mapped_column(default=True, server_default="1")


evaluation_exchanges = Table(
    "evaluation_exchanges",
    Base.metadata,
    Column("evaluation_id", ForeignKey("evaluations.id", ondelete="CASCADE"), primary_key=True),
    Column("exchange_id", ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Evaluation(Versioned, Base):
    """An interview with a department about how effective its workshops were."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"), index=True)
    semester_id: Mapped[int] = mapped_column(ForeignKey("semesters.id", ondelete="RESTRICT"), index=True)
    interview_date: Mapped[date]
    interviewer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    interviewees: Mapped[str] = mapped_column(String(300), default="", server_default="")
    findings: Mapped[str] = mapped_column(Text, default="", server_default="")

    department: Mapped[Department] = relationship()
    semester: Mapped[Semester] = relationship()
    exchanges: Mapped[list[Exchange]] = relationship(secondary=evaluation_exchanges, lazy="selectin")
    scores: Mapped[list[EvaluationScore]] = relationship(
        back_populates="evaluation", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True
    )
    actions: Mapped[list[EvaluationAction]] = relationship(
        back_populates="evaluation", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EvaluationAction.id",
    )


class EvaluationScore(Base):
    __tablename__ = "evaluation_scores"
    __table_args__ = (UniqueConstraint("evaluation_id", "rubric_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"), index=True)
    rubric_item_id: Mapped[int] = mapped_column(ForeignKey("rubric_items.id", ondelete="RESTRICT"), index=True)
    score: Mapped[int]
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    evaluation: Mapped[Evaluation] = relationship(back_populates="scores")
    rubric_item: Mapped[RubricItem] = relationship(lazy="joined")


class EvaluationAction(Base):
    """An action agreed in an interview, with its owner and due date."""

    __tablename__ = "evaluation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    due_on: Mapped[date | None]
    done: Mapped[bool] = mapped_column(default=False, server_default="0")

    evaluation: Mapped[Evaluation] = relationship(back_populates="actions")


class FollowUpContact(Versioned, Base):
    """A department's own contact with a partner after a successful exchange."""

    __tablename__ = "follow_up_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="RESTRICT"), index=True)
    contact_date: Mapped[date]
    channel: Mapped[ContactChannel] = mapped_column(
        db_enum(ContactChannel), default=ContactChannel.EMAIL, server_default=ContactChannel.EMAIL.value
    )
    people: Mapped[str] = mapped_column(String(300), default="", server_default="")
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")

    department: Mapped[Department] = relationship()
    partner: Mapped[Partner] = relationship()


class VisitPriority(Versioned, Base):
    """A person's standing for a study visit to a partner they met online."""

    __tablename__ = "visit_priorities"
    __table_args__ = (UniqueConstraint("person_id", "partner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    computed_score: Mapped[float] = mapped_column(default=0.0, server_default="0")
    score_parts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    adjustment: Mapped[float] = mapped_column(default=0.0, server_default="0")
    adjustment_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    adjusted_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    status: Mapped[VisitStatus] = mapped_column(
        db_enum(VisitStatus), default=VisitStatus.CANDIDATE, server_default=VisitStatus.CANDIDATE.value
    )
    visited_on: Mapped[date | None]

    person: Mapped[Person] = relationship()
    partner: Mapped[Partner] = relationship()
