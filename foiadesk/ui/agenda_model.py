"""The agenda: every open deadline across the log, soonest first, one row each."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ..core.agenda import open_deadlines
from ..core.listing import CLOCK_LABELS, CLOCKS, OWED_BY
from . import look
from .requests_model import ID_ROLE
from .session import Session
from .table_model import KeyedTableModel

# Which deadlines to list: (days back, days ahead); None means no limit. A deadline
# missed long ago (an appeal window that closed in 2022) is history, not an agenda item.
HORIZONS = {
    "recent": ("Due in the last 90 days or the next 30", (90, 30)),
    "overdue": ("Everything overdue, and the next 30 days", (None, 30)),
    "all": ("Every open deadline", (None, None)),
}
KEY = 8  # a row's key is request id × KEY + its clock's index in CLOCKS
OWED_CHOICES = {"": "Owed by anyone", "requester": "Owed by you", "agency": "Owed by the agency"}


class AgendaModel(KeyedTableModel):
    HEADERS = ("Due", "When", "Owed by", "Deadline", "#", "Component", "Title", "Status")

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.owed_by = ""
        self.horizon = "recent"
        self._dues = np.empty(0, dtype=np.int64)  # day ordinals, row by row
        session.loaded.connect(self.reload)
        session.rows_changed.connect(self.reload)
        session.display_changed.connect(self.reload)
        self.reload()

    def set_view(self, *, owed_by: str, horizon: str) -> None:
        self.owed_by, self.horizon = owed_by, horizon
        self.reload()

    def reload(self) -> None:
        index = self.session.index
        today = self.session.today()
        back, ahead = HORIZONS[self.horizon][1]
        found = open_deadlines(
            index,
            owed_by=self.owed_by or None,
            since=None if back is None else today - timedelta(days=back),
            through=None if ahead is None else today + timedelta(days=ahead),
        )
        keys = (index.columns["id"][found.rows] * KEY + found.clocks).tolist()
        self._dues = found.due
        self.set_keys(keys, extra=found.due)

    def counts(self) -> tuple[int, int]:
        """(overdue, due soon) among the deadlines shown."""
        today = self.session.today().toordinal()
        overdue = int((self._dues < today).sum())
        return overdue, int(((self._dues >= today) & (self._dues <= today + self.session.soon_days())).sum())

    def request_id(self, row: int) -> int:
        return self.key(row) // KEY

    def cell(self, key: int, column: int, role, due: int):
        request_id, clock = divmod(key, KEY)
        index = self.session.index
        row = index.row_of(request_id)
        if row is None:
            return None
        due = date.fromordinal(due)
        today = self.session.today()
        name = CLOCKS[clock]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                look.day(due),
                look.when(due, today),
                look.OWED_WORDS[OWED_BY[name]],
                CLOCK_LABELS[name],
                str(request_id),
                index.columns["component"][row],
                index.columns["title"][row],
                index.columns["status"][row],
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return index.columns["title"][row]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return index.columns["component_name"][row]
        if role == Qt.ItemDataRole.BackgroundRole:
            return look.tint(QGuiApplication.palette(), look.urgency(due, today, self.session.soon_days()))
        if role == Qt.ItemDataRole.FontRole and OWED_BY[name] == "requester" and column in (1, 2, 3):
            return look.yours()
        if role == ID_ROLE:
            return request_id
        return None
