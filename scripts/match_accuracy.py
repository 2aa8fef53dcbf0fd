"""Print how often the reply import proposes the right request for real agency letters.

    python scripts/match_accuracy.py [--misses]

For every labelled letter (tests/fixtures/replies-real and replies-templates, all splits) a
log of twelve requests is built with the store's own calls: one to the letter's own office
(tests/fixtures/replies-agencies.csv maps each ``agency`` label to a directory component),
two to sibling offices of the same department, nine to unrelated agencies. The selected row
is always an unrelated request, so falling back on it counts as a miss. Scenarios:

* A: the right request carries the letter's labelled tracking numbers (letters that have one);
* B: no tracking numbers stored; the right request is the log's only one to its office;
* C: the log has no request to the letter's office: right is no proposal, with a reason that
  says the log has no request to it;
* D: two requests to the letter's office, filed five weeks apart, the right one on the day
  the letter says the request was dated (letters that say so, read by this script's own
  pattern, not the reader's).

A letter dated before 1996 is matched as if undated (a log holds no earlier date).
Only the ``agency`` and ``tracking_numbers`` labels are read. ``--misses`` prints each miss
with the letterhead's first lines and the proposal's ``why``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from foiadesk.core.reference.directory import load_directory  # noqa: E402
from foiadesk.core.replies.files import ReplyFile, read_reply  # noqa: E402
from foiadesk.core.replies.matching import Match, propose_request  # noqa: E402
from foiadesk.core.replies.parse import Proposal, parse_reply  # noqa: E402
from foiadesk.core.store import log  # noqa: E402
from foiadesk.core.store.db import connect  # noqa: E402
from foiadesk.core.store.log import NewEvent  # noqa: E402
from foiadesk.core.store.reads import request_component_abbr  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SETS = (FIXTURES / "replies-real", FIXTURES / "replies-templates")
AGENCIES = FIXTURES / "replies-agencies.csv"
SCENARIOS = ("A", "B", "C", "D")
# A log holds no date before 1995: an older letter is matched as if it bore no date.
FIRST_YEAR = date(1996, 1, 1)

# Sibling offices a department's letters are most often confused with, most likely first;
# a department not listed takes its first two other offices in the directory.
SIBLINGS = {
    "DHS": ("ICE", "CBP", "USCIS", "DHS-PRIV", "dhs--federal-emergency-management-agency"),
    "DOJ": ("doj--federal-bureau-of-investigation", "EOUSA", "DOJ-OIP", "DEA"),
    "DOD": (
        "dod--national-security-agency",
        "dod--defense-intelligence-agency",
        "dod--office-of-the-secretary-and-joint-staff",
        "dod--department-of-the-army",
    ),
    "Treasury": ("IRS", "TIGTA", "TREAS-DO"),
    "DOI": (
        "doi--national-park-service",
        "doi--bureau-of-land-management",
        "doi--u-s-fish-and-wildlife-service",
    ),
    "DOC": (
        "doc--national-oceanic-and-atmospheric-administration",
        "doc--census-bureau",
        "doc--national-institute-of-standards-and-technology",
    ),
    "DOE": (
        "doe--headquarters",
        "doe--national-nuclear-security-administration-service-center",
        "doe--oak-ridge-office",
    ),
    "USDA": (
        "usda--forest-service-headquarters",
        "usda--animal-plant-health-inspection",
        "usda--rural-development",
    ),
    "HHS": ("hhs--food-and-drug-administration", "hhs--centers-for-disease-control-and-prevention"),
    "DOT": ("dot--federal-aviation-administration", "NHTSA", "dot--federal-railroad-administration"),
    "DOL": ("dol--occupational-safety-health-administration", "dol--main-office", "MSHA"),
    "EPA": (
        "epa--national-headquarters",
        "epa--region-5-states-il-in-mi-mn-oh-wi",
        "epa--region-9-states-az-ca-hi-nv-as-gu",
    ),
}
UNRELATED = (
    "ICE",
    "doj--federal-bureau-of-investigation",
    "IRS",
    "cia--central-intelligence-agency",
    "dod--national-security-agency",
    "dos--department-of-state",
    "epa--national-headquarters",
    "nrc--nuclear-regulatory-commission",
    "dhs--federal-emergency-management-agency",
    "SSA",
    "nara--main-office",
    "dot--federal-aviation-administration",
    "usps--usps-headquarters-office",
    "dod--department-of-the-army",
    "doc--national-oceanic-and-atmospheric-administration",
    "sec--securities-and-exchange-commission",
    "DOJ-OIP",
    "TIGTA",
)
TITLES = (
    "Contracts for furniture purchases",
    "Travel vouchers of senior staff",
    "Calendars of the agency head",
    "Correspondence with a named company",
    "Training materials for new hires",
    "Budget justifications",
    "Inspection reports of a named site",
    "Complaint logs",
    "Emails about a named program",
    "Policy memoranda on telework",
    "Audit findings",
    "Meeting minutes of an advisory board",
    "Grant files of a named recipient",
)


@dataclass(frozen=True)
class Letter:
    split: str
    file: str
    agency: str
    component: str  # the directory key of the office the letter answers for
    numbers: tuple[str, ...]
    proposal: Proposal
    reply: ReplyFile


@dataclass
class Tally:
    right: int = 0
    total: int = 0


@dataclass(frozen=True)
class Miss:
    letter: Letter
    scenario: str
    got: str  # the proposed office, or "no proposal"
    why: str


def agency_table(path: Path = AGENCIES) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as f:
        return {row["agency"]: row["component"] for row in csv.DictReader(f)}


def letters(every: int = 1) -> list[Letter]:
    """Every labelled letter (or every ``every``-th, for a quick sample), read once."""
    table = agency_table()
    found = []
    for folder in SETS:
        with open(folder / "expected.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            for row in rows[::every]:
                reply = read_reply(folder / row["split"] / row["file"])
                proposal = parse_reply(reply)
                if proposal.letter_date and proposal.letter_date < FIRST_YEAR:
                    proposal = replace(proposal, letter_date=None)
                numbers = tuple(n.strip() for n in row["tracking_numbers"].split(";") if n.strip())
                found.append(
                    Letter(
                        row["split"],
                        row["file"],
                        row["agency"],
                        table[row["agency"]],
                        numbers,
                        proposal,
                        reply,
                    )
                )
    return found


def _plan(letter: Letter, directory) -> tuple[str, list[str]]:
    """The letter's department and the eleven other offices its log asks: siblings, then others."""
    own = directory.component(letter.component)
    parent = own.parent
    siblings = [k for k in SIBLINGS.get(parent, ()) if directory.component(k).key != own.key]
    if len(siblings) < 2:
        siblings += [
            c.key
            for c in directory.all()
            if c.parent == parent
            and c.key != own.key
            and c.key not in siblings
            and not c.key.endswith("--agency")
        ]
    others = [k for k in UNRELATED if directory.component(k).parent != parent]
    chosen = siblings[:2] + random.Random(letter.file).sample(others, 11 - len(siblings[:2]))
    return parent, chosen


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
REQUEST_DATED = re.compile(
    rf"\brequest,?\s+(?:dated|of|submitted\s+on)\s+(?:(?P<md>(?:{MONTHS})\s+\d{{1,2}},\s*(?:19|20)\d\d)"
    rf"|(?P<dm>\d{{1,2}}\s+(?:{MONTHS})\s+(?:19|20)\d\d))"
)


