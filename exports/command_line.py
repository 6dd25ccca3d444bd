"""`iad-workshops export ...` and `iad-workshops import ...`: one function per document.

Each command opens the database through `open_db(args)`, reads what it needs
through app/ services and writes its file atomically (never a half-written file
under the requested name). Heavy libraries are imported inside the commands so
`iad-workshops --help` stays fast.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.storage.database import Database
from exports import excel_commands, ics_commands, mail_commands
from exports import overdue_xlsx, pdf_commands

OpenDatabase = Callable[[argparse.Namespace], Database]
SubParsers = Any  # argparse's private _SubParsersAction


def output_argument(parser: argparse.ArgumentParser, suffix: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=True, type=Path,
                        help=f"file to write ({suffix})")


def register_commands(exports: SubParsers, imports: SubParsers, open_db: OpenDatabase,
                      commands: SubParsers | None = None) -> None:
    """Add every export and import command to the parser, and `mail` beside them."""
    for register in (*EXPORT_COMMANDS, *IMPORT_COMMANDS):
        register(exports, imports, open_db)
    if commands is not None:
        mail_commands.register(commands, open_db)


Registrar = Callable[[SubParsers, SubParsers, OpenDatabase], None]
# Documents add their registrar functions here.
EXPORT_COMMANDS: list[Registrar] = [ics_commands.register, excel_commands.register_exports, pdf_commands.register,
                                    overdue_xlsx.register]
IMPORT_COMMANDS: list[Registrar] = [excel_commands.register_imports]
