# ruff: noqa: E501  (passages of letter text, one a line)
"""Reading the form letters agencies send: their published templates, filled in.

``fixtures/replies-templates`` holds agencies' own sample and model reply letters (Interior, the Air
Force's regulation, Commerce and NOAA, DHS, the Navy, the NRC's form, FEMA, SSA, USPS, DOJ) with their
blanks filled as the agency would, labelled by the conventions of the real letters (see SOURCES.md
there). Most real replies are made from such templates, so the reader should read every one.

The passages below are written for these tests in the same offices' wording (none is a fixture
letter), each rule with a near miss that must read as before.
"""

from pathlib import Path

from foiadesk.core.replies.accuracy import FIELDS, score, table

TEMPLATES = Path(__file__).parent / "fixtures" / "replies-templates"

# What the reader reads right on the filled templates (45 letters, 12 offices); measured before any
# rule below at reply type 27 of 45, tracking numbers 38 of 45, fee amount 42 of 43.
FLOOR = {"reply_type": 27, "letter_date": 45, "tracking_numbers": 38, "exemptions": 45, "fee_amount": 42}


def test_the_filled_templates_keep_their_figures():
    scores = score(TEMPLATES, "templates")
    assert {name: scores[name].right for name in FIELDS} == FLOOR, (
        table(scores) + "\n" + "\n".join(miss for s in scores.values() for miss in s.misses)
    )
