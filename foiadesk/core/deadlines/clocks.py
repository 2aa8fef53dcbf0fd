"""The federal FOIA clocks, computed from a request's events every time they are needed.

Nothing here is stored. Each ``Clock`` carries its trace: the starting event, the
rule and its citation, every day not counted, every pause, and the result, so a
user (or a court) can check the arithmetic line by line. Facts and citations:
5 U.S.C. 552(a)(6); see resources/ and the README for sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import cast

from foiadesk.core.deadlines.calendar import Calendar, DayOff
from foiadesk.core.deadlines.events import ANSWERED_BY, EVENT_TYPES, OUTCOME_LABELS, Event
from foiadesk.core.deadlines.facts import (
    ANSWER_FEE,
    ANSWER_INFO,
    ASK_FEE,
    ASK_INFO,
    DEEMED_NOTE,
    EXTENSION,
    ClockStep,
    Facts,
    Receipt,
    Window,
    day_off_name,
    read_events,
)

RESPONSE_DAYS = 20
ROUTING_DAYS = 10
EXTENSION_DAYS = 10
EXPEDITE_DAYS = 10
APPEAL_DECISION_DAYS = 20
TOLL_NAMES = {ASK_INFO: "request for information", ASK_FEE: "fee clarification request"}
ANSWERS = {ANSWER_INFO: ASK_INFO, ANSWER_FEE: ASK_FEE}  # answer kind -> the ask it answers

CITE_RESPONSE = "5 U.S.C. 552(a)(6)(A)(i)"
CITE_ROUTING = "5 U.S.C. 552(a)(6)(A)(ii) (flush text)"
# Each kind of ask tolls under its own clause: (I) once, for information; (II) for fees.
TOLL_CITES = {ASK_INFO: "5 U.S.C. 552(a)(6)(A)(ii)(I)", ASK_FEE: "5 U.S.C. 552(a)(6)(A)(ii)(II)"}
CITE_EXTENSION = "5 U.S.C. 552(a)(6)(B)(i)"
CITE_EXTENSION_BEYOND = "5 U.S.C. 552(a)(6)(B)(ii)"
CITE_EXPEDITE = "5 U.S.C. 552(a)(6)(E)(ii)(I)"
# The statute says "10 days"; agencies' rules count them as calendar days. Where the
# agency's own paragraph is not on file, the trace names two that say so.
CITE_EXPEDITE_READING = "counted as calendar days, as e.g. 6 CFR 5.5(e)(4) and 28 CFR 16.5(e)(4) do"
CITE_APPEAL_DECISION = "5 U.S.C. 552(a)(6)(A)(ii)"
CITE_EXHAUSTION = "5 U.S.C. 552(a)(6)(C)(i); fee bar 552(a)(4)(A)(viii)"
CITE_ESTIMATE = "5 U.S.C. 552(a)(7)(B)(ii)"
CITE_EXPEDITE_MOOT = "5 U.S.C. 552(a)(6)(E)(iv)"
CITE_EXPEDITE_APPEAL = "5 U.S.C. 552(a)(6)(E)(ii)(II)"
CITE_EXPEDITE_PROCESSING = "5 U.S.C. 552(a)(6)(E)(iii)"

# DOJ OIP's checklist for still-interested inquiries (updated July 2, 2015), items 5 and 8.
STILL_INTERESTED_DAYS = 30
OIP_STILL_INTERESTED = (
    "DOJ OIP, Implementation Checklist for OIP Guidance on 'Still-Interested' Inquiries "
    "(updated July 2, 2015), https://www.justice.gov/oip/oip-guidance-7"
)


@dataclass(frozen=True)
class Authority:
    """A court decision a trace relies on, with its confidence tag (V verified in a source
    that was read, P partly confirmed, U unconfirmed) and where it was checked."""

    cite: str
    tag: str
    holding: str
    sources: tuple[str, ...]


# After an agency answers late but before suit, courts expect an administrative appeal.
OGLESBY = Authority(
    "Oglesby v. U.S. Dep't of the Army, 920 F.2d 57 (D.C. Cir. 1990)",
    "V",
    "constructive exhaustion no longer applies once the agency has responded before suit; the "
    "requester must then appeal administratively before going to court",
    (
        "https://casetext.com/case/oglesby-v-us-dept-of-army (opinion text)",
        "DOJ OIP, FOIA Update Vol. XII, No. 2 (1991), 'Procedural Rules Under the D.C. Circuit's "
        "Oglesby Decision'",
    ),
)


@dataclass(frozen=True)
class AppealRule:
    """How long a requester has to appeal an adverse determination at one agency, and
    the agency's own paragraph on the expedite decision's 10 days, if verified."""

    days: int = 90
    unit: str = "calendar"  # "calendar" | "working"
    cite: str = "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)"
    tag: str = "V"
    source: str = "statutory minimum"
    expedite_cite: str = ""
    # 0: the expedite decision is due 10 calendar days after receipt. Otherwise the agency's
    # rule counts the 10 days from the date of the request but always leaves it this many
    # working days after receipt (the IRS, 26 CFR 601.702(c)(6)(iv): five).
    expedite_floor: int = 0
    # The agency's rule that counts the date of receipt as the first of its 20 workdays, with its
    # tag (Interior: "43 CFR 2.16(a) [P]"); '' where the agency counts as the statute does.
    receipt_day_one: str = ""
    by: str = "sent"  # "received": the appeal must reach the agency by the last day (Interior's rule)


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
    closures_skipped: bool = False  # the policy of the calendar that gave ``due``
    moot: bool = False  # ``done_on`` is the day it stopped mattering, not the day it was met
    for_what: str = ""  # what the clock is for, in a sentence
    hold_alternative: date | None = None  # the date if a fee estimate's hold tolled the clock
    extended_days: int = 0  # working days an unusual-circumstances notice added (0: none took effect)
    agreed: bool = False  # ``due`` is an alternative time frame agreed with the agency
    ended_by: str = ""  # the type of the event that met or mooted it, if any
    earlier: bool = False  # a round the log has moved past (an appeal decided, then another): history

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    def owed(self, today: date | None = None) -> bool:
        """A deadline still to act on or watch: open, dated, not a milestone or estimate,
        and (on ``today``) not a requester's window that has already passed unused."""
        if not self.is_open or self.due is None or self.unit in ("milestone", "estimate"):
            return False
        return today is None or self.owed_by != "requester" or today <= self.due

    def state(self, today: date) -> str:
        """open · paused · overdue · met · missed · moot · no date; milestones are reached,
        pending or answered late; an estimate is an estimate. A requester's window that
        passed unused is missed (history), never overdue (a to-do)."""
        if self.unit == "estimate":
            return "estimate"
        if self.unit == "milestone":
            if self.done_on is not None:
                return "moot" if self.moot else "answered late"
            return "reached" if self.due and today >= self.due else "pending"
        if self.done_on is not None:
            if self.due is None:
                return "moot" if self.moot else "met"
            if self.moot:
                return "moot" if self.done_on <= self.due else "missed"
            return "met" if self.done_on <= self.due else "missed"
        if self.paused:
            return "paused"
        if self.due is None:
            return "no date"
        if today > self.due:
            return "missed" if self.owed_by == "requester" else "overdue"
        return "open"

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days

    @property
    def counted(self) -> int:
        return sum(step.counted for step in self.steps)

    def standing(self, today: date) -> str:
        """Where the deadline stands on ``today``, in words: '75 days overdue', 'due in 5
        days', 'met on 2026-10-06', 'passed unused on 2026-12-15'."""
        state = self.state(today)
        done = self.done_on.isoformat() if self.done_on else ""
        due = self.due.isoformat() if self.due else ""
        if state == "estimate":
            return "the agency's own estimate"
        if state in ("reached", "pending"):
            return f"reached on {due}" if state == "reached" else "not reached yet"
        if state == "answered late":
            return f"reached on {due}; the agency answered late, on {done}"
        if state == "moot":
            return f"no longer needed after {done}" if done else "no longer needed"
        if state == "met":
            return f"met on {done}"
        if state == "missed":
            return f"done on {done}, after it was due ({due})" if done else f"passed unused on {due}"
        if state in ("paused", "no date") or self.due is None:
            return "paused" if state == "paused" else "no date yet"
        days = (self.due - today).days
        if days < 0:
            return f"{-days:,} day{'s' if days != -1 else ''} overdue (due {due})"
        return "due today" if days == 0 else ("due tomorrow" if days == 1 else f"due in {days} days")

    def explain(self, today: date | None = None) -> str:
        """The trace as text, one line per step, ending with the result; given ``today``,
        its first line also says where the deadline stands (see ``standing``)."""
        owed = "a milestone, owed by no one" if self.owed_by == "milestone" else f"owed by the {self.owed_by}"
        now = f": {self.standing(today)}" if today is not None else ""
        lines = [f"{self.label} — {owed}{now}", f"Rule: {self.rule} ({self.cite})"]
        for step in self.steps:
            lines.append(f"  {step.text}")
            lines.extend(f"      not counted: {text}" for text in _group_days_off(step.skipped))
        for days in _runs_by_name(self.disputed):
            first, last = days[0], days[-1]
            span = (
                first.day.isoformat()
                if len(days) == 1
                else (f"{first.day.isoformat()} to {last.day.isoformat()} ({len(days)} working days)")
            )
            lines.append(
                f"  Disputed closure inside this window: {span} {first.name} "
                f"(disputed closure, {first.tag}; {first.source})"
            )
        if self.alternative and self.alternative != self.due:
            lines.append(
                f"  If disputed closure days were {'counted' if self.closures_skipped else 'skipped'}: "
                f"{self.alternative.isoformat()}"
            )
        if self.hold_alternative and self.hold_alternative != self.due:
            lines.append(
                "  If the fee estimate put the request on hold (as some agency rules say): "
                f"{self.hold_alternative.isoformat()}; the statute tolls only for a fee "
                f"clarification ({TOLL_CITES[ASK_FEE]})"
            )
        for warning in self.warnings:
            lines.append(f"  ! {warning}")
        lines.append(
            f"Result: {self.due.isoformat() if self.due else 'no date (clock paused or no date named)'}"
        )
        return "\n".join(lines)


