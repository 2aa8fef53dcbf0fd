"""The request log: what a user logs is kept, bad input is refused and changes nothing."""

from datetime import date

import pytest

from foiadesk.core.store import log
from foiadesk.core.store.log import Attachment, LogError, NewEvent
from foiadesk.core.tracking.tracker import view_request

D = date.fromisoformat
TODAY = D("2026-11-25")


@pytest.fixture
def request_id(db):
    component = log.ensure_component(
        db,
        abbr="ICE",
        name="U.S. Immigration and Customs Enforcement",
        agency_abbr="DHS",
        agency_name="Department of Homeland Security",
    )
    case = log.add_case(db, slug="irs-ice-mou-2025", name="IRS–ICE MOU").new_id
    return log.add_request(db, title="MOU drafts & final text", component_id=component, case_id=case).new_id


def record(db, request_id, type_, on, **kw):
    return log.record_event(db, request_id, NewEvent(type_, D(on), **kw), today=TODAY)


def count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_daily_loop_shows_status_tracking_number_and_dates(db, request_id):
    record(db, request_id, "filed", "2026-10-01", channel="portal")
    record(
        db,
        request_id,
        "acknowledged",
        "2026-10-05",
        agency_received_on=D("2026-10-01"),
        tracking_number="2027-ICFO-00123",
    )
    view = view_request(db, request_id)
    assert view.status == "Processing"
    assert view.tracking_numbers == ("2027-ICFO-00123",)
    response = next(c for c in view.clocks if c.key == "response")
    assert response.due == D("2026-10-30") and not response.start_assumed  # Columbus Day skipped
    record(db, request_id, "extension_notice", "2026-10-20", named_date=D("2026-11-13"))
    response = next(c for c in view_request(db, request_id).clocks if c.key == "response")
    assert response.due == D("2026-11-13")
    assert "notice of 2026-10-20 naming 2026-11-13: +9 working days" in response.explain()


@pytest.mark.parametrize(
    "type_, on, kw, message",
    [
        ("acknowledged", "2026-11-04", {}, "log the filing first"),
        ("filed", "2027-03-01", {}, "is in the future"),
        ("filing", "2026-11-04", {}, "Unknown event type 'filing'"),
        ("filed", "2026-11-04", {"channel": "pigeon"}, "Channel must be one of"),
        ("filed", "2026-11-04", {"agency_received_on": D("2026-11-01")}, "before it was sent"),
        ("filed", "2026-11-04", {"named_date": D("2026-12-01")}, "does not take a named date"),
        ("fee_estimate", "2026-11-04", {"amount_cents": 0}, "enter the amount the agency estimated"),
        ("payment", "2026-11-04", {"amount_cents": 0}, "enter the amount you paid"),
    ],
)
def test_bad_events_are_refused_and_nothing_is_written(db, request_id, type_, on, kw, message):
    before = count(db, "events")
    with pytest.raises(LogError, match=message):
        record(db, request_id, type_, on, **kw)
    assert count(db, "events") == before


def test_answer_before_question_is_refused(db, request_id):
    record(db, request_id, "filed", "2026-11-02")
    with pytest.raises(LogError, match="no open 'Agency asked for information' to answer"):
        record(db, request_id, "info_answered", "2026-11-05")
    record(db, request_id, "info_requested", "2026-11-10")
    with pytest.raises(LogError, match="before the agency asked"):
        record(db, request_id, "info_answered", "2026-11-06")
    with pytest.raises(LogError, match="say which outcome"):
        record(db, request_id, "determination", "2026-11-12")


def test_a_write_that_fails_half_way_leaves_no_partial_rows(db, request_id, monkeypatch):
    record(db, request_id, "filed", "2026-11-02")
    tables = ("events", "files", "attachments", "tracking_numbers", "fees")
    before = [count(db, t) for t in tables]
    stored, real = [], log.store_file

    def store_then_fail(database, data):
        stored.append(real(database, data))
        raise OSError("disk full")

    monkeypatch.setattr(log, "store_file", store_then_fail)
    with pytest.raises(OSError):
        record(
            db,
            request_id,
            "fee_estimate",
            "2026-11-20",
            amount_cents=4200,
            tracking_number="F-1",
            files=(Attachment("a.pdf", b"one"), Attachment("b.pdf", b"two")),
        )
    assert stored, "the failure came after the event and a file were written"
    assert [count(db, t) for t in tables] == before


