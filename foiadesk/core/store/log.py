"""The request log: requesters, cases, requests and their events.

Every write validates first, runs in one transaction, and returns ``Changes`` so
the caller (CLI or window) knows what to redraw. Bad input raises ``LogError``
with a message a user can act on, and nothing is written.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import FIRST_YEAR, LAST_YEAR
from foiadesk.core.deadlines.events import ASKS, CHANNELS, EVENT_TYPES, STARTS, Event
from foiadesk.core.errors import UserError
from foiadesk.core.inputs import MAX_FILE_BYTES, file_name, read_limited, too_big
from foiadesk.core.store.db import now, write

EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[A-Za-z]{2,}$")
FEE_CATEGORIES = ("commercial", "educational", "scientific", "news_media", "other")
AMOUNT_TYPES = ("fee_estimate", "payment")  # the events that carry an amount


class LogError(UserError):
    """Input the log refuses; the message says what to fix."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str = "application/octet-stream"

    @classmethod
    def read(cls, path: Path) -> Attachment:
        """A file the user attaches, read the same way from the window and the command
        line: its name, its bytes and the media type its name suggests."""
        data = read_limited(path, error=LogError)  # capped; never a pipe or a device
        mime = mimetypes.guess_type(Path(path).name)[0] or "application/octet-stream"
        return cls(file_name(Path(path).name), data, mime)


@dataclass(frozen=True)
class NewEvent:
    """An event as a user logs it (before it has an id)."""

    type: str
    occurred_on: date
    channel: str | None = None
    agency_received_on: date | None = None
    named_date: date | None = None
    outcome: str | None = None
    tracking_number: str | None = None
    amount_cents: int | None = None
    summary: str = ""
    body: str = ""
    files: tuple[Attachment, ...] = ()
    linked_request: int | None = None
    confirmation: str | None = None  # what the portal, fax or post office gave: not a tracking number


@dataclass(frozen=True)
class Changes:
    """What one write changed."""

    request_ids: frozenset[int] = frozenset()
    event_ids: tuple[int, ...] = ()
    new_id: int | None = None
    lists_changed: bool = False  # requesters, cases or components added
    stored: tuple[str, ...] = field(default=())  # sha256 of newly stored files


# -- reference rows ------------------------------------------------------------------------


def add_requester(
    db: Database,
    *,
    name: str,
    email: str = "",
    organization: str = "",
    title: str = "",
    phone: str = "",
    address: str = "",
    fee_category: str = "other",
    fee_category_basis: str = "",
    signature_name: str = "",
    dissemination: str = "",
) -> Changes:
    if not name.strip():
        raise LogError("A requester needs a name.")
    if email and not EMAIL.match(email.strip()):
        raise LogError(f"'{email}' is not an email address (expected name@example.org).")
    if fee_category not in FEE_CATEGORIES:
        raise LogError(f"Fee category must be one of: {', '.join(FEE_CATEGORIES)}.")
    with write(db):
        new_id = (
            db.table("requesters")
            .insert(
                dict(
                    name=name.strip(),
                    email=email.strip(),
                    organization=organization,
                    title=title,
                    phone=phone,
                    address=address,
                    fee_category=fee_category,
                    fee_category_basis=fee_category_basis,
                    signature_name=signature_name or name.strip(),
                    dissemination=dissemination,
                    created_at=now(),
                )
            )
            .last_pk
        )
    return Changes(new_id=new_id, lists_changed=True)


def ensure_component(db: Database, *, abbr: str, name: str, agency_abbr: str, agency_name: str) -> int:
    """The id of a component, adding it (and its agency) the first time it is used."""
    with write(db):
        row = db.execute("SELECT id FROM components WHERE abbr = ?", [abbr]).fetchone()
        if row:
            return row[0]
        agency = db.execute("SELECT id FROM agencies WHERE abbr = ?", [agency_abbr]).fetchone()
        agency_id = (
            agency[0]
            if agency
            else db.table("agencies").insert(dict(abbr=agency_abbr, name=agency_name)).last_pk
        )
        new_id = db.table("components").insert(dict(agency_id=agency_id, abbr=abbr, name=name)).last_pk
        assert new_id is not None  # insert() sets last_pk to the new rowid
        return new_id


