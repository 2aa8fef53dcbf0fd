"""Case packs: what is publicly known about an agreement under investigation, and which
records to ask which component for.

A pack is a JSON file (format "foiadesk-case-pack/1", described in resources/cases/README.md).
Users write their own, so loading checks every field and explains any problem in one line
that names the file and the field path. Shipped packs live in resources/cases/.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.reference.directory import (
    Directory,
    Invalid,
    check_keys,
    default_resources_dir,
    join,
    load_directory,
    read_json,
    take,
    take_choice,
    take_date,
    take_list,
    take_object,
    take_tag,
)

CASE_PACK_FORMAT = "foiadesk-case-pack/2"
FORMATS = ("foiadesk-case-pack/1", CASE_PACK_FORMAT)  # /1 packs load; their facts never print
SUPPORTS = ("fee_waiver", "expedite", "background")
PRECISIONS = ("day", "month", "year")
EXEMPTIONS = tuple(f"b{n}" for n in range(1, 10)) + tuple(f"b7{p}" for p in "ABCDEF")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

TOP_KEYS = (
    "format",
    "id",
    "name",
    "subject",
    "summary",
    "parties",
    "key_dates",
    "public_facts",
    "letter_facts",
    "notes",
    "categories",
)
LETTER_FACT_KEYS = ("id", "text", "date", "as_of", "tag", "supports", "sources")
SOURCE_KEYS = ("kind", "name", "title", "date", "url", "cite", "ecf")
# What a letter may cite: the original outlet, a court docket, the Federal Register, an
# agency's or Congress's own page, or a statute.
SOURCE_KINDS = ("news", "court", "federal_register", "agency", "congress", "statute")
# Hosts that are not an original source: test servers, copies and scrapers of articles,
# aggregators, bookmark pages and partisan blogs. A letter citing them undermines itself.
_TEST_SERVER = re.compile(r"^(uat|staging|stage|test|dev|qa|preview|beta)[.-]")
NOT_ORIGINAL_HOSTS = (
    "everycrsreport.com",
    "particle.news",
    "ground.news",
    "newser.com",
    "democraticunderground.com",
    "pages.dev",
    "blogspot.com",
    "itiger.com",
    "gokawiil.com",
    "webjosh.com",
    "plas.ml",
    "aicourttranscripts.com",
    "capturecascade.org",
    "getpocketlaw.com",
    "nationalconservativemovement.com",
    "americanliberty.news",
    "legalinsurrection.com",
    "townhall.com",
    "dailywire.com",
    "thepostmillennial.com",
    "polialert.com",
    "visaverge.com",
    "thepoliticreview.com",
    "internewscast.com",
    "mahometdaily.com",
    "taxcoda.com",
    "voz.us",
    "ncja.org",
    "jdsupra.com",
    "wfin.com",
    "allianceuniversal.com",
    "lexbuild.dev",
    "elaws.us",
    "casetext.com",
    "scribd.com",
    "docslib.org",
    "pdfslide.net",
    "studylib.net",
    "vdocuments.mx",
    "infointeract.com",
    "shmews.com",
    "layer3.press",
)
# Kinds whose pages must be the government's own (.gov); court dockets may also be RECAP copies.
_GOV_KINDS = {"agency", "congress", "federal_register"}
_DOCKET_HOSTS = ("courtlistener.com",)
PARTY_KEYS = ("name", "role", "source", "tag", "as_of")
DATE_KEYS = ("date", "what", "precision", "source", "tag", "as_of")
FACT_KEYS = ("id", "text", "source", "tag", "as_of", "supports")
CATEGORY_KEYS = (
    "id",
    "title",
    "description",
    "descriptions",
    "group",
    "questions",
    "known_from",
    "holders",
    "custodians",
    "search_terms",
    "date_range",
    "likely_exemptions",
    "source",
    "tag",
    "as_of",
)


class CasePackError(UserError):
    """A case pack cannot be used; the message names the file and field, for users."""


@dataclass(frozen=True)
class Party:
    name: str
    role: str
    source: str
    tag: str
    as_of: date


@dataclass(frozen=True)
class KeyDate:
    """An event; `precision` says whether the day or only the month/year is known."""

    date: date
    what: str
    source: str
    tag: str
    as_of: datetime.date | None = None  # `date` here is the field above
    precision: str = "day"


@dataclass(frozen=True)
class PublicFact:
    """A sourced public fact, and which arguments it can support in a letter."""

    id: str
    text: str
    source: str
    tag: str
    as_of: date
    supports: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """Where a letter fact comes from, in a form a FOIA officer can check."""

    kind: str  # one of SOURCE_KINDS
    name: str = ""  # the outlet, court or agency
    title: str = ""  # the article, docket entry or document
    date: datetime.date | None = None
    url: str = ""
    cite: str = ""  # docket number, FR citation or statute
    ecf: str = ""  # a court filing's docket entry number, "71" or "71-1", once read on the docket

    def citation(self) -> str:
        """One line for the letter's list of sources."""
        when = f"{self.date:%B} {self.date.day}, {self.date.year}" if self.date else ""
        if self.kind == "court":
            title = self.title[:1].lower() + self.title[1:]
            entry = f"ECF No. {self.ecf}" if self.ecf else ""
            parts = [self.cite, entry, f"{title} ({when})" if when else title]
        elif self.kind == "statute":
            parts = [self.cite or self.title]
        elif self.kind == "federal_register":
            parts = [self.title, self.cite, when]
        else:
            parts = [self.name, f"“{self.title}”" if self.title else "", when]
        text = ", ".join(p for p in parts if p)
        return text + (f", {self.url}" if self.url else "") + "."


