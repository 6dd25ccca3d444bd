"""What every printed document shares: escaping, styles, dates and times, the page footer, writing the file.

User text reaches reportlab only through `para()`/`markup()`, which escape it:
reportlab's Paragraph reads a small XML markup language in which `<img src=…>`
would read a file and an unbalanced tag would stop the document.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from app.views.documents import ZoneSpan
from app.i18n import _
from app.output_files import write_bytes
from exports.document_labels import EN, ZH, Labels, long_date_en, medium_date_en, zh_date
from exports.fonts import FontSet, warn_if_unprintable

# The programme's name is printed in both languages on every document, whatever
# the interface language, so these two are not passed through _().
PROGRAMME_EN = "IAD Online Workshops"
PROGRAMME_ZH = "国际合作与交流处 在线研讨会"
DIVISION_EN = "International Affairs Division"
DIVISION_ZH = "国际合作与交流处"

NAVY = colors.HexColor("#1F3A5F")
ACCENT = colors.HexColor("#A4343A")  # the university red, used sparingly
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5B6573")
RULE = colors.HexColor("#C5CDD8")
HEADER_FILL = colors.HexColor("#E6ECF3")
BAND_FILL = colors.HexColor("#F4F6F9")

# C0 controls (other than tab and newline) and lone surrogates cannot be drawn and upset the parser.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def markup(value: str) -> str:
    """User text as Paragraph markup that prints literally: tags, entities and all."""
    cleaned = _UNPRINTABLE.sub("", value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return escape(cleaned).replace("\n", "<br/>")


def has_cjk(value: str) -> bool:
    return _CJK.search(value) is not None


def para(value: str, style: ParagraphStyle, *, trusted_markup: str = "") -> Paragraph:
    """A Paragraph of user text (escaped), after optional markup of ours.

    Text with Chinese characters wraps between any two characters (there are no
    spaces to wrap at); reportlab's CJK wrapping still keeps short Latin words whole.
    """
    text = trusted_markup + markup(value)
    warn_if_unprintable(style.fontName, value)
    if has_cjk(value):
        style = cjk_variant(style)
    return Paragraph(text, style)


def cell_text(value: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Text for a table cell: a plain string when it fits on one line, else a wrapping Paragraph.

    A plain string is drawn as is (no markup is read) and costs a fraction of a
    Paragraph; long lists such as participants are made mostly of short values.
    The table must set FONTNAME, FONTSIZE and TEXTCOLOR to the style's (`list_cell_commands`).
    """
    cleaned = _UNPRINTABLE.sub("", value).replace("\t", " ")
    if "\n" not in cleaned and "\r" not in cleaned and \
            stringWidth(cleaned, style.fontName, style.fontSize) <= width:
        warn_if_unprintable(style.fontName, cleaned)
        return cleaned
    return para(value, style)


def list_cell_commands(style: ParagraphStyle, first_row: int = 1) -> list[tuple[Any, ...]]:
    """The font of plain-string cells (see `cell_text`), matching the Paragraph style."""
    return [("FONTNAME", (0, first_row), (-1, -1), style.fontName),
            ("FONTSIZE", (0, first_row), (-1, -1), style.fontSize),
            ("LEADING", (0, first_row), (-1, -1), style.leading),
            ("TEXTCOLOR", (0, first_row), (-1, -1), style.textColor)]


def rich(parts: Sequence[tuple[str, str]], style: ParagraphStyle) -> Paragraph:
    """A Paragraph from (trusted markup, user text) pairs: our bold labels, the user's values escaped."""
    text = "".join(tag + markup(value) for tag, value in parts)
    if any(has_cjk(value) for _tag, value in parts):
        style = cjk_variant(style)
    return Paragraph(text, style)


def cjk_variant(style: ParagraphStyle) -> ParagraphStyle:
    """The same style wrapping between any two characters; made once and kept on the style."""
    found: ParagraphStyle | None = getattr(style, "_cjk_variant", None)
    if found is None:
        found = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
        style._cjk_variant = found
    return found


def bold(text: str, fonts: FontSet) -> str:
    """Trusted markup: our own label in a bold face (escaped all the same).

    Most CJK fonts come without a bold file; a label without Chinese then uses
    an embedded Latin bold font (DejaVu Sans, Arial, Segoe UI) where there is one.
    """
    face = fonts.latin_bold if fonts.latin_bold and not has_cjk(text) else fonts.bold
    return f'<font name="{face}">{escape(text)}</font>'


# ---- styles ------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    kicker: ParagraphStyle
    kicker_right: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_title: ParagraphStyle
    cell_head: ParagraphStyle
    speaker: ParagraphStyle
    centered: ParagraphStyle
    right: ParagraphStyle


