"""Departments and partner universities imported from a spreadsheet the IAD already keeps.

Any .xlsx will do: each sheet is read by its header row (English or Chinese headers,
any case or order, extra columns ignored). A sheet with a *Country* or *Time zone*
column lists partners, any other sheet with a *Name* column lists departments. A
partner without a time zone gets the zone of its city or country where the bundled
city table knows it. Names already in the database are skipped, so a sheet can be
imported again after it grew. One bad row refuses the whole file with a sentence
naming the sheet and the row; nothing is written then.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.directory.organisation import departments
from app.directory.partners import partners
from app.errors import AppError, ValidationError
from app.i18n import _
from app.planning.places import places
from exports.topic_import import cell_text
from models import Department, Partner

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 5000

# field -> the headers it is found under (compared case-insensitively, spaces ignored)
DEPARTMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "name_en": ("name", "name (english)", "english name", "department", "department (english)", "英文名称", "英文名"),
    "name_zh": ("chinese name", "name (chinese)", "中文名", "中文名称", "部门", "部门名称"),
    "code": ("code", "代码", "编号"),
    "contact_email": ("e-mail", "email", "contact e-mail", "contact email", "邮箱", "电子邮件"),
}
PARTNER_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "university", "partner", "partner university", "name (english)", "english name", "英文名称",
             "院校", "学校"),
    "name_zh": ("chinese name", "name (chinese)", "中文名", "中文名称"),
    "country": ("country", "国家", "国家/地区"),
    "city": ("city", "城市"),
    "timezone": ("time zone", "timezone", "时区"),
    "website": ("website", "web site", "网址", "网站"),
    "languages": ("languages", "language", "语言"),
    "region": ("region", "地区", "区域"),
}


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass
class DirectoryImport:
    """What an import added and skipped (names already in the database)."""

    departments_added: list[str] = field(default_factory=list)
    partners_added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("{departments} departments and {partners} partner universities added.").format(
            departments=len(self.departments_added), partners=len(self.partners_added))
        if self.skipped:
            text += " " + _("{n} already there, left as they were: {names}.").format(
                n=len(self.skipped), names=", ".join(self.skipped[:8]) + (" …" if len(self.skipped) > 8 else ""))
        return text


def _find_header(rows: list[tuple[Any, ...]], headers: dict[str, tuple[str, ...]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [_key(cell_text(value)) for value in row]
        columns: dict[str, int] = {}
        for name, aliases in headers.items():
            wanted = {_key(alias) for alias in aliases}
            position = next((i for i, key in enumerate(keys) if key in wanted), None)
            if position is not None:
                columns[name] = position
        if columns:
            return index, columns
    return -1, {}


def _zone_for(city: str, country: str) -> str:
    """The zone of a known city, else of the country's first listed city, else ""."""
    city_key, country_key = _key(city), _key(country)
    for place in places():
        if city_key and city_key in (_key(place.city_en), _key(place.city_zh)):
            return place.zone
    for place in places():
        if country_key and country_key in (_key(place.country_en), _key(place.country_zh)):
            return place.zone
    return ""


def import_directory(session: Session, actor: Actor, path: Path) -> DirectoryImport:
    """Add the departments and partners the workbook lists; the caller commits.

    Raises AppError for a file that cannot be read and ValidationError naming the
    sheet and row of the first bad line (the caller's transaction then writes nothing).
    """
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise AppError(_("{name} cannot be read as an Excel workbook (.xlsx): {error}").format(
            name=path.name, error=error)) from error
    result = DirectoryImport()
    known_departments = {_key(name) for name in session.scalars(select(Department.name_en))}
    known_partners = {_key(name) for name in session.scalars(select(Partner.name))}
    found_any = False
    try:
        for sheet in workbook.worksheets:
            rows = [tuple(row) for row in sheet.iter_rows(max_row=MAX_ROWS, values_only=True)]
            header_row, partner_columns = _find_header(rows, PARTNER_HEADERS)
            is_partners = "country" in partner_columns or "timezone" in partner_columns
            if not is_partners:
                header_row, columns = _find_header(rows, DEPARTMENT_HEADERS)
                if "name_en" not in columns:
                    continue
            else:
                columns = partner_columns
                if "name" not in columns:
                    raise ValidationError("name", _("Sheet '{sheet}' lists partners but has no Name column.").format(
                        sheet=sheet.title))
            found_any = True
            for number, row in enumerate(rows[header_row + 1:], start=header_row + 2):
                values = {name: cell_text(row[i]).strip() if i < len(row) else "" for name, i in columns.items()}
                if not any(values.values()):
                    continue
                try:
                    if is_partners:
                        _add_partner(session, actor, values, known_partners, result)
                    else:
                        _add_department(session, actor, values, known_departments, result)
                except ValidationError as error:
                    raise ValidationError(error.field, _("Sheet '{sheet}', row {row}: {message}").format(
                        sheet=sheet.title, row=number, message=error.message)) from error
    finally:
        workbook.close()
    if not found_any:
        raise AppError(_("{name} has no sheet with a Name column for departments, or Name and Country (or Time "
                         "zone) columns for partners.").format(name=path.name))
    return result


def _add_department(session: Session, actor: Actor, values: dict[str, str], known: set[str],
                    result: DirectoryImport) -> None:
    name = values.get("name_en", "")
    if _key(name) in known:
        result.skipped.append(name)
        return
    departments.create(session, actor, **values)
    known.add(_key(name))
    result.departments_added.append(name)


def _add_partner(session: Session, actor: Actor, values: dict[str, str], known: set[str],
                 result: DirectoryImport) -> None:
    name = values.get("name", "")
    if _key(name) in known:
        result.skipped.append(name)
        return
    if not values.get("timezone"):
        values["timezone"] = _zone_for(values.get("city", ""), values.get("country", ""))
        if not values["timezone"]:
            raise ValidationError("timezone", _("no time zone for {name}; add a Time zone column (for example "
                                                "America/New_York) or a city the program knows.").format(name=name))
    partners.create(session, actor, **values)
    known.add(_key(name))
    result.partners_added.append(name)
