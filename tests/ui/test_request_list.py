"""The request list in memory (core.listing, core.agenda, core.casegrid): the same dates
and statuses as the per-request engine, kept up to date row by row after writes."""

import sqlite3
from datetime import date

import pytest
from conftest import TODAY

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.tracking.agenda import open_deadlines
from foiadesk.core.tracking.casegrid import case_grid
from foiadesk.core.tracking.listing import CLOCKS, NONE, OWED_BY, Filter, RequestIndex, search_ids
from foiadesk.core.tracking.tracker import view_request


@pytest.fixture
def demo_db(demo_copy):
    db = connect(demo_copy)
    yield db
    db.close()


def row_as_tracker_sees_it(index, row):
    nxt = index.next_deadline(row)
    return (
        index.columns["status"][row],
        index.columns["tracking"][row],
        (nxt[1], OWED_BY[nxt[0]]) if nxt else None,
    )


def tracker_row(db, request_id, cal):
    view = view_request(db, request_id, cal=cal)
    nxt = view.next_on(TODAY)
    return view.status, ", ".join(view.tracking_numbers), (nxt.due, nxt.owed_by) if nxt else None


def test_every_row_matches_the_per_request_engine(demo_db):
    cal = calendar()
    index = RequestIndex.load(demo_db, cal, today=TODAY)
    assert len(index) == 120
    for row, request_id in enumerate(index.columns["id"].tolist()):
        assert row_as_tracker_sees_it(index, row) == tracker_row(demo_db, request_id, cal), request_id


def test_agenda_matches_the_per_request_engine(demo_db):
    cal = calendar()
    index = RequestIndex.load(demo_db, cal, today=TODAY)
    found = open_deadlines(index)
    ours = sorted(
        (int(index.columns["id"][r]), OWED_BY[CLOCKS[c]], date.fromordinal(d), found.label(i))
        for i, (r, c, d) in enumerate(
            zip(found.rows.tolist(), found.clocks.tolist(), found.due.tolist(), strict=True)
        )
    )
    theirs = sorted(  # every deadline still owed: each reply on its own, no window that passed unused
        (view.id, clock.owed_by, clock.due, clock.label)
        for view in (view_request(demo_db, rid, cal=cal) for rid in index.columns["id"].tolist())
        for clock in view.clocks
        if clock.owed(TODAY)
    )
    assert ours == theirs
    assert found.due.tolist() == sorted(found.due.tolist())


def test_a_write_refreshes_only_its_row(demo_db):
    cal = calendar()
    index = RequestIndex.load(demo_db, cal, today=TODAY)
    component = demo_db.execute("SELECT id FROM components WHERE abbr = 'ICE'").fetchone()[0]
    added = log.add_request(demo_db, title="Address-matching error reports", component_id=component)
    index.refresh(demo_db, added.request_ids)
    row = index.row_of(added.new_id)
    assert row == 120 and index.columns["status"][row] == "Draft" and index.next_deadline(row) is None

    log.record_event(demo_db, added.new_id, log.NewEvent("filed", date(2026, 11, 2)), today=TODAY)
    before = {k: v.copy() for k, v in index.columns.items()}
    index.refresh(demo_db, {added.new_id})
    assert index.row_of(added.new_id) == row
    assert row_as_tracker_sees_it(index, row) == tracker_row(demo_db, added.new_id, cal)
    assert index.next_deadline(row) == ("response", date(2026, 12, 2))  # Nov 11, 26 are holidays
    changed = [k for k in before if (before[k][:120] != index.columns[k][:120]).any()]
    assert changed == []  # the other 120 rows were left alone


def test_filters_and_orders(demo_db):
    index = RequestIndex.load(demo_db, calendar(), today=TODAY)
    everything = index.select(Filter(), today=TODAY)
    assert sorted(everything.tolist()) == list(range(120))
    due = index.columns["next_due"][everything]
    dated = due[due != NONE]
    assert (dated[:-1] <= dated[1:]).all() and (due[len(dated) :] == NONE).all()  # no date last

    overdue = index.select(Filter(deadline="overdue"), today=TODAY)
    assert len(overdue) and (index.columns["next_due"][overdue] < TODAY.toordinal()).all()
    ice = index.select(Filter(component="ICE"), today=TODAY)
    assert set(index.columns["component"][ice]) == {"ICE"}
    open_, finished = (index.select(Filter(status=s), today=TODAY) for s in ("open", "finished"))
    assert set(open_.tolist()).isdisjoint(finished.tolist())
    assert len(open_) + len(finished) == 120

    titles = index.columns["title"][index.order("title", descending=True)].tolist()
    assert titles == sorted(titles, key=str.casefold, reverse=True)


