"""Foreign partner universities and their staff."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Versioned
from models.enums import PartnerStatus, db_enum


class Partner(Versioned, Base):
    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    country: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(100), default="", server_default="")
    timezone: Mapped[str] = mapped_column(String(64))  # IANA name, e.g. "Europe/London"
    website: Mapped[str] = mapped_column(String(300), default="", server_default="")
    languages: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "English, German"
    region: Mapped[str] = mapped_column(String(60), default="", server_default="")
    status: Mapped[PartnerStatus] = mapped_column(
        db_enum(PartnerStatus), default=PartnerStatus.ACTIVE, server_default=PartnerStatus.ACTIVE.value
    )
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The partner's working day on its own clock ("09:00"); empty: the office hours in the settings.
    office_hours_start: Mapped[str] = mapped_column(String(5), default="", server_default="")
    office_hours_end: Mapped[str] = mapped_column(String(5), default="", server_default="")

    contacts: Mapped[list[PartnerContact]] = relationship(
        back_populates="partner", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PartnerContact.name",
    )


class PartnerContact(Versioned, Base):
    """A counterpart at a partner university."""

    __tablename__ = "partner_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[str] = mapped_column(String(200), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")

    partner: Mapped[Partner] = relationship(back_populates="contacts")
