"""The request list as a spreadsheet: the rows a filter selects, as CSV or XLSX.

A row has what a requester tracks in a spreadsheet: title, case, component, status,
tracking numbers, the filing and receipt dates, each open deadline and who owes it, days
outstanding, fees estimated and paid, and tags. Due dates come from the batch clock engine
(``batch.py``, checked against ``clocks.py``), so a log of 100,000 requests exports in
seconds; requests are read in chunks, with progress and cancel between chunks.

``ListFilter`` describes the list view's filter in plain terms (case, component, status,
deadline state, search text); the window turns its own filter into one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import AppealRule
from foiadesk.core.deadlines.events import Event, derive_status
from foiadesk.core.export.files import Cancelled, ExportError, Progress, atomic_output, fixed_ooxml, stop_if
from foiadesk.core.tracking.listing import CLOCK_LABELS, OWED_BY, deadline_label

CHUNK = 5000
DEADLINE_STATES = ("all", "overdue", "this_week", "due_soon", "needs_me", "none")
FORMATS = ("csv", "xlsx")
UNSETTLED = ("Draft", "Filed", "Processing", "Waiting on requester", "Appeal pending")
# The batch engine's clocks a row lists, with the list's labels and who owes them.
CLOCKS = tuple((key, CLOCK_LABELS[key], OWED_BY[key]) for key in batch.DEADLINES)
# Each column's heading and its width in the XLSX sheet, in characters.
COLUMNS = (
    ("ID", 7),
    ("Title", 48),
    ("Case", 30),
    ("Component", 11),
    ("Status", 20),
    ("Tracking numbers", 24),
    ("Filed", 11),
    ("Received", 11),
    ("Next deadline", 24),
    ("Next due", 11),
    ("Owed by", 10),
    ("Open deadlines", 60),
    ("Days outstanding", 11),
    ("Fee estimate", 12),
    ("Fees paid", 11),
    ("Tags", 24),
)
HEADERS = tuple(name for name, _ in COLUMNS)


@dataclass(frozen=True)
class ListFilter:
    """Which requests to export, as the list view filters them; empty fields match all.

    ``case`` is a case's short id, ``component`` an abbreviation. ``status`` is a status as
    the list shows it ("Processing", "Waiting on requester" …, any case), or "open" (still
    moving) or "finished". ``deadline`` is the state of the next deadline: all · overdue ·
    this_week (through Sunday) · due_soon (within ``soon_days``) · needs_me (a reply, or an
    appeal whose window is still open, that the requester owes) · none. ``search`` is the
    log's full-text search plus tracking numbers; "#12" means request 12."""

    case: str | None = None
    component: str | None = None
    status: str | None = None
    deadline: str = "all"
    search: str = ""
    soon_days: int = 5


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date
    owed_by: str  # "agency" | "requester"

    def __str__(self) -> str:
        return f"{self.label} {self.due.isoformat()} ({self.owed_by})"


@dataclass(frozen=True)
class ListRow:
    id: int
    title: str
    case: str
    component: str
    status: str
    tracking: tuple[str, ...]
    filed: date | None
    received: date | None
    deadlines: tuple[Deadline, ...]  # open ones, soonest first
    days_outstanding: int | None  # filing to answer (determination, withdrawal, closing) or to as_of
    fee_estimate_cents: int | None  # the latest estimate
    fees_paid_cents: int
    tags: tuple[str, ...]

    @property
    def next(self) -> Deadline | None:
        return self.deadlines[0] if self.deadlines else None


class ListError(ExportError):
    """A list filter or format that cannot be used."""


def _check(flt: ListFilter) -> None:
    if flt.deadline not in DEADLINE_STATES:
        raise ListError(f"Deadline state must be one of: {', '.join(DEADLINE_STATES)}.")
    if flt.soon_days < 0:
        raise ListError("'Due soon' needs a number of days of 0 or more.")


def _search_ids(db: Database, text: str) -> set[int]:
    from foiadesk.core.store.log import search

    text = text.strip()
    if text.startswith("#") and text[1:].isdigit():
        return {int(text[1:])}
    total = db.execute("SELECT count(*) FROM requests").fetchone()[0]
    found = set(search(db, text, limit=max(total, 1)))
    found.update(
        r[0]
        for r in db.execute(
            "SELECT t.request_id FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id "
            "WHERE e.voided_at IS NULL AND instr(lower(t.number), lower(?)) > 0",
            [text],
        )
    )
    return found


