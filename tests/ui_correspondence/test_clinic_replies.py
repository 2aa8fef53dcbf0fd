"""A legal clinic's paralegal, who files requests outside FoiaDesk and mostly reads the
agencies' replies: a request added by hand (Request › New request…), its filing logged
(Ctrl+L), then the agency's letters imported from the menu and reviewed before they are
recorded. Only the OS file dialog is answered by the test; expected dates are counted by
hand from the statute and the OPM calendar."""

from __future__ import annotations

from datetime import date

from conftest import REPLIES, menu_action, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from test_correspondence_import import review

from foiadesk.ui.correspondence import controller
from foiadesk.ui.dialogs.event import EventDialog
from foiadesk.ui.dialogs.request import RequestDialog

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
TIMEOUT = 20_000


class Clinic:
    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window

    def press(self, key, modifier=CTRL):
        window = self.window
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.qtbot.keyClick(window.focusWidget() or window, key, modifier)

    def add_request(self, title: str, office: str) -> int:
        """Ctrl+N, the title and the office typed, Add request."""
        self.press(Qt.Key.Key_N)
        dialog = self.window.dialog
        assert isinstance(dialog, RequestDialog)
        self.qtbot.keyClicks(dialog.title, title)
        dialog.component.lineEdit().setFocus()
        self.qtbot.keyClicks(dialog.component.lineEdit(), office)
        self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        self.qtbot.waitUntil(lambda: self.window.dialog is None, timeout=TIMEOUT)
        wait_idle(self.qtbot, self.window)
        return self.window.requests.current_request_id()

    def log(self, request_id: int, fill) -> str:
        """Select the request, Ctrl+L, fill in, Log event; what the preview said."""
        window = self.window
        self.press(Qt.Key.Key_2)
        window.requests.show_request(request_id)
        self.press(Qt.Key.Key_L)
        self.qtbot.waitUntil(lambda: isinstance(window.dialog, EventDialog) and window.dialog.isVisible())
        dialog = window.dialog
        fill(dialog)
        preview = dialog.changes.text()
        self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        self.qtbot.waitUntil(lambda: window.dialog is None, timeout=TIMEOUT)
        wait_idle(self.qtbot, window)
        return preview

    def filed(self, on: date, channel: str):
        def fill(dialog):
            dialog.type.setCurrentIndex(dialog.type.findData("filed"))
            dialog.occurred.setFocus()
            self.qtbot.keyClick(dialog.occurred, Qt.Key.Key_A, CTRL)  # the whole date, then typed
            self.qtbot.keyClicks(dialog.occurred, on.isoformat())
            dialog.channel.setCurrentIndex(dialog.channel.findData(channel))

        return fill

    def import_reply(self, answers, path):
        """Request › Import agency reply…, the file chosen: the review on screen."""
        answers.open = [path]
        menu_action(self.window, "Request", "Import agency reply…").trigger()
        return review(self.qtbot, self.window)

    def accept(self, dialog) -> None:
        importer = controller(self.window).importer
        self.qtbot.mouseClick(dialog.accept_button, LEFT)
        self.qtbot.waitUntil(lambda: importer.dialog is None, timeout=TIMEOUT)
        wait_idle(self.qtbot, self.window)

    def row(self, request_id: int) -> dict:
        model = self.window.requests.model
        return {h: model.index(model.row_of(request_id), c).data() for c, h in enumerate(model.HEADERS)}

    def clocks(self) -> dict:
        clocks = self.window.requests.detail.clocks
        return {
            clocks.index(r, 0).data(): (clocks.index(r, 1).data(), clocks.index(r, 2).data())
            for r in range(clocks.rowCount())
        }


