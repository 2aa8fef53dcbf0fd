"""Ctrl+1 … Ctrl+5 put the keyboard where work starts in each view, so the next key acts:
in Settings, on the requester profiles (Enter edits one). Ctrl+5 left it on the view
itself, where no key did anything until Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLineEdit

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_each_view_shortcut_leaves_the_keyboard_on_a_control(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    controls = (QAbstractItemView, QComboBox, QLineEdit, QAbstractButton)
    for number in range(1, 6):
        press(qtbot, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.tabs.currentIndex() == number - 1
        assert isinstance(QApplication.focusWidget(), controls), (number, QApplication.focusWidget())
    profiles = window.settings_view.profiles
    assert QApplication.focusWidget() is profiles
    press(qtbot, Qt.Key.Key_Home)
    name = profiles.currentItem().data(Qt.ItemDataRole.UserRole).name
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    assert window.dialog.windowTitle() == "Requester profile"
    assert name in [w.text() for w in window.dialog.findChildren(QLineEdit)]
    dialog = window.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
