"""Starting the window: arguments, the Qt application, settings, error reporting, Ctrl-C.

``foiadesk`` with no arguments, or only ``--db PATH`` and ``--screenshot FILE.png``,
comes here (see foiadesk/__main__.py). ``--screenshot`` opens the log, saves a picture of
the window once the list is read, and quits: for documentation and smoke tests.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

# The list's core (numpy, sqlite-utils and the deadline engine) is imported before Qt on
# purpose: PySide6 reads the source of every module imported after it (its check for
# ``from __feature__ import``), ~70 ms of each start for these.
import foiadesk.core.tracking.listing  # noqa: F401

# isort: split
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from foiadesk.core.paths import DB_ENV, default_db_path
from foiadesk.ui.settings import Settings
from foiadesk.ui.window import MainWindow

SETTLE_MS = 300  # let layouts finish before a screenshot


def parse(argv: list[str]):
    if not argv:  # the usual start: no need to load the command line's parser
        return argparse.Namespace(db=None, screenshot=None)
    from foiadesk.cli import Parser

    parser = Parser(
        prog="foiadesk",
        description="Start the FoiaDesk window. (For the commands, run: foiadesk --help)",
    )
    parser.add_argument("--db", type=Path, help="the log to open (default: the one used last)")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="save a picture of the window once the log is read, then quit",
    )
    return parser.parse_args(argv)


def log_path(args, settings: Settings) -> Path:
    """--db, else $FOIADESK_DB, else the log opened last, else the default file."""
    if args.db:
        return args.db.expanduser()
    if os.environ.get(DB_ENV) or not settings.get("database"):
        return default_db_path()
    return Path(settings.get("database"))


def named_log(args, settings: Settings) -> bool:
    """Whether the log to open was named (--db, $FOIADESK_DB, the log used last) rather than
    being the first run's default file: a named log that is not there is asked about, never
    started empty as if the requests were gone (as the commands refuse it)."""
    return bool(args.db or os.environ.get(DB_ENV) or settings.get("database"))


def no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run(argv: list[str]) -> int:
    args = parse(argv)
    if args.screenshot and no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
    if no_display():
        print(
            "foiadesk: no display to open the window on. The commands work without one: "
            "try 'foiadesk agenda' or 'foiadesk --help'.",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("FoiaDesk")
    app.setApplicationDisplayName("FoiaDesk")
    settings = Settings()
    path, named = log_path(args, settings), named_log(args, settings)
    if args.screenshot and named and not path.exists():
        print(f"foiadesk: there is no log at {path}: check the path", file=sys.stderr)
        return 2
    window = start(settings, path, ask_if_missing=named)
    app.aboutToQuit.connect(window.close)  # Ctrl-C too: save settings, stop the worker
    sys.excepthook = lambda _type, error, _tb: window.report(error)
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    heartbeat = QTimer(interval=250)  # gives Python a moment to notice Ctrl-C
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()
    if args.screenshot:
        take_screenshot(window, args.screenshot)
    return app.exec()


def start(settings: Settings, path: Path, *, ask_if_missing: bool = False) -> MainWindow:
    """Show the window at once and open the log just after it is painted (``ask_if_missing``:
    see ``named_log``)."""
    window = MainWindow(settings, path, start_later=True, ask_if_missing=ask_if_missing)
    window.show()
    return window


def take_screenshot(window: MainWindow, path: Path) -> None:
    """Save the window to ``path`` once the log is read; quit either way."""
    app = QApplication.instance()

    def save():
        ok = window.grab().save(str(path))
        if not ok:
            print(f"foiadesk: could not write {path}", file=sys.stderr)
        window.close()
        app.exit(0 if ok else 1)

    def failed(error):
        print(f"foiadesk: {error}", file=sys.stderr)
        window.close()
        app.exit(2)

    def opened():
        window.session.loaded.connect(lambda: QTimer.singleShot(SETTLE_MS, save))
        window.session.failed.connect(failed)

    window.log_opened.connect(opened)
