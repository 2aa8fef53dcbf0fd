"""A request as a user sees it: its status and every clock, derived on demand."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import AppealRule, Clock, compute_clocks, next_deadline
from foiadesk.core.deadlines.events import Event, derive_status
from foiadesk.core.store import reads
from foiadesk.core.store.log import events_for
from foiadesk.core.tracking.titles import shown_title


@dataclass(frozen=True)
class RequestView:
    id: int
    title: str
    component: str
    component_name: str
    case: str | None
    status: str
    tracking_numbers: tuple[str, ...]
    events: tuple[Event, ...]
    clocks: tuple[Clock, ...]

    @property
    def next(self) -> Clock | None:
        return self.next_on(date.today())

    def next_on(self, today: date) -> Clock | None:
        """The deadline to act on or watch first, on ``today``."""
        return next_deadline(list(self.clocks), today)


def appeal_rule(component_abbr: str) -> AppealRule:
    """The appeal window for a component, from the directory data (not code), and its
    agency's verified rule on the expedite decision."""
    from foiadesk.core.reference import authorities
    from foiadesk.core.reference.directory import load_directory

    directory = load_directory()
    window = directory.appeal_window(component_abbr)
    component = directory.component(component_abbr)
    family = authorities.rule_family(component_abbr, component.parent if component else "")
    expedite = authorities.expedite_decision_cite(family)
    floor = authorities.expedite_decision_floor(family)
    day_one = authorities.receipt_day_one(family)
    return AppealRule(
        window.days, window.unit, window.cite, window.tag, window.source, expedite, floor, day_one, window.by
    )


def typical_completion(view: RequestView, cal: Calendar | None = None) -> str | None:
    """What FOIA.gov's reported medians suggest, beside the statutory date: a realistic
    expectation, not a deadline (counted on ``cal``, the calendar of the clocks)."""
    from foiadesk.core.letters.content import short_name
    from foiadesk.core.reference.directory import load_directory

    directory = load_directory()
    estimate = directory.completion_estimate(view.component)
    response = next((c for c in view.clocks if c.key == "response"), None)
    if estimate is None or response is None or response.start is None:
        return None
    cal = cal or calendar()
    tracks = [
        (name, days)
        for name, days in (
            ("simple", estimate.simple_days),
            ("complex", estimate.complex_days),
            ("expedited", estimate.expedited_days),
        )
        if days
    ]
    if not tracks:
        return None
    parts = [
        f"{name} {days:g} days (about {cal.add_working_days(response.start, math.ceil(days))})"
        for name, days in tracks
    ]
    comp = directory.component(view.component)
    return (
        f"Typical processing at {short_name(comp) if comp else view.component} "
        f"(FOIA.gov FY{estimate.fiscal_year} medians, "
        f"counted as working days from {response.start}): " + ", ".join(parts)
    )


def view_request(db: Database, request_id: int, *, cal: Calendar | None = None) -> RequestView:
    row = reads.request_heading(db, request_id)
    if row is None:
        from foiadesk.core.store.log import LogError

        raise LogError(f"There is no request with id {request_id}.")
    events = events_for(db, request_id)
    numbers = tuple(reads.live_tracking_numbers(db, request_id))
    clocks = compute_clocks(events, cal or calendar(), appeal_rule(row[2]))
    return RequestView(
        row[0],
        shown_title(row[1], row[2]),
        row[2],
        row[3],
        row[4],
        derive_status(events),
        numbers,
        tuple(events),
        tuple(clocks),
    )
