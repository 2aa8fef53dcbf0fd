"""The Cases view: one case's requests by component, with the gaps its case pack shows,
and below them what the case is about (its summary, key dates and parties, with sources)."""

from __future__ import annotations

import re
from html import escape

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.errors import UserError
from foiadesk.core.reference.casepack import CasePack, shipped_case_packs
from foiadesk.core.store import reads
from foiadesk.core.tracking.casegrid import case_grid
from foiadesk.core.tracking.listing import NONE
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui.look import counted
from foiadesk.ui.models.cases import ABBR_ROLE, CaseGridModel
from foiadesk.ui.session import Session, not_read
from foiadesk.ui.widgets import Table

NO_CASES = "No cases yet. Give requests a case to see them side by side here."


def linked(sources: str) -> str:
    """Each web address as a link named by its site ("ncja.org"), the rest escaped."""
    out = []
    for part in re.split(r"(https?://[^\s;,]+)", sources):
        if part.startswith(("http://", "https://")):
            site = re.sub(r"^https?://(www\.)?", "", part).split("/")[0]
            out.append(
                f"<a href='{escape(part, quote=True)}' title='{escape(part, quote=True)}'>{escape(site)}</a>"
            )
        else:
            out.append(escape(part))
    return "".join(out)


class CasesView(QWidget):
    open_requests = Signal(int, str)  # case id, component
    new_case_requested = Signal()
    draft_missing = Signal(str, str, tuple)  # case pack id, component, record titles not yet asked

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.case = QComboBox()
        self.case.setAccessibleName("Case")
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.model = CaseGridModel(self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Case grid")
        self.table.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Case:", buddy=self.case))
        top.addWidget(self.case, 1)
        new = QPushButton("&New case…")
        new.clicked.connect(self.new_case_requested)
        top.addWidget(new)
        self.draft_button = QPushButton("&Draft what is not yet asked…")
        self.draft_button.setToolTip(
            "Compose letters to the selected office for the records it has not been asked for"
        )
        self.draft_button.clicked.connect(lambda: self._draft_missing(self.table.currentIndex()))
        top.addWidget(self.draft_button)
        self.story = QTextBrowser()
        self.story.setOpenExternalLinks(True)  # a source opens in the browser
        self.story.setAccessibleName("About the case")
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.table)
        self.split.addWidget(self.story)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(self.split, 1)
        self.case.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentChanged.connect(self._offer_draft)
        self._packs: dict[str, CasePack] | None = None
        self._stale = True
        session.lists_changed.connect(self._fill)
        session.rows_changed.connect(self.reload)
        session.display_changed.connect(self.reload)
        session.failed.connect(lambda _error: self.session.db is None and self.reload())  # not read
        session.when_loaded(self._fill)

    def _fill(self) -> None:
        current = self.case.currentData()
        self.case.blockSignals(True)
        self.case.clear()
        for case_id, name in self.session.index.cases.items():
            self.case.addItem(name, case_id)
        if current is None and self.case.count():  # at first, the case with the most requests
            ids, counts = np.unique(self.session.index.columns["case_id"], return_counts=True)
            known = [(n, int(c)) for c, n in zip(ids.tolist(), counts.tolist(), strict=True) if c != NONE]
            current = max(known)[1] if known else None
        self.case.setCurrentIndex(max(0, self.case.findData(current)))
        self.case.blockSignals(False)
        self.reload()

    def packs(self) -> list[CasePack]:
        """The shipped case packs (read once)."""
        if self._packs is None:
            try:
                self._packs = {p.id: p for p in shipped_case_packs()}
            except UserError:
                self._packs = {}
        return list(self._packs.values())

    def pack_for(self, case_id: int) -> CasePack | None:
        """The shipped case pack whose id is the case's short id, if any."""
        db = self.session.db
        slug = reads.case_slug_of(db, case_id) if db else None
        return {p.id: p for p in self.packs()}.get(slug) if slug else None

    def show_case(self, case_id: int) -> None:
        self.case.setCurrentIndex(max(0, self.case.findData(case_id)))

    def reload(self, *_args) -> None:
        """Rebuild the grid now if it is on screen, else the next time it is shown."""
        self._stale = not self.isVisible()
        if self._stale:
            return
        case_id = self.case.currentData()
        if case_id is None or self.session.db is None:
            self.table.set_placeholder(NO_CASES if self.session.db is not None else not_read(self.session))
            self.model.set_rows([], today=self.session.today(), soon_days=self.session.soon_days())
            self.about.clear()
            self.story.hide()
            self._offer_draft()
            return
        pack = self.pack_for(case_id)
        rows = case_grid(self.session.index, self.session.db, case_id, today=self.session.today(), pack=pack)
        self.model.set_rows(rows, today=self.session.today(), soon_days=self.session.soon_days())
        total = sum(r.requests for r in rows)
        overdue = sum(r.overdue for r in rows)
        gaps = [(r.component, len(r.unrequested)) for r in rows if r.unrequested]
        offices = sum(1 for r in rows if r.requests)
        text = f"{counted(total, 'request')} to {counted(offices, 'component')} · {overdue:,} overdue"
        if gaps:  # every office's, not only those with no request yet
            where = ", ".join(f"{list_office(component)} {n}" for component, n in gaps)
            records = counted(sum(n for _, n in gaps), "record")
            text += f" · {records} the case pack names not yet requested ({where})"
        self.about.setText(text)
        self.table.resizeColumnsToContents()
        self._offer_draft()
        story = self._story(case_id, pack, rows)
        self.story.setHtml(story)
        self.story.setVisible(bool(story))

    def _story(self, case_id: int, pack: CasePack | None, rows=()) -> str:
        """The case's summary, and from its pack each office's records (asked for or not
        yet), the key dates and parties, with their sources as links."""
        row = reads.case_name_and_summary(self.session.db, case_id)
        name, summary = row if row else ("", "")
        text = summary or (pack.summary if pack else "")
        if not text and pack is None:
            return ""
        parts = [f"<h3>{escape(name)}</h3>", f"<p>{escape(text)}</p>" if text else ""]
        if pack is not None:
            offices = [r for r in rows if r.pack_categories]
            if offices:
                parts.append("<h4>Records by office</h4>")
                for r in offices:
                    state = {t: "<b>not yet requested</b>" for t in r.unrequested}
                    items = "".join(
                        f"<li>{escape(t)} — {state.get(t, 'asked')}</li>" for t in r.pack_categories
                    )
                    parts.append(
                        f"<p style='margin-bottom:0'><b>{escape(list_office(r.component))}</b> "
                        f"{escape(r.component_name)}</p><ul style='margin-top:0'>{items}</ul>"
                    )
            if pack.key_dates:
                parts.append("<h4>Key dates</h4><table cellspacing='0' cellpadding='2'>")
                for kd in pack.key_dates:
                    parts.append(
                        f"<tr><td style='white-space:nowrap; padding-right:12px'>{kd.date}</td>"
                        f"<td>{escape(kd.what)} <small>[{kd.tag}] {linked(kd.source)}</small></td></tr>"
                    )
                parts.append("</table>")
            if pack.parties:
                people = "; ".join(f"{escape(p.name)} ({escape(p.role)})" for p in pack.parties)
                parts.append(f"<h4>Parties</h4><p>{people}</p>")
            parts.append(
                "<p><small>Tags: V verified in a source that was read, P partly confirmed, "
                "U unconfirmed: check P and U before relying on them.</small></p>"
            )
        return "".join(parts)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _missing(self, index) -> tuple[CasePack, str, tuple[str, ...]] | None:
        """The case pack, component and record titles not yet asked of the row at ``index``."""
        case_id = self.case.currentData()
        row = self.model.row(index.data(ABBR_ROLE)) if index.isValid() else None
        pack = self.pack_for(case_id) if row is not None and self.session.db is not None else None
        return (pack, row.component, row.unrequested) if pack and row.unrequested else None

    def _offer_draft(self, *_args) -> None:
        self.draft_button.setEnabled(self._missing(self.table.currentIndex()) is not None)

    def _draft_missing(self, index) -> None:
        missing = self._missing(index)
        if missing is not None:
            pack, component, titles = missing
            self.draft_missing.emit(pack.id, component, titles)

    def _activated(self, index) -> None:
        """An office with requests: its requests; one with none yet: the letters to ask it."""
        row = self.model.row(index.data(ABBR_ROLE))
        if row is not None and not row.requests:
            self._draft_missing(index)
        else:
            self.open_requests.emit(self.case.currentData(), index.data(ABBR_ROLE))
