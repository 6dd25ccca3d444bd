"""The evaluation spreadsheet: every rubric score of every department interview, and a summary.

Sheets:
- "Summary": average score per department (with a bar chart) and per semester.
  The averages are computed by the program and written as numbers, not as
  Excel formulas: the file shows the figures of the moment it was made, opens
  identically in every spreadsheet program (no recalculation needed), and can
  be checked against the database. Someone who edits the scores sheet
  afterwards edits the details, not the summary.
- "Scores": one row per interview and rubric item (department, semester,
  exchanges, partners, interviewer, date, rubric item, score, notes). An
  interview without scores still gets one row.
- "Interviews": one row per interview, whole: department, semester, date,
  interviewer, interviewees, exchanges and partners discussed, the findings in
  full, and its average score.
- "Actions": every agreed action with its owner, due date, whether it is done,
  and "overdue" where it is not done and its due date has passed.
- "Trend": each department's average per semester (a row per department, a
  column per semester) and a line chart of it.

Written in openpyxl's write-only mode, so memory stays flat for long histories.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any


from openpyxl.chart import BarChart, LineChart, Reference
from sqlalchemy.orm import Session

from app.evaluation.interviews import SCORE_MAX
from app.i18n import _
from app.views.interview_rows import (
    ActionRow,
    DepartmentTrend,
    InterviewRow,
    action_rows,
    department_trend,
    interview_rows,
)
from app.views.spreadsheet_data import AverageRow, EvaluationScoreRow, evaluation_averages, evaluation_rows
from exports.xlsx_sheets import (
    Column,
    Progress,
    RowWriter,
    append_text_row,
    fitted_widths,
    header_cells,
    save_workbook,
    set_column_widths,
    streaming_workbook,
    write_table,
)


def score_columns() -> list[Column]:
    return [
        Column(_("Interview #"), "integer", max_width=12),
        Column(_("Department"), max_width=45),
        Column(_("Semester"), max_width=16),
        Column(_("Exchanges"), max_width=50),
        Column(_("Partners"), max_width=45),
        Column(_("Interviewer"), max_width=25),
        Column(_("Interview date"), "date"),
        Column(_("Rubric item"), max_width=45),
        Column(_("Score"), "integer", max_width=8),
        Column(_("Notes"), max_width=60),
    ]


def average_columns(name: str) -> list[Column]:
    return [
        Column(name, max_width=45),
        Column(_("Interviews"), "integer", max_width=12),
        Column(_("Scores"), "integer", max_width=10),
        Column(_("Average score"), "decimal", max_width=14),
    ]


def _average_values(row: AverageRow) -> tuple[Any, ...]:
    return (row.name, row.interviews, row.scores, row.average)


def _score_axis(chart: Any) -> None:
    """The value axis of a chart of average scores: 0 to the top score, in steps of one."""
    chart.y_axis.title = _("Average score (1-{max})").format(max=SCORE_MAX)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = SCORE_MAX
    chart.y_axis.majorUnit = 1
    # openpyxl 3.1 marks axes as deleted unless told otherwise; Excel then hides them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _summary(sheet: Any, rows: Sequence[EvaluationScoreRow]) -> None:
    """Department averages in A-D, semester averages in F-I, side by side under one header row
    (panes freeze under it); the chart of department averages to the right."""
    departments = evaluation_averages(rows, "department")
    semesters = evaluation_averages(rows, "semester")
    left = average_columns(_("Department"))
    right = average_columns(_("Semester"))
    left_values = [_average_values(row) for row in departments]
    right_values = [_average_values(row) for row in semesters]
    gap = len(left) + 1
    set_column_widths(sheet, fitted_widths(left, left_values))
    sheet.column_dimensions["E"].width = 3
    set_column_widths(sheet, fitted_widths(right, right_values), first_column=gap + 1)
    if not rows:
        append_text_row(sheet, [_("No interviews recorded for this selection.")], bold=True)
        return
    sheet.freeze_panes = "A2"  # before the first row: a write-only sheet writes it first
    sheet.append([*header_cells(sheet, left), None, *header_cells(sheet, right)])
    left_row, right_row = RowWriter(sheet, left).cells, RowWriter(sheet, right).cells
    for index in range(max(len(left_values), len(right_values))):
        cells: list[Any] = left_row(left_values[index]) if index < len(left_values) else [None] * len(left)
        cells.append(None)
        if index < len(right_values):
            cells += right_row(right_values[index])
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:D{len(departments) + 1}"

    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long department names stay readable
    chart.style = 10
    chart.title = _("Average score per department")
    _score_axis(chart)
    chart.legend = None
    data = Reference(sheet, min_col=4, min_row=1, max_row=len(departments) + 1)
    categories = Reference(sheet, min_col=1, min_row=2, max_row=len(departments) + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.width = 22
    chart.height = max(7.5, 1.0 + 0.7 * len(departments))
    sheet.add_chart(chart, "K2")


def interview_columns() -> list[Column]:
    return [
        Column(_("Interview #"), "integer", max_width=12),
        Column(_("Department"), max_width=45),
        Column(_("Semester"), max_width=16),
        Column(_("Interview date"), "date"),
        Column(_("Interviewer"), max_width=25),
        Column(_("Interviewees"), max_width=40),
        Column(_("Exchanges discussed"), max_width=50),
        Column(_("Partners"), max_width=45),
        Column(_("Findings"), max_width=80),
        Column(_("Average score"), "decimal", max_width=14),
    ]


def action_columns() -> list[Column]:
    return [
        Column(_("Interview #"), "integer", max_width=12),
        Column(_("Department"), max_width=45),
        Column(_("Semester"), max_width=16),
        Column(_("Agreed action"), max_width=70),
        Column(_("Owner"), max_width=25),
        Column(_("Due date"), "date"),
        Column(_("Done"), max_width=8),
        Column(_("Overdue"), max_width=10),
    ]


def _action_values(row: ActionRow) -> tuple[Any, ...]:
    return (row.evaluation_id, row.department, row.semester, row.description, row.owner, row.due_on,
            _("yes") if row.done else _("no"), _("overdue") if row.overdue else "")


def _trend(sheet: Any, trend: DepartmentTrend) -> None:
    """A department per row, a semester per column, and a line per department across the semesters."""
    columns = [Column(_("Department"), max_width=45)] + [Column(name, "decimal", max_width=14)
                                                          for name in trend.semesters]
    rows = [(department, *averages) for department, averages in zip(trend.departments, trend.averages, strict=True)]
    if not rows:
        append_text_row(sheet, [_("No interviews recorded for this selection.")], bold=True)
        return
    write_table(sheet, columns, rows)
    chart = LineChart()
    chart.title = _("Average score per semester")
    _score_axis(chart)
    last_column = len(columns)
    data = Reference(sheet, min_col=1, max_col=last_column, min_row=2, max_row=len(rows) + 1)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, max_col=last_column, min_row=1, max_row=1))
    chart.width = 24
    chart.height = 12
    sheet.add_chart(chart, f"A{len(rows) + 4}")


def write_evaluation_workbook(rows: Sequence[EvaluationScoreRow], path: Path, *,
                              interviews: Sequence[InterviewRow] = (), actions: Sequence[ActionRow] = (),
                              progress: Progress | None = None) -> Path:
    with streaming_workbook() as workbook:
        summary = workbook.create_sheet(_("Summary"))
        interview_sheet = workbook.create_sheet(_("Interviews"))
        action_sheet = workbook.create_sheet(_("Actions"))
        scores = workbook.create_sheet(_("Scores"))
        trend = workbook.create_sheet(_("Trend"))
        _summary(summary, rows)
        write_table(interview_sheet, interview_columns(), interviews)
        write_table(action_sheet, action_columns(), [_action_values(row) for row in actions])
        write_table(scores, score_columns(), rows, progress=progress)
        _trend(trend, department_trend(rows))
        return save_workbook(workbook, path)


def export_evaluations(session: Session, path: Path, semester_id: int | None = None, *,
                       progress: Progress | None = None, today: date | None = None) -> int:
    """Write the evaluation spreadsheet (one semester, or all); return how many score rows it holds."""
    rows = evaluation_rows(session, semester_id)
    interviews = interview_rows(session, rows, semester_id)
    actions = action_rows(session, today or date.today(), semester_id)
    write_evaluation_workbook(rows, path, interviews=interviews, actions=actions, progress=progress)
    return len(rows)
