"""The Agenda view: what is due across the log, soonest first. Enter opens the request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .agenda_model import HORIZONS, OWED_CHOICES, AgendaModel
from .requests_model import ID_ROLE
from .session import Session
from .widgets import DATE, Table


class AgendaView(QWidget):
    open_request = Signal(int)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.owed = QComboBox()
        for key, label in OWED_CHOICES.items():
            self.owed.addItem(label, key)
        self.owed.setAccessibleName("Owed by")
        self.horizon = QComboBox()
        for key, (label, _span) in HORIZONS.items():
            self.horizon.addItem(label, key)
        self.horizon.setAccessibleName("How far ahead")
        self.summary = QLabel()
        self.model = AgendaModel(session, self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Agenda")
        self.table.set_widths(
            {0: DATE, 1: "1,750 days overdue", 2: 6, 3: 20, 4: "99999", 5: "TREAS-DO", 7: 20}, stretch=6
        )
        self.table.set_placeholder("Reading the log…")
        self.table.activated.connect(self._activated)
        choices = QHBoxLayout()
        choices.addWidget(self.owed)
        choices.addWidget(self.horizon)
        choices.addStretch(1)
        choices.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.table, 1)
        self.owed.currentIndexChanged.connect(self._choose)
        self.horizon.currentIndexChanged.connect(self._choose)
        self.model.layoutChanged.connect(self._summarise)
        session.loaded.connect(self._loaded)

    def _choose(self) -> None:
        self.model.set_view(owed_by=self.owed.currentData(), horizon=self.horizon.currentData())

    def _loaded(self) -> None:
        self.table.set_placeholder("Nothing is due. Deadlines appear here once requests are filed.")
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _summarise(self) -> None:
        overdue, soon = self.model.counts()
        self.summary.setText(f"{overdue:,} overdue · {soon:,} due within {self.session.soon_days()} days")

    def _activated(self, index) -> None:
        self.open_request.emit(index.data(ID_ROLE))
