"""Input that cannot go wrong behind the user's back: the wheel, Enter, dates, messages,
Alt-letters and quitting with unsaved letters."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabWidget,
)

from foiadesk.core.deadlines.events import Event
from foiadesk.ui.correspondence import controller
from foiadesk.ui.dialogs.event import EventDialog, expected_next

TIMEOUT = 15_000
REPLIES = Path(__file__).parent.parent / "fixtures" / "replies"
D = date.fromisoformat


def wheel(widget, steps=3):
    """Turn the wheel over ``widget``, as a mouse does (up, three notches)."""
    for _ in range(steps):
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_the_wheel_changes_nothing_it_only_passes_over(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "mine.sqlite3")
    window.show_view(3)
    composer = window.composer
    fields = (composer.fee_cap, composer.letter_date, composer.fee_category)
    before = [composer.fee_cap.value(), composer.letter_date.date(), composer.fee_category.currentIndex()]
    window.composer.draft_button.setFocus()
    for field in fields:
        wheel(field)
    assert [
        composer.fee_cap.value(),
        composer.letter_date.date(),
        composer.fee_category.currentIndex(),
    ] == before
    composer.fee_cap.setFocus()  # once the user has clicked into the field, the wheel is theirs
    qtbot.waitUntil(composer.fee_cap.hasFocus)
    wheel(composer.fee_cap)
    assert composer.fee_cap.value() == 28.0
    assert composer.fee_cap.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_letter_dated_far_from_today_warns(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = window.composer
    assert composer.date_warning.text() == ""
    composer.letter_date.setDate(D("2029-11-25"))
    assert composer.date_warning.text() == "⚠ 3 years after today: is that the date?"
    composer.letter_date.setDate(D("2026-09-01"))  # 85 days before 2026-11-25
    assert composer.date_warning.text() == "⚠ 85 days before today: is that the date?"
    composer.letter_date.setDate(D("2026-11-20"))
    assert composer.date_warning.text() == ""


def _drafted(qtbot, window, tmp_path, monkeypatch, letter_date):
    composer = window.composer
    window.show_view(3)
    offices = composer.components
    for i in range(offices.count()):
        wanted = offices.item(i).data(Qt.ItemDataRole.UserRole) == "ICE"
        offices.item(i).setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    composer.letter_date.setDate(letter_date)
    qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.letters.count() == 1, timeout=30_000)
    return composer


def test_filing_before_the_letters_date_is_refused(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _drafted(qtbot, window, tmp_path, monkeypatch, D("2026-11-10"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    filing = composer.filing
    qtbot.waitUntil(lambda: filing.model.rowCount() == 1, timeout=TIMEOUT)
    filing.filed_on.setDate(D("2026-09-10"))  # two months before the letter
    qtbot.mouseClick(filing.mark_button, Qt.MouseButton.LeftButton)
    dialog = filing.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=TIMEOUT)
    assert dialog.error.text() == (
        "Filed on 2026-09-10 is before the letter's date (2026-11-10): "
        "a letter cannot be sent before it is dated."
    )
    assert dialog.isVisible() and filing.model.rowCount() == 1  # still a draft: nothing was logged
    dialog.reject()


def test_enter_in_the_confirmation_field_files_only_on_a_confirmed_date(
    qtbot, open_window, tmp_path, monkeypatch
):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _drafted(qtbot, window, tmp_path, monkeypatch, D("2026-11-10"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    filing = composer.filing
    qtbot.waitUntil(lambda: filing.model.rowCount() == 1, timeout=TIMEOUT)
    qtbot.keyClicks(filing.confirmation, "PORTAL-77")
    qtbot.keyClick(filing.confirmation, Qt.Key.Key_Return)
    assert filing.note.text().startswith("Check the filing date: it says 2026-11-25.")
    assert filing.filed_on.hasFocus() and filing.model.rowCount() == 1
    assert getattr(filing, "dialog", None) is None  # nothing opened, nothing filed
    filing.filed_on.selectAll()
    qtbot.keyClicks(filing.filed_on, "2026-11-12")
    filing.confirmation.setFocus()
    qtbot.keyClick(filing.confirmation, Qt.Key.Key_Return)
    dialog = filing.dialog  # the date confirmed: the filing is reviewed, on that date
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.filed_on.date().toPython() == D("2026-11-12")
    assert dialog.confirmation.text() == "PORTAL-77"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: filing.model.rowCount() == 0, timeout=TIMEOUT)
    assert "marked as filed on 2026-11-12" in filing.note.text()


def _event_dialog(qtbot, window, request_id):
    window.open_request(request_id)
    window.log_event(request_id)
    dialog = window.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_enter_never_logs_an_event_on_a_date_nobody_looked_at(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    request_id = int(window.session.index.columns["id"][0])
    dialog = _event_dialog(qtbot, window, request_id)
    dialog.type.setFocus()
    qtbot.keyClick(dialog.type, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.occurred.hasFocus()
    assert dialog.problem.text().startswith(f"Check the date: it says {TODAY} (today).")
    qtbot.keyClick(dialog.occurred, Qt.Key.Key_Return)  # Enter in the date field: confirmed
    assert dialog.result() == QDialog.DialogCode.Accepted or dialog.problem.text() != ""


def test_an_exemption_typed_wrong_is_said_in_the_dialog_and_nothing_is_logged(qtbot, open_window, demo_copy):
    """ "b99" among the exemptions of a determination: the preview says at once that it
    cannot be logged, Log event keeps the dialog open with the reason (it raised past the
    dialog, which said nothing), and the log is left as it was; corrected, it is logged."""
    window = open_window(demo_copy)
    dialog, events = _dialog_on_a_processing_request(qtbot, window)
    dialog.type.setCurrentIndex(dialog.type.findData("determination"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("partial"))
    click = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.exemptions, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.exemptions, "b5, b99")
    said = "'b99' is not a FOIA exemption (use b1 to b9, or b7A to b7F)."
    assert "Cannot be logged as it is" in dialog.changes.text() and escape(said) in dialog.changes.text()
    qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == said
    qtbot.wait(100)
    assert window.requests.detail.events.rowCount() == events
    dialog.exemptions.clear()
    qtbot.keyClicks(dialog.exemptions, "b5, b6")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.requests.detail.events.rowCount() == events + 1, timeout=TIMEOUT)


def test_a_fee_estimate_without_its_amount_is_asked_for_and_nothing_is_logged(qtbot, open_window, demo_copy):
    """The amount left at $0.00: a fee estimate of nothing would start a deadline for the
    requester to accept it. The dialog asks for the amount and logs nothing; typed, it logs."""
    window = open_window(demo_copy)
    dialog, events = _dialog_on_a_processing_request(qtbot, window)
    dialog.type.setCurrentIndex(dialog.type.findData("fee_estimate"))
    said = "Fee estimate: enter the amount the agency estimated."
    assert escape(said) in dialog.changes.text()
    log_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(log_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == said
    qtbot.wait(100)
    assert window.requests.detail.events.rowCount() == events
    dialog.amount.setFocus()
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "180")
    assert "Accept or narrow the fee estimate by" in dialog.changes.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(log_button, Qt.MouseButton.LeftButton)


def test_enter_after_changing_the_date_logs_it(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    request_id = int(window.session.index.columns["id"][0])
    dialog = _event_dialog(qtbot, window, request_id)
    dialog.type.setCurrentIndex(dialog.type.findData("note"))
    dialog.occurred.setFocus()
    dialog.occurred.selectAll()
    qtbot.keyClicks(dialog.occurred, "2026-11-24")
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "Called the liaison")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # once the event is saved
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)


def test_a_problem_message_does_not_move_the_dialogs_buttons(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    dialog = _event_dialog(qtbot, window, int(window.session.index.columns["id"][0]))
    ok = dialog.findChildren(QAbstractButton)[-1]
    where = ok.mapTo(dialog, QPoint(0, 0))
    qtbot.keyClick(dialog.type, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert dialog.problem.text() and ok.mapTo(dialog, QPoint(0, 0)) == where


E = Event


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([], "filed"),
        ([E("drafted", D("2026-10-01"))], "filed"),
        ([E("filed", D("2026-10-01"))], "acknowledged"),
        ([E("filed", D("2026-10-01")), E("acknowledged", D("2026-10-05"))], "determination"),
        ([E("filed", D("2026-10-01")), E("info_requested", D("2026-10-09"))], "info_answered"),
        (
            [
                E("filed", D("2026-10-01")),
                E("info_requested", D("2026-10-09")),
                E("info_answered", D("2026-10-12")),
            ],
            "acknowledged",
        ),
        ([E("filed", D("2026-10-01")), E("fee_estimate", D("2026-10-09"))], "fee_estimate_answered"),
        ([E("filed", D("2026-10-01")), E("still_interested", D("2026-10-09"))], "still_interested_answered"),
        (
            [E("filed", D("2026-10-01")), E("determination", D("2026-11-09"), outcome="partial")],
            "appeal_filed",
        ),
        ([E("filed", D("2026-10-01")), E("determination", D("2026-11-09"), outcome="full_grant")], "note"),
        (
            [
                E("filed", D("2026-10-01")),
                E("determination", D("2026-11-09"), outcome="denial"),
                E("appeal_filed", D("2026-11-12")),
            ],
            "appeal_received",
        ),
        (
            [
                E("filed", D("2026-10-01")),
                E("determination", D("2026-11-09"), outcome="denial"),
                E("appeal_filed", D("2026-11-12")),
                E("appeal_received", D("2026-11-13")),
            ],
            "appeal_decided",
        ),
    ],
)
def test_the_event_offered_first_is_what_the_request_waits_for(history, expected):
    assert expected_next(history) == expected


def test_the_dialog_offers_the_answer_to_an_open_question(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    db = window.session.db
    asked = db.execute(
        "SELECT request_id FROM events e WHERE type = 'info_requested' AND voided_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM events a WHERE a.request_id = e.request_id AND a.type = 'info_answered') LIMIT 1"
    ).fetchone()[0]
    dialog = _event_dialog(qtbot, window, asked)
    assert dialog.type.currentData() == "info_answered"


def test_a_message_moves_nothing_under_the_pointer(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.show_view(1)
    table = window.requests.table
    first_row = table.viewport().mapToGlobal(table.visualRect(table.model().index(0, 0)).topLeft())
    tabs = window.tabs.geometry()
    window.banner.show_message("Logged “Acknowledged” on #12.", "info")
    qtbot.wait(20)
    assert window.banner.isVisible()
    assert table.viewport().mapToGlobal(table.visualRect(table.model().index(0, 0)).topLeft()) == first_row
    assert window.tabs.geometry().topLeft() == tabs.topLeft()  # the view only ends higher
    assert (
        window.banner.mapTo(window, QPoint(0, 0)).y() >= window.tabs.geometry().bottom()
    )  # below, not on it
    window.banner.hide()
    assert table.viewport().mapToGlobal(table.visualRect(table.model().index(0, 0)).topLeft()) == first_row


def _letters(texts):
    found = []
    for text in texts:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


def _mnemonics(root) -> list[str]:
    """The Alt-letters a user can press in ``root``'s window: button and group texts,
    labels that point at a field, and (for the main window) the menu titles and tabs."""
    texts = [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]
    texts += [g.title() for g in root.findChildren(QGroupBox) if g.isVisibleTo(root)]
    texts += [
        lb.text() for lb in root.findChildren(QLabel) if lb.buddy() is not None and lb.isVisibleTo(root)
    ]
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    return _letters(texts)


def _duplicates(letters):
    return sorted({x for x in letters if letters.count(x) > 1})


def test_alt_letters_are_unique_in_each_view_and_dialog(qtbot, open_window, demo_copy, monkeypatch):
    window = open_window(demo_copy)
    menus = _letters(a.text() for a in window.menuBar().actions())
    assert _duplicates(menus) == []
    composer = window.composer
    for box in (composer.expedite, *composer.grounds.values()):  # every option on show
        box.setChecked(True)
    for number in range(window.tabs.count()):
        window.show_view(number)
        view = window.tabs.widget(number)
        assert _duplicates(menus + _mnemonics(view)) == [], window.tabs.tabText(number)
    assert all(holder.isVisibleTo(composer) for holder in composer.facts_boxes.values())
    request_id = int(window.session.index.columns["id"][0])
    for open_dialog in (
        lambda: window.log_event(request_id),
        lambda: window.edit_profile(None),
        window.new_request,
        window.new_case,
    ):
        open_dialog()
        dialog = window.dialog
        qtbot.waitUntil(dialog.isVisible)
        assert _duplicates(_mnemonics(dialog)) == [], dialog.windowTitle()
        dialog.reject()
    window.show_calculator()
    assert _duplicates(_mnemonics(window.calculator)) == []
    window.calculator.close()
    importer = controller(window).importer
    importer.import_files([REPLIES / "ice-ack.eml"], request_id)
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=TIMEOUT)
    assert _duplicates(_mnemonics(importer.dialog)) == []
    importer.dialog.reject()


def test_quitting_with_unsaved_letters_asks(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")
    _drafted(qtbot, window, tmp_path, monkeypatch, TODAY)
    questions = _questions(monkeypatch)
    window.close()
    assert questions["asked"] == ["1 drafted letter in Compose is not saved. Quit and lose it?"]
    assert window.isVisible()  # Cancel: still open
    questions["answer"] = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


def _questions(monkeypatch) -> dict:
    """QMessageBox.question answered without a dialog: the texts it was asked, and the
    answer it gives (Cancel until a test sets another)."""
    questions = {"asked": [], "answer": QMessageBox.StandardButton.Cancel}

    def question(parent, title, text, *args, **kwargs):
        questions["asked"].append(text)
        return questions["answer"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return questions


def test_opening_another_log_with_unsaved_letters_asks(qtbot, open_window, tmp_path, monkeypatch):
    """Log › Open another log… (Ctrl+O): the drafted letters are not dropped unasked."""
    window = open_window(tmp_path / "mine.sqlite3")
    _drafted(qtbot, window, tmp_path, monkeypatch, TODAY)
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    questions = _questions(monkeypatch)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert questions["asked"] == ["1 drafted letter in Compose is not saved. Open the other log and lose it?"]
    assert window.session.path.name == "mine.sqlite3" and window.composer.unsaved == 1  # Cancel: kept
    questions["answer"] = QMessageBox.StandardButton.Discard
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session.path.name == "other.sqlite3")


def test_take_back_acts_only_on_an_event_the_user_can_see_selected(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.open_request(int(window.session.index.columns["id"][0]))
    detail = window.requests.detail
    table = detail.event_table
    qtbot.waitUntil(lambda: detail.events.rowCount() > 0)
    table.clearSelection()
    table.selectionModel().setCurrentIndex(
        detail.events.index(0, 0), table.selectionModel().SelectionFlag.NoUpdate
    )  # a current row, not highlighted
    assert detail.selected_event() is None and not detail.void_button.isEnabled()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(detail.events.index(0, 2)).center()
    )
    assert detail.selected_event() is not None and detail.void_button.isEnabled()


def test_tab_leaves_each_table_for_the_next_control(qtbot, open_window, demo_copy):
    """Without a mouse, Tab goes from the request list to the request's deadlines, its
    timeline and its buttons; it used to walk the cells of the list's row and never leave."""
    window = open_window(demo_copy)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    detail = window.requests.detail
    assert window.focusWidget() is window.requests.table
    qtbot.keyClick(window.requests.table, Qt.Key.Key_Down)
    reached = []
    for _ in range(8):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.append(window.focusWidget())
        if reached[-1] is detail.log_button:
            break
    assert reached[:1] == [detail.clock_table] and detail.event_table in reached
    assert reached[-1] is detail.log_button
    # in the order they stand: Next step… below the deadlines comes before the timeline
    next_step = detail.filing_actions.next_button
    assert next_step in reached and reached.index(next_step) < reached.index(detail.event_table)
    qtbot.keyClick(detail.log_button, Qt.Key.Key_Space)
    assert isinstance(window.dialog, EventDialog) and window.dialog.isVisible()
    qtbot.keyClick(window.dialog, Qt.Key.Key_Escape)
    assert window.dialog is None


