"""Which request a reply answers: by tracking number, then the letterhead's agency, then
dates and subject. The answer says why and how sure it is; a letter from an agency the log
has no request to says so instead of falling back on whatever row is selected.

Pure logic over ``store.replies.request_facts``: the import preview (CLI) and the window's
import dialog both call ``propose_request`` and show its ``why``. ``scripts/match_accuracy.py``
measures it on real letters.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from foiadesk.core.paths import RESOURCES
from foiadesk.core.replies.dates import DATE_RE, to_date
from foiadesk.core.replies.files import ReplyFile
from foiadesk.core.replies.parse import Proposal
from foiadesk.core.replies.text import SALUTATION
from foiadesk.core.replies.tracking import FORMATS
from foiadesk.core.store.replies import RequestFacts, components, request_facts

CONFIDENCE = ("certain", "likely", "possible", "none")
STOPWORDS = frozenset(
    "records record request requests concerning regarding relating related about between their these those "
    "with from that this which other documents document emails email communications memoranda copies "
    "all any foia freedom information act office offices agency department federal government "
    "united states".split()
)


@dataclass(frozen=True)
class Match:
    request_id: int | None  # the proposed request, None when the user must choose
    confidence: str  # certain | likely | possible | none
    why: str  # one sentence for the review
    candidates: tuple[int, ...] = ()  # requests to offer first, best first
    agency: str | None = None  # what the letterhead names, as the log calls it


# The reader keeps a number as printed, OCR slips included ("F01A-85-613", "NRC-2019'-000072"):
# compared, O and 0, and I, L and 1, are the same character, and punctuation is ignored.
OCR_LOOKALIKES = str.maketrans("OIL", "011")


def _key(number: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", number.upper()).translate(OCR_LOOKALIKES)


def _same_number(one: str, other: str) -> bool:
    """Two writings of one tracking number: alike but for OCR's slips and punctuation, or one with
    a note after it ("00-1429-A (LEI)", "073-22(2)(Appeal)" is 00-1429-A, 073-22(2))."""
    if _key(one) == _key(other):
        return True
    short, long = sorted((one.strip(), other.strip()), key=len)
    note = long[len(short) :]
    # the note stands apart (a space or a bracket): "12345B" or "2026-ICFO-00123A" is another number
    apart = re.match(r"\s+\(?[A-Za-z]|\([A-Za-z]", note) is not None
    return len(_key(short)) >= 5 and long.startswith(short) and apart


def _letterhead(reply: ReplyFile | None, text: str) -> str:
    head_end = SALUTATION.search(text, 0, 3000)
    head = text[: head_end.start() if head_end else 1500]
    return f"{head}\n{reply.sender if reply else ''}\n{reply.subject if reply else ''}"


# "U.S. Customs & Border Protection" is printed "United States Customs and Border Protection",
# "US Customs and Border Protection" or plain "Customs and Border Protection".
_US = r"(?:(?:U\.?\s*S\.?|United\s*States)\s*)?"


# Where a name starts and ends: not inside a word, but OCR runs words together ("United
# StatesDepartment of Agriculture", "HealthInspectionService"), and a small letter before a
# capital shows where one word ended. Abbreviations are matched by case: "AgricultureAPHIS" and
# "FBI's" hold one, "NOTICE" and "DoDPI" do not.
_SEAM_BEFORE = r"(?:(?<![A-Za-z])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
_SEAM_AFTER = r"(?:(?![A-Za-z])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"


def _name_pattern(name: str) -> str:
    """A name as a letterhead prints it, across its line breaks and the spaces OCR loses or doubles
    between words ("Customs and\n\nBorder Protection", "United States Departmentof State"), with
    "&" or "and", and with or without its "U.S." ("United States", "US")."""
    words = name.split()
    if len(words) > 2 and re.fullmatch(r"U\.?S\.?", words[0], re.I):
        words, opening = words[1:], _US
    elif len(words) > 3 and [w.lower() for w in words[:2]] == ["united", "states"]:
        words, opening = words[2:], _US
    else:
        opening = ""
    parts = [_word_pattern(w) for w in words]
    words_pattern = r"\s*".join(parts).replace(r"(?:the)?\s*", r"(?:the\s*)?")
    return rf"{_SEAM_BEFORE}{opening}{words_pattern}{_SEAM_AFTER}"


def _word_pattern(word: str) -> str:
    """One word of a name as letters print it: "&" for "and", "the" left out or put in after
    "of" ("Office of Inspector General", "Department of the Interior"), and the singular or the
    plural ("Centers for Medicare & Medicaid Services" for the directory's "Center for Medicare
    and Medicaid Services")."""
    lower = word.lower()
    if lower in ("&", "and"):
        return r"(?:&|and)"
    if lower == "the":
        return r"(?:the)?"
    if lower == "of":  # "Department of Interior" is printed "Department of the Interior"
        return r"of(?:\s*the(?![a-z]))?"
    if word.isalpha() and len(word) > 3:
        stem = word[:-1] if lower.endswith("s") and not lower.endswith("ss") else word
        return re.escape(stem) + "s?"
    return re.escape(word)


@functools.lru_cache(maxsize=4096)
def _name_re(name: str) -> re.Pattern[str]:
    return re.compile(_name_pattern(name), re.I)


@functools.lru_cache(maxsize=4096)
def _abbr_re(abbr: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Z0-9-]){re.escape(abbr)}(?![A-Z0-9-])")


