"""The background helper: one worker thread with its own connection; results, changes and
errors come back on the GUI thread; long reads can be stopped."""

import threading

import pytest
from PySide6.QtCore import QThread

from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.ui.tasks import Cancelled, Tasks


@pytest.fixture
def tasks(qapp, tmp_path):
    runner = Tasks(tmp_path / "log.sqlite3")
    yield runner
    runner.close()


def add_component(db):
    return log.ensure_component(db, abbr="ICE", name="ICE", agency_abbr="DHS", agency_name="DHS")


def test_a_write_runs_on_the_worker_and_announces_its_changes_after_the_commit(qtbot, tasks):
    seen = {}

    def write(db):
        seen["thread"] = threading.current_thread()
        return log.add_request(db, title="MOU drafts", component_id=add_component(db))

    def changed(changes):
        seen["on_gui_thread"] = QThread.currentThread() is qtbot_app_thread()
        reader = connect(tasks.path, migrate=False)  # a commit is visible to other connections
        seen["committed"] = reader.execute("SELECT title FROM requests").fetchall()
        reader.close()

    tasks.changed.connect(changed)
    done = []
    with qtbot.waitSignal(tasks.changed, timeout=10_000) as signal:
        tasks.write("Adding", write, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert signal.args[0].request_ids == {1} and done[0].new_id == 1
    assert seen["thread"] is not threading.main_thread()
    assert seen["on_gui_thread"] and seen["committed"] == [("MOU drafts",)]


def qtbot_app_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_errors_go_to_the_caller_or_to_failed(qtbot, tasks):
    errors = []
    tasks.write("Bad", lambda db: log.add_request(db, title=" ", component_id=1), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], log.LogError) and "title" in str(errors[0])
    with qtbot.waitSignal(tasks.failed, timeout=10_000) as signal:
        tasks.write("Bug", lambda db: 1 / 0)
    assert isinstance(signal.args[0], ZeroDivisionError)


def test_a_long_read_reports_progress_and_stops_when_cancelled(qtbot, tasks):
    started = threading.Event()
    release = threading.Event()

    def long_read(db, progress):
        for step in range(1, 1000):
            started.set()
            release.wait(5)
            progress(step, 1000)
        return "finished"

    errors, results, steps = [], [], []
    tasks.progressed.connect(lambda task, done, total: steps.append(done))
    task = tasks.read("Reading", long_read, on_done=results.append, on_error=errors.append)
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled) and results == [] and steps == [1]
    assert not tasks.busy()


def test_tasks_run_one_at_a_time_in_order(qtbot, tasks):
    order = []
    for n in range(5):
        tasks.read(f"r{n}", lambda db, progress, n=n: n, on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]


def test_close_ends_the_thread_and_refuses_new_work(tasks):
    tasks.close()
    assert not tasks._thread.isRunning()
    with pytest.raises(RuntimeError):
        tasks.write("late", lambda db: None)


def test_the_log_is_opened_at_once_and_a_failure_to_open_goes_to_the_first_task(qtbot, qapp, tmp_path):
    """The worker opens the log before any task (its file check overlaps the window's
    start); if that fails, the first task is told, as if it had opened it itself."""
    opened = Tasks(tmp_path / "log.sqlite3")
    qtbot.waitUntil(lambda: (tmp_path / "log.sqlite3").exists())  # before anything is asked
    opened.close()
    (tmp_path / "a folder").mkdir()
    runner = Tasks(tmp_path / "a folder")
    errors = []
    runner.write("Adding", add_component, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    runner.close()
    assert "is a folder, not a database file" in str(errors[0])
