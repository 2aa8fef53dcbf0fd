"""Two tabs of the request screen: the fees ledger, and the notes and tags. Each reads one
request on the GUI thread and hands its writes to the background tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.errors import UserError
from foiadesk.core.store.fees import Ledger, fee_ledger, record_fee
from foiadesk.core.store.log import add_note, set_request_case, tag_request
from foiadesk.core.store.tags import all_tags, untag_request
from foiadesk.core.tracking.details import Note
from foiadesk.ui import look
from foiadesk.ui.models.detail import FeesModel
from foiadesk.ui.session import Session
from foiadesk.ui.widgets import DATE, Table


class FeesPanel(QWidget):
    """The ledger (cap, estimates, payments, waivers, fee decisions) and its totals; a cap
    or a waiver is entered here, estimates and payments are logged as events."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.ledger: Ledger | None = None
        self.model = FeesModel(self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Fees")
        self.table.set_widths({0: DATE, 1: "Fee cap you agreed to", 2: "$10,000.00"}, stretch=3)
        self.table.set_placeholder(
            "No fees yet. The agency's estimates and your payments appear here when you log them "
            "(Log event → Fee estimate or Payment)."
        )
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItem("Fee cap you agree to pay", "cap")
        self.kind.addItem("Amount waived", "waiver")
        self.kind.setAccessibleName("Kind of fee line")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 100_000_000)
        self.amount.setPrefix("$ ")
        self.amount.setDecimals(2)
        self.amount.setAccessibleName("Amount")
        self.add_button = QPushButton("Recor&d")
        self.add_button.clicked.connect(self.record)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.amount)
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(row)

    def show_request(self, request_id: int | None) -> None:
        self.request_id = request_id
        db = self.session.db
        self.ledger = fee_ledger(db, request_id) if db is not None and request_id is not None else None
        self.model.set_lines(self.ledger.lines if self.ledger else [])
        self.totals.setText(totals_text(self.ledger) if self.ledger else "")

    def record(self) -> None:
        if self.request_id is None:
            return
        request_id, kind, cents = self.request_id, self.kind.currentData(), round(self.amount.value() * 100)
        self.session.tasks.write("Recording a fee", lambda db: record_fee(db, request_id, kind, cents))


def totals_text(ledger: Ledger) -> str:
    parts = []
    if ledger.estimate_cents is not None:
        parts.append(f"latest estimate {_money(ledger.estimate_cents)}")
    if ledger.paid_cents:
        parts.append(f"paid {_money(ledger.paid_cents)}")
    if ledger.waived_cents:
        parts.append(f"waived {_money(ledger.waived_cents)}")
    if ledger.owed_cents is not None:
        parts.append(f"left to pay {_money(ledger.owed_cents)}")
    if ledger.cap_cents is not None:
        parts.append(f"your cap {_money(ledger.cap_cents)}")
    text = " · ".join(parts).capitalize() if parts else "Nothing estimated or paid."
    if ledger.over_cap:
        text += ". The estimate is over your cap: the agency must ask before charging more."
    return text


def _money(cents: int) -> str:
    return look.dollars(cents) or "$0.00"


