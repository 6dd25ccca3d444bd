"""Partner universities and their contacts."""
from __future__ import annotations

from app.i18n import _
from app.records import RecordService
from app.rules import email_field, not_blank, timezone_field
from models import Partner, PartnerContact

partners = RecordService(
    Partner, _("partner university"),
    [
        not_blank("name", _("Name")),
        not_blank("country", _("Country")),
        timezone_field("timezone", _("Time zone")),
    ],
)
partner_contacts = RecordService(
    PartnerContact, _("partner contact"), [not_blank("name", _("Name")), email_field("email", _("E-mail"))]
)
