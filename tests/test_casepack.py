"""Case packs as a user sees them: the shipped IRS-ICE pack, and clear errors in their own."""

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from foiadesk.core.reference.casepack import (
    CasePackError,
    dump_case_pack,
    load_case_pack,
    shipped_case_packs,
)
from foiadesk.core.reference.directory import load_directory

TAGS = ("V", "P", "U")


@pytest.fixture(scope="module")
def mou():
    packs = {p.id: p for p in shipped_case_packs()}
    return packs["irs-ice-mou-2025"]


def test_mou_pack_loads_with_its_facts(mou):
    assert mou.name and mou.summary
    assert len(mou.categories) == 15
    assert {"2025-04-07", "2025-08-07", "2026-02-26"} <= {d.date.isoformat() for d in mou.key_dates}


def test_every_holder_resolves_to_a_curated_component(mou):
    directory = load_directory()
    for category in mou.categories:
        assert category.holders, category.id
        for holder in category.holders:
            comp = directory.component(holder)
            assert comp is not None and comp.curated, (category.id, holder)


def test_every_fact_has_a_source_and_a_tag(mou):
    for item in (*mou.parties, *mou.key_dates, *mou.public_facts, *mou.categories):
        assert item.source.strip() and item.tag in TAGS
        assert isinstance(item.as_of, date)
    for fact in mou.letter_facts:
        assert fact.sources and fact.tag in TAGS and fact.date <= fact.as_of


def test_categories_describe_records_like_a_strong_request(mou):
    for category in mou.categories:
        assert "?" not in category.description  # records, not questions
        assert category.custodians and category.search_terms
        assert category.date_from >= date(2023, 1, 1)
        for holder in category.holders:  # each agency's letter names only its own offices
            assert category.custodians_for(holder), (category.id, holder)


def test_public_facts_support_fee_waiver_and_expedite_arguments(mou):
    waiver = mou.facts_supporting("fee_waiver")
    expedite = mou.facts_supporting("expedite")
    assert len(waiver) >= 5 and len(expedite) >= 5
    assert any("42,695" in f.text for f in expedite)


def test_categories_for_a_component(mou):
    irs = mou.categories_for("IRS")
    assert irs and irs == mou.categories_for("irs")
    assert [c.id for c in mou.categories_for("TIGTA")] == ["tigta-evaluation"]
    assert mou.categories_for("USCIS") == []


def test_dump_then_load_round_trips(mou, tmp_path):
    path = tmp_path / "copy.json"
    path.write_text(dump_case_pack(mou), encoding="utf-8")
    again = load_case_pack(path)
    assert again == mou
    assert dump_case_pack(again) == dump_case_pack(mou)


# --- a user's own pack -----------------------------------------------------------------------

MINIMAL = {
    "format": "foiadesk-case-pack/1",
    "id": "my-case",
    "name": "My case",
    "summary": "An agreement I am looking into.",
    "parties": [
        {"name": "IRS", "role": "Party", "source": "https://example.org/a", "tag": "V", "as_of": "2026-01-05"}
    ],
    "key_dates": [{"date": "2025-04-07", "what": "Signed", "source": "https://example.org/a", "tag": "V"}],
    "public_facts": [
        {
            "id": "signed",
            "text": "It was signed.",
            "source": "https://example.org/a",
            "tag": "V",
            "as_of": "2026-01-05",
            "supports": ["fee_waiver"],
        }
    ],
    "categories": [
        {
            "id": "mou",
            "title": "The agreement",
            "description": "The signed agreement.",
            "holders": ["IRS", "ice"],
            "custodians": ["IRS Office of Chief Counsel"],
            "search_terms": ["memorandum of understanding"],
            "date_range": {"from": "2025-01-20", "to": None},
            "likely_exemptions": [{"code": "b5", "note": "drafts"}],
            "source": "https://example.org/a",
            "tag": "P",
        },
        {
            "id": "stats",
            "title": "Counts",
            "description": "Monthly counts.",
            "holders": ["dhs--u-s-immigration-customs-enforcement"],
            "custodians": [],
            "search_terms": [],
            "date_range": {"from": "2025-01-20", "to": "2025-12-31"},
            "likely_exemptions": [{"code": "b7c"}, {"code": "b3", "statute": "26 U.S.C. 6103", "note": "n"}],
            "source": "https://example.org/a",
            "tag": "U",
        },
    ],
}


