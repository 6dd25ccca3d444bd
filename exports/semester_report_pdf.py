"""The semester report (A4): what was held, with whom, and what came of it, for the division's management.

Rendered only from app.views.semester_report.SemesterReportData. The semester in figures,
then exchanges and workshops per partner and per department, participants and attendance,
reports (owed, submitted, accepted, published with their links), interviews (averages and
each one's main finding), the agreed actions still open and the top of the visit priority
list for the partners met. Every section says so when it has nothing to show.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Spacer

from app.evaluation.interviews import SCORE_MAX
from app.i18n import _
from app.views.semester_report import HeldLine, SemesterReportData
from exports.evaluation_summary_pdf import one_decimal
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    MM,
    Styles,
    bold,
    cell_text,
    facts_table,
    inner_widths,
    kicker_row,
    link_markup,
    list_table,
    markup,
    medium_date,
    numbered_document,
    para,
    rich,
    styles,
    write_atomically,
)

MARGIN = 18 * MM
TOP = 15 * MM
BOTTOM = 20 * MM
LABEL_WIDTH = 55 * MM


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def render_semester_report(data: SemesterReportData, *, fonts: FontSet | None = None,
                           printed_on: date | None = None) -> bytes:
    """The semester report as PDF bytes."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    printed_on = printed_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    width = A4[0] - 2 * MARGIN
    story: list[Flowable] = [
        *_header(data, style, width),
        *_held(data, style, width),
        *_attendance(data, style, width),
        *_reports(data, style, width),
        *_interviews(data, style, width),
        *_actions(data, style, width),
        *_candidates(data, style, width),
    ]

    return numbered_document(story, fonts=fonts, pagesize=A4, margin=MARGIN, top=TOP, bottom=BOTTOM,
                             title=f"{_('Semester report')} {data.semester}",
                             footer=_("Semester report {semester}").format(semester=data.semester),
                             printed_on=printed_on)


def write_semester_report(data: SemesterReportData, target: Path, *, fonts: FontSet | None = None,
                          printed_on: date | None = None) -> None:
    write_atomically(render_semester_report(data, fonts=fonts, printed_on=printed_on), target)


def _section(title: str, style: Styles) -> list[Flowable]:
    return [CondPageBreak(40 * MM), Paragraph(markup(title), style.heading)]


def _nothing(text: str, style: Styles) -> Paragraph:
    return para(text, style.small)


def _header(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    semester = ParagraphStyle("report-semester", parent=style.title, fontSize=14, leading=18, textColor=ACCENT,
                              spaceBefore=0)
    fonts = style.fonts
    figures: list[tuple[str, str]] = [
        (bold(str(data.exchanges), fonts), " " + _("exchanges")),
        ("   ·   " + bold(str(data.workshops_held), fonts), " " + _("workshops held")),
        ("   ·   " + bold(str(data.participants), fonts), " " + _("participants")),
        ("   ·   " + bold(str(data.reports_published), fonts), " " + _("reports published")),
    ]
    return [
        kicker_row(_("Semester report") + " · 学期报告", style, width),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=6),
        para(_("Semester report"), style.title),
        para(data.semester, semester),
        rich(figures, style.subtitle),
        para(_("{start} to {end}").format(start=medium_date(data.starts_on), end=medium_date(data.ends_on)),
             style.small),
        Spacer(1, 6),
    ]


def _held_table(lines: tuple[HeldLine, ...], first: str, others: str, style: Styles, width: float) -> Any:
    fractions = [0.28, 0.11, 0.09, 0.11, 0.12, 0.29]
    widths = inner_widths(fractions, width)
    number = ParagraphStyle("held-number", parent=style.cell_head, alignment=TA_CENTER)
    rows: list[list[Any]] = [[para(first, style.cell_head), para(_("Exchanges"), number), para(_("Held"), number),
                              para(_("Cancelled"), number), para(_("Participants"), number),
                              para(others, style.cell_head)]]
    for line in lines:
        rows.append([cell_text(line.name, style.cell, widths[0]), str(line.exchanges), str(line.workshops_held),
                     str(line.workshops_cancelled), str(line.participants),
                     cell_text(line.others or "—", style.cell, widths[5])])
    return list_table(rows, fractions, width, style, [("ALIGN", (1, 1), (4, -1), "CENTER")])


