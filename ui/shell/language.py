"""The interface language in the window: gettext for app/, Qt translators for ui/ and Qt's own dialogs.

The setting ("zh_CN", "en", or empty for the system's language) is read at start; a new
choice in Edit → Settings takes effect when the program is started again.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import CHINESE, install_language, resolve_language

QM_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "iad_zh_CN.qm"

_installed: list[QTranslator] = []
_system_locale: QLocale | None = None


def install_interface_language(setting: str | None) -> str:
    """Translate messages, widgets and Qt's standard buttons; dates in widgets follow. Returns "zh_CN" or "en"."""
    global _system_locale
    language = install_language(resolve_language(setting))
    application = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if _system_locale is None:
        _system_locale = QLocale()
    if language != CHINESE:
        QLocale.setDefault(_system_locale)
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript,
                               QLocale.Country.China))
    ours = QTranslator(application)
    if not ours.load(str(QM_FILE)):
        raise RuntimeError(f"The Chinese translation {QM_FILE} cannot be loaded; run `make translations`.")
    _installed.append(ours)
    qt_own = QTranslator(application)
    # Qt's standard buttons and dialogs (OK, Cancel, Save, the file dialog); PySide6 ships these.
    if qt_own.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    return language