def ensure_directory_component(db: Database, comp) -> int:
    """The id of a directory component (curated or FOIA.gov), stored under its key."""
    return ensure_component(
        db,
        abbr=comp.key,
        name=comp.name,
        agency_abbr=comp.parent or comp.key,
        agency_name=comp.parent_name or comp.name,
    )


def add_directory_request(
    db: Database,
    comp,
    *,
    title: str,
    case_slug: str | None = None,
    case_id: int | None = None,
    requester_id: int | None = None,
    description: str = "",
) -> Changes:
    """The user action "add a request to a directory component", from the window and the
    command line alike: the component is added to the log the first time it is used, the
    case is given by its id or its short id, all in one transaction, so a bad case or
    requester leaves no new component behind."""
    with write(db):
        if case_slug:
            row = db.execute("SELECT id FROM cases WHERE slug = ?", [case_slug]).fetchone()
            if row is None:
                raise LogError(f"There is no case '{case_slug}'.")
            case_id = row[0]
        component_id = ensure_directory_component(db, comp)
        return add_request(
            db,
            title=title,
            component_id=component_id,
            case_id=case_id,
            requester_id=requester_id,
            description=description,
        )


def add_case(
    db: Database, *, slug: str, name: str, summary: str = "", pack_json: str | None = None
) -> Changes:
    """A case. Its short id (``slug``) names the case pack it came from, if any; a case of
    the user's own takes the next free one ("dhs-ssa-2"), since the user never sees it."""
    name = name.strip()
    if not name:
        raise LogError("A case needs a name.")
    with write(db):
        slug = slug.strip() or "case"
        taken = db.execute("SELECT name FROM cases WHERE slug = ?", [slug]).fetchone()
        if taken and pack_json is not None:
            raise LogError(f"This case pack is in the log already, as the case “{taken[0]}” (see Cases).")
        if pack_json is None and db.execute("SELECT 1 FROM cases WHERE name = ?", [name]).fetchone():
            raise LogError(f"There is already a case named “{name}”: give this one another name.")
        stem, number = slug, 1
        while taken:
            number += 1
            slug = f"{stem}-{number}"
            taken = db.execute("SELECT 1 FROM cases WHERE slug = ?", [slug]).fetchone()
        new_id = (
            db.table("cases")
            .insert(dict(slug=slug, name=name, summary=summary, pack_json=pack_json, created_at=now()))
            .last_pk
        )
    return Changes(new_id=new_id, lists_changed=True)


def add_request(
    db: Database,
    *,
    title: str,
    component_id: int,
    case_id: int | None = None,
    requester_id: int | None = None,
    description: str = "",
) -> Changes:
    if not title.strip():
        raise LogError("A request needs a title.")
    with write(db):
        _require(db, "components", component_id, "component")
        _require(db, "cases", case_id, "case")
        _require(db, "requesters", requester_id, "requester")
        new_id = (
            db.table("requests")
            .insert(
                dict(
                    title=title.strip(),
                    component_id=component_id,
                    case_id=case_id,
                    requester_id=requester_id,
                    description=description,
                    created_at=now(),
                )
            )
            .last_pk
        )
        assert new_id is not None  # insert() sets last_pk to the new rowid
    return Changes(request_ids=frozenset({new_id}), new_id=new_id)


# -- events --------------------------------------------------------------------------------


def events_for(db: Database, request_id: int, *, include_voided: bool = False) -> list[Event]:
    """A request's events in the order they happened."""
    sql = """SELECT e.*, (SELECT number FROM tracking_numbers t WHERE t.event_id = e.id
                         AND t.kind != 'confirmation' AND e.type != 'filed'
                         ORDER BY t.id LIMIT 1) AS tracking_number
             FROM events e WHERE request_id = ?"""
    if not include_voided:
        sql += " AND voided_at IS NULL"
    rows = db.execute(sql + " ORDER BY occurred_on, id", [request_id])
    cols = [c[0] for c in rows.description]
    return [_event(dict(zip(cols, row, strict=True))) for row in rows.fetchall()]


def _event(row: dict) -> Event:
    day = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    return Event(
        type=row["type"],
        occurred_on=date.fromisoformat(row["occurred_on"]),  # NOT NULL, a checked date
        agency_received_on=day(row["agency_received_on"]),
        named_date=day(row["named_date"]),
        outcome=row["outcome"],
        id=row["id"],
        direction=row["direction"],
        channel=row["channel"],
        tracking_number=row.get("tracking_number"),
        amount_cents=row["amount_cents"],
        summary=row["summary"],
        linked_request=row.get("linked_request_id"),
    )


