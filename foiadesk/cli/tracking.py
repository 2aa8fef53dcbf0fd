"""The log on the command line: the agenda, the list, one request, adding a request and
logging an event."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from foiadesk.cli import (
    UsageError,
    _open,
    dollars,
    iso_date,
    row_id,
)
from foiadesk.core.settings import user_calendar


def add_commands(sub, with_db) -> None:
    a = with_db(sub.add_parser("agenda", help="open deadlines across all requests, soonest first"))
    a.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    r = with_db(sub.add_parser("requests", help="list requests with status and next deadline"))
    r.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
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
    lg.add_argument(
        "type",
        help="event type, e.g. filed, acknowledged, extension_notice; admin_closed when the agency "
        "closes the request without deciding it (--outcome gives its reason), reopened when it reopens it, "
        "timeframe_agreed with --named when you and the agency agree a later response date",
    )
    lg.add_argument("--on", type=iso_date, required=True, help="date it happened / the letter's date")
    lg.add_argument("--agency-received", type=iso_date, help="date the agency received it")
    lg.add_argument(
        "--named", type=iso_date, help="date the letter names (reply-by, extended date, agreed date)"
    )
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
    sub.choices["agenda"].set_defaults(func=cmd_agenda)
    sub.choices["requests"].set_defaults(func=cmd_requests)
    sub.choices["show"].set_defaults(func=cmd_show)
    sub.choices["add-request"].set_defaults(func=cmd_add_request)
    sub.choices["log"].set_defaults(func=cmd_log)
    tb = with_db(
        sub.add_parser("take-back", help="take back an event logged by mistake (it is kept, marked void)")
    )
    tb.add_argument("event_id", type=row_id, help="the event's number, as `foiadesk show N` lists it")
    tb.set_defaults(func=cmd_take_back)


def cmd_agenda(args) -> int:
    from foiadesk.core.tracking.agenda import agenda_lines
    from foiadesk.core.tracking.listing import read_index

    lines = agenda_lines(read_index(_open(args), user_calendar()), args.today or date.today())
    if not lines:
        print("No open deadlines.")
    _print_lines(lines)
    return 0


def cmd_requests(args) -> int:
    from foiadesk.core.tracking.listing import read_index, request_lines

    today = args.today or date.today()
    _print_lines(request_lines(read_index(_open(args), user_calendar(), today), today))
    return 0


def _print_lines(lines) -> None:
    """Lines written in blocks: one write per line costs more, one for all holds it twice."""
    block: list[str] = []
    for line in lines:
        block.append(line)
        if len(block) == 10_000:
            sys.stdout.write("\n".join(block) + "\n")
            block.clear()
    if block:
        sys.stdout.write("\n".join(block) + "\n")


def cmd_show(args) -> int:
    from foiadesk.core.deadlines.events import EVENT_TYPES
    from foiadesk.core.tracking.details import event_details
    from foiadesk.core.tracking.tracker import typical_completion, view_request

    db = _open(args)
    cal = user_calendar()
    v = view_request(db, args.request_id, cal=cal)
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
        print(f"  {e.occurred_on}  {EVENT_TYPES[e.type].label}" + (f": {'; '.join(extra)}" if extra else ""))
    print("\nClocks:")
    for clock in v.clocks:
        print("\n" + clock.explain(today).replace("\n", "\n    "))
    typical = typical_completion(v, cal)
    if typical:
        print(f"\n{typical}")
    return 0


def cmd_add_request(args) -> int:
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log

    comp = load_directory().component(args.component)
    if comp is None:
        raise UsageError(f"unknown component '{args.component}'")
    changes = log.add_directory_request(_open(args, start=True), comp, title=args.title, case_slug=args.case)
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


def cmd_take_back(args) -> int:
    """The same core call as the window's Take back event…"""
    from foiadesk.core.store.log import void_event

    changes = void_event(_open(args), args.event_id)
    (request_id,) = changes.request_ids
    print(f"Took back event #{args.event_id} of request #{request_id}; its deadlines are worked out again.")
    return 0