def _runs_by_name(days: tuple[DayOff, ...]) -> list[list[DayOff]]:
    """Consecutive days off of the same closure, together (a 43-day shutdown is one line)."""
    runs: list[list[DayOff]] = []
    for off in days:
        if runs and runs[-1][-1].name == off.name:
            runs[-1].append(off)
        else:
            runs.append([off])
    return runs


def _group_days_off(days: tuple[DayOff, ...]) -> list[str]:
    """One line per day off, a Saturday and Sunday pair on one line."""
    out, i = [], 0
    while i < len(days):
        off = days[i]
        nxt = days[i + 1] if i + 1 < len(days) else None
        if off.reason == "weekend" and nxt and nxt.reason == "weekend" and (nxt.day - off.day).days == 1:
            out.append(f"{off.day.isoformat()}–{nxt.day.isoformat()} weekend")
            i += 2
            continue
        out.append(off.describe())
        i += 1
    return out


def _count(cal: Calendar, start: date, end: date, text: str) -> Step:
    """A step that counts the working days in (start, end] and lists the rest."""
    if end <= start:
        return Step(text, end, 0, ())
    return Step(text, end, cal.working_days_between(start, end), tuple(cal.days_off_between(start, end)))


# -- the response clock ---------------------------------------------------------------


class _Response:
    """The response clock's state while its steps are read in order: the day counting
    restarts from (day 0), the working days left, and what it is paused for."""

    def __init__(self, cal: Calendar, start: date):
        self.cal, self.anchor, self.remaining = cal, start, RESPONSE_DAYS
        self.pending: set[int] = set()
        self.paused_for: set[int] = set()  # every kind of ask the current pause waited on
        self.info_tolls = self.extended = 0
        self.held: ClockStep | None = None
        self.held_ref: date | None = None  # the due date had the clock restarted on the held notice's day
        self.steps: list[Step] = []
        self.warnings: list[str] = []

    def due_now(self) -> date:
        return self.cal.add_working_days(self.anchor, self.remaining)

    def ask(self, step: ClockStep) -> None:
        name = TOLL_NAMES[step.kind]
        if step.event.type == "fee_estimate":
            name = "fee estimate, which puts the request on hold (a fee clarification)"
        if step.kind == ASK_INFO and self.info_tolls >= 1:
            self.warnings.append(
                f"{step.day}: a second request for information does not toll the "
                f"clock: the statute allows one ({TOLL_CITES[ASK_INFO]})"
            )
            return
        if not self.pending:
            due = self.due_now()
            if step.day > due:
                self.warnings.append(
                    f"{step.day}: the {name} came after the due date {due}; it cannot "
                    "toll a clock that had run out"
                )
                return
            twenty = self.cal.add_working_days(self.anchor, self.remaining - self.extended)
            if self.extended and step.day > twenty:
                self.warnings.append(
                    f"{step.day}: the {name} came after the 20 working days had run ({twenty}), "
                    "during the unusual-circumstances extension. The statute lets the agency toll "
                    f'"the 20-day period" ({TOLL_CITES[step.kind]}); if this pause does not count, '
                    f"the due date stays {due}"
                )
            counted = _count(
                self.cal,
                self.anchor,
                max(step.day, self.anchor),
                f"Counted from {self.anchor} through {step.day}, the day the agency sent its {name}",
            )
            self.remaining -= counted.counted
            text = f"{counted.text}: {counted.counted} working days, {self.remaining} left"
            if step.day < self.anchor:  # asked before the clock started (e.g. while misrouted)
                text = (
                    f"The agency sent its {name} {step.day}, before the clock started {self.anchor}: "
                    f"no working days counted, {self.remaining} left"
                )
            self.steps.append(replace(counted, text=text))
        else:
            self.steps.append(Step(f"{step.day}: {name} while the clock was already paused", step.day))
        self.pending.add(step.kind)
        self.paused_for.add(step.kind)
        self.info_tolls += step.kind == ASK_INFO

    def answer(self, step: ClockStep) -> None:
        asked = ANSWERS[step.kind]
        if asked not in self.pending:
            return
        self.pending.discard(asked)
        answer = "payment" if step.event.type == "payment" else "answer"  # a payment accepts an estimate
        if step.assumed:
            self.warnings.append(
                f"{step.event.occurred_on}: the agency's receipt of the {answer} is not "
                "logged; assumed the day it was sent"
            )
        if self.pending:
            self.steps.append(
                Step(
                    f"Answer to the {TOLL_NAMES[asked]} received {step.day}; still "
                    f"paused for the {TOLL_NAMES[min(self.pending)]}",
                    step.day,
                )
            )
            return
        self.anchor = max(step.day, self.anchor)
        cites = "; ".join(TOLL_CITES[kind] for kind in sorted(self.paused_for))
        self.paused_for.clear()
        got = step.event.agency_received_on or step.event.occurred_on
        when = f"{self.anchor}"
        skipped: tuple[DayOff, ...] = ()
        if got != step.day:
            when = (
                f"{got}, a day off ({day_off_name(self.cal, got)}): deemed received the next working "
                f"day, {step.day} ({DEEMED_NOTE})"
            )
            skipped = tuple(self.cal.days_off_between(got, step.day))
        self.steps.append(
            Step(
                f"Paused ({cites}) until the agency received the {answer} {when}; day 0 again "
                f"{self.anchor}, {self.remaining} working days left",
                self.anchor,
                0,
                skipped,
            )
        )
        if self.held is not None:
            held, self.held = self.held, None
            self.extend(held, timely=True, ref=self.held_ref)

    def extend(self, step: ClockStep, *, timely: bool = False, ref: date | None = None) -> None:
        """Add the working days a notice names beyond ``ref``, the due date when it was sent
        (for a notice sent during a pause: had the clock restarted that day), so that a toll
        before or after a notice, even on the same day, moves the date the same way."""
        if self.pending:
            if self.held is not None:
                self.warnings.append(
                    f"{step.day}: a later extension notice replaces the one of "
                    f"{self.held.day} while the clock is paused"
                )
            self.held = step
            self.held_ref = self.cal.add_working_days(step.day, self.remaining)
            self.steps.append(
                Step(
                    f"Unusual-circumstances notice of {step.day} while the clock was "
                    "paused: applied when it restarts",
                    step.day,
                )
            )
            return
        now = self.due_now()
        if not timely and step.day > now:
            self.warnings.append(
                f"{step.day}: extension notice sent after the due date {now}; a "
                "deadline already missed is not extended"
            )
            return
        due = ref or now
        allowance = EXTENSION_DAYS - self.extended
        extra = allowance
        if step.named is not None:
            wanted = self.cal.working_days_between(due, step.named)
            if wanted > allowance:
                room = (
                    f"more than the {allowance} working days an extension may add to {due}"
                    if allowance
                    else f"after {due}, and the 10 working days extensions may add are used up"
                )
                self.warnings.append(
                    f"The notice names {step.named}, {room}: the agency must offer to narrow the request or "
                    "agree another timeframe, make its FOIA Public Liaison available and tell you "
                    f"about OGIS ({CITE_EXTENSION_BEYOND}). The statutory date stays "
                    f"{self.cal.add_working_days(now, allowance)}."
                )
            extra = max(0, min(wanted, allowance))
            literal = max(0, min(self.cal.working_days_between(now, step.named), allowance))
            if ref is not None and literal != extra:
                self.warnings.append(
                    f"The notice of {step.day} came while the clock was paused: counted from {ref}, "
                    f"the due date had the clock restarted that day, it adds {extra} working days. "
                    f"Read as the date it names against the restarted due date {now}, it would add "
                    f"{literal}, due {self.cal.add_working_days(now, literal)}: {CITE_EXTENSION} does "
                    "not say which"
                )
        self.extended += extra
        self.remaining += extra
        named = f" naming {step.named}" if step.named else ""
        self.steps.append(
            Step(
                f"Unusual-circumstances notice of {step.event.occurred_on}{named}: "
                f"+{extra} working days ({CITE_EXTENSION}; at most 10 in all"
                + (", all used by the earlier notices)" if not allowance else ")"),
                step.event.occurred_on,
            )
        )


