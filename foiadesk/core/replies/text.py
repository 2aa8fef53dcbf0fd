"""The rules are written against a letter's wording, so its text is made alike first: compatibility
forms folded, OCR's slips that change meaning mended, the quoted message and the standard
enclosures set apart, and the letter cut into sentences (the layout's own accidents are
``layout.tidy``'s)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from foiadesk.core.replies import layout
from foiadesk.core.replies.ocr_words import mend_words


def normalise(text: str) -> str:
    """Compatibility forms (ligatures, non-breaking spaces) folded, curly quotes made
    straight, the layout's accidents taken out (``layout.tidy``: fax header lines, doubled and
    lost spaces, a subject line or salutation a re-flow ran in), a tracking number or word
    broken across a line joined again, and the OCR slips that change meaning mended: "(b)(l)"
    is (b)(1), "(b)(7)E)" is (b)(7)(E), "(b}(6" is (b)(6), "June 2l, 2O16" and "June 21, 201 6" are
    June 21, 2016, "ofInformation" is two words, "con?rm" (a ligature the
    text extractor lost) is "confirm", "with held" and "withheldin" are "withheld" and
    "withheld in" (``ocr_words``); lone page numbers, "Page 2 of 5" and Bates stamps dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    # a page break (pdftotext's form feed) ends a line: the next page's heading starts one
    text = layout.tidy(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    text = re.sub(r"(?<=[A-Za-z0-9])-[ \t]*\n[ \t]*(?=[A-Z0-9])", "-", text)
    text = LINE_BROKEN_NUMBER.sub("-", text)
    text = mend_words(HYPHENATED.sub(r"\1", text))
    text = OCR_FOIA.sub(_foia_mended, text)
    text = OCR_FOJA.sub("FOI", text)
    text = OCR_CITE_JOINED.sub(" ", text)
    text = OCR_ONE.sub("(b)(1)", text)
    text = OCR_SHORT_ONE.sub("b(1)", text)
    text = OCR_SUBPART.sub(lambda m: f"{m[1]}({m[2] or m[3]})", text)
    text = OCR_BRACE.sub(r"\1)", text)
    text = OCR_CITE_BRACKETS.sub(_cite_mended, text)
    text = OCR_B_X.sub("(b)", text)
    text = OCR_JOINED.sub(r"\1 ", text)
    text = OCR_DIGIT_ONE.sub("1", text)
    text = OCR_DIGIT_ZERO.sub("0", text)
    text = OCR_PAREN_ZERO.sub("0", text)
    text = OCR_STAMP_MONTH.sub(lambda m: m[0].replace("0", "O"), text)
    text = OCR_DATE_PARTED.sub(r"\1 ", text)
    text = OCR_STAMP_DAY.sub(r"\g<1>0", text)
    text = _dates_mended(text)
    text = OCR_LIGATURE.sub("fi", text)
    text = OCR_FEE.sub(r"fee\1", text)
    return PAGE_FURNITURE.sub("", text)


# A number a line end broke in ways the plain "-\n" join above does not take: the hyphen set apart
# or as an en dash ("HQ-2016 -\n00123", "HQ-2016–\n00123"), a blank line OCR put after it
# ("HQ-2016-\n\n00123-F"), or the hyphen carried to the next line ("HQ-2016\n-00123-F"). Only
# between a capital or digit and three digits, so prose ("in 2016 -\nThe office"), a bulleted
# list ("- 2017") and a date range across lines are left as they are.
LINE_BROKEN_NUMBER = re.compile(
    r"(?<=[A-Z0-9])(?:[ \t]?[-–][ \t]{0,8}\n(?:[ \t]{0,8}\n)?[ \t]{0,8}|[ \t]{0,8}\n[ \t]{0,8}-)(?=\d{3})"
)
# A word a typewriter or a scan broke at the line's end ("This acknowl-\nedges receipt", "Informa-\ntion
# Act") is one word; a compound's own hyphen ("third-\nparty", "non-\nresponsive") stays.
COMPOUND_HEADS = (
    "third|non|self|co|pre|re|sub|multi|inter|intra|cross|long|short|full|part|first|well|so|e|anti|post|fee"
    "|case|law|follow|high|low|in|on|off|under|over|out|up|down|all|one|two|three|four|five|ten|twenty|year"
    "|day|page|line|time|x|ex|semi|quasi|mid"
)
HYPHENATED = re.compile(
    rf"(?<![A-Za-z])(?!(?:{COMPOUND_HEADS})-)([A-Za-z][a-z]+)-[ \t]*\n[ \t]*(?=[a-z]{{2}})"
)
# "FOlA", "F0IA", "FO!A": the word FOIA (or FOIPA) with OCR's l, L, 1, | or ! for I, 0 for O. Inside
# a number in digits and capitals ("F01A-85-613") it is left as printed, like every tracking
# number; "FOlA-85-613" is mended, or its lower-case l would make it no number at all.
OCR_FOIA = re.compile(r"\bF(?:[O0][l1|!L]|0I)(?=P?A(?![A-Za-z]))")
NUMBER_TAIL = re.compile(r"P?A-\d")


def _foia_mended(m: re.Match) -> str:
    printed = m.group(0)
    in_number = NUMBER_TAIL.match(m.string, m.end()) and re.fullmatch(r"[A-Z0-9]+", printed)
    return printed if in_number else "FOI"


# "FOJA": OCR's J for the I of FOIA (or FOIPA), read as FOIA where the word stands in a FOIA
# context: in capitals, as a word of its own, before a word a request's label or a number ("FOJA
# Control No.", "FOJA request", "FOJA 2016-0534") or in parentheses after the Act's name
# ("Freedom of Information Act (FOJA)"). Lower case "foja" (a page of a file in Spanish) and a FOJA
# with nothing of a request about it stay as printed.
OCR_FOJA = re.compile(
    r"\bFOJ(?=P?A[ \t]+(?:(?i:requests?|control|case|appeals?|office|officer|liaison|log|number|no\b|nos\b)"
    r"|#|\d))"
    r"|(?<=Act[ \t]\()FOJ(?=P?A\))|(?<=Act\n\()FOJ(?=P?A\))"
)
# "exemptions(b)(1)", "under(b)(6)": a word run into the citation; "552a(b)(1)" keeps its subsection.
OCR_CITE_JOINED = re.compile(r"(?<=[A-Za-z]{3})(?=\(\s*b\s*\)\s*\(\s*[\dlI])")
OCR_ONE = re.compile(r"\(\s*b\s*\)\s*\(\s*[lI|!]\s*\)")
# the short form too: "exemptions b(l), b(3), and b(6)"
OCR_SHORT_ONE = re.compile(r"(?<![A-Za-z0-9(/])b\s?\(\s*[lI|!]\s*\)")
OCR_SUBPART = re.compile(r"(\(\s*b\s*\)\s*\(\s*7\s*\))(?:[ \t]*([A-Fa-f])\)|([A-Fa-f])(?![A-Za-z(]))")
# "(b)(6}" and "(b)(6]": OCR read the closing parenthesis as a brace or bracket.
OCR_BRACE = re.compile(r"(\(\s*b\s*\)\s*\(\s*\d\s*)[}\]]")
# A citation whose parentheses OCR read as braces or brackets, or lost at its end: "{b)(6)", "(b}(6)",
# "(b)[6]", "(b)(7)[C]", "(b)(6 and", "(b)(7)(C," and a 5 read as S ("(b)(S)"). Only a cite written
# without spaces, with the b's own closing mark, a digit of an exemption and nothing run on after it,
# so "(b) (6 pages)", "552a(b)(1)" (the Privacy Act's subsection) and "(b)(10)" stay.
OCR_CITE_BRACKETS = re.compile(
    r"(?<![A-Za-z_(\[{])[(\[{]?b[)\]}][(\[{](?:([1-9])[)\]}]?|(S)[)\]}])(?:[(\[{]([A-Fa-f])[)\]}]?)?(?![\w)\]}(\[{])"
)


def _cite_mended(m: re.Match) -> str:
    sub = f"({m[3]})" if m[3] else ""
    return f"(b)({m[1] or '5'}){sub}"


# "(bX(6)": the parenthesis after the b read as an X.
OCR_B_X = re.compile(r"\(\s*b\s*[Xx](?=\s*\(\s*\d\s*\))")
OCR_JOINED = re.compile(
    r"\b(of|the|and|for|to|in|on)(?=(?:Information|Homeland|Investigation|Justice|State|Privacy|Freedom)\b)"
)
# A letter I or l between digits, or right after "07-" before digits, is a one ("NGC07-I03",
# "2l13"), and so is an l that starts a number ("FOIPA Request No.: l234567-000"); a capital O
# between digits is a zero. "lee"/"lees" before the words a fee takes ("no lees are being
# assessed", "lee waiver") is OCR's "fee".
OCR_DIGIT_ONE = re.compile(r"(?<=\d)[Il](?=\d)|(?<=\d-)[Il](?=\d{2})|(?<![A-Za-z0-9(-])l(?=\d{4})")
OCR_DIGIT_ZERO = re.compile(r"(?<=\d)O(?=\d)")
# "2()17": OCR's empty parentheses between digits are a zero.
OCR_PAREN_ZERO = re.compile(r"(?<=\d)\(\)(?=\d)")
# A date stamp in capitals, OCR'd: a zero for the O of its month ("0CT 30 2017", "N0V 3 2016"), and
# a capital O for a zero of its day, often split from the other digit ("OCT 3 O 2017", "MAY O5 2015").
# Only next to a month and before a year, so "Room 3 O" or "3 OR 2017" are left alone.
OCR_STAMP_MONTH = re.compile(r"\b(?:0CT(?:OBER)?|N0V(?:EMBER)?)(?=\.?[ \t]+[\dO]{1,2}\b)")
OCR_STAMP_DAY = re.compile(
    r"\b((?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?\s+(?:[1-3][ ]?)?)O"
    r"(?=(?:[ ]?\d)?,?\s+(?:19|20)\d\d\b)"
)
# A date a scan's line break parted with a blank line ("on August\n\n11, 2026"): OCR took the
# wrapped line for a new paragraph, and the sentence, with the date it gives, would be cut in two.
OCR_DATE_PARTED = re.compile(
    r"\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\.?)"
    r"[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[0-3]?\d,?[ \t]+(?:19|20)\d\d\b)"
)


# A date whose digits OCR read as letters or split with a space: "June 2l, 2O1O", "JUN 22 2Ol6",
# "March 4, 201 6", "May 9, 20 16". Day and year each as long as their digits, at most one space
# inside the year, and the result kept only when it is a real date whose year is within
# ``NEAR_YEARS`` of another year the letter prints or mends (when it has one) or stands alone on its
# line (a letter's date line), so "May I 2016" (no digit in the day), "March 4, 20 16-page" and a
# year in a sentence far from the letter's others stay as printed.
OCR_DATE = re.compile(
    r"\b((?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?[ \t]+)"
    r"([0-3lIO]?[0-9lIO])(,?[ \t]{1,3})([12lI][ ]?[0-9OolI][ ]?[0-9OolI][ ]?[0-9OolI])(?![\w-])"
)
DIGIT_ALIKE = str.maketrans("OolI", "0011")
CLEAN_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])")
NEAR_YEARS = 10  # a letter's dates lie within a few years of each other and of the laws it cites


