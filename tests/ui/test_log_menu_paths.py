"""The Log menu given a path that is no log: the open log stays open and the message says
what was wrong with the path and what is still open."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog


def trigger(window, menu: str, text: str) -> None:
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    next(a for a in bar.actions() if a.text() == text).trigger()


def test_a_folder_chosen_as_the_log_leaves_the_open_log_open(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """A folder picked (or typed) in Open another log… or Start a new log… used to close the
    log and leave every view saying "no log is open"."""
    folder = tmp_path / "FOIA 2026"
    folder.mkdir()
    window = open_window(demo_copy)
    rows = window.requests.model.rowCount()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(folder), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(folder), "")))
    for item in ("&Open another log…", "Start a &new log…"):
        window.banner.hide()
        trigger(window, "&Log", item)
        said = window.banner.text.text()
        assert (
            window.banner.isVisible()
            and said == f"{folder} is a folder, not a log file. log.sqlite3 stays open."
        )
        assert window.session.path == demo_copy and window.session.db is not None
        assert window.windowTitle().startswith("FoiaDesk — log.sqlite3")
        assert window.requests.model.rowCount() == rows


def test_a_damaged_log_chosen_leaves_the_open_log_open(
    qtbot, open_window, demo_copy, demo_file, tmp_path, monkeypatch
):
    """A copy of a log cut short (a sync or a copy that stopped), chosen in Open another log…:
    it is said to be damaged, where its backups are, and the log open stays open (it was
    closed first, and every view said "no log is open")."""
    half = tmp_path / "copied-from-usb.sqlite3"
    data = demo_file.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    window = open_window(demo_copy)
    rows = window.requests.model.rowCount()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(half), "")))
    trigger(window, "&Log", "&Open another log…")
    said = window.banner.text.text()
    assert said.startswith(f"{half} is not a FoiaDesk database or is damaged"), said
    assert f"Restore a backup: the automatic ones are in {tmp_path / 'backups'}." in said
    assert said.endswith("log.sqlite3 stays open.")
    assert window.session.path == demo_copy and window.session.db is not None
    assert window.requests.model.rowCount() == rows
