"""The window keeps what the user typed: with another program holding the log's write lock,
Add request and Log event stay open, say why the save failed, and save on the next try."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from shiboken6 import isValid

from foiadesk.core.store import db as dbmod
from foiadesk.core.store.db import connect

HOLDER = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our input
db.rollback()
"""


@pytest.fixture
def lock_holder():
    """hold(path): another process takes the write lock; release() gives it back."""
    procs = []

    class Holder:
        def hold(self, path):
            proc = subprocess.Popen(
                [sys.executable, "-c", HOLDER, str(path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout.readline().strip() == "locked"
            procs.append(proc)

        def release(self):
            for proc in procs:
                proc.stdin.close()
                proc.wait(timeout=10)
            procs.clear()

    holder = Holder()
    yield holder
    holder.release()


def closed(dialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()  # the window deletes it once closed


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_add_request_stays_open_until_saved(qtbot, open_window, demo_copy, lock_holder, monkeypatch):
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)  # fail fast instead of after 5 s
    window = open_window(demo_copy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    qtbot.keyClicks(dialog.title, "Emails about the address checks")
    dialog.component.setEditText("ICE")
    qtbot.keyClicks(dialog.description, "All emails between ICE and the IRS, April 2025.")
    lock_holder.hold(demo_copy)

    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.problem.text(), timeout=10_000)
    assert dialog.isVisible()
    assert "busy" in dialog.problem.text() and "press “Add request” to try again" in dialog.problem.text()
    assert dialog.title.text() == "Emails about the address checks"
    assert dialog.description.toPlainText() == "All emails between ICE and the IRS, April 2025."
    assert ok_button(dialog).isEnabled()

    lock_holder.release()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    qtbot.waitUntil(lambda: "Added request #121" in window.banner.text.text(), timeout=10_000)
    check = connect(demo_copy)
    assert check.execute("SELECT title, description FROM requests WHERE id = 121").fetchone() == (
        "Emails about the address checks",
        "All emails between ICE and the IRS, April 2025.",
    )


def test_log_event_with_a_long_entry_and_a_file_survives_a_failed_write(
    qtbot, open_window, demo_copy, lock_holder, monkeypatch, tmp_path
):
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    scan = tmp_path / "letter-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned letter" * 100)
    window = open_window(demo_copy)
    window.log_event(1)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("note"))
    dialog.occurred.setDate(date(2026, 11, 20))
    qtbot.keyClicks(dialog.summary, "Call with the FOIA officer")
    long_text = "She said the search is done and review takes six more weeks. " * 40
    dialog.body.setPlainText(long_text)
    dialog.files = [scan]
    lock_holder.hold(demo_copy)

    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.problem.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.body.toPlainText() == long_text and dialog.files == [scan]

    lock_holder.release()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    check = connect(demo_copy)
    row = check.execute(
        "SELECT e.body, a.filename FROM events e JOIN attachments a ON a.event_id = e.id "
        "WHERE e.summary = 'Call with the FOIA officer'"
    ).fetchall()
    assert row == [(long_text.strip(), "letter-scan.pdf")]


def test_escape_does_not_drop_a_save_in_progress(qtbot, open_window, demo_copy, monkeypatch):
    window = open_window(demo_copy)
    window.new_request()
    dialog = window.dialog
    dialog.saving = True
    dialog.reject()
    assert dialog.isVisible()
    dialog.saving = False
    dialog.reject()
    assert closed(dialog)


def test_a_newer_log_opens_read_only_in_the_window_and_says_why(qtbot, open_window, demo_copy):
    import sqlite3

    raw = sqlite3.connect(demo_copy)
    raw.execute(f"PRAGMA user_version = {dbmod.SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    window = open_window(demo_copy)
    qtbot.waitUntil(lambda: "newer FoiaDesk" in window.banner.text.text(), timeout=10_000)
    assert window.requests.model.total() == 120  # still readable
    window.new_request()
    dialog = window.dialog
    qtbot.keyClicks(dialog.title, "One more")
    dialog.component.setEditText("ICE")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.problem.text(), timeout=10_000)
    assert f"schema version {dbmod.SCHEMA_VERSION + 1}" in dialog.problem.text() and dialog.isVisible()
