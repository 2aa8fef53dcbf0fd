"""Today rolls over at midnight: a window left open overnight shows the new day's list,
agenda and request without F5. The clock is the window's own (injected), moved by hand;
the session's once-a-minute check is fired rather than waited for."""

from __future__ import annotations

from datetime import date

from window_fixtures import wait_loaded

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

D = date.fromisoformat


def _log(path):
    """#1 at DOJ-OIP: denied on 2026-08-27. Its appeal window is 90 calendar days (28 CFR
    16.8(a)): 4 days to Aug 31, 30 in September, 31 in October, 25 in November → the last
    day to appeal is Wed 2026-11-25."""
    db = connect(path)
    comp = load_directory().component("DOJ-OIP")
    request_id = log.add_directory_request(db, comp, title="OLC opinions").new_id
    for new in (
        log.NewEvent("filed", D("2026-08-03"), agency_received_on=D("2026-08-03")),
        log.NewEvent("determination", D("2026-08-27"), outcome="denial"),
    ):
        log.record_event(db, request_id, new, today=D("2026-11-25"))
    db.close()


def _you_owe(window) -> list[str]:
    agenda = window.agenda.model
    found = []
    for when in ("overdue", "this_week", "next_week", "later"):
        group = agenda.group_index(when, "requester")
        found += [agenda.index(r, 2, group).data() for r in range(agenda.rowCount(group))]
    return found


def _window(qtbot, settings, tmp_path, day: list[date]):
    """A window on _log's log whose today is ``day[0]`` (the test moves it)."""
    from foiadesk.ui.window import MainWindow

    path = tmp_path / "log.sqlite3"
    _log(path)
    window = MainWindow(settings, path, today=lambda: day[0])
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    return window


def test_the_window_notices_a_new_day(qtbot, settings, tmp_path):
    day = [D("2026-11-25")]
    window = _window(qtbot, settings, tmp_path, day)
    model = window.requests.model
    window.open_request(1)

    assert model.index(0, model.WHEN).data() == "due today"
    assert model.index(0, model.NEXT).data() == "Appeal the denial by · you"
    assert _you_owe(window) == ["Appeal the denial by"]

    day[0] = D("2026-11-26")  # past midnight
    window.session._clock.timeout.emit()  # the minute's check
    qtbot.waitUntil(lambda: not window.session.is_loading and window.session.index.today == day[0])
    # The window passed unused: history, not "1 day overdue", and nothing left to owe
    assert model.index(0, model.WHEN).data() == ""
    assert model.index(0, model.NEXT).data() == ""
    assert _you_owe(window) == []
    clocks = window.requests.detail.clocks
    rows = {clocks.index(r, 0).data(): clocks.index(r, 2).data() for r in range(clocks.rowCount())}
    assert rows["Appeal the denial by · you"] == "missed (passed unused)"
    assert window.composer.letter_date.date().toPython() == D("2026-11-26")
    window.close()


def test_the_same_day_reads_nothing_again(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    loads = []
    window.session.loading.connect(lambda: loads.append(1))
    window.session._clock.timeout.emit()
    window.activateWindow()
    window.session.check_day()
    assert loads == [] and not window.session.is_loading


def test_midnight_passing_while_the_list_is_read_reaches_every_view(qtbot, settings, tmp_path):
    """F5 just before midnight, the clock turns while the list is being read: the list is
    read again as of the new day, and Compose's letter date follows too."""
    day = [D("2026-11-25")]
    window = _window(qtbot, settings, tmp_path, day)
    window.session.reload()  # F5
    day[0] = D("2026-11-26")  # midnight, before the read is done and before the minute's check
    qtbot.waitUntil(lambda: not window.session.is_loading and window.session.index.today == day[0])
    assert window.composer.letter_date.date().toPython() == D("2026-11-26")
    model = window.requests.model
    assert model.index(0, model.WHEN).data() == ""  # the appeal window passed unused
    window.close()