@dataclass(frozen=True)
class LetterFact:
    """A fact a letter may state: dated, tagged, with primary sources. `date` is when it
    happened or was published; a letter dated earlier never states it."""

    id: str
    text: str
    date: datetime.date
    as_of: datetime.date  # `date` here is the field above
    tag: str
    supports: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Exemption:
    """An exemption the agency will likely claim, so appeal arguments can be prepared."""

    code: str  # b1..b9, b7A..b7F
    note: str | None = None
    statute: str | None = None


@dataclass(frozen=True)
class Category:
    """One set of records to request, described the way a strong request describes it."""

    id: str
    title: str
    description: str
    holders: tuple[str, ...]  # directory keys, e.g. "IRS"
    custodians: tuple[str, ...]
    search_terms: tuple[str, ...]
    date_from: date
    date_to: date | None  # None: through the date of the search
    likely_exemptions: tuple[Exemption, ...]
    source: str
    tag: str
    as_of: date | None = None
    # Format /2: offices per holder, a holder's own wording, a group for a suite of narrow
    # letters, and questions the records would answer (for the fee-waiver argument).
    custodians_by_holder: tuple[tuple[str, tuple[str, ...]], ...] = ()
    descriptions: tuple[tuple[str, str], ...] = ()
    group: str = ""
    questions: tuple[str, ...] = ()
    known_from: date | None = None  # the description names events public from this day

    def custodians_for(self, key: str) -> tuple[str, ...]:
        """Only the offices of the component the letter goes to."""
        if not self.custodians_by_holder:
            return self.custodians
        wanted = key.lower()
        return next((c for h, c in self.custodians_by_holder if h.lower() == wanted), ())

    def description_for(self, key: str) -> str:
        wanted = key.lower()
        return next((d for h, d in self.descriptions if h.lower() == wanted), self.description)


