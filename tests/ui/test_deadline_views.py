"""What the window shows of the deadline rules of issue 10: appeal windows side by side with
labels that say what is appealed, a moot expedite window, a window that passed unused shown
as history (never in "You owe"), and the agency's estimate in a column of its own."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

D = date.fromisoformat


@pytest.fixture
def deadlines_log(tmp_path):
    """#1 at USCIS (DHS: appeals within 90 working days): expedite denied, then a fee-waiver
    denial and a partial grant; #2 at DOJ-OIP: a denial whose 90-day window passed unused;
    #3 at ICE: acknowledged with an estimated completion date."""
    path = tmp_path / "deadlines.sqlite3"
    db = connect(path)
    directory = load_directory()
    today = D("2026-11-25")
    for abbr, title, events in (
        (
            "USCIS",
            "A-file policy",
            [
                log.NewEvent("filed", D("2026-09-01"), agency_received_on=D("2026-09-01")),
                log.NewEvent("expedite_requested", D("2026-09-01"), agency_received_on=D("2026-09-01")),
                log.NewEvent("expedite_decided", D("2026-09-08"), outcome="denied"),
                log.NewEvent("fee_decision", D("2026-10-01"), outcome="waiver_denied"),
                log.NewEvent("determination", D("2026-10-20"), outcome="partial"),
            ],
        ),
        (
            "DOJ-OIP",
            "OLC opinions",
            [
                log.NewEvent("filed", D("2026-01-05"), agency_received_on=D("2026-01-05")),
                log.NewEvent("determination", D("2026-01-20"), outcome="denial"),
            ],
        ),
        (
            "ICE",
            "MOU drafts",
            [
                log.NewEvent("filed", D("2026-11-02"), agency_received_on=D("2026-11-02")),
                log.NewEvent("acknowledged", D("2026-11-05"), named_date=D("2027-03-01")),
            ],
        ),
    ):
        request_id = log.add_directory_request(db, directory.component(abbr), title=title).new_id
        for new in events:
            log.record_event(db, request_id, new, today=today)
    db.close()
    return path


def rows_of(model):
    return [[model.index(r, c).data() for c in range(len(model.HEADERS))] for r in range(model.rowCount())]


def test_the_detail_lists_each_window_with_what_it_is_for(open_window, deadlines_log):
    window = open_window(deadlines_log)
    window.open_request(1)
    rows = {r[0]: r for r in rows_of(window.requests.detail.clocks)}
    # 90 working days (hand count in tests/test_deadline_paths.py's method): from 2026-10-01,
    # Columbus, Veterans, Thanksgiving, Christmas, New Year's and MLK Days off → 2027-02-12;
    # from 2026-10-20, Washington's Birthday also off → 2027-03-03.
    assert rows["Appeal the fee-waiver denial by · you"][1] == "2027-02-12"
    assert rows["Appeal the partial denial by · you"][1] == "2027-03-03"
    expedite = rows["Appeal the expedite denial by · you"]
    assert expedite[2] == "moot 2026-10-20"  # the determination ended the expedite question


