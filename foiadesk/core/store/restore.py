"""Putting a backup back in place of the log: the way back from a mistake or a damaged file.

A restore never loses the log as it is: it is backed up first (reason ``before-restore``),
so a restore is undone by restoring that copy. The backup is copied beside the log and
checked there (SQLite's integrity check, a FoiaDesk log, a schema this FoiaDesk can bring up
to date); only then does the copy take the log's name, in one rename, so an interruption
leaves either the old log or the restored one, never half of each.

A log open in another program (the window while the command line restores, or the other way
round) is not replaced: its connections would go on with the old file, and a write from
them could be lost. SQLite tells: a log in WAL mode cannot leave it while another
connection has it open. The restore then refuses, changing nothing.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from foiadesk.core.store.db import (
    BACKUP_NAME,
    SCHEMA_VERSION,
    SIDE_FILES,
    StorageError,
    backups_dir,
    migrations,
)

LOCK_WAIT_S = 2.0  # how long to wait for another program's write to end before refusing

REASONS = {
    "manual": "backed up by hand",
    "before-upgrade": "before FoiaDesk upgraded the log",
    "before-restore": "the log as it was before a restore",
    "damaged": "the damaged log, set aside by a restore",
}


class RestoreError(StorageError):
    """The backup cannot be restored, or the log cannot be replaced now; nothing changed."""


@dataclass(frozen=True)
class Backup:
    """One backup as the user chooses among them."""

    path: Path
    made: datetime | None  # from its name; None for a file named otherwise
    reason: str  # in plain words
    requests: int | None  # None when it cannot be read
    events: int | None
    problem: str = ""  # why it cannot be restored, when that is seen from the list

    def describe(self) -> str:
        when = f"{self.made:%Y-%m-%d %H:%M}" if self.made else self.path.name
        if self.requests is None:
            return f"{when} ({self.reason}): {self.problem}"
        return f"{when} ({self.reason}): {self.requests:,} requests, {self.events:,} events"


@dataclass(frozen=True)
class Restored:
    backup: Backup
    kept: Path | None  # the log as it was, backed up first (None: there was no log)


def backup_files(log: Path | str) -> list[Path]:
    """The files in ``log``'s backups folder named as its backups, none of them opened."""
    log = Path(log)
    folder = backups_dir(log)
    found = []
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        named = BACKUP_NAME.fullmatch(path.name)
        if named is not None and named["stem"] == log.stem:
            found.append(path)
    return found


def list_backups(log: Path | str) -> list[Backup]:
    """The backups of ``log`` in its backups folder, newest first, with what each holds."""
    found = [describe_backup(path) for path in backup_files(log)]
    return sorted(found, key=lambda b: (b.made or datetime.min, b.path.name), reverse=True)


def describe_backup(path: Path | str) -> Backup:
    """What a backup file holds, read without changing it (a damaged or foreign file says so)."""
    path = Path(path)
    named = BACKUP_NAME.fullmatch(path.name)
    made = datetime.strptime(named["day"] + named["time"], "%Y%m%d%H%M%S") if named else None
    reason = REASONS.get(named["reason"], named["reason"].replace("-", " ")) if named else "a chosen file"
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return Backup(path, made, reason, None, None, _why_unusable(exc))
    try:
        problem = _not_restorable(conn, path, full=False)
        if problem:
            return Backup(path, made, reason, None, None, problem)
        requests, events = _counts(conn)
    except sqlite3.Error as exc:
        return Backup(path, made, reason, None, None, _why_unusable(exc))
    finally:
        conn.close()
    return Backup(path, made, reason, requests, events)


