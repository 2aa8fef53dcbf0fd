"""Open deadlines as an iCalendar (.ics) file, for the calendar a requester already uses.

Every open deadline with a date, owed by the agency or by the requester, becomes an
all-day event with reminders and its trace in the description. Each event's UID is built
from the request (its id and the moment it was created, so two FoiaDesk logs do not
collide) and the clock (for a reply, the agency letter that asked), so importing a newer
export updates the events already in the calendar instead of adding copies. SEQUENCE grows
with every event logged or taken back on the request, for calendars that compare it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import Clock
from foiadesk.core.deadlines.facts import read_events
from foiadesk.core.export.files import Cancelled, ExportError, Progress, atomic_output, clean_text, stop_if
from foiadesk.core.store import reads
from foiadesk.core.tracking.titles import list_office, office_name

ALARM_DAYS = (7, 1)  # reminders at 9:00, this many days before the due date
TITLE_CHARS = 60


@dataclass(frozen=True)
class DueItem:
    """One open deadline of one request, with what its calendar event needs."""

    request_id: int
    title: str
    component: str
    component_name: str
    tracking: tuple[str, ...]
    clock: Clock
    uid: str
    sequence: int
    estimate: date | None = None  # the agency's estimated completion, beside the response date


def open_deadlines(
    db: Database,
    *,
    as_of: date,
    cal: Calendar | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[DueItem]:
    """Every open, dated deadline across the log, soonest first. The agenda (on the request
    index) finds the requests that have one; only those are read again with their traces."""
    from foiadesk.core.tracking.agenda import open_deadlines as agenda
    from foiadesk.core.tracking.listing import RequestIndex
    from foiadesk.core.tracking.tracker import view_request

    cal = cal or calendar()
    index = RequestIndex.load(db, cal, on_progress=lambda *_: stop_if(cancelled), today=as_of)
    ids = sorted(set(index.columns["id"][agenda(index).rows].tolist()))
    items = []
    for n, request_id in enumerate(ids, 1):
        stop_if(cancelled)
        view = view_request(db, request_id, cal=cal)
        created, sequence = reads.request_created_and_revision(db, request_id)
        stamp = re.sub(r"\D", "", created)[:14]
        asks = [ask.id for ask, _ in read_events(list(view.events), cal).asks]
        estimate = next((c.due for c in view.clocks if c.key == "estimate" and c.is_open), None)
        for clock in view.clocks:
            if not clock.owed(as_of):
                continue
            key = (
                f"reply-{asks[int(clock.key.split(':')[2])]}" if clock.key.startswith("reply:") else clock.key
            )
            items.append(
                DueItem(
                    view.id,
                    view.title,
                    view.component,
                    view.component_name,
                    view.tracking_numbers,
                    clock,
                    f"foiadesk-{request_id}-{stamp}-{key.replace('_', '-').replace(':', '-')}@foiadesk",
                    sequence,
                    estimate if clock.key == "response" else None,
                )
            )
        if progress:
            progress(n, len(ids))
    items.sort(key=lambda i: (i.clock.due, i.request_id, i.uid))
    return items


def summary(item: DueItem) -> str:
    """ "Response due — ICE #12: MOU drafts"; "[You] Appeal by — ICE #12: …" for the requester."""
    clock = item.clock
    title = item.title if len(item.title) <= TITLE_CHARS else item.title[: TITLE_CHARS - 1].rstrip() + "…"
    you = "[You] " if clock.owed_by == "requester" else ""
    label = clock.label.removesuffix(" by")  # the event's date says by when
    # the office as the list names it: a calendar cuts a long title before the request number
    return f"{you}{label} — {list_office(item.component)} #{item.request_id}: {title}"


def _description(item: DueItem) -> str:
    office = office_name(item.component)  # never a directory key (DHS-PRIV)
    owed = "you (the requester)" if item.clock.owed_by == "requester" else f"the agency ({office})"
    name = item.component_name if office != item.component else f"{item.component_name} ({office})"
    lines = [f"FOIA request #{item.request_id}: {item.title}", name]
    if item.tracking:
        lines.append(f"Tracking: {', '.join(item.tracking)}")
    lines.append(f"Owed by {owed}.")
    if item.estimate:
        lines.append(f"The agency's estimated completion: {item.estimate} (not a deadline).")
    lines += ["", item.clock.explain()]
    return "\n".join(lines)


def ics_bytes(items: list[DueItem], *, as_of: date, alarm_days: tuple[int, ...] = ALARM_DAYS) -> bytes:
    """The calendar: one all-day event per deadline, free time (it blocks nothing), with a
    reminder at 9:00 local time ``alarm_days`` days before."""
    from icalendar import Alarm, Event
    from icalendar import Calendar as ICalendar

    from foiadesk import __version__

    ics = ICalendar()
    ics.add("prodid", f"-//FoiaDesk//FoiaDesk {__version__}//EN")
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("method", "PUBLISH")
    ics.add("x-wr-calname", "FOIA deadlines (FoiaDesk)")
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        assert item.clock.due is not None  # open_deadlines gives only dated clocks
        event.add("dtstart", item.clock.due)
        event.add("dtend", item.clock.due + timedelta(days=1))
        event.add("summary", clean_text(summary(item)))  # RFC 5545 TEXT: no control characters
        event.add("description", clean_text(_description(item)))
        event.add(
            "categories", ["FOIA", "Owed by you" if item.clock.owed_by == "requester" else "Owed by agency"]
        )
        event.add("transp", "TRANSPARENT")
        for days in sorted(set(alarm_days), reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", clean_text(summary(item)))
            alarm.add("trigger", timedelta(days=-days, hours=9))
            event.add_component(alarm)
        ics.add_component(event)
    return ics.to_ical()


def export_calendar(
    db: Database,
    out: Path | str,
    *,
    as_of: date,
    force: bool = False,
    alarm_days: tuple[int, ...] = ALARM_DAYS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cal: Calendar | None = None,
) -> int:
    """Write every open deadline to ``out`` (.ics); returns how many were written."""
    if any(d < 0 or d > 365 for d in alarm_days):
        raise ExportError("Reminders can be 0 to 365 days before a deadline.")
    with atomic_output(out, force=force) as fh:
        items = open_deadlines(db, as_of=as_of, progress=progress, cancelled=cancelled, cal=cal)
        fh.write(ics_bytes(items, as_of=as_of, alarm_days=alarm_days))
    return len(items)
