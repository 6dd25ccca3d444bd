"""Workshops: every round of every exchange of the semester, and the round's details."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views import listing
from app.errors import AppError, ValidationError
from app.planning.exchange_setup import create_exchange, update_exchange
from app.planning.records import exchanges, workshops
from models.enums import ExchangeKind, ProposalStatus, WorkshopStatus
from app.i18n import short_moment
from ui.widgets import choices
from ui.widgets.formatting import instant_in, label
from ui.widgets.multi_select import MultiSelect
from ui.widgets.record_form import FieldSpec, RecordForm
from ui.widgets.record_tab import FilterSpec, RecordTab, TabHost
from ui.widgets.table_model import Column, RowTableModel
from ui.widgets.translation import QT_TR_NOOP
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ExchangeDialog(QDialog):
    """A new exchange with its first round, or an existing exchange's description and who takes part."""

    def __init__(self, host: TabHost, exchange_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.exchange_id = exchange_id
        self.version: int | None = None
        self.setWindowTitle(self.tr("New exchange") if exchange_id is None else self.tr("Edit exchange"))
        db = host.database
        semester = host.semester_id()

        def accepted_topics() -> list[tuple[Any, str]]:
            with db.sessions() as session:
                rows = listing.proposals(session, None)
            return [(r[0], f"{r[1]} — {r[2]} ({r[7]})") for r in rows
                    if r[6] in (ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED)]

        fields = [
            FieldSpec("title", self.tr("Title")),
            FieldSpec("title_zh", self.tr("Chinese title"),
                      placeholder=self.tr("optional; printed on Chinese documents")),
            FieldSpec("semester_id", self.tr("Semester"), kind="choice", choices=choices.semesters(db)),
            FieldSpec("proposal_id", self.tr("Accepted topic"), kind="choice", choices=accepted_topics, nullable=True),
            FieldSpec("kind", self.tr("Kind"), kind="enum", enum_type=ExchangeKind),
            FieldSpec("planned_rounds", self.tr("Rounds"), kind="int", minimum=1, maximum=3),
        ]
        if exchange_id is None:
            fields += [
                FieldSpec("first_start", self.tr("Round 1 starts ({zone})").replace(
                    "{zone}", host.settings.iad_timezone), kind="datetime"),
                FieldSpec("duration_minutes", self.tr("Duration (minutes)"), kind="int", minimum=30, maximum=600),
                FieldSpec("platform", self.tr("Platform"), placeholder="Zoom, Tencent Meeting, Teams"),
            ]
        self.form = RecordForm(fields, host.settings.iad_timezone)
        self.partners = MultiSelect(choices.partners(db)())
        self.partners.setObjectName("exchange_partners")
        self.departments = MultiSelect(choices.departments(db)())
        self.departments.setObjectName("exchange_departments")
        self.contacts = MultiSelect(self._contact_pairs())
        self.contacts.setObjectName("exchange_contacts")
        if exchange_id is None:
            start = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0) + timedelta(days=14)
            self.form.load({"semester_id": semester, "kind": ExchangeKind.ONE_OFF, "planned_rounds": 1,
                            "first_start": start, "duration_minutes": 180})
        else:
            with db.sessions() as session:
                exchange = exchanges.get(session, exchange_id)
                self.version = exchange.version
                self.form.load({"title": exchange.title, "title_zh": exchange.title_zh, "semester_id": exchange.semester_id,
                                "proposal_id": exchange.proposal_id, "kind": exchange.kind,
                                "planned_rounds": exchange.planned_rounds})
                self.partners.set_checked(p.id for p in exchange.partners)
                self.departments.set_checked(d.id for d in exchange.departments)
                self.contacts.set_checked(c.id for c in exchange.partner_participants)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        pickers = QHBoxLayout()
        groups = [(self.tr("Partner universities"), self.partners), (self.tr("Departments taking part"),
                                                                      self.departments)]
        if exchange_id is not None:
            groups.append((self.tr("Partner-side participants"), self.contacts))
        for title, widget in groups:
            group = QGroupBox(title)
            QVBoxLayout(group).addWidget(widget)
            pickers.addWidget(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(pickers)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.created_id: int | None = None
        fit_to_screen(self, 860, 660)

    def _contact_pairs(self) -> list[tuple[Any, str]]:
        with self.host.database.sessions() as session:
            return listing.contact_choices(session)

    def save(self) -> None:
        values = self.form.values()
        self.form.clear_errors()
        self.error.clear()
        try:
            with self.host.database.transaction() as session:
                if self.exchange_id is None:
                    exchange = create_exchange(
                        session, self.host.actor, title=values["title"], semester_id=values["semester_id"],
                        kind=values["kind"], planned_rounds=values["planned_rounds"],
                        partner_ids=self.partners.checked(), department_ids=self.departments.checked(),
                        proposal_id=values["proposal_id"], first_start=values["first_start"],
                        duration_minutes=values["duration_minutes"], platform=values["platform"],
                        title_zh=values["title_zh"])
                    self.created_id = int(exchange.workshops[0].id) if exchange.workshops else None
                else:
                    update_exchange(
                        session, self.host.actor, self.exchange_id, expected_version=self.version,
                        title=values["title"], semester_id=values["semester_id"], kind=values["kind"],
                        planned_rounds=values["planned_rounds"], partner_ids=self.partners.checked(),
                        department_ids=self.departments.checked(), contact_ids=self.contacts.checked(),
                        proposal_id=values["proposal_id"], title_zh=values["title_zh"])
        except ValidationError as error:
            if not self.form.show_error(error.field, error.message):
                self.error.setText(error.message)
            return
        except AppError as error:
            self.error.setText(str(error))
            return
        self.accept()


class WorkshopsTab(RecordTab):
    kind = "workshop"
    kinds = ("workshop", "exchange")
    semester_scoped = True
    filters = (FilterSpec(QT_TR_NOOP("status"), 6), FilterSpec(QT_TR_NOOP("partner"), 3))

    def __init__(self, host: TabHost, parent: QWidget | None = None) -> None:
        zone = host.settings.iad_timezone
        self.columns = (
            Column(self.tr("Starts ({zone})").replace("{zone}", zone), 4, render=instant_in(zone)),
            Column(self.tr("Exchange"), 1),
            Column(self.tr("Chinese title"), 9),
            Column(self.tr("Round"), 2),
            Column(self.tr("Partners"), 3),
            Column(self.tr("Minutes"), 5, align_right=True),
            Column(self.tr("Status"), 6, render=label),
            Column(self.tr("Platform"), 7),
        )
        fields = [
            FieldSpec("starts_at", self.tr("Starts ({zone})").replace("{zone}", zone), kind="datetime"),
            FieldSpec("duration_minutes", self.tr("Duration (minutes)"), kind="int", minimum=30, maximum=600),
            FieldSpec("platform", self.tr("Platform")),
            FieldSpec("link", self.tr("Meeting link"), placeholder="https://"),
            FieldSpec("interpretation_languages", self.tr("Interpretation"), placeholder=self.tr("e.g. Chinese–English")),
            FieldSpec("interpreter", self.tr("Interpreter")),
            FieldSpec("status", self.tr("Status"), kind="enum", enum_type=WorkshopStatus),
            FieldSpec("minutes", self.tr("Minutes"), kind="multiline"),
            FieldSpec("outcome", self.tr("Outcome"), kind="multiline"),
            FieldSpec("continues_independently", self.tr("Department continues contact on its own"), kind="bool"),
        ]
        super().__init__(host, workshops, fields, parent)
        self.current_exchange_id: int | None = None
        self.table.doubleClicked.connect(lambda _index: self.open_planner())

    def load_rows(self, session: Session, semester_id: int | None) -> list[tuple[Any, ...]]:
        return listing.workshops(session, semester_id)

    def update_record(self, session: Session, record_id: int, version: int | None, values: dict[str, Any]) -> Any:
        # The office's own usual lengths decide whether the round may be confirmed.
        return workshops.update(session, self.host.actor, record_id, expected_version=version,
                                settings=self.host.settings, **values)

    def selected_ids(self) -> dict[str, int | None]:
        return {"workshop": self.current_id, "exchange": self.current_exchange_id}

    def open_kind(self, kind: str, record_id: int) -> None:
        if kind == "workshop":
            self.select_record(record_id)
            return
        for row in self.model.all_rows():
            if row[8] == record_id:
                self.select_record(int(row[0]))
                return

    def id_text(self, record: Any) -> str:
        return self.tr("Workshop ID {workshop} · exchange ID {exchange}").replace(
            "{workshop}", str(record.id)).replace("{exchange}", str(record.exchange_id))

    def describe(self, record: Any) -> str:
        return f"{record.exchange.title} — " + self.tr("round {n} of {m}").replace(
            "{n}", str(record.round_number)).replace("{m}", str(record.exchange.planned_rounds))

    def new_record(self) -> None:
        """A workshop belongs to an exchange: New creates the exchange and its first round."""
        if not self.confirm_leave():
            return
        dialog = ExchangeDialog(self.host, None, self)
        if dialog.exec() and dialog.created_id is not None:
            self._pending_select = dialog.created_id
            self.reload()
            self.open_record(dialog.created_id)

    def build_extra(self) -> QWidget:
        box = QGroupBox(self.tr("Exchange and panels"))
        layout = QVBoxLayout(box)
        self.exchange_info = QLabel()
        self.exchange_info.setObjectName("exchange_info")
        self.exchange_info.setWordWrap(True)
        self.local_times = QLabel()
        self.local_times.setObjectName("local_times")
        self.local_times.setWordWrap(True)
        self.panels_model = RowTableModel([
            Column(self.tr("Start"), 1), Column(self.tr("Min"), 2), Column(self.tr("Track"), 3),
            Column(self.tr("Panel"), 4), Column(self.tr("Moderator"), 5)], self)
        self.panels_view = QTableView()
        self.panels_view.setModel(self.panels_model)
        self.panels_view.horizontalHeader().setStretchLastSection(True)
        self.panels_view.verticalHeader().hide()
        info = QFormLayout()
        info.addRow(self.tr("Exchange:"), self.exchange_info)
        info.addRow(self.tr("Local times:"), self.local_times)
        self.edit_exchange_button = QPushButton(self.tr("Edit exchange…"))
        self.edit_exchange_button.setObjectName("edit_exchange")
        self.edit_exchange_button.setToolTip(self.tr("Title, rounds, partners, departments and partner-side "
                                                     "participants"))
        self.edit_exchange_button.clicked.connect(self.edit_exchange)
        self.plan_button = QPushButton(self.tr("Plan panels, times and attendance…"))
        self.plan_button.setObjectName("open_planner")
        self.plan_button.setToolTip(self.tr("Open this round in the planner (also: double-click the row, "
                                            "Ctrl+Shift+P)"))
        self.plan_button.clicked.connect(self.open_planner)
        self.mail_button = QPushButton(self.tr("E-mail…"))
        self.mail_button.setObjectName("mail_button")
        self.mail_button.setToolTip(self.tr("Invitations, preparation reminders, certificates and thank-you notes "
                                            "for this round, previewed before they go out"))
        mail_menu = QMenu(self.mail_button)
        for text, kind in ((self.tr("Invitation with the calendar entry…"), "invitation"),
                           (self.tr("Preparation reminder…"), "preparation_reminder"),
                           (self.tr("Certificates to this round's attendees…"), "certificate"),
                           (self.tr("Thank-you to the partner contacts…"), "thank_you")):
            action = mail_menu.addAction(text)
            action.setObjectName(f"mail_{kind}")
            action.triggered.connect(lambda _checked=False, chosen=kind: self.compose(chosen))
        self.mail_button.setMenu(mail_menu)
        row = QHBoxLayout()
        row.addWidget(self.plan_button)
        row.addWidget(self.edit_exchange_button)
        row.addWidget(self.mail_button)
        row.addStretch(1)
        layout.addLayout(info)
        layout.addLayout(row)
        layout.addWidget(self.panels_view)
        return box

    def compose(self, kind: str) -> None:
        """The compose dialog for this round (thank-you: its exchange)."""
        compose = getattr(self.host, "compose_messages", None)
        if self.current_id is None or not callable(compose):
            return
        if kind == "thank_you":
            compose(kind, exchange_id=self.current_exchange_id)
        else:
            compose(kind, workshop_id=self.current_id)

    def open_planner(self) -> None:
        from ui.planning.planning_actions import open_planner

        if self.current_id is not None and self.confirm_leave():
            open_planner(self.host)

    def edit_exchange(self) -> None:
        if self.current_exchange_id is None or not self.confirm_leave():
            return
        dialog = ExchangeDialog(self.host, self.current_exchange_id, self)
        if dialog.exec() and self.current_id is not None:
            self.open_record(self.current_id)
            self.reload()

    def record_loaded(self, session: Session, record: Any | None) -> None:
        self.plan_button.setEnabled(record is not None)
        self.edit_exchange_button.setEnabled(record is not None)
        self.mail_button.setEnabled(record is not None)
        if record is None:
            self.current_exchange_id = None
            self.exchange_info.clear()
            self.local_times.clear()
            self.panels_model.set_rows([])
            return
        exchange = record.exchange
        self.current_exchange_id = exchange.id
        partners = ", ".join(p.name for p in exchange.partners)
        departments = ", ".join(d.name_en for d in exchange.departments)
        self.exchange_info.setText(f"{exchange.kind.label} · {partners} · {departments}")
        self.local_times.setText(self._local_times(record))
        zone = ZoneInfo(self.host.settings.iad_timezone)
        self.panels_model.set_rows([
            (p.id, p.starts_at.astimezone(zone).strftime("%H:%M"), p.duration_minutes, p.track, p.title, p.moderator)
            for p in record.panels])
        self.panels_view.resizeColumnsToContents()

    def _local_times(self, record: Any) -> str:
        start: datetime = record.starts_at
        end = start + timedelta(minutes=record.duration_minutes)
        lines = []
        zones = [(self.host.settings.iad_timezone, "IAD")] + [(p.timezone, p.name) for p in record.exchange.partners]
        for zone_name, who in zones:
            zone = ZoneInfo(zone_name)
            local_start, local_end = start.astimezone(zone), end.astimezone(zone)
            lines.append(f"{who}: {short_moment(local_start)}–{local_end:%H:%M} {local_start.tzname()}")
        return "\n".join(lines)