def test_a_fee_letter_that_says_when_the_request_was_received_counts_the_response_from_then(
    qtbot, open_window, tmp_path, answers
):
    """Treasury's fee estimate says the Departmental Offices received the request on October
    14. The review showed that date ticked, then recorded only the estimate: the response
    stayed due 20 working days after the filing (Nov 10) instead of after the receipt."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    treasury = clinic.add_request("Treasury-DHS data agreement", "Treasury, Departmental")
    clinic.log(treasury, clinic.filed(date(2026, 10, 13), "email"))
    assert clinic.row(treasury)["Due"] == "2026-11-10"  # 20 working days after Tue Oct 13

    dialog = clinic.import_reply(answers, REPLIES / "treasury-fee-estimate.eml")
    assert dialog.request_id() == treasury
    assert dialog.dates["received"].value() == date(2026, 10, 14)
    said = dialog.preview_text()
    # Oct 14 + 20 working days, Veterans Day (Wed Nov 11) not counted: Thu Nov 12
    assert "2026-11-10" in said and "2026-11-12" in said
    assert "agency says it received the request on 2026-10-14" in said
    clinic.accept(dialog)

    row = clinic.row(treasury)
    assert (row["Received"], row["Status"]) == ("2026-10-14", "Waiting on requester")
    assert clinic.clocks()["Response due · agency"][0] == "2026-11-12"
    assert clinic.clocks()["Accept or narrow the fee estimate by · you"][0] == "2026-12-10"


def test_unticking_the_receipt_date_records_the_fee_letter_alone(qtbot, open_window, tmp_path, answers):
    """The receipt date is the user's to keep or drop, as the review shows it."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    treasury = clinic.add_request("Treasury-DHS data agreement", "Treasury, Departmental")
    clinic.log(treasury, clinic.filed(date(2026, 10, 13), "email"))
    dialog = clinic.import_reply(answers, REPLIES / "treasury-fee-estimate.eml")
    qtbot.mouseClick(dialog.dates["received"].given, LEFT)
    assert "agency says it received" not in dialog.preview_text()
    clinic.accept(dialog)
    assert clinic.row(treasury)["Received"] == "2026-10-13"
    assert clinic.clocks()["Response due · agency"][0] == "2026-11-10"


def test_a_determination_logged_by_hand_names_its_type_once_on_the_timeline(qtbot, open_window, tmp_path):
    """The IRS's denial typed in from its letter (Ctrl+L, exemptions b3, b5, no summary): the
    timeline read "Determination: Denied; exemptions b3, b5; Determination"."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    irs = clinic.add_request("MOU negotiation records", "IRS")
    clinic.log(irs, clinic.filed(date(2026, 6, 1), "fax"))

    def denial(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("determination"))
        dialog.occurred.setFocus()
        dialog.occurred.selectAll()
        qtbot.keyClicks(dialog.occurred, "2026-07-20")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("denial"))
        qtbot.keyClicks(dialog.exemptions, "b3, b5")

    clinic.log(irs, denial)
    events = clinic.window.requests.detail.events
    said = [events.index(r, 2).data() for r in range(events.rowCount())]
    assert said[-1] == "Determination: Denied; exemptions b3, b5"
    # what the appeal reads is kept as it was written
    from foiadesk.core.store.log import events_for

    logged = events_for(clinic.window.session.db, irs)[-1]
    assert logged.summary == "exemptions b3, b5; Determination"


def test_a_scan_of_records_beside_a_letter_that_was_read_does_not_ask_to_fill_the_reply_in(
    qtbot, open_window, tmp_path, answers
):
    """ICE's final response: the letter in the email and its PDF were read, the records came as
    a scan. The review said "Records Part 1.pdf has no text layer (a scan?): read it and fill
    in the reply yourself", as if nothing had been read."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    ice = clinic.add_request("Detention files of a client", "ICE")
    clinic.log(ice, clinic.filed(date(2026, 9, 25), "portal"))
    dialog = clinic.import_reply(answers, REPLIES / "ice-partial.eml")
    assert dialog.request_id() == ice and dialog.type.currentData() == "partial"
    said = " ".join(dialog.preview_text().split())
    assert "fill in the reply yourself" not in said
    assert (
        "Attachment 2026-ICFO-41872 Records Part 1.pdf is a scan FoiaDesk could not read; its text "
        "is not in this review." in said
    )


