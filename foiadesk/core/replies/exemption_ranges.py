"""A range of exemptions the letter applies: "withheld in full under Exemptions 1 through 3",
"redacted under (b)(1)-(b)(3)", "Exemptions 6 and 7(C) through 7(E)". A range that describes the
law ("the nine exemptions, (b)(1) through (b)(9), protect …", "none of which applies") applies
nothing, and neither does one in a glossary (the caller reads the letter without it)."""

from __future__ import annotations

import re

from foiadesk.core.replies.wording import IF_WORD, any_of

SUBPART = r"(?:\s*\(\s*(?P<{0}>[A-Fa-f])\s*\))?"
PAREN_RANGE = re.compile(
    r"\(\s*b\s*\)\s*\(\s*(?P<a>[1-9])\s*\)" + SUBPART.format("asub") + r"\s*(?:through|thru|to|-|–)\s*"
    r"(?:\(\s*b\s*\)\s*)?\(\s*(?P<z>[1-9])\s*\)" + SUBPART.format("zsub")
)
WORD_RANGE = re.compile(
    r"\bexemptions\s+(?:[\w(),&]+\s+){0,4}?\(?(?P<a>[1-9])\)?"
    + SUBPART.format("asub")
    + r"\s*(?:through|thru|to|-|–)\s*\(?(?P<z>[1-9])\)?"
    + SUBPART.format("zsub")
    + r"(?![\d])",
    re.I,
)
APPLIED = any_of(
    r"\bwithh(?:e|o)ld",
    r"\bredact",
    r"\bdelet",
    r"\bexcis",
    r"\bexempt\s+(?:from|under|pursuant)",
    r"\bdenied\b",
    r"\b(?:asserted|invoked|applied|claimed)\b",
)
# what the law says of every request, or a range said not to apply
GENERAL = any_of(
    r"\b(?:protects?|permits?|allows?|authorizes?|describes?|described|lists?|listed|explains?)\b",
    r"\bgenerally\b",
    r"\bnine\s+exemptions\b",
    r"\bnone\s+of\b",
    r"\bnot\s+(?:\w+\s+)?(?:withh|redact|appl|invok|assert|claim)",
)


MAX_RANGES = 20  # a letter applies a range or two; a text of thousands is not read for more


def applied_ranges(text: str) -> set[str]:
    """The exemptions of every range the letter applies, as b1 … b9 and b7A … b7F."""
    found: set[str] = set()
    for pattern in (PAREN_RANGE, WORD_RANGE):
        for m, _ in zip(pattern.finditer(text), range(MAX_RANGES), strict=False):
            sentence = _sentence_around(text, m.start(), m.end())
            if APPLIED.search(sentence) and not (GENERAL.search(sentence) or IF_WORD.search(sentence)):
                found |= _expanded(m)
    return found


def _expanded(m: re.Match) -> set[str]:
    a, z = int(m["a"]), int(m["z"])
    first, last = (m["asub"] or "").upper(), (m["zsub"] or "").upper()
    if a > z:
        return set()
    if a == z == 7 and first and last:  # "7(C) through 7(E)"
        return {f"b7{chr(c)}" for c in range(ord(first), ord(last) + 1)} if first <= last else set()
    codes = {f"b{n}" for n in range(a, z + 1)}
    for n, sub in ((a, first), (z, last)):
        if n == 7 and sub:
            codes.discard("b7")
            codes.add(f"b7{sub}")
    return codes


def _sentence_around(text: str, start: int, end: int) -> str:
    before = re.split(r"[.!?]\s", text[max(0, start - 300) : start])[-1]
    after = re.split(r"[.!?](?:\s|$)", text[end : end + 200])[0]
    return before + text[start:end] + after
