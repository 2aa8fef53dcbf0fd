"""A case at a glance: one row per component, with its requests' statuses, what is
overdue, the next deadline and the fees (the "campaign matrix" of a coordinated set).

Components the case pack says hold records but that have no request yet get a row too,
so a gap in the campaign shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
from sqlite_utils import Database

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import reads
from foiadesk.core.tracking.listing import NONE, STATUS_GROUPS, RequestIndex


@dataclass(frozen=True)
class GridRow:
    component: str
    component_name: str
    requests: int = 0
    groups: tuple[int, ...] = (0,) * len(STATUS_GROUPS)  # counts, in STATUS_GROUPS order
    overdue: int = 0
    next_due: date | None = None
    next_label: str = ""
    next_request: int | None = None
    estimated_cents: int = 0
    paid_cents: int = 0
    pack_categories: tuple[str, ...] = field(default=())  # titles the pack asks this one for
    unrequested: tuple[str, ...] = field(default=())  # of those, the ones no request asks for yet


def case_grid(index: RequestIndex, db: Database, case_id: int, *, today: date, pack=None) -> list[GridRow]:
    """The grid of one case; ``pack`` (a CasePack) adds the components it names."""
    cols = index.columns
    rows = np.nonzero(cols["case_id"] == case_id)[0]
    in_case = cols["component"][rows].astype(str)
    by_component = {abbr: rows[in_case == abbr] for abbr in np.unique(in_case).tolist()}
    present = {abbr.upper(): abbr for abbr in by_component}
    wanted: dict[str, list[str]] = defaultdict(list)
    for category in pack.categories if pack is not None else ():
        for holder in category.holders:
            wanted[present.get(holder.upper(), holder)].append(category.title)
    names = dict(index.components())
    fees = _fees(db, case_id)
    asked = _asked(db, case_id)
    out = []
    for abbr in sorted(set(by_component) | set(wanted)):
        members = by_component.get(abbr, np.empty(0, dtype=np.int64))
        due = cols["next_due"][members]
        open_ = due != NONE
        row = GridRow(
            component=abbr,
            component_name=names.get(abbr) or _directory_name(abbr),
            requests=len(members),
            groups=tuple(np.bincount(cols["group"][members], minlength=len(STATUS_GROUPS)).tolist()),
            overdue=int((open_ & (due < today.toordinal())).sum()),
            estimated_cents=fees.get((abbr, "estimate"), 0),
            paid_cents=fees.get((abbr, "payment"), 0),
            pack_categories=tuple(wanted.get(abbr, ())),
            unrequested=tuple(t for t in wanted.get(abbr, ()) if t.casefold() not in asked.get(abbr, "")),
        )
        if open_.any():
            first = int(members[open_][np.argmin(due[open_])])
            row = replace(
                row,
                next_due=date.fromordinal(int(cols["next_due"][first])),
                next_label=index.next_label(int(first)),
                next_request=int(cols["id"][first]),
            )
        out.append(row)
    return out


def _directory_name(abbr: str) -> str:
    component = load_directory().component(abbr)
    return component.name if component else ""


def _fees(db: Database, case_id: int) -> dict[tuple[str, str], int]:
    """Fee totals of a case's requests, by (component, kind), leaving out voided events."""
    return {(abbr, kind): total for abbr, kind, total in reads.case_fee_sums(db, case_id)}


def _asked(db: Database, case_id: int) -> dict[str, str]:
    """Per component, the titles and descriptions of the case's requests, folded: a category
    is asked for when its title is in one of them (the composer writes them there)."""
    from foiadesk.core.store.reads import case_request_texts

    texts: dict[str, list[str]] = defaultdict(list)
    for abbr, title, description in case_request_texts(db, case_id):
        texts[abbr] += [title or "", description or ""]
    return {abbr: "\n".join(parts).casefold() for abbr, parts in texts.items()}
