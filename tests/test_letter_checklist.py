"""Letters as a FOIA litigator reviews them before signing, and as the officer who receives
them reads them. An appeal goes to the appeals office, which did not decide: it names the
office that did, and says what its decision did ("which withheld records in part under
Exemption 5"), never a log's outcome label used as an adjective ("the partly granted
determination"). Arguments do not open with "also". The fee bar (5 U.S.C. 552(a)(4)(A)(viii))
is asserted only as far as the log supports it: with no timely notice of unusual
circumstances none of the exceptions in (viii)(II) can apply; with one, (aa) excuses 10 more
days and (bb) may still allow fees. File names say the office and the request plainly.
Expected wording is what a practitioner writes, not the code's output."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from requesters import NEWS_REPORTER

from foiadesk.core.deadlines.events import OUTCOME_LABELS
from foiadesk.core.errors import UserError
from foiadesk.core.letters.compose import draft_requests
from foiadesk.core.letters.content import DraftOptions, Requester
from foiadesk.core.letters.followups import Inputs, draft_followup, record_determination
from foiadesk.core.letters.pdf import docx_to_pdf, soffice
from foiadesk.core.letters.profiles import load_profile
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log

DAY = date(2026, 12, 7)
# Filed and received Tuesday, September 1, 2026. Twenty working days (552(a)(6)(A)(i)),
# counted from the next day and skipping Labor Day (September 7): due September 30.
FILED = date(2026, 9, 1)


@pytest.fixture
def reporter():
    return NEWS_REPORTER


def request_at(db, abbr: str, tracking: str) -> int:
    comp = load_directory().component(abbr)
    rid = log.add_directory_request(db, comp, title="Legal analyses of address disclosures").new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="portal"))
    log.record_event(
        db, rid, log.NewEvent("acknowledged", FILED, agency_received_on=FILED, tracking_number=tracking)
    )
    return rid


def text_of(db, rid, kind, requester, on=DAY, **inputs) -> str:
    docx = draft_followup(db, rid, kind, Inputs(**inputs), letter_date=on, requester=requester).docx
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs if p.text.strip())


def after(text: str, heading: str) -> str:
    """The first paragraph under a section heading."""
    return text.split(f"\n{heading}\n", 1)[1].split("\n", 1)[0]


# --- the appeal names who decided and what the decision did ----------------------------------


def test_an_appeal_to_oip_names_the_office_that_decided_and_what_it_withheld(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    text = text_of(db, rid, "appeal", reporter)
    assert "Appeals Officer\nOffice of Information Policy" in text  # DOJ's appeals go to OIP
    assert (
        "I appeal the determination of November 16, 2026 by the Office of Legal Counsel, which "
        "withheld records in part under Exemption 5." in text
    )
    # OIP did not decide: nothing calls the determination OIP's
    for wrong in ("your decision", "your determination", "Your office", "partly granted"):
        assert wrong not in text, wrong
    assert "My request and the determination are attached." in text
    assert "Attachments: my request of September 1, 2026; the determination of November 16, 2026." in text


@pytest.mark.parametrize(
    ("outcome", "exemptions", "did", "ogis_did"),
    [
        ("denial", ["b5", "b6"], "which withheld the records in full", "which denied my request"),
        ("no_records", [], "which found no records responsive to my request", None),
        ("glomar", [], "which refused to confirm or deny that responsive records exist", None),
    ],
)
def test_each_adverse_determination_is_said_by_what_it_did(db, reporter, outcome, exemptions, did, ogis_did):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 11, 16), outcome=outcome, exemptions=exemptions)
    cited = " under Exemption 5 and Exemption 6" if exemptions else ""
    appeal = text_of(db, rid, "appeal", reporter)
    assert f"determination of November 16, 2026 by the Office of Legal Counsel, {did}{cited}." in appeal
    # to OGIS the office is named in the sentence before, and the exemptions once, after it
    ogis = text_of(db, rid, "ogis", reporter)
    assert f"The dispute is about the determination of November 16, 2026, {ogis_did or did}." in ogis
    assert ogis.count("Exemption 5 and Exemption 6") == (
        2 if exemptions else 0
    )  # the paragraph and chronology
    label = OUTCOME_LABELS[outcome]
    for text in (appeal, ogis):
        assert f"{label} determination" not in text and f"{label.lower()} determination" not in text


def test_the_liaison_is_asked_about_a_glomar_answer_already_appealed_as_such(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="glomar")
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 20), channel="portal"))
    text = text_of(db, rid, "liaison", reporter)
    assert (
        "the determination of November 16, 2026, which refused to confirm or deny that responsive "
        "records exist:" in text
    )
    # nothing was said to be withheld, and the appeal is already made
    assert "why records were withheld" not in text and "decide whether to appeal" not in text
    assert "I appealed it on November 20, 2026" in text
    # a Glomar answer rests on an exemption, not a search: the Liaison is asked about that
    assert "which offices and records were searched" not in text
    assert "which exemption that refusal rests on" in text and "already made public" in text


# A Glomar answer that names its exemption withholds no record it has confirmed exists: OGIS is
# not told that records were withheld, nor asked for "the segregable portions withheld", and
# neither OGIS nor the Liaison is asked which exemption it rests on, since the answer named it.
def test_letters_about_a_glomar_answer_that_cites_its_exemption_say_no_record_was_withheld(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-401")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="glomar", exemptions=["b7C"])
    ogis = text_of(db, rid, "ogis", reporter)
    assert "withheld records under" not in ogis and "portions withheld" not in ogis
    assert "refused to confirm or deny that responsive records exist, citing Exemption 7(C)" in ogis
    asked = after(ogis, "What I ask for")
    assert "whether responsive records exist" in asked and "the exemption cited" in asked
    liaison = text_of(db, rid, "liaison", reporter)
    assert "which exemption that refusal rests on" not in liaison
    assert "how confirming or denying would cause the harm the exemption guards against" in liaison


def test_the_liaison_is_asked_about_the_search_after_a_no_records_answer(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="no_records")
    text = text_of(db, rid, "liaison", reporter)
    assert "which offices and records were searched and whether any records were referred" in text
    assert "exemption" not in text.split("help me understand")[1].split(".")[0]


def test_a_still_interested_reply_does_not_say_it_waits_for_a_determination_it_has(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    log.record_event(db, rid, log.NewEvent("still_interested", date(2026, 10, 20)))
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    reply = draft_followup(db, rid, "still-interested", letter_date=DAY, requester=reporter)
    body = "\n".join(p.text for p in Document(io.BytesIO(reply.docx)).paragraphs)
    assert "waiting for a determination" not in body
    assert any("determination on November 16, 2026" in w for w in reply.warnings)


def test_a_status_inquiry_on_a_pending_appeal_says_who_decided(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 20), channel="portal"))
    text = text_of(db, rid, "status", reporter)
    assert (
        "On November 20, 2026 I appealed the determination of November 16, 2026 by the Office of "
        "Legal Counsel, which withheld records in part under Exemption 5." in text
    )


def test_the_complaint_chronology_says_what_each_decision_did(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 20)), today=DAY)
    log.record_event(db, rid, log.NewEvent("appeal_decided", date(2026, 12, 3), outcome="denied"), today=DAY)
    text = text_of(db, rid, "complaint-outline", reporter)
    assert "The Office of Legal Counsel withheld records in part under Exemption 5." in text
    assert "The appeal office denied the appeal." in text
    assert "issued a determination:" not in text and "was decided:" not in text


# --- arguments ----------------------------------------------------------------------------------


def test_the_search_argument_stands_on_its_own(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="no_records")
    text = text_of(db, rid, "appeal", reporter)
    first = after(text, "Adequacy of the search")
    # the first (here the only) argument: nothing before it for "also" to add to
    assert "also" not in first.split(".")[0]
    assert first.startswith(
        "The Office of Legal Counsel had to make a search reasonably calculated to uncover all "
        "responsive records"
    )
    assert "order a new search" in first


def test_an_appeal_says_it_is_made_within_the_90_days_only_when_it_is(db, reporter):
    # DOJ: "within 90 calendar days after the date of the response" (28 CFR 16.8(a))
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    timely = "This appeal is made within 90 days of the determination (28 CFR 16.8(a))."
    assert timely in text_of(db, rid, "appeal", reporter)
    # February 14, 2027 is the 90th day after November 16, 2026 (14 + 31 + 31 + 14)
    assert timely in text_of(db, rid, "appeal", reporter, on=date(2027, 2, 14))
    late = draft_followup(db, rid, "appeal", letter_date=date(2027, 2, 15), requester=reporter)
    body = "\n".join(p.text for p in Document(io.BytesIO(late.docx)).paragraphs)
    assert "This appeal is made within" not in body
    assert (
        "The appeal window of 28 CFR 16.8(a), 90 days from the decision of November 16, 2026, ended "
        "on February 14, 2027" in " ".join(late.warnings)
    )


# DHS allows "90 working days" after the component's response (6 CFR 5.8(a)(1)). From Monday,
# August 10, 2026, skipping weekends, Labor Day (Sep 7), Columbus Day (Oct 12), Veterans Day
# (Nov 11) and Thanksgiving (Nov 26): 4 working days in August's second week, then 5 a week,
# less those four holidays, reach 90 on Friday, December 18, 2026. December 7 is 119 calendar
# days on, past the statute's 90 days but well inside DHS's window.
def test_a_dhs_appeal_counts_the_90_working_days_of_6_cfr_5_8(db, reporter):
    comp = load_directory().component("USCIS")
    rid = log.add_directory_request(db, comp, title="USCIS records of the address exchange").new_id
    june = date(2026, 6, 15)
    log.record_event(db, rid, log.NewEvent("filed", june, channel="portal"))
    log.record_event(
        db, rid, log.NewEvent("acknowledged", june, agency_received_on=june, tracking_number="COW2026000222")
    )
    record_determination(db, rid, on=date(2026, 8, 10), outcome="partial", exemptions=["b6", "b7C"])
    timely = "This appeal is made within 90 working days of the determination (6 CFR 5.8(a)(1))."
    on_time = draft_followup(db, rid, "appeal", letter_date=DAY, requester=reporter)
    assert timely in "\n".join(p.text for p in Document(io.BytesIO(on_time.docx)).paragraphs)
    assert not any("days old" in w or "appeal window" in w for w in on_time.warnings)
    assert timely in text_of(db, rid, "appeal", reporter, on=date(2026, 12, 18))
    late = draft_followup(db, rid, "appeal", letter_date=date(2026, 12, 21), requester=reporter)
    assert "This appeal is made within" not in "\n".join(
        p.text for p in Document(io.BytesIO(late.docx)).paragraphs
    )
    assert (
        "The appeal window of 6 CFR 5.8(a)(1), 90 working days from the decision of August 10, 2026, "
        "ended on December 18, 2026" in " ".join(late.warnings)
    )


def test_an_appeal_under_an_unverified_rule_relies_on_the_statutes_90_days(db, reporter):
    # TIGTA follows Treasury's rules, whose appeal paragraph FoiaDesk has not read: only the
    # statute's floor, "not less than 90 days" (5 U.S.C. 552(a)(6)(A)(i)(III)(aa)), is certain.
    rid = request_at(db, "TIGTA", "2027-FOIA-00011")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="denial", exemptions=["b5"])
    timely = "This appeal is made within 90 days of the determination (5 U.S.C. 552(a)(6)(A)(i)(III)(aa))."
    assert timely in text_of(db, rid, "appeal", reporter)
    late = draft_followup(db, rid, "appeal", letter_date=date(2027, 2, 15), requester=reporter)
    assert any("more than 90 days old" in w for w in late.warnings)


# --- the fee bar, only as far as the log supports it --------------------------------------------

BARRED = (
    "Because {who} gave no timely written notice of unusual circumstances (5 U.S.C. 552(a)(6)(B)), "
    "5 U.S.C. 552(a)(4)(A)(viii) bars it from charging me duplication fees"
)


def test_a_late_determination_without_notice_of_unusual_circumstances_bars_fees(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    text = text_of(db, rid, "appeal", reporter)
    assert (
        "The Office of Legal Counsel made its determination only on November 16, 2026, after the time "
        "limit for it ran out on September 30, 2026 (5 U.S.C. 552(a)(6)(A)(i))." in text
    )
    assert BARRED.format(who="it") in text


def test_a_notice_sent_after_the_20_days_does_not_save_the_fees(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 10, 20)))  # after September 30
    text = text_of(db, rid, "status", reporter, on=date(2026, 11, 10))
    assert BARRED.format(who="your office") in text


def test_a_timely_extension_excuses_10_more_days_and_leaves_the_5000_page_exception(db, reporter):
    # A timely notice (September 15) extends the limit by 10 working days: from September 30
    # to October 15 (Columbus Day, October 12, skipped). (viii)(II)(aa) excuses 10 days more:
    # to October 29.
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 9, 15)))
    inside = text_of(db, rid, "status", reporter, on=date(2026, 10, 21))
    assert "ran out on October 15, 2026" in inside
    assert "552(a)(4)(A)(viii)" not in inside and "fees" not in inside  # within the 10 days: no bar yet
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    text = text_of(db, rid, "appeal", reporter)
    assert "gave no timely written notice" not in text
    assert (
        "unless more than 5,000 pages are necessary to respond and it has discussed with me how "
        "to limit the request (552(a)(4)(A)(viii)(II)(bb))" in text
    )


def test_a_determination_within_the_excused_days_leaves_no_fee_argument(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 9, 15)))
    record_determination(db, rid, on=date(2026, 10, 21), outcome="partial", exemptions=["b5"])
    text = text_of(db, rid, "appeal", reporter)
    assert "552(a)(4)(A)(viii)" not in text and "Other grounds" not in text


# --- file names ------------------------------------------------------------------------------------


def test_file_names_say_the_office_and_the_request_plainly(db, reporter):
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    privacy = load_directory().component("DHS-PRIV")
    cats = [c.id for c in pack.categories_for("DHS-PRIV")][:1]
    (draft,) = draft_requests(
        Requester(**{**reporter.__dict__}), pack, cats, [privacy], DraftOptions(letter_date=DAY)
    )
    assert draft.filename == "2026-12-07_DHS-Privacy-Office_FOIA-request.docx"
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    appeal = draft_followup(db, rid, "appeal", letter_date=DAY, requester=reporter)
    assert appeal.filename == "2026-12-07_Office-of-Legal-Counsel_FOIA-appeal_FY27-318.docx"
    for name in (draft.filename, appeal.filename):
        assert "DHS-PRIV" not in name and "DOJ-OLC" not in name and "irs-ice-mou" not in name
        assert f"request-{rid}" not in name  # FoiaDesk's own row number means nothing to the agency


def test_a_status_inquiry_after_a_referral_asks_where_the_request_went(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="referral")
    text = text_of(db, rid, "status", reporter)
    assert "on November 16, 2026: it referred my request to another agency." in text
    assert "which agency it went to, on what date, and the tracking number that agency gave it" in text
    assert "completes your office's action" not in text  # a referral leaves the request open elsewhere


def test_ogis_is_told_of_a_referral_not_of_a_determination_never_made(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="referral")  # after September 30
    text = text_of(db, rid, "ogis", reporter)
    assert (
        "The dispute is about the determination of November 16, 2026, which referred my request "
        "to another agency." in text
    )
    assert "failure to make a determination" not in text
    assert "the date of the referral and the tracking number that agency assigned" in text


def test_the_complaint_outline_says_what_the_appeal_office_did_and_claims_delay_only_when_late(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 9, 15)))  # timely: due October 15
    record_determination(db, rid, on=date(2026, 10, 14), outcome="partial", exemptions=["b5"])  # on time
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 20)), today=DAY)
    log.record_event(db, rid, log.NewEvent("appeal_decided", date(2026, 11, 10), outcome="denied"), today=DAY)
    text = text_of(db, rid, "complaint-outline", reporter)
    assert "On November 10, 2026 the appeal office denied the appeal: you may now sue" in text
    assert "and on November 10, 2026 the appeal office denied the appeal." in text
    assert "(denied)" not in text
    # the determination came in time: the count does not claim it was late
    assert "timely determination" not in text
    # the appeal is decided: no further appeal is offered, only OGIS's mediation
    assert "or appeal" not in text and "estimated completion date" not in text
    assert "You can also ask OGIS to mediate; it cannot order the agency to release records." in text
    assert (
        "by failing to search adequately and to release non-exempt records withheld under Exemption 5."
        in text
    )


def test_a_status_inquiry_and_a_letter_to_the_liaison_say_by_when(db, reporter):
    # Monday, December 7, 2026, plus ten working days: December 8–11, 14–18 and 21
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    for kind in ("status", "liaison"):
        assert "I would be grateful for your answer by December 21, 2026." in text_of(db, rid, kind, reporter)


def test_the_liaison_letter_prints_an_address_with_an_apostrophe_as_written(db, reporter):
    # USCIS's FOIA office is at Lee's Summit, Missouri: the letter must not print "Lee&#x27;s"
    rid = request_at(db, "USCIS", "COW2026000001")
    for kind in ("status", "liaison"):
        text = text_of(db, rid, kind, reporter)
        assert "Lee's Summit, MO" in text and "&#" not in text, kind


def test_the_fee_bar_names_the_fees_of_the_requesters_own_category(db):
    # 552(a)(4)(A)(viii)(I): search fees for all; duplication fees for category (ii)(II) only
    other = Requester(name="Sam Lee", email="sam@example.org", address="1 Main St\nAustin, TX 78701")
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    text = text_of(db, rid, "status", other)  # due September 30, no notice of unusual circumstances
    assert (
        BARRED.replace("duplication fees", "search fees for this request.").format(who="your office") in text
    )
    assert "duplication" not in text


def test_a_letter_to_the_appeals_office_does_not_offer_the_components_liaison_as_its_own(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-318")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 20), channel="portal"))
    for kind in ("status", "appeal"):
        text = text_of(db, rid, kind, reporter)
        assert "your FOIA Public Liaison" not in text, kind
        assert "Office of Government Information Services (OGIS)" in text and "552(h)(3)" in text, kind


def test_replies_that_end_a_tolling_cite_the_clause_that_allowed_it(db, reporter):
    # 552(a)(6)(A)(ii)(I): one request for information; (ii)(II): clarifying fee assessment
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    log.record_event(db, rid, log.NewEvent("info_requested", date(2026, 9, 10)))
    log.record_event(db, rid, log.NewEvent("fee_estimate", date(2026, 9, 11), amount_cents=12000))
    info = text_of(db, rid, "info-answer", reporter, answer="I mean the final agreement.")
    assert "Under 5 U.S.C. 552(a)(6)(A)(ii)(I), any tolling of the time limit for this request ends" in info
    fees = text_of(db, rid, "fee-response", reporter)
    assert "Under 5 U.S.C. 552(a)(6)(A)(ii)(II), any tolling of the time limit to settle fees ends" in fees


def test_the_complaint_outline_after_a_remand_offers_what_fits_the_new_processing(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 10, 14), outcome="no_records")
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 20)), today=DAY)
    remand = log.NewEvent("appeal_decided", date(2026, 11, 10), outcome="remanded")
    log.record_event(db, rid, remand, today=DAY)
    text = text_of(db, rid, "complaint-outline", reporter)
    assert "or appeal where the agency allows it" not in text
    assert "ask the agency when it expects to finish processing the request again" in text


def test_after_a_remand_the_status_inquiry_and_the_liaison_ask_about_the_new_processing(db, reporter):
    # A remand sends the request back to the office to be processed again: the old determination
    # no longer ends its action, and an estimated date of completion (552(a)(7)(B)) is owed again.
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 10, 14), outcome="no_records")
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 20)), today=DAY)
    log.record_event(
        db, rid, log.NewEvent("appeal_decided", date(2026, 11, 10), outcome="remanded"), today=DAY
    )
    remanded = (
        "On October 20, 2026 I appealed the determination of October 14, 2026, and on November 10, "
        "2026 the appeal office sent the request back to {who} to be processed again."
    )
    status = text_of(db, rid, "status", reporter)
    assert remanded.format(who="your office") in status
    assert (
        "estimated date on which your office will complete action on the request (5 U.S.C. 552(a)(7)(B)"
        in status
    )
    assert "completes your office's action" not in status and "made its determination" not in status
    liaison = text_of(db, rid, "liaison", reporter)
    # the liaison letter has just said when the (late) determination came
    assert (
        "the determination came only on October 14, 2026. I appealed it on October 20, 2026, and on "
        "November 10, 2026 the appeal office sent the request back to your agency to be processed again."
        in liaison
    )
    assert "estimated date on which the agency will complete action (5 U.S.C. 552(a)(7)(B))" in liaison
    assert "what the appeal must decide" not in liaison and "decide whether to appeal" not in liaison
    # a new determination after the remand is the one both letters speak of
    record_determination(db, rid, on=date(2026, 12, 1), outcome="partial", exemptions=["b5"])
    status = text_of(db, rid, "status", reporter)
    assert "on December 1, 2026: it withheld records in part under Exemption 5" in status
    assert "sent the request back" not in status


def test_ogis_is_asked_about_the_processing_on_remand_not_the_remanded_determination(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 10, 14), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 20)), today=DAY)
    log.record_event(
        db, rid, log.NewEvent("appeal_decided", date(2026, 11, 10), outcome="remanded"), today=DAY
    )
    text = text_of(db, rid, "ogis", reporter)
    assert (
        "The dispute is about the processing of my request since November 10, 2026, when the appeal "
        "office sent it back to be processed again." in text
    )
    asked = after(text, "What I ask for")
    assert "estimated date of completion" in asked and "narrowing" in asked
    assert "withholding" not in asked and "The determination withheld records" not in text


def test_a_mailed_request_with_no_receipt_date_is_late_by_the_mail_days_unknown(db, reporter):
    # Mailed Tuesday, September 1, 2026, acknowledged September 10 with no receipt date: the 20
    # working days (552(a)(6)(A)(i)) run from receipt, so counted from the mailing they end on
    # September 30 "or as many working days later as the mail took", as the appeal says it.
    rid = log.add_directory_request(db, load_directory().component("DOJ-OLC"), title="Legal analyses").new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="mail"), today=DAY)
    log.record_event(
        db, rid, log.NewEvent("acknowledged", date(2026, 9, 10), tracking_number="FY26-9"), today=DAY
    )
    hedged = "ran out on September 30, 2026, or as many working days later as the mail took"
    status = text_of(db, rid, "status", reporter)
    assert hedged in status and "days ago" not in status
    liaison = text_of(db, rid, "liaison", reporter)
    assert hedged in liaison
    # the requester sent it; the agency acknowledged it
    assert (
        "I submitted the request on September 1, 2026, and your agency acknowledged it on September 10"
        in liaison
    )
    assert "I submitted the request on September 1, 2026 and acknowledged it" not in liaison
    assert hedged in text_of(db, rid, "ogis", reporter)


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        ("denied", "the appeal office denied the appeal on November 10, 2026"),
        ("remanded", "on November 10, 2026 the appeal office sent the request back to be processed again"),
    ],
)
def test_no_second_appeal_of_a_decision_the_appeal_office_has_decided(db, reporter, outcome, said):
    # An appeal goes once to the head of the agency (552(a)(6)(A)(i)(III)(aa)); its decision is
    # the agency's final word (judicial review follows, 552(a)(4)(B)), and a remand leaves
    # nothing to appeal until the office decides again.
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    record_determination(db, rid, on=date(2026, 10, 14), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 10, 20)), today=DAY)
    log.record_event(db, rid, log.NewEvent("appeal_decided", date(2026, 11, 10), outcome=outcome), today=DAY)
    with pytest.raises(UserError, match=f"(?i){said}"):
        draft_followup(db, rid, "appeal", letter_date=DAY, requester=reporter)
    # a new determination after the appeal's decision may be appealed in its turn
    record_determination(db, rid, on=date(2026, 12, 1), outcome="partial", exemptions=["b6"])
    assert "I appeal the determination of December 1, 2026" in text_of(db, rid, "appeal", reporter)


def test_an_appeal_decided_on_the_fee_waiver_leaves_the_determination_open_to_appeal(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    log.record_event(db, rid, log.NewEvent("fee_waiver_requested", FILED), today=DAY)
    log.record_event(
        db, rid, log.NewEvent("fee_decision", date(2026, 9, 20), outcome="waiver_denied"), today=DAY
    )
    appeal = log.NewEvent("appeal_filed", date(2026, 9, 25), outcome="fee_waiver")
    log.record_event(db, rid, appeal, today=DAY)
    record_determination(db, rid, on=date(2026, 10, 5), outcome="partial", exemptions=["b5"])
    log.record_event(db, rid, log.NewEvent("appeal_decided", date(2026, 10, 10), outcome="denied"), today=DAY)
    # the appeal decided was of the fee waiver: the determination of October 5 was never appealed
    assert "I appeal the determination of October 5, 2026" in text_of(db, rid, "appeal", reporter)


# --- an appeal of a fee-waiver denial --------------------------------------------------------
# The waiver's test is the statute's: disclosure "is likely to contribute significantly to
# public understanding of the operations or activities of the government and is not primarily
# in the commercial interest of the requester" (5 U.S.C. 552(a)(4)(A)(iii)). DHS weighs it on
# 6 CFR 5.11(k): the subject (k)(2)(i), informative value and a reasonably broad audience
# (k)(2)(ii)-(iii), significance (k)(2)(iv), commercial interest (k)(3); and wants to know how
# the information will reach the public (domain.md §5.3). An appeal restates each factor.


def section(text: str, heading: str) -> str:
    """Every paragraph under a heading, up to the next heading of the appeal."""
    rest = text.split(f"\n{heading}\n", 1)[1]
    ends = [
        rest.index(f"\n{h}\n")
        for h in ("Other grounds", "Expedited processing", "Decision")
        if f"\n{h}\n" in rest
    ]
    return rest[: min(ends)] if ends else rest


def waiver_denied_at(db, abbr: str, tracking: str) -> int:
    rid = request_at(db, abbr, tracking)
    log.record_event(db, rid, log.NewEvent("fee_decision", date(2026, 11, 10), outcome="waiver_denied"))
    return rid


def test_a_fee_waiver_appeal_restates_each_factor_of_the_agencys_rule(db, reporter):
    text = text_of(db, waiver_denied_at(db, "ICE", "2026-ICFO-00555"), "appeal", reporter)
    waiver = section(text, "Fee waiver")
    assert "likely to contribute significantly to public understanding of the operations or activities " \
        "of the government" in waiver  # fmt: skip
    assert "not primarily in my commercial interest (5 U.S.C. 552(a)(4)(A)(iii))" in waiver
    for factor in (
        "6 CFR 5.11(k)(2)(i)",
        "6 CFR 5.11(k)(2)(ii)–(iii)",
        "6 CFR 5.11(k)(2)(iv)",
        "6 CFR 5.11(k)(3)",
    ):
        assert f"({factor})" in waiver, factor
    assert "I publish at ledgerdesk.example." in waiver  # how the requester will share, in her words
    assert "“Legal analyses of address disclosures”" in waiver  # the subject: the records asked for
    assert "which factor you find unmet" in waiver


def test_a_fee_waiver_appeal_under_an_unverified_rule_cites_only_the_statute(db, reporter):
    # Treasury's fee paragraph (31 CFR 1.7) is only partly confirmed: TIGTA's letter argues the
    # statute's two-part test, with no paragraph of the rule
    text = text_of(db, waiver_denied_at(db, "TIGTA", "2027-FOIA-00555"), "appeal", reporter)
    waiver = section(text, "Fee waiver")
    assert "(5 U.S.C. 552(a)(4)(A)(iii))" in waiver
    assert "31 CFR" not in waiver and "your regulations" not in waiver
    assert "I publish at ledgerdesk.example." in waiver


# An expedite denial is appealable (5 U.S.C. 552(a)(6)(E)(ii)(II): "expeditious consideration of
# administrative appeals of such determinations"). While the request is still pending, an appeal
# of a fee-waiver denial that renews expedition appeals that denial too, and says so where the
# appeals office logs what is appealed. Once the request is decided, expedition of it is moot
# (552(a)(6)(E)(iv)): the denial is only enclosed.
def test_a_live_expedite_denial_is_named_as_appealed_beside_the_waiver(db, reporter):
    rid = request_at(db, "DHS-PRIV", "2027-HQFO-00555")
    log.record_event(db, rid, log.NewEvent("expedite_requested", FILED, agency_received_on=FILED))
    log.record_event(db, rid, log.NewEvent("expedite_decided", date(2026, 9, 8), outcome="denied"))
    log.record_event(db, rid, log.NewEvent("fee_decision", date(2026, 9, 8), outcome="waiver_denied"))
    text = text_of(db, rid, "appeal", reporter)
    subject = next(line for line in text.split("\n") if line.startswith("Re: "))
    assert subject.endswith(
        "denial of my fee waiver request dated September 8, 2026; denial of expedited processing dated "
        "September 8, 2026"
    )
    assert (
        "I appeal the denial by the DHS Privacy Office of my fee waiver request, dated September 8, 2026, "
        "and its denial of expedited processing dated September 8, 2026." in text
    )
    assert "reverse the denial of my fee waiver request and the denial of expedited processing" in text
    # decided on November 20: the appeal is of the determination; expedition is urged for the
    # appeal, and the old denial is only enclosed
    record_determination(db, rid, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    decided = text_of(db, rid, "appeal", reporter)
    subject = next(line for line in decided.split("\n") if line.startswith("Re: "))
    assert subject.endswith("determination of November 20, 2026")
    assert "and its denial of expedited processing" not in decided


# --- an appeal of a failure to make a determination in time ------------------------------------
# Anything adverse can be appealed, delay included (domain.md §1.8, §5.5; DHS and DOJ take such
# appeals). Received September 1, 2026, the request was due September 30 (see FILED above): from
# then on the requester may appeal the delay, or sue without appealing (552(a)(6)(C)(i)). No
# appeal window runs, for no adverse determination was made.
def test_a_missed_deadline_can_be_appealed_as_a_failure_to_decide(db, reporter):
    rid = request_at(db, "ICE", "2027-ICFO-00888")
    with pytest.raises(UserError, match="no adverse decision"):  # not yet late
        draft_followup(db, rid, "appeal", letter_date=date(2026, 9, 30), requester=reporter)
    appeal = draft_followup(db, rid, "appeal", letter_date=DAY, requester=reporter)
    text = "\n".join(p.text for p in Document(io.BytesIO(appeal.docx)).paragraphs if p.text.strip())
    subject = next(line for line in text.split("\n") if line.startswith("Re: "))
    assert subject.endswith("; failure to make a determination by September 30, 2026")
    assert (
        "I appeal the failure of U.S. Immigration and Customs Enforcement (ICE) to make a determination "
        "by September 30, 2026." in text
    )
    delay = section(text, "The delay")
    assert (
        "within 20 working days after receiving my request" in delay and "(5 U.S.C. 552(a)(6)(A)(i))" in delay
    )
    assert (
        "It received my request on September 1, 2026; the time limit ran out on September 30, 2026, and "
        "ICE has made no determination" in delay
    )
    assert "(5 U.S.C. 552(a)(6)(C)(i))" in delay  # the right to sue is kept
    assert "This appeal is made within" not in text and "reverse" not in text
    assert "Attachments: my request of September 1, 2026; the acknowledgment of September 1, 2026." in text
    assert any("failure to respond in time" in w for w in appeal.warnings)
    assert any(
        "no determination letter to take the appeals office's address from" in w for w in appeal.warnings
    )


# A request mailed September 1, 2026, acknowledged with a tracking number but no receipt date: its
# receipt is only assumed from the mailing date (the clock counts from it, due September 30). The
# appeal of the delay says what the requester knows, that they sent it, not that the agency got it then.
def test_a_delay_appeal_claims_no_receipt_date_the_agency_never_gave(db, reporter):
    comp = load_directory().component("ICE")
    rid = log.add_directory_request(db, comp, title="Legal analyses of address disclosures").new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="mail"))
    log.record_event(
        db, rid, log.NewEvent("acknowledged", date(2026, 9, 10), tracking_number="2027-ICFO-00889")
    )
    delay = section(text_of(db, rid, "appeal", reporter), "The delay")
    assert "received my request on" not in delay
    # counted from the mailing, the limit is early by the days in the mail, and the letter says so
    assert (
        "I sent my request on September 1, 2026; the time limit ran out on September 30, 2026, or as many "
        "working days later as the mail took, and ICE has made no determination" in delay
    )


# The address block prints the office's mailing address whatever the channel. DOJ's and SSA's
# come from FOIA.gov's 2017 directory (checked July 25, 2017): offices move, so the user is told
# to check it. An appeal goes to the appeals office (DOJ: OIP, 441 G Street, verified), so the
# component's own old address is not printed there and not warned about.
def test_an_old_mailing_address_in_the_address_block_is_flagged(db, reporter):
    old = "The mailing address on file for the Office of Legal Counsel, printed in the address block, was " \
        "last checked on July 25, 2017"  # fmt: skip
    olc = request_at(db, "DOJ-OLC", "FY27-318")
    status = draft_followup(db, olc, "status", letter_date=DAY, requester=reporter)
    assert any(w.startswith(old) for w in status.warnings)
    record_determination(db, olc, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    appeal = draft_followup(db, olc, "appeal", letter_date=DAY, requester=reporter)
    assert not any("mailing address on file" in w for w in appeal.warnings)
    ice = request_at(db, "ICE", "2027-ICFO-00001")  # ICE's address was checked in 2026
    assert not any(
        "mailing address on file" in w
        for w in draft_followup(db, ice, "status", letter_date=DAY, requester=reporter).warnings
    )


def test_the_complaint_outline_pleads_a_glomar_answer_as_a_refusal_not_a_withholding(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-402")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="glomar", exemptions=["b7C"])
    count = after(text_of(db, rid, "complaint-outline", reporter), "Claim for relief")
    assert "withheld under" not in count
    assert count.endswith(
        "and by refusing to confirm or deny that responsive records exist, citing Exemption 7(C)."
    )
    rid = request_at(db, "DOJ-OLC", "FY27-403")
    record_determination(db, rid, on=date(2026, 11, 16), outcome="partial", exemptions=["b5"])
    assert after(text_of(db, rid, "complaint-outline", reporter), "Claim for relief").endswith(
        "to release non-exempt records withheld under Exemption 5."
    )


# A portal request sent on Saturday, September 5, 2026 is logged by the agency as received that
# day; its clock starts on the next working day (Labor Day, September 7, is a holiday). A
# letter to the agency states the receipt date the agency itself gave, not the clock's start.
def test_a_letter_states_the_receipt_date_the_agency_gave(db, reporter):
    comp = load_directory().component("ICE")
    rid = log.add_directory_request(db, comp, title="Legal analyses of address disclosures").new_id
    saturday = date(2026, 9, 5)
    log.record_event(db, rid, log.NewEvent("filed", saturday, channel="portal"))
    log.record_event(
        db,
        rid,
        log.NewEvent(
            "acknowledged", date(2026, 9, 8), agency_received_on=saturday, tracking_number="2026-ICFO-5"
        ),
    )
    status = text_of(db, rid, "status", reporter)
    assert "which your office received on September 5, 2026 and acknowledged on September 8, 2026." in status
    assert "Your agency received the request on September 5, 2026" in text_of(db, rid, "liaison", reporter)


# --- one page where a practitioner keeps a letter to one page -----------------------------------


def pages(docx: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", docx_to_pdf(docx)))


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("extended", [False, True])
def test_a_late_status_inquiry_with_the_fee_bar_fits_one_page(db, extended):
    """The IRS (a six-line address and a line to sign on, 26 CFR 601.702(c)) and a long title:
    the most a status inquiry prints. Filed September 1: due September 30, or with a timely
    notice of unusual circumstances 10 working days later, October 15 (Columbus Day skipped),
    and (viii)(II)(aa)'s 10 more days end October 29; on December 7 the bar holds either way."""
    rid = request_at(db, "IRS", "2026-IRS-FOIA-701993")
    if extended:
        log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 9, 15)))
    log.record_event(db, rid, log.NewEvent("status_inquiry", date(2026, 10, 30)), today=DAY)
    log.record_event(db, rid, log.NewEvent("status_inquiry", date(2026, 11, 16)), today=DAY)
    # the shipped example profile: a three-line letterhead with a phone number
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "status", letter_date=DAY, requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    # nothing of substance is lost in keeping it to a page
    due = "October 15, 2026" if extended else "September 30, 2026"
    assert f"ran out on {due}" in text and "2026-IRS-FOIA-701993" in text
    assert "552(a)(6)(A)(i)" in text and "552(a)(6)(C)(i)" in text and "552(a)(7)(B)" in text
    assert ("552(a)(4)(A)(viii)(II)(bb)" if extended else BARRED.format(who="your office")) in text
    assert "I asked for the status of this request on October 30, 2026 and November 16, 2026 without" in text
    assert "December 21, 2026" in text  # ten working days to answer
    assert "______" in text  # the IRS's line to sign on
    assert pages(letter.docx) == 1


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("released", [False, True])
def test_a_late_status_inquiry_to_tigta_fits_one_page(db, released):
    """TIGTA: a seven-line address block, an e-mail line and a two-line subject. Received
    Wednesday, September 2, 2026, acknowledged September 8: 20 working days (Labor Day skipped)
    end Thursday, October 1;
    the notice of September 15 adds 10 (Columbus Day skipped): Friday, October 16; on December 7
    even (viii)(II)(aa)'s 10 more days are long past."""
    title = "TIGTA's evaluation of the IRS's sharing of taxpayer data with ICE, with its work papers"
    rid = log.add_directory_request(db, load_directory().component("TIGTA"), title=title).new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="email"), today=DAY)
    ack = log.NewEvent(
        "acknowledged",
        date(2026, 9, 8),
        agency_received_on=date(2026, 9, 2),
        tracking_number="2026-FOIA-68869",
    )
    log.record_event(db, rid, ack, today=DAY)
    log.record_event(db, rid, log.NewEvent("extension_notice", date(2026, 9, 15)), today=DAY)
    if released:  # part of the records: the letter asks about the rest
        log.record_event(db, rid, log.NewEvent("interim_release", date(2026, 11, 26)), today=DAY)
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "status", letter_date=DAY, requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    assert "received on September 2, 2026 and acknowledged on September 8, 2026" in text
    assert "ran out on October 16, 2026" in text and "552(a)(4)(A)(viii)(II)(bb)" in text
    assert ("released on November 26, 2026" in text) == released
    assert pages(letter.docx) == 1


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_a_fee_reply_to_tigta_with_the_waiver_denied_fits_one_page(db):
    """TIGTA's seven-line address and e-mail line; an estimate of $87.50 on September 28, before
    the 20 working days from September 2 ran out (October 1), not on hold; the waiver denied on
    October 6; on December 7 the fee bar holds, and the reply keeps the waiver's appeal open."""
    title = "Legal analyses of disclosures to immigration authorities under 26 U.S.C. 6103(i)(2)"
    rid = log.add_directory_request(db, load_directory().component("TIGTA"), title=title).new_id
    log.record_event(db, rid, log.NewEvent("filed", FILED, channel="email"), today=DAY)
    ack = log.NewEvent(
        "acknowledged",
        date(2026, 9, 8),
        agency_received_on=date(2026, 9, 2),
        tracking_number="2026-FOIA-05429",
    )
    log.record_event(db, rid, ack, today=DAY)
    log.record_event(db, rid, log.NewEvent("fee_waiver_requested", FILED), today=DAY)
    estimate = log.NewEvent(
        "fee_estimate", date(2026, 9, 28), named_date=date(2026, 10, 28), amount_cents=8750
    )
    log.record_event(db, rid, estimate, today=DAY)
    log.record_event(
        db, rid, log.NewEvent("fee_decision", date(2026, 10, 6), outcome="waiver_denied"), today=DAY
    )
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "fee-response", letter_date=DAY, requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    assert "ran out on October 1, 2026" in text and BARRED.format(who="your office") in text
    assert "the denial of my fee waiver of October 6, 2026" in text and "$87.50" in text
    assert pages(letter.docx) == 1