def _start(facts: Facts, cal: Calendar) -> tuple[date, list[Step]]:
    """The day the response clock starts: the proper component's receipt, but no later
    than 10 working days after the first designated component's; later routings do not
    restart the cap."""
    receipt = facts.receipt
    assert receipt is not None  # read_events gives every filed request a receipt
    steps = [_receipt_step(receipt, cal)]
    if facts.filed is not None and facts.filed.type == "referral_received":
        steps.append(
            Step("Referred by another agency: the clock starts on this agency's receipt (no routing cap)")
        )
    if not facts.routings:
        return receipt.day, steps
    cap = cal.add_working_days(receipt.day, ROUTING_DAYS)
    for n, routing in enumerate(facts.routings):
        got = f" (received {routing.agency_received_on})" if routing.agency_received_on else ""
        if n == 0:
            text = (
                f"Routed to another component {routing.occurred_on}{got}. Routing cap: 10 working days "
                f"after the first receipt is {cap} ({CITE_ROUTING}; the statute says 'ten days', "
                "read as working days, as DOJ OIP and USDA's rule do; read as calendar days, the cap "
                f"would be {receipt.day + timedelta(days=ROUTING_DAYS)})"
            )
            # the days the cap skips, listed; counted stays 0: they are not the response's days
            steps.append(Step(text, cap, 0, tuple(cal.days_off_between(receipt.day, cap))))
            continue
        steps.append(Step(f"Routed again {routing.occurred_on}{got}: the cap stays {cap}", cap))
    proper = facts.proper
    if proper is None:
        steps.append(
            Step(f"Proper component's receipt not logged: the clock starts no later than {cap}", cap)
        )
        return cap, steps
    if proper.day > cap:
        steps.append(Step(f"{proper.describe()}, after the cap: the clock starts {cap}", cap))
        return cap, steps
    within = _receipt_step(proper, cal)
    steps.append(replace(within, text=f"{within.text}, within the cap: the clock starts then"))
    return proper.day, steps


def response_clock(events: list[Event], cal: Calendar, facts: Facts | None = None) -> Clock | None:
    """20 working days from receipt, capped for misrouting, tolled, and extended."""
    facts = facts or read_events(events, cal)
    if facts.filed is None:
        return None
    filed = facts.filed
    assert facts.receipt is not None  # read_events gives every filed request a receipt
    start, start_steps = _start(facts, cal)
    clock = _Response(cal, start)
    first = (
        f"Filed {filed.occurred_on}" + (f" by {filed.channel}" if filed.channel else "")
        if filed.type == "filed"
        else f"Received on referral {filed.occurred_on}" + (f": {filed.summary}" if filed.summary else "")
    )
    clock.steps = [Step(first, filed.occurred_on), *start_steps]
    for ev in facts.consultations:
        clock.steps.append(
            Step(
                f"Consultation with another agency {ev.occurred_on}: the clock keeps running. Consulting "
                "another agency is an unusual circumstance (5 U.S.C. 552(a)(6)(B)(iii)(III)) that adds "
                f"days only through a written extension notice ({CITE_EXTENSION})",
                ev.occurred_on,
            )
        )
    for step in facts.steps:
        if step.kind in TOLL_NAMES:
            clock.ask(step)
        elif step.kind == EXTENSION:
            clock.extend(step)
        else:
            clock.answer(step)
    granted = facts.expedite_done
    if (
        granted is not None
        and granted.type == "expedite_decided"
        and granted.outcome == "granted"
        and (facts.response_done is None or granted.occurred_on <= facts.response_done.occurred_on)
    ):
        clock.steps.append(
            Step(
                f"Expedited processing granted {granted.occurred_on}: the agency must process the request "
                f"as soon as practicable ({CITE_EXPEDITE_PROCESSING}); the date below is the latest the "
                "statute allows, not the pace expected",
                granted.occurred_on,
            )
        )
    for closure, reopening in facts.bridged:
        clock.steps.append(_bridged_step(closure, reopening))
        clock.warnings.append(_new_request_warning(cal, closure, reopening))
    paused = bool(clock.pending)
    if paused:
        due = None
        clock.steps.append(
            Step(
                f"Clock paused since the {TOLL_NAMES[min(clock.pending)]}; "
                f"{clock.remaining} working days left when it restarts"
            )
        )
    else:
        due = clock.due_now()
        clock.steps.append(
            _count(
                cal,
                clock.anchor,
                due,
                f"Counted {clock.remaining} working days after {clock.anchor}: due {due}",
            )
        )
    agreed = False
    if facts.agreed is not None and due is not None:
        due, agreed = _agreed_time_frame(facts.agreed, due, clock)
    if facts.said_received is not None and due is not None:
        clock.warnings.append(_said_received_warning(events, cal, facts, due))
    done = facts.response_done
    if done is not None and done.type == "admin_closed":
        clock.steps.append(
            Step(
                f"{_closure_words(done)}: the agency owes no determination on a closed request, so "
                "the clock stops; the closure itself can be appealed (see its appeal window)",
                done.occurred_on,
            )
        )
    elif done is not None:
        clock.steps.append(Step(f"{EVENT_TYPES[done.type].label} on {done.occurred_on}", done.occurred_on))
    return Clock(
        "response",
        "Response due",
        "agency",
        AGREED_RULE if agreed else "20 working days after receipt (day of receipt is day 0)",
        f"{CITE_RESPONSE}; {CITE_EXTENSION_BEYOND}" if agreed else CITE_RESPONSE,
        due,
        start,
        facts.receipt.assumed,
        done.occurred_on if done else None,
        paused,
        tuple(clock.steps),
        tuple(clock.warnings),
        closures_skipped=cal.skip_closures,
        for_what="the agency's determination on the request",
        extended_days=clock.extended,
        moot=done is not None and done.type != "determination",
        ended_by=done.type if done else "",
        agreed=agreed,
    )


