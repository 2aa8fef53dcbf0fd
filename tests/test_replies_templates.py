# ruff: noqa: E501  (passages of letter text, one a line)
"""Reading the form letters agencies send: their published templates, filled in.

``fixtures/replies-templates`` holds agencies' own sample and model reply letters (Interior, the Air
Force's regulation, Commerce and NOAA, DHS, the Navy, the NRC's form, FEMA, SSA, USPS, DOJ) with their
blanks filled as the agency would, labelled by the conventions of the real letters (see SOURCES.md
there). Most real replies are made from such templates, so the reader should read every one.

The passages below are written for these tests in the same offices' wording (none is a fixture
letter), each rule with a near miss that must read as before.
"""

from decimal import Decimal
from pathlib import Path

import pytest
import reply_damage

from foiadesk.core.replies.accuracy import FIELDS, _found, score, table
from foiadesk.core.replies.fees import find_fee
from foiadesk.core.replies.parse import parse_text
from foiadesk.core.replies.tracking import find_tracking_numbers

TEMPLATES = Path(__file__).parent / "fixtures" / "replies-templates"

# Every field right on every filled template (45 letters, 12 offices); first measured, before the
# rules below, at reply type 27 of 45, tracking numbers 38 of 45, fee amount 42 of 43.
FLOOR = {"reply_type": 45, "letter_date": 45, "tracking_numbers": 45, "exemptions": 45, "fee_amount": 43}


def test_the_filled_templates_keep_their_figures():
    scores = score(TEMPLATES, "templates")
    assert {name: scores[name].right for name in FIELDS} == FLOOR, (
        table(scores) + "\n" + "\n".join(miss for s in scores.values() for miss in s.misses)
    )


HEAD = "Department\nWashington, DC 20240\nMarch 3, 2015\nDear Ms. Lane:\n"


def kind(body: str) -> str:
    return parse_text(HEAD + body).reply_type


# The Justice Department's sample sentence for a full grant, and the Postal Service's: the request
# answered in full is a release, though no sentence names the records.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "This responds to your FOIA request of January 5, 2015, for the Division's FOIA training slides. I trust that this information fully satisfies your request. If you need any further assistance, please contact our FOIA Public Liaison.",
            "records_released",
        ),
        (
            "This is in response to your request for the 2014 lease of the Boise Main Post Office. The Postal Service has fully satisfied your request.",
            "records_released",
        ),
        # a no-records letter that closes with the same words is still the no-records answer
        (
            "A search of the Division's files did not locate any records responsive to your request. I trust that this information fully satisfies your request.",
            "no_records",
        ),
        # a request satisfied only once something else happens is not answered yet
        ("Once the fee is paid, your request will be fully satisfied.", "other"),
        (
            "If you are not satisfied with our response to your request, you may appeal within 90 days.",
            "other",
        ),
    ],
)
def test_a_request_said_fully_satisfied_is_a_full_release(body, expected):
    assert kind(body) == expected


# An office that says ahead it cannot process the request in the statute's 20 workdays (the Air
# Force's wording) extends the time; so does an extension said to be invoked.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "We received your Freedom of Information Act request dated 2 March 2015 on 4 March 2015. Based on our initial review, we believe we cannot process your request within 20 workdays. Your request will be delayed because the responsive records are not located at this installation. We expect to reply not later than 14 April 2015.",
            "extension",
        ),
        (
            "We will not be able to complete your request within twenty work days because the records must be collected from three bases.",
            "extension",
        ),
        (
            "An extension of up to ten working days is being invoked because the records must be collected from our field offices. We plan to respond to you by April 17, 2015.",
            "extension",
        ),
        ("We are invoking a 10 working day extension of the time to respond to your request.", "extension"),
        # near misses: an office that can answer in time, or an extension it may use later
        (
            "We received your Freedom of Information Act request dated 2 March 2015 on 4 March 2015. Based on our initial review, we believe we can process your request within 20 workdays.",
            "ack",
        ),
        ("If an extension is invoked, we will notify you in writing.", "other"),
    ],
)
def test_an_extension_said_ahead_or_invoked(body, expected):
    assert kind(body) == expected


