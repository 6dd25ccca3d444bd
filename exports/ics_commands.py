"""`iad-workshops export ics`: calendar invitations for one workshop or every round of an exchange."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.i18n import _
from app.records import record_id
from app.settings import Settings

if TYPE_CHECKING:  # exports/command_line.py imports this module to list it
    from exports.command_line import OpenDatabase, SubParsers


def register(exports: SubParsers, imports: SubParsers, open_db: OpenDatabase) -> None:
    from exports.command_line import output_argument

    parser = exports.add_parser(
        "ics", help=_("calendar invitation (.ics) for a workshop, or for every round of an exchange"),
        description=_("Write an iCalendar file with the workshop's time in the IAD's time zone (with its "
                      "VTIMEZONE), the link, and the panels in every partner's local time."),
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--workshop", metavar="ID", type=record_id, help=_("one workshop (round)"))
    which.add_argument("--exchange", metavar="ID", type=record_id, help=_("every round of the exchange"))
    output_argument(parser, ".ics")

    def run(args: argparse.Namespace) -> int:
        from exports.ics import write_exchange_ics, write_workshop_ics

        settings = Settings.load()
        database = open_db(args)
        try:
            with database.transaction() as session:
                if args.workshop is not None:
                    path = write_workshop_ics(session, args.workshop, args.output, settings.iad_timezone)
                else:
                    path = write_exchange_ics(session, args.exchange, args.output, settings.iad_timezone)
        finally:
            database.close()
        print(_("Wrote {file}.").format(file=path))
        return 0

    parser.set_defaults(func=run)
