"""A fourth set of whole request histories, each worked out by hand from the statute (5 U.S.C.
552(a)(6)), the agency's rule and OPM's calendar (tests/fixtures/opm-holidays-2024-2027.csv), then
logged through the core calls the CLI and the window use (``log.record_event``, then
``tracker.view_request``; one history through ``foiadesk log`` and ``foiadesk show --json``) and
held to the batch engine and the list (``engines``). They cover what the earlier sets
(test_deadline_histories, _combinations, _paths, test_fee_histories) do not: a request filed on
the Friday before a Monday holiday and received on the Saturday, an acknowledgment that dates the
receipt otherwise than the filing, an information toll and a fee toll open at once, a second
notice once the ten extension days are spent, a partial release appealed and remanded and decided
again, an expedite decision not made in time, an appeal of a closure the agency then undoes, and
a request that runs across the new-year holidays of 2026/2027.

Holidays used: 2026: Jan 1, Mon Jan 19 (MLK Day), Mon Feb 16 (Washington's Birthday), May 25, Fri
Jun 19, Fri Jul 3 (observed), Sep 7, Oct 12, Wed Nov 11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1,
Mon Jan 18, Feb 15. The day of receipt is day 0; "(n)" is a running count of working days.
"""

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from test_deadline_combinations import logged, warned
from test_deadline_histories import engines
from test_deadline_paths import D, ev, filed

from foiadesk.cli import run
from foiadesk.core.deadlines.batch import NONE
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.export.bundle import clock_lines, index_data
from foiadesk.core.letters.followups import fee_bar_state, history_of
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.tracking.listing import read_index
from foiadesk.core.tracking.tracker import view_request

TODAY = D("2026-12-07")
FIXTURES = Path(__file__).parent / "fixtures"


# -- filed on the Friday before a Monday holiday --------------------------------------------------


def test_filed_on_the_friday_before_mlk_day_and_received_on_the_saturday(tmp_path):
    """EOUSA (DOJ). Sent through the portal after hours on Fri 2026-01-16; the portal dates its
    receipt Sat Jan 17. Deemed received the next working day: Sun, then Mon Jan 19 MLK Day, so Tue
    Jan 20. 20 WD: Jan 21-23 (3), 26-30 (8), Feb 2-6 (13), 9-13 (18), Mon Feb 16 Washington's
    Birthday, 17, 18 (20) -> Wed 2026-02-18. Counted from the Saturday itself, Tue Jan 20 is day 1
    and the 20th is Tue Feb 17: one working day earlier, as the trace says. Expedition asked in
    the letter: 28 CFR 16.5(e)(4), "within 10 calendar days of the receipt of a request for
    expedited processing": Jan 20 + 10 = Fri 2026-01-30 (from the Saturday: Tue Jan 27)."""
    events = filed("2026-01-16", "2026-01-17") + [ev("expedite_requested", "2026-01-16", 2)]
    c = logged(tmp_path, "EOUSA", events)
    response, expedite = c["response"], c["expedite"]
    assert (response.start, response.due) == (D("2026-01-20"), D("2026-02-18"))
    trace = response.explain()
    assert "2026-01-17, a day off (Saturday): deemed received the next working day, 2026-01-20" in trace
    assert "2026-01-19 Birthday of Martin Luther King, Jr." in trace
    assert "2026-02-16 Washington's Birthday" in trace
    assert c["exhaustion"].due == D("2026-02-19")
    assert expedite.due == D("2026-01-30")
    assert "Counted from the day off itself (2026-01-17) instead: 2026-01-27" in expedite.explain()


# -- two tolls open at once ---------------------------------------------------------------------