# The compilation asked for is not one the office keeps (Interior's "records do not exist" sample):
# that is the no-records answer.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "You requested a list of all grazing permits in Idaho sorted by acreage. The Bureau does not maintain a listing of grazing permits by acreage, but rather by allotment. Under 43 CFR 2.7(d), a bureau is not required to create or compile a record to respond to a FOIA request.",
            "no_records",
        ),
        (
            "The Service does not compile statistics by county; it keeps permit files by species.",
            "no_records",
        ),
        ("The Park does not maintain a report of visitor injuries for each trail.", "no_records"),
        # near misses: what is kept is sent instead; the law's general words alone; "by law"
        (
            "The Bureau does not maintain a listing of permits by acreage, but the enclosed 12 pages list them by allotment, which are enclosed.",
            "records_released",
        ),
        (
            "Under 43 CFR 2.7(d), a bureau is not required to create or compile a record to respond to a FOIA request. We are searching for the permits you described.",
            "other",
        ),
        ("The Bureau does not maintain these files by law; the Department keeps them.", "other"),
    ],
)
def test_a_compilation_the_office_does_not_keep_is_no_records(body, expected):
    assert kind(body) == expected


NAVY = "DEPARTMENT OF THE NAVY\nJune 1, 2004\nDear Mr. Hale:\nThis responds to your Freedom of Information Act request of May 3, 2004 in which you seek the pier maintenance logs. Your request was received by this office on May 6, 2004 and assigned file number 04-0411. "


# A letter that says it has weighed the requester's case for a fee waiver is the fee-waiver decision,
# even cut off before the deciding sentence (as the expedite decision is).
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "You requested a waiver of fees. We have taken into consideration your justification regarding waiver of fees and your ability to disseminate the information.",
            "fee_waiver_decision",
        ),
        (
            "We have carefully considered your request for a fee waiver against the factors in our regulation.",
            "fee_waiver_decision",
        ),
        # near misses: a consideration still to come, or not yet made
        (
            "You requested a waiver of fees. Your request for a waiver of fees will be considered once the records are located.",
            "ack",
        ),
        (
            "You requested a waiver of fees. We have not yet considered your request for a waiver of fees.",
            "ack",
        ),
    ],
)
def test_a_fee_waiver_weighed_is_the_fee_waiver_decision(body, expected):
    assert parse_text(NAVY + body).reply_type == expected


def test_the_standard_an_expedite_request_must_meet_to_be_granted_grants_nothing():
    weighed = (
        NAVY
        + "You seek the expedited processing of your request for the logs. A request for expedited processing must demonstrate an exceptional need or urgency for the information in order to be granted, such as an imminent threat to the life or physical safety of an individual."
    )
    p = parse_text(weighed)
    assert (p.reply_type, p.expedite) == ("expedite_decision", None)
    # near miss: a grant said outright is still a grant
    granted = parse_text(NAVY + "Your request for expedited processing is granted.")
    assert (granted.reply_type, granted.expedite) == ("expedite_decision", "granted")


# A text extraction or a re-flow runs a form's lines together: each box still starts a statement of
# its own, so an unticked line says nothing wherever it sits (NRC's form run into one paragraph).
REFLOWS = ("one paragraph", "wrap 60", "wrap 100", "lines unwrapped")


def test_the_templates_read_the_same_re_flowed():
    flipped = []
    for name, text, reply, want in reply_damage.letters(TEMPLATES):
        numbers = want.get("tracking_numbers") or frozenset()
        for transform in REFLOWS:
            after = parse_text(reply_damage.damaged(name, transform, text, numbers), sent_on=reply.sent_on)
            flipped += [(name, transform, f) for f in want if _found(after, f) != want[f]]
    assert flipped == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "PART I. -- INFORMATION RELEASED ☐ Agency records subject to the request are enclosed. ☒ We did not locate any agency records responsive to your request.",
            "no_records",
        ),
        (
            "RESPONSE TYPE ☐ INTERIM ☒ FINAL PART I ☒ Agency records subject to the request are enclosed. ☐ We did not locate any agency records responsive to your request.",
            "records_released",
        ),
        # near miss: a box in a sentence's words, before a lower-case word, ends nothing
        (
            "Enclosed are 12 pages of records responsive to your request, whose ☐ marks on page 3 are the original form's.",
            "records_released",
        ),
    ],
)
def test_a_box_run_into_a_line_starts_its_own_statement(text, expected):
    assert parse_text(HEAD + text).reply_type == expected


