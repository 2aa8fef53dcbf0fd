"""A fifth set of whole request histories, each worked out by hand from the statute (5 U.S.C.
552(a)(6)), the agency's rule and OPM's calendar (tests/fixtures/opm-holidays-2024-2027.csv; 2028
from the rules of 5 U.S.C. 6103(a)), logged through ``foiadesk log`` (or, for dates after today,
through ``log.record_event``, the core call the CLI makes) and read back through ``foiadesk show
--json``, ``foiadesk agenda`` and the evidence bundle's index. They cover what the earlier sets
(test_deadline_sequences, _histories, _combinations, _paths, test_fee_histories) do not: an appeal
remanded and the new decision appealed again, with the first round kept in the history; a
fee-waiver denial appealed while the records request goes on, then the records appealed too; a
referral to another agency after a consultation and an extension; an information toll and then a
fee toll, one of each, across Memorial Day, Juneteenth and Independence Day; expedition granted and
then an unusual-circumstances extension; a receipt on the Friday before Columbus Day; an appeal
decided late; and leap day 2028.

Holidays used: 2026: Mon May 25, Fri Jun 19, Fri Jul 3 (observed), Mon Sep 7, Mon Oct 12, Wed Nov
11, Thu Nov 26, Fri Dec 25. 2027: Fri Jan 1, Fri Dec 24 (Christmas observed), Fri Dec 31 (New
Year's Day 2028 observed: Jan 1, 2028 is a Saturday). 2028 (6103(a)): Mon Jan 17 (third Monday of
January: Jan 1 is a Saturday, so Mondays fall on Jan 3, 10, 17), Mon Feb 21 (third Monday of
February: Feb 1 is a Tuesday, Mondays Feb 7, 14, 21); nothing in March. The day of receipt is day
0; "(n)" is a running count of working days.
"""

import json
import re
from datetime import date

from test_deadline_paths import D

from foiadesk.cli import run
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.export.bundle import index_data
from foiadesk.core.letters.next_steps import next_steps
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.tracking.tracker import view_request


def logged(tmp_path, capsys, component, *entries, title="Records"):
    """A request added and its events logged with ``foiadesk log``, as a user types them."""
    db = str(tmp_path / "log.sqlite3")
    assert run(["add-request", "--db", db, "--title", title, "--component", component]) == 0
    for args in entries:
        assert run(["log", "--db", db, "1", *args]) == 0, args
    capsys.readouterr()
    return db


def shown(db, capsys, today, request=1):
    """``foiadesk show N --json`` on ``today``."""
    assert run(["show", "--db", db, str(request), "--json", "--today", today]) == 0
    return json.loads(capsys.readouterr().out)


