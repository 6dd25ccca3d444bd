"""Partner universities and their contacts."""
from __future__ import annotations

from app.i18n import lazy_text
from app.records import RecordService
from app.rules import email_field, not_blank, timezone_field
from models import Partner, PartnerContact

partners = RecordService(
    Partner, lazy_text("partner university"),
    [
        not_blank("name", lazy_text("Name")),
        not_blank("country", lazy_text("Country")),
        timezone_field("timezone", lazy_text("Time zone")),
    ],
)
partner_contacts = RecordService(
    PartnerContact, lazy_text("partner contact"), [not_blank("name", lazy_text("Name")), email_field("email", lazy_text("E-mail"))]
)
