"""What an agency's letter says, read by rules: a proposal for the user to accept or edit.

Deterministic and offline: regular expressions over the letter's sentences, no model and
no network, so the same letter always gives the same proposal and the user's replies never
leave the machine. Agencies write to a few well-worn templates (acknowledgment, extension,
fee estimate, still-interested, determination, appeal), and the phrases that tell them
apart are stable: "acknowledges receipt", "unusual circumstances", "neither confirm nor
deny", "withheld in part pursuant to Exemptions (b)(6) and (b)(7)(C)".

A proposal is never written by itself: ``import_reply`` turns it into events, shows what
would change, and records it only when the user accepts. Each finding keeps the sentence
it came from (``reasons``) so the review can say why.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from foiadesk.core.errors import UserError
from foiadesk.core.replies import layout
from foiadesk.core.replies.files import ReplyFile
from foiadesk.core.replies.kinds import DATE_NAMES as DATE_NAMES
from foiadesk.core.replies.kinds import REPLY_LABELS as REPLY_LABELS
from foiadesk.core.replies.kinds import REPLY_TYPES as REPLY_TYPES


@dataclass(frozen=True)
class Proposal:
    """What a reply seems to say. Edit with ``dataclasses.replace``."""

    reply_type: str = "other"
    letter_date: date | None = None
    tracking_numbers: tuple[str, ...] = ()  # exactly as written, in the order they appear
    exemptions: tuple[str, ...] = ()  # b1 … b9, with b7's subparts: ("b5", "b6", "b7C")
    b3_statutes: tuple[str, ...] = ()  # statutes cited with Exemption 3, e.g. "26 U.S.C. 6103"
    fee_amount: Decimal | None = None
    fee_meaning: str | None = None  # estimate | assessed | over_cap | none (no fee charged)
    dates: dict[str, date] = field(default_factory=dict)  # named by DATE_NAMES
    referred_to: str | None = None
    request_routed: bool = False  # the whole request went to another office (not some records)
    extension: bool = False  # the letter invokes unusual circumstances
    expedite: str | None = None  # granted | denied
    fee_waiver: str | None = None  # granted | denied
    appeal_outcome: str | None = None  # granted | partly_granted | denied | remanded
    interim: bool = False  # a release with more to come
    acknowledges: bool = False  # it also acknowledges receipt of the request
    no_text: bool = False  # nothing could be read (a scan): the user fills it in
    reasons: tuple[tuple[str, str], ...] = ()  # (finding, the sentence it came from)

    def as_json(self) -> dict:
        """The proposal as ``foiadesk parse-reply --json`` prints it."""
        return {
            "letter_date": _iso(self.letter_date),
            "reply_type": self.reply_type,
            "tracking_numbers": list(self.tracking_numbers),
            "exemptions": list(self.exemptions),
            "fee_amount": float(self.fee_amount) if self.fee_amount is not None else None,
            "fee_meaning": self.fee_meaning,
            "dates": {name: self.dates[name].isoformat() for name in DATE_NAMES if name in self.dates},
            "referred_to": self.referred_to,
            "b3_statutes": list(self.b3_statutes),
            "extension": self.extension,
            "expedite": self.expedite,
            "fee_waiver": self.fee_waiver,
            "appeal_outcome": self.appeal_outcome,
            "interim": self.interim,
            "no_text": self.no_text,
        }

    def reason(self, finding: str) -> str | None:
        return next((text for name, text in self.reasons if name == finding), None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_reply(
    reply: ReplyFile, *, deadline: float | None = None, check: Callable[[], None] | None = None
) -> Proposal:
    """The proposal for a file read by ``replies.read_reply``."""
    return parse_text(
        reply.text, sent_on=reply.sent_on, no_text=reply.no_text, deadline=deadline, check=check
    )


def parse_text(
    text: str,
    *,
    sent_on: date | None = None,
    no_text: bool = False,
    deadline: float | None = None,
    check: Callable[[], None] | None = None,
) -> Proposal:
    """The proposal for a letter's text. ``sent_on`` (an email's date) stands in for the
    letter date when the text has no date of its own. Only the first ``MAX_PARSE_CHARS``
    are read (the letter is at the front; released records follow it), and every rule is
    linear in the text, so no input makes reading hang. ``deadline`` (a ``time.monotonic``
    value) stops a read that takes too long with ``ReadingTooLong``; ``check`` is called
    between steps and may raise to stop it (the window's Esc)."""
    clock = _Clock(deadline, check)
    text = _unquoted(normalise(text[:MAX_PARSE_CHARS]))
    letter, addenda = split_addenda(text)
    clock.check()
    sentences = [
        s for s in split_sentences(letter) if not BOILERPLATE.search(s) and not UNTICKED_LINE.match(s)
    ]
    found = _Findings(sentences)
    dated = _letter_date(letter)
    if dated:
        found.note("letter_date", dated[1])
    letter_date = dated[0] if dated else sent_on
    clock.check()
    numbers = find_tracking_numbers(text)
    exemptions, statutes = find_exemptions(letter)
    fee, fee_meaning = find_fee(letter)
    clock.check()
    referral = found.referral()
    reply_type = found.classify(
        referral, fee, bool(exemptions), appeal_subject=bool(APPEAL_SUBJECT.search(letter[:3000]))
    )
    if reply_type == "appeal_ack":  # it names the exemptions appealed, it applies none
        exemptions, statutes = (), ()
    dates = found.dates(letter_date)
    clock.check()
    return Proposal(
        reply_type=reply_type,
        letter_date=letter_date,
        tracking_numbers=numbers,
        exemptions=exemptions,
        b3_statutes=statutes,
        fee_amount=fee,
        fee_meaning=fee_meaning,
        dates=dates,
        referred_to=referral[0] if referral else None,
        request_routed=bool(referral and referral[1]),
        extension=found.extension is not None,
        expedite=found.decision("expedite"),
        fee_waiver=found.decision("fee_waiver"),
        appeal_outcome=found.appeal_outcome() if reply_type == "appeal_decision" else None,
        interim=reply_type in ("records_released", "partial")
        and found.first(INTERIM, skip=CONDITIONAL) is not None,
        acknowledges=found.first(ACK_STRONG) is not None,
        no_text=no_text,
        reasons=tuple(found.reasons),
    )


MAX_PARSE_CHARS = 60_000  # about 15 pages of text: the letter and then some


class ReadingTooLong(UserError):
    """Reading a reply ran past its time limit."""


class _Clock:
    def __init__(self, deadline: float | None, check: Callable[[], None] | None = None):
        self.deadline = deadline
        self.stop = check

    def check(self) -> None:
        if self.stop is not None:
            self.stop()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ReadingTooLong(
                "Reading the reply took too long and was stopped; enter its details by hand."
            )


# -- text into sentences -----------------------------------------------------------------------


def normalise(text: str) -> str:
    """Compatibility forms (ligatures, non-breaking spaces) folded, curly quotes made
    straight, the layout's accidents taken out (``layout.tidy``: fax header lines, doubled and
    lost spaces, a subject line or salutation a re-flow ran in), a tracking number or word
    broken across a line joined again, and the OCR slips that change meaning mended: "(b)(l)"
    is (b)(1), "(b)(7)E)" is (b)(7)(E), "ofInformation" is two words, "con?rm" (a ligature the
    text extractor lost) is "confirm"; lone page numbers, "Page 2 of 5" and Bates stamps dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    text = layout.tidy(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"(?<=[A-Za-z0-9])-[ \t]*\n[ \t]*(?=[A-Z0-9])", "-", text)
    text = OCR_FOIA.sub(_foia_mended, text)
    text = OCR_CITE_JOINED.sub(" ", text)
    text = OCR_ONE.sub("(b)(1)", text)
    text = OCR_SUBPART.sub(lambda m: f"{m[1]}({m[2] or m[3]})", text)
    text = OCR_BRACE.sub(r"\1)", text)
    text = OCR_B_X.sub("(b)", text)
    text = OCR_JOINED.sub(r"\1 ", text)
    text = OCR_DIGIT_ONE.sub("1", text)
    text = OCR_DIGIT_ZERO.sub("0", text)
    text = OCR_PAREN_ZERO.sub("0", text)
    text = OCR_LIGATURE.sub("fi", text)
    text = OCR_FEE.sub(r"fee\1", text)
    return PAGE_FURNITURE.sub("", text)


# "FOlA", "F0IA", "FO!A": the word FOIA (or FOIPA) with OCR's l, L, 1, | or ! for I, 0 for O. Inside
# a number in digits and capitals ("F01A-85-613") it is left as printed, like every tracking
# number; "FOlA-85-613" is mended, or its lower-case l would make it no number at all.
OCR_FOIA = re.compile(r"\bF(?:[O0][l1|!L]|0I)(?=P?A(?![A-Za-z]))")
NUMBER_TAIL = re.compile(r"P?A-\d")


def _foia_mended(m: re.Match) -> str:
    printed = m.group(0)
    in_number = NUMBER_TAIL.match(m.string, m.end()) and re.fullmatch(r"[A-Z0-9]+", printed)
    return printed if in_number else "FOI"


# "exemptions(b)(1)", "under(b)(6)": a word run into the citation; "552a(b)(1)" keeps its subsection.
OCR_CITE_JOINED = re.compile(r"(?<=[A-Za-z]{3})(?=\(\s*b\s*\)\s*\(\s*\d)")
OCR_ONE = re.compile(r"\(\s*b\s*\)\s*\(\s*[lI|!]\s*\)")
OCR_SUBPART = re.compile(r"(\(\s*b\s*\)\s*\(\s*7\s*\))(?:[ \t]*([A-Fa-f])\)|([A-Fa-f])(?![A-Za-z(]))")
# "(b)(6}" and "(b)(6]": OCR read the closing parenthesis as a brace or bracket.
OCR_BRACE = re.compile(r"(\(\s*b\s*\)\s*\(\s*\d\s*)[}\]]")
# "(bX(6)": the parenthesis after the b read as an X.
OCR_B_X = re.compile(r"\(\s*b\s*[Xx](?=\s*\(\s*\d\s*\))")
OCR_JOINED = re.compile(
    r"\b(of|the|and|for|to|in|on)(?=(?:Information|Homeland|Investigation|Justice|State|Privacy|Freedom)\b)"
)
# A letter I or l between digits, or right after "07-" before digits, is a one ("NGC07-I03",
# "2l13"); a capital O between digits is a zero. "lee"/"lees" before the words a fee takes
# ("no lees are being assessed", "lee waiver") is OCR's "fee".
OCR_DIGIT_ONE = re.compile(r"(?<=\d)[Il](?=\d)|(?<=\d-)[Il](?=\d{2})")
OCR_DIGIT_ZERO = re.compile(r"(?<=\d)O(?=\d)")
# "2()17": OCR's empty parentheses between digits are a zero.
OCR_PAREN_ZERO = re.compile(r"(?<=\d)\(\)(?=\d)")
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


def _unquoted(text: str) -> str:
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
# space, right before a capitalised word after a lower-case word ("withheld.You may").
BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9\"'(§$\[☐□❑☒☑])|(?<=[a-z)][.!?])(?=[A-Z][a-z]{2})")
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


# -- dates -------------------------------------------------------------------------------------

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A day OCR split in two ("JUN 2 2 2013") and a year without a space after the comma
# ("February 1,2010") are still dates.
DAY = r"(?:\d[ ]\d(?=,?\s*\d{4})|\d{1,2})"
# A year may be cut to two digits after an apostrophe ("26 November '96").
YEAR = r"(?:\d{4}|'\d{2})(?!\d)"
# A date stamp may print a dash before the year ("MAY 5 - 2006"), and OCR may put a period
# where the space after the month was ("September.30, 2016").
DATE = (
    rf"(?:{MONTH}(?:\s+|(?<=\.)){DAY}(?:st|nd|rd|th)?(?:[ ]?[,.]?\s*|[ ]+[-–][ ]*){YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+{YEAR}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2})"
)
DATE_RE = re.compile(DATE, re.I)
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
DATE_LINE = re.compile(rf"^[ \t]*(?:Date(?:d)?[ \t]*:?[ \t]*)?{WEEKDAY}?({DATE})[ \t]*$", re.I | re.M)
YEARS = range(1950, 2100)


def to_date(text: str) -> date | None:
    """A date as letters write it ("November 3, 2026", "11/03/2026", "3 November 2026",
    "2026-11-03", OCR's "JUN 2 2 2013"), or None when it is not a real date."""
    text = re.sub(r"\b(\d) (\d)\b", r"\1\2", text.strip())
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text):
            # a two-digit year of 50 or more is last century's ("04/07/76"), as with "'96"
            year = int(m[3]) + ((1900 if int(m[3]) >= 50 else 2000) if len(m[3]) == 2 else 0)
            day = date(year, int(m[1]), int(m[2]))
        else:
            words = re.findall(r"[A-Za-z]+|\d+", text)
            month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS)
            numbers = [int(w) for w in words if w.isdigit()]
            d, year = (numbers[0], numbers[1]) if numbers[0] < 100 else (numbers[1], numbers[0])
            if re.search(r"'\d{2}$", text):  # '96 is 1996, '07 is 2007
                year += 1900 if year >= 50 else 2000
            day = date(year, month, d)
    except (ValueError, IndexError, StopIteration, OverflowError):
        return None
    return day if day.year in YEARS else None


