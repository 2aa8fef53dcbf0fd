"""From a parsed reply to the log: the events it would record, and what they would change.

Importing a letter is two steps, so nothing changes until the user agrees. ``preview``
builds the events the proposal stands for and runs them through the log's own checks and
the real clock engine on a copy of the request's history, giving the status and every
deadline before and after. ``accept`` records the same events in one transaction, with
the original file attached to the main one; a failure anywhere leaves the log untouched.
The user may edit the proposal (``dataclasses.replace``) between the two.

A file already in the log (same SHA-256, on an event not taken back) is refused: the same
letter imported twice would double its events and its deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.deadlines.events import EVENT_TYPES, Event
from foiadesk.core.errors import UserError
from foiadesk.core.replies.files import OCR_NOTE, ReplyFile, read_reply
from foiadesk.core.replies.kinds import DATE_NAMES, REPLY_LABELS, REPLY_TYPES
from foiadesk.core.replies.parse import Proposal, parse_reply
from foiadesk.core.store import reads
from foiadesk.core.store.db import write
from foiadesk.core.store.log import (
    Attachment,
    Changes,
    LogError,
    NewEvent,
    add_request_number,
    check_event,
    events_for,
    record_event,
)
from foiadesk.core.tracking.details import event_details
from foiadesk.core.tracking.preview import ClockChange, as_event, preview_events
from foiadesk.core.tracking.titles import shown_title
from foiadesk.core.tracking.tracker import appeal_rule

MAX_BODY_CHARS = 200_000  # the text kept on the event for search; the file itself is kept whole
DETERMINATIONS = {
    "records_released": "full_grant",
    "partial": "partial",
    "no_records": "no_records",
    "glomar": "glomar",
    "denial": "denial",
}
OUTCOMES = {
    "appeal_outcome": EVENT_TYPES["appeal_decided"].outcomes,
    "expedite": EVENT_TYPES["expedite_decided"].outcomes,
    "fee_waiver": ("granted", "denied"),
    "closure_reason": EVENT_TYPES["admin_closed"].outcomes,
}


# What else a letter can do besides its main event, by the main event's type: an agency's
# first letter often acknowledges the request too; an acknowledgment often invokes an
# extension and decides expedition or a fee waiver. Decisions in a final letter add nothing,
# except the day the request was received where no earlier letter gave it (see ``plan``).
MAY_ACKNOWLEDGE = frozenset(
    {
        "info_requested",
        "fee_estimate",
        "fee_clarification_requested",
        "extension_notice",
        "expedite_decided",
        "fee_decision",
    }
)
MAY_DECIDE_EXPEDITE = MAY_ACKNOWLEDGE - {"expedite_decided"} | {
    "acknowledged",
    "routed",
    "fee_decision",
    "still_interested",
}
MAY_DECIDE_FEE_WAIVER = frozenset({"acknowledged", "fee_estimate", "info_requested", "extension_notice"})


class DuplicateReplyError(UserError):
    """The file is already in the log."""


class ImportProblem(UserError):
    """A proposal that cannot be recorded as it stands; the message says what to fix."""


READ_SECONDS = 30  # reading one reply (OCR included) stops after this long


def read_and_propose(path, *, check=None, seconds: float = READ_SECONDS) -> tuple[ReplyFile, Proposal]:
    """A dropped file, read and parsed: what the review dialog starts from. Writes nothing;
    raises ``ReplyFileError`` for a file that cannot be used, and ``ReadingTooLong`` past
    ``seconds``. ``check`` is called between steps and may raise to stop the read."""
    import time

    deadline = time.monotonic() + seconds
    reply = read_reply(path, deadline=deadline, check=check)
    return reply, parse_reply(reply, deadline=deadline, check=check)


# -- proposal → events -------------------------------------------------------------------------


def _check_proposal(p: Proposal) -> list[str]:
    problems = []
    if p.reply_type not in REPLY_TYPES:
        problems.append(f"Unknown reply type '{p.reply_type}'. Known types: {', '.join(REPLY_TYPES)}.")
    if p.letter_date is None:
        problems.append("No letter date was found: enter the date printed on the letter.")
    unknown = sorted(set(p.dates) - set(DATE_NAMES))
    if unknown:
        problems.append(f"Unknown date name(s) {', '.join(unknown)}; known: {', '.join(DATE_NAMES)}.")
    if p.fee_amount is not None and p.fee_amount < 0:
        problems.append("A fee cannot be negative.")
    for name, allowed in OUTCOMES.items():
        value = getattr(p, name)
        if value is not None and value not in allowed:
            problems.append(f"{name.replace('_', ' ').capitalize()} must be one of: {', '.join(allowed)}.")
    if p.reply_type == "appeal_decision" and p.appeal_outcome is None:
        problems.append(f"Say how the appeal was decided ({', '.join(OUTCOMES['appeal_outcome'])}).")
    if p.reply_type == "expedite_decision" and p.expedite is None:
        problems.append("Say whether expedited processing was granted or denied.")
    if p.reply_type == "fee_waiver_decision" and p.fee_waiver is None:
        problems.append("Say whether the fee waiver was granted or denied.")
    return problems


def _main_event(p: Proposal) -> tuple[str, dict]:
    """The event type (and its fields) a reply of this type stands for."""
    d = p.dates.get
    kind = p.reply_type
    if kind == "ack":
        return "acknowledged", dict(agency_received_on=d("received"), named_date=d("estimated_completion"))
    if kind == "extension":
        return "extension_notice", dict(named_date=d("extended_due") or d("estimated_completion"))
    if kind == "fee":
        if p.fee_amount is not None:
            cents = int((Decimal(str(p.fee_amount)) * 100).to_integral_value())
            return "fee_estimate", dict(amount_cents=cents, named_date=d("reply_by"))
        if p.fee_waiver is not None:
            return "fee_decision", dict(outcome=f"waiver_{p.fee_waiver}")
        return "fee_clarification_requested", dict(named_date=d("reply_by"))
    if kind == "fee_waiver_decision":
        return "fee_decision", dict(outcome=f"waiver_{p.fee_waiver}")
    if kind == "clarification":
        return "info_requested", dict(named_date=d("reply_by"))
    if kind == "still_interested":
        return "still_interested", dict(named_date=d("reply_by"))
    if kind in ("records_released", "partial") and p.interim:
        return "interim_release", dict(named_date=d("estimated_completion"))
    if kind in DETERMINATIONS:
        return "determination", dict(outcome=DETERMINATIONS[kind])
    if kind == "referral":
        return ("routed", {}) if p.request_routed else ("determination", dict(outcome="referral"))
    if kind == "appeal_ack":
        return "appeal_received", dict(agency_received_on=d("received"))
    if kind == "appeal_decision":
        return "appeal_decided", dict(outcome=p.appeal_outcome)
    if kind == "expedite_decision":
        return "expedite_decided", dict(outcome=p.expedite)
    if kind == "admin_closed":  # the reason, where the letter gives one
        return "admin_closed", dict(outcome=p.closure_reason)
    if d("estimated_completion"):  # a status reply: the agency's estimated completion date
        return "estimated_completion", dict(named_date=d("estimated_completion"))
    return "note", {}


def summary(p: Proposal, filename: str, *, fee: bool = True) -> str:
    """One line for the event list: what the letter says beyond its event type (``fee``:
    its fee too, unless the event records the amount itself, as a fee estimate does)."""
    parts = []
    if p.reply_type == "other":
        parts.append("reply of a kind FoiaDesk could not tell")
    if p.interim and p.reply_type == "partial":
        parts.append("with withholdings")
    if p.exemptions:
        statutes = f" ({'; '.join(p.b3_statutes)})" if p.b3_statutes else ""
        parts.append(f"exemptions {', '.join(p.exemptions)}{statutes}")
    if p.fee_amount and not fee:  # the amount is the event's own: what it means, if more
        if p.fee_meaning == "over_cap":
            parts.append("over the amount agreed")
    elif p.fee_amount:
        meaning = {"estimate": " (estimate)", "over_cap": " (over the amount agreed)"}.get(
            p.fee_meaning or "", ""
        )
        parts.append(f"fee ${p.fee_amount:,.2f}{meaning}")
    elif p.fee_amount is not None and fee:
        parts.append("no fee")
    if p.referred_to:
        parts.append(f"{'request sent' if p.request_routed else 'records referred'} to {p.referred_to}")
    parts.append(f"from {filename}")
    return "; ".join(parts)


def _files(reply: ReplyFile) -> tuple[Attachment, ...]:
    """The original, untouched; and for a scan, the text OCR read from it, beside it and
    marked as such."""
    original = Attachment(reply.filename, reply.data, reply.mime)
    if not reply.ocr:
        return (original,)
    text = f"Text of {reply.filename}, {OCR_NOTE} (check it against the scan).\n\n{reply.text}"
    return original, Attachment(
        f"{Path(reply.filename).stem} ({OCR_NOTE}).txt", text.encode("utf-8"), "text/plain"
    )


def plan(
    p: Proposal, reply: ReplyFile, history: list[Event], known_numbers: tuple[str, ...] = ()
) -> tuple[tuple[NewEvent, ...], tuple[str, ...]]:
    """The events a proposal stands for, in the order they are recorded, or the problems
    that stop it. The main event carries the file, the text and the first tracking number
    the request does not have yet; a letter that also acknowledges the request, invokes an
    extension or decides an expedite or fee-waiver request adds an event for each."""
    problems = _check_proposal(p)
    if problems:
        return (), tuple(problems)
    on, channel = p.letter_date, ("email" if reply.kind in ("eml", "msg") else None)
    assert on is not None  # _check_proposal refuses a proposal without a letter date
    new_numbers = [n for n in p.tracking_numbers if n not in known_numbers]
    main_type, fields = _main_event(p)
    main = NewEvent(
        main_type,
        on,
        channel=channel,
        tracking_number=new_numbers[0] if new_numbers else None,
        summary=summary(p, reply.filename, fee="amount_cents" not in fields),
        body=(f"[{OCR_NOTE}]\n" if reply.ocr else "") + reply.text[:MAX_BODY_CHARS],
        files=_files(reply),
        **fields,
    )

    def also(type_: str, **kw) -> NewEvent:
        return NewEvent(type_, on, channel=channel, summary=f"from {reply.filename}", **kw)

    events = [main]
    acknowledged = any(e.type in ("acknowledged", "received") for e in history)
    # A letter that gives the day the agency received the request (a fee estimate "received
    # by the Departmental Offices on October 14") says it as an acknowledgment does: the
    # response is due from that day. It was read and shown, then dropped.
    # A decision that says it ("your request ... received October 6") too: the response was
    # due from then, and the list's Received column says so.
    received = p.dates.get("received") is not None
    if not acknowledged and (
        (p.acknowledges or received)
        and main_type in MAY_ACKNOWLEDGE
        or received
        and main_type in ("determination", "interim_release")
    ):
        events.insert(0, also("acknowledged", agency_received_on=p.dates.get("received")))
    if p.extension and main_type == "acknowledged":
        events.append(also("extension_notice", named_date=p.dates.get("extended_due")))
    if p.expedite and main_type in MAY_DECIDE_EXPEDITE:
        events.append(also("expedite_decided", outcome=p.expedite))
    if p.fee_waiver and main_type in MAY_DECIDE_FEE_WAIVER:
        events.append(also("fee_decision", outcome=f"waiver_{p.fee_waiver}"))
    return tuple(events), ()


# -- what is already in the log ----------------------------------------------------------------


def already_imported(db: Database, sha256: str, filename: str = "This file") -> str | None:
    """Why a file cannot be imported again, or None if it is not in the log."""
    row = reads.first_live_use_of_file(db, sha256)
    if row is None:
        return None
    stored, event_id, request_id, type_, on = row
    called = f" (as {stored})" if stored != filename else ""
    label = EVENT_TYPES[type_].label if type_ in EVENT_TYPES else type_
    return (
        f"{filename} is already in the log{called}: event #{event_id} '{label}' of {on} on "
        f"request #{request_id}. A letter is imported once; nothing was changed."
    )


def tracking_numbers(db: Database, request_id: int) -> tuple[str, ...]:
    return tuple(reads.live_tracking_numbers(db, request_id))


def match_requests(db: Database, proposal: Proposal) -> list[int]:
    """Requests that already carry one of the letter's tracking numbers: where a reply
    dropped on the window (rather than on a request) belongs."""
    return reads.requests_with_tracking_numbers(db, list(proposal.tracking_numbers))


# -- the preview -------------------------------------------------------------------------------


def _show(clock: Clock | None, today: date) -> str:
    if clock is None:
        return "—"
    if clock.due is None:
        return "paused" if clock.paused else "no date"
    if clock.done_on is not None:
        return f"{clock.due} ({clock.state(today)} {clock.done_on})"
    return f"{clock.due} ({clock.state(today)})"


def describe_change(change: ClockChange, today: date) -> str:
    """'Response due (agency): 2026-12-02 (open) → — ' as the command line prints it."""
    return f"{change.label} ({change.owed_by}): {_show(change.old, today)} → {_show(change.new, today)}"


@dataclass(frozen=True)
class Preview:
    """What importing a reply would do to one request. Nothing is written to make it."""

    request_id: int
    request_title: str
    filename: str
    sha256: str
    proposal: Proposal
    events: tuple[NewEvent, ...]
    status_before: str
    status_after: str
    clocks: tuple[ClockChange, ...]
    problems: tuple[str, ...]  # any problem stops ``accept``
    notes: tuple[str, ...]  # worth reading before accepting

    @property
    def can_accept(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> tuple[ClockChange, ...]:
        return tuple(c for c in self.clocks if c.change != "same")

    def text(self, today: date) -> str:
        """The preview as the command line prints it."""
        p = self.proposal
        lines = [
            f"{self.filename}: {REPLY_LABELS.get(p.reply_type, p.reply_type)}, letter dated "
            f"{p.letter_date or 'unknown'}"
        ]
        facts = [
            ("Tracking", ", ".join(p.tracking_numbers)),
            ("Exemptions", ", ".join(p.exemptions)),
            ("Exemption 3 statutes", "; ".join(p.b3_statutes)),
            ("Fee", f"${p.fee_amount:,.2f}" if p.fee_amount is not None else ""),
            ("Dates named", ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in p.dates.items())),
            ("Referred to", p.referred_to or ""),
        ]
        lines += [f"  {name}: {value}" for name, value in facts if value]
        lines.append(f"\nWould record on request #{self.request_id} ({self.request_title}):")
        for ev in self.events:
            kind = EVENT_TYPES[ev.type]
            extra = event_details(ev, channel=False)  # the summary names the file it came from
            lines.append(f"  {ev.occurred_on}  {kind.label}" + (f" ({'; '.join(extra)})" if extra else ""))
        status = self.status_before if self.status_before == self.status_after else (
            f"{self.status_before} → {self.status_after}"
        )  # fmt: skip
        lines.append(f"\nStatus: {status}")
        lines.append("Deadlines:")
        for c in self.clocks:
            mark = " " if c.change == "same" else "*"
            lines.append(
                f"  {mark} {describe_change(c, today)}" + ("" if c.change == "same" else f"  [{c.change}]")
            )
        if not self.clocks:
            lines.append("    none")
        if self.notes:
            lines.append("Notes:")
            lines += [f"  - {n}" for n in self.notes]
        if self.problems:
            lines.append("Cannot be recorded as it stands:")
            lines += [f"  - {n}" for n in self.problems]
        return "\n".join(lines)


def _request(db: Database, request_id: int) -> tuple[str, str]:
    row = reads.request_title_and_abbr(db, request_id)
    if row is None:
        raise LogError(f"There is no request with id {request_id}.")
    return shown_title(row[0], row[1]), row[1]


def _notes(p: Proposal, reply: ReplyFile, history: list[Event], known: tuple[str, ...]) -> list[str]:
    notes = list(reply.notes)
    if p.no_text and not any("no text" in n for n in notes):
        notes.append(
            f"No text could be read from {reply.filename}: choose the reply type and dates yourself."
        )
    if p.letter_date is not None and p.letter_date == reply.sent_on and p.reason("letter_date") is None:
        notes.append(f"The letter has no date line; the email's date ({reply.sent_on}) is used.")
    if known and p.tracking_numbers and not set(p.tracking_numbers) & set(known):
        notes.append(
            f"The letter cites {', '.join(p.tracking_numbers)}, but this request has "
            f"{', '.join(known)}: check that it is the right request."
        )
    if p.reply_type == "other" and not p.no_text:
        notes.append("FoiaDesk could not tell what kind of reply this is; it will be logged as a note.")
    if p.referred_to and not p.request_routed:
        notes.append(f"Records were referred to {p.referred_to}, which should answer you directly.")
    if p.reply_type == "appeal_ack" and not any(e.type == "appeal_filed" for e in history):
        notes.append("No appeal is logged on this request: log it so the appeal-decision clock can start.")
    return notes


def preview(
    db: Database,
    request_id: int,
    proposal: Proposal,
    reply: ReplyFile,
    *,
    today: date | None = None,
    cal: Calendar | None = None,
) -> Preview:
    """What accepting ``proposal`` would record on a request and how its status and every
    deadline would change, computed with the real checks and clocks on a copy."""
    today = today or date.today()
    title, component = _request(db, request_id)
    history = events_for(db, request_id)
    known = tracking_numbers(db, request_id)
    events, found = plan(proposal, reply, history, known)
    problems = list(found)
    duplicate = already_imported(db, reply.sha256, reply.filename)
    if duplicate:
        problems.insert(0, duplicate)
    after = list(history)
    next_id = max((e.id for e in history), default=0) + 1
    for new in events:
        try:
            check_event(new, after, today=today)
        except LogError as exc:
            problems.append(str(exc))
            continue
        after.append(as_event(new, after, next_id))
        next_id += 1
    cal = cal or calendar()
    rule = appeal_rule(component)
    changes = preview_events(history, after, cal, rule, today=today)
    notes = _notes(proposal, reply, history, known)
    notes += [f"{c.label}: {w}" for c in changes.clocks for w in c.warnings]
    return Preview(
        request_id,
        title,
        reply.filename,
        reply.sha256,
        proposal,
        events,
        changes.status_before,
        changes.status_after,
        changes.clocks,
        tuple(problems),
        tuple(notes),
    )


# -- accepting ---------------------------------------------------------------------------------


def accept(
    db: Database, request_id: int, proposal: Proposal, reply: ReplyFile, *, today: date | None = None
) -> Changes:
    """Record the reply on a request: every event of the plan, the original file stored once
    by hash, and any new tracking numbers, in one transaction. Raises (and writes nothing)
    if the file is already in the log or any event is refused."""
    with write(db):
        _request(db, request_id)
        duplicate = already_imported(db, reply.sha256, reply.filename)
        if duplicate:
            raise DuplicateReplyError(duplicate)
        known = tracking_numbers(db, request_id)
        events, problems = plan(proposal, reply, events_for(db, request_id), known)
        if problems:
            raise ImportProblem(f"{reply.filename}: {problems[0]}")
        recorded = [record_event(db, request_id, new, today=today) for new in events]
        main = next(c for c, e in zip(recorded, events, strict=True) if e.files)
        assert main.new_id is not None, "record_event returns the new event's id"
        for number in proposal.tracking_numbers:  # the main event took the first new one
            add_request_number(db, request_id, main.new_id, number)
    return Changes(
        request_ids=frozenset({request_id}),
        event_ids=tuple(e for c in recorded for e in c.event_ids),
        new_id=main.new_id,
        stored=tuple(s for c in recorded for s in c.stored),
    )
