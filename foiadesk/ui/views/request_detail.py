"""One request in full: its deadlines with their arithmetic (and any disputed closure
day that would move them), its timeline of events in and out with their files, its fees,
and its notes and tags.

Read on the GUI thread from the read connection (one request costs about a millisecond,
using the per-request clock engine, which keeps the traces); writes go to the worker.
"""

from __future__ import annotations

import shutil
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.errors import UserError
from foiadesk.core.store.log import LogError, events_for, void_event
from foiadesk.core.tracking.details import FileRef, copy_attachment, request_details
from foiadesk.core.tracking.titles import list_office, short_title
from foiadesk.core.tracking.tracker import RequestView, typical_completion, view_request
from foiadesk.ui.look import tag_legend
from foiadesk.ui.models.detail import DISPUTED, ClocksModel, EventsModel, event_text
from foiadesk.ui.session import Session
from foiadesk.ui.views.detail_panels import FeesPanel, NotesPanel
from foiadesk.ui.widgets import DATE, Table


class RequestDetail(QWidget):
    log_event_requested = Signal(int)
    failed = Signal(object)  # a UserError to show (e.g. a file that cannot be opened)
    said = Signal(str)  # a message for the window's message bar (a letter drafted)
    noted = Signal(str)  # one that stays until dismissed (what to do with a package written)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.view: RequestView | None = None
        self._confirm: QMessageBox | None = None
        self._menu: QMenu | None = None
        self._open_folder: Path | None = None  # copies of opened attachments

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
        self.clock_table.setWordWrap(True)  # a long status takes two lines (see _fit_clock_table)
        self.clock_table.horizontalHeader().sectionResized.connect(
            lambda column, *_: column == ClocksModel.STATUS and self._fit_clock_table()
        )
        self.clock_table.set_widths(
            {1: f"{DATE} {DISPUTED}", 2: "1,750 days overdue", 3: "2026-12-31"}, stretch=0
        )
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setAccessibleName("How the deadline was worked out")
        self.trace.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.trace.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.clock_table.selectionModel().currentRowChanged.connect(self._show_trace)
        self.typical = ""  # FOIA.gov's medians for the component, shown under the response trace

        self.events = EventsModel(self)
        self.event_table = Table()
        self.event_table.setModel(self.events)
        self.event_table.setAccessibleName("Timeline")
        self.event_table.set_widths({0: DATE, 1: "←", 3: "in person", 4: "2 files"}, stretch=2)
        self.event_table.activated.connect(lambda _index: self.open_attachment())
        self.event_table.selectionModel().currentRowChanged.connect(self._event_chosen)
        self.event_table.selectionModel().selectionChanged.connect(self._event_chosen)
        self.log_button = QPushButton("Log &event…")
        self.log_button.setToolTip("Log an event on this request (Ctrl+L)")
        self.log_button.clicked.connect(self._ask_to_log)
        self.open_button = QPushButton("&Open attachment")
        self.open_button.setToolTip("Open the selected event's file in its usual program (Enter)")
        self.open_button.clicked.connect(self.open_attachment)
        self.void_button = QPushButton("Ta&ke back event…")
        self.void_button.setToolTip("Mark the selected event as logged by mistake (it is kept, marked void)")
        self.void_button.clicked.connect(self.take_back_selected)
        self.show_voided = QCheckBox("Sho&w taken back")
        self.show_voided.setToolTip(
            "List the events taken back too, greyed: they stay in the record, marked void"
        )
        self.show_voided.toggled.connect(lambda _checked: self.reload())

        self.fees = FeesPanel(session)
        self.notes = NotesPanel(session)

        deadlines = QGroupBox("Deadlines")
        box = QVBoxLayout(deadlines)
        box.addWidget(self.clock_table)
        box.addWidget(self.trace, 1)
        timeline = QWidget()
        box = QVBoxLayout(timeline)
        box.addWidget(self.event_table)
        row = QHBoxLayout()
        for button in (self.log_button, self.open_button, self.void_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.show_voided)
        box.addLayout(row)
        self.record = QTabWidget()
        self.record.addTab(timeline, "Timeline")
        self.record.addTab(self.fees, "Fees")
        self.record.addTab(self.notes, "Notes and tags")

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
        session.when_loaded(self.reload)
        session.display_changed.connect(self.reload)
        self.show_request(None)
        from foiadesk.ui.views.filing_actions import FilingActions

        self.filing_actions = FilingActions(self)  # File…, Portal fields…, Next step…

    # -- showing --------------------------------------------------------------------------

    def show_request(self, request_id: int | None) -> None:
        self.request_id = request_id
        self.reload()

    def reload(self) -> None:
        db = self.session.db
        before, self.view = self.view, None
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
            self.title.setToolTip("")
            self.meta.setText("Pick a request in the list, or press Ctrl+N to add one.")
            self.clocks.set_clocks([], today=self.session.today(), soon_days=5)
            self.events.set_events([], {})
            self.fees.show_request(None)
            self.notes.show_request(None, (), ())
            self.trace.clear()
            self.typical = ""
            self._show_disputed([])
            self._event_chosen()
            for tab, text in enumerate(("Timeline", "Fees", "Notes and tags")):  # no counts left behind
                self.record.setTabText(tab, text)
            return
        view = self.view
        extra = request_details(db, view.id)
        shown = short_title(view.title, view.case or "", view.component)  # as the list shows it
        self.title.setText(f"#{view.id} {shown}")
        self.title.setToolTip(view.title if shown != view.title else "")
        office = list_office(view.component)  # as people know it: never a directory key
        named = view.component_name if office in view.component_name else f"{view.component_name} ({office})"
        facts = [f"<b>{escape(view.status)}</b>", named]
        if view.case:
            facts.append(f"case: {view.case}")
        if extra.requester:
            facts.append(f"requester: {extra.requester}")
        if view.tracking_numbers:
            facts.append(f"tracking: {', '.join(view.tracking_numbers)}")
        if extra.tags:
            facts.append(f"tags: {', '.join(extra.tags)}")
        self.meta.setText(" · ".join([facts[0], *(escape(p) for p in facts[1:])]))
        self.meta.setToolTip(extra.description)
        selected = self._selected_clock()
        self.clocks.set_clocks(
            list(view.clocks), today=self.session.today(), soon_days=self.session.soon_days()
        )
        self._show_disputed(self.clocks.disputed())
        self._fit_clock_table()
        shown_events, voided = list(view.events), frozenset()
        if self.show_voided.isChecked():
            shown_events = events_for(db, view.id, include_voided=True)
            voided = frozenset(e.id for e in shown_events) - {e.id for e in view.events}
        self.events.set_events(shown_events, extra.files, voided)
        self.fees.show_request(view.id)
        self.notes.show_request(view.id, extra.notes, extra.tags)
        self.typical = typical_completion(view, self.session.calendar()) or ""
        self.record.setTabText(0, f"Timeline ({len(view.events)})")
        lines = len(self.fees.ledger.lines) if self.fees.ledger else 0
        self.record.setTabText(1, f"Fees ({lines})" if lines else "Fees")
        notes = f" ({len(extra.notes)})" if extra.notes else ""
        self.record.setTabText(2, f"Notes{notes} and tags")
        row = self.clocks.row_of(selected) if selected and not _closed_since(before, view, selected) else None
        self._select_clock(row if row is not None else self._next_clock_row())
        self._event_chosen()

    def _fit_clock_table(self) -> None:
        """As tall as its rows (three to eight), so the trace below gets the rest; a status
        too long for its column ("answered late 2026-05-12") wraps onto a second line."""
        table, clocks = self.clock_table, self.clocks
        line = table.verticalHeader().defaultSectionSize()
        room = table.columnWidth(ClocksModel.STATUS) - 12
        metrics = table.fontMetrics()
        for row in range(clocks.rowCount()):
            text = clocks.index(row, ClocksModel.STATUS).data() or ""
            wraps = metrics.horizontalAdvance(text) > room
            table.setRowHeight(row, line + metrics.lineSpacing() if wraps else line)
        heights = [table.rowHeight(row) for row in range(clocks.rowCount())]
        heights += [line] * (3 - len(heights))  # room for three rows at least
        frame = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
        table.setMaximumHeight(frame + sum(heights[:8]))
        table.setMinimumHeight(frame + sum(heights[:3]))

    def _show_disputed(self, clocks: list[Clock]) -> None:
        """The Other date column appears when a disputed closure day moves a deadline."""
        table = self.clock_table
        table.setColumnHidden(ClocksModel.OTHER, not clocks)
        if clocks:
            policy = "counted" if clocks[0].closures_skipped else "skipped"
            self.clocks.set_other_heading(f"{DISPUTED} If {policy}")

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
        typical = f"\n\n{self.typical}" if clock.key == "response" and self.typical else ""
        explained = clock.explain(self.session.today())
        legend = tag_legend(explained)
        self.trace.setPlainText(f"{explained}{typical}" + (f"\n\n{legend}" if legend else ""))

    # -- the timeline -------------------------------------------------------------------------

    def selected_event(self) -> int | None:
        """The event the user can see selected (a current row that is not highlighted is
        not a choice: "Take back" must never act on an event the user did not pick)."""
        index = self.event_table.currentIndex()
        chosen = index.isValid() and self.event_table.selectionModel().isRowSelected(index.row())
        return self.events.key(index.row()) if chosen else None

    def select_latest_draft(self) -> bool:
        """Select the letter drafted last on the timeline, the keyboard on it; whether there is one."""
        drafted = [e.id for e in self.view.events if e.type == "drafted"] if self.view else []
        row = self.events.row_of(max(drafted)) if drafted else None
        if row is None:
            return False
        self.record.setCurrentIndex(0)  # the Timeline tab
        table, index = self.event_table, self.events.index(row, 0)
        table.setCurrentIndex(index)
        table.doItemsLayout()  # the row was just added: its scroll range is laid out later
        table.scrollTo(index)
        table.setFocus()
        return True

    def _event_chosen(self, *_args) -> None:
        event_id = self.selected_event()
        files = self.events.files(event_id) if event_id is not None else ()
        self.open_button.setEnabled(bool(files))
        self.open_button.setText("&Open attachment…" if len(files) > 1 else "&Open attachment")
        self.void_button.setEnabled(event_id is not None and not self.events.is_voided(event_id))

    def open_attachment(self) -> None:
        """Open the selected event's file with the system's viewer; several: pick one."""
        event_id = self.selected_event()
        files = self.events.files(event_id) if event_id is not None else ()
        if len(files) == 1:
            self.open_file(files[0])
        elif files:
            menu = QMenu(self)
            for ref in files:
                menu.addAction(ref.filename, lambda r=ref: self.open_file(r))
            self._menu = menu
            menu.popup(self.open_button.mapToGlobal(self.open_button.rect().bottomLeft()))

    def open_file(self, ref: FileRef) -> None:
        """Write a copy out of the log to a private temporary folder and open that."""
        if self.session.db is None:
            return
        if self._open_folder is None:
            self._open_folder = Path(tempfile.mkdtemp(prefix="foiadesk-open-"))
        try:
            path = copy_attachment(self.session.db, ref.id, self._open_folder)
        except UserError as exc:
            self.failed.emit(exc)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.failed.emit(
                UserError(f"No program on this computer opens {ref.filename}; a copy is at {path}.")
            )

    def clean_up(self) -> None:
        """Remove the copies of opened files (when the log closes)."""
        if self._open_folder is not None:
            shutil.rmtree(self._open_folder, ignore_errors=True)
            self._open_folder = None

    # -- acting ---------------------------------------------------------------------------

    def _ask_to_log(self) -> None:
        if self.request_id is not None:
            self.log_event_requested.emit(self.request_id)

    def take_back_selected(self) -> None:
        """Ask, then mark the selected event void (it stays in the log, marked so)."""
        event_id = self.selected_event()
        if event_id is None or self.events.is_voided(event_id):
            return
        event = self.events.event(event_id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Take back event",
            f"Take back “{event_text(event)}” of {event.occurred_on}?\n\n"
            "It stays in the record, marked void, and the deadlines stop counting it. "
            "“Show taken back” under the timeline lists it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = QMessageBox.StandardButton.Yes
        box.button(yes).setText("Take back")
        box.buttonClicked.connect(
            lambda button: self._void(event) if box.standardButton(button) == yes else None
        )
        self._confirm = box
        box.open()

    def _void(self, event) -> None:
        request_id = self.request_id
        said = (
            f"Took back “{event_text(event)}” of {event.occurred_on} on #{request_id}. It stays in the "
            "record, marked void: tick “Show taken back” under the timeline to see it."
        )
        self.session.tasks.write(
            "Taking back an event",
            lambda db: void_event(db, event.id),
            on_done=lambda _c: self.said.emit(said),
        )


def _closed_since(before: RequestView | None, now: RequestView, key: str) -> bool:
    """Whether the deadline ``key`` of the request shown was open and is now closed (the
    answer to it was just logged): the screen then moves on to what is due next, and its
    Next step… to the letter that calls for, rather than stay on a deadline that is done."""
    if before is None or before.id != now.id:
        return False
    old = next((c for c in before.clocks if c.key == key), None)
    new = next((c for c in now.clocks if c.key == key), None)
    return old is not None and new is not None and old.done_on is None and new.done_on is not None