def _write(tmp_path: Path, change=None) -> Path:
    data = copy.deepcopy(MINIMAL)
    if change:
        change(data)
    path = tmp_path / "irs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_minimal_pack_loads_and_normalises_names(tmp_path):
    pack = load_case_pack(_write(tmp_path))
    assert pack.categories[0].holders == ("IRS", "ICE")
    assert pack.categories[1].holders == ("ICE",)  # FOIA.gov id of a curated component
    assert [e.code for e in pack.categories[1].likely_exemptions] == ["b7C", "b3"]
    assert pack.categories[0].date_to is None
    path = tmp_path / "again.json"
    path.write_text(dump_case_pack(pack), encoding="utf-8")
    assert load_case_pack(path) == pack


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["categories"][1]["date_range"].update({"from": "2025-13-01"}),
            "irs.json: categories[1].date_range.from: '2025-13-01' is not a date (YYYY-MM-DD)",
        ),
        (
            lambda d: d.update(format="foiadesk-case-pack/9"),
            "irs.json: format: 'foiadesk-case-pack/9' is not supported (expected 'foiadesk-case-pack/2')",
        ),
        (lambda d: d.pop("summary"), "irs.json: summary: required field is missing"),
        (
            lambda d: d["categories"][0].pop("holders"),
            "irs.json: categories[0].holders: required field is missing",
        ),
        (
            lambda d: d["public_facts"][0].update(tag="v"),
            "irs.json: public_facts[0].tag: 'v' is not a tag (use V, P or U)",
        ),
        (
            lambda d: d["categories"][1]["date_range"].update({"from": "2026-01-01"}),
            "irs.json: categories[1].date_range: 'from' 2026-01-01 is after 'to' 2025-12-31",
        ),
        (
            lambda d: d["categories"][1].update(id="mou"),
            "irs.json: categories[1].id: 'mou' is used twice (also categories[0])",
        ),
        (
            lambda d: d["categories"][0]["holders"].append("XYZ"),
            "irs.json: categories[0].holders[2]: 'XYZ' is not a component in the directory",
        ),
        (
            lambda d: d["categories"][0]["likely_exemptions"].append({"code": "b10"}),
            "irs.json: categories[0].likely_exemptions[1].code: 'b10' is not a FOIA exemption "
            "(b1-b9, b7A-b7F)",
        ),
        (
            lambda d: d["categories"][0]["likely_exemptions"][0].update(code="b7G"),
            "irs.json: categories[0].likely_exemptions[0].code: 'b7G' is not a FOIA exemption "
            "(b1-b9, b7A-b7F)",
        ),
        (
            lambda d: d["public_facts"][0].update(supports=["sympathy"]),
            "irs.json: public_facts[0].supports[0]: 'sympathy' is not one of: "
            "fee_waiver, expedite, background",
        ),
        (lambda d: d["parties"][0].update(as_of=None), "irs.json: parties[0].as_of: expected text, got null"),
        (lambda d: d["key_dates"][0].update(when="2025"), "irs.json: key_dates[0].when: unknown field"),
        (lambda d: d.update(categories=[]), "irs.json: categories: list at least one category of records"),
    ],
)
def test_malformed_pack_gives_the_exact_field(tmp_path, change, message):
    with pytest.raises(CasePackError) as caught:
        load_case_pack(_write(tmp_path, change))
    assert str(caught.value) == message
    error = caught.value  # no chained internal error would show under the message
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_invalid_json_gives_line_and_column(tmp_path):
    path = tmp_path / "irs.json"
    path.write_text('{"format": "foiadesk-case-pack/1",\n  "id": }', encoding="utf-8")
    with pytest.raises(CasePackError) as caught:
        load_case_pack(path)
    assert str(caught.value) == "irs.json: line 2, column 9: not valid JSON (Expecting value)"


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CasePackError, match=r"^nothing\.json: cannot read the file"):
        load_case_pack(tmp_path / "nothing.json")


# --- format 2: letter facts with primary sources -------------------------------------------

