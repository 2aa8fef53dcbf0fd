"""Which request a reply answers: by tracking number, then letterhead, then dates and
subject; every proposal says why and how sure, and a letter from an agency the log has no
request to says so instead of taking the selected row."""

from datetime import date

import pytest

from foiadesk.core.replies.files import read_reply_bytes
from foiadesk.core.replies.matching import propose_request
from foiadesk.core.replies.parse import parse_reply
from foiadesk.core.store import log
from foiadesk.core.store.log import NewEvent

TODAY = date(2027, 2, 1)
TIGTA_LETTER = """DEPARTMENT OF THE TREASURY
TREASURY INSPECTOR GENERAL FOR TAX ADMINISTRATION
WASHINGTON, D.C. 20024
December 3, 2026
Maya Okafor
Dear Ms. Okafor:
This responds to your Freedom of Information Act request for records of the memorandum of
understanding between the IRS and ICE. We searched and located no responsive records.
"""
ICE_LETTER = """U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
December 3, 2026
Dear Ms. Okafor:
This acknowledges receipt of your request for records of detainer training materials.
"""


def request(db, abbr, name, agency, title, filed=None, number=None):
    component = log.ensure_component(db, abbr=abbr, name=name, agency_abbr=agency, agency_name=agency)
    rid = log.add_request(db, title=title, component_id=component).new_id
    if filed:
        log.record_event(db, rid, NewEvent("filed", date.fromisoformat(filed)), today=TODAY)
    if number:
        log.record_event(
            db, rid, NewEvent("acknowledged", date.fromisoformat(filed), tracking_number=number), today=TODAY
        )
    return rid


def letter(text, name="reply.txt"):
    reply = read_reply_bytes(name, text.encode())
    return parse_reply(reply), reply


@pytest.fixture
def ice_and_tigta(db):
    ice = request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "MOU drafts", "2026-10-01")
    tigta = request(
        db,
        "TIGTA",
        "Treasury Inspector General for Tax Administration",
        "Treasury",
        "IRS–ICE memorandum of understanding",
        "2026-10-02",
    )
    return ice, tigta


def test_the_letterhead_finds_the_one_request_to_its_agency_not_the_selected_row(db, ice_and_tigta):
    ice, tigta = ice_and_tigta
    proposal, reply = letter(TIGTA_LETTER)
    match = propose_request(db, proposal, reply, selected=ice)
    assert (match.request_id, match.confidence) == (tigta, "likely")
    assert f"The letterhead names TIGTA, and #{tigta} is the log's one request to TIGTA" in match.why


def test_a_letter_from_an_agency_with_no_request_says_so(db, ice_and_tigta):
    ice, _ = ice_and_tigta
    proposal, reply = letter(
        TIGTA_LETTER.replace(
            "TREASURY INSPECTOR GENERAL FOR TAX ADMINISTRATION", "U.S. CUSTOMS AND BORDER PROTECTION"
        ).replace("DEPARTMENT OF THE TREASURY", "U.S. Department of Homeland Security")
    )
    db.execute("INSERT INTO agencies (abbr, name) VALUES ('X', 'x')")  # unrelated rows change nothing
    log.ensure_component(
        db, abbr="CBP", name="U.S. Customs and Border Protection", agency_abbr="DHS", agency_name="DHS"
    )
    match = propose_request(db, proposal, reply, selected=ice)
    assert (match.request_id, match.confidence) == (None, "none")
    assert "The letterhead names CBP, and the log has no request to CBP" in match.why


def test_the_tracking_number_decides_first(db, ice_and_tigta):
    ice, tigta = ice_and_tigta
    log.record_event(
        db, ice, NewEvent("acknowledged", date(2026, 10, 5), tracking_number="2026-ICFO-41872"), today=TODAY
    )
    proposal, reply = letter(TIGTA_LETTER.replace("Dear Ms.", "Re: 2026-ICFO-41872\nDear Ms."))
    match = propose_request(db, proposal, reply, selected=tigta)
    assert (match.request_id, match.confidence) == (ice, "certain")
    assert match.why == "Found by its tracking number 2026-ICFO-41872."


def test_among_several_requests_to_the_agency_dates_and_subject_decide(db):
    request(
        db,
        "ICE",
        "U.S. Immigration and Customs Enforcement",
        "DHS",
        "Detainer training materials",
        "2027-01-05",
    )
    right = request(
        db,
        "ICE",
        "U.S. Immigration and Customs Enforcement",
        "DHS",
        "Detainer training materials",
        "2026-11-20",
    )
    request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Parking contracts", "2026-11-21")
    proposal, reply = letter(ICE_LETTER)
    match = propose_request(db, proposal, reply)
    assert (match.request_id, match.confidence) == (right, "possible")
    assert "filed 2026-11-20, before the letter" in match.why and "the letter mentions detainer" in match.why
    assert match.candidates[0] == right


