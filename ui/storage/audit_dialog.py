"""Who changed what, when: the history of one record, or the log of the whole database.

Built with a table name and record id it shows that record's history, oldest first;
without, the whole log, newest first, filtered by user, table and period. Either view
exports to Excel (.xlsx) or CSV exactly as shown.
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.storage.audit import AuditRow, action_label, audit_entries, audit_tables, audit_users, history
from app.storage.database import Database
from app.errors import AppError
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.translation import QT_TR_NOOP, table_name, tr
from ui.widgets.screen_fit import fit_to_screen

LOG_LIMIT = 5000  # the newest changes; older ones through the filters or an export of a period
PERIODS = [(QT_TR_NOOP("Last 7 days"), 7), (QT_TR_NOOP("Last 30 days"), 30), (QT_TR_NOOP("Last 12 months"), 365),
           (QT_TR_NOOP("Everything"), 0)]



class AuditDialog(QDialog):
    """The audit trail as a table, exportable."""

    def __init__(self, database: Database, zone: str = "Asia/Shanghai", table: str | None = None,
                 record_id: int | None = None, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.database = database
        self.zone = zone
        self.table_name = table
        self.record_id = record_id
        self.rows: list[AuditRow] = []
        per_record = table is not None and record_id is not None
        self.setWindowTitle(
            self.tr("History of {what}").replace("{what}", title or f"{table_name(table)} #{record_id}")
            if per_record and table is not None else self.tr("Audit log")
        )
        fit_to_screen(self, 980, 560)

        self.model = RowTableModel([
            Column(self.tr("Time ({zone})").replace("{zone}", zone), 1,
                   render=lambda at: at.astimezone(self._zoneinfo()).strftime("%Y-%m-%d %H:%M:%S")),
            Column(self.tr("User"), 2), Column(self.tr("Table"), 3), Column(self.tr("Record"), 4, align_right=True),
            Column(self.tr("Action"), 5, render=action_label), Column(self.tr("Changes"), 6),
        ], self)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(True)

        self.user_filter = QComboBox()
        self.user_filter.setObjectName("user_filter")
        self.table_filter = QComboBox()
        self.table_filter.setObjectName("table_filter")
        self.period = QComboBox()
        self.period.setObjectName("period")
        filters = QHBoxLayout()
        if not per_record:
            with database.sessions() as session:
                names, tables = audit_users(session), audit_tables(session)
            self.user_filter.addItem(self.tr("Every user"), None)
            for name in names:
                self.user_filter.addItem(name, name)
            self.table_filter.addItem(self.tr("Every table"), None)
            for name in tables:
                self.table_filter.addItem(table_name(name), name)
            for label, days in PERIODS:
                self.period.addItem(tr(label), days)
            self.period.setCurrentIndex(1)
            for label, combo in ((self.tr("User:"), self.user_filter), (self.tr("Table:"), self.table_filter),
                                 (self.tr("Period:"), self.period)):
                filters.addWidget(QLabel(label))
                filters.addWidget(combo)
                combo.currentIndexChanged.connect(self.reload)
            filters.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.choose_export)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(close)
        self.reload()

    def _zoneinfo(self) -> object:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.zone)

    def reload(self) -> None:
        with self.database.sessions() as session:
            if self.table_name is not None and self.record_id is not None:
                self.rows = history(session, self.table_name, self.record_id)
            else:
                days = self.period.currentData()
                since = datetime.now(UTC) - timedelta(days=int(days)) if days else None
                self.rows = audit_entries(session, since=since, user=self.user_filter.currentData(),
                                          table=self.table_filter.currentData(), limit=LOG_LIMIT)
        self.model.set_rows([(r.id, r.at, r.username, r.table.replace("_", " "), r.record_id, r.action, r.summary)
                             for r in self.rows])
        self.view.resizeColumnsToContents()
        if not self.rows:
            self.summary.setText(self.tr("No changes recorded."))
        elif len(self.rows) == LOG_LIMIT and self.table_name is None:
            self.summary.setText(self.tr("The newest {n} changes; narrow the filters to see older ones.")
                                 .replace("{n}", str(LOG_LIMIT)))
        else:
            self.summary.setText(self.tr("{n} changes.").replace("{n}", str(len(self.rows))))
        self.export_button.setEnabled(bool(self.rows))

    def export_to(self, path: Path) -> Path:
        """Write what the dialog shows; .csv as CSV, anything else as .xlsx."""
        if path.suffix.lower() == ".csv":
            from exports.audit_xlsx import write_audit_csv

            return write_audit_csv(self.rows, path, self.zone)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        from exports.audit_xlsx import write_audit_xlsx  # openpyxl only when exporting

        return write_audit_xlsx(self.rows, path, self.zone)

    def choose_export(self) -> None:
        stem = f"history-{self.table_name}-{self.record_id}" if self.table_name else "audit-log"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), str(Path.home() / f"{stem}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"))
        if not path:
            return
        try:
            written = self.export_to(Path(path))
        except (AppError, OSError) as error:
            QMessageBox.warning(self, self.tr("Export failed"), str(error))
            return
        self.summary.setText(self.tr("Exported to {path}.").replace("{path}", str(written)))
