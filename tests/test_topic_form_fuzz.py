"""Fuzzing the topic-form import: hundreds of damaged forms, no traceback, no file half imported.

A seeded generator (so every run sees the same files) damages a filled form in the ways
files arrive damaged or hostile: broken and truncated XML, truncated and bit-flipped
zips, missing parts and sheets, cells of the wrong type, out-of-range shared strings and
styles, document types and entities, huge or negative ids, control characters, very long
text, hidden row keys typed over, small zip bombs and sheets with too many rows or
columns. Each damaged file is imported in one batch with a good form of another
department, inside a savepoint rolled back afterwards, and the database is checked: the
good form is in, the damaged one is in whole (every row it reported) or not at all.
Reading does not depend on the database, so the files are read once and received on
each backend.
"""
from __future__ import annotations

import dataclasses
import io
import random
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.topics.intake import FormSubmission, receive_forms
from exports.topic_form import write_topic_form
from exports.topic_import import read_topic_form
from models import Base, Department, Semester, TopicArea, TopicProposal
from models.database import create_db_engine

pytestmark = pytest.mark.slow

SEED = 20261201
FILES = 330
SEMESTER = "2027 Spring (fuzz)"
AREAS = (("Campus safety", "校园安全"), ("General courses", "通识课程"))
ROWS = {
    7: ["Campus safety", "Night buses", "Late services\nfor students", "Learn", "High", "Europe"],
    8: ["General courses", "Reading lists", None, "Share", None, None],
    9: ["Campus safety", "Fire drills", None, None, "Low", "North America"],
}
Parts = dict[str, bytes]


# ---- the damage -----------------------------------------------------------------------
def pack(parts: Parts) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _xml_parts(parts: Parts) -> list[str]:
    return [name for name in parts if name.endswith((".xml", ".rels"))]


def _sub_one(rng: random.Random, pattern: bytes, data: bytes, make: Callable[[re.Match[bytes]], bytes]) -> bytes:
    matches = list(re.finditer(pattern, data, re.S))
    if not matches:
        return data
    match = rng.choice(matches)
    return data[:match.start()] + make(match) + data[match.end():]


