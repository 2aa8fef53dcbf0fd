"""Each request's tracking numbers joined in one text by triggers (``tracking_texts``): after
any write, by FoiaDesk or by another program, the texts are what the numbers and their
events give, worked out here row by row in Python; a log whose texts cannot be trusted is
read the long way, with the same result."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from test_clock_packs import EVERY, TODAY, other_program

from foiadesk.core.store import index_read, tracking_texts
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import NewEvent, record_event, void_event


@pytest.fixture
def log(demo_log) -> Path:
    return demo_log


def by_hand(db) -> dict[int, str]:
    """The list's rule, row by row: the agency's numbers (not a filing's confirmations, not
    numbers logged with the filing itself), except those of voided events, in the order
    logged."""
    events = {i: (kind, voided) for i, kind, voided in db.execute("SELECT id, type, voided_at FROM events")}
    texts: dict[int, list[str]] = {}
    for request_id, number, kind, event_id in db.execute(
        "SELECT request_id, number, kind, event_id FROM tracking_numbers ORDER BY id"
    ):
        event_type, voided = events.get(event_id, (None, None))
        if kind != "confirmation" and event_type != "filed" and voided is None:
            texts.setdefault(request_id, []).append(number)
    return {request_id: ", ".join(numbers) for request_id, numbers in texts.items()}


def kept(db, request_id: int | None = None) -> dict[int, str]:
    """The texts as the log keeps them (every request's, or one's)."""
    sql, params = "SELECT request_id, text FROM tracking_texts", []
    if request_id is not None:
        sql, params = sql + " WHERE request_id = ?", [request_id]
    return dict(db.execute(sql, params).fetchall())


def listed(db) -> dict[int, str]:
    """Each request's tracking numbers as the request list reads them."""
    rows = index_read.read_requests(db, *EVERY)
    return dict(zip(rows["id"].tolist(), rows["tracking"], strict=True))


def assert_texts_hold_the_numbers(db) -> None:
    assert tracking_texts.usable(db)
    expected = by_hand(db)
    assert kept(db) == expected
    assert listed(db) == {request_id: expected.get(request_id, "") for request_id in listed(db)}
    assert len(expected) > 20  # the demo logs numbers of many kinds


def test_a_new_log_keeps_the_text_of_every_request_with_numbers(log):
    assert_texts_hold_the_numbers(connect(log))


def test_writes_by_foiadesk_write_the_texts_they_touch_again(log):
    db = connect(log)
    ids = index_read.request_ids(db).tolist()
    record_event(
        db,
        ids[0],
        NewEvent("acknowledged", date(2026, 11, 20), tracking_number="2027-ICFO-00001"),
        today=TODAY,
    )
    numbered = db.execute(
        "SELECT e.id FROM events e JOIN tracking_numbers t ON t.event_id = e.id"
        " WHERE e.type != 'filed' AND e.voided_at IS NULL ORDER BY e.id LIMIT 1"
    ).fetchone()[0]
    void_event(db, numbered)
    assert_texts_hold_the_numbers(db)
    assert "2027-ICFO-00001" in kept(db, ids[0])[ids[0]]


def test_writes_by_another_program_write_the_texts_they_touch_again(log):
    db = connect(log)
    first, second, third = (
        row[0]
        for row in db.execute("SELECT DISTINCT request_id FROM tracking_numbers ORDER BY request_id LIMIT 3")
    )
    numbered = "SELECT event_id FROM tracking_numbers WHERE"
    event_of = f"({numbered} request_id = {second} AND event_id IS NOT NULL LIMIT 1)"
    other_program(
        log,
        f"INSERT INTO tracking_numbers (request_id, number) VALUES ({first}, 'ADDED-1')",
        f"INSERT INTO tracking_numbers (request_id, number, kind)"
        f" VALUES ({first}, 'PORTAL-9', 'confirmation')",
        f"UPDATE tracking_numbers SET number = number || '-B' WHERE request_id = {second}",
        f"UPDATE events SET voided_at = '2026-11-01T00:00:00' WHERE id = {event_of}",
        f"UPDATE tracking_numbers SET request_id = {first} WHERE id = "
        f"(SELECT min(id) FROM tracking_numbers WHERE request_id = {third})",
        f"UPDATE events SET type = 'filed' WHERE id IN ({numbered} id % 7 = 0)",
        f"UPDATE events SET voided_at = NULL WHERE id IN ({numbered} id % 5 = 0)",
        f"DELETE FROM events WHERE id IN ({numbered} id % 11 = 0)",
        "DELETE FROM tracking_numbers WHERE id % 13 = 0",
        f"DELETE FROM requests WHERE id = {third}",
        "UPDATE events SET summary = 'only words' WHERE id % 3 = 0",
    )
    db = connect(log)
    assert_texts_hold_the_numbers(db)
    assert kept(db, third) == {}


def test_a_log_from_before_the_texts_gets_them_when_upgraded(log):
    with sqlite3.connect(log) as conn:  # as the log stood before the texts were kept
        for name in tracking_texts.TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE tracking_texts")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_tracking_texts'")
        conn.execute("PRAGMA user_version = 5")
        conn.execute("UPDATE tracking_numbers SET number = 'NEVER-KEPT-' || id WHERE id % 3 = 0")
    assert_texts_hold_the_numbers(connect(log))


def test_a_title_holding_the_separator_is_read_row_by_row(log):
    db = connect(log)
    first = index_read.request_ids(db).tolist()[0]
    plain = index_read.read_requests(db, *EVERY)
    db.execute("UPDATE requests SET title = 'Memo' || char(31) || 'drafts' WHERE id = ?", [first])
    db.conn.commit()
    rows = index_read.read_requests(db, *EVERY)
    assert rows["title"][0] == "Memo\x1fdrafts" and len(rows["title"]) == len(plain["title"])
    assert rows["tracking"] == plain["tracking"] and rows["id"].tolist() == plain["id"].tolist()


def test_texts_that_cannot_be_trusted_are_not_read(log):
    other_program(
        log,
        "DROP TRIGGER tracking_texts_event_update",  # another program took a trigger away
        "UPDATE events SET voided_at = '2026-11-01T00:00:00'"
        " WHERE id IN (SELECT event_id FROM tracking_numbers)",
    )
    db = connect(log, migrate=False)
    assert not tracking_texts.usable(db)
    expected = by_hand(db)
    assert listed(db) == {request_id: expected.get(request_id, "") for request_id in listed(db)}


def test_the_rows_read_as_one_string_per_column_are_the_rows_read_one_by_one(log):
    db = connect(log)
    db.execute("UPDATE requests SET case_id = NULL, title = 'Ünïcode — “quoted”, 🗂' WHERE id % 9 = 0")
    db.conn.commit()
    some = ("{col} BETWEEN ? AND ?", [40, 260])
    packed = index_read.read_requests(db, *some)
    other_program(log, "DROP TRIGGER tracking_texts_number_insert")
    db = connect(log, migrate=False)
    assert not tracking_texts.usable(db)
    plain = index_read.read_requests(db, *some)
    assert {k: list(v) for k, v in packed.items()} == {k: list(v) for k, v in plain.items()}
    assert len(packed["id"]) == 221 and index_read.NONE in packed["case_id"]
