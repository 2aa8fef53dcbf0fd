"""Where to send a request: curated components first, then FOIA.gov's whole 2017 list.

Two sources, both plain data under resources/:

* components.json: a few components we checked by hand. Every fact carries a source, a
  confidence tag (V verified, P partly, U unverified) and an as-of date, so the app can show
  what still needs checking. Agency-wide rules (DHS's 90 working days to appeal, DOJ's appeal
  office...) live in its "agency_rules" and "federal_default" objects, not in code.
* directory/: FOIA.gov's CC0 directory (contacts as of 2017-07-25, processing-time medians).
  It lets a user address any federal component, but it is old: every entry from it is marked
  verify_before_sending.

The format of both is described in resources/directory/README.md. Read-only, no network.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import functools
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal, overload

from foiadesk.core.errors import UserError
from foiadesk.core.paths import RESOURCES

COMPONENTS_FORMAT = "foiadesk-components/1"
TAGS = ("V", "P", "U")
CHANNEL_KINDS = ("portal", "email", "mail", "fax")
WINDOW_UNITS = ("calendar", "working")
EXPEDITE_CODES = ("imminent_threat", "urgency_to_inform", "due_process", "media_interest")

BROAD_AS_OF = date(2017, 7, 25)
BROAD_SOURCE = (
    "FOIA.gov agency directory, 18F/2015-foia @f9503d2 (contacts data of 2017-07-25); "
    "see resources/directory/SOURCE.txt"
)
STATS_SOURCE = "FOIA.gov annual-report statistics, usdoj/foia-api @0084f5d (processing_times.csv)"
OLD_STATS_SOURCE = (
    "FOIA.gov request-time table, 18F/2015-foia @f9503d2 (processing_times_foiagov_fy2008_2016.csv)"
)
RETIRED_PORTAL = "foiaonline.regulations.gov"
FOIAGOV = "https://www.foia.gov"


class DirectoryError(UserError):
    """The directory data cannot be used; the message names the file and field, for users."""


# ---------------------------------------------------------------------------------------------
# Facts and the other value types


@dataclass(frozen=True)
class Fact:
    """One checked piece of data and where it came from."""

    value: Any
    source: str
    tag: str
    as_of: date


@dataclass(frozen=True)
class Channel:
    """One way to send a request (or an appeal): portal, email, mail or fax."""

    kind: str
    value: str
    preferred: bool
    source: str
    tag: str
    as_of: date
    note: str | None = None
    # what a letter calls a portal whose address is a page that links to it ("the IRS FOIA
    # Public Access Portal"): a letter never says it went through a page of guidelines
    name: str | None = None


@dataclass(frozen=True)
class AppealWindow:
    """How long a requester has to appeal an adverse determination."""

    days: int
    unit: str  # "calendar" or "working"
    cite: str
    tag: str
    source: str
    as_of: date | None = None
    by: str = "sent"  # "sent": postmarked or transmitted by the last day; "received": arrived by it


@dataclass(frozen=True)
class ExpediteGround:
    """One ground on which a component grants expedited processing."""

    code: str
    text: str
    cite: str
    route_to: str | None
    source: str
    tag: str
    as_of: date


@dataclass(frozen=True)
class Estimate:
    """Median processing days a component reported to FOIA.gov for one fiscal year.

    None means the component reported nothing usable for that track. "less than 1" is
    counted as 1 day; "0" and blanks mean no data, not zero days.
    """

    simple_days: float | None
    complex_days: float | None
    expedited_days: float | None
    fiscal_year: int
    source: str


@dataclass(frozen=True)
class Component:
    """An office that receives FOIA requests, with every rule that applies to it resolved.

    Rules come from the component itself, else its agency's rule, else the federal default
    (see resources/directory/README.md). `key` is what to store and look up again: the
    curated abbreviation, or the FOIA.gov id for a broad entry.
    """

    key: str
    abbr: str | None
    name: str
    parent: str
    parent_name: str
    curated: bool
    verify_before_sending: bool
    as_of: date  # the oldest as-of date among the entry's facts
    designated_to_receive: bool | None
    channels: tuple[Channel, ...]
    phone: Fact | None
    public_liaison: Fact | None
    regulation: Fact | None
    appeal_office: Fact | None
    appeal_address: Fact | None
    appeal_channels: tuple[Channel, ...]
    appeal_window: AppealWindow
    appeal_notes: tuple[Fact, ...]
    expedite_grounds: tuple[ExpediteGround, ...]
    fee_notes: tuple[Fact, ...]
    identity_notes: tuple[Fact, ...]
    submission_notes: tuple[Fact, ...]
    default_fee_commitment: Fact | None
    foiagov_id: str | None = None
    stats_name: str | None = None
    # the name for a narrow column: a curated key's ("DHS Privacy" for DHS-PRIV), or a FOIA.gov
    # office's whose name other agencies' offices share ("HUD Headquarters"; letters then name
    # its agency with it)
    short: str | None = None
    website: str | None = None
    # Every name the record gives (FOIA officer, liaison, contacts, addressee lines), sifted
    # into ``people`` only when a letter asks (the sifting is a third of the directory's load).
    named: tuple[str, ...] = ()

    @property
    def letter_name(self) -> str:
        """The office as a letter names it: the name without the note in brackets that tells
        offices apart on screen ("DHS Privacy Office (FOIA for DHS headquarters)")."""
        return " ".join(re.sub(r"\s*\([^)]*\)", "", self.name).split()) or " ".join(self.name.split())

    @property
    def public_name(self) -> str:
        """The office as a note to the user names it: its public abbreviation ("ICE"), else
        its name ("DHS Privacy Office"), never a directory key (DHS-PRIV)."""
        abbr = self.abbr or ""
        return abbr if abbr and "-" not in abbr else self.letter_name

    @property
    def list_name(self) -> str:
        """The office in a narrow column of a list: its short name, else its public name;
        never a directory key."""
        return self.short or self.public_name

    @property
    def people(self) -> tuple[str, ...]:
        """The people among ``named``: a letter written long after the record's as-of date
        addresses the office, not them."""
        return _people(self.named)

    @property
    def preferred_channel(self) -> Channel | None:
        return next((c for c in self.channels if c.preferred), None)


# ---------------------------------------------------------------------------------------------
# Reading JSON fields with errors that name the field (also used by casepack.py)


class Invalid(ValueError):
    """One bad field: `where` is its path, e.g. 'channels[1].kind'. Loaders add the file."""

    def __init__(self, where: str, problem: str, component: str | None = None):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
        self.component = component  # set when the field belongs to a named component


_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    list: "a list",
    dict: "an object",
    object: "a value",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def join(where: str, key: str | int) -> str:
    """Extend a field path: join('a', 'b') == 'a.b', join('a', 2) == 'a[2]'."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    for kind in (bool, str, int, list, dict):
        if isinstance(value, kind):
            return _TYPE_NAMES[kind]
    return "a number" if isinstance(value, float) else type(value).__name__


