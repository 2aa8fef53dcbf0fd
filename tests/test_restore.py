"""Restoring a backup: listed with what each holds; checked before anything changes; the log
backed up first; never a half-written log; refused while another program has the log open."""

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from foiadesk.cli import run
from foiadesk.core.store import log as logmod
from foiadesk.core.store import restore as restoremod
from foiadesk.core.store.db import SCHEMA_VERSION, backup, backups_dir, connect, schema_version
from foiadesk.core.store.log import NewEvent
from foiadesk.core.store.restore import RestoreError, list_backups, restore

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"


def counts(path):
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM requests").fetchone()[0],
            conn.execute("SELECT count(*) FROM events WHERE voided_at IS NULL").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.fixture
def logged(tmp_path):
    """A log of two requests (three events), backed up, then given a third request logged
    by mistake. Returns (log path, the backup)."""
    path = tmp_path / "log.sqlite3"
    db = connect(path)
    component = logmod.ensure_component(
        db, abbr="ICE", name="Immigration and Customs Enforcement", agency_abbr="DHS", agency_name="DHS"
    )
    for title in ("Detention contracts", "Body camera policy"):
        rid = logmod.add_request(db, title=title, component_id=component).new_id
        logmod.record_event(db, rid, NewEvent("drafted", date(2026, 11, 2)), today=date(2026, 11, 25))
    filed = NewEvent("filed", date(2026, 11, 3), channel="email")
    logmod.record_event(db, rid, filed, today=date(2026, 11, 25))
    made = backup(db)
    logmod.add_request(db, title="Logged by mistake", component_id=component)
    db.close()
    return path, made


def test_backups_are_listed_newest_first_with_their_date_reason_and_counts(logged):
    path, made = logged
    db = connect(path)
    later = backup(db, reason="before-upgrade")
    db.close()
    found = list_backups(path)
    assert [b.path for b in found] == [later, made]
    assert (found[1].requests, found[1].events) == (2, 3)  # two drafted, one filed
    assert (found[0].requests, found[0].events) == (3, 3)
    assert found[1].reason == "backed up by hand"
    assert found[0].reason == "before FoiaDesk upgraded the log"
    assert found[1].made.date() == date.today()


def test_restore_puts_the_backup_back_and_keeps_the_log_as_it_was(logged):
    path, made = logged
    done = restore(path, made)
    assert counts(path) == (2, 3)
    assert done.kept is not None and done.kept.parent == backups_dir(path)
    assert counts(done.kept) == (3, 3)  # the mistaken request is in the copy kept
    assert not [p for p in path.parent.iterdir() if p.name.endswith((".part", "-wal", "-shm", "-journal"))]
    db = connect(path)  # opens as a log, written again as usual
    assert schema_version(db) == SCHEMA_VERSION
    db.close()
    restore(path, done.kept)  # and the restore is undone
    assert counts(path) == (3, 3)


def test_a_damaged_backup_is_refused_and_nothing_changes(logged):
    path, made = logged
    data = bytearray(made.read_bytes())
    page = 4096
    data[3 * page : 6 * page] = os.urandom(3 * page)  # pages of the tables, not the header
    made.write_bytes(bytes(data))
    before = path.read_bytes()
    listed = list_backups(path)
    with pytest.raises(RestoreError, match="cannot be restored: it is damaged|damaged or not a database"):
        restore(path, made)
    assert path.read_bytes() == before
    assert [b.path for b in list_backups(path)] == [b.path for b in listed]  # no copy of the log made


def test_a_file_that_is_not_a_log_or_is_from_a_newer_foiadesk_is_refused(logged, tmp_path):
    path, _made = logged
    before = counts(path)
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"meeting notes " * 500)
    with pytest.raises(RestoreError, match="damaged or not a database"):
        restore(path, notes)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE recipes (name TEXT)").connection.commit()
    with pytest.raises(RestoreError, match="not a FoiaDesk log"):
        restore(path, other)
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RestoreError, match=f"newer FoiaDesk \\(schema version {SCHEMA_VERSION + 1}"):
        restore(path, newer)
    assert counts(path) == before
    assert len(list_backups(path)) == 1


def test_a_backup_of_an_earlier_schema_is_restored_and_upgraded_when_opened(logged):
    path, _made = logged
    old = backups_dir(path) / "log-20250101-090000-000-manual-v3.sqlite3"
    shutil.copy(SCHEMAS / "v3.sqlite3", old)
    assert list_backups(path)[-1].path == old
    restore(path, old)
    db = connect(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == counts(SCHEMAS / "v3.sqlite3")[0]
    db.close()


def test_an_interrupted_replace_leaves_the_log_whole(logged, monkeypatch):
    path, made = logged
    before = counts(path)

    def power_cut(*_args):
        raise KeyboardInterrupt  # stopped between the checked copy and the rename

    monkeypatch.setattr(restoremod.os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        restore(path, made)
    monkeypatch.undo()
    assert counts(path) == before
    db = connect(path)
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".part")]


def test_a_full_disk_while_replacing_says_so_and_leaves_the_log(logged, monkeypatch):
    path, made = logged
    before = counts(path)

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restoremod.os, "replace", full)
    with pytest.raises(RestoreError, match="No space left on device.*the log is as it was"):
        restore(path, made)
    monkeypatch.undo()
    assert counts(path) == before


def test_a_log_open_in_another_program_is_not_replaced(logged, monkeypatch):
    path, made = logged
    monkeypatch.setattr(restoremod, "LOCK_WAIT_S", 0.2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM requests')"
            ".fetchall(); print('open', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(RestoreError, match="is open in another FoiaDesk.*Nothing was changed"):
            restore(path, made)
    finally:
        holder.stdin.close()
        holder.wait()
    assert counts(path) == (3, 3)
    assert len(list_backups(path)) == 1
    restore(path, made)  # once it is closed
    assert counts(path) == (2, 3)


def test_a_damaged_log_is_set_aside_as_it_is_and_replaced(logged):
    path, made = logged
    path.write_bytes(b"garbage " * 4096)
    done = restore(path, made)
    assert counts(path) == (2, 3)
    assert "damaged" in done.kept.name and done.kept.read_bytes() == b"garbage " * 4096
    assert "damaged" in list_backups(path)[0].describe()


def test_cli_lists_restores_by_number_and_refuses_a_bad_one(logged, capsys):
    path, made = logged
    assert run(["restore", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1. " in out and "(backed up by hand): 2 requests, 3 events" in out and made.name in out
    assert run(["restore", "7", "--db", str(path)]) == 2
    assert "there is no backup 7" in capsys.readouterr().err
    assert counts(path) == (3, 3)
    assert run(["restore", "1", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "2 requests, 3 events" in out and "before-restore" in out
    assert counts(path) == (2, 3)
    bad = path.parent / "bad.sqlite3"
    bad.write_bytes(b"x" * 8192)
    assert run(["restore", str(bad), "--db", str(path)]) == 2
    assert "cannot be restored" in capsys.readouterr().err
    assert counts(path) == (2, 3)