def _names_in(head: str, name: str) -> bool:
    return bool(name.split()) and _name_re(name).search(head) is not None


def _abbr_in(head: str, abbr: str) -> bool:
    """An abbreviation as a word of its own ("ICE", not "NOTICE"), or as a part of the
    sender's mail domain ("foia@ice.dhs.gov")."""
    if len(abbr) < 2:
        return False
    if _abbr_re(abbr).search(head):
        return True
    return re.search(rf"@(?:[\w-]+\.)*{re.escape(abbr.lower())}\.", head.lower()) is not None


# Words that open the names of offices found in many agencies ("Office of the Secretary", "Region 5",
# "Headquarters"): such a name alone does not say which agency wrote.
GENERIC_OPENING = frozenset("office region headquarters main departmental executive the freedom foia".split())
SMALL_WORDS = frozenset("of the and for on in at to & a an".split())


@functools.lru_cache(maxsize=8192)
def _normal(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("u.s.", ""))
    return " ".join(w for w in words if w not in ("the", "and"))


def acronym(name: str) -> str | None:
    """The initials an agency goes by ("Federal Bureau of Investigation": FBI), for a name of three
    words or more that only one office bears."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in SMALL_WORDS]
    if len(words) < 3 or words[0].lower() in GENERIC_OPENING or re.search(r"[(/-]|\b[A-Z]{2,}\b", name):
        return None  # "USPS Field Office" is no "UFO"
    return "".join(w[0].upper() for w in words)


@functools.cache
def _directory_rows() -> tuple[dict[str, str], ...]:
    with open(RESOURCES / "directory" / "components.csv", newline="", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@functools.cache
def shared_names() -> frozenset[str]:
    """Office names more than one agency uses ("Office of the Inspector General", "Headquarters",
    "Main Office"): printed alone, they do not say which agency wrote."""
    agencies: dict[str, set[str]] = {}
    for row in _directory_rows():
        agencies.setdefault(_normal(row["name"]), set()).add(row["agency_abbreviation"])
    return frozenset(n for n, a in agencies.items() if len(a) > 1 or len(n.split()) < 2)


@functools.cache
def directory_names() -> tuple[str, ...]:
    """Agencies and distinctive offices of FOIA.gov's directory: a letterhead that
    names one the log has no request to is a letter the log cannot place, not one for the
    selected row."""
    folder = RESOURCES / "directory"
    names = set()
    with open(folder / "agencies.csv", newline="", encoding="utf-8") as f:
        names |= {row["name"] for row in csv.DictReader(f)}
    for row in _directory_rows():
        name = _plain(row["name"])
        words = name.split()
        if (
            (len(words) >= 3 or name != row["name"])
            and words[0].lower() not in GENERIC_OPENING
            and "(" not in name
        ):
            names.add(name)
    # "Department of Interior" is printed "Department of the Interior"
    names |= {re.sub(r"^Department of (?!the )", "Department of the ", n) for n in names}
    return tuple(sorted(n for n in names if len(n.split()) >= 2))


@functools.cache
def directory_abbreviations() -> dict[str, str]:
    """The abbreviations FOIA.gov's agencies and distinctive offices go by ("NSA", "FEMA"), each
    with its name, where only one name has it."""
    found: dict[str, set[str]] = {}
    for name in directory_names():
        if (abbr := acronym(name)) is not None and not name.startswith("Department of the "):
            found.setdefault(abbr, set()).add(name)
    for entry in FORMATS["components"].values():
        for name in entry.get("names", ()):
            if (abbr := acronym(name)) is not None:
                found.setdefault(abbr, set()).add(name)
    return {abbr: min(names) for abbr, names in found.items() if len(names) == 1}


def unknown_agency(head: str, skip: Collection[str] = ()) -> str | None:
    """The agency or office of the directory the letterhead names first (the longest name where
    two start together: "Federal Bureau of Investigation", not a shorter name inside it), by name
    or by its abbreviation."""
    found = []
    for name in directory_names():
        m = None if _normal(name) in skip else _name_re(name).search(head)
        if m:
            found.append((m.start(), -len(name), name))
    for abbr, name in directory_abbreviations().items():
        m = None if _normal(name) in skip else _abbr_re(abbr).search(head)
        if m:
            found.append((m.start(), -len(name), name))
    return min(found)[2] if found else None


@dataclass(frozen=True)
class Office:
    """A component of the log as a letter can name it."""

    abbr: str  # as the log stores it
    label: str  # as a review names it: "FBI", never a directory key
    names: tuple[str, ...]
    abbrs: tuple[str, ...]
    agency: str
    entry: str | None  # the reader's own entry for it (reply_formats.json), if any
    qualified: tuple[str, ...] = ()  # names that need the department's beside them


def _linked_entry(abbr: str, name: str) -> str | None:
    """The reader's own entry for a log component: the same abbreviation, or one of its names."""
    known = FORMATS["components"]
    if abbr in known:
        return abbr
    normal = _normal(name)
    return next((k for k, e in known.items() if any(_normal(n) == normal for n in e.get("names", ()))), None)