def test_an_information_toll_and_a_fee_toll_open_at_once_restart_when_both_are_answered(tmp_path):
    """ICE, received Mon 2026-03-02. Information asked Thu Mar 5: Mar 3, 4, 5 (3), 17 left
    (552(a)(6)(A)(ii)(I)). A fee clarification Mon Mar 9 while the clock is paused counts nothing
    more ((ii)(II)). The information reaches the agency Wed Mar 11: the fee question is still
    open, so the clock stays paused. The fee answer reaches it Mon Mar 16: day 0 again. 17 WD: Mar
    17-20 (4), 23-27 (9), Mar 30-Apr 3 (14), Apr 6-8 (17) -> Wed 2026-04-08. Answered the other way
    round (fee first on Mar 11, information on Mar 16) the date is the same."""
    asks = [ev("info_requested", "2026-03-05", 2), ev("fee_clarification_requested", "2026-03-09", 3)]
    info_first = (
        filed("2026-03-02")
        + asks
        + [
            ev("info_answered", "2026-03-11", 4, agency_received_on=D("2026-03-11")),
            ev("fee_clarification_answered", "2026-03-16", 5, agency_received_on=D("2026-03-16")),
        ]
    )
    response = logged(tmp_path / "a", "ICE", info_first)["response"]
    assert response.due == D("2026-04-08")
    trace = response.explain()
    assert "2026-03-05, the day the agency sent its request for information: 3 working days, 17 left" in trace
    assert "2026-03-09: fee clarification request while the clock was already paused" in trace
    assert "still paused for the fee clarification request" in trace
    assert "Paused (5 U.S.C. 552(a)(6)(A)(ii)(I); 5 U.S.C. 552(a)(6)(A)(ii)(II))" in trace
    assert "day 0 again 2026-03-16, 17 working days left" in trace
    fee_first = (
        filed("2026-03-02")
        + asks
        + [
            ev("fee_clarification_answered", "2026-03-11", 4, agency_received_on=D("2026-03-11")),
            ev("info_answered", "2026-03-16", 5, agency_received_on=D("2026-03-16")),
        ]
    )
    assert logged(tmp_path / "b", "ICE", fee_first)["response"].due == D("2026-04-08")


# -- a partial release, appealed, remanded and decided again ----------------------------------------


def test_a_partial_release_appealed_remanded_and_released_again(tmp_path):
    """EOUSA, received Mon 2026-04-06: 20 WD Apr 7-10 (4), 13-17 (9), 20-24 (14), Apr 27-May 1
    (19), May 4 (20) -> Mon May 4, and the partial release is dated that day: met. 28 CFR 16.8(a):
    90 calendar days after the date of the response: May 4 + 27 = May 31, + 30 = Jun 30 (57), + 31
    = Jul 31 (88), + 2 = Sun 2026-08-02, not moved to the Monday. Appealed Thu Jul 16, received by
    OIP Mon Jul 20: decision 20 WD Jul 21-24 (4), 27-31 (9), Aug 3-7 (14), 10-14 (19), 17 (20) ->
    Mon Aug 17; remanded Wed Aug 12. The new partial release of Thu 2026-10-01 opens a new window:
    Oct 1 + 30 = Oct 31, + 30 = Nov 30 (60), + 30 = Wed 2026-12-30. Appealed again Mon Nov 2,
    received Wed Nov 4: Nov 5, 6 (2), 9, 10 (4), Wed Nov 11 Veterans Day, 12, 13 (6), 16-20 (11),
    23-25 (14), Thu Nov 26 Thanksgiving, 27 (15), Nov 30-Dec 4 (20) -> Fri 2026-12-04, missed on
    Dec 7: the appeal stage's exhaustion runs from Sat Dec 5."""
    first = filed("2026-04-06") + [ev("determination", "2026-05-04", 2, outcome="partial")]
    c = logged(tmp_path / "a", "EOUSA", first)
    assert c["response"].state(TODAY) == "met" and c["response"].due == D("2026-05-04")
    window = c["appeal_window:partial"]
    assert window.due == D("2026-08-02") and warned(window, "2026-08-02 is a Sunday")
    appealed = first + [
        ev("appeal_filed", "2026-07-16", 3, outcome="partial", agency_received_on=D("2026-07-20"))
    ]
    c = logged(
        tmp_path / "b", "EOUSA", appealed + [ev("appeal_decided", "2026-08-12", 4, outcome="remanded")]
    )
    assert (c["appeal_decision"].due, c["appeal_decision"].state(TODAY)) == (D("2026-08-17"), "met")
    assert "appeal_exhaustion" not in c
    again = appealed + [
        ev("appeal_decided", "2026-08-12", 4, outcome="remanded"),
        ev("determination", "2026-10-01", 5, outcome="partial"),
        ev("appeal_filed", "2026-11-02", 6, agency_received_on=D("2026-11-04")),
    ]
    c = logged(tmp_path / "c", "EOUSA", again)
    window = c["appeal_window:partial"]
    assert (window.start, window.due, window.done_on) == (D("2026-10-01"), D("2026-12-30"), D("2026-11-02"))
    decision = c["appeal_decision"]
    assert (decision.due, decision.state(TODAY)) == (D("2026-12-04"), "overdue")
    assert "2026-11-26 Thanksgiving Day" in decision.explain()
    assert c["appeal_exhaustion"].due == D("2026-12-05")


