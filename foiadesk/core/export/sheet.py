"""The request list as a spreadsheet: exactly the rows and columns the list shows, as CSV or XLSX.

The rows come from the request index (``tracking.listing``), the same arrays, filter,
search, sort and column definitions the window's list uses, so an export of any filter
(including "No case") is the list as the user sees it. A log of 100,000 requests is read
in a few seconds, with progress and cancel between chunks.

``ListFilter`` describes the list's filter in plain terms (case, component, status,
deadline state, search text); the window turns its own filter into one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
from sqlite_utils import Database

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.export.files import (
    Cancelled,
    ExportError,
    Progress,
    atomic_output,
    clean_text,
    fixed_ooxml,
    stop_if,
)
from foiadesk.core.store import index_read
from foiadesk.core.tracking.listing import (
    DEADLINE_STATES,
    HEADINGS,
    NONE,
    Filter,
    RequestIndex,
    cell,
    search_ids,
)

FORMATS = ("csv", "xlsx")
NO_CASE = "none"  # the case "slug" that selects the requests without a case
HEADERS = HEADINGS
# Each column's width in the XLSX sheet, in characters.
WIDTHS = dict(zip(HEADINGS, (7, 20, 48, 14, 16, 34, 11, 15, 30, 24, 11, 26, 11, 11, 60, 24), strict=True))
_DATES = {HEADINGS.index(h) for h in ("Due", "Est. completion", "Filed", "Received")}


@dataclass(frozen=True)
class ListFilter:
    """Which requests to export, as the list view filters them; empty fields match all.

    ``case`` is a case's short id (or "none": the requests without a case), ``component``
    an abbreviation. ``status`` is a status as the list shows it ("Processing", "Waiting
    on requester" …, any case), or "open" (still moving) or "finished". ``deadline`` is the
    state of the next deadline: all · overdue · this_week (through Sunday) · due_soon
    (within ``soon_days``) · needs_me (a reply, or an appeal whose window is still open,
    that the requester owes) · none. ``search`` is the list's search; "#12" means request
    12. ``sort``/``descending`` order the rows as the list does (next deadline first)."""

    case: str | None = None
    component: str | None = None
    status: str | None = None
    deadline: str = "all"
    search: str = ""
    soon_days: int = 5
    sort: str = "due"
    descending: bool = False


class ListError(ExportError):
    """A list filter or format that cannot be used."""


@dataclass(frozen=True)
class ListRows:
    """The selected rows of the index, in display order, valued as on ``as_of``."""

    index: RequestIndex
    rows: np.ndarray
    as_of: date

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def ids(self) -> list[int]:
        return self.index.columns["id"][self.rows].tolist()

    def values(self):
        """Each row's cells in HEADERS order: dates as dates, days as numbers, text as text."""
        for row in self.rows.tolist():
            yield [cell(self.index, row, c, self.as_of) for c in range(len(HEADERS))]


def known_statuses() -> list[str]:
    """Every status ``derive_status`` can give, as the list shows it."""
    from foiadesk.core.deadlines.events import CLOSED_BY_AGENCY, OUTCOME_LABELS

    fixed = ["Draft", "Filed", "Processing", "Waiting on requester", "Determination", "Appeal pending"]
    outcomes = list(dict.fromkeys(OUTCOME_LABELS.values()))
    appeals = [f"Appeal {o.lower()}" for o in outcomes] + ["Appeal decided"]
    return fixed + outcomes + appeals + ["Withdrawn", "Closed", CLOSED_BY_AGENCY]


def _filter(db: Database, index: RequestIndex, flt: ListFilter) -> Filter:
    """``flt`` in the index's terms; refuses what cannot be selected."""
    if flt.deadline not in DEADLINE_STATES:
        raise ListError(f"Deadline state must be one of: {', '.join(DEADLINE_STATES)}.")
    if flt.soon_days < 0:
        raise ListError("'Due soon' needs a number of days of 0 or more.")
    case_id = None
    if flt.case:
        slugs = index_read.case_slugs(db)
        if flt.case in slugs:
            case_id = slugs[flt.case]
        elif flt.case.casefold() == NO_CASE:
            case_id = NONE
        else:
            raise ListError(f"There is no case '{flt.case}'.")
    if flt.component and not index_read.component_known(db, flt.component):
        raise ListError(f"There is no component '{flt.component}' in this log.")
    status = (flt.status or "").strip()
    if status.casefold() in ("open", "finished"):
        status = status.casefold()
    elif status:  # the list's own wording, in any case
        status = next((s for s in index.statuses() if s.casefold() == status.casefold()), status)
        if status.casefold() not in {s.casefold() for s in [*known_statuses(), *index.statuses()]}:
            known = ", ".join(known_statuses())
            raise ListError(f"There is no status '{flt.status}'. Use open, finished or one of: {known}.")
    ids = search_ids(db, index, flt.search) if flt.search.strip() else None
    return Filter(flt.deadline, status or None, case_id, flt.component, ids)


def list_rows(
    db: Database,
    flt: ListFilter,
    *,
    as_of: date,
    cal: Calendar | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ListRows:
    """The rows ``flt`` selects on ``as_of``, in the list's order (by default next deadline
    first, then by id; rows without an open deadline last)."""

    def step(done: int, total: int) -> None:
        stop_if(cancelled)
        if progress:
            progress(done, total)

    stop_if(cancelled)
    index = RequestIndex.load(db, cal or calendar(), on_progress=step, today=as_of)
    wanted = _filter(db, index, flt)
    rows = index.select(
        wanted, sort=flt.sort, descending=flt.descending, today=as_of, soon_days=flt.soon_days
    )
    return ListRows(index, rows, as_of)


RISKY = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(rows: ListRows) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads accents and dashes), ISO dates, amounts
    with two decimals. Text that a spreadsheet would run as a formula gets a leading "'"."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for values in rows.values():
        cells = []
        for value in values:
            if value is None:
                cells.append("")
            elif isinstance(value, date):
                cells.append(value.isoformat())
            elif isinstance(value, str):
                value = clean_text(value)
                cells.append("'" + value if value.lstrip(" ").startswith(RISKY) else value)
            else:
                cells.append(value)
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: ListRows, *, as_of: date) -> bytes:
    """One sheet with a bold, frozen header row, filters, real dates and dollar amounts.
    Text is always text: a title beginning with "=" is not run as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Requests")
    ws.freeze_panes = "A2"
    for i, heading in enumerate(HEADERS, 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[heading]
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(rows) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E7E6E6")
    head = []
    for title in HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="top")
        head.append(cell)
    ws.append(head)
    for values in rows.values():
        cells = []
        for col, value in enumerate(values):
            if isinstance(value, str):
                value = clean_text(value)
            item = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.lstrip(" ").startswith("="):
                item.data_type = "s"
            if col in _DATES:
                item.number_format = "yyyy-mm-dd"
            cells.append(item)
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
