"""Request histories that combine what the earlier histories test one at a time: two tolls of
different kinds answered on days off, two extension notices, a late notice after a toll, a
misrouted request on the Friday before Labor Day, the IRS's own count of the expedite decision,
appeal windows at three agencies across holidays, and a toll answered on a disputed closure day
under both settings. Each is worked out by hand from the statute, the agency's rule and OPM's
calendar (/work/shared/opm-holidays-2024-2027.csv; 2028 from 5 U.S.C. 6103 and E.O. 11582),
logged through the core calls the CLI and the window use (``log.record_event``, then
``tracker.view_request``), and held to the batch engine and the list (``engines``).

Holidays: 2025: Thu Dec 25 (and the executive-order closures Wed Dec 24 and Fri Dec 26, which are
not legal public holidays). 2026: Jan 1, Jan 19, Feb 16, May 25, Fri Jun 19, Fri Jul 3 (July 4
observed), Sep 7, Oct 12, Wed Nov 11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1, Jan 18, Feb 15,
Thu Nov 11, Thu Nov 25, Fri Dec 24 (Christmas observed), Fri Dec 31 (New Year's Day 2028
observed). 2028: Jan 17, Feb 21. The day of receipt is day 0; "(n)" is a running count of
working days.
"""

from datetime import date

from test_deadline_histories import engines
from test_deadline_paths import D, ev, filed

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import CITE_EXPEDITE_READING, compute_clocks
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import events_for
from foiadesk.core.tracking.tracker import appeal_rule, view_request