@lru_cache(maxsize=4)
def styles(fonts: FontSet) -> Styles:
    regular, heavy = fonts.regular, fonts.bold
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11)
    kicker = ParagraphStyle("kicker", parent=body, fontSize=8.5, leading=11, textColor=ACCENT)
    return Styles(
        fonts=fonts,
        kicker=kicker,
        kicker_right=ParagraphStyle("kicker_right", parent=kicker, alignment=TA_RIGHT),
        title=ParagraphStyle("title", parent=body, fontName=heavy, fontSize=18, leading=23, textColor=NAVY,
                             spaceBefore=2, spaceAfter=4),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14.5, textColor=INK),
        heading=ParagraphStyle("heading", parent=body, fontName=heavy, fontSize=11.5, leading=15, textColor=NAVY,
                               spaceBefore=10, spaceAfter=5),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=cell,
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, textColor=MUTED),
        cell_title=ParagraphStyle("cell_title", parent=cell, fontName=heavy, fontSize=9, leading=11.5,
                                  textColor=NAVY),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=heavy, textColor=colors.white),
        speaker=ParagraphStyle("speaker", parent=cell, leftIndent=7, firstLineIndent=-7),
        centered=ParagraphStyle("centered", parent=body, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )


class LongRowTable(Table):
    """A table that splits a tall row across pages rather than leaving the page's rest empty.

    reportlab splits between rows first and splits inside a row only when not a
    single row fits, so a tall row after a short one moved to a fresh table part
    with its header repeated on the same page. Here a row taller than `tall_row`
    points that does not fit is split at the page end; shorter rows move whole
    to the next page, so a short panel is never cut in two.
    """

    def __init__(self, *args: Any, tall_row: float = 0.0, **kwargs: Any) -> None:
        # reportlab makes the parts of a split table with self.__class__(...), without tall_row;
        # split() hands it on to them.
        super().__init__(*args, **kwargs)
        self.tall_row = tall_row

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab's names
        self._calc(availWidth, availHeight)
        fitting = self._getFirstPossibleSplitRowPosition(availHeight)
        heights = self._rowHeights
        parts: list[Any] = []
        if self.splitInRow and self.tall_row and fitting < len(heights) and heights[fitting] > self.tall_row:
            parts = list(self._splitRows(availHeight, doInRowSplit=1))
        if not parts:
            parts = list(super().split(availWidth, availHeight))
        for part in parts:
            if isinstance(part, LongRowTable):
                part.tall_row = self.tall_row
        return parts


class PagedDocument(BaseDocTemplate):
    """One frame per page without inner padding, so tables as wide as the frame line up with the footer."""

    def __init__(self, buffer: Any, **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])


def table_style(fonts: FontSet, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle in our font: reportlab sets each cell's font (Helvetica by default) even for
    cells holding Paragraphs, which would list a font that is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular), *commands])


def kicker_row(document: str, style: Styles, width: float, labels: Labels | None = None) -> Table:
    """The line above a document's title: the programme's name on the left, the document's on the right.

    Without `labels` the programme's name is printed in both languages.
    """
    programme = labels("programme_name", "  ·  ") if labels else f"{PROGRAMME_EN}  ·  {PROGRAMME_ZH}"
    return Table(
        [[Paragraph(markup(programme), style.kicker),
          Paragraph(markup(document), style.kicker_right)]],
        colWidths=[width * 0.62, width * 0.38],
        style=table_style(style.fonts, [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]),
    )


def facts_table(rows: list[list[Any]], label_width: float, width: float, style: Styles) -> Table:
    """Labels in a shaded column on the left, their values on the right, between two navy rules."""
    return Table(
        rows,
        colWidths=[label_width, width - label_width],
        style=table_style(style.fonts, [
            ("BACKGROUND", (0, 0), (0, -1), BAND_FILL),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, NAVY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ]),
        hAlign="LEFT",
    )


# A row taller than what is left of the page is split inside the row only if at
# least this much of it fits; otherwise the row starts on the next page.
SPLIT_IN_ROW_MINIMUM = 60
LIST_PADDING = 6  # left and right padding of a list table's cells (reportlab's default)


def inner_widths(fractions: Sequence[float], width: float) -> list[float]:
    """The room for text in each column of a list table (see `cell_text`)."""
    return [width * f - 2 * LIST_PADDING for f in fractions]


