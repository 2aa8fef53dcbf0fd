"""Round trip: import real agency replies (.eml, .msg, .pdf), export the case, unzip it, and
find everything again: every file byte for byte under its hash, every communication and
deadline in the index, the same rows in the spreadsheet as in the list, every open
deadline in the calendar."""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook

from foiadesk.core.export.bundle import clock_lines, export_case
from foiadesk.core.export.ics import export_calendar
from foiadesk.core.export.sheet import HEADERS, ListFilter, export_list
from foiadesk.core.replies.importing import accept, read_and_propose
from foiadesk.core.store import log
from foiadesk.core.tracking.tracker import view_request

ROOT = Path(__file__).resolve().parents[1]  # the checkout

REPLIES = ROOT / "tests" / "fixtures" / "replies"
AS_OF = date(2026, 11, 25)
HISTORIES = {  # component: (filed on, replies imported in order)
    "ICE": ("2026-09-28", ["ice-ack.eml", "ice-partial.eml"]),
    "IRS": ("2026-08-10", ["irs-ack.pdf", "irs-partial.pdf"]),
    "TIGTA": ("2026-10-16", ["tigta-extension.msg", "tigta-denial.pdf"]),
}


@pytest.fixture
def imported(db):
    log.add_case(db, slug="irs-ice-mou", name="IRS–ICE memorandum of understanding")
    case_id = db.execute("SELECT id FROM cases").fetchone()[0]
    ids = {}
    for abbr, (filed, replies) in HISTORIES.items():
        component = log.ensure_component(db, abbr=abbr, name=f"{abbr} FOIA office", agency_abbr=abbr,
                                         agency_name=abbr)  # fmt: skip
        rid = log.add_request(
            db, title=f"MOU records held by {abbr}", component_id=component, case_id=case_id
        ).new_id
        log.record_event(
            db, rid, log.NewEvent("filed", date.fromisoformat(filed), channel="portal"), today=AS_OF
        )
        for name in replies:
            reply, proposal = read_and_propose(REPLIES / name)
            accept(db, rid, proposal, reply, today=AS_OF)
        ids[abbr] = rid
    return ids


def test_imported_replies_come_back_out_of_the_bundle(db, imported, tmp_path):
    out = tmp_path / "case.zip"
    export_case(db, "irs-ice-mou", out, as_of=AS_OF, pdf=False)
    with zipfile.ZipFile(out) as zf:
        zf.extractall(tmp_path / "unzipped")
    top = tmp_path / "unzipped" / "foia-case-irs-ice-mou"
    manifest = json.loads((top / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (tmp_path / "unzipped" / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    by_hash = {e["sha256"]: e for e in manifest["files"]}
    for abbr, (_, replies) in HISTORIES.items():
        for name in replies:
            original = (REPLIES / name).read_bytes()
            entry = by_hash[hashlib.sha256(original).hexdigest()]  # exactly as imported
            assert (entry["original_name"], entry["request"], entry["role"]) == (
                name,
                imported[abbr],
                "received",
            )
            assert Path(entry["path"]).name == name

    for abbr, rid in imported.items():
        folder = next(top.glob(f"request-*-{abbr}"))
        doc = Document(folder / "index.docx")
        text = "\n".join(
            [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
        )
        view = view_request(db, rid)
        for ev in view.events:
            assert ev.occurred_on.isoformat() in text and ev.kind.label in text, (abbr, ev.type)
        for number in view.tracking_numbers:
            assert number in text
        for clock in view.clocks:
            assert clock_lines(clock, AS_OF)[1] in text, (abbr, clock.key)


def test_list_and_calendar_agree_with_the_list_view_and_the_agenda(db, imported, tmp_path):
    from foiadesk.core.deadlines.calendar import calendar
    from foiadesk.core.tracking.listing import RequestIndex

    export_list(db, ListFilter(), tmp_path / "l.csv", fmt="csv", as_of=AS_OF)
    export_list(db, ListFilter(), tmp_path / "l.xlsx", fmt="xlsx", as_of=AS_OF)
    with open(tmp_path / "l.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {int(r["#"]): r for r in csv.DictReader(fh)}
    sheet = [[c.value for c in row] for row in load_workbook(tmp_path / "l.xlsx").active.iter_rows()]
    assert tuple(sheet[0]) == HEADERS and sorted(r[0] for r in sheet[1:]) == sorted(rows)

    index = RequestIndex.load(db, calendar(), today=AS_OF)  # what the window's list shows
    cols = index.columns
    for i, rid in enumerate(cols["id"].tolist()):
        row = rows[rid]
        assert row["Status"] == cols["status"][i]
        assert row["Tracking no."] == cols["tracking"][i]
        due = int(cols["next_due"][i])
        assert row["Due"] == (date.fromordinal(due).isoformat() if due > 0 else "")

    export_calendar(db, tmp_path / "d.ics", as_of=AS_OF)
    events = Calendar.from_ical((tmp_path / "d.ics").read_bytes()).walk("VEVENT")
    views = [view_request(db, rid) for rid in cols["id"].tolist()]  # the per-request engine
    want = sorted(
        (c.due, v.id) for v in views for c in v.clocks if c.is_open and c.due and c.unit != "milestone"
    )
    assert sorted((e.decoded("dtstart"), int(str(e["uid"]).split("-")[1])) for e in events) == want
    assert want
