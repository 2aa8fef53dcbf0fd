"""Each request's events packed in one string by triggers (``clock_packs``): after any write,
by FoiaDesk or by another program, reading the packs gives what reading the events gives,
value for value, and a log whose packs cannot be trusted is read from its events."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from foiadesk.core.deadlines.columnar import OUTCOMES, TYPES
from foiadesk.core.deadlines.events import UNREAD
from foiadesk.core.store import clock_packs, index_read
from foiadesk.core.store.db import connect, write
from foiadesk.core.store.log import NewEvent, record_event, void_event

TODAY = date(2026, 11, 25)
EVERY = ("{col} > ?", [0])


@pytest.fixture
def log(demo_log) -> Path:
    return demo_log


def plain_select(db) -> dict[str, list]:
    """The events as a row-by-row SELECT gives them, without SQLite packing anything."""
    rows = db.execute(
        f"""SELECT request_id, type, outcome, occurred_on, agency_received_on, named_date, id FROM events
             WHERE {clock_packs.live(UNREAD)} ORDER BY request_id, occurred_on, id"""
    ).fetchall()

    def day(text):
        return date.fromisoformat(text).toordinal() if text else index_read.NONE

    def code(value, names, other):
        return index_read.NONE if value is None else names.index(value) if value in names else other

    return {
        "request_id": [r[0] for r in rows],
        "type": [code(r[1], TYPES, index_read.NONE) for r in rows],
        "outcome": [code(r[2], OUTCOMES, index_read.UNKNOWN) for r in rows],
        "on": [day(r[3]) for r in rows],
        "received": [day(r[4]) for r in rows],
        "named": [day(r[5]) for r in rows],
        "id": [r[6] for r in rows],
    }


def read(db) -> dict[str, list]:
    events = index_read.read_events(db, *EVERY, types=TYPES, outcomes=OUTCOMES, skip=UNREAD)
    return {name: column.tolist() for name, column in events.items()}


def assert_packs_hold_the_events(db) -> None:
    assert clock_packs.usable(db, TYPES, OUTCOMES, UNREAD)
    packed = clock_packs.read(db, *EVERY, TYPES, OUTCOMES)
    assert {name: column.tolist() for name, column in packed.items()} == plain_select(db)


def other_program(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        for sql in statements:
            conn.execute(sql)


def test_a_new_log_keeps_a_pack_of_every_request_with_live_events(log):
    db = connect(log)
    assert_packs_hold_the_events(db)
    with_events = db.execute(
        f"SELECT count(DISTINCT request_id) FROM events WHERE {clock_packs.live(UNREAD)}"
    )
    assert db.execute("SELECT count(*) FROM clock_packs").fetchone() == with_events.fetchone()


def test_writes_by_foiadesk_repack_the_requests_they_touch(log):
    db = connect(log)
    ids = index_read.request_ids(db).tolist()
    record_event(db, ids[0], NewEvent("acknowledged", date(2026, 11, 20)), today=TODAY)
    record_event(db, ids[1], NewEvent("note", date(2026, 11, 20), summary="not read"), today=TODAY)
    filed = db.execute("SELECT id FROM events WHERE type = 'filed' ORDER BY id LIMIT 2").fetchall()
    void_event(db, filed[0][0])
    assert_packs_hold_the_events(db)


def test_writes_by_another_program_repack_the_requests_they_touch(log):
    db = connect(log)
    first, second, third, fourth = index_read.request_ids(db).tolist()[:4]
    other_program(
        log,
        f"UPDATE events SET occurred_on = '2026-01-02' WHERE request_id = {first}",
        f"UPDATE events SET type = 'appeal_filed', outcome = 'partial' WHERE id = "
        f"(SELECT max(id) FROM events WHERE request_id = {second})",
        f"UPDATE events SET request_id = {first} WHERE id = "
        f"(SELECT min(id) FROM events WHERE request_id = {third})",
        f"UPDATE events SET voided_at = '2026-11-01T00:00:00' WHERE request_id = {fourth}",
        "UPDATE events SET agency_received_on = '2026-03-04', named_date = NULL WHERE id % 7 = 0",
        "UPDATE events SET outcome = 'an outcome FoiaDesk does not know' WHERE id % 11 = 0",
        "DELETE FROM events WHERE id % 13 = 0",
        f"DELETE FROM requests WHERE id = {third}",
        f"INSERT INTO events (request_id, type, direction, occurred_on, created_at) "
        f"VALUES ({second}, 'a type FoiaDesk does not know', 'in', '2026-05-06', '2026-05-06')",
        "UPDATE events SET summary = 'only words' WHERE id % 5 = 0",
    )
    db = connect(log)
    assert_packs_hold_the_events(db)
    assert db.execute(
        f"SELECT count(*) FROM clock_packs WHERE request_id IN ({third}, {fourth})"
    ).fetchone() == (0,)


def test_a_log_from_before_the_packs_is_packed_when_upgraded(log):
    with sqlite3.connect(log) as conn:  # as the log stood before packs were kept
        for trigger in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER events_pack_{trigger}")
        conn.execute("DROP TABLE clock_packs")
        conn.execute("DROP TABLE clock_packs_key")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_clock_packs'")
        conn.execute("PRAGMA user_version = 4")
        conn.execute("UPDATE events SET occurred_on = '2025-12-31' WHERE id % 3 = 0")  # never packed
    db = connect(log)
    assert_packs_hold_the_events(db)


@pytest.mark.parametrize(
    "distrust",
    [
        "DROP TRIGGER events_pack_update",  # another program took a trigger away
        "UPDATE clock_packs_key SET key = 'other lists'",  # packed with other codes
        # an id past what a pack holds
        "UPDATE events SET id = 40000000000000 WHERE id = (SELECT max(id) FROM events)",
    ],
)
def test_packs_that_cannot_be_trusted_are_not_read(log, distrust):
    db = connect(log)
    other_program(log, distrust, "UPDATE clock_packs SET packed = '' ")  # and they would be wrong
    db = connect(log, migrate=False)  # as found: an opening that upgrades would pack them anew
    assert not clock_packs.usable(db, TYPES, OUTCOMES, UNREAD)
    assert read(db) == plain_select(db)


def test_a_read_of_some_requests_gives_their_events_in_order(log):
    db = connect(log)
    ids = index_read.request_ids(db)
    chosen = ids[5:40:3]
    events = index_read.read_events(
        db, index_read.IDS_IN, [str(chosen.tolist())], types=TYPES, outcomes=OUTCOMES, skip=UNREAD
    )
    every = plain_select(db)
    mine = np.isin(every["request_id"], chosen)
    assert {k: v.tolist() for k, v in events.items()} == {
        k: np.array(v)[mine].tolist() for k, v in every.items()
    }


def test_packs_made_with_an_earlier_list_of_outcomes_are_made_again_on_opening(log):
    """A FoiaDesk that adds an outcome (say "waiver granted in part") changes the packs' key:
    a log packed by the version before would be read event by event at every opening."""
    other_program(log, "UPDATE clock_packs_key SET key = 'made with an earlier list'")
    db = connect(log)
    assert not clock_packs.stale(db) and clock_packs.usable(db, TYPES, OUTCOMES, UNREAD)
    assert read(db) == plain_select(db)


def test_packs_made_before_the_agency_closure_types_are_made_again_and_read_a_closure(log):
    """The lists before administrative closures were logged: no "admin_closed" or "reopened"
    type, no closure reasons. A closure written by that FoiaDesk's triggers is packed as a type
    it does not know; opening the log with this FoiaDesk packs it again with its own code."""
    db = connect(log)
    old_types = tuple(t for t in TYPES if t not in ("admin_closed", "reopened"))
    old_outcomes = OUTCOMES[: OUTCOMES.index("waiver_partly_granted") + 1]
    with write(db):
        clock_packs.create(db, old_types, old_outcomes, UNREAD)
    rid = index_read.request_ids(db).tolist()[0]
    record_event(db, rid, NewEvent("admin_closed", date(2026, 11, 20), outcome="duplicate"), today=TODAY)
    assert clock_packs.stale(db) and not clock_packs.usable(db, TYPES, OUTCOMES, UNREAD)
    db.close()
    db = connect(log)
    assert not clock_packs.stale(db), db.execute("SELECT key FROM clock_packs_key").fetchall()
    assert_packs_hold_the_events(db)
    events = clock_packs.read(db, *EVERY, TYPES, OUTCOMES)
    closure = events["type"] == TYPES.index("admin_closed")
    assert closure.sum() == 1
    assert events["outcome"][closure].tolist() == [OUTCOMES.index("duplicate")]
    assert events["request_id"][closure].tolist() == [rid]


def test_packs_made_before_agreed_time_frames_are_made_again_and_read_one(log):
    """A log packed by the FoiaDesk before an agreed alternative time frame could be logged: its
    triggers pack the new type as one they do not know. Opening the log packs it again with the
    type's own code, so the list reads the agreed date without reading every event."""
    db = connect(log)
    with write(db):
        clock_packs.create(db, tuple(t for t in TYPES if t != "timeframe_agreed"), OUTCOMES, UNREAD)
    rid = index_read.request_ids(db).tolist()[0]
    agreed = NewEvent("timeframe_agreed", date(2026, 11, 20), named_date=date(2027, 1, 29))
    record_event(db, rid, agreed, today=TODAY)
    assert clock_packs.stale(db)
    db.close()
    db = connect(log)
    assert not clock_packs.stale(db)
    assert_packs_hold_the_events(db)
    events = clock_packs.read(db, *EVERY, TYPES, OUTCOMES)
    mine = events["type"] == TYPES.index("timeframe_agreed")
    assert events["request_id"][mine].tolist() == [rid]
    assert events["named"][mine].tolist() == [date(2027, 1, 29).toordinal()]
