"""Filing and follow-up commands: portal fields, email and print packages, follow-up letters.

Listed in ``cli.COMMAND_MODULES``. ``foiadesk log N filed`` and ``log N determination
--exemptions`` are handled here too (``log_event``), so the filing goes through the same core
function as the window's Mark-as-filed dialog.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from foiadesk.cli import UsageError, check_output, dollars, iso_date, row_id, write_output

ASKS = ("expedite", "fee-waiver")


def add_commands(sub, with_db) -> None:
    pf = with_db(sub.add_parser("portal-fields", help="the drafted letter as the FOIA.gov form's fields"))
    pf.add_argument("request_id", type=row_id)
    pf.add_argument("--json", action="store_true", help="JSON keyed by FOIA.gov's field names, with problems")
    pf.add_argument("--profile", type=Path, help="requester profile (.toml) if none is linked to the request")
    pf.set_defaults(func=cmd_portal_fields)

    pk = with_db(
        sub.add_parser(
            "package", help="an .eml draft, a print-ready letter for mail or fax, or the letter to upload"
        )
    )
    pk.add_argument("request_id", type=row_id)
    pk.add_argument("--channel", required=True, choices=("email", "mail", "fax", "portal"))
    pk.add_argument(
        "--out", type=Path, required=True, help="FILE.eml (email), FILE.pdf or FILE.docx (mail, fax, portal)"
    )
    pk.add_argument("--profile", type=Path)
    pk.add_argument("--force", action="store_true", help="replace --out if it exists")
    pk.set_defaults(func=cmd_package)

    idp = with_db(
        sub.add_parser("identity-statement", help="first-party request: a certification of identity to sign")
    )
    idp.add_argument("request_id", type=row_id)
    idp.add_argument("--out", type=Path, required=True, help="the .docx to write")
    idp.add_argument("--force", action="store_true", help="replace --out if it exists")
    idp.add_argument("--profile", type=Path, help="requester profile if none is linked to the request")
    idp.set_defaults(func=cmd_identity_statement)

    fu = with_db(sub.add_parser("followup", help="draft the next letter from the log and log it as a draft"))
    fu.add_argument("request_id", type=row_id)
    fu.add_argument(
        "--kind",
        required=True,
        choices=(
            "status",
            "liaison",
            "ogis",
            "info-answer",
            "fee-response",
            "still-interested",
            "appeal",
            "reopen",
            "complaint-outline",
        ),
    )
    fu.add_argument("--out", type=Path, required=True, help="the .docx to write")
    fu.add_argument("--force", action="store_true", help="replace --out if it exists")
    fu.add_argument("--date", type=iso_date, help="letter date (default today)")
    fu.add_argument("--profile", type=Path, help="requester profile if none is linked to the request")
    fu.add_argument("--note", default="", help="a paragraph of your own")
    fu.add_argument(
        "--answer", default="", help="info-answer, reopen, appeal: the information the agency asked for"
    )
    fu.add_argument(
        "--narrow", default="", help="fee-response: narrow the request this way instead of accepting"
    )
    fu.add_argument(
        "--fee-cap", type=dollars, help="fee-response, reopen, appeal of a closure: the most you agree to pay"
    )
    fu.add_argument("--search-argument", default="", help="appeal: where the search fell short")
    fu.add_argument("--other-argument", default="", help="appeal: any other ground")
    fu.add_argument("--official", default="", help="appeal: who signed the determination")
    fu.add_argument("--appeal-address", default="", help="appeal: the address the determination gives")
    fu.add_argument("--templates", type=Path, help="folder of your own templates")
    fu.add_argument("--no-log", action="store_true", help="write the file without logging it")
    fu.set_defaults(func=cmd_followup)


def _profile(path: Path | None):
    if path is None:
        return None
    from foiadesk.core.letters.profiles import load_profile

    return load_profile(path)


def cmd_portal_fields(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.letters.filing import portal_fields

    form = portal_fields(_open(args), args.request_id, requester=_profile(args.profile))
    if args.json:
        print(json.dumps(form.as_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"#{form.request_id} {form.component}: {form.title} — paste into {form.portal}", end="")
    print(f" (form as of {form.as_of})")
    for note in form.notes:
        print(f"  ({note})")
    for f in form.fields:
        mark = "*" if f.required else " "
        limit = f" [{f.count:,}/{f.limit:,} characters]" if f.limit else ""
        print(f"\n{mark} {f.label} ({f.name}){limit}")
        for line in (f.shown or "—").split("\n"):
            print(f"    {line}")
    if form.problems:
        print("\nProblems:")
        for problem in form.problems:
            print(f"  - {problem}")
    else:
        print("\nEvery field passes the form's rules.")
    return 0


def cmd_package(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.letters.filing import write_package

    db = _open(args)
    check_output(args.out, force=args.force)  # before anything is drafted
    package = write_package(
        db, args.request_id, args.channel, args.out, requester=_profile(args.profile), force=args.force
    )
    print(package.path)
    for note in package.notes:
        print(f"  note: {note}")
    print(f"  next: {package.next_step}")
    return 0


def cmd_followup(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.letters.followups import Inputs, draft_followup, log_followup

    db = _open(args)
    check_output(args.out, force=args.force)  # before anything is drafted or logged
    inputs = Inputs(
        note=args.note,
        answer=args.answer,
        accept=not args.narrow,
        narrowing=args.narrow,
        fee_cap=Decimal(args.fee_cap) / 100 if args.fee_cap is not None else None,
        search_argument=args.search_argument,
        other_argument=args.other_argument,
        determination_official=args.official,
        appeal_address=args.appeal_address,
    )
    on = args.date or date.today()
    followup = draft_followup(
        db,
        args.request_id,
        args.kind,
        inputs,
        letter_date=on,
        requester=_profile(args.profile),
        user_templates_dir=args.templates,
    )
    write_output(args.out, followup.docx, force=args.force)
    print(args.out)
    if not args.no_log:
        changes = log_followup(db, followup, on=on)
        print(f"  logged as draft event #{changes.new_id} on request #{args.request_id}")
    for warning in followup.warnings:
        print(f"  note: {warning}")
    return 0


def log_event(args, files) -> int | None:
    """``log N filed`` and ``log N determination --exemptions``; None for any other event."""
    from foiadesk.cli import _open

    if args.type == "filed":
        from foiadesk.core.letters.filing import Asks, Filing, drafted_letter, file_request, letter_asks

        asks = None
        if args.asks is not None or args.fee_cap is not None:
            chosen = {a.strip() for a in (args.asks or "").split(",") if a.strip() and a.strip() != "none"}
            unknown = chosen - set(ASKS)
            if unknown:
                raise UsageError(f"--asks takes {', '.join(ASKS)} or none, not {', '.join(sorted(unknown))}")
            cap = args.fee_cap
            if cap is None:  # keep the cap the letter commits to
                letter = drafted_letter(_open(args), args.request_id)
                cap = letter_asks(letter).fee_cap_cents if letter else None
            asks = Asks("expedite" in chosen, "fee-waiver" in chosen, cap)
        if args.tracking:
            raise UsageError(
                "a filing has no tracking number yet: give what the portal, fax or post "
                "office gave as --confirmation, and log the agency's number with its acknowledgment"
            )
        result = file_request(
            _open(args),
            args.request_id,
            Filing(
                args.on,
                args.channel,
                confirmation=args.confirmation or "",
                proof=files[0] if files else None,
                asks=asks,
                agency_received_on=args.agency_received,
                allow_duplicate=args.duplicate_ok,
            ),
        )
        print(f"Logged the filing as event #{result.changes.new_id} on request #{args.request_id}")
        for line in result.recorded:
            print(f"  {line}")
        return 0
    if args.type == "determination" and args.exemptions:
        from foiadesk.core.letters.followups import record_determination

        changes = record_determination(
            _open(args),
            args.request_id,
            on=args.on,
            outcome=args.outcome,
            exemptions=[c.strip() for c in args.exemptions.split(",") if c.strip()],
            statutes=[s.strip() for s in (args.statutes or "").split(";") if s.strip()],
            tracking=args.tracking,
            summary=args.summary,
            files=tuple(files),
        )
        print(f"Logged event #{changes.new_id} on request #{args.request_id}")
        return 0
    return None


def cmd_identity_statement(args) -> int:
    from foiadesk.cli import _open
    from foiadesk.core.letters.filing import add_identity_statement, identity_file

    db = _open(args)
    check_output(args.out, force=args.force)  # before anything is drafted or logged
    changes = add_identity_statement(db, args.request_id, requester=_profile(args.profile))
    name, data = identity_file(db, args.request_id)
    write_output(args.out, data, force=args.force)
    print(args.out)
    print(f"  request #{args.request_id} is now first-party; statement kept as event #{changes.new_id}")
    print(f"  fill in the blanks by hand and sign it ({name} goes with the portal and email packages)")
    return 0
