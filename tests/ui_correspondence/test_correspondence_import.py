"""Importing agency replies in the window: the review shows what recording the letter
would change, nothing is written until Accept, and a bad or repeated file is refused with
the core's message."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import REPLIES, counts, menu_action, wait_idle
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from foiadesk.core.replies.files import ReplyFileError, read_reply
from foiadesk.ui.correspondence import controller

D = date.fromisoformat


def drop(widget, *paths, at=None):
    """Drag files over ``widget`` and drop them, as a file manager does; True if taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = at if at is not None else widget.rect().center()
    copy, left, plain = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, copy, mime, left, plain)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(point), copy, mime, left, plain)
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


def core_message(path) -> str:
    with pytest.raises(ReplyFileError) as error:
        read_reply(path)
    return str(error.value)


def review(qtbot, window):
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=20_000)
    return importer.dialog


def rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_reply_is_reviewed_then_recorded_only_on_accept(qtbot, open_window, small_log, answers):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["ice"])
    before = counts(path)
    answers.open = [REPLIES / "ice-ack.eml"]
    menu_action(window, "Request", "Import agency reply…").trigger()
    dialog = review(qtbot, window)
    # No request has its tracking number yet: the letterhead's agency, the dates and the
    # subject find the ICE request among the log's ICE requests, and the dialog says so
    assert dialog.request_id() == ids["ice"] and "The letterhead names ICE" in dialog.how_chosen.text()
    assert f"#{ids['ice']} fits best" in dialog.how_chosen.text()
    assert dialog.type.currentData() == "ack" and dialog.tracking.text() == "2026-ICFO-41872"
    text = dialog.preview_text()
    assert "Status: Filed → Processing" in text
    assert "Response due" in text and "2026-10-27" in text and "2026-11-12" in text  # moved
    assert "Appeal the expedite denial by" in text and "2027-02-16" in text  # new
    assert "Acknowledged" in text and "Expedite decision" in text  # the events it records
    assert dialog.accept_button.isEnabled()

    dialog.dates["estimated_completion"].set_value(D("2027-02-01"))  # an edit: the preview follows
    assert "estimated completion 2027-02-01" in dialog.preview_text()
    assert counts(path) == before  # reviewing and editing wrote nothing

    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=20_000)
    after = counts(path)
    assert after["events"] == before["events"] + 3 and after["attachments"] == before["attachments"] + 1
    detail = window.requests.detail
    assert detail.request_id == ids["ice"]
    timeline = rows(detail.events)
    assert any("Acknowledged" in " ".join(map(str, r)) for r in timeline)
    assert any("ice-ack.eml" in " ".join(map(str, r)) for r in timeline)
    clocks = {r[0]: " ".join(map(str, r)) for r in rows(detail.clocks)}
    assert any("Response" in label and "2026-11-12" in cells for label, cells in clocks.items())
    assert "Recorded ice-ack.eml on #" in window.banner.text.text()


def test_the_same_file_again_is_refused(qtbot, open_window, small_log, answers):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["ice"])
    importer = controller(window).importer
    importer.import_files([REPLIES / "ice-ack.eml"], ids["ice"])
    dialog = review(qtbot, window)
    dialog.accept()
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=20_000)
    before = counts(path)
    importer.import_files([REPLIES / "ice-ack.eml"], ids["ice"])
    wait_idle(qtbot, window)
    assert importer.dialog is None
    assert "ice-ack.eml is already in the log" in window.banner.text.text()
    assert "nothing was changed" in window.banner.text.text()
    assert counts(path) == before


def test_a_bad_file_gets_the_cores_message_and_stores_nothing(qtbot, open_window, small_log, tmp_path):
    path, ids = small_log
    window = open_window(path)
    before = counts(path)
    assert drop(window.requests.detail, REPLIES / "irs-password.pdf")
    wait_idle(qtbot, window)
    assert controller(window).importer.dialog is None
    assert window.banner.text.text() == core_message(REPLIES / "irs-password.pdf")
    assert window.banner.text.text().startswith("irs-password.pdf is password-protected.")
    empty = tmp_path / "reply.eml"
    empty.write_bytes(b"")
    assert drop(window, empty)
    wait_idle(qtbot, window)
    assert window.banner.text.text() == core_message(empty)
    assert "reply.eml is empty" in window.banner.text.text()
    assert counts(path) == before