def test_an_estimate_the_answer_came_before_says_when_the_request_was_answered(
    qtbot, open_window, tmp_path, answers
):
    """ICE estimated January 14 and answered on November 17. The review said "2027-01-14,
    estimate on 2026-11-17" and the deadlines "agency's estimate 2026-11-17", as if the
    agency had estimated November 17."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    ice = clinic.add_request("Detention files of a client", "ICE")
    clinic.log(ice, clinic.filed(date(2026, 9, 25), "portal"))
    clinic.accept(clinic.import_reply(answers, REPLIES / "ice-ack.eml"))
    assert clinic.clocks()["Agency's estimated completion · agency"] == ("2027-01-14", "agency's estimate")
    dialog = clinic.import_reply(answers, REPLIES / "ice-partial.eml")
    said = dialog.preview_text()
    assert "2027-01-14, answered on 2026-11-17" in said and "estimate on" not in said
    clinic.accept(dialog)
    assert clinic.clocks()["Agency's estimated completion · agency"] == ("2027-01-14", "answered 2026-11-17")


def test_requests_added_before_their_case_are_put_in_it_and_exported_with_it(
    qtbot, open_window, tmp_path, answers
):
    """The clinic's requests were added with no case. Export case bundle… said to add a case
    in Cases, but nothing in the window put a request already in the log into it: the case
    exported empty. Each request's Notes and tags tab now has its Case."""
    import zipfile

    from PySide6.QtWidgets import QPushButton

    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    window = clinic.window
    ice = clinic.add_request("Detention files of a client", "ICE")
    irs = clinic.add_request("Address-sharing statistics", "IRS")
    menu_action(window, "Log", "Export case bundle…").trigger()
    said = window.banner.text.text()
    assert said.startswith("This log has no cases yet: add one in Cases (Ctrl+3), then choose it")
    assert "Notes and tags" in said

    # Cases › New case…, a name typed, Enter
    clinic.press(Qt.Key.Key_3)
    button = next(b for b in window.cases.findChildren(QPushButton) if b.text() == "&New case…")
    qtbot.mouseClick(button, LEFT)
    dialog = window.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name, "Client A.R.")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    wait_idle(qtbot, window)

    # Requests, the ICE request, its Notes and tags tab, Case: Client A.R.
    clinic.press(Qt.Key.Key_2)
    window.requests.show_request(ice)
    detail = window.requests.detail
    detail.record.setCurrentWidget(detail.notes)
    case = detail.notes.case
    assert case.currentText() == "No case" and case.isEnabled()
    case.setFocus()
    qtbot.keyClick(case, Qt.Key.Key_Down)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: clinic.row(ice)["Case"] == "Client A.R.", timeout=TIMEOUT)
    assert clinic.row(irs)["Case"] == ""
    assert "case: Client A.R." in detail.meta.text()
    assert detail.notes.case.currentText() == "Client A.R."

    answers.save = tmp_path / "case.zip"
    menu_action(window, "Log", "Export case bundle…").trigger()
    wait_idle(qtbot, window)
    assert "Saved the case bundle of “Client A.R.”" in window.banner.text.text()
    names = zipfile.ZipFile(tmp_path / "case.zip").namelist()
    assert f"foia-case-client-a-r/request-{ice:03d}-ICE/index.docx" in names
    assert not any(f"request-{irs:03d}-" in n for n in names)

    # and back out of it
    window.requests.show_request(ice)
    detail.notes.case.setFocus()
    qtbot.keyClick(detail.notes.case, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: clinic.row(ice)["Case"] == "", timeout=TIMEOUT)


def test_a_fee_estimate_names_its_amount_once_on_the_timeline(qtbot, open_window, tmp_path, answers):
    """The timeline read "Fee estimate: reply by 2026-12-10; tracking 2026-FOIA-00417; $470.00;
    fee $470.00 (estimate); from treasury-fee-estimate.eml"."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    treasury = clinic.add_request("Treasury-DHS data agreement", "Treasury, Departmental")
    clinic.log(treasury, clinic.filed(date(2026, 10, 13), "email"))
    clinic.accept(clinic.import_reply(answers, REPLIES / "treasury-fee-estimate.eml"))
    events = clinic.window.requests.detail.events
    said = [events.index(r, 2).data() for r in range(events.rowCount())]
    assert (
        "Fee estimate: reply by 2026-12-10; tracking 2026-FOIA-00417; $470.00; from treasury-fee-estimate.eml"
    ) in said
    assert clinic.row(treasury)["Fees"] == "$470.00 est."


def test_a_letter_date_of_another_year_typed_into_the_review_lands_as_typed(
    qtbot, open_window, tmp_path, answers
):
    """A request filed in 2020, logged with Ctrl+L: the date selected whole (Ctrl+A) and typed,
    2020-03-05, became 2026-03-05 (Qt took no digit for the year, and kept this year's). The
    same in the review of OSHA's no-records letter, whose date the user types in."""
    real = REPLIES.parent / "replies-real" / "holdout9"
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    osha = clinic.add_request("OSHA emails with the White House", "Occupational Safety & Health Admin")
    clinic.log(osha, clinic.filed(date(2020, 3, 5), "email"))
    assert clinic.row(osha)["Filed"] == "2020-03-05"  # it was 2026-03-05: the year typed was lost
    dialog = clinic.import_reply(answers, real / "k08-dol-osha-889831-no-records-american-oversight.txt")
    assert dialog.request_id() == osha and dialog.letter_date.value() is None
    assert not dialog.accept_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    box = dialog.letter_date.given
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    edit = dialog.letter_date.edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "2020-06-30")
    assert dialog.letter_date.value() == date(2020, 6, 30)
    # Ctrl+A, then the date again: the same
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, "2020-07-01")
    assert dialog.letter_date.value() == date(2020, 7, 1)
    clinic.accept(dialog)
    events = clinic.window.requests.detail.events
    assert events.index(events.rowCount() - 1, 0).data() == "2020-07-01"


