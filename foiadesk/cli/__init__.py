"""The command line. Each command checks its arguments, makes one core call and prints.

This module holds what every command shares (the parser, argument types, opening the log,
one-line errors); each group of commands is a module of its own (COMMAND_MODULES) whose
``add_commands(sub, with_db)`` registers its parsers with their functions. Imports are
made inside the commands so that quick ones (``due``) start fast and no command loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import math
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

EXIT_BAD_INPUT = 2


class UsageError(ValueError):
    """Bad input on the command line."""


def iso_date(text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a real date (YYYY-MM-DD)") from None


def row_id(text: str) -> int:
    """A request or event number: a whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"'{text}' is not a request number (1, 2, 3 …)")
    return value


def check_output(path: Path, *, force: bool) -> Path:
    """Refuse an --out that is the log, a database, or (without --force) an existing file."""
    from foiadesk.core.export.files import OutputExists, check_target

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
    try:
        return check_target(path, force=force)
    except OutputExists as exc:
        raise UsageError(
            f"{exc.path} already exists; use --force to replace it, or choose another name."
        ) from None


def write_output(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file beside it, renamed)."""
    from foiadesk.core.export.files import atomic_output

    check_output(path, force=force)
    with atomic_output(path, force=force) as fh:
        fh.write(data)


def dollars(text: str) -> int:
    try:
        value = float(text.replace("$", "").replace(",", ""))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value < 10_000_000:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount in dollars (0 to 9,999,999)")
    return round(value * 100)


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, as for every other bad input
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="foiadesk", description="Draft, log and track federal FOIA requests.")
    p.add_argument(
        "--db",
        dest="global_db",
        type=Path,
        help="database file for any command (default: $FOIADESK_DB or the FoiaDesk data folder)",
    )
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    def with_db(sp):
        sp.add_argument(
            "--db",
            type=Path,
            help="database file (default: $FOIADESK_DB or the FoiaDesk data folder)",
        )
        return sp

    for module in COMMAND_MODULES:
        importlib.import_module(module).add_commands(sub, with_db)
    return p


# Modules that add their own commands: add_commands(sub, with_db) registers parsers whose
# defaults carry ``func``, a function of the parsed arguments that returns the exit status.
COMMAND_MODULES: tuple[str, ...] = (
    "foiadesk.cli.deadlines",
    "foiadesk.cli.tracking",
    "foiadesk.cli.letters",
    "foiadesk.cli.filing",
    "foiadesk.cli.replies",
    "foiadesk.cli.export",
    "foiadesk.cli.maintenance",
)


# -- commands ----------------------------------------------------------------------------------


def _open(args, *, start: bool = False):
    """The log ``--db`` (or $FOIADESK_DB) names, or the default one. Only a command that adds
    to a log may start one (``start``): a mistyped ``--db`` would otherwise show an empty new log as if the
    requests were gone."""
    import os

    from foiadesk.core.paths import DB_ENV
    from foiadesk.core.store.db import connect, read_only_reason

    named = getattr(args, "db", None) or os.environ.get(DB_ENV) or None  # $FOIADESK_DB too, as the window
    if named is not None and not start and str(named) != ":memory:" and not Path(named).expanduser().exists():
        from foiadesk.core.store.restore import list_backups

        kept = len(list_backups(Path(named).expanduser()))
        raise UsageError(
            f"there is no log at {named}: "
            + (
                f"it has {kept} backup(s); `foiadesk restore --db {named}` lists them"
                if kept
                else "check the path (add-request or draft starts a new log there)"
            )
        )
    db = connect(args.db)
    reason = read_only_reason(db)
    if reason is not None:
        print(f"foiadesk: note: {reason}", file=sys.stderr)
    return db


def run(argv: list[str]) -> int:
    """Run one command; every expected failure becomes one line and exit status 2."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        args = build_parser().parse_args([*argv, "agenda"])
    if args.global_db is not None:
        if getattr(args, "db", None) not in (None, args.global_db):
            print("foiadesk: --db is given twice, with different files", file=sys.stderr)
            return EXIT_BAD_INPUT
        args.db = args.global_db
    from foiadesk.core.errors import USER_ERRORS

    try:
        command = args.func
        return command(args)
    except (UsageError, *USER_ERRORS) as exc:
        print(f"foiadesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as exc:  # a damaged page met half-way through a read
        from foiadesk.core.paths import default_db_path
        from foiadesk.core.store.db import describe_sqlite_error

        print(
            f"foiadesk: {describe_sqlite_error(exc, getattr(args, 'db', None) or default_db_path())}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except MemoryError:
        print("foiadesk: not enough memory for this; nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
