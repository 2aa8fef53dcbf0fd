"""The exemptions a letter applies are what an appeal argues with: this module finds them in every
form letters cite them, and the statutes named with Exemption 3."""

from __future__ import annotations

import re

from foiadesk.core.replies.exemption_ranges import applied_ranges
from foiadesk.core.replies.text import ADDENDUM
from foiadesk.core.replies.wording import IF_WORD, any_of

PAREN_FORM = re.compile(r"(?<![A-Za-z)])\(\s*b\s*\)\s*\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?")
MORE_NUMBERS = re.compile(
    # on the same line: "(b)(6)\n(2) You may appeal" starts a numbered list, not exemption 2
    r"[ \t]*(?:[,;]\s*)?(?:and\s+|or\s+|&\s*)?\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?(?!\s*\(\s*\d)"
)
MORE_SUBPARTS = re.compile(r"\s*(?:,\s*)?(?:and|&|or|/)?\s*\(\s*([A-Fa-f])\s*\)(?!\s*\()")
SHORT_FORM = re.compile(r"(?<![A-Za-z0-9(/])b\s?\(?([1-9])\)?(?:\s?\(?([A-Fa-f])\)?)?(?![A-Za-z0-9])")
# "5 U.S.C. 552b(6)" (the (b) run into the section; the Sunshine Act's 552b has a (c) first),
# "552(7)(E)" (the (b) left out: section 552's own subsections are letters) and "exemption B 1"
# with a capital B.
RUN_TOGETHER_FORM = re.compile(
    r"\b552[ ]?b?[ ]?\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?"
    r"|(?i:\bexemptions?[ ]+)B[ ]?([1-9])(?![\d(])"
)
# "Exemptions 6 and 7(C)"; the number may stand in parentheses without the (b): "FOIA exemption
# (7) (E)", "Exemptions (6) and (7)(C)"; or after what they are exemptions to: "the FOIA
# exemptions to disclosure 3, 4, 5, 7(A)", "exemption from disclosure 5".
WORD_FORM = re.compile(r"\bExemptions?\s+(?:(?:to|from)\s+disclosure\s+)?(?=[1-9]|\(\s*[1-9]\s*\))", re.I)
WORD_ITEM = re.compile(
    r"(?:\(\s*([1-9])\s*\)|([1-9])(?!\d)(?!\s*(?:U\.?\s?S|C\.?\s?F\.?\s?R)))(?:\s*(?:\(\s*)?([A-Fa-f])(?!\s*\)\s*\(\s*\d)\)?(?![A-Za-z]))?"
)
WORD_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|&|or)\s+)\s*")
# Exemption 7's subparts with the (b) lost in extraction: "withheld under 7(A) of the FOIA",
# "withheld pursuant to (7)(A)", "FOIA subsection 7(C)". Only 7 has lettered subparts, and only after
# a withholding word or before "of the FOIA": a regulation's paragraph ("6 C.F.R. § 5.7(a)",
# "section 7(a) of the Privacy Act") is none.
BARE_SEVEN = re.compile(
    r"(?:\b(?:withh[eo]ld\w*|exempt\w*|redact\w*|denied|protected)\s+(?:\w+\s+){0,3}?(?:pursuant\s+to|under)\s+"
    r"|\bFOIA\s+(?:sub)?section\s+)\(?7\)?\s?\(([A-Fa-f])\)(?![\w(])"
    r"|(?<![\w.§(/-])\(?7\)?\s?\(([A-Fa-f])\)(?=\s+of\s+(?:the\s+)?(?:FOIA|Freedom\s+of\s+Information\s+Act)\b"
    r"(?!\s+regulations?))"
)
BARE_SEVEN_MORE = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:and\s+|or\s+|&\s*)?(?:\(?7\)?\s?)?\(([A-Fa-f])\)(?![\w(])"
)
# "pursuant to the third exemption of the FOIA" is (b)(3).
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_FORM = re.compile(rf"\b({'|'.join(ORDINALS)})\s+exemption\b(?!s)", re.I)
RANGE = re.compile(
    r"(?:\(b\)\s*\(\d\)|exemptions?\s+\d)\s*(?:through|thru|to|-|–)\s*(?:\(b\)\s*)?\(?\d\)?", re.I
)
# A checkbox form lists every exemption and ticks the ones applied: an unticked box's
# exemption is not cited.
UNTICKED = re.compile(
    r"(?:☐|□|❑|\[ \])[ \t]*(?:\(\s*b\s*\)\s*\(\s*\d\s*\)(?:\s*\(\s*[A-Fa-f]\s*\))?|b\d[A-Fa-f]?)"
)
STATUTE = re.compile(
    r"(?P<title>\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*(?:A\.?\s*)?(?:§+|[Ss]ec(?:tion|\.)?)?\s*(?P<sec>\d+[a-z]?)"
    r"|\b(?:Internal\s+Revenue\s+Code|I\.?R\.?C\.?)\s*(?:\(IRC\)\s*)?(?:§+|[Ss]ection)?\s*(?P<irc>\d+[A-Z]?)"
    r"|[Ss]ection\s+(?P<irc2>\d+[A-Z]?)(?:\([^)]{1,6}\))*\s+of\s+the\s+Internal\s+Revenue\s+Code"
)
MAX_B3 = 20  # statutes are looked for near the first twenty (b)(3) citations


