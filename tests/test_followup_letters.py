"""Follow-up letters read as the office receiving them reads them: OGIS gets the requester's
own statements, signature and its own address; DHS offices get a street address and the
route DHS takes; no log label reaches a letter; narrow requests are told apart; an
individual without an organization can write; a letter asks an office only for what it
holds. Expected text comes from the rules and the directory, not from the code."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from requesters import NEWS_REPORTER

from foiadesk.core.demo import COMPONENTS, write_demo
from foiadesk.core.errors import UserError
from foiadesk.core.letters.compose import docx_text, draft_requests, log_drafts
from foiadesk.core.letters.content import DraftOptions
from foiadesk.core.letters.followups import Inputs, draft_followup, record_determination
from foiadesk.core.letters.next_steps import KINDS
from foiadesk.core.letters.profiles import profile_from_dict
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

DAY = date(2026, 12, 7)
FILED = date(2026, 9, 1)
DHS = ("ICE", "USCIS", "CBP", "DHS-PRIV")
# domain.md §1.14: "ogis@nara.gov; National Archives, 8601 Adelphi Road (OGIS), College Park,
# MD 20740-6001"; 5 U.S.C. 552(h) places OGIS in the National Archives and Records Administration
OGIS_LINES = [
    "Office of Government Information Services",
    "National Archives and Records Administration",
    "8601 Adelphi Road",
    "College Park, MD 20740-6001",
]
# SOURCE.txt (foia-gov-forms): DHS requests go "through the DHS web portal at dhs.gov/foia"
DHS_PORTAL = "https://www.dhs.gov/foia"


@pytest.fixture
def db(tmp_path):
    return connect(tmp_path / "log.sqlite3")


@pytest.fixture
def reporter():
    return NEWS_REPORTER


@pytest.fixture(scope="module")
def pack():
    return next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")


def paragraphs(docx: bytes) -> list[str]:
    """The letter's paragraphs (a line break inside one is a newline), empty ones dropped."""
    return [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.text.strip()]


def request_at(db, abbr: str, *, tracking: str = "T-1", title: str = "Records of the data exchange") -> int:
    """A request to `abbr`, filed and acknowledged with `tracking`."""
    comp = load_directory().component(abbr)
    rid = log.add_directory_request(db, comp, title=title).new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="portal"))
    log.record_event(
        db, rid, log.NewEvent("acknowledged", FILED, agency_received_on=FILED, tracking_number=tracking)
    )
    return rid


def letter(db, rid, kind, requester, **inputs) -> list[str]:
    return paragraphs(
        draft_followup(db, rid, kind, Inputs(**inputs), letter_date=DAY, requester=requester).docx
    )


# --- 1. the OGIS request -------------------------------------------------------------------


def test_ogis_request_is_the_requesters_own_letter_to_ogis_at_nara(db, reporter):
    # an IRS request: the IRS's rule that requests be signed is the IRS's, not OGIS's
    rid = request_at(db, "IRS", tracking="2026-IRS-FOIA-000123")
    record_determination(db, rid, on=date(2026, 10, 20), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 30), channel="mail"))
    paras = letter(db, rid, "ogis", reporter)
    body = "\n".join(paras)
    start = paras.index(DAY.strftime("%B %-d, %Y")) + 1
    assert paras[start].split("\n") == OGIS_LINES
    assert paras[start + 1] == "Sent by email to ogis@nara.gov"
    # what it certifies: only the requester's own acts, in the first person
    assert "No lawsuit" not in body and "is pending" not in body
    assert "I have not filed a lawsuit about this request." in body
    assert "I consent to OGIS discussing this request" in body
    # it tells what happened in the requester's voice, not about "the requester"
    assert "the requester" not in body.lower()
    assert "I filed an administrative appeal." in body
    # the requester's signature block, and nothing else, after the closing
    closing = paras.index("Sincerely,")
    assert paras[closing + 1 : closing + 3] == ["Dana Whitfield", "Reporter, The Ledger Desk"]
    assert paras[closing + 3].startswith("Attachments:")
    assert "_____" not in body
    # sent by email: what goes with it is attached, not enclosed
    assert "enclosed" not in body.lower()


