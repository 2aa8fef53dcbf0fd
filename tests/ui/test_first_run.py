"""A first run on an empty log: the welcome steps (a requester profile, the IRS–ICE case
pack, the composer, a demo log written in the background), and the Settings view's
profiles, data folder and backups."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from window_fixtures import wait_loaded

from foiadesk.ui.dialogs.profile import ProfileDialog
from foiadesk.ui.window import MainWindow

TIMEOUT = 15_000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def first_run(open_window, tmp_path, settings):
    settings.set("start_view", "requests")  # a first run shows the welcome steps anyway
    return open_window(tmp_path / "mine.sqlite3")


def test_an_empty_log_shows_the_first_steps(first_run):
    window = first_run
    agenda = window.agenda
    assert window.tabs.currentWidget() is agenda and agenda.is_welcome()
    welcome = agenda.welcome
    assert welcome.profile_button.hasFocus()
    assert [b.text() for b in (welcome.profile_button, welcome.pack_button, welcome.compose_button)] == [
        "Create your requester &profile…",
        "Load the IRS–ICE MOU &case pack",
        "&Draft the first requests…",
    ]
    assert (
        "made-up requests in a separate file" in welcome.findChildren(type(welcome.profile_note))[-1].text()
    )
    welcome.compose_button.click()
    assert window.tabs.currentWidget() is window.composer


def test_a_profile_created_first_is_what_the_composer_starts_from(qtbot, first_run):
    window = first_run
    welcome = window.agenda.welcome
    qtbot.mouseClick(welcome.profile_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ProfileDialog) and dialog.isVisible()
    dialog.accept()  # nothing typed yet: said in place
    assert dialog.isVisible() and dialog.problem.text() == "Give the name to sign with."
    qtbot.keyClicks(dialog.name, "Rosa Diaz")
    qtbot.keyClicks(dialog.email, "rosa@clinic.example")
    type_address(qtbot, dialog.address)
    dialog.fee_category.setCurrentIndex(dialog.fee_category.findData("educational"))
    dialog.accept()
    qtbot.waitUntil(lambda: welcome.profile_note.text().startswith("✓ Saved: Rosa Diaz"), timeout=TIMEOUT)
    composer = window.composer
    assert composer.saved.currentText() == "Rosa Diaz"
    assert composer.name.text() == "Rosa Diaz" and composer.email.text() == "rosa@clinic.example"
    assert composer.fee_category.currentData() == "educational"
    profiles = window.settings_view.profiles
    assert [profiles.item(i).text() for i in range(profiles.count())] == [
        "Rosa Diaz — Educational institution"
    ]


def type_address(qtbot, box) -> None:
    """Two lines typed as a user types them (keyClicks takes no line break)."""
    qtbot.keyClicks(box, "1 Clinic Way")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "Town, ST 00000")


def _save_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_the_profile_dialog_will_not_save_a_profile_without_a_mailing_address(qtbot, first_run):
    """Drafting refuses a requester without a mailing address (compose.draft_requests): the
    dialog says so when the profile is made, not at the first draft."""
    window = first_run
    welcome = window.agenda.welcome
    qtbot.mouseClick(welcome.profile_button, LEFT)
    dialog = window.dialog
    assert "required" in dialog.layout().itemAt(0).layout().labelForField(dialog.address).text()
    qtbot.keyClicks(dialog.name, "Rosa Diaz")
    qtbot.keyClicks(dialog.email, "rosa@clinic.example")
    qtbot.keyClicks(dialog.address, "   ")  # blank is no address
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert dialog.isVisible() and "mailing address" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.address
    assert not welcome.profile_note.text().startswith("✓ Saved")
    dialog.address.clear()
    type_address(qtbot, dialog.address)
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: welcome.profile_note.text().startswith("✓ Saved: Rosa Diaz"), timeout=TIMEOUT)
    assert window.composer.address.toPlainText() == "1 Clinic Way\nTown, ST 00000"


def test_the_profile_dialog_will_not_save_a_profile_the_letters_cannot_be_signed_with(qtbot, first_run):
    """A profile saved without an email address used to fail only at the first draft, with
    "'' is not an email address": the dialog asks for it, and the profile then drafts."""
    window = first_run
    welcome = window.agenda.welcome
    qtbot.mouseClick(welcome.profile_button, LEFT)
    dialog = window.dialog
    assert "required" in dialog.layout().itemAt(0).layout().labelForField(dialog.email).text()
    qtbot.keyClicks(dialog.name, "Kim Park")
    type_address(qtbot, dialog.address)
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert dialog.isVisible() and dialog.problem.text().startswith("Give your email address")
    assert "''" not in dialog.problem.text() and dialog.focusWidget() is dialog.email
    qtbot.keyClicks(dialog.email, "kim@clinic.example")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: welcome.profile_note.text().startswith("✓ Saved: Kim Park"), timeout=TIMEOUT)
    composer = window.composer
    window.show_view(3)
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.letters.count() > 0, timeout=TIMEOUT)
    assert "email" not in composer.warnings.text()


def test_the_case_pack_loads_once(qtbot, first_run):
    window = first_run
    welcome = window.agenda.welcome
    qtbot.mouseClick(welcome.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() > 0, timeout=TIMEOUT)
    assert window.tabs.currentWidget() is window.cases
    assert window.cases.case.currentText().startswith("IRS")
    assert "Key dates" in window.cases.story.toHtml()
    assert not welcome.pack_button.isEnabled() and welcome.pack_note.text().startswith("✓ Loaded")


def test_the_demo_log_is_written_in_the_background_and_opened(
    qtbot, first_run, monkeypatch, isolated_data_dir
):
    import foiadesk.core.demo as demo
    import foiadesk.ui.window_actions as actions

    window = first_run
    monkeypatch.setattr(actions, "DEMO_REQUESTS", 40)
    threads = []
    write_demo = demo.write_demo

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return write_demo(*args, **kwargs)

    monkeypatch.setattr(demo, "write_demo", recording)
    mine = window.session.path
    demo_button = window.agenda.welcome.demo_button
    qtbot.mouseClick(demo_button, Qt.MouseButton.LeftButton)
    assert window.progress.isVisible() and window.status.text() == "Writing a demo log of 40 requests…"
    assert not demo_button.isEnabled()  # a second click while it is written writes no second one
    qtbot.mouseClick(demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.path != mine and len(window.session.index) == 40, timeout=TIMEOUT)
    assert threads and threads[0] is not threading.main_thread()
    assert window.session.path == isolated_data_dir / "demo.sqlite3"
    assert "demo log of 40 made-up requests" in window.banner.text.text()
    assert not window.agenda.is_welcome() and window.windowTitle() == "FoiaDesk — demo.sqlite3 (demo)"
    assert mine.exists()  # the user's own log is left as it was
    assert [p.name for p in isolated_data_dir.glob("demo*.sqlite3")] == ["demo.sqlite3"]


def test_settings_edit_a_profile_and_back_up(qtbot, open_window, demo_copy, isolated_data_dir):
    window = open_window(demo_copy)
    view = window.settings_view
    window.show_view(4)
    names = [view.profiles.item(i).text() for i in range(view.profiles.count())]
    assert names[0] == "Dana Whitfield — Representative of the news media"
    assert str(isolated_data_dir) in view.data_folder.text() and "None yet" in view.backups.text()
    view.profiles.setCurrentRow(0)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.name.text() == "Dana Whitfield" and dialog.organization.text().startswith("The Ledger Desk")
    dialog.organization.setText("The Ledger Desk")
    type_address(qtbot, dialog.address)  # the demo's profiles have none, which a save needs
    dialog.accept()
    qtbot.waitUntil(lambda: "The Ledger Desk\n" in view.profiles.item(0).toolTip() + "\n", timeout=TIMEOUT)
    assert view.profiles.count() == len(names)  # edited, not added
    window.composer.choose_requester(view.selected_profile().id)
    assert window.composer.organization.text() == "The Ledger Desk"

    window.back_up()
    qtbot.waitUntil(lambda: "1 so far" in view.backups.text(), timeout=TIMEOUT)
    assert "Backed up to" in window.banner.text.text()


def test_settings_say_what_a_templates_folder_changes(
    qtbot, open_window, demo_copy, isolated_data_dir, tmp_path, monkeypatch
):
    """A folder with no template named as a shipped one changes no letter: Settings says so
    (it showed the folder as if its templates were used); one with its own appeal.docx is
    said to replace that one only."""
    import shutil

    from PySide6.QtWidgets import QFileDialog, QPushButton

    from foiadesk.core.paths import TEMPLATES

    folder = tmp_path / "my templates"
    folder.mkdir()
    (folder / "Appeal letter (clinic).docx").write_bytes((TEMPLATES / "appeal.docx").read_bytes())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    window = open_window(demo_copy)
    window.show_view(4)
    view = window.settings_view
    choose = next(b for b in view.findChildren(QPushButton) if b.text() == "Use my own tem&plates…")
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert view.templates.text() == (
        f"{folder} has no file named as a shipped template (request.docx, appeal.docx…): "
        "every letter uses the shipped templates."
    )
    shutil.copy(folder / "Appeal letter (clinic).docx", folder / "appeal.docx")
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert view.templates.text() == f"{folder}: your own appeal.docx; the shipped templates for the rest."


def test_the_composer_saves_what_was_typed_as_a_profile(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = window.composer
    composer.name.setText("Sam Okafor")
    composer.email.setText("sam@paper.example")
    type_address(qtbot, composer.address)
    qtbot.mouseClick(composer.save_profile_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.name.text() == "Sam Okafor" and dialog.email.text() == "sam@paper.example"
    dialog.accept()
    qtbot.waitUntil(lambda: composer.saved.currentText() == "Sam Okafor", timeout=TIMEOUT)
    from foiadesk.core.store.requesters import profiles

    (saved,) = profiles(window.session.db)
    assert saved.title == ""  # not the example's signer's title ("Investigative reporter")


def test_a_view_chosen_while_an_empty_log_is_read_stays(qtbot, settings, tmp_path):
    """The welcome steps replace the start view, not a view the user went to meanwhile."""
    window = MainWindow(settings, tmp_path / "mine.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.session.is_loading
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())  # Compose
    wait_loaded(qtbot, window)
    assert window.tabs.currentWidget() is window.composer


def test_save_as_a_profile_adds_one_and_leaves_the_chosen_one(qtbot, open_window, demo_copy):
    """“Save as a profile…” with the log's profile chosen and another name typed saves a new
    profile; the one chosen keeps its details."""
    from foiadesk.core.store.requesters import profiles

    window = open_window(demo_copy)
    before = profiles(window.session.db)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    composer = window.composer
    chosen = composer.saved.currentData()
    assert chosen == before[0].id and composer.name.text() == before[0].name
    composer.name.clear()
    qtbot.keyClicks(composer.name, "Sam Okafor")
    type_address(qtbot, composer.address)
    qtbot.mouseClick(composer.save_profile_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.windowTitle() == "New requester profile" and dialog.name.text() == "Sam Okafor"
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: composer.saved.currentText() == "Sam Okafor", timeout=TIMEOUT)
    after = profiles(window.session.db)
    assert len(after) == len(before) + 1
    assert next(p for p in after if p.id == chosen) == before[0]  # left as it was
    assert composer.saved.currentData() != chosen


def test_names_typed_while_the_log_is_read_stay(qtbot, settings, demo_copy):
    """Compose opened while the log is still being read: the signer's name typed meanwhile
    is not replaced by the log's first profile when the read ends, nor by F5."""
    window = MainWindow(settings, demo_copy)
    qtbot.addWidget(window)
    window.show()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(3).center())  # Compose
    composer = window.composer
    composer.name.clear()
    qtbot.keyClicks(composer.name, "Sam Okafor")
    assert window.session.is_loading  # typed before the read ended
    wait_loaded(qtbot, window)
    assert composer.name.text() == "Sam Okafor"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_loaded(qtbot, window)
    qtbot.wait(50)
    assert composer.name.text() == "Sam Okafor"