def test_search_finds_text_tracking_numbers_and_request_numbers(demo_db):
    index = RequestIndex.load(demo_db, calendar(), today=TODAY)
    row = next(i for i, t in enumerate(index.columns["tracking"].tolist()) if t)
    number = index.columns["tracking"][row].split(", ")[0]
    request_id = int(index.columns["id"][row])
    assert request_id in search_ids(demo_db, index, number[-5:])
    assert search_ids(demo_db, index, f"#{request_id}") == {request_id}
    memo = search_ids(demo_db, index, "memorandum")
    assert memo and all("memorandum" in index.columns["title"][index.row_of(i)].lower() for i in memo)


def test_a_number_logged_after_the_list_was_read_is_found_whole(demo_db):
    index = RequestIndex.load(demo_db, calendar(), today=TODAY)
    assert search_ids(demo_db, index, "quokka-appeal") == frozenset()
    request_id = int(index.columns["id"][index.select(Filter(status="open"), today=TODAY)[0]])
    number = "2026-QUOKKA-APPEAL-000000000000000000000123"  # longer than any number in the log
    event = log.record_event(
        demo_db, request_id, log.NewEvent("note", TODAY, summary="Appeal number"), today=TODAY
    )
    log.add_request_number(demo_db, request_id, event.new_id, number)
    index.refresh(demo_db, {request_id})
    assert search_ids(demo_db, index, "quokka-appeal") == {request_id}
    assert search_ids(demo_db, index, "APPEAL-0000000000000000000001") == {request_id}
    assert search_ids(demo_db, index, number.lower()) == {request_id}


def test_a_long_number_in_a_later_chunk_of_the_reading_is_found_whole(demo_db, monkeypatch):
    import foiadesk.core.tracking.listing as listing

    last = max(demo_db.execute("SELECT id FROM requests").fetchall())[0]
    number = "2026-QUOKKA-APPEAL-000000000000000000000456"  # longer than any in the first chunk
    event = log.record_event(demo_db, last, log.NewEvent("note", TODAY, summary="Appeal number"), today=TODAY)
    log.add_request_number(demo_db, last, event.new_id, number)
    monkeypatch.setattr(listing, "CHUNK", 50)  # 120 requests: the number is read in the third chunk
    index = RequestIndex.load(demo_db, calendar(), today=TODAY)
    assert search_ids(demo_db, index, "APPEAL-000000000000000000000456") == {last}


def test_loading_reports_progress_and_stops_when_asked(demo_db, monkeypatch):
    import foiadesk.core.tracking.listing as listing

    monkeypatch.setattr(listing, "CHUNK", 50)
    seen = []
    RequestIndex.load(demo_db, calendar(), on_progress=lambda done, total: seen.append((done, total)))
    assert seen == [(50, 120), (100, 120), (120, 120)]

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):
        RequestIndex.load(demo_db, calendar(), on_progress=stop)


def test_case_grid_counts_every_request_and_shows_the_packs_gaps(demo_db):
    index = RequestIndex.load(demo_db, calendar(), today=TODAY)
    case_id, slug = demo_db.execute("SELECT id, slug FROM cases WHERE slug = 'irs-ice-mou-2025'").fetchone()
    pack = next(p for p in shipped_case_packs() if p.id == slug)
    rows = case_grid(index, demo_db, case_id, today=TODAY, pack=pack)
    in_case = int((index.columns["case_id"] == case_id).sum())
    assert sum(r.requests for r in rows) == in_case
    assert all(sum(r.groups) == r.requests for r in rows)
    gap = next(r for r in rows if r.component == "DOJ-CIV")  # the pack names it; the demo never asks it
    assert gap.requests == 0 and gap.pack_categories and gap.component_name == "Civil Division"
    irs = next(r for r in rows if r.component == "IRS")
    fees = demo_db.execute(
        "SELECT coalesce(sum(f.amount_cents), 0) FROM fees f JOIN requests r ON r.id = f.request_id "
        "JOIN components c ON c.id = r.component_id "
        "WHERE r.case_id = ? AND c.abbr = 'IRS' AND f.kind = 'estimate'",
        [case_id],
    ).fetchone()[0]
    assert irs.estimated_cents == fees


def test_voided_events_leave_the_list(demo_db):
    cal = calendar()
    index = RequestIndex.load(demo_db, cal, today=TODAY)
    row = next(i for i, s in enumerate(index.columns["status"].tolist()) if s == "Processing")
    request_id = int(index.columns["id"][row])
    last = log.events_for(demo_db, request_id)[-1]
    log.void_event(demo_db, last.id)
    index.refresh(demo_db, {request_id})
    assert row_as_tracker_sees_it(index, row) == tracker_row(demo_db, request_id, cal)


def test_an_empty_log_has_an_empty_list(tmp_path):
    db = connect(tmp_path / "empty.sqlite3")
    index = RequestIndex.load(db, calendar(), today=TODAY)
    assert len(index) == 0 and len(open_deadlines(index)) == 0
    assert index.select(Filter(deadline="overdue"), today=TODAY).tolist() == []
    assert isinstance(db.conn, sqlite3.Connection)
