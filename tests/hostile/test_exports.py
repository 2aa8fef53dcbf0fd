"""Hostile titles (control characters pasted from Word, formulas, Unicode line separators)
go through every export and are parsed back by the readers users open them with: the list
as CSV and XLSX, the calendar (.ics, RFC 5545 TEXT), and the evidence bundle (ZIP, JSON
manifest, Word index)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date

import pytest

from foiadesk.core.export.bundle import export_request
from foiadesk.core.export.ics import export_calendar
from foiadesk.core.export.sheet import ListFilter, export_list
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

AS_OF = date(2026, 11, 25)

# (title as typed or pasted, what every export must show). Expected values are written out
# by hand: control characters read as a space, a Windows line ending as a line feed.
HOSTILE = [
    ("Word\vline break", "Word line break"),
    ("bell\x07and escape\x1b[31m red", "bell and escape [31m red"),
    ("nul\x00byte and DEL\x7f", "nul byte and DEL "),
    ("form\x0cfeed and C1\x85next\x9bcsi", "form feed and C1 next csi"),
    ('=HYPERLINK("http://x","click")', '=HYPERLINK("http://x","click")'),
    ("\x0b=1+1 hidden formula", "=1+1 hidden formula"),  # the log trims the title
    ('semicolon; comma, backslash\\ and "quotes"', 'semicolon; comma, backslash\\ and "quotes"'),
    ("line\r\nseparator\u2028paragraph\u2029end", "line\nseparator\u2028paragraph\u2029end"),
]
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def hostile_log(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite3"
    db = connect(path)
    ice = load_directory().component("ICE")
    for title, _ in HOSTILE:
        request_id = log.add_directory_request(db, ice, title=title).new_id
        log.record_event(
            db,
            request_id,
            log.NewEvent("filed", date(2026, 11, 2), channel="email", summary=title),
            today=AS_OF,
        )
    return db


def titles_in(text: str) -> list[str]:
    return [expected for _, expected in HOSTILE if expected in text]


def test_csv_reads_back_clean(hostile_log, tmp_path):
    out = tmp_path / "list.csv"
    assert export_list(hostile_log, ListFilter(), out, fmt="csv", as_of=AS_OF) == len(HOSTILE)
    text = out.read_bytes().decode("utf-8-sig")
    assert not CONTROL.search(text)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    title = rows[0].index("Title")
    got = {row[0]: row[title] for row in rows[1:]}
    for i, (_, expected) in enumerate(HOSTILE, 1):
        shown = "'" + expected if expected.lstrip(" ").startswith("=") else expected
        assert got[str(i)] == shown


def test_xlsx_opens_and_reads_back_clean(hostile_log, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "list.xlsx"
    assert export_list(hostile_log, ListFilter(), out, fmt="xlsx", as_of=AS_OF) == len(HOSTILE)
    sheet = load_workbook(out)["Requests"]
    title = [c.value for c in sheet[1]].index("Title")
    rows = list(sheet.iter_rows(min_row=2))
    got = {row[0].value: row[title] for row in rows}
    for i, (_, expected) in enumerate(HOSTILE, 1):
        assert got[i].value == expected and got[i].data_type == "s"  # text, never a formula


def test_ics_is_rfc5545_text_and_reads_back(hostile_log, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "deadlines.ics"
    assert export_calendar(hostile_log, out, as_of=AS_OF) == len(HOSTILE)
    raw = out.read_bytes()
    assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", raw.replace(b"\r\n", b""))  # only CRLF line ends
    events = Calendar.from_ical(raw).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    for _, expected in HOSTILE:
        assert sum(expected in s for s in summaries) == 1, expected


def test_bundle_manifest_and_word_index_read_back(hostile_log, tmp_path):
    from docx import Document

    for i, (_, expected) in enumerate(HOSTILE, 1):
        out = tmp_path / f"bundle-{i}.zip"
        export_request(hostile_log, i, out, as_of=AS_OF, pdf=False)
        with zipfile.ZipFile(out) as z:
            assert z.testzip() is None
            manifest = json.loads(z.read(next(n for n in z.namelist() if n.endswith("manifest.json"))))
            index = Document(io.BytesIO(z.read(next(n for n in z.namelist() if n.endswith(".docx")))))
        assert manifest
        words = "\n".join(p.text for p in index.paragraphs)
        words += "\n".join(c.text for t in index.tables for row in t.rows for c in row.cells)
        assert expected.split("\n")[0] in words
        assert not CONTROL.search(words)
