"""A request added by hand has no letter FoiaDesk drafted: Package to send… and Portal
fields… say so and what to do instead (draft it in Compose, or send one's own letter and
log the filing), and write nothing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect

WHAT_TO_DO = (
    "draft one in Compose (or with foiadesk draft). A letter written elsewhere you send yourself, "
    "then log its filing."
)


def test_a_request_without_a_letter_says_what_to_do(qtbot, open_window, tmp_path, monkeypatch):
    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    rid = log.add_directory_request(db, load_directory().component("ICE"), title="Error reports").new_id
    db.close()
    window = open_window(path)
    window.open_request(rid)
    actions = window.requests.detail.filing_actions
    assert actions.portal_button.isVisible() and actions.package_button.isVisible()
    qtbot.mouseClick(actions.portal_button, Qt.MouseButton.LeftButton)
    said = window.banner.text.text()
    assert said == f"Request #{rid} has no drafted letter to fill the form from: {WHAT_TO_DO}", said

    out = tmp_path / "ice.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(actions.package_button, Qt.MouseButton.LeftButton)
    menu = actions.menu
    email = next(a for a in menu.actions() if a.text().startswith("Email draft"))
    menu.close()
    email.trigger()
    qtbot.waitUntil(lambda: "to send" in window.banner.text.text(), timeout=10_000)
    assert window.banner.text.text() == f"Request #{rid} has no drafted letter to send: {WHAT_TO_DO}"
    assert not out.exists()
