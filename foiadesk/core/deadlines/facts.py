"""What a request's events say about its clocks, read once for both clock engines.

``clocks.py`` (one request, with traces) and ``batch.py`` (many requests, in numpy)
do the same arithmetic on the same facts; deciding *which* events count — which
receipt date wins, which acknowledgment belongs to the proper component, which
events end a clock — happens only here.

Every date on which the agency received something is deemed received on the next
working day when it falls on a weekend or holiday, as agency rules provide, so a
count never starts from a day off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.events import ADVERSE_DETERMINATIONS, ASKS, Event

ASK_INFO, ANSWER_INFO, ASK_FEE, ANSWER_FEE, EXTENSION = 1, 2, 3, 4, 5
STEP_KINDS = {
    "info_requested": ASK_INFO,
    "info_answered": ANSWER_INFO,
    "fee_clarification_requested": ASK_FEE,
    "fee_clarification_answered": ANSWER_FEE,
    "extension_notice": EXTENSION,
}
ASSUMED_RECEIPT = "Receipt ASSUMED (no receipt date from the agency yet): filing date"
ENDS_RESPONSE = ("determination", "withdrawn", "closed")
ENDS_EXPEDITE = ("expedite_decided", "determination", "withdrawn", "closed")
ENDS_APPEAL = ("appeal_decided", "withdrawn", "closed")
ADVERSE_DECISIONS = {
    "determination": ADVERSE_DETERMINATIONS,
    "fee_decision": frozenset({"waiver_denied", "category_denied"}),
    "expedite_decided": frozenset({"denied"}),
}


@dataclass(frozen=True)
class Receipt:
    """When the agency received something, as the clocks count it."""

    day: date  # a working day
    said: date  # the date as logged (or assumed)
    how: str  # where the date comes from, for the trace
    assumed: bool = False

    def describe(self) -> str:
        text = f"{self.how} {self.said.isoformat()}"
        if self.day != self.said:
            text += f", a day off: deemed received the next working day, {self.day.isoformat()}"
        return text


@dataclass(frozen=True)
class ClockStep:
    """An event that moves the response clock: an ask, an answer, or an extension."""

    kind: int
    day: date  # the ask's or notice's date; for an answer, the day the agency got it
    named: date | None
    event: Event
    assumed: bool = False  # an answer whose receipt by the agency was not logged


@dataclass(frozen=True)
class Facts:
    filed: Event | None
    receipt: Receipt | None
    routed: Event | None
    proper: Receipt | None
    steps: tuple[ClockStep, ...]
    response_done: Event | None
    expedite: Event | None
    expedite_receipt: Receipt | None
    expedite_done: Event | None
    adverse: Event | None
    appeal_after_adverse: Event | None
    appeal: Event | None
    appeal_receipt: Receipt | None
    appeal_done: Event | None
    asks: tuple[tuple[Event, Event | None], ...]  # each ask and what answered or overtook it


def ordered(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.occurred_on, e.id))


def _first(events: list[Event], types: tuple[str, ...], on_or_after: date | None = None) -> Event | None:
    return next(
        (e for e in events if e.type in types and (on_or_after is None or e.occurred_on >= on_or_after)), None
    )


def _receipt(cal: Calendar, day: date, how: str, assumed: bool = False) -> Receipt:
    return Receipt(cal.on_or_next_working_day(day), day, how, assumed)


def read_events(events: list[Event], cal: Calendar) -> Facts:
    events = ordered(events)
    first: dict[str, Event] = {}
    for ev in events:  # one pass for the first event of each type: most look-ups need only that
        first.setdefault(ev.type, ev)
    filed = first.get("filed")
    receipt = proper = routed = response_done = None
    steps: list[ClockStep] = []
    if filed is not None:
        received = first.get("received")
        ack = first.get("acknowledged")
        if received is not None:
            receipt = _receipt(cal, received.agency_received_on or received.occurred_on, "Agency received it")
        elif filed.agency_received_on:
            receipt = _receipt(cal, filed.agency_received_on, "Agency received it (logged with the filing)")
        elif ack is not None and ack.agency_received_on:
            receipt = _receipt(cal, ack.agency_received_on, "Acknowledgment says the agency received it")
        else:
            receipt = _receipt(cal, filed.occurred_on, ASSUMED_RECEIPT, True)
        routed = first.get("routed")
        if routed is not None:
            if routed.agency_received_on:
                proper = _receipt(cal, routed.agency_received_on, "Proper component received it")
            else:
                # Only an acknowledgment of a receipt after the routing is the new component's.
                later = next(
                    (
                        e
                        for e in events
                        if e.type == "acknowledged"
                        and e.agency_received_on
                        and e.agency_received_on >= routed.occurred_on
                    ),
                    None,
                )
                if later is not None:
                    assert later.agency_received_on is not None  # the search above requires it
                    proper = _receipt(
                        cal, later.agency_received_on, "Proper component's acknowledgment says it received it"
                    )
        for ev in events:
            if ev is filed or ev.occurred_on < filed.occurred_on:
                continue
            if ev.type in ENDS_RESPONSE:
                response_done = ev
                break
            kind = STEP_KINDS.get(ev.type)
            if kind in (ANSWER_INFO, ANSWER_FEE):
                got = ev.agency_received_on or ev.occurred_on
                steps.append(
                    ClockStep(kind, cal.on_or_next_working_day(got), None, ev, ev.agency_received_on is None)
                )
            elif kind is not None:
                steps.append(ClockStep(kind, ev.occurred_on, ev.named_date, ev))

    expedite = first.get("expedite_requested")
    expedite_receipt = expedite_done = None
    if expedite is not None:
        expedite_receipt = _receipt(
            cal,
            expedite.agency_received_on or expedite.occurred_on,
            "Agency received the expedite request"
            if expedite.agency_received_on
            else "Receipt of the expedite request ASSUMED",
            expedite.agency_received_on is None,
        )
        expedite_done = _first(events, ENDS_EXPEDITE, expedite.occurred_on)

    adverse = appeal_after = None
    if first.keys() & ADVERSE_DECISIONS.keys():
        adverse = next((e for e in reversed(events) if e.outcome in ADVERSE_DECISIONS.get(e.type, ())), None)
        appeal_after = _first(events, ("appeal_filed",), adverse.occurred_on) if adverse else None

    appeal = None
    if "appeal_filed" in first:
        appeal = next(e for e in reversed(events) if e.type == "appeal_filed")
    appeal_receipt = appeal_done = None
    if appeal is not None:
        ack = next(
            (
                e
                for e in events
                if e.type == "appeal_received"
                and e.agency_received_on
                and e.occurred_on >= appeal.occurred_on
            ),
            None,
        )
        if ack is not None:
            assert ack.agency_received_on is not None  # the search above requires it
            appeal_receipt = _receipt(cal, ack.agency_received_on, "Appeal office says it received it")
        elif appeal.agency_received_on:
            appeal_receipt = _receipt(cal, appeal.agency_received_on, "Appeal office received it")
        else:
            appeal_receipt = _receipt(cal, appeal.occurred_on, "Receipt ASSUMED from the appeal's date", True)
        appeal_done = _first(events, ENDS_APPEAL, appeal.occurred_on)

    asks = []
    for i, ask in enumerate(events if first.keys() & ASKS.keys() else ()):
        if ask.type in ASKS:
            rest = events[i + 1 :]
            asks.append(
                (ask, next((e for e in rest if e.type == ASKS[ask.type] or e.type in ENDS_RESPONSE), None))
            )
    return Facts(
        filed,
        receipt,
        routed,
        proper,
        tuple(steps),
        response_done,
        expedite,
        expedite_receipt,
        expedite_done,
        adverse,
        appeal_after,
        appeal,
        appeal_receipt,
        appeal_done,
        tuple(asks),
    )
