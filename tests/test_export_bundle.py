"""Evidence bundles: what a user finds when they unzip one."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from test_export_scenario import AS_OF, CASE, build_log

from foiadesk.core.export.bundle import export_case, export_request
from foiadesk.core.export.files import (
    WINDOWS_RESERVED,
    ExportCancelled,
    ExportError,
    Folder,
    OutputExists,
    fixed_pdf,
    safe_name,
)
from foiadesk.core.letters.pdf import soffice
from foiadesk.core.paths import TEMPLATES
from foiadesk.core.store import log

ROOT = Path(__file__).resolve().parents[1]  # the checkout


TOP = "foia-request-1-ICE"


@pytest.fixture
def scenario(db):
    return build_log(db)


def unzip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word file, one per line."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def test_bundle_holds_every_file_as_stored_with_matching_hashes(db, scenario, tmp_path):
    out = tmp_path / "bundle.zip"
    result = export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False)
    files = unzip(out)
    manifest = json.loads(files[f"{TOP}/manifest.json"])
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(files) - {f"{TOP}/manifest.json"}
    for path, entry in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == entry["sha256"]
        assert len(files[path]) == entry["size"]
    # Every reply and letter comes out byte for byte as it went in.
    originals = {
        hashlib.sha256(data).hexdigest() for key, data in scenario["files"].items() if key != "fee letter"
    }
    assert originals <= {e["sha256"] for e in manifest["files"]}
    eml = listed[
        f"{TOP}/communications/003_2025-12-29_from-agency_acknowledged/FOIA-request-acknowledged.eml"
    ]
    assert (eml["event"], eml["date"], eml["event_type"], eml["role"]) == (
        scenario["ids"]["ack"],
        "2025-12-29",
        "acknowledged",
        "received",
    )
    assert eml["original_name"] == "FOIA request acknowledged.eml"
    assert b"Message-ID: <ack-10001@ice.dhs.example>" in files[eml["path"]]
    assert manifest["request"] == scenario["ids"]["a"] and manifest["as_of"] == "2026-11-25"
    assert result.files == len(files) and result.size == out.stat().st_size


def test_index_lists_every_communication_and_every_deadline(db, scenario, tmp_path):
    out = tmp_path / "bundle.zip"
    export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False)
    text = docx_text(unzip(out)[f"{TOP}/index.docx"])
    assert "Evidence index: FOIA request #1" in text
    assert "MOU drafts & address-verification records <ICE>" in text  # escaped, not lost
    for day, what in [
        ("2025-12-15", "Drafted"),
        ("2025-12-19", "Filed"),
        ("2025-12-29", "Acknowledged"),
        ("2026-02-10", "Determination"),
        ("2026-03-02", "Appeal filed"),
        ("2026-03-05", "Appeal acknowledged"),
    ]:
        assert re.search(rf"{day}\n(To agency|From agency|Internal)\n.*\n{what}", text), what
    assert "2026-ICFO-10001" in text and "A-2026-00042" in text
    assert "Partly granted; Partial grant: 120 pages released" in text
    assert "Private: called the liaison" not in text  # notes stay private
    assert (
        "Response due 2026-01-22, missed; constructive exhaustion from 2026-01-23 (the agency answered "
        "late, 2026-02-10); appeal the partial denial by 2026-06-18, met; appeal decision due 2026-04-01, "
        "missed; appeal: constructive exhaustion from 2026-04-02"
    ) in text
    assert (
        "Response due 2026-01-22 (owed by the agency): missed; answered 2026-02-10, 19 calendar days late"
        in text
    )
    assert "Constructive exhaustion from 2026-01-23: The agency answered late, on 2026-02-10" in text
    assert "administrative appeal is now the path (Oglesby" in text
    assert "Appeal decision due 2026-04-01 (owed by the agency): missed; still open on 2026-11-25" in text
    assert "Counted 20 working days after 2025-12-22: due 2026-01-22" in text  # the trace
    assert "not counted: 2026-01-19 Birthday of Martin Luther King, Jr." in text
    files = unzip(out)
    for name in files:
        if "/communications/" in name:
            short = name.split(f"{TOP}/", 1)[1]
            assert short in text  # the files list
            assert hashlib.sha256(files[name]).hexdigest() in text


def test_file_names_are_safe_unique_and_in_one_folder(db, scenario, tmp_path):
    out = tmp_path / "bundle.zip"
    export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False)
    names = list(unzip(out))
    folder = f"{TOP}/communications/004_2026-02-10_from-agency_determination/"
    assert {n[len(folder) :] for n in names if n.startswith(folder)} == {
        "letter.pdf",
        "Letter-2.PDF",
        "passwd",
        "_CON.txt",
        "Reponse-ete.eml",
    }
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert name.startswith(f"{TOP}/") and ".." not in name.split("/")
        assert re.fullmatch(r"[A-Za-z0-9._/-]+", name), name
        assert not any(part.startswith(".") for part in name.split("/"))


def test_zip_entries_are_sorted_with_fixed_times_and_permissions(db, scenario, tmp_path):
    out = tmp_path / "bundle.zip"
    export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False)
    with zipfile.ZipFile(out) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(2026, 11, 25, 0, 0, 0)}
    assert {(i.external_attr >> 16, i.create_system) for i in infos} == {(0o100644, 3)}
    with zipfile.ZipFile(io.BytesIO(unzip(out)[f"{TOP}/index.docx"])) as docx:
        assert {i.date_time for i in docx.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2026-11-25T00:00:00Z" in docx.read("docProps/core.xml")


def test_exporting_twice_gives_identical_archives(db, scenario, tmp_path):
    one, two = tmp_path / "one.zip", tmp_path / "two.zip"
    export_case(db, CASE, one, as_of=AS_OF, pdf=False)
    export_case(db, CASE, two, as_of=AS_OF, pdf=False)
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_with_libreoffice_letters_and_index_get_pdfs_and_stay_identical(db, scenario, tmp_path):
    from pypdf import PdfReader

    one, two = tmp_path / "one.zip", tmp_path / "two.zip"
    result = export_request(db, scenario["ids"]["a"], one, as_of=AS_OF)
    export_request(db, scenario["ids"]["a"], two, as_of=AS_OF)
    assert one.read_bytes() == two.read_bytes()
    files = unzip(one)
    assert result.index_pdf == "made by LibreOffice from the Word index" and result.notes == ()
    letter = f"{TOP}/communications/001_2025-12-15_internal_drafted/2025-12-15_irs-ice-mou_ICE_request"
    assert files[f"{letter}.pdf"].startswith(b"%PDF")
    manifest = json.loads(files[f"{TOP}/manifest.json"])
    copy = next(f for f in manifest["files"] if f["path"] == f"{letter}.pdf")
    assert copy["converted_from"] == f"{letter}.docx" and copy["role"] == "PDF copy"
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(files[f"{TOP}/index.pdf"])).pages)
    assert "Response due 2026-01-22" in " ".join(pdf_text.split())
    assert "2026-ICFO-10001" in pdf_text
    assert "2025-12-15_irs-ice-mou_ICE_request.pdf" in docx_text(files[f"{TOP}/index.docx"])


def test_without_libreoffice_the_bundle_says_no_pdf_could_be_made(db, scenario, tmp_path, monkeypatch):
    monkeypatch.setattr("foiadesk.core.letters.pdf.soffice", lambda: None)
    out = tmp_path / "bundle.zip"
    result = export_request(db, scenario["ids"]["a"], out, as_of=AS_OF)
    files = unzip(out)
    assert not [n for n in files if n.endswith(".pdf") and "drafted" in n]
    manifest = json.loads(files[f"{TOP}/manifest.json"])
    assert manifest["index_pdf"] is None and result.index_pdf is None
    assert (
        manifest["notes"]
        == list(result.notes)
        == [
            "LibreOffice is not installed, so no PDF copies were made; the letters and the index are "
            "included as Word files (open them in Word or LibreOffice and save them as PDF)."
        ]
    )
    text = docx_text(files[f"{TOP}/index.docx"])
    assert "No PDF of this index could be made; this Word file is the index." in text
    assert "Note: LibreOffice is not installed" in text


def test_case_bundle_has_a_case_index_and_each_request_in_its_folder(db, scenario, tmp_path):
    out = tmp_path / "case.zip"
    export_case(db, CASE, out, as_of=AS_OF, pdf=False)
    files = unzip(out)
    top = "foia-case-irs-ice-mou"
    assert f"{top}/request-001-ICE/index.docx" in files and f"{top}/request-002-IRS/index.docx" in files
    assert not [n for n in files if "request-003" in n]  # in another case
    text = docx_text(files[f"{top}/case-index.docx"])
    assert "Case index: IRS–ICE data-sharing memorandum of understanding (April 2025)" in text
    assert "#1\nICE\nMOU drafts & address-verification records <ICE>\nAppeal pending" in text
    assert "#2\nIRS\nIRS disclosure logs under 6103(i)(2)\nWaiting on requester\nF26-123456" in text
    assert (
        "Accept or narrow the fee estimate by 2026-12-01 (owed by the requester): open; 6 days left" in text
    )
    manifest = json.loads(files[f"{top}/manifest.json"])
    assert manifest["requests"] == [1, 2] and manifest["case"]["slug"] == CASE
    for entry in manifest["files"]:
        assert hashlib.sha256(files[entry["path"]]).hexdigest() == entry["sha256"]


def test_progress_counts_bytes_and_cancel_leaves_nothing(db, scenario, tmp_path):
    seen = []
    out = tmp_path / "bundle.zip"
    export_request(
        db,
        scenario["ids"]["a"],
        out,
        as_of=AS_OF,
        pdf=False,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    stop = tmp_path / "stopped.zip"
    with pytest.raises(ExportCancelled):
        export_request(
            db,
            scenario["ids"]["a"],
            stop,
            as_of=AS_OF,
            pdf=False,
            progress=lambda done, total: None,
            cancelled=lambda: bool(seen.pop()),
        )
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "bundle.zip",
        "log.sqlite3",
        "log.sqlite3-shm",
        "log.sqlite3-wal",
    ]

    def boom(done, total):
        if done:
            raise KeyboardInterrupt  # what a window's cancel may raise from its progress callback

    with pytest.raises(KeyboardInterrupt):
        export_request(db, scenario["ids"]["a"], stop, as_of=AS_OF, pdf=False, progress=boom)
    assert not stop.exists() and not list(tmp_path.glob(".*part"))


def test_bad_input_gets_one_clear_line_and_writes_nothing(db, scenario, tmp_path):
    out = tmp_path / "bundle.zip"
    with pytest.raises(ExportError, match="There is no request with id 99"):
        export_request(db, 99, out, as_of=AS_OF)
    with pytest.raises(ExportError, match="There is no case 'nope'. Cases: irs-ice-mou, other-case."):
        export_case(db, "nope", out, as_of=AS_OF)
    with pytest.raises(ExportError, match="does not exist"):
        export_request(db, 1, tmp_path / "missing" / "b.zip", as_of=AS_OF)
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export_request(db, 1, tmp_path / "log.sqlite3" / "b.zip", as_of=AS_OF)
    with pytest.raises(ExportError, match="is a folder"):
        export_request(db, 1, tmp_path, as_of=AS_OF)
    assert not out.exists()
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExists, match="already exists"):
        export_request(db, 1, out, as_of=AS_OF, pdf=False)
    assert out.read_bytes() == b"keep me"
    export_request(db, 1, out, as_of=AS_OF, pdf=False, force=True)
    assert zipfile.is_zipfile(out)
    assert not list(tmp_path.glob(".*part"))


def test_a_damaged_stored_file_stops_the_export(db, scenario, tmp_path):
    digest = hashlib.sha256(scenario["files"]["ack eml"]).hexdigest()
    db.execute("UPDATE files SET content = ? WHERE sha256 = ?", [b"tampered", digest])
    db.conn.commit()
    out = tmp_path / "bundle.zip"
    with pytest.raises(ExportError, match="FOIA request acknowledged.eml .* no longer matches its SHA-256"):
        export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False)
    assert not out.exists() and not list(tmp_path.glob(".*part"))


def test_a_request_never_filed_still_exports(db, scenario, tmp_path):
    out = tmp_path / "draft.zip"
    export_request(db, scenario["ids"]["c"], out, as_of=AS_OF, pdf=False)
    text = docx_text(unzip(out)["foia-request-3-ICE/index.docx"])
    assert "No communications have been logged." in text
    assert "No deadlines: the request has not been filed." in text
    assert "No files are attached to this request's events." in text


@given(st.text(max_size=300))
def test_safe_names_are_plain_short_and_never_empty(name):
    safe = safe_name(name)
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", safe) and len(safe) <= 100
    assert safe.split(".")[0].upper() not in WINDOWS_RESERVED


@given(st.lists(st.text(max_size=40), max_size=30))
def test_names_in_one_folder_never_clash(names):
    folder = Folder("x")
    taken = [folder.take(n) for n in names]
    assert len({t.casefold() for t in taken}) == len(taken)


def test_pdf_dates_and_ids_are_fixed_without_moving_offsets():
    pdf = (
        b"%PDF-1.4\n1 0 obj <</CreationDate(D:20261125155240+01'00')/ModDate (D:20261125155240Z)>>\n"
        b'<x:xmpmeta xmp:CreateDate="2026-11-25T15:53:07+00:00"/>\n'
        b"trailer <</ID [ <4B4AA1E7D3D3463769799A790819360B>\n<4B4AA1E7D3D3463769799A790819360B> ]"
        b"/DocChecksum /73E5541829E5D045DB2548B32B67D0E5>>"
    )
    later = pdf.replace(b"155240", b"101010").replace(b"4B4AA1", b"123456").replace(b"15:53:07", b"09:00:01")
    fixed = fixed_pdf(pdf, date(2026, 1, 2))
    assert fixed == fixed_pdf(later, date(2026, 1, 2)) and len(fixed) == len(pdf)
    assert b"(D:20260102000000+00'00')" in fixed and b'"2026-01-02T00:00:00+00:00"' in fixed
    assert fixed_pdf(fixed, date(2026, 1, 2)) == fixed


def test_index_templates_match_their_builder(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_index_template", ROOT / "scripts" / "build_index_template.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.main(tmp_path)
    for name in build.TEMPLATES:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), (
            f"templates/{name} is stale: run scripts/build_index_template.py"
        )


def test_a_users_own_index_template_is_used_and_a_broken_one_refused(db, scenario, tmp_path):
    from foiadesk.core.letters.drafting import TemplateError

    mine = tmp_path / "mine"
    mine.mkdir()
    doc = Document()
    doc.add_paragraph("Exhibit list for request {{ request.id }}: {{ communications|length }} items")
    doc.save(mine / "bundle_index.docx")
    out = tmp_path / "bundle.zip"
    export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False, templates_dir=mine)
    assert "Exhibit list for request 1: 6 items" in docx_text(unzip(out)[f"{TOP}/index.docx"])

    doc.add_paragraph("{{ no_such_thing }}")
    doc.save(mine / "bundle_index.docx")
    with pytest.raises(TemplateError, match="unknown variable 'no_such_thing'"):
        export_request(
            db, scenario["ids"]["a"], tmp_path / "b.zip", as_of=AS_OF, pdf=False, templates_dir=mine
        )
    assert not (tmp_path / "b.zip").exists() and not list(tmp_path.glob(".*part"))


def test_a_file_attached_to_a_note_is_in_the_bundle_and_a_bare_note_is_not(db, scenario, tmp_path):
    request_id = scenario["ids"]["a"]
    screenshot = b"\x89PNG portal status page: 'In process'"
    log.record_event(
        db,
        request_id,
        log.NewEvent(
            "note",
            date(2026, 2, 2),
            summary="Portal status checked",
            files=(log.Attachment("portal-status.png", screenshot, "image/png"),),
        ),
    )
    log.record_event(db, request_id, log.NewEvent("note", date(2026, 2, 3), summary="private thought"))
    out = tmp_path / "bundle.zip"
    export_request(db, request_id, out, as_of=AS_OF, pdf=False)
    files = unzip(out)
    manifest = json.loads(files[f"{TOP}/manifest.json"])
    stored = [f for f in manifest["files"] if f["sha256"] == hashlib.sha256(screenshot).hexdigest()]
    assert len(stored) == 1 and stored[0]["event_type"] == "note" and stored[0]["date"] == "2026-02-02"
    assert files[stored[0]["path"]] == screenshot
    assert all(b"private thought" not in data for data in files.values())


def test_indexes_left_without_a_pdf_are_counted_not_listed():
    """A case of a thousand requests whose indexes LibreOffice did not all convert: the note
    counts them and names the first few (it named every one, in a single line)."""
    from foiadesk.core.export.bundle import unconverted_note

    failed = [f"case/request-{n:04d}-ICE/index.docx" for n in range(392, 1367)]
    note = unconverted_note(failed, 1221)
    assert note == (
        "LibreOffice could not convert 975 of the 1,221 indexes to PDF (case/request-0392-ICE/index.docx, "
        "case/request-0393-ICE/index.docx, case/request-0394-ICE/index.docx and 972 more); their Word "
        "indexes are included."
    )
    one = unconverted_note(["request-0001-ICE/index.docx"], 1)
    assert (
        one == "LibreOffice could not convert request-0001-ICE/index.docx to PDF; the Word index is included."
    )


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_indexes_are_converted_in_batches_each_getting_its_pdf(db, scenario, tmp_path, monkeypatch):
    """LibreOffice stops after 246 files in one run (saying nothing), so files go to it in
    batches; here batches of two, so a case's indexes take several runs and each gets its PDF."""
    from foiadesk.core.export import bundle

    monkeypatch.setattr(bundle, "LIBREOFFICE_BATCH", 2)
    out = tmp_path / "case.zip"
    result = export_case(db, CASE, out, as_of=AS_OF)
    files = unzip(out)
    indexes = [name for name in files if name.endswith("index.docx")]
    assert len(indexes) > 2  # the case's index and one per request: more than one batch
    assert all(files.get(name[: -len(".docx")] + ".pdf", b"").startswith(b"%PDF") for name in indexes)
    assert result.notes == ()


