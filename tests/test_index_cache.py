"""The list's reads kept between openings: taken back only for requests the log says
have not changed, whoever changed the others; never from a log that is not the one
they were kept from. Each opening is compared with a plain read of the same log."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.demo import write_demo
from foiadesk.core.store import index_cache, index_read
from foiadesk.core.store.db import connect, write
from foiadesk.core.store.log import NewEvent, record_event, tag_request, void_event
from foiadesk.core.tracking.listing import READS_KEY, RequestIndex

TODAY = date(2026, 11, 25)


@pytest.fixture
def log(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "log.sqlite3"
    write_demo(path, requests=400, seed=5, today=TODAY)
    return path


def opened(db, path: Path) -> tuple[RequestIndex, bool]:
    """The window's opening: the list, and whether kept reads were taken back."""
    reads = RequestIndex._reads
    taken = index_cache.take(db, path, READS_KEY, lambda w, p: reads(db, w, p)) is not None
    index = RequestIndex.load(db, calendar(), today=TODAY, keep=path)
    index.keep_reads(db)
    return index, taken


def assert_same(index: RequestIndex, db) -> None:
    plain = RequestIndex.load(db, calendar(), today=TODAY)
    assert index.columns.keys() == plain.columns.keys()
    for name, column in plain.columns.items():
        assert index.columns[name].tolist() == column.tolist(), name
    for name, column in plain.clocks.items():
        assert index.clocks[name].tolist() == column.tolist(), name
    for name, column in plain.asks.items():
        assert index.asks[name].tolist() == column.tolist(), name


def kept_bytes(log: Path) -> bytes:
    return index_cache.file_for(log).read_bytes()


def other_program(path: Path, *statements: str) -> None:
    """A write by a program that is not FoiaDesk (the sqlite3 shell, a sync tool)."""
    with sqlite3.connect(path) as conn:
        for sql in statements:
            conn.execute(sql)


def test_an_unchanged_log_is_taken_back_whole_and_reads_the_same(log):
    db = connect(log)
    first, taken = opened(db, log)
    assert not taken and index_cache.file_for(log).exists()
    written = kept_bytes(log)
    again, taken = opened(db, log)
    assert taken and index_read.changed_since(db, again.version).size == 0
    assert kept_bytes(log) == written  # nothing changed: not written again
    assert_same(first, db)
    assert_same(again, db)


def test_requests_changed_by_foiadesk_or_another_program_are_read_again(log):
    db = connect(log)
    opened(db, log)
    ids = index_read.request_ids(db).tolist()
    filed = db.execute("SELECT id, request_id FROM events WHERE type = 'filed' ORDER BY id").fetchall()
    void_event(db, filed[0][0])  # a letter taken back
    record_event(db, filed[1][1], NewEvent("acknowledged", date(2026, 11, 20)), today=TODAY)
    tag_request(db, ids[3], "priority")
    other_program(
        log,
        f"UPDATE requests SET title = 'Renamed outside' WHERE id = {ids[4]}",
        "UPDATE tags SET name = 'renamed tag' WHERE id = (SELECT min(tag_id) FROM request_tags)",
        f"INSERT INTO tracking_numbers (request_id, number) VALUES ({ids[5]}, '2026-OUT-1')",
        "DELETE FROM fees WHERE request_id = (SELECT min(request_id) FROM fees)",
        f"DELETE FROM requests WHERE id = {ids[6]}",
        """UPDATE components SET name = 'Renamed office' WHERE id = (SELECT component_id FROM requests
             GROUP BY component_id ORDER BY count(*) LIMIT 1)""",
    )
    index, taken = opened(db, log)
    assert taken
    assert ids[6] not in index.columns["id"].tolist()
    assert "Renamed outside" in index.columns["title"].tolist()
    assert_same(index, db)


def test_a_few_changed_requests_are_read_from_the_log_until_enough_changed_to_keep_anew(log, monkeypatch):
    monkeypatch.setattr(index_cache, "REWRITE_AFTER", (3, 1000))  # at most 3 read again
    db = connect(log)
    opened(db, log)
    kept = index_cache.file_for(log)
    written = kept_bytes(log)
    ids = index_read.request_ids(db).tolist()
    for number, request in enumerate(ids[:4]):
        record_event(db, request, NewEvent("status_inquiry", date(2026, 11, 20)), today=TODAY)
        before = kept.stat().st_mtime_ns
        index, taken = opened(db, log)
        assert taken
        assert_same(index, db)  # the changed requests are read from the log, every time
        if number < 3:
            assert kept_bytes(log) == written  # not written again for three changed requests
            assert kept.stat().st_mtime_ns >= before  # but marked as used, so it is not pruned
    assert kept_bytes(log) != written  # the fourth: kept anew, as the log stands now
    index, _ = opened(db, log)
    assert_same(index, db)


def restored_after_a_change(log: Path, tmp_path: Path) -> tuple[object, list[int]]:
    """A log backed up, changed (its first request gets an event), opened (so what it read
    is kept), then put back from the backup: a new connection to it, and its request ids."""
    db = connect(log)
    ids = index_read.request_ids(db).tolist()
    request = ids[0]
    backup = tmp_path / "backup.sqlite3"
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(log, backup)
    record_event(db, request, NewEvent("status_inquiry", date(2026, 11, 20)), today=TODAY)
    opened(db, log)
    db.close()
    shutil.copy(backup, log)
    for side in ("-wal", "-shm"):
        Path(f"{log}{side}").unlink(missing_ok=True)
    return connect(log), ids