# The words of an office's function, which many agencies' offices share ("Office of Legal Counsel",
# "Office of Information Policy"); "Office of the Comptroller of the Currency" is one office's name.
FUNCTION_WORDS = frozenset(
    "counsel general inspector legal policy information public affairs secretary administration "
    "administrative management services service chief officer programs program operations government "
    "privacy records solicitor legislative congressional intergovernmental civil rights liberties "
    "hearings appeals special staff executive director deputy assistant foia disclosure".split()
)


def _function_name(name: str) -> bool:
    """A name that opens like any agency's office and says only what it does."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in SMALL_WORDS]
    return bool(words) and words[0] in GENERIC_OPENING and all(w in FUNCTION_WORDS for w in words[1:])


def _plain(name: str) -> str:
    """A directory name as letters print it: "Forest Service - Headquarters" is the Forest Service."""
    return re.sub(r"\s+-\s+Headquarters(?:\s+Office)?$", "", name)


ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _variants(name: str) -> list[str]:
    """The ways a letterhead prints a directory name: whole, without " - Headquarters", without the
    note in brackets ("Region 1 (States: CT, ME...)" is "Region 1"), a region's number in Roman."""
    short = " ".join(re.sub(r"\([^)]*\)?", " ", _plain(name)).split())
    forms = [name, _plain(name), short]
    if m := re.fullmatch(r"Region (\d{1,2})", short):
        forms.append(f"Region {ROMAN[int(m[1])]}" if int(m[1]) < len(ROMAN) else short)
    return [f for f in dict.fromkeys(forms) if f.split()]


def department_office(head: str, departments: Collection[str], db: Database) -> str | None:
    """An office of a department the letterhead names, printed beside it, that the log has no
    request to ("DEPARTMENT OF DEFENSE / OFFICE OF INSPECTOR GENERAL", "ENVIRONMENTAL PROTECTION
    AGENCY / REGION I"): the letter is that office's, not one for the department's other offices."""
    known = {_normal(v) for _a, name, _ag, _an in components(db) for v in _variants(name)}
    known |= {_normal(n) for o in log_offices(db) for n in (*o.names, *o.qualified)}
    found = []
    for row in _directory_rows():
        if row["agency_abbreviation"] not in departments or row["level"] != "component":
            continue
        forms = _variants(row["name"])
        if any(_normal(f) in known for f in forms):
            continue
        for form in forms:
            if len(form) >= 6 and (m := _name_re(form).search(head)):
                found.append((m.start(), -len(form), _plain(row["name"])))
    return min(found)[2] if found else None


