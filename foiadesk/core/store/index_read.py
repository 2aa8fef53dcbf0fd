"""The storage reads behind the request index: one ordered scan per table, straight into
arrays, with dates as day ordinals and codes worked out by SQLite.

This is the whole storage interface the list, the agenda and the list export need; a
PostgreSQL backend implements the same functions. ``where`` is a condition on the column
named ``{col}`` (a request id) and ``params`` its values, as the index passes them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from urllib.parse import quote

import numpy as np
from sqlite_utils import Database

from foiadesk.core.store.reads import AGENCY_NUMBER

NONE = -1
UNKNOWN = -2  # an outcome the caller does not know


# The event types most logs have most of: SQLite tests a CASE's branches in order, so
# these come first (a tenth of a second less per 100,000 requests; the codes are the same).
COMMON = (
    "filed", "acknowledged", "determination", "extension_notice", "expedite_requested",
    "expedite_decided", "appeal_filed", "appeal_received", "closed", "info_requested",
)  # fmt: skip


def _code(column: str, names: Sequence[str], other: int = NONE, first: Sequence[str] = ()) -> str:
    """``column`` as its position in ``names`` (``other`` for anything else); the names
    ``first`` are tested first."""
    order = sorted(
        range(len(names)), key=lambda i: first.index(names[i]) if names[i] in first else len(first)
    )
    cases = " ".join(f"WHEN '{names[i]}' THEN {i}" for i in order)
    return f"CASE {column} {cases} ELSE {other} END"


# ``where`` for a list of request ids passed as one JSON array (any number of them).
IDS_IN = "{col} IN (SELECT value FROM json_each(?))"
FINGERPRINT_MOD = 2147483647  # versions are summed modulo this prime (no overflow at any size)


# -- integer columns, packed -----------------------------------------------------------------
# Turning each value into a Python int costs more than SQLite's whole scan. Instead SQLite
# writes the rows as one string, 15 bits to a character (char() of 0…32767: never a
# surrogate), and numpy takes the string apart: one Python object per read, and SQLite works
# without holding Python's lock, so the window's thread runs on meanwhile.
_BITS = 15
ID = 3  # characters for an id or count (45 bits)
DAY = 2  # for a day ordinal (30 bits)
CODE = 1  # for a small code
VERSION = 4  # for a request version (60 bits)
# SQLite's julianday of 0001-01-01 minus one: julianday(day) - this = date.toordinal().
_ORDINAL = 1721424.5


def _ordinal(column: str) -> str:
    return f"coalesce(CAST(julianday({column}) - {_ORDINAL} AS INTEGER), {NONE})"


def chars_for(largest: int | None) -> int:
    """Characters enough for every value from UNKNOWN up to ``largest``: each character
    costs SQLite work on every row."""
    return max(1, -(-((largest or 0) + 3).bit_length() // _BITS))


def _int_table(db: Database, columns: Sequence[tuple[str, int]], query: str, params: list) -> np.ndarray:
    """The rows of ``query`` (a SELECT of the expressions ``columns``, with their number of
    characters, in its own order) as an int64 table. Each value must be at least NONE - 1
    (UNKNOWN)."""
    named = ", ".join(f"{expr} AS c{i}" for i, (expr, _) in enumerate(columns))
    pieces = ", ".join(
        f"((c{i} + 2) >> {_BITS * k}) & {(1 << _BITS) - 1}"
        for i, (_, count) in enumerate(columns)
        for k in reversed(range(count))
    )
    width = sum(count for _, count in columns)
    # An aggregate over an ordered subquery: SQLite does not flatten a subquery with ORDER BY
    # into an aggregate, so group_concat meets the rows in that order (the tests compare every
    # value and its order with a plain SELECT).
    text = db.execute(f"SELECT group_concat(char({pieces}), '') FROM ({query.format(columns=named)})", params)
    packed = text.fetchone()[0] or ""
    # (every character is below 0x8000: one UTF-16 unit each, never a surrogate)
    chars = np.frombuffer(packed.encode("utf-16-le"), dtype=np.uint16).reshape(-1, width)
    table = np.empty((len(chars), len(columns)), dtype=np.int64)
    at = 0
    for i, (_, count) in enumerate(columns):
        value = chars[:, at].astype(np.int64)
        for k in range(1, count):
            value = (value << _BITS) | chars[:, at + k]
        table[:, i] = value - 2
        at += count
    return table


def side_reader(db: Database) -> Database | None:
    """Another read-only connection to the log of ``db``, usable from one other thread at
    a time, so that reads run beside each other on several cores (SQLite reads without
    holding Python's lock). None for a log in memory, or when the file cannot be opened so."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, timeout=5, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    return Database(conn, execute_plugins=False)


def request_ids(db: Database) -> np.ndarray:
    return _int_table(db, [("id", ID)], "SELECT {columns} FROM requests ORDER BY id", [])[:, 0]


def case_names(db: Database) -> dict[int, str]:
    return dict(db.execute("SELECT id, name FROM cases ORDER BY name").fetchall())


def case_slugs(db: Database) -> dict[str, int]:
    return {slug: case_id for case_id, slug in db.execute("SELECT id, slug FROM cases")}


def component_known(db: Database, abbr: str) -> bool:
    return db.execute("SELECT 1 FROM components WHERE abbr = ?", [abbr]).fetchone() is not None


def read_requests(db: Database, where: str, params: list) -> dict[str, np.ndarray | list]:
    """Every selected request's row, by id: id and case id as arrays, texts as lists or
    object arrays (the agency's tracking numbers, not those of voided events, joined by ", "; tags by
    ", " in name order)."""
    rows = db.execute(
        f"""SELECT r.id, r.title, r.component_id, coalesce(r.case_id, {NONE}) FROM requests r
             WHERE {where.format(col="r.id")} ORDER BY r.id""",
        params,
    ).fetchall()
    abbrs, names = component_texts(db)
    component = np.array([r[2] for r in rows], dtype=np.int64)
    ids = [r[0] for r in rows]
    tracking = _joined(
        db,
        f"""SELECT t.request_id, t.number AS text
              FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
             WHERE (e.id IS NULL OR e.voided_at IS NULL) AND {AGENCY_NUMBER}
               AND {where.format(col="t.request_id")} ORDER BY t.request_id, t.id""",
        params,
    )
    tags = _joined(
        db,
        f"""SELECT rt.request_id, t.name AS text FROM request_tags rt JOIN tags t ON t.id = rt.tag_id
             WHERE {where.format(col="rt.request_id")} ORDER BY rt.request_id, t.name COLLATE NOCASE""",
        params,
    )
    return {
        "id": np.array(ids, dtype=np.int64),
        "title": [r[1] for r in rows],
        "component_id": component,
        "component": abbrs[component],
        "component_name": names[component],
        "case_id": np.array([r[3] for r in rows], dtype=np.int64),
        "tracking": [tracking.get(i, "") for i in ids],
        "tags": [tags.get(i, "") for i in ids],
    }


def component_texts(db: Database) -> tuple[np.ndarray, np.ndarray]:
    """Every component's abbreviation and name, at the position of its id. A log has a
    few hundred components and up to millions of requests: each text is made once and
    shared by the requests."""
    known = db.execute("SELECT id, abbr, name FROM components").fetchall()
    abbrs, names = (np.full(max((c[0] for c in known), default=0) + 1, "", dtype=object) for _ in "an")
    for number, abbr, name in known:
        abbrs[number], names[number] = abbr, name
    return abbrs, names


def _joined(db: Database, sql: str, params: list) -> dict[int, str]:
    """request id -> its texts joined by ", ", in the order ``sql`` gives them."""
    return dict(
        db.execute(f"SELECT request_id, group_concat(text, ', ') FROM ({sql}) GROUP BY request_id", params)
    )


def read_events(
    db: Database,
    where: str,
    params: list,
    *,
    types: Sequence[str],
    outcomes: Sequence[str],
    skip: Sequence[str] = (),
) -> dict[str, np.ndarray]:
    """The live events of the selected requests, ordered by request, date and id, as
    int64 columns: request id, type and outcome (positions in ``types`` / ``outcomes``,
    NONE for others; an outcome not in ``outcomes`` is UNKNOWN, as it is not the same as
    none), the dates (ordinals, NONE when empty) and the event id. Events of the types
    ``skip`` are left out."""
    outcome = f"CASE WHEN outcome IS NULL THEN {NONE} ELSE {_code('outcome', outcomes, UNKNOWN)} END"
    quoted = ", ".join(f"'{name}'" for name in skip)
    skipped = f"AND type NOT IN ({quoted})" if skip else ""
    # ids take the characters the log's largest needs (a look-up in an index each)
    largest = db.execute(
        "SELECT (SELECT max(request_id) FROM events), (SELECT max(id) FROM events)"
    ).fetchone()
    columns = [
        ("request_id", chars_for(largest[0])),
        # the type and the outcome in one character: a quarter less work per event for SQLite
        (f"({_code('type', types, first=COMMON)} + 2) * 64 + {outcome} + 2", CODE),
        (_ordinal("occurred_on"), DAY),
        (_ordinal("agency_received_on"), DAY),
        (_ordinal("named_date"), DAY),
        ("id", chars_for(largest[1])),
    ]
    query = f"""SELECT {{columns}} FROM events
                 WHERE voided_at IS NULL AND {where.format(col="request_id")} {skipped}
                 ORDER BY request_id, occurred_on, id"""
    table = _int_table(db, columns, query, params)
    kinds = table[:, 1]
    return {
        "request_id": np.ascontiguousarray(table[:, 0]),
        "type": kinds // 64 - 2,
        "on": np.ascontiguousarray(table[:, 2]),
        "received": np.ascontiguousarray(table[:, 3]),
        "named": np.ascontiguousarray(table[:, 4]),
        "outcome": kinds % 64 - 2,
        "id": np.ascontiguousarray(table[:, 5]),
    }


def read_fees(db: Database, where: str, params: list) -> dict[str, np.ndarray]:
    """Per request with fees: its latest estimate (NONE if none) and the total paid."""
    rows = db.execute(
        f"""SELECT f.request_id,
                   coalesce((SELECT g.amount_cents FROM fees g LEFT JOIN events x ON x.id = g.event_id
                              WHERE g.request_id = f.request_id AND g.kind = 'estimate'
                                AND x.voided_at IS NULL ORDER BY g.id DESC LIMIT 1), {NONE}),
                   total(CASE f.kind WHEN 'payment' THEN f.amount_cents ELSE 0 END)
              FROM fees f LEFT JOIN events e ON e.id = f.event_id
             WHERE e.voided_at IS NULL AND f.kind IN ('estimate', 'payment')
               AND {where.format(col="f.request_id")}
             GROUP BY f.request_id ORDER BY f.request_id""",
        params,
    ).fetchall()
    table = np.array(rows, dtype=np.int64).reshape(len(rows), 3)
    return {"request_id": table[:, 0], "estimate": table[:, 1], "paid": table[:, 2]}


# -- noticing changes -----------------------------------------------------------------------------


def data_version(db: Database) -> int:
    """SQLite's counter of commits made by other connections to the file."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def log_version(db: Database) -> int:
    """The newest request version in the log (``request_versions``): whatever changes
    after this moment gets a greater one."""
    return db.execute("SELECT coalesce(max(version), 0) FROM request_versions").fetchone()[0]


def changed_since(db: Database, version: int) -> np.ndarray:
    """The requests whose list row changed after ``version`` (added, written to, or
    deleted), in id order: one look-up in the versions' index, quick on any log."""
    query = "SELECT {columns} FROM request_versions WHERE version > ? ORDER BY request_id"
    return _int_table(db, [("request_id", ID)], query, [version])[:, 0]


def versions_upto(db: Database, version: int) -> dict[str, np.ndarray]:
    """Every request version not newer than ``version``, by request id."""
    query = "SELECT {columns} FROM request_versions WHERE version <= ? ORDER BY request_id"
    table = _int_table(db, [("request_id", ID), ("version", VERSION)], query, [version])
    return {"id": np.ascontiguousarray(table[:, 0]), "version": np.ascontiguousarray(table[:, 1])}


def fingerprint(db: Database, version: int) -> tuple[int, int]:
    """How many request versions are not newer than ``version``, and their sum modulo
    FINGERPRINT_MOD: equal to what was seen before only if those versions are the same."""
    return tuple(
        db.execute(
            f"""SELECT count(*), coalesce(sum(version % {FINGERPRINT_MOD}), 0)
                  FROM request_versions WHERE version <= ?""",
            [version],
        ).fetchone()
    )
