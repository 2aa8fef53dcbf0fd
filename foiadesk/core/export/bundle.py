"""Evidence bundles: one request, or every request of a case, as one ZIP that a lawyer, a
court or OGIS can check without FoiaDesk.

A bundle holds a chronological index (Word, and PDF when one can be made), every file
attached to the request's events exactly as stored (letters sent, replies as imported with
their attachments), a PDF copy of each outgoing Word letter when LibreOffice is installed,
and ``manifest.json`` with each file's SHA-256, size, event and date.

Two exports of the same log with the same ``as_of`` date are byte-identical: entries are
sorted and carry fixed times and permissions, JSON keys are sorted, and the dates Word and
PDF files carry inside them are set to ``as_of``. Stored files are streamed from SQLite
into the ZIP in chunks, so memory stays flat however large the attachments are, and each
is checked against the SHA-256 it was stored under on the way.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, BinaryIO

from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.deadlines.events import EVENT_TYPES, Event
from foiadesk.core.deadlines.facts import read_events
from foiadesk.core.export.files import (
    Cancelled,
    ExportCancelled,
    ExportError,
    Folder,
    Progress,
    atomic_output,
    check_target,
    clean_text,
    fixed_ooxml,
    fixed_pdf,
    office_in_name,
    safe_name,
    stop_if,
    zip_info,
)
from foiadesk.core.store import reads
from foiadesk.core.tracking.details import event_details
from foiadesk.core.tracking.tracker import RequestView, view_request

PdfMaker = Callable[[dict], bytes]

CHUNK = 1 << 20  # bytes read from SQLite and written to the ZIP at a time
LIBREOFFICE_SECONDS = 90  # for one LibreOffice run, plus this many for each file it converts:
LIBREOFFICE_PER_FILE = 10
# LibreOffice 7 stops, saying nothing and exiting 0, after converting 246 files in one run
# (measured on 400 case indexes): a case of 1,220 requests got 246 index PDFs. So at most
# this many files go to one run.
LIBREOFFICE_BATCH = 200
# Already compressed: stored as they are, so a large export does not spend minutes deflating.
STORED = frozenset(
    ".pdf .docx .xlsx .pptx .odt .zip .gz .7z .jpg .jpeg .png .gif .webp .heic .mp3 .mp4 .mov".split()
)
DIRECTIONS = {"out": "To agency", "in": "From agency", "internal": "Internal"}
ROLES = {"out": "sent", "in": "received", "internal": "internal"}
DONE = {
    "response": "answered",
    "expedite": "decided",
    "appeal_decision": "decided",
}
INDEX_PDF_QT = "made by FoiaDesk (Qt)"
INDEX_PDF_LIBREOFFICE = "made by LibreOffice from the Word index"


@dataclass(frozen=True)
class BundleResult:
    """What an export wrote, for the CLI and the window to report."""

    path: Path
    files: int
    size: int
    index_pdf: str | None  # how the index PDF was made, or None when none could be
    notes: tuple[str, ...]  # what the bundle lacks and why (no LibreOffice …)


@dataclass
class _File:
    """One entry of the archive: its path, its hash and size, where its bytes come from (a
    ``files`` rowid, bytes in memory, or a temporary file), and its manifest fields."""

    path: str
    size: int
    sha256: str
    source: int | bytes | Path
    meta: dict


@dataclass
class _Letter:
    """An outgoing Word letter that gets a PDF copy beside it when LibreOffice can make one."""

    rowid: int
    pdf_path: str
    meta: dict
    listed: list[str]  # the index row's file names; the PDF's joins them once it is made


@dataclass
class _Part:
    """One request's share of a bundle: its folder, index data, files and letters."""

    view: RequestView
    folder: str
    index: dict = field(default_factory=dict)
    files: list[_File] = field(default_factory=list)
    letters: list[_Letter] = field(default_factory=list)


# -- what the index says -----------------------------------------------------------------------


def records_sought(description: str) -> str:
    """A request's description on one line of the index. Its lines stay apart: a letter
    drafted in Compose lists one kind of record a line ("The agreement, its drafts and
    amendments" / "Counts of requests…"), which run together joined by a space alone."""
    lines = [" ".join(line.split()) for line in description.splitlines() if line.strip()]
    text = ""
    for line in lines:
        text += ("" if not text else " " if text[-1] in ".;:,!?" else "; ") + line
    return text