class NotesPanel(QWidget):
    """The case of one request, its notes (newest first) and tags."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.tags: tuple[str, ...] = ()
        self._typed: dict[int | None, str] = {}  # notes typed and not yet added, by request
        # A request added before its case was (or filed outside FoiaDesk) joins it here.
        self.case = QComboBox()
        self.case.setAccessibleName("Case")
        self.case.setToolTip("The case this request is listed, counted and exported with")
        self.case.activated.connect(self._case_chosen)  # the user's choice, not a request shown
        self.tag_list = QLabel()
        self.tag_list.setWordWrap(True)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText("a tag, e.g. priority")
        self.tag.setAccessibleName("Tag")
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag.setCompleter(self._completer)
        self.add_tag_button = QPushButton("Add &tag")
        self.remove_tag_button = QPushButton("Remove ta&g")
        self.remove_tag_button.setToolTip("Take the tag typed on the left off this request")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Write a note (calls, promises, reminders)…")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.add_note_button = QPushButton("Add &note")
        self.notes = QTextBrowser()
        self.notes.setOpenLinks(False)
        case = QHBoxLayout()
        case_label = QLabel("&Case:")
        case_label.setBuddy(self.case)
        case.addWidget(case_label)
        case.addWidget(self.case, 1)
        tags = QHBoxLayout()
        tags.addWidget(QLabel("Tags:"))
        tags.addWidget(self.tag_list, 1)
        tags.addWidget(self.tag)
        tags.addWidget(self.add_tag_button)
        tags.addWidget(self.remove_tag_button)
        note = QHBoxLayout()
        note.addWidget(self.note, 1)
        note.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(case)
        layout.addLayout(tags)
        layout.addLayout(note)
        layout.addWidget(self.notes, 1)
        self.add_note_button.clicked.connect(self.add_note)
        self.add_tag_button.clicked.connect(self.add_tag)
        self.tag.returnPressed.connect(self.add_tag)
        self.remove_tag_button.clicked.connect(self.remove_tag)

    def show_request(self, request_id: int | None, notes: tuple[Note, ...], tags: tuple[str, ...]) -> None:
        if request_id != self.request_id:  # a note being typed stays with its own request
            self._typed[self.request_id] = self.note.toPlainText()
            self.note.setPlainText(self._typed.pop(request_id, ""))
        self.request_id, self.tags = request_id, tags
        self._show_case(request_id)
        self.tag_list.setText(", ".join(tags) or "none")
        self.notes.setPlainText(
            "\n\n".join(f"{n.created_at[:10]}  {n.body}" for n in notes) or "No notes yet."
        )
        if self.session.db is not None:
            self._completer.model().setStringList(all_tags(self.session.db))

    def _show_case(self, request_id: int | None) -> None:
        """The log's cases to choose from, the request's own chosen."""
        self.case.clear()
        self.case.addItem("No case", None)
        index = self.session.index if self.session.db is not None else None
        row = index.row_of(request_id) if index is not None and request_id is not None else None
        self.case.setEnabled(row is not None)
        if index is None or row is None:
            return
        for case_id, name in sorted(index.cases.items(), key=lambda item: item[1].lower()):
            self.case.addItem(name, case_id)
        self.case.setCurrentIndex(max(0, self.case.findData(int(index.columns["case_id"][row]))))

    def _case_chosen(self, _index: int) -> None:
        if self.request_id is None or self.session.db is None:
            return
        request_id, case_id = self.request_id, self.case.currentData()
        self.session.tasks.write(
            "Putting the request in a case", lambda db: set_request_case(db, request_id, case_id)
        )

    def add_note(self) -> None:
        body = self.note.toPlainText().strip()
        if self.request_id is None or not body:
            return
        request_id = self.request_id
        self.session.tasks.write(
            "Adding a note",
            lambda db: add_note(db, request_id, body),
            on_done=lambda _changes: self.note.clear(),
        )

    def add_tag(self) -> None:
        name = self.tag.text().strip()
        if self.request_id is None or not name:
            return
        request_id = self.request_id
        self.session.tasks.write(
            "Tagging", lambda db: tag_request(db, request_id, name), on_done=lambda _c: self.tag.clear()
        )

    def remove_tag(self) -> None:
        name = self.tag.text().strip() or (self.tags[-1] if len(self.tags) == 1 else "")
        if self.request_id is None:
            return
        if not name:  # several tags, none typed: say which there are
            self.tag.setFocus()
            said = f"Type the tag to take off #{self.request_id}: {', '.join(self.tags)}."
            if not self.tags:
                said = f"Request #{self.request_id} has no tags."
            self.session.failed.emit(UserError(said))
            return
        request_id = self.request_id
        self.session.tasks.write(
            "Removing a tag",
            lambda db: untag_request(db, request_id, name),
            on_done=lambda _c: self.tag.clear(),
        )
