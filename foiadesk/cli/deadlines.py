"""The deadline calculator: ``foiadesk due``."""

from __future__ import annotations

import sys
from datetime import date

from foiadesk.cli import (
    UsageError,
    iso_date,
)
from foiadesk.core.deadlines.clocks import CALCULATOR_CLOCKS
from foiadesk.core.settings import load_settings


def add_commands(sub, with_db) -> None:
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
    sub.choices["due"].set_defaults(func=cmd_due)


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
