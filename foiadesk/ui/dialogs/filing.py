"""Sending a request and taking the next step, in the window.

- ``MarkFiledDialog``: date, channel (the office's way of filing on that date), the typed
  confirmation, a proof file, and what the letter asks for (read from the letter, changeable);
  it warns, naming the earlier request, when the same text already went to the same office.
- ``PortalFieldsDialog``: the drafted letter as the FOIA.gov form's fields, in the form's
  order, each with a Copy button, its character count and the problems the form would refuse.
- ``FollowupDialog``: the letter a deadline calls for, drafted from the log and logged as a
  draft on the request; the user adds only what the log cannot know.

All three call the same core functions as the command line (``file_request``,
``portal_fields``, ``draft_followup``/``log_followup``); writes go to the worker thread.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.deadlines.events import CHANNELS
from foiadesk.core.errors import UserError
from foiadesk.core.letters.filing import (
    Asks,
    Filing,
    channel_warning,
    choose_channel,
    component_for,
    drafted_letter,
    duplicates,
    file_request,
    how_to_send,
    letter_asks,
    package_name,
    portal_fields,
    write_package,
)
from foiadesk.core.letters.followups import (
    Inputs,
    draft_followup,
    followup_check,
    log_followup,
    takes_fee_cap,
)
from foiadesk.core.letters.next_steps import KINDS
from foiadesk.core.store.log import Attachment
from foiadesk.core.tracking.titles import list_office, office_name
from foiadesk.ui.dialogs.event import date_edit
from foiadesk.ui.session import Session

LABEL_CHARS = 26  # the portal form's field names wrap at this width
VALUE_CHARS = 50  # an email address or an organisation's name shows whole


def choose_proof_file(parent) -> Path | None:
    """The OS file dialog (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Proof of filing (confirmation page, fax report)")
    return Path(name) if name else None


def choose_save_path(parent, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save a copy of the letter", suggested, "Word (*.docx)")
    return Path(name) if name else None


def _message(label: QLabel, text: str, bad: bool = True) -> None:
    label.setText(text)
    label.setStyleSheet("color: #a00000;" if bad else "")
    label.setVisible(bool(text))


class MarkFiledDialog(QDialog):
    """Record that a drafted request was sent."""

    def __init__(
        self,
        session: Session,
        request_id: int,
        *,
        on: date | None = None,
        channel: str | None = None,
        confirmation: str = "",
        parent=None,
    ):
        super().__init__(parent)
        self.session = session
        self.request_id = request_id
        self.proof: Path | None = None
        self.recorded: tuple[str, ...] = ()
        self.setWindowTitle(f"Mark as filed — #{request_id}")
        db = session.db
        comp = component_for(db, request_id)
        letter = drafted_letter(db, request_id)
        asks = letter_asks(letter) if letter else Asks()
        on = on or session.today()

        self.filed_on = date_edit(on)
        self.channel = QComboBox()
        for kind in CHANNELS:
            self.channel.addItem(kind.replace("_", " "), kind)
        chosen = choose_channel(comp, on)
        self.channel.setCurrentIndex(self.channel.findData(channel or (chosen.kind if chosen else "portal")))
        self._usual = how_to_send(comp, on)  # where to send it, said until a channel is doubtful
        self.channel_note = QLabel(self._usual)
        self.channel_note.setWordWrap(True)
        self.channel_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._component = comp
        self.channel.currentIndexChanged.connect(self._check_channel)
        self.confirmation = QLineEdit(confirmation)
        self.confirmation.setPlaceholderText(
            "what the portal, fax or post office gave — not a tracking number"
        )
        self.proof_label = QLabel("no file")
        self.proof_button = QPushButton("Choose &proof…")
        self.proof_button.clicked.connect(self._choose_proof)
        self.expedite = QCheckBox("Expedited processing requested (its 10-day decision clock starts)")
        self.expedite.setChecked(asks.expedite)
        self.waiver = QCheckBox("Fee waiver requested (a decision is then pending)")
        self.waiver.setChecked(asks.fee_waiver)
        self.cap = QDoubleSpinBox()
        self.cap.setRange(0, 1_000_000)
        self.cap.setPrefix("$")
        self.cap.setDecimals(2)
        self.has_cap = QCheckBox("Fee cap in the letter:")
        self.has_cap.setChecked(asks.fee_cap_cents is not None)
        self.cap.setValue((asks.fee_cap_cents or 0) / 100)
        earlier = duplicates(db, request_id)
        self.duplicate = QCheckBox("File it anyway: I mean to send it twice")
        self.duplicate.setVisible(bool(earlier))
        self.duplicate_note = QLabel()
        self.duplicate_note.setWordWrap(True)
        _message(
            self.duplicate_note,
            ("The same request text was already filed with this office: " + "; ".join(earlier) + ".")
            if earlier
            else "",
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        _message(self.error, "")

        # A grid, not a QFormLayout: a form row kept the wrapped channel note at the height
        # it has at a third of its width, a blank band above and below its three lines.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        proof = QHBoxLayout()
        proof.addWidget(self.proof_label, 1)
        proof.addWidget(self.proof_button)
        rows = (
            ("Filed &on", self.filed_on),
            ("&By", self.channel),
            ("", self.channel_note),
            ("Con&firmation", self.confirmation),
            ("Proof", proof),
        )
        for row, (text, field) in enumerate(rows):
            label = QLabel(text)
            form.addWidget(label, row, 0)
            if isinstance(field, QWidget):
                label.setBuddy(field)
                form.addWidget(field, row, 1)
            else:
                form.addLayout(field, row, 1)
        cap = QHBoxLayout()
        cap.addWidget(self.has_cap)
        cap.addWidget(self.cap)
        cap.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark as &filed")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{comp.name}: what the letter asks for is recorded with the filing."))
        layout.addLayout(form)
        layout.addWidget(self.expedite)
        layout.addWidget(self.waiver)
        layout.addLayout(cap)
        layout.addWidget(self.duplicate_note)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.filed_on.dateChanged.connect(self._check_channel)
        self._check_channel()

    def _check_channel(self, *_args) -> None:
        """Say at once when the channel chosen is not one the office takes requests by."""
        warning = channel_warning(
            self._component, self.channel.currentData(), self.filed_on.date().toPython()
        )
        self.channel_note.setText(f"⚠ {warning}" if warning else self._usual)
        self.channel_note.setStyleSheet("color: #a00000;" if warning else "")

    def _choose_proof(self) -> None:
        path = choose_proof_file(self)
        if path is not None:
            self.proof = path
            self.proof_label.setText(path.name)

    def filing(self) -> Filing:
        proof = Attachment.read(self.proof) if self.proof is not None else None
        cents = round(Decimal(str(self.cap.value())) * 100) if self.has_cap.isChecked() else None
        return Filing(
            self.filed_on.date().toPython(),
            self.channel.currentData(),
            confirmation=self.confirmation.text(),
            proof=proof,
            asks=Asks(self.expedite.isChecked(), self.waiver.isChecked(), cents),
            allow_duplicate=self.duplicate.isChecked(),
        )

    def save(self) -> None:
        try:
            filing = self.filing()
        except UserError as exc:
            return _message(self.error, str(exc))
        self.buttons.setEnabled(False)
        request_id = self.request_id

        def write(db):
            result = file_request(db, request_id, filing)
            self.recorded = result.recorded
            return result.changes

        self.session.tasks.write(
            "Marking as filed", write, on_done=lambda _c: self.accept(), on_error=self._failed
        )

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the write is under way: its result decides
            super().reject()

    def filed_text(self) -> str:
        """What was recorded, said once the dialog has closed."""
        filed = "; ".join(self.recorded)
        return f"#{self.request_id} marked as filed on {self.filed_on.date().toPython()}: {filed}."

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, UserError):
            _message(self.error, str(error))
        else:
            self.session.failed.emit(error)


