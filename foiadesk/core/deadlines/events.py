"""What can happen to a request: the event types, their fields, and the status they imply.

Events are the source of truth. Each has a date it happened (``occurred_on``: the
date a letter was sent or dated) and, where the law keys a clock to it, the date the
agency received something (``agency_received_on``). ``named_date`` is a date the
event itself names; what it means depends on the type (see ``NAMED_DATE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DIRECTIONS = ("out", "in", "internal")
CHANNELS = ("portal", "email", "mail", "fax", "phone", "in_person")


@dataclass(frozen=True)
class EventType:
    key: str
    label: str
    direction: str
    named_date: str = ""  # label of named_date when the type uses it
    outcomes: tuple[str, ...] = ()
    agency_receipt: str = ""  # label of agency_received_on when the type uses it
    outcome_optional: bool = False  # an outcome the letter may or may not state
    no_outcome: str = "Not stated"  # what no outcome means, where it is optional


# Why an agency closed a request without deciding it, as its closure letter says.
CLOSURE_REASONS = (
    "no_still_interested_reply",
    "fee_unanswered",
    "clarification_unanswered",
    "duplicate",
    "closure_other",
)

_TYPES = [
    EventType("drafted", "Drafted", "internal"),
    EventType("filed", "Filed", "out", agency_receipt="Agency received it on"),
    EventType("received", "Received by agency", "in", agency_receipt="Agency received it on"),
    EventType(
        "acknowledged",
        "Acknowledged",
        "in",
        named_date="Estimated completion",
        agency_receipt="Agency says it received the request on",
    ),
    EventType(
        "referral_received",
        "Received on referral from another agency",
        "in",
        agency_receipt="This agency received the referral on",
    ),
    EventType(
        "routed",
        "Routed to another component of the same agency",
        "in",
        agency_receipt="Proper component received it on",
    ),
    EventType("referral", "Records referred to another agency", "in"),
    EventType("consultation", "Agency consulted another agency", "in"),
    EventType(
        "estimated_completion",
        "Agency gave an estimated completion date",
        "in",
        named_date="Estimated completion",
    ),
    EventType("info_requested", "Agency asked for information", "in", named_date="Reply by"),
    EventType("info_answered", "Requester answered", "out", agency_receipt="Agency received the answer on"),
    EventType("fee_clarification_requested", "Fee clarification asked", "in", named_date="Reply by"),
    EventType(
        "fee_clarification_answered",
        "Fee clarification answered",
        "out",
        agency_receipt="Agency received the answer on",
    ),
    EventType(
        "fee_estimate",
        "Fee estimate",
        "in",
        named_date="Reply by",
        outcomes=("on_hold",),
        outcome_optional=True,
        no_outcome="Not on hold (the letter does not say so)",
    ),
    EventType(
        "fee_estimate_answered",
        "Fee estimate accepted or narrowed",
        "out",
        agency_receipt="Agency received the answer on",
    ),
    EventType(
        "fee_decision",
        "Fee decision",
        "in",
        outcomes=(
            "waiver_granted",
            "waiver_partly_granted",
            "waiver_denied",
            "category_granted",
            "category_denied",
        ),
    ),
    EventType("payment", "Payment", "out", agency_receipt="Agency received the payment on"),
    EventType("still_interested", "Agency asked if still interested", "in", named_date="Reply by"),
    EventType(
        "still_interested_answered",
        "Still-interested reply",
        "out",
        agency_receipt="Agency received the answer on",
    ),
    EventType(
        "extension_notice",
        "Unusual-circumstances extension",
        "in",
        named_date="Determination expected by",
    ),
    # 552(a)(6)(B)(ii): the requester may "arrange with the agency an alternative time frame"
    EventType(
        "timeframe_agreed",
        "Alternative time frame agreed",
        "in",
        named_date="Agreed to respond by",
    ),
    EventType(
        "expedite_requested",
        "Expedited processing requested",
        "out",
        agency_receipt="Agency received it on",
    ),
    EventType("expedite_decided", "Expedite decision", "in", outcomes=("granted", "denied")),
    EventType("fee_waiver_requested", "Fee waiver requested", "out"),
    EventType("status_inquiry", "Status inquiry sent", "out"),
    EventType("interim_release", "Interim release", "in", named_date="Estimated completion"),
    EventType(
        "determination",
        "Determination",
        "in",
        outcomes=("full_grant", "partial", "denial", "no_records", "glomar", "referral"),
    ),
    EventType(
        "appeal_filed",
        "Appeal filed",
        "out",
        agency_receipt="Appeal office received it on",
        # which decision it appeals (its appeal window is then met); none: every open one
        outcomes=(
            "partial",
            "denial",
            "no_records",
            "glomar",
            "fee_waiver",
            "fee_category",
            "expedite",
            "admin_closure",
        ),
        outcome_optional=True,
        no_outcome="Every decision still open to appeal",
    ),
    EventType(
        "appeal_received",
        "Appeal acknowledged",
        "in",
        agency_receipt="Appeal office received it on",
    ),
    EventType(
        "appeal_extension_notice",
        "Appeal decision extended (unusual circumstances)",
        "in",
        named_date="Appeal decision expected by",
    ),
    EventType(
        "appeal_decided",
        "Appeal decided",
        "in",
        outcomes=("granted", "partly_granted", "denied", "remanded"),
    ),
    EventType(
        "admin_closed",
        "Closed by the agency (administrative closure)",
        "in",
        # the reason, where the closure letter gives one
        outcomes=CLOSURE_REASONS,
        outcome_optional=True,
        no_outcome="The letter gives no reason",
    ),
    EventType("reopened", "Reopened by the agency", "in"),
    EventType("withdrawn", "Withdrawn", "out"),
    EventType("closed", "Closed", "internal"),
    EventType("note", "Note", "internal"),
]
EVENT_TYPES: dict[str, EventType] = {t.key: t for t in _TYPES}

ADVERSE_DETERMINATIONS = frozenset({"partial", "denial", "no_records", "glomar"})
UNREAD = ("drafted", "note", "fee_waiver_requested")  # types no clock and no status reads

OUTCOME_LABELS = {
    "full_grant": "Granted in full",
    "partial": "Partly granted",
    "denial": "Denied",
    "no_records": "No records",
    "glomar": "Glomar (neither confirm nor deny)",
    "referral": "Referred",
    "granted": "Granted",
    "denied": "Denied",
    "partly_granted": "Partly granted",
    "remanded": "Remanded",
    "waiver_granted": "Fee waiver granted",
    "waiver_denied": "Fee waiver denied",
    "category_granted": "Fee category granted",
    "category_denied": "Fee category denied",
    "on_hold": "On hold until you answer",
    "fee_waiver": "Fee-waiver denial",
    "fee_category": "Fee-category denial",
    "expedite": "Expedite denial",
    "waiver_partly_granted": "Fee waiver granted in part",  # from here on: list codes are positions
    "no_still_interested_reply": "No reply to a still-interested letter",
    "fee_unanswered": "Fees not agreed to or paid",
    "clarification_unanswered": "Request for clarification not answered",
    "duplicate": "Duplicate of another request",
    "closure_other": "Another reason",
    "admin_closure": "Administrative closure",
}
# Events that start a request's clocks: the requester's filing, or another agency's referral.
STARTS = ("filed", "referral_received")

# Agency asks that the requester owes an answer to, and the type that answers each.
ASKS = {
    "info_requested": "info_answered",
    "fee_clarification_requested": "fee_clarification_answered",
    "fee_estimate": "fee_estimate_answered",
    "still_interested": "still_interested_answered",
}
# Paying what a fee estimate asks for (the fee, or an advance payment under 552(a)(4)(A)(v))
# accepts it, so a payment answers an open estimate as an acceptance does; a payment with no
# estimate open (a final bill, another request's debt) answers nothing.
ANSWERED_BY = {ask: (answer,) for ask, answer in ASKS.items()} | {
    "fee_estimate": ("fee_estimate_answered", "payment")
}


@dataclass(frozen=True)
class Event:
    """One thing that happened to a request, as the clocks and the status read it."""

    type: str
    occurred_on: date
    agency_received_on: date | None = None
    named_date: date | None = None
    outcome: str | None = None
    id: int = 0
    direction: str = ""
    channel: str | None = None
    tracking_number: str | None = None
    amount_cents: int | None = None
    summary: str = ""
    linked_request: int | None = None  # a referral's request at the receiving agency

    @property
    def kind(self) -> EventType:
        return EVENT_TYPES[self.type]


CLOSED_BY_AGENCY = "Closed by agency"


def derive_status(events: list[Event]) -> str:
    """The request's status as a user reads it, folded from its events in order."""
    status = "Draft"
    waiting: dict[str, bool] = {}
    for ev in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        t = ev.type
        if t == "payment":
            waiting["fee_estimate"] = False
        if t in STARTS:
            status = "Filed" if t == "filed" else "Processing"
        elif t in (
            "received",
            "acknowledged",
            "routed",
            "referral",
            "consultation",
            "estimated_completion",
            "extension_notice",
            "timeframe_agreed",
            "interim_release",
            "status_inquiry",
            "payment",
            "fee_decision",
            "expedite_decided",
        ):
            if status in ("Draft", "Filed"):
                status = "Processing"
        elif t in ASKS:  # an agency that asks has the request
            waiting[t] = True
            if status in ("Draft", "Filed"):
                status = "Processing"
        elif t in ASKS.values():
            for ask, answer in ASKS.items():
                if answer == t:
                    waiting[ask] = False
        elif t == "determination":
            status = OUTCOME_LABELS.get(ev.outcome or "", "Determination")
            waiting.clear()
        elif t in ("appeal_filed", "appeal_received"):
            status = "Appeal pending"
        elif t == "appeal_decided":
            status = f"Appeal {OUTCOME_LABELS.get(ev.outcome or '', 'decided').lower()}"
        elif t == "admin_closed":
            status = CLOSED_BY_AGENCY
        elif t == "reopened":
            if status == CLOSED_BY_AGENCY:
                status = "Processing"
        elif t == "withdrawn":
            status = "Withdrawn"
        elif t == "closed":
            status = "Closed"
    if status in ("Filed", "Processing") and any(waiting.values()):
        return "Waiting on requester"
    return status
