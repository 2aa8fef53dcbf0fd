"""The request list as CSV and XLSX: the rows match what the log says about each request."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from test_export_scenario import AS_OF, CASE, build_log

from foiadesk.core.export.files import OutputExists
from foiadesk.core.export.sheet import HEADERS, ListError, ListFilter, export_list, list_rows
from foiadesk.core.tracking.tracker import view_request


@pytest.fixture
def scenario(db):
    return build_log(db)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def ids(db, **kw) -> list[int]:
    return list_rows(db, ListFilter(**kw), as_of=AS_OF).ids


def as_dicts(rows) -> list[dict]:
    return [dict(zip(HEADERS, values, strict=True)) for values in rows.values()]


def test_rows_agree_with_each_request_as_the_tracker_shows_it(tmp_path):
    """On a realistic log, every row's status, tracking numbers and open deadlines are those
    the per-request engine (with its traces) gives."""
    from foiadesk.core.demo import write_demo
    from foiadesk.core.store.db import connect

    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=300, seed=5, today=AS_OF)
    db = connect(path)
    rows = as_dicts(list_rows(db, ListFilter(), as_of=AS_OF))
    assert sorted(r["#"] for r in rows) == list(range(1, 301))
    owed = {"agency": "agency", "requester": "you"}
    for row in rows:
        view = view_request(db, row["#"])
        assert row["Status"] == view.status and row["Tracking no."] == ", ".join(view.tracking_numbers)
        estimate = next((c.due for c in view.clocks if c.key == "estimate" and c.is_open), None)
        assert row["Est. completion"] == estimate, row["#"]  # a column of its own, not in the labels

        def label(c):
            return c.label

        open_ = [(c.due, label(c), c.owed_by) for c in view.clocks if c.owed(AS_OF)]
        open_.sort(key=lambda d: d[0])
        assert row["Open deadlines"] == "; ".join(f"{lbl} {due} ({owed[who]})" for due, lbl, who in open_)
        nxt = view.next_on(AS_OF)
        assert row["Due"] == (nxt.due if nxt else None), row["#"]
        if nxt:
            assert row["Next deadline · owed by"] == f"{label(nxt)} · {owed[nxt.owed_by]}"
    dues = [r["Due"] for r in rows if r["Due"]]
    assert dues == sorted(dues) and all(r["Due"] is None for r in rows[len(dues) :])


def test_csv_has_the_list_columns(db, scenario, tmp_path):
    out = tmp_path / "list.csv"
    assert export_list(db, ListFilter(), out, fmt="csv", as_of=AS_OF) == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the en dash in the case name
    rows = read_csv(out)
    assert list(rows[0]) == list(HEADERS)
    a, b, c = (next(r for r in rows if r["#"] == str(i)) for i in (1, 2, 3))
    assert a == {
        "#": "1",
        "Title": "MOU drafts & address-verification records <ICE>",
        "Status": "Appeal pending",
        "Days left": "238 days overdue",  # 2026-04-01 to 2026-11-25
        "Next deadline · owed by": "Appeal decision due · agency",
        "Due": "2026-04-01",
        "Est. completion": "",
        "Component": "ICE",
        "Case": "IRS–ICE data-sharing memorandum of understanding (April 2025)",
        "Tracking no.": "2026-ICFO-10001, A-2026-00042",
        "Filed": "2025-12-19",
        "Fees": "",
        "Received": "2025-12-22",
        "Days outstanding": "53",  # filed 2025-12-19, determination 2026-02-10
        "Open deadlines": "Appeal decision due 2026-04-01 (agency)",
        "Tags": "litigation hold, priority",
    }
    assert b["Open deadlines"] == (
        "Response due 2026-11-02 (agency); Accept or narrow the fee estimate by 2026-12-01 (you)"
    )
    assert (b["Fees"], b["Days outstanding"], b["Status"]) == ("$480.00 est.", "55", "Waiting on requester")
    assert (c["Status"], c["Filed"], c["Due"], c["Days outstanding"]) == ("Draft", "", "", "")
    assert [r["#"] for r in rows] == ["1", "2", "3"]  # next deadline first, none last


def test_xlsx_has_the_same_rows_as_real_dates(db, scenario, tmp_path):
    out, again = tmp_path / "list.xlsx", tmp_path / "again.xlsx"
    export_list(db, ListFilter(), out, fmt="xlsx", as_of=AS_OF)
    export_list(db, ListFilter(), again, fmt="xlsx", as_of=AS_OF)
    assert out.read_bytes() == again.read_bytes()
    export_list(db, ListFilter(), tmp_path / "list.csv", fmt="csv", as_of=AS_OF)
    sheet = load_workbook(out).active
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert tuple(cells[0]) == HEADERS
    for got, want in zip(cells[1:], read_csv(tmp_path / "list.csv"), strict=True):
        for header, value in zip(HEADERS, got, strict=True):
            if isinstance(value, datetime):
                value = value.date().isoformat()
            assert ("" if value is None else str(value)) == want[header], header
    filed = sheet.cell(2, HEADERS.index("Filed") + 1)
    assert filed.is_date and filed.number_format == "yyyy-mm-dd"


def test_no_case_and_the_lists_order(db, scenario):
    from foiadesk.core.store import log

    assert ids(db, case="none") == []
    ice = db.execute("SELECT component_id FROM requests WHERE id = 1").fetchone()[0]
    loose = log.add_request(db, title="Asked without a case", component_id=ice).new_id
    assert ids(db, case="none") == [loose]
    assert ids(db, sort="title") == [loose, 3, 2, 1]  # Asked…, Draft…, IRS…, MOU…
    assert ids(db, sort="id", descending=True) == [loose, 3, 2, 1]
    assert ids(db, sort="title", descending=True, case="none") == [loose]


def test_text_that_looks_like_a_formula_stays_text(db, scenario, tmp_path):
    db.execute('UPDATE requests SET title = \'=HYPERLINK("http://x","y")\' WHERE id = 3')
    db.conn.commit()
    export_list(db, ListFilter(), tmp_path / "l.csv", fmt="csv", as_of=AS_OF)
    export_list(db, ListFilter(), tmp_path / "l.xlsx", fmt="xlsx", as_of=AS_OF)
    assert read_csv(tmp_path / "l.csv")[2]["Title"] == '\'=HYPERLINK("http://x","y")'
    cell = load_workbook(tmp_path / "l.xlsx").active.cell(4, HEADERS.index("Title") + 1)
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"


def test_filters_select_what_the_list_view_would_show(db, scenario):
    assert ids(db, case=CASE) == [1, 2]
    assert ids(db, component="IRS") == [2]
    assert ids(db, status="waiting on requester") == [2]
    assert ids(db, status="open") == [1, 2, 3]
    assert ids(db, status="finished") == []
    assert ids(db, deadline="overdue") == [1, 2]
    assert ids(db, deadline="needs_me") == [2]
    assert ids(db, deadline="due_soon") == ids(db, deadline="this_week") == []
    assert ids(db, deadline="none") == [3]
    assert ids(db, search="address-verification") == [1]
    assert ids(db, search="ICFO") == [1]
    assert ids(db, search="#2") == [2]
    assert ids(db, search="#2", component="ICE") == []


def test_finished_requests_and_deadlines_coming_up(db, scenario):
    from foiadesk.core.store import log

    def record(request_id, type_, on, **kw):
        log.record_event(db, request_id, log.NewEvent(type_, date.fromisoformat(on), **kw), today=AS_OF)

    record(2, "determination", "2026-11-20", outcome="full_grant")
    assert ids(db, status="finished") == [2]
    record(1, "appeal_decided", "2026-11-24", outcome="denied")
    assert ids(db, status="finished") == [1, 2] and ids(db, status="open") == [3]
    record(3, "filed", "2026-11-02", channel="portal")  # response due 2026-12-02, in 7 days
    assert ids(db, deadline="due_soon") == [] and ids(db, deadline="due_soon", soon_days=7) == [3]
    assert ids(db, deadline="this_week") == []  # the week ends on Sunday 2026-11-29
    assert ids(db, deadline="none") == [1, 2]


def test_bad_filters_and_outputs_are_refused(db, scenario, tmp_path):
    with pytest.raises(ListError, match="There is no case 'nope'"):
        list_rows(db, ListFilter(case="nope"), as_of=AS_OF)
    with pytest.raises(ListError, match="There is no component 'XYZ'"):
        list_rows(db, ListFilter(component="XYZ"), as_of=AS_OF)
    with pytest.raises(ListError, match="Deadline state must be one of"):
        list_rows(db, ListFilter(deadline="soonish"), as_of=AS_OF)
    with pytest.raises(ListError, match="Format must be one of"):
        export_list(db, ListFilter(), tmp_path / "x.ods", fmt="ods", as_of=AS_OF)
    out = tmp_path / "x.csv"
    out.write_text("mine")
    with pytest.raises(OutputExists):
        export_list(db, ListFilter(), out, fmt="csv", as_of=AS_OF)
    assert out.read_text() == "mine"
    with pytest.raises(ListError):
        export_list(db, ListFilter(case="nope"), tmp_path / "y.csv", fmt="csv", as_of=AS_OF)
    assert not (tmp_path / "y.csv").exists() and not list(tmp_path.glob(".*part"))


def test_csv_reads_back_as_io(db, scenario):
    from foiadesk.core.export.sheet import csv_bytes

    text = csv_bytes(list_rows(db, ListFilter(), as_of=AS_OF)).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 4
