"""The New case dialog: a name, or a shipped case pack to start from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from foiadesk.core.reference.casepack import CasePack, dump_case_pack
from foiadesk.core.store.log import Changes, add_case
from foiadesk.ui.widgets import ok_cancel


@dataclass(frozen=True)
class CaseDraft:
    name: str
    slug: str
    summary: str = ""
    pack_json: str | None = None

    def save(self, db) -> Changes:
        return add_case(db, slug=self.slug, name=self.name, summary=self.summary, pack_json=self.pack_json)


def pack_draft(pack: CasePack, name: str = "") -> CaseDraft:
    """A new case from a shipped case pack (its short id is the pack's)."""
    return CaseDraft(name or pack.name, pack.id, pack.summary, dump_case_pack(pack))


def slug_of(name: str) -> str:
    """A short id from a name: 'IRS–ICE MOU (2025)' → 'irs-ice-mou-2025', 'Sécurité' →
    'securite' (accents dropped, not the letters they sit on)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))[:60]


class CaseDialog(QDialog):
    def __init__(self, packs: list[CasePack], parent=None):
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.packs = {p.id: p for p in packs}
        self.pack = QComboBox()
        self.pack.addItem("No case pack: start empty", None)
        for pack in packs:
            self.pack.addItem(pack.name, pack.id)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. DHS–SSA data sharing, 2025")
        self.about = QLabel()
        self.about.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Start from a case &pack", self.pack)
        form.addRow("&Name", self.name)
        buttons = ok_cancel(self, "Add case")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(buttons)
        self.pack.currentIndexChanged.connect(self._pack_chosen)

    def _pack_chosen(self) -> None:
        pack = self.packs.get(self.pack.currentData())
        if pack is not None:
            self.name.setText(pack.name)
        self.about.setText(pack.summary if pack else "")

    def draft(self) -> CaseDraft:
        pack = self.packs.get(self.pack.currentData())
        name = self.name.text().strip()
        if pack is not None:
            return pack_draft(pack, name)
        return CaseDraft(name, slug_of(name))

    def accept(self) -> None:
        if not self.draft().name:
            self.about.setText("Give the case a name, or pick a case pack.")
            self.name.setFocus()
            return
        super().accept()
