"""The semester programme: every workshop of a semester, month by month (A4 landscape).

Rendered only from app.views.documents.ProgrammeData. The first page is a cover with
the semester, a summary and the contents (reportlab's TableOfContents, filled
by multiBuild); then one table per month, one line per workshop with its date
and time in the IAD's zone and in the partner's, the exchange, the partner, the
round and the status.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents

from app.views.documents import ProgrammeData, ProgrammeLine, ZoneSpan
from app.i18n import _
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    BAND_FILL,
    DIVISION_EN,
    MM,
    NAVY,
    PagedDocument,
    PROGRAMME_EN,
    PROGRAMME_ZH,
    RULE,
    Styles,
    bold,
    build_bytes,
    footer_text,
    markup,
    medium_date,
    month_title,
    numbered_canvas,
    page_of,
    para,
    rich,
    short_date,
    styles,
    table_style,
    time_range,
    write_atomically,
    zone_city,
    zone_label,
    zone_short,
)

MARGIN = 18 * MM
PAGE = landscape(A4)


class MonthHeading(Paragraph):
    """A month's heading; the document lists these in the contents."""


class ProgrammeDocument(PagedDocument):
    def __init__(self, buffer: Any, **kwargs: Any) -> None:
        super().__init__(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=15 * MM,
                         bottomMargin=20 * MM, **kwargs)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, MonthHeading):
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def render_programme(data: ProgrammeData, *, fonts: FontSet | None = None, printed_on: date | None = None) -> bytes:
    """The semester programme as PDF bytes."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    printed_on = printed_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    width = PAGE[0] - 2 * MARGIN

    def build(buffer: Any) -> None:
        # multiBuild lays the story out until the contents' page numbers settle (two passes here).
        document = ProgrammeDocument(
            buffer, title=f"{_('Semester programme')} {data.semester}", author=DIVISION_EN, creator=PROGRAMME_EN,
        )
        document.multiBuild(_story(data, style, width),
                            canvasmaker=numbered_canvas(fonts, footer_text(
                                _("Semester programme {semester}").format(semester=data.semester), printed_on),
                                page_of()))

    return build_bytes(build)


def write_programme(data: ProgrammeData, target: Path, *, fonts: FontSet | None = None,
                    printed_on: date | None = None) -> None:
    write_atomically(render_programme(data, fonts=fonts, printed_on=printed_on), target)


def _story(data: ProgrammeData, style: Styles, width: float) -> list[Flowable]:
    story = _cover(data, style)
    for index, month in enumerate(data.months):
        if index == 0:
            story.append(PageBreak())
        else:
            story.append(CondPageBreak(40 * MM))
        count = len(month.lines)
        heading = f"{month_title(month.year, month.month)} · {month.year}年{month.month}月"
        story.append(MonthHeading(markup(heading), style.heading))
        story.append(para(_("1 workshop") if count == 1 else _("{count} workshops").format(count=count),
                          style.small))
        story.append(Spacer(1, 4))
        story.append(_month_table(month.lines, style, width))
    return story


def _cover(data: ProgrammeData, style: Styles) -> list[Flowable]:
    big = ParagraphStyle("cover-title", parent=style.title, fontSize=26, leading=32)
    semester = ParagraphStyle("cover-semester", parent=style.title, fontSize=20, leading=26, textColor=ACCENT)
    iad_now = datetime.combine(data.starts_on, datetime.min.time(), ZoneInfo(data.iad_timezone))
    span = ZoneSpan(data.iad_timezone, "", iad_now, iad_now)
    flow: list[Flowable] = [
        Paragraph(markup(f"{PROGRAMME_EN}  ·  {PROGRAMME_ZH}"), style.kicker),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=18),
        Paragraph(markup(_("Semester programme") + " · 学期工作坊日程"), big),
        para(data.semester, semester),
        Spacer(1, 4),
        para(f"{medium_date(data.starts_on)} – {medium_date(data.ends_on)}", style.subtitle),
        Spacer(1, 10),
        rich([(bold(str(data.workshop_count), style.fonts), ""), (" ", _("workshops")),
              ("   ·   " + bold(str(data.exchange_count), style.fonts), ""), (" ", _("exchanges")),
              ("   ·   " + bold(str(data.partner_count), style.fonts), ""), (" ", _("partner universities"))],
             style.subtitle),
        Spacer(1, 6),
        para(_("Dates and times are given in the IAD's zone ({zone}, {label}) and in each partner's local time; "
               "a partner's date is shown where it differs.").format(zone=data.iad_timezone,
                                                                    label=zone_label(span)), style.body),
        Spacer(1, 16),
    ]
    if not data.months:
        flow.append(para(_("No workshops are scheduled in this semester yet."), style.subtitle))
        return flow
    contents = TableOfContents(dotsMinLevel=0, tableStyle=table_style(style.fonts, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    contents.levelStyles = [ParagraphStyle("toc", parent=style.body, fontSize=10.5, leading=16, leftIndent=0)]
    flow += [Paragraph(markup(_("Contents") + " · 目录"), style.heading), contents]
    return flow


def _month_table(lines: tuple[ProgrammeLine, ...], style: Styles, width: float) -> Table:
    fractions = [0.08, 0.11, 0.15, 0.31, 0.20, 0.065, 0.085]
    heads = [_("Date"), _("IAD time"), _("Partner's local time"), _("Exchange"), _("Partner"), _("Round"),
             _("Status")]
    rows: list[list[Any]] = [[para(h, style.cell_head) for h in heads]]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, BAND_FILL]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for line in lines:
        iad = line.times[0]
        cancelled = line.status.value == "cancelled"
        text = style.cell_small if cancelled else style.cell
        partner_times = [
            para(_partner_time(iad, span, several=len(line.times) > 2), text) for span in line.times[1:]
        ] or [para(_("same as IAD"), style.cell_small)]
        exchange = [para(line.exchange_title, style.cell_muted if cancelled else style.cell_title)]
        if line.departments:
            exchange.append(para("; ".join(d.name_zh or d.name_en for d in line.departments), style.cell_small))
        rows.append([
            para(short_date(iad.start.date()), text),
            para(f"{time_range(iad)} {zone_short(iad)}", text),
            partner_times,
            exchange,
            _partner_cell(line, text, style) or para("—", text),
            para(_("{round} of {rounds}").format(round=line.round_number, rounds=line.planned_rounds)
                 if line.planned_rounds > 1 else _("One-off"), text),
            para(line.status.label, style.cell_muted if cancelled else style.cell),
        ])
    return Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, splitInRow=60,
                 style=table_style(style.fonts, commands), hAlign="LEFT")


def _partner_cell(line: ProgrammeLine, text: ParagraphStyle, style: Styles) -> list[Flowable]:
    """English name, and the Chinese name below it: wrapping inside a name in brackets reads badly."""
    cell: list[Flowable] = []
    for partner in line.partners:
        cell.append(para(partner.name, text))
        if partner.name_zh:
            cell.append(para(partner.name_zh, style.cell_small))
    return cell


def _partner_time(iad: ZoneSpan, span: ZoneSpan, *, several: bool) -> str:
    text = f"{time_range(span)} {zone_short(span)}"
    if span.start.date() != iad.start.date():
        text = f"{short_date(span.start.date())}, {text}"
    if several:
        text = f"{zone_city(span.zone)}: {text}"
    return text
