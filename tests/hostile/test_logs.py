"""Damaged logs and logs from a newer FoiaDesk: refused safely. They open read-only (reading
and exporting still work where the pages allow), every write and every backup is refused
with one line saying what to do, and not one byte of the file changes."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import foiadesk, inproc, refused, sha

from foiadesk.core.store import log
from foiadesk.core.store.db import (
    SCHEMA_VERSION,
    StorageError,
    backup,
    connect,
    quick_check,
    read_only_reason,
)

COMMANDS = [
    ("log", 1, "note", "--on", "2026-11-03", "--summary", "called them"),
    ("add-request", "--title", "More records", "--component", "IRS"),
    ("backup",),
    ("show", 1),
    ("requests",),
    ("agenda",),
    ("export-list", "--out", "{tmp}/list.csv", "--force"),
    ("export-calendar", "--out", "{tmp}/cal.ics", "--force"),
]
WRITES = {"log", "add-request", "backup"}


@pytest.fixture(scope="module")
def demo_log(tmp_path_factory):
    from foiadesk.core.demo import write_demo

    path = tmp_path_factory.mktemp("damage") / "demo.sqlite3"
    write_demo(path, requests=150, seed=5)
    return path


def damage(source: Path, dest: Path, seed: int) -> Path:
    """A copy of ``source`` with one page overwritten: an index, a table's b-tree page, or
    any page, chosen by ``seed``; only copies SQLite's own check finds damaged are used."""
    rng = random.Random(seed)
    dest.write_bytes(source.read_bytes())
    with sqlite3.connect(source) as db:
        roots = [r[0] for r in db.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 1")]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    page = rng.choice(roots) if seed % 2 else rng.randrange(2, pages + 1)
    with dest.open("r+b") as fh:
        fh.seek((page - 1) * size + rng.choice((0, 8, size // 3)))
        fh.write(bytes(rng.randrange(256) for _ in range(rng.choice((16, 200, size // 2)))))
    return dest


def damaged_copies(demo_log, folder, count, schema_readable=False):
    """Copies SQLite's check finds damaged; ``schema_readable``: only those whose schema
    still reads (a damaged page of the schema leaves nothing to open, read-only or not)."""
    copies = []
    seed = 0
    while len(copies) < count:
        path = damage(demo_log, folder / f"damaged-{seed}.sqlite3", seed)
        seed += 1
        with sqlite3.connect(path) as db:
            try:
                bad = db.execute("PRAGMA quick_check").fetchone()[0] != "ok"
            except sqlite3.DatabaseError:
                bad = not schema_readable
        if bad:
            copies.append(path)
        else:
            path.unlink()
    return copies


def run_everything(paths, tmp_path, writes=WRITES):
    """Every command on every log: the figures the issue asks for."""
    figures = {"runs": 0, "writes_refused": 0, "backups_refused": 0, "reads_ok": 0, "reads_refused": 0}
    for path in paths:
        for command in COMMANDS:
            before = sha(path)
            args = [str(a).format(tmp=tmp_path) for a in command]
            done = inproc(*args, "--db", path)
            figures["runs"] += 1
            assert "Traceback" not in done.stderr and "went wrong inside" not in done.stderr, (
                path,
                args,
                done.stderr,
            )
            assert sha(path) == before, (path, args)  # not one byte written into it
            if command[0] in writes:
                refused(done)
                assert "damaged" in done.stderr or "newer FoiaDesk" in done.stderr, done.stderr
                figures["backups_refused" if command[0] == "backup" else "writes_refused"] += 1
            elif done.returncode == 0:
                figures["reads_ok"] += 1
            else:
                refused(done)
                figures["reads_refused"] += 1
        if "backup" in writes:
            assert not (path.parent / "backups").exists() or not list((path.parent / "backups").iterdir())
    return figures


def test_damaged_logs_open_read_only_and_refuse_writes_and_backups(demo_log, tmp_path):
    paths = damaged_copies(demo_log, tmp_path, 3)
    figures = run_everything(paths, tmp_path)
    print(f"damaged logs: {len(paths)} × {len(COMMANDS)} commands: {figures}")
    assert figures["writes_refused"] == 2 * len(paths) and figures["backups_refused"] == len(paths)


@pytest.mark.bench
def test_damaged_logs_many_variants(demo_log, tmp_path):
    paths = damaged_copies(demo_log, tmp_path, 25)
    figures = run_everything(paths, tmp_path)
    print(f"\ndamaged logs: {len(paths)} variants × {len(COMMANDS)} commands: {figures}")


def test_a_damaged_log_in_core_is_read_only_and_says_what_to_do(demo_log, tmp_path):
    path = damaged_copies(demo_log, tmp_path, 1, schema_readable=True)[0]
    db = connect(path)
    reason = read_only_reason(db)
    assert reason and "is damaged" in reason and "restore a backup" in reason
    with pytest.raises(StorageError, match="damaged.*Nothing was written"):
        log.add_note(db, 1, "x")
    with pytest.raises(sqlite3.OperationalError, match="readonly|query_only"):
        db.execute("DELETE FROM notes")  # even SQL written past the core is stopped
    with pytest.raises(StorageError, match="no backup was made"):
        backup(db)


def newer(source: Path, dest: Path, how: str) -> Path:
    dest.write_bytes(source.read_bytes())
    db = sqlite3.connect(dest)
    if how == "user_version":
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    else:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('foiadesk', 'm099_future', '')"
        )
    db.commit()
    db.close()  # the last connection: its WAL is folded into the file
    return dest


@pytest.mark.parametrize("how", ["user_version", "migration"])
def test_a_log_from_a_newer_foiadesk_opens_read_only_naming_the_version(demo_log, tmp_path, how):
    path = newer(demo_log, tmp_path / "newer.sqlite3", how)
    version = SCHEMA_VERSION + 1
    db = connect(path)
    assert f"schema version {version}" in read_only_reason(db)
    db.close()
    figures = run_everything([path], tmp_path, writes={"log", "add-request"})
    assert figures["reads_ok"] == 6  # show, requests, agenda, both exports and a backup work
    assert list((tmp_path / "backups").glob(f"newer-*-manual-v{SCHEMA_VERSION + 1}.sqlite3"))
    line = refused(foiadesk("log", 1, "note", "--on", "2026-11-03", "--db", path))
    assert f"knows schema version {version}" in line and "Nothing was written" in line


def test_a_log_is_checked_again_whenever_it_changed(demo_log, tmp_path, monkeypatch):
    from foiadesk.core.store import db as dbmod

    path = tmp_path / "mine.sqlite3"
    path.write_bytes(demo_log.read_bytes())
    calls = []
    real = dbmod.quick_check
    monkeypatch.setattr(dbmod, "quick_check", lambda db: calls.append(1) or real(db))
    connect(path).close()
    connect(path).close()
    assert len(calls) == 1  # unchanged since it passed: not read again
    db = connect(path)
    log.add_note(db, 1, "called the FOIA office")
    db.close()
    connect(path).close()
    assert len(calls) == 2  # changed by a write: checked again
    damaged = damaged_copies(demo_log, tmp_path, 1, schema_readable=True)[0]
    path.write_bytes(damaged.read_bytes())  # the same path, damaged in place
    assert "is damaged" in read_only_reason(connect(path))


def test_quick_check_on_open_stays_cheap(demo_log):
    started = time.perf_counter()
    for _ in range(5):
        assert quick_check(connect(demo_log)) is None
    assert (time.perf_counter() - started) / 5 < 0.5


@pytest.mark.bench
def test_quick_check_cost_at_100k_requests(tmp_path):
    from foiadesk.core.demo import write_demo

    path = tmp_path / "big.sqlite3"
    write_demo(path, requests=100_000, seed=1)
    timings = []
    for _ in range(5):
        db = connect(path, migrate=False)
        started = time.perf_counter()
        assert quick_check(db) is None
        timings.append(time.perf_counter() - started)
        db.close()
    opens = []
    for _ in range(5):
        started = time.perf_counter()
        connect(path).close()  # the first one checks; the others find it unchanged
        opens.append(time.perf_counter() - started)
    print(
        f"\nquick_check at 100,000 requests ({path.stat().st_size / 1e6:.0f} MB): "
        f"best {min(timings):.2f} s, worst {max(timings):.2f} s; opening: first {opens[0]:.2f} s, "
        f"then {max(opens[1:]):.3f} s at most"
    )
    assert min(timings) < 3 and max(opens[1:]) < 0.5
