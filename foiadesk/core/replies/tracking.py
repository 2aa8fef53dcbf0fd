"""A reply is matched to its request by the agency's tracking number: this module finds those
numbers, after a label, in a component's known format (resources/reply_formats.json) or in an
agency's usual style, and leaves out the shapes that only look like one."""

from __future__ import annotations

import re

from foiadesk.core.replies.dates import DATE, YEARS
from foiadesk.core.replies.text import SALUTATION

TOKEN = r"[A-Z0-9]+(?:[-/_.][A-Z0-9]+)*"
# After a label, OCR may read a digit as one lower-case letter between digits ("FOIA # 12i840");
# the number is kept as printed.
OCR_TOKEN = r"\d+[a-z]\d+"
# The Justice Department's one-letter suffix, part of its numbers: "OLA/14-01844 (F)".
LETTER_SUFFIX = r"(?:[ ]?\([A-Z]\)(?![ ]?\())?"
# A part number in parentheses joined to the number, after a label: "Freedom of Information Act
# #126-21(2)" (the Defense Security Service's style); not one after a space, nor "(b)(6)".
PART_SUFFIX = r"(?:\(\d{1,2}\)(?![ ]?\(\d))?"
# A number printed with spaced dashes after a label: "CASE NUMBER 2009 -0016",
# "RE: 16 FOI – 00056; 17 – App – 00001" (kept as printed; a re-flow's line break after a dash
# is read as the space it replaced: "RE: 17 –\nFOI – 00020").
SPACED_TOKEN = (
    r"\d{2,4}(?:[ ][A-Za-z]{2,4})?(?:[ ]+[-–—][ ]*|[ ]*[-–—][ ]+|[ ]*[-–—][ ]*\n[ ]*)"
    r"(?:[A-Za-z]{2,4}(?:[ ]*[-–—][ ]*(?:\n[ ]*)?))?\d{3,6}(?![\d])"
)
# OCR may read a speck before a dash as an apostrophe ("NRC-2019'-000072"); after a label the
# number is kept as printed.
MARKED_TOKEN = r"[A-Z0-9]+(?:-[A-Z0-9]+)*'-[A-Z0-9]+(?:-[A-Z0-9]+)*"
# After a label, an office's code with a slash, then a space and the number: "Re: DHS/OSIPRIV
# 11-0423" (DHS Privacy's style), kept whole as printed (a line end at its space read as the space).
# Not the Act's own names ("FOIA/PA 11-239"
# is labelled by them, and its number is 11-239).
OFFICE_CODED = r"(?!(?:FOIA|FOI|FOIPA)/P?A\b)[A-Z]{2,6}/[A-Z]{2,10}\s\d{2,4}-\d{3,6}"
# Labels agencies put before their number (OCR may run the last two words together:
# "TrackingNumber:", "CaseNo."; only before a capital N or ID, so "Casenumber" is no label);
# each repetition is bounded so that a text of
# "Request Request Request …" cannot make the pattern backtrack over itself.
LABELLED = re.compile(
    r"(?i:(?:(?:FOIA|FOIPA|FOIA/PA|FOI/PA|Privacy\s+Act|PA|Appeals?|Request|Case|Tracking|Control|Reference|"
    r"Referral|Consultation|Ticket|Confirmation|Log|Submission)(?:\s+|(?=(?-i:Numbers?\b|No\.|ID\b)))){1,3}"
    r"(?:Numbers?|Nos?\.?|Num\.?|ID)"
    r"|(?:FOIA|FOIPA|FOIA/PA|FOI/PA|Request|Case|Appeal|Tracking|Control|Log)\s*#"
    # NSA's letterhead: "FOIA Case: 41517", "FOIA Cases: 58957B"
    r"|(?:FOIA|FOIPA|FOIA/PA)\s+(?:Request|Appeal|Cases?)"
    # the bare name before a number: "Re: FOIA 2019-820"; on an OCR'd form the box's border
    # between them reads as a lone I, l or | ("FOIA I 2016-0737")
    r"|(?-i:FOIA|FOIPA|FOIA/PA|FOI/PA)(?:[ \t]+[Il|](?=\s+\d))?(?=\s+\(?\d)"
    r"|Freedom\s+of\s+Information\s+Act\s+(?:\(FOIA\)\s+)?(?:Request|Appeal)(?:\s+(?:Number|No\.?))?"
    r"|Freedom\s+of\s+Information\s+Act\s*#"
    r"|\bRe\s*:|\bReference\s*:|\bOur\s+Ref(?:erence)?\.?\s*:"
    # a portal's heading and a number set off by commas: "Request: 2021-00412", "Your FOIA request,
    # number 21-0417, was received"
    r"|\bRequest\s*:|\brequest,\s+(?:number|no\.)"
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
    # "assigned file number 04-0317" (the Navy's style): a number given to the request is its own
    r"|(?:assigned|given)\s+(?:it\s+)?(?:the\s+)?(?:following\s+)?(?:(?:FOIA|request|tracking|reference|case|control|appeal|log|file)\s+){0,3}"
    r"(?:number|no\.?)?"
    # the Navy's and the Coast Guard's subject code for FOIA heads the letterhead's reference:
    # "5720 2016-002026 Ser 00LJF/16U1573"; not an address's number ("5720 Integrity Drive")
    r"|(?<![\w.-])5720(?=\s+\d{4}-\d{4,7}(?![\w-])))"
    # one way through the gap after the label ("\s*[:#.]?\s*" backtracks on long blank runs)
    rf"\s*(?:[:#.,]\s*)?(?:\(?(?P<n1>{OFFICE_CODED}|{SPACED_TOKEN}|{MARKED_TOKEN}|{TOKEN}{PART_SUFFIX}{LETTER_SUFFIX}|{OCR_TOKEN})(?![A-Za-z0-9])\)?)"
)
# A letterhead's correspondence serials, and the ones listed under the first ("SERIALS: J9632B-95\n
# J9700B-96", NSA's style), number letters, not requests (one alone is "not_tracking_after" a serial).
SERIAL_LIST = re.compile(
    rf"(?i:\bSerials?(?:[ \t]+Nos?\.?)?)[ \t]*:[ \t]*"
    rf"(?P<list>{TOKEN}(?:(?:[ \t]*[,;&][ \t]*|\s+)(?:and[ \t]+)?{TOKEN}){{0,5}})"
)
TOKEN_AT = re.compile(TOKEN)
# Another request named in the body, by the records answered under it ("records addressed in response
# to FOIA-85-328", "documents as provided in F01A-86-620", "released under 2019-00123") or by the
# earlier letter that answered it ("NRC's letter dated June 27, 1985, responding to your request
# F01A-85-151"): a number the letter first names so is not this letter's, wherever it repeats it, as
# long as the letter has a number of its own.
OTHER_REQUEST_BEFORE = re.compile(
    r"(?:\b(?:released|provided|produced|furnished|addressed|processed|answered)\s+(?:to\s+you\s+)?"
    r"(?:in\s+response\s+to|in|under)"
    rf"|\b(?:letter|response|decision)\s+(?:dated|of)\s+{DATE},?\s+(?:responding|in\s+response)\s+to\s+your\s+"
    r"(?:\w+\s+)?request)\s*$",
    re.I,
)
# OCR's space inside the year that opens a labelled number: "FOIA Control No. 20 16-000534" is
# 2016-000534 (read mended, as a doubled hyphen is). Only a century's two digits, then two more and
# a hyphen, so "No. 20 pages" or "Nos. 20 16" stay as they are.
YEAR_SPLIT_TAIL = re.compile(rf"[ ](?P<tail>\d\d-{TOKEN})(?![A-Za-z0-9])")
# More numbers after a labelled one: "Re: FOIA Nos. 2019-001, 2019-002", "16 FOI – 00056; 17 – App – 00001"
# A re-flow may break the line after the separator ("RE: 17 – FOI – 00020;\n2017 – APP – 0002").
LABELLED_MORE = re.compile(
    rf"[ \t]*(?:[;,&]|\band\b)[ \t]*(?:\n[ \t]*)?(?P<n1>{SPACED_TOKEN}|{TOKEN})(?![A-Za-z0-9])"
)
# Labels that name a request or an appeal (not "Case", which courts use too): after them a
# number shaped like a docket is the agency's ("DEA Appeal Number: 14-00071-AP", "Requester
# Control Number: 21-00456-FOIA").
REQUEST_LABEL = re.compile(r"\b(?:FOIA|FOIPA|Appeal|Request|Tracking|Control)\b", re.I)
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
# Information Act Request IMRO 2009-145", or alone on a subject line: "Re: CRCL 12-009" (DHS
# CRCL's style; a two-digit year then at least three digits). Not FOIA, PA or a label word,
# which are no code.
CODED_REQUEST = re.compile(
    r"(?:\bRequest|(?m:^[ \t]*(?:Re|RE|Subject)[ \t]*:))[ \t]+"
    r"(?P<n1>(?!(?:FOIA|FOIPA|FOI|PA|NO|NOS|NUMBER|ID|FY|FFY|CY|CASE|FILE|REF)\b)[A-Z]{2,6}[ ]"
    r"(?:(?:19|20)\d\d-\d{2,6}|\d\d-\d{3,6}))(?![A-Za-z0-9-])"
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


# A fiscal year's own series after a label: "Re: FOIA No. FY20-03", "Request No. FY2021-0145",
# "Case FY20-03" (a bare "FY20" has no serial; "FY20-21" and "FY2020-2021" are two fiscal years,
# see _next_year).
FISCAL_YEAR_NUMBER = re.compile(r"FY(?P<year>\d{2}|\d{4})-(?P<serial>\d{2,6})")
FISCAL_AFTER_WORD = re.compile(
    r"\b(?:Case|Request|Matter)[ \t]*[:#]?[ \t]*(?P<n1>FY(?:\d{2}|\d{4})-\d{2,6})(?![A-Za-z0-9-])", re.I
)


def _next_year(year: str, serial: str) -> bool:
    """``serial`` is the fiscal year after ``year`` ("20-21", "2020-2021", "2020-21"): a span."""
    return serial[-2:] == f"{(int(year[-2:]) + 1) % 100:02d}" and len(serial) in (2, 4)


# An NRC form's revision date beside its number, "NRC FORM 464 Part I (10-2017)": a month and a
# year in parentheses, never a request's number.
FORM_REVISION = re.compile(r"(?:0[1-9]|1[0-2])-(?:19|20)\d\d")
# On the NRC's form 464 the request number's box sits inside the title, so a text extraction prints
# the number between its words: "RESPONSE TO FREEDOM OF 2018-0000513 4 INFORMATION ACT (FOIA)
# REQUEST" (the box's border may read as a lone I). In prose "Freedom of" is never followed by a number.
FORM_TITLE_NUMBER = re.compile(r"\bFreedom\s+of\s+(?:[Il|]\s+)?(?P<n1>\d{2,4}-\d{3,8})(?![A-Za-z0-9-])", re.I)
# A number OCR or a typist broke inside: a doubled hyphen ("NRC-2018--000219") or a space beside a
# hyphen ("2019-ICFO- 12345") is mended. Only a number already in two parts, one of capitals and one
# of digits, is joined, and only to a tail no year can be (five digits or more, or a leading zero),
# so "2018--2019" and "FY-2019- 2020" stay apart.
BROKEN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9-])((?:[A-Z]{2,8}-\d{2,4}|\d{2,4}-[A-Z]{2,8})(?:-[A-Z0-9]{1,8})?)(?:--|-[ ]|[ ]-)"
    r"(\d{5,8}|0\d{3,7})(?![A-Za-z0-9])"
)
# OCR's space inside the year of a number an office's code opens: "FOIA #BPA-201 3-01311-F" is
# BPA-2013-01311-F, read mended like "No. 20 16-000534" (YEAR_SPLIT_TAIL). Only a code of capitals,
# a year of 19xx or 20xx split once, and a serial of three digits or more after it, so
# "Room HQ-201 3-D" and "BPA-201 3 pages" stay.
SPLIT_YEAR_INSIDE = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z]{2,8}-)((?:19|20)\d?)[ ](\d{1,2})(?=-[A-Z]{0,4}\d{3,8}(?![\d]))"
)


