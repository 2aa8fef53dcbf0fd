"""Every clock of many requests at once, in numpy.

The rules are those of ``clocks.py`` (a test replays thousands of histories through
both and requires the same dates); this module drops the traces so that a log of a
hundred thousand requests gets its due dates in a few hundredths of a second, for
the list view, the agenda and exports. Dates are day ordinals; ``NONE`` means no date.

Two steps: ``extract`` reads each request's events once into columns (plain Python,
linear in the number of events), ``compute`` does the arithmetic on whole columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .calendar import Calendar
from .clocks import (
    APPEAL_DECISION_DAYS,
    EXPEDITE_DAYS,
    EXTENSION_DAYS,
    RESPONSE_DAYS,
    ROUTING_DAYS,
    AppealRule,
)
from .events import ADVERSE_DETERMINATIONS, ASKS, Event

NONE = -1
ASK_INFO, ANSWER_INFO, ASK_FEE, ANSWER_FEE, EXTENSION = 1, 2, 3, 4, 5
_STEP = {
    "info_requested": ASK_INFO,
    "info_answered": ANSWER_INFO,
    "fee_clarification_requested": ASK_FEE,
    "fee_clarification_answered": ANSWER_FEE,
    "extension_notice": EXTENSION,
}


@dataclass
class Columns:
    """One row per request. The events that move the response clock are kept by
    position: ``steps[j]`` holds the j-th such event of every request that has one,
    as (rows, kind, day, named) arrays."""

    filed: np.ndarray
    receipt: np.ndarray
    routed: np.ndarray
    proper: np.ndarray
    steps: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]
    done: np.ndarray
    expedite_receipt: np.ndarray
    expedite_done: np.ndarray
    adverse: np.ndarray
    appeal_days: np.ndarray
    appeal_working: np.ndarray
    appeal_filed: np.ndarray
    appeal_receipt: np.ndarray
    appeal_done: np.ndarray
    requester_due: np.ndarray  # earliest open reply-by date the requester owes

    def __len__(self) -> int:
        return len(self.filed)


def _o(day) -> int:
    return day.toordinal() if day is not None else NONE


def extract(histories: list[list[Event]], cal: Calendar, rules: list[AppealRule]) -> Columns:
    """Read each request's events (as ``clocks.py`` reads them) into columns."""
    n = len(histories)
    rows = {name: [NONE] * n for name in Columns.__dataclass_fields__ if name != "steps"}
    steps: list[list[tuple[int, int, int]]] = []
    deemed = lambda day: cal.on_or_next_working_day(day).toordinal()  # noqa: E731
    for i, events in enumerate(histories):
        events = sorted(events, key=lambda e: (e.occurred_on, e.id))
        rows["appeal_days"][i] = rules[i].days
        rows["appeal_working"][i] = rules[i].unit == "working"
        row_steps: list[tuple[int, int, int]] = []
        steps.append(row_steps)
        filed = received = ack = routed = expedite = adverse = appeal = appeal_ack = None
        for ev in events:
            t = ev.type
            if t == "filed" and filed is None:
                filed = ev
            elif t == "received" and received is None:
                received = ev
            elif t == "acknowledged" and ack is None:
                ack = ev
            elif t == "routed" and routed is None:
                routed = ev
            elif t == "expedite_requested" and expedite is None:
                expedite = ev
            elif t == "determination" and ev.outcome in ADVERSE_DETERMINATIONS:
                adverse = ev
            elif t == "appeal_filed" and appeal is None:
                appeal = ev
            elif t == "appeal_received" and appeal_ack is None:
                appeal_ack = ev
        if expedite is not None:
            rows["expedite_receipt"][i] = (
                _o(expedite.agency_received_on)
                if expedite.agency_received_on
                else deemed(expedite.occurred_on)
            )
            rows["expedite_done"][i] = next(
                (
                    _o(e.occurred_on)
                    for e in events
                    if e.occurred_on >= expedite.occurred_on
                    and e.type in ("expedite_decided", "determination", "withdrawn", "closed")
                ),
                NONE,
            )
        if adverse is not None:
            rows["adverse"][i] = _o(adverse.occurred_on)
            rows["appeal_filed"][i] = next(
                (
                    _o(e.occurred_on)
                    for e in events
                    if e.type == "appeal_filed" and e.occurred_on >= adverse.occurred_on
                ),
                NONE,
            )
        if appeal is not None:
            got = (
                appeal_ack.agency_received_on
                if appeal_ack and appeal_ack.agency_received_on
                else None
            ) or appeal.agency_received_on
            rows["appeal_receipt"][i] = _o(got) if got else deemed(appeal.occurred_on)
            rows["appeal_done"][i] = next(
                (
                    _o(e.occurred_on)
                    for e in events
                    if e.occurred_on >= appeal.occurred_on
                    and e.type in ("appeal_decided", "withdrawn", "closed")
                ),
                NONE,
            )
        rows["requester_due"][i] = _requester_due(events)
        if filed is None:
            continue
        rows["filed"][i] = _o(filed.occurred_on)
        if received is not None:
            rows["receipt"][i] = _o(received.agency_received_on or received.occurred_on)
        elif filed.agency_received_on:
            rows["receipt"][i] = _o(filed.agency_received_on)
        elif ack is not None and ack.agency_received_on:
            rows["receipt"][i] = _o(ack.agency_received_on)
        else:
            rows["receipt"][i] = deemed(filed.occurred_on)
        if routed is not None:
            rows["routed"][i] = 1
            later_ack = next(
                (
                    e
                    for e in events
                    if e.type == "acknowledged"
                    and e.agency_received_on
                    and e.occurred_on >= routed.occurred_on
                ),
                None,
            )
            proper = routed.agency_received_on or (
                later_ack.agency_received_on if later_ack else None
            )
            rows["proper"][i] = _o(proper)
        for ev in events:
            if ev.occurred_on < filed.occurred_on or ev is filed:
                continue
            if ev.type in ("determination", "withdrawn"):
                rows["done"][i] = _o(ev.occurred_on)
                break
            kind = _STEP.get(ev.type)
            if kind in (ANSWER_INFO, ANSWER_FEE):
                row_steps.append((kind, _o(ev.agency_received_on or ev.occurred_on), NONE))
            elif kind:
                row_steps.append((kind, _o(ev.occurred_on), _o(ev.named_date)))
    width = max((len(s) for s in steps), default=0)
    by_position = []
    for j in range(width):
        at = [(i, *row[j]) for i, row in enumerate(steps) if len(row) > j]
        rows_j, kind, day, named = (np.asarray(col, dtype=np.int64) for col in zip(*at, strict=True))
        by_position.append((rows_j, kind, day, named))
    arrays = {k: np.asarray(v, dtype=np.int64) for k, v in rows.items()}
    return Columns(steps=by_position, **arrays)


