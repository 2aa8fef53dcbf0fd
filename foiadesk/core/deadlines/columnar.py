"""The facts ``compute`` needs, and each request's status, read from whole event columns.

``batch.extract`` reads one request at a time through ``facts.read_events``; this module
reads the same facts for every request at once, from the columns ``index_read`` gives
(events ordered by request, date and id, types and outcomes as codes). Because of that
order, "the first acknowledgment", "the latest denial", "the first appeal on or after
it" are searches over sorted arrays rather than loops over objects. The rules are those
of ``facts.py``; tests compare the two readers on thousands of generated histories.

A request with a date the calendar cannot place (outside its years) is read by
``batch.extract`` instead, which reports it as it always has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from foiadesk.core.deadlines.batch import NONE, REPLIES, Columns, extract
from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import AppealRule
from foiadesk.core.deadlines.events import ANSWERED_BY, ASKS, CLOSED_BY_AGENCY, EVENT_TYPES, OUTCOME_LABELS
from foiadesk.core.deadlines.facts import (
    _WINDOW_RULES,
    ANSWER_FEE,
    ANSWER_INFO,
    APPEAL_ALSO_ENDED_BY,
    ASK_FEE,
    ENDS_APPEAL,
    ENDS_EXPEDITE,
    ENDS_REQUEST,
    ENDS_RESPONSE,
    ESTIMATES,
    EXTENSION,
    MOOTED_BY,
    STEP_KINDS,
    WINDOW_KINDS,
)

TYPES = tuple(EVENT_TYPES)  # event type codes: positions here (NONE: a type the app does not know)
OUTCOMES = tuple(OUTCOME_LABELS)  # outcome codes: positions here (NONE: none; UNKNOWN: another)
UNKNOWN = -2


def _code(name: str | None) -> int:
    return NONE if name is None else OUTCOMES.index(name)


Table = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass
class Flat:
    """The facts in flat tables: one value per request for the single dates, one entry per
    event for the lists (steps, open asks), ordered by row and then by event."""

    scalars: dict[str, np.ndarray]
    windows: dict[str, tuple[np.ndarray, np.ndarray]]
    steps: Table  # (row, kind, day, named)
    appeal_steps: Table
    asks: Table  # (row, kind: a position in REPLIES, reply-by, event id)


class _Log:
    """The event columns with each event's row, and per-row searches over them."""

    def __init__(self, ev: dict[str, np.ndarray], ids: np.ndarray):
        self.n = len(ids)
        self.row = np.searchsorted(ids, ev["request_id"])
        assert np.array_equal(ids[np.minimum(self.row, max(self.n - 1, 0))], ev["request_id"])
        self.pos = np.arange(len(self.row))
        self.type, self.on, self.received = ev["type"], ev["on"], ev["received"]
        self.named, self.outcome, self.id = ev["named"], ev["outcome"], ev["id"]

    def of(self, *types: str) -> np.ndarray:
        """Which events are of one of ``types``."""
        if len(types) == 1:
            return self.type == TYPES.index(types[0])
        wanted = np.zeros(len(TYPES) + 1, dtype=bool)  # by type code; the last entry for NONE
        wanted[[TYPES.index(t) for t in types]] = True
        return wanted[self.type]

    def each(self, per_row: np.ndarray) -> np.ndarray:
        """A per-row value for each event."""
        return per_row[self.row]

    def first(self, mask: np.ndarray) -> np.ndarray:
        """Per row, the position of its first event in ``mask`` (NONE if none)."""
        return self._end(mask, last=False)

    def last(self, mask: np.ndarray) -> np.ndarray:
        return self._end(mask, last=True)

    def _end(self, mask: np.ndarray, last: bool) -> np.ndarray:
        at = np.flatnonzero(mask)
        rows = self.row[at]
        keep = np.ones(len(at), dtype=bool)
        if last:
            keep[:-1] = rows[1:] != rows[:-1]
        else:
            keep[1:] = rows[1:] != rows[:-1]
        out = np.full(self.n, NONE, dtype=np.int64)
        out[rows[keep]] = at[keep]
        return out

    def at(self, column: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """``column`` at each row's position (NONE where the position is NONE)."""
        if not len(column):
            return np.full(len(positions), NONE, dtype=np.int64)
        return np.where(positions != NONE, column[np.maximum(positions, 0)], NONE)


class _Receipt:
    """Deemed receipt (the day itself, or the next working day) on arrays, noting the rows
    with a date the calendar does not cover."""

    def __init__(self, cal: Calendar, n: int):
        base, cum, working = cal.arrays
        self.base, self.cum, self.working = base, cum.astype(np.int64), working.astype(np.int64)
        self.off = np.diff(self.cum, prepend=0) == 0
        self.bad = np.zeros(n, dtype=bool)

    def day(self, said: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """``said`` (NONE kept) as the day the clocks count; ``rows``: each value's row,
        when ``said`` is not one value per row."""
        i = said - self.base
        known = said != NONE
        inside = (i >= 0) & (i < len(self.cum))
        j = np.clip(i, 0, len(self.cum) - 1)
        off = self.off[j]
        k = self.cum[j]  # the next working day is the k-th (0-based) one of the calendar
        ok = inside & (~off | (k < len(self.working)))
        self.bad[np.arange(len(said)) if rows is None else rows] |= known & ~ok
        nxt = self.base + self.working[np.minimum(k, len(self.working) - 1)]
        return np.where(known & ok, np.where(off, nxt, said), NONE)


def _or(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return np.where(first != NONE, first, second)


def _ranks(rows: np.ndarray) -> np.ndarray:
    """Each entry's place among its row's entries (``rows`` sorted)."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    starts = np.ones(len(rows), dtype=bool)
    starts[1:] = rows[1:] != rows[:-1]
    index = np.arange(len(rows))
    return index - np.maximum.accumulate(np.where(starts, index, 0))


def _accepted_answers(rows: np.ndarray, step: np.ndarray) -> np.ndarray:
    """For a run of fee-estimate holds (+1) and answers (-1) per row, which answers meet an
    open hold: the count of open holds never goes below zero, an answer without one is
    ignored (``facts.read_events``' ``open_holds``)."""
    if not len(rows):
        return np.zeros(0, dtype=bool)
    ranks = _ranks(rows)
    total = np.cumsum(step)
    start = np.arange(len(rows)) - ranks
    walk = total - (total[start] - step[start])  # the running sum within each row
    big = 4 * (len(rows) + 1)
    group = np.cumsum(ranks == 0)  # rows numbered 1, 2, ... in order
    lowest = np.minimum.accumulate(walk - group * big) + group * big  # the running minimum per row
    count = walk - np.minimum(lowest, 0)  # open holds after each entry
    before = np.where(ranks == 0, 0, np.roll(count, 1))
    return (step < 0) & (before > 0)


def read(
    ev: dict[str, np.ndarray],
    ids: np.ndarray,
    cal: Calendar,
    rules: list[AppealRule],
    histories: Callable[[np.ndarray], list],
) -> tuple[Columns, dict[str, np.ndarray]]:
    """The ``Columns`` of the requests ``ids`` (sorted) from their live events ``ev``
    (``index_read.read_events``), and their open dated asks as (row, kind, due, event id)
    arrays, ordered by row and event; ``histories(rows)`` gives the event lists of the
    rows ``batch.extract`` must read instead."""
    flat, receipt = _read(_Log(ev, ids), cal, rules)
    bad = np.flatnonzero(receipt.bad)
    if len(bad):
        flat = _splice(flat, bad, histories(bad), cal, [rules[i] for i in bad.tolist()])
    return _columns(len(ids), flat), dict(zip(("row", "kind", "due", "event_id"), flat.asks, strict=True))


def _read(log: _Log, cal: Calendar, rules: list[AppealRule]) -> tuple[Flat, _Receipt]:
    n, of, at, each, pos = log.n, log.of, log.at, log.each, log.pos
    on, rec = log.on, log.received
    days = _Receipt(cal, n)

    # The filing, or the receipt of a referral when that came first.
    filing, referral = log.first(of("filed")), log.first(of("referral_received"))
    by_referral = (referral != NONE) & ((filing == NONE) | (at(on, referral) < at(on, filing)))
    filed = np.where(by_referral, referral, filing)
    has = filed != NONE
    filed_on = at(on, filed)
    filed_rec = at(rec, filed)
    received = log.first(of("received"))
    said = np.select(
        [by_referral, received != NONE, filed_rec != NONE, at(rec, log.first(of("acknowledged"))) != NONE],
        [
            _or(filed_rec, filed_on),
            _or(at(rec, received), at(on, received)),
            filed_rec,
            at(rec, log.first(of("acknowledged"))),
        ],
        filed_on,
    )
    receipt = days.day(np.where(has, said, NONE))

    routed = log.last(of("routed"))
    routed = np.where(has, routed, NONE)
    later_ack = of("acknowledged") & (rec != NONE) & (rec >= each(at(on, routed)))
    proper_said = np.where(routed != NONE, _or(at(rec, routed), at(rec, log.first(later_ack))), NONE)
    proper = days.day(proper_said)

    # An administrative closure a later reopening undid ends nothing (``facts.bridged``).
    undone = of("admin_closed") & (pos < each(log.last(of("reopened"))))
    # The response clock's events: after the filing, until the first event that ends it.
    after = each(has) & (on >= each(filed_on))
    done = log.first(after & of(*ENDS_RESPONSE) & ~undone)
    window = after & (pos != each(filed)) & ((each(done) == NONE) | (pos < each(done)))
    table = np.zeros(len(TYPES) + 1, dtype=np.int64)  # a type's step kind; the last entry for NONE
    for name, kind in STEP_KINDS.items():
        table[TYPES.index(name)] = kind
    kinds = table[log.type]
    holds = window & of("fee_estimate") & (log.outcome == _code("on_hold"))
    answers = window & of(*ANSWERED_BY["fee_estimate"])
    paired = np.flatnonzero(holds | answers)
    kinds[paired[holds[paired]]] = ASK_FEE
    met = _accepted_answers(log.row[paired], np.where(holds[paired], 1, -1))
    kinds[paired[met]] = ANSWER_FEE
    at_steps = np.flatnonzero(window & (kinds != 0))
    kind = kinds[at_steps]
    answer = (kind == ANSWER_INFO) | (kind == ANSWER_FEE)
    got = np.where(answer, _or(rec[at_steps], on[at_steps]), NONE)
    day = np.where(answer, days.day(got, log.row[at_steps]), on[at_steps])
    steps = (log.row[at_steps], kind, day, np.where(answer, NONE, log.named[at_steps]))
    agreed = at(log.named, log.last(window & of("timeframe_agreed") & (log.named != NONE)))

    # Expedited processing.
    expedite = log.first(of("expedite_requested"))
    expedite_on = at(on, expedite)
    # Asked in the request letter (same day, no receipt of its own): it arrived with the request.
    with_letter = (expedite != NONE) & has & (expedite_on == filed_on) & (at(rec, expedite) == NONE)
    expedite_receipt = days.day(np.where(with_letter, said, _or(at(rec, expedite), expedite_on)))
    expedite_done = at(
        on, log.first(each(expedite != NONE) & of(*ENDS_EXPEDITE) & ~undone & (on >= each(expedite_on)))
    )

    # Each kind of adverse decision's latest one, and what met it or made it moot.
    windows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    ends_request = of(*ENDS_REQUEST)
    appeals = of("appeal_filed")
    for group, (etype, opens, moots) in _WINDOW_RULES.items():
        of_type = of(etype)
        decision = log.last(of_type & np.isin(log.outcome, [_code(o) for o in opens]))
        open_ = decision != NONE
        decided_on = at(on, decision)
        which = at(log.outcome, decision) if group == "determination" else np.full(n, _code(group))
        appealed = log.first(
            each(open_)
            & appeals
            & (on >= each(decided_on))
            & ((log.outcome == NONE) | (log.outcome == each(which)))
        )
        ending = ends_request | (of_type & np.isin(log.outcome, [_code(o) for o in moots]))
        if group in MOOTED_BY:
            ending |= of(MOOTED_BY[group])
        moot = log.first(each(open_) & (pos > each(decision)) & ending)
        before = log.last(each(open_) & (pos < each(decision)) & ends_request)
        met = np.where(appealed == NONE, moot, np.where(moot == NONE, appealed, np.minimum(appealed, moot)))
        closed_on = at(on, _or(met, before))
        kinds_here = sorted(set(which[open_].tolist())) if group == "determination" else [_code(group)]
        for code in kinds_here:
            mine = open_ & (which == code)
            windows[f"appeal_window:{OUTCOMES[code]}"] = (
                np.where(mine, decided_on, NONE),
                np.where(mine, closed_on, NONE),
            )

    # The appeal (the latest one) and its decision's extensions.
    appeal = log.last(appeals)
    appealed_on = at(on, appeal)
    since_appeal = each(appeal != NONE) & (on >= each(appealed_on))
    ack = log.first(since_appeal & of("appeal_received") & (rec != NONE))
    appeal_receipt = days.day(
        np.where(appeal != NONE, _or(at(rec, ack), _or(at(rec, appeal), appealed_on)), NONE)
    )
    # An expedite appeal is over once the agency decides the request (552(a)(6)(E)(iv)), an
    # appeal of a closure once the agency reopens the request.
    ends = of(*ENDS_APPEAL)
    for outcome, also in APPEAL_ALSO_ENDED_BY.items():
        ends |= each(at(log.outcome, appeal) == _code(outcome)) & of(*also)
    appeal_done = log.first(since_appeal & ends)
    extended = np.flatnonzero(
        since_appeal
        & of("appeal_extension_notice")
        & ((each(appeal_done) == NONE) | (pos < each(appeal_done)))
    )
    appeal_steps = (
        log.row[extended],
        np.full(len(extended), EXTENSION, dtype=np.int64),
        on[extended],
        log.named[extended],
    )

    # Dated asks nothing has answered or overtaken.
    ended_before = each(log.first(ends_request))
    ends_response = of(*ENDS_RESPONSE)
    open_ask = np.zeros(len(pos), dtype=bool)
    ask_kind = np.full(len(pos), NONE, dtype=np.int64)
    for k, key in enumerate(REPLIES):
        ask = key.split(":", 1)[1]
        mine = of(ask)
        closer = log.last(of(*ANSWERED_BY[ask]) | ends_response)
        still = mine & (each(closer) < pos) & ((ended_before == NONE) | (ended_before > pos))
        open_ask |= still & (log.named != NONE)
        ask_kind[mine] = k
    at_asks = np.flatnonzero(open_ask)
    asks = (log.row[at_asks], ask_kind[at_asks], log.named[at_asks], log.id[at_asks])

    estimate = at(log.named, log.last(of(*ESTIMATES) & (log.named != NONE)))
    scalars = {
        "filed": filed_on,
        "receipt": receipt,
        "routed": (routed != NONE).astype(np.int64),
        "proper": proper,
        "done": at(on, done),
        "agreed": agreed,
        "expedite_receipt": expedite_receipt,
        "expedite_dated": expedite_on,
        "expedite_floor": np.array([r.expedite_floor for r in rules], dtype=np.int64),
        "expedite_done": expedite_done,
        "appeal_days": np.array([r.days for r in rules], dtype=np.int64),
        "appeal_working": np.array([r.unit == "working" for r in rules], dtype=np.int64),
        "appeal_receipt": appeal_receipt,
        "appeal_done": at(on, appeal_done),
        "estimate": estimate,
    }
    return Flat(scalars, windows, steps, appeal_steps, asks), days


def _table(columns) -> Table:
    row, kind, day, named = (np.asarray(c, dtype=np.int64) for c in columns)
    return row, kind, day, named


def _flat_steps(by_position: list[Table]) -> Table:
    """``Columns.steps`` back into one (row, kind, day, named) table ordered by row."""
    if not by_position:
        return _table(np.empty((4, 0)))
    parts = [np.concatenate(col) for col in zip(*by_position, strict=True)]
    rank = np.concatenate([np.full(len(p[0]), j) for j, p in enumerate(by_position)])
    order = np.lexsort((rank, parts[0]))
    return _table(p[order] for p in parts)


def _merged(ours: Table, theirs: Table, rows: np.ndarray) -> Table:
    """``ours`` without the entries of ``rows``, with ``theirs`` (rows numbered within
    ``rows``) in their place."""
    keep = ~np.isin(ours[0], rows)
    moved = (rows[theirs[0]], *theirs[1:])
    joined = [np.concatenate([a[keep], b]) for a, b in zip(ours, moved, strict=True)]
    order = np.argsort(joined[0], kind="stable")
    return _table(c[order] for c in joined)


def _splice(flat: Flat, rows: np.ndarray, histories: list, cal: Calendar, rules: list[AppealRule]) -> Flat:
    """The facts of ``rows`` as ``batch.extract`` reads them, in place of ours."""
    found: list[tuple[int, int, int, int]] = []
    cols = extract(histories, cal, rules, asks=found)
    for name, values in flat.scalars.items():
        values[rows] = getattr(cols, name)
    n = len(flat.scalars["filed"])
    for key, (start, end) in cols.windows.items():  # extract gives every kind of window
        flat.windows.setdefault(key, (np.full(n, NONE, dtype=np.int64), np.full(n, NONE, dtype=np.int64)))
        flat.windows[key][0][rows], flat.windows[key][1][rows] = start, end
    asks = _table(np.array(found, dtype=np.int64).reshape(len(found), 4).T)
    return Flat(
        flat.scalars,
        flat.windows,
        _merged(flat.steps, _flat_steps(cols.steps), rows),
        _merged(flat.appeal_steps, _flat_steps(cols.appeal_steps), rows),
        _merged(flat.asks, asks, rows),
    )


def _by_position(rows, *values) -> list[Table]:
    """``Columns.steps``: for each j, the j-th entry of every row that has one."""
    if not len(rows):
        return []
    rank = _ranks(rows)
    order = np.argsort(rank, kind="stable")
    bounds = np.cumsum(np.bincount(rank))[:-1]
    return [
        _table(parts) for parts in zip(*(np.split(c[order], bounds) for c in (rows, *values)), strict=True)
    ]


def _padded(n: int, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    """One row per request, its values in columns, NONE where it has fewer."""
    rank = _ranks(rows)
    out = np.full((n, int(rank.max()) + 1 if len(rank) else 0), NONE, dtype=np.int64)
    out[rows, rank] = values
    return out


def _columns(n: int, flat: Flat) -> Columns:
    windows = {}
    for key in (f"appeal_window:{kind}" for kind in WINDOW_KINDS):
        windows[key] = flat.windows.get(key) or (
            np.full(n, NONE, dtype=np.int64),
            np.full(n, NONE, dtype=np.int64),
        )
    row, kind, due, _ = flat.asks
    replies = {key: _padded(n, row[kind == k], due[kind == k]) for k, key in enumerate(REPLIES)}
    return Columns(
        steps=_by_position(*flat.steps),
        windows=windows,
        replies=replies,
        appeal_steps=_by_position(*flat.appeal_steps),
        **{k: v.astype(np.int64) for k, v in flat.scalars.items()},
    )


# -- the status ------------------------------------------------------------------------------------

_MOVES = (  # events that move a draft or filed request to "Processing" (an agency that asks has it)
    "received", "acknowledged", "routed", "referral", "consultation", "estimated_completion",
    "extension_notice", "timeframe_agreed", "interim_release", "status_inquiry", "payment", "fee_decision",
    "expedite_decided",
    *ASKS,
)  # fmt: skip


def statuses(ev: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """Each request's ``events.derive_status``, as an object array of the same strings."""
    log = _Log(ev, ids)
    of, at = log.of, log.at
    words = [
        "Draft", "Filed", "Processing", "Waiting on requester", "Appeal pending", "Withdrawn", "Closed",
        CLOSED_BY_AGENCY,
    ]  # fmt: skip
    draft, filed, processing, waiting, pending, withdrawn, closed, by_agency = range(len(words))
    # Outcome codes (UNKNOWN, NONE, then OUTCOMES) to the words of a determination / appeal decision.
    outcome_words = [None, None, *(OUTCOME_LABELS[o] for o in OUTCOMES)]
    decided = [*words, *(w or "Determination" for w in outcome_words)]
    determination = len(words)
    appealed = len(decided)
    decided += [f"Appeal {(w or 'decided').lower()}" for w in outcome_words]

    sets = (
        "filed",
        "referral_received",
        "determination",
        "appeal_filed",
        "appeal_received",
        "appeal_decided",
    )
    last = log.last(of(*sets, "withdrawn", "closed", "admin_closed"))
    kind = at(log.type, last)
    outcome = at(log.outcome, last) - UNKNOWN
    code = np.full(log.n, draft, dtype=np.int64)
    for name, value in (
        ("filed", filed),
        ("referral_received", processing),
        ("appeal_filed", pending),
        ("appeal_received", pending),
        ("withdrawn", withdrawn),
        ("closed", closed),
        ("admin_closed", by_agency),
    ):
        code[kind == TYPES.index(name)] = value
    code = np.where(kind == TYPES.index("determination"), determination + outcome, code)
    code = np.where(kind == TYPES.index("appeal_decided"), appealed + outcome, code)
    code[(code == by_agency) & (log.last(of("reopened")) > last)] = processing  # the agency reopened it
    moved = log.last(of(*_MOVES)) > last
    code[moved & ((code == draft) | (code == filed))] = processing
    owed = np.zeros(log.n, dtype=bool)
    for ask, answers in ANSWERED_BY.items():
        latest = log.last(of(ask, *answers, "determination"))
        owed |= at(log.type, latest) == TYPES.index(ask)
    code[owed & ((code == filed) | (code == processing))] = waiting
    table = np.empty(len(decided), dtype=object)
    table[:] = decided
    return table[code]
