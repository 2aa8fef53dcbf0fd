"""Opening a log reads the next chunks on other connections and threads while this one
is worked out: the list is the same as a read on one connection, a request deleted
meanwhile leaves no gap, and a cancelled opening leaves no reader behind."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.demo import write_demo
from foiadesk.core.store import index_read
from foiadesk.core.store.db import connect
from foiadesk.core.tracking import listing
from foiadesk.core.tracking.listing import RequestIndex

TODAY = date(2026, 11, 25)


@pytest.fixture
def log(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FOIADESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(listing, "CHUNK", 37)  # 400 requests: 11 chunks
    path = tmp_path / "log.sqlite3"
    write_demo(path, requests=400, seed=8, today=TODAY)
    return path


@pytest.fixture
def side_readers(monkeypatch) -> list:
    """The side connections each opening made (the real ones)."""
    made: list = []
    real = index_read.side_reader

    def counted(db):
        reader = real(db)
        made.append(reader)
        return reader

    monkeypatch.setattr(index_read, "side_reader", counted)
    return made


def one_connection(monkeypatch) -> None:
    monkeypatch.setattr(index_read, "side_reader", lambda db: None)


def rows(index: RequestIndex) -> dict[int, tuple]:
    """Every request's whole list row (columns, clocks and open asks), by id."""
    columns = index._all_columns()
    asks: dict[int, list] = {}
    for row in zip(*index.asks.values(), strict=True):
        asks.setdefault(int(row[0]), []).append(row)
    return {
        int(rid): (tuple(columns[name][i] for name in sorted(columns)), sorted(asks.get(int(rid), [])))
        for i, rid in enumerate(columns["id"].tolist())
    }


def test_reading_ahead_gives_the_list_one_connection_gives(log, side_readers, monkeypatch):
    db = connect(log)
    ahead = RequestIndex.load(db, calendar(), today=TODAY)
    assert len(side_readers) == 2 and all(side_readers)  # both other connections were used
    one_connection(monkeypatch)
    plain = RequestIndex.load(db, calendar(), today=TODAY)
    assert len(ahead) == len(plain) == 400
    assert ahead.columns["id"].tolist() == plain.columns["id"].tolist()
    assert rows(ahead) == rows(plain)


def test_a_log_in_memory_is_read_on_its_one_connection(side_readers):
    db = connect(":memory:")
    assert index_read.side_reader(db) is None
    assert len(RequestIndex.load(db, calendar(), today=TODAY)) == 0


@pytest.mark.parametrize("ahead", [True, False], ids=["reading ahead", "one connection"])
@pytest.mark.parametrize("which", ["last", "middle"])
def test_a_request_deleted_while_the_log_is_read_leaves_no_gap(log, monkeypatch, ahead, which):
    if not ahead:
        one_connection(monkeypatch)
    db = connect(log)
    ids = index_read.request_ids(db).tolist()
    gone = ids[-1] if which == "last" else ids[len(ids) * 3 // 4]

    def progress(done, _total):
        if done == listing.CHUNK:  # after the first chunk: the deleted one is read later
            with sqlite3.connect(log) as other:  # another program, as the CLI beside the window
                other.execute("PRAGMA foreign_keys = ON")
                other.execute("DELETE FROM requests WHERE id = ?", [gone])

    index = RequestIndex.load(db, calendar(), today=TODAY, on_progress=progress)
    assert gone not in index.columns["id"].tolist()
    assert len(index) == len(ids) - 1
    fresh = RequestIndex.load(db, calendar(), today=TODAY)
    assert rows(index) == rows(fresh)
    assert index.row_of(gone) is None and index.row_of(ids[0]) is not None


def test_a_cancelled_opening_leaves_no_reader_behind(log, side_readers):
    db = connect(log)

    def progress(done, _total):
        if done >= 2 * listing.CHUNK:
            raise KeyboardInterrupt  # how the window's Stop reaches the load (any exception)

    with pytest.raises(KeyboardInterrupt):
        RequestIndex.load(db, calendar(), today=TODAY, on_progress=progress)
    assert not [t for t in threading.enumerate() if t.name.startswith("foiadesk-read")]
    for reader in side_readers:
        with pytest.raises(sqlite3.ProgrammingError):  # closed
            reader.execute("SELECT 1")


def test_the_cycle_collector_waits_while_a_log_is_read_and_runs_again_after(log, monkeypatch):
    """Reading makes many objects and no cycles: Python's collector is paused while the
    chunks are worked out (it ran a thousand times over a million-request opening, 0.6 s
    holding every thread, the window's too), and back on after, whether the reading ended
    or was stopped."""
    import gc

    collecting = []  # whether the collector was on as each chunk was worked out
    real = RequestIndex._part

    def part(self, *args):
        collecting.append(gc.isenabled())
        return real(self, *args)

    monkeypatch.setattr(RequestIndex, "_part", part)
    db, cal = connect(log), calendar()
    RequestIndex.load(db, cal, today=TODAY)
    assert len(collecting) == 11 and not any(collecting) and gc.isenabled()

    def stop(done, _total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        RequestIndex.load(db, cal, today=TODAY, on_progress=stop)
    assert gc.isenabled()