def _held(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    flow = _section(_("Exchanges and workshops per partner"), style)
    flow.append(_held_table(data.partners, _("Partner"), _("Departments"), style, width) if data.partners
                else _nothing(_("No exchanges this semester."), style))
    flow += _section(_("Exchanges and workshops per department"), style)
    flow.append(_held_table(data.departments, _("Department"), _("Partners"), style, width) if data.departments
                else _nothing(_("No exchanges this semester."), style))
    return flow


def _facts(rows: list[tuple[str, str]], style: Styles, width: float) -> Any:
    return facts_table([[para(label, style.cell_muted), para(value, style.cell)] for label, value in rows],
                       LABEL_WIDTH, width, style)


def _attendance(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    return [*_section(_("Participants and attendance"), style), _facts([
        (_("Workshops held"), str(data.workshops_held)),
        (_("Workshops planned, not yet held"), str(data.workshops_planned)),
        (_("Workshops cancelled"), str(data.workshops_cancelled)),
        (_("Participants"), str(data.participants)),
        (_("Attendance at held workshops"),
         _("{rate} ({attended} of {expected} places)").format(
             rate=percent(data.attendance), attended=data.seats_attended, expected=data.seats_expected)),
    ], style, width)]


def _reports(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    flow = [*_section(_("Reports"), style), _facts([
        (_("Reports owed"), str(data.reports_owed)),
        (_("Submitted"), str(data.reports_submitted)),
        (_("Accepted"), str(data.reports_accepted)),
        (_("Published"), str(data.reports_published)),
    ], style, width), Spacer(1, 6)]
    if not data.published:
        return [*flow, _nothing(_("No report of this semester has been published yet."), style)]
    fractions = [0.30, 0.18, 0.17, 0.13, 0.22]
    widths = inner_widths(fractions, width)
    rows: list[list[Any]] = [[para(head, style.cell_head) for head in (
        _("Title"), _("Author"), _("Channel"), _("Published"), _("Link"))]]
    for report in data.published:
        link = Paragraph(link_markup(report.url, report.url), style.cell) if report.url else para("—", style.cell)
        rows.append([cell_text(report.title, style.cell, widths[0]), cell_text(report.author, style.cell, widths[1]),
                     cell_text(report.channel, style.cell, widths[2]),
                     medium_date(report.published_on) if report.published_on else "—", link])
    return [*flow, list_table(rows, fractions, width, style)]


def _interviews(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    flow = _section(_("Department interviews"), style)
    if not data.interviews:
        return [*flow, _nothing(_("No department was interviewed this semester."), style)]
    average = one_decimal(data.interview_average)
    if average:
        flow += [rich([(_("Average score over all interviews") + ": ", ""), (bold(average, style.fonts), ""),
                       (" ", _("of {max}").format(max=SCORE_MAX))], style.body), Spacer(1, 4)]
    fractions = [0.24, 0.14, 0.09, 0.53]
    widths = inner_widths(fractions, width)
    centered = ParagraphStyle("interview-average", parent=style.cell_head, alignment=TA_CENTER)
    rows: list[list[Any]] = [[para(_("Department"), style.cell_head), para(_("Date"), style.cell_head),
                              para(_("Average"), centered), para(_("Main finding"), style.cell_head)]]
    for line in data.interviews:
        rows.append([cell_text(line.department, style.cell, widths[0]), medium_date(line.interview_date),
                     one_decimal(line.average) or "—", cell_text(line.finding or "—", style.cell, widths[3])])
    return [*flow, list_table(rows, fractions, width, style, [("ALIGN", (2, 1), (2, -1), "CENTER")])]


def _actions(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    flow = _section(_("Agreed actions still open"), style)
    if not data.open_actions:
        return [*flow, _nothing(_("Every action agreed in this semester's interviews is done."), style)]
    fractions = [0.24, 0.44, 0.14, 0.18]
    widths = inner_widths(fractions, width)
    rows: list[list[Any]] = [[para(head, style.cell_head) for head in (
        _("Department"), _("Action"), _("Owner"), _("Due"))]]
    for action in data.open_actions:
        due = medium_date(action.due_on) if action.due_on else "—"
        if action.overdue:
            due += " · " + _("overdue")
        rows.append([cell_text(action.department, style.cell, widths[0]),
                     cell_text(action.description, style.cell, widths[1]),
                     cell_text(action.owner or "—", style.cell, widths[2]), cell_text(due, style.cell, widths[3])])
    return [*flow, list_table(rows, fractions, width, style)]


def _candidates(data: SemesterReportData, style: Styles, width: float) -> list[Flowable]:
    flow = _section(_("Visit priority: top candidates for the partners met"), style)
    if not data.candidates:
        return [*flow, _nothing(_("No visit priority has been computed for this semester's partners."), style)]
    fractions = [0.06, 0.26, 0.24, 0.24, 0.08, 0.12]
    widths = inner_widths(fractions, width)
    right = ParagraphStyle("candidate-score", parent=style.cell_head, alignment=TA_RIGHT)
    rows: list[list[Any]] = [[para(_("#"), style.cell_head), para(_("Person"), style.cell_head),
                              para(_("Department"), style.cell_head), para(_("Partner"), style.cell_head),
                              para(_("Score"), right), para(_("Status"), style.cell_head)]]
    for candidate in data.candidates:
        rows.append([str(candidate.rank), cell_text(candidate.person, style.cell, widths[1]),
                     cell_text(candidate.department, style.cell, widths[2]),
                     cell_text(candidate.partner, style.cell, widths[3]), f"{candidate.score:.1f}",
                     cell_text(candidate.status, style.cell, widths[5])])
    return [*flow, list_table(rows, fractions, width, style, [("ALIGN", (4, 1), (4, -1), "RIGHT")])]