def logged(tmp_path, abbr, events, *, skip_closures=False):
    """Log ``events`` at ``abbr`` one by one, each on its own day, as a user would, and return
    the request's clocks as the window shows them, after checking that the batch engine and the
    list give the same dates for the logged events."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = connect(tmp_path / "log.sqlite3")
    rid = log.add_directory_request(db, load_directory().component(abbr), title="Records").new_id
    for e in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        fields = {k: getattr(e, k) for k in ("agency_received_on", "named_date", "outcome")}
        log.record_event(db, rid, log.NewEvent(e.type, e.occurred_on, **fields), today=e.occurred_on)
    cal = calendar(skip_closures=skip_closures)
    view = view_request(db, rid, cal=cal)
    if not skip_closures:
        engines(events_for(db, rid), abbr)
    return {c.key: c for c in view.clocks}


def warned(clock, text):
    return any(text in w for w in clock.warnings)


# -- two tolls of two kinds, answered on a Saturday and on a holiday ------------------------------

TWO_TOLLS = filed("2026-06-16") + [
    ev("info_requested", "2026-06-22", 2),
    ev("info_answered", "2026-06-26", 3, agency_received_on=D("2026-06-27")),
    ev("fee_clarification_requested", "2026-07-02", 4),
    ev("fee_clarification_answered", "2026-07-02", 5, agency_received_on=D("2026-07-03")),
    ev("info_requested", "2026-07-13", 6),
    ev("info_answered", "2026-07-16", 7, agency_received_on=D("2026-07-16")),
]


def test_an_information_toll_then_a_fee_toll_then_a_second_information_request(tmp_path):
    """ICE, received Tue 2026-06-16. Information asked Mon Jun 22: Jun 17, 18 (2), Fri Jun 19
    Juneteenth, Jun 22 (3): 17 left (552(a)(6)(A)(ii)(I)). Answer received Sat Jun 27: deemed
    Mon Jun 29, day 0 again. Fee clarification Thu Jul 2: Jun 30, Jul 1, 2 (3): 14 left
    ((ii)(II), any number of times). Answered the same day by email, received by the agency Fri
    Jul 3, Independence Day observed (July 4 is a Saturday): deemed Mon Jul 6, day 0 again.
    14 WD: Jul 7-10 (4), 13-17 (9), 20-24 (14) -> Fri 2026-07-24. A second request for
    information Mon Jul 13 does not toll ((ii)(I) allows one): the date stays Jul 24."""
    response = logged(tmp_path, "ICE", TWO_TOLLS)["response"]
    assert response.due == D("2026-07-24")
    trace = response.explain()
    assert "2026-06-22, the day the agency sent its request for information: 3 working days, 17 left" in trace
    assert "2026-06-19 Juneteenth National Independence Day" in trace
    assert "2026-06-27, a day off (Saturday): deemed received the next working day, 2026-06-29" in trace
    assert (
        "2026-07-02, the day the agency sent its fee clarification request: 3 working days, 14 left" in trace
    )
    assert (
        "2026-07-03, a day off (Independence Day (observed)): deemed received the next working day" in trace
    )
    assert "Paused (5 U.S.C. 552(a)(6)(A)(ii)(II))" in trace
    assert "Counted 14 working days after 2026-07-06: due 2026-07-24" in trace
    assert warned(response, "2026-07-13: a second request for information does not toll")


# -- unusual circumstances ------------------------------------------------------------------------


def test_two_extension_notices_add_ten_working_days_in_all(tmp_path):
    """ICE, received Mon 2026-08-03: Aug 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), 31 (20) ->
    Mon Aug 31. A notice Wed Aug 12 names Fri Sep 4: Sep 1-4 = +4 (552(a)(6)(B)(i)). A second
    notice Thu Sep 3 (before Sep 4, so timely) names Fri Sep 18: Sep 8-11 (4, Mon Sep 7 Labor
    Day), 14-18 (9), but only 6 of the 10 are left: Sep 8-11 (4), 14, 15 (6) -> Tue 2026-09-15,
    and the agency must offer to narrow or agree another timeframe ((B)(ii)). The requester
    agreeing to Sep 18 in a phone call (a note) does not move the statutory date. Exhaustion from
    Wed Sep 16; (viii)(II)(aa)'s later reading: Sep 16-18 (3), 21-25 (8), 28, 29 (10) -> fees
    barred from Wed Sep 30."""
    events = filed("2026-08-03") + [
        ev("extension_notice", "2026-08-12", 2, named_date=D("2026-09-04")),
        ev("extension_notice", "2026-09-03", 3, named_date=D("2026-09-18")),
        ev("note", "2026-09-04", 4),
    ]
    c = logged(tmp_path, "ICE", events)
    response = c["response"]
    assert response.due == D("2026-09-15") and response.extended_days == 10
    trace = response.explain()
    assert "notice of 2026-08-12 naming 2026-09-04: +4 working days" in trace
    assert "notice of 2026-09-03 naming 2026-09-18: +6 working days" in trace
    assert "2026-09-07 Labor Day" in trace
    assert warned(response, "more than the 6 working days an extension may add to 2026-09-04")
    assert warned(response, "(5 U.S.C. 552(a)(6)(B)(ii)). The statutory date stays 2026-09-15")
    exhaustion = c["exhaustion"]
    assert exhaustion.due == D("2026-09-16")
    assert "barred from 2026-09-30" in exhaustion.explain()


def test_a_notice_after_a_tolled_deadline_extends_nothing(tmp_path):
    """EOUSA (DOJ), received Mon 2026-06-01. Information asked Mon Jun 8: Jun 2-5 (4), 8 (5): 15
    left; answer received Wed Jun 17, day 0 again. 15 WD: Jun 18 (1), Fri Jun 19 Juneteenth, 22-26
    (6), Jun 29-Jul 2 (10), Fri Jul 3 holiday, Jul 6-10 (15) -> Fri 2026-07-10 (untolled it would
    have been Tue Jun 30). A notice Mon Jul 13 came after the tolled date had run: it extends
    nothing, and exhaustion runs from Sat Jul 11. Sent Thu Jul 9 instead, it would add 10: Jul
    13-17 (5), 20-24 (10) -> Fri Jul 24."""
    base = filed("2026-06-01") + [
        ev("info_requested", "2026-06-08", 2),
        ev("info_answered", "2026-06-16", 3, agency_received_on=D("2026-06-17")),
    ]
    late = logged(tmp_path, "EOUSA", base + [ev("extension_notice", "2026-07-13", 4)])
    assert late["response"].due == D("2026-07-10") and late["response"].extended_days == 0
    assert warned(late["response"], "2026-07-13: extension notice sent after the due date 2026-07-10")
    assert late["exhaustion"].due == D("2026-07-11")
    timely = engines(base + [ev("extension_notice", "2026-07-09", 4)], "EOUSA")
    assert timely["response"].due == D("2026-07-24")


# -- routing ----------------------------------------------------------------------------------------


def test_a_request_misrouted_on_the_friday_before_labor_day(tmp_path):
    """ICE's wrong office received it Fri 2026-09-04. The cap, 10 working days (552(a)(6)(A)(ii)
    flush text, read as working days as DOJ OIP does): Mon Sep 7 Labor Day, Sep 8-11 (4), 14-18
    (9), 21 (10) -> Mon Sep 21 (as calendar days: Mon Sep 14). Routed Fri Sep 18; the proper
    component received it Wed Sep 23, after the cap, so the clock starts Sep 21: Sep 22-25 (4),
    Sep 28-Oct 2 (9), 5-9 (14), Mon Oct 12 Columbus Day, 13-16 (18), 19, 20 (20) -> Tue
    2026-10-20. The trace names Labor Day among the days the cap skips."""
    events = filed("2026-09-04") + [ev("routed", "2026-09-18", 2, agency_received_on=D("2026-09-23"))]
    response = logged(tmp_path, "ICE", events)["response"]
    assert response.start == D("2026-09-21") and response.due == D("2026-10-20")
    lines = response.explain().splitlines()
    cap = next(i for i, line in enumerate(lines) if "Routing cap" in line)
    assert "is 2026-09-21" in lines[cap] and "the cap would be 2026-09-14" in lines[cap]
    assert "      not counted: 2026-09-07 Labor Day" in lines[cap + 1 : cap + 4]
    assert "after the cap: the clock starts 2026-09-21" in response.explain()
    assert "2026-10-12 Columbus Day" in response.explain()
    assert response.counted == 20  # the cap's days are listed, not counted as the response's


# -- the expedite decision: the IRS counts from the date of the request ----------------------------


def test_the_irs_decides_expedition_ten_days_from_the_date_of_the_request(tmp_path):
    """26 CFR 601.702(c)(6)(iv) [V]: "within ten days of the date of the request, provided that
    in no event shall the IRS have less than five days (excluding Saturdays, Sundays, and legal
    public holidays)" (the five read as counted from the IRS's receipt [P]). A request asking for
    expedition, dated and mailed Mon 2026-11-23, received Mon Nov 30. Ten days from its date: Thu
    Dec 3; five working days after receipt: Dec 1-4 (4), 7 (5) -> Mon Dec 7; the later: Mon
    2026-12-07. DOJ's rule counts ten calendar days from receipt (28 CFR 16.5(e)(4)): Thu Dec 10,
    which is what FoiaDesk gave the IRS too."""
    events = filed("2026-11-23", "2026-11-30") + [ev("expedite_requested", "2026-11-23", 2)]
    irs = logged(tmp_path, "IRS", events)["expedite"]
    assert irs.due == D("2026-12-07")
    assert irs.cite == "5 U.S.C. 552(a)(6)(E)(ii)(I); 26 CFR 601.702(c)(6)(iv)"
    trace = irs.explain()
    assert "10 calendar days after the date of the request (2026-11-23): 2026-12-03" in trace
    assert "At least 5 working days after receipt" in trace and ": 2026-12-07" in trace
    assert "The later of the two: 2026-12-07" in trace
    doj = engines(events, "EOUSA")["expedite"]
    assert doj.due == D("2026-12-10") and doj.cite.endswith("28 CFR 16.5(e)(4)")


def test_an_irs_expedite_request_received_on_a_saturday_before_mlk_day(tmp_path):
    """Dated Fri 2027-01-15 and sent through the portal, which logged its receipt Sat Jan 16.
    Deemed received Tue Jan 19 (Mon Jan 18 is MLK Day). IRS: ten days from Jan 15 -> Mon Jan 25;
    five working days after Jan 19: Jan 20-22 (3), 25, 26 (5) -> Tue Jan 26; the later: Tue
    2027-01-26. Counted from the Saturday itself: Jan 19-22 (4), 25 (5) -> Mon Jan 25, which the
    trace gives too. Denied Fri Jan 22 and appealed: the IRS's window is the statute's 90 days
    [P] (older IRS guidance said 35, which the 2016 Act overrides): Jan 22 + 9 = Jan 31, + 28 =
    Feb 28 (37), + 31 = Mar 31 (68), + 22 = Thu 2027-04-22. The appeal, received Mon Feb 1, is
    decided expeditiously, 20 WD at most: Feb 2-5 (4), 8-12 (9), Mon Feb 15 Washington's Birthday,
    16-19 (13), 22-26 (18), Mar 1, 2 (20) -> Tue 2027-03-02."""
    events = [
        ev("filed", "2027-01-15", 1),
        ev("received", "2027-01-16", 2, agency_received_on=D("2027-01-16")),
        ev("expedite_requested", "2027-01-15", 3),
        ev("expedite_decided", "2027-01-22", 4, outcome="denied"),
        ev("appeal_filed", "2027-01-28", 5, agency_received_on=D("2027-02-01"), outcome="expedite"),
    ]
    c = logged(tmp_path, "IRS", events)
    expedite = c["expedite"]
    assert expedite.due == D("2027-01-26") and expedite.state(D("2027-01-27")) == "met"
    trace = expedite.explain()
    assert "a day off (Saturday): deemed received the next working day, 2027-01-19" in trace
    assert "Counted from the day off itself (2027-01-16) instead: 2027-01-25" in trace
    window = c["appeal_window:expedite"]
    assert (window.due, window.unit, window.cite) == (
        D("2027-04-22"),
        "calendar",
        "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)",
    )
    assert "[P]" in window.rule
    decision = c["appeal_decision"]
    assert decision.due == D("2027-03-02") and warned(decision, "decided expeditiously")
    # The same history at DOJ: ten calendar days from the deemed receipt, Fri Jan 29, and from
    # the Saturday, Tue Jan 26.
    doj = engines(events, "EOUSA")["expedite"]
    assert doj.due == D("2027-01-29") and CITE_EXPEDITE_READING not in doj.cite
    assert "Counted from the day off itself (2027-01-16) instead: 2027-01-26" in doj.explain()


# -- appeal windows: three agencies, from the date of the letter ---------------------------------


def test_a_doj_window_ending_on_thanksgiving(tmp_path):
    """EOUSA, partial grant in a letter dated Fri 2026-08-28. 28 CFR 16.8(a) [V]: postmarked or
    sent within 90 calendar days "after the date of the response", the letter's date, not the
    day it reached the requester: Aug 28 + 3 = Aug 31, + 30 = Sep 30 (33), + 31 = Oct 31 (64),
    + 26 = Thu Nov 26 (90), Thanksgiving. The rule does not roll forward: send it by Wed Nov 25."""
    events = filed("2026-06-01") + [ev("determination", "2026-08-28", 2, outcome="partial")]
    window = logged(tmp_path, "EOUSA", events)["appeal_window:partial"]
    assert (window.due, window.cite) == (D("2026-11-26"), "28 CFR 16.8(a)")
    assert "dated 2026-08-28" in window.explain() and "[V]" in window.rule
    assert warned(window, "2026-11-26 is Thanksgiving Day, a day federal offices are closed")


def test_a_dhs_window_of_ninety_working_days_across_two_observed_fridays(tmp_path):
    """CBP denial dated Mon 2027-11-01. 6 CFR 5.8(a)(1) [V]: 90 working days: Nov 2-5 (4), 8-10
    (7), Thu Nov 11 Veterans Day, 12 (8), 15-19 (13), 22-24 (16), Thu Nov 25 Thanksgiving, 26
    (17), Nov 29-Dec 3 (22), 6-10 (27), 13-17 (32), 20-23 (36), Fri Dec 24 (Christmas, a
    Saturday, observed), 27-30 (40), Fri Dec 31 (New Year's Day 2028, a Saturday, observed),
    Jan 3-7 (45), 10-14 (50), Mon Jan 17 MLK Day, 18-21 (54), 24-28 (59), Jan 31-Feb 4 (64), 7-11
    (69), 14-18 (74), Mon Feb 21 Washington's Birthday, 22-25 (78), Feb 28-Mar 3 (83, 2028 is a
    leap year), Mar 6-10 (88), 13, 14 (90) -> Tue 2028-03-14. The IRS's 90 calendar days from the
    same letter: Nov 1 + 29 = Nov 30, + 31 = Dec 31 (60), + 30 = Sun 2028-01-30 (90)."""
    events = filed("2027-09-01") + [ev("determination", "2027-11-01", 2, outcome="denial")]
    window = logged(tmp_path, "CBP", events)["appeal_window:denial"]
    assert (window.due, window.unit, window.cite) == (D("2028-03-14"), "working", "6 CFR 5.8(a)(1)")
    trace = window.explain()
    for day in ("2027-12-24 Christmas Day (observed)", "2027-12-31 New Year's Day (observed)"):
        assert day in trace
    irs = engines(events, "IRS")["appeal_window:denial"]
    assert irs.due == D("2028-01-30") and warned(irs, "2028-01-30 is a Sunday")


# -- a toll answered on a disputed closure day ------------------------------------------------------


def test_an_answer_received_on_the_christmas_eve_closure_under_both_settings(tmp_path):
    """ICE, received Mon 2025-12-15. Information asked Thu Dec 18: Dec 16-18 (3): 17 left. The
    answer reached the agency Wed Dec 24, 2025, closed by executive order but not a legal public
    holiday. Counting closures (the default): day 0 again Dec 24; Thu Dec 25 Christmas, Dec 26
    (1), 29-31 (4), Thu Jan 1, Jan 2 (5), 5-9 (10), 12-16 (15), Mon Jan 19 MLK Day, 20, 21 (17) ->
    Wed 2026-01-21. Skipping them: deemed received Mon Dec 29 (Dec 25 holiday, Dec 26 closed, the
    weekend); Dec 30, 31 (2), Jan 2 (3), 5-9 (8), 12-16 (13), 20-23 (17) -> Fri 2026-01-23. Each
    setting's trace names the closure and gives the other date."""
    events = filed("2025-12-15") + [
        ev("info_requested", "2025-12-18", 2),
        ev("info_answered", "2025-12-23", 3, agency_received_on=D("2025-12-24")),
    ]
    counted = logged(tmp_path / "a", "ICE", events)["response"]
    assert (counted.due, counted.alternative) == (D("2026-01-21"), D("2026-01-23"))
    assert "2025-12-24 Christmas Eve closure" in counted.explain()
    skipped = logged(tmp_path / "b", "ICE", events, skip_closures=True)["response"]
    assert (skipped.due, skipped.alternative) == (D("2026-01-23"), D("2026-01-21"))
    assert "a day off (Christmas Eve closure" in skipped.explain()
    assert "If disputed closure days were counted: 2026-01-21" in skipped.explain()


