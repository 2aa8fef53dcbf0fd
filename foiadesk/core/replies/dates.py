"""Letters write dates in many ways and name several: this module reads a date as letters print
it, finds the letter's own date in its letterhead, and holds the patterns for the dates a letter
names for the request (received, estimated completion, extended due, reply by)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from foiadesk.core.replies.text import SALUTATION, normalise
from foiadesk.core.replies.wording import any_of

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
# OCR may read a day's leading 1 as a lower-case l ("November l4, 1978").
DAY = r"(?:\d[ ]\d(?=,?\s*\d{4})|\d{1,2}|l\d(?=,?\s*\d{4}))"
# A year may be cut to two digits after an apostrophe ("26 November '96").
YEAR = r"(?:\d{4}|'\d{2})(?!\d)"
# A date stamp may print a dash before the year ("MAY 5 - 2006"), and OCR may put a period
# where the space after the month was ("September.30, 2016"), or lose it ("May11,2016").
DATE = (
    rf"(?:{MONTH}(?:\s+|(?<=\.)|(?=\d{{1,2}},)){DAY}(?:st|nd|rd|th)?(?:[ ]?[,.]?\s*|[ ]+[-–][ ]*){YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{MONTH},?\s+{YEAR}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2})"
)
DATE_RE = re.compile(DATE, re.I)
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
DATE_LINE = re.compile(rf"^[ \t]*(?:Date(?:d)?[ \t]*:?[ \t]*)?{WEEKDAY}?({DATE})[ \t]*$", re.I | re.M)
DATED_LABEL = re.compile(r"[ \t]*Dated?[ \t]*:", re.I)
YEARS = range(1950, 2100)


def to_date(text: str) -> date | None:
    """A date as letters write it ("November 3, 2026", "11/03/2026", "3 November 2026",
    "2026-11-03", OCR's "JUN 2 2 2013"), or None when it is not a real date."""
    text = re.sub(r"\b(\d) (\d)\b", r"\1\2", text.strip())
    text = re.sub(r"(?<=\s)l(?=\d)", "1", text)
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
            if len(numbers) == 1 and 5 <= len(str(numbers[0])) <= 6:  # a stamp's "JUL 161986"
                numbers = [numbers[0] // 10000, numbers[0] % 10000]
            d, year = (numbers[0], numbers[1]) if numbers[0] < 100 else (numbers[1], numbers[0])
            if re.search(r"'\d{2}$", text):  # '96 is 1996, '07 is 2007
                year += 1900 if year >= 50 else 2000
            day = date(year, month, d)
    except (ValueError, IndexError, StopIteration, OverflowError):
        return None
    return day if day.year in YEARS else None


def find_letter_date(text: str) -> date | None:
    """The date on the letter, wherever the letterhead puts it (see ``letter_date_with_line``)."""
    dated = letter_date_with_line(normalise(text))
    return dated[0] if dated else None


# A letter's first words, where it has no salutation: "This further responds to your …".
OPENING = re.compile(
    r"\b(?:This\s+(?:letter\s+)?(?:further\s+)?(?:responds|is\s+in\s+(?:further\s+)?(?:response|reply)|acknowledges)"
    r"|(?:In|With)\s+(?:further\s+)?(?:response|reply)\s+to\s+your)\b",
    re.I,
)

# Words that make a date in the letterhead someone else's: "your letter dated", "received
# on", "request of", "since", "through" ...
NOT_LETTER_DATE = re.compile(
    r"\b(?:dated|of|on|received|receipt|since|through|thru|from|to|until|by|between|and|before|after|in|"
    r"effective|letter|request|memo(?:randum)?|your|our|the|filed|amended|as\s+of|submitted|requested|due|"
    r"regarding|concerning|about|for|during|at|around|circa|following|created|issued|signed|"
    # a subject line names what the letter is about ("Subject: September 11, 2001")
    r"subject|re|"
    # an order is dated by its release, not by the day it was voted ("Adopted: … Released: …")
    r"adopted)\s*[:,]?\s*$",
    re.I,
)


def letter_date_with_line(text: str) -> tuple[date, str] | None:
    """The letter's own date: a date alone on a line of the letterhead, else the first date
    in the letterhead that no "dated", "received on" or "of" claims ("…Mail Stop 0655
    August 18, 2017 Austin Evers…"), else a date line anywhere. The letterhead ends at the
    salutation, or after 1,200 characters. A letter-spaced line is read closed up, and a stamp's
    year misread by one digit is mended (``_mended``)."""
    salute = SALUTATION.search(text, 0, 3000)
    opening = None if salute else OPENING.search(text, 0, 3000)
    # without a salutation the letterhead runs to the letter's first words, however long what
    # came before it (a web page's cover note before an OCR'd letter), or 1,200 characters
    head_end = salute.start() if salute else max(1200, opening.start() if opening else 0)
    head = LETTER_SPACED.sub(_closed_up, text[:head_end])
    dated = _date_line(head)
    if dated:
        return _mended(dated, text[head_end:])
    for m in DATE_RE.finditer(head):
        if NOT_LETTER_DATE.search(head[max(0, m.start() - 30) : m.start()]):
            continue
        day = to_date(m.group(0))
        if day is not None:
            line_start = head.rfind("\n", 0, m.start()) + 1
            return _mended((day, head[line_start : m.end() + 40].split("\n")[0].strip()), text[head_end:])
    dated = _date_line(text)
    mil = MILITARY_DATE.search(head)
    if dated is None and mil and not NOT_LETTER_DATE.search(head[max(0, mil.start() - 30) : mil.start()]):
        year = int(mil.group(3))
        day = to_date(f"{mil.group(2)} {mil.group(1)}, {year + (1900 if year >= 50 else 2000)}")
        if day is not None:
            return day, mil.group(0)
    if dated is None and (stamp := GARBLED_STAMP.search(head)):
        return _stamp_year_from_letter(stamp, text[head_end:])
    if dated is None:
        for stamp in STAMP.finditer(text, 0, 3000):  # OCR may set the stamp inside the text
            if not NOT_LETTER_DATE.search(text[max(0, stamp.start() - 30) : stamp.start()]):
                day = to_date(stamp.group(0))
                if day is not None:
                    return day, stamp.group(0)
    return dated


# The military style in a letterhead, "20 Mar 15": day, three-letter month, two-digit year; not
# a log entry's, which a time of day follows ("10 NOV 75 (1125Z) - UFO sighting reported").
MILITARY_DATE = re.compile(
    r"(?<![\w/-])(\d{1,2})\s((?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\s(\d{2})(?![\w/-])"
    r"(?![ \t]*\(?\d{4}Z\b)"
)

# A received-or-sent stamp: capital month, day and year, no comma ("JUL 23 2014"). OCR sets it
# wherever the stamp sat on the page, often after the salutation, so it is looked for in the
# letter's first lines when no date is found in the letterhead.
STAMP = re.compile(
    r"(?<![\w/-])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?"
    r"[ \t]+\d{1,2}[ \t]+(?:19|20)\d\d(?![\w/-])"
)

# A date stamp's capital month and day over a year OCR made letters of but its last digit
# ("AUG\n7 IN6" for AUG 7 1986).
GARBLED_STAMP = re.compile(
    r"(?<![\w/-])(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{1,2})[ \t]+"
    r"([A-Z0-9]{1,3})(\d)(?![\w/-])"
)


def _stamp_year_from_letter(stamp: re.Match, body: str) -> tuple[date, str] | None:
    """The year of a stamp OCR garbled: the one, of the latest date the letter names as past and
    the year after it, that ends in the stamp's last digit and puts the stamp on or after that
    date. None when the garbled part has no letter (then it was no year) or nothing fits."""
    if stamp.group(3).isdigit():
        return None
    named = [d for d in _past_dates(body) if d]
    if not named:
        return None
    latest = max(named)
    for year in (latest.year, latest.year + 1):
        if year % 10 == int(stamp.group(4)):
            day = to_date(f"{stamp.group(1)} {stamp.group(2)}, {year}")
            if day is not None and day >= latest:
                return day, stamp.group(0)
    return None


# A line set (or OCR'd) letter-spaced, "M a r c h 1 6 , 2 0 1 0": single characters apart.
LETTER_SPACED = re.compile(r"^[ \t]*\S{1,2}(?:[ \t]\S{1,2}){5,}[ \t]*$", re.M)


def _closed_up(m: re.Match) -> str:
    return re.sub(r"[ \t]+", "", m.group(0))


# A date the letter names that looks ahead (a reply due "by", an extension "until") may fall
# after the letter; the others (the request's, the earlier letter's) came before it.
AHEAD = re.compile(
    r"\b(?:by|until|till|before|through|thru|due|after|expires?|than|effective|extended\s+to)\s*[:,]?\s*$",
    re.I,
)


def _past_dates(body: str) -> list[date]:
    """The dates the letter names in its first 6,000 characters, except those it looks ahead to."""
    return [
        d
        for m in DATE_RE.finditer(body, 0, 6000)
        if not AHEAD.search(body[max(0, m.start() - 30) : m.start()]) and (d := to_date(m.group(0)))
    ]


def _mended(dated: tuple[date, str], body: str) -> tuple[date, str]:
    """A date stamp OCR'd with one wrong digit in its year ("JUL 161966" for 1986, "10. JAN 1960"
    for 1980) dates the letter years before the request it answers. When every date the letter
    names as past is two or more years after the stamp, the year is mended to the earliest that
    changes one digit and falls on or after the latest of them (within a year of it); otherwise
    the stamp stands (one slip in a date the letter names does not move it)."""
    day, line = dated
    named = _past_dates(body)
    if not named or min(named).year - day.year < 2:
        return dated
    latest = max(named)
    year = str(day.year)
    for candidate in sorted(
        int(year[:i] + digit + year[i + 1 :]) for i in range(4) for digit in "0123456789" if digit != year[i]
    ):
        if latest.year <= candidate <= latest.year + 1:
            try:
                mended = day.replace(year=candidate)
            except ValueError:  # 29 February
                continue
            if mended >= latest:
                return mended, line
    return dated


def _date_line(text: str) -> tuple[date, str] | None:
    for m in DATE_LINE.finditer(text):
        # a re-wrapped "your letter of\nApril 20, 2000" puts another date alone on a line; the
        # line's own label ("Dated: October 1, 2018") is the letter's
        before = m.start() if DATED_LABEL.match(m.group(0)) else m.start(1)
        if NOT_LETTER_DATE.search(text[max(0, before - 30) : before]):
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


def days_after(letter: date, count: int, unit: str) -> date | None:
    if "working" in unit or "business" in unit:
        from foiadesk.core.deadlines.calendar import calendar

        try:
            return calendar().add_working_days(letter, count)
        except Exception:  # noqa: BLE001 - outside the calendar's years: no date proposed
            return None
    return letter + timedelta(days=count)


# The dates a letter names for the request, read sentence by sentence by ``reply_type.Findings``.
RECEIVED = [
    re.compile(rf"\b(?:date\s+(?:of\s+)?receipt|date\s+received|received\s+date)\s*:?\s*(?P<d>{DATE})", re.I),
    re.compile(rf"\breceived\b(?:\s+(?:by|in|at)\s+.{{1,60}}?)?\s+(?:on\s+)?(?P<d>{DATE})", re.I),
    re.compile(rf"\breceiv\w*\b.{{0,100}}?\bon\s+(?P<d>{DATE})", re.I),
]
ESTIMATE_TOPIC = any_of(
    r"\bestimat",
    r"\bexpect",
    r"\banticipat",
    # the office's own answer promised by a date is its estimate, not a date for the requester: "We
    # will provide you our release determination by 7 May 2003", "We plan to respond to you by May 2"
    r"\b(?:we|I|this\s+office)\s+(?:will|shall|plan\s+to|intend\s+to|hope\s+to)\s+(?:provide\s+(?:you\s+)?"
    r"(?:with\s+)?(?:our|a|the)\s+(?:\w+\s+)?(?:determination|response|decision)|respond|reply|complete"
    r"|make\s+(?:a|our)\s+(?:\w+\s+)?determination)\b",
)
ESTIMATE_WHAT = re.compile(
    rf"\b(?:complet\w*|respon\w*|determination|finish\w*|process\w*|repl(?:y|ies))\b.{{0,80}}?(?P<d>{DATE})",
    re.I,
)
EXTENDED_WHAT = re.compile(
    rf"\b(?:extend\w*|extension|unusual\s+circumstances|new\s+(?:due|response)\s+date)\b.{{0,120}}?"
    rf"\b(?:until|to|through|by|is|of|on)\s+(?P<d>{DATE})",
    re.I,
)
REPLY_ACTION = any_of(
    r"\brespond", r"\breply", r"\bresponse\b", r"\bhear\s+from\s+you\b", r"\blet\s+us\s+know\b",
    r"\bnotify\b",
    r"\bcontact\s+(?:us|this\s+office|our\s+office)\b", r"\bprovide\b", r"\bclarif", r"\bsubmit\b",
    r"\bconfirm\b", r"\bpayment\b", r"\bcommit", r"\badvise\b", r"\binform\s+us\b",
)  # fmt: skip
NEW_DATE = re.compile(r"\bnew\s+(?:due|response)\s+date", re.I)
REPLY_BY = re.compile(
    rf"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|not\s+later\s+than)\s+(?P<d>{DATE})", re.I
)
