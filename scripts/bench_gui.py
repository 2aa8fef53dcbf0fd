"""Benchmark the window on a large log: how long reading the list takes, whether the
window keeps responding meanwhile, and how quickly sorting, filtering, searching and a
logged event show up.

    .venv/bin/python scripts/bench_gui.py --requests 100000 [--db /tmp/bench.sqlite3]

Runs offscreen unless a display is set. The log is written with the demo generator the
first time (about 15 s for 100,000 requests) and reused after that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 10


class Stalls:
    """The longest gap between two ticks of a 10 ms timer: how long the window froze."""

    def __init__(self):
        self.longest = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self):
        self.longest = 0
        self._clock.start()
        self._timer.start()

    def _tick(self):
        self.longest = max(self.longest, self._clock.restart())

    def stop(self) -> int:
        self._timer.stop()
        return self.longest


def wait(app, done, timeout=300.0):
    """Run the event loop, as the app does, until ``done()`` (checked every 5 ms)."""
    loop = QEventLoop()
    start = time.perf_counter()

    def check():
        if done() or time.perf_counter() - start > timeout:
            loop.quit()

    timer = QTimer(interval=5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not done():
        raise TimeoutError("the window did not finish in time")


def timed(fn, repeat=5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_gui(requests: int, db: Path | None = None) -> dict:
    from foiadesk.core.demo import write_demo
    from foiadesk.core.listing import NONE, Filter
    from foiadesk.core.log import NewEvent
    from foiadesk.ui.event_dialog import EventDraft
    from foiadesk.ui.settings import Settings
    from foiadesk.ui.window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="foiadesk-bench-"))
    os.environ.setdefault("FOIADESK_DATA_DIR", str(folder / "data"))
    db = db or Path(tempfile.gettempdir()) / f"foiadesk-bench-{requests}.sqlite3"
    if not db.exists():
        t0 = time.perf_counter()
        write_demo(db, requests=requests, seed=3)
        print(f"wrote a demo log of {requests:,} requests to {db} in {time.perf_counter() - t0:.1f} s")

    app = QApplication.instance() or QApplication([])
    stalls = Stalls()
    t0 = time.perf_counter()
    window = MainWindow(Settings(folder / "settings.ini"), db)
    window.resize(1360, 860)
    window.show()
    app.processEvents()
    built = time.perf_counter() - t0
    stalls.start()  # from here the list is being read in the background
    wait(app, lambda: window.session.db is not None and not window.session.is_loading)
    loaded = time.perf_counter() - t0
    froze = stalls.stop()
    model = window.requests.model
    index = window.session.index
    figures = {
        "requests": len(index),
        "window_shown": built,
        "list_read": loaded,
        "longest_freeze_ms": froze,
    }
    # Sorting is timed once each: the order is then kept until the data changes.
    figures["sort_title"] = timed(lambda: model.sort(model.HEADERS.index("Title")), repeat=1)
    figures["sort_due"] = timed(lambda: model.sort(model.HEADERS.index("Due")), repeat=1)
    figures["filter_overdue"] = timed(lambda: model.set_filter(Filter(show="overdue")))
    figures["filter_all"] = timed(lambda: model.set_filter(Filter()))
    search = window.requests
    search.search.setText("memorandum")
    figures["search"] = timed(search.apply_filter)
    search.search.setText("")
    search.apply_filter()
    figures["agenda"] = timed(window.agenda.model.reload)

    filed = [i for i, day in enumerate(index.columns["filed"].tolist()) if day != NONE]
    request_id = int(index.columns["id"][filed[len(filed) // 2]])
    shown = []
    window.session.rows_changed.connect(lambda ids: shown.append(time.perf_counter()))
    note = NewEvent("status_inquiry", date.today(), summary="bench")
    t0 = time.perf_counter()
    window.session.tasks.write("Logging", EventDraft(request_id, note).save)
    wait(app, lambda: bool(shown) or window.banner.isVisible())
    figures["event_logged_to_list"] = (shown[0] - t0) if shown else float("nan")
    window.show_view(1)
    window.requests.table.scrollToBottom()
    t0 = time.perf_counter()
    wait(app, lambda: not model.canFetchMore() or time.perf_counter() - t0 > 5)
    window.close()
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    figures = bench_gui(args.requests, args.db)
    print(f"{figures['requests']:,} requests")
    print(f"window shown:                     {figures['window_shown']:.2f} s")
    print(f"list read (in the background):    {figures['list_read']:.2f} s")
    print(f"longest the window froze meanwhile: {figures['longest_freeze_ms']} ms (incl. showing the list)")
    for key, label in (
        ("sort_title", "sort by title"),
        ("sort_due", "sort by due date"),
        ("filter_overdue", "show only overdue"),
        ("filter_all", "show all again"),
        ("search", "search 'memorandum'"),
        ("agenda", "rebuild the agenda"),
        ("event_logged_to_list", "event logged → list updated"),
    ):
        print(f"{label + ':':<34}{figures[key] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
