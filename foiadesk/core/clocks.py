"""The federal FOIA clocks, computed from a request's events every time they are needed.

Nothing here is stored. Each ``Clock`` carries its trace: the starting event, the
rule and its citation, every day not counted, every pause, and the result, so a
user (or a court) can check the arithmetic line by line. Facts and citations:
5 U.S.C. 552(a)(6); see resources/ and the README for sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .calendar import Calendar, DayOff
from .events import ADVERSE_DETERMINATIONS, ASKS, EVENT_TYPES, OUTCOME_LABELS, Event

RESPONSE_DAYS = 20
ROUTING_DAYS = 10
EXTENSION_DAYS = 10
EXPEDITE_DAYS = 10
APPEAL_DECISION_DAYS = 20
TOLLS = {
    "info_requested": "info_answered",
    "fee_clarification_requested": "fee_clarification_answered",
}
TOLL_NAMES = {
    "info_requested": "request for information",
    "fee_clarification_requested": "fee clarification request",
}

CITE_RESPONSE = "5 U.S.C. 552(a)(6)(A)(i)"
CITE_ROUTING = "5 U.S.C. 552(a)(6)(A)(ii) (flush text)"
CITE_TOLLING = "5 U.S.C. 552(a)(6)(A)(ii)(I)–(II)"
CITE_EXTENSION = "5 U.S.C. 552(a)(6)(B)(i)"
CITE_EXTENSION_BEYOND = "5 U.S.C. 552(a)(6)(B)(ii)"
CITE_EXPEDITE = "5 U.S.C. 552(a)(6)(E)(ii)(I); 6 CFR 5.5(e)(4), 28 CFR 16.5(e)(4)"
CITE_APPEAL_DECISION = "5 U.S.C. 552(a)(6)(A)(ii)"
CITE_EXHAUSTION = "5 U.S.C. 552(a)(6)(C)(i); fee bar 552(a)(4)(A)(viii)"


@dataclass(frozen=True)
class AppealRule:
    """How long a requester has to appeal an adverse determination at one agency."""

    days: int = 90
    unit: str = "calendar"  # "calendar" | "working"
    cite: str = "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)"
    tag: str = "V"
    source: str = "statutory minimum"


@dataclass(frozen=True)
class Step:
    """One line of a trace. ``counted`` working days are counted on this line,
    ``skipped`` are the days in its span that were not."""

    text: str
    day: date | None = None
    counted: int = 0
    skipped: tuple[DayOff, ...] = ()


@dataclass(frozen=True)
class Clock:
    key: str
    label: str
    owed_by: str  # "agency" | "requester"
    rule: str
    cite: str
    due: date | None
    start: date | None = None
    start_assumed: bool = False
    done_on: date | None = None
    paused: bool = False
    steps: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = ()
    unit: str = "working"  # "working" | "calendar" | "named"
    alternative: date | None = None
    disputed: tuple[DayOff, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    def state(self, today: date) -> str:
        """open · paused · overdue · met · missed · no date (· reached/pending for milestones)."""
        if self.unit == "milestone":
            return "reached" if self.due and today >= self.due else "pending"
        if self.done_on is not None:
            if self.due is None:
                return "met"
            return "met" if self.done_on <= self.due else "missed"
        if self.paused:
            return "paused"
        if self.due is None:
            return "no date"
        return "overdue" if today > self.due else "open"

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days

    @property
    def counted(self) -> int:
        return sum(step.counted for step in self.steps)

    def explain(self) -> str:
        """The trace as text, one line per step, ending with the result."""
        lines = [f"{self.label} — owed by the {self.owed_by}", f"Rule: {self.rule} ({self.cite})"]
        for step in self.steps:
            lines.append(f"  {step.text}")
            lines.extend(f"      not counted: {text}" for text in _group_days_off(step.skipped))
        for off in self.disputed:
            lines.append(f"  Disputed closure inside this window: {off.describe()}")
        if self.alternative and self.alternative != self.due:
            lines.append(
                f"  If disputed closure days were {'counted' if off_skipped(self) else 'skipped'}: "
                f"{self.alternative.isoformat()}"
            )
        for warning in self.warnings:
            lines.append(f"  ! {warning}")
        lines.append(
            f"Result: {self.due.isoformat() if self.due else 'no date (clock paused or no date named)'}"
        )
        return "\n".join(lines)


def _group_days_off(days: tuple[DayOff, ...]) -> list[str]:
    """One line per day off, a Saturday and Sunday pair on one line."""
    out, i = [], 0
    while i < len(days):
        off = days[i]
        nxt = days[i + 1] if i + 1 < len(days) else None
        if (
            off.reason == "weekend"
            and nxt
            and nxt.reason == "weekend"
            and (nxt.day - off.day).days == 1
        ):
            out.append(f"{off.day.isoformat()}–{nxt.day.isoformat()} weekend")
            i += 2
            continue
        out.append(off.describe())
        i += 1
    return out


def off_skipped(clock: Clock) -> bool:
    """True when the clock's primary calendar already skipped its disputed days."""
    return any(off.reason == "closure" for step in clock.steps for off in step.skipped)


