"""The interface language for code outside Qt: gettext `_()`, the language choice, dates in words.

Strings are marked with `_()` from the start so a Chinese interface is a translation file,
not a rewrite; Qt widgets use `self.tr()` instead. The catalogue lives in
resources/locale/zh_CN/LC_MESSAGES/iad.po (compiled to iad.mo); docs/languages.md says how
to update it after changing a string.

The language is "zh_CN" or "en". The setting decides; while it is empty the system's locale
does (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Linux and macOS, the user's interface
language on Windows).
"""
from __future__ import annotations

import gettext
import locale
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
DOMAIN = "iad"
CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


def _(message: str) -> str:
    return _translation.gettext(message)


class LazyText(str):
    """A message for a module-level constant (a record's name, a field's label): its `str()` and
    `format()` give the translation in the language in use when shown, not when imported.

    Hand it to Qt or join it as `str(text)`; `.format(label=text)` translates by itself."""

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def lazy_text(message: str) -> LazyText:
    return LazyText(message)


def normalise_language(code: str | None) -> str | None:
    """"zh_CN.UTF-8", "zh-Hans", "zh" → "zh_CN"; "en_GB" → "en"; anything else → None."""
    if not code:
        return None
    head = code.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if head.startswith("zh"):
        # Traditional Chinese readers are better served by Simplified Chinese than by English.
        return CHINESE
    if head.startswith("en") or head in ("c", "posix"):
        return ENGLISH
    return None


def _windows_ui_language() -> str | None:
    try:
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(int(lcid))


def system_language(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The language the system asks for, among the two the program speaks (English otherwise)."""
    env = os.environ if environ is None else environ
    # LANGUAGE is a colon-separated list of preferences; the first we speak wins.
    for code in env.get("LANGUAGE", "").split(":"):
        found = normalise_language(code)
        if found:
            return found
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return normalise_language(env[name]) or ENGLISH
    if sys.platform == "win32" and environ is None:
        return normalise_language(_windows_ui_language()) or ENGLISH
    return ENGLISH


def resolve_language(setting: str | None, environ: dict[str, str] | None = None) -> str:
    """The setting when one was chosen ("zh_CN" or "en"), else the system's language."""
    return normalise_language(setting) or system_language(environ)


def install_language(language: str) -> str:
    """Switch messages and enum labels to `language`; unknown languages fall back to English.

    Returns the language now in use ("zh_CN" or "en")."""
    global _translation, _language
    chosen = normalise_language(language) or ENGLISH
    if chosen == ENGLISH:
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[chosen], fallback=True)
    _language = chosen
    # Not imported here: the window shows before the database layer (models) loads. When
    # models.enums loads later it takes label_translator() itself.
    enums = sys.modules.get("models.enums")
    if enums is not None:
        enums.set_label_translator(label_translator())
    return chosen


def label_translator() -> Callable[[str], str] | None:
    """What turns an enum's English label into the interface language (None: English)."""
    return _ if _language != ENGLISH else None


def current_language() -> str:
    return _language


def is_chinese() -> bool:
    return _language == CHINESE


@contextmanager
def language(code: str) -> Iterator[str]:
    """Messages in `code` inside the block (a document printed for a partner), the previous language after it."""
    before = _language
    try:
        yield install_language(code)
    finally:
        install_language(before)


# ---- dates and numbers in the interface language ---------------------------------------
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZH_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_ZH_SHORT_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def weekday_name(day: date) -> str:
    """"Thursday" / "星期四"."""
    return (_ZH_WEEKDAYS if is_chinese() else _EN_WEEKDAYS)[day.weekday()]


def short_weekday(day: date) -> str:
    """"Thu" / "周四"."""
    return _ZH_SHORT_WEEKDAYS[day.weekday()] if is_chinese() else _EN_WEEKDAYS[day.weekday()][:3]


def long_date(day: date) -> str:
    """"15 Oct 2026" / "2026年10月15日"."""
    if is_chinese():
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day:02d} {_EN_MONTHS[day.month - 1]} {day.year}"


def date_with_weekday(day: date) -> str:
    """"Thu 15 Oct 2026" / "2026年10月15日 周四"."""
    if is_chinese():
        return f"{long_date(day)} {short_weekday(day)}"
    return f"{short_weekday(day)} {long_date(day)}"


def moment_with_weekday(moment: datetime) -> str:
    """A local time with its day: "Thu 15 Oct 2026 14:00" / "2026年10月15日 周四 14:00"."""
    return f"{date_with_weekday(moment.date())} {moment:%H:%M}"


def short_day(day: date) -> str:
    """The day without its year: "Thu 15 Oct" / "10月15日 周四"."""
    if is_chinese():
        return f"{day.month}月{day.day}日 {short_weekday(day)}"
    return f"{short_weekday(day)} {day.day:02d} {_EN_MONTHS[day.month - 1]}"


def short_moment(moment: datetime) -> str:
    """"Thu 15 Oct 15:00" / "10月15日 周四 15:00"."""
    return f"{short_day(moment.date())} {moment:%H:%M}"


def list_date(day: date) -> str:
    """A date in a list column: "2026-10-15" / "2026年10月15日"; sorting uses the value, not this text."""
    return long_date(day) if is_chinese() else day.isoformat()


def list_moment(moment: datetime) -> str:
    """A local time in a list column: "2026-10-15 14:00" / "2026年10月15日 周四 14:00"."""
    return moment_with_weekday(moment) if is_chinese() else moment.strftime("%Y-%m-%d %H:%M")
