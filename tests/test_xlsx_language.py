"""Excel exports take the interface language for their headers at the moment they are written, and show a
topic's Chinese title beside the English one."""
from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

import app.i18n
from exports.list_xlsx import export_topics
from exports.overdue_xlsx import headers as overdue_headers
from models import Department, Semester

CHINESE = {
    "Semester": "学期", "Department": "部门", "Topic area": "主题领域", "Title": "题目", "Description": "内容说明",
    "Learn / share": "学习 / 分享", "Priority": "优先级", "Preferred region": "意向地区", "Status": "状态",
    "Source": "来源", "Received": "收到时间", "Offered to partners": "已联系的合作院校", "Exchange": "交流",
    "Partner": "合作院校", "Days overdue": "逾期天数",
}


class Chinese(gettext.NullTranslations):
    """A Chinese catalogue of the headers these tests read, as an installed interface language provides."""

    def gettext(self, message: str) -> str:
        return CHINESE.get(message, message)


@pytest.fixture
def chinese_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.i18n, "_translation", Chinese())


def headers_of(path: Path, title: str) -> list[Any]:
    sheet = load_workbook(path)[title]
    return [cell.value for cell in sheet[1]]


def test_headers_follow_the_language_at_the_time_of_export(
    db_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_proposal: Callable[..., Any],
    make_semester: Callable[..., Semester], make_department: Callable[..., Department],
) -> None:
    semester = make_semester(name="2027 Spring")
    department = make_department(name_en="Library", name_zh="图书馆")
    make_proposal(semester=semester, department=department, title="Research data services",
                  title_zh="科研数据服务")
    make_proposal(semester=semester, department=department, title="Reading lists")
    db_session.flush()

    english = tmp_path / "topics-en.xlsx"
    export_topics(db_session, english, semester.id)
    sheet_name = load_workbook(english).sheetnames[0]
    assert headers_of(english, sheet_name)[:4] == ["Semester", "Department", "Topic area", "Title"]

    monkeypatch.setattr(app.i18n, "_translation", Chinese())  # the officer switched to Chinese
    chinese = tmp_path / "topics-zh.xlsx"
    export_topics(db_session, chinese, semester.id)
    sheet = load_workbook(chinese)[load_workbook(chinese).sheetnames[0]]
    assert [cell.value for cell in sheet[1]] == [
        "学期", "部门", "主题领域", "题目", "内容说明", "学习 / 分享", "优先级", "意向地区", "状态", "来源", "收到时间",
        "已联系的合作院校"]
    titles = sorted(row[3] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert titles == ["Reading lists", "Research data services (科研数据服务)"]  # one title prints that one


def test_overdue_headers_in_chinese(chinese_interface: None) -> None:
    assert overdue_headers()[0] == "部门" and overdue_headers()[-1] == "逾期天数"