def find_letter_date(text: str) -> date | None:
    """The date on the letter, wherever the letterhead puts it (see ``_letter_date``)."""
    dated = _letter_date(normalise(text))
    return dated[0] if dated else None


# Words that make a date in the letterhead someone else's: "your letter dated", "received
# on", "request of", "since", "through" ...
NOT_LETTER_DATE = re.compile(
    r"\b(?:dated|of|on|received|receipt|since|through|thru|from|to|until|by|between|and|before|after|in|"
    r"effective|letter|request|memo(?:randum)?|your|our|the|filed|amended|as\s+of|submitted|requested|due|"
    r"regarding|concerning|about|for|during|at|around|circa|following|created|issued|signed|"
    # an order is dated by its release, not by the day it was voted ("Adopted: … Released: …")
    r"adopted)\s*[:,]?\s*$",
    re.I,
)
SALUTATION = re.compile(r"\bDear\b|\bTo\s+Whom\b", re.I)


def _letter_date(text: str) -> tuple[date, str] | None:
    """The letter's own date: a date alone on a line of the letterhead, else the first date
    in the letterhead that no "dated", "received on" or "of" claims ("…Mail Stop 0655
    August 18, 2017 Austin Evers…"), else a date line anywhere. The letterhead ends at the
    salutation, or after 1,200 characters."""
    salute = SALUTATION.search(text, 0, 3000)
    head = text[: salute.start()] if salute else text[:1200]
    dated = _date_line(head)
    if dated:
        return dated
    for m in DATE_RE.finditer(head):
        if NOT_LETTER_DATE.search(head[max(0, m.start() - 30) : m.start()]):
            continue
        day = to_date(m.group(0))
        if day is not None:
            line_start = head.rfind("\n", 0, m.start()) + 1
            return day, head[line_start : m.end() + 40].split("\n")[0].strip()
    dated = _date_line(text)
    mil = MILITARY_DATE.search(head)
    if dated is None and mil and not NOT_LETTER_DATE.search(head[max(0, mil.start() - 30) : mil.start()]):
        year = int(mil.group(3))
        day = to_date(f"{mil.group(2)} {mil.group(1)}, {year + (1900 if year >= 50 else 2000)}")
        if day is not None:
            return day, mil.group(0)
    return dated


# The military style in a letterhead, "20 Mar 15": day, three-letter month, two-digit year.
MILITARY_DATE = re.compile(
    r"(?<![\w/-])(\d{1,2})\s((?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\s(\d{2})(?![\w/-])"
)


def _date_line(text: str) -> tuple[date, str] | None:
    for m in DATE_LINE.finditer(text):
        # a re-wrapped "your letter of\nApril 20, 2000" puts another date alone on a line
        if NOT_LETTER_DATE.search(text[max(0, m.start(1) - 30) : m.start(1)]):
            continue
        day = to_date(m.group(1))
        if day is not None:
            return day, m.group(0).strip()
    return None


NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
WITHIN_DAYS = re.compile(
    r"\bwithin\s+(?P<n>\d{1,3}|five|ten|fifteen|twenty|thirty|forty-five|sixty|ninety)"
    r"(?:\s*\(\d{1,3}\))?\s+(?P<unit>calendar\s+|working\s+|business\s+)?days?\s+"
    r"(?:of|from|after)\s+(?:the\s+date\s+of\s+)?this\s+(?:letter|notice|e-?mail|correspondence)",
    re.I,
)


def _days_after(letter: date, count: int, unit: str) -> date | None:
    if "working" in unit or "business" in unit:
        from foiadesk.core.deadlines.calendar import calendar

        try:
            return calendar().add_working_days(letter, count)
        except Exception:  # noqa: BLE001 - outside the calendar's years: no date proposed
            return None
    return letter + timedelta(days=count)


# -- tracking numbers --------------------------------------------------------------------------

TOKEN = r"[A-Z0-9]+(?:[-/_.][A-Z0-9]+)*"
# After a label, OCR may read a digit as one lower-case letter between digits ("FOIA # 12i840");
# the number is kept as printed.
OCR_TOKEN = r"\d+[a-z]\d+"
# The Justice Department's one-letter suffix, part of its numbers: "OLA/14-01844 (F)".
LETTER_SUFFIX = r"(?:[ ]?\([A-Z]\)(?![ ]?\())?"
# A number printed with spaced dashes after a label: "CASE NUMBER 2009 -0016",
# "RE: 16 FOI – 00056; 17 – App – 00001" (kept as printed).
SPACED_TOKEN = (
    r"\d{2,4}(?:[ ][A-Za-z]{2,4})?(?:[ ]+[-–—][ ]*|[ ]*[-–—][ ]+)"
    r"(?:[A-Za-z]{2,4}(?:[ ]*[-–—][ ]*))?\d{3,6}(?![\d])"
)
# OCR may read a speck before a dash as an apostrophe ("NRC-2019'-000072"); after a label the
# number is kept as printed.
MARKED_TOKEN = r"[A-Z0-9]+(?:-[A-Z0-9]+)*'-[A-Z0-9]+(?:-[A-Z0-9]+)*"
# Labels agencies put before their number; each repetition is bounded so that a text of
# "Request Request Request …" cannot make the pattern backtrack over itself.
LABELLED = re.compile(
    r"(?i:(?:(?:FOIA|FOIPA|FOIA/PA|FOI/PA|Privacy\s+Act|PA|Appeals?|Request|Case|Tracking|Control|Reference|"
    r"Referral|Consultation|Ticket|Confirmation|Log)\s+){1,3}(?:Numbers?|Nos?\.?|Num\.?|ID)"
    r"|(?:FOIA|FOIPA|FOI/PA|Request|Case|Appeal|Tracking|Control|Log)\s*#"
    r"|(?:FOIA|FOIPA|FOIA/PA)\s+(?:Request|Appeal|Case)"
    # the bare name before a number: "Re: FOIA 2019-820"; on an OCR'd form the box's border
    # between them reads as a lone I, l or | ("FOIA I 2016-0737")
    r"|(?-i:FOIA|FOIPA|FOIA/PA|FOI/PA)(?:[ \t]+[Il|](?=\s+\d))?(?=\s+\(?\d)"
    r"|Freedom\s+of\s+Information\s+Act\s+(?:\(FOIA\)\s+)?(?:Request|Appeal)(?:\s+(?:Number|No\.?))?"
    r"|\bRe\s*:|\bReference\s*:|\bOur\s+Ref(?:erence)?\.?\s*:"
    # "FOIA File No. 20230720-A"; the letterhead's "IN RESPONSE REFER TO:", "In reply refer to:"
    r"|(?:FOIA|FOIPA|FOIA/PA|Request)\s+File\s+(?:Number|No\.?)"
    r"|\bIn\s+(?:response|reply),?\s+refer\s+to\b"
    # a number in square brackets on a subject line: "Subject: FOIA Requests [20-OIG-171]"
    r"|(?m:^[ \t]*(?:Re|Subject)[ \t]*:(?:[^\n\[]|\n(?![ \t]*\n)){0,160}\[)"
    # "Your request number is 2021-00123", "The FOIA number for your request is …"
    r"|(?:FOIA|FOIPA|Request|Case|Tracking|Reference|Control|Log|Appeal|Confirmation)\s+(?:Number|No\.?)\s+"
    r"(?:for\s+(?:your|this|the)\s+(?:\w+\s+)?(?:request|appeal)\s+)?(?:is|was|will\s+be)"
    # "designated on appeal as No. 18-00609-APPS"
    r"|(?:designated|numbered|docketed)\s+(?:on\s+appeal\s+)?as\s+(?:Number|No\.?)"
    r"|(?:assigned|given)\s+(?:it\s+)?(?:the\s+)?(?:following\s+)?(?:(?:FOIA|request|tracking|reference|case|control|appeal|log)\s+){0,3}"
    r"(?:number|no\.?)?)"
    # one way through the gap after the label ("\s*[:#.]?\s*" backtracks on long blank runs)
    rf"\s*(?:[:#.,]\s*)?(?:\(?(?P<n1>{SPACED_TOKEN}|{MARKED_TOKEN}|{TOKEN}{LETTER_SUFFIX}|{OCR_TOKEN})(?![A-Za-z0-9])\)?)"
)
# More numbers after a labelled one: "Re: FOIA Nos. 2019-001, 2019-002", "16 FOI – 00056; 17 – App – 00001"
LABELLED_MORE = re.compile(rf"[ \t]*(?:[;,&]|\band\b)[ \t]*(?P<n1>{SPACED_TOKEN}|{TOKEN})(?![A-Za-z0-9])")
# Labels that name a request or an appeal (not "Case", which courts use too): after them a
# number shaped like a docket is the agency's ("DEA Appeal Number: 14-00071-AP").
REQUEST_LABEL = re.compile(r"\b(?:FOIA|FOIPA|Appeal|Request|Tracking)\b", re.I)
YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")
DOCKET_SHAPE = re.compile(r"\d{2}-\d{3,5}-[A-Z]{2,4}")
# A label that names a number ("Case Number", "FOIA Case:", "Freedom of Information Act
# Request") vouches for a five-digit number (NSA's "FOIA Case: 41517") and for one shaped
# like an FBI file number.
NUMBER_LABEL = re.compile(r"\b(?:number|no|num|case|control|request)\b|#|\[$", re.I)
# Agency styles seen without a label: 2026-ICFO-41872, 2026-IRS-FOIA-001234, F-2026-00417,
# F26-123456, FOIA-2027-00118, EMRUFOIA0712-26, DOJ-AP-2026-000123.
# The office's prefix joined by a slash stays part of the number: "FOIA/PA-2013-00018A".
SHAPED = re.compile(r"(?<![A-Za-z0-9/-])(?:[A-Z]{2,5}/)?[A-Z0-9]+(?:-[A-Z0-9]+)+(?![A-Za-z0-9]|-[A-Za-z0-9])")
# An office's code and a space before the number, after the word Request: "Freedom of
# Information Act Request IMRO 2009-145" (not FOIA, PA or a label word, which are no code).
CODED_REQUEST = re.compile(
    r"\bRequest[ \t]+(?P<n1>(?!(?:FOIA|FOIPA|FOI|PA|NO|NOS|NUMBER|ID)\b)[A-Z]{2,6}[ ](?:19|20)\d\d-\d{2,6})"
    r"(?![A-Za-z0-9-])"
)
# More numbers after any found one, in the same shape as its last parts: "F01A-86-53, 86-54,
# and 86-55" are three requests.
SIBLING = re.compile(
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+|&[ \t]*)(?P<n1>\d+(?:-\d+)+)(?![A-Za-z0-9-])"
)


def _formats() -> dict:
    import json

    from foiadesk.core.paths import RESOURCES

    return json.loads((RESOURCES / "reply_formats.json").read_text(encoding="utf-8"))


FORMATS = _formats()


def _any_space(pattern: str) -> str:
    """A space in a shape is any one white-space character, so a shape still matches when a
    re-flow breaks the line at that space ("FAPL" at a line's end, "H225675" on the next); one
    character for one, so a lookbehind keeps its width."""
    return pattern.replace(" ", r"\s")


# Each component's own number shapes (resources/reply_formats.json), found without a label:
# 2010FOIA4313, COW2013000023, NGC12-173, 1363925-000.
COMPONENT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9-])(?:"
    + "|".join(f"(?:{_any_space(f)})" for c in FORMATS["components"].values() for f in c["formats"])
    + "|"
    + "|".join(f"(?:{_any_space(f)})" for f in FORMATS["formats_any_agency"])
    + r")(?![A-Za-z0-9]|-[A-Za-z0-9])"
)
# Dockets, FBI file numbers, investigation numbers, dates, telephone numbers and ZIP+4
# codes have a tracking number's shape but are not one; nor is a number right after
# "Civil Action No." or "File Number".
NOT_TRACKING = re.compile("|".join(f"(?:{p})" for p in FORMATS["not_tracking"]))
NOT_TRACKING_UNLESS_LABELLED = re.compile(
    "|".join(f"(?:{p})" for p in FORMATS["not_tracking_unless_labelled"])
)
NOT_TRACKING_AFTER = re.compile(
    r"(?:" + "|".join(map(_any_space, FORMATS["not_tracking_after"])) + r")\s*[:#.]?\s*$", re.I
)


