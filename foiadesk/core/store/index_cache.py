"""The request list's reads of a log, kept between runs: one file per log in the data
folder's ``index-cache`` folder.

Opening a large log reads every request's row and every event, seconds at 100,000
requests. The window keeps what it read here, with the log's version at the time; the
next opening takes back the requests that have not changed since and reads only the
others from the log. The log itself says what changed: triggers give a request a new
version on every write, whoever writes (``request_versions``). The kept versions must
also still be the log's (a fingerprint), or nothing kept is used: a log restored from a
backup is read whole. So the list is never staler than the log. A kept file that is
missing, damaged, or made by other code is simply not used; it is only a cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sqlite_utils import Database

from foiadesk.core.store import index_read

FORMAT = 1
SEPARATOR = "\x1f"  # between texts; a text holding it is not kept (the log is read instead)
PIECE = 20_000  # texts encoded and decoded at a time
KEEP_LOGS = 4  # kept files beyond the four most recently used are removed
# A kept file is written again only once more requests changed since it was kept than
# this (a hundredth of the log, at least a thousand): until then each opening reads those
# few from the log, instead of writing the whole file (~300 MB at a million requests) anew.
REWRITE_AFTER = (1_000, 100)
TEXTS = ("title", "tracking", "tags")
# Columns kept in a smaller type than int64 (they are read back as int64 chunk by chunk).
_SMALL = {"type": np.int8, "outcome": np.int8, "on": np.int32, "received": np.int32, "named": np.int32}
_FROM_COMPONENT = ("component", "component_name")  # made again from the component ids

Reads = dict[str, dict]  # {"requests": …, "events": …, "fees": …} in index_read's shapes
ReadFromLog = Callable[[str, list], Reads]  # (where, params) -> the reads of those requests


def file_for(log: Path) -> Path:
    from foiadesk.core.paths import data_dir

    name = hashlib.sha256(str(Path(log).resolve()).encode()).hexdigest()[:20]
    return data_dir() / "index-cache" / f"{name}.npz"


def take(db: Database, log: Path, key: str, read_from_log: ReadFromLog) -> tuple[Reads, int, int] | None:
    """Every request's reads, the log's version they are as of, and how many requests
    were read from the log: the kept reads of the requests unchanged since they were kept,
    the others read from the log. None when nothing kept is usable, or when most requests
    changed (reading all is then quicker)."""
    kept = _load(log, key)
    if kept is None:
        return None
    mark = int(kept["mark"])
    now = index_read.log_version(db)  # before reading: what changes later is caught up later
    changed = index_read.changed_since(db, mark)
    versions = kept["versions"]
    same = ~np.isin(versions["id"], changed)
    seen = (int(same.sum()), int((versions["version"][same] % index_read.FINGERPRINT_MOD).sum()))
    if index_read.fingerprint(db, mark) != seen or len(changed) > len(kept["requests"]["id"]) // 2:
        return None
    try:
        reads = {part: _without(kept[part], changed) for part in ("requests", "events", "fees")}
        abbrs, names = index_read.component_texts(db)
        component = reads["requests"]["component_id"]
        reads["requests"].update(component=abbrs[component], component_name=names[component])
    except (ValueError, IndexError):  # a kept file that does not hold together
        return None
    if len(changed):
        fresh = compact(read_from_log(index_read.IDS_IN, [json.dumps(changed.tolist())]))
        reads = {part: _with(reads[part], fresh[part]) for part in reads}
    return reads, now, len(changed)


def save(db: Database, log: Path, key: str, reads: Reads, mark: int, read_again: int | None = None) -> None:
    """Keep ``reads``, made when the log stood at version ``mark``, for the next opening
    (best effort: a full or read-only data folder only means the log is read again).
    ``read_again``: how many requests the opening read from the log beside the kept
    reads it took back (None: it took none back); a few leave the kept file as it is."""
    least, share = REWRITE_AFTER
    if read_again is not None and read_again <= max(least, len(reads["requests"]["id"]) // share):
        _touch(file_for(log))  # still of use: it stays among the files of the logs opened last
        return
    arrays: dict[str, Any] = {"key": np.array(f"{FORMAT}:{key}"), "mark": np.array(mark, dtype=np.int64)}
    versions = index_read.versions_upto(db, mark)  # requests written since are not taken back
    for part, columns in {**reads, "versions": versions}.items():
        for column, values in columns.items():
            if column in _FROM_COMPONENT:
                continue
            if column in TEXTS:
                pieces = [
                    SEPARATOR.join(values[i : i + PIECE].tolist()).encode()
                    for i in range(0, len(values), PIECE)
                ]
                if sum(p.count(SEPARATOR.encode()) for p in pieces) != len(values) - len(pieces):
                    return
                arrays[f"{part}.{column}"] = np.frombuffer(b"".join(pieces), dtype=np.uint8)
                arrays[f"{part}.{column}.ends"] = np.cumsum([len(p) for p in pieces], dtype=np.int64)
            else:
                arrays[f"{part}.{column}"] = values
    target = file_for(log)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as out:
            np.savez(out, **arrays)
        os.replace(tmp, target)
        _prune(target.parent)
    except OSError:
        tmp.unlink(missing_ok=True)


def _touch(kept: Path) -> None:
    try:
        os.utime(kept)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Keep the files of the logs opened last (a kept file is a third of its log's size)."""
    kept = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP_LOGS:]:
        old.unlink(missing_ok=True)


