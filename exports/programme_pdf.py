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
from exports.document_labels import BOTH, Labels
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    BAND_FILL,
    DIVISION_EN,
    MM,
    NAVY,
    PagedDocument,
    PROGRAMME_EN,
    RULE,
    Styles,
    bold,
    build_bytes,
    footer_text,
    markup,
    numbered_canvas,
    page_of,
    para,
    rich,
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


def render_programme(data: ProgrammeData, *, fonts: FontSet | None = None, printed_on: date | None = None,
                     language: str = BOTH) -> bytes:
    """The semester programme as PDF bytes, its labels in `language` ("en", "zh" or "both")."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    t = Labels(language)
    printed_on = printed_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    width = PAGE[0] - 2 * MARGIN

    def build(buffer: Any) -> None:
        # multiBuild lays the story out until the contents' page numbers settle (two passes here).
        document = ProgrammeDocument(
            buffer, title=t("semester_programme_of", semester=data.semester), author=DIVISION_EN,
            creator=PROGRAMME_EN,
        )
        document.multiBuild(_story(data, style, width, t),
                            canvasmaker=numbered_canvas(fonts, footer_text(
                                t("semester_programme_of", semester=data.semester), printed_on, t), page_of(t)))

    return build_bytes(build)


def write_programme(data: ProgrammeData, target: Path, *, fonts: FontSet | None = None,
                    printed_on: date | None = None, language: str = BOTH) -> None:
    write_atomically(render_programme(data, fonts=fonts, printed_on=printed_on, language=language), target)


def _story(data: ProgrammeData, style: Styles, width: float, t: Labels) -> list[Flowable]:
    story = _cover(data, style, t)
    for index, month in enumerate(data.months):
        if index == 0:
            story.append(PageBreak())
        else:
            story.append(CondPageBreak(40 * MM))
        count = len(month.lines)
        story.append(MonthHeading(markup(t.month_title(month.year, month.month)), style.heading))
        story.append(para(t("one_workshop") if count == 1 else t("count_workshops", count=count), style.small))
        story.append(Spacer(1, 4))
        story.append(_month_table(month.lines, style, width, t))
    return story


def _cover(data: ProgrammeData, style: Styles, t: Labels) -> list[Flowable]:
    big = ParagraphStyle("cover-title", parent=style.title, fontSize=26, leading=32)
    semester = ParagraphStyle("cover-semester", parent=style.title, fontSize=20, leading=26, textColor=ACCENT)
    iad_now = datetime.combine(data.starts_on, datetime.min.time(), ZoneInfo(data.iad_timezone))
    span = ZoneSpan(data.iad_timezone, "", iad_now, iad_now)
    flow: list[Flowable] = [
        Paragraph(markup(t("programme_name", "  ·  ")), style.kicker),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=18),
        para(t("semester_programme"), big),
        para(data.semester, semester),
        Spacer(1, 4),
        para(f"{t.medium_date(data.starts_on)} – {t.medium_date(data.ends_on)}", style.subtitle),
        Spacer(1, 10),
        rich([(bold(str(data.workshop_count), style.fonts), ""), (" ", t("workshops", " / ")),
              ("   ·   " + bold(str(data.exchange_count), style.fonts), ""), (" ", t("exchanges", " / ")),
              ("   ·   " + bold(str(data.partner_count), style.fonts), ""), (" ", t("partner_universities", " / "))],
             style.subtitle),
        Spacer(1, 6),
        para(t("zone_note", "\n", zone=data.iad_timezone, label=zone_label(span)), style.body),
        Spacer(1, 16),
    ]
    if not data.months:
        flow.append(para(t("no_workshops", "\n"), style.subtitle))
        return flow
    contents = TableOfContents(dotsMinLevel=0, tableStyle=table_style(style.fonts, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    contents.levelStyles = [ParagraphStyle("toc", parent=style.body, fontSize=10.5, leading=16, leftIndent=0)]
    flow += [para(t("contents"), style.heading), contents]
    return flow


def _month_table(lines: tuple[ProgrammeLine, ...], style: Styles, width: float, t: Labels) -> Table:
    fractions = [0.10, 0.11, 0.15, 0.29, 0.20, 0.065, 0.085]  # the date holds a Chinese weekday too
    heads = [t(key, "\n") for key in ("date", "iad_clock", "partner_clock", "exchange", "partner", "round", "status")]
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
            para(_partner_time(iad, span, t, several=len(line.times) > 2), text) for span in line.times[1:]
        ] or [para(t("same_as_iad", "\n"), style.cell_small)]
        title = t.name(line.exchange_title, line.exchange_title_zh, "{en}\n{zh}")
        exchange = [para(title, style.cell_muted if cancelled else style.cell_title)]
        if line.departments:
            names = "; ".join(t.name(d.name_en, d.name_zh, "{zh}") for d in line.departments)
            exchange.append(para(names, style.cell_small))
        rows.append([
            para(t.short_date(iad.start.date()), text),
            para(f"{time_range(iad, t)} {zone_short(iad)}", text),
            partner_times,
            exchange,
            _partner_cell(line, text, style, t) or para("—", text),
            para(t("round_short", "\n", round=line.round_number, rounds=line.planned_rounds)
                 if line.planned_rounds > 1 else t("one_off", "\n"), text),
            para(t.enum(line.status, "\n"), style.cell_muted if cancelled else style.cell),
        ])
    return Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, splitInRow=60,
                 style=table_style(style.fonts, commands), hAlign="LEFT")


def _partner_cell(line: ProgrammeLine, text: ParagraphStyle, style: Styles, t: Labels) -> list[Flowable]:
    """The name in the document's language; with both, the Chinese name below the English one
    (wrapping inside a name in brackets reads badly)."""
    cell: list[Flowable] = []
    for partner in line.partners:
        if t.language == BOTH:
            cell.append(para(partner.name, text))
            if partner.name_zh:
                cell.append(para(partner.name_zh, style.cell_small))
        else:
            cell.append(para(t.name(partner.name, partner.name_zh), text))
    return cell


def _partner_time(iad: ZoneSpan, span: ZoneSpan, t: Labels, *, several: bool) -> str:
    text = f"{time_range(span, t)} {zone_short(span)}"
    if span.start.date() != iad.start.date():
        text = f"{t.short_date(span.start.date())}, {text}".replace("\n", " / ")
    if several:
        text = f"{zone_city(span.zone)}: {text}"
    return text
