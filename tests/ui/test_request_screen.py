"""The request screen: the timeline with its files (opened with the system viewer), the
log-event dialog's preview, the fees ledger, notes and tags, and disputed closure days."""

from datetime import date

import pytest
from conftest import wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.ui.dialogs.event import EventDraft

TIMEOUT = 10_000


@pytest.fixture
def small_log(tmp_path):
    """A log with one ICE request, filed on 2025-12-15 (its window holds the disputed
    Dec 24 and 26, 2025 closures), acknowledged with a letter attached."""
    path = tmp_path / "small.sqlite3"
    db = connect(path)
    request_id = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    log.record_event(db, request_id, log.NewEvent("filed", date(2025, 12, 15), channel="portal"))
    letter = tmp_path / "ack letter.pdf"
    letter.write_bytes(b"%PDF-1.4 acknowledgment")
    EventDraft(
        request_id,
        log.NewEvent("acknowledged", date(2025, 12, 17), channel="email", tracking_number="2026-ICFO-1"),
        (letter,),
    ).save(db)
    db.close()
    return path


def test_the_timeline_shows_way_channel_and_files_and_opens_a_file(
    qtbot, open_window, small_log, monkeypatch
):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = open_window(small_log)
    window.open_request(1)
    detail = window.requests.detail
    events = detail.events
    rows = [[events.index(r, c).data() for c in range(len(events.HEADERS))] for r in range(events.rowCount())]
    assert rows == [
        ["2025-12-15", "→", "Filed", "portal", ""],
        ["2025-12-17", "←", "Acknowledged: tracking 2026-ICFO-1", "email", "1 file"],
    ]
    assert events.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "The agency sent this to you"
    assert events.index(1, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("ack letter.pdf (23 bytes)")
    detail.event_table.setCurrentIndex(events.index(0, 0))
    assert not detail.open_button.isEnabled()
    detail.event_table.setFocus()
    detail.event_table.setCurrentIndex(events.index(1, 0))
    assert detail.open_button.isEnabled()
    qtbot.keyClick(detail.event_table, Qt.Key.Key_Return)
    assert len(opened) == 1
    path = opened[0].toLocalFile()
    assert path.endswith("ack letter.pdf") and open(path, "rb").read() == b"%PDF-1.4 acknowledgment"
    window.close()
    assert not detail._open_folder  # the copies are removed with the log


def test_a_file_that_cannot_be_opened_is_explained(qtbot, open_window, small_log, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window = open_window(small_log)
    window.open_request(1)
    detail = window.requests.detail
    detail.event_table.setCurrentIndex(detail.events.index(1, 0))
    detail.open_attachment()
    assert "No program on this computer opens ack letter.pdf" in window.banner.text.text()


def test_disputed_closure_days_are_flagged_with_the_other_date(qtbot, open_window, small_log, settings):
    window = open_window(small_log)
    window.open_request(1)
    detail = window.requests.detail
    clocks = detail.clocks
    row = clocks.row_of("response")
    other = clocks.OTHER
    assert clocks.index(row, 1).data() == "2026-01-14 ⚑"
    assert not detail.clock_table.isColumnHidden(other)  # in sight, not only in the trace
    assert clocks.headerData(other, Qt.Orientation.Horizontal) == "⚑ If skipped"
    assert clocks.index(row, other).data() == "2026-01-16"
    tip = clocks.index(row, other).data(Qt.ItemDataRole.ToolTipRole)
    assert (
        "2025-12-24 (" in tip
        and "2025-12-26 (" in tip
        and "if they are skipped, the date is 2026-01-16" in tip
    )
    settings.set("skip_closures", True)  # Settings: the other date leads
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: detail.clocks.index(row, 1).data() == "2026-01-16 ⚑", timeout=TIMEOUT)
    assert clocks.headerData(other, Qt.Orientation.Horizontal) == "⚑ If counted"
    assert clocks.index(row, other).data() == "2026-01-14"


def test_the_other_date_column_hides_without_disputed_days(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    detail = window.requests.detail
    for request_id in window.session.index.columns["id"].tolist()[:40]:
        window.open_request(request_id)
        shown = not detail.clock_table.isColumnHidden(detail.clocks.OTHER)
        assert shown == bool(detail.clocks.disputed()), request_id


def test_the_event_dialog_shows_what_will_change_before_saving(qtbot, open_window, small_log):
    window = open_window(small_log)
    window.log_event(1)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("info_requested"))
    dialog.occurred.setDate(date(2026, 1, 2))
    dialog.named.set_value(date(2026, 1, 30))
    text = dialog.changes.text()
    assert "Status: Processing → <b>Waiting on requester</b>" in text
    assert (
        "<b>Response due · agency</b><br>due 2026-01-14 (or 2026-01-16 if disputed closures are skipped)"
        in text
    )
    assert "→ <b>paused</b>" in text
    assert "<b>Answer the request for information by · you</b> (new)<br><b>due 2026-01-30</b>" in text
    dialog.occurred.setDate(date(2025, 12, 1))  # before the filing: said at once, in place
    assert "Cannot be logged as it is" in dialog.changes.text()
    assert "before the filing on 2025-12-15" in dialog.changes.text()
    assert dialog.preview is None
    dialog.reject()
    assert window.requests.detail.events.rowCount() == 2  # nothing was saved


def test_the_fees_ledger(qtbot, open_window, small_log):
    window = open_window(small_log)
    window.open_request(1)
    detail = window.requests.detail
    fees = detail.fees
    assert fees.model.rowCount() == 0 and detail.record.tabText(1) == "Fees"
    for kind, amount in (("cap", 50), ("waiver", 10)):
        fees.kind.setCurrentIndex(fees.kind.findData(kind))
        fees.amount.setValue(amount)
        qtbot.mouseClick(fees.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fees.model.rowCount() == 2, timeout=TIMEOUT)
    window._log(EventDraft(1, log.NewEvent("fee_estimate", date(2026, 1, 5), amount_cents=12_000)))
    qtbot.waitUntil(lambda: fees.model.rowCount() == 3, timeout=TIMEOUT)
    window._log(EventDraft(1, log.NewEvent("payment", date(2026, 1, 9), amount_cents=3_000)))
    qtbot.waitUntil(lambda: fees.model.rowCount() == 4, timeout=TIMEOUT)
    lines = [[fees.model.index(r, c).data() for c in range(4)] for r in range(4)]
    assert lines == [  # a waiver with no fee decision to tie it to comes last, undated
        ["2025-12-15", "Fee cap you agreed to", "$50.00", "Filed"],
        ["2026-01-05", "Agency's estimate", "$120.00", "Fee estimate"],
        ["2026-01-09", "Payment", "$30.00", "Payment"],
        ["", "Waived", "$10.00", "entered by hand"],
    ]
    assert fees.totals.text() == (
        "Latest estimate $120.00 · paid $30.00 · waived $10.00 · left to pay $80.00 · your cap $50.00. "
        "The estimate is over your cap: the agency must ask before charging more."
    )
    assert detail.record.tabText(1) == "Fees (4)"
    model = window.requests.model
    assert model.index(model.row_of(1), model.HEADERS.index("Fees")).data() == "$120.00 est. · $30.00 paid"


def test_notes_and_tags(qtbot, open_window, small_log):
    window = open_window(small_log)
    window.open_request(1)
    notes = window.requests.detail.notes
    assert notes.tag_list.text() == "none"
    qtbot.keyClicks(notes.tag, "priority")
    qtbot.keyClick(notes.tag, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: notes.tag_list.text() == "priority", timeout=TIMEOUT)
    assert "tags: priority" in window.requests.detail.meta.text()
    qtbot.keyClicks(notes.tag, "litigation hold")
    qtbot.mouseClick(notes.add_tag_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notes.tag_list.text() == "litigation hold, priority", timeout=TIMEOUT)
    qtbot.keyClicks(notes.tag, "priority")
    qtbot.mouseClick(notes.remove_tag_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notes.tag_list.text() == "litigation hold", timeout=TIMEOUT)
    notes.note.setPlainText("Liaison promised a date by Friday.")
    qtbot.mouseClick(notes.add_note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "promised a date" in notes.notes.toPlainText(), timeout=TIMEOUT)
    window.requests.search.setText("Liaison")
    window.requests.apply_filter()
    assert window.requests.model.total() == 1  # notes are searchable


def test_an_older_demo_logs_label_is_left_out_of_the_header_as_in_the_list(qtbot, open_window, demo_copy):
    """Older demo logs wrote "(DHS-PRIV, #39)" after each title: the list and the request's
    header leave it out alike (the component and the number are shown on their own)."""
    db = connect(demo_copy)
    request_id, subject = db.execute(
        "SELECT r.id, r.title FROM requests r JOIN components c ON c.id = r.component_id "
        "WHERE c.abbr = 'DHS-PRIV' ORDER BY r.id LIMIT 1"
    ).fetchone()
    db.execute(
        "UPDATE requests SET title = ? WHERE id = ?", [f"{subject} (DHS-PRIV, #{request_id})", request_id]
    )
    db.conn.commit()
    db.close()
    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.requests
    qtbot.keyClicks(view.search, f"#{request_id}")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    model, table = view.model, view.table
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=TIMEOUT)
    assert model.index(0, model.TITLE).data() == subject
    rect = table.visualRect(model.index(0, model.TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    header = view.detail.title
    qtbot.waitUntil(lambda: header.text().startswith(f"#{request_id} "), timeout=TIMEOUT)
    assert header.text() == f"#{request_id} {subject}"
    assert "DHS-PRIV, #" not in header.text()
    assert header.toolTip() == f"{subject} (DHS-PRIV, #{request_id})"  # the title as it is saved


def test_with_no_request_shown_the_tabs_count_nothing(qtbot, open_window, demo_copy):
    """Filters that hide every request leave "No request selected" beside the empty list
    (not the request shown before), and the tabs below it count nothing."""
    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.requests
    detail = view.detail
    qtbot.waitUntil(lambda: detail.request_id is not None, timeout=TIMEOUT)
    tabs = detail.record
    assert tabs.tabText(0).startswith("Timeline (")
    for choice, text in ((view.deadline_choice, "Overdue"), (view.status_choice, "Finished")):
        choice.setFocus()
        while choice.currentText() != text:
            qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: detail.title.text() == "No request selected", timeout=TIMEOUT)
    assert view.model.rowCount() == 0
    assert [tabs.tabText(i) for i in range(3)] == ["Timeline", "Fees", "Notes and tags"]