def test_a_reply_dropped_on_the_window_finds_its_request_by_tracking_number(qtbot, open_window, small_log):
    path, ids = small_log
    window = open_window(path)
    importer = controller(window).importer
    importer.import_files([REPLIES / "ice-ack.eml"], ids["ice"])
    review(qtbot, window).accept()
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=20_000)
    window.open_request(ids["a"])  # another request is selected: it does not matter
    assert drop(window, REPLIES / "ice-partial.eml")
    dialog = review(qtbot, window)
    assert dialog.request_id() == ids["ice"]
    assert "Found by its tracking number 2026-ICFO-41872" in dialog.how_chosen.text()
    assert "Processing → Partly granted" in dialog.preview_text()
    before = counts(path)
    dialog.reject()
    qtbot.waitUntil(lambda: importer.dialog is None)
    assert counts(path) == before  # cancelled: nothing written

    # Dropped on a row of the list: that row's request, with a word about the mismatch
    table = window.requests.table
    window.requests.show_request(ids["tigta1"])
    row = table.visualRect(table.currentIndex()).center()
    assert drop(table.viewport(), REPLIES / "ice-partial.eml", at=row)
    dialog = review(qtbot, window)
    assert dialog.request_id() == ids["tigta1"]
    assert f"is on #{ids['ice']}: check which request it answers" in dialog.how_chosen.text()
    dialog.reject()
    qtbot.waitUntil(lambda: importer.dialog is None)
    assert counts(path) == before


def test_when_several_requests_match_the_user_picks_one(qtbot, open_window, small_log):
    path, ids = small_log
    window = open_window(path)
    assert drop(window, REPLIES / "tigta-extension.msg")
    dialog = review(qtbot, window)
    assert dialog.request_id() is None and not dialog.accept_button.isEnabled()
    assert "is on 2 requests" in dialog.how_chosen.text()
    assert "Choose the request" in dialog.preview_text()
    first_two = [dialog.request.itemText(i) for i in range(2)]
    assert [t.split(" ")[0] for t in first_two] == [f"#{ids['tigta1']}", f"#{ids['tigta2']}"]
    dialog.request.setCurrentIndex(1)
    assert dialog.request_id() == ids["tigta2"] and dialog.accept_button.isEnabled()
    assert "Extension" in dialog.preview_text() and "2026-12-02" in dialog.preview_text()
    dialog.accept()
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=20_000)
    assert window.requests.detail.request_id == ids["tigta2"]


def test_a_scan_is_recorded_once_the_user_fills_it_in(qtbot, open_window, small_log):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["ice"])
    assert drop(window.requests.detail, REPLIES / "ice-scanned-letter.pdf")  # on the request shown
    dialog = review(qtbot, window)
    assert dialog.request_id() == ids["ice"] and "Dropped on request" in dialog.how_chosen.text()
    assert "No letter date was found" in dialog.preview_text() and not dialog.accept_button.isEnabled()
    dialog.letter_date.set_value(D("2026-11-20"))
    dialog.type.setCurrentIndex(dialog.type.findData("denial"))
    dialog.exemptions.setText("(b)(7)(E)")
    assert dialog.accept_button.isEnabled() and "Status: Filed → Denied" in dialog.preview_text()
    dialog.fee.setText("lots")
    assert not dialog.accept_button.isEnabled() and "is not an amount" in dialog.preview_text()
    dialog.fee.clear()
    dialog.accept()
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=20_000)
    assert importer.last_changes is not None
    event = rows(window.requests.detail.events)[-1]
    assert "exemptions b7E; from ice-scanned-letter.pdf" in " ".join(map(str, event))