def request_day(letter: Letter) -> date | None:
    """The day the letter says the request was dated ("your request dated March 3, 2026"), if
    it says so before its own date and after 1995."""
    m = REQUEST_DATED.search(letter.reply.text)
    if m is None:
        return None
    text, form = (m["md"], "%B %d, %Y") if m["md"] else (m["dm"], "%d %B %Y")
    try:
        day = datetime.strptime(" ".join(text.replace(",", ", ").split()).replace(" ,", ","), form).date()
    except ValueError:
        return None
    letter_day = letter.proposal.letter_date
    return day if day >= FIRST_YEAR and (letter_day is None or day < letter_day) else None


def build_log(letter: Letter, scenario: str, directory):
    """A log of twelve requests for one scenario; returns (db, right request id, selected id)."""
    db = connect(":memory:")
    day = letter.proposal.letter_date or date(2003, 6, 1)
    today = max(day, date.today())
    _parent, others = _plan(letter, directory)
    keys = ([] if scenario == "C" else [letter.component]) + others
    ids: dict[str, int] = {}
    if scenario == "D":  # the other request to the letter's office, filed five weeks earlier
        cited = request_day(letter)
        assert cited is not None
        earlier = log.add_directory_request(
            db, directory.component(letter.component), title=TITLES[-1]
        ).new_id
        log.record_event(db, earlier, NewEvent("filed", cited - timedelta(days=35)), today=today)
    for i, key in enumerate(keys):
        comp = directory.component(key)
        rid = log.add_directory_request(db, comp, title=TITLES[i % len(TITLES)]).new_id
        filed = cited if scenario == "D" and key == letter.component else day - timedelta(days=60 + 7 * i)
        log.record_event(db, rid, NewEvent("filed", filed), today=today)
        if scenario == "A":
            numbers = letter.numbers if key == letter.component else (f"ZZ-{2000 + i}-{4400 + i:06d}",)
            for number in numbers:
                log.record_event(
                    db, rid, NewEvent("acknowledged", filed, tracking_number=number), today=today
                )
        ids[key] = rid
    right = ids.get(letter.component)
    selected = ids[others[-1]]  # an unrelated agency's request
    return db, right, selected