def test_a_bundle_names_its_folder_by_the_office_as_the_list_shows_it_never_a_directory_key(db, tmp_path):
    from foiadesk.core.reference.directory import load_directory

    for key in ("DHS-PRIV", "hud--headquarters"):
        rid = log.add_directory_request(db, load_directory().component(key), title="Leases").new_id
        out = tmp_path / f"{rid}.zip"
        export_request(db, rid, out, as_of=AS_OF, pdf=False)
        tops = {name.split("/")[0] for name in unzip(out)}
        assert tops == {f"foia-request-{rid}-" + {1: "DHS-Privacy", 2: "HUD-Headquarters"}[rid]}


def test_the_records_sought_stay_apart_in_the_index(db, tmp_path):
    """A letter drafted in Compose asks for several kinds of record, one a line: the index
    says them apart, not run together ("…and amendments ICE's written requests…")."""
    from foiadesk.core.reference.directory import load_directory

    description = "The agreement, its drafts and amendments\nICE's written requests for taxpayer addresses"
    request_id = log.add_directory_request(
        db, load_directory().component("ICE"), title="MOU records", description=description
    ).new_id
    out = tmp_path / "bundle.zip"
    export_request(db, request_id, out, as_of=AS_OF, pdf=False)
    text = docx_text(unzip(out)[f"foia-request-{request_id}-ICE/index.docx"])
    assert "The agreement, its drafts and amendments; ICE's written requests for taxpayer addresses" in text
