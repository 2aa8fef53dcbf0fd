"""The agenda: every open deadline across the log, soonest first, and grouped as the
window shows it: overdue, this week, next week, later; in each, what you owe and what
the agencies owe.

Built from the list's arrays (``listing.RequestIndex``), so it costs a sort, not a pass
over every request's events. Like ``tracker.agenda`` it leaves out milestones (constructive
exhaustion) and paused clocks; of the replies a requester owes on one request it lists the
earliest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from foiadesk.core.deadlines.batch import open_due
from foiadesk.core.tracking.listing import CLOCKS, NONE, OWED_BY, RequestIndex, week_end


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
    between ``since`` and ``through``; ordered by due date, then request id, then clock.
    A requester's window that passed unused before the list was read is not a to-do."""
    rows, clocks, dues = [], [], []
    for k, key in enumerate(CLOCKS):
        if owed_by is not None and OWED_BY[key] != owed_by:
            continue
        due = open_due(index.clocks, key, index.today)
        open_ = due != NONE
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


WHEN = ("overdue", "this_week", "next_week", "later")
WHEN_LABELS = {"overdue": "Overdue", "this_week": "This week", "next_week": "Next week", "later": "Later"}
OWERS = ("requester", "agency")
OWER_LABELS = {"requester": "You owe", "agency": "Agencies owe"}


@dataclass(frozen=True)
class Group:
    """One group of the agenda: its deadlines as positions in the ``Agenda`` arrays, in
    the order shown (overdue: the most recently missed first; the rest soonest first)."""

    when: str  # a WHEN key
    owed_by: str  # "requester" | "agency"
    positions: np.ndarray

    def __len__(self) -> int:
        return len(self.positions)


def group_deadlines(agenda: Agenda, today: date) -> list[Group]:
    """The eight groups of the agenda, in WHEN order and, within each, yours first.
    This week ends on Sunday; next week is the Monday to Sunday after it."""
    t = today.toordinal()
    bounds = np.array([t, week_end(today).toordinal() + 1, week_end(today, 1).toordinal() + 1])
    bucket = np.searchsorted(bounds, agenda.due, side="right")
    owers = np.array([OWERS.index(OWED_BY[key]) for key in CLOCKS])[agenda.clocks] if len(agenda) else []
    groups = []
    for b, when in enumerate(WHEN):
        for o, owed_by in enumerate(OWERS):
            positions = np.nonzero((bucket == b) & (np.asarray(owers) == o))[0]
            if when == "overdue":
                positions = positions[::-1]
            groups.append(Group(when, owed_by, positions))
    return groups
