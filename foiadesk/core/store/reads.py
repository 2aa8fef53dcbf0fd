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


def tracking_numbers(db: Database, request_id: int) -> list[tuple[str, str]]:
    """(number, kind) of a request's numbers, in the order they were logged; numbers logged
    with an event that was taken back are left out."""
    return db.execute(
        "SELECT t.number, t.kind FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id "
        "WHERE t.request_id = ? AND (t.event_id IS NULL OR e.voided_at IS NULL) ORDER BY t.id",
        [request_id],
    ).fetchall()
