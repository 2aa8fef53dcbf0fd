"""What each letter says: pure functions from a requester, a component and the facts of a
case to the dict a letter template is rendered with.

Prose that never changes lives in the templates (templates/, built by
scripts/build_templates.py); this module decides what applies: which fee sentence, which
expedite grounds, which agency rules. Values are plain strings, lists and dicts, except
multi-paragraph user text, which is a docxtpl Listing so paragraphs stay paragraphs.
Every context also has a `warnings` list for the user (not printed in the letter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from foiadesk.core.errors import UserError
from foiadesk.core.reference import authorities

if TYPE_CHECKING:
    from docxtpl import Listing

    from foiadesk.core.reference.casepack import CasePack, Category, LetterFact
    from foiadesk.core.reference.directory import Channel, Component, Fact


class DraftingError(UserError):
    """The letter cannot be drafted from this input; the message says what to fix."""


# --- requester and options ----------------------------------------------------------

# category: (label, statute cite, what it is charged)
FEE_CATEGORIES = {
    "commercial": ("commercial use", "552(a)(4)(A)(ii)(I)", "fees for search, review and duplication"),
    "educational": (
        "educational institution",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "scientific": (
        "noncommercial scientific institution",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "news_media": (
        "representative of the news media",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "other": (
        "“all other” requesters",
        "552(a)(4)(A)(ii)(III)",
        "search fees after the first two hours and duplication fees after the first 100 pages",
    ),
}
# 552(a)(4)(A)(ii)(II): charged duplication only, so 552(a)(4)(A)(viii) bars that too
PREFERRED_CATEGORIES = ("educational", "scientific", "news_media")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Requester:
    """Who signs the letters. Checked on creation, so a bad profile fails before drafting."""

    name: str
    email: str
    organization: str = ""
    title: str = ""
    phone: str = ""
    address: str = ""  # several lines
    fee_category: str = "other"
    fee_category_basis: str = ""  # facts for the category, e.g. publications
    signature_name: str = ""  # defaults to name
    dissemination: str = ""  # how the requester will share what they learn (fee waiver)
    # Why the requester is "primarily engaged in disseminating information" (5 U.S.C.
    # 552(a)(6)(E)(v)(II)); without it only a news-media requester may claim urgency to inform.
    disseminator_basis: str = ""

    @property
    def primarily_disseminates(self) -> bool:
        return self.fee_category == "news_media" or bool(clean(self.disseminator_basis))

    def __post_init__(self):
        if not self.name.strip():
            raise DraftingError("The requester's name is empty: enter the name to sign with.")
        if not self.email.strip():
            raise DraftingError(
                "The requester's email address is empty: give one, as the letters ask the agency "
                "to write to you there."
            )
        if not _EMAIL.fullmatch(self.email.strip()):
            raise DraftingError(f"'{self.email}' is not an email address (name@example.org).")
        if self.fee_category not in FEE_CATEGORIES:
            raise DraftingError(
                f"'{self.fee_category}' is not a fee category; use one of: " + ", ".join(FEE_CATEGORIES)
            )


@dataclass
class DraftOptions:
    """The choices made for one request letter."""

    letter_date: date = field(default_factory=date.today)
    fee_category: str | None = None  # overrides the requester's
    fee_cap: Decimal | float | int | str = Decimal("25")
    fee_waiver: bool = False
    fee_waiver_text: str = ""  # replaces the generated waiver argument
    expedite: bool = False
    expedite_grounds: list[str] = field(default_factory=list)
    expedite_text: str = ""  # the user's own reasons for urgency, printed before the pack's
    ground_text: dict[str, str] = field(default_factory=dict)  # the user's facts per ground
    include_unverified: bool = False  # print P/U facts and authority, knowingly
    appendix: bool = False  # the public record in an appendix
    priority: bool = False  # process the items in the order listed
    parallel_to: tuple[str, ...] = ()  # other agencies sent related requests
    format: str = "electronic native format"


@dataclass(frozen=True)
class RequestRef:
    """The request a follow-up letter is about."""

    tracking_number: str
    submitted_on: date
    title: str = ""  # a few words: "the April 2025 IRS-ICE agreement"
    filed_by: str | None = None  # how it was filed ("email", "mail"…): follow-ups go the same way


# --- small helpers ------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # keeps \t and \n


def clean(text: Any) -> str:
    """Text safe for a .docx: control characters (which docxtpl would also read as paragraph
    or page breaks) removed, line ends normalised."""
    text = "" if text is None else str(text)
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(text: Any) -> str:
    return " ".join(clean(text).split())


def paragraphs(text: Any) -> Listing | str:
    """User text as a Listing: each non-blank line becomes its own Word paragraph."""
    lines = [" ".join(line.split()) for line in clean(text).split("\n")]
    lines = [line for line in lines if line]
    return _listing("\a".join(lines)) if lines else ""


def lines(text: Any) -> Listing | str:
    """Multi-line text (an address) kept in one paragraph with line breaks."""
    kept = [one_line(line) for line in clean(text).split("\n") if line.strip()]
    return _listing("\n".join(kept)) if kept else ""


def _listing(text: str) -> Listing:
    from docxtpl import Listing  # a quarter of a second to import: not before a letter is drafted

    return Listing(text)


def long_date(value: date | str | None) -> str:
    """'November 25, 2026'; ISO strings are accepted, None gives ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise DraftingError(f"'{value}' is not a date (YYYY-MM-DD).") from None
    return f"{value:%B} {value.day}, {value.year}"


def money(value: Decimal | float | int | str, what: str = "fee") -> Decimal:
    try:
        amount = Decimal(str(value).replace("$", "").replace(",", "").strip())
    except InvalidOperation:
        raise DraftingError(f"The {what} '{value}' is not an amount in dollars.") from None
    if not amount.is_finite() or amount < 0:
        raise DraftingError(f"The {what} '{value}' must be zero or more dollars.")
    return amount.quantize(Decimal("0.01"))


def dollars(amount: Decimal) -> str:
    """'$25', '$12.50', '$1,200'."""
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


def _value(fact: Fact | None) -> Any:
    return fact.value if fact is not None else None


def _requester(req: Requester) -> dict:
    name = one_line(req.name)
    title, org = one_line(req.title), one_line(req.organization)
    return {
        "name": name,
        "title": title,
        "organization": org,
        "affiliation": ", ".join(x for x in (title, org) if x),
        "email": one_line(req.email),
        "phone": one_line(req.phone),
        "address": lines(req.address),
        "signature_name": one_line(req.signature_name) or name,
    }


# --- the component (addressee, channels, rules) ----------------------------------------


def letter_name(comp: Component) -> str:
    return comp.letter_name


# Abbreviations of curated offices said letter by letter that take "the" in a sentence
# ("the IRS"), unlike those said as words or used bare ("ICE", "TIGTA", "CBP", "USCIS").
WITH_THE = ("IRS", "SSA")
# A name with one of these words (or its plural) takes "the" ("the DHS Privacy Office", "the
# Centers for Disease Control and Prevention"); one without is written bare, as the agency
# writes it ("U.S. Immigration and Customs Enforcement", "U.S. Customs and Border Protection").
TAKES_THE = (
    "Office", "Bureau", "Department", "Division", "Directorate", "Service", "Administration",
    "Agency", "Center", "Centre", "Commission", "Committee", "Subcommittee", "Conference",
    "Board", "Council", "Panel", "Institute", "Command", "Staff", "Corps", "Guard", "Army",
    "Navy", "Force", "Mint", "Archive", "Library", "Laboratory", "Laboratories", "Court",
    "Survey", "Corporation", "Authority", "Foundation", "Endowment", "Trust", "Fund", "Bank",
    "Reserve", "System", "Network", "Program", "Project", "Section", "Branch", "Unit",
    "Headquarters", "Home", "Inspector General",
)  # fmt: skip
_TAKES_THE = re.compile(rf"\b(?:{'|'.join(TAKES_THE)})s?\b")


def with_article(name: str) -> str:
    """An office's name as it reads after a preposition: "the DHS Privacy Office", "the
    Civil Division", but "U.S. Immigration and Customs Enforcement" (no such word)."""
    name = one_line(name)
    if name.casefold().startswith("the ") or not _TAKES_THE.search(name):
        return name
    return f"the {name}"


def short_name(comp: Component) -> str:
    """A running mention of the office, to put after a preposition or before "'s": a curated
    office's public abbreviation ("ICE", "the IRS"); else its name, with "the" where the name
    takes it (an abbreviation from FOIA.gov's list may be said either way: "FBI" needs "the",
    "NASA" does not). Never one of FoiaDesk's directory keys (DHS-PRIV, TREAS-DO)."""
    abbr = comp.abbr or ""
    if comp.curated and abbr and "-" not in abbr:
        return f"the {abbr}" if abbr in WITH_THE else abbr
    if not comp.curated and comp.short:  # "the HUD Headquarters": "the Headquarters" names no agency
        return with_article(comp.short)
    return with_article(letter_name(comp))