def _requester_due(events: list[Event]) -> int:
    """The earliest reply-by date of an agency ask not yet answered or overtaken."""
    best = NONE
    for i, ask in enumerate(events):
        if ask.type not in ASKS or ask.named_date is None:
            continue
        closed = any(
            e.type in (ASKS[ask.type], "determination", "withdrawn", "closed")
            for e in events[i + 1 :]
        )
        if not closed and (best == NONE or ask.named_date.toordinal() < best):
            best = ask.named_date.toordinal()
    return best


class _Days:
    """Working-day arithmetic on arrays of ordinals (callers pass no NONE)."""

    def __init__(self, cal: Calendar):
        base, cum, working = cal.arrays
        self.base = base
        self.cum = cum.astype(np.int64)
        self.working = working.astype(np.int64) + base

    def add(self, day: np.ndarray, n) -> np.ndarray:
        n = np.asarray(n, dtype=np.int64)
        idx = self.cum[day - self.base] + n - 1
        return np.where(n > 0, self.working[np.maximum(idx, 0)], day)

    def between(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return self.cum[end - self.base] - self.cum[start - self.base]


def _where_set(out: np.ndarray, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    out[rows] = values
    return out


def compute(cols: Columns, cal: Calendar) -> dict[str, np.ndarray]:
    """Due dates (ordinals, NONE when there is none) of every clock of every request.

    Each step works only on the rows it concerns, so the cost follows the number of
    events that matter, not the number of requests times the longest history."""
    days = _Days(cal)
    n = len(cols)
    filed = np.nonzero(cols.filed != NONE)[0]
    anchor = np.full(n, NONE, dtype=np.int64)
    anchor[filed] = cols.receipt[filed]
    routed = filed[cols.routed[filed] == 1]
    if len(routed):
        cap = days.add(cols.receipt[routed], ROUTING_DAYS)
        proper = cols.proper[routed]
        anchor[routed] = np.where((proper != NONE) & (proper <= cap), proper, cap)

    remaining = np.full(n, RESPONSE_DAYS, dtype=np.int64)
    paused = np.zeros(n, dtype=np.int64)
    info_tolls = np.zeros(n, dtype=np.int64)
    extended = np.zeros(n, dtype=np.int64)
    for rows, kind, day, named in cols.steps:
        a, rem, p, tolls, ext_used = (
            anchor[rows],
            remaining[rows],
            paused[rows],
            info_tolls[rows],
            extended[rows],
        )
        due_now = days.add(a, rem)
        ask = (
            ((kind == ASK_INFO) | (kind == ASK_FEE))
            & (p == 0)
            & ~((kind == ASK_INFO) & (tolls >= 1))
            & (day <= due_now)
        )
        used = np.where(day > a, days.between(a, np.maximum(day, a)), 0)
        rem = np.where(ask, rem - used, rem)
        tolls = tolls + (ask & (kind == ASK_INFO))
        answer = ((kind == ANSWER_INFO) & (p == ASK_INFO)) | ((kind == ANSWER_FEE) & (p == ASK_FEE))
        a = np.where(answer, np.maximum(day, a), a)
        p = np.where(ask, kind, np.where(answer, 0, p))
        ext = (kind == EXTENSION) & ~((p == 0) & (day > due_now))
        allowance = EXTENSION_DAYS - ext_used
        check_named = ext & (p == 0) & (named != NONE)
        wanted = days.between(due_now, np.where(check_named, named, due_now))
        extra = np.where(check_named, np.clip(wanted, 0, allowance), allowance)
        extra = np.where(ext, extra, 0)
        anchor[rows], remaining[rows], paused[rows] = a, rem + extra, p
        info_tolls[rows], extended[rows] = tolls, ext_used + extra

    running = filed[paused[filed] == 0]
    response = _where_set(
        np.full(n, NONE, dtype=np.int64), running, days.add(anchor[running], remaining[running])
    )
    met = (cols.done != NONE) & (cols.done <= response)
    exhaustion = np.where((response != NONE) & ~met, response + 1, NONE)
    expedite = np.where(cols.expedite_receipt != NONE, cols.expedite_receipt + EXPEDITE_DAYS, NONE)
    window = np.where(cols.adverse != NONE, cols.adverse + cols.appeal_days, NONE)
    working = np.nonzero((cols.adverse != NONE) & (cols.appeal_working == 1))[0]
    window[working] = days.add(cols.adverse[working], cols.appeal_days[working])
    appealed = np.nonzero(cols.appeal_receipt != NONE)[0]
    decision = _where_set(
        np.full(n, NONE, dtype=np.int64),
        appealed,
        days.add(cols.appeal_receipt[appealed], APPEAL_DECISION_DAYS),
    )
    return {
        "response": response,
        "response_done": cols.done,
        "exhaustion": exhaustion,
        "expedite": expedite,
        "expedite_done": cols.expedite_done,
        "appeal_window": window,
        "appeal_window_done": cols.appeal_filed,
        "appeal_decision": decision,
        "appeal_decision_done": cols.appeal_done,
        "requester": cols.requester_due,
    }


def next_due(result: dict[str, np.ndarray]) -> np.ndarray:
    """Per request, the earliest due date among its open clocks (NONE if none)."""
    big = np.iinfo(np.int64).max
    best = np.full(len(result["response"]), big, dtype=np.int64)
    for key in ("response", "expedite", "appeal_window", "appeal_decision"):
        due, done = result[key], result[f"{key}_done"]
        open_ = (due != NONE) & (done == NONE)
        best = np.where(open_ & (due < best), due, best)
    req = result["requester"]
    best = np.where((req != NONE) & (req < best), req, best)
    return np.where(best == big, NONE, best)
