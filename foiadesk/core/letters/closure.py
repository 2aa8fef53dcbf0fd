"""What the letters say about an agency's administrative closure of a request.

Two letters answer a closure: the appeal (``followups._appeal`` puts these paragraphs in
appeal.docx) and, where the log shows the requester simply missed a reply-by date, a short
request to reopen (reopen_request.docx). Both state only what the log records: the agency's
letters and their dates, the requester's answer and when the agency received it. The law is
the statute's (a determination is owed, 5 U.S.C. 552(a)(6)(A)(i)) and DOJ OIP's guidance on
still-interested letters, read at https://www.justice.gov/oip/oip-guidance-7 (checklist items
5 and 8), which OIP issues to every agency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from foiadesk.core.deadlines.calendar import Calendar
from foiadesk.core.deadlines.events import ANSWERED_BY, ASKS, Event
from foiadesk.core.letters.content import DraftingError, dollars, long_date, one_line, sentence_start

# The kind of agency letter a closure for each reason answers for (the latest before it).
ASK_OF_REASON = {
    "no_still_interested_reply": ("still_interested",),
    "fee_unanswered": ("fee_estimate", "fee_clarification_requested"),
    "clarification_unanswered": ("info_requested",),
}
ASK_WORDS = {
    "still_interested": "letter of {on} asking whether I was still interested in the records",
    "fee_estimate": "fee estimate of {on}",
    "fee_clarification_requested": "letter of {on} asking me about fees",
    "info_requested": "letter of {on} asking me to clarify my request",
}
ANSWER_WORDS = {
    "still_interested_answered": "reply saying that I remained interested in all of the records",
    "fee_estimate_answered": "answer to the fee estimate",
    "payment": "payment of the fees",
    "fee_clarification_answered": "answer to the question about fees",
    "info_answered": "answer giving the information asked for",
}
# What the closure was based on, after "which it based on" / "because".
REASON_WORDS = {
    "duplicate": "the view that my request duplicated another",
    "closure_other": "a reason other than a decision on the records",
}
OIP_CHECKLIST = (
    "Department of Justice, Office of Information Policy, Implementation Checklist for OIP "
    "Guidance on “Still-Interested” Inquiries"
)
# OIP's checklist, item 8, in the letter's words.
BACK_IN_QUEUE = (
    "The Department of Justice's guidance to agencies asks that a request be reopened, and placed "
    "back into the processing queue where it would have been, when the requester answers within "
    f"a reasonable time after the deadline ({OIP_CHECKLIST}, item 8)."
)
# 5 U.S.C. 552(a)(4)(A)(v): "No agency may require advance payment of any fee unless the
# requester has previously failed to pay fees in a timely fashion, or the agency has determined
# that the fee will exceed $250." (domain.md §1.10)
ADVANCE_PAYMENT_ABOVE = Decimal(250)
RELIEF = "reopen my request, return it to its place in the processing queue and process it to a determination"
STILL_INTERESTED_WORKING_DAYS = 30  # OIP's checklist, item 5


@dataclass(frozen=True)
class Closure:
    """An agency's closure as the log shows it: the closure letter, the agency letter it
    says went unanswered, and the requester's answer to that letter, if any."""

    event: Event
    ask: Event | None
    answer: Event | None

    @property
    def reason(self) -> str | None:
        return self.event.outcome

    @property
    def answered_on_time(self) -> bool:
        """An answer sent by the date the agency's letter named, before the closure."""
        a = self.answer
        if self.ask is None or a is None or a.occurred_on > self.event.occurred_on:
            return False
        return self.ask.named_date is None or a.occurred_on <= self.ask.named_date

    @property
    def missed_reply_by(self) -> bool:
        """The requester let the agency's reply-by date pass without answering."""
        if self.ask is None or self.ask.named_date is None or self.answered_on_time:
            return False
        return self.answer is None or self.answer.occurred_on > self.ask.named_date


