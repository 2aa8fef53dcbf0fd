"""Which request a reply answers: by tracking number, then the letterhead's agency, then
dates and subject. The answer says why and how sure it is; a letter from an agency the log
has no request to says so instead of falling back on whatever row is selected.

Pure logic over ``store.replies.request_facts``: the import preview (CLI) and the window's
import dialog both call ``propose_request`` and show its ``why``.
"""

from __future__ import annotations

import csv
import functools
import re
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
    "all any foia freedom information act".split()
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


def _letterhead(reply: ReplyFile | None, text: str) -> str:
    head_end = SALUTATION.search(text, 0, 3000)
    head = text[: head_end.start() if head_end else 1500]
    return f"{head}\n{reply.sender if reply else ''}\n{reply.subject if reply else ''}"


def _name_pattern(name: str) -> str:
    """A name as a letterhead prints it, across its line breaks and the spaces OCR loses or doubles
    between words ("Customs and\n\nBorder Protection", "United States Departmentof State")."""
    words = r"\s*".join(map(re.escape, name.split()))
    return rf"(?<![A-Za-z]){words}(?![A-Za-z])"


def _names_in(head: str, name: str) -> bool:
    return bool(name.split()) and re.search(_name_pattern(name), head, re.I) is not None


def _abbr_in(head: str, abbr: str) -> bool:
    """An abbreviation as a word of its own ("ICE", not "NOTICE"), or as a part of the
    sender's mail domain ("foia@ice.dhs.gov")."""
    if len(abbr) < 2:
        return False
    if re.search(rf"(?<![A-Za-z0-9-]){re.escape(abbr)}(?![A-Za-z0-9-])", head):
        return True
    return re.search(rf"@(?:[\w-]+\.)*{re.escape(abbr.lower())}\.", head.lower()) is not None


# Words that open the names of offices found in many agencies ("Office of the Secretary", "Region 5",
# "Headquarters"): such a name alone does not say which agency wrote.
GENERIC_OPENING = frozenset("office region headquarters main departmental executive the freedom foia".split())


@functools.cache
def directory_names() -> tuple[str, ...]:
    """Agencies and distinctive offices of FOIA.gov's directory: a letterhead that
    names one the log has no request to is a letter the log cannot place, not one for the
    selected row."""
    folder = RESOURCES / "directory"
    names = set()
    with open(folder / "agencies.csv", newline="", encoding="utf-8") as f:
        names |= {row["name"] for row in csv.DictReader(f)}
    with open(folder / "components.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words = row["name"].split()
            if len(words) >= 3 and words[0].lower() not in GENERIC_OPENING and "(" not in row["name"]:
                names.add(row["name"])
    # "Department of Interior" is printed "Department of the Interior"
    names |= {re.sub(r"^Department of (?!the )", "Department of the ", n) for n in names}
    return tuple(sorted(n for n in names if len(n.split()) >= 2))


def unknown_agency(head: str) -> str | None:
    """The agency or office of the directory the letterhead names first (the longest name where
    two start together: "Federal Bureau of Investigation", not a shorter name inside it)."""
    found = []
    for name in directory_names():
        m = re.search(_name_pattern(name), head, re.I)
        if m:
            found.append((m.start(), -len(name), name))
    return min(found)[2] if found else None


def letterhead_components(head: str, db: Database) -> tuple[set[str], set[str]]:
    """The components the letterhead names (by the log's abbreviation, or the reader's own
    for one the log does not know), and the departments it names."""
    known = FORMATS["components"]
    rows = components(db)
    found: set[str] = set()
    in_log = {abbr.upper() for abbr, *_ in rows}
    for abbr, name, _agency, _agency_name in rows:
        aliases = [name, *known.get(abbr, {}).get("names", ())]
        if any(_names_in(head, n) for n in aliases) or _abbr_in(head, abbr):
            found.add(abbr)
    for abbr, entry in known.items():
        if abbr.upper() not in in_log and any(_names_in(head, n) for n in entry.get("names", ())):
            found.add(abbr)
    departments: set[str] = set()
    for _abbr, _name, agency, agency_name in rows:
        if any(_names_in(head, n) for n in [agency_name, *FORMATS.get("parents", {}).get(agency, ())]):
            departments.add(agency)
    return found, departments


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower()) if w not in STOPWORDS}


def _days_cited(text: str, letter_day: date | None) -> set[date]:
    """The dates a letter's text gives besides its own ("your request dated March 3, 2026")."""
    return {d for m in DATE_RE.finditer(text) if (d := to_date(m[0])) is not None} - {letter_day}


def _score(
    f: RequestFacts, proposal: Proposal, text_words: set[str], days: set[date], selected: int | None
) -> tuple[int, list[str]]:
    """Points for one candidate of the right agency, with the reasons for them."""
    points, why = 0, []
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
    cited = {_key(n): n for n in proposal.tracking_numbers}
    numbered = [f.id for f in facts if cited and any(_key(n) in cited for n in f.numbers)]
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
    named_components, departments = letterhead_components(_letterhead(reply, text), db)
    if named_components:
        upper = {c.upper() for c in named_components}
        pool = [f for f in facts if f.component_abbr.upper() in upper]
        named = " or ".join(sorted(named_components))
    elif departments:
        pool = [f for f in facts if f.agency_abbr in departments]
        named = " or ".join(sorted(departments))
    else:
        elsewhere = unknown_agency(_letterhead(reply, text))
        if elsewhere:
            return Match(
                None,
                "none",
                f"{lead}. The letterhead names {elsewhere}, and the log has no request to it: "
                "choose one, or add the request first.",
                agency=elsewhere,
            )
        if selected is not None and selected in by_id:
            return Match(
                selected,
                "possible",
                f"{lead}, and its letterhead names no agency the log knows; the "
                f"selected request #{selected} is proposed: check that it is the one.",
                (selected,),
            )
        return Match(
            None,
            "none",
            f"{lead}, and its letterhead names no agency the log knows: choose the request it answers.",
        )
    if not pool:
        return Match(
            None,
            "none",
            f"{lead}. The letterhead names {named}, and the log has no request to {named}: "
            "choose one, or add the request first.",
            agency=named,
        )
    text_words, days = _words(text[:20_000]), _days_cited(text[:20_000], proposal.letter_date)
    scored = ((_score(f, proposal, text_words, days, selected), f) for f in pool)
    ranked = sorted(scored, key=lambda x: (-x[0][0], x[1].id))
    (best_points, best_why), best = ranked[0]
    order = tuple(f.id for _, f in ranked)
    if len(pool) == 1:
        if best_points < 0:
            return Match(
                None,
                "none",
                f"{lead}. The letterhead names {named}; the log's one request to {named}, "
                f"#{best.id}, does not fit ({'; '.join(best_why)}): check.",
                order,
                named,
            )
        return Match(
            best.id,
            "likely",
            f"{lead}. The letterhead names {named}, and #{best.id} is the log's one request "
            f"to {named}{_because(best_why)}.",
            order,
            named,
        )
    runner_up = ranked[1][0][0]
    if best_points > runner_up and best_points > 0:
        return Match(
            best.id,
            "possible",
            f"{lead}. The letterhead names {named}; of its {len(pool)} requests, #{best.id} "
            f"fits best{_because(best_why)}: check.",
            order,
            named,
        )
    return Match(
        None,
        "none",
        f"{lead}. The letterhead names {named}, and {len(pool)} requests to {named} could be the "
        "one: choose.",
        order,
        named,
    )


def _because(reasons: list[str]) -> str:
    return f" ({'; '.join(reasons)})" if reasons else ""
