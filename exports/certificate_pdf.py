"""The certificate of participation: one page (A4 landscape) for one person and one exchange.

Rendered only from app.views.documents.CertificateData, in English, Chinese, or
both side by side (the default). The wording follows the document's language,
whatever the interface language, so it comes from exports.document_labels and
not from the translation function. The body is shrunk to fit if a title is very
long: a certificate is always exactly one page.
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
from exports.document_labels import BOTH, EN, ZH, Labels, long_date_en, medium_date_en, zh_date
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    DIVISION_EN,
    INK,
    MM,
    MUTED,
    NAVY,
    PROGRAMME_EN,
    RULE,
    build_bytes,
    markup,
    para,
    plain_canvas,
    table_style,
    write_atomically,
)

PAGE = landscape(A4)
BORDER = 12 * MM
INSET = 30 * MM
SIGNATURE_HEIGHT = 42 * MM


def render_certificate(data: CertificateData, *, fonts: FontSet | None = None, issued_on: date | None = None,
                       language: str = BOTH) -> bytes:
    """The certificate as PDF bytes, worded in `language` ("en", "zh" or "both")."""
    fonts = fonts or load_fonts()
    t = Labels(language)
    issued_on = issued_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    width, height = PAGE
    body_frame = Frame(INSET, INSET + SIGNATURE_HEIGHT, width - 2 * INSET, height - 2 * INSET - SIGNATURE_HEIGHT,
                       id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    signature_frame = Frame(INSET, BORDER + 10 * MM, width - 2 * INSET, SIGNATURE_HEIGHT, id="signature",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    story: list[Flowable] = [
        KeepInFrame(body_frame.width, body_frame.height, _body(data, fonts, t), mode="shrink", hAlign="CENTER"),
        FrameBreak(),
        _signatures(data, fonts, issued_on, signature_frame.width, t),
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
            buffer, pagesize=PAGE, title=f"{t('certificate')}: {t.name(data.name_en, data.name_zh)}",
            author=DIVISION_EN, subject=t.name(data.exchange_title, data.exchange_title_zh), creator=PROGRAMME_EN,
        )
        document.addPageTemplates([PageTemplate(id="certificate", frames=[body_frame, signature_frame],
                                                onPage=decorate)])
        document.build(story, canvasmaker=plain_canvas(fonts))

    return build_bytes(build)


def write_certificate(data: CertificateData, target: Path, *, fonts: FontSet | None = None,
                      issued_on: date | None = None, language: str = BOTH) -> None:
    write_atomically(render_certificate(data, fonts=fonts, issued_on=issued_on, language=language), target)


def _style(fonts: FontSet, name: str, size: float, *, heavy: bool = False, color: Any = INK,
           space_after: float = 0, alignment: int = TA_CENTER) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.bold if heavy else fonts.regular, fontSize=size,
                          leading=size * 1.3, textColor=color, alignment=alignment, spaceAfter=space_after)


def _body(data: CertificateData, fonts: FontSet, t: Labels) -> list[Flowable]:
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
    department_text = t.name(department.name_en, department.name_zh, "{en} · {zh}")
    if data.position:
        department_text = f"{data.position}, {department_text}"
    kicker_text = {EN: f"{DIVISION_EN}  ·  {PROGRAMME_EN}",
                   ZH: t.one("programme_name", ZH),
                   BOTH: f"{DIVISION_EN}  ·  {t.one('division', ZH)}  ·  {PROGRAMME_EN}"}[t.language]
    # In Chinese the Chinese name leads; in English the English name does. The other
    # script follows, smaller: it is the same person's name.
    names = [data.name_en, data.name_zh] if t.language == EN else [data.name_zh, data.name_en]
    names = [name for name in names if name.strip()]
    quoted = {EN: "“{}”", ZH: "《{}》", BOTH: "“{}”"}[t.language]

    flow: list[Flowable] = [Paragraph(markup(kicker_text), kicker)]
    if t.english:
        flow.append(Paragraph(markup(t.one("certificate", EN)), title))
    if t.chinese:
        flow.append(Paragraph(markup(t.one("certificate", ZH)), title_zh if t.english else title))
    flow += [Paragraph(markup(t("certify", "  ·  ")), line), Spacer(1, 8)]
    flow += [para(name, name_zh if index == 0 else name_en) for index, name in enumerate(names)]
    flow += [
        para(department_text, detail),
        Paragraph(markup(t("took_part", "  ·  ")), line),
        Spacer(1, 6),
        para(quoted.format(t.name(data.exchange_title, data.exchange_title_zh, "{en}\n{zh}")), exchange),
        para(_with_partner(partners_en, partners_zh, data, t), text),
        Spacer(1, 6),
    ]
    if t.english:
        flow.append(para(_rounds_en(data), text))
    if t.chinese:
        flow.append(para(_rounds_zh(data), text))
    return flow


def _with_partner(partners_en: str, partners_zh: str, data: CertificateData, t: Labels) -> str:
    english = t.one("certificate_with", EN, partners=partners_en) if partners_en and t.english else ""
    chinese = t.one("certificate_with", ZH, partners=partners_zh) if partners_zh and t.chinese else ""
    return "  ·  ".join(part for part in (english, chinese) if part) or data.semester


def _rounds_en(data: CertificateData) -> str:
    labels = Labels(EN)
    if data.planned_rounds <= 1:
        return labels("held_on", date=long_date_en(data.rounds[0].times[0].start.date()))
    attended = ", ".join(labels("attended_round", round=r.round_number, date=medium_date_en(r.times[0].start.date()))
                         for r in data.rounds)
    return labels("attended_rounds", count=len(data.rounds), rounds=data.planned_rounds, rounds_attended=attended)


def _rounds_zh(data: CertificateData) -> str:
    labels = Labels(ZH)
    if data.planned_rounds <= 1:
        return labels("held_on", date=zh_date(data.rounds[0].times[0].start.date()))
    attended = "、".join(labels("attended_round", round=r.round_number, date=zh_date(r.times[0].start.date()))
                        for r in data.rounds)
    return labels("attended_rounds", count=len(data.rounds), rounds=data.planned_rounds, rounds_attended=attended)


def _signatures(data: CertificateData, fonts: FontSet, issued_on: date, width: float, t: Labels) -> Table:
    label = _style(fonts, "label", 9, color=MUTED, alignment=TA_LEFT)
    value = _style(fonts, "value", 11, alignment=TA_LEFT)
    signer = _style(fonts, "signer", 10, alignment=TA_RIGHT)
    signer_zh = _style(fonts, "signer-zh", 10, color=MUTED, alignment=TA_RIGHT)
    seal = _style(fonts, "seal", 8.5, color=MUTED)
    left = [
        Paragraph(markup(t("issued")), label),
        Paragraph(markup(t.medium_date(issued_on).replace(" · ", "  ·  ")), value),
        Spacer(1, 10),
        Paragraph(markup(f"{t('certificate_number')}  {data.reference}"), label),
    ]
    middle = [Spacer(1, 4), _Seal(seal), Paragraph(markup(t("seal")), seal)]
    right: list[Flowable] = [Spacer(1, 26), _SignatureLine()]
    if t.english:
        right.append(Paragraph(markup(t.one("director", EN)), signer))
    if t.chinese:
        right.append(Paragraph(markup(t.one("director", ZH)), signer_zh if t.english else signer))
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