def test_ogis_asks_for_what_the_dispute_needs(db, reporter):
    late = request_at(db, "ICE", tracking="2026-ICFO-00001")  # due October 1: no determination
    paras = letter(db, late, "ogis", reporter)
    assert any(p.startswith("A realistic estimated date of completion") for p in paras)
    answered = request_at(db, "CBP", tracking="CBP-FO-2026-000001")
    record_determination(db, answered, on=date(2026, 11, 2), outcome="denial")
    paras = letter(db, answered, "ogis", reporter)
    # the determination came: no estimated completion date, no offer to narrow what was decided
    assert not any("estimated date of completion" in p for p in paras if p.startswith("A "))
    assert not any("narrowing the request" in p for p in paras)
    assert "The dispute is about the determination of November 2, 2026, which denied my request." in (
        "\n".join(paras)
    )


# --- 2 and 3. DHS: a street address, and the route DHS takes -----------------------------


def test_the_privacy_office_appeal_address_has_a_street(db, reporter):
    rid = request_at(db, "DHS-PRIV", tracking="2026-HQFO-00001")
    record_determination(db, rid, on=date(2026, 11, 2), outcome="partial", exemptions=["b6"])
    paras = letter(db, rid, "appeal", reporter)
    addressee = next(p for p in paras if p.startswith("Appeals Officer")).split("\n")
    # domain.md §2.1: Mail Stop 0655 at 2707 Martin Luther King Jr. Ave SE, Washington, DC 20528-0655
    assert any(re.match(r"\d+ \w", line) for line in addressee), addressee
    assert "2707 Martin Luther King Jr. Ave SE, Mail Stop 0655" in addressee
    assert addressee[-1] == "Washington, DC 20528-0655"


@pytest.mark.parametrize("abbr", DHS)
def test_letters_to_dhs_offices_carry_the_dhs_portal(db, reporter, abbr):
    rid = request_at(db, abbr, tracking=f"{abbr}-2026-1")
    route = f"Submitted through the FOIA portal at {DHS_PORTAL}"
    assert route in letter(db, rid, "status", reporter)
    record_determination(db, rid, on=date(2026, 11, 2), outcome="partial", exemptions=["b5"])
    appeal = letter(db, rid, "appeal", reporter)
    assert route in appeal, appeal[:12]
    # filed online, the request and determination go as attachments; the addressee names the agency
    assert any(p.endswith("My request and the determination are attached.") for p in appeal)
    comp = load_directory().component(abbr)
    addressee = next(p for p in appeal if p.startswith("Appeals Officer"))
    names = (comp.parent_name, re.sub(r" \(.*\)", "", comp.name), "" if "-" in comp.abbr else comp.abbr)
    assert any(n and n in addressee for n in names), addressee
    # a status letter on the pending appeal goes the appeal's way too
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 10), channel="portal"))
    status = letter(db, rid, "status", reporter)
    assert "Dear Appeals Officer:" in status and route in status


def test_an_irs_appeal_goes_by_mail_with_no_portal_line(db, reporter):
    rid = request_at(db, "IRS", tracking="2026-IRS-FOIA-000124")
    record_determination(db, rid, on=date(2026, 11, 2), outcome="partial", exemptions=["b5"])
    appeal = letter(db, rid, "appeal", reporter)
    assert "Sent by mail" in appeal and not any(p.startswith("Submitted through") for p in appeal)
    assert any(p.endswith("My request and the determination are enclosed.") for p in appeal)
    assert any(p.startswith("Enclosures: my request of") for p in appeal)


# --- 4. no log label in any letter ----------------------------------------------------------


