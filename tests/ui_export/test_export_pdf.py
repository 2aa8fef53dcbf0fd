"""The window's Qt maker of index PDFs, run offscreen: the PDF shows what the Word index
shows, the same data gives the same bytes, and the bundle carries it."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from pypdf import PdfReader
from test_export_scenario import AS_OF, CASE, build_log

from foiadesk.core.export.bundle import export_case, export_request, index_data


@pytest.fixture
def scenario(db):
    return build_log(db)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_index_pdf_shows_every_communication_and_deadline(qapp, db, scenario):
    from foiadesk.ui.export_pdf import index_pdf

    index = index_data(db, scenario["ids"]["a"], as_of=AS_OF)
    pdf = index_pdf(index)
    assert pdf.startswith(b"%PDF") and pdf == index_pdf(index)
    text = pdf_text(pdf)
    assert "Evidence index: FOIA request #1" in text
    assert "MOU drafts & address-verification records <ICE>" in text
    for row in index["communications"]:
        assert row["date"] in text and row["event"] in text
    for clock in index["clocks"]:
        assert clock["headline"] in text
    assert "Counted 20 working days after 2025-12-22: due 2026-01-22" in text
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"Page {pages} of {pages}" in text


def test_bundles_carry_the_qt_pdf_when_the_window_passes_it(qapp, db, scenario, tmp_path):
    from foiadesk.ui.export_pdf import index_pdf

    out = tmp_path / "one.zip"
    result = export_request(db, scenario["ids"]["a"], out, as_of=AS_OF, pdf=False, pdf_maker=index_pdf)
    assert result.index_pdf == "made by FoiaDesk (Qt)"
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("foia-request-1-ICE/manifest.json"))
        assert manifest["index_pdf"] == "made by FoiaDesk (Qt)"
        assert "Appeal decision due 2026-04-01" in pdf_text(zf.read("foia-request-1-ICE/index.pdf"))

    case, again = tmp_path / "case.zip", tmp_path / "again.zip"
    export_case(db, CASE, case, as_of=AS_OF, pdf=False, pdf_maker=index_pdf)
    export_case(db, CASE, again, as_of=AS_OF, pdf=False, pdf_maker=index_pdf)
    assert case.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(case) as zf:
        text = pdf_text(zf.read("foia-case-irs-ice-mou/case-index.pdf"))
    assert "Case index: IRS–ICE data-sharing memorandum of understanding (April 2025)" in text
    assert "IRS disclosure logs under 6103(i)(2)" in text and "request-002-IRS/" in text
