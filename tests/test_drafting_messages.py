"""What drafting tells the user speaks the letter's words: a fact by its date and opening
words, a ground by the name the letter prints, an item by its title; never a case pack id,
a ground code or a confidence tag. Each message also says what to do."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from foiadesk.core.errors import UserError
from foiadesk.core.letters.compose import choose_categories, draft_requests
from foiadesk.core.letters.drafting import DraftingError, DraftOptions, Requester
from foiadesk.core.reference.directory import load_directory

DAY = date(2026, 7, 15)
CODES = ("imminent_threat", "urgency_to_inform", "due_process", "media_interest", "news_media")
TAGS = re.compile(r"\(tag [VPU]\)|\btag [VPU]\b")


def internal(pack, message: str) -> list[str]:
    """The internal names a message leaks."""
    ids = [f.id for f in pack.letter_facts] + [c.id for c in pack.categories] + [pack.id]
    found = [x for x in CODES if x in message] + [i for i in ids if f"'{i}'" in message]
    return found + TAGS.findall(message)


def drafts(reporter, pack, abbrs, grounds, day=DAY, **extra):
    options = DraftOptions(
        letter_date=day,
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=list(grounds),
        **extra,
    )
    comps = [load_directory().component(a) for a in abbrs]
    return draft_requests(reporter, pack, [c.id for c in pack.categories], comps, options)


def test_warnings_name_facts_and_grounds_as_the_letter_does(reporter, pack):
    letters = drafts(
        reporter, pack, ("ICE", "IRS", "TIGTA"), ["urgency_to_inform", "media_interest", "due_process"]
    )
    said = [w for d in letters for w in d.warnings]
    assert said
    for message in said:
        assert internal(pack, message) == [], message
    left_out = [p for p in pack.letter_facts if p.tag != "V"]
    assert left_out  # the shipped pack has a partly confirmed fact
    fact = left_out[0]
    opening = " ".join(fact.text.split()[:4])
    notice = next(w for w in said if opening in w)
    assert notice.startswith("Left out: the fact of ") and "--include-unverified" in notice
    assert any("“Loss of substantial due process rights” is left out" in w and "Add them" in w for w in said)
    assert any(
        w.startswith("IRS: the expedite ground “Widespread and exceptional media interest” was left out")
        for w in said
    )


def test_a_fact_printed_knowingly_is_named_not_tagged(reporter, pack):
    (ice,) = drafts(reporter, pack, ("ICE",), ["media_interest"], include_unverified=True)
    chosen = [w for w in ice.warnings if w.startswith("Printed at your choice")]
    assert chosen and all(internal(pack, w) == [] for w in chosen)
    assert all("check it against its source" in w for w in chosen)


def test_urgency_without_a_disseminator_says_how_to_qualify(pack):
    neighbour = Requester(
        name="Pat Lee",
        email="pat@example.org",
        address="4 Oak Row\nDayton, OH 45402",
        fee_category="other",
        dissemination="Neighbours.",
    )
    (ice,) = drafts(neighbour, pack, ("ICE",), ["urgency_to_inform", "media_interest"])
    notice = next(w for w in ice.warnings if "Urgency to inform the public" in w)
    assert "news media fee category" in notice and "primary activity" in notice
    assert "“Widespread and exceptional media interest” fits without it." in notice
    assert "'news_media'" not in notice


def test_errors_name_grounds_and_categories_in_words(reporter, pack):
    tigta = load_directory().component("TIGTA")
    options = DraftOptions(letter_date=DAY, expedite=True, expedite_grounds=["media_interest"])
    with pytest.raises(UserError) as caught:
        draft_requests(reporter, pack, [pack.categories[0].id], [tigta], options)
    message = str(caught.value)
    assert internal(pack, message) == [], message
    # Treasury's 2019 rule (31 CFR 1.4(e)(1)) lists three grounds, in this order
    assert (
        "they allow: “Imminent threat to life or physical safety”, “Urgency to inform the public”, "
        "“Loss of substantial due process rights”. Choose one of those." in message
    )
    with pytest.raises(UserError) as caught:
        choose_categories(pack, "mou-typo")
    assert pack.name in str(caught.value) and "numbers 1 to" in str(caught.value)


def test_a_late_item_is_named_by_its_title(reporter, pack):
    late = max(pack.categories, key=lambda c: c.known_from or date.min)
    assert late.known_from is not None
    day = late.known_from.replace(day=1) if late.known_from.day > 1 else date(late.known_from.year, 1, 1)
    options = DraftOptions(letter_date=day)
    comp = load_directory().component(late.holders[0])
    others = [c.id for c in pack.categories_for(late.holders[0]) if not c.known_from or c.known_from <= day]
    if not others:
        pytest.skip("every item of that holder is late")
    try:
        (draft,) = draft_requests(reporter, pack, [late.id, others[0]], [comp], options)
    except DraftingError:
        pytest.skip("the other item is late too")
    notice = next(w for w in draft.warnings if "after this letter's date" in w)
    assert late.title.rstrip(".")[:30] in notice and f"'{late.id}'" not in notice
