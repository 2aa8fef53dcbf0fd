"""Synthetic but realistic request histories, for screenshots, benchmarks and tests.

Every history is one the log would accept event by event (tests replay them
through ``log.check_event``); they are written in bulk here only for speed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.events import EVENT_TYPES, Event

COMPONENTS = [
    ("ICE", "U.S. Immigration and Customs Enforcement", "DHS", "Department of Homeland Security"),
    (
        "USCIS",
        "U.S. Citizenship and Immigration Services",
        "DHS",
        "Department of Homeland Security",
    ),
    ("CBP", "U.S. Customs and Border Protection", "DHS", "Department of Homeland Security"),
    (
        "DHS-PRIV",
        "Privacy Office, Department of Homeland Security Headquarters",
        "DHS",
        "Department of Homeland Security",
    ),
    (
        "IRS",
        "Internal Revenue Service, Privacy, Governmental Liaison and Disclosure",
        "TREAS",
        "Department of the Treasury",
    ),
    (
        "TIGTA",
        "Treasury Inspector General for Tax Administration, Office of Chief Counsel, Disclosure Branch",
        "TREAS",
        "Department of the Treasury",
    ),
    (
        "TREAS-DO",
        "Departmental Offices, Department of the Treasury",
        "TREAS",
        "Department of the Treasury",
    ),
    (
        "DOJ-OIP",
        "Office of Information Policy (Offices of the Attorney General, Deputy Attorney "
        "General and Associate Attorney General)",
        "DOJ",
        "Department of Justice",
    ),
    ("DOJ-OLC", "Office of Legal Counsel", "DOJ", "Department of Justice"),
    ("EOUSA", "Executive Office for United States Attorneys", "DOJ", "Department of Justice"),
    (
        "SSA",
        "Social Security Administration, Office of Privacy and Disclosure",
        "SSA",
        "Social Security Administration",
    ),
]
# The first case is the shipped case pack's own (its id and name, as Compose or New case
# would create it), so drafts saved in a demo log join it; the others have no pack.
PACK_CASE = "irs-ice-mou-2025"
CASES = [
    (PACK_CASE, "IRS-ICE taxpayer address sharing (April 2025 MOU)"),  # if the pack is missing
    ("dhs-ssa-data-2025", "DHS access to Social Security records for immigration enforcement"),
    ("doge-treasury-2025", "Treasury payment-system access agreements, 2025"),
]
# What a requester would title a request: the records it asks for, as its subject line
# names them, with the kind of records (a category of the case pack of the first case) it
# asks for. A title carries no log label (office, number, tag): the list shows those.
SUBJECTS = [
    (
        "The IRS–ICE memorandum of understanding of April 7, 2025 and the drafts exchanged before it",
        "mou-text-and-drafts",
    ),
    (
        "Communications between agency leadership and ICE about verifying taxpayer addresses",
        "official-communications",
    ),
    (
        "Monthly counts of address requests received, matched and disclosed since April 2025",
        "aggregate-statistics",
    ),
    ("Legal analyses of disclosures to immigration authorities under 26 U.S.C. 6103(i)(2)", "legal-analyses"),
    (
        "Privacy impact assessments, system-of-records notices and security plans for the address exchange",
        "privacy-reviews",
    ),
    (
        "The Chief Privacy Officer's review of the agreement and objections raised by career staff",
        "privacy-reviews",
    ),
    ("ICE's written address requests and the delegations of the officials who signed them", "ice-requests"),
    (
        "Calendars, agendas and attendee lists of interagency meetings on the agreement",
        "official-communications",
    ),
    ("Audit logs and error reports of the address-matching process", "error-remediation"),
    (
        "Specifications of the address-matching process and layouts of the files exchanged",
        "technical-specifications",
    ),
]
# The case pack's other kinds of records, for offices that hold none of the above.
MORE_SUBJECTS = [
    (
        "Accountings of disclosures to ICE and the reports on them to the Joint Committee on Taxation",
        "disclosure-accounting",
    ),
    (
        "Safeguard security reports and reviews of how ICE protects the taxpayer data it receives",
        "safeguard-records",
    ),
    ("Guidance to ICE field offices on using addresses obtained from the IRS", "ice-use-of-data"),
    (
        "Monthly counts of prosecutions for willful failure to depart under 8 U.S.C. 1253(a)(1)",
        "prosecutions",
    ),
    (
        "TIGTA's evaluation of the IRS's sharing of taxpayer data with ICE, with its work papers",
        "tigta-evaluation",
    ),
    (
        "Earlier channels through which taxpayer information reached immigration enforcement",
        "earlier-channels",
    ),
    ("Records of compliance with the court orders on the IRS–ICE address sharing", "litigation-compliance"),
]
OUTCOMES = [
    "full_grant",
    "partial",
    "partial",
    "partial",
    "denial",
    "no_records",
    "glomar",
    "referral",
]


MOU_SIGNED = date(2025, 4, 7)  # the IRS–ICE agreement: the demo's requests follow it
RECENT_DAYS = 548  # most filings fall in the last 18 months
DEMO_TABLE = "demo_log"  # its presence marks a log written by write_demo


def fiscal_year(day: date) -> int:
    """The federal fiscal year (from October 1), which agencies put in their numbers."""
    return day.year + 1 if day.month >= 10 else day.year


def tracking_number(rng: random.Random, component: str, day: date, *, appeal: bool = False) -> str:
    """A number in the agency's own format, as its letters print it."""
    fy, yy = fiscal_year(day), fiscal_year(day) % 100
    if appeal:
        return {
            "ICE": f"{fy}-ICAP-{rng.randrange(10**5):05d}",
            "USCIS": f"APP{fy}{rng.randrange(10**6):06d}",
            "CBP": f"CBP-AP-{fy}-{rng.randrange(10**6):06d}",
            "DHS-PRIV": f"{fy}-HQAP-{rng.randrange(10**5):05d}",
            "DOJ-OIP": f"A-{fy}-{rng.randrange(10**5):05d}",
            "DOJ-OLC": f"A-{fy}-{rng.randrange(10**5):05d}",
            "EOUSA": f"A-{fy}-{rng.randrange(10**5):05d}",
        }.get(component, f"{fy}-APP-{rng.randrange(10**4):04d}")
    return {
        "ICE": f"{fy}-ICFO-{rng.randrange(10**5):05d}",
        "USCIS": f"COW{fy}{rng.randrange(10**6):06d}",
        "CBP": f"CBP-FO-{fy}-{rng.randrange(10**6):06d}",
        "DHS-PRIV": f"{fy}-HQFO-{rng.randrange(10**5):05d}",
        "IRS": f"{fy}-IRS-FOIA-{rng.randrange(10**6):06d}",
        "TIGTA": f"{fy}-FOIA-{rng.randrange(10**5):05d}",
        "TREAS-DO": f"{fy}-FOIA-{rng.randrange(10**5):05d}",
        "DOJ-OIP": f"FOIA-{fy}-{rng.randrange(10**5):05d}",
        "DOJ-OLC": f"FY{yy}-{rng.randrange(1, 400):03d}",
        "EOUSA": f"EOUSA-{fy}-{rng.randrange(10**6):06d}",
        "SSA": f"SSA-{fy}-{rng.randrange(10**6):06d}",
    }.get(component, f"{fy}-{rng.randrange(10**5):05d}")