def test_an_untouched_compose_starts_from_the_logs_first_profile(qtbot, settings, demo_copy):
    from foiadesk.core.store.requesters import profiles

    window = MainWindow(settings, demo_copy)
    qtbot.addWidget(window)
    window.show()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(3).center())
    wait_loaded(qtbot, window)
    first = profiles(window.session.db)[0]
    assert window.composer.saved.currentData() == first.id and window.composer.name.text() == first.name


def _drafted_letters(qtbot, window):
    """Letters drafted in Compose and not saved (the demo log's question is about them)."""
    composer = window.composer
    window.show_view(3)
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.unsaved > 0, timeout=60_000)
    window.show_view(0)
    return composer


@pytest.mark.parametrize("answer", ["Cancel", "Discard"])
def test_a_demo_log_asks_about_unsaved_letters_before_it_is_written(
    qtbot, first_run, monkeypatch, isolated_data_dir, answer
):
    """Cancel: the letters stay and no demo log is written; Discard: it is written and
    opened, asked once."""
    from PySide6.QtWidgets import QMessageBox

    import foiadesk.ui.window_actions as actions

    window = first_run
    monkeypatch.setattr(actions, "DEMO_REQUESTS", 40)
    composer = _drafted_letters(qtbot, window)
    asked = []
    button = getattr(QMessageBox.StandardButton, answer)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[1]) or button))
    mine = window.session.path
    qtbot.mouseClick(window.agenda.welcome.demo_button, LEFT)
    if answer == "Cancel":
        qtbot.wait(200)
        assert not window.session.tasks.busy() and window.session.path == mine
        assert composer.unsaved > 0 and not list(isolated_data_dir.glob("demo*"))
    else:
        qtbot.waitUntil(lambda: window.session.path != mine, timeout=TIMEOUT)
        assert window.session.path == isolated_data_dir / "demo.sqlite3"
    assert asked == ["Open a demo log"]
    _quit_losing_the_letters(monkeypatch)