def check_keys(obj: dict, where: str, allowed: tuple[str, ...]) -> None:
    """Reject unknown fields, which are usually typos that would otherwise be ignored."""
    for key in obj:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise Invalid(join(where, key), f"unknown field{hint}")


def take(
    obj: dict, key: str, where: str, kind: type = str, *, required: bool = True, nullable: bool = False
) -> Any:
    """The value of obj[key], checked for presence and type. None if allowed and absent."""
    path = join(where, key)
    if key not in obj:
        if required:
            raise Invalid(path, "required field is missing")
        return None
    value = obj[key]
    if value is None:
        if nullable:
            return None
        raise Invalid(path, f"expected {_TYPE_NAMES[kind]}, got null")
    wrong_bool = kind is int and isinstance(value, bool)
    if wrong_bool or not isinstance(value, kind):
        raise Invalid(path, f"expected {_TYPE_NAMES[kind]}, got {_kind_of(value)}")
    if isinstance(value, str) and not value.strip():
        raise Invalid(path, "must not be empty")
    return value


def take_list(obj: dict, key: str, where: str, *, required: bool = True) -> list:
    return take(obj, key, where, list, required=required) or []


def take_object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise Invalid(where, f"expected an object, got {_kind_of(value)}")
    return value


@overload
def take_date(
    obj: dict, key: str, where: str, *, required: Literal[True] = True, nullable: Literal[False] = False
) -> date: ...
@overload
def take_date(
    obj: dict, key: str, where: str, *, required: bool = True, nullable: bool = False
) -> date | None: ...
def take_date(
    obj: dict, key: str, where: str, *, required: bool = True, nullable: bool = False
) -> date | None:
    text = take(obj, key, where, str, required=required, nullable=nullable)
    return None if text is None else parse_date(text, join(where, key))


def parse_date(text: str, where: str) -> date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(where, f"'{text}' is not a date (YYYY-MM-DD)") from None


def take_tag(obj: dict, where: str) -> str:
    tag = take(obj, "tag", where)
    if tag not in TAGS:
        raise Invalid(join(where, "tag"), f"'{tag}' is not a tag (use V, P or U)")
    return tag


