"""The evaluation summary of a semester: how each interviewed department scored its workshops (A4).

Rendered only from app.views.evaluation_summary.EvaluationSummaryData. First the
semester in figures (departments interviewed, interviews, overall average),
then a matrix with one row per department and one column per rubric item
holding the department's average, its overall average and number of
interviews, and a last row over all departments; then every interview in
department and date order: interviewer, interviewees, exchanges covered, the
scores with their notes, the findings and the agreed actions. The page turns to
landscape when the rubric has more columns than portrait can hold legibly.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Spacer, Table

from app.views.evaluation_summary import (
    EvaluationSummaryData,
    InterviewSummary,
    RubricColumn,
    ScoreAverages,
)
from app.evaluation.interviews import SCORE_MAX, SCORE_MIN
from app.i18n import _
from exports.fonts import FontSet, load_fonts
from exports.pdf_layout import (
    ACCENT,
    BAND_FILL,
    HEADER_FILL,
    MM,
    NAVY,
    RULE,
    Styles,
    bold,
    cell_text,
    facts_table,
    inner_widths,
    kicker_row,
    list_cell_commands,
    list_table,
    long_date,
    markup,
    medium_date,
    numbered_document,
    para,
    rich,
    styles,
    table_style,
    write_atomically,
)

MARGIN = 18 * MM
TOP = 15 * MM
BOTTOM = 20 * MM  # room for the footer
# Matrix columns: a rubric column narrower than ITEM_MIN cannot hold a word such
# as "Applicability" in its header, so a rubric that needs more turns the page.
DEPARTMENT_MIN = 46 * MM
ITEM_MIN = 20 * MM
ITEM_MAX = 30 * MM
AVERAGE_WIDTH = 17 * MM
COUNT_WIDTH = 19 * MM
LABEL_WIDTH = 38 * MM  # the labels of an interview's facts


def page_size(rubric_items: int) -> tuple[float, float]:
    """A4 portrait when the matrix fits across it, landscape otherwise."""
    needed = DEPARTMENT_MIN + AVERAGE_WIDTH + COUNT_WIDTH + rubric_items * ITEM_MIN
    return A4 if needed <= A4[0] - 2 * MARGIN else landscape(A4)


def one_decimal(value: float | None) -> str:
    """"4.3" for 4.25: halves round up, as a reader checking by hand expects; "" for no value."""
    if value is None:
        return ""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def render_evaluation_summary(data: EvaluationSummaryData, *, fonts: FontSet | None = None,
                              printed_on: date | None = None) -> bytes:
    """The evaluation summary as PDF bytes."""
    fonts = fonts or load_fonts()
    style = styles(fonts)
    printed_on = printed_on or datetime.now(ZoneInfo(data.iad_timezone)).date()
    size = page_size(len(data.rubric))
    width = size[0] - 2 * MARGIN

    story: list[Flowable] = [*_header(data, style, width, printed_on), _matrix(data, style, width)]
    story.extend([CondPageBreak(60 * MM), Paragraph(markup(_("Interviews")), style.heading)])
    for interview in data.interviews:
        story.extend(_interview(interview, style, width))

    return numbered_document(story, fonts=fonts, pagesize=size, margin=MARGIN, top=TOP, bottom=BOTTOM,
                             title=f"{_('Evaluation summary')} {data.semester}",
                             footer=_("Evaluation summary {semester}").format(semester=data.semester),
                             printed_on=printed_on)


def write_evaluation_summary(data: EvaluationSummaryData, target: Path, *, fonts: FontSet | None = None,
                             printed_on: date | None = None) -> None:
    write_atomically(render_evaluation_summary(data, fonts=fonts, printed_on=printed_on), target)


# ---- the semester in figures -------------------------------------------------
def _header(data: EvaluationSummaryData, style: Styles, width: float, printed_on: date) -> list[Flowable]:
    semester = ParagraphStyle("summary-semester", parent=style.title, fontSize=14, leading=18, textColor=ACCENT,
                              spaceBefore=0)
    fonts = style.fonts
    departments = data.department_count
    interviews = data.interview_count
    average = one_decimal(data.all_departments.overall)
    figures: list[tuple[str, str]] = [
        (bold(str(departments), fonts), ""),
        (" ", _("department interviewed") if departments == 1 else _("departments interviewed")),
        ("   ·   " + bold(str(interviews), fonts), ""),
        (" ", _("interview") if interviews == 1 else _("interviews")),
    ]
    if average:
        figures += [("   ·   ", _("overall average") + " "), (bold(average, fonts), ""),
                    (" ", _("of {max}").format(max=SCORE_MAX))]
    return [
        kicker_row(_("Evaluation summary") + " · 评估汇总", style, width),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=6),
        para(_("Evaluation summary"), style.title),
        para(data.semester, semester),
        rich(figures, style.subtitle),
        para(_("Printed {date}").format(date=medium_date(printed_on)), style.small),
        Spacer(1, 4),
        para(_("Scores run from {min} to {max}. Each average is the mean of the scores it covers, so a department "
               "interviewed twice counts twice in the last row; an empty cell means the item was not scored.").format(
            min=SCORE_MIN, max=SCORE_MAX), style.body),
        Spacer(1, 8),
    ]


def _matrix(data: EvaluationSummaryData, style: Styles, width: float) -> Table:
    items = len(data.rubric)
    fixed = AVERAGE_WIDTH + COUNT_WIDTH
    item_width = min(ITEM_MAX, (width - DEPARTMENT_MIN - fixed) / items) if items else 0.0
    department_width = width - fixed - items * item_width
    head = ParagraphStyle("matrix-head", parent=style.cell_head, alignment=TA_CENTER)
    head_small = ParagraphStyle("matrix-head-zh", parent=head, fontName=style.fonts.regular, fontSize=7.5,
                                leading=9.5)
    total = ParagraphStyle("matrix-total", parent=style.cell_title, fontSize=8.5, leading=11)
    rows: list[list[Any]] = [[
        para(_("Department"), style.cell_head),
        *(_item_head(item, head, head_small) for item in data.rubric),
        para(_("Average"), head),
        para(_("Interviews"), head),
    ]]
    for line in data.departments:
        name: list[Flowable] = [para(line.department.name_en, style.cell)]
        if line.department.name_zh:
            name.append(para(line.department.name_zh, style.cell_small))
        rows.append([name, *_figures(line.averages)])
    rows.append([para(_("All departments"), total), *_figures(data.all_departments)])
    last = len(rows) - 1
    commands: list[tuple[Any, ...]] = [
        *list_cell_commands(style.cell),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [None, BAND_FILL]),
        ("LINEBEFORE", (len(data.rubric) + 1, 1), (len(data.rubric) + 1, -1), 0.8, NAVY),
        ("BACKGROUND", (0, last), (-1, last), HEADER_FILL),
        ("LINEABOVE", (0, last), (-1, last), 0.8, NAVY),
        ("LINEBELOW", (0, last), (-1, last), 0.8, NAVY),
        ("FONTNAME", (1, last), (-1, last), style.fonts.latin_bold or style.fonts.bold),
        ("TEXTCOLOR", (1, last), (-1, last), NAVY),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    return Table(rows, colWidths=[department_width, *[item_width] * items, AVERAGE_WIDTH, COUNT_WIDTH],
                 repeatRows=1, style=table_style(style.fonts, commands), hAlign="LEFT")


def _item_head(item: RubricColumn, english: ParagraphStyle, chinese: ParagraphStyle) -> list[Flowable]:
    head: list[Flowable] = [para(item.name_en, english)]
    if item.name_zh:
        head.append(para(item.name_zh, chinese))
    return head


def _figures(averages: ScoreAverages) -> list[str]:
    return [*(one_decimal(value) for value in averages.items), one_decimal(averages.overall),
            str(averages.interviews)]


# ---- each interview ----------------------------------------------------------
def _interview(interview: InterviewSummary, style: Styles, width: float) -> list[Flowable]:
    department = interview.department
    heading = ParagraphStyle("interview-heading", parent=style.heading, fontSize=10.5, leading=14, spaceBefore=6,
                             spaceAfter=4)
    name = f"{department.name_en} · {department.name_zh}" if department.name_zh else department.name_en
    label = style.cell_muted
    average = one_decimal(interview.average)
    facts = [
        [para(_("Interviewer"), label), para(interview.interviewer or "—", style.cell)],
        [para(_("Interviewees"), label), para(interview.interviewees or "—", style.cell)],
        [para(_("Exchanges covered"), label),
         [para(title, style.cell) for title in interview.exchanges] or para(_("none recorded"), style.cell_small)],
        [para(_("Average score"), label),
         rich([(bold(average, style.fonts), ""), (" ", _("of {max}").format(max=SCORE_MAX))], style.cell)
         if average else para(_("not scored"), style.cell_small)],
    ]
    flow: list[Flowable] = [
        CondPageBreak(45 * MM),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=10, spaceAfter=0),
        rich([("", name), (" — ", long_date(interview.interview_date))], heading),
        facts_table(facts, LABEL_WIDTH, width, style),
        Spacer(1, 6),
    ]
    if interview.scores:
        flow += [_scores(interview, style, width), Spacer(1, 6)]
    flow.append(Paragraph(bold(_("Findings"), style.fonts), style.body))
    flow.append(para(interview.findings.strip(), style.body) if interview.findings.strip()
                else para(_("No findings recorded."), style.small))
    flow.append(Spacer(1, 6))
    if interview.actions:
        flow += [CondPageBreak(20 * MM), Paragraph(bold(_("Agreed actions"), style.fonts), style.body), Spacer(1, 2),
                 _actions(interview, style, width)]
    else:
        flow += [Paragraph(bold(_("Agreed actions"), style.fonts), style.body),
                 para(_("No actions were agreed."), style.small)]
    return flow


def _scores(interview: InterviewSummary, style: Styles, width: float) -> Table:
    fractions = [0.34, 0.07, 0.59]
    item_width, _score_width, notes_width = inner_widths(fractions, width)
    heads = [para(_("Rubric item"), style.cell_head),
             para(_("Score"), ParagraphStyle("score-head", parent=style.cell_head, alignment=TA_CENTER)),
             para(_("Notes"), style.cell_head)]
    rows: list[list[Any]] = [heads]
    for line in interview.scores:
        rows.append([_item_name(line.item, style, item_width), str(line.score),
                     cell_text(line.notes, style.cell, notes_width)])
    return list_table(rows, fractions, width, style, [("ALIGN", (1, 1), (1, -1), "CENTER")])


def _item_name(item: RubricColumn, style: Styles, width: float) -> str | Flowable | list[Flowable]:
    """Both names on one line where they fit; else the Chinese name on a line of its own, never cut in two."""
    both = f"{item.name_en}  {item.name_zh}" if item.name_zh else item.name_en
    if not item.name_zh or stringWidth(both, style.cell.fontName, style.cell.fontSize) <= width:
        return cell_text(both, style.cell, width)
    return [para(item.name_en, style.cell), para(item.name_zh, style.cell_small)]


def _actions(interview: InterviewSummary, style: Styles, width: float) -> Table:
    fractions = [0.04, 0.49, 0.20, 0.17, 0.10]
    widths = inner_widths(fractions, width)
    heads = (_("#"), _("Action"), _("Owner"), _("Due"), _("Status"))
    rows: list[list[Any]] = [[para(h, style.cell_head) for h in heads]]
    for number, action in enumerate(interview.actions, start=1):
        values = [str(number), action.description, action.owner or "—",
                  medium_date(action.due_on) if action.due_on else "—", _("Done") if action.done else _("Open")]
        rows.append([cell_text(value, style.cell, w) for value, w in zip(values, widths)])
    return list_table(rows, fractions, width, style)

