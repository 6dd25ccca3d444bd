"""Spreadsheet commands: `iad-workshops export evaluations|topics|partners|roster|reports|visits|forms`
and `iad-workshops import topics FILE... [--dry-run]`.

openpyxl is imported inside the commands, so `iad-workshops --help` stays fast.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from app.errors import AppError
from app.i18n import _
from app.settings import Settings
from exports.list_catalog import ListSpec, list_specs

if TYPE_CHECKING:  # exports/command_line.py imports this module to list it
    from exports.command_line import OpenDatabase, SubParsers

def xlsx_path(value: Path) -> Path:
    """The output file, with .xlsx added when no extension was given; other extensions are refused."""
    if value.suffix == "":
        return value.with_suffix(".xlsx")
    if value.suffix.lower() not in (".xlsx", ".xlsm"):
        raise AppError(_("{file}: a spreadsheet is written as .xlsx; choose a name ending in .xlsx.").format(
            file=value))
    return value


def _semester_id(session: Any, name: str | None) -> int | None:
    from app.views.spreadsheet_data import semester_named

    return semester_named(session, name).id if name else None


def _semester_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument("--semester", metavar="NAME", required=required,
                        help=_("only this semester, e.g. \"2026 Fall\"") if not required
                        else _("the semester, e.g. \"2026 Fall\""))


def register_exports(exports: SubParsers, imports: SubParsers, open_db: OpenDatabase) -> None:
    from exports.command_line import output_argument

    evaluations = exports.add_parser(
        "evaluations", help=_("evaluation spreadsheet: every interview score, averages and a chart"),
        description=_("One row per interview and rubric item, and a summary sheet with the average per "
                      "department (with a bar chart) and per semester."))
    _semester_option(evaluations)
    output_argument(evaluations, ".xlsx")

    def run_evaluations(args: argparse.Namespace) -> int:
        from exports.evaluation_xlsx import export_evaluations

        path = xlsx_path(args.output)
        database = open_db(args)
        try:
            with database.transaction() as session:
                count = export_evaluations(session, path, _semester_id(session, args.semester))
        finally:
            database.close()
        print(_("Wrote {file} ({n} score rows).").format(file=path, n=count))
        return 0

    evaluations.set_defaults(func=run_evaluations)

    for spec in list_specs():
        parser = exports.add_parser(spec.name, help=spec.description)
        if spec.by_semester:
            _semester_option(parser)
        output_argument(parser, ".xlsx")
        parser.set_defaults(func=_list_runner(spec, open_db))

    forms = exports.add_parser(
        "forms", help=_("topic-collection forms for every department, one .xlsx each, into a folder"),
        description=_("Write one topic-collection form per department for the semester into FOLDER "
                      "(created if missing). Departments fill them in and send them back for "
                      "`iad-workshops import topics`."))
    _semester_option(forms, required=True)
    forms.add_argument("-o", "--output", metavar="FOLDER", required=True, type=Path, help=_("folder to write into"))

    def run_forms(args: argparse.Namespace) -> int:
        from exports.topic_form import generate_forms

        database = open_db(args)
        try:
            with database.transaction() as session:
                semester_id = _semester_id(session, args.semester)
                assert semester_id is not None
                written = generate_forms(session, semester_id, args.output)
        finally:
            database.close()
        if not written:
            print(_("There are no departments yet, so no form was written."))
            return 1
        print(_("Wrote {n} forms into {folder}:").format(n=len(written), folder=args.output))
        for path in written:
            print(f"  {path.name}")
        return 0

    forms.set_defaults(func=run_forms)


def _list_runner(spec: ListSpec, open_db: OpenDatabase) -> Any:
    def run(args: argparse.Namespace) -> int:
        path = xlsx_path(args.output)
        zone = ZoneInfo(Settings.load().iad_timezone)
        database = open_db(args)
        try:
            with database.transaction() as session:
                count = spec.export(session, path, _semester_id(session, getattr(args, "semester", None)), zone=zone)
        finally:
            database.close()
        print(_("Wrote {file} ({n} rows).").format(file=path, n=count))
        return 0

    return run


def register_imports(exports: SubParsers, imports: SubParsers, open_db: OpenDatabase) -> None:
    parser = imports.add_parser(
        "topics", help=_("returned topic-collection forms (.xlsx)"),
        description=_("Import the topic proposals of returned forms. Each file is accepted or rejected as a "
                      "whole; a rejected file is listed with its problems and nothing from it is saved. A form "
                      "sent again after corrections updates its proposals. Exit status 1 if any file was "
                      "rejected."))
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help=_("returned forms"))
    parser.add_argument("--dry-run", action="store_true", help=_("check and show what would change; save nothing"))
    parser.add_argument("--semester", metavar="NAME", help=_("reject forms made for any other semester"))

    def run(args: argparse.Namespace) -> int:
        from app.storage.users import resolve_actor
        from exports.topic_import import describe_outcome, import_topic_forms

        database = open_db(args)
        try:
            with database.writing() as session:
                actor = resolve_actor(session)
                result = import_topic_forms(session, actor, args.files, dry_run=args.dry_run,
                                            semester_id=_semester_id(session, args.semester))
                if args.dry_run:
                    session.rollback()
                else:
                    session.commit()
        finally:
            database.close()
        for outcome in result.files:
            for line in describe_outcome(outcome, dry_run=args.dry_run):
                print(line)
        summary = _("{accepted} file(s) accepted, {rejected} rejected.").format(
            accepted=len(result.accepted), rejected=len(result.rejected))
        print(summary + (" " + _("Dry run: nothing was saved.") if args.dry_run else ""))
        return 1 if result.rejected else 0

    parser.set_defaults(func=run)
