"""The only place that opens SQLite: path, pragmas, schema migrations, backups.

One file per user (platformdirs data folder unless ``--db`` or $FOIADESK_DB says
otherwise), in WAL mode with foreign keys on and a busy timeout. The schema is
code: each migration below runs once, in its own transaction, and is recorded in
``_sqlite_migrations``; ``PRAGMA user_version`` mirrors the count so other tools
can read the version. Before an existing database is upgraded, a backup copy is
written to the backups folder beside it.

A log is checked (``PRAGMA quick_check``) when it is opened. A damaged log, or one
written by a newer FoiaDesk, is opened read-only: it can be read and exported, and every
write is refused with the reason (``read_only_reason``).
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database, Migrations

from foiadesk.core.errors import UserError
from foiadesk.core.paths import default_db_path
from foiadesk.core.store import clock_packs, tracking_texts

BUSY_TIMEOUT_MS = 5000
UPGRADE_WAIT_MS = 30_000  # creating or upgrading a log is rare: wait longer for the others

migrations = Migrations("foiadesk")


class StorageError(UserError):
    """The database cannot be used; the message says why and what to do."""


@migrations()
def m001_initial(db: Database) -> None:
    """The first released schema. Statement by statement: ``executescript`` would commit
    the transaction that keeps two processes from creating the same log at once."""
    script = """
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
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
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


# Whatever a request's row in the list is read from: the request, its events, tracking
# numbers, fees and tags, and the names of its component and tags.
_VERSIONED = {
    "requests": ("INSERT", "UPDATE OF title, component_id, case_id", "DELETE"),
    "events": ("INSERT", "UPDATE", "DELETE"),
    "tracking_numbers": ("INSERT", "UPDATE", "DELETE"),
    "fees": ("INSERT", "UPDATE", "DELETE"),
    "request_tags": ("INSERT", "DELETE"),
}
# A new version: the next change number, shifted past 20 random bits.
_NEXT_VERSION = (
    "((((SELECT coalesce(max(version), 0) FROM request_versions) >> 20) + 1) << 20) | (random() & 1048575)"
)


@migrations()
def m004_request_versions(db: Database) -> None:
    """Every write that changes what a request's list row is read from gives the request
    a new version, by whoever writes (the triggers live in the file): the next change
    number, so "what changed since" is one indexed look-up, with random low bits, so a
    log restored from a backup and changed again does not pass for the other branch.
    A deleted request keeps its row, so its deletion is seen too."""
    db.execute("CREATE TABLE request_versions (request_id INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    db.execute("CREATE INDEX request_versions_version ON request_versions(version)")
    db.execute("INSERT INTO request_versions SELECT id, (1 << 20) | (random() & 1048575) FROM requests")
    for table, events in _VERSIONED.items():
        key = "id" if table == "requests" else "request_id"
        for event in events:
            rows = ("OLD",) if event == "DELETE" else ("NEW",) if event == "INSERT" else ("OLD", "NEW")
            body = " ".join(_bump(f"{row}.{key}") for row in rows)
            name = f"{table}_version_{event.split()[0].lower()}"
            db.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body} END")
    renamed = {
        "tags": "SELECT request_id FROM request_tags WHERE tag_id = NEW.id",
        "components": "SELECT id FROM requests WHERE component_id = NEW.id",
    }
    for table, select in renamed.items():
        db.execute(
            f"CREATE TRIGGER {table}_version_update AFTER UPDATE ON {table} BEGIN "
            f"UPDATE request_versions SET version = {_NEXT_VERSION} WHERE request_id IN ({select}); END"
        )


def _bump(request: str) -> str:
    """A trigger's statements giving ``request`` its next version. No INSERT OR REPLACE:
    the statement that fires a trigger imposes its own conflict rule on the trigger's (an
    INSERT OR IGNORE into request_tags would make it ignore the new version)."""
    return (
        f"UPDATE request_versions SET version = {_NEXT_VERSION} WHERE request_id = {request}; "
        f"INSERT INTO request_versions SELECT {request}, {_NEXT_VERSION} "
        f"WHERE NOT EXISTS (SELECT 1 FROM request_versions WHERE request_id = {request});"
    )


@migrations()
def m005_clock_packs(db: Database) -> None:
    """Each request's events as the list reads them, in one string kept by triggers: a
    large log's first opening reads a string per request (``clock_packs``)."""
    clock_packs.rebuild(db)


@migrations()
def m006_tracking_texts(db: Database) -> None:
    """Each request's tracking numbers as the list shows them, in one text kept by
    triggers: a large log's first opening reads a row per request (``tracking_texts``)."""
    tracking_texts.create(db)