def _count(cal: Calendar, start: date, end: date, text: str) -> Step:
    """A step that counts the working days in (start, end] and lists the rest."""
    if end <= start:
        return Step(text, end, 0, ())
    return Step(
        text, end, cal.working_days_between(start, end), tuple(cal.days_off_between(start, end))
    )


def _ordered(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.occurred_on, e.id))


def _first(events: list[Event], *types: str) -> Event | None:
    return next((e for e in events if e.type in types), None)


def _deemed_receipt(cal: Calendar, sent: date) -> date:
    return cal.on_or_next_working_day(sent)


# -- the response clock ---------------------------------------------------------------


def response_clock(events: list[Event], cal: Calendar) -> Clock | None:
    """20 working days from receipt, capped for misrouting, tolled, and extended."""
    events = _ordered(events)
    filed = _first(events, "filed")
    if filed is None:
        return None
    steps: list[Step] = [
        Step(
            f"Filed {filed.occurred_on.isoformat()}"
            + (f" by {filed.channel}" if filed.channel else ""),
            filed.occurred_on,
        )
    ]
    warnings: list[str] = []
    receipt_ev = _first(events, "received")
    ack = _first(events, "acknowledged")
    receipt, assumed = None, False
    if receipt_ev is not None:
        receipt = receipt_ev.agency_received_on or receipt_ev.occurred_on
        steps.append(Step(f"Agency received it {receipt.isoformat()}", receipt))
    elif filed.agency_received_on:
        receipt = filed.agency_received_on
        steps.append(
            Step(f"Agency received it {receipt.isoformat()} (logged with the filing)", receipt)
        )
    elif ack is not None and ack.agency_received_on:
        receipt = ack.agency_received_on
        steps.append(
            Step(f"Acknowledgment says the agency received it {receipt.isoformat()}", receipt)
        )
    else:
        receipt, assumed = _deemed_receipt(cal, filed.occurred_on), True
        how = (
            "the filing date"
            if receipt == filed.occurred_on
            else "the next working day after the filing"
        )
        steps.append(
            Step(
                f"Receipt ASSUMED {receipt.isoformat()} ({how}) until the agency "
                "confirms its receipt date",
                receipt,
            )
        )

    start = receipt
    routed = _first(events, "routed")
    if routed is not None:
        cap = cal.add_working_days(receipt, ROUTING_DAYS)
        later_ack = next(
            (
                e
                for e in events
                if e.type == "acknowledged"
                and e.occurred_on >= routed.occurred_on
                and e.agency_received_on
            ),
            None,
        )
        proper = routed.agency_received_on or (later_ack.agency_received_on if later_ack else None)
        cap_step = _count(
            cal,
            receipt,
            cap,
            f"Routing cap: 10 working days after the first receipt is "
            f"{cap.isoformat()} ({CITE_ROUTING})",
        )
        if proper is None:
            start = cap
            steps.append(replace(cap_step, counted=0))
            steps.append(
                Step(
                    f"Proper component's receipt not logged: clock starts no later than "
                    f"{cap.isoformat()}",
                    cap,
                )
            )
        elif proper > cap:
            start = cap
            steps.append(replace(cap_step, counted=0))
            steps.append(
                Step(
                    f"Proper component received it {proper.isoformat()}, after the cap: "
                    f"clock starts {cap.isoformat()}",
                    cap,
                )
            )
        else:
            start = proper
            steps.append(
                Step(
                    f"Proper component received it {proper.isoformat()} (within the routing "
                    f"cap of {cap.isoformat()}): clock starts then",
                    proper,
                )
            )

    anchor, remaining = start, RESPONSE_DAYS
    paused_by: str | None = None
    info_tolls = extended = 0
    done_on = None
    for ev in events:
        if ev.occurred_on < filed.occurred_on or ev is filed:
            continue
        if ev.type in ("determination", "withdrawn"):
            done_on = ev.occurred_on
            break
        if ev.type in TOLLS:
            label = TOLL_NAMES[ev.type]
            if paused_by is not None:
                warnings.append(f"{ev.occurred_on}: {label} while the clock was already paused")
                continue
            if ev.type == "info_requested" and info_tolls >= 1:
                warnings.append(
                    f"{ev.occurred_on}: a second request for information does not toll "
                    f"the clock: the statute allows one ({CITE_TOLLING})"
                )
                continue
            due_now = cal.add_working_days(anchor, remaining)
            if ev.occurred_on > due_now:
                warnings.append(
                    f"{ev.occurred_on}: {label} came after the due date "
                    f"{due_now}; it cannot toll a clock that had run out"
                )
                continue
            step = _count(
                cal,
                anchor,
                max(ev.occurred_on, anchor),
                f"Counted from {anchor} through {ev.occurred_on}, the day the agency sent "
                f"its {label}",
            )
            steps.append(step)
            remaining -= step.counted
            paused_by = ev.type
            info_tolls += ev.type == "info_requested"
        elif paused_by is not None and ev.type == TOLLS[paused_by]:
            resumed = ev.agency_received_on or ev.occurred_on
            if ev.agency_received_on is None:
                warnings.append(
                    f"{ev.occurred_on}: the agency's receipt of the answer is not logged; "
                    "assumed the day it was sent"
                )
            resumed = max(resumed, anchor)
            steps.append(
                Step(
                    f"Paused ({CITE_TOLLING}) until the agency received the answer "
                    f"{resumed}; that day is day 0 again, {remaining} working days left",
                    resumed,
                )
            )
            anchor, paused_by = resumed, None
        elif ev.type == "extension_notice":
            if paused_by is not None:
                warnings.append(
                    f"{ev.occurred_on}: extension notice while the clock was paused; "
                    "applied when it restarts"
                )
                due_now = None
            else:
                due_now = cal.add_working_days(anchor, remaining)
                if ev.occurred_on > due_now:
                    warnings.append(
                        f"{ev.occurred_on}: extension notice sent after the due date "
                        f"{due_now}; a deadline already missed is not extended"
                    )
                    continue
            allowance = EXTENSION_DAYS - extended
            extra = allowance
            if ev.named_date and due_now is not None:
                wanted = cal.working_days_between(due_now, ev.named_date)
                if wanted > allowance:
                    warnings.append(
                        f"The notice names {ev.named_date}, more than 10 working days past {due_now}: "
                        f"the agency must offer to narrow the request or agree another timeframe, "
                        f"make its FOIA Public Liaison available and tell you about OGIS "
                        f"({CITE_EXTENSION_BEYOND}). The statutory date stays "
                        f"{cal.add_working_days(due_now, allowance)}."
                    )
                extra = max(0, min(wanted, allowance))
            extended += extra
            remaining += extra
            steps.append(
                Step(
                    f"Unusual-circumstances notice of {ev.occurred_on}"
                    + (f" naming {ev.named_date}" if ev.named_date else "")
                    + f": +{extra} working days ({CITE_EXTENSION}; at most 10 in all)",
                    ev.occurred_on,
                )
            )

    if paused_by is not None:
        due = None
        steps.append(
            Step(
                f"Clock paused since the {TOLL_NAMES[paused_by]}; "
                f"{remaining} working days left when it restarts"
            )
        )
    else:
        due = cal.add_working_days(anchor, remaining)
        steps.append(
            _count(cal, anchor, due, f"Counted {remaining} working days after {anchor}: due {due}")
        )
    if done_on is not None:
        steps.append(Step(f"Determination or withdrawal on {done_on}", done_on))
    return Clock(
        "response",
        "Response due",
        "agency",
        "20 working days after receipt (day of receipt is day 0)",
        CITE_RESPONSE,
        due,
        start,
        assumed,
        done_on,
        paused_by is not None,
        tuple(steps),
        tuple(warnings),
    )