def test_two_requests_that_fit_alike_are_left_to_the_user(db):
    first = request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Budget", "2026-11-20")
    second = request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Leases", "2026-11-20")
    proposal, reply = letter(ICE_LETTER)
    match = propose_request(db, proposal, reply)
    assert match.request_id is None and set(match.candidates) == {first, second}
    assert "2 requests to ICE could be the one: choose" in match.why


def test_a_letter_naming_no_known_agency_falls_back_on_the_selected_request_and_says_so(db, ice_and_tigta):
    ice, _ = ice_and_tigta
    proposal, reply = letter(
        "Office of Somewhere\nDecember 3, 2026\nDear Ms. Okafor:\nWe received your request."
    )
    match = propose_request(db, proposal, reply, selected=ice)
    assert (match.request_id, match.confidence) == (ice, "possible")
    assert (
        "names no agency the log knows" in match.why and f"selected request #{ice} is proposed" in match.why
    )


def test_a_drop_on_a_request_wins_but_a_number_elsewhere_is_flagged(db, ice_and_tigta):
    ice, tigta = ice_and_tigta
    log.record_event(
        db, ice, NewEvent("acknowledged", date(2026, 10, 5), tracking_number="2026-ICFO-41872"), today=TODAY
    )
    proposal, reply = letter(ICE_LETTER.replace("Dear", "Re: 2026-ICFO-41872\nDear"))
    assert propose_request(db, proposal, reply, dropped_on=ice).confidence == "certain"
    flagged = propose_request(db, proposal, reply, dropped_on=tigta)
    assert flagged.request_id == tigta and flagged.confidence == "possible"
    assert f"is on #{ice}: check which request it answers" in flagged.why


def test_a_number_printed_with_ocr_slips_still_finds_its_request(db, ice_and_tigta):
    # the reader keeps "F01A-85-613" as printed; the log holds the number as the agency gave it
    ice, tigta = ice_and_tigta
    log.record_event(
        db, ice, NewEvent("acknowledged", date(2026, 10, 5), tracking_number="FOIA-85-613"), today=TODAY
    )
    proposal, reply = letter(TIGTA_LETTER.replace("Dear Ms.", "IN RESPONSE REFER TO: F01A-85-613\nDear Ms."))
    assert proposal.tracking_numbers == ("F01A-85-613",)
    match = propose_request(db, proposal, reply, selected=tigta)
    assert (match.request_id, match.confidence) == (ice, "certain")


def test_the_request_whose_filing_day_the_letter_cites_is_proposed_over_a_likelier_subject(db):
    ice = ("ICE", "U.S. Immigration and Customs Enforcement", "DHS")
    cited = request(db, *ice, "Removal flights", "2026-10-14")
    request(db, *ice, "Detainer training materials", "2026-10-20")
    proposal, reply = letter(
        """U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
December 3, 2026
Dear Ms. Okafor:
This acknowledges receipt of your Freedom of Information Act request dated 10/14/2026, for
detainer records. Your request was received in this office on October 16, 2026.
"""
    )
    match = propose_request(db, proposal, reply)
    assert (match.request_id, match.confidence) == (cited, "possible")
    assert "the letter cites 2026-10-14, the day it was filed" in match.why
    assert match.candidates[0] == cited


def test_a_date_that_is_no_request_s_filing_day_proves_nothing(db):
    first = request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Budget", "2026-11-20")
    second = request(db, "ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Leases", "2026-11-20")
    proposal, reply = letter(ICE_LETTER.replace("materials.", "materials, received November 23, 2026."))
    match = propose_request(db, proposal, reply)
    assert match.request_id is None and set(match.candidates) == {first, second}
    assert "cites" not in match.why


def test_a_letterhead_name_broken_across_lines_or_run_together_by_ocr_is_found(db, ice_and_tigta):
    ice, _ = ice_and_tigta
    cbp = request(db, "CBP", "U.S. Customs and Border Protection", "DHS", "Port wait times", "2026-10-03")
    for head in ("U.S. Customs and\n\n\nBorder Protection", "U.S. Customs andBorder  Protection"):
        proposal, reply = letter(f"{head}\nDecember 3, 2026\nDear Ms. Okafor:\nWe located no records.")
        match = propose_request(db, proposal, reply, selected=ice)
        assert (match.request_id, match.confidence) == (cbp, "likely"), head


def test_a_letter_from_an_agency_the_log_never_wrote_to_says_so_instead_of_taking_the_selected_row(
    db, ice_and_tigta
):
    # the log knows ICE and TIGTA; FOIA.gov's directory knows the Nuclear Regulatory Commission
    ice, _ = ice_and_tigta
    proposal, reply = letter(
        "UNITED STATES\nNUCLEAR REGULATORY\nCOMMISSION\nWASHINGTON, D.C. 20555\nDecember 3, 2026\n"
        "Re: FOIA-2026-000123\nDear Ms. Okafor:\nWe located no records responsive to your request."
    )
    match = propose_request(db, proposal, reply, selected=ice)
    assert (match.request_id, match.confidence) == (None, "none")
    assert match.agency == "Nuclear Regulatory Commission"
    assert "The letterhead names Nuclear Regulatory Commission, and the log has no request to it" in match.why
