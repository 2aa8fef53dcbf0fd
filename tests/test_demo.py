"""The demo generator writes histories the log itself would accept."""

import random
import re
from datetime import date

from foiadesk.core.demo import is_demo, synthetic_history, write_demo
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import NewEvent, check_event
from foiadesk.core.tracking.tracker import view_request

TODAY = date(2026, 11, 25)


def test_every_synthetic_history_passes_the_log_checks():
    rng = random.Random(5)
    for _ in range(500):
        history = []
        for ev in sorted(synthetic_history(rng, TODAY), key=lambda e: e.occurred_on):
            check_event(
                NewEvent(
                    ev.type,
                    ev.occurred_on,
                    channel=ev.channel,
                    agency_received_on=ev.agency_received_on,
                    named_date=ev.named_date,
                    outcome=ev.outcome,
                    amount_cents=ev.amount_cents,
                ),
                history,
                today=TODAY,
            )
            history.append(ev)


def test_demo_database_has_varied_statuses_after_the_agreement(tmp_path):
    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=300, today=TODAY)
    db = connect(path)
    statuses = {view_request(db, i).status for i in range(1, 301)}
    assert {"Processing", "Partly granted", "Denied", "Appeal pending", "Withdrawn"} <= statuses
    filed = [
        date.fromisoformat(r[0]) for r in db.execute("SELECT occurred_on FROM events WHERE type = 'filed'")
    ]
    assert len(filed) == 300 and min(filed) > date(2025, 4, 7)  # the MOU was signed on 2025-04-07
    recent = sum((TODAY - day).days <= 548 for day in filed)  # the last 18 months
    assert recent / len(filed) > 0.75
    assert is_demo(db)


# The formats agencies print on their letters (the fixture replies, FOIA.gov's listings)
FORMATS = {
    "ICE": r"20\d\d-ICFO-\d{5}",
    "USCIS": r"COW20\d\d\d{6}",
    "CBP": r"CBP-FO-20\d\d-\d{6}",
    "DHS-PRIV": r"20\d\d-HQFO-\d{5}",
    "IRS": r"20\d\d-IRS-FOIA-\d{6}",
    "TIGTA": r"20\d\d-FOIA-\d{5}",
    "TREAS-DO": r"20\d\d-FOIA-\d{5}",
    "DOJ-OIP": r"FOIA-20\d\d-\d{5}",
    "DOJ-OLC": r"FY\d\d-\d{3}",
    "EOUSA": r"EOUSA-20\d\d-\d{6}",
    "SSA": r"SSA-20\d\d-\d{6}",
}


def test_tracking_numbers_are_in_each_agencys_format(tmp_path):
    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=400, today=TODAY)
    db = connect(path)
    rows = db.execute(
        "SELECT c.abbr, t.number, e.occurred_on FROM tracking_numbers t JOIN events e ON e.id = t.event_id "
        "JOIN requests r ON r.id = t.request_id JOIN components c ON c.id = r.component_id "
        "WHERE t.kind = 'request'"
    ).fetchall()
    assert {abbr for abbr, _, _ in rows} == set(FORMATS)
    for abbr, number, on in rows:
        assert re.fullmatch(FORMATS[abbr], number), (abbr, number)
        day = date.fromisoformat(on)  # the federal fiscal year starts on October 1
        year = day.year + (day.month >= 10)
        assert str(year) in number or f"FY{year % 100}" in number, (number, on)


def test_a_users_log_is_not_a_demo(db):
    assert not is_demo(db)


def test_each_request_of_the_case_with_a_pack_asks_for_one_of_its_kinds_of_records(tmp_path):
    """A demo request of the IRS–ICE case says which of its case pack's categories it asks
    for, as Compose writes it (the category's title in the description), and an office the
    pack names is asked for records the pack says it holds."""
    from foiadesk.core.reference.casepack import shipped_case_packs

    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=300, today=TODAY)
    db = connect(path)
    (pack,) = [p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025"]
    categories = {c.title: {h.upper() for h in c.holders} for c in pack.categories}
    rows = db.execute(
        "SELECT c.abbr, r.description FROM requests r JOIN cases k ON k.id = r.case_id "
        "JOIN components c ON c.id = r.component_id WHERE k.slug = ?",
        [pack.id],
    ).fetchall()
    assert len(rows) > 100
    assert all(description in categories for _, description in rows)
    named = set().union(*categories.values())
    at_holders = [(abbr, description) for abbr, description in rows if abbr in named]
    assert len(at_holders) > 50 and all(abbr in categories[d] for abbr, d in at_holders)
    asked = {description for _, description in at_holders}
    # offices that hold none of the common subjects' records are asked for their own
    assert {"Prosecutions under 8 U.S.C. 1253(a)(1)", "Earlier data-sharing channels"} <= asked


def test_the_demos_case_is_its_case_packs_own_and_drafts_join_it(tmp_path):
    """One agreement, one case: the demo makes the IRS–ICE case from its pack (its id and
    name), so letters drafted from the pack join it, and the list shows each draft by its
    records and office, without the case's name in front."""
    from foiadesk.core.letters.compose import choose_categories, draft_requests, log_drafts
    from foiadesk.core.letters.content import DraftOptions
    from foiadesk.core.letters.profiles import load_profile
    from foiadesk.core.paths import RESOURCES
    from foiadesk.core.reference.casepack import shipped_case_packs
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.tracking.listing import read_index
    from foiadesk.core.tracking.titles import short_title

    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=60, today=TODAY)
    db = connect(path)
    (pack,) = [p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025"]
    assert db.execute("SELECT slug, name, summary FROM cases WHERE id = 1").fetchone() == (
        pack.id,
        pack.name,
        pack.summary,
    )
    offices = [load_directory().component(a) for a in ("ICE", "IRS")]
    profile = load_profile(RESOURCES / "profiles" / "example.toml")
    drafts = draft_requests(
        profile, pack, choose_categories(pack, "1"), offices, DraftOptions(letter_date=TODAY)
    )
    changes = log_drafts(db, pack, drafts, DraftOptions(letter_date=TODAY))
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 3
    index = read_index(db, today=TODAY)
    shown = {}
    for request_id in changes.request_ids:
        row = index.row_of(request_id)
        assert index.case_name(row) == pack.name
        cols = index.columns
        shown[cols["component"][row]] = short_title(
            cols["title"][row], index.case_name(row), cols["component"][row]
        )
    assert set(shown) == {"ICE", "IRS"}
    assert not any(title.startswith("IRS-ICE") for title in shown.values()), shown


def test_the_demos_requesters_can_sign_a_letter(tmp_path):
    """Compose starts from the log's first requester: in a demo log it has the mailing
    address a letter needs."""
    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=5, today=TODAY)
    addresses = [a for (a,) in connect(path).execute("SELECT address FROM requesters ORDER BY id")]
    assert len(addresses) == 2 and all("\n" in a and a.strip() for a in addresses), addresses