def _dates_mended(text: str) -> str:
    mended = {m.start(): digits for m in OCR_DATE.finditer(text) if (digits := _date_digits(m))}
    if not mended:
        return text
    # every year the letter prints or mends, counted once each, so a date is not its own witness
    years = Counter(int(y) for y in CLEAN_YEAR.findall(text))
    years.update(int(year) for _, year in mended.values())

    def near(year: int) -> bool:
        others = years.total() - 1
        return not others or any(
            years[y] - (y == year) > 0 for y in range(year - NEAR_YEARS, year + NEAR_YEARS + 1)
        )

    def mend(m: re.Match) -> str:
        digits = mended.get(m.start())
        if digits is None or not (near(int(digits[1])) or _alone_on_its_line(m)):
            return m[0]
        return f"{m[1]}{digits[0]}{m[3]}{digits[1]}"

    return OCR_DATE.sub(mend, text)


def _alone_on_its_line(m: re.Match) -> bool:
    """A date with nothing else on its line: a letter's date line, whatever years it names."""
    before = m.string[max(0, m.start() - 40) : m.start()].rpartition("\n")
    after = m.string[m.end() : m.end() + 40].partition("\n")
    return (
        bool(before[1] or m.start() <= 40)
        and not before[2].strip()
        and bool(after[1] or m.end() + 40 >= len(m.string))
        and not after[0].strip()
    )