def take_choice(obj: dict, key: str, where: str, choices: tuple[str, ...]) -> str:
    value = take(obj, key, where)
    if value not in choices:
        raise Invalid(join(where, key), f"'{value}' is not one of: {', '.join(choices)}")
    return value


def read_json(path: Path, error: type[Exception]) -> Any:
    """Parse a JSON file; bad JSON becomes `error` with the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path.name}: cannot read the file ({exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            f"{path.name}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None


# ---------------------------------------------------------------------------------------------
# components.json

FACT_KEYS = ("value", "source", "tag", "as_of")
CHANNEL_KEYS = ("kind", "value", "preferred", "source", "tag", "as_of", "note", "name")
WINDOW_KEYS = ("days", "unit", "cite", "source", "tag", "as_of", "by")
WINDOW_BY = ("sent", "received")
GROUND_KEYS = ("code", "text", "cite", "route_to", "source", "tag", "as_of")
APPEAL_KEYS = ("office", "address", "channels", "window", "notes")
RULE_KEYS = (
    "regulation",
    "appeal",
    "expedite_grounds",
    "fee_notes",
    "identity_notes",
    "submission_notes",
    "default_fee_commitment",
)
COMPONENT_KEYS = (
    "abbr",
    "short",
    "name",
    "parent",
    "parent_name",
    "designated_to_receive",
    "channels",
    "phone",
    "public_liaison",
    "foiagov",
) + RULE_KEYS
NOTE_FIELDS = ("appeal_notes", "fee_notes", "identity_notes", "submission_notes")


def _fact(value: Any, where: str) -> Fact:
    obj = take_object(value, where)
    check_keys(obj, where, FACT_KEYS)
    return Fact(
        take(obj, "value", where, object),
        take(obj, "source", where),
        take_tag(obj, where),
        take_date(obj, "as_of", where),
    )


def _optional_fact(obj: dict, key: str, where: str, required: bool) -> Fact | None:
    value = take(obj, key, where, object, required=required, nullable=True)
    return None if value is None else _fact(value, join(where, key))


def _facts(obj: dict, key: str, where: str, required: bool) -> tuple[Fact, ...]:
    items = take_list(obj, key, where, required=required)
    return tuple(_fact(item, join(join(where, key), i)) for i, item in enumerate(items))


def _channels(obj: dict, key: str, where: str, required: bool) -> tuple[Channel, ...]:
    channels, preferred_at = [], None
    for i, item in enumerate(take_list(obj, key, where, required=required)):
        at = join(join(where, key), i)
        item = take_object(item, at)
        check_keys(item, at, CHANNEL_KEYS)
        channel = Channel(
            take_choice(item, "kind", at, CHANNEL_KINDS),
            take(item, "value", at),
            take(item, "preferred", at, bool),
            take(item, "source", at),
            take_tag(item, at),
            take_date(item, "as_of", at),
            take(item, "note", at, required=False, nullable=True),
            take(item, "name", at, required=False, nullable=True),
        )
        if channel.preferred and preferred_at is not None:
            raise Invalid(
                join(at, "preferred"), f"only one channel may be preferred ({preferred_at} already is)"
            )
        if channel.preferred:
            preferred_at = at
        channels.append(channel)
    return tuple(channels)


def _window(obj: dict, where: str, required: bool) -> AppealWindow | None:
    value = take(obj, "window", where, object, required=required, nullable=True)
    if value is None:
        return None
    at = join(where, "window")
    value = take_object(value, at)
    check_keys(value, at, WINDOW_KEYS)
    days = take(value, "days", at, int)
    if days <= 0:
        raise Invalid(join(at, "days"), f"{days} is not a positive number of days")
    return AppealWindow(
        days,
        take_choice(value, "unit", at, WINDOW_UNITS),
        take(value, "cite", at),
        take_tag(value, at),
        take(value, "source", at),
        take_date(value, "as_of", at),
        take_choice(value, "by", at, WINDOW_BY) if "by" in value else "sent",
    )


def _grounds(obj: dict, where: str, required: bool) -> tuple[ExpediteGround, ...]:
    grounds = []
    for i, item in enumerate(take_list(obj, "expedite_grounds", where, required=required)):
        at = join(join(where, "expedite_grounds"), i)
        item = take_object(item, at)
        check_keys(item, at, GROUND_KEYS)
        grounds.append(
            ExpediteGround(
                take_choice(item, "code", at, EXPEDITE_CODES),
                take(item, "text", at),
                take(item, "cite", at),
                take(item, "route_to", at, nullable=True),
                take(item, "source", at),
                take_tag(item, at),
                take_date(item, "as_of", at),
            )
        )
    return tuple(grounds)


def _rules(obj: dict, where: str, required: bool) -> dict[str, Any]:
    """The rule fields of a component or agency rule, keyed by Component field name."""
    appeal: dict = {}
    if "appeal" in obj or required:
        at = join(where, "appeal")
        appeal = take_object(take(obj, "appeal", where, object), at)
        check_keys(appeal, at, APPEAL_KEYS)
    at = join(where, "appeal")
    return {
        "regulation": _optional_fact(obj, "regulation", where, required),
        "appeal_office": _optional_fact(appeal, "office", at, required),
        "appeal_address": _optional_fact(appeal, "address", at, required),
        "appeal_channels": _channels(appeal, "channels", at, required),
        "appeal_window": _window(appeal, at, required),
        "appeal_notes": _facts(appeal, "notes", at, False),
        "expedite_grounds": _grounds(obj, where, required),
        "fee_notes": _facts(obj, "fee_notes", where, required),
        "identity_notes": _facts(obj, "identity_notes", where, required),
        "submission_notes": _facts(obj, "submission_notes", where, required),
        "default_fee_commitment": _optional_fact(obj, "default_fee_commitment", where, required),
    }


def _merge(*layers: dict[str, Any]) -> dict[str, Any]:
    """Resolve rule layers, most general first: notes add up, anything else is overridden."""
    merged: dict[str, Any] = {}
    for layer in layers:
        for name, value in layer.items():
            if name in NOTE_FIELDS:
                before = merged.get(name, ())
                merged[name] = before + tuple(v for v in value if v not in before)
            elif value:
                merged[name] = value
    return merged


def _oldest(values: list[Any]) -> date:
    dates = [d for d in (getattr(v, "as_of", None) for v in values) if isinstance(d, date)]
    return min(dates) if dates else BROAD_AS_OF


@dataclass(frozen=True)
class _Curated:
    """components.json, parsed: rule layers plus each component's own fields."""

    federal: dict[str, Any]
    agencies: dict[str, dict[str, Any]]  # lower-case parent abbr -> rules (+ "name")
    components: list[tuple[dict[str, Any], dict[str, Any]]]  # (identity, own rules)


