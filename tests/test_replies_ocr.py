"""Scanned replies read by OCR: the text is proposed and kept beside the untouched scan,
marked "read by OCR"; without Tesseract the scan is still kept, flagged "no text"."""

import hashlib
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from foiadesk.core.replies import ocr
from foiadesk.core.replies.files import read_reply
from foiadesk.core.replies.importing import accept
from foiadesk.core.replies.parse import parse_reply
from foiadesk.core.store import log
from foiadesk.core.store.log import NewEvent

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
SCAN = FIXTURES / "irs-ack-scanned.pdf"  # IRS_ACK of make_fixtures.py, printed and scanned
needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract and pdftoppm are not installed")


@pytest.fixture(scope="module")
def scanned():
    """The scan, read once (OCR takes seconds)."""
    return read_reply(SCAN)


@pytest.mark.ocr
@needs_tesseract
def test_a_scanned_letter_is_read_by_ocr_and_says_so(scanned):
    reply = scanned
    assert reply.ocr and not reply.no_text
    assert any("read by OCR" in note for note in reply.notes)
    p = parse_reply(reply)
    # what the scanned page says: IRS letter of August 14, 2026 acknowledging 2026-IRS-FOIA-001234
    assert (p.reply_type, p.letter_date, p.tracking_numbers) == (
        "ack",
        date(2026, 8, 14),
        ("2026-IRS-FOIA-001234",),
    )


@pytest.mark.ocr
@needs_tesseract
def test_the_ocr_text_is_stored_beside_the_untouched_scan(db, scanned):
    component = log.ensure_component(
        db,
        abbr="IRS",
        name="Internal Revenue Service",
        agency_abbr="Treasury",
        agency_name="Department of the Treasury",
    )
    request_id = log.add_request(db, title="IRS–ICE MOU", component_id=component).new_id
    log.record_event(db, request_id, NewEvent("filed", date(2026, 8, 10)), today=date(2026, 11, 25))
    reply = scanned
    accept(db, request_id, parse_reply(reply), reply, today=date(2026, 11, 25))
    rows = db.execute(
        """SELECT a.filename, a.mime, f.content, e.body FROM attachments a JOIN files f ON f.sha256 = a.sha256
           JOIN events e ON e.id = a.event_id ORDER BY a.id"""
    ).fetchall()
    (scan_name, _, scan_bytes, body), (text_name, text_mime, text_bytes, _) = rows
    assert scan_name == "irs-ack-scanned.pdf"
    assert hashlib.sha256(scan_bytes).digest() == hashlib.sha256(SCAN.read_bytes()).digest()
    assert text_name == "irs-ack-scanned (read by OCR).txt" and text_mime == "text/plain"
    assert "read by OCR" in text_bytes.decode() and "2026-IRS-FOIA-001234" in text_bytes.decode()
    assert body.startswith("[read by OCR]")


@pytest.mark.ocr
@needs_tesseract
def test_ocr_stops_at_the_time_limit_and_keeps_the_scan():
    started = time.monotonic()
    reply = read_reply(SCAN, deadline=started)  # no time left at all
    assert time.monotonic() - started < 5
    assert not reply.ocr and reply.no_text
    assert any("OCR could not read" in note for note in reply.notes)


def test_without_ocr_a_scan_is_kept_and_flagged_no_text():
    reply = read_reply(SCAN)  # OCR is off for tests not marked "ocr", as on a machine without it
    assert reply.no_text and not reply.ocr
    assert reply.data == SCAN.read_bytes()


def _running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_a_program_past_its_time_limit_is_stopped_with_what_it_started(tmp_path):
    """A reader that hangs is killed at its limit, and so is any process it started."""
    marker = tmp_path / "child.pid"
    hangs = (
        "import subprocess, sys\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
        f"open({str(marker)!r}, 'w').write(str(child.pid))\n"
        "child.wait()\n"
    )
    with pytest.raises(ocr.OcrFailed, match="ran out of time"):
        ocr._run([sys.executable, "-c", hangs], None, 2.0)
    child = int(marker.read_text())
    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)
