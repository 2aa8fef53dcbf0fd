"""What the events of many requests say about their clocks and status, read on whole
columns: the facts ``facts.read_events`` finds one request at a time, and the status
``events.derive_status`` folds, for every request at once.

The input is the log's live events as int64 columns, ordered by request, date and id
(``index_read.read_events``): no Python object per event, so a million requests read in
seconds. ``batch.compute`` then does the arithmetic. A test replays thousands of
generated histories through this path and through ``clocks.py`` and requires the same
dates and statuses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.events import ASKS, EVENT_TYPES, OUTCOME_LABELS
from foiadesk.core.deadlines.facts import (
    ADVERSE_DECISIONS,
    ANSWER_FEE,
    ANSWER_INFO,
    ENDS_APPEAL,
    ENDS_EXPEDITE,
    ENDS_RESPONSE,
    STEP_KINDS,
)

NONE = batch.NONE
TYPES = tuple(EVENT_TYPES)
OUTCOMES = tuple(OUTCOME_LABELS)
ASK_TYPES = tuple(ASKS)
ADVERSE_TYPES = tuple(ADVERSE_DECISIONS)
_PROCESSING = (
    "received",
    "acknowledged",
    "routed",
    "extension_notice",
    "interim_release",
    "status_inquiry",
    "payment",
    "fee_decision",
    "expedite_decided",
)
_SETS_STATUS = (
    "filed",
    "determination",
    "appeal_filed",
    "appeal_received",
    "appeal_decided",
    "withdrawn",
    "closed",
)


@dataclass
class Events:
    """The events of ``n`` requests: ``row`` is each event's request (0..n-1)."""

    n: int
    row: np.ndarray
    type: np.ndarray
    on: np.ndarray
    received: np.ndarray
    named: np.ndarray
    outcome: np.ndarray
    id: np.ndarray

    def is_(self, *names: str) -> np.ndarray:
        table = np.zeros(len(TYPES) + 1, dtype=bool)  # the last entry is for NONE (-1)
        table[[TYPES.index(name) for name in names]] = True
        return table[self.type]

    def first(self, mask: np.ndarray) -> np.ndarray:
        """Per request, the position of its first event in ``mask`` (NONE if none)."""
        return self._pick(mask, last=False)

    def last(self, mask: np.ndarray) -> np.ndarray:
        return self._pick(mask, last=True)

    def _pick(self, mask: np.ndarray, *, last: bool) -> np.ndarray:
        at = np.nonzero(mask)[0]
        rows = self.row[at]
        edge = np.ones(len(at), dtype=bool)
        if last:
            edge[:-1] = rows[1:] != rows[:-1]
        else:
            edge[1:] = rows[1:] != rows[:-1]
        out = np.full(self.n, NONE, dtype=np.int64)
        out[rows[edge]] = at[edge]
        return out

    def per_event(self, values: np.ndarray) -> np.ndarray:
        """A per-request array, read at each event's request."""
        return values[self.row]