def test_a_request_and_its_expedite_ask_received_on_the_christmas_eve_closure():
    """EOUSA, both received Wed 2025-12-24, closed by executive order. Counting closures: 20 WD
    from Dec 24: Thu Dec 25 Christmas, Dec 26 (1), 29-31 (4), Thu Jan 1, Jan 2 (5), 5-9 (10),
    12-16 (15), Mon Jan 19 MLK Day, 20-23 (19), 26 (20) -> Mon 2026-01-26; the expedite decision
    10 calendar days after receipt (28 CFR 16.5(e)(4)): Sat 2026-01-03. Skipping closures, both
    were received Mon Dec 29 (Dec 25 holiday, Dec 26 closed, the weekend): Dec 30, 31 (2), Jan 2
    (3), 5-9 (8), 12-16 (13), 20-23 (17), 26-28 (20) -> Wed 2026-01-28; expedite Thu 2026-01-08.
    Each trace names Dec 24, the closure that moved the start, beside Dec 26, and the expedite
    clock, counted in calendar days, gives the other setting's date as well."""
    events = filed("2025-12-24") + [ev("expedite_requested", "2025-12-24", 2)]
    c = engines(events, "EOUSA")
    response, expedite = c["response"], c["expedite"]
    assert (response.due, response.alternative) == (D("2026-01-26"), D("2026-01-28"))
    assert [d.day for d in response.disputed] == [D("2025-12-24"), D("2025-12-26")]
    assert (expedite.due, expedite.alternative) == (D("2026-01-03"), D("2026-01-08"))
    assert "2025-12-24 Christmas Eve closure" in expedite.explain()
    assert "If disputed closure days were skipped: 2026-01-08" in expedite.explain()
    skipping = calendar(skip_closures=True)
    skipped = {k.key: k for k in compute_clocks(events, skipping, appeal_rule("EOUSA"))}
    assert (skipped["expedite"].due, skipped["expedite"].alternative) == (D("2026-01-08"), D("2026-01-03"))
    assert "If disputed closure days were counted: 2026-01-03" in skipped["expedite"].explain()
    assert skipped["response"].due == D("2026-01-28")
    result = batch.compute(batch.extract([events], skipping, [appeal_rule("EOUSA")]), skipping)
    assert date.fromordinal(int(result["expedite"][0])) == D("2026-01-08")
    assert date.fromordinal(int(result["response"][0])) == D("2026-01-28")


