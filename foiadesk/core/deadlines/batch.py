"""Every clock of many requests at once, in numpy.

The rules are those of ``clocks.py`` (a test replays thousands of histories through
both and requires the same dates); this module drops the traces so that a log of a
hundred thousand requests gets its due dates in a few hundredths of a second, for
the list view, the agenda and exports. Dates are day ordinals; ``NONE`` means no date.

Two steps: ``extract`` reads each request's facts once into columns (``facts.py``, the
same reading ``clocks.py`` uses), ``compute`` does the arithmetic on whole columns. The
request index reads the same columns straight from the event table with ``columnar.read``
(tests hold it to ``extract``), so no per-event object is built on the way to the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import (
    APPEAL_DECISION_DAYS,
    EXPEDITE_DAYS,
    EXTENSION_DAYS,
    RESPONSE_DAYS,
    ROUTING_DAYS,
    AppealRule,
)
from foiadesk.core.deadlines.events import ASKS, Event
from foiadesk.core.deadlines.facts import (
    ANSWER_FEE,
    ANSWER_INFO,
    ASK_FEE,
    ASK_INFO,
    EXTENSION,
    WINDOW_KINDS,
    read_events,
)

NONE = -1
INFO, FEE = 1, 2  # bits of the asks a paused clock waits on
WINDOWS = tuple(f"appeal_window:{kind}" for kind in WINDOW_KINDS)  # as clocks.py keys them
REPLIES = tuple(f"reply:{ask}" for ask in ASKS)  # the earliest open reply-by of each kind of ask


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
    agreed: np.ndarray  # the response date agreed as an alternative time frame (552(a)(6)(B)(ii))
    expedite_receipt: np.ndarray
    expedite_dated: np.ndarray  # the date of the expedite request (its letter's date)
    expedite_floor: np.ndarray  # AppealRule.expedite_floor: 0, or working days after receipt
    expedite_done: np.ndarray
    appeal_days: np.ndarray
    appeal_working: np.ndarray
    appeal_receipt: np.ndarray
    appeal_done: np.ndarray
    estimate: np.ndarray  # the latest estimated completion date the agency gave
    windows: dict[str, tuple[np.ndarray, np.ndarray]]  # key -> (decision day, appealed or moot day)
    replies: dict[str, np.ndarray]  # key -> each request's open reply-by dates of that kind (NONE-padded)
    appeal_steps: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # appeal extensions

    def __len__(self) -> int:
        return len(self.filed)


def _o(day) -> int:
    return day.toordinal() if day is not None else NONE


def _when(ev) -> int:
    return ev.occurred_on.toordinal() if ev is not None else NONE


def _by_position(
    steps: list[tuple[tuple[int, int, int], ...]],
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """The j-th step of every request that has one, for each j, as (rows, kind, day, named)."""
    out = []
    for j in range(max((len(s) for s in steps), default=0)):
        at = [(i, *row[j]) for i, row in enumerate(steps) if len(row) > j]
        where, kind, day, named = (np.asarray(col, dtype=np.int64) for col in zip(*at, strict=True))
        out.append((where, kind, day, named))
    return out


def _scattered(n: int, found: list[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(start, done) columns of one kind of window, NONE on rows without one."""
    start, done = np.full(n, NONE, dtype=np.int64), np.full(n, NONE, dtype=np.int64)
    if found:
        rows, first, last = np.asarray(found, dtype=np.int64).T
        start[rows], done[rows] = first, last
    return start, done


def _padded(n: int, found: list[tuple[int, int]]) -> np.ndarray:
    """One row per request, its values (here: open reply-by dates) in columns, NONE where
    it has fewer."""
    if not found:
        return np.full((n, 0), NONE, dtype=np.int64)
    rows, values = np.asarray(found, dtype=np.int64).T
    position = np.zeros(len(rows), dtype=np.int64)
    for k in range(1, len(rows)):  # rows come in order: count each row's values
        position[k] = position[k - 1] + 1 if rows[k] == rows[k - 1] else 0
    out = np.full((n, int(position.max()) + 1), NONE, dtype=np.int64)
    out[rows, position] = values
    return out