def _year_closed(m: re.Match) -> str:
    return f"{m[1]}{m[2]}{m[3]}" if len(m[2] + m[3]) == 4 else m[0]


# The number of a case in another records system, which the request asked about or the letter
# mentions, is not the FOIA request's: "The MISLE case number is 1234567", "your consumer
# complaint, case #00186433", "Incident No. 19-0042", "the investigative file for Case Number …".
RECORDS_CASE = re.compile(
    r"(?:\b(?:" + "|".join(FORMATS["records_systems"]) + r")\b,?\s+(?:\(?case\s+)?"
    r"|\b(?:files?|records?|reports?)\s+(?:for|of|on|in|regarding|concerning|about|related\s+to|pertaining\s+to)"
    r"\s+(?:(?:the|an?|your|that)\s+)?(?:[a-z]+\s+)?case\s+)"
    r"(?:Numbers?|Nos?\.?|#)(?:\s+(?:is|was))?\s*[:#.]?\s*\(?$",
    re.I,
)
SUBJECT_LINE = re.compile(r"(?im)^[ \t]*(?:Re|Subject|Regarding)\b")
SENTENCE_END = re.compile(r"[a-z]{2}[.!?:]\s+[A-Z]")  # a sentence's or a salutation's end


def _records_case(text: str, at: int) -> bool:
    """The number at ``at`` is a case of the records asked about (``RECORDS_CASE``), unless the
    letter's own subject line gives it (a "Re:" line, not a paragraph a re-flow ran on after it)."""
    # only the 160 characters before the number are looked at, so a long line of many numbers
    # is not scanned again for each of them
    start = max(0, at - SUBJECT_REACH - 1)
    line_start = text.rfind("\n", start, at) + 1 or (0 if start == 0 else -1)
    subject = SUBJECT_LINE.match(text, line_start) if line_start >= 0 else None
    if subject and not SENTENCE_END.search(text, subject.end(), at):
        return False
    return bool(RECORDS_CASE.search(text[max(0, at - 60) : at]))