def _parse_components(data: Any) -> _Curated:
    obj = take_object(data, "")
    check_keys(obj, "", ("format", "federal_default", "agency_rules", "components"))
    fmt = take(obj, "format", "")
    if fmt != COMPONENTS_FORMAT:
        raise Invalid("format", f"'{fmt}' is not supported (expected '{COMPONENTS_FORMAT}')")
    federal_raw = take_object(take(obj, "federal_default", "", dict), "federal_default")
    check_keys(federal_raw, "federal_default", RULE_KEYS)
    federal = _rules(federal_raw, "federal_default", False)
    if federal["appeal_window"] is None:
        raise Invalid("federal_default.appeal.window", "required field is missing")
    agencies = {}
    for abbr, raw in (take(obj, "agency_rules", "", dict, required=False) or {}).items():
        at = join("agency_rules", abbr)
        raw = take_object(raw, at)
        check_keys(raw, at, ("name",) + RULE_KEYS)
        agencies[abbr.lower()] = {"name": take(raw, "name", at), **_rules(raw, at, False)}
    return _Curated(
        federal,
        agencies,
        [_parse_component(raw, i) for i, raw in enumerate(take_list(obj, "components", ""))],
    )


def _parse_component(raw: Any, index: int) -> tuple[dict, dict]:
    """(identity fields, own rules) of one component; errors are labelled with its abbr."""
    try:
        obj = take_object(raw, "")
        check_keys(obj, "", COMPONENT_KEYS)
        foiagov = take(obj, "foiagov", "", dict, required=False, nullable=True) or {}
        check_keys(foiagov, "foiagov", ("id", "stats_name"))
        identity = {
            "abbr": take(obj, "abbr", ""),
            "short": take(obj, "short", "", required=False, nullable=True),
            "name": take(obj, "name", ""),
            "parent": take(obj, "parent", ""),
            "parent_name": take(obj, "parent_name", ""),
            "designated_to_receive": take(obj, "designated_to_receive", "", bool, nullable=True),
            "channels": _channels(obj, "channels", "", True),
            "phone": _optional_fact(obj, "phone", "", True),
            "public_liaison": _optional_fact(obj, "public_liaison", "", True),
            "foiagov_id": take(foiagov, "id", "foiagov", required=False, nullable=True),
            "stats_name": take(foiagov, "stats_name", "foiagov", required=False, nullable=True),
        }
        if identity["channels"] and not any(c.preferred for c in identity["channels"]):
            raise Invalid("channels", "mark one channel as preferred")
        return identity, _rules(obj, "", True)
    except Invalid as exc:
        abbr = raw.get("abbr") if isinstance(raw, dict) else None
        label = abbr if isinstance(abbr, str) and abbr.strip() else f"#{index + 1}"
        raise Invalid(exc.where, exc.problem, component=label) from None