def restore(log: Path | str, source: Path | str) -> Restored:
    """Replace ``log`` with the backup ``source``, after backing the log up. Raises
    RestoreError, with nothing changed, when the backup is damaged, not a FoiaDesk log or
    from a newer FoiaDesk, or when the log is open in another program."""
    log, source = Path(log), Path(source).expanduser()
    if not source.is_file():
        raise RestoreError(f"{source} is not a file; nothing was restored.")
    if source.exists() and log.exists() and os.path.samefile(source, log):
        raise RestoreError(f"{source} is the log itself; choose one of its backups.")
    from foiadesk.core.export.files import clean_leftovers

    clean_leftovers(log.parent)  # a restore killed half-way left its copy beside the log
    staged = log.with_name(f".{log.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    lock = None
    try:
        chosen = _stage(source, staged)
        lock = _hold(log)
        kept = _keep_current(log, lock)
        with open(staged, "rb") as fh:
            os.fsync(fh.fileno())
        for side in SIDE_FILES:  # the old log's; one left would be read into the new one
            log.with_name(log.name + side).unlink(missing_ok=True)
        os.replace(staged, log)
        _sync_folder(log.parent)
    except OSError as exc:
        raise RestoreError(
            f"Could not put the backup in place of {log} ({exc.strerror or exc}); the log is as it was."
        ) from None
    finally:
        if lock is not None:
            lock.close()
        for leftover in (staged, *(staged.with_name(staged.name + side) for side in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    return Restored(chosen, kept)


def _stage(source: Path, staged: Path) -> Backup:
    """Copy the backup (with whatever its own WAL holds) to ``staged`` and check the copy."""
    try:
        src = _read_only(source)
        try:
            dst = sqlite3.connect(str(staged))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one file, whole; WAL again when opened
                problem = _not_restorable(dst, source, full=True)
                counts = None if problem else _counts(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise RestoreError(f"{source} cannot be restored: {_why_unusable(exc)}") from None
    if problem or counts is None:
        raise RestoreError(f"{source} cannot be restored: {problem}")
    described = describe_backup(source)
    return Backup(source, described.made, described.reason, *counts)


def _hold(log: Path) -> sqlite3.Connection | None:
    """Take the log for ourselves until the connection closes: out of WAL mode (which SQLite
    refuses while another connection has it open, and which writes the WAL into the file),
    then an exclusive lock. None when there is no log, or nothing SQLite can open there."""
    if not log.exists():
        return None
    conn = sqlite3.connect(str(log), timeout=LOCK_WAIT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("BEGIN EXCLUSIVE")
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.Error as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreError(
                f"{log} is open in another FoiaDesk (a window, or a command still running). "
                "Close it, then restore: replacing a log another program has open could lose "
                "what it writes. Nothing was changed."
            ) from None
        return None  # a log too damaged to open: set aside byte for byte (_keep_current)
    return conn


def _keep_current(log: Path, lock: sqlite3.Connection | None) -> Path | None:
    """Copy the log as it is now to its backups folder, byte for byte: held by ``lock``, out
    of WAL mode, the file is the whole log. A damaged log is set aside the same way."""
    if not log.exists():
        return None
    reason, version = "damaged", 0
    if lock is not None:
        try:
            if conn_sound(lock):
                reason = "before-restore"
            version = lock.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            pass
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    dest = backups_dir(log) / f"{log.stem}-{stamp}-{reason}-v{version}.sqlite3"
    dest.parent.mkdir(parents=True, exist_ok=True)
    sides = ("",) if lock is not None else ("", "-wal")  # held: the WAL is in the file
    for side in sides:
        if not log.with_name(log.name + side).exists():
            continue
        target = dest.with_name(dest.name + side)
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
        try:
            shutil.copyfile(log.with_name(log.name + side), tmp)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    return dest


def conn_sound(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (nor leave files beside it, when it has no WAL)."""
    wal = path.with_name(path.name + "-wal")
    mode = "ro" if wal.exists() else "ro&immutable=1"
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode={mode}", uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # "not a database" now, not later
    return conn


def _not_restorable(conn: sqlite3.Connection, path: Path, *, full: bool) -> str:
    """Why the database on ``conn`` cannot become the log, or "" (``full``: every page read)."""
    check = "integrity_check(5)" if full else "quick_check(5)"
    found = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
    if found != ["ok"]:
        text = " ".join(" ".join(found).replace("*** in database main ***", "").split())
        return f"it is damaged (SQLite found: {text[:160]})."
    db = Database(conn, execute_plugins=False)
    if "requests" not in db.table_names() or not migrations.applied(db):
        return "it is not a FoiaDesk log."
    known = {m.name for m in migrations._migrations}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if version > SCHEMA_VERSION or unknown:
        newer = max(version, len(migrations.applied(db)))
        return (
            f"it was written by a newer FoiaDesk (schema version {newer}; this one knows up to "
            f"{SCHEMA_VERSION}). Restore it with that FoiaDesk."
        )
    return ""


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    requests = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
    events = conn.execute("SELECT count(*) FROM events WHERE voided_at IS NULL").fetchone()[0]
    return requests, events


def _why_unusable(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"it is damaged or not a database ({text})."
    return f"SQLite could not read it ({text})."


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
