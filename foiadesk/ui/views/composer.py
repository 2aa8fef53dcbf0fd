"""The Compose view: a guided way to draft a coordinated set of request letters.

Pick a case pack, the records to ask for and the offices to ask; say who signs and what
to ask for beyond the records (fee waiver, expedited processing). The letters are
rendered in the background (``core.compose``, the same call as ``foiadesk draft``),
shown for review with their warnings, then saved as .docx files and logged as drafts
(with the fee cap the letters state). The File tab then marks each as filed when it is
sent. The signer can come from a profile saved in the log, or be saved as one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.errors import UserError
from foiadesk.core.letters.content import (
    GROUNDS,
    USER_FACT_GROUNDS,
    DraftOptions,
    Requester,
    needs_facts,
)
from foiadesk.core.letters.profiles import load_profile
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.casepack import CasePack
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store.requesters import Profile
from foiadesk.core.tracking.details import requester_fields, requesters
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui.dialogs.event import date_edit
from foiadesk.ui.dialogs.profile import FEE_CATEGORIES
from foiadesk.ui.session import Session
from foiadesk.ui.views.filing import FilingPanel

if TYPE_CHECKING:
    from foiadesk.core.letters.compose import Draft

# Each expedite ground's tick box says it as the letter titles it; the hint says what it asks.
GROUND_HINTS = {
    "urgency_to_inform": "You are primarily engaged in disseminating information.",
    "imminent_threat": "Delay could endanger someone's life or safety.",
    "due_process": "Only where the agency's rules list this ground.",
    "media_interest": "Government integrity in question (DOJ and DHS rules).",
}
CHECKED = Qt.CheckState.Checked
WARN_DAYS = 30  # a letter dated further than this from today gets a warning


@dataclass(frozen=True)
class Choices:
    """Everything the letters are drafted from: a plain value, safe to hand to the worker."""

    pack: CasePack
    category_ids: tuple[str, ...]
    components: tuple[str, ...]  # directory keys
    requester: Requester
    requester_id: int | None
    options: DraftOptions
    templates: Path | None
    suite: bool = False  # a suite of narrow letters, one per group of records, per office

    def draft(self) -> list[Draft]:
        from foiadesk.core.letters.compose import draft_requests  # Word's libraries load on first use

        directory = load_directory()
        comps = [directory.component(key) for key in self.components]
        return draft_requests(
            self.requester,
            self.pack,
            self.category_ids,
            comps,
            self.options,
            user_templates_dir=self.templates,
            suite=self.suite,
        )


class WrappedLabel(QLabel):
    """A wrapped label exactly as tall as its lines at its width (a form in a scroll area
    otherwise gives it the height of its narrowest wrapping, a gap under the text)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setWordWrap(True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height > 0 and height != self.height():
            self.setFixedHeight(height)


def _checklist(rows: int) -> QListWidget:
    items = QListWidget()
    items.setAlternatingRowColors(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setTextElideMode(Qt.TextElideMode.ElideRight)
    items.setMinimumHeight(items.fontMetrics().height() * rows + 12)
    return items


def _unwrap(text: str) -> str:
    """Join lines a profile file wrapped by hand; keep blank lines between paragraphs."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip())


def _checked(items: QListWidget) -> list[str]:
    return [
        items.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(items.count())
        if items.item(i).checkState() == CHECKED
    ]


class ComposerView(QWidget):
    logged = Signal(object)  # core Changes, after the drafts were logged
    profile_requested = Signal(object)  # a Profile to edit and save, from the fields on screen

    def __init__(self, session: Session, packs: list[CasePack], parent=None):
        super().__init__(parent)
        self.session = session
        self.packs = {p.id: p for p in packs}
        self.drafts: list[Draft] = []
        self.choices: Choices | None = None
        self._signer: dict[str, str] = {}  # the chosen profile's name, title and signature
        self._filled: tuple = ()  # the signer's details as the chosen profile filled them in

        self.pack = QComboBox()
        for pack in packs:
            self.pack.addItem(pack.name, pack.id)
        self.categories = _checklist(9)
        self.components = _checklist(6)
        self.saved = QComboBox()
        self.saved.setAccessibleName("Start from a profile")
        self.load_profile_button = QPushButton("Load a &profile file…")
        self.save_profile_button = QPushButton("Save as a pro&file…")
        self.save_profile_button.setToolTip("Keep these details in the log, to start from next time")
        self.name, self.organization, self.email, self.phone = (QLineEdit() for _ in range(4))
        self.address, self.basis, self.dissemination = (QPlainTextEdit() for _ in range(3))
        for box in (self.address, self.basis, self.dissemination):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(self.fontMetrics().height() * 4)
        self.fee_category = QComboBox()
        for key, label in FEE_CATEGORIES.items():
            self.fee_category.addItem(label, key)
        self.letter_date = date_edit(session.today())
        self._today = session.today()  # a letter dated today moves with it past midnight
        self.date_warning = QLabel()  # a letter dated far from today, said beside the date
        self.unsaved = 0  # letters drafted and not yet saved: quitting asks first
        self.fee_cap = QDoubleSpinBox()
        self.fee_cap.setRange(0, 100_000)
        self.fee_cap.setPrefix("$ ")
        self.fee_cap.setValue(25)
        self.fee_cap.setMaximumWidth(self.fontMetrics().horizontalAdvance("$ 100,000.00") + 48)  # as the date
        self.suite = QComboBox()
        self.suite.setAccessibleName("Letters")
        self.suite.addItem("One letter per agency", False)
        self.suite.addItem("A suite of narrow letters (one per group of records)", True)
        self.suite.setToolTip(
            "A suite sends each office several short letters, one per group of records, in "
            "place of one long letter: each is processed (and can be released) on its own."
        )
        self.priority = QCheckBox("Ask for the records in this order of priorit&y")
        self.priority.setToolTip(
            "The letter asks the agency to process the records in the order of the list above; "
            "drag a kind of record, or use the arrows, to change it."
        )
        self.up_button, self.down_button = QToolButton(), QToolButton()
        for button, arrow, words in (
            (self.up_button, Qt.ArrowType.UpArrow, "Move the chosen kind of record up"),
            (self.down_button, Qt.ArrowType.DownArrow, "Move the chosen kind of record down"),
        ):
            button.setArrowType(arrow)
            button.setToolTip(words)
            button.setAccessibleName(words)
        self.appendix = QCheckBox("Add the public record as an appendix")
        self.appendix.setToolTip("The case's dated facts, with their sources, after the signature")
        self.unverified = QCheckBox("Also print facts and case law not fully verified")
        self.unverified.setToolTip(
            "Partly confirmed facts and authority are left out of the letter unless you tick "
            "this; each one included is listed to check before you sign."
        )
        self.fee_waiver = QCheckBox("Ask for a fee &waiver (public interest)")
        self.expedite = QCheckBox("Ask for e&xpedited processing on these grounds:")
        self.grounds = {code: QCheckBox(GROUNDS[code][0]) for code in GROUND_HINTS}
        for code, hint in GROUND_HINTS.items():
            self.grounds[code].setToolTip(hint)
        # The grounds that rest on the requester's own situation take the user's words
        self.facts = {code: QPlainTextEdit() for code in USER_FACT_GROUNDS}
        self.facts_boxes: dict[str, QWidget] = {}
        self.facts_warnings: dict[str, QLabel] = {}
        for code, box in self.facts.items():
            box.setTabChangesFocus(True)
            box.setMaximumHeight(self.fontMetrics().height() * 4)
            box.setAccessibleName(f"Your facts: {GROUNDS[code][0]}")
            box.setPlaceholderText(
                "Your own facts, printed in the expedite section: who would be harmed, how, and when."
            )
            indent = self.fontMetrics().averageCharWidth() * 3
            warning = WrappedLabel(f"⚠ {needs_facts(code)}")
            warning.setContentsMargins(indent, 0, 0, 0)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(indent, 0, 0, 0)
            column.addWidget(box)
            holder.setVisible(False)
            warning.setVisible(False)
            self.facts_boxes[code], self.facts_warnings[code] = holder, warning
        self.draft_button = QPushButton("&Draft the letters")
        self.draft_button.setDefault(True)
        self.draft_button.setToolTip("Render the letters, one per office or a suite (Ctrl+Return)")

        self.letters = QListWidget()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText("Press “Draft the letters” (Ctrl+Return): each letter shows here.")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.save_button = QPushButton("&Save .docx files and log them as drafts…")
        self.save_button.setEnabled(False)
        self.filing = FilingPanel(session)

        self._layout()
        self.pack.currentIndexChanged.connect(self._pack_chosen)
        self.categories.itemChanged.connect(self._offer_components)
        self.saved.currentIndexChanged.connect(self._requester_chosen)
        self.load_profile_button.clicked.connect(self._load_profile)
        self.save_profile_button.clicked.connect(lambda: self.profile_requested.emit(self.typed_profile()))
        self.expedite.toggled.connect(self._expedite_toggled)
        for code in self.facts:
            self.grounds[code].toggled.connect(self._show_facts)
            self.facts[code].textChanged.connect(self._show_facts)
        self.up_button.clicked.connect(lambda: self._move_record(-1))
        self.down_button.clicked.connect(lambda: self._move_record(1))
        self.categories.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.draft_button.clicked.connect(self.draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.draft)
        self.letters.currentRowChanged.connect(self._show_letter)
        self.letter_date.dateChanged.connect(self._check_date)
        self.save_button.clicked.connect(self.ask_where_to_save)
        session.display_changed.connect(self._new_day)
        session.lists_changed.connect(self._fill_requesters)
        self.expedite.setChecked(False)
        for ground in self.grounds.values():
            ground.setEnabled(False)
        self._pack_chosen()
        self._fill_requesters()
        self._read_once = False  # the first read of the log starts from its first profile
        session.when_loaded(self._log_read)

    def _layout(self) -> None:
        what = QGroupBox("1. What to ask for")
        form = QFormLayout(what)
        form.addRow("Case pac&k", self.pack)
        records = QHBoxLayout()
        records.addWidget(self.categories, 1)
        arrows = QVBoxLayout()
        arrows.addWidget(self.up_button)
        arrows.addWidget(self.down_button)
        arrows.addStretch(1)
        records.addLayout(arrows)
        label = QLabel("Rec&ords")
        label.setBuddy(self.categories)
        form.addRow(label, records)
        form.addRow("Send &to", self.components)
        who = QGroupBox("2. Who signs")
        form = QFormLayout(who)
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.load_profile_button)
        form.addRow("Start from", row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_profile_button)
        for label, widget in (
            ("&Name", self.name),
            ("Organi&zation", self.organization),
            ("Email", self.email),
            ("Phone n&umber", self.phone),
            ("Addr&ess", self.address),
            ("Fee &category", self.fee_category),
            ("Why that category", self.basis),
            ("How you w&ill share it", self.dissemination),
        ):
            form.addRow(label, widget)
        form.addRow(row)
        how = QGroupBox("3. Options")
        form = QFormLayout(how)
        row = QHBoxLayout()
        row.addWidget(self.letter_date)
        row.addWidget(self.date_warning, 1)
        label = QLabel("Letter d&ate")
        label.setBuddy(self.letter_date)
        form.addRow(label, row)
        form.addRow("Fees you a&gree to pay", self.fee_cap)
        form.addRow("Letters", self.suite)
        form.addRow(self.priority)
        form.addRow(self.appendix)
        form.addRow(self.fee_waiver)
        form.addRow(self.expedite)
        for code, ground in self.grounds.items():
            form.addRow("", ground)
            if code in self.facts_boxes:
                form.addRow("", self.facts_boxes[code])
                form.addRow("", self.facts_warnings[code])
        form.addRow(self.unverified)

        page = QWidget()
        column = QVBoxLayout(page)
        for box in (what, who, how):
            column.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        choices = QWidget()  # the Draft button stays in sight below the scrolling choices
        box = QVBoxLayout(choices)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.draft_button)
        box.addLayout(row)
        review = QWidget()
        box = QVBoxLayout(review)
        self.letters.setMaximumHeight(self.letters.fontMetrics().height() * 7)
        box.addWidget(self.letters)
        box.addWidget(self.warnings)
        box.addWidget(self.preview, 1)
        box.addWidget(self.save_button)
        self.steps = QTabWidget()
        self.steps.addTab(review, "4. Review and save")
        self.steps.addTab(self.filing, "5. Mark as filed")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(choices)
        self.split.addWidget(self.steps)
        self.split.setSizes([1000, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)

    # -- choices ---------------------------------------------------------------------------

    def _check_date(self, *_args) -> None:
        """Warn of a letter dated more than a month from today (a wrong year, a slip)."""
        day, today = self.letter_date.date().toPython(), self.session.today()
        days = (day - today).days
        if abs(days) <= WARN_DAYS:
            self.date_warning.clear()
            return
        years = abs(days) // 365
        span = f"{years} year{'s' if years > 1 else ''}" if years else f"{abs(days)} days"
        self.date_warning.setText(f"⚠ {span} {'after' if days > 0 else 'before'} today: is that the date?")

    def _expedite_toggled(self, on: bool) -> None:
        for ground in self.grounds.values():
            ground.setEnabled(on)
        self._show_facts()

    def _show_facts(self, *_args) -> None:
        """A box for the user's facts under each ground that needs them, while it is
        chosen; the warning the letter would carry stays beside it until facts are typed."""
        for code, holder in self.facts_boxes.items():
            chosen = self.expedite.isChecked() and self.grounds[code].isChecked()
            holder.setVisible(chosen)
            warning = self.facts_warnings[code]
            policy = warning.sizePolicy()
            policy.setRetainSizeWhenHidden(chosen)  # typing facts hides it without moving the form
            warning.setSizePolicy(policy)
            warning.setVisible(chosen and not self.facts[code].toPlainText().strip())

    def _move_record(self, step: int) -> None:
        """Move the chosen kind of record up or down the list: the letters ask in that order."""
        row = self.categories.currentRow()
        if row < 0 or not 0 <= row + step < self.categories.count():
            return
        self.categories.blockSignals(True)
        item = self.categories.takeItem(row)
        self.categories.insertItem(row + step, item)
        self.categories.blockSignals(False)
        self.categories.setCurrentRow(row + step)

    def _new_day(self) -> None:
        """Past midnight, a letter left dated today is dated the new today (a date the
        user chose stays)."""
        today = self.session.today()
        if today != self._today and self.letter_date.date().toPython() == self._today:
            self.letter_date.setDate(today)
        self._today = today
        self._check_date()

    def _pack_chosen(self) -> None:
        pack = self.packs.get(self.pack.currentData())
        self.categories.blockSignals(True)
        self.categories.clear()
        for category in pack.categories if pack else ():
            item = QListWidgetItem(f"{category.title}  ({', '.join(map(list_office, category.holders))})")
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setToolTip(category.description)
            item.setCheckState(CHECKED)
            self.categories.addItem(item)
        self.categories.blockSignals(False)
        self._offer_components()

    def ask_for(self, pack_id: str, component: str, titles: tuple[str, ...]) -> None:
        """Start from a case's gap: its pack, only the records ``titles`` (not yet asked
        for) and only ``component`` among the offices that hold them."""
        self.pack.setCurrentIndex(max(0, self.pack.findData(pack_id)))
        self._pack_chosen()  # afresh, even if this pack was chosen already
        pack = self.packs.get(self.pack.currentData())
        wanted = {t.casefold() for t in titles}
        ids = {c.id for c in pack.categories if c.title.casefold() in wanted} if pack else set()
        self.categories.blockSignals(True)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(CHECKED if on else Qt.CheckState.Unchecked)
        self.categories.blockSignals(False)
        self._offer_components()
        for i in range(self.components.count()):
            item = self.components.item(i)
            on = str(item.data(Qt.ItemDataRole.UserRole)).upper() == component.upper()
            item.setCheckState(CHECKED if on else Qt.CheckState.Unchecked)

    def _offer_components(self) -> None:
        """Offer every office that holds a chosen category, keeping earlier choices."""
        pack = self.packs.get(self.pack.currentData())
        before = {
            self.components.item(i).data(Qt.ItemDataRole.UserRole): self.components.item(i).checkState()
            for i in range(self.components.count())
        }
        chosen = set(_checked(self.categories))
        holders = []
        for category in pack.categories if pack else ():
            if category.id in chosen:
                holders += [h for h in category.holders if h not in holders]
        directory = load_directory()
        self.components.clear()
        for key in holders:
            component = directory.component(key)
            name = component.name if component else "not in the directory"
            item = QListWidgetItem(name if list_office(key) == name else f"{list_office(key)} — {name}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(before.get(key, CHECKED))
            self.components.addItem(item)

    def choose_requester(self, requester_id: int) -> None:
        """Start from a saved profile (e.g. one just saved)."""
        self._fill_requesters()
        self.saved.blockSignals(True)
        self.saved.setCurrentIndex(max(0, self.saved.findData(requester_id)))
        self.saved.blockSignals(False)
        self._requester_chosen()  # its fields may have changed even if it was chosen already

    def typed_profile(self) -> Profile:
        """The signer's details on screen, as a new profile to save: "Save as a profile…"
        adds one and leaves the profile the details started from as it was (Settings edits)."""
        return Profile(
            id=None,
            name=self.name.text().strip(),
            organization=self.organization.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.toPlainText().strip(),
            fee_category=self.fee_category.currentData(),
            fee_category_basis=self.basis.toPlainText().strip(),
            title=self._signer_kept("title"),
            signature_name=self._signer_kept("signature_name"),
            dissemination=self.dissemination.toPlainText().strip(),
        )

    def _log_read(self) -> None:
        """The list was read: the first time, start from the log's first profile, unless
        the user has typed the signer's details meanwhile (they stay, as after F5)."""
        reset, self._read_once = not self._read_once and not self._typed(), True
        self._fill_requesters(reset=reset)

    def _requester_values(self) -> tuple:
        return (
            *(w.text() for w in (self.name, self.organization, self.email, self.phone)),
            *(w.toPlainText() for w in (self.address, self.basis, self.dissemination)),
            self.fee_category.currentData(),
        )

    def _typed(self) -> bool:
        """Whether the signer's details on screen differ from the profile last filled in."""
        return self._requester_values() != self._filled

    def _fill_requesters(self, *, reset: bool = False) -> None:
        """List the saved profiles; on a fresh read of the log, start from the first of them
        (else the example), otherwise keep the one chosen."""
        current = self.saved.currentData()
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem("The example profile (Dana Whitfield)", "example")
        for requester_id, name in requesters(self.session.db) if self.session.db else ():
            self.saved.addItem(name, requester_id)
        first = self.saved.itemData(1) if self.saved.count() > 1 else "example"
        gone = current is None or self.saved.findData(current) < 0
        keep = first if reset or gone else current
        self.saved.setCurrentIndex(max(0, self.saved.findData(keep)))
        self.saved.blockSignals(False)
        if keep != current:
            self._requester_chosen()

    def _requester_chosen(self) -> None:
        key = self.saved.currentData()
        if key == "example":
            self._fill_requester(asdict(load_profile(RESOURCES / "profiles" / "example.toml")))
        elif key is not None and self.session.db is not None:
            self._fill_requester(requester_fields(self.session.db, key))

    def _load_profile(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Load a requester profile", "", "Profiles (*.toml)")
        if name:
            try:
                self._fill_requester(asdict(load_profile(Path(name))))
            except UserError as exc:
                self.steps.setCurrentIndex(0)  # the review, where warnings show
                self.warnings.setText(str(exc))

    def _fill_requester(self, fields: dict) -> None:
        for widget, key in (
            (self.name, "name"),
            (self.organization, "organization"),
            (self.email, "email"),
            (self.phone, "phone"),
        ):
            widget.setText(fields.get(key) or "")
        self.address.setPlainText((fields.get("address") or "").strip())
        self.basis.setPlainText(_unwrap(fields.get("fee_category_basis") or ""))
        self.dissemination.setPlainText(_unwrap(fields.get("dissemination") or ""))
        self.fee_category.setCurrentIndex(max(0, self.fee_category.findData(fields.get("fee_category"))))
        # Kept from the profile though not shown: the signer's title and signature.
        self._signer = {k: fields.get(k) or "" for k in ("name", "title", "signature_name")}
        self._filled = self._requester_values()

    def _signer_kept(self, key: str) -> str:
        """The profile's title or signature, unless the name was changed since: another
        person signs (with the name, and no title of the profile's signer)."""
        same = self._signer.get("name") == self.name.text().strip()
        return self._signer.get(key, "") if same else ""

    def current_choices(self) -> Choices:
        """The choices on screen; raises UserError with what is missing."""
        pack = self.packs.get(self.pack.currentData())
        if pack is None:
            raise UserError("There is no case pack to draft from.")
        categories, components = tuple(_checked(self.categories)), tuple(_checked(self.components))
        if not categories or not components:
            raise UserError("Tick at least one kind of record and one office to send it to.")
        requester = Requester(
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            organization=self.organization.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.toPlainText().strip(),
            fee_category=self.fee_category.currentData(),
            fee_category_basis=self.basis.toPlainText().strip(),
            dissemination=self.dissemination.toPlainText().strip(),
            title=self._signer_kept("title"),
            signature_name=self._signer_kept("signature_name"),
        )
        if self.expedite.isChecked() and not any(box.isChecked() for box in self.grounds.values()):
            raise UserError(
                "Tick at least one ground for expedited processing, or untick “Ask for expedited processing”."
            )
        options = DraftOptions(
            letter_date=self.letter_date.date().toPython(),
            fee_cap=round(self.fee_cap.value(), 2),
            fee_waiver=self.fee_waiver.isChecked(),
            expedite=self.expedite.isChecked(),
            expedite_grounds=[c for c, box in self.grounds.items() if box.isChecked()],
            ground_text={
                code: text
                for code, box in self.facts.items()
                if self.grounds[code].isChecked() and (text := box.toPlainText().strip())
            },
            include_unverified=self.unverified.isChecked(),
            appendix=self.appendix.isChecked(),
            priority=self.priority.isChecked(),
        )
        folder = self.session.settings.get("templates_folder")
        saved = self.saved.currentData()
        return Choices(
            pack,
            categories,
            components,
            requester,
            saved if isinstance(saved, int) else None,
            options,
            Path(folder) if folder else None,
            suite=bool(self.suite.currentData()),
        )

    # -- drafting, reviewing, saving -------------------------------------------------------

    def draft(self) -> None:
        self.steps.setCurrentIndex(0)  # the review, where the letters or what is missing show
        try:
            choices = self.current_choices()
        except UserError as exc:
            self.warnings.setText(str(exc))
            return
        self.warnings.setText("Drafting…")
        self.draft_button.setEnabled(False)
        self.session.tasks.read(
            "Drafting the letters",
            lambda _db, _progress: choices.draft(),
            on_done=lambda drafts: self._drafted(choices, drafts),
            on_error=self._failed,
            cancellable=False,
        )

    def _drafted(self, choices: Choices, drafts: list[Draft]) -> None:
        self.draft_button.setEnabled(True)
        self.choices, self.drafts = choices, drafts
        self.unsaved = len(drafts)
        self.letters.clear()
        for draft in drafts:
            note = f"  — {len(draft.warnings)} to check" if draft.warnings else ""
            self.letters.addItem(f"{draft.filename}{note}")
        self.save_button.setEnabled(bool(drafts))
        self.letters.setCurrentRow(0)

    def _failed(self, error: BaseException) -> None:
        self.draft_button.setEnabled(True)
        if isinstance(error, UserError):
            self.warnings.setText(str(error))
        else:
            self.session.failed.emit(error)

    def _show_letter(self, row: int) -> None:
        if not 0 <= row < len(self.drafts):
            self.preview.clear()
            return
        draft = self.drafts[row]
        # the tab after a bullet, a number or a source's mark ("1.\t", "[1]\t") is a wide gap
        text = re.sub(r"^([•◦▪-]|\d+\.|\[\d+\])[ \t]+", r"\1 ", draft.text, flags=re.M)
        self.preview.setPlainText(text)
        said = [f"• {w}" for w in draft.warnings]
        requester = self.choices.requester if self.choices else None
        if requester is not None and requester.email.endswith(".example"):  # RFC 2606: made up
            said.insert(
                0,
                f"• Signed by the example profile's made-up requester ({requester.name}, "
                f"{requester.email}): put your own details under “2. Who signs” and draft again "
                "before you save and send.",
            )
        self.warnings.setText("\n".join(said) or "Nothing to check.")

    def ask_where_to_save(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Save the letters in")
        if name and self._may_replace(Path(name)):
            self.save_in(Path(name))

    def _may_replace(self, folder: Path) -> bool:
        """Letters of the same names already in the folder (drafted earlier today, perhaps
        already sent) are replaced only if the user says so: a folder is chosen without the
        save dialog's own question."""
        taken = [draft.filename for draft in self.drafts if (folder / draft.filename).exists()]
        if not taken:
            return True
        more = len(taken) - 1
        answer = QMessageBox.question(
            self,
            "Replace letters?",
            f"{folder} already holds {taken[0]}"
            + (f" and {more} more letter{'s' if more != 1 else ''} of the same names" if more else "")
            + f". Replace {'them' if more else 'it'} with what was drafted now? The letters logged "
            "before keep their own copies in the log. To keep both, choose Cancel and another folder.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_in(self, folder: Path) -> None:
        """Write the .docx files to a folder, then log one drafted request per letter."""
        drafts, choices = self.drafts, self.choices

        def save_and_log(db):
            from foiadesk.core.letters.compose import save_drafts

            targets = [folder / draft.filename for draft in drafts]
            return save_drafts(
                db,
                choices.pack,
                drafts,
                choices.options,
                targets,
                requester=choices.requester,
                requester_id=choices.requester_id,
            )

        def saved(changes):
            self.unsaved = 0
            self.steps.setCurrentWidget(self.filing)
            self.filing.select(min(changes.request_ids))
            self.filing.table.setFocus()  # the keyboard follows: Enter marks the draft as filed
            self.logged.emit(changes)

        def failed(error):
            self.save_button.setEnabled(True)  # nothing was logged: save them elsewhere
            self._failed(error)

        self.save_button.setEnabled(False)
        self.session.tasks.write(
            "Saving and logging the letters", save_and_log, on_done=saved, on_error=failed
        )