_SCALARS = (
    "filed receipt routed proper done agreed expedite_receipt expedite_dated expedite_floor expedite_done "
    "appeal_days appeal_working "
    "appeal_receipt appeal_done estimate"
).split()


def extract(
    histories: list[list[Event]],
    cal: Calendar,
    rules: list[AppealRule],
    asks: list[tuple[int, int, int, int]] | None = None,
) -> Columns:
    """Read each request's facts (``facts.read_events``, as ``clocks.py`` does) into columns.
    ``asks``, if given, gets every unanswered dated ask: (row, position in REPLIES, reply-by
    date, the asking event's id)."""
    n = len(histories)
    rows = {name: [NONE] * n for name in _SCALARS}
    windows: dict[str, list[tuple[int, int, int]]] = {key: [] for key in WINDOWS}  # (row, start, done)
    replies: dict[str, list[tuple[int, int]]] = {key: [] for key in REPLIES}  # (row, reply-by)
    steps: list[tuple[tuple[int, int, int], ...]] = []
    appeal_steps: list[tuple[tuple[int, int, int], ...]] = []
    for i, events in enumerate(histories):
        f = read_events(events, cal)
        rows["appeal_days"][i] = rules[i].days
        rows["appeal_working"][i] = rules[i].unit == "working"
        rows["filed"][i] = _when(f.filed)
        rows["receipt"][i] = _o(f.receipt.day) if f.receipt else NONE
        rows["routed"][i] = int(bool(f.routings))
        rows["proper"][i] = _o(f.proper.day) if f.proper else NONE
        rows["done"][i] = _when(f.response_done)
        rows["agreed"][i] = _o(f.agreed.named_date) if f.agreed else NONE
        rows["expedite_receipt"][i] = _o(f.expedite_receipt.day) if f.expedite_receipt else NONE
        rows["expedite_dated"][i] = _when(f.expedite)
        rows["expedite_floor"][i] = rules[i].expedite_floor
        rows["expedite_done"][i] = _when(f.expedite_done)
        rows["appeal_receipt"][i] = _o(f.appeal_receipt.day) if f.appeal_receipt else NONE
        rows["appeal_done"][i] = _when(f.appeal_done)
        rows["estimate"][i] = _o(f.estimates[-1].named_date) if f.estimates else NONE
        for w in f.windows:
            windows[f"appeal_window:{w.kind}"].append((i, _when(w.decision), _when(w.appealed or w.moot)))
        for ask, answered in f.asks:
            if ask.named_date and answered is None:
                replies[f"reply:{ask.type}"].append((i, _o(ask.named_date)))
                if asks is not None:
                    asks.append((i, REPLIES.index(f"reply:{ask.type}"), _o(ask.named_date), ask.id))
        steps.append(tuple((s.kind, _o(s.day), _o(s.named)) for s in f.steps))
        appeal_steps.append(tuple((s.kind, _o(s.day), _o(s.named)) for s in f.appeal_steps))
    arrays = {k: np.asarray(v, dtype=np.int64) for k, v in rows.items()}
    return Columns(
        steps=_by_position(steps),
        windows={k: _scattered(n, v) for k, v in windows.items()},
        replies={k: _padded(n, v) for k, v in replies.items()},
        appeal_steps=_by_position(appeal_steps),
        **arrays,
    )


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


