"""`tr()` for code that is not a widget method (menu installers, module functions, plain classes).

pyside6-lupdate files a bare `tr("…")` call under the empty context, so this looks it up
there; `self.tr()` in a widget uses the class's own context. Both end up in
resources/translations/iad_zh_CN.ts (docs/languages.md).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a string in a class body or a constant for translation; `tr()` translates it when shown."""
    return text


# The database tables, as the audit log and delete confirmations name them.
TABLE_NAMES = {name: name for name in (
    QT_TR_NOOP("audit_entries"), QT_TR_NOOP("departments"), QT_TR_NOOP("partners"), QT_TR_NOOP("rubric_items"),
    QT_TR_NOOP("semesters"), QT_TR_NOOP("topic_areas"), QT_TR_NOOP("users"), QT_TR_NOOP("evaluations"),
    QT_TR_NOOP("follow_up_contacts"), QT_TR_NOOP("partner_contacts"), QT_TR_NOOP("people"),
    QT_TR_NOOP("topic_proposals"), QT_TR_NOOP("evaluation_actions"), QT_TR_NOOP("evaluation_scores"),
    QT_TR_NOOP("exchanges"), QT_TR_NOOP("outreach"), QT_TR_NOOP("visit_priorities"),
    QT_TR_NOOP("evaluation_exchanges"), QT_TR_NOOP("exchange_contacts"), QT_TR_NOOP("exchange_departments"),
    QT_TR_NOOP("exchange_partners"), QT_TR_NOOP("participations"), QT_TR_NOOP("workshops"), QT_TR_NOOP("attendance"),
    QT_TR_NOOP("panels"), QT_TR_NOOP("preparations"), QT_TR_NOOP("reports"), QT_TR_NOOP("panel_speakers"),
    QT_TR_NOOP("report_files"))}


def table_name(name: str) -> str:
    """A table's name for people: "visit_priorities" → "出访优先" / "visit priorities"."""
    shown = tr(TABLE_NAMES.get(name, name))
    return shown.replace("_", " ") if shown == name else shown


def counted(n: int, name: str) -> str:
    """"5 panels" / "分论坛 5 项" for a table's rows."""
    return tr("{n} {things}").replace("{n}", str(n)).replace("{things}", table_name(name))