def test_a_demo_log_refused_once_written_is_removed(qtbot, first_run, monkeypatch, isolated_data_dir):
    """Letters drafted while the demo log is written, kept when asked: the demo log is not
    opened, and not left behind either."""
    from PySide6.QtWidgets import QMessageBox

    import foiadesk.core.demo as demo
    import foiadesk.ui.window_actions as actions

    window = first_run
    monkeypatch.setattr(actions, "DEMO_REQUESTS", 40)
    written = threading.Event()
    write_demo = demo.write_demo

    def slow(*args, **kwargs):
        write_demo(*args, **kwargs)
        written.wait(TIMEOUT / 1000)

    monkeypatch.setattr(demo, "write_demo", slow)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel),
    )
    mine = window.session.path
    qtbot.mouseClick(window.agenda.welcome.demo_button, LEFT)
    assert not asked  # nothing drafted yet: nothing to ask
    window.composer.unsaved = 2  # letters drafted meanwhile (the worker is busy writing the demo)
    written.set()
    qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=TIMEOUT)
    qtbot.wait(50)
    assert asked == ["Open another log"] and window.session.path == mine
    assert not list(isolated_data_dir.glob("demo*"))
    _quit_losing_the_letters(monkeypatch)


def _quit_losing_the_letters(monkeypatch):
    """The window closes at the end of the test: its letters are let go."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )


def _save_as_profile(qtbot, window, email: str):
    """In Compose, with the log's first profile chosen, another email typed, “Save as a
    profile…” clicked and the dialog's Save profile clicked: the dialog that was saved."""
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    composer = window.composer
    assert composer.name.text() == "Dana Whitfield"
    composer.email.clear()
    qtbot.keyClicks(composer.email, email)
    if not composer.address.toPlainText().strip():  # the demo's profiles have none
        type_address(qtbot, composer.address)
    qtbot.mouseClick(composer.save_profile_button, LEFT)
    dialog = window.dialog
    assert dialog.windowTitle() == "New requester profile" and dialog.name.text() == "Dana Whitfield"
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)
    return dialog


