"""Each request's agency tracking numbers as the request list shows them, joined into one
text per request (table ``tracking_texts``) and kept so by triggers, whoever writes.

Working the texts out means looking up, for every number, the event that logged it (to
leave out those of voided events and the confirmations of a filing): a third of SQLite's
work when a large log is first opened, against one short row per request, which
``index_read.read_requests`` reads with the request's own. A log without the texts or their
triggers (another program may drop one) is read the long way (``joined``), with the same texts.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from foiadesk.core.store.reads import AGENCY_NUMBER

# (change, the rows it touches, the columns that matter) for each table the texts come from
NUMBER_CHANGES = (("insert", ("NEW",), ""), ("update", ("OLD", "NEW"), ""), ("delete", ("OLD",), ""))
# an event decides whether its numbers show: voided, or a filing's confirmation
EVENT_CHANGES = (
    ("insert", ("NEW",), ""),
    ("update", ("OLD", "NEW"), " OF id, type, voided_at"),
    ("delete", ("OLD",), ""),
)
TRIGGERS = [
    f"tracking_texts_{table}_{change}" for table in ("number", "event") for change, _, _ in NUMBER_CHANGES
]


def joined(requests: str) -> str:
    """A SELECT of (request_id, text) for the requests whose id meets ``requests`` (a
    condition on ``t.request_id``): their agency numbers, of live events or none, in the
    order logged, joined by ", "."""
    return f"""SELECT request_id, group_concat(number, ', ') AS text FROM (
                 SELECT t.request_id, t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
                  WHERE (e.id IS NULL OR e.voided_at IS NULL) AND {AGENCY_NUMBER} AND {requests}
                  ORDER BY t.request_id, t.id)
               GROUP BY request_id"""


def _retext(requests: str) -> str:
    """A trigger's statements writing the texts of the requests ``requests`` (a SELECT of
    ids) again. No INSERT OR REPLACE: the statement that fires a trigger imposes its own
    conflict rule on the trigger's; DELETE then INSERT is right under any."""
    return (
        f"DELETE FROM tracking_texts WHERE request_id IN ({requests}); "
        f"INSERT INTO tracking_texts {joined(f't.request_id IN ({requests})')};"
    )


def create(db: Database) -> None:
    """The texts of every request, and the triggers that keep them (replacing any)."""
    set_aside(db)
    db.execute("DROP TABLE IF EXISTS tracking_texts")
    db.execute("CREATE TABLE tracking_texts (request_id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    db.execute(f"INSERT INTO tracking_texts {joined('1')}")
    for change, rows, columns in NUMBER_CHANGES:
        body = " ".join(_retext(f"SELECT {row}.request_id") for row in rows)
        db.execute(
            f"CREATE TRIGGER tracking_texts_number_{change} AFTER {change.upper()}{columns}"
            f" ON tracking_numbers BEGIN {body} END"
        )
    for change, rows, columns in EVENT_CHANGES:
        owners = [f"SELECT request_id FROM tracking_numbers WHERE event_id = {row}.id" for row in rows]
        guard = " OR ".join(f"EXISTS ({sql})" for sql in owners)  # most events log no number
        body = " ".join(_retext(sql) for sql in owners)
        db.execute(
            f"CREATE TRIGGER tracking_texts_event_{change} AFTER {change.upper()}{columns} ON events "
            f"WHEN {guard} BEGIN {body} END"
        )


def kept(db: Database) -> bool:
    """Whether the log keeps the texts (its triggers are in place)."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'tracking_texts_event_update'"
    )
    return found.fetchone() is not None


def set_aside(db: Database) -> None:
    """Drop the triggers (a bulk load writes the texts once at its end, with ``create``)."""
    for name in TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def usable(db: Database) -> bool:
    """Whether the log keeps the texts with every trigger that keeps them."""
    names = ", ".join(f"'{name}'" for name in TRIGGERS)
    try:
        found = db.execute(
            f"""SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'tracking_texts'),
                       (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({names}))"""
        ).fetchone()
    except sqlite3.OperationalError:
        return False
    return found == (1, len(TRIGGERS))
