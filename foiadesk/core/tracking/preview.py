"""What logging an event would change, worked out before it is saved: the request's
status and every deadline, from its history with and without the new events.

The same checks and engines as saving (``log.check_event``, ``clocks.compute_clocks``,
``events.derive_status``), so the preview is what the log will show afterwards. The
log-event dialog and the import review both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import AppealRule, Clock, compute_clocks
from foiadesk.core.deadlines.events import EVENT_TYPES, Event, derive_status
from foiadesk.core.deadlines.facts import read_events
from foiadesk.core.store.log import NewEvent, check_event

OWED_WORDS = {"agency": "agency", "requester": "you", "milestone": ""}


@dataclass(frozen=True)
class ClockChange:
    """One deadline before and after (``old``/``new`` None where it does not exist), with
    its state in words on the day of the preview."""

    key: str  # the clock's identity: its key, or for a reply the event id of the letter that asked
    label: str
    owed_by: str  # "agency" | "requester" | "milestone"
    before: str  # the clock in words before the event ("" if it did not exist)
    after: str  # … and after ("" if the event ends it)
    why: str = ""  # the new clock's own explanation of its date, in one line
    warnings: tuple[str, ...] = ()  # what the clock newly warns about (e.g. a late notice)
    old: Clock | None = None
    new: Clock | None = None

    @property
    def changed(self) -> bool:
        return self.before != self.after or bool(self.warnings)

    @property
    def change(self) -> str:
        """new · gone · closed · reopened · moved · paused · resumed · same"""
        b, a = self.old, self.new
        if b is None:
            return "new"
        if a is None:
            return "gone"
        if b.done_on is None and a.done_on is not None:
            return "closed"
        if b.done_on is not None and a.done_on is None:
            return "reopened"
        if b.paused != a.paused:
            return "paused" if a.paused else "resumed"
        return "moved" if b.due != a.due else "same"


@dataclass(frozen=True)
class Preview:
    status_before: str
    status_after: str
    clocks: tuple[ClockChange, ...]

    @property
    def changes(self) -> tuple[ClockChange, ...]:
        return tuple(c for c in self.clocks if c.changed)


def as_event(new: NewEvent, history: list[Event], event_id: int | None = None) -> Event:
    """``new`` as the engines read it, placed after every event already logged that day."""
    return Event(
        type=new.type,
        occurred_on=new.occurred_on,
        agency_received_on=new.agency_received_on,
        named_date=new.named_date,
        outcome=new.outcome,
        id=event_id if event_id is not None else max((e.id for e in history), default=0) + 1,
        direction=EVENT_TYPES[new.type].direction,
        channel=new.channel,
        tracking_number=new.tracking_number,
        amount_cents=new.amount_cents,
        summary=new.summary,
    )


def preview_event(
    new: NewEvent, history: list[Event], cal: Calendar, rule: AppealRule | None = None, *, today: date
) -> Preview:
    """The status and clocks before and after ``new``; raises LogError, as saving would,
    if the event is impossible."""
    check_event(new, history, today=today)
    return preview_events(history, [*history, as_event(new, history)], cal, rule, today=today)


def preview_events(
    history: list[Event], after: list[Event], cal: Calendar, rule: AppealRule | None = None, *, today: date
) -> Preview:
    """The status and every deadline of a request with ``history``, and with ``after``
    (the same events and the ones to be logged). A deadline is matched to itself by what
    it is, not by its place in the list: a reply the requester owes by the letter that
    asked, so a letter logged out of order neither renames nor renews the others."""
    before = _by_identity(history, cal, rule)
    now = _by_identity(after, cal, rule)
    changes = []
    for key in [*before, *(k for k in now if k not in before)]:
        old, new = before.get(key), now.get(key)
        clock = new or old
        assert clock is not None
        moved = new is not None and (old is None or describe(old, today) != describe(new, today))
        changes.append(
            ClockChange(
                key,
                clock.label,
                clock.owed_by,
                describe(old, today) if old else "",
                describe(new, today) if new else "",
                _why(new) if moved and new is not None else "",
                tuple(w for w in (new.warnings if new else ()) if not old or w not in old.warnings),
                old,
                new,
            )
        )
    return Preview(derive_status(history), derive_status(after), tuple(changes))


def _by_identity(events: list[Event], cal: Calendar, rule: AppealRule | None) -> dict[str, Clock]:
    """Every clock of ``events`` by its identity (see ``ClockChange.key``)."""
    clocks = compute_clocks(events, cal, rule)
    facts = read_events([e for e in events if e.type in EVENT_TYPES], cal)
    asks = [ask.id for ask, _ in facts.asks]
    # The current round's appeal clocks by the events they come from, as an earlier round's are
    # keyed: logging a second appeal (or a new decision) then adds a round instead of seeming to
    # reopen the first one's clock.
    rounds = {f"appeal_window:{w.kind}": f"appeal_window:{w.kind}:e{w.decision.id}" for w in facts.windows}
    if facts.appeal is not None:
        rounds["appeal_decision"] = f"appeal_decision:e{facts.appeal.id}"
        rounds["appeal_exhaustion"] = f"appeal_exhaustion:e{facts.appeal.id}"
    return {
        f"reply-{asks[int(c.key.rsplit(':', 1)[1])]}"
        if c.key.startswith("reply:")
        else rounds.get(c.key, c.key): c
        for c in clocks
    }


def describe(clock: Clock, today: date) -> str:
    """A clock's state in a few words: 'due 2026-12-02', 'paused', 'met 2026-11-30'."""
    state = clock.state(today)
    due = clock.due.isoformat() if clock.due else ""
    alt = f" (or {clock.alternative} if disputed closures are {_other(clock)})" if clock.alternative else ""
    if clock.unit == "milestone":
        return due or "not reached"
    if state == "paused":
        return "paused"
    if clock.done_on is not None:
        return f"{'met' if state == 'met' else 'missed'}: done {clock.done_on}"
    if not due:
        return "no date yet"
    return f"due {due}{alt}"


def _other(clock: Clock) -> str:
    return "counted" if clock.closures_skipped else "skipped"


def _why(clock: Clock) -> str:
    """The last step of the trace (what moved the date)."""
    steps = [s.text for s in clock.steps if s.text]
    return steps[-1] if steps else clock.rule