def describe_event(ev: Event) -> tuple[str, str]:
    """(what happened, its details on one line) for a row of the index; tracking numbers
    have their own column."""
    details = [d for d in event_details(ev, channel=False) if not d.startswith("tracking ")]
    return EVENT_TYPES[ev.type].label, "; ".join(details)


def _days(n: int, unit: str = "calendar day") -> str:
    return f"{n} {unit}{'s' * (n != 1)}"


def clock_lines(clock: Clock, as_of: date) -> tuple[str, str]:
    """(short form, headline) of one clock on ``as_of``, e.g. ("response due 2026-01-22,
    missed", "Response due 2026-01-22 (owed by the agency): missed; answered 2026-02-10,
    19 calendar days late")."""
    state = clock.state(as_of)
    head = clock.label
    if clock.due:
        head += f"{' by' if clock.unit == 'named' and not head.endswith(' by') else ''} {clock.due}"
    if clock.unit == "estimate":
        return head[0].lower() + head[1:], f"{head}: the agency's estimate, not a deadline"
    if clock.unit == "milestone":
        reached = state == "reached"
        if state == "answered late":
            short = f"{head} (the agency answered late, {clock.done_on})"
            return short[0].lower() + short[1:], f"{head}: {clock.steps[-1].text}"
        if state == "moot":  # the request (or appeal) ended without an answer
            return f"{head[0].lower() + head[1:]} (moot)", f"{head}: moot; {clock.steps[-1].text}"
        short = head if reached else f"{head} (not yet reached)"
        missed = {"appeal_exhaustion": "the appeal decision", "expedite_review": "the expedite decision"}
        what = missed.get(clock.key.split(":", 1)[0], "the response deadline")
        verdict = "reached" if reached else f"not yet reached; only if {what} is missed"
        return short[0].lower() + short[1:], f"{head}: {verdict}"
    # an earlier round's clock is keyed "appeal_decision:e12": answered as its kind is
    base = clock.key.split(":", 1)[0]
    done = "appeal filed" if base == "appeal_window" else DONE.get(base, "answered")
    if state == "met":
        word, verdict = "met", f"met; {done} {clock.done_on}" if clock.due else "met"
    elif state == "moot":
        word, verdict = "moot", f"moot; {clock.steps[-1].text}"
    elif state == "missed" and clock.done_on is None:
        word, verdict = "missed", f"missed; the window passed unused on {clock.due}"
    elif state == "missed" and clock.moot:
        word, verdict = "missed", f"missed; the window passed unused on {clock.due}"
    elif state == "missed":
        assert clock.done_on is not None and clock.due is not None  # what "missed" means
        word, verdict = (
            "missed",
            f"missed; {done} {clock.done_on}, {_days((clock.done_on - clock.due).days)} late",
        )
    elif state == "overdue":
        assert clock.due is not None  # what "overdue" means
        word, verdict = "missed", f"missed; still open on {as_of}, {_days((as_of - clock.due).days)} late"
    elif state == "open":
        assert clock.due is not None  # what "open" means
        left = (clock.due - as_of).days
        word, verdict = "open", "open; due today" if left == 0 else f"open; {_days(left, 'day')} left"
    elif state == "paused":
        word, verdict = "paused", "paused; no date until the agency receives the requester's answer"
    else:
        word, verdict = "no date", "no date named"
    short = f"{head}, {word}"
    return short[0].lower() + short[1:], f"{head} (owed by the {clock.owed_by}): {verdict}"


def _trace(clock: Clock) -> list[dict]:
    """The clock's explanation line by line with its depth (0 rule or result, 1 step, 2 day
    not counted), without the title line the index shows as a headline. A step's weekends
    become one line with their count; holidays and closures keep a line each."""
    out: list[dict] = []
    weekends: list[str] = []

    def flush() -> None:
        if weekends:
            first, last = weekends[0].split("–")[0], weekends[-1].split("–")[-1]
            days = sum(2 if "–" in w else 1 for w in weekends)
            out.append({"text": f"not counted: {days} weekend days, from {first} to {last}", "depth": 2})
            weekends.clear()

    for line in clock.explain().splitlines()[1:]:
        depth = 2 if line.startswith("      ") else 1 if line.startswith("  ") else 0
        text = line.strip()
        weekend = re.fullmatch(r"not counted: (\S+) (?:weekend|Saturday|Sunday)", text)
        if depth == 2 and weekend:
            weekends.append(weekend[1])
            continue
        if depth < 2:
            flush()
        out.append({"text": text, "depth": depth})
    flush()
    return out