def _names(window):
    from foiadesk.core.store.requesters import profiles

    return [p.name for p in profiles(window.session.db)]


def test_a_profile_name_already_saved_is_asked_about_and_kept_once(
    qtbot, open_window, demo_copy, monkeypatch
):
    """“Save as a profile…” with the name of a saved profile asks whether to replace it;
    declined, the details come back with the core's reason, and a new name saves them."""
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Cancel
        ),
    )
    window = open_window(demo_copy)
    before = _names(window)
    first = _save_as_profile(qtbot, window, "dana@elsewhere.example")
    qtbot.waitUntil(lambda: window.dialog not in (None, first), timeout=TIMEOUT)
    said = "A profile named “Dana Whitfield” is already saved, and two profiles of one name could not"
    assert len(asked) == 1 and asked[0].startswith(said)
    assert "replace the saved profile of Dana Whitfield" in asked[0]
    again = window.dialog
    assert again.problem.isVisible() and again.problem.text().startswith(said)
    assert again.name.text() == "Dana Whitfield" and again.email.text() == "dana@elsewhere.example"
    assert _names(window) == before  # nothing was saved
    again.name.clear()
    qtbot.keyClicks(again.name, "Dana Whitfield (personal)")
    qtbot.mouseClick(again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)
    composer = window.composer
    qtbot.waitUntil(lambda: composer.saved.currentText() == "Dana Whitfield (personal)", timeout=TIMEOUT)
    assert sorted(_names(window)) == sorted([*before, "Dana Whitfield (personal)"])
    assert len(set(_names(window))) == len(_names(window))


def test_a_profile_name_already_saved_may_replace_the_saved_one(qtbot, open_window, demo_copy, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from foiadesk.core.store.requesters import profiles

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    window = open_window(demo_copy)
    before = profiles(window.session.db)
    _save_as_profile(qtbot, window, "dana@elsewhere.example")
    qtbot.waitUntil(
        lambda: "Replaced the saved profile of Dana Whitfield." in window.banner.text.text(), timeout=TIMEOUT
    )
    after = profiles(window.session.db)
    assert [p.id for p in after] == [p.id for p in before]  # replaced, not added
    dana = next(p for p in after if p.name == "Dana Whitfield")
    assert dana.email == "dana@elsewhere.example"
    assert window.composer.saved.currentText() == "Dana Whitfield" and window.dialog is None