class PortalFieldsDialog(QDialog):
    """Each FOIA.gov field with a Copy button, to paste into the portal."""

    def __init__(self, session: Session, request_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Portal fields — #{request_id}")
        self.session, self.request_id = session, request_id
        self.form = portal_fields(session.db, request_id, on=session.today())
        self.copy_buttons: dict[str, QPushButton] = {}
        self.values: dict[str, QWidget] = {}
        office = html.escape(list_office(self.form.component))
        head = QLabel(
            f"<b>{office}</b>: paste each field into {html.escape(self.form.portal)} "
            f"(FoiaDesk never connects). FOIA.gov's form as of {self.form.as_of}."
        )
        head.setToolTip(f"{office_name(self.form.component)}: FOIA.gov's form {self.form.title}")
        head.setWordWrap(True)
        self.head = head
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        if self.form.problems:
            _message(self.problems, "The form would refuse:\n• " + "\n• ".join(self.form.problems))
        else:
            _message(self.problems, "Every field passes the form's rules.", bad=False)
        self.notes = QLabel("\n".join(f"• {note}" for note in self.form.notes))  # what to do besides
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout()
        chars = self.fontMetrics().averageCharWidth()
        for row, field in enumerate(self.form.fields):
            label = QLabel(("* " if field.required else "") + field.label)
            label.setToolTip(field.help or field.name)
            label.setWordWrap(True)
            width = min(label.fontMetrics().horizontalAdvance(label.text()) + 4, chars * LABEL_CHARS)
            label.setFixedWidth(width)  # only a long name wraps; the values keep the room
            if field.limit or "\n" in field.shown or len(field.shown) > 80:
                value = QPlainTextEdit(field.shown)
                value.setReadOnly(True)
                value.setMaximumHeight(110)
            else:
                value = QLineEdit(field.shown)
                value.setReadOnly(True)
            value.setAccessibleName(field.label)
            value.setMinimumWidth(chars * VALUE_CHARS)
            count = QLabel(f"{field.count:,} / {field.limit:,}" if field.limit else "")
            if field.problems:
                count.setStyleSheet("color: #a00000;")
                value.setToolTip("\n".join(field.problems))
            button = QPushButton("Copy")
            button.setAutoDefault(False)  # Enter closes; it copied the first name over the clipboard
            button.setToolTip(f"Copy “{field.label}” to the clipboard")
            button.setEnabled(bool(field.shown))
            button.clicked.connect(lambda _=False, v=field.shown, b=button: self._copy(v, b))
            self.copy_buttons[field.name] = button
            self.values[field.name] = value
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(count, row, 2)
            grid.addWidget(button, row, 3)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        # The letter as the form's upload, its delivery line naming this portal (the notes
        # asked for it, and only the command line could write it).
        self.upload_button = close.addButton(
            "&Save the letter to upload…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.upload_button.setAutoDefault(False)
        self.upload_button.clicked.connect(self.save_upload)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.problems)
        layout.addWidget(self.notes)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saved)
        layout.addWidget(close)
        room = self.screen().availableGeometry()
        self.resize(
            min(chars * 130, room.width() - 32), min(self.fontMetrics().height() * 40, room.height() - 64)
        )

    def save_upload(self) -> None:
        """The same call as Package to send… › portal and ``foiadesk package --channel portal``:
        the file is written whole or not at all."""
        db = self.session.db
        path = choose_save_path(self, package_name(db, self.request_id, "portal"))
        if path is None:
            return
        try:
            write_package(db, self.request_id, "portal", path, force=True)
        except UserError as exc:
            return _message(self.saved, str(exc))
        except OSError as exc:
            return _message(self.saved, f"Cannot write {path.name} ({exc.strerror}).")
        _message(self.saved, f"Saved {path}: upload it under “Upload additional documentation”.", bad=False)

    def _copy(self, value: str, button: QPushButton) -> None:
        QApplication.clipboard().setText(value)
        for other in self.copy_buttons.values():
            other.setText("Copy")
        button.setText("Copied")


