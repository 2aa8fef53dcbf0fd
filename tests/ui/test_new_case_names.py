"""New case… as a user fills it in: the message never speaks of ids the user has never seen.
A case pack already in the log says which case it is; a name taken says so; a name with
accents, or one that shares its letters with another case's, is added (both used to be
refused as "a case with the id 'n-c-d' already exists")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton


def type_text(widget, text: str) -> None:
    """Keys as a keyboard with accents sends them (QTest types ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def new_case(qtbot, window, *, pack: str | None = None, name: str = ""):
    """Cases › New case…, a pack chosen or a name typed, then Enter."""
    window.show_view(2)
    button = next(b for b in window.cases.findChildren(QPushButton) if b.text() == "&New case…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    qtbot.waitUntil(dialog.isVisible)
    if pack:
        dialog.pack.setCurrentIndex(dialog.pack.findText(pack))
    if name:
        dialog.name.selectAll()
        type_text(dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=10_000)
    qtbot.wait(50)
    return window.banner.text.text()


def test_new_case_messages_speak_of_names(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    cases = dict(window.session.index.cases)
    pack = "IRS-ICE taxpayer address sharing (April 2025 MOU)"
    assert pack in cases.values()
    said = new_case(qtbot, window, pack=pack)
    assert said == f"This case pack is in the log already, as the case “{pack}” (see Cases)."

    assert new_case(qtbot, window, name="Sécurité sociale") == "Added the case “Sécurité sociale”."
    assert new_case(qtbot, window, name="Securite sociale") == "Added the case “Securite sociale”."
    said = new_case(qtbot, window, name="Sécurité sociale")
    assert said == "There is already a case named “Sécurité sociale”: give this one another name."
    names = list(window.session.index.cases.values())
    assert names.count("Sécurité sociale") == 1 and "Securite sociale" in names
    assert window.cases.case.currentText() == "Securite sociale"  # the last one added is shown
