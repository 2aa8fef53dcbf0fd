"""The Compose view offers what ``foiadesk draft`` does: a suite of narrow letters, a
priority order, the public record as an appendix, the requester's own facts for the
due-process and imminent-threat grounds, and facts not fully verified. Each is set by
clicking and typing; the saved .docx files are read back with python-docx."""

from __future__ import annotations

from datetime import date

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from foiadesk.ui.widgets import MessageBar

LEFT = Qt.MouseButton.LeftButton
FACTS = "My removal hearing is on January 12, 2027, and these records bear on the notice I received."


def _compose_for_ice(qtbot, window):
    """The Compose view, asking ICE only, dated on the window's today."""
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    composer = window.composer
    assert window.tabs.currentWidget() is composer
    offices = composer.components
    for i in range(offices.count()):
        keep = offices.item(i).data(Qt.ItemDataRole.UserRole) == "ICE"
        offices.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    composer.letter_date.setDate(date(2026, 11, 25))
    return composer


def _box(widget):
    """Where a tick box's square is (a click there toggles it, whatever the text's width)."""
    from PySide6.QtCore import QPoint

    return QPoint(8, widget.height() // 2)


def _draft_and_save(qtbot, window, composer, out, monkeypatch, letters: int):
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert composer.letters.count() == letters, composer.warnings.text()
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: len(window.session.index) == letters, timeout=20_000)
    return {p.name: [para.text for para in Document(str(p)).paragraphs] for p in sorted(out.glob("*.docx"))}


def test_a_suite_of_narrow_letters_with_the_requesters_own_facts(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    pack = composer.packs[composer.pack.currentData()]
    # every kind of record is ticked: a suite sends ICE one letter per group of those it holds
    groups = {c.group or c.id for c in pack.categories_for("ICE")}

    composer.suite.setFocus()
    qtbot.keyClick(composer.suite, Qt.Key.Key_Down)
    assert composer.suite.currentText() == "A suite of narrow letters (one per group of records)"
    facts_box = composer.facts_boxes["due_process"]
    assert not facts_box.isVisible()  # only once the ground is chosen
    qtbot.mouseClick(composer.expedite, LEFT, pos=_box(composer.expedite))
    qtbot.mouseClick(composer.grounds["due_process"], LEFT, pos=_box(composer.grounds["due_process"]))
    qtbot.mouseClick(composer.grounds["media_interest"], LEFT, pos=_box(composer.grounds["media_interest"]))
    assert facts_box.isVisible() and not composer.facts_boxes["imminent_threat"].isVisible()
    warning = composer.facts_warnings["due_process"]
    assert warning.isVisible()
    assert warning.text() == (
        "⚠ “Loss of substantial due process rights” is left out: it needs your own facts "
        "(who would be harmed, how, and when), in your words. Add them for this ground and draft again."
    )
    below = composer.unverified.mapTo(composer, composer.unverified.rect().topLeft())
    qtbot.keyClicks(composer.facts["due_process"], FACTS)
    assert not warning.isVisible()
    assert composer.unverified.mapTo(composer, composer.unverified.rect().topLeft()) == below  # nothing moved

    letters = _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, len(groups))
    assert len(letters) == len(groups) > 1
    assert {name.split("_ICE_FOIA-request_")[1][: -len(".docx")] for name in letters} == groups
    for name, paragraphs in letters.items():
        expedite = paragraphs.index("Expedited processing")
        ground = next(i for i, p in enumerate(paragraphs) if FACTS in p)
        assert ground > expedite, name  # the user's facts are in the expedite section …
        assert paragraphs[ground].startswith("1.\tLoss of substantial due process rights"), (
            name
        )  # … under its ground


