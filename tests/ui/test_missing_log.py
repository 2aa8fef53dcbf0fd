"""FoiaDesk told to open a log that is not there ($FOIADESK_DB or --db mistyped, the log used
last moved): the window says so and lets the user start a new log there, open another, or
quit. Nothing is written before the user chooses; no empty log is shown as if the requests
were gone (the commands refuse such a path too)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from window_fixtures import wait_loaded

from foiadesk.ui.app import log_path, named_log, parse, start


@pytest.fixture
def started(qtbot, settings, tmp_path, monkeypatch):
    """start(PATH) → the window as `foiadesk` starts it with FOIADESK_DB=PATH, and the question
    it asks about a missing log (None if it asks none)."""
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(tmp_path / "data"))
    windows = []

    def make(path, argv=()):
        if path is None:
            monkeypatch.delenv("FOIADESK_DB", raising=False)
        else:
            monkeypatch.setenv("FOIADESK_DB", str(path))
        args = parse(list(argv))
        window = start(settings, log_path(args, settings), ask_if_missing=named_log(args, settings))
        qtbot.addWidget(window)
        windows.append(window)
        qtbot.waitUntil(lambda: window.session is not None or window.missing is not None, timeout=5_000)
        return window

    yield make
    for window in windows:
        window.close()


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_a_missing_log_is_asked_about_and_started_only_if_the_user_says_so(qtbot, started, tmp_path):
    missing = tmp_path / "reporting" / "foia-log.sqlite3"  # a folder that is not there either
    window = started(missing)
    box = window.missing
    assert box is not None and box.isVisible() and window.session is None
    assert box.text() == f"There is no log at {missing}."
    assert "Check the path" in box.informativeText()
    assert not missing.exists()  # nothing written while the user reads
    qtbot.mouseClick(button(box, "Start a new log there"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=5_000)
    wait_loaded(qtbot, window)
    assert missing.exists() and len(window.session.index) == 0
    assert window.windowTitle() == "FoiaDesk — foia-log.sqlite3"


def test_another_log_can_be_opened_instead(qtbot, started, demo_file, tmp_path, monkeypatch):
    mine = shutil.copy(demo_file, tmp_path / "mine.sqlite3")
    missing = tmp_path / "mine-typo.sqlite3"
    answers = [str(tmp_path / "not-there-either.sqlite3"), str(mine)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (answers.pop(0), "")))
    window = started(missing)
    qtbot.mouseClick(button(window.missing, "Open another log…"), Qt.MouseButton.LeftButton)
    # a file that is not there either: asked again, and said why
    qtbot.waitUntil(lambda: window.missing is not None and window.missing.isVisible(), timeout=5_000)
    assert "not-there-either.sqlite3 either" in window.missing.informativeText()
    qtbot.mouseClick(button(window.missing, "Open another log…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=5_000)
    wait_loaded(qtbot, window)
    assert window.session.path == mine and len(window.session.index) == 120
    assert not missing.exists()


def test_its_backups_are_pointed_to_and_quit_leaves_nothing(qtbot, started, tmp_path):
    missing = tmp_path / "foiadesk.sqlite3"
    (tmp_path / "backups").mkdir()
    for stamp in ("20261120-090000-000", "20261127-090000-000"):
        (tmp_path / "backups" / f"foiadesk-{stamp}-manual-v9.sqlite3").write_bytes(b"")
    window = started(missing)
    said = window.missing.informativeText()
    assert f"2 backups of it are kept in {tmp_path / 'backups'}" in said
    assert "Log › Restore a backup… puts one back" in said
    qtbot.mouseClick(button(window.missing, "Quit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert not missing.exists() and window.session is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_first_runs_own_log_is_started_without_a_question(qtbot, started, tmp_path):
    window = started(None)  # no --db, no $FOIADESK_DB, no log used before: the data folder's
    assert window.missing is None
    wait_loaded(qtbot, window)
    assert window.session.path == tmp_path / "data" / "foiadesk.sqlite3" and window.session.path.exists()