def first_mention(comp: Component) -> str:
    """The office named in full the first time a letter to someone else mentions it: "the
    Office of Legal Counsel", "U.S. Immigration and Customs Enforcement (ICE)"; the short
    name it adds in brackets is what later sentences call it."""
    full, short = with_article(letter_name(comp)), short_name(comp).removeprefix("the ")
    if not comp.curated and comp.short and comp.parent_name:  # a name other agencies' offices share
        return f"{full} of the {comp.parent_name.removeprefix('the ')}"
    return full if short in full else f"{full} ({short})"


def file_office(comp: Component) -> str:
    """The office as a file name names it: its public abbreviation ("ICE", "IRS") or its
    name ("Office of Legal Counsel"), never one of FoiaDesk's directory keys (DHS-PRIV)."""
    return short_name(comp).removeprefix("the ")


def sentence_start(text: str) -> str:
    """A sentence that opens with an office's name ("the DHS Privacy Office …") starts upper-case."""
    return text[:1].upper() + text[1:]


def public_name(comp: Component) -> str:
    return comp.public_name


def _holder_name(key: str) -> str:
    """A case pack's holder (a directory key) as the user knows the office."""
    from foiadesk.core.reference.directory import load_directory

    comp = load_directory().component(key)
    return public_name(comp) if comp else key


# Contact data older than this may name people who have moved on: a letter then addresses
# the office and its FOIA officer by role, not the person the data names.
CONTACTS_CURRENT_DAYS = 365


def current(fact: Fact | Channel | None, on: date) -> bool:
    """The fact was checked within CONTACTS_CURRENT_DAYS of `on`."""
    return fact is not None and (on - fact.as_of).days <= CONTACTS_CURRENT_DAYS


def _component(comp: Component, on: date) -> dict:
    # a liaison named by years-old data may no longer hold the post: the letter says "your
    # FOIA Public Liaison" without a name
    liaison = clean(_value(comp.public_liaison) or "") if current(comp.public_liaison, on) else ""
    return {
        "abbr": comp.abbr or "",
        "name": letter_name(comp),
        "parent": comp.parent or "",
        "parent_name": one_line(comp.parent_name),
        "regulation": one_line(_value(comp.regulation) or ""),
        "public_liaison": ", ".join(part.strip() for part in liaison.split("\n") if part.strip()),
        "has_portal": any(c.kind == "portal" for c in comp.channels),
    }


_STATE_ZIP = re.compile(r"[A-Z]\.?[A-Z]\.?\s+\d{5}(-\d{4})?")  # "MD 20740-6001", "D.C. 20530"
_QUADRANT = re.compile(r"[NS]\.?[EW]\.?")  # "950 Pennsylvania Avenue, NW"
# A secondary unit: "Suite 469", "Room 5511", "Mail Stop 0655", "MS 1181", "M/S 55202", "6th Floor"
_SIDE = r"(?:\s+(?:North|South|East|West))?"
_UNIT = re.compile(
    rf"(?:Suite|Ste\.?|Room|Rm\.?|Mail Stop|Stop|MS|M/S|Floor)\s+[\w-]+{_SIDE}"
    rf"|\d+(?:st|nd|rd|th) Floor{_SIDE}",
    re.I,
)
_STREET = re.compile(r"\d+[A-Za-z]?\s+\w")  # "1401 H Street NW", "90 K St NE"; not "P.O. Box 648010"
_QUADRANT_ON_CITY = re.compile(r"([NS]\.?[EW]\.?)\s+(.+\s\d{5}(?:-\d{4})?)")  # "N.W. Washington, DC 20001"


def address_lines(address: str) -> list[str]:
    """An address as letter lines. The directory writes some on one line with commas: those
    are split, keeping "College Park, MD 20740-6001" and "1425 New York Avenue, NW" together
    and putting a suite, room, floor or mail stop on its street's line, where USPS puts it
    ("2707 Martin Luther King Jr. Ave SE, Mail Stop 0655"). Where a directory line starts its
    city line with the street's quadrant ("N.W. Washington, DC 20001"), it goes back up."""
    text = clean(address)
    if "\n" in text:
        return _quadrant_up([one_line(x) for x in text.split("\n") if x.strip()])
    out: list[str] = []
    for part in (one_line(x) for x in text.split(",") if x.strip()):
        if out and (_STATE_ZIP.fullmatch(part) or _QUADRANT.fullmatch(part)):
            out[-1] += f", {part}"
        else:
            out.append(part)
    streets = [i for i, line in enumerate(out) if _STREET.match(line) and not _UNIT.fullmatch(line)]
    if not streets:
        return out  # a post office box: a stop or room keeps its own line above it
    street = streets[-1]
    units = [line for line in out if _UNIT.fullmatch(line)]
    kept = [line for line in out if not _UNIT.fullmatch(line)]
    kept[kept.index(out[street])] = ", ".join([out[street], *units])
    return kept


def _quadrant_up(rows: list[str]) -> list[str]:
    out: list[str] = []
    for row in rows:
        match = _QUADRANT_ON_CITY.fullmatch(row)
        if match and out:
            if not _QUADRANT.fullmatch(out[-1].replace(",", " ").split()[-1]):  # not said twice
                out[-1] += f", {match[1]}"
            row = match[2]
        out.append(row)
    return out


def _address_block(first: str, address: str, *names: str) -> Listing:
    """Addressee lines: a title, each name the address does not contain, then the address
    without a line a name already says ("Department of the Treasury" under "Department of
    the Treasury, Departmental Offices")."""
    added = [n for n in dict.fromkeys(names) if n and n.lower() not in address.lower()]
    rest = [a for a in address_lines(address) if not any(a.lower() in n.lower() for n in added)]
    return lines("\n".join([first, *added, *rest]))


def _office_address(comp: Component, on: date) -> Listing:
    """Where requests go: the component's mailing address (or, without one, its name and
    its agency's, which lets a letter find its way). An address checked more than
    CONTACTS_CURRENT_DAYS before `on` loses the people it names: the letter goes to the
    FOIA Officer by role."""
    mail = next((c for c in comp.channels if c.kind == "mail"), None)
    gone = () if current(mail, on) else comp.people
    # a line that only repeats the office's abbreviation ("TIGTA") under its full name goes
    address = "\n".join(
        line for line in address_lines(mail.value if mail else "") if line != comp.abbr and line not in gone
    )
    # an office whose name other agencies' offices share ("Headquarters") is under its agency's
    agency = comp.parent_name if not comp.curated and comp.short else ""
    return _address_block(
        "FOIA Officer", address, agency or "", letter_name(comp), "" if address else comp.parent_name
    )


# The line under the address saying how a letter goes, by channel kind.
DELIVERY = {
    "portal": "Submitted through the FOIA portal at {}",
    "email": "Sent by email to {}",
    "mail": "Sent by mail",
    "fax": "Sent by fax to {}",
}


def _delivery(channel: Channel | None) -> str:
    if channel is None:
        return ""
    if channel.kind == "portal" and channel.name:
        return f"Submitted through the {channel.name}"
    return DELIVERY[channel.kind].format(channel.value)


def _followup_channel(comp: Component, filed_by: str | None = None) -> Channel | None:
    """How a letter about a request already filed goes: the way the request went when it
    went by email, mail or fax (None, no line said, when the office has no such channel on
    file: the user sent it to an address of their own); else the office's channel for
    requests, except FOIA.gov's forms, which take new requests only
    (resources/portal_forms.json): there its next one (email, mail, fax) carries the letter."""
    from foiadesk.core.reference.directory import FOIAGOV

    if filed_by in ("email", "mail", "fax"):
        return next((c for c in comp.channels if c.kind == filed_by), None)
    preferred = comp.preferred_channel
    if preferred is None or preferred.value != FOIAGOV:
        return preferred
    return next((c for c in comp.channels if c.value != FOIAGOV), None)


def stale_address_warning(comp: Component, on: date) -> str:
    """The office's mailing address, which the address block prints whatever the channel, when
    it was last checked more than CONTACTS_CURRENT_DAYS before `on`: the office may have moved."""
    mail = next((c for c in comp.channels if c.kind == "mail"), None)
    if comp.verify_before_sending or mail is None or current(mail, on):
        return ""
    return (
        f"The mailing address on file for {short_name(comp)}, printed in the address block, was last "
        f"checked on {long_date(mail.as_of)}: check it on the agency's FOIA page before sending."
    )


def _component_warnings(comp: Component, on: date) -> list[str]:
    """What to check about the office before sending: its contact data when it is old."""
    if stale := stale_address_warning(comp, on):
        return [stale]
    if comp.verify_before_sending:
        return [
            f"The contact details for {short_name(comp)} come from FOIA.gov's 2017 directory: "
            "check them on the agency's FOIA page before sending."
            + (
                " The letter addresses the office's FOIA Officer by role, not the people that "
                f"directory names ({', '.join(comp.people)})."
                if comp.people
                else ""
            )
        ]
    return []


