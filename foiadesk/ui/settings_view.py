"""The Settings view: which log is open, backups, and how deadlines are shown.

Every change applies at once (there is no Save button); the typed settings tell the
session, which tells the views.
"""

from __future__ import annotations

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
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.db import backups_dir
from ..core.paths import TEMPLATES, data_dir
from .settings import VIEWS, Settings

VIEW_LABELS = {
    "agenda": "Agenda",
    "requests": "Requests",
    "cases": "Cases",
    "compose": "Compose",
    "settings": "Settings",
}


class SettingsView(QWidget):
    open_log = Signal()
    new_log = Signal()
    back_up = Signal()

    def __init__(self, settings: Settings, log_path, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.path = QLabel(str(log_path))
        self.path.setWordWrap(True)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = QPushButton("&Open another log…")
        open_button.clicked.connect(self.open_log)
        new_button = QPushButton("Start a &new log…")
        new_button.clicked.connect(self.new_log)
        backup_button = QPushButton("&Back up now")
        backup_button.setToolTip("Copy the log to the backups folder (Ctrl+B)")
        backup_button.clicked.connect(self.back_up)
        folder_button = QPushButton("Show the backups &folder")
        folder_button.clicked.connect(self._show_backups)

        self.soon = QSpinBox()
        self.soon.setRange(0, 90)
        self.soon.setSuffix(" days")
        self.soon.setValue(settings.get("due_soon_days"))
        self.soon.valueChanged.connect(lambda v: settings.set("due_soon_days", v))
        self.closures = QCheckBox("Skip disputed closure days (executive-order closures, the 2025 shutdown)")
        self.closures.setToolTip(
            "They are not legal public holidays, so FoiaDesk counts them by default and shows "
            "the other date beside each deadline they affect."
        )
        self.closures.setChecked(settings.get("skip_closures"))
        self.closures.toggled.connect(lambda v: settings.set("skip_closures", v))
        self.start = QComboBox()
        for view in VIEWS:
            self.start.addItem(VIEW_LABELS[view], view)
        self.start.setCurrentIndex(self.start.findData(settings.get("start_view")))
        self.start.currentIndexChanged.connect(lambda: settings.set("start_view", self.start.currentData()))

        log = QGroupBox("Your log")
        form = QFormLayout(log)
        form.addRow("Open now:", self.path)
        buttons = QHBoxLayout()
        for button in (open_button, new_button, backup_button, folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        where = QLabel(
            f"Backups go to {backups_dir()}. Unexpected errors are logged to "
            f"{data_dir() / 'foiadesk-errors.log'}. FoiaDesk makes no network connections."
        )
        where.setWordWrap(True)
        form.addRow(where)
        deadlines = QGroupBox("Deadlines")
        form2 = QFormLayout(deadlines)
        form2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form2.addRow("&Due soon means within", self.soon)
        form2.addRow(self.closures)
        form2.addRow("&Start in", self.start)
        self.templates = QLabel()
        self.templates.setWordWrap(True)
        choose = QPushButton("Use my own &templates…")
        choose.setToolTip(
            "A folder with .docx templates named like the shipped ones (see templates/README.md)"
        )
        choose.clicked.connect(self._choose_templates)
        shipped = QPushButton("Use the shipped templates")
        shipped.clicked.connect(lambda: self._set_templates(""))
        letters = QGroupBox("Letters")
        form3 = QFormLayout(letters)
        form3.addRow("Templates:", self.templates)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(shipped)
        row.addStretch(1)
        form3.addRow(row)
        self._set_templates(settings.get("templates_folder"))

        page = QWidget()
        page.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        column = QVBoxLayout(page)
        column.addWidget(log)
        column.addWidget(deadlines)
        column.addWidget(letters)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(page)

    def set_log_path(self, path) -> None:
        self.path.setText(str(path))

    def _choose_templates(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of your letter templates")
        if folder:
            self._set_templates(folder)

    def _set_templates(self, folder: str) -> None:
        self.settings.set("templates_folder", folder)
        self.templates.setText(folder or f"the shipped ones ({TEMPLATES})")

    def _show_backups(self) -> None:
        folder = backups_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
