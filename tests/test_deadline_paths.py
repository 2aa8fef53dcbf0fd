"""Deadlines on every path (issue 10): appeal windows side by side, routing chains, referrals
and consultations, appeal-stage extensions and exhaustion, requester-owed lifecycles, a late
answer, fee estimates on hold, the agency's estimated completion date, ``show --json``.

Every expected date is worked out by hand from the statute and OPM's 2026 table (holidays:
Jan 1, Jan 19, Feb 16, May 25, Jun 19, Jul 3 observed, Sep 7, Oct 12, Nov 11, Nov 26, Dec 25);
the working is in the comments. The batch engine is checked on the same histories, through
the list and the agenda as the window reads them.
"""

import json
import random
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiadesk.cli import run
from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import AppealRule, compute_clocks, next_deadline
from foiadesk.core.deadlines.events import EVENT_TYPES, Event
from foiadesk.core.demo import synthetic_history
from foiadesk.core.tracking.agenda import open_deadlines
from foiadesk.core.tracking.listing import CLOCK_LABELS, CLOCKS, RequestIndex

D = date.fromisoformat
DHS = AppealRule(90, "working", "6 CFR 5.8(a)(1)")
STATUTORY = AppealRule()
CAL = calendar()


def ev(type_, on, id_, **kw):
    return Event(type_, D(on), id=id_, **kw)


def filed(on, received=None):
    return [ev("filed", on, 1, agency_received_on=D(received or on))]


def clocks(events, rule=STATUTORY):
    return {c.key: c for c in compute_clocks(events, CAL, rule)}


def index_of(histories, components, today):
    """The window's list (and so its agenda) over these histories, without a database."""
    index = RequestIndex(CAL, today)
    n = len(components)
    req = {
        "id": np.arange(1, n + 1, dtype=np.int64),
        "title": [f"request {i + 1}" for i in range(n)],
        "component": components,
        "component_id": np.unique(components, return_inverse=True)[1],
        "component_name": components,
        "case_id": np.full(n, batch.NONE, dtype=np.int64),
        "tracking": [""] * n,
        "tags": [""] * n,
    }
    part, asks = index._part(req, event_columns(histories))
    index._set(part)
    index.asks = asks
    return index


def event_columns(histories):
    """The histories as ``index_read.read_events`` gives a log's events: ordered by request,
    date and id, types and outcomes as codes, dates as ordinals."""
    from foiadesk.core.tracking.listing import OUTCOMES, TYPES

    def day(d):
        return d.toordinal() if d else batch.NONE

    rows = [
        (rid, TYPES.index(e.type), day(e.occurred_on), day(e.agency_received_on), day(e.named_date),
         OUTCOMES.index(e.outcome) if e.outcome in OUTCOMES else (-2 if e.outcome else batch.NONE), e.id)
        for rid, events in enumerate(histories, start=1)
        for e in sorted(events, key=lambda e: (e.occurred_on, e.id))
    ]  # fmt: skip
    table = np.array(rows, dtype=np.int64).reshape(len(rows), 7)
    names = ("request_id", "type", "on", "received", "named", "outcome", "id")
    return {name: np.ascontiguousarray(table[:, i]) for i, name in enumerate(names)}


def batch_due(events, key, rule=STATUTORY, today=None):
    result = batch.compute(batch.extract([events], CAL, [rule]), CAL)
    value = int(batch.open_due(result, key, today)[0]) if f"{key}_done" in result else int(result[key][0])
    return None if value == batch.NONE else date.fromordinal(value)


# -- 1. each adverse decision keeps its own window ---------------------------------------------


USCIS = filed("2026-03-02") + [
    ev("fee_decision", "2026-05-04", 2, outcome="waiver_denied"),
    ev("determination", "2026-06-01", 3, outcome="partial"),
]


def test_an_earlier_fee_waiver_window_stays_beside_the_partial_grants():
    # 90 working days at DHS (6 CFR 5.8(a)(1)), counted by month from the day after.
    # From Mon 05-04: May 18 (Memorial Day off), June 21 (Juneteenth off) = 39, July 22
    # (Jul 3 off) = 61, August 21 = 82, Sep 1-4, 8-11 (Labor Day off) = 90 → Fri 2026-09-11.
    # From Mon 06-01: June 20 (Juneteenth off), July 22 = 42, August 21 = 63, September 21
    # = 84, Oct 1, 2, 5, 6, 7, 8 = 90 → Thu 2026-10-08.
    c = clocks(USCIS, DHS)
    waiver, partial = c["appeal_window:fee_waiver"], c["appeal_window:partial"]
    assert (waiver.due, partial.due) == (D("2026-09-11"), D("2026-10-08"))
    assert waiver.label == "Appeal the fee-waiver denial by"
    assert partial.label == "Appeal the partial denial by"
    today = D("2026-07-01")
    assert waiver.owed(today) and partial.owed(today)
    assert next_deadline(list(c.values()), today) is waiver
    # the window's list and agenda show both, with the same words
    index = index_of([USCIS], ["USCIS"], today)
    found = open_deadlines(index, owed_by="requester")
    shown = [
        (CLOCK_LABELS[CLOCKS[k]], date.fromordinal(int(d)))
        for k, d in zip(found.clocks, found.due, strict=True)
    ]
    assert shown == [
        ("Appeal the fee-waiver denial by", D("2026-09-11")),
        ("Appeal the partial denial by", D("2026-10-08")),
    ]


