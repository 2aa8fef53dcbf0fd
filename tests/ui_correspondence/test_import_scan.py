"""A scanned reply imported from the window: read by OCR, said so, and the dates the letter
gives found even where OCR broke a sentence into two paragraphs."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from conftest import REPLIES, menu_action
from test_correspondence_import import review

needs_ocr = pytest.mark.skipif(
    not (shutil.which("tesseract") and shutil.which("pdftoppm")),
    reason="Tesseract and poppler are not installed",
)


@needs_ocr
@pytest.mark.ocr
def test_a_scanned_acknowledgment_gives_its_receipt_date(qtbot, open_window, small_log, answers):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["ice"])
    # The letter (tests/fixtures/replies/make_fixtures.py, IRS_ACK) says: "We received your
    # Freedom of Information Act (FOIA) request dated August 10, 2026, on August 11, 2026."
    # On the scan, OCR parts "on August" and "11, 2026" with a blank line.
    answers.open = [REPLIES / "irs-ack-scanned.pdf"]
    menu_action(window, "Request", "Import agency reply…").trigger()
    dialog = review(qtbot, window)
    assert dialog.type.currentData() == "ack"
    assert dialog.dates["received"].value() == date(2026, 8, 11)
    assert dialog.dates["estimated_completion"].value() == date(2026, 11, 13)
    assert "its text was read by OCR" in dialog.preview_text()
    dialog.reject()
