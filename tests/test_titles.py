"""Request titles never show a directory key: new ones name the office as the public knows
it; ones logged earlier with a key ("…: DHS-PRIV") are shown with the office's name."""

from datetime import date

from foiadesk.core.letters.compose import log_drafts
from foiadesk.core.letters.content import DraftOptions
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.tracking.listing import read_index
from foiadesk.core.tracking.titles import short_title, shown_title
from foiadesk.core.tracking.tracker import view_request

CASE = "IRS–ICE address sharing"


def test_an_older_title_ending_in_a_key_is_shown_with_the_offices_name(db):
    privacy = load_directory().component("DHS-PRIV")
    request_id = log.add_directory_request(db, privacy, title=f"{CASE} — audit logs: DHS-PRIV").new_id
    assert view_request(db, request_id).title == f"{CASE} — audit logs: DHS Privacy Office"
    index = read_index(db, today=date(2026, 12, 7))
    row = index.row_of(request_id)
    assert index.columns["title"][row] == f"{CASE} — audit logs: DHS Privacy Office"
    assert short_title(f"{CASE} — audit logs: DHS-PRIV", CASE, "DHS-PRIV") == "audit logs"
    assert short_title(f"{CASE} — audit logs: DHS Privacy Office", CASE, "DHS-PRIV") == "audit logs"
    # stored as the user's log has it
    assert db.execute("SELECT title FROM requests").fetchone()[0] == f"{CASE} — audit logs: DHS-PRIV"


def test_the_users_own_words_are_left_as_they_are():
    assert shown_title("Why DHS-PRIV: the MOU", "DHS-PRIV") == "Why DHS-PRIV: the MOU"
    assert shown_title("Audit logs: ICE", "ICE") == "Audit logs: ICE"  # ICE is its public name
    assert shown_title("Audit logs: DHS-PRIV", "CBP") == "Audit logs: DHS-PRIV"  # not this office's key
    assert shown_title("Audit logs: XYZ-1", "XYZ-1") == "Audit logs: XYZ-1"  # not in the directory


def test_a_drafted_request_is_titled_with_the_offices_public_name(db):
    from foiadesk.core.letters.compose import draft_requests
    from foiadesk.core.letters.profiles import load_profile
    from foiadesk.core.paths import RESOURCES
    from foiadesk.core.reference.casepack import shipped_case_packs

    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    held = [c.id for c in pack.categories if "DHS-PRIV" in c.holders][:1]
    options = DraftOptions(letter_date=date(2026, 11, 25))
    drafts = draft_requests(
        load_profile(RESOURCES / "profiles" / "example.toml"), pack, held,
        [load_directory().component("DHS-PRIV")], options,
    )  # fmt: skip
    log.add_case(db, slug=pack.id, name=CASE)
    (request_id,) = log_drafts(db, pack, drafts, options).request_ids
    title = db.execute("SELECT title FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    assert title.startswith(f"{CASE} — ") and title.endswith(": DHS Privacy Office")
    assert "DHS-PRIV" not in title
    assert not short_title(title, CASE, "DHS-PRIV").endswith("Office")


def test_the_list_sorts_offices_by_the_names_it_shows(db):
    # shown "ICE", "National Park Service", "Treasury"; their keys sort ICE, TREAS-DO, doi--…
    for key in ("doi--national-park-service", "TREAS-DO", "ICE"):
        log.add_directory_request(db, load_directory().component(key), title="Contracts")
    index = read_index(db, today=date(2026, 12, 7))
    shown = [index.columns["component"][row] for row in index.order("component").tolist()]
    assert shown == ["ICE", "doi--national-park-service", "TREAS-DO"]
    backwards = [index.columns["component"][row] for row in index.order("component", True).tolist()]
    assert backwards == ["TREAS-DO", "doi--national-park-service", "ICE"]
