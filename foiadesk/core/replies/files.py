"""Reading an agency's reply from a file: its text, and a clear refusal when it can't be used.

A reply arrives as an email (.eml, or Outlook's .msg), a PDF, a Word letter (.docx) or a
plain-text file. The
parser needs the words; the log needs the original bytes, kept exactly as they came. So
this module returns both and writes nothing. Files that cannot be read (empty, too big,
damaged, password-protected, or not what their name says) raise ``ReplyFileError`` with
the file's name and what is wrong. A PDF that is only scanned images is not an error: it
is kept and flagged ``no_text``, because the user can still read it and log it by hand.

The libraries that parse these formats raise all sorts of exceptions on damaged input;
each reader turns any of them into ``ReplyFileError``, so a bad file never becomes a crash.
"""

from __future__ import annotations

import codecs
import email.utils
import hashlib
import io
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from email import errors as email_errors
from email import policy
from email.message import Message
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path
from typing import cast

from foiadesk.core.errors import UserError
from foiadesk.core.inputs import MAX_FILE_BYTES, file_name, read_limited

MAX_BYTES = MAX_FILE_BYTES  # a reply letter is rarely over 5 MB; 50 MB covers scans and releases
MAX_PDF_PAGES = 60  # the letter is at the front; released records after it are not parsed
KINDS = {".eml": "eml", ".msg": "msg", ".pdf": "pdf", ".docx": "docx", ".txt": "txt"}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_TYPES = {
    "eml": "message/rfc822",
    "msg": "application/vnd.ms-outlook",
    "pdf": "application/pdf",
    "docx": DOCX_MIME,
    "txt": "text/plain",
}
KIND_NAMES = {
    "eml": "an email (.eml)",
    "msg": "an Outlook message (.msg)",
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "txt": "a text file",
}
# A .docx is a ZIP: what it unpacks to is capped, so a small file cannot fill the memory.
MAX_DOCX_UNPACKED = 4 * MAX_BYTES
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Multipart damage that means the parts of an email cannot be found reliably.
BROKEN_MIME = (
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.MultipartInvariantViolationDefect,
    email_errors.NoBoundaryInMultipartDefect,
)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
                  "latin-1": "Latin-1"}  # fmt: skip
EMAIL_HEADERS = {"from", "to", "subject", "date", "received", "message-id", "mime-version", "return-path"}


class ReplyFileError(UserError):
    """A reply file that cannot be imported; the message names the file and the problem."""


@dataclass(frozen=True)
class ReplyFile:
    """A reply as read from one file: the original bytes and the words in it."""

    filename: str
    data: bytes = field(repr=False)
    kind: str  # eml | msg | pdf | txt
    text: str  # subject, body and the text of attachments, in that order
    subject: str = ""
    sender: str = ""
    sent_on: date | None = None  # the email's Date header, as the sender wrote it
    attachments: tuple[str, ...] = ()  # names of files inside an email
    notes: tuple[str, ...] = ()  # what could not be read, for the user to know
    ocr: bool = False  # the text was read from a scan by OCR, not from a text layer

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.kind]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def no_text(self) -> bool:
        """Nothing to parse: a scan without a text layer, or an empty email."""
        return len(re.sub(r"\s+", "", self.text)) < 20