AGREED_RULE = (
    "the date agreed with the agency as an alternative time frame; without it, 20 working days "
    "after receipt, extended as the statute allows"
)


def _agreed_time_frame(agreed: Event, statutory: date, clock: _Response) -> tuple[date, bool]:
    """552(a)(6)(B)(ii): an agency that cannot meet the time limits must offer the requester the
    chance to "arrange with the agency an alternative time frame for processing the request"; a
    requester who agrees has agreed to wait until then. A date earlier than the statute's gives
    the agency no less time."""
    day = agreed.named_date
    assert day is not None  # facts keeps only agreements that name their date
    if day <= statutory:
        clock.warnings.append(
            f"The time frame agreed {agreed.occurred_on} ends {day}, no later than the statutory date "
            f"{statutory}: the statutory date stands"
        )
        return statutory, False
    clock.steps.append(
        Step(
            f"Alternative time frame agreed {agreed.occurred_on}: you and the agency arranged for the "
            f"request to be processed by {day} ({CITE_EXTENSION_BEYOND}); the response is due then, "
            f"instead of {statutory}, the date the statute's time limits give",
            day,
        )
    )
    if agreed.occurred_on > statutory:
        clock.warnings.append(
            f"The time frame was agreed {agreed.occurred_on}, after the statutory date {statutory} had "
            "passed, when you could already sue (5 U.S.C. 552(a)(6)(C)(i)); whether agreeing later "
            "gives that up is not settled in a source read [U]"
        )
    return day, True


def _said_received_warning(events: list[Event], cal: Calendar, facts: Facts, due: date) -> str:
    """An acknowledgment that dates the receipt otherwise than the date counted from: the
    date it would give, so a requester sees both before relying on either."""
    assert facts.said_received is not None and facts.receipt is not None
    ack, said = facts.said_received
    other = response_clock(events, cal, replace(facts, receipt=said, said_received=None))
    assert other is not None
    text = (
        f"The acknowledgment of {ack.occurred_on} says the agency received the request on "
        f"{said.said}, not {facts.receipt.said} as counted above"
    )
    if other.due == due:
        return f"{text}; counted from its date the due date is the same"
    return (
        f"{text}: counted from its date, the response would be due {other.due}. An agency rule may "
        "deem what arrives after hours received on the next working day (Interior's does so for an "
        "appeal arriving after 5 p.m. Eastern Time, Monday through Friday: 43 CFR 2.58(e) [V]); "
        "the statute counts from receipt (5 U.S.C. 552(a)(6)(A)(i)), so check which date is right, "
        "and count on the later one before suing"
    )


# -- administrative closures ---------------------------------------------------------------

# OIP's still-interested checklist (updated July 2, 2015), item 8, read at justice.gov [V].
OIP_REOPEN = (
    "OIP's still-interested checklist, item 8: a request answered within a reasonable time after "
    "the deadline is reopened and put back in the queue where it would have been [V] "
    f"({OIP_STILL_INTERESTED})"
)
# Why a closure is appealed as the other adverse decisions are, and how sure each rule is.
CLOSURE_APPEALABLE = (
    "An administrative closure ends the request without a decision on the records. DOJ: 28 CFR "
    '16.8(a) lets a requester appeal "any adverse determinations", and the examples in 16.6(d) '
    'include a request that "does not reasonably describe the records sought" and "denials '
    'involving fees" [V]; DHS: 6 CFR 5.8(a)(1) lets a requester appeal a denial of "any part of '
    'the request" or a "procedural deficiency" [V]. That a closure for another reason (no '
    "still-interested reply, a duplicate) is appealable under every agency's rule is not "
    "confirmed in a source read [U]: the closure letter should say whether and where to appeal"
)


def _closure_words(ev: Event) -> str:
    reason = f" (reason given: {OUTCOME_LABELS[ev.outcome].lower()})" if ev.outcome in OUTCOME_LABELS else ""
    return f"Closed by the agency (administrative closure) on {ev.occurred_on}{reason}"


def _bridged_step(closure: Event, reopening: Event) -> Step:
    return Step(
        f"{_closure_words(closure)}; reopened {reopening.occurred_on}. The closure does not stop "
        "or restart the clock: the statute lets the agency toll it only to ask once for "
        "information or to settle fees, until it receives the answer (5 U.S.C. "
        "552(a)(6)(A)(ii)(I)-(II)); counted from the original receipt, as if never closed "
        f"({OIP_REOPEN})",
        reopening.occurred_on,
    )


def _new_request_warning(cal: Calendar, closure: Event, reopening: Event) -> str:
    fresh = cal.add_working_days(reopening.occurred_on, RESPONSE_DAYS)
    return (
        f"If the agency treats the request reopened on {reopening.occurred_on} as a new one, it "
        f"would count 20 working days from then, to {fresh}; the statute gives no new start for "
        "a reopened request, so the date above stands"
    )


# -- the other clocks -------------------------------------------------------------------


def _receipt_step(receipt: Receipt, cal: Calendar | None = None) -> Step:
    """The receipt, and, when it fell on a day off, every further day off before the working day
    it is deemed received on (a Saturday before a Monday holiday moves it three days)."""
    if cal is None or receipt.day == receipt.said:
        return Step(receipt.describe(), receipt.day)
    return Step(receipt.describe(), receipt.day, 0, tuple(cal.days_off_between(receipt.said, receipt.day)))


def expedite_due(dated: date, received: date, floor: int, cal: Calendar) -> date:
    """10 calendar days after receipt; or, where the agency's rule counts them from the date
    of the request (``floor`` > 0), that date or ``floor`` working days after receipt,
    whichever is later."""
    if not floor:
        return received + timedelta(days=EXPEDITE_DAYS)
    return max(dated + timedelta(days=EXPEDITE_DAYS), cal.add_working_days(received, floor))


def _expedite_from_date_steps(dated: date, received: Receipt, floor: int, cal: Calendar) -> list[Step]:
    """The two counts of a rule like the IRS's, and the later one that wins."""
    by_date = dated + timedelta(days=EXPEDITE_DAYS)
    least = cal.add_working_days(received.day, floor)
    due = max(by_date, least)
    steps = [
        Step(f"10 calendar days after the date of the request ({dated}): {by_date}", by_date),
        _count(
            cal,
            received.day,
            least,
            f"At least {floor} working days after receipt (the rule's floor, read as counted from "
            f"the agency's receipt [P]): {least}",
        ),
        Step(f"The later of the two: {due} (no roll-forward)", due),
    ]
    if received.said != received.day:
        earlier = max(by_date, cal.add_working_days(received.said, floor))
        if earlier != due:
            steps.append(
                Step(f"Counted from the day off itself ({received.said}) instead: {earlier}", earlier)
            )
    return steps