def test_a_window_that_passed_unused_is_history_and_not_owed(qtbot, open_window, deadlines_log):
    window = open_window(deadlines_log)
    window.open_request(2)
    rows = {r[0]: r for r in rows_of(window.requests.detail.clocks)}
    # 90 calendar days from 2026-01-20: 11 left in January, 28 in February, 31 in March,
    # 20 in April → 2026-04-20, long before the window's today (2026-11-25).
    assert rows["Appeal the denial by · you"][1:3] == ["2026-04-20", "missed (passed unused)"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    agenda = window.agenda.model
    owed = [
        agenda.index(r, 2, agenda.group_index(when, "requester")).data()
        for when in ("overdue", "this_week", "next_week", "later")
        for r in range(agenda.rowCount(agenda.group_index(when, "requester")))
    ]
    assert sorted(owed) == ["Appeal the fee-waiver denial by", "Appeal the partial denial by"]


def test_the_agencys_estimate_has_its_own_column(qtbot, open_window, deadlines_log):
    window = open_window(deadlines_log)
    model, table = window.requests.model, window.requests.table
    column = model.HEADERS.index("Est. completion")
    assert not table.isColumnHidden(column)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "3")
    # 20 working days after Mon 2026-11-02: Nov 3-6 (4), 9-10 (6), Veterans Day off,
    # 12-13 (8), 16-20 (13), 23-25 (16), Thanksgiving off, 27 (17), Nov 30-Dec 2 (20).
    assert model.index(row, model.NEXT).data() == "Response due · agency"  # the estimate is not folded in
    assert model.index(row, model.HEADERS.index("Due")).data() == "2026-12-02"
    assert model.index(row, column).data() == "2027-03-01"  # the date the acknowledgment named
    # #1 and #2 are decided, and the agency named no date for them: blank
    assert {model.index(r, 0).data(): model.index(r, column).data() for r in range(3)} == {
        "1": "", "2": "", "3": "2027-03-01",
    }  # fmt: skip
    # A click on the heading sorts by it: the one with an estimate first, then the blanks
    header = table.horizontalHeader()
    table.scrollTo(model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert model.sort_key == "estimate"
    assert [model.index(r, column).data() for r in range(3)] == ["2027-03-01", "", ""]


def test_an_estimate_that_passed_is_marked_in_the_list_and_on_the_command_line(
    qtbot, open_window, deadlines_log, capsys
):
    from foiadesk.cli import run

    db = connect(deadlines_log)
    # The agency moved its estimate to a date that is now past (the window's today: 2026-11-25)
    moved = log.NewEvent("estimated_completion", D("2026-11-10"), named_date=D("2026-11-20"))
    log.record_event(db, 3, moved, today=D("2026-11-25"))
    db.close()
    window = open_window(deadlines_log)
    model = window.requests.model
    column = model.HEADERS.index("Est. completion")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "3")
    assert model.index(row, column).data() == "2026-11-20 (passed)"
    assert "has passed" in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert run(["requests", "--db", str(deadlines_log), "--today", "2026-11-25"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("#3 "))
    assert "Response due 2026-12-02 (agency, open); agency estimates completion 2026-11-20 (passed)" in line
    # The agenda, which has no such column, keeps the estimate beside the response date
    agenda = window.agenda.model
    labels = [
        agenda.index(r, 2, agenda.group_index(when, "agency")).data()
        for when in ("overdue", "this_week", "next_week", "later")
        for r in range(agenda.rowCount(agenda.group_index(when, "agency")))
    ]
    assert "Response due (agency estimates 2026-11-20)" in labels


def test_a_fee_estimate_is_on_hold_only_when_the_user_says_so(open_window, deadlines_log):
    window = open_window(deadlines_log)
    window.log_event(3)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("fee_estimate"))
    dialog.occurred.setDate(date(2026, 11, 10))
    dialog.amount.setValue(250)  # an estimate names its amount
    assert dialog.outcome.currentData() is None
    assert dialog.outcome.currentText() == "Not on hold (the letter does not say so)"
    # not on hold: the statutory date stands (the trace gives the other one)
    assert "Unchanged: Response due" in dialog.changes.text()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("on_hold"))
    assert "→ <b>paused</b>" in dialog.changes.text()  # on hold: tolled like a fee clarification
    dialog.type.setCurrentIndex(dialog.type.findData("appeal_filed"))
    assert dialog.outcome.currentText() == "Every decision still open to appeal"


def test_a_remanded_appeal_stays_on_screen_as_history_with_no_next_step(qtbot, open_window, tmp_path):
    """DOJ OIP, received Mon 2026-03-02; denied Mon Mar 30. 28 CFR 16.8(a), 90 calendar days: Mar
    31 (1), Apr 30 (31), May 31 (62), Jun 28 (90) -> Sun 2026-06-28; appealed Wed Apr 15 (received
    that day): 20 WD Apr 16, 17 (2), 20-24 (7), Apr 27-May 1 (12), May 4-8 (17), 11-13 (20) -> Wed
    2026-05-13; remanded Fri May 8. Partly granted Mon Jun 15, appealed Wed Jul 1 (received that
    day): Jul 2 (1), Fri Jul 3 holiday, 6-10 (6), 13-17 (11), 20-24 (16), 27-30 (20) -> Thu
    2026-07-30. The first round's rows stay (they used to vanish once the second appeal was
    logged), answered; selecting one offers no letter, the second round's decision does."""
    path = tmp_path / "remand.sqlite3"
    db = connect(path)
    rid = log.add_directory_request(db, load_directory().component("DOJ-OIP"), title="OLC opinions").new_id
    for new in (
        log.NewEvent("filed", D("2026-03-02"), agency_received_on=D("2026-03-02")),
        log.NewEvent("determination", D("2026-03-30"), outcome="denial"),
        log.NewEvent("appeal_filed", D("2026-04-15"), agency_received_on=D("2026-04-15")),
        log.NewEvent("appeal_decided", D("2026-05-08"), outcome="remanded"),
        log.NewEvent("determination", D("2026-06-15"), outcome="partial"),
        log.NewEvent("appeal_filed", D("2026-07-01"), agency_received_on=D("2026-07-01")),
    ):
        log.record_event(db, rid, new, today=new.occurred_on)
    db.close()
    window = open_window(path)
    window.open_request(rid)
    detail = window.requests.detail
    rows = rows_of(detail.clocks)
    shown = {r[0]: r[1:3] for r in rows}
    assert shown["Appeal the denial by · you"] == ["2026-06-28", "met 2026-04-15"]
    assert shown["Appeal decision due (appeal of 2026-04-15) · agency"] == ["2026-05-13", "met 2026-05-08"]
    assert shown["Appeal the partial denial by · you"] == ["2026-09-13", "met 2026-07-01"]
    assert shown["Appeal decision due · agency"][0] == "2026-07-30"
    first = [r[0] for r in rows].index("Appeal decision due (appeal of 2026-04-15) · agency")
    detail.clock_table.setFocus()
    detail.clock_table.setCurrentIndex(detail.clocks.index(0, 0))
    for _ in range(first):
        qtbot.keyClick(detail.clock_table, Qt.Key.Key_Down)
    assert detail.clock_table.currentIndex().row() == first
    assert not detail.filing_actions.next_button.isEnabled()
    current = [r[0] for r in rows].index("Appeal decision due · agency")
    for _ in range(current - first):
        qtbot.keyClick(detail.clock_table, Qt.Key.Key_Down)
    assert detail.filing_actions.next_button.isEnabled()