NRC_FORM = """NRC FORM 464 Part I (12-2015)
U.S. NUCLEAR REGULATORY COMMISSION
RESPONSE TO FREEDOM OF INFORMATION ACT (FOIA) REQUEST
FOIA NRC-2016-000412    RESPONSE TYPE ☐ INTERIM ☒ FINAL
DATE: 08/02/2016
PART I. -- INFORMATION RELEASED
{adams} Agency records subject to the request are already available in public ADAMS or on microfiche in the NRC Public Document Room.
☐ Agency records subject to the request are enclosed.
PART I.A -- FEES    AMOUNT
☐ You will be billed by NRC for the amount listed.
☐ None. Minimum fee threshold not met.
{waived} Fees waived.
"""


# The NRC's form: records already in its public library are released; a ticked "Fees waived" line
# charges nothing. An unticked box says neither.
@pytest.mark.parametrize(
    "adams, waived, expected",
    [("☒", "☒", ("records_released", Decimal("0"))), ("☐", "☐", ("other", None))],
)
def test_the_nrc_form_records_in_adams_and_fees_waived(adams, waived, expected):
    p = parse_text(NRC_FORM.format(adams=adams, waived=waived))
    assert (p.reply_type, p.fee_amount) == expected


@pytest.mark.parametrize(
    "text, fee",
    [("[x] Fees waived.", Decimal("0")), ("[ ] Fees waived.", None), ("(X) Fees waived", Decimal("0"))],
)
def test_a_ticked_fees_waived_line_is_no_fee(text, fee):
    assert find_fee("PART I.A -- FEES\n" + text)[0] == fee


# A number the letter says was assigned to the request is its number, whatever the label calls it
# ("assigned file number 04-0411", the Navy's words); an office code before a number on the subject
# line is part of it ("Re: CRCL 12-009", DHS CRCL's style).
@pytest.mark.parametrize(
    "text, numbers",
    [
        (
            "Your request was received by this office on May 6, 2004 and assigned file number 04-0411.",
            ("04-0411",),
        ),
        ("Your request has been assigned FOIA file number 2015-0318.", ("2015-0318",)),
        ("Re: CRCL 13-114\n\nDear Ms. Diaz:", ("CRCL 13-114",)),
        ("Subject: OCIO 2014-0312\n\nDear Ms. Diaz:", ("OCIO 2014-0312",)),
        # near misses: a file the records sit in; the bare FOIA before a number; a case word
        ("The records are filed under File Number 66-HQ-3286.", ()),
        ("Re: FOIA 13-1142\n\nDear Ms. Diaz:", ("13-1142",)),
        ("We met with CRCL 13-114 staff last week.", ()),
    ],
)
def test_numbers_assigned_or_office_coded(text, numbers):
    assert find_tracking_numbers(text) == numbers


# The date by which the office says it will give its own answer is its estimate (what an
# acknowledgment or an extension notice names), not a date the requester must reply by.
@pytest.mark.parametrize(
    "body, named",
    [
        (
            "We received your FOIA request dated 2 March 2015, for the housing contract on 4 March 2015. We will provide you our release determination by 1 April 2015.",
            {"received": "2015-03-04", "estimated_completion": "2015-04-01"},
        ),
        (
            "We received your FOIA request. Based on our initial review, we believe we cannot process your request within 20 workdays. We expect to reply to your request not later than 15 April 2015.",
            {"estimated_completion": "2015-04-15"},
        ),
        (
            "An extension of up to ten working days is being invoked. We plan to respond to you by March 31, 2015.",
            {"estimated_completion": "2015-03-31"},
        ),
        # near misses: the requester's date stays the requester's
        (
            "Please tell us which offices to search. Please respond by March 31, 2015, or we will close your request.",
            {"reply_by": "2015-03-31"},
        ),
        ("We will close your request if you do not respond by March 31, 2015.", {"reply_by": "2015-03-31"}),
    ],
)
def test_the_offices_own_answer_date_is_its_estimate(body, named):
    assert {k: v.isoformat() for k, v in parse_text(HEAD + body).dates.items()} == named