def compact(reads: Reads) -> Reads:
    """``reads`` with texts as object arrays and the small columns in small types (a
    third of the memory of int64 events)."""
    out: Reads = {}
    for part, columns in reads.items():
        out[part] = {}
        for column, values in columns.items():
            if isinstance(values, list):
                array = np.empty(len(values), dtype=object)
                array[:] = values
                out[part][column] = array
            else:
                out[part][column] = values.astype(_SMALL.get(column, values.dtype), copy=False)
    return out


def _load(log: Path, key: str) -> dict | None:
    try:
        with np.load(file_for(log), allow_pickle=False) as kept:
            if str(kept["key"]) != f"{FORMAT}:{key}":
                return None
            out: dict = {"mark": kept["mark"], "versions": {}, "requests": {}, "events": {}, "fees": {}}
            count = len(kept["requests.id"])
            for name in kept.files:
                part, _, column = name.partition(".")
                if column in TEXTS:
                    out[part][column] = _texts(kept[name], kept[f"{name}.ends"], count)
                elif part in out and column and not column.endswith(".ends"):
                    out[part][column] = kept[name]
            return out
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


def _owners(columns: dict[str, np.ndarray]) -> np.ndarray:
    owners = columns["id"] if "title" in columns else columns["request_id"]
    if len(owners) > 1 and not np.all(owners[1:] >= owners[:-1]):
        raise ValueError("kept rows out of request order")
    return owners


def _without(columns: dict[str, np.ndarray], requests: np.ndarray) -> dict[str, np.ndarray]:
    """Kept rows (in request order) less those of ``requests``."""
    owners = _owners(columns)
    lo, hi = np.searchsorted(owners, requests, "left"), np.searchsorted(owners, requests, "right")
    sizes = hi - lo
    if not sizes.sum():
        return dict(columns)
    keep = np.ones(len(owners), dtype=bool)
    keep[np.repeat(lo, sizes) + np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)] = False
    return {k: _compress(v, keep) for k, v in columns.items()}


def _with(columns: dict[str, np.ndarray], fresh: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Kept rows with ``fresh`` ones (of other requests, in request order) put in their
    places, as ``np.insert`` would: a request's own rows keep their order."""
    at = np.searchsorted(_owners(columns), _owners(fresh), "left")
    new_places = at + np.arange(len(at))
    is_new = np.zeros(len(at) + len(_owners(columns)), dtype=bool)
    is_new[new_places] = True
    return {k: _merged(v, fresh[k], new_places, is_new) for k, v in columns.items()}


# numpy copies holding Python's lock (texts all the more: each is an object); at a million
# rows one copy would stop the window for a tenth of a second. So the rows are copied a bite
# at a time, and the window's thread runs between bites. A boolean mask says which rows
# go where: no array of a million row numbers is made (that alone took seconds).
_BITE = 50_000


def _compress(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``values[keep]``."""
    out = np.empty(int(keep.sum()), dtype=values.dtype)
    at = 0
    for start in range(0, len(values), _BITE):
        part = values[start : start + _BITE][keep[start : start + _BITE]]
        out[at : at + len(part)] = part
        at += len(part)
    return out


def _merged(values: np.ndarray, fresh: np.ndarray, new_places: np.ndarray, is_new: np.ndarray) -> np.ndarray:
    """``values`` with ``fresh`` at ``new_places`` (the rows ``is_new`` marks) of the result."""
    out = np.empty(len(is_new), dtype=np.result_type(values, fresh))
    out[new_places] = fresh
    taken = 0
    for start in range(0, len(is_new), _BITE):
        old = ~is_new[start : start + _BITE]
        count = int(old.sum())
        out[start : start + _BITE][old] = values[taken : taken + count]
        taken += count
    return out


def _texts(values: np.ndarray, ends: np.ndarray, count: int) -> np.ndarray:
    """The kept texts, decoded a piece at a time (one long decode would hold up the
    window's thread as long)."""
    out = np.empty(count, dtype=object)
    start, at = 0, 0
    for end in ends.tolist():  # each piece copied on its own: one copy of all holds it up too
        texts = values[start:end].tobytes().decode("utf-8").split(SEPARATOR)
        if at + len(texts) > count:
            raise ValueError("kept texts do not match the kept requests")
        out[at : at + len(texts)] = texts
        start, at = end, at + len(texts)
    if at != count:
        raise ValueError("kept texts do not match the kept requests")
    return out
