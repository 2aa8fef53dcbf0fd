"""The columnar reader (``columnar.read``, ``columnar.statuses``) reads what the
per-request reader (``batch.extract`` over ``facts.read_events``, ``derive_status``)
reads, on generated histories crowded with the shapes the rules single out: letters
taken back, several extensions, asks and answers logged in any order, more answers
than holds, appeals of one decision or of all, referrals before or after a filing,
routing chains, events after the request ended, several on one day.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from foiadesk.core.deadlines import batch, columnar
from foiadesk.core.deadlines.calendar import CalendarError, calendar
from foiadesk.core.deadlines.clocks import AppealRule
from foiadesk.core.deadlines.events import EVENT_TYPES, UNREAD, Event, derive_status
from foiadesk.core.demo import synthetic_history, write_demo
from foiadesk.core.store import index_read
from foiadesk.core.store.db import connect, write
from foiadesk.core.tracking.listing import OUTCOMES, TYPES, histories

TODAY = date(2026, 11, 25)
# The types the clocks and the status read, each more likely than in real logs.
CROWDED = [
    "received", "acknowledged", "referral_received", "routed", "routed", "info_requested",
    "info_requested", "info_answered", "info_answered", "fee_clarification_requested",
    "fee_clarification_answered", "fee_estimate", "fee_estimate", "fee_estimate_answered",
    "fee_estimate_answered", "extension_notice", "extension_notice", "extension_notice",
    "expedite_requested", "expedite_decided", "fee_decision", "fee_decision", "determination",
    "determination", "appeal_filed", "appeal_filed", "appeal_received", "appeal_extension_notice",
    "appeal_extension_notice", "appeal_decided", "still_interested", "still_interested_answered",
    "withdrawn", "closed", "interim_release", "estimated_completion", "note", "drafted",
    "fee_waiver_requested", "timeframe_agreed", "timeframe_agreed",
]  # fmt: skip


def crowded_history(rng: random.Random) -> list[Event]:
    """Up to fourteen clock events within a few weeks of a filing (or a referral, or
    neither), often on the same days, in the order they were logged."""
    start = date(2022, 1, 3) + timedelta(days=rng.randrange(4 * 365))
    events = []
    if rng.random() < 0.85:
        events.append(Event("filed", start, agency_received_on=rng.choice([None, start + timedelta(days=2)])))
    for _ in range(rng.randint(0, 14)):
        type_ = rng.choice(CROWDED)
        on = start + timedelta(days=rng.randint(-10, 40))
        outcomes = EVENT_TYPES[type_].outcomes
        outcome = rng.choice([*outcomes, *outcomes, None, "unheard_of"]) if outcomes else None
        events.append(
            Event(
                type_,
                on,
                agency_received_on=rng.choice([None, on, on + timedelta(days=rng.randint(-3, 6))]),
                named_date=rng.choice([None, on + timedelta(days=rng.randint(-5, 40))]),
                outcome=outcome,
            )
        )
    rng.shuffle(events)
    return events


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    rng = random.Random(7)
    path = tmp_path_factory.mktemp("columnar") / "log.sqlite3"

    def history(request_id: int) -> list[Event]:
        return crowded_history(rng) if request_id % 5 else synthetic_history(rng, TODAY)

    write_demo(path, requests=3000, seed=11, today=TODAY, histories=history)
    db = connect(path)
    with write(db):  # letters taken back
        db.execute("UPDATE events SET voided_at = '2026-11-01T00:00:00' WHERE id % 17 = 0")
    return db


def _read(db, where="{col} > ?", params=(0,)):
    ids = index_read.request_ids(db)
    ids = ids[ids > 0] if where == "{col} > ?" else np.array(params, dtype=np.int64)
    ev = index_read.read_events(db, where, list(params), types=TYPES, outcomes=OUTCOMES)
    rng = random.Random(len(ids))
    choices = [AppealRule(), AppealRule(90, "working", "6 CFR 5.8(a)(1)"), AppealRule(expedite_floor=5)]
    rules = [rng.choice(choices) for _ in ids]
    return ids, ev, rules, histories(ids, ev)


def assert_same_columns(ours: batch.Columns, theirs: batch.Columns) -> None:
    for name in batch._SCALARS:
        assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name
    for name in ("steps", "appeal_steps"):
        mine, want = getattr(ours, name), getattr(theirs, name)
        assert len(mine) == len(want), name
        for j, (a, b) in enumerate(zip(mine, want, strict=True)):
            for part, (x, y) in enumerate(zip(a, b, strict=True)):
                assert np.array_equal(x, y), (name, j, part)
    assert ours.windows.keys() == theirs.windows.keys()
    for key, (start, done) in theirs.windows.items():
        assert np.array_equal(ours.windows[key][0], start), key
        assert np.array_equal(ours.windows[key][1], done), key
    assert ours.replies.keys() == theirs.replies.keys()
    for key, dues in theirs.replies.items():
        assert np.array_equal(ours.replies[key], dues), key


def test_the_columnar_reader_reads_what_extract_reads(log):
    ids, ev, rules, hist = _read(log)
    found: list[tuple[int, int, int, int]] = []
    theirs = batch.extract(hist, calendar(), rules, asks=found)
    ours, asks = columnar.read(ev, ids, calendar(), rules, lambda rows: pytest.fail("no fallback expected"))
    assert_same_columns(ours, theirs)
    table = np.array(found, dtype=np.int64).reshape(len(found), 4)
    for i, name in enumerate(("row", "kind", "due", "event_id")):
        assert np.array_equal(asks[name], table[:, i]), name
    # The shapes the test is about occur, many times over.
    assert len(theirs.steps) >= 6 and len(theirs.appeal_steps) >= 2
    assert (theirs.routed == 1).sum() > 300 and (theirs.appeal_receipt != batch.NONE).sum() > 500
    assert max(d.shape[1] for d in theirs.replies.values()) >= 2
    assert sum((w[0] != batch.NONE).sum() for w in theirs.windows.values()) > 1000


def test_the_columnar_status_is_derive_status(log):
    ids, ev, _, hist = _read(log)
    assert columnar.statuses(ev, ids).tolist() == [derive_status(h) for h in hist]  # type: ignore[arg-type]


def test_a_few_requests_read_alone_and_a_log_without_events(log):
    ids, ev, rules, hist = _read(log, "{col} IN (?, ?, ?)", (5, 6, 2999))
    ours, _ = columnar.read(ev, ids, calendar(), rules, lambda rows: [])
    assert_same_columns(ours, batch.extract(hist, calendar(), rules))
    none = {name: np.empty(0, dtype=np.int64) for name in ev}
    ours, asks = columnar.read(none, np.array([1, 2]), calendar(), rules[:2], lambda rows: [])
    assert_same_columns(ours, batch.extract([[], []], calendar(), rules[:2]))
    assert columnar.statuses(none, np.array([1, 2])).tolist() == ["Draft", "Draft"]


def test_rows_read_by_extract_instead_take_their_place(log):
    """The fallback: the rows ``extract`` reads are spliced in where ours were."""
    ids, ev, rules, hist = _read(log)
    cal = calendar()
    flat, _ = columnar._read(columnar._Log(ev, ids), cal, rules)
    rows = np.array(sorted(random.Random(3).sample(range(len(ids)), 400)), dtype=np.int64)
    spliced = columnar._splice(flat, rows, [hist[i] for i in rows.tolist()], cal, [rules[i] for i in rows])
    assert_same_columns(columnar._columns(len(ids), spliced), batch.extract(hist, cal, rules))


def test_a_date_the_calendar_cannot_place_is_reported_as_before(tmp_path):
    """A receipt outside the calendar's years goes through ``extract``, which says so."""
    path = tmp_path / "old.sqlite3"
    write_demo(
        path, requests=3, seed=1, today=TODAY, histories=lambda rid: [Event("filed", date(1990 + rid, 1, 6))]
    )
    db = connect(path)
    ids, ev, rules, hist = _read(db)
    with pytest.raises(CalendarError) as extract_error:
        batch.extract(hist, calendar(), rules)
    with pytest.raises(CalendarError) as ours:
        columnar.read(ev, ids, calendar(), rules, lambda rows: [hist[i] for i in rows.tolist()])
    assert str(ours.value) == str(extract_error.value)


