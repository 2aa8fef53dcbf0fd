"""Whole request histories about fees and side decisions (fee estimates and the fee toll,
advance payments, fee waivers and fee categories, the 552(a)(4)(A)(viii) fee bar, expedition,
tracks), worked out by hand from the statute and the agencies' rules and held to every engine:
the per-request clocks with their traces, the batch engine and the list and agenda
(``engines`` and ``agenda`` check those agree), and, where a letter speaks of it, the letter.

Holidays (OPM, 5 U.S.C. 6103): 2026: Jan 1, Jan 19, Feb 16, May 25, Fri Jun 19, Fri Jul 3
(observed), Sep 7, Oct 12, Wed Nov 11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1, Jan 18, Feb 15.
The day of receipt is day 0; "(n)" below is a running count of working days.
"""

import io

from docx import Document
from requesters import NEWS_REPORTER
from test_deadline_histories import TODAY, agenda, engines
from test_deadline_paths import D, ev, filed

from foiadesk.core.deadlines.events import derive_status
from foiadesk.core.letters.followups import Inputs, draft_followup
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

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
    assert any(
        "receipt of the payment is not logged; assumed the day it was sent" in w
        for w in c["response"].warnings
    )
    assert "until the agency received the payment 2026-06-15; day 0 again" in c["response"].explain()


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
    paused nothing restarts: Jun 30 stands; the trace's other reading (the estimate as a hold)
    restarts at the payment."""
    events = filed("2026-06-01") + [
        ev("fee_estimate", "2026-06-08", 2, named_date=D("2026-07-08"), amount_cents=30000),
        ev("payment", "2026-06-10", 3, amount_cents=30000),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-06-30")
    assert c["reply:fee_estimate:0"].done_on == D("2026-06-10")
    # Read as a hold (as some agency rules do), the estimate used Jun 2-5, 8 (5) and the payment
    # restarts it Jun 10: Jun 11, 12 (2), 15-18 (6), Juneteenth, 22-26 (11), Jun 29-Jul 2 (15).
    assert c["response"].hold_alternative == D("2026-07-02")
    assert c["reply:fee_estimate:0"].state(TODAY) == "met"


# -- the fee bar: 552(a)(4)(A)(viii) ---------------------------------------------------------------
# Each request below is at ICE (DHS), received Mon 2026-04-06; 20 working days end Mon May 4:
# Apr 7-10 (4), 13-17 (9), 20-24 (14), Apr 27-May 1 (19), May 4 (20). A notice of Wed Apr 22
# naming Mon May 18 adds the full 10 working days: May 5-8 (4), 11-15 (9), 18 (10). Ten working
# days after May 18: May 19-22 (4), Memorial Day May 25, May 26-29 (8), Jun 1, 2 (10) -> Jun 2.


NOTICE = ev("extension_notice", "2026-04-22", 3, named_date=D("2026-05-18"))
BAR_NO_NOTICE = "no timely unusual-circumstances notice extended the time limit"


def logged(tmp_path, events, abbr="ICE"):
    """The events in a log of their own, at ``abbr``, acknowledged with a tracking number."""
    db = connect(tmp_path / "log.sqlite3")
    rid = log.add_directory_request(
        db, load_directory().component(abbr), title="Records of the data exchange"
    ).new_id
    for e in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        fields = {k: getattr(e, k) for k in ("agency_received_on", "named_date", "outcome", "amount_cents")}
        log.record_event(db, rid, log.NewEvent(e.type, e.occurred_on, summary=e.summary, **fields))
        if e.type == "filed":
            log.record_event(
                db,
                rid,
                log.NewEvent(
                    "acknowledged", e.occurred_on, agency_received_on=e.occurred_on, tracking_number="T-1"
                ),
            )
    return db, rid


def letter_text(db, rid, kind, on):
    data = draft_followup(db, rid, kind, Inputs(), letter_date=D(on), requester=NEWS_REPORTER).docx
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip())


def test_the_fee_bar_with_no_notice_leaves_only_a_courts_finding(tmp_path):
    """No notice: due May 4, the determination (partial) comes Mon Jun 1. Fees are barred from
    Tue May 5; (aa) and (bb) both need a timely notice, so only (cc) could lift the bar. The
    appeal of Jun 10 says so for a news-media requester's duplication fees."""
    events = filed("2026-04-06") + [ev("determination", "2026-06-01", 4, outcome="partial")]
    c = engines(events, "ICE")
    assert c["exhaustion"].due == D("2026-05-05")
    trace = c["exhaustion"].explain()
    assert BAR_NO_NOTICE in trace and "from 2026-05-05" in trace and "(viii)(II)(cc)" in trace
    db, rid = logged(tmp_path, events)
    appeal = letter_text(db, rid, "appeal", "2026-06-10")
    assert (
        "Because it gave no timely written notice of unusual circumstances (5 U.S.C. 552(a)(6)(B)), "
        "5 U.S.C. 552(a)(4)(A)(viii) bars it from charging me duplication fees" in appeal
    )