def filing_day(rng: random.Random, today: date, start: date) -> date:
    """After ``start``; six in seven within the last 18 months, the rest before that."""
    span = (today - start).days
    recent = min(RECENT_DAYS, span)
    if span > recent and rng.random() < 1 / 7:
        return start + timedelta(days=rng.randrange(span - recent))
    return today - timedelta(days=rng.randrange(recent))


def synthetic_history(
    rng: random.Random, today: date, start: date = MOU_SIGNED + timedelta(days=1), component: str = "ICE"
) -> list[Event]:
    """One request's events, in order, all on or before ``today``; its numbers in the
    format of ``component``."""
    cal = calendar()
    filed_on = filing_day(rng, today, start)
    channel = rng.choice(["portal", "portal", "portal", "email", "mail", "fax"])
    events = [
        Event("drafted", max(start, filed_on - timedelta(days=rng.randrange(0, 4)))),
        Event("filed", filed_on, channel=channel),
    ]
    day = filed_on

    def later(lo: int, hi: int) -> date | None:
        nonlocal day
        nxt = day + timedelta(days=rng.randint(lo, hi))
        if nxt > today:
            return None
        day = nxt
        return day

    def add(type_: str, on: date | None, **kw) -> bool:
        if on is None:
            return False
        events.append(Event(type_, on, **kw))
        return True

    # Events added after the first demo logs (routing chains, consultations, holds, estimates,
    # appeal extensions) draw from a side generator and never move ``day``, so every log made
    # before them keeps the same requests, dates and statuses.
    side = random.Random(hash(rng.getstate()[1][:8]))

    def aside(lo: int, hi: int) -> date | None:
        on = day + timedelta(days=side.randint(lo, hi))
        return on if on <= today else None

    receipt = cal.on_or_next_working_day(filed_on)
    if rng.random() < 0.85:
        acked = later(1, 12)
        estimate = side.random() < 0.3 and acked and acked + timedelta(days=side.randint(60, 240))
        add(
            "acknowledged",
            acked,
            agency_received_on=min(receipt, day),
            tracking_number=acked and tracking_number(rng, component, acked),
            named_date=estimate or None,
        )
    if rng.random() < 0.1:
        if add("routed", later(3, 12), agency_received_on=day) and side.random() < 0.3:
            again = aside(2, 15)  # a routing chain: the second component routes it again
            add("routed", again, agency_received_on=again)
    if side.random() < 0.05:
        add("consultation", aside(5, 30))
    if rng.random() < 0.25 and add("expedite_requested", filed_on, agency_received_on=receipt):
        add("expedite_decided", later(2, 12), outcome=rng.choice(["granted", "denied", "denied"]))
    if rng.random() < 0.18:
        asked = later(2, 20)
        if add("info_requested", asked, named_date=asked and asked + timedelta(days=30)):
            if rng.random() < 0.85:
                add("info_answered", later(1, 20), agency_received_on=day)
    if rng.random() < 0.12:
        fee = rng.choice([2500, 8750, 14000, 42000])
        hold = "on_hold" if side.random() < 0.4 else None
        if add("fee_estimate", later(5, 30), amount_cents=fee, outcome=hold) and rng.random() < 0.7:
            if add("fee_estimate_answered", later(1, 15), agency_received_on=day) and rng.random() < 0.6:
                add("payment", later(1, 10), amount_cents=fee)
    if rng.random() < 0.35:
        add("extension_notice", later(5, 25), named_date=None)
    if rng.random() < 0.08:
        asked = later(60, 200)
        if add("still_interested", asked, named_date=asked and asked + timedelta(days=30)):
            if rng.random() < 0.7:
                add("still_interested_answered", later(1, 20), agency_received_on=day)
    if rng.random() < 0.15 and add("status_inquiry", later(20, 90)) and side.random() < 0.5:
        told = aside(3, 20)
        add("estimated_completion", told, named_date=told and told + timedelta(days=side.randint(30, 180)))
    if side.random() < 0.06:
        add("fee_decision", aside(5, 40), outcome="waiver_denied")
    if rng.random() < 0.2:
        add("interim_release", later(20, 120))
    if rng.random() < 0.03:
        add("withdrawn", later(5, 60))
        return events
    if rng.random() < 0.93:  # most are answered, many of them late, as FOIA.gov's figures show
        outcome = rng.choice(OUTCOMES)
        adverse = outcome in ("partial", "denial", "no_records", "glomar")
        if add("determination", later(15, 60 + int(rng.triangular(0, 240, 0))), outcome=outcome) and adverse:
            if rng.random() < 0.45 and add("appeal_filed", later(10, 85), channel=channel):
                received = later(1, 10)
                add(
                    "appeal_received",
                    received,
                    agency_received_on=day,
                    tracking_number=received and tracking_number(rng, component, received, appeal=True),
                )
                if side.random() < 0.15:
                    noticed = aside(5, 20)
                    add(
                        "appeal_extension_notice",
                        noticed,
                        named_date=noticed and noticed + timedelta(days=side.randint(7, 20)),
                    )
                if rng.random() < 0.7:
                    add(
                        "appeal_decided",
                        later(15, 120),
                        outcome=rng.choice(["granted", "partly_granted", "denied", "remanded"]),
                    )
            elif rng.random() < 0.8:  # no appeal: the requester closes it once the window has passed
                add("closed", later(95, 150))
                return events
    if rng.random() < 0.05:
        add("closed", later(1, 30))
    return events


