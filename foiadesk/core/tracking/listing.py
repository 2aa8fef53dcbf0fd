"""The request list as the window shows it: every request's columns and due dates, in memory.

Opening a log reads each request's row and events once (in chunks, so a caller can show
progress and stop) as columns, reads the clock facts and statuses from them in numpy
(``columnar``), runs the batch clock engine, and keeps the results as arrays, one row
per request. After a write only the requests it changed are read again.
Filtering and sorting are array operations, so a log of 100,000 requests stays quick.

The dates are those of ``clocks.py`` (``columnar`` and ``batch`` are checked against it); the per-request
engine, with its traces, is for the one request a user is looking at.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import queue
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from sqlite_utils import Database

from foiadesk.core.deadlines import batch, columnar
from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import APPEAL_LABELS, REPLY_LABELS, AppealRule
from foiadesk.core.deadlines.events import CLOSED_BY_AGENCY, OUTCOME_LABELS, UNREAD
from foiadesk.core.store import clock_packs, index_cache, index_read, packing, tracking_texts
from foiadesk.core.tracking.titles import list_office, office_name, shown_title
from foiadesk.core.tracking.tracker import appeal_rule

NONE = batch.NONE
CHUNK = 20_000  # requests read at a time (progress and cancel come between chunks)

# The clocks a list row can show as its next deadline, in batch.py's result keys, with the
# labels clocks.py gives them: each says what is owed ("Appeal the fee-waiver denial by").
CLOCKS = batch.DEADLINES
CLOCK_LABELS = {
    "response": "Response due",
    "expedite": "Expedite decision due",
    **{f"appeal_window:{kind}": label for kind, label in APPEAL_LABELS.items()},
    "appeal_decision": "Appeal decision due",
    **{f"reply:{ask}": label for ask, label in REPLY_LABELS.items()},
}
OWED_BY = {key: "requester" if key in batch.REQUESTER_OWES else "agency" for key in CLOCKS}
ASK_TYPES = tuple(key.split(":", 1)[1] for key in batch.REPLIES)  # index.asks' kinds
TYPES, OUTCOMES = columnar.TYPES, columnar.OUTCOMES  # the codes index_read gives types and outcomes


def deadline_label(key: str, estimate: date | None = None) -> str:
    """The words every list uses for a deadline; the response date carries the agency's
    estimated completion date beside it (552(a)(7)(B)(ii)), never instead of it."""
    if key == "response" and estimate is not None:
        return f"{CLOCK_LABELS[key]} (agency estimates {estimate})"
    return CLOCK_LABELS[key]


# What a status means for the lists: still moving, waiting on the requester, or settled.
STATUS_GROUPS = ("draft", "pending", "waiting", "appeal", "decided", "closed")
GROUP_LABELS = {
    "draft": "Draft",
    "pending": "Pending",
    "waiting": "Waiting on you",
    "appeal": "On appeal",
    "decided": "Decided",
    "closed": "Closed",
}
_DETERMINATIONS = set(OUTCOME_LABELS.values()) | {"Determination"}


def status_group(status: str) -> str:
    """The group of a ``derive_status`` string."""
    if status == "Draft":
        return "draft"
    if status in ("Filed", "Processing"):
        return "pending"
    if status == "Waiting on requester":
        return "waiting"
    if status == "Appeal pending":
        return "appeal"
    if status in ("Withdrawn", "Closed", CLOSED_BY_AGENCY):
        return "closed"
    if status in _DETERMINATIONS or status.startswith("Appeal "):
        return "decided"
    return "pending"


# Every deadline's label, as the per-request engine words it, in CLOCKS order: rows and
# agenda entries hold positions in it.
LABELS = tuple(CLOCK_LABELS[c] for c in CLOCKS)


# What the list can filter on besides case and component: the status (one status as the
# list shows it, or "open" / "finished") and the state of the next deadline.
STATUS_CHOICES = {"open": "Still open", "finished": "Finished"}
DEADLINE_STATES = ("all", "overdue", "this_week", "due_soon", "needs_me", "none")
DEADLINE_LABELS = {
    "all": "Any deadline",
    "overdue": "Overdue",
    "this_week": "Due this week",
    "due_soon": "Due soon",
    "needs_me": "Waiting on me",
    "none": "No open deadline",
}
SORT_KEYS = (
    "id", "title", "component", "case", "status", "tracking", "filed", "next", "due", "fees",
    "received", "tags", "estimate",
)  # fmt: skip

# The list's columns, in order, for the window and the list export alike: (heading, sort key).
COLUMNS = (
    ("#", "id"),
    ("Component", "component"),  # the office first: at any width a row says which agency it is for
    ("Title", "title"),
    ("Status", "status"),
    ("Days left", "due"),
    ("Next deadline · owed by", "next"),
    ("Due", "due"),
    ("Est. completion", "estimate"),  # the agency's date (552(a)(7)(B)(ii)), not a deadline
    ("Case", "case"),
    ("Tracking no.", "tracking"),
    ("Filed", "filed"),
    ("Fees", "fees"),
    ("Received", "received"),
    ("Days outstanding", "filed"),
    ("Open deadlines", "due"),
    ("Tags", "tags"),
)
HEADINGS = tuple(heading for heading, _ in COLUMNS)
OWED_WORDS = {"agency": "agency", "requester": "you"}


def week_end(today: date, weeks: int = 0) -> date:
    """The Sunday ending this week (``weeks=1``: next week's)."""
    return today + timedelta(days=6 - today.weekday() + 7 * weeks)


@dataclass(frozen=True)
class Filter:
    """Which rows of the list to show. ``status`` is a status as the list shows it, or
    "open" / "finished"; ``deadline`` one of DEADLINE_STATES; ``ids`` narrows to a text
    search's hits."""

    deadline: str = "all"
    status: str | None = None
    case_id: int | None = None
    component: str | None = None
    ids: frozenset[int] | None = None


class EventRow(NamedTuple):
    """The fields the clocks and the status read. A tuple builds five times faster than
    ``events.Event`` (a frozen dataclass), which matters over half a million events."""

    type: str
    occurred_on: date
    agency_received_on: date | None
    named_date: date | None
    outcome: str | None
    id: int


def histories(ids: np.ndarray, ev: dict[str, np.ndarray]) -> list[list[EventRow]]:
    """Each request's events (``index_read.read_events``'s columns, ordered by request,
    date and id) as the per-request engine reads them, in the order of ``ids``."""
    days: dict[int, date | None] = {NONE: None}
    for o in np.unique(np.concatenate([ev["on"], ev["received"], ev["named"]])).tolist():
        if o != NONE:
            days[o] = date.fromordinal(o)
    types = [*TYPES, None]  # a code of NONE (-1) reads the last entry
    outcomes = [*OUTCOMES, "(unknown)", None]  # UNKNOWN (-2): not one the app knows, not none
    new = tuple.__new__
    rows = zip(
        ev["type"].tolist(), ev["on"].tolist(), ev["received"].tolist(), ev["named"].tolist(),
        ev["outcome"].tolist(), ev["id"].tolist(), strict=True,
    )  # fmt: skip
    flat = [new(EventRow, (types[t], days[o], days[r], days[m], outcomes[c], i)) for t, o, r, m, c, i in rows]
    bounds = np.searchsorted(ev["request_id"], ids, side="left").tolist()
    ends = np.searchsorted(ev["request_id"], ids, side="right").tolist()
    return [flat[a:b] for a, b in zip(bounds, ends, strict=True)]


def _histories_of(ids: np.ndarray, ev: dict[str, np.ndarray]) -> list[list[EventRow]]:
    """The event lists of just the requests ``ids``, for ``batch.extract``."""
    mine = np.isin(ev["request_id"], ids)
    return histories(ids, {name: column[mine] for name, column in ev.items()})


_TEXT = ("title", "component", "component_name", "tracking", "status", "tags")


class RequestIndex:
    """One row per request: its list columns, its status and every clock's due date.

    Columns are numpy arrays (text ones of dtype object); ``clocks`` holds the arrays
    ``batch.compute`` returns. Row order is load order; ``select`` gives display orders.
    """

    def __init__(self, cal: Calendar | None, today: date | None = None):
        self.cal = cal
        self.today = today or date.today()  # a requester's window that passed before it is history
        self.cases: dict[int, str] = {}
        self._rules: dict[str, AppealRule] = {}
        self._set(_EMPTY_COLUMNS())
        self.asks = _EMPTY_ASKS()
        self._unkept: tuple[Path, dict | list[dict], int | None] | None = None
        self.version = 0  # the log's version (index_read.log_version) the list was read at

    @classmethod
    def empty(cls) -> RequestIndex:
        """A list with no requests, for before a log is read (it needs no calendar)."""
        return cls(None)

    # -- reading ----------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        db: Database,
        cal: Calendar,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        today: date | None = None,
        keep: Path | None = None,
    ) -> RequestIndex:
        """Read every request. ``on_progress(done, total)`` is called after each chunk;
        an exception raised from it stops the load (that is how a caller cancels).

        With ``keep`` (the log's path) the reads kept from the last opening are used for
        the requests unchanged since (``index_cache``), and this opening's reads are held
        for ``keep_reads`` to keep for the next."""
        with _no_collections():
            return cls._load(db, cal, on_progress, today, keep)

    @classmethod
    def _load(
        cls,
        db: Database,
        cal: Calendar,
        on_progress: Callable[[int, int], None] | None,
        today: date | None,
        keep: Path | None,
    ) -> RequestIndex:
        index = cls(cal, today)
        index._read_cases(db)
        taken = None
        if keep is not None:
            taken = index_cache.take(db, keep, READS_KEY, lambda w, p: index._reads(db, w, p))
        reads, mark, read_again = taken if taken else (None, index_read.log_version(db), None)
        ids = reads["requests"]["id"] if reads is not None else index_read.request_ids(db)
        starts = range(0, len(ids), CHUNK)
        raws: Generator[dict, None, None]
        if reads is not None:
            raws = (_chunk_of(reads, start, min(start + CHUNK, len(ids))) for start in starts)
        else:
            bounds = [(int(ids[s]), int(ids[min(s + CHUNK, len(ids)) - 1])) for s in starts]
            raws = _read_ahead(db, bounds, index._reads)
        columns = _EMPTY_COLUMNS() if not len(ids) else {}
        asks = [_EMPTY_ASKS()]
        read_parts = []
        placed = np.zeros(len(ids), dtype=bool)
        with closing(raws):
            for start, raw in zip(starts, raws, strict=True):  # each chunk into its place: no second copy
                chunk = ids[start : start + CHUNK]
                if reads is None and keep is not None:
                    read_parts.append(index_cache.compact(raw))
                part, ask = index._part(raw["requests"], raw["events"], raw["fees"])
                at = np.minimum(chunk.searchsorted(part["id"]), len(chunk) - 1)
                hit = chunk[at] == part["id"]
                if len(at) == len(chunk) and hit.all():
                    rows: slice | np.ndarray = slice(start, start + len(chunk))
                else:  # the log changed since its ids were read: caught up after the load
                    rows, part = start + at[hit], {name: values[hit] for name, values in part.items()}
                for name, values in part.items():
                    if name not in columns:
                        columns[name] = np.empty(len(ids), dtype=values.dtype)
                    columns[name] = _wide_enough(columns[name], values)
                    columns[name][rows] = values
                placed[rows] = True
                asks.append(ask)
                if on_progress:
                    on_progress(start + len(chunk), len(ids))
        if not placed.all():
            columns = {name: values[placed] for name, values in columns.items()}
        index._set(columns)
        index.asks = _concat(asks)
        index.version = mark
        if keep is not None and (reads is not None or read_parts):
            index._unkept = (keep, reads if reads is not None else read_parts, read_again)  # joined later
        return index

    def keep_reads(self, db: Database) -> None:
        """Keep what ``load(…, keep=…)`` read, for the next opening (call it once the list
        is shown: at 100,000 requests it writes ~30 MB)."""
        if self._unkept is not None:
            log, reads, read_again = self._unkept
            self._unkept = None
            if isinstance(reads, list):  # a first reading's chunks
                reads = {part: _concat([p[part] for p in reads]) for part in reads[0]}
            index_cache.save(db, log, READS_KEY, reads, self.version, read_again)

    def refresh(self, db: Database, request_ids: Iterable[int]) -> None:
        """Read again the requests a write changed; new ones are added at the end, deleted
        ones leave."""
        ids = sorted(set(request_ids))
        self._read_cases(db)
        if not ids:
            return
        part, asks = self._read(db, index_read.IDS_IN, [json.dumps(ids)])
        found = part["id"].tolist()
        places = self.rows_of(part["id"])
        known, fresh = (places != NONE).nonzero()[0], (places == NONE).nonzero()[0]
        asked = np.array(ids, dtype=np.int64)
        gone = set(asked[self.rows_of(asked) != NONE].tolist()).difference(found)
        columns = self._all_columns()
        widened = False
        if len(known):
            rows = places[known]
            for name, column in columns.items():
                columns[name] = _wide_enough(column, part[name])
                widened |= columns[name] is not column
                columns[name][rows] = part[name][known]
        kept = ~np.isin(self.asks["request_id"], asked)
        self.asks = _concat([{k: v[kept] for k, v in self.asks.items()}, asks])
        if gone:
            stay = ~np.isin(columns["id"], np.fromiter(gone, dtype=np.int64))
            columns = {k: v[stay] for k, v in columns.items()}
        if len(fresh) or gone:
            self._set(_concat([columns, {k: v[fresh] for k, v in part.items()}]))
        elif widened:  # the same rows in the same places, a column in a wider copy
            self._set(columns)
        else:  # the same rows in the same places: only what was worked out from the values goes
            self._forget()

    def _read_cases(self, db: Database) -> None:
        self.cases = index_read.case_names(db)

    def _read(
        self, db: Database, where: str, params: list
    ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """The rows, due dates and open asks of the requests ``where`` selects: one ordered
        read of each table into arrays, then the clocks on whole columns."""
        raw = self._reads(db, where, params)
        return self._part(raw["requests"], raw["events"], raw["fees"])

    @staticmethod
    def _reads(db: Database, where: str, params: list) -> dict[str, dict]:
        return {
            "requests": index_read.read_requests(db, where, params),
            "events": index_read.read_events(db, where, params, types=TYPES, outcomes=OUTCOMES, skip=UNREAD),
            "fees": index_read.read_fees(db, where, params),
        }

    def _part(
        self, req: dict, events: dict[str, np.ndarray], fees: dict | None = None
    ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """Columns for the requests ``req`` (as ``index_read`` reads them), their events
        (``index_read.read_events``' columns) and fees: the facts as ``clocks.py`` reads
        them (``columnar.read``), the dates on whole columns (``batch.compute``)."""
        assert self.cal is not None  # only an empty() index has none, and it reads nothing
        ids = req["id"]
        n = len(ids)
        events, fees = _owned(events, ids), _owned(fees, ids) if fees is not None else None
        components = _objects(req["component"])
        rules = self._rules_of(np.asarray(req["component_id"], dtype=np.int64), components)
        cols, found = columnar.read(
            events, ids, self.cal, rules, lambda rows: _histories_of(ids[rows], events)
        )
        result = batch.compute(cols, self.cal, self.today)
        next_due, next_clock = batch.next_due(result, self.today)
        statuses = columnar.statuses(events, ids)
        groups = {s: STATUS_GROUPS.index(status_group(s)) for s in set(statuses.tolist())}
        group = np.array([groups[s] for s in statuses.tolist()], dtype=np.int64)
        estimate = np.full(n, NONE, dtype=np.int64)
        paid = np.zeros(n, dtype=np.int64)
        if fees is not None:
            at = np.searchsorted(ids, fees["request_id"])
            estimate[at], paid[at] = fees["estimate"], fees["paid"]
        part = {
            "id": ids,
            "title": _shown_titles(_objects(req["title"]), components),
            "component": components,
            "component_id": np.asarray(req["component_id"], dtype=np.int64),
            "component_name": _objects(req["component_name"]),
            "case_id": req["case_id"],
            "tracking": _objects(req["tracking"]),
            "tracking_folded": _folded(req["tracking"]),
            "tags": _objects(req["tags"]),
            "status": statuses,
            "group": group,
            "filed": cols.filed,
            "received": cols.receipt,
            "next_due": next_due,
            "next_clock": next_clock,
            "fee_estimate": estimate,
            "fee_paid": paid,
        }
        part.update({f"clock:{k}": v for k, v in result.items()})
        asks = {"request_id": ids[found["row"]], "kind": found["kind"], "due": found["due"]}
        asks["event_id"] = found["event_id"]
        return part, asks

    def _rules_of(self, component_ids: np.ndarray, components: np.ndarray) -> list[AppealRule]:
        """Each request's appeal rule, looked up once per component (a log has a few
        hundred components and up to millions of requests)."""
        _, first, inverse = np.unique(component_ids, return_index=True, return_inverse=True)
        by_number = []
        for abbr in components[first].tolist():
            if abbr not in self._rules:
                self._rules[abbr] = appeal_rule(abbr)
            by_number.append(self._rules[abbr])
        return [by_number[i] for i in inverse.tolist()]

    def _all_columns(self) -> dict[str, np.ndarray]:
        return {**self.columns, **{f"clock:{k}": v for k, v in self.clocks.items()}}

    def _set(self, merged: dict[str, np.ndarray]) -> None:
        self.columns = {k: v for k, v in merged.items() if not k.startswith("clock:")}
        self.clocks = {k[6:]: v for k, v in merged.items() if k.startswith("clock:")}
        ids = self.columns["id"]  # in id order but for requests added since the read
        in_order = bool(np.all(ids[1:] > ids[:-1]))
        self._id_order = None if in_order else np.argsort(ids, kind="stable")
        self._ids_sorted = ids if in_order else ids[self._id_order]
        self._forget()

    def _forget(self) -> None:
        """Drop what was worked out from the values (orders, component list, folded text)."""
        self._memo: dict[str, Any] = {}
        self._orders: dict[tuple[str, bool], np.ndarray] = {}
        self._components: list[tuple[str, str]] | None = None

    # -- looking up ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.columns["id"])

    def row_of(self, request_id: int) -> int | None:
        ids = self._ids_sorted  # a search, not a dict: a million-key dict stalls the window to build
        at = int(ids.searchsorted(request_id))
        if at < len(ids) and ids[at] == request_id:
            return at if self._id_order is None else int(self._id_order[at])
        return None

    def rows_of(self, request_ids) -> np.ndarray:
        """The rows of ``request_ids``; NONE for a request not in the list."""
        wanted = np.asarray(request_ids, dtype=np.int64)
        ids = self._ids_sorted
        at = np.minimum(ids.searchsorted(wanted), max(len(ids) - 1, 0))
        hit = ids[at] == wanted if len(ids) else np.zeros(len(wanted), dtype=bool)
        rows = at if self._id_order is None else self._id_order[at]
        return np.where(hit, rows, NONE)

    def components(self) -> list[tuple[str, str]]:
        """(abbr, name) of every component that has a request, by abbreviation."""
        if self._components is None:  # by component number: a sort of integers, not of texts
            _, first = np.unique(self.columns["component_id"], return_index=True)
            abbrs, names = (
                self.columns["component"][first].tolist(),
                self.columns["component_name"][first].tolist(),
            )
            self._components = sorted(dict(zip(abbrs, names, strict=True)).items())
        return self._components

    def rows_with_tracking(self, text: str) -> np.ndarray:
        """Rows whose tracking numbers contain ``text``, ignoring case. The folded numbers
        are a column of the list, read with the rest and kept up to date by ``refresh``: a
        search never waits for a million of them to be folded."""
        needle = text.casefold().encode()
        if not needle:
            return np.zeros(0, dtype=np.intp)
        return np.flatnonzero(np.strings.find(self.columns["tracking_folded"], needle) >= 0)

    def case_name(self, row: int) -> str:
        return self.cases.get(int(self.columns["case_id"][row]), "")

    def next_deadline(self, row: int) -> tuple[str, date] | None:
        """(clock key, due date) of the row's next open deadline."""
        clock = int(self.columns["next_clock"][row])
        if clock == NONE:
            return None
        return CLOCKS[clock], date.fromordinal(int(self.columns["next_due"][row]))

    def next_label(self, row: int) -> str:
        """The next deadline in words: the clock's label, or the reply the requester owes."""
        clock = int(self.columns["next_clock"][row])
        return LABELS[clock] if clock != NONE else ""

    def owes_requester(self, today: date | None = None) -> np.ndarray:
        """Rows with a deadline the requester still owes: a reply or an appeal whose date
        has not passed (before ``today``, or the day the list was read)."""
        today = today or self.today
        owes = np.zeros(len(self), dtype=bool)
        for key in batch.REQUESTER_OWES:
            owes |= batch.open_due(self.clocks, key, today) != NONE
        return owes

    def label(self, row: int, key: str) -> str:
        """A deadline's label in the list, with the agency's estimated completion date
        beside the statutory response date when it gave one."""
        return deadline_label(key, self.estimate(row))

    def estimate(self, row: int) -> date | None:
        """The agency's latest estimated completion date, while the request is undecided."""
        c = self.clocks
        return None if c["estimate_done"][row] != NONE else _day(int(c["estimate"][row]))

    def estimates(self) -> np.ndarray:
        """Every row's estimated completion date (an ordinal; NONE when the agency named
        none, or once it decided the request: the estimate is then history)."""
        c = self.clocks
        return np.where(c["estimate_done"] == NONE, c["estimate"], NONE)

    # -- choosing and ordering rows -------------------------------------------------------------

    def mask(self, flt: Filter, *, today: date, soon_days: int) -> np.ndarray:
        """Which rows pass the filter."""
        cols = self.columns
        keep = np.ones(len(self), dtype=bool)
        if flt.case_id is not None:
            keep &= cols["case_id"] == flt.case_id
        if flt.component is not None:
            keep &= cols["component"] == flt.component
        if flt.ids is not None:
            keep &= np.isin(cols["id"], np.fromiter(flt.ids, dtype=np.int64, count=len(flt.ids)))
        if flt.status == "open" or flt.status == "finished":
            settled = np.isin(cols["group"], [STATUS_GROUPS.index("decided"), STATUS_GROUPS.index("closed")])
            has_due = cols["next_due"] != NONE
            keep &= (has_due | ~settled) if flt.status == "open" else (~has_due & settled)
        elif flt.status is not None:
            keep &= cols["status"] == flt.status
        if flt.deadline != "all":
            keep &= self.deadline_mask(flt.deadline, today=today, soon_days=soon_days)
        return keep

    def deadline_mask(self, state: str, *, today: date, soon_days: int = 5) -> np.ndarray:
        """Rows whose next deadline is in ``state`` (one of DEADLINE_STATES)."""
        due, t = self.columns["next_due"], today.toordinal()
        has_due = due != NONE
        if state == "overdue":
            return has_due & (due < t)
        if state == "this_week":
            return has_due & (due >= t) & (due <= week_end(today).toordinal())
        if state == "due_soon":
            return has_due & (due >= t) & (due <= t + soon_days)
        if state == "needs_me":
            return self.owes_requester(today) | (self.columns["group"] == STATUS_GROUPS.index("waiting"))
        if state == "none":
            return ~has_due
        if state == "all":
            return np.ones(len(self), dtype=bool)
        raise ValueError(f"unknown deadline state {state!r}")

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, worked out once until the values change (the views ask again and
        again; the worker can ask first, so a large list is shown without a pause)."""
        if name not in self._memo:
            self._memo[name] = make()
        return self._memo[name]

    def statuses(self) -> list[str]:
        """The statuses the log's requests have, in the order a request moves through them."""

        def found() -> list[str]:
            seen = set(self.columns["status"].tolist())
            return sorted(seen, key=lambda s: (STATUS_GROUPS.index(status_group(s)), s))

        return list(self.memo("statuses", found))

    def offices_shown(self) -> dict[str, str]:
        """Each component of the log as a list shows it ("BIA", "HUD Headquarters"), never
        a directory key."""
        return {abbr: list_office(abbr) for abbr, _name in self.components()}

    def drafts(self) -> np.ndarray:
        """The ids of the requests not yet filed (a comparison of every status: worked out
        once, by the worker first, so a million-request list shows without a pause)."""
        return self.memo("drafts", lambda: self.columns["id"][self.columns["status"] == "Draft"])

    def select(
        self,
        flt: Filter,
        *,
        sort: str = "due",
        descending: bool = False,
        today: date,
        soon_days: int = 5,
    ) -> np.ndarray:
        """Row numbers passing ``flt``, in display order (the kept order itself when
        nothing is filtered: no copy of a million rows)."""
        order = self.order(sort, descending)
        if flt == Filter():
            return order
        return order[self.mask(flt, today=today, soon_days=soon_days)[order]]

    def order(self, sort: str, descending: bool = False) -> np.ndarray:
        """Every row in ``sort`` order, ties by request id, rows without a value last.
        Kept until the data changes, so changing the filter does not sort again."""
        key = (sort, descending)
        if key not in self._orders:
            self._orders[key] = self._sorted(sort, descending)
        return self._orders[key]

    def _sorted(self, sort: str, descending: bool) -> np.ndarray:
        cols = self.columns
        if sort in ("id", "filed", "due", "fees", "received", "estimate"):
            key = {
                "id": "id",
                "filed": "filed",
                "due": "next_due",
                "fees": "fee_estimate",
                "received": "received",
            }
            values = self.estimates() if sort == "estimate" else cols[key[sort]]
            order = np.lexsort((cols["id"], -values if descending else values))
            return np.concatenate([order[values[order] != NONE], order[values[order] == NONE]])
        if sort == "case":
            text = [self.cases.get(c, "") for c in cols["case_id"].tolist()]
        elif sort == "next":
            text = [LABELS[c] if c != NONE else "" for c in cols["next_clock"].tolist()]
        elif sort == "component":  # as the list shows the office, not by its directory key
            text = list(map(list_office, cols["component"].tolist()))
        elif sort in _TEXT:
            text = cols[sort].tolist()
        else:
            raise ValueError(f"unknown sort key {sort!r}")
        keys = [s.casefold() for s in text]
        by_id = np.argsort(cols["id"], kind="stable").tolist()
        ranked = sorted(by_id, key=keys.__getitem__, reverse=descending)  # stable both ways
        return np.array([i for i in ranked if keys[i]] + [i for i in ranked if not keys[i]], dtype=np.int64)


def _EMPTY_COLUMNS() -> dict[str, np.ndarray]:  # noqa: N802 - a constant, built on demand
    """The columns of a list without requests (what ``_part`` gives for none)."""
    ints = (
        "id", "case_id", "component_id", "group", "filed", "received", "next_due", "next_clock",
        "fee_estimate", "fee_paid",
    )  # fmt: skip
    texts = ("title", "component", "component_name", "tracking", "tags", "status")
    clocks = [*(k for c in CLOCKS for k in (c, f"{c}_done")), "exhaustion", "appeal_exhaustion"]
    clocks += ["estimate", "estimate_done"]
    out = {name: np.empty(0, dtype=np.int64) for name in ints}
    out.update({name: np.empty(0, dtype=object) for name in texts})
    out["tracking_folded"] = _folded([])
    out.update({f"clock:{name}": np.empty(0, dtype=np.int64) for name in clocks})
    return out


def _EMPTY_ASKS() -> dict[str, np.ndarray]:  # noqa: N802
    """Every open, dated agency ask of the list: its request, type (a position in
    ``ASK_TYPES``), reply-by date and the event that asked."""
    return {name: np.empty(0, dtype=np.int64) for name in ("request_id", "kind", "due", "event_id")}


def _shown_titles(titles: np.ndarray, components: np.ndarray) -> np.ndarray:
    """The titles as ``shown_title`` shows them: one pass for the endings of the few
    components whose key is not their public name (DHS-PRIV); most titles have none."""
    endings = tuple(f": {key}" for key in set(components.tolist()) if office_name(key) != key)
    if endings:
        ending = list(map(str.endswith, titles.tolist(), itertools.repeat(endings)))
        for row in np.flatnonzero(ending).tolist():
            titles[row] = shown_title(titles[row], components[row])
    return titles


def _folded(texts: Iterable[str]) -> np.ndarray:
    """Texts case-folded and UTF-8 encoded, for a vectorised search that ignores case: a
    folded, encoded word is found in exactly the texts that contain it (UTF-8 never
    matches inside a character). Fixed-width bytes are searched about five times as fast
    as numpy's variable-width strings; ``_wide_enough`` keeps a longer text whole."""
    return np.array([text.casefold().encode() for text in texts], dtype="S")


def _wide_enough(column: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``column``, or a copy wide enough to hold ``values`` when both are fixed-width bytes."""
    if column.dtype.kind == "S" and values.dtype.itemsize > column.dtype.itemsize:
        return column.astype(values.dtype)
    return column


def _objects(values: Iterable) -> np.ndarray:
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _concat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def _owned(rows: dict[str, np.ndarray], ids: np.ndarray) -> dict[str, np.ndarray]:
    """``rows`` without those of requests not in ``ids``: a program that deleted a request
    with foreign keys off leaves its events behind."""
    owners = rows["request_id"]
    at = np.minimum(np.searchsorted(ids, owners), max(len(ids) - 1, 0))
    owned = ids[at] == owners if len(ids) else np.zeros(len(owners), dtype=bool)
    return rows if owned.all() else {k: v[owned] for k, v in rows.items()}


READ_AHEAD = 3  # chunks read on other threads ahead of the one being worked out


@contextmanager
def _no_collections() -> Iterator[None]:
    """Python's cycle collector paused: reading a log makes millions of objects and no
    cycles, and the collector ran over a thousand times while a million requests were
    read (0.6 s of the reading, holding every other thread, the window's too)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _read_ahead(
    db: Database, bounds: list[tuple[int, int]], read: Callable[[Database, str, list], dict]
) -> Generator[dict, None, None]:
    """``read`` of the requests with ids between each pair of ``bounds``, in order. On a
    log in a file with more than one chunk, the next chunks are read on two other
    connections and threads while the caller works out this one: SQLite reads without
    holding Python's lock, so both cores work (the reads are most of a first opening)."""
    readers = [] if len(bounds) < 2 else [r for r in (index_read.side_reader(db) for _ in range(2)) if r]
    if not readers:
        for lo, hi in bounds:
            yield read(db, "{col} BETWEEN ? AND ?", [lo, hi])
        return
    free: queue.SimpleQueue[Database] = queue.SimpleQueue()
    for reader in readers:
        free.put(reader)

    def job(lo: int, hi: int) -> dict:
        reader = free.get()
        try:
            return read(reader, "{col} BETWEEN ? AND ?", [lo, hi])
        finally:
            free.put(reader)

    pool = ThreadPoolExecutor(len(readers), thread_name_prefix="foiadesk-read")
    pending = deque(pool.submit(job, *pair) for pair in bounds[:READ_AHEAD])
    later = iter(bounds[READ_AHEAD:])
    try:
        while pending:
            raw = pending.popleft().result()
            following = next(later, None)
            if following is not None:
                pending.append(pool.submit(job, *following))
            yield raw
    finally:  # also when the caller stops early (a cancelled load): no read outlives it
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True)
        for reader in readers:
            reader.close()


def _chunk_of(reads: dict[str, dict], start: int, stop: int) -> dict[str, dict]:
    """The reads of the requests in rows ``start:stop`` (in id order), as int64 columns."""
    requests = {k: v[start:stop] for k, v in reads["requests"].items()}
    ids = requests["id"]
    out = {"requests": {k: v if v.dtype == object else v.astype(np.int64) for k, v in requests.items()}}
    for part in ("events", "fees"):
        owners = reads[part]["request_id"]
        lo, hi = np.searchsorted(owners, ids[0], "left"), np.searchsorted(owners, ids[-1], "right")
        out[part] = {k: v[lo:hi].astype(np.int64) for k, v in reads[part].items()}
    return out


# What the kept reads depend on: the SQL that made them and the codes it gives.
READS_KEY = hashlib.sha256(
    b"".join(Path(str(m.__file__)).read_bytes() for m in (index_read, clock_packs, packing, tracking_texts))
    + repr((TYPES, OUTCOMES, UNREAD)).encode()
).hexdigest()[:16]


def when_text(due: date | None, today: date) -> str:
    """'3 days overdue', 'due today', 'tomorrow', 'in 5 days'."""
    if due is None:
        return ""
    days = (due - today).days
    if days < 0:
        return f"{-days:,} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def fees_text(estimate: int, paid: int) -> str:
    """'$120.00 est. · $25.00 paid' (estimate NONE: none given)."""
    parts = [] if estimate == NONE else [f"{f'${estimate / 100:,.2f}' if estimate else '$0.00'} est."]
    if paid:
        parts.append(f"${paid / 100:,.2f} paid")
    return " · ".join(parts)


def _day(ordinal: int) -> date | None:
    return None if ordinal == NONE else date.fromordinal(ordinal)


def open_deadlines_of(
    index: RequestIndex, row: int, today: date | None = None
) -> list[tuple[date, str, str]]:
    """(due, label, owed by) of every deadline of a row still owed on ``today`` (the day
    the list was read), soonest first: each reply the requester owes on its own."""
    today = today or index.today
    found = []
    for key in CLOCKS:
        if key in batch.REPLIES:
            continue
        due = int(batch.open_due(index.clocks, key, today)[row])
        if due != NONE:
            found.append((date.fromordinal(due), CLOCK_LABELS[key], OWED_BY[key]))
    asks = index.asks
    mine = (asks["request_id"] == index.columns["id"][row]) & (asks["due"] >= today.toordinal())
    for at in np.nonzero(mine)[0].tolist():
        key = batch.REPLIES[int(asks["kind"][at])]
        found.append((date.fromordinal(int(asks["due"][at])), CLOCK_LABELS[key], "requester"))
    return sorted(found, key=lambda d: d[0])


def cell(index: RequestIndex, row: int, column: int, today: date):
    """One cell of the list as a value: text, a date, a number of days, or None."""
    cols = index.columns
    heading = HEADINGS[column]
    if heading == "#":
        return int(cols["id"][row])
    if heading == "Component":  # as the list shows it: the office as the user knows it
        return list_office(cols["component"][row])
    if heading in ("Title", "Status", "Tracking no.", "Tags"):
        key = {"Title": "title", "Status": "status", "Tracking no.": "tracking"}
        return cols[key.get(heading, "tags")][row]
    if heading == "Case":
        return index.case_name(row)
    if heading == "Est. completion":
        return index.estimate(row)
    if heading in ("Filed", "Received"):
        return _day(int(cols["filed" if heading == "Filed" else "received"][row]))
    if heading == "Fees":
        return fees_text(int(cols["fee_estimate"][row]), int(cols["fee_paid"][row]))
    if heading == "Days outstanding":
        filed, end = int(cols["filed"][row]), int(index.clocks["response_done"][row])
        return None if filed == NONE else (end if end != NONE else today.toordinal()) - filed
    if heading == "Open deadlines":
        owed = {"agency": "agency", "requester": "you"}
        found = open_deadlines_of(index, row, today)
        return "; ".join(f"{label} {due} ({owed[who]})" for due, label, who in found)
    nxt = index.next_deadline(row)
    if heading == "Days left":
        return when_text(nxt[1] if nxt else None, today)
    if heading == "Due":
        return nxt[1] if nxt else None
    # the next deadline's plain label: the agency's estimate has its own column
    return f"{CLOCK_LABELS[nxt[0]]} · {OWED_WORDS[OWED_BY[nxt[0]]]}" if nxt else ""


def read_index(db: Database, cal: Calendar | None = None, today: date | None = None) -> RequestIndex:
    """The whole list of a log (the command line's way in; the window reads it in the background)."""
    from foiadesk.core.deadlines.calendar import calendar

    return RequestIndex.load(db, cal or calendar(), today=today)


def estimate_text(estimate: date | None, today: date) -> str:
    """The agency's estimated completion date as the lists show it, marked once it has
    passed (the request is still undecided: time for a status inquiry)."""
    if estimate is None:
        return ""
    return f"{estimate} (passed)" if estimate < today else estimate.isoformat()


def request_lines(index: RequestIndex, today: date) -> Iterator[str]:
    """The list as ``foiadesk requests`` prints it: one line per request, by id."""
    cols = index.columns
    t = today.toordinal()
    # One text per distinct (next clock, day): a few thousand, where requests number millions.
    keys, which = np.unique(cols["next_clock"] * (1 << 32) + cols["next_due"] + 1, return_inverse=True)
    texts = []
    for key in keys.tolist():
        clock, due = key >> 32, (key & 0xFFFFFFFF) - 1
        if due == NONE:
            texts.append("—")
            continue
        state = "overdue" if t > due else "open"
        texts.append(f"{LABELS[clock]} {date.fromordinal(due)} ({OWED_BY[CLOCKS[clock]]}, {state})")
    due_words = _objects(texts)[which.reshape(-1)]
    order = np.argsort(cols["id"], kind="stable")
    rows = zip(
        cols["id"][order].tolist(), cols["component"][order].tolist(), cols["status"][order].tolist(),
        cols["tracking"][order].tolist(), due_words[order].tolist(), index.estimates()[order].tolist(),
        cols["title"][order].tolist(),
        strict=True,
    )  # fmt: skip
    offices = index.offices_shown()
    for rid, component, status, number, text, estimate, title in rows:
        if estimate != NONE:  # few requests carry one: worded per row
            said = f"agency estimates completion {estimate_text(_day(estimate), today)}"
            text = said if text == "—" else f"{text}; {said}"
        yield f"#{rid:<5} {offices[component]:<9} {status:<22} {number or '—':<18} {text}  {title}"


def search_ids(db: Database, index: RequestIndex, text: str) -> frozenset[int]:
    """Requests matching ``text``: the full-text search of the log (titles, descriptions,
    events, notes) plus tracking numbers that contain it; ``#12`` means request 12 only."""
    from foiadesk.core.store.log import search

    text = text.strip()
    if text.startswith("#") and text[1:].isdigit():
        return frozenset({int(text[1:])} if index.row_of(int(text[1:])) is not None else ())
    found = set(search(db, text, limit=max(len(index), 1)))
    found.update(index.columns["id"][index.rows_with_tracking(text)].tolist())
    return frozenset(found)
