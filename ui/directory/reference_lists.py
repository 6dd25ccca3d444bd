"""Edit → Lists…: the topic areas and the evaluation rubric, each added to, renamed, retired and reordered.

Entries are retired rather than deleted: proposals and interviews that used one keep
showing it, and new ones are no longer offered it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.directory import reference_data
from app.errors import AppError, ValidationError
from app.evaluation import interviews
from ui.widgets.record_tab import TabHost

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Entry = tuple[int, str, str, bool]  # id, English, Chinese, offered


@dataclass(frozen=True)
class ListOperations:
    """How one reference list is read and changed (the use cases live in app/)."""

    read: Callable[[Session], Sequence[Entry]]
    add: Callable[[Session, Any, str, str], Any]
    rename: Callable[[Session, Any, int, str, str], Any]
    set_active: Callable[[Session, Any, int, bool], Any]
    move: Callable[[Session, Any, int, int], Any]


TOPIC_AREAS = ListOperations(
    read=lambda s: [(a.id, a.name_en, a.name_zh, a.active) for a in reference_data.topic_areas(s, include_inactive=True)],
    add=lambda s, actor, en, zh: reference_data.add_topic_area(s, actor, en, zh),
    rename=lambda s, actor, i, en, zh: reference_data.update_topic_area(s, actor, i, name_en=en, name_zh=zh),
    set_active=reference_data.set_topic_area_active,
    move=reference_data.move_topic_area,
)
RUBRIC = ListOperations(
    read=lambda s: [(r.id, r.name_en, r.name_zh, r.active) for r in interviews.list_rubric(s, include_inactive=True)],
    add=lambda s, actor, en, zh: interviews.add_rubric_item(s, actor, en, zh),
    rename=lambda s, actor, i, en, zh: interviews.update_rubric_item(s, actor, i, name_en=en, name_zh=zh),
    set_active=interviews.set_rubric_item_active,
    move=interviews.move_rubric_item,
)


class EntryDialog(QDialog):
    """The English and Chinese name of one entry."""

    def __init__(self, title: str, name_en: str = "", name_zh: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name_en = QLineEdit(name_en)
        self.name_en.setObjectName("name_en")
        self.name_zh = QLineEdit(name_zh)
        self.name_zh.setObjectName("name_zh")
        form = QFormLayout()
        form.addRow(self.tr("Name (&English)"), self.name_en)
        form.addRow(self.tr("Name (&Chinese)"), self.name_zh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 140)


class ReferenceListEditor(QWidget):
    """One list: its entries in order, retired ones greyed, and the buttons that change it."""

    def __init__(self, host: TabHost, operations: ListOperations, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.operations = operations
        self.what = what
        self.entries: list[Entry] = []
        self.list = QListWidget()
        self.list.setObjectName("entries")
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename())
        self.add_button = self._button(self.tr("&Add…"), self.add, "add")
        self.rename_button = self._button(self.tr("&Rename…"), self.rename, "rename")
        self.retire_button = self._button(self.tr("Re&tire"), self.toggle_active, "retire")
        self.up_button = self._button(self.tr("Move &up"), lambda: self.move_entry(-1), "up")
        self.down_button = self._button(self.tr("Move do&wn"), lambda: self.move_entry(1), "down")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        note = QLabel(self.tr("A retired entry stays on the records that use it but is no longer offered for "
                              "new ones."))
        note.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.message)
        self.reload()

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def reload(self, select_id: int | None = None) -> None:
        with self.host.database.sessions() as session:
            self.entries = list(self.operations.read(session))
        self.list.clear()
        for entry_id, name_en, name_zh, active in self.entries:
            text = f"{name_en} — {name_zh}" if name_zh else name_en
            if not active:
                text = self.tr("{name} (retired)").replace("{name}", text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            if not active:
                item.setForeground(QBrush(QColor("#777777")))
            self.list.addItem(item)
        index = next((i for i, e in enumerate(self.entries) if e[0] == select_id), 0 if self.entries else -1)
        self.list.setCurrentRow(index)
        self._update_buttons()

    def current(self) -> Entry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self, *_args: object) -> None:
        entry = self.current()
        row = self.list.currentRow()
        for button in (self.rename_button, self.retire_button):
            button.setEnabled(entry is not None)
        self.retire_button.setText(self.tr("Bring &back") if entry is not None and not entry[3] else self.tr("Re&tire"))
        self.up_button.setEnabled(entry is not None and row > 0)
        self.down_button.setEnabled(entry is not None and row < len(self.entries) - 1)

    def _run(self, change: Callable[[Session], Any], select_id: int | None) -> bool:
        self.message.clear()
        try:
            with self.host.database.transaction() as session:
                result = change(session)
                if select_id is None and hasattr(result, "id"):
                    select_id = int(result.id)
        except ValidationError as error:
            self.message.setText(error.message)
            return False
        except AppError as error:
            self.message.setText(str(error))
            return False
        self.reload(select_id)
        return True

    def add(self) -> None:
        dialog = EntryDialog(self.tr("Add to {list}").replace("{list}", self.what), parent=self)
        if dialog.exec():
            en, zh = dialog.name_en.text().strip(), dialog.name_zh.text().strip()
            self._run(lambda s: self.operations.add(s, self.host.actor, en, zh), None)

    def rename(self) -> None:
        entry = self.current()
        if entry is None:
            return
        dialog = EntryDialog(self.tr("Rename"), entry[1], entry[2], self)
        if dialog.exec():
            en, zh = dialog.name_en.text().strip(), dialog.name_zh.text().strip()
            self._run(lambda s: self.operations.rename(s, self.host.actor, entry[0], en, zh), entry[0])

    def toggle_active(self) -> None:
        entry = self.current()
        if entry is not None:
            self._run(lambda s: self.operations.set_active(s, self.host.actor, entry[0], not entry[3]), entry[0])

    def move_entry(self, offset: int) -> None:
        entry = self.current()
        if entry is not None:
            self._run(lambda s: self.operations.move(s, self.host.actor, entry[0], offset), entry[0])


class ListsDialog(QDialog):
    """Edit → Lists…: one page per reference list."""

    PAGES = ("topic_areas", "rubric")

    def __init__(self, host: TabHost, page: str = "topic_areas", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lists"))
        self.pages = QTabWidget()
        self.topic_areas = ReferenceListEditor(host, TOPIC_AREAS, self.tr("topic areas"))
        self.rubric = ReferenceListEditor(host, RUBRIC, self.tr("the evaluation rubric"))
        self.pages.addTab(self.topic_areas, self.tr("Topic areas"))
        self.pages.addTab(self.rubric, self.tr("Evaluation rubric"))
        self.pages.setCurrentIndex(self.PAGES.index(page) if page in self.PAGES else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(720, 520)


def open_lists_dialog(host: TabHost, page: str = "topic_areas") -> None:
    ListsDialog(host, page, host if isinstance(host, QWidget) else None).exec()
