"""The SQL of filing and following up: the letters a request was drafted and sent with, who
sends it, its numbers by kind, earlier filings to the same office, the fee cap line."""

from __future__ import annotations

from sqlite_utils import Database

from foiadesk.core.store.reads import AGENCY_NUMBER

FOLLOW_UP = "Follow-up"  # how a drafted follow-up's summary starts
IDENTITY = "Identity statement"  # how a drafted identity statement's summary starts
REQUEST_LETTER = "Request letter"  # how a request letter's summary starts (drafted in Compose)


def first_filed_on(db: Database, request_id: int) -> str | None:
    return db.execute(
        "SELECT min(occurred_on) FROM events WHERE request_id = ? AND type = 'filed' AND voided_at IS NULL",
        [request_id],
    ).fetchone()[0]


def request_letter(db: Database, request_id: int, until: str | None) -> tuple[int, str, bytes] | None:
    """(event id, file name, bytes) of the latest drafted request letter on or before ``until``."""
    return db.execute(
        """SELECT e.id, a.filename, f.content FROM events e
             JOIN attachments a ON a.event_id = e.id JOIN files f ON f.sha256 = a.sha256
            WHERE e.request_id = ? AND e.type = 'drafted' AND e.voided_at IS NULL
              AND a.filename LIKE '%.docx' AND (? IS NULL OR e.occurred_on <= ?)
              AND e.summary NOT LIKE ? AND e.summary NOT LIKE ?
            ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1""",
        [request_id, until, until, f"{FOLLOW_UP}%", f"{IDENTITY}%"],
    ).fetchone()


def identity_statement(db: Database, request_id: int) -> tuple[str, bytes] | None:
    return db.execute(
        """SELECT a.filename, f.content FROM events e
             JOIN attachments a ON a.event_id = e.id JOIN files f ON f.sha256 = a.sha256
            WHERE e.request_id = ? AND e.type = 'drafted' AND e.voided_at IS NULL
              AND e.summary LIKE ? ORDER BY e.id DESC LIMIT 1""",
        [request_id, f"{IDENTITY}%"],
    ).fetchone()


_REQUESTER_FIELDS = """q.name, q.email, q.organization, q.title, q.phone, q.address, q.fee_category,
                       q.fee_category_basis, q.signature_name, q.dissemination"""


def requester_fields(db: Database, request_id: int) -> tuple | None:
    """The request's requester, in the order of ``Requester``'s fields."""
    return db.execute(
        f"SELECT {_REQUESTER_FIELDS} FROM requests r JOIN requesters q ON q.id = r.requester_id "
        "WHERE r.id = ?",
        [request_id],
    ).fetchone()


def only_requester_fields(db: Database) -> tuple | None:
    """The log's requester profile when it has exactly one, in the order of ``Requester``'s fields."""
    rows = db.execute(f"SELECT {_REQUESTER_FIELDS} FROM requesters q LIMIT 2").fetchall()
    return rows[0] if len(rows) == 1 else None


def has_requester(db: Database, request_id: int) -> bool:
    row = db.execute("SELECT requester_id FROM requests WHERE id = ?", [request_id]).fetchone()
    return row is not None and row[0] is not None


def component_key(db: Database, request_id: int) -> str | None:
    row = db.execute(
        "SELECT c.abbr FROM requests r JOIN components c ON c.id = r.component_id WHERE r.id = ?",
        [request_id],
    ).fetchone()
    return row[0] if row else None


def filed_with_same_office(db: Database, request_id: int) -> list[tuple[int, str, str]]:
    """(id, title, first filing date) of the other filed requests to the same component."""
    return db.execute(
        """SELECT r.id, r.title, min(e.occurred_on) FROM requests r
             JOIN events e ON e.request_id = r.id AND e.type = 'filed' AND e.voided_at IS NULL
            WHERE r.component_id = (SELECT component_id FROM requests WHERE id = ?) AND r.id != ?
            GROUP BY r.id ORDER BY r.id""",
        [request_id, request_id],
    ).fetchall()


def add_cap_once(db: Database, request_id: int, event_id: int, cents: int) -> None:
    """A fee cap line for the filing, unless the ledger already holds this cap."""
    same = db.execute(
        """SELECT 1 FROM fees f LEFT JOIN events e ON e.id = f.event_id
            WHERE f.request_id = ? AND f.kind = 'cap' AND f.amount_cents = ?
              AND (e.id IS NULL OR e.voided_at IS NULL)""",
        [request_id, cents],
    ).fetchone()
    if not same:
        db.execute(
            "INSERT INTO fees (request_id, event_id, kind, amount_cents) VALUES (?, ?, 'cap', ?)",
            [request_id, event_id, cents],
        )


def agency_numbers(db: Database, request_id: int) -> list[tuple[str, str]]:
    """(number, kind) of the agency's numbers on live events: request, appeal, referral."""
    return db.execute(
        f"""SELECT t.number, t.kind FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
            WHERE t.request_id = ? AND (e.id IS NULL OR e.voided_at IS NULL) AND {AGENCY_NUMBER}
            ORDER BY t.id""",
        [request_id],
    ).fetchall()


def event_body(db: Database, event_id: int) -> str:
    row = db.execute("SELECT body FROM events WHERE id = ?", [event_id]).fetchone()
    return row[0] if row else ""


def correspondence_files(db: Database, request_id: int) -> list[tuple[str, str, int, str, str, bool]]:
    """(date, event type, event id, file name, media type, drafted) of every file sent or
    received, in order: the exhibits. `drafted`: the file is a letter drafted in FoiaDesk
    (the same bytes are on a "drafted" event of the request), not a proof or an enclosure."""
    rows = db.execute(
        """SELECT e.occurred_on, e.type, e.id, a.filename, a.mime,
                  EXISTS (SELECT 1 FROM attachments d JOIN events de ON de.id = d.event_id
                          WHERE de.request_id = e.request_id AND de.type = 'drafted'
                            AND de.voided_at IS NULL AND d.sha256 = a.sha256)
            FROM attachments a JOIN events e ON e.id = a.event_id
            WHERE e.request_id = ? AND e.voided_at IS NULL AND e.direction != 'internal'
            ORDER BY e.occurred_on, e.id, a.id""",
        [request_id],
    ).fetchall()
    return [(*row[:5], bool(row[5])) for row in rows]
