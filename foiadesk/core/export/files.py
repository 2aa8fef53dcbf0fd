"""The rules every export file follows: written whole or not at all, the same bytes for the
same data, and names that are safe on any system.

``atomic_output`` writes to a temporary file beside the target and renames it into place
only when the export completed, so an error or a cancel leaves nothing half-written.
``fixed_ooxml`` and ``fixed_pdf`` remove the moment of saving that Word, Excel and PDF
writers stamp into their files; ``safe_name`` and ``Folder`` name the files in a ZIP.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

from foiadesk.core.errors import UserError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))]
)


class ExportError(UserError):
    """An export that cannot be made; the message says why and what to do."""


class OutputExists(ExportError):
    """The output file is already there and replacing it was not asked for."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; choose another name or replace it.")
        self.path = path


class ExportCancelled(ExportError):
    """The user stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Export cancelled; nothing was written.")


def stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def check_target(out: Path | str, *, force: bool) -> Path:
    """The output path, refused early (before any long work) when it cannot be written.
    An open log, its -wal/-shm files, a backup or any other SQLite database is never
    replaced, even with ``force``."""
    from foiadesk.core.store.db import in_backups_folder, is_log_file

    out = Path(out).expanduser()
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name inside it.")
    log = is_log_file(out)
    if log is not None:
        raise ExportError(f"{out} is your FoiaDesk log {log.name} (or part of it); choose another name.")
    if in_backups_folder(out):
        raise ExportError(f"{out.parent} is where FoiaDesk keeps backups; save exports somewhere else.")
    if out.exists() and not out.is_file():
        raise ExportError(f"{out} is not a regular file (a device or pipe); choose a file name.")
    if out.is_file() and _is_database(out):
        raise ExportError(
            f"{out} is a database (a log or a backup); FoiaDesk never replaces one with an export."
        )
    if out.exists() and not force:
        raise OutputExists(out)
    parent = out.parent
    if not parent.exists():
        raise ExportError(f"The folder {parent} does not exist.")
    if not parent.is_dir():
        raise ExportError(f"{parent} is a file, not a folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"Cannot write in {parent}: permission denied.")
    return out


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


_PART = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}\.part$")


def clean_leftovers(folder: Path) -> int:
    """Remove the temporary files of exports (and backups) whose process is gone: a killed
    export leaves one behind. Returns how many were removed."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _PART.match(entry.name)
        if not m or not entry.is_file(follow_symlinks=False) or _alive(int(m[1])):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def part_name(out: Path) -> Path:
    """The temporary file beside ``out``; the process id in its name lets a later run
    tell a killed export's leftover from one still being written."""
    return out.parent / f".{out.name}.{os.getpid()}-{secrets.token_hex(4)}.part"


