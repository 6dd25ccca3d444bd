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

from app.views.documents import AgendaData, AgendaSlot, PanelLine, ZoneSpan
from app.i18n import _
from models.enums import ExchangeKind
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
    long_date,
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


def round_label(round_number: int, planned_rounds: int) -> str:
    return _("Round {round} of {rounds}").format(round=round_number, rounds=planned_rounds)


def render_agenda(data: AgendaData, *, fonts: FontSet | None = None, printed_on: date | None = None) -> bytes:
    """The agenda as PDF bytes."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    printed_on = printed_on or datetime.now(ZoneInfo(data.times[0].zone)).date()
    page_size = landscape(A4) if data.max_concurrent_tracks >= 3 else A4
    width = page_size[0] - 2 * MARGIN

    story: list[Flowable] = [*_header(data, style, width), *_facts(data, style, width)]
    story.extend([CondPageBreak(45 * MM), Paragraph(markup(_("Programme")), style.heading)])
    story.append(_panels_table(data, style, width, page_size[1] - TOP - BOTTOM) if data.panels else
                 para(_("No panels have been scheduled for this workshop yet."), style.body))
    story.extend(_participants(data, style, width))

    def build(buffer: object) -> None:
        document = PagedDocument(
            buffer, pagesize=page_size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
            title=f"{_('Agenda')}: {data.exchange_title}", author=DIVISION_EN,
            subject=round_label(data.round_number, data.planned_rounds), creator=PROGRAMME_EN,
        )
        document.build(story, canvasmaker=numbered_canvas(fonts, footer_text(_("Workshop agenda"), printed_on),
                                                          page_of()))

    return build_bytes(build)


def write_agenda(data: AgendaData, target: Path, *, fonts: FontSet | None = None,
                 printed_on: date | None = None) -> None:
    write_atomically(render_agenda(data, fonts=fonts, printed_on=printed_on), target)


# ---- header ------------------------------------------------------------------
def _header(data: AgendaData, style: Styles, width: float) -> list[Flowable]:
    partner_text = "; ".join(_partner_name(p.name, p.name_zh, p.city, p.country) for p in data.partners)
    if data.exchange_kind == ExchangeKind.MULTI_ROUND:
        what = f"{round_label(data.round_number, data.planned_rounds)} · {data.exchange_kind.label}"
    else:
        what = data.exchange_kind.label
    flow: list[Flowable] = [
        kicker_row(_("Workshop agenda") + " · 工作坊议程", style, width),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=6),
        para(data.exchange_title, style.title),
        rich([(bold(_("with") + " ", style.fonts), partner_text or _("no partner recorded"))], style.subtitle),
        rich([(bold(what, style.fonts) + " · ", data.semester),
              (" · ", data.status.label)], style.subtitle),
    ]
    if data.departments:
        names = "; ".join(f"{d.name_en} ({d.name_zh})" if d.name_zh else d.name_en for d in data.departments)
        flow.append(rich([(bold(_("Our departments:") + " ", style.fonts), names)], style.body))
    flow.append(Spacer(1, 6))
    return flow


def _partner_name(name: str, name_zh: str, city: str, country: str) -> str:
    text = f"{name} ({name_zh})" if name_zh else name
    where = ", ".join(part for part in (city, country) if part)
    return f"{text}, {where}" if where else text


def _facts(data: AgendaData, style: Styles, width: float) -> list[Flowable]:
    rows: list[list[Flowable]] = []
    for index, span in enumerate(data.times):
        if index == 0:
            label = _("IAD ({city} time)").format(city=zone_city(span.zone))
        else:
            label = _("{partner} (local time)").format(partner=span.place)
        rows.append([
            para(label, style.cell),
            rich([(bold(time_range(span), style.fonts), ""),
                  ("   ", long_date(span.start.date())),
                  ("   ", f"{zone_label(span)} ({span.zone})")], style.cell),
        ])
    platform = data.platform or _("Platform not yet set")
    link = f" — {link_markup(data.link, data.link)}" if data.link.strip() else ""
    rows.append([para(_("Meeting"), style.cell), Paragraph(markup(platform) + link, style.cell)])
    rows.append([para(_("Interpretation"), style.cell), para(_interpretation_note(data), style.cell)])
    table = facts_table(rows, width * 0.26, width, style)
    return [table, Spacer(1, 4)]


def _interpretation_note(data: AgendaData) -> str:
    interpreted = [p for p in data.panels if p.interpretation_needed]
    if data.interpretation_languages or data.interpreter:
        text = _("Interpretation ({languages}) is provided").format(
            languages=data.interpretation_languages or _("languages to be confirmed"))
        if data.interpreter:
            text += _(" by {interpreter}").format(interpreter=data.interpreter)
        text += "."
        if interpreted and len(interpreted) < len(data.panels):
            text += " " + _("Panels with interpretation are marked below.")
        return text
    if interpreted:
        return _("Interpretation is provided for the panels marked below.")
    return _("No interpretation is arranged for this workshop.")


# ---- panels ------------------------------------------------------------------
def _panels_table(data: AgendaData, style: Styles, width: float, frame_height: float) -> Table:
    tracks = data.tracks
    several = len(tracks) > 1
    time_width = 34 * MM if len(data.times) <= 2 else 40 * MM
    track_width = (width - time_width) / len(tracks)
    header = [para(_("Time"), style.cell_head)] + [para(track, style.cell_head) for track in tracks]
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
        row: list[object] = [_slot_times(slot, style)]
        if several and slot.single_track:
            # A session on one track while the others are empty is for everyone: it spans the row.
            panels = next(cell for cell in slot.cells if cell)
            row.append(_panel_cell(panels, slot, style, show_track=True))
            row.extend("" for _track in tracks[1:])
            commands.append(("SPAN", (1, row_index), (-1, row_index)))
            commands.append(("BACKGROUND", (1, row_index), (-1, row_index), HEADER_FILL))
        else:
            row.extend(_panel_cell(cell, slot, style, show_track=False) if cell else "" for cell in slot.cells)
        rows.append(row)
    return LongRowTable(rows, colWidths=[time_width] + [track_width] * len(tracks), repeatRows=1,
                        splitInRow=SPLIT_IN_ROW_MINIMUM, tall_row=frame_height * 0.4,
                        style=table_style(style.fonts, commands), hAlign="LEFT")


def _slot_times(slot: AgendaSlot, style: Styles) -> list[Flowable]:
    flow: list[Flowable] = []
    for index, span in enumerate(slot.times):
        text = f"{time_range(span)} {zone_short(span)}"
        flow.append(rich([(bold(text, style.fonts) if index == 0 else markup(text), "")],
                         style.cell if index == 0 else style.cell_small))
    return flow


def _panel_cell(panels: tuple[PanelLine, ...], slot: AgendaSlot, style: Styles, *, show_track: bool) -> list[Flowable]:
    flow: list[Flowable] = []
    for number, panel in enumerate(panels):
        if number:
            flow.append(HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=4, spaceAfter=4))
        if len(panels) > 1 or _differs(panel.times, slot.times):
            flow.append(para(" · ".join(f"{time_range(t)} {zone_short(t)}" for t in panel.times), style.cell_small))
        if show_track:
            flow.append(para(panel.track, style.cell_small))
        flow.append(para(panel.title, style.cell_title))
        if panel.description.strip():
            flow.append(para(panel.description.strip(), style.cell_small))
        if panel.moderator.strip():
            flow.append(rich([(bold(_("Moderator:") + " ", style.fonts), panel.moderator)], style.cell))
        if panel.speakers:
            flow.append(Paragraph(bold(_("Speakers:"), style.fonts), style.cell))
            for speaker in panel.speakers:
                name = f"{speaker.name_zh} {speaker.name}" if speaker.name_zh else speaker.name
                flow.append(rich([("• ", name), (" — ", speaker.institution)], style.speaker))
        if panel.interpretation_needed:
            pair = panel.language_pair or _("languages to be confirmed")
            text = _("Interpretation: {pair}").format(pair=pair)
            if panel.interpreter:
                text += _(", interpreter {name}").format(name=panel.interpreter)
            flow.append(para(text, style.cell_small))
    return flow


def _differs(first: tuple[ZoneSpan, ...], second: tuple[ZoneSpan, ...]) -> bool:
    return first[0].start != second[0].start or first[0].end != second[0].end


# ---- participants ------------------------------------------------------------
def _participants(data: AgendaData, style: Styles, width: float) -> list[Flowable]:
    flow: list[Flowable] = [CondPageBreak(45 * MM), Paragraph(markup(_("Participants")), style.heading)]
    ours = data.our_participants
    flow.append(para(_("Our university ({count})").format(count=len(ours)), style.subtitle))
    flow.append(Spacer(1, 3))
    if ours:
        fractions = [0.04, 0.22, 0.45, 0.17, 0.12]
        widths = inner_widths(fractions, width)
        rows: list[list[object]] = [
            [para(h, style.cell_head) for h in (_("#"), _("Name"), _("Department"), _("Position"), _("Role"))]]
        for number, person in enumerate(ours, start=1):
            department = person.department
            values = [str(number), f"{person.name_zh} {person.name_en}".strip(),
                      f"{department.name_en} ({department.name_zh})" if department.name_zh else department.name_en,
                      person.position, person.role.label]
            rows.append([cell_text(v, style.cell, w) for v, w in zip(values, widths)])
        flow.append(list_table(rows, fractions, width, style))
    else:
        flow.append(para(_("No participants recorded yet."), style.body))
    flow.append(CondPageBreak(30 * MM))
    flow.append(Spacer(1, 8))
    theirs = data.partner_participants
    partner_names = ", ".join(p.name for p in data.partners) or _("Partner university")
    flow.append(para(_("{side} ({count})").format(side=partner_names, count=len(theirs)), style.subtitle))
    flow.append(Spacer(1, 3))
    if theirs:
        several = len(data.partners) > 1
        heads = [_("#"), _("Name"), _("Position"), _("Unit")] + ([_("University")] if several else [])
        fractions = [0.04, 0.25, 0.25, 0.24, 0.22] if several else [0.04, 0.30, 0.30, 0.36]
        widths = inner_widths(fractions, width)
        rows = [[para(h, style.cell_head) for h in heads]]
        for number, contact in enumerate(theirs, start=1):
            values = [str(number), contact.name, contact.position, contact.unit]
            values += [contact.partner] if several else []
            rows.append([cell_text(v, style.cell, w) for v, w in zip(values, widths)])
        flow.append(list_table(rows, fractions, width, style))
    else:
        flow.append(para(_("No participants recorded yet."), style.body))
    return flow
