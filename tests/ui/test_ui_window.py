"""The window as a user drives it: keyboard shortcuts, the dialogs, what each view shows
after a change, and how errors reach the user."""

import os
import subprocess
import sys
from datetime import date

import pytest
from conftest import TODAY, wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from foiadesk.core.store.log import NewEvent
from foiadesk.ui.dialogs.event import EventDialog, EventDraft
from foiadesk.ui.dialogs.request import RequestDialog
from foiadesk.ui.models.requests import ID_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, window, key, modifier=CTRL):
    """A key press as the user makes it: to the widget with focus in the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_shortcuts_switch_views_and_focus_search(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    assert window.tabs.currentWidget() is window.agenda  # the default start view
    press(qtbot, window, Qt.Key.Key_2)
    assert window.tabs.currentWidget() is window.requests
    press(qtbot, window, Qt.Key.Key_3)
    assert window.tabs.currentWidget() is window.cases
    press(qtbot, window, Qt.Key.Key_F)
    assert window.tabs.currentWidget() is window.requests
    assert QApplication.focusWidget() is window.requests.search


def test_a_view_is_built_when_first_shown_and_shows_the_log_at_once(qtbot, open_window, demo_copy):
    """The window opens on its start view and the list; Cases, Compose and Settings are
    built when their tab is first clicked, after the log was read, and show it then."""
    from foiadesk.ui.views.cases import CasesView
    from foiadesk.ui.views.composer import ComposerView
    from foiadesk.ui.views.settings import SettingsView

    window = open_window(demo_copy)
    assert not window.findChildren(CasesView) and not window.findChildren(ComposerView)
    assert not window.findChildren(SettingsView)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    cases = window.tabs.currentWidget()
    assert isinstance(cases, CasesView) and window.findChildren(CasesView) == [cases]
    assert cases.case.count() >= 1 and cases.case.currentText()  # the demo's case, chosen
    qtbot.waitUntil(lambda: cases.table.model().rowCount() > 0)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    composer = window.tabs.currentWidget()
    assert isinstance(composer, ComposerView) and composer.pack.count() >= 1
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.tabs.currentWidget() is cases and len(window.findChildren(CasesView)) == 1


def test_a_view_clicked_while_the_log_is_read_says_it_is_being_read(qtbot, settings, demo_copy):
    """Cases and Settings reached before the list is read say so, not "no cases" or
    "no profiles"; once it is read they show the log's."""
    from foiadesk.ui.window import MainWindow

    window = MainWindow(settings, demo_copy, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.session.is_loading
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.cases.table._placeholder == "Reading the log…"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(4).center())
    profiles = window.settings_view.profiles
    assert [profiles.item(i).text() for i in range(profiles.count())] == ["Reading the log…"]
    wait_loaded(qtbot, window)
    assert profiles.count() == 2 and profiles.item(0).text().startswith("Dana Whitfield")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.cases.model.rowCount() > 0