def test_a_priority_order_an_appendix_and_facts_not_fully_verified(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    pack = composer.packs[composer.pack.currentData()]
    records = composer.categories
    for i in range(records.count()):  # two kinds of record: the MOU itself and ICE's use of the data
        keep = records.item(i).data(Qt.ItemDataRole.UserRole) in ("mou-text-and-drafts", "ice-use-of-data")
        records.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    last = next(
        i
        for i in range(records.count())
        if records.item(i).data(Qt.ItemDataRole.UserRole) == "ice-use-of-data"
    )
    qtbot.mouseClick(records.viewport(), LEFT, pos=records.visualItemRect(records.item(last)).center())
    for _ in range(last):  # to the top: asked for first
        qtbot.mouseClick(composer.up_button, LEFT)
    assert records.item(0).data(Qt.ItemDataRole.UserRole) == "ice-use-of-data"
    for box in (composer.priority, composer.appendix, composer.unverified):
        qtbot.mouseClick(box, LEFT, pos=_box(box))
        assert box.isChecked()

    (text,) = _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, 1).values()
    titles = {c.id: c.title.rstrip(".") for c in pack.categories}
    listed = text.index("Records requested")  # (the subject line names both, in the same order)
    first = next(i for i, p in enumerate(text) if i > listed and titles["ice-use-of-data"] in p)
    second = next(i for i, p in enumerate(text) if i > listed and titles["mou-text-and-drafts"] in p)
    assert first < second
    assert any("in order of priority: please process item 1 first" in p for p in text)
    assert any(p.strip().lower().startswith("appendix") for p in text)
    partly = next(f for f in pack.letter_facts if f.tag == "P")
    opening = " ".join(partly.text.split()[:6])
    assert any(opening in p for p in text)  # printed, knowingly
    assert "Printed at your choice" in composer.warnings.text()


def test_letters_refused_where_they_were_to_go_can_be_saved_elsewhere(
    qtbot, open_window, tmp_path, monkeypatch
):
    """A folder that cannot take the letters (the log's backups) is refused with a reason;
    Save stays there to choose another folder, without drafting again."""
    from foiadesk.core.store.db import backups_dir

    log = tmp_path / "new.sqlite3"
    window = open_window(log)
    composer = _compose_for_ice(qtbot, window)
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    backups = backups_dir(log)
    backups.mkdir(exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(backups))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: "keeps backups" in composer.warnings.text(), timeout=20_000)
    assert composer.save_button.isEnabled() and composer.unsaved == 1
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: len(window.session.index) == 1, timeout=20_000)
    assert len(list(out.glob("*.docx"))) == 1


def test_drafting_again_after_saving_shows_the_new_letters(qtbot, open_window, tmp_path, monkeypatch):
    """After Save the filing step is shown; Draft the letters then brings the review back,
    with the new letters or with what is missing."""
    window = open_window(tmp_path / "new.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, letters=1)
    assert composer.steps.currentWidget() is composer.filing
    composer.letter_date.setDate(date(2026, 11, 26))
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert composer.steps.currentIndex() == 0 and composer.letters.isVisible()
    assert composer.letters.count() == 1 and composer.save_button.isEnabled()
    composer.steps.setCurrentWidget(composer.filing)
    for i in range(composer.categories.count()):
        composer.categories.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(composer.draft_button, LEFT)
    assert composer.warnings.isVisible()
    assert composer.warnings.text() == "Tick at least one kind of record and one office to send it to."
    bad = tmp_path / "me.toml"
    bad.write_text('name = "Sam"\n')  # no email, no fee category
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    composer.steps.setCurrentWidget(composer.filing)
    qtbot.mouseClick(composer.load_profile_button, LEFT)
    assert composer.warnings.isVisible() and "me.toml" in composer.warnings.text(), composer.warnings.text()


def test_letters_signed_by_the_example_profile_say_so(qtbot, open_window, tmp_path):
    """A first run drafts with the example profile's made-up requester: each letter's review
    says so, until the user's own details are in."""
    window = open_window(tmp_path / "new.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    assert composer.saved.currentData() == "example"
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    said = composer.warnings.text()
    assert said.startswith("• Signed by the example profile's made-up requester (Dana Whitfield, "), said
    composer.name.setText("Rosa Diaz")
    composer.email.setText("rosa@clinic.org")
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert "example profile" not in composer.warnings.text()


def test_a_first_letter_reads_as_it_prints_and_is_counted_as_one(qtbot, open_window, tmp_path, monkeypatch):
    """The preview numbers the records "1. The agreement…" (not a tab's wide gap), and
    once saved the list and the case say "1 request", not "1 requests"."""
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.letters.count() == 1, timeout=60_000)
    text = composer.preview.toPlainText()
    assert "\n1. The agreement, its drafts and amendments." in text and "\t" not in text
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: len(window.session.index) == 1, timeout=15_000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.requests.count.text() == "1 request"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.cases.about.text() != "", timeout=15_000)
    assert window.cases.about.text().startswith("1 request to 1 component · 0 overdue")


