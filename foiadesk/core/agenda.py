"""The agenda: every open deadline across the log, soonest first.

Built from the list's arrays (``listing.RequestIndex``), so it costs a sort, not a pass
over every request's events. Like ``tracker.agenda`` it leaves out milestones (constructive
exhaustion) and paused clocks; of the replies a requester owes on one request it lists the
earliest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .listing import CLOCKS, NONE, OWED_BY, RequestIndex


@dataclass(frozen=True)
class Agenda:
    """Parallel arrays, one entry per open deadline: the list row it belongs to, which
    clock (an index into ``listing.CLOCKS``) and its due date (a day ordinal)."""

    rows: np.ndarray
    clocks: np.ndarray
    due: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)


def open_deadlines(
    index: RequestIndex,
    *,
    owed_by: str | None = None,
    since: date | None = None,
    through: date | None = None,
) -> Agenda:
    """Open deadlines, optionally only those ``owed_by`` "agency" or "requester" and due
    between ``since`` and ``through``; ordered by due date, then request id, then clock."""
    rows, clocks, dues = [], [], []
    for k, key in enumerate(CLOCKS):
        if owed_by is not None and OWED_BY[key] != owed_by:
            continue
        due = index.clocks[key]
        open_ = due != NONE
        if key != "requester":
            open_ &= index.clocks[f"{key}_done"] == NONE
        if since is not None:
            open_ &= due >= since.toordinal()
        if through is not None:
            open_ &= due <= through.toordinal()
        found = np.nonzero(open_)[0]
        rows.append(found)
        clocks.append(np.full(len(found), k, dtype=np.int64))
        dues.append(due[found])
    row = np.concatenate(rows) if rows else np.empty(0, np.int64)
    clock = np.concatenate(clocks) if clocks else np.empty(0, np.int64)
    due = np.concatenate(dues) if dues else np.empty(0, np.int64)
    order = np.lexsort((clock, index.columns["id"][row], due))
    return Agenda(row[order], clock[order], due[order])
