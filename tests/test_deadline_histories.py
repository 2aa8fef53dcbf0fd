"""Whole request histories worked out by hand from the statute, as an expert checker would,
and held to every engine: the per-request clocks (with their traces), the batch engine
(``batch.extract`` + ``compute``) and the list and agenda (``columnar.read``), which must give
the same dates, owners and statuses.

Holidays used (OPM's tables, 5 U.S.C. 6103): 2026: Jan 1, Jan 19, Feb 16, May 25, Fri Jun 19,
Fri Jul 3 (observed), Sep 7, Oct 12, Wed Nov 11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1, Jan 18,
Feb 15, May 31, Fri Jun 18 (observed), Mon Jul 5 (observed), Sep 6, Oct 11, Nov 11, Nov 25,
Fri Dec 24 (observed), Fri Dec 31 (New Year's Day 2028 observed). 2028: Jan 17, Feb 21, May 29,
Mon Jun 19, Tue Jul 4, Sep 4, Oct 9, Fri Nov 10 (observed), Nov 23, Mon Dec 25. The day of
receipt is day 0; "N WD" below is a running count of working days.
"""

from datetime import date

import pytest
from test_deadline_paths import CAL, D, ev, filed, index_of

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import compute_clocks, next_deadline
from foiadesk.core.deadlines.events import derive_status
from foiadesk.core.tracking.agenda import open_deadlines
from foiadesk.core.tracking.listing import CLOCK_LABELS, CLOCKS
from foiadesk.core.tracking.tracker import appeal_rule

NONE = batch.NONE
MILESTONES = ("exhaustion", "appeal_exhaustion")


TODAY = D("2026-12-07")


def engines(events, comp="X", today=TODAY):
    """The per-request clocks, after checking that the batch engine and the list (columnar)
    give every dated clock the same date, and the list the same status."""
    rule = appeal_rule(comp)
    per = {c.key: c for c in compute_clocks(events, CAL, rule)}
    extracted = batch.compute(batch.extract([events], CAL, [rule]), CAL)
    index = index_of([events], [comp], today)
    for name, result in (("batch", extracted), ("list", index.clocks)):
        for key in (*batch.DEADLINES, *MILESTONES):
            if key.startswith("reply:"):
                continue
            value = int(result[key][0])
            got = None if value == NONE else date.fromordinal(value)
            assert got == (per[key].due if key in per else None), (name, key)
    assert index.columns["status"][0] == derive_status(events)
    return per


def agenda(events, comp="X", today=TODAY):
    """The agenda's lines for one request, checked against the per-request owed clocks."""
    index = index_of([events], [comp], today)
    found = open_deadlines(index)
    shown = sorted(
        (CLOCK_LABELS[CLOCKS[k]], date.fromordinal(int(d)))
        for k, d in zip(found.clocks, found.due, strict=True)
    )
    per = compute_clocks(events, CAL, appeal_rule(comp))
    assert shown == sorted((c.label, c.due) for c in per if c.owed(today))
    return shown


def warned(clock, text):
    return any(text in w for w in clock.warnings)


# -- tolling: one information toll, any number of fee tolls ----------------------------------------


def test_a_second_information_request_while_the_first_is_open_does_not_toll():
    """Received Mon 2026-03-02. Info asked Thu Mar 5: Mar 3, 4, 5 = 3 WD used, 17 left. A second
    info request Mon Mar 9 comes while the clock is paused: (A)(ii)(I) allows one toll, so it
    changes nothing. The answer to the first reaches the agency Wed Mar 11 (day 0 again): Mar 12,
    13 (2), 16-20 (7), 23-27 (12), Mar 30-Apr 3 (17) -> Fri 2026-04-03. The answer to the second
    (Mon Mar 16) restarts nothing."""
    events = filed("2026-03-02") + [
        ev("info_requested", "2026-03-05", 2),
        ev("info_requested", "2026-03-09", 3),
        ev("info_answered", "2026-03-11", 4, agency_received_on=D("2026-03-11")),
        ev("info_answered", "2026-03-16", 5, agency_received_on=D("2026-03-16")),
    ]
    response = engines(events)["response"]
    assert response.due == D("2026-04-03")
    assert warned(response, "2026-03-09: a second request for information does not toll")
    assert "5 U.S.C. 552(a)(6)(A)(ii)(I)" in response.explain()