def _take(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """``values[at]``, NONE where ``at`` is NONE."""
    return np.where(at != NONE, values[np.maximum(at, 0)], NONE) if len(values) else np.full(len(at), NONE)


def _or(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.where(a != NONE, a, b)


class _WorkingDays:
    def __init__(self, cal: Calendar):
        base, cum, working = cal.arrays
        self.base = base
        self.cum = cum.astype(np.int64)
        self.working = working.astype(np.int64) + base
        self.is_working = np.diff(self.cum, prepend=0) == 1

    def on_or_next(self, day: np.ndarray) -> np.ndarray:
        """Deemed receipt: the day itself if a working day, else the next one."""
        out = day.copy()
        set_ = day != NONE
        i = day[set_] - self.base
        out[set_] = np.where(self.is_working[i], day[set_], self.working[self.cum[i]])
        return out


@dataclass
class Read:
    """The facts as ``batch.compute`` takes them, plus what the list shows besides dates."""

    columns: batch.Columns
    status: np.ndarray  # positions in STATUS_WORDS (``derive_status``'s words)
    asks: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # open dated asks: row, type, due, event id
    adverse_type: np.ndarray  # the adverse decision's type, a position in ADVERSE_TYPES (NONE if none)


def read_columns(ev: Events, cal: Calendar, appeal_days: np.ndarray, appeal_working: np.ndarray) -> Read:
    """Every request's clock facts, as ``facts.read_events`` decides them."""
    n, days = ev.n, _WorkingDays(cal)
    pos = np.arange(len(ev.row), dtype=np.int64)

    filed_i = ev.first(ev.is_("filed"))
    has_filed = filed_i != NONE
    filed = _take(ev.on, filed_i)
    received_i, ack_i = ev.first(ev.is_("received")), ev.first(ev.is_("acknowledged"))
    said = _or(_take(ev.received, received_i), _take(ev.on, received_i))
    said = np.where(received_i != NONE, said, _or(_take(ev.received, filed_i), _take(ev.received, ack_i)))
    said = _or(said, filed)
    receipt = days.on_or_next(np.where(has_filed, said, NONE))

    routed_i = np.where(has_filed, ev.first(ev.is_("routed")), NONE)
    routed_on = _take(ev.on, routed_i)
    later_ack = ev.first(
        ev.is_("acknowledged")
        & (ev.received != NONE)
        & (ev.received >= ev.per_event(routed_on))
        & (ev.per_event(routed_i) != NONE)
    )
    proper = _or(_take(ev.received, routed_i), _take(ev.received, later_ack))
    proper = days.on_or_next(np.where(routed_i != NONE, proper, NONE))

    after_filing = ev.per_event(has_filed) & (ev.on >= ev.per_event(filed)) & (pos != ev.per_event(filed_i))
    done_i = ev.first(after_filing & ev.is_(*ENDS_RESPONSE))
    before_end = (ev.per_event(done_i) == NONE) | (pos < ev.per_event(done_i))
    kinds = np.full(len(TYPES) + 1, 0, dtype=np.int64)
    for name, kind in STEP_KINDS.items():
        kinds[TYPES.index(name)] = kind
    kind = kinds[ev.type]  # NONE (-1) indexes the last entry, 0
    step_at = np.nonzero(after_filing & before_end & (kind != 0))[0]
    steps = _steps(ev, step_at, kind[step_at], days)

    exp_i = ev.first(ev.is_("expedite_requested"))
    exp_on = _take(ev.on, exp_i)
    expedite_receipt = days.on_or_next(_or(_take(ev.received, exp_i), exp_on))
    expedite_done = _take(
        ev.on,
        ev.first(ev.is_(*ENDS_EXPEDITE) & (ev.on >= ev.per_event(exp_on)) & (ev.per_event(exp_i) != NONE)),
    )

    adverse_mask = np.zeros(len(pos), dtype=bool)
    for type_, outcomes in ADVERSE_DECISIONS.items():
        codes = [OUTCOMES.index(o) for o in outcomes]
        adverse_mask |= ev.is_(type_) & np.isin(ev.outcome, codes)
    adverse_i = ev.last(adverse_mask)
    adverse = _take(ev.on, adverse_i)
    type_to_adverse = np.full(len(TYPES) + 1, NONE, dtype=np.int64)
    type_to_adverse[[TYPES.index(t) for t in ADVERSE_TYPES]] = np.arange(len(ADVERSE_TYPES))
    adverse_type = type_to_adverse[_take(ev.type, adverse_i)]
    appeal_after = _take(
        ev.on, ev.first(ev.is_("appeal_filed") & (adverse[ev.row] != NONE) & (ev.on >= ev.per_event(adverse)))
    )

    appeal_i = ev.last(ev.is_("appeal_filed"))
    appeal_on = _take(ev.on, appeal_i)
    appealed = ev.per_event(appeal_i) != NONE
    office = ev.first(
        ev.is_("appeal_received") & (ev.received != NONE) & appealed & (ev.on >= ev.per_event(appeal_on))
    )
    appeal_receipt = days.on_or_next(
        _or(_take(ev.received, office), _or(_take(ev.received, appeal_i), appeal_on))
    )
    appeal_done = _take(ev.on, ev.first(ev.is_(*ENDS_APPEAL) & appealed & (ev.on >= ev.per_event(appeal_on))))

    asks = _open_asks(ev, pos)
    requester_due = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(requester_due, asks[0], asks[2])
    requester_due[requester_due == np.iinfo(np.int64).max] = NONE

    columns = batch.Columns(
        filed=filed,
        receipt=receipt,
        routed=(routed_i != NONE).astype(np.int64),
        proper=proper,
        steps=steps,
        done=_take(ev.on, done_i),
        expedite_receipt=expedite_receipt,
        expedite_done=expedite_done,
        adverse=adverse,
        appeal_days=appeal_days.astype(np.int64),
        appeal_working=appeal_working.astype(np.int64),
        appeal_filed=appeal_after,
        appeal_receipt=appeal_receipt,
        appeal_done=appeal_done,
        requester_due=requester_due,
    )
    return Read(columns, statuses(ev), asks, adverse_type)


def _steps(ev: Events, at: np.ndarray, kind: np.ndarray, days: _WorkingDays) -> list:
    """The response clock's events by position: the j-th of every request that has one."""
    answer = (kind == ANSWER_INFO) | (kind == ANSWER_FEE)
    day = np.where(answer, days.on_or_next(_or(ev.received[at], ev.on[at])), ev.on[at])
    named = np.where(answer, NONE, ev.named[at])
    rows = ev.row[at]
    starts = np.ones(len(at), dtype=bool)
    starts[1:] = rows[1:] != rows[:-1]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(at)), 0)) if len(at) else at
    position = np.arange(len(at)) - first
    out = []
    for j in range(int(position.max()) + 1 if len(at) else 0):
        sel = position == j
        out.append((rows[sel], kind[sel], day[sel], named[sel]))
    return out


