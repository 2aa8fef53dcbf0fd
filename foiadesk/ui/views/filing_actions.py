"""The request detail's filing and follow-up buttons: File…, Package to send… and Portal
fields… for a draft, and for each deadline its next step (the Next step… button and the deadline's
context menu), which drafts the follow-up from the log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from foiadesk.core.errors import UserError
from foiadesk.core.letters.next_steps import KINDS, next_steps

PACKAGES = {
    "email": "Email draft (.eml) to send from your mail program…",
    "mail": "Letter to print and mail…",
    "fax": "Letter to print and fax…",
    "portal": "Letter to upload to the portal…",
}


class FilingActions:
    """Installed on a RequestDetail; keeps its dialogs alive while they are open."""

    def __init__(self, detail):
        self.detail = detail
        self.dialog = None
        self.menu: QMenu | None = None
        self.last_followup = None  # the letter drafted last (its .docx is also in the log)
        self.file_button = QPushButton("&File…")
        self.file_button.setToolTip("Mark this draft as sent: channel, confirmation, proof")
        self.file_button.clicked.connect(self.file)
        self.portal_button = QPushButton("Portal fiel&ds…")
        self.portal_button.setToolTip("The letter as the FOIA.gov form's fields, each with a Copy button")
        self.portal_button.clicked.connect(self.portal)
        self.package_button = QPushButton("Packa&ge to send…")
        self.package_button.setToolTip(
            "Write the letter as it goes: an email draft, a letter to print for mail or fax, "
            "or the file to upload to the portal"
        )
        self.package_button.clicked.connect(self._package_menu)
        self.next_button = QPushButton("&Next step…")
        self.next_button.setToolTip("Draft the letter this deadline calls for, from the log")
        self.next_button.clicked.connect(lambda: self.follow_up(None))
        row = QHBoxLayout()
        for button in (self.next_button, self.file_button, self.package_button, self.portal_button):
            row.addWidget(button)
        row.addStretch(1)
        detail.clock_table.parentWidget().layout().addLayout(row)
        # Tab reaches them where they stand: below the deadlines, before the timeline
        for before, after in (
            (detail.trace, self.next_button),
            (self.next_button, self.file_button),
            (self.file_button, self.package_button),
            (self.package_button, self.portal_button),
        ):
            QWidget.setTabOrder(before, after)
        table = detail.clock_table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().currentRowChanged.connect(self.update)
        detail.clocks.modelReset.connect(self.update)
        detail.clocks.layoutChanged.connect(self.update)
        detail.session.rows_changed.connect(self.update)
        detail.session.loaded.connect(self.update)
        self.update()

    def _clock(self, row: int | None = None):
        detail = self.detail
        if row is None:
            index = detail.clock_table.currentIndex()
            row = index.row() if index.isValid() else None
        if row is None or detail.view is None:
            return None
        return detail.clocks.clock(detail.clocks.key(row))

    def steps(self, clock=None) -> list[str]:
        clock = clock or self._clock()
        return next_steps(clock, self.detail.session.today()) if clock else []

    def update(self, *_args) -> None:
        view = self.detail.view
        draft = view is not None and view.status == "Draft"
        self.file_button.setVisible(draft)
        self.package_button.setVisible(draft)
        self.portal_button.setVisible(draft)
        self.next_button.setEnabled(bool(self.steps()))

    def _context_menu(self, pos) -> None:
        index = self.detail.clock_table.indexAt(pos)
        steps = self.steps(self._clock(index.row())) if index.isValid() else []
        if not steps:
            return
        menu = QMenu(self.detail.clock_table)
        for kind in steps:
            menu.addAction(f"Draft: {KINDS[kind][1]}…", lambda k=kind: self.follow_up(k))
        self.menu = menu
        menu.popup(self.detail.clock_table.viewport().mapToGlobal(pos))

    def _open(self, make) -> None:
        try:
            dialog = make()
        except UserError as exc:
            self.detail.failed.emit(exc)
            return
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def follow_up(self, kind: str | None) -> None:
        from foiadesk.ui.dialogs.filing import FollowupDialog

        detail = self.detail
        if detail.request_id is None:
            return
        kinds = [kind] if kind else self.steps()

        def make():
            dialog = FollowupDialog(detail.session, detail.request_id, kinds, parent=detail)
            dialog.accepted.connect(lambda: self._drafted(dialog))
            return dialog

        self._open(make)

    def _drafted(self, dialog) -> None:
        """The letter is on the timeline (the write's changes were shown first): select it
        and put the keyboard there, so Enter opens it."""
        self.last_followup = dialog.followup
        selected = self.detail.select_latest_draft()
        self.detail.said.emit(dialog.drafted_text(selected=selected))

    def file(self) -> None:
        from foiadesk.ui.dialogs.filing import MarkFiledDialog

        detail = self.detail
        if detail.request_id is None:
            return

        def make():
            dialog = MarkFiledDialog(detail.session, detail.request_id, parent=detail)
            dialog.accepted.connect(lambda: detail.said.emit(dialog.filed_text()))
            return dialog

        self._open(make)

    def _package_menu(self) -> None:
        """The ways the component takes requests, each a package to write (one it has no
        address for is shown, greyed, with the reason)."""
        from foiadesk.core.letters.filing import channel_address, component_for

        detail = self.detail
        if detail.request_id is None or detail.session.db is None:
            return
        try:
            comp = component_for(detail.session.db, detail.request_id)
        except UserError as exc:
            detail.failed.emit(exc)
            return
        menu = QMenu(self.package_button)
        for channel, text in PACKAGES.items():
            act = menu.addAction(text, lambda c=channel: self.package(c))
            if channel != "portal" and not channel_address(comp, channel):
                act.setEnabled(False)
                act.setText(f"{text.rstrip('…')} (none on file for {comp.list_name})")
        self.menu = menu
        menu.popup(self.package_button.mapToGlobal(self.package_button.rect().bottomLeft()))

    def package(self, channel: str) -> None:
        """Ask where to save (the system's dialog), write it in the background, then say
        what was written and what to do next."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from foiadesk.core.letters.filing import PACKAGE_SUFFIXES, package_name, write_package

        detail = self.detail
        request_id = detail.request_id
        if request_id is None or detail.session.db is None:
            return
        suffixes = PACKAGE_SUFFIXES[channel]
        kinds = {".eml": "Email draft (*.eml)", ".docx": "Word document (*.docx)", ".pdf": "PDF (*.pdf)"}
        name, _ = QFileDialog.getSaveFileName(
            detail,
            PACKAGES[channel].rstrip("…"),
            str(Path.home() / package_name(detail.session.db, request_id, channel)),
            ";;".join(kinds[s] for s in suffixes),
        )
        if not name:
            return
        out = Path(name)
        if out.suffix.lower() not in suffixes:
            out = out.with_name(out.name + suffixes[0])

        def written(package):
            notes = "".join(f" Note: {n}" for n in package.notes)
            detail.noted.emit(f"Wrote {package.path}. {package.next_step}{notes}")

        # the save dialog asked before replacing a file; the log itself is still refused
        detail.session.tasks.read(
            "Writing the package",
            lambda db, _progress: write_package(db, request_id, channel, out, force=True),
            on_done=written,
            on_error=detail.failed.emit,
            cancellable=False,
        )

    def portal(self) -> None:
        from foiadesk.ui.dialogs.filing import PortalFieldsDialog

        detail = self.detail
        if detail.request_id is not None:
            self._open(lambda: PortalFieldsDialog(detail.session, detail.request_id, parent=detail))


class AgendaNextSteps:
    """The agenda's context menu: each deadline's next step, drafted from the log."""

    def __init__(self, agenda):
        self.agenda = agenda
        self.menu: QMenu | None = None
        self.dialog = None
        self.last_followup = None
        agenda.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        agenda.table.customContextMenuRequested.connect(self._context_menu)

    def steps_at(self, index) -> tuple[int | None, list[str]]:
        """The request of an agenda row and the letters its deadline offers, from what the
        row already holds (a right click reads nothing from the log)."""
        from foiadesk.core.letters.next_steps import steps_for
        from foiadesk.core.tracking.listing import CLOCK_LABELS, CLOCKS

        model, session = self.agenda.model, self.agenda.session
        request_id = model.request_id(index)
        if request_id is None or session.db is None:
            return None, []
        _row, clock_no, due = model._deadline(index.siblingAtColumn(0))
        key = CLOCKS[clock_no]
        return request_id, steps_for(key, CLOCK_LABELS[key], late=due < session.today().toordinal())

    def _context_menu(self, pos) -> None:
        index = self.agenda.table.indexAt(pos)
        request_id, steps = self.steps_at(index) if index.isValid() else (None, [])
        if not steps:
            return
        menu = QMenu(self.agenda.table)
        for kind in steps:
            menu.addAction(f"Draft: {KINDS[kind][1]}…", lambda k=kind, r=request_id: self.follow_up(r, k))
        self.menu = menu
        menu.popup(self.agenda.table.viewport().mapToGlobal(pos))

    def follow_up(self, request_id: int, kind: str) -> None:
        from foiadesk.ui.dialogs.filing import FollowupDialog

        dialog = FollowupDialog(self.agenda.session, request_id, [kind], parent=self.agenda)
        dialog.accepted.connect(lambda: self._drafted(dialog))
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _drafted(self, dialog) -> None:
        self.last_followup = dialog.followup
        self.agenda.said.emit(dialog.drafted_text())