@migrations()
def m007_foreign_key_indexes(db: Database) -> None:
    """An index on every column that refers to another table's row and had none: with
    foreign keys on, deleting a request looked for rows naming it in every event (four
    seconds at a million requests), and a request's notes were found by reading them all."""
    db.execute("CREATE INDEX notes_request ON notes(request_id)")
    db.execute("CREATE INDEX events_linked ON events(linked_request_id) WHERE linked_request_id IS NOT NULL")
    db.execute("CREATE INDEX fees_event ON fees(event_id) WHERE event_id IS NOT NULL")
    db.execute("CREATE INDEX request_tags_tag ON request_tags(tag_id)")
    db.execute("CREATE INDEX requests_requester ON requests(requester_id) WHERE requester_id IS NOT NULL")
    db.execute("CREATE INDEX attachments_file ON attachments(sha256)")
    db.execute("CREATE INDEX components_agency ON components(agency_id)")


SCHEMA_VERSION = len(migrations._migrations)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


OPEN_LOGS: set[Path] = set()
"""Every log this process opened: outputs must never land on one (see ``is_log_file``)."""

SIDE_FILES = ("-wal", "-shm", "-journal")


def connect(path: Path | str | None = None, *, migrate: bool = True, check: bool = True) -> Database:
    """Open (creating if needed) a FoiaDesk database with the pragmas set and the
    schema brought up to date. Raises StorageError with a readable message.

    A log that is damaged, newer than this FoiaDesk, or on a read-only medium opens
    read-only; ``read_only_reason(db)`` then says why and every write is refused.
    ``check=False`` leaves the check for damage to ``check_now`` (a log about to be
    upgraded is still checked first: its backup checks it)."""
    path = Path(path) if path is not None else default_db_path()
    memory = str(path) == ":memory:"
    if not memory:
        if path.exists() and not path.is_file():
            what = "a folder" if path.is_dir() else "not a regular file"
            raise StorageError(f"{path} is {what}, not a database file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the folder for {path}: {exc.strerror}") from None
        OPEN_LOGS.add(path.resolve())
    try:
        if not memory and path.exists() and not _writable(path):
            return _open_read_only(
                path,
                f"{path} is on a read-only disk or folder (or the file is read-only): "
                "it is open for reading and exporting only.",
            )
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        # No sqlite-utils plugins: whatever is installed beside it would run on every log
        # connection (code that is not ours, and ~35 ms of each start to look for it).
        db = Database(conn, execute_plugins=False)
        _pragmas(db)
        if not memory:
            problem = _damage(db, path) if migrate and check else None
            if problem is None:
                problem = _newer(db, path)
            if problem is not None:
                db.close()
                return _open_read_only(path, problem)
            db.enable_wal()
            setattr(db, "file_identity", _identity(path))  # noqa: B010 - ours, for ``file_swapped``
        if migrate:
            _upgrade(db, path)
            _repack_if_stale(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError(describe_sqlite_error(exc, path)) from None
    return db


def cannot_open(path: Path | str) -> str | None:
    """Why no log can be opened from ``path``, found without opening it, so the window can
    refuse it and keep the log open now: a folder, a letter, a note or another program's
    database picked by mistake, or a database too damaged to read (cut short by a copy
    that stopped, say). None for a new or empty file or a log to try: ``connect`` says
    what else is wrong."""
    path = Path(path)
    try:
        if path.is_dir():
            return f"{path} is a folder, not a log file."
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as fh:
            head = fh.read(100)
        if head[:16] != b"SQLite format 3\x00":
            return f"{path} is not a FoiaDesk log."
        if _cut_short(head, path.stat().st_size):
            return describe_sqlite_error(sqlite3.DatabaseError("database disk image is malformed"), path)
        probe = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            db = Database(probe, execute_plugins=False)
            if _tables(db) and not migrations.applied(db):
                return f"{path} is not a FoiaDesk log."
        except sqlite3.DatabaseError as exc:
            return describe_sqlite_error(exc, path)
        finally:
            probe.close()
    except (OSError, sqlite3.Error):
        return None  # ``connect`` says what is wrong
    return None


def _cut_short(head: bytes, size: int) -> bool:
    """Whether an SQLite file is shorter than its header says it is (the file format:
    the page size at offset 16, the page count at 28, valid when the change counter at
    24 equals the number at 92)."""
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    valid = pages > 0 and head[24:28] == head[92:96]
    return valid and size < pages * page


def _pragmas(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")  # WAL + FULL: a committed event survives power loss


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _open_read_only(path: Path, reason: str) -> Database:
    """The log opened so that nothing can write to it; ``reason`` is kept for messages."""
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        # A WAL log on a read-only medium without its -shm file: read it as it stands.
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA query_only = ON")
    setattr(db, "read_only_reason", reason)  # noqa: B010 - an attribute of our own on the connection
    return db


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def file_swapped(db: Database) -> str | None:
    """Why the file at the log's path is no longer the one this connection has open (deleted,
    moved, or replaced by another file while FoiaDesk had it open), or None. A write then
    would go to a file nobody can open again: it would be lost when FoiaDesk closes."""
    opened = getattr(db, "file_identity", None)
    if opened is None:
        return None
    path = Path(db_path(db))
    now = _identity(path)
    if now == opened:
        return None
    if now is None:
        happened = "was deleted or moved"
    else:
        happened = "was replaced by another file"
    return (
        f"{path} {happened} while FoiaDesk had it open: nothing more can be saved to it. "
        "Log › Back up now keeps a copy of the log as this window has it; then open the log "
        "you mean to use (Log › Open another log, Ctrl+O)."
    )


def check_now(db: Database) -> str | None:
    """The check for damage ``connect(…, check=False)`` left for later (the window shows
    the list first: the check reads every page, seconds on a large log). None when the
    log is sound; else what is wrong, and from here on the connection refuses writes."""
    path = Path(db_path(db))
    try:
        problem = _damage(db, path)
    except sqlite3.DatabaseError as exc:
        problem = describe_sqlite_error(exc, path)
    if problem is not None:
        db.execute("PRAGMA query_only = ON")
        setattr(db, "read_only_reason", problem)  # noqa: B010 - as _open_read_only does
    return problem


def read_only_reason(db: Database) -> str | None:
    """Why this log was opened read-only, or None when it can be written."""
    return getattr(db, "read_only_reason", None)


def quick_check(db: Database) -> str | None:
    """None when SQLite finds the file's structure sound, else what it found."""
    try:
        rows = db.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = [r[0] for r in rows]
    if found == ["ok"]:
        return None
    text = " ".join(" ".join(found).replace("*** in database main ***", "").split())  # one line
    return text[:160] + ("…" if len(text) > 160 else "")


CHECKED_NAME = "checked-logs.json"  # in the data folder: logs found sound, as they were then


def _stamp(path: Path) -> list[int] | None:
    """What changes when a log is written: its size, time and inode, and its WAL's."""
    try:
        st = path.stat()
        wal = path.with_name(path.name + "-wal")
        wst = wal.stat() if wal.exists() and wal.stat().st_size else None
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino, wst.st_size if wst else 0, wst.st_mtime_ns if wst else 0]


def _checked_file() -> Path:
    from foiadesk.core.paths import data_dir

    return data_dir() / CHECKED_NAME


def _known_sound(path: Path, stamp: list[int] | None) -> bool:
    import json

    try:
        return stamp is not None and json.loads(_checked_file().read_text()).get(str(path.resolve())) == stamp
    except (OSError, ValueError, AttributeError):
        return False


def _remember_sound(path: Path, stamp: list[int] | None) -> None:
    """Note that this log, as it is now, passed the check (best effort: a read-only data
    folder only means the next open checks again)."""
    import json

    if stamp is None:
        return
    file = _checked_file()
    try:
        known = json.loads(file.read_text()) if file.exists() else {}
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    known[str(path.resolve())] = stamp
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
        tmp.write_text(json.dumps(known))
        os.replace(tmp, file)
    except OSError:
        pass


def _damage(db: Database, path: Path) -> str | None:
    """Why the log is damaged, or None. A log unchanged since it last passed is not read
    again (the check reads every page: 0.6 s at 100,000 requests, more with many files)."""
    stamp = _stamp(path)
    if _known_sound(path, stamp):
        return None
    problem = quick_check(db)
    if problem is None:
        _remember_sound(path, stamp)
        return None
    if "not a database" in problem:
        raise sqlite3.DatabaseError(problem)  # nothing readable: refused as a whole
    return (
        f"{db_path(db)} is damaged (SQLite found: {problem}). It is open read-only: "
        "restore a backup, or export what can still be read."
    )


def _newer(db: Database, path: Path) -> str | None:
    """A reason to refuse writes when a newer FoiaDesk wrote this log."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if version <= SCHEMA_VERSION and not unknown:
        return None
    needed = max(version, len(migrations.applied(db)))
    return (
        f"{path} was written by a newer FoiaDesk (schema version {needed}; this one knows up to "
        f"{SCHEMA_VERSION}). It is open read-only: install a FoiaDesk that knows schema "
        f"version {needed} to change it."
    )


STORAGE_TROUBLE = ("locked", "busy", "not a database", "malformed", "readonly", "unable to open", "disk")


def storage_message(error: BaseException, path: Path | str) -> str | None:
    """What to tell the user about a problem with the file itself that reached the window (a
    page found damaged mid-read, a full disk, a lock), or None for anything else: an SQL
    mistake is a bug, reported as one."""
    if isinstance(error, sqlite3.Error) and any(word in str(error) for word in STORAGE_TROUBLE):
        return describe_sqlite_error(error, path)
    return None


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another FoiaDesk window or program is writing to it. Close it and try again."
    if "not a database" in text or "malformed" in text:
        return (
            f"{path} is not a FoiaDesk database or is damaged ({text}). Nothing was changed. "
            f"Restore a backup: the automatic ones are in {backups_dir(path)}."
        )
    if "attempt to write a readonly database" in text:
        return f"{path} is open read-only; nothing was written."
    if "readonly" in text or "unable to open" in text:
        return f"cannot write {path} ({text}): check the folder's permissions."
    if "disk is full" in text or "disk I/O" in text:
        return f"cannot write {path}: its disk is full or failing ({text}); nothing was written."
    if "already exists" in text:
        return f"{path} was being created by another FoiaDesk at the same moment; try again."
    return f"{path}: {text}"


def needs_upgrade(path: Path | str) -> bool:
    """Whether opening ``path`` will upgrade a log an earlier FoiaDesk wrote (a backup,
    then the migrations: about a minute at a million requests). Read without opening the
    log for writing; False for a new, current or unreadable file."""
    try:
        probe = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        version = probe.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return 0 < version < SCHEMA_VERSION


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def _upgrade(db: Database, path: Path) -> None:
    """Apply pending migrations, one process at a time: the write lock is taken first,
    so several FoiaDesks creating the same new log at once do not collide. An existing
    log is backed up first (a backup cannot run inside the write transaction)."""
    if not migrations.pending(db):
        return
    _refuse_foreign(db, path)
    if _tables(db) and str(path) != ":memory:":
        try:
            backup(db, reason="before-upgrade")
        except StorageError as exc:
            raise StorageError(f"{path} was not upgraded (nothing changed): {exc}") from None
    conn = db.conn
    waited = 0
    while True:  # others creating the same log queue here; each takes a moment
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            waited += BUSY_TIMEOUT_MS
            if "locked" not in str(exc) or waited >= UPGRADE_WAIT_MS:
                raise StorageError(describe_sqlite_error(exc, path)) from None
    try:
        if migrations.pending(db):  # again: another process may have just done it
            _refuse_foreign(db, path)
            migrations.apply(db)
            _restore_search(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")


def _repack_if_stale(db: Database) -> None:
    """Packs made by an earlier FoiaDesk with another list of event types or outcomes are
    made again (they are derived: no row of the log changes). Left stale, every opening
    would read every event, several times slower at a large log. A log another writer holds
    is repacked at a later opening."""
    try:
        if clock_packs.stale(db):
            with write(db):
                clock_packs.rebuild(db)
    except StorageError:
        pass


def _tables(db: Database) -> list[str]:
    return [t for t in db.table_names() if not t.startswith(("_", "sqlite_"))]


def _refuse_foreign(db: Database, path: Path) -> None:
    if _tables(db) and not migrations.applied(db):
        raise StorageError(
            f"{path} is an SQLite database of another program, not FoiaDesk's; choose another file."
        )


SEARCHED = {"requests": ["title", "description"], "events": ["summary", "body"], "notes": ["body"]}


def _restore_search(db: Database) -> None:
    """Re-create full-text indexes whose sync triggers a migration dropped
    (``table.transform()`` drops every trigger of the table it rebuilds)."""
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table, columns in SEARCHED.items():
        if table in db.table_names() and f"{table}_ai" not in triggers:
            db.table(table).enable_fts(columns, create_triggers=True, replace=True)


def backups_dir(log: Path | str | None = None) -> Path:
    """The backups folder beside a log (the default log's when none is given)."""
    log = Path(log) if log is not None and str(log) != ":memory:" else default_db_path()
    return log.parent / "backups"


BACKUP_NAME = re.compile(
    r"(?P<stem>.+)-(?P<day>\d{8})-(?P<time>\d{6})-\d{3}-(?P<reason>[a-z-]+)-v(?P<version>\d+)(-\d+)?\.sqlite3"
)


def backup_source(path: Path | str) -> tuple[Path, datetime] | None:
    """The log a file in a backups folder was copied from (by ``backup``'s naming) and when,
    or None: opened, it is a copy, and what is logged in it does not reach that log."""
    path = Path(path)
    named = BACKUP_NAME.fullmatch(path.name)
    if path.parent.name != "backups" or named is None:
        return None
    made = datetime.strptime(named["day"] + named["time"], "%Y%m%d%H%M%S")
    return path.parent.parent / f"{named['stem']}.sqlite3", made


def is_log_file(path: Path | str) -> Path | None:
    """The open log that ``path`` is, or is a side file (-wal, -shm, -journal) of."""
    try:
        target = Path(path).expanduser().resolve()
    except OSError:
        return None
    for log in OPEN_LOGS:
        if target == log or any(target == log.with_name(log.name + side) for side in SIDE_FILES):
            return log
        if target.exists() and log.exists() and os.path.samefile(target, log):
            return log
    return None


def in_backups_folder(path: Path | str) -> bool:
    """Whether ``path`` lies in the backups folder of a log this process opened."""
    try:
        folder = Path(path).expanduser().resolve().parent
    except OSError:
        return False
    return any(folder == backups_dir(log).resolve() for log in OPEN_LOGS)


def backup(db: Database, dest: Path | None = None, *, reason: str = "manual", force: bool = False) -> Path:
    """Copy the live database (consistently, even while in use) to ``dest`` or to a new
    file in the backups folder beside it, named after the log, the time to the millisecond
    and the schema version. A damaged log is not copied. The copy is written to a
    temporary file and renamed only when complete. Returns the path written."""
    source = db_path(db)
    problem = quick_check(db)
    if problem is not None:
        raise StorageError(
            f"{source} is damaged (SQLite found: {problem}); no backup was made, so your "
            "earlier backups stay the good ones. Restore one, or export what can still be read."
        )
    if dest is None:
        folder = backups_dir(source)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
        stem = Path(source).stem if source != ":memory:" else "foiadesk"
        version = max(schema_version(db), db.execute("PRAGMA user_version").fetchone()[0])
        dest = folder / f"{stem}-{stamp}-{reason}-v{version}.sqlite3"
        force = False
    dest = Path(dest).expanduser()
    if is_log_file(dest) is not None:
        raise StorageError(f"{dest} is an open FoiaDesk log (or part of one); back up to another file.")
    if dest.is_dir():
        raise StorageError(f"{dest} is a folder; give a file name inside it.")
    if dest.exists() and not force:
        raise StorageError(f"{dest} already exists; choose another name (or use --force to replace it).")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Cannot create the folder {dest.parent}: {exc.strerror}; no backup was made."
        ) from None
    from foiadesk.core.export.files import clean_leftovers

    clean_leftovers(dest.parent)  # a backup killed half-way left its temporary file
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        target = sqlite3.connect(str(tmp))
        try:
            db.conn.backup(target)
        finally:
            target.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        return _place(tmp, dest, replace=force)
    except (OSError, sqlite3.Error) as exc:
        text = getattr(exc, "strerror", None) or str(exc)
        raise StorageError(
            f"Could not write a backup in {dest.parent} ({text}); no backup was made."
        ) from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)