def test_three_fee_tolls_and_two_information_requests():
    """Received Mon 2026-01-05. Fee ask Wed Jan 7 (Jan 6, 7: 2 used, 18 left), answered Mon Jan 12.
    Info ask Wed Jan 14 (Jan 13, 14: 16 left), answered Tue Jan 20 (Mon Jan 19 is MLK Day). Fee
    ask Thu Jan 22 (Jan 21, 22: 14 left), answered Mon Jan 26. A second info ask Wed Jan 28 does
    not toll (the clock runs on). Fee ask Wed Feb 4: Jan 27-30 (4), Feb 2, 3, 4 (7) used since
    Jan 26, 7 left; answered Mon Feb 9. Feb 10-13 (4), Mon Feb 16 Washington's Birthday, Feb 17,
    18, 19 (7) -> Thu 2026-02-19. Fee tolls have no limit ((A)(ii)(II))."""
    events = filed("2026-01-05") + [
        ev("fee_clarification_requested", "2026-01-07", 2),
        ev("fee_clarification_answered", "2026-01-12", 3, agency_received_on=D("2026-01-12")),
        ev("info_requested", "2026-01-14", 4),
        ev("info_answered", "2026-01-20", 5, agency_received_on=D("2026-01-20")),
        ev("fee_clarification_requested", "2026-01-22", 6),
        ev("fee_clarification_answered", "2026-01-26", 7, agency_received_on=D("2026-01-26")),
        ev("info_requested", "2026-01-28", 8),
        ev("info_answered", "2026-02-02", 9, agency_received_on=D("2026-02-02")),
        ev("fee_clarification_requested", "2026-02-04", 10),
        ev("fee_clarification_answered", "2026-02-09", 11, agency_received_on=D("2026-02-09")),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-02-19")
    assert c["exhaustion"].due == D("2026-02-20")
    assert c["response"].explain().count("5 U.S.C. 552(a)(6)(A)(ii)(II)") == 3
    assert warned(c["response"], "2026-01-28: a second request for information")


def test_an_agency_that_asks_has_the_request_so_it_is_processing():
    """A request with no receipt logged is "Filed" (sent, not known to have arrived). An agency
    that asks a question has it: "Waiting on requester" while the ask is open, "Processing" once
    answered, in the window's list as in the request's own view."""
    events = filed("2026-01-05") + [ev("fee_clarification_requested", "2026-01-07", 2)]
    assert engines(events) and derive_status(events) == "Waiting on requester"
    answered = events + [
        ev("fee_clarification_answered", "2026-01-12", 3, agency_received_on=D("2026-01-12"))
    ]
    engines(answered)
    assert derive_status(answered) == "Processing"


def test_a_toll_asked_on_day_19_and_answered_on_a_holiday():
    """Received Mon 2026-06-01. Day 19: Jun 2-5 (4), 8-12 (9), 15-18 (13), Fri Jun 19 Juneteenth,
    22-26 (18), Mon Jun 29 (19). Info asked Jun 29: 1 WD left. The answer reaches the agency Fri
    Jul 3, the observed Independence Day: deemed received Mon Jul 6 (day 0), so 1 WD -> Tue
    2026-07-07; the trace says counting from the holiday itself would give one working day
    earlier."""
    events = filed("2026-06-01") + [
        ev("info_requested", "2026-06-29", 2),
        ev("info_answered", "2026-07-02", 3, agency_received_on=D("2026-07-03")),
    ]
    c = engines(events)
    assert c["response"].due == D("2026-07-07") and c["exhaustion"].due == D("2026-07-08")
    assert "deemed received the next working day, 2026-07-06" in c["response"].explain()


def test_same_day_question_and_answer_cost_the_agency_nothing():
    """Received Mon 2026-03-02. Asked and answered the same day, Mon Mar 9: Mar 3-6, 9 = 5 used,
    Mar 9 is day 0 again with 15 left: Mar 10-13 (4), 16-20 (9), 23-27 (14), Mon Mar 30 (15) ->
    2026-03-30, the date without any toll (20 WD after Mar 2: ... Mar 23-27 (19), Mar 30)."""
    events = filed("2026-03-02") + [
        ev("info_requested", "2026-03-09", 2),
        ev("info_answered", "2026-03-09", 3, agency_received_on=D("2026-03-09")),
    ]
    assert engines(events)["response"].due == D("2026-03-30")


# -- unusual circumstances ------------------------------------------------------------------------


AUGUST = filed("2026-08-03")  # day 20: Aug 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), Mon Aug 31 (20)


def test_an_extension_notice_sent_on_day_20_extends():
    """Notice Mon Aug 31 (day 20, on time): +10 WD: Sep 1-4 (4), Mon Sep 7 Labor Day, Sep 8-11 (8),
    14, 15 (10) -> Tue 2026-09-15; exhaustion from Wed Sep 16."""
    c = engines(AUGUST + [ev("extension_notice", "2026-08-31", 2)])
    assert (c["response"].due, c["exhaustion"].due) == (D("2026-09-15"), D("2026-09-16"))
    assert c["response"].extended_days == 10


def test_an_extension_notice_sent_on_day_21_extends_nothing():
    """Notice Tue Sep 1, day 21: the deadline (Mon Aug 31) had run; exhaustion from Sep 1."""
    c = engines(AUGUST + [ev("extension_notice", "2026-09-01", 2)])
    assert (c["response"].due, c["exhaustion"].due) == (D("2026-08-31"), D("2026-09-01"))
    assert c["response"].extended_days == 0
    assert warned(c["response"], "extension notice sent after the due date 2026-08-31")


def test_an_extension_of_more_than_ten_days_offers_to_narrow():
    """Notice Mon Aug 10 naming Fri Oct 30: beyond the 10 WD (B)(i) allows. The statutory date stays
    Tue Sep 15 (Aug 31 + 10 WD, above); the trace names the (B)(ii) duties: offer to narrow or agree
    another timeframe, the FOIA Public Liaison, OGIS."""
    c = engines(AUGUST + [ev("extension_notice", "2026-08-10", 2, named_date=D("2026-10-30"))])
    assert c["response"].due == D("2026-09-15")
    assert warned(c["response"], "offer to narrow the request or agree another timeframe")
    assert warned(c["response"], "5 U.S.C. 552(a)(6)(B)(ii)")


# -- routing and referral ----------------------------------------------------------------------------


def test_a_misrouted_request_starts_at_the_ten_day_cap_across_veterans_day():
    """First received Mon 2026-11-02 by the wrong component. Cap: Nov 3-6 (4), 9, 10 (6), Wed Nov 11
    Veterans Day, 12, 13 (8), 16, 17 (10) -> Tue Nov 17. The proper component gets it Fri Nov 20,
    after the cap, so the clock starts Nov 17: Nov 18-20 (3), 23-25 (6), Thu Nov 26 Thanksgiving,
    27 (7), Nov 30-Dec 4 (12), 7-11 (17), 14, 15, 16 (20) -> Wed 2026-12-16."""
    events = filed("2026-11-02") + [ev("routed", "2026-11-16", 2, agency_received_on=D("2026-11-20"))]
    response = engines(events)["response"]
    assert (response.start, response.due) == (D("2026-11-17"), D("2026-12-16"))
    assert "after the cap: the clock starts 2026-11-17" in response.explain()
    # "ten days" is unsettled: read as calendar days, the cap is Thu Nov 12 (Nov 2 + 10).
    assert "read as calendar days, the cap would be 2026-11-12" in response.explain()


def test_a_request_routed_within_the_cap_starts_at_the_proper_receipt():
    """First received Mon 2026-11-02; the proper component gets it Mon Nov 9 (before the Nov 17 cap):
    Nov 10 (1), Wed Nov 11 Veterans Day, 12, 13 (3), 16-20 (8), 23-25 (11), Thu Nov 26
    Thanksgiving, 27 (12), Nov 30-Dec 4 (17), Dec 7, 8, 9 (20) -> Wed 2026-12-09."""
    events = filed("2026-11-02") + [ev("routed", "2026-11-06", 2, agency_received_on=D("2026-11-09"))]
    assert engines(events)["response"].due == D("2026-12-09")


def test_records_referred_to_another_agency_do_not_stop_the_clock():
    """Received Mon 2026-05-04. Records referred to another agency Wed May 20: the clock runs on.
    May 5-8 (4), 11-15 (9), 18-22 (14), Mon May 25 Memorial Day, 26-29 (18), Jun 1, 2 (20) -> Tue
    2026-06-02. A determination "referred" on Thu May 28 meets it; nothing to appeal."""
    events = filed("2026-05-04") + [ev("referral", "2026-05-20", 2)]
    assert engines(events)["response"].due == D("2026-06-02")
    done = events + [ev("determination", "2026-05-28", 3, outcome="referral")]
    c = engines(done)
    assert c["response"].state(D("2026-06-05")) == "met"
    assert not [k for k in c if k.startswith("appeal_window")]
    assert derive_status(done) == "Referred"


def test_a_referral_received_counts_from_this_agencys_receipt():
    """Another agency referred the request; this one received it Wed 2026-05-13: May 14, 15 (2),
    18-22 (7), Mon May 25 Memorial Day, 26-29 (11), Jun 1-5 (16), 8-11 (20) -> Thu 2026-06-11."""
    events = [ev("referral_received", "2026-05-11", 1, agency_received_on=D("2026-05-13"))]
    assert engines(events)["response"].due == D("2026-06-11")


# -- expedited processing ------------------------------------------------------------------------------

EXPEDITE = filed("2026-05-04") + [
    ev("expedite_requested", "2026-05-18", 2, agency_received_on=D("2026-05-18")),
    ev("expedite_decided", "2026-05-27", 3, outcome="denied"),
    ev("appeal_filed", "2026-06-01", 4, agency_received_on=D("2026-06-01"), outcome="expedite"),
]


def test_expedition_asked_later_denied_and_appealed():
    """Expedition asked Mon 2026-05-18, received that day: decision due 10 calendar days later,
    Thu May 28 (met: denied Wed May 27). The denial is appealable for 90 calendar days: May 27 + 4
    = May 31, + 30 = Jun 30 (34), + 31 = Jul 31 (65), + 25 = Tue Aug 25 (90). The appeal received
    Mon Jun 1 must be decided expeditiously ((E)(ii)(II)); 20 WD is the outer limit: Jun 2-5 (4),
    8-12 (9), 15-18 (13), Fri Jun 19 Juneteenth, 22-26 (18), 29, 30 (20) -> Tue Jun 30. The request
    itself stays due Tue 2026-06-02 (see the referral history for the count)."""
    c = engines(EXPEDITE)
    assert c["expedite"].due == D("2026-05-28") and c["expedite"].state(D("2026-06-02")) == "met"
    assert c["appeal_window:expedite"].due == D("2026-08-25")
    decision = c["appeal_decision"]
    assert decision.due == D("2026-06-30")
    assert "552(a)(6)(E)(ii)(II)" in decision.cite
    assert warned(decision, "decided expeditiously")
    assert c["response"].due == D("2026-06-02")


def test_the_determination_ends_an_expedite_appeal():
    """The agency decides the request (partial grant) Wed Jun 10 while the expedite appeal is
    pending: the expedite question is over ((E)(iv)), so no appeal decision is owed and the agenda
    drops it. The partial grant opens its own window: Jun 10 + 20 = Jun 30, + 31 = Jul 31 (51),
    + 31 = Aug 31 (82), + 8 = Tue 2026-09-08."""
    events = EXPEDITE + [ev("determination", "2026-06-10", 5, outcome="partial")]
    c = engines(events, today=D("2026-06-11"))
    assert c["appeal_decision"].state(D("2026-06-11")) == "moot"
    assert "the expedite appeal is over" in c["appeal_decision"].explain()
    assert agenda(events, today=D("2026-06-11")) == [("Appeal the partial denial by", D("2026-09-08"))]
    # Decided after the appeal's 20 days (Tue Jul 10): the appeal-stage milestone is moot, not
    # "decided late", and says why.
    late = EXPEDITE + [ev("determination", "2026-07-10", 5, outcome="partial")]
    milestone = engines(late, today=D("2026-07-11"))["appeal_exhaustion"]
    assert milestone.due == D("2026-07-01") and milestone.state(D("2026-07-11")) == "moot"
    assert "decided late" not in milestone.explain()


# -- appeal windows and appeal decisions ---------------------------------------------------------------

NO_RECORDS = filed("2026-03-02") + [ev("determination", "2026-06-15", 2, outcome="no_records")]


def test_a_doj_window_ending_on_a_sunday_is_not_moved_and_cites_16_8():
    """No records, letter dated Mon 2026-06-15. DOJ, 28 CFR 16.8(a): postmarked or sent within 90
    calendar days: Jun 15 + 15 = Jun 30, + 31 = Jul 31 (46), + 31 = Aug 31 (77), + 13 = Sun Sep 13
    (90). Sunday: the rule does not roll forward, so send by Fri Sep 11."""
    window = engines(NO_RECORDS, "DOJ-OIP")["appeal_window:no_records"]
    assert window.due == D("2026-09-13") and window.unit == "calendar"
    assert window.cite == "28 CFR 16.8(a)"
    assert warned(window, "2026-09-13 is a Sunday: send the appeal before it")


def test_the_same_decision_at_dhs_gives_ninety_working_days():
    """DHS, 6 CFR 5.8(a)(1): 90 working days after Mon 2026-06-15: Jun 16-18 (3), Fri Jun 19
    Juneteenth, 22-26 (8), Jun 29-Jul 2 (12), Fri Jul 3 holiday, Jul 6-10 (17), 13-17 (22), 20-24
    (27), 27-31 (32), Aug 3-7 (37), 10-14 (42), 17-21 (47), 24-28 (52), Aug 31-Sep 4 (57), Mon Sep 7
    Labor Day, 8-11 (61), 14-18 (66), 21-25 (71), Sep 28-Oct 2 (76), 5-9 (81), Mon Oct 12 Columbus
    Day, 13-16 (85), 19-23 (90) -> Fri 2026-10-23."""
    window = engines(NO_RECORDS, "ICE")["appeal_window:no_records"]
    assert (window.due, window.unit, window.cite) == (D("2026-10-23"), "working", "6 CFR 5.8(a)(1)")
    assert window.owed_by == "requester"


def test_an_appeal_decided_late_gives_the_lawsuit_ready_date():
    """Received Tue 2026-09-01 (Sep 2-4 (3), Mon Sep 7 Labor Day, 8-11 (7), 14-18 (12), 21-25 (17),
    28-30 (20): due Wed Sep 30); denied Thu Oct 1, one day late. Appeal sent Fri Oct 30, received
    Mon Nov 2: Nov 3-6 (4), 9, 10 (6), Wed Nov 11 Veterans Day, 12, 13 (8), 16-20 (13), 23-25 (16),
    Thu Nov 26 Thanksgiving, 27 (17), Nov 30, Dec 1, 2 (20) -> Wed Dec 2. Constructive exhaustion
    at the appeal stage from Thu 2026-12-03; the decision of Dec 10 came late."""
    events = filed("2026-09-01") + [
        ev("determination", "2026-10-01", 2, outcome="denial"),
        ev("appeal_filed", "2026-10-30", 3, agency_received_on=D("2026-11-02")),
        ev("appeal_decided", "2026-12-10", 4, outcome="denied"),
    ]
    c = engines(events)
    assert (c["response"].due, c["appeal_decision"].due) == (D("2026-09-30"), D("2026-12-02"))
    milestone = c["appeal_exhaustion"]
    assert milestone.due == D("2026-12-03") and milestone.state(D("2026-12-11")) == "answered late"
    assert "judicial review is open" in milestone.explain()


def test_no_records_appeal_remand_new_determination_opens_a_new_window():
    """No records Mon 2026-03-30; appeal received Mon Apr 6 (decision due Apr 7-10 (4), 13-17 (9),
    20-24 (14), Apr 27-May 1 (19), Mon May 4 (20)); remanded Mon Apr 27. New no-records letter Mon
    Jun 15: a new 90-day window, Sun Sep 13 (as above), owed by the requester. A second appeal
    received Wed Jul 1: Jul 2 (1), Fri Jul 3 holiday, 6-10 (6), 13-17 (11), 20-24 (16), 27-30 (20)
    -> Thu Jul 30, with appeal-stage exhaustion from Fri Jul 31."""
    events = filed("2026-03-02") + [
        ev("determination", "2026-03-30", 2, outcome="no_records"),
        ev("appeal_filed", "2026-04-06", 3, agency_received_on=D("2026-04-06")),
        ev("appeal_decided", "2026-04-27", 4, outcome="remanded"),
        ev("determination", "2026-06-15", 5, outcome="no_records"),
    ]
    c = engines(events, today=D("2026-06-16"))
    assert c["appeal_decision"].due == D("2026-05-04")
    assert c["appeal_window:no_records"].due == D("2026-09-13")
    assert agenda(events, today=D("2026-06-16")) == [("Appeal the no-records response by", D("2026-09-13"))]
    again = events + [ev("appeal_filed", "2026-07-01", 6, agency_received_on=D("2026-07-01"))]
    c = engines(again, today=D("2026-07-02"))
    assert (c["appeal_decision"].due, c["appeal_exhaustion"].due) == (D("2026-07-30"), D("2026-07-31"))
    assert c["appeal_window:no_records"].state(D("2026-07-02")) == "met"
    assert derive_status(again) == "Appeal pending"


def test_a_withdrawn_appeal_is_moot_not_met():
    """Denied Fri 2026-02-20; appeal received Mon Mar 2 (due Mar 3-6 (4), 9-13 (9), 16-20 (14),
    23-27 (19), Mon Mar 30 (20)); the request is withdrawn Tue Mar 10: the appeal office owes
    nothing, it did not decide."""
    events = filed("2026-02-02") + [
        ev("determination", "2026-02-20", 2, outcome="denial"),
        ev("appeal_filed", "2026-03-02", 3, agency_received_on=D("2026-03-02")),
        ev("withdrawn", "2026-03-10", 4),
    ]
    decision = engines(events)["appeal_decision"]
    assert decision.due == D("2026-03-30") and decision.state(D("2026-03-11")) == "moot"


# -- what the requester owes -----------------------------------------------------------------------------


def test_a_still_interested_letter_with_ten_working_days_does_not_toll():
    """Received Wed 2026-04-01: Apr 2, 3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-29 (20) -> Wed
    Apr 29. A still-interested letter Mon Apr 6 gives 10 WD: Apr 7-10 (4), 13-17 (9), Mon Apr 20
    (10). It is no toll (only (A)(ii)(I)-(II) are), so the response date stays Apr 29; the reply is
    the requester's. Missed, and the request closed Wed Apr 22: the response clock is moot, not met
    (the agency never answered), and there is nothing to sue on."""
    events = filed("2026-04-01") + [ev("still_interested", "2026-04-06", 2, named_date=D("2026-04-20"))]
    c = engines(events, today=D("2026-04-07"))
    assert c["response"].due == D("2026-04-29")
    reply = c["reply:still_interested:0"]
    assert (reply.due, reply.owed_by) == (D("2026-04-20"), "requester")
    # DOJ OIP's still-interested checklist (July 2, 2015): no less than 30 working days.
    assert warned(
        reply, "The letter gives 10 working days; OIP's guidance says agencies should give no less than 30"
    )
    assert agenda(events, today=D("2026-04-07")) == [
        ("Response due", D("2026-04-29")),
        ("Say you are still interested by", D("2026-04-20")),
    ]
    closed = events + [ev("closed", "2026-04-22", 3)]
    c = engines(closed, today=D("2026-04-23"))
    assert c["response"].state(D("2026-04-23")) == "moot"
    assert "exhaustion" not in c
    assert c["reply:still_interested:0"].state(D("2026-04-23")) == "missed"
    assert agenda(closed, today=D("2026-04-23")) == []


def test_a_still_interested_letter_with_thirty_working_days_answered_in_time():
    """Asked Mon 2026-06-01 with 30 WD: Jun 2-5 (4), 8-12 (9), 15-18 (13), Fri Jun 19 Juneteenth,
    22-26 (18), Jun 29-Jul 2 (22), Fri Jul 3 holiday, 6-10 (27), 13, 14, 15 (30) -> Wed Jul 15.
    Answered Fri Jul 10: met; the request goes on."""
    events = filed("2026-05-04") + [
        ev("still_interested", "2026-06-01", 2, named_date=D("2026-07-15")),
        ev("still_interested_answered", "2026-07-10", 3, agency_received_on=D("2026-07-10")),
    ]
    reply = engines(events)["reply:still_interested:0"]
    assert reply.due == D("2026-07-15") and reply.state(D("2026-07-11")) == "met"
    assert not warned(reply, "working days; OIP's guidance says")
    assert warned(reply, "reopened in its place in the queue")
    assert derive_status(events) == "Processing"


def test_a_fee_estimate_with_a_reply_by_date_not_on_hold():
    """Received Mon 2026-03-02: 20 WD -> Mon Mar 30 (Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19),
    30). A fee estimate Mon Mar 16 asks for an answer by Wed Apr 15 and does not say the request
    is on hold: the statutory date stays Mar 30 and the requester owes the answer. Were it a hold
    (as some agency rules say), Mar 3-16 = 10 WD used; answered and received Thu Mar 26: Mar 27 (1),
    Mar 30-Apr 3 (6), Apr 6-9 (10) -> Thu Apr 9, shown beside it."""
    events = filed("2026-03-02") + [ev("fee_estimate", "2026-03-16", 2, named_date=D("2026-04-15"))]
    c = engines(events, today=D("2026-03-17"))
    assert c["response"].due == D("2026-03-30")
    assert agenda(events, today=D("2026-03-17")) == [
        ("Accept or narrow the fee estimate by", D("2026-04-15")),
        ("Response due", D("2026-03-30")),
    ]
    answered = events + [ev("fee_estimate_answered", "2026-03-25", 3, agency_received_on=D("2026-03-26"))]
    assert engines(answered)["response"].hold_alternative == D("2026-04-09")


def test_an_interim_release_then_the_final_answer():
    """Received Mon 2026-02-02: Feb 3-6 (4), 9-13 (9), Mon Feb 16 holiday, 17-20 (13), 23-27 (18),
    Mar 2, 3 (20) -> Tue Mar 3. Notice Fri Feb 20 naming Mon Mar 16: Mar 4-6 (3), 9-13 (8), 16 (9),
    within 10 -> due Mar 16. An interim release Tue Mar 10 (estimate Apr 30) is not the answer;
    the final partial grant Tue Apr 28 is, and late: exhaustion from Tue Mar 17 (answered late).
    Its window: Apr 28 + 2 = Apr 30, + 31 = May 31 (33), + 30 = Jun 30 (63), + 27 = Mon Jul 27."""
    events = filed("2026-02-02") + [
        ev("extension_notice", "2026-02-20", 2, named_date=D("2026-03-16")),
        ev("interim_release", "2026-03-10", 3, named_date=D("2026-04-30")),
    ]
    c = engines(events, today=D("2026-03-11"))
    assert c["response"].due == D("2026-03-16") and c["estimate"].due == D("2026-04-30")
    final = events + [ev("determination", "2026-04-28", 4, outcome="partial")]
    c = engines(final, today=D("2026-04-29"))
    assert c["exhaustion"].state(D("2026-04-29")) == "answered late"
    assert agenda(final, today=D("2026-04-29")) == [("Appeal the partial denial by", D("2026-07-27"))]
    # logged out of order (the notice entered last, the release first): the same dates
    shuffled = [events[0], ev("determination", "2026-04-28", 2, outcome="partial")]
    shuffled += [ev("interim_release", "2026-03-10", 3, named_date=D("2026-04-30"))]
    shuffled += [ev("extension_notice", "2026-02-20", 9, named_date=D("2026-03-16"))]
    c = engines(shuffled, today=D("2026-04-29"))
    assert (c["response"].due, c["appeal_window:partial"].due) == (D("2026-03-16"), D("2026-07-27"))


# -- withdrawal ------------------------------------------------------------------------------------------


def test_a_request_withdrawn_before_its_deadline_is_moot():
    """Received Mon 2026-02-02, due Tue Mar 3 (above); withdrawn Tue Feb 10: nothing was owed
    after that, and the agency met nothing."""
    events = filed("2026-02-02") + [ev("withdrawn", "2026-02-10", 2)]
    c = engines(events)
    assert c["response"].due == D("2026-03-03") and c["response"].state(D("2026-02-11")) == "moot"
    assert "exhaustion" not in c and derive_status(events) == "Withdrawn"


def test_a_request_withdrawn_after_its_deadline_is_not_an_agency_answer():
    """Due Tue 2026-03-03 and missed; withdrawn Fri Mar 20. The agency did miss its deadline
    (exhaustion from Wed Mar 4), but the withdrawal is not its answer: no Oglesby appeal path, no
    "answered late", and the export says moot."""
    events = filed("2026-02-02") + [ev("withdrawn", "2026-03-20", 2)]
    c = engines(events)
    assert c["response"].state(D("2026-03-21")) == "missed"
    milestone = c["exhaustion"]
    assert milestone.due == D("2026-03-04") and milestone.state(D("2026-03-21")) == "moot"
    trace = milestone.explain()
    assert "Withdrawn on 2026-03-20, without an answer from the agency" in trace
    assert "Oglesby" not in trace and "answered late" not in trace


# -- holidays across year ends and past the table --------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Wed 2026-12-23: Thu Dec 24 (1), Fri Dec 25 Christmas, Dec 28-31 (5), Fri Jan 1, Jan 4-8
        # (10), 11-15 (15), Mon Jan 18 MLK Day, 19-22 (19), Mon Jan 25 (20).
        ("2026-12-23", "2027-01-25"),
        # Tue 2027-06-08: Jun 9-11 (3), 14-17 (7), Fri Jun 18 (Juneteenth, a Saturday, observed),
        # 21-25 (12), Jun 28-Jul 2 (17), Mon Jul 5 (July 4, a Sunday, observed), 6, 7, 8 (20).
        ("2027-06-08", "2027-07-08"),
        # Mon 2027-12-20: Dec 21-23 (3), Fri Dec 24 (Christmas observed), 27-30 (7), Fri Dec 31
        # (New Year's Day 2028, a Saturday, observed in 2027), Jan 3-7 (12), 10-14 (17), Mon Jan 17
        # MLK Day, 18, 19, 20 (20).
        ("2027-12-20", "2028-01-20"),
        # Thu 2028-06-15: Jun 16 (1), Mon Jun 19 Juneteenth, 20-23 (5), 26-30 (10), Jul 3 (11), Tue
        # Jul 4, 5-7 (14), 10-14 (19), Mon Jul 17 (20).
        ("2028-06-15", "2028-07-17"),
        # Thu 2028-11-02: Nov 3 (1), 6-9 (5), Fri Nov 10 (Veterans Day, a Saturday, observed),
        # 13-17 (10), 20-22 (13), Thu Nov 23 Thanksgiving, 24 (14), Nov 27-Dec 1 (19), Mon Dec 4 (20).
        ("2028-11-02", "2028-12-04"),
    ],
)
def test_year_ends_and_observed_holidays_beyond_the_opm_table(received, due):
    c = engines(filed(received))
    assert c["response"].due == D(due)
    assert not c["response"].disputed


