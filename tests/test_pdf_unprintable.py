"""Text a PDF's font cannot show (Arabic, Hebrew, emoji) is named to the officer instead of printing as blank boxes."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.storage.database import open_database
from exports.fonts import UnprintableTextWarning, load_fonts, missing_characters
from exports.pdf_layout import para, styles
from models import Exchange, Panel, Partner, Semester, Workshop


def test_a_paragraph_with_characters_the_font_lacks_says_which_text() -> None:
    fonts = load_fonts()
    style = styles(fonts).body
    if not missing_characters(style.fontName, "שלום"):
        pytest.skip(f"{fonts.source} happens to draw Hebrew")
    with pytest.warns(UnprintableTextWarning, match="שלום עולם"):
        para("שלום עולם", style)
    with pytest.warns(UnprintableTextWarning, match="Panel 🎉"):
        para("Panel 🎉", style)


def test_latin_and_chinese_text_prints_without_a_word() -> None:
    import warnings

    style = styles(load_fonts()).body
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnprintableTextWarning)
        para("Managing laboratory assets · 实验室资产管理", style)


def test_the_agenda_command_names_the_text_that_prints_as_boxes(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "iad.sqlite3"
    database = open_database(path)
    with database.transaction() as session:
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        partner = Partner(name="Hebrew University of Jerusalem", country="Israel", timezone="Asia/Jerusalem")
        exchange = Exchange(semester=semester, title="Campus wellbeing 🌱", partners=[partner])
        workshop = Workshop(exchange=exchange, round_number=1, starts_at=datetime(2026, 10, 20, 8, 0, tzinfo=UTC))
        session.add(Panel(workshop=workshop, title="ברוכים הבאים", starts_at=workshop.starts_at,
                          duration_minutes=40))
        session.add(workshop)
        session.flush()
        workshop_id = workshop.id
    database.close()
    target = tmp_path / "agenda.pdf"
    assert main(["--database", str(path), "export", "agenda", "--workshop", str(workshop_id), "-o", str(target)]) == 0
    error = capsys.readouterr().err
    assert target.exists()
    assert "Campus wellbeing 🌱" in error and "blank boxes" in error
    assert "Traceback" not in error