def closure_of(events: list[Event]) -> Closure | None:
    """The agency's latest closure that no reopening undid, with what it answered for."""
    closed = next((i for i in range(len(events) - 1, -1, -1) if events[i].type == "admin_closed"), None)
    if closed is None or any(e.type == "reopened" for e in events[closed + 1 :]):
        return None
    event = events[closed]
    kinds = ASK_OF_REASON.get(event.outcome or "", tuple(ASKS))
    if event.outcome in ("duplicate", "closure_other"):
        kinds = ()
    ask_at = next((i for i in range(closed - 1, -1, -1) if events[i].type in kinds), None)
    if ask_at is None:
        return Closure(event, None, None)
    ask = events[ask_at]
    answer = next((e for e in events[ask_at + 1 :] if e.type in ANSWERED_BY[ask.type]), None)
    return Closure(event, ask, answer)


def based_on(c: Closure) -> str:
    """What the closure was based on, after "which it based on" in the appeal's first sentence."""
    if c.reason in REASON_WORDS:
        return REASON_WORDS[c.reason]  # type: ignore[index]
    if c.ask is not None:
        return f"my not answering its {ask_words(c.ask)}"
    return {
        "no_still_interested_reply": "my not answering a letter asking whether I was still interested",
        "fee_unanswered": "my not agreeing to pay fees",
        "clarification_unanswered": "my not answering a request to clarify my request",
    }.get(c.reason or "", "")


def ask_words(ask: Event) -> str:
    return ASK_WORDS[ask.type].format(on=long_date(ask.occurred_on))


def _received(ev: Event, office: str) -> str:
    return (
        f", and {office} received it on {long_date(ev.agency_received_on)}" if ev.agency_received_on else ""
    )


def unpaid_estimate(c: Closure) -> Decimal | None:
    """The amount of the fee estimate the closure answered for, when the log gives one and shows
    no payment of it."""
    ask = c.ask
    if ask is None or ask.type != "fee_estimate" or ask.amount_cents is None:
        return None
    if c.answer is not None and c.answer.type == "payment":
        return None
    return Decimal(ask.amount_cents) / 100


@dataclass(frozen=True)
class AdvancePayment:
    """What a letter answering a closure for fees says of advance payment: ``beside`` follows
    the fees the requester agrees to pay, ``after_bar`` follows the fee bar's sentence, and
    ``notes`` are for the user."""

    beside: str = ""
    after_bar: str = ""
    notes: tuple[str, ...] = ()


def advance_payment(
    c: Closure,
    office: str,
    fee_cap: Decimal | None,
    *,
    barred: str = "",
    all_barred: bool = False,
    to_office: bool = False,
) -> AdvancePayment:
    """Advance payment (5 U.S.C. 552(a)(4)(A)(v)) as far as the log supports it. ``barred``: the
    fee bar's state ("barred", "unless_pages" or "") as the letter asserts it; ``all_barred``:
    it bars every fee the requester's category pays; ``to_office``: the letter goes to the
    office that closed the request (a request to reopen), not to the appeals office. Above
    $250 the agency may require payment in advance, and the letter offers it up to the fees
    agreed to; at or below $250 it may do so only from a requester who failed to pay on time
    before, which the log cannot know, so the user is told."""
    estimate = unpaid_estimate(c)
    if estimate is None:
        return AdvancePayment()
    who = "you" if to_office else office
    the_estimate = f"{'your' if to_office else 'the'} fee estimate of {dollars(estimate)}"
    if barred and all_barred:
        return AdvancePayment(
            after_bar=f"With those fees barred, no fee is left that {who} could require me to pay in "
            f"advance (5 U.S.C. 552(a)(4)(A)(v)), and not paying {the_estimate} is no ground for "
            "closing the request."
        )
    if estimate <= ADVANCE_PAYMENT_ABOVE:
        return AdvancePayment(
            notes=(
                f"The fee estimate of {dollars(estimate)} is not above $250: if the agency asked you to "
                "pay it in advance, not only to agree to pay it, 5 U.S.C. 552(a)(4)(A)(v) allows that "
                "only from a requester who has failed to pay fees on time before. If you have not, "
                "add that to the letter.",
            )
        )
    if not fee_cap:
        return AdvancePayment()
    how = (
        "please tell me how to pay, and I will pay it in advance."
        if to_office
        else "I will pay it in advance when told how."
    )
    if barred:
        return AdvancePayment(
            beside=f"If the fees that are not barred will exceed $250, {who} may require them in advance "
            f"(5 U.S.C. 552(a)(4)(A)(v)); {how.replace(' it ', ' them ')}"
        )
    if fee_cap < estimate:
        return AdvancePayment(
            notes=(
                f"You agree to pay up to {dollars(fee_cap)}, less than the fee estimate of "
                f"{dollars(estimate)}: above $250 the agency may require the whole fee in advance "
                "(5 U.S.C. 552(a)(4)(A)(v)) and keep the request closed until it is paid.",
            )
        )
    return AdvancePayment(
        beside=f"As {the_estimate} is above $250, {who} may require payment in advance (5 U.S.C. "
        f"552(a)(4)(A)(v)); {how}"
    )