# Appeal offices number their appeals from one: "Appeal No. 1789" is four digits, not a year.
APPEAL_NUMBER = re.compile(r"\bAppeal\s+(?:No\.?|Number|#)\s*[:#.]?\s*$", re.I)


def _short_appeal(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and int(token) not in YEARS


def _is_tracking(token: str, labelled: bool, named: bool = False) -> bool:
    """At least five digits and no lower case; without a label it must also mix letters
    and a run of three digits, the way agency numbers do. Digits alone need six, or five
    after a label that names a number (``named``)."""
    digits = sum(ch.isdigit() for ch in token)
    # after a label that names a number, letters and four digits will do ("Case No. TFA-0001")
    short_ok = named and digits == 4 and bool(re.fullmatch(r"[A-Z]{2,5}-\d{4}", token))
    if short_ok:  # a Bates stamp's shape, but no Bates stamp follows "Case No."
        return True
    if NOT_TRACKING.fullmatch(token) or digits < 5 or len(token) > 40:
        return False
    if not named and NOT_TRACKING_UNLESS_LABELLED.fullmatch(token):
        return False
    if any(ch.islower() for ch in token) and not (labelled and re.fullmatch(OCR_TOKEN, token)):
        return False
    if labelled:
        return not token.isdigit() or len(token) >= (5 if named else 6)
    # an agency's style has a part that starts with a letter (2026-ICFO-41872, F26-123456);
    # "108-01-03F" is a document number a request lists, not a request's
    return bool(re.search(r"(?:^|[-/_.])[A-Z]", token)) and bool(re.search(r"\d{3}", token))


def find_tracking_numbers(text: str) -> tuple[str, ...]:
    """Tracking numbers exactly as written, in the order they first appear: those after a
    label ("Request No.", "Case number:", "case#", "Re:"), those in a known component's
    format, and those in an agency's usual style."""
    found: dict[str, int] = {}

    def take(token: str, at: int, labelled: bool, known: bool = False, named: bool = False) -> None:
        token = LABEL_TAIL.sub("", token)
        if token in found or NOT_TRACKING_AFTER.search(text[max(0, at - 30) : at]):
            return
        if known is False and APPEAL_NUMBER.search(text[max(0, at - 20) : at]) and _short_appeal(token):
            found[token] = at
            return
        shape_ok = not NOT_TRACKING.fullmatch(token) and not NOT_TRACKING_UNLESS_LABELLED.fullmatch(token)
        if known and shape_ok or _is_tracking(token, labelled, named):
            found[token] = at

    # Labels may overlap ("Re: FOIA No.: 820-2024-002593"): each search starts again where
    # the last one's number began, so "FOIA No.:" is seen after "Re:" took the word "FOIA".
    pos = 0
    while m := LABELLED.search(text, pos):
        label = text[m.start() : m.start("n1")]
        named = bool(NUMBER_LABEL.search(label.rstrip()))
        request_label = bool(REQUEST_LABEL.search(label))
        more: re.Match | None = m
        for _ in range(12):  # a list after a label is short; bounded so labels cannot rescan a long one
            if more is None:
                break
            token = more.group("n1")
            if re.search(r"\s", token):
                if sum(ch.isdigit() for ch in token) >= 5 and not YEAR_SPAN.fullmatch(token):
                    found.setdefault(token, more.start("n1"))
            elif request_label and DOCKET_SHAPE.fullmatch(token):
                found.setdefault(token, more.start("n1"))
            else:
                take(token, more.start("n1"), True, named=named)
            end = more.end("n1")
            more = LABELLED_MORE.match(text, end)
        pos = m.start("n1")
    for m in COMPONENT_NUMBER.finditer(text):
        take(m.group(0), m.start(), True, known=True)
    for m in SHAPED.finditer(text):
        take(m.group(0), m.start(), False)
    for m in CODED_REQUEST.finditer(text):
        found.setdefault(m.group("n1"), m.start("n1"))
    for token, at in list(found.items()):
        _siblings(text, token, at, found)
    salute = SALUTATION.search(text, 0, 3000)
    if salute:  # the letterhead's own "File Number:" is the office's number for the letter
        for m in LETTERHEAD_FILE.finditer(text, 0, salute.start()):
            if m.group("n1") not in found and _is_tracking(m.group("n1"), True, named=True):
                found[m.group("n1")] = m.start("n1")
    # an OCR-split number ("Ref: l 9-F-0312", "OGCA-20090 144F") leaves its tail, and its head
    # run on across one space, behind: keep the whole one
    # (each number's ends are collected once, so a text of thousands of numbers stays linear)
    ends = {o[i:] for o in found for i in range(1, len(o))}
    wholes = ends | found.keys()
    split = {t for t in found if t in ends or _split_head(text, t, found[t], wholes)}
    # a number found both bare and with its printed suffix ("OLA/14-01844 (F)"): the whole one
    split |= found.keys() & {o.partition("(")[0].rstrip() for o in found if "(" in o}
    kept = sorted((t for t in found if t not in split), key=found.__getitem__)
    # the same number printed twice, once OCR'd ("F01A-86-451" and "FOIA-86-451"): the first
    folded: set[str] = set()
    return tuple(t for t in kept if not (_ocr_fold(t) in folded or folded.add(_ocr_fold(t))))


def _ocr_fold(token: str) -> str:
    return token.upper().translate(OCR_ALIKE)


OCR_ALIKE = str.maketrans("OIL", "011")


def _siblings(text: str, token: str, at: int, found: dict[str, int]) -> None:
    """Numbers listed after ``token`` in the shape of its last parts (a short list: bounded)."""
    parts = token.split("-")
    end = at + len(token)
    for _ in range(12):
        m = SIBLING.match(text, end)
        if not m:
            return
        sibling = m.group("n1").split("-")
        shape = [len(x) for x in sibling]
        if len(sibling) >= len(parts) or shape != [len(x) for x in parts[-len(sibling) :]]:
            return
        found.setdefault(m.group("n1"), m.start("n1"))
        end = m.end("n1")


# In the letterhead, "Date: May 11, 2020 File Number: 20190427" (the Secret Service's style);
# in the body "File Number 66-HQ-3286" is a file the records sit in (see NOT_TRACKING_AFTER).
LETTERHEAD_FILE = re.compile(rf"\bFile\s+(?:Number|No\.?)[ \t]*:\s*(?P<n1>{TOKEN})(?![A-Za-z0-9])", re.I)
# A word of the label run onto the number, which a letterhead in capitals makes look like part of
# it: "FOIA Case: 41517/APPEAL 1789" is case 41517.
LABEL_TAIL = re.compile(r"(?<=\d)[-/](?:APPEALS?|REQUESTS?|CASE|RESPONSE)$")
RUN_ON = re.compile(r"[ ]([A-Z0-9]+)(?![A-Za-z0-9-])")


def _split_head(text: str, token: str, at: int, wholes: set[str]) -> bool:
    """``token`` is the head of a number OCR split at a space ("OGCA-20090 144F") when its last
    part and the piece after the space make a number found elsewhere, or its end ("20090144F")."""
    after = RUN_ON.match(text, at + len(token))
    if not after:
        return False
    joined = re.split(r"[-/_.]", token)[-1] + after.group(1)
    return len(joined) >= 6 and joined != token and joined in wholes


# -- exemptions --------------------------------------------------------------------------------

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
# (7) (E)", "Exemptions (6) and (7)(C)".
WORD_FORM = re.compile(r"\bExemptions?\s+(?=[1-9]|\(\s*[1-9]\s*\))", re.I)
WORD_ITEM = re.compile(
    r"(?:\(\s*([1-9])\s*\)|([1-9])(?!\d)(?!\s*(?:U\.?\s?S|C\.?\s?F\.?\s?R)))(?:\s*\(?([A-Fa-f])\)?(?![A-Za-z]))?"
)
WORD_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|&|or)\s+)\s*")
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
    (b)(9)" or an unticked box of a checkbox form. A bare (b)(7) next to (b)(7)(C) is the
    same citation, not another one."""
    glossary = ADDENDUM.search(text, 200) if len(text) > 200 else None
    body = text[: glossary.start()] if glossary else text
    body = UNTICKED.sub(" ", RANGE.sub(" ", _numbers_written_out(body)))
    found: set[str] = set()
    b3_at: list[int] = []
    for m in PAREN_FORM.finditer(body):
        before = body[max(0, m.start() - 8) : m.start()]
        cited = re.search(r"(\d+[a-z]?)\s*$", before)
        if cited and cited.group(1) not in ("552",):
            continue  # a subsection of another statute, e.g. 26 U.S.C. 6103(b)(2)
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


# -- fees --------------------------------------------------------------------------------------

# (not after a section sign: "5 U.S.C. § $52" is OCR's § 552)
MONEY = re.compile(r"(?<!§)(?<!§ )\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d)")
NOT_A_FEE = re.compile(
    r"(?:up to|willing to pay|agreed? to pay|exceeds?|exceeding|less than|under|below|more than|over|"
    r"minimum(?: of)?|threshold(?: of)?|at least|at a rate of|rate of|unless"
    # money the agency got or gives back is not what it asks: "We received a check ... in the amount of"
    r"|(?:received|receipt\s+of|returning|return|refund(?:ing)?)\s+(?:a\s+|your\s+)?(?:check|payment|money\s+order)\b"
    r"(?:\s+\S+){0,3}?\s+(?:in\s+the\s+amount\s+of|for))\s*$",
    re.I,
)
PER_UNIT = re.compile(r"^\s*(?:per|/|an|a)\s*(?:page|hour|hr|quarter|minute|sheet|disc|cd)", re.I)
VERB = r"(?:of|is|are|will be|would be|total(?:ing|s)?|amount(?:ing)? to|come to)"
FEE_PHRASE = re.compile(
    # "estimated fees to process your request are $…", "fee of $…", "advance payment of $…",
    # "you will owe $16.90", "will be charged $154.00", "$45.00, which exceeds"
    rf"(?:estimated|anticipated|approximate)\s+(?:total\s+)?(?:fees?|costs?|charges?)"
    rf"(?:(?:\s+[\w,]+){{0,6}}?\s+{VERB})?\s*:?\s*(?:approximately\s+)?$"
    rf"|(?:fees?|charges?|costs?)\s+{VERB}\s+(?:approximately\s+)?$"
    # "The fee for processing your request is $45.00", "will cost $80", "we will charge you $30"
    rf"|(?:fees?|charges?|costs?)\s+(?:for|to)\s+(?:[\w,]+\s+){{0,5}}?{VERB}\s+(?:approximately\s+)?$"
    r"|\b(?:will|would)\s+cost\s+(?:you\s+)?(?:approximately\s+|about\s+)?$"
    r"|\b(?:will|would|shall)\s+charge\s+(?:you\s+)?(?:a\s+fee\s+of\s+)?(?:approximately\s+)?$"
    r"|\b(?:check|money\s+order)\s+(?:[\w,]+\s+){0,3}?for\s*$"
    r"|(?:amount due|balance due|please remit|advance payment of|payment (?:of|in the amount of)"
    r"|fee estimate of|in the amount of)\s*:?\s*$"
    r"|\b(?:will|would|shall|you)\s+(?:now\s+)?owe\s+(?:approximately\s+)?$"
    r"|\b(?:be|been|are|is)\s+(?:being\s+)?(?:charged|assessed|billed)\s+(?:a\s+fee\s+of\s+)?(?:approximately\s+)?$",
    re.I,
)
# After the amount: "$45.00, which exceeds the $25.00 you agreed to pay" is a fee over the cap.
OVER_CAP_AFTER = re.compile(
    r"^\W{0,3}(?:which|this|that)?\s*(?:amount\s+)?(?:exceeds|is\s+more\s+than|is\s+over)\b", re.I
)
# "A $154.00 review fee is being assessed": the amount before the fee it is.
FEE_NAMED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(?:fees?|charges?)\s+(?:is|are|has\s+been|have\s+been|will\s+be)\s+(?:being\s+)?"
    r"(?:assessed|charged|due|owed)\b",
    re.I,
)
FEE_AFTER = re.compile(r"^\s*(?:in|for)\s+(?:\w+\s+){0,2}(?:fees?|charges?|costs?)\b", re.I)
ESTIMATE_WORDS = re.compile(
    r"estimat|anticipat|approximat|if all|potentially|would owe|will owe|could be|will cost|would cost", re.I
)
# A letter that charges nothing says so in a few ways; "the first 100 pages are free of
# charge" is the fee schedule, not this letter's fee.
NO_FEE = re.compile(
    r"\b(?:at\s+no\s+(?:charge|cost)|without\s+charge|no\s+(?:\w+\s+){0,2}?(?:fees?|charges?)\s+"
    r"(?:is|are|will\s+be|has\s+been|have\s+been)\s+(?:being\s+)?(?:assessed|charged|incurred|due)"
    r"|there\s+(?:is|are|will\s+be)\s+no\s+(?:\w+\s+){0,2}?(?:fees?|charges?)\b"
    r"|(?:fees?|charges?)\s+(?:has|have)\s+been\s+waived|no\s+fees?\s+(?:are|is)\s+(?:owed|due)"
    r"|free\s+of\s+charge|(?:fees?|charges?)\s+(?:for\s+(?:\w+\s+){0,3}?)?(?:are|is|were|was|will\s+be)\s+"
    r"(?:hereby\s+)?waived"
    # under the agency's minimum, nothing is charged: "None. Minimum fee threshold not met", "the
    # fees for your request are below our minimum", "do not exceed the minimum fee threshold"
    r"|\bminimum\s+(?:fee\s+)?threshold\s+(?:was\s+|is\s+|has\s+)?not\s+(?:been\s+)?(?:met|reached)"
    r"|\b(?:fees?|charges?|costs?)\b(?:\s+\S+){0,6}?\s+(?<!that )(?<!which )(?:is|are|was|were|falls?|fell)"
    r"\s+(?:below|under|less\s+than)\s+(?:the\s+|our\s+|its\s+|\w+'s\s+)?(?:\w+\s+)?minimum\b"
    r"|\b(?:does|do|did)\s+not\s+(?:meet|exceed|reach)\s+(?:the\s+|our\s+|its\s+|\w+'s\s+)?minimum\s+"
    r"(?:fee\s+)?(?:threshold|amount)\b)",
    re.I,
)
# A checkbox form's words are said only when their box is ticked: "☐ Fees waived." says nothing.
UNTICKED_BEFORE = re.compile(r"(?:☐|□|❑|\[ ?\]|\( \))[^☐□❑☒☑\[\]()]{0,30}$")
FEE_SCHEDULE = re.compile(
    r"\bfirst\s+(?:\d+|one\s+hundred)\s+pages\b|\bfirst\s+two\s+hours\b|\bif\b|\bunless\b", re.I
)
WORDY = re.compile(r"[A-Za-z]{2}")
FEE_MEANINGS = ("estimate", "assessed", "over_cap", "none")


def _amount(m: re.Match) -> Decimal:
    return Decimal(m.group(1).replace(",", "") + "." + (m.group(2) or "00"))


def find_fee_amount(text: str) -> Decimal | None:
    """The fee the letter asks for (see ``find_fee``)."""
    return find_fee(text)[0]


def find_fee(text: str) -> tuple[Decimal | None, str | None]:
    """The fee the letter asks for and what it is: the last "Total" line of a fee table,
    else an amount in "estimated fees of $…", "you will owe $…", "advance payment of $…";
    "estimate", "assessed", or "over_cap" when it is more than the requester agreed to pay.
    A letter that charges nothing ("provided at no charge") gives 0, "none". Rates, caps
    and thresholds ("$44.00 per hour", "up to $25", "exceed $250") are not fees. Each
    amount is judged by a bounded stretch of text around it, so the cost is linear."""
    totals = []
    for line in text.split("\n"):
        if (
            "otal" not in line
            or not re.search(r"\btotal\b", line, re.I)
            or re.search(r"\bsub-?total\b", line, re.I)
        ):
            continue
        last = None
        for m in MONEY.finditer(line):
            before = line[max(0, m.start() - 60) : m.start()]
            if not PER_UNIT.match(line, m.end()) and not (WORDY.search(before) and NOT_A_FEE.search(before)):
                last = m
        if last:
            totals.append(_amount(last))
    if totals:
        if totals[-1] == 0:
            return Decimal("0"), "none"
        return totals[-1], "estimate" if ESTIMATE_WORDS.search(text) else "assessed"
    for m in MONEY.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()].replace("\n", " ")
        if not WORDY.search(before):
            continue  # no words before it: a column of figures, not a fee in prose
        after = text[m.end() : m.end() + 60].replace("\n", " ")
        if NOT_A_FEE.search(before) or PER_UNIT.match(after):
            continue
        if (
            FEE_PHRASE.search(before)
            or FEE_NAMED_AFTER.match(after)
            or FEE_AFTER.match(after)
            and re.search(r"\bowe|charg|estimat", before, re.I)
        ):
            window = text[max(0, m.start() - 200) : m.end() + 120]
            if OVER_CAP_AFTER.match(after):
                return _amount(m), "over_cap"
            if _amount(m) == 0:
                return Decimal("0"), "none"
            return _amount(m), "estimate" if ESTIMATE_WORDS.search(window) else "assessed"
    for m in NO_FEE.finditer(text):
        # the sentence up to the words: "... there is no charge. If you believe ..." is not
        # made conditional by the next sentence's "if"
        sentence = re.split(r"[.!?]\s", text[max(0, m.start() - 120) : m.end()])[-1]
        unticked = UNTICKED_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        if not FEE_SCHEDULE.search(sentence) and not unticked:
            return Decimal("0"), "none"
    return None, None


# -- what kind of letter -----------------------------------------------------------------------


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


CONDITIONAL = _any(r"^(?:if|should|unless|in the event|once|when|whether|to the extent)\b", r"\bif\b",
                   r"\bunless\b", r"\bin the event\b", r"\bto the extent\b", r"\bwould\b")  # fmt: skip
IF_WORD = _any(r"\bif\b", r"\bunless\b", r"\bshould\s+you\b", r"\bin\s+the\s+event\b")
APPEAL_SUBJECT = re.compile(
    # the subject may wrap onto a second line ("Re: 2025-APP-00005\n(Appeal of Response …")
    r"^[ \t]*(?:Re|Subject)[ \t]*:(?:[^\n]|\n(?![ \t]*(?:Dear\b|\n))){0,120}?\bappeal\b"
    r"|\bAppeal[ \t]+(?:No\.?|Number)[ \t]*[:#]?[ \t]*(?-i:[A-Z]{0,6})[-\t ]?\d"
    # an appeal's number on the subject line: "RE: 17 FOI – 00052; 17 – App – 00004", "2021-APP-00004"
    r"|^[ \t]*(?:Re|Subject)[ \t]*:[^\n]{0,120}?\d[ \t]*[-–][ \t]*(?-i:App|APP)[ \t]*[-–][ \t]*\d"
    # an appeal office's order: "DECISION AND ORDER ... Appeal", "Name of Appellant:"
    r"|(?-i:\bDECISION\s+AND\s+ORDER\b)[^\n]{0,200}?(?:\n[^\n]{0,200}?){0,6}?\bAppeal\b"
    r"|^[ \t]*Name[ \t]+of[ \t]+Appellant\b",
    re.I | re.M,
)
# A sentence that tells the request's history ("On December 29, 2009, OJAG granted your
# appeal", "By letter dated May 1, 2020, we ...") recounts an earlier step, not this letter's.
NARRATIVE = re.compile(
    rf"^\W*(?:On|By\s+(?:(?:letter|e-?mail|memorandum|decision)\s+)?(?:dated|of)|In\s+(?:a|its|our|their|his|her)"
    rf"\s+(?:letter|decision|response)\s+(?:dated|of))\s+{DATE}",
    re.I,
)
# The appeal-rights paragraph speaks of an appeal the requester may make, not of one decided:
# "Because your request has been denied in part, you are advised of your right to appeal".
APPEAL_RIGHTS = re.compile(
    r"\b(?:right|entitled)\s+to\s+(?:file\s+an?\s+|submit\s+an?\s+)?(?:administrative\s+)?appeal\b"
    r"|\byou\s+(?:may|can|might)\s+(?:file\s+an?\s+|submit\s+an?\s+)?(?:administrative\s+)?appeal\b",
    re.I,
)
# How to appeal: "... concerning your appeal should be clearly marked", "must be received".
APPEAL_HOW = _any(
    APPEAL_RIGHTS.pattern,
    r"\b(?:should|must|shall)\s+(?:\w+\s+)?(?:be\s+)?(?:clearly\s+)?(?:marked|received|addressed|postmarked|sent"
    r"|submitted|include|state|contain)\b",
)
# The letter states its business in its opening; what it says of appeals further on is
# mostly the appeal-rights paragraph ("All communications concerning your appeal ...").
OPENING_SENTENCES = 5
# (the month is no modal: "the May 10, 1978 letter"; nor "records which can be released to you",
# said of what a letter encloses)
FUTURE = _any(r"\b(?:will|might|can|could)\b", r"\bmay\b(?!\s*\d)")
RELEASABLE_CLAUSE = _any(r"\b(?:which|that)\s+(?:can|may|could)\s+be\s+released(?:\s+to\s+you)?\b")
# Where a sentence turns from what was withheld to why the exemption covers it: "…(b)(7)(A),
# which pertains to records … the release of which could reasonably be expected to interfere",
# "…withheld in full under Exemption 5, because disclosure would harm …".
RATIONALE = _any(
    r"\b(?:the\s+)?(?:release|disclosure|production)\s+of\s+which\b",
    r"\b(?:the\s+)?(?:release|disclosure|production)\s+of\b(?:\s+\S+){0,8}?\s+(?:could|would)\b",
    r",?\s*\b(?:which|that)\s+(?:\w+\s+)?(?:pertains?|protects?|applies|exempts?|concerns?|covers?|permits?"
    r"|allows?|shields?|authorizes?|relates?)\b",
    r"\b(?:because|since|as)\s+(?:the\s+|its\s+|their\s+)?(?:release|disclosure)\b",
    r"\bcould\s+reasonably\s+be\s+expected\b",
)
DECIDED = _any(r"\b(?:determined|decided|hereby|are being|is being)\b", r"\byou\s+will\s+find\b")
# The FCC's appeal is an "application for review" by the full Commission.
APPEAL_WORD = _any(r"\bappeal", r"\bapplications?\s+for\s+review\b")
FEE_WORD = _any(r"expedit", r"waiv", r"\bfees?\b", r"\bpay(?:ment)?\b")

ACK_STRONG = _any(
    r"\backnowledg\w*\s+(?:the\s+)?receipt\b",
    r"\bthis\s+(?:letter|e-?mail|message|notice)\s+(?:is\s+to\s+)?(?:acknowledges?|confirms?)\b",
    r"\bwe\s+acknowledge\b",
    r"\bconfirm(?:s|ing)?\s+(?:the\s+)?receipt\s+of\b",
    r"\b(?:are|is|am)\s+in\s+receipt\s+of\s+your\b",
    # an online system's receipt: "Thank you for filing your FOIA request online on 9/2/2021"
    r"\bthank\s+you\s+for\s+(?:filing|submitting|sending|making)\s+(?:your|a|the)\s+(?:\w+\s+){0,3}?request\b",
    # an e-mail that carries the acknowledgment: "I'm attaching the Acknowledgement letter",
    # "Attached is the acknowledgement of receipt of your request"
    r"\b(?:attach\w*|enclos\w*)\b(?:\s+\S+){0,3}?\s+acknowledge?ments?\b",
    r"(?<!our )(?<!your )\backnowledge?ments?\s+of\s+(?:the\s+)?receipt\b",
    r"\bthis\s+is\s+to\s+acknowledge\b",
    # "This is to confirm that you submitted a request", "We confirm that we received your request"
    r"\b(?:this\s+(?:\w+\s+)?is\s+to\s+confirm|(?:we|I)\s+(?:hereby\s+)?confirm|this\s+(?:\w+\s+)?confirms)\s+"
    r"(?:that\s+)?(?:you\s+(?:have\s+)?(?:submitted|filed|sent|made)|we\s+(?:have\s+)?received"
    r"|(?:your|the)\s+(?:\w+\s+){0,3}?request\s+(?:has\s+been|was)\s+(?:received|submitted|filed))\b",
    r"\bthis\s+(?:letter\s+|e-?mail\s+|message\s+|notice\s+)?(?:is|serves\s+as)\s+(?:an?\s+|the\s+|our\s+)?"
    r"acknowledge?ment\b",
    # a letter titled as one: "RE: FOIA No. F-00179-20 (Acknowledgment Letter)", "Subject: Acknowledgment"
    r"\(\s*acknowledge?ment(?:\s+letter)?\s*\)",
    r"\b(?:Re|Subject)\s*:\s*acknowledge?ment\b(?!\s+of\s+(?:your\s+|the\s+)?appeal)",
)
ACK_WEAK = _any(
    r"\b(?:we|office|agency|(?-i:[A-Z]{2,6}))\s+(?:has\s+|have\s+)?received\s+your\b",
    r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:received|assigned|logged|submitted|perfected)\b",
    r"\bassigned\s+(?:it\s+)?(?:the\s+)?(?:following\s+)?(?:(?:FOIA|FOIPA|PA|tracking|reference|request|case|control"
    r"|log)\s*){1,3}(?:number|no\b|#)",
    r"\bwas\s+received\s+(?:by|in|on|at)\b",
    # "and was assigned FOIA Log #08-176", "was logged in on May 1"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?assigned\s+(?:(?:the|a|an)\s+)?(?:[\w/]+\s+){0,3}?(?:number|no\b|#|log\b)",
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:logged|docketed|registered)\b",
    # "Your request was received and assigned number 2020-00123"
    r"\b(?:was|were)\s+received\s+and\s+(?:\w+ly\s+)?(?:assigned|logged|given)\b",
    # "The tracking number for your request is F-00179-20"
    r"\b(?:tracking|reference|control|case|request|log)\s+(?:number|no\.?)\s+(?:assigned\s+to|for)\s+your\s+"
    r"(?:\w+\s+){0,2}?request\s+is\b",
)
APPEAL_DECIDED = _any(
    r"\b(?:affirm(?:s|ed|ing)?|uph(?:o|e)ld(?:s|ing)?|remand(?:s|ed|ing)?|revers(?:e|es|ed|ing))\b",
    r"\b(?:grant(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?)\b.{0,40}\b(?:your|the|this|it)\b.{0,20}"
    r"\bappeals?\b",
    r"\bappeal\b.{0,60}\b(?:is|has been)\s+(?:hereby\s+)?(?:granted|denied|closed|remanded)",
    r"\b(?:granting|denying)\s+it\b",
    # "we deny an application for review", "the application for review is dismissed"
    r"\b(?:grant\w*|den(?:y|ies|ied|ying)|dismiss\w*)\s+(?:the\s+|an\s+|this\s+|your\s+|its\s+)?"
    r"applications?\s+for\s+review\b",
    r"\bapplications?\s+for\s+review\b.{0,60}\b(?:is|are|has\s+been)\s+(?:hereby\s+)?(?:granted|denied|dismissed)\b",
    r"\bclos(?:e|ed|ing)\s+(?:out\s+)?(?:your|this|the)\s+(?:administrative\s+)?appeal\b",
    # "After a review of your appeal, the Panel has determined …", "We have processed your appeal"
    r"\b(?:after|upon|on)\s+(?:\w+\s+){0,2}?(?:review|consideration|considering|reviewing)\s+(?:of\s+)?(?:your|the|this)"
    r"\s+(?:\w+\s+)?appeal\b",
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:processed|reviewed|considered|decided|adjudicated)\s+your\s+(?:\w+\s+)?appeal\b",
)
# Only an appeal office sends a request back: "I am remanding your request to EOUSA".
REMANDING = _any(
    r"\b(?:am|are|is|have|has|decided\s+to|will)\s+(?:\w+\s+)?remand(?:ing|ed)?\s+(?:your|the|this)\s+request\b",
    # "The decision of the FOIA Officer is hereby affirmed": only a review affirms a decision
    r"\b(?:decision|determination|action)\b(?:\s+\S+){0,8}?\s+(?:is|has\s+been)\s+(?:hereby\s+)?"
    r"(?:affirmed|upheld|reversed)\b",
)
APPEAL_ACKED = _any(
    r"\b(?:acknowledg\w*(?:\s+the)?\s+receipt\s+of|(?:has|have)\s+received|receipt\s+of|docketed|logged)\s+"
    r"(?:of\s+)?your\s+(?:[\w()/-]+\s+){0,5}?appeal\b",
    r"\byour\s+(?:administrative\s+|foia\s+)?appeal\s+(?:has\s+been|was)\s+(?:received|assigned|docketed|logged"
    r"|accepted|placed)",
)
# A letter that answers an appeal says so in its opening ("This responds to your September 8
# appeal", "your letter ... in which you appeal", "your correspondence ... appealing"): it is
# an appeal letter whatever it decides, and without words of receipt it is the decision.
APPEAL_RESPONSE = _any(
    r"\b(?:in\s*response\s*to|respond(?:s|ing)?\s+to|in\s+reply\s+to|repl(?:y|ies|ying)\s+to|regarding|concerning)"
    r"\s+your\b"
    r"(?:\s+(?!(?-i:may)\b|might\b|can\b|right\b|wish|option\b|remand|request|records?\b|cop(?:y|ies)\b"
    r"|files?\b|documents?\b)\S+){0,12}?\s+(?:administrative\s+)?appeal(?:ed|ing|s)?\b",
    r"\bin\s+which\s+you\s+(?:appeal|appealed)\b",
    r"\byou\s+are\s+appealing\b",
    r"\byou\s+(?:have\s+)?appealed\s+(?:from\s+)?(?:the|our|this|its)\b",
    r"\byour\s+(?:administrative\s+)?appeal\s+(?:of|from)\s+(?:the|our|this|its)\s+(?:\w+\s+){0,3}?"
    r"(?:action|determination|decision|denial|response)\b",
    r"\b(?:letter|correspondence)\s+(?:presents|constitutes|is)\s+an\s+appeal\b",
)
# What an appeal office says while the appeal waits: receipt, a queue, a decision to come.
APPEAL_PENDING = _any(
    r"\bappeals?\s+(?:awaiting|pending|ahead)\b",
    r"\bfirst[- ]?(?:in|received)\b",
    r"\bwill\s+be\s+(?:advised|notified|informed)\s+of\s+the\s+(?:decision|determination|outcome)",
    r"\bassigned\b.{0,40}?\bappeal\s+(?:number|no\b)",
    r"\b(?:processed|decided|adjudicated|considered|handled)\s+in\s+the\s+order\s+(?:in\s+which\s+)?"
    r"(?:it\s+was\s+|they\s+(?:were|are)\s+)?received\b",
    r"\byour\s+(?:[\w()/-]+\s+){0,2}?appeal\b.{0,120}?\b(?:has\s+been|was|is)\s+(?:received|assigned|docketed"
    r"|logged|accepted|placed)\b",
)
GLOMAR = _any(
    r"\bneither\s+confirms?\s+(?:nor|or)\s+deny\b",
    r"\bneither\s+confirms\s+nor\s+denies\b",
    r"\b(?:cannot|can\s?not|will\s+not|refuses?\s+to|declines?\s+to)\s+confirm\s+or\s+deny\b",
)
# A Glomar answer the letter holds in reserve: "In the absence of such information, the FBI
# can neither confirm nor deny ..." asks for a consent or proof of death first.
GLOMAR_UNLESS = _any(
    r"\bin\s+the\s+absence\s+of\b",
    r"\bunless\s+you\b",
    r"\bwithout\s+(?:such|this|the|a|an)\s+(?:\w+\s+){0,2}?(?:consent|authorization|proof|information)\b",
)
RELEASED = _any(
    r"(?<!the )(?<!for )(?<!previously )\breleas(?:e|ed|es|ing)\b(?:\s+\S+){0,5}?\s+"
    r"(?:pages?|records?|documents?|e-?mails?|materials?|files?|information)\b",
    r"\b(?:pages?|records?|documents?|materials?)\b(?:\s+\S+){0,6}?\s+(?:are|is|were|was|have been|has been|"
    r"will be|being)\s+(?:hereby\s+)?(?:released|enclosed|attached|provided|produced)\b",
    r"\breleased\s+in\s+(?:full|part|(?:their|its)\s+entirety)\b",
    r"\bgrant(?:ed|ing)?\s+(?:your\s+request\s+)?in\s+full\b",
    r"\b(?:enclosed|attached)\b(?:\s+\S+){0,12}?\s+(?:responsive|requested)\s+(?:pages?|records?|documents?)\b",
    r"\b(?:have|has)\s+enclosed\b(?:\s+\S+){0,6}?\s+(?:pages?|records?|documents?|copy|copies|e-?mails?|cd|disc)\b",
    r"\benclosed\s+(?:is|are)\b(?:\s+\S+){0,4}?\s+(?:cd|disc|dvd|pages?|records?|documents?|copies|copy|e-?mails?)\b",
    r"\b(?:we\s+are|i\s+am)\s+(?:hereby\s+)?providing\b",
    r"\b(?:are|is)\s+releasable\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\b(?:may|will|can)\s+be\s+released\s+in\s+full\b",
    r"\brelease\s+(?:those|these|the)\s+records\b",
    r"\b(?:enclosed\s+please\s+find|please\s+find\s+enclosed)\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|copies|copy|e-?mails?|materials?|cd|disc)\b",
    r"\b(?:are|is|were|was)\s+(?:\w+\s+)?appropriate\s+for\s+release\b",
    r"\bcop(?:y|ies)\s+(?:are|is)\s+enclosed\b",
    # "Please find attached the records responsive to your request"
    r"\b(?:please\s+find|find\s+attached|attached\s+please\s+find|attached\s+(?:is|are))\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|e-?mails?|materials?|files?|production)\s+(?:responsive|you\s+requested)\b",
    r"\byour\s+(?:foia\s+)?request\s+(?:is|has\s+been)\s+(?:hereby\s+)?granted\b(?!\s+in\s+part)",
    r"\b(?:are|am|is)\s+(?:also\s+)?(?:enclosing|attaching)\b(?:\s+\S+){0,6}?\s+(?:pages?|records?|documents?|cop(?:y|ies)"
    r"|e-?mails?|cd|disc)\b",
    # "provided the enclosed document responsive to your request"
    r"\b(?:the\s+)?(?:enclosed|attached)\s+(?:pages?|records?|documents?|materials?|e-?mails?)\s+(?:responsive|you\s+requested)\b",
    r"\benclosed\s+(?:you\s+will\s+find|herewith|with\s+this\s+letter)\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|cop(?:y|ies)|e-?mails?|materials?|cd|disc)\b",
    # records put where the requester reads them: "are being placed in the NRC Public Document
    # Room … under your name", "are available in the Public Document Room"
    r"\b(?:are|is)\s+(?:now\s+|already\s+)?(?:being\s+)?(?:placed|made\s+available|available)\s+in\s+the\s+"
    r"(?:\S+\s+){0,2}?(?:public\s+\w+\s+room|pdr|reading\s+room)\b",
    r"\b(?:are|is)\s+(?:already\s+)?in\s+the\s+(?:\S+\s+){0,2}?(?:public\s+\w+\s+room|pdr)\b",
)
# The requester's own words sent back ("A copy of the first page of your request is attached")
# are not records released.
OWN_COPY = re.compile(
    r"\b(?:cop(?:y|ies)|pages?)\s+of\s+(?:(?:the|its)\s+(?:first\s+|last\s+)?pages?\s+of\s+)?your\s+(?:\w+\s+){0,2}?"
    r"(?:request|letter|appeal|correspondence|e-?mail|submission)s?\b",
    re.I,
)
# A sentence whose subject is the records and whose verb, however long the clause between,
# is "are enclosed": "All materials concerning … that have been placed in the public docket are
# enclosed." (Not a list or index of what was withheld: see DESCRIBED.)
RECORDS_ENCLOSED = re.compile(
    r"^\W*(?:(?:all|the|these|those|both|copies\s+of(?:\s+the)?)\s+){0,3}(?:\w+\s+){0,2}?"
    r"(?:pages?|records?|documents?|materials?|e-?mails?|files?)\b[^.;!?]{0,300}?\s+"
    r"(?:are|is|have\s+been|has\s+been)\s+(?:hereby\s+)?(?:enclosed|attached)\W*$",
    re.I,
)
WITHHELD = _any(
    r"\bwithh(?:e|o)ld(?:s|ing)?\b",
    r"\bredact(?:ed|ions?|ing)?\b",
    r"\bexcis(?:ed|ions?)\b",
    r"\bexempt(?:ed)?\s+from\s+(?:disclosure|release)\b",
    r"\bprotected\s+from\s+disclosure\b",
    # "Certain information, however, has been deleted", "deleted from the enclosures"
    r"\b(?:information|portions?|material|text|names?|entries)\b,?(?:\s+\S+){0,3}?\s+(?:has|have|had)\s+been"
    r"\s+deleted\b",
    r"\bnot\s+releasable\b",
)
# "reasons for not releasing any of the information": a release denied, not made.
NOT_RELEASED = _any(
    r"\b(?:not|never|nothing|none)\b(?:\s+\S+){0,2}?\s+(?:be\s+)?releas",
    r"\b(?:unable|not\s+able|cannot|can\s?not|declines?)\s+to\s+release\b",
)
NEGATED = _any(r"\b(?:no|not|nothing|none|without)\b(?:\s+\S+){0,4}?\s+(?:withh|redact|excis)")
DENIED_FULL = _any(
    r"\bwithheld\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\bexempt\s+from\s+disclosure\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\b(?:your\s+)?(?:foia\s+)?request\s+(?:is|has\s+been)\s+(?:hereby\s+|being\s+)?denied\b",
    r"\b(?:deny|denying|denied)\s+your\s+(?:foia\s+)?request\b",
    r"\bwithholding\s+(?:all|the|these)\s+(?:responsive\s+)?(?:records|documents)\b(?!\s+in\s+part)",
    r"\bdenied\s+in\s+(?:full|(?:its|their)\s+entirety)\b",
    r"\b(?:unable|not\s+able|cannot|can\s?not)\s+(?:to\s+)?release\s+(?:the|these|those|any|this|such)\b",
    # "We regret to inform you that we cannot comply" (with the request)
    r"\bregret\b.{0,40}?\b(?:cannot|can\s?not|unable\s+to)\s+(?:comply|grant\s+your\s+request"
    r"|release\s+(?:the|these|those|any)\s+(?:records|documents))\b",
)
PARTIAL = _any(
    r"\b(?:grant\w*|releas\w*|withh\w*)\b(?:\s+\S+){0,8}?\s+in\s+part\b",
    r"\bpartial(?:ly)?\s+(?:grant|release|denial|denied|granted|released|releasable|withheld)\w*",
    r"\breleas\w*\b(?:\s+\S+){0,4}?\s+with\s+(?:(?!no\b)\w+\s+)?(?:redactions|excisions|deletions)\b",
    r"\b(?:pages?|records?|documents?|cd|disc)\b(?:\s+\S+){0,8}?\s+with\s+(?:certain\s+)?(?:information|portions|material|text)"
    r"\s+(?:being\s+)?(?:withheld|redacted|deleted|excised)\b",
    # "certain portions of the enclosed documents are exempt from disclosure"
    r"\b(?:portions?\s+(?:of\s+)?(?:(?:the|these|those|such)\s+(?:\w+\s+){0,2})?"
    r"|parts?\s+of\s+(?:the|these|those|such)\s+(?:\w+\s+)?(?:records?|documents?|pages?|materials?|files?)\s+)"
    r"(?:are|is|will\s+be"
    r"|should\s+be|must\s+be|have\s+been|has\s+been|were)"
    r"\s+(?:being\s+)?(?:withheld|redacted|excised|exempt(?:ed)?)\b",
    r"\bpartially\s+withheld\b",
)
# Partial-release wording decides even when it speaks of the future ("portions … will be
# withheld") and even next to "withheld in their entirety" elsewhere in the letter.
PARTIAL_STRONG = _any(
    r"(?<!\bno\s)\b(?:deletions|excisions|redactions)\s+(?:have|has)\s+been\s+made\b",
    r"\bpartially\s+releasable\b",
    r"\breleasable\s+in\s+part\b",
    r"\breleased\s+in\s+part\b",
    r"\bwith\s+(?:certain\s+)?information\s+(?:being\s+)?withheld\b",
    r"\bwith\s+(?:(?!no\b|out\b)\w+\s+)?(?:redactions|excisions)\b",
    r"\bportions?\b(?:\s+\S+){0,6}?\s+will\s+be\s+withheld\b",
    r"\bpartially\s+withheld\b",
    r"\bportions?\b(?:\s+\S+){0,6}?\s+(?:are|is)\s+not\s+releasable\b",
)
# Parts of records kept back, so the rest is released: "Portions of the documents identified on
# enclosed Appendix E … are being withheld", "this information has been redacted", "we have
# withheld all signatures".
PARTIAL_ITEMS = _any(
    r"\bportions?\s+of\b(?:\s+\S+){0,14}?\s+(?:are|is|were|was|will\s+be|have\s+been|has\s+been)\s+(?:being\s+)?"
    r"(?:withheld|redacted|excised|deleted)\b",
    r"\b(?:has|have|had)\s+been\s+redacted\b",
    r"\bwe\s+(?:have\s+)?redacted\b",
    r"\bwithheld\s+(?:all\s+|the\s+|any\s+)?(?:signatures?|names?|(?:personal|personally\s+identifiable)\s+\w+"
    r"|(?:tele)?phone\s+numbers?|e-?mail\s+addresses|home\s+addresses|social\s+security\s+numbers)\b",
)
# Something withheld from records the letter encloses: what is enclosed is released, so the
# letter releases them in part ("redacted from the enclosed documents", "information in the
# attached records has been withheld").
ENCLOSED_RECORDS = r"\b(?:enclosed|attached)\s+(?:\w+\s+)?(?:documents?|records?|pages?|materials?|files?)\b"
WITHHELD_WORD = r"\b(?:withh(?:e|o)ld\w*|redact\w*|delet(?:ed|ions?)|excis\w*|exempt(?:ed)?)\b"
PARTIAL_ENCLOSED = _any(
    rf"{WITHHELD_WORD}(?:\s+\S+){{0,8}}?\s+(?:from|in|within|of)\s+(?:the\s+|these\s+)?{ENCLOSED_RECORDS}",
    rf"{ENCLOSED_RECORDS}(?:\s+\S+){{0,8}}?\s+(?:are|is|were|was|(?:has|have)\s+been)\s+(?:\w+\s+)?{WITHHELD_WORD}",
)
# The records the request asked for, as a withholding sentence names them.
REQUESTED_RECORDS = _any(
    r"\b(?:records?|documents?|pages?|materials?|information)\s+(?:you\s+(?:have\s+)?(?:requested|seek|sought)"
    r"|(?:that\s+(?:are|were)\s+)?responsive|requested)\b",
    r"\b(?:responsive|requested|these|those|such)\s+(?:\w+\s+)?(?:records|documents|pages|materials)\b",
)
# Exemption 7(A) in the statute's words, said of the records asked for: "there is a pending or
# prospective law enforcement proceeding relevant to these responsive records, and release of the
# information could reasonably be expected to interfere with enforcement proceedings".
SEVEN_A_WORDS = _any(
    r"\b(?:pending|prospective|ongoing|open)\b(?:\s+\S+){0,4}?\s+(?:law\s+)?enforcement\s+(?:proceedings?|investigations?)\b"
    r"(?:\s+\S+){0,30}?\s+could\s+reasonably\s+be\s+expected\s+to\s+interfere\s+with\s+(?:\w+\s+){0,2}?"
    r"enforcement\s+proceedings\b",
    r"\b(?:release|disclosure|production)\s+of\s+(?:the|these|this|such|those)\s+(?:\S+\s+){0,6}?could\s+reasonably\s+"
    r"be\s+expected\s+to\s+interfere\s+with\s+(?:pending\s+|ongoing\s+|prospective\s+)?enforcement\s+proceedings\b",
)
# What the law says of every request, not what this letter applies: "Exemption 7(A) protects …".
LAW_SPEAKS = _any(r"\b(?:protects?|permits?|allows?|authorizes?)\b", r"\bgenerally\b", r"(?-i:\bmay\b)")
NOT_KNOWN = re.compile(r"\b(?:it\s+is\s+)?not\s+known\s+(?:if|whether)\b", re.I)
NOT_OTHER = r"(?!(?:other|additional|further|more|remaining)\b)"
# "the records withheld are described in the enclosed index": a list of what was kept back
DESCRIBED = _any(r"\bdescrib", r"\blisted\b", r"\bindex\b", r"\bexplain")
NO_RECORDS = _any(
    r"\b(?:unable|not\s+able)\s+to\s+(?:locate|find|identify)\s+or\s+(?:locate|find|identify)\s+any\b",
    r"\bno\s+(?:\w+\s+){0,2}(?:records|documents|materials?)\b(?:\s+\S+){0,6}?\s+(?:were|was|could\s+be)\s+"
    r"(?:located|found|identified)\b",
    r"\b(?:found|located|identified)\s+none\b",
    r"\b(?:yielded|produced|returned|revealed|disclosed)\s+no\s+(?:responsive\s+)?(?:records|documents)\b",
    r"\b(?:did\s+not|could\s+not|(?:was|were|have\s+been|has\s+been|are|am|is)\s+unable\s+to|failed\s+to)\s+"
    r"(?:locate|find|identify)\s+(?:any\s+|the\s+)?(?:responsive\s+)?(?:records|documents"
    r"|(?:information|materials?)\s+responsive)",
    r"\bno\s+(?:responsive\s+)?(?:records|documents)\s+(?:were|was|have\s+been|could\s+be)\s+(?:located|found|identified)",
    # "we have no documents responsive", "no information that is responsive" ("no other
    # records" is the rest of a request some of which was answered)
    rf"\bno\s+(?:{NOT_OTHER}\w+\s+)?(?:records|documents|materials|information)\s+(?:that\s+(?:are|were|is|was)\s+)?"
    r"responsive\b",
    # "The Bureau does not have any records responsive", "We do not maintain records on"
    rf"\b(?:do|does|did)\s+not\s+(?:have|hold|maintain|possess|keep)\s+(?:any\s+)?(?:{NOT_OTHER}\w+\s+){{0,2}}?"
    r"(?:records|documents)\b",
    r"\bno\s+(?:such\s+|responsive\s+)?(?:records|documents)\s+(?:exist|existed)\b",
    # "EOIR has no records of the kind you describe"
    rf"\b(?:we|office|agency|(?-i:[A-Z]{{2,8}}))\s+(?:has|have|had|maintains|holds|possesses)\s+no\s+(?:{NOT_OTHER}\w+\s+)?"
    r"(?:records|documents|files)\b",
    # "Responsive records do not exist" (but not "create records that do not exist")
    r"\b(?:records|documents)\s+(?!that\b|which\b)(?:\S+\s+){0,6}?(?:do|does|did)\s+not\s+exist\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,6}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?results\b",
    r"\b(?:located|found|identified)\s+no\s+(?:responsive\s+)?(?:records|documents)\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,4}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?records",
    r"\b(?:did|does)\s+not\s+(?:yield|produce|return|reveal|locate|find|result\s+in)\s+any\s+(?:responsive\s+)?"
    r"(?:records|documents)\b",
    r"\bthere\s+(?:are|were)\s+no\s+(?:responsive\s+)?(?:records|documents)\b",
    # records that no longer exist: "Records which may be responsive ... were destroyed on ..."
    r"\b(?:records?|documents?|files?)\b(?:\s+\S+){0,8}?\s+(?:were|was|have\s+been|has\s+been)\s+"
    r"(?:\w+ly\s+)?(?:destroyed|shredded|purged|disposed\s+of)\b",
    # "Since those records were not reviewed, it is not known if they are actually responsive"
    r"\b(?:records?|material|documents?)\s+(?:were|was|could)\s+not\s+(?:be\s+)?reviewed\b",
    # the letter naming itself: "responsible for this no records response"
    r"\b(?:this|our)\s+no[- ]records?\s+(?:response|determination|finding|letter)\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,12}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?results\b",
)
FEE_ESTIMATE = _any(
    r"\b(?:will|would|shall)\s+(?:be\s+charged|owe|cost|charge\s+you)\b",
    r"\bonly\s+an\s+estimate\b",
    r"\bprovides?\s+(?:you\s+with\s+)?(?:a|an|the)\s+(?:fee\s+)?estimate\b",
    r"\bfee\s+estimate\b",
    r"\bestimated\s+(?:total\s+)?(?:fees?|costs?|charges?)\b",
    r"\badvance\s+payment\b",
    r"\btotal\s+(?:estimated\s+)?(?:fees?|costs?|charges?|amount\s+due)\b",
    r"\b(?:fees?|costs?|charges?)\s+(?:will|would|are\s+expected\s+to|is\s+expected\s+to)\s+(?:total|exceed|be)\b",
    r"\bamount\s+due\b",
)
# A fee letter without an amount in the text still says it is one.
FEE_STRONG = _any(
    r"\bprovides?\s+(?:you\s+with\s+)?(?:a|an|the)\s+(?:fee\s+)?estimate\b",
    r"\bthis\s+is\s+only\s+an\s+estimate\b",
    r"\b(?:this|our)\s+(?:letter\s+)?(?:is\s+(?:a|an|the)\s+)?fee\s+estimate\b",
)
STILL_INTERESTED = _any(
    r"\bstill\s+interested\b",
    r"\bcontinued\s+interest\b",
    r"\bremains?\s+interested\b",
)
# "If you wish us to continue" asks the same only in a letter that will close the request
# unheard; without that it is a question about the request, not a still-interested letter.
WISH_TO_CONTINUE = _any(
    r"\b(?:wish(?:es)?|wants?|would\s+like)\s+(?:us\s+|this\s+office\s+|the\s+agency\s+)?to\s+continue\b",
)
CLOSED = _any(
    r"\b(?:request|case|file)\s+(?:is\s+(?:being\s+|now\s+)?|has\s+(?:now\s+)?been\s+|was\s+)(?:administratively\s+)?"
    r"closed\b",
    r"\b(?:are|am|is|have|has)\s+(?:now\s+|administratively\s+)?clos(?:ing|ed)\s+(?:your|this|the)\s+(?:request|case|file)\b",
)
WILL_CLOSE = _any(
    r"\bclos(?:e|ed|ing)\b(?:\s+\S+){0,4}?\s+(?:your|the|this)\s+(?:request|file|case)",
    r"\b(?:request|file|case)\s+(?:will|shall)\s+be\s+(?:administratively\s+)?closed\b",
)
CLARIFY = _any(
    r"\bclarif(?:y|ication|ied|ying)\b",
    r"\breasonably\s+describe",
    r"\bmore\s+specific\b",
    r"\bperfect(?:ed|ing)?\s+(?:your|the|this)\s+request\b",
    r"\b(?:need|needs|require|requires|required)\s+(?:some\s+)?(?:additional|more|further)\s+information\b",
    r"\bunable\s+to\s+(?:process|begin\s+processing|search\s+for)\s+your\s+request\b",
)
# The office's own work on the request is not a question put to the requester: "At this time,
# we are in the process of perfecting your request" (an acknowledgment's words).
OWN_PERFECTING = _any(
    r"\b(?:we|I|office|agency|(?-i:[A-Z]{2,8}))\s+(?:are|is|am)\s+(?:now\s+|currently\s+)?(?:in\s+the\s+process\s+of\s+)?"
    r"perfecting\b"
)
# What a request about a person needs before a search: the agency's standard paragraph in an
# acknowledgment, so a letter that acknowledges receipt stays an acknowledgment.
CLARIFY_IDENTITY = _any(
    r"\bcertification\s+of\s+identity\b",
    r"\b(?:proof|verification)\s+of\s+(?:your\s+)?identity\b",
    r"\bthird[- ]party\s+(?:consent|authorization)\b",
)
# The request itself is unclear: what to clarify is the records, even if the letter also
# stops the fee clock ("tolled for fees because your request ... is a little unclear").
CLARIFY_SCOPE = _any(
    r"\bunclear\b",
    r"\b(?:too|overly|very)\s+broad\b",
    r"\breasonably\s+describ",
    r"\bdescribed,?\s+(?:\w+\s+){0,2}?in\s+(?:\w+\s+){0,2}?(?:sufficient|enough)\s+detail\b",
    r"\bdid\s+not\s+(?:specifically\s+|reasonably\s+|sufficiently\s+)?(?:identify|describe)\s+the\s+records\b",
    r"\b(?:please|must|need\s+to)\s+narrow\b",
)
FEE_CLARIFY = _any(
    r"\bfee\s+(?:category|status)\b",
    r"\b(?:willingness|commitment|agree(?:ment)?|commit)\s+to\s+pay\b",
)
EXTENSION = _any(
    r"\bunusual\s+circumstances\b",
    r"\b(?:extend|extending|extended|extension)\b.{0,80}\b(?:time|deadline|response|period|date|limit)\b",
    r"\badditional\s+(?:10|ten)\s+(?:working|business)\s+days\b",
    r"\b(?:10|ten)[- ](?:day|working[- ]day|business[- ]day)\s+extension\b",
)
# The office says ahead that it will miss the statutory time: "We will be unable to respond to
# your request within the FOIA's 20 day statutory time period", "cannot meet the 20-day" (the
# OSD/Joint Staff template, whose reason, unusual circumstances, follows). Not when the sentence
# gives a backlog as the reason, which is a delay and extends nothing, nor when it tells you that
# you may treat the silence as a denial ("Since we cannot respond within the 20 working days …,
# you have the right to consider this a denial and may appeal"); nor a delay already past.
EXTENSION_AHEAD = _any(
    r"\b(?:(?:will\s+be|are|am|is)\s+unable\s+to|will\s+not\s+be\s+able\s+to|cannot|can\s?not)\s+"
    r"(?:(?:respond|reply|complete|process|make\s+a\s+determination)\w*\b(?:\s+\S+){0,10}?\s+(?:within|in)"
    r"|meet)\s+(?:\S+\s+){0,3}?(?:statutory|(?:20|twenty)[- ](?:working[- ]|business[- ])?days?)\b",
    r"\b(?:take|need|require)s?\s+(?:more|longer)\s+than\s+(?:the\s+)?(?:statutory\s+)?(?:20|twenty)[- ]"
    r"(?:working[- ]|business[- ])?days?\b",
)
NOT_AN_EXTENSION = _any(
    r"\bappeal",
    r"\bdenial\b",
    r"\bdenied\b",
    r"\bjudicial\b",
    r"\bcourt\b",
    r"\bsue\b",
    r"\bbacklog",
    r"\b(?:large|high|increasing)\s+(?:number|volume)\b",
    r"\bvolume\s+of\s+requests\b",
    r"\bworkload\b",
)
INTERIM = _any(
    r"\binterim\b",
    r"\bpartial\s+response\b",
    r"\bpartially\s+respond",
    r"\brolling\s+(?:basis|release|production)",
    r"\b(?:first|second|third|next)\s+(?:release|production|installment)\b",
    r"\b(?:will\s+)?continue\s+(?:to\s+process|processing)\b",
    r"\bremaining\s+(?:records|pages|documents)\b",
)
REFERRAL = re.compile(
    r"\b(?:referred|referring|forwarded|forwarding|transferred|transferring|routed|routing|sent)\s+"
    r"(?P<what>(?:[\w,()'-]+\s+){0,8}?)to\s+(?:the\s+)?(?P<to>(?:U\.S\.\s+)?[A-Z][\w.&'-]*"
    r"(?:\s+(?:of|and|for|on|the|&|[A-Z][\w.&'-]*|\([A-Z][\w.&/ -]*\)))*"
    # "forwarded your request to that agency", "to the appropriate office"
    r"|(?:that|this|appropriate|proper|responsible)\s+(?:agency|office|component|bureau|department))"
)
REFERRAL_PASSIVE = re.compile(
    r"\b(?P<what>request|records?|pages?|documents?|it|they)\b.{0,100}?\b(?:(?:has|have|had)\s+been|was|were|is|are"
    r"|will\s+be|(?:is|are)\s+being)\s+"
    r"(?:referred|forwarded|transferred|routed|sent)\s+to\s+(?:the\s+)?(?P<to>(?:U\.S\.\s+)?[A-Z][\w.&'-]*"
    r"(?:\s+(?:of|and|for|on|the|&|[A-Z][\w.&'-]*|\([A-Z][\w.&/ -]*\)))*"
    # "forwarded your request to that agency", "to the appropriate office"
    r"|(?:that|this|appropriate|proper|responsible)\s+(?:agency|office|component|bureau|department))"
)
FOR_CONSULTATION = re.compile(r"[^.;]{0,40}?\bfor\s+(?:a\s+|their\s+|its\s+)?consult", re.I)
# Records sent to the agency by someone else ("sent to NCUA from a congressional committee")
# came in, not went out; and what the requester says ("In your appeal, you assert that …")
# is not what the agency did.
FROM_ELSEWHERE = re.compile(r"\s*(?:from|by)\b", re.I)
REQUESTER_SAYS = re.compile(
    r"\byou\s+(?:(?:also|further)\s+)?(?:assert|state|contend|argue|claim|allege|maintain|believe|suggest)",
    re.I,
)
REFERRED_WHAT = re.compile(
    r"\b(?:request|records?|pages?|documents?|materials?|portions?|e-?mails?|it|them)\b", re.I
)
DECISION_TOPICS = {
    "expedite": _any(r"\bexpedit"),
    "fee_waiver": _any(
        r"\bfee\s+waiver\b", r"\bwaiver\s+of\s+(?:the\s+)?fees\b", r"\bwaive\s+(?:the\s+)?fees\b"
    ),
}
# Expedited processing: asked for (in the opening), weighed (the standard, or the ground said
# back), or still to be decided.
EXPEDITE_ASKED = _any(
    r"\byour?\s+(?:(?!may\b|can\b|might\b|could\b|should\b)\w+\s+){0,3}?"
    r"(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|seek(?:s|ing)?|sought)\s+(?:\S+\s+){0,3}?expedit\w*\s+"
    r"(?:processing|treatment|handling|review)\b",
)
EXPEDITE_WEIGHED = _any(
    r"\bcompelling\s+need\b",
    r"\bimminent\s+threat\s+to\s+the\s+life\b",
    r"\burgency\s+to\s+inform\s+the\s+public\b",
    r"\bloss\s+of\s+substantial\s+due\s+process\s+rights\b",
    r"\bwidespread\s+and\s+exceptional\s+media\s+interest\b",
    r"\byou\s+(?:have\s+)?(?:requested|request|seek|sought|asked\s+for)\s+expedit\w*\s+(?:processing|treatment)\s+"
    r"(?:because|on\s+the\s+(?:grounds?|basis)|based\s+on|citing)\b",
)
EXPEDITE_PENDING = _any(
    r"\bexpedit\w*\b(?:\s+\S+){0,12}?\s+(?:will|shall)\s+be\s+(?:decided|determined|made|reviewed|considered"
    r"|addressed)\b",
    r"\b(?:determination|decision)\s+(?:on|regarding|about|of)\s+(?:\S+\s+){0,4}?expedit\w*\b(?:\s+\S+){0,6}?\s+"
    r"(?:will|shall)\b",
    r"\bexpedit\w*\b(?:\s+\S+){0,8}?\s+(?:is|remains)\s+(?:still\s+)?(?:pending|under\s+review|under\s+consideration)\b",
)
DENIED = _any(
    r"\bden(?:y|ied|ying|ial)\b", r"\bnot\s+(?:been\s+)?granted\b", r"\b(?:cannot|unable\s+to)\s+grant\b",
    r"\bdo(?:es)?\s+not\s+(?:meet|qualify|satisfy|warrant)\b",
    r"\bha(?:ve|s)\s+not\s+(?:met|demonstrated|shown|established)\b",
    r"\b(?:is|was|are|were)\s+(?:deficient|insufficient)\b",
)  # fmt: skip
GRANTED = _any(r"\bgrant(?:ed|ing)?\b", r"\bapprov(?:ed|e|ing)\b")
RECEIVED = [
    re.compile(rf"\b(?:date\s+(?:of\s+)?receipt|date\s+received|received\s+date)\s*:?\s*(?P<d>{DATE})", re.I),
    re.compile(rf"\breceived\b(?:\s+(?:by|in|at)\s+.{{1,60}}?)?\s+(?:on\s+)?(?P<d>{DATE})", re.I),
    re.compile(rf"\breceiv\w*\b.{{0,100}}?\bon\s+(?P<d>{DATE})", re.I),
]
ESTIMATE_TOPIC = _any(r"\bestimat", r"\bexpect", r"\banticipat")
ESTIMATE_WHAT = re.compile(
    rf"\b(?:complet\w*|respon\w*|determination|finish\w*|process\w*)\b.{{0,80}}?(?P<d>{DATE})", re.I
)
EXTENDED_WHAT = re.compile(
    rf"\b(?:extend\w*|extension|unusual\s+circumstances|new\s+(?:due|response)\s+date)\b.{{0,120}}?"
    rf"\b(?:until|to|through|by|is|of|on)\s+(?P<d>{DATE})",
    re.I,
)
REPLY_ACTION = _any(
    r"\brespond", r"\breply", r"\bresponse\b", r"\bhear\s+from\s+you\b", r"\blet\s+us\s+know\b",
    r"\bnotify\b",
    r"\bcontact\s+(?:us|this\s+office|our\s+office)\b", r"\bprovide\b", r"\bclarif", r"\bsubmit\b",
    r"\bconfirm\b", r"\bpayment\b", r"\bcommit", r"\badvise\b", r"\binform\s+us\b",
)  # fmt: skip
NEW_DATE = re.compile(r"\bnew\s+(?:due|response)\s+date", re.I)
REPLY_BY = re.compile(
    rf"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|not\s+later\s+than)\s+(?P<d>{DATE})", re.I
)


class _Findings:
    """The letter's sentences and what the rules found in them, with the reasons kept."""

    def __init__(self, sentences: list[str]):
        self.sentences = sentences
        self.reasons: list[tuple[str, str]] = []
        self.extension = self.first(EXTENSION, skip=CONDITIONAL) or self.first(
            EXTENSION_AHEAD, skip=CONDITIONAL, where=lambda s: not NOT_AN_EXTENSION.search(s)
        )

    def first(self, pattern: re.Pattern, *, skip: re.Pattern | None = None, where=None) -> str | None:
        for s in self.sentences:
            if skip is not None and skip.search(s):
                continue
            if where is not None and not where(s):
                continue
            if pattern.search(s):
                return s
        return None

    def note(self, finding: str, sentence: str | None) -> None:
        if sentence:
            text = re.sub(r"\s+", " ", sentence).strip()
            self.reasons.append((finding, text if len(text) <= 240 else text[:237] + "…"))

    def _asserted(self, s: str, *, strict: bool = False) -> bool:
        """A sentence that states what the agency did, not what it might do or what you may do.
        The clause that says what an exemption protects ("the release of which could
        reasonably be expected to interfere") is the statute's condition, not the letter's."""
        if APPEAL_WORD.search(s):
            return False
        rationale = None if strict else RATIONALE.search(s)
        s = RELEASABLE_CLAUSE.sub(" ", s[: rationale.start()] if rationale else s)
        if CONDITIONAL.search(s):
            return False
        return not FUTURE.search(s) or bool(DECIDED.search(s))

    def _determination(self, has_exemptions: bool) -> tuple[str, str] | None:
        asserted = self._asserted
        # a release is judged by the whole sentence: "release of the information … could
        # reasonably be expected to interfere" releases nothing
        released = next(
            (
                s
                for s in self.sentences
                if asserted(s, strict=True)
                and not NOT_RELEASED.search(s)
                and (
                    RELEASED.search(OWN_COPY.sub(" ", s))
                    or RECORDS_ENCLOSED.search(s)
                    and not DESCRIBED.search(s)
                    and not NEGATED.search(s)
                )
            ),
            None,
        )
        withheld = self.first(
            WITHHELD, where=lambda s: asserted(s) and not NEGATED.search(s) and not FEE_WORD.search(s)
        )
        denied = self.first(
            DENIED_FULL,
            where=lambda s: asserted(s) and not FEE_WORD.search(s) and not CLARIFY_SCOPE.search(s),
        )
        denied = denied or self.first(
            SEVEN_A_WORDS,
            where=lambda s: REQUESTED_RECORDS.search(s) and not (IF_WORD.search(s) or LAW_SPEAKS.search(s)),
        )
        partial = (
            self.first(PARTIAL, where=lambda s: asserted(s) and not FEE_WORD.search(s))
            or self.first(
                PARTIAL_STRONG,
                where=lambda s: not (IF_WORD.search(s) or APPEAL_WORD.search(s) or FEE_WORD.search(s)),
            )
            or self.first(
                PARTIAL_ITEMS,
                where=lambda s: asserted(s) and not NEGATED.search(s) and not FEE_WORD.search(s),
            )
            or self.first(
                PARTIAL_ENCLOSED,
                where=lambda s: (
                    asserted(s)
                    and not NEGATED.search(s)
                    and not FEE_WORD.search(s)
                    and not DESCRIBED.search(s)
                ),
            )
        )
        if partial or (released and (withheld or denied or has_exemptions)):
            return "partial", partial or withheld or denied or ""
        if released:
            return "records_released", released
        # No records for one part and the rest withheld (in full, or "exempt from disclosure"
        # under a cited exemption): the denial is what to appeal.
        # A no-records letter's general word on what the law protects ("records about third
        # parties are exempt") is not this: the withholding must be of the records asked for.
        none_found = self.first(NO_RECORDS, where=lambda s: not CONDITIONAL.search(NOT_KNOWN.sub("", s)))
        # "denied" with no exemption behind it, when the records were not found or no longer
        # exist, is how some offices word a no-records answer (it carries appeal rights)
        if denied and not (none_found and not has_exemptions):
            return "denial", denied
        if withheld and has_exemptions and (none_found is None or REQUESTED_RECORDS.search(withheld)):
            return "denial", withheld
        if none_found:
            return "no_records", none_found
        return None

    def referral(self) -> tuple[str, bool] | None:
        """Where the letter says the request (True) or some records (False) were sent."""
        for s in self.sentences:
            if CONDITIONAL.search(s) or REQUESTER_SAYS.search(s):
                continue
            for pattern in (REFERRAL, REFERRAL_PASSIVE):
                for m in pattern.finditer(s):
                    what = m.group("what")
                    if not REFERRED_WHAT.search(what):
                        continue
                    to = re.sub(r"(?:\s+(?:of|and|for|on|the|&))+$", "", m.group("to")).rstrip(".,")
                    after = s[m.start("to") + len(to) :]
                    # records sent for consultation stay with this office ("to the Navy FOIA
                    # office for their consultation"): the other office does not answer you
                    if len(to) < 3 or FOR_CONSULTATION.match(after) or FROM_ELSEWHERE.match(after):
                        continue
                    self.note("referred_to", s)
                    whole = bool(re.search(r"\b(?:request|it)\b", what, re.I))
                    return to, whole
        return None

    def classify(
        self,
        referral: tuple[str, bool] | None,
        fee: Decimal | None,
        has_exemptions: bool,
        appeal_subject: bool = False,
    ) -> str:
        """The one reply type that best describes the letter; the order settles letters that
        do several things (an acknowledgment that also invokes an extension is an "ack")."""
        not_if = CONDITIONAL

        def current(s: str) -> bool:
            return not NARRATIVE.search(s) and not APPEAL_RIGHTS.search(s)

        def asked(s: str) -> bool:  # a clarification asked of the requester
            return not OWN_PERFECTING.search(s)

        checks: list[tuple[str, str | None]] = [
            (
                "appeal_decision",
                self.first(APPEAL_DECIDED, skip=not_if, where=lambda s: APPEAL_WORD.search(s) and current(s)),
            ),
            ("appeal_decision", self.first(REMANDING, skip=not_if, where=current)),
            ("appeal_ack", self.first(APPEAL_ACKED, skip=not_if, where=current)),
            # "Re: FOIA Appeal" above a letter that does not acknowledge it: the decision,
            # even when the deciding sentence is worded in no way the rules know.
            *self._appeal_response(appeal_subject),
        ]
        for kind, sentence in checks:
            if sentence:
                self.note("reply_type", sentence)
                return kind
        decided = self._determination(has_exemptions)
        # Records released beat a Glomar answer about other records ("we can neither confirm
        # nor deny" the rest); a Glomar answer beats a bare denial: it is the more exact one.
        glomar = self.first(GLOMAR, skip=GLOMAR_UNLESS)
        if glomar and not (decided and decided[0] in ("partial", "records_released")):
            self.note("reply_type", glomar)
            return "glomar"
        if decided:
            self.note("reply_type", decided[1])
            return decided[0]
        if referral:
            self.note("reply_type", self.reason_for("referred_to"))
            return "referral"
        will_close = self.first(WILL_CLOSE) is not None
        closed = self.first(CLOSED, skip=not_if)
        in_order: list[tuple[str, str | None]] = [
            ("fee", self.first(FEE_ESTIMATE if fee else FEE_STRONG, skip=not_if)),
            # closed for want of an answer: nothing left to reply to
            ("other", closed),
            (
                "still_interested",
                self.first(STILL_INTERESTED) or (self.first(WISH_TO_CONTINUE) if will_close else None),
            ),
            ("clarification", self.first(CLARIFY_SCOPE, skip=not_if, where=asked)),
            ("fee", self.first(CLARIFY, skip=not_if, where=lambda s: FEE_WORD.search(s) and asked(s))),
            ("clarification", self.first(CLARIFY, skip=not_if, where=asked)),
            ("ack", self.first(ACK_STRONG)),
            ("clarification", self.first(CLARIFY_IDENTITY, skip=not_if)),
            ("expedite_decision", self._decision_sentence("expedite") or self._expedite_weighed()),
            # a fee waiver denied is a decision to appeal, even in a letter that also logs the request
            ("fee_waiver_decision", self._decision_sentence("fee_waiver", denied_only=True)),
            ("extension", self.extension),
            ("ack", self.first(ACK_WEAK)),
            ("fee_waiver_decision", self._decision_sentence("fee_waiver")),
            ("fee", self.first(FEE_CLARIFY, skip=not_if)),
            # a letter that names a fee to pay and decides nothing else is a fee letter
            ("fee", self.first(FEE_WORD) if fee else None),
        ]
        for kind, sentence in in_order:
            if sentence:
                self.note("reply_type", sentence)
                return kind
        return "other"

    def _appeal_response(self, appeal_subject: bool) -> list[tuple[str, str | None]]:
        """A letter that answers an appeal (its opening says so, or "Re: FOIA Appeal" heads
        it): an acknowledgment if it only says the appeal is received or waits its turn,
        else the decision, even when the deciding sentence is worded in no way the rules know."""
        opening = next(
            (s for s in self.opening() if APPEAL_RESPONSE.search(s) and not APPEAL_HOW.search(s)), None
        ) or (self.first(APPEAL_WORD) if appeal_subject else None)
        if opening is None:
            return []
        if self.first(APPEAL_PENDING, skip=CONDITIONAL):
            return [("appeal_ack", self.first(APPEAL_PENDING, skip=CONDITIONAL))]
        return [("appeal_decision", opening)]

    def opening(self) -> list[str]:
        """The first sentences after the salutation (or of the text, when it has none)."""
        start = next((i + 1 for i, s in enumerate(self.sentences[:40]) if SALUTATION.search(s)), 0)
        if start and len(self.sentences[start - 1]) > 60:  # "Dear Ms. X: This responds to ..."
            start -= 1
        return self.sentences[start : start + OPENING_SENTENCES]

    def reason_for(self, finding: str) -> str | None:
        return next((text for name, text in self.reasons if name == finding), None)

    def _decision_sentence(self, topic: str, denied_only: bool = False) -> str | None:
        about = DECISION_TOPICS[topic]
        return self.first(
            DENIED if denied_only else _any(DENIED.pattern, GRANTED.pattern),
            skip=CONDITIONAL,
            where=lambda s: bool(about.search(s)),
        )

    def _expedite_weighed(self) -> str | None:
        """A letter that opens on the request for expedited processing and weighs it against
        the standard (the regulation's categories, or the requester's ground said back) is the
        expedite decision, even when the deciding sentence is cut off; not while it says that
        decision is still to come."""
        asked = next((s for s in self.opening() if EXPEDITE_ASKED.search(s)), None)
        if asked is None or self.first(EXPEDITE_PENDING) or not self.first(EXPEDITE_WEIGHED):
            return None
        return asked

    def decision(self, topic: str) -> str | None:
        """granted / denied for an expedite or fee-waiver request the letter decides."""
        sentence = self._decision_sentence(topic)
        if sentence is None:
            return None
        self.note(topic, sentence)
        return "denied" if DENIED.search(sentence) else "granted"

    def appeal_outcome(self) -> str | None:
        """The decision, read from every sentence that decides something: a remand anywhere
        makes it "remanded", a grant or affirmance "in part" makes it "partly_granted"."""
        decided = [s for s in self.sentences if APPEAL_DECIDED.search(s) and not CONDITIONAL.search(s)]
        if not decided:
            return None
        for outcome, pattern in (
            ("remanded", r"\bremand"),
            ("partly_granted", r"\bin\s+part\b|\bpartial"),
            ("granted", r"\brevers|\bgrant"),
            ("denied", r"."),
        ):
            sentence = next((s for s in decided if re.search(pattern, s, re.I)), None)
            if sentence:
                self.note("appeal_outcome", sentence)
                return outcome
        return None

    def dates(self, letter: date | None) -> dict[str, date]:
        """The dates the letter names for the request, each from the first sentence that names it."""
        found: dict[str, date] = {}

        def take(name: str, sentence: str, m: re.Match | None) -> None:
            day = to_date(m.group("d")) if m else None
            if day is not None and name not in found:
                found[name] = day
                self.note(name, sentence)

        for s in self.sentences:
            for pattern in RECEIVED:
                if not APPEAL_WORD.search(s) or APPEAL_ACKED.search(s):
                    take("received", s, pattern.search(s))
            estimate = ESTIMATE_WHAT.search(s) if ESTIMATE_TOPIC.search(s) else None
            take("estimated_completion", s, estimate)
            extended = EXTENDED_WHAT.search(s) if EXTENSION.search(s) or NEW_DATE.search(s) else None
            take("extended_due", s, extended)
            if REPLY_ACTION.search(s) and not APPEAL_WORD.search(s) and not estimate and not extended:
                take("reply_by", s, REPLY_BY.search(s))
                within = WITHIN_DAYS.search(s)
                if within and letter is not None and "reply_by" not in found:
                    n = within.group("n").lower()
                    count = NUMBER_WORDS.get(n) or int(n)
                    day = _days_after(letter, count, (within.group("unit") or "").lower())
                    if day is not None:
                        found["reply_by"] = day
                        self.note("reply_by", s)
        return found
