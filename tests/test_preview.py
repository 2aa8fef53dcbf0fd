"""One preview of what logging changes, for the log-event dialog and the import review:
each deadline is matched to itself, so a letter logged out of order changes nothing else."""

from __future__ import annotations

from datetime import date

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.events import Event
from foiadesk.core.store.log import NewEvent
from foiadesk.core.tracking.preview import preview_event, preview_events

TODAY = date(2026, 5, 1)
HISTORY = [
    Event("filed", date(2026, 2, 2), agency_received_on=date(2026, 2, 2), id=1),
    Event("fee_estimate", date(2026, 3, 20), named_date=date(2026, 4, 20), amount_cents=9000, id=2),
]
STILL_INTERESTED = "Say you are still interested by"
FEE = "Accept or narrow the fee estimate by"


def test_a_letter_logged_out_of_order_is_new_and_the_others_stay_themselves():
    """The issue's case: a still-interested letter dated before the fee estimate already in
    the log. Its own deadline (2026-03-25) is new; the fee estimate's (2026-04-20) is unchanged."""
    late = NewEvent("still_interested", date(2026, 3, 10), named_date=date(2026, 3, 25))
    preview = preview_event(late, HISTORY, calendar(), today=TODAY)
    by_label = {c.label: c for c in preview.clocks}
    interested, fee = by_label[STILL_INTERESTED], by_label[FEE]
    assert (interested.change, interested.before, interested.after) == ("new", "", "due 2026-03-25")
    assert (fee.change, fee.before, fee.after) == ("same", "due 2026-04-20", "due 2026-04-20")
    assert not fee.changed and [c.label for c in preview.changes] == [STILL_INTERESTED]


def test_two_letters_at_once_keep_their_own_deadlines():
    """The import review records several events at once through the same preview."""
    after = [
        *HISTORY,
        Event("still_interested", date(2026, 3, 10), named_date=date(2026, 3, 25), id=3),
        Event("fee_estimate_answered", date(2026, 3, 24), agency_received_on=date(2026, 3, 24), id=4),
    ]
    preview = preview_events(HISTORY, after, calendar(), today=TODAY)
    by_label = {c.label: c for c in preview.clocks}
    assert by_label[FEE].change == "closed" and by_label[FEE].after == "met: done 2026-03-24"
    assert by_label[STILL_INTERESTED].change == "new"
    assert (preview.status_before, preview.status_after) == ("Waiting on requester", "Waiting on requester")
