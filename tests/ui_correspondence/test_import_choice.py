"""The import review's line about which request follows the user's choice."""

from conftest import REPLIES
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