def _base(requester: Requester, comp: Component, letter_date: date) -> dict:
    return {
        "letter_date": long_date(letter_date),
        "letter_date_iso": letter_date.isoformat(),
        "requester": _requester(requester),
        "component": _component(comp, letter_date),
        # IRS rules want a signed request (26 CFR 601.702(c)): leave a line to sign on.
        "signature_required": (comp.abbr or "").upper() == "IRS",
        "warnings": _component_warnings(comp, letter_date),
    }


# What the log knows about a request (foiadesk.core.followups fills it in); a follow-up
# drafted without the log has these empty values.
HISTORY_DEFAULTS = {
    "filed_on": "",
    "channel": "",
    "confirmation": "",
    "acknowledged_on": "",
    "received_on": "",
    "received_assumed": False,
    "mail_days_unknown": False,
    "due_on": "",
    "missed": False,
    "days_late": 0,
    "extended": False,
    "exhaustion_on": "",
    "status_inquiries": [],
    "status_inquiries_text": "",
    "expedite_requested": False,
    "expedite_denied_on": "",
    "waiver_requested": False,
    "waiver_denied_on": "",
    "waiver_pending": False,
    "determination_on": "",
    "determination_outcome": "",
    "determination_did": "",
    "determination_questions": "",
    "determination_withheld": False,
    "fee_bar": False,
    "exemptions": [],
    "exemptions_text": "",
    "appeal_filed_on": "",
    "appeal_number": "",
    "appeal_decision_due": "",
    "appeal_decided_on": "",
    "appeal_outcome": "",
    "appeal_did": "",
    "appeal_remanded": False,
    "on_remand": False,
    "appeal_missed": False,
    "interim_released_on": "",
    "chronology": [],
    "exhibits": [],
    "info_requests_repeated": False,
}


def _followup_base(requester: Requester, comp: Component, request: RequestRef, letter_date: date) -> dict:
    tracking = one_line(request.tracking_number)
    if not tracking:
        raise DraftingError("Enter the tracking number the agency gave this request.")
    ctx = _base(requester, comp, letter_date)
    ctx.update(
        addressee=_office_address(comp, letter_date),
        delivery=_delivery(_followup_channel(comp, request.filed_by)),
        request={
            "tracking_number": tracking,
            "submitted_on": long_date(request.submitted_on),
            "title": one_line(request.title),
        },
        history=dict(HISTORY_DEFAULTS),
    )
    return ctx


# --- case facts, sources and categories ------------------------------------------------

STALE_AFTER_DAYS = 180  # a fact last checked longer ago than this is flagged to the user
MAX_SOURCES_PER_FACT = 1  # the best primary source: a docket or official page before the press
_SOURCE_ORDER = {"court": 0, "congress": 1, "agency": 1, "federal_register": 1, "statute": 2, "news": 3}


class Sources:
    """Numbers each cited source once, in order of first citation, for the end list."""

    def __init__(self):
        self.items: list[str] = []

    def cite(self, fact: LetterFact, letter_date: date) -> str:
        usable = sorted(
            (s for s in fact.sources if s.date is None or s.date <= letter_date),
            key=lambda s: _SOURCE_ORDER.get(s.kind, 9),
        )[:MAX_SOURCES_PER_FACT]
        numbers = []
        for src in usable:
            text = src.citation()
            if text not in self.items:
                self.items.append(text)
            numbers.append(self.items.index(text) + 1)
        return "[" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""

    def listing(self) -> list[dict]:
        return [{"number": n, "text": t} for n, t in enumerate(self.items, 1)]


def fact_named(fact: LetterFact, words: int = 10) -> str:
    """A fact as the letter prints it: its date and opening words, never its id."""
    parts = one_line(fact.text).split()
    opening = " ".join(parts[:words]).rstrip(".,;:") + ("…" if len(parts) > words else "")
    return f"the fact of {long_date(fact.date)}, “{opening}”"


def usable_facts(pack: CasePack, options: DraftOptions, warnings: list[str]) -> list[LetterFact]:
    """The letter facts this letter may state: dated on or before the letter, with a source
    the letter can cite, and verified unless the user includes the others knowingly."""
    day = options.letter_date
    chosen = []
    for fact in pack.letter_facts:
        if fact.date > day:
            continue  # not yet true on the letter's date
        if not any(s.date is None or s.date <= day for s in fact.sources):
            continue
        how = "only partly confirmed" if fact.tag == "P" else "not confirmed"
        if fact.tag != "V" and not options.include_unverified:
            warnings.append(
                f"Left out: {fact_named(fact)}. It is {how} by a source you can cite. Check it "
                "against its source and mark it verified (V) in the case pack; or, to print it "
                "knowingly, tick “Also print facts … not fully verified” in Compose (on the command "
                "line, --include-unverified)."
            )
            continue
        if fact.tag != "V":
            warnings.append(
                f"Printed at your choice: {fact_named(fact)}. It is {how}: check it against its "
                "source before you sign, since you certify the expedite section."
            )
        if (day - fact.as_of).days > STALE_AFTER_DAYS:
            warnings.append(
                f"Last checked on {long_date(fact.as_of)}: {fact_named(fact)}. Make sure it is "
                "still accurate before sending."
            )
        chosen.append(fact)
    return chosen


def _stated(facts: list[LetterFact], refs: Sources, day: date) -> str:
    """Facts as running text, each followed by its source numbers."""
    return " ".join(f"{one_line(f.text)} {refs.cite(f, day)}".strip() for f in facts)


def _date_range(start: date | str | None, end: date | str | None) -> str:
    if start and end:
        return f"{long_date(start)} through {long_date(end)}"
    if start:
        return f"{long_date(start)} through the date of your search"
    if end:
        return f"any date through {long_date(end)}"
    return "any date"


MAX_SEARCH_TERMS = 4


def _categories(pack: CasePack, ids: Iterable[str], comp: Component, warnings: list[str]) -> list[dict]:
    by_id = {c.id: c for c in pack.categories}
    ids = list(dict.fromkeys(ids))  # keep order, drop repeats
    if not ids:
        raise DraftingError("Choose at least one category of records to request.")
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise DraftingError(
            f"The case “{one_line(pack.name)}” has no record category "
            + ", ".join(f"'{i}'" for i in unknown)
            + ". Its categories are: "
            + "; ".join(f"{n}. {one_line(c.title).rstrip('.')}" for n, c in enumerate(pack.categories, 1))
            + "."
        )
    chosen = []
    # A long list stays within about five pages: fewer search terms per item.
    terms = MAX_SEARCH_TERMS if len(ids) <= 6 else MAX_SEARCH_TERMS - 1 if len(ids) < 10 else 2
    for number, cid in enumerate(ids, 1):
        cat = by_id[cid]
        if comp.key.lower() not in (h.lower() for h in cat.holders):
            warnings.append(
                f"Category '{cat.title}' is not known to be held by "
                f"{short_name(comp)} (holders: {', '.join(_holder_name(h) for h in cat.holders)})."
            )
        chosen.append(
            {
                "number": number,
                "id": cat.id,
                "title": one_line(cat.title).rstrip("."),
                "description": one_line(cat.description_for(comp.key)),
                "custodians": "; ".join(one_line(c) for c in cat.custodians_for(comp.key)),
                "date_range": _date_range(cat.date_from, cat.date_to),
                "search_terms": ", ".join(f"“{one_line(t)}”" for t in cat.search_terms[:terms]),
            }
        )
    return chosen


def own_records(pack: CasePack, category_ids: Iterable[str], comp: Component) -> str:
    """The records a narrow letter asks for, in a few words ("ICE's written requests for
    taxpayer addresses; Counts of requests, matches and disclosures"), or "" for a letter
    that asks for everything its office holds in the case. Several narrow letters to one
    office must each be told apart by what they ask for."""
    ids = list(dict.fromkeys(category_ids))
    held = {c.id for c in pack.categories_for(comp.key)}
    if not ids or (held and held <= set(ids)):
        return ""
    titles = {c.id: one_line(c.title).rstrip(".") for c in pack.categories}
    return "; ".join(titles[i] for i in ids if i in titles)


def _asks_for_tax_data(cats: Iterable[Category]) -> bool:
    for cat in cats:
        for ex in cat.likely_exemptions:
            if ex.code == "b3" and "6103" in (ex.statute or ""):
                return True
    return False


