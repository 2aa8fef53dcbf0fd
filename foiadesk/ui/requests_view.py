"""The Requests view: search and filters over the list, and the selected request beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.listing import NONE, SHOW, SHOW_LABELS, Filter, search_ids
from .request_detail import RequestDetail
from .requests_model import ID_ROLE, RequestsModel
from .session import Session
from .widgets import DATE, Table

SEARCH_DELAY_MS = 250


class RequestsView(QWidget):
    log_event_requested = Signal(int)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, letters, notes and tracking numbers (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search requests")
        self.show_choice = QComboBox()
        for key in SHOW:
            self.show_choice.addItem(SHOW_LABELS[key], key)
        self.show_choice.setAccessibleName("Show")
        self.case_choice = QComboBox()
        self.case_choice.setAccessibleName("Case")
        self.component_choice = QComboBox()
        self.component_choice.setAccessibleName("Component")
        self.count = QLabel()

        self.model = RequestsModel(session, self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Requests")
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        widths = {0: "99999", 1: 34, 2: "1,750 days overdue", 3: 20, 4: DATE, 5: "TREAS-DO", 6: 14}
        self.table.set_widths({**widths, 7: 24, 8: 16, 9: DATE})
        self.table.set_placeholder("Reading the log…")
        self.detail = RequestDetail(session)
        self.detail.log_event_requested.connect(self.log_event_requested)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.show_choice, 1)
        filters.addWidget(self.case_choice, 1)
        filters.addWidget(self.component_choice, 1)
        listing = QWidget()
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([1000, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        for choice in (self.show_choice, self.case_choice, self.component_choice):
            choice.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.layoutChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        session.loaded.connect(self._fill_choices)
        session.lists_changed.connect(self._fill_choices)
        session.loaded.connect(self._loaded)
        session.loading.connect(lambda: self.table.set_placeholder("Reading the log…"))
        session.rows_changed.connect(self._rows_changed)
        self._fill_choices()

    # -- filters --------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        index = self.session.index
        _refill(
            self.case_choice,
            [("All cases", None), *((name, cid) for cid, name in index.cases.items()), ("No case", NONE)],
        )
        _refill(
            self.component_choice,
            [("All components", None), *((abbr, abbr) for abbr, _ in index.components())],
        )

    def current_filter(self) -> Filter:
        text = self.search.text().strip()
        ids = None
        if text and self.session.db is not None:
            ids = search_ids(self.session.db, self.session.index, text)
        return Filter(
            show=self.show_choice.currentData(),
            case_id=self.case_choice.currentData(),
            component=self.component_choice.currentData(),
            ids=ids,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def _search_now(self) -> None:
        self.apply_filter()
        self.table.setFocus()

    def set_filter(self, *, show: str = "all", case_id=None, component=None, text: str = "") -> None:
        """Set every filter at once (used when another view sends the user here)."""
        for choice, value in (
            (self.show_choice, show),
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
        if self.search.text().strip():  # a changed request may now match, or no longer
            self.model.set_filter(self.current_filter())

    def _loaded(self) -> None:
        self.table.set_placeholder(
            "No requests match. Clear the search or filters, or press Ctrl+N to add one."
        )
        self.apply_filter()
        self._update_count()

    def _update_count(self, *args) -> None:
        total = len(self.session.index)
        shown = self.model.total()
        self.count.setText(f"{total:,} requests" if shown == total else f"{shown:,} of {total:,} requests")

    # -- the current request ----------------------------------------------------------------

    def current_request_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        self.detail.show_request(current.data(ID_ROLE) if current.isValid() else None)

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


def _refill(choice: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a combo box's items, keeping the current choice when it is still there."""
    current = choice.currentData()
    choice.blockSignals(True)
    choice.clear()
    for label, value in items:
        choice.addItem(label, value)
    choice.setCurrentIndex(max(0, choice.findData(current)))
    choice.blockSignals(False)
