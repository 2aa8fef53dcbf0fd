"""Log › Restore a backup…: the user logs a request by mistake, picks the backup made before
it from the list (its date, why it was made, what it holds), and the window reads the log
again without it; the log as it was is kept. A damaged file is refused and nothing changes."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from foiadesk.core.demo import DEMO_TABLE


def trigger(window, menu: str, text: str) -> None:
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    next(a for a in bar.actions() if a.text() == text).trigger()


def own_log(demo_copy):
    with closing(sqlite3.connect(demo_copy)) as db:  # the user's own log, not a demo
        db.execute(f"DROP TABLE {DEMO_TABLE}")
        db.commit()
    return demo_copy


def back_up_then_add_a_mistake(qtbot, window):
    trigger(window, "&Log", "&Back up now")
    qtbot.waitUntil(lambda: "Backed up to" in window.banner.text.text(), timeout=20_000)
    before = len(window.session.index)
    with closing(sqlite3.connect(window.session.path)) as db:  # logged by mistake (the command line, say)
        component = db.execute("SELECT id FROM components LIMIT 1").fetchone()[0]
        db.execute(
            "INSERT INTO requests (component_id, title, created_at) "
            "VALUES (?, 'Logged by mistake', '2026-11-25')",
            [component],
        )
        db.commit()
    qtbot.waitUntil(lambda: len(window.session.index) == before + 1, timeout=20_000)
    return before


def test_restoring_the_backup_takes_back_the_mistake(qtbot, open_window, demo_copy):
    window = open_window(own_log(demo_copy))
    before = back_up_then_add_a_mistake(qtbot, window)
    trigger(window, "&Log", "&Restore a backup…")
    dialog = window.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Restore a backup"
    assert dialog.backups.count() == 1
    shown = dialog.backups.item(0).text()
    assert f"(backed up by hand): {before} requests" in shown
    dialog.backups.clearSelection()
    assert not dialog.restore_button.isEnabled()  # nothing is restored unless a backup is picked
    rect = dialog.backups.visualItemRect(dialog.backups.item(0))
    qtbot.mouseClick(dialog.backups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.isVisible() and not window.session.is_loading, timeout=20_000)
    assert "Restored the backup" in window.banner.text.text(), window.banner.text.text()
    assert len(window.session.index) == before
    said = window.banner.text.text()
    assert f"{before} requests" in said and "before-restore" in said and "restore it to undo this" in said
    assert window.banner.isVisible()
    # the log as it was, mistake and all, is now the newest backup offered
    trigger(window, "&Log", "&Restore a backup…")
    assert "the log as it was before a restore" in window.dialog.backups.item(0).text()
    assert f"{before + 1} requests" in window.dialog.backups.item(0).text()
    qtbot.keyClick(window.dialog, Qt.Key.Key_Escape)
    assert len(window.session.index) == before


def test_a_damaged_file_is_refused_and_the_log_stays(qtbot, open_window, demo_copy, monkeypatch, tmp_path):
    window = open_window(own_log(demo_copy))
    before = len(window.session.index)
    bad = tmp_path / "usb-stick-copy.sqlite3"
    bad.write_bytes(b"half a file " * 2000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    trigger(window, "&Log", "&Restore a backup…")
    assert "No backups of" in window.dialog.backups.item(0).text()
    other = next(
        b for b in window.dialog.findChildren(type(window.dialog.restore_button)) if "another" in b.text()
    )
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be restored" in window.banner.text.text(), timeout=20_000)
    assert window.banner.kind == "error" and "damaged or not a database" in window.banner.text.text()
    qtbot.waitUntil(lambda: window.session.db is not None and not window.session.is_loading, timeout=20_000)
    assert len(window.session.index) == before
    assert not (demo_copy.parent / "backups").exists()  # refused before the log was copied
