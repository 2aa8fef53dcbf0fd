"""The window's Qt-free helpers in foiadesk.core: event wording, the event preview, fees,
requester profiles, tags, attachments, the list's filters and the agenda's groups."""

from datetime import date

import numpy as np
import pytest
from conftest import TODAY

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.events import Event
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.core.store.fees import fee_ledger, record_fee
from foiadesk.core.store.log import LogError, NewEvent
from foiadesk.core.store.requesters import (
    Profile,
    ProfileNameTaken,
    find_or_add_requester,
    profiles,
    save_profile,
    update_requester,
)
from foiadesk.core.store.tags import all_tags, untag_request
from foiadesk.core.tracking.agenda import Agenda, group_deadlines
from foiadesk.core.tracking.details import copy_attachment, event_details, request_details, safe_filename
from foiadesk.core.tracking.listing import CLOCKS, STATUS_GROUPS, Filter, RequestIndex, status_group, week_end
from foiadesk.core.tracking.preview import preview_event


@pytest.fixture
def one(db):
    """A log with one filed ICE request; returns its id."""
    request_id = log.add_directory_request(db, load_directory().component("ICE"), title="MOU drafts").new_id
    log.record_event(db, request_id, NewEvent("filed", date(2026, 11, 2), channel="fax"), today=TODAY)
    return request_id


def test_event_details_word_each_fact_once():
    ack = Event(
        "acknowledged",
        date(2026, 11, 5),
        agency_received_on=date(2026, 11, 3),
        named_date=date(2027, 1, 4),
        tracking_number="2026-ICFO-1",
        channel="in_person",
        summary="Acknowledged",
    )
    assert event_details(ack) == [
        "agency says it received the request on 2026-11-03",
        "estimated completion 2027-01-04",
        "tracking 2026-ICFO-1",
        "by in person",
    ]
    assert "by in person" not in event_details(ack, channel=False)
    decision = Event("determination", date(2026, 12, 1), outcome="partial", summary="Released 40 pages")
    assert event_details(decision) == ["Partly granted", "Released 40 pages"]
    assert event_details(Event("payment", date(2026, 12, 1), amount_cents=2_550)) == ["$25.50"]


def test_the_preview_is_what_saving_will_show(db, one):
    history = log.events_for(db, one)
    new = NewEvent("extension_notice", date(2026, 11, 20))
    preview = preview_event(new, history, calendar(), today=TODAY)
    assert (preview.status_before, preview.status_after) == ("Filed", "Processing")
    response = next(c for c in preview.clocks if c.key == "response")
    assert response.before == "due 2026-12-02" and response.after == "due 2026-12-16"
    assert "+10 working days" in preview.changes[0].why or "Counted 30" in response.why
    log.record_event(db, one, new, today=TODAY)
    from foiadesk.core.tracking.tracker import view_request

    saved = view_request(db, one)
    assert saved.status == preview.status_after
    assert next(c for c in saved.clocks if c.key == "response").due == date(2026, 12, 16)
    with pytest.raises(LogError, match="already filed"):
        preview_event(NewEvent("filed", date(2026, 11, 3)), log.events_for(db, one), calendar(), today=TODAY)


def test_a_late_notice_is_warned_about_in_the_preview(db, one):
    late = NewEvent("extension_notice", date(2026, 12, 10))
    later = date(2026, 12, 15)
    response = next(c for c in preview_event(late, log.events_for(db, one), calendar(), today=later).clocks)
    assert response.changed and response.warnings


