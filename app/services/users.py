"""Application users of a shared database."""
from __future__ import annotations

from app.i18n import _
from app.services.records import RecordService
from app.services.rules import not_blank
from models import User

users = RecordService(User, _("user"), [not_blank("username", _("User name"))])
