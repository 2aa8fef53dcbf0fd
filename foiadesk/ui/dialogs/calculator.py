"""The deadline calculator: one clock from one date, without a request, with its trace.
The same core call as ``foiadesk due``; it answers as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import CALCULATOR_CLOCKS, calculate
from foiadesk.core.errors import UserError
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.tracking.tracker import appeal_rule
from foiadesk.ui.dialogs.event import date_edit

CLOCK_NAMES = {
    "response": "Response (20 working days)",
    "extended": "Response with an unusual-circumstances extension",
    "expedite": "Expedite decision (10 calendar days)",
    "appeal-decision": "Appeal decision (20 working days)",
    "appeal-window": "Appeal window (from an adverse determination)",
}


class CalculatorDialog(QDialog):
    def __init__(self, today: date, skip_closures: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Deadline calculator")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)
        self.kind = QComboBox()
        for key in CALCULATOR_CLOCKS:
            self.kind.addItem(CLOCK_NAMES.get(key, key), key)
        self.received = date_edit(today)
        self.tolled = QCheckBox("The agency asked for information (tolling)")
        self.asked = date_edit(today)
        self.answered = date_edit(today)
        self.agency = QComboBox()
        self.agency.addItem("Any agency (the statute's 90 calendar days)", None)
        for component in load_directory().curated():
            self.agency.addItem(f"{component.list_name} — {component.name}", component.key)
        self.skip = QCheckBox("Skip disputed closure days")
        self.skip.setChecked(skip_closures)
        self.result = QLabel()
        font = self.result.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result.setFont(font)
        self.result.setWordWrap(True)  # a date that cannot be is said whole, not cut at the edge
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        form = QFormLayout()
        form.addRow("&Clock", self.kind)
        self.received_label = QLabel("&Received by the agency on")
        self.received_label.setBuddy(self.received)
        form.addRow(self.received_label, self.received)
        form.addRow("", self.tolled)
        form.addRow("It &asked on", self.asked)
        form.addRow("It received the a&nswer on", self.answered)
        form.addRow("A&gency", self.agency)
        form.addRow("", self.skip)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.trace, 1)
        for widget in (self.kind, self.agency):
            widget.currentIndexChanged.connect(self.update_result)
        for widget in (self.received, self.asked, self.answered):
            widget.dateChanged.connect(self.update_result)
        for widget in (self.tolled, self.skip):
            widget.toggled.connect(self.update_result)
        self.update_result()

    def update_result(self) -> None:
        kind = self.kind.currentData()
        self.received_label.setText(
            "&Determination dated" if kind == "appeal-window" else "&Received by the agency on"
        )
        tolls = kind in ("response", "extended")
        self.tolled.setEnabled(tolls)
        for widget in (self.asked, self.answered):
            widget.setEnabled(tolls and self.tolled.isChecked())
        self.agency.setEnabled(kind == "appeal-window")
        tolled = None
        if tolls and self.tolled.isChecked():
            tolled = (self.asked.date().toPython(), self.answered.date().toPython())
        agency = self.agency.currentData()
        try:
            clock = calculate(
                kind,
                self.received.date().toPython(),
                calendar(skip_closures=self.skip.isChecked()),
                tolled=tolled,
                rule=appeal_rule(agency) if agency and kind == "appeal-window" else None,
            )
        except UserError as exc:
            self.result.setText(str(exc))
            self.result.setStyleSheet("color: #a00000;")
            self.trace.clear()
            return
        self.result.setStyleSheet("")
        due = clock.due
        self.result.setText(f"Due {due.isoformat()}, {due:%A}" if due else "Paused: no date yet")
        self.trace.setPlainText(clock.explain())
