"""User settings: one JSON file in the user's config folder (platformdirs).

No password is ever stored here; shared-database passwords live in the
operating system's keyring (see app/storage/credentials.py).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "iad-workshops"
APP_AUTHOR = "IAD"


def config_dir() -> Path:
    override = os.environ.get("IAD_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    override = os.environ.get("IAD_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


DEFAULT_FILE_NAME = "iad-workshops.sqlite3"

# The languages a printed document can be in: English, Chinese, or both side by side.
DOCUMENT_LANGUAGES = ("en", "zh", "both")
# The documents printable in any of them, with the setting that holds each one's default.
DOCUMENT_LANGUAGE_SETTINGS = {
    "agenda": "agenda_language",
    "programme": "programme_language",
    "certificate": "certificate_language",
}


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / DEFAULT_FILE_NAME}"


def resolve_database_url(cli_value: str | None = None, settings: Settings | None = None) -> str:
    """Command line first, then IAD_DATABASE_URL, then the setting, then the local file."""
    if cli_value:
        return cli_value
    env = os.environ.get("IAD_DATABASE_URL")
    if env:
        return env
    if settings is not None and settings.database_url:
        return settings.database_url
    return default_database_url()


@dataclass
class Settings:
    database_url: str = ""  # empty: the local SQLite file in data_dir()
    iad_timezone: str = "Asia/Shanghai"
    office_hours_start: str = "08:00"
    office_hours_end: str = "20:00"
    # The IAD's rule: a workshop lasts 2.5–3 hours and a panel 30–40 minutes.
    workshop_minutes_min: int = 150
    workshop_minutes_max: int = 180
    panel_minutes_min: int = 30
    panel_minutes_max: int = 40
    report_due_days: int = 30
    attachment_limit_mb: int = 25
    cjk_font_path: str = ""
    backup_keep: int = 10
    backup_interval_hours: int = 24
    interview_interval_months: int = 6
    language: str = ""  # "zh_CN" or "en"; empty: the system's language (app/i18n.py)
    # The office's mail server; its password is in the keyring (app/storage/credentials.py).
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls, ssl or none
    smtp_username: str = ""
    mail_from_address: str = ""
    mail_from_name: str = "International Affairs Division"
    mail_pause_seconds: float = 1.0
    # Default language of each printed document (one of DOCUMENT_LANGUAGES): an agenda
    # goes to a partner, so English; the certificate is bilingual.
    agenda_language: str = "en"
    programme_language: str = "both"
    certificate_language: str = "both"
    visit_weights: dict[str, float] = field(
        default_factory=lambda: {
            "rounds_attended": 2.0,
            "report_accepted": 3.0,
            "report_published": 2.0,
            "department_evaluation": 1.0,
            "prior_visits": -2.0,
        }
    )

    def document_language(self, document: str) -> str:
        """The default language of a printed document ("agenda", "programme", "certificate");
        English if the settings file holds something else."""
        value = getattr(self, DOCUMENT_LANGUAGE_SETTINGS[document], "")
        return value if value in DOCUMENT_LANGUAGES else DOCUMENT_LANGUAGES[0]

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            # A damaged settings file must not stop the program; keep it for inspection.
            path.replace(path.with_suffix(".damaged.json"))
            return cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in raw.items() if k in known}
        return cls(**values)

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