def test_unanswered_status_inquiries_are_listed_as_a_sentence_lists_dates(db, reporter):
    rid = request_at(db, "DOJ-OLC", "FY27-400")
    for on in (date(2026, 10, 5), date(2026, 10, 30), date(2026, 11, 16)):
        log.record_event(db, rid, log.NewEvent("status_inquiry", on), today=DAY)
    dates = "October 5, 2026, October 30, 2026 and November 16, 2026"
    assert f"I asked for the status of this request on {dates} without an answer." in text_of(
        db, rid, "status", reporter
    )
    assert f"I asked the FOIA office for the status on {dates} without an answer." in text_of(
        db, rid, "liaison", reporter
    )


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("waiver", [False, True])
def test_a_fee_reply_fits_one_page(db, waiver):
    """To the IRS, an estimate of $410 on October 20, after the time limit ran out on September
    30: the fee bar, the fees agreed to, advance payment (5 U.S.C. 552(a)(4)(A)(v)) and, with a
    fee waiver still pending, the waiver's place before any fee."""
    rid = request_at(db, "IRS", "2026-IRS-FOIA-701994")
    if waiver:
        log.record_event(db, rid, log.NewEvent("fee_waiver_requested", FILED), today=DAY)
    log.record_event(
        db,
        rid,
        log.NewEvent("fee_estimate", date(2026, 10, 20), named_date=date(2026, 11, 20), amount_cents=41000),
        today=DAY,
    )
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "fee-response", letter_date=date(2026, 10, 22), requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    assert "$410" in text and "2026-IRS-FOIA-701994" in text and "ran out on September 30, 2026" in text
    assert BARRED.format(who="your office") in text and "552(a)(4)(A)(v)" in text
    assert "itemized estimate" in text and ("still pending" in text) == waiver
    assert "tolling" not in text  # the estimate came after the time limit ran out: it held no clock
    assert pages(letter.docx) == 1


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("decided", [False, True])
def test_a_letter_to_the_foia_public_liaison_fits_one_page(db, decided):
    """To the IRS: a request 20 working days late with two status inquiries unanswered (the
    Liaison is asked four things), or a Glomar answer already appealed (the longest questions)."""
    rid = request_at(db, "IRS", "2026-IRS-FOIA-701995")
    log.record_event(db, rid, log.NewEvent("status_inquiry", date(2026, 10, 30)), today=DAY)
    log.record_event(db, rid, log.NewEvent("status_inquiry", date(2026, 11, 16)), today=DAY)
    if decided:
        record_determination(db, rid, on=date(2026, 11, 20), outcome="glomar")
        log.record_event(db, rid, log.NewEvent("appeal_filed", date(2026, 11, 25)), today=DAY)
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "liaison", letter_date=DAY, requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    assert "2026-IRS-FOIA-701995" in text and "ran out on September 30, 2026" in text
    assert "552(l)" in text and "552(h)(3)" in text and "December 21, 2026" in text
    assert ("refused to confirm or deny" in text) == decided
    assert ("552(a)(7)(B)" in text) == (not decided)
    assert pages(letter.docx) == 1
