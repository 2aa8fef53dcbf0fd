# ruff: noqa: E501  (passages of letter text, one a line)
"""Reading the form letters agencies send, second round: other offices' templates, filled in.

``fixtures/replies-templates/templates2`` holds the second group (SIGAR's acknowledgment template,
TSA's published clarification paragraph; see SOURCES.md there). The reader read every letter of it
right before any rule changed; the rules below come from the same wording families, tried in
other offices' words: what a clarification letter says, a clarification already given, and a
release that waits on payment. The passages are written for these tests (none is a fixture
letter), each rule with a near miss that must read as before.
"""

from pathlib import Path

import pytest

from foiadesk.core.replies.accuracy import FIELDS, score, table
from foiadesk.core.replies.parse import parse_text

TEMPLATES = Path(__file__).parent / "fixtures" / "replies-templates"

# Every field right on every letter of the second group (5 letters, 2 offices), as first measured.
FLOOR = {"reply_type": 5, "letter_date": 5, "tracking_numbers": 5, "exemptions": 5, "fee_amount": 5}


def test_the_second_group_of_templates_keeps_its_figures():
    scores = score(TEMPLATES, "templates2")
    assert {name: scores[name].right for name in FIELDS} == FLOOR, (
        table(scores) + "\n" + "\n".join(miss for s in scores.values() for miss in s.misses)
    )


HEAD = "Department\nWashington, DC 20240\nMarch 3, 2015\nDear Ms. Lane:\n"


def kind(body: str) -> str:
    return parse_text(HEAD + body).reply_type


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