SUBJECT_REACH = 160


def _short_appeal(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and int(token) not in YEARS


def _is_tracking(token: str, labelled: bool, named: bool = False) -> bool:
    """At least five digits and no lower case; without a label it must also mix letters
    and a run of three digits, the way agency numbers do. Digits alone need six, or five
    after a label that names a number (``named``)."""
    fiscal = FISCAL_YEAR_NUMBER.fullmatch(token)
    if fiscal and _next_year(fiscal["year"], fiscal["serial"]):
        return False
    if fiscal and labelled:
        return True
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
    text = BROKEN_NUMBER.sub(r"\1-\2", text)
    text = SPLIT_YEAR_INSIDE.sub(_year_closed, text)
    found: dict[str, int] = {}
    serials = {
        t.start() for m in SERIAL_LIST.finditer(text) for t in TOKEN_AT.finditer(text, *m.span("list"))
    }

    def take(token: str, at: int, labelled: bool, known: bool = False, named: bool = False) -> None:
        token = LABEL_TAIL.sub("", token)
        if token in found or at in serials or NOT_TRACKING_AFTER.search(text[max(0, at - 30) : at]):
            return
        if FORM_REVISION.fullmatch(token) and text[at - 1 : at] == "(":
            return
        if not known and _records_case(text, at):
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
            end = more.end("n1")
            split_year = YEAR_SPLIT_TAIL.match(text, end) if token in ("19", "20") else None
            if split_year:
                token, end = token + split_year["tail"], split_year.end("tail")
            if re.search(r"\s", token):
                token = re.sub(r"\s", " ", token)
                if sum(ch.isdigit() for ch in token) >= 5 and not YEAR_SPAN.fullmatch(token):
                    found.setdefault(token, more.start("n1"))
            elif request_label and DOCKET_SHAPE.fullmatch(token):
                found.setdefault(token, more.start("n1"))
            else:
                take(token, more.start("n1"), True, named=named)
            more = LABELLED_MORE.match(text, end)
        pos = m.start("n1")
    for m in FISCAL_AFTER_WORD.finditer(text):
        take(m.group("n1"), m.start("n1"), True)
    for m in FORM_TITLE_NUMBER.finditer(text):
        take(m.group("n1"), m.start("n1"), True, named=True)
    for m in COMPONENT_NUMBER.finditer(text):
        take(m.group(0), m.start(), True, known=True)
    for m in SHAPED.finditer(text):
        take(m.group(0), m.start(), False)
    for m in CODED_REQUEST.finditer(text):
        if not YEAR_SPAN.search(m.group("n1")):
            take(m.group("n1"), m.start("n1"), True)
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
    # a footnote's mark run onto a number that ends a sentence ("… and 2010-135.3 We find"):
    # the number is the one printed without it
    split |= {
        t
        for t in found
        if (m := FOOTNOTE_MARK.fullmatch(t)) and m["head"] in found and _sentence_after(text, t, found[t])
    }
    # another request's number, when the letter has one of its own
    others = {t for t, at in found.items() if OTHER_REQUEST_BEFORE.search(text[max(0, at - 120) : at])}
    if not found.keys() - others - split:
        others = set()
    kept = sorted((t for t in found if t not in split and t not in others), key=found.__getitem__)
    # the same number printed twice, once OCR'd ("F01A-86-451" and "FOIA-86-451"): the first
    first: dict[str, str] = {}
    for token in kept:
        first.setdefault(_ocr_fold(token), token)
    return tuple(first.values())


FOOTNOTE_MARK = re.compile(r"(?P<head>.*\d)\.\d{1,3}")


def _sentence_after(text: str, token: str, at: int) -> bool:
    return re.match(r"\s+[A-Z]", text[at + len(token) : at + len(token) + 3]) is not None


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


# In the letterhead, "Date: May 11, 2020 File Number: 20190427" (the Secret Service's style), or
# "Re: File No. 20210417";
# in the body "File Number 66-HQ-3286" is a file the records sit in (see NOT_TRACKING_AFTER).
LETTERHEAD_FILE = re.compile(
    rf"\bFile\s+(?:Number|No\.?)(?:[ \t]*:\s*|(?<=\.)[ \t]*)(?P<n1>{TOKEN})(?![A-Za-z0-9])", re.I
)
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
