"""The database file: pragmas, clear errors, backups, upgrades without loss, crash safety."""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from foiadesk.core.store import db as dbmod
from foiadesk.core.store import log
from foiadesk.core.store.db import SCHEMA_VERSION, StorageError, cannot_open, connect, schema_version

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"


def test_connection_pragmas(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == dbmod.BUSY_TIMEOUT_MS
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_default_path_and_environment_override(tmp_path, monkeypatch, isolated_data_dir):
    assert dbmod.default_db_path() == isolated_data_dir / "foiadesk.sqlite3"
    monkeypatch.setenv("FOIADESK_DB", str(tmp_path / "elsewhere.sqlite3"))
    connect().close()
    assert (tmp_path / "elsewhere.sqlite3").exists()


def test_locked_database_gives_a_clear_message_and_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "busy.sqlite3"
    connect(path).close()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)
    database = connect(path)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="is busy: another FoiaDesk window"):
            log.add_requester(database, name="Dana")
    finally:
        other.rollback()
        other.close()
    assert database.execute("SELECT count(*) FROM requesters").fetchone()[0] == 0


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"These are my meeting notes, not a database." * 100)
    with pytest.raises(StorageError, match="is not a FoiaDesk database or is damaged"):
        connect(path)
    assert path.read_bytes().startswith(b"These are my meeting notes")


def test_backup_is_a_complete_copy(tmp_path):
    from foiadesk.core.demo import write_demo

    write_demo(tmp_path / "live.sqlite3", requests=40, today=date(2026, 11, 25))
    live = connect(tmp_path / "live.sqlite3")
    copy = connect(dbmod.backup(live, tmp_path / "copy.sqlite3"))
    for table in ("requests", "events", "tracking_numbers"):
        q = f"SELECT count(*) FROM {table}"
        assert copy.execute(q).fetchone() == live.execute(q).fetchone()


def table_contents(conn) -> dict[str, list[dict]]:
    """Every row of every ordinary table (search indexes and SQLite's own left out), by rowid."""
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not name.startswith(("sqlite_", "_")) and "_fts" not in name
    ]
    contents = {}
    for table in tables:
        cursor = conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        contents[table] = [dict(zip(names, row, strict=True)) for row in cursor]
    return contents


def lost_values(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> list[str]:
    """What an upgrade lost: tables, rows, and values that changed or vanished."""
    lost = []
    for table, rows in before.items():
        now = after.get(table)
        if now is None or len(now) != len(rows):
            lost.append(f"{table}: {len(rows)} rows before, {len(now or [])} after")
            continue
        for old_row, new_row in zip(rows, now, strict=True):
            lost += [
                f"{table}.{k}: {v!r} became {new_row.get(k)!r}"
                for k, v in old_row.items()
                if new_row.get(k, ...) != v
            ]
    return lost


def test_the_upgrade_check_catches_a_migration_that_wipes_a_column(tmp_path, monkeypatch):
    """A migration that blanks every agency receipt date keeps the row counts; the content
    comparison must still fail it."""
    fixture = sorted(SCHEMAS.glob("v*.sqlite3"))[-1]
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    newer = Migrations("foiadesk")
    newer._migrations = list(dbmod.migrations._migrations)

    @newer()
    def m999_careless(database):
        database.execute("UPDATE events SET agency_received_on = NULL")

    monkeypatch.setattr(dbmod, "migrations", newer)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(newer._migrations))
    before = table_contents(sqlite3.connect(f"file:{fixture}?mode=ro", uri=True))
    lost = lost_values(before, table_contents(connect(path).conn))
    assert lost and all(line.startswith("events.agency_received_on") for line in lost)


