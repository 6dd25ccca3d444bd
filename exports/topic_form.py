"""The topic-collection form a department fills in for the coming semester (Excel).

One workbook per department:
- "Instructions": what to do, in English and Chinese;
- "Form": department and semester pre-filled, a styled header on row 6 and 50
  numbered input rows, with drop-down lists for topic area, learn/share, priority
  and preferred partner region, and a hidden "Row key" column right of the data:
  each row's key travels with the row when rows are deleted, inserted or sorted, so
  a form sent again updates the right proposals (app/topics/intake.py);
- "Lists" (hidden): the drop-down choices, so long lists are not squeezed into a formula;
- "FormInfo" (very hidden, so only a program sees it): department id and name,
  semester id and name, form kind and version and the form's id, which the import checks.

The layout and the choices come from app/topics/intake.py, which also checks the
returned forms, so both sides agree. `generate_forms` writes every department's
form into one folder.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from app.errors import NotFoundError
from app.i18n import _
from app.output_files import safe_file_name
from app.views.spreadsheet_data import DepartmentRef, FormContext, form_context
from app.topics.intake import (
    FORM_FIELDS,
    FORM_KIND,
    FORM_SHEET,
    FORM_VERSION,
    HEADER_ROW,
    INFO_SHEET,
    INPUT_ROWS,
    LISTS_SHEET,
    area_choices,
    direction_choices,
    new_form_id,
    priority_choices,
    row_key,
)
from exports.xlsx_sheets import HEADER_ALIGNMENT, HEADER_BORDER, HEADER_FILL, HEADER_FONT, save_workbook, set_text

INPUT_BORDER = Border(*(Side(style="thin", color="B7C9E2"),) * 4)
INPUT_FILL = PatternFill("solid", fgColor="F7FAFD")
NUMBER_FONT = Font(color="7F7F7F")
FIRST_ROW = HEADER_ROW + 1
LAST_ROW = HEADER_ROW + INPUT_ROWS
# Windows refuses these names whatever the extension.
def form_file_name(semester_name: str, department: DepartmentRef) -> str:
    return safe_file_name(_("Topic form {semester} - {department}").format(
        semester=semester_name, department=department.name_en)) + ".xlsx"


# ---- the sheets ---------------------------------------------------------------------
def _instructions(sheet: Worksheet, context: FormContext, department: DepartmentRef) -> None:
    semester = context.semester
    deadline = semester.topic_deadline.isoformat() if semester.topic_deadline else None
    paragraphs: list[tuple[str, bool]] = [
        (_("Topic proposals for {semester}: {department}").format(semester=semester.name,
                                                                   department=department.name_en), True),
        (f"{semester.name} 线上交流主题征集：{department.name_zh or department.name_en}", True),
        ("", False),
        (_("The International Affairs Division (IAD) is collecting the topics your department wants to cover "
           "with overseas partner universities in online workshops next semester."), False),
        ("国际合作与交流处正在征集贵部门下学期希望与海外合作高校通过线上交流探讨的主题。", False),
        ("", False),
        (_("1. On the sheet \"{sheet}\", write one proposal per row: topic area, title, a short description, "
           "whether you want to learn, share or both, its priority and, if you have one, the region of the "
           "partner you would prefer.").format(sheet=FORM_SHEET), False),
        (f"1. 请在“{FORM_SHEET}”工作表中每行填写一个主题：主题领域、题目、简要说明、希望学习还是分享（或两者）、"
         "优先级，以及意向合作地区（如有）。", False),
        (_("2. Choose topic area, learn / share and priority from the drop-down lists. Every filled row needs "
           "a title and a topic area. An empty learn / share counts as Both, an empty priority as Medium."), False),
        ("2. 主题领域、学习/分享和优先级请从下拉列表中选择。每个填写的行都必须有题目和主题领域。"
         "学习/分享留空视为“两者”，优先级留空视为“中”。", False),
        (_("3. Empty rows are ignored. You may add columns of your own to the right; they are not read."), False),
        ("3. 空行将被忽略。可在右侧添加自己的列，导入时不会读取。", False),
        (_("4. To change a proposal later, correct its row and send the file again; to withdraw one, clear or "
           "delete its row. Rows may be deleted, inserted or sorted (sort whole rows): each row carries a hidden "
           "key, so the IAD updates the right proposal. Do not rename the sheets."), False),
        ("4. 如需修改，请直接修改该行后重新发送本文件；如需撤回某个主题，请清空或删除该行。"
         "可以删除、插入或排序行（请对整行排序）：每行带有隐藏的标识，国际合作与交流处据此更新对应的主题。"
         "请不要重命名工作表。", False),
    ]
    if deadline:
        paragraphs += [
            (_("5. Please return this file to the IAD by {date}.").format(date=deadline), True),
            (f"5. 请于 {deadline} 前将本文件发回国际合作与交流处。", True),
        ]
    sheet.column_dimensions["A"].width = 110
    for number, (text, bold) in enumerate(paragraphs, 1):
        cell = sheet.cell(row=number, column=1)
        if text:
            set_text(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True, size=13 if number <= 2 else 11)


def _lists(sheet: Worksheet, context: FormContext) -> dict[str, str]:
    """Write the drop-down choices, one column each; return the range formula per form field."""
    columns = {
        "area": (_("Topic area"), [choice.label for choice in area_choices(context.areas)]),
        "direction": (_("Learn / share"), [choice.label for choice in direction_choices()]),
        "priority": (_("Priority"), [choice.label for choice in priority_choices()]),
        "region": (_("Preferred partner region"), list(context.regions)),
    }
    ranges: dict[str, str] = {}
    for index, (key, (header, values)) in enumerate(columns.items(), 1):
        letter = get_column_letter(index)
        set_text(sheet.cell(row=1, column=index), header)
        sheet.cell(row=1, column=index).font = Font(bold=True)
        for offset, value in enumerate(values, 2):
            set_text(sheet.cell(row=offset, column=index), value)
        sheet.column_dimensions[letter].width = 36
        if values:
            ranges[key] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _form(sheet: Worksheet, context: FormContext, department: DepartmentRef, ranges: dict[str, str],
          form_id: str) -> None:
    semester = context.semester
    # The form is bilingual whatever the interface language: its English half is not translated.
    set_text(sheet["A1"], f"Topic proposals for {semester.name}"
             + f" / {semester.name} 主题征集")
    sheet["A1"].font = Font(bold=True, size=14)
    facts: list[tuple[str, object]] = [
        ("Department / 部门", department.display_name),
        ("Semester / 学期", semester.name),
    ]
    if semester.topic_deadline is not None:
        facts.append(("Please return by / 截止日期", semester.topic_deadline))
    for row, (label, value) in enumerate(facts, 2):
        set_text(sheet.cell(row=row, column=2), label)
        sheet.cell(row=row, column=2).font = Font(bold=True)
        target = sheet.cell(row=row, column=3)
        if isinstance(value, str):
            set_text(target, value)
        else:
            target.value = value
            target.number_format = "yyyy-mm-dd"
            target.alignment = Alignment(horizontal="left")
    set_text(sheet.cell(row=HEADER_ROW - 1, column=1),
             "One proposal per row; choose from the drop-down lists. 每行填写一个主题，请从下拉列表中选择。")
    sheet.cell(row=HEADER_ROW - 1, column=1).font = Font(italic=True, color="595959")

    for column, form_field in enumerate(FORM_FIELDS, 1):
        cell = sheet.cell(row=HEADER_ROW, column=column)
        set_text(cell, form_field.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        cell.border = HEADER_BORDER
        sheet.column_dimensions[get_column_letter(column)].width = form_field.width
        sheet.column_dimensions[get_column_letter(column)].hidden = form_field.hidden
    sheet.row_dimensions[HEADER_ROW].height = 32

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in range(FIRST_ROW, LAST_ROW + 1):
        for column, form_field in enumerate(FORM_FIELDS, 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = INPUT_BORDER
            if form_field.key == "number":
                cell.value = row - HEADER_ROW
                cell.font = NUMBER_FONT
                cell.alignment = Alignment(horizontal="center", vertical="top")
                continue
            if form_field.key == "key":
                set_text(cell, row_key(form_id, row - HEADER_ROW))
                cell.font = NUMBER_FONT
                continue
            cell.fill = INPUT_FILL
            # Text format: whatever is typed stays text (a title "=..." or "2026" included).
            cell.number_format = "@"
            cell.alignment = wrap if form_field.wrap else top

    prompts = {
        "area": ("Topic area 主题领域", "Choose from the list. 请从列表中选择。", "stop"),
        "direction": ("Learn / share 学习 / 分享", "Learn, share or both. 学习、分享或两者。", "stop"),
        "priority": ("Priority 优先级", "High, medium or low. 高、中或低。", "stop"),
        "region": ("Partner region 意向合作地区", "Choose from the list or type another region. "
                   "可从列表中选择或自行填写。", "information"),
    }
    for column, form_field in enumerate(FORM_FIELDS, 1):
        if form_field.key not in ranges:
            continue
        title, prompt, style = prompts[form_field.key]
        validation = DataValidation(
            type="list", formula1=ranges[form_field.key], allow_blank=True, showErrorMessage=True,
            showInputMessage=True, errorStyle=style, promptTitle=title[:32], prompt=prompt,
            errorTitle=title[:32], error="Please choose a value from the list. 请从列表中选择。",
        )
        letter = get_column_letter(column)
        validation.add(f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")
        sheet.add_data_validation(validation)

    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _info(sheet: Worksheet, context: FormContext, department: DepartmentRef, form_id: str) -> None:
    entries: list[tuple[str, object]] = [
        ("form", FORM_KIND),
        ("form_version", FORM_VERSION),
        ("semester_id", context.semester.id),
        ("semester_name", context.semester.name),
        ("department_id", department.id),
        ("department_name", department.name_en),
        ("sheet", FORM_SHEET),
        ("header_row", HEADER_ROW),
        ("generated_at", datetime.now(UTC).isoformat(timespec="seconds")),
        ("form_id", form_id),
    ]
    for row, (key, value) in enumerate(entries, 1):
        set_text(sheet.cell(row=row, column=1), key)
        cell = sheet.cell(row=row, column=2)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value


def topic_form_workbook(context: FormContext, department: DepartmentRef) -> Workbook:
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = _("Instructions")[:31]
    form = workbook.create_sheet(FORM_SHEET)
    lists = workbook.create_sheet(LISTS_SHEET)
    info = workbook.create_sheet(INFO_SHEET)
    form_id = new_form_id()
    _instructions(instructions, context, department)
    ranges = _lists(lists, context)
    _form(form, context, department, ranges, form_id)
    _info(info, context, department, form_id)
    lists.sheet_state = "hidden"
    info.sheet_state = "veryHidden"
    workbook.active = 1  # opens on the form
    instructions.sheet_view.tabSelected = False
    form.sheet_view.tabSelected = True
    return workbook


def write_topic_form(session: Session, semester_id: int, department_id: int, path: Path) -> Path:
    """One department's form."""
    context = form_context(session, semester_id)
    department = next((d for d in context.departments if d.id == department_id), None)
    if department is None:
        raise NotFoundError(_("The department #{id} no longer exists.").format(id=department_id))
    return save_workbook(topic_form_workbook(context, department), path)


def generate_forms(session: Session, semester_id: int, folder: Path,
                   progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Every department's form for the semester, one file each, into `folder` (created if missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    context = form_context(session, semester_id)
    written: list[Path] = []
    used: set[str] = set()
    total = len(context.departments)
    for done, department in enumerate(context.departments, 1):
        name = form_file_name(context.semester.name, department)
        if name.casefold() in used:  # two names that differ only in characters a file name cannot hold
            name = f"{name[:-5]} ({department.id}).xlsx"
        used.add(name.casefold())
        written.append(save_workbook(topic_form_workbook(context, department), folder / name))
        if progress is not None:
            progress(done, total)
    return written