def test_the_fee_ledger(db, one):
    record_fee(db, one, "cap", 5_000)
    log.record_event(db, one, NewEvent("fee_estimate", date(2026, 11, 9), amount_cents=9_000), today=TODAY)
    log.record_event(db, one, NewEvent("fee_estimate", date(2026, 11, 12), amount_cents=4_000), today=TODAY)
    log.record_event(
        db, one, NewEvent("fee_decision", date(2026, 11, 13), outcome="waiver_denied"), today=TODAY
    )
    paid = log.record_event(db, one, NewEvent("payment", date(2026, 11, 16), amount_cents=1_000), today=TODAY)
    ledger = fee_ledger(db, one)
    assert [(line.kind, line.amount_cents) for line in ledger.lines] == [
        ("cap", 5_000),
        ("estimate", 9_000),
        ("estimate", 4_000),
        ("decision", None),
        ("payment", 1_000),
    ]
    assert ledger.lines[0].source == "Filed" and ledger.lines[3].source == "Fee waiver denied"
    assert (ledger.estimate_cents, ledger.paid_cents, ledger.owed_cents, ledger.over_cap) == (
        4_000,
        1_000,
        3_000,
        False,
    )
    log.void_event(db, paid.new_id)  # a payment taken back leaves the ledger too
    assert fee_ledger(db, one).paid_cents == 0
    with pytest.raises(LogError, match="logged as events"):
        record_fee(db, one, "payment", 100)
    with pytest.raises(LogError, match="between"):
        record_fee(db, one, "cap", -1)


def test_profiles_are_added_and_edited_with_the_same_checks(db):
    added = save_profile(
        db, Profile(name="Rosa Diaz", email="rosa@clinic.example", fee_category="educational")
    )
    assert added.lists_changed
    (rosa,) = profiles(db)
    assert (rosa.name, rosa.signature_name) == ("Rosa Diaz", "Rosa Diaz")
    save_profile(db, Profile(**{**rosa.fields(), "organization": "Eastbridge Law"}, id=rosa.id))
    assert profiles(db)[0].organization == "Eastbridge Law"
    for fields, message in (
        ({"name": " "}, "needs a name"),
        ({"email": "nope"}, "not an email"),
        ({"fee_category": "media"}, "Fee category"),
        ({"colour": "red"}, "Not a requester field"),
    ):
        with pytest.raises(LogError, match=message):
            update_requester(db, rosa.id, **fields)
    with pytest.raises(LogError, match="no requester"):
        update_requester(db, 99, name="X")
    assert profiles(db)[0].email == "rosa@clinic.example"  # nothing changed


def test_two_profiles_never_share_a_name(db):
    """A new profile with a saved one's name is refused with a message saying why, or
    replaces the saved one when asked; a rename onto a taken name is refused too."""
    rosa = save_profile(db, Profile(name="Rosa Diaz", email="rosa@clinic.example")).new_id
    sam = save_profile(db, Profile(name="Sam Okafor", email="sam@paper.example")).new_id
    with pytest.raises(ProfileNameTaken, match="A profile named “Rosa Diaz” is already saved") as taken:
        save_profile(db, Profile(name="rosa diaz ", email="rosa@new.example"))
    assert taken.value.existing_id == rosa
    with pytest.raises(ProfileNameTaken, match="“Rosa Diaz”"):
        update_requester(db, sam, name="Rosa  Diaz")
    assert [p.name for p in profiles(db)] == ["Rosa Diaz", "Sam Okafor"]
    replaced = save_profile(db, Profile(name="Rosa Diaz", email="rosa@new.example"), replace=True)
    assert replaced.new_id == rosa
    assert [(p.id, p.name, p.email) for p in profiles(db)] == [
        (rosa, "Rosa Diaz", "rosa@new.example"),
        (sam, "Sam Okafor", "sam@paper.example"),
    ]
    save_profile(db, Profile(name="Rosa Diaz", email="rosa@clinic.example", id=rosa))  # its own name: kept
    # a letter's signer with a saved profile's name is that profile, not a second one
    assert find_or_add_requester(db, {"name": "ROSA DIAZ", "email": "rosa@other.example"}).new_id == rosa
    assert len(profiles(db)) == 2