# Agency letters that report when the agency received something the requester sent.
REPORTS_RECEIPT = ("acknowledged", "appeal_received", "received", "routed")


def _receipt_floor(new: NewEvent, history: list[Event], filed: Event | None) -> tuple[date, str]:
    """The earliest date the agency can have received what ``new`` says it received."""
    if new.type == "appeal_received":
        appeal = next((e for e in reversed(history) if e.type == "appeal_filed"), None)
        if appeal is not None:
            return appeal.occurred_on, "the appeal"
    if new.type in REPORTS_RECEIPT and filed is not None:
        return filed.occurred_on, "the request"
    return new.occurred_on, "it"


def check_event(new: NewEvent, history: list[Event], *, today: date | None = None) -> None:
    """Refuse an event that is malformed or impossible given the request's history."""
    kind = EVENT_TYPES.get(new.type)
    if kind is None:
        raise LogError(f"Unknown event type '{new.type}'. Known types: {', '.join(EVENT_TYPES)}.")
    today = today or date.today()
    if new.occurred_on > today + timedelta(days=1):
        raise LogError(f"{kind.label}: {new.occurred_on} is in the future.")
    for day in (new.occurred_on, new.agency_received_on, new.named_date):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise LogError(
                f"{kind.label}: {day} is outside the years FoiaDesk counts ({FIRST_YEAR}–{LAST_YEAR})."
            )
    if new.channel is not None and new.channel not in CHANNELS:
        raise LogError(f"Channel must be one of: {', '.join(CHANNELS)}.")
    if new.outcome is not None and new.outcome not in kind.outcomes:
        allowed = ", ".join(kind.outcomes) or "none"
        raise LogError(f"{kind.label}: outcome '{new.outcome}' is not one of: {allowed}.")
    if kind.outcomes and new.outcome is None and not kind.outcome_optional:
        raise LogError(f"{kind.label}: say which outcome ({', '.join(kind.outcomes)}).")
    if new.named_date is not None and not kind.named_date:
        raise LogError(f"{kind.label} does not take a named date.")
    if new.type == "timeframe_agreed" and new.named_date is None:
        raise LogError(f"{kind.label}: give the date you agreed the agency would respond by.")
    if new.type == "timeframe_agreed" and new.named_date is not None and new.named_date <= new.occurred_on:
        raise LogError(
            f"{kind.label}: the date to respond by ({new.named_date}) must come after the day it was "
            f"agreed ({new.occurred_on})."
        )
    if new.agency_received_on is not None and not kind.agency_receipt:
        raise LogError(f"{kind.label} does not take an agency receipt date.")
    if new.amount_cents is not None and new.amount_cents < 0:
        raise LogError(f"{kind.label}: an amount cannot be negative.")
    if new.amount_cents is not None and new.type not in AMOUNT_TYPES:
        raise LogError(f"{kind.label} does not take an amount (only a fee estimate or a payment does).")
    if new.amount_cents == 0:  # an amount left empty: $0.00 is neither an estimate nor a payment
        what = "the agency estimated" if new.type == "fee_estimate" else "you paid"
        raise LogError(f"{kind.label}: enter the amount {what}.")
    filed = next((e for e in history if e.type in STARTS), None)
    if new.type in STARTS and filed is not None:
        how = "filed" if filed.type == "filed" else "received on referral"
        raise LogError(f"This request was already {how} on {filed.occurred_on}.")
    drafted = next((e for e in history if e.type == "drafted"), None)
    if new.type == "filed" and drafted is not None and new.occurred_on < drafted.occurred_on:
        raise LogError(
            f"Filed on {new.occurred_on} is before the letter's date ({drafted.occurred_on}): "
            "a letter cannot be sent before it is dated."
        )
    if new.type not in ("drafted", "note", *STARTS) and filed is None:
        raise LogError(
            f"{kind.label}: log the filing first; nothing can happen to a request that was never sent."
        )
    if filed is not None and new.type not in ("note",) and new.occurred_on < filed.occurred_on:
        raise LogError(f"{kind.label} on {new.occurred_on} is before the filing on {filed.occurred_on}.")
    if new.agency_received_on is not None:
        floor, sent = _receipt_floor(new, history, filed)
        if new.agency_received_on < floor:
            raise LogError(
                f"{kind.label}: the agency cannot have received {sent} ({new.agency_received_on}) "
                f"before it was sent ({floor})."
            )
        # A routing notice may say where the request went before the new component has it.
        if new.type in REPORTS_RECEIPT and new.type != "routed" and new.agency_received_on > new.occurred_on:
            raise LogError(f"{kind.label}: the receipt date it gives is after the letter's date.")
    if new.named_date is not None and new.named_date < new.occurred_on:
        raise LogError(
            f"{kind.label}: the date it names ({new.named_date}) is before the letter ({new.occurred_on})."
        )
    asks = {answer: ask for ask, answer in ASKS.items()}
    if new.type in asks:
        ask = asks[new.type]
        pending = [e for e in history if e.type == ask]
        answered = sum(1 for e in history if e.type == new.type)
        if len(pending) <= answered:
            raise LogError(f"{kind.label}: there is no open '{EVENT_TYPES[ask].label}' to answer.")
        if new.occurred_on < pending[answered].occurred_on:
            raise LogError(
                f"{kind.label} on {new.occurred_on} is before the agency asked "
                f"({pending[answered].occurred_on})."
            )
    if new.type in ("appeal_decided", "appeal_extension_notice") and not any(
        e.type == "appeal_filed" for e in history
    ):
        raise LogError(f"{kind.label}: log the appeal first.")
    if new.linked_request is not None and new.type not in ("referral",):
        raise LogError(f"{kind.label} does not link another request.")


