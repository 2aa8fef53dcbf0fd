"""A coordinated set of request letters: one per component, each logged as a draft.

One set of choices (requester, case, categories, options) gives one letter per
component, each with that component's addressee, channel, rules and expedite
grounds and, when several components are drafted together, only the categories
that component holds. ``log_drafts`` then records every letter in one transaction:
a request per component and a "drafted" event carrying the .docx, stored by hash.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.errors import UserError
from foiadesk.core.export.files import atomic_output, check_target
from foiadesk.core.letters.content import (
    GROUNDS,
    STATUTORY_GROUNDS,
    DraftingError,
    DraftOptions,
    Requester,
    build_request_context,
    clean,
    file_office,
    ground_named,
    own_records,
    public_name,
    sentence_start,
    short_name,
)
from foiadesk.core.letters.drafting import render, suggested_filename
from foiadesk.core.letters.filing import portal_overruns
from foiadesk.core.reference.casepack import CasePack, case_columns
from foiadesk.core.reference.directory import Component
from foiadesk.core.store import log, reads, sent
from foiadesk.core.store.db import StorageError, read_only_reason, write
from foiadesk.core.store.fees import record_fee
from foiadesk.core.store.requesters import find_or_add_requester

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Draft:
    component: Component
    category_ids: tuple[str, ...]
    filename: str
    docx: bytes
    warnings: tuple[str, ...]
    group: str = ""  # in a suite of narrow letters, the category group this one asks for

    @property
    def text(self) -> str:
        return docx_text(self.docx)


def choose_categories(pack: CasePack, spec: str | Iterable[str]) -> list[str]:
    """Category ids from "all", from numbers in the pack's order ("1,3,5"), or from ids."""
    items = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    ids = [c.id for c in pack.categories]
    if items == ["all"]:
        return ids
    chosen = []
    for item in items:
        if item.isdigit():
            if not 1 <= int(item) <= len(ids):
                raise UserError(f"There is no category {item}: the case has categories 1 to {len(ids)}.")
            chosen.append(ids[int(item) - 1])
        elif item in ids:
            chosen.append(item)
        else:
            raise UserError(
                f"The case “{pack.name}” has no record category '{item}': give numbers 1 to "
                f"{len(pack.categories)}, ids, or all."
            )
    if not chosen:
        raise UserError("Choose at least one category of records to request.")
    return list(dict.fromkeys(chosen))


def draft_requests(
    requester: Requester,
    pack: CasePack,
    category_ids: Sequence[str],
    components: Sequence[Component],
    options: DraftOptions,
    *,
    user_templates_dir: Path | None = None,
    suite: bool = False,
) -> list[Draft]:
    """One rendered request letter per component. Each letter asks only for the chosen
    categories its component holds, as the case pack names its holders (one letter or
    many: an office asked for records it does not hold answers "no records" or refers them,
    a round trip the requester loses); the others are left out with a note for the user,
    never the letter, and a component that holds none is refused. A requester without a
    mailing address is refused, here, where the window and the command line both draft.
    Each letter names the other components as parallel requests. With `suite`, each
    component gets a suite of narrow letters instead, one per category group."""
    if not clean(requester.address):
        raise DraftingError(
            "The requester's mailing address is missing: enter it under “2. Who signs” (address, "
            "in a profile file). The letter is signed from it, and agencies answer by mail."
        )
    drafts = []
    titles = {c.id: c.title.rstrip(".") for c in pack.categories}
    for comp in components:
        own, dropped = _grounds_for(comp, options)
        held = {c.id for c in pack.categories_for(comp.key)}
        ids = [i for i in category_ids if i in held or i not in titles]  # unknown ids: refused below
        if not ids:
            raise UserError(
                f"{sentence_start(short_name(comp))} holds none of the chosen categories; "
                "leave it out or choose categories it holds."
            )
        left_out = [titles[i] for i in dict.fromkeys(category_ids) if i not in ids]
        if left_out:
            dropped = dropped + [_left_out_note(comp, left_out, len(dict.fromkeys(category_ids)))]
        others = tuple(re.sub(r"\s*\([^)]*\)", "", c.name) for c in components if c.key != comp.key)
        if others:
            own = replace(own, parallel_to=others)
        groups = _groups(pack, ids) if suite else [("", ids)]
        for n, (group, group_ids) in enumerate(groups):
            if n:  # a suite: what was left out is said once, with its first letter
                dropped = [d for d in dropped if not d.startswith("Left out of the letter")]
            context = build_request_context(requester, pack, group_ids, comp, own)
            data = render("request", context, user_templates_dir=user_templates_dir)
            name = suggested_filename("FOIA-request", file_office(comp), options.letter_date, group)
            too_long = portal_overruns(comp, name, data, options.letter_date)
            warnings = tuple(context["warnings"] + dropped + too_long)
            drafts.append(Draft(comp, tuple(group_ids), name, data, warnings, group))
    return drafts


FEW_LEFT_OUT = 3  # up to this many categories left out of a letter are named in its note


def _left_out_note(comp: Component, left_out: Sequence[str], chosen: int) -> str:
    """For the user, never the letter: the chosen categories this office does not hold, by
    name when there are few; by number when there are many ("all" chosen for one office)."""
    who = short_name(comp)
    if len(left_out) <= FEW_LEFT_OUT:
        return (
            f"Left out of the letter to {who}: {'; '.join(left_out)}. The case does not list "
            f"{who} as holding {'it' if len(left_out) == 1 else 'them'}; ask the office that does."
        )
    return (
        f"Left out of the letter to {who}: {len(left_out)} of the {chosen} chosen categories, "
        f"which the case does not list {who} as holding."
    )


