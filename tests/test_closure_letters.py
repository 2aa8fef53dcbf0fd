"""The letters that answer an agency's administrative closure, as a FOIA litigator reviews them
and the officer who receives them reads them: the appeal names the office that closed the
request, the date, the reason it gave and the requester's answer as the log records it (the
still-interested reply sent on time, with its date); where the log shows the requester simply
missed a reply-by date, a short letter asks the FOIA office to reopen the request. Expected
wording is what a practitioner writes, worked out from the log's dates by hand."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from requesters import NEWS_REPORTER

from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.letters.content import DraftingError
from foiadesk.core.letters.followups import Inputs, draft_followup
from foiadesk.core.letters.next_steps import next_steps
from foiadesk.core.letters.pdf import docx_to_pdf, soffice
from foiadesk.core.letters.profiles import load_profile
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log

DAY = date(2026, 12, 7)
D = date.fromisoformat
OIP_ITEM_8 = (
    "The Department of Justice's guidance to agencies asks that a request be reopened, and placed back "
    "into the processing queue where it would have been, when the requester answers within a reasonable "
    "time after the deadline (Department of Justice, Office of Information Policy, Implementation "
    "Checklist for OIP Guidance on “Still-Interested” Inquiries, item 8)."
)


def closed_request(db, abbr: str, *events) -> int:
    """Filed and received Tue 2026-09-01 (20 working days: due Wed 2026-09-30), tracking
    2026-ICFO-41872, then ``events`` as (type, date, fields)."""
    comp = load_directory().component(abbr)
    rid = log.add_directory_request(db, comp, title="Legal analyses of address disclosures").new_id
    log.record_event(db, rid, log.NewEvent("filed", D("2026-09-01"), channel="portal"), today=DAY)
    log.record_event(
        db,
        rid,
        log.NewEvent(
            "acknowledged",
            D("2026-09-01"),
            agency_received_on=D("2026-09-01"),
            tracking_number="2026-ICFO-41872",
        ),
        today=DAY,
    )
    for type_, on, fields in events:
        log.record_event(db, rid, log.NewEvent(type_, D(on), **fields), today=DAY)
    return rid


def drafted(db, rid, kind, **inputs):
    letter = draft_followup(db, rid, kind, Inputs(**inputs), letter_date=DAY, requester=NEWS_REPORTER)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    return text, letter


ASKED = ("still_interested", "2026-10-01", {"named_date": D("2026-11-13")})
CLOSED = ("admin_closed", "2026-11-16", {"outcome": "no_still_interested_reply"})


def test_an_appeal_of_a_closure_after_a_timely_still_interested_reply_says_when_it_was_sent(db):
    rid = closed_request(
        db,
        "ICE",
        ASKED,
        (
            "still_interested_answered",
            "2026-11-10",
            {"agency_received_on": D("2026-11-10"), "channel": "portal"},
        ),
        CLOSED,
    )
    text, letter = drafted(db, rid, "appeal")
    assert (
        "I appeal the administrative closure of my request by U.S. Immigration and Customs Enforcement "
        "(ICE), dated November 16, 2026, which it based on my not answering its letter of October 1, 2026 "
        "asking whether I was still interested in the records." in text
    )
    assert (
        "I had answered ICE's letter of October 1, 2026 asking whether I was still interested in the "
        "records: my reply saying that I remained interested in all of the records is dated November 10, "
        "2026, before the date the letter named, November 13, 2026, and ICE received it on November 10, "
        "2026. The closure rests on a mistake of fact; my answer is enclosed." in text
    )
    # Oct 1 to Nov 13: Oct 2, 5-9, 13-16 (Columbus Day), 19-23, 26-30, Nov 2-6, 9, 10, 12, 13
    # (Veterans Day) = 29 working days, one short of OIP's 30
    assert "gave me only 29 working days to answer" in text and "item 5" in text
    assert (
        "The Act requires ICE to determine whether to comply with my request and to notify me of that "
        "determination (5 U.S.C. 552(a)(6)(A)(i))." in text
    )
    assert (
        "to reopen my request, return it to its place in the processing queue and process it to a "
        "determination. My request and the letter of November 16, 2026 closing it are attached." in text
    )
    # due Sep 30, closed Nov 16, no unusual-circumstances notice: the fee bar, said of ICE
    assert "ICE made no determination by September 30, 2026, when the time limit for one ran out" in text
    assert "Because ICE gave no timely written notice of unusual circumstances" in text
    assert text.endswith(
        "Attachments: my request of September 1, 2026; the letter of November 16, 2026 closing my "
        "request; my answer of November 10, 2026."
    )
    assert "\nThe closure\n" in text and "Segregability" not in text
    for leaked in ("no_still_interested_reply", "administrative closure)", "admin_", "Closed by agency"):
        assert leaked not in text, leaked
    assert any("Enclose your answer of November 10, 2026" in w for w in letter.warnings)


def test_an_appeal_after_a_missed_reply_by_date_asks_for_the_place_in_the_queue_and_points_to_reopening(db):
    rid = closed_request(db, "DOJ-OLC", ASKED, CLOSED)
    text, letter = drafted(db, rid, "appeal")
    assert "Appeals Officer\nOffice of Information Policy" in text  # DOJ's appeals go to OIP
    assert "by the Office of Legal Counsel, dated November 16, 2026" in text
    assert "I am still interested in all of the records I requested, and this appeal says so." in text
    assert OIP_ITEM_8 in text
    assert "The Office of Legal Counsel's letter of October 1, 2026 gave me only 29 working days" in text
    assert "mistake of fact" not in text
    assert any("request to reopen" in w and "A new request may be simpler" in w for w in letter.warnings)


def test_a_request_to_reopen_after_a_missed_still_interested_date(db):
    """DOJ-OLC: 90 calendar days (28 CFR 16.8(a)) from Mon 2026-11-16 is Sun 2027-02-14."""
    rid = closed_request(db, "DOJ-OLC", ASKED, CLOSED)
    text, letter = drafted(db, rid, "reopen")
    assert text.count("FOIA Officer\nOffice of Legal Counsel") == 1  # to the office that closed it
    assert (
        "Re: Freedom of Information Act request 2026-ICFO-41872, “Legal analyses of address "
        "disclosures”: request to reopen" in text
    )
    assert (
        "Your letter of November 16, 2026 told me that your office had closed my Freedom of Information "
        "Act request (5 U.S.C. 552) of September 1, 2026, tracking number 2026-ICFO-41872." in text
    )
    assert (
        "I did not answer by November 13, 2026, the date named in your letter of October 1, 2026 asking "
        "whether I was still interested in the records." in text
    )
    assert "I am still interested in all of the records I requested." in text
    assert OIP_ITEM_8 in text
    # 10 working days after Mon Dec 7 for the agency's answer: Dec 8-11 (4), 14-18 (9), Mon Dec 21
    assert "by December 21, 2026 tell me the date you reopened it" in text
    assert "This letter does not give up my right to appeal the closure." in text
    assert letter.filename == "2026-12-07_Office-of-Legal-Counsel_FOIA-request-to-reopen_2026-ICFO-41872.docx"
    assert any("appeal window, which runs to February 14, 2027" in w for w in letter.warnings)
    assert any(w.startswith("A new request may be simpler") for w in letter.warnings)


def test_a_request_to_reopen_after_an_unanswered_clarification_gives_the_answer_and_ends_the_toll(db):
    rid = closed_request(
        db,
        "DOJ-OLC",
        ("info_requested", "2026-10-05", {"named_date": D("2026-11-04")}),
        ("admin_closed", "2026-11-20", {"outcome": "clarification_unanswered"}),
    )
    with pytest.raises(DraftingError, match="Write the information the agency asked for"):
        drafted(db, rid, "reopen")
    text, _ = drafted(db, rid, "reopen", answer="The request covers January 2025 to June 2026.")
    assert (
        "The information you asked for is as follows. The request covers January 2025 to June 2026." in text
    )
    assert (
        "Under 5 U.S.C. 552(a)(6)(A)(ii)(I), any tolling of the time limit for this request ends when you "
        "receive this letter." in text
    )


def test_no_request_to_reopen_where_the_log_shows_no_missed_date(db):
    rid = closed_request(db, "DOJ-OLC", ("admin_closed", "2026-11-16", {"outcome": "duplicate"}))
    with pytest.raises(DraftingError, match="no reply-by date you missed"):
        drafted(db, rid, "reopen")
    text, _ = drafted(db, rid, "appeal")
    assert "which it based on the view that my request duplicated another" in text
    assert "Please identify, by its tracking number, the request that mine is said to duplicate" in text


def test_a_reopened_request_has_no_closure_left_to_appeal(db):
    rid = closed_request(db, "DOJ-OLC", ASKED, CLOSED, ("reopened", "2026-11-30", {}))
    with pytest.raises(DraftingError, match="no closure by the agency"):
        drafted(db, rid, "reopen")
    # what is left to appeal is the delay: due September 30, still undecided on December 7
    text, _ = drafted(db, rid, "appeal")
    assert "administrative closure" not in text and "The closure" not in text
    assert (
        "I appeal the failure of the Office of Legal Counsel to make a determination by September 30, 2026."
        in text
    )


def test_the_closure_window_offers_the_appeal_and_the_request_to_reopen():
    window = Clock(
        "appeal_window:admin_closure",
        "Appeal the administrative closure by",
        "requester",
        "",
        "",
        D("2027-02-14"),
    )
    assert next_steps(window, DAY) == ["appeal", "reopen", "ogis"]


def test_a_closure_for_fees_not_agreed_is_answered_with_the_fees_the_requester_agrees_to(db):
    rid = closed_request(
        db,
        "DOJ-OLC",
        ("fee_estimate", "2026-10-05", {"named_date": D("2026-11-04"), "amount_cents": 34000}),
        ("admin_closed", "2026-11-20", {"outcome": "fee_unanswered"}),
    )
    text, letter = drafted(db, rid, "appeal")
    assert "which it based on my not answering its fee estimate of October 5, 2026" in text
    assert any("--fee-cap" in w for w in letter.warnings)
    text, _ = drafted(db, rid, "appeal", fee_cap=Decimal("340"))
    assert "I agree to pay fees of up to $340 for this request." in text
    with pytest.raises(DraftingError, match="fees you agree to pay"):
        drafted(db, rid, "reopen")
    text, _ = drafted(db, rid, "reopen", fee_cap=Decimal("340"))
    assert (
        "I did not answer by November 4, 2026, the date named in your fee estimate of October 5, 2026."
        in text
    )
    assert "I agree to pay fees of up to $340 for this request." in text
    # the estimate of October 5 came after the 20 working days ran out (September 30): it held no
    # clock, so there is no toll to end, and the letter asserts the fee bar instead
    assert "tolling" not in text and "552(a)(4)(A)(viii)" in text


def test_ogis_is_asked_about_the_closure_and_for_the_reopening(db):
    rid = closed_request(db, "DOJ-OLC", ASKED, CLOSED)
    text, _ = drafted(db, rid, "ogis")
    assert (
        "The dispute is about the administrative closure of my request on November 16, 2026, which made "
        "no determination on the records." in text
    )
    assert (
        "The reopening of my request in its place in the processing queue, and a determination on it" in text
    )
    assert "Office of Legal Counsel closed the request without deciding it." in text  # the chronology


# --- advance payment: 5 U.S.C. 552(a)(4)(A)(v) ---------------------------------------------------
# "No agency may require advance payment of any fee unless the requester has previously failed to
# pay fees in a timely fashion, or the agency has determined that the fee will exceed $250."
# An estimate that puts the request on hold on September 15, before its 20 working days ran out
# (September 30), holds the clock (552(a)(6)(A)(ii)(II)): no time limit is missed, no fee bar.
ADVANCE = "(5 U.S.C. 552(a)(4)(A)(v))"


def fee_closure(db, cents: int, on: str = "2026-09-15", hold: str | None = "on_hold") -> int:
    estimate = {"named_date": D("2026-10-15"), "amount_cents": cents, "outcome": hold}
    return closed_request(
        db,
        "DOJ-OLC",
        ("fee_estimate", on, estimate),
        ("admin_closed", "2026-10-20", {"outcome": "fee_unanswered"}),
    )


def test_a_closure_for_an_unpaid_fee_above_250_dollars_offers_the_advance_payment_the_act_allows(db):
    rid = fee_closure(db, 34000)
    appeal, _ = drafted(db, rid, "appeal", fee_cap=Decimal("340"))
    assert (
        "I agree to pay fees of up to $340 for this request. As the fee estimate of $340 is above $250, "
        f"the Office of Legal Counsel may require payment in advance {ADVANCE}; I will pay it in advance "
        "when told how." in appeal
    )
    reopen, _ = drafted(db, rid, "reopen", fee_cap=Decimal("340"))
    assert (
        f"As your fee estimate of $340 is above $250, you may require payment in advance {ADVANCE}; "
        "please tell me how to pay, and I will pay it in advance." in reopen
    )
    for text in (appeal, reopen):
        assert "552(a)(4)(A)(viii)" not in text  # the estimate held the clock: no limit was missed
    assert "Under 5 U.S.C. 552(a)(6)(A)(ii)(II), any tolling of the time limit" in reopen  # it ends now


def test_an_offer_to_pay_less_than_an_estimate_above_250_dollars_is_not_an_advance_payment(db):
    rid = fee_closure(db, 34000)
    for kind in ("appeal", "reopen"):
        text, letter = drafted(db, rid, kind, fee_cap=Decimal("300"))
        assert "I agree to pay fees of up to $300 for this request." in text
        assert "advance" not in text, kind
        assert any("$340" in w and ADVANCE in w for w in letter.warnings), kind


def test_at_or_below_250_dollars_the_letter_concedes_no_advance_payment_and_the_user_is_told(db):
    rid = fee_closure(db, 25000)  # $250 does not "exceed $250"
    for kind in ("appeal", "reopen"):
        text, letter = drafted(db, rid, kind, fee_cap=Decimal("250"))
        assert "I agree to pay fees of up to $250 for this request." in text
        assert "advance" not in text and "552(a)(4)(A)(v)" not in text, kind
        # only a requester who failed to pay on time before may be asked for it: the log can't say
        assert any("552(a)(4)(A)(v)" in w and "failed to pay" in w for w in letter.warnings), kind


def test_with_every_fee_barred_no_advance_payment_is_due_and_none_is_offered(db):
    # The estimate came on October 5, after the 20 working days ran out on September 30, with no
    # notice of unusual circumstances: (viii) bars a news-media requester's duplication fees, the
    # only fees that category pays (552(a)(4)(A)(ii)(II)), so nothing is left to pay in advance.
    rid = fee_closure(db, 34000, on="2026-10-05", hold=None)
    appeal, _ = drafted(db, rid, "appeal", fee_cap=Decimal("340"))
    reopen, _ = drafted(db, rid, "reopen", fee_cap=Decimal("340"))
    assert (
        f"With those fees barred, no fee is left that the Office of Legal Counsel could require me to pay "
        f"in advance {ADVANCE}, and not paying the fee estimate of $340 is no ground for closing the "
        "request." in appeal
    )
    assert "no fee is left that you could require me to pay in advance" in reopen
    for text in (appeal, reopen):
        assert "may require payment in advance" not in text and "I will pay it in advance" not in text
        assert (
            "Apart from any fees that 5 U.S.C. 552(a)(4)(A)(viii) bars, I agree to pay fees of up to $340"
            in text
        )


def test_a_paid_estimate_leaves_nothing_to_say_of_advance_payment(db):
    rid = closed_request(
        db,
        "DOJ-OLC",
        (
            "fee_estimate",
            "2026-09-15",
            {"named_date": D("2026-10-15"), "amount_cents": 34000, "outcome": "on_hold"},
        ),
        ("payment", "2026-10-10", {"amount_cents": 34000}),
        ("admin_closed", "2026-10-20", {"outcome": "fee_unanswered"}),
    )
    text, letter = drafted(db, rid, "appeal")
    assert "my payment of the fees is dated October 10, 2026" in text
    assert "552(a)(4)(A)(v)" not in text and not any("552(a)(4)(A)(v)" in w for w in letter.warnings)


# --- a request to reopen is a short letter: one page --------------------------------------------


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("events", "fee_cap"),
    [
        ((ASKED, CLOSED), None),  # with OIP's checklist, item 8
        (  # late estimate: the fee bar, no fee left to pay in advance, the fees agreed to
            (
                ("fee_estimate", "2026-10-05", {"named_date": D("2026-11-04"), "amount_cents": 34000}),
                ("admin_closed", "2026-11-20", {"outcome": "fee_unanswered"}),
            ),
            Decimal("340"),
        ),
    ],
)
def test_a_request_to_reopen_fits_one_page(db, events, fee_cap):
    # the IRS (a six-line address and a line to sign on) and the shipped example profile
    rid = closed_request(db, "IRS", *events)
    profile = load_profile(Path(__file__).parents[1] / "resources" / "profiles" / "example.toml")
    letter = draft_followup(db, rid, "reopen", Inputs(fee_cap=fee_cap), letter_date=DAY, requester=profile)
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.docx)).paragraphs if p.text.strip())
    assert "2026-ICFO-41872" in text and "552(a)(7)(B)" in text and "December 21, 2026" in text
    assert "does not give up my right to appeal the closure" in text
    assert ("item 8" in text) if fee_cap is None else ("552(a)(4)(A)(viii)" in text and "$340" in text)
    assert pages(letter.docx) == 1


def pages(docx: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", docx_to_pdf(docx)))


def test_a_request_to_reopen_after_the_appeal_window_closed_does_not_say_to_appeal_by_then(db):
    # DOJ: 90 calendar days (28 CFR 16.8(a)) from Monday, November 16, 2026: 14 days to November 30,
    # 45 to December 31, 76 to January 31, 90 on Sunday, February 14, 2027. Written on February 16.
    rid = closed_request(db, "DOJ-OLC", ASKED, CLOSED)
    letter = draft_followup(db, rid, "reopen", letter_date=D("2027-02-16"), requester=NEWS_REPORTER)
    said = " ".join(letter.warnings)
    assert "appeal by then" not in said and "which runs to" not in said
    assert "The window to appeal the closure ended on February 14, 2027" in said
