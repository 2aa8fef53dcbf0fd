"""The Settings view: requester profiles, which log is open and where the data lives,
backups, how deadlines are counted and shown, and the letter templates.

Every change applies at once (there is no Save button); the typed settings tell the
session, which tells the views.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.paths import DATA_ENV, TEMPLATES, data_dir
from foiadesk.core.settings import templates_in
from foiadesk.core.store.db import backups_dir
from foiadesk.core.store.requesters import Profile, profiles
from foiadesk.ui.dialogs.profile import FEE_CATEGORIES
from foiadesk.ui.session import Session, not_read
from foiadesk.ui.settings import VIEWS, Settings

VIEW_LABELS = {
    "agenda": "Agenda",
    "requests": "Requests",
    "cases": "Cases",
    "compose": "Compose",
    "settings": "Settings",
}
PROFILE_ROLE = Qt.ItemDataRole.UserRole


class SettingsView(QWidget):
    open_log = Signal()
    new_log = Signal()
    back_up = Signal()
    back_up_to = Signal()
    edit_profile = Signal(object)  # a Profile to edit, or None for a new one
    said = Signal(str)  # something to tell the user (a folder no file manager opened)

    def __init__(self, settings: Settings, session: Session, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.session = session
        page = QWidget()
        page.setMaximumWidth(self.fontMetrics().averageCharWidth() * 120)
        column = QVBoxLayout(page)
        column.addWidget(self._profiles_box())
        column.addWidget(self._log_box())
        column.addWidget(self._deadlines_box())
        column.addWidget(self._letters_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        box = QHBoxLayout(holder)
        box.addWidget(page, 1)
        box.addStretch(0)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        session.loaded.connect(self.refresh)
        session.lists_changed.connect(self.refresh)
        session.failed.connect(lambda _error: self.session.db is None and self.refresh())  # not read
        self.refresh()

    # -- the groups ----------------------------------------------------------------------------

    def _profiles_box(self) -> QGroupBox:
        self.profiles = QListWidget()
        self.profiles.setAccessibleName("Requester profiles")
        self.profiles.setMaximumHeight(self.fontMetrics().height() * 6)
        self.profiles.setWordWrap(True)
        self.profiles.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.profiles.itemActivated.connect(lambda _item: self._edit())
        add = QPushButton("&Add a profile…")
        add.clicked.connect(lambda: self.edit_profile.emit(None))
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self._edit)
        self.profiles.currentRowChanged.connect(lambda row: self.edit_button.setEnabled(row >= 0))
        box = QGroupBox("Requester profiles")
        layout = QHBoxLayout(box)
        layout.addWidget(self.profiles, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _log_box(self) -> QGroupBox:
        self.path = _selectable()
        self.data_folder = _selectable()
        self.backups = _selectable()
        open_button = QPushButton("&Open another log…")
        open_button.clicked.connect(lambda: self.open_log.emit())
        new_button = QPushButton("Start a &new log…")
        new_button.clicked.connect(lambda: self.new_log.emit())
        data_button = QPushButton("Show the data &folder")
        data_button.clicked.connect(lambda: self._show_folder(data_dir()))
        backup_button = QPushButton("&Back up now")
        backup_button.setToolTip("Copy the log to the backups folder (Ctrl+B)")
        backup_button.clicked.connect(lambda: self.back_up.emit())
        backup_to = QPushButton("Back up &to a file…")
        backup_to.setToolTip("A copy anywhere you choose: another disk, a USB stick")
        backup_to.clicked.connect(lambda: self.back_up_to.emit())
        backups_button = QPushButton("Show the bac&kups")
        backups_button.clicked.connect(lambda: self._show_folder(backups_dir(self.session.path)))
        box = QGroupBox("Your log, its data folder and backups")
        form = QFormLayout(box)
        form.addRow("Log open now:", self.path)
        form.addRow(_row(open_button, new_button))
        form.addRow("Data folder:", self.data_folder)
        form.addRow(_row(data_button))
        form.addRow("Backups:", self.backups)
        form.addRow(_row(backup_button, backup_to, backups_button))
        return box

    def _deadlines_box(self) -> QGroupBox:
        settings = self.settings
        self.soon = QSpinBox()
        self.soon.setRange(0, 90)
        self.soon.setSuffix(" days")
        self.soon.setValue(settings.get("due_soon_days"))
        self.soon.valueChanged.connect(lambda v: settings.set("due_soon_days", v))
        self.closures = QCheckBox(
            "Skip disputed closure days (executive-order closures, the 2025 shutdown, Inauguration Day)"
        )
        self.closures.setToolTip(
            "They are not legal public holidays (Inauguration Day is one only in the D.C. area), "
            "so FoiaDesk counts them by default and shows "
            "the other date beside each deadline they affect."
        )
        self.closures.setChecked(settings.get("skip_closures"))
        self.closures.toggled.connect(lambda on: settings.set("skip_closures", on))
        self.start = QComboBox()
        for view in VIEWS:
            self.start.addItem(VIEW_LABELS[view], view)
        self.start.setCurrentIndex(self.start.findData(settings.get("start_view")))
        self.start.currentIndexChanged.connect(lambda: settings.set("start_view", self.start.currentData()))
        box = QGroupBox("Deadlines")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Due soon means within", self.soon)
        form.addRow(self.closures)
        note = QLabel(
            "Counted or skipped, every deadline a disputed day touches shows the other date too (⚑)."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("&Start in", self.start)
        return box

    def _letters_box(self) -> QGroupBox:
        self.templates = _selectable()
        choose = QPushButton("Use my own tem&plates…")
        choose.setToolTip(
            "A folder with .docx templates named like the shipped ones (see templates/README.md)"
        )
        choose.clicked.connect(self._choose_templates)
        shipped = QPushButton("Use the shipped templates")
        shipped.clicked.connect(lambda: self._set_templates(""))
        box = QGroupBox("Letters")
        form = QFormLayout(box)
        form.addRow("Templates:", self.templates)
        form.addRow(_row(choose, shipped))
        self._set_templates(self.settings.get("templates_folder"))
        return box

    # -- showing and acting --------------------------------------------------------------------

    def refresh(self) -> None:
        self.path.setText(str(self.session.path))
        override = f" (set by ${DATA_ENV})" if os.environ.get(DATA_ENV) else ""
        self.data_folder.setText(
            f"{data_dir()}{override}: settings, the error log and backups. To keep them elsewhere, "
            f"start FoiaDesk with ${DATA_ENV} set to another folder."
        )
        self.backups.setText(_backups_text(self.session.path))
        current = self.profiles.currentItem().data(PROFILE_ROLE).id if self.profiles.currentItem() else None
        self.profiles.clear()
        for profile in profiles(self.session.db) if self.session.db is not None else ():
            category = FEE_CATEGORIES.get(profile.fee_category, profile.fee_category)
            item = QListWidgetItem(f"{profile.name} — {category}")
            details = (profile.organization, profile.email, profile.phone, profile.address)
            item.setToolTip("\n".join(p for p in details if p) or profile.name)
            item.setData(PROFILE_ROLE, profile)
            self.profiles.addItem(item)
            if profile.id == current:
                self.profiles.setCurrentItem(item)
        if not self.profiles.count():
            none = "No profiles yet: add one, and the composer starts from it."
            self.profiles.addItem(none if self.session.db is not None else not_read(self.session))
            self.profiles.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.edit_button.setEnabled(self.profiles.currentItem() is not None)

    def selected_profile(self) -> Profile | None:
        item = self.profiles.currentItem()
        return item.data(PROFILE_ROLE) if item else None

    def _edit(self) -> None:
        profile = self.selected_profile()
        if profile is not None:
            self.edit_profile.emit(profile)

    def _choose_templates(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of your letter templates")
        if folder:
            self._set_templates(folder)

    def _set_templates(self, folder: str) -> None:
        self.settings.set("templates_folder", folder)
        shipped = f"the shipped ones ({TEMPLATES})"
        self.templates.setText(templates_in(Path(folder).expanduser()) if folder else shipped)

    def _show_folder(self, folder: Path) -> None:
        """Open the folder in the file manager; where none opens it, say where it is (the
        button did nothing)."""
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.said.emit(
                f"No file manager opened the folder; it is {folder} (you can copy that path above)."
            )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.backups.setText(_backups_text(self.session.path))


def _selectable() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _row(*buttons) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _backups_text(log) -> str:
    """Where this log's backups go (beside it), and the latest one."""
    folder = backups_dir(log)
    found = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    if not found:
        return f"{folder}. None yet. FoiaDesk also backs up a log there before upgrading it."
    latest = datetime.fromtimestamp(found[-1].stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"{folder}. {len(found)} so far; the latest, {found[-1].name}, from {latest}."
