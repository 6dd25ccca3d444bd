"""Export → Agenda, Programme, Evaluation summary, Certificate and the print preview, with the file dialogs
patched."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QRadioButton
from pytestqt.qtbot import QtBot

from app.actor import Actor
from app.storage.database import Database
from app.views.documents import agenda_data
from app.settings import Settings
from exports.agenda_pdf import render_agenda
from models import (
    Attendance,
    Department,
    Evaluation,
    EvaluationScore,
    Exchange,
    Panel,
    Participation,
    Partner,
    Person,
    RubricItem,
    Semester,
    Workshop,
)
from models.enums import ExchangeKind
from ui.documents import pdf_actions
from app.output_files import safe_file_name
from ui.documents.document_language import LanguageDialog
from ui.documents.pdf_actions import CertificateDialog, install, paint_pdf, prepare_printer


@pytest.fixture(autouse=True)
def languages_asked(monkeypatch: pytest.MonkeyPatch) -> list[LanguageDialog]:
    """Answer the document-language question with its preselected default; returns the dialogs shown."""
    shown: list[LanguageDialog] = []

    def accept(dialog: LanguageDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LanguageDialog, "exec", accept)
    return shown


class FakeWindow(QMainWindow):
    """The part of the main window's API the actions use."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.settings = Settings()
        self.actor = Actor("officer")
        self.file_menu = self.menuBar().addMenu("File")
        self.export_menu = self.menuBar().addMenu("Export")
        self.tools_menu = self.menuBar().addMenu("Tools")
        self.help_menu = self.menuBar().addMenu("Help")
        self.selected: dict[str, int] = {}
        self.semester: int | None = None
        self.errors: list[tuple[str, str]] = []
        self.messages: list[str] = []

    def selected_id(self, kind: str) -> int | None:
        return self.selected.get(kind)

    def semester_id(self) -> int | None:
        return self.semester

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def status_message(self, text: str) -> None:
        self.messages.append(text)

    def action(self, name: str) -> Any:
        from PySide6.QtGui import QAction

        found = self.findChild(QAction, name)
        assert found is not None, name
        return found


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> FakeWindow:
    with sqlite_database.transaction() as session:
        department = Department(name_en="General Education Office", name_zh="通识教育办公室")
        person = Person(department=department, name_en="Sun Li", name_zh="孙丽")
        partner = Partner(name="Technical University of Munich", name_zh="慕尼黑工业大学", country="Germany",
                          timezone="Europe/Berlin")
        semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        exchange = Exchange(semester=semester, title="Designing general courses", kind=ExchangeKind.ONE_OFF,
                            partners=[partner], departments=[department])
        start = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
        workshop = Workshop(exchange=exchange, starts_at=start, platform="Zoom")
        for offset, track in ((0, "Main room"), (40, "Room A"), (40, "Room B"), (40, "Room C")):
            session.add(Panel(workshop=workshop, title=f"Panel in {track}", track=track,
                              starts_at=start + timedelta(minutes=offset), duration_minutes=35))
        participation = Participation(person=person, exchange=exchange)
        session.add_all([workshop, participation])
        session.flush()
        session.add(Attendance(participation_id=participation.id, workshop_id=workshop.id))
        quality = RubricItem(name_en="Quality of partner exchange", name_zh="交流质量")
        for score in (5, 4):
            session.add(Evaluation(department=department, semester=semester, interview_date=date(2026, 12, 1),
                                   interviewer="Xu Wen", findings="Courses redesigned after the exchange.",
                                   scores=[EvaluationScore(rubric_item=quality, score=score)]))
        spring = Semester(name="2027 Spring", starts_on=date(2027, 2, 20), ends_on=date(2027, 7, 10))
        session.add(spring)
        session.flush()
        ids = dict(workshop=workshop.id, semester=semester.id, person=person.id, exchange=exchange.id,
                   empty_semester=spring.id)
    window = FakeWindow(sqlite_database)
    window.ids = ids  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    install(window)
    return window


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the save dialog with `path` (None: cancelled); returns the suggested names it was shown."""
    suggested: list[str] = []

    def answer(_parent: Any, _caption: str, directory: str, _filter: str) -> tuple[str, str]:
        suggested.append(directory)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return suggested


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(path.read_bytes())).pages)


def test_agenda_of_the_selected_workshop_is_saved(window: FakeWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window.selected["workshop"] = window.ids["workshop"]  # type: ignore[attr-defined]
    suggested = save_to(monkeypatch, tmp_path / "agenda")  # no suffix typed: .pdf is added
    window.action("export_agenda_pdf").trigger()
    target = tmp_path / "agenda.pdf"
    assert "Designing general courses" in text_of(target) and "Panel in Room C" in text_of(target)
    assert suggested[0].endswith("Agenda - Designing general courses - round 1.pdf")
    assert window.messages == [f"Saved {target}"] and window.errors == []


def test_nothing_selected_says_what_to_do(window: FakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, None)
    window.action("export_agenda_pdf").trigger()
    window.action("export_programme_pdf").trigger()
    assert window.errors == [("Agenda", "Select a workshop in the Workshops tab, or open it in the planner, first."),
                             ("Semester programme", "Choose a semester on the toolbar first.")]


def test_a_deleted_workshop_is_one_sentence(window: FakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.selected["workshop"] = 999999
    save_to(monkeypatch, None)
    window.action("export_agenda_pdf").trigger()
    assert window.errors == [("Export PDF", "There is no workshop with id 999999.")]


def test_programme_of_the_semester_in_focus_and_cancelled_save(window: FakeWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.semester = window.ids["semester"]  # type: ignore[attr-defined]
    save_to(monkeypatch, None)
    window.action("export_programme_pdf").trigger()
    assert list(tmp_path.glob("*.pdf")) == [] and window.messages == []
    save_to(monkeypatch, tmp_path / "programme.pdf")
    window.action("export_programme_pdf").trigger()
    assert "November 2026" in text_of(tmp_path / "programme.pdf")


def test_evaluation_summary_of_the_semester_in_focus(window: FakeWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, None)
    window.action("export_evaluation_summary_pdf").trigger()
    assert window.errors == [("Evaluation summary", "Choose a semester on the toolbar first.")]
    window.errors.clear()
    window.semester = window.ids["semester"]  # type: ignore[attr-defined]
    suggested = save_to(monkeypatch, tmp_path / "summary.pdf")
    window.action("export_evaluation_summary_pdf").trigger()
    assert suggested[0].endswith("Evaluation summary - 2026 Fall.pdf")
    text = " ".join(text_of(tmp_path / "summary.pdf").split())
    assert "General Education Office 通识教育办公室 4.5 4.5 2" in text  # scores 5 and 4
    assert "Quality of partner exchange" in text and "Courses redesigned after the exchange." in text
    assert window.messages == [f"Saved {tmp_path / 'summary.pdf'}"] and window.errors == []


def test_semester_report_of_the_semester_in_focus_and_its_preview(window: FakeWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, None)
    window.action("export_semester_report_pdf").trigger()
    assert window.errors == [("Semester report", "Choose a semester on the toolbar first.")]
    window.errors.clear()
    window.semester = window.ids["semester"]  # type: ignore[attr-defined]
    suggested = save_to(monkeypatch, tmp_path / "report.pdf")
    window.action("export_semester_report_pdf").trigger()
    assert suggested[0].endswith("Semester report - 2026 Fall.pdf")
    text = " ".join(text_of(tmp_path / "report.pdf").split())
    assert "Semester report" in text and "2026 Fall" in text and "General Education Office" in text
    assert "Courses redesigned after the exchange." in text  # the interview's main finding
    assert window.messages == [f"Saved {tmp_path / 'report.pdf'}"] and window.errors == []
    opened: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.action("preview_semester_report").trigger()
    assert opened[0].windowTitle() == "Print preview: Semester report"


def test_evaluation_summary_of_a_semester_without_interviews_is_one_sentence(
    window: FakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.semester = window.ids["empty_semester"]  # type: ignore[attr-defined]
    suggested = save_to(monkeypatch, tmp_path / "summary.pdf")
    window.action("export_evaluation_summary_pdf").trigger()
    assert window.errors == [("Export PDF", "No department interviews are recorded for 2027 Spring; record one "
                                            "before printing its evaluation summary.")]
    assert suggested == [] and list(tmp_path.glob("*.pdf")) == []


def test_evaluation_summary_preview_is_landscape_only_when_the_rubric_needs_it(
    window: FakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.semester = window.ids["semester"]  # type: ignore[attr-defined]
    opened: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.action("preview_evaluation_summary").trigger()
    assert opened[0].windowTitle() == "Print preview: Evaluation summary"
    assert opened[0].printer().pageLayout().orientation().name == "Portrait"  # one rubric item


def test_certificate_for_the_person_picked_in_the_dialog(window: FakeWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window.selected["person"] = window.ids["person"]  # type: ignore[attr-defined]
    shown: list[CertificateDialog] = []

    def accept(dialog: CertificateDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CertificateDialog, "exec", accept)
    save_to(monkeypatch, tmp_path / "certificate.pdf")
    window.action("export_certificate_pdf").trigger()
    assert shown[0].selection() == (window.ids["person"], window.ids["exchange"])  # type: ignore[attr-defined]
    text = text_of(tmp_path / "certificate.pdf")
    assert "孙丽" in text and "Sun Li" in text and "慕尼黑工业大学" in text


def test_agenda_language_defaults_to_the_setting_and_can_be_changed(
    window: FakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages_asked: list[LanguageDialog],
) -> None:
    window.selected["workshop"] = window.ids["workshop"]  # type: ignore[attr-defined]
    save_to(monkeypatch, tmp_path / "agenda-en.pdf")
    window.action("export_agenda_pdf").trigger()
    assert languages_asked[0].language() == "en"  # an agenda goes to a partner
    english = text_of(tmp_path / "agenda-en.pdf")
    assert "Programme" in english and "Participants" in english and "日程" not in english

    def chinese(dialog: LanguageDialog) -> int:
        dialog.findChild(QRadioButton, "language_zh").setChecked(True)  # what the officer clicks
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LanguageDialog, "exec", chinese)
    save_to(monkeypatch, tmp_path / "agenda-zh.pdf")
    window.action("export_agenda_pdf").trigger()
    text = text_of(tmp_path / "agenda-zh.pdf")
    assert "日程" in text and "参会人员" in text and "Participants" not in text

    monkeypatch.setattr(LanguageDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    save_to(monkeypatch, tmp_path / "cancelled.pdf")
    window.action("export_agenda_pdf").trigger()
    assert not (tmp_path / "cancelled.pdf").exists() and window.errors == []


def test_programme_language_follows_the_settings_default(window: FakeWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         languages_asked: list[LanguageDialog]) -> None:
    window.semester = window.ids["semester"]  # type: ignore[attr-defined]
    window.settings.programme_language = "zh"
    save_to(monkeypatch, tmp_path / "programme.pdf")
    window.action("export_programme_pdf").trigger()
    assert languages_asked[0].language() == "zh"
    text = text_of(tmp_path / "programme.pdf")
    assert "学期研讨会日程" in text and "合作院校当地时间" in text and "Semester programme" not in text


def test_certificate_in_english_only_when_chosen(window: FakeWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window.selected["person"] = window.ids["person"]  # type: ignore[attr-defined]

    def english(dialog: CertificateDialog) -> int:
        assert dialog.language() == "both"  # the certificate's default
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CertificateDialog, "exec", english)
    save_to(monkeypatch, tmp_path / "certificate.pdf")
    window.action("export_certificate_pdf").trigger()
    text = text_of(tmp_path / "certificate.pdf")
    assert "Certificate of Participation" in text and "Sun Li" in text
    assert "参与证书" not in text and "兹证明" not in text


def test_certificate_dialog_lists_each_persons_exchanges(qtbot: QtBot) -> None:
    from app.views.documents import CertificateChoice

    every = (CertificateChoice(1, "Li Na 李娜", 10, "Alpha (2026 Fall)"),
             CertificateChoice(1, "Li Na 李娜", 11, "Beta (2025 Spring)"),
             CertificateChoice(2, "Wu Lei 吴磊", 10, "Alpha (2026 Fall)"))
    asked: list[int | None] = []

    def load(semester_id: int | None) -> tuple[CertificateChoice, ...]:
        asked.append(semester_id)
        return every if semester_id is None else every[::2]

    dialog = CertificateDialog(load, 7, person_id=2)
    qtbot.addWidget(dialog)
    assert dialog.selection() == (2, 10)
    dialog.person_box.setCurrentIndex(dialog.person_box.findData(1))
    assert [dialog.exchange_box.itemText(i) for i in range(dialog.exchange_box.count())] == ["Alpha (2026 Fall)"]
    dialog.every_semester.setChecked(True)
    assert asked == [7, None]
    assert dialog.exchange_box.count() == 2 and dialog.selection() == (1, 10)
    empty = CertificateDialog(lambda _s: (), None)
    qtbot.addWidget(empty)
    assert empty.selection() is None and not empty.buttons.buttons()[0].isEnabled()


def test_print_preview_opens_with_the_document(window: FakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.selected["workshop"] = window.ids["workshop"]  # type: ignore[attr-defined]
    opened: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.action("preview_agenda").trigger()
    assert opened[0].windowTitle() == "Print preview: Agenda"
    assert opened[0].printer().pageLayout().orientation().name == "Landscape"  # three concurrent tracks


def test_printing_draws_every_page_in_the_documents_orientation(window: FakeWindow, tmp_path: Path,
                                                                qtbot: QtBot) -> None:
    with window.database.sessions() as session:
        pdf = render_agenda(agenda_data(session, window.ids["workshop"], "Asia/Shanghai"))  # type: ignore[attr-defined]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    prepare_printer(printer, pdf)
    paint_pdf(printer, pdf)
    printed = PdfReader(tmp_path / "printed.pdf")
    original = PdfReader(BytesIO(pdf))
    assert len(printed.pages) == len(original.pages)
    box = printed.pages[0].mediabox
    assert box.width > box.height


def test_suggested_file_names_are_safe() -> None:
    assert safe_file_name('Agenda - a/b: "c" <d> - round 1.pdf') == "Agenda - a b c d - round 1.pdf"
    assert len(safe_file_name("x" * 400 + ".pdf")) == 124


def test_the_window_author_can_install_the_actions(window: FakeWindow) -> None:
    names = [a.objectName() for a in window.export_menu.actions()]
    assert {"export_agenda_pdf", "export_programme_pdf", "export_evaluation_summary_pdf",
            "export_semester_report_pdf", "export_certificate_pdf"} <= set(names)
    assert isinstance(window._pdf_actions, pdf_actions.PdfActions)  # type: ignore[attr-defined]
