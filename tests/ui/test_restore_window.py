"""Log › Restore a backup…: the user logs a request by mistake, picks the backup made before
it from the list (its date, why it was made, what it holds), and the window reads the log
again without it; the log as it was is kept. A damaged file is refused and nothing changes."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

from conftest import wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from foiadesk.core.demo import DEMO_TABLE


def trigger(window, menu: str, text: str) -> None:
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    next(a for a in bar.actions() if a.text() == text).trigger()


def open_restore(qtbot, window):
    """Log › Restore a backup…, once it has read the backups (each opened to say what it holds)."""
    trigger(window, "&Log", "&Restore a backup…")
    dialog = window.dialog
    qtbot.waitUntil(lambda: not dialog.backups.item(0).text().startswith("Reading the backups"))
    return dialog


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
    dialog = open_restore(qtbot, window)
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
    open_restore(qtbot, window)
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
    open_restore(qtbot, window)
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


def pick_the_backup(qtbot, window):
    dialog = open_restore(qtbot, window)
    rect = dialog.backups.visualItemRect(dialog.backups.item(0))
    qtbot.mouseClick(dialog.backups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_the_window_keeps_answering_while_a_backup_is_restored(qtbot, open_window, demo_copy, monkeypatch):
    """A restore reads every page of the backup and copies the log first: on a large log that
    takes a while, and the window says what it is doing instead of freezing."""
    from foiadesk.core.store import restore as core_restore

    window = open_window(own_log(demo_copy))
    before = back_up_then_add_a_mistake(qtbot, window)
    real, go, on_main_thread = core_restore.restore, threading.Event(), []

    def a_large_log(log, source):  # the real restore, once the test has looked at the window
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        go.wait(5)
        return real(log, source)

    monkeypatch.setattr(core_restore, "restore", a_large_log)
    pick_the_backup(qtbot, window)
    qtbot.waitUntil(lambda: window.status.text().startswith("Restoring "), timeout=3_000)
    assert (
        window.tabs.currentWidget().text()
        == f"Restoring {window.status.text()[10:-1]} in place of log.sqlite3…"
    )
    assert window.progress.isVisible()
    trigger(window, "&Log", "&Back up now")  # nothing to act on meanwhile: nothing happens
    go.set()
    qtbot.waitUntil(lambda: "Restored the backup" in window.banner.text.text(), timeout=20_000)
    assert on_main_thread == [False]
    wait_loaded(qtbot, window)
    assert len(window.session.index) == before and not window.progress.isVisible()
    assert window.status.text() == str(window.session.path)


def test_unsaved_letters_are_asked_about_before_a_restore(qtbot, open_window, demo_copy, monkeypatch):
    """Letters drafted in Compose and not saved would be lost: the restore asks first, and
    Cancel keeps the log and the letters as they are."""
    from PySide6.QtWidgets import QMessageBox

    window = open_window(own_log(demo_copy))
    before = back_up_then_add_a_mistake(qtbot, window)
    asked = []

    def cancel(_parent, title, text, *_a, **_k):
        asked.append((title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    window.composer.unsaved = 2  # two drafted letters not saved (drafting them is test_daily_loop's)
    pick_the_backup(qtbot, window)
    assert asked == [
        ("Restore a backup", "2 drafted letters in Compose are not saved. Restore the backup and lose them?")
    ]
    qtbot.wait(100)
    assert len(window.session.index) == before + 1 and window.composer.unsaved == 2
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: discard))  # to close


def test_the_backups_are_read_while_the_window_answers_and_nothing_is_left_behind(
    qtbot, open_window, demo_copy, monkeypatch
):
    """Each backup is opened to say what it holds: the dialog opens at once and says it is
    reading them, off the window's thread; once read, and once restored, no worker of that
    work is left in the window."""
    from foiadesk.core.store import restore as core_restore
    from foiadesk.ui.tasks import WithoutLog

    window = open_window(own_log(demo_copy))
    before = back_up_then_add_a_mistake(qtbot, window)
    real, go, on_main_thread = core_restore.describe_backup, threading.Event(), []

    def many_large_backups(path):
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        go.wait(5)
        return real(path)

    monkeypatch.setattr(core_restore, "describe_backup", many_large_backups)
    trigger(window, "&Log", "&Restore a backup…")
    dialog = window.dialog
    assert dialog.isVisible() and dialog.backups.item(0).text() == "Reading the backups of log.sqlite3…"
    assert not dialog.restore_button.isEnabled()
    go.set()
    qtbot.waitUntil(lambda: "backed up by hand" in dialog.backups.item(0).text(), timeout=10_000)
    assert on_main_thread == [False]
    qtbot.waitUntil(lambda: not window.findChildren(WithoutLog), timeout=5_000)
    rect = dialog.backups.visualItemRect(dialog.backups.item(0))
    qtbot.mouseClick(dialog.backups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Restored the backup" in window.banner.text.text(), timeout=20_000)
    wait_loaded(qtbot, window)
    assert len(window.session.index) == before
    qtbot.waitUntil(lambda: not window.findChildren(WithoutLog), timeout=5_000)