def run(letter: Letter, scenario: str, directory) -> tuple[bool, Match, str]:
    db, right, selected = build_log(letter, scenario, directory)
    try:
        match = propose_request(db, letter.proposal, letter.reply, selected=selected)
        got = "no proposal"
        if match.request_id is not None:
            got = request_component_abbr(db, match.request_id) or got
    finally:
        db.close()
    if scenario == "C":
        ok = match.request_id is None and "no request to" in match.why
    else:
        ok = match.request_id == right
    return ok, match, got


def measure(chosen: list[Letter]) -> tuple[dict[str, dict[str, Tally]], list[Miss]]:
    """Per scenario and split: how many letters got the right proposal; and the misses."""
    directory = load_directory()
    tallies: dict[str, dict[str, Tally]] = {s: {} for s in SCENARIOS}
    misses = []
    for letter in chosen:
        for scenario in SCENARIOS:
            if (scenario == "A" and not letter.numbers) or (scenario == "D" and request_day(letter) is None):
                continue
            ok, match, got = run(letter, scenario, directory)
            tally = tallies[scenario].setdefault(letter.split, Tally())
            tally.total += 1
            tally.right += ok
            if not ok:
                misses.append(Miss(letter, scenario, got, match.why))
    return tallies, misses


def _letterhead_lines(letter: Letter, count: int = 4) -> str:
    lines = [" ".join(line.split()) for line in letter.reply.text.splitlines() if line.strip()]
    return " | ".join(line[:80] for line in lines[:count])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--misses", action="store_true", help="list each miss with its letterhead and why")
    args = p.parse_args()
    tallies, misses = measure(letters())
    splits = sorted(
        {s for t in tallies.values() for s in t}, key=lambda n: (n != "dev", n == "templates", len(n), n)
    )
    print("| split | " + " | ".join(SCENARIOS) + " |")
    print("|---|" + "---|" * len(SCENARIOS))
    for split in [*splits, "all"]:
        cells = []
        for scenario in SCENARIOS:
            counts = tallies[scenario].values() if split == "all" else [tallies[scenario].get(split, Tally())]
            right, total = sum(t.right for t in counts), sum(t.total for t in counts)
            cells.append(f"{right}/{total}" if total else "—")
        print(f"| {split} | " + " | ".join(cells) + " |")
    if args.misses:
        for miss in misses:
            letter = miss.letter
            print(
                f"\n[{miss.scenario}] {letter.split}/{letter.file}: want {letter.component}, got {miss.got}"
            )
            print(f"    head: {_letterhead_lines(letter)}")
            print(f"    why: {miss.why}")


if __name__ == "__main__":
    main()
