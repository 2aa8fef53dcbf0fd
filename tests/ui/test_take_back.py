"""Take back event…: asked first, naming the event by its type and date; Escape changes
nothing; once taken back, the message bar says so and how to see it, and "Show taken back"
lists it greyed, marked void (it cannot be taken back twice)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def voided(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM events WHERE voided_at IS NOT NULL").fetchone()[0]


def click_row(qtbot, detail, row: int) -> None:
    table = detail.event_table
    rect = table.visualRect(detail.events.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_take_back_asks_says_and_shows_the_event_marked_void(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    request_id = int(window.session.index.columns["id"][0])
    window.open_request(request_id)
    detail = window.requests.detail
    qtbot.waitUntil(lambda: detail.events.rowCount() > 1)
    rows = detail.events.rowCount()
    day, text = detail.events.index(rows - 1, 0).data(), detail.events.index(rows - 1, 2).data()
    before = voided(demo_copy)

    click_row(qtbot, detail, rows - 1)
    qtbot.mouseClick(detail.void_button, Qt.MouseButton.LeftButton)
    box = detail._confirm
    assert box.isVisible()
    assert box.text().startswith(f"Take back “{text}” of {day}?")
    assert "stays in the record, marked void" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # No: nothing changes
    qtbot.wait(50)
    assert not box.isVisible() and detail.events.rowCount() == rows and voided(demo_copy) == before

    qtbot.mouseClick(detail.void_button, Qt.MouseButton.LeftButton)
    box = detail._confirm
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes.text() == "Take back"
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Took back" in window.banner.text.text(), timeout=20_000)
    said = window.banner.text.text()
    assert f"Took back “{text}” of {day} on #{request_id}." in said
    assert "tick “Show taken back” under the timeline to see it" in said
    assert detail.events.rowCount() == rows - 1 and voided(demo_copy) == before + 1

    qtbot.mouseClick(detail.show_voided, Qt.MouseButton.LeftButton)
    assert detail.events.rowCount() == rows
    shown = [detail.events.index(r, 2).data() for r in range(rows)]
    row = shown.index(f"{text} — taken back (void)")
    click_row(qtbot, detail, row)
    assert not detail.void_button.isEnabled()  # already taken back
    qtbot.mouseClick(detail.show_voided, Qt.MouseButton.LeftButton)
    assert detail.events.rowCount() == rows - 1