# ---------------------------------------------------------------------------------------------
# The broad FOIA.gov directory (CSV)


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DirectoryError(f"{path.name}: cannot read the FOIA.gov directory ({exc})") from None


def _broad_channels(row: dict[str, str]) -> tuple[list[Channel], list[Fact]]:
    """Channels from a 2017 row; the retired FOIAonline form is dropped with a note."""
    found: list[tuple[str, str]] = []
    notes = []
    url = row["request_form_url"].strip()
    if RETIRED_PORTAL in url:
        notes.append(
            Fact(
                "FOIA.gov listed FOIAonline as this office's web form in 2017. FOIAonline has "
                "since shut down (30 Sep 2023), so that link is not offered.",
                "resources/directory/SOURCE.txt; foiaadvisor.com (cited in anchors.md)",
                "P",
                BROAD_AS_OF,
            )
        )
    elif url.startswith("http"):
        found.append(("portal", url))
    found += [("email", e.strip()) for e in row["emails"].split(";") if e.strip()]
    if row["mailing_address"].strip():
        found.append(("mail", row["mailing_address"].strip()))
    if row["fax"].strip():
        found.append(("fax", row["fax"].strip()))
    channels = [
        Channel(kind, value, i == 0, BROAD_SOURCE, "P", BROAD_AS_OF) for i, (kind, value) in enumerate(found)
    ]
    return channels, notes


def _broad_fact(text: str) -> Fact | None:
    return Fact(text, BROAD_SOURCE, "P", BROAD_AS_OF) if text.strip() else None


# Words of an office, a role or a place: an addressee line with none of them (and no number
# or code in capitals) is a person's name ("Martha Terry", "Cynthia Sydnor/Denise Nelson").
_NOT_A_PERSON = re.compile(
    r"\b(?:FOIA|Freedom|Privacy|Offices?|Officer|Department|Dept|Cent(?:er|re)|Agency|Services?|"
    r"Division|Branch|Bureau|Administration|Administrator|Command|Staff|Affairs|Section|Unit|"
    r"Program|Council|Commission|Board|Corps|Institute|Library|Laboratory|Station|Headquarters|"
    r"Secretary|Counsel|General|Information|Records|Management|Security|Director(?:ate)?|"
    r"Attorney|Archivist|Specialist|Manager|Coordinator|Chief|Assistant|Advis[eo]r|Analyst|"
    r"Liaison|Clerk|Attn|Attention|Disclosure|Legal|Paralegal|Government|Federal|National|"
    r"Building|Bldg|Plaza|Suite|Room|Floor|Mail|Stop|Box|Code|Enforcement|Compliance|"
    r"Operations|Resources|Support|Executive|Committee|Authority|Corporation|Foundation|Court|"
    r"Region(?:al)?|District|Field|Area|Local|Washington)\b|\d|(?-i:\b[A-Z]{2,}\b)",
    re.I,
)


def _named(row: dict[str, str]) -> tuple[str, ...]:
    """Every name a 2017 row gives: its contacts and its addressee lines."""
    names = [row[k] for k in ("foia_officer_name", "public_liaison_name", "service_center_name")]
    try:
        names += [str(c.get("name", "")) for c in json.loads(row["other_contacts"] or "[]")]
    except (ValueError, AttributeError):
        pass
    return tuple(names + row["address_lines"].split("|"))