def test_inauguration_day_is_disputed_where_it_is_a_weekday():
    """Jan 20, 2033 is a Thursday: a legal public holiday only for federal employees in the D.C.
    area (5 U.S.C. 6103(c)), so whether FOIA skips it is unsettled. Received Mon 2033-01-10:
    Jan 11-14 (4), Mon Jan 17 MLK Day, 18-21 (8, Jan 20 counted), 24-28 (13), Jan 31-Feb 4 (18),
    Feb 7, 8 (20) -> Tue 2033-02-08; skipping Jan 20 gives Wed Feb 9. The trace names the day,
    its cite and the other date; with the closure setting on, the engines give Feb 9."""
    events = filed("2033-01-10")
    response = engines(events)["response"]
    assert response.due == D("2033-02-08") and response.alternative == D("2033-02-09")
    trace = response.explain()
    assert "2033-01-20 Inauguration Day" in trace and "5 U.S.C. 6103(c)" in trace
    skipping = calendar(skip_closures=True)
    assert compute_clocks(events, skipping)[0].due == D("2033-02-09")
    result = batch.compute(batch.extract([events], skipping, [appeal_rule("X")]), skipping)
    assert date.fromordinal(int(result["response"][0])) == D("2033-02-09")


def test_inauguration_day_on_a_saturday_or_on_mlk_day_changes_nothing():
    """2029: Jan 20 is a Saturday and 6103(c) gives no day in lieu. Received Wed 2029-01-10:
    Jan 11, 12 (2), Mon Jan 15 MLK Day, 16-19 (6, Fri Jan 19 counted), 22-26 (11), Jan 29-Feb 2
    (16), Feb 5-8 (20) -> Thu 2029-02-08, nothing disputed. 2025: Jan 20 was MLK Day, a holiday
    everywhere anyway."""
    response = engines(filed("2029-01-10"))["response"]
    assert response.due == D("2029-02-08") and not response.disputed and response.alternative is None
    assert CAL.is_working_day(D("2029-01-19"))
    assert not calendar(skip_closures=True).is_working_day(D("2037-01-20"))  # a Tuesday
    assert not CAL.closures_between(D("2025-01-19"), D("2025-01-21"))