def test_more_impossible_input_is_refused_with_a_message(db, request_id):
    record(db, request_id, "filed", "2026-09-01")
    record(db, request_id, "determination", "2026-09-20", outcome="denial")
    record(db, request_id, "appeal_filed", "2026-10-01")
    # The appeal office may acknowledge later that it received the appeal on an earlier day.
    record(db, request_id, "appeal_received", "2026-10-09", agency_received_on=D("2026-10-02"))
    with pytest.raises(LogError, match="cannot have received the appeal"):
        record(db, request_id, "appeal_received", "2026-10-09", agency_received_on=D("2026-09-25"))
    with pytest.raises(LogError, match="outside the years FoiaDesk counts"):
        record(db, request_id, "note", "1990-01-02")
    with pytest.raises(LogError, match="needs a file name, its bytes and a type"):
        record(db, request_id, "note", "2026-10-10", files=(Attachment("a.pdf", b"x", mime=None),))
    with pytest.raises(LogError, match="There is no request with id 999"):
        log.add_note(db, 999, "lost")
    with pytest.raises(LogError, match="There is no requester with id 42"):
        log.add_request(db, title="x", component_id=1, requester_id=42)


def test_files_are_stored_once_by_hash(db, request_id):
    record(db, request_id, "filed", "2026-11-02", files=(Attachment("request.docx", b"letter"),))
    changes = record(
        db,
        request_id,
        "status_inquiry",
        "2026-11-20",
        files=(Attachment("copy-of-request.docx", b"letter"),),
    )
    assert changes.stored == ()
    assert count(db, "files") == 1 and count(db, "attachments") == 2


def test_voided_event_stops_counting_but_is_kept(db, request_id):
    record(db, request_id, "filed", "2026-11-02")
    det = record(db, request_id, "determination", "2026-11-20", outcome="denial").new_id
    before = view_request(db, request_id)
    assert before.status == "Denied" and any(c.key == "appeal_window:denial" for c in before.clocks)
    log.void_event(db, det)
    view = view_request(db, request_id)
    assert view.status == "Filed" and all(not c.key.startswith("appeal_window") for c in view.clocks)
    assert count(db, "events") == 2


def test_search_finds_titles_letters_and_notes(db, request_id):
    record(db, request_id, "filed", "2026-11-02", body="Records about the address-matching pilot")
    log.add_note(db, request_id, "Spoke with the FOIA Public Liaison, Ms. Ortega")
    assert log.search(db, "drafts") == [request_id]
    assert log.search(db, "address matching") == [request_id]
    assert log.search(db, "ortega") == [request_id]
    assert log.search(db, "nonexistentword") == []
    # found in its title, a letter and a note, the request is one hit; the limit counts requests
    log.add_note(db, request_id, "The drafts arrived")
    record(db, request_id, "received", "2026-11-20", body="Enclosed are the drafts")
    component = db.execute("SELECT component_id FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    other = log.add_request(db, title="Other drafts", component_id=component).new_id
    assert log.search(db, "drafts") == [request_id, other]
    assert log.search(db, "drafts", limit=1) == [request_id]


def test_requester_profile_validation(db):
    with pytest.raises(LogError, match="is not an email address"):
        log.add_requester(db, name="Dana", email="dana@@example")
    assert count(db, "requesters") == 0
    assert log.add_requester(db, name="Dana", email="dana@example.org").new_id == 1


def test_typical_completion_counts_on_the_calendar_of_the_clocks(db, request_id):
    """With disputed closures counted as days off, the "about" dates beside the deadline
    skip them too: the National Day of Mourning of 9 January 2025 moves ICE's simple-track
    median (5 working days, FOIA.gov FY2020) by one day."""
    import csv
    from pathlib import Path

    from foiadesk.core.deadlines.calendar import calendar
    from foiadesk.core.tracking.tracker import typical_completion

    record(db, request_id, "filed", "2025-01-06", channel="portal")
    with open(Path(__file__).parent / "fixtures" / "opm-holidays-2024-2027.csv", encoding="utf-8") as fh:
        holidays = {D(row["date"]) for row in csv.DictReader(fh)}

    def plus_working_days(start, days, off):
        day = start
        while days:
            day = date.fromordinal(day.toordinal() + 1)
            if day.weekday() < 5 and day not in holidays | off:
                days -= 1
        return day

    for skip, off in ((False, set()), (True, {D("2025-01-09")})):
        cal = calendar(skip_closures=skip)
        view = view_request(db, request_id, cal=cal)
        start = next(c for c in view.clocks if c.key == "response").start
        expected = plus_working_days(start, 5, off)
        assert f"simple 5 days (about {expected})" in typical_completion(view, cal)


def test_a_request_moves_to_another_case_or_to_none_and_an_unknown_case_changes_nothing(db, request_id):
    other = log.add_case(db, slug="clinic-client", name="Client A.R.").new_id
    assert log.set_request_case(db, request_id, other).request_ids == {request_id}
    assert view_request(db, request_id).case == "Client A.R."
    with pytest.raises(LogError, match="There is no case with id 999"):
        log.set_request_case(db, request_id, 999)
    assert view_request(db, request_id).case == "Client A.R."
    log.set_request_case(db, request_id, None)
    assert view_request(db, request_id).case is None
