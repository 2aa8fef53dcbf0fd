"""Filing and following up, end to end in the core: the issue's acceptance scenario.

ICE and TIGTA letters drafted together with a fee waiver and expedited processing; the
portal fields pass FOIA.gov's form rules (read here from the form definitions themselves);
filing records a confirmation that is not a tracking number and starts the expedite clock;
an acknowledgment and a partial denial citing (b)(5) and (b)(6) follow; the drafted appeal,
status, OGIS and complaint-outline letters carry the log's facts.

Expected dates are worked out by hand from the statute and the OPM calendar:
- expedite decision: 10 calendar days after receipt. Filed Thu 2026-10-01 by portal, receipt
  assumed the same working day: due 2026-10-11.
- response: received Fri 2026-10-02 (the acknowledgment says so) is day 0; 20 working days,
  skipping weekends and Columbus Day (Mon 2026-10-12): Oct 5–9 (5), Oct 13–16 (9),
  Oct 19–23 (14), Oct 26–30 (19), Mon Nov 2 (20). Constructive exhaustion from Nov 3.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from email import message_from_bytes, policy

import pytest

from foiadesk.core.export.bundle import export_request
from foiadesk.core.letters.compose import choose_categories, docx_text, draft_requests, save_drafts
from foiadesk.core.letters.content import DraftingError, DraftOptions
from foiadesk.core.letters.filing import (
    Asks,
    Filing,
    FilingError,
    choose_channel,
    confirmations,
    email_package,
    file_request,
    portal_fields,
    portal_forms,
    portal_overruns,
    print_package,
)
from foiadesk.core.letters.followups import Inputs, draft_followup, log_followup, record_determination
from foiadesk.core.letters.pdf import docx_to_pdf, soffice
from foiadesk.core.letters.profiles import load_profile
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.store.fees import fee_ledger
from foiadesk.core.tracking.tracker import view_request

PROFILE = RESOURCES / "profiles" / "example.toml"
FILED = date(2026, 10, 1)
CONFIRMATION = "DHS portal submission 2026-1013-0042"
TRACKING = "2026-ICFO-04417"
# ICE is asked for two of the groups of records it holds: its letters name them after the case
CASE_NAME = next(p.name for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
ICE_RECORDS = "The agreement, its drafts and amendments; ICE's written requests for taxpayer addresses"
PROOF = log.Attachment("portal-confirmation.pdf", b"%PDF-1.4 confirmation page", "application/pdf")
# FOIA.gov's fee pattern, copied from the form definitions (SOURCE.txt), not from our code
FEE_PATTERN = r"^(?=.)([+\-\$]?([0-9]*)(\.([0-9]+))?)$"


def drafted_set(db, letter_date=FILED):
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    directory = load_directory()
    comps = [directory.component(a) for a in ("ICE", "TIGTA")]
    options = DraftOptions(
        letter_date=letter_date,
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    categories = choose_categories(pack, "mou-text-and-drafts,ice-requests,tigta-evaluation")
    requester = load_profile(PROFILE)
    drafts = draft_requests(requester, pack, categories, comps, options)
    targets = [db.tmp / d.filename for d in drafts]
    changes = save_drafts(db, pack, drafts, options, targets, requester=requester)
    ice, tigta = sorted(changes.request_ids)
    return ice, tigta


@pytest.fixture
def db(tmp_path):
    database = connect(tmp_path / "log.sqlite3")
    database.tmp = tmp_path
    return database


@pytest.fixture
def filed(db):
    ice, tigta = drafted_set(db)
    file_request(db, ice, Filing(FILED, "portal", confirmation=CONFIRMATION, proof=PROOF))
    return ice, tigta


def form_spec(form_id):
    return {f["name"]: f for f in portal_forms()["forms"][form_id]["fields"]}


def test_portal_fields_pass_each_form_rule(db):
    ice, tigta = drafted_set(db)
    for request_id, form_id in ((ice, "dhs_ice"), (tigta, "treasury_tigta_form")):
        form = portal_fields(db, request_id, on=FILED)
        assert form.form_id == form_id and form.as_of == "2026-06-09"
        assert form.problems == (), form.problems
        spec = form_spec(form_id)
        values = {f.name: f.value for f in form.fields}
        assert list(values) == list(spec)  # the form's order
        for name, rule in spec.items():
            if rule.get("required"):
                assert values[name].strip(), name
            if rule.get("maxlength"):
                assert len(values[name]) <= rule["maxlength"], name
        assert re.fullmatch(FEE_PATTERN, values["fee_amount_willing"])
        assert values["fee_amount_willing"] == "$100"
        assert values["fee_waiver"] == "yes" and values["expedited_processing"] == "yes"
        description = values["request_description"]
        # the waiver and expedite arguments have their own fields, not repeated in the description
        waiver, expedite = values["fee_waiver_explanation"], values["expedited_processing_explanation"]
        assert "552(a)(4)(A)(iii)" in waiver and "compelling need" in expedite
        for argument in (waiver, expedite):
            for paragraph in argument.split("\n\n"):
                assert paragraph not in description, paragraph
        assert "**" not in description and "<" not in description
    tigta_form = portal_fields(db, tigta, on=FILED)
    tigta_values = {f.name: f.value for f in tigta_form.fields}
    # Treasury's forms ask for the certification in the 28 U.S.C. 1746 form
    assert tigta_values["expedited_processing_explanation"].endswith(
        "I declare under penalty of perjury that the foregoing is true and correct to the best of "
        "my knowledge and belief. Executed on October 1, 2026."
    )
    assert (tigta_values["address_city"], tigta_values["address_state_province"]) == ("Washington", "DC")
    assert tigta_values["address_zip_postal_code"] == "20005" and tigta_values["request_category"] == "media"
    assert tigta_form.as_json()["fields"]["name_last"] == "Whitfield"


def test_missing_required_fields_and_long_text_are_flagged(db):
    ice, tigta = drafted_set(db)
    db.execute("UPDATE requesters SET address = ''")
    problems = portal_fields(db, tigta, on=FILED).problems
    for label in ("Mailing address 1", "City", "State or province", "Zip or postal code", "Country"):
        assert any(p.startswith(f"{label}: required") for p in problems), label
    assert not any("required" in p for p in portal_fields(db, ice, on=FILED).problems)  # ICE asks none


def test_dhs_files_by_portal_from_the_rule_date():
    directory = load_directory()
    ice, tigta = directory.component("ICE"), directory.component("TIGTA")
    assert choose_channel(ice, date(2026, 1, 22)).kind == "portal"
    assert "6 CFR 5.3(a)(2)" in choose_channel(ice, date(2026, 1, 22)).why
    assert choose_channel(tigta, date(2026, 10, 1)).kind == "email"


def test_filing_records_a_confirmation_not_a_tracking_number_and_what_the_letter_asks(db, filed):
    ice, tigta = filed
    view = view_request(db, ice)
    assert view.status == "Filed"
    assert view.tracking_numbers == ()  # the confirmation is not the agency's number
    assert confirmations(db, ice) == (CONFIRMATION,)
    clocks = {c.key: c for c in view.clocks}
    assert clocks["expedite"].due == date(2026, 10, 11)
    assert [e.type for e in view.events].count("fee_waiver_requested") == 1
    ledger = fee_ledger(db, ice)
    assert ledger.cap_cents == 10000 and [x.kind for x in ledger.lines].count("cap") == 1
    # the filing carries the letter as sent and its proof
    names = [
        r[0]
        for r in db.execute(
            "SELECT a.filename FROM attachments a JOIN events e ON e.id = a.event_id "
            "WHERE e.request_id = ? AND e.type = 'filed' ORDER BY a.id",
            [ice],
        )
    ]
    assert names == ["2026-10-01_ICE_FOIA-request.docx", "portal-confirmation.pdf"]
    # the agency's number, once it comes, is what the list shows
    log.record_event(
        db,
        ice,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )
    assert view_request(db, ice).tracking_numbers == (TRACKING,)


def test_what_the_letter_asks_can_be_overridden_and_filing_twice_is_refused(db):
    ice, tigta = drafted_set(db)
    file_request(db, tigta, Filing(FILED, "email", asks=Asks(expedite=False, fee_waiver=False)))
    view = view_request(db, tigta)
    assert "expedite" not in {c.key for c in view.clocks}
    assert "fee_waiver_requested" not in [e.type for e in view.events]
    with pytest.raises(log.LogError, match="already filed"):
        file_request(db, tigta, Filing(FILED, "email"))
    with pytest.raises(FilingError, match="Channel must be one of"):
        file_request(db, ice, Filing(FILED, "pigeon"))
    with pytest.raises(FilingError, match="characters"):
        file_request(db, ice, Filing(FILED, "fax", confirmation="x" * 300))
    assert view_request(db, ice).status == "Draft"  # nothing was written


def test_the_same_text_to_the_same_office_is_refused_naming_the_earlier_request(db, filed):
    ice, _ = filed
    again, _tigta = drafted_set(db)
    with pytest.raises(FilingError, match=rf"request #{ice} \(.*\), filed 2026-10-01"):
        file_request(db, again, Filing(FILED, "portal"))
    assert view_request(db, again).status == "Draft"
    file_request(db, again, Filing(FILED, "portal", allow_duplicate=True))
    assert view_request(db, again).status == "Filed"


def scenario(db, ice):
    log.record_event(
        db,
        ice,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )


def test_status_ogis_and_complaint_use_the_log(db, filed):
    ice, _ = filed
    scenario(db, ice)
    status = draft_followup(db, ice, "status", letter_date=date(2026, 11, 10))
    text = docx_text(status.docx)
    assert f"Re: Status of Freedom of Information Act request {TRACKING}" in text
    assert "which your office received on October 2, 2026 and acknowledged on October 6, 2026." in text
    assert "ran out on November 2, 2026, 8 days ago" in text
    assert "5 U.S.C. 552(a)(6)(C)(i)" in text and "552(a)(4)(A)(viii)" in text
    assert "the date your office received the request" not in text  # it knows that already
    ogis = docx_text(draft_followup(db, ice, "ogis", letter_date=date(2026, 11, 10)).docx)
    assert "8601 Adelphi Road" in ogis and "5 U.S.C. 552(h)(3)" in ogis
    assert "the agency's failure to make a determination by November 2, 2026" in ogis
    assert f"acknowledged the request and assigned tracking number {TRACKING}" in ogis
    assert "October 1, 2026:\tI submitted the request to ICE through a FOIA portal." in ogis
    outline = docx_text(draft_followup(db, ice, "complaint-outline", letter_date=date(2026, 11, 10)).docx)
    assert "v. Department of Homeland Security" in outline
    assert "5 U.S.C. 552(a)(4)(B) and 28 U.S.C. 1331" in outline
    assert "From November 3, 2026 you may sue" in outline
    assert f"tracking number {TRACKING}" in outline
    assert "Exhibit A:\tPlaintiff's request letter of October 1, 2026." in outline
    assert "Exhibit B:\tProof that the request was sent, October 1, 2026." in outline
    assert ".docx" not in outline and "portal-confirmation.pdf" not in outline
    assert "(DC)" in outline  # venue: where the requester lives


def test_appeal_names_tracking_date_each_exemption_and_the_appeal_office(db, filed):
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "(b)(6)"])
    followup = draft_followup(db, ice, "appeal", Inputs(), letter_date=date(2026, 12, 1))
    text = docx_text(followup.docx)
    assert "Freedom of Information Act Appeal" in text
    assert (
        f"Re: Request {TRACKING}, “{CASE_NAME} — {ICE_RECORDS}”, submitted October 1, 2026 to ICE; "
        "determination of November 20, 2026" in text
    )
    assert (
        "Appeals Officer\nU.S. Immigration and Customs Enforcement\n500 12th Street SW, Mail Stop 5900"
        in text
    )
    assert "Records and passages withheld under Exemption 5 and Exemption 6." in text
    assert "Exemption 5 (5 U.S.C. 552(b)(5)). " in text and "Exemption 6 (5 U.S.C. 552(b)(6)). " in text
    assert "Adequacy of the search" in text and "Segregability" in text
    # the response came late (due November 2) with no notice of unusual circumstances: the fee
    # bar is stated, not hedged, of the office that missed the limit (not the appeals office)
    assert (
        "ICE made its determination only on November 20, 2026, after the time limit for it ran "
        "out on November 2, 2026" in text
    )
    assert "Your office" not in text
    assert "I certify that the statements in this section on expedited processing" in text  # renewed
    changes = log_followup(db, followup, on=date(2026, 12, 1))
    drafted = [e for e in view_request(db, ice).events if e.id == changes.new_id][0]
    assert drafted.type == "drafted" and drafted.summary.startswith(
        "Follow-up drafted: Administrative appeal"
    )
    # the appeal window's next step is the appeal
    from foiadesk.core.letters.next_steps import next_steps

    window = next(c for c in view_request(db, ice).clocks if c.key.startswith("appeal_window:"))
    assert next_steps(window, date(2026, 12, 1))[0] == "appeal"


def test_fee_denial_and_expedite_denial_are_argued(db, filed):
    ice, _ = filed
    scenario(db, ice)
    log.record_event(db, ice, log.NewEvent("expedite_decided", date(2026, 10, 8), outcome="denied"))
    log.record_event(db, ice, log.NewEvent("fee_decision", date(2026, 10, 9), outcome="waiver_denied"))
    text = docx_text(draft_followup(db, ice, "appeal", letter_date=date(2026, 10, 20)).docx)
    # no determination yet: the letter names the decision it appeals, not a "determination"
    assert "determination of October 9, 2026" not in text
    assert (
        f"Re: Request {TRACKING}, “{CASE_NAME} — {ICE_RECORDS}”, submitted October 1, 2026 to ICE; "
        "denial of my fee waiver request dated October 9, 2026"
    ) in text
    assert (
        "I appeal the denial by U.S. Immigration and Customs Enforcement (ICE) of my fee waiver "
        "request, dated October 9, 2026, and its denial of expedited processing dated October 8, 2026. "
        "It answered my request"
    ) in text
    # the expedite denial it also argues goes with it, by its own date
    assert (
        "the denial of my fee waiver request dated October 9, 2026; "
        "the denial of expedited processing dated October 8, 2026."
    ) in text
    assert "also appealed" not in text  # the waiver denial is what is appealed
    # news media: no commercial interest, under the factor of DHS's rule that weighs it
    assert "Commercial interest (6 CFR 5.11(k)(3)): I have no commercial interest in the records." in text
    assert "Expedited processing was denied on October 8, 2026." in text


def expedite_section(text):
    return text.split("\nExpedited processing\n")[1].split("I certify")[0]


def test_an_expedite_denial_is_appealed_as_itself_and_certified_only_as_known(db, filed):
    ice, _ = filed
    scenario(db, ice)
    log.record_event(db, ice, log.NewEvent("expedite_decided", date(2026, 10, 8), outcome="denied"))
    text = docx_text(draft_followup(db, ice, "appeal", letter_date=date(2026, 10, 20)).docx)
    assert (
        f"Re: Request {TRACKING}, “{CASE_NAME} — {ICE_RECORDS}”, submitted October 1, 2026 to ICE; "
        "denial of expedited processing dated October 8, 2026"
    ) in text
    assert (
        "I appeal the denial by U.S. Immigration and Customs Enforcement (ICE) of expedited "
        "processing, dated October 8, 2026. It answered my request"
    ) in text
    assert (
        "Attachments: my request of October 1, 2026; "
        "the denial of expedited processing dated October 8, 2026."
    ) in text
    assert "determination of October 8" not in text and "determination are attached" not in text
    # an expedite denial decided no records: nothing to release or segregate is asked of it
    assert (
        "I ask you to reverse the denial of expedited processing as set out below. My request and "
        "the denial of expedited processing are attached."
    ) in text
    assert "Segregability" not in text and "withheld record" not in text
    # The (E)(vi) certification covers this section: it may state only what the log knows
    # (the dates), not what the denial letter said, which the log does not hold.
    certified = expedite_section(text)
    assert "Expedited processing was denied on October 8, 2026." in certified
    assert "reason" not in certified


def test_a_commercial_requester_does_not_disclaim_a_commercial_interest(db, filed):
    from foiadesk.core.letters.content import Requester

    ice, _ = filed
    scenario(db, ice)
    log.record_event(db, ice, log.NewEvent("fee_decision", date(2026, 10, 9), outcome="waiver_denied"))
    firm = Requester(name="Sam Patel", email="sam@patel.example.com", fee_category="commercial")
    text = docx_text(draft_followup(db, ice, "appeal", requester=firm, letter_date=date(2026, 10, 20)).docx)
    assert "no commercial interest" not in text
    # the statute's test (552(a)(4)(A)(iii)): not primarily in the requester's commercial interest
    assert "not primarily in my commercial interest" in text


def test_a_no_records_appeal_does_not_speak_of_withheld_records(db, filed):
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="no_records")
    text = docx_text(draft_followup(db, ice, "appeal", letter_date=date(2026, 12, 1)).docx)
    assert (
        "I appeal the determination of November 20, 2026 by U.S. Immigration and Customs "
        "Enforcement (ICE), which found no records responsive to my request." in text
    )
    # nothing was withheld: a new search is asked for, not segregable portions
    assert "and to order a new search and the release of the records it finds." in text
    assert "Segregability" not in text and "segregable" not in text
    assert "withheld" not in expedite_section(text)


def test_a_status_inquiry_after_the_determination_does_not_call_the_past_deadline_due(db, filed):
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    text = docx_text(draft_followup(db, ice, "status", letter_date=date(2026, 12, 7)).docx)
    assert "A determination is due by November 2, 2026" not in text
    assert "is due by" not in text


def test_ogis_request_names_the_agency_as_a_sentence_does_and_lists_exemptions(db, filed):
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "b6", "b7C"])
    text = docx_text(draft_followup(db, ice, "ogis", letter_date=date(2026, 12, 7)).docx)
    assert "to mediate a dispute with U.S. Immigration and Customs Enforcement over my request" in text
    assert "The determination withheld records under Exemption 5, Exemption 6 and Exemption 7(C)." in text
    # the chronology names exemptions as the statute does, not by FoiaDesk's codes (b7C)
    assert "ICE withheld records in part under Exemption 5, Exemption 6 and Exemption 7(C)." in text
    assert "b7C" not in text


def test_fee_response_states_the_fee_bar_from_the_log(db, filed):
    ice, _ = filed
    scenario(db, ice)
    log.record_event(
        db,
        ice,
        log.NewEvent("fee_estimate", date(2026, 11, 12), amount_cents=48000, named_date=date(2026, 12, 12)),
    )
    text = docx_text(
        draft_followup(
            db,
            ice,
            "fee-response",
            Inputs(accept=False, narrowing="Drop item 2."),
            letter_date=date(2026, 11, 16),
        ).docx
    )
    assert "ran out on November 2, 2026, before your fee estimate" in text
    # no notice of unusual circumstances in the log: no exception of (viii)(II) can apply, and
    # a news-media requester pays duplication fees only (552(a)(4)(A)(ii)(II))
    assert (
        "Because your office gave no timely written notice of unusual circumstances (5 U.S.C. "
        "552(a)(6)(B)), 5 U.S.C. 552(a)(4)(A)(viii) bars it from charging me duplication fees"
    ) in text
    assert "itemized estimate" in text
    assert "My request for a waiver of all fees is still pending" in text


def test_a_fee_reply_says_the_deadline_passed_before_the_estimate_only_when_it_did(db, filed):
    """An estimate sent on October 20 held the clock until the answer of October 22; the
    deadline then ran out in November, after the estimate: the letter must not say it ran
    out before the estimate (the fee bar of 552(a)(4)(A)(viii) still applies)."""
    ice, _ = filed
    scenario(db, ice)
    log.record_event(db, ice, log.NewEvent("fee_estimate", date(2026, 10, 20), amount_cents=48000))
    on = date(2026, 10, 22)
    answered = log.NewEvent("fee_estimate_answered", on, agency_received_on=on)
    log.record_event(db, ice, answered)
    text = docx_text(
        draft_followup(db, ice, "fee-response", Inputs(accept=True), letter_date=date(2026, 12, 1)).docx
    )
    assert "The time limit for a determination (5 U.S.C. 552(a)(6)(A)(i)) ran out on November" in text
    assert "before your fee estimate" not in text
    assert "5 U.S.C. 552(a)(4)(A)(viii) bars it from charging me duplication fees" in text


def test_followups_need_the_agency_number_and_the_fact_they_answer(db, filed):
    ice, _ = filed
    with pytest.raises(DraftingError, match="no agency tracking number yet"):
        draft_followup(db, ice, "appeal", letter_date=date(2026, 11, 10))
    # the status inquiry is the step that asks for the number (552(a)(7)(A))
    early = docx_text(draft_followup(db, ice, "status", letter_date=date(2026, 10, 20)).docx)
    assert "Re: Status of Freedom of Information Act request submitted October 1, 2026" in early
    assert f"October 1, 2026, confirmation {CONFIRMATION}." in early
    assert "5 U.S.C. 552(a)(7)(A)" in early and "tracking number (" not in early
    assert "the date your office received the request" in early  # the receipt is only assumed
    scenario(db, ice)
    with pytest.raises(DraftingError, match="no request for information"):
        draft_followup(db, ice, "info-answer", Inputs(answer="x"), letter_date=date(2026, 11, 10))
    with pytest.raises(DraftingError, match="not a follow-up"):
        draft_followup(db, ice, "thank-you", letter_date=date(2026, 11, 10))


def test_email_and_print_packages(db, filed):
    _ice, tigta = filed
    name, data, _notes = email_package(db, tigta)
    msg = message_from_bytes(data, policy=policy.default)
    assert msg["To"] == "FOIA.Reading.Room@tigta.treas.gov"
    assert msg["From"] == "Dana Whitfield <dana.whitfield@ledgerdesk.example>"
    assert msg["Subject"].startswith("Freedom of Information Act request")
    assert "Under the Freedom of Information Act, 5 U.S.C. 552," in msg.get_body(("plain",)).get_content()
    attached = [p.get_filename() for p in msg.iter_attachments()]
    assert attached == ["2026-10-01_TIGTA_FOIA-request.docx"] and name.endswith(".eml")
    fax = docx_text(print_package(db, tigta, "fax")[0])
    assert fax.startswith(
        "FAX\nTo: FOIA Officer, Treasury Inspector General for Tax Administration\nFax: (202) 622-3339"
    )
    mail = docx_text(print_package(db, tigta, "mail")[0])
    envelope = mail.split("FREEDOM OF INFORMATION ACT REQUEST")[0]
    assert envelope.startswith("Dana Whitfield\n1200 K Street NW, Suite 400\nWashington, DC 20005\n")
    assert "FOIA Officer\nTreasury Inspector General for Tax Administration" in envelope
    assert "1401 H Street NW, Suite 469\nWashington, DC 20005" in envelope
    bare = log.add_directory_request(db, load_directory().component("TIGTA"), title="typed by hand").new_id
    with pytest.raises(FilingError, match="has no drafted letter"):
        email_package(db, bare)
    with pytest.raises(FilingError, match="has no drafted letter"):
        portal_fields(db, bare)


def test_bundle_shows_the_sent_letter_and_proof_under_the_filing(db, filed, tmp_path):
    ice, _ = filed
    out = tmp_path / "bundle.zip"
    export_request(db, ice, out, as_of=date(2026, 10, 5), pdf=False)
    names = zipfile.ZipFile(out).namelist()
    filed_files = [n for n in names if re.search(r"/communications/\d+_2026-10-01_to-agency_filed/", n)]
    assert any(n.endswith("_ICE_FOIA-request.docx") for n in filed_files)
    assert any(n.endswith("portal-confirmation.pdf") for n in filed_files)
    index = docx_text(zipfile.ZipFile(out).read(next(n for n in names if n.endswith("index.docx"))))
    assert CONFIRMATION in index
    assert io  # the index reads the confirmation in the filing's details


def test_first_party_requests_carry_an_identity_statement(db, filed):
    _ice, tigta = filed
    from foiadesk.core.letters.filing import add_identity_statement, identity_file

    add_identity_statement(db, tigta, on=date(2026, 10, 1))
    name, data = identity_file(db, tigta)
    text = docx_text(data)
    assert "Certification of Identity" in text
    assert "Full name: Dana Whitfield" in text
    assert "Current address: 1200 K Street NW, Suite 400, Washington, DC 20005" in text
    assert "Date of birth: ____" in text  # filled in by hand; never stored
    assert "28 U.S.C. 1746" in text and "5 U.S.C. 552a(i)(3)" in text and "18 U.S.C. 1001" in text
    form = portal_fields(db, tigta, on=FILED)
    values = {f.name: f.value for f in form.fields}
    assert values["attachments_supporting_documentation"].endswith(f"; {name} (signed)")
    assert any("First-party request" in n for n in form.notes)
    assert drafted_letter_name(db, tigta).endswith("_TIGTA_FOIA-request.docx")  # still the letter
    msg = message_from_bytes(email_package(db, tigta)[1], policy=policy.default)
    assert [p.get_filename() for p in msg.iter_attachments()][-1] == name
    tags = [r[0] for r in db.execute("SELECT t.name FROM tags t JOIN request_tags r ON r.tag_id = t.id")]
    assert tags == ["first-party"]


def drafted_letter_name(db, request_id):
    from foiadesk.core.letters.filing import drafted_letter

    return drafted_letter(db, request_id).filename


def test_a_confirmation_an_older_log_stored_as_a_number_is_read_as_one(db):
    ice, _ = drafted_set(db)
    # what older versions wrote: the confirmation as the filing's "request" number
    log.record_event(
        db, ice, log.NewEvent("filed", FILED, channel="fax", tracking_number="fax report 14 pages")
    )
    assert view_request(db, ice).tracking_numbers == ()
    assert confirmations(db, ice) == ("fax report 14 pages",)
    assert [e.tracking_number for e in view_request(db, ice).events if e.type == "filed"] == [None]


def test_the_form_snapshot_covers_every_curated_component_and_the_three_families():
    data = portal_forms()
    assert data["as_of"] == "2026-06-09" and "f653503cbda6b412e17bc8ebb7fddcc4ae8917d0" in data["source"]
    for comp in load_directory().curated():
        assert data["components"][comp.key] in data["forms"], comp.key
    families = {name.split("_")[0] for name in data["forms"]}
    assert {"dhs", "doj", "treasury"} <= families
    assert sum(name.startswith("dhs_") for name in data["forms"]) == 18  # SOURCE.txt: 18 DHS forms
    tigta = {f["name"]: f for f in data["forms"]["treasury_tigta_form"]["fields"]}
    assert tigta["request_category"]["required"] and tigta["address_line1"]["required"]
    assert tigta["request_description"]["maxlength"] == 10000


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_ogis_chronology_lines_up_on_the_page(db, filed):
    """Each event of "What happened", and each line of it, starts at the same distance from
    the margin, whatever the length of its date ("May 1, 2026:" or "November 20, 2026:")."""
    from pypdf import PdfReader

    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    pdf = docx_to_pdf(draft_followup(db, ice, "ogis", letter_date=date(2026, 12, 7)).docx)
    starts = {}

    def visit(text, cm, tm, font, size):
        # "stating it received…" is the second line of the acknowledgment's entry
        for event in ("I submitted the request", "ICE acknowledged", "stating it received", "ICE withheld"):
            if text.startswith(event):
                starts[event] = round(tm[4] * cm[0] + cm[4])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert len(starts) == 4, starts
    assert max(starts.values()) - min(starts.values()) <= 2, starts


def exhaustion(text):
    return text.split("\nExhaustion\n")[1].split("\nClaim for relief\n")[0]


def test_the_complaint_outline_rests_exhaustion_on_the_appeal_once_the_agency_answered(db, filed):
    """The determination came late (due November 2, answered November 20) but before any
    suit, and was appealed: exhaustion now rests on the appeal, not on the missed first
    deadline (5 U.S.C. 552(a)(6)(C)(i) deems exhaustion only while the agency has not
    answered)."""
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    log.record_event(db, ice, log.NewEvent("appeal_filed", date(2026, 12, 1)), today=date(2027, 2, 1))
    # appeal decision due 20 working days after receipt: pending and late on February 1, 2027
    pending = docx_text(draft_followup(db, ice, "complaint-outline", letter_date=date(2027, 2, 1)).docx)
    assert "Defendant did not decide Plaintiff's appeal of December 1, 2026" in exhaustion(pending)
    assert "within the time limit, which ran out on November 2, 2026" not in exhaustion(pending)
    assert "you may sue without appealing first" not in pending
    log.record_event(
        db, ice, log.NewEvent("appeal_decided", date(2027, 1, 15), outcome="denied"), today=date(2027, 2, 1)
    )
    decided = docx_text(draft_followup(db, ice, "complaint-outline", letter_date=date(2027, 2, 1)).docx)
    said = exhaustion(decided)
    assert "Plaintiff appealed on December 1, 2026" in said and "January 15, 2027" in said
    assert "deemed to have exhausted" not in said and "November 2, 2026" not in said
    assert "you may sue without appealing first" not in decided


def test_a_glomar_response_keeps_its_capital(db, filed):
    """ "Glomar" is a proper name (the Hughes Glomar Explorer), in the appeal and to OGIS."""
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="glomar")
    said = {  # each letter says what the determination did, never its label as an adjective
        "appeal": "the determination of November 20, 2026 by U.S. Immigration and Customs "
        "Enforcement (ICE), which refused to confirm or deny that responsive records exist.",
        "ogis": "the determination of November 20, 2026, which refused to confirm or deny that "
        "responsive records exist.",
    }
    for kind, words in said.items():
        text = docx_text(draft_followup(db, ice, kind, letter_date=date(2026, 12, 1)).docx)
        assert words in text, kind
        assert "glomar" not in text and "Glomar (neither" not in text, kind


def test_a_status_inquiry_on_a_pending_appeal_asks_the_appeals_office_about_the_appeal(db, filed):
    """The appeal-decision deadline offers a status inquiry first: it goes to the appeals
    office and asks about the appeal (decision due in 20 working days, 5 U.S.C.
    552(a)(6)(A)(ii)), not the FOIA office about a request it has already answered."""
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    log.record_event(db, ice, log.NewEvent("appeal_filed", date(2026, 12, 1)), today=date(2027, 2, 1))
    text = docx_text(draft_followup(db, ice, "status", letter_date=date(2027, 2, 1)).docx)
    assert (
        "Appeals Officer\nU.S. Immigration and Customs Enforcement\n500 12th Street SW, Mail Stop 5900"
        in text
    )
    assert "Dear Appeals Officer:" in text
    # the appeals office did not decide: the letter says who did, and what the decision did
    assert (
        "On December 1, 2026 I appealed the determination of November 20, 2026 by U.S. Immigration "
        "and Customs Enforcement (ICE), which withheld records in part under Exemption 5."
    ) in text
    assert re.search(
        r"The time limit for deciding the appeal \(5 U\.S\.C\. 552\(a\)\(6\)\(A\)\(ii\)\) ran out on "
        r"(December|January) \d+, 202[67], and I have not received a decision\.",
        text,
    )
    assert "5 U.S.C. 552(a)(6)(C)(i)" in text
    assert "complete action on the request" not in text and "A determination is due" not in text


def test_a_late_agency_is_told_which_fees_it_may_no_longer_charge_this_requester(db, filed):
    """552(a)(4)(A)(viii)(I): after a missed time limit no search fees, and for a news-media
    requester (clause (ii)(II)) no duplication fees, which are the only fees that category pays."""
    ice, _ = filed
    scenario(db, ice)
    status = docx_text(draft_followup(db, ice, "status", letter_date=date(2026, 11, 10)).docx)
    assert (
        "bars it from charging me duplication fees, the only fees a requester in my fee category pays"
        in status
    )
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    appeal = docx_text(draft_followup(db, ice, "appeal", letter_date=date(2026, 12, 1)).docx)
    assert (
        "bars it from charging me duplication fees, the only fees a requester in my fee category pays"
        in appeal
    )
    assert "preferred fee category" not in appeal


def test_paying_after_a_waiver_denial_keeps_the_waiver_appeal(db, filed):
    """Agreeing to pay once the waiver was denied must not read as giving up the waiver:
    the denial is appealable (552(a)(4)(A)(iii); appeal within the agency's window)."""
    ice, _ = filed
    scenario(db, ice)
    log.record_event(db, ice, log.NewEvent("fee_decision", date(2026, 10, 9), outcome="waiver_denied"))
    log.record_event(
        db,
        ice,
        log.NewEvent("fee_estimate", date(2026, 10, 9), amount_cents=48000, named_date=date(2026, 11, 9)),
    )
    text = docx_text(draft_followup(db, ice, "fee-response", letter_date=date(2026, 10, 15)).docx)
    assert "I agree to pay fees of up to $480" in text
    assert (
        "Agreeing to pay does not give up my right to appeal the denial of my fee waiver of "
        "October 9, 2026; if the waiver is granted on appeal, please refund what I have paid."
    ) in text


def test_the_complaint_outline_does_not_call_a_remanded_appeal_the_end_of_the_road(db, filed):
    """An appeal remanded to the component sends the request back to be processed again: the
    administrative process goes on, so the outline neither tells the requester to sue now
    nor states that remedies are exhausted; an appeal denied does both."""
    ice, _ = filed
    scenario(db, ice)
    record_determination(db, ice, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    log.record_event(db, ice, log.NewEvent("appeal_filed", date(2026, 12, 1)), today=date(2027, 2, 1))
    log.record_event(
        db, ice, log.NewEvent("appeal_decided", date(2027, 1, 15), outcome="remanded"), today=date(2027, 2, 1)
    )
    remanded = docx_text(draft_followup(db, ice, "complaint-outline", letter_date=date(2027, 2, 1)).docx)
    assert "you may now sue" not in remanded
    assert "went back to the agency to be processed again" in remanded
    assert "Plaintiff has exhausted administrative remedies" not in exhaustion(remanded)
    assert "remanded to the component for further processing" in exhaustion(remanded)
    log.record_event(
        db, ice, log.NewEvent("appeal_decided", date(2027, 1, 20), outcome="denied"), today=date(2027, 2, 1)
    )
    denied = docx_text(draft_followup(db, ice, "complaint-outline", letter_date=date(2027, 2, 1)).docx)
    assert "you may now sue" in denied
    assert "Plaintiff has exhausted administrative remedies" in exhaustion(denied)


def test_a_letter_too_long_for_its_portal_form_is_said_while_it_is_drafted(db):
    """Drafting says what the component's FOIA.gov form will refuse for length, the same
    fields and counts Portal fields reports once the letter is logged; a request longer than
    the description box is not refused (the letter goes as the attachment); a letter that
    fits, or one not filed through a portal, is not warned about."""
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    directory = load_directory()
    options = DraftOptions(letter_date=FILED, fee_cap=Decimal("100"), fee_waiver=True)
    requester = load_profile(PROFILE)
    every = choose_categories(pack, "all")
    drafts = draft_requests(requester, pack, every, [directory.component("IRS")], options)
    said = [w for w in drafts[0].warnings if "FOIA.gov form" in w]
    changes = save_drafts(
        db, pack, drafts, options, [db.tmp / d.filename for d in drafts], requester=requester
    )
    (irs,) = changes.request_ids
    form = portal_fields(db, irs, on=FILED)
    over = [f for f in form.fields if f.limit and f.count > f.limit]
    assert len(said) == len(over) and form.problems == ()
    assert any("Upload additional documentation" in n for n in form.notes)  # the whole case, attached
    narrow = draft_requests(requester, pack, ["mou-text-and-drafts"], [directory.component("IRS")], options)
    assert not [w for w in narrow[0].warnings if "FOIA.gov form" in w]
    by_email = directory.component("TIGTA")  # its preferred channel is e-mail
    assert portal_overruns(by_email, drafts[0].filename, drafts[0].docx, FILED) == []