def test_a_timely_notice_gives_both_readings_of_aa_and_the_letter_keeps_to_the_later(tmp_path):
    """Timely notice: due May 18; the determination comes Mon Jun 1, after May 18 but within the
    10 working days after it (to Jun 2). Read as the extension itself, (aa)'s "additional 10
    days" bar fees from Tue May 19; read as 10 days more, from Wed Jun 3: the statute does not
    say which, so the trace gives both, and the appeal (which asserts only the later reading)
    claims no fee bar."""
    events = filed("2026-04-06") + [NOTICE, ev("determination", "2026-06-01", 4, outcome="partial")]
    c = engines(events, "ICE")
    assert c["response"].due == D("2026-05-18")
    trace = c["exhaustion"].explain()
    assert "fees barred from 2026-05-19" in trace and "barred from 2026-06-03" in trace
    assert "the statute does not say whether" in trace and BAR_NO_NOTICE not in trace
    db, rid = logged(tmp_path, events)
    assert "552(a)(4)(A)(viii)" not in letter_text(db, rid, "appeal", "2026-06-10")


def test_past_the_ten_days_the_bar_holds_unless_5000_pages_and_talks(tmp_path):
    """Timely notice, determination Mon Jun 15, after Jun 2 on either reading. The agency's notes
    say 6,200 pages and three calls to discuss narrowing: (bb) would let it charge, but the log
    cannot weigh notes, so trace and letter state the bar with (bb) as its exception."""
    events = filed("2026-04-06") + [
        NOTICE,
        ev("note", "2026-05-11", 4, summary="Agency: about 6,200 pages; third call to discuss narrowing"),
        ev("determination", "2026-06-15", 5, outcome="partial"),
    ]
    c = engines(events, "ICE")
    assert "unless (bb) more than 5,000 pages are needed" in c["exhaustion"].explain()
    db, rid = logged(tmp_path, events)
    appeal = letter_text(db, rid, "appeal", "2026-06-20")
    assert "missed even the extended time limit by more than the 10 days" in appeal
    assert "unless more than 5,000 pages are necessary" in appeal


def test_a_courts_exceptional_circumstances_finding_is_the_only_exception_left():
    """No notice; due May 4; no determination by Dec 7. In the requester's suit, a court finds
    exceptional circumstances (logged as a note): (viii)(II)(cc) excuses the delay for the time
    the order gives. The log cannot read a court order, so the trace states the bar from May 5
    with (cc), the only exception a request without a timely notice has, and does not offer
    (bb), which needs that notice."""
    events = filed("2026-04-06") + [
        ev("note", "2026-09-15", 4, summary="Court found exceptional circumstances; stay to 2027-01-15"),
    ]
    c = engines(events, "ICE")
    fee_bar = next(step.text for step in c["exhaustion"].steps if step.text.startswith("Fee bar"))
    assert "from 2026-05-05" in fee_bar and "unless a court finds exceptional circumstances" in fee_bar
    assert "5,000 pages" not in fee_bar
    assert c["response"].state(TODAY) == "overdue"