def log_offices(db: Database) -> list[Office]:
    """Every component of the log with the names and abbreviations a letter may print for it.
    A name many agencies use ("Office of the Inspector General", "Headquarters") or one that
    opens like an office of any agency ("Office of Legal Counsel") goes in ``qualified``: it
    names the office only beside its department's name."""
    known = FORMATS["components"]
    offices = []
    for abbr, name, agency, agency_name in components(db):
        entry = _linked_entry(abbr, name)
        shared = _normal(name) in shared_names()
        names = _variants(name)
        abbrs = [] if "-" in abbr else [abbr]
        if entry is not None:
            names += known[entry].get("names", ())
            if entry.isupper():
                abbrs.append(entry)
        if not shared and (initials := acronym(_plain(name))):
            abbrs.append(initials)
        if _normal(name) == _normal(agency_name) and agency.isupper():
            abbrs.append(agency)  # an agency of one office: "NRC", "CIA"
        qualified = [n for n in names if _normal(n) in shared_names() or _function_name(n)]
        names = [n for n in names if n not in qualified]
        # a review names an office as the user knows it: "FBI", "DHS Privacy Office", never a key
        plain = " ".join(re.sub(r"\s*\([^)]*\)", "", name).split()) or name
        label = next((a for a in abbrs if "-" not in a), None) or (
            f"{plain} ({agency_name})" if shared else plain
        )
        offices.append(
            Office(
                abbr,
                label,
                tuple(dict.fromkeys(names)),
                tuple(dict.fromkeys(abbrs)),
                agency,
                entry,
                tuple(dict.fromkeys(qualified)),
            )
        )
    return offices


def _first(head: str, names: Collection[str], abbrs: Collection[str] = ()) -> int | None:
    """Where the head first prints one of the names or abbreviations."""
    spots = [m.start() for n in names if n.split() and (m := _name_re(n).search(head))]
    spots += [m.start() for a in abbrs if len(a) >= 2 and (m := _abbr_re(a).search(head))]
    if any(_abbr_in(head, a) for a in abbrs) and not spots:
        spots.append(len(head))  # only in the sender's mail address
    return min(spots) if spots else None


def letterhead_components(head: str, db: Database) -> tuple[set[str], set[str]]:
    """The component the letterhead names first (by the log's abbreviation, or the reader's own
    for one the log does not know), and the departments it names."""
    offices = log_offices(db)
    departments: set[str] = set()
    agency_names: dict[str, str] = {}
    for _abbr, _name, agency, agency_name in components(db):
        names = [agency_name, *FORMATS.get("parents", {}).get(agency, ())]
        agency_names.update({_normal(n): agency for n in names})
        abbrs = [agency] if len(agency) >= 3 and agency.isupper() else []
        if _first(head, names, abbrs) is not None:
            departments.add(agency)
    found: dict[str, int] = {}
    for o in offices:
        where = _first(head, [*o.names, *(o.qualified if o.agency in departments else ())], o.abbrs)
        if where is not None:
            found[o.abbr] = where
    linked = {o.entry for o in offices}
    for abbr, entry in FORMATS["components"].items():
        if abbr in linked or abbr.upper() in {o.abbr.upper() for o in offices}:
            continue
        where = _first(head, entry.get("names", ()))
        if where is None:
            continue
        # the reader's entry for an agency of one office ("Environmental Protection Agency") names
        # the log's department of that name
        parent = agency_names.get(_normal(entry["names"][0]))
        if parent is None and abbr in agency_names.values():
            parent = abbr
        if parent is not None:
            departments.add(parent)
        else:
            found[abbr] = where
    first = min(found.values(), default=None)
    return {a for a, where in found.items() if where == first}, departments


@dataclass(frozen=True)
class Sender:
    """Who wrote, as far as the letter says: the log's components or departments to look among
    (``components`` None: an office the log has no request to), how the review names it, and
    what said so."""

    label: str
    says: str  # "The letterhead names", "Its tracking number's form is that of", ...
    components: frozenset[str] | None
    departments: frozenset[str] = frozenset()
    confidence: str = "likely"  # for the one request to it
    headquarters: bool = False  # only a department is named: its own headquarters office wrote


# A sentence that sends the request (or pages) on to another office, or names the office that
# sent it on: the office it names is not the writer ("referred 12 pages to the DEA", "a referral
# from the FBI", "originated with another component", "in consultation with CBP").
REFERRAL = re.compile(
    r"\b(?:referr(?:ed|al|als|ing)|forward(?:ed|ing)|transferr(?:ed|ing)|transfers?\s+to|originat(?:ed|ing)\s+(?:with|from)"
    r"|consult(?:ed|ation|ations|ing)|sent\s+to|route[ds]?\s+to)\b[^.;]{0,200}",
    re.I,
)


# The Postal Service as the carrier of a letter ("SENT BY USPS MAIL", "via U.S. Postal Service")
CARRIER = re.compile(
    r"\b(?:by|via)\s+(?:(?:first[- ]class|certified|priority|express|regular)\s+)?"
    r"(?:USPS|U\.\s*S\.\s*Postal\s+Service|United\s+States\s+Postal\s+Service)\b",
    re.I,
)


