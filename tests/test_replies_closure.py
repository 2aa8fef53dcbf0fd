"""An agency's administrative closure, as its letters word it: the reader proposes the closure
with the reason the letter gives, and importing it logs the agency's closure (not the
requester's own "closed"), which stops the response clock and opens an appeal window. A
still-interested letter that only warns of a closure stays a still-interested letter, and a
request closed because the requester withdrew it is no closure by the agency."""

from __future__ import annotations

from datetime import date

import pytest
from test_replies_import import new_request

from foiadesk.core.replies.files import read_reply_bytes
from foiadesk.core.replies.importing import accept, preview
from foiadesk.core.replies.parse import parse_reply, parse_text
from foiadesk.core.tracking.tracker import view_request

TODAY = date(2026, 12, 7)
D = date.fromisoformat

STILL_INTERESTED_CLOSED = """November 16, 2026

Re: FOIA Request 2026-ICFO-41872

Dear Ms. Reyes:

On October 1, 2026, this office sent you a letter asking whether you were still interested in
the records you requested and asked that you respond by November 13, 2026. As of the date of
this letter, we have not received a response. Therefore, we have administratively closed your
request.

You may appeal this action within 90 working days of the date of this letter.

Sincerely,
FOIA Officer"""

CLARIFICATION_CLOSED = """March 15, 2021

Re: FOIA 2021-00112

Dear Mr. Roth:

On January 20, 2021, we asked you to clarify the scope of your request, which does not
reasonably describe the records sought. We did not receive a reply within 30 working days, and
your request is now closed."""

FEE_CLOSED = """July 30, 2026

Re: FOIA Request DOJ-2026-004411

Dear Requester:

On June 1, 2026 we estimated the fees for your request at $340.00 and asked you to agree in
writing to pay them by June 30, 2026. Because we have not received your agreement to pay the
fees, your request has been administratively closed."""

DUPLICATE_CLOSED = """September 2, 2026

Dear Requester:

Your request 2026-HQFO-01212 has been administratively closed as a duplicate of request
2026-HQFO-01187, which remains open and is being processed."""

NO_REASON_CLOSED = """October 5, 2026

Re: FOIA 26-00913

Dear Requester:

Please be advised that we have closed your request. Thank you for your interest."""

# near misses: a closure only threatened, and one the requester asked for
THREAT_ONLY = """October 1, 2026

Re: FOIA Request 2026-ICFO-41872

Dear Ms. Reyes:

We are reviewing our older requests. Please let us know by November 13, 2026 whether you are
still interested in the records you requested. If we do not hear from you by then, we will
administratively close your request."""

WITHDRAWN = """May 24, 2021

Re: FOIA 2021-00312

Dear Requester:

We are writing to let you know that your request is now closed, as you withdrew it in your
email of May 20, 2021."""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (STILL_INTERESTED_CLOSED, "no_still_interested_reply"),
        (CLARIFICATION_CLOSED, "clarification_unanswered"),
        (FEE_CLOSED, "fee_unanswered"),
        (DUPLICATE_CLOSED, "duplicate"),
        (NO_REASON_CLOSED, None),
        ("Disposition: Duplicate Request", "duplicate"),
    ],
)
def test_a_letter_that_says_the_agency_closed_the_request_proposes_the_closure_and_its_reason(text, reason):
    proposal = parse_text(text)
    assert proposal.reply_type == "admin_closed"
    assert proposal.closure_reason == reason
    assert proposal.as_json()["closure_reason"] == reason


def test_a_still_interested_letter_that_only_warns_of_a_closure_stays_still_interested():
    proposal = parse_text(THREAT_ONLY)
    assert proposal.reply_type == "still_interested"
    assert proposal.closure_reason is None
    assert proposal.dates["reply_by"] == D("2026-11-13")


def test_a_request_closed_because_the_requester_withdrew_it_is_no_closure_by_the_agency():
    assert parse_text(WITHDRAWN).reply_type == "other"


def test_importing_a_closure_letter_logs_the_agencys_closure_and_opens_its_appeal_window(db):
    """ICE request received Tue 2026-09-01; a still-interested letter of Oct 1 (reply by Nov 13)
    left unanswered; the closure letter of Mon Nov 16. DHS allows 90 working days to appeal
    (6 CFR 5.8(a)(1)), counted by hand in test_deadline_histories: Mon 2027-03-29."""
    rid = new_request(
        db,
        "ICE",
        "MOU drafts",
        ("filed", "2026-09-01", {"channel": "portal", "agency_received_on": D("2026-09-01")}),
        ("still_interested", "2026-10-01", {"named_date": D("2026-11-13")}),
    )
    reply = read_reply_bytes("closure.txt", STILL_INTERESTED_CLOSED.encode())
    proposal = parse_reply(reply)
    shown = preview(db, rid, proposal, reply, today=TODAY)
    assert shown.can_accept
    accept(db, rid, proposal, reply, today=TODAY)
    view = view_request(db, rid)
    event = view.events[-1]
    assert (event.type, event.outcome, event.occurred_on) == (
        "admin_closed",
        "no_still_interested_reply",
        D("2026-11-16"),
    )
    assert view.status == "Closed by agency"
    clocks = {c.key: c for c in view.clocks}
    assert clocks["response"].moot and clocks["response"].done_on == D("2026-11-16")
    assert clocks["appeal_window:admin_closure"].due == D("2027-03-29")


def test_the_reason_keeps_the_sentence_it_was_read_from():
    proposal = parse_text(FEE_CLOSED)
    assert "we have not received your agreement to pay" in proposal.reason("closure_reason")
