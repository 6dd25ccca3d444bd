"""The one translation function for code outside Qt.

Strings are marked with `_()` from the start so a Chinese interface is a
translation file, not a rewrite. Qt widgets use `self.tr()` instead.
"""
from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def install_language(language: str) -> None:
    """Switch messages to `language` ("zh_CN", "en"); unknown languages fall back to English."""
    global _translation
    _translation = gettext.translation("iad", localedir=_LOCALE_DIR, languages=[language], fallback=True)


def _(message: str) -> str:
    return _translation.gettext(message)
