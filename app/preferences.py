"""Checking the settings an officer edits, so a bad value names its field and nothing is saved."""
from __future__ import annotations

from pathlib import Path

from app.errors import ValidationError
from app.i18n import _, lazy_text
from app.rules import valid_timezone
from app.settings import DOCUMENT_LANGUAGE_SETTINGS, DOCUMENT_LANGUAGES, Settings
from app.evaluation.visit_ranking import check_weights
from app.planning.zones import OfficeHours

# field -> (label, lowest, highest)
WHOLE_NUMBERS: dict[str, tuple[str, int, int]] = {
    "workshop_minutes_min": (lazy_text("Shortest usual workshop (minutes)"), 30, 600),
    "workshop_minutes_max": (lazy_text("Longest usual workshop (minutes)"), 30, 600),
    "panel_minutes_min": (lazy_text("Shortest usual panel (minutes)"), 5, 240),
    "panel_minutes_max": (lazy_text("Longest usual panel (minutes)"), 5, 240),
    "report_due_days": (lazy_text("Reports due after the last round (days)"), 1, 365),
    "attachment_limit_mb": (lazy_text("Largest report file (MB)"), 1, 500),
    "backup_keep": (lazy_text("Automatic backups kept"), 1, 100),
    "backup_interval_hours": (lazy_text("Automatic backup every (hours)"), 1, 168),
    "interview_interval_months": (lazy_text("Interview due after (months)"), 1, 36),
}


def check_settings(settings: Settings) -> None:
    """Raise ValidationError for the first field an officer must correct."""
    if not valid_timezone(settings.iad_timezone):
        raise ValidationError("iad_timezone", _("'{zone}' is not a known time zone (for example Asia/Shanghai).")
                              .format(zone=settings.iad_timezone))
    OfficeHours.from_settings(settings)
    for field, (label, low, high) in WHOLE_NUMBERS.items():
        value = getattr(settings, field)
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(field, _("{label} must be between {low} and {high}.").format(
                label=label, low=low, high=high))
    for low_field, high_field, what in (("workshop_minutes_min", "workshop_minutes_max", _("workshop")),
                                        ("panel_minutes_min", "panel_minutes_max", _("panel"))):
        if getattr(settings, high_field) < getattr(settings, low_field):
            raise ValidationError(high_field, _("The longest usual {what} must not be shorter than the shortest.")
                                  .format(what=what))
    font = settings.cjk_font_path.strip()
    if font:
        path = Path(font.rsplit(",", 1)[0] if font.rsplit(",", 1)[-1].isdigit() else font)
        if not path.is_file():
            raise ValidationError("cjk_font_path", _("The font file {path} does not exist.").format(path=path))
        if path.suffix.lower() not in (".ttf", ".ttc"):
            raise ValidationError("cjk_font_path", _("Choose a TrueType font (.ttf or .ttc); PDF documents cannot "
                                                     "embed {suffix} fonts.").format(suffix=path.suffix or "these"))
    for field in DOCUMENT_LANGUAGE_SETTINGS.values():
        if getattr(settings, field) not in DOCUMENT_LANGUAGES:
            raise ValidationError(field, _("Choose English, Chinese or both for the document language."))
    check_weights(settings.visit_weights)
