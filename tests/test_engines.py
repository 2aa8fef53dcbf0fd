"""The two clock engines agree where users see them.

The per-request engine (``clocks.py``, with traces) draws the request screen; the index
(``index_read`` + ``columnar.read`` + ``batch.compute``) fills the list, the agenda, ``foiadesk
requests``/``agenda`` and the list export. Thousands of generated histories (realistic
ones, and odd ones: letters logged out of order, several on a day, before the filing,
taken back, with unknown outcomes) are written to a log; every production path is then
compared with what the per-request engine says about each request.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import WINDOW_KEYS
from foiadesk.core.deadlines.events import EVENT_TYPES, Event
from foiadesk.core.demo import synthetic_history, write_demo
from foiadesk.core.store.db import connect, write
from foiadesk.core.tracking.agenda import agenda_lines, open_deadlines
from foiadesk.core.tracking.listing import CLOCKS, NONE, OWED_BY, RequestIndex, request_lines
from foiadesk.core.tracking.tracker import view_request

TODAY = date(2026, 11, 25)
ODD, REALISTIC = 3000, 1000
TYPES = [t for t in EVENT_TYPES if t != "filed"]


def odd_history(rng: random.Random) -> list[Event]:
    """Up to ten events in the order they were logged, which is often not the order they
    happened in; dates around a filing, some on the same day, some before it."""
    start = date(2021, 1, 4) + timedelta(days=rng.randrange(5 * 365))
    events = []
    if rng.random() < 0.92:
        got = rng.choice([None, start, start + timedelta(days=rng.randint(0, 6))])
        events.append(Event("filed", start, agency_received_on=got))
    for _ in range(rng.randint(0, 9)):
        type_ = rng.choice(TYPES)
        on = start + timedelta(days=rng.randint(-60, 200))
        outcomes = EVENT_TYPES[type_].outcomes
        outcome = rng.choice([*outcomes, None, "unheard_of"]) if outcomes else None
        events.append(
            Event(
                type_,
                on,
                agency_received_on=rng.choice([None, None, on, on + timedelta(days=rng.randint(0, 9))]),
                named_date=rng.choice([None, on + timedelta(days=rng.randint(0, 45))]),
                outcome=outcome,
                tracking_number=f"T-{rng.randrange(10**6)}" if rng.random() < 0.2 else None,
            )
        )
    rng.shuffle(events)  # the order of logging
    return events


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    rng = random.Random(20261125)
    path = tmp_path_factory.mktemp("engines") / "log.sqlite3"

    def history(request_id: int) -> list[Event]:
        return odd_history(rng) if request_id <= ODD else synthetic_history(rng, TODAY)

    write_demo(path, requests=ODD + REALISTIC, seed=3, today=TODAY, histories=history)
    db = connect(path)
    with write(db):  # some letters taken back
        db.execute("UPDATE events SET voided_at = '2026-11-01T00:00:00' WHERE id % 23 = 0")
    return db


def per_request(db, cal):
    return {rid: view_request(db, rid, cal=cal) for (rid,) in db.execute("SELECT id FROM requests")}


def test_the_list_is_what_the_request_screen_says(log):
    cal = calendar()
    index = RequestIndex.load(log, cal, today=TODAY)
    views = per_request(log, cal)
    assert len(index) == len(views) == ODD + REALISTIC
    cols, clocks = index.columns, index.clocks
    for row, rid in enumerate(cols["id"].tolist()):
        view = views[rid]
        by_key = {c.key: c for c in view.clocks}
        assert cols["status"][row] == view.status, rid
        assert cols["tracking"][row] == ", ".join(view.tracking_numbers), rid
        for key in (
            "response",
            "expedite",
            *WINDOW_KEYS,
            "appeal_decision",
            "exhaustion",
            "appeal_exhaustion",
        ):
            clock = by_key.get(key)
            due = clock.due.toordinal() if clock and clock.due else NONE
            assert int(clocks[key][row]) == due, (rid, key)
            if "exhaustion" not in key:
                done = clock.done_on.toordinal() if clock and clock.done_on else NONE
                assert int(clocks[f"{key}_done"][row]) == done, (rid, key)
        estimate = by_key.get("estimate")
        assert index.estimate(row) == (estimate.due if estimate and estimate.is_open else None), rid
        nxt = view.next_on(TODAY)
        got = index.next_deadline(row)
        assert (got[1] if got else None) == (nxt.due if nxt else None), rid
        if nxt and sum(1 for c in view.clocks if c.owed(TODAY) and c.due == nxt.due) == 1:
            assert (index.next_label(row), OWED_BY[got[0]]) == (nxt.label, nxt.owed_by), rid


def test_the_agenda_is_every_open_deadline_of_every_request(log):
    cal = calendar()
    index = RequestIndex.load(log, cal, today=TODAY)
    found = open_deadlines(index)
    ours = sorted(
        (int(index.columns["id"][r]), OWED_BY[CLOCKS[c]], date.fromordinal(d), found.label(i))
        for i, (r, c, d) in enumerate(
            zip(found.rows.tolist(), found.clocks.tolist(), found.due.tolist(), strict=True)
        )
    )
    theirs = sorted(
        (view.id, clock.owed_by, clock.due, clock.label)
        for view in per_request(log, cal).values()
        for clock in view.clocks
        if clock.owed(TODAY)
    )
    assert ours == theirs and len(ours) > 1000


def test_the_command_line_prints_what_the_request_screen_says(log):
    """``foiadesk requests`` and ``agenda``, worded as they were when each request was
    worked out on its own, each office named as the window's list names it."""
    from foiadesk.core.tracking.titles import list_office

    cal = calendar()
    index = RequestIndex.load(log, cal, today=TODAY)
    views = per_request(log, cal)
    want = []
    for rid in sorted(views):
        v = views[rid]
        nxt = v.next_on(TODAY)
        due = f"{nxt.label} {nxt.due} ({nxt.owed_by}, {nxt.state(TODAY)})" if nxt else "—"
        estimate = next((c.due for c in v.clocks if c.key == "estimate" and c.is_open), None)
        if estimate:  # the agency's estimate, marked once it has passed
            said = f"agency estimates completion {estimate}{' (passed)' if estimate < TODAY else ''}"
            due = said if due == "—" else f"{due}; {said}"
        number = ", ".join(v.tracking_numbers) or "—"
        want.append(f"#{v.id:<5} {list_office(v.component):<9} {v.status:<22} {number:<18} {due}  {v.title}")
    assert list(request_lines(index, TODAY)) == want
    agenda = []
    for v in views.values():
        for c in v.clocks:
            if c.owed(TODAY):
                left = (c.due - TODAY).days
                when = f"{-left} days overdue" if left < 0 else ("today" if left == 0 else f"in {left} days")
                office = list_office(v.component)
                line = f"{c.due}  {when:>17}  {c.owed_by:<9}  {c.label:<34} #{v.id} {office}: {v.title}"
                agenda.append(((c.due, v.id), line))
    assert sorted(agenda_lines(index, TODAY)) == sorted(line for _, line in agenda)
    assert [line[:10] for line in agenda_lines(index, TODAY)] == sorted(str(k[0]) for k, _ in agenda)