def test_a_new_log_offers_to_add_a_request_sent_outside_foiadesk(qtbot, open_window, tmp_path):
    """The first steps spoke only of drafting letters in FoiaDesk (a case pack, the composer):
    nothing said where a request the clinic had already sent goes in."""
    window = open_window(tmp_path / "clinic.sqlite3")
    welcome = window.agenda.welcome
    assert window.agenda.is_welcome()
    button = welcome.add_button
    assert button.text().replace("&", "") == "Add a request you already sent…"
    qtbot.mouseClick(button, LEFT)
    dialog = window.dialog
    assert isinstance(dialog, RequestDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Detention files of a client")
    dialog.component.lineEdit().setFocus()
    qtbot.keyClicks(dialog.component.lineEdit(), "ICE")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: window.dialog is None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    assert window.banner.text.text() == "Added request #1. Press Ctrl+L to log its filing."
    assert window.requests.current_request_id() == 1


def test_a_decision_that_says_when_the_request_was_received_counts_the_missed_date_from_then(
    qtbot, open_window, tmp_path, answers
):
    """The IRS's Glomar answer is the first letter: "request dated October 5, 2026, received
    October 6, 2026". The review showed the receipt, then dropped it: the response was shown
    due (and missed) on Oct 30, 20 working days after the filing, and Received said Oct 1."""
    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    irs = clinic.add_request("Taxpayer address verification requests", "IRS")
    clinic.log(irs, clinic.filed(date(2026, 10, 1), "email"))
    dialog = clinic.import_reply(answers, REPLIES / "irs-glomar.eml")
    assert dialog.request_id() == irs and dialog.type.currentData() == "glomar"
    said = dialog.preview_text()
    # Tue Oct 6 + 20 working days, Columbus Day (Mon Oct 12) not counted: Wed Nov 4
    assert "2026-11-04, missed on 2026-11-16" in said
    clinic.accept(dialog)
    assert clinic.row(irs)["Received"] == "2026-10-06"
    assert clinic.clocks()["Response due · agency"] == ("2026-11-04", "late, 2026-11-16")


def test_a_click_on_the_greyed_letter_date_lets_the_user_type_it(qtbot, open_window, tmp_path, answers):
    """A scan nothing could be read from: "No letter date was found: enter the date printed on
    the letter", beside a greyed date that a click did nothing to (only its tick box did)."""
    from PySide6.QtCore import QPoint

    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    ice = clinic.add_request("Detention files of a client", "ICE")
    clinic.log(ice, clinic.filed(date(2026, 9, 25), "portal"))
    dialog = clinic.import_reply(answers, REPLIES / "ice-scanned-letter.pdf")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert "No letter date was found: enter the date printed on the letter." in dialog.preview_text()
    edit = dialog.letter_date.edit
    assert not edit.isEnabled() and not dialog.accept_button.isEnabled()
    qtbot.mouseClick(edit, LEFT, pos=QPoint(8, edit.height() // 2))
    assert edit.isEnabled() and edit.hasFocus() and dialog.letter_date.given.isChecked()
    qtbot.keyClicks(edit, "2026-10-20")
    assert dialog.letter_date.value() == date(2026, 10, 20)
    dialog.type.setCurrentIndex(dialog.type.findData("extension"))
    assert dialog.accept_button.isEnabled()


def test_a_click_on_the_greyed_receipt_date_of_an_acknowledgment_lets_the_user_type_it(
    qtbot, open_window, tmp_path
):
    """An acknowledgment typed in from the agency's letter (Ctrl+L): the day the agency says
    it received the request was greyed until its small "known:" box was ticked; a click on
    the date itself did nothing."""
    from PySide6.QtCore import QPoint

    clinic = Clinic(qtbot, open_window(tmp_path / "clinic.sqlite3"))
    hud = clinic.add_request("Fair housing complaint files", "hud--headquarters")
    clinic.log(hud, clinic.filed(date(2026, 10, 13), "mail"))

    def acknowledgment(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("acknowledged"))
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        edit = dialog.received.edit
        assert not edit.isEnabled()
        qtbot.mouseClick(edit, LEFT, pos=QPoint(8, edit.height() // 2))
        assert edit.isEnabled() and edit.hasFocus()
        qtbot.keyClicks(edit, "2026-10-19")
        assert dialog.received.value() == date(2026, 10, 19)
        dialog.occurred.setFocus()
        qtbot.keyClick(dialog.occurred, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.occurred, "2026-10-21")

    said = clinic.log(hud, acknowledgment)
    # Mon Oct 19 + 20 working days, Veterans Day (Wed Nov 11) not counted: Tue Nov 17
    assert "2026-11-17" in said
    assert clinic.row(hud)["Received"] == "2026-10-19"
