"""A reporter's whole journey through the window, by clicks and keys only: an empty log →
a requester profile → the IRS–ICE case pack → three letters drafted and saved (the Save
button, clicked) → each marked filed (portal and email) → an acknowledgment with a
tracking number → an extension → a request for information and its answer → a partial
denial citing (b)(5) and (b)(6) → the appeal drafted from the appeal window's Next step…
and logged as sent → a reply imported from the menu and one dropped on the window → the evidence
bundle, the list and the calendar exported. Only the OS file dialogs are answered by the
test. Expected dates are worked out from the statute and the OPM calendar, not read back
from FoiaDesk.

Each step is a method of ``Journey``, run in the order of ``STEPS``: a later step (such as
drafting and filing the appeal) is added by writing its method and naming it in STEPS.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

from conftest import REPLIES, TODAY, menu_action, wait_idle
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from test_correspondence_import import drop, review

from foiadesk.ui.correspondence import controller
from foiadesk.ui.dialogs.event import EventDialog
from foiadesk.ui.dialogs.profile import ProfileDialog

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
TIMEOUT = 20_000
CASE_TITLE = "IRS-ICE taxpayer address sharing (April 2025 MOU)"


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, LEFT)


def type_date(qtbot, edit, day: date):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, day.isoformat())
    assert edit.date().toPython() == day


def type_text(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


class Journey:
    """The window and what the steps have learned (request numbers, files written)."""

    def __init__(self, qtbot, window, answers, tmp_path):
        self.qtbot, self.window, self.answers, self.tmp = qtbot, window, answers, tmp_path
        self.ids: dict[str, int] = {}

    # -- helpers -------------------------------------------------------------------------

    def press(self, key, modifier=CTRL):
        window = self.window
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.qtbot.keyClick(window.focusWidget() or window, key, modifier)

    def row(self, request_id):
        model = self.window.requests.model
        return {h: model.index(model.row_of(request_id), c).data() for c, h in enumerate(model.HEADERS)}

    def log_event(self, key, fill):
        """Select the request in the list, Ctrl+L, fill in, click Log event; the preview."""
        window = self.window
        self.press(Qt.Key.Key_2)
        window.requests.show_request(self.ids[key])
        self.press(Qt.Key.Key_L)
        self.qtbot.waitUntil(lambda: isinstance(window.dialog, EventDialog) and window.dialog.isVisible())
        dialog = window.dialog
        fill(dialog)
        preview = dialog.changes.text()
        click(self.qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
        self.qtbot.waitUntil(lambda: window.dialog is None, timeout=TIMEOUT)  # closed (Qt deletes it)
        wait_idle(self.qtbot, window)
        return preview

    def choose_type(self, dialog, key):
        dialog.type.setCurrentIndex(dialog.type.findData(key))

    # -- the steps -----------------------------------------------------------------------

    def first_run(self):
        agenda = self.window.agenda
        assert self.window.tabs.currentWidget() is agenda and agenda.is_welcome()

    def requester_profile(self):
        qtbot, window = self.qtbot, self.window
        welcome = window.agenda.welcome
        click(qtbot, welcome.profile_button)
        dialog = window.dialog
        assert isinstance(dialog, ProfileDialog)
        qtbot.keyClicks(dialog.name, "Maya Okafor")
        qtbot.keyClicks(dialog.organization, "Ridgeline Public Media")
        qtbot.keyClicks(dialog.email, "maya.okafor@ridgeline.example")
        # the letters are signed from a mailing address: drafting refuses a profile without one
        qtbot.keyClicks(dialog.address, "415 Alder Street")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.address, "Portland, OR 97204")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(
            lambda: welcome.profile_note.text().startswith("✓ Saved: Maya Okafor"), timeout=TIMEOUT
        )

    def case_pack(self):
        qtbot, window = self.qtbot, self.window
        click(qtbot, window.agenda.welcome.pack_button)
        qtbot.waitUntil(lambda: window.cases.model.rowCount() > 0, timeout=TIMEOUT)
        assert window.tabs.currentWidget() is window.cases
        assert window.cases.case.currentText() == CASE_TITLE

    def compose(self):
        qtbot, window = self.qtbot, self.window
        self.press(Qt.Key.Key_4)
        composer = window.composer
        assert composer.name.text() == "Maya Okafor"  # the profile just saved
        offices = composer.components
        for i in range(offices.count()):
            item = offices.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in ("ICE", "IRS", "TIGTA")
            if (item.checkState() == Qt.CheckState.Checked) != wanted:
                offices.scrollToItem(item)
                rect = offices.visualItemRect(item)
                box = rect.topLeft() + type(rect.topLeft())(10, rect.height() // 2)  # the tick box
                qtbot.mouseClick(offices.viewport(), LEFT, pos=box)
        checked = [offices.item(i) for i in range(offices.count())]
        checked = [
            i.data(Qt.ItemDataRole.UserRole) for i in checked if i.checkState() == Qt.CheckState.Checked
        ]
        assert sorted(checked) == ["ICE", "IRS", "TIGTA"]
        type_date(qtbot, composer.letter_date, date(2026, 9, 25))
        click(qtbot, composer.draft_button)
        qtbot.waitUntil(lambda: composer.letters.count() == 3, timeout=30_000)
        assert "Maya Okafor" in composer.preview.toPlainText()

    def save(self):
        qtbot, window = self.qtbot, self.window
        composer = window.composer
        out = self.tmp / "letters"
        out.mkdir()
        asked = []
        original = QFileDialog.getExistingDirectory
        QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: asked.append(a) or str(out))
        try:
            click(qtbot, composer.save_button)
        finally:
            QFileDialog.getExistingDirectory = staticmethod(original)
        model = window.requests.model
        qtbot.waitUntil(lambda: model.total() == 3, timeout=TIMEOUT)
        assert asked and sorted(p.name.rsplit("_", 2)[-2] for p in out.glob("*.docx")) == [
            "ICE",
            "IRS",
            "TIGTA",
        ]
        for r in range(3):
            self.ids[model.index(r, model.COMPONENT).data()] = int(model.index(r, model.ID).data())
        assert {self.row(i)["Status"] for i in self.ids.values()} == {"Draft"}

    def mark_filed(self):
        qtbot, window = self.qtbot, self.window
        filing = window.composer.filing
        assert window.composer.steps.currentWidget() is filing
        for key, channel, number in (
            ("ICE", "portal", "ICE-PORTAL-0001"),
            ("IRS", "email", ""),
            ("TIGTA", "email", ""),
        ):
            row = filing.model.row_of(self.ids[key])
            qtbot.mouseClick(
                filing.table.viewport(),
                LEFT,
                pos=filing.table.visualRect(filing.model.index(row, 1)).center(),
            )
            type_date(qtbot, filing.filed_on, date(2026, 9, 28))
            filing.channel.setCurrentIndex(filing.channel.findData(channel))
            if number:
                type_text(qtbot, filing.confirmation, number)
            click(qtbot, filing.mark_button)
            dialog = filing.dialog  # what the letter asks is recorded with the filing: review it
            qtbot.waitUntil(dialog.isVisible)
            assert dialog.filed_on.date().toPython() == date(2026, 9, 28)
            assert dialog.channel.currentData() == channel
            click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
            qtbot.waitUntil(lambda k=key: filing.model.row_of(self.ids[k]) is None, timeout=TIMEOUT)
        ice = self.row(self.ids["ICE"])
        assert ice["Status"] == "Filed" and ice["Filed"] == "2026-09-28"
        # 20 working days from 2026-09-28 (Columbus Day, 2026-10-12, is a holiday): 2026-10-27
        assert ice["Due"] == "2026-10-27"

    def acknowledgment(self):
        def fill(dialog):
            self.choose_type(dialog, "acknowledged")
            type_date(self.qtbot, dialog.occurred, date(2026, 10, 2))
            click(self.qtbot, dialog.received.given)
            type_date(self.qtbot, dialog.received.edit, date(2026, 9, 29))
            self.qtbot.keyClicks(dialog.tracking, "2026-ICFO-41872")

        preview = self.log_event("ICE", fill)
        assert "Status: Filed → <b>Processing</b>" in preview
        ice = self.row(self.ids["ICE"])
        assert "2026-ICFO-41872" in ice["Tracking no."] and ice["Status"] == "Processing"
        # Counted from the agency's receipt, 2026-09-29: 20 working days, Columbus Day off
        assert ice["Due"] == "2026-10-28"

        # The IRS and TIGTA acknowledge too, each with its own number
        for key, on, received, number in (
            ("IRS", date(2026, 10, 1), date(2026, 9, 29), "2026-IRS-FOIA-000987"),
            ("TIGTA", date(2026, 10, 20), date(2026, 10, 19), "2027-FOIA-00031"),
        ):

            def ack(dialog, on=on, received=received, number=number):
                assert dialog.type.currentData() == "acknowledged"  # what a filed request waits for
                type_date(self.qtbot, dialog.occurred, on)
                click(self.qtbot, dialog.received.given)
                type_date(self.qtbot, dialog.received.edit, received)
                self.qtbot.keyClicks(dialog.tracking, number)

            self.log_event(key, ack)
            assert number in self.row(self.ids[key])["Tracking no."]

    def extension(self):
        def fill(dialog):
            self.choose_type(dialog, "extension_notice")
            type_date(self.qtbot, dialog.occurred, date(2026, 10, 20))

        preview = self.log_event("ICE", fill)
        # 10 more working days (Veterans Day, 2026-11-11, off)
        assert "2026-10-28 → <b>due 2026-11-12</b>" in preview
        assert self.row(self.ids["ICE"])["Due"] == "2026-11-12"

    def request_for_information(self):
        def asked(dialog):
            self.choose_type(dialog, "info_requested")
            type_date(self.qtbot, dialog.occurred, date(2026, 10, 9))

        def answered(dialog):
            self.choose_type(dialog, "info_answered")
            type_date(self.qtbot, dialog.occurred, date(2026, 10, 14))

        self.log_event("IRS", asked)
        assert self.row(self.ids["IRS"])["Status"] == "Waiting on requester"
        preview = self.log_event("IRS", answered)
        assert "Response due" in preview
        assert self.row(self.ids["IRS"])["Next deadline · owed by"].endswith("· agency")

    def partial_denial(self):
        def fill(dialog):
            self.choose_type(dialog, "determination")
            type_date(self.qtbot, dialog.occurred, date(2026, 11, 17))
            dialog.outcome.setCurrentIndex(dialog.outcome.findData("partial"))

            type_text(self.qtbot, dialog.exemptions, "b5, b6")

        preview = self.log_event("ICE", fill)
        assert "Appeal the partial denial by · you</b> (new)" in preview
        ice = self.row(self.ids["ICE"])
        assert ice["Status"] == "Partly granted"
        # DHS rules (6 CFR 5.8(a)): 90 working days after the letter; Thanksgiving,
        # Christmas, New Year's Day, King's Birthday and Washington's Birthday are off
        assert ice["Due"] == "2027-03-30"

    def appeal(self):
        """Draft the appeal from the appeal window's Next step…, then log it as sent."""
        window, qtbot = self.window, self.qtbot
        self.press(Qt.Key.Key_2)
        window.requests.show_request(self.ids["ICE"])
        detail = window.requests.detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == "Partly granted")
        actions = detail.filing_actions
        row = next(
            r for r in range(detail.clocks.rowCount()) if "ppeal" in (detail.clocks.index(r, 0).data() or "")
        )
        detail.clock_table.setCurrentIndex(detail.clocks.index(row, 0))
        click(qtbot, actions.next_button)
        followup = actions.dialog
        assert followup.kind.currentData() == "appeal"
        click(qtbot, followup.buttons.button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
        wait_idle(qtbot, window)
        text = "\n".join(p.text for p in Document(io.BytesIO(actions.last_followup.docx)).paragraphs)
        for fact in (
            "determination of November 17, 2026",
            "Exemption 5",
            "Exemption 6",
            "Washington, DC 20536",
        ):
            assert fact in text, fact

        def sent(dialog):
            self.choose_type(dialog, "appeal_filed")
            type_date(self.qtbot, dialog.occurred, date(2026, 11, 24))

        preview = self.log_event("ICE", sent)
        assert "Appeal decision" in preview
        assert self.row(self.ids["ICE"])["Status"].startswith("Appeal")

    def import_by_menu(self):
        window = self.window
        self.answers.open = [REPLIES / "irs-full-release.eml"]
        menu_action(window, "Log", "Import agency reply…").trigger()
        dialog = review(self.qtbot, window)
        assert dialog.request_id() == self.ids["IRS"]
        assert "2026-IRS-FOIA-000987" in dialog.how_chosen.text()
        click(self.qtbot, dialog.accept_button)
        importer = controller(window).importer
        self.qtbot.waitUntil(lambda: importer.dialog is None, timeout=TIMEOUT)
        wait_idle(self.qtbot, window)
        assert self.row(self.ids["IRS"])["Status"] == "Granted in full"

    def import_by_drop(self):
        window = self.window
        assert drop(window, REPLIES / "tigta-extension.msg")
        dialog = review(self.qtbot, window)
        assert dialog.request_id() == self.ids["TIGTA"]
        click(self.qtbot, dialog.accept_button)
        importer = controller(window).importer
        self.qtbot.waitUntil(lambda: importer.dialog is None, timeout=TIMEOUT)
        wait_idle(self.qtbot, window)
        detail = window.requests.detail
        assert detail.request_id == self.ids["TIGTA"]
        timeline = [detail.events.index(r, 2).data() for r in range(detail.events.rowCount())]
        assert any(t.startswith("Unusual-circumstances extension") or "xtension" in t for t in timeline)

    def export(self):
        window, qtbot = self.window, self.qtbot
        exporter = controller(window).exporter
        window.requests.show_request(self.ids["ICE"])
        self.answers.save = self.tmp / "ice-bundle.zip"
        exporter.last_result = None
        menu_action(window, "Request", "Export evidence bundle…").trigger()
        qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=TIMEOUT)
        with zipfile.ZipFile(self.answers.save) as zf:
            names = zf.namelist()
            manifest = json.loads(zf.read(next(n for n in names if n.endswith("manifest.json"))))
        assert any(n.endswith("_ICE_FOIA-request.docx") for n in names)
        assert len(manifest["files"]) == len(names) - 1

        window.requests.set_filter()
        self.answers.save = self.tmp / "requests.csv"
        exporter.last_result = None
        menu_action(window, "Log", "Export list (CSV/XLSX)…").trigger()
        qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=TIMEOUT)
        with open(self.answers.save, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 3

        self.answers.save = self.tmp / "deadlines.ics"
        exporter.last_result = None
        menu_action(window, "Log", "Export calendar (.ics)…").trigger()
        qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=TIMEOUT)
        text = self.answers.save.read_text()
        # The ICE appeal, sent Tuesday 2026-11-24 (received that day, assumed): 20 working days,
        # Thanksgiving (11-26) off, give the appeal decision's date, 2026-12-23.
        assert "BEGIN:VEVENT" in text and "20261223" in text


STEPS = (
    "first_run",
    "requester_profile",
    "case_pack",
    "compose",
    "save",
    "mark_filed",
    "acknowledgment",
    "extension",
    "request_for_information",
    "partial_denial",
    "appeal",
    "import_by_menu",
    "import_by_drop",
    "export",
)


def test_from_an_empty_log_to_exported_evidence(qtbot, open_window, answers, tmp_path, monkeypatch):
    monkeypatch.setattr("foiadesk.core.letters.pdf.soffice", lambda: None)
    reported = []
    window = open_window(tmp_path / "mine.sqlite3")
    window.session.failed.connect(reported.append)
    assert window.session.today() == TODAY
    journey = Journey(qtbot, window, answers, tmp_path)
    for step in STEPS:
        getattr(journey, step)()
        assert reported == [], f"after {step}: {reported}"