def test_the_next_deadline_of_a_mixed_history_is_the_earliest_owed():
    """The expedite history (above) on Tue 2026-06-02: owed are the response (Jun 2, agency) and the
    appeal decision (Jun 30, agency); the expedite window was met by the appeal. Next: the response."""
    per = engines(EXPEDITE, today=D("2026-06-02"))
    nxt = next_deadline(list(per.values()), D("2026-06-02"))
    assert (nxt.key, nxt.owed_by) == ("response", "agency")
    assert agenda(EXPEDITE, today=D("2026-06-02")) == [
        ("Appeal decision due", D("2026-06-30")),
        ("Response due", D("2026-06-02")),
    ]


def test_an_expedite_request_received_on_a_saturday_shows_both_counts():
    """Expedition asked by email and received Sat 2026-03-07. Deemed received Mon Mar 9 (the safe
    date to sue on): + 10 calendar days = Thu 2026-03-19. Counted from the Saturday itself, as
    "10 days after the date of the request" also reads: Tue Mar 17. With calendar days the two
    differ by two days, not one, so the trace gives the earlier date itself."""
    events = filed("2026-03-02") + [
        ev("expedite_requested", "2026-03-07", 2, agency_received_on=D("2026-03-07"))
    ]
    expedite = engines(events)["expedite"]
    assert expedite.due == D("2026-03-19")
    assert "Counted from the day off itself (2026-03-07) instead: 2026-03-17" in expedite.explain()