# Kinds of numbers a request carries. Only the agency's numbers are tracking numbers; a
# confirmation is what the portal, the fax machine or the post office gave when it was sent.
# Older logs stored confirmations as numbers of the filing: every query reads a number on a
# ``filed`` event as a confirmation too.
NUMBER_KINDS = ("request", "appeal", "referral", "confirmation")


def tracking_kind(new: NewEvent) -> str:
    if new.type.startswith("appeal"):
        return "appeal"
    if new.type == "routed" or new.outcome == "referral":
        return "referral"
    return "request"


def store_file(db: Database, data: bytes) -> tuple[str, bool]:
    """Store bytes once, keyed by their SHA-256. Returns (hash, newly stored)."""
    digest = hashlib.sha256(data).hexdigest()
    cur = db.execute(
        "INSERT OR IGNORE INTO files (sha256, size, content, created_at) VALUES (?, ?, ?, ?)",
        [digest, len(data), data, now()],
    )
    return digest, cur.rowcount == 1


def record_event(db: Database, request_id: int, new: NewEvent, *, today: date | None = None) -> Changes:
    """Validate and store one event with its tracking number, fee and files, atomically."""
    kind = EVENT_TYPES.get(new.type)
    for item in new.files:
        if not item.filename.strip() or not isinstance(item.data, bytes) or not item.mime:
            raise LogError("An attachment needs a file name, its bytes and a type.")
        if len(item.data) > MAX_FILE_BYTES:
            raise LogError(too_big(item.filename, len(item.data)))
    with write(db):
        _require(db, "requests", request_id, "request")
        check_event(new, events_for(db, request_id), today=today)
        assert kind is not None  # check_event refuses an unknown type
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        event_id = (
            db.table("events")
            .insert(
                dict(
                    request_id=request_id,
                    type=new.type,
                    direction=kind.direction,
                    channel=new.channel,
                    occurred_on=iso(new.occurred_on),
                    agency_received_on=iso(new.agency_received_on),
                    named_date=iso(new.named_date),
                    outcome=new.outcome,
                    amount_cents=new.amount_cents,
                    summary=new.summary,
                    body=new.body,
                    created_at=now(),
                    linked_request_id=new.linked_request,
                )
            )
            .last_pk
        )
        assert event_id is not None  # insert() sets last_pk to the new rowid
        typed = [
            ((new.tracking_number or "").strip(), tracking_kind(new)),
            ((new.confirmation or "").strip(), "confirmation"),
        ]
        for number, number_kind in typed:
            if number:
                db.execute(
                    "INSERT INTO tracking_numbers (request_id, event_id, number, kind) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (request_id, number) DO NOTHING",
                    [request_id, event_id, number, number_kind],
                )
        fee_kind = {"fee_estimate": "estimate", "payment": "payment"}.get(new.type)
        if fee_kind and new.amount_cents is not None:
            db.table("fees").insert(
                dict(
                    request_id=request_id,
                    event_id=event_id,
                    kind=fee_kind,
                    amount_cents=new.amount_cents,
                )
            )
        stored = []
        for item in new.files:
            digest, fresh = store_file(db, item.data)
            if fresh:
                stored.append(digest)
            db.execute(
                "INSERT INTO attachments (event_id, sha256, filename, mime) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (event_id, sha256) DO NOTHING",
                [event_id, digest, item.filename, item.mime],
            )
    return Changes(
        request_ids=frozenset({request_id}),
        event_ids=(event_id,),
        new_id=event_id,
        stored=tuple(stored),
    )


