"""A request's fees as a ledger: the cap you agreed to, the agency's estimates, what you
paid, what was waived, and the fee decisions, each with the event it came from.

Estimates and payments are written when those events are logged (``log.record_event``);
a cap or a waiver is written here, tied to the letter or decision it belongs to, so
taking that event back takes the line back too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS
from foiadesk.core.store.db import write
from foiadesk.core.store.log import Changes, LogError

KINDS = ("cap", "estimate", "payment", "waiver")
KIND_LABELS = {
    "cap": "Fee cap you agreed to",
    "estimate": "Agency's estimate",
    "payment": "Payment",
    "waiver": "Waived",
}
MAX_CENTS = 100_000_000 * 100
# Where a new cap or waiver line belongs: the latest of these events (else no event).
_SOURCES = {
    "cap": ("fee_estimate_answered", "filed", "drafted"),
    "waiver": ("fee_decision",),
}


@dataclass(frozen=True)
class FeeLine:
    on: date | None
    kind: str  # a KINDS key, or "decision" (a fee decision, without an amount)
    amount_cents: int | None
    source: str  # the event it comes from, in words

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, "Fee decision")


@dataclass(frozen=True)
class Ledger:
    lines: tuple[FeeLine, ...]
    cap_cents: int | None  # the latest cap
    estimate_cents: int | None  # the latest estimate
    paid_cents: int
    waived_cents: int

    @property
    def owed_cents(self) -> int | None:
        """What the latest estimate leaves to pay, after payments and waivers."""
        if self.estimate_cents is None:
            return None
        return max(self.estimate_cents - self.paid_cents - self.waived_cents, 0)

    @property
    def over_cap(self) -> bool:
        return (
            self.cap_cents is not None
            and self.estimate_cents is not None
            and self.estimate_cents > self.cap_cents
        )


def fee_ledger(db: Database, request_id: int) -> Ledger:
    """Every fee line of a request, oldest first; lines of taken-back events are left out."""
    rows = db.execute(
        """SELECT f.id, f.kind, f.amount_cents, e.occurred_on, e.type, e.summary FROM fees f
             LEFT JOIN events e ON e.id = f.event_id
            WHERE f.request_id = ? AND e.voided_at IS NULL
           UNION ALL
           SELECT 0, 'decision', NULL, e.occurred_on, e.type, e.outcome FROM events e
            WHERE e.request_id = ? AND e.type = 'fee_decision' AND e.voided_at IS NULL""",
        [request_id, request_id],
    ).fetchall()
    lines = []
    for _seq, kind, cents, on, type_, text in sorted(rows, key=lambda r: (r[3] or "9999", r[0])):
        if kind == "decision":
            source = OUTCOME_LABELS.get(text or "", "Fee decision")
        else:
            source = (text or EVENT_TYPES[type_].label) if type_ else "entered by hand"
        lines.append(FeeLine(date.fromisoformat(on) if on else None, kind, cents, source))
    latest = {line.kind: line.amount_cents for line in lines}
    total = lambda kind: sum(line.amount_cents or 0 for line in lines if line.kind == kind)  # noqa: E731
    return Ledger(tuple(lines), latest.get("cap"), latest.get("estimate"), total("payment"), total("waiver"))


def record_fee(db: Database, request_id: int, kind: str, amount_cents: int) -> Changes:
    """Write a cap (what you agree to pay) or a waiver (an amount waived). It is tied to the
    latest letter (a cap) or fee decision (a waiver) of the request, if there is one."""
    if kind not in _SOURCES:
        raise LogError(
            "Only a fee cap or a waiver is entered here; estimates and payments are logged as events."
        )
    if not 0 <= amount_cents <= MAX_CENTS:
        raise LogError("The amount must be between $0 and $100,000,000.")
    with write(db):
        if not db.execute("SELECT 1 FROM requests WHERE id = ?", [request_id]).fetchone():
            raise LogError(f"There is no request with id {request_id}.")
        types = _SOURCES[kind]
        row = db.execute(
            f"""SELECT id FROM events WHERE request_id = ? AND voided_at IS NULL
                  AND type IN ({", ".join("?" * len(types))})
                ORDER BY occurred_on DESC, id DESC LIMIT 1""",
            [request_id, *types],
        ).fetchone()
        db.table("fees").insert(
            dict(
                request_id=request_id, event_id=row[0] if row else None, kind=kind, amount_cents=amount_cents
            )
        )
    return Changes(request_ids=frozenset({request_id}))


def fee_totals(db: Database, where: str, params: list) -> dict[int, tuple[int | None, int]]:
    """request id → (latest estimate, total paid) for the requests ``where`` selects
    (a condition on ``f.request_id``); requests without fees are left out."""
    out: dict[int, list] = {}
    for request_id, kind, cents in db.execute(
        f"""SELECT f.request_id, f.kind, f.amount_cents FROM fees f
              LEFT JOIN events e ON e.id = f.event_id
             WHERE e.voided_at IS NULL AND f.kind IN ('estimate', 'payment') AND {where}
             ORDER BY f.id""",
        params,
    ):
        entry = out.setdefault(request_id, [None, 0])
        if kind == "estimate":
            entry[0] = cents
        else:
            entry[1] += cents
    return {k: (v[0], v[1]) for k, v in out.items()}
