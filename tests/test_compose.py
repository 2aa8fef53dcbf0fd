"""A coordinated set of letters: per-component variants, logged as drafts, and the CLI."""

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from sqlite_utils import Database

from foiadesk.cli import run
from foiadesk.core.errors import UserError
from foiadesk.core.letters import pdf
from foiadesk.core.letters.compose import choose_categories, docx_text, draft_requests, log_drafts
from foiadesk.core.letters.content import DraftOptions
from foiadesk.core.letters.profiles import ProfileError, load_profile, profile_from_dict
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store.fees import fee_ledger
from foiadesk.core.tracking.tracker import view_request

PROFILE = RESOURCES / "profiles" / "example.toml"
CERTIFY = "true and correct to the best of my knowledge and belief"


@pytest.fixture(scope="module")
def batch():
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    directory = load_directory()
    comps = [directory.component(a) for a in ("ICE", "IRS", "TIGTA")]
    options = DraftOptions(
        letter_date=date(2026, 11, 25),
        fee_cap=Decimal("100"),
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    drafts = draft_requests(load_profile(PROFILE), pack, choose_categories(pack, "all"), comps, options)
    return pack, options, drafts


def test_each_component_gets_its_own_letter_with_only_what_it_holds(batch):
    pack, _, drafts = batch
    ice, irs, tigta = drafts
    for draft in drafts:
        held = {c.id for c in pack.categories_for(draft.component.key)}
        assert set(draft.category_ids) <= held and draft.category_ids
        text = draft.text
        assert text.count(CERTIFY) == 1
        assert draft.component.name in text
        assert "$100" in text
        for cid in draft.category_ids:
            title = next(c.title for c in pack.categories if c.id == cid).rstrip(".")
            assert title in text
    assert len(tigta.category_ids) < len(ice.category_ids)
    assert "Widespread and exceptional media interest" in ice.text
    assert "Widespread and exceptional media interest" not in irs.text
    assert any(
        "the expedite ground “Widespread and exceptional media interest” was left out" in w
        for w in irs.warnings
    )
    assert "6 CFR" in ice.text and "26 CFR 601.702" in irs.text


def test_drafts_are_logged_as_requests_with_the_letter_stored_by_hash(db, batch):
    pack, options, drafts = batch
    changes = log_drafts(db, pack, drafts, options)
    assert len(changes.request_ids) == 3
    for request_id, draft in zip(sorted(changes.request_ids), drafts, strict=True):
        view = view_request(db, request_id)
        assert view.status == "Draft" and view.case == pack.name
        assert [e.type for e in view.events] == ["drafted"]
        sha, name = db.execute(
            "SELECT a.sha256, a.filename FROM attachments a JOIN events e "
            "ON e.id = a.event_id WHERE e.request_id = ?",
            [request_id],
        ).fetchone()
        assert sha == hashlib.sha256(draft.docx).hexdigest() and name == draft.filename
        stored = db.execute("SELECT content FROM files WHERE sha256 = ?", [sha]).fetchone()[0]
        assert docx_text(stored) == draft.text
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    log_drafts(db, pack, drafts[:1], options)  # the same case is reused, the letter not re-stored
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 3


def test_categories_by_number_id_or_all():
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    ids = [c.id for c in pack.categories]
    assert choose_categories(pack, "1,3") == [ids[0], ids[2]]
    assert choose_categories(pack, f"{ids[4]},2") == [ids[4], ids[1]]
    with pytest.raises(UserError, match="categories 1 to"):
        choose_categories(pack, "99")


def test_profile_reports_every_problem_at_once():
    with pytest.raises(ProfileError) as err:
        profile_from_dict(
            {"name": "Dana", "email": "dana@example.org", "fee_category": "press", "nickname": "D"}
        )
    message = str(err.value)
    for part in (
        "'address' is missing",
        "'nickname' is not a profile field",
        "fee_category 'press'",
    ):
        assert part in message
    assert load_profile(PROFILE).fee_category == "news_media"


def test_draft_command_writes_the_letter_and_logs_it(tmp_path, capsys):
    out = tmp_path / "ice.docx"
    db = str(tmp_path / "log.sqlite3")
    code = run(
        [
            "draft",
            "--db",
            db,
            "--case",
            "irs-ice-mou",
            "--component",
            "ICE",
            "--profile",
            str(PROFILE),
            "--categories",
            "1,2",
            "--fee-waiver",
            "--max-fee",
            "50",
            "--date",
            "2026-11-25",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    text = docx_text(out.read_bytes())
    assert text.startswith("Dana Whitfield") or "Dana Whitfield" in text
    assert "fee waiver" in text.lower() and "$50" in text and CERTIFY not in text
    assert "request #1" in capsys.readouterr().out
    # The same user action as the window's Save: the signer and the $50 cap are in the log.
    log_db = Database(db)
    assert log_db.execute("SELECT name, email FROM requesters").fetchall() == [
        ("Dana Whitfield", "dana.whitfield@ledgerdesk.example")
    ]
    assert log_db.execute("SELECT requester_id FROM requests").fetchall() == [(1,)]
    assert fee_ledger(log_db, 1).cap_cents == 5000
    # Drafting again with the same profile stores the signer once.
    assert run(["draft", "--db", db, "--case", "irs-ice-mou", "--component", "IRS", "--profile",
                str(PROFILE), "--out", str(tmp_path / "irs.docx")]) == 0  # fmt: skip
    assert log_db.execute("SELECT count(*) FROM requesters").fetchone() == (1,)


HEARING = "My removal hearing on January 15, 2027 turns on how ICE obtained my address."


def drafted_to_ice(tmp_path, *options: str) -> str:
    """The text of one letter to ICE, for record category 1, drafted by the command line
    with ``options`` (expedition asked, on the due-process ground's own facts)."""
    out = tmp_path / "ice.docx"
    args = ["draft", "--db", str(tmp_path / "log.sqlite3"), "--case", "irs-ice-mou", "--component", "ICE",
            "--profile", str(PROFILE), "--categories", "1", "--expedite", "--due-process", HEARING,
            *options, "--date", "2026-11-25", "--out", str(out)]  # fmt: skip
    assert run(args) == 0
    return docx_text(out.read_bytes())


def test_draft_command_argues_a_ground_whose_facts_are_given(tmp_path, capsys):
    """--due-process gives the requester's own facts for that ground: the letter must argue
    it, not drop the facts because --expedite-grounds was left at its default."""
    text = drafted_to_ice(tmp_path)
    assert "Loss of substantial due process rights" in text and HEARING in text
    assert "Urgency to inform the public" in text  # the default grounds stay


@pytest.mark.parametrize(
    "grounds, public",
    [("due_process", False), ("urgency_to_inform", True), ("due_process,media_interest", True)],
)
def test_the_publics_urgency_is_argued_and_certified_only_under_a_ground_that_rests_on_it(
    tmp_path, grounds, public
):
    """The case's dated facts ("delay would deny the public these records …") support the
    public's need to know; a letter asking expedition for a hearing alone must not state
    and certify them."""
    text = drafted_to_ice(tmp_path, "--expedite-grounds", grounds)
    assert HEARING in text and "I certify that the statements in this section" in text
    assert ("delay would deny the public these records" in text) == public


def test_draft_command_bad_profile_lists_what_is_missing(tmp_path, capsys):
    bad = tmp_path / "me.toml"
    bad.write_text('name = "Dana"\nemail = "dana@example.org"\n')
    code = run(
        [
            "draft",
            "--case",
            "irs-ice-mou",
            "--component",
            "ICE",
            "--profile",
            str(bad),
            "--out",
            str(tmp_path / "x.docx"),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    # an individual needs no organization, phone or dissemination; every letter needs an address
    assert "'address' is missing" in err and "'fee_category' is missing" in err
    assert "organization" not in err and "phone" not in err and "dissemination" not in err
    assert not (tmp_path / "x.docx").exists()


def test_pdf_without_libreoffice_says_what_to_do(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfError, match="need LibreOffice, which is not installed"):
        pdf.docx_to_pdf(b"...")


@pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice is not installed on this machine")
def test_pdf_copy_of_a_letter(batch):
    data = pdf.docx_to_pdf(batch[2][0].docx, "ice.docx")
    assert data.startswith(b"%PDF") and len(data) > 5000


def test_a_template_in_the_data_folder_overrides_the_shipped_one(isolated_data_dir, batch):
    from docx import Document

    from foiadesk.core.letters.drafting import render

    folder = isolated_data_dir / "templates"
    folder.mkdir(parents=True)
    doc = Document()
    doc.add_paragraph("Our own letterhead for {{ requester.name }}")
    doc.save(folder / "request.docx")
    text = docx_text(render("request", {"requester": {"name": "Dana & Co"}}))
    assert text == "Our own letterhead for Dana & Co"


def test_all_categories_for_one_office_says_in_one_line_how_many_it_does_not_hold(tmp_path, capsys):
    """--categories all for TIGTA: the case pack lists TIGTA as holding few of its categories;
    the note counts the others instead of listing them, and neither reaches the letter."""
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    not_held = [c.title.rstrip(".") for c in pack.categories if "TIGTA" not in c.holders]
    assert len(not_held) > 3  # a long list, which the note must not print
    out = tmp_path / "tigta.docx"
    args = ["draft", "--db", str(tmp_path / "log.sqlite3"), "--case", "irs-ice-mou", "--component",
            "TIGTA", "--profile", str(PROFILE), "--categories", "all", "--date", "2026-11-25",
            "--out", str(out)]  # fmt: skip
    assert run(args) == 0
    said = capsys.readouterr().out
    notes = [line for line in said.splitlines() if "Left out of the letter" in line]
    assert notes == [
        f"  note: Left out of the letter to TIGTA: {len(not_held)} of the {len(pack.categories)} chosen "
        "categories, which the case does not list TIGTA as holding."
    ]
    letter = docx_text(out.read_bytes())
    assert "Left out" not in letter and "does not list" not in letter
    assert not any(title in letter for title in not_held)


def test_a_few_categories_an_office_does_not_hold_are_named():
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    not_held = [c.title.rstrip(".") for c in pack.categories if "IRS" not in c.holders]
    assert 1 < len(not_held) <= 3
    (draft,) = draft_requests(
        load_profile(PROFILE), pack, choose_categories(pack, "all"), [load_directory().component("IRS")],
        DraftOptions(letter_date=date(2026, 11, 25)),
    )  # fmt: skip
    note = next(w for w in draft.warnings if w.startswith("Left out of the letter to the IRS"))
    assert all(title in note for title in not_held)
    assert "The case does not list the IRS as holding them; ask the office that does." in note
    assert not any(title in draft.text for title in not_held)


def test_a_letter_is_not_drafted_without_the_requesters_mailing_address():
    """The command line's profile must give an address; the window's form and any other caller
    of draft_requests are held to the same: the letter is signed with it (the IRS and Treasury
    rules ask for a name and address) and agencies answer by mail."""
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    no_address = profile_from_dict(
        {"name": "Dana Whitfield", "email": "dana@example.org", "address": "x", "fee_category": "other"}
    )
    from dataclasses import replace

    for blank in ("", "  \n \t"):
        with pytest.raises(UserError, match="mailing address"):
            draft_requests(
                replace(no_address, address=blank), pack, choose_categories(pack, "1"),
                [load_directory().component("ICE")], DraftOptions(letter_date=date(2026, 11, 25)),
            )  # fmt: skip


# resources/components.json: DHS-PRIV is FoiaDesk's key for "DHS Privacy Office (FOIA for DHS
# headquarters)"; no agency knows the key, so a note names the office as the public does.
PRIVACY_OFFICE = "DHS Privacy Office"


def test_a_note_about_the_privacy_office_names_it_not_its_directory_key():
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    not_held = [c.id for c in pack.categories if "DHS-PRIV" not in c.holders]
    held = [c.id for c in pack.categories if "DHS-PRIV" in c.holders]
    assert held and not_held
    (draft,) = draft_requests(
        load_profile(PROFILE), pack, [held[0], not_held[0]], [load_directory().component("DHS-PRIV")],
        DraftOptions(letter_date=date(2026, 11, 25)),
    )  # fmt: skip
    note = next(w for w in draft.warnings if w.startswith("Left out of the letter"))
    assert note.startswith(f"Left out of the letter to the {PRIVACY_OFFICE}:")
    assert not any("DHS-PRIV" in w for w in draft.warnings)
    assert "DHS-PRIV" not in draft.text


def test_drafts_join_the_case_of_their_pack_under_its_own_name(db, batch):
    """A case the user started for the pack (same short id) and named themselves: drafts join
    it rather than start a near-duplicate, and their titles begin with its name."""
    from foiadesk.core.store import log

    pack, options, drafts = batch
    case_id = log.add_case(db, slug=pack.id, name="IRS–ICE address sharing").new_id
    changes = log_drafts(db, pack, drafts[:1], options)
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    (request_id,) = changes.request_ids
    case, title = db.execute("SELECT case_id, title FROM requests WHERE id = ?", [request_id]).fetchone()
    assert case == case_id
    assert title == "IRS–ICE address sharing: ICE"
