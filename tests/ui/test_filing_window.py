"""Filing and following up by clicking in the window: the issue's acceptance scenario.

ICE and TIGTA drafted with a fee waiver and expedited processing → Portal fields… shows
each FOIA.gov field with a Copy button and no problems → File… records the confirmation
(not a tracking number) and a proof file, and the expedite clock starts (10 calendar days
after Thu 2026-10-01: 2026-10-11) → after an acknowledgment and a partial denial citing
(b)(5) and (b)(6), the appeal window's Next step… drafts the appeal, logged on the request;
the deadlines' context menus draft the OGIS request and the complaint outline from the log.
Only the OS file dialogs are stubbed."""

import email
from datetime import date
from decimal import Decimal
from email.policy import default

import pytest
from conftest import TODAY, wait_loaded
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton

from foiadesk.core.letters.compose import choose_categories, docx_text, draft_requests, save_drafts
from foiadesk.core.letters.content import DraftOptions
from foiadesk.core.letters.followups import record_determination
from foiadesk.core.letters.profiles import load_profile
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.casepack import shipped_case_packs
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.store import log
from foiadesk.core.store.db import connect
from foiadesk.ui.dialogs import filing as filing_dialogs

TIMEOUT = 15_000
TRACKING = "2026-ICFO-04417"
CONFIRMATION = "DHS portal submission 2026-1013-0042"
DHS_PORTAL = "Send it through its portal at https://www.dhs.gov/foia."  # 6 CFR 5.3(a)(2)


