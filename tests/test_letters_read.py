"""Every shipped letter as the FOIA officer who receives it reads it: opened from the .docx,
not from the context. The expectations come from the issue and the statute, not from the
code: no internal text, the request on page 1, only the addressee's own offices, sources of
acceptable kinds, nothing dated after the letter, a certification that covers only what the
requester can certify, the protective asks, and the page counts."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from foiadesk.core.letters.compose import draft_requests
from foiadesk.core.letters.drafting import (
    DraftingError,
    DraftOptions,
    Requester,
    RequestRef,
    build_appeal_context,
    build_clarification_reply_context,
    build_fee_response_context,
    build_status_inquiry_context,
    build_still_interested_context,
    render,
)
from foiadesk.core.letters.pdf import docx_to_pdf, soffice
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.directory import load_directory

COMPONENTS = ("ICE", "IRS", "TIGTA", "DHS-PRIV", "TREAS-DO")
LATE = date(2026, 7, 15)  # after every shipped fact
EARLY = date(2025, 9, 1)  # before most of them
MONTHS = "January February March April May June July August September October November December".split()
DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b")

# What must never reach an agency: research remarks, tags, file names, template code.
INTERNAL = [
    "domain.md",
    ".json",
    ".docx",
    "(tag ",
    "tag V",
    "tag P",
    "tag U",
    "[V]",
    "[P]",
    "[U]",
    "as of June 30",
    "not confirmed",
    "is not known",
    "This pack",
    "case pack",
    "verify",
    "unverified",
    "check it",
    "research",
    "{{",
    "{%",
    "de-identified",
    "primary source not yet",
]
# Original outlets and official hosts a letter may cite (the test's own list).
OUTLETS = (
    "apnews.com",
    "fedscoop.com",
    "tax.thomsonreuters.com",
    "foxnews.com",
    "mediaite.com",
    "masslawyersweekly.com",
    "news.bgov.com",
    "americanoversight.org",
)
# Offices that belong to the other side of the agreement, per addressee.
FOREIGN = {
    "DHS": re.compile(r"\bIRS\b|Treasury|Internal Revenue|Chief Counsel|Safeguards\b|Justice|\bSSA\b"),
    "Treasury": re.compile(
        r"\bICE\b|\bDHS\b|Homeland|Enforcement and Removal|Principal Legal Advisor|Justice|\bSSA\b"
    ),
}


@pytest.fixture(scope="module")
def directory():
    return load_directory()


@pytest.fixture(scope="module")
def neighbour():
    """An 'other' requester who shares with neighbours: not primarily a disseminator."""
    return Requester(
        name="Pat Lee",
        email="pat@example.org",
        address="4 Oak Row\nDayton, OH 45402",
        fee_category="other",
        dissemination="I may share what I learn with my neighbours.",
    )


@pytest.fixture(scope="module")
def letters(reporter, pack, directory):
    """The full set for every component, drafted once for the module."""
    return full_set(reporter, pack, directory)


def read(docx: bytes) -> list[str]:
    """The body's paragraphs, in order, as the recipient reads them (page breaks kept as
    a marker, so a test can tell what comes before the first one)."""
    doc = Document(io.BytesIO(docx))
    out = []
    for para in doc.paragraphs:
        if para.text.strip():
            out.append(para.text)
    return out


def full_set(reporter, pack, directory, day=LATE, abbrs=COMPONENTS, **extra):
    options = DraftOptions(
        letter_date=day,
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest", "due_process"],
        **extra,
    )
    comps = [directory.component(a) for a in abbrs]
    return draft_requests(reporter, pack, [c.id for c in pack.categories], comps, options)


def follow_ups(reporter, comp, day=LATE):
    ref = RequestRef("2026-FOIA-00042", date(2026, 3, 2), "the April 2025 IRS-ICE agreement")
    contexts = {
        "status_inquiry": build_status_inquiry_context(
            reporter, comp, ref, letter_date=day, received_on=date(2026, 3, 3), due_on=date(2026, 3, 31)
        ),
        "clarification_reply": build_clarification_reply_context(
            reporter,
            comp,
            ref,
            letter_date=day,
            agency_letter_date=date(2026, 4, 1),
            clarification="I seek the signed agreement and its drafts only.",
        ),
        "still_interested_reply": build_still_interested_context(
            reporter, comp, ref, letter_date=day, agency_letter_date=date(2026, 5, 1)
        ),
        "fee_response": build_fee_response_context(
            reporter,
            comp,
            ref,
            letter_date=day,
            agency_letter_date=date(2026, 4, 1),
            fee_estimate="300",
            accept=False,
            narrowing="Items 1 and 3 only.",
        ),
        "appeal": build_appeal_context(
            reporter,
            comp,
            ref,
            letter_date=day,
            determination_date=date(2026, 6, 1),
            withheld=[{"description": "Drafts of the agreement", "exemptions": ["b5"]}],
            appeal_address="FOIA Appeals, 1 Example Plaza, Washington, DC 20001",
        ),
    }
    return {kind: render(kind, ctx) for kind, ctx in contexts.items()}


def dates_in(paras: list[str]) -> list[date]:
    found = []
    for text in paras:
        for month, day, year in DATE.findall(text):
            found.append(date(int(year), MONTHS.index(month) + 1, int(day)))
    return found


def section(paras: list[str], start: str, end: str) -> list[str]:
    i = paras.index(start)
    j = paras.index(end, i + 1) if end in paras[i + 1 :] else len(paras)
    return paras[i + 1 : j]


# --- the request letters -----------------------------------------------------------------


def test_no_internal_text_in_any_letter(reporter, pack, directory, letters):
    letters = [(d.filename, d.docx) for d in letters]
    letters += [(d.filename, d.docx) for d in full_set(reporter, pack, directory, appendix=True)]
    for abbr in COMPONENTS:
        letters += [(f"{abbr} {k}", v) for k, v in follow_ups(reporter, directory.component(abbr)).items()]
    assert len(letters) == 2 * len(COMPONENTS) + 5 * len(COMPONENTS)
    for name, docx in letters:
        body = "\n".join(read(docx))
        for bad in INTERNAL:
            assert bad.lower() not in body.lower(), (name, bad)


def test_the_request_comes_first(directory, letters):
    for draft in letters:
        paras = read(draft.docx)
        first = paras[paras.index("Dear FOIA Officer:") + 1]
        assert first.startswith("Under the Freedom of Information Act, 5 U.S.C. 552"), draft.filename
        assert "waiver of all fees (5 U.S.C. 552(a)(4)(A)(iii)" in first
        assert "expedited processing (5 U.S.C. 552(a)(6)(E)" in first
        words_before = len(" ".join(paras[: paras.index("Records requested")]).split())
        assert words_before < 250, (draft.filename, words_before)  # well inside page 1
        item_one = next(p for p in paras if p.startswith("1.\t"))
        assert paras.index(item_one) == paras.index("Records requested") + 1


def test_each_letter_names_only_its_own_offices(directory, letters):
    for draft in letters:
        family = draft.component.parent
        offices = [p for p in read(draft.docx) if p.startswith("Offices and custodians to search:")]
        assert offices, draft.filename
        for line in offices:
            names = line.split("Date range:")[0]
            assert not FOREIGN[family].search(names), (draft.filename, names)
    ice = next(d for d in letters if d.component.abbr == "ICE")
    body = "\n".join(read(ice.docx))
    assert "@irs.gov or @treasury.gov" in body  # the other agency is a counterparty


def test_sources_are_primary_and_listed_once(directory, letters):
    for draft in letters:
        paras = read(draft.docx)
        listed = section(paras, "Sources", "\0")
        assert listed, draft.filename
        assert len(listed) == len(set(listed))
        for line in listed:
            urls = re.findall(r"https?://([^/\s]+)", line)
            for host in urls:
                host = host.removeprefix("www.")
                assert host.endswith(".gov") or host in OUTLETS, (draft.filename, host)
            if not urls:  # a court docket, an agency report or a statute
                assert re.search(r"No\. \d|U\.S\.C\.|Inspector General", line), line
        used = {int(n) for p in paras for group in re.findall(r"\[([\d, ]+)\]", p) for n in group.split(",")}
        assert used == set(range(1, len(listed) + 1))  # every source cited, every cite listed


@pytest.mark.parametrize("day", [EARLY, LATE])
def test_nothing_dated_after_the_letter(reporter, pack, directory, day):
    abbrs = [a for a in COMPONENTS if day == LATE or a != "TIGTA"]  # TIGTA reported in June 2026
    for draft in full_set(reporter, pack, directory, day=day, abbrs=abbrs):
        paras = read(draft.docx)
        later = [d for d in dates_in(paras) if d > day]
        assert not later, (draft.filename, later)
    with pytest.raises(DraftingError, match="after the letter's date"):
        draft_requests(
            reporter,
            pack,
            ["tigta-evaluation"],
            [directory.component("TIGTA")],
            DraftOptions(letter_date=EARLY),
        )
    early = next(d for d in full_set(reporter, pack, directory, day=EARLY, abbrs=["ICE"]))
    body = "\n".join(read(early.docx))
    assert "42,695" not in body and "TIGTA" not in body.split("Records requested")[0]


def test_certification_covers_only_what_the_requester_can_certify(neighbour, pack, directory, letters):
    for draft in letters:
        paras = read(draft.docx)
        certs = [p for p in paras if p.startswith("I certify")]
        assert len(certs) == 1 and "in this section on expedited processing" in certs[0]
        assert paras.index(certs[0]) in range(paras.index("Expedited processing"), paras.index("Processing"))
        # due process needs the requester's own facts: none were given, so it is not asserted
        assert "due process" not in "\n".join(paras).lower(), draft.filename
        # every rule asked here lists due process (6 CFR 5.5(e)(1)(iii), 26 CFR
        # 601.702(c)(6)(i)(C), 31 CFR 1.4(e)(1)(iii)), so each letter says why it is left out
        assert any("needs your own facts" in w for w in draft.warnings), draft.filename
    # an "other" requester sharing with neighbours cannot claim to be a disseminator
    comps = [directory.component("ICE")]
    options = DraftOptions(
        letter_date=LATE, expedite=True, expedite_grounds=["urgency_to_inform", "media_interest"]
    )
    (draft,) = draft_requests(neighbour, pack, ["mou-text-and-drafts"], comps, options)
    body = "\n".join(read(draft.docx))
    assert "primarily engaged in disseminating" not in body
    assert "Widespread and exceptional media interest" in body
    assert any("“Urgency to inform the public” was left out" in w for w in draft.warnings)
    # with the user's own facts, the due-process ground is asserted in their words
    options = DraftOptions(
        letter_date=LATE,
        expedite=True,
        expedite_grounds=["due_process"],
        ground_text={"due_process": "My removal hearing is on August 3, 2026."},
    )
    (draft,) = draft_requests(neighbour, pack, ["ice-use-of-data"], comps, options)
    assert "My removal hearing is on August 3, 2026." in "\n".join(read(draft.docx))


def test_protective_asks(directory, letters):
    for draft in letters:
        body = "\n".join(read(draft.docx))
        assert "preserve every record" in body and "messaging apps" in body
        assert "tracking number the receiving office assigns" in body
        assert "reasonably foresee" in body and "552(a)(8)(A)(i)–(ii), 552(b)" in body
        assert "parallel requests for related records" in body
        assert "rolling basis" in body and "estimated date of completion" in body
        # named as a sentence names them: "the" where the name takes it, not before ICE's
        others = {
            "ICE": "U.S. Immigration and Customs Enforcement",
            "IRS": "the Internal Revenue Service",
            "TIGTA": "the Treasury Inspector General for Tax Administration",
            "DHS-PRIV": "the DHS Privacy Office",
            "TREAS-DO": "the Department of the Treasury, Departmental Offices",
        }
        assert all(name in body for key, name in others.items() if key != draft.component.abbr)
        if draft.component.abbr != "ICE":
            assert "the U.S. Immigration" not in body


def test_irs_wording(directory, letters):
    irs = next(d for d in letters if d.component.abbr == "IRS")
    body = "\n".join(read(irs.docx))
    assert (
        "cannot be associated with, or otherwise identify, directly or indirectly, a particular taxpayer"
        in body
    )
    assert "with any entries identifying a taxpayer redacted" in body
    assert "de-identified" not in body
    assert "Church of Scientology of California v. IRS, 484 U.S. 9 (1987)" in body
    assert "______________________________" in read(irs.docx)  # signed, as its rules require


def test_a_suite_of_narrow_letters_and_a_priority_order(reporter, pack, directory):
    irs = directory.component("IRS")
    options = DraftOptions(letter_date=LATE, fee_waiver=True)
    ids = [c.id for c in pack.categories_for("IRS")]
    suite = draft_requests(reporter, pack, ids, [irs], options, suite=True)
    groups = {c.group for c in pack.categories_for("IRS")}
    assert {d.group for d in suite} == groups and len(suite) == len(groups)
    assert sorted(i for d in suite for i in d.category_ids) == sorted(ids)
    (ordered,) = draft_requests(
        reporter, pack, list(reversed(ids)), [irs], DraftOptions(letter_date=LATE, priority=True)
    )
    paras = read(ordered.docx)
    assert "The items are in order of priority" in paras[paras.index("Records requested") + 1]


# --- page counts, through LibreOffice when it is installed -------------------------------------


def pages(docx: bytes) -> int:
    pdf = docx_to_pdf(docx)
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_page_counts(letters):
    """An agency's full set with waiver and expedite in about four to five pages; a single
    record in three."""
    counts = {d.component.abbr: pages(d.docx) for d in letters}
    assert all(n <= 5 for n in counts.values()), counts
    assert counts["TIGTA"] <= 3, counts  # TIGTA holds one record


def test_the_privacy_office_is_not_asked_to_copy_itself(letters):
    by = {d.component.abbr: "\n".join(read(d.docx)) for d in letters}
    assert "sending a copy of this letter to the DHS Privacy Office" in by["ICE"]
    assert "sending a copy of this letter" not in by["DHS-PRIV"]


def test_draft_command_writes_a_suite(tmp_path, capsys):
    from foiadesk.cli import run

    out = tmp_path / "suite"
    code = run(
        [
            "draft",
            "--db",
            str(tmp_path / "log.sqlite3"),
            "--case",
            "irs-ice-mou",
            "--component",
            "TREAS-DO",
            "--profile",
            str(RESOURCES / "profiles" / "example.toml"),
            "--categories",
            "1,6,7",
            "--suite",
            "--priority",
            "--date",
            "2026-07-15",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        # the office as the public knows it (not the key TREAS-DO), then each letter's group
        "2026-07-15_Department-of-the-Treasury-Departmental_FOIA-request_agreement.docx",
        "2026-07-15_Department-of-the-Treasury-Departmental_FOIA-request_communications.docx",
        "2026-07-15_Department-of-the-Treasury-Departmental_FOIA-request_legal.docx",
    ]
    assert capsys.readouterr().out.count("request #") == 3
