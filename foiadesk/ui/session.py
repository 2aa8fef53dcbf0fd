"""One open log, as the window uses it: the background tasks, the GUI thread's read
connection, and the request list kept in memory.

Views take the session in their constructor and listen to it: ``loaded`` when the list
was read (again), ``rows_changed`` with the ids a write touched, ``lists_changed`` when
cases or components were added. Nothing here draws anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import Changes
from foiadesk.core.tracking.listing import RequestIndex
from foiadesk.ui.settings import Settings
from foiadesk.ui.tasks import Tasks

# Past this many changed requests, reading the whole list again (in the background)
# is cheaper than refreshing row by row on the GUI thread.
REFRESH_LIMIT = 2000


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
        self.index = RequestIndex.empty()  # until the log is read (the calendar is built then)
        self.tasks = Tasks(self.path, self)
        self.tasks.changed.connect(self._apply)
        self.tasks.failed.connect(self.failed)
        self._load = None
        self._day = today()
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self._check_day)
        self._clock.start()
        settings.changed.connect(self._setting_changed)

    def _check_day(self) -> None:
        if self.today() != self._day:
            self._day = self.today()
            self.display_changed.emit()

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

    def reload(self) -> None:
        """Read the whole list in the background (with progress; it can be cancelled)."""
        if self._load is not None:
            return
        skip = self.settings.get("skip_closures")
        today = self.today()

        def read(db, progress):
            cal = calendar(skip_closures=skip)  # built here (once), not on the GUI thread
            cal.alternative  # noqa: B018 - likewise, for the first trace
            return RequestIndex.load(db, cal, on_progress=progress, today=today)

        self._load = self.tasks.read(
            "Reading the log", read, on_done=self._loaded, on_error=self._load_failed
        )
        self.loading.emit()

    def _loaded(self, index: RequestIndex) -> None:
        self._load = None
        if self.db is None:  # the worker has created and upgraded the file by now
            self.db = connect(self.path, migrate=False)
        self.index = index
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._load = None
        self.failed.emit(error)

    def _apply(self, changes: Changes) -> None:
        """A write was committed: bring the list up to date and tell the views."""
        if self.db is None or self._load is not None:
            return  # the list is being read and will include this write
        if len(changes.request_ids) > REFRESH_LIMIT:
            self.reload()
            return
        self.index.refresh(self.db, changes.request_ids)
        if changes.lists_changed:
            self.lists_changed.emit()
        if changes.request_ids:
            self.rows_changed.emit(frozenset(changes.request_ids))

    def close(self) -> None:
        self.tasks.close()
        if self.db is not None:
            self.db.close()
            self.db = None