def agree_to_pay(fee_cap: Decimal, barred: str, advance: AdvancePayment) -> str:
    """The fees the requester agrees to pay, apart from any the fee bar excludes."""
    agreed = f"I agree to pay fees of up to {dollars(fee_cap)} for this request."
    if barred:
        agreed = "Apart from any fees that 5 U.S.C. 552(a)(4)(A)(viii) bars, I" + agreed[1:]
    return f"{agreed} {advance.beside}".strip()


def appeal_argument(
    c: Closure,
    office: str,
    cal: Calendar,
    *,
    answer: str = "",
    fee_cap: Decimal | None = None,
    barred: str = "",
    advance: AdvancePayment = AdvancePayment(),
) -> tuple[list[str], list[str]]:
    """The appeal's grounds against the closure, one paragraph each, and notes for the user.
    ``office`` names the office that closed the request ("ICE"); ``barred``, the fee bar's state
    as the appeal asserts it; ``advance``, what it says of advance payment."""
    out: list[str] = []
    notes: list[str] = []
    ask, reply = c.ask, c.answer
    if ask is not None and reply is not None and reply.occurred_on <= c.event.occurred_on:
        what = ANSWER_WORDS.get(reply.type, "answer")
        timing = (
            f", before the date the letter named, {long_date(ask.named_date)}"
            if c.answered_on_time and ask.named_date
            else (
                f", after the date the letter named ({long_date(ask.named_date)}) but before the request "
                "was closed"
                if ask.named_date
                else ", before the request was closed"
            )
        )
        text = (
            f"I had answered {office}'s {ask_words(ask)}: my {what} is dated "
            f"{long_date(reply.occurred_on)}{timing}{_received(reply, office)}. "
        )
        text += (
            "The closure rests on a mistake of fact; my answer is enclosed."
            if c.answered_on_time
            else "It is enclosed."
        )
        out.append(text)
        if not c.answered_on_time and ask.type == "still_interested":
            out.append(BACK_IN_QUEUE)
    elif ask is not None and reply is not None:  # answered after the closure
        out.append(
            f"I answered {office}'s {ask_words(ask)} on {long_date(reply.occurred_on)}"
            f"{_received(reply, office)}, after the request was closed; my answer is enclosed."
        )
        if ask.type == "still_interested":
            out.append(BACK_IN_QUEUE)
    elif c.reason == "no_still_interested_reply" or (ask is not None and ask.type == "still_interested"):
        out.append("I am still interested in all of the records I requested, and this appeal says so.")
        out.append(BACK_IN_QUEUE)
    elif (ask is not None and ask.type == "info_requested") or c.reason == "clarification_unanswered":
        if one_line(answer):
            out.append(f"The information {office} asked for is as follows. {one_line(answer)}")
        else:
            notes.append("Add the information the agency asked for (--answer), so the appeal supplies it.")
    elif c.reason == "fee_unanswered" or (ask is not None and ask.type.startswith("fee")):
        if fee_cap:
            out.append(agree_to_pay(fee_cap, barred, advance))
        else:
            notes.append(
                "Say what fees you agree to pay (--fee-cap), so the appeal answers the fee question."
            )
    if c.reason == "duplicate":
        out.append(
            "Please identify, by its tracking number, the request that mine is said to duplicate, and "
            "confirm that it seeks every record this request seeks. If it does not, this request must "
            "be processed on its own."
        )
    if ask is not None and ask.type == "still_interested" and ask.named_date:
        given = cal.working_days_between(ask.occurred_on, ask.named_date)
        if given < STILL_INTERESTED_WORKING_DAYS:
            out.append(
                f"{sentence_start(office)}'s letter of {long_date(ask.occurred_on)} gave me only {given} "
                "working days to answer; the Department of Justice's guidance asks agencies to allow at "
                f"least {STILL_INTERESTED_WORKING_DAYS} ({OIP_CHECKLIST}, item 5)."
            )
    out.append(
        f"The Act requires {office} to determine whether to comply with my request and to notify me of "
        "that determination (5 U.S.C. 552(a)(6)(A)(i)). Closing the request made no determination on "
        "the records I asked for."
    )
    if c.reason in (None, "closure_other"):
        notes.append(
            "The closure letter gives no reason FoiaDesk knows: say why the closure is wrong "
            "(--other-argument)."
        )
    return out, notes


