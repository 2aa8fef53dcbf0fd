"""Each request's live events as the request list reads them, packed into one string per
request (table ``clock_packs``) and kept so by triggers in the log, whoever writes to it.

Working out every event's codes and day numbers is most of SQLite's work when a large log
is first opened, some twenty times the cost of reading one string per request. A trigger
packs a request's events again whenever one of them changes, in the transaction that
changes it, so a pack is never behind its events. A pack holds the codes of one list of
event types and outcomes (its ``key``, kept in ``clock_packs_key``); a reader asking with
other lists, or a log without packs, reads the events themselves.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence

import numpy as np
from sqlite_utils import Database

from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS, UNREAD
from foiadesk.core.store.packing import (
    DAY,
    ID,
    NONE,
    UNKNOWN,
    chars_for,
    code_of,
    ordinal,
    packed_select,
    unpack,
)

CODE = 1  # the type and the outcome share one character
# The columns of a change that can move a request's clocks (a summary or a body cannot).
READ_COLUMNS = (
    "id", "request_id", "type", "occurred_on", "agency_received_on", "named_date", "outcome", "voided_at",
)  # fmt: skip
# The event types most logs have most of: SQLite tests a CASE's branches in order, so
# these come first (a tenth of a second less per 100,000 requests; the codes are the same).
COMMON = (
    "filed", "acknowledged", "determination", "extension_notice", "expedite_requested",
    "expedite_decided", "appeal_filed", "appeal_received", "closed", "info_requested",
)  # fmt: skip


def event_columns(types: Sequence[str], outcomes: Sequence[str]) -> list[tuple[str, int]]:
    """An event as the clocks read it: its type and outcome as one code (positions in
    ``types`` and ``outcomes``), its three dates as day ordinals and its id, each with
    its number of characters."""
    outcome = f"CASE WHEN outcome IS NULL THEN {NONE} ELSE {code_of('outcome', outcomes, UNKNOWN)} END"
    return [
        # the type and the outcome in one character: a quarter less work per event for SQLite
        (f"({code_of('type', types, first=COMMON)} + 2) * 64 + {outcome} + 2", CODE),
        (ordinal("occurred_on"), DAY),
        (ordinal("agency_received_on"), DAY),
        (ordinal("named_date"), DAY),
        ("id", ID),
    ]


def live(skip: Sequence[str]) -> str:
    """The condition on an event the clocks read: not taken back, not of a type in ``skip``."""
    quoted = ", ".join(f"'{name}'" for name in skip)
    return "voided_at IS NULL" + (f" AND type NOT IN ({quoted})" if skip else "")


def key(types: Sequence[str], outcomes: Sequence[str], skip: Sequence[str]) -> str:
    """What a pack depends on: the SQL that writes it."""
    return hashlib.sha256(repr((event_columns(types, outcomes), live(skip))).encode()).hexdigest()[:16]


# The view's columns, as ``event_columns`` works them out: the code, the three days, the id.
VIEW_COLUMNS = [(f"c{i}", count) for i, count in enumerate((CODE, DAY, DAY, DAY, ID))]


def _packed(request: str) -> str:
    """A SELECT of the pack of the events of ``request`` (an SQL expression), in date and
    id order, and their number (``packed``, ``events``; NULL and 0 without live events)."""
    events = f"SELECT {{columns}} FROM clock_events WHERE request_id = {request} ORDER BY occurred_on, id"
    return packed_select(VIEW_COLUMNS, events, ", count(*) AS events")


def create(db: Database, types: Sequence[str], outcomes: Sequence[str], skip: Sequence[str]) -> None:
    """The packs of every request, and the view and triggers that keep them (replacing
    any). The codes are worked out in one view, so the schema holds them once: a log's
    schema is read whole at every opening, and a damaged page of it makes the log unreadable."""
    set_aside(db)
    db.execute("DROP TABLE IF EXISTS clock_packs")
    db.execute("DROP TABLE IF EXISTS clock_packs_key")
    db.execute("DROP VIEW IF EXISTS clock_events")
    codes = ", ".join(f"{expr} AS c{i}" for i, (expr, _) in enumerate(event_columns(types, outcomes)))
    db.execute(
        f"""CREATE VIEW clock_events AS SELECT request_id, occurred_on, id, {codes}
              FROM events WHERE {live(skip)}"""
    )
    db.execute(
        """CREATE TABLE clock_packs (request_id INTEGER PRIMARY KEY, events INTEGER NOT NULL,
                                     packed TEXT NOT NULL)"""
    )
    db.execute("CREATE TABLE clock_packs_key (key TEXT NOT NULL)")
    db.execute("INSERT INTO clock_packs_key VALUES (?)", [key(types, outcomes, skip)])
    _fill(db)

    def repack(row: str) -> str:
        # no INSERT OR REPLACE: the statement that fires a trigger imposes its own conflict
        # rule on the trigger's; DELETE then INSERT is right under any
        request = f"{row}.request_id"
        return (
            f"DELETE FROM clock_packs WHERE request_id = {request}; "
            f"INSERT INTO clock_packs SELECT {request}, events, packed "
            f"FROM ({_packed(request)}) WHERE events > 0;"
        )

    db.execute(f"CREATE TRIGGER events_pack_insert AFTER INSERT ON events BEGIN {repack('NEW')} END")
    db.execute(f"CREATE TRIGGER events_pack_delete AFTER DELETE ON events BEGIN {repack('OLD')} END")
    db.execute(
        f"CREATE TRIGGER events_pack_update AFTER UPDATE OF {', '.join(READ_COLUMNS)} ON events "
        f"BEGIN {repack('OLD')} {repack('NEW')} END"
    )


def rebuild(db: Database) -> None:
    """``create`` with the lists the request list reads with (``columnar``'s)."""
    create(db, tuple(EVENT_TYPES), tuple(OUTCOME_LABELS), UNREAD)


def kept(db: Database) -> bool:
    """Whether the log keeps packs (its triggers are in place)."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'events_pack_insert'")
    return found.fetchone() is not None


def set_aside(db: Database) -> None:
    """Drop the triggers (a bulk load packs once at its end, with ``rebuild``)."""
    for trigger in ("insert", "update", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS events_pack_{trigger}")


def _fill(db: Database) -> None:
    """A pack for every request with live events: two ordered reads of every event (their
    requests, then their values; one transaction) cut into a string per request."""
    every = "SELECT {columns} FROM clock_events ORDER BY request_id, occurred_on, id"
    owners = unpack(db.execute(packed_select([("request_id", ID)], every)).fetchone()[0] or "", [ID])[:, 0]
    text = db.execute(packed_select(VIEW_COLUMNS, every)).fetchone()[0] or ""
    width = sum(count for _, count in VIEW_COLUMNS)
    requests, starts, counts = np.unique(owners, return_index=True, return_counts=True)
    rows = zip(requests.tolist(), counts.tolist(), starts.tolist(), strict=True)
    db.conn.executemany(
        "INSERT INTO clock_packs (request_id, events, packed) VALUES (?, ?, ?)",
        ((r, n, text[at * width : (at + n) * width]) for r, n, at in rows),
    )


def stale(db: Database) -> bool:
    """Whether the log keeps packs made with another list of event types or outcomes than
    this FoiaDesk's (an earlier version's): the list would then read every event instead."""
    if not kept(db):
        return False
    row = db.execute("SELECT key FROM clock_packs_key").fetchone()
    return row is None or row[0] != key(tuple(EVENT_TYPES), tuple(OUTCOME_LABELS), UNREAD)


def usable(db: Database, types: Sequence[str], outcomes: Sequence[str], skip: Sequence[str]) -> bool:
    """Whether the log keeps packs made with these lists, with the triggers that keep them
    (another program may have dropped one), of ids a pack can hold."""
    try:
        row = db.execute(
            """SELECT (SELECT key FROM clock_packs_key), (SELECT max(id) FROM events),
                      (SELECT max(id) FROM requests),
                      (SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
                        AND name IN ('events_pack_insert', 'events_pack_update', 'events_pack_delete'))"""
        ).fetchone()
    except sqlite3.OperationalError:  # a log from before the packs (opened read-only, say)
        return False
    key_now, events, requests, triggers = row
    return (
        key_now == key(types, outcomes, skip)
        and triggers == 3
        and chars_for(max(events or 0, requests or 0)) <= ID
    )


def read(db: Database, where: str, params: list, types: Sequence[str], outcomes: Sequence[str]) -> dict:
    """``index_read.read_events``' columns, from the packs of the selected requests."""
    widths = [count for _, count in event_columns(types, outcomes)]
    selected = where.format(col="request_id")
    packs = f"SELECT {{columns}}, packed AS p FROM clock_packs WHERE {selected} ORDER BY request_id"
    sizes = [("request_id", ID), ("events", ID)]
    owners, packed = db.execute(packed_select(sizes, packs, ", group_concat(p, '')"), params).fetchone()
    counts = unpack(owners or "", [ID, ID])  # one query: the counts and the events are of one moment
    return events_of(np.repeat(counts[:, 0], counts[:, 1]), unpack(packed or "", widths))


def events_of(requests: np.ndarray, table: np.ndarray) -> dict[str, np.ndarray]:
    """``read_events``' columns from each event's request and its ``event_columns`` values."""
    kinds = table[:, 0]
    return {
        "request_id": requests,
        "type": kinds // 64 - 2,
        "on": np.ascontiguousarray(table[:, 1]),
        "received": np.ascontiguousarray(table[:, 2]),
        "named": np.ascontiguousarray(table[:, 3]),
        "outcome": kinds % 64 - 2,
        "id": np.ascontiguousarray(table[:, 4]),
    }
