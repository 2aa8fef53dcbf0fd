"""The first run: a log without requests shows what to do first instead of an empty
agenda. Each step is a button; a step already done says so. The window carries them out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from foiadesk.core.store import reads

if TYPE_CHECKING:
    from foiadesk.ui.session import Session

PACK_ID = "irs-ice-mou-2025"
DEMO_REQUESTS = 2000


class WelcomeView(QWidget):
    create_profile = Signal()
    load_pack = Signal()
    compose = Signal()
    add_request = Signal()
    open_demo = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel("Welcome to FoiaDesk")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "This log has no requests yet. Start with these steps, in any order. Everything "
            "stays in one file on this computer; FoiaDesk makes no network connections."
        )
        intro.setWordWrap(True)
        self.profile_button = QPushButton("Create your requester &profile…")
        self.pack_button = QPushButton("Load the IRS–ICE MOU &case pack")
        self.compose_button = QPushButton("&Draft the first requests…")
        self.add_button = QPushButton("Add a request you already &sent…")
        self.demo_button = QPushButton("Open a d&emo log…")
        self.profile_note = QLabel()
        self.pack_note = QLabel()
        compose_note = QLabel(
            "Pick the records and the offices that hold them; FoiaDesk writes one letter per "
            "office and logs each as a draft, ready to mark as filed when you send it."
        )
        add_note = QLabel(
            "A request filed by mail, email or a portal outside FoiaDesk: its office and what "
            "it asks for. Then log its filing (Ctrl+L) and import the agency's replies (Ctrl+I)."
        )
        demo_note = QLabel(
            f"{DEMO_REQUESTS:,} made-up requests in a separate file, to try every screen. "
            "This log is left as it is; open it again from the Log menu."
        )
        steps = QGridLayout()
        steps.setHorizontalSpacing(16)
        steps.setVerticalSpacing(14)
        for row, (button, note) in enumerate(
            (
                (self.profile_button, self.profile_note),
                (self.pack_button, self.pack_note),
                (self.compose_button, compose_note),
                (self.add_button, add_note),
                (self.demo_button, demo_note),
            )
        ):
            note.setWordWrap(True)
            steps.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(note, row, 1)
        steps.setColumnStretch(1, 1)
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        box = QVBoxLayout(column)
        box.addWidget(title)
        box.addWidget(intro)
        box.addSpacing(12)
        box.addLayout(steps)
        box.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(column, 8)
        layout.addStretch(1)
        self.profile_button.clicked.connect(self.create_profile)
        self.pack_button.clicked.connect(self.load_pack)
        self.compose_button.clicked.connect(self.compose)
        self.add_button.clicked.connect(self.add_request)
        self.demo_button.clicked.connect(self.open_demo)
        session.loaded.connect(self.refresh)
        session.lists_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Say which steps are done (a profile saved, the case pack loaded)."""
        db = self.session.db
        names = reads.requester_names_in_order(db) if db else []
        has_pack = bool(db and reads.case_id_by_slug(db, PACK_ID) is not None)
        self.profile_note.setText(
            f"✓ Saved: {', '.join(names)}. Add another, or edit it in Settings."
            if names
            else "Who signs your letters: name, contact details and fee category. "
            "The composer fills them in for you."
        )
        self.profile_button.setText("Add another &profile…" if names else "Create your requester &profile…")
        self.pack_note.setText(
            "✓ Loaded: it is in the Cases view, with the offices it names."
            if has_pack
            else "The April 2025 memorandum of understanding between the IRS and ICE: parties, "
            "key dates, public facts with sources, and the records each office holds."
        )
        self.pack_button.setEnabled(not has_pack)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
