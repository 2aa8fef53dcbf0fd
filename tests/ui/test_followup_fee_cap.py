"""An agency closed a request because its fee estimate went unanswered: the user drafts the
request to reopen it from the window, saying what fees they agree to pay, as
`foiadesk followup --kind reopen --fee-cap` does on the command line. Without the amount
the dialog asks for it by its own field's name and drafts nothing."""

import io
from datetime import date

from docx import Document
from test_filing_window import TRACKING, click, drafted, next_step_on, ok

from foiadesk.core.store import log
from foiadesk.core.store.db import connect

__all__ = ["drafted"]  # the fixture, used by name


def letter_text(followup) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(followup.docx)).paragraphs if p.text.strip())


def test_a_reopen_letter_after_a_fee_closure_says_the_fees_the_user_agrees_to(qtbot, open_window, drafted):
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(
        db,
        1,
        log.NewEvent(
            "acknowledged", date(2026, 10, 6), agency_received_on=date(2026, 10, 2), tracking_number=TRACKING
        ),
    )
    estimate = log.NewEvent(
        "fee_estimate", date(2026, 10, 20), named_date=date(2026, 11, 4), amount_cents=34000
    )
    log.record_event(db, 1, estimate)
    log.record_event(db, 1, log.NewEvent("admin_closed", date(2026, 11, 16), outcome="fee_unanswered"))
    db.close()
    window = open_window(drafted)
    actions, dialog = next_step_on(qtbot, window, 1, "appeal_window:admin_closure")
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert "reopen" in kinds and "appeal" in kinds

    # The appeal of this closure can say it too, and asks for it before the letter goes
    dialog.kind.setCurrentIndex(kinds.index("appeal"))
    assert dialog.fee_cap.isVisible() and dialog.fee_cap.text() == "none said"
    assert "Say what fees you agree to pay (Fees you agree to pay, above)" in dialog.notes.text()

    dialog.kind.setCurrentIndex(kinds.index("reopen"))
    assert dialog.fee_cap.isVisible()
    click(qtbot, ok(dialog))  # no amount: asked for in the dialog's words, nothing drafted
    qtbot.wait(50)
    assert dialog.isVisible()
    assert dialog.error.text() == "Say what fees you agree to pay (Fees you agree to pay, above)."
    assert actions.last_followup is None

    dialog.fee_cap.setFocus()
    dialog.fee_cap.selectAll()
    qtbot.keyClicks(dialog.fee_cap, "340")
    assert dialog.fee_cap.value() == 340
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=15_000)
    text = letter_text(actions.last_followup)
    # the estimate's reply-by date, as logged, and the amount the user typed
    assert (
        "I did not answer by November 4, 2026, the date named in your fee estimate of October 20, 2026."
        in text
    )
    assert "I agree to pay fees of up to $340 for this request." in text
    assert "Drafted the request to reopen" in window.banner.text.text()


def test_letters_that_take_no_fee_amount_do_not_show_the_field(qtbot, open_window, drafted):
    """A status inquiry or an appeal of a denial says nothing of fees: no field for them."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    db.close()
    window = open_window(drafted)
    actions, dialog = next_step_on(qtbot, window, 1, "response")
    assert dialog.kind.currentData() == "status"
    assert dialog.isVisible() and not dialog.fee_cap.isVisible()
    dialog.reject()


def test_a_fee_reply_left_at_no_amount_agrees_to_the_estimate(qtbot, open_window, drafted):
    """The field says what leaving it empty means for a reply to a fee estimate: the letter
    accepts the estimate itself."""
    db = connect(drafted)
    log.record_event(db, 1, log.NewEvent("filed", date(2026, 10, 1), channel="portal"))
    log.record_event(db, 1, log.NewEvent("acknowledged", date(2026, 10, 6), tracking_number=TRACKING))
    estimate = log.NewEvent(
        "fee_estimate", date(2026, 11, 10), named_date=date(2026, 12, 10), amount_cents=34000
    )
    log.record_event(db, 1, estimate)
    db.close()
    window = open_window(drafted)
    actions, dialog = next_step_on(qtbot, window, 1, "reply:fee_estimate:0")
    assert dialog.kind.currentData() == "fee-response"
    assert dialog.fee_cap.isVisible() and dialog.fee_cap.text() == "the estimate, if you accept it"
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: actions.last_followup is not None, timeout=15_000)
    assert "I agree to pay fees of up to $340 for this request." in letter_text(actions.last_followup)
