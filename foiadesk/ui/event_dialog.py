"""The Log event dialog: the fields follow the event type, and the log's own checks run
before it closes, so a mistake is explained in place rather than after saving."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.events import CHANNELS, EVENT_TYPES, OUTCOME_LABELS, Event
from ..core.log import Attachment, Changes, LogError, NewEvent, check_event, record_event

AMOUNT_TYPES = ("fee_estimate", "payment")


@dataclass(frozen=True)
class EventDraft:
    request_id: int
    event: NewEvent  # without files: they are read when saving, off the GUI thread
    files: tuple[Path, ...] = ()

    def save(self, db) -> Changes:
        attachments = []
        for path in self.files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise LogError(f"Cannot read {path.name} ({exc.strerror}); nothing was saved.") from None
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            attachments.append(Attachment(path.name, data, mime))
        return record_event(db, self.request_id, replace(self.event, files=tuple(attachments)))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class OptionalDate(QWidget):
    """A date that may be left out (a tick box in front of the date)."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.given = QCheckBox("known:")
        self.edit = date_edit(today)
        self.edit.setEnabled(False)
        self.given.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.given)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.given.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(_qdate(day))


class EventDialog(QDialog):
    def __init__(self, request_id: int, title: str, history: list[Event], *, today: date, parent=None):
        super().__init__(parent)
        self.request_id = request_id
        self.history = history
        self.today = today
        self.files: list[Path] = []
        self.setWindowTitle(f"Log an event — #{request_id}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

        self.type = QComboBox()
        for key, kind in EVENT_TYPES.items():
            self.type.addItem(kind.label, key)
        filed = any(e.type == "filed" for e in history)
        self.type.setCurrentIndex(self.type.findData("acknowledged" if filed else "filed"))
        self.occurred = date_edit(today)
        self.channel = QComboBox()
        self.channel.addItem("—", None)
        for channel in CHANNELS:
            self.channel.addItem(channel.replace("_", " "), channel)
        self.received = OptionalDate(today)
        self.named = OptionalDate(today)
        self.outcome = QComboBox()
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText("the agency's number, if the letter gives one")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 10_000_000)
        self.amount.setPrefix("$ ")
        self.amount.setDecimals(2)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("one line you will recognise later")
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText("text of the letter or email, if you want it searchable")
        self.attach = QPushButton("Attach &files…")
        self.attach.clicked.connect(self._pick_files)
        self.attached = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.form = QFormLayout()
        heading = QLabel(f"#{request_id} {title}")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form.addRow(heading)
        self.form.addRow("&Event", self.type)
        self.form.addRow("&On", self.occurred)
        self.form.addRow("C&hannel", self.channel)
        self.form.addRow("Received", self.received)
        self.form.addRow("Date named", self.named)
        self.form.addRow("O&utcome", self.outcome)
        self.form.addRow("&Tracking no.", self.tracking)
        self.form.addRow("&Amount", self.amount)
        self.form.addRow("&Summary", self.summary)
        self.form.addRow("&Text", self.body)
        self.form.addRow(self.attach, self.attached)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log event")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.type.currentIndexChanged.connect(self._fit_fields)
        self._fit_fields()
        self.type.setFocus()

    def _fit_fields(self) -> None:
        """Show only the fields the chosen type uses, labelled as that type names them."""
        kind = EVENT_TYPES[self.type.currentData()]
        self.form.setRowVisible(self.received, bool(kind.agency_receipt))
        self.form.labelForField(self.received).setText(kind.agency_receipt or "Received")
        self.form.setRowVisible(self.named, bool(kind.named_date))
        self.form.labelForField(self.named).setText(kind.named_date or "Date named")
        self.outcome.clear()
        for outcome in kind.outcomes:
            self.outcome.addItem(OUTCOME_LABELS.get(outcome, outcome), outcome)
        self.form.setRowVisible(self.outcome, bool(kind.outcomes))
        self.form.setRowVisible(self.tracking, kind.direction == "in" or kind.key == "filed")
        self.form.setRowVisible(self.amount, kind.key in AMOUNT_TYPES)
        self.problem.hide()

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        self.files = [Path(n) for n in names]
        self.attached.setText(", ".join(p.name for p in self.files))

    def draft(self) -> EventDraft:
        kind = EVENT_TYPES[self.type.currentData()]
        event = NewEvent(
            type=kind.key,
            occurred_on=self.occurred.date().toPython(),
            channel=self.channel.currentData(),
            agency_received_on=self.received.value() if kind.agency_receipt else None,
            named_date=self.named.value() if kind.named_date else None,
            outcome=self.outcome.currentData() if kind.outcomes else None,
            tracking_number=self.tracking.text().strip() or None,
            amount_cents=round(self.amount.value() * 100) if kind.key in AMOUNT_TYPES else None,
            summary=self.summary.text().strip() or kind.label,
            body=self.body.toPlainText().strip(),
        )
        return EventDraft(self.request_id, event, tuple(self.files))

    def accept(self) -> None:
        try:
            check_event(self.draft().event, self.history, today=self.today)
        except LogError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()