# -- the other clocks -------------------------------------------------------------------


def expedite_clock(events: list[Event], cal: Calendar) -> Clock | None:
    events = _ordered(events)
    asked = _first(events, "expedite_requested")
    if asked is None:
        return None
    received = asked.agency_received_on or _deemed_receipt(cal, asked.occurred_on)
    assumed = asked.agency_received_on is None
    due = received + timedelta(days=EXPEDITE_DAYS)
    decided = next(
        (
            e
            for e in events
            if e.occurred_on >= asked.occurred_on
            and e.type in ("expedite_decided", "determination", "withdrawn", "closed")
        ),
        None,
    )
    steps = [
        Step(
            f"Expedited processing requested {asked.occurred_on}; agency receipt "
            f"{'ASSUMED ' if assumed else ''}{received}",
            received,
        ),
        Step(f"10 calendar days after receipt: {due} (no roll-forward)", due),
    ]
    return Clock(
        "expedite",
        "Expedite decision due",
        "agency",
        "decision within 10 calendar days of the request",
        CITE_EXPEDITE,
        due,
        received,
        assumed,
        decided.occurred_on if decided else None,
        steps=tuple(steps),
        unit="calendar",
    )


def appeal_window_clock(events: list[Event], cal: Calendar, rule: AppealRule) -> Clock | None:
    events = _ordered(events)
    adverse = next(
        (
            e
            for e in reversed(events)
            if e.type == "determination" and e.outcome in ADVERSE_DETERMINATIONS
        ),
        None,
    )
    if adverse is None:
        return None
    start = adverse.occurred_on
    if rule.unit == "working":
        due = cal.add_working_days(start, rule.days)
        steps = [
            Step(f"Adverse determination ({OUTCOME_LABELS[adverse.outcome]}) dated {start}", start),
            _count(cal, start, due, f"{rule.days} working days after it: {due}"),
        ]
    else:
        due = start + timedelta(days=rule.days)
        steps = [
            Step(f"Adverse determination ({OUTCOME_LABELS[adverse.outcome]}) dated {start}", start),
            Step(f"{rule.days} calendar days after it: {due}", due),
        ]
    warnings = []
    if not cal.is_working_day(due):
        warnings.append(f"{due} is a {cal.day_off(due).name}: send the appeal before it")
    filed = next((e for e in events if e.type == "appeal_filed" and e.occurred_on >= start), None)
    return Clock(
        "appeal_window",
        "Appeal by",
        "requester",
        f"appeal within {rule.days} {rule.unit} days of the adverse determination [{rule.tag}]",
        rule.cite,
        due,
        start,
        False,
        filed.occurred_on if filed else None,
        steps=tuple(steps),
        warnings=tuple(warnings),
        unit=rule.unit,
    )