def test_an_appeal_offices_acknowledgment_that_dates_the_receipt_otherwise_is_shown(tmp_path):
    """EOUSA's partial release of Mon 2026-05-04, appealed through FOIA STAR on Thu Jul 16 and
    logged as received Fri Jul 17; OIP's acknowledgment says it received the appeal Mon Jul 20.
    From Jul 20: Jul 21-24 (4), 27-31 (9), Aug 3-7 (14), 10-14 (19), 17 (20) -> Mon 2026-08-17,
    the date given (the appeal office's word). From Jul 17: Jul 20-24 (5), 27-31 (10), Aug 3-7
    (15), 10-14 (20) -> Fri 2026-08-14, given beside it."""
    events = filed("2026-04-06") + [
        ev("determination", "2026-05-04", 2, outcome="partial"),
        ev("appeal_filed", "2026-07-16", 3, outcome="partial", agency_received_on=D("2026-07-17")),
        ev("appeal_received", "2026-07-22", 4, agency_received_on=D("2026-07-20")),
    ]
    decision = logged(tmp_path, "EOUSA", events)["appeal_decision"]
    assert decision.due == D("2026-08-17")
    assert warned(
        decision,
        "The appeal was logged as received 2026-07-17, but the appeal office says it received it "
        "2026-07-20: counted from the logged date, the decision would be due 2026-08-14.",
    )


# -- across the new-year holidays of 2026/2027 ---------------------------------------------------


def test_a_request_across_the_new_year_holidays_extended_into_january(tmp_path):
    """ICE, received Wed 2026-12-16. 20 WD: Dec 17, 18 (2), 21-24 (6), Fri Dec 25 Christmas, 28-31
    (10), Fri Jan 1 New Year's Day, Jan 4-8 (15), 11-15 (20) -> Fri 2027-01-15. A notice Mon Jan 4
    names Fri Jan 29: Mon Jan 18 MLK Day, Jan 19-22 (4), 25-29 (9): +9 (552(a)(6)(B)(i)) -> Fri
    2027-01-29. Exhaustion from Sat Jan 30; (viii)(II)(aa)'s later reading: 10 WD after Jan 29,
    Feb 1-5 (5), 8-12 (10) -> fees barred from Sat 2027-02-13."""
    events = filed("2026-12-16") + [ev("extension_notice", "2027-01-04", 2, named_date=D("2027-01-29"))]
    c = logged(tmp_path, "ICE", events)
    response = c["response"]
    assert (response.due, response.extended_days) == (D("2027-01-29"), 9)
    trace = response.explain()
    for day in ("2026-12-25 Christmas Day", "2027-01-01 New Year's Day", "2027-01-18 Birthday of Martin"):
        assert day in trace
    assert "notice of 2027-01-04 naming 2027-01-29: +9 working days" in trace
    exhaustion = c["exhaustion"]
    assert exhaustion.due == D("2027-01-30") and "barred from 2027-02-13" in exhaustion.explain()


# -- the receipt as the agency's acknowledgment dates it ------------------------------------------