# The draft's notes name the command line's options; the dialog names its own fields.
_FIELDS = {
    "(--search-argument)": "(Search missed, above)",
    "(--other-argument)": "(Other argument, above)",
    "(--answer)": "(Your answer, above)",
    "(--fee-cap)": "(Fees you agree to pay, above)",
}


def _in_window_words(note: str) -> str:
    for option, field in _FIELDS.items():
        note = note.replace(option, field)
    return note


class FollowupDialog(QDialog):
    """Draft a follow-up from the log; it is logged as a draft on the request."""

    def __init__(self, session: Session, request_id: int, kinds: list[str], parent=None):
        super().__init__(parent)
        self.session = session
        self.request_id = request_id
        self.saved_to: Path | None = None
        self.setWindowTitle(f"Next step — #{request_id}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)  # its hints show whole
        self.kind = QComboBox()
        for kind in kinds or list(KINDS):
            self.kind.addItem(KINDS[kind][1], kind)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("optional: a paragraph of your own")
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText("the information the agency asked for")
        self.narrowing = QPlainTextEdit()
        self.narrowing.setPlaceholderText(
            "leave empty to accept the estimate; or say how you narrow the request"
        )
        self.search = QPlainTextEdit()
        self.search.setPlaceholderText("optional: offices, custodians or records the search missed")
        self.appeal_address = QLineEdit()
        self.appeal_address.setPlaceholderText("optional: the appeal address the determination gives")
        self.other = QPlainTextEdit()
        self.other.setPlaceholderText("optional: another ground of appeal")
        # what the command line's --fee-cap says: a closure over fees is answered with it
        self.fee_cap = QDoubleSpinBox()
        self.fee_cap.setRange(0, 9_999_999.99)
        self.fee_cap.setDecimals(2)
        self.fee_cap.setPrefix("$")
        self.fee_cap.setGroupSeparatorShown(True)
        self.fee_cap.setSpecialValueText("none said")
        self.fee_cap.setToolTip("The most you agree to pay for this request; the letter says so")
        self.save_copy = QCheckBox("Also save a copy as a Word file…")
        self.notes = QLabel()  # what the letter's draft says to check, as the CLI prints it
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        _message(self.error, "")
        self.form = QFormLayout()
        self.form.addRow("&Letter", self.kind)
        self.form.addRow("Your &answer", self.answer)
        self.form.addRow("&Narrow to", self.narrowing)
        self.form.addRow("&Search missed", self.search)
        self.form.addRow("Appeal &address", self.appeal_address)
        self.form.addRow("Other ar&gument", self.other)
        self.form.addRow("Fees you agree to &pay", self.fee_cap)
        self.form.addRow("N&ote", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Draft and log")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The letter is written from the log: dates, tracking numbers, what the agency "
            "said, exemptions and fees. Add only what the log cannot know."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.notes)
        layout.addWidget(self.save_copy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Tab goes down the form as it is shown (it went from Letter to Note, at the bottom)
        # and leaves a text box rather than typing a tab into the letter
        order = (self.kind, self.answer, self.narrowing, self.search, self.appeal_address, self.other)
        order += (self.fee_cap, self.note, self.save_copy)
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        for box in (self.answer, self.narrowing, self.search, self.other, self.note):
            box.setTabChangesFocus(True)
        self.kind.currentIndexChanged.connect(self._fields_for_kind)
        self.appeal_address.editingFinished.connect(self._show_notes)
        self.fee_cap.editingFinished.connect(self._show_notes)
        self._fields_for_kind()

    def _fields_for_kind(self, *_args) -> None:
        kind = self.kind.currentData()
        for widget, kinds in (
            (self.answer, ("info-answer", "reopen")),
            (self.narrowing, ("fee-response",)),
            (self.search, ("appeal",)),
            (self.appeal_address, ("appeal",)),
            (self.other, ("appeal",)),
        ):
            self.form.setRowVisible(widget, kind in kinds)
        today = self.session.today()
        fees = takes_fee_cap(self.session.db, self.request_id, kind, letter_date=today)
        self.form.setRowVisible(self.fee_cap, fees)
        # left at nothing, a fee reply that accepts agrees to the estimate itself
        self.fee_cap.setSpecialValueText(
            "the estimate, if you accept it" if kind == "fee-response" else "none said"
        )
        self._show_notes()

    def _show_notes(self) -> None:
        """The notes the draft will carry, shown before it is drafted: the appeal office on
        file, what a Glomar or no-records appeal needs from the user..."""
        notes, refusal = followup_check(
            self.session.db, self.request_id, self.kind.currentData(), self.inputs(),
            letter_date=self.session.today(),
        )  # fmt: skip
        said = [_in_window_words(note) for note in notes]
        self.notes.setText("\n".join(["Check before you send:", *(f"• {note}" for note in said)]))
        self.notes.setVisible(bool(said))
        # what the letter lacks (a fact of the log, or a field to fill) is said as soon as
        # it is chosen, not only after Draft and log
        _message(self.error, _in_window_words(refusal) if refusal else "")

    def inputs(self) -> Inputs:
        narrowing = self.narrowing.toPlainText()
        return Inputs(
            note=self.note.toPlainText(),
            answer=self.answer.toPlainText(),
            accept=not narrowing.strip(),
            narrowing=narrowing,
            search_argument=self.search.toPlainText(),
            appeal_address=self.appeal_address.text(),
            other_argument=self.other.toPlainText(),
            fee_cap=Decimal(str(round(self.fee_cap.value(), 2))) if self.fee_cap.value() else None,
        )

    def save(self) -> None:
        kind, request_id, today = self.kind.currentData(), self.request_id, self.session.today()
        try:  # rendering reads the log only: do it here, so a problem shows in the dialog
            followup = draft_followup(self.session.db, request_id, kind, self.inputs(), letter_date=today)
        except UserError as exc:
            return _message(self.error, _in_window_words(str(exc)))
        if self.save_copy.isChecked():
            path = choose_save_path(self, followup.filename)
            if path is not None:
                try:
                    path.write_bytes(followup.docx)
                except OSError as exc:
                    return _message(self.error, f"Cannot write {path.name} ({exc.strerror}).")
                self.saved_to = path
        self.followup = followup
        self.buttons.setEnabled(False)
        self.session.tasks.write(
            "Logging the letter",
            lambda db: log_followup(db, followup, on=today),
            on_done=lambda _c: self.accept(),
            on_error=self._failed,
        )

    def drafted_text(self, *, selected: bool = False) -> str:
        """What was drafted and where it is, said once the dialog has closed; ``selected``:
        the request's timeline is on screen with the letter selected."""
        label = KINDS[self.followup.kind][1]
        copy = f" A copy is in {self.saved_to}." if self.saved_to else ""
        where = (
            "it is selected there: press Enter or Open attachment"
            if selected
            else "select it there and open it"
        )
        return (
            f"Drafted the {label[0].lower()}{label[1:]} for #{self.request_id} "
            f"({self.followup.filename}) and logged it as a draft on its timeline: {where} "
            f"to read, print or send.{copy}"
        )

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the write is under way: its result decides
            super().reject()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, UserError):
            _message(self.error, str(error))
        else:
            self.session.failed.emit(error)
