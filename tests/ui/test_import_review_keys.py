"""An agency reply imported and reviewed from the keyboard: the request typed by its number
(as the box invites), the letter date corrected by typing it; Esc records nothing, and
accepted, the reply is on that request on the date typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

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
    assert dialog.request.currentText().startswith(f"#{request_id} · DHS Privacy · ")  # as people know it
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


def test_a_reply_written_in_word_is_imported(qtbot, open_window, demo_copy, tmp_path, monkeypatch):
    """A reply that came as a Word letter: it is offered in the file dialog's list, read (the
    letterhead is in the page header) and reviewed; it used to be refused ("not '.docx'")."""
    from docx import Document

    from foiadesk.ui.import_actions import REPLY_FILES

    assert "*.docx" in REPLY_FILES.split(";;")[0]
    letter = Document()
    letter.sections[0].header.paragraphs[0].text = "U.S. Department of Homeland Security · Privacy Office"
    for line in (
        "November 4, 2026",
        "Re: 2027-HQFO-00112",
        "This letter acknowledges receipt of your Freedom of Information Act (FOIA) request to the "
        "Department of Homeland Security (DHS), received by this office on October 27, 2026.",
    ):
        letter.add_paragraph(line)
    path = tmp_path / "DHS acknowledgment.docx"
    letter.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], "")))
    window = open_window(demo_copy)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Request")
    next(a for a in menu.actions() if a.text().startswith("&Import agency reply")).trigger()
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=TIMEOUT)
    dialog = importer.dialog
    assert dialog.windowTitle() == "Import agency reply — DHS acknowledgment.docx"
    assert "a Word document (.docx)" in dialog.findChild(QLabel).text()
    assert dialog.letter_date.value().isoformat() == "2026-11-04"
    assert dialog.tracking.text() == "2027-HQFO-00112"
    assert dialog.dates["received"].value().isoformat() == "2026-10-27"
    assert dialog.text.toPlainText().startswith("U.S. Department of Homeland Security")
    dialog.reject()
