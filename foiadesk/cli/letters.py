"""Drafting request letters: ``foiadesk draft``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from foiadesk.cli import (
    UsageError,
    _open,
    dollars,
    iso_date,
)


def add_commands(sub, with_db) -> None:
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
    sub.choices["draft"].set_defaults(func=cmd_draft)


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
    ground_text = {
        k: v for k, v in (("due_process", args.due_process), ("imminent_threat", args.imminent_threat)) if v
    }
    # a ground whose facts the user wrote is argued, not dropped for want of --expedite-grounds
    grounds = [g.strip() for g in args.expedite_grounds.split(",") if g.strip()]
    grounds += [g for g in ground_text if g not in grounds]
    options = DraftOptions(
        letter_date=args.date or date.today(),
        fee_cap=Decimal(args.max_fee) / 100 if args.max_fee is not None else Decimal("25"),
        fee_waiver=args.fee_waiver,
        expedite=args.expedite,
        expedite_grounds=grounds,
        ground_text=ground_text,
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
    db = _open(args, start=True)  # opened first, so no letter can be written over it
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
