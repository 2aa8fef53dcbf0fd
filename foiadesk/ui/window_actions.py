"""What the window does with the open log: requests, events, cases, requester profiles,
the demo log and backups. Each action opens a dialog or hands a core call to the
background tasks; what changed comes back through the session to the views.

Modules that read the log or draft letters are imported when first used, so the window
itself opens without them (see ``window.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from foiadesk.ui.views.welcome import DEMO_REQUESTS, PACK_ID


class LogActions:
    """Mixed into MainWindow: uses its session, views, banner and dialogs."""

    def back_up(self, dest: Path | None = None) -> None:
        from foiadesk.core.store.db import backup

        def done(path):
            self.banner.show_message(f"Backed up to {path}", kind="info")
            self.settings_view.refresh()

        # A chosen file was confirmed by the save dialog; the log itself is still refused.
        self.session.tasks.read(
            "Backing up",
            lambda db, _progress: backup(db, dest, force=dest is not None),
            on_done=done,
            cancellable=False,
        )

    def back_up_to(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Back up the log to",
            str(Path.home() / f"foiadesk-backup-{self.session.today()}.sqlite3"),
            "FoiaDesk logs (*.sqlite3)",
        )
        if name:
            self.back_up(Path(name))

    def restore_backup(self) -> None:
        """Log › Restore a backup…: pick one of the log's backups (or another file)."""
        import shiboken6

        from foiadesk.core.store import restore
        from foiadesk.ui.dialogs.restore import RestoreDialog
        from foiadesk.ui.tasks import WithoutLog

        path = self.session.path
        dialog = RestoreDialog(path, None, self)
        dialog.chosen.connect(self._restore_from)
        self._show_dialog(dialog)

        def read(backups) -> None:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.set_backups(backups)

        def unreadable(error: BaseException) -> None:
            if shiboken6.isValid(dialog):
                dialog.reject()
            self.report(error)

        # each backup is opened to say what it holds: on a thread of its own, without the
        # log (which may be the damaged one the user wants to replace)
        listing = lambda: restore.list_backups(path)  # noqa: E731
        WithoutLog("Reading the backups", listing, on_done=read, on_error=unreadable, parent=self)

    def _restore_from(self, source: Path) -> None:
        """Close the log, restore ``source`` in its place on a thread of its own (the core
        backs the log up first and refuses, changing nothing, a backup it cannot use: that
        reads every page of both files), then read the log again and say what happened."""
        from foiadesk.core.errors import UserError
        from foiadesk.core.store.restore import restore
        from foiadesk.ui.tasks import WithoutLog

        if not self._drafts_may_go("Restore a backup", "Restore the backup and lose"):
            return
        path = self.session.path
        label = f"Restoring {source.name}"
        self.close_log(f"{label} in place of {path.name}…")
        self.status.setText(f"{label}…")
        self.progress.setRange(0, 0)  # busy: the check and the copies say nothing of how far
        self.progress.show()

        def reopen(text: str, kind: str, error: BaseException | None = None) -> None:
            self.without_log = None
            self.progress.hide()
            self.open_log(path)

            def say():  # once the log is read, after what the window says on opening a log
                self.session.loaded.disconnect(say)
                if error is not None:
                    self.report(error)
                else:
                    self.banner.show_message(text, kind)

            self.session.loaded.connect(say)

        def done(restored) -> None:
            kept = (
                f" The log as it was is kept as {restored.kept.name}: restore it to undo this."
                if restored.kept
                else ""
            )
            reopen(f"Restored the backup {restored.backup.describe()}.{kept}", "note")

        def failed(error: BaseException) -> None:
            reopen(str(error), "error", None if isinstance(error, UserError) else error)

        self.without_log = WithoutLog(
            label, lambda: restore(path, source), on_done=done, on_error=failed, parent=self
        )

    # -- first steps ----------------------------------------------------------------------------

    def edit_profile(self, profile=None, *, problem: str = "") -> None:
        """Add (None) or edit a requester profile; the composer then starts from it.
        ``problem``: why the details came back (a name already saved), said in the dialog."""
        if self.session.db is None:
            return self._not_open()
        from foiadesk.ui.dialogs.profile import ProfileDialog

        dialog = ProfileDialog(profile, self)
        if problem:
            dialog.show_problem(problem)
        # read at once: the dialog is gone when the write is done
        dialog.accepted.connect(lambda: self._save_profile(dialog.draft()))
        self._show_dialog(dialog)

    def _save_profile(self, draft, *, replace: bool = False) -> None:
        """Save in the background. A name already saved (the core refuses two profiles of
        one name): a new profile may replace the saved one, if the user says so; otherwise
        the details come back in the dialog, with the core's message, for another name."""
        from foiadesk.core.store.requesters import ProfileNameTaken, save_profile

        def saved(changes):
            self.composer.choose_requester(changes.new_id)
            done = "Replaced the saved profile" if replace else "Saved the profile"
            self.banner.show_message(f"{done} of {draft.name}.", "info")

        def failed(error):
            if not isinstance(error, ProfileNameTaken):
                return self.report(error)
            answer = draft.id is None and QMessageBox.question(
                self,
                "A profile of this name is saved",
                f"{error}\n\nOr replace the saved profile of {draft.name} with these details?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Yes:
                return self._save_profile(draft, replace=True)
            self.edit_profile(draft, problem=str(error))

        self.session.tasks.write(
            "Saving the profile",
            lambda db: save_profile(db, draft, replace=replace),
            on_done=saved,
            on_error=failed,
        )

    def load_case_pack(self) -> None:
        from foiadesk.ui.dialogs.case import pack_draft

        pack = next((p for p in self.cases.packs() if p.id == PACK_ID), None)
        if pack is None:
            return self.banner.show_message("The IRS–ICE MOU case pack is missing from this installation.")
        self._add_case(pack_draft(pack))

    def open_demo(self) -> None:
        """Write a demo log next to the user's own (in the background) and open it. Unsaved
        drafted letters are asked about first: kept, nothing is written. Should the switch
        still be refused once it is written (letters drafted meanwhile, kept), the demo log
        is removed, not left unopened: it holds nothing of the user's, and the next demo
        would only be written beside it (demo-2.sqlite3)."""
        from foiadesk.core.demo import write_demo
        from foiadesk.core.paths import data_dir

        if not self._drafts_may_go("Open a demo log", "Open a demo log and lose"):
            return
        agreed = self._unsaved_drafts()
        folder = data_dir()
        path = folder / "demo.sqlite3"
        n = 2
        while path.exists():
            path, n = folder / f"demo-{n}.sqlite3", n + 1

        def write(_db, _progress):
            folder.mkdir(parents=True, exist_ok=True)
            write_demo(path, requests=DEMO_REQUESTS, today=self.session.today())
            return path

        button = self.agenda.welcome.demo_button
        button.setEnabled(False)  # one demo log, however often it is clicked meanwhile

        def written(path):
            button.setEnabled(True)  # before the switch, which deletes the button
            if self._switch_to(path, ask=self._unsaved_drafts() > agreed):  # says "demo" once read
                self.show_view(0)
            else:
                for file in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
                    file.unlink(missing_ok=True)

        def failed(error):
            button.setEnabled(True)
            self.report(error)

        self.session.tasks.read(
            f"Writing a demo log of {DEMO_REQUESTS:,} requests",
            write,
            on_done=written,
            on_error=failed,
            cancellable=False,
        )

    # -- requests and events ----------------------------------------------------------------

    def open_request(self, request_id: int) -> None:
        self.tabs.setCurrentWidget(self.requests)
        self.requests.show_request(request_id)
        self.requests.table.setFocus()

    def open_case_component(self, case_id: int, component: str) -> None:
        self.tabs.setCurrentWidget(self.requests)
        self.requests.set_filter(case_id=case_id, component=component)
        self.requests.table.setFocus()

    def draft_missing(self, pack_id: str, component: str, titles: tuple) -> None:
        """From the Cases view: the composer, set to ask ``component`` for ``titles``."""
        self.tabs.setCurrentWidget(self.composer)
        self.composer.ask_for(pack_id, component, titles)

    def selected_request(self) -> int | None:
        """The request the user has selected in the view on screen: the agenda's row, the
        draft picked in Compose's Mark as filed, else the one the Requests list shows."""
        current, composer = self.tabs.currentWidget(), self._built(3)
        request_id = None
        if current is self.agenda:
            request_id = self.agenda.selected_request()
        elif current is composer and composer.steps.currentWidget() is composer.filing:
            request_id = composer.filing.selected()  # Ctrl+L took the list's, not this draft
        return request_id if request_id is not None else self.requests.current_request_id()

    def new_request(self) -> None:
        if self.session.db is None:
            return self._not_open()
        from foiadesk.core.tracking.details import requesters
        from foiadesk.ui.dialogs.request import RequestDialog

        dialog = RequestDialog(
            self.session.index.cases, requesters(self.session.db), self, case_id=self._case_in_view()
        )
        dialog.saver = self._add_request
        self._show_dialog(dialog)

    def _case_in_view(self) -> int | None:
        """The case the user is looking at: the one the Cases view shows, else the one the
        request list is filtered to (None: all cases, or requests with no case)."""
        cases = self._built(2)
        if cases is not None and self.tabs.currentWidget() is cases:
            return cases.case.currentData()
        case_id = self.requests.case_choice.currentData()
        return case_id if case_id in self.session.index.cases else None

    def _add_request(self, draft, done=None, failed=None) -> None:
        """Save a new request; the dialog (``done``/``failed``) closes only once it is saved."""

        def added(changes):
            if done is not None:
                done(changes)
            self.open_request(changes.new_id)
            self.banner.show_message(
                f"Added request #{changes.new_id}. Press Ctrl+L to log its filing.", "info"
            )

        self.session.tasks.write("Adding the request", draft.save, on_done=added, on_error=failed)

    def new_case(self) -> None:
        from foiadesk.ui.dialogs.case import CaseDialog

        dialog = CaseDialog(self.cases.packs(), self)
        dialog.accepted.connect(lambda: self._add_case(dialog.draft()))
        self._show_dialog(dialog)

    def _add_case(self, draft) -> None:
        def added(changes):
            self.tabs.setCurrentWidget(self.cases)
            self.cases.show_case(changes.new_id)
            self.banner.show_message(f"Added the case “{draft.name}”.", "info")

        self.session.tasks.write("Adding the case", draft.save, on_done=added)

    def _drafts_logged(self, changes) -> None:
        """The composer stays on its filing step; the list shows the drafts' case, and says
        so: the case in its filters, and a message on how many it shows and how to see all.
        (Only the case: a draft marked filed stays in sight.)"""
        from foiadesk.ui.look import counted

        ids = sorted(changes.request_ids)
        index = self.session.index
        row = index.row_of(ids[0])
        requests = self.requests
        requests.set_filter(case_id=int(index.columns["case_id"][row]))
        requests.show_request(ids[0])
        shown = requests.model.total()
        listed = counted(shown, "draft") if shown == len(ids) else counted(shown, "request")
        self.banner.show_message(
            f"Saved and logged {counted(len(ids), 'drafted request')} "
            f"(#{ids[0]}{f'–#{ids[-1]}' if len(ids) > 1 else ''}). Requests (Ctrl+2) is showing "
            f"the {listed} of case “{index.case_name(row)}” — clear the filter (Show all) to see all. "
            "When you send each letter, mark it as filed here.",
            "info",
            until=(requests.filter_changed, self.composer.filing.filed),
        )

    def log_event_on_selected(self) -> None:
        request_id = self.selected_request()
        if request_id is None:
            return self.banner.show_message("Select a request first (Ctrl+2 shows the list).", "info")
        self.log_event(request_id)

    def log_event(self, request_id: int) -> None:
        if self.session.db is None:
            return self._not_open()
        from foiadesk.core.store.log import events_for
        from foiadesk.core.tracking.tracker import appeal_rule
        from foiadesk.ui.dialogs.event import EventDialog

        row = self.session.index.row_of(request_id)
        title = self.session.index.columns["title"][row] if row is not None else ""
        rule = appeal_rule(self.session.index.columns["component"][row]) if row is not None else None
        history = events_for(self.session.db, request_id)
        dialog = EventDialog(
            request_id,
            title,
            history,
            today=self.session.today(),
            cal=self.session.calendar(),
            rule=rule,
            parent=self,
        )
        dialog.saver = self._log
        self._show_dialog(dialog)

    def _log(self, draft, done=None, failed=None) -> None:
        """Save an event; the dialog (``done``/``failed``) closes only once it is saved."""
        from foiadesk.core.letters.followups import summary_in_words

        label = summary_in_words(draft.event.summary or draft.event.type)

        def logged(changes):
            if done is not None:
                done(changes)
            self.banner.show_message(f"Logged “{label}” on #{draft.request_id}.", "info")

        self.session.tasks.write("Logging the event", draft.save, on_done=logged, on_error=failed)
