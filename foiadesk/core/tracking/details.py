"""What the request screen shows beside the events and clocks: who asked, what for, the
tags, the notes and the files attached to each event; and how an event's facts read.

``event_details`` is the one wording of an event's facts, for every screen and command
that lists events (the window's timeline, ``foiadesk show``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS, Event
from foiadesk.core.store import reads, sent
from foiadesk.core.store.log import LogError, NewEvent


def event_details(event: Event | NewEvent, *, channel: bool = True) -> list[str]:
    """The facts of an event besides its date and type, one short phrase each: outcome,
    the receipt date it reports, the date it names, tracking number, amount, channel
    (unless ``channel=False``) and its summary when that says more than the type's name.

    >>> event_details(Event("acknowledged", date(2026, 3, 2), tracking_number="F-1"))
    ['tracking F-1']"""
    kind = EVENT_TYPES[event.type]
    parts = []
    if event.outcome:
        parts.append(OUTCOME_LABELS.get(event.outcome, event.outcome))
    if event.agency_received_on:
        said = kind.agency_receipt or "Received"
        parts.append(f"{said[0].lower()}{said[1:]} {event.agency_received_on}")
    if event.named_date:
        parts.append(f"{(kind.named_date or 'date named').lower()} {event.named_date}")
    if event.tracking_number:
        parts.append(f"tracking {event.tracking_number}")
    if event.amount_cents is not None:
        parts.append(dollars(event.amount_cents))
    if channel and event.channel:
        parts.append(f"by {channel_name(event.channel)}")
    if event.linked_request is not None:
        parts.append(f"request there: #{event.linked_request}")
    summary = " ".join((event.summary or "").split())
    if event.type == "drafted":
        summary = _drafted_what(summary)
    cited, _, rest = summary.partition("; ")
    if cited.startswith("exemptions ") and rest == kind.label:  # logged with no summary of its own
        summary = cited
    if summary and summary != kind.label:
        parts.append(summary)
    return parts


def _drafted_what(summary: str) -> str:
    """What a letter FoiaDesk drafted is, without the "drafted" its summary repeats after the
    event's own label: "Follow-up drafted: Status inquiry (x.docx)" → "Status inquiry
    (x.docx)", "Request letter drafted (x.docx)" → "Request letter (x.docx)". A summary the
    user wrote is left as written."""
    for what in (sent.FOLLOW_UP, sent.REQUEST_LETTER, sent.IDENTITY):
        if summary.startswith(f"{what} drafted: "):
            return summary.removeprefix(f"{what} drafted: ")
        if summary.startswith(f"{what} drafted "):
            return what + summary.removeprefix(f"{what} drafted")
    return summary


def channel_name(channel: str | None) -> str:
    return (channel or "").replace("_", " ")


def dollars(cents: int) -> str:
    return f"${cents / 100:,.2f}"


@dataclass(frozen=True)
class Note:
    id: int
    body: str
    created_at: str


@dataclass(frozen=True)
class FileRef:
    """A file attached to an event (its bytes stay in the log until opened)."""

    id: int
    filename: str
    size: int


@dataclass(frozen=True)
class Details:
    description: str
    requester: str
    tags: tuple[str, ...]
    notes: tuple[Note, ...]
    files: dict[int, tuple[FileRef, ...]]  # event id → attached files


def request_details(db: Database, request_id: int) -> Details:
    description, requester = reads.request_description_and_requester(db, request_id)
    notes = tuple(Note(*row) for row in reads.notes_of(db, request_id))
    files: dict[int, list[FileRef]] = {}
    for event_id, attachment_id, name, size in reads.attachment_refs(db, request_id):
        files.setdefault(event_id, []).append(FileRef(attachment_id, name, size))
    return Details(
        description,
        requester,
        request_tags(db, request_id),
        notes,
        {k: tuple(v) for k, v in files.items()},
    )


def request_tags(db: Database, request_id: int) -> tuple[str, ...]:
    return reads.tags_of(db, request_id)


def copy_attachment(db: Database, attachment_id: int, folder: Path) -> Path:
    """Write an attached file out of the log into ``folder`` (for the system viewer) and
    return its path. The name is the attachment's own, made safe for any file system."""
    row = reads.attachment_content(db, attachment_id)
    if row is None:
        raise LogError(f"There is no attached file {attachment_id}.")
    name, content = row
    folder = Path(folder) / str(attachment_id)  # two files of the same name stay apart
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / safe_filename(name)
        path.write_bytes(content)
    except OSError as exc:
        raise LogError(f"Cannot write a copy of {name} to open it ({exc.strerror}).") from None
    return path


def safe_filename(name: str) -> str:
    """``name`` without folders or characters some systems refuse."""
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(name.replace("\\", "/")).name).strip(" .")
    return base[:150] or "attachment"


def requesters(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every requester profile, by name."""
    return reads.requester_names(db)


def requester_fields(db: Database, requester_id: int) -> dict:
    """A saved requester's columns, by name (for the letter composer)."""
    return reads.requester_row(db, requester_id)
