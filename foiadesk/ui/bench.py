"""The window's side of ``foiadesk bench scale``, run in a fresh process each time:

    python -m foiadesk.ui.bench bare
    python -m foiadesk.ui.bench window LOG [DATA_FOLDER]

prints one "name value" line per figure (milliseconds, megabytes; "painted" and
"list_ready" carry no value: the caller times them from the launch) and exits. "bare"
is a QMainWindow holding an empty QTableView, the reference;
"window" is FoiaDesk started as ``foiadesk`` starts it (with DATA_FOLDER as its data
folder, so a second start finds what the first kept; a new folder when none is given),
timed until its list is read and shown, with the longest freeze meanwhile, then a filter
and a search keystroke, and one logged event reaching the list, the agenda and the
request beside the list.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __name__ == "__main__" and sys.argv[1:2] == ["window"]:
    import foiadesk.ui.app  # noqa: F401 - imported before Qt, as ``foiadesk`` imports it

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SEARCHES = ("memo", "audit", "training", "privacy", "2026-", "#1234", "ICE")


def say(name: str, value: float | None = None) -> None:
    print(name if value is None else f"{name} {value:.3f}", flush=True)


class _Painted(QObject):
    def __init__(self, widget, then):
        super().__init__()
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self._then()
        return False


class _Stalls:
    """The longest gap between two ticks of a 10 ms timer: how long the window froze."""

    def __init__(self):
        self.longest = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)
        self._clock.start()
        self._timer.start()

    def _tick(self):
        self.longest = max(self.longest, self._clock.restart())


def bare(app: QApplication) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8))
    window.setCentralWidget(table)
    window.resize(1360, 860)

    def painted():
        say("painted")
        os._exit(0)

    keep = _Painted(table.viewport(), painted)  # noqa: F841 - kept alive while the loop runs
    window.show()
    app.exec()


def window(app: QApplication, log: Path, folder: Path | None = None) -> None:
    from foiadesk.ui.app import start
    from foiadesk.ui.settings import Settings

    folder = folder or Path(tempfile.mkdtemp(prefix="foiadesk-bench-"))
    os.environ["FOIADESK_DATA_DIR"] = str(folder)
    shown = start(Settings(folder / "settings.ini"), log)
    shown.resize(1360, 860)
    state: dict = {}

    def opened():  # the window is built; from here the list is read in the background
        state["stalls"] = _Stalls()
        shown.session.loaded.connect(lambda: QTimer.singleShot(0, ready))
        shown.session.failed.connect(lambda error: (print(f"failed {error}", flush=True), os._exit(1)))

    def ready():
        shown.requests.table.viewport().repaint()
        say("list_ready")
        QTimer.singleShot(15, freeze)  # the timer's next tick counts the showing of the list too

    def freeze():
        say("longest_freeze_ms", state["stalls"].longest)
        settled()

    def settled():  # the check of the file and the keeping of the list run after it shows
        if shown.session.tasks.busy():
            QTimer.singleShot(10, settled)
        else:
            keystrokes()

    def keystrokes():
        from foiadesk.core.tracking.listing import Filter

        view, model = shown.requests, shown.requests.model
        shown.show_view(1)
        app.processEvents()
        filters = []
        for deadline in ("overdue", "needs_me", "this_week", "all", "none", "all"):
            t0 = time.perf_counter()
            model.set_filter(Filter(deadline=deadline))
            view.table.viewport().repaint()
            filters.append(time.perf_counter() - t0)
        say("filter_ms", statistics.median(filters) * 1000)
        from foiadesk.ui.views.requests import INSTANT_SEARCH_UP_TO

        searches = []
        for word in SEARCHES:
            t0 = time.perf_counter()
            view.search.setText(word)  # a list this long is searched as the user types
            if len(shown.session.index) > INSTANT_SEARCH_UP_TO:
                view.apply_filter()  # longer ones once the typing pauses
            view.table.viewport().repaint()
            searches.append(time.perf_counter() - t0)
        view.search.setText("")
        view.apply_filter()
        say("search_ms", statistics.median(searches) * 1000)
        log_one()

    def log_one():
        from foiadesk.core.store.log import NewEvent
        from foiadesk.core.tracking.listing import NONE
        from foiadesk.ui.dialogs.event import EventDraft

        index = shown.session.index
        filed = (index.columns["filed"] != NONE).nonzero()[0]
        request_id = int(index.columns["id"][filed[len(filed) // 2]])
        shown.requests.show_request(request_id)
        app.processEvents()
        shown.session.rows_changed.connect(refreshed)  # after the list's, agenda's and detail's own
        state["t0"] = time.perf_counter()
        note = NewEvent("status_inquiry", date.today(), summary="bench")
        shown.session.tasks.write("Logging", EventDraft(request_id, note).save)

    def refreshed(_ids):
        say("event_refresh_ms", (time.perf_counter() - state["t0"]) * 1000)
        say("peak_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        os._exit(0)

    shown.log_opened.connect(opened)
    app.exec()


def main(argv: list[str]) -> None:
    app = QApplication([sys.argv[0]])
    if argv[0] == "bare":
        bare(app)
    else:
        window(app, Path(argv[1]), Path(argv[2]) if len(argv) > 2 else None)


if __name__ == "__main__":
    main(sys.argv[1:])
