"""Small reads the rest of the core needs, kept here so that every SQL statement lives in
the storage package."""

from __future__ import annotations

from sqlite_utils import Database


def request_ids(db: Database) -> list[int]:
    """Every request's id, oldest first."""
    return [row[0] for row in db.execute("SELECT id FROM requests ORDER BY id")]


def case_id_by_slug(db: Database, slug: str) -> int | None:
    row = db.execute("SELECT id FROM cases WHERE slug = ?", [slug]).fetchone()
    return row[0] if row else None


def request_exists(db: Database, request_id: int) -> bool:
    return db.execute("SELECT 1 FROM requests WHERE id = ?", [request_id]).fetchone() is not None


def request_component_abbr(db: Database, request_id: int) -> str | None:
    """The abbreviation of the component a request is addressed to (None: no such request)."""
    row = db.execute(
        "SELECT c.abbr FROM requests r JOIN components c ON c.id = r.component_id WHERE r.id = ?",
        [request_id],
    ).fetchone()
    return row[0] if row else None


def request_heading(db: Database, request_id: int) -> tuple | None:
    """(id, title, component abbr, component name, case name) of one request."""
    return db.execute(
        """SELECT r.id, r.title, c.abbr, c.name, k.name FROM requests r
           JOIN components c ON c.id = r.component_id LEFT JOIN cases k ON k.id = r.case_id
           WHERE r.id = ?""",
        [request_id],
    ).fetchone()


def request_title_and_abbr(db: Database, request_id: int) -> tuple[str, str] | None:
    return db.execute(
        "SELECT r.title, c.abbr FROM requests r JOIN components c ON c.id = r.component_id WHERE r.id = ?",
        [request_id],
    ).fetchone()


def request_index_facts(db: Database, request_id: int) -> tuple | None:
    """(description, agency name, case slug, requester name, requester organization)."""
    return db.execute(
        """SELECT r.description, a.name, k.slug, q.name, q.organization
             FROM requests r JOIN components c ON c.id = r.component_id JOIN agencies a ON a.id = c.agency_id
             LEFT JOIN cases k ON k.id = r.case_id LEFT JOIN requesters q ON q.id = r.requester_id
            WHERE r.id = ?""",
        [request_id],
    ).fetchone()


def request_created_and_revision(db: Database, request_id: int) -> tuple[str, int]:
    """When a request was added, and a number that grows with every event logged or voided
    on it (a calendar entry's SEQUENCE)."""
    return db.execute(
        "SELECT r.created_at, (SELECT count(*) + count(voided_at) FROM events WHERE request_id = r.id) "
        "FROM requests r WHERE r.id = ?",
        [request_id],
    ).fetchone()


# The agency's numbers (on tracking_numbers t LEFT JOIN events e): a confirmation, or a number
# an older log kept on the filing, is not one.
AGENCY_NUMBER = "(t.kind != 'confirmation' AND (e.id IS NULL OR e.type != 'filed'))"


def live_tracking_numbers(db: Database, request_id: int) -> list[str]:
    """A request's tracking numbers, except those of voided events, in the order logged."""
    return [
        row[0]
        for row in db.execute(
            f"""SELECT t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
               WHERE t.request_id = ? AND (e.id IS NULL OR e.voided_at IS NULL) AND {AGENCY_NUMBER}
               ORDER BY t.id""",
            [request_id],
        )
    ]


def tracking_numbers_by_event(db: Database, request_id: int) -> list[tuple[int | None, str]]:
    return db.execute(
        f"""SELECT t.event_id, t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
            WHERE t.request_id = ? AND {AGENCY_NUMBER} ORDER BY t.id""",
        [request_id],
    ).fetchall()


def confirmations(db: Database, request_id: int) -> list[str]:
    """What the portal, fax or post office gave when the request was sent (older logs kept
    these as numbers of the filing), except those of voided events."""
    return [
        row[0]
        for row in db.execute(
            f"""SELECT t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
                WHERE t.request_id = ? AND e.voided_at IS NULL AND NOT {AGENCY_NUMBER} ORDER BY t.id""",
            [request_id],
        )
    ]


def requests_with_tracking_numbers(db: Database, numbers: list[str]) -> list[int]:
    """Requests that carry any of ``numbers`` on a live event, by id."""
    if not numbers:
        return []
    marks = ", ".join("?" * len(numbers))
    rows = db.execute(
        f"""SELECT DISTINCT t.request_id FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
            WHERE t.number IN ({marks}) AND (e.id IS NULL OR e.voided_at IS NULL) ORDER BY t.request_id""",
        numbers,
    ).fetchall()
    return [row[0] for row in rows]


def live_attachments(db: Database, request_id: int) -> list[tuple]:
    """(event id, filename, mime, files rowid, size, sha256) of every file on a live event."""
    return db.execute(
        """SELECT a.event_id, a.filename, a.mime, f.rowid, f.size, f.sha256
             FROM attachments a JOIN files f ON f.sha256 = a.sha256 JOIN events e ON e.id = a.event_id
            WHERE e.request_id = ? AND e.voided_at IS NULL ORDER BY a.id""",
        [request_id],
    ).fetchall()