def test_an_acknowledgment_that_dates_the_receipt_later_is_shown_beside_the_date(tmp_path, capsys):
    """EOUSA. The portal took the request at 6:40 p.m. on Fri 2026-01-16 and the requester logs
    that day as its receipt; the acknowledgment of Thu Jan 22 says DOJ received it Tue Jan 20 (an
    office that counts an after-hours filing the next working day: Sat, Sun, Mon Jan 19 MLK Day
    off). From Jan 16: Jan 20-23 (4), 26-30 (9), Feb 2-6 (14), 9-13 (19), 17 (20) -> Tue
    2026-02-17. From the acknowledgment's Jan 20: Jan 21-23 (3), 26-30 (8), Feb 2-6 (13), 9-13
    (18), Mon Feb 16 Washington's Birthday, 17, 18 (20) -> Wed 2026-02-18. The date logged with the
    filing stands; the trace gives the other and says why the two may differ. Logged with
    ``foiadesk log`` and read with ``foiadesk show --json``."""
    db = str(tmp_path / "ack.sqlite3")
    assert run(["add-request", "--db", db, "--title", "Prosecutions", "--component", "EOUSA"]) == 0
    for args in (
        ["filed", "--on", "2026-01-16", "--agency-received", "2026-01-16", "--channel", "portal"],
        [
            "acknowledged",
            "--on",
            "2026-01-22",
            "--agency-received",
            "2026-01-20",
            "--tracking",
            "EOUSA-2026-000123",
        ],
    ):
        assert run(["log", "--db", db, "1", *args]) == 0
    capsys.readouterr()
    assert run(["show", "--db", db, "1", "--json", "--today", "2026-01-23"]) == 0
    response = next(c for c in json.loads(capsys.readouterr().out)["clocks"] if c["key"] == "response")
    assert response["due"] == "2026-02-17"
    (warning,) = response["warnings"]
    assert warning.startswith(
        "The acknowledgment of 2026-01-22 says the agency received the request on 2026-01-20, not "
        "2026-01-16 as counted above: counted from its date, the response would be due 2026-02-18."
    )
    assert "(5 U.S.C. 552(a)(6)(A)(i))" in warning
    same = filed("2026-01-16") + [ev("acknowledged", "2026-01-22", 2, agency_received_on=D("2026-01-16"))]
    assert not engines(same, "EOUSA")["response"].warnings
    # Logged as received on the Saturday, which is deemed received Tue Jan 20, the day the
    # acknowledgment gives: one count, nothing to warn of.
    deemed = filed("2026-01-16", "2026-01-17") + [
        ev("acknowledged", "2026-01-22", 2, agency_received_on=D("2026-01-20"))
    ]
    assert not engines(deemed, "EOUSA")["response"].warnings


# -- the expedite decision: whose rule counts the ten days -----------------------------------------


def test_an_expedite_request_at_an_agency_without_a_rule_on_file_shows_the_statutes_count(tmp_path):
    """SSA (no rule of its own on file), received Mon 2026-10-05. Expedition asked later, by a
    letter dated Mon Nov 2 that SSA received Mon Nov 9. The statute: "within 10 days after the
    date of the request" (552(a)(6)(E)(ii)(I)): Nov 2 + 10 = Thu 2026-11-12. Counted as the DHS,
    DOJ and Treasury rules count (10 calendar days from receipt): Nov 9 + 10 = Thu 2026-11-19, the
    date given, with the statute's date beside it. At DOJ (28 CFR 16.5(e)(4)) the rule's own
    count stands alone, and the rule says it runs from receipt."""
    events = filed("2026-10-05") + [
        ev("expedite_requested", "2026-11-02", 2, agency_received_on=D("2026-11-09"))
    ]
    ssa = logged(tmp_path / "a", "SSA", events)["expedite"]
    assert ssa.due == D("2026-11-19")
    assert ssa.rule == "decision within 10 calendar days of the agency's receipt of the expedite request"
    assert (
        'The statute says "within 10 days after the date of the request" (5 U.S.C. 552(a)(6)(E)(ii)(I)); '
        "no rule of this agency on file says how it counts them" in ssa.explain()
    )
    assert (
        "counted from the date of the request (2026-11-02), the decision was due 2026-11-12" in ssa.explain()
    )
    doj = logged(tmp_path / "b", "EOUSA", events)["expedite"]
    assert doj.due == D("2026-11-19") and doj.cite.endswith("28 CFR 16.5(e)(4)")
    assert "of the agency's receipt" in doj.rule and "The statute says" not in doj.explain()


