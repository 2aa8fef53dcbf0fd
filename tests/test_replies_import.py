"""Importing a reply onto a request: the preview the user reviews, and what accepting records."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from foiadesk import cli
from foiadesk.core.replies import importing as import_reply
from foiadesk.core.replies.files import read_reply
from foiadesk.core.replies.importing import DuplicateReplyError, accept, match_requests, preview
from foiadesk.core.replies.parse import parse_reply
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import LogError, NewEvent
from foiadesk.core.tracking.tracker import view_request

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
TODAY = date(2026, 11, 25)
D = date.fromisoformat
TABLES = ("events", "files", "attachments", "tracking_numbers", "fees")


def counts(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def letter(name):
    reply = read_reply(FIXTURES / name)
    return parse_reply(reply), reply


def new_request(db, abbr, title, *events):
    component = log.ensure_component(db, abbr=abbr, name=abbr, agency_abbr=abbr, agency_name=abbr)
    request_id = log.add_request(db, title=title, component_id=component).new_id
    for type_, on, kw in events:
        log.record_event(db, request_id, NewEvent(type_, D(on), **kw), today=TODAY)
    return request_id


@pytest.fixture
def ice(db):
    """The ICE request about the MOU, filed on the portal with a request to expedite."""
    return new_request(
        db,
        "ICE",
        "MOU, drafts and ICE's 6103(i)(2) requests",
        ("filed", "2026-09-28", {"channel": "portal"}),
        ("expedite_requested", "2026-09-28", {}),
    )


def clock(view_or_preview_clocks, label):
    return next(c for c in view_or_preview_clocks if c.label == label)


def test_preview_of_an_acknowledgment_shows_every_event_status_and_deadline(db, ice):
    proposal, reply = letter("ice-ack.eml")
    before = counts(db)
    shown = preview(db, ice, proposal, reply, today=TODAY)
    assert counts(db) == before  # a preview writes nothing
    assert [(e.type, e.occurred_on, e.outcome) for e in shown.events] == [
        ("acknowledged", D("2026-10-02"), None),
        ("extension_notice", D("2026-10-02"), None),
        ("expedite_decided", D("2026-10-02"), "denied"),
    ]
    ack = shown.events[0]
    assert (ack.agency_received_on, ack.named_date, ack.tracking_number, ack.channel) == (
        D("2026-09-29"),
        D("2027-01-14"),
        "2026-ICFO-41872",
        "email",
    )
    assert [f.filename for f in ack.files] == ["ice-ack.eml"]
    assert (shown.status_before, shown.status_after) == ("Filed", "Processing")
    changes = {c.label: (c.change, c.old and c.old.due, c.new and c.new.due) for c in shown.clocks}
    assert changes == {
        # receipt is now known (Sept 29, not the assumed Sept 28) and the extension adds 10 working days
        "Response due": ("moved", D("2026-10-27"), D("2026-11-12")),
        "Constructive exhaustion from": ("moved", D("2026-10-28"), D("2026-11-13")),
        # the expedite request came with the request, so it too was received Sept 29:
        # 10 calendar days after that is Oct 9 (it was Oct 8 from the assumed Sept 28)
        "Expedite decision due": ("closed", D("2026-10-08"), D("2026-10-09")),
        # decided Oct 2, in time: the day from which the delay could be taken to court is gone
        "Expedite: failure to decide reviewable from": ("gone", D("2026-10-09"), None),
        # a denial of expedition can be appealed: 90 working days at DHS components
        "Appeal the expedite denial by": ("new", None, D("2027-02-16")),
        # the acknowledgment's estimated completion date, shown beside the statutory date
        "Agency's estimated completion": ("new", None, D("2027-01-14")),
    }
    assert shown.can_accept and shown.problems == ()
    text = shown.text(TODAY)
    assert "Status: Filed → Processing" in text
    assert "* Response due (agency): 2026-10-27 (overdue) → 2026-11-12 (overdue)  [moved]" in text
    assert "2026-10-02  Expedite decision (Denied" in text


def test_accepting_records_what_the_preview_showed(db, ice):
    proposal, reply = letter("ice-ack.eml")
    shown = preview(db, ice, proposal, reply, today=TODAY)
    changes = accept(db, ice, proposal, reply, today=TODAY)
    assert len(changes.event_ids) == 3 and changes.stored == (reply.sha256,)
    view = view_request(db, ice)
    assert view.status == shown.status_after
    assert {c.label: c.due for c in view.clocks} == {c.label: c.new.due for c in shown.clocks if c.new}
    assert view.tracking_numbers == ("2026-ICFO-41872",)
    stored = db.execute("SELECT content FROM files WHERE sha256 = ?", [reply.sha256]).fetchone()[0]
    assert stored == (FIXTURES / "ice-ack.eml").read_bytes()  # the original, unchanged
    attached = db.execute("SELECT event_id, filename, mime FROM attachments").fetchall()
    assert attached == [(changes.new_id, "ice-ack.eml", "message/rfc822")]


def test_a_partial_release_after_the_acknowledgment(db, ice):
    accept(db, ice, *letter("ice-ack.eml"), today=TODAY)
    proposal, reply = letter("ice-partial.eml")
    assert match_requests(db, proposal) == [ice]  # dropped on the window, it finds its request
    shown = preview(db, ice, proposal, reply, today=TODAY)
    assert (shown.status_before, shown.status_after) == ("Processing", "Partly granted")
    response = clock(shown.clocks, "Response due")
    assert (response.change, response.new.done_on, response.new.state(TODAY)) == (
        "closed",
        D("2026-11-17"),
        "missed",
    )
    window = clock(shown.clocks, "Appeal the partial denial by")
    assert window.new.due == D("2027-03-30")  # 90 working days after November 17
    assert "Records were referred to Internal Revenue Service (IRS), which should answer you directly." in (
        shown.notes
    )
    accept(db, ice, proposal, reply, today=TODAY)
    event = view_request(db, ice).events[-1]
    assert (event.type, event.outcome) == ("determination", "partial")
    assert event.summary == (
        "exemptions b5, b6, b7C, b7E; no fee; records referred to Internal Revenue Service (IRS); "
        "from ice-partial.eml"
    )
    assert log.search(db, "Principal Legal Advisor") == [ice]  # the letter's words are searchable


def test_the_same_file_is_never_imported_twice(db, ice):
    proposal, reply = letter("ice-ack.eml")
    first = accept(db, ice, proposal, reply, today=TODAY)
    before = counts(db)
    with pytest.raises(DuplicateReplyError) as error:
        accept(db, ice, proposal, reply, today=TODAY)
    assert str(error.value) == (
        f"ice-ack.eml is already in the log: event #{first.new_id} 'Acknowledged' of 2026-10-02 on "
        f"request #{ice}. A letter is imported once; nothing was changed."
    )
    assert counts(db) == before
    again = preview(db, ice, proposal, replace(reply, filename="copy.eml"), today=TODAY)
    assert not again.can_accept and again.problems[0].startswith(
        "copy.eml is already in the log (as ice-ack.eml)"
    )
    log.void_event(db, first.new_id)  # taken back as a mistake: then it may come in again
    assert accept(db, ice, proposal, reply, today=TODAY).stored == ()  # the bytes were already stored


def test_a_failure_half_way_writes_nothing(db, ice, monkeypatch):
    proposal, reply = letter("ice-ack.eml")
    real = log.record_event
    calls = []

    def second_one_fails(*args, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise LogError("the disk is full")
        return real(*args, **kw)

    monkeypatch.setattr(import_reply, "record_event", second_one_fails)
    before = counts(db)
    with pytest.raises(LogError, match="the disk is full"):
        accept(db, ice, proposal, reply, today=TODAY)
    assert counts(db) == before
    assert view_request(db, ice).status == "Filed"


def test_a_fee_estimate_with_a_waiver_denial(db):
    treasury = new_request(db, "TREAS-DO", "Secretary's communications with DHS", ("filed", "2026-10-13", {}))
    proposal, reply = letter("treasury-fee-estimate.eml")
    shown = preview(db, treasury, proposal, reply, today=TODAY)
    events = [(e.type, e.agency_received_on, e.amount_cents, e.named_date, e.outcome) for e in shown.events]
    assert events == [
        ("acknowledged", D("2026-10-14"), None, None, None),  # "request received ... on October 14"
        ("fee_estimate", None, 47000, D("2026-12-10"), None),
        ("fee_decision", None, None, None, "waiver_denied"),
    ]
    assert shown.status_after == "Waiting on requester"
    response = clock(shown.clocks, "Response due")  # 20 working days from Oct 14; Nov 11 a holiday
    assert (response.old.due, response.new.due) == (D("2026-11-10"), D("2026-11-12"))
    reply_clock = clock(shown.clocks, "Accept or narrow the fee estimate by")
    assert (reply_clock.change, reply_clock.owed_by, reply_clock.new.due) == (
        "new",
        "requester",
        D("2026-12-10"),
    )
    appeal = clock(shown.clocks, "Appeal the fee-waiver denial by")
    assert appeal.new.due == D("2027-02-07")  # 90 calendar days: a Sunday, and the preview says so
    assert any("2027-02-07 is a Sunday: send the appeal before it" in n for n in shown.notes)
    accept(db, treasury, proposal, reply, today=TODAY)
    assert db.execute("SELECT kind, amount_cents FROM fees").fetchall() == [("estimate", 47000)]


def test_a_fee_waiver_decision_letter_opens_the_window_to_appeal_it(db):
    eeoc = new_request(db, "TREAS-DO", "Charge-processing manuals", ("filed", "2026-11-20", {}))
    proposal, reply = letter("eeoc-fee-waiver-denied.txt")
    later = D("2026-12-10")  # after the letter's date
    shown = preview(db, eeoc, proposal, reply, today=later)
    assert [(e.type, e.outcome) for e in shown.events] == [("fee_decision", "waiver_denied")]
    appeal = clock(shown.clocks, "Appeal the fee-waiver denial by")
    assert appeal.new.due == D("2027-03-03")  # December 3, 2026 + 90 calendar days
    undecided = replace(proposal, fee_waiver=None)
    assert preview(db, eeoc, undecided, reply, today=later).problems == (
        "Say whether the fee waiver was granted or denied.",
    )


def test_a_clarification_that_also_acknowledges_pauses_the_clock(db):
    dhs = new_request(db, "DHS-PRIV", "DHS–IRS communications", ("filed", "2026-10-26", {}))
    proposal, reply = letter("dhs-clarification.txt")
    shown = preview(db, dhs, proposal, reply, today=TODAY)
    assert [(e.type, e.agency_received_on, e.named_date) for e in shown.events] == [
        ("acknowledged", D("2026-10-27"), None),
        ("info_requested", None, D("2026-12-04")),
    ]
    assert shown.events[1].files and not shown.events[0].files  # the file goes with the main event
    assert shown.status_after == "Waiting on requester"
    response = clock(shown.clocks, "Response due")
    assert (response.change, response.new.paused) == ("paused", True)
    answer = clock(shown.clocks, "Answer the request for information by")
    assert answer.new.due == D("2026-12-04")


def test_a_still_interested_letter_gives_the_requester_a_deadline(db):
    doj = new_request(db, "DOJ-OIP", "AG and DAG records on the MOU", ("filed", "2026-07-08", {}))
    shown = preview(db, doj, *letter("doj-still-interested.eml"), today=TODAY)
    reply_clock = clock(shown.clocks, "Say you are still interested by")
    assert (reply_clock.change, reply_clock.new.due) == ("new", D("2026-12-12"))


def test_an_appeal_decision_needs_the_appeal_logged_first(db):
    irs = new_request(db, "IRS", "MOU drafts and Chief Counsel analyses", ("filed", "2026-05-01", {}))
    proposal, reply = letter("irs-appeal-decision.pdf")
    before = counts(db)
    shown = preview(db, irs, proposal, reply, today=TODAY)
    assert shown.problems == ("Appeal decided: log the appeal first.",)
    with pytest.raises(LogError, match="log the appeal first"):
        accept(db, irs, proposal, reply, today=TODAY)
    assert counts(db) == before
    log.record_event(db, irs, NewEvent("determination", D("2026-06-30"), outcome="denial"), today=TODAY)
    log.record_event(db, irs, NewEvent("appeal_filed", D("2026-09-10")), today=TODAY)
    accept(db, irs, proposal, reply, today=TODAY)
    view = view_request(db, irs)
    assert view.status == "Appeal partly granted"
    assert view.tracking_numbers == ("AP-2026-00412", "2026-IRS-FOIA-000522")


def test_a_scan_is_imported_once_the_user_fills_it_in(db, ice):
    proposal, reply = letter("ice-scanned-letter.pdf")
    shown = preview(db, ice, proposal, reply, today=TODAY)
    assert shown.problems == ("No letter date was found: enter the date printed on the letter.",)
    assert shown.notes == (
        "ice-scanned-letter.pdf has no text layer (a scan?): read it and fill in the reply yourself.",
    )
    edited = replace(proposal, reply_type="denial", letter_date=D("2026-11-20"), exemptions=("b7E",))
    accept(db, ice, edited, reply, today=TODAY)
    event = view_request(db, ice).events[-1]
    assert (event.type, event.outcome, event.summary) == (
        "determination",
        "denial",
        "exemptions b7E; from ice-scanned-letter.pdf",
    )


def test_edits_that_cannot_be_recorded_are_problems_not_crashes(db, ice):
    proposal, reply = letter("ice-ack.eml")
    bad = replace(proposal, reply_type="thanks", dates={"due": D("2026-12-01")})
    shown = preview(db, ice, bad, reply, today=TODAY)
    assert shown.problems[0].startswith("Unknown reply type 'thanks'.")
    assert shown.problems[1] == (
        "Unknown date name(s) due; known: received, estimated_completion, extended_due, reply_by."
    )
    future = replace(proposal, letter_date=D("2027-03-01"))
    assert (
        "Acknowledged: 2027-03-01 is in the future." in preview(db, ice, future, reply, today=TODAY).problems
    )


def test_a_letter_for_another_request_is_pointed_out(db, ice):
    accept(db, ice, *letter("ice-ack.eml"), today=TODAY)
    shown = preview(db, ice, *letter("dhs-no-records.pdf"), today=TODAY)
    assert (
        "The letter cites 2026-HQFO-01655, but this request has 2026-ICFO-41872: "
        "check that it is the right request." in shown.notes
    )


# -- the command line --------------------------------------------------------------------------


@pytest.fixture
def run(monkeypatch, capsys):
    """foiadesk with the reply commands added (the lead adds them to COMMAND_MODULES)."""
    if "foiadesk.cli.replies" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", cli.COMMAND_MODULES + ("foiadesk.cli.replies",))

    def invoke(*args):
        status = cli.run([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def test_parse_reply_json_is_one_object_with_the_fields(run):
    status, out, err = run("parse-reply", FIXTURES / "irs-partial.pdf", "--json")
    assert status == 0 and err == ""
    assert json.loads(out) == {
        "letter_date": "2026-11-18",
        "reply_type": "partial",
        "tracking_numbers": ["2026-IRS-FOIA-001234"],
        "exemptions": ["b3", "b5", "b6", "b7E"],
        "fee_amount": None,
        "fee_meaning": None,
        "dates": {"received": "2026-08-11"},
        "referred_to": None,
        "b3_statutes": ["26 U.S.C. 6103"],
        "extension": False,
        "expedite": None,
        "fee_waiver": None,
        "appeal_outcome": None,
        "closure_reason": None,
        "interim": False,
        "no_text": False,
    }


def test_parse_reply_without_json_is_a_readable_summary(run):
    status, out, _ = run("parse-reply", FIXTURES / "treasury-fee-estimate.eml")
    assert status == 0
    assert "Reply type:           fee (Fees)" in out
    assert "Fee:                  $470.00" in out
    assert "Dates:                received 2026-10-14, reply by 2026-12-10" in out


def test_import_reply_previews_and_writes_nothing_without_accept(run, tmp_path):
    db = tmp_path / "log.sqlite3"
    run("add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE")
    run("log", "--db", db, "1", "filed", "--on", "2026-09-28", "--channel", "portal")
    status, out, _ = run(
        "import-reply", "--db", db, "--request", 1, FIXTURES / "ice-ack.eml", "--today", TODAY
    )
    assert status == 0
    assert "Status: Filed → Processing" in out
    assert out.rstrip().endswith("Nothing was written. Run again with --accept to record it.")
    assert counts(connect(db)) == {
        "events": 1,
        "files": 0,
        "attachments": 0,
        "tracking_numbers": 0,
        "fees": 0,
    }
    status, out, _ = run("import-reply", "--db", db, "--request", 1, FIXTURES / "ice-ack.eml", "--accept")
    assert status == 0 and "Recorded events #2, #3, #4 on request #1; ice-ack.eml stored." in out
    # the next letter finds its request by the tracking number the acknowledgment gave it
    status, out, _ = run("import-reply", "--db", db, FIXTURES / "ice-partial.eml", "--accept")
    assert status == 0 and "on request #1" in out
    status, out, err = run("import-reply", "--db", db, FIXTURES / "ice-partial.eml", "--accept")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "ice-partial.eml is already in the log" in err


def test_import_reply_corrections_on_the_command_line(run, tmp_path):
    db = tmp_path / "log.sqlite3"
    run("add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE")
    run("log", "--db", db, "1", "filed", "--on", "2026-09-28")
    status, out, _ = run(
        "import-reply",
        "--db",
        db,
        "--request",
        1,
        FIXTURES / "ice-scanned-letter.pdf",
        "--type",
        "ack",
        "--letter-date",
        "2026-10-02",
        "--date",
        "received=2026-09-29",
        "--accept",
    )
    assert status == 0
    view = view_request(connect(db), 1)
    assert (view.events[-1].type, view.events[-1].agency_received_on) == ("acknowledged", D("2026-09-29"))
    status, _, err = run(
        "import-reply", "--db", db, "--request", 1, FIXTURES / "ice-ack.eml", "--date", "soon"
    )
    assert status == 2 and "--date wants NAME=YYYY-MM-DD" in err


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.eml", b"", "empty.eml is empty (0 bytes)"),
        ("letter.txt", b"%PDF-1.4\n", "letter.txt is named .txt but is a PDF"),
        (
            "letter.docx",
            b"PK\x03\x04",
            "letter.docx is damaged and cannot be read as a Word document (.docx).",
        ),
        (
            "nobound.eml",
            b"From: a@agency.gov\r\nTo: b@ridgeline.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\nno parts\r\n',
            "nobound.eml is a damaged email",
        ),
    ],
)
def test_bad_files_are_one_line_exit_2_and_store_nothing(run, tmp_path, name, data, message):
    db = tmp_path / "log.sqlite3"
    run("add-request", "--db", db, "--title", "MOU drafts", "--component", "ICE")
    run("log", "--db", db, "1", "filed", "--on", "2026-09-28")
    path = tmp_path / name
    path.write_bytes(data)
    for args in (("parse-reply", path), ("import-reply", "--db", db, "--request", 1, path, "--accept")):
        status, out, err = run(*args)
        assert status == 2 and out == "" and err.count("\n") == 1
        assert err.startswith(f"foiadesk: {message}")
    assert counts(connect(db))["files"] == 0


def test_a_password_protected_pdf_through_the_cli(run, tmp_path):
    status, out, err = run("parse-reply", FIXTURES / "irs-password.pdf")
    assert status == 2 and out == ""
    assert err == (
        "foiadesk: irs-password.pdf is password-protected. Open it with its password, save an "
        "unprotected copy (or print it to PDF), and import that.\n"
    )


def test_every_reply_command_has_help(run):
    sub = next(a for a in cli.build_parser()._actions if a.dest == "command")
    helps = {action.dest: action.help for action in sub._choices_actions}
    assert helps["parse-reply"] and helps["import-reply"]
    for name in ("parse-reply", "import-reply"):
        options = [a for a in sub.choices[name]._actions if a.dest not in ("help", "today")]
        assert all(a.help for a in options), name