def attachment_refs(db: Database, request_id: int) -> list[tuple[int, int, str, int]]:
    """(event id, attachment id, filename, size) of every file attached on a request."""
    return db.execute(
        "SELECT a.event_id, a.id, a.filename, f.size FROM attachments a "
        "JOIN events e ON e.id = a.event_id JOIN files f ON f.sha256 = a.sha256 "
        "WHERE e.request_id = ? ORDER BY a.id",
        [request_id],
    ).fetchall()


def attachment_content(db: Database, attachment_id: int) -> tuple[str, bytes] | None:
    return db.execute(
        "SELECT a.filename, f.content FROM attachments a JOIN files f ON f.sha256 = a.sha256 WHERE a.id = ?",
        [attachment_id],
    ).fetchone()


def first_live_use_of_file(db: Database, sha256: str) -> tuple | None:
    """(filename, event id, request id, event type, date) where a stored file was first
    attached on a live event, or None."""
    return db.execute(
        """SELECT a.filename, e.id, e.request_id, e.type, e.occurred_on FROM attachments a
           JOIN events e ON e.id = a.event_id
           WHERE a.sha256 = ? AND e.voided_at IS NULL ORDER BY e.id LIMIT 1""",
        [sha256],
    ).fetchone()


def request_description_and_requester(db: Database, request_id: int) -> tuple[str, str]:
    row = db.execute(
        """SELECT r.description, coalesce(q.name, '') FROM requests r
             LEFT JOIN requesters q ON q.id = r.requester_id WHERE r.id = ?""",
        [request_id],
    ).fetchone()
    return row if row else ("", "")


def notes_of(db: Database, request_id: int) -> list[tuple[int, str, str]]:
    """(id, body, created_at) of a request's notes, newest first."""
    return db.execute(
        "SELECT id, body, created_at FROM notes WHERE request_id = ? ORDER BY id DESC", [request_id]
    ).fetchall()


def tags_of(db: Database, request_id: int) -> tuple[str, ...]:
    return tuple(
        name
        for (name,) in db.execute(
            "SELECT t.name FROM tags t JOIN request_tags rt ON rt.tag_id = t.id "
            "WHERE rt.request_id = ? ORDER BY t.name COLLATE NOCASE",
            [request_id],
        )
    )


def requester_names(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every requester profile, by name."""
    return db.execute("SELECT id, name FROM requesters ORDER BY name").fetchall()


def requester_row(db: Database, requester_id: int) -> dict:
    """A saved requester's columns, by name ({} if there is none)."""
    cursor = db.execute("SELECT * FROM requesters WHERE id = ?", [requester_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else {}


def case_row(db: Database, slug: str) -> tuple | None:
    """(id, slug, name, summary) of the case with this short id."""
    return db.execute("SELECT id, slug, name, summary FROM cases WHERE slug = ?", [slug]).fetchone()


def case_slugs(db: Database, limit: int | None = None) -> list[str]:
    sql = "SELECT slug FROM cases ORDER BY slug" + (" LIMIT ?" if limit else "")
    return [row[0] for row in db.execute(sql, [limit] if limit else [])]


def cases_by_name(db: Database) -> list[tuple[int, str, str]]:
    """(id, slug, name) of every case, by name."""
    return db.execute("SELECT id, slug, name FROM cases ORDER BY name").fetchall()


def case_name_and_summary(db: Database, case_id: int) -> tuple[str, str] | None:
    return db.execute("SELECT name, summary FROM cases WHERE id = ?", [case_id]).fetchone()


def case_requests(db: Database, case_id: int) -> list[tuple[int, str]]:
    """(request id, component abbr) of every request in a case, by id."""
    return db.execute(
        "SELECT r.id, c.abbr FROM requests r JOIN components c ON c.id = r.component_id "
        "WHERE r.case_id = ? ORDER BY r.id",
        [case_id],
    ).fetchall()


def case_fee_sums(db: Database, case_id: int) -> list[tuple[str, str, int]]:
    """(component abbr, fee kind, total cents) over a case's live fee lines."""
    return db.execute(
        """SELECT c.abbr, f.kind, SUM(f.amount_cents) FROM fees f
             JOIN requests r ON r.id = f.request_id JOIN components c ON c.id = r.component_id
             LEFT JOIN events e ON e.id = f.event_id
            WHERE r.case_id = ? AND e.voided_at IS NULL GROUP BY c.abbr, f.kind""",
        [case_id],
    ).fetchall()


def requester_names_in_order(db: Database) -> list[str]:
    """Every requester's name, oldest profile first."""
    return [row[0] for row in db.execute("SELECT name FROM requesters ORDER BY id")]


def case_slug_of(db: Database, case_id: int) -> str | None:
    row = db.execute("SELECT slug FROM cases WHERE id = ?", [case_id]).fetchone()
    return row[0] if row else None


def has_table(db, name: str) -> bool:
    """Whether the log has a table ``name`` (e.g. the mark of a demo log)."""
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return db.execute(sql, [name]).fetchone() is not None


def case_request_texts(db, case_id: int) -> list[tuple[str, str, str]]:
    """(component abbreviation, title, description) of each request of a case."""
    return db.execute(
        "SELECT c.abbr, r.title, r.description FROM requests r JOIN components c ON c.id = r.component_id "
        "WHERE r.case_id = ?",
        [case_id],
    ).fetchall()