def test_an_expedite_decision_not_made_in_ten_days_is_open_to_review_in_court(tmp_path):
    """ICE, filed and received Tue 2026-11-24 with expedition asked in the letter. 6 CFR
    5.5(e)(4): ten calendar days from receipt -> Fri 2026-12-04. Undecided on Mon Dec 7: from Sat
    Dec 5 the failure to decide in time may be taken to court (552(a)(6)(E)(iii)); a milestone,
    owed by no one. Granted late on Wed Dec 9: the milestone says so. Had the agency made its
    determination on Mon Dec 14 without deciding expedition, the question is over ((E)(iv))."""
    events = filed("2026-11-24") + [ev("expedite_requested", "2026-11-24", 2)]
    c = logged(tmp_path / "a", "ICE", events)
    assert c["expedite"].due == D("2026-12-04") and c["expedite"].state(TODAY) == "overdue"
    review = c["expedite_review"]
    assert (review.due, review.owed_by, review.cite) == (
        D("2026-12-05"),
        "milestone",
        "5 U.S.C. 552(a)(6)(E)(iii)",
    )
    assert review.state(TODAY) == "reached" and not review.owed(TODAY)
    assert review.state(D("2026-12-01")) == "pending"
    assert "the agency's failure to decide in time may be taken to court" in review.explain()
    _, headline = clock_lines(review, D("2026-12-01"))  # as the evidence bundle's index says it
    assert headline.endswith("not yet reached; only if the expedite decision is missed")
    late = logged(
        tmp_path / "b", "ICE", events + [ev("expedite_decided", "2026-12-09", 3, outcome="granted")]
    )
    assert late["expedite"].state(TODAY) == "missed"
    assert late["expedite_review"].state(D("2026-12-10")) == "answered late"
    assert (
        "decided expedition late, on 2026-12-09: it granted expedition" in late["expedite_review"].explain()
    )
    ended = logged(
        tmp_path / "c", "ICE", events + [ev("determination", "2026-12-14", 3, outcome="full_grant")]
    )
    assert ended["expedite_review"].state(D("2026-12-15")) == "moot"
    assert "the expedite question is over (5 U.S.C. 552(a)(6)(E)(iv))" in ended["expedite_review"].explain()
    on_time = logged(
        tmp_path / "d", "ICE", events + [ev("expedite_decided", "2026-12-03", 3, outcome="denied")]
    )
    assert "expedite_review" not in on_time


def test_a_misrouted_requests_expedite_decision_runs_from_the_first_receipt(tmp_path):
    """ICE's wrong office received the request, expedition asked in it, on Fri 2026-09-04; routed
    Fri Sep 18, the proper component received it Wed Sep 23. The routing allowance of
    552(a)(6)(A)(ii) (flush text) moves "the 20-day period under clause (i)" only: the response
    starts at the cap, Mon Sep 21 (counted in test_deadline_combinations), while the expedite
    decision's ten calendar days (6 CFR 5.5(e)(4); the statute: "after the date of the request")
    run from Sep 4 -> Mon 2026-09-14, Labor Day included. The trace says why."""
    events = filed("2026-09-04") + [
        ev("expedite_requested", "2026-09-04", 2),
        ev("routed", "2026-09-18", 3, agency_received_on=D("2026-09-23")),
    ]
    c = logged(tmp_path, "ICE", events)
    assert c["response"].start == D("2026-09-21")
    expedite = c["expedite"]
    assert expedite.due == D("2026-09-14")
    assert (
        "Routed to another component 2026-09-18: the ten days still run from the first receipt"
        in expedite.explain()
    )
    assert c["expedite_review"].due == D("2026-09-15")


# -- unusual circumstances: a second notice once the ten days are spent ------------------------------