@dataclass(frozen=True)
class CasePack:
    """One agreement under investigation: who, when, what is public, what to request."""

    id: str
    name: str
    summary: str
    parties: tuple[Party, ...]
    key_dates: tuple[KeyDate, ...]
    public_facts: tuple[PublicFact, ...]
    categories: tuple[Category, ...]
    path: Path | None = field(default=None, compare=False)
    letter_facts: tuple[LetterFact, ...] = ()
    notes: tuple[str, ...] = ()  # the user's research; never printed
    subject: str = ""  # a phrase letters use: "the sharing of IRS taxpayer addresses with ICE"

    def categories_for(self, abbr: str) -> list[Category]:
        """The categories a component holds (by directory key, case-insensitive)."""
        wanted = abbr.strip().lower()
        return [c for c in self.categories if wanted in (h.lower() for h in c.holders)]

    def facts_supporting(self, purpose: str) -> list[PublicFact | LetterFact]:
        """Public facts for one argument: "fee_waiver", "expedite" or "background"."""
        return [f for f in (self.letter_facts or self.public_facts) if purpose in f.supports]


# ---------------------------------------------------------------------------------------------
# Loading


def load_case_pack(path: Path | str, directory: Directory | None = None) -> CasePack:
    """Load and check a case pack; holders are checked against `directory` (default: ours)."""
    path = Path(path)
    data = read_json(path, CasePackError)
    try:
        return _pack(data, directory or load_directory(), path)
    except Invalid as exc:
        where = f"{exc.where}: " if exc.where else ""
        raise CasePackError(f"{path.name}: {where}{exc.problem}") from None


def shipped_case_packs(resources_dir: Path | None = None) -> list[CasePack]:
    """Every case pack shipped in resources/cases/, by file name."""
    folder = Path(resources_dir or default_resources_dir())
    directory = load_directory(folder)
    return [load_case_pack(p, directory) for p in sorted((folder / "cases").glob("*.json"))]


def case_columns(pack: CasePack) -> dict[str, str]:
    """The columns of the case a pack starts: its short id is the pack's id, so drafts and
    the Cases view find the pack again, and its name is the pack's, which drafts' titles
    begin with (the list then shows only what tells them apart)."""
    return {"slug": pack.id, "name": pack.name, "summary": pack.summary, "pack_json": dump_case_pack(pack)}


def _text_list(obj: dict, key: str, where: str, *, required: bool = True) -> tuple[str, ...]:
    items = take_list(obj, key, where, required=required)
    return tuple(_text(v, join(join(where, key), i)) for i, v in enumerate(items))


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(where, "expected non-empty text")
    return value


def _id(obj: dict, where: str, seen: dict[str, str]) -> str:
    value = take(obj, "id", where)
    at = join(where, "id")
    if not _ID.fullmatch(value):
        raise Invalid(at, f"'{value}' is not an id (lower-case letters, digits and hyphens)")
    if value in seen:
        raise Invalid(at, f"'{value}' is used twice (also {seen[value]})")
    seen[value] = where
    return value


def _items(obj: dict, key: str, allowed: tuple[str, ...], *, required: bool = True):
    """(path, object) for each entry of a list of objects, with unknown fields rejected."""
    for i, item in enumerate(take_list(obj, key, "", required=required)):
        at = join(key, i)
        item = take_object(item, at)
        check_keys(item, at, allowed)
        yield at, item


