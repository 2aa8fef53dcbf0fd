"""Referral wording the patterns after "referred … to" do not reach: the office named first ("the
National Institute of Food and Agriculture, to whom we have referred your request"), and a referral
the letter only recalls ("As we previously advised you, your request was referred to the Army in
2019"; "Those records were transferred to the National Archives in 1985"), which is history, not
what this letter does."""

from __future__ import annotations

import re

from foiadesk.core.replies.wording import any_of

# A sentence that tells an earlier step: "previously", "as we advised you", "In our letter of …".
EARLIER = any_of(
    r"\bpreviously\b",
    r"\bearlier\b",
    r"\bas\s+(?:we|I)\s+(?:have\s+)?(?:advised|informed|told|notified|explained)\b",
    r"\b(?:we|I)\s+(?:told|advised|informed|notified)\s+you\s+that\b",
    r"\bin\s+(?:our|my|an?|the)\s+(?:\w+\s+)?(?:letter|response|e-?mail|correspondence)\s+(?:of|dated)\b",
)
# ... or a year after the office the request went to: "referred to the Army in 2019"
EARLIER_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:in|during)\s+(?:19|20)\d\d\b", re.I)

RELATIVE = re.compile(
    r",?\s+to\s+(?:whom|which)\s+(?:we|I|this\s+office)\s+(?:have\s+|has\s+)?(?:now\s+|also\s+)?"
    r"(?:referred|forwarded|transferred|sent|routed)\s+(?P<what>your\s+(?:\w+\s+)?(?:request|letter)|it)\b",
    re.I,
)
# the office's name just before ", to whom": capitalised words (and of, and, for, the) at the end
NAME_BEFORE = re.compile(r"(?:U\.S\.\s+)?[A-Z][\w.&'-]*(?:\s+(?:of|and|for|on|the|&|[A-Z][\w.&'-]*))*$")


def referral_relative(sentence: str) -> str | None:
    """The office named before ", to whom we have referred your request", if the sentence says so."""
    m = RELATIVE.search(sentence)
    if m is None:
        return None
    name = NAME_BEFORE.search(sentence[max(0, m.start() - 120) : m.start()])
    if name is None:
        return None
    to = re.sub(r"^(?:the|The)\s+", "", name.group(0))
    return to if len(to) >= 3 else None