@pytest.fixture
def drafted(tmp_path):
    path = tmp_path / "log.sqlite3"
    db = connect(path)
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    directory = load_directory()
    options = DraftOptions(
        letter_date=date(2026, 10, 1),
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    categories = choose_categories(pack, "mou-text-and-drafts,ice-requests,tigta-evaluation")
    requester = load_profile(RESOURCES / "profiles" / "example.toml")
    comps = [directory.component(a) for a in ("ICE", "TIGTA")]
    drafts = draft_requests(requester, pack, categories, comps, options)
    save_drafts(db, pack, drafts, options, [tmp_path / d.filename for d in drafts], requester=requester)
    db.close()
    return path


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def clock_row(detail, key):
    return detail.clocks.row_of(key)


def click_clock(qtbot, detail, key):
    """Click the deadline ``key`` in the request's list of deadlines, as the user does."""
    table = detail.clock_table
    rect = table.visualRect(detail.clocks.index(clock_row(detail, key), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentIndex().row() == clock_row(detail, key)


def on_its_missed_response(qtbot, open_window, drafted):
    """Request 2 filed by email on 2026-10-01 (its response is overdue), shown with that
    deadline clicked."""
    db = connect(drafted)
    log.record_event(db, 2, log.NewEvent("filed", date(2026, 10, 1), channel="email"))
    db.close()
    window = open_window(drafted)
    window.open_request(2)
    click_clock(qtbot, window.requests.detail, "response")
    return window


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_step_on(qtbot, window, request_id, clock):
    """Open the request, click its deadline ``clock`` and then Next step…, as the user does:
    the request's filing actions and the dialog they opened."""
    window.open_request(request_id)
    detail = window.requests.detail
    click_clock(qtbot, detail, clock)
    actions = detail.filing_actions
    click(qtbot, actions.next_button)
    return actions, actions.dialog


def test_file_and_follow_up_by_clicking(qtbot, open_window, drafted, tmp_path, monkeypatch):
    proof = tmp_path / "confirmation page.pdf"
    proof.write_bytes(b"%PDF-1.4 DHS portal confirmation")
    monkeypatch.setattr(filing_dialogs, "choose_proof_file", lambda parent: proof)
    window = open_window(drafted)
    window.open_request(1)
    detail = window.requests.detail
    actions = detail.filing_actions
    assert actions.file_button.isVisible() and actions.portal_button.isVisible()
    assert not actions.next_button.isEnabled()  # a draft has no deadline yet

    # Portal fields: every field of FOIA.gov's ICE form, each with a Copy button
    click(qtbot, actions.portal_button)
    portal = actions.dialog
    # headed with the office as the window names it, not FOIA.gov's name for its form ("DHS-ICE")
    head = next(w.text() for w in portal.findChildren(QLabel) if "paste each field into" in w.text())
    assert portal.isVisible() and head.startswith("<b>ICE</b>: paste each field into "), head
    assert portal.problems.text() == "Every field passes the form's rules."
    assert list(portal.copy_buttons)[:2] == ["name_first", "name_last"]
    click(qtbot, portal.copy_buttons["fee_amount_willing"])
    assert QApplication.clipboard().text() == "$100"
    click(qtbot, portal.copy_buttons["request_category"])  # the drop-down's words on dhs_ice's form
    assert QApplication.clipboard().text() == "Representative of the news media"
    click(qtbot, portal.copy_buttons["request_description"])
    assert QApplication.clipboard().text().startswith("Under the Freedom of Information Act, 5 U.S.C. 552,")
    assert portal.copy_buttons["request_description"].text() == "Copied"
    portal.reject()

    # File…: what the letter asks for is ticked; the confirmation and proof go with the filing
    click(qtbot, actions.file_button)
    dialog = actions.dialog
    assert dialog.channel.currentData() == "portal"  # DHS: portal only since 2026-01-22
    assert "6 CFR 5.3(a)(2)" in dialog.channel_note.text()
    assert dialog.expedite.isChecked() and dialog.waiver.isChecked() and dialog.cap.value() == 100
    dialog.filed_on.setDate(date(2026, 10, 1))
    qtbot.keyClicks(dialog.confirmation, CONFIRMATION)
    click(qtbot, dialog.proof_button)
    assert dialog.proof_label.text() == "confirmation page.pdf"
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == "Filed", timeout=TIMEOUT)
    model = window.requests.model
    row = model.row_of(1)
    assert model.index(row, model.HEADERS.index("Tracking no.")).data() in ("", "—")
    expedite = clock_row(detail, "expedite")
    assert detail.clocks.index(expedite, 1).data().startswith("2026-10-11")
    timeline = [detail.events.index(r, 2).data() for r in range(detail.events.rowCount())]
    assert f"Filed: confirmation {CONFIRMATION}" in timeline
    assert "Fee waiver requested: Asked in the request letter" in timeline
    assert not actions.file_button.isVisible()

    # The agency acknowledges and partly denies (imported or logged; here through the core)
    db = connect(drafted)
    log.record_event(
        db,
        1,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "b6"])
    db.close()
    window.session.reload()
    wait_loaded(qtbot, window)
    window.open_request(1)
    qtbot.waitUntil(lambda: detail.view.status == "Partly granted", timeout=TIMEOUT)

    # The appeal window's next step: the appeal, drafted from the log and logged on the request
    click_clock(qtbot, detail, "appeal_window:partial")
    assert actions.next_button.isEnabled()
    click(qtbot, actions.next_button)
    followup = actions.dialog
    assert followup.kind.currentData() == "appeal"
    click(qtbot, ok(followup))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    appeal = docx_text(actions.last_followup.docx)
    for fact in (
        f"Re: Request {TRACKING}, “",  # the request's own records, named in its subject line
        ", submitted October 1, 2026 to ICE; determination of November 20, 2026",
        # the appeals office did not decide: the appeal names who did
        "I appeal the determination of November 20, 2026 by U.S. Immigration and Customs "
        "Enforcement (ICE), which",
        "Exemption 5 (5 U.S.C. 552(b)(5))",
        "Exemption 6 (5 U.S.C. 552(b)(6))",
        "500 12th Street SW, Mail Stop 5900\nWashington, DC 20536-5900",
    ):
        assert fact in appeal, fact
    qtbot.waitUntil(
        lambda: any(
            (detail.events.index(r, 2).data() or "").startswith("Drafted: Administrative appeal (")
            for r in range(detail.events.rowCount())
        ),
        timeout=TIMEOUT,
    )

    # The missed response deadline's context menu: OGIS, from the log's facts
    def from_menu(key, label):
        table = detail.clock_table
        row = clock_row(detail, key)
        table.setCurrentIndex(detail.clocks.index(row, 0))
        pos = table.visualRect(detail.clocks.index(row, 0)).center()
        actions._context_menu(QPoint(pos))
        menu = actions.menu
        action = next(a for a in menu.actions() if a.text() == label)
        menu.close()
        action.trigger()
        before = actions.last_followup
        click(qtbot, ok(actions.dialog))
        qtbot.waitUntil(lambda: actions.last_followup is not before, timeout=TIMEOUT)
        return docx_text(actions.last_followup.docx)

    ogis = from_menu("response", "Draft: Request for OGIS mediation…")
    assert "Office of Government Information Services" in ogis and TRACKING in ogis
    # what the determination did, then (once) the exemptions it cited
    assert "the determination of November 20, 2026, which withheld records in part." in ogis
    assert "The determination withheld records under Exemption 5 and Exemption 6." in ogis
    assert "ran out on November 2, 2026; the determination came only on November 20, 2026." in ogis
    assert "A fuller explanation of each withholding" in ogis
    outline = from_menu("exhaustion", "Draft: Pro se complaint outline…")
    assert "v. Department of Homeland Security" in outline
    # a late answer before any suit: the outline says an appeal is generally expected first
    assert "But it answered on November 20, 2026, before any suit was filed" in outline
    # exhibits are named by what they are, not by their files
    assert "Exhibit B:\tProof that the request was sent, October 1, 2026." in outline
    assert "confirmation page.pdf" not in outline


def test_a_follow_up_the_log_cannot_support_is_explained_in_the_dialog(qtbot, open_window, drafted):
    window = on_its_missed_response(qtbot, open_window, drafted)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.next_button)
    dialog = actions.dialog
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == ["status", "liaison", "ogis"]  # the response deadline was missed
    dialog.kind.setCurrentIndex(kinds.index("liaison"))
    click(qtbot, ok(dialog))
    assert dialog.isVisible()
    assert "no agency tracking number yet" in dialog.error.text()
    dialog.kind.setCurrentIndex(kinds.index("status"))  # the inquiry asks for the number
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    assert "5 U.S.C. 552(a)(7)(A)" in docx_text(actions.last_followup.docx)