def _unreferred(text: str) -> str:
    """The text without the offices it names only as a referral's other end or as the carrier."""
    text = REFERRAL.sub(lambda m: " " * len(m[0]), text)
    return CARRIER.sub(lambda m: " " * len(m[0]), text)


# Where every letter sends an appeal or a dispute: "You may file an appeal by writing to the
# Director, Office of Information Policy", "contact the Office of Government Information
# Services (OGIS)". The offices named there are not the writer.
ELSEWHERE_TO = re.compile(
    r"\bappeals?\b[^.;]{0,60}?\b(?:to|with)\b[^.;]{0,200}"
    r"|\b(?:contact(?:ing)?|services\s+(?:offered\s+)?by)\s+(?:the\s+)?"
    r"(?:Office\s+of\s+Government\s+Information\s+Services|OGIS)\b",
    re.I,
)


def _unaddressed(text: str) -> str:
    """The text without the offices it names as a referral's other end, the carrier, or where
    to appeal or seek mediation: what is left names the writer."""
    return ELSEWHERE_TO.sub(lambda m: " " * len(m[0]), _unreferred(text))


def _label(abbrs: Collection[str], offices: list[Office]) -> str:
    """How a review names offices: the log's label, else the reader's own abbreviation, or its
    name where that abbreviation is a key ("DOJ-OIP" is the Office of Information Policy)."""
    by_abbr = {o.abbr.upper(): o.label for o in offices}
    known = FORMATS["components"]

    def one(abbr: str) -> str:
        if abbr.upper() in by_abbr:
            return by_abbr[abbr.upper()]
        names = known.get(abbr, {}).get("names", ())
        return max(names, key=len) if "-" in abbr and names else abbr

    return " or ".join(sorted({one(a) for a in abbrs}))


def _number_entry(numbers: Collection[str]) -> str | None:
    """The one office of the reader's own whose number form the cited numbers have ("2013-HQFO-00304"
    is the DHS Privacy Office's); None when no form fits or several offices share it."""
    entries = {
        key
        for number in numbers
        for key, entry in FORMATS["components"].items()
        if any(re.fullmatch(f, number.strip()) for f in entry["formats"])
    }
    return entries.pop() if len(entries) == 1 else None


def _mentions(
    text: str, offices: list[Office], skip: Collection[str], db: Database
) -> list[tuple[int, int, str, str]]:
    """Each office the text names (the log's, its departments, or the directory's), with how often
    and where first: (count, -first position, abbr or name, "office" | "department" | "elsewhere")."""
    counts: dict[tuple[str, str], list[int]] = {}

    def count(key: tuple[str, str], names: Collection[str], abbrs: Collection[str] = ()) -> None:
        spots = [m.start() for n in names if n.split() for m in _name_re(n).finditer(text)]
        spots += [m.start() for a in abbrs for m in _abbr_re(a).finditer(text)]
        if spots:
            counts.setdefault(key, []).extend(spots)

    for o in offices:
        count((o.abbr, "office"), o.names, o.abbrs)
    for _abbr, _name, agency, agency_name in set(components(db)):
        if (agency, "department") not in counts:
            abbrs = [agency] if len(agency) >= 3 and agency.isupper() else []
            count((agency, "department"), [agency_name, *FORMATS.get("parents", {}).get(agency, ())], abbrs)
    for name in directory_names():
        if _normal(name) not in skip:
            count((name, "elsewhere"), [name])
    for abbr, name in directory_abbreviations().items():
        if _normal(name) not in skip:
            count((name, "elsewhere"), [], [abbr])
    return sorted(((len(v), -min(v), k[0], k[1]) for k, v in counts.items()), reverse=True)


def _agency_of_entry(entry: str, db: Database) -> str | None:
    """The log's agency a reader's entry stands for, when the entry is an agency's own (EPA, NARA)
    and the log's offices of it go by other names ("National Headquarters", "Main Office")."""
    if any(o.entry == entry for o in log_offices(db)):
        return None
    names = {_normal(n) for n in FORMATS["components"][entry].get("names", ())}
    return next(
        (
            agency
            for _a, _n, agency, agency_name in components(db)
            if agency == entry or _normal(agency_name) in names
        ),
        None,
    )


# The words of a sentence in which one office answers for another: an appeal of its answer ("your
# appeal from the action of the Federal Bureau of Investigation"), or a letter sent on its behalf.
# Sentences are split first: a pattern spanning the sentence around them scanned a long run
# without a full stop again from each of its characters.
FOR_ANOTHER = re.compile(r"\b(?:appeal(?:s|ed|ing)?|on\s+behalf\s+of)\b", re.I)