def test_a_withdrawn_request_offers_no_follow_up_and_exports_as_moot():
    """The request withdrawn after its missed deadline (above): no complaint outline, no OGIS
    letter, no status inquiry is offered for any of its clocks, and the export says moot with
    the reason, not "not yet reached" or "answered late"."""
    from foiadesk.core.export.bundle import clock_lines
    from foiadesk.core.letters.next_steps import next_steps

    c = engines(filed("2026-02-02") + [ev("withdrawn", "2026-03-20", 2)])
    assert next_steps(c["exhaustion"], D("2026-03-21")) == []
    short, headline = clock_lines(c["exhaustion"], D("2026-03-21"))
    assert short == "constructive exhaustion from 2026-03-04 (moot)"
    assert headline.endswith(
        "moot; Withdrawn on 2026-03-20, without an answer from the agency: nothing is owed on the request now"
    )


@pytest.mark.parametrize("notice_id", [2, 9])
def test_a_notice_and_a_question_on_the_same_day_in_either_order(notice_id):
    """Received Mon 2026-08-03; due Mon Aug 31 (AUGUST). On Mon Aug 10 the agency sends both an
    extension notice naming Mon Sep 14 and a request for information; the answer arrives Mon Aug
    17. The notice adds Aug 31 -> Sep 14: Sep 1-4 (4), Mon Sep 7 Labor Day, 8-11 (8), 14 (9) = 9 WD.
    The question stops the clock after Aug 4-7, 10 (5 used): 20 + 9 - 5 = 24 left from Aug 17:
    Aug 18-21 (4), 24-28 (9), Aug 31-Sep 4 (14), Sep 8-11 (18), 14-18 (23), Mon Sep 21 (24). The
    order in which the two letters were logged must not matter."""
    events = AUGUST + [
        ev("extension_notice", "2026-08-10", notice_id, named_date=D("2026-09-14")),
        ev("info_requested", "2026-08-10", 5),
        ev("info_answered", "2026-08-17", 10, agency_received_on=D("2026-08-17")),
    ]
    c = engines(events)
    assert (c["response"].due, c["exhaustion"].due) == (D("2026-09-21"), D("2026-09-22"))


