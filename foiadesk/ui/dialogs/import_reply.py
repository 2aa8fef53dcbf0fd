"""The review of an imported agency reply: what FoiaDesk read in the letter, editable, and
beside it what recording it would do to the request: the events, the status and every
deadline, before and after (``core.import_reply.preview``, computed again at each edit).

Nothing is written here. Accepting emits ``record`` with the request and the edited
proposal; whoever opened the dialog records it through the background tasks and closes
the dialog when that succeeded (or shows why it did not with ``show_failure``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS
from foiadesk.core.errors import UserError
from foiadesk.core.replies.files import KIND_NAMES, ReplyFile
from foiadesk.core.replies.importing import OUTCOMES, ClockChange, Preview
from foiadesk.core.replies.kinds import DATE_NAMES, REPLY_LABELS, REPLY_TYPES
from foiadesk.core.replies.parse import Proposal
from foiadesk.core.tracking.details import event_details
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui import look
from foiadesk.ui.dialogs.event import OptionalDate

DATE_LABELS = {
    "received": "Received by agency",
    "estimated_completion": "Estimated completion",
    "extended_due": "Extended due date",
    "reply_by": "Reply by",
}
FINDING_LABELS = {
    "letter_date": "Letter date",
    "reply_type": "Reply type",
    "referred_to": "Referred to",
    "expedite": "Expedite",
    "fee_waiver": "Fee waiver",
    "appeal_outcome": "Appeal outcome",
    "closure_reason": "Reason for closing",
    **DATE_LABELS,
}
CHANGE_WORDS = {
    "new": "new",
    "moved": "moved",
    "closed": "closed",
    "paused": "paused",
    "resumed": "runs again",
    "gone": "ends",
    "reopened": "reopened",
}
PreviewFn = Callable[[int, Proposal], Preview]


def _choice(values: tuple[str, ...], current: str | None, labels: dict[str, str] | None = None) -> QComboBox:
    box = QComboBox()
    box.addItem("—", None)
    for value in values:
        box.addItem((labels or {}).get(value) or value.replace("_", " "), value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def split_list(text: str) -> tuple[str, ...]:
    """Comma- or space-separated items, in order, once each."""
    items = [item for item in re.split(r"[,;\s]+", text) if item]
    return tuple(dict.fromkeys(items))


def exemption(text: str) -> str:
    """An exemption as the parser writes them: "(b)(7)(C)", "b7c" or "7C" → "b7C"."""
    tidy = re.sub(r"[()\s]", "", text)
    tidy = re.sub(r"^[bB]?(\d)", r"b\1", tidy)
    return re.sub(r"^(b7)([a-fA-F])$", lambda m: m[1] + m[2].upper(), tidy)


def request_label(request_id: int, component: str, title: str) -> str:
    """A request as the review offers it: its number, its office as people know it, its title."""
    return f"#{request_id} · {list_office(component)} · {title}"


class ImportDialog(QDialog):
    record = Signal(int, object)  # request id, the proposal as edited

    def __init__(
        self,
        reply: ReplyFile,
        proposal: Proposal,
        *,
        preview: PreviewFn,
        requests: list[tuple[int, str]],
        request_id: int | None = None,
        how_chosen: str = "",
        today: date,
        source: Path | None = None,
        parent=None,
    ):
        """``requests``: (id, label) of the requests it may go on, those to suggest first;
        ``request_id``: the one it was dropped on or matched to (None: the user picks);
        ``how_chosen``: a sentence saying how the request was found, or why it was not;
        ``source``: the file on disk, which the user can open beside the dialog."""
        super().__init__(parent)
        self.reply = reply
        self.original = proposal
        self.today = today
        self._preview_fn = preview
        self.current: Preview | None = None
        self._busy = False
        self.setWindowTitle(f"Import agency reply — {reply.filename}")
        self.setSizeGripEnabled(True)
        chars, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        width, height = chars * 196, line * 46
        if parent is not None:  # most of the window, so the deadlines have room
            width, height = min(width, int(parent.width() * 0.94)), min(height, int(parent.height() * 0.92))
        self.resize(width, height)

        heading = QLabel(f"<b>{escape(reply.filename)}</b> · {escape(_describe(reply))}")
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Which request
        self._ids = {label: rid for rid, label in requests}
        self._labels = {rid: label for rid, label in requests}
        self.request = QComboBox()
        self.request.setEditable(True)
        self.request.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.request.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.request.setMinimumContentsLength(40)
        self.request.setModel(QStringListModel([label for _, label in requests], self.request))
        self.request.setAccessibleName("Request this reply answers")
        completer = QCompleter(self.request.model(), self.request)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.request.setCompleter(completer)
        self.request.lineEdit().setPlaceholderText(
            "Choose the request: type its number or words of its title"
        )
        self.how_chosen = QLabel(how_chosen)
        self.how_chosen.setWordWrap(True)
        self.how_chosen.setVisible(bool(how_chosen))
        self._proposed = (request_id, how_chosen)  # what FoiaDesk proposed, and why
        self.set_request(request_id)
        self.request.currentTextChanged.connect(self._say_whose)
        focus = QApplication.instance().focusChanged  # a number typed, then left
        focus.connect(self._focus_moved)
        self.finished.connect(lambda _result: focus.disconnect(self._focus_moved))

        # What the letter says
        p = proposal
        self.type = QComboBox()
        for key in REPLY_TYPES:
            self.type.addItem(REPLY_LABELS.get(key, key), key)
        self.type.setCurrentIndex(max(0, self.type.findData(p.reply_type)))
        self.letter_date = OptionalDate(p.letter_date, today)
        self.tracking = QLineEdit(", ".join(p.tracking_numbers))
        self.tracking.setPlaceholderText("the agency's numbers, separated by commas")
        self.exemptions = QLineEdit(", ".join(p.exemptions))
        self.exemptions.setPlaceholderText("e.g. b5, b6, b7C")
        if p.b3_statutes:
            self.exemptions.setToolTip(f"Exemption 3 statutes cited: {'; '.join(p.b3_statutes)}")
        self.fee = QLineEdit("" if p.fee_amount is None else f"{p.fee_amount:,.2f}")
        self.fee.setPlaceholderText("no fee named")
        self.dates = {name: OptionalDate(p.dates.get(name), today) for name in DATE_NAMES}
        self.referred = QLineEdit(p.referred_to or "")
        self.referred.setPlaceholderText("the office it was sent on to, if any")
        self.appeal = _choice(OUTCOMES["appeal_outcome"], p.appeal_outcome, OUTCOME_LABELS)
        self.closure_reason = _choice(OUTCOMES["closure_reason"], p.closure_reason, OUTCOME_LABELS)
        self.closure_reason.setItemText(0, "not stated")
        self.expedite = _choice(("granted", "denied"), p.expedite)
        self.fee_waiver = _choice(("granted", "denied"), p.fee_waiver)
        decisions = QWidget()
        row = QHBoxLayout(decisions)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("expedite"))
        row.addWidget(self.expedite, 1)
        row.addWidget(QLabel("fee waiver"))
        row.addWidget(self.fee_waiver, 1)
        self.acknowledges = QCheckBox("acknowledges receipt")
        self.acknowledges.setChecked(p.acknowledges)
        self.extension = QCheckBox("invokes an extension")
        self.extension.setChecked(p.extension)
        self.interim = QCheckBox("more records to come")
        self.interim.setChecked(p.interim)
        self.routed = QCheckBox("whole request sent on")
        self.routed.setChecked(p.request_routed)
        flags = QWidget()
        grid = QVBoxLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        for pair in ((self.acknowledges, self.extension), (self.interim, self.routed)):
            line = QHBoxLayout()
            for box in pair:
                line.addWidget(box, 1)
            grid.addLayout(line)

        self.form = QFormLayout()
        self.form.addRow("Reply &type", self.type)
        self.form.addRow("Letter &date", self.letter_date)
        self.form.addRow("Trac&king no.", self.tracking)
        self.form.addRow("E&xemptions", self.exemptions)
        self.form.addRow("&Fee", self.fee)
        for name, widget in self.dates.items():
            self.form.addRow(DATE_LABELS[name], widget)
        self.form.addRow("&Referred to", self.referred)
        self.form.addRow("Appeal &outcome", self.appeal)
        self.form.addRow("Reason for closing", self.closure_reason)
        self.form.addRow("Decides", decisions)
        self.form.addRow("Also", flags)
        self._explain_fields()
        letter = QGroupBox("What the letter says (correct anything FoiaDesk misread)")
        letter.setLayout(self.form)

        # What recording it would change
        self.changes = QTextBrowser()
        self.changes.setAccessibleName("What importing this reply will change")
        self.changes.setOpenLinks(False)
        self.text = QPlainTextEdit(reply.text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("The letter's text")
        self.side = QTabWidget()
        self.side.addTab(self.changes, "What this will change")
        self.side.addTab(self.text, "The letter")
        self.failure = QLabel()
        self.failure.setWordWrap(True)
        self.failure.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.source = source
        self.opener = QPushButton("O&pen the file")
        self.opener.setToolTip(f"Open {reply.filename} in its usual program, to read it beside this")
        self.opener.clicked.connect(self._open_source)
        self.opener.setVisible(source is not None)
        self.accept_button = self.buttons.addButton(
            "&Accept and record", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # A grid, not a QFormLayout: a form row kept the wrapped sentence at the height it
        # has at a third of its width, a blank band above and below its one line.
        top = QGridLayout()
        top.setColumnStretch(1, 1)
        label = QLabel("Re&quest")
        label.setBuddy(self.request)
        top.addWidget(label, 0, 0)
        top.addWidget(self.request, 0, 1)
        top.addWidget(self.how_chosen, 1, 1)
        columns = QHBoxLayout()
        columns.addWidget(letter, 4)
        columns.addWidget(self.side, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addWidget(self.failure)
        bottom = QHBoxLayout()
        bottom.addWidget(self.opener)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        # Enter records. Made default once the button is in the dialog: set before, it was
        # lost, and the first button, Open the file, took Enter (it opened the letter).
        self.accept_button.setDefault(True)

        for signal in (
            self.type.currentIndexChanged,
            self.tracking.textChanged,
            self.exemptions.textChanged,
            self.fee.textChanged,
            self.referred.textChanged,
            self.appeal.currentIndexChanged,
            self.closure_reason.currentIndexChanged,
            self.expedite.currentIndexChanged,
            self.fee_waiver.currentIndexChanged,
            self.acknowledges.toggled,
            self.extension.toggled,
            self.interim.toggled,
            self.routed.toggled,
        ):
            signal.connect(self.update_preview)
        self.letter_date.on_change(self.update_preview)
        for widget in self.dates.values():
            widget.on_change(self.update_preview)
        self.request.currentTextChanged.connect(self.update_preview)
        self.type.currentIndexChanged.connect(self._fit_fields)
        self._fit_fields()
        (self.accept_button if self.request_id() is not None else self.request).setFocus()

    def _open_source(self) -> None:
        """The reply in its usual program; where none opens it, where it is (the button did nothing)."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.source))):
            self.failure.setText(
                f"No program on this computer opened {self.reply.filename}; it is {self.source}."
            )
            self.failure.show()

    # -- the fields ------------------------------------------------------------------------------

    def _explain_fields(self) -> None:
        """Each field the parser filled says, on hover, the sentence it was read from."""
        widgets = {
            "reply_type": self.type,
            "letter_date": self.letter_date,
            "referred_to": self.referred,
            "expedite": self.expedite,
            "fee_waiver": self.fee_waiver,
            "appeal_outcome": self.appeal,
            "closure_reason": self.closure_reason,
            **self.dates,
        }
        for finding, widget in widgets.items():
            reason = self.original.reason(finding)
            if reason:
                widget.setToolTip(f"From the letter: “{reason}”")

    def _fit_fields(self) -> None:
        self.form.setRowVisible(self.appeal, self.type.currentData() == "appeal_decision")
        self.form.setRowVisible(self.closure_reason, self.type.currentData() == "admin_closed")

    def set_request(self, request_id: int | None) -> None:
        label = self._labels.get(request_id) if request_id is not None else None
        if label is None:
            self.request.setCurrentIndex(-1)
            self.request.setEditText("")
        else:
            self.request.setCurrentIndex(self.request.findText(label, Qt.MatchFlag.MatchExactly))

    def _say_whose(self, *_args) -> None:
        """The line under the request follows the user's choice: it names the request
        chosen, and what FoiaDesk had proposed and why, when the two differ."""
        proposed, why = self._proposed
        chosen = self.request_id()
        if chosen == proposed:
            text = why
        elif chosen is None:
            text = "Choose the request this reply answers." + (f" FoiaDesk proposed: {why}" if why else "")
        elif proposed is None:
            text = f"You chose #{chosen}." + (f" ({why})" if why else "")
        else:
            text = f"You chose #{chosen}; FoiaDesk had proposed #{proposed}: {why}"
        self.how_chosen.setText(text)
        self.how_chosen.setVisible(bool(text))

    def request_id(self) -> int | None:
        """The request chosen from the list, or typed by its number ("#4" or "4", as the
        box invites): a number alone used to choose nothing, and Accept stayed greyed."""
        text = self.request.currentText()
        if text in self._ids:
            return self._ids[text]
        number = re.fullmatch(r"\s*#?\s*(\d{1,9})\s*", text)
        return int(number.group(1)) if number and int(number.group(1)) in self._labels else None

    def _focus_moved(self, old, _new) -> None:
        if old is not None and (old is self.request or self.request.isAncestorOf(old)):
            self._show_typed_request()

    def _show_typed_request(self) -> None:
        """A request typed by its number shows as in the list, title and all, to be checked."""
        request_id = self.request_id()
        if request_id is not None and self.request.currentText() != self._labels[request_id]:
            self.set_request(request_id)

    def proposal(self) -> Proposal:
        """The proposal as the fields now say it. Raises ValueError for a fee that is not
        an amount."""
        fee_text = self.fee.text().strip().replace("$", "").replace(",", "")
        try:
            fee = Decimal(fee_text) if fee_text else None
        except InvalidOperation:
            raise ValueError(f"Fee: “{self.fee.text()}” is not an amount; write it like 470.00.") from None
        kind = self.type.currentData()
        return replace(
            self.original,
            reply_type=kind,
            letter_date=self.letter_date.value(),
            tracking_numbers=split_list(self.tracking.text()),
            exemptions=tuple(dict.fromkeys(exemption(e) for e in split_list(self.exemptions.text()))),
            fee_amount=fee,
            dates={name: day for name, widget in self.dates.items() if (day := widget.value()) is not None},
            referred_to=self.referred.text().strip() or None,
            appeal_outcome=self.appeal.currentData() if kind == "appeal_decision" else None,
            closure_reason=self.closure_reason.currentData() if kind == "admin_closed" else None,
            expedite=self.expedite.currentData(),
            fee_waiver=self.fee_waiver.currentData(),
            acknowledges=self.acknowledges.isChecked(),
            extension=self.extension.isChecked(),
            interim=self.interim.isChecked(),
            request_routed=self.routed.isChecked(),
        )

    # -- the preview ----------------------------------------------------------------------------

    def update_preview(self, *_args) -> None:
        self.failure.hide()
        self.current = None
        request_id = self.request_id()
        try:
            proposal = self.proposal()
        except ValueError as exc:
            self._show(f"<p><b>Cannot be recorded as it stands:</b></p><p>{escape(str(exc))}</p>", False)
            return
        if request_id is None:
            notes = "".join(f"<li>{escape(n)}</li>" for n in self.reply.notes)
            self._show(
                "<p>Choose the request this letter answers (above) to see what recording it "
                "would change.</p>"
                + (f"<p><b>Worth checking</b></p><ul>{notes}</ul>" if notes else "")
                + _findings_html(self.original),
                False,
            )
            return
        try:
            self.current = self._preview_fn(request_id, proposal)
        except UserError as exc:
            self._show(f"<p><b>Cannot be recorded:</b> {escape(str(exc))}</p>", False)
            return
        except Exception as exc:  # a bug: say so here, keep the details for the error log
            from foiadesk.core.crashlog import log_bug

            where = log_bug(exc)
            self._show(
                "<p>Sorry, FoiaDesk could not work out what this reply would change. Nothing was "
                f"written; the details are in {escape(str(where or 'no file (none could be written)'))}.</p>",
                False,
            )
            return
        self._show(
            preview_html(self.current, self.today) + _findings_html(self.original), self.current.can_accept
        )

    def _show(self, html: str, can_accept: bool) -> None:
        bar = self.changes.verticalScrollBar()
        position = bar.value()
        self.changes.setHtml(html)
        bar.setValue(position)
        self.accept_button.setEnabled(can_accept)

    def preview_text(self) -> str:
        return self.changes.toPlainText()

    # -- accepting ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Ask for the reply to be recorded; the dialog stays until that succeeded."""
        self.update_preview()
        if self.current is None or not self.current.can_accept:
            return
        self.set_busy(True)
        self.record.emit(self.current.request_id, self.current.proposal)

    def set_busy(self, busy: bool) -> None:
        """While the reply is being recorded the dialog cannot be accepted or closed."""
        self._busy = busy
        self.accept_button.setEnabled(not busy and self.current is not None and self.current.can_accept)
        self.accept_button.setText("Recording…" if busy else "&Accept and record")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def show_failure(self, message: str) -> None:
        """The write was refused: say why, and show the preview as it now stands."""
        self.set_busy(False)
        self.update_preview()
        self.failure.setText(f"Not recorded: {message}")
        self.failure.show()

    def recorded(self) -> None:
        self._busy = False
        super().accept()


