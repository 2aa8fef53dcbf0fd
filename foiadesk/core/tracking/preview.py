"""What logging an event would change, worked out before it is saved: the request's
status and every deadline, from its history with and without the new event.

The same checks and engines as saving (``log.check_event``, ``clocks.compute_clocks``,
``events.derive_status``), so the preview is what the log will show afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.clocks import AppealRule, Clock, compute_clocks
from foiadesk.core.deadlines.events import EVENT_TYPES, Event, derive_status
from foiadesk.core.store.log import NewEvent, check_event

OWED_WORDS = {"agency": "agency", "requester": "you", "milestone": ""}


@dataclass(frozen=True)
class ClockChange:
    key: str
    label: str
    owed_by: str  # "agency" | "requester" | "milestone"
    before: str  # the clock in words before the event ("" if it did not exist)
    after: str  # … and after ("" if the event ends it)
    why: str = ""  # the new clock's own explanation of its date, in one line
    warnings: tuple[str, ...] = ()  # what the clock newly warns about (e.g. a late notice)

    @property
    def changed(self) -> bool:
        return self.before != self.after or bool(self.warnings)


@dataclass(frozen=True)
class Preview:
    status_before: str
    status_after: str
    clocks: tuple[ClockChange, ...]

    @property
    def changes(self) -> tuple[ClockChange, ...]:
        return tuple(c for c in self.clocks if c.changed)


def as_event(new: NewEvent, history: list[Event]) -> Event:
    """``new`` as the engines read it, placed after every event already logged that day."""
    return Event(
        type=new.type,
        occurred_on=new.occurred_on,
        agency_received_on=new.agency_received_on,
        named_date=new.named_date,
        outcome=new.outcome,
        id=max((e.id for e in history), default=0) + 1,
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
    after_events = [*history, as_event(new, history)]
    before = {c.key: c for c in compute_clocks(history, cal, rule)}
    after = {c.key: c for c in compute_clocks(after_events, cal, rule)}
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, now = before.get(key), after.get(key)
        clock = now or old
        assert clock is not None  # key is a clock of before or of after
        changes.append(
            ClockChange(
                key,
                clock.label,
                clock.owed_by,
                describe(old, today) if old else "",
                describe(now, today) if now else "",
                _why(now) if now and (not old or describe(old, today) != describe(now, today)) else "",
                tuple(w for w in (now.warnings if now else ()) if not old or w not in old.warnings),
            )
        )
    return Preview(derive_status(history), derive_status(after_events), tuple(changes))


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
