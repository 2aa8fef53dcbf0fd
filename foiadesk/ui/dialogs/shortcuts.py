"""F1: the keyboard shortcuts, in a small dialog of their own (the message bar, which
floats over the top of the views, covered the agenda's counts with them on a small screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

SHORTCUTS = (
    ("Ctrl+N", "New request"),
    ("Ctrl+L", "Log an event on the selected request"),
    ("Ctrl+F", "Search requests"),
    ("Ctrl+1 … Ctrl+5", "Agenda, Requests, Cases, Compose, Settings"),
    ("Ctrl+D", "Deadline calculator"),
    ("Ctrl+I", "Import an agency reply"),
    ("F5", "Read the log again"),
    ("Ctrl+O", "Open another log"),
    ("Ctrl+B", "Back up now"),
    ("Ctrl+Return", "Draft the letters (Compose)"),
    ("Esc", "Stop a long task"),
    ("Enter", "Open the selected deadline's request (Agenda and Cases), or an event's file"),
    ("Enter", "Mark the selected draft as filed (Compose, Mark as filed)"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        form = QFormLayout()
        for keys, what in SHORTCUTS:
            key = QLabel(f"<b>{keys}</b>")
            form.addRow(key, QLabel(what))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
