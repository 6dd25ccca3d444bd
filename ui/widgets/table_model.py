"""A fast table model over plain row tuples, filtering and sorting in its own lists.

A QSortFilterProxyModel calls back into Python for every cell it compares, which
is far too slow for 100,000 rows. Here each row's searchable text is computed
once; a keystroke is one pass of `in` over those strings, and sorting is one
`list.sort` on precomputed keys.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.widgets.translation import tr

Row = tuple[Any, ...]
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One visible column: its title, the tuple position, how to show it."""

    title: str
    position: int
    render: Callable[[Any], str] = field(default=lambda value: "" if value is None else str(value))
    align_right: bool = False


_LAST = "\U0010ffff"  # sorts after any text: empty cells go last
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})
_ALIGNMENT_ROLE = frozenset({Qt.ItemDataRole.TextAlignmentRole})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def column_sort_keys(values: Sequence[Any]) -> list[Any]:
    """One plain, comparable key per value (text folded, empty last), built for the column's type.

    Plain strings and numbers compare far faster than tuples, which matters for
    sorting 100,000 rows while the officer waits.
    """
    sample = next((value for value in values if value is not None and value != ""), None)
    if sample is None:
        return [0] * len(values)
    if isinstance(sample, (int, float)) and not isinstance(sample, bool):
        return [value if isinstance(value, (int, float)) else float("inf") for value in values]
    if isinstance(sample, (date, datetime)):
        return [value.isoformat() if isinstance(value, (date, datetime)) else _LAST for value in values]
    if isinstance(sample, Enum):  # enums sort in their declared order (high, medium, low), not by spelling
        order = {member: index for index, member in enumerate(type(sample))}
        return [order.get(value, len(order)) if value is not None else len(order) + 1 for value in values]
    if isinstance(sample, str):
        return [value.casefold() if isinstance(value, str) and value else _LAST for value in values]
    return [sort_key(value) for value in values]


def sort_key(value: Any) -> tuple[int, Any]:
    """None last; numbers, dates and text each comparable among themselves."""
    if value is None or value == "":
        return (2, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, (date, datetime)):
        return (0, value.isoformat())
    if isinstance(value, Enum):  # enums sort in their declared order
        return (0, list(type(value)).index(value))
    return (1, str(value).casefold())


class RowTableModel(QAbstractTableModel):
    """Rows are tuples whose first item is the record id."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._right_aligned = frozenset(i for i, column in enumerate(self.columns) if column.align_right)
        self._rows: list[Row] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's shown texts, rendered when first shown
        self._haystacks: list[str] = []
        self._matches: list[int] = []  # rows passing the filter and the search, in stored order
        self._visible: list[int] = []
        self._needle = ""
        self._predicate: Callable[[Row], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[int, list[Any]] = {}  # per tuple position, built on the first sort by it

    # ---- Qt overrides --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each repaint: the roles shown return at
        # once, the texts come from a per-row cache, every other role costs one set lookup.
        if role in _TEXT_ROLES:
            row = index.row()
            if not 0 <= row < len(self._visible):
                return None
            source = self._visible[row]
            texts = self._texts[source]
            if texts is None:
                texts = self._texts[source] = self._render(self._rows[source])
            return texts[index.column()]
        if role in _ALIGNMENT_ROLE and index.column() in self._right_aligned:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            # Titles set in a class body are marked QT_TR_NOOP and translated here, as they are shown.
            return tr(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._apply_sort()
        self.layoutChanged.emit()

    # ---- ours ----------------------------------------------------------------
    def search_texts(self, rows: Sequence[Row]) -> list[str]:
        """What the search looks in, one text per row. Reads only the columns: a list's worker thread calls it,
        so that the window's thread does not render 50,000 rows when they arrive."""
        columns = self.columns
        return ["\x1f".join(column.render(row[column.position]) for column in columns).casefold() for row in rows]

    def sorted_position(self) -> int | None:
        """The row position of the column the list is sorted by, None when unsorted."""
        if not 0 <= self._sort_column < len(self.columns):
            return None
        return self.columns[self._sort_column].position

    def set_rows(self, rows: Sequence[Row], search_texts: list[str] | None = None,
                 sort_keys: dict[int, list[Any]] | None = None) -> None:
        """Show `rows`; `search_texts`, when given, are what `search_texts(rows)` returns, and `sort_keys`
        {position: column_sort_keys of that position's values}: both made on a list's worker thread."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self._sort_keys = dict(sort_keys or {})
        self._haystacks = search_texts if search_texts is not None else self.search_texts(self._rows)
        self._recompute()
        self.endResetModel()

    def _render(self, row: Row) -> tuple[str, ...]:
        return tuple(column.render(row[column.position]) for column in self.columns)

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        # Typing on narrows the search: only the rows that matched so far can match now.
        narrowing = bool(self._needle) and needle.startswith(self._needle)
        self.beginResetModel()
        self._needle = needle
        self._recompute(narrowing=narrowing)
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[Row], bool] | None) -> None:
        self.beginResetModel()
        self._predicate = predicate
        self._recompute()
        self.endResetModel()

    def _recompute(self, *, narrowing: bool = False) -> None:
        needle, predicate, rows = self._needle, self._predicate, self._rows
        candidates: Sequence[int]
        if narrowing:
            candidates = self._matches
        elif predicate is None:
            candidates = range(len(rows))
        else:
            candidates = [i for i in range(len(rows)) if predicate(rows[i])]
        if needle:
            haystacks = self._haystacks
            self._matches = [i for i in candidates if needle in haystacks[i]]
        else:
            self._matches = list(candidates)
        self._visible = list(self._matches)
        self._apply_sort()

    def _apply_sort(self) -> None:
        position = self.sorted_position()
        if position is None:
            return
        keys = self._sort_keys.get(position)
        if keys is None:
            keys = self._sort_keys[position] = column_sort_keys([row[position] for row in self._rows])
        self._visible.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def row_at(self, visible_row: int) -> Row:
        return self._rows[self._visible[visible_row]]

    def id_at(self, visible_row: int) -> int:
        return int(self.row_at(visible_row)[0])

    def visible_row_of(self, record_id: int) -> int | None:
        for visible_row, i in enumerate(self._visible):
            if self._rows[i][0] == record_id:
                return visible_row
        return None

    @property
    def total(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[Row]:
        return self._rows


class ListModel(QAbstractTableModel):
    """Rows of one kind under fixed column headers; a subclass says what each cell shows.

    For the small lists of dialogs (actions of an interview, items needing action,
    overdue reports); the big record lists use RowTableModel above.
    """

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, index: Index) -> Any:
        """The row object behind a valid index, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