def test_an_appeal_meets_the_window_of_the_decision_it_appeals():
    partial_only = USCIS + [ev("appeal_filed", "2026-06-20", 4, outcome="partial")]
    c = clocks(partial_only, DHS)
    assert c["appeal_window:partial"].state(D("2026-07-01")) == "met"
    assert c["appeal_window:fee_waiver"].owed(D("2026-07-01"))  # still owed: a separate decision
    assert batch_due(partial_only, "appeal_window:fee_waiver", DHS) == D("2026-09-11")
    everything = USCIS + [ev("appeal_filed", "2026-06-20", 4)]  # no scope: every open decision
    c = clocks(everything, DHS)
    assert {c[k].state(D("2026-07-01")) for k in ("appeal_window:partial", "appeal_window:fee_waiver")} == {
        "met"
    }
    assert batch_due(everything, "appeal_window:fee_waiver", DHS) is None


def test_an_expedite_denial_is_moot_at_the_determination_but_a_fee_waiver_denial_is_not():
    events = filed("2026-03-02") + [
        ev("expedite_decided", "2026-03-10", 2, outcome="denied"),
        ev("fee_decision", "2026-03-10", 3, outcome="waiver_denied"),
        ev("determination", "2026-04-01", 4, outcome="full_grant"),
    ]
    c = clocks(events)
    expedite, waiver = c["appeal_window:expedite"], c["appeal_window:fee_waiver"]
    # 90 calendar days from 2026-03-10: 21 left in March, 30 April, 31 May = 82; June 8 = 90.
    assert expedite.due == waiver.due == D("2026-06-08")
    assert expedite.state(D("2026-04-02")) == "moot" and not expedite.owed(D("2026-04-02"))
    assert "552(a)(6)(E)(iv)" in expedite.explain()
    assert waiver.owed(D("2026-04-02"))
    owed = [k for k, clock in c.items() if clock.owed(D("2026-04-02")) and clock.owed_by == "requester"]
    assert owed == ["appeal_window:fee_waiver"]  # a fully granted request owes no other appeal
    assert batch_due(events, "appeal_window:expedite") is None
    assert batch_due(events, "appeal_window:fee_waiver") == D("2026-06-08")


@pytest.mark.parametrize("end", ["closed", "withdrawn"])
def test_nothing_is_owed_on_a_closed_or_withdrawn_request(end):
    events = filed("2026-01-05") + [
        ev("determination", "2026-01-20", 2, outcome="denial"),
        ev(end, "2026-02-01", 3),
    ]
    window = clocks(events)["appeal_window:denial"]
    assert window.state(D("2026-02-02")) == "moot" and not window.owed(D("2026-02-02"))
    assert batch_due(events, "appeal_window:denial") is None


# -- 5. lifecycles of what the requester owes --------------------------------------------------


def test_a_window_that_passed_unused_is_history_not_a_to_do():
    events = filed("2026-01-05") + [
        ev("determination", "2026-01-20", 2, outcome="denial"),
        ev("info_requested", "2026-01-07", 3, named_date=D("2026-01-16")),
    ]
    c = clocks(events)
    window = c["appeal_window:denial"]
    # 90 calendar days from 2026-01-20: 11 in January, 28 February, 31 March = 70; April 20.
    assert window.due == D("2026-04-20")
    assert window.state(D("2026-04-20")) == "open" and window.owed(D("2026-04-20"))
    for later in (D("2026-04-21"), D("2030-12-31")):
        assert window.state(later) == "missed" and not window.owed(later)
        assert all(not k.owed(later) for k in c.values() if k.owed_by == "requester")
    index = index_of([events], ["DOJ-OIP"], D("2026-04-20"))
    assert index.owes_requester().tolist() == [True]
    index = index_of([events], ["DOJ-OIP"], D("2026-04-21"))
    assert index.owes_requester().tolist() == [False]
    assert len(open_deadlines(index, owed_by="requester")) == 0


def test_a_met_window_says_so_and_reply_labels_say_what_is_owed():
    events = filed("2026-03-02") + [
        ev("info_requested", "2026-03-05", 2, named_date=D("2026-04-01")),
        ev("determination", "2026-06-01", 3, outcome="no_records"),
        ev("appeal_filed", "2026-06-10", 4),
    ]
    c = clocks(events)
    assert c["appeal_window:no_records"].state(D("2026-07-01")) == "met"
    assert c["appeal_window:no_records"].label == "Appeal the no-records response by"
    reply = next(k for k in c.values() if k.key.startswith("reply:"))
    assert reply.label == "Answer the request for information by"


