"""An alternative time frame agreed with the agency (5 U.S.C. 552(a)(6)(B)(ii)), logged through the
event dialog as a user does it: the dialog offers it with its date, says before saving that the
response date moves, and once saved the list's due date and the request's trace say so."""

from datetime import date

from conftest import TODAY
from PySide6.QtCore import Qt
from test_daily_loop import cell, list_row, log_event

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

TIMEOUT = 15_000


def test_an_agreed_time_frame_logged_in_the_dialog_moves_the_response_date(qtbot, open_window, tmp_path):
    """ICE, received Tue 2026-10-13; one unusual-circumstances notice of Thu Nov 5 adds the ten
    working days: 20 WD to Tue Nov 10, then Wed Nov 11 Veterans Day, Nov 12, 13 (2), 16-20 (7),
    23-25 (10) -> Wed 2026-11-25. The requester agrees on Mon Nov 23 to a response by Fri
    2026-12-18."""
    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    rid = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    for new in (
        log.NewEvent("filed", date(2026, 10, 13), channel="portal", agency_received_on=date(2026, 10, 13)),
        log.NewEvent("extension_notice", date(2026, 11, 5)),
    ):
        log.record_event(db, rid, new, today=TODAY)
    db.close()
    window = open_window(path)
    model = window.requests.model
    qtbot.waitUntil(lambda: cell(model, list_row(window, rid), "Due") == "2026-11-25", timeout=TIMEOUT)

    def agreement(dialog):
        kinds = [dialog.type.itemText(i) for i in range(dialog.type.count())]
        assert "Alternative time frame agreed" in kinds
        dialog.type.setCurrentIndex(dialog.type.findData("timeframe_agreed"))
        label = dialog.form.labelForField(dialog.named)
        assert label.isVisible() and label.text() == "Agreed to respond by"
        dialog.occurred.setDate(date(2026, 11, 23))
        qtbot.mouseClick(dialog.named.given, Qt.MouseButton.LeftButton)
        dialog.named.edit.setDate(date(2026, 12, 18))

    preview = log_event(qtbot, window, rid, agreement)
    assert "2026-11-25 → <b>due 2026-12-18</b>" in preview
    qtbot.waitUntil(lambda: cell(model, list_row(window, rid), "Due") == "2026-12-18", timeout=TIMEOUT)
    detail = window.requests.detail
    detail.clock_table.setCurrentIndex(detail.clocks.index(detail.clocks.row_of("response"), 0))
    trace = detail.trace.toPlainText()
    assert "Alternative time frame agreed 2026-11-23: you and the agency arranged" in trace
    assert "(5 U.S.C. 552(a)(6)(B)(ii))" in trace and "\nResult: 2026-12-18\n" in trace
