"""The printable agenda of one workshop (A4; landscape when three or more tracks run at once).

Rendered only from app.views.documents.AgendaData: the header with the exchange,
partner and round, the times in the IAD's zone and each partner's, the meeting
link and interpretation, the panels as a table whose columns are the tracks and
whose rows are time slots, then the participants of both sides.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Spacer, Table

from app.views.documents import MAIN_ROOM, AgendaData, AgendaSlot, PanelLine, ZoneSpan
from models.enums import ExchangeKind
from exports.document_labels import EN, Labels
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    BAND_FILL,
    DIVISION_EN,
    HEADER_FILL,
    LongRowTable,
    PagedDocument,
    MM,
    NAVY,
    PROGRAMME_EN,
    RULE,
    SPLIT_IN_ROW_MINIMUM,
    Styles,
    bold,
    cell_text,
    build_bytes,
    facts_table,
    footer_text,
    inner_widths,
    kicker_row,
    link_markup,
    list_table,
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
TOP = 15 * MM
BOTTOM = 20 * MM  # room for the footer


def round_label(round_number: int, planned_rounds: int, labels: Labels) -> str:
    return labels("round_of", round=round_number, rounds=planned_rounds)


def render_agenda(data: AgendaData, *, fonts: FontSet | None = None, printed_on: date | None = None,
                  language: str = EN) -> bytes:
    """The agenda as PDF bytes, its labels in `language` ("en", "zh" or "both")."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    t = Labels(language)
    printed_on = printed_on or datetime.now(ZoneInfo(data.times[0].zone)).date()
    page_size = landscape(A4) if data.max_concurrent_tracks >= 3 else A4
    width = page_size[0] - 2 * MARGIN

    story: list[Flowable] = [*_header(data, style, width, t), *_facts(data, style, width, t)]
    story.extend([CondPageBreak(45 * MM), Paragraph(markup(t("programme")), style.heading)])
    story.append(_panels_table(data, style, width, page_size[1] - TOP - BOTTOM, t) if data.panels else
                 para(t("no_panels", " "), style.body))
    story.extend(_participants(data, style, width, t))

    def build(buffer: object) -> None:
        document = PagedDocument(
            buffer, pagesize=page_size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
            title=f"{t('agenda_short')}: {t.name(data.exchange_title, data.exchange_title_zh, '{en} · {zh}')}",
            author=DIVISION_EN, subject=round_label(data.round_number, data.planned_rounds, t), creator=PROGRAMME_EN,
        )
        document.build(story, canvasmaker=numbered_canvas(fonts, footer_text(t("agenda"), printed_on, t),
                                                          page_of(t)))

    return build_bytes(build)


def write_agenda(data: AgendaData, target: Path, *, fonts: FontSet | None = None,
                 printed_on: date | None = None, language: str = EN) -> None:
    write_atomically(render_agenda(data, fonts=fonts, printed_on=printed_on, language=language), target)


# ---- header ------------------------------------------------------------------
def _header(data: AgendaData, style: Styles, width: float, t: Labels) -> list[Flowable]:
    partner_text = "; ".join(_partner_name(p.name, p.name_zh, p.city, p.country, t) for p in data.partners)
    if data.exchange_kind == ExchangeKind.MULTI_ROUND:
        what = f"{round_label(data.round_number, data.planned_rounds, t)} · {t.enum(data.exchange_kind)}"
    else:
        what = t.enum(data.exchange_kind)
    flow: list[Flowable] = [
        kicker_row(t("agenda"), style, width, t),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=6),
        para(t.name(data.exchange_title, data.exchange_title_zh, "{en}\n{zh}"), style.title),
        rich([(bold(_lead(t("with", " / ")), style.fonts), partner_text or t("no_partner"))], style.subtitle),
        rich([(bold(what, style.fonts) + " · ", data.semester),
              (" · ", t.enum(data.status))], style.subtitle),
    ]
    if data.departments:
        names = "; ".join(t.name(d.name_en, d.name_zh) for d in data.departments)
        flow.append(rich([(bold(_lead(t("our_departments", " / ")), style.fonts), names)], style.body))
    flow.append(Spacer(1, 6))
    return flow


def _lead(label: str) -> str:
    """A label before its value: a space after English, none after a Chinese colon."""
    return label if label.endswith("：") else label + " "


def _partner_name(name: str, name_zh: str, city: str, country: str, labels: Labels) -> str:
    text = labels.name(name, name_zh)
    where = ", ".join(part for part in (city, country) if part)
    return f"{text}, {where}" if where else text