LETTER_FACT = {
    "id": "order",
    "text": "The court stayed the policy.",
    "date": "2025-11-21",
    "as_of": "2026-06-30",
    "tag": "V",
    "supports": ["expedite"],
    "sources": [
        {
            "kind": "court",
            "name": "D.D.C.",
            "title": "Order",
            "cite": "No. 1:25-cv-00457",
            "date": "2025-11-21",
        },
        {
            "kind": "news",
            "name": "FedScoop",
            "title": "Judge halts sharing",
            "date": "2025-11-21",
            "url": "https://fedscoop.com/x",
        },
    ],
}


def _v2(tmp_path, fact):
    data = copy.deepcopy(MINIMAL)
    data["format"] = "foiadesk-case-pack/2"
    data["letter_facts"] = [fact]
    path = tmp_path / "irs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_letter_facts_load_and_round_trip(tmp_path):
    pack = load_case_pack(_v2(tmp_path, LETTER_FACT))
    fact = pack.letter_facts[0]
    assert fact.date == date(2025, 11, 21) and [s.kind for s in fact.sources] == ["court", "news"]
    assert "No. 1:25-cv-00457, order (November 21, 2025)." == fact.sources[0].citation()
    again = tmp_path / "again.json"
    again.write_text(dump_case_pack(pack), encoding="utf-8")
    assert load_case_pack(again).letter_facts == pack.letter_facts


def test_a_court_source_gives_its_docket_entry_when_read(tmp_path):
    """The usual form of a docket cite: case number, ECF entry, document, date."""
    fact = json.loads(json.dumps(LETTER_FACT))
    fact["sources"][0]["ecf"] = "171-2"
    pack = load_case_pack(_v2(tmp_path, fact))
    assert pack.letter_facts[0].sources[0].citation() == (
        "No. 1:25-cv-00457, ECF No. 171-2, order (November 21, 2025)."
    )
    again = tmp_path / "again.json"
    again.write_text(dump_case_pack(pack), encoding="utf-8")
    assert load_case_pack(again).letter_facts == pack.letter_facts


@pytest.mark.parametrize(
    "where, ecf, problem",
    [
        (0, "No. 17", "not a docket entry number"),
        (0, "0", "not a docket entry number"),
        (1, "17", "only a court source has a docket entry number"),
    ],
)
def test_a_docket_entry_number_is_checked(tmp_path, where, ecf, problem):
    fact = json.loads(json.dumps(LETTER_FACT))
    fact["sources"][where]["ecf"] = ecf
    with pytest.raises(CasePackError, match=rf"sources\[{where}\]\.ecf: .*{problem}"):
        load_case_pack(_v2(tmp_path, fact))


@pytest.mark.parametrize(
    "url, problem",
    [
        ("https://uat.apnews.com/article/x", "test or staging server"),
        ("https://www.everycrsreport.com/files/x.html", "copy, aggregator or blog"),
        ("https://particle.news/story/x", "copy, aggregator or blog"),
        ("https://a.plas.ml/shaare/x", "copy, aggregator or blog"),
    ],
)
def test_copies_test_servers_and_aggregators_are_refused(tmp_path, url, problem):
    fact = json.loads(json.dumps(LETTER_FACT))
    fact["sources"][1]["url"] = url
    with pytest.raises(CasePackError, match=problem):
        load_case_pack(_v2(tmp_path, fact))


def test_an_agency_source_must_be_the_agencys_own_page(tmp_path):
    fact = json.loads(json.dumps(LETTER_FACT))
    fact["sources"][1] = {
        "kind": "agency",
        "name": "TIGTA",
        "title": "Report",
        "date": "2026-06-08",
        "url": "https://example.com/tigta.pdf",
    }
    with pytest.raises(CasePackError, match=r"letter_facts\[0\]\.sources\[1\]\.url: .*\(\.gov\)"):
        load_case_pack(_v2(tmp_path, fact))


def test_the_shipped_pack_cites_only_acceptable_sources(mou):
    from foiadesk.core.reference.casepack import source_host_problem

    assert mou.letter_facts
    for fact in mou.letter_facts:
        for src in fact.sources:
            assert not src.url or not source_host_problem(src.kind, src.url), (fact.id, src.url)