def _statute_expedite_step(dated: date, due: date) -> Step:
    """Where no rule of the agency on file says how it counts the 10 days: the statute's own
    words, "within 10 days after the date of the request", beside the receipt count."""
    literal = dated + timedelta(days=EXPEDITE_DAYS)
    text = (
        f'The statute says "within 10 days after the date of the request" ({CITE_EXPEDITE}); no '
        "rule of this agency on file says how it counts them, so they are counted as the DHS, DOJ "
        "and Treasury rules count them, in calendar days from receipt"
    )
    if literal != due:
        text += f"; counted from the date of the request ({dated}), the decision was due {literal}"
    return Step(text, literal)


def expedite_clock(facts: Facts, rule: AppealRule | None = None, cal: Calendar | None = None) -> Clock | None:
    if facts.expedite is None:
        return None
    received = facts.expedite_receipt
    assert received is not None  # read_events gives every expedite request a receipt
    floor = rule.expedite_floor if rule and cal else 0
    dated = facts.expedite.occurred_on
    steps = [Step(f"Expedited processing requested {dated}", dated), _receipt_step(received, cal)]
    if floor:
        assert cal is not None  # a floor is read only with a calendar
        due = expedite_due(dated, received.day, floor, cal)
        steps += _expedite_from_date_steps(dated, received, floor, cal)
        what = (
            f"decision within 10 days of the date of the request, and never fewer than {floor} "
            "working days after receipt"
        )
    else:
        due = received.day + timedelta(days=EXPEDITE_DAYS)
        steps.append(Step(f"10 calendar days after receipt: {due} (no roll-forward)", due))
        if received.said != received.day:  # a count of calendar days moves by more than one day
            earlier = received.said + timedelta(days=EXPEDITE_DAYS)
            steps.append(
                Step(f"Counted from the day off itself ({received.said}) instead: {earlier}", earlier)
            )
        what = "decision within 10 calendar days of the agency's receipt of the expedite request"
        if not (rule and rule.expedite_cite):
            steps.append(_statute_expedite_step(dated, due))
    if facts.routings and facts.routings[0].occurred_on >= received.said:
        steps.append(
            Step(
                f"Routed to another component {facts.routings[0].occurred_on}: the ten days still run from "
                "the first receipt; the statute counts them from the date of the request, and the routing "
                f"allowance of {CITE_ROUTING} moves only the 20-day response clock"
            )
        )
    done = facts.expedite_done
    if done is not None:
        label = EVENT_TYPES[done.type].label
        if done.type == "expedite_decided" and done.outcome in OUTCOME_LABELS:
            label += f" ({OUTCOME_LABELS[done.outcome].lower()})"
        steps.append(Step(f"{label} on {done.occurred_on}", done.occurred_on))
    return Clock(
        "expedite",
        "Expedite decision due",
        "agency",
        what,
        f"{CITE_EXPEDITE}; {rule.expedite_cite if rule and rule.expedite_cite else CITE_EXPEDITE_READING}",
        due,
        received.day,
        received.assumed,
        done.occurred_on if done else None,
        steps=tuple(steps),
        unit="calendar",
        closures_skipped=cal.skip_closures if cal else False,
        for_what="the agency's decision on expedited processing",
        ended_by=done.type if done else "",
    )


# What each appeal window is for, in the words every surface uses.
APPEAL_LABELS = {
    "partial": "Appeal the partial denial by",
    "denial": "Appeal the denial by",
    "no_records": "Appeal the no-records response by",
    "glomar": "Appeal the Glomar response by",
    "fee_waiver": "Appeal the fee-waiver denial by",
    "fee_category": "Appeal the fee-category denial by",
    "expedite": "Appeal the expedite denial by",
    "admin_closure": "Appeal the administrative closure by",
}
WINDOW_KEYS = tuple(f"appeal_window:{kind}" for kind in APPEAL_LABELS)


def _adverse_label(ev: Event) -> str:
    if ev.type == "admin_closed":
        return _closure_words(ev)
    what = {
        "determination": "determination",
        "fee_decision": "fee decision",
        "expedite_decided": "expedite decision",
    }[ev.type]
    assert ev.outcome is not None  # adverse means its outcome is one of ADVERSE_DECISIONS
    return f"Adverse {what} ({OUTCOME_LABELS[ev.outcome]}) dated {ev.occurred_on}"


def _moot_reason(window: Window) -> str:
    ev = window.moot
    assert ev is not None  # asked only of a moot window
    if ev.type in ("withdrawn", "closed"):
        return f"{EVENT_TYPES[ev.type].label} {ev.occurred_on}: nothing is owed on a {ev.type} request"
    if ev.type == "reopened":
        return f"The agency reopened the request {ev.occurred_on}: nothing of the closure is left to appeal"
    if window.kind == "expedite" and ev.type == "determination":
        return (
            f"The agency made its determination {ev.occurred_on}: the expedite question is over "
            f"({CITE_EXPEDITE_MOOT})"
        )
    return f"{OUTCOME_LABELS.get(ev.outcome or '', 'Granted')} {ev.occurred_on}: nothing left to appeal"


def appeal_window_clock(window: Window, cal: Calendar, rule: AppealRule) -> Clock:
    """One adverse decision's window; several can be open side by side."""
    adverse = window.decision
    start = adverse.occurred_on
    if rule.unit == "working":
        due = cal.add_working_days(start, rule.days)
        steps = [
            Step(_adverse_label(adverse), start),
            _count(cal, start, due, f"{rule.days} working days after it: {due}"),
        ]
    else:
        due = start + timedelta(days=rule.days)
        steps = [
            Step(_adverse_label(adverse), start),
            Step(f"{rule.days} calendar days after it: {due}", due),
        ]
    if window.kind == "admin_closure":
        steps.insert(1, Step(CLOSURE_APPEALABLE))
        if adverse.outcome == "no_still_interested_reply":
            steps.insert(2, Step(OIP_REOPEN))
    warnings: tuple[str, ...] = ()
    if rule.by == "received":
        warnings += (
            f"{due} is the day the appeal must reach the agency ({rule.cite}), not the day to send it: "
            "send it early enough to arrive by then",
        )
    if not cal.is_working_day(due):
        off = cal.day_off(due)
        what = f"a {off.name}" if off.reason == "weekend" else f"{off.name}, a day federal offices are closed"
        warnings += (
            f"{due} is {what}: send the appeal before it (the rule does not move the last day "
            "to the next working day)",
        )
    done = None
    if window.appealed is not None:
        done = window.appealed.occurred_on
        steps.append(Step(f"Appeal filed {done}", done))
        if done > due:
            warnings += (
                f"The appeal was sent {done}, after the window closed {due}: the agency may refuse "
                "it as late",
            )
    elif window.moot is not None:
        done = window.moot.occurred_on
        steps.append(Step(f"Moot: {_moot_reason(window)}", done))
    label = APPEAL_LABELS[window.kind]
    return Clock(
        f"appeal_window:{window.kind}",
        label,
        "requester",
        f"appeal {'received ' if rule.by == 'received' else ''}within {rule.days} {rule.unit} days of the "
        f"adverse decision [{rule.tag}]",
        rule.cite,
        due,
        start,
        False,
        done,
        steps=tuple(steps),
        warnings=warnings,
        unit=rule.unit,
        closures_skipped=cal.skip_closures,
        moot=window.moot is not None,
        for_what=label[: -len(" by")].replace("Appeal", "an administrative appeal of", 1),
    )