def _date_digits(m: re.Match) -> tuple[str, str] | None:
    """The day and year of an OCR'd date read as digits, or None when there is nothing to mend or
    the result is no date of a letter."""
    day, year = m[2].translate(DIGIT_ALIKE), m[4].translate(DIGIT_ALIKE).replace(" ", "")
    if (day, year) == (m[2], m[4]) or not any(c.isdigit() for c in m[2]) or m[4].count(" ") > 1:
        return None
    if sum(c.isdigit() for c in m[4]) < 2 or not (1 <= int(day) <= 31 and 1950 <= int(year) < 2100):
        return None
    return day, year


# "con?rm", "noti?cation", "Of?ce": a PDF's "fi" ligature that the text extractor could not map
# comes out as "?" between two letters of a word (NFKC already folds the ligature itself).
OCR_LIGATURE = re.compile(r"(?<=[a-z])\?(?=[a-z])")
OCR_FEE = re.compile(
    r"\blee(s?)\b(?=\s+(?:waivers?|are|is|was|were|will|have|has|being|assessed|charged|due)\b)"
)
PAGE_FURNITURE = re.compile(
    r"^[ \t]*(?:Page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-|\d{1,3}"
    r"|[A-Z]{2,12}[-_ ]?0{2,}\d{2,8})[ \t]*$",
    re.M | re.I,
)  # page numbers and Bates stamps ("ICE-0001234") on lines of their own