def test_no_log_label_reaches_any_follow_up_of_any_demo_request(tmp_path, reporter):
    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=45, seed=11, today=DAY)
    db = connect(path)
    titles = [r[0] for r in db.execute("SELECT title FROM requests")]
    tags = [r[0] for r in db.execute("SELECT name FROM tags") if " " in r[0]]  # "priority" is a word
    notes = [r[0] for r in db.execute("SELECT body FROM notes")]
    keys = [c[0] for c in COMPONENTS if "-" in c[0]]  # FoiaDesk's own keys: DHS-PRIV, TREAS-DO…
    for title in titles:  # a title reads like a request's subject
        assert not re.search(r"#\d|\((?:[A-Z-]+), ", title), title
    labels = re.compile(
        r"#\d+|\b(?:" + "|".join(map(re.escape, keys)) + r")\b|request-\d+|\.docx|\bdemo\b", re.I
    )
    drafted = 0
    inputs = Inputs(answer="The records are from 2025.", narrowing="Only 2025.", accept=False)
    for (rid,) in db.execute("SELECT id FROM requests ORDER BY id").fetchall():
        for kind in KINDS:
            try:
                followup = draft_followup(db, rid, kind, inputs, letter_date=DAY, requester=reporter)
            except UserError:
                continue  # the log does not support this kind for this request
            drafted += 1
            text = docx_text(followup.docx)
            found = labels.search(text)
            assert not found, (rid, kind, found.group(0))
            for label in tags + notes:
                assert label.lower() not in text.lower(), (rid, kind, label)
    assert drafted > 45 * 3  # every request gave at least the status letter and more


# --- 5. narrow requests are told apart ------------------------------------------------------


def test_each_letter_of_a_suite_names_its_own_records(db, reporter, pack):
    irs = load_directory().component("IRS")
    ids = [c.id for c in pack.categories_for("IRS")]
    suite = draft_requests(reporter, pack, ids, [irs], DraftOptions(letter_date=FILED), suite=True)
    titles = {c.id: c.title.rstrip(".") for c in pack.categories}
    subjects = [next(p for p in paragraphs(d.docx) if p.startswith("Re: ")) for d in suite]
    assert len(set(subjects)) == len(suite)
    for draft, subject in zip(suite, subjects, strict=True):
        assert all(titles[i] in subject for i in draft.category_ids), subject
    # the follow-ups: filed, not yet numbered; each status letter names its own records
    changes = log_drafts(db, pack, suite, DraftOptions(letter_date=FILED))
    status_subjects = []
    for rid, draft in zip(sorted(changes.request_ids), suite, strict=True):
        log.record_event(db, rid, log.NewEvent("filed", FILED, channel="portal"))
        paras = letter(db, rid, "status", reporter)
        subject = next(p for p in paras if p.startswith("Re: "))
        assert all(titles[i] in subject for i in draft.category_ids), subject
        status_subjects.append(subject)
    assert len(set(status_subjects)) == len(suite)


# --- 6. an individual requester --------------------------------------------------------------


def test_an_individual_without_organization_or_phone_drafts_clean_letters(db, pack):
    person = profile_from_dict(
        {
            "name": "Maria Ortega",
            "email": "maria@example.org",
            "address": "41 Elm Street\nSpringfield, MA 01103",
            "fee_category": "other",
        }
    )
    ice = load_directory().component("ICE")
    options = DraftOptions(letter_date=FILED, fee_waiver=True, fee_cap=Decimal("25"))
    (draft,) = draft_requests(person, pack, ["mou-text-and-drafts"], [ice], options)
    rid = request_at(db, "ICE", tracking="2026-ICFO-00077")
    record_determination(db, rid, on=date(2026, 11, 2), outcome="partial", exemptions=["b5"])
    for paras in (paragraphs(draft.docx), letter(db, rid, "appeal", person), letter(db, rid, "ogis", person)):
        body = "\n".join(paras)
        assert paras[:3] == ["Maria Ortega", "41 Elm Street\nSpringfield, MA 01103", "maria@example.org"]
        closing = paras.index("Sincerely,")
        assert paras[closing + 1] == "Maria Ortega"
        assert not re.search(r" ,|,,|of ,|\( *\)|·\s*$|\bNone\b", body, re.M), body
    # a letter does not promise publication the requester never offered
    request = "\n".join(paragraphs(draft.docx))
    assert "inform the public" not in request and "publish" not in request
    assert any("dissemination" in w for w in draft.warnings)


# --- 7. a letter asks an office only for what it holds ----------------------------------


