"""The agenda: every open deadline across the log, soonest first, and grouped as the
window shows it: overdue, this week, next week, later; in each, what you owe and what
the agencies owe.

Built from the list's arrays (``listing.RequestIndex``), so it costs a sort, not a pass
over every request's events; the window, ``foiadesk agenda`` and the calendar export all
use it. It leaves out milestones (constructive exhaustion) and paused clocks, lists
each reply a requester owes (every open agency letter with a reply-by date), and leaves
out a requester's window that passed unused before the list was read (that is history).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from foiadesk.core.deadlines.batch import REPLIES, open_due
from foiadesk.core.tracking.listing import CLOCKS, LABELS, NONE, OWED_BY, RequestIndex, week_end


@dataclass(frozen=True)
class Agenda:
    """Parallel arrays, one entry per open deadline: the list row it belongs to, which
    clock (an index into ``listing.CLOCKS``), its due date (a day ordinal), its label (a
    position in ``listing.LABELS``) and, for a reply the requester owes, the event id of
    the agency letter that asked (NONE otherwise)."""

    rows: np.ndarray
    clocks: np.ndarray
    due: np.ndarray
    labels: np.ndarray | None = None
    ask_events: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def where(self, keep: np.ndarray) -> Agenda:
        """The deadlines ``keep`` (a mask or positions) selects, in the same order."""
        labels = None if self.labels is None else self.labels[keep]
        events = None if self.ask_events is None else self.ask_events[keep]
        return Agenda(self.rows[keep], self.clocks[keep], self.due[keep], labels, events)

    def label(self, i: int) -> str:
        """What the deadline is, in words ("Response due", "Say you are still interested")."""
        return LABELS[int(self.labels[i]) if self.labels is not None else int(self.clocks[i])]


def open_deadlines(
    index: RequestIndex,
    *,
    owed_by: str | None = None,
    since: date | None = None,
    through: date | None = None,
) -> Agenda:
    """Open deadlines, optionally only those ``owed_by`` "agency" or "requester" and due
    between ``since`` and ``through``; ordered by due date, then request id, then clock."""
    if owed_by is None and since is None and through is None:
        return index.memo("open_deadlines", lambda: _open_deadlines(index, None, None, None))
    return _open_deadlines(index, owed_by, since, through)


def _open_deadlines(
    index: RequestIndex, owed_by: str | None, since: date | None, through: date | None
) -> Agenda:
    rows, clocks, dues, events = [], [], [], []
    lo = since.toordinal() if since is not None else -(2**62)
    hi = through.toordinal() if through is not None else 2**62
    for k, key in enumerate(CLOCKS):
        if owed_by is not None and OWED_BY[key] != owed_by:
            continue
        if key in REPLIES:  # each open ask of this kind, with the letter that asked
            a = index.asks
            keep = (a["kind"] == REPLIES.index(key)) & (a["due"] >= max(lo, index.today.toordinal()))
            keep &= a["due"] <= hi
            rows.append(index.rows_of(a["request_id"][keep]))
            dues.append(a["due"][keep])
            events.append(a["event_id"][keep])
            clocks.append(np.full(int(keep.sum()), k, dtype=np.int64))
            continue
        due = open_due(index.clocks, key, index.today)
        found = np.nonzero((due != NONE) & (due >= lo) & (due <= hi))[0]
        rows.append(found)
        clocks.append(np.full(len(found), k, dtype=np.int64))
        dues.append(due[found])
        events.append(np.full(len(found), NONE, dtype=np.int64))
    row, clock, due, event = (
        np.concatenate(a) if a else np.empty(0, np.int64) for a in (rows, clocks, dues, events)
    )
    order = np.lexsort((event, clock, index.columns["id"][row], due))
    return Agenda(row[order], clock[order], due[order], None, event[order])


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


assert len(LABELS) <= 64  # agenda_lines packs a clock and a label into six bits each


def agenda_lines(index: RequestIndex, today: date) -> list[str]:
    """The agenda as ``foiadesk agenda`` prints it: one line per open deadline, soonest first."""
    found = open_deadlines(index)
    cols = index.columns
    t = today.toordinal()
    labels = found.labels if found.labels is not None else found.clocks
    # Each distinct (day, clock, label) is worded once; each line only adds its request.
    keys, which = np.unique((found.due * 64 + found.clocks) * 64 + labels, return_inverse=True)
    words = []
    for key in keys.tolist():
        due, clock, label = key >> 12, (key >> 6) & 63, key & 63
        left = due - t
        when = f"{-left} days overdue" if left < 0 else ("today" if left == 0 else f"in {left} days")
        words.append(
            f"{date.fromordinal(due)}  {when:>17}  {OWED_BY[CLOCKS[clock]]:<9}  {LABELS[label]:<34} "
        )
    rows = found.rows
    offices = index.offices_shown()
    return [
        f"{head}#{rid} {offices[component]}: {title}"
        for head, rid, component, title in zip(
            [words[w] for w in which.reshape(-1).tolist()],
            cols["id"][rows].tolist(),
            cols["component"][rows].tolist(),
            cols["title"][rows].tolist(),
            strict=True,
        )
    ]


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
