"""The filing and follow-up commands: each prints what it did, bad input gets one line and
exit status 2 with nothing changed."""

from __future__ import annotations

import json
from datetime import date
from email import message_from_bytes, policy

from foiadesk.cli import run
from foiadesk.core.letters.compose import docx_text
from foiadesk.core.paths import RESOURCES
from foiadesk.core.store.db import connect
from foiadesk.core.tracking.tracker import view_request

PROFILE = RESOURCES / "profiles" / "example.toml"


def cli(capsys, *args):
    status = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def drafted(tmp_path, capsys):
    db = tmp_path / "log.sqlite3"
    status, _, err = cli(
        capsys, "draft", "--db", db, "--case", "irs-ice-mou", "--component", "ICE,TIGTA",
        "--categories", "mou-text-and-drafts,ice-requests,tigta-evaluation", "--profile", PROFILE,
        "--fee-waiver", "--expedite", "--max-fee", "100", "--date", "2026-10-01",
        "--out", tmp_path / "letters",
    )  # fmt: skip
    assert status == 0, err
    return db


def test_portal_fields_json_is_keyed_by_foia_gov_names(tmp_path, capsys):
    db = drafted(tmp_path, capsys)
    status, out, _ = cli(capsys, "portal-fields", 2, "--db", db, "--json")
    data = json.loads(out)
    assert status == 0 and data["form"] == "treasury_tigta_form" and data["problems"] == []
    assert data["fields"]["fee_amount_willing"] == "$100"
    assert data["fields"]["expedited_processing"] == "yes"
    assert data["as_of"] == "2026-06-09" and "usdoj/foia-api" in data["source"]
    status, out, _ = cli(capsys, "portal-fields", 1, "--db", db)
    assert status == 0 and "paste into https://www.dhs.gov/foia" in out
    assert "Every field passes the form's rules." in out
    assert "* Your request (request_description) [" in out


def test_filed_takes_a_typed_confirmation_and_a_proof(tmp_path, capsys):
    db = drafted(tmp_path, capsys)
    proof = tmp_path / "fax-report.pdf"
    proof.write_bytes(b"%PDF-1.4 transmission ok, 14 pages")
    status, _, err = cli(capsys, "log", "--db", db, 2, "filed", "--on", "2026-10-01", "--tracking", "X-1")
    assert status == 2 and "a filing has no tracking number yet" in err
    status, out, _ = cli(
        capsys, "log", "--db", db, 2, "filed", "--on", "2026-10-01", "--channel", "fax",
        "--confirmation", "fax to 202-622-3339, 14 pages, OK", "--file", proof, "--asks", "expedite",
    )  # fmt: skip
    assert status == 0
    assert "expedited processing requested: the 10-day decision clock starts" in out
    assert "fee waiver" not in out  # --asks overrides what the letter asks
    assert "fee cap $100 in the fee ledger" in out  # read from the letter
    view = view_request(connect(db), 2)
    assert view.tracking_numbers == ()
    assert next(c for c in view.clocks if c.key == "expedite").due == date(2026, 10, 11)
    status, out, _ = cli(capsys, "requests", "--db", db)
    assert "fax to" not in out  # the list shows tracking numbers only
    status, _, err = cli(capsys, "log", "--db", db, 1, "filed", "--on", "2026-10-01", "--asks", "teleport")
    assert status == 2 and "--asks takes expedite, fee-waiver or none" in err


def test_determination_exemptions_and_followups_on_the_command_line(tmp_path, capsys):
    db = drafted(tmp_path, capsys)
    steps = [
        ("log", "--db", db, 1, "filed", "--on", "2026-10-01", "--channel", "portal", "--confirmation", "C-9"),
        ("log", "--db", db, 1, "acknowledged", "--on", "2026-10-06", "--agency-received", "2026-10-02",
         "--tracking", "2026-ICFO-04417"),
        ("log", "--db", db, 1, "determination", "--on", "2026-11-20", "--outcome", "partial",
         "--exemptions", "b5,b6"),
    ]  # fmt: skip
    for args in steps:
        status, _, err = cli(capsys, *args)
        assert status == 0, err
    out_file = tmp_path / "appeal.docx"
    status, out, _ = cli(
        capsys, "followup", 1, "--db", db, "--kind", "appeal", "--date", "2026-12-01", "--out", out_file
    )
    assert status == 0 and "logged as draft event" in out
    text = docx_text(out_file.read_bytes())
    assert "Exemption 5 (5 U.S.C. 552(b)(5))" in text and "2026-ICFO-04417" in text
    status, _, err = cli(
        capsys, "log", "--db", db, 1, "determination", "--on", "2026-11-21", "--outcome", "denial",
        "--exemptions", "b10",
    )  # fmt: skip
    assert status == 2 and "'b10' is not a FOIA exemption" in err
    status, _, err = cli(capsys, "followup", 2, "--db", db, "--kind", "status", "--out", tmp_path / "s.docx")
    assert status == 2 and err.count("\n") == 1 and "no agency tracking number yet" in err
    assert not (tmp_path / "s.docx").exists()


def test_email_package(tmp_path, capsys):
    db = drafted(tmp_path, capsys)
    out_file = tmp_path / "tigta.eml"
    status, out, _ = cli(capsys, "package", 2, "--db", db, "--channel", "email", "--out", out_file)
    assert status == 0
    msg = message_from_bytes(out_file.read_bytes(), policy=policy.default)
    assert msg["To"] == "FOIA.Reading.Room@tigta.treas.gov" and msg["X-Unsent"] == "1"
    status, out, _ = cli(capsys, "package", 1, "--db", db, "--channel", "email", "--out", tmp_path / "i.eml")
    assert status == 0 and "DHS and its components generally accept requests only through" in out
