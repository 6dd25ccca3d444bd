"""A look inside an .xlsx file's zip package before openpyxl reads it.

openpyxl unpacks what it reads into memory: a one-megabyte file can unpack into
gigabytes (a "zip bomb") and take minutes, and the XML inside may declare entities.
`inspect_package` reads only the zip's directory and streams each XML part once,
without building anything, and refuses a file

- whose parts unpack to more than `Limits.unpacked_bytes` in all, or that has more
  than `Limits.entries` parts (the zip's declared sizes bound what Python's zipfile
  ever unpacks: a part that unpacks to more than it declares fails its check);
- whose XML declares a document type or entities (an .xlsx never does; entities are
  how files make a parser expand text or read other files);
- whose worksheets hold more than `Limits.rows` rows, `Limits.cells` cells, or a cell
  beyond column `Limits.columns`.

Each refusal is one sentence naming the file and, where there is one, the sheet.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import unescape

from openpyxl.utils import column_index_from_string

from app.i18n import _

CHUNK = 1 << 16
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_CELL_COLUMN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=\"([A-Za-z]{1,3})[0-9]")
_SHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet\s[^>]*?>")
_ATTRIBUTE = re.compile(rb"([\w:]+)=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Relationship\s[^>]*?>")
OVERLAP = 256  # bytes carried from one chunk to the next, so no tag is cut in two


@dataclass(frozen=True)
class Limits:
    unpacked_bytes: int = 25 * 1024 * 1024
    entries: int = 1000
    rows: int = 20_000
    cells: int = 250_000
    columns: int = 200  # column GR


def _sheet_names(package: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part ("xl/worksheets/sheet2.xml") -> the sheet's name, for messages."""
    try:
        workbook = package.read("xl/workbook.xml")
        relations = package.read("xl/_rels/workbook.xml.rels")
    except Exception:  # noqa: BLE001 - names are only for messages; a damaged part shows up in the scan
        return {}
    targets: dict[bytes, str] = {}
    for tag in _RELATIONSHIP.findall(relations):
        attributes = dict(_ATTRIBUTE.findall(tag))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[attributes.get(b"Id", b"")] = part
    names: dict[str, str] = {}
    for tag in _SHEET.findall(workbook):
        attributes = {key.split(b":")[-1]: value for key, value in _ATTRIBUTE.findall(tag)}
        part = targets.get(attributes.get(b"id", b""))
        if part:
            names[part] = unescape(attributes.get(b"name", b"").decode("utf-8", "replace"), {"&quot;": '"'})
    return names


def _scan(package: zipfile.ZipFile, info: zipfile.ZipInfo, file_name: str, sheet: str | None,
          limits: Limits) -> str | None:
    rows = cells = widest = 0
    carry = b""
    with package.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            data = carry + chunk
            # Each position is looked at once: up to `cut` now, the rest with the next chunk.
            cut = len(data) if not chunk else max(0, len(data) - OVERLAP)
            if _DECLARATION.search(data):
                return _("{file} declares a document type or entities in its part '{part}'; an Excel workbook "
                         "never does, so it is refused.").format(file=file_name, part=info.filename)
            if sheet is not None:
                rows += sum(1 for match in _ROW.finditer(data) if match.start() < cut)
                cells += sum(1 for match in _CELL.finditer(data) if match.start() < cut)
                for match in _CELL_COLUMN.finditer(data):
                    if match.start() < cut:
                        widest = max(widest, column_index_from_string(match.group(1).decode().upper()))
                if rows > limits.rows or cells > limits.cells or widest > limits.columns:
                    return _("{file}: the sheet '{sheet}' holds more than {rows} rows, {cells} cells or a cell "
                             "beyond column {columns}; a topic form is far smaller, so it is not read.").format(
                        file=file_name, sheet=sheet, rows=f"{limits.rows:,}", cells=f"{limits.cells:,}",
                        columns=limits.columns)
            carry = data[cut:]
            if not chunk:
                return None


def inspect_package(path: Path, file_name: str, limits: Limits = Limits()) -> str | None:
    """None if openpyxl may read the file, else why not (one sentence)."""
    damaged = _("{file} cannot be read as an Excel workbook; it is damaged or not an .xlsx file.").format(
        file=file_name)
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > limits.entries:
                return _("{file} holds {n} parts, more than the {limit} an Excel workbook of this size has; it is "
                         "not read.").format(file=file_name, n=f"{len(entries):,}", limit=f"{limits.entries:,}")
            unpacked = sum(entry.file_size for entry in entries)
            if unpacked > limits.unpacked_bytes:
                return _("{file} would unpack to {size} MB, more than the {limit} MB a topic form may take; it is not "
                         "read (a small file that unpacks to this much is made to exhaust memory).").format(
                    file=file_name, size=f"{unpacked / 1024 / 1024:,.0f}",
                    limit=f"{limits.unpacked_bytes / 1024 / 1024:,.0f}")
            sheets = _sheet_names(package)
            for entry in entries:
                if entry.is_dir() or not entry.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                is_sheet = entry.filename.startswith("xl/worksheets/")
                sheet = sheets.get(entry.filename, posixpath.basename(entry.filename)) if is_sheet else None
                problem = _scan(package, entry, file_name, sheet, limits)
                if problem is not None:
                    return problem
    except Exception:  # noqa: BLE001 - zipfile, zlib and lzma raise many kinds of errors for a damaged file
        # Among them: BadZipFile when a part unpacks to other bytes than it declares,
        # RuntimeError for an encrypted part, zlib.error for damaged compressed data.
        return damaged
    return None
