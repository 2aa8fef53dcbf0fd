"""The deadline calculator used from the keyboard alone: Ctrl+D, Tab down its fields, dates
typed; a pause the agency could not have asked for is said whole, in red, not cut off at the
dialog's edge (it was one bold line wider than the dialog)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to the widget with focus in the active window."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_date(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_tolling_typed_from_the_keyboard(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    calc = window.calculator
    qtbot.waitUntil(lambda: QApplication.activeWindow() is calc)
    calc.kind.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is calc.received
    type_date(qtbot, "2026-12-01")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # the agency asked for information
    assert calc.tolled.isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    type_date(qtbot, "2026-12-10")  # asked on a Thursday: 7 working days used (Dec 2-4, 7-10)
    key(qtbot, Qt.Key.Key_Tab)
    type_date(qtbot, "2027-01-05")  # answered: 13 left from Jan 5, MLK Day (Jan 18) not counted
    assert calc.result.text() == "Due 2027-01-25, Monday"
    assert "Birthday of Martin Luther King, Jr." in calc.trace.toPlainText()

    for _part in ("month", "year", "the date asked"):  # Shift+Tab goes back a part at a time
        key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is calc.asked
    key(qtbot, Qt.Key.Key_Home)  # come in from below, the day is selected: to the year
    type_date(qtbot, "2026-11-20")  # before the request reached the agency
    said = calc.result.text()
    assert said == "The agency cannot ask (2026-11-20) before it received the request (2026-12-01)."
    assert calc.trace.toPlainText() == ""
    label = calc.result

    def shown_whole() -> bool:
        flags = Qt.TextFlag.TextWordWrap
        needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000), flags, said)
        return label.geometry().right() <= calc.width() and needed.height() <= label.height()

    qtbot.waitUntil(shown_whole, timeout=2000)
    assert "#a00000" in label.styleSheet()

    key(qtbot, Qt.Key.Key_Escape)
    assert not calc.isVisible()