# An appeal decision that names the exemptions it upholds: "I have determined to affirm in part
# under Exemptions 5 and 6 and to reverse in part the initial decision." The exemptions its recital
# of the first answer cites ("were withheld … under Exemptions 4 and 6") and that the decision
# and its reasons after it do not name are not the decision's.
_CITED = r"(?:Exemptions?\s+\(?[1-9]|\(\s*b\s*\)\s*\(\s*[1-9])"
AFFIRMED_UNDER = re.compile(
    r"\b(?:affirm|uphold|sustain)(?:s|ed|ing)?\b[^.]{0,80}?\b(?:under|pursuant\s+to|based\s+on)\s+(?:the\s+)?"
    rf"(?:FOIA\s+)?{_CITED}"
    # "Accordingly, Exemption 7(D) was properly applied", "the Bureau properly invoked Exemption 5"
    rf"|(?:FOIA\s+)?{_CITED}[^.]{{0,40}}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:properly|correctly|appropriately)\s+(?:applied|invoked|asserted|relied)"
    rf"|\b(?:properly|correctly|appropriately)\s+(?:applied|invoked|asserted|relied\s+(?:up)?on)\s+(?:FOIA\s+)?{_CITED}",
    re.I,
)


NUMBER_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "Exemption Five", "Exemptions Six and Seven(C)": the numbers written out.
WORD_NUMBERS = re.compile(
    rf"\b(exemptions?\s+)((?:(?:{'|'.join(NUMBER_NAMES)})\b(?:\s*\(\s*[A-Fa-f]\s*\))?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)?){1,9})",
    re.I,
)


def _numbers_written_out(text: str) -> str:
    def digits(m: re.Match) -> str:
        spelled = re.sub(
            rf"\b(?:{'|'.join(NUMBER_NAMES)})\b",
            lambda w: str(NUMBER_NAMES.index(w.group(0).lower()) + 1),
            m.group(2),
            flags=re.I,
        )
        return m.group(1) + spelled

    return WORD_NUMBERS.sub(digits, text)


def _exemption(number: str, sub: str | None) -> str:
    return f"b{number}" + (sub.upper() if number == "7" and sub else "")