def agenda(db, capsys, today):
    """``foiadesk agenda`` on ``today``: (due, owed by, what, request) for each line."""
    assert run(["agenda", "--db", db, "--today", today]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    if lines == ["No open deadlines."]:
        return []
    found = [re.match(r"(\S+)\s.*?\s(agency|requester)\s+(.+?)\s+#(\d+) ", line) for line in lines]
    assert all(found), lines
    return [(m[1], m[2], m[3], int(m[4])) for m in found if m]


def by_name(record, name):
    (clock,) = [c for c in record["clocks"] if c["name"] == name]
    return clock


# -- an appeal remanded, the new decision appealed again ------------------------------------------


def test_a_remanded_appeal_stays_in_the_history_while_the_second_round_runs(tmp_path, capsys):
    """DOJ OIP (28 CFR part 16). Received Mon 2026-03-02. 20 WD: Mar 3-6 (4), 9-13 (9), 16-20 (14),
    23-27 (19), Mon Mar 30 (20) -> 2026-03-30; the denial is dated that day: met.

    First round. 28 CFR 16.8(a): 90 calendar days after the response: Mar 30 + 1 = Mar 31 (1), Apr
    30 (31), May 31 (62), Jun 28 (90) -> Sun 2026-06-28, not moved to the Monday. Appealed Wed Apr
    15, received by OIP that day: decision 20 WD (552(a)(6)(A)(ii)): Apr 16, 17 (2), 20-24 (7), Apr
    27-May 1 (12), May 4-8 (17), 11, 12, 13 (20) -> Wed 2026-05-13. Remanded Fri May 8: met.

    Second round. The partial release of Mon Jun 15: Jun 15 + 15 = Jun 30 (15), Jul 31 (46), Aug 31
    (77), Sep 13 (90) -> Sun 2026-09-13. Appealed Wed Jul 1, received that day: Jul 2 (1), Fri Jul
    3 Independence Day (observed), Jul 6-10 (6), 13-17 (11), 20-24 (16), 27-30 (20) -> Thu
    2026-07-30. Decided (denied) Mon Aug 10, late: the appeal stage's exhaustion ran from Fri Jul 31
    (552(a)(6)(C)(i)), and the decision, late, is final and open to judicial review.

    The first round's window (met by the appeal of Apr 15) and decision (met, remanded May 8) stay
    in the request's clocks, in ``show --json`` and in the bundle's index, as history: answered,
    owed by no one, offering no letter; the agenda shows only the second round's deadline."""
    db = logged(
        tmp_path,
        capsys,
        "DOJ-OIP",
        ["filed", "--on", "2026-03-02", "--agency-received", "2026-03-02", "--channel", "portal"],
        ["determination", "--on", "2026-03-30", "--outcome", "denial", "--exemptions", "b5"],
        ["appeal_filed", "--on", "2026-04-15", "--agency-received", "2026-04-15"],
        ["appeal_decided", "--on", "2026-05-08", "--outcome", "remanded"],
        ["determination", "--on", "2026-06-15", "--outcome", "partial", "--exemptions", "b5"],
        ["appeal_filed", "--on", "2026-07-01", "--agency-received", "2026-07-01"],
    )
    record = shown(db, capsys, "2026-07-20")
    first_window = by_name(record, "Appeal the denial by")
    assert (first_window["start"], first_window["due"], first_window["done_on"]) == (
        "2026-03-30",
        "2026-06-28",
        "2026-04-15",
    )
    assert (first_window["status"], first_window["owed_now"], first_window["earlier_round"]) == (
        "met",
        False,
        True,
    )
    assert "90 calendar days after it: 2026-06-28" in first_window["trace"]
    first = by_name(record, "Appeal decision due (appeal of 2026-04-15)")
    assert (first["due"], first["done_on"], first["status"], first["earlier_round"]) == (
        "2026-05-13",
        "2026-05-08",
        "met",
        True,
    )
    assert first["trace"][-1] == "Appeal decided on 2026-05-08 (remanded)"
    assert first["key"].startswith("appeal_decision:")
    second_window = by_name(record, "Appeal the partial denial by")
    assert (second_window["due"], second_window["done_on"], second_window["earlier_round"]) == (
        "2026-09-13",
        "2026-07-01",
        False,
    )
    second = by_name(record, "Appeal decision due")
    assert (second["key"], second["due"], second["status"]) == ("appeal_decision", "2026-07-30", "open")
    assert "Counted 20 working days after 2026-07-01: due 2026-07-30" in second["trace"]
    assert record["next_deadline"]["key"] == "appeal_decision"
    # the agenda: only what is owed now, the second appeal's decision
    assert agenda(db, capsys, "2026-07-20") == [("2026-07-30", "agency", "Appeal decision due", 1)]

    assert run(["log", "--db", db, "1", "appeal_decided", "--on", "2026-08-10", "--outcome", "denied"]) == 0
    capsys.readouterr()
    record = shown(db, capsys, "2026-12-07")
    second = by_name(record, "Appeal decision due")
    assert (second["due"], second["done_on"], second["status"]) == ("2026-07-30", "2026-08-10", "missed")
    late = by_name(record, "Appeal: constructive exhaustion from")
    assert (late["due"], late["status"]) == ("2026-07-31", "answered late")
    assert any("decided late, on 2026-08-10" in line and "552(a)(4)(B)" in line for line in late["trace"])
    # the first round is still there once the second is decided
    assert by_name(record, "Appeal decision due (appeal of 2026-04-15)")["status"] == "met"
    assert by_name(record, "Appeal the denial by")["status"] == "met"
    assert agenda(db, capsys, "2026-12-07") == []

    # the bundle's index keeps both rounds, each with what answered it
    index = index_data(connect(db), 1, as_of=D("2026-12-07"), cal=calendar())
    headlines = [c["headline"] for c in index["clocks"]]
    assert (
        "Appeal the denial by 2026-06-28 (owed by the requester): met; appeal filed 2026-04-15" in headlines
    )
    assert (
        "Appeal decision due (appeal of 2026-04-15) 2026-05-13 (owed by the agency): met; decided 2026-05-08"
        in headlines
    )
    assert (
        "Appeal the partial denial by 2026-09-13 (owed by the requester): met; appeal filed 2026-07-01"
        in headlines
    )
    assert (
        "Appeal decision due 2026-07-30 (owed by the agency): missed; decided 2026-08-10, 11 calendar "
        "days late" in headlines
    )
    # history offers no letter: nothing is left to ask of the first round
    view = view_request(connect(db), 1, cal=calendar())
    earlier = [c for c in view.clocks if c.earlier]
    assert {c.label for c in earlier} == {
        "Appeal the denial by",
        "Appeal decision due (appeal of 2026-04-15)",
    }
    assert all(next_steps(c, D("2026-12-07")) == [] for c in earlier)
    assert len({c.key for c in view.clocks}) == len(view.clocks)


def test_the_same_kind_of_decision_in_both_rounds_keeps_two_windows(tmp_path, capsys):
    """ICE (DHS: 6 CFR 5.8(a)(1), 90 working days). A no-records response Mon 2026-06-01, appealed
    Mon Jun 8 (received that day), remanded Wed Jun 24; a new no-records response Mon Jul 13. Both
    windows are "Appeal the no-records response by"; they differ by date. First: 90 WD after Mon
    Jun 1: Jun 2-5 (4), 8-12 (9), 15-18 (13), Fri Jun 19 Juneteenth, 22-26 (18), Jun 29-Jul 2 (22),
    Fri Jul 3 holiday, Jul 6-10 (27), 13-17 (32), 20-24 (37), 27-31 (42), Aug 3-7 (47), 10-14 (52),
    17-21 (57), 24-28 (62), Aug 31-Sep 4 (67), Mon Sep 7 Labor Day, 8-11 (71), 14-18 (76), 21-25
    (81), Sep 28-Oct 2 (86), Oct 5-9 (91): the 90th is Thu 2026-10-08; met by the appeal of Jun 8.
    First decision: 20 WD after Mon Jun 8: Jun 9-12 (4), 15-18 (8), Fri Jun 19, 22-26 (13), Jun
    29-Jul 2 (17), Fri Jul 3, Jul 6, 7, 8 (20) -> Wed 2026-07-08; remanded Jun 24: met. Second
    window, 90 WD after Mon Jul 13: Jul 14-17 (4), 20-24 (9), 27-31 (14), Aug 3-7 (19), 10-14 (24),
    17-21 (29), 24-28 (34), Aug 31-Sep 4 (39), Mon Sep 7, 8-11 (43), 14-18 (48), 21-25 (53), Sep
    28-Oct 2 (58), 5-9 (63), Mon Oct 12 Columbus Day, 13-16 (67), 19-23 (72), 26-30 (77), Nov 2-6
    (82), 9, 10 (84), Wed Nov 11 Veterans Day, 12, 13 (86), 16-19 (90) -> Thu 2026-11-19."""
    db = logged(
        tmp_path,
        capsys,
        "ICE",
        ["filed", "--on", "2026-05-01", "--agency-received", "2026-05-01", "--channel", "portal"],
        ["determination", "--on", "2026-06-01", "--outcome", "no_records"],
        ["appeal_filed", "--on", "2026-06-08", "--agency-received", "2026-06-08"],
        ["appeal_decided", "--on", "2026-06-24", "--outcome", "remanded"],
        ["determination", "--on", "2026-07-13", "--outcome", "no_records"],
    )
    # Before the second appeal: the first decision's window is history already (a new decision
    # of its kind came), the first appeal is still the only one, so its clock is not
    record = shown(db, capsys, "2026-07-20")
    decision = by_name(record, "Appeal decision due")
    assert (decision["due"], decision["status"], decision["earlier_round"]) == ("2026-07-08", "met", False)
    windows = [c for c in record["clocks"] if c["name"] == "Appeal the no-records response by"]
    assert [(w["start"], w["status"], w["earlier_round"]) for w in windows] == [
        ("2026-06-01", "met", True),
        ("2026-07-13", "open", False),
    ]
    assert run(["log", "--db", db, "1", "appeal_filed", "--on", "2026-07-20"]) == 0
    capsys.readouterr()
    record = shown(db, capsys, "2026-07-21")
    windows = [c for c in record["clocks"] if c["name"] == "Appeal the no-records response by"]
    assert [(w["start"], w["due"], w["done_on"], w["earlier_round"]) for w in windows] == [
        ("2026-06-01", "2026-10-08", "2026-06-08", True),
        ("2026-07-13", "2026-11-19", "2026-07-20", False),
    ]
    first = by_name(record, "Appeal decision due (appeal of 2026-06-08)")
    assert (first["due"], first["status"]) == ("2026-07-08", "met")
    assert "Counted 20 working days after 2026-06-08: due 2026-07-08" in first["trace"]


# -- a fee-waiver denial appealed while the records request goes on ---------------------------------


def test_a_fee_waiver_appeal_runs_beside_the_request_and_stays_once_the_records_are_appealed(
    tmp_path, capsys
):
    """ICE, received Mon 2026-06-01. Response 20 WD: Jun 2-5 (4), 8-12 (9), 15-18 (13), Fri Jun 19
    Juneteenth, 22-26 (18), 29, 30 (20) -> Tue 2026-06-30. Fee waiver denied Mon Jun 8; the denial
    is appealable (6 CFR 5.8(a)(1)) and its appeal tolls nothing (552(a)(6)(A)(ii) tolls only for
    the agency's one information request and fee clarifications). Appealed Mon Jun 15, received
    Tue Jun 16: decision 20 WD: Jun 17, 18 (2), Fri Jun 19, 22-26 (7), Jun 29-Jul 2 (11), Fri Jul
    3, Jul 6-10 (16), 13-16 (20) -> Thu 2026-07-16; granted Fri Jul 10: met. The partial release
    comes Wed Jul 22, 22 calendar days after Jun 30: missed, exhaustion from Wed Jul 1, answered
    late (Oglesby: appeal now). Appealed Mon Aug 3, received that day: Aug 4-7 (4), 10-14 (9),
    17-21 (14), 24-28 (19), Mon Aug 31 (20) -> 2026-08-31. The fee-waiver appeal, decided before,
    stays in the history; the waiver window stays met by its own appeal."""
    db = logged(
        tmp_path,
        capsys,
        "ICE",
        ["filed", "--on", "2026-06-01", "--agency-received", "2026-06-01", "--channel", "portal"],
        ["fee_decision", "--on", "2026-06-08", "--outcome", "waiver_denied"],
        ["appeal_filed", "--on", "2026-06-15", "--agency-received", "2026-06-16", "--outcome", "fee_waiver"],
    )
    record = shown(db, capsys, "2026-06-22")
    assert by_name(record, "Response due")["due"] == "2026-06-30"
    assert by_name(record, "Appeal decision due")["due"] == "2026-07-16"
    assert agenda(db, capsys, "2026-06-22") == [
        ("2026-06-30", "agency", "Response due", 1),
        ("2026-07-16", "agency", "Appeal decision due", 1),
    ]
    for args in (
        ["appeal_decided", "--on", "2026-07-10", "--outcome", "granted"],
        ["determination", "--on", "2026-07-22", "--outcome", "partial", "--exemptions", "b7E"],
        ["appeal_filed", "--on", "2026-08-03", "--agency-received", "2026-08-03", "--outcome", "partial"],
    ):
        assert run(["log", "--db", db, "1", *args]) == 0
    capsys.readouterr()
    record = shown(db, capsys, "2026-08-04")
    response = by_name(record, "Response due")
    assert (response["due"], response["done_on"], response["status"]) == (
        "2026-06-30",
        "2026-07-22",
        "missed",
    )
    assert by_name(record, "Constructive exhaustion from")["due"] == "2026-07-01"
    fee = by_name(record, "Appeal decision due (appeal of 2026-06-15)")
    assert (fee["due"], fee["done_on"], fee["status"], fee["earlier_round"]) == (
        "2026-07-16",
        "2026-07-10",
        "met",
        True,
    )
    waiver = by_name(record, "Appeal the fee-waiver denial by")
    assert (waiver["done_on"], waiver["status"]) == ("2026-06-15", "met")
    records = by_name(record, "Appeal decision due")
    assert (records["due"], records["status"]) == ("2026-08-31", "open")


# -- a referral to another agency ---------------------------------------------------------------


def test_a_consultation_an_extension_and_a_referral_each_keep_their_own_clock(tmp_path, capsys):
    """EOUSA, received Tue 2026-09-01. 20 WD: Sep 2-4 (3), Mon Sep 7 Labor Day, 8-11 (7), 14-18
    (12), 21-25 (17), 28-30 (20) -> Wed Sep 30. EOUSA consults another agency Wed Sep 9: an unusual
    circumstance (552(a)(6)(B)(iii)(III)) that adds days only by written notice; the notice of Mon
    Sep 14 names no date: +10 WD (552(a)(6)(B)(i)): Oct 1, 2 (2), 5-9 (7), Mon Oct 12 Columbus
    Day, 13-15 (10) -> Thu 2026-10-15. It refers some records to ICE Mon Sep 21; ICE receives the
    referral Wed Sep 23, and its own 20 WD run from then: Sep 24, 25 (2), Sep 28-Oct 2 (7), Oct 5-9
    (12), Mon Oct 12, 13-16 (16), 19-22 (20) -> Thu 2026-10-22. The referral does not move
    EOUSA's date. EOUSA's fee bar, on the later reading of (viii)(II)(aa): 10 WD after Oct 15: Oct
    16 (1), 19-23 (6), 26-29 (10) -> barred from Fri 2026-10-30."""
    db = logged(
        tmp_path,
        capsys,
        "EOUSA",
        ["filed", "--on", "2026-09-01", "--agency-received", "2026-09-01", "--channel", "portal"],
        ["consultation", "--on", "2026-09-09"],
        ["extension_notice", "--on", "2026-09-14"],
        ["referral", "--on", "2026-09-21", "--to", "ICE", "--agency-received", "2026-09-23"],
        title="Prosecutions",
    )
    eousa = shown(db, capsys, "2026-09-24")
    response = by_name(eousa, "Response due")
    assert response["due"] == "2026-10-15"
    consulted = next(line for line in response["trace"] if line.startswith("Consultation"))
    assert "5 U.S.C. 552(a)(6)(B)(iii)(III)" in consulted and "5 U.S.C. 552(a)(6)(B)(i)" in consulted
    bar = by_name(eousa, "Constructive exhaustion from")
    assert bar["due"] == "2026-10-16"
    assert any("barred from 2026-10-30" in line for line in bar["trace"])
    ice = shown(db, capsys, "2026-09-24", request=2)
    assert ice["component"] == "ICE"
    referred = by_name(ice, "Response due")
    assert (referred["start"], referred["due"]) == ("2026-09-23", "2026-10-22")
    assert agenda(db, capsys, "2026-09-24") == [
        ("2026-10-15", "agency", "Response due", 1),
        ("2026-10-22", "agency", "Response due", 2),
    ]


# -- one information toll, then one fee toll -------------------------------------------------------


def test_an_information_toll_then_a_fee_toll_across_three_holidays(tmp_path, capsys):
    """Treasury Departmental Offices, received Thu 2026-05-14. Information asked Wed May 20
    (552(a)(6)(A)(ii)(I), once): May 15 (1), 18, 19, 20 (4), 16 left. The answer reaches Treasury
    Tue Jun 2 (Memorial Day, May 25, falls in the pause): day 0 again. Fee clarification Mon Jun 8
    ((ii)(II)): Jun 3, 4, 5 (3), Jun 8 (4), 12 left. The fee answer reaches it Mon Jun 22
    (Juneteenth, Jun 19, in the pause): day 0 again. 12 WD: Jun 23-26 (4), Jun 29-Jul 2 (8), Fri
    Jul 3 Independence Day (observed), Jul 6-9 (12) -> Thu 2026-07-09. A second information
    request Mon Jul 6 does not toll: the statute allows one."""
    db = logged(
        tmp_path,
        capsys,
        "TREAS-DO",
        ["filed", "--on", "2026-05-14", "--agency-received", "2026-05-14", "--channel", "portal"],
        ["info_requested", "--on", "2026-05-20", "--named", "2026-06-19"],
        ["info_answered", "--on", "2026-06-01", "--agency-received", "2026-06-02"],
        ["fee_clarification_requested", "--on", "2026-06-08", "--named", "2026-06-29"],
        ["fee_clarification_answered", "--on", "2026-06-22", "--agency-received", "2026-06-22"],
        ["info_requested", "--on", "2026-07-06", "--named", "2026-07-20"],
    )
    response = by_name(shown(db, capsys, "2026-07-07"), "Response due")
    assert response["due"] == "2026-07-09"
    trace = "\n".join(response["trace"])
    assert "2026-05-20, the day the agency sent its request for information: 4 working days, 16 left" in trace
    assert (
        "2026-06-08, the day the agency sent its fee clarification request: 4 working days, 12 left" in trace
    )
    assert "day 0 again 2026-06-22, 12 working days left" in trace
    assert any(
        w.startswith("2026-07-06: a second request for information does not toll")
        for w in response["warnings"]
    )


# -- expedition granted, then an extension ------------------------------------------------------


def test_expedition_granted_then_an_unusual_circumstances_extension(tmp_path, capsys):
    """DHS Privacy Office, expedition asked in the request, received Mon 2026-11-09. 6 CFR
    5.5(e)(4): "within ten calendar days of the receipt": Nov 9 + 10 = Thu 2026-11-19; granted Tue
    Nov 17: met. Expedition changes the pace ("as soon as practicable", 552(a)(6)(E)(iii)), not the
    20-day limit: Nov 10 (1), Wed Nov 11 Veterans Day, 12, 13 (3), 16-20 (8), 23-25 (11), Thu Nov 26
    Thanksgiving, 27 (12), Nov 30-Dec 4 (17), Dec 7-9 (20) -> Wed Dec 9. The notice of Fri Dec 4
    names Wed Dec 23: Dec 10, 11 (2), 14-18 (7), 21-23 (10): +10 -> Wed 2026-12-23. Exhaustion from
    Thu Dec 24; the fee bar's later reading: 10 WD after Dec 23: Dec 24 (1), Fri Dec 25 Christmas,
    28-31 (5), Fri Jan 1, Jan 4-8 (10) -> barred from Sat 2027-01-09."""
    db = logged(
        tmp_path,
        capsys,
        "DHS-PRIV",
        ["filed", "--on", "2026-11-09", "--agency-received", "2026-11-09", "--channel", "portal"],
        ["expedite_requested", "--on", "2026-11-09"],
        ["expedite_decided", "--on", "2026-11-17", "--outcome", "granted"],
        ["extension_notice", "--on", "2026-12-04", "--named", "2026-12-23"],
    )
    record = shown(db, capsys, "2026-12-07")
    expedite = by_name(record, "Expedite decision due")
    assert (expedite["due"], expedite["status"], expedite["cite"]) == (
        "2026-11-19",
        "met",
        "5 U.S.C. 552(a)(6)(E)(ii)(I); 6 CFR 5.5(e)(4)",
    )
    response = by_name(record, "Response due")
    assert (response["due"], response["status"]) == ("2026-12-23", "open")
    assert any("+10 working days" in line for line in response["trace"])
    assert (
        "Expedited processing granted 2026-11-17: the agency must process the request as soon as "
        "practicable (5 U.S.C. 552(a)(6)(E)(iii)); the date below is the latest the statute allows, "
        "not the pace expected" in response["trace"]
    )
    bar = by_name(record, "Constructive exhaustion from")
    assert bar["due"] == "2026-12-24"
    assert any("barred from 2027-01-09" in line for line in bar["trace"])


# -- received on the Friday before a Monday holiday ----------------------------------------------


def test_received_on_the_friday_before_columbus_day(tmp_path, capsys):
    """EOUSA received the request on Fri 2026-10-09, a working day: day 0 is the Friday itself
    (no deeming). 20 WD: Mon Oct 12 Columbus Day not counted, Oct 13-16 (4), 19-23 (9), 26-30
    (14), Nov 2-6 (19), Mon Nov 9 (20) -> Mon 2026-11-09 (Wed Nov 11, Veterans Day, falls after).
    Expedition asked in the letter: 28 CFR 16.5(e)(4), 10 calendar days after receipt: Oct 9 + 10
    = Mon 2026-10-19."""
    db = logged(
        tmp_path,
        capsys,
        "EOUSA",
        ["filed", "--on", "2026-10-08", "--agency-received", "2026-10-09", "--channel", "mail"],
        ["expedite_requested", "--on", "2026-10-08"],
    )
    record = shown(db, capsys, "2026-10-13")
    response = by_name(record, "Response due")
    assert (response["start"], response["due"]) == ("2026-10-09", "2026-11-09")
    assert not any("deemed received" in line for line in response["trace"])
    expedite = by_name(record, "Expedite decision due")
    assert expedite["due"] == "2026-10-19"


# -- what the traces say about deeming ----------------------------------------------------------------


def test_the_trace_cites_no_rule_for_deeming_a_day_off_and_reads_interiors_rule_right(tmp_path, capsys):
    """A receipt on Sat 2026-06-27 is counted from Mon Jun 29 (the later, safe reading). 43 CFR
    2.58(e), read at law.lawstack.com (checked against eCFR June 2026), says: "Appeals arriving or
    delivered after 5 p.m. Eastern Time, Monday through Friday, will be deemed received on the next
    workday": appeals, after hours, on weekdays; nothing about a weekend or a holiday, so it is not
    a rule for this, and the trace must not say it is. Where an acknowledgment dates the receipt
    otherwise, the warning gives 2.58(e) for what it says."""
    db = logged(
        tmp_path,
        capsys,
        "EOUSA",
        ["filed", "--on", "2026-06-26", "--agency-received", "2026-06-27", "--channel", "portal"],
        ["acknowledged", "--on", "2026-07-01", "--agency-received", "2026-06-30"],
    )
    response = by_name(shown(db, capsys, "2026-07-01"), "Response due")
    trace = "\n".join(response["trace"])
    assert "2026-06-27, a day off (Saturday): deemed received the next working day, 2026-06-29" in trace
    assert "43 CFR 2.58(e)" not in trace
    assert "no agency rule read says how a receipt on a day off counts [U]" in trace
    (warning,) = response["warnings"]
    assert (
        "Interior's does so for an appeal arriving after 5 p.m. Eastern Time, Monday through Friday: "
        "43 CFR 2.58(e) [V]" in warning
    )
    assert "on a day off received" not in warning


# -- leap day 2028 ---------------------------------------------------------------------------------


def test_leap_day_2028_in_a_window_an_appeal_and_a_new_request(tmp_path):
    """Logged with the core's own call (``log.record_event``; the CLI refuses dates after today).

    EOUSA: a partial release dated Thu 2027-12-02. 28 CFR 16.8(a), 90 calendar days: Dec 2 + 29 =
    Dec 31 (29), Jan 31 (60), Feb 29 (89), Mar 1 (90) -> Wed 2028-03-01 (in a year without Feb 29
    it would be Mar 2). Appealed Mon Dec 20, received that day: 20 WD Dec 21-23 (3), Fri Dec 24
    Christmas (observed), Dec 27-30 (7), Fri Dec 31 New Year's Day 2028 (observed), Mon Jan 3 (8),
    Jan 4-7 (12), 10-14 (17), Mon Jan 17 MLK Day, 18-20 (20) -> Thu 2028-01-20.

    A second request, received Tue 2028-02-22 (the day after Washington's Birthday), expedition
    asked in it: 10 calendar days: Feb 23-29 is 7, Mar 1, 2, 3 -> Fri 2028-03-03. 20 WD: Feb 23-25
    (3), Feb 28, Tue Feb 29 (5), Mar 1-3 (8), 6-10 (13), 13-17 (18), 20, 21 (20) -> Tue
    2028-03-21."""
    db = connect(tmp_path / "leap.sqlite3")
    eousa = load_directory().component("EOUSA")
    first = log.add_directory_request(db, eousa, title="Charging memos").new_id
    second = log.add_directory_request(db, eousa, title="Declinations").new_id
    for rid, new in (
        (first, log.NewEvent("filed", D("2027-11-01"), channel="portal", agency_received_on=D("2027-11-01"))),
        (first, log.NewEvent("determination", D("2027-12-02"), outcome="partial")),
        (first, log.NewEvent("appeal_filed", D("2027-12-20"), agency_received_on=D("2027-12-20"))),
        (
            second,
            log.NewEvent("filed", D("2028-02-22"), channel="portal", agency_received_on=D("2028-02-22")),
        ),
        (second, log.NewEvent("expedite_requested", D("2028-02-22"))),
    ):
        log.record_event(db, rid, new, today=new.occurred_on)
    cal = calendar()
    c = {k.key: k for k in view_request(db, first, cal=cal).clocks}
    assert c["appeal_window:partial"].due == date(2028, 3, 1)
    assert c["appeal_window:partial"].done_on == date(2027, 12, 20)
    decision = c["appeal_decision"]
    assert decision.due == date(2028, 1, 20)
    trace = decision.explain()
    for day in ("2027-12-24 Christmas Day", "2027-12-31 New Year's Day", "2028-01-17 Birthday of Martin"):
        assert day in trace, day
    c = {k.key: k for k in view_request(db, second, cal=cal).clocks}
    assert c["expedite"].due == date(2028, 3, 3)
    assert c["response"].due == date(2028, 3, 21)
    assert "2028-02-29" not in c["response"].explain()  # a Tuesday, counted


# -- Interior: its own count of the 20 workdays and its appeal window ------------------------------


def test_an_interior_bureau_gets_its_appeal_window_and_its_own_day_one_count(tmp_path, capsys):
    """Bureau of Indian Affairs (Interior), received Mon 2026-11-02. The statute (day after receipt
    = day 1, as DOJ OIP's FOIA Post 2009 puts it): Nov 3-6 (4), 9, 10 (6), Wed Nov 11 Veterans Day,
    12, 13 (8), 16-20 (13), 23-25 (16), Thu Nov 26 Thanksgiving, 27 (17), Nov 30-Dec 2 (20) -> Wed
    2026-12-02. 43 CFR 2.16(a): "20 workdays (including the date of receipt)": Nov 2 is day 1, so
    its 20th workday is Tue 2026-12-01; the trace gives it beside the statute's date, tagged P (two
    secondary copies read, not the current eCFR).

    Denied Fri Nov 20. 43 CFR 2.58(a) (read at law.lawstack.com, checked against eCFR June 2026):
    the appeal must be received "no later than 90 workdays from the date of the final response".
    Nov 23-25 (3), Thu Nov 26, 27 (4), Nov 30-Dec 4 (9), 7-11 (14), 14-18 (19), 21-24 (23), Fri Dec
    25, 28-31 (27), Fri Jan 1, Jan 4-8 (32), 11-15 (37), Mon Jan 18 MLK Day, 19-22 (41), 25-29 (46),
    Feb 1-5 (51), 8-12 (56), Mon Feb 15 Washington's Birthday, 16-19 (60), 22-26 (65), Mar 1-5 (70),
    8-12 (75), 15-19 (80), 22-26 (85), Mar 29-Apr 2 (90) -> Fri 2027-04-02. (The federal default of
    90 calendar days gave Wed 2027-02-18: Nov 20 + 10 = Nov 30, + 31 = Dec 31 (41), + 31 = Jan 31
    (72), + 18 = Feb 18 (90).)"""
    db = logged(
        tmp_path,
        capsys,
        "BIA",
        ["filed", "--on", "2026-11-02", "--agency-received", "2026-11-02", "--channel", "mail"],
        title="Leases",
    )
    response = by_name(shown(db, capsys, "2026-11-10"), "Response due")
    assert response["due"] == "2026-12-02"
    (warning,) = response["warnings"]
    assert warning.startswith(
        "The agency's rule counts the date of receipt as the first of its 20 workdays (43 CFR 2.16(a) "
        "[P]): by its own count the answer is due 2026-12-01, a working day before 2026-12-02."
    )
    assert "it is the date the right to sue turns on (5 U.S.C. 552(a)(6)(C)(i))" in warning
    assert run(["log", "--db", db, "1", "determination", "--on", "2026-11-20", "--outcome", "denial"]) == 0
    capsys.readouterr()
    record = shown(db, capsys, "2026-11-25")
    assert by_name(record, "Response due")["warnings"] == []  # answered: whose count it was is moot
    window = by_name(record, "Appeal the denial by")
    assert (window["due"], window["unit"], window["cite"]) == ("2027-04-02", "working", "43 CFR 2.58(a)")
    # "must be received by the FOIA Appeals Officer": the date is the day it must arrive
    assert window["rule"] == "appeal received within 90 working days of the adverse decision [V]"
    assert window["warnings"] == [
        "2027-04-02 is the day the appeal must reach the agency (43 CFR 2.58(a)), not the day to send "
        "it: send it early enough to arrive by then"
    ]
    # an office whose agency counts as the statute does gets no such line
    other = logged(
        tmp_path / "doj",
        capsys,
        "EOUSA",
        ["filed", "--on", "2026-11-02", "--agency-received", "2026-11-02", "--channel", "mail"],
    )
    assert by_name(shown(other, capsys, "2026-11-25"), "Response due")["warnings"] == []


def test_logging_the_second_appeal_previews_a_new_round_not_a_reopened_first_one():
    """Ctrl+L's preview (the core's ``preview_event``) on the history of the first test, before the
    second appeal of Wed 2026-07-01 is logged: the new appeal's decision (due Thu 2026-07-30, as
    worked out there) is new; the first appeal's decision (met, remanded Fri May 8) and the first
    denial's window (met Apr 15) are not changed by it."""
    from foiadesk.core.deadlines.events import Event
    from foiadesk.core.tracking.preview import preview_event
    from foiadesk.core.tracking.tracker import appeal_rule

    history = [
        Event("filed", D("2026-03-02"), id=1, agency_received_on=D("2026-03-02")),
        Event("determination", D("2026-03-30"), id=2, outcome="denial"),
        Event("appeal_filed", D("2026-04-15"), id=3, agency_received_on=D("2026-04-15")),
        Event("appeal_decided", D("2026-05-08"), id=4, outcome="remanded"),
        Event("determination", D("2026-06-15"), id=5, outcome="partial"),
    ]
    second = log.NewEvent("appeal_filed", D("2026-07-01"), agency_received_on=D("2026-07-01"))
    preview = preview_event(second, history, calendar(), appeal_rule("DOJ-OIP"), today=D("2026-07-01"))
    changed = {(c.label, c.before, c.after) for c in preview.changes}
    assert ("Appeal decision due", "", "due 2026-07-30") in changed
    assert ("Appeal the partial denial by", "due 2026-09-13", "met: done 2026-07-01") in changed
    unchanged = {c.label: (c.before, c.after) for c in preview.clocks if not c.changed}
    assert unchanged["Appeal decision due (appeal of 2026-04-15)"] == ("met: done 2026-05-08",) * 2
    assert unchanged["Appeal the denial by"] == ("met: done 2026-04-15",) * 2


def test_an_appeal_letter_to_interior_reminds_the_user_the_date_is_one_of_arrival():
    """The same window as above (denied Fri 2026-11-20, to be received by Fri 2027-04-02): an appeal
    dated Mon 2027-03-29 is within it, and the user is told it must arrive by Apr 2; the letter's
    words of timeliness are unchanged. At DOJ (28 CFR 16.8(a), postmarked or transmitted within 90
    calendar days) there is nothing to add."""
    from foiadesk.core.letters.content import appeal_timeliness

    directory = load_directory()
    bia = directory.component("BIA")
    assert appeal_timeliness(bia, D("2026-11-20"), D("2027-03-29")) == (
        "90 working days",
        "43 CFR 2.58(a)",
        "43 CFR 2.58(a) counts the appeal's arrival: it must reach the appeals office by April 2, 2027, "
        "so send it early enough to arrive by then.",
    )
    late = appeal_timeliness(bia, D("2026-11-20"), D("2027-04-05"))
    assert late[:2] == ("", "") and "ended on April 2, 2027" in late[2]
    assert appeal_timeliness(directory.component("EOUSA"), D("2026-11-20"), D("2027-01-05")) == (
        "90 days",
        "28 CFR 16.8(a)",
        "",
    )
