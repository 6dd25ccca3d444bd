"""The list model: filtering and sorting in its own lists, checked by Qt's model tester."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.enums import ReviewStatus
from ui.widgets.formatting import day, label
from ui.widgets.table_model import Column, RowTableModel

ROWS = [
    (1, "Wang Li", date(2026, 12, 1), ReviewStatus.SUBMITTED, 3),
    (2, "adams, Jo", None, ReviewStatus.ACCEPTED, None),
    (3, "Zhou Min", date(2026, 11, 2), None, 12),
    (4, "", date(2027, 1, 5), ReviewStatus.REJECTED, 1),
]
COLUMNS = [Column("Name", 1), Column("Due", 2, render=day), Column("Review", 3, render=label),
           Column("Score", 4, align_right=True)]


def ids(model: RowTableModel) -> list[int]:
    return [model.id_at(row) for row in range(model.rowCount())]


def test_sorting_each_column_puts_empty_cells_last(qtbot: QtBot, qtmodeltester: object) -> None:
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(0)
    assert ids(model) == [2, 1, 3, 4]  # case-insensitive; the empty name last
    model.sort(1)
    assert ids(model) == [3, 1, 4, 2]
    model.sort(2)
    assert ids(model) == [1, 2, 4, 3]  # the workflow's order: submitted, accepted, rejected, none
    model.sort(3)
    assert ids(model) == [4, 1, 3, 2]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert ids(model) == [2, 3, 1, 4]


def test_search_and_filter_keep_the_sort(qtbot: QtBot) -> None:
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    model.sort(3)
    model.set_search("2026")
    assert ids(model) == [1, 3]
    model.set_predicate(lambda row: row[3] is ReviewStatus.SUBMITTED)
    assert ids(model) == [1]
    model.set_search("")
    model.set_predicate(None)
    assert ids(model) == [4, 1, 3, 2]
    model.set_rows(ROWS[:2])  # new rows: the old sort keys must not be reused
    assert ids(model) == [1, 2]


def test_typing_on_narrows_and_deleting_widens_again(qtbot: QtBot) -> None:
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    model.set_predicate(lambda row: row[0] != 3)
    for text, expected in [("2", [1, 4]), ("20", [1, 4]), ("2026", [1]), ("202", [1, 4]), ("", [1, 2, 4]),
                           ("z", []), ("", [1, 2, 4])]:
        model.set_search(text)
        assert sorted(ids(model)) == expected, text
    model.set_predicate(None)
    model.set_search("zh")
    assert ids(model) == [3]  # the filter changed: the search starts over from every row


def test_cells_show_their_text_and_new_rows_replace_it(qtbot: QtBot) -> None:
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    cell = model.index(0, 1)
    assert model.data(cell) == "2026-12-01" and model.data(cell, Qt.ItemDataRole.ToolTipRole) == "2026-12-01"
    assert model.data(model.index(1, 2)) == "Accepted"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    model.set_rows([(1, "Wang Li", date(2027, 3, 4), None, 3)])
    assert model.data(model.index(0, 1)) == "2027-03-04"  # not the text shown for the old row


def test_priority_sorts_high_medium_low_not_alphabetically(qtbot: QtBot) -> None:
    from models.enums import Priority

    model = RowTableModel([Column("Title", 1), Column("Priority", 2, render=label)])
    model.set_rows([(1, "a", Priority.LOW), (2, "b", Priority.HIGH), (3, "c", None), (4, "d", Priority.MEDIUM)])
    model.sort(1)
    assert [model.data(model.index(row, 1)) for row in range(4)] == ["High", "Medium", "Low", ""]