def find_exemptions(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Exemptions the letter cites, normalised (b1 … b9; b7A … b7F), and the statutes it
    names with Exemption 3. Enclosures explaining every exemption are not read (give the
    letter without them, see ``split_addenda``), nor is a range like "(b)(1) through
    (b)(9)" unless a sentence applies it (``exemption_ranges``), nor an unticked box of a
    checkbox form. A bare (b)(7) next to (b)(7)(C) is the
    same citation, not another one."""
    glossary = ADDENDUM.search(text, 200) if len(text) > 200 else None
    body = _numbers_written_out(text[: glossary.start()] if glossary else text)
    affirmed = AFFIRMED_UNDER.search(body)
    if affirmed:  # an appeal decision: what it upholds, not the first answer it recounts
        body = body[body.rfind(".", 0, affirmed.start()) + 1 :]
    found: set[str] = applied_ranges(body)
    body = UNTICKED.sub(" ", RANGE.sub(" ", body))
    b3_at: list[int] = []
    for m in PAREN_FORM.finditer(body):
        before = body[max(0, m.start() - 8) : m.start()]
        cited = re.search(r"(\d+[a-z]?)\s*$", before)
        named = re.search(r"exemptions?\s+\d\s*$", body[max(0, m.start() - 16) : m.start()], re.I)
        if cited and cited.group(1) not in ("552",) and not named:
            continue  # another statute's subsection (26 U.S.C. 6103(b)(2)); not "Exemption 7 (b)(7)(C)"
        found.add(_exemption(m.group(1), m.group(2)))
        pos = m.end()
        for _ in range(8):  # "(b)(6), (7)(C)": the list goes on without repeating (b)
            more = MORE_NUMBERS.match(body, pos)
            if not more:
                break
            found.add(_exemption(more.group(1), more.group(2)))
            pos = more.end()
        if m.group(1) == "7" and m.group(2):
            pos = m.end()
            for _ in range(6):
                more = MORE_SUBPARTS.match(body, pos)
                if not more:
                    break
                found.add(_exemption("7", more.group(1)))
                pos = more.end()
        if m.group(1) == "3":
            b3_at.append(m.start())
    for m in SHORT_FORM.finditer(body):
        found.add(_exemption(m.group(1), m.group(2)))
        if m.group(1) == "3":
            b3_at.append(m.start())
    for m in RUN_TOGETHER_FORM.finditer(body):
        found.add(_exemption(m.group(1) or m.group(3), m.group(2)))
        if (m.group(1) or m.group(3)) == "3":
            b3_at.append(m.start())
    for m in WORD_FORM.finditer(body):
        pos = m.end()
        for _ in range(12):
            item = WORD_ITEM.match(body, pos)
            if not item:
                break
            number = item.group(1) or item.group(2)
            found.add(_exemption(number, item.group(3)))
            if number == "3":
                b3_at.append(m.start())
            sep = WORD_SEPARATOR.match(body, item.end())
            if not sep:
                break
            pos = sep.end()
    for m in BARE_SEVEN.finditer(body):
        found.add(_exemption("7", m.group(1) or m.group(2)))
        pos = m.end()
        for _ in range(6):  # "(7)(A) and (7)(C)", "7(A), (C)": the list goes on
            more = BARE_SEVEN_MORE.match(body, pos)
            if not more:
                break
            found.add(_exemption("7", more.group(1)))
            pos = more.end()
    for m in SEVEN_A_GROUND.finditer(body):  # the records asked for are an open case's, exempt
        sentence = _sentence_around(body, m.start(), m.end())
        if not (IF_WORD.search(sentence) or LAW_SPEAKS.search(sentence) or CITED.search(sentence)):
            found.add("b7A")
    for m in ORDINAL_FORM.finditer(body):
        number = str(ORDINALS.index(m.group(1).lower()) + 1)
        found.add(_exemption(number, None))
        if number == "3":
            b3_at.append(m.start())
    for m in SEVEN_A_WORDS.finditer(body):  # Exemption 7(A) in its words, applied to the records asked for
        sentence = _sentence_around(body, m.start(), m.end())
        general = IF_WORD.search(sentence) or LAW_SPEAKS.search(sentence)
        if REQUESTED_RECORDS.search(sentence) and not general:
            found.add("b7A")
    if any(code.startswith("b7") and len(code) == 3 for code in found):
        found.discard("b7")
    statutes: dict[str, int] = {}
    for at in sorted(b3_at)[:MAX_B3]:
        window = body[max(0, at - 150) : at + 350]
        for s in STATUTE.finditer(window):
            if s.group("title"):
                name = f"{int(s.group('title'))} U.S.C. {s.group('sec')}"
            else:
                name = f"26 U.S.C. {s.group('irc') or s.group('irc2')}"
            if name not in ("5 U.S.C. 552", "5 U.S.C. 552a"):
                statutes.setdefault(name, at + s.start())
    order = sorted(found, key=lambda code: (int(code[1]), code[2:]))
    return tuple(order), tuple(sorted(statutes, key=statutes.__getitem__))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end], looked for within a few hundred characters."""
    before = re.split(r"[.!?]\s", text[max(0, start - 400) : start])[-1]
    after = re.split(r"[.!?](?:\s|$)", text[end : end + 200])[0]
    return before + text[start:end] + after


# The records the request asked for, as a withholding sentence names them.
REQUESTED_RECORDS = any_of(
    r"\b(?:records?|documents?|pages?|materials?|information)\s+(?:you\s+(?:have\s+)?(?:requested|seek|sought)"
    r"|(?:that\s+(?:are|were)\s+)?responsive|requested)\b",
    r"\b(?:responsive|requested|these|those|such)\s+(?:\w+\s+)?(?:records|documents|pages|materials)\b",
)
# Exemption 7(A) in the statute's words, said of the records asked for: "there is a pending or
# prospective law enforcement proceeding relevant to these responsive records, and release of the
# information could reasonably be expected to interfere with enforcement proceedings".
SEVEN_A_WORDS = any_of(
    r"\b(?:pending|prospective|ongoing|open)\b(?:\s+\S+){0,4}?\s+(?:law\s+)?enforcement\s+(?:proceedings?|investigations?)\b"
    r"(?:\s+\S+){0,30}?\s+could\s+reasonably\s+be\s+expected\s+to\s+interfere\s+with\s+(?:\w+\s+){0,2}?"
    r"enforcement\s+proceedings\b",
    r"\b(?:release|disclosure|production)\s+of\s+(?:the|these|this|such|those)\s+(?:\S+\s+){0,6}?could\s+reasonably\s+"
    r"be\s+expected\s+to\s+interfere\s+with\s+(?:pending\s+|ongoing\s+|prospective\s+)?enforcement\s+proceedings\b",
)
# Exemption 7(A)'s ground said of the records asked for when the extraction lost the citation:
# "the records responsive to your request are part of an ongoing investigation and thus exempt
# from disclosure pursuant to 5 U.S.C. 552" (a sentence that cites an exemption says which).
SEVEN_A_GROUND = any_of(
    r"\b(?:records?|documents?|files?|information|materials?)\b(?:\s+\S+){0,8}?\s+(?:are|is|were|was)\s+"
    r"(?:\w+\s+){0,2}?(?:part\s+of|related\s+to|compiled\s+(?:for|in|during))\s+(?:an?|the)\s+"
    r"(?:ongoing|open|pending|active)\s+(?:[\w-]+\s+){0,2}?(?:investigation|enforcement\s+proceeding)s?\b"
    r"(?:\s+\S+){0,4}?\s+(?:exempt|withh[eo]ld)\w*\b",
)
CITED = re.compile(r"\(\s*b\s*\)\s*\(|\bexemptions?\s+\(?[1-9]|\bb\s?\(?[1-9]\b", re.I)
# What the law says of every request, not what this letter applies: "Exemption 7(A) protects …".
LAW_SPEAKS = any_of(r"\b(?:protects?|permits?|allows?|authorizes?)\b", r"\bgenerally\b", r"(?-i:\bmay\b)")
