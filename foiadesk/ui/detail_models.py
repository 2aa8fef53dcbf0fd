"""The two tables of the request screen: its deadlines and its events."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ..core.clocks import Clock
from ..core.events import EVENT_TYPES, OUTCOME_LABELS, Event
from . import look
from .table_model import KeyedTableModel

STATE_WORDS = {
    "open": "open",
    "paused": "paused",
    "overdue": "overdue",
    "met": "met on",
    "missed": "missed; came",
    "no date": "no date",
    "reached": "reached",
    "pending": "not yet",
}


class ClocksModel(KeyedTableModel):
    """Every clock of one request, open or done, in the order the engine gives them."""

    HEADERS = ("Deadline", "Due", "Status")

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

    def cell(self, key: str, column: int, role, _extra):
        clock = self._clocks[key]
        state = clock.state(self.today)
        live = clock.is_open and clock.unit != "milestone"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                who = look.OWED_WORDS.get(clock.owed_by, clock.owed_by)
                return clock.label + ("" if clock.owed_by == "milestone" else f" · {who}")
            if column == 1:
                return look.day(clock.due) + (" *" if clock.alternative else "")
            if column == 2:
                if live and state != "paused":
                    return look.when(clock.due, self.today) or STATE_WORDS.get(state, state)
                done = f" {clock.done_on}" if clock.done_on else ""
                return STATE_WORDS.get(state, state) + done
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and clock.alternative:
                return (
                    f"A disputed closure falls inside this window; treated the other way, "
                    f"the date would be {clock.alternative}."
                )
            return clock.rule
        elif role == Qt.ItemDataRole.BackgroundRole and live:
            kind = look.urgency(clock.due, self.today, self.soon_days)
            return look.tint(QGuiApplication.palette(), kind)
        return None


class EventsModel(KeyedTableModel):
    """One request's events, oldest first, as the log holds them (voided ones left out)."""

    HEADERS = ("Date", "Event", "Details")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: dict[int, Event] = {}
        self._files: dict[int, tuple[str, ...]] = {}

    def set_events(self, events: list[Event], files: dict[int, tuple[str, ...]]) -> None:
        self._events = {e.id: e for e in events}
        self._files = files
        self.set_keys(list(self._events))
        self.refresh_cells()

    def event(self, event_id: int) -> Event:
        return self._events[event_id]

    def cell(self, event_id: int, column: int, role, _extra):
        event = self._events[event_id]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return event.occurred_on.isoformat()
            if column == 1:
                return EVENT_TYPES[event.type].label
            if column == 2:
                return details(event, self._files.get(event_id, ()))
        elif role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self.cell(event_id, column, Qt.ItemDataRole.DisplayRole, None)
        return None


def details(event: Event, files: tuple[str, ...] = ()) -> str:
    """The summary and facts of an event other than its date and type, in one line."""
    kind = EVENT_TYPES[event.type]
    parts = [event.summary] if event.summary and event.summary != kind.label else []
    if event.outcome:
        parts.append(OUTCOME_LABELS.get(event.outcome, event.outcome))
    if event.agency_received_on:
        parts.append(f"{kind.agency_receipt.lower() or 'received'} {event.agency_received_on}")
    if event.named_date:
        parts.append(f"{kind.named_date.lower()} {event.named_date}")
    if event.tracking_number:
        parts.append(f"tracking {event.tracking_number}")
    if event.amount_cents is not None:
        parts.append(look.dollars(event.amount_cents) or "$0.00")
    if event.channel:
        parts.append(f"by {event.channel.replace('_', ' ')}")
    if files:
        parts.append(f"files: {', '.join(files)}")
    return "; ".join(parts)
