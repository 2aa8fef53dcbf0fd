"""Log › Restore a backup…: the log's backups with when and why each was made and what it
holds; the one picked (or a file chosen elsewhere) is handed back to the window, which
closes the log, restores (``core.store.restore``) and reads the log again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from foiadesk.core.store.restore import Backup

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    chosen = Signal(object)  # the Path of the backup to restore

    def __init__(self, log: Path, backups: list[Backup] | None, parent=None):
        """``backups`` None: they are still being read; ``set_backups`` shows them."""
        super().__init__(parent)
        self.log = log
        self.setWindowTitle("Restore a backup")
        intro = QLabel(
            f"Put a backup back in place of {log.name}. The log as it is now is backed up "
            "first, so a restore can itself be undone (restore that copy). FoiaDesk closes "
            "the log while it restores, and reads it again after."
        )
        intro.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setAccessibleName("Backups of this log")
        self.backups.setWordWrap(True)
        self.set_backups(backups)
        self.backups.itemActivated.connect(lambda _item: self._restore())
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("&Restore this backup")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        other = QPushButton("Choose another &file…")
        other.setToolTip("A backup kept elsewhere: another disk, a USB stick")
        other.clicked.connect(self._choose_file)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)  # last: tried last by the click test
        buttons.rejected.connect(self.reject)
        self.backups.currentItemChanged.connect(
            lambda item, _old: self.restore_button.setEnabled(
                item is not None and item.data(PATH_ROLE) is not None
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backups, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 22)

    def set_backups(self, backups: list[Backup] | None) -> None:
        """List ``backups`` (what each holds is read from its file, which takes a moment
        for many large ones: None says they are being read)."""
        self.backups.clear()
        if backups is None:
            self.backups.addItem(f"Reading the backups of {self.log.name}…")
            self.backups.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for backup in backups:
            item = QListWidgetItem(backup.describe())
            item.setToolTip(str(backup.path))
            item.setData(PATH_ROLE, backup.path)
            if backup.requests is None:  # damaged, not a log, or from a newer FoiaDesk
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(item)
        if not backups:
            self.backups.addItem(f"No backups of {self.log.name} yet (Log › Back up now makes one).")
            self.backups.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def _picked(self) -> Path | None:
        """The backup the user can see selected (a row the list only put its focus on is no
        choice: a restore must never act on a backup the user did not pick)."""
        picked = self.backups.selectedItems()
        return picked[0].data(PATH_ROLE) if picked else None

    def _restore(self) -> None:
        path = self._picked()
        if path is not None:
            self.accept()
            self.chosen.emit(path)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Restore a backup from",
            str(self.log.parent),
            "FoiaDesk logs (*.sqlite3 *.db);;All files (*)",
        )
        if name:
            self.accept()
            self.chosen.emit(Path(name))