class _ResponseState:
    """The response clock of every request, moved one step column at a time; each step
    touches only the rows it concerns. Mirrors ``clocks._Response``."""

    def __init__(self, n: int, anchor: np.ndarray, days: _Days):
        self.days = days
        self.anchor = anchor
        self.remaining = np.full(n, RESPONSE_DAYS, dtype=np.int64)
        self.pending = np.zeros(n, dtype=np.int64)  # bits: INFO, FEE asks awaiting an answer
        self.info_tolls = np.zeros(n, dtype=np.int64)
        self.extended = np.zeros(n, dtype=np.int64)
        self.held = np.zeros(n, dtype=bool)  # an extension notice that came while paused
        self.held_named = np.full(n, NONE, dtype=np.int64)
        self.held_ref = np.full(n, NONE, dtype=np.int64)  # the due date had it restarted on the notice's day

    def ask(self, rows, info, day) -> None:
        if not len(rows):
            return
        a, rem, pend = self.anchor[rows], self.remaining[rows], self.pending[rows]
        allowed = ~(info & (self.info_tolls[rows] >= 1))
        starts = allowed & (pend == 0) & (day <= self.days.add(a, rem))
        used = np.where(day > a, self.days.between(a, np.maximum(day, a)), 0)
        self.remaining[rows] = np.where(starts, rem - used, rem)
        accepted = starts | (allowed & (pend != 0))
        self.pending[rows] = np.where(accepted, pend | np.where(info, INFO, FEE), pend)
        self.info_tolls[rows] += accepted & info

    def answer(self, rows, info, day) -> None:
        if not len(rows):
            return
        bit = np.where(info, INFO, FEE)
        pend = self.pending[rows]
        answered = (pend & bit) != 0
        pend = np.where(answered, pend & ~bit, pend)
        self.pending[rows] = pend
        resumed = answered & (pend == 0)
        self.anchor[rows] = np.where(resumed, np.maximum(day, self.anchor[rows]), self.anchor[rows])
        late = rows[resumed & self.held[rows]]
        if len(late):
            self.held[late] = False
            self._extend(late, self.held_ref[late], self.held_named[late])

    def extension(self, rows, day, named) -> None:
        if not len(rows):
            return
        paused = self.pending[rows] != 0
        held = rows[paused]
        self.held[held] = True
        self.held_named[held] = named[paused]
        self.held_ref[held] = self.days.add(day[paused], self.remaining[held])
        running, day, named = rows[~paused], day[~paused], named[~paused]
        due = self.days.add(self.anchor[running], self.remaining[running])
        timely = day <= due
        self._extend(running[timely], due[timely], named[timely])

    def _extend(self, rows, due, named) -> None:
        allowance = EXTENSION_DAYS - self.extended[rows]
        wanted = self.days.between(due, np.where(named != NONE, named, due))
        extra = np.where(named != NONE, np.clip(wanted, 0, allowance), allowance)
        self.extended[rows] += extra
        self.remaining[rows] += extra


