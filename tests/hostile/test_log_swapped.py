"""The log file deleted, or replaced by another file, while the window has it open: a write
would go to a file no one can open again, lost when the window closes, under a message that
said it was logged. The window says what happened, refuses the write and keeps the entry, and
Back up now still saves the log as the window has it."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import Qt
from test_dialogs import ok_button

from foiadesk.core.store.db import backups_dir


def summaries(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [s for (s,) in db.execute("SELECT summary FROM events WHERE summary LIKE 'Call%'")]


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_log_swapped_under_the_window_is_said_and_not_written(qtbot, open_window, demo_copy, tmp_path, how):
    window = open_window(demo_copy)
    other = tmp_path / "other.sqlite3"
    shutil.copy(demo_copy, other)
    demo_copy.unlink()
    if how == "replaced":
        shutil.copy(other, demo_copy)  # another log now sits at the path (a sync tool, a restore)
    said = f"{demo_copy} was {'deleted or moved' if how == 'deleted' else 'replaced by another file'}"
    qtbot.waitUntil(lambda: said in window.banner.text.text(), timeout=5_000)  # the watch, not a write

    window.log_event(1)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("note"))
    qtbot.keyClicks(dialog.summary, "Call with the FOIA officer")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.problem.text(), timeout=10_000)
    assert said in dialog.problem.text()
    assert dialog.isVisible() and dialog.summary.text() == "Call with the FOIA officer"
    if how == "replaced":
        assert summaries(demo_copy) == []  # the file at the path was not written either

    dialog.reject()
    log_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Log")
    next(a for a in log_menu.actions() if a.text() == "&Back up now").trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.banner.text.text(), timeout=20_000)
    copies = list(backups_dir(demo_copy).glob("*manual*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as db:
        assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == 120
