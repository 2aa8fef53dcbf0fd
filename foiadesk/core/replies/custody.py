"""An office that says the records are not its own: "does not have custody of", "is not the
custodian of", "does not have possession of". That is its no-records answer, unless it also sends
the request on to the office that holds them, which makes the letter a referral (an office that
searched, found nothing and "also transferred the request" elsewhere answered it: no records)."""

from __future__ import annotations

from foiadesk.core.replies.wording import any_of

NOT_CUSTODIAN = any_of(
    r"\b(?:does|do|did)\s+not\s+have\s+(?:\w+\s+)?(?:custody|possession)\s+(?:of|over)\b",
    r"\b(?:is|are|was|were)\s+not\s+(?:the\s+)?custodians?\s+of\b",
    r"\b(?:has|have|had)\s+no\s+(?:custody|possession)\s+(?:of|over)\b",
    r"\b(?:is|are)\s+not\s+in\s+(?:the\s+|our\s+|its\s+|this\s+\w+'s\s+)?(?:custody|possession)\b",
    # "The records you seek are not maintained by the FBI"
    r"\b(?:records?|documents?|files?)\b(?:\s+\S+){0,4}?\s+(?:are|is)\s+not\s+(?:maintained|held|kept)\s+by\s+"
    r"(?:the\s+|this\s+|our\s+)?(?:\w+\s+){0,3}?(?:office|agency|bureau|department|component|service|(?-i:[A-Z]{2,8}))\b",
)

# The no-records answers that say where the records are not, rather than what a search found.
NOT_HELD_HERE = any_of(
    NOT_CUSTODIAN.pattern,
    r"\b(?:do|does|did)\s+not\s+(?:maintain|hold|keep|possess)\b",
)
