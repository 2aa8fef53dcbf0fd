"""Fuzzing the importer: damaged files and odd text never crash it and never half-write the log.

Mutated copies of the real fixtures (bytes flipped, cut short, spliced) go through the
whole path a dropped file takes: read, parse, preview, accept. Each step either works or
raises a ``UserError`` naming the file; an accept that fails leaves every table as it was.
"""

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiadesk.core.errors import UserError
from foiadesk.core.replies.files import ReplyFileError, read_reply_bytes
from foiadesk.core.replies.importing import accept, plan, preview
from foiadesk.core.replies.parse import DATE_NAMES, REPLY_TYPES, parse_reply, parse_text
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
    # once quadratic: every "A." is an initial, not the end of a sentence
    proposal = parse_text("A. " * 50_000 + "This acknowledges receipt of your request.")
    assert proposal.reply_type == "ack"
