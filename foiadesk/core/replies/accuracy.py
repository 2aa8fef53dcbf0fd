"""How often the reader is right on real, hand-labelled agency letters.

A letter set is a folder with ``expected.csv`` (columns ``split``, ``file``, ``letter_date``,
``reply_type``, ``tracking_numbers``, ``exemptions``, ``fee_amount``, ``undeterminable``)
and the letters under ``<split>/<file>``. Each field is scored the way the labelling
conventions say: the type exactly, tracking numbers and exemptions as sets, the fee
numerically, the date exactly; a field listed as undeterminable is skipped. Two counts per
field: over every letter, and over the letters that carry a value for it (a reader that
always answers "nothing" scores well on the first and zero on the second).
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from foiadesk.core.replies.files import read_reply
from foiadesk.core.replies.parse import Proposal, parse_reply

FIELDS = ("reply_type", "letter_date", "tracking_numbers", "exemptions", "fee_amount")


def _expected(row: dict, name: str):
    value = (row.get(name) or "").strip()
    if name in ("tracking_numbers", "exemptions"):
        return (
            frozenset(
                v.strip().replace("(", "").replace(")", "").lower() for v in value.split(";") if v.strip()
            )
            if name == "exemptions"
            else frozenset(v.strip() for v in value.split(";") if v.strip())
        )
    if name == "fee_amount":
        try:
            return Decimal(value) if value else None
        except InvalidOperation:
            return None
    return value or None


def _found(p: Proposal, name: str):
    if name == "reply_type":
        return p.reply_type
    if name == "letter_date":
        return p.letter_date.isoformat() if p.letter_date else None
    if name == "tracking_numbers":
        return frozenset(p.tracking_numbers)
    if name == "exemptions":
        return frozenset(e.lower() for e in p.exemptions)
    return Decimal(str(p.fee_amount)) if p.fee_amount is not None else None


@dataclass
class Score:
    right: int = 0
    total: int = 0
    right_valued: int = 0
    total_valued: int = 0
    misses: list[str] = field(default_factory=list)


def score(folder: Path | str, split: str) -> dict[str, Score]:
    """Per-field scores for one split of a labelled letter set."""
    folder = Path(folder)
    scores = {name: Score() for name in FIELDS}
    with open(folder / "expected.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == split]
    for row in rows:
        proposal = parse_reply(read_reply(folder / split / row["file"]))
        skipped = {s.strip() for s in (row.get("undeterminable") or "").split(";")}
        _tally(scores, row["file"], row, proposal, skipped)
    return scores


def _tally(
    scores: dict[str, Score], label: str, row: dict, proposal: Proposal, skipped: Collection[str] = ()
) -> None:
    """Count each field of ``proposal`` right or wrong against the labels in ``row``."""
    for name in FIELDS:
        if name in skipped:
            continue
        want, got = _expected(row, name), _found(proposal, name)
        s = scores[name]
        ok = want == got
        s.total += 1
        s.right += ok
        if want is not None and want != frozenset():
            s.total_valued += 1
            s.right_valued += ok
        if not ok:
            s.misses.append(f"{label}: {name} expected {_show(want)}, read {_show(got)}")


def _show(value) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return str(value)


def table(scores: dict[str, Score]) -> str:
    """The scores as a Markdown table."""
    lines = ["| field | all letters | where the letter has a value |", "|---|---|---|"]
    for name, s in scores.items():
        valued = "—" if name == "reply_type" else f"{s.right_valued} of {s.total_valued}"
        lines.append(f"| {name.replace('_', ' ')} | {s.right} of {s.total} | {valued} |")
    return "\n".join(lines)


def score_passages(path: Path | str) -> dict[str, Score]:
    """Per-field scores for labelled passages (JSON lines: ``id``, ``text`` and the fields),
    scored like the letters; a passage's letter date is its heading's or none."""
    import json

    from foiadesk.core.replies.parse import parse_text

    scores = {name: Score() for name in FIELDS}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        row = {
            name: ";".join(item[name]) if isinstance(item.get(name), list) else item.get(name) or ""
            for name in FIELDS
        }
        _tally(scores, item["id"], row, parse_text(item["text"]))
    return scores
