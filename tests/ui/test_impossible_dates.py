"""A day that does not exist, typed into a date field, is said and changes nothing: Qt
dropped the digit it could not take (2026-02-30 became 2026-02-03) or used the month's
last day (2026-11-31 became 2026-11-30), without a word, and the event was logged on a
day the user never typed."""

from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip
from test_daily_loop import press


def type_date(qtbot, field, text):
    """Tab into the field (its text selected, as Tab leaves it) and type the date."""
    field.clearFocus()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)


def test_a_day_february_does_not_have_is_said_and_the_date_stays(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.show_view(1)
    window.requests.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    on = dialog.occurred
    assert on.text() == TODAY.isoformat()
    type_date(qtbot, on, "2026-02-30")
    said = (
        "2026-02-30 is not a date: February 2026 has 28 days. "
        "The date is still 2026-11-25: type the whole date again."
    )
    assert dialog.problem.isVisible() and dialog.problem.text() == said
    assert on.text() == "2026-11-25"
    # Enter, as after typing a date, does not log the event on the date it went back to
    qtbot.keyClick(on, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == said
    qtbot.keyClick(dialog.type, Qt.Key.Key_Tab)  # elsewhere in the dialog, Enter asks to check it
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("Check the date: it says 2026-11-25 (today).")

    type_date(qtbot, on, "2026-11-31")
    assert dialog.problem.text() == (
        "2026-11-31 is not a date: November 2026 has 30 days. "
        "The date is still 2026-11-25: type the whole date again."
    )
    assert on.text() == "2026-11-25"
    type_date(qtbot, on, "2026-11-20")  # a day that exists lands as typed
    assert on.text() == "2026-11-20"
    dialog.reject()


def test_a_letters_date_refuses_a_month_that_does_not_exist(qtbot, open_window, demo_copy):
    """Every date field does the same; outside a dialog with a row for problems, the
    message shows under the field."""
    window = open_window(demo_copy)
    press(qtbot, window, Qt.Key.Key_4)
    letter_date = window.composer.letter_date
    type_date(qtbot, letter_date, "2026-13-01")
    assert letter_date.text() == "2026-11-25"
    assert QToolTip.isVisible()
    assert QToolTip.text() == "There is no month 13. The date is still 2026-11-25: type the whole date again."
    qtbot.wait(1100)  # a moment later, typed again where the field is: it starts from the year
    qtbot.keyClicks(letter_date, "2026-12-01")
    assert letter_date.text() == "2026-12-01"


def test_enter_after_a_refused_named_date_keeps_what_was_refused(qtbot, open_window, demo_copy):
    """The agreed date of an alternative time frame typed as 2027-02-30: Enter in that field, as
    after typing a date, neither logs the event on the date the field went back to nor says
    instead that the event's own date is today's."""
    window = open_window(demo_copy)
    window.show_view(1)
    window.requests.table.selectRow(0)
    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("timeframe_agreed"))
    type_date(qtbot, dialog.occurred, "2026-11-20")
    qtbot.mouseClick(dialog.named.given, Qt.MouseButton.LeftButton)
    named = dialog.named.edit
    type_date(qtbot, named, "2027-02-30")
    said = (
        "2027-02-30 is not a date: February 2027 has 28 days. "
        "The date is still 2026-11-25: type the whole date again."
    )
    assert dialog.problem.text() == said and named.text() == "2026-11-25"
    qtbot.keyClick(named, Qt.Key.Key_Return)
    qtbot.keyClick(named, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == said
    qtbot.wait(1100)  # typed again, it lands as typed
    qtbot.keyClicks(named, "2027-02-26")
    assert named.text() == "2027-02-26"
    dialog.reject()