def read_reply(path: Path | str, *, deadline: float | None = None, check=None) -> ReplyFile:
    """Read a reply file from disk, refusing it before reading if it is empty or too big,
    or not a plain file (a folder, a device or a pipe, which could block forever)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ReplyFileError(f"{file_name(path.name)} is a folder, not a reply file.")
        if path.exists() and not path.is_file():
            raise ReplyFileError(f"{file_name(path.name)} is a device or a pipe, not a reply file.")
        size = path.stat().st_size
        _check_size(file_name(path.name), size)
    except OSError as exc:
        raise ReplyFileError(f"Cannot read {file_name(path.name)}: {exc.strerror or exc}.") from None
    data = read_limited(path, limit=MAX_BYTES, error=ReplyFileError)  # opened without blocking
    return read_reply_bytes(path.name, data, deadline=deadline, check=check)


def read_reply_bytes(filename: str, data: bytes, *, deadline: float | None = None, check=None) -> ReplyFile:
    """Read a reply from its bytes; ``filename`` says what it claims to be."""
    name = file_name(Path(filename).name) or "the file"  # no newline to forge output with
    kind = KINDS.get(Path(name).suffix.lower())
    if kind is None:
        raise ReplyFileError(
            f"{name}: FoiaDesk imports replies saved as .eml, .msg, .pdf, .docx or .txt "
            f"(not '{Path(name).suffix or 'no extension'}')."
        )
    _check_size(name, len(data))
    _check_kind(name, kind, data)
    reader = {
        "eml": _read_eml,
        "msg": _read_msg,
        "pdf": _read_pdf_file,
        "docx": _read_docx,
        "txt": _read_txt,
    }[kind]
    with _quiet_libraries():
        try:
            return reader(name, data, deadline=deadline, check=check)
        except (ReplyFileError, MemoryError):
            raise
        except RecursionError:
            raise ReplyFileError(f"{name} is damaged: its structure nests too deeply to read.") from None
        except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on bad input
            raise ReplyFileError(
                f"{name} is damaged and cannot be read as {KIND_NAMES[kind]} ({type(exc).__name__})."
            ) from None


# -- checks before reading ---------------------------------------------------------------------


def _check_size(name: str, size: int) -> None:
    if size == 0:
        raise ReplyFileError(f"{name} is empty (0 bytes): nothing to import.")
    if size > MAX_BYTES:
        raise ReplyFileError(
            f"{name} is {size / 1024 / 1024:.1f} MB; FoiaDesk imports replies up to "
            f"{MAX_BYTES // 1024 // 1024} MB. Import the letter on its own, without the released records."
        )


def _sniff(data: bytes) -> str:
    """What the bytes are, whatever the name says."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if _looks_like_email(data[:32768]):
        return "email"
    return "other"


def _looks_like_email(head: bytes) -> bool:
    """A header block first (after an mbox "From " line, if any) naming at least two of
    the headers every email has."""
    names = set()
    lines = head.splitlines()
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    for line in lines[:400]:
        if not line.strip():
            break
        match = re.match(rb"([!-9;-~]+):", line)
        if match:
            names.add(match.group(1).decode("ascii").lower())
        elif not line[:1].isspace():
            return False
    return len(names & EMAIL_HEADERS) >= 2


SNIFFED_NAMES = {
    "pdf": ("a PDF", ".pdf"),
    "ole": ("an Outlook message or Office file", ".msg"),
    "zip": ("a Word, Excel or ZIP file", None),
    "image": ("an image", None),
    "email": ("an email", ".eml"),
}


def _check_kind(name: str, kind: str, data: bytes) -> None:
    """Refuse a file whose contents do not match its extension, saying what it seems to be."""
    sniffed = _sniff(data)
    expected = {"pdf": "pdf", "msg": "ole", "eml": "email", "docx": "zip"}.get(kind)
    fits = sniffed == expected if expected else sniffed in ("other", "email")
    if fits:
        return
    if sniffed in SNIFFED_NAMES:
        what, suffix = SNIFFED_NAMES[sniffed]
        hint = (
            f" Rename it to {Path(name).stem}{suffix} and import it again."
            if suffix
            else " Save the letter as PDF or text and import that."
        )
        raise ReplyFileError(f"{name} is named {Path(name).suffix} but is {what}.{hint}")
    raise ReplyFileError(f"{name} is not {KIND_NAMES[kind]}: its contents are not in that format.")