def test_a_log_restored_from_a_backup_and_changed_again_is_read_whole(log, tmp_path):
    db, ids = restored_after_a_change(log, tmp_path)
    record_event(db, ids[1], NewEvent("status_inquiry", date(2026, 11, 21)), today=TODAY)
    index, taken = opened(db, log)
    assert not taken  # the first request's version is older than the kept one: not this log
    assert_same(index, db)


def test_the_same_request_changed_again_after_a_restore_is_read_from_the_log(log, tmp_path):
    db, ids = restored_after_a_change(log, tmp_path)
    record_event(db, ids[0], NewEvent("withdrawn", date(2026, 11, 21)), today=TODAY)
    index, _ = opened(db, log)  # taken back or not (the random part decides), never stale
    assert_same(index, db)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other code"])
def test_a_kept_file_that_is_damaged_or_from_other_code_is_not_used(log, damage):
    db = connect(log)
    opened(db, log)
    kept = index_cache.file_for(log)
    if damage == "garbage":
        kept.write_bytes(b"not a kept file")
    elif damage == "truncated":
        kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])
    else:
        assert index_cache.take(db, log, "another key", lambda w, p: {}) is None
        return
    index, taken = opened(db, log)
    assert not taken
    assert_same(index, db)


def test_titles_holding_the_separator_are_read_from_the_log(log):
    db = connect(log)
    with write(db):
        db.execute("UPDATE requests SET title = 'a\x1fb' WHERE id = (SELECT min(id) FROM requests)")
    index_cache.file_for(log).unlink(missing_ok=True)
    opened(db, log)
    assert not index_cache.file_for(log).exists()
    index, taken = opened(db, log)
    assert not taken and "a\x1fb" in index.columns["title"].tolist()


def test_every_trigger_gives_a_new_greater_version(log):
    db = connect(log)
    before = index_read.log_version(db)
    request = int(index_read.request_ids(db)[0])
    record_event(db, request, NewEvent("status_inquiry", date(2026, 11, 20)), today=TODAY)
    assert index_read.changed_since(db, before).tolist() == [request]
    assert index_read.log_version(db) >> 20 == (before >> 20) + 1
    counted = index_read.fingerprint(db, index_read.log_version(db))
    assert counted[0] == len(index_read.request_ids(db))
    assert np.all(index_read.versions_upto(db, before)["version"] <= before)


def test_only_the_logs_opened_last_keep_their_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(tmp_path / "data"))
    logs = []
    for number in range(index_cache.KEEP_LOGS + 2):
        path = tmp_path / f"log{number}.sqlite3"
        write_demo(path, requests=5, seed=number, today=TODAY)
        opened(connect(path), path)
        logs.append(path)
    assert [index_cache.file_for(p).exists() for p in logs] == [False] * 2 + [True] * index_cache.KEEP_LOGS


def test_kept_rows_are_removed_and_put_back_as_numpy_would_a_bite_at_a_time(monkeypatch):
    """Texts are copied a few rows at a time (so the window's thread runs between): the
    result is np.delete's and np.insert's, with several rows per request, requests
    removed at both ends and new rows before, between and after the kept ones."""
    monkeypatch.setattr(index_cache, "_BITE", 3)
    rng = np.random.default_rng(4)
    owners = np.sort(rng.integers(1, 40, 60))
    columns = {"request_id": owners, "text": np.array([f"t{i}" for i in range(60)], dtype=object)}
    gone = np.array([owners[0], 7, 8, 20, owners[-1], 99])
    rest = index_cache._without(columns, gone)
    drop = np.isin(owners, gone).nonzero()[0]
    for name, values in columns.items():
        assert rest[name].tolist() == np.delete(values, drop).tolist(), name
    new_owners = np.array([0, 7, 7, 20, 41, 41])
    fresh = {"request_id": new_owners, "text": np.array([f"n{i}" for i in range(6)], dtype=object)}
    merged = index_cache._with(rest, fresh)
    at = np.searchsorted(rest["request_id"], new_owners, "left")
    for name, values in rest.items():
        assert merged[name].tolist() == np.insert(values, at, fresh[name]).tolist(), name
    assert merged["text"].dtype == object and np.all(np.diff(merged["request_id"]) >= 0)


def test_a_request_put_back_under_an_old_number_is_found_where_the_refresh_puts_it(log):
    """A refresh adds new requests at the end of the list; one that another program put
    back under a lower number than others leaves the ids out of order, and each request
    is still found at its own row."""
    db = connect(log)
    index = RequestIndex.load(db, calendar(), today=TODAY)
    ids = index.columns["id"].tolist()
    row = db.execute(f"SELECT * FROM requests WHERE id = {ids[2]}").fetchone()
    other_program(
        log, f"DELETE FROM events WHERE request_id = {ids[2]}", f"DELETE FROM requests WHERE id = {ids[2]}"
    )
    index.refresh(db, [ids[2]])
    assert ids[2] not in index.columns["id"].tolist() and index.row_of(ids[2]) is None
    marks = ", ".join("?" * len(row))
    with sqlite3.connect(log) as conn:
        conn.execute(f"INSERT INTO requests VALUES ({marks})", row)
    index.refresh(db, [ids[2]])
    listed = index.columns["id"].tolist()
    assert listed[-1] == ids[2] and listed != sorted(listed)
    for request in (ids[0], ids[2], ids[3], ids[-1]):
        assert listed[index.row_of(request)] == request
    assert index.rows_of([ids[-1], ids[2], 10**9]).tolist() == [listed.index(ids[-1]), len(listed) - 1, -1]
    assert index.row_of(10**9) is None and index.row_of(0) is None