def test_a_letter_without_the_signers_mailing_address_is_not_drafted(qtbot, open_window, tmp_path):
    """The command line refuses a profile without an address; the Compose view is held to the
    same rule by the same drafting call, and says so in the review instead of failing."""
    window = open_window(tmp_path / "new.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    reported = []
    window.session.failed.connect(reported.append)
    composer.name.setText("Rosa Diaz")
    composer.email.setText("rosa@clinic.org")
    composer.address.setFocus()
    qtbot.keyClick(composer.address, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(composer.address, Qt.Key.Key_Delete)
    assert composer.address.toPlainText() == ""
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    said = composer.warnings.text()
    assert said.startswith("The requester's mailing address is missing: enter it under “2. Who signs”"), said
    assert composer.letters.count() == 0 and not composer.save_button.isEnabled()
    assert reported == []  # shown where the letters would be, not as a failure
    qtbot.keyClicks(composer.address, "12 Elm Street")
    qtbot.keyClick(composer.address, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.address, "Springfield, IL 62701")
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert composer.letters.count() == 1, composer.warnings.text()
    assert "12 Elm Street" in composer.drafts[0].text


def test_saved_drafts_are_shown_in_a_list_filtered_in_sight(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """After Save, Requests shows the drafts' case, and says so: the case in its filters, a
    message saying how many it shows and how to see all, and Show all clears it."""
    monkeypatch.setattr(MessageBar, "INFO_MS", 600_000)  # not gone by itself while the test runs
    window = open_window(demo_copy)
    case = "IRS-ICE taxpayer address sharing (April 2025 MOU)"  # the case pack's, as Compose's
    in_case = sum(name == case for name in map(window.session.index.case_name, range(120)))
    composer = _compose_for_ice(qtbot, window)
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert composer.letters.count() == 1, composer.warnings.text()
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: len(window.session.index) == 121, timeout=20_000)
    said = window.banner.text.text()
    assert said.startswith("Saved and logged 1 drafted request (#121).")
    assert (
        f"showing the {in_case + 1} requests of case “{case}” — clear the filter (Show all) to see all"
        in said
    )

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.requests
    assert view.case_choice.currentText() == case and view.status_choice.currentText() == "Any status"
    model = view.model
    assert model.total() == in_case + 1 and view.count.text() == f"{in_case + 1} of 121 requests"
    assert {model.index(r, model.CASE).data() for r in range(model.rowCount())} == {case}
    assert view.table.currentIndex().siblingAtColumn(0).data() == "121"  # the new draft, chosen
    assert view.detail.title.text().startswith("#121 ")
    assert view.show_all_button.isVisible()
    assert window.banner.isVisible()
    qtbot.mouseClick(view.show_all_button, LEFT)
    assert model.total() == 121 and view.count.text() == "121 requests"
    assert view.case_choice.currentText() == "All cases"
    assert not view.show_all_button.isVisible()
    # "Requests is showing the … of case …" no longer holds: the message goes with the filter
    assert not window.banner.isVisible()


def test_marking_a_saved_draft_filed_takes_the_saved_message_away(qtbot, open_window, tmp_path, monkeypatch):
    """ "Saved and logged … When you send each letter, mark it as filed here": once the user
    has done so, the message leaves with it, and the filing panel says what it recorded."""
    monkeypatch.setattr(MessageBar, "INFO_MS", 600_000)  # not gone by itself while the test runs
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, 1)
    assert window.banner.isVisible() and window.banner.text.text().startswith("Saved and logged 1 drafted")
    panel = composer.filing
    panel.confirmation.setText("DHS-2026-0001")
    qtbot.mouseClick(panel.mark_button, LEFT)
    dialog = panel.dialog
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: panel.note.text().startswith("#1 marked as filed"), timeout=20_000)
    assert not window.banner.isVisible()