def test_the_types_the_index_leaves_out_change_no_clock_and_no_status(log):
    """``events.UNREAD`` events are not read at all: with or without them, ``extract``
    and ``derive_status`` say the same."""
    ids, ev, rules, hist = _read(log)
    assert sum(e.type in UNREAD for h in hist for e in h) > 1000
    kept = [[e for e in h if e.type not in UNREAD] for h in hist]
    assert_same_columns(batch.extract(kept, calendar(), rules), batch.extract(hist, calendar(), rules))
    assert [derive_status(h) for h in kept] == [derive_status(h) for h in hist]  # type: ignore[arg-type]
    skipped = index_read.read_events(log, "{col} > ?", [0], types=TYPES, outcomes=OUTCOMES, skip=UNREAD)
    assert len(skipped["id"]) == sum(map(len, kept))
    ours, _ = columnar.read(skipped, ids, calendar(), rules, lambda rows: [])
    assert_same_columns(ours, batch.extract(hist, calendar(), rules))


def test_the_packed_read_gives_every_value_a_plain_select_gives(tmp_path):
    """``read_events`` has SQLite pack the integers into one string; what numpy unpacks is
    what a row-by-row SELECT gives, for ids past 2**32, missing dates (NONE), outcomes the
    index does not know (UNKNOWN) and codes of 0."""
    rng = random.Random(3)
    write_demo(
        tmp_path / "log.sqlite3", requests=200, seed=5, today=TODAY, histories=lambda _: crowded_history(rng)
    )
    log = connect(tmp_path / "log.sqlite3")
    log.execute("PRAGMA foreign_keys = OFF")
    with write(log):
        last = log.execute("SELECT max(id) FROM requests").fetchone()[0]
        log.execute("UPDATE events SET request_id = 5000000123 WHERE request_id = ?", [last])
        log.execute("UPDATE requests SET id = 5000000123 WHERE id = ?", [last])
        log.execute("UPDATE events SET id = 7000000000001 WHERE id = (SELECT max(id) FROM events)")
    ev = index_read.read_events(log, "{col} > ?", [0], types=TYPES, outcomes=OUTCOMES)
    plain = log.execute(
        """SELECT request_id, occurred_on, agency_received_on, named_date, type, outcome, id FROM events
            WHERE voided_at IS NULL ORDER BY request_id, occurred_on, id"""
    ).fetchall()

    def day(text):
        return date.fromisoformat(text).toordinal() if text else index_read.NONE

    def code(value, names, other):
        return index_read.NONE if value is None else names.index(value) if value in names else other

    assert ev["request_id"].tolist() == [r[0] for r in plain]
    assert ev["on"].tolist() == [day(r[1]) for r in plain]
    assert ev["received"].tolist() == [day(r[2]) for r in plain]
    assert ev["named"].tolist() == [day(r[3]) for r in plain]
    assert ev["type"].tolist() == [code(r[4], TYPES, index_read.NONE) for r in plain]
    assert ev["outcome"].tolist() == [code(r[5], OUTCOMES, index_read.UNKNOWN) for r in plain]
    assert ev["id"].tolist() == [r[6] for r in plain]
    assert {index_read.NONE, index_read.UNKNOWN} <= set(ev["outcome"].tolist())
    assert 0 in ev["type"].tolist() and index_read.NONE in ev["received"].tolist()
    assert ev["id"].max() == 7_000_000_000_001 and ev["request_id"].max() == 5_000_000_123
    assert index_read.request_ids(log)[-1] == 5_000_000_123
    none = index_read.read_events(log, "{col} < ?", [0], types=TYPES, outcomes=OUTCOMES)
    assert all(len(column) == 0 for column in none.values())