def _describe(reply: ReplyFile) -> str:
    parts = [KIND_NAMES.get(reply.kind, reply.kind)]
    if reply.sender:
        parts.append(f"from {reply.sender}")
    if reply.subject:
        parts.append(f"“{reply.subject}”")
    if reply.sent_on:
        parts.append(f"sent {reply.sent_on}")
    if reply.attachments:
        parts.append(f"with {', '.join(reply.attachments)}")
    return " · ".join(parts)


# -- the preview as HTML -------------------------------------------------------------------------


def clock_text(clock, today: date) -> str:
    """One side of a deadline's change: its date and where it stands."""
    if clock is None:
        return "—"
    if clock.unit == "milestone":
        return f"{clock.due}" if clock.due else "—"
    if clock.done_on is not None:
        if clock.unit == "estimate":  # the request answered: not "2027-01-14, estimate on …"
            return f"{clock.due or 'no date'}, answered on {clock.done_on}"
        return f"{clock.due or 'no date'}, {clock.state(today)} on {clock.done_on}"
    if clock.due is None:
        return "paused" if clock.paused else "no date yet"
    return f"{clock.due} ({look.when(clock.due, today)})"


def event_line(ev) -> str:
    kind = EVENT_TYPES[ev.type]
    extra = event_details(ev, channel=False)  # the summary names the file it came from
    details = f" <small>({escape('; '.join(extra))})</small>" if extra else ""
    return f"{ev.occurred_on} &nbsp;<b>{escape(kind.label)}</b>{details}"


