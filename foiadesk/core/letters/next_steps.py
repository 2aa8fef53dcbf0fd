"""Which follow-up letters a deadline calls for, and what each is called.

Kept apart from the drafting (``followups.py``), which loads the letter machinery: the
window asks this on every request it shows and every right click, and needs none of it
to answer.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foiadesk.core.deadlines.clocks import Clock
    from foiadesk.core.tracking.listing import RequestIndex

# kind: (template, what it is)
KINDS = {
    "status": ("status_inquiry", "Status inquiry"),
    "liaison": ("liaison_letter", "Letter to the FOIA Public Liaison"),
    "ogis": ("ogis_request", "Request for OGIS mediation"),
    "info-answer": ("clarification_reply", "Answer to the request for information"),
    "fee-response": ("fee_response", "Reply to the fee estimate"),
    "still-interested": ("still_interested_reply", "Still-interested reply"),
    "appeal": ("appeal", "Administrative appeal"),
    "reopen": ("reopen_request", "Request to reopen a closed request"),
    "complaint-outline": ("complaint_outline", "Pro se complaint outline"),
}

# The event that logs a follow-up as sent, by kind (the others are logged as a note).
SENT_AS = {
    "status": "status_inquiry",
    "appeal": "appeal_filed",
    "info-answer": "info_answered",
    "fee-response": "fee_estimate_answered",
    "still-interested": "still_interested_answered",
}


def drafted_followup_sent_as(summary: str) -> str | None:
    """The event that sends the follow-up a "drafted" event's summary names ("Follow-up
    drafted: Status inquiry (…)", as ``followups.log_followup`` writes it), or None."""
    for kind, (_template, label) in KINDS.items():
        if summary.startswith(f"Follow-up drafted: {label} ("):
            return SENT_AS.get(kind, "note")
    return None


def next_steps(clock: Clock, today: date) -> list[str]:
    """The follow-up kinds a deadline offers, most useful first. A deadline already
    answered offers no status inquiry (there is nothing left to ask about); one answered
    late still offers what its lateness supports (mediation, a complaint outline). A moot
    one (the request withdrawn or closed, the decision overtaken) offers nothing."""
    if clock.moot or clock.earlier:  # an earlier round, remanded or decided: history, not a to-do
        return []
    kinds = steps_for(clock.key, clock.label, late=clock.state(today) in ("overdue", "missed"))
    return [k for k in kinds if k != "status"] if clock.done_on is not None else kinds


def steps_for(key: str, label: str, *, late: bool) -> list[str]:
    """The follow-up kinds of a deadline by its key and label, and whether it was missed."""
    if key == "response":
        return ["status", "liaison", "ogis"] if late else ["status"]
    if key == "exhaustion":  # sue, or appeal the delay where the agency takes such appeals
        return ["complaint-outline", "appeal", "ogis", "status"]
    if key == "expedite":
        return ["status"]
    if key == "appeal_window:admin_closure":  # an agency's closure: appeal it, or ask to reopen
        return ["appeal", "reopen", "ogis"]
    if key.startswith("appeal_window"):
        return ["appeal", "ogis"]
    if key == "appeal_decision":
        return ["status", "ogis", "complaint-outline"] if late else ["status"]
    if key.startswith("reply:"):
        label = label.lower()
        if "fee" in label:
            return ["fee-response"]
        if "still interested" in label:
            return ["still-interested"]
        return ["info-answer"]
    return []


def letters_due(index: RequestIndex, request_id: int, today: date) -> list[str]:
    """The letters a request's owed deadlines call for on ``today``, each once: what
    ``next_steps`` offers for each clock the request screen shows as owed, worked out from
    the list in memory (a right click on a row reads nothing from the log)."""
    from foiadesk.core.deadlines.batch import NONE, REPLIES, REQUESTER_OWES
    from foiadesk.core.tracking.listing import CLOCK_LABELS, CLOCKS

    row = index.row_of(request_id)
    if row is None:
        return []
    day = today.toordinal()
    kinds: list[str] = []
    for key in CLOCKS:
        if key in REPLIES:  # each ask on its own, below
            continue
        due, done = int(index.clocks[key][row]), int(index.clocks[f"{key}_done"][row])
        if due == NONE or done != NONE or (key in REQUESTER_OWES and due < day):
            continue
        kinds += steps_for(key, CLOCK_LABELS[key], late=due < day)
    asks = index.asks
    mine = (asks["request_id"] == request_id) & (asks["due"] >= day)
    for at in sorted(mine.nonzero()[0].tolist(), key=lambda at: int(asks["event_id"][at])):
        key = REPLIES[int(asks["kind"][at])]
        kinds += steps_for(key, CLOCK_LABELS[key], late=False)
    return list(dict.fromkeys(kinds))
