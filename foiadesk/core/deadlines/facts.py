"""What a request's events say about its clocks, read once for both clock engines.

``clocks.py`` (one request, with traces) and ``batch.py`` (many requests, in numpy)
do the same arithmetic on the same facts; deciding *which* events count — which
receipt date wins, which acknowledgment belongs to the proper component, which
events end a clock — happens only here.

Every date on which the agency received something is deemed received on the next
working day when it falls on a weekend or holiday, so a count never starts from a day off.
No agency rule read says so for a day off: Interior's 43 CFR 2.58(e), once cited for it here,
deems only an appeal arriving after 5 p.m. Eastern Time, Monday through Friday, received on
the next workday (read at law.lawstack.com/cfr/43/2.58, checked against eCFR June 2026). The
statute's words ("20 days (excepting Saturdays,
Sundays, and legal public holidays) after the receipt") also allow counting from the day
off itself, which ends a day earlier; the later date is the safe one to sue on, and the
trace says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.events import ADVERSE_DETERMINATIONS, ANSWERED_BY, ASKS, CLOSURE_REASONS, Event

ASK_INFO, ANSWER_INFO, ASK_FEE, ANSWER_FEE, EXTENSION = 1, 2, 3, 4, 5
STEP_KINDS = {
    "info_requested": ASK_INFO,
    "info_answered": ANSWER_INFO,
    "fee_clarification_requested": ASK_FEE,
    "fee_clarification_answered": ANSWER_FEE,
    "extension_notice": EXTENSION,
}
ASSUMED_RECEIPT = "Receipt ASSUMED (no receipt date from the agency yet): filing date"
DEEMED_NOTE = (
    "the later, safe reading; no agency rule read says how a receipt on a day off counts [U]; "
    "counted from the day off itself, as the statute's words also allow, the result would come "
    "earlier: one working day, for a count of working days"
)
# An agency's administrative closure ends the response (and expedite) clock unless the agency
# later reopens the request: then the request goes on as if never closed (see ``bridged``).
# It does not end the request for the other appeal windows: a fee-waiver denial before a
# closure for unpaid fees stays appealable beside the closure itself.
ENDS_RESPONSE = ("determination", "withdrawn", "closed", "admin_closed")
ENDS_EXPEDITE = ("expedite_decided", "determination", "withdrawn", "closed", "admin_closed")
ENDS_APPEAL = ("appeal_decided", "withdrawn", "closed")
ENDS_REQUEST = ("withdrawn", "closed")
# What else ends an appeal of one kind of decision: the determination an expedite appeal
# (552(a)(6)(E)(iv)), the reopening an appeal of an administrative closure.
APPEAL_ALSO_ENDED_BY = {"expedite": ("determination",), "admin_closure": ("reopened",)}
# The appeal windows a request can have side by side, one per kind of adverse decision:
# kind -> (event type, outcomes that open it, outcomes of a later event of that type that
# make it moot). Any later determination moots an expedite denial (552(a)(6)(E)(iv): the
# expedite question is over once the agency decides the request); a fee-waiver or
# fee-category denial stays appealable after the determination.
WINDOW_KINDS = (
    "partial", "denial", "no_records", "glomar", "fee_waiver", "fee_category", "expedite", "admin_closure",
)  # fmt: skip
_WINDOW_RULES = {
    "determination": ("determination", ADVERSE_DETERMINATIONS, frozenset({"full_grant"})),
    # a waiver granted in part denies the rest, which is appealable as a denial is
    "fee_waiver": (
        "fee_decision",
        frozenset({"waiver_denied", "waiver_partly_granted"}),
        frozenset({"waiver_granted"}),
    ),
    "fee_category": ("fee_decision", frozenset({"category_denied"}), frozenset({"category_granted"})),
    "expedite": ("expedite_decided", frozenset({"denied"}), frozenset({"granted"})),
    # every closure, with a reason or none; a reopening (a type of its own) moots it
    "admin_closure": ("admin_closed", frozenset({None, *CLOSURE_REASONS}), frozenset()),
}
# Events of another type that make a window moot: the determination ends the expedite question
# (552(a)(6)(E)(iv)); a reopening leaves nothing of a closure to appeal.
MOOTED_BY = {"expedite": "determination", "admin_closure": "reopened"}


@dataclass(frozen=True)
class Receipt:
    """When the agency received something, as the clocks count it."""

    day: date  # a working day
    said: date  # the date as logged (or assumed)
    how: str  # where the date comes from, for the trace
    assumed: bool = False
    off: str = ""  # what the day off was (a weekend day, a holiday, a closure), when ``said`` was one

    def describe(self) -> str:
        text = f"{self.how} {self.said.isoformat()}"
        if self.day != self.said:
            text += (
                f", a day off ({self.off}): deemed received the next working day, "
                f"{self.day.isoformat()} ({DEEMED_NOTE})"
            )
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
class Window:
    """One adverse decision's appeal window: the decision, the appeal that met it, or the
    event that made it moot (a later grant, the final determination for an expedite
    denial, a withdrawal or closure)."""

    kind: str  # one of WINDOW_KINDS
    decision: Event
    appealed: Event | None
    moot: Event | None


@dataclass(frozen=True)
class AppealRound:
    """One appeal and what its decision clock counts from: the appeal office's receipt, its
    extension notices, the event that ended it, and a logged receipt the office contradicts."""

    appeal: Event
    receipt: Receipt
    done: Event | None
    steps: tuple[ClockStep, ...] = ()
    logged: tuple[Event, Receipt] | None = None


@dataclass(frozen=True)
class Facts:
    filed: Event | None  # the filing, or the receipt of a referral from another agency
    receipt: Receipt | None
    routings: tuple[Event, ...]
    proper: Receipt | None
    steps: tuple[ClockStep, ...]
    response_done: Event | None
    expedite: Event | None
    expedite_receipt: Receipt | None
    expedite_done: Event | None
    windows: tuple[Window, ...]
    appeal: Event | None
    appeal_receipt: Receipt | None
    appeal_done: Event | None
    asks: tuple[tuple[Event, Event | None], ...]  # each ask and what answered or overtook it
    appeal_steps: tuple[ClockStep, ...] = ()  # extensions of the appeal decision
    consultations: tuple[Event, ...] = ()
    estimates: tuple[Event, ...] = ()  # letters that name an estimated completion date
    holds: tuple[Event, ...] = ()  # fee estimates counted as fee clarifications
    bridged: tuple[tuple[Event, Event], ...] = ()  # closures the agency undid, each with its reopening
    # an acknowledgment that gives another receipt date than the one counted from, and that date
    said_received: tuple[Event, Receipt] | None = None
    agreed: Event | None = None  # the latest alternative time frame agreed before the response ended
    # the appeal's receipt as logged with it, when the appeal office's acknowledgment says another
    appeal_logged: tuple[Event, Receipt] | None = None
    # Rounds the log has moved past (an appeal decided, remanded, and the new decision appealed
    # again): each earlier appeal that was decided before the next was filed, and each earlier
    # adverse decision of a kind decided again later that was appealed. Kept as history, past
    # and answered, beside the clocks of the round that runs now.
    earlier_appeals: tuple[AppealRound, ...] = ()
    earlier_windows: tuple[Window, ...] = ()

    @property
    def routed(self) -> Event | None:
        return self.routings[0] if self.routings else None


def ordered(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.occurred_on, e.id))


def _first(events: list[Event], types: tuple[str, ...], on_or_after: date | None = None) -> Event | None:
    return next(
        (e for e in events if e.type in types and (on_or_after is None or e.occurred_on >= on_or_after)), None
    )


def _receipt(cal: Calendar, day: date, how: str, assumed: bool = False) -> Receipt:
    off = "" if cal.is_working_day(day) else day_off_name(cal, day)
    return Receipt(cal.on_or_next_working_day(day), day, how, assumed, off)


def day_off_name(cal: Calendar, day: date) -> str:
    """A day off as a trace names it: "Saturday", "Independence Day (observed)", a closure."""
    off = cal.day_off(day)
    return off.describe().removeprefix(f"{day.isoformat()} ")


ESTIMATES = frozenset({"acknowledged", "interim_release", "estimated_completion"})
_OPENS = {(etype, outcome): group for group, (etype, opens, _) in _WINDOW_RULES.items() for outcome in opens}


def bridged(events: list[Event]) -> dict[int, Event]:
    """The administrative closures a later reopening undid (by position in ``events``,
    ordered), each with the first reopening after it. Such a closure ends no clock: the
    statute lets an agency stop the response clock only to ask for information once or to
    settle fees (552(a)(6)(A)(ii)), and OIP's still-interested checklist (item 8) puts a
    reopened request back in the queue "where it would have been"."""
    out: dict[int, Event] = {}
    reopening = None
    for i in range(len(events) - 1, -1, -1):
        ev = events[i]
        if ev.type == "reopened":
            reopening = ev
        elif ev.type == "admin_closed" and reopening is not None:
            out[i] = reopening
    return out


def read_events(events: list[Event], cal: Calendar, *, estimates_hold: bool = False) -> Facts:
    """The facts of one request. ``estimates_hold``: count every fee estimate as a fee
    clarification, as agency rules that put a request on hold do (for the other date)."""
    events = ordered(events)
    undone = bridged(events) if any(e.type == "reopened" for e in events) else {}
    first: dict[str, Event] = {}
    latest: dict[str, int] = {}  # window group -> position of its latest adverse decision
    superseded: dict[str, list[int]] = {}  # window group -> positions of its earlier ones
    for i, ev in enumerate(events):  # one pass for the first event of each type, and the latest
        first.setdefault(ev.type, ev)  # adverse decisions: most look-ups need only those
        if (ev.type, ev.outcome) in _OPENS:
            group = _OPENS[ev.type, ev.outcome]
            if group in latest:
                superseded.setdefault(group, []).append(latest[group])
            latest[group] = i
    filed = first.get("filed")
    if "referral_received" in first and (
        filed is None or first["referral_received"].occurred_on < filed.occurred_on
    ):
        filed = first["referral_received"]
    receipt = proper = response_done = None
    said_received: tuple[Event, Receipt] | None = None
    routings: list[Event] = []
    agreed: Event | None = None
    steps: list[ClockStep] = []
    holds: list[Event] = []
    if filed is not None and filed.type == "referral_received":
        receipt = (
            _receipt(cal, filed.agency_received_on, "This agency received the referral")
            if filed.agency_received_on
            else _receipt(
                cal, filed.occurred_on, "Receipt of the referral ASSUMED: the referral's date", True
            )
        )
    elif filed is not None:
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
        if (
            ack is not None
            and ack.agency_received_on
            and (received is not None or filed.agency_received_on)
            and "routed" not in first  # a later acknowledgment may be the proper component's
        ):
            ack_says = _receipt(cal, ack.agency_received_on, "Acknowledgment says the agency received it")
            if ack_says.day != receipt.day:  # a day off and the working day it is deemed: the same count
                said_received = (ack, ack_says)
    if filed is not None:
        if "routed" in first:
            routings = [e for e in events if e.type == "routed"]
            last = routings[-1]
            if last.agency_received_on:
                proper = _receipt(cal, last.agency_received_on, "Proper component received it")
            else:
                # Only an acknowledgment of a receipt after the last routing is the new component's.
                later = next(
                    (
                        e
                        for e in events
                        if e.type == "acknowledged"
                        and e.agency_received_on
                        and e.agency_received_on >= last.occurred_on
                    ),
                    None,
                )
                if later is not None:
                    assert later.agency_received_on is not None  # the search above requires it
                    proper = _receipt(
                        cal, later.agency_received_on, "Proper component's acknowledgment says it received it"
                    )
        open_holds = 0
        for i, ev in enumerate(events):
            if ev is filed or ev.occurred_on < filed.occurred_on or i in undone:
                continue
            if ev.type in ENDS_RESPONSE:
                response_done = ev
                break
            if ev.type == "timeframe_agreed" and ev.named_date:
                agreed = ev
            kind = STEP_KINDS.get(ev.type)
            if ev.type == "fee_estimate" and (estimates_hold or ev.outcome == "on_hold"):
                kind = ASK_FEE
                open_holds += 1
                holds.append(ev)
            elif ev.type in ANSWERED_BY["fee_estimate"] and open_holds:
                kind = ANSWER_FEE
                open_holds -= 1
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
        if expedite.agency_received_on:
            said = "Agency received the expedite request"
            expedite_receipt = _receipt(cal, expedite.agency_received_on, said)
        elif receipt is not None and filed is not None and expedite.occurred_on == filed.occurred_on:
            # Asked in the request letter: it arrived with the request, whichever event
            # (the filing, a receipt, the acknowledgment) says when.
            how = f"Asked in the request letter, so received with it: {receipt.how}"
            expedite_receipt = Receipt(receipt.day, receipt.said, how, receipt.assumed, receipt.off)
        else:
            said = "Receipt of the expedite request ASSUMED"
            expedite_receipt = _receipt(cal, expedite.occurred_on, said, True)
        expedite_done = next(
            (
                e
                for i, e in enumerate(events)
                if e.type in ENDS_EXPEDITE and e.occurred_on >= expedite.occurred_on and i not in undone
            ),
            None,
        )

    windows = []
    if latest:
        for group, (etype, _, moots) in _WINDOW_RULES.items():
            at = latest.get(group)
            if at is None:
                continue
            decision = events[at]
            which = (decision.outcome or "") if group == "determination" else group
            appealed = next(  # an appeal of this decision, or of every open one
                (
                    e
                    for e in events
                    if e.type == "appeal_filed"
                    and e.occurred_on >= decision.occurred_on
                    and e.outcome in (None, which)
                ),
                None,
            )
            moot = next(
                (
                    e
                    for e in events[at + 1 :]
                    if e.type in ENDS_REQUEST
                    or (e.type == etype and e.outcome in moots)
                    or e.type == MOOTED_BY.get(group)
                ),
                None,
            )
            if (
                appealed is not None
                and moot is not None
                and (appealed.occurred_on, appealed.id)
                < (
                    moot.occurred_on,
                    moot.id,
                )
            ):
                moot = None
            if moot is None and appealed is None:  # a decision that came after the request ended
                moot = next((e for e in reversed(events[:at]) if e.type in ENDS_REQUEST), None)
            if moot is not None:
                appealed = None
            windows.append(Window(which, decision, appealed, moot))
    earlier_windows = []
    for group, positions in superseded.items():
        ends = [*positions[1:], latest[group]]
        for pos, until in zip(positions, ends, strict=True):
            past = events[pos]
            what = (past.outcome or "") if group == "determination" else group
            answer = next(
                (
                    e
                    for e in events[pos + 1 : until]
                    if e.type == "appeal_filed" and e.outcome in (None, what)
                ),
                None,
            )
            if answer is not None:  # an unappealed decision decided again is simply replaced
                earlier_windows.append(Window(what, past, answer, None))

    appeal = None
    appeal_receipt = appeal_done = None
    appeal_logged: tuple[Event, Receipt] | None = None
    appeal_steps: tuple[ClockStep, ...] = ()
    earlier_appeals: list[AppealRound] = []
    if "appeal_filed" in first:
        filings = [i for i, e in enumerate(events) if e.type == "appeal_filed"]
        for n, i in enumerate(filings[:-1]):  # earlier appeals, each up to the next one filed
            decided = _appeal_round(cal, events[: filings[n + 1]], events[i], first)
            if decided.done is not None:
                earlier_appeals.append(decided)
        appeal = events[filings[-1]]
        current = _appeal_round(cal, events, appeal, first)
        appeal_receipt, appeal_done = current.receipt, current.done
        appeal_logged, appeal_steps = current.logged, current.steps

    asks = []
    for i, ask in enumerate(events if first.keys() & ASKS.keys() else ()):
        if ask.type in ASKS:
            rest = events[i + 1 :]
            done = next((e for e in rest if e.type in ANSWERED_BY[ask.type] or e.type in ENDS_RESPONSE), None)
            if done is None:  # an ask after the request ended is owed nothing
                done = next((e for e in reversed(events[:i]) if e.type in ENDS_REQUEST), None)
            asks.append((ask, done))
    return Facts(
        filed,
        receipt,
        tuple(routings),
        proper,
        tuple(steps),
        response_done,
        expedite,
        expedite_receipt,
        expedite_done,
        tuple(windows),
        appeal,
        appeal_receipt,
        appeal_done,
        tuple(asks),
        appeal_steps,
        tuple(e for e in events if e.type == "consultation") if "consultation" in first else (),
        tuple(e for e in events if e.type in ESTIMATES and e.named_date)
        if first.keys() & set(ESTIMATES)
        else (),
        tuple(holds),
        tuple((events[i], reopening) for i, reopening in sorted(undone.items())),
        said_received,
        agreed,
        appeal_logged,
        tuple(earlier_appeals),
        tuple(earlier_windows),
    )


def _appeal_round(cal: Calendar, events: list[Event], appeal: Event, first: dict[str, Event]) -> AppealRound:
    """An appeal's receipt, extensions and end, read from ``events`` (ordered; for an earlier
    appeal, those before the next appeal was filed)."""
    ack = next(
        (
            e
            for e in events
            if e.type == "appeal_received" and e.agency_received_on and e.occurred_on >= appeal.occurred_on
        ),
        None,
    )
    logged_as: tuple[Event, Receipt] | None = None
    if ack is not None:
        assert ack.agency_received_on is not None  # the search above requires it
        receipt = _receipt(cal, ack.agency_received_on, "Appeal office says it received it")
        if appeal.agency_received_on:
            logged = _receipt(cal, appeal.agency_received_on, "Appeal office received it (as logged)")
            if logged.day != receipt.day:
                logged_as = (appeal, logged)
    elif appeal.agency_received_on:
        receipt = _receipt(cal, appeal.agency_received_on, "Appeal office received it")
    else:
        receipt = _receipt(cal, appeal.occurred_on, "Receipt ASSUMED from the appeal's date", True)
    # An expedite appeal is over once the agency decides the request (552(a)(6)(E)(iv)); an
    # appeal of a closure, once the agency reopens the request: nothing is left to decide.
    ends = ENDS_APPEAL + APPEAL_ALSO_ENDED_BY.get(appeal.outcome or "", ())
    done = _first(events, ends, appeal.occurred_on)
    steps: tuple[ClockStep, ...] = ()
    if "appeal_extension_notice" in first:
        steps = tuple(
            ClockStep(EXTENSION, e.occurred_on, e.named_date, e)
            for e in events
            if e.type == "appeal_extension_notice"
            and e.occurred_on >= appeal.occurred_on
            and (done is None or (e.occurred_on, e.id) < (done.occurred_on, done.id))
        )
    return AppealRound(appeal, receipt, done, steps, logged_as)