def test_a_filing_logged_with_ctrl_l_asks_for_its_confirmation_by_that_name(qtbot, open_window, tmp_path):
    """Log event… on a draft offers "Filed"; the number it takes is kept as the filing's
    confirmation, so the row says so (it was labelled "Tracking no.", and the number typed
    there came back on the timeline as a confirmation)."""
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    path = tmp_path / "log.sqlite3"
    db = connect(path)
    ice = log.ensure_component(
        db, abbr="ICE", name="U.S. Immigration and Customs Enforcement", agency_abbr="DHS", agency_name="DHS"
    )
    log.add_request(db, title="Detainer training materials", component_id=ice)
    db.close()
    window = open_window(path)
    window.open_request(1)
    detail = window.requests.detail
    qtbot.mouseClick(detail.log_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.type.currentData() == "filed"
    label = dialog.form.labelForField(dialog.tracking).text()
    assert label == "Confi&rmation" and "acknowledgment" in dialog.tracking.placeholderText()
    dialog.occurred.setDate(D("2026-11-02"))
    qtbot.keyClicks(dialog.tracking, "DHS-SR-55120")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == "Filed", timeout=TIMEOUT)
    timeline = [detail.events.index(r, 2).data() for r in range(detail.events.rowCount())]
    assert "Filed: confirmation DHS-SR-55120" in timeline
    qtbot.mouseClick(detail.log_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.type.currentData() == "acknowledged"
    assert dialog.form.labelForField(dialog.tracking).text() == "&Tracking no."
    dialog.reject()


def _dialog_on_a_processing_request(qtbot, window):
    """Log event opened on a request being processed, and how many events it shows."""
    cols = window.session.index.columns
    request_id = next(int(i) for i, s in zip(cols["id"], cols["status"], strict=True) if s == "Processing")
    dialog = _event_dialog(qtbot, window, request_id)
    return dialog, window.requests.detail.events.rowCount()


def test_a_date_typed_as_it_is_shown_is_logged_on_that_day(qtbot, open_window, demo_copy):
    """Tab into the date and type 2026-11-02, as the field shows dates: the note is logged on
    November 2. Qt moved on to the month once the year was full and again at the dash, so the
    month's digits went into the day and the note was logged on 2026-11-11, silently."""
    window = open_window(demo_copy)
    dialog, events = _dialog_on_a_processing_request(qtbot, window)
    dialog.type.setCurrentIndex(dialog.type.findData("note"))
    dialog.type.setFocus()
    qtbot.keyClick(dialog.type, Qt.Key.Key_Tab)
    assert dialog.occurred.hasFocus()
    qtbot.keyClicks(dialog.occurred, "2026-11-02")
    assert dialog.occurred.text() == "2026-11-02"
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "Called the liaison")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    model = window.requests.detail.events
    qtbot.waitUntil(lambda: model.rowCount() == events + 1, timeout=TIMEOUT)
    rows = [model.index(r, 2).data() for r in range(model.rowCount())]
    row = next(r for r, text in enumerate(rows) if "Called the liaison" in (text or ""))
    assert model.index(row, 0).data() == "2026-11-02"
