"""A change made by another process while the window is open (the command line, another
window) shows in the list and the agenda without pressing F5: only the requests it
touched are read again."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from conftest import TODAY

from foiadesk.core.store.db import connect
from foiadesk.core.store.log import events_for, void_event
from foiadesk.core.tracking.agenda import open_deadlines

TIMEOUT = 15_000


def status_shown(window, request_id: int) -> str:
    model = window.requests.model
    return model.index(model.row_of(request_id), model.HEADERS.index("Status")).data()


def agenda_ids(window) -> set[int]:
    index = window.session.index
    return set(index.columns["id"][open_deadlines(index).rows].tolist())


def test_the_command_line_logs_an_event_and_the_window_shows_it(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    index = window.session.index
    processing = [
        rid
        for rid, status in zip(index.columns["id"].tolist(), index.columns["status"].tolist(), strict=True)
        if status == "Processing"
    ]
    rid = next(r for r in processing if r in agenda_ids(window))
    rows_read = []
    window.session.rows_changed.connect(rows_read.append)
    done = subprocess.run(
        [sys.executable, "-m", "foiadesk", "--db", str(demo_copy), "log", str(rid), "determination",
         "--on", str(TODAY), "--outcome", "full_grant"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: status_shown(window, rid) == "Granted in full", timeout=TIMEOUT)
    assert rows_read == [frozenset({rid})]  # that request only, not the whole log again
    assert rid not in agenda_ids(window)  # nothing is owed on a request granted in full


def test_a_letter_taken_back_elsewhere_is_taken_back_here(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    index = window.session.index
    rid = next(
        rid
        for rid, status in zip(index.columns["id"].tolist(), index.columns["status"].tolist(), strict=True)
        if status == "Granted in full"
    )
    rows_read = []
    window.session.rows_changed.connect(rows_read.append)
    other = connect(demo_copy)  # another connection to the file, as another window would have
    last = events_for(other, rid)[-1]
    assert last.type == "determination"
    void_event(other, last.id)
    other.close()
    qtbot.waitUntil(lambda: status_shown(window, rid) != "Granted in full", timeout=TIMEOUT)
    assert rows_read == [frozenset({rid})]  # a take-back is told apart too: no reading of everything


def test_a_log_changed_while_the_window_was_closed_opens_as_it_is_now(qtbot, open_window, demo_copy):
    """The window keeps what it read between runs; what another program changed meanwhile
    is read again from the log, the rest taken back."""
    from foiadesk.core.store import index_cache

    first = open_window(demo_copy)
    rid = int(first.session.index.columns["id"][5])
    first.close()
    assert index_cache.file_for(demo_copy).exists()
    with sqlite3.connect(demo_copy) as conn:  # not FoiaDesk: the triggers in the log notice it
        conn.execute("UPDATE requests SET title = 'Renamed while closed' WHERE id = ?", [rid])
    window = open_window(demo_copy)
    model = window.requests.model
    title = model.index(model.row_of(rid), model.HEADERS.index("Title")).data()
    assert title == "Renamed while closed"
