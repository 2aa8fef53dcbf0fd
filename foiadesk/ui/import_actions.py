"""Importing agency replies from the window: picked from the menu or dropped on a request
or on the window.

Each file is read and parsed on the worker thread (a PDF can take a moment), refused at
once if it cannot be used or is already in the log (the core's message goes to the message
bar, and nothing is stored), then reviewed in ``ImportDialog``. A file dropped on a
request goes on that request; otherwise ``propose_request`` finds it by tracking number,
then by the agency its letterhead names, then by dates and subject, and says why and how
sure; when nothing fits the user picks one. Reading can be stopped with Esc and stops by
itself after ``READ_SECONDS``. Only Accept writes, through the background tasks; several
files are reviewed one after another.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from foiadesk.core.errors import UserError

if TYPE_CHECKING:  # the dialog and the core's import load the clock engine: imported when used
    from foiadesk.ui.dialogs.import_reply import ImportDialog
    from foiadesk.ui.window_access import WindowAccess

REPLY_FILES = "Agency replies (*.eml *.msg *.pdf *.docx *.txt);;All files (*)"


class Importer(QObject):
    def __init__(self, access: WindowAccess, parent: QObject | None = None):
        super().__init__(parent)
        self.access = access
        self.folder = Path.home()
        self.dialog: ImportDialog | None = None  # the review on screen, if any
        self.last_changes = None  # what the last accepted import changed (for tests and the lead)
        self._queue: deque[tuple[Path, int | None, int | None]] = deque()
        self._reading = False

    def pick(self) -> None:
        """Ask for reply files, then review each: matched by tracking number, else on the
        request selected in the window (proposed, for the user to confirm or change)."""
        if self.access.ready_session() is None:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self.access.window, "Import agency replies", str(self.folder), REPLY_FILES
        )
        if names:
            self.folder = Path(names[0]).parent
            self.import_files([Path(n) for n in names], suggest=self.access.selected_request())

    def import_files(
        self, paths: list[Path], request_id: int | None = None, *, suggest: int | None = None
    ) -> None:
        """Review ``paths`` one by one. ``request_id``: the request they were dropped on;
        without it each is matched by tracking number, falling back to ``suggest``."""
        self._queue.extend((Path(p), request_id, suggest) for p in paths)
        self._next()

    def files_dropped(self, paths: list[Path], request_id: int | None) -> None:
        self.import_files(paths, request_id)

    def cancel(self) -> None:
        """The log is closing: forget queued files and close the review."""
        self._queue.clear()
        self._reading = False
        if self.dialog is not None:
            self.dialog.reject()

    def _next(self) -> None:
        if self._reading or self.dialog is not None or not self._queue:
            return
        session = self.access.ready_session()
        if session is None:
            self._queue.clear()
            return
        path, request_id, suggest = self._queue.popleft()
        from foiadesk.core.replies.importing import DuplicateReplyError, already_imported, read_and_propose
        from foiadesk.core.replies.matching import propose_request

        def read(db, progress):
            reply, proposal = read_and_propose(path, check=lambda: progress(0, 1))
            duplicate = already_imported(db, reply.sha256, reply.filename)
            if duplicate:
                raise DuplicateReplyError(duplicate)
            match = propose_request(db, proposal, reply, dropped_on=request_id, selected=suggest)
            progress(1, 1)
            return reply, proposal, match

        self._reading = True
        session.tasks.read(
            f"Reading {path.name}",
            read,
            on_done=lambda result: self._review(path, request_id, suggest, *result),
            on_error=self._read_failed,
        )

    def _read_failed(self, error: BaseException) -> None:
        self._reading = False
        self.access.report(error)  # a bad or duplicate file: the core's words; nothing stored
        self._next()

    def _review(
        self,
        path: Path,
        dropped_on: int | None,
        suggest: int | None,
        reply,
        proposal,
        match,
    ) -> None:
        self._reading = False
        session = self.access.ready_session()
        if session is None:
            return
        from foiadesk.core.replies.importing import preview
        from foiadesk.ui.dialogs.import_reply import ImportDialog, request_label

        index = session.index
        request_id, how = match.request_id, match.why
        if request_id is not None and index.row_of(request_id) is None:
            request_id = None
        first = [*match.candidates, dropped_on, suggest, self.access.selected_request()]
        ids = [int(i) for i in index.columns["id"].tolist()]
        order = list(dict.fromkeys(i for i in first if i is not None and index.row_of(i) is not None))
        seen = set(order)
        order += [i for i in ids if i not in seen]
        components, titles = index.columns["component"], index.columns["title"]
        requests = []
        for rid in order:
            row = index.row_of(rid)
            requests.append((rid, request_label(rid, str(components[row]), str(titles[row]))))

        def show(rid: int, edited):
            return preview(session.db, rid, edited, reply, today=session.today(), cal=session.calendar())

        dialog = ImportDialog(
            reply,
            proposal,
            preview=show,
            requests=requests,
            request_id=request_id,
            how_chosen=how,
            today=session.today(),
            source=path,
            parent=self.access.window,
        )
        dialog.record.connect(self._record)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.update_preview()
        dialog.open()

    def _closed(self, dialog: ImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self._next()

    def _record(self, request_id: int, proposal) -> None:
        dialog = self.dialog
        session = self.access.ready_session()
        if dialog is None or session is None:
            return
        from foiadesk.core.deadlines.events import EVENT_TYPES
        from foiadesk.core.replies.importing import accept

        reply, shown, today = dialog.reply, dialog.current, session.today()

        def done(changes) -> None:
            self.last_changes = changes
            if self.dialog is dialog:
                dialog.recorded()
            self.access.open_request(request_id)
            labels = ", ".join(EVENT_TYPES[e.type].label for e in shown.events) if shown else "the reply"
            status = f" Status: {shown.status_after}." if shown else ""
            self.access.show(
                f"Recorded {reply.filename} on #{request_id}: {labels}.{status} The file is kept in the log.",
                "info",
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                dialog.show_failure(str(error))
            else:
                dialog.set_busy(False)
                self.access.report(error)

        session.tasks.write(
            f"Recording {reply.filename}",
            lambda db: accept(db, request_id, proposal, reply, today=today),
            on_done=done,
            on_error=failed,
        )