def _taxpayer_paragraph(options: DraftOptions, irs: bool) -> str:
    """The IRS wording: statistics that cannot be associated with a taxpayer, and records
    that are not return information with taxpayer entries redacted. Never 'de-identified
    data', which invites a denial: redaction does not take return information out of 6103."""
    text = (
        "This request does not seek the return or return information of any identifiable "
        "taxpayer (26 U.S.C. 6103(b)). Where counts or other data derive from return "
        "information, I ask for them as statistics in a form that cannot be associated with, "
        "or otherwise identify, directly or indirectly, a particular taxpayer (26 U.S.C. "
        "6103(b)(2)). Records that are not themselves returns or return information, such as "
        "agreements, address requests, legal analyses, policies and communications, should "
        "be released with any entries identifying a taxpayer redacted."
    )
    scientology = authorities.case("church-of-scientology", unverified_ok=options.include_unverified)
    if scientology and irs:  # the IRS is the agency that applies 6103 to its own files
        text += (
            " I do not ask you to release return information by deleting identifiers; that "
            f"is not permitted, {scientology['cite']}, and none is sought here."
        )
    return text


# --- fees and expedited processing --------------------------------------------------------


def _fee(requester: Requester, options: DraftOptions, comp: Component, warnings: list[str]) -> dict:
    category = options.fee_category or requester.fee_category
    if category not in FEE_CATEGORIES:
        raise DraftingError(f"'{category}' is not a fee category; use one of: " + ", ".join(FEE_CATEGORIES))
    label, cite, charges = FEE_CATEGORIES[category]
    cap = money(options.fee_cap, "fee limit")
    default, rule, compare = None, "", ""
    if comp.default_fee_commitment is not None:
        try:
            default = money(_value(comp.default_fee_commitment))
        except DraftingError:
            warnings.append(f"The default fee commitment for {short_name(comp)} is not an amount.")
    if default is not None:
        family = _family(comp)
        pin = authorities.rule(family, "fee_commitment", unverified_ok=options.include_unverified)
        regulation = pin or one_line(_value(comp.regulation) or "")
        rule = f"the {comp.parent or comp.abbr} FOIA regulations" + (f" ({regulation})" if regulation else "")
        compare = "above" if cap > default else "equal" if cap == default else "below"
    if category != "other" and not clean(requester.fee_category_basis):
        warnings.append(
            "Say why you belong in the fee category you claim (publications, "
            "institution, audience): the profile's fee-category basis is empty."
        )
    return {
        "category": category,
        "label": label,
        "cite": cite,
        "charges": charges,
        "basis": paragraphs(requester.fee_category_basis),
        "basis_line": one_line(requester.fee_category_basis),
        "cap": dollars(cap),
        "cap_amount": str(cap),
        "agrees_to_pay": cap > 0,
        "default_commitment": dollars(default) if default is not None else "",
        "default_rule": rule,
        "cap_vs_default": compare,
    }


# code: (title, what the requester asserts). The directory says which codes a component's
# rules allow; `authorities` gives their pinpoint cites, printed only when verified.
GROUNDS = {
    "imminent_threat": (
        "Imminent threat to life or physical safety",
        "Failure to obtain the records on an expedited basis could reasonably be expected to "
        "pose an imminent threat to the life or physical safety of an individual.",
    ),
    "urgency_to_inform": (
        "Urgency to inform the public",
        "There is an urgency to inform the public concerning actual or alleged federal "
        "government activity, and I am primarily engaged in disseminating information.",
    ),
    "due_process": (
        "Loss of substantial due process rights",
        "Delay in releasing the records would cause the loss of substantial due process rights.",
    ),
    "media_interest": (
        "Widespread and exceptional media interest",
        "The subject of this request is a matter of widespread and exceptional media interest "
        "in which there exist possible questions about the government's integrity which affect "
        "public confidence.",
    ),
}


def ground_named(code: str) -> str:
    """A ground as the letter names it, for messages to the user."""
    return f"“{GROUNDS[code][0]}”" if code in GROUNDS else f"'{code}'"


# Grounds that rest on facts about the requester: only the user can state them.
USER_FACT_GROUNDS = ("imminent_threat", "due_process")
# Grounds that rest on the public's need to know, which the case's dated facts argue.
PUBLIC_GROUNDS = ("urgency_to_inform", "media_interest")


def needs_facts(code: str) -> str:
    """What a letter says of a ground that needs the requester's own facts and has none
    (the window shows the same words beside the empty box)."""
    return (
        f"{ground_named(code)} is left out: it needs your own facts (who would be harmed, "
        "how, and when), in your words. Add them for this ground and draft again."
    )


# The statute's two grounds (cite, route_to, tag), for a component the directory lists
# no grounds for.
STATUTORY_GROUNDS: dict[str, tuple[str, str | None, str]] = {
    "imminent_threat": ("5 U.S.C. 552(a)(6)(E)(v)(I)", None, "V"),
    "urgency_to_inform": ("5 U.S.C. 552(a)(6)(E)(v)(II)", None, "V"),
}


def _grounds(
    codes: list[str], comp: Component, requester: Requester, options: DraftOptions, warnings: list[str]
) -> list[dict]:
    """The expedite grounds this letter can assert: allowed by the component's rules, and
    supported by the requester (a disseminator for urgency to inform; the user's own facts
    for due process or a threat to safety). Others are left out with a warning."""
    allowed = {g.code: (g.cite, g.route_to, g.tag) for g in comp.expedite_grounds}
    allowed = allowed or STATUTORY_GROUNDS
    if not codes:
        raise DraftingError("Choose at least one ground for expedited processing.")
    family = _family(comp)
    chosen, dropped = [], []
    for code in dict.fromkeys(codes):
        if code not in allowed or code not in GROUNDS:
            raise DraftingError(
                f"The rules of {short_name(comp)} do not list "
                f"{ground_named(code)} as a ground for expedited processing; they allow: "
                f"{', '.join(ground_named(g) for g in allowed)}. Choose one of those."
            )
        user_text = one_line((options.ground_text or {}).get(code, ""))
        if code == "urgency_to_inform" and not requester.primarily_disseminates:
            warnings.append(
                "“Urgency to inform the public” was left out: it requires a requester primarily "
                "engaged in disseminating information, and your profile does not say so. Choose the "
                "news media fee category, or describe that work in the profile's primary activity "
                "(primary_activity)."
                + (
                    " “Widespread and exceptional media interest” fits without it."
                    if "media_interest" in allowed
                    else ""
                )
            )
            dropped.append(code)
            continue
        if code in USER_FACT_GROUNDS and not user_text:
            warnings.append(needs_facts(code))
            dropped.append(code)
            continue
        title, text = GROUNDS[code]
        cite, route_to, tag = allowed[code]
        statute = STATUTORY_GROUNDS.get(code, ("",))[0]
        pin = authorities.ground_cite(family, code, unverified_ok=options.include_unverified)
        if tag == "V" and cite.startswith("5 U.S.C."):
            pin = pin or cite
        shown = "; ".join(dict.fromkeys(x for x in (statute, pin) if x))
        if not shown:
            part = authorities.rule(family, "part") or one_line(_value(comp.regulation) or "")
            shown = f"your regulations, {part}" if part else ""
        if code == "urgency_to_inform" and requester.disseminator_basis:
            text += " " + one_line(requester.disseminator_basis).rstrip(".") + "."
        if user_text:
            text += " " + user_text
        route = one_line(route_to or "")
        if route and (
            comp.name.lower() in route.lower()
            or route.lower().startswith(comp.name.lower())
            or (comp.abbr == "DHS-PRIV" and "privacy office" in route.lower())
        ):
            route = ""  # the letter already goes there
        route_cite = ""
        if route:
            route_cite = authorities.rule(
                family, "expedite_routing", unverified_ok=options.include_unverified
            )
            warnings.append(
                f"On the day you send it, send a copy of this letter to the {route}: "
                f"{route_cite or 'the agency’s rules'} direct{'s' if route_cite else ''} requests "
                f"on the ground “{title}” there. The letter says you are sending it."
            )
        chosen.append(
            {
                "code": code,
                "title": title,
                "text": text,
                "cite": shown,
                "route_to": route,
                "route_cite": route_cite,
            }
        )
    if not chosen:
        raise DraftingError(
            "None of the chosen expedite grounds fits: " + "; ".join(w for w in warnings[-len(dropped) :])
        )
    return [{**ground, "number": number} for number, ground in enumerate(chosen, 1)]


def _dissemination(requester: Requester) -> str:
    """One paragraph: it continues a numbered point of the fee-waiver argument. Only the
    requester's own words: a letter never promises publication on their behalf."""
    return one_line(requester.dissemination)


WAIVER_FACTORS = (
    "The subject of the request",
    "Likely to contribute significantly to public understanding",
    "Significance of the contribution",
    "No commercial interest",
)
MAX_QUESTIONS = 3
MAX_WAIVER_FACTS = 2
MAX_URGENCY_FACTS = 3