def test_tags_and_attachments(db, one, tmp_path):
    log.tag_request(db, one, "priority")
    log.tag_request(db, one, "Litigation hold")
    assert all_tags(db) == ["Litigation hold", "priority"]
    untag_request(db, one, "PRIORITY")
    assert request_details(db, one).tags == ("Litigation hold",)
    assert all_tags(db) == ["Litigation hold", "priority"]  # kept for completing
    with pytest.raises(LogError, match="has no tag"):
        untag_request(db, one, "priority")

    letter = log.Attachment("../secret: letter?.pdf", b"%PDF", "application/pdf")
    changes = log.record_event(
        db, one, NewEvent("acknowledged", date(2026, 11, 5), files=(letter,)), today=TODAY
    )
    (ref,) = request_details(db, one).files[changes.new_id]
    assert (ref.filename, ref.size) == ("../secret: letter?.pdf", 4)
    path = copy_attachment(db, ref.id, tmp_path / "open")
    assert path.parent.parent == tmp_path / "open" and path.name == "secret_ letter_.pdf"
    assert path.read_bytes() == b"%PDF"
    assert safe_filename("..") == "attachment"
    with pytest.raises(LogError):
        copy_attachment(db, 999, tmp_path)


def test_list_filters_by_status_and_deadline_state(demo_copy):
    db = connect(demo_copy)
    index = RequestIndex.load(db, calendar(), today=TODAY)
    statuses = index.statuses()
    groups = [STATUS_GROUPS.index(status_group(s)) for s in statuses]
    assert groups == sorted(groups) and set(statuses) == set(index.columns["status"])
    processing = index.select(Filter(status="Processing"), today=TODAY)
    assert set(index.columns["status"][processing]) == {"Processing"}
    due = index.columns["next_due"]
    week = index.select(Filter(deadline="this_week"), today=TODAY)
    assert all(TODAY.toordinal() <= due[r] <= date(2026, 11, 29).toordinal() for r in week)
    none = index.select(Filter(deadline="none"), today=TODAY)
    assert (due[none] == -1).all() or (due[none] < 0).all()
    mine = index.select(Filter(deadline="needs_me"), today=TODAY)
    # each row owes a reply or an appeal whose date has not passed, or waits on the requester
    owed = np.zeros(len(index), dtype=bool)
    for key in (k for k in index.clocks if k.startswith(("reply:", "appeal_window:")) and "_done" not in k):
        due, done = index.clocks[key], index.clocks[f"{key}_done"]
        owed |= (due >= TODAY.toordinal()) & (done == -1)
    assert all(
        o or s == "Waiting on requester"
        for o, s in zip(owed[mine], index.columns["status"][mine], strict=True)
    )
    assert len(mine) and not owed[index.select(Filter(deadline="none"), today=TODAY)].any()
    both = index.select(Filter(deadline="overdue", status="open", component="ICE"), today=TODAY)
    assert set(index.columns["component"][both]) <= {"ICE"}
    with pytest.raises(ValueError):
        index.select(Filter(deadline="someday"), today=TODAY)
    empty = RequestIndex.empty()
    assert set(empty.columns) == set(index.columns) and set(index.clocks) <= set(empty.clocks)
    db.close()


def test_agenda_groups_by_week():
    sunday = date(2026, 11, 29)
    assert week_end(date(2026, 11, 23)) == sunday == week_end(sunday)
    assert week_end(sunday, 1) == date(2026, 12, 6)
    days = [date(2026, 11, d) for d in (28, 29, 30)] + [date(2026, 12, 6), date(2026, 12, 7)]
    response, appeal = CLOCKS.index("response"), CLOCKS.index("appeal_window:partial")
    found = Agenda(
        np.arange(5),
        np.array([response, appeal, response, appeal, response]),
        np.array([d.toordinal() for d in days]),
    )
    groups = {(g.when, g.owed_by): g.positions.tolist() for g in group_deadlines(found, sunday)}
    assert groups == {
        ("overdue", "requester"): [],
        ("overdue", "agency"): [0],
        ("this_week", "requester"): [1],
        ("this_week", "agency"): [],
        ("next_week", "requester"): [3],
        ("next_week", "agency"): [2],
        ("later", "requester"): [],
        ("later", "agency"): [4],
    }