# -- 2. routing chains -------------------------------------------------------------------------


CHAIN = filed("2026-01-30", "2026-02-02") + [
    ev("routed", "2026-02-05", 2, agency_received_on=D("2026-02-05")),  # DHS Privacy → CBP
    ev("routed", "2026-02-20", 3, agency_received_on=D("2026-02-20")),  # CBP → ICE
]


def test_a_second_routing_keeps_the_first_components_cap():
    # Cap: 10 working days after Mon 2026-02-02: Feb 3,4,5,6 (4), 9-13 (9), Feb 16 is
    # Washington's Birthday, Tue 02-17 (10). ICE got it 02-20, after the cap: the clock
    # starts 02-17. 20 working days: Feb 18,19,20 (3), 23-27 (8), Mar 2-6 (13), 9-13 (18),
    # 16 (19), 17 (20) → Tue 2026-03-17; exhaustion from 03-18.
    c = clocks(CHAIN, DHS)
    response = c["response"]
    assert (response.start, response.due) == (D("2026-02-17"), D("2026-03-17"))
    assert c["exhaustion"].due == D("2026-03-18")
    text = response.explain()
    assert "Routed to another component 2026-02-05" in text and "Routed again 2026-02-20" in text
    assert batch_due(CHAIN, "response") == D("2026-03-17")


def test_a_chain_within_the_cap_starts_at_the_proper_components_receipt():
    events = CHAIN[:2] + [ev("routed", "2026-02-12", 3, agency_received_on=D("2026-02-12"))]
    # ICE received it Thu 02-12, before the cap (02-17). 20 working days: Feb 13 (1),
    # 17-20 (5), 23-27 (10), Mar 2-6 (15), 9-13 (20) → Fri 2026-03-13.
    assert clocks(events)["response"].due == D("2026-03-13")
    assert batch_due(events, "response") == D("2026-03-13")


# -- 3. referrals and consultations ------------------------------------------------------------


def test_a_referred_request_counts_from_the_receiving_agencys_receipt_without_the_cap():
    events = [
        ev("referral_received", "2026-06-02", 1, agency_received_on=D("2026-06-04")),
    ]
    # 20 working days after Thu 2026-06-04: Jun 5 (1), 8-12 (6), 15-18 (10), Juneteenth off,
    # 22-26 (15), 29-30 (17), Jul 1-2 (19), Jul 3 off, Mon Jul 6 (20).
    response = clocks(events)["response"]
    assert response.due == D("2026-07-06") and "no routing cap" in response.explain()
    assert batch_due(events, "response") == D("2026-07-06")


def test_a_consultation_does_not_stop_the_clock():
    events = filed("2026-03-02") + [ev("consultation", "2026-03-10", 2)]
    # 20 working days after Mon 2026-03-02: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19),
    # Mon 03-30 (20).
    response = clocks(events)["response"]
    assert response.due == D("2026-03-30")
    assert "Consultation with another agency 2026-03-10: the clock keeps running" in response.explain()


def test_referring_creates_the_request_at_the_other_agency(tmp_path):
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect
    from foiadesk.core.tracking.tracker import view_request

    db = connect(tmp_path / "r.sqlite3")
    directory = load_directory()
    log.add_directory_request(db, directory.component("ICE"), title="MOU")
    log.record_event(db, 1, log.NewEvent("filed", D("2026-03-02"), agency_received_on=D("2026-03-02")))
    with pytest.raises(log.LogError, match="same agency"):
        log.refer_request(
            db, 1, on=D("2026-06-02"), component=directory.component("CBP"), today=D("2026-07-01")
        )
    assert len(log.events_for(db, 1)) == 1  # refused: nothing written
    changes = log.refer_request(
        db,
        1,
        on=D("2026-06-02"),
        component=directory.component("DOJ-OIP"),
        what="12 pages of DOJ records",
        received_on=D("2026-06-04"),
        today=D("2026-07-01"),
    )
    referring = view_request(db, 1)
    assert [(e.type, e.linked_request) for e in referring.events][-1] == ("referral", changes.new_id)
    received = view_request(db, changes.new_id)
    assert received.component == "DOJ-OIP" and received.status == "Processing"
    assert {c.key: c for c in received.clocks}["response"].due == D("2026-07-06")
    # the referring request's own clock is untouched: due 2026-03-30 as before
    assert {c.key: c for c in referring.clocks}["response"].due == D("2026-03-30")


# -- 4. appeal-stage clocks ----------------------------------------------------------------------