def _written_for(text: str, db: Database) -> set[str]:
    """The office of the log that a letter from an office without a request in it answers for:
    the one its appeal or on-behalf-of sentences name first (DOJ's Office of Information Policy
    deciding an appeal of the FBI's answer, a U.S. Attorney writing for CBP)."""
    sentences = " ".join(s for s in _unreferred(text[:20_000]).split(".") if FOR_ANOTHER.search(s))
    found = [
        (where, o.abbr)
        for o in log_offices(db)
        if (where := _first(sentences, o.names, o.abbrs)) is not None and where < len(sentences)
    ]
    return {min(found)[1]} if found else set()


def identify(db: Database, proposal: Proposal, reply: ReplyFile | None, text: str) -> Sender | None:
    """Who wrote the letter: the offices its letterhead names, else an office of the directory
    the log has no request to, else the office whose number form it cites, else the departments
    its letterhead names, else the office its text names most (offices it says it referred the
    request to, or got it from, do not count). None when the letter names no agency at all."""
    offices = log_offices(db)
    head = _unaddressed(_letterhead(reply, text))
    named, departments = letterhead_components(head, db)
    if named:
        return Sender(_label(named, offices), "The letterhead names", frozenset(named))
    # the departments the log knows are no unknown agency: a department's name is its letterhead
    skip = {_normal(n) for o in offices for n in o.names} | {
        _normal(n)
        for _a, _n, agency, agency_name in components(db)
        for n in (agency_name, *FORMATS.get("parents", {}).get(agency, ()))
    }
    skip |= {_normal(re.sub(r"^Department of (?!the )", "Department of the ", n)) for n in skip}
    elsewhere = unknown_agency(head, skip) or department_office(head, departments, db)
    if elsewhere:
        return Sender(elsewhere, "The letterhead names", None)
    entry = _number_entry(proposal.tracking_numbers)
    if entry is not None and (agency := _agency_of_entry(entry, db)) is not None:
        # the form of an agency's numbers (EPA-HQ-2017-…) names the agency, not one of its offices
        says = "Its tracking number is in the form of"
        return Sender(agency, says, frozenset(), frozenset({agency}), headquarters=True)
    if entry is not None:
        linked = {o.abbr for o in offices if o.entry == entry}
        name = _label({entry}, offices) if entry.isupper() else FORMATS["components"][entry]["names"][0]
        says = "Its tracking number is in the form of"
        return (
            Sender(_label(linked, offices), says, frozenset(linked)) if linked else Sender(name, says, None)
        )
    prefixes = " ".join(re.findall(r"[A-Z]{2,}", " ".join(proposal.tracking_numbers)))
    by_prefix, prefix_departments = letterhead_components(prefixes, db) if prefixes else (set(), set())
    if by_prefix:
        return Sender(_label(by_prefix, offices), "Its tracking number names", frozenset(by_prefix))
    if prefixes and (elsewhere := unknown_agency(prefixes, skip)):
        return Sender(elsewhere, "Its tracking number names", None)
    if departments or prefix_departments:
        says = "The letterhead names" if departments else "Its tracking number names"
        chosen = departments or prefix_departments
        within = _office_named_within(text, offices, chosen)
        if within is not None:
            says = f"{says} {' or '.join(sorted(chosen))} alone; the letter names"
            return Sender(_label({within}, offices), says, frozenset({within}), confidence="possible")
        return Sender(" or ".join(sorted(chosen)), says, frozenset(), frozenset(chosen), headquarters=True)
    mentions = _mentions(_unaddressed(text[:20_000]), offices, skip, db)
    if not mentions:
        return None
    best = _without_own_departments([m for m in mentions if m[0] == mentions[0][0]], offices)
    count, _first, name, kind = best[0]
    says = "The letterhead names no agency; the letter names"
    if len({b[2] for b in best}) > 1 and count > 1:
        return None  # two offices named as often: the letter does not say which wrote
    if kind == "office":
        return Sender(_label({name}, offices), says, frozenset({name}), confidence="possible")
    if kind == "department":
        return Sender(name, says, frozenset(), frozenset({name}), confidence="possible", headquarters=True)
    return Sender(name, says, None)


def _without_own_departments(best: list[tuple[int, int, str, str]], offices: list[Office]) -> list:
    """Of an office and its own department named as often ("The Wage and Hour Division (WHD) of
    the U.S. Department of Labor (DOL) received your request"), the office wrote."""
    agency_of = {o.abbr: o.agency for o in offices}
    parents = {
        agency_of.get(name) if kind == "office" else _directory_agency(name)
        for _count, _first, name, kind in best
        if kind != "department"
    }
    return [b for b in best if not (b[3] == "department" and b[2] in parents)]