def _change_row(change: ClockChange, today: date) -> str:
    who = (
        "milestone" if change.owed_by == "milestone" else look.OWED_WORDS.get(change.owed_by, change.owed_by)
    )
    before, after = clock_text(change.old, today), clock_text(change.new, today)
    word = CHANGE_WORDS.get(change.change, change.change)
    warnings = "".join(f"<br><small><b>!</b> {escape(w)}</small>" for w in change.warnings)
    return (
        f"<tr><td><b>{escape(change.label)}</b><br><small>{escape(who)} · {escape(word)}</small></td>"
        f"<td>{escape(before)}</td><td>→</td><td><b>{escape(after)}</b>{warnings}</td></tr>"
    )


def preview_html(shown: Preview, today: date) -> str:
    """The events to record, the status and each deadline before → after, the notes, and
    anything that stops the import."""
    red = look.OVERDUE.name()
    out = []
    if shown.problems:
        items = "".join(f"<li>{escape(p)}</li>" for p in shown.problems)
        out.append(f"<p style='color:{red}'><b>Cannot be recorded as it stands:</b></p><ul>{items}</ul>")
    out.append(f"<p>On <b>#{shown.request_id} {escape(shown.request_title)}</b> this records:</p>")
    if shown.events:
        out.append("<p>" + "<br>".join(event_line(ev) for ev in shown.events) + "</p>")
    else:
        out.append("<p>nothing yet.</p>")
    if shown.status_before != shown.status_after:
        out.append(f"<p>Status: {escape(shown.status_before)} → <b>{escape(shown.status_after)}</b></p>")
    else:
        out.append(f"<p>Status stays <b>{escape(shown.status_after)}</b></p>")
    changed = shown.changed
    if changed:
        rows = "".join(_change_row(c, today) for c in changed)
        out.append(
            "<p><b>Deadlines that change</b></p>"
            "<table cellspacing='0' cellpadding='3' width='100%'>"
            "<tr><th align='left' width='34%'>Deadline</th><th align='left' width='28%'>Now</th>"
            f"<th width='3%'></th><th align='left' width='35%'>After import</th></tr>{rows}</table>"
        )
    else:
        out.append("<p>No deadline changes.</p>")
    same = [c.label for c in shown.clocks if c.change == "same"]
    if same:
        out.append(f"<p><small>Unchanged: {escape(', '.join(same))}.</small></p>")
    if shown.notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in shown.notes)
        out.append(f"<p><b>Worth checking</b></p><ul>{items}</ul>")
    return "".join(out)


def _findings_html(p: Proposal) -> str:
    """Why FoiaDesk read the letter as it did: each finding with its sentence."""
    seen, items = set(), []
    for finding, sentence in p.reasons:
        if finding in seen:
            continue
        seen.add(finding)
        label = FINDING_LABELS.get(finding, finding.replace("_", " ").capitalize())
        items.append(f"<li><b>{escape(label)}</b>: “{escape(sentence)}”</li>")
    if not items:
        return ""
    return f"<p><small><b>Read from these sentences</b></small></p><ul><small>{''.join(items)}</small></ul>"