def reopen_context(
    c: Closure,
    office: str,
    *,
    answer: str = "",
    fee_cap: Decimal | None = None,
    barred: str = "",
    bar_text: str = "",
    advance: AdvancePayment = AdvancePayment(),
) -> dict:
    """The facts reopen_request.docx prints: the closure, the reply-by date missed, and the
    answer the requester now gives. Only for a closure that followed a missed reply-by date.
    ``bar_text``: the fee bar as the letter asserts it (state ``barred``), for a closure for
    fees; ``advance``: what the letter says of advance payment."""
    ask = c.ask
    if ask is None or not c.missed_reply_by:
        raise DraftingError(
            "The log shows no reply-by date you missed before the closure: appeal the closure instead."
        )
    late = c.answer
    missed = f"I did not answer by {long_date(ask.named_date)}, the date named in your {ask_words(ask)}" + (
        f"; I answered it on {long_date(late.occurred_on)}." if late is not None else "."
    )
    given: list[str] = []
    tolled = False
    if ask.type == "still_interested":
        given.append("I am still interested in all of the records I requested.")
    elif ask.type == "info_requested":
        if late is None and not one_line(answer):
            raise DraftingError("Write the information the agency asked for (--answer).")
        if one_line(answer):
            given.append(f"The information you asked for is as follows. {one_line(answer)}")
        tolled = True
    elif late is None and not fee_cap:
        raise DraftingError("Say what fees you agree to pay (--fee-cap).")
    else:
        if bar_text:
            given.append(f"{bar_text} {advance.after_bar}".strip())
        if fee_cap:
            given.append(agree_to_pay(fee_cap, barred, advance))
            # with the time limit already run out (the bar asserted), there is no toll to end
            tolled = not bar_text
    return {
        "closure_date": long_date(c.event.occurred_on),
        "missed": missed,
        "answer": given,
        "still_interested": ask.type == "still_interested",
        "oip_item_8": BACK_IN_QUEUE,
        "tolled": tolled,
        "toll_cite": "5 U.S.C. 552(a)(6)(A)(ii)(I)"
        if ask.type == "info_requested"
        else "5 U.S.C. 552(a)(6)(A)(ii)(II)",
    }


def new_request_note(closed_on: date) -> str:
    """For the user, not the letter: the other way out of a closure."""
    return (
        f"A new request may be simpler than undoing the closure of {long_date(closed_on)}: the agency "
        "need not agree to anything first, but its 20 working days start again from the new "
        "request's receipt and the new request takes a new place at the end of the queue."
    )
