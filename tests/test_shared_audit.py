"""The audit log records every change through the services, and reads and exports back whole."""
from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy.orm import Session

from app.actor import Actor
from app.storage.audit import audit_entries, audit_tables, audit_users, describe_changes, history, last_change
from app.directory.partners import partner_contacts, partners
from exports.audit_xlsx import write_audit_csv, write_audit_xlsx
from models import Partner
from models.enums import UserRole

WANG = Actor("wang.fang", UserRole.OFFICER)
LI = Actor("li.wei", UserRole.OFFICER)


def test_every_change_is_recorded_with_who_and_what(db_session: Session) -> None:
    partner = partners.create(db_session, WANG, name="Kyoto University", country="Japan", timezone="Asia/Tokyo")
    partners.update(db_session, LI, partner.id, expected_version=1, city="Kyoto", website="https://kyoto-u.ac.jp")
    partners.update(db_session, WANG, partner.id, city="Kyoto")  # no real change: nothing to record
    contact = partner_contacts.create(db_session, LI, partner_id=partner.id, name="Prof. Sato", email="s@k.ac.jp")
    partner_contacts.delete(db_session, WANG, contact.id)
    db_session.flush()

    rows = history(db_session, "partners", partner.id)
    assert [(r.action, r.username) for r in rows] == [("insert", "wang.fang"), ("update", "li.wei")]
    assert rows[0].changes["name"] == [None, "Kyoto University"]
    assert rows[1].changes == {"city": ["", "Kyoto"], "website": ["", "https://kyoto-u.ac.jp"]}
    assert rows[1].at.tzinfo is not None

    contact_rows = history(db_session, "partner_contacts", contact.id)
    assert [r.action for r in contact_rows] == ["insert", "delete"]
    assert contact_rows[1].changes["name"] == ["Prof. Sato", None]

    last = last_change(db_session, "partners", partner.id)
    assert last is not None and last.username == "li.wei"


def test_the_log_filters_by_user_table_and_time(db_session: Session, make_partner: Callable[..., Partner]) -> None:
    began = datetime.now(UTC) - timedelta(seconds=1)
    first = partners.create(db_session, WANG, name="Seoul National University", country="Korea", timezone="Asia/Seoul")
    partners.update(db_session, LI, first.id, city="Seoul")
    db_session.flush()
    mine = audit_entries(db_session, since=began, user="li.wei")
    assert [(r.table, r.record_id, r.action) for r in mine] == [("partners", first.id, "update")]
    everything = audit_entries(db_session, since=began, table="partners")
    assert [r.action for r in everything] == ["update", "insert"]  # newest first
    assert audit_entries(db_session, since=datetime.now(UTC) + timedelta(hours=1)) == []
    assert {"wang.fang", "li.wei"} <= set(audit_users(db_session))
    assert "partners" in audit_tables(db_session)


def test_describe_changes_reads_as_a_sentence() -> None:
    assert describe_changes({"city": ["", "Kyoto"], "status": ["active", "dormant"]}) == \
        "city: — → 'Kyoto'; status: 'active' → 'dormant'"
    assert describe_changes({"name": [None, "X"]}, "insert") == "name: 'X'"


def test_export_to_xlsx_and_csv_keeps_formulas_out(db_session: Session, tmp_path: Path) -> None:
    partner = partners.create(db_session, WANG, name="=HYPERLINK(\"http://evil\")", country="Japan",
                              timezone="Asia/Tokyo")
    db_session.flush()
    rows = history(db_session, "partners", partner.id)
    xlsx = write_audit_xlsx(rows, tmp_path / "audit.xlsx", "Asia/Shanghai")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Time (Asia/Shanghai)", "User", "Table", "Record", "Action"]
    values = [cell for cell in sheet[2]]
    assert values[1].value == "wang.fang"
    assert all(cell.data_type in ("s", "n") for cell in values)
    assert "=HYPERLINK" in str(values[5].value) and values[5].data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref

    written = write_audit_csv(rows, tmp_path / "audit.csv", "Asia/Shanghai")
    with written.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][0] == "Time (Asia/Shanghai)"
    assert lines[1][1] == "wang.fang"
    assert not any(cell.startswith("=") for line in lines for cell in line)
    assert not list(tmp_path.glob("*.partial"))