@contextmanager
def atomic_output(out: Path | str, *, force: bool) -> Iterator[BinaryIO]:
    """A file to write the export into; it becomes ``out`` only if the block completes.

    The temporary file sits beside ``out`` (so the rename is atomic), is created with the
    usual permissions (0666 less the umask), and is removed on any error or cancel."""
    out = check_target(out, force=force)
    clean_leftovers(out.parent)
    tmp = part_name(out)
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise ExportError(f"Cannot write in {out.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if out.exists() and not force:
            raise OutputExists(out)
        check_target(out, force=force)  # nothing became a log or a database meanwhile
        os.replace(tmp, out)
    except OSError as exc:
        raise ExportError(
            f"Could not write {out} (in {out.parent}): {exc.strerror or exc}; nothing was written."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


# Control characters other than tab and line feed: XML 1.0 (XLSX, DOCX) forbids most of
# them, RFC 5545 forbids them in TEXT values, and in a CSV they corrupt the cell. Word
# pastes a line break as a vertical tab; they all become spaces (a carriage return of a
# Windows line ending is dropped). Unicode non-characters and lone surrogates go too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` safe for every export format: no control characters but tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def zip_info(
    name: str, stamp: tuple[int, int, int, int, int, int], compress: int, size: int = 0
) -> zipfile.ZipInfo:
    """A ZIP entry that looks the same on every machine: one time, Unix rw-r--r--.
    Its size, given up front, lets zipfile switch to ZIP64 for a file over 2 GB."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    info.file_size = size
    return info


def fixed_ooxml(data: bytes, day: date) -> bytes:
    """A .docx or .xlsx with fixed ZIP times and its document dates set to ``day``:
    python-docx and openpyxl stamp both with the time of saving."""
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*<", rb"\g<1>" + stamp + b"<", body)
            dst.writestr(zip_info(info.filename, (1980, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED), body)
    return out.getvalue()


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))")
_XMP_DATE = re.compile(
    rb"(xmp:(?:CreateDate|ModifyDate|MetadataDate)[=>\"\s]+)(\d{4}-\d\d-\d\dT[\d:]{8})([^\"<]*)"
)
_PDF_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_PDF_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")


def fixed_pdf(data: bytes, day: date) -> bytes:
    """A PDF with its creation dates set to ``day`` (time zone zeroed) and its file ID
    derived from its content, so the same document gives the same bytes. Every
    substitution keeps its length, so the cross-reference offsets stay valid."""

    def zeroed(text: bytes) -> bytes:
        return re.sub(rb"\d", b"0", text)

    data = _PDF_DATE.sub(lambda m: m[1] + day.strftime("%Y%m%d").encode() + b"000000" + zeroed(m[3]), data)
    data = _XMP_DATE.sub(lambda m: m[1] + f"{day.isoformat()}T00:00:00".encode() + zeroed(m[3]), data)

    def filled(text: bytes) -> Callable[[re.Match], bytes]:
        def fill(m: re.Match) -> bytes:
            groups = list(m.groups())
            for i in (1, 3)[: len(groups) // 2]:  # the hex strings
                groups[i] = (text * (len(groups[i]) // len(text) + 1))[: len(groups[i])]
            return b"".join(groups)

        return fill

    masked = _PDF_CHECKSUM.sub(filled(b"0"), _PDF_ID.sub(filled(b"0"), data))
    digest = hashlib.sha256(masked).hexdigest().upper().encode()
    return _PDF_CHECKSUM.sub(filled(digest), _PDF_ID.sub(filled(digest), masked))


def office_in_name(component: str) -> str:
    """The office as a file or folder name says it ("DHS-Privacy", "HUD-Headquarters"), as the
    list shows it, never a directory key."""
    from foiadesk.core.tracking.titles import list_office

    return safe_name(list_office(component).replace(".", ""), "office")


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name that is safe in a ZIP and on Windows, macOS and Linux: ASCII letters,
    digits, '.', '-' and '_', no folder part, no leading dot, no device name such as CON,
    at most 100 characters, the extension kept."""
    name = re.split(r"[\\/]", name)[-1]
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name)
    name = re.sub(r"-{2,}", "-", name).strip("-._ ")
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 10:
        stem, ext = name, ""
    stem = stem.strip("-._") or fallback
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = "_" + stem
    stem = stem[: 99 - len(ext)]
    return f"{stem}.{ext}" if ext else stem


class Folder:
    """One folder of a ZIP: hands out safe names, adding -2, -3 … on a clash (compared
    without case, as Windows and macOS compare names)."""

    def __init__(self, path: str):
        self.path = path
        self._taken: set[str] = set()

    def take(self, name: str) -> str:
        """The path inside the ZIP for a file called ``name`` here."""
        candidate = safe_name(name)
        stem, dot, ext = candidate.rpartition(".")
        stem, ext = (stem, f".{ext}") if dot else (candidate, "")
        n = 1
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{stem}-{n}{ext}"
        self._taken.add(candidate.casefold())
        return f"{self.path}/{candidate}"