def test_drafts_saved_in_a_demo_log_join_its_case_and_are_listed_by_their_records(
    qtbot, open_window, demo_copy, tmp_path, monkeypatch
):
    """The demo's IRS–ICE case is its case pack's: a letter drafted from the pack joins it
    (the Case filter offers one IRS–ICE case) and the list names the draft by its records,
    without the pack's name in front."""
    window = open_window(demo_copy)
    composer = _compose_for_ice(qtbot, window)
    records = composer.categories
    for i in range(records.count()):
        keep = records.item(i).data(Qt.ItemDataRole.UserRole) == "mou-text-and-drafts"
        records.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    out = tmp_path / "letters"
    qtbot.mouseClick(composer.draft_button, LEFT)
    qtbot.waitUntil(lambda: composer.draft_button.isEnabled(), timeout=60_000)
    assert composer.letters.count() == 1, composer.warnings.text()
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(composer.save_button, LEFT)
    qtbot.waitUntil(lambda: len(window.session.index) == 121, timeout=20_000)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.requests
    cases = [view.case_choice.itemText(i) for i in range(view.case_choice.count())]
    assert [c for c in cases if "IRS" in c] == [composer.pack.currentText()], cases
    model = view.model
    row = view.table.currentIndex().row()
    assert model.index(row, model.ID).data() == "121"
    assert model.index(row, model.CASE).data() == composer.pack.currentText()
    title = model.index(row, model.TITLE).data()
    assert title and not title.startswith("IRS"), title


def test_drafts_saved_in_a_new_log_are_all_its_case_shows(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, 1)
    case = "IRS-ICE taxpayer address sharing (April 2025 MOU)"
    assert f"showing the 1 draft of case “{case}” — clear the filter (Show all) to see all" in (
        window.banner.text.text()
    )
    assert window.requests.case_choice.currentText() == case


def test_after_saving_the_keyboard_is_in_the_drafts_and_enter_marks_one_filed(
    qtbot, open_window, tmp_path, monkeypatch
):
    """Without a mouse: Ctrl+Return drafts, Alt+S saves, and the keyboard lands in the list
    of drafts waiting to be filed, where Enter opens Mark as filed for the one selected
    (it did nothing, and the focus was left in the choices on the other side)."""
    window = open_window(tmp_path / "new.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.activateWindow()
    composer.pack.setFocus()
    qtbot.keyClick(composer.pack, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: composer.save_button.isEnabled(), timeout=60_000)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(window.session.index) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: composer.steps.currentWidget() is composer.filing)
    drafts = composer.filing.table
    assert window.focusWidget() is drafts and drafts.currentIndex().isValid()
    qtbot.keyClick(drafts, Qt.Key.Key_Return)
    dialog = composer.filing.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Mark as filed — #1"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(window.session.index) == 1


