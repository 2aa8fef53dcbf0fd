"""Fixtures shared by the window's test folders (tests/ui, tests/ui_correspondence): a small
demo log on a fixed day, isolated settings, and a window that has finished reading its log
(with the import and export menus, which the window installs once it starts)."""

from datetime import date

import pytest

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """A realistic log of 120 requests (read-only for tests: copy it to write)."""
    from foiadesk.core.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo(path, requests=120, seed=11, today=TODAY)
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    """A copy of the demo log that a test may change."""
    import shutil

    path = tmp_path / "log.sqlite3"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def settings(tmp_path, qapp):
    from foiadesk.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def open_window(qtbot, settings, monkeypatch):
    """open_window(path) → a MainWindow on ``path`` whose list has been read. Closing it
    with letters drafted and not saved answers "Discard" (a test may answer otherwise)."""
    from PySide6.QtWidgets import QMessageBox

    from foiadesk.ui.window import MainWindow

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )

    windows = []

    def make(path):
        window = MainWindow(settings, path, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        wait_loaded(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def wait_loaded(qtbot, window):
    """The list read and the work after it done (the check of the file, keeping the list)."""
    session = window.session
    qtbot.waitUntil(
        lambda: session.db is not None and not session.is_loading and not session.tasks.busy(), timeout=20_000
    )
