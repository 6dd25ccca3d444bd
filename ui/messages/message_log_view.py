"""Message log: every message written or sent, newest first, with its result; filtered by kind."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.messages import templates as t
from app.messages.message_log import FAILED, LogLine, message_history, result_label
from app.storage.database import Database
from ui.widgets.table_model import ListModel
from ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex


class LogModel(ListModel):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: LogLine | None = self.row_of(index)
        if line is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            recipient = f"{line.recipient_name} <{line.recipient_email}>" if line.recipient_email else \
                line.recipient_name
            return (line.at.astimezone().strftime("%Y-%m-%d %H:%M"), t.kind_label(line.kind), recipient, line.subject,
                    result_label(line.result), line.detail, line.username)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and line.result != "sent" and line.result != "drafted":
            return QColor("#C62828") if line.result == FAILED else QColor("#8D6E00")
        return None


class MessageLogView(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("message_log_view")
        self.setWindowTitle(self.tr("Message log"))
        self.kind = QComboBox()
        self.kind.setObjectName("log_kind")
        self.kind.addItem(self.tr("Every kind"), None)
        for kind in t.KINDS:
            self.kind.addItem(t.kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self.reload)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kind:")))
        top.addWidget(self.kind)
        top.addWidget(self.summary, 1)
        self.model = LogModel([self.tr("When"), self.tr("Kind"), self.tr("Recipient"), self.tr("Subject"),
                               self.tr("Result"), self.tr("Detail"), self.tr("By")], self)
        self.table = QTableView()
        self.table.setObjectName("log_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1180, 560)
        self.reload()

    def reload(self) -> None:
        with self.database.sessions() as session:
            lines = message_history(session, kind=self.kind.currentData())
        self.model.set_rows(lines)
        for column, width in enumerate((130, 170, 260, 300, 110, 160)):
            self.table.setColumnWidth(column, width)
        self.summary.setText(self.tr("{n} messages (newest first)").replace("{n}", str(len(lines))))