# An e-mail reply quotes the message it answers: "> " lines, under "X wrote:". They are the
# requester's words, not the agency's ("you characterize ... as only a partial denial").
QUOTED_LINES = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)|^[^\n]{0,120}\bwrote:[ \t]*$", re.M)

QUOTE_MARK = re.compile(r"^[ \t]*>[ \t]?", re.M)


def unquoted(text: str) -> str:
    """The text without the message it quotes; but a text that is all quotation (a reply
    forwarded with "> " on every line) is the letter itself, its marks removed."""
    rest = QUOTED_LINES.sub("", text)
    return rest if re.search(r"[A-Za-z]{3}", rest) else QUOTE_MARK.sub("", text)


# Where the letter ends and its standard enclosures begin: an exemptions glossary, the
# FBI's addendum of standard responses, an "explanation of exemptions". Their "neither
# confirm nor deny" and exemption lists describe every request, not this one.
ADDENDUM = re.compile(
    r"^[ \t]*(?:(?:explanation|description|summary|list|definitions?)[ \t]+of[ \t]+(?:the[ \t]+)?)?"
    r"(?:FOIA[ \t]+|freedom[ \t]+of[ \t]+information[ \t]+act[ \t]+)?exemptions[ \t]*:?[ \t]*$"
    r"|^[ \t]*(?:FBI[ \t]+)?FOIPA[ \t]+Addendum\b"
    # run into the letter's last line: the addendum's heading before its own first words (the
    # letter's mention of "the enclosed FBI FOIPA Addendum for standard responses" is no heading)
    r"|\b(?:FBI[ \t]+)?FOIPA[ \t]+Addendum\s+(?=As\s+referenced\b|Part\s+1\b)"
    r"|^[ \t]*The[ \t]+Freedom[ \t]+of[ \t]+Information[ \t]+Act[ \t]+\(5[ \t]+U\.?S\.?C\.?[ \t]+552\)[ \t]*$"
    r"|\bThe following (?:addendum|standard responses?)\b"
    r"|^[ \t]*(?:General|Standard)[ \t]+Information[ \t]*:[ \t]*$",
    re.I | re.M,
)


def split_addenda(text: str) -> tuple[str, str]:
    """The letter itself, and the standard enclosures after it (empty if none)."""
    m = ADDENDUM.search(text, 200) if len(text) > 200 else None
    return (text[: m.start()], text[m.start() :]) if m else (text, "")