def compute(cols: Columns, cal: Calendar, today: date | None = None) -> dict[str, np.ndarray]:
    """Due dates (ordinals, NONE when there is none) of every clock of every request. Of the
    replies a request owes, each kind's earliest open date (on or after ``today``, if given:
    a reply-by date that has passed is history, and a later one may still be owed).

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

    state = _ResponseState(n, anchor, days)
    for rows, kind, day, named in cols.steps:
        asks = (kind == ASK_INFO) | (kind == ASK_FEE)
        answers = (kind == ANSWER_INFO) | (kind == ANSWER_FEE)
        extensions = kind == EXTENSION
        state.ask(rows[asks], kind[asks] == ASK_INFO, day[asks])
        state.answer(rows[answers], kind[answers] == ANSWER_INFO, day[answers])
        state.extension(rows[extensions], day[extensions], named[extensions])
    anchor, remaining, pending = state.anchor, state.remaining, state.pending

    running = filed[pending[filed] == 0]
    response = _where_set(
        np.full(n, NONE, dtype=np.int64), running, days.add(anchor[running], remaining[running])
    )
    # An alternative time frame agreed under 552(a)(6)(B)(ii) gives more time, never less.
    agreed = (response != NONE) & (cols.agreed > response)
    response = np.where(agreed, cols.agreed, response)
    met = (cols.done != NONE) & (cols.done <= response)
    exhaustion = np.where((response != NONE) & ~met, response + 1, NONE)
    expedite = np.where(cols.expedite_receipt != NONE, cols.expedite_receipt + EXPEDITE_DAYS, NONE)
    # Rules that count from the date of the request, with a floor of working days (the IRS).
    floored = np.flatnonzero((cols.expedite_receipt != NONE) & (cols.expedite_floor > 0))
    if len(floored):
        least = days.add(cols.expedite_receipt[floored], cols.expedite_floor[floored])
        expedite[floored] = np.maximum(cols.expedite_dated[floored] + EXPEDITE_DAYS, least)

    # The appeal decision, extended as the response is; kept only for the appealed requests.
    appealed = np.nonzero(cols.appeal_receipt != NONE)[0]
    appeal = _ResponseState(len(appealed), cols.appeal_receipt[appealed], days)
    appeal.remaining[:] = APPEAL_DECISION_DAYS
    at = np.full(n, NONE, dtype=np.int64)
    at[appealed] = np.arange(len(appealed))
    for rows, _kind, day, named in cols.appeal_steps:
        appeal.extension(at[rows], day, named)
    decision = _where_set(
        np.full(n, NONE, dtype=np.int64), appealed, days.add(appeal.anchor, appeal.remaining)
    )
    decided = (cols.appeal_done != NONE) & (cols.appeal_done <= decision)
    appeal_exhaustion = np.where((decision != NONE) & ~decided, decision + 1, NONE)

    out = {
        "response": response,
        "response_done": cols.done,
        "exhaustion": exhaustion,
        "expedite": expedite,
        "expedite_done": cols.expedite_done,
        "appeal_decision": decision,
        "appeal_decision_done": cols.appeal_done,
        "appeal_exhaustion": appeal_exhaustion,
        "estimate": cols.estimate,
        "estimate_done": cols.done,
    }
    block = np.full((len(cols.windows), n), NONE, dtype=np.int64)  # one allocation for all
    for window, (key, (adverse, done)) in zip(block, cols.windows.items(), strict=True):
        rows = np.nonzero(adverse != NONE)[0]  # only the requests with such a decision
        working = cols.appeal_working[rows] == 1
        by_day, by_work = rows[~working], rows[working]
        window[by_day] = adverse[by_day] + cols.appeal_days[by_day]
        window[by_work] = days.add(adverse[by_work], cols.appeal_days[by_work])
        out[key] = window
        out[f"{key}_done"] = done
    big = np.iinfo(np.int64).max
    never = np.broadcast_to(np.int64(NONE), (n,))  # one read-only column of NONE, shared
    for key, dues in cols.replies.items():
        out[f"{key}_done"] = never  # answered asks are left out
        if dues.shape[1] == 0:
            out[key] = never
            continue
        owed = dues != NONE
        if today is not None:
            owed &= dues >= today.toordinal()
        if dues.shape[1] == 1:  # the usual case: at most one ask of a kind
            out[key] = np.where(owed[:, 0], dues[:, 0], NONE)
            continue
        earliest = np.where(owed, dues, big).min(axis=1)
        out[key] = np.where(earliest == big, NONE, earliest)
    return out


DEADLINES = ("response", "expedite", *WINDOWS, "appeal_decision", *REPLIES)
REQUESTER_OWES = frozenset((*WINDOWS, *REPLIES))


def open_due(result: dict[str, np.ndarray], key: str, today: date | None = None) -> np.ndarray:
    """Due dates of ``key`` where that deadline is still owed (NONE elsewhere): not done,
    and, on ``today``, not a requester's window that passed unused (that is history)."""
    due = result[key]
    owed = (due != NONE) & (result[f"{key}_done"] == NONE)
    if today is not None and key in REQUESTER_OWES:
        owed &= due >= today.toordinal()
    return np.where(owed, due, NONE)


def next_due(result: dict[str, np.ndarray], today: date | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per request, the earliest still-owed due date (NONE if none) and the index in
    ``DEADLINES`` of its clock (NONE if none)."""
    big = np.iinfo(np.int64).max
    dues = []
    for key in DEADLINES:
        due = open_due(result, key, today)
        dues.append(np.where(due != NONE, due, big))
    stacked = np.vstack(dues)
    which = stacked.argmin(axis=0)
    best = stacked[which, np.arange(stacked.shape[1])]
    none = best == big
    return np.where(none, NONE, best).astype(np.int64), np.where(none, NONE, which).astype(np.int64)
