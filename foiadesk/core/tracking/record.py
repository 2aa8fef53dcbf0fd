"""A request as one JSON-ready record (``foiadesk show N --json``): for scripts, tests and
exports. Every date is derived from the events on the day asked, like every other view."""

from __future__ import annotations

from datetime import date

from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS, Event
from foiadesk.core.tracking.tracker import RequestView


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def clock_record(clock: Clock, today: date) -> dict:
    """One clock: what it is, what it is for, its date and state, who owes it, and the
    other date wherever a rule is disputed (closure days, a fee estimate's hold)."""
    others = []
    if clock.alternative:
        policy = "counted" if clock.closures_skipped else "skipped"
        others.append({"if": f"disputed closure days were {policy}", "due": _iso(clock.alternative)})
    if clock.hold_alternative:
        others.append({"if": "the fee estimate put the request on hold", "due": _iso(clock.hold_alternative)})
    return {
        "key": clock.key,
        "name": clock.label,
        "for": clock.for_what,
        "due": _iso(clock.due),
        "status": clock.state(today),
        "owed_by": clock.owed_by,
        "owed_now": clock.owed(today),
        "unit": clock.unit,
        "start": _iso(clock.start),
        "start_assumed": clock.start_assumed,
        "done_on": _iso(clock.done_on),
        "rule": clock.rule,
        "cite": clock.cite,
        "other_dates": others,
        "warnings": list(clock.warnings),
        "earlier_round": clock.earlier,
        "trace": [step.text for step in clock.steps],
    }


def event_record(ev: Event) -> dict:
    return {
        "id": ev.id,
        "type": ev.type,
        "label": EVENT_TYPES[ev.type].label,
        "direction": ev.direction,
        "occurred_on": _iso(ev.occurred_on),
        "agency_received_on": _iso(ev.agency_received_on),
        "named_date": _iso(ev.named_date),
        "outcome": ev.outcome,
        "outcome_label": OUTCOME_LABELS.get(ev.outcome or ""),
        "channel": ev.channel,
        "tracking_number": ev.tracking_number,
        "amount_cents": ev.amount_cents,
        "summary": ev.summary,
        "linked_request": ev.linked_request,
    }


def request_record(view: RequestView, confirmations: list[str], today: date) -> dict:
    """``confirmations``: what the portal, fax or post office gave on filing, kept apart
    from the agency's tracking numbers (as the store reads them)."""
    nxt = view.next_on(today)
    return {
        "id": view.id,
        "title": view.title,
        "component": view.component,
        "component_name": view.component_name,
        "case": view.case,
        "status": view.status,
        "as_of": today.isoformat(),
        "tracking_numbers": list(view.tracking_numbers),
        "confirmations": list(confirmations),
        "next_deadline": clock_record(nxt, today) if nxt else None,
        "clocks": [clock_record(c, today) for c in view.clocks],
        "events": [event_record(e) for e in view.events],
    }