@functools.cache
def _agencies_by_name() -> dict[str, str]:
    return {_normal(_plain(row["name"])): row["agency_abbreviation"] for row in _directory_rows()}


def _directory_agency(name: str) -> str | None:
    return _agencies_by_name().get(_normal(name))


def _office_named_within(text: str, offices: list[Office], departments: Collection[str]) -> str | None:
    """A letterhead that prints only its department ("United States Department of the Interior",
    the bureau's own line lost): when the log has no request to the department's headquarters, the
    office of that department the letter's text names most wrote it ("National Park Service"), if
    it is named at least three times and more than the others (a subject named once, as the FBI in
    an Inspector General's letter, is no writer). Offices it referred the request to do not count."""
    mine = [o for o in offices if o.agency in departments]
    if any(HEADQUARTERS.search(n) for o in mine for n in (o.label, *o.names)):
        return None  # the department's own office is in the log: the letterhead is its
    body = _unaddressed(text[:20_000])
    counts = sorted(
        (
            (
                sum(len(_name_re(n).findall(body)) for n in o.names)
                + sum(len(_abbr_re(a).findall(body)) for a in o.abbrs),
                o.abbr,
            )
            for o in mine
        ),
        reverse=True,
    )
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower()) if w not in STOPWORDS}


def _days_cited(text: str, letter_day: date | None) -> set[date]:
    """The dates a letter's text gives besides its own ("your request dated March 3, 2026")."""
    return {d for m in DATE_RE.finditer(text) if (d := to_date(m[0])) is not None} - {letter_day}


# A department's own FOIA office: "Headquarters", "Main Office", "Departmental Offices", "Office of
# the Secretary (and Joint Staff)", "Central Office", "DHS Privacy Office (FOIA for DHS headquarters)".
HEADQUARTERS = re.compile(
    r"headquarters|\bmain office\b|^departmental|^(?:department of [\w ]+, )?departmental"
    r"|^office of the secretary|^central office",
    re.I,
)


def is_headquarters(f: RequestFacts) -> bool:
    """Whether a request went to its department's own FOIA office, by the name the log or the
    directory gives it ("DHS Privacy Office (FOIA for DHS headquarters)")."""
    from foiadesk.core.reference.directory import load_directory

    comp = load_directory().component(f.component_abbr)
    return any(HEADQUARTERS.search(n) for n in (f.component_name, comp.name if comp else ""))


def _score(
    f: RequestFacts,
    proposal: Proposal,
    text_words: set[str],
    days: set[date],
    selected: int | None,
    headquarters: bool = False,
) -> tuple[int, list[str]]:
    """Points for one candidate of the right agency, with the reasons for them. A letterhead that
    names a department and none of its offices (``headquarters``) is its headquarters' own."""
    points, why = 0, []
    if headquarters and is_headquarters(f):
        points += 2
        why.append("the letterhead names the department alone, and this is its headquarters office")
    letter_day: date | None = proposal.letter_date
    if f.filed_on is None:  # a draft: no agency has it, and no reply can be recorded on it
        points -= 4
        why.append("not filed yet")
    elif letter_day:
        if f.filed_on <= letter_day:
            points += 2
            why.append(f"filed {f.filed_on.isoformat()}, before the letter")
        else:
            points -= 4
            why.append(f"filed {f.filed_on.isoformat()}, after the letter")
    if f.filed_on in days:  # agencies cite a request by its date: the surest sign after its number
        points += 3
        why.append(f"the letter cites {f.filed_on.isoformat()}, the day it was filed")
    if proposal.tracking_numbers and f.numbers:
        points -= 3  # it has numbers of its own, and the letter cites others
        why.append(f"it already has {', '.join(f.numbers)}")
    shared = sorted(_words(f"{f.title} {f.description}") & text_words)
    if shared:
        points += min(3, len(shared))
        why.append(f"the letter mentions {', '.join(shared[:3])}")
    if f.id == selected:
        points += 1
    return points, why


