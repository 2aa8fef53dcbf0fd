"""The request list: one row per request of the log, filtered and sorted by the core.

Sorting and filtering happen on the list's arrays (``core.listing``) rather than in a
QSortFilterProxyModel, which would ask Python for every cell of 100,000 rows to sort them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from foiadesk.core.tracking.listing import CLOCK_LABELS, NONE, OWED_BY, Filter, cell, estimate_text, fees_text
from foiadesk.core.tracking.listing import COLUMNS as LIST_COLUMNS
from foiadesk.core.tracking.titles import list_office, short_title
from foiadesk.ui import look
from foiadesk.ui.models.table import KeyedTableModel, positions
from foiadesk.ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        ID_ROLE,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TITLE_BEFORE_SNIPPET = 28  # characters of a title shown before where a search matched
SNIPPET_BATCH = 100  # rows whose match is looked up at once, from the first one shown
SnippetsOf = Callable[[list[int]], dict[int, str]]


class RequestsModel(KeyedTableModel):
    COLUMNS = LIST_COLUMNS  # (heading, sort key), from the core: the list export writes the same
    HEADERS = tuple(heading for heading, _ in COLUMNS)
    SORT_KEYS = tuple(key for _, key in COLUMNS)
    (ID, COMPONENT, TITLE, STATUS, WHEN, NEXT, DUE, ESTIMATE, CASE, TRACKING, FILED, FEES,
     RECEIVED, OUTSTANDING, OPEN, TAGS) = range(len(COLUMNS))  # fmt: skip
    TEXT = {STATUS: "status", TRACKING: "tracking"}
    DATED = (WHEN, NEXT, DUE)  # the columns of the next deadline

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = Filter()
        self.snippets: dict[int, str] = {}  # where the search matched, by request ("": nothing to add)
        self._snippets_of: SnippetsOf | None = None
        self.sort_key = session.settings.get("requests/sort")
        self.descending = session.settings.get("requests/descending")
        session.rows_changed.connect(self.reload)  # once loaded, the view sets its filter
        session.lists_changed.connect(self.reload)
        session.display_changed.connect(self.reload)
        self.reload()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and section == self.ESTIMATE:
            return (
                "The date the agency estimates it will complete the request (5 U.S.C. "
                "552(a)(7)(B)(ii)): not a deadline. Marked once it has passed."
            )
        return super().headerData(section, orientation, role)

    def set_filter(self, flt: Filter, snippets_of: SnippetsOf | None = None) -> None:
        """``snippets_of(request_ids)``: where a search matched in each request, shown after
        its title; asked for the rows as they come into view, a batch at a time."""
        self.filter = flt
        self.snippets = {}
        self._snippets_of = snippets_of
        self.reload()

    def snippet(self, request_id: int) -> str:
        """Where the search matched in this request ("" if in its title, or no search).
        Looked up for a batch of rows at a time, from this one down, as they are shown."""
        if self._snippets_of is None:
            return ""
        if request_id not in self.snippets:
            row = positions(self._keys, {request_id}).get(request_id)
            keys = [request_id] if row is None else self._keys[row : row + SNIPPET_BATCH].tolist()
            batch = [key for key in keys if key not in self.snippets]
            found = self._snippets_of(batch)
            self.snippets.update({key: found.get(key, "") for key in batch})
        return self.snippets[request_id]

    def says_where_found(self) -> bool:
        """Whether the first rows shown say where the search matched (a match in the title
        adds nothing after it)."""
        if self._snippets_of is None or not self.rowCount():
            return False
        self.snippet(self.key(0))  # looks up the first batch of rows
        return any(self.snippets.values())

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        self.sort_key = self.SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.session.settings.set("requests/sort", self.sort_key)
        self.session.settings.set("requests/descending", self.descending)
        self.reload()

    def sort_column(self) -> int:
        return self.SORT_KEYS.index(self.sort_key) if self.sort_key in self.SORT_KEYS else self.NEXT

    def reload(self) -> None:
        self._today, self._soon = self.session.today(), self.session.soon_days()
        palette = QGuiApplication.palette()
        self._tints = {kind: look.tint(palette, kind) for kind in ("overdue", "soon")}
        self._bold = look.yours()
        index = self.session.index
        rows = index.select(
            self.filter,
            sort=self.sort_key if self.sort_key in self.SORT_KEYS else "due",
            descending=self.descending,
            today=self.session.today(),
            soon_days=self.session.soon_days(),
        )
        self.set_keys(index.columns["id"][rows])

    def cell(self, request_id: int, column: int, role, _extra):
        # Called for every visible cell and role at each repaint: return early for the
        # roles this model does not use, and reuse what reload() worked out.
        if role not in _ROLES:
            return None
        index = self.session.index
        row = index.row_of(request_id)
        if row is None:
            return None
        cols = index.columns
        if role == ID_ROLE:
            return request_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (self.ID, self.FEES, self.OUTSTANDING) else None
        if role == Qt.ItemDataRole.DisplayRole and column not in self.DATED:
            if column == self.ID:
                return str(request_id)
            if column in self.TEXT:
                return cols[self.TEXT[column]][row]
            if column == self.COMPONENT:  # as the user knows the office, never a directory key
                return list_office(cols["component"][row])
            if column == self.TITLE:
                short = short_title(cols["title"][row], index.case_name(row), cols["component"][row])
                found = self.snippet(request_id)
                # the title first: on a narrow list it is what tells the rows apart (every
                # letter may match the same words); shortened, so that where it matched can
                # be read after it (both whole in the tip)
                if not found:
                    return short
                if len(short) > TITLE_BEFORE_SNIPPET:
                    short = short[: TITLE_BEFORE_SNIPPET - 1].rstrip() + "…"
                return f"{short}  ·  {found}"
            if column == self.CASE:
                return index.case_name(row)
            if column == self.FILED:
                filed = int(cols["filed"][row])
                return "" if filed == NONE else date.fromordinal(filed).isoformat()
            if column == self.FEES:
                return fees_text(int(cols["fee_estimate"][row]), int(cols["fee_paid"][row]))
            if column == self.ESTIMATE:
                return estimate_text(index.estimate(row), self._today)
            value = cell(index, row, column, self._today)  # received, days outstanding, open deadlines, tags
            return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
        nxt = index.next_deadline(row)
        due = nxt[1] if nxt else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return look.when(due, self._today)
            if column == self.NEXT:
                return f"{CLOCK_LABELS[nxt[0]]} · {look.OWED_WORDS[OWED_BY[nxt[0]]]}" if nxt else ""
            return look.day(due)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                found = self.snippet(request_id)
                return cols["title"][row] + (f"\nFound in the {found}" if found else "")
            if column == self.STATUS:
                return cols["status"][row]
            if column == self.COMPONENT:
                return cols["component_name"][row]
            if column == self.ESTIMATE and (estimate := index.estimate(row)) is not None:
                if estimate < self._today:
                    return (
                        f"The agency estimated it would complete the request by {estimate}; that "
                        "date has passed. A status inquiry can ask for a new one."
                    )
                return f"The agency estimates it will complete the request by {estimate} (not a deadline)."
            if column == self.FEES and (cols["fee_estimate"][row] != NONE or cols["fee_paid"][row]):
                return "The agency's latest estimate and what you have paid (the Fees tab has the ledger)."
            if column in (self.NEXT, self.WHEN) and nxt:
                # Days left says what it counts down to: on a small screen the next
                # deadline's column is off to the right
                who = "the agency" if OWED_BY[nxt[0]] == "agency" else "you"
                return (
                    f"{index.next_label(row)}, due {look.day(due)}, owed by {who}. "
                    "Select the request to see the arithmetic."
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column != self.WHEN or due is None:
                return None
            return self._tints.get(look.urgency(due, self._today, self._soon))
        # FontRole: what the requester owes is in bold
        if nxt and OWED_BY[nxt[0]] == "requester" and column in self.DATED:
            return self._bold
        return None


__all__ = ["RequestsModel", "fees_text"]
