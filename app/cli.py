"""The `iad-workshops` command: the window without a subcommand, everything else headless.

This module is the composition root: it is the one place in app/ that reaches
up to exports/ and ui/, and only inside the commands that need them, so that
`iad-workshops db backup` never loads Qt.
"""
from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import AppError, describe_os_error, mask_passwords
from app.i18n import _, install_language, resolve_language
from app.settings import Settings, resolve_database_url

if TYPE_CHECKING:
    from app.storage.database import Database

def _database(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    # Imported here: the window opens its database itself, after it is shown (SQLAlchemy takes a while).
    from app.storage.database import open_database

    from app.directory.reference_data import prepare_reference_lists

    database = open_database(resolve_database_url(args.database, Settings.load()), upgrade=upgrade)
    if upgrade:
        try:
            prepare_reference_lists(database)
        except BaseException:
            database.close()
            raise
    return database


def _say(message: str) -> None:
    print(message, flush=True)


def _keep_first_screen(database: Database) -> None:
    """Leave the Overview beside a local database this command made or replaced, for the first window on it to
    draw at once (app/views/first_screen.py)."""
    from app.i18n import current_language
    from app.views.first_screen import keep_for_next_start

    keep_for_next_start(database, Settings.load(), current_language())


# ---- demo --------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo.builder import database_is_empty, fill_demo

    from app.storage.users import resolve_actor
    from models.enums import UserRole

    database = _database(args)
    try:
        with database.transaction() as session:
            # The demo data is added as an administrator would add it: only an administrator may.
            resolve_actor(session).require(UserRole.ADMINISTRATOR, _("add demo data"))
            if not database_is_empty(session) and not args.add:
                raise AppError(
                    _("{db} already holds data; use --add to add demo data to it.").format(db=database.description)
                )

            def progress(stage: str, done: int, total: int) -> None:
                if not args.quiet:
                    print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

            counts = fill_demo(session, args.size, progress=progress)
        _keep_first_screen(database)
        if not args.quiet:
            print(file=sys.stderr)
        _say(_("Demo data added to {db}:").format(db=database.description))
        for name, value in vars(counts).items():
            _say(f"  {name.replace('_', ' ')}: {value}")
    finally:
        database.close()
    return 0


# ---- db ----------------------------------------------------------------------
def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from models import schema

    database = _database(args)
    _say(_("{db} is at schema revision {rev}.").format(db=database.description, rev=schema.current_revision(database.engine)))
    database.close()
    return 0


def _sqlite_only(database: Database, what: str) -> Path:
    if database.path is None:
        raise AppError(
            _("{what} works on a local database file; for PostgreSQL use pg_dump and pg_restore "
              "(see docs/shared-database.md).").format(what=what)
        )
    return database.path


def cmd_db_backup(args: argparse.Namespace) -> int:
    from app.storage.backup import backup_sqlite

    database = _database(args)
    try:
        path = _sqlite_only(database, _("Backup"))
        target = Path(args.file)
        if target.exists() and not args.force:
            raise AppError(_("{file} exists already; choose another name or add --force.").format(file=target))
        backup_sqlite(path, target)
        _say(_("Backed up {db} to {file}.").format(db=path, file=target))
    finally:
        database.close()
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    from app.storage.backup import check_backup_file, restore_sqlite

    check_backup_file(Path(args.file))
    database = _database(args, upgrade=False)
    path = _sqlite_only(database, _("Restore"))
    database.close()
    kept = restore_sqlite(path, Path(args.file))
    _say(_("Restored {db} from {file}; the replaced database was kept as {kept}.").format(
        db=path, file=args.file, kept=kept))
    reopened = _database(args)  # upgrades an older backup to this version
    try:
        _keep_first_screen(reopened)  # the replaced database's figures are not the restored one's
    finally:
        reopened.close()
    return 0


def cmd_db_roles(args: argparse.Namespace) -> int:
    from app.storage.database_roles import RoleNames, assign_login, set_up_roles
    from models.enums import UserRole

    names = RoleNames.with_prefix(args.prefix)
    database = _database(args, upgrade=False)
    try:
        if args.login:
            if not args.role:
                raise AppError(_("Say which role the login gets: --role viewer, officer or administrator."))
            assign_login(database.engine, args.login, UserRole(args.role), names)
            _say(_("{login} is now in {group} and has the role {role} in the program.").format(
                login=args.login, group=names.for_role(UserRole(args.role)), role=args.role))
        else:
            set_up_roles(database.engine, names)
            _say(_("The roles {names} are set up on {db}: viewers read, officers also change records (not users, "
                   "audit entries only added), administrators also change users.").format(
                names=", ".join(names.all()), db=database.description))
    finally:
        database.close()
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from models import schema

    database = _database(args, upgrade=False)
    _say(_("Database: {db}").format(db=database.description))
    _say(_("Schema revision: {rev} (this program: {head})").format(
        rev=schema.current_revision(database.engine), head=schema.head_revision()))
    database.close()
    return 0


def cmd_db_copy(args: argparse.Namespace) -> int:
    from app.storage.credentials import PasswordStore
    from app.storage.transfer import copy_database
    from app.views.first_screen import database_file

    source = args.from_url or resolve_database_url(args.database, Settings.load())

    def progress(table: str, done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r{table}: {done}/{total}        ", end="", file=sys.stderr, flush=True)

    report = copy_database(source, args.to, progress=progress, passwords=PasswordStore())
    if not args.quiet:
        print(file=sys.stderr)
    if database_file(args.to) is not None:
        from app.storage.database import open_database

        copied = open_database(args.to)
        try:
            _keep_first_screen(copied)
        finally:
            copied.close()
    _say(_("Copied {rows} rows in {tables} tables from {source} to {target}; every table's row count matches.").format(
        rows=report.total, tables=len(report.rows), source=report.source, target=report.target))
    return 0


# ---- list --------------------------------------------------------------------
def _cell(value: object, zone: str) -> str:
    from datetime import datetime
    from enum import Enum
    from zoneinfo import ZoneInfo

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    return str(value)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def cmd_list(args: argparse.Namespace) -> int:
    from app.views import documents, listing

    settings = Settings.load()
    database = _database(args)
    try:
        with database.sessions() as session:
            semester_id = documents.semester_id_by_name(session, args.semester) if args.semester else None
            headers, rows = listing.for_command_line(session, args.what, semester_id)
    finally:
        database.close()
    zone = settings.iad_timezone
    header = [h.replace("UTC", zone) for h in headers]
    table = [header, *([_cell(value, zone) for value in row] for row in rows)]
    widths = [max(_width(line[i]) for line in table) for i in range(len(header))]
    for line in table:
        cells = [text + " " * (widths[i] - _width(text)) for i, text in enumerate(line)]
        _say("  ".join(cells).rstrip())
    if not rows:
        _say(_("(none)"))
    return 0


# ---- gui ---------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    # Until the window's first frame (ui/shell/application.py turns it back on): the Qt binding and the
    # window make some hundred thousand objects that live as long as the window, and the collector's
    # passes over them held the first frame up by about 6 ms.
    gc.disable()
    try:
        from ui.shell.application import run_gui

        return run_gui(args.database)
    finally:
        gc.enable()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iad-workshops",
        description=_("Plan, run and evaluate the IAD's online workshops. Without a command, opens the window."),
    )
    parser.add_argument(
        "--database", metavar="URL",
        help=_("database to use: a SQLite file path or sqlite:///FILE, or postgresql+psycopg://user@host/db "
               "(default: $IAD_DATABASE_URL, the setting, or the local file)"),
    )
    from app.build_info import build_info

    parser.add_argument("--version", action="version", version=f"%(prog)s {build_info().label}")
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    demo = commands.add_parser("demo", help=_("fill an empty database with realistic demo data"))
    demo.add_argument("--size", choices=["small", "large"], default="small",
                      help=_("small: a few semesters; large: ten years, for benchmarks"))
    demo.add_argument("--add", action="store_true", help=_("add to a database that already holds data"))
    demo.add_argument("--quiet", action="store_true", help=_("no progress output"))
    demo.set_defaults(func=cmd_demo)

    db = commands.add_parser("db", help=_("database upgrade, backup, restore"))
    db_commands = db.add_subparsers(title=_("database commands"), metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help=_("create or migrate the database to this version")).set_defaults(
        func=cmd_db_upgrade)
    db_commands.add_parser("info", help=_("where the database is and its schema revision")).set_defaults(
        func=cmd_db_info)
    backup = db_commands.add_parser("backup", help=_("copy the local database to FILE"))
    backup.add_argument("file", metavar="FILE")
    backup.add_argument("--force", action="store_true", help=_("overwrite FILE"))
    backup.set_defaults(func=cmd_db_backup)
    restore = db_commands.add_parser("restore", help=_("replace the local database with the backup FILE"))
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(func=cmd_db_restore)
    roles = db_commands.add_parser(
        "roles", help=_("shared database: create the viewer, officer and administrator roles in PostgreSQL itself"),
        description=_("Without --login: create the groups PREFIX_viewers, PREFIX_officers and "
                      "PREFIX_administrators (if missing) and give them their rights on every table; run as the "
                      "database's owner or a superuser, and again after each db upgrade. With --login NAME --role "
                      "ROLE: put an existing login in that group only and give it that role in the program."))
    roles.add_argument("--login", metavar="NAME", help=_("an existing database login"))
    roles.add_argument("--role", choices=["viewer", "officer", "administrator"], help=_("the login's role"))
    roles.add_argument("--prefix", default="iad", help=_("prefix of the group roles (default: iad)"))
    roles.set_defaults(func=cmd_db_roles)
    copy = db_commands.add_parser("copy", help=_("copy every record into an empty database (local to shared, or back)"))
    copy.add_argument("--to", required=True, metavar="URL", help=_("the empty target database"))
    copy.add_argument("--from", dest="from_url", metavar="URL", help=_("the source (default: the database in use)"))
    copy.add_argument("--quiet", action="store_true", help=_("no progress output"))
    copy.set_defaults(func=cmd_db_copy)

    listing = commands.add_parser("list", help=_("ids and names of workshops, exchanges or people, for the "
                                                 "export commands"))
    listing.add_argument("what", choices=["workshops", "exchanges", "people"])
    listing.add_argument("--semester", metavar="NAME", help=_('only this semester, e.g. "2026 Fall"'))
    listing.set_defaults(func=cmd_list)

    export = commands.add_parser("export", help=_("write documents and spreadsheets"))
    export_commands = export.add_subparsers(title=_("documents"), metavar="DOCUMENT", required=True)
    imports = commands.add_parser("import", help=_("read returned forms back"))
    import_commands = imports.add_subparsers(title=_("what to import"), metavar="WHAT", required=True)

    from exports.command_line import register_commands  # composition root: see the module docstring

    register_commands(export_commands, import_commands, _database, commands)
    return parser


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when `argv` asks for the window; None for a command or --help.

    The window needs only --database, so it does not wait for the full parser, which
    imports every export command.
    """
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--database")
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the full parser explains the mistake
    return None if rest else args


def _complain(message: str) -> None:
    print(mask_passwords(f"iad-workshops: {message}"), file=sys.stderr)


def _program_name(arguments: Sequence[str]) -> str:
    """How this run is named to another program that finds the database in use."""
    words = [word for word in arguments if not word.startswith("-")][:2]
    return " ".join(["iad-workshops", *words]) if words else _("the IAD Online Workshops window")


def main(argv: Sequence[str] | None = None) -> int:
    from app.storage.presence import set_program_name

    arguments = list(sys.argv[1:] if argv is None else argv)
    # Messages, help and summaries in the chosen language (the system's until one is chosen).
    install_language(resolve_language(Settings.load().language))
    args = window_arguments(arguments)
    if args is None:
        args = build_parser().parse_args(arguments)
    else:
        args.func = cmd_gui
    set_program_name(_program_name([word for word in arguments if word != args.database]))
    try:
        return int(args.func(args))
    except AppError as error:
        _complain(str(error))
        return 1
    except KeyboardInterrupt:
        print(_("iad-workshops: interrupted; nothing was saved by the interrupted step."), file=sys.stderr)
        return 130
    except OSError as error:
        _complain(describe_os_error(error))
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence: one sentence, the details in the log
        _complain(_unexpected(error))
        return 1


def _unexpected(error: Exception) -> str:
    """Log the traceback in the data folder; the sentence says where it is."""
    import traceback
    from datetime import datetime

    from app.settings import data_dir

    from app.storage.database import is_busy

    if is_busy(error):
        return _("The database is busy: another program is writing to it. Nothing was saved; try again when it has "
                 "finished.")
    log = data_dir() / "logs" / "iad-workshops.log"
    details = mask_passwords("".join(traceback.format_exception(error)))
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} ERROR command line: {details}\n")
    except OSError:
        return _("Unexpected error: {error}.").format(error=mask_passwords(str(error)) or type(error).__name__)
    return _("Unexpected error: {error}. Nothing else was changed; the details for support are in {log}.").format(
        error=mask_passwords(str(error)) or type(error).__name__, log=log)


if __name__ == "__main__":
    sys.exit(main())