CHUNK = 10_000  # requests generated and written at a time
_COLUMNS = {
    "requests": ("id", "case_id", "component_id", "requester_id", "title", "description", "created_at"),
    "events": (
        "id", "request_id", "type", "direction", "channel", "occurred_on", "agency_received_on",
        "named_date", "outcome", "amount_cents", "summary", "body", "created_at",
    ),
    "tracking_numbers": ("request_id", "event_id", "number", "kind"),
    "fees": ("request_id", "event_id", "kind", "amount_cents"),
    "request_tags": ("request_id", "tag_id"),
    "notes": ("request_id", "created_at", "body"),
}  # fmt: skip


def _request_rows(
    rows: dict[str, list[tuple]],
    rng: random.Random,
    request_id: int,
    history: Callable[..., list[Event]],  # called with component=the abbreviation
    event_id: int,
    stamp: str,
) -> int:
    """Add one request and its history to ``rows``; returns the last event id used."""
    comp = rng.randrange(len(COMPONENTS)) + 1
    drawn = rng.choice(SUBJECTS)
    case = rng.choice([1, 1, 1, 2, 3])
    # the subject is the title, and the description too, but in the case with a pack
    title, description = asks_for(COMPONENTS[comp - 1][0], drawn) if case == 1 else (drawn[0], drawn[0])
    rows["requests"].append((request_id, case, comp, rng.choice([1, 2]), title, description, stamp))
    for ev in history(component=COMPONENTS[comp - 1][0]):
        event_id += 1
        kind = EVENT_TYPES[ev.type]
        rows["events"].append(
            (
                event_id, request_id, ev.type, kind.direction, ev.channel, ev.occurred_on.isoformat(),
                ev.agency_received_on.isoformat() if ev.agency_received_on else None,
                ev.named_date.isoformat() if ev.named_date else None,
                ev.outcome, ev.amount_cents, kind.label, "", stamp,
            )
        )  # fmt: skip
        if ev.tracking_number:
            kind_ = "appeal" if ev.type.startswith("appeal") else "request"
            rows["tracking_numbers"].append((request_id, event_id, ev.tracking_number, kind_))
        if ev.type in ("fee_estimate", "payment") and ev.amount_cents:
            fee_kind = "estimate" if ev.type == "fee_estimate" else "payment"
            rows["fees"].append((request_id, event_id, fee_kind, ev.amount_cents))
    if rng.random() < 0.1:
        rows["request_tags"].append((request_id, rng.randint(1, 3)))
    if rng.random() < 0.05:
        rows["notes"].append((request_id, stamp, "Called the FOIA Public Liaison; promised an update."))
    return event_id