def test_a_single_office_letter_asks_only_for_what_the_office_holds(reporter, pack):
    tigta = load_directory().component("TIGTA")
    held = [c.id for c in pack.categories_for("TIGTA")]
    other = next(c for c in pack.categories if "TIGTA" not in c.holders)
    options = DraftOptions(letter_date=DAY)
    (draft,) = draft_requests(reporter, pack, [other.id, *held], [tigta], options)
    assert draft.category_ids == tuple(held)
    assert other.title.rstrip(".") not in docx_text(draft.docx)
    assert any(other.title.rstrip(".") in w and "Left out" in w for w in draft.warnings)
    with pytest.raises(UserError, match="holds none of the chosen categories"):
        draft_requests(reporter, pack, [other.id], [tigta], options)


# --- what the rendered letters showed -------------------------------------------------------


def test_a_letter_says_no_answer_came_only_when_none_did(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00088")  # due September 29
    log.record_event(db, rid, log.NewEvent("status_inquiry", date(2026, 10, 10)))
    unanswered = "\n".join(letter(db, rid, "liaison", reporter))
    assert "with no determination made" in unanswered and "without an answer" in unanswered
    log.record_event(
        db, rid, log.NewEvent("estimated_completion", date(2026, 10, 20), named_date=date(2026, 11, 30))
    )
    record_determination(db, rid, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    liaison = "\n".join(letter(db, rid, "liaison", reporter))
    assert "with no determination made" not in liaison and "without an answer" not in liaison
    assert "the determination came only on November 20, 2026" in liaison
    assert "estimated date on which your office will complete action" not in liaison
    status = "\n".join(letter(db, rid, "status", reporter))
    assert "without an answer" not in status


# 5 U.S.C. 552(a)(7)(B)(ii): the estimated date on which the agency will complete action is
# for a request still pending; a determination completes the action.
ECD_ASKED = "estimated date on which your office will complete action"


def test_a_status_inquiry_after_the_determination_asks_no_completion_date(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00090")
    record_determination(db, rid, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    status = "\n".join(letter(db, rid, "status", reporter))
    assert ECD_ASKED not in status and "estimated date of completion" not in status
    assert "slows it down" not in status  # nothing is slow once it is decided
    assert "Your office made its determination on this request on November 20, 2026" in status
    assert "If any of the records it releases have not yet reached me" in status


def test_a_status_inquiry_after_a_denial_asks_for_no_records(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00091")
    record_determination(db, rid, on=date(2026, 11, 20), outcome="denial")
    followup = draft_followup(db, rid, "status", Inputs(), letter_date=DAY, requester=reporter)
    status = docx_text(followup.docx)
    assert ECD_ASKED not in status and "records it releases" not in status
    assert any("appeal" in w for w in followup.warnings)


def test_a_status_inquiry_after_an_interim_release_asks_about_the_rest(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00092")
    log.record_event(db, rid, log.NewEvent("interim_release", date(2026, 11, 2)))
    status = "\n".join(letter(db, rid, "status", reporter))
    assert "I received the records your office released on November 2, 2026." in status
    assert "complete action on the rest (5 U.S.C. 552(a)(7)(B)" in status
    assert "and release the rest as it is processed." in status
    assert "If some records have already been processed" not in status  # they were: it said so


def test_the_liaison_note_names_the_privacy_office_not_its_directory_key(db, reporter):
    # components.json has no FOIA Public Liaison for DHS-PRIV, "DHS Privacy Office (FOIA for
    # DHS headquarters)": the note says so by the office's public name
    rid = request_at(db, "DHS-PRIV", tracking="2026-HQFO-00001")
    followup = draft_followup(db, rid, "liaison", Inputs(), letter_date=DAY, requester=reporter)
    note = next(w for w in followup.warnings if "FOIA Public Liaison" in w)
    assert "DHS Privacy Office:" in note
    assert not any("DHS-PRIV" in w for w in followup.warnings)
    assert "DHS-PRIV" not in docx_text(followup.docx)


def test_the_addressee_does_not_repeat_the_office_by_its_abbreviation(db, reporter):
    rid = request_at(db, "TIGTA", tracking="2026-FOIA-00001")
    addressee = next(p for p in letter(db, rid, "status", reporter) if p.startswith("FOIA Officer"))
    lines = addressee.split("\n")
    assert lines[1] == "Treasury Inspector General for Tax Administration" and "TIGTA" not in lines


def test_the_complaint_outline_has_no_empty_exhibit_list(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00099")  # nothing attached to its log
    outline = letter(db, rid, "complaint-outline", reporter)
    assert "Exhibits" not in outline


# --- an appeal argues expedition only while it is not granted ------------------------------

RENEWED = "I renew my request for expedited processing"
# 5 U.S.C. 552(a)(6)(E)(vi): the certification an expedite section carries, "true and correct
# to the best of [the requester's] knowledge and belief"
CERTIFIED = "true and correct to the best of my knowledge and belief"


def _appeal_after_expedite(db, reporter, decision: str | None) -> str:
    rid = request_at(db, "ICE", tracking="2026-ICFO-00123")
    log.record_event(db, rid, log.NewEvent("expedite_requested", FILED, agency_received_on=FILED))
    if decision:
        log.record_event(db, rid, log.NewEvent("expedite_decided", date(2026, 9, 8), outcome=decision))
    record_determination(db, rid, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    return "\n".join(letter(db, rid, "appeal", reporter))


def test_an_appeal_after_expedition_was_granted_does_not_ask_for_it_again(db, reporter):
    appeal = _appeal_after_expedite(db, reporter, "granted")
    assert RENEWED not in appeal
    assert "Expedited processing" not in appeal  # no heading, no argument
    assert CERTIFIED not in appeal  # nothing left to certify
    assert "Exemption 5" in appeal  # the appeal itself is whole


def test_an_appeal_renews_expedition_that_was_denied_or_never_decided(db, reporter):
    denied = _appeal_after_expedite(db, reporter, "denied")
    assert RENEWED in denied and CERTIFIED in denied
    assert "Expedited processing was denied on September 8, 2026." in denied
    undecided = _appeal_after_expedite(db, reporter, None)
    assert RENEWED in undecided and CERTIFIED in undecided
    assert "The compelling need set out in my request of September 1, 2026 continues." in undecided


def test_a_grant_after_a_denial_ends_the_expedite_appeal(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00124")
    log.record_event(db, rid, log.NewEvent("expedite_requested", FILED, agency_received_on=FILED))
    log.record_event(db, rid, log.NewEvent("expedite_decided", date(2026, 9, 8), outcome="denied"))
    log.record_event(db, rid, log.NewEvent("expedite_decided", date(2026, 10, 1), outcome="granted"))
    record_determination(db, rid, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    followup = draft_followup(
        db, rid, "appeal", Inputs(expedite_argument="Still urgent."), letter_date=DAY, requester=reporter
    )
    text = docx_text(followup.docx)
    assert RENEWED not in text and "Still urgent." not in text and "denied on September 8" not in text
    assert any("granted on October 1, 2026" in w for w in followup.warnings)


def _enclosures(appeal: str) -> str:
    return next(line for line in appeal.split("\n") if line.startswith(("Enclosures:", "Attachments:")))


def test_an_appeal_arguing_an_expedite_denial_encloses_that_denial_with_its_date(db, reporter):
    # the log holds a denial of expedition (September 8) and a determination (November 20):
    # the appeal argues both, so both letters go with it
    denied = _appeal_after_expedite(db, reporter, "denied")
    assert _enclosures(denied).split(": ", 1)[1] == (
        "my request of September 1, 2026; the determination of November 20, 2026; "
        "the denial of expedited processing dated September 8, 2026."
    )
    assert "My request, the determination and the denial of expedited processing are attached." in denied
    # nothing denied, nothing more to enclose
    undecided = _appeal_after_expedite(db, reporter, None)
    assert "expedited processing dated" not in _enclosures(undecided)


def test_an_appeal_of_the_expedite_denial_alone_lists_it_once(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00125")
    log.record_event(db, rid, log.NewEvent("expedite_requested", FILED, agency_received_on=FILED))
    log.record_event(db, rid, log.NewEvent("expedite_decided", date(2026, 9, 8), outcome="denied"))
    appeal = "\n".join(letter(db, rid, "appeal", reporter))
    assert _enclosures(appeal).split(": ", 1)[1] == (
        "my request of September 1, 2026; the denial of expedited processing dated September 8, 2026."
    )


# --- a lawyer's exhibit list names documents, not files ----------------------------------------


def test_the_complaint_outline_names_each_exhibit_by_what_it_is(db, reporter, pack):
    ice = load_directory().component("ICE")
    (draft,) = draft_requests(reporter, pack, ["mou-text-and-drafts"], [ice], DraftOptions(letter_date=FILED))
    (rid,) = log_drafts(db, pack, [draft], DraftOptions(letter_date=FILED)).request_ids
    pdf = "application/pdf"
    log.record_event(
        db,
        rid,
        log.NewEvent(
            "filed",
            FILED,
            channel="portal",
            files=(
                log.Attachment(draft.filename, draft.docx, "application/vnd.openxmlformats-officedocument"
                               ".wordprocessingml.document"),
                log.Attachment("Screenshot 2026-09-01 at 10.02.pdf", b"%PDF portal page", pdf),
            ),
        ),
    )  # fmt: skip
    log.record_event(
        db,
        rid,
        log.NewEvent(
            "acknowledged",
            date(2026, 9, 3),
            tracking_number="2026-ICFO-00555",
            files=(
                log.Attachment("ack.pdf", b"%PDF scan", pdf),
                log.Attachment("ack (read by OCR).txt", b"Text of ack.pdf, read by OCR", "text/plain"),
            ),
        ),
    )
    record_determination(
        db,
        rid,
        on=date(2026, 10, 30),
        outcome="partial",
        exemptions=["b5"],
        files=(
            log.Attachment("ICE 2026-ICFO-00555 final.pdf", b"%PDF letter", pdf),
            log.Attachment("Release 1.pdf", b"%PDF records", pdf),
        ),
    )
    outline = letter(db, rid, "complaint-outline", reporter)
    listed = outline[outline.index("Exhibits") + 1 :][:4]
    assert listed == [
        "Exhibit A:\tPlaintiff's request letter of September 1, 2026.",
        "Exhibit B:\tProof that the request was sent, September 1, 2026.",
        "Exhibit C:\tICE's acknowledgment of September 3, 2026.",  # the scan; not the text OCR read
        "Exhibit D:\tICE's determination of October 30, 2026.",
    ]
    assert outline[outline.index("Exhibits") + 5] == "Exhibit E:\tEnclosure to Exhibit D."
    text = "\n".join(outline)
    assert ".pdf" not in text and ".docx" not in text and ".txt" not in text


def test_no_exhibit_is_named_by_an_event_types_key():
    """Every event type sent or received has its words in the exhibit list; a type this
    version does not know (a newer log's) is called correspondence, never by its key."""
    from foiadesk.core.deadlines.events import EVENT_TYPES
    from foiadesk.core.letters.followups import exhibits

    privacy = load_directory().component("DHS-PRIV")
    kinds = [*EVENT_TYPES, "records_posted_online"]
    files = [("2026-10-06", kind, n, f"{kind}.pdf", "application/pdf", False) for n, kind in enumerate(kinds)]
    named = {kind: row["what"] for kind, row in zip(kinds, exhibits(files, privacy), strict=True)}
    for what in named.values():
        assert "_" not in what and "DHS-PRIV" not in what, what
    assert named["acknowledged"] == "The DHS Privacy Office's acknowledgment of October 6, 2026"
    assert named["records_posted_online"] == "Correspondence of October 6, 2026"
    told = [k for k, t in EVENT_TYPES.items() if t.direction != "internal"]
    assert not any(named[k].startswith("Correspondence") for k in told)  # each has its own words


@pytest.mark.parametrize(
    ("name", "in_a_sentence"),
    [
        ("DHS Privacy Office", "the DHS Privacy Office"),
        ("Office of Legal Counsel", "the Office of Legal Counsel"),
        ("Civil Division", "the Civil Division"),
        ("Internal Revenue Service", "the Internal Revenue Service"),
        ("Federal Bureau of Investigation", "the Federal Bureau of Investigation"),
        ("NASA Shared Service Center", "the NASA Shared Service Center"),
        ("Centers for Disease Control and Prevention", "the Centers for Disease Control and Prevention"),
        ("Financial Crimes Enforcement Network", "the Financial Crimes Enforcement Network"),
        ("U.S. Immigration and Customs Enforcement", "U.S. Immigration and Customs Enforcement"),
        ("U.S. Customs and Border Protection", "U.S. Customs and Border Protection"),
        ("The Office of the Secretary", "The Office of the Secretary"),
    ],
)
def test_an_office_takes_the_where_its_name_does(name, in_a_sentence):
    from foiadesk.core.letters.content import with_article

    assert with_article(name) == in_a_sentence


def test_messages_name_the_office_as_a_sentence_does():
    from dataclasses import replace

    from foiadesk.core.letters.content import appeal_office, short_name

    directory = load_directory()
    privacy = replace(directory.component("DHS-PRIV"), appeal_address=None, appeal_channels=())
    warnings: list[str] = []
    appeal_office(privacy, warnings=warnings)
    assert "No appeal address is on file for the DHS Privacy Office: copy the one printed in the " \
        "determination letter." in warnings  # fmt: skip
    said = {k: short_name(directory.component(k)) for k in ("ICE", "IRS", "TIGTA", "DOJ-CIV")}
    assert said == {"ICE": "ICE", "IRS": "the IRS", "TIGTA": "TIGTA", "DOJ-CIV": "the Civil Division"}
    # a FOIA.gov abbreviation may be said either way ("the FBI", "NASA"): the name is used
    assert short_name(directory.component("FLETC")) == "the Federal Law Enforcement Training Center"
    assert short_name(directory.component("JPL")) == "the Jet Propulsion Laboratory"


# A Glomar response is not a search: the agency has said only that the existence of records is
# itself protected, so the appeal asks it to name the exemption and the harm, or to confirm.
def _adverse_appeal(db, reporter, outcome: str, tracking: str):
    rid = request_at(db, "ICE", tracking=tracking)
    record_determination(db, rid, on=date(2026, 11, 20), outcome=outcome)
    return draft_followup(db, rid, "appeal", Inputs(), letter_date=DAY, requester=reporter)


def test_a_glomar_appeal_argues_the_glomar_not_the_search(db, reporter):
    appeal = _adverse_appeal(db, reporter, "glomar", "2026-ICFO-00131")
    text = "\n".join(paragraphs(appeal.docx))
    assert "Neither confirming nor denying" in text
    assert (
        "proper only where confirming or denying would itself disclose information an exemption protects"
        in text
    )
    assert "confirm whether responsive records exist, search for them" in text
    assert "Adequacy of the search" not in text
    assert any("Glomar" in w and "--other-argument" in w for w in appeal.warnings)


# A Glomar response that cites an exemption withheld no record: the appeal argues the exemption
# against the fact of existence, never as "records withheld" with redactions to narrow. Exemption
# 7 covers only "records or information compiled for law enforcement purposes" (5 U.S.C.
# 552(b)(7)), so that threshold is asked of the records' existence too.
def test_a_glomar_appeal_argues_the_cited_exemption_against_the_fact_of_existence(db, reporter):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00133")
    record_determination(db, rid, on=date(2026, 11, 20), outcome="glomar", exemptions=["b7C"])
    appeal = draft_followup(db, rid, "appeal", Inputs(), letter_date=DAY, requester=reporter)
    text = "\n".join(paragraphs(appeal.docx))
    assert "Records withheld" not in text and "withheld under" not in text
    assert "redact" not in text
    glomar = text[text.index("Neither confirming nor denying") :]
    assert glomar.split("\n")[1].startswith("ICE cited Exemption 7(C) (5 U.S.C. 552(b)(7)(C)).")
    assert "would itself disclose information that exemption protects" in glomar
    assert "compiled for law enforcement purposes" in glomar
    assert "Please identify that exemption" not in glomar  # it was named


def test_a_no_records_appeal_still_argues_the_search(db, reporter):
    appeal = _adverse_appeal(db, reporter, "no_records", "2026-ICFO-00132")
    text = "\n".join(paragraphs(appeal.docx))
    assert "Adequacy of the search" in text
    assert "reasonably calculated to uncover all responsive records" in text
    assert "Neither confirming nor denying" not in text
    assert any("--search-argument" in w for w in appeal.warnings)


# Filed and received Tue 2026-09-01: 20 working days (Labor Day 09-07 off) end Wed 09-30. A
# notice of unusual circumstances sent on 09-15 adds 10 working days (Columbus Day 10-12 off):
# Thu 10-15. One sent on 10-05, after the 20 days ran out, extends nothing (552(a)(6)(B)(i)
# lets the agency extend only by a notice within them).
@pytest.mark.parametrize(
    "notice_on, ran_out",
    [
        (date(2026, 9, 15), "which ran out on October 15, 2026 as extended."),
        (date(2026, 10, 5), "which ran out on September 30, 2026."),
    ],
)
def test_a_complaint_says_as_extended_only_when_the_notice_came_in_time(db, reporter, notice_on, ran_out):
    rid = request_at(db, "ICE", tracking="2026-ICFO-00141")
    log.record_event(db, rid, log.NewEvent("extension_notice", notice_on))
    outline = "\n".join(letter(db, rid, "complaint-outline", reporter))
    assert ran_out in outline


def test_a_waiver_appeal_says_what_the_request_showed_only_of_a_letter_drafted_here(db, reporter, pack):
    """A request sent some other way (added by hand) may never have argued the waiver: the appeal
    argues it itself, and says nothing of what the request showed or explained."""
    ice = load_directory().component("ICE")
    options = DraftOptions(letter_date=FILED, fee_waiver=True, fee_cap=Decimal("25"))
    (draft,) = draft_requests(reporter, pack, ["mou-text-and-drafts"], [ice], options)
    (drafted,) = log_drafts(db, pack, [draft], options).request_ids
    by_hand = request_at(db, "ICE", tracking="2026-ICFO-00078")
    for rid in (drafted, by_hand):
        if rid == drafted:
            log.record_event(db, rid, log.NewEvent("filed", FILED, channel="portal"))
            number = "2026-ICFO-00079"
            ack = log.NewEvent("acknowledged", FILED, agency_received_on=FILED, tracking_number=number)
            log.record_event(db, rid, ack)
        log.record_event(db, rid, log.NewEvent("fee_decision", date(2026, 9, 20), outcome="waiver_denied"))
    ours = "\n".join(letter(db, drafted, "appeal", reporter))
    assert "As my request showed, each factor of your regulations" in ours
    theirs = "\n".join(letter(db, by_hand, "appeal", reporter))
    assert "Each factor of your regulations (6 CFR 5.11(k)) is met." in theirs
    assert "my request showed" not in theirs.lower() and "my request explained" not in theirs


def test_a_request_logged_without_a_signer_is_signed_by_the_log_s_only_profile(db):
    """A request filed outside FoiaDesk and added to the log to track it has no requester;
    its follow-up is signed by the one profile the log has, or says where to add one."""
    rid = request_at(db, "ICE")
    with pytest.raises(UserError, match=r"add yours in Settings › Requester profiles"):
        draft_followup(db, rid, "status", Inputs(), letter_date=DAY)
    log.add_requester(db, name="Maya Okafor", email="maya@example.org")
    text = "\n".join(paragraphs(draft_followup(db, rid, "status", Inputs(), letter_date=DAY).docx))
    assert "Maya Okafor" in text
    # two profiles: which of them signs is the user's to say, not FoiaDesk's to guess
    log.add_requester(db, name="Jon Roe", email="jon@example.org")
    with pytest.raises(UserError, match="no requester profile to sign with"):
        draft_followup(db, rid, "status", Inputs(), letter_date=DAY)