def _waiver(
    requester: Requester,
    pack: CasePack,
    comp: Component,
    cats: list[Category],
    fee: dict,
    facts: list[LetterFact],
    refs: Sources,
    options: DraftOptions,
    warnings: list[str],
    shown_public: int = 2,
) -> list[dict]:
    """The fee-waiver argument in the agency's own factors, with pinpoints when verified."""
    family = _family(comp)
    cites = authorities.waiver_factor_cites(family, unverified_ok=options.include_unverified)
    day = options.letter_date
    subject = one_line(pack.subject or pack.name)
    narrow = len(cats) == 1  # a single-record letter stays short
    open_facts = [f for f in facts if "fee_waiver" in f.supports and "background" not in f.supports]
    # a single record, or a long list of items, keeps the argument to one fact
    open_facts = open_facts[: 1 if narrow or len(cats) > 6 else MAX_WAIVER_FACTS]
    firsts = [c.questions[0] for c in cats if c.questions]
    rest = [q for c in cats for q in c.questions[1:]]
    questions = list(dict.fromkeys(firsts + rest))[: 2 if narrow else MAX_QUESTIONS]
    public = [f for f in facts if "background" in f.supports][:shown_public]
    public_refs = " ".join(r for r in (refs.cite(f, day) for f in public) if r)
    informative = (
        (
            f"Apart from the agreement itself, which is largely public {public_refs}, the "
            if public_refs
            else "The "
        )
        + "records requested are not public, and what is known shows how much is not. "
        + _stated(open_facts, refs, day)
    ).strip()
    audience = _dissemination(requester)
    if not audience:
        warnings.append(
            "The fee-waiver argument does not say how you will share what you learn, which agencies "
            "weigh (DHS asks for it in so many words): add it to your profile (dissemination)."
        )
    rossotti = authorities.case("rossotti", unverified_ok=options.include_unverified)
    significance = (
        "The records would show how the government actually carried out this program, which "
        "court filings and press reports describe only in part. They would answer:"
    )
    commercial = (
        "Any commercial interest I have is outweighed by the public interest in disclosure."
        if fee["category"] == "commercial"
        else "I have no commercial interest in the records; I seek them to inform the public and "
        "will not sell them."
        if audience  # only a requester who says how they will share may say they inform the public
        else "I have no commercial interest in the records and will not sell them."
    )
    texts = [
        f"The records concern identifiable operations and activities of the federal government: "
        f"{subject}, as the items above describe.",
        f"{informative} {audience}".strip(),
        significance,
        commercial,
    ]
    items = []
    for n, (title, text) in enumerate(zip(WAIVER_FACTORS, texts, strict=True)):
        items.append(
            {
                "number": n + 1,
                "title": title,
                "cite": cites[n] if n < len(cites) else "",
                "text": text,
                "questions": questions if n == 2 else [],
            }
        )
    if rossotti:
        items[-1]["text"] = str(items[-1]["text"]) + (
            f" Congress directed that the fee-waiver provision be liberally construed ({rossotti['cite']})."
        )
    return items


# --- the six letters ------------------------------------------------------------------


def _protective_asks(comp: Component, options: DraftOptions) -> list[str]:
    """One sentence each; what protects the request while it waits."""
    asks = [
        "Please preserve every record responsive to this request, including records in personal "
        "email or messaging accounts used for agency business and in messaging apps such as "
        "Teams, Slack, Signal or WhatsApp, until the request and any appeal or litigation about "
        "it are finally resolved.",
        "If you refer any record to another agency or component, or consult one about it, please "
        "tell me which one and give me the tracking number the receiving office assigns.",
        "Please withhold information only where you reasonably foresee that disclosure would harm "
        "an interest an exemption protects, and release every reasonably segregable non-exempt "
        "part of each record, marking each redaction with the exemption relied on (5 U.S.C. "
        "552(a)(8)(A)(i)–(ii), 552(b)).",
    ]
    others = [with_article(x) for x in options.parallel_to if one_line(x)]
    if others:
        listed = ", ".join(others[:-1]) + (" and " if len(others) > 1 else "") + others[-1]
        asks.append(
            f"I am sending parallel requests for related records to {listed}; please process the "
            "records your office holds rather than referring them on."
        )
    asks.append(
        "Please release records on a rolling basis as they are processed, rather than waiting "
        "until the whole request is complete."
    )
    return asks


def build_request_context(
    requester: Requester,
    pack: CasePack,
    category_ids: Iterable[str],
    component: Component,
    options: DraftOptions,
) -> dict:
    """Everything request.docx needs. Raises DraftingError on input the letter cannot use;
    softer problems (a category this component may not hold, a left-out fact or ground) go
    to `warnings`, which are never printed."""
    ctx = _base(requester, component, options.letter_date)
    warnings = ctx["warnings"]
    known = {c.id: c.known_from for c in pack.categories}
    by_title = {c.id: c.title for c in pack.categories}
    category_ids = list(category_ids)
    early = [i for i in category_ids if (k := known.get(i)) is not None and k > options.letter_date]
    for cid in early:
        warnings.append(
            f"Left out: item “{one_line(by_title[cid]).rstrip('.')}”, which describes events "
            f"public only from {long_date(known[cid])}, after this letter's date. Date the "
            "letter later to ask for it."
        )
    if early and len(early) == len(category_ids):
        raise DraftingError("Every chosen category describes events after the letter's date.")
    category_ids = [i for i in category_ids if i not in early]
    categories = _categories(pack, category_ids, component, warnings)
    by_id = {c.id: c for c in pack.categories}
    chosen = [by_id[c["id"]] for c in categories]
    fee = _fee(requester, options, component, warnings)
    family = _family(component)
    grounds = (
        _grounds(options.expedite_grounds, component, requester, options, warnings)
        if options.expedite
        else []
    )
    facts = usable_facts(pack, options, warnings)
    refs = Sources()
    day = options.letter_date
    # One short paragraph: a long letter or a single record gets one fact, others two.
    background = [f for f in facts if "background" in f.supports][
        : 1 if len(categories) in (1,) or len(categories) > 6 else 2
    ]
    background_text = _stated(background, refs, day)
    waiver = (
        _waiver(requester, pack, component, chosen, fee, facts, refs, options, warnings, len(background))
        if options.fee_waiver and not clean(options.fee_waiver_text)
        else []
    )
    keep = 2 if len(categories) == 1 else MAX_URGENCY_FACTS
    # The case's dated facts argue the public's need: only under a ground that rests on it
    # (the letter certifies what it says, and a threat or a hearing is the requester's own).
    public = any(g["code"] in PUBLIC_GROUNDS for g in grounds)
    urgency = [f for f in facts if "expedite" in f.supports][-keep:] if public else []
    urgency_text = _stated(urgency, refs, day)
    if public and not urgency and not clean(options.expedite_text):
        warnings.append(
            "The expedite section has no dated reason for urgency: add your own text, or facts "
            "in the case pack that support expedition."
        )
    appendix = (
        [{"text": one_line(f.text), "refs": refs.cite(f, day), "date": long_date(f.date)} for f in facts]
        if options.appendix
        else []
    )
    waiver_rule = authorities.rule(family, "fee_waiver", unverified_ok=options.include_unverified)
    expedite_rule = authorities.rule(family, "expedite", unverified_ok=options.include_unverified)
    part = authorities.rule(family, "part") or one_line(_value(component.regulation) or "")
    asks = []
    if options.fee_waiver:
        asks.append(
            "a waiver of all fees (5 U.S.C. 552(a)(4)(A)(iii)"
            + (f"; {waiver_rule}" if waiver_rule else "")
            + ")"
        )
    if options.expedite:
        asks.append(
            "expedited processing (5 U.S.C. 552(a)(6)(E)"
            + (f"; {expedite_rule}" if expedite_rule else "")
            + ")"
        )
    subject_asks = [
        x for x, on in (("fee waiver", options.fee_waiver), ("expedited processing", options.expedite)) if on
    ]
    ctx.update(
        addressee=_office_address(component, options.letter_date),
        delivery=_delivery(component.preferred_channel),
        subject="Freedom of Information Act request: "
        + (f"{records} — " if (records := own_records(pack, category_ids, component)) else "")
        + one_line(pack.name)
        + (f" ({' and '.join(subject_asks)} requested)" if subject_asks else ""),
        case={"id": pack.id, "name": one_line(pack.name), "subject": one_line(pack.subject or pack.name)},
        asks=" and ".join(asks),
        rules=part,
        waiver_rules=waiver_rule,  # a rule not read in its text is not claimed
        categories=categories,
        priority=options.priority and len(categories) > 1,
        background=background_text,
        no_taxpayer_records=ctx["signature_required"] or _asks_for_tax_data(chosen),
        taxpayer_paragraph=_taxpayer_paragraph(options, ctx["signature_required"]),
        format=one_line(options.format) or "electronic native format",
        fee=fee,
        fee_waiver=options.fee_waiver,
        fee_waiver_text=paragraphs(options.fee_waiver_text) if options.fee_waiver else "",
        waiver=waiver,
        dissemination=_dissemination(requester),
        expedite=options.expedite,
        expedite_grounds=grounds,
        expedite_text=paragraphs(options.expedite_text) if options.expedite else "",
        urgency=urgency_text,
        certification_cite=_certification_cite(family, options.include_unverified),
        expedite_decision_cite=authorities.rule(
            family, "expedite_decision", unverified_ok=options.include_unverified
        ),
        protective=_protective_asks(component, options),
        appendix=appendix,
        sources=refs.listing(),
    )
    ctx["warnings"] = list(dict.fromkeys(warnings))
    return ctx