def appeal_decision_clock(facts: Facts, cal: Calendar) -> Clock | None:
    """20 working days from the appeal office's receipt, extended by unusual-circumstances
    notices as the response is (at most 10 working days in all; 552(a)(6)(B)(i) covers
    "either clause (i) or clause (ii)")."""
    if facts.appeal is None:
        return None
    received = facts.appeal_receipt
    assert received is not None  # read_events gives every appeal a receipt
    clock = _Response(cal, received.day)
    clock.remaining = APPEAL_DECISION_DAYS
    clock.steps = [
        Step(f"Appeal filed {facts.appeal.occurred_on}", facts.appeal.occurred_on),
        _receipt_step(received, cal),
    ]
    for step in facts.appeal_steps:
        clock.extend(step)
    due = clock.due_now()
    clock.steps.append(
        _count(
            cal, clock.anchor, due, f"Counted {clock.remaining} working days after {clock.anchor}: due {due}"
        )
    )
    if facts.appeal_logged is not None:
        appeal, logged = facts.appeal_logged
        other = appeal_decision_clock(replace(facts, appeal_receipt=logged, appeal_logged=None), cal)
        assert other is not None
        clock.warnings.append(
            f"The appeal was logged as received {logged.said}, but the appeal office says it received it "
            f"{received.said}: counted from the logged date, the decision would be due {other.due}. The "
            "date above follows the appeal office; check which is right before relying on either"
        )
    done = facts.appeal_done
    cite = CITE_APPEAL_DECISION
    if facts.appeal.outcome == "expedite":
        cite = f"{CITE_APPEAL_DECISION}; {CITE_EXPEDITE_APPEAL}"
        clock.warnings.append(
            "An appeal of an expedite denial must be decided expeditiously "
            f"({CITE_EXPEDITE_APPEAL}); the statute names no number of days, so 20 working days is "
            "the outer limit, not the expected pace"
        )
    if done is not None:
        text = f"{EVENT_TYPES[done.type].label} on {done.occurred_on}"
        if done.type == "appeal_decided" and done.outcome in OUTCOME_LABELS:
            text += f" ({OUTCOME_LABELS[done.outcome].lower()})"
        if done.type == "determination":
            text = (
                f"The agency made its determination {done.occurred_on}: the expedite appeal is "
                f"over ({CITE_EXPEDITE_MOOT})"
            )
        elif done.type == "reopened":
            text = (
                f"The agency reopened the request {done.occurred_on}: the closure appealed is undone, "
                "so no appeal decision is owed; the response clock goes on from the original receipt"
            )
        clock.steps.append(Step(text, done.occurred_on))
    return Clock(
        "appeal_decision",
        "Appeal decision due",
        "agency",
        "decide an appeal within 20 working days of receipt",
        cite,
        due,
        received.day,
        received.assumed,
        done.occurred_on if done else None,
        steps=tuple(clock.steps),
        warnings=tuple(clock.warnings),
        closures_skipped=cal.skip_closures,
        for_what="the appeal office's decision",
        moot=done is not None and done.type != "appeal_decided",
    )


REPLY_LABELS = {
    "info_requested": "Answer the request for information by",
    "fee_clarification_requested": "Answer the fee clarification by",
    "fee_estimate": "Accept or narrow the fee estimate by",
    "still_interested": "Say you are still interested by",
}


def _still_interested_warnings(ask: Event, cal: Calendar) -> list[str]:
    """Agency guidance, not statute: at least 30 working days to answer, and a request answered a
    reasonable time late goes back to its place in the queue."""
    out = [
        "Agencies close requests that miss a still-interested deadline; OIP's guidance says one "
        "answered within a reasonable time after it is reopened in its place in the queue "
        f"({OIP_STILL_INTERESTED})"
    ]
    if ask.named_date:
        given = cal.working_days_between(ask.occurred_on, ask.named_date)
        if given < STILL_INTERESTED_DAYS:
            out.append(
                f"The letter gives {given} working days; OIP's guidance says agencies should give no "
                f"less than {STILL_INTERESTED_DAYS} ({OIP_STILL_INTERESTED}). Answer by the date it "
                "names all the same; the FOIA Public Liaison or OGIS can take up the short notice"
            )
    return out


def requester_clocks(facts: Facts, cal: Calendar) -> list[Clock]:
    """What the requester owes: an answer to each agency ask, by the date it names."""
    out = []
    for i, (ask, done) in enumerate(facts.asks):
        steps = [Step(f"{EVENT_TYPES[ask.type].label} dated {ask.occurred_on}", ask.occurred_on)]
        warnings = []
        if ask.named_date:
            steps.append(Step(f"The letter asks for a reply by {ask.named_date}", ask.named_date))
        else:
            warnings.append("The letter names no reply-by date; answer promptly")
        if ask.type == "still_interested":
            warnings.extend(_still_interested_warnings(ask, cal))
        if done is not None and done.type not in ANSWERED_BY[ask.type]:
            steps.append(
                Step(
                    f"{EVENT_TYPES[done.type].label} {done.occurred_on}: no answer is owed now",
                    done.occurred_on,
                )
            )
        out.append(
            Clock(
                f"reply:{ask.type}:{i}",
                REPLY_LABELS[ask.type],
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
                moot=done is not None and done.type not in ANSWERED_BY[ask.type],
                for_what=REPLY_LABELS[ask.type][: -len(" by")].lower(),
            )
        )
    return out


# (aa), a timely unusual-circumstances notice, excuses a failure only "for an additional 10
# days" (domain.md §1.10): past those, only (bb) or (cc) lifts the bar.
CITE_FEE_BAR = "5 U.S.C. 552(a)(4)(A)(viii)"
BARRED_FEES = "search fees (nor duplication fees to media, educational and scientific requesters)"
FEE_BAR = (
    "the agency may then not charge search fees (nor duplication fees to media, educational and "
    "scientific requesters) unless (bb) it gave timely unusual-circumstances notice, more than "
    "5,000 pages are needed and it discussed narrowing with you (or made three good-faith attempts "
    "to), or (cc) a court found exceptional circumstances; a timely notice alone, (aa), excuses "
    "the delay only for 10 more days"
)


def fee_bar_step(response: Clock, cal: Calendar) -> Step:
    """Which of the fee bar's exceptions the log leaves open, and from when fees are barred.
    (aa) and (bb) both need a timely unusual-circumstances notice; with one, the statute does
    not say whether (aa)'s "additional 10 days" are the extension itself or 10 more after it,
    so the trace gives both dates (the letters assert only the later one)."""
    assert response.due is not None  # asked only of a missed, dated response
    day = response.due + timedelta(days=1)
    if response.agreed:
        return Step(
            f"Fee bar ({CITE_FEE_BAR}): the time limit was the alternative time frame agreed under "
            f"{CITE_EXTENSION_BEYOND}, ending {response.due}. The bar applies when the agency fails "
            "to comply with a time limit of 552(a)(6); whether an agreed time frame is one is not "
            f"settled in a source read [U]. If it is, from {day} the agency may not charge "
            f"{BARRED_FEES} unless (bb) more than 5,000 pages are needed and it discussed narrowing "
            "with you (or made three good-faith attempts to), or (cc) a court found exceptional "
            "circumstances",
            day,
        )
    if not response.extended_days:
        return Step(
            f"Fee bar ({CITE_FEE_BAR}): no timely unusual-circumstances notice extended the time "
            f"limit, so neither exception (aa) nor (bb) can apply (each needs one): from {day} the "
            f"agency may not charge {BARRED_FEES} unless a court finds exceptional circumstances "
            "((viii)(II)(cc))",
            day,
        )
    later = cal.add_working_days(response.due, EXTENSION_DAYS) + timedelta(days=1)
    return Step(
        f"Fee bar ({CITE_FEE_BAR}): a timely unusual-circumstances notice extended the time limit "
        f'to {response.due}. (viii)(II)(aa) excuses a missed limit "for an additional 10 days" and '
        "bars fees once the agency fails the extended limit; the statute does not say whether those "
        f"10 days are the extension itself (fees barred from {day}) or 10 more working days after "
        f"it (barred from {later}; the letters assert only this later date). Either way the agency "
        f"may not charge {BARRED_FEES} unless (bb) more than 5,000 pages are needed and it "
        "discussed narrowing with you (or made three good-faith attempts to), or (cc) a court "
        "found exceptional circumstances",
        day,
    )


