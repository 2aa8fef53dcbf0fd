"""Reading the form letters agencies send, second round: other offices' templates, filled in.

``fixtures/replies-templates/templates2`` holds the second group (SIGAR's acknowledgment template,
TSA's published clarification paragraph; see SOURCES.md there). The reader read every letter of it
right before any rule changed.
"""

from pathlib import Path

from foiadesk.core.replies.accuracy import FIELDS, score, table

TEMPLATES = Path(__file__).parent / "fixtures" / "replies-templates"

# Every field right on every letter of the second group (5 letters, 2 offices), as first measured.
FLOOR = {"reply_type": 5, "letter_date": 5, "tracking_numbers": 5, "exemptions": 5, "fee_amount": 5}


def test_the_second_group_of_templates_keeps_its_figures():
    scores = score(TEMPLATES, "templates2")
    assert {name: scores[name].right for name in FIELDS} == FLOOR, (
        table(scores) + "\n" + "\n".join(miss for s in scores.values() for miss in s.misses)
    )