# -- the second group: other offices' templates (SIGAR's acknowledgment template, TSA's published
# clarification paragraph; ``templates2``). The reader read every letter of it right before any rule
# changed; the rules below come from the same wording families, tried in other offices' words.

# Every field right on every letter of the second group (5 letters, 2 offices), as first measured.
SECOND_GROUP_FLOOR = {
    "reply_type": 5,
    "letter_date": 5,
    "tracking_numbers": 5,
    "exemptions": 5,
    "fee_amount": 5,
}


def test_the_second_group_of_templates_keeps_its_figures():
    scores = score(TEMPLATES, "templates2")
    assert {name: scores[name].right for name in FIELDS} == SECOND_GROUP_FLOOR, (
        table(scores) + "\n" + "\n".join(miss for s in scores.values() for miss in s.misses)
    )


# What the office needs, said with a determiner ("this", "the following"): TSA's published
# paragraph and other offices' words. An office that needs nothing more asks nothing.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Given the variety of programs at the agency, we require this additional information about records you are seeking before we can begin a search.",
            "clarification",
        ),
        (
            "We need the following additional information before we can process your request: the time period and the offices you believe hold the records.",
            "clarification",
        ),
        # near misses
        (
            "We do not need additional information. Your request has been placed in our complex processing track.",
            "other",
        ),
        ("We do not require any additional information from you at this time.", "other"),
    ],
)
def test_additional_information_required_is_a_clarification(body, expected):
    assert kind(body) == expected


# A letter warning that it will close the request if its request for clarification goes unanswered
# is that request, though the warning is an "if" (TSA: "If we cannot contact you, or you do not
# respond within 30 calendar days to our requests for clarification, we will close your request").
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Your request lacks the detail needed to search. If you do not respond within 30 calendar days to our request for clarification, we will close your request.",
            "clarification",
        ),
        (
            "If you fail to reply to this request for clarification within 20 working days, the request will be administratively closed.",
            "clarification",
        ),
        # near misses: the request closed because it went unanswered; a still-interested letter
        (
            "Because you did not respond to our request for clarification, we have closed your request.",
            "admin_closed",
        ),
        (
            "Please tell us whether you are still interested in your request. If you do not respond within 30 days, we will close your request.",
            "still_interested",
        ),
    ],
)
def test_a_warning_that_an_unanswered_clarification_closes_the_request(body, expected):
    assert kind(body) == expected


# A clarification the requester has already given is not one asked for; the letter goes on to what
# it made possible. A letter that thanks the requester and asks again still asks.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Thank you for your response to our request for clarification. We have begun our search for the records.",
            "other",
        ),
        (
            "We received your clarification of February 27, 2015. Your request is now perfected and has been placed in our simple track.",
            "ack",
        ),
        (
            "Thank you for clarifying your request on March 1, 2015. The search is under way.",
            "other",
        ),
        # near misses: asked again after the thanks
        (
            "Thank you for your letter of March 1, 2015. Please clarify whether you seek the final report only or all drafts.",
            "clarification",
        ),
        (
            "Thank you for your response. Your request still does not reasonably describe the records sought.",
            "clarification",
        ),
    ],
)
def test_a_clarification_already_given_is_not_asked_for(body, expected):
    assert kind(body) == expected


# A release that waits on payment releases nothing yet: the letter asks for the fee.
@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "The fees for processing your request total $150.00. Please remit payment before we release the records.",
            "fee",
        ),
        (
            "The fees for processing your request total $150.00. Payment must be received prior to the release of the records.",
            "fee",
        ),
        # near misses: records released, with what was done before
        (
            "We are releasing the enclosed 40 pages in full. Before we released them, we consulted the Department of State.",
            "records_released",
        ),
        (
            "Before releasing the enclosed 30 pages, we redacted the names of employees under Exemption 6, 5 U.S.C. 552(b)(6).",
            "partial",
        ),
    ],
)
def test_a_release_that_waits_on_payment_is_a_fee_letter(body, expected):
    assert kind(body) == expected
