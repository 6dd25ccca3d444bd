"""`iad-workshops export agenda|programme|evaluation-summary|semester-report|certificate`: the printable PDF documents.

Each command reads its data in one read-only session, renders it, and writes
the file atomically. An unknown id or semester name is one sentence (an AppError
the CLI prints). reportlab is imported inside the commands so `--help` stays fast.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.i18n import _
from app.records import record_id
from app.settings import DOCUMENT_LANGUAGES, Settings

if TYPE_CHECKING:  # exports/command_line.py imports this module to list it
    from exports.command_line import OpenDatabase, SubParsers


def register(exports: SubParsers, imports: SubParsers, open_db: OpenDatabase) -> None:
    from exports.command_line import output_argument

    agenda = exports.add_parser(
        "agenda", help=_("printable agenda of one workshop (PDF)"),
        description=_("Write the agenda of a workshop: times in the IAD's zone and the partner's, the link, "
                      "the panels with concurrent tracks side by side, and the participants."),
    )
    agenda.add_argument("--workshop", metavar="ID", type=record_id, required=True, help=_("the workshop (round)"))
    _language_argument(agenda, "agenda")
    output_argument(agenda, ".pdf")
    agenda.set_defaults(func=_command(open_db, _write_agenda))

    programme = exports.add_parser(
        "programme", help=_("every workshop of a semester, by month (PDF)"),
        description=_("Write the semester programme: a cover with contents, then one line per workshop."),
    )
    programme.add_argument("--semester", metavar="NAME", required=True, help=_('the semester, e.g. "2026 Fall"'))
    _language_argument(programme, "programme")
    output_argument(programme, ".pdf")
    programme.set_defaults(func=_command(open_db, _write_programme))

    summary = exports.add_parser(
        "evaluation-summary", help=_("department interviews of a semester: averages and findings (PDF)"),
        description=_("Write the evaluation summary: each interviewed department's average per rubric item, "
                      "then every interview with its scores, findings and agreed actions."),
    )
    summary.add_argument("--semester", metavar="NAME", required=True, help=_('the semester, e.g. "2026 Fall"'))
    output_argument(summary, ".pdf")
    summary.set_defaults(func=_command(open_db, _write_evaluation_summary))

    report = exports.add_parser(
        "semester-report", help=_("what a semester held and what came of it, for management (PDF)"),
        description=_("Write the semester report: exchanges and workshops per partner and department, participants "
                      "and attendance, reports submitted, accepted and published, interview averages and findings, "
                      "open actions and the top of the visit priority list."),
    )
    report.add_argument("--semester", metavar="NAME", required=True, help=_('the semester, e.g. "2026 Fall"'))
    output_argument(report, ".pdf")
    report.set_defaults(func=_command(open_db, _write_semester_report))

    certificate = exports.add_parser(
        "certificate", help=_("certificate of participation for one person and one exchange (PDF)"),
        description=_("Write a one-page bilingual certificate naming the rounds the person attended."),
    )
    certificate.add_argument("--person", metavar="ID", type=record_id, required=True, help=_("the participant"))
    certificate.add_argument("--exchange", metavar="ID", type=record_id, required=True, help=_("the exchange"))
    _language_argument(certificate, "certificate")
    output_argument(certificate, ".pdf")
    certificate.set_defaults(func=_command(open_db, _write_certificate))


def _language_argument(parser: argparse.ArgumentParser, document: str) -> None:
    parser.add_argument("--language", choices=DOCUMENT_LANGUAGES, default=None,
                        help=_("print the document in English, Chinese or both (default: the one in Settings)"))
    parser.set_defaults(document=document)


def document_language(args: argparse.Namespace, settings: Settings) -> str:
    """The language asked for on the command line, else the document's default in Settings."""
    if args.language:
        return str(args.language)
    return settings.document_language(args.document)


Writer = Callable[[Session, argparse.Namespace, Settings], str]


def _command(open_db: OpenDatabase, writer: Writer) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from exports.fonts import FontFallbackWarning, UnprintableTextWarning

        settings = Settings.load()
        database = open_db(args)
        try:
            # The font notice is printed below as one plain sentence instead of a Python warning.
            with database.sessions() as session, warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("ignore", FontFallbackWarning)
                warnings.simplefilter("always", UnprintableTextWarning)
                what = writer(session, args, settings)
        finally:
            database.close()
        _say_font_notice(settings)
        for message in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UnprintableTextWarning)):
            print(_("Note: {notice}").format(notice=message), file=sys.stderr)
        print(_("Wrote {what} to {file}.").format(what=what, file=args.output))
        return 0

    return run


def _say_font_notice(settings: Settings) -> None:
    from exports.fonts import load_fonts

    notice = load_fonts(settings.cjk_font_path).notice
    if notice:
        print(_("Note: {notice}").format(notice=notice), file=sys.stderr)


def _write_agenda(session: Session, args: argparse.Namespace, settings: Settings) -> str:
    from app.views.documents import agenda_data
    from exports.agenda_pdf import write_agenda
    from exports.fonts import load_fonts

    data = agenda_data(session, args.workshop, settings.iad_timezone)
    write_agenda(data, Path(args.output), fonts=load_fonts(settings.cjk_font_path),
                 language=document_language(args, settings))
    return _("the agenda of '{title}', round {round}").format(title=data.exchange_title, round=data.round_number)


def _write_programme(session: Session, args: argparse.Namespace, settings: Settings) -> str:
    from app.views.documents import programme_data, semester_id_by_name
    from exports.fonts import load_fonts
    from exports.programme_pdf import write_programme

    data = programme_data(session, semester_id_by_name(session, args.semester), settings.iad_timezone)
    write_programme(data, Path(args.output), fonts=load_fonts(settings.cjk_font_path),
                    language=document_language(args, settings))
    return _("the programme of {semester} ({count} workshops)").format(semester=data.semester,
                                                                       count=data.workshop_count)


def _write_evaluation_summary(session: Session, args: argparse.Namespace, settings: Settings) -> str:
    from app.views.documents import semester_id_by_name
    from app.views.evaluation_summary import evaluation_summary_data
    from exports.evaluation_summary_pdf import write_evaluation_summary
    from exports.fonts import load_fonts

    data = evaluation_summary_data(session, semester_id_by_name(session, args.semester), settings.iad_timezone)
    write_evaluation_summary(data, Path(args.output), fonts=load_fonts(settings.cjk_font_path))
    interviews = _("1 interview") if data.interview_count == 1 else _("{count} interviews").format(
        count=data.interview_count)
    return _("the evaluation summary of {semester} ({interviews})").format(semester=data.semester,
                                                                          interviews=interviews)


def _write_semester_report(session: Session, args: argparse.Namespace, settings: Settings) -> str:
    from app.views.documents import semester_id_by_name
    from app.views.semester_report import semester_report_data
    from exports.fonts import load_fonts
    from exports.semester_report_pdf import write_semester_report

    data = semester_report_data(session, semester_id_by_name(session, args.semester), settings.iad_timezone)
    write_semester_report(data, Path(args.output), fonts=load_fonts(settings.cjk_font_path))
    return _("the semester report of {semester}").format(semester=data.semester)


def _write_certificate(session: Session, args: argparse.Namespace, settings: Settings) -> str:
    from app.views.documents import certificate_data
    from exports.certificate_pdf import write_certificate
    from exports.fonts import load_fonts

    data = certificate_data(session, args.person, args.exchange, settings.iad_timezone)
    write_certificate(data, Path(args.output), fonts=load_fonts(settings.cjk_font_path),
                      language=document_language(args, settings))
    return _("the certificate of {name}").format(name=data.name_en)