def _selected_ids(db: Database, flt: ListFilter) -> list[int]:
    """Request ids the case, component and search parts of the filter keep."""
    where, params = [], []
    if flt.case:
        if not db.execute("SELECT 1 FROM cases WHERE slug = ?", [flt.case]).fetchone():
            raise ListError(f"There is no case '{flt.case}'.")
        where.append("r.case_id = (SELECT id FROM cases WHERE slug = ?)")
        params.append(flt.case)
    if flt.component:
        if not db.execute("SELECT 1 FROM components WHERE abbr = ?", [flt.component]).fetchone():
            raise ListError(f"There is no component '{flt.component}' in this log.")
        where.append("r.component_id = (SELECT id FROM components WHERE abbr = ?)")
        params.append(flt.component)
    sql = (
        "SELECT r.id FROM requests r" + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY r.id"
    )
    ids = [r[0] for r in db.execute(sql, params)]
    if flt.search.strip():
        hits = _search_ids(db, flt.search)
        ids = [i for i in ids if i in hits]
    return ids


def _chunk_rows(
    db: Database, ids: list[int], cal: Calendar, as_of: date, rules: dict[str, AppealRule]
) -> list[ListRow]:
    """The rows of ``ids``: their columns read in a few queries, their clocks in one batch."""
    from foiadesk.core.tracking.tracker import appeal_rule

    marks = ", ".join("?" * len(ids))
    base = {
        r[0]: r
        for r in db.execute(
            f"""SELECT r.id, r.title, k.name, c.abbr FROM requests r
              JOIN components c ON c.id = r.component_id LEFT JOIN cases k ON k.id = r.case_id
             WHERE r.id IN ({marks})""",
            ids,
        )
    }
    histories: dict[int, list[Event]] = {i: [] for i in ids}
    for rid, type_, on, received, named, outcome, eid in db.execute(
        f"""SELECT request_id, type, occurred_on, agency_received_on, named_date, outcome, id FROM events
             WHERE voided_at IS NULL AND request_id IN ({marks}) ORDER BY request_id, occurred_on, id""",
        ids,
    ):
        day = date.fromisoformat
        histories[rid].append(
            Event(type_, day(on), received and day(received), named and day(named), outcome, eid)
        )
    tracking: dict[int, list[str]] = {}
    for rid, number in db.execute(
        f"""SELECT t.request_id, t.number FROM tracking_numbers t LEFT JOIN events e ON e.id = t.event_id
             WHERE e.voided_at IS NULL AND t.kind != 'confirmation' AND e.type != 'filed'
               AND t.request_id IN ({marks}) ORDER BY t.id""",
        ids,
    ):
        tracking.setdefault(rid, []).append(number)
    estimate: dict[int, int] = {}
    paid: dict[int, int] = {}
    for rid, kind, cents in db.execute(
        f"""SELECT f.request_id, f.kind, f.amount_cents FROM fees f LEFT JOIN events e ON e.id = f.event_id
             WHERE e.voided_at IS NULL AND f.request_id IN ({marks}) ORDER BY e.occurred_on, f.id""",
        ids,
    ):
        if kind == "estimate":
            estimate[rid] = cents
        elif kind == "payment":
            paid[rid] = paid.get(rid, 0) + cents
    tags: dict[int, list[str]] = {}
    for rid, name in db.execute(
        f"""SELECT rt.request_id, t.name FROM request_tags rt JOIN tags t ON t.id = rt.tag_id
             WHERE rt.request_id IN ({marks}) ORDER BY t.name COLLATE NOCASE""",
        ids,
    ):
        tags.setdefault(rid, []).append(name)

    for i in ids:
        component = base[i][3]
        if component not in rules:
            rules[component] = appeal_rule(component)
    cols = batch.extract([histories[i] for i in ids], cal, [rules[base[i][3]] for i in ids])
    result = batch.compute(cols, cal, as_of)
    owed = {key: batch.open_due(result, key, as_of) for key, _, _ in CLOCKS}
    rows = []
    for n, i in enumerate(ids):
        component = base[i][3]
        deadlines = []
        guess = int(result["estimate"][n]) if result["estimate_done"][n] == batch.NONE else batch.NONE
        said = date.fromordinal(guess) if guess != batch.NONE else None  # the agency's estimate
        for key, _, owed_by in CLOCKS:
            due = int(owed[key][n])
            if due != batch.NONE:
                deadlines.append(Deadline(deadline_label(key, said), date.fromordinal(due), owed_by))
        deadlines.sort(key=lambda d: d.due)
        filed = int(cols.filed[n])
        received = int(cols.receipt[n])
        end = int(result["response_done"][n])
        outstanding = None
        if filed != batch.NONE:
            outstanding = (end if end != batch.NONE else as_of.toordinal()) - filed
        rows.append(
            ListRow(
                id=i,
                title=base[i][1],
                case=base[i][2] or "",
                component=component,
                status=derive_status(histories[i]),
                tracking=tuple(tracking.get(i, ())),
                filed=date.fromordinal(filed) if filed != batch.NONE else None,
                received=date.fromordinal(received) if received != batch.NONE else None,
                deadlines=tuple(deadlines),
                days_outstanding=outstanding,
                fee_estimate_cents=estimate.get(i),
                fees_paid_cents=paid.get(i, 0),
                tags=tuple(tags.get(i, ())),
            )
        )
    return rows


