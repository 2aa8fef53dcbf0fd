"""Open deadlines as .ics: every one is there, with reminders, and a later export updates
the same events instead of adding copies."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar
from test_export_scenario import AS_OF, build_log

from foiadesk.core.export.files import ExportError
from foiadesk.core.export.ics import export_calendar
from foiadesk.core.store import log
from foiadesk.core.tracking.tracker import view_request


@pytest.fixture
def scenario(db):
    return build_log(db)


def events(path) -> dict[str, dict]:
    cal = Calendar.from_ical(path.read_bytes())
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["uid"])] = {
            "summary": str(ev["summary"]),
            "due": ev.decoded("dtstart"),
            "end": ev.decoded("dtend"),
            "sequence": int(ev["sequence"]),
            "description": str(ev["description"]),
            "alarms": sorted(a.decoded("trigger") for a in ev.walk("VALARM")),
        }
    return out


def test_ics_holds_every_open_deadline_with_reminders(db, scenario, tmp_path):
    out = tmp_path / "deadlines.ics"
    assert export_calendar(db, out, as_of=AS_OF) == 3
    got = events(out)
    views = [view_request(db, rid) for rid in (1, 2, 3)]
    want = {(v.id, c.due, c.label.removesuffix(" by")) for v in views for c in v.clocks if c.owed(AS_OF)}
    assert len(want) == 3
    assert {
        (int(uid.split("-")[1]), e["due"], e["summary"].split(" — ")[0].removeprefix("[You] "))
        for uid, e in got.items()
    } == want
    summaries = sorted(e["summary"] for e in got.values())
    assert summaries == [
        "Appeal decision due — ICE #1: MOU drafts & address-verification records <ICE>",
        "Response due — IRS #2: IRS disclosure logs under 6103(i)(2)",
        "[You] Accept or narrow the fee estimate — IRS #2: IRS disclosure logs under 6103(i)(2)",
    ]
    for e in got.values():
        assert e["end"] == e["due"] + timedelta(days=1)
        assert e["alarms"] == [timedelta(days=-7, hours=9), timedelta(days=-1, hours=9)]
        assert "Result:" in e["description"]  # the trace
    fee = next(e for e in got.values() if e["summary"].startswith("[You]"))
    assert fee["due"] == date(2026, 12, 1) and "Owed by you (the requester)." in fee["description"]
    reply_uid = next(uid for uid, e in got.items() if e is fee)
    assert reply_uid.endswith(f"-reply-{scenario['ids']['fee']}@foiadesk")  # keyed by the agency's letter


def test_a_later_export_updates_the_same_events(db, scenario, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    filed = log.record_event(db, 3, log.NewEvent("filed", date(2026, 11, 10), channel="portal"), today=AS_OF)
    assert filed.new_id
    export_calendar(db, first, as_of=AS_OF)
    log.record_event(db, 3, log.NewEvent("extension_notice", date(2026, 11, 20)), today=AS_OF)
    log.record_event(db, 2, log.NewEvent("fee_estimate_answered", date(2026, 11, 24)), today=AS_OF)
    export_calendar(db, second, as_of=AS_OF)
    before, after = events(first), events(second)
    moved = next(
        uid for uid in before if uid.startswith("foiadesk-3-") and uid.endswith("-response@foiadesk")
    )
    assert after[moved]["due"] == before[moved]["due"] + timedelta(days=14)  # +10 working days
    assert after[moved]["sequence"] > before[moved]["sequence"]
    assert set(after) == set(before) - {next(u for u in before if "-reply-" in u)}  # answered: gone
    assert len(set(before)) == len(before)


def test_exporting_twice_gives_the_same_file(db, scenario, tmp_path):
    export_calendar(db, tmp_path / "1.ics", as_of=AS_OF, alarm_days=(3,))
    export_calendar(db, tmp_path / "2.ics", as_of=AS_OF, alarm_days=(3,))
    assert (tmp_path / "1.ics").read_bytes() == (tmp_path / "2.ics").read_bytes()
    assert all(e["alarms"] == [timedelta(days=-3, hours=9)] for e in events(tmp_path / "1.ics").values())


def test_two_logs_never_share_a_uid(tmp_path):
    from foiadesk.core.store.db import connect

    uids = []
    for name in ("one", "two"):
        db = connect(tmp_path / f"{name}.sqlite3")
        build_log(db)
        db.execute("UPDATE requests SET created_at = ?", [f"2026-0{len(uids) + 1}-01T00:00:00+00:00"])
        db.conn.commit()
        export_calendar(db, tmp_path / f"{name}.ics", as_of=AS_OF)
        uids.append(set(events(tmp_path / f"{name}.ics")))
        db.close()
    assert uids[0] and not uids[0] & uids[1]


def test_reminders_must_be_sensible(db, scenario, tmp_path):
    with pytest.raises(ExportError, match="0 to 365 days"):
        export_calendar(db, tmp_path / "x.ics", as_of=AS_OF, alarm_days=(-2,))
    assert not (tmp_path / "x.ics").exists()


def test_exports_count_days_the_way_the_window_does(tmp_path):
    """With disputed closure days skipped, the exported date is the one the screen shows."""
    from datetime import date

    from foiadesk.core.deadlines.calendar import calendar
    from foiadesk.core.export.ics import export_calendar
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    db = connect(tmp_path / "log.sqlite3")
    comp = log.ensure_component(db, abbr="ICE", name="ICE", agency_abbr="DHS", agency_name="DHS")
    rid = log.add_request(db, title="MOU", component_id=comp).new_id
    log.record_event(
        db,
        rid,
        log.NewEvent("filed", date(2025, 12, 22), agency_received_on=date(2025, 12, 22)),
        today=date(2026, 1, 5),
    )
    export_calendar(db, tmp_path / "counted.ics", as_of=date(2026, 1, 5))
    export_calendar(db, tmp_path / "skipped.ics", as_of=date(2026, 1, 5), cal=calendar(skip_closures=True))
    assert "20260122" in (tmp_path / "counted.ics").read_text()
    assert "20260126" in (tmp_path / "skipped.ics").read_text()
    assert "20260122" not in (tmp_path / "skipped.ics").read_text()


def test_a_calendar_event_names_the_office_not_its_directory_key(db, tmp_path):
    from foiadesk.core.reference.directory import load_directory

    privacy = load_directory().component("DHS-PRIV")
    rid = log.add_directory_request(
        db, privacy, title="Audit logs: DHS-PRIV"
    ).new_id  # as older drafts wrote it
    log.record_event(db, rid, log.NewEvent("filed", date(2026, 11, 2)), today=AS_OF)
    export_calendar(db, tmp_path / "due.ics", as_of=AS_OF)
    (event,) = events(tmp_path / "due.ics").values()
    # the summary names it as the list does: a calendar shows only the start of a long one
    assert event["summary"] == f"Response due — DHS Privacy #{rid}: Audit logs: DHS Privacy Office"
    assert "DHS-PRIV" not in event["description"]
    assert "Owed by the agency (DHS Privacy Office)." in event["description"]
    treasury = load_directory().component("TREAS-DO")
    rid = log.add_directory_request(db, treasury, title="Fee schedules").new_id
    log.record_event(db, rid, log.NewEvent("filed", date(2026, 11, 2)), today=AS_OF)
    export_calendar(db, tmp_path / "due.ics", as_of=AS_OF, force=True)
    summaries = {e["summary"] for e in events(tmp_path / "due.ics").values()}
    assert f"Response due — Treasury #{rid}: Fee schedules" in summaries