# A follow-up asks for its answer by a date, so that the ask is concrete: ten working days are
# ample to look a request up and say where it stands, and short enough to keep it moving.
ANSWER_IN_WORKING_DAYS = 10


def answer_by(letter_date: date) -> str:
    """The date a follow-up asks its answer by."""
    from foiadesk.core.deadlines.calendar import calendar

    return long_date(calendar().add_working_days(letter_date, ANSWER_IN_WORKING_DAYS))


def build_status_inquiry_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    received_on: date | None = None,
    due_on: date | None = None,
    deadline_extended: bool = False,
    note: str = "",
) -> dict:
    """status_inquiry.docx: asks for the estimated completion date (552(a)(7)(B)).
    `due_on` is the determination deadline from the clocks; the letter says it has passed
    only when it is before the letter date."""
    ctx = _followup_base(requester, component, request, letter_date)
    ctx.update(
        received_on=long_date(received_on),
        due_on=long_date(due_on),
        deadline_passed=due_on is not None and due_on < letter_date,
        deadline_extended=deadline_extended,
        duplication_barred=requester.fee_category in PREFERRED_CATEGORIES,
        fee_bar_text="",  # only the log can tell whether the fee bar applies (followups.py)
        answer_by=answer_by(letter_date),
        note=paragraphs(note),
        appeal={},
        determined={},
        remanded={},
    )
    return ctx


def build_clarification_reply_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    clarification: str,
) -> dict:
    """clarification_reply.docx: answers the agency's one tolling request for information."""
    text = paragraphs(clarification)
    if not text:
        raise DraftingError("Write your answer: the information the agency asked for.")
    ctx = _followup_base(requester, component, request, letter_date)
    ctx.update(agency_letter_date=long_date(agency_letter_date), clarification=text)
    return ctx


def build_still_interested_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    reply_by: date | None = None,
    note: str = "",
) -> dict:
    """still_interested_reply.docx: keeps a request open after a 'still interested?' letter."""
    ctx = _followup_base(requester, component, request, letter_date)
    if reply_by is not None and reply_by < letter_date:
        ctx["warnings"].append(
            f"The agency asked for a reply by {long_date(reply_by)}, before "
            "this letter's date: send it at once and keep proof of sending."
        )
    ctx.update(
        agency_letter_date=long_date(agency_letter_date), reply_by=long_date(reply_by), note=paragraphs(note)
    )
    return ctx


def build_fee_response_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    fee_estimate: Decimal | float | str,
    accept: bool,
    fee_cap: Decimal | float | str | None = None,
    narrowing: str = "",
    fee_bar: bool = False,
    fee_bar_text: str = "",
    fee_bar_all: bool = False,
    estimate_after_due: bool = False,
    note: str = "",
) -> dict:
    """fee_response.docx: accept the estimate (up to `fee_cap`, default the estimate) or
    narrow the request. `fee_bar`: a time limit was missed, so 552(a)(4)(A)(viii) applies;
    `fee_bar_text`: what the log shows of its exceptions, as a sentence (else the letter
    states the rule with its exceptions); `fee_bar_all`: the log shows the bar takes every fee
    the requester's category pays;
    `estimate_after_due`: it was missed before the estimate came, not while it held the clock.
    Accepting an estimate above $250 concedes advance payment (5 U.S.C. 552(a)(4)(A)(v)) only
    of the fees the bar leaves."""
    estimate = money(fee_estimate, "fee estimate")
    cap = money(fee_cap, "fee limit") if fee_cap not in (None, "") else (estimate if accept else None)
    narrowed = paragraphs(narrowing)
    if not accept and not narrowed:
        raise DraftingError("Say how you narrow the request, or accept the estimate.")
    ctx = _followup_base(requester, component, request, letter_date)
    if accept and not cap:
        raise DraftingError("To accept the estimate, agree to pay more than $0.")
    if accept and cap is not None and cap < estimate:  # accept: cap was checked above
        ctx["warnings"].append(
            f"Your limit {dollars(cap)} is below the estimate "
            f"{dollars(estimate)}: the agency may stop processing."
        )
    ctx.update(
        agency_letter_date=long_date(agency_letter_date),
        fee_estimate=dollars(estimate),
        accept=accept,
        fee_cap=dollars(cap) if cap else "",
        narrowing=narrowed if not accept else "",
        advance_payment=bool(advance := _advance_payment(accept and estimate > 250, fee_bar, fee_bar_all)),
        advance_text=advance,
        fee_bar=fee_bar,
        fee_bar_text=one_line(fee_bar_text),
        estimate_after_due=estimate_after_due,
        duplication_barred=requester.fee_category in PREFERRED_CATEGORIES,
        note=paragraphs(note),
    )
    return ctx


def _advance_payment(above_250: bool, fee_bar: bool, fee_bar_all: bool) -> str:
    """What a fee reply accepting an estimate above $250 says of advance payment, which 5 U.S.C.
    552(a)(4)(A)(v) allows for a fee that will exceed $250: of every fee, of the fees the bar
    leaves, or, with every fee barred, that none is left."""
    if not above_250:
        return ""
    if fee_bar and fee_bar_all:
        return "No fee is therefore left that you could ask me to pay in advance (5 U.S.C. 552(a)(4)(A)(v))."
    if fee_bar:
        return (
            "If the fees that are not barred will exceed $250, I understand that you may ask for payment of "
            "them in advance (5 U.S.C. 552(a)(4)(A)(v)). Please tell me how to pay."
        )
    return (
        "Because the estimate is above $250, I understand that you may ask for payment in advance (5 U.S.C. "
        "552(a)(4)(A)(v)). Please tell me how to pay."
    )


def build_appeal_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    determination_date: date,
    withheld: Iterable[dict] = (),
    determination_official: str = "",
    search_argument: str = "",
    glomar_argument: str = "",
    other_argument: str = "",
    expedite: bool = False,
    expedite_argument: str = "",
    appeal_address: str = "",
    decision: str = "determination",
    outcome: str = "",
    expedite_denied_on: date | None = None,
    expedite_appealed: bool = False,
    relief: str = "",
    withheld_records: bool | None = None,
    closure_argument: str = "",
    waiver_argument: str = "",
    delay_argument: str = "",
    enclosure: str = "",
    also_enclosed: str = "",
    request_verb: str = "answered",
) -> dict:
    """appeal.docx, to the component's appeal office. `withheld` items are dicts with
    'description' (or 'category'), 'exemptions' (codes such as 'b5', '(b)(7)(C)', or dicts
    with 'code' and 'statute') and an optional 'argument' in the requester's words.
    `appeal_address` (from the determination letter) replaces the directory's address.
    `decision` names what is appealed when it is not the determination ("denial of
    expedited processing"), so the appeals officer looks for the right letter; `outcome` says
    what the decision did, after "which" ("withheld records in part under Exemption 5").
    The appeals office did not decide: the letter names the component that did. `relief`:
    what the appeal asks the office to order besides reversal ("order a new search …"),
    else the release of the segregable records when records were decided. `withheld_records`:
    the decision withheld records, so segregability is argued (default: records were decided).
    The letter says the appeal is on time when it is, under the agency's own window if that rule
    is verified (DHS: 90 working days), else the statute's 90 days; a late one is flagged
    (`appeal_timeliness`). `glomar_argument`: why a response that
    neither confirms nor denies that records exist cannot stand. `expedite_denied_on`: the
    date of an expedite denial the appeal argues besides `decision`, enclosed with it.
    `expedite_appealed`: that denial is appealed too (the request is still pending, so it is
    live), and the subject line and the first sentence name it.
    `closure_argument`: why an agency's administrative closure should be reversed (paragraphs);
    `waiver_argument`: why a fee-waiver denial should be reversed (paragraphs);
    `delay_argument`: why a failure to make a determination in time is appealed (paragraphs),
    with `decision` "failure to make a determination" and `determination_date` the deadline missed;
    `enclosure`: what the enclosed decision is called, when not `decision` ("letter of May 1,
    2026 closing {request}": "it" in the body, "my request" in the enclosures line);
    `also_enclosed`: another document the argument says is enclosed ("my reply of May 3, 2026")."""
    ctx = _followup_base(requester, component, request, letter_date)
    # an appeal goes to the appeals office: the component's own address is not printed
    ctx["warnings"] = [w for w in ctx["warnings"] if w != stale_address_warning(component, letter_date)]
    records_decided = one_line(decision) in ("", "determination")
    # a window runs from an adverse determination; a failure to make one has no date to count from
    timely, timely_cite, late = (
        ("", "", "")
        if one_line(decision).startswith("failure ")
        else appeal_timeliness(component, determination_date, letter_date)
    )
    if late:
        ctx["warnings"].append(late)
    items = [_withheld_item(n, item) for n, item in enumerate(withheld, 1)]
    search, other = paragraphs(search_argument), paragraphs(other_argument)
    glomar = paragraphs(glomar_argument)
    closure = paragraphs(closure_argument)
    waiver = paragraphs(waiver_argument)
    delay = paragraphs(delay_argument)
    delayed = one_line(decision).startswith("failure ")  # no determination came in time
    if not (
        items
        or search
        or glomar
        or other
        or closure
        or waiver
        or delay
        or (expedite and clean(expedite_argument))
    ):
        raise DraftingError("Say what you appeal: a withholding, the search, or another ground.")
    ctx.update(
        **appeal_office(component, appeal_address, ctx["warnings"]),
        determination_date=long_date(determination_date),
        decision=_decision(decision, determination_date),
        decision_noun=one_line(decision) or "determination",
        decider=first_mention(component),
        decider_short=short_name(component),
        decision_did=one_line(outcome),
        decision_appealed=_decision_by(decision, determination_date, first_mention(component))
        + (f", which {one_line(outcome)}" if one_line(outcome) else ""),
        records_decided=records_decided,
        relief=one_line(relief)
        or ("order the release of all reasonably segregable, non-exempt records" if records_decided else ""),
        segregability=records_decided if withheld_records is None else withheld_records,
        within_90_days=(letter_date - determination_date).days <= STATUTE_APPEAL_DAYS,
        timely=timely,
        timely_cite=timely_cite,
        determination_official=one_line(determination_official),
        withheld=items,
        search_argument=search,
        glomar_argument=glomar,
        other_argument=other,
        closure_argument=closure,
        waiver_argument=waiver,
        delay_argument=delay,
        delay=delayed,
        # what the enclosed decision is called in the body and in the enclosures line
        enclosed_as=one_line(enclosure).replace("{request}", "it")
        or ("" if delayed else one_line(decision) or "determination"),
        enclosure=one_line(enclosure).replace("{request}", "my request")
        or ("" if delayed else _decision(decision, determination_date)),
        also_enclosed=one_line(also_enclosed),
        request_verb=one_line(request_verb) or "answered",  # "It answered my request …"
        expedite=expedite,
        expedite_argument=paragraphs(expedite_argument) if expedite else "",
        expedite_denial=_decision("denial of expedited processing", expedite_denied_on)
        if expedite and expedite_denied_on is not None
        else "",
        # appealed with the decision, not only enclosed: named where the appeals office logs it
        expedite_appealed=bool(expedite_appealed and expedite and expedite_denied_on is not None),
        **_expedite_cites(component),
    )
    ctx["warnings"] = list(dict.fromkeys(ctx["warnings"]))
    return ctx