def test_a_late_fee_estimate_is_answered_with_the_fee_bar(tmp_path):
    """No notice; due May 4. An estimate of $400 comes Mon Jul 20, long after: the fee reply of
    Jul 22 asks that the barred fees (a news-media requester's duplication fees) come off it."""
    events = filed("2026-04-06") + [
        ev("fee_estimate", "2026-07-20", 4, named_date=D("2026-08-20"), amount_cents=40_000),
    ]
    c = engines(events, "ICE")
    assert BAR_NO_NOTICE in c["exhaustion"].explain()
    db, rid = logged(tmp_path, events)
    reply = letter_text(db, rid, "fee-response", "2026-07-22")
    assert "ran out on May 4, 2026, before your fee estimate" in reply
    assert "bars it from charging me duplication fees" in reply
    # 552(a)(4)(A)(v) lets an agency require advance payment of a fee that will exceed $250: with
    # every fee this requester's category pays barred, the $400 is no such fee
    assert "may ask for payment in advance" not in reply and "Please tell me how to pay" not in reply
    assert "No fee is therefore left that you could ask me to pay in advance (5 U.S.C. 552(a)(4)(A)(v))" in (
        reply
    )


def test_with_search_fees_barred_advance_payment_is_conceded_only_of_the_fees_left(tmp_path):
    """The same late estimate to a requester in the 'all other' category: (viii)(I) bars its
    search fees, not its duplication fees, so only those left above $250 may be asked in advance."""
    events = filed("2026-04-06") + [
        ev("fee_estimate", "2026-07-20", 4, named_date=D("2026-08-20"), amount_cents=40_000),
    ]
    db, rid = logged(tmp_path, events)
    other = NEWS_REPORTER.__class__(
        name="Sam Lee", email="sam@example.org", address="1 Main St\nAustin, TX 78701", fee_category="other"
    )
    data = draft_followup(
        db, rid, "fee-response", Inputs(), letter_date=D("2026-07-22"), requester=other
    ).docx
    reply = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip())
    assert "bars it from charging me search fees" in reply
    assert "Because the estimate is above $250" not in reply
    assert (
        "If the fees that are not barred will exceed $250, I understand that you may ask for payment "
        "of them in advance (5 U.S.C. 552(a)(4)(A)(v)). Please tell me how to pay." in reply
    )


def test_an_estimate_above_250_dollars_within_the_time_limit_may_be_asked_in_advance(tmp_path):
    events = filed("2026-04-06") + [
        ev("fee_estimate", "2026-04-20", 4, named_date=D("2026-05-20"), amount_cents=40_000),
    ]
    db, rid = logged(tmp_path, events)
    reply = letter_text(db, rid, "fee-response", "2026-04-22")
    assert "552(a)(4)(A)(viii)" not in reply
    assert (
        "Because the estimate is above $250, I understand that you may ask for payment in advance "
        "(5 U.S.C. 552(a)(4)(A)(v)). Please tell me how to pay." in reply
    )


# -- fee waivers and fee categories: decided, denied, appealed ------------------------------------