def propose_request(
    db: Database,
    proposal: Proposal,
    reply: ReplyFile | None = None,
    *,
    dropped_on: int | None = None,
    selected: int | None = None,
) -> Match:
    """The request a reply answers, how sure, and why."""
    facts = request_facts(db)
    by_id = {f.id: f for f in facts}
    numbered = [
        f.id for f in facts if any(_same_number(n, c) for n in f.numbers for c in proposal.tracking_numbers)
    ]
    numbers_text = ", ".join(proposal.tracking_numbers)
    plural = "s" * (len(proposal.tracking_numbers) > 1)
    if dropped_on is not None:
        if numbered and dropped_on not in numbered:
            others = ", ".join(f"#{m}" for m in numbered)
            return Match(
                dropped_on,
                "possible",
                f"Dropped on #{dropped_on}, but its tracking number{plural} "
                f"{numbers_text} {'is' if not plural else 'are'} on {others}: "
                "check which request it answers.",
                (dropped_on, *numbered),
            )
        return Match(dropped_on, "certain", f"Dropped on request #{dropped_on}.", (dropped_on,))
    if len(numbered) == 1:
        return Match(
            numbered[0], "certain", f"Found by its tracking number{plural} {numbers_text}.", tuple(numbered)
        )
    if numbered:
        listed = ", ".join(f"#{m}" for m in numbered)
        return Match(
            None,
            "none",
            f"Its tracking number{plural} {numbers_text} {'is' if not plural else 'are'} "
            f"on {len(numbered)} requests ({listed}): choose one.",
            tuple(numbered),
        )
    lead = (
        f"No request has the tracking number{plural} {numbers_text} yet"
        if numbers_text
        else "The letter gives no tracking number"
    )
    text = reply.text if reply is not None else ""
    sender = identify(db, proposal, reply, text)
    if sender is None:
        if selected is not None and selected in by_id:
            return Match(
                selected,
                "possible",
                f"{lead}, and the letter names no agency the log knows; the "
                f"selected request #{selected} is proposed: check that it is the one.",
                (selected,),
            )
        return Match(
            None,
            "none",
            f"{lead}, and the letter names no agency the log knows: choose the request it answers.",
        )
    pool = _pool(facts, sender)
    if not pool and (written_for := _written_for(text, db)):
        sender = Sender(
            _label(written_for, log_offices(db)),
            f"{sender.says} {sender.label}, which the log has no request to; it writes for",
            frozenset(written_for),
            confidence="possible",
        )
        pool = _pool(facts, sender)
    named, says = sender.label, sender.says
    if sender.components is None:
        return Match(
            None,
            "none",
            f"{lead}. {says} {named}, and the log has no request to it: "
            "choose one, or add the request first.",
            agency=named,
        )
    if not pool:
        return Match(
            None,
            "none",
            f"{lead}. {says} {named}, and the log has no request to {named}: "
            "choose one, or add the request first.",
            agency=named,
        )
    text_words, days = _words(text[:20_000]), _days_cited(text[:20_000], proposal.letter_date)
    scored = ((_score(f, proposal, text_words, days, selected, sender.headquarters), f) for f in pool)
    ranked = sorted(scored, key=lambda x: (-x[0][0], x[1].id))
    (best_points, best_why), best = ranked[0]
    order = tuple(f.id for _, f in ranked)
    if sender.headquarters and not any(is_headquarters(f) for f in pool):
        # a department's letterhead with none of its offices is its headquarters' letter, and the
        # log's requests to the department went to other offices
        return Match(
            None,
            "none",
            f"{lead}. {says} {named} alone, and the log has no request to {named}'s headquarters "
            f"office; its {len(pool)} request{'s' * (len(pool) > 1)} to other {named} offices "
            f"could be the one: choose.",
            order,
            named,
        )
    if len(pool) == 1:
        if best_points < 0:
            return Match(
                None,
                "none",
                f"{lead}. {says} {named}; the log's one request to {named}, "
                f"#{best.id}, does not fit ({'; '.join(best_why)}): check.",
                order,
                named,
            )
        return Match(
            best.id,
            sender.confidence,
            f"{lead}. {says} {named}, and #{best.id} is the log's one request "
            f"to {named}{_because(best_why)}.",
            order,
            named,
        )
    runner_up = ranked[1][0][0]
    if best_points > runner_up and best_points > 0:
        return Match(
            best.id,
            "possible",
            f"{lead}. {says} {named}; of its {len(pool)} requests, #{best.id} "
            f"fits best{_because(best_why)}: check.",
            order,
            named,
        )
    return Match(
        None,
        "none",
        f"{lead}. {says} {named}, and {len(pool)} requests to {named} could be the one: choose.",
        order,
        named,
    )


def _pool(facts: list[RequestFacts], sender: Sender) -> list[RequestFacts]:
    """The log's requests to the offices or departments that wrote."""
    if sender.components is None:
        return []
    offices = {c.upper() for c in sender.components}
    return [f for f in facts if f.component_abbr.upper() in offices or f.agency_abbr in sender.departments]


def _because(reasons: list[str]) -> str:
    return f" ({'; '.join(reasons)})" if reasons else ""