# The statute's floor for every agency's appeal window: "not less than 90 days after the date of
# such adverse determination" (5 U.S.C. 552(a)(6)(A)(i)(III)(aa); domain.md §1.8).
STATUTE_APPEAL_DAYS = 90
STATUTE_APPEAL_CITE = "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)"


def appeal_timeliness(component: Component, decided_on: date, letter_date: date) -> tuple[str, str, str]:
    """How an appeal dated `letter_date` says it is on time, and a note for the user when it is
    not. The agency's own window counts when its rule is verified: DHS allows 90 working days
    (6 CFR 5.8(a)(1)), so an appeal four months after a DHS decision can still be on time, and
    DOJ 90 calendar days (28 CFR 16.8(a)). Otherwise only the statute's floor of 90 days is
    certain. Returns the span and its cite, ("90 working days", "6 CFR 5.8(a)(1)", ""); for a
    rule that counts the appeal's arrival (Interior, 43 CFR 2.58(a)), the span, its cite and a
    reminder of the day it must arrive by; for a late appeal a note for the user, ("", "", note)."""
    window = component.appeal_window
    if window.tag == "V" and window.days >= STATUTE_APPEAL_DAYS:
        if window.unit == "working":
            from foiadesk.core.deadlines.calendar import calendar

            ends = calendar().add_working_days(decided_on, window.days)
            span = f"{window.days} working days"
        else:
            ends = decided_on + timedelta(days=window.days)
            span = f"{window.days} days"
        if letter_date <= ends and window.by == "received":
            return (
                span,
                window.cite,
                f"{window.cite} counts the appeal's arrival: it must reach the appeals office by "
                f"{long_date(ends)}, so send it early enough to arrive by then.",
            )
        if letter_date <= ends:
            return span, window.cite, ""
        return (
            "",
            "",
            (
                f"The appeal window of {window.cite}, {span} from the decision of {long_date(decided_on)}, "
                f"ended on {long_date(ends)}: an appeal sent now may be refused as late. Check the decision "
                "letter, which may allow more time, before sending."
            ),
        )
    if (letter_date - decided_on).days <= STATUTE_APPEAL_DAYS:
        return f"{STATUTE_APPEAL_DAYS} days", STATUTE_APPEAL_CITE, ""
    return (
        "",
        "",
        (
            f"The decision appealed is more than {STATUTE_APPEAL_DAYS} days old: check the appeal deadline "
            "in the agency's rules and in the decision letter before sending."
        ),
    )


def appeal_office(component: Component, appeal_address: str = "", warnings: list | None = None) -> dict:
    """The addressee and delivery line of a letter to the component's appeals office."""
    warnings = warnings if warnings is not None else []
    channel = next((c for c in component.appeal_channels if c.preferred), None)
    on_file = component.appeal_address
    address = clean(appeal_address) or clean(_value(on_file) or "")
    if not address and channel is not None and channel.kind == "mail":
        address = clean(channel.value)
    if not appeal_address:
        # The directory's office field is advice ("use the office named in the letter"),
        # not an address line: show it to the user instead of printing it.
        office = one_line(_value(component.appeal_office) or "")
        if office:
            warnings.append(f"Appeal office on file: {office}")
        if not address:
            warnings.append(
                f"No appeal address is on file for {short_name(component)}: copy "
                "the one printed in the determination letter."
            )
        elif on_file is not None and on_file.tag == "U":
            warnings.append(
                "The appeal address on file is unverified: check it against the determination letter."
            )
    if channel is not None and channel.tag != "V":
        warnings.append(
            f"Appeal route on file: {channel.value} ({channel.kind}), only partly confirmed"
            + (f": {one_line(channel.note)}" if channel.note else ".")
        )
    # An appeal address names its own office (IRS Appeals, DOJ OIP); the component's name
    # goes first when the address names neither it nor its agency ("FOIA Appeals, Policy and
    # Litigation Branch, 90 K Street NE" is CBP's), so the letter reaches the right agency.
    public_abbr = component.abbr if component.abbr and "-" not in component.abbr else ""
    named = [letter_name(component), public_abbr, component.parent_name]
    names_itself = any(n and re.search(rf"\b{re.escape(n)}\b", address) for n in named)
    return {
        "addressee": _address_block(
            "Appeals Officer",
            address,
            letter_name(component) if not names_itself else "",
            "" if address else component.parent_name,
        ),
        "delivery": _delivery(channel),
    }


def _decision(noun: str, on: date) -> str:
    """What an appeal names: a "determination of May 1, 2026", or a "denial of expedited
    processing dated May 1, 2026". What it did follows it ("…, which withheld records in
    part"): an outcome label is no adjective ("the partly granted determination")."""
    noun = one_line(noun) or "determination"
    if noun.startswith("failure "):  # "failure to make a determination by May 1, 2026"
        return f"{noun} by {long_date(on)}"
    if noun != "determination":
        return f"{noun} dated {long_date(on)}"
    return f"determination of {long_date(on)}"


def _decision_by(noun: str, on: date, decider: str) -> str:
    """The decision appealed with the office that made it: "determination of May 1, 2026 by
    the Office of Legal Counsel", "denial by ICE of expedited processing, dated May 1, 2026",
    "administrative closure of my request by ICE, dated May 1, 2026"."""
    noun = one_line(noun) or "determination"
    if noun == "determination":
        return f"determination of {long_date(on)} by {decider}"
    if noun.startswith("failure "):  # "failure of ICE to make a determination by May 1, 2026"
        return f"failure of {decider} {noun.removeprefix('failure ')} by {long_date(on)}"
    if noun.startswith("administrative closure"):
        return f"{noun} by {decider}, dated {long_date(on)}"
    head, _, rest = noun.partition(" ")
    return f"{head} by {decider} {rest}, dated {long_date(on)}"


def _expedite_cites(comp: Component) -> dict:
    """The agency's own expedite paragraph and certification paragraph, when verified."""
    family = _family(comp)
    return {
        "expedite_rule": authorities.rule(family, "expedite"),
        "certification_cite": _certification_cite(family),
    }


