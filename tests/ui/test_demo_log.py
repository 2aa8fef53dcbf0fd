"""A demo log always says it is one, and never becomes the log FoiaDesk opens next time."""

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
