"""Commands for agency replies: read one (``parse-reply``) and log one (``import-reply``).

``import-reply`` prints what the reply would change and writes nothing unless ``--accept``
is given, the same two steps the window's review dialog takes.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from foiadesk.cli import EXIT_BAD_INPUT, UsageError, iso_date, row_id
from foiadesk.core.replies.kinds import DATE_NAMES, REPLY_LABELS, REPLY_TYPES
from foiadesk.core.settings import user_calendar


def add_commands(sub, with_db) -> None:
    p = sub.add_parser(
        "parse-reply", help="read an agency reply (.eml, .msg, .pdf, .docx, .txt) and say what it says"
    )
    p.add_argument("file", type=Path, help="the reply file")
    p.add_argument("--json", action="store_true", help="print the proposal as one JSON object")
    p.set_defaults(func=cmd_parse_reply)

    i = with_db(
        sub.add_parser(
            "import-reply", help="show what an agency reply would change on a request; --accept logs it"
        )
    )
    i.add_argument("file", type=Path, help="the reply file")
    i.add_argument(
        "--request",
        type=row_id,
        help="request id (default: the one request whose tracking number the letter cites)",
    )
    i.add_argument("--accept", action="store_true", help="record it; without this nothing is written")
    i.add_argument("--type", choices=REPLY_TYPES, help="correct the reply type")
    i.add_argument("--letter-date", type=iso_date, help="correct the letter's date")
    i.add_argument(
        "--date",
        action="append",
        default=[],
        metavar="NAME=YYYY-MM-DD",
        help=f"correct a date the letter names ({', '.join(DATE_NAMES)}); NAME= removes it",
    )
    i.add_argument(
        "--outcome",
        help="how an appeal (granted, partly_granted, denied, remanded), expedite request or fee "
        "waiver (granted, denied) was decided",
    )
    i.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    i.set_defaults(func=cmd_import_reply)


def cmd_parse_reply(args) -> int:
    from foiadesk.core.replies.importing import read_and_propose

    reply, proposal = read_and_propose(args.file)
    if args.json:
        print(json.dumps(proposal.as_json(), indent=2))
        return 0
    p = proposal
    rows = [
        ("Reply type", f"{p.reply_type} ({REPLY_LABELS[p.reply_type]})"),
        ("Letter date", str(p.letter_date or "not found")),
        ("Tracking", ", ".join(p.tracking_numbers)),
        ("Exemptions", ", ".join(p.exemptions)),
        ("Exemption 3 statutes", "; ".join(p.b3_statutes)),
        ("Fee", _fee(p)),
        ("Dates", ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in p.dates.items())),
        ("Referred to", p.referred_to or ""),
        ("Expedite", p.expedite or ""),
        ("Fee waiver", p.fee_waiver or ""),
        ("Appeal outcome", p.appeal_outcome or ""),
    ]
    print(
        f"{reply.filename} ({reply.kind}"
        + (f", {len(reply.attachments)} attached" if reply.attachments else "")
        + ")"
    )
    for name, value in rows:
        print(f"{name + ':':<22}{value or '—'}")
    for note in reply.notes:
        print(f"note: {note}")
    return 0


def _edited(proposal, args):
    """The proposal with the corrections given on the command line."""
    changes: dict = {}
    if args.type:
        changes["reply_type"] = args.type
    if args.letter_date:
        changes["letter_date"] = args.letter_date
    if args.date:
        dates = dict(proposal.dates)
        for item in args.date:
            m = re.fullmatch(r"([a-z_]+)=(.*)", item.strip())
            if not m or m[1] not in DATE_NAMES:
                raise UsageError(f"--date wants NAME=YYYY-MM-DD with NAME one of {', '.join(DATE_NAMES)}")
            if m[2]:
                try:
                    dates[m[1]] = iso_date(m[2])
                except argparse.ArgumentTypeError as exc:
                    raise UsageError(str(exc)) from None
            else:
                dates.pop(m[1], None)
        changes["dates"] = dates
    kind = changes.get("reply_type", proposal.reply_type)
    if args.outcome:
        field = {
            "appeal_decision": "appeal_outcome",
            "expedite_decision": "expedite",
            "fee": "fee_waiver",
            "fee_waiver_decision": "fee_waiver",
        }.get(kind)
        if field is None:
            raise UsageError(
                "--outcome applies to appeal_decision, expedite_decision, fee and "
                f"fee_waiver_decision replies, not {kind}"
            )
        changes[field] = args.outcome
    return replace(proposal, **changes) if changes else proposal


def cmd_import_reply(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.replies.importing import (
        ImportProblem,
        accept,
        preview,
        read_and_propose,
    )
    from foiadesk.core.replies.matching import propose_request

    reply, proposal = read_and_propose(args.file)
    proposal = _edited(proposal, args)
    db = _open(args)
    request_id = args.request
    if request_id is None:
        match = propose_request(db, proposal, reply)
        if match.request_id is None:
            raise UsageError(f"{reply.filename}: {match.why} Say which request with --request ID")
        if match.confidence != "certain" and args.accept:
            raise UsageError(
                f"{reply.filename}: {match.why} To record it there, add --request {match.request_id}"
            )
        request_id = match.request_id
        found = f"Request #{request_id} ({match.confidence}): {match.why}\n\n"
    else:
        found = ""
    today = args.today or date.today()
    shown = preview(db, request_id, proposal, reply, today=today, cal=user_calendar())
    if args.accept and not shown.can_accept:
        raise ImportProblem(shown.problems[0])
    print(found + shown.text(today))
    if not args.accept:
        print("\nNothing was written. Run again with --accept to record it.")
        return 0 if shown.can_accept else EXIT_BAD_INPUT
    changes = accept(db, request_id, proposal, reply, today=today)
    ids = ", ".join(f"#{i}" for i in changes.event_ids)
    print(f"\nRecorded event{'s' if len(changes.event_ids) > 1 else ''} {ids} on request #{request_id}; "
          f"{reply.filename} {'stored' if changes.stored else 'was already stored'}.")  # fmt: skip
    return 0


def _fee(p) -> str:
    if p.fee_amount is None:
        return ""
    if not p.fee_amount:
        return "none charged"
    meaning = {"estimate": "estimate", "assessed": "assessed", "over_cap": "more than you agreed to pay"}
    return f"${p.fee_amount:,.2f}" + (f" ({meaning[p.fee_meaning]})" if p.fee_meaning in meaning else "")
