"""The tables of the request screen: its deadlines, its timeline of events and its fees."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.deadlines.events import EVENT_TYPES, Event
from foiadesk.core.store.fees import FeeLine
from foiadesk.core.tracking.details import FileRef, channel_name, event_details
from foiadesk.ui import look
from foiadesk.ui.models.table import KeyedTableModel

STATE_WORDS = {
    "open": "open",
    "paused": "paused",
    "overdue": "overdue",
    "met": "met",
    "missed": "late,",
    "no date": "no date",
    "reached": "reached",
    "pending": "not yet",
    "moot": "moot",
    "answered late": "answered late",
    "estimate": "agency's estimate",
}
DISPUTED = "⚑"  # beside a date that a disputed closure day would move
DIRECTIONS = {"out": "→", "in": "←", "internal": ""}
DIRECTION_TIPS = {"out": "You sent this to the agency", "in": "The agency sent this to you"}


class ClocksModel(KeyedTableModel):
    """Every clock of one request, open or done, in the order the engine gives them."""

    HEADERS = ("Deadline", "Due", "Status", f"{DISPUTED} Other date")
    STATUS = 2
    OTHER = 3  # the date a disputed closure day would give (shown when there is one)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._clocks: dict[str, Clock] = {}
        self.today = date.today()
        self.soon_days = 5

    def set_clocks(self, clocks: list[Clock], *, today: date, soon_days: int) -> None:
        self.today, self.soon_days = today, soon_days
        self._clocks = {c.key: c for c in clocks}
        self.set_keys(list(self._clocks))
        self.refresh_cells()

    def clock(self, key: str) -> Clock:
        return self._clocks[key]

    def set_other_heading(self, text: str) -> None:
        if text != self.HEADERS[self.OTHER]:
            self.HEADERS = (*self.HEADERS[: self.OTHER], text)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.OTHER, self.OTHER)

    def disputed(self) -> list[Clock]:
        """The clocks whose date a disputed closure day would move."""
        return [c for c in self._clocks.values() if c.alternative]

    def cell(self, key: str, column: int, role, _extra):
        clock = self._clocks[key]
        state = clock.state(self.today)
        live = clock.owed(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                who = look.OWED_WORDS.get(clock.owed_by, clock.owed_by)
                return clock.label + ("" if clock.owed_by == "milestone" else f" · {who}")
            if column == 1:
                return look.day(clock.due) + (f" {DISPUTED}" if clock.alternative else "")
            if column == 2:
                if live and state != "paused":
                    return look.when(clock.due, self.today) or STATE_WORDS.get(state, state)
                if state == "missed" and clock.done_on is None:
                    return "missed (passed unused)"
                if state == "estimate" and clock.done_on:  # not "agency's estimate <the answer's day>"
                    return f"answered {clock.done_on}"
                done = f" {clock.done_on}" if clock.done_on else ""
                return STATE_WORDS.get(state, state) + done
            if column == self.OTHER:
                return look.day(clock.alternative)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (1, self.OTHER) and clock.alternative:
                return disputed_text(clock)
            if column == self.STATUS:  # the whole status, however narrow the column
                status = self.cell(key, column, Qt.ItemDataRole.DisplayRole, None)
                if clock.done_on and clock.due and clock.unit not in ("milestone", "estimate"):
                    late = (clock.done_on - clock.due).days
                    when = f"{late} days after" if late > 0 else "by"
                    return f"{status}: done {clock.done_on}, {when} the date it was due ({clock.due})."
                return f"{status}: {clock.rule}" if status else clock.rule
            return clock.rule
        elif role == Qt.ItemDataRole.BackgroundRole:
            if column == 2 and live:
                return look.tint(
                    QGuiApplication.palette(), look.urgency(clock.due, self.today, self.soon_days)
                )
        elif role == Qt.ItemDataRole.FontRole and clock.owed_by == "requester" and live and column == 0:
            return look.yours()
        return None


def disputed_text(clock: Clock) -> str:
    """Which disputed closure days fall inside a clock's window, and the other date."""
    days = clock.disputed
    named = (
        "; ".join(f"{d.day} ({d.name})" for d in days)
        if len(days) <= 3
        else f"{len(days)} days from {days[0].day} to {days[-1].day} ({days[0].name})"
    )
    policy = "counted" if clock.closures_skipped else "skipped"
    return (
        f"Disputed closure days inside this window: {named or 'see the trace'}. They are not legal "
        f"public holidays; if they are {policy}, the date is {clock.alternative} (Settings chooses "
        "which date leads)."
    )


class EventsModel(KeyedTableModel):
    """One request's timeline, oldest first, as the log holds it: taken-back events left out,
    or shown greyed and marked so when the user asks to see them (``voided``)."""

    HEADERS = ("Date", "", "Event", "Channel", "Files")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: dict[int, Event] = {}
        self._files: dict[int, tuple[FileRef, ...]] = {}
        self._voided: frozenset[int] = frozenset()

    def set_events(
        self, events: list[Event], files: dict[int, tuple[FileRef, ...]], voided: frozenset[int] = frozenset()
    ) -> None:
        self._events = {e.id: e for e in events}
        self._files = files
        self._voided = voided
        self.set_keys(list(self._events))
        self.refresh_cells()

    def event(self, event_id: int) -> Event:
        return self._events[event_id]

    def files(self, event_id: int) -> tuple[FileRef, ...]:
        return self._files.get(event_id, ())

    def is_voided(self, event_id: int) -> bool:
        return event_id in self._voided

    def cell(self, event_id: int, column: int, role, _extra):
        event = self._events[event_id]
        if role == Qt.ItemDataRole.ForegroundRole and event_id in self._voided:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.DisplayRole:
            files = self.files(event_id)
            taken_back = " — taken back (void)" if event_id in self._voided else ""
            return (
                event.occurred_on.isoformat(),
                DIRECTIONS.get(event.direction, ""),
                event_text(event) + taken_back,
                channel_name(event.channel),
                "" if not files else "1 file" if len(files) == 1 else f"{len(files)} files",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return DIRECTION_TIPS.get(event.direction)
            if column == 2:
                return self.cell(event_id, 2, Qt.ItemDataRole.DisplayRole, None)
            if column == 4 and self.files(event_id):
                names = "\n".join(f"{f.filename} ({_size(f.size)})" for f in self.files(event_id))
                return f"{names}\n\nPress Enter or double-click to open."
        return None


def event_text(event: Event) -> str:
    """An event as the timeline says it: its type's label, then its facts."""
    facts = details(event)
    return EVENT_TYPES[event.type].label + (f": {facts}" if facts else "")


def details(event: Event) -> str:
    """The facts of an event other than its date, type and channel, in one line."""
    return "; ".join(event_details(event, channel=False))


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return ""


class FeesModel(KeyedTableModel):
    """A request's fee ledger, oldest first."""

    HEADERS = ("Date", "Line", "Amount", "From")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[FeeLine] = []

    def set_lines(self, lines: list[FeeLine]) -> None:
        self._lines = list(lines)
        self.set_keys(list(range(len(lines))))
        self.refresh_cells()

    def cell(self, key: int, column: int, role, _extra):
        line = self._lines[key]
        if role == Qt.ItemDataRole.DisplayRole:
            amount = "" if line.amount_cents is None else look.dollars(line.amount_cents) or "$0.00"
            return (look.day(line.on), line.label, amount, line.source)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
