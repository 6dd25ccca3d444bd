"""The certificate of participation: one bilingual page (A4 landscape) for one person and one exchange.

Rendered only from app.views.documents.CertificateData. The wording is in English and
Chinese side by side on purpose, whatever the interface language, so it is not
passed through the translation function. The body is shrunk to fit if a title
is very long: a certificate is always exactly one page.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    )

from app.views.documents import CertificateData
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    DIVISION_EN,
    DIVISION_ZH,
    INK,
    MM,
    MUTED,
    NAVY,
    PROGRAMME_EN,
    RULE,
    build_bytes,
    long_date,
    markup,
    medium_date,
    para,
    plain_canvas,
    table_style,
    write_atomically,
    zh_date,
)

PAGE = landscape(A4)
BORDER = 12 * MM
INSET = 30 * MM
SIGNATURE_HEIGHT = 42 * MM


def render_certificate(data: CertificateData, *, fonts: FontSet | None = None, issued_on: date | None = None) -> bytes:
    """The certificate as PDF bytes."""
    fonts = fonts or load_fonts()
    issued_on = issued_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    width, height = PAGE
    body_frame = Frame(INSET, INSET + SIGNATURE_HEIGHT, width - 2 * INSET, height - 2 * INSET - SIGNATURE_HEIGHT,
                       id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    signature_frame = Frame(INSET, BORDER + 10 * MM, width - 2 * INSET, SIGNATURE_HEIGHT, id="signature",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    story: list[Flowable] = [
        KeepInFrame(body_frame.width, body_frame.height, _body(data, fonts), mode="shrink", hAlign="CENTER"),
        FrameBreak(),
        _signatures(data, fonts, issued_on, signature_frame.width),
    ]

    def decorate(canvas: Canvas, _document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(2.2)
        canvas.rect(BORDER, BORDER, width - 2 * BORDER, height - 2 * BORDER)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.6)
        inner = BORDER + 2.5 * MM
        canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
        canvas.restoreState()

    def build(buffer: Any) -> None:
        document = BaseDocTemplate(
            buffer, pagesize=PAGE, title=f"Certificate of participation: {data.name_en}", author=DIVISION_EN,
            subject=data.exchange_title, creator=PROGRAMME_EN,
        )
        document.addPageTemplates([PageTemplate(id="certificate", frames=[body_frame, signature_frame],
                                                onPage=decorate)])
        document.build(story, canvasmaker=plain_canvas(fonts))

    return build_bytes(build)


def write_certificate(data: CertificateData, target: Path, *, fonts: FontSet | None = None,
                      issued_on: date | None = None) -> None:
    write_atomically(render_certificate(data, fonts=fonts, issued_on=issued_on), target)


def _style(fonts: FontSet, name: str, size: float, *, heavy: bool = False, color: Any = INK,
           space_after: float = 0, alignment: int = TA_CENTER) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.bold if heavy else fonts.regular, fontSize=size,
                          leading=size * 1.3, textColor=color, alignment=alignment, spaceAfter=space_after)


def _body(data: CertificateData, fonts: FontSet) -> list[Flowable]:
    kicker = _style(fonts, "kicker", 10, color=ACCENT, space_after=10)
    title = _style(fonts, "title", 34, color=NAVY)
    title_zh = _style(fonts, "title-zh", 22, color=NAVY, space_after=14)
    line = _style(fonts, "line", 12, color=MUTED)
    name_zh = _style(fonts, "name-zh", 30, space_after=0)
    name_en = _style(fonts, "name-en", 20)
    detail = _style(fonts, "detail", 10.5, color=MUTED, space_after=10)
    exchange = _style(fonts, "exchange", 17, color=NAVY, space_after=3)
    text = _style(fonts, "text", 11.5)

    partners_en = "; ".join(f"{p.name}, {p.country}" if p.country else p.name for p in data.partners)
    partners_zh = "、".join(p.name_zh or p.name for p in data.partners)
    department = data.department
    department_text = f"{department.name_en} · {department.name_zh}" if department.name_zh else department.name_en
    if data.position:
        department_text = f"{data.position}, {department_text}"

    flow: list[Flowable] = [
        Paragraph(markup(f"{DIVISION_EN}  ·  {DIVISION_ZH}  ·  {PROGRAMME_EN}"), kicker),
        Paragraph(markup("Certificate of Participation"), title),
        Paragraph(markup("参与证书"), title_zh),
        Paragraph(markup("This is to certify that  ·  兹证明"), line),
        Spacer(1, 8),
    ]
    if data.name_zh.strip():
        flow.append(para(data.name_zh, name_zh))
    flow += [
        para(data.name_en, name_en if data.name_zh.strip() else name_zh),
        para(department_text, detail),
        Paragraph(markup("took part in the online exchange  ·  参加了在线交流"), line),
        Spacer(1, 6),
        para(f"“{data.exchange_title}”", exchange),
        para(_with_partner(partners_en, partners_zh, data), text),
        Spacer(1, 6),
        para(_rounds_en(data), text),
        para(_rounds_zh(data), text),
    ]
    return flow


def _with_partner(partners_en: str, partners_zh: str, data: CertificateData) -> str:
    english = f"with {partners_en}" if partners_en else ""
    chinese = f"合作院校：{partners_zh}" if partners_zh else ""
    return "  ·  ".join(part for part in (english, chinese) if part) or data.semester


def _rounds_en(data: CertificateData) -> str:
    if data.planned_rounds <= 1:
        return f"held online on {long_date(data.rounds[0].times[0].start.date())}"
    attended = ", ".join(f"round {r.round_number} on {medium_date(r.times[0].start.date())}" for r in data.rounds)
    return f"attending {len(data.rounds)} of its {data.planned_rounds} rounds: {attended}"


def _rounds_zh(data: CertificateData) -> str:
    if data.planned_rounds <= 1:
        return f"交流日期：{zh_date(data.rounds[0].times[0].start.date())}"
    attended = "、".join(f"第{r.round_number}轮（{zh_date(r.times[0].start.date())}）" for r in data.rounds)
    return f"共{data.planned_rounds}轮，出席{attended}"


def _signatures(data: CertificateData, fonts: FontSet, issued_on: date, width: float) -> Table:
    label = _style(fonts, "label", 9, color=MUTED, alignment=TA_LEFT)
    value = _style(fonts, "value", 11, alignment=TA_LEFT)
    signer = _style(fonts, "signer", 10, alignment=TA_RIGHT)
    signer_zh = _style(fonts, "signer-zh", 10, color=MUTED, alignment=TA_RIGHT)
    seal = _style(fonts, "seal", 8.5, color=MUTED)
    left = [
        Paragraph(markup("Date of issue · 颁发日期"), label),
        Paragraph(markup(f"{medium_date(issued_on)}  ·  {zh_date(issued_on)}"), value),
        Spacer(1, 10),
        Paragraph(markup(f"Certificate no. · 证书编号  {data.reference}"), label),
    ]
    middle = [Spacer(1, 4), _Seal(seal), Paragraph(markup("Seal · 盖章"), seal)]
    right = [
        Spacer(1, 26),
        _SignatureLine(),
        Paragraph(markup(f"Director, {DIVISION_EN}"), signer),
        Paragraph(markup(f"{DIVISION_ZH} 处长"), signer_zh),
    ]
    return Table([[left, middle, right]], colWidths=[width * 0.38, width * 0.24, width * 0.38],
                 style=table_style(fonts, [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))


class _SignatureLine(Flowable):
    """The line to sign on, right-aligned in its cell."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 6

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.7)
        self.canv.line(self.width - 70 * MM, 3, self.width, 3)


class _Seal(Flowable):
    """A dashed circle where the division's seal is stamped."""

    def __init__(self, style: ParagraphStyle) -> None:
        super().__init__()
        self.style = style

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 26 * MM

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setDash(2, 2)
        self.canv.circle(self.width / 2, 13 * MM, 12 * MM)
        self.canv.restoreState()
