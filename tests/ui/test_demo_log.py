"""A demo log always says it is one, and never becomes the log FoiaDesk opens next time."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from window_fixtures import wait_loaded

from foiadesk.ui.app import log_path, parse


def test_a_demo_log_shows_its_banner_and_is_not_remembered(qtbot, open_window, demo_copy, settings, tmp_path):
    mine = tmp_path / "mine.sqlite3"
    window = open_window(mine)
    assert settings.get("database") == str(mine)  # a real log is remembered
    window.close()

    demo = open_window(demo_copy)
    assert demo.banner.isVisible() and demo.banner.kind == "note"
    assert demo.banner.text.text().startswith("This is a demo log of 120 made-up requests (log.sqlite3).")
    assert demo.windowTitle() == "FoiaDesk — log.sqlite3 (demo)"
    assert settings.get("database") == str(mine)
    assert log_path(parse([]), settings) == mine  # the next start opens the user's own log
    demo.banner.hide()
    demo.reload()  # read again: still the same log, no second banner once dismissed
    qtbot.waitUntil(lambda: not demo.session.tasks.busy(), timeout=15_000)
    assert not demo.banner.isVisible()
    demo.close()

    again = open_window(demo_copy)  # opened again later: it says so again
    assert again.banner.isVisible() and "demo log" in again.banner.text.text()


def test_leaving_a_demo_log_takes_its_banner_away(qtbot, open_window, demo_copy, tmp_path, monkeypatch):
    mine = tmp_path / "mine.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(mine), "")))
    window = open_window(demo_copy)
    assert "demo log" in window.banner.text.text()
    window.show_view(4)
    button = next(b for b in window.settings_view.findChildren(QPushButton) if "Open another log" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert window.session.path == mine
    assert window.windowTitle() == "FoiaDesk — mine.sqlite3"
    said = window.banner.text.text() if window.banner.isVisible() else ""
    assert "demo log" not in said, said


def test_the_cases_view_of_a_demo_log_shows_the_records_its_requests_ask_for(qtbot, open_window, demo_copy):
    """The demo's requests of the IRS–ICE case are linked to its case pack's categories, as a
    user's requests drafted in Compose are: each office asked shows records as asked for."""
    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    cases = window.cases
    assert cases.case.currentText() == "IRS-ICE taxpayer address sharing (April 2025 MOU)"
    model = cases.model
    records = model.HEADERS.index("Records to ask for")
    asked_offices = {}
    for row in range(model.rowCount()):
        listed = model.index(row, records).data(Qt.ItemDataRole.ToolTipRole)
        if listed and model.index(row, 1).data() != "none yet":
            asked_offices[model.index(row, 0).data()] = listed.count("(asked)")
    assert {"ICE", "IRS", "DHS Privacy", "Treasury"} <= set(asked_offices)  # as people know them
    assert all(asked_offices.values()), asked_offices
    story = cases.story.toPlainText()
    assert "The agreement, its drafts and amendments — asked" in story