def appeal_decision_clock(events: list[Event], cal: Calendar) -> Clock | None:
    events = _ordered(events)
    filed = _first(events, "appeal_filed")
    if filed is None:
        return None
    acked = _first(events, "appeal_received")
    received = (
        acked.agency_received_on if acked and acked.agency_received_on else None
    ) or filed.agency_received_on
    assumed = received is None
    if assumed:
        received = _deemed_receipt(cal, filed.occurred_on)
    due = cal.add_working_days(received, APPEAL_DECISION_DAYS)
    decided = next(
        (
            e
            for e in events
            if e.occurred_on >= filed.occurred_on
            and e.type in ("appeal_decided", "withdrawn", "closed")
        ),
        None,
    )
    steps = [
        Step(
            f"Appeal filed {filed.occurred_on}; appeal office receipt "
            f"{'ASSUMED ' if assumed else ''}{received}",
            received,
        ),
        _count(cal, received, due, f"20 working days after receipt: {due}"),
    ]
    return Clock(
        "appeal_decision",
        "Appeal decision due",
        "agency",
        "decide an appeal within 20 working days of receipt",
        CITE_APPEAL_DECISION,
        due,
        received,
        assumed,
        decided.occurred_on if decided else None,
        steps=tuple(steps),
    )


def requester_clocks(events: list[Event]) -> list[Clock]:
    """What the requester owes: an answer to each agency ask, by the date it names."""
    events = _ordered(events)
    out = []
    for i, ask in enumerate(events):
        if ask.type not in ASKS:
            continue
        answer = next((e for e in events[i + 1 :] if e.type == ASKS[ask.type]), None)
        closed = next(
            (e for e in events[i + 1 :] if e.type in ("determination", "withdrawn", "closed")), None
        )
        done = answer or closed
        label = {
            "info_requested": "Answer the request for information",
            "fee_clarification_requested": "Answer the fee clarification",
            "fee_estimate": "Accept or narrow the fee estimate",
            "still_interested": "Say you are still interested",
        }[ask.type]
        steps = [Step(f"{EVENT_TYPES[ask.type].label} dated {ask.occurred_on}", ask.occurred_on)]
        warnings = []
        if ask.named_date:
            steps.append(Step(f"The letter asks for a reply by {ask.named_date}", ask.named_date))
        else:
            warnings.append("The letter names no reply-by date; answer promptly")
        if ask.type == "still_interested":
            warnings.append("Agencies close requests that miss a still-interested deadline")
        out.append(
            Clock(
                f"reply:{ask.id or i}",
                label,
                "requester",
                "the date the agency's letter names",
                "agency letter",
                ask.named_date,
                ask.occurred_on,
                False,
                done.occurred_on if done else None,
                steps=tuple(steps),
                warnings=tuple(warnings),
                unit="named",
            )
        )
    return out