def test_a_dhs_fee_waiver_denial_has_90_working_days_and_its_appeal_20(tmp_path):
    """ICE, received Mon 2026-06-01. Waiver denied Wed Jun 10. 6 CFR 5.8(a)(1): 90 working days:
    Jun 11-18 (6), Juneteenth, Jun 22-Jul 2 (15), Jul 3 observed, Jul 6-31 (35), Aug (56 by Aug 31),
    Sep 1-4 (60), Labor Day, Sep 8-30 (77), Oct 1-9 (84), Columbus Day, Oct 13-20 (90) -> Tue
    2026-10-20. Appealed Mon Jul 6, received Tue Jul 7: Jul 8-10 (3), 13-31 (18), Aug 3, 4 (20)
    -> Tue 2026-08-04. Status: Appeal pending; the agenda has the overdue response (Jun 30) and
    the appeal decision."""
    events = filed("2026-06-01") + [
        ev("fee_decision", "2026-06-10", 2, outcome="waiver_denied"),
        ev("appeal_filed", "2026-07-06", 3, outcome="fee_waiver", agency_received_on=D("2026-07-07")),
    ]
    c = engines(events, "ICE")
    window = c["appeal_window:fee_waiver"]
    assert (window.due, window.cite, window.state(TODAY)) == (D("2026-10-20"), "6 CFR 5.8(a)(1)", "met")
    assert c["appeal_decision"].due == D("2026-08-04")
    assert derive_status(events) == "Appeal pending"
    assert agenda(events, "ICE") == [
        ("Appeal decision due", D("2026-08-04")),
        ("Response due", D("2026-06-30")),
    ]


def test_a_doj_fee_waiver_denial_window_ends_on_a_sunday_and_the_appeal_is_decided_late():
    """EOUSA (DOJ), received Mon 2026-06-01. Waiver denied Mon Jul 6. 28 CFR 16.8(a): 90 calendar
    days: Jul 6 + 25 = Jul 31, + 31 = Aug 31, + 34 = Sun 2026-10-04; the rule does not move it to
    Monday, so the trace says to send before. Appealed Mon Aug 3, received Wed Aug 5: Aug 6, 7 (2),
    10-28 (17), Aug 31, Sep 1, 2 (20) -> Wed 2026-09-02. Decided (denied) Thu Sep 10, late: the
    appeal stage's exhaustion from Thu Sep 3, reached and answered late."""
    events = filed("2026-06-01") + [
        ev("fee_decision", "2026-07-06", 2, outcome="waiver_denied"),
        ev("appeal_filed", "2026-08-03", 3, outcome="fee_waiver", agency_received_on=D("2026-08-05")),
        ev("appeal_decided", "2026-09-10", 4, outcome="denied"),
    ]
    c = engines(events, "EOUSA")
    window = c["appeal_window:fee_waiver"]
    assert (window.due, window.cite, window.unit) == (D("2026-10-04"), "28 CFR 16.8(a)", "calendar")
    assert any("2026-10-04 is a" in w and "send the appeal before it" in w for w in window.warnings)
    assert c["appeal_decision"].due == D("2026-09-02")
    assert c["appeal_decision"].state(TODAY) == "missed"
    assert c["appeal_exhaustion"].due == D("2026-09-03")
    assert c["appeal_exhaustion"].state(TODAY) == "answered late"
    assert derive_status(events) == "Appeal denied"


def test_a_fee_category_denial_is_appealed_and_the_letter_argues_the_category(tmp_path):
    """EOUSA, received Mon 2026-06-01. The agency denies the news-media category Mon Aug 3: 90
    calendar days -> Aug 3 + 28 = Aug 31, + 30 = Sep 30, + 31 = Oct 31, + 1 = Sun 2026-11-01.
    The appeal letter of Aug 10 appeals that denial and states the category the request stated,
    with its clause ((a)(4)(A)(ii)(II)). Appealed Tue Sep 15, received Wed Sep 16: Sep 17, 18
    (2), 21-Oct 2 (12), Oct 5-9 (17), Columbus Day, Oct 13, 14, 15 (20) -> Thu 2026-10-15."""
    events = filed("2026-06-01") + [ev("fee_decision", "2026-08-03", 2, outcome="category_denied")]
    c = engines(events, "EOUSA")
    assert c["appeal_window:fee_category"].due == D("2026-11-01")
    db, rid = logged(tmp_path, events, "EOUSA")
    appeal = letter_text(db, rid, "appeal", "2026-08-10")
    assert "of my fee category, dated August 3, 2026" in appeal
    assert (
        "My request stated my fee category, representative of the news media (5 U.S.C. 552(a)(4)(A)(ii)(II))."
        in (appeal)
    )
    assert "fee waiver" not in appeal
    ogis = letter_text(db, rid, "ogis", "2026-08-10")  # OGIS is told the same dispute
    assert "The dispute is about the denial of my fee category on August 3, 2026." in ogis
    assert "Reconsideration of the denial of my fee category." in ogis
    appealed = events + [
        ev("appeal_filed", "2026-09-15", 3, outcome="fee_category", agency_received_on=D("2026-09-16"))
    ]
    c = engines(appealed, "EOUSA")
    assert c["appeal_decision"].due == D("2026-10-15")
    assert c["appeal_window:fee_category"].state(TODAY) == "met"