def _place(tmp: Path, dest: Path, *, replace: bool) -> Path:
    """Rename ``tmp`` to ``dest``; without ``replace``, never over an existing file: a
    name taken in the meantime gets -2, -3 … (so two backups in one millisecond both stay)."""
    if replace:
        os.replace(tmp, dest)
        return dest
    candidate, n = dest, 1
    while True:
        try:
            os.link(tmp, candidate)
            return candidate
        except FileExistsError:
            n += 1
            candidate = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if candidate.exists():
                n += 1
                candidate = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
                continue
            os.replace(tmp, candidate)
            return candidate


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taken with BEGIN IMMEDIATE so a busy database waits
    for the lock up front instead of failing half-way; rolled back on any error."""
    conn = db.conn
    reason = read_only_reason(db)
    if reason is not None:
        raise StorageError(f"{reason} Nothing was written.")
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StorageError(describe_sqlite_error(exc, db_path(db))) from None
    swapped = file_swapped(db)  # checked holding the lock: no other writer is mid-way
    if swapped is not None:
        conn.rollback()
        raise StorageError(swapped)
    try:
        yield db
    except sqlite3.Error as exc:  # the disk filled, or failed, half-way: said, and rolled back
        conn.rollback()
        said = storage_message(exc, db_path(db))
        if said is None:
            raise
        raise StorageError(said) from None
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
