"""Reading agency replies: every field the parser proposes, for a letter of every type."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from foiadesk.core.replies.dates import find_letter_date, to_date
from foiadesk.core.replies.exemptions import find_exemptions
from foiadesk.core.replies.fees import find_fee_amount
from foiadesk.core.replies.files import read_reply
from foiadesk.core.replies.parse import parse_reply, parse_text
from foiadesk.core.replies.tracking import find_tracking_numbers

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
NOTHING = {
    "exemptions": [],
    "fee_amount": None,
    "fee_meaning": None,
    "dates": {},
    "referred_to": None,
    "b3_statutes": [],
    "extension": False,
    "expedite": None,
    "fee_waiver": None,
    "appeal_outcome": None,
    "closure_reason": None,
    "interim": False,
    "no_text": False,
}


def expect(letter_date, reply_type, tracking, **fields):
    return {
        "letter_date": letter_date,
        "reply_type": reply_type,
        "tracking_numbers": tracking,
        **NOTHING,
        **fields,
    }


# What `foiadesk parse-reply FILE --json` prints for each fixture: every field asserted.
EXPECTED = {
    "ice-ack.eml": expect(
        "2026-10-02",
        "ack",
        ["2026-ICFO-41872"],
        dates={"received": "2026-09-29", "estimated_completion": "2027-01-14"},
        extension=True,
        expedite="denied",
    ),
    "irs-ack.pdf": expect(
        "2026-08-14",
        "ack",
        ["2026-IRS-FOIA-001234"],
        dates={"received": "2026-08-11", "estimated_completion": "2026-11-13"},
    ),
    "tigta-extension.msg": expect(
        "2026-11-06",
        "extension",
        ["2027-FOIA-00031"],
        dates={"received": "2026-10-19", "extended_due": "2026-12-02"},
        extension=True,
    ),
    "treasury-fee-estimate.eml": expect(
        "2026-11-09",
        "fee",
        ["2026-FOIA-00417"],
        fee_amount=470.0,
        fee_meaning="estimate",
        dates={"received": "2026-10-14", "reply_by": "2026-12-10"},
        fee_waiver="denied",
    ),
    "dhs-clarification.txt": expect(
        "2026-11-04",
        "clarification",
        ["2027-HQFO-00112"],
        dates={"received": "2026-10-27", "reply_by": "2026-12-04"},
    ),
    "doj-still-interested.eml": expect(
        "2026-11-12",
        "still_interested",
        ["EMRUFOIA0712-26"],
        # "within thirty days from the date of this letter" of November 12
        dates={"received": "2026-07-09", "reply_by": "2026-12-12"},
    ),
    "irs-full-release.eml": expect(
        "2026-11-13",
        "records_released",
        ["2026-IRS-FOIA-000987"],
        dates={"received": "2026-06-16"},
        fee_amount=0.0,  # "There is no charge for processing this request."
        fee_meaning="none",
    ),
    "ice-partial.eml": expect(
        "2026-11-17",
        "partial",
        ["2026-ICFO-41872"],
        exemptions=["b5", "b6", "b7C", "b7E"],
        referred_to="Internal Revenue Service (IRS)",
        fee_amount=0.0,  # "the cost is below the $14 minimum, there is no charge"
        fee_meaning="none",
    ),
    "irs-partial.pdf": expect(
        "2026-11-18",
        "partial",
        ["2026-IRS-FOIA-001234"],
        exemptions=["b3", "b5", "b6", "b7E"],  # not every exemption in the enclosed Notice 393
        b3_statutes=["26 U.S.C. 6103"],
        dates={"received": "2026-08-11"},
    ),
    "dhs-no-records.pdf": expect(
        "2026-11-10", "no_records", ["2026-HQFO-01655"], dates={"received": "2026-08-25"}
    ),
    "irs-glomar.eml": expect(
        "2026-11-16",
        "glomar",
        ["2026-IRS-FOIA-002210"],
        exemptions=["b3", "b6", "b7C"],
        b3_statutes=["26 U.S.C. 6103"],
        dates={"received": "2026-10-06"},
    ),
    "dhs-referral.eml": expect(
        "2026-10-09",
        "referral",
        ["2027-HQFO-00034"],
        dates={"received": "2026-10-05"},
        referred_to="ICE FOIA Office",
    ),
    "treasury-referral.txt": expect(
        "2026-11-19",
        "referral",
        ["2026-FOIA-00388", "2027-IRS-FOIA-000061"],
        dates={"received": "2026-09-21"},
        referred_to="Internal Revenue Service",
    ),
    "tigta-denial.pdf": expect(
        "2026-11-20",
        "denial",
        ["2027-FOIA-00031"],
        exemptions=["b3", "b5", "b7E"],
        b3_statutes=["26 U.S.C. 6103"],
        dates={"received": "2026-10-19"},
    ),
    "ice-appeal-ack.eml": expect(
        "2026-10-22", "appeal_ack", ["2027-ICAP-00031", "2026-ICFO-39990"], dates={"received": "2026-10-20"}
    ),
    "irs-appeal-decision.pdf": expect(
        "2026-10-30",
        "appeal_decision",
        ["AP-2026-00412", "2026-IRS-FOIA-000522"],
        exemptions=["b3", "b5"],
        b3_statutes=["26 U.S.C. 6103"],
        appeal_outcome="partly_granted",
    ),
    "doj-expedite-granted.txt": expect(
        "2026-10-20",
        "expedite_decision",
        ["FOIA-2027-00118"],
        dates={"received": "2026-10-14"},
        expedite="granted",
    ),
    # a checkbox form: the unticked "granted" line is not the decision
    "eeoc-fee-waiver-denied.txt": expect(
        "2026-12-03", "fee_waiver_decision", ["820-2027-000418"], fee_waiver="denied"
    ),
    "ice-scanned-letter.pdf": expect(None, "other", [], no_text=True),
}


def test_there_is_a_fixture_of_every_reply_type():
    assert {e["reply_type"] for e in EXPECTED.values()} == set(
        "ack extension fee clarification still_interested records_released partial no_records glomar "
        "referral denial appeal_ack appeal_decision expedite_decision fee_waiver_decision other".split()
    )
    assert {Path(name).suffix for name in EXPECTED} == {".eml", ".msg", ".pdf", ".txt"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_of_every_fixture(name):
    proposal = parse_reply(read_reply(FIXTURES / name))
    assert proposal.as_json() == EXPECTED[name]


def test_the_proposal_keeps_the_sentence_behind_each_finding():
    proposal = parse_reply(read_reply(FIXTURES / "ice-ack.eml"))
    assert proposal.reason("expedite") == "Your request for expedited treatment is hereby denied."
    assert "will complete processing of your request by January 14, 2027" in proposal.reason(
        "estimated_completion"
    )
    assert proposal.reason("letter_date") == "October 2, 2026"


# -- the rules one at a time -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Re: FOIA Request Number 2025-ICFO-12345", ("2025-ICFO-12345",)),
        ("Your request has been assigned tracking number F-2026-00417.", ("F-2026-00417",)),
        ("Case number: 2026-IRS-FOIA-001234", ("2026-IRS-FOIA-001234",)),
        ("Re: Request No. EMRUFOIA0712-26", ("EMRUFOIA0712-26",)),
        ("acknowledged under F26-123456 and DOJ-AP-2026-000123", ("F26-123456", "DOJ-AP-2026-000123")),
        ("FOIPA Request No.: 1623547-000", ("1623547-000",)),
        # DOJ's National Security Division heads its e-mails "Re: FOIA/PA # 11-239"
        ("Re: FOIA/PA # 11-239 Wed, Sep 21, 2011 at 1:58 PM", ("11-239",)),
        ("FOIA Appeal 2027-ICAP-00031 (re: 2026-ICFO-39990)", ("2027-ICAP-00031", "2026-ICFO-39990")),
        # split across a line by a PDF's text layer, and repeated: one number, as written
        ("Case Number 2026-ICFO-\n41872. We refer to 2026-ICFO-41872 below.", ("2026-ICFO-41872",)),
        # not tracking numbers: telephone, fax, ZIP+4, dates, court dockets, forms, statutes
        (
            "Call 1-866-431-0486 or (866) 633-1182; fax 877-807-9215; Washington, DC 20536-5009; "
            "Employee ID 1000212345; dated 2026-11-03; No. 1:25-cv-00677; Form 4506-T; DHS/ICE-009; "
            "26 U.S.C. 6103(i)(2); Pub. L. 114-185",
            (),
        ),
    ],
)
def test_tracking_numbers_exactly_as_written(text, numbers):
    assert find_tracking_numbers(text) == numbers


@pytest.mark.parametrize(
    "text, day",
    [
        ("November 3, 2026", date(2026, 11, 3)),
        ("Nov. 3, 2026", date(2026, 11, 3)),
        ("November 3rd, 2026", date(2026, 11, 3)),
        ("11/03/2026", date(2026, 11, 3)),
        ("11/3/26", date(2026, 11, 3)),
        ("3 November 2026", date(2026, 11, 3)),
        ("2026-11-03", date(2026, 11, 3)),
        ("February 30, 2026", None),
        ("13/01/2026", None),
    ],
)
def test_dates_as_letters_write_them(text, day):
    assert to_date(text) == day


def test_the_letter_date_is_the_first_line_that_is_only_a_date():
    text = "U.S. Department of Justice\n\nTuesday, November 3, 2026\n\nRe: dated October 1, 2026\n"
    assert find_letter_date(text) == date(2026, 11, 3)
    assert find_letter_date("Date: 11/04/2026\nCase number: 1") == date(2026, 11, 4)
    assert find_letter_date("We wrote on November 3, 2026 about it.") is None


def test_an_email_without_a_date_line_takes_the_date_it_was_sent():
    proposal = parse_text("Your request is acknowledged.", sent_on=date(2026, 11, 2))
    assert proposal.letter_date == date(2026, 11, 2) and proposal.reason("letter_date") is None


@pytest.mark.parametrize(
    "text, exemptions, statutes",
    [
        ("withheld under (b)(6) and (b)(7)(C)", ("b6", "b7C"), ()),
        ("pursuant to 5 U.S.C. § 552(b)(5), (b)(7)(c) and (E)", ("b5", "b7C", "b7E"), ()),
        ("Exemptions 5, 6, and 7(C) apply; Exemption 7E also.", ("b5", "b6", "b7C", "b7E"), ()),
        ("redactions marked b6, b7c", ("b6", "b7C"), ()),
        ("FOIA exemption (b)(3) in conjunction with 26 U.S.C. § 6103(a)", ("b3",), ("26 U.S.C. 6103",)),
        ("Exemption 3, with section 6103 of the Internal Revenue Code", ("b3",), ("26 U.S.C. 6103",)),
        ("(b)(3), which incorporates 50 U.S.C. § 3024(i)(1)", ("b3",), ("50 U.S.C. 3024",)),
        # a subsection of another statute is not an exemption; nor is a range
        ("return information as defined in 26 U.S.C. § 6103(b)(2)", (), ()),
        ("the nine exemptions, (b)(1) through (b)(9), are described in the enclosure", (), ()),
        ("Exemption 6, 5 U.S.C. 552(b)(6)", ("b6",), ()),
        # a numbered list on the next line is not a further exemption
        ("withheld under (b)(6)\n(2) You may appeal this decision", ("b6",), ()),
        ("withheld under (b)(6),\n(7)(C) and (b)(5)", ("b5", "b6", "b7C"), ()),
    ],
)
def test_exemptions_normalised_with_their_subparts_and_statutes(text, exemptions, statutes):
    assert find_exemptions(text) == (exemptions, statutes)


@pytest.mark.parametrize(
    "text, amount",
    [
        ("Search 4 hours at $44.00 per hour     $176.00\nTotal estimated fees    $212.50", "212.50"),
        ("The estimated fees to process your request are $1,250.00.", "1250.00"),
        ("We require an advance payment of $380 before we continue.", "380.00"),
        ("You agreed to pay up to $25.00. Fees under $14 are not charged.", None),
        ("Because the fees exceed $250.00, advance payment is required.", None),
        ("Duplication costs $0.10 per page.", None),
    ],
)
def test_fee_amounts_are_the_amount_asked_not_rates_or_caps(text, amount):
    assert find_fee_amount(text) == (Decimal(amount) if amount else None)


@pytest.mark.parametrize(
    "text, reply_type, extra",
    [
        (
            "This is our first interim release. We are releasing 120 pages in part under (b)(6). "
            "We will continue to process the remaining records.",
            "partial",
            {"interim": True},
        ),
        (
            "Before we can continue, please clarify your fee category and confirm your willingness "
            "to pay fees by December 1, 2026.",
            "fee",
            {"dates": {"reply_by": "2026-12-01"}},
        ),
        ("After a thorough search, no responsive records were located.", "no_records", {}),
        ("The responsive records are withheld in their entirety under Exemption 5.", "denial", {}),
        ("Your appeal is denied. We affirm the initial determination.", "appeal_decision", {}),
        ("We are remanding your request for a new search. Your appeal is granted.", "appeal_decision", {}),
        ("Your request has been forwarded to the FBI Records Management Division.", "referral", {}),
        (
            "Your request for a fee waiver has been granted.",
            "fee_waiver_decision",
            {"fee_waiver": "granted"},
        ),
        (
            "Your request was received on 11/02/2026 and assigned tracking number 2027-NSD-00021.",
            "ack",
            {"dates": {"received": "2026-11-02"}},
        ),
        # conditional boilerplate in an acknowledgment is not a determination
        (
            "This acknowledges receipt of your request. If we are unable to locate records, we will "
            "tell you. If any records are withheld, you may appeal.",
            "ack",
            {},
        ),
        ("Thank you for contacting us.", "other", {}),
    ],
)
def test_reply_types_from_their_phrases(text, reply_type, extra):
    proposal = parse_text(text).as_json()
    assert proposal["reply_type"] == reply_type
    for key, value in extra.items():
        assert proposal[key] == value


def test_appeal_outcomes():
    def outcome(text):
        return parse_text(text).appeal_outcome

    assert outcome("Your appeal is denied. We affirm the initial determination.") == "denied"
    assert outcome("We are remanding your request for a new search. Your appeal is granted.") == "remanded"
    assert outcome("We reverse the denial and your appeal is granted.") == "granted"
    assert outcome("Your appeal is granted in part and denied in part.") == "partly_granted"


def test_a_referral_says_whether_the_request_or_some_records_went_on():
    whole = parse_text("We have transferred your request to the ICE FOIA Office for processing.")
    some = parse_text(
        "We referred 12 pages to the Office for Civil Rights and Civil Liberties for direct response."
    )
    consult = parse_text("We sent the records to the IRS for consultation.")
    assert (whole.referred_to, whole.request_routed) == ("ICE FOIA Office", True)
    assert (some.referred_to, some.request_routed) == ("Office for Civil Rights and Civil Liberties", False)
    assert consult.referred_to is None


def test_reply_by_dates_counted_from_the_letter():
    working = parse_text(
        "November 2, 2026\n\nPlease respond within 10 working days of the date of this letter."
    )
    calendar_days = parse_text("November 2, 2026\n\nPlease reply within 30 days of this letter.")
    assert working.dates["reply_by"] == date(2026, 11, 17)  # Veterans Day is not counted
    assert calendar_days.dates["reply_by"] == date(2026, 12, 2)


def test_appeal_rights_are_not_a_reply_by_date():
    text = "November 17, 2026\n\nYou may appeal within 90 working days of the date of this letter."
    assert parse_text(text).dates == {}