def _pack(data: object, directory: Directory, path: Path) -> CasePack:
    obj = take_object(data, "")
    fmt = take(obj, "format", "")
    if fmt not in FORMATS:
        raise Invalid("format", f"'{fmt}' is not supported (expected '{CASE_PACK_FORMAT}')")
    check_keys(obj, "", TOP_KEYS)
    pack_id = take(obj, "id", "")
    if not _ID.fullmatch(pack_id):
        raise Invalid("id", f"'{pack_id}' is not an id (lower-case letters, digits and hyphens)")
    parties = tuple(
        Party(
            take(p, "name", at),
            take(p, "role", at),
            take(p, "source", at),
            take_tag(p, at),
            take_date(p, "as_of", at),
        )
        for at, p in _items(obj, "parties", PARTY_KEYS)
    )
    key_dates = tuple(
        KeyDate(
            take_date(d, "date", at),
            take(d, "what", at),
            take(d, "source", at),
            take_tag(d, at),
            take_date(d, "as_of", at, required=False, nullable=True),
            take_choice(d, "precision", at, PRECISIONS) if "precision" in d else "day",
        )
        for at, d in _items(obj, "key_dates", DATE_KEYS)
    )
    seen: dict[str, str] = {}
    facts = tuple(
        _public_fact(at, f, seen)
        for at, f in _items(obj, "public_facts", FACT_KEYS, required=fmt.endswith("/1"))
    )
    seen = {}
    letter_facts = tuple(
        _letter_fact(at, f, seen) for at, f in _items(obj, "letter_facts", LETTER_FACT_KEYS, required=False)
    )
    notes = _text_list(obj, "notes", "", required=False)
    seen = {}
    categories = tuple(
        _category(at, c, seen, directory) for at, c in _items(obj, "categories", CATEGORY_KEYS)
    )
    if not categories:
        raise Invalid("categories", "list at least one category of records")
    return CasePack(
        pack_id,
        take(obj, "name", ""),
        take(obj, "summary", ""),
        parties,
        key_dates,
        facts,
        categories,
        path,
        letter_facts,
        notes,
        take(obj, "subject", "", required=False) or "",
    )


def _letter_fact(at: str, obj: dict, seen: dict[str, str]) -> LetterFact:
    supports = _text_list(obj, "supports", at)
    for i, purpose in enumerate(supports):
        if purpose not in SUPPORTS:
            raise Invalid(join(join(at, "supports"), i), f"'{purpose}' is not one of: {', '.join(SUPPORTS)}")
    sources = tuple(
        _source(join(join(at, "sources"), i), s) for i, s in enumerate(take_list(obj, "sources", at))
    )
    if not sources:
        raise Invalid(join(at, "sources"), "give at least one primary source")
    when = take_date(obj, "date", at)
    assert when is not None  # required
    for i, src in enumerate(sources):
        if src.date and src.date < when and src.kind != "statute":
            raise Invalid(
                join(join(join(at, "sources"), i), "date"), f"{src.date} is before the fact's date {when}"
            )
    return LetterFact(
        _id(obj, at, seen),
        take(obj, "text", at),
        when,
        take_date(obj, "as_of", at) or when,
        take_tag(obj, at),
        supports,
        sources,
    )


def _source(at: str, value: object) -> Source:
    obj = take_object(value, at)
    check_keys(obj, at, SOURCE_KEYS)
    kind = take_choice(obj, "kind", at, SOURCE_KINDS)
    src = Source(
        kind,
        take(obj, "name", at, required=kind not in ("statute", "federal_register")) or "",
        take(obj, "title", at, required=kind != "statute") or "",
        take_date(obj, "date", at, required=kind != "statute"),
        take(obj, "url", at, required=kind in ("news", "congress")) or "",
        take(obj, "cite", at, required=kind in ("court", "statute", "federal_register")) or "",
        take(obj, "ecf", at, required=False) or "",
    )
    if src.ecf and kind != "court":
        raise Invalid(join(at, "ecf"), "only a court source has a docket entry number")
    if src.ecf and not re.fullmatch(r"[1-9]\d*(-[1-9]\d*)?", src.ecf):
        raise Invalid(
            join(at, "ecf"), f"'{src.ecf}' is not a docket entry number (71, or 71-1 for an attachment)"
        )
    if src.url:
        problem = source_host_problem(kind, src.url)
        if problem:
            raise Invalid(join(at, "url"), problem)
    return src