@contextmanager
def _quiet_libraries():
    """pypdf and extract-msg log warnings about damaged files; the user gets our message instead."""
    loggers = [logging.getLogger(n) for n in ("pypdf", "extract_msg", "olefile")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


# -- text --------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Text bytes in whatever encoding they came in: a byte-order mark if there is one,
    else UTF-8, else Windows-1252 (what Windows tools write), else Latin-1."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _read_txt(name: str, data: bytes, **_limits) -> ReplyFile:
    text, _ = decode_text(data)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(8, len(text) // 20):
        raise ReplyFileError(f"{name} is named .txt but holds binary data, not text.")
    text = _tidy(text)
    if not text.strip():
        raise ReplyFileError(f"{name} holds only blank space: nothing to import.")
    return ReplyFile(name, data, "txt", text)


def _read_docx(name: str, data: bytes, **_limits) -> ReplyFile:
    """A letter written in Word: its letterhead (the page header), then the body's paragraphs
    and tables in their order, then the footer, one line each."""
    import zipfile

    from docx import Document

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except zipfile.BadZipFile:
        raise ReplyFileError(f"{name} is damaged and cannot be read as a Word document (.docx).") from None
    if "word/document.xml" not in {part.filename for part in parts}:
        raise ReplyFileError(f"{name} is not a Word document (.docx): it is another kind of ZIP file.")
    if sum(part.file_size for part in parts) > MAX_DOCX_UNPACKED:
        raise ReplyFileError(
            f"{name} unpacks to more than {MAX_DOCX_UNPACKED // 1024 // 1024} MB: not a letter."
        )
    document = Document(io.BytesIO(data))
    lines: list[str] = []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    footer = section.first_page_footer if section.different_first_page_header_footer else section.footer
    for part in (header, document, footer):
        for block in part.iter_inner_content():
            if hasattr(block, "rows"):  # a table: each row on a line, its cells apart
                for row in block.rows:
                    cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                    lines.append("   ".join(cells))
            else:
                lines.append(block.text)
    text = _tidy("\n".join(lines)).strip()
    if not text:
        raise ReplyFileError(f"{name} holds no text: nothing to import.")
    return ReplyFile(name, data, "docx", text + "\n")


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"[ \t]+\n", "\n", text)


class _HTMLText(HTMLParser):
    """The visible text of an HTML email body, one block per line."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- PDF ---------------------------------------------------------------------------------------


def pdf_text(name: str, data: bytes) -> tuple[str, list[str]]:
    """The text layer of the first pages of a PDF, and notes on what was not read.
    A PDF that needs a password to open is refused; one locked only against editing
    (an empty user password, common on agency releases) is read."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise ReplyFileError(
                f"{name} is encrypted with AES, which this installation cannot open. "
                "Print or save an unprotected copy and import that."
            ) from None
        if not opened:
            raise ReplyFileError(
                f"{name} is password-protected. Open it with its password, save an unprotected "
                "copy (or print it to PDF), and import that."
            )
    pages = len(reader.pages)
    if pages == 0:
        raise ReplyFileError(f"{name} is damaged: the PDF has no pages.")
    texts = [reader.pages[i].extract_text() or "" for i in range(min(pages, MAX_PDF_PAGES))]
    notes = []
    if pages > MAX_PDF_PAGES:
        notes.append(f"{name}: read the first {MAX_PDF_PAGES} of {pages} pages (the letter is at the front).")
    text = _tidy("\n".join(texts))
    if len(re.sub(r"\s+", "", text)) < 20:
        notes.append(f"{name} has no text layer (a scan?): read it and fill in the reply yourself.")
    return text, notes


OCR_NOTE = "read by OCR"


def _read_pdf_file(name: str, data: bytes, *, deadline: float | None = None, check=None) -> ReplyFile:
    """A PDF's text layer; a scan without one is read by OCR when Tesseract is installed,
    and marked so: OCR mistakes names, dates and numbers, so the user checks them."""
    text, notes = pdf_text(name, data)
    if len(re.sub(r"\s+", "", text)) >= 20:
        return ReplyFile(name, data, "pdf", text, notes=tuple(notes))
    from foiadesk.core.replies import ocr

    if not (ocr.ENABLED and ocr.available()):
        return ReplyFile(name, data, "pdf", text, notes=tuple(notes))
    try:
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(data), strict=False).pages)
        read = _tidy(ocr.ocr_pdf(data, pages, deadline=deadline, check=check))
    except ocr.OcrFailed as exc:
        return ReplyFile(
            name, data, "pdf", text, notes=(*notes, f"{name}: OCR could not read the scan ({exc}).")
        )
    kept = [n for n in notes if "no text layer" not in n]
    note = f"{name} is a scan: its text was {OCR_NOTE}. Check names, dates and numbers against the scan."
    return ReplyFile(name, data, "pdf", read, notes=(*kept, note), ocr=True)


# -- attachments inside emails -----------------------------------------------------------------