# -- administrative closures ---------------------------------------------------------------------


def test_a_closure_after_an_unanswered_still_interested_letter_opens_an_appeal_window_at_ice():
    """Filed and received Tue 2026-09-01: 20 WD (Labor Day Sep 7 skipped) -> Wed 2026-09-30.
    ICE asks on Thu Oct 1 whether the requester is still interested, reply by Fri Nov 13, and
    closes the request Mon Nov 16 for want of a reply. The response clock stops there, past its
    due date (missed, then moot). The closure is appealed as other adverse determinations are:
    DHS allows 90 working days (6 CFR 5.8(a)(1)). From Nov 16: Nov 17-20 (4), 23-25 (7; Nov 26
    Thanksgiving), 27 (8), Nov 30-Dec 4 (13), 7-11 (18), 14-18 (23), 21-24 (27; Dec 25), 28-31
    (31; Jan 1), Jan 4-8 (36), 11-15 (41), 19-22 (45; Jan 18 MLK), 25-29 (50), Feb 1-5 (55),
    8-12 (60), 16-19 (64; Feb 15), 22-26 (69), Mar 1-5 (74), 8-12 (79), 15-19 (84), 22-26 (89),
    Mon Mar 29 (90) -> 2027-03-29."""
    events = filed("2026-09-01") + [
        ev("still_interested", "2026-10-01", 2, named_date=D("2026-11-13")),
        ev("admin_closed", "2026-11-16", 3, outcome="no_still_interested_reply"),
    ]
    per = engines(events, "ICE")
    response = per["response"]
    assert response.due == D("2026-09-30") and response.done_on == D("2026-11-16")
    assert response.moot and response.state(TODAY) == "missed"
    assert "no reply to a still-interested letter" in response.explain()
    window = per["appeal_window:admin_closure"]
    assert window.due == D("2027-03-29") and window.unit == "working" and window.is_open
    assert window.cite == "6 CFR 5.8(a)(1)" and window.owed_by == "requester"
    trace = window.explain()
    assert "28 CFR 16.8(a)" in trace and "6 CFR 5.8(a)(1)" in trace and "[U]" in trace
    assert "item 8" in trace  # OIP's checklist: a late reply within a reasonable time reopens it
    assert per["reply:still_interested:0"].moot  # the closure overtook the reply
    assert derive_status(events) == "Closed by agency"
    assert agenda(events, "ICE") == [("Appeal the administrative closure by", D("2027-03-29"))]


