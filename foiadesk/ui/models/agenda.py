"""The agenda as a tree: when (overdue, this week, next week, later) › who owes it (you,
the agencies) › one row per open deadline."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from foiadesk.core.tracking.agenda import (
    OWER_LABELS,
    OWERS,
    WHEN,
    WHEN_LABELS,
    Agenda,
    group_deadlines,
    open_deadlines,
)
from foiadesk.core.tracking.listing import CLOCKS
from foiadesk.core.tracking.titles import list_office, short_title
from foiadesk.ui import look
from foiadesk.ui.models.requests import ID_ROLE
from foiadesk.ui.session import Session

# How far back the overdue group reaches: a deadline missed long ago (an appeal window
# that closed in 2022) is history, not something to do this week.
OVERDUE_SPANS = {
    30: "Overdue in the last 30 days",
    90: "Overdue in the last 90 days",
    365: "Overdue in the last year",
    0: "Everything overdue",
}
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "when", "owed_by" or "deadline"
_GROUPS = len(WHEN) * len(OWERS)


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every row's, made once
# What a deadline row answers: the view asks each cell for seven roles at every repaint,
# and the others are turned away before the row is looked up.
_ROW_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        ID_ROLE,
        KIND_ROLE,
    }
)


class AgendaModel(QAbstractItemModel):
    HEADERS = ("Due", "When", "Deadline", "#", "Component", "Title", "Status")

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.overdue_days = 30
        self.found = Agenda(*(np.empty(0, np.int64),) * 3)
        self.groups = group_deadlines(self.found, session.today())
        self.hidden = 0  # overdue deadlines older than the span
        self._texts: dict[tuple[int, int, int], tuple[str, ...]] = {}  # a shown row's texts, made once
        session.loaded.connect(self.reload)
        session.rows_changed.connect(self.reload)
        session.lists_changed.connect(self.reload)  # a case renamed: the titles it shortens
        session.display_changed.connect(self.reload)
        self.reload()

    def set_overdue_days(self, days: int) -> None:
        self.overdue_days = days
        self.reload()

    def reload(self, *_args) -> None:
        today = self.session.today()
        found = open_deadlines(self.session.index)
        since = (today - timedelta(days=self.overdue_days)).toordinal() if self.overdue_days else None
        if since is not None:
            keep = found.due >= since
            self.hidden = int((~keep).sum())
            found = found.where(keep)
        else:
            self.hidden = 0
        self.beginResetModel()
        self.found = found
        self.groups = group_deadlines(found, today)
        self._texts.clear()
        self.endResetModel()

    # -- counts and lookups -------------------------------------------------------------

    def count(self, when: str, owed_by: str | None = None) -> int:
        return sum(len(g) for g in self.groups if g.when == when and owed_by in (None, g.owed_by))

    def group_index(self, when: str, owed_by: str) -> QModelIndex:
        bucket = WHEN.index(when)
        return self.index(OWERS.index(owed_by), 0, self.index(bucket, 0))

    def request_id(self, index: QModelIndex) -> int | None:
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def place(self, index: QModelIndex) -> tuple[int, int, int, int] | None:
        """Where a deadline row is, to find it again after the rows are rebuilt: (request
        id, clock, its group's number, its row in the group)."""
        request_id = self.request_id(index)
        if request_id is None:
            return None
        _row, clock, _due = self._deadline(index.siblingAtColumn(0))
        return request_id, clock, index.internalId() - 10, index.row()

    def find(self, place: tuple[int, int, int, int]) -> QModelIndex:
        """The row of ``place``'s deadline, else of another deadline of its request, else
        the row now where it was in its group (the one after a deadline that was met)."""
        request_id, clock, group, row = place
        ids = self.session.index.columns["id"]
        other = QModelIndex()
        for number, deadlines in enumerate(self.groups):
            at = deadlines.positions
            for mine in np.flatnonzero(ids[self.found.rows[at]] == request_id).tolist():
                if int(self.found.clocks[at[mine]]) == clock:
                    return self.createIndex(mine, 0, 10 + number)
                other = other if other.isValid() else self.createIndex(mine, 0, 10 + number)
        if other.isValid() or not len(self.groups[group]):
            return other
        return self.createIndex(min(row, len(self.groups[group]) - 1), 0, 10 + group)

    def _position(self, index: QModelIndex) -> int:
        return int(self.groups[index.internalId() - 10].positions[index.row()])

    def _deadline(self, index: QModelIndex) -> tuple[int, int, int]:
        """(list row, clock index, due ordinal) of a deadline row."""
        group = self.groups[index.internalId() - 10]
        at = int(group.positions[index.row()])
        return int(self.found.rows[at]), int(self.found.clocks[at]), int(self.found.due[at])

    # -- structure ------------------------------------------------------------------------
    # internalId: 0 for a "when" row, 1 + bucket for a "who owes" row, 10 + group for a deadline.

    def index(self, row, column, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        # hasIndex() spelled out: opening a group asks for every row's index, and thousands
        # of calls back into rowCount and columnCount show as a pause.
        if row < 0 or not 0 <= column < len(self.HEADERS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(WHEN) else QModelIndex()
        pid = parent.internalId()
        if parent.column() != 0:
            return QModelIndex()
        if pid == 0:
            return self.createIndex(row, column, 1 + parent.row()) if row < len(OWERS) else QModelIndex()
        if pid <= len(WHEN):
            group = (pid - 1) * len(OWERS) + parent.row()
            if row < len(self.groups[group]):
                return self.createIndex(row, column, 10 + group)
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        if iid == 0:
            return QModelIndex()
        if iid <= len(WHEN):
            return self.createIndex(iid - 1, 0, 0)
        group = iid - 10
        return self.createIndex(group % len(OWERS), 0, 1 + group // len(OWERS))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(WHEN)
        if parent.column() != 0:
            return 0
        pid = parent.internalId()
        if pid == 0:
            return len(OWERS)
        if pid <= len(WHEN):
            return len(self.groups[(pid - 1) * len(OWERS) + parent.row()])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index):
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # -- what each row shows --------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        iid = index.internalId()
        if iid == 0:
            return self._heading(WHEN[index.row()], None, index.column(), role)
        if iid <= len(WHEN):
            return self._heading(WHEN[iid - 1], OWERS[index.row()], index.column(), role)
        return self._row(index, role)

    def _heading(self, when: str, owed_by: str | None, column: int, role):
        if role == KIND_ROLE:
            return "owed_by" if owed_by else "when"
        if column != 0:
            return None
        n = self.count(when, owed_by)
        if role == Qt.ItemDataRole.DisplayRole:
            if self.session.db is None:  # not read yet (or not readable): no "nothing due"
                return OWER_LABELS[owed_by] if owed_by else WHEN_LABELS[when]
            if owed_by is None:
                hidden = self.hidden if when == "overdue" else 0
                if hidden and not n:  # not "nothing due": an older one is there, out of sight
                    them = "it" if hidden == 1 else "them"
                    return (
                        f"{WHEN_LABELS[when]} · {hidden:,} overdue longer than {self.overdue_days} days: "
                        f"choose “Everything overdue” to see {them}"
                    )
                text = f"{WHEN_LABELS[when]} · {n:,}" if n else f"{WHEN_LABELS[when]} · nothing due"
                if hidden:
                    text += f"   (and {hidden:,} older: choose “Everything overdue” to see them)"
                return text
            return f"{OWER_LABELS[owed_by]} · {n:,}" if n else f"{OWER_LABELS[owed_by]} · nothing"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QGuiApplication.font())
            font.setBold(owed_by is None or (owed_by == "requester" and n > 0))
            return font
        out_of_sight = when == "overdue" and owed_by is None and self.hidden
        if role == Qt.ItemDataRole.ForegroundRole and not n and not out_of_sight:
            return QGuiApplication.palette().color(QGuiApplication.palette().ColorRole.PlaceholderText)
        return None

    def _row(self, index: QModelIndex, role):
        if role not in _ROW_ROLES:
            return None
        row, clock, due = self._deadline(index)
        cols = self.session.index.columns
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get((row, clock, due))
            if texts is None:  # the view asks for each column in turn: one row's texts at once
                day, requests = date.fromordinal(due), self.session.index
                texts = self._texts[(row, clock, due)] = (
                    look.day(day),
                    look.when(day, self.session.today()),
                    requests.label(row, CLOCKS[clock]),  # the agency's estimate beside
                    str(cols["id"][row]),
                    list_office(cols["component"][row]),
                    short_title(cols["title"][row], requests.case_name(row), cols["component"][row]),
                    cols["status"][row],
                )
            return texts[column]
        if role == ID_ROLE:
            return int(cols["id"][row])
        if role == KIND_ROLE:
            return "deadline"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:  # the deadline whole, with the agency's estimate, in a narrowed column
                return self._row(index, Qt.ItemDataRole.DisplayRole)
            if column == 5:
                return cols["title"][row]
            if column == 4:
                return cols["component_name"][row]
            if column == 6:
                return cols["status"][row]
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            kind = look.urgency(date.fromordinal(due), self.session.today(), self.session.soon_days())
            return look.tint(QGuiApplication.palette(), kind)
        return None
