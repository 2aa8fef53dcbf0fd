"""The Requests view: search and filters over the list, and the selected request beside it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.store.log import search_snippets
from foiadesk.core.tracking.listing import (
    DEADLINE_LABELS,
    DEADLINE_STATES,
    NONE,
    STATUS_CHOICES,
    Filter,
    search_ids,
)
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui.look import counted
from foiadesk.ui.models.requests import ID_ROLE, RequestsModel, SnippetsOf
from foiadesk.ui.session import Session
from foiadesk.ui.views.request_detail import RequestDetail
from foiadesk.ui.widgets import DATE, ElidedChoice, Table

# A keystroke in the search box filters at once (a few tens of milliseconds on 100,000
# requests); on a larger log it waits for a pause in typing. One letter matches most of
# a log, so text search starts at two (a request number, "#12", at once).
SEARCH_DELAY_MS = 150
INSTANT_SEARCH_UP_TO = 150_000
SEARCH_FROM = 2
SHOWING_ALL = {"deadline": "all", "status": None, "case": None, "component": None, "search": ""}


class RequestsView(QWidget):
    log_event_requested = Signal(int)
    filter_changed = Signal()  # the list shows other requests: a message about it no longer holds

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setToolTip(
            "Titles, descriptions, letters, notes and tracking numbers; #12 finds request 12"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search requests")
        self.deadline_choice = ElidedChoice()
        self.deadline_choice.setAccessibleName("Deadline")
        self.status_choice = ElidedChoice()
        self.status_choice.setAccessibleName("Status")
        # a case is told apart by the start and the end of its name ("… (April 2025 MOU)")
        self.case_choice = ElidedChoice(Qt.TextElideMode.ElideMiddle)
        self.case_choice.setAccessibleName("Case")
        self.component_choice = ElidedChoice()
        self.component_choice.setAccessibleName("Component")
        self.choices = (self.deadline_choice, self.status_choice, self.case_choice, self.component_choice)
        self.count = QLabel()
        # One click back to the whole list, whoever narrowed it (a search, another view):
        # beside the count, which then says how many of all are shown
        self.show_all_button = QPushButton("Show all")
        self.show_all_button.setToolTip("Clear the search and the filters: every request of the log")
        self.show_all_button.hide()
        self._saved_filter = _load_filter(session.settings.get("requests/filter"))
        self._title_width: int | None = None  # the Title column's own width, while a search widens it

        self.model = RequestsModel(session, self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Requests")
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        m = RequestsModel
        widths = {
            m.ID: "99999",
            m.COMPONENT: "DHS Privacy",  # the longest short name of an office
            m.TITLE: 26,
            m.STATUS: "Waiting on requester",
            m.WHEN: "1,500 days overdue",  # in bold when it is yours
            m.NEXT: max(_next_labels(), key=self.fontMetrics().horizontalAdvance),
        }
        widths.update({m.DUE: DATE, m.ESTIMATE: "2027-12-31 (passed)", m.CASE: 24})
        widths.update({m.TRACKING: "2026-IRS-FOIA-000000", m.FILED: DATE})
        widths.update({m.RECEIVED: DATE, m.OUTSTANDING: 4, m.OPEN: "Response due 2026-12-31 (agency)"})
        self.table.set_widths({**widths, m.FEES: "$1,234.00 est. · $25.00 paid", m.TAGS: "litigation hold"})
        self.table.set_placeholder("Reading the log…")
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.detail = RequestDetail(session)
        self.detail.log_event_requested.connect(self.log_event_requested)

        # Two rows: on a 1366-pixel screen the list has some 660 pixels, where one row cut
        # a case's name to "IRS–ICE data-sha". Each filter is as wide as its choices (up to
        # ElidedChoice.CHOICE_CHARS), the search and the case take the rest, and a choice
        # that still does not fit is shortened with "…", whole in its tooltip and its list.
        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0)
        filters.addWidget(self.deadline_choice, 0, 1)
        filters.addWidget(self.status_choice, 0, 2)
        filters.addWidget(self.case_choice, 1, 0, 1, 2)
        filters.addWidget(self.component_choice, 1, 2)
        filters.setColumnStretch(0, 1)
        listing = QWidget()
        chars = self.fontMetrics().averageCharWidth()
        # Narrower than the filters and the request's tables like, so the window fits a
        # small screen; the filters then shorten their text and the tables scroll.
        listing.setMinimumWidth(chars * 50)
        self.detail.setMinimumWidth(chars * 44)
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(self.count)
        below.addWidget(self.show_all_button)
        below.addStretch(1)
        box.addLayout(below)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.detail)
        # Half each at first: the list shows office, title, status and days left, and the
        # request's deadlines keep their names whole beside their dates (and ⚑ dates).
        self.splitter.setSizes([1000, 1000])
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._detail_timer = QTimer(self, singleShot=True, interval=0)
        self._detail_timer.timeout.connect(self._show_current)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self._search_now)
        self.show_all_button.clicked.connect(lambda: self.set_filter())
        for choice in self.choices:
            choice.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.layoutChanged.connect(self._update_count)
        self._row_before = -1  # the current row while the rows are rebuilt
        self.model.layoutAboutToBeChanged.connect(
            lambda: setattr(self, "_row_before", self.table.currentIndex().row())
        )
        self.model.rowsInserted.connect(self._update_count)
        session.when_loaded(self._fill_choices)
        session.lists_changed.connect(self._fill_choices)
        session.rows_changed.connect(self._fill_statuses)
        session.display_changed.connect(self._fill_choices)
        session.when_loaded(self._loaded)
        session.loading.connect(lambda: self.table.set_placeholder("Reading the log…"))
        session.rows_changed.connect(self._rows_changed)
        self._fill_choices()

    # -- filters --------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        index = self.session.index
        soon = self.session.soon_days()
        labels = {**DEADLINE_LABELS, "due_soon": f"Due within {soon} day{'s' if soon != 1 else ''}"}
        _refill(self.deadline_choice, [(labels[key], key) for key in DEADLINE_STATES])
        self._fill_statuses()
        _refill(
            self.case_choice,
            [("All cases", None), *((name, cid) for cid, name in index.cases.items()), ("No case", NONE)],
        )
        _refill(
            self.component_choice,
            [("All components", None), *sorted((list_office(abbr), abbr) for abbr, _ in index.components())],
        )

    def _fill_statuses(self, *_args) -> None:
        statuses = self.session.index.statuses()
        current = self.status_choice.currentData()
        if current and current not in STATUS_CHOICES and current not in statuses:
            statuses.append(current)  # keep the user's choice while no request has it
        _refill(
            self.status_choice,
            [("Any status", None), *((label, key) for key, label in STATUS_CHOICES.items())]
            + [(status, status) for status in statuses],
        )

    def current_filter(self) -> Filter:
        text = self.search.text().strip()
        ids = None
        searching = len(text) >= SEARCH_FROM or text.startswith("#")
        if searching and self.session.db is not None:
            ids = search_ids(self.session.db, self.session.index, text)
        return Filter(
            deadline=self.deadline_choice.currentData() or "all",
            status=self.status_choice.currentData(),
            case_id=self.case_choice.currentData(),
            component=self.component_choice.currentData(),
            ids=ids,
        )

    def _typed(self) -> None:
        if len(self.session.index) <= INSTANT_SEARCH_UP_TO:
            self.apply_filter()
        else:
            self._search_timer.start()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(*self._filter_and_snippets())
        self._fit_title(self.model.says_where_found())
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)
        self._detail_timer.start()  # beside the list, its current request (none if it is empty)
        self.show_all_button.setVisible(self.filter_state() != SHOWING_ALL)
        if self.session.db is not None:
            self.session.settings.set("requests/filter", json.dumps(self.filter_state()))
        self.filter_changed.emit()

    def _fit_title(self, found: bool) -> None:
        """While a search says where requests matched, the Title column takes the room the
        list shows (the columns after it move right), so what follows each title can be
        read; it gets its width back once the search is cleared."""
        table, title = self.table, RequestsModel.TITLE
        if found:
            if self._title_width is None:
                self._title_width = table.columnWidth(title)
            room = table.viewport().width() - table.horizontalHeader().sectionPosition(title)
            table.setColumnWidth(title, max(self._title_width, room))
        elif self._title_width is not None:
            table.setColumnWidth(title, self._title_width)
            self._title_width = None

    def keep_layout(self) -> None:
        """Before the layout is remembered: the Title column's own width, not a search's."""
        self._fit_title(False)

    def _filter_and_snippets(self) -> tuple[Filter, SnippetsOf | None]:
        """The filter on screen, and for a search how to say where it matched in a request."""
        flt = self.current_filter()
        text, db = self.search.text().strip(), self.session.db
        if not flt.ids or db is None or text.startswith("#"):
            return flt, None
        return flt, lambda request_ids: search_snippets(db, request_ids, text)

    def filter_state(self) -> dict:
        """The filter as it is kept between runs: cases by name (ids belong to one log)."""
        case = self.case_choice.currentData()
        return {
            "deadline": self.deadline_choice.currentData(),
            "status": self.status_choice.currentData(),
            "case": None if case is None else self.case_choice.currentText() if case != NONE else NONE,
            "component": self.component_choice.currentData(),
            "search": self.search.text(),
        }

    def _restore_filter(self) -> None:
        """Put back the filter of the last run, as far as this log has its values."""
        saved, self._saved_filter = self._saved_filter, None
        if not saved:
            return
        case = saved.get("case")
        case_id = (
            NONE
            if case == NONE
            else next((cid for cid, name in self.session.index.cases.items() if name == case), None)
        )
        self.set_filter(
            deadline=saved.get("deadline") or "all",
            status=saved.get("status"),
            case_id=case_id,
            component=saved.get("component"),
            text=saved.get("search") or "",
        )

    def _search_now(self) -> None:
        self.apply_filter()
        self.table.setFocus()

    def set_filter(
        self, *, deadline: str = "all", status=None, case_id=None, component=None, text: str = ""
    ) -> None:
        """Set every filter at once (used when another view sends the user here)."""
        for choice, value in (
            (self.deadline_choice, deadline),
            (self.status_choice, status),
            (self.case_choice, case_id),
            (self.component_choice, component),
        ):
            choice.blockSignals(True)
            choice.setCurrentIndex(max(0, choice.findData(value)))
            choice.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _rows_changed(self, _ids) -> None:
        row = self._row_before  # before the model read the changed rows
        if self.search.text().strip():  # a changed request may now match, or no longer
            self.model.set_filter(*self._filter_and_snippets())
            self._fit_title(self.model.says_where_found())
        row = min(row, self.model.rowCount() - 1)
        if not self.table.currentIndex().isValid() and row >= 0:
            self.table.selectRow(row)  # the request left the filtered list: the next one

    def _loaded(self) -> None:
        self.table.set_placeholder(
            "No requests match. Clear the search or filters, or press Ctrl+N to add one."
        )
        if self._saved_filter:
            self._restore_filter()
        else:
            self.apply_filter()
        self._update_count()

    def _column_menu(self, pos) -> None:
        """Right-click on the headings: show or hide columns (kept with the column widths)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, title in enumerate(self.model.HEADERS):
            if column in (RequestsModel.ID, RequestsModel.COMPONENT, RequestsModel.TITLE):
                continue
            action = QAction(title, menu, checkable=True, checked=not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))
        self._menu = menu

    def _update_count(self, *args) -> None:
        total = len(self.session.index)
        shown = self.model.total()
        text = counted(total, "request") if shown == total else f"{shown:,} of {counted(total, 'request')}"
        typed = self.search.text().strip()
        if typed and len(typed) < SEARCH_FROM and not typed.startswith("#"):
            text += " · type two or more letters to search"
        self.count.setText(text)

    # -- the current request ----------------------------------------------------------------

    def current_request_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        """Show the request beside the list once the list has been drawn (and only the
        last one when the selection moves quickly, e.g. a held arrow key)."""
        self._detail_timer.start()

    def _show_current(self) -> None:
        request_id = self.current_request_id()
        if request_id != self.detail.request_id:
            self.detail.show_request(request_id)

    def show_request(self, request_id: int) -> None:
        """Select a request, clearing the filters if they hide it."""
        if self.model.row_of(request_id) is None:
            self.set_filter()
        row = self.model.row_of(request_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, Table.ScrollHint.PositionAtCenter)
        self.detail.show_request(request_id)


def _next_labels() -> list[str]:
    """Every text the next-deadline column can show: its width fits the longest (the
    agency's estimate has a column of its own)."""
    from foiadesk.core.tracking.listing import CLOCK_LABELS, OWED_BY
    from foiadesk.ui.look import OWED_WORDS

    return [f"{label} · {OWED_WORDS[OWED_BY[clock]]}" for clock, label in CLOCK_LABELS.items()]


def _load_filter(text: str) -> dict | None:
    try:
        saved = json.loads(text) if text else None
    except ValueError:
        return None
    return saved if isinstance(saved, dict) else None


def _refill(choice: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a combo box's items, keeping the current choice when it is still there."""
    current = choice.currentData()
    choice.blockSignals(True)
    choice.clear()
    for label, value in items:
        choice.addItem(label, value)
    choice.setCurrentIndex(max(0, choice.findData(current)))
    choice.blockSignals(False)
