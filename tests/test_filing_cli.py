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
    # a drop-down is shown in the words the form offers (dhs_ice.yml's request_category options)
    category = out.split("(request_category)\n")[1].split("\n")[0]
    assert category == "    Representative of the news media"


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
    assert "  next: Open tigta.eml in your mail program" in out
    status, _, err = cli(capsys, "package", 2, "--db", db, "--channel", "email", "--out", tmp_path / "t.docx")
    assert status == 2 and "A package for email is a .eml file; t.docx is not." in err
    assert not (tmp_path / "t.docx").exists()
    status, out, _ = cli(capsys, "package", 1, "--db", db, "--channel", "email", "--out", tmp_path / "i.eml")
    assert status == 0 and "takes requests only through its portal since 2026-01-22" in out


def test_each_package_says_how_it_is_sent(tmp_path, capsys):
    """A letter drafted for one channel and packaged for another says the package's channel
    (TIGTA's fax number and email address from its FOIA page); a DHS component's letter
    printed for the mail warns that DHS takes requests through its portal (6 CFR 5.3(a)(2))."""
    db = drafted(tmp_path, capsys)
    fax, mail, eml = tmp_path / "fax.docx", tmp_path / "mail.docx", tmp_path / "tigta.eml"
    for channel, out_file in (("fax", fax), ("mail", mail), ("email", eml)):
        status, _, err = cli(capsys, "package", 2, "--db", db, "--channel", channel, "--out", out_file)
        assert status == 0, err
    fax_text, mail_text = docx_text(fax.read_bytes()), docx_text(mail.read_bytes())
    assert "\nSent by fax to (202) 622-3339\n" in fax_text and "Sent by email" not in fax_text
    assert "\nSent by mail\n" in mail_text and "Sent by email" not in mail_text
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "\nSent by email to FOIA.Reading.Room@tigta.treas.gov\n" in body
    assert "\nFOIA Officer\nTreasury Inspector General for Tax Administration\n" in body  # one line each
    status, out, err = cli(
        capsys, "package", 1, "--db", db, "--channel", "mail", "--out", tmp_path / "i.docx"
    )
    assert status == 0, err
    assert "takes requests only through its portal since 2026-01-22 (6 CFR 5.3(a)(2))" in out


def test_a_request_longer_than_the_portal_box_points_to_the_attached_letter(tmp_path, capsys):
    """FOIA.gov's description box takes 10,000 characters; a longer letter goes as the
    attachment (up to 20 MB), and the box names each item the case pack lists for the IRS."""
    db = tmp_path / "log.sqlite3"
    status, _, err = cli(
        capsys, "draft", "--db", db, "--case", "irs-ice-mou", "--component", "IRS", "--categories", "all",
        "--profile", PROFILE, "--fee-waiver", "--expedite", "--date", "2026-10-01", "--out", tmp_path / "l",
    )  # fmt: skip
    assert status == 0, err
    status, out, _ = cli(capsys, "portal-fields", 1, "--db", db, "--json")
    data = json.loads(out)
    description = data["fields"]["request_description"]
    assert status == 0 and data["problems"] == [] and len(description) <= 10_000
    pack = json.loads((RESOURCES / "cases" / "irs-ice-mou-2025.json").read_text(encoding="utf-8"))
    titles = [c["title"] for c in pack["categories"] if "IRS" in c["holders"]]
    assert len(titles) == 12
    for number, title in enumerate(titles, 1):
        assert f"\n{number}. {title}." in description
    assert "attached letter" in description and ".docx" not in description  # no file name to the agency
    assert "Sources" not in description and "Appendix" not in description
    letter = data["fields"]["attachments_supporting_documentation"]
    assert letter.endswith("_IRS_FOIA-request.docx")
    assert any(f"Upload {letter} under “Upload additional documentation”" in n for n in data["notes"])
    # the fields are those of FOIA.gov's Treasury-IRS form, which the IRS accepts: they go there
    status, out, _ = cli(capsys, "portal-fields", 1, "--db", db)
    form_date = "(form as of 2026-06-09)"  # resources/portal_forms.json
    assert out.startswith(f"#1 IRS: Treasury-IRS Form — paste into https://www.foia.gov {form_date}\n")


