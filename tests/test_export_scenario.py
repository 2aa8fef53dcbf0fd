"""A small log for the export tests: a case with two requests whose histories cover letters,
replies as imported (.eml with an attachment, .msg, .pdf), awkward file names, missed and
open deadlines on both sides, fees and tags. Other export tests import ``build_log``."""

from __future__ import annotations

import io
from datetime import date
from email.message import EmailMessage

from docx import Document

AS_OF = date(2026, 11, 25)
CASE = "irs-ice-mou"


def letter_docx(text: str) -> bytes:
    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def reply_eml() -> bytes:
    msg = EmailMessage()
    msg["From"] = "ICE FOIA Office <ice-foia@ice.dhs.example>"
    msg["To"] = "dana.whitfield@ledgerdesk.example"
    msg["Subject"] = "FOIA request 2026-ICFO-10001 acknowledged"
    msg["Date"] = "Mon, 29 Dec 2025 10:14:00 -0500"
    msg["Message-ID"] = "<ack-10001@ice.dhs.example>"
    msg.set_content("Your request was received on December 22, 2025 and assigned 2026-ICFO-10001.")
    msg.add_attachment(
        b"%PDF-1.4\n% acknowledgment letter\n",
        maintype="application",
        subtype="pdf",
        filename="acknowledgment.pdf",
    )
    return bytes(msg)


def build_log(db) -> dict:
    """Fill ``db`` with the scenario; returns the ids and the original bytes of every file."""
    from foiadesk.core.store import log
    from foiadesk.core.store.log import Attachment, NewEvent

    def event(rid, type_, on, **kw):
        return log.record_event(db, rid, NewEvent(type_, date.fromisoformat(on), **kw), today=AS_OF).new_id

    log.add_case(
        db,
        slug=CASE,
        name="IRS–ICE data-sharing memorandum of understanding (April 2025)",
        summary="ICE asks the IRS to confirm the addresses of people with final removal orders.",
    )
    log.add_case(db, slug="other-case", name="Another matter")
    case_id = db.execute("SELECT id FROM cases WHERE slug = ?", [CASE]).fetchone()[0]
    other_case = db.execute("SELECT id FROM cases WHERE slug = 'other-case'").fetchone()[0]
    requester = log.add_requester(
        db, name="Dana Whitfield", organization="The Ledger Desk", email="dana.whitfield@ledgerdesk.example"
    ).new_id
    ice = log.ensure_component(
        db,
        abbr="ICE",
        name="U.S. Immigration and Customs Enforcement",
        agency_abbr="DHS",
        agency_name="Department of Homeland Security",
    )
    irs = log.ensure_component(
        db,
        abbr="IRS",
        name="Internal Revenue Service",
        agency_abbr="TREAS",
        agency_name="Department of the Treasury",
    )
    a = log.add_request(
        db,
        title="MOU drafts & address-verification records <ICE>",
        component_id=ice,
        case_id=case_id,
        requester_id=requester,
        description="Drafts of the MOU and records of address requests",
    ).new_id
    b = log.add_request(
        db,
        title="IRS disclosure logs under 6103(i)(2)",
        component_id=irs,
        case_id=case_id,
        requester_id=requester,
    ).new_id
    c = log.add_request(db, title="Draft only, never sent", component_id=ice, case_id=other_case).new_id

    files = {
        "request letter": letter_docx("Freedom of Information Act request\nPlease search for the MOU."),
        "ack eml": reply_eml(),
        "determination letter": b"%PDF-1.4\n% determination letter, partial grant\n",
        "released records": b"%PDF-1.4\n% 120 pages of released records\n" + bytes(range(256)) * 40,
        "traversal": b"a file whose name tries to escape the folder\n",
        "reserved": b"a file named like a Windows device\n",
        "unicode": b"From: x\n\nr\xc3\xa9ponse\n",
        "appeal letter": letter_docx("Freedom of Information Act Appeal\nI appeal the determination."),
        "appeal ack msg": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"outlook message",
        "fee letter": b"%PDF-1.4\n% fee estimate $480\n",
    }
    ids = {"a": a, "b": b, "c": c}
    ids["drafted"] = event(
        a,
        "drafted",
        "2025-12-15",
        files=(
            Attachment(
                "2025-12-15_irs-ice-mou_ICE_request.docx",
                files["request letter"],
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ),
    )
    ids["filed"] = event(a, "filed", "2025-12-19", channel="portal", agency_received_on=date(2025, 12, 22))
    ids["ack"] = event(
        a,
        "acknowledged",
        "2025-12-29",
        channel="email",
        tracking_number="2026-ICFO-10001",
        agency_received_on=date(2025, 12, 22),
        summary="Acknowledged; placed in complex track",
        files=(Attachment("FOIA request acknowledged.eml", files["ack eml"], "message/rfc822"),),
    )
    ids["note"] = event(a, "note", "2026-01-05", summary="Private: called the liaison; off the record")
    ids["determination"] = event(
        a,
        "determination",
        "2026-02-10",
        channel="email",
        outcome="partial",
        summary="Partial grant: 120 pages released, 40 withheld under (b)(5) and (b)(7)(C)",
        files=(
            Attachment("letter.pdf", files["determination letter"], "application/pdf"),
            Attachment("Letter.PDF", files["released records"], "application/pdf"),
            Attachment("../../etc/passwd", files["traversal"], "text/plain"),
            Attachment("CON.txt", files["reserved"], "text/plain"),
            Attachment("Réponse été.eml", files["unicode"], "message/rfc822"),
        ),
    )
    ids["appeal"] = event(
        a,
        "appeal_filed",
        "2026-03-02",
        channel="email",
        files=(
            Attachment(
                "appeal.docx",
                files["appeal letter"],
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ),
    )
    ids["appeal_ack"] = event(
        a,
        "appeal_received",
        "2026-03-05",
        channel="email",
        agency_received_on=date(2026, 3, 4),
        tracking_number="A-2026-00042",
        files=(Attachment("appeal ack.msg", files["appeal ack msg"], "application/vnd.ms-outlook"),),
    )
    event(b, "filed", "2026-10-01", channel="email")
    event(b, "acknowledged", "2026-10-06", agency_received_on=date(2026, 10, 2), tracking_number="F26-123456")
    ids["fee"] = event(
        b,
        "fee_estimate",
        "2026-10-20",
        amount_cents=48000,
        named_date=date(2026, 12, 1),
        files=(Attachment("fee-estimate.pdf", files["fee letter"], "application/pdf"),),
    )
    log.tag_request(db, a, "litigation hold")
    log.tag_request(db, a, "priority")
    log.tag_request(db, b, "priority")
    return {"ids": ids, "files": files}


def test_scenario_has_the_deadlines_the_export_tests_rely_on(db):
    from foiadesk.core.tracking.tracker import view_request

    ids = build_log(db)["ids"]
    a = {c.key: c for c in view_request(db, ids["a"]).clocks}
    assert (a["response"].due, a["response"].state(AS_OF)) == (date(2026, 1, 22), "missed")
    assert a["exhaustion"].due == date(2026, 1, 23)
    assert a["appeal_decision"].state(AS_OF) == "overdue"
    b = {c.key: c for c in view_request(db, ids["b"]).clocks}
    assert (
        b["reply:fee_estimate:0"].due == date(2026, 12, 1)
        and b["reply:fee_estimate:0"].state(AS_OF) == "open"
    )
