"""Exports from the window: an evidence bundle of one request or of a case, the list as
it is filtered (CSV or XLSX), and every open deadline as an .ics calendar.

Each export asks where to save, then runs the core's export on the worker thread with
progress and Stop (the window's status bar shows both); the result (its path and what
the core noted, e.g. that no PDF could be made) goes to the message bar. An existing file
is replaced only after the user says so, in a dialog that does not block the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from foiadesk.core.errors import UserError
from foiadesk.core.export.files import ExportCancelled, ExportError, OutputExists
from foiadesk.ui.look import counted

if TYPE_CHECKING:  # the core's list modules load numpy and sqlite-utils: imported when used
    from foiadesk.core.export.sheet import ListFilter
    from foiadesk.core.tracking.listing import Filter
    from foiadesk.ui.window_access import WindowAccess

LIST_FORMATS = {"csv": "CSV, for any spreadsheet (*.csv)", "xlsx": "Excel workbook (*.xlsx)"}


# -- the list view's filter, as the list export takes it -----------------------------------------


def to_list_filter(
    flt: Filter,
    search: str,
    *,
    case_slugs: dict[int, str],
    soon_days: int,
    sort: str = "due",
    descending: bool = False,
) -> ListFilter:
    """The Requests view's filter and order as ``export_list`` takes them: the case by its
    short id instead of its row id, and the search as the text typed (the export searches
    again, the same way) instead of the hits. Raises ExportError for a case since removed."""
    from foiadesk.core.export.sheet import NO_CASE, ListFilter
    from foiadesk.core.tracking.listing import NONE

    case = None
    if flt.case_id == NONE:
        case = NO_CASE
    elif flt.case_id is not None:
        case = case_slugs.get(flt.case_id)
        if case is None:
            raise ExportError("The case chosen in the list is no longer in the log; press F5 and try again.")
    return ListFilter(
        case=case,
        component=flt.component,
        status=flt.status,
        deadline=flt.deadline or "all",
        search=search.strip(),
        soon_days=soon_days,
        sort=sort,
        descending=descending,
    )


def describe_filter(flt: ListFilter, case_name: str | None = None) -> str:
    """The filter in a few words for the message bar: "Overdue · ICE · “memo”"."""
    from foiadesk.core.tracking.listing import DEADLINE_LABELS, STATUS_CHOICES

    parts = []
    if flt.deadline != "all":
        parts.append(DEADLINE_LABELS.get(flt.deadline, flt.deadline))
    if flt.status:
        parts.append(STATUS_CHOICES.get(flt.status, flt.status))
    if flt.case:
        parts.append("No case" if flt.case == "none" and not case_name else case_name or flt.case)
    if flt.component:
        parts.append(flt.component)
    if flt.search:
        parts.append(f"“{flt.search}”")
    return " · ".join(parts)


def case_slugs(db) -> dict[int, str]:
    from foiadesk.core.store.reads import cases_by_name

    return {case_id: slug for case_id, slug, _name in cases_by_name(db)}


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:,.1f} {unit}"
    return ""  # not reached


def bundle_message(what: str, result) -> str:
    """What the message bar says after a bundle: where, how much, and the core's notes."""
    text = f"Saved {what} to {result.path} ({result.files} files, {size_text(result.size)})."
    if result.index_pdf is None:
        text += " The index is a Word file only."
    notes = " ".join(result.notes)
    return f"{text} {notes}".strip()


# -- running an export ---------------------------------------------------------------------------


@dataclass
class Job:
    """One export: its label in the status bar, where it writes, the core call
    ``work(db, out, force, progress, cancelled)`` and the message its result gives."""

    label: str
    out: Path
    work: Callable[..., Any]
    message: Callable[[Any], str]
    unit: str = ""  # what progress counts: "" for bytes (shown as a percentage), or "requests"