def _groups(pack: CasePack, ids: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The chosen categories by the pack's groups (a category without one is its own)."""
    by_id = {c.id: c for c in pack.categories}
    out: dict[str, list[str]] = {}
    for cid in ids:
        out.setdefault((by_id[cid].group if cid in by_id else "") or cid, []).append(cid)
    return list(out.items())


def _grounds_for(comp: Component, options: DraftOptions) -> tuple[DraftOptions, list[str]]:
    """Keep the expedite grounds this component's rules allow; say which were left out."""
    if not options.expedite:
        return options, []
    allowed = {g.code for g in comp.expedite_grounds} or set(STATUTORY_GROUNDS)
    kept = [g for g in options.expedite_grounds if g in allowed]
    ordered = [g for g in GROUNDS if g in allowed]
    if not kept:
        raise UserError(
            f"The rules of {short_name(comp)} allow none of the chosen expedite grounds; "
            f"they allow: {', '.join(ground_named(g) for g in ordered)}. Choose one of those."
        )
    left_out = [
        f"{public_name(comp)}: the expedite ground {ground_named(g)} was left out of this "
        "letter, because its rules do not list it; the other grounds still apply."
        for g in options.expedite_grounds
        if g not in allowed
    ]
    return replace(options, expedite_grounds=kept), left_out


def docx_text(data: bytes) -> str:
    """The letter as plain text, paragraph by paragraph, for previews and tests."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def log_drafts(
    db: Database,
    pack: CasePack,
    drafts: Sequence[Draft],
    options: DraftOptions,
    *,
    requester_id: int | None = None,
) -> log.Changes:
    """Add a request per draft to the pack's case and record its "drafted" event with the
    letter attached, all in one transaction. The case is the one whose short id is the pack's
    (a demo's, or one renamed by the user), created on first use; each title begins with
    that case's name, so the list shows only what tells the drafts apart, and ends with the
    office as the public knows it ("DHS Privacy Office"), never a directory key."""
    request_ids, event_ids = [], []
    with write(db):
        case = reads.case_row(db, pack.id)
        if case is None:
            case_id, case_name = log.add_case(db, **case_columns(pack)).new_id, pack.name
        else:
            case_id, case_name = case[0], case[2]
        titles = {c.id: c.title for c in pack.categories}
        for draft in drafts:
            comp = draft.component
            component_id = log.ensure_directory_component(db, comp)
            # a narrow letter's title names its own records, as its subject line does
            records = own_records(pack, draft.category_ids, comp)
            request_id = log.add_request(
                db,
                title=f"{case_name}{f' — {records}' if records else ''}: {public_name(comp)}",
                component_id=component_id,
                case_id=case_id,
                requester_id=requester_id,
                description="\n".join(titles[i] for i in draft.category_ids),
            ).new_id
            assert request_id is not None  # add_request gives the new request's id
            changes = log.record_event(
                db,
                request_id,
                log.NewEvent(
                    "drafted",
                    options.letter_date,
                    summary=f"{sent.REQUEST_LETTER} drafted ({draft.filename})",
                    body=draft.text,
                    files=(log.Attachment(draft.filename, draft.docx, DOCX_MIME),),
                ),
            )
            assert changes.new_id is not None  # record_event gives the new event's id
            request_ids.append(request_id)
            event_ids.append(changes.new_id)
    return log.Changes(request_ids=frozenset(request_ids), event_ids=tuple(event_ids), lists_changed=True)


def save_drafts(
    db: Database,
    pack: CasePack,
    drafts: Sequence[Draft],
    options: DraftOptions,
    targets: Sequence[Path],
    *,
    requester: Requester,
    requester_id: int | None = None,
    pdfs: dict[str, bytes] | None = None,
    force: bool = True,
) -> log.Changes:
    """The user action "save the drafted letters", the same from the window and the command
    line: write each .docx (and its PDF copy) to its target, then in one transaction store
    the requester if the log does not know them yet, log one drafted request per letter and
    record the fee cap each letter commits to. A letter never replaces the log or a database;
    with ``force=False`` (the command line without --force) not any existing file either."""
    pdfs = pdfs or {}
    reason = read_only_reason(db)
    if reason is not None:
        raise StorageError(f"{reason} No letter was written.")
    outputs = [(target, draft.docx) for draft, target in zip(drafts, targets, strict=True)]
    outputs += [
        (target.with_suffix(".pdf"), pdfs[draft.filename])
        for draft, target in zip(drafts, targets, strict=True)
        if draft.filename in pdfs
    ]
    for target, _ in outputs:  # all checked before the first is written
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"Cannot create the folder {target.parent} ({exc.strerror}).") from None
        check_target(target, force=force)
    for target, data in outputs:  # each whole or not at all (a temporary file, renamed)
        with atomic_output(target, force=force) as fh:
            fh.write(data)
    cap = None if options.fee_cap is None else round(Decimal(str(options.fee_cap)) * 100)
    with write(db):
        if requester_id is None:
            requester_id = find_or_add_requester(db, asdict(requester)).new_id
        changes = log_drafts(db, pack, drafts, options, requester_id=requester_id)
        for request_id in changes.request_ids if cap is not None else ():
            record_fee(db, request_id, "cap", cap)
    return changes