def test_a_deadlines_trace_says_where_it_stands_in_words_as_on_the_command_line(
    qtbot, open_window, tmp_path, capsys
):
    """The trace under the deadlines opens with a sentence, not a "[overdue]" tag."""
    from foiadesk.cli import run

    path = tmp_path / "late.sqlite3"
    db = connect(path)
    request_id = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    filed = log.NewEvent("filed", D("2026-10-01"), channel="portal", agency_received_on=D("2026-10-01"))
    log.record_event(db, request_id, filed, today=D("2026-11-25"))
    db.close()
    # 20 working days after 2026-10-01, Columbus Day (2026-10-12) off: 2026-10-30, which on
    # 2026-11-25 is 26 days ago.
    expected = "Response due — owed by the agency: 26 days overdue (due 2026-10-30)"
    window = open_window(path)
    window.open_request(request_id)
    detail = window.requests.detail
    table = detail.clock_table
    labels = [detail.clocks.index(r, 0).data() for r in range(detail.clocks.rowCount())]
    row = next(r for r, label in enumerate(labels) if label.startswith("Response"))
    rect = table.visualRect(detail.clocks.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = detail.trace.toPlainText()
    assert shown.splitlines()[0] == expected
    assert "[" not in shown.splitlines()[0]
    assert run(["show", str(request_id), "--db", str(path), "--today", "2026-11-25"]) == 0
    assert expected in capsys.readouterr().out


def test_an_agenda_whose_only_overdue_deadline_is_older_than_its_span_says_so(qtbot, open_window, tmp_path):
    """The agenda shows the last 30 days' overdue deadlines at first: one overdue longer is
    said to be there (not "0 overdue", "nothing due"), and choosing Everything overdue shows it."""
    path = tmp_path / "late.sqlite3"
    db = connect(path)
    request_id = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    filed = log.NewEvent("filed", D("2026-09-01"), channel="portal", agency_received_on=D("2026-09-01"))
    log.record_event(db, request_id, filed, today=D("2026-11-25"))
    db.close()
    # due 20 working days after 2026-09-01 (Labor Day 2026-09-07 off): 2026-09-30, 56 days
    # before 2026-11-25, so outside the first span of 30 days
    window = open_window(path)
    window.show_view(0)
    agenda = window.agenda
    heading = agenda.model.index(0, 0).data()
    said = "Overdue · 1 overdue longer than 30 days: choose “Everything overdue” to see it"
    assert heading == said, heading
    assert agenda.summary.text().startswith("0 overdue (and 1 older) · "), agenda.summary.text()
    agenda.span.setFocus()
    qtbot.keyClick(agenda.span, Qt.Key.Key_End)
    assert agenda.span.currentText() == "Everything overdue"
    qtbot.waitUntil(lambda: agenda.model.count("overdue") == 1, timeout=5_000)
    assert agenda.summary.text().startswith("1 overdue · ")
    row = agenda.model.index(0, 1, agenda.model.group_index("overdue", "agency"))
    assert row.data() == "56 days overdue"