def test_a_closure_for_unpaid_fees_leaves_the_earlier_fee_waiver_denial_appealable():
    """DOJ-OLC (90 calendar days, 28 CFR 16.8(a)). Waiver denied Thu 2026-10-15: +90 days ->
    Oct 31 (16), Nov 30 (46), Dec 31 (77), Wed 2027-01-13 (90). Closed Mon 2026-11-16 because
    the fees were not agreed: Nov 30 (14), Dec 31 (45), Jan 31 (76), Sun 2027-02-14 (90): a
    Sunday, which the rule does not move, so the trace says to send it before."""
    events = filed("2026-09-01") + [
        ev("fee_waiver_requested", "2026-09-01", 2),
        ev("fee_decision", "2026-10-15", 3, outcome="waiver_denied"),
        ev("admin_closed", "2026-11-16", 4, outcome="fee_unanswered"),
    ]
    per = engines(events, "DOJ-OLC")
    assert per["appeal_window:fee_waiver"].due == D("2027-01-13")
    assert per["appeal_window:fee_waiver"].is_open
    closure = per["appeal_window:admin_closure"]
    assert closure.due == D("2027-02-14") and closure.unit == "calendar"
    assert warned(closure, "2027-02-14 is a Sunday")
    assert derive_status(events) == "Closed by agency"