@functools.lru_cache(maxsize=64)
def _people(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names that are a person's: the contacts, and addressee lines that are a name."""
    return tuple(
        dict.fromkeys(
            name.strip()
            for name in names
            if re.search(r"[a-z]", name) and not _NOT_A_PERSON.search(name.replace("U.S.", ""))
        )
    )


def _shared_names(rows: list[dict[str, str]]) -> frozenset[str]:
    """Office names more than one agency's row uses ("Headquarters", "Office of the Inspector
    General"): alone in a list's column they do not say whose office it is."""
    agencies: dict[str, set[str]] = {}
    for row in rows:
        agencies.setdefault(row["name"].strip(), set()).add(row["agency_abbreviation"])
    return frozenset(name for name, found in agencies.items() if len(found) > 1)


def _broad_identity(
    row: dict[str, str], shared: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(identity fields, own rules) of a FOIA.gov row: old data, so verify before sending."""
    channels, notes = _broad_channels(row)
    liaison = row["public_liaison_name"].strip()
    if liaison and row["public_liaison_phones"].strip():
        liaison += f" ({row['public_liaison_phones'].strip()})"
    identity = {
        "key": row["id"],
        "abbr": row["abbreviation"].strip() or None,
        "name": row["name"],
        "parent": row["agency_abbreviation"],
        "parent_name": row["agency_name"],
        "curated": False,
        "verify_before_sending": True,
        "as_of": BROAD_AS_OF,
        "designated_to_receive": None,
        "channels": tuple(channels),
        "phone": _broad_fact(row["phone"]),
        "public_liaison": _broad_fact(liaison),
        "foiagov_id": row["id"],
        "website": row["website"].strip() or None,
        "named": _named(row),
    }
    if row["name"].strip() in shared and not identity["abbr"]:  # "HUD Headquarters", not "Headquarters"
        identity["short"] = f"{row['agency_abbreviation']} {row['name'].strip()}"
    return identity, {"submission_notes": tuple(notes)}


# ---------------------------------------------------------------------------------------------
# Processing-time statistics


def _median(text: str) -> float | None:
    """A published median as days; "less than 1" counts as 1, "0" and blank as no data."""
    text = text.strip().lower()
    if text == "less than 1":
        return 1.0
    try:
        days = float(text)
    except ValueError:
        return None
    return days if days > 0 else None


MEDIANS = ("simple_median_days", "complex_median_days", "expedited_processing_median_days")


def _estimate(rows: dict[int, list[str]], source: str) -> Estimate | None:
    """The most recent fiscal year in which at least one median is usable."""
    for year in sorted(rows, reverse=True):
        medians = [_median(text) for text in rows[year]]
        if any(m is not None for m in medians):
            return Estimate(
                medians[0], medians[1], medians[2], fiscal_year=year, source=f"{source}, FY{year}"
            )
    return None


class _Table:
    """One statistics file, kept as lines: a lookup parses only the lines that name what it
    looks for (parsing every line took a twentieth of a second of each start)."""

    def __init__(self, path: Path, names: tuple[str, ...]):
        try:
            header, *self.lines = path.read_text(encoding="utf-8").splitlines()
            self.at = [next(csv.reader([header])).index(name) for name in names]
        except (OSError, UnicodeDecodeError, csv.Error, ValueError) as exc:
            raise DirectoryError(f"{path.name}: cannot read the FOIA.gov statistics ({exc})") from None
        folded = [line.lower() for line in self.lines]
        self.folded = "\n".join(folded)  # searched whole: a lookup is a few finds, not a loop
        self.starts = list(itertools.accumulate((len(line) + 1 for line in folded), initial=0))
        self.path = path

    def rows(self, needle: str) -> list[list[str]]:
        """The columns asked for, of the rows whose line holds ``needle`` (any case)."""
        found: set[int] = set()
        for text in {needle.lower(), needle.lower().replace('"', '""')}:  # as a quoted field holds it
            at = self.folded.find(text)
            while at >= 0:
                line = bisect.bisect_right(self.starts, at) - 1
                found.add(line)
                at = self.folded.find(text, self.starts[line + 1])
        lines = [self.lines[i] for i in sorted(found)]
        try:
            return [[row[i] for i in self.at] for row in csv.reader(lines) if len(row) > max(self.at)]
        except csv.Error as exc:
            raise DirectoryError(f"{self.path.name}: cannot read the FOIA.gov statistics ({exc})") from None


class _Stats:
    """Medians by FOIA.gov id (FY2008-2020) and by lower-case name and agency (FY2008-2016)."""

    def __init__(self, folder: Path):
        self.new = _Table(
            folder / "processing_times.csv", ("component_id", "agency_abbreviation", "fiscal_year") + MEDIANS
        )
        self.old = _Table(
            folder / "processing_times_foiagov_fy2008_2016.csv", ("name", "agency", "year", "level") + MEDIANS
        )
        self._found: dict[tuple[str, str, str], Estimate | None] = {}

    def estimate(self, component: Component) -> Estimate | None:
        name = (component.stats_name or component.name).lower()
        key = (component.foiagov_id or "", name, component.parent.lower())
        if key not in self._found:
            self._found[key] = _estimate(self._by_id(key[0]), STATS_SOURCE) or _estimate(
                self._by_name(key[1], key[2]), OLD_STATS_SOURCE
            )
        return self._found[key]

    def _by_id(self, foiagov_id: str) -> dict[int, list[str]]:
        """An agency's own row has no component id: its key is "<agency>--agency"."""
        if not foiagov_id:
            return {}
        agency = foiagov_id[: -len("--agency")] if foiagov_id.endswith("--agency") else None
        years: dict[int, list[str]] = {}
        for component_id, abbr, year, *medians in self.new.rows(agency or foiagov_id):
            if (component_id or f"{abbr.lower()}--agency") == foiagov_id:
                years[int(year)] = medians
        return years

    def _by_name(self, name: str, agency: str) -> dict[int, list[str]]:
        """The office's own row wins over an agency-wide one of the same name and year."""
        years: dict[int, list[str]] = {}
        for row_name, row_agency, year, level, *medians in self.old.rows(name):
            if (row_name.lower(), row_agency.lower()) == (name, agency):
                if level == "office" or int(year) not in years:
                    years[int(year)] = medians
        return years


# ---------------------------------------------------------------------------------------------
# The directory


def _normal(text: str) -> str:
    """Lower-case words only, so 'U.S. Immigration & Customs' matches 'us immigration and'."""
    text = text.lower().replace("&", " and ").replace(".", "")
    return " ".join(re.findall(r"[a-z0-9]+", text))


class Directory:
    """All components a user can address. Curated entries take precedence over broad ones."""

    def __init__(
        self,
        curated: list[Component],
        broad_rows: list[dict[str, str]],
        make_broad: Callable[[dict[str, str]], Component],
        default_window: AppealWindow,
        stats_dir: Path,
    ):
        self._curated = curated
        linked = {c.foiagov_id for c in curated if c.foiagov_id}
        # FOIA.gov's rows are made into components when first asked for: a log names a few
        # dozen of the 436, and making them all took a tenth of a second of each start.
        self._rows = {row["id"]: row for row in broad_rows if row["id"] not in linked}
        self._made: dict[str, Component] = {}
        self._make = make_broad
        self._default_window = default_window
        self._stats_dir = stats_dir
        self._index: dict[str, Component | str] = {}  # a curated component, or a row's id
        for comp in curated:
            self._index.setdefault(comp.key.lower(), comp)
            if comp.foiagov_id:
                self._index.setdefault(comp.foiagov_id.lower(), comp)
        for row_id in self._rows:
            self._index.setdefault(row_id.lower(), row_id)
        for row_id, row in self._rows.items():
            if row["abbreviation"].strip():
                self._index.setdefault(row["abbreviation"].strip().lower(), row_id)

    def _broad(self, row_id: str) -> Component:
        if row_id not in self._made:
            self._made[row_id] = self._make(self._rows[row_id])
        return self._made[row_id]

    def component(self, abbr_or_id: str) -> Component | None:
        """A component by curated abbreviation, FOIA.gov id or FOIA.gov abbreviation."""
        found = self._index.get(abbr_or_id.strip().lower())
        return self._broad(found) if isinstance(found, str) else found

    def curated(self) -> list[Component]:
        return list(self._curated)

    def all(self) -> list[Component]:
        """Curated components, then every broad entry not already curated."""
        return self._curated + [self._broad(row_id) for row_id in self._rows]

    def search(self, text: str) -> list[Component]:
        """Components where every word of `text` starts a word of the name, abbr or agency."""
        words = _normal(text).split()
        if not words:
            return []
        hits = []
        for comp in self.all():
            haystack = " " + _normal(
                " ".join(filter(None, (comp.key, comp.abbr, comp.name, comp.parent, comp.parent_name)))
            )
            if all(f" {word}" in haystack for word in words):
                hits.append(comp)
        exact = _normal(text)
        return sorted(
            hits, key=lambda c: (not c.curated, _normal(c.abbr or "") != exact, c.parent_name, c.name)
        )

    def appeal_window(self, abbr_or_id: str) -> AppealWindow:
        """The appeal window: the component's, else its agency's, else the statute's 90 days."""
        comp = self.component(abbr_or_id)
        return comp.appeal_window if comp else self._default_window

    def completion_estimate(self, abbr_or_id: str) -> Estimate | None:
        """Median processing days from FOIA.gov's statistics, most recent usable year."""
        comp = self.component(abbr_or_id)
        return self._stats.estimate(comp) if comp else None

    def read_statistics(self) -> None:
        """Read FOIA.gov's statistics files now (a few milliseconds), not at the first estimate."""
        self._stats  # noqa: B018

    @functools.cached_property
    def _stats(self) -> _Stats:
        return _Stats(self._stats_dir)


def _resolve(identity: dict[str, Any], own: dict[str, Any], curated: _Curated) -> Component:
    agency = {k: v for k, v in curated.agencies.get(identity["parent"].lower(), {}).items() if k != "name"}
    fields = {**_merge(curated.federal, agency, own), **identity}
    if "as_of" not in fields:
        facts = [v for v in fields.values() if isinstance(v, (Fact, Channel, AppealWindow))]
        facts += [f for v in fields.values() if isinstance(v, tuple) for f in v]
        fields["as_of"] = _oldest(facts)
    for name in ("appeal_channels", "expedite_grounds") + NOTE_FIELDS:
        fields.setdefault(name, ())
    for name in ("regulation", "appeal_office", "appeal_address", "default_fee_commitment"):
        fields.setdefault(name, None)
    return Component(**fields)


@dataclass(frozen=True)
class _Forms:
    """FOIA.gov's request forms as of a date (resources/portal_forms.json): which agencies
    FOIA.gov takes requests for, by the first word of each open form's id (nasa_ssc_form)."""

    agencies: frozenset[str]
    source: str
    as_of: date | None

    @classmethod
    def read(cls, path: Path) -> _Forms:
        if not path.exists():
            return cls(frozenset(), "", None)
        data = take_object(read_json(path, DirectoryError), "")
        ids = [str(i) for i in data.get("open_forms", [])]
        return cls(
            frozenset(i.split("_")[0] for i in ids), str(data["source"]), parse_date(data["as_of"], "as_of")
        )


def _current_channels(comp: Component, forms: _Forms) -> Component:
    """Where FOIA.gov's forms (newer than the directory's 2017 data) take requests for the
    component's agency and its preferred channel was checked before they were read, FOIA.gov
    becomes its preferred channel and web forms as old as that one are left out: the 2017
    list's are mostly gone (NASA's socialforms.nasa.gov). A channel checked since is kept."""
    preferred = comp.preferred_channel
    if forms.as_of is None or comp.parent.lower() not in forms.agencies:
        return comp
    if preferred is not None and preferred.as_of >= forms.as_of:
        return comp
    kept = tuple(
        replace(c, preferred=False)
        for c in comp.channels
        if not (c.kind == "portal" and c.as_of < forms.as_of) and c.value != FOIAGOV
    )
    office = re.sub(r"\s*\([^)]*\)", "", comp.name)
    agency = comp.parent_name or comp.parent
    where = office if office == agency else f"{agency} and then {office}"
    foiagov = Channel(
        "portal",
        FOIAGOV,
        True,
        forms.source,
        "P",  # FOIA.gov has forms for the agency; which one is this office's is not recorded
        forms.as_of,
        f"On FOIA.gov, choose {where}.",
    )
    return replace(comp, channels=(foiagov, *kept))


def default_resources_dir() -> Path:
    """The shipped resources (the checkout's resources/, or the installed package data)."""
    return RESOURCES


def load_directory(resources_dir: Path | None = None) -> Directory:
    """Load and check the directory. Cached per folder: the data is read-only."""
    return _load(Path(resources_dir or default_resources_dir()).resolve())


@functools.lru_cache(maxsize=8)
def _load(resources_dir: Path) -> Directory:
    path = resources_dir / "components.json"
    folder = resources_dir / "directory"
    try:
        curated = _parse_components(read_json(path, DirectoryError))
    except Invalid as exc:
        where = f"component {exc.component}: " if exc.component else ""
        raise DirectoryError(f"{path.name}: {where}{exc.where}: {exc.problem}") from None
    broad_rows = _read_csv(folder / "components.csv")
    shared = _shared_names(broad_rows)
    broad_ids = {row["id"] for row in broad_rows}
    components = []
    for identity, own in curated.components:
        if identity["foiagov_id"] and identity["foiagov_id"] not in broad_ids:
            raise DirectoryError(
                f"{path.name}: component {identity['abbr']}: foiagov.id: "
                f"'{identity['foiagov_id']}' is not an id in the FOIA.gov directory"
            )
        components.append(
            _resolve(
                {"key": identity["abbr"], "curated": True, "verify_before_sending": False, **identity},
                own,
                curated,
            )
        )
    seen: dict[str, int] = {}
    for i, comp in enumerate(components):
        if comp.key.lower() in seen:
            raise DirectoryError(
                f"{path.name}: component {comp.key}: abbr: used twice "
                f"(components[{seen[comp.key.lower()]}] and components[{i}])"
            )
        seen[comp.key.lower()] = i
    forms = _Forms.read(resources_dir / "portal_forms.json")
    components = [_current_channels(c, forms) for c in components]
    return Directory(
        components,
        broad_rows,
        lambda row: _current_channels(_resolve(*_broad_identity(row, shared), curated), forms),
        curated.federal["appeal_window"],
        folder,
    )