# -- planning one request's share ----------------------------------------------------------------


def _attachments(db: Database, request_id: int) -> dict[int, list[tuple]]:
    """Each live event's files: (filename, mime, files rowid, size, sha256), in the order stored."""
    out: dict[int, list[tuple]] = {}
    for event_id, *row in reads.live_attachments(db, request_id):
        out.setdefault(event_id, []).append(tuple(row))
    return out


def _place(part: _Part, folder: Folder, ev: Event, files: list[tuple]) -> list[str]:
    """Put one event's files in its folder, plan a PDF copy of each Word letter it sent
    (unless a PDF of the same name came with it), and return the names for its index row."""
    meta = {
        "request": part.view.id,
        "event": ev.id,
        "event_type": ev.type,
        "date": ev.occurred_on.isoformat(),
        "direction": ev.direction,
    }
    placed = [(folder.take(name), name, mime, rowid, size, sha) for name, mime, rowid, size, sha in files]
    pdfs = {Path(path).stem.casefold() for path, *_ in placed if path.lower().endswith(".pdf")}
    names = [Path(path).name for path, *_ in placed]
    for path, name, mime, rowid, size, sha in placed:
        role = "draft" if ev.type == "drafted" else ROLES[ev.direction]
        part.files.append(
            _File(path, size, sha, rowid, {**meta, "role": role, "original_name": name, "mime": mime})
        )
        word = name.lower().endswith(".docx") or mime.endswith("wordprocessingml.document")
        if word and ev.direction != "in" and Path(path).stem.casefold() not in pdfs:
            copy = {**meta, "role": "PDF copy", "converted_from": path, "mime": "application/pdf"}
            part.letters.append(_Letter(rowid, folder.take(Path(path).stem + ".pdf"), copy, names))
    return names


def _plan_request(db: Database, request_id: int, folder: str, as_of: date, cal: Calendar) -> _Part:
    """Name every file of one request inside ``folder`` and gather what its index shows.

    The index lists each communication with the agency (events in or out) and each internal
    event that carries a file (a drafted letter, a note with a call record or a screenshot of
    a portal page); notes without a file stay private."""
    view = view_request(db, request_id, cal=cal)
    part = _Part(view, folder)
    attached = _attachments(db, request_id)
    tracking: dict[int, list[str]] = {}
    for event_id, tracking_number in reads.tracking_numbers_by_event(db, request_id):
        if event_id is not None:
            tracking.setdefault(event_id, []).append(tracking_number)
    shown = [e for e in view.events if e.direction != "internal" or e.id in attached]
    width = max(3, len(str(len(shown))))
    communications = []
    for number, ev in enumerate(shown, 1):
        what, details = describe_event(ev)
        names = []
        if ev.id in attached:
            direction = DIRECTIONS[ev.direction].lower().replace(" ", "-")
            where = f"{number:0{width}d}_{ev.occurred_on}_{direction}_{ev.type.replace('_', '-')}"
            names = _place(part, Folder(f"{folder}/communications/{where}"), ev, attached[ev.id])
        communications.append(
            {
                "number": str(number),
                "date": ev.occurred_on.isoformat(),
                "direction": DIRECTIONS[ev.direction],
                "channel": (ev.channel or "").replace("_", " "),
                "event": what,
                "details": details,
                "tracking": ", ".join(tracking.get(ev.id, ())),
                "files": names,
            }
        )
    clocks: list[dict] = []
    for clock in view.clocks:
        short, headline = clock_lines(clock, as_of)
        clocks.append(
            {
                "label": clock.label,
                "owed_by": clock.owed_by,
                "due": clock.due.isoformat() if clock.due else "",
                "state": clock.state(as_of),
                "short": short,
                "headline": headline,
                "trace": _trace(clock),
            }
        )
    summary = "; ".join(c["short"] for c in clocks)
    row = reads.request_index_facts(db, request_id)
    assert row is not None, "view_request above has found the request"
    receipt = read_events(list(view.events), cal).receipt
    filed = next((e for e in view.events if e.type == "filed"), None)
    received = ""
    if receipt is not None:
        received = f"{receipt.day}" + (
            " (assumed: the agency's receipt is not logged)" if receipt.assumed else ""
        )
    part.index = {
        "kind": "request",
        "request": {
            "id": view.id,
            "title": view.title,
            "description": records_sought(row[0] or ""),
            "component": view.component,
            "component_name": view.component_name,
            "agency": row[1],
            "case": view.case or "",
            "case_slug": row[2] or "",
            "requester": ", ".join(x for x in (row[3], row[4]) if x) if row[3] else "",
            "status": view.status,
            "tracking": ", ".join(view.tracking_numbers),
            "next_deadline": clock_lines(view.next, as_of)[1] if view.next else "",
            "filed": filed.occurred_on.isoformat() if filed else "",
            "received": received,
        },
        "communications": communications,
        "deadline_summary": (summary[0].upper() + summary[1:]) if summary else "",
        "clocks": clocks,
    }
    return part


