"""One request in full: its deadlines with their arithmetic, its events and its notes.

Read on the GUI thread from the read connection (one request costs about a millisecond,
using the per-request clock engine, which keeps the traces); writes go to the worker.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.details import request_details
from ..core.log import LogError, add_note, void_event
from ..core.tracker import RequestView, typical_completion, view_request
from .detail_models import ClocksModel, EventsModel
from .session import Session
from .widgets import DATE, Table


class RequestDetail(QWidget):
    log_event_requested = Signal(int)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.view: RequestView | None = None
        self._confirm: QMessageBox | None = None

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.clocks = ClocksModel(self)
        self.clock_table = Table()
        self.clock_table.setModel(self.clocks)
        self.clock_table.setAccessibleName("Deadlines")
        self.clock_table.set_widths({1: "2026-12-31 *", 2: "1,750 days overdue"}, stretch=0)
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setAccessibleName("How the deadline was worked out")
        self.trace.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.trace.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.clock_table.selectionModel().currentRowChanged.connect(self._show_trace)
        self.typical = QLabel()
        self.typical.setWordWrap(True)

        self.events = EventsModel(self)
        self.event_table = Table()
        self.event_table.setModel(self.events)
        self.event_table.setAccessibleName("Events")
        self.event_table.set_widths({0: DATE, 1: 22}, stretch=2)
        self.log_button = QPushButton("&Log event…")
        self.log_button.setToolTip("Log an event on this request (Ctrl+L)")
        self.log_button.clicked.connect(self._ask_to_log)
        self.void_button = QPushButton("Ta&ke back event…")
        self.void_button.setToolTip("Mark the selected event as logged by mistake (it is kept, marked void)")
        self.void_button.clicked.connect(self.take_back_selected)

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Write a note (calls, promises, reminders)…")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.add_note_button = QPushButton("Add &note")
        self.add_note_button.clicked.connect(self.add_note)
        self.notes = QTextBrowser()
        self.notes.setOpenLinks(False)

        deadlines = QGroupBox("Deadlines")
        box = QVBoxLayout(deadlines)
        box.addWidget(self.clock_table, 2)
        box.addWidget(self.trace, 3)
        box.addWidget(self.typical)
        events = QWidget()
        box = QVBoxLayout(events)
        box.addWidget(self.event_table)
        row = QHBoxLayout()
        row.addWidget(self.log_button)
        row.addWidget(self.void_button)
        row.addStretch(1)
        box.addLayout(row)
        notes = QWidget()
        box = QVBoxLayout(notes)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        box.addWidget(self.notes, 1)
        self.record = QTabWidget()
        self.record.addTab(events, "Events")
        self.record.addTab(notes, "Notes")

        self.parts = QSplitter(Qt.Orientation.Vertical)
        self.parts.setChildrenCollapsible(False)
        self.parts.addWidget(deadlines)
        self.parts.addWidget(self.record)
        self.parts.setStretchFactor(0, 3)
        self.parts.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.parts, 1)

        session.rows_changed.connect(self._rows_changed)
        session.loaded.connect(self.reload)
        session.display_changed.connect(self.reload)
        self.show_request(None)

    # -- showing --------------------------------------------------------------------------

    def show_request(self, request_id: int | None) -> None:
        self.request_id = request_id
        self.reload()

    def reload(self) -> None:
        db = self.session.db
        self.view = None
        if self.request_id is not None and db is not None:
            try:
                self.view = view_request(db, self.request_id, cal=self.session.calendar())
            except LogError:  # gone from the log (another file was opened)
                self.request_id = None
        has = self.view is not None
        for widget in (self.parts, self.log_button, self.void_button):
            widget.setEnabled(has)
        if not has:
            self.title.setText("No request selected")
            self.meta.setText("Pick a request in the list, or press Ctrl+N to add one.")
            self.clocks.set_clocks([], today=self.session.today(), soon_days=5)
            self.events.set_events([], {})
            self.trace.clear()
            self.notes.clear()
            self.typical.clear()
            return
        view = self.view
        extra = request_details(db, view.id)
        self.title.setText(f"#{view.id} {view.title}")
        facts = [f"<b>{view.status}</b>", f"{view.component_name} ({view.component})"]
        if view.case:
            facts.append(f"case: {view.case}")
        if extra.requester:
            facts.append(f"requester: {extra.requester}")
        if view.tracking_numbers:
            facts.append(f"tracking: {', '.join(view.tracking_numbers)}")
        if extra.tags:
            facts.append(f"tags: {', '.join(extra.tags)}")
        self.meta.setText(" · ".join(_escape_all(facts)))
        self.meta.setToolTip(extra.description)
        selected = self._selected_clock()
        self.clocks.set_clocks(
            list(view.clocks), today=self.session.today(), soon_days=self.session.soon_days()
        )
        self.events.set_events(list(view.events), extra.files)
        self.typical.setText(typical_completion(view) or "")
        self.record.setTabText(1, f"Notes ({len(extra.notes)})" if extra.notes else "Notes")
        self.record.setTabText(0, f"Events ({len(view.events)})")
        self.notes.setPlainText(
            "\n\n".join(f"{n.created_at[:10]}  {n.body}" for n in extra.notes) or "No notes yet."
        )
        row = self.clocks.row_of(selected) if selected else None
        self._select_clock(row if row is not None else self._next_clock_row())

    def _rows_changed(self, ids: frozenset[int]) -> None:
        if self.request_id in ids:
            self.reload()

    def _next_clock_row(self) -> int:
        nxt = self.view.next if self.view else None
        row = self.clocks.row_of(nxt.key) if nxt else None
        return row if row is not None else 0

    def _selected_clock(self) -> str | None:
        index = self.clock_table.currentIndex()
        return self.clocks.key(index.row()) if index.isValid() else None

    def _select_clock(self, row: int) -> None:
        if self.clocks.rowCount():
            self.clock_table.setCurrentIndex(self.clocks.index(row, 0))
        self._show_trace(self.clock_table.currentIndex())

    def _show_trace(self, index) -> None:
        if not index.isValid():
            self.trace.setPlainText("This request has no deadlines yet: they start when it is filed.")
            return
        clock = self.clocks.clock(self.clocks.key(index.row()))
        state = clock.state(self.session.today())
        self.trace.setPlainText(f"[{state}] {clock.explain()}")

    # -- acting ---------------------------------------------------------------------------

    def _ask_to_log(self) -> None:
        if self.request_id is not None:
            self.log_event_requested.emit(self.request_id)

    def add_note(self) -> None:
        body = self.note.toPlainText().strip()
        if self.request_id is None or not body:
            return
        request_id = self.request_id
        self.session.tasks.write(
            "Adding a note",
            lambda db: add_note(db, request_id, body),
            on_done=lambda _changes: self.note.clear(),
        )

    def take_back_selected(self) -> None:
        """Ask, then mark the selected event void (it stays in the log, marked so)."""
        index = self.event_table.currentIndex()
        if not index.isValid():
            return
        event = self.events.event(self.events.key(index.row()))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Take back event",
            f"Take back “{event.summary or event.type}” of {event.occurred_on}?\n\n"
            "It stays in the file, marked void, and the deadlines stop counting it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = QMessageBox.StandardButton.Yes
        box.button(yes).setText("Take back")
        box.buttonClicked.connect(
            lambda button: self._void(event.id) if box.standardButton(button) == yes else None
        )
        self._confirm = box
        box.open()

    def _void(self, event_id: int) -> None:
        self.session.tasks.write("Taking back an event", lambda db: void_event(db, event_id))


def _escape_all(parts: list[str]) -> list[str]:
    """Escape user text for a rich-text label, keeping the one bold status."""
    return [parts[0]] + [escape(p) for p in parts[1:]]