APPEAL = filed("2026-06-01") + [
    ev("determination", "2026-08-03", 2, outcome="partial"),
    ev("appeal_filed", "2026-09-01", 3, agency_received_on=D("2026-09-02")),
]


def test_an_appeal_decision_is_extended_to_the_date_named_within_ten_working_days():
    # 20 working days after Wed 2026-09-02 (Labor Day off): Thu 2026-10-01. Eight working
    # days later: Oct 2 (1), 5-9 (6), Columbus Day off, 13 (7), 14 (8) → Wed 2026-10-14.
    events = APPEAL + [ev("appeal_extension_notice", "2026-09-25", 4, named_date=D("2026-10-14"))]
    decision = clocks(events)["appeal_decision"]
    assert decision.due == D("2026-10-14") and decision.warnings == ()
    assert clocks(events)["appeal_exhaustion"].due == D("2026-10-15")
    assert batch_due(events, "appeal_decision") == D("2026-10-14")
    assert batch_due(events, "appeal_exhaustion") == D("2026-10-15")


def test_an_appeal_extension_beyond_ten_working_days_is_flagged():
    # 2026-10-30 is 20 working days after 10-01; the statute allows 10: Oct 2 (1), 5-9 (6),
    # 13-16 (10) → Fri 2026-10-16.
    events = APPEAL + [ev("appeal_extension_notice", "2026-09-25", 4, named_date=D("2026-10-30"))]
    decision = clocks(events)["appeal_decision"]
    assert decision.due == D("2026-10-16")
    assert any("552(a)(6)(B)(ii)" in w for w in decision.warnings)
    assert batch_due(events, "appeal_decision") == D("2026-10-16")


def test_appeal_extensions_are_capped_at_ten_working_days_in_all():
    # First notice names 10-08 (+5: Oct 2, 5, 6, 7, 8); the second names 10-22, 9 more, but
    # only 5 remain: Oct 9, 13, 14, 15, 16 → 2026-10-16, 10 working days after 10-01.
    events = APPEAL + [
        ev("appeal_extension_notice", "2026-09-20", 4, named_date=D("2026-10-08")),
        ev("appeal_extension_notice", "2026-10-05", 5, named_date=D("2026-10-22")),
    ]
    assert clocks(events)["appeal_decision"].due == D("2026-10-16")
    assert batch_due(events, "appeal_decision") == D("2026-10-16")


def test_a_missed_appeal_decision_gives_appeal_stage_exhaustion():
    c = clocks(APPEAL)
    assert c["appeal_exhaustion"].due == D("2026-10-02")
    assert c["appeal_exhaustion"].state(D("2026-10-02")) == "reached"
    late = clocks(APPEAL + [ev("appeal_decided", "2026-10-20", 4, outcome="denied")])
    assert late["appeal_exhaustion"].state(D("2026-10-21")) == "answered late"
    on_time = clocks(APPEAL + [ev("appeal_decided", "2026-10-01", 4, outcome="denied")])
    assert "appeal_exhaustion" not in on_time


# -- issue 9 item 7: the extension cap is 10 working days in all ---------------------------


def test_the_response_extension_cap_is_ten_working_days_across_notices():
    # Due Mon 2026-03-30 (above). The first notice names Tue 04-07: Mar 31, Apr 1, 2, 3, 6, 7
    # = +6. The second names Fri 04-17, 8 more, but only 4 remain: Apr 8, 9, 10, 13 →
    # Mon 2026-04-13 (10 working days after 03-30). A cap per notice would give 04-17.
    events = filed("2026-03-02") + [
        ev("extension_notice", "2026-03-10", 2, named_date=D("2026-04-07")),
        ev("extension_notice", "2026-04-01", 3, named_date=D("2026-04-17")),
    ]
    response = clocks(events)["response"]
    assert response.due == D("2026-04-13")
    assert any("552(a)(6)(B)(ii)" in w for w in response.warnings)
    assert batch_due(events, "response") == D("2026-04-13")
    # notices without a date: the first takes all ten, the second adds nothing
    bare = filed("2026-03-02") + [
        ev("extension_notice", "2026-03-10", 2),
        ev("extension_notice", "2026-03-20", 3),
    ]
    assert clocks(bare)["response"].due == batch_due(bare, "response") == D("2026-04-13")


# -- 6. after a late answer -------------------------------------------------------------------


def test_after_a_late_answer_the_path_is_an_administrative_appeal():
    events = filed("2026-03-02") + [ev("determination", "2026-04-15", 2, outcome="partial")]
    exhaustion = clocks(events)["exhaustion"]
    assert exhaustion.due == D("2026-03-31")  # due 03-30, exhaustion the next day
    assert exhaustion.state(D("2026-05-01")) == "answered late"
    text = exhaustion.explain()
    assert "The agency answered late, on 2026-04-15" in text
    assert "administrative appeal is now the path" in text
    assert "Oglesby v. U.S. Dep't of the Army, 920 F.2d 57" in text and "[V]" in text
    assert "552(a)(4)(A)(viii)" in text  # the fee bar still shows


