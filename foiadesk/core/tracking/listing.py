"""The request list as the window shows it: every request's columns and due dates, in memory.

Opening a log reads each request's row and events once (in chunks, so a caller can show
progress and stop), runs the batch clock engine over them, and keeps the results as
arrays, one row per request. After a write only the requests it changed are read again.
Filtering and sorting are array operations, so a log of 100,000 requests stays quick.

The dates are those of ``clocks.py`` (``batch.py`` is checked against it); the per-request
engine, with its traces, is for the one request a user is looking at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
from sqlite_utils import Database

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import APPEAL_LABELS, REPLY_LABELS, AppealRule
from foiadesk.core.deadlines.events import OUTCOME_LABELS, derive_status
from foiadesk.core.store.fees import fee_totals
from foiadesk.core.tracking.tracker import appeal_rule

NONE = batch.NONE
CHUNK = 5000

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
    if status in ("Withdrawn", "Closed"):
        return "closed"
    if status in _DETERMINATIONS or status.startswith("Appeal "):
        return "decided"
    return "pending"


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
SORT_KEYS = ("id", "title", "component", "case", "status", "tracking", "filed", "next", "due", "fees")


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


class _EventRow(NamedTuple):
    """The fields the clocks and the status read. A tuple builds five times faster than
    ``events.Event`` (a frozen dataclass), which matters over half a million events."""

    type: str
    occurred_on: date
    agency_received_on: date | None
    named_date: date | None
    outcome: str | None
    id: int


class _Dates(dict):
    """ISO text → date, each parsed once (a log has far fewer dates than events)."""

    def __missing__(self, text: str | None) -> date | None:
        value = self[text] = date.fromisoformat(text) if text else None
        return value


_REQUEST_SQL = """
    SELECT r.id, r.title, c.abbr, c.name, r.case_id,
           (SELECT group_concat(number, ', ') FROM (
               SELECT t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
                WHERE t.request_id = r.id AND e.voided_at IS NULL AND t.kind != 'confirmation'
                  AND e.type != 'filed' ORDER BY t.id))
      FROM requests r JOIN components c ON c.id = r.component_id
     WHERE {where} ORDER BY r.id"""
_EVENT_SQL = """
    SELECT request_id, type, occurred_on, agency_received_on, named_date, outcome, id
      FROM events WHERE voided_at IS NULL AND {where}
     ORDER BY request_id, occurred_on, id"""

_TEXT = ("title", "component", "component_name", "tracking", "status")


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
        self._set(self._part([], {}) if cal is not None else _EMPTY_COLUMNS())

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
    ) -> RequestIndex:
        """Read every request. ``on_progress(done, total)`` is called after each chunk;
        an exception raised from it stops the load (that is how a caller cancels)."""
        index = cls(cal, today)
        index._read_cases(db)
        ids = [row[0] for row in db.execute("SELECT id FROM requests ORDER BY id")]
        parts = [index._part([], {})]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            parts.append(index._read(db, "{col} BETWEEN ? AND ?", [chunk[0], chunk[-1]]))
            if on_progress:
                on_progress(start + len(chunk), len(ids))
        index._set(_concat(parts))
        return index

    def refresh(self, db: Database, request_ids: Iterable[int]) -> None:
        """Read again the requests a write changed; new ones are added at the end."""
        ids = sorted(set(request_ids))
        self._read_cases(db)
        if not ids:
            return
        part = self._read(db, f"{{col}} IN ({', '.join('?' * len(ids))})", ids)
        found = part["id"].tolist()
        known = [i for i, rid in enumerate(found) if rid in self._row]
        fresh = [i for i, rid in enumerate(found) if rid not in self._row]
        columns = self._all_columns()
        if known:
            rows = np.array([self._row[found[i]] for i in known], dtype=np.int64)
            for name, column in columns.items():
                column[rows] = part[name][known]
        if fresh:
            columns = _concat([columns, {k: v[fresh] for k, v in part.items()}])
        self._set(columns)

    def _read_cases(self, db: Database) -> None:
        self.cases = dict(db.execute("SELECT id, name FROM cases ORDER BY name").fetchall())

    def _read(self, db: Database, where: str, params: list) -> dict[str, np.ndarray]:
        """The rows and due dates of the requests ``where`` selects."""
        rows = db.execute(_REQUEST_SQL.format(where=where.format(col="r.id")), params).fetchall()
        day = _Dates().__getitem__
        histories: dict[int, list[_EventRow]] = {}
        new = tuple.__new__
        for rid, type_, on, received, named, outcome, eid in db.execute(
            _EVENT_SQL.format(where=where.format(col="request_id")), params
        ):
            row = new(_EventRow, (type_, day(on), day(received), day(named), outcome, eid))
            histories.setdefault(rid, []).append(row)
        fees = fee_totals(db, where.format(col="f.request_id"), params)
        return self._part(rows, histories, fees)

    def _part(
        self,
        rows: list[tuple],
        histories: dict[int, list[_EventRow]],
        fees: dict[int, tuple[int | None, int]] | None = None,
    ) -> dict[str, np.ndarray]:
        """Columns for ``rows`` (as _REQUEST_SQL returns them), their events and fees."""
        assert self.cal is not None  # only an empty() index has none, and it reads nothing
        fees = fees or {}
        no_fees = (None, 0)
        ordered = [histories.get(row[0], []) for row in rows]
        rules = [self._rule(row[2]) for row in rows]
        cols = batch.extract(ordered, self.cal, rules)  # type: ignore[arg-type]
        result = batch.compute(cols, self.cal, self.today)
        statuses = [derive_status(h) for h in ordered]  # type: ignore[arg-type]
        next_due, next_clock = batch.next_due(result, self.today)
        part = {
            "id": np.array([r[0] for r in rows], dtype=np.int64),
            "title": _objects(r[1] for r in rows),
            "component": _objects(r[2] for r in rows),
            "component_name": _objects(r[3] for r in rows),
            "case_id": np.array([NONE if r[4] is None else r[4] for r in rows], dtype=np.int64),
            "tracking": _objects(r[5] or "" for r in rows),
            "status": _objects(statuses),
            "group": np.array([STATUS_GROUPS.index(status_group(s)) for s in statuses], dtype=np.int64),
            "filed": cols.filed,
            "next_due": next_due,
            "next_clock": next_clock,
            "fee_estimate": np.array(
                [NONE if (e := fees.get(r[0], no_fees)[0]) is None else e for r in rows], dtype=np.int64
            ),
            "fee_paid": np.array([fees.get(r[0], no_fees)[1] for r in rows], dtype=np.int64),
        }
        part.update({f"clock:{k}": v for k, v in result.items()})
        return part

    def _rule(self, component: str) -> AppealRule:
        if component not in self._rules:
            self._rules[component] = appeal_rule(component)
        return self._rules[component]

    def _all_columns(self) -> dict[str, np.ndarray]:
        return {**self.columns, **{f"clock:{k}": v for k, v in self.clocks.items()}}

    def _set(self, merged: dict[str, np.ndarray]) -> None:
        self.columns = {k: v for k, v in merged.items() if not k.startswith("clock:")}
        self.clocks = {k[6:]: v for k, v in merged.items() if k.startswith("clock:")}
        self._row = {rid: i for i, rid in enumerate(self.columns["id"].tolist())}
        self._orders: dict[tuple[str, bool], np.ndarray] = {}
        self._components: list[tuple[str, str]] | None = None
        self._tracking: np.ndarray | None = None

    # -- looking up ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.columns["id"])

    def row_of(self, request_id: int) -> int | None:
        return self._row.get(request_id)

    def components(self) -> list[tuple[str, str]]:
        """(abbr, name) of every component that has a request, by abbreviation."""
        if self._components is None:
            abbrs, first = np.unique(self.columns["component"].astype(str), return_index=True)
            names = self.columns["component_name"][first].tolist()
            self._components = list(zip(abbrs.tolist(), names, strict=True))
        return self._components

    def tracking_folded(self) -> np.ndarray:
        """Every row's tracking numbers, case-folded, as fixed-width text (for a quick
        vectorised substring search)."""
        if self._tracking is None:
            self._tracking = np.array([t.casefold() for t in self.columns["tracking"].tolist()], dtype=str)
        return self._tracking

    def case_name(self, row: int) -> str:
        return self.cases.get(int(self.columns["case_id"][row]), "")

    def next_deadline(self, row: int) -> tuple[str, date] | None:
        """(clock key, due date) of the row's next open deadline."""
        clock = int(self.columns["next_clock"][row])
        if clock == NONE:
            return None
        return CLOCKS[clock], date.fromordinal(int(self.columns["next_due"][row]))

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
        if c["estimate"][row] == NONE or c["estimate_done"][row] != NONE:
            return None
        return date.fromordinal(int(c["estimate"][row]))

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

    def statuses(self) -> list[str]:
        """The statuses the log's requests have, in the order a request moves through them."""
        found = set(self.columns["status"].tolist())
        return sorted(found, key=lambda s: (STATUS_GROUPS.index(status_group(s)), s))

    def select(
        self,
        flt: Filter,
        *,
        sort: str = "due",
        descending: bool = False,
        today: date,
        soon_days: int = 5,
    ) -> np.ndarray:
        """Row numbers passing ``flt``, in display order."""
        order = self.order(sort, descending)
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
        if sort in ("id", "filed", "due", "fees"):
            values = cols[{"id": "id", "filed": "filed", "due": "next_due", "fees": "fee_estimate"}[sort]]
            order = np.lexsort((cols["id"], -values if descending else values))
            return np.concatenate([order[values[order] != NONE], order[values[order] == NONE]])
        if sort == "case":
            text = [self.cases.get(c, "") for c in cols["case_id"].tolist()]
        elif sort == "next":
            text = [CLOCK_LABELS[CLOCKS[c]] if c != NONE else "" for c in cols["next_clock"].tolist()]
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
    ints = ("id", "case_id", "group", "filed", "next_due", "next_clock", "fee_estimate", "fee_paid")
    texts = ("title", "component", "component_name", "tracking", "status")
    clocks = [*(k for c in CLOCKS for k in (c, f"{c}_done")), "exhaustion", "appeal_exhaustion"]
    clocks += ["estimate", "estimate_done"]
    out = {name: np.empty(0, dtype=np.int64) for name in ints}
    out.update({name: np.empty(0, dtype=object) for name in texts})
    out.update({f"clock:{name}": np.empty(0, dtype=np.int64) for name in clocks})
    return out


def _objects(values: Iterable) -> np.ndarray:
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _concat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def search_ids(db: Database, index: RequestIndex, text: str) -> frozenset[int]:
    """Requests matching ``text``: the full-text search of the log (titles, descriptions,
    events, notes) plus tracking numbers that contain it; ``#12`` means request 12 only."""
    from foiadesk.core.store.log import search

    text = text.strip()
    if text.startswith("#") and text[1:].isdigit():
        return frozenset({int(text[1:])} if index.row_of(int(text[1:])) is not None else ())
    found = set(search(db, text, limit=max(len(index), 1)))
    needle = text.casefold()
    if needle and len(index):
        hits = np.strings.find(index.tracking_folded(), needle) >= 0
        found.update(index.columns["id"][hits].tolist())
    return frozenset(found)