def test_f1_names_the_composers_keys(qtbot, open_window, tmp_path):
    """The keys that draft and file without a mouse are listed where a user looks for them."""
    from PySide6.QtWidgets import QLabel

    window = open_window(tmp_path / "new.sqlite3")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialog
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert "<b>Ctrl+Return</b>" in said and "Draft the letters (Compose)" in said
    assert "Mark the selected draft as filed (Compose, Mark as filed)" in said
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_agenda_points_to_drafts_waiting_to_be_filed(qtbot, open_window, tmp_path, monkeypatch):
    """Letters drafted and saved have no deadline until they are sent: the agenda, empty of
    deadlines, used to say nothing was to be done. It offers the drafts to mark as filed."""
    from PySide6.QtWidgets import QDialogButtonBox

    window = open_window(tmp_path / "new.sqlite3")
    composer = _compose_for_ice(qtbot, window)
    _draft_and_save(qtbot, window, composer, tmp_path / "letters", monkeypatch, letters=1)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    agenda = window.agenda
    assert agenda.summary.text().startswith("0 overdue")
    assert agenda.drafts_button.isVisible() and agenda.drafts_button.text() == "1 draft to mark as filed…"
    qtbot.mouseClick(agenda.drafts_button, LEFT)
    panel = composer.filing
    assert window.tabs.currentWidget() is composer and composer.steps.currentWidget() is panel
    assert window.focusWidget() is panel.table and panel.selected() == 1
    panel.filed_on.setDate(date(2026, 11, 25))
    qtbot.mouseClick(panel.mark_button, LEFT)
    qtbot.mouseClick(panel.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=20_000)
    window.show_view(0)
    assert not agenda.drafts_button.isVisible()
    assert agenda.model.count("later") == 1  # its response deadline, now counting


def test_saving_again_into_the_same_folder_asks_before_replacing(qtbot, open_window, tmp_path, monkeypatch):
    """The same letters drafted again the same day and saved into the same folder (the first
    ones perhaps sent already): FoiaDesk asks, naming the file; Cancel writes and logs
    nothing; Yes replaces them. They used to be replaced without a word."""
    from PySide6.QtWidgets import QMessageBox

    window = open_window(tmp_path / "new.sqlite3")
    window.show_view(3)
    composer = window.composer
    offices = composer.components
    for i in range(offices.count()):
        keep = offices.item(i).data(Qt.ItemDataRole.UserRole) == "ICE"
        offices.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    out = tmp_path / "letters"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda _p, _t, text, *a: asked.append(text) or answer[0])
    )

    def draft_and_save():
        qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: composer.letters.count() == 1 and composer.save_button.isEnabled(), timeout=30_000
        )
        qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)

    draft_and_save()
    qtbot.waitUntil(lambda: len(window.session.index) == 1, timeout=10_000)
    (letter,) = out.iterdir()
    assert asked == []  # a new name: nothing to ask
    sent = letter.read_bytes()

    composer.fee_waiver.setChecked(True)  # a different letter, the same name
    draft_and_save()
    assert asked == [
        f"{out} already holds {letter.name}. Replace it with what was drafted now? The letters logged "
        "before keep their own copies in the log. To keep both, choose Cancel and another folder."
    ]
    qtbot.wait(300)
    assert letter.read_bytes() == sent and len(window.session.index) == 1

    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.index) == 2, timeout=10_000)
    assert letter.read_bytes() != sent


def test_a_profile_saved_in_windows_ansi_is_explained_not_a_crash(qtbot, open_window, tmp_path, monkeypatch):
    """Load a profile file… on a profile saved by Notepad as "ANSI" (Windows-1252), with an
    accent in the name: Compose says to save it again as UTF-8 and keeps what it had (the
    read raised past the button, a traceback to the error log)."""
    profile = tmp_path / "jose.toml"
    text = 'name = "José Núñez"\nemail = "jose@example.org"\naddress = "1 Main St"\nfee_category = "media"\n'
    profile.write_bytes(text.encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(profile), "")))
    window = open_window(tmp_path / "new.sqlite3")
    window.show_view(3)
    composer = window.composer
    before = composer.name.text()
    qtbot.mouseClick(composer.load_profile_button, Qt.MouseButton.LeftButton)
    assert composer.warnings.text() == (
        "jose.toml is not saved as UTF-8 text, as a profile must be: open it in a text editor and "
        "save it again with the encoding UTF-8."
    )
    assert composer.name.text() == before