# -- LibreOffice, many files in one run ----------------------------------------------------------


def unconverted_note(failed: Sequence[str], total: int) -> str:
    """What the user is told of indexes LibreOffice did not turn into PDF: how many, and the
    first few by name (a case of a thousand requests named every one, in one line)."""
    named = ", ".join(failed[:3])
    if len(failed) > 3:
        named += f" and {len(failed) - 3:,} more"
    if len(failed) == 1:
        return f"LibreOffice could not convert {named} to PDF; the Word index is included."
    return (
        f"LibreOffice could not convert {len(failed):,} of the {total:,} indexes to PDF ({named}); "
        "their Word indexes are included."
    )


def _libreoffice_pdfs(
    sources: Sequence[bytes | int], db: Database, work: Path, cancelled: Cancelled | None
) -> list[Path | None]:
    """PDFs of Word files (bytes, or ``files`` rowids), made in one LibreOffice run per
    LIBREOFFICE_BATCH files, with its own profile folder: starting LibreOffice takes about a
    second, converting a letter a fraction of that (``pdf.docx_to_pdf`` starts it once per
    file). A file it could not convert gives None; a run past its time limit is stopped."""
    from foiadesk.core.letters.pdf import run_libreoffice, soffice

    program = soffice()
    if program is None or not sources:
        return [None] * len(sources)
    (work / "in").mkdir(parents=True)
    inputs = []
    for i, source in enumerate(sources):
        path = work / "in" / f"{i:05d}.docx"
        with path.open("wb") as fh:
            if isinstance(source, bytes):
                fh.write(source)
            else:
                _copy_blob(db, source, fh, None, cancelled)
        inputs.append(path)
    profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
    command = [
        program,
        "--headless",
        "--norestore",
        profile,
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "out"),
    ]
    for start in range(0, len(inputs), LIBREOFFICE_BATCH):
        batch = inputs[start : start + LIBREOFFICE_BATCH]
        limit = LIBREOFFICE_SECONDS + LIBREOFFICE_PER_FILE * len(batch)
        run_libreoffice([*command, *map(str, batch)], limit, lambda: stop_if(cancelled))
    pdfs = [work / "out" / f"{path.stem}.pdf" for path in inputs]
    return [pdf if pdf.is_file() and pdf.stat().st_size > 0 else None for pdf in pdfs]


# -- the archive ---------------------------------------------------------------------------------


