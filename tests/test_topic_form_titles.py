"""The topic-collection form's optional Chinese title: a bilingual column, read back on import, and forms
without it still read as before."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from app.actor import Actor
from app.i18n import _
from app.topics.intake import Change
from exports.topic_import import import_topic_forms
from tests.test_xlsx_topic_form import FormSetup, fill, proposals_of, setup  # noqa: F401 - fixture

# Values from column B on: area, title, description, learn/share, priority, region, Chinese title.
CHINESE_TITLE = 8  # column H


def test_the_form_has_a_bilingual_chinese_title_column(setup: FormSetup) -> None:  # noqa: F811
    sheet = load_workbook(setup.form(setup.library))["Form"]
    headers = [sheet.cell(row=6, column=column).value for column in range(1, CHINESE_TITLE + 1)]
    assert headers[1] == "Topic area\n主题领域" and headers[2] == "Title\n题目"
    assert headers[-1] == "Chinese title (optional)\n中文题目（选填）"
    assert sheet.cell(row=7, column=CHINESE_TITLE).number_format == "@"  # typed text stays text


def test_chinese_titles_are_imported_and_corrected(db_session: Session, setup: FormSetup,  # noqa: F811
                                                   tmp_path: Path, officer: Actor) -> None:
    first = fill(setup.form(setup.library), tmp_path / "v1.xlsx", {
        7: ["Campus safety", "Night buses", None, "Learn", "Low", None, "  夜间校车  "],
        8: ["General courses", "Reading lists", None, "Share", None, None, None],
        9: ["General courses", "Long one", None, None, None, None, "长" * 301],
    })
    refused = import_topic_forms(db_session, officer, [first])
    assert refused.files[0].problems == [
        _("{where}: too long ({n} characters, at most {limit}).").format(
            where=_("{sheet}, row {row}, {column}").format(sheet="Form", row=9, column=_("Chinese title (optional)")),
            n=301, limit=300)]
    assert proposals_of(db_session, setup.library) == []  # all or nothing

    first = fill(first, tmp_path / "v1-fixed.xlsx", {9: [None] * 7})
    import_topic_forms(db_session, officer, [first])
    assert [(p.title, p.title_zh) for p in proposals_of(db_session, setup.library)] == [
        ("Night buses", "夜间校车"), ("Reading lists", "")]

    corrected = fill(first, tmp_path / "v2.xlsx", {8: ["General courses", "Reading lists", None, "Share", None, None,
                                                       "阅读书目"]})
    result = import_topic_forms(db_session, officer, [corrected])
    assert [(line.row, line.change, line.changed_fields) for line in result.files[0].lines] == [
        (7, Change.UNCHANGED, ()), (8, Change.UPDATED, (_("Chinese title (optional)"),))]
    assert [p.title_zh for p in proposals_of(db_session, setup.library)] == ["夜间校车", "阅读书目"]


def test_a_form_without_the_column_keeps_the_stored_chinese_title(db_session: Session, setup: FormSetup,  # noqa: F811
                                                                  tmp_path: Path, officer: Actor) -> None:
    first = fill(setup.form(setup.library), tmp_path / "v1.xlsx", {
        7: ["Campus safety", "Night buses", None, "Learn", "Low", None, "夜间校车"]})
    import_topic_forms(db_session, officer, [first])

    def older_form(workbook: Any) -> None:
        workbook["Form"].delete_cols(CHINESE_TITLE)  # as a form made before the column was added

    older = fill(first, tmp_path / "older.xlsx", {7: ["Campus safety", "Night buses", None, "Learn", "High", None]},
                 edit=older_form)
    result = import_topic_forms(db_session, officer, [older])
    assert result.files[0].problems == []
    assert [(line.change, line.changed_fields) for line in result.files[0].lines] == [
        (Change.UPDATED, (_("Priority"),))]
    assert [p.title_zh for p in proposals_of(db_session, setup.library)] == ["夜间校车"]