def _facts(data: AgendaData, style: Styles, width: float, t: Labels) -> list[Flowable]:
    rows: list[list[Flowable]] = []
    for index, span in enumerate(data.times):
        if index == 0:
            label = t.pick(t.one("iad_time", "en", city=zone_city(span.zone)),
                           t.one("iad_time", "zh", city=ZONE_CITIES_ZH.get(span.zone, zone_city(span.zone))), "\n")
        else:
            label = t.pick(t.one("partner_time", "en", partner=_place(span.place, data, Labels("en"))),
                           t.one("partner_time", "zh", partner=_place(span.place, data, Labels("zh"))), "\n")
        rows.append([
            para(label, style.cell),
            rich([(bold(time_range(span, t), style.fonts), ""),
                  ("   ", t.long_date(span.start.date())),
                  ("   ", f"{zone_label(span)} ({span.zone})")], style.cell),
        ])
    platform = data.platform or t("platform_unset")
    link = f" — {link_markup(data.link, data.link)}" if data.link.strip() else ""
    rows.append([para(t("meeting"), style.cell), Paragraph(markup(platform) + link, style.cell)])
    rows.append([para(t("interpretation"), style.cell), para(_interpretation_note(data, t), style.cell)])
    table = facts_table(rows, width * 0.26, width, style)
    return [table, Spacer(1, 4)]


# The IAD's usual zones as a Chinese reader names them; others keep the zone's city.
ZONE_CITIES_ZH = {"Asia/Shanghai": "北京", "Asia/Chongqing": "北京", "Asia/Hong_Kong": "香港", "Asia/Taipei": "台北"}


def _place(place: str, data: AgendaData, t: Labels) -> str:
    """Whose clock a time is, with each partner named in the given (single) language."""
    names = {p.name: t.name(p.name, p.name_zh) for p in data.partners}
    return " / ".join(names.get(part, part) for part in place.split(" / "))


def _interpretation_note(data: AgendaData, labels: Labels) -> str:
    """The note in each of the document's languages, English first."""
    languages = [lang for lang in ("en", "zh") if (lang == "en" and labels.english) or
                 (lang == "zh" and labels.chinese)]
    return "\n".join(_interpretation_note_in(data, labels, lang) for lang in languages)


def _interpretation_note_in(data: AgendaData, labels: Labels, lang: str) -> str:
    interpreted = [p for p in data.panels if p.interpretation_needed]
    if data.interpretation_languages or data.interpreter:
        text = labels.one("interpretation_provided", lang,
                          languages=data.interpretation_languages or labels.one("languages_tbc", lang))
        if data.interpreter:
            text += labels.one("interpretation_by", lang, interpreter=data.interpreter)
        text += labels.one("full_stop", lang)
        if interpreted and len(interpreted) < len(data.panels):
            text += (" " if lang == "en" else "") + labels.one("interpretation_marked", lang)
        return text
    if interpreted:
        return labels.one("interpretation_panels_only", lang)
    return labels.one("no_interpretation", lang)


# ---- panels ------------------------------------------------------------------
def _track_name(track: str, labels: Labels) -> str:
    return labels("main_room") if track == MAIN_ROOM else track


def _panels_table(data: AgendaData, style: Styles, width: float, frame_height: float, t: Labels) -> Table:
    tracks = data.tracks
    several = len(tracks) > 1
    time_width = 34 * MM if len(data.times) <= 2 else 40 * MM
    track_width = (width - time_width) / len(tracks)
    header = [para(t("time"), style.cell_head)] + [para(_track_name(track, t), style.cell_head) for track in tracks]
    rows: list[list[object]] = [header]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 1), (0, -1), BAND_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for row_index, slot in enumerate(data.slots, start=1):
        row: list[object] = [_slot_times(slot, style, t)]
        if several and slot.single_track:
            # A session on one track while the others are empty is for everyone: it spans the row.
            panels = next(cell for cell in slot.cells if cell)
            row.append(_panel_cell(panels, slot, style, t, show_track=True))
            row.extend("" for _track in tracks[1:])
            commands.append(("SPAN", (1, row_index), (-1, row_index)))
            commands.append(("BACKGROUND", (1, row_index), (-1, row_index), HEADER_FILL))
        else:
            row.extend(_panel_cell(cell, slot, style, t, show_track=False) if cell else "" for cell in slot.cells)
        rows.append(row)
    return LongRowTable(rows, colWidths=[time_width] + [track_width] * len(tracks), repeatRows=1,
                        splitInRow=SPLIT_IN_ROW_MINIMUM, tall_row=frame_height * 0.4,
                        style=table_style(style.fonts, commands), hAlign="LEFT")


def _slot_times(slot: AgendaSlot, style: Styles, labels: Labels) -> list[Flowable]:
    flow: list[Flowable] = []
    for index, span in enumerate(slot.times):
        text = f"{time_range(span, labels)} {zone_short(span)}"
        flow.append(rich([(bold(text, style.fonts) if index == 0 else markup(text), "")],
                         style.cell if index == 0 else style.cell_small))
    return flow


