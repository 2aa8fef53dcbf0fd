"""Benchmark the window, in one run:

1. Start-up: from launching a fresh Python process to a painted main window, FoiaDesk
   on a 10,000-request log against a bare PySide6 QMainWindow holding an empty QTableView
   (target: at most 2× the bare window). Each start is its own subprocess; medians of
   several repeats. FoiaDesk's time to a window showing the read list is printed too.
2. On 100,000 requests: a filter keystroke (target ≤ 50 ms, median of repeats), both a
   letter typed in the search box and a key that changes a filter's choice, each timed
   from the key press until the list has been repainted; and reading the list, how long
   the window froze meanwhile, sorting, the agenda, and a logged event reaching the list.

    .venv/bin/python scripts/bench_gui.py [--requests 100000] [--startup-requests 10000] [--repeat 5]

Runs offscreen unless a display is set. The demo logs are written the first time (about
15 s for 100,000 requests) and reused after that. It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 10
SEARCHES = ("memo", "audit", "training", "privacy", "2026-", "calendar", "statistics", "#1234")


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


class Painted(QObject):
    """Counts paint events of a widget (an event filter); ``then()`` runs at each."""

    def __init__(self, widget, then=None):
        super().__init__()
        self.count = 0
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            if self._then is not None:
                self._then()
        return False


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


def demo_log(requests: int, db: Path | None = None) -> Path:
    from foiadesk.core.demo import write_demo

    db = db or Path(tempfile.gettempdir()) / f"foiadesk-bench-{requests}.sqlite3"
    if not db.exists():
        t0 = time.perf_counter()
        write_demo(db, requests=requests, seed=3)
        print(f"wrote a demo log of {requests:,} requests to {db} in {time.perf_counter() - t0:.1f} s")
    return db


# -- 1. start-up, each in a fresh process -------------------------------------------------------


def child(kind: str, db: Path | None) -> None:
    """In a fresh process: start ``kind`` and print a line when its window is painted
    ("painted"), and for FoiaDesk once more when the read list is on screen ("filled")."""
    app = QApplication([sys.argv[0]])
    if kind == "bare":
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QMainWindow, QTableView

        window = QMainWindow()
        table = QTableView()
        table.setModel(QStandardItemModel(0, 8))
        window.setCentralWidget(table)
        screen = window.screen().availableGeometry()  # the size FoiaDesk opens at
        window.resize(min(1360, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        watched = table.viewport()
    else:
        from foiadesk.ui.app import start  # as `foiadesk` starts the window
        from foiadesk.ui.settings import Settings

        os.environ["FOIADESK_DATA_DIR"] = tempfile.mkdtemp(prefix="foiadesk-bench-")
        window = start(Settings(Path(os.environ["FOIADESK_DATA_DIR"]) / "settings.ini"), db)
        watched = window.tabs.tabBar()

    # Each line is printed from the paint event itself (a timer could wait behind other work).
    def painted():
        if not said:
            said.append(1)
            print("painted", flush=True)
            if kind == "bare":
                os._exit(0)

    def filled():
        if loaded:
            print("filled", flush=True)
            os._exit(0)

    said: list = []
    loaded: list = []
    keep = [Painted(watched, painted)]

    def opened():  # the views exist now: the read list shows in the agenda
        keep.append(Painted(window.agenda.table.viewport(), filled))
        window.session.loaded.connect(lambda: loaded.append(1))

    if kind != "bare":
        window.log_opened.connect(opened)
    window.show()
    app.exec()


def start_once(kind: str, db: Path | None) -> dict[str, float]:
    """Launch a child; seconds from launch to each line it prints."""
    args = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    if db is not None:
        args += ["--db", str(db)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env={**os.environ})
    seen = {}
    for line in proc.stdout:
        seen[line.strip()] = time.perf_counter() - t0
    proc.wait(timeout=120)
    if "painted" not in seen:
        raise RuntimeError(f"the {kind} window never painted (exit {proc.returncode})")
    return seen


def bench_startup(db: Path, repeat: int = 5) -> dict:
    """Medians of ``repeat`` fresh starts of each, alternating so both see the same machine."""
    start_once("bare", None)  # warm the disk cache for both
    start_once("foiadesk", db)
    bare, ours, filled = [], [], []
    for _ in range(repeat):
        bare.append(start_once("bare", None)["painted"])
        seen = start_once("foiadesk", db)
        ours.append(seen["painted"])
        filled.append(seen.get("filled", float("nan")))
    figures = {
        "bare_painted": statistics.median(bare),
        "foiadesk_painted": statistics.median(ours),
        "foiadesk_filled": statistics.median(filled),
        "startup_runs": {"bare": bare, "foiadesk": ours, "filled": filled},
    }
    figures["startup_ratio"] = figures["foiadesk_painted"] / figures["bare_painted"]
    return figures


# -- 2. the window on a large log ---------------------------------------------------------------


def keystroke(app, view, do) -> tuple[float, float]:
    """Seconds from a key press (``do``) until the list has been filtered and repainted,
    and until the request selected then is shown beside it too (that follows the list)."""
    painted = Painted(view.table.viewport())
    t0 = time.perf_counter()
    do()
    if view._search_timer.isActive():  # a very large log waits for a pause in typing:
        view.apply_filter()  # time the work, not the pause
    view.table.viewport().repaint()
    listed = time.perf_counter() - t0
    app.processEvents()
    assert painted.count, "the list was not repainted"
    return listed, time.perf_counter() - t0


def bench_gui(requests: int, db: Path | None = None, repeat: int = 9) -> dict:
    from foiadesk.core.store.log import NewEvent
    from foiadesk.core.tracking.listing import NONE, Filter
    from foiadesk.ui.dialogs.event import EventDraft
    from foiadesk.ui.settings import Settings
    from foiadesk.ui.window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="foiadesk-bench-"))
    os.environ.setdefault("FOIADESK_DATA_DIR", str(folder / "data"))
    db = demo_log(requests, db)

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
    figures["filter_overdue"] = timed(lambda: model.set_filter(Filter(deadline="overdue")))
    figures["filter_all"] = timed(lambda: model.set_filter(Filter()))
    figures["agenda"] = timed(window.agenda.model.reload)

    # A filter keystroke, as the user makes it: in the search box, and on a filter's choice.
    view = window.requests
    window.show_view(1)
    app.processEvents()
    typed = []
    for word in SEARCHES:
        view.search.clear()
        view.apply_filter()
        view.search.setFocus()
        for letter in word[: max(2, repeat // len(SEARCHES) + 2)]:
            typed.append(keystroke(app, view, lambda ch=letter: QTest.keyClick(view.search, ch)))
    view.search.clear()
    view.apply_filter()
    figures["search_keystroke"] = statistics.median(t for t, _ in typed)
    figures["search_keystroke_max"] = max(t for t, _ in typed)
    figures["search_keystroke_detail"] = statistics.median(t for _, t in typed)
    choice = view.deadline_choice
    choice.setFocus()
    stepped = []
    for step in range(repeat * 2):
        key = Qt.Key.Key_Down if step % 6 < 3 else Qt.Key.Key_Up
        stepped.append(keystroke(app, view, lambda k=key: QTest.keyClick(choice, k)))
    figures["filter_keystroke"] = statistics.median(t for t, _ in stepped)
    figures["filter_keystroke_detail"] = statistics.median(t for _, t in stepped)
    view.set_filter()

    filed = [i for i, day in enumerate(index.columns["filed"].tolist()) if day != NONE]
    request_id = int(index.columns["id"][filed[len(filed) // 2]])
    shown = []
    window.session.rows_changed.connect(lambda ids: shown.append(time.perf_counter()))
    note = NewEvent("status_inquiry", date.today(), summary="bench")
    window.banner.hide()  # the demo log's note: a message now would be the write's error
    t0 = time.perf_counter()
    window.session.tasks.write("Logging", EventDraft(request_id, note).save)
    wait(app, lambda: bool(shown) or window.banner.isVisible())
    figures["event_logged_to_list"] = (shown[0] - t0) if shown else float("nan")
    window.requests.table.scrollToBottom()
    t0 = time.perf_counter()
    wait(app, lambda: not model.canFetchMore() or time.perf_counter() - t0 > 5)
    window.close()
    return figures


def report_startup(figures: dict, requests: int) -> None:
    runs = len(figures["startup_runs"]["bare"])
    print(f"\nStart-up to a painted window, fresh process each, median of {runs}:")
    print(f"  bare QMainWindow + empty QTableView: {figures['bare_painted']:.3f} s")
    print(
        f"  FoiaDesk on {requests:,} requests:     {figures['foiadesk_painted']:.3f} s "
        f"= {figures['startup_ratio']:.2f}× the bare window (target ≤ 2×)"
    )
    print(f"  FoiaDesk with the read list shown:    {figures['foiadesk_filled']:.3f} s")


def report_gui(figures: dict) -> None:
    print(f"\nThe window on {figures['requests']:,} requests:")
    print(f"  window shown:                       {figures['window_shown']:.2f} s")
    print(f"  list read (in the background):      {figures['list_read']:.2f} s")
    print(f"  longest the window froze meanwhile: {figures['longest_freeze_ms']} ms (incl. showing the list)")
    for key, label in (
        ("search_keystroke", "search keystroke → list repainted"),
        ("search_keystroke_max", "  slowest search keystroke"),
        ("search_keystroke_detail", "  … and the request beside it"),
        ("filter_keystroke", "filter keystroke → list repainted"),
        ("filter_keystroke_detail", "  … and the request beside it"),
        ("sort_title", "sort by title"),
        ("sort_due", "sort by due date"),
        ("filter_overdue", "show only overdue"),
        ("filter_all", "show all again"),
        ("agenda", "rebuild the agenda"),
        ("event_logged_to_list", "event logged → list updated"),
    ):
        print(f"  {label + ':':<35}{figures[key] * 1000:.0f} ms")
    print("  (keystrokes: median; target ≤ 50 ms)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000, help="the large log (keystrokes)")
    parser.add_argument("--startup-requests", type=int, default=10_000, help="the log started on")
    parser.add_argument("--repeat", type=int, default=5, help="fresh starts of each window")
    parser.add_argument("--db", type=Path, help="the large log (written if missing)")
    parser.add_argument("--child", choices=("bare", "foiadesk"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.db)
        return 0
    startup = bench_startup(demo_log(args.startup_requests), args.repeat)
    report_startup(startup, args.startup_requests)
    report_gui(bench_gui(args.requests, args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