def truncate_zip(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    return raw[:rng.randrange(0, len(raw))]


def flip_bytes(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 30)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncate_part(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(_xml_parts(parts))
    return pack({**parts, name: parts[name][:rng.randrange(len(parts[name]))]})


def garbage_in_part(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(_xml_parts(parts))
    data = parts[name]
    at = rng.randrange(len(data))
    junk = bytes(rng.choice(b"<>&\"'/=\x00\x01\xff\xfeabc;#x ") for _ in range(rng.randint(1, 12)))
    return pack({**parts, name: data[:at] + junk + data[at:]})


def drop_part(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(sorted(parts))
    return pack({key: value for key, value in parts.items() if key != name})


CELL_TYPES = [b"n", b"b", b"d", b"e", b"s", b"str", b"inlineStr", b"zz", b""]
CELL_VALUES = [b"abc", b"", b"1e999", b"-1", b"99999999999999999999", b"NaN", b"2026-13-45", b"1.5", b"inf",
               b"-99999", b"0x1F", b"1" * 400, b"TRUE", b"2026-02-30T25:61:00", b"&amp;", b"&#x1;"]


def wrong_cell(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(["xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml"])  # the form, its identification
    kind, value = rng.choice(CELL_TYPES), rng.choice(CELL_VALUES)

    def make(match: re.Match[bytes]) -> bytes:
        reference = re.search(rb'r="([A-Z]+[0-9]+)"', match.group())
        where = reference.group(1) if reference else b"B2"
        typed = b' t="' + kind + b'"' if kind else b""
        return b'<c r="' + where + b'"' + typed + b"><v>" + value + b"</v></c>"

    return pack({**parts, name: _sub_one(rng, rb"<c [^>]*?(?:/>|>.*?</c>)", parts[name], make)})


INFO_VALUES = [b"99999999999999999999", b"1e400", b"-1", b"0", b"2147483648", b"1.5", b"NaN", b"-1e308",
               b"9" * 5000, b"3", b"2", b"1"]


def info_number(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    cell = rng.choice([b"B2", b"B3", b"B5", b"B8"])  # version, semester id, department id, header row
    value = rng.choice(INFO_VALUES)
    pattern = rb'<c r="' + cell + rb'"[^>]*?(?:/>|>.*?</c>)'
    info = "xl/worksheets/sheet4.xml"
    return pack({**parts, info: _sub_one(rng, pattern, parts[info],
                                         lambda _m: b'<c r="' + cell + b'" t="n"><v>' + value + b"</v></c>")})


DECLARATIONS = [
    b'<!DOCTYPE x [<!ENTITY e "expanded">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>',
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!doctype x SYSTEM "file:///dev/zero">',
]


def entities(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(_xml_parts(parts))
    data = parts[name]
    declaration = rng.choice(DECLARATIONS)
    end = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
    data = data[:end] + declaration + data[end:]
    if name == FORM:
        data = data.replace(b"Night buses", b"&e;", 1)
    return pack({**parts, name: data})


CONTROLS = [b"&#x1;", b"&#0;", b"\x01", b"\x1b[31m", b"_x001B_", b"\xc2\x85", b"\xe2\x80\xa8", b"&#xFFFE;",
            b"\xef\xbf\xbe", b"\r\n", b"\t", b"&#x7f;", b"\xed\xa0\x80", b"\xff"]


FORM = "xl/worksheets/sheet2.xml"  # openpyxl writes text inline, in the sheet itself
FILLED_TEXT = rb'(<c r="[B-H](?:7|8|9)"[^>]*><is><t[^>]*>)([^<]*)(</t>)'


def control_characters(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    char = rng.choice(CONTROLS)
    return pack({**parts, FORM: _sub_one(rng, FILLED_TEXT, parts[FORM],
                                         lambda m: m.group(1) + m.group(2) + char + b"x" + m.group(3))})


def long_text(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    size = rng.choice([301, 5_000, 40_000, 300_000, 3_000_000])
    text = ("长" if rng.random() < 0.5 else "x").encode() * size
    return pack({**parts, FORM: _sub_one(rng, FILLED_TEXT, parts[FORM], lambda m: m.group(1) + text + m.group(3))})


def small_bomb(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(_xml_parts(parts))
    padding = b"<!--" + b"A" * rng.choice([26, 40]) * 1024 * 1024 + b"-->"
    data = parts[name]
    end = data.find(b">", data.find(b"<", 5 if data.startswith(b"<?") else 0)) + 1
    return pack({**parts, name: data[:end] + padding + data[end:]})


def too_many(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    form = "xl/worksheets/sheet2.xml"
    if rng.random() < 0.5:
        extra = "".join(f'<row r="{n}"><c r="B{n}"><v>1</v></c></row>' for n in range(100, 100 + 20_100))
    else:
        column = rng.choice(["GS", "ZZ", "XFD", "AAAA"])
        extra = f'<row r="60"><c r="{column}60" t="inlineStr"><is><t>wide</t></is></c></row>'
    return pack({**parts, form: parts[form].replace(b"</sheetData>", extra.encode() + b"</sheetData>", 1)})


def row_keys(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    form = "xl/worksheets/sheet2.xml"
    value = rng.choice([b"not a key", b"00000000-01", b"zzzzzzzz-99", b"k" * 3000, b"&#0;", b"12345678-123456",
                        b"=HYPERLINK(1)", b""])
    pattern = rb'<c r="I(?:7|8|9|10)"[^>]*?(?:/>|>.*?</c>)'
    return pack({**parts, form: _sub_one(
        rng, pattern, parts[form],
        lambda m: re.sub(rb">.*</c>|/>", b' t="inlineStr"><is><t>' + value + b"</t></is></c>", m.group(), count=1,
                         flags=re.S).replace(b't="s" t=', b"t="))})


def sheet_names(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    workbook = parts["xl/workbook.xml"]
    choice = rng.randrange(4)
    if choice == 0:
        workbook = workbook.replace(b'name="FormInfo"', b'name="Info"')
    elif choice == 1:
        workbook = workbook.replace(b'name="Form"', b'name="Lists"').replace(b'name="Lists" sheetId="3"',
                                                                             b'name="Form" sheetId="3"')
    elif choice == 2:
        workbook = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", workbook, flags=re.S)
    else:
        workbook = workbook.replace(b'r:id="rId4"', b'r:id="rId99"')
    return pack({**parts, "xl/workbook.xml": workbook})


def out_of_range(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    form = "xl/worksheets/sheet2.xml"
    if rng.random() < 0.5:
        return pack({**parts, form: _sub_one(rng, rb'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)', parts[form],
                                             lambda m: b'<c r="' + m.group(1) + b'" t="s"><v>'
                                             + rng.choice([b"99999", b"-1", b"x"]) + b"</v></c>")})
    return pack({**parts, form: _sub_one(rng, rb' s="[0-9]+"', parts[form],
                                         lambda _m: b' s="' + rng.choice([b"99999", b"-3", b"q"]) + b'"')})


def encodings(rng: random.Random, parts: Parts, raw: bytes) -> bytes:
    name = rng.choice(_xml_parts(parts))
    data = parts[name]
    choice = rng.randrange(3)
    if choice == 0:
        data = data.replace(b'encoding="UTF-8"', b'encoding="UTF-16"', 1) if b"encoding=" in data else \
            b'<?xml version="1.0" encoding="UTF-16"?>' + data
    elif choice == 1:
        data = data.decode("utf-8").encode("utf-16")
    else:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    return pack({**parts, name: data})


DAMAGE: list[tuple[str, Callable[[random.Random, Parts, bytes], bytes]]] = [
    ("truncated zip", truncate_zip), ("flipped bytes", flip_bytes), ("truncated XML", truncate_part),
    ("garbage in XML", garbage_in_part), ("missing part", drop_part), ("wrong cell type", wrong_cell),
    ("odd identification", info_number), ("entities", entities), ("control characters", control_characters),
    ("very long text", long_text), ("too many rows or columns", too_many), ("typed-over row key", row_keys),
    ("renamed or missing sheets", sheet_names), ("out-of-range index", out_of_range), ("encoding", encodings),
]
BOMBS = 6  # of the files, so many are small zip bombs (each costs a moment to compress)


# ---- the corpus, made and read once ------------------------------------------------------
@dataclass
class Damaged:
    name: str
    kind: str
    submission: FormSubmission | None
    error: str = ""  # a traceback's last line, if reading raised


@dataclass
class Corpus:
    semester_id: int
    department_ids: dict[str, int]
    good: FormSubmission
    files: list[Damaged]
    read_seconds: float


def _setup(session: Session) -> tuple[Semester, dict[str, Department]]:
    semester = Semester(name=SEMESTER, starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10))
    departments = {name: Department(name_en=name, name_zh=zh) for name, zh in (("Library", "图书馆"),
                                                                               ("Careers", "就业中心"))}
    session.add_all([semester, *departments.values(), *(TopicArea(name_en=en, name_zh=zh) for en, zh in AREAS)])
    session.flush()
    return semester, departments


def _filled(source: Path, target: Path) -> Path:
    workbook = load_workbook(source)
    for row, values in ROWS.items():
        for offset, value in enumerate(values):
            workbook["Form"].cell(row=row, column=2 + offset).value = value
    workbook.save(target)
    return target


def _generate(base: Path, folder: Path) -> Iterator[tuple[str, str, Path]]:
    rng = random.Random(SEED)
    raw = base.read_bytes()
    with zipfile.ZipFile(base) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    for number in range(FILES):
        kind, damage = DAMAGE[number % len(DAMAGE)]
        if number < BOMBS:
            kind, damage = "zip bomb", small_bomb
        name = f"fuzz-{number:03d}.xlsx"
        path = folder / name
        path.write_bytes(damage(rng, parts, raw))
        yield name, kind, path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("fuzz")
    engine = create_db_engine(f"sqlite:///{folder / 'forms.sqlite3'}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        semester, departments = _setup(session)
        library = write_topic_form(session, semester.id, departments["Library"].id, folder / "library.xlsx")
        careers = write_topic_form(session, semester.id, departments["Careers"].id, folder / "careers.xlsx")
        ids = {name: department.id for name, department in departments.items()}
        semester_id = semester.id
    engine.dispose()
    base = _filled(library, folder / "base.xlsx")
    good = read_topic_form(_filled(careers, folder / "good.xlsx"))
    assert good.problems == [] and read_topic_form(base).problems == []
    files: list[Damaged] = []
    started = time.perf_counter()
    for name, kind, path in _generate(base, folder):
        try:
            files.append(Damaged(name, kind, read_topic_form(path)))
        except Exception as error:  # noqa: BLE001 - counted: a traceback is what the test looks for
            files.append(Damaged(name, kind, None, f"{type(error).__name__}: {error}"[:300]))
    return Corpus(semester_id, ids, good, files, time.perf_counter() - started)


def _for_this_database(submission: FormSubmission, corpus: Corpus, semester_id: int,
                       department_ids: dict[str, int]) -> FormSubmission:
    """The same reading, its ids those of this test's database (the files were made from another)."""
    by_old = {corpus.department_ids[name]: department_ids[name] for name in department_ids}
    return dataclasses.replace(
        submission, lines=list(submission.lines), problems=list(submission.problems),
        semester_id=semester_id if submission.semester_id == corpus.semester_id else submission.semester_id,
        department_id=by_old.get(submission.department_id, submission.department_id)
        if submission.department_id is not None else None)


def _count(session: Session, department_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(TopicProposal)
                              .where(TopicProposal.department_id == department_id)) or 0)


def test_damaged_forms_never_raise_and_are_imported_whole_or_not_at_all(
        db_session: Session, officer: Actor, corpus: Corpus) -> None:
    semester, departments = _setup(db_session)
    ids = {name: department.id for name, department in departments.items()}
    library, careers = ids["Library"], ids["Careers"]
    good = _for_this_database(corpus.good, corpus, semester.id, ids)
    tracebacks = [f"{item.name} ({item.kind}), reading: {item.error}" for item in corpus.files if item.error]
    partial: list[str] = []
    accepted = 0
    started = time.perf_counter()
    for item in corpus.files:
        if item.submission is None:
            continue
        submission = _for_this_database(item.submission, corpus, semester.id, ids)
        attempt = db_session.begin_nested()
        try:
            result = receive_forms(db_session, officer, [submission, good])
            outcome, good_outcome = result.files
            saved = _count(db_session, library)
            expected = len(outcome.lines) if outcome.accepted else 0
            if saved != expected or not good_outcome.accepted or _count(db_session, careers) != len(ROWS):
                partial.append(f"{item.name} ({item.kind}): {saved} rows saved, {expected} expected; "
                               f"{outcome.problems[:1]}")
            if outcome.accepted:
                accepted += 1
            elif not all(problem.strip() and "\n" not in problem for problem in outcome.problems):
                partial.append(f"{item.name} ({item.kind}): a problem is not one sentence: {outcome.problems}")
        except Exception as error:  # noqa: BLE001 - counted: a traceback is what the test looks for
            tracebacks.append(f"{item.name} ({item.kind}), importing: {type(error).__name__}: {error}"[:300])
        finally:
            attempt.rollback()
    receive_seconds = time.perf_counter() - started
    kinds = sorted({item.kind for item in corpus.files})
    print(f"\n{len(corpus.files)} damaged forms of {len(kinds)} kinds: {len(tracebacks)} tracebacks, "
          f"{len(partial)} partial imports, {accepted} accepted whole, {len(corpus.files) - accepted} rejected; "
          f"read in {corpus.read_seconds:.1f} s, received in {receive_seconds:.1f} s")
    assert len(corpus.files) >= 300 and len(kinds) == len(DAMAGE) + 1
    assert tracebacks == []
    assert partial == []
    # Damage that leaves a readable, valid form (a typed-over style, a flipped bit in a
    # compressed picture of nothing) may be accepted; most files are refused.
    assert accepted < len(corpus.files) // 2
