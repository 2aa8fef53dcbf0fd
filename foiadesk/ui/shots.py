"""Pictures of every view, for the documentation and for looking at the window as a user
would: the agenda, the requests with one open, the cases, the composer (with letters
drafted) and the list of the drafts it saved, the settings, a search that says where it
matched, each dialog (log event with its preview, import review, profile, new request,
new case, deadline calculator), and the first-run state.

    python -m foiadesk.ui.shots --db /tmp/shots.sqlite3 --out /tmp/shots [--docs docs/screenshots]
    python -m foiadesk.ui.shots --db /tmp/shots.sqlite3 --out /tmp/shots-small --screen 1366x768

Runs offscreen unless a display is set; the window has its default size for the screen
(1920×1080 unless --screen is given) unless --size is given. It works on a copy of the log (the composer
saves its drafts there) and keeps its settings in a temporary folder, so neither the
log nor the user's settings change. ``--docs`` also writes the pictures the README shows,
reduced to 256 colours (a third of the size, no visible loss on a window).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SCREEN = (1920, 1080)
DOCS = ("agenda", "requests", "log-event", "compose", "import", "cases")


def _offscreen(width: int, height: int) -> None:
    """An offscreen screen of the given size (Qt's offscreen plugin reads a JSON file)."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="foiadesk-shots-")) / "screen.json"
    config.write_text(
        f'{{"screens": [{{"name": "shots", "x": 0, "y": 0, "width": {width}, "height": {height}, '
        '"logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}'
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def settle(ms: int = 250) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait(done, timeout: float = 60) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")
        settle(20)


def interesting_request(window) -> int:
    """A request worth showing: being processed, with fees, ideally with a deadline that a
    disputed closure day moves (else the first request)."""
    from foiadesk.core.tracking.tracker import view_request

    cols = window.session.index.columns
    candidates = [
        int(rid)
        for rid, paid, est, status in zip(
            cols["id"], cols["fee_paid"], cols["fee_estimate"], cols["status"], strict=True
        )
        if status == "Processing" and (paid or est > 0)
    ]
    for request_id in candidates[:400]:
        view = view_request(window.session.db, request_id, cal=window.session.calendar())
        if any(c.alternative for c in view.clocks):
            return request_id
    return candidates[0] if candidates else int(cols["id"][0])


def _imported(window, reply: Path) -> bool:
    import hashlib

    from foiadesk.core.replies.importing import already_imported

    return already_imported(window.session.db, hashlib.sha256(reply.read_bytes()).hexdigest()) is not None


def pending_request(window, component: str | None = None) -> int:
    """A request (to ``component``, if given) whose response is due in the future (an
    extension then moves it; a reply then decides it)."""
    from foiadesk.core.tracking.listing import CLOCKS

    index = window.session.index
    today = window.session.today().toordinal()
    cols = index.columns
    for row in range(len(index)):
        if cols["next_clock"][row] == CLOCKS.index("response") and cols["next_due"][row] >= today:
            if component is None or cols["component"][row] == component:
                return int(cols["id"][row])
    return int(cols["id"][0])


def shot_estimates(window, shot) -> None:
    """The list by the agency's estimated completion date, that column in view."""
    from PySide6.QtCore import Qt

    table, model = window.requests.table, window.requests.model
    model.sort(model.ESTIMATE, Qt.SortOrder.AscendingOrder)
    table.horizontalHeader().setSortIndicator(model.ESTIMATE, Qt.SortOrder.AscendingOrder)
    table.scrollTo(model.index(0, model.ESTIMATE))
    shot(window, "requests-estimates")
    model.sort(model.NEXT, Qt.SortOrder.AscendingOrder)
    table.horizontalHeader().setSortIndicator(model.NEXT, Qt.SortOrder.AscendingOrder)
    table.scrollTo(model.index(0, 0))


def shot_options(window, shot) -> None:
    """Compose's options: a suite, a priority order, and a ground that still needs facts."""
    from PySide6.QtWidgets import QScrollArea

    composer = window.composer
    composer.suite.setCurrentIndex(1)
    for box in (composer.priority, composer.expedite, composer.grounds["due_process"]):
        box.setChecked(True)
    settle()  # the facts box is laid out first
    composer.findChild(QScrollArea).ensureWidgetVisible(composer.unverified)
    shot(window, "compose-options")


def take(
    db: Path, out: Path, *, today: date | None = None, size: tuple[int, int] | None = None
) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from foiadesk.ui.settings import Settings
    from foiadesk.ui.window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="foiadesk-shots-"))
    os.environ["FOIADESK_DATA_DIR"] = str(work / "data")
    db = Path(shutil.copy(db, work / db.name))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("FoiaDesk")
    saved: list[Path] = []

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    def open_window(path: Path) -> MainWindow:
        kwargs = {"today": (lambda: today)} if today else {}
        window = MainWindow(Settings(work / "settings.ini"), path, **kwargs)
        if size:
            window.resize(*size)
        window.show()
        wait(lambda: window.session.db is not None and not window.session.is_loading)
        return window

    window = open_window(db)
    window.show_view(0)
    shot(window, "agenda")
    window.open_request(interesting_request(window))
    shot(window, "requests")
    shot_estimates(window, shot)
    window.show_view(2)
    cases = window.cases.case
    cases.setCurrentIndex(max(0, cases.findText("IRS", flags=Qt.MatchFlag.MatchContains)))
    shot(window, "cases")
    window.show_view(3)
    composer = window.composer
    composer.draft()
    wait(lambda: composer.letters.count() > 0)
    shot(window, "compose")
    shot_options(window, shot)
    letters = work / "letters"
    letters.mkdir()
    drafts = len(window.session.index) + composer.letters.count()
    composer.save_in(letters)
    wait(lambda: len(window.session.index) == drafts and composer.filing.model.rowCount())
    window.show_view(3)
    shot(window, "compose-filing")
    window.show_view(1)  # the list as Save leaves it: the drafts' case, and Show all
    shot(window, "requests-drafts")
    window.show_view(4)
    shot(window, "settings")

    window.show_view(1)
    window.requests.set_filter(text="segregable")
    shot(window, "search")
    window.requests.set_filter()

    for name, open_dialog in (
        ("profile", lambda: window.edit_profile(None)),
        ("new-request", window.new_request),
        ("new-case", window.new_case),
    ):
        open_dialog()
        shot(window.dialog, name)
        window.dialog.reject()
    window.show_calculator()
    shot(window.calculator, "calculator")
    window.calculator.close()
    from foiadesk.ui.correspondence import controller

    importer = controller(window).importer
    reply = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "replies" / "ice-partial.eml"
    if reply.exists() and not _imported(window, reply):  # a log it went into already: no review
        importer.import_files([reply], suggest=pending_request(window))
        wait(lambda: importer.dialog is not None and importer.dialog.isVisible())
        # the letterhead fits many requests to ICE: choose one, as the user would
        choices = importer.dialog.request
        choices.setCurrentIndex(
            choices.findText(f"#{pending_request(window, 'ICE')} ·", Qt.MatchFlag.MatchStartsWith)
        )
        shot(importer.dialog, "import")
        importer.dialog.reject()

    window.open_request(pending_request(window))
    window.log_event(window.requests.current_request_id())
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("extension_notice"))
    dialog.named.set_value(None)
    dialog.summary.setText("Unusual circumstances: records at several field offices")
    dialog.summary.setCursorPosition(0)
    dialog.adjustSize()
    shot(dialog, "log-event")
    dialog.reject()
    window.close()

    empty = open_window(work / "first-run.sqlite3")
    shot(empty, "first-run")
    empty.close()
    return saved