def _copy_blob(
    db: Database, rowid: int, dst: IO[bytes], digest, cancelled: Cancelled | None, step=None
) -> None:
    """Copy a stored file in chunks, straight from SQLite's blob to ``dst``."""
    with db.conn.blobopen("files", "content", rowid, readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            stop_if(cancelled)
            dst.write(chunk)
            if digest is not None:
                digest.update(chunk)
            if step is not None:
                step(len(chunk))


def _write_zip(
    fh: BinaryIO,
    entries: list[_File],
    db: Database,
    as_of: date,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Write ``entries`` in path order, streaming stored files and checking each against the
    SHA-256 it was stored under. ``progress`` counts bytes."""
    stamp = (as_of.year, as_of.month, as_of.day, 0, 0, 0)
    total, done = sum(e.size for e in entries), 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    step(0)
    with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
        for entry in sorted(entries, key=lambda e: e.path):
            stop_if(cancelled)
            compress = (
                zipfile.ZIP_STORED if Path(entry.path).suffix.lower() in STORED else zipfile.ZIP_DEFLATED
            )
            with zf.open(zip_info(entry.path, stamp, compress, entry.size), "w") as dst:
                if isinstance(entry.source, int):
                    digest = hashlib.sha256()
                    _copy_blob(db, entry.source, dst, digest, cancelled, step)
                    if digest.hexdigest() != entry.sha256:
                        raise _damaged(entry)
                    continue
                data = entry.source if isinstance(entry.source, bytes) else entry.source.read_bytes()
                dst.write(data)
                step(len(data))


def _damaged(entry: _File) -> ExportError:
    name, event = entry.meta["original_name"], entry.meta["event"]
    return ExportError(
        f"The stored copy of {name} (event {event}) no longer matches its SHA-256: the database is "
        "damaged. Restore a backup; no bundle was written."
    )


def _entry(path: str, data: bytes | Path, meta: dict) -> _File:
    """An archive entry for bytes made during the export (an index, a PDF copy)."""
    body = data if isinstance(data, bytes) else data.read_bytes()
    return _File(path, len(body), hashlib.sha256(body).hexdigest(), data, meta)


def _manifest(
    kind: str, as_of: date, entries: list[_File], notes: list[str], index_pdf: str | None, **about
) -> bytes:
    from foiadesk import __version__

    files = [
        {"path": e.path, "sha256": e.sha256, "size": e.size, **e.meta}
        for e in sorted(entries, key=lambda e: e.path)
    ]
    body = {
        "bundle": kind,
        "made_by": f"FoiaDesk {__version__}",
        "as_of": as_of.isoformat(),
        "hash": "sha256",
        "index_pdf": index_pdf,
        "notes": notes,
        "files": files,
        **about,
    }
    return (json.dumps(body, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()


# -- putting a bundle together -------------------------------------------------------------------


def _about(as_of: date) -> dict:
    from foiadesk import __version__

    return {
        "as_of": as_of.isoformat(),
        "as_of_long": f"{as_of:%B} {as_of.day}, {as_of.year}",
        "made_by": f"FoiaDesk {__version__}",
    }


def _file_rows(files: list[_File], base: str) -> list[dict]:
    """The index's list of files: path inside ``base``, readable size, SHA-256."""

    def size(n: float) -> str:
        for unit in ("bytes", "KB", "MB"):
            if n < 1024:
                return f"{n:,.0f} bytes" if unit == "bytes" else f"{n:,.1f} {unit}"
            n /= 1024
        return f"{n:,.1f} GB"

    cut = len(base) + 1
    return [
        {"path": f.path[cut:], "size": size(f.size), "bytes": f.size, "sha256": f.sha256}
        for f in sorted(files, key=lambda f: f.path)
    ]


def _case_row(part: _Part, top: str) -> dict:
    keep = (
        "id",
        "title",
        "component",
        "component_name",
        "status",
        "tracking",
        "filed",
        "received",
        "next_deadline",
    )
    return {
        **{k: part.index["request"][k] for k in keep},
        "folder": part.folder[len(top) + 1 :] + "/",
        "communications": str(len(part.index["communications"])),
        "files": str(len(part.files)),
        "deadline_summary": part.index["deadline_summary"] or "No deadlines yet (not filed).",
        "clocks": part.index["clocks"],
    }


def _pdf_notes(*, pdf: bool, libreoffice: bool, letters: bool, maker: bool, several: bool) -> list[str]:
    """What the bundle says when PDFs are missing: not asked for, or LibreOffice absent."""
    missing = (["the letters"] if letters else []) + (
        [] if maker else ["the indexes" if several else "the index"]
    )
    if (pdf and libreoffice) or not missing:
        return []
    what = " and ".join(missing) + (" is" if missing == ["the index"] else " are")
    if not pdf:
        return [f"PDF copies were not asked for; {what} included as Word files only."]
    return [
        f"LibreOffice is not installed, so no PDF copies were made; {what} included as Word files "
        "(open them in Word or LibreOffice and save them as PDF)."
    ]


def _cleaned(value):
    """Every string in the index without control characters (Word's XML forbids them)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


def _docx_context(index: dict) -> dict:
    """The index data with each row's files as a docxtpl Listing: one name a line in its cell."""
    from docxtpl import Listing

    index = _cleaned(index)
    rows = index.get("communications", [])
    return {**index, "communications": [{**c, "files": Listing("\n".join(c["files"]))} for c in rows]}


def _export(
    db: Database,
    out: Path | str,
    parts: list[_Part],
    top: str,
    case: dict | None,
    *,
    as_of: date,
    force: bool,
    pdf: bool,
    pdf_maker: PdfMaker | None,
    templates_dir: Path | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> BundleResult:
    """Convert the letters, render the indexes, and write the archive with its manifest."""
    if templates_dir is not None and not Path(templates_dir).expanduser().is_dir():
        raise ExportError(f"The templates folder {templates_dir} does not exist; nothing was written.")
    from foiadesk.core.letters.drafting import render
    from foiadesk.core.letters.pdf import soffice

    libreoffice = pdf and soffice() is not None
    letters = [letter for part in parts for letter in part.letters]
    notes = _pdf_notes(
        pdf=pdf,
        libreoffice=libreoffice,
        letters=bool(letters),
        maker=pdf_maker is not None,
        several=case is not None,
    )
    with tempfile.TemporaryDirectory(prefix="foiadesk-export-") as tmp:
        if libreoffice and letters:
            made = _libreoffice_pdfs([x.rowid for x in letters], db, Path(tmp) / "letters", cancelled)
            owner = {id(x): part for part in parts for x in part.letters}
            for letter, copy in zip(letters, made, strict=True):
                if copy is None:
                    notes.append(f"LibreOffice could not convert {letter.meta['converted_from']} to PDF.")
                    continue
                copy.write_bytes(fixed_pdf(copy.read_bytes(), as_of))
                owner[id(letter)].files.append(_entry(letter.pdf_path, copy, letter.meta))
                letter.listed.append(Path(letter.pdf_path).name)

        route = INDEX_PDF_QT if pdf_maker else INDEX_PDF_LIBREOFFICE if libreoffice else None
        common = {**_about(as_of), "notes": notes, "pdf_note": route is None}
        docs = []  # (path without its suffix, template, index data, manifest fields)
        for part in parts:
            part.index.update(common, files=_file_rows(part.files, part.folder))
            meta = {"request": part.view.id, "role": "index", "date": as_of.isoformat()}
            docs.append((f"{part.folder}/index", "bundle_index", part.index, meta))
        if case is not None:
            index = {"kind": "case", **common, "case": case, "requests": [_case_row(p, top) for p in parts]}
            docs.insert(
                0,
                (f"{top}/case-index", "case_index", index, {"role": "case index", "date": as_of.isoformat()}),
            )

        entries = [f for part in parts for f in part.files]
        words = []
        for path, template, index, meta in docs:
            stop_if(cancelled)
            words.append(
                fixed_ooxml(render(template, _docx_context(index), user_templates_dir=templates_dir), as_of)
            )
            entries.append(_entry(f"{path}.docx", words[-1], meta))
        if pdf_maker is not None:
            pdfs: list[bytes | None] = []
            for _, _, index, _ in docs:
                stop_if(cancelled)
                pdfs.append(pdf_maker(index))
        elif libreoffice:
            pdfs = [
                f.read_bytes() if f else None
                for f in _libreoffice_pdfs(words, db, Path(tmp) / "index", cancelled)
            ]
        else:
            pdfs = [None] * len(docs)
        if route and None in pdfs:
            failed = [f"{path}.docx" for (path, *_), data in zip(docs, pdfs, strict=True) if data is None]
            notes.append(unconverted_note(failed, len(docs)))
            route = None
        for (path, _, _, meta), data in zip(docs, pdfs, strict=True):
            if data is not None:
                entries.append(_entry(f"{path}.pdf", fixed_pdf(data, as_of), meta))

        about = (
            {"case": {"slug": case["slug"], "name": case["name"]}, "requests": [p.view.id for p in parts]}
            if case is not None
            else {"request": parts[0].view.id}
        )
        manifest = _manifest("case" if case else "request", as_of, entries, notes, route, **about)
        entries.append(_entry(f"{top}/manifest.json", manifest, {}))
        with atomic_output(out, force=force) as fh:
            _write_zip(fh, entries, db, as_of, progress, cancelled)
    written = Path(out).expanduser()
    return BundleResult(written, len(entries), written.stat().st_size, route, tuple(notes))


def export_request(
    db: Database,
    request_id: int,
    out: Path | str,
    *,
    as_of: date,
    force: bool = False,
    pdf: bool = True,
    pdf_maker: PdfMaker | None = None,
    templates_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cal: Calendar | None = None,
) -> BundleResult:
    """Write the evidence bundle of one request to ``out`` (a .zip).

    ``as_of`` is the date deadlines are judged on and the date stamped on every file.
    ``pdf`` asks for PDF copies (LibreOffice, when installed); ``pdf_maker(index_data)``,
    when given, makes the index PDFs instead (the window passes ``ui.export_pdf.index_pdf``).
    ``templates_dir`` may hold the user's own bundle_index.docx / case_index.docx.
    ``progress(done, total)`` counts bytes written; ``cancelled()`` returning True stops
    the export, as does an exception raised from ``progress``; nothing is left behind."""
    check_target(out, force=force)
    abbr = reads.request_component_abbr(db, request_id)
    if abbr is None:
        raise ExportError(f"There is no request with id {request_id}.")
    top = safe_name(f"foia-request-{request_id}-{office_in_name(abbr)}")
    part = _plan_request(db, request_id, top, as_of, cal or calendar())
    return _export(
        db,
        out,
        [part],
        top,
        None,
        as_of=as_of,
        force=force,
        pdf=pdf,
        pdf_maker=pdf_maker,
        templates_dir=templates_dir,
        progress=progress,
        cancelled=cancelled,
    )


def export_case(
    db: Database,
    case_slug: str,
    out: Path | str,
    *,
    as_of: date,
    force: bool = False,
    pdf: bool = True,
    pdf_maker: PdfMaker | None = None,
    templates_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cal: Calendar | None = None,
) -> BundleResult:
    """Write one bundle holding every request of a case, each in its own folder with its
    own index, under a case index and one manifest. Options as for ``export_request``."""
    check_target(out, force=force)
    case = reads.case_row(db, case_slug)
    if case is None:
        known = reads.case_slugs(db, limit=6)
        hint = f" Cases: {', '.join(known)}." if known else " There are no cases in this log."
        raise ExportError(f"There is no case '{case_slug}'.{hint}")
    rows = reads.case_requests(db, case[0])
    if not rows:
        raise ExportError(f"The case '{case_slug}' has no requests to export.")
    top = safe_name(f"foia-case-{case_slug}", "foia-case")
    width = max(3, len(str(rows[-1][0])))
    cal = cal or calendar()
    parts = []
    for request_id, component in rows:
        stop_if(cancelled)
        folder = f"{top}/{safe_name(f'request-{request_id:0{width}d}-{office_in_name(component)}')}"
        parts.append(_plan_request(db, request_id, folder, as_of, cal))
    about = {"slug": case[1], "name": case[2], "summary": " ".join((case[3] or "").split())}
    return _export(
        db,
        out,
        parts,
        top,
        about,
        as_of=as_of,
        force=force,
        pdf=pdf,
        pdf_maker=pdf_maker,
        templates_dir=templates_dir,
        progress=progress,
        cancelled=cancelled,
    )


def index_data(db: Database, request_id: int, *, as_of: date, cal: Calendar | None = None) -> dict:
    """What a request's index shows (the data ``pdf_maker`` receives), without exporting:
    for a preview, or to make the index PDF on its own."""
    if not reads.request_exists(db, request_id):
        raise ExportError(f"There is no request with id {request_id}.")
    part = _plan_request(db, request_id, "request", as_of, cal or calendar())
    part.index.update(_about(as_of), files=_file_rows(part.files, "request"), notes=[], pdf_note=False)
    return part.index


__all__ = ["BundleResult", "ExportCancelled", "ExportError", "export_case", "export_request", "index_data"]