def list_table(rows: list[list[Any]], fractions: Sequence[float], width: float, style: Styles,
               extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A list under a navy header row that repeats on every page, in banded rows."""
    return Table(
        rows, colWidths=[width * f for f in fractions], repeatRows=1, splitInRow=SPLIT_IN_ROW_MINIMUM, hAlign="LEFT",
        style=table_style(style.fonts, [
            *list_cell_commands(style.cell),
            ("BACKGROUND", (0, 0), (-1, 0), NAVY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, BAND_FILL]),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]),
    )


# ---- dates and times ---------------------------------------------------------
def long_date(day: date) -> str:
    """"Thursday 15 October 2026" (fixed English names: strftime's would follow the machine's locale)."""
    return long_date_en(day)


def medium_date(day: date) -> str:
    """"15 October 2026"."""
    return medium_date_en(day)


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def time_range(span: ZoneSpan, labels: Labels | None = None) -> str:
    """"15:00–18:00", with "(+1 day)" when the end falls on the next day in that zone.

    The note is in the document's language given `labels`, else in the interface's.
    """
    text = f"{clock_time(span.start)}–{clock_time(span.end)}"
    days = (span.end.date() - span.start.date()).days
    if days:
        if labels is not None:
            more = labels.days_later(days)
        else:
            more = _("(+1 day)") if days == 1 else _("({days:+d} days)").format(days=days)
        text += " " + more
    return text


def zone_label(span: ZoneSpan) -> str:
    """"CST, UTC+08:00"; "UTC+07:00" where the zone has no letters; both offsets across a DST change."""
    label = f"{span.abbreviation}, {span.utc_offset}" if span.abbreviation else span.utc_offset
    if span.changes_offset:
        end = ZoneSpan(span.zone, span.place, span.end, span.end)
        label += " → " + (f"{end.abbreviation}, {end.utc_offset}" if end.abbreviation else end.utc_offset)
    return label


def zone_short(span: ZoneSpan) -> str:
    """"CST" or "UTC+07:00": the shortest unambiguous tag after a time."""
    return span.abbreviation or span.utc_offset


def zone_city(zone: str) -> str:
    """"Europe/London" -> "London", "America/Argentina/Buenos_Aires" -> "Buenos Aires"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


# ---- pages -------------------------------------------------------------------
def numbered_canvas(fonts: FontSet, footer_left: str, footer_page: str) -> type[Canvas]:
    """A canvas class that writes "Page n of N" and the footer once the page count is known.

    `footer_page` is a format string with {page} and {pages}.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The default initial font is Helvetica, which would be listed (not embedded) on every page.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.regular
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            margin = 18 * MM
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(margin, 13 * MM, width - margin, 13 * MM)
            self.setFillColor(MUTED)
            page_text = footer_page.format(page=self._pageNumber, pages=total)
            # A bilingual footer can be long: it shrinks rather than run into the page number.
            room = width - 2 * margin - stringWidth(page_text, fonts.regular, 7.5) - 4 * MM
            size = 7.5
            while size > 5 and stringWidth(footer_left, fonts.regular, size) > room:
                size -= 0.25
            self.setFont(fonts.regular, size)
            self.drawString(margin, 9 * MM, footer_left)
            self.setFont(fonts.regular, 7.5)
            self.drawRightString(width - margin, 9 * MM, page_text)
            self.restoreState()

    return NumberedCanvas


MM = 72 / 25.4


def plain_canvas(fonts: FontSet) -> type[Canvas]:
    """A canvas whose initial font is ours, for one-page documents without a footer."""

    class PlainCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.regular
            super().__init__(*args, **kwargs)

    return PlainCanvas


def footer_text(document: str, printed_on: date, labels: Labels | None = None) -> str:
    """The footer's left part; in the document's language given `labels`, else in the interface's."""
    if labels is not None:
        printed = labels.pick(labels.one("printed", EN, date=medium_date(printed_on)),
                              labels.one("printed", ZH, date=zh_date(printed_on)))
        return f"{labels('programme_name')} — {document} — {printed}"
    return f"{PROGRAMME_EN} · {PROGRAMME_ZH} — {document} — " + _("printed {date}").format(
        date=medium_date(printed_on))


def page_of(labels: Labels | None = None) -> str:
    return labels.template("page_of") if labels is not None else _("Page {page} of {pages}")


def numbered_document(story: list[Flowable], *, fonts: FontSet, pagesize: tuple[float, float], margin: float,
                      top: float, bottom: float, title: str, footer: str, printed_on: date) -> bytes:
    """A document with "Page n of N" and the print date in every footer, as PDF bytes."""
    def build(buffer: BytesIO) -> None:
        document = PagedDocument(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=top,
                                 bottomMargin=bottom, title=title, author=DIVISION_EN, creator=PROGRAMME_EN)
        document.build(story, canvasmaker=numbered_canvas(fonts, footer_text(footer, printed_on), page_of()))

    return build_bytes(build)


def build_bytes(build: Callable[[BytesIO], None]) -> bytes:
    buffer = BytesIO()
    build(buffer)
    return buffer.getvalue()


def write_atomically(data: bytes, target: Path) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written PDF."""
    write_bytes(target, data)


def link_markup(url: str, style_text: str) -> str:
    """A clickable link for http(s) addresses only; anything else prints as plain text."""
    cleaned = url.strip()
    if re.fullmatch(r"https?://[^\s<>\"']+", cleaned):
        return f'<link href="{escape(cleaned, {chr(34): "&quot;"})}" color="#1F3A5F"><u>{markup(style_text)}</u></link>'
    return markup(style_text)