def exhaustion_milestone(response: Clock | None) -> Clock | None:
    """Constructive exhaustion: the day after a missed response deadline."""
    if response is None or response.due is None:
        return None
    day = response.due + timedelta(days=1)
    if response.done_on is not None and response.done_on <= response.due:
        return None
    return Clock(
        "exhaustion",
        "Constructive exhaustion from",
        "milestone",
        "the requester may sue once the agency misses its deadline; the agency may then not "
        "charge search fees (nor duplication fees to media, educational and scientific "
        "requesters) unless (aa) it sent a timely unusual-circumstances notice, (bb) more "
        "than 5,000 pages are needed and it discussed narrowing, or (cc) a court found "
        "exceptional circumstances",
        CITE_EXHAUSTION,
        day,
        response.due,
        steps=(
            Step(
                f"Response was due {response.due}"
                + (f" and came {response.done_on}" if response.done_on else "")
                + f"; exhaustion from the next day, {day}",
                day,
            ),
        ),
        unit="milestone",
    )


# -- all clocks of a request ---------------------------------------------------------------


def compute_clocks(
    events: list[Event], cal: Calendar, rule: AppealRule = AppealRule()
) -> list[Clock]:
    """Every clock of one request, each with the date the other closure policy would give."""
    live = [e for e in events if e.type in EVENT_TYPES]
    clocks = _clocks(live, cal, rule)
    alternative = {c.key: c.due for c in _clocks(live, cal.alternative, rule)}
    out = []
    for clock in clocks:
        if clock.start and clock.due and clock.unit == "working":
            disputed = tuple(cal.closures_between(clock.start, clock.due))
            alt = alternative.get(clock.key)
            clock = replace(clock, disputed=disputed, alternative=alt if alt != clock.due else None)
        out.append(clock)
    return out


def _clocks(events: list[Event], cal: Calendar, rule: AppealRule) -> list[Clock]:
    response = response_clock(events, cal)
    found = [
        response,
        exhaustion_milestone(response),
        expedite_clock(events, cal),
        appeal_window_clock(events, cal, rule),
        appeal_decision_clock(events, cal),
    ]
    return [c for c in found if c is not None] + requester_clocks(events)


def next_deadline(clocks: list[Clock]) -> Clock | None:
    """The open clock that falls first (the one a user must act on or watch)."""
    open_ = [c for c in clocks if c.is_open and c.due is not None and c.key != "exhaustion"]
    return min(open_, key=lambda c: c.due, default=None)
