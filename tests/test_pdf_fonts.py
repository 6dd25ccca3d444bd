"""Finding the Chinese font, falling back once with a notice, escaping and formatting for the PDFs."""
from __future__ import annotations

import struct
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import resources
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.views.documents import ZoneSpan
from exports import fonts as font_module
from exports.fonts import CID_FALLBACK, FontFallbackWarning, FontFile, load_fonts, truetype_problem
from exports.pdf_layout import markup, para, styles, time_range, write_atomically, zone_label

WQY = resources.FOLDER / "fonts" / "wqy-microhei.ttc"  # shipped with the program


@pytest.fixture
def fresh_font_cache() -> Iterator[None]:
    """Font lookups are cached per process; these tests need their own, and leave a clean one."""
    load_fonts.cache_clear()
    yield
    load_fonts.cache_clear()


def sfnt(tag: bytes) -> bytes:
    return tag + b"\x00" * 60


def test_cff_fonts_and_non_fonts_are_refused_with_a_reason(tmp_path: Path) -> None:
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(sfnt(b"OTTO"))
    assert "CFF" in truetype_problem(FontFile(otf))
    collection = tmp_path / "cff.ttc"  # a collection whose second font has PostScript outlines
    header = b"ttcf" + struct.pack(">HHI", 1, 0, 2) + struct.pack(">II", 20, 84)
    collection.write_bytes(header + sfnt(b"\x00\x01\x00\x00") + sfnt(b"OTTO"))
    assert truetype_problem(FontFile(collection, 0)) == ""
    assert "CFF" in truetype_problem(FontFile(collection, 1))
    assert "2 fonts, not 3" in truetype_problem(FontFile(collection, 2))
    text = tmp_path / "readme.ttf"
    text.write_text("not a font")
    assert truetype_problem(FontFile(text)) == "it is not a TrueType font"
    assert truetype_problem(FontFile(tmp_path / "missing.ttf")) == "the file does not exist"


def test_the_shipped_font_comes_before_the_system_and_is_registered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_font_cache: None,
) -> None:
    system_font = tmp_path / "system-font.ttc"
    system_font.symlink_to(WQY)
    monkeypatch.setattr(font_module, "system_candidates", lambda: [(FontFile(system_font), None)])
    first = load_fonts()
    assert first.embedded and first.notice == "" and first.source == str(WQY)
    assert load_fonts() is first  # cached: registration happens once per process


def test_configured_font_with_collection_index_is_used(fresh_font_cache: None) -> None:
    chosen = load_fonts(f"{WQY},1")  # the monospaced member of the collection
    assert chosen.source == str(WQY) and chosen.regular.endswith("-1")


def test_unusable_configured_font_warns_and_uses_a_system_font(tmp_path: Path, fresh_font_cache: None) -> None:
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(sfnt(b"OTTO"))
    with pytest.warns(FontFallbackWarning, match="NotoSansCJK.otf chosen in the settings cannot be used"):
        chosen = load_fonts(str(otf))
    assert str(otf) in chosen.notice


def test_without_any_truetype_font_the_cid_font_is_used_with_one_notice(
    monkeypatch: pytest.MonkeyPatch, fresh_font_cache: None, recwarn: pytest.WarningsRecorder,
) -> None:
    monkeypatch.setattr(font_module, "bundled_candidates", lambda: [])
    monkeypatch.setattr(font_module, "system_candidates", lambda: [])
    monkeypatch.setattr(font_module, "_fontconfig_candidates", lambda: [])
    chosen = load_fonts()
    assert chosen.regular == CID_FALLBACK and not chosen.embedded
    assert "No TrueType Chinese font was found" in chosen.notice
    load_fonts()  # asked again: no second warning
    assert [w.category for w in recwarn.list] == [FontFallbackWarning]
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build([para("张伟 Zhang Wei <b>", styles(chosen).body)])
    assert "张伟 Zhang Wei <b>" in PdfReader(buffer).pages[0].extract_text()


def test_markup_escapes_tags_entities_and_control_characters() -> None:
    assert markup('<b>x & y</b>\n<img src="/etc/passwd"/>') == (
        '&lt;b&gt;x &amp; y&lt;/b&gt;<br/>&lt;img src="/etc/passwd"/&gt;')
    assert markup("&amp;\x00\x07tab\there") == "&amp;amp;tab here"
    Paragraph(markup("<para><font name='x'>unbalanced"), styles(load_fonts()).body)  # parses without error


def span(zone: str, start: datetime, minutes: int) -> ZoneSpan:
    info = ZoneInfo(zone)
    return ZoneSpan(zone, "", start.astimezone(info), (start + timedelta(minutes=minutes)).astimezone(info))


def test_times_across_midnight_and_daylight_saving_say_so() -> None:
    late = span("Asia/Shanghai", datetime(2026, 11, 3, 14, 30, tzinfo=UTC), 180)
    assert time_range(late) == "22:30–01:30 (+1 day)"
    # London leaves summer time at 01:00 UTC on 25 October 2026
    crossing = span("Europe/London", datetime(2026, 10, 25, 0, 0, tzinfo=UTC), 180)
    assert zone_label(crossing) == "BST, UTC+01:00 → GMT, UTC+00:00"
    kathmandu = span("Asia/Kathmandu", datetime(2026, 10, 25, 0, 0, tzinfo=UTC), 60)
    assert zone_label(kathmandu) == "UTC+05:45"  # no letters for this zone: the offset alone
    assert zone_label(span("America/Sao_Paulo", datetime(2026, 10, 25, tzinfo=UTC), 60)) == "UTC-03:00"


def test_files_are_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "agenda.pdf"
    write_atomically(b"%PDF-1.4 whole", target)
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.pdf"]
    from app.errors import AppError

    with pytest.raises(AppError, match="does not exist"):
        write_atomically(b"x", tmp_path / "no such folder" / "a.pdf")
