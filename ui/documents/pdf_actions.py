"""Export → Agenda, Programme, Evaluation summary, Certificate (PDF), and a print preview that prints them.

The documents are made by exports/ from app.views.documents data; this module only
asks which record and where to save, shows a wait cursor while a document is
made, and shows errors as one sentence. The PySide6 wheels come without QtPdf,
so the print preview draws the PDF's pages with pypdfium2 (PDFium) onto the printer.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.views.documents import (
    CertificateChoice,
    agenda_data,
    certificate_choices,
    certificate_data,
    programme_data,
)
from app.views.evaluation_summary import evaluation_summary_data
from app.views.semester_report import semester_report_data
from app.errors import AppError
from app.output_files import safe_file_name, write_bytes
from ui.documents.document_language import LanguageDialog, language_choices
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from exports.fonts import FontSet

# reportlab costs a seventh of a second to import: the renderers are imported when a
# document is made, not when the window starts.

# Pages are drawn onto the printer as images; more than this adds size, not sharpness.
MAX_PRINT_DPI = 300


@dataclass(frozen=True)
class Document:
    """A made PDF and the file name to suggest for it."""

    pdf: bytes
    title: str
    file_name: str


def install(window: Any) -> PdfActions:
    """Add the document actions to the window's Export menu."""
    actions = PdfActions(window)
    window._pdf_actions = actions  # keep the QObject alive as long as the window
    return actions


class PdfActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._font_notice_shown = False
        menu = window.export_menu
        menu.addSeparator()
        self.agenda_action = self._add(menu, self.tr("&Agenda (PDF)…"), "export_agenda_pdf",
                                       lambda: self.save(self.make_agenda))
        self.programme_action = self._add(menu, self.tr("Semester &programme (PDF)…"), "export_programme_pdf",
                                          lambda: self.save(self.make_programme))
        self.evaluation_summary_action = self._add(menu, self.tr("Evaluation &summary (PDF)…"),
                                                   "export_evaluation_summary_pdf",
                                                   lambda: self.save(self.make_evaluation_summary))
        self.semester_report_action = self._add(menu, self.tr("Semester &report (PDF)…"), "export_semester_report_pdf",
                                                lambda: self.save(self.make_semester_report))
        self.certificate_action = self._add(menu, self.tr("&Certificate of participation (PDF)…"),
                                            "export_certificate_pdf", lambda: self.save(self.make_certificate))
        preview = menu.addMenu(self.tr("Print pre&view"))
        preview.setObjectName("print_preview_menu")
        self._add(preview, self.tr("Agenda…"), "preview_agenda", lambda: self.preview(self.make_agenda))
        self._add(preview, self.tr("Semester programme…"), "preview_programme",
                  lambda: self.preview(self.make_programme))
        self._add(preview, self.tr("Evaluation summary…"), "preview_evaluation_summary",
                  lambda: self.preview(self.make_evaluation_summary))
        self._add(preview, self.tr("Semester report…"), "preview_semester_report",
                  lambda: self.preview(self.make_semester_report))
        self._add(preview, self.tr("Certificate…"), "preview_certificate", lambda: self.preview(self.make_certificate))

    def _add(self, menu: Any, text: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---- making documents ------------------------------------------------------
    @property
    def fonts(self) -> FontSet:
        from exports.fonts import FontFallbackWarning, load_fonts

        with warnings.catch_warnings():
            # Shown once below as a message the officer can read, not as a Python warning.
            warnings.simplefilter("ignore", FontFallbackWarning)
            fonts = load_fonts(self.window.settings.cjk_font_path)
        if fonts.notice and not self._font_notice_shown:
            self._font_notice_shown = True
            self.window.show_error(self.tr("Chinese font"), fonts.notice)
        return fonts

    def default_language(self, document: str) -> str:
        """The document's default language from Settings (English for an unknown value)."""
        return str(self.window.settings.document_language(document))

    def ask_language(self, title: str, document: str) -> str | None:
        """The language to print in, asked with the default preselected; None if the officer cancels."""
        dialog = LanguageDialog(title, self.default_language(document), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.language()

    def _render(self, render: Callable[..., bytes], data: Any, fonts: FontSet, **options: Any) -> bytes:
        """The document's bytes; text its font cannot show is named to the officer, not printed as boxes silently."""
        from exports.fonts import UnprintableTextWarning

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", UnprintableTextWarning)
            pdf = render(data, fonts=fonts, **options)
        notices = list(dict.fromkeys(str(w.message) for w in caught
                                     if issubclass(w.category, UnprintableTextWarning)))
        if notices:
            self.window.show_error(self.tr("Characters the PDF cannot show"), "\n".join(notices[:5]))
        return pdf

    def make_agenda(self) -> Document | None:
        workshop_id = self.window.selected_id("workshop")
        if workshop_id is None:
            self.window.show_error(self.tr("Agenda"), self.tr(
                "Select a workshop in the Workshops tab, or open it in the planner, first."))
            return None
        language = self.ask_language(self.tr("Agenda"), "agenda")
        if language is None:
            return None
        zone = self.window.settings.iad_timezone
        with self.window.database.sessions() as session:
            data = agenda_data(session, workshop_id, zone)
        fonts = self.fonts
        with wait_cursor():
            from exports.agenda_pdf import render_agenda

            pdf = self._render(render_agenda, data, fonts, language=language)
        return Document(pdf, self.tr("Agenda"),
                        f"Agenda - {data.exchange_title} - round {data.round_number}.pdf")

    def make_programme(self) -> Document | None:
        from exports.programme_pdf import render_programme

        return self._semester_document(self.tr("Semester programme"), programme_data, render_programme,
                                       "Programme - {semester}.pdf", document="programme")

    def make_evaluation_summary(self) -> Document | None:
        from exports.evaluation_summary_pdf import render_evaluation_summary

        return self._semester_document(self.tr("Evaluation summary"), evaluation_summary_data,
                                       render_evaluation_summary, "Evaluation summary - {semester}.pdf")

    def make_semester_report(self) -> Document | None:
        from exports.semester_report_pdf import render_semester_report

        return self._semester_document(self.tr("Semester report"), semester_report_data, render_semester_report,
                                       "Semester report - {semester}.pdf")

    def _semester_document(self, title: str, read: Callable[..., Any], render: Callable[..., bytes],
                           file_name: str, *, document: str | None = None) -> Document | None:
        """A document of the semester on the toolbar: read its data, render it, suggest a file name.

        A `document` printable in several languages ("programme") first asks which one.
        """
        semester_id = self._semester_in_focus(title)
        if semester_id is None:
            return None
        options: dict[str, str] = {}
        if document is not None:
            language = self.ask_language(title, document)
            if language is None:
                return None
            options["language"] = language
        fonts = self.fonts
        with wait_cursor():
            with self.window.database.sessions() as session:
                data = read(session, semester_id, self.window.settings.iad_timezone)
            pdf = self._render(render, data, fonts, **options)
        return Document(pdf, title, file_name.format(semester=data.semester))

    def _semester_in_focus(self, title: str) -> int | None:
        """The semester on the toolbar, or None after saying how to choose one."""
        semester_id: int | None = self.window.semester_id()
        if semester_id is None:
            self.window.show_error(title, self.tr("Choose a semester on the toolbar first."))
        return semester_id

    def make_certificate(self) -> Document | None:
        database = self.window.database

        def load(semester_id: int | None) -> tuple[CertificateChoice, ...]:
            with database.sessions() as session:
                return certificate_choices(session, semester_id)

        dialog = CertificateDialog(load, self.window.semester_id(), self.window.selected_id("person"),
                                   self.window.selected_id("exchange"), self.window,
                                   language=self.default_language("certificate"))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selection() is None:
            return None
        person_id, exchange_id = dialog.selection()  # type: ignore[misc]
        language = dialog.language()
        with database.sessions() as session:
            data = certificate_data(session, person_id, exchange_id, self.window.settings.iad_timezone)
        fonts = self.fonts
        with wait_cursor():
            from exports.certificate_pdf import render_certificate

            pdf = self._render(render_certificate, data, fonts, language=language)
        return Document(pdf, self.tr("Certificate"), f"Certificate - {data.name_en} - {data.exchange_title}.pdf")

    def _made(self, make: Callable[[], Document | None], title: str) -> Document | None:
        try:
            return make()
        except AppError as error:
            self.window.show_error(title, str(error))
            return None

    # ---- saving and printing ---------------------------------------------------
    def save(self, make: Callable[[], Document | None]) -> None:
        document = self._made(make, self.tr("Export PDF"))
        if document is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / safe_file_name(document.file_name))
        path, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Save {what}").format(what=document.title),
                                                    suggested, self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            write_bytes(target, document.pdf)
        except AppError as error:
            self.window.show_error(self.tr("Export PDF"), str(error))
            return
        self.window.status_message(self.tr("Saved {file}").format(file=target))

    def preview(self, make: Callable[[], Document | None]) -> None:
        document = self._made(make, self.tr("Print preview"))
        if document is None:
            return
        dialog = QPrintPreviewDialog(self.window)
        dialog.setWindowTitle(self.tr("Print preview: {what}").format(what=document.title))
        prepare_printer(dialog.printer(), document.pdf)
        dialog.paintRequested.connect(lambda printer: paint_pdf(printer, document.pdf))
        fit_to_screen(dialog, 1000, 800)
        dialog.exec()


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """Paper and orientation from the document's first page; the page is printed whole, margins included."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF has its own margins


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Draw every page of the PDF onto the printer (or the preview), scaled to the paper."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for index in range(len(document)):
            if index:
                printer.newPage()
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True, optimize_mode="print")
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            painter.drawImage(_fit(image, paper.width(), paper.height()), image)
    finally:
        painter.end()
        document.close()


def _fit(image: QImage, width: float, height: float) -> QRectF:
    scale = min(width / image.width(), height / image.height())
    w, h = image.width() * scale, image.height() * scale
    return QRectF((width - w) / 2, (height - h) / 2, w, h)


class CertificateDialog(QDialog):
    """Pick a person, then one of the exchanges they took part in."""

    def __init__(self, load: Callable[[int | None], tuple[CertificateChoice, ...]], semester_id: int | None,
                 person_id: int | None = None, exchange_id: int | None = None,
                 parent: QWidget | None = None, *, language: str = "both") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate of participation"))
        self._load = load
        self._semester_id = semester_id
        self._choices: tuple[CertificateChoice, ...] = ()
        self.person_box = QComboBox()
        self.person_box.setObjectName("person_box")
        self.person_box.setEditable(True)  # type to find a name among many
        self.person_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.person_box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.exchange_box = QComboBox()
        self.exchange_box.setObjectName("exchange_box")
        self.language_box = QComboBox()
        self.language_box.setObjectName("language_box")
        for value, label in language_choices():
            self.language_box.addItem(label, value)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.every_semester = QCheckBox(self.tr("Show every semester"))
        self.every_semester.setObjectName("every_semester")
        self.every_semester.setChecked(semester_id is None)
        self.every_semester.setEnabled(semester_id is not None)
        self.empty_label = QLabel(self.tr("Nobody has taken part in an exchange yet."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make certificate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.person_box)
        form.addRow(self.tr("&Exchange:"), self.exchange_box)
        form.addRow("", self.every_semester)
        form.addRow(self.tr("&Language:"), self.language_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.person_box.currentIndexChanged.connect(self._fill_exchanges)
        self.every_semester.toggled.connect(lambda _checked: self._reload(None, None))
        self._reload(person_id, exchange_id)

    def _reload(self, person_id: int | None, exchange_id: int | None) -> None:
        if person_id is None:
            person_id = self.person_box.currentData()
        self._choices = self._load(None if self.every_semester.isChecked() else self._semester_id)
        self.person_box.blockSignals(True)
        self.person_box.clear()
        seen: set[int] = set()
        for choice in self._choices:
            if choice.person_id not in seen:
                seen.add(choice.person_id)
                self.person_box.addItem(choice.person_label, choice.person_id)
        index = self.person_box.findData(person_id) if person_id is not None else -1
        self.person_box.setCurrentIndex(max(index, 0) if self.person_box.count() else -1)
        self.person_box.blockSignals(False)
        self._fill_exchanges(exchange_id=exchange_id)

    def _fill_exchanges(self, _index: int = 0, exchange_id: int | None = None) -> None:
        person_id = self.person_box.currentData()
        self.exchange_box.clear()
        for choice in self._choices:
            if choice.person_id == person_id:
                self.exchange_box.addItem(choice.exchange_label, choice.exchange_id)
        if exchange_id is not None and self.exchange_box.findData(exchange_id) >= 0:
            self.exchange_box.setCurrentIndex(self.exchange_box.findData(exchange_id))
        has_choice = self.exchange_box.count() > 0
        self.empty_label.setVisible(not self._choices)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_choice)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def selection(self) -> tuple[int, int] | None:
        person_id, exchange_id = self.person_box.currentData(), self.exchange_box.currentData()
        if person_id is None or exchange_id is None:
            return None
        return int(person_id), int(exchange_id)