def test_a_second_notice_after_all_ten_extension_days_are_spent_adds_nothing(tmp_path):
    """ICE, received Tue 2026-10-13 (the day after Columbus Day). 20 WD: Oct 14-16 (3), 19-23 (8),
    26-30 (13), Nov 2-6 (18), 9, 10 (20) -> Tue Nov 10. A notice Thu Nov 5 names no date: the ten
    working days of 552(a)(6)(B)(i): Wed Nov 11 Veterans Day, 12, 13 (2), 16-20 (7), 23-25 (10) ->
    Wed 2026-11-25. A second notice Fri Nov 20 names Fri Dec 18: none of the ten is left, so the
    date stays Nov 25 and the agency owes the (B)(ii) offers. Exhaustion from Thu Nov 26."""
    events = filed("2026-10-13") + [
        ev("extension_notice", "2026-11-05", 2),
        ev("extension_notice", "2026-11-20", 3, named_date=D("2026-12-18")),
    ]
    c = logged(tmp_path, "ICE", events)
    response = c["response"]
    assert (response.due, response.extended_days) == (D("2026-11-25"), 10)
    trace = response.explain()
    assert "notice of 2026-11-05: +10 working days" in trace
    assert (
        "naming 2026-12-18: +0 working days (5 U.S.C. 552(a)(6)(B)(i); at most 10 in all, all used" in trace
    )
    assert warned(
        response,
        "The notice names 2026-12-18, after 2026-11-25, and the 10 working days extensions may add "
        "are used up",
    )
    assert not warned(response, "more than the 0 working days")
    assert c["exhaustion"].due == D("2026-11-26")


# -- an administrative closure, appealed, then undone -------------------------------------------------


def test_an_appeal_of_a_closure_is_over_when_the_agency_reopens_the_request(tmp_path):
    """ICE, received Mon 2026-06-01. Information asked Mon Jun 8 (reply by Wed Jul 8): Jun 2-5 (4),
    8 (5), 15 left. Unanswered, the request is closed Mon Jul 20; 6 CFR 5.8(a)(1) gives 90 working
    days to appeal: to Fri 2026-11-27. Appealed Mon Aug 3, received Tue Aug 4: decision due 20 WD,
    Aug 5-7 (3), 10-14 (8), 17-21 (13), 24-28 (18), 31, Sep 1 (20) -> Tue Sep 1. ICE reopens the
    request Thu Aug 20: nothing is left of the closure to decide, so the appeal decision is owed no
    longer and the appeal stage gives no exhaustion. The answer reaches ICE Tue Aug 25: day 0
    again, 15 WD: Aug 26-28 (3), Aug 31-Sep 4 (8), Mon Sep 7 Labor Day, 8-11 (12), 14-16 (15) ->
    Wed 2026-09-16."""
    events = filed("2026-06-01") + [
        ev("info_requested", "2026-06-08", 2, named_date=D("2026-07-08")),
        ev("admin_closed", "2026-07-20", 3, outcome="clarification_unanswered"),
        ev("appeal_filed", "2026-08-03", 4, outcome="admin_closure", agency_received_on=D("2026-08-04")),
        ev("reopened", "2026-08-20", 5),
        ev("info_answered", "2026-08-24", 6, agency_received_on=D("2026-08-25")),
    ]
    c = logged(tmp_path, "ICE", events)
    assert c["appeal_window:admin_closure"].due == D("2026-11-27")
    decision = c["appeal_decision"]
    assert (decision.due, decision.done_on, decision.state(TODAY)) == (
        D("2026-09-01"),
        D("2026-08-20"),
        "moot",
    )
    assert "The agency reopened the request 2026-08-20: the closure appealed is undone" in decision.explain()
    assert "appeal_exhaustion" not in c
    assert c["response"].due == D("2026-09-16") and "2026-09-07 Labor Day" in c["response"].explain()


# -- an alternative time frame agreed with the agency (552(a)(6)(B)(ii)) -------------------------------

AGREED = filed("2026-10-13") + [
    ev("extension_notice", "2026-11-05", 2),
    ev("extension_notice", "2026-11-20", 3, named_date=D("2026-12-18")),
]


