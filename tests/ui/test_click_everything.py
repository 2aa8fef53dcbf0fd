"""Click every visible, enabled button of every view, every menu action, and every button of
each dialog they open, on a fresh log and on a demo log; fail on any error the window
reports as a bug (the apology in the message bar, the error log) or any exception a slot
raises (pytest-qt fails the test on those). OS dialogs are answered "cancel"; FoiaDesk's own
dialogs get every button clicked, then Esc."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QDialog, QFileDialog, QMenu

from foiadesk.core.crashlog import LOG_NAME
from foiadesk.core.paths import data_dir

SKIP_ACTIONS = {"Quit"}  # it ends the test's window
SORRY = "something went wrong inside FoiaDesk"


def _alive(widget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


def _buttons(root) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if _alive(b) and b.window() is root.window()]


class Clicker:
    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window
        self.clicked: list[str] = []
        self.handling: set[int] = set()  # dialogs whose buttons are being clicked

    def settle(self):
        window = self.window
        self.qtbot.wait(5)
        self.qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=30_000)
        assert SORRY not in window.banner.text.text(), (self.clicked[-1:], window.banner.text.text())

    def click(self, button, where: str):
        self.clicked.append(f"{where}: {button.text() or button.toolTip() or type(button).__name__}")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()
        self.answer_dialogs(depth=0)

    def answer_dialogs(self, depth: int):
        for menu in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]:
            for action in menu.actions():
                if action.isEnabled() and not action.isSeparator() and action.menu() is None:
                    self.clicked.append(f"popup: {action.text()}")
                    action.trigger()
                    self.settle()
            menu.close()
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and id(w) not in self.handling
        ]
        for dialog in dialogs:
            title = dialog.windowTitle()
            self.handling.add(id(dialog))
            if depth < 2:
                for button in _buttons(dialog):
                    if _alive(button) and dialog.isVisible():
                        self.clicked.append(f"{title}: {button.text()}")
                        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                        self.settle()
                        self.answer_dialogs(depth + 1)
            if shiboken6.isValid(dialog) and dialog.isVisible():
                self.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
                self.settle()
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.reject()  # a dialog Esc does not close (a non-modal one)
            self.handling.discard(id(dialog))

    def every_view(self, *, later=()):
        """Every button of every view; those named in ``later`` are left for the caller."""
        window = self.window
        for number in range(window.tabs.count()):
            done: set[str] = {k for k in self._keys(window.tabs.widget(number)) if k.split(":")[1] in later}
            while True:
                window.show_view(number)
                view = window.tabs.widget(number)
                self.click_first_rows(view)
                todo = [b for b in _buttons(view) if self._key(b) not in done]
                if not todo:
                    break
                button = todo[0]
                done.add(self._key(button))
                self.click(button, window.tabs.tabText(number))

    def click_first_rows(self, view):
        """As a user picks a row first: the buttons that act on a selection come alive."""
        for table in view.findChildren(QAbstractItemView):
            model = table.model()
            if (
                table.isVisible()
                and model is not None
                and model.rowCount()
                and not table.currentIndex().isValid()
            ):
                rect = table.visualRect(model.index(0, 0))
                self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                self.settle()

    def every_menu_action(self):
        for top in self.window.menuBar().actions():
            for action in list(top.menu().actions()):
                text = action.text().replace("&", "")
                if action.isSeparator() or not action.isEnabled() or text in SKIP_ACTIONS:
                    continue
                self.clicked.append(f"menu {top.text()}: {text}")
                action.trigger()
                self.settle()
                self.answer_dialogs(depth=0)

    def _keys(self, view):
        return {self._key(b) for b in _buttons(view)}

    @staticmethod
    def _key(button) -> str:
        return f"{type(button).__name__}:{button.text()}:{button.toolTip()}:{button.accessibleName()}"


def _cancel_os_dialogs(monkeypatch, folder, replies=()):
    """File dialogs answer "cancel", except the folder to save letters in and ``replies``."""
    folder.mkdir()
    for name, answer in (
        ("getOpenFileName", ("", "")),
        ("getSaveFileName", ("", "")),
        ("getExistingDirectory", str(folder)),
    ):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, _r=answer, **k: _r))

    def open_files(parent, title, *args, **kwargs):
        return ([str(p) for p in replies] if title.startswith("Import") else [], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_files))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda *a: True))


def _run(clicker, *, later=()):
    clicker.every_view(later=later)
    clicker.every_menu_action()
    clicker.every_view(later=later)  # again, on what the first pass left (drafts, a new case)
    errors = data_dir() / LOG_NAME
    assert not errors.exists(), errors.read_text()
    print("\n".join(clicker.clicked))
    return clicker.clicked


def test_every_button_on_a_fresh_log(qtbot, open_window, tmp_path, monkeypatch):
    import foiadesk.ui.window_actions as actions

    monkeypatch.setattr(actions, "DEMO_REQUESTS", 30)
    _cancel_os_dialogs(monkeypatch, tmp_path / "letters")
    window = open_window(tmp_path / "mine.sqlite3")
    clicker = Clicker(qtbot, window)
    demo = "Open a d&emo log…"
    clicked = _run(clicker, later=(demo,))
    assert "Compose: &Save .docx files and log them as drafts…" in clicked
    new = {"Ask for the records in this order of priorit&y", "Add the public record as an appendix"}
    new |= {"Move the chosen kind of record up", "Move the chosen kind of record down"}
    assert {f"Compose: {text}" for text in new} <= set(clicked)
    # Save wrote the letters (one at least: Cases' "Draft what is not yet asked…", clicked
    # before, leaves the composer asking one office)
    assert list((tmp_path / "letters").glob("*.docx"))
    assert {"New requester profile: Cancel", "Log an event — #1: Log event"} <= set(clicked)
    # a drafted request's Package to send…, each way it can go (the save dialog cancelled)
    detail = window.requests.detail
    for request_id in window.session.index.columns["id"]:
        window.open_request(int(request_id))
        if detail.filing_actions.package_button.isVisible():
            break
    clicker.click(detail.filing_actions.package_button, "Requests")
    assert {"Requests: Packa&ge to send…", "popup: Letter to upload to the portal…"} <= set(clicker.clicked)
    # Last, the welcome's demo button: the demo log opens, and every button there too
    window.show_view(0)
    clicker.click(window.agenda.welcome.demo_button, "Agenda")
    assert window.session.path.name.startswith("demo")
    _run(clicker)


def test_every_button_on_a_demo_log(qtbot, open_window, demo_copy, tmp_path, monkeypatch):
    replies = Path(__file__).parent.parent / "fixtures" / "replies"
    _cancel_os_dialogs(monkeypatch, tmp_path / "letters", [replies / "ice-ack.eml"])
    window = open_window(demo_copy)
    clicked = _run(Clicker(qtbot, window))
    assert "Requests: Ta&ke back event…" in clicked
    assert "Compose: Po&rtal fields…" in clicked  # Mark as filed's, for the draft selected
    assert {"Requests: Sho&w taken back", "menu &Log: Restore a backup…"} <= set(clicked)
    assert {"Restore a backup: Choose another &file…", "Restore a backup: Cancel"} <= set(clicked)
    assert "Import agency reply — ice-ack.eml: O&pen the file" in clicked