def test_the_agenda_offers_each_deadlines_next_step(qtbot, open_window, drafted):
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(
        db,
        1,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "b6"])
    db.close()
    window = open_window(drafted)
    window.show_view(0)
    agenda = window.agenda
    group = agenda.model.group_index("later", "requester")
    rows = [agenda.model.index(r, 0, group) for r in range(agenda.model.rowCount(group))]
    appeal = next(i for i in rows if i.siblingAtColumn(2).data() == "Appeal the partial denial by")
    assert agenda.next_steps.steps_at(appeal) == (1, ["appeal", "ogis"])
    agenda.table.scrollTo(appeal)
    agenda.next_steps._context_menu(agenda.table.visualRect(appeal).center())
    menu = agenda.next_steps.menu
    action = next(a for a in menu.actions() if a.text() == "Draft: Administrative appeal…")
    menu.close()
    action.trigger()
    click(qtbot, ok(agenda.next_steps.dialog))
    qtbot.waitUntil(lambda: agenda.next_steps.last_followup is not None, timeout=TIMEOUT)
    assert "Exemption 6 (5 U.S.C. 552(b)(6))" in docx_text(agenda.next_steps.last_followup.docx)


def test_filing_the_same_text_again_warns_and_names_the_earlier_request(
    qtbot, open_window, drafted, tmp_path
):
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    options = DraftOptions(
        letter_date=date(2026, 10, 1),
        fee_cap=Decimal("100"),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    requester = load_profile(RESOURCES / "profiles" / "example.toml")
    comps = [load_directory().component(a) for a in ("ICE", "TIGTA")]  # the same set again
    categories = choose_categories(pack, "mou-text-and-drafts,ice-requests,tigta-evaluation")
    drafts = draft_requests(requester, pack, categories, comps, options)
    targets = [tmp_path / f"again-{d.filename}" for d in drafts]
    again = min(save_drafts(db, pack, drafts, options, targets, requester=requester).request_ids)
    db.close()
    window = open_window(drafted)
    window.open_request(again)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.file_button)
    dialog = actions.dialog
    assert dialog.duplicate.isVisible()
    assert "already filed with this office: request #1 (" in dialog.duplicate_note.text()
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: "File it anyway only if" in dialog.error.text(), timeout=TIMEOUT)
    assert window.requests.detail.view.status == "Draft"
    dialog.duplicate.setChecked(True)
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: window.requests.detail.view.status == "Filed", timeout=TIMEOUT)


def test_a_drafted_follow_up_says_where_it_went(qtbot, open_window, drafted, monkeypatch):
    """Draft and log closes the dialog; the window then says what was drafted and where it is."""
    window = on_its_missed_response(qtbot, open_window, drafted)
    window.banner.hide()
    detail = window.requests.detail
    actions = detail.filing_actions
    click(qtbot, actions.next_button)
    click(qtbot, ok(actions.dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    said = window.banner.text.text()
    assert window.banner.isVisible() and said.startswith("Drafted the status inquiry for #2"), said
    assert actions.last_followup.filename in said and "it is selected there: press Enter" in said
    # The letter is selected on the timeline, the keyboard on it: Enter opens it
    event = detail.selected_event()
    assert event is not None and detail.events.event(event).summary.startswith("Follow-up drafted: Status")
    # …and its row reads as one says it: drafted, what, in which file (not "Drafted: Follow-up drafted: …")
    row = detail.events.row_of(event)
    said = detail.events.index(row, 2).data()
    assert said == f"Drafted: Status inquiry ({actions.last_followup.filename})", said
    assert window.focusWidget() is detail.event_table and detail.open_button.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.keyClick(detail.event_table, Qt.Key.Key_Return)
    assert [u.fileName() for u in opened] == [actions.last_followup.filename]


def test_a_follow_up_drafted_from_the_agenda_says_where_it_went(qtbot, open_window, drafted):
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    ack = log.NewEvent("acknowledged", date(2026, 10, 6), tracking_number=TRACKING)
    log.record_event(db, 1, ack)
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "b6"])
    db.close()
    window = open_window(drafted)
    window.show_view(0)
    window.banner.hide()
    agenda = window.agenda
    group = agenda.model.group_index("later", "requester")
    rows = [agenda.model.index(r, 0, group) for r in range(agenda.model.rowCount(group))]
    appeal = next(i for i in rows if i.siblingAtColumn(2).data() == "Appeal the partial denial by")
    agenda.table.scrollTo(appeal)
    agenda.table.customContextMenuRequested.emit(agenda.table.visualRect(appeal).center())
    action = next(a for a in agenda.next_steps.menu.actions() if a.text() == "Draft: Administrative appeal…")
    agenda.next_steps.menu.close()
    action.trigger()
    click(qtbot, ok(agenda.next_steps.dialog))
    qtbot.waitUntil(lambda: agenda.next_steps.last_followup is not None, timeout=TIMEOUT)
    said = window.banner.text.text()
    assert window.banner.isVisible() and said.startswith("Drafted the administrative appeal for #1"), said


