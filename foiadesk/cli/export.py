"""Export commands: evidence bundles, the request list, and the deadline calendar.

Listed in ``cli.COMMAND_MODULES``; each command checks its arguments, makes one core call
and prints what it wrote. Nothing here loads Qt: the index PDF comes from LibreOffice when
it is installed, and the output says so when it is not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from foiadesk.cli import iso_date

FORMATS = ("csv", "xlsx")


def add_commands(sub, with_db) -> None:
    e = with_db(
        sub.add_parser(
            "export", help="evidence bundle (ZIP): index, letters, replies as imported, SHA-256 manifest"
        )
    )
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--request", type=int, metavar="ID", help="one request")
    which.add_argument("--case", metavar="SLUG", help="every request of a case, with a case index")
    e.add_argument("--out", type=Path, required=True, help="the .zip to write")
    e.add_argument("--no-pdf", action="store_true", help="skip the PDF copies LibreOffice would make")
    e.add_argument("--templates", type=Path, help="folder with your own bundle_index.docx / case_index.docx")
    _common(e)
    e.set_defaults(func=cmd_export)

    lst = with_db(sub.add_parser("export-list", help="the request list, filtered, as CSV or XLSX"))
    lst.add_argument("--format", choices=FORMATS, help="csv or xlsx (default: from the --out suffix)")
    lst.add_argument("--case", metavar="SLUG", help="only this case (none: the requests without a case)")
    lst.add_argument("--component", metavar="ABBR", help="only this component, e.g. ICE")
    lst.add_argument("--status", help='only this status ("Waiting on requester" …), or open, or finished')
    lst.add_argument(
        "--deadline",
        default="all",
        choices=("all", "overdue", "this_week", "due_soon", "needs_me", "none"),
        help="state of the next deadline (default all)",
    )
    lst.add_argument("--soon-days", type=int, default=5, help="what due_soon means, in days (default 5)")
    lst.add_argument("--search", default="", help="text in titles, letters, replies or tracking numbers")
    lst.add_argument("--out", type=Path, required=True, help="the .csv or .xlsx to write")
    _common(lst)
    lst.set_defaults(func=cmd_export_list)

    ics = with_db(sub.add_parser("export-calendar", help="every open deadline as an .ics calendar"))
    ics.add_argument("--out", type=Path, required=True, help="the .ics to write")
    ics.add_argument(
        "--alarm-days",
        default="7,1",
        metavar="N,N",
        help="reminders this many days before each deadline, at 9:00 (default 7,1)",
    )
    _common(ics)
    ics.set_defaults(func=cmd_export_calendar)


def _common(p) -> None:
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p.add_argument("--as-of", type=iso_date, help="judge deadlines on this date (default today)")


def _run(fn):
    """The core call, with the --force hint added where the CLI can give it."""
    from foiadesk.cli import UsageError
    from foiadesk.core.export.files import OutputExists

    try:
        return fn()
    except OutputExists as exc:
        raise UsageError(
            f"{exc.path} already exists; use --force to replace it, or choose another name."
        ) from None


def cmd_export(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.export.bundle import export_case, export_request
    from foiadesk.core.settings import user_calendar

    db = _open(args)
    options = dict(
        as_of=args.as_of or date.today(),
        force=args.force,
        pdf=not args.no_pdf,
        templates_dir=args.templates,
        cal=user_calendar(),
    )
    if args.request is not None:
        result = _run(lambda: export_request(db, args.request, args.out, **options))
    else:
        result = _run(lambda: export_case(db, args.case, args.out, **options))
    print(f"{result.path}  ({result.files} files, {result.size:,} bytes)")
    if result.index_pdf:
        print(f"  index PDF {result.index_pdf}")
    for note in result.notes:
        print(f"  note: {note}")
    return 0


def cmd_export_list(args) -> int:
    from foiadesk.cli import UsageError, _open
    from foiadesk.core.export.sheet import ListFilter, export_list
    from foiadesk.core.settings import user_calendar

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError("say --format csv or --format xlsx (or give --out a .csv or .xlsx name)")
    flt = ListFilter(
        case=args.case,
        component=args.component,
        status=args.status,
        deadline=args.deadline,
        search=args.search,
        soon_days=args.soon_days,
    )
    db = _open(args)
    count = _run(
        lambda: export_list(
            db,
            flt,
            args.out,
            fmt=fmt,
            as_of=args.as_of or date.today(),
            force=args.force,
            cal=user_calendar(),
        )
    )
    print(f"{args.out}  ({count} request{'s' * (count != 1)})")
    return 0


def cmd_export_calendar(args) -> int:
    from foiadesk.cli import UsageError, _open
    from foiadesk.core.export.ics import export_calendar
    from foiadesk.core.settings import user_calendar

    try:
        days = tuple(int(x) for x in args.alarm_days.split(",") if x.strip())
    except ValueError:
        raise UsageError(
            f"--alarm-days wants whole numbers separated by commas, got '{args.alarm_days}'"
        ) from None
    db = _open(args)
    count = _run(
        lambda: export_calendar(
            db,
            args.out,
            as_of=args.as_of or date.today(),
            force=args.force,
            alarm_days=days,
            cal=user_calendar(),
        )
    )
    print(f"{args.out}  ({count} open deadline{'s' * (count != 1)})")
    return 0