def for_docs(shots: list[Path], folder: Path) -> list[Path]:
    """The README's pictures: 256 colours, most compression."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in shots:
        if path.stem in DOCS:
            indexed(path).save(str(folder / path.name), "PNG", 0)
            written.append(folder / path.name)
    return written


def indexed(path: Path):
    """The picture in its own 256 most used colours (a window has a few thousand, mostly
    the edges of letters), each other colour drawn as the nearest of them. Unlike Qt's
    fixed palette this keeps the system colours and the tints exactly."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.bytesPerLine() * height // 4)
    pixels = pixels.reshape(height, -1)[:, :width]
    colours, inverse, counts = np.unique(pixels, return_inverse=True, return_counts=True)
    palette = colours[np.argsort(-counts)[:256]]
    rgb = lambda c: np.stack([(c >> 16) & 255, (c >> 8) & 255, c & 255], axis=-1).astype(np.int32)  # noqa: E731
    nearest = ((rgb(colours)[:, None, :] - rgb(palette)[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    index = nearest[inverse.reshape(height, width)].astype(np.uint8)
    out = QImage(width, height, QImage.Format.Format_Indexed8)
    out.setColorTable([int(c) for c in palette])
    stride = out.bytesPerLine()
    padded = np.zeros((height, stride), dtype=np.uint8)
    padded[:, :width] = index
    out.bits()[: stride * height] = padded.tobytes()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a log to show (e.g. a demo log)")
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--today", type=date.fromisoformat, help="the day the window takes as today")
    parser.add_argument("--size", help="WIDTHxHEIGHT of the window (default: its own default size)")
    parser.add_argument("--docs", type=Path, help="also write the README's pictures to this folder")
    parser.add_argument("--screen", help="WIDTHxHEIGHT of the offscreen screen (default 1920x1080)")
    args = parser.parse_args(argv)
    _offscreen(*(tuple(int(n) for n in args.screen.lower().split("x")) if args.screen else SCREEN))
    size = tuple(int(n) for n in args.size.lower().split("x")) if args.size else None
    shots = take(args.db, args.out, today=args.today, size=size)
    for path in shots + (for_docs(shots, args.docs) if args.docs else []):
        print(f"{path}  ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