def test_a_rows_right_click_drafts_its_next_step(qtbot, open_window, drafted):
    """Right-click a request in the list: the letters its deadlines call for are offered,
    and one drafts as from the request's Next step…."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(db, 1, log.NewEvent("acknowledged", date(2026, 10, 6), tracking_number=TRACKING))
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5", "b6"])
    db.close()
    window = open_window(drafted)
    window.show_view(1)
    table, model = window.requests.table, window.requests.model
    pos = table.visualRect(model.index(model.row_of(1), 2)).center()
    table.customContextMenuRequested.emit(pos)  # what a right click on the row does
    texts = [a.text() for a in window._menu.actions() if not a.isSeparator()]
    assert texts == [
        "Log &event…",
        "&Open the request",
        "Draft: Administrative appeal…",
        "Draft: Request for OGIS mediation…",
    ]
    window._menu.close()
    next(a for a in window._menu.actions() if a.text() == "Draft: Administrative appeal…").trigger()
    actions = window.requests.detail.filing_actions
    assert window.requests.current_request_id() == 1
    assert actions.dialog.kind.currentData() == "appeal"
    click(qtbot, ok(actions.dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    assert "Exemption 6 (5 U.S.C. 552(b)(6))" in docx_text(actions.last_followup.docx)
    assert window.banner.text.text().startswith("Drafted the administrative appeal for #1")


def test_esc_while_a_filing_is_written_leaves_the_dialog_to_say_it_was_filed(
    qtbot, open_window, drafted, monkeypatch
):
    """Mark as filed, then Esc before the write is done (a busy log): the filing is recorded
    either way, so the dialog stays until it is, as the log-event dialog does."""
    import threading

    written = threading.Event()
    real = filing_dialogs.file_request

    def slow(*args, **kwargs):
        written.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(filing_dialogs, "file_request", slow)
    window = open_window(drafted)
    window.open_request(1)
    detail = window.requests.detail
    actions = detail.filing_actions
    click(qtbot, actions.file_button)
    dialog = actions.dialog
    dialog.filed_on.setDate(date(2026, 10, 1))
    closed = []
    dialog.finished.connect(closed.append)
    click(qtbot, ok(dialog))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not closed
    written.set()
    qtbot.waitUntil(lambda: bool(closed), timeout=TIMEOUT)
    assert closed == [QDialog.DialogCode.Accepted]
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == "Filed", timeout=TIMEOUT)


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_the_portal_fields_show_their_values_whole(qtbot, open_window, drafted, size):
    """Each one-line value of Portal fields… (an address, the letter's file name) can be
    read whole before it is copied into the agency's form."""
    from PySide6.QtWidgets import QLineEdit

    window = open_window(drafted)
    window.resize(*size)
    window.open_request(1)
    click(qtbot, window.requests.detail.filing_actions.portal_button)
    portal = window.requests.detail.filing_actions.dialog
    qtbot.waitUntil(portal.isVisible)
    assert portal.frameGeometry().width() <= window.screen().availableGeometry().width()
    lines = [v for v in portal.values.values() if isinstance(v, QLineEdit)]
    assert any(v.text().endswith(".docx") for v in lines)
    cut = [v.text() for v in lines if v.fontMetrics().horizontalAdvance(v.text()) + 12 > v.width()]
    assert not cut, (cut, {v.width() for v in lines})
    portal.reject()


def test_an_answer_left_empty_is_asked_for_in_the_dialogs_words(qtbot, open_window, drafted):
    """The agency asked for information; Next step… offers the answer, and Draft and log
    with the answer left empty asks for "your answer" (the field's name), drafting nothing."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 11, 2), channel="portal"))
    log.record_event(db, 1, log.NewEvent("acknowledged", date(2026, 11, 5), tracking_number=TRACKING))
    log.record_event(db, 1, log.NewEvent("info_requested", date(2026, 11, 20), named_date=date(2026, 12, 4)))
    db.close()
    window = open_window(drafted)
    actions, dialog = next_step_on(qtbot, window, 1, "reply:info_requested:0")
    assert dialog.kind.currentData() == "info-answer"
    click(qtbot, ok(dialog))
    qtbot.wait(50)
    assert (
        dialog.isVisible()
        and dialog.error.text() == "Write your answer: the information the agency asked for."
    )
    assert actions.last_followup is None
    dialog.reject()


def test_logging_the_determination_moves_next_step_to_the_appeal(qtbot, open_window, drafted):
    """The user has the response deadline in view and logs the partial denial that answers
    it: the screen moves on to the appeal window, and Next step… drafts the appeal, not a
    status inquiry about a request already answered."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(
        db,
        1,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )
    db.close()
    window = open_window(drafted)
    window.open_request(1)
    detail = window.requests.detail
    actions = detail.filing_actions
    click_clock(qtbot, detail, "response")
    click(qtbot, detail.log_button)
    dialog = window.dialog
    assert dialog.type.currentData() == "determination"  # what the request waits for
    dialog.occurred.setDate(date(2026, 11, 20))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("partial"))
    qtbot.keyClicks(dialog.exemptions, "b5, b6")
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: detail.view and detail.view.status == "Partly granted", timeout=TIMEOUT)
    shown = detail.clock_table.currentIndex()
    assert shown.data() == "Appeal the partial denial by · you"
    assert actions.next_button.isEnabled()
    click(qtbot, actions.next_button)
    assert actions.dialog.kind.currentData() == "appeal"
    actions.dialog.reject()
    # The answered deadline, looked at again, asks no status: only what its lateness supports
    click_clock(qtbot, detail, "response")
    assert detail.clocks.index(clock_row(detail, "response"), 2).data() == "late, 2026-11-20"
    click(qtbot, actions.next_button)
    kinds = [actions.dialog.kind.itemData(i) for i in range(actions.dialog.kind.count())]
    assert kinds == ["liaison", "ogis"]
    actions.dialog.reject()


