"""Tags on requests: adding one is ``log.tag_request``; this module lists them and takes
one off a request (the tag itself stays, for completing the next one)."""

from __future__ import annotations

from sqlite_utils import Database

from foiadesk.core.store.db import write
from foiadesk.core.store.log import Changes, LogError


def all_tags(db: Database) -> list[str]:
    """Every tag in the log, by name."""
    return [name for (name,) in db.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def untag_request(db: Database, request_id: int, name: str) -> Changes:
    """Take the tag ``name`` off a request."""
    with write(db):
        found = db.execute(
            "DELETE FROM request_tags WHERE request_id = ? AND tag_id = "
            "(SELECT id FROM tags WHERE name = ? COLLATE NOCASE)",
            [request_id, name.strip()],
        ).rowcount
        if not found:
            raise LogError(f"Request #{request_id} has no tag '{name.strip()}'.")
    return Changes(request_ids=frozenset({request_id}))