@pytest.mark.parametrize("fixture", sorted(SCHEMAS.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_without_loss(tmp_path, fixture):
    expected = json.loads(fixture.with_suffix(".json").read_text())
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    upgraded = connect(path)
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert schema_version(upgraded) == SCHEMA_VERSION
    for table, n in expected["counts"].items():
        assert upgraded.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n, table
    # Every row keeps every value it had: compared column by column, table by table.
    before = table_contents(sqlite3.connect(f"file:{fixture}?mode=ro", uri=True))
    assert lost_values(before, table_contents(upgraded.conn)) == []
    # Search still finds rows written after the upgrade (FTS triggers survived it).
    request_id = upgraded.execute("SELECT min(id) FROM requests").fetchone()[0]
    log.add_note(upgraded, request_id, "zebracrossing note after upgrade")
    assert log.search(upgraded, "zebracrossing") == [request_id]


def test_an_upgrade_backs_up_first_and_keeps_data(tmp_path, monkeypatch, isolated_data_dir):
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    log.add_requester(old, name="Dana")
    old.close()
    newer = Migrations("foiadesk")
    newer._migrations = list(dbmod.migrations._migrations)

    @newer()
    def m999_add_pronouns(database):
        database["requesters"].add_column("pronouns", str)
        database["notes"].transform(
            column_order=["id", "request_id", "created_at"]
        )  # drops its search triggers

    monkeypatch.setattr(dbmod, "migrations", newer)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(newer._migrations))
    upgraded = connect(path)
    assert "pronouns" in upgraded["requesters"].columns_dict
    assert upgraded.execute("SELECT name FROM requesters").fetchall() == [("Dana",)]
    # Beside the log, named after it, with the schema version it was copied at.
    backups = list((tmp_path / "backups").glob(f"old-*-before-upgrade-v{SCHEMA_VERSION}.sqlite3"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("SELECT name FROM requesters").fetchall() == [("Dana",)]
    # Search still finds notes written after the rebuild.
    component = log.ensure_component(
        upgraded,
        abbr="SSA",
        name="Social Security Administration",
        agency_abbr="SSA",
        agency_name="Social Security Administration",
    )
    request_id = log.add_request(upgraded, title="Data agreement", component_id=component).new_id
    log.add_note(upgraded, request_id, "quokka sighted in the reading room")
    assert log.search(upgraded, "quokka") == [request_id]


WRITER = r"""
import sys, os
from datetime import date
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
db = connect(sys.argv[1])
comp = log.ensure_component(db, abbr="IRS", name="Internal Revenue Service", agency_abbr="TREAS",
                            agency_name="Department of the Treasury")
request_id = None
n = 0
while True:
    if n % 40 == 0:
        request_id = log.add_request(db, title=f"Request {n}", component_id=comp).new_id
    data = os.urandom(20000 + n % 7 * 5000)
    ch = log.record_event(db, request_id, log.NewEvent("note", date(2026, 1, 2), body="x" * (n % 500),
                          files=(log.Attachment(f"scan-{n}.pdf", data),)))
    n += 1
    print(ch.new_id, flush=True)
"""


def test_killing_a_writer_mid_write_never_corrupts_or_loses_committed_events(tmp_path):
    path = tmp_path / "crash.sqlite3"
    connect(path).close()
    rng = random.Random(3)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    committed = 0
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env, text=True
        )
        first = proc.stdout.readline()  # the writer is running and has committed once
        assert first.strip(), "writer did not start"
        time.sleep(rng.uniform(0.02, 0.25))
        proc.send_signal(signal.SIGKILL)
        out = first + proc.stdout.read()
        proc.wait()
        ids = [int(x) for x in out.split()]
        check = sqlite3.connect(path)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        count = check.execute("SELECT count(*) FROM events").fetchone()[0]
        attached = check.execute("SELECT count(*) FROM attachments").fetchone()[0]
        orphans = check.execute(
            "SELECT count(*) FROM attachments a LEFT JOIN files f USING (sha256) WHERE f.sha256 IS NULL"
        ).fetchone()[0]
        check.close()
        committed += len(ids)
        # Every event reported as committed is there; at most one more committed unreported.
        assert committed <= count <= committed + 1
        committed = count
        assert orphans == 0
        assert attached == count  # every event was committed together with its file


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "photos.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
    other.commit()
    other.close()
    with pytest.raises(StorageError, match="another program, not FoiaDesk's"):
        connect(path)
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"albums"}


def test_only_trouble_with_the_file_itself_is_told_as_such(tmp_path):
    """A damaged page, a full disk or a lock is the file's doing and gets its own words; an
    SQL mistake is FoiaDesk's bug and is reported as one (None here)."""
    import sqlite3

    from foiadesk.core.store.db import storage_message

    log = tmp_path / "log.sqlite3"
    damaged = storage_message(sqlite3.DatabaseError("database disk image is malformed"), log)
    assert damaged and "is damaged" in damaged and str(tmp_path / "backups") in damaged
    assert "disk is full" in storage_message(sqlite3.OperationalError("database or disk is full"), log)
    assert "busy" in storage_message(sqlite3.OperationalError("database is locked"), log)
    assert storage_message(sqlite3.OperationalError("no such column: estimate_done"), log) is None
    assert storage_message(sqlite3.IntegrityError("FOREIGN KEY constraint failed"), log) is None
    assert storage_message(ValueError("malformed"), log) is None


def test_no_sqlite_utils_plugin_runs_on_a_log_connection(tmp_path, monkeypatch):
    """Plugins installed beside sqlite-utils would prepare every connection to a log:
    none are looked for, on the log's connection, a read-only one or a side reader."""
    import sqlite_utils.plugins

    from foiadesk.core.store import index_read

    def looked():
        raise AssertionError("sqlite-utils plugins were loaded")

    monkeypatch.setattr(sqlite_utils.plugins, "_plugins_loaded", False)
    monkeypatch.setattr(sqlite_utils.plugins, "ensure_plugins_loaded", looked)
    monkeypatch.setattr("sqlite_utils.db.ensure_plugins_loaded", looked)
    db = connect(tmp_path / "log.sqlite3")
    assert index_read.side_reader(db) is not None
    (tmp_path / "log.sqlite3").chmod(0o444)
    try:
        assert dbmod.read_only_reason(connect(tmp_path / "log.sqlite3")) or os.geteuid() == 0
    finally:
        (tmp_path / "log.sqlite3").chmod(0o644)


def test_a_letter_or_a_note_could_not_be_a_log(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("call the FOIA officer")
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    log = tmp_path / "log.sqlite3"
    connect(log).close()
    assert cannot_open(note) == f"{note} is not a FoiaDesk log."
    firefox = tmp_path / "places.sqlite"  # another program's database
    with sqlite3.connect(firefox) as other:
        other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    assert cannot_open(firefox) == f"{firefox} is not a FoiaDesk log."
    assert cannot_open(tmp_path) == f"{tmp_path} is a folder, not a log file."
    assert cannot_open(log) is cannot_open(empty) is cannot_open(tmp_path / "new.sqlite3") is None


def test_a_log_cut_short_or_overwritten_cannot_be_opened(tmp_path):
    """A copy that stopped part way (the header still says how long the file is), or pages
    overwritten: said as damage, with where the backups are."""
    log = tmp_path / "log.sqlite3"
    db = connect(log)
    db["padding"].insert_all({"text": "x" * 500} for _ in range(200))  # a few pages
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = log.read_bytes()
    assert cannot_open(log) is None
    short = tmp_path / "short.sqlite3"
    short.write_bytes(data[: len(data) // 2])
    assert cannot_open(short).startswith(f"{short} is not a FoiaDesk database or is damaged")
    garbled = tmp_path / "garbled.sqlite3"
    garbled.write_bytes(data[:100] + bytes(range(256)) * ((len(data) - 100) // 256 + 1))
    said = cannot_open(garbled)
    assert said.startswith(f"{garbled} is not a FoiaDesk database or is damaged")
    assert said.endswith(f"Restore a backup: the automatic ones are in {tmp_path / 'backups'}.")


def test_every_reference_to_another_row_is_indexed(tmp_path):
    """With foreign keys on, deleting a row looks for the rows that name it: without an
    index on each such column that is a read of the whole table (seconds for a request of
    a large log, whose events are scanned)."""
    db = connect(tmp_path / "log.sqlite3")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    unindexed = []
    for table in tables:
        firsts = {
            db.execute(f"PRAGMA index_info('{index[1]}')").fetchone()[2]
            for index in db.execute(f"PRAGMA index_list('{table}')")
        }
        unindexed += [
            f"{table}.{fk[3]}"
            for fk in db.execute(f"PRAGMA foreign_key_list('{table}')")
            if fk[3] not in firsts
        ]
    assert unindexed == []
    for parent in ("requests", "events", "requesters", "tags", "files", "agencies"):
        key = "sha256" if parent == "files" else "id"
        plan = db.execute(f"EXPLAIN QUERY PLAN DELETE FROM {parent} WHERE {key} = 1").fetchall()
        assert not [step for step in plan if step[3].startswith("SCAN")], (parent, plan)


def test_needs_upgrade_only_for_a_log_an_earlier_foiadesk_wrote(tmp_path):
    from foiadesk.core.store.db import needs_upgrade

    current = tmp_path / "current.sqlite3"
    connect(current).close()
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear FOIA Officer,")
    assert not needs_upgrade(current)
    assert not needs_upgrade(tmp_path / "missing.sqlite3") and not (tmp_path / "missing.sqlite3").exists()
    assert not needs_upgrade(letter)
    with sqlite3.connect(current) as conn:
        conn.execute("PRAGMA user_version = 3")
    assert needs_upgrade(current)
