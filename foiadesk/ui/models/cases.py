"""The case grid: one row per component of a case (the campaign matrix)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from foiadesk.core.tracking.casegrid import GridRow
from foiadesk.core.tracking.listing import GROUP_LABELS, STATUS_GROUPS
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui import look
from foiadesk.ui.models.table import KeyedTableModel

ABBR_ROLE = Qt.ItemDataRole.UserRole


class CaseGridModel(KeyedTableModel):
    HEADERS = (
        "Component",
        "Requests",
        *(GROUP_LABELS[g] for g in STATUS_GROUPS),
        "Overdue",
        "Next deadline",
        "Due",
        "Fees estimated",
        "Paid",
        "Records to ask for",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: dict[str, GridRow] = {}
        self.today = None
        self.soon_days = 5

    def set_rows(self, rows: list[GridRow], *, today, soon_days: int) -> None:
        self.today, self.soon_days = today, soon_days
        self._rows = {r.component: r for r in rows}
        self.set_keys(list(self._rows))
        self.refresh_cells()

    def row(self, abbr: str) -> GridRow | None:
        return self._rows.get(abbr)

    def cell(self, abbr: str, column: int, role, _extra):
        row = self._rows[abbr]
        groups = len(STATUS_GROUPS)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:  # as people know the office, never a directory key
                return list_office(row.component)
            if column == 1:
                return _count(row.requests) or "none yet"
            if 2 <= column < 2 + groups:
                return _count(row.groups[column - 2])
            rest = column - 2 - groups
            return (
                _count(row.overdue),
                row.next_label + (f" (#{row.next_request})" if row.next_request else ""),
                look.day(row.next_due),
                look.dollars(row.estimated_cents),
                look.dollars(row.paid_cents),
                _count(len(row.unrequested)),
            )[rest]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return row.component_name
            if column == len(self.HEADERS) - 1 and row.pack_categories:
                marks = [
                    "• " + t + ("" if t in row.unrequested else "  (asked)") for t in row.pack_categories
                ]
                return "The case pack asks this component for:\n" + "\n".join(marks)
        if role == Qt.ItemDataRole.BackgroundRole and self.today is not None:
            # Only the cells that say what is late: every row of a long campaign may have
            # something overdue, and a wall of tinted rows would say nothing.
            if column == 2 + groups and row.overdue:
                return look.tint(QGuiApplication.palette(), "overdue")
            if column in (3 + groups, 4 + groups):
                kind = look.urgency(row.next_due, self.today, self.soon_days)
                return look.tint(QGuiApplication.palette(), kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            1 <= column < 3 + groups or column in (5 + groups, 6 + groups, 7 + groups)
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ABBR_ROLE:
            return abbr
        return None


def _count(n: int) -> str:
    return f"{n:,}" if n else ""
