"""One open log, as the window uses it: the background tasks, the GUI thread's read
connection, and the request list kept in memory.

Views take the session in their constructor and listen to it: ``loaded`` when the list
was read (again), ``rows_changed`` with the ids a write touched, ``lists_changed`` when
cases or components were added. Nothing here draws anything.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.store import index_read
from foiadesk.core.store.db import (
    StorageError,
    check_now,
    connect,
    file_swapped,
    needs_upgrade,
    read_only_reason,
)
from foiadesk.core.store.log import Changes
from foiadesk.core.tracking.listing import RequestIndex
from foiadesk.ui.settings import Settings
from foiadesk.ui.tasks import Tasks

# Past this many changed requests, reading the whole list again (in the background)
# is cheaper than refreshing row by row on the GUI thread.
REFRESH_LIMIT = 2000
# How often to look whether another process (the command line, say) changed the log.
WATCH_MS = 1000


class Session(QObject):
    loading = Signal()
    loaded = Signal()
    rows_changed = Signal(object)  # frozenset of request ids
    lists_changed = Signal()
    display_changed = Signal()  # a new day, or what counts as due soon
    failed = Signal(object)  # an error for the window to show

    def __init__(
        self,
        path: Path,
        settings: Settings,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.path = Path(path)
        self.settings = settings
        self._today = today
        self.db = None  # the GUI thread's read connection, once the log has been read
        self.read_only: str | None = None  # why the log cannot be written (damaged, newer…)
        self.index = RequestIndex.empty()  # until the log is read (the calendar is built then)
        self.tasks = Tasks(self.path, self)
        # The calendars (a quarter of a second, most of it the holidays library) are built
        # beside the worker's first step, its check of the file, which runs outside Python.
        skip = settings.get("skip_closures")
        self._calendars = threading.Thread(target=_build_calendars, args=(skip,), daemon=True)
        self._calendars.start()
        self.tasks.changed.connect(self._apply)
        self.tasks.failed.connect(self.failed)
        self._load = None
        self._checked = False  # whether the log was checked for damage (after the first read)
        self._day = today()
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.check_day)
        self._clock.start()
        self._mark = 0  # the log's version when the list last caught up (index_read.log_version)
        self._version = None  # SQLite's data_version then, on the read connection
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self._check_outside)
        settings.changed.connect(self._setting_changed)

    def check_day(self) -> None:
        """A new day (past midnight, or after the computer slept): the list's next deadlines
        were worked out as of the old one (a requester's window that passed yesterday is now
        history), so the list is read again as of today, as F5 does."""
        day = self.today()
        if day == self._day:
            return
        self._day = day
        self.display_changed.emit()
        if self.db is not None:
            self.reload()

    def _setting_changed(self, key: str) -> None:
        if key == "due_soon_days":
            self.display_changed.emit()
        elif key == "skip_closures":
            self.reload()

    def today(self) -> date:
        return self._today()

    def soon_days(self) -> int:
        return self.settings.get("due_soon_days")

    def calendar(self) -> Calendar:
        return calendar(skip_closures=self.settings.get("skip_closures"))

    @property
    def is_loading(self) -> bool:
        return self._load is not None

    def when_loaded(self, slot: Callable[[], object]) -> None:
        """Call ``slot`` each time the list has been read, and at once if it has been read
        already (for a view built after the log was opened)."""
        self.loaded.connect(slot)
        if self.db is not None and self._load is None:
            slot()

    def reload(self, *, whole: bool = False) -> None:
        """Read the list again in the background (with progress; it can be cancelled): the
        requests changed since the last opening, the rest as then kept; ``whole`` reads
        every request from the log (F5)."""
        if self._load is not None:
            return
        keep = None if whole else self.path
        sort = (self.settings.get("requests/sort"), bool(self.settings.get("requests/descending")))
        skip = self.settings.get("skip_closures")
        today = self.today()

        def read(db, progress):
            self._calendars.join()
            cal = calendar(skip_closures=skip)  # built here (once), not on the GUI thread
            cal.alternative  # noqa: B018 - likewise, for the first trace
            self.read_only = read_only_reason(db)
            index = RequestIndex.load(db, cal, on_progress=progress, today=today, keep=keep)
            _work_out_first_views(index, *sort)
            return index

        label = "Reading the log"
        if self.db is None and needs_upgrade(self.path):  # the worker upgrades it first
            label = "Upgrading the log (after a backup) and reading it"
        self._load = self.tasks.read(label, read, on_done=self._loaded, on_error=self._load_failed)
        self.loading.emit()

    def _loaded(self, index: RequestIndex) -> None:
        self._load = None
        if self.db is None:  # the worker has created and upgraded the file by now
            self.db = connect(self.path, migrate=False)
        self.index = index
        self._mark = index.version  # what changes after it is caught up below
        self._version = None
        self.loaded.emit()
        self._check_outside()  # anything written while the list was being read
        self._watch.start()
        if self.read_only:  # said once the list shows, so the user can still read and export
            self.failed.emit(StorageError(self.read_only))
        self._after_read(self.index)
        if self.index.today != self.today():  # the day changed while the list was being read
            self.check_day()  # the views hear of the new day, if the minute timer has not told them
            self.reload()

    def _after_read(self, index: RequestIndex) -> None:
        """Once the list shows: check the log for damage (first time only; writes wait
        behind it in the worker) and keep what was read for the next opening."""
        check, self._checked = not self._checked, True

        def finish(db, _progress) -> str | None:
            problem = check_now(db) if check else None
            if problem is None:
                index.keep_reads(db)
            return problem

        self.tasks.read("Checking the log", finish, on_done=self._found_damage, cancellable=False)

    def _found_damage(self, problem: str | None) -> None:
        if problem is not None:
            self.read_only = problem
            self.failed.emit(StorageError(problem))

    def _load_failed(self, error: BaseException) -> None:
        self._load = None
        self.failed.emit(error)

    def _apply(self, changes: Changes) -> None:
        """A write was committed: bring the list up to date and tell the views."""
        if self.db is None or self._load is not None:
            return  # the list is being read and will include this write
        outside = self._catch_up()  # and what another process did meanwhile
        self._refresh(frozenset(changes.request_ids) | outside, lists_changed=changes.lists_changed)

    def _check_outside(self) -> None:
        """Another process (the command line while the window is open) changed the log:
        refresh the requests it touched, as after a write of our own. SQLite's
        data_version tells that something changed; the requests' versions tell what."""
        if self.db is None or self._load is not None:
            return
        if self.read_only is None and (swapped := file_swapped(self.db)):
            self.read_only = swapped  # said once; every write is refused with the same words
            self.failed.emit(StorageError(swapped))
            return
        first = self._version is None  # just read: only what was written meanwhile
        if not first and index_read.data_version(self.db) == self._version:
            return
        found = self._catch_up()
        if found or not first:
            self._refresh(found, lists_changed=True)

    def _catch_up(self) -> frozenset[int]:
        """The requests changed since the list last caught up; moves the mark on."""
        self._version = index_read.data_version(self.db)
        mark = index_read.log_version(self.db)
        found = index_read.changed_since(self.db, self._mark) if mark != self._mark else []
        self._mark = mark
        return frozenset(int(i) for i in found)

    def _refresh(self, ids: frozenset[int], *, lists_changed: bool) -> None:
        if len(ids) > REFRESH_LIMIT:
            self.reload()
            return
        self.index.refresh(self.db, ids)
        if lists_changed:
            self.lists_changed.emit()
        if ids:
            self.rows_changed.emit(frozenset(ids))

    def close(self) -> None:
        self._watch.stop()
        self.tasks.close()
        if self.db is not None:
            self.db.close()
            self.db = None


def _work_out_first_views(index: RequestIndex, sort: str, descending: bool) -> None:
    """What the list and the agenda ask for first, worked out in the worker (kept by the
    index), so a large list is shown without a pause (half a second at a million)."""
    from foiadesk.core.reference.directory import DirectoryError, load_directory
    from foiadesk.core.tracking.agenda import open_deadlines

    try:
        load_directory().read_statistics()  # for the estimate beside the first request shown
    except DirectoryError:  # said where the estimate would show; the list opens regardless
        pass
    index.components()
    index.statuses()
    index.drafts()
    open_deadlines(index)
    try:
        index.order(sort, descending)
    except ValueError:
        index.order("due", descending)


def _build_calendars(skip_closures: bool) -> None:
    try:
        calendar(skip_closures=skip_closures).alternative  # noqa: B018 - cached for the first read
    except Exception:  # noqa: S110 - the read builds it again and reports what went wrong
        pass


def not_read(session: Session) -> str:
    """What a view of the log says in place of its contents while there are none to show:
    the log is being read, or could not be (not that it has no cases or profiles)."""
    return "Reading the log…" if session.is_loading else "The log could not be read: no log is open."
