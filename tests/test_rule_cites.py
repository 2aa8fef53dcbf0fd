"""The agencies' own rule paragraphs in the expedite and fee-waiver arguments. Each expected
cite below was read in the regulation's text (eCFR), not taken from the code:

- DHS, 6 CFR 5.5(e): (1)(i) imminent threat, (1)(ii) urgency to inform, (1)(iii) due process,
  (1)(iv) media interest; (2) media-interest requests go to the Privacy Office's Senior
  Director of FOIA Operations; (3) the certified statement; (4) ten calendar days.
  6 CFR 5.11(k): (2)(i) subject, (2)(ii) meaningfully informative, (2)(iii) a reasonably broad
  audience, (2)(iv) significant extent, (3) commercial interest.
- IRS, 26 CFR 601.702(c)(6): (i)(A) threat, (i)(B) urgency to inform, (i)(C) due process;
  (ii) statement certified true and correct; (iii) urgency requests go to the Director,
  Communications Division; (iv) ten days. (f)(2)(i)(A)-(F) the fee-waiver factors.
- Treasury (TIGTA, Departmental Offices), 31 CFR 1.4(e) as revised in 2019: (1)(i)-(iii) three
  grounds and no media-interest ground; (3) the certified statement; (5) ten calendar days.
  The fee-waiver paragraph of the 2019 31 CFR 1.7 was not read, so nothing pins it.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from foiadesk.core.letters.compose import draft_requests
from foiadesk.core.letters.drafting import DraftOptions
from foiadesk.core.reference import authorities
from foiadesk.core.reference.directory import load_directory

DAY = date(2026, 7, 15)


def body(draft) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(draft.docx)).paragraphs)


def letter(reporter, pack, abbr, grounds=("urgency_to_inform", "media_interest"), **extra):
    comp = load_directory().component(abbr)
    options = DraftOptions(
        letter_date=DAY,
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=list(grounds),
        **extra,
    )
    ids = [c.id for c in pack.categories_for(abbr)]
    (draft,) = draft_requests(reporter, pack, ids, [comp], options)
    return draft


def test_ice_cites_dhs_paragraphs(reporter, pack):
    text = body(letter(reporter, pack, "ICE"))
    assert "Urgency to inform the public (5 U.S.C. 552(a)(6)(E)(v)(II); 6 CFR 5.5(e)(1)(ii))" in text
    assert "Widespread and exceptional media interest (6 CFR 5.5(e)(1)(iv))" in text
    assert "Senior Director of FOIA Operations today, as 6 CFR 5.5(e)(2) directs." in text
    assert (
        "true and correct to the best of my knowledge and belief (5 U.S.C. 552(a)(6)(E)(vi); 6 CFR 5.5(e)(3))"
        in text
    )
    assert "within 10 days (5 U.S.C. 552(a)(6)(E)(ii); 6 CFR 5.5(e)(4))" in text
    for pin in ("(k)(2)(i))", "(k)(2)(ii)–(iii))", "(k)(2)(iv))", "(k)(3))"):
        assert "(6 CFR 5.11" + pin in text, pin
    assert "Each factor of your regulations (6 CFR 5.11(k)) is met" in text
    # 6 CFR 5.11(a): a request is "a firm commitment to pay ... up to $25.00"
    assert "more than the $25 that the DHS FOIA regulations (6 CFR 5.11(a)) treat as" in text


def test_irs_cites_its_own_rule(reporter, pack):
    draft = letter(reporter, pack, "IRS")
    text = body(draft)
    assert "(5 U.S.C. 552(a)(4)(A)(iii); 26 CFR 601.702(f)(2))" in text
    assert "(5 U.S.C. 552(a)(6)(E); 26 CFR 601.702(c)(6))" in text
    assert "(5 U.S.C. 552(a)(6)(E)(v)(II); 26 CFR 601.702(c)(6)(i)(B))" in text
    assert (
        "Director, Communications Division (Office of Media Relations) today, "
        "as 26 CFR 601.702(c)(6)(iii) directs." in text
    )
    assert "(5 U.S.C. 552(a)(6)(E)(vi); 26 CFR 601.702(c)(6)(ii))" in text
    for pin in ("(A)", "(B)–(C)", "(D)", "(E)–(F)"):
        assert f"(26 CFR 601.702(f)(2)(i){pin})" in text, pin
    # the IRS rule has no media-interest ground: it is left out and the user is told
    assert "media interest" not in text.lower()
    assert any("Widespread and exceptional media interest" in w and "IRS" in w for w in draft.warnings)


def test_tigta_cites_treasury_2019_numbering(reporter, pack):
    draft = letter(reporter, pack, "TIGTA")
    text = body(draft)
    assert "(5 U.S.C. 552(a)(6)(E)(v)(II); 31 CFR 1.4(e)(1)(ii))" in text
    assert "(5 U.S.C. 552(a)(6)(E); 31 CFR 1.4(e))" in text
    assert "(5 U.S.C. 552(a)(6)(E)(vi); 31 CFR 1.4(e)(3))" in text
    assert "within 10 days (5 U.S.C. 552(a)(6)(E)(ii); 31 CFR 1.4(e)(5))" in text
    # the old numbering and the unread fee-waiver paragraph are not printed, nor is the
    # part said to hold factors that were not read in it
    assert "31 CFR 1.5" not in text and "31 CFR 1.7" not in text
    assert "(5 U.S.C. 552(a)(4)(A)(iii)):" in text
    assert "Each factor of your regulations" not in text


def test_partly_confirmed_rules_print_only_when_the_user_opts_in(reporter, pack):
    # Treasury's fee-waiver paragraph is tagged P: left out by default, printed knowingly
    assert authorities.rule("Treasury", "fee_waiver") == ""
    opted = body(letter(reporter, pack, "TIGTA", include_unverified=True))
    assert "(5 U.S.C. 552(a)(4)(A)(iii); 31 CFR 1.7)" in opted


def test_an_unverified_dhs_rule_is_not_printed(reporter, pack, monkeypatch):
    """Were a DHS paragraph only partly confirmed, the letter would fall back to the statute."""
    data = authorities.authorities()
    rules = dict(data["rules"])
    dhs = {
        k: (dict(v, tag="P") if isinstance(v, dict) and "tag" in v else v) for k, v in rules["DHS"].items()
    }
    dhs["expedite_grounds"] = {k: dict(v, tag="P") for k, v in rules["DHS"]["expedite_grounds"].items()}
    monkeypatch.setattr(authorities, "authorities", lambda: {**data, "rules": {**rules, "DHS": dhs}})
    text = body(letter(reporter, pack, "ICE"))
    assert "6 CFR 5.5(e)" not in text and "5.11(k)" not in text
    assert "(5 U.S.C. 552(a)(6)(E)(v)(II))" in text and "(5 U.S.C. 552(a)(6)(E)(vi))" in text


def test_every_verified_rule_says_what_it_says():
    """A V entry carries its words or the source it was read in; a pinpoint list matches the
    four statutory-standard factors the letter argues."""
    for family, rules in authorities.authorities()["rules"].items():
        for key, entry in rules.items():
            if isinstance(entry, dict) and entry.get("tag") == "V" and key != "part":
                assert entry.get("quote") or entry.get("source"), (family, key)
            if key == "expedite_grounds":
                for code, ground in entry.items():
                    assert ground["tag"] != "V" or ground.get("quote"), (family, code)
        factors = rules.get("fee_waiver_factors", [])
        assert len(factors) in (0, 4), family


@pytest.mark.parametrize(
    "abbr, rule, certification",
    [
        ("ICE", "6 CFR 5.5(e)", "6 CFR 5.5(e)(3)"),  # (e)(1): "Requests and appeals will be processed"
        ("IRS", "26 CFR 601.702(c)(6)", "26 CFR 601.702(c)(6)(ii)"),
        ("TIGTA", "31 CFR 1.4(e)", "31 CFR 1.4(e)(3)"),  # (e)(1): "Requests and appeals"
    ],
)
def test_an_appeal_renews_expedition_under_the_agencys_rule(reporter, abbr, rule, certification):
    from foiadesk.core.letters.drafting import RequestRef, build_appeal_context, render

    ctx = build_appeal_context(
        reporter,
        load_directory().component(abbr),
        RequestRef("2026-FOIA-00042", date(2026, 3, 2), "the April 2025 IRS-ICE agreement"),
        letter_date=DAY,
        determination_date=date(2026, 6, 1),
        withheld=[{"description": "Drafts of the agreement", "exemptions": ["b5"]}],
        appeal_address="FOIA Appeals, 1 Example Plaza, Washington, DC 20001",
        expedite=True,
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(render("appeal", ctx))).paragraphs)
    assert f"under 5 U.S.C. 552(a)(6)(E) and {rule}, which applies to appeals" in text
    assert f"knowledge and belief (5 U.S.C. 552(a)(6)(E)(vi); {certification})." in text


@pytest.mark.parametrize(
    ("abbr", "rule"),
    [
        ("ICE", "; 6 CFR 5.5(e)(4)"),  # "within ten calendar days of the receipt"
        ("EOUSA", "; 28 CFR 16.5(e)(4)"),  # "within 10 calendar days of the receipt"
        ("TIGTA", "; 31 CFR 1.4(e)(5)"),  # "within ten calendar days of the receipt"
        # The IRS counts ten days from the date of the request, never fewer than five working
        # days after receipt: Jul 15 + 10 = Sat Jul 25; Jul 16, 17, 20, 21, 22 -> Wed Jul 22;
        # the later is Jul 25, and the clock counts by its own paragraph.
        ("IRS", "; 26 CFR 601.702(c)(6)(iv)"),
    ],
)
def test_the_expedite_decision_cites_the_agencys_own_rule_and_no_other(abbr, rule):
    from foiadesk.core.deadlines.calendar import calendar
    from foiadesk.core.deadlines.clocks import compute_clocks
    from foiadesk.core.deadlines.events import Event
    from foiadesk.core.tracking.tracker import appeal_rule

    # Asked with the request, received Wednesday 2026-07-15: decided by Saturday 2026-07-25.
    events = [
        Event("filed", DAY, id=1, agency_received_on=DAY),
        Event("expedite_requested", DAY, id=2, agency_received_on=DAY),
    ]
    clock = next(c for c in compute_clocks(events, calendar(), appeal_rule(abbr)) if c.key == "expedite")
    assert clock.due == date(2026, 7, 25)
    assert clock.cite == "5 U.S.C. 552(a)(6)(E)(ii)(I)" + rule
