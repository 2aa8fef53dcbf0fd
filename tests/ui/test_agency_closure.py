"""An agency's administrative closure logged through the event dialog, as a user does it:
the dialog offers it in plain words with its reason, says before saving that the closure
opens an appeal window, and once saved the list says the agency closed the request and the
agenda shows the appeal deadline."""

from datetime import date

from conftest import TODAY
from PySide6.QtCore import Qt
from test_daily_loop import cell, list_row, log_event, press

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

TIMEOUT = 15_000


def test_an_agency_closure_logged_in_the_dialog_puts_its_appeal_deadline_on_the_agenda(
    qtbot, open_window, tmp_path
):
    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    rid = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    log.record_event(db, rid, log.NewEvent("filed", date(2026, 9, 1), channel="portal"), today=TODAY)
    log.record_event(
        db,
        rid,
        log.NewEvent(
            "acknowledged",
            date(2026, 9, 2),
            agency_received_on=date(2026, 9, 1),
            tracking_number="2026-ICFO-41872",
        ),
        today=TODAY,
    )
    log.record_event(
        db,
        rid,
        log.NewEvent("still_interested", date(2026, 10, 1), named_date=date(2026, 11, 13)),
        today=TODAY,
    )
    db.close()
    window = open_window(path)
    model = window.requests.model

    def closure(dialog):
        kinds = [dialog.type.itemText(i) for i in range(dialog.type.count())]
        assert "Closed by the agency (administrative closure)" in kinds and "Reopened by the agency" in kinds
        dialog.type.setCurrentIndex(dialog.type.findData("admin_closed"))
        reasons = [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())]
        assert reasons[0] == "The letter gives no reason"
        assert (
            "No reply to a still-interested letter" in reasons and "Duplicate of another request" in reasons
        )
        dialog.occurred.setDate(date(2026, 11, 16))
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("no_still_interested_reply"))

    preview = log_event(qtbot, window, rid, closure)
    assert "Status: Waiting on requester → <b>Closed by agency</b>" in preview
    # ICE: 90 working days (6 CFR 5.8(a)(1)) from Mon 2026-11-16, counted by hand in
    # tests/test_deadline_histories.py: Mon 2027-03-29
    assert "Appeal the administrative closure by · you</b> (new)" in preview
    qtbot.waitUntil(
        lambda: cell(model, list_row(window, rid), "Status") == "Closed by agency", timeout=TIMEOUT
    )
    row = list_row(window, rid)
    assert cell(model, row, "Next deadline · owed by") == "Appeal the administrative closure by · you"
    assert cell(model, row, "Due") == "2027-03-29"

    press(qtbot, window, Qt.Key.Key_1)
    agenda = window.agenda.model
    later = agenda.group_index("later", "requester")
    rows = [
        [agenda.index(r, c, later).data() for c in range(len(agenda.HEADERS))]
        for r in range(agenda.rowCount(later))
    ]
    days = (date(2027, 3, 29) - TODAY).days  # 124
    assert ["2027-03-29", f"in {days} days", "Appeal the administrative closure by", str(rid)] in [
        r[:4] for r in rows
    ]

    # The appeal window's trace, clicked in the request's deadlines, says what its tags mean.
    window.show_view(1)
    window.requests.table.setCurrentIndex(model.index(list_row(window, rid), 0))
    detail = window.requests.detail
    table = detail.clock_table
    at = table.visualRect(
        detail.clocks.index(detail.clocks.row_of("appeal_window:admin_closure"), 0)
    ).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    trace = detail.trace.toPlainText()
    assert "[V]" in trace and "[U]" in trace
    assert trace.endswith(
        "Tags: V verified in a source that was read, U unconfirmed (check it before relying on it)."
    )

    # The next event the dialog offers is the appeal of the closure.
    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    assert dialog.type.currentData() == "appeal_filed"
    assert dialog.outcome.findData("admin_closure") >= 0
    dialog.reject()