def _certification_cite(family: str, unverified_ok: bool = False) -> str:
    """The statute's (E)(vi) and, when known, the agency's own certification paragraph."""
    own = authorities.rule(family, "certification", unverified_ok=unverified_ok)
    return "5 U.S.C. 552(a)(6)(E)(vi)" + (f"; {own}" if own else "")


def _family(comp: Component) -> str:
    """Whose FOIA regulation governs the component's letters (authorities.json's key)."""
    return authorities.rule_family(comp.abbr or "", comp.parent or "")


def waiver_appeal_argument(
    requester: Requester, component: Component, title: str, lead: str = "", *, showed: bool = True
) -> str:
    """An appeal of a fee-waiver denial restates the waiver, factor by factor, in the agency's
    own rule paragraphs when verified (DHS 6 CFR 5.11(k), DOJ 28 CFR 16.10(k), IRS 26 CFR
    601.702(f)(2)), with how the requester will share what they learn in their own words, and
    asks which factor the denial found unmet. `lead` opens it ("I also appeal …"). ``showed``:
    the request was a letter drafted here, whose words on the waiver are known; a request sent
    some other way is not said to have shown or explained anything. Paragraphs are separated by
    newlines."""
    family = _family(component)
    rule = authorities.rule(family, "fee_waiver")
    cites = authorities.waiver_factor_cites(family)
    cites = cites if len(cites) == len(WAIVER_FACTORS) else []

    def at(n: int) -> str:
        return f" ({cites[n]})" if cites else ""

    subject = f"the records I asked for, “{one_line(title)}”," if one_line(title) else "the records"
    audience = _dissemination(requester)
    commercial = (
        "Any commercial interest I have is outweighed by the public interest in disclosure"
        if requester.fee_category == "commercial"
        else "I have no commercial interest in the records"
    )
    return "\n".join(
        [
            (f"{one_line(lead)} " if one_line(lead) else "")
            + "Disclosure is in the public interest because it is likely to contribute significantly "
            "to public understanding of the operations or activities of the government, and it is not "
            "primarily in my commercial interest (5 U.S.C. 552(a)(4)(A)(iii)). "
            + ("As my request showed, " if showed else "")
            + (
                f"{'e' if showed else 'E'}ach factor of your regulations ({rule}) is met."
                if rule
                else f"{'b' if showed else 'B'}oth parts of that test are met."
            )
            + " If you uphold the denial, please say which factor you find unmet and why.",
            f"The subject{at(0)}: {subject} concern identifiable operations or activities of the "
            "federal government.",
            f"Contribution to public understanding{at(1)}: "
            + (
                audience
                or (
                    "my request explained how the records would inform the public."
                    if showed
                    else "I will share what I learn from the records with the public."
                )
            ),
            f"Significance of the contribution{at(2)}: "
            + (
                "my request explained what the records would show that is not already public."
                if showed
                else "the records would show the public what is not already known of these operations."
            ),
            f"Commercial interest{at(3)}: {commercial}.",
        ]
    )


# --- exemptions, for appeals ----------------------------------------------------------

_EXEMPTION = re.compile(r"\(?b?\)?\s*\(?([1-9])\)?\s*\(?([a-fA-F])?\)?")
_SEVEN_PARTS = "ABCDEF"

# Every part of (b)(7) first requires "records or information compiled for law enforcement purposes".
SEVEN_THRESHOLD = (
    "Like all of Exemption 7, it applies only to records compiled for law enforcement purposes; "
    "please show that each record withheld was. "
)
EXEMPTION_ARGUMENTS = {
    "1": "It covers only information properly classified under an executive order, in "
    "substance and in procedure. Please confirm that each withheld passage was reviewed "
    "for current classification, and release the unclassified portions.",
    "2": "It covers only records related solely to the agency's internal personnel rules and "
    "practices, that is, matters of employee relations and human resources. Records about "
    "how the agency carries out a program are not of that kind.",
    "3": "It applies only where a statute specifically exempts the information. Please name "
    "the statute relied on for each withholding and show that the withheld words fall "
    "within it.",
    "3-6103": "Section 6103 protects the returns and return information of identifiable "
    "taxpayers. It does not cover policies, agreements, legal analyses, "
    "communications about the program, or statistics that cannot be associated with "
    "a particular taxpayer. Please release those, redacting only details that "
    "identify a taxpayer.",
    "4": "It covers only trade secrets and commercial or financial information obtained from a "
    "person outside the government that is privileged or confidential. Please identify "
    "the submitter and explain how each withheld passage meets that test.",
    "5": "It protects only records covered by a privilege in civil discovery, such as records "
    "that are both predecisional and deliberative, and since 2016 the agency may withhold "
    "them only if it reasonably foresees that release would harm an interest the "
    "privilege protects (5 U.S.C. 552(a)(8)(A)). Calling a record a draft is not enough. "
    "Final agreements, adopted positions and factual material must be released, and "
    "factual material within deliberative records must be segregated and released.",
    "6": "It covers only personnel, medical and similar files whose release would be a "
    "clearly unwarranted invasion of personal privacy, which requires weighing a real "
    "privacy interest against the public interest in disclosure. Officials acting in "
    "their official capacity, senior officials in particular, have little privacy "
    "interest in their names and work, while the public interest in how this program "
    "was carried out is substantial. Please release the names and titles of officials, "
    "and redact only truly personal details.",
    "7": "It applies only to records compiled for law enforcement purposes, and only where "
    "release could reasonably be expected to cause one of the harms it lists. Please show "
    "both for each withholding.",
    "7A": "It requires a pending or reasonably anticipated enforcement proceeding and a showing "
    "of how release would interfere with it. Policies, agreements and aggregate "
    "statistics do not reveal the details of any particular investigation.",
    "7B": "It requires a showing that release would deprive a person of a fair trial or an "
    "impartial adjudication. No such proceeding has been identified.",
    "7C": "It requires weighing the privacy interest against the public interest in "
    "disclosure. The names and work of officials carrying out the program carry little "
    "privacy interest, and the public interest in how the program was run is "
    "substantial. Please redact only truly personal details.",
    "7D": "It protects the identity of confidential sources and, in criminal investigations, "
    "the information they gave. Another agency sharing data under an agreement is not a "
    "confidential source.",
    "7E": "It protects only techniques and procedures not generally known to the public, and "
    "guidelines whose release could reasonably be expected to risk circumvention of the "
    "law. Techniques already described in court filings and public reports are not "
    "protected, and the agency must explain the risk for each passage.",
    "7F": "It requires a showing that release could reasonably be expected to endanger the life "
    "or physical safety of an individual; a general concern is not enough.",
    "8": "It covers only reports prepared by, on behalf of, or for the use of an agency "
    "responsible for the regulation or supervision of financial institutions.",
    "9": "It covers only geological and geophysical information and data about wells.",
}


def exemption(code: Any) -> dict:
    """One exemption, e.g. 'b7C', '(b)(7)(C)' or {'code': 'b3', 'statute': '26 U.S.C. 6103'},
    with its label and the standard argument against it."""
    statute = ""
    if isinstance(code, dict):
        statute = one_line(code.get("statute", ""))
        code = code.get("code", "")
    elif not isinstance(code, str):  # a case-pack exemption object
        statute = one_line(getattr(code, "statute", "") or "")
        code = getattr(code, "code", "")
    match = _EXEMPTION.fullmatch(one_line(code).replace(" ", ""))
    if not match or (match.group(2) and match.group(1) != "7"):
        raise DraftingError(f"'{code}' is not a FOIA exemption (use b1 to b9, or b7A to b7F).")
    number, part = match.group(1), (match.group(2) or "").upper()
    key = number + part
    label = f"Exemption {number}" + (f"({part})" if part else "")
    cite = f"5 U.S.C. 552(b)({number})" + (f"({part})" if part else "")
    if number == "3" and "6103" in statute:
        key = "3-6103"
    return {
        "code": f"b{number}{part}",
        "name": label + (f" with {statute}" if statute else ""),
        "label": f"{label} ({cite})" + (f" with {statute}" if statute else ""),
        "cite": cite,
        "argument": (SEVEN_THRESHOLD if number == "7" and part else "") + EXEMPTION_ARGUMENTS[key],
    }


def _withheld_item(number: int, item: dict) -> dict:
    description = one_line(item.get("description") or item.get("category") or "")
    if not description:
        raise DraftingError(f"Withheld item {number} needs a description of the records.")
    exemptions = [exemption(code) for code in item.get("exemptions") or ()]
    names = [e["name"] for e in exemptions]
    text = (
        ", ".join(names[:-1]) + " and " + names[-1]
        if len(names) > 1
        else names[0]
        if names
        else "no exemption cited"
    )
    return {
        "number": number,
        "description": description.rstrip("."),
        "exemptions": exemptions,
        "exemptions_text": "" if item.get("cited_in_description") else text,
        "argument": paragraphs(item.get("argument", "")),
    }