def _attachment_text(name: str, mime: str, data: bytes, notes: list[str], **limits) -> str:
    """Text of one file inside an email; a file that cannot be read becomes a note, since
    the email itself is still worth importing."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".pdf" or mime == "application/pdf":
            read = _read_pdf_file(name, data, **limits)
            if read.no_text:  # often the records released beside the letter, not the reply
                notes.append(
                    f"Attachment {name} is a scan FoiaDesk could not read; its text is not in this "
                    "review. If it holds the agency's letter rather than records, read it and "
                    "correct the fields."
                )
            else:
                notes.extend(read.notes)
            return read.text
        if suffix == ".msg" or data.startswith(OLE_MAGIC):
            return _read_msg(name, data).text
        if suffix == ".eml" or mime == "message/rfc822":
            return _read_eml(name, data, **limits).text
        if suffix in (".txt", ".text") or mime == "text/plain":
            return _tidy(decode_text(data)[0])
        if suffix == ".docx" or mime == DOCX_MIME:
            return _read_docx(name, data).text
        if suffix in (".htm", ".html") or mime == "text/html":
            return html_to_text(decode_text(data)[0])
    except ReplyFileError as exc:
        notes.append(f"Attachment {exc} Its text was not read.")
        return ""
    except Exception:  # noqa: BLE001 - a damaged attachment must not stop the email
        notes.append(f"Attachment {name} is damaged; its text was not read.")
        return ""
    notes.append(f"Attachment {name} ({mime}) is not a format FoiaDesk reads; its text was not read.")
    return ""


# -- email (.eml) ------------------------------------------------------------------------------


def _part_text(part: Message, notes: list[str]) -> str:
    payload = part.get_payload(decode=True) or b""
    assert isinstance(payload, bytes)  # a part that is not multipart decodes to bytes
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        text, used = decode_text(payload)
        notes.append(f"Text declared as '{charset}' was read as {ENCODING_NAMES.get(used, used)}.")
        return text


def _header(msg: Message, name: str) -> str:
    try:
        return re.sub(r"\s+", " ", decode_words(str(msg.get(name, "") or ""))).strip()
    except Exception:  # noqa: BLE001 - malformed encoded words
        return ""


# Headers are read raw (the compat32 policy) and their RFC 2047 encoded words decoded here,
# in one pass: the standard library's modern header parser needs memory growing with the
# square of the number of encoded words (50,000 of them in an 850 KB Subject took 20 GB).
MAX_HEADER_BYTES = 256 * 1024  # real headers, long Received chains included, are a few KB
MAX_HEADERS = 1000
MAX_ENCODED_WORDS = 500  # per header; the rest of a longer header is not decoded
ENCODED_WORD = re.compile(r"=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=")


def decode_words(value: str) -> str:
    """A header's RFC 2047 encoded words decoded (the first ``MAX_ENCODED_WORDS``), with
    the space between two adjacent encoded words dropped as the RFC says; linear time."""
    import base64
    import binascii
    import quopri

    out: list[str] = []
    pos = count = 0
    previous_end = -1
    for m in ENCODED_WORD.finditer(value):
        count += 1
        if count > MAX_ENCODED_WORDS:
            break
        between = value[pos : m.start()]
        if not (previous_end == m.start() - len(between) and previous_end >= 0 and not between.strip()):
            out.append(between)
        charset, kind, payload = m.group(1).split("*")[0], m.group(2).upper(), m.group(3)
        try:
            if kind == "B":
                raw = base64.b64decode(payload + "=" * (-len(payload) % 4))
            else:
                raw = quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"), header=True)
            out.append(raw.decode(charset, errors="replace"))
        except (LookupError, ValueError, binascii.Error):
            out.append(m.group(0))
        pos = previous_end = m.end()
    out.append(value[pos:] if count <= MAX_ENCODED_WORDS else "")
    return "".join(out)


def _check_headers(name: str, data: bytes) -> None:
    """Refuse an email whose header block is far beyond any real one, before parsing it."""
    end = min((i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i >= 0), default=len(data))
    if end > MAX_HEADER_BYTES:
        raise ReplyFileError(
            f"{name} has {end // 1024} KB of email headers (real emails have a few KB); it was not read."
        )
    lines = data[:end].count(b"\n")
    if lines > MAX_HEADERS * 4:
        raise ReplyFileError(
            f"{name} has {lines:,} header lines (real emails have a few dozen); it was not read."
        )


def _header_date(value: str) -> date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date() if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _read_eml(name: str, data: bytes, **limits) -> ReplyFile:
    _check_headers(name, data)
    msg = BytesParser(policy=policy.compat32).parsebytes(data)
    if len(msg.keys()) > MAX_HEADERS:
        raise ReplyFileError(
            f"{name} has {len(msg.keys()):,} headers (real emails have a few dozen); it was not read."
        )
    if not any(k.lower() in EMAIL_HEADERS for k in msg.keys()):
        raise ReplyFileError(f"{name} is not an email: it has no From, To, Subject or Date header.")
    broken = [d for part in msg.walk() for d in part.defects if isinstance(d, BROKEN_MIME)]
    if broken:
        what = (
            "it is cut short (its last part never ends)"
            if isinstance(broken[0], email_errors.CloseBoundaryNotFoundDefect)
            else f"its MIME structure is broken ({type(broken[0]).__name__}), so its parts cannot be found"
        )
        raise ReplyFileError(
            f"{name} is a damaged email: {what}. Save the message again from your mail program."
        )
    notes: list[str] = []
    plain, html, attached, names = [], [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        filename = decode_words(filename) if isinstance(filename, str) else None
        mime = part.get_content_type()
        if filename or part.get_content_disposition() == "attachment":
            filename = Path(filename or "unnamed attachment").name
            names.append(filename)
            payload = cast(bytes, part.get_payload(decode=True) or b"")  # not multipart: decodes to bytes
            attached.append(_attachment_text(filename, mime, payload, notes, **limits))
        elif mime == "text/plain":
            plain.append(_part_text(part, notes))
        elif mime == "text/html":
            html.append(html_to_text(_part_text(part, notes)))
    subject = _header(msg, "subject")
    body = "\n\n".join(plain) if plain else "\n\n".join(html)
    text = _tidy("\n\n".join(t for t in [f"Subject: {subject}" if subject else "", body, *attached] if t))
    return ReplyFile(
        name,
        data,
        "eml",
        text,
        subject=subject,
        sender=_header(msg, "from"),
        sent_on=_header_date(_header(msg, "date")),
        attachments=tuple(names),
        notes=tuple(notes),
        ocr=any(OCR_NOTE in n for n in notes),
    )


# -- Outlook (.msg) ----------------------------------------------------------------------------


def _read_msg(name: str, data: bytes, **limits) -> ReplyFile:
    import extract_msg

    try:
        # An email opens as a MessageBase; any other class lacks its fields and is reported as
        # damaged by read_reply_file.
        msg = cast(extract_msg.msg_classes.MessageBase, extract_msg.openMsg(data, delayAttachments=False))
    except Exception:  # noqa: BLE001 - olefile and extract-msg raise many kinds on bad input
        raise ReplyFileError(f"{name} is not an Outlook message, or it is damaged.") from None
    try:
        notes: list[str] = []
        subject = re.sub(r"\s+", " ", msg.subject or "").strip()
        body = msg.body or ""
        if not body.strip() and (html := getattr(msg, "htmlBody", None)):
            body = html_to_text(decode_text(html)[0])
        attached, names = [], []
        for att in msg.attachments:
            att_name = Path(att.longFilename or att.shortFilename or "unnamed attachment").name
            names.append(att_name)
            payload = att.data
            if isinstance(payload, bytes):
                attached.append(_attachment_text(att_name, att.mimetype or "", payload, notes, **limits))
            elif payload is not None and hasattr(payload, "body"):  # an email attached to the email
                attached.append(payload.body or "")
        sent = msg.date
        text = _tidy("\n\n".join(t for t in [f"Subject: {subject}" if subject else "", body, *attached] if t))
        return ReplyFile(
            name,
            data,
            "msg",
            text,
            subject=subject,
            sender=re.sub(r"\s+", " ", msg.sender or "").strip(),
            sent_on=sent.date() if sent else None,
            attachments=tuple(names),
            notes=tuple(notes),
            ocr=any(OCR_NOTE in n for n in notes),
        )
    finally:
        msg.close()
