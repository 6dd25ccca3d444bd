"""`make translations`: bring the Chinese catalogues up to date with the source and compile them.

Run after adding or changing a visible string (docs/languages.md):

    .venv/bin/python -m resources.update_translations

1. Qt strings (`self.tr()`, a module's `tr()`, `QCoreApplication.translate()`) in ui/ go into
   resources/translations/iad_zh_CN.ts through `pyside6-lupdate` (no line numbers, no obsolete
   entries), which is compiled to iad_zh_CN.qm with `pyside6-lrelease`.
2. gettext strings (`_()`, `lazy_text()`) in app/, exports/ and models/, every enum's label and every
   column's name (for messages that name a field), go into
   resources/locale/zh_CN/LC_MESSAGES/iad.po (with Babel), compiled to iad.mo.

New strings arrive untranslated; the script lists them. Translate them in the .ts (replace
`<translation type="unfinished"></translation>` by `<translation>译文</translation>`, or use
Qt Linguist) and in the .po (fill `msgstr`), then run the command again to compile.
tests/test_translations.py fails while any string is untranslated or a compiled file is stale.
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_SOURCES = ("ui",)
GETTEXT_SOURCES = ("app", "exports", "models")
TS_FILE = ROOT / "resources" / "translations" / "iad_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
PO_FILE = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "iad.po"
MO_FILE = PO_FILE.with_suffix(".mo")


# ---- Qt -----------------------------------------------------------------------------------
def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the virtualenv), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this Python environment")
    return found


def qt_source_files(root: Path = ROOT) -> list[str]:
    return sorted(str(path.relative_to(root)) for folder in QT_SOURCES for path in (root / folder).rglob("*.py"))


def run_qt_tool(arguments: list[str], cwd: Path = ROOT) -> None:
    done = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{Path(arguments[0]).name} failed:\n{done.stdout}{done.stderr}")


def run_lupdate(ts_file: Path, root: Path = ROOT) -> None:
    run_qt_tool([qt_tool("pyside6-lupdate"), *qt_source_files(root), "-no-obsolete", "-locations", "none",
                 "-source-language", "en", "-target-language", "zh_CN", "-ts", str(ts_file)], root)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    run_qt_tool([qt_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)])


def qt_messages(ts_file: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every message; type is "unfinished", "obsolete", "vanished" or ""."""
    tree = ElementTree.parse(ts_file)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = "".join(translation.itertext()) if translation is not None else ""
            found.append((name, message.findtext("source") or "", text, kind))
    return found


# ---- gettext --------------------------------------------------------------------------------
def enum_labels() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from models import enums

    labels: list[str] = []
    pending: list[type] = [enums.LabelledEnum]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        labels.extend(member.english_label for member in cls)  # type: ignore[attr-defined]
    return labels


def column_names() -> list[str]:
    """Every column's name as app/records.py humanise() shows it in messages ("starts on")."""
    sys.path.insert(0, str(ROOT))
    import models  # noqa: F401 - registers every table
    from models.base import Base

    system = {"id", "version", "created_at", "updated_at"}
    return sorted({column.key.replace("_", " ") for table in Base.metadata.sorted_tables
                   for column in table.columns if column.key not in system and not column.primary_key})


def gettext_template(root: Path = ROOT):  # type: ignore[no-untyped-def]
    """Every `_()` message in the gettext sources plus the enum labels, as a Babel catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(locale=None, domain="iad", project="IAD Online Workshops")
    for folder in GETTEXT_SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
                str(root / folder), method_map=[("**.py", "python")], keywords={"_": None, "lazy_text": None}):
            if isinstance(message, str) and message:
                template.add(message, locations=[(f"{folder}/{filename}", lineno)])
    for label in enum_labels():
        template.add(label, locations=[("models/enums.py", 0)])
    for name in column_names():
        template.add(name, locations=[("models", 0)])
    return template


def read_catalog(po_file: Path):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        return read_po(handle, locale="zh_CN", domain="iad")


def po_text(catalog) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, sort_output=True, include_previous=False)
    return out.getvalue()


def mo_bytes(catalog) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def update_po(po_file: Path = PO_FILE, root: Path = ROOT):  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    template = gettext_template(root)
    if po_file.exists():
        catalog = read_catalog(po_file)
    else:
        catalog = Catalog(locale="zh_CN", domain="iad", project="IAD Online Workshops")
    template.creation_date = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    return catalog


def untranslated_po(catalog) -> list[str]:  # type: ignore[no-untyped-def]
    return [message.id for message in catalog if message.id and (not message.string or message.fuzzy)]


# ---- the command ----------------------------------------------------------------------------
def report(title: str, items: Iterable[str]) -> int:
    items = list(items)
    if items:
        print(f"{title}: {len(items)}")
        for item in items:
            print("  " + item.replace("\n", "\\n"))
    return len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    PO_FILE.parent.mkdir(parents=True, exist_ok=True)
    catalog = update_po()
    PO_FILE.write_bytes(po_text(catalog))
    MO_FILE.write_bytes(mo_bytes(read_catalog(PO_FILE)))
    missing = report(f"Untranslated in {TS_FILE.relative_to(ROOT)}",
                     [f"[{context}] {source}" for context, source, _text, kind in qt_messages(TS_FILE) if kind])
    missing += report(f"Untranslated in {PO_FILE.relative_to(ROOT)}", untranslated_po(catalog))
    print("All strings are translated." if not missing else "Translate these, then run this command again.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