def test_a_fee_waiver_granted_in_part_is_appealable_as_a_denial(tmp_path):
    """ICE, received Mon 2026-06-01. The waiver is granted in part Wed Jun 10 (half the fees): the
    part denied can be appealed, within the same 90 working days as a denial (Tue 2026-10-20,
    as above), and the appeal names the decision for what it did."""
    events = filed("2026-06-01") + [
        ev("fee_waiver_requested", "2026-06-01", 2),
        ev("fee_decision", "2026-06-10", 3, outcome="waiver_partly_granted"),
    ]
    c = engines(events, "ICE")
    assert c["appeal_window:fee_waiver"].due == D("2026-10-20")
    assert c["appeal_window:fee_waiver"].label == "Appeal the fee-waiver denial by"
    db, rid = logged(tmp_path, events)
    appeal = letter_text(db, rid, "appeal", "2026-06-20")
    assert "granting only part of my fee waiver request, dated June 10, 2026" in appeal
    assert "(5 U.S.C. 552(a)(4)(A)(iii))" in appeal


def test_a_waiver_granted_on_reconsideration_is_not_appealed_again(tmp_path):
    """ICE, received Mon 2026-06-01. Waiver denied Wed Jun 10, granted on reconsideration Wed
    Jul 1: the waiver window is moot that day. The determination (partial) of Mon Aug 3 opens its
    own DHS window: Aug 4-31 (20), Sep 1-4 (24), Labor Day, Sep 8-Oct 9 (48), Columbus Day, Oct
    13-Nov 10 (69), Veterans Day, Nov 12-25 (79), Thanksgiving, Nov 27-Dec 11 (90) -> Fri
    2026-12-11. The appeal of Aug 10 appeals the determination only."""
    events = filed("2026-06-01") + [
        ev("fee_waiver_requested", "2026-06-01", 5),
        ev("fee_decision", "2026-06-10", 2, outcome="waiver_denied"),
        ev("fee_decision", "2026-07-01", 3, outcome="waiver_granted"),
        ev("determination", "2026-08-03", 4, outcome="partial"),
    ]
    c = engines(events, "ICE")
    assert c["appeal_window:fee_waiver"].moot
    assert c["appeal_window:partial"].due == D("2026-12-11")
    db, rid = logged(tmp_path, events)
    appeal = letter_text(db, rid, "appeal", "2026-08-10")
    assert "fee waiver" not in appeal
    assert "I appeal the determination of August 3, 2026" in appeal
    # a waiver decided is no longer pending, for a user's own template either
    facts = draft_followup(
        db, rid, "appeal", Inputs(), letter_date=D("2026-08-10"), requester=NEWS_REPORTER
    ).context
    assert facts["history"]["waiver_pending"] is False


# -- expedition and tracks --------------------------------------------------------------------------