# Sentences every letter of an agency carries, whatever it decides: they must not decide
# the type ("The FOIPA Request Number listed above has been assigned" is not an
# acknowledgment), nor may the request's own words quoted back ("requesting ... the release
# of certain records") count as a release.
BOILERPLATE = re.compile(
    r"\bCongress\s+excluded\s+three\s+discrete\s+categories\b"
    r"|\bstandard\s+notification\s+that\s+is\s+given\s+to\s+all\b"
    r"|\bRequest\s+Number\s+listed\s+above\s+has\s+been\s+assigned\b"
    r"|\b(?:requesting|you\s+requested|you\s+seek|you\s+are\s+seeking|seeking)\b.{0,120}\brelease\s+of\b(?!\s+which)",
    re.I,
)

# A checkbox form's unticked line ("[ ] Your request for a fee waiver is granted.") is not said.
UNTICKED_LINE = re.compile(r"\s*(?:☐|□|❑|\[ ?\]|\( \))")
CHECKBOX = re.compile(r"(?:☐|□|❑|☒|☑|\[[ xX✓]?\]|\([ xX]\))")

ABBREVIATIONS = frozenset(
    "u.s u.s.c c.f.r no nos mr ms mrs dr st ave inc co corp e.g i.e jan feb mar apr jun jul aug "
    "sep sept oct nov dec sec pub p.o fed reg stat ct cir supp v vs a.m p.m approx rev att exh "
    "ext tel dept div ref d.c n.w s.w n.e s.e".split()
)
# A sentence ends at . ! ? and a space before a capital, or, in OCR'd text that lost the
# space, right before a capitalised word after a lower-case word ("withheld.You may"). A form's
# box starts a statement of its own wherever a re-flow put it ("RELEASED ☐ Agency records …").
BOUNDARY = re.compile(
    r"[.!?][\"')\]]*\s+(?=[A-Z0-9\"'(§$\[☐□❑☒☑])|(?<=[a-z)][.!?])(?=[A-Z][a-z]{2})"
    r"|(?<=\S)[ \t]+(?=[☐□❑☒☑][ \t]*[A-Z])"
)
MAX_SENTENCE = 2000  # a longer "sentence" is run-together text: cut it into pieces


def split_sentences(text: str) -> list[str]:
    """Sentences, with short lines (letterhead, addresses, headings) on their own."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        buffer: list[str] = []
        lines = [ln for ln in (ln.strip() for ln in block.split("\n")) if ln]
        for i, line in enumerate(lines):
            if buffer and CHECKBOX.match(line):  # each box of a form is its own statement
                out.extend(_split_line(" ".join(buffer)))
                buffer = []
            buffer.append(line)
            # a short line whose sentence goes on in lower case on the next is a wrapped line
            continued = i + 1 < len(lines) and lines[i + 1][0].islower() and not line.endswith((".", ":"))
            if (len(line) < 40 and not continued) or line.endswith(":"):
                out.extend(_split_line(" ".join(buffer)))
                buffer = []
        if buffer:
            out.extend(_split_line(" ".join(buffer)))
    return [piece for s in out if s for piece in _pieces(s)]


def _pieces(sentence: str) -> list[str]:
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    return [sentence[i : i + MAX_SENTENCE] for i in range(0, len(sentence), MAX_SENTENCE)]


def _split_line(text: str) -> list[str]:
    parts, start = [], 0
    for m in BOUNDARY.finditer(text):
        stop = m.start() if m.end() > m.start() else m.start() - 1
        before = text[max(start, stop - 40) : stop + 1].split()
        word = before[-1].rstrip(".!?\"')]").lower().lstrip("(\"'") if before else ""
        if (
            word in ABBREVIATIONS
            or (len(word) == 1 and word.isalpha())
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
        ):
            continue
        parts.append(text[start : m.end()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return parts


# Where the letterhead ends: the salutation ("Dear Ms. Roe:", "To Whom It May Concern").
SALUTATION = re.compile(r"\bDear\b|\bTo\s+Whom\b", re.I)
