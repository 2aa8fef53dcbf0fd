"""The disk fills while an event is saved from the window: the log cannot grow by a page (as
on a full disk, SQLite answers "database or disk is full" half-way through the write). The
dialog says so in the user's words, keeps what was typed, and nothing of the event is kept;
it used to apologise for a bug inside FoiaDesk."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from test_dialogs import ok_button

import foiadesk.ui.tasks as tasks


def counts(path) -> tuple[int, int]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM attachments)"
        ).fetchone()


def test_a_full_disk_on_save_is_said_and_leaves_nothing(qtbot, open_window, demo_copy, monkeypatch, tmp_path):
    real_connect = tasks.connect

    def full(path, **kw):
        db = real_connect(path, **kw)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")  # the log cannot grow: a full disk
        return db

    monkeypatch.setattr(tasks, "connect", full)
    scan = tmp_path / "letter-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned letter " * 20_000)  # half a megabyte: new pages
    window = open_window(demo_copy)
    before = counts(demo_copy)

    window.log_event(1)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("note"))
    qtbot.keyClicks(dialog.summary, "Call with the FOIA officer")
    dialog.files = [scan]
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.problem.text(), timeout=10_000)
    said = dialog.problem.text()
    assert f"cannot write {demo_copy}: its disk is full" in said and "nothing was written" in said
    assert "went wrong inside FoiaDesk" not in said
    assert (
        dialog.isVisible()
        and dialog.summary.text() == "Call with the FOIA officer"
        and dialog.files == [scan]
    )
    assert counts(demo_copy) == before
    dialog.reject()
