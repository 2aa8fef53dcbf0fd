"""Letters as a FOIA officer would read them: render, reopen with python-docx, read the text."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate, Listing

from foiadesk.core.letters import drafting
from foiadesk.core.letters.drafting import (
    DraftingError,
    DraftOptions,
    Requester,
    RequestRef,
    TemplateError,
    render,
)
from foiadesk.core.paths import TEMPLATES
from foiadesk.core.reference.casepack import load_case_pack
from foiadesk.core.reference.directory import load_directory

FIXTURES = Path(__file__).parent / "fixtures" / "drafting"
# The appeal's (E)(vi) certification names the section it covers, and nothing else.
# ICE follows DHS's rule: the certified statement of 6 CFR 5.5(e)(3) beside the statute's
CERTIFICATION = (
    "I certify that the statements in this section on expedited processing are true and correct "
    "to the best of my knowledge and belief (5 U.S.C. 552(a)(6)(E)(vi); 6 CFR 5.5(e)(3))."
)
FIRST_SENTENCE = "Under the Freedom of Information Act, 5 U.S.C. 552"
TAXPAYER = "This request does not seek the return or return information of any identifiable taxpayer"
TRICKY = 'A & B <x> "q" café'
DAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def pack():
    return load_case_pack(FIXTURES / "case_pack.json")


@pytest.fixture(scope="module")
def directory():
    return load_directory()


@pytest.fixture(scope="module")
def ice(directory):
    return directory.component("ICE")


@pytest.fixture(scope="module")
def irs(directory):
    return directory.component("IRS")


@pytest.fixture
def requester():
    return Requester(
        name="Dana Whitfield",
        email="dana@example.org",
        organization="Tax Watch",
        title="Reporter",
        phone="(202) 555-0143",
        address="1200 Example Street NW\nWashington, DC 20005",
        fee_category="news_media",
        fee_category_basis="I report on tax administration for Tax Watch, read by 40,000 people a month.",
    )


REF = RequestRef("2026-ICFO-01234", date(2026, 8, 3), "the IRS-ICE agreement")


def paragraphs(docx: bytes) -> list[str]:
    """The body's paragraphs as a reader sees them (empty ones dropped)."""
    return [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.text.strip()]


def text(docx: bytes) -> str:
    return "\n".join(paragraphs(docx))


