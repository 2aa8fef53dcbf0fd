"""The request list: one row per request of the log, filtered and sorted by the core.

Sorting and filtering happen on the list's arrays (``core.listing``) rather than in a
QSortFilterProxyModel, which would ask Python for every cell of 100,000 rows to sort them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ..core.listing import CLOCK_LABELS, NONE, OWED_BY, Filter
from . import look
from .session import Session
from .table_model import KeyedTableModel

ID_ROLE = Qt.ItemDataRole.UserRole


class RequestsModel(KeyedTableModel):
    HEADERS = (
        "#",
        "Title",
        "When",
        "Next deadline",
        "Due",
        "Component",
        "Status",
        "Case",
        "Tracking no.",
        "Filed",
    )
    SORT_KEYS = ("id", "title", "due", "next", "due", "component", "status", "case", "tracking", "filed")
    TEXT = {1: "title", 5: "component", 6: "status", 8: "tracking"}

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = Filter()
        self.sort_key = session.settings.get("requests/sort")
        self.descending = session.settings.get("requests/descending")
        session.loaded.connect(self.reload)
        session.rows_changed.connect(self.reload)
        session.lists_changed.connect(self.reload)
        session.display_changed.connect(self.reload)
        self.reload()

    def set_filter(self, flt: Filter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        self.sort_key = self.SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.session.settings.set("requests/sort", self.sort_key)
        self.session.settings.set("requests/descending", self.descending)
        self.reload()

    def sort_column(self) -> int:
        return self.SORT_KEYS.index(self.sort_key) if self.sort_key in self.SORT_KEYS else 4

    def reload(self) -> None:
        index = self.session.index
        rows = index.select(
            self.filter,
            sort=self.sort_key if self.sort_key in self.SORT_KEYS else "due",
            descending=self.descending,
            today=self.session.today(),
            soon_days=self.session.soon_days(),
        )
        self.set_keys(index.columns["id"][rows].tolist())

    def cell(self, request_id: int, column: int, role, _extra):
        index = self.session.index
        row = index.row_of(request_id)
        if row is None:
            return None
        cols = index.columns
        today = self.session.today()
        nxt = index.next_deadline(row)
        due = nxt[1] if nxt else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(request_id)
            if column in self.TEXT:
                return cols[self.TEXT[column]][row]
            if column == 2:
                return look.when(due, today)
            if column == 3:
                return f"{CLOCK_LABELS[nxt[0]]} · {look.OWED_WORDS[OWED_BY[nxt[0]]]}" if nxt else ""
            if column == 4:
                return look.day(due)
            if column == 7:
                return index.case_name(row)
            if column == 9:
                filed = int(cols["filed"][row])
                return "" if filed == NONE else date.fromordinal(filed).isoformat()
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return cols["title"][row]
            if column == 5:
                return cols["component_name"][row]
            if column == 3 and nxt:
                who = "the agency" if OWED_BY[nxt[0]] == "agency" else "you"
                return (
                    f"{CLOCK_LABELS[nxt[0]]}, owed by {who}. Select the request to see how it was worked out."
                )
        elif role == Qt.ItemDataRole.BackgroundRole:
            return look.tint(QGuiApplication.palette(), look.urgency(due, today, self.session.soon_days()))
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.FontRole and nxt and OWED_BY[nxt[0]] == "requester":
            return look.yours() if column in (2, 3, 4) else None
        elif role == ID_ROLE:
            return request_id
        return None