def _keep(row: ListRow, flt: ListFilter, as_of: date) -> bool:
    nxt = row.next
    status = (flt.status or "").strip().casefold()
    if status == "open" and not (nxt is not None or row.status in UNSETTLED):
        return False
    if status == "finished" and not (nxt is None and row.status not in UNSETTLED):
        return False
    if status not in ("", "open", "finished") and row.status.casefold() != status:
        return False
    if flt.deadline == "overdue":
        return nxt is not None and nxt.due < as_of
    if flt.deadline == "this_week":
        return nxt is not None and as_of <= nxt.due <= as_of + timedelta(days=6 - as_of.weekday())
    if flt.deadline == "due_soon":
        return nxt is not None and as_of <= nxt.due <= as_of + timedelta(days=flt.soon_days)
    if flt.deadline == "needs_me":
        # A requester's window that has passed is history (the rows leave it out).
        owes = [d for d in row.deadlines if d.owed_by == "requester"]
        return bool(owes) or row.status == "Waiting on requester"
    if flt.deadline == "none":
        return nxt is None
    return True


def list_rows(
    db: Database,
    flt: ListFilter,
    *,
    as_of: date,
    cal: Calendar | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ListRow]:
    """The rows ``flt`` selects on ``as_of``, next deadline first (then by id), as the list
    view sorts by default; rows without an open deadline come last."""
    _check(flt)
    cal = cal or calendar()
    ids = _selected_ids(db, flt)
    rules: dict[str, AppealRule] = {}
    rows: list[ListRow] = []
    for start in range(0, len(ids), CHUNK):
        stop_if(cancelled)
        chunk = _chunk_rows(db, ids[start : start + CHUNK], cal, as_of, rules)
        rows.extend(row for row in chunk if _keep(row, flt, as_of))
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))
    far = date.max
    rows.sort(key=lambda r: (r.next is None, r.next.due if r.next else far, r.id))
    return rows


def row_values(row: ListRow) -> list:
    """One row's cells, in HEADERS order: dates as dates, money in dollars, numbers as numbers."""
    nxt = row.next
    return [
        row.id,
        row.title,
        row.case,
        row.component,
        row.status,
        ", ".join(row.tracking),
        row.filed,
        row.received,
        nxt.label if nxt else "",
        nxt.due if nxt else None,
        nxt.owed_by if nxt else "",
        "; ".join(str(d) for d in row.deadlines),
        row.days_outstanding,
        row.fee_estimate_cents / 100 if row.fee_estimate_cents is not None else None,
        row.fees_paid_cents / 100 if row.fees_paid_cents else None,
        ", ".join(row.tags),
    ]


RISKY = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(rows: list[ListRow]) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads accents and dashes), ISO dates, amounts
    with two decimals. Text that a spreadsheet would run as a formula gets a leading "'"."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows:
        cells = []
        for value in row_values(row):
            if value is None:
                cells.append("")
            elif isinstance(value, float):
                cells.append(f"{value:.2f}")
            elif isinstance(value, date):
                cells.append(value.isoformat())
            elif isinstance(value, str) and value.startswith(RISKY):
                cells.append("'" + value)
            else:
                cells.append(value)
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: list[ListRow], *, as_of: date) -> bytes:
    """One sheet with a bold, frozen header row, filters, real dates and dollar amounts.
    Text is always text: a title beginning with "=" is not run as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Requests")
    ws.freeze_panes = "A2"
    for i, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(rows) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E7E6E6")
    head = []
    for title in HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="top")
        head.append(cell)
    ws.append(head)
    formats = {6: "yyyy-mm-dd", 7: "yyyy-mm-dd", 9: "yyyy-mm-dd", 13: '"$"#,##0.00', 14: '"$"#,##0.00'}
    for row in rows:
        cells = []
        for col, value in enumerate(row_values(row)):
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            if col in formats:
                cell.number_format = formats[col]
            cells.append(cell)
        ws.append(cells)
    wb.properties.creator = "FoiaDesk"
    wb.properties.title = "FOIA requests"
    wb.properties.created = datetime(as_of.year, as_of.month, as_of.day)
    out = io.BytesIO()
    wb.save(out)
    return fixed_ooxml(out.getvalue(), as_of)


def export_list(
    db: Database,
    flt: ListFilter,
    out: Path | str,
    *,
    fmt: str,
    as_of: date,
    force: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cal: Calendar | None = None,
) -> int:
    """Write the rows ``flt`` selects to ``out`` as "csv" or "xlsx"; returns the row count."""
    if fmt not in FORMATS:
        raise ListError(f"Format must be one of: {', '.join(FORMATS)}.")
    with atomic_output(out, force=force) as fh:
        rows = list_rows(db, flt, as_of=as_of, progress=progress, cancelled=cancelled, cal=cal)
        fh.write(csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows, as_of=as_of))
    return len(rows)