def _panel_cell(panels: tuple[PanelLine, ...], slot: AgendaSlot, style: Styles, t: Labels, *,
                show_track: bool) -> list[Flowable]:
    flow: list[Flowable] = []
    for number, panel in enumerate(panels):
        if number:
            flow.append(HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=4, spaceAfter=4))
        if len(panels) > 1 or _differs(panel.times, slot.times):
            flow.append(para(" · ".join(f"{time_range(span, t)} {zone_short(span)}" for span in panel.times),
                             style.cell_small))
        if show_track:
            flow.append(para(_track_name(panel.track, t), style.cell_small))
        flow.append(para(t.name(panel.title, panel.title_zh, "{en}\n{zh}"), style.cell_title))
        if panel.description.strip():
            flow.append(para(panel.description.strip(), style.cell_small))
        if panel.moderator.strip():
            flow.append(rich([(bold(_lead(t("moderator", " / ")), style.fonts), panel.moderator)], style.cell))
        if panel.speakers:
            flow.append(Paragraph(bold(t("speakers", " / "), style.fonts), style.cell))
            for speaker in panel.speakers:
                name = f"{speaker.name_zh} {speaker.name}" if speaker.name_zh else speaker.name
                institution = t.name(speaker.institution, speaker.institution_zh)
                flow.append(rich([("• ", name), (" — ", institution)], style.speaker))
        if panel.interpretation_needed:
            flow.append(para(_panel_interpretation(panel, t), style.cell_small))
    return flow


def _panel_interpretation(panel: PanelLine, t: Labels) -> str:
    """"Interpretation: zh-en, interpreter …" in each of the document's languages."""
    texts = {}
    for lang in ("en", "zh"):
        text = t.one("panel_interpretation", lang, pair=panel.language_pair or t.one("languages_tbc", lang))
        if panel.interpreter:
            text += t.one("panel_interpreter", lang, name=panel.interpreter)
        texts[lang] = text
    return t.pick(texts["en"], texts["zh"], "\n")


def _differs(first: tuple[ZoneSpan, ...], second: tuple[ZoneSpan, ...]) -> bool:
    return first[0].start != second[0].start or first[0].end != second[0].end


# ---- participants ------------------------------------------------------------
def _participants(data: AgendaData, style: Styles, width: float, t: Labels) -> list[Flowable]:
    flow: list[Flowable] = [CondPageBreak(45 * MM), Paragraph(markup(t("participants")), style.heading)]
    ours = data.our_participants
    flow.append(para(t("our_university", count=len(ours)), style.subtitle))
    flow.append(Spacer(1, 3))
    if ours:
        fractions = [0.04, 0.22, 0.45, 0.17, 0.12]
        widths = inner_widths(fractions, width)
        rows: list[list[object]] = [
            [para(t(h, "\n"), style.cell_head) for h in ("number", "name", "department", "position", "role")]]
        for number, person in enumerate(ours, start=1):
            department = person.department
            values = [str(number), f"{person.name_zh} {person.name_en}".strip(),
                      t.name(department.name_en, department.name_zh), person.position, t.enum(person.role, " / ")]
            rows.append([cell_text(v, style.cell, w) for v, w in zip(values, widths)])
        flow.append(list_table(rows, fractions, width, style))
    else:
        flow.append(para(t("no_participants", " "), style.body))
    flow.append(CondPageBreak(30 * MM))
    flow.append(Spacer(1, 8))
    theirs = data.partner_participants
    partner_names = ", ".join(t.name(p.name, p.name_zh) for p in data.partners) or t("partner_university")
    flow.append(para(t.pick(t.one("partner_side", "en", side=partner_names, count=len(theirs)),
                            t.one("partner_side", "zh", side=partner_names, count=len(theirs))), style.subtitle))
    flow.append(Spacer(1, 3))
    if theirs:
        several = len(data.partners) > 1
        keys = ["number", "name", "position", "unit"] + (["university"] if several else [])
        heads = [t(key, "\n") for key in keys]
        fractions = [0.04, 0.25, 0.25, 0.24, 0.22] if several else [0.04, 0.30, 0.30, 0.36]
        widths = inner_widths(fractions, width)
        rows = [[para(h, style.cell_head) for h in heads]]
        for number, contact in enumerate(theirs, start=1):
            values = [str(number), contact.name, contact.position, contact.unit]
            values += [contact.partner] if several else []
            rows.append([cell_text(v, style.cell, w) for v, w in zip(values, widths)])
        flow.append(list_table(rows, fractions, width, style))
    else:
        flow.append(para(t("no_participants", " "), style.body))
    return flow