def test_the_agenda_says_the_log_is_being_read_not_that_nothing_is_due(qtbot, settings, demo_copy):
    from foiadesk.ui.window import MainWindow

    window = MainWindow(settings, demo_copy, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.session.is_loading and window.tabs.currentWidget() is window.agenda
    agenda, model = window.agenda, window.agenda.model
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert agenda.summary.text() == "Reading the log…"
    assert headings == ["Overdue", "This week", "Next week", "Later"], headings
    wait_loaded(qtbot, window)
    assert agenda.summary.text().endswith("next week") and "overdue" in agenda.summary.text()
    assert model.index(0, 0).data().startswith("Overdue · ")


def test_views_of_a_log_that_could_not_be_read_say_so(qtbot, settings, tmp_path):
    from foiadesk.ui.window import MainWindow

    letter = tmp_path / "letter.sqlite3"
    letter.write_text("Dear requester, ...")
    window = MainWindow(settings, letter, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(4).center())
    qtbot.waitUntil(lambda: window.banner.isVisible() and not window.session.is_loading, timeout=10_000)
    assert "is not a FoiaDesk database" in window.banner.text.text()
    assert window.agenda.summary.text() == "The log could not be read: no log is open."
    assert window.settings_view.profiles.item(0).text() == "The log could not be read: no log is open."
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.cases.table._placeholder == "The log could not be read: no log is open."


def test_opening_another_log_from_settings_builds_no_view_of_the_old_one(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """On the way out, the old log's unbuilt views stay unbuilt: switching from the Settings
    tab (Ctrl+O) builds the new log's views only, and leaves no widget of the old one."""
    from foiadesk.ui.views.cases import CasesView
    from foiadesk.ui.views.composer import ComposerView

    window = open_window(demo_copy)
    press(qtbot, window, Qt.Key.Key_5)
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    press(qtbot, window, Qt.Key.Key_O)
    wait_loaded(qtbot, window)
    assert window.session.path == other
    assert not window.findChildren(ComposerView) and not window.findChildren(CasesView)
    assert window.tabs.currentIndex() == 4 and window.tabs.currentWidget() is window.settings_view


def test_a_damaged_statistics_file_does_not_stop_the_log_from_opening(
    qtbot, open_window, demo_copy, monkeypatch
):
    """FOIA.gov's statistics only give the estimate beside a request: if they cannot be read,
    the list opens all the same."""
    from foiadesk.core.reference.directory import Directory, DirectoryError

    def damaged(self):
        raise DirectoryError("processing_times.csv: cannot read the FOIA.gov statistics (test)")

    monkeypatch.setattr(Directory, "read_statistics", damaged)
    window = open_window(demo_copy)
    assert len(window.session.index) == 120 and window.requests.model.total() == 120


def test_search_narrows_the_list_and_says_how_many(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.find()
    qtbot.keyClicks(window.requests.search, "memorandum")
    model = window.requests.model
    qtbot.waitUntil(lambda: 0 < model.total() < 120)
    titles = [model.index(r, model.TITLE).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert all("memorandum" in t.lower() for t in titles)
    assert window.requests.count.text() == f"{model.total():,} of 120 requests"


def test_a_new_request_appears_selected_and_takes_its_filing(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    press(qtbot, window, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, RequestDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Drafts of the address-verification MOU")
    dialog.component.setEditText("ICE")
    dialog.accept()
    qtbot.waitUntil(lambda: window.requests.current_request_id() == 121, timeout=10_000)
    assert window.tabs.currentWidget() is window.requests
    assert window.requests.detail.title.text() == "#121 Drafts of the address-verification MOU"
    assert "Added request #121" in window.banner.text.text()

    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    assert isinstance(dialog, EventDialog) and dialog.type.currentData() == "filed"
    dialog.occurred.setDate(date(2026, 11, 2))
    dialog.accept()
    detail = window.requests.detail
    qtbot.waitUntil(lambda: detail.clocks.row_of("response") is not None, timeout=10_000)
    row = detail.clocks.row_of("response")
    assert detail.clocks.index(row, 1).data() == "2026-12-02"
    assert "Counted 20 working days" in detail.trace.toPlainText()
    model = window.requests.model
    list_row = model.row_of(121)
    assert model.index(list_row, model.HEADERS.index("Due")).data() == "2026-12-02"
    assert model.index(list_row, model.HEADERS.index("Status")).data() == "Filed"


def test_a_new_request_joins_the_case_the_window_shows(qtbot, open_window, demo_copy):
    """The list filtered to a case (or the Cases view on one): Ctrl+N starts the request in
    that case, and it is saved there; with all cases shown it starts in none."""
    from sqlite_utils import Database

    from foiadesk.core.store.log import add_case

    db = Database(demo_copy)
    add_case(db, slug="dhs-ssa", name="DHS–SSA address matching")
    db.close()
    window = open_window(demo_copy)
    press(qtbot, window, Qt.Key.Key_2)
    choice = window.requests.case_choice
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Home)
    while choice.currentText() != "DHS–SSA address matching":
        qtbot.keyClick(choice, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, RequestDialog) and dialog.case.currentText() == "DHS–SSA address matching"
    qtbot.keyClicks(dialog.title, "Address-matching agreement with SSA")
    dialog.component.setEditText("ICE")
    add = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert add.text() == "Add request"
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.requests.current_request_id() == 121, timeout=10_000)
    assert "case: DHS–SSA address matching" in window.requests.detail.meta.text()
    assert window.requests.model.row_of(121) is not None  # in sight in the filtered list

    # The Cases view on the demo's own case: a new request starts there
    press(qtbot, window, Qt.Key.Key_3)
    shown = window.cases.case.currentText()
    assert shown and shown != "DHS–SSA address matching"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.dialog.case.currentText() == shown
    window.dialog.reject()

    # All cases: no case is assumed
    press(qtbot, window, Qt.Key.Key_2)
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Home)
    assert choice.currentText() == "All cases"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.dialog.case.currentText() == "No case"
    window.dialog.reject()


def test_a_new_request_in_a_log_of_one_profile_is_signed_by_it(qtbot, open_window, tmp_path):
    """The log has one requester profile: a request added by hand is that requester's, so
    its follow-ups can be signed (left "Not set", Next step refused to draft any)."""
    from foiadesk.core.store.db import connect
    from foiadesk.core.store.requesters import Profile, save_profile

    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    save_profile(
        db, Profile(name="Rosa Diaz", email="rosa@clinic.org", address="1 Clinic Way\nTown, ST 00000")
    )
    db.close()
    window = open_window(path)
    press(qtbot, window, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, RequestDialog) and dialog.requester.currentText() == "Rosa Diaz"
    qtbot.keyClicks(dialog.title, "Audit logs of address disclosures")
    dialog.component.setEditText("ICE")
    dialog.accept()
    qtbot.waitUntil(lambda: window.requests.current_request_id() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "requester: Rosa Diaz" in window.requests.detail.meta.text(), timeout=10_000)


def test_an_impossible_event_is_explained_in_the_dialog(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.log_event(1)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("acknowledged"))
    dialog.occurred.setDate(date(2000, 1, 3))
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "before the filing" in dialog.problem.text()
    assert not dialog.form.isRowVisible(dialog.amount) and dialog.form.isRowVisible(dialog.named)


def test_cancelling_a_second_attach_keeps_the_files_attached(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    letter = tmp_path / "ack letter.pdf"
    letter.write_bytes(b"%PDF-1.4 acknowledgment")
    answers = [([str(letter)], ""), ([], "")]  # a file, then Cancel
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: answers.pop(0))
    window = open_window(demo_copy)
    window.log_event(1)
    dialog = window.dialog
    qtbot.mouseClick(dialog.attach, Qt.MouseButton.LeftButton)
    assert dialog.attached.text() == "ack letter.pdf"
    qtbot.mouseClick(dialog.attach, Qt.MouseButton.LeftButton)  # opened again, then cancelled
    assert dialog.attached.text() == "ack letter.pdf" and dialog.draft().files == (letter,)
    dialog.reject()


def test_errors_from_the_worker_reach_the_message_bar(qtbot, open_window, demo_copy, isolated_data_dir):
    window = open_window(demo_copy)
    window.banner.hide()  # the demo log's own note, dismissed
    window._log(EventDraft(999_999, NewEvent("filed", TODAY)))
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert window.banner.text.text() == "There is no request with id 999999."

    window.session.tasks.write("A bug", lambda db: 1 / 0)
    qtbot.waitUntil(lambda: "Sorry" in window.banner.text.text())
    log = isolated_data_dir / "foiadesk-errors.log"
    assert str(log) in window.banner.text.text()
    assert "ZeroDivisionError" in log.read_text() and "Traceback" not in window.banner.text.text()
    from PySide6.QtCore import qVersion

    assert f"Qt {qVersion()}" in log.read_text() and "Python 3.11" in log.read_text()


def test_enter_or_a_double_click_on_the_agenda_opens_the_request(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    tree, model = window.agenda.table, window.agenda.model
    assert window.agenda.selected_request() is not None  # the first deadline is selected
    group = next(
        g
        for w in ("this_week", "next_week", "later")
        if model.rowCount(g := model.group_index(w, "requester"))
    )
    assert tree.isExpanded(group)  # what you owe is always open
    tree.setFocus()
    tree.setCurrentIndex(model.index(0, 0, group))
    request_id = tree.currentIndex().data(ID_ROLE)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.requests
    assert window.requests.current_request_id() == request_id
    assert window.requests.detail.title.text().startswith(f"#{request_id} ")

    window.show_view(0)
    agencies = next(
        g
        for w in ("overdue", "this_week", "next_week", "later")
        if model.rowCount(g := model.group_index(w, "agency"))
    )
    tree.setExpanded(agencies, True)
    index = model.index(0, 5, agencies)
    request_id = index.siblingAtColumn(0).data(ID_ROLE)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.requests
    assert window.requests.current_request_id() == request_id

    window.show_view(0)  # Enter on a heading folds or opens it instead
    tree.setCurrentIndex(group)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not tree.isExpanded(group) and window.tabs.currentWidget() is window.agenda


def test_take_back_an_event_after_confirming(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.open_request(5)
    detail = window.requests.detail
    before = detail.events.rowCount()
    detail.event_table.setCurrentIndex(detail.events.index(before - 1, 0))
    detail.take_back_selected()
    box = detail._confirm
    assert box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.events.rowCount() == before - 1, timeout=10_000)


def test_notes_are_added_to_the_request(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.open_request(7)
    notes = window.requests.detail.notes
    notes.note.setPlainText("Called the FOIA Public Liaison; promised an answer by Friday.")
    qtbot.mouseClick(notes.add_note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "promised an answer by Friday" in notes.notes.toPlainText(), timeout=10_000)
    assert notes.note.toPlainText() == ""
    assert window.requests.detail.record.tabText(2).startswith("Notes (")


def test_a_note_being_typed_stays_with_its_request(qtbot, open_window, demo_copy):
    """A note typed on #7 and not yet added does not follow the user to #8 (where Add note
    would put it on the wrong request); it is there again on going back to #7."""
    window = open_window(demo_copy)
    window.open_request(7)
    notes = window.requests.detail.notes
    qtbot.keyClicks(notes.note, "Called ICE FOIA: they will send the records Friday.")
    window.open_request(8)
    assert notes.note.toPlainText() == ""
    window.open_request(7)
    assert notes.note.toPlainText() == "Called ICE FOIA: they will send the records Friday."


def test_remove_tag_with_nothing_typed_says_which_tags_there_are(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.open_request(7)
    notes = window.requests.detail.notes
    for tag in ("priority", "litigation"):
        notes.tag.setText(tag)
        qtbot.mouseClick(notes.add_tag_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda t=tag: t in notes.tag_list.text(), timeout=10_000)
    window.banner.hide()
    qtbot.mouseClick(notes.remove_tag_button, Qt.MouseButton.LeftButton)
    said = window.banner.text.text()
    assert window.banner.isVisible() and said == "Type the tag to take off #7: litigation, priority.", said
    assert notes.tag.hasFocus() and notes.tag_list.text() == "litigation, priority"


def test_the_case_grid_leads_to_the_filtered_list(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.show_view(2)
    model = window.cases.model
    assert model.rowCount() > 0
    index = model.index(0, 0)
    window.cases.table.setCurrentIndex(index)
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Return)
    requests = window.requests
    assert window.tabs.currentWidget() is requests
    column = requests.model.HEADERS.index("Component")
    components = {requests.model.index(r, column).data() for r in range(requests.model.rowCount())}
    assert components == {index.data()}


def test_stopping_the_read_says_so_and_f5_reads_again(qtbot, open_window, demo_copy, monkeypatch):
    import foiadesk.core.tracking.listing as listing

    window = open_window(demo_copy)
    window.banner.hide()  # the demo log's own note, dismissed
    monkeypatch.setattr(listing, "CHUNK", 1)
    window.reload()
    assert window.stop_button.isVisible()
    window.stop()
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert window.banner.text.text().startswith("Stopped.")
    assert len(window.session.index) == 120  # the list read before is still shown
    window.reload()
    wait_loaded(qtbot, window)
    assert not window.stop_button.isVisible()


def test_settings_apply_at_once_and_are_kept(qtbot, open_window, demo_copy, settings, tmp_path):
    window = open_window(demo_copy)
    view = window.settings_view
    view.soon.setValue(30)
    assert settings.get("due_soon_days") == 30
    view.start.setCurrentIndex(view.start.findData("requests"))
    window.close()
    from foiadesk.ui.settings import Settings

    again = Settings(tmp_path / "settings.ini")
    assert again.get("due_soon_days") == 30 and again.get("start_view") == "requests"
    second = open_window(demo_copy)
    assert second.tabs.currentWidget() is second.requests


def test_a_log_that_cannot_be_opened_is_explained(qtbot, settings, tmp_path):
    from foiadesk.ui.window import MainWindow

    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    window = MainWindow(settings, folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    assert "is a folder, not a database file" in window.banner.text.text()
    window.close()


def test_screenshot_option_saves_the_window_and_quits(demo_copy, tmp_path):
    shot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "foiadesk", "--db", str(demo_copy), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--db", "x"], True),
        (["--screenshot=a.png"], True),
        (["due", "--received", "2026-01-05"], False),
        (["--help"], False),
    ],
)
def test_which_arguments_start_the_window(argv, window):
    from foiadesk.__main__ import wants_window

    assert wants_window(argv) is window


def test_without_a_display_the_window_says_what_to_do(monkeypatch, capsys):
    from foiadesk.ui import app

    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert app.run([]) == 2
    assert "foiadesk agenda" in capsys.readouterr().err


def test_the_calculator_answers_as_you_type(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    press(qtbot, window, Qt.Key.Key_D)
    calc = window.calculator
    assert calc.isVisible() and not calc.isModal()
    calc.received.setDate(date(2026, 11, 2))
    assert calc.result.text() == "Due 2026-12-02, Wednesday"
    assert "Veterans Day" in calc.trace.toPlainText()
    calc.kind.setCurrentIndex(calc.kind.findData("appeal-window"))
    calc.agency.setCurrentIndex(calc.agency.findData("ICE"))  # DHS: 90 working days
    assert "working days" in calc.trace.toPlainText()
    calc.kind.setCurrentIndex(calc.kind.findData("response"))
    calc.tolled.setChecked(True)
    calc.asked.setDate(date(2026, 11, 20))
    calc.answered.setDate(date(2026, 11, 10))
    assert calc.result.text() == "The answer (2026-11-10) cannot come before the question (2026-11-20)."
    press(qtbot, window, Qt.Key.Key_D)  # again, from the window: the same calculator, brought forward
    calculators = [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == calc.windowTitle()
    ]
    assert calculators == [calc] and window.calculator is calc


def test_a_new_case_from_the_shipped_pack_shows_its_gaps(qtbot, settings, open_window, tmp_path):
    window = open_window(tmp_path / "new.sqlite3")  # a first start: an empty log
    window.show_view(2)
    assert window.cases.model.rowCount() == 0
    window.new_case()
    dialog = window.dialog
    dialog.pack.setCurrentIndex(dialog.pack.findData("irs-ice-mou-2025"))
    name = dialog.name.text()
    assert name.startswith("IRS")
    dialog.accept()
    qtbot.waitUntil(lambda: window.cases.model.rowCount() > 0, timeout=10_000)
    shown = {window.cases.model.index(r, 0).data() for r in range(window.cases.model.rowCount())}
    assert {"IRS", "ICE", "TIGTA"} <= shown
    assert "not yet requested" in window.cases.about.text()
    assert window.requests.case_choice.findText(name) > 0  # the list's filter offers it too


def test_compose_drafts_saves_and_logs_a_set_of_letters(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "new.sqlite3")
    press(qtbot, window, Qt.Key.Key_4)
    composer = window.composer
    assert window.tabs.currentWidget() is composer
    offices = composer.components
    for i in range(offices.count()):
        keep = offices.item(i).data(Qt.ItemDataRole.UserRole) in ("ICE", "IRS")
        offices.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    assert composer.name.text() == "Dana Whitfield"  # the example profile, until you load yours
    composer.fee_waiver.setChecked(True)
    composer.draft_button.click()
    qtbot.waitUntil(lambda: composer.letters.count() == 2, timeout=30_000)
    assert "Freedom of Information Act" in composer.preview.toPlainText()
    assert "Dana Whitfield" in composer.preview.toPlainText()

    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.index) == 2, timeout=10_000)
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".docx"]
    assert window.tabs.currentWidget() is composer  # on to marking them filed
    assert composer.steps.currentWidget() is composer.filing and composer.filing.model.rowCount() == 2
    model = window.requests.model
    assert {model.index(r, model.HEADERS.index("Status")).data() for r in range(2)} == {"Draft"}
    assert "Saved and logged 2 drafted requests" in window.banner.text.text()
    fees = model.index(0, model.HEADERS.index("Fees")).data()
    assert fees == ""  # a cap is not a charge; the ledger has it
    from foiadesk.core.store.fees import fee_ledger

    assert fee_ledger(window.session.db, model.index(0, 0).data(ID_ROLE)).cap_cents == 2500


def test_compose_says_what_is_missing(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "new.sqlite3")
    composer = window.composer
    for i in range(composer.categories.count()):
        composer.categories.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert composer.components.count() == 0
    composer.draft()
    assert composer.warnings.text() == "Tick at least one kind of record and one office to send it to."
    composer.categories.item(0).setCheckState(Qt.CheckState.Checked)
    composer.email.setText("not an email")
    composer.draft()
    assert "is not an email address" in composer.warnings.text()


def test_opening_another_log_rebuilds_the_views_and_is_remembered(
    qtbot, open_window, demo_copy, settings, tmp_path
):
    window = open_window(demo_copy)
    old_session = window.session
    other = tmp_path / "other.sqlite3"
    window._switch_to(other)
    wait_loaded(qtbot, window)
    assert window.session is not old_session and window.session.path == other
    assert len(window.session.index) == 0 and window.requests.model.rowCount() == 0
    assert settings.get("database") == str(other)
    assert window.settings_view.path.text() == str(other)


def test_a_log_damaged_while_open_is_named_with_its_backups_not_apologised_for(qtbot, open_window, demo_copy):
    """A page of the log file goes bad while the window is open (a failing disk, a sync
    tool): pressing F5 says the file is damaged and where the backups are, not that
    FoiaDesk has a bug."""
    import sqlite3 as sql

    window = open_window(demo_copy)
    with sql.connect(demo_copy) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file
        size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    with demo_copy.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xa5" * size)  # the events table's first page, overwritten
    window.tabs.setCurrentWidget(window.requests)
    press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    said = window.banner.text
    qtbot.waitUntil(lambda: window.banner.isVisible() and "damaged" in said.text(), timeout=20_000)
    shown = window.banner.text.text()
    assert "Sorry" not in shown
    assert str(demo_copy) in shown and "backups" in shown


def test_logging_from_the_agenda_keeps_the_place_in_it(qtbot, open_window, demo_copy):
    """Select a deadline, Ctrl+L, log: the same deadline stays selected (and, once an event
    meets it, the one now in its place), so the next Ctrl+L needs no new click."""
    window = open_window(demo_copy)
    window.banner.hide()
    tree, model = window.agenda.table, window.agenda.model
    group = model.group_index("overdue", "agency")
    tree.setExpanded(group, True)
    index = model.index(1, 0, group)
    request_id, deadline = index.data(ID_ROLE), index.siblingAtColumn(2).data()
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())

    def log(kind, **fields):
        window.banner.hide()
        press(qtbot, window, Qt.Key.Key_L)
        dialog = window.dialog
        dialog.type.setCurrentIndex(dialog.type.findData(kind))
        for name, value in fields.items():
            getattr(dialog, name).setCurrentIndex(getattr(dialog, name).findData(value))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.banner.isVisible() and "Logged" in window.banner.text.text())

    log("note")
    current = tree.currentIndex()
    assert current.data(ID_ROLE) == request_id and current.siblingAtColumn(2).data() == deadline
    log("determination", outcome="full_grant")  # the response is in: that deadline leaves the agenda
    current = tree.currentIndex()
    assert current.data(ID_ROLE) is not None and current.parent() == group
    assert window.agenda.selected_request() == current.data(ID_ROLE)


def test_a_file_that_is_not_a_log_leaves_the_open_log_open(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """Open another log… on a letter or a note: it is refused, and the log open stays open."""
    from PySide6.QtWidgets import QPushButton

    letter = tmp_path / "reply.txt"
    letter.write_text("Dear requester, ...")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(letter), ""))
    window = open_window(demo_copy)
    window.show_view(4)
    button = next(b for b in window.settings_view.findChildren(QPushButton) if "Open another log" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    said = window.banner.text.text()
    assert window.banner.isVisible() and said.startswith(f"{letter} is not a FoiaDesk log"), said
    assert window.session.path == demo_copy and window.session.db is not None
    assert window.settings_view.path.text() == str(demo_copy)
    assert window.requests.model.rowCount() > 0


def test_a_request_the_filter_lets_go_leaves_its_place_to_the_next(qtbot, open_window, demo_copy):
    """Overdue only: a determination takes the request out of the list; the one after it
    is selected and shown in its place (not the list's first), and Ctrl+L logs on that one."""
    window = open_window(demo_copy)
    window.show_view(1)
    requests = window.requests
    requests.deadline_choice.setCurrentIndex(requests.deadline_choice.findData("overdue"))
    table, model = requests.table, requests.model
    row = 3
    request_id, after = (model.index(r, 0).data(ID_ROLE) for r in (row, row + 1))
    rect = table.visualRect(model.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: requests.detail.request_id == request_id)
    press(qtbot, window, Qt.Key.Key_L)
    dialog = window.dialog
    dialog.type.setCurrentIndex(dialog.type.findData("determination"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("full_grant"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.row_of(request_id) is None)
    qtbot.waitUntil(lambda: requests.current_request_id() == after)  # a loaded machine takes its time
    window.banner.hide()
    press(qtbot, window, Qt.Key.Key_L)  # the window active again: the list has the keyboard
    assert table.currentIndex().row() == row and requests.current_request_id() == after
    assert table.selectionModel().isRowSelected(row)
    assert requests.detail.title.text().startswith(f"#{after} ")
    assert isinstance(window.dialog, EventDialog) and window.dialog.request_id == after
    window.dialog.reject()


def test_a_new_log_on_a_file_that_holds_one_opens_it_as_it_was_and_says_so(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """Log › Start a new log… on an existing log (the file dialog asked "replace?"):
    nothing in it is replaced; it opens as it was and the window says so."""
    import sqlite3

    from PySide6.QtGui import QAction

    from foiadesk.core.demo import DEMO_TABLE
    from foiadesk.core.store.db import connect

    mine = tmp_path / "mine.sqlite3"  # a log of the user's own, with requests in it
    with sqlite3.connect(demo_copy) as source, sqlite3.connect(mine) as copy:
        source.backup(copy)
        copy.execute(f"DROP TABLE {DEMO_TABLE}")
    empty = tmp_path / "empty.sqlite3"
    connect(empty).close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(mine), ""))
    window = open_window(empty)
    action = next(a for a in window.findChildren(QAction) if a.text() == "Start a &new log…")
    action.trigger()
    qtbot.waitUntil(lambda: window.session.path == mine and not window.session.is_loading, timeout=20000)
    said = window.banner.text.text()
    assert window.banner.isVisible() and said.startswith("mine.sqlite3 already holds a log"), said
    assert window.requests.model.rowCount() > 100


def test_a_log_of_an_earlier_foiadesk_says_it_is_being_upgraded(qtbot, settings, tmp_path):
    """Upgrading a large log takes a while (a backup, then the migrations): the status bar
    says so from the start instead of only "Reading the log", and the log is current after."""
    from sqlite_utils import Database

    from foiadesk.core.store import db as store
    from foiadesk.ui.window import MainWindow

    path = tmp_path / "older.sqlite3"
    older = Database(path)  # as an earlier FoiaDesk left it: every migration but the last
    older.conn.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(older, stop_before=store.migrations._migrations[-1].name)
    older.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION - 1}")
    older.conn.commit()
    older.close()
    assert store.needs_upgrade(path)
    window = MainWindow(settings, path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.status.text() == "Upgrading the log (after a backup) and reading it…"
    wait_loaded(qtbot, window)
    assert (
        not store.needs_upgrade(path)
        and window.status.text() != "Upgrading the log (after a backup) and reading it…"
    )
    window.close()
