"""The import review's line about which request follows the user's choice."""

from conftest import REPLIES
from PySide6.QtCore import Qt
from test_correspondence_import import review

from foiadesk.ui.correspondence import controller


def test_the_line_under_the_request_follows_the_users_choice(qtbot, open_window, small_log):
    path, ids = small_log
    window = open_window(path)
    controller(window).importer.import_files([REPLIES / "ice-ack.eml"], ids["ice"])
    dialog = review(qtbot, window)
    proposed = dialog.how_chosen.text()
    assert dialog.request_id() == ids["ice"] and proposed == f"Dropped on request #{ids['ice']}."
    dialog.set_request(ids["a"])
    assert dialog.request_id() == ids["a"]
    said = dialog.how_chosen.text()
    assert said == f"You chose #{ids['a']}; FoiaDesk had proposed #{ids['ice']}: {proposed}"
    dialog.set_request(None)
    assert dialog.how_chosen.text().startswith("Choose the request this reply answers.")
    dialog.set_request(ids["ice"])
    assert dialog.how_chosen.text() == proposed
    dialog.reject()


def test_when_none_was_proposed_the_choice_is_named(qtbot, open_window, small_log):
    path, ids = small_log
    window = open_window(path)
    controller(window).importer.import_files([REPLIES / "tigta-extension.msg"])
    dialog = review(qtbot, window)
    why = dialog.how_chosen.text()
    assert dialog.request_id() is None and "on 2 requests" in why
    dialog.set_request(ids["tigta2"])
    assert dialog.how_chosen.text() == f"You chose #{ids['tigta2']}. ({why})"
    dialog.reject()


DHS_LETTER = """U.S. Department of Homeland Security
Washington, DC 20528

Dear Ms. Park:
This is the final response to your Freedom of Information Act request for records of the
address-sharing agreement. We reviewed 40 pages and release them in full.
"""


def test_a_reply_is_proposed_for_the_request_that_was_sent_not_a_draft(qtbot, open_window, tmp_path, answers):
    """Two letters drafted to DHS offices, one of them sent: an undated DHS reply that says
    more of the draft's words is still proposed for the request that was sent, as no agency
    has the draft (and no reply can be recorded on it)."""
    from datetime import date

    from conftest import menu_action, wait_idle

    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    path = tmp_path / "log.sqlite3"
    db = connect(path)
    dhs = {"agency_abbr": "DHS", "agency_name": "Department of Homeland Security"}
    ice = log.ensure_component(db, abbr="ICE", name="U.S. Immigration and Customs Enforcement", **dhs)
    privacy = log.ensure_component(db, abbr="DHS-PRIV", name="DHS Privacy Office", **dhs)
    log.add_request(db, title="Records of the address-sharing agreement", component_id=ice)
    sent = log.add_request(db, title="Privacy reviews of the agreement", component_id=privacy).new_id
    log.record_event(db, sent, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    db.close()
    reply = tmp_path / "dhs-final.txt"
    reply.write_text(DHS_LETTER)
    answers.open = [reply]
    window = open_window(path)
    menu_action(window, "Log", "Import agency reply…").trigger()
    dialog = review(qtbot, window)
    assert dialog.request_id() == sent, dialog.how_chosen.text()
    assert "No letter date was found" in dialog.changes.toPlainText()
    dialog.letter_date.set_value(date(2026, 11, 20))  # the date the user reads on the letter
    assert dialog.accept_button.isEnabled(), dialog.changes.toPlainText()
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert controller(window).importer.dialog is None
    assert f"on #{sent}" in window.banner.text.text()
