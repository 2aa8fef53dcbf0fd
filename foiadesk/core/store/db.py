"""The only place that opens SQLite: path, pragmas, schema migrations, backups.

One file per user (platformdirs data folder unless ``--db`` or $FOIADESK_DB says
otherwise), in WAL mode with foreign keys on and a busy timeout. The schema is
code: each migration below runs once, in its own transaction, and is recorded in
``_sqlite_migrations``; ``PRAGMA user_version`` mirrors the count so other tools
can read the version. Before an existing database is upgraded, a backup copy is
written next to the other backups.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database, Migrations

from foiadesk.core.errors import UserError
from foiadesk.core.paths import data_dir, default_db_path

BUSY_TIMEOUT_MS = 5000

migrations = Migrations("foiadesk")


class StorageError(UserError):
    """The database cannot be used; the message says why and what to do."""


@migrations()
def m001_initial(db: Database) -> None:
    """The first released schema."""
    db.executescript(
        """
        CREATE TABLE requesters (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            organization TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            fee_category TEXT NOT NULL DEFAULT 'other' CHECK (fee_category IN
                ('commercial', 'educational', 'scientific', 'news_media', 'other')),
            fee_category_basis TEXT NOT NULL DEFAULT '',
            signature_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE agencies (
            id INTEGER PRIMARY KEY,
            abbr TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL
        );
        CREATE TABLE components (
            id INTEGER PRIMARY KEY,
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            abbr TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            pack_json TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            case_id INTEGER REFERENCES cases(id),
            component_id INTEGER NOT NULL REFERENCES components(id),
            requester_id INTEGER REFERENCES requesters(id),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            description TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX requests_case ON requests(case_id);
        CREATE INDEX requests_component ON requests(component_id);
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('out', 'in', 'internal')),
            channel TEXT,
            occurred_on TEXT NOT NULL CHECK (date(occurred_on) = occurred_on),
            agency_received_on TEXT CHECK (agency_received_on IS NULL
                OR date(agency_received_on) = agency_received_on),
            named_date TEXT CHECK (named_date IS NULL OR date(named_date) = named_date),
            outcome TEXT,
            amount_cents INTEGER,
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            voided_at TEXT
        );
        CREATE INDEX events_request ON events(request_id, occurred_on);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            filename TEXT NOT NULL,
            mime TEXT NOT NULL DEFAULT 'application/octet-stream',
            UNIQUE (event_id, sha256)
        );
        CREATE TABLE tracking_numbers (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
            number TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'request',
            UNIQUE (request_id, number)
        );
        CREATE TABLE fees (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('cap', 'estimate', 'payment', 'waiver')),
            amount_cents INTEGER NOT NULL
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE request_tags (
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (request_id, tag_id)
        );
        """
    )
    db.table("requests").enable_fts(["title", "description"], create_triggers=True)
    db.table("events").enable_fts(["summary", "body"], create_triggers=True)
    db.table("notes").enable_fts(["body"], create_triggers=True)


@migrations()
def m002_indexes_and_dissemination(db: Database) -> None:
    """Faster event and fee look-ups; a requester profile keeps how its holder publishes
    (the fee-waiver and expedite letters argue from it)."""
    db.execute("CREATE INDEX tracking_numbers_event ON tracking_numbers(event_id)")
    db.execute("CREATE INDEX fees_request ON fees(request_id)")
    db.execute("ALTER TABLE requesters ADD COLUMN dissemination TEXT NOT NULL DEFAULT ''")


@migrations()
def m003_event_links(db: Database) -> None:
    """A referral names the request it created or linked at the receiving agency."""
    db.execute("ALTER TABLE events ADD COLUMN linked_request_id INTEGER REFERENCES requests(id)")


SCHEMA_VERSION = len(migrations._migrations)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path | str | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) a FoiaDesk database with the pragmas set and the
    schema brought up to date. Raises StorageError with a readable message."""
    path = Path(path) if path is not None else default_db_path()
    if str(path) != ":memory:":
        if path.exists() and path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the folder for {path}: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")  # WAL + FULL: a committed event survives power loss
        if str(path) != ":memory:":
            db.enable_wal()
        if migrate:
            _upgrade(db, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(describe_sqlite_error(exc, path)) from None
    return db


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another FoiaDesk window or program is writing to it. Close it and try again."
    if "not a database" in text or "malformed" in text:
        return f"{path} is not a FoiaDesk database or is damaged ({text}). Restore a backup."
    if "readonly" in text or "unable to open" in text:
        return f"cannot write {path} ({text}): check the folder's permissions."
    return f"{path}: {text}"


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def _upgrade(db: Database, path: Path) -> None:
    pending = migrations.pending(db)
    if not pending:
        return
    ours = not any(not t.startswith(("_", "sqlite_")) for t in db.table_names()) or migrations.applied(db)
    if not ours:
        raise StorageError(
            f"{path} is an SQLite database of another program, not FoiaDesk's; choose another file."
        )
    if str(path) != ":memory:" and any(t for t in db.table_names() if not t.startswith("_")):
        backup(db, reason=f"before-upgrade-v{schema_version(db)}")
    migrations.apply(db)
    _restore_search(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


SEARCHED = {"requests": ["title", "description"], "events": ["summary", "body"], "notes": ["body"]}


def _restore_search(db: Database) -> None:
    """Re-create full-text indexes whose sync triggers a migration dropped
    (``table.transform()`` drops every trigger of the table it rebuilds)."""
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table, columns in SEARCHED.items():
        if table in db.table_names() and f"{table}_ai" not in triggers:
            db.table(table).enable_fts(columns, create_triggers=True, replace=True)


def backups_dir() -> Path:
    return data_dir() / "backups"


def backup(db: Database, dest: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the live database (consistently, even while in use) to ``dest`` or to a
    time-stamped file in the backups folder. Returns the path written."""
    if dest is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backups_dir() / f"foiadesk-{stamp}-{reason}.sqlite3"
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        db.conn.backup(target)
    finally:
        target.close()
    return dest


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taken with BEGIN IMMEDIATE so a busy database waits
    for the lock up front instead of failing half-way; rolled back on any error."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StorageError(describe_sqlite_error(exc, db_path(db))) from None
    try:
        yield db
    except BaseException:
        conn.rollback()
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.rollback()
            raise StorageError(describe_sqlite_error(exc, db_path(db))) from None


def db_path(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"