def test_the_expedite_field_keeps_the_letters_certification(tmp_path, capsys):
    """The expedite justification pasted into TIGTA's FOIA.gov form says what the signed
    letter certifies, word for word, and then the declaration the form's help asks for
    (28 U.S.C. 1746: "I declare under penalty of perjury that the foregoing is true and correct
    to the best of my knowledge and belief. Executed on [date].")."""
    db = drafted(tmp_path, capsys)
    letter = docx_text(next((tmp_path / "letters").glob("*_TIGTA_FOIA-request.docx")).read_bytes())
    certified = next(line for line in letter.split("\n") if line.startswith("I certify that"))
    status, out, _ = cli(capsys, "portal-fields", 2, "--db", db, "--json")
    expedite = json.loads(out)["fields"]["expedited_processing_explanation"]
    assert status == 0 and certified in expedite.split("\n\n")
    assert expedite.split("\n\n")[-1].startswith(
        "I declare under penalty of perjury that the foregoing is true and correct to the best of my "
        "knowledge and belief. Executed on "
    )


def test_a_package_to_an_address_from_the_2017_directory_gives_its_date(tmp_path, capsys):
    """SSA's mailing address comes from FOIA.gov's directory of 2017-07-25: the mail package
    prints that address on its envelope page and says how old it is; TIGTA's, checked on its
    FOIA page in 2026, is printed without that note."""
    db = tmp_path / "log.sqlite3"
    status, _, err = cli(
        capsys, "draft", "--db", db, "--case", "irs-ice-mou", "--component", "SSA,TIGTA",
        "--categories", "earlier-channels,tigta-evaluation", "--profile", PROFILE, "--out", tmp_path / "l",
    )  # fmt: skip
    assert status == 0, err
    out_file = tmp_path / "ssa.docx"
    status, out, err = cli(capsys, "package", 1, "--db", db, "--channel", "mail", "--out", out_file)
    assert status == 0, err
    envelope = docx_text(out_file.read_bytes()).split("FREEDOM OF INFORMATION ACT REQUEST")[0]
    assert "617 Altmeyer Building" in envelope and "Baltimore, MD 21235" in envelope
    assert "note: The mailing address for" in out and "is as of 2017-07-25" in out
    status, out, err = cli(
        capsys, "package", 2, "--db", db, "--channel", "mail", "--out", tmp_path / "t.docx"
    )
    assert status == 0 and "is as of" not in out


def test_a_closed_form_is_not_offered(tmp_path, capsys, monkeypatch):
    """A FOIA.gov form whose definition says status: closed takes no requests: Portal fields
    says so in one line instead of listing its fields."""
    import copy

    from foiadesk.core.letters import filing

    db = drafted(tmp_path, capsys)
    forms = copy.deepcopy(filing.portal_forms())
    forms["forms"]["dhs_ice"]["status"] = "closed"
    monkeypatch.setattr(filing, "portal_forms", lambda: forms)
    status, out, err = cli(capsys, "portal-fields", 1, "--db", db)
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "FOIA.gov's form for ICE (DHS-ICE) was closed" in err


def test_the_letter_uploaded_with_foia_gov_form_says_it_went_through_foia_gov(tmp_path, capsys):
    """The IRS accepts FOIA.gov's form (its FOIA guidelines page): the letter uploaded with
    that form says it was submitted through FOIA.gov, not through the IRS's own page."""
    db = tmp_path / "log.sqlite3"
    status, _, err = cli(
        capsys, "draft", "--db", db, "--case", "irs-ice-mou", "--component", "IRS",
        "--categories", "mou-text-and-drafts", "--profile", PROFILE, "--out", tmp_path / "l",
    )  # fmt: skip
    assert status == 0, err
    status, out, _ = cli(capsys, "portal-fields", 1, "--db", db)
    assert status == 0 and "--channel portal, writes it" in out
    out_file = tmp_path / "upload.docx"
    status, _, err = cli(capsys, "package", 1, "--db", db, "--channel", "portal", "--out", out_file)
    assert status == 0, err
    text = docx_text(out_file.read_bytes())
    assert "\nSubmitted through the FOIA portal at https://www.foia.gov\n" in text
    assert "irs.gov" not in text.split("Dear FOIA Officer")[0]