def _open_asks(ev: Events, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each agency ask with a reply-by date that nothing later answered or overtook."""
    is_ask = ev.is_(*ASK_TYPES)
    open_ = np.zeros(len(pos), dtype=bool)
    for ask, answer in ASKS.items():
        last_answer = ev.last(ev.is_(answer, *ENDS_RESPONSE))
        mine = ev.is_(ask)
        open_ |= mine & (ev.per_event(last_answer) < pos)
    at = np.nonzero(is_ask & open_ & (ev.named != NONE))[0]
    kinds = np.array([ASK_TYPES.index(TYPES[t]) for t in ev.type[at].tolist()], dtype=np.int64)
    return ev.row[at], kinds, ev.named[at], ev.id[at]


# -- the status -------------------------------------------------------------------------------------

_FIXED = ("Draft", "Filed", "Processing", "Waiting on requester", "Appeal pending", "Withdrawn", "Closed")
_DETERMINED = tuple(OUTCOME_LABELS.get(o or "", "Determination") for o in (*OUTCOMES, None))
_APPEALED = tuple(f"Appeal {OUTCOME_LABELS.get(o or '', 'decided').lower()}" for o in (*OUTCOMES, None))
STATUS_WORDS = np.array([*_FIXED, *_DETERMINED, *_APPEALED], dtype=object)


def statuses(ev: Events) -> np.ndarray:
    """Every request's status as ``derive_status`` folds it, as a position in STATUS_WORDS."""
    setter = ev.last(ev.is_(*_SETS_STATUS))
    kind = _take(ev.type, setter)
    outcome = _take(ev.outcome, setter)
    outcome = np.where(outcome == NONE, len(OUTCOMES), outcome)  # the "no outcome" entry
    code = np.zeros(ev.n, dtype=np.int64)  # Draft
    code[kind == TYPES.index("filed")] = 1
    processing = ev.last(ev.is_(*_PROCESSING)) > setter
    unset = (kind == NONE) | (kind == TYPES.index("filed"))
    code[unset & processing] = 2
    determined = kind == TYPES.index("determination")
    code[determined] = len(_FIXED) + outcome[determined]
    code[(kind == TYPES.index("appeal_filed")) | (kind == TYPES.index("appeal_received"))] = 4
    decided = kind == TYPES.index("appeal_decided")
    code[decided] = len(_FIXED) + len(_DETERMINED) + outcome[decided]
    code[kind == TYPES.index("withdrawn")] = 5
    code[kind == TYPES.index("closed")] = 6
    last_determination = ev.last(ev.is_("determination"))
    waiting = np.zeros(ev.n, dtype=bool)
    for ask, answer in ASKS.items():
        waiting |= ev.last(ev.is_(ask)) > np.maximum(ev.last(ev.is_(answer)), last_determination)
    code[((code == 1) | (code == 2)) & waiting] = 3
    return code