# -- 7. fee estimates on hold ------------------------------------------------------------------


def _estimate(outcome):
    return filed("2026-03-02") + [
        ev("fee_estimate", "2026-03-16", 2, amount_cents=47000, outcome=outcome),
        ev("fee_estimate_answered", "2026-03-20", 3, agency_received_on=D("2026-03-23")),
    ]


def test_a_fee_estimate_on_hold_tolls_like_a_fee_clarification():
    # Counted from 03-02 through Mon 03-16: Mar 3-6 (4), 9-13 (9), 16 (10); 10 left. Restart
    # on Mon 03-23 (day 0): Mar 24-27 (4), 30-31, Apr 1-3 (9), Mon Apr 6 (10) → 2026-04-06.
    held = clocks(_estimate("on_hold"))["response"]
    assert held.due == D("2026-04-06") and held.hold_alternative is None
    assert batch_due(_estimate("on_hold"), "response") == D("2026-04-06")


def test_a_fee_estimate_not_on_hold_keeps_the_statutory_date_and_shows_the_other():
    plain = clocks(_estimate(None))["response"]
    assert (plain.due, plain.hold_alternative) == (D("2026-03-30"), D("2026-04-06"))
    assert "If the fee estimate put the request on hold" in plain.explain()
    assert batch_due(_estimate(None), "response") == D("2026-03-30")


# -- 8. the agency's estimated completion date ---------------------------------------------------


def test_the_latest_estimated_completion_date_is_shown_with_its_history():
    events = filed("2026-03-02") + [
        ev("acknowledged", "2026-03-05", 2, named_date=D("2026-05-01")),
        ev("estimated_completion", "2026-04-20", 3, named_date=D("2026-06-15")),
    ]
    c = clocks(events)
    estimate = c["estimate"]
    assert estimate.due == D("2026-06-15") and estimate.state(D("2026-04-21")) == "estimate"
    assert "estimated 2026-06-15 (was 2026-05-01)" in estimate.explain()
    assert "552(a)(7)(B)(ii)" in estimate.cite
    assert not estimate.owed(D("2026-04-21"))  # beside the statutory date, never instead of it
    assert next_deadline(list(c.values()), D("2026-04-21")).key == "response"
    index = index_of([events], ["ICE"], D("2026-04-21"))
    assert index.estimate(0) == D("2026-06-15")
    assert index.label(0, "response") == "Response due (agency estimates 2026-06-15)"


# -- 9. show --json --------------------------------------------------------------------------------


