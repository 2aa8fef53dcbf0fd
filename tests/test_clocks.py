"""The clock engine: worked examples from the statute notes, then properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import AppealRule, compute_clocks, next_deadline, response_clock
from foiadesk.core.deadlines.events import Event, derive_status

D = date.fromisoformat
DHS = AppealRule(90, "working", "6 CFR 5.8(a)(1)")


def ev(type_, on, id_=0, **kw):
    return Event(type_, D(on) if isinstance(on, str) else on, id=id_, **kw)


STATUTORY = AppealRule()


def clock(events, key, rule=STATUTORY, cal=None):
    for c in compute_clocks(events, cal or calendar(), rule):
        if c.key == key:
            return c
    raise AssertionError(f"no {key} clock")


def received(on):
    on = D(on) if isinstance(on, str) else on
    return [ev("filed", on, 1, agency_received_on=on)]


@pytest.mark.parametrize(
    "on, due20, due30, expedite",
    [
        ("2026-11-24", "2026-12-23", "2027-01-08", "2026-12-04"),
        ("2025-12-22", "2026-01-22", "2026-02-05", "2026-01-01"),
    ],
)
def test_worked_examples(on, due20, due30, expedite):
    assert clock(received(on), "response").due == D(due20)
    extended = received(on) + [ev("extension_notice", on, 2)]
    assert clock(extended, "response").due == D(due30)
    assert clock([ev("expedite_requested", on, 3, agency_received_on=D(on))], "expedite").due == D(expedite)


def test_disputed_closures_give_the_alternative_date_and_say_why():
    c = clock(received("2025-12-22"), "response")
    assert c.due == D("2026-01-22") and c.alternative == D("2026-01-26")
    text = c.explain()
    assert "2025-12-24 Christmas Eve closure" in text and "2025-12-26" in text
    assert "If disputed closure days were skipped: 2026-01-26" in text
    skipped = clock(received("2025-12-22"), "response", cal=calendar(skip_closures=True))
    assert skipped.due == D("2026-01-26") and skipped.alternative == D("2026-01-22")


def test_dhs_appeal_window_is_90_working_days_and_doj_90_calendar():
    events = received("2026-11-02") + [ev("determination", "2026-12-01", 2, outcome="denial")]
    assert clock(events, "appeal_window:denial", DHS).due == D("2027-04-12")
    assert clock(events, "appeal_window:denial").due == D("2027-03-01")
    full = received("2026-11-02") + [ev("determination", "2026-12-01", 2, outcome="full_grant")]
    assert all(not c.key.startswith("appeal_window") for c in compute_clocks(full, calendar()))


def test_receipt_is_assumed_from_a_weekend_filing_until_the_agency_confirms():
    c = clock([ev("filed", "2026-11-21", 1)], "response")  # a Saturday
    assert c.start == D("2026-11-23") and c.start_assumed
    assert (
        "Receipt ASSUMED (no receipt date from the agency yet): filing date 2026-11-21, a day off "
        "(Saturday): deemed received the next working day, 2026-11-23"
    ) in c.explain()
    confirmed = [
        ev("filed", "2026-11-21", 1),
        ev("acknowledged", "2026-11-30", 2, agency_received_on=D("2026-11-24")),
    ]
    c = clock(confirmed, "response")
    assert not c.start_assumed and c.due == D("2026-12-23")


def test_routing_cap_limits_a_late_transfer():
    # First received Mon 2026-03-02; the 10th working day after is 2026-03-16.
    late = received("2026-03-02") + [ev("routed", "2026-03-20", 2, agency_received_on=D("2026-03-25"))]
    c = clock(late, "response")
    assert c.start == D("2026-03-16") and c.due == D("2026-04-13")
    assert "Routing cap" in c.explain()
    prompt = received("2026-03-02") + [ev("routed", "2026-03-04", 2, agency_received_on=D("2026-03-05"))]
    assert clock(prompt, "response").start == D("2026-03-05")


def test_information_toll_pauses_and_restarts_with_the_remaining_days():
    # Received Mon 2026-03-02; asked Mon 2026-03-09 (5 days used); answer received Fri 03-20.
    events = received("2026-03-02") + [
        ev("info_requested", "2026-03-09", 2),
        ev("info_answered", "2026-03-18", 3, agency_received_on=D("2026-03-20")),
    ]
    c = clock(events, "response")
    assert c.due == D("2026-04-10")  # 15 working days after 2026-03-20
    assert "15 working days left" in c.explain()
    paused = clock(events[:2], "response")
    assert paused.due is None and paused.state(D("2026-03-12")) == "paused"


def test_only_one_information_toll_but_fee_tolls_have_no_limit():
    base = received("2026-03-02") + [
        ev("info_requested", "2026-03-09", 2),
        ev("info_answered", "2026-03-10", 3, agency_received_on=D("2026-03-10")),
    ]
    second = base + [ev("info_requested", "2026-03-16", 4)]
    c = clock(second, "response")
    assert c.due == clock(base, "response").due and not c.paused
    assert any("second request for information does not toll" in w for w in c.warnings)
    fees = base + [
        ev("fee_clarification_requested", "2026-03-12", 4),
        ev("fee_clarification_answered", "2026-03-19", 5, agency_received_on=D("2026-03-19")),
        ev("fee_clarification_requested", "2026-03-23", 6),
    ]
    assert clock(fees, "response").paused


def test_extension_to_a_named_date_and_beyond_ten_days_is_flagged():
    within = received("2026-11-24") + [ev("extension_notice", "2026-12-10", 2, named_date=D("2026-12-31"))]
    assert clock(within, "response").due == D("2026-12-31")
    beyond = received("2026-11-24") + [ev("extension_notice", "2026-12-10", 2, named_date=D("2027-02-26"))]
    c = clock(beyond, "response")
    assert c.due == D("2027-01-08")
    assert any("FOIA Public Liaison" in w and "552(a)(6)(B)(ii)" in w for w in c.warnings)
    late = received("2026-11-24") + [ev("extension_notice", "2027-01-04", 2)]
    c = clock(late, "response")
    assert c.due == D("2026-12-23") and any("already missed" in w for w in c.warnings)


def test_missed_deadline_gives_constructive_exhaustion_the_next_day():
    events = received("2026-11-24")
    exhaustion = clock(events, "exhaustion")
    assert exhaustion.due == D("2026-12-24")
    assert exhaustion.state(D("2026-12-24")) == "reached"
    assert "fee" in exhaustion.rule
    on_time = events + [ev("determination", "2026-12-22", 2, outcome="full_grant")]
    assert all(c.key != "exhaustion" for c in compute_clocks(on_time, calendar()))
    assert clock(on_time, "response").state(D("2027-01-01")) == "met"


def test_appeal_decision_and_requester_owed_clocks():
    events = received("2026-06-01") + [
        ev("still_interested", "2026-07-01", 2, named_date=D("2026-07-31")),
        ev("determination", "2026-08-03", 3, outcome="partial"),
        ev("appeal_filed", "2026-09-01", 4, agency_received_on=D("2026-09-02")),
    ]
    assert clock(events, "appeal_decision").due == D("2026-10-01")  # Labor Day skipped
    reply = next(
        c for c in compute_clocks(events, calendar()) if c.owed_by == "requester" and c.unit == "named"
    )
    assert reply.due == D("2026-07-31") and reply.done_on == D("2026-08-03")
    window = clock(events, "appeal_window:partial")
    assert window.done_on == D("2026-09-01") and window.state(D("2026-12-01")) == "met"


def test_status_is_derived_from_events():
    events = received("2026-06-01")
    assert derive_status(events) == "Filed"
    events.append(ev("acknowledged", "2026-06-03", 2))
    assert derive_status(events) == "Processing"
    events.append(ev("info_requested", "2026-06-10", 3))
    assert derive_status(events) == "Waiting on requester"
    events.append(ev("info_answered", "2026-06-12", 4))
    assert derive_status(events) == "Processing"
    events.append(ev("determination", "2026-07-01", 5, outcome="glomar"))
    assert derive_status(events) == "Glomar (neither confirm nor deny)"
    events.append(ev("appeal_filed", "2026-07-10", 6))
    assert derive_status(events) == "Appeal pending"


# -- properties ----------------------------------------------------------------------------

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31))
gaps = st.integers(min_value=0, max_value=60)


@settings(max_examples=300, deadline=None)
@given(days)
def test_due_is_a_working_day_and_trace_adds_up(on):
    cal = calendar()
    c = response_clock([ev("filed", on, 1)], cal)
    assert cal.is_working_day(c.due)
    assert c.counted == 20
    for step in c.steps:
        if step.counted and step.skipped:
            span_start = step.day - timedelta(days=step.counted + len(step.skipped))
            assert cal.working_days_between(span_start, step.day) == step.counted


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=1, max_value=30))
def test_later_receipt_never_gives_an_earlier_date(on, later_by):
    cal = calendar()
    first = response_clock(received(on), cal).due
    second = response_clock(received(on + timedelta(days=later_by)), cal).due
    assert second >= first


@settings(max_examples=300, deadline=None)
@given(days, gaps, gaps)
def test_tolling_never_shortens(on, ask_after, answer_after):
    cal = calendar()
    plain = response_clock(received(on), cal).due
    ask = on + timedelta(days=ask_after)
    answer = ask + timedelta(days=answer_after)
    tolled = response_clock(
        received(on)
        + [ev("info_requested", ask, 2), ev("info_answered", answer, 3, agency_received_on=answer)],
        cal,
    )
    assert tolled.due >= plain
    assert tolled.counted == 20


@settings(max_examples=300, deadline=None)
@given(days, gaps, st.one_of(st.none(), st.integers(min_value=0, max_value=40)))
def test_extension_adds_at_most_ten_working_days(on, notice_after, named_after):
    cal = calendar()
    plain = response_clock(received(on), cal).due
    notice = on + timedelta(days=notice_after)
    named = None if named_after is None else notice + timedelta(days=named_after)
    c = response_clock(received(on) + [ev("extension_notice", notice, 2, named_date=named)], cal)
    added = cal.working_days_between(plain, c.due)
    assert 0 <= added <= 10
    assert c.counted == 20 + added


# -- cases found in review: each once gave a legally wrong date ----------------------------


def test_first_components_acknowledgment_is_not_the_proper_receipt():
    events = received("2026-03-02") + [
        ev("acknowledged", "2026-03-03", 2, agency_received_on=D("2026-03-02")),
        ev("routed", "2026-03-03", 3),
    ]
    c = clock(events, "response")
    assert c.start == D("2026-03-16") and c.due == D("2026-04-13")


def test_information_asked_during_a_fee_toll_is_the_one_information_toll():
    events = received("2026-03-02") + [
        ev("fee_clarification_requested", "2026-03-04", 2),
        ev("info_requested", "2026-03-05", 3),
        ev("fee_clarification_answered", "2026-03-06", 4, agency_received_on=D("2026-03-06")),
        ev("info_answered", "2026-03-09", 5, agency_received_on=D("2026-03-09")),
        ev("info_requested", "2026-03-16", 6),
    ]
    c = clock(events, "response")
    assert c.due == D("2026-04-02") and not c.paused
    assert any("second request for information does not toll" in w for w in c.warnings)
    still_waiting = clock(events[:4], "response")  # fee answered, information not yet
    assert still_waiting.paused and still_waiting.due is None


def test_extension_notice_while_paused_adds_the_days_it_names_and_shows_the_other_reading():
    """Received Mon 2026-03-02; info asked Mon Mar 9 (Mar 3-6, 9: 5 used, 15 left). A notice Tue
    Mar 10, sent during the pause, names Wed Apr 1. Had the clock restarted Mar 10, 15 WD: Mar
    11-13 (3), 16-20 (8), 23-27 (13), 30, 31 (15) -> Tue Mar 31, so the notice adds 1 WD, as a
    notice sent just before the pause would. The answer arrives Fri Mar 20 (day 0), 16 left: Mar
    23-27 (5), Mar 30-Apr 3 (10), Apr 6-10 (15), Mon Apr 13 (16). Read instead as the date it
    names against the restarted due date (Fri Apr 10), it adds nothing: Apr 10, in the trace."""
    events = received("2026-03-02") + [
        ev("info_requested", "2026-03-09", 2),
        ev("extension_notice", "2026-03-10", 3, named_date=D("2026-04-01")),
        ev("info_answered", "2026-03-18", 4, agency_received_on=D("2026-03-20")),
    ]
    c = clock(events, "response")
    assert c.due == D("2026-04-13")
    assert any("would add 0, due 2026-04-10" in w and "does not say which" in w for w in c.warnings)


def test_receipts_on_days_off_are_deemed_the_next_working_day(capsys):
    from foiadesk.cli import run

    run(["due", "--received", "2026-03-02", "--tolled", "2026-03-30:2026-04-04"])
    assert capsys.readouterr().out.split()[-1] == "2026-04-06"  # answer got on a Saturday
    confirmed = [
        ev("filed", "2026-11-21", 1),
        ev("acknowledged", "2026-11-30", 2, agency_received_on=D("2026-11-21")),
    ]
    assert clock(confirmed, "response").due == clock([ev("filed", "2026-11-21", 1)], "response").due


def test_the_latest_appeal_gets_the_decision_clock():
    events = received("2026-01-05") + [
        ev("determination", "2026-01-20", 2, outcome="denial"),
        ev("appeal_filed", "2026-02-10", 3, agency_received_on=D("2026-02-11")),
        ev("appeal_decided", "2026-03-10", 4, outcome="remanded"),
        ev("determination", "2026-05-01", 5, outcome="partial"),
        ev("appeal_filed", "2026-06-01", 6, agency_received_on=D("2026-06-02")),
    ]
    c = clock(events, "appeal_decision")
    assert c.due == D("2026-07-01") and c.is_open  # Juneteenth skipped
    assert clock(events, "appeal_window:partial").start == D("2026-05-01")


def test_closing_a_request_ends_its_response_clock():
    events = received("2026-03-02") + [ev("closed", "2026-03-25", 2)]
    c = clock(events, "response")
    assert c.done_on == D("2026-03-25") and not c.is_open
    assert next_deadline(compute_clocks(events, calendar())) is None


def test_fee_waiver_and_expedite_denials_open_an_appeal_window():
    for type_, outcome, kind in (
        ("fee_decision", "waiver_denied", "fee_waiver"),
        ("expedite_decided", "denied", "expedite"),
    ):
        events = received("2026-03-02") + [ev(type_, "2026-03-10", 2, outcome=outcome)]
        c = clock(events, f"appeal_window:{kind}")
        assert c.due == D("2026-06-08") and "Adverse" in c.explain()


@settings(max_examples=300, deadline=None)
@given(days, gaps, gaps, st.booleans())
def test_due_is_always_a_working_day_even_with_tolls_and_weekend_receipts(on, ask_after, answer_after, ext):
    cal = calendar()
    ask = on + timedelta(days=ask_after % 25)
    answer = ask + timedelta(days=answer_after)
    events = [
        ev("filed", on, 1, agency_received_on=on),
        ev("info_requested", ask, 2),
        ev("info_answered", answer, 3, agency_received_on=answer),
    ]
    if ext:
        events.append(ev("extension_notice", ask, 4))
    c = response_clock(events, cal)
    assert c.due is not None and cal.is_working_day(c.due)


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=0, max_value=10))
def test_a_named_date_within_ten_working_days_is_the_due_date(on, extra):
    cal = calendar()
    plain = response_clock(received(on), cal).due
    named = cal.add_working_days(plain, extra)
    c = response_clock(received(on) + [ev("extension_notice", on, 2, named_date=named)], cal)
    assert c.due == named and not c.warnings


def test_the_trace_cites_the_clause_each_pause_and_cap_rests_on():
    """A lawyer checks each line against its clause: a request for information tolls under
    552(a)(6)(A)(ii)(I), a fee clarification under (ii)(II); the routing cap's "ten days" is
    read as working days. Received Mon 2026-06-01; fee clarification Thu Jun 11 (working day 8),
    answer received Thu Jul 9 (day 0 again, 12 left): Jul 10 (1), 13-17 (6), 20-24 (11),
    Mon Jul 27 (12). The same with an information request instead: the same dates."""
    for asked, answered, clause in (
        ("fee_clarification_requested", "fee_clarification_answered", "(II)"),
        ("info_requested", "info_answered", "(I)"),
    ):
        events = received("2026-06-01") + [
            ev(asked, "2026-06-11", 2),
            ev(answered, "2026-07-09", 3, agency_received_on=D("2026-07-09")),
        ]
        c = clock(events, "response")
        assert c.due == D("2026-07-27")
        assert f"Paused (5 U.S.C. 552(a)(6)(A)(ii){clause}) until" in c.explain()
    # Routed: first receipt Mon 2026-03-02, cap 10 working days later, Mon Mar 16.
    routed = received("2026-03-02") + [ev("routed", "2026-03-26", 2, agency_received_on=D("2026-03-26"))]
    c = clock(routed, "response")
    assert c.start == D("2026-03-16")
    assert "the statute says 'ten days', read as working days" in c.explain()


def test_a_day_off_receipt_says_the_statute_allows_the_earlier_count():
    """Received Sat 2026-05-02: deemed Mon May 4, so 20 working days end Tue Jun 2 (May 25
    Memorial Day not counted). Counted from the Saturday itself, Mon May 4 is day 1 and the
    20th working day is Mon Jun 1: the trace must say the strict count ends a day earlier."""
    c = clock(received("2026-05-02"), "response")
    assert c.due == D("2026-06-02")
    assert "counted from the day off itself, as the statute's words also allow" in c.explain()
    assert "one working day" in c.explain()


def test_an_appeal_window_ending_on_a_holiday_names_it_and_does_not_roll_forward():
    """A Glomar response dated Thu 2026-08-13; 90 calendar days later is Wed Nov 11, Veterans
    Day (Aug 13 + 18 = Aug 31, + 30 = Sep 30, + 31 = Oct 31, + 11 = Nov 11). The window is not
    moved to Thu Nov 12: send it before."""
    events = received("2026-07-20") + [ev("determination", "2026-08-13", 2, outcome="glomar")]
    c = clock(events, "appeal_window:glomar")
    assert c.due == D("2026-11-11")
    assert c.warnings == (
        "2026-11-11 is Veterans Day, a day federal offices are closed: send the appeal before it "
        "(the rule does not move the last day to the next working day)",
    )


def test_the_fee_bar_does_not_read_a_timely_notice_as_a_lasting_excuse():
    """552(a)(4)(A)(viii)(II)(aa): a timely unusual-circumstances notice excuses a missed time
    limit only "for an additional 10 days"; an agency that also misses the extended date (here
    Mon 2026-05-18: received Mon Apr 6, 20 working days to May 4, notice of Apr 22 adds 10 to
    May 18) cannot charge search fees unless (bb) or (cc) applies. The milestone (Tue May 19)
    must not list the notice alone as an exception."""
    events = received("2026-04-06") + [ev("extension_notice", "2026-04-22", 2, named_date=D("2026-05-18"))]
    c = clock(events, "exhaustion")
    assert c.due == D("2026-05-19")
    assert "unless (aa) it sent a timely unusual-circumstances notice," not in c.rule
    assert "a timely notice alone, (aa), excuses the delay only for 10 more days" in c.rule


def test_a_milestone_is_owed_by_no_one_in_its_trace():
    # Received Mon 2026-12-07: 20 working days skip Christmas and New Year's Day, due Wed
    # 2027-01-06; the requester may sue from the next day. Nobody owes that date.
    c = clock(received("2026-12-07"), "exhaustion")
    assert c.due == D("2027-01-07")
    assert c.explain().splitlines()[0] == "Constructive exhaustion from — a milestone, owed by no one"
    assert "owed by the agency" in clock(received("2026-12-07"), "response").explain()
