"""The Log event dialog: the fields follow the event type; beside them, before anything is
saved, what the event will do to the request's status and to every deadline (the core's
own checks and clock engine, run on the history plus the new event). A mistake is
explained in place rather than after saving."""

from __future__ import annotations

import re
import time
from calendar import month_name
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.deadlines.calendar import Calendar, calendar
from foiadesk.core.deadlines.clocks import AppealRule
from foiadesk.core.deadlines.events import (
    ADVERSE_DETERMINATIONS,
    ASKS,
    CHANNELS,
    EVENT_TYPES,
    OUTCOME_LABELS,
    Event,
)
from foiadesk.core.letters.content import DraftingError
from foiadesk.core.letters.followups import exemptions_summary
from foiadesk.core.letters.next_steps import drafted_followup_sent_as
from foiadesk.core.store.log import Attachment, Changes, LogError, NewEvent, check_event, record_event
from foiadesk.core.tracking.preview import OWED_WORDS, Preview, preview_event
from foiadesk.ui.dialogs.commit import CommitOnAccept

AMOUNT_TYPES = ("fee_estimate", "payment")
EXEMPTION_TYPES = (
    "determination",
    "interim_release",
    "appeal_decided",
)  # letters that withhold under exemptions


@dataclass(frozen=True)
class EventDraft:
    request_id: int
    event: NewEvent  # without files: they are read when saving, off the GUI thread
    files: tuple[Path, ...] = ()

    def save(self, db) -> Changes:
        attachments = tuple(Attachment.read(path) for path in self.files)
        if self.event.type == "filed":  # one core call for every way of marking a filing
            from foiadesk.core.letters.filing import Filing, file_request

            filing = Filing(
                self.event.occurred_on,
                self.event.channel,
                confirmation=self.event.tracking_number or "",
                proof=attachments[0] if attachments else None,
                agency_received_on=self.event.agency_received_on,
                allow_duplicate=True,
            )
            return file_request(db, self.request_id, filing).changes
        return record_event(db, self.request_id, replace(self.event, files=attachments))


def expected_next(history: list[Event]) -> str:
    """The event the request waits for, offered first in the dialog: the answer to an open
    question from the agency, else the next step of the request or its appeal."""
    types = [e.type for e in history]
    if "filed" not in types:
        return "filed"
    last = history[-1] if history else None
    if (
        last is not None
        and last.type == "drafted"
        and (sends := drafted_followup_sent_as(last.summary or ""))
    ):
        return sends  # the follow-up just drafted, now sent
    if last is not None and last.type == "admin_closed":
        return "appeal_filed"  # a closure is appealed as a denial is
    for ask, answer in ASKS.items():
        if types.count(ask) > types.count(answer):
            return answer
    if "appeal_received" in types and "appeal_decided" not in types:
        return "appeal_decided"
    if "appeal_filed" in types and "appeal_decided" not in types:
        return "appeal_received"
    decided = [e for e in history if e.type == "determination"]
    if decided:
        return "appeal_filed" if decided[-1].outcome in ADVERSE_DETERMINATIONS else "note"
    if any(t in types for t in ("acknowledged", "received", "extension_notice", "interim_release")):
        return "determination"
    return "acknowledged"


