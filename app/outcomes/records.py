"""The record rules of reports and follow-up contacts: the checks every save must pass."""
from __future__ import annotations

from app.i18n import lazy_text
from app.records import RecordService
from app.rules import date_order
from models import FollowUpContact, Report

reports = RecordService(
    Report, lazy_text("report"), [date_order("submitted_on", "published_on", lazy_text("A report cannot be published before it was submitted."))]
)
follow_ups = RecordService(FollowUpContact, lazy_text("follow-up contact"))
