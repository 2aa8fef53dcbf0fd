"""An agency reply imported and reviewed from the keyboard: the request typed by its number
(as the box invites), the letter date corrected by typing it; Esc records nothing, and
accepted, the reply is on that request on the date typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from foiadesk.ui.correspondence import controller

REPLY = Path(__file__).parent.parent / "fixtures" / "replies" / "dhs-no-records.pdf"
TIMEOUT = 30_000


def keys(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def key(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def review(qtbot, window, monkeypatch):
    """Request › Import agency reply… on the DHS letter; the review, active."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(REPLY)], "")))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Request")
    next(a for a in menu.actions() if a.text().startswith("&Import agency reply")).trigger()
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=TIMEOUT)
    dialog = importer.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return importer, dialog


def choose_and_correct(qtbot, dialog, request_id: int) -> None:
    """Type the request's number, Tab on; Tab to the letter date and type it."""
    assert dialog.request.hasFocus()  # nothing proposed: the keyboard starts at the request
    keys(qtbot, f"#{request_id}")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.request_id() == request_id
    assert dialog.request.currentText().startswith(f"#{request_id} · DHS-PRIV · ")
    assert dialog.how_chosen.text().startswith(f"You chose #{request_id}.")
    assert dialog.type.hasFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.letter_date.given.hasFocus() and dialog.letter_date.given.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.letter_date.edit.hasFocus()
    keys(qtbot, "2026-11-03")
    assert dialog.letter_date.value().isoformat() == "2026-11-03"
    assert "2026-11-03" in dialog.preview_text() and dialog.accept_button.isEnabled()


def test_a_reply_reviewed_from_the_keyboard(qtbot, open_window, demo_copy, monkeypatch):
    """Enter in a field records the reply (it opened the letter in another program: Open the
    file had taken the default from Accept and record)."""
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window = open_window(demo_copy)
    cols = window.session.index.columns
    request_id = next(int(i) for i, c in zip(cols["id"], cols["component"], strict=True) if c == "DHS-PRIV")
    window.open_request(request_id)
    timeline = window.requests.detail.events
    before = timeline.rowCount()

    importer, dialog = review(qtbot, window, monkeypatch)
    choose_and_correct(qtbot, dialog, request_id)
    key(qtbot, Qt.Key.Key_Escape)  # cancel: nothing is recorded
    qtbot.waitUntil(lambda: importer.dialog is None)
    qtbot.wait(200)
    window.open_request(request_id)
    assert timeline.rowCount() == before

    importer, dialog = review(qtbot, window, monkeypatch)
    choose_and_correct(qtbot, dialog, request_id)
    key(qtbot, Qt.Key.Key_Return)  # Accept and record is the default button
    qtbot.waitUntil(lambda: importer.dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: timeline.rowCount() > before, timeout=TIMEOUT)
    dates = {timeline.index(row, 0).data() for row in range(before, timeline.rowCount())}
    assert "2026-11-03" in dates, dates
    assert window.banner.text.text().startswith(f"Recorded dhs-no-records.pdf on #{request_id}")
    assert opened == []
