"""What the log knows of each request that a reply could answer: read for matching a letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database


@dataclass(frozen=True)
class RequestFacts:
    id: int
    title: str
    description: str
    component_abbr: str
    component_name: str
    agency_abbr: str
    agency_name: str
    filed_on: date | None  # the first "filed" event not taken back
    numbers: tuple[str, ...]  # its tracking numbers, on events not taken back


def request_facts(db: Database) -> list[RequestFacts]:
    """Every request in the log, with its agency, filing date and tracking numbers."""
    numbers: dict[int, list[str]] = {}
    for request_id, number in db.execute(
        """SELECT t.request_id, t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
           WHERE e.id IS NULL OR e.voided_at IS NULL ORDER BY t.id"""
    ):
        numbers.setdefault(request_id, []).append(number)
    rows = db.execute(
        """SELECT r.id, r.title, r.description, c.abbr, c.name, a.abbr, a.name,
                  (SELECT min(e.occurred_on) FROM events e
                    WHERE e.request_id = r.id AND e.type = 'filed' AND e.voided_at IS NULL)
           FROM requests r JOIN components c ON c.id = r.component_id JOIN agencies a ON a.id = c.agency_id
           ORDER BY r.id"""
    )
    return [
        RequestFacts(
            rid,
            title,
            description or "",
            cabbr,
            cname,
            aabbr,
            aname,
            date.fromisoformat(filed) if filed else None,
            tuple(numbers.get(rid, ())),
        )
        for rid, title, description, cabbr, cname, aabbr, aname, filed in rows
    ]


def components(db: Database) -> list[tuple[str, str, str, str]]:
    """Every component in the log: (abbr, name, agency abbr, agency name)."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT c.abbr, c.name, a.abbr, a.name FROM components c JOIN agencies a ON a.id = c.agency_id"
        )
    ]
