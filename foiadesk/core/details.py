"""What the request screen shows beside the events and clocks: who asked, what for, the
tags, the notes and the files attached to each event."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Note:
    id: int
    body: str
    created_at: str


@dataclass(frozen=True)
class Details:
    description: str
    requester: str
    tags: tuple[str, ...]
    notes: tuple[Note, ...]
    files: dict[int, tuple[str, ...]]  # event id → attached file names


def request_details(db: Database, request_id: int) -> Details:
    row = db.execute(
        """SELECT r.description, coalesce(q.name, '') FROM requests r
             LEFT JOIN requesters q ON q.id = r.requester_id WHERE r.id = ?""",
        [request_id],
    ).fetchone()
    description, requester = row if row else ("", "")
    tags = tuple(
        name
        for (name,) in db.execute(
            "SELECT t.name FROM tags t JOIN request_tags rt ON rt.tag_id = t.id "
            "WHERE rt.request_id = ? ORDER BY t.name",
            [request_id],
        )
    )
    notes = tuple(
        Note(*row)
        for row in db.execute(
            "SELECT id, body, created_at FROM notes WHERE request_id = ? ORDER BY id DESC",
            [request_id],
        )
    )
    files: dict[int, list[str]] = {}
    for event_id, name in db.execute(
        "SELECT a.event_id, a.filename FROM attachments a JOIN events e ON e.id = a.event_id "
        "WHERE e.request_id = ? ORDER BY a.id",
        [request_id],
    ):
        files.setdefault(event_id, []).append(name)
    return Details(description, requester, tags, notes, {k: tuple(v) for k, v in files.items()})


def requesters(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every requester profile, by name."""
    return db.execute("SELECT id, name FROM requesters ORDER BY name").fetchall()


def requester_fields(db: Database, requester_id: int) -> dict:
    """A saved requester's columns, by name (for the letter composer)."""
    cursor = db.execute("SELECT * FROM requesters WHERE id = ?", [requester_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else {}