def test_a_closure_for_an_unanswered_clarification_that_the_agency_reopens_keeps_the_toll():
    """Received Mon 2026-11-02. Information asked Thu Nov 5: Nov 3, 4, 5 = 3 WD used, 17 left
    ((A)(ii)(I) tolls). The agency closes it Mon Nov 30 (no answer); the requester's answer
    reaches it Tue Dec 1 and it reopens the request Thu Dec 3. The statute tolls until the
    agency receives the answer and knows no other pause or restart, so Dec 1 is day 0 again:
    Dec 2-4 (3), 7-11 (8), 14-18 (13), 21-24 (17) -> Thu 2026-12-24. Had the agency counted a new
    20 WD from the reopening: Dec 4 (1), 7-11 (6), 14-18 (11), 21-24 (15), 28-31 (19; Jan 1
    holiday), Mon Jan 4 (20) -> 2027-01-04, which the trace gives only as a warning."""
    events = filed("2026-11-02") + [
        ev("info_requested", "2026-11-05", 2, named_date=D("2026-11-20")),
        ev("admin_closed", "2026-11-30", 3, outcome="clarification_unanswered"),
        ev("info_answered", "2026-12-01", 4, agency_received_on=D("2026-12-01")),
        ev("reopened", "2026-12-03", 5),
    ]
    per = engines(events)
    response = per["response"]
    assert response.due == D("2026-12-24") and response.is_open and not response.moot
    assert "552(a)(6)(A)(ii)(I)-(II)" in response.explain()
    assert warned(response, "2027-01-04")
    window = per["appeal_window:admin_closure"]
    assert window.moot and window.done_on == D("2026-12-03")  # nothing left to appeal
    assert derive_status(events) == "Processing"
    assert agenda(events) == [("Response due", D("2026-12-24"))]


def test_a_request_reopened_after_a_still_interested_closure_keeps_its_original_due_date():
    """Received Tue 2026-09-01, due Wed 2026-09-30 (above). Closed Mon Nov 16, the requester
    answers Wed Nov 18 and the agency reopens it Fri Nov 20 "where it would have been" (OIP's
    checklist, item 8). A still-interested letter tolls nothing, so the response is still owed
    from Sep 30: overdue, and constructive exhaustion from Thu 2026-10-01 stands."""
    events = filed("2026-09-01") + [
        ev("still_interested", "2026-10-01", 2, named_date=D("2026-11-13")),
        ev("admin_closed", "2026-11-16", 3, outcome="no_still_interested_reply"),
        ev("still_interested_answered", "2026-11-18", 4, agency_received_on=D("2026-11-18")),
        ev("reopened", "2026-11-20", 5),
    ]
    per = engines(events, "ICE")
    response = per["response"]
    assert response.due == D("2026-09-30") and response.state(TODAY) == "overdue"
    assert per["exhaustion"].due == D("2026-10-01") and not per["exhaustion"].moot
    assert per["appeal_window:admin_closure"].moot
    assert derive_status(events) == "Processing"


def test_an_appeal_of_the_closure_meets_its_window_and_starts_the_appeal_decision_clock():
    """Closed Mon 2026-11-16; the appeal of the closure reaches OIP Tue Dec 1: 20 WD -> Dec 2-4
    (3), 7-11 (8), 14-18 (13), 21-24 (17; Dec 25), 28-30 (20) -> Wed 2026-12-30."""
    events = filed("2026-09-01") + [
        ev("admin_closed", "2026-11-16", 2, outcome="duplicate"),
        ev("appeal_filed", "2026-12-01", 3, outcome="admin_closure", agency_received_on=D("2026-12-01")),
    ]
    per = engines(events, "DOJ-OLC")
    assert per["appeal_window:admin_closure"].done_on == D("2026-12-01")
    assert per["appeal_window:admin_closure"].state(TODAY) == "met"
    assert per["appeal_decision"].due == D("2026-12-30")
    assert derive_status(events) == "Appeal pending"
