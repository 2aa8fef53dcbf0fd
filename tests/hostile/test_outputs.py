"""Outputs never land on the user's log, are written whole or not at all, replace nothing
without --force, leave no 0-byte file on a full disk (and name that disk), and a killed
export's leftovers are cleaned up by the next run. Backups never collide."""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import foiadesk, inproc, mount_tmpfs, refused, sha, unmount

from foiadesk.core.store import db as dbmod
from foiadesk.core.store.db import backup, connect


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_never_replaces_the_open_log_even_with_force(small_log, suffix, tmp_path):
    target = Path(f"{small_log}{suffix}")
    if not target.exists():
        target.write_bytes(b"")  # as while the log is open
    before = sha(small_log)
    for command in (
        ("export", "--request", 1, "--no-pdf"),
        ("export-list", "--format", "xlsx"),
        ("export-calendar",),
    ):
        refused(inproc(*command, "--out", target, "--force", "--db", small_log), "FoiaDesk log")
    assert sha(small_log) == before
    assert connect(small_log).execute("SELECT count(*) FROM requests").fetchone()[0] == 1


def test_export_never_replaces_a_backup_or_another_database(small_log, tmp_path):
    db = connect(small_log)
    copy = backup(db)
    db.close()
    before = sha(copy)
    refused(
        inproc("export-list", "--out", copy, "--force", "--format", "csv", "--db", small_log), "keeps backups"
    )
    assert sha(copy) == before
    moved = tmp_path / "on-a-stick.sqlite3"  # a backup copied elsewhere is still a database
    moved.write_bytes(copy.read_bytes())
    refused(
        inproc("export-list", "--out", moved, "--force", "--format", "csv", "--db", small_log),
        "is a database",
    )
    assert sha(moved) == before
    refused(inproc("export-list", "--out", copy.parent / "list.csv", "--db", small_log), "keeps backups")
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_backups_never_collide_and_sit_beside_their_log(small_log, tmp_path):
    other = tmp_path / "other" / "mine.sqlite3"  # the same name, another folder
    other.parent.mkdir()
    other.write_bytes(small_log.read_bytes())
    db = connect(small_log)
    made = [backup(db) for _ in range(30)]  # many in the same millisecond
    assert len(set(made)) == 30 and all(p.parent == small_log.parent / "backups" for p in made)
    assert all(
        p.name.startswith("mine-") and p.name.endswith(f"-manual-v{dbmod.SCHEMA_VERSION}.sqlite3")
        for p in made
    )
    assert backup(connect(other)).parent == other.parent / "backups"
    for path in made[:3]:
        assert sqlite3.connect(path).execute("SELECT title FROM requests").fetchall() == [("MOU drafts",)]
    assert not list((small_log.parent / "backups").glob(".*.part"))


def test_two_logs_upgraded_in_the_same_instant_keep_both_backups(small_log, tmp_path, monkeypatch):
    from sqlite_utils import Migrations

    logs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        logs.append(folder / "foiadesk.sqlite3")
        logs[-1].write_bytes(small_log.read_bytes())
    version = dbmod.SCHEMA_VERSION  # what the logs are at before the upgrade
    newer = Migrations("foiadesk")
    newer._migrations = list(dbmod.migrations._migrations)
    newer()(lambda database: database.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)"))
    newer._migrations[-1].name = "m900_extra"
    monkeypatch.setattr(dbmod, "migrations", newer)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(newer._migrations))
    for path in logs:
        connect(path).close()
    for path in logs:
        kept = list((path.parent / "backups").glob(f"foiadesk-*-before-upgrade-v{version}.sqlite3"))
        assert len(kept) == 1, kept


def limited(cmd: list[str], max_bytes: int) -> subprocess.CompletedProcess:
    """``cmd`` with files capped at ``max_bytes`` (writing past it fails as on a full disk)."""

    def cap():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return subprocess.run(
        [sys.executable, "-m", "foiadesk", *map(str, cmd)],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=120,
    )


def visible_and_hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_full_disk_leaves_no_empty_backup_export_or_letter(tmp_path):
    from foiadesk.core.demo import write_demo

    path = tmp_path / "big.sqlite3"
    write_demo(path, requests=1000, seed=2)
    connect(path).close()
    out = tmp_path / "out"
    out.mkdir()
    before = sha(path)
    cap = 36 * 1024  # room for the log's 32 KB -shm file, not for any of these outputs
    line = refused(limited(["backup", "--out", out / "copy.sqlite3", "--db", path], cap), str(out))
    assert "no backup was made" in line
    refused(limited(["backup", "--db", path], cap), str(tmp_path / "backups"))
    refused(limited(["export-list", "--out", out / "list.csv", "--db", path], cap), str(out))
    refused(
        limited(["export", "--request", 1, "--no-pdf", "--out", out / "b.zip", "--db", path], cap), str(out)
    )
    assert visible_and_hidden(out) == []  # no 0-byte file, no hidden .part left behind
    assert visible_and_hidden(tmp_path / "backups") == []
    assert sha(path) == before


def test_a_full_disk_names_the_disk_that_is_full(tmp_path, small_log):
    """A real small disk (needs root to mount): the backup fails there and says where."""
    disk = tmp_path / "small-disk"
    if not mount_tmpfs(disk, size="64k"):
        pytest.skip("needs root to mount a small file system")
    try:
        from foiadesk.core.demo import write_demo

        path = tmp_path / "big.sqlite3"
        write_demo(path, requests=300, seed=2)
        line = refused(foiadesk("backup", "--out", disk / "copy.sqlite3", "--db", path), str(disk))
        assert "No space left" in line or "full" in line
        assert visible_and_hidden(disk) == []
    finally:
        unmount(disk)


KILLED_EXPORT = r"""
import sys
from datetime import date
from foiadesk.core.export import files as export_files
from foiadesk.core.store.db import connect
from foiadesk.core.export.sheet import ListFilter, export_list
real = export_files.clean_text
def slow(text):  # hold the export open so it can be killed half-way
    print("writing", flush=True)
    import time; time.sleep(30)
    return real(text)
import foiadesk.core.export.sheet as el
el.clean_text = slow
export_list(connect(sys.argv[1]), ListFilter(), sys.argv[2], fmt="csv", as_of=date(2026, 11, 25))
"""


def test_a_killed_exports_leftover_is_cleaned_up_by_the_next_run(small_log, tmp_path):
    out = tmp_path / "list.csv"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(small_log), str(out)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "writing"
    leftovers = list(tmp_path.glob(".list.csv.*.part"))
    assert len(leftovers) == 1
    proc.kill()
    proc.wait()
    assert leftovers[0].exists() and not out.exists()  # killed: the final name was never used
    assert foiadesk("export-list", "--out", tmp_path / "other.csv", "--db", small_log).returncode == 0
    assert not leftovers[0].exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