def test_expedition_denied_on_time_and_its_appeal_decided_late():
    """Received Mon 2026-06-01 with expedition asked in the letter: decision due Thu Jun 11 (10
    calendar days), denied that day (met). Appealed Mon Jun 15 (received that day): Jun 16-18
    (3), Juneteenth, Jun 22-Jul 2 (12), Jul 3 observed, Jul 6-15 (20) -> Wed 2026-07-15, an outer
    limit ((a)(6)(E)(ii)(II) asks for expedition). Granted Fri Jul 24, late: the appeal stage's
    exhaustion from Jul 16. The expedite window (90 calendar days: Jun 11 + 19 = Jun 30, + 31,
    + 31, + 9 -> Wed 2026-09-09) was met Jun 15; the response stays due Tue Jun 30."""
    events = filed("2026-06-01") + [
        ev("expedite_requested", "2026-06-01", 2),
        ev("expedite_decided", "2026-06-11", 3, outcome="denied"),
        ev("appeal_filed", "2026-06-15", 4, outcome="expedite", agency_received_on=D("2026-06-15")),
        ev("appeal_decided", "2026-07-24", 5, outcome="granted"),
    ]
    c = engines(events)
    assert (c["expedite"].due, c["expedite"].state(TODAY)) == (D("2026-06-11"), "met")
    assert c["appeal_decision"].due == D("2026-07-15")
    assert "5 U.S.C. 552(a)(6)(E)(ii)(II)" in c["appeal_decision"].cite
    assert c["appeal_exhaustion"].due == D("2026-07-16")
    assert (c["appeal_window:expedite"].due, c["appeal_window:expedite"].state(TODAY)) == (
        D("2026-09-09"),
        "met",
    )
    assert c["response"].due == D("2026-06-30")
    assert derive_status(events) == "Appeal granted"


def test_an_expedite_decision_made_late_then_overtaken_by_the_determination():
    """Received Mon 2026-06-01; expedition asked later, Wed Jun 10, received Fri Jun 12: decision
    due Mon Jun 22. Denied Thu Jun 25, late (missed). Its window (Jun 25 + 90 calendar days: + 5
    = Jun 30, + 31, + 31, + 23 -> Wed 2026-09-23) becomes moot at the determination (full grant)
    of Mon Jul 20: the expedite question is over ((a)(6)(E)(iv))."""
    events = filed("2026-06-01") + [
        ev("expedite_requested", "2026-06-10", 2, agency_received_on=D("2026-06-12")),
        ev("expedite_decided", "2026-06-25", 3, outcome="denied"),
        ev("determination", "2026-07-20", 4, outcome="full_grant"),
    ]
    c = engines(events)
    assert (c["expedite"].due, c["expedite"].state(TODAY)) == (D("2026-06-22"), "missed")
    window = c["appeal_window:expedite"]
    assert (window.due, window.done_on, window.moot) == (D("2026-09-23"), D("2026-07-20"), True)
    assert "5 U.S.C. 552(a)(6)(E)(iv)" in window.explain()


def test_moving_between_simple_and_complex_tracks_changes_no_time_limit():
    """Received Mon 2026-06-01 (due Tue Jun 30). Moved to the complex track Wed Jun 10 (a note),
    an unusual-circumstances notice Mon Jun 15 names Wed Jul 15: Jul 1, 2 (2), Jul 3 observed,
    Jul 6-10 (7), 13, 14, 15 (10): the full 10 working days. Moved back to the simple track Wed
    Jul 1 (a note). Tracks (a)(6)(D) do not change the statute's limits: due Wed 2026-07-15, as
    with no notes at all."""
    notice = ev("extension_notice", "2026-06-15", 3, named_date=D("2026-07-15"))
    events = filed("2026-06-01") + [
        ev("note", "2026-06-10", 2, summary="Agency moved the request to its complex track"),
        notice,
        ev("note", "2026-07-01", 4, summary="Agency moved the request back to its simple track"),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-07-15") and c["response"].extended_days == 10
    assert c["response"].due == engines(filed("2026-06-01") + [notice])["response"].due
    assert "track" not in c["response"].explain()