def test_filing_from_the_request_screen_says_so_and_taking_it_back_names_it(qtbot, open_window, drafted):
    """File… on the request screen says in the message bar what it recorded (an earlier
    message there no longer stands beside a request now filed); Take back event… names the
    event as the timeline does, not by its internal key."""
    window = open_window(drafted)
    window.open_request(1)
    detail = window.requests.detail
    actions = detail.filing_actions
    window.banner.show_message("An earlier message")
    click(qtbot, actions.file_button)
    dialog = actions.dialog
    dialog.filed_on.setDate(date(2026, 10, 1))
    qtbot.keyClicks(dialog.confirmation, CONFIRMATION)
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.status == "Filed", timeout=TIMEOUT)
    said = window.banner.text.text()
    assert said.startswith("#1 marked as filed on 2026-10-01: ") and CONFIRMATION in said
    filed = next(
        r for r in range(detail.events.rowCount()) if detail.events.index(r, 2).data().startswith("Filed")
    )
    detail.event_table.setCurrentIndex(detail.events.index(filed, 0))
    click(qtbot, detail.void_button)
    box = detail._confirm
    assert box.text().startswith(f"Take back “Filed: confirmation {CONFIRMATION}” of 2026-10-01?")
    box.reject()


def _cut_hints(dialog) -> list[str]:
    """The hints of the dialog's visible one-line fields that do not show whole."""
    from PySide6.QtWidgets import QLineEdit

    return [
        e.placeholderText()
        for e in dialog.findChildren(QLineEdit)
        if e.isVisible() and e.fontMetrics().horizontalAdvance(e.placeholderText()) + 12 > e.width()
    ]


