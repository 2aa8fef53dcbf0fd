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

from foiadesk.core.store import clock_packs, tracking_texts
from foiadesk.core.store.packing import ID, NONE, VERSION, chars_for, packed_select, unpack
from foiadesk.core.store.packing import UNKNOWN as UNKNOWN  # the codes callers read from here

# ``where`` for a list of request ids passed as one JSON array (any number of them).
IDS_IN = "{col} IN (SELECT value FROM json_each(?))"
FINGERPRINT_MOD = 2147483647  # versions are summed modulo this prime (no overflow at any size)


def _int_table(db: Database, columns: Sequence[tuple[str, int]], query: str, params: list) -> np.ndarray:
    """The rows of ``query`` (a SELECT of the expressions ``columns``, with their number of
    characters, in its own order) as an int64 table. Each value must be at least NONE - 1
    (UNKNOWN)."""
    text = db.execute(packed_select(columns, query), params)
    return unpack(text.fetchone()[0] or "", [count for _, count in columns])


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
    object arrays (the agency's tracking numbers, not those of voided events, joined by
    ", "; tags by ", " in name order)."""
    found = _packed_rows(db, where, params) if tracking_texts.usable(db) else None
    ids, component, case_id, titles, tracking = found or _plain_rows(db, where, params)
    abbrs, names = component_texts(db)
    tags = _joined(
        db,
        f"""SELECT rt.request_id, t.name AS text FROM request_tags rt JOIN tags t ON t.id = rt.tag_id
             WHERE {where.format(col="rt.request_id")} ORDER BY rt.request_id, t.name COLLATE NOCASE""",
        params,
    )
    return {
        "id": ids,
        "title": titles,
        "component_id": component,
        "component": abbrs[component],
        "component_name": names[component],
        "case_id": case_id,
        "tracking": tracking,
        "tags": [tags.get(i, "") for i in ids.tolist()],
    }


_TEXTS = "\x1f"  # between the texts of one column, read as one string


def _packed_rows(db: Database, where: str, params: list) -> tuple | None:
    """The requests' numbers, titles and tracking texts (``tracking_texts``), each column
    as one string from SQLite: no Python object per row and value (the reading of a large
    log is bound by Python's lock, shared with the window and the clock arithmetic). None
    when a text holds the separator."""
    numbers = [("r.id", ID), ("r.component_id", ID), (f"coalesce(r.case_id, {NONE})", ID)]
    query = f"""SELECT {{columns}}, r.title AS title, coalesce(k.text, '') AS tracking
                  FROM requests r LEFT JOIN tracking_texts k ON k.request_id = r.id
                 WHERE {where.format(col="r.id")} ORDER BY r.id"""
    texts = ", count(*), group_concat(title, char(31)), group_concat(tracking, char(31))"
    packed, count, titles, tracking = db.execute(packed_select(numbers, query, texts), params).fetchone()
    columns = [text.split(_TEXTS) if count else [] for text in (titles, tracking)]
    if any(len(column) != count for column in columns):
        return None
    table = unpack(packed or "", [ID, ID, ID])
    return (*(np.ascontiguousarray(table[:, i]) for i in range(3)), *columns)


def _plain_rows(db: Database, where: str, params: list) -> tuple:
    """``_packed_rows``' columns, read row by row, with the tracking texts worked out from
    the numbers and their events."""
    rows = db.execute(
        f"""SELECT r.id, r.title, r.component_id, coalesce(r.case_id, {NONE}) FROM requests r
             WHERE {where.format(col="r.id")} ORDER BY r.id""",
        params,
    ).fetchall()
    tracking = dict(db.execute(tracking_texts.joined(where.format(col="t.request_id")), params))
    ids = [r[0] for r in rows]
    return (
        np.array(ids, dtype=np.int64),
        np.array([r[2] for r in rows], dtype=np.int64),
        np.array([r[3] for r in rows], dtype=np.int64),
        [r[1] for r in rows],
        [tracking.get(i, "") for i in ids],
    )


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
    if clock_packs.usable(db, types, outcomes, skip):
        return clock_packs.read(db, where, params, types, outcomes)
    # ids take the characters the log's largest needs (a look-up in an index each)
    largest = db.execute(
        "SELECT (SELECT max(request_id) FROM events), (SELECT max(id) FROM events)"
    ).fetchone()
    values = clock_packs.event_columns(types, outcomes)[:-1]  # the id as the log's largest needs
    columns = [("request_id", chars_for(largest[0])), *values, ("id", chars_for(largest[1]))]
    query = f"""SELECT {{columns}} FROM events
                 WHERE {clock_packs.live(skip)} AND {where.format(col="request_id")}
                 ORDER BY request_id, occurred_on, id"""
    table = _int_table(db, columns, query, params)
    return clock_packs.events_of(np.ascontiguousarray(table[:, 0]), table[:, 1:])


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