def source_host_problem(kind: str, url: str) -> str:
    """Why a URL is not an acceptable source of this kind, or ''."""
    match = re.fullmatch(r"https?://([^/:?#]+)(?::\d+)?([/?#].*)?", url.strip())
    if not match:
        return f"'{url}' is not a web address (https://...)"
    host = match.group(1).lower()
    bare = host.removeprefix("www.")
    if _TEST_SERVER.match(bare):
        return f"'{host}' is a test or staging server, not the published page"
    if any(bare == h or bare.endswith("." + h) for h in NOT_ORIGINAL_HOSTS):
        return f"'{host}' is a copy, aggregator or blog, not an original source: cite the original"
    gov = bare.endswith(".gov") or bare.endswith(".mil")
    if kind in _GOV_KINDS and not gov:
        return f"a {kind.replace('_', ' ')} source must be the government's own page (.gov), not '{host}'"
    if kind == "court" and not (gov or any(bare == h for h in _DOCKET_HOSTS)):
        return f"a court source must be the docket (uscourts.gov, courtlistener.com), not '{host}'"
    return ""


def _public_fact(at: str, obj: dict, seen: dict[str, str]) -> PublicFact:
    supports = _text_list(obj, "supports", at)
    for i, purpose in enumerate(supports):
        if purpose not in SUPPORTS:
            raise Invalid(join(join(at, "supports"), i), f"'{purpose}' is not one of: {', '.join(SUPPORTS)}")
    return PublicFact(
        _id(obj, at, seen),
        take(obj, "text", at),
        take(obj, "source", at),
        take_tag(obj, at),
        take_date(obj, "as_of", at),
        supports,
    )


def _category(at: str, obj: dict, seen: dict[str, str], directory: Directory) -> Category:
    cat_id = _id(obj, at, seen)
    holders = _text_list(obj, "holders", at)
    if not holders:
        raise Invalid(join(at, "holders"), "name at least one component that holds the records")
    resolved = []
    for i, holder in enumerate(holders):
        comp = directory.component(holder)
        if comp is None:
            raise Invalid(join(join(at, "holders"), i), f"'{holder}' is not a component in the directory")
        resolved.append(comp.key)
    span_at = join(at, "date_range")
    span = take_object(take(obj, "date_range", at, dict), span_at)
    check_keys(span, span_at, ("from", "to"))
    start = take_date(span, "from", span_at)
    end = take_date(span, "to", span_at, nullable=True)
    if end is not None and start > end:
        raise Invalid(span_at, f"'from' {start} is after 'to' {end}")
    by_holder, flat = _per_holder(obj, "custodians", at, directory, resolved, list)
    texts, _ = _per_holder(obj, "descriptions", at, directory, resolved, str, required=False)
    return Category(
        cat_id,
        take(obj, "title", at),
        take(obj, "description", at),
        tuple(resolved),
        flat,
        _text_list(obj, "search_terms", at),
        start,
        end,
        tuple(
            _exemption(join(join(at, "likely_exemptions"), i), e)
            for i, e in enumerate(take_list(obj, "likely_exemptions", at, required=False))
        ),
        take(obj, "source", at),
        take_tag(obj, at),
        take_date(obj, "as_of", at, required=False, nullable=True),
        by_holder,
        tuple(texts),
        take(obj, "group", at, required=False) or "",
        _text_list(obj, "questions", at, required=False),
        take_date(obj, "known_from", at, required=False),
    )


def _per_holder(obj, key, at, directory, holders, kind, *, required=True):
    """A list for every holder (format /1), or an object keyed by holder (format /2):
    (pairs by holder, flat tuple of every value)."""
    if not required and key not in obj:
        return (), ()
    value = obj.get(key)
    if isinstance(value, list):
        return (), _text_list(obj, key, at)
    where = join(at, key)
    mapping = take_object(take(obj, key, at, dict), where)
    pairs = []
    for holder in mapping:
        comp = directory.component(holder)
        if comp is None or comp.key not in holders:
            raise Invalid(join(where, holder), f"'{holder}' is not one of this category's holders")
        if kind is list:
            got = tuple(
                _text(v, join(join(where, holder), i))
                for i, v in enumerate(take(mapping, holder, where, list))
            )
        else:
            got = take(mapping, holder, where)
        pairs.append((comp.key, got))
    flat = tuple(x for _, v in pairs for x in (v if kind is list else (v,)))
    return tuple(pairs), flat