def test_an_agreed_alternative_time_frame_sets_the_response_date(tmp_path):
    """The history above (statutory date Wed 2026-11-25, extensions spent). The second notice
    offers what 552(a)(6)(B)(ii) requires, and on Mon Nov 23 the requester agrees to a response by
    Fri 2026-12-18: the response is due then, and exhaustion runs from Sat Dec 19. Whether missing
    an agreed time frame bars fees ((viii)) is not settled: the trace says so, tagged [U]. A time
    frame agreed to end Fri Nov 20, before the statutory date, gives the agency no less time."""
    c = logged(
        tmp_path / "a", "ICE", AGREED + [ev("timeframe_agreed", "2026-11-23", 4, named_date=D("2026-12-18"))]
    )
    response = c["response"]
    assert response.due == D("2026-12-18") and response.agreed
    assert response.cite == "5 U.S.C. 552(a)(6)(A)(i); 5 U.S.C. 552(a)(6)(B)(ii)"
    assert response.rule.startswith("the date agreed with the agency as an alternative time frame")
    trace = response.explain()
    assert (
        "Alternative time frame agreed 2026-11-23: you and the agency arranged for the request to be "
        "processed by 2026-12-18 (5 U.S.C. 552(a)(6)(B)(ii)); the response is due then, instead of "
        "2026-11-25" in trace
    )
    assert response.state(TODAY) == "open"
    exhaustion = c["exhaustion"]
    assert exhaustion.due == D("2026-12-19")
    assert "whether an agreed time frame is one is not settled in a source read [U]" in exhaustion.explain()
    earlier = logged(
        tmp_path / "b", "ICE", AGREED + [ev("timeframe_agreed", "2026-11-12", 4, named_date=D("2026-11-20"))]
    )["response"]
    assert earlier.due == D("2026-11-25") and not earlier.agreed
    assert warned(
        earlier, "ends 2026-11-20, no later than the statutory date 2026-11-25: the statutory date stands"
    )


def test_disputed_closures_do_not_move_an_agreed_date(tmp_path):
    """ICE, received Mon 2025-12-15; the executive-order closures of Wed Dec 24 and Fri Dec 26,
    2025 fall inside the statutory count. A response by Fri 2026-02-27 agreed on Mon Jan 5: that
    date is the same whether the closures are counted or skipped, so no closure is flagged as
    moving it (the window said "if they are skipped, the date is None")."""
    events = filed("2025-12-15") + [ev("timeframe_agreed", "2026-01-05", 2, named_date=D("2026-02-27"))]
    response = logged(tmp_path, "ICE", events)["response"]
    assert (response.due, response.alternative, response.disputed) == (D("2026-02-27"), None, ())
    assert "Disputed closure" not in response.explain()


def test_a_time_frame_agreed_after_the_date_had_passed_is_flagged(tmp_path):
    """Agreed Mon Nov 30, after the statutory date (Wed Nov 25) had passed and the requester could
    already sue: the agreed date is given, with a warning that giving up the right is unsettled."""
    late = AGREED + [ev("timeframe_agreed", "2026-11-30", 4, named_date=D("2027-01-15"))]
    response = logged(tmp_path, "ICE", late)["response"]
    assert response.due == D("2027-01-15")
    assert warned(response, "after the statutory date 2026-11-25 had passed, when you could already sue")