def test_show_json_has_every_clock_and_event(tmp_path, capsys):
    db = str(tmp_path / "j.sqlite3")
    assert run(["add-request", "--db", db, "--title", "USCIS policy", "--component", "USCIS"]) == 0
    for args in (
        ["filed", "--on", "2026-03-02", "--agency-received", "2026-03-02", "--confirmation", "PORTAL-77"],
        ["acknowledged", "--on", "2026-03-04", "--tracking", "2026-USCIS-1"],
        ["fee_decision", "--on", "2026-05-04", "--outcome", "waiver_denied"],
        ["fee_estimate", "--on", "2026-05-10", "--amount", "470", "--on-hold"],
        ["determination", "--on", "2026-06-01", "--outcome", "partial"],
    ):
        assert run(["log", "--db", db, "1", *args]) == 0
    capsys.readouterr()
    assert run(["show", "--db", db, "1", "--json", "--today", "2026-07-01"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["component"], record["status"]) == (1, "USCIS", "Partly granted")
    assert (record["tracking_numbers"], record["confirmations"]) == (["2026-USCIS-1"], ["PORTAL-77"])
    windows = {c["name"]: c for c in record["clocks"] if c["key"].startswith("appeal_window")}
    assert windows["Appeal the fee-waiver denial by"]["due"] == "2026-09-11"
    assert windows["Appeal the partial denial by"]["due"] == "2026-10-08"
    assert windows["Appeal the partial denial by"]["for"] == "an administrative appeal of the partial denial"
    assert {c["status"] for c in windows.values()} == {"open"}
    assert {c["owed_by"] for c in windows.values()} == {"requester"}
    assert record["next_deadline"]["name"] == "Appeal the fee-waiver denial by"
    events = [(e["type"], e["occurred_on"], e["outcome"]) for e in record["events"]]
    assert ("fee_estimate", "2026-05-10", "on_hold") in events


def test_the_command_line_refuses_bad_referrals_and_holds_in_one_line(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    assert run(["add-request", "--db", db, "--title", "MOU", "--component", "ICE"]) == 0
    assert run(["log", "--db", db, "1", "filed", "--on", "2026-03-02"]) == 0
    capsys.readouterr()
    assert run(["log", "--db", db, "1", "acknowledged", "--on", "2026-03-05", "--on-hold"]) == 2
    assert run(["log", "--db", db, "1", "referral", "--on", "2026-03-10"]) == 2
    assert run(["log", "--db", db, "1", "referral", "--on", "2026-03-10", "--to", "CBP"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("foiadesk: ") for line in err)
    assert run(["log", "--db", db, "1", "referral", "--on", "2026-03-10", "--to", "DOJ-OIP"]) == 0
    assert run(["show", "--db", db, "2", "--json"]) == 0


# -- properties --------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 2), max_value=date(2027, 6, 30))
gaps = st.integers(min_value=0, max_value=40)


@settings(max_examples=200, deadline=None)
@given(days, st.lists(gaps, min_size=1, max_size=4))
def test_routing_never_starts_a_clock_later_than_the_cap(on, hops):
    events = [Event("filed", on, agency_received_on=on, id=1)]
    day = on
    for i, gap in enumerate(hops):
        day += timedelta(days=gap)
        events.append(Event("routed", day, agency_received_on=day, id=i + 2))
    cap = CAL.add_working_days(CAL.on_or_next_working_day(on), 10)
    response = clocks(events)["response"]
    assert response.start <= cap
    assert response.start == min(cap, CAL.on_or_next_working_day(day))
    assert batch_due(events, "response") == response.due


@settings(max_examples=200, deadline=None)
@given(days, gaps, gaps, st.integers(min_value=1, max_value=30))
def test_a_later_referral_receipt_never_gives_an_earlier_date(on, lag, _, later_by):
    def due(received):
        return clocks([Event("referral_received", on, agency_received_on=received, id=1)])["response"].due

    received = on + timedelta(days=lag)
    assert due(received + timedelta(days=later_by)) >= due(received)


@settings(max_examples=200, deadline=None)
@given(days, gaps, gaps)
def test_a_hold_never_shortens_the_clock(on, ask_after, answer_after):
    asked = on + timedelta(days=ask_after)
    answered = asked + timedelta(days=answer_after)
    base = [Event("filed", on, agency_received_on=on, id=1)]
    steps = [
        Event("fee_estimate", asked, id=2, outcome="on_hold"),
        Event("fee_estimate_answered", answered, agency_received_on=answered, id=3),
    ]
    assert clocks(base + steps)["response"].due >= clocks(base)["response"].due


@settings(max_examples=200, deadline=None)
@given(days, st.lists(st.tuples(gaps, st.one_of(st.none(), gaps)), min_size=1, max_size=4))
def test_extensions_never_add_more_than_ten_working_days_in_all(on, notices):
    events = [Event("filed", on, agency_received_on=on, id=1)]
    for i, (after, named) in enumerate(notices):
        sent = on + timedelta(days=after)
        events.append(
            Event(
                "extension_notice",
                sent,
                named_date=None if named is None else sent + timedelta(days=named),
                id=i + 2,
            )
        )
    base = clocks(events[:1])["response"].due
    due = clocks(events)["response"].due
    assert base <= due <= CAL.add_working_days(base, 10)
    assert batch_due(events, "response") == due


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 2000), st.integers(1, 2000))
def test_a_missed_window_never_reappears_as_owed(seed, first, then):
    history = synthetic_history(random.Random(seed), date(2026, 11, 25))
    history = [
        Event(e.type, e.occurred_on, e.agency_received_on, e.named_date, e.outcome, id=i)
        for i, e in enumerate(history)
    ]
    t1 = date(2022, 1, 3) + timedelta(days=first)
    t2 = t1 + timedelta(days=then)
    for clock in compute_clocks(history, CAL, DHS):
        if clock.owed_by == "requester" and clock.due and t1 > clock.due:
            assert not clock.owed(t1) and not clock.owed(t2)
            assert clock.state(t2) in ("missed", "met", "moot")


# -- the two engines on the paths the window uses --------------------------------------------


def _random_history(rng):
    """Any event in any order: routing chains, referrals, appeal extensions, holds."""
    types = list(EVENT_TYPES) + [
        "routed",
        "routed",
        "appeal_extension_notice",
        "fee_decision",
        "determination",
    ]
    start = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
    first = rng.choice(["filed", "filed", "referral_received"])
    events = [Event(first, start, agency_received_on=start + timedelta(days=rng.randint(0, 4)), id=1)]
    for i in range(rng.randint(0, 10)):
        t = rng.choice(types)
        on = start + timedelta(days=rng.randint(0, 200))
        kw = {}
        if EVENT_TYPES[t].agency_receipt and rng.random() < 0.6:
            kw["agency_received_on"] = on + timedelta(days=rng.randint(0, 10))
        if EVENT_TYPES[t].named_date and rng.random() < 0.6:
            kw["named_date"] = on + timedelta(days=rng.randint(0, 40))
        if EVENT_TYPES[t].outcomes and (not EVENT_TYPES[t].outcome_optional or rng.random() < 0.5):
            kw["outcome"] = rng.choice(EVENT_TYPES[t].outcomes)
        events.append(Event(t, on, id=i + 2, **kw))
    return events


def test_the_list_and_agenda_agree_with_the_per_request_engine():
    rng = random.Random(10)
    histories = [_random_history(rng) for _ in range(1500)]
    demo = [synthetic_history(rng, date(2026, 11, 25)) for _ in range(1500)]
    histories += [
        [
            Event(e.type, e.occurred_on, e.agency_received_on, e.named_date, e.outcome, id=j)
            for j, e in enumerate(h)
        ]
        for h in demo
    ]
    components = [rng.choice(["ICE", "DOJ-OIP"]) for _ in histories]
    rules = {"ICE": DHS, "DOJ-OIP": STATUTORY}
    for today in (date(2024, 6, 1), date(2026, 11, 25)):
        index = index_of(histories, components, today)
        agenda = open_deadlines(index)
        listed = sorted(
            (int(index.columns["id"][r]), CLOCKS[k], int(d))
            for r, k, d in zip(agenda.rows, agenda.clocks, agenda.due, strict=True)
        )
        want_agenda = []
        for i, (events, comp) in enumerate(zip(histories, components, strict=True)):
            per_request = compute_clocks(events, CAL, rules[comp])
            owed = [c for c in per_request if c.owed(today)]
            for c in owed:  # each reply on its own, under its kind's key
                key = c.key.rsplit(":", 1)[0] if c.key.startswith("reply:") else c.key
                want_agenda.append((i + 1, key, c.due.toordinal()))
            nxt = next_deadline(per_request, today)
            row = index.row_of(i + 1)
            got = index.next_deadline(row)
            assert (got[1] if got else None) == (nxt.due if nxt else None), (i, events)
            if got and sum(1 for c in owed if c.due == nxt.due) == 1:
                assert CLOCK_LABELS[got[0]] == nxt.label, (i, events)
            assert bool(index.owes_requester()[row]) == any(c.owed_by == "requester" for c in owed)
            estimate = next((c for c in per_request if c.key == "estimate" and c.is_open), None)
            assert index.estimate(row) == (estimate.due if estimate else None)
            exhaustion = {c.key: c.due for c in per_request if c.unit == "milestone"}
            for key in ("exhaustion", "appeal_exhaustion"):
                value = int(index.clocks[key][row])
                assert (None if value == batch.NONE else date.fromordinal(value)) == exhaustion.get(key), (
                    i,
                    key,
                )
        assert listed == sorted(want_agenda)


def test_a_status_reply_with_an_estimate_is_read_as_one(tmp_path):
    """552(a)(7)(B)(ii): the estimated completion date a status reply gives becomes a date
    of its own, shown beside the statutory one."""
    from foiadesk.core.replies.files import read_reply
    from foiadesk.core.replies.importing import preview
    from foiadesk.core.replies.parse import parse_reply
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    db = connect(tmp_path / "s.sqlite3")
    log.add_request(
        db,
        title="MOU",
        component_id=log.ensure_component(db, abbr="ICE", name="ICE", agency_abbr="DHS", agency_name="DHS"),
    )
    log.record_event(db, 1, log.NewEvent("filed", D("2026-03-02"), agency_received_on=D("2026-03-02")))
    path = tmp_path / "status.txt"
    path.write_text(
        "April 20, 2026\n\nDear Requester:\n\nThis responds to your inquiry about the status of your "
        "request. Your request is in our complex processing queue. We estimate completing your "
        "request by June 15, 2026.\n\nSincerely,\nFOIA Office\n"
    )
    reply = read_reply(path)
    shown = preview(db, 1, parse_reply(reply), reply, today=D("2026-04-21"))
    assert [(e.type, e.named_date) for e in shown.events] == [("estimated_completion", D("2026-06-15"))]
    estimate = next(c for c in shown.clocks if c.label == "Agency's estimated completion")
    assert (estimate.change, estimate.new.due) == ("new", D("2026-06-15"))


def test_a_decision_after_a_withdrawal_is_owed_nothing():
    events = filed("2026-06-30") + [
        ev("withdrawn", "2026-09-06", 2),
        ev("fee_decision", "2026-09-10", 3, outcome="waiver_denied"),
    ]
    window = clocks(events)["appeal_window:fee_waiver"]
    assert window.state(D("2026-09-11")) == "moot" and not window.owed(D("2026-09-11"))
    assert batch_due(events, "appeal_window:fee_waiver") is None


# -- expedited processing asked in the request letter -------------------------------------------


def test_an_expedite_request_in_the_letter_counts_from_the_requests_receipt():
    """The expedite request was in the letter mailed Mon 2026-03-02; the acknowledgment says
    the agency received the letter Mon 2026-03-09. The expedite request arrived with it, so
    the 10-calendar-day decision clock (28 CFR 16.5(e)(4), 6 CFR 5.5(e)(4): "of its receipt")
    runs from Mar 9: Mar 9 + 10 calendar days = Thu Mar 19 (not Mar 12, from the mailing).
    The response clock counts from the same receipt: 20 working days after Mon Mar 9 is
    Mar 10-13 (4), 16-20 (9), 23-27 (14), Mar 30-Apr 3 (19), Mon Apr 6 (20)."""
    events = [
        ev("filed", "2026-03-02", 1, channel="mail"),
        ev("expedite_requested", "2026-03-02", 2),
        ev("acknowledged", "2026-03-12", 3, agency_received_on=D("2026-03-09")),
    ]
    c = clocks(events)
    assert c["expedite"].due == batch_due(events, "expedite") == D("2026-03-19")
    assert c["response"].due == batch_due(events, "response") == D("2026-04-06")
    assert "Asked in the request letter, so received with it" in c["expedite"].explain()
    assert not c["expedite"].start_assumed
    # Before the acknowledgment, both are assumed from the mailing: Mar 2 + 10 = Thu Mar 12.
    assert clocks(events[:2])["expedite"].due == batch_due(events[:2], "expedite") == D("2026-03-12")
    assert clocks(events[:2])["expedite"].start_assumed


def test_an_expedite_request_sent_later_counts_from_its_own_receipt():
    """Expedition asked separately on Fri 2026-03-20, received Mon Mar 23: Mar 23 + 10 calendar
    days = Thu Apr 2, whatever the request's own receipt (Mar 9)."""
    events = [
        ev("filed", "2026-03-02", 1, agency_received_on=D("2026-03-09")),
        ev("expedite_requested", "2026-03-20", 2, agency_received_on=D("2026-03-23")),
    ]
    assert clocks(events)["expedite"].due == batch_due(events, "expedite") == D("2026-04-02")
    # Its receipt not logged: assumed the day it was sent, Mar 20 + 10 = Mon Mar 30.
    unsure = [events[0], ev("expedite_requested", "2026-03-20", 2)]
    assert clocks(unsure)["expedite"].due == batch_due(unsure, "expedite") == D("2026-03-30")


def test_an_appeal_sent_after_its_window_is_flagged_late():
    """Denied Mon 2026-04-20; 90 calendar days later is Sun Jul 19 (Apr 20 + 10 = Apr 30,
    + 31 = May 31, + 30 = Jun 30, + 19 = Jul 19). An appeal sent Wed Jul 22 meets the window
    in the log but was late: the trace must say so. One sent Fri Jul 17 is on time."""
    base = filed("2026-04-06") + [ev("determination", "2026-04-20", 2, outcome="denial")]
    late = clocks(base + [ev("appeal_filed", "2026-07-22", 3)])["appeal_window:denial"]
    assert late.due == D("2026-07-19")
    assert any("after the window closed 2026-07-19" in w for w in late.warnings)
    on_time = clocks(base + [ev("appeal_filed", "2026-07-17", 3)])["appeal_window:denial"]
    assert not any("after the window closed" in w for w in on_time.warnings)


def test_a_toll_inside_the_extension_but_after_the_twenty_days_is_flagged():
    """Received Mon 2026-04-06: 20 working days end Mon May 4 (Apr 7-10: 4, 13-17: 9, 20-24: 14,
    Apr 27-May 1: 19, May 4: 20). A notice of Wed Apr 22 extends to Mon May 18 (May 5-8: 4,
    11-15: 9, 18: 10). The agency asks for information Mon May 11, working day 25, after the
    20-day period the statute lets it toll had run; the answer arrives Wed May 20 with 5 days
    left: May 21 (1), 22 (2), 25 Memorial Day, 26 (3), 27 (4), Thu May 28 (5). The date stays
    May 28 (the later, safe date to sue on), but the trace says the pause is open to question
    and that without it the date is May 18. Asked on Wed Apr 29 (inside the 20 days), no flag."""
    base = filed("2026-04-06") + [ev("extension_notice", "2026-04-22", 2, named_date=D("2026-05-18"))]
    late = base + [
        ev("info_requested", "2026-05-11", 3),
        ev("info_answered", "2026-05-20", 4, agency_received_on=D("2026-05-20")),
    ]
    c = clocks(late)["response"]
    assert c.due == batch_due(late, "response") == D("2026-05-28")
    assert any(
        "after the 20 working days had run (2026-05-04)" in w and "stays 2026-05-18" in w for w in c.warnings
    )
    early = base + [
        ev("info_requested", "2026-04-29", 3),
        ev("info_answered", "2026-05-06", 4, agency_received_on=D("2026-05-06")),
    ]
    assert not any("20 working days had run" in w for w in clocks(early)["response"].warnings)