def exhaustion_milestone(response: Clock | None, cal: Calendar | None = None) -> Clock | None:
    """Constructive exhaustion: the day after a missed response deadline. Once the agency
    answers (late) before suit, the path is an administrative appeal; the fee bar stays."""
    if response is None or response.due is None:
        return None
    day = response.due + timedelta(days=1)
    if response.done_on is not None and response.done_on <= response.due:
        return None
    steps = [Step(f"Response was due {response.due}; exhaustion from the next day, {day}", day)]
    if cal is not None and not response.moot:
        steps.append(fee_bar_step(response, cal))
    if response.ended_by == "admin_closed":
        steps.append(
            Step(
                f"The agency closed the request administratively on {response.done_on}, without a "
                "determination: appeal the closure within its window. Once an agency has answered "
                f"before suit, courts expect an administrative appeal ({OGLESBY.cite} [{OGLESBY.tag}]), "
                "and DOJ's rule asks for one before suit on an adverse determination (28 CFR 16.8(e) "
                "[V]); whether a closure is such an answer is not settled in a source read [U]",
                response.done_on,
            )
        )
    elif response.moot:  # withdrawn or closed: no answer came, and none is owed now
        steps.append(
            Step(
                f"{response.steps[-1].text}, without an answer from the agency: nothing is owed on "
                "the request now",
                response.done_on,
            )
        )
    elif response.done_on is not None:
        steps.append(
            Step(
                f"The agency answered late, on {response.done_on}: if you have not sued by then, "
                f"an administrative appeal is now the path ({OGLESBY.cite} [{OGLESBY.tag}]); "
                "the fee bar still applies (552(a)(4)(A)(viii))",
                response.done_on,
            )
        )
    return Clock(
        "exhaustion",
        "Constructive exhaustion from",
        "milestone",
        f"the requester may sue once the agency misses its deadline; {FEE_BAR}",
        CITE_EXHAUSTION,
        day,
        response.due,
        done_on=response.done_on,
        steps=tuple(steps),
        unit="milestone",
        moot=response.moot,
        for_what="the right to sue without an administrative appeal",
    )


def appeal_exhaustion_milestone(decision: Clock | None) -> Clock | None:
    """The appeal stage's exhaustion: the day after a missed appeal decision, the requester
    may sue (552(a)(6)(C)(i))."""
    if decision is None or decision.due is None:
        return None
    if decision.done_on is not None and decision.done_on <= decision.due:
        return None
    day = decision.due + timedelta(days=1)
    steps = [Step(f"Appeal decision was due {decision.due}; exhaustion from the next day, {day}", day)]
    if decision.moot:  # withdrawn, closed, or an expedite appeal overtaken by the determination
        steps.append(Step(f"{decision.steps[-1].text}: no appeal decision is owed now", decision.done_on))
    elif decision.done_on is not None:
        steps.append(
            Step(
                f"The appeal office decided late, on {decision.done_on}; its decision is final and "
                "judicial review is open (5 U.S.C. 552(a)(4)(B))",
                decision.done_on,
            )
        )
    return Clock(
        "appeal_exhaustion",
        "Appeal: constructive exhaustion from",
        "milestone",
        "the requester may sue once the appeal office misses its deadline",
        "5 U.S.C. 552(a)(6)(C)(i), (a)(6)(A)(ii)",
        day,
        decision.due,
        done_on=decision.done_on,
        steps=tuple(steps),
        unit="milestone",
        moot=decision.moot,
        for_what="the right to sue after an undecided appeal",
    )


CITE_EXPEDITE_REVIEW = "5 U.S.C. 552(a)(6)(E)(iii)"


def expedite_review_milestone(expedite: Clock | None, decided: Event | None = None) -> Clock | None:
    """The day after a missed expedite decision: the agency's failure to decide in time is
    subject to judicial review (552(a)(6)(E)(iii)), until it has fully answered the request
    ((E)(iv) takes the expedite question from the courts then)."""
    if expedite is None or expedite.due is None:
        return None
    if expedite.done_on is not None and expedite.done_on <= expedite.due:
        return None
    day = expedite.due + timedelta(days=1)
    steps = [
        Step(
            f"Expedite decision was due {expedite.due}; from the next day, {day}, the agency's "
            f"failure to decide in time may be taken to court ({CITE_EXPEDITE_REVIEW}), on the "
            "record before the agency",
            day,
        )
    ]
    moot = expedite.ended_by not in ("", "expedite_decided")
    if expedite.ended_by == "determination":
        steps.append(
            Step(
                f"The agency made its determination {expedite.done_on}, without deciding expedition "
                f"in time: the expedite question is over ({CITE_EXPEDITE_MOOT})",
                expedite.done_on,
            )
        )
    elif moot:
        steps.append(Step(f"{expedite.steps[-1].text}: no expedite decision is owed now", expedite.done_on))
    elif expedite.done_on is not None:
        after = (
            "it granted expedition"
            if decided is not None and decided.outcome == "granted"
            else "its denial is open to an administrative appeal (see its window)"
        )
        steps.append(
            Step(f"The agency decided expedition late, on {expedite.done_on}: {after}", expedite.done_on)
        )
    return Clock(
        "expedite_review",
        "Expedite: failure to decide reviewable from",
        "milestone",
        "an agency's failure to decide a request for expedited processing in time is subject to "
        "judicial review",
        CITE_EXPEDITE_REVIEW,
        day,
        expedite.due,
        done_on=expedite.done_on,
        steps=tuple(steps),
        unit="milestone",
        moot=moot,
        for_what="the right to ask a court to review the expedite delay",
    )


def estimate_clock(facts: Facts) -> Clock | None:
    """The agency's estimated completion date (552(a)(7)(B)(ii)), the latest it gave, with
    each earlier one: beside the statutory date, never instead of it."""
    if not facts.estimates:
        return None
    steps = []
    previous = None
    for ev in facts.estimates:
        moved = f" (was {previous})" if previous and previous != ev.named_date else ""
        steps.append(
            Step(
                f"{EVENT_TYPES[ev.type].label} {ev.occurred_on}: estimated {ev.named_date}{moved}",
                ev.named_date,
            )
        )
        previous = ev.named_date
    latest = facts.estimates[-1]
    done = facts.response_done
    return Clock(
        "estimate",
        "Agency's estimated completion",
        "agency",
        "the date the agency estimates it will complete the request; not a deadline",
        CITE_ESTIMATE,
        latest.named_date,
        latest.occurred_on,
        done_on=done.occurred_on if done else None,
        steps=tuple(steps),
        unit="estimate",
        for_what="when the agency says it expects to finish",
    )


# -- all clocks of a request ---------------------------------------------------------------


