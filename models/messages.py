"""The cycle's e-mails: the templates officers edit and the log of every message written or sent."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Versioned, utc_now


class MessageTemplate(Versioned, Base):
    """An officer's wording of one kind of message in one language; the built-in text applies where none is saved."""

    __tablename__ = "message_templates"
    __table_args__ = (UniqueConstraint("kind", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # app.messages.templates.KINDS
    language: Mapped[str] = mapped_column(String(8))  # "zh" or "en"
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)


class MessageLogEntry(Base):
    """One message to one recipient: drafted, sent, failed, or not written because the address is missing.

    `purpose` says what the message is for (the kind and the records it is about), so a
    batch resumed after an interruption skips every recipient already sent that purpose.
    """

    __tablename__ = "message_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    purpose: Mapped[str] = mapped_column(String(200), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    recipient_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    recipient_email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    subject: Mapped[str] = mapped_column(String(300), default="", server_default="")
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    attachments: Mapped[str] = mapped_column(Text, default="", server_default="")  # file names, one per line
    channel: Mapped[str] = mapped_column(String(10), default="smtp", server_default="smtp")  # smtp, draft
    result: Mapped[str] = mapped_column(String(16), index=True)  # sent, drafted, failed, no_address
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    message_id: Mapped[str] = mapped_column(String(200), default="", server_default="")
    username: Mapped[str] = mapped_column(String(100), default="", server_default="")
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"), index=True)
    outreach_id: Mapped[int | None] = mapped_column(ForeignKey("outreach.id", ondelete="SET NULL"), index=True)