def test_an_agreed_time_frame_logged_from_the_command_line_and_refused_without_its_date(tmp_path, capsys):
    db = str(tmp_path / "agreed.sqlite3")
    assert run(["add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE"]) == 0
    for args in (
        ["filed", "--on", "2026-10-13", "--agency-received", "2026-10-13", "--channel", "portal"],
        ["extension_notice", "--on", "2026-11-05"],
    ):
        assert run(["log", "--db", db, "1", *args]) == 0
    capsys.readouterr()
    assert run(["log", "--db", db, "1", "timeframe_agreed", "--on", "2026-11-23"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "foiadesk: Alternative time frame agreed: give the date you agreed the agency would respond by."
    ]
    # a date to respond by that is not after the agreement itself is a slip of the keyboard
    early = ["log", "--db", db, "1", "timeframe_agreed", "--on", "2026-11-23", "--named", "2026-11-18"]
    assert run(early) == 2
    assert "(2026-11-18) must come after the day it was agreed (2026-11-23)" in capsys.readouterr().err
    assert (
        run(["log", "--db", db, "1", "timeframe_agreed", "--on", "2026-11-23", "--named", "2026-12-18"]) == 0
    )
    capsys.readouterr()
    assert run(["show", "--db", db, "1", "--json", "--today", "2026-12-07"]) == 0
    record = json.loads(capsys.readouterr().out)
    response = next(c for c in record["clocks"] if c["key"] == "response")
    assert (response["due"], response["status"]) == ("2026-12-18", "open")
    assert any("Alternative time frame agreed 2026-11-23" in line for line in response["trace"])
    assert ("timeframe_agreed", "2026-11-23", "2026-12-18") in [
        (e["type"], e["occurred_on"], e["named_date"]) for e in record["events"]
    ]
    assert run(["export-list", "--db", db, "--format", "csv", "--out", str(tmp_path / "list.csv")]) == 0
    assert "2026-12-18" in (tmp_path / "list.csv").read_text(encoding="utf-8")


def test_an_agreed_time_frame_in_a_log_from_the_first_released_schema(tmp_path):
    """A log written by the first released FoiaDesk (schema 1), upgraded on opening: an agreed time
    frame logged on one of its open requests gives the agreed date in the list (the columnar
    reader), in the request's own clocks and in the evidence bundle's index."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schemas" / "v1.sqlite3", path)
    db = connect(path)
    cal = calendar()
    index = read_index(db, cal, TODAY)
    ids, dues, done = index.columns["id"], index.clocks["response"], index.clocks["response_done"]
    rid = next(int(r) for r, d, e in zip(ids, dues, done, strict=True) if d != NONE and e == NONE)
    statutory = date.fromordinal(int(dues[index.row_of(rid)]))
    agreed = statutory + timedelta(days=45)
    log.record_event(db, rid, log.NewEvent("timeframe_agreed", statutory, named_date=agreed), today=TODAY)
    index = read_index(db, cal, TODAY)
    assert date.fromordinal(int(index.clocks["response"][index.row_of(rid)])) == agreed
    view = view_request(db, rid, cal=cal)
    response = next(c for c in view.clocks if c.key == "response")
    assert response.due == agreed and response.agreed
    index = index_data(db, rid, as_of=TODAY, cal=cal)
    assert any(c["event"].startswith("Alternative time frame agreed") for c in index["communications"])
    (shown,) = [c for c in index["clocks"] if c["label"] == "Response due"]
    assert shown["due"] == agreed.isoformat()


def test_letters_claim_no_fee_bar_once_the_response_date_was_agreed(tmp_path):
    """A missed agreed date: whether the fee bar applies is unsettled, so a follow-up letter does not
    assert it. Missed without an agreement (and no timely notice), it does."""
    db = connect(tmp_path / "bar.sqlite3")
    rid = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    for new in (
        log.NewEvent("filed", D("2026-09-01"), channel="portal", agency_received_on=D("2026-09-01")),
        log.NewEvent("timeframe_agreed", D("2026-09-21"), named_date=D("2026-10-30")),
    ):
        log.record_event(db, rid, new, today=new.occurred_on)
    agreed = history_of(db, rid, today=TODAY)
    assert agreed.due_on == D("2026-10-30") and agreed.missed(TODAY)
    assert fee_bar_state(agreed, TODAY) == ""
    plain = replace(agreed, agreed=False)
    assert fee_bar_state(plain, TODAY) == "barred"


def test_a_request_received_on_new_years_day_2028_observed_in_2027(tmp_path):
    """USCIS, portal receipt Fri 2027-12-31: New Year's Day 2028 falls on a Saturday, so it is
    observed that Friday (5 U.S.C. 6103(b)). Deemed received Mon 2028-01-03 (Sat, Sun Jan 1-2 off
    too). 20 WD: Jan 4-7 (4), 10-14 (9), Mon Jan 17 MLK Day, 18-21 (13), 24-28 (18), 31, Feb 1 (20)
    -> Tue 2028-02-01 (from the Friday itself: Mon Jan 31). Expedition asked in the letter, 6 CFR
    5.5(e)(4): Jan 3 + 10 = Thu 2028-01-13 (from the Friday: Mon Jan 10)."""
    events = filed("2027-12-31") + [ev("expedite_requested", "2027-12-31", 2)]
    c = logged(tmp_path, "USCIS", events)
    response = c["response"]
    assert (response.start, response.due) == (D("2028-01-03"), D("2028-02-01"))
    trace = response.explain()
    assert "2027-12-31, a day off (New Year's Day (observed))" in trace
    assert "not counted: 2028-01-01–2028-01-02 weekend" in trace
    assert "2028-01-17 Birthday of Martin Luther King, Jr." in trace
    expedite = c["expedite"]
    assert expedite.due == D("2028-01-13")
    assert "Counted from the day off itself (2027-12-31) instead: 2028-01-10" in expedite.explain()