def user_template(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(folder / name)
    return folder


# --- the request letter -----------------------------------------------------------------


def test_ice_request_has_every_element(requester, pack, ice):
    options = DraftOptions(
        letter_date=DAY,
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    ctx = drafting.build_request_context(requester, pack, ["mou", "statistics"], ice, options)
    body = text(render("request", ctx))
    paras = paragraphs(render("request", ctx))

    assert "{{" not in body and "{%" not in body
    assert paras[0] == "Dana Whitfield" and "dana@example.org" in body
    # every ask and citation in the first paragraph, right after the salutation
    first = paras[paras.index("Dear FOIA Officer:") + 1]
    assert first.startswith(FIRST_SENTENCE)
    assert "6 CFR part 5, subpart A" in first
    # DHS's own paragraphs, read in 6 CFR 5.11(k) and 5.5(e) (eCFR), print beside the statute
    assert "a waiver of all fees (5 U.S.C. 552(a)(4)(A)(iii); 6 CFR 5.11(k))" in first
    assert "expedited processing (5 U.S.C. 552(a)(6)(E); 6 CFR 5.5(e))" in first
    assert paras[paras.index(first) + 1] == "Records requested"
    # two of the five record groups ICE holds: the subject names them, then the case
    assert (
        "Re: Freedom of Information Act request: The memorandum of understanding and its drafts; "
        "Aggregate statistics on the address requests — the April 2025 IRS–ICE data-sharing "
        "agreement (fee waiver and expedited processing requested)" in paras
    )
    assert "1.\tThe memorandum of understanding and its drafts. The fully executed" in body
    assert "2.\tAggregate statistics on the address requests." in body
    assert "Date range: January 20, 2025 through the date of your search." in body
    assert (
        "Search terms include “memorandum of understanding”, “MOU”, “6103(i)(2)”, “last known address”."
        in body
    )
    assert "Safeguard records" not in body  # not chosen
    # fees: category with its facts, the cap, and DHS's $25 default commitment
    assert "representative of the news media category (5 U.S.C. 552(a)(4)(A)(ii)(II))" in body
    assert "read by 40,000 people a month." in body
    assert (
        "I agree to pay fees of up to $100 without further notice. This is more than the "
        "$25 that the DHS FOIA regulations (6 CFR 5.11(a)) treat as a "
        "requester's commitment when none is stated." in body
    )
    # fee waiver argued factor by factor, each under its paragraph of 6 CFR 5.11(k): (2)(i)
    # subject, (2)(ii) informative and (2)(iii) broad audience, (2)(iv) significance, (3)
    # commercial interest
    assert "Fee waiver" in paras
    assert "1.\tThe subject of the request (6 CFR 5.11(k)(2)(i))." in body
    assert "(6 CFR 5.11(k)(2)(ii)–(iii))." in body and "(6 CFR 5.11(k)(2)(iv))." in body
    assert "4.\tNo commercial interest (6 CFR 5.11(k)(3))." in body
    # expedite: grounds, the copy DHS's rules want, and the certification scoped to the section
    assert "1.\tUrgency to inform the public (5 U.S.C. 552(a)(6)(E)(v)(II); 6 CFR 5.5(e)(1)(ii))." in body
    assert "2.\tWidespread and exceptional media interest (6 CFR 5.5(e)(1)(iv))." in body
    assert "today, as 6 CFR 5.5(e)(2) directs." in body
    assert "(5 U.S.C. 552(a)(6)(E)(vi); 6 CFR 5.5(e)(3))" in body
    assert (
        "I am sending a copy of this letter to the DHS Privacy Office, Senior Director of FOIA Operations"
        in body
    )
    assert body.count("I certify") == 1
    assert "statements in this section on expedited processing are true and correct" in body
    assert paras[paras.index(next(p for p in paras if p.startswith("I certify"))) + 1] == "Processing"
    # protective asks, format, tracking number, liaison and OGIS, signature
    assert "Please preserve every record responsive" in body
    assert "tracking number the receiving office assigns" in body
    assert "552(a)(8)(A)(i)–(ii), 552(b)" in body
    assert "in electronic native format (5 U.S.C. 552(a)(3)(B))" in body
    assert "rolling basis" in body
    assert "tracking number" in body and "5 U.S.C. 552(a)(7)" in body
    assert "FOIA Public Liaison" in body and "(OGIS)" in body
    assert paras[-2:] == ["Dana Whitfield", "Reporter, Tax Watch"]  # a /1 pack: nothing to cite
    assert "November 25, 2026" in paras
    assert "Submitted through the FOIA portal at https://www.dhs.gov/foia" in paras


def test_no_expedite_no_waiver(requester, pack, ice):
    ctx = drafting.build_request_context(
        requester, pack, ["mou"], ice, DraftOptions(letter_date=DAY, fee_cap=25)
    )
    body = text(render("request", ctx))
    assert "I certify" not in body
    assert "expedited" not in body.lower()
    assert "waive" not in body and "fee waiver" not in body
    assert (
        "I agree to pay fees of up to $25 without further notice, the commitment that the "
        "DHS FOIA regulations (6 CFR 5.11(a)) assume when none is stated." in body
    )
    assert TAXPAYER not in body  # an ICE letter about the MOU itself


def test_irs_request_asks_for_statistics_not_de_identified_data_and_is_signed(requester, pack, irs):
    ctx = drafting.build_request_context(
        requester, pack, ["mou"], irs, DraftOptions(letter_date=DAY, fee_cap=50)
    )
    paras = paragraphs(render("request", ctx))
    body = "\n".join(paras)
    assert sum(TAXPAYER in p for p in paras) == 1
    assert "de-identified" not in body
    assert (
        "cannot be associated with, or otherwise identify, directly or indirectly, a particular taxpayer"
        in body
    )
    assert "released with any entries identifying a taxpayer redacted" in body
    assert "Church of Scientology of California v. IRS, 484 U.S. 9 (1987)" in body  # tagged V
    assert "As your rules require, I have signed this request." in body
    assert "______________________________" in paras  # a line to sign on
    assert "$25" not in body  # no DHS default commitment at the IRS
    assert (
        "Internal Revenue Service\nGLDS Support Services\nStop 211\nPO Box 621506\n"
        "Atlanta, GA 30362-3006" in body
    )


def test_user_text_survives_exactly_and_keeps_its_paragraphs(pack, ice):
    requester = Requester(
        name="Zoë O'Brien",
        email="zoe@example.org",
        organization=TRICKY,
        fee_category="educational",
        fee_category_basis="First fact & more.\nSecond <fact>.\n\nThird.",
    )
    tricky_pack = dataclasses.replace(
        pack, categories=(dataclasses.replace(pack.categories[0], title=TRICKY),)
    )
    options = DraftOptions(
        letter_date=DAY, fee_waiver=True, fee_waiver_text='Waiver one.\r\nWaiver "two" & <three>.'
    )
    ctx = drafting.build_request_context(requester, tricky_pack, ["mou"], ice, options)
    paras = paragraphs(render("request", ctx))
    assert TRICKY in paras  # the letterhead's affiliation line
    assert f"1.\t{TRICKY}. The fully executed, unredacted memorandum" in "\n".join(paras)
    assert any(p.endswith("First fact & more. Second <fact>. Third.") for p in paras)
    start = paras.index("Waiver one.")
    assert paras[start + 1] == 'Waiver "two" & <three>.'
    assert not any("The records concern identifiable operations" in p for p in paras)
    assert paras[-2] == "Zoë O'Brien"


def test_control_characters_do_not_break_the_letter(pack, ice):
    requester = Requester(name="Dana\x07 Whitfield\x0c", email="dana@example.org")
    ctx = drafting.build_request_context(requester, pack, ["mou"], ice, DraftOptions(letter_date=DAY))
    assert paragraphs(render("request", ctx))[0] == "Dana Whitfield"


def test_request_context_checks_its_input(requester, pack, ice, irs):
    options = DraftOptions(letter_date=DAY)
    with pytest.raises(DraftingError, match="at least one category"):
        drafting.build_request_context(requester, pack, [], ice, options)
    with pytest.raises(DraftingError, match="no record category 'nope'"):
        drafting.build_request_context(requester, pack, ["mou", "nope"], ice, options)
    ctx = drafting.build_request_context(
        requester, pack, ["mou"], load_directory().component("DOJ-OLC"), options
    )
    # components.json: DOJ-OLC is FoiaDesk's key for the "Office of Legal Counsel"
    assert any("not known to be held by the Office of Legal Counsel" in w for w in ctx["warnings"])
    assert not any("DOJ-OLC" in w for w in ctx["warnings"])
    with pytest.raises(DraftingError, match="ground for expedited processing"):
        drafting.build_request_context(
            requester,
            pack,
            ["mou"],
            irs,
            DraftOptions(letter_date=DAY, expedite=True, expedite_grounds=["media_interest"]),
        )
    with pytest.raises(DraftingError, match="at least one ground"):
        drafting.build_request_context(
            requester, pack, ["mou"], irs, DraftOptions(letter_date=DAY, expedite=True)
        )
    with pytest.raises(DraftingError, match="zero or more dollars"):
        drafting.build_request_context(
            requester, pack, ["mou"], irs, DraftOptions(letter_date=DAY, fee_cap=-5)
        )


def test_statutory_grounds_when_the_directory_lists_none(requester, pack, ice):
    bare = dataclasses.replace(ice, expedite_grounds=())
    ctx = drafting.build_request_context(
        requester,
        pack,
        ["mou"],
        bare,
        DraftOptions(
            letter_date=DAY,
            expedite=True,
            expedite_grounds=["imminent_threat"],
            ground_text={"imminent_threat": "My client faces removal on December 1."},
        ),
    )
    # the statute's ground, with DHS's own paragraph for it (6 CFR 5.5(e)(1)(i))
    assert ctx["expedite_grounds"][0]["cite"] == "5 U.S.C. 552(a)(6)(E)(v)(I); 6 CFR 5.5(e)(1)(i)"
    with pytest.raises(
        DraftingError,
        match="they allow: “Imminent threat to life or physical safety”, “Urgency to inform the public”",
    ):
        drafting.build_request_context(
            requester,
            pack,
            ["mou"],
            bare,
            DraftOptions(letter_date=DAY, expedite=True, expedite_grounds=["due_process"]),
        )


def test_context_is_plain_data(requester, pack, ice):
    ctx = drafting.build_request_context(
        requester, pack, ["mou", "ice-requests"], ice, DraftOptions(letter_date=DAY, fee_waiver=True)
    )
    json.dumps(ctx, default=lambda o: o.xml if isinstance(o, Listing) else {}[o])
    assert ctx["no_taxpayer_records"]  # ice-requests expects Exemption 3 with 6103
    assert isinstance(ctx["warnings"], list) and ctx["sources"] == []  # a /1 pack's facts never print


@pytest.mark.parametrize(
    "name, email", [("", "a@b.org"), ("  ", "a@b.org"), ("Ann", "not-an-email"), ("Ann", "a@b")]
)
def test_requester_is_checked(name, email):
    with pytest.raises(DraftingError):
        Requester(name=name, email=email)


def test_requester_messages():
    with pytest.raises(DraftingError, match="name is empty"):
        Requester(name="", email="a@b.org")
    with pytest.raises(DraftingError, match="'a@b' is not an email address"):
        Requester(name="Ann", email="a@b")


# --- the other letters ---------------------------------------------------------------------


def test_appeal_letter(requester, ice):
    ctx = drafting.build_appeal_context(
        requester,
        ice,
        REF,
        letter_date=DAY,
        determination_date=date(2026, 10, 30),
        withheld=[
            {
                "description": "Drafts of the agreement",
                "exemptions": ["b5"],
                "argument": "212 pages were withheld in full.\nThe final text is public.",
            },
            {
                "category": "ICE's requests",
                "exemptions": [{"code": "b3", "statute": "26 U.S.C. 6103"}, "(b)(7)(C)"],
            },
        ],
        expedite=True,
        expedite_argument="The injunction makes this urgent.",
    )
    paras = paragraphs(render("appeal", ctx))
    body = "\n".join(paras)
    assert "Freedom of Information Act Appeal" in paras
    assert (
        "Re: Request 2026-ICFO-01234, “the IRS-ICE agreement”, submitted August 3, 2026 to ICE; "
        "determination of October 30, 2026" in paras
    )
    # the appeals office did not decide: the letter names the office that did
    assert (
        "I appeal the determination of October 30, 2026 by U.S. Immigration and Customs Enforcement "
        "(ICE). It answered my request" in body
    )
    assert "(tracking number 2026-ICFO-01234)" in body
    assert "1.\tDrafts of the agreement, withheld under Exemption 5." in paras
    assert "2.\tICE's requests, withheld under Exemption 3 with 26 U.S.C. 6103 and Exemption 7(C)." in paras
    assert ["212 pages were withheld in full.", "The final text is public."] == paras[
        paras.index("212 pages were withheld in full.") :
    ][:2]
    for label in (
        "Exemption 5 (5 U.S.C. 552(b)(5)).",
        "Exemption 3 (5 U.S.C. 552(b)(3)) with 26 U.S.C. 6103.",
        "Exemption 7(C) (5 U.S.C. 552(b)(7)(C)).",
    ):
        assert sum(p.startswith(label + " ") for p in paras) == 1, label
    assert "foreseeable" in body or "reasonably foresees" in body
    assert body.count(CERTIFICATION) == 1
    assert "within 20 working days of receiving it, as 5 U.S.C. 552(a)(6)(A)(ii)" in body
    # the review the appeal preserves is the district court's, under 552(a)(4)(B)
    assert "I reserve my right to seek judicial review under 5 U.S.C. 552(a)(4)(B)." in body
    assert "Appeals Officer\nU.S. Immigration and Customs Enforcement\n500 12th Street SW" in body
    # filed through the DHS portal: the request and the decision go with it as attachments
    assert "Attachments: my request of August 3, 2026; the determination of October 30, 2026." in paras
    assert any("unverified" in w for w in ctx["warnings"])


def test_appeal_without_expedite_and_with_address_from_the_letter(requester, ice):
    ctx = drafting.build_appeal_context(
        requester,
        ice,
        REF,
        letter_date=DAY,
        determination_date=date(2026, 10, 30),
        search_argument="The search skipped the Office of the Principal Legal Advisor.",
        appeal_address="ICE FOIA Appeals, 500 12th Street SW, Washington, DC 20536",
    )
    body = text(render("appeal", ctx))
    assert "I certify" not in body
    assert "Adequacy of the search" in body and "Records withheld" not in body
    assert "ICE FOIA Appeals\n500 12th Street SW\nWashington, DC 20536" in body
    with pytest.raises(DraftingError, match="what you appeal"):
        drafting.build_appeal_context(
            requester, ice, REF, letter_date=DAY, determination_date=date(2026, 10, 30)
        )


def test_appeal_to_treasury_keeps_the_office_name_on_one_line(requester, directory):
    """Treasury's FOIA office is "Privacy, Transparency and Records" (83 FR 54059): one
    name with a comma in it, not two lines of an address."""
    ctx = drafting.build_appeal_context(
        requester,
        directory.component("TREAS-DO"),
        REF,
        letter_date=DAY,
        determination_date=date(2026, 10, 30),
        search_argument="The search skipped the Office of the Deputy Secretary.",
    )
    body = text(render("appeal", ctx))
    assert (
        "Appeals Officer\nPrivacy, Transparency and Records\nU.S. Department of the Treasury\n"
        "1500 Pennsylvania Avenue NW\nWashington, DC 20220" in body
    )


def test_privacy_exemptions_are_argued_on_their_statutory_thresholds():
    """(b)(6) reaches only personnel, medical and similar files whose release "would
    constitute a clearly unwarranted invasion of personal privacy"; every part of (b)(7),
    (C) included, only "records or information compiled for law enforcement purposes"."""
    six = drafting.exemption("b6")["argument"]
    assert "similar files" in six and "clearly unwarranted invasion of personal privacy" in six
    for part in ("b7A", "b7B", "b7C", "b7D", "b7E", "b7F"):
        assert "compiled for law enforcement purposes" in drafting.exemption(part)["argument"], part


def test_exemption_codes():
    assert drafting.exemption("(b)(7)(C)")["code"] == "b7C"
    assert drafting.exemption("b7e")["name"] == "Exemption 7(E)"
    assert "aggregate" not in drafting.exemption("b3")["argument"]
    assert (
        "particular taxpayer" in drafting.exemption({"code": "b3", "statute": "26 U.S.C. 6103"})["argument"]
    )
    for bad in ("b10", "b5C", "x"):
        with pytest.raises(DraftingError, match="not a FOIA exemption"):
            drafting.exemption(bad)


def test_status_inquiry(requester, ice):
    ctx = drafting.build_status_inquiry_context(
        requester, ice, REF, letter_date=DAY, received_on=date(2026, 8, 4), due_on=date(2026, 9, 1)
    )
    body = text(render("status_inquiry", ctx))
    assert "Re: Status of Freedom of Information Act request 2026-ICFO-01234" in body
    assert "5 U.S.C. 552(a)(7)(B)" in body and "estimated date" in body
    assert "ran out on September 1, 2026" in body
    early = drafting.build_status_inquiry_context(
        requester, ice, REF, letter_date=DAY, due_on=date(2026, 12, 1)
    )
    assert "ran out" not in text(render("status_inquiry", early))


def test_clarification_and_still_interested(requester, ice):
    ctx = drafting.build_clarification_reply_context(
        requester,
        ice,
        REF,
        letter_date=DAY,
        agency_letter_date=date(2026, 9, 10),
        clarification="By drafts I mean versions exchanged between agencies.\nNot internal ones.",
    )
    paras = paragraphs(render("clarification_reply", ctx))
    i = paras.index("By drafts I mean versions exchanged between agencies.")
    assert paras[i + 1] == "Not internal ones."
    assert "your letter of September 10, 2026" in "\n".join(paras)
    with pytest.raises(DraftingError):
        drafting.build_clarification_reply_context(
            requester, ice, REF, letter_date=DAY, agency_letter_date=DAY, clarification=" "
        )
    ctx = drafting.build_still_interested_context(
        requester,
        ice,
        REF,
        letter_date=DAY,
        agency_letter_date=date(2026, 11, 18),
        reply_by=date(2026, 12, 18),
    )
    body = text(render("still_interested_reply", ctx))
    assert "Yes, I am still interested in all of the records I requested." in body
    assert "a reply by December 18, 2026" in body


def test_fee_response_accept_and_narrow(requester, irs):
    accept = drafting.build_fee_response_context(
        requester,
        irs,
        REF,
        letter_date=DAY,
        agency_letter_date=date(2026, 11, 20),
        fee_estimate="480",
        accept=True,
    )
    body = text(render("fee_response", accept))
    assert "estimated fees of $480" in body and "I agree to pay fees of up to $480" in body
    assert "5 U.S.C. 552(a)(4)(A)(v)" in body  # above $250: advance payment
    narrow = drafting.build_fee_response_context(
        requester,
        irs,
        REF,
        letter_date=DAY,
        agency_letter_date=date(2026, 11, 20),
        fee_estimate=Decimal("480"),
        accept=False,
        narrowing="Drop item 3.\nLimit item 1.",
        fee_cap=150,
        fee_bar=True,
    )
    paras = paragraphs(render("fee_response", narrow))
    assert paras[paras.index("Drop item 3.") + 1] == "Limit item 1."
    assert "I agree to pay fees of up to $150" in "\n".join(paras)
    assert "nor duplication fees to a requester in my fee category" in "\n".join(paras)
    # drafted without the log: the rule is stated with its exceptions (552(a)(4)(A)(viii)(II))
    assert "unless it gave timely written notice of unusual circumstances" in "\n".join(paras)
    assert "more than 5,000 pages" in "\n".join(paras) and "exceptional circumstances" in "\n".join(paras)
    assert "Please remove those fees from the estimate, or tell me on what ground" in "\n".join(paras)
    assert "itemized estimate" in "\n".join(paras)
    with pytest.raises(DraftingError, match="narrow"):
        drafting.build_fee_response_context(
            requester, irs, REF, letter_date=DAY, agency_letter_date=DAY, fee_estimate=10, accept=False
        )


# --- templates: overrides, errors, the sandbox -----------------------------------------------


def test_user_template_overrides_the_shipped_one(tmp_path, requester, pack, ice):
    folder = user_template(
        tmp_path / "mine", "request.docx", "My own letter for {{ requester.name }} about {{ case.name }}."
    )
    ctx = drafting.build_request_context(requester, pack, ["mou"], ice, DraftOptions(letter_date=DAY))
    assert paragraphs(render("request", ctx, user_templates_dir=folder)) == [
        "My own letter for Dana Whitfield about the April 2025 IRS–ICE data-sharing agreement."
    ]
    assert drafting.template_path("appeal", folder) == TEMPLATES / "appeal.docx"


def test_broken_template_names_file_and_line(tmp_path):
    folder = user_template(tmp_path, "appeal.docx", "Dear officer,", "{% for a in b %}x{% endfro %}")
    with pytest.raises(TemplateError) as err:
        render("appeal", {"b": []}, user_templates_dir=folder)
    assert str(err.value) == (
        "appeal.docx: line 2 (“{% for a in b %}x{% endfro %}”): Encountered unknown tag "
        "'endfro'. Jinja was looking for the following tags: 'endfor' or 'else'. The "
        "innermost block that needs to be closed is 'for'. This is your own template, in "
        f"{folder}: correct it there, or take it out of that folder and the shipped appeal.docx is used."
    )


def test_unknown_variable_is_named(tmp_path):
    folder = user_template(tmp_path, "appeal.docx", "Request {{ trackng_number }}")
    with pytest.raises(TemplateError) as err:
        render("appeal", {"tracking_number": "X"}, user_templates_dir=folder)
    assert str(err.value) == (
        f"appeal.docx: unknown variable 'trackng_number'. This is your own template, in {folder}: "
        "correct it there, or take it out of that folder and the shipped appeal.docx is used."
    )


def test_sandbox_refuses_python_internals(tmp_path):
    folder = user_template(tmp_path, "request.docx", "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError) as err:
        render("request", {}, user_templates_dir=folder)
    assert str(err.value).startswith("request.docx: refused: the template tries to reach Python internals")


def test_runaway_user_template_is_stopped(tmp_path):
    folder = user_template(
        tmp_path,
        "request.docx",
        "{% for a in range(99999) %}{% for b in range(99999) %}{{ b }}{% endfor %}{% endfor %}",
    )
    with pytest.raises(TemplateError, match="took longer than 1 second and was stopped"):
        render("request", {}, user_templates_dir=folder, timeout=1)


def test_corrupt_or_missing_template(tmp_path):
    (tmp_path / "request.docx").write_bytes(b"not a zip file")
    with pytest.raises(TemplateError, match=r"^request\.docx: not a Word document"):
        render("request", {}, user_templates_dir=tmp_path)
    with pytest.raises(TemplateError, match="template not found"):
        render("no_such_letter", {})
    with pytest.raises(TemplateError, match="not a template name"):
        render("../request", {})


def test_rendering_writes_nothing(tmp_path, requester, pack, ice):
    before = {p: p.stat().st_mtime_ns for p in TEMPLATES.iterdir()}
    ctx = drafting.build_request_context(requester, pack, ["mou"], ice, DraftOptions(letter_date=DAY))
    render("request", ctx, user_templates_dir=tmp_path)
    assert {p: p.stat().st_mtime_ns for p in TEMPLATES.iterdir()} == before
    assert list(tmp_path.iterdir()) == []


def test_suggested_filename():
    assert drafting.suggested_filename("FOIA-request", "ICE", DAY) == "2026-11-25_ICE_FOIA-request.docx"
    assert (
        drafting.suggested_filename("FOIA-appeal", "Office of Legal Counsel", DAY, "FY27-318")
        == "2026-11-25_Office-of-Legal-Counsel_FOIA-appeal_FY27-318.docx"
    )
    name = drafting.suggested_filename("appeal", 'A/B:C*?"<>|', DAY, "../../etc")
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.docx", name) and ".." not in name
    assert drafting.suggested_filename("appeal", None, DAY) == "2026-11-25_agency_appeal.docx"


# --- the shipped templates ------------------------------------------------------------------


def test_shipped_templates_are_built_from_the_script(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_templates", Path(__file__).resolve().parents[1] / "scripts" / "build_templates.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.main(tmp_path)
    for name in build.TEMPLATES:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), (
            f"templates/{name} is stale: run scripts/build_templates.py"
        )


def test_readme_documents_every_variable():
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    for name in drafting.TEMPLATE_NAMES:
        used = DocxTemplate(TEMPLATES / f"{name}.docx").get_undeclared_template_variables(
            jinja_env=drafting._environment()
        )
        missing = [v for v in used if f"`{v}" not in readme]
        assert not missing, f"{name}.docx uses {missing}, not in templates/README.md"


def test_addresses_become_letter_lines(requester, irs, directory):
    from foiadesk.core.letters.content import address_lines

    assert address_lines(
        "Office of Legal Counsel, Room 5511, 950 Pennsylvania Avenue, NW, Washington, DC 20530-0001"
    ) == ["Office of Legal Counsel", "950 Pennsylvania Avenue, NW, Room 5511", "Washington, DC 20530-0001"]
    assert address_lines("Jane Roe\nSuite 5\n\n1 Main St, Arlington, VA 22201") == [
        "Jane Roe",
        "Suite 5",
        "1 Main St, Arlington, VA 22201",
    ]
    # the IRS appeal address names its own office: no component name above it
    ctx = drafting.build_appeal_context(
        requester,
        irs,
        REF,
        letter_date=DAY,
        determination_date=date(2026, 10, 30),
        other_argument="The fee waiver was wrongly denied.",
    )
    assert str(ctx["addressee"]).split("\n")[:2] == ["Appeals Officer", "IRS Independent Office of Appeals"]
    # DOJ components' appeals go to OIP (the department's rule: usmarshals.gov's appeal instructions)
    for abbr in ("DOJ-OLC", "EOUSA", "DOJ-CIV", "DOJ-OIP"):
        ctx = drafting.build_appeal_context(
            requester,
            directory.component(abbr),
            REF,
            letter_date=DAY,
            determination_date=date(2026, 10, 30),
            other_argument="x",
        )
        assert str(ctx["addressee"]).split("\n") == [
            "Appeals Officer",
            "Office of Information Policy",
            "U.S. Department of Justice",
            "441 G Street N.W., 6th Floor",  # as OIP prints its own address: the floor on the street's line
            "Washington, D.C. 20530-0001",
        ], abbr
        assert not any("unverified" in w for w in ctx["warnings"]), abbr
    # an address line the office's name already says is not printed twice
    ctx = drafting.build_status_inquiry_context(
        requester, directory.component("TREAS-DO"), REF, letter_date=DAY
    )
    assert str(ctx["addressee"]).split("\n")[:4] == [
        "FOIA Officer",
        "Department of the Treasury, Departmental Offices",
        "FOIA/Transparency office",
        "1500 Pennsylvania Avenue NW",
    ]
    # every curated component has an appeal address on file (TIGTA: its Disclosure Branch)
    for comp in directory.curated():
        ctx = drafting.build_appeal_context(
            requester, comp, REF, letter_date=DAY, determination_date=date(2026, 10, 30), other_argument="x"
        )
        assert not any("No appeal address" in w for w in ctx["warnings"]), comp.abbr
        assert any(ch.isdigit() for ch in str(ctx["addressee"]).split("\n")[-1]), comp.abbr
    tigta = directory.component("TIGTA")
    ctx = drafting.build_appeal_context(
        requester, tigta, REF, letter_date=DAY, determination_date=date(2026, 10, 30), other_argument="x"
    )
    assert "Disclosure Branch\nTreasury Inspector General for Tax Administration" in str(ctx["addressee"])
    assert "1401 H Street NW, Suite 469\nWashington, DC 20005" in str(ctx["addressee"])
    # without any address the agency's name goes in, and the user is told
    from dataclasses import replace

    bare = replace(tigta, appeal_address=None, appeal_channels=())
    ctx = drafting.build_appeal_context(
        requester, bare, REF, letter_date=DAY, determination_date=date(2026, 10, 30), other_argument="x"
    )
    assert str(ctx["addressee"]) == (
        "Appeals Officer\nTreasury Inspector General for Tax Administration\nDepartment of the Treasury"
    )
    assert any("No appeal address" in w for w in ctx["warnings"])


def test_a_zero_cap_asks_before_any_fee(requester, pack, ice):
    ctx = drafting.build_request_context(
        requester, pack, ["mou"], ice, DraftOptions(letter_date=DAY, fee_cap=0)
    )
    body = text(render("request", ctx))
    assert "I agree to pay" not in body
    assert (
        "Please tell me before incurring any fees, so that I can narrow the request; I do "
        "not accept the $25 commitment that the DHS FOIA regulations (6 CFR 5.11(a)) "
        "otherwise assume." in body
    )


def test_a_letter_to_the_irs_names_its_portal_not_the_page_that_links_to_it(requester, pack, irs):
    # the IRS's guidelines page links to its FOIA Public Access Portal; the page is no portal
    ctx = drafting.build_request_context(requester, pack, ["mou"], irs, DraftOptions(letter_date=DAY))
    paras = [p for p in text(render("request", ctx)).split("\n") if p]
    assert "Submitted through the IRS FOIA Public Access Portal" in paras
    assert not any("foia-guidelines" in p for p in paras)