BURST_GAP_S = 1.0  # keys closer than this after a refused day are the rest of the same date


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateEdit(QDateEdit):
    """A date typed as it is shown, 2026-12-01, lands as typed. Qt moves on to the next part
    once a part is full (the four digits of the year), and then moved on again at the dash
    the user typed next: 2026-12-01 became 2026-11-12, silently. A dash (or slash, or dot)
    right after such a move is taken as the move itself.

    A day or month that does not exist is said, and the date stays as it was: Qt dropped
    the digit it could not take or used the last day of the month, so 2026-02-30 became
    2026-02-03 and 2026-02-29 became 2026-02-28 without a word. ``refused`` carries what is
    said (also shown under the field), for a dialog to show where it shows its problems."""

    refused = Signal(str)

    def __init__(self, day: QDate):
        super().__init__(day)
        self._moved_on = False  # the last digit filled its part and Qt moved to the next
        self._digits = ""  # the digits typed into the part being typed in
        self._typing_in = None  # that part
        self._kept = day  # the date before the user began typing: where a wrong one goes back
        self._refused = False  # a day or month was refused: the rest of what is typed is ignored
        self._refused_key = 0.0  # when, or when the last key of the rest of it was typed

    def keyPressEvent(self, event) -> None:
        typed = event.text()
        if typed and typed in "-/." and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        if self._refused and typed and (typed.isdigit() or typed in "-/."):
            now = time.monotonic()
            if now - self._refused_key < BURST_GAP_S:  # the rest of the date just refused
                self._refused_key = now
                event.accept()
                return
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._refused = False
        before = self.currentSection()
        if typed.isdigit() and len(self.lineEdit().selectedText()) > len(self.sectionText(before)):
            # The whole date selected (Tab into the field, Ctrl+A): Qt took no digit for the
            # year, so 2020-06-30 typed became this year's June 30. Typed into its part alone,
            # the year lands as typed.
            self.setSelectedSection(before)
        if typed.isdigit():
            if before != self._typing_in or len(self._digits) >= 2:  # a new part, or the part anew
                self._typing_in, self._digits = before, ""
            self._digits += typed
        elif event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._typing_in, self._digits = None, ""
        super().keyPressEvent(event)
        self._moved_on = typed.isdigit() and self.currentSection() != before
        if typed.isdigit() and before in (self.Section.DaySection, self.Section.MonthSection):
            self._check_typed(before)

    def _check_typed(self, part) -> None:
        """The part shows the number typed into it, or that number does not exist."""
        wanted = int(self._digits)
        shown = self.sectionText(part)
        if wanted == 0 or (shown.isdigit() and int(shown) == wanted):
            return
        year, month = self.date().year(), self.date().month()
        if part == self.Section.MonthSection:
            said = f"There is no month {wanted}"
        else:
            days = QDate(year, month, 1).daysInMonth()
            said = (
                f"{year}-{month:02d}-{wanted:02d} is not a date: {month_name[month]} {year} has {days} days"
            )
        kept = self._kept.toString("yyyy-MM-dd")
        said += f". The date is still {kept}: type the whole date again."
        self._typing_in, self._digits, self._refused = None, "", True
        self._refused_key = time.monotonic()
        self.setDate(self._kept)
        self.setSelectedSection(self.Section.YearSection)  # typed again, it starts from the year
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), said, self, QRect(), 10_000)
        self.refused.emit(said)

    def just_refused(self) -> bool:
        """A day or month was refused and nothing has been typed since: an Enter now does not
        confirm the date it went back to."""
        return self._refused

    def mousePressEvent(self, event) -> None:
        self._refused = False
        super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:
        self._moved_on = self._refused = False
        self._typing_in, self._digits = None, ""
        self._kept = self.date()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._kept = self.date()


def date_edit(day: date) -> QDateEdit:
    edit = DateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class OptionalDate(QWidget):
    """A date that may be left out (a tick box in front of the date): ``day``, or ``default``
    greyed until the box is ticked."""

    def __init__(self, day: date | None, default: date, label: str = "", parent=None):
        super().__init__(parent)
        self.given = QCheckBox(label)
        self.edit = date_edit(day or default)  # typed as shown, it lands as typed
        self.given.toggled.connect(self.edit.setEnabled)
        self.given.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.changed = self.edit.dateChanged
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.given)

    def mousePressEvent(self, event) -> None:
        """A click on the greyed date gives it (a disabled field passes its clicks here): a
        review that asks for a date the letter did not show, and the click did nothing."""
        if not self.given.isChecked() and self.edit.geometry().contains(event.position().toPoint()):
            self.given.setChecked(True)
            self.edit.setFocus(Qt.FocusReason.MouseFocusReason)
            self.edit.setSelectedSection(self.edit.Section.YearSection)
            event.accept()
            return
        super().mousePressEvent(event)

    def on_change(self, slot) -> None:
        self.given.toggled.connect(lambda _checked=False: slot())
        self.edit.dateChanged.connect(slot)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.given.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(_qdate(day))