class Exporter(QObject):
    def __init__(self, access: WindowAccess, parent: QObject | None = None):
        super().__init__(parent)
        self.access = access
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        self.confirm: QMessageBox | None = None  # the open "replace?" question
        self.chooser: QInputDialog | None = None  # the open "which case?" question
        self.last_result: Any = None  # what the last export returned (for tests and the lead)
        self._jobs: dict[int, Job] = {}  # running task id → its job

    # -- the four exports ----------------------------------------------------------------------

    def evidence_bundle(self, request_id: int | None = None) -> None:
        """One request's bundle: the selected one, unless told which."""
        session = self.access.ready_session()
        if session is None:
            return
        request_id = request_id if request_id is not None else self.access.selected_request()
        if request_id is None:
            self.access.show(
                "Select a request first (Ctrl+2 shows the list), then export its bundle.", "info"
            )
            return
        from foiadesk.core.export.bundle import export_request
        from foiadesk.core.export.files import office_in_name

        pdf_maker, templates, as_of = _index_pdf_maker(), self._templates(), session.today()
        row = session.index.row_of(request_id)
        component = str(session.index.columns["component"][row]) if row is not None else ""
        office = f"-{office_in_name(component)}" if component else ""
        name = f"foia-request-{request_id}{office}-{as_of}.zip"
        out = self._save_as(f"Export the evidence bundle of request #{request_id}", name, ("zip",))
        if out is None:
            return

        cal = working_calendar(self.access.window)

        def work(db, out, force, progress, cancelled):
            return export_request(
                db, request_id, out, as_of=as_of, force=force, pdf=True, pdf_maker=pdf_maker,
                templates_dir=templates, progress=progress, cancelled=cancelled, cal=cal,
            )  # fmt: skip

        self.run(
            Job(
                f"Exporting the evidence bundle of #{request_id}",
                out,
                work,
                lambda result: bundle_message(f"the evidence bundle of request #{request_id}", result),
            )
        )

    def case_bundle(self, case_id: int | None = None) -> None:
        """Every request of a case in one bundle: the case the list shows or the selected
        request belongs to; otherwise the user picks one."""
        session = self.access.ready_session()
        if session is None:
            return
        from foiadesk.core.store.reads import cases_by_name

        cases = cases_by_name(session.db)
        if not cases:
            self.access.show(
                "This log has no cases yet: add one in Cases (Ctrl+3), then choose it as each "
                "request's case (Requests, its Notes and tags tab).",
                "info",
            )
            return
        if case_id is None:
            case_id = self.access.current_case_id()
        if case_id is None and len(cases) == 1:
            case_id = cases[0][0]
        chosen = next((c for c in cases if c[0] == case_id), None)
        if chosen is None:
            self._choose_case(cases)
            return
        _, slug, case_name = chosen
        from foiadesk.core.export.bundle import export_case

        pdf_maker, templates, as_of = _index_pdf_maker(), self._templates(), session.today()
        out = self._save_as(
            f"Export the case bundle of “{case_name}”", f"foia-case-{slug}-{as_of}.zip", ("zip",)
        )
        if out is None:
            return

        cal = working_calendar(self.access.window)

        def work(db, out, force, progress, cancelled):
            return export_case(
                db, slug, out, as_of=as_of, force=force, pdf=True, pdf_maker=pdf_maker,
                templates_dir=templates, progress=progress, cancelled=cancelled, cal=cal,
            )  # fmt: skip

        self.run(
            Job(
                f"Exporting the case bundle of “{case_name}”",
                out,
                work,
                lambda result: bundle_message(f"the case bundle of “{case_name}”", result),
            )
        )

    def _choose_case(self, cases: list[tuple]) -> None:
        """Ask which case (without blocking the window), then export it."""
        dialog = QInputDialog(self.access.window)
        dialog.setWindowTitle("Export a case bundle")
        dialog.setLabelText("Which case? Its requests, their letters, replies and deadlines go in one ZIP.")
        dialog.setComboBoxItems([name for _, _, name in cases])
        dialog.setOkButtonText("Export…")
        ids = {name: case_id for case_id, _, name in cases}
        dialog.textValueSelected.connect(lambda name: self.case_bundle(ids.get(name)))
        dialog.finished.connect(dialog.deleteLater)
        self.chooser = dialog
        dialog.open()

    def list_export(self) -> None:
        """The rows the Requests view shows, with its filter, as CSV or XLSX."""
        session = self.access.ready_session()
        if session is None:
            return
        view_filter = self.access.list_filter()
        if view_filter is None:
            return
        flt, search = view_filter
        try:
            model = getattr(self.access.requests_view(), "model", None)
            wanted = to_list_filter(
                flt, search, case_slugs=case_slugs(session.db), soon_days=session.soon_days(),
                sort=getattr(model, "sort_key", "due"), descending=getattr(model, "descending", False),
            )  # fmt: skip
        except UserError as error:
            self.access.show(str(error))
            return
        from foiadesk.core.export.sheet import export_list

        as_of = session.today()
        described = describe_filter(wanted, session.index.cases.get(flt.case_id))
        out = self._save_as("Export the list", f"foia-requests-{as_of}.csv", ("csv", "xlsx"))
        if out is None:
            return
        fmt = out.suffix.lower().lstrip(".")

        cal = working_calendar(self.access.window)

        def work(db, out, force, progress, cancelled):
            return export_list(
                db, wanted, out, fmt=fmt, as_of=as_of, force=force, progress=progress,
                cancelled=cancelled, cal=cal,
            )  # fmt: skip

        def message(count: int) -> str:
            which = f" (the list filtered to {described})" if described else " (the whole list)"
            return f"Exported {counted(count, 'request')}{which} to {out}."

        self.run(Job("Exporting the list", out, work, message, unit="requests"))

    def calendar(self) -> None:
        """Every open deadline, both sides', as an .ics file for the user's calendar."""
        session = self.access.ready_session()
        if session is None:
            return
        from foiadesk.core.export.ics import export_calendar

        as_of = session.today()
        out = self._save_as("Export open deadlines to a calendar", "foia-deadlines.ics", ("ics",))
        if out is None:
            return

        cal = working_calendar(self.access.window)

        def work(db, out, force, progress, cancelled):
            return export_calendar(
                db, out, as_of=as_of, force=force, progress=progress, cancelled=cancelled, cal=cal
            )

        def message(count: int) -> str:
            return (
                f"Saved {counted(count, 'open deadline')} to {out}, each with reminders a week "
                "and a day before. Import it into your calendar; importing a newer export updates them."
            )

        self.run(Job("Exporting deadlines to a calendar", out, work, message, unit="requests"))

    # -- shared steps --------------------------------------------------------------------------------

    def _templates(self) -> Path | None:
        settings = getattr(self.access.window, "settings", None)
        try:
            folder = settings.get("templates_folder") if settings is not None else ""
        except KeyError:
            folder = ""
        return Path(folder) if folder else None

    def _save_as(self, title: str, name: str, suffixes: tuple[str, ...]) -> Path | None:
        """Ask where to save. The question about an existing file comes later, from us."""
        filters = ";;".join(LIST_FORMATS.get(s, f"{s.upper()} file (*.{s})") for s in suffixes)
        chosen, selected = QFileDialog.getSaveFileName(
            self.access.window,
            title,
            str(self.folder / name),
            filters,
            "",
            QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower().lstrip(".") not in suffixes:
            wanted = next((s for s in suffixes if f"*.{s})" in (selected or "")), suffixes[0])
            out = out.with_name(f"{out.name}.{wanted}")
        self.folder = out.parent
        return out

    def run(self, job: Job, *, force: bool = False) -> None:
        """Start ``job`` on the worker, unless its file exists and replacing it is not agreed."""
        session = self.access.ready_session()
        if session is None:
            return
        if not force and job.out.exists():
            self._ask_to_replace(job)
            return
        holder: dict[str, Any] = {}

        def cancelled() -> bool:
            task = holder.get("task")
            return task is not None and task.cancel_requested.is_set()

        def fn(db, progress):
            return job.work(db, job.out, force, _throttled(progress, scale=not job.unit), cancelled)

        task = session.tasks.read(
            job.label,
            fn,
            on_done=lambda result: self._done(job, result),
            on_error=lambda error: self._failed(job, error),
            cancellable=True,
        )
        holder["task"] = task
        self._jobs[task.id] = job

    def progressed(self, task, done: int, total: int) -> None:
        """Connected after the window's own handler: say how far in words that fit."""
        job = self._jobs.get(task.id)
        if job is None or total <= 0:
            return
        if job.unit:
            self.access.set_status(f"{job.label}: {done:,} of {total:,} {job.unit}")
        else:
            self.access.set_status(f"{job.label}: {done * 100 // total}%")

    def ended(self, task) -> None:
        self._jobs.pop(task.id, None)

    def _done(self, job: Job, result) -> None:
        self.last_result = result
        text = job.message(result)
        self.access.show(text, "note")

    def _failed(self, job: Job, error: BaseException) -> None:
        from foiadesk.ui.tasks import Cancelled

        if isinstance(error, OutputExists):
            self._ask_to_replace(job)
        elif isinstance(error, Cancelled | ExportCancelled):
            self.access.show(f"Stopped: {job.out.name} was not written.", "info")
        else:
            self.access.report(error)

    def _ask_to_replace(self, job: Job) -> None:
        """A question that leaves the window usable; only "Replace" overwrites."""
        if self.confirm is not None:
            self.confirm.close()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace the file?",
            f"{job.out.name} already exists in {job.out.parent}.\n\nReplace it with this export?",
            QMessageBox.StandardButton.Cancel,
            self.access.window,
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button) -> None:
            self.confirm = None
            if button is replace:
                self.run(job, force=True)
            else:
                self.access.show(f"Not exported: {job.out.name} was left as it was.", "info")

        box.buttonClicked.connect(answered)
        self.confirm = box
        box.show()


def working_calendar(window):
    """The calendar the window counts with (disputed closure days skipped or not, as the
    shared settings say), so an export shows the same dates as the screen."""
    from foiadesk.core.settings import user_calendar

    return user_calendar()


def _index_pdf_maker():
    """The Qt maker of index PDFs (no LibreOffice needed); safe on the worker thread."""
    try:
        from foiadesk.ui.export_pdf import index_pdf
    except ImportError:  # pragma: no cover - ships with the window
        return None
    return index_pdf


def _throttled(progress: Callable[[int, int], None], *, scale: bool) -> Callable[[int, int], None]:
    """Pass progress on when it moves by a percent (or a thousandth, for bytes), so a long
    export does not send the window a signal for every step. Bytes are passed as
    thousandths: a bundle may pass 2 GB, more than a progress bar counts."""
    last = [-1]

    def step(done: int, total: int) -> None:
        if total <= 0:
            return
        if scale:
            done, total = done * 1000 // total, 1000
        mark = done * (1000 if scale else 100) // total
        if mark != last[0] or done >= total:
            last[0] = mark
            progress(done, total)  # raises the worker's Cancelled once the user stops

    return step
