"""The command line. Each command checks its arguments, makes one core call and prints.

Imports are made inside the commands so that quick ones (``due``) start fast and
no command loads Qt.
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

from foiadesk.core.deadlines.clocks import CALCULATOR_CLOCKS
from foiadesk.core.settings import load_settings, user_calendar

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

    d = sub.add_parser("due", help="compute a FOIA deadline from a receipt date")
    d.add_argument(
        "--received",
        type=iso_date,
        required=True,
        help="date the agency received it (for appeal-window: the determination date)",
    )
    d.add_argument("--clock", choices=CALCULATOR_CLOCKS, default="response")
    d.add_argument(
        "--tolled",
        metavar="ASK:ANSWER",
        help="the day the agency asked for information and the day it got the answer",
    )
    d.add_argument("--agency", help="agency or component abbreviation, for its appeal rules")
    d.add_argument(
        "--skip-closures",
        action="store_true",
        help="also skip disputed executive-order closures and shutdown days",
    )
    d.add_argument("--trace", action="store_true", help="explain the arithmetic above the date")

    a = with_db(sub.add_parser("agenda", help="open deadlines across all requests, soonest first"))
    a.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    with_db(sub.add_parser("requests", help="list requests with status and next deadline"))
    s = with_db(sub.add_parser("show", help="one request: status, events and every clock's trace"))
    s.add_argument("request_id", type=row_id)
    s.add_argument("--json", action="store_true", help="print the request as one JSON object")
    s.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)

    n = with_db(sub.add_parser("add-request", help="add a request to the log"))
    n.add_argument("--title", required=True)
    n.add_argument("--component", required=True, help="component abbreviation, e.g. ICE")
    n.add_argument("--case", help="case id (slug)")

    lg = with_db(sub.add_parser("log", help="record an event on a request"))
    lg.add_argument("request_id", type=row_id)
    lg.add_argument("type", help="event type, e.g. filed, acknowledged, extension_notice")
    lg.add_argument("--on", type=iso_date, required=True, help="date it happened / the letter's date")
    lg.add_argument("--agency-received", type=iso_date, help="date the agency received it")
    lg.add_argument("--named", type=iso_date, help="date the letter names (reply-by, extended date)")
    lg.add_argument(
        "--outcome",
        help="how it was decided; for appeal_filed, which decision it appeals (default: every open one)",
    )
    lg.add_argument("--tracking")
    lg.add_argument("--channel")
    lg.add_argument("--amount", type=dollars, help="dollars")
    lg.add_argument("--summary", default="")
    lg.add_argument("--file", type=Path, action="append", default=[], help="attach a file (filed: proof)")
    lg.add_argument("--confirmation", help="filed: what the portal, fax or post office gave (not tracking)")
    lg.add_argument(
        "--asks",
        help="filed: what the letter asks for, e.g. expedite,fee-waiver or none "
        "(default: read from the drafted letter)",
    )
    lg.add_argument("--fee-cap", type=dollars, help="filed: the fee cap the letter commits to, in dollars")
    lg.add_argument("--duplicate-ok", action="store_true", help="filed: send the same text again")
    lg.add_argument("--exemptions", help="determination: the exemptions it cites, e.g. b5,b6,b7C")
    lg.add_argument("--statutes", help="determination: statutes cited with b3, separated by ';'")
    lg.add_argument(
        "--on-hold",
        action="store_true",
        help="fee_estimate: the agency says the request is on hold until you answer",
    )
    lg.add_argument("--to", help="referral: the receiving agency's component (a new request is added)")
    lg.add_argument("--link", type=row_id, help="referral: the request at the receiving agency, if logged")

    dr = with_db(sub.add_parser("draft", help="draft request letters for a case and log them as drafts"))
    dr.add_argument("--case", required=True, help="case pack id (e.g. irs-ice-mou) or a pack .json file")
    dr.add_argument(
        "--component",
        required=True,
        action="append",
        help="component abbreviation; repeat or comma-separate for one letter each",
    )
    dr.add_argument("--profile", type=Path, required=True, help="requester profile (.toml)")
    dr.add_argument("--categories", default="all", help="all, numbers in the pack's order (1,3,5) or ids")
    dr.add_argument("--fee-waiver", action="store_true", help="argue for a fee waiver")
    dr.add_argument("--expedite", action="store_true", help="ask for expedited processing")
    dr.add_argument(
        "--expedite-grounds",
        default="urgency_to_inform,media_interest",
        help="comma-separated grounds (imminent_threat, urgency_to_inform, due_process, "
        "media_interest); each letter keeps those its agency allows",
    )
    dr.add_argument("--due-process", default="", help="your own facts for the due-process ground")
    dr.add_argument("--imminent-threat", default="", help="your own facts for the imminent-threat ground")
    dr.add_argument("--suite", action="store_true", help="a suite of narrow letters, one per category group")
    dr.add_argument(
        "--priority", action="store_true", help="ask the agency to process items in the order given"
    )
    dr.add_argument("--appendix", action="store_true", help="add the public record as an appendix")
    dr.add_argument(
        "--include-unverified", action="store_true", help="also print partly confirmed facts and authority"
    )
    dr.add_argument("--max-fee", type=dollars, help="the most you agree to pay, in dollars (default 25)")
    dr.add_argument("--date", type=iso_date, help="letter date (default today)")
    dr.add_argument("--templates", type=Path, help="folder of your own templates that override ours")
    dr.add_argument("--pdf", action="store_true", help="also write a PDF of each letter (needs LibreOffice)")
    dr.add_argument(
        "--out", type=Path, required=True, help="FILE.docx for one component, or a folder for several"
    )
    dr.add_argument("--force", action="store_true", help="replace letters that already exist")

    dm = sub.add_parser("demo", help="write a realistic synthetic database")
    dm.add_argument("--requests", type=int, default=2000)
    dm.add_argument("--db", type=Path, required=True)
    dm.add_argument("--seed", type=int, default=7)

    b = with_db(sub.add_parser("backup", help="copy the database safely, even while in use"))
    b.add_argument("--out", type=Path, help="the copy to write (default: the backups folder beside the log)")
    b.add_argument("--force", action="store_true", help="replace --out if it exists")

    st = sub.add_parser("settings", help="show or change the settings the window and commands share")
    st.add_argument("key", nargs="?", help="skip_closures or templates_folder")
    st.add_argument(
        "value", nargs="?", help="yes/no for skip_closures; a folder (or '') for templates_folder"
    )

    sub.add_parser("install-desktop-entry", help="add FoiaDesk to the desktop's application menu")

    bench = sub.add_parser("bench", help="benchmarks that print their figures")
    bench.add_argument("what", choices=("clocks", "drafting", "scale"))
    bench.add_argument("--requests", type=int, default=100_000)
    bench.add_argument("--repeat", type=int, help="runs to take the median of (default 5; scale: 3)")
    bench.add_argument(
        "--max", type=int, default=100_000, help="scale: the largest log, 1000 to 1000000 (default 100000)"
    )
    bench.add_argument("--dir", type=Path, help="scale: where the demo logs are written and reused")
    bench.add_argument("--no-window", action="store_true", help="scale: leave out the window's figures")
    for module in COMMAND_MODULES:
        importlib.import_module(module).add_commands(sub, with_db)
    return p


# Modules that add their own commands: add_commands(sub, with_db) registers parsers whose
# defaults carry ``func``, a function of the parsed arguments that returns the exit status.
COMMAND_MODULES: tuple[str, ...] = ("foiadesk.cli.replies", "foiadesk.cli.export", "foiadesk.cli.filing")


# -- commands ----------------------------------------------------------------------------------


def cmd_due(args) -> int:
    from foiadesk.core.deadlines.calendar import calendar
    from foiadesk.core.deadlines.clocks import calculate

    tolled = None
    if args.tolled:
        try:
            ask, answer = (date.fromisoformat(x) for x in args.tolled.split(":"))
        except ValueError:
            raise UsageError(f"--tolled wants ASK:ANSWER as two dates, got '{args.tolled}'") from None
        tolled = (ask, answer)
    rule = None
    if args.agency:
        from foiadesk.core.reference.directory import load_directory
        from foiadesk.core.tracking.tracker import appeal_rule

        if load_directory().component(args.agency) is None:
            raise UsageError(f"unknown agency '{args.agency}'")
        rule = appeal_rule(args.agency)
    clock = calculate(
        args.clock,
        args.received,
        calendar(skip_closures=args.skip_closures or load_settings().skip_closures),
        tolled=tolled,
        rule=rule,
    )
    if args.trace:
        print(clock.explain())
    else:
        for warning in clock.warnings:
            print(f"note: {warning}", file=sys.stderr)
    print(clock.due.isoformat() if clock.due else "paused")
    return 0


def cmd_settings(args) -> int:
    from dataclasses import asdict

    from foiadesk.core.settings import HELP, change_setting, load_settings, settings_path

    if args.value is not None:
        current = change_setting(args.key, args.value)
    else:
        current = load_settings()
        if args.key is not None and args.key not in HELP:
            raise UsageError(f"'{args.key}' is not a setting; the settings are: {', '.join(HELP)}")
    for key, value in asdict(current).items():
        if args.key in (None, key):
            shown = ("yes" if value else "no") if isinstance(value, bool) else (value or "(not set)")
            print(f"{key} = {shown}    # {HELP[key]}")
    if args.key is None:
        print(f"(saved in {settings_path()})")
    return 0


def cmd_install_desktop_entry(args) -> int:
    from foiadesk.core.desktop_entry import install_desktop_entry

    installed = install_desktop_entry()
    print(f"Added FoiaDesk to the application menu: {installed.entry} (icon {installed.icon})")
    return 0


def _open(args):
    from foiadesk.core.store.db import connect, read_only_reason

    db = connect(args.db)
    reason = read_only_reason(db)
    if reason is not None:
        print(f"foiadesk: note: {reason}", file=sys.stderr)
    return db


def cmd_agenda(args) -> int:
    from foiadesk.core.tracking.agenda import agenda_lines
    from foiadesk.core.tracking.listing import read_index

    lines = agenda_lines(read_index(_open(args), user_calendar()), args.today or date.today())
    if not lines:
        print("No open deadlines.")
    sys.stdout.writelines(f"{line}\n" for line in lines)
    return 0


def cmd_requests(args) -> int:
    from foiadesk.core.tracking.listing import read_index, request_lines

    sys.stdout.writelines(
        f"{line}\n" for line in request_lines(read_index(_open(args), user_calendar()), date.today())
    )
    return 0


def cmd_show(args) -> int:
    from foiadesk.core.deadlines.events import EVENT_TYPES
    from foiadesk.core.tracking.details import event_details
    from foiadesk.core.tracking.tracker import typical_completion, view_request

    db = _open(args)
    v = view_request(db, args.request_id, cal=user_calendar())
    today = args.today or date.today()
    if args.json:
        import json

        from foiadesk.core.store.reads import confirmations
        from foiadesk.core.tracking.record import request_record

        print(json.dumps(request_record(v, confirmations(db, v.id), today), indent=2, ensure_ascii=False))
        return 0
    print(
        f"#{v.id} {v.title}\n{v.component_name} ({v.component})"
        + (f" · case: {v.case}" if v.case else "")
        + f"\nStatus: {v.status}"
        + (f" · tracking: {', '.join(v.tracking_numbers)}" if v.tracking_numbers else "")
    )
    print("\nEvents:")
    for e in v.events:
        extra = event_details(e, channel=False)
        print(f"  {e.occurred_on}  {EVENT_TYPES[e.type].label}" + (f" ({'; '.join(extra)})" if extra else ""))
    print("\nClocks:")
    for clock in v.clocks:
        print(f"\n[{clock.state(today)}] " + clock.explain().replace("\n", "\n    "))
    typical = typical_completion(v)
    if typical:
        print(f"\n{typical}")
    return 0


def cmd_add_request(args) -> int:
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log

    comp = load_directory().component(args.component)
    if comp is None:
        raise UsageError(f"unknown component '{args.component}'")
    changes = log.add_directory_request(_open(args), comp, title=args.title, case_slug=args.case)
    print(f"Added request #{changes.new_id}")
    return 0


def cmd_log(args) -> int:
    from foiadesk.core.store import log

    if args.on_hold and args.type != "fee_estimate":
        raise UsageError("--on-hold is for a fee_estimate")
    if (args.to or args.link) and args.type != "referral":
        raise UsageError("--to and --link are for a referral")
    if args.type == "referral":
        return _log_referral(args)
    files = [log.Attachment.read(path) for path in args.file]
    from foiadesk.cli.filing import log_event

    if args.type == "filed" and len(files) > 1:
        raise UsageError("give one proof of filing (--file once)")
    done = log_event(args, files)
    if done is not None:
        return done
    if args.confirmation or args.asks or args.fee_cap is not None or args.exemptions:
        raise UsageError("--confirmation, --asks, --fee-cap: only for filed; --exemptions: for determination")
    changes = log.record_event(
        _open(args),
        args.request_id,
        log.NewEvent(
            type=args.type,
            occurred_on=args.on,
            channel=args.channel,
            agency_received_on=args.agency_received,
            named_date=args.named,
            outcome="on_hold" if args.on_hold else args.outcome,
            tracking_number=args.tracking,
            amount_cents=args.amount,
            summary=args.summary,
            files=tuple(files),
        ),
    )
    print(f"Logged event #{changes.new_id} on request #{args.request_id}")
    return 0


def _log_referral(args) -> int:
    """Records referred to another agency: the request there is added (or linked) at once."""
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log

    if not (args.to or args.link):
        raise UsageError("a referral needs --to COMPONENT (the receiving agency) or --link REQUEST")
    comp = None
    if args.to:
        comp = load_directory().component(args.to)
        if comp is None:
            raise UsageError(f"unknown component '{args.to}'")
    changes = log.refer_request(
        _open(args),
        args.request_id,
        on=args.on,
        component=comp,
        link=args.link,
        what=args.summary,
        received_on=args.agency_received,
    )
    print(
        f"Logged the referral on request #{args.request_id}; the receiving agency's request is "
        f"#{changes.new_id}, its clocks start on its receipt"
    )
    return 0


def cmd_draft(args) -> int:
    from decimal import Decimal

    from foiadesk.core.letters.compose import choose_categories, draft_requests, save_drafts
    from foiadesk.core.letters.content import DraftOptions
    from foiadesk.core.letters.profiles import load_profile
    from foiadesk.core.reference.casepack import load_case_pack, shipped_case_packs
    from foiadesk.core.reference.directory import load_directory

    requester = load_profile(args.profile)
    if args.case.endswith(".json"):
        pack = load_case_pack(Path(args.case))
    else:
        packs = [p for p in shipped_case_packs() if p.id == args.case or p.id.startswith(args.case + "-")]
        if len(packs) != 1:
            known = ", ".join(p.id for p in shipped_case_packs())
            raise UsageError(f"unknown case '{args.case}' (shipped cases: {known})")
        pack = packs[0]
    directory = load_directory()
    abbrs = [a.strip() for item in args.component for a in item.split(",") if a.strip()]
    components = []
    for abbr in abbrs:
        comp = directory.component(abbr)
        if comp is None:
            raise UsageError(f"unknown component '{abbr}'")
        components.append(comp)
    options = DraftOptions(
        letter_date=args.date or date.today(),
        fee_cap=Decimal(args.max_fee) / 100 if args.max_fee is not None else Decimal("25"),
        fee_waiver=args.fee_waiver,
        expedite=args.expedite,
        expedite_grounds=[g.strip() for g in args.expedite_grounds.split(",") if g.strip()],
        ground_text={
            k: v
            for k, v in (("due_process", args.due_process), ("imminent_threat", args.imminent_threat))
            if v
        },
        include_unverified=args.include_unverified,
        appendix=args.appendix,
        priority=args.priority,
    )
    several = len(components) > 1 or args.suite
    if several and args.out.suffix.lower() == ".docx":
        raise UsageError("--out must be a folder when drafting for several components or a suite")
    drafts = draft_requests(
        requester,
        pack,
        choose_categories(pack, args.categories),
        components,
        options,
        user_templates_dir=args.templates,
        suite=args.suite,
    )
    db = _open(args)  # opened first, so no letter can be written over it
    targets = [(args.out / d.filename) if several or args.out.is_dir() else args.out for d in drafts]
    pdfs = {}
    if args.pdf:
        from foiadesk.core.letters.pdf import docx_to_pdf

        pdfs = {d.filename: docx_to_pdf(d.docx, d.filename) for d in drafts}
    from foiadesk.core.export.files import OutputExists

    try:
        changes = save_drafts(
            db, pack, drafts, options, targets, requester=requester, pdfs=pdfs, force=args.force
        )
    except OutputExists as exc:
        raise UsageError(
            f"{exc.path} already exists; use --force to replace it, or choose another name."
        ) from None
    for draft, target, request_id in zip(drafts, targets, sorted(changes.request_ids), strict=True):
        print(
            f"{target}  ({draft.component.abbr or draft.component.name}, request #{request_id}, "
            f"{len(draft.category_ids)} categor{'y' if len(draft.category_ids) == 1 else 'ies'})"
        )
        for warning in draft.warnings:
            print(f"  note: {warning}")
    return 0


def cmd_demo(args) -> int:
    from foiadesk.core.demo import write_demo

    if args.requests < 1:
        raise UsageError("--requests must be at least 1")
    counts = write_demo(args.db, requests=args.requests, seed=args.seed)
    print(f"Wrote {counts['requests']} requests and {counts['events']} events to {args.db}")
    return 0


def cmd_backup(args) -> int:
    from foiadesk.core.store.db import backup

    print(backup(_open(args), args.out, force=args.force))
    return 0


def cmd_bench(args) -> int:
    from foiadesk.core.bench import bench_clocks, bench_drafting

    if args.what == "scale":
        from foiadesk.core.bench import bench_scale

        if not 1000 <= args.max <= 1_000_000:
            raise UsageError("--max must be between 1000 and 1000000")
        bench_scale(
            max_requests=args.max, repeat=args.repeat or 3, folder=args.dir, window=not args.no_window
        )
    elif args.what == "drafting":
        bench_drafting(repeat=args.repeat or 5)
    else:
        bench_clocks(args.requests, repeat=args.repeat or 5)
    return 0


COMMANDS = {
    "due": cmd_due,
    "agenda": cmd_agenda,
    "settings": cmd_settings,
    "install-desktop-entry": cmd_install_desktop_entry,
    "requests": cmd_requests,
    "show": cmd_show,
    "add-request": cmd_add_request,
    "log": cmd_log,
    "draft": cmd_draft,
    "demo": cmd_demo,
    "backup": cmd_backup,
    "bench": cmd_bench,
}


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
        command = getattr(args, "func", None) or COMMANDS[args.command]
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
