"""Fuzzing the importer: damaged files and odd text never crash it and never half-write the log.

Mutated copies of the real fixtures (bytes flipped, cut short, spliced) go through the
whole path a dropped file takes: read, parse, preview, accept. Each step either works or
raises a ``UserError`` naming the file; an accept that fails leaves every table as it was.
"""

import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiadesk.core.errors import UserError
from foiadesk.core.replies.files import ReplyFileError, read_reply_bytes
from foiadesk.core.replies.importing import accept, plan, preview
from foiadesk.core.replies.kinds import DATE_NAMES, REPLY_TYPES
from foiadesk.core.replies.parse import MAX_PARSE_CHARS, parse_reply, parse_text
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import NewEvent

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
SAMPLES = {p.name: p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix != ".py"}
TODAY = date(2026, 11, 25)
TABLES = ("events", "files", "attachments", "tracking_numbers", "fees")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def damaged(draw):
    """A fixture with some bytes changed, a piece cut out or pasted in, or its end cut off."""
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        start = draw(st.integers(0, len(data)))
        data[start : start + draw(st.integers(0, 400))] = draw(st.binary(max_size=64))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return name, bytes(data)


def counts(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def check_proposal(proposal):
    as_json = proposal.as_json()
    assert as_json["reply_type"] in REPLY_TYPES
    assert set(as_json["dates"]) <= set(DATE_NAMES)
    assert all(code[0] == "b" and code[1] in "123456789" for code in as_json["exemptions"])
    assert as_json["fee_amount"] is None or as_json["fee_amount"] >= 0


@FUZZ
@given(damaged())
def test_damaged_files_are_read_or_refused_by_name(sample):
    name, data = sample
    try:
        reply = read_reply_bytes(name, data)
    except ReplyFileError as error:
        assert name in str(error)
        return
    assert reply.data == data  # never modified
    check_proposal(parse_reply(reply))


@FUZZ
@given(damaged())
def test_importing_a_damaged_file_writes_all_of_it_or_nothing(sample):
    name, data = sample
    db = connect(":memory:")
    try:
        component = log.ensure_component(db, abbr="ICE", name="ICE", agency_abbr="DHS", agency_name="DHS")
        request_id = log.add_request(db, title="MOU drafts", component_id=component).new_id
        log.record_event(db, request_id, NewEvent("filed", date(2026, 6, 1)), today=TODAY)
        before = counts(db)
        try:
            reply = read_reply_bytes(name, data)
            proposal = parse_reply(reply)
            preview(db, request_id, proposal, reply, today=TODAY)
            assert counts(db) == before  # a preview never writes
            events, _ = plan(proposal, reply, log.events_for(db, request_id))
            changes = accept(db, request_id, proposal, reply, today=TODAY)
        except UserError:
            assert counts(db) == before
            return
        after = counts(db)
        assert after["events"] == before["events"] + len(events) == before["events"] + len(changes.event_ids)
        assert after["files"] == before["files"] + 1 and after["attachments"] == before["attachments"] + 1
        stored = db.execute("SELECT content FROM files").fetchone()[0]
        assert stored == data
    finally:
        db.close()


LETTER_WORDS = [
    "This acknowledges receipt of your FOIA request",
    "received on November 3, 2026",
    "Re: FOIA Request Number 2026-ICFO-41872",
    "(b)(6) and (b)(7)(C) and (E)",
    "Exemptions 5, 6 and 7(C)",
    "26 U.S.C. § 6103(b)(2)",
    "neither confirm nor deny",
    "we referred 14 pages to the Internal Revenue Service (IRS) for direct response",
    "Total estimated fees $1,234.56",
    "up to $25.00",
    "within thirty days of the date of this letter",
    "unusual circumstances",
    "your appeal is granted in part",
    "no records were located",
    "released in part",
    "If",
    "U.S.",
    "11/31/2026",
    "\n",
    "\n\n",
    ". ",
    "(",
    "§",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LETTER_WORDS), st.text(max_size=30)), max_size=40))
def test_any_text_gives_a_well_formed_proposal(pieces):
    check_proposal(parse_text(" ".join(pieces), sent_on=date(2026, 11, 2)))


def test_a_long_run_of_abbreviations_is_read_quickly():
    # once quadratic: every "A." is an initial, not the end of a sentence (54,000
    # characters: all within what the reader reads)
    proposal = parse_text("A. " * 18_000 + "This acknowledges receipt of your request.")
    assert proposal.reply_type == "ack"


# -- large and repetitive input: reading stays linear (issue 16) ---------------------------------

