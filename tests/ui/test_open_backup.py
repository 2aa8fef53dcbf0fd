"""Back up now, then open the backup: the window says it is a copy (what is logged in it does
not reach the log it was made from) and how to restore it, and does not open it next time
in place of the log. It used to open as if it were the log itself."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtWidgets import QFileDialog


def trigger(window, menu: str, text: str) -> None:
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    next(a for a in bar.actions() if a.text() == text).trigger()


def test_an_opened_backup_says_it_is_a_copy(qtbot, open_window, demo_copy, settings, monkeypatch):
    from foiadesk.core.demo import DEMO_TABLE

    with sqlite3.connect(demo_copy) as db:  # the user's own log: remembered as the one to open
        db.execute(f"DROP TABLE {DEMO_TABLE}")
    window = open_window(demo_copy)
    assert settings.get("database") == str(demo_copy)
    trigger(window, "&Log", "&Back up now")
    qtbot.waitUntil(lambda: "Backed up to" in window.banner.text.text(), timeout=20_000)
    (backup,) = (demo_copy.parent / "backups").glob("*.sqlite3")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), "")))
    trigger(window, "&Log", "&Open another log…")
    qtbot.waitUntil(lambda: window.session.path == backup and window.session.db is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "This is a backup of" in window.banner.text.text(), timeout=20_000)
    made = datetime.fromtimestamp(backup.stat().st_mtime)
    said = window.banner.text.text()
    assert f"This is a backup of {demo_copy}, made {made:%Y-%m-%d} " in said
    assert f"not into {demo_copy.name}" in said and "Log › Restore a backup…" in said
    assert "(backup)" in window.windowTitle()
    assert settings.get("database") == str(demo_copy)  # the backup is not the log to open next time