def refer_request(
    db: Database,
    request_id: int,
    *,
    on: date,
    component=None,
    link: int | None = None,
    what: str = "",
    received_on: date | None = None,
    today: date | None = None,
) -> Changes:
    """The agency referred records to another agency: one transaction that records the
    referral on this request and starts (or links) the request at the receiving agency,
    whose clocks run from its own receipt, without the routing cap (that is for components
    of one agency). Give ``component`` (a directory component) to create the new request,
    or ``link`` for a request already in the log."""
    if (component is None) == (link is None):
        raise LogError("Referral: name the receiving agency's component, or the request to link.")
    with write(db):
        _require(db, "requests", request_id, "request")
        _require(db, "requests", link, "request")
        component_id = ensure_directory_component(db, component) if component is not None else None
        source = db.execute(
            "SELECT r.title, r.case_id, r.requester_id, c.abbr, c.agency_id FROM requests r "
            "JOIN components c ON c.id = r.component_id WHERE r.id = ?",
            [request_id],
        ).fetchone()
        title, case_id, requester_id, abbr, agency_id = source
        if link == request_id:
            raise LogError("Referral: a request cannot be referred to itself.")
        if link is not None:
            component_id = db.execute("SELECT component_id FROM requests WHERE id = ?", [link]).fetchone()[0]
        target = db.execute("SELECT abbr, agency_id FROM components WHERE id = ?", [component_id]).fetchone()
        if target[1] == agency_id:
            raise LogError(
                f"Referral: {target[0]} is part of the same agency as {abbr}; log a routing instead "
                "(the 10-working-day routing cap applies to it)."
            )
        if link is None:
            assert component_id is not None  # one of the two was given (checked above)
            link = add_request(
                db,
                title=f"{title} (referred by {abbr})",
                component_id=component_id,
                case_id=case_id,
                requester_id=requester_id,
                description=what,
            ).new_id
            assert link is not None
        record_event(
            db,
            request_id,
            NewEvent("referral", on, summary=what or f"Records referred to {target[0]}", linked_request=link),
            today=today,
        )
        if not any(e.type in STARTS for e in events_for(db, link)):
            record_event(
                db,
                link,
                NewEvent(
                    "referral_received",
                    on,
                    agency_received_on=received_on,
                    summary=f"Referred by {abbr} (request #{request_id})" + (f": {what}" if what else ""),
                ),
                today=today,
            )
    return Changes(request_ids=frozenset({request_id, link}), new_id=link)


def void_event(db: Database, event_id: int) -> Changes:
    """Take back an event logged by mistake. It stays in the file, marked void, so
    nothing is lost; clocks and status stop reading it."""
    with write(db):
        row = db.execute(
            "SELECT request_id FROM events WHERE id = ? AND voided_at IS NULL", [event_id]
        ).fetchone()
        if row is None:
            raise LogError(f"There is no event {event_id} to take back.")
        db.execute("UPDATE events SET voided_at = ? WHERE id = ?", [now(), event_id])
    return Changes(request_ids=frozenset({row[0]}), event_ids=(event_id,))


def _require(db: Database, table: str, row_id: int | None, what: str) -> None:
    if row_id is not None and not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone():
        raise LogError(f"There is no {what} with id {row_id}.")


def add_note(db: Database, request_id: int, body: str) -> Changes:
    if not body.strip():
        raise LogError("A note cannot be empty.")
    with write(db):
        _require(db, "requests", request_id, "request")
        new_id = db.table("notes").insert(dict(request_id=request_id, body=body, created_at=now())).last_pk
    return Changes(request_ids=frozenset({request_id}), new_id=new_id)


