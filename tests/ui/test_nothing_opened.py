"""Buttons that hand a folder or a file to the desktop say so when nothing opened it (no
file manager, no PDF reader): where it is. They did nothing at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from foiadesk.core.paths import data_dir
from foiadesk.ui.correspondence import controller

REPLY = Path(__file__).parent.parent / "fixtures" / "replies" / "irs-ack.pdf"


def test_show_the_data_folder_says_where_it_is_when_nothing_opens_it(
    qtbot, open_window, demo_copy, monkeypatch
):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window = open_window(demo_copy)
    window.show_view(4)
    for text, folder in (
        ("Show the data &folder", data_dir()),
        ("Show the bac&kups", demo_copy.parent / "backups"),
    ):
        window.banner.hide()
        button = next(b for b in window.settings_view.findChildren(QPushButton) if b.text() == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.banner.isVisible()
        assert window.banner.text.text() == (
            f"No file manager opened the folder; it is {folder} (you can copy that path above)."
        )


def test_open_the_file_says_where_the_reply_is_when_nothing_opens_it(
    qtbot, open_window, demo_copy, monkeypatch
):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(REPLY)], "")))
    window = open_window(demo_copy)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Request")
    next(a for a in menu.actions() if a.text().startswith("&Import agency reply")).trigger()
    importer = controller(window).importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=30_000)
    dialog = importer.dialog
    qtbot.mouseClick(dialog.opener, Qt.MouseButton.LeftButton)
    assert dialog.failure.isVisible()
    assert dialog.failure.text() == f"No program on this computer opened irs-ack.pdf; it is {REPLY}."
    dialog.reject()