class EventDialog(CommitOnAccept, QDialog):
    """It closes once the event is saved (see ``CommitOnAccept``)."""

    def __init__(
        self,
        request_id: int,
        title: str,
        history: list[Event],
        *,
        today: date,
        cal: Calendar | None = None,
        rule: AppealRule | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.request_id = request_id
        self.history = history
        self.today = today
        self.cal = cal or calendar()
        self.rule = rule
        self.files: list[Path] = []
        self.preview: Preview | None = None
        self.setWindowTitle(f"Log an event — #{request_id}")
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(chars * 130)

        self.type = QComboBox()
        for key, kind in EVENT_TYPES.items():
            self.type.addItem(kind.label, key)
        self.type.setCurrentIndex(self.type.findData(expected_next(history)))
        self.occurred = date_edit(today)
        self.date_confirmed = False  # Enter saves only once the date was changed or Enter'd there
        self.occurred.dateChanged.connect(self._date_seen)
        self.channel = QComboBox()
        self.channel.addItem("—", None)
        for channel in CHANNELS:
            self.channel.addItem(channel.replace("_", " "), channel)
        self.received = OptionalDate(None, today, "known:")
        self.named = OptionalDate(None, today, "known:")
        self.outcome = QComboBox()
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText("the agency's number, if the letter gives one")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 10_000_000)
        self.amount.setPrefix("$ ")
        self.amount.setDecimals(2)
        self.exemptions = QLineEdit()
        self.exemptions.setPlaceholderText("the exemptions the letter cites, e.g. b5, b6, b7C")
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("one line you will recognise later")
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText("text of the letter or email, if you want it searchable")
        self.body.setMaximumHeight(self.fontMetrics().height() * 7)
        self.attach = QPushButton("Attach &files…")
        self.attach.clicked.connect(self._pick_files)
        self.attached = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setMinimumHeight(self.fontMetrics().height() * 2)  # room kept: nothing jumps
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes.setAccessibleName("What this event will change")
        self.changes.setMinimumWidth(chars * 50)

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
        self.form.addRow("Exe&mptions cited", self.exemptions)
        self.form.addRow("&Summary", self.summary)
        self.form.addRow("Te&xt", self.body)
        self.form.addRow(self.attach, self.attached)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log event")
        for button in buttons.buttons():  # Enter is handled by keyPressEvent, not by a button
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        effect = QGroupBox("What this will change")
        box = QVBoxLayout(effect)
        box.addWidget(self.changes, 1)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 3)
        columns.addWidget(effect, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.type.currentIndexChanged.connect(self._fit_fields)
        for edit in (self.occurred, self.received.edit, self.named.edit):
            edit.refused.connect(self._date_refused)
        for signal in (
            self.occurred.dateChanged,
            self.received.given.toggled,
            self.received.changed,
            self.named.given.toggled,
            self.named.changed,
            self.outcome.currentIndexChanged,
            self.tracking.textChanged,
            self.exemptions.textChanged,
            self.amount.valueChanged,
            self.channel.currentIndexChanged,
        ):
            signal.connect(self.update_preview)
        self._fit_fields()
        self.type.setFocus()

    def _date_refused(self, said: str) -> None:
        """A day that does not exist was typed: said where problems are, and the date it
        went back to is not taken as confirmed (Enter asks about it first)."""
        self.date_confirmed = False
        self.problem.setText(said)
        self.problem.show()

    def _date_seen(self, *_args) -> None:
        self.date_confirmed = True

    def keyPressEvent(self, event) -> None:
        """Enter logs the event only once its date was confirmed: changed, or Enter pressed
        in the date field. Otherwise the date field takes the focus and says so: a date
        left at today silently restarts a clock from the wrong day."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return super().keyPressEvent(event)
        focused = self.focusWidget()
        if isinstance(focused, DateEdit) and focused.just_refused():  # the event's date or another
            self.date_confirmed = False  # (the field's Enter said "changed" for the same date)
            return  # what was refused is on screen; the date it went back to is not confirmed
        if self.focusWidget() is self.occurred:
            self.date_confirmed = True
        if self.date_confirmed:
            self.accept()
            return
        self.occurred.setFocus()
        self.occurred.selectAll()
        self.problem.setText(
            f"Check the date: it says {self.occurred.date().toPython()} (today). "
            "Change it, or press Enter again to log the event on that day."
        )
        self.problem.show()

    def _fit_fields(self) -> None:
        """Show only the fields the chosen type uses, labelled as that type names them."""
        kind = EVENT_TYPES[self.type.currentData()]
        self.form.setRowVisible(self.received, bool(kind.agency_receipt))
        self.form.labelForField(self.received).setText(kind.agency_receipt or "Received")
        self.form.setRowVisible(self.named, bool(kind.named_date))
        self.form.labelForField(self.named).setText(kind.named_date or "Date named")
        self.outcome.clear()
        if kind.outcome_optional:  # the letter may not say: nothing chosen until the user does
            self.outcome.addItem(kind.no_outcome, None)
        for outcome in kind.outcomes:
            self.outcome.addItem(OUTCOME_LABELS.get(outcome, outcome), outcome)
        self.form.setRowVisible(self.outcome, bool(kind.outcomes))
        self.form.setRowVisible(self.tracking, kind.direction == "in" or kind.key == "filed")
        # A filing is saved with the portal's or fax's confirmation (EventDraft.save): the
        # agency's own number comes later, with its acknowledgment.
        filed = kind.key == "filed"
        self.form.labelForField(self.tracking).setText("Confi&rmation" if filed else "&Tracking no.")
        self.tracking.setPlaceholderText(
            "what the portal, fax or email gave; the agency's number comes with its acknowledgment"
            if filed
            else "the agency's number, if the letter gives one"
        )
        self.form.setRowVisible(self.amount, kind.key in AMOUNT_TYPES)
        self.form.setRowVisible(self.exemptions, kind.key in EXEMPTION_TYPES)
        self.problem.clear()
        self.update_preview()

    def update_preview(self, *_args) -> None:
        """Work out, with the core, what the event would change, and say it."""
        try:
            self.preview = preview_event(
                self.draft().event, self.history, self.cal, self.rule, today=self.today
            )
        except LogError as exc:
            self.preview = None
            self.changes.setText(f"<b>Cannot be logged as it is:</b><br>{escape(str(exc))}")
            return
        self.changes.setText(preview_html(self.preview))

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        if not names:  # cancelled: the files chosen before stay attached
            return
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
            summary=self._summary(kind),
            body=self.body.toPlainText().strip(),
        )
        return EventDraft(self.request_id, event, tuple(self.files))

    def _summary(self, kind) -> str:
        """The summary, led by the exemptions cited, written as the importer and
        `foiadesk log N determination --exemptions` write them (the appeal reads them)."""
        typed = self.summary.text().strip() or kind.label
        codes = [c for c in re.split(r"[,\s]+", self.exemptions.text()) if c]
        if kind.key not in EXEMPTION_TYPES or not codes:
            return typed
        try:
            return f"{exemptions_summary(codes)}; {typed}"
        except DraftingError as exc:
            raise LogError(str(exc)) from None

    def accept(self) -> None:
        try:  # an exemption typed wrong is refused while the draft is made
            draft = self.draft()
            check_event(draft.event, self.history, today=self.today)
        except LogError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.commit(draft)


def preview_html(preview: Preview) -> str:
    """The status and each deadline, before → after; unchanged ones listed briefly."""
    status = escape(preview.status_after)
    if preview.status_before != preview.status_after:
        blocks = [f"Status: {escape(preview.status_before)} → <b>{status}</b>"]
    else:
        blocks = [f"Status stays <b>{status}</b>"]
    changed = preview.changes
    for change in changed:
        who = OWED_WORDS.get(change.owed_by, "")
        label = escape(change.label + (f" · {who}" if who else ""))
        before, after = escape(change.before or "—"), escape(change.after or "ends")
        if not change.before:
            lines = [f"<b>{label}</b> (new)", f"<b>{after}</b>"]
        elif change.before == change.after:
            lines = [f"<b>{label}</b>", f"{after}, unchanged"]
        else:
            lines = [f"<b>{label}</b>", f"{before} → <b>{after}</b>"]
        if change.why:
            lines.append(f"<small>{escape(change.why)}</small>")
        lines += [f"<b>!</b> {escape(warning)}" for warning in change.warnings]
        blocks.append("<br>".join(lines))
    if not changed:
        blocks.append("No deadline changes.")
    same = [c.label for c in preview.clocks if not c.changed]
    if same:
        blocks.append(f"<small>Unchanged: {escape(', '.join(same))}.</small>")
    return "".join(f"<p style='margin-bottom: 8px'>{block}</p>" for block in blocks)