def _exemption(at: str, value: object) -> Exemption:
    obj = take_object(value, at)
    check_keys(obj, at, ("code", "statute", "note"))
    code = take(obj, "code", at)
    canonical = next((e for e in EXEMPTIONS if e.lower() == code.strip().lower()), None)
    if canonical is None:
        raise Invalid(join(at, "code"), f"'{code}' is not a FOIA exemption (b1-b9, b7A-b7F)")
    return Exemption(
        canonical,
        take(obj, "note", at, required=False, nullable=True),
        take(obj, "statute", at, required=False, nullable=True),
    )


# ---------------------------------------------------------------------------------------------
# Saving


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def dump_case_pack(pack: CasePack) -> str:
    """The pack as JSON in the file format, so a user-made pack can be saved and reloaded."""

    def dated(obj: dict, as_of: date | None) -> dict:
        return {**obj, "as_of": _day(as_of)} if as_of else obj

    def exemption(e: Exemption) -> dict:
        out = {"code": e.code}
        if e.statute:
            out["statute"] = e.statute
        if e.note:
            out["note"] = e.note
        return out

    data = {
        "format": CASE_PACK_FORMAT,
        "id": pack.id,
        "name": pack.name,
        **({"subject": pack.subject} if pack.subject else {}),
        "summary": pack.summary,
        "parties": [
            {"name": p.name, "role": p.role, "source": p.source, "tag": p.tag, "as_of": _day(p.as_of)}
            for p in pack.parties
        ],
        "key_dates": [
            dated(
                {
                    "date": _day(d.date),
                    "what": d.what,
                    **({"precision": d.precision} if d.precision != "day" else {}),
                    "source": d.source,
                    "tag": d.tag,
                },
                d.as_of,
            )
            for d in pack.key_dates
        ],
        **({"letter_facts": [_dump_letter_fact(f) for f in pack.letter_facts]} if pack.letter_facts else {}),
        **({"notes": list(pack.notes)} if pack.notes else {}),
        "public_facts": [
            {
                "id": f.id,
                "text": f.text,
                "source": f.source,
                "tag": f.tag,
                "as_of": _day(f.as_of),
                "supports": list(f.supports),
            }
            for f in pack.public_facts
        ],
        "categories": [
            dated(
                {
                    "id": c.id,
                    "title": c.title,
                    "description": c.description,
                    **({"descriptions": dict(c.descriptions)} if c.descriptions else {}),
                    **({"group": c.group} if c.group else {}),
                    **({"questions": list(c.questions)} if c.questions else {}),
                    **({"known_from": _day(c.known_from)} if c.known_from else {}),
                    "holders": list(c.holders),
                    "custodians": (
                        {h: list(v) for h, v in c.custodians_by_holder}
                        if c.custodians_by_holder
                        else list(c.custodians)
                    ),
                    "search_terms": list(c.search_terms),
                    "date_range": {"from": _day(c.date_from), "to": _day(c.date_to)},
                    "likely_exemptions": [exemption(e) for e in c.likely_exemptions],
                    "source": c.source,
                    "tag": c.tag,
                },
                c.as_of,
            )
            for c in pack.categories
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _dump_letter_fact(f: LetterFact) -> dict:
    def source(s: Source) -> dict:
        out: dict[str, str | None] = {"kind": s.kind}
        for key in ("name", "title", "url", "cite", "ecf"):
            if getattr(s, key):
                out[key] = getattr(s, key)
        if s.date:
            out["date"] = _day(s.date)
        return out

    return {
        "id": f.id,
        "text": f.text,
        "date": _day(f.date),
        "as_of": _day(f.as_of),
        "tag": f.tag,
        "supports": list(f.supports),
        "sources": [source(s) for s in f.sources],
    }