@lru_cache(maxsize=1)
def first_pack():
    """The first case's pack, shipped with FoiaDesk (None if it is not installed)."""
    from foiadesk.core.reference.casepack import shipped_case_packs

    return next((p for p in shipped_case_packs() if p.id == PACK_CASE), None)


def case_rows(stamp: str) -> list[dict]:
    """The demo's cases, the first made from its case pack as a user's would be."""
    from foiadesk.core.reference.casepack import case_columns

    pack = first_pack()
    rows: list[dict[str, str | None]] = [dict(slug=s, name=n, summary="", pack_json=None) for s, n in CASES]
    if pack is not None:
        rows[0] = {**case_columns(pack)}
    return [dict(id=i + 1, **row, created_at=stamp) for i, row in enumerate(rows)]


@lru_cache(maxsize=1)
def pack_records() -> dict[str, tuple[str, frozenset[str]]]:
    """The first case's pack: category id → (its title, the offices that hold its records);
    empty if the pack is not installed."""
    pack = first_pack()
    categories = pack.categories if pack is not None else ()
    return {c.id: (c.title, frozenset(h.upper() for h in c.holders)) for c in categories}


def asks_for(component: str, drawn: tuple[str, str]) -> tuple[str, str]:
    """(title, description) of a request of the first case to ``component``: records its
    case pack says that office holds (the drawn subject's, else another's; an office the pack
    does not name keeps the drawn one), with the category's title as the description, as
    Compose writes it, so the Cases view counts the records as asked for."""
    records = pack_records()
    held = [s for s in SUBJECTS + MORE_SUBJECTS if component.upper() in records.get(s[1], ("", ()))[1]]
    subject, category = held[SUBJECTS.index(drawn) % len(held)] if held and drawn not in held else drawn
    return (subject, records[category][0]) if category in records else (subject, subject)