def test_the_next_step_and_profile_dialogs_show_their_hints_whole(qtbot, open_window, drafted):
    """A hint cut short ("the appeal address the deter…") does not say what to type."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    db.close()
    window = open_window(drafted)
    window.resize(1366 - 16, 768 - 48)
    window.open_request(1)
    detail = window.requests.detail
    click_clock(qtbot, detail, "appeal_window:partial")
    click(qtbot, detail.filing_actions.next_button)
    followup = detail.filing_actions.dialog
    qtbot.waitUntil(followup.isVisible)
    assert followup.appeal_address.isVisible()
    assert not _cut_hints(followup)
    followup.reject()
    window.show_view(4)
    add = next(b for b in window.settings_view.findChildren(QPushButton) if b.text() == "&Add a profile…")
    click(qtbot, add)
    profile = window.dialog
    qtbot.waitUntil(profile.isVisible)
    assert not _cut_hints(profile)
    profile.reject()


def test_filing_with_dhs_by_email_is_warned_of_at_once(qtbot, open_window, drafted):
    """ICE takes requests only through the DHS portal: choosing email in Mark as filed says,
    in red, that the request may not count as received; choosing the portal again, the
    usual note comes back."""
    window = open_window(drafted)
    window.show_view(3)
    panel = window.composer.filing
    window.composer.steps.setCurrentWidget(panel)
    panel.select(1)
    assert panel.channel.currentData() == "portal"
    panel.channel.setCurrentIndex(panel.channel.findData("email"))
    click(qtbot, panel.mark_button)
    dialog = panel.dialog
    assert dialog.isVisible() and dialog.channel.currentData() == "email"
    note = dialog.channel_note.text()
    assert note.startswith("⚠ ") and "by email, it may be treated as never received" in note
    dialog.channel.setCurrentIndex(dialog.channel.findData("portal"))
    assert dialog.channel_note.text().startswith(f"{DHS_PORTAL} Since 2026-01-22 DHS")
    dialog.reject()


def test_a_drafted_status_inquiry_is_what_log_event_offers_to_log_next(qtbot, open_window, drafted):
    """Draft the status inquiry Next step… proposes, send it, then Log event…: the dialog
    offers "Status inquiry sent", not an acknowledgment that has not come."""
    window = on_its_missed_response(qtbot, open_window, drafted)
    detail = window.requests.detail
    actions = detail.filing_actions
    click(qtbot, actions.next_button)
    assert actions.dialog.kind.currentData() == "status"
    click(qtbot, ok(actions.dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: detail.events.rowCount() == 3, timeout=TIMEOUT)
    click(qtbot, detail.log_button)
    dialog = window.dialog
    assert dialog.type.currentText() == "Status inquiry sent"
    dialog.reject()


def test_next_step_shows_what_to_check_before_the_appeal_goes(qtbot, open_window, drafted):
    """The notes the command line prints under a drafted follow-up show in Next step…
    while the user fills the letter in: the appeal office the directory has for ICE (its
    address is the determination's to give), and, for a Glomar answer, what its appeal
    needs, naming the dialog's own field. An address typed in answers the office note."""
    db = connect(drafted)
    for request_id, outcome in ((1, "partial"), (2, "glomar")):
        log.record_event(db, request_id, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
        ack = log.NewEvent("acknowledged", date(2026, 10, 6), tracking_number=f"2026-FOIA-0000{request_id}")
        log.record_event(db, request_id, ack)
        record_determination(
            db,
            request_id,
            on=date(2026, 11, 20),
            outcome=outcome,
            exemptions=["b5"] if outcome == "partial" else [],
        )
    db.close()
    window = open_window(drafted)
    detail = window.requests.detail
    actions = detail.filing_actions

    window.open_request(1)
    click_clock(qtbot, detail, "appeal_window:partial")
    click(qtbot, actions.next_button)
    dialog = actions.dialog
    assert dialog.kind.currentData() == "appeal"
    assert dialog.notes.isVisible()
    assert "• Appeal office on file: ICE Office of the Principal Legal Advisor" in dialog.notes.text()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    click(qtbot, dialog.appeal_address)
    qtbot.keyClicks(dialog.appeal_address, "FOIA Appeals, 500 12th Street SW, Washington, DC 20536")
    qtbot.keyClick(dialog.appeal_address, Qt.Key.Key_Tab)
    assert "Appeal office on file" not in dialog.notes.text()
    dialog.reject()

    window.open_request(2)
    click_clock(qtbot, detail, "appeal_window:glomar")
    click(qtbot, actions.next_button)
    dialog = actions.dialog
    assert dialog.kind.currentData() == "appeal"
    notes = dialog.notes.text()
    assert "• A Glomar answer is appealed on the harm that confirming the records would do" in notes
    assert "(Other argument, above)" in notes and "--other-argument" not in notes
    assert dialog.other.isVisible()
    dialog.reject()


def test_mark_as_filed_shows_the_channel_note_without_a_blank_band(qtbot, open_window, drafted):
    """DHS's portal rule takes three lines under "By": the dialog gives it those lines and
    no more (a form row kept it at the height it has at a third of its width: a blank band
    above and below it, as tall as the text)."""
    window = open_window(drafted)
    window.open_request(1)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.file_button)
    dialog = actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    note = dialog.channel_note
    assert note.text().startswith(f"{DHS_PORTAL} Since 2026-01-22 DHS")
    lines = note.heightForWidth(note.width())
    assert lines >= 2 * note.fontMetrics().lineSpacing()  # it wraps: the case the band came with
    assert note.height() == lines
    spacing = dialog.layout().spacing()
    gap = dialog.confirmation.geometry().top() - dialog.channel.geometry().bottom()
    assert gap <= lines + 3 * spacing
    dialog.reject()


def test_next_step_is_filled_in_with_the_keyboard_down_the_form(qtbot, open_window, drafted):
    """Tab goes down the appeal's fields as they are shown, out of each text box (it went
    from Letter to Note at the bottom, and in a text box typed a tab into the letter)."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(db, 1, log.NewEvent("acknowledged", date(2026, 10, 6), tracking_number=TRACKING))
    record_determination(db, 1, on=date(2026, 11, 20), outcome="partial", exemptions=["b5"])
    db.close()
    window = open_window(drafted)
    window.open_request(1)
    detail = window.requests.detail
    click_clock(qtbot, detail, "appeal_window:partial")
    click(qtbot, detail.filing_actions.next_button)
    dialog = detail.filing_actions.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.kind.setFocus()
    typed = {dialog.search: "the OPLA files", dialog.note: "Thank you."}
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] in typed:
            qtbot.keyClicks(visited[-1], typed[visited[-1]])
    assert visited == [dialog.search, dialog.appeal_address, dialog.other, dialog.note, dialog.save_copy]
    assert dialog.search.toPlainText() == "the OPLA files" and dialog.note.toPlainText() == "Thank you."
    dialog.reject()


def test_a_request_too_long_for_the_portal_box_says_to_upload_the_letter(qtbot, open_window, tmp_path):
    """FOIA.gov's description box takes 10,000 characters: Portal fields… for the whole case
    to the IRS copies a description that fits, and says to upload the letter with the form."""
    path = tmp_path / "irs.sqlite3"
    db = connect(path)
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    options = DraftOptions(letter_date=date(2026, 10, 1), fee_cap=Decimal("100"))
    requester = load_profile(RESOURCES / "profiles" / "example.toml")
    drafts = draft_requests(
        requester, pack, choose_categories(pack, "all"), [load_directory().component("IRS")], options
    )
    save_drafts(db, pack, drafts, options, [tmp_path / d.filename for d in drafts], requester=requester)
    db.close()
    window = open_window(path)
    window.open_request(1)
    click(qtbot, window.requests.detail.filing_actions.portal_button)
    portal = window.requests.detail.filing_actions.dialog
    qtbot.waitUntil(portal.isVisible)
    assert portal.problems.text() == "Every field passes the form's rules."
    assert portal.notes.isVisible()
    assert f"Upload {drafts[0].filename} under “Upload additional documentation”" in portal.notes.text()
    click(qtbot, portal.copy_buttons["request_description"])
    pasted = QApplication.clipboard().text()
    assert len(pasted) <= 10_000 and "\n1. The agreement, its drafts and amendments." in pasted
    portal.reject()


def test_mark_as_filed_in_compose_says_where_each_draft_goes(qtbot, open_window, drafted):
    """Compose's Mark as filed, a DHS draft clicked: it says the portal's address and that
    DHS takes requests only there, and Portal fields… gives the letter as the form's fields
    (it was only on the request screen; nothing here said where to send the .docx)."""
    window = open_window(drafted)
    window.show_view(3)
    panel = window.composer.filing
    window.composer.steps.setCurrentWidget(panel)
    table = panel.table
    for request_id, said in (
        (2, "TIGTA prefers requests by email to FOIA.Reading.Room@tigta.treas.gov."),
        (1, f"{DHS_PORTAL} Since 2026-01-22 DHS and its components generally accept requests only"),
    ):
        rect = table.visualRect(panel.model.index(panel.model.row_of(request_id), 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert panel.how.isVisible() and panel.how.text().startswith(said)
    assert "6 CFR 5.3(a)(2)" in panel.how.text() and panel.channel.currentData() == "portal"
    click(qtbot, panel.portal_button)
    fields = panel.dialog
    qtbot.waitUntil(fields.isVisible)
    assert fields.windowTitle() == "Portal fields — #1"
    assert "paste each field into https://www.dhs.gov/foia" in fields.findChild(QLabel).text()
    qtbot.keyClick(fields, Qt.Key.Key_Escape)
    assert not fields.isVisible()
    click(qtbot, panel.mark_button)
    dialog = panel.dialog
    assert dialog.channel_note.text().startswith(DHS_PORTAL)
    dialog.reject()


def test_enter_in_the_portal_fields_closes_them_and_keeps_the_clipboard(qtbot, open_window, drafted):
    """Portal fields… opened with the description copied a moment ago, then Enter: the dialog
    closes and the clipboard still holds the description (Enter was the first Copy button's,
    and put the first name there). Its notes name no file of FoiaDesk's (the form's .yml)."""
    window = open_window(drafted)
    window.open_request(1)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.portal_button)
    dialog = actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert ".yml" not in dialog.notes.text() and "Form as of" not in dialog.notes.text()
    click(qtbot, dialog.copy_buttons["request_description"])
    copied = QApplication.clipboard().text()
    assert copied.startswith("Under the Freedom of Information Act, 5 U.S.C. 552")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    click(qtbot, actions.portal_button)  # again, to check a field against the letter
    dialog = actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert QApplication.clipboard().text() == copied


def test_ctrl_l_in_mark_as_filed_logs_on_the_draft_selected_there(qtbot, open_window, drafted):
    """The TIGTA draft clicked in Compose's Mark as filed, then Ctrl+L: the event dialog is
    for that draft (it was for whichever request the Requests list had selected)."""
    window = open_window(drafted)
    listed = window.requests.current_request_id()
    other = 2 if listed == 1 else 1
    window.show_view(3)
    panel = window.composer.filing
    window.composer.steps.setCurrentWidget(panel)
    table = panel.table
    rect = table.visualRect(panel.model.index(panel.model.row_of(other), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    assert window.dialog.windowTitle() == f"Log an event — #{other}"
    window.dialog.reject()


def test_the_letter_to_upload_is_saved_from_the_portal_fields(
    qtbot, open_window, drafted, tmp_path, monkeypatch
):
    """TIGTA's letter was drafted to go by email; its FOIA.gov form wants the letter to say
    it came through the portal. The notes said only a command line could write that copy:
    Save the letter to upload… writes it, its delivery line naming FOIA.gov."""
    out = tmp_path / "upload.docx"
    monkeypatch.setattr(filing_dialogs, "choose_save_path", lambda parent, suggested: out)
    window = open_window(drafted)
    window.open_request(2)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.portal_button)
    dialog = actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "Portal fields › Save the letter to upload" in dialog.notes.text()
    click(qtbot, dialog.upload_button)
    assert dialog.saved.text() == f"Saved {out}: upload it under “Upload additional documentation”."
    text = docx_text(out.read_bytes())
    assert "Submitted through the FOIA portal at https://www.foia.gov" in text
    assert "Sent by email to" not in text
    dialog.reject()


# -- Package to send…: the letter written as it goes, by the same core call as ``foiadesk package``


def choose(qtbot, window, request_id: int, text: str, monkeypatch, out):
    offered = {}

    def save_as(parent, title, suggested, filters):
        offered.update(title=title, suggested=suggested, filters=filters)
        return str(out), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.open_request(request_id)
    actions = window.requests.detail.filing_actions
    assert actions.package_button.isVisible()
    qtbot.mouseClick(actions.package_button, Qt.MouseButton.LeftButton)
    menu = actions.menu
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.banner.text.text().startswith("Wrote"), timeout=20_000)
    return offered


def test_an_email_package_says_to_open_it_in_the_mail_program(
    qtbot, open_window, drafted, tmp_path, monkeypatch
):
    window = open_window(drafted)
    out = tmp_path / "to TIGTA.eml"
    offered = choose(qtbot, window, 2, "Email draft (.eml) to send from your mail program…", monkeypatch, out)
    assert offered["suggested"].endswith(".eml") and offered["filters"] == "Email draft (*.eml)"
    message = email.message_from_bytes(out.read_bytes(), policy=default)
    tigta = next(c.value for c in load_directory().component("TIGTA").channels if c.kind == "email")
    assert message["To"] == tigta and message["X-Unsent"] == "1"
    said = window.banner.text.text()
    assert said.startswith(f"Wrote {out}. Open {out.name} in your mail program")
    assert f"a draft to {tigta}" in said and "mark the request as filed (File…)" in said
    assert window.banner.kind == "note"  # it stays until dismissed: it is what to do next


def test_a_portal_only_dhs_component_gets_the_upload_and_the_portals_fields(
    qtbot,
    open_window,
    drafted,
    tmp_path,
    monkeypatch,
):
    window = open_window(drafted)
    out = tmp_path / "upload"  # typed without an extension: the file is the .docx the portal takes
    choose(qtbot, window, 1, "Letter to upload to the portal…", monkeypatch, out)
    written = tmp_path / "upload.docx"
    assert written.read_bytes()[:2] == b"PK"  # a Word document (a zip)
    said = window.banner.text.text()
    assert said.startswith(f"Wrote {written}. Go to https://www.dhs.gov/foia and upload upload.docx")
    assert "Fill the portal's fields (" in said and "Portal fields… has each one with a Copy button" in said
    assert "confirmation number" in said


def test_a_channel_the_component_has_no_address_for_is_greyed(qtbot, open_window, drafted):
    window = open_window(drafted)
    window.open_request(1)
    actions = window.requests.detail.filing_actions
    qtbot.mouseClick(actions.package_button, Qt.MouseButton.LeftButton)
    texts = {a.text(): a.isEnabled() for a in actions.menu.actions()}
    actions.menu.close()
    assert texts["Letter to print and fax (none on file for ICE)"] is False
    assert texts["Letter to print and mail…"] is True


def test_a_follow_up_drafted_on_a_long_timeline_is_in_sight(qtbot, open_window, demo_copy):
    """ "It is selected there", the window says: on a request with a long timeline the letter's
    row is scrolled into the timeline's view, below the message that says so."""
    from foiadesk.core.tracking.tracker import view_request

    window = open_window(demo_copy)
    window.resize(1366 - 16, 768 - 48)
    session = window.session
    late = [
        int(rid)
        for rid in session.index.columns["id"]
        if (v := view_request(session.db, int(rid)))
        and len(v.events) >= 7
        and any(c.key == "response" and c.state(TODAY) == "overdue" for c in v.clocks)
    ]
    assert late, "the demo log has an overdue request with a long timeline"
    actions, dialog = next_step_on(qtbot, window, late[0], "response")
    assert dialog.kind.currentData() == "status"
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=TIMEOUT)
    assert "it is selected there" in window.banner.text.text()
    detail = window.requests.detail
    table = detail.event_table
    event = detail.selected_event()
    assert detail.events.event(event).type == "drafted"
    qtbot.wait(50)  # the message's room taken from the views
    rect = table.visualRect(detail.events.index(detail.events.row_of(event), 2))
    assert table.viewport().rect().contains(rect), (rect, table.viewport().rect())


def test_a_letter_the_log_cannot_support_yet_says_why_when_chosen(qtbot, open_window, drafted):
    """No acknowledgment, so no tracking number: the Public Liaison letter says so as soon as it
    is chosen, before any words are typed (and Draft and log drafts nothing); the status
    inquiry (which asks for that number) can be drafted."""
    window = on_its_missed_response(qtbot, open_window, drafted)
    actions = window.requests.detail.filing_actions
    click(qtbot, actions.next_button)
    dialog = actions.dialog
    draft = ok(dialog)
    assert dialog.kind.currentData() == "status" and draft.isEnabled() and not dialog.error.isVisible()
    dialog.kind.setFocus()
    while dialog.kind.currentData() != "liaison":
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.error.isVisible()
    said = dialog.error.text()
    assert said.startswith("Request #2 has no agency tracking number yet: log the acknowledgment"), said
    assert said.endswith("until then, a status inquiry asks the agency for it.")
    click(qtbot, draft)
    qtbot.wait(50)
    assert dialog.isVisible() and actions.last_followup is None and dialog.error.text() == said
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Home)
    assert dialog.kind.currentData() == "status" and draft.isEnabled() and not dialog.error.isVisible()
