"""Whole request histories about fees and side decisions (fee estimates and the fee toll,
advance payments, fee waivers and fee categories, the 552(a)(4)(A)(viii) fee bar, expedition,
tracks), worked out by hand from the statute and the agencies' rules and held to every engine:
the per-request clocks with their traces, the batch engine and the list and agenda
(``engines`` and ``agenda`` check those agree), and, where a letter speaks of it, the letter.

Holidays (OPM, 5 U.S.C. 6103): 2026: Jan 1, Jan 19, Feb 16, May 25, Fri Jun 19, Fri Jul 3
(observed), Sep 7, Oct 12, Wed Nov 11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1, Jan 18, Feb 15.
The day of receipt is day 0; "(n)" below is a running count of working days.
"""

from test_deadline_histories import TODAY, agenda, engines
from test_deadline_paths import D, ev, filed

from foiadesk.core.deadlines.events import derive_status

# -- the fee toll: 552(a)(6)(A)(ii)(II), any number of times --------------------------------------


def test_a_fee_clarification_answered_on_thanksgiving():
    """Received Mon 2026-11-02. The estimate is above the requester's cap, so the agency asks a
    fee clarification Tue Nov 10: Nov 3-6 (4), 9, 10 (6); 14 left. The answer reaches the agency
    Thu Nov 26, Thanksgiving: deemed received Fri Nov 27, day 0 again. Nov 30-Dec 4 (5), Dec 7-11
    (10), Dec 14-17 (14) -> Thu 2026-12-17; exhaustion Fri Dec 18. The requester's reply-by date
    (Dec 1) was met."""
    events = filed("2026-11-02") + [
        ev("fee_clarification_requested", "2026-11-10", 2, named_date=D("2026-12-01"), amount_cents=60000),
        ev("fee_clarification_answered", "2026-11-24", 3, agency_received_on=D("2026-11-26")),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-12-17")
    assert c["exhaustion"].due == D("2026-12-18")
    assert c["reply:fee_clarification_requested:0"].state(TODAY) == "met"
    trace = c["response"].explain()
    assert "5 U.S.C. 552(a)(6)(A)(ii)(II)" in trace
    assert "deemed received the next working day, 2026-11-27" in trace
    assert derive_status(events) == "Processing"


def test_three_fee_clarifications_the_last_answered_on_columbus_day():
    """Received Tue 2026-09-01. Fee clarification Tue Sep 8: Sep 2, 3, 4 (3), Labor Day Sep 7,
    Sep 8 (4); 16 left. Answer received Mon Sep 14, day 0. Second Mon Sep 21: Sep 15-18 (4), 21
    (5); 11 left. Answer received Fri Sep 25. Third Wed Sep 30: Sep 28, 29, 30 (3); 8 left.
    Answer received Mon Oct 12 (Columbus Day): deemed Tue Oct 13. Oct 14, 15, 16 (3), 19-23 (8)
    -> Fri 2026-10-23; exhaustion Sat Oct 24. (A)(ii)(II) has no limit on fee tolls."""
    events = filed("2026-09-01") + [
        ev("fee_clarification_requested", "2026-09-08", 2),
        ev("fee_clarification_answered", "2026-09-14", 3, agency_received_on=D("2026-09-14")),
        ev("fee_clarification_requested", "2026-09-21", 4),
        ev("fee_clarification_answered", "2026-09-25", 5, agency_received_on=D("2026-09-25")),
        ev("fee_clarification_requested", "2026-09-30", 6),
        ev("fee_clarification_answered", "2026-10-09", 7, agency_received_on=D("2026-10-12")),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-10-23")
    assert c["exhaustion"].due == D("2026-10-24")
    assert c["response"].explain().count("5 U.S.C. 552(a)(6)(A)(ii)(II)") == 3
    assert not c["response"].warnings[1:]  # at most the deemed-receipt note; no refused toll


def test_a_fee_clarification_after_the_due_date_tolls_nothing():
    """Received Mon 2026-06-01, due Tue Jun 30: Jun 2-5 (4), 8-12 (9), 15-18 (13), Juneteenth,
    22-26 (18), 29, 30 (20). A fee clarification of Tue Jul 7 comes after the clock ran out: it
    cannot toll it, the date stays Jun 30 and the fee bar applies from Jul 1, no notice having
    extended the limit."""
    events = filed("2026-06-01") + [
        ev("fee_clarification_requested", "2026-07-07", 2),
        ev("fee_clarification_answered", "2026-07-09", 3, agency_received_on=D("2026-07-09")),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-06-30")
    assert any("came after the due date 2026-06-30" in w for w in c["response"].warnings)
    assert c["exhaustion"].due == D("2026-07-01")


# -- fee estimates: reply-by dates, holds, closure ------------------------------------------------


def test_an_estimate_not_on_hold_with_a_reply_by_date_and_the_closure_it_threatened():
    """Received Mon 2026-03-02; due Mon Mar 30: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19),
    30 (20). An estimate of Mon Mar 16 asks for an answer by Wed Apr 15 and does not say the
    request is on hold: the statute tolls only for a fee clarification, so Mar 30 stands. The
    reply-by date passes unanswered (missed, history, not a to-do), and the requester logs the
    agency's administrative closure Wed Apr 22: the request is Closed, nothing is owed on it."""
    events = filed("2026-03-02") + [
        ev("fee_estimate", "2026-03-16", 2, named_date=D("2026-04-15"), amount_cents=90000),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-03-30")
    assert c["reply:fee_estimate:0"].due == D("2026-04-15")
    assert c["reply:fee_estimate:0"].state(TODAY) == "missed"
    # overdue, the agency's date stays on the agenda; the requester's passed window does not
    assert agenda(events) == [("Response due", D("2026-03-30"))]
    closed = events + [ev("closed", "2026-04-22", 3)]
    c = engines(closed)
    assert derive_status(closed) == "Closed"
    assert c["response"].moot and c["exhaustion"].moot
    assert "Fee bar" not in c["exhaustion"].explain()  # nothing is charged on a closed request


def test_an_estimate_on_hold_never_answered_leaves_the_clock_paused():
    """Received Mon 2026-10-05. An estimate on hold Thu Oct 15, reply by Mon Nov 16: Oct 6-9 (4),
    Columbus Day Oct 12, 13, 14, 15 (7); 13 left when it restarts. By Dec 7 the reply-by date has
    passed unanswered: the response clock is paused (no date, no exhaustion), the request waits
    on the requester, and the agenda has nothing to do on it."""
    events = filed("2026-10-05") + [
        ev("fee_estimate", "2026-10-15", 2, named_date=D("2026-11-16"), outcome="on_hold"),
    ]
    c = engines(events)
    assert c["response"].due is None and c["response"].paused
    assert "13 working days left when it restarts" in c["response"].explain()
    assert "exhaustion" not in c
    assert c["reply:fee_estimate:0"].state(TODAY) == "missed"
    assert derive_status(events) == "Waiting on requester"
    assert agenda(events) == []


# -- advance payments: 552(a)(4)(A)(v) ------------------------------------------------------------


def test_an_advance_payment_over_250_dollars_paid_restarts_the_clock():
    """Received Mon 2026-06-01. The fee will exceed $250, so the agency demands advance payment
    (552(a)(4)(A)(v)) and holds the request Mon Jun 8: Jun 2-5 (4), 8 (5); 15 left. The requester
    pays $480 Mon Jun 15; the agency's receipt is not logged, so it is taken as that day, day 0:
    Jun 16, 17, 18 (3), Juneteenth, 22-26 (8), Jun 29-Jul 2 (12), Jul 3 observed, Jul 6, 7, 8
    (15) -> Wed 2026-07-08. Paying what the estimate asks accepts it: the request is Processing
    and the reply-by date was met."""
    events = filed("2026-06-01") + [
        ev(
            "fee_estimate",
            "2026-06-08",
            2,
            outcome="on_hold",
            named_date=D("2026-07-08"),
            amount_cents=48_000,
        ),
        ev("payment", "2026-06-15", 3, amount_cents=48000),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-07-08")
    assert c["exhaustion"].due == D("2026-07-09")
    assert c["reply:fee_estimate:0"].state(TODAY) == "met"
    assert derive_status(events) == "Processing"
    assert any("assumed the day it was sent" in w for w in c["response"].warnings)


def test_a_payment_received_on_christmas_is_deemed_received_the_next_working_day():
    """Received Mon 2026-11-30; advance payment demanded (history of non-payment) Mon Dec 7:
    Dec 1-4 (4), 7 (5); 15 left. The payment reaches the agency Fri Dec 25: deemed Mon Dec 28.
    Dec 29, 30, 31 (3), New Year's Day, Jan 4-8 (8), Jan 11-15 (13), MLK Day Jan 18, Jan 19, 20
    (15) -> Wed 2027-01-20."""
    events = filed("2026-11-30") + [
        ev("fee_estimate", "2026-12-07", 2, outcome="on_hold", amount_cents=3000),
        ev("payment", "2026-12-21", 3, agency_received_on=D("2026-12-25"), amount_cents=3000),
    ]
    c = engines(events, today=D("2026-12-28"))
    assert c["response"].due == D("2027-01-20")
    assert "deemed received the next working day, 2026-12-28" in c["response"].explain()


def test_a_payment_with_no_estimate_open_accepts_nothing():
    """Received Mon 2026-06-01. The requester pays an old bill Wed Jun 3; the agency then holds
    the request for an estimate Mon Jun 8 (5 used, 15 left). The earlier payment is not an answer
    to an estimate that did not yet exist: the clock stays paused and the request waits on the
    requester."""
    events = filed("2026-06-01") + [
        ev("payment", "2026-06-03", 2, amount_cents=2500),
        ev("fee_estimate", "2026-06-08", 3, outcome="on_hold"),
    ]
    c = engines(events)
    assert c["response"].paused and c["response"].due is None
    assert derive_status(events) == "Waiting on requester"


def test_paying_an_estimate_not_on_hold_accepts_it_but_tolls_nothing():
    """Received Mon 2026-06-01; due Tue Jun 30 (as above). An estimate of Mon Jun 8 not on hold,
    reply by Wed Jul 8; paid Wed Jun 10. The payment answers it (met), and as nothing was
    paused nothing restarts: Jun 30 stands."""
    events = filed("2026-06-01") + [
        ev("fee_estimate", "2026-06-08", 2, named_date=D("2026-07-08"), amount_cents=30000),
        ev("payment", "2026-06-10", 3, amount_cents=30000),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-06-30")
    assert c["reply:fee_estimate:0"].done_on == D("2026-06-10")
    assert c["reply:fee_estimate:0"].state(TODAY) == "met"