def test_a_question_asked_before_a_misrouted_request_reached_the_proper_component(tmp_path):
    """ICE's wrong office received it Mon 2026-11-02 and asked for information Wed Nov 4. Cap:
    Nov 3-6 (4), 9, 10 (6), Wed Nov 11 Veterans Day, 12, 13 (8), 16, 17 (10) -> Tue Nov 17; the
    proper component received it Thu Nov 19, after the cap, so the clock starts Nov 17. The
    question was asked before then: nothing was counted, and the clock stays paused until the
    answer reached the agency Fri Nov 20, day 0 again. 20 WD: Nov 23-25 (3), Thu Nov 26
    Thanksgiving, 27 (4), Nov 30-Dec 4 (9), 7-11 (14), 14-18 (19), 21 (20) -> Mon 2026-12-21."""
    events = filed("2026-11-02") + [
        ev("info_requested", "2026-11-04", 2),
        ev("routed", "2026-11-16", 3, agency_received_on=D("2026-11-19")),
        ev("info_answered", "2026-11-20", 4, agency_received_on=D("2026-11-20")),
    ]
    response = logged(tmp_path, "ICE", events)["response"]
    assert response.due == D("2026-12-21")
    trace = response.explain()
    assert "before the clock started 2026-11-17: no working days counted, 20 left" in trace
    assert "Counted from 2026-11-17 through 2026-11-04" not in trace
    assert "2026-11-11 Veterans Day" in trace and "2026-11-26 Thanksgiving Day" in trace
