"""OCR's spaces in the wrong place inside the words the rules key on: a space put into a word
("recor ds", "with held", "exemp tion (b)(6)") or a space lost between two ("withheldin",
"responsiverecords", "FOIArequest"). The words are few and long, so a split or join of one of
them is mended only where the pieces cannot be read otherwise. Also the ligatures and
apostrophes a text extraction lost ("af?rm", "analyst?s")."""

from __future__ import annotations

import re

# The words a letter's decision turns on. Each is mended when OCR split it once, anywhere but
# its first or last letter ("re cords", "with held", "exemp tions"); the pieces of "with held"
# are words of their own, but "with held" says nothing else in a letter ("with holding" does:
# a holding company, so "withholding" is not among them).
KEY_WORDS = (
    "records",
    "record",
    "documents",
    "document",
    "withheld",
    "exemption",
    "exemptions",
    "responsive",
    "redacted",
    "released",
    "releasable",
    "located",
    "certain",
    "request",
)


def _split_forms(word: str) -> list[str]:
    return [f"{word[:i]} {word[i:]}" for i in range(2, len(word) - 1)]


# one space (or a line break in the middle of a word) between the pieces, never more, so that
# "with  held" in a table stays as laid out; longest forms first so "records" wins over "record"
SPLIT_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(form).replace(r"\ ", r"[ \t]")
        for word in sorted(KEY_WORDS, key=len, reverse=True)
        for form in _split_forms(word)
    )
    + r")\b",
    re.I,
)
# A key word run into the word after it: "withheldin part", "withheldpursuant to", "responsiverecords",
# "FOIArequest". Only the words that follow these in letters, whole, so no real word is cut.
JOINED_WORD = re.compile(
    r"\b(withheld|redacted|released|responsive|FOIA|FOIPA|exempt)"
    r"(?=(?:in|under|pursuant|from|records?|documents?|pages|materials?|information|requests?|appeals?|case|officer)\b)",
    re.I,
)


# A ligature ("fi", "fl", "ff", "ffi", "ffl") or an apostrophe the text extraction could not
# map, left as "?" or U+FFFD inside a word: "I af?rm", "this of?ce", "the analyst?s decision".
# A ligature is put back only where that makes a word letters use, so a real question mark
# ("any records?Please") stays.
LIGATURE_WORDS = frozenset(
    """affirm affirmed affirming affirms affirmance office offices official officials officer officers
    confidential confidentiality specific specifically final finally file filed files filing
    identify identified identifying identification fiscal notification notified notify classified
    classification justified justify justification certified certification certify financial field
    fields benefit benefits clarification clarify clarified modified modification satisfied
    sufficient sufficiently significant significantly effect effects effective efforts difficult staff
    affairs affidavit definition find finding findings first conflict conflicts reflect reflects
    reflected flight flights profile profiles beneficial efficient fifth fifteen fifty""".split()
)
LOST_LIGATURE = re.compile(r"(?<![A-Za-z])([A-Za-z]*)[?\ufffd]([A-Za-z]+)\b")
LOST_APOSTROPHE = re.compile(r"(?<=[a-z])[?\ufffd](?=s\b)")


def _ligature(match: re.Match) -> str:
    for ligature in ("ffi", "ffl", "fi", "fl", "ff"):
        word = f"{match[1]}{ligature}{match[2]}"
        if word.lower() in LIGATURE_WORDS:
            return word
    return match[0]


def mend_words(text: str) -> str:
    """The text with the key words OCR split or joined made whole again, and the ligatures
    and apostrophes a text extraction lost put back."""
    text = SPLIT_WORD.sub(lambda m: re.sub(r"[ \t]", "", m.group(0)), text)
    text = LOST_LIGATURE.sub(_ligature, text)
    text = LOST_APOSTROPHE.sub("'", text)
    return JOINED_WORD.sub(r"\1 ", text)