def is_demo(db) -> bool:
    """Whether ``db`` is a log written by ``write_demo``."""
    from foiadesk.core.store.reads import has_table

    return has_table(db, DEMO_TABLE)


def write_demo(
    path: Path,
    *,
    requests: int,
    seed: int = 7,
    today: date | None = None,
    histories: Callable[[int], list[Event]] | None = None,
) -> dict:
    """Write ``requests`` synthetic requests (with requesters, cases, notes and tags) to a
    new database at ``path``, in chunks (a million take a few minutes). Refuses to touch an
    existing file. ``histories(request_id)``, if given, supplies each request's events."""
    from foiadesk.core.errors import UserError
    from foiadesk.core.store.bulk import bulk_load, insert_rows
    from foiadesk.core.store.db import connect, now, write

    path = Path(path)
    if path.exists():
        raise UserError(f"{path} already exists; the demo writes only a new file.")
    today = today or date.today()
    rng = random.Random(seed)
    db = connect(path)
    stamp = now()
    with write(db):
        db.table("requesters").insert_all(
            [
                dict(
                    id=1,
                    name="Dana Whitfield",
                    organization="The Ledger Desk, Investigations",
                    email="dana.whitfield@ledgerdesk.example",
                    address="1200 K Street NW, Suite 400\nWashington, DC 20005",  # letters need one
                    fee_category="news_media",
                    fee_category_basis="Staff reporter; published 40 articles on federal data sharing.",
                    created_at=stamp,
                ),
                dict(
                    id=2,
                    name="Immigrant Rights Clinic, Eastbridge University School of Law",
                    organization="Eastbridge University",
                    email="foia-clinic@eastbridge.example",
                    address="410 College Avenue, Room 212\nEastbridge, PA 19104",
                    fee_category="educational",
                    fee_category_basis="",
                    created_at=stamp,
                ),
            ]
        )
        agencies = sorted({(c[2], c[3]) for c in COMPONENTS})
        db.table("agencies").insert_all([dict(id=i + 1, abbr=a, name=n) for i, (a, n) in enumerate(agencies)])
        agency_ids = {a: i + 1 for i, (a, _) in enumerate(agencies)}
        db.table("components").insert_all(
            [
                dict(id=i + 1, agency_id=agency_ids[c[2]], abbr=c[0], name=c[1])
                for i, c in enumerate(COMPONENTS)
            ]
        )
        db.table("cases").insert_all(case_rows(stamp))
        db.table("tags").insert_all(
            [
                dict(id=1, name="litigation hold"),
                dict(id=2, name="priority"),
                dict(id=3, name="shared with editor"),
            ]
        )
        event_id = 0
        with bulk_load(db):
            for first in range(1, requests + 1, CHUNK):
                rows: dict[str, list[tuple]] = {table: [] for table in _COLUMNS}
                for request_id in range(first, min(first + CHUNK, requests + 1)):
                    if histories:
                        history = partial(lambda rid, component: histories(rid), request_id)
                    else:
                        history = partial(synthetic_history, rng, today)
                    event_id = _request_rows(rows, rng, request_id, history, event_id, stamp)
                for table, columns in _COLUMNS.items():
                    insert_rows(db, table, columns, rows[table])
        db.table(DEMO_TABLE).insert({"requests": requests, "written_on": today.isoformat()})
    db.close()
    return {"requests": requests, "events": event_id}
