"""The daily loop, driven through the real widgets and checked by what the user sees:
draft two requests for a case → they appear in the list → mark them filed → log an
acknowledgment with a tracking number → the due date shows → log an extension notice →
the date moves and the trace explains it → log a determination → the appeal window is
in the agenda."""

from datetime import date

from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from shiboken6 import isValid

from foiadesk.ui.dialogs.event import EventDialog

CTRL = Qt.KeyboardModifier.ControlModifier
TIMEOUT = 15_000


def press(qtbot, window, key, modifier=CTRL):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def cell(model, row, header):
    return model.index(row, model.HEADERS.index(header)).data()


def list_row(window, request_id):
    model = window.requests.model
    return model.row_of(request_id)


def log_event(qtbot, window, request_id, fill):
    """Select the request in the list, press Ctrl+L, fill the dialog, click Log event;
    returns what the dialog's preview said before saving."""
    window.show_view(1)
    table = window.requests.table
    table.setCurrentIndex(window.requests.model.index(list_row(window, request_id), 0))
    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    assert isinstance(dialog, EventDialog) and dialog.isVisible()
    fill(dialog)
    preview = dialog.changes.text()
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    # The dialog closes (and the window deletes it) once the event is saved.
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=TIMEOUT)
    return preview


def test_the_daily_loop(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")

    # Draft two requests for the IRS–ICE case in the composer.
    press(qtbot, window, Qt.Key.Key_4)
    composer = window.composer
    offices = composer.components
    for i in range(offices.count()):
        wanted = offices.item(i).data(Qt.ItemDataRole.UserRole) in ("ICE", "IRS")
        offices.item(i).setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    composer.letter_date.setDate(date(2026, 10, 30))
    qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.letters.count() == 2, timeout=30_000)
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)

    # They appear in the list, as drafts of the case.
    model = window.requests.model
    qtbot.waitUntil(lambda: model.total() == 2, timeout=TIMEOUT)
    press(qtbot, window, Qt.Key.Key_2)
    offices = {cell(model, r, "Component"): r for r in range(model.rowCount())}
    assert sorted(offices) == ["ICE", "IRS"]  # the office first, then what tells the rows apart
    full = {model.index(r, model.TITLE).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)}
    assert full == {
        "IRS-ICE taxpayer address sharing (April 2025 MOU): ICE",
        "IRS-ICE taxpayer address sharing (April 2025 MOU): IRS",
    }
    assert {cell(model, r, "Status") for r in range(2)} == {"Draft"}
    assert {cell(model, r, "Case") for r in range(2)} == {"IRS-ICE taxpayer address sharing (April 2025 MOU)"}
    ids = {office: int(cell(model, r, "#")) for office, r in offices.items()}
    ice = ids["ICE"]

    # Later, mark each as filed with its date, channel and confirmation number.
    press(qtbot, window, Qt.Key.Key_4)
    filing = composer.filing
    assert composer.steps.currentWidget() is filing
    for request_id, number in ((ice, "ICE-PORTAL-0001"), (ids["IRS"], "")):
        filing.select(request_id)
        filing.filed_on.setDate(date(2026, 11, 2))
        filing.channel.setCurrentIndex(filing.channel.findData("portal"))
        qtbot.keyClicks(filing.confirmation, number)
        qtbot.mouseClick(filing.mark_button, Qt.MouseButton.LeftButton)
        dialog = filing.dialog  # Mark as filed: what the panel said, and what the letter asks
        assert dialog.confirmation.text() == number and dialog.channel.currentData() == "portal"
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda rid=request_id: filing.model.row_of(rid) is None, timeout=TIMEOUT)
    assert filing.model.rowCount() == 0
    row = list_row(window, ice)
    assert cell(model, row, "Status") == "Filed" and cell(model, row, "Filed") == "2026-11-02"
    assert cell(model, row, "Tracking no.") in ("", "—")  # a confirmation is not a tracking number
    assert cell(model, row, "Next deadline · owed by") == "Response due · agency"

    # An acknowledgment with a tracking number: the due date shows.
    def acknowledgment(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("acknowledged"))
        dialog.occurred.setDate(date(2026, 11, 5))
        dialog.received.set_value(date(2026, 11, 3))
        qtbot.keyClicks(dialog.tracking, "2026-ICFO-12345")

    preview = log_event(qtbot, window, ice, acknowledgment)
    assert "Status: Filed → <b>Processing</b>" in preview
    detail = window.requests.detail
    qtbot.waitUntil(
        lambda: "2026-ICFO-12345" in cell(model, list_row(window, ice), "Tracking no."), timeout=TIMEOUT
    )
    row = list_row(window, ice)
    assert cell(model, row, "Due") == "2026-12-03"  # 20 working days; Nov 11 and 26 are holidays
    assert cell(model, row, "Days left") == "in 8 days"
    assert cell(model, row, "Status") == "Processing"
    assert detail.title.text().startswith(f"#{ice} ")
    response = detail.clocks.row_of("response")
    assert detail.clocks.index(response, 1).data() == "2026-12-03"
    timeline = [detail.events.index(r, 2).data() for r in range(detail.events.rowCount())]
    assert timeline[0].startswith("Drafted")
    assert timeline[1] == "Filed: confirmation ICE-PORTAL-0001"
    assert detail.events.index(1, 3).data() == "portal"
    assert timeline[2] == (
        "Acknowledged: agency says it received the request on 2026-11-03; tracking 2026-ICFO-12345"
    )
    letter = detail.events.index(0, 4)  # the drafted letter is attached
    assert letter.data() == "1 file" and "_ICE_FOIA-request.docx" in letter.data(Qt.ItemDataRole.ToolTipRole)

    # An extension notice: the date moves, and the trace says why.
    def extension(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("extension_notice"))
        dialog.occurred.setDate(date(2026, 11, 20))

    preview = log_event(qtbot, window, ice, extension)
    assert "2026-12-03 → <b>due 2026-12-17</b>" in preview  # shown before saving
    qtbot.waitUntil(lambda: cell(model, list_row(window, ice), "Due") == "2026-12-17", timeout=TIMEOUT)
    detail.clock_table.setCurrentIndex(detail.clocks.index(detail.clocks.row_of("response"), 0))
    trace = detail.trace.toPlainText()
    assert "Unusual-circumstances notice of 2026-11-20: +10 working days" in trace
    assert "Counted 30 working days after 2026-11-03: due 2026-12-17" in trace
    assert "\nResult: 2026-12-17\n" in trace
    assert "Typical processing at ICE" in trace  # FOIA.gov's medians, beside the law's date

    # A determination: the appeal window is on the agenda.
    def determination(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("determination"))
        dialog.occurred.setDate(date(2026, 11, 24))
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("partial"))
        qtbot.keyClicks(dialog.exemptions, "b5, b6")

    preview = log_event(qtbot, window, ice, determination)
    assert "Appeal the partial denial by · you</b> (new)" in preview
    qtbot.waitUntil(lambda: cell(model, list_row(window, ice), "Status") == "Partly granted", timeout=TIMEOUT)
    said = window.banner.text.text()  # what was logged, in words, the exemptions after it
    assert said == f"Logged “Determination (exemptions b5, b6)” on #{ice}.", said
    appeal = detail.clocks.clock("appeal_window:partial")
    press(qtbot, window, Qt.Key.Key_1)
    agenda = window.agenda.model
    later = agenda.group_index("later", "requester")
    rows = [
        [agenda.index(r, c, later).data() for c in range(len(agenda.HEADERS))]
        for r in range(agenda.rowCount(later))
    ]
    label = "Appeal the partial denial by"
    assert [appeal.due.isoformat(), f"in {(appeal.due - TODAY).days} days", label, str(ice)] in [
        r[:4] for r in rows
    ]
    assert later.data().startswith("You owe · ")
    assert window.agenda.table.isExpanded(later)