def set_request_case(db: Database, request_id: int, case_id: int | None) -> Changes:
    """Put a request in a case (``None``: in none), as if it had been added to it: the case
    it is listed, counted and exported with."""
    with write(db):
        _require(db, "requests", request_id, "request")
        _require(db, "cases", case_id, "case")
        db.execute("UPDATE requests SET case_id = ? WHERE id = ?", [case_id, request_id])
    return Changes(request_ids=frozenset({request_id}))


def tag_request(db: Database, request_id: int, name: str) -> Changes:
    name = name.strip()
    if not name:
        raise LogError("A tag needs a name.")
    with write(db):
        _require(db, "requests", request_id, "request")
        db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
        tag_id = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
        db.execute(
            "INSERT OR IGNORE INTO request_tags (request_id, tag_id) VALUES (?, ?)",
            [request_id, tag_id],
        )
    return Changes(request_ids=frozenset({request_id}))


def search(db: Database, text: str, *, limit: int = 200) -> list[int]:
    """Ids of requests whose title, description, events or notes match ``text``."""
    words = [w for w in re.findall(r"\w+", text) if w]
    if not words:
        return []
    query = " ".join(f'"{w}"*' for w in words)
    rows = db.execute(  # UNION ALL: the duplicates are dropped below, without SQLite's sort
        """SELECT rowid FROM requests_fts WHERE requests_fts MATCH :q
           UNION ALL SELECT e.request_id FROM events_fts f JOIN events e ON e.id = f.rowid
                 WHERE events_fts MATCH :q AND e.voided_at IS NULL
           UNION ALL SELECT n.request_id FROM notes_fts f JOIN notes n ON n.id = f.rowid
                 WHERE notes_fts MATCH :q""",
        {"q": query},
    )
    found: dict[int, None] = {}  # a request matched in its title and a letter is one hit
    for (request_id,) in rows:
        found[request_id] = None
        if len(found) >= limit:
            break
    return list(found)


SNIPPET_WORDS = 12


def search_snippets(db: Database, request_ids: list[int], text: str) -> dict[int, str]:
    """Where ``text`` matched in each request, in a few words: "reply: … [words] …",
    "letter: …", "note: …", "tracking no. …" (the title itself: nothing to add)."""
    words = [w for w in re.findall(r"\w+", text) if w]
    if not words or not request_ids:
        return {}
    query = " ".join(f'"{w}"*' for w in words)
    ids = ",".join(str(int(i)) for i in request_ids)
    found: dict[int, str] = {}
    rows = db.execute(
        f"""SELECT e.request_id, e.type, e.direction,
                   snippet(events_fts, -1, '[', ']', '…', {SNIPPET_WORDS})
            FROM events_fts f JOIN events e ON e.id = f.rowid
            WHERE events_fts MATCH ? AND e.voided_at IS NULL AND e.request_id IN ({ids})
            ORDER BY e.occurred_on DESC""",
        [query],
    ).fetchall()
    for request_id, type_, direction, snip in rows:
        where = "reply" if direction == "in" else "letter" if type_ in ("drafted", "filed") else "event"
        found.setdefault(request_id, f"{where}: {_one_line(snip)}")
    rows = db.execute(
        f"""SELECT n.request_id, snippet(notes_fts, -1, '[', ']', '…', {SNIPPET_WORDS})
            FROM notes_fts f JOIN notes n ON n.id = f.rowid
            WHERE notes_fts MATCH ? AND n.request_id IN ({ids})""",
        [query],
    ).fetchall()
    for request_id, snip in rows:
        found.setdefault(request_id, f"note: {_one_line(snip)}")
    needle = text.strip().casefold()
    rows = db.execute(
        f"SELECT request_id, number FROM tracking_numbers WHERE request_id IN ({ids})"
    ).fetchall()
    for request_id, number in rows:
        if needle and needle in number.casefold():
            found[request_id] = f"tracking no. {number}"
    return found


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def add_request_number(db: Database, request_id: int, event_id: int, number: str) -> None:
    """Record an agency tracking number read from a reply, unless the request has it."""
    db.execute(
        "INSERT INTO tracking_numbers (request_id, event_id, number, kind) "
        "VALUES (?, ?, ?, 'request') ON CONFLICT (request_id, number) DO NOTHING",
        [request_id, event_id, number],
    )