def test_a_refresh_after_writes_equals_reading_everything_again(log, tmp_path):
    import shutil

    from foiadesk.core.store.db import db_path

    path = tmp_path / "copy.sqlite3"
    shutil.copy(db_path(log), path)
    db = connect(path)
    cal = calendar()
    index = RequestIndex.load(db, cal, today=TODAY)
    rng = random.Random(5)
    touched = rng.sample(range(1, ODD + REALISTIC + 1), 200)
    with write(db):
        for rid in touched[:100]:  # a letter logged late, out of order
            db.execute(
                "INSERT INTO events (request_id, type, direction, occurred_on, named_date, created_at) "
                "VALUES (?, 'still_interested', 'in', ?, ?, '2026-11-25')",
                [rid, str(date(2024, 3, 1) + timedelta(days=rid % 300)), str(date(2026, 12, 1))],
            )
        taken_back = ",".join(map(str, touched[100:]))
        db.execute(f"UPDATE events SET voided_at = '2026-11-25' WHERE request_id IN ({taken_back})")
    index.refresh(db, touched)
    fresh = RequestIndex.load(db, cal, today=TODAY)
    for name, column in fresh.columns.items():
        assert np.array_equal(index.columns[name], column), name
    for name, column in fresh.clocks.items():
        assert np.array_equal(index.clocks[name], column), name
    order = np.lexsort((index.asks["event_id"], index.asks["request_id"]))
    again = np.lexsort((fresh.asks["event_id"], fresh.asks["request_id"]))
    for name in fresh.asks:
        assert np.array_equal(index.asks[name][order], fresh.asks[name][again]), name