MB = 1_000_000
HEAD = "U.S. Department of Homeland Security\nNovember 3, 2026\nRe: 2026-ICFO-41872\n\n"


def shapes(MB: int) -> dict[str, str]:  # noqa: N803 - the size, read as in the shapes below
    """Texts of about ``MB`` characters that once made (or could make) a pattern backtrack."""
    return {
        "blank lines": HEAD + "\n" * MB + "Exemptions:\n",
        "blank lines before a glossary heading": HEAD + "\n\n" * 10_000 + "FOIA Exemptions:\n" + "\n" * MB,
        "a total of many amounts": "Total " + "$1 " * (MB // 3),
        "repeated Request": HEAD + "Request " * (MB // 8),
        "repeated FOIA": HEAD + "FOIA " * (MB // 5),
        "repeated Case": HEAD + "Case " * (MB // 5),
        "repeated Case No": HEAD + "Case No " * (MB // 8),
        "repeated exemption lists": HEAD + "Exemptions 1, 2, and " * (MB // 20),
        "repeated subparts": HEAD + "(b)(7)(C)" * (MB // 9),
        "repeated (b)(3) statutes": HEAD + "(b)(3) 26 U.S.C. 6103 " * (MB // 22),
        "a referral to many offices": HEAD + "referred to the " + "Office " * (MB // 7),
        "hyphenated tokens": HEAD + "A1-" * (MB // 3),
        "one endless sentence": HEAD + "the " * (MB // 4),
        "repeated dates": HEAD + "by November 3, 2026 " * (MB // 20),
        "repeated abbreviations": "A. " * (MB // 3),
        "repeated money words": "you will owe $" * (MB // 14),
        "unticked boxes": HEAD + "☐ (b)(6)\n" * (MB // 9),
        "repeated enclosed records": HEAD + "portions of the enclosed documents " * (MB // 35),
        "repeated rationale clauses": HEAD + "withheld, the release of which " * (MB // 31),
        "repeated FOIA log labels": HEAD + "FOIA Log # FOlA " * (MB // 16),
        "a long Bates-like stamp": HEAD + "IDOIDIDOA-00" * (MB // 12),
        "repeated number-is labels": HEAD + "Request Number is " * (MB // 18),
        "repeated statutory-time words": HEAD + "will be unable to respond within the " * (MB // 37),
        "a label before a long blank run": "Re:" + " " * MB + "x",
        "labels each before blanks": ("Request No." + " " * 500) * (MB // 511),
        "repeated records as a subject": HEAD + "All the records records " * (MB // 24),
        "repeated pending proceedings": HEAD + "pending law enforcement proceedings and " * (MB // 40),
        "repeated refer-to labels": HEAD + "In reply refer to: A1-" * (MB // 22),
        "repeated marks in a number": HEAD + "Re: A1-" + "A1'-" * (MB // 4),
        "repeated expedite requests": HEAD + "you requested expedited processing " * (MB // 35),
        "repeated copies of requests": HEAD + "a copy of your request " * (MB // 23),
        # thousands of different numbers, each followed by a piece that could be its OCR-split tail
        "many distinct numbers": HEAD
        + " ".join(f"AB-{i} 1234{i % 10}" for i in range(10000, 10000 + MB // 16)),
        "repeated letterhead file numbers": "File Number: 20190427 " * (MB // 22) + "Dear X:",
        "repeated lost ligatures": HEAD + "con?rm nor deny " * (MB // 16),
        "repeated minimum fee words": HEAD + "the fees for the request are " * (MB // 29),
        # round s23's rules: date stamps with O for zero, broken numbers, a form's title line, bare
        # 7(A), open investigations, no further records and other systems' case numbers
        "repeated O date stamps": HEAD + "OCT 3 O " * (MB // 8),
        "repeated broken numbers": HEAD + "AB-12--AB-12- " * (MB // 14),
        "repeated form titles": HEAD + "FREEDOM OF I " * (MB // 13),
        "repeated withheld under": HEAD + "withheld under the (7)" * (MB // 22),
        "repeated open investigations": HEAD + "records are part of an ongoing investigation " * (MB // 45),
        "repeated no further records": HEAD + "we have no further " * (MB // 19),
        "repeated complaint case labels": HEAD + "complaint, case # " * (MB // 18),
        "repeated fiscal-year labels": HEAD + "Case FY20-" * (MB // 10),
        # round s24's rules: serial lists, OCR's FOJA, a year split by a space, other requests' numbers
        "repeated serial lists": HEAD + "SERIALS: A1 " * (MB // 12),
        "repeated FOJA": HEAD + "Act (FOJA) " * (MB // 11),
        "repeated split years": HEAD + "Re: FOIA No. 20 " * (MB // 16),
        "repeated other requests": HEAD + "records released under AB-12345 " * (MB // 32),
        # round s25's OCR and layout rules: dates and cites OCR'd, numbers broken at line ends, labels
        # run together, office codes, a year split inside a number, a subject run into the address
        "repeated OCR'd dates": HEAD + "June 2l, 2O1 6 " * (MB // 15),
        "repeated OCR'd dates on lines": HEAD + "May 9, 20 16\n" * (MB // 13),
        "repeated bracketed cites": HEAD + "{b}[7](C" * (MB // 8),
        "repeated broken line ends": HEAD + "AB-12 -\n\n" * (MB // 10),
        "repeated run-together labels": HEAD + "CaseTrackingRequestNumber " * (MB // 26),
        "repeated office codes": HEAD + "Re: DHS/OSIPRIV 11-" * (MB // 19),
        "repeated split years inside numbers": HEAD + "BPA-201 3-BPA-201 " * (MB // 18),
        "repeated run-in subjects": "20005Re: x" * (MB // 10) + "Dear X:",
    }


SHAPES = shapes(MB)


def _seconds(text: str) -> float:
    started = time.perf_counter()
    check_proposal(parse_text(text))
    return time.perf_counter() - started


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_megabyte_of_repetition_is_read_in_linear_time(shape):
    """A megabyte of one shape, of which parse_text reads its first MAX_PARSE_CHARS, against
    a quarter of that much: four times the text read takes about four times as long when
    reading is linear, sixteen times when a pattern backtracks. (A quarter of the megabyte
    would be cut to the same length, and could not show it.) The ratio holds on a busy
    machine, where a fixed limit would not; the fixed bound only catches a hang (a megabyte
    reads in a few seconds at most)."""
    quarter = _seconds(shapes(MAX_PARSE_CHARS // 4)[shape])
    whole = _seconds(SHAPES[shape])
    assert whole < max(1.0, 8 * quarter), f"{shape}: {quarter:.2f} s for a quarter, {whole:.2f} s for all"
    assert whole < 30, f"{shape} took {whole:.1f} s"


def test_many_labels_on_one_line_are_read_in_linear_time():
    """parse_text reads only its first MAX_PARSE_CHARS, so the megabyte shapes above compare two
    texts cut to the same length; this one stays under the cut. A line of thousands of labels
    before short numbers once made each number scan the line back to its start."""
    line = "Re: FOIA No. 20 "
    quarter = _seconds(line * (MAX_PARSE_CHARS // len(line) // 4))
    whole = _seconds(line * (MAX_PARSE_CHARS // len(line)))
    assert whole < max(0.5, 8 * quarter), f"{quarter:.2f} s for a quarter, {whole:.2f} s for all"


def test_a_ten_megabyte_letter_is_read_within_seconds():
    letter = (FIXTURES / "dhs-clarification.txt").read_text()
    started = time.perf_counter()
    check_proposal(parse_text(letter * (10 * MB // len(letter))))
    assert time.perf_counter() - started < 5


def test_a_subject_of_many_encoded_words_is_read_in_bounded_memory():
    # 8,000 encoded words once needed 586 MB with the standard header parser
    words = b"=?utf-8?B?w6k=?= " * 8000
    data = (
        b"From: a@b.gov\r\nTo: c@d.org\r\nSubject: "
        + words
        + b"\r\n\r\nThis acknowledges receipt of your request.\r\n"
    )
    tracemalloc.start()
    started = time.perf_counter()
    reply = read_reply_bytes("bomb.eml", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert reply.subject.startswith("éé") and time.perf_counter() - started < 5
    assert peak < 50 * MB


@pytest.mark.parametrize(
    "headers, says",
    [
        (b"Subject: " + b"=?utf-8?B?w6k=?= " * 50_000 + b"\r\n", "KB of email headers"),
        (b"X-Note: a\r\n" * 5000, "header lines"),
    ],
)
def test_an_email_with_monstrous_headers_is_refused_with_a_message(headers, says):
    data = b"From: a@b.gov\r\nTo: c@d.org\r\n" + headers + b"\r\nBody\r\n"
    with pytest.raises(ReplyFileError, match=says):
        read_reply_bytes("monster.eml", data)


def test_reading_past_its_time_limit_stops_with_a_message():
    with pytest.raises(UserError, match="took too long"):
        parse_text("This acknowledges receipt of your request. " * 1000, deadline=time.monotonic() - 1)