def compute_clocks(events: list[Event], cal: Calendar, rule: AppealRule | None = None) -> list[Clock]:
    """Every clock of one request, each with the date the other closure policy would give."""
    rule = rule or AppealRule()
    live = [e for e in events if e.type in EVENT_TYPES]
    clocks = _clocks(live, cal, rule)
    others = {c.key: c for c in _clocks(live, cal.alternative, rule)}
    held = None
    if any(e.type == "fee_estimate" and e.outcome != "on_hold" for e in live):
        held = response_clock(live, cal, read_events(live, cal, estimates_hold=True))
    out = []
    for clock in clocks:
        other = others.get(clock.key)
        alt = other.due if other is not None and other.due != clock.due else None
        # An agreed date is the same under either policy: no closure day moves it.
        fixed = clock.agreed and alt is None
        if (
            clock.start
            and clock.due
            and not fixed
            and (clock.unit == "working" or (clock.unit == "calendar" and alt))
        ):
            # A receipt on a closure day is deemed received the next working day when closures
            # are skipped: that closure moved the start, so it is named with the others.
            first = clock.start
            if other is not None and other.start and other.start != clock.start:
                first = min(first, other.start) - timedelta(days=1)
            disputed = tuple(cal.closures_between(first, max(clock.due, alt or clock.due)))
            clock = replace(clock, disputed=disputed, alternative=alt)
        if clock.key == "response" and held is not None and held.due != clock.due:
            clock = replace(clock, hold_alternative=held.due)
        if (
            clock.key == "response"
            and rule.receipt_day_one
            and clock.due
            and clock.is_open
            and not clock.agreed
        ):
            clock = replace(clock, warnings=(*clock.warnings, _day_one_warning(clock.due, cal, rule)))
        out.append(clock)
    return out


# DOJ OIP, FOIA Post (2009), "Annual FOIA Report Q & As", answer 2, read in the UNT web archive:
# "the day after the day of receipt of a request is 'day 1' of the twenty-day response period".
OIP_DAY_ONE = (
    "FOIA Post 2009, https://webarchive.library.unt.edu/eot2008/20090113011104/"
    "http:/www.usdoj.gov/oip/foiapost/2009foiapost1.htm"
)


def _day_one_warning(due: date, cal: Calendar, rule: AppealRule) -> str:
    """An agency rule that counts the date of receipt as day 1 (Interior's) ends its own count a
    working day before the statute's; the statute's date stays the one to sue on."""
    own = due - timedelta(days=1)
    while not cal.is_working_day(own):
        own -= timedelta(days=1)
    return (
        f"The agency's rule counts the date of receipt as the first of its 20 workdays "
        f"({rule.receipt_day_one}): by its own count the answer is due {own}, a working day before "
        f"{due}. The date above counts the day after receipt as day 1, as the statute's \"20 days "
        f'... after the receipt" ({CITE_RESPONSE}) and DOJ OIP read it ({OIP_DAY_ONE}); it is the '
        "date the right to sue turns on (5 U.S.C. 552(a)(6)(C)(i))"
    )


def _clocks(events: list[Event], cal: Calendar, rule: AppealRule) -> list[Clock]:
    facts = read_events(events, cal)
    response = response_clock(events, cal, facts)
    decision = appeal_decision_clock(facts, cal)
    expedite = expedite_clock(facts, rule, cal)
    found = [
        response,
        exhaustion_milestone(response, cal),
        estimate_clock(facts),
        expedite,
        expedite_review_milestone(expedite, facts.expedite_done),
        *earlier_clocks(facts, cal, rule),
        *(appeal_window_clock(w, cal, rule) for w in facts.windows),
        decision,
        appeal_exhaustion_milestone(decision),
    ]
    return [c for c in found if c is not None] + requester_clocks(facts, cal)


def earlier_clocks(facts: Facts, cal: Calendar, rule: AppealRule) -> list[Clock]:
    """The clocks of rounds the log has moved past, oldest first: each earlier adverse
    decision's window (met by its appeal) and each earlier appeal's decision, with its
    exhaustion milestone if it was decided late. An appeal remanded and a new decision
    appealed again keep the first round here, as history, while the new round's clocks run;
    each key names the event it comes from, so the two rounds never share one."""
    found: list[tuple[date, int, Clock]] = []
    for window in facts.earlier_windows:
        clock = appeal_window_clock(window, cal, rule)
        key = f"{clock.key}:e{window.decision.id}"
        found.append((window.decision.occurred_on, 0, replace(clock, key=key, earlier=True)))
    for past in facts.earlier_appeals:
        decision = appeal_decision_clock(
            replace(
                facts,
                appeal=past.appeal,
                appeal_receipt=past.receipt,
                appeal_done=past.done,
                appeal_steps=past.steps,
                appeal_logged=past.logged,
            ),
            cal,
        )
        assert decision is not None  # an appeal always has a decision clock
        tag = f"e{past.appeal.id}"
        label = f"Appeal decision due (appeal of {past.appeal.occurred_on})"
        decision = replace(decision, key=f"appeal_decision:{tag}", label=label, earlier=True)
        found.append((past.appeal.occurred_on, 1, decision))
        late = appeal_exhaustion_milestone(decision)
        if late is not None:
            label = f"Appeal of {past.appeal.occurred_on}: constructive exhaustion from"
            late = replace(late, key=f"appeal_exhaustion:{tag}", label=label, earlier=True)
            found.append((past.appeal.occurred_on, 2, late))
    return [clock for _, _, clock in sorted(found, key=lambda f: (f[0], f[1]))]


def next_deadline(clocks: list[Clock], today: date | None = None) -> Clock | None:
    """The open clock that falls first (the one a user must act on or watch); on ``today``,
    a requester's window that passed unused is history, not next."""
    open_ = [c for c in clocks if c.owed(today)]
    return min(open_, key=lambda c: cast(date, c.due), default=None)  # owed: due is set


# -- the deadline calculator -------------------------------------------------------------

CALCULATOR_CLOCKS = ("response", "extended", "expedite", "appeal-decision", "appeal-window")


def calculate(
    kind: str,
    received: date,
    cal: Calendar,
    *,
    tolled: tuple[date, date] | None = None,
    rule: AppealRule | None = None,
) -> Clock:
    """One clock from a single date, without a request: ``received`` is the agency's
    receipt (for the appeal window, the adverse determination's date). ``tolled`` is the
    day the agency asked for information and the day it received the answer."""
    from foiadesk.core.errors import UserError

    if kind not in CALCULATOR_CLOCKS:
        raise UserError(f"Unknown clock '{kind}': choose one of {', '.join(CALCULATOR_CLOCKS)}.")
    # the date typed in is the agency's receipt: traced as such, as an appeal's is
    events = [Event("filed", received, id=1), Event("received", received, agency_received_on=received, id=5)]
    if tolled is not None:
        ask, answer = tolled
        if kind not in ("response", "extended"):
            raise UserError("Tolling applies to the response and extended clocks.")
        if answer < ask:
            raise UserError(f"The answer ({answer}) cannot come before the question ({ask}).")
        if ask < received:
            raise UserError(f"The agency cannot ask ({ask}) before it received the request ({received}).")
        events += [
            Event("info_requested", ask, id=2),
            Event("info_answered", answer, agency_received_on=answer, id=3),
        ]
    extra = {
        "extended": Event("extension_notice", received, id=4),
        "appeal-decision": Event("appeal_filed", received, agency_received_on=received, id=4),
        "appeal-window": Event("determination", received, outcome="denial", id=4),
    }
    if kind == "expedite":
        events = [Event("expedite_requested", received, agency_received_on=received, id=1)]
    elif kind in extra:
        events.append(extra[kind])
    key = {
        "extended": "response",
        "appeal-decision": "appeal_decision",
        "appeal-window": "appeal_window:denial",
    }.get(kind, kind)
    return next(c for c in compute_clocks(events, cal, rule) if c.key == key)
