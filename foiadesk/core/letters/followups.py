"""The follow-up ladder: every next step a request's log calls for, drafted from the log.

``history_of`` reads what the log knows (dates, tracking numbers, what the agency said,
the exemptions it cited, fees, missed deadlines) into plain values; ``build_followup``
turns them into a letter's context (pure); ``draft_followup`` renders it and
``log_followup`` records it as a draft on the request, the .docx attached
(``next_steps.py`` says which letters a deadline offers). Letters argue from the facts:
a missed deadline is stated with its date and its consequences (exhaustion, the fee
bar), an appeal answers each exemption cited, the search, segregability and any fee or
expedite denial.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.deadlines.events import EVENT_TYPES, OUTCOME_LABELS, Event
from foiadesk.core.errors import UserError
from foiadesk.core.letters.closure import RELIEF as CLOSURE_RELIEF
from foiadesk.core.letters.closure import (
    Closure,
    advance_payment,
    appeal_argument,
    based_on,
    closure_of,
    new_request_note,
    reopen_context,
)
from foiadesk.core.letters.content import (
    FEE_CATEGORIES,
    PREFERRED_CATEGORIES,
    DraftingError,
    Requester,
    RequestRef,
    _address_block,
    _decision,
    _followup_base,
    answer_by,
    appeal_office,
    build_appeal_context,
    build_clarification_reply_context,
    build_fee_response_context,
    build_status_inquiry_context,
    build_still_interested_context,
    dollars,
    exemption,
    file_office,
    first_mention,
    letter_name,
    long_date,
    one_line,
    paragraphs,
    public_name,
    sentence_start,
    short_name,
    waiver_appeal_argument,
    with_article,
)
from foiadesk.core.letters.filing import (
    DOCX_MIME,
    component_for,
    confirmations,
    drafted_letter,
    requester_for,
)
from foiadesk.core.letters.next_steps import KINDS
from foiadesk.core.reference.directory import Component
from foiadesk.core.replies.files import OCR_NOTE
from foiadesk.core.store import log, sent
from foiadesk.core.store.db import write
from foiadesk.core.tracking.tracker import view_request

# OGIS, the FOIA ombudsman at the National Archives (5 U.S.C. 552(h)): domain.md §1.14 gives
# "National Archives, 8601 Adelphi Road (OGIS), College Park, MD 20740-6001" and ogis@nara.gov;
# the street is confirmed there, the e-mail address is not, so the letter warns.
OGIS_ADDRESS = (
    "Office of Government Information Services\nNational Archives and Records Administration\n"
    "8601 Adelphi Road\nCollege Park, MD 20740-6001"
)
OGIS_EMAIL = "ogis@nara.gov"
OGIS_WARNINGS = (
    "OGIS's e-mail address (ogis@nara.gov) is not confirmed in a source FoiaDesk has read "
    "(domain.md §1.14): check it on archives.gov/ogis before sending.",
    "The letter says you have not filed a lawsuit about this request (OGIS does not mediate a "
    "dispute in litigation): take that sentence out if you have.",
)
# determinations open to appeal
ADVERSE = ("partial", "denial", "no_records", "glomar")
RELEASES = ("full_grant", "partial")  # determinations that release records
NO_NUMBER_YET = "(not assigned yet)"
# what each follow-up is, in its file name (beside the office and the request's number)
FILE_WORDS = {
    "status": "FOIA-status-inquiry",
    "liaison": "letter-to-FOIA-Public-Liaison",
    "ogis": "OGIS-mediation-request",
    "info-answer": "FOIA-clarification",
    "fee-response": "FOIA-fee-reply",
    "still-interested": "FOIA-still-interested-reply",
    "appeal": "FOIA-appeal",
    "reopen": "FOIA-request-to-reopen",
    "complaint-outline": "FOIA-complaint-outline",
}
MAX_TITLE = 400  # a request title longer than this is a note, not a subject: left out of letters
_EXEMPTIONS_IN_SUMMARY = re.compile(r"exemptions? ([^;()]+)(?:\(([^)]*)\))?", re.I)


@dataclass
class Inputs:
    """What only the user can add to a follow-up."""

    note: str = ""
    answer: str = ""  # info-answer: the information the agency asked for
    accept: bool = True  # fee-response: accept the estimate (else narrow)
    narrowing: str = ""
    fee_cap: Decimal | None = None
    search_argument: str = ""
    other_argument: str = ""
    expedite_argument: str = ""
    determination_official: str = ""
    appeal_address: str = ""


@dataclass
class History:
    """What the log knows about a request, as a follow-up letter uses it."""

    request_id: int
    title: str
    tracking: str  # the agency's tracking number, or ""
    appeal_number: str
    confirmation: str
    filed: Event | None
    channel: str
    received_on: date | None
    received_assumed: bool
    acknowledged_on: date | None
    due_on: date | None  # the determination deadline
    extended: bool
    responded_on: date | None
    exhaustion_on: date | None
    status_inquiries: list[date]
    info_requested: Event | None
    info_requests: int
    fee_estimate: Event | None
    still_interested: Event | None
    expedite_requested: Event | None
    expedite_denied: Event | None  # the last expedite decision, when it was a denial
    expedite_granted: Event | None  # the last expedite decision, when it was a grant
    waiver_requested: Event | None
    waiver_denied: Event | None
    determination: Event | None
    interim_release: Event | None  # the last release of part of the records before a determination
    exemptions: list[dict]
    appeal: Event | None
    appeal_due_on: date | None
    appeal_decided: Event | None
    appeal_decision_due: date | None
    component: Component
    chronology: list[dict] = field(default_factory=list)
    own_chronology: list[dict] = field(default_factory=list)  # the same, in the requester's voice
    exhibits: list[dict] = field(default_factory=list)
    category_denied: Event | None = None  # the last fee-category decision, when it was a denial
    waiver_decided: Event | None = None  # the last decision on the waiver, whatever it was
    closure: Closure | None = None  # the agency's administrative closure no reopening undid
    closure_appeal_due: date | None = None  # the last day to appeal it
    agreed: bool = False  # the due date is an alternative time frame agreed with the agency
    our_letter: bool = True  # the request went out as a letter drafted here (so its words are known)

    def missed(self, today: date) -> bool:
        """The determination deadline passed without a determination."""
        if self.due_on is None:
            return False
        return (self.responded_on or today) > self.due_on

    def appeal_missed(self, today: date) -> bool:
        if self.appeal_decision_due is None:
            return False
        done = self.appeal_decided.occurred_on if self.appeal_decided else today
        return done > self.appeal_decision_due


def determination_exemptions(event: Event, body: str = "") -> list[dict]:
    """The exemptions a determination cites: from its summary ("exemptions b5, b6
    (26 U.S.C. 6103)", as the importer and ``log --exemptions`` write it), else its text."""
    codes: list[str] = []
    statutes: list[str] = []
    match = _EXEMPTIONS_IN_SUMMARY.search(event.summary or "")
    if match:
        codes = [c.strip() for c in match.group(1).split(",") if c.strip()]
        statutes = [s.strip() for s in (match.group(2) or "").split(";") if s.strip()]
    elif body:
        from foiadesk.core.replies.exemptions import find_exemptions

        found, found_statutes = find_exemptions(body)
        codes, statutes = list(found), list(found_statutes)
    out = []
    for code in codes:
        try:
            statute = next((s for s in statutes if "6103" in s), statutes[0] if statutes else "")
            out.append(exemption({"code": code, "statute": statute if code == "b3" else ""}))
        except DraftingError:
            continue
    return out


def exemptions_summary(codes: list[str], statutes: Sequence[str] = ()) -> str:
    """How a determination's exemptions are written into its summary."""
    normal = [exemption(c)["code"] for c in codes]
    return f"exemptions {', '.join(normal)}" + (f" ({'; '.join(statutes)})" if statutes else "")


def summary_in_words(summary: str) -> str:
    """A summary as a message names it: what happened first, then the exemptions that
    ``exemptions_summary`` put in front of it (for the appeal to read)."""
    cited, _, rest = summary.partition("; ")
    return f"{rest} ({cited})" if cited.startswith("exemptions ") and rest else summary


def history_of(db: Database, request_id: int, *, today: date | None = None) -> History:
    today = today or date.today()
    view = view_request(db, request_id)
    comp = component_for(db, request_id)
    events = list(view.events)
    first = lambda t, after=None: next(  # noqa: E731
        (e for e in events if e.type == t and (after is None or e.occurred_on >= after)), None
    )
    last = lambda t, pred=lambda e: True: next(  # noqa: E731
        (e for e in reversed(events) if e.type == t and pred(e)), None
    )
    clocks = {c.key: c for c in view.clocks}
    response = clocks.get("response")
    determination = last("determination")
    body = ""
    if determination is not None:
        body = sent.event_body(db, determination.id)
    numbers = sent.agency_numbers(db, request_id)
    tracking = next((n for n, k in numbers if k == "request"), "")
    appeal_number = next((n for n, k in numbers if k == "appeal"), "")
    appeal = last("appeal_filed")
    # the determination's own window, else the first other decision open to appeal
    windows = [c for k, c in clocks.items() if k.startswith("appeal_window:") and not c.earlier]
    appeal_window = next(
        (c for c in windows if c.start == (determination and determination.occurred_on)), None
    )
    appeal_window = appeal_window or next(iter(windows), None)
    appeal_decision = clocks.get("appeal_decision")
    exhaustion = clocks.get("exhaustion")
    filed = first("filed")
    expedite_decision = last("expedite_decided")  # a later decision (on appeal) replaces an earlier one
    stated_received = next(
        (
            e.agency_received_on
            for e in events
            if e.type in ("acknowledged", "received") and e.agency_received_on
        ),
        None,
    )
    history = History(
        request_id=request_id,
        title=view.title,
        tracking=tracking,
        appeal_number=appeal_number,
        confirmation=next(iter(confirmations(db, request_id)), ""),
        filed=filed,
        channel=(filed.channel or "") if filed else "",
        # the date the agency itself gave, as its letter says it; the clock may count from the
        # next working day when that date was a weekend or holiday
        received_on=stated_received or (response.start if response else None),
        received_assumed=not stated_received and bool(response and response.start_assumed),
        acknowledged_on=next((e.occurred_on for e in events if e.type in ("acknowledged", "received")), None),
        due_on=response.due if response else None,
        extended=bool(response and response.extended_days),  # a late notice extends nothing
        agreed=bool(response and response.agreed),
        responded_on=response.done_on if response else None,
        exhaustion_on=exhaustion.due if exhaustion else None,
        status_inquiries=_unanswered_inquiries(events),
        info_requested=last("info_requested"),
        info_requests=sum(e.type == "info_requested" for e in events),
        fee_estimate=last("fee_estimate"),
        still_interested=last("still_interested"),
        expedite_requested=first("expedite_requested"),
        expedite_denied=_if_outcome(expedite_decision, "denied"),
        expedite_granted=_if_outcome(expedite_decision, "granted"),
        waiver_requested=first("fee_waiver_requested"),
        # the last decision on each fee question: a waiver granted on reconsideration ends the dispute
        waiver_denied=_waiver_denied(last("fee_decision", lambda e: e.outcome in WAIVER_DECISIONS)),
        waiver_decided=last("fee_decision", lambda e: e.outcome in WAIVER_DECISIONS),
        category_denied=_if_outcome(
            last("fee_decision", lambda e: e.outcome in CATEGORY_DECISIONS), "category_denied"
        ),
        determination=determination,
        interim_release=last("interim_release"),
        exemptions=determination_exemptions(determination, body) if determination else [],
        appeal=appeal,
        appeal_due_on=appeal_window.due if appeal_window else None,
        appeal_decided=last("appeal_decided"),
        appeal_decision_due=appeal_decision.due if appeal_decision else None,
        component=comp,
        closure=closure_of(events),
        closure_appeal_due=clocks["appeal_window:admin_closure"].due
        if "appeal_window:admin_closure" in clocks
        else None,
        our_letter=drafted_letter(db, request_id) is not None,
    )
    told = [e for e in events if e.direction != "internal"]
    history.chronology = [{"date": long_date(e.occurred_on), "text": _event_sentence(e, comp)} for e in told]
    history.own_chronology = [
        {"date": long_date(e.occurred_on), "text": _event_sentence(e, comp, mine=True)} for e in told
    ]
    history.exhibits = exhibits(sent.correspondence_files(db, request_id), comp)
    return history


WAIVER_DECISIONS = ("waiver_granted", "waiver_partly_granted", "waiver_denied")
CATEGORY_DECISIONS = ("category_granted", "category_denied")


def _waiver_denial(h: History) -> str:
    """How a letter names the waiver decision it disputes."""
    partly = h.waiver_denied is not None and h.waiver_denied.outcome == "waiver_partly_granted"
    return "decision granting only part of my fee waiver" if partly else "denial of my fee waiver"


def _waiver_denied(event: Event | None) -> Event | None:
    """The last waiver decision when it denied the waiver in whole or in part (both appealable)."""
    denied = event is not None and event.outcome in ("waiver_denied", "waiver_partly_granted")
    return event if denied else None


def _if_outcome(event: Event | None, outcome: str) -> Event | None:
    return event if event is not None and event.outcome == outcome else None


# What each letter is, as an exhibit list names it: the requester's own, then the agency's.
OWN_LETTERS = {
    "filed": "request letter",
    "expedite_requested": "request for expedited processing",
    "fee_waiver_requested": "request for a fee waiver",
    "status_inquiry": "status inquiry",
    "info_answered": "answer to the request for information",
    "fee_estimate_answered": "answer to the fee estimate",
    "fee_clarification_answered": "answer to the question about fees",
    "still_interested_answered": "letter confirming continued interest",
    "payment": "payment of fees",
    "appeal_filed": "administrative appeal",
    "withdrawn": "withdrawal of the request",
}
AGENCY_LETTERS = {
    "received": "notice of receipt",
    "acknowledged": "acknowledgment",
    "referral_received": "notice of the request's referral",
    "routed": "notice routing the request",
    "referral": "notice referring records",
    "consultation": "notice of consultation",
    "estimated_completion": "estimated completion date",
    "info_requested": "request for information",
    "fee_clarification_requested": "question about fees",
    "fee_estimate": "fee estimate",
    "fee_decision": "fee decision",
    "still_interested": "letter asking whether the request is still wanted",
    "extension_notice": "notice of unusual circumstances",
    "timeframe_agreed": "agreement on an alternative time frame",
    "expedite_decided": "decision on expedited processing",
    "interim_release": "interim release",
    "determination": "determination",
    "admin_closed": "letter closing the request",
    "reopened": "notice reopening the request",
}
APPEAL_OFFICE_LETTERS = {
    "appeal_received": "acknowledgment of the appeal",
    "appeal_extension_notice": "notice extending the time to decide the appeal",
    "appeal_decided": "decision on the appeal",
}
SENT_PROOF = {"filed": "the request", "appeal_filed": "the appeal"}
WORD_FILES = (DOCX_MIME, "application/msword", "application/vnd.oasis.opendocument.text")


def exhibits(files: Sequence[tuple[str, str, int, str, str, bool]], comp: Component) -> list[dict]:
    """The correspondence as a lawyer's exhibit list names it: by what each document is and
    its date ("Plaintiff's request letter of October 1, 2026", "ICE's acknowledgment of
    October 6, 2026"), never by a file name or an event type's key. A file beside a letter is
    the proof it was sent or an enclosure to it; the text OCR read from a scan is not an
    exhibit (the scan is)."""
    out: list[dict] = []
    first_of: dict[int, str] = {}  # event id: the exhibit letter of its main document
    for on, kind, event_id, name, mime, drafted in files:
        if mime == "text/plain" and OCR_NOTE in name:
            continue
        day = long_date(date.fromisoformat(on))
        letter = _exhibit_letter(len(out))
        main = first_of.get(event_id)
        if kind in SENT_PROOF:  # the letter sent (drafted here, or a Word file), or proof of sending
            own = drafted or mime in WORD_FILES
            what = (
                f"Plaintiff's {OWN_LETTERS[kind]} of {day}"
                if own
                else f"Proof that {SENT_PROOF[kind]} was sent, {day}"
            )
        elif main is not None:
            what = f"Enclosure to Exhibit {main}"
        elif kind in OWN_LETTERS:
            what = f"Plaintiff's {OWN_LETTERS[kind]} of {day}"
        elif kind in APPEAL_OFFICE_LETTERS:
            what = f"The appeal office's {APPEAL_OFFICE_LETTERS[kind]} of {day}"
        elif kind in AGENCY_LETTERS:
            what = f"{sentence_start(short_name(comp))}'s {AGENCY_LETTERS[kind]} of {day}"
        else:  # a kind this version has no words for (a newer log's): said plainly, never by its key
            what = f"Correspondence of {day}"
        first_of.setdefault(event_id, letter)
        out.append({"letter": letter, "date": day, "what": what, "file": name})
    return out


def _unanswered_inquiries(events: list[Event]) -> list[date]:
    """The status inquiries the agency has not written back after: a letter says "I asked
    … without an answer" only of those."""
    asked = []
    for i, e in enumerate(events):
        if e.type == "status_inquiry" and not any(
            later.direction == "in" and later.occurred_on >= e.occurred_on for later in events[i + 1 :]
        ):
            asked.append(e.occurred_on)
    return asked


def _exhibit_letter(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]


# what an appeal or fee decision did, as a chronology's sentence says it (never its log label)
APPEAL_DID = {
    "granted": "granted the appeal",
    "partly_granted": "granted the appeal in part",
    "denied": "denied the appeal",
    "remanded": "sent the request back to be processed again",
}
FEE_DID = {
    "waiver_granted": "granted the fee waiver",
    "waiver_denied": "denied the fee waiver",
    "waiver_partly_granted": "granted the fee waiver in part",
    "category_granted": "granted the fee category requested",
    "category_denied": "denied the fee category requested",
}
FILED_BY = {"portal": "through a FOIA portal", "email": "by email", "mail": "by mail", "fax": "by fax"}


def _event_sentence(e: Event, comp: Component, *, mine: bool = False) -> str:
    """One plain sentence for a chronology: in the requester's own voice for a letter they
    sign (`mine`, the OGIS request), else about "Plaintiff" (the complaint outline)."""
    agency = short_name(comp)
    whose = "my request" if mine else "the request"
    if mine:
        own = {
            "filed": f"I submitted the request to {agency}"
            + (f" {FILED_BY.get(e.channel, 'by ' + e.channel.replace('_', ' '))}" if e.channel else "")
            + ".",
            "expedite_requested": "I asked for expedited processing.",
            "fee_waiver_requested": "I asked for a waiver of fees.",
            "status_inquiry": f"I asked {agency} for the status and an estimated completion date.",
            "info_requested": f"{agency} asked me for information.",
            "info_answered": "I answered the request for information.",
            "fee_estimate_answered": "I answered the fee estimate.",
            "fee_clarification_requested": f"{agency} asked me to clarify the fees.",
            "fee_clarification_answered": "I answered the question about fees.",
            "still_interested": f"{agency} asked whether I was still interested in the request.",
            "still_interested_answered": "I confirmed that I was still interested.",
            "appeal_filed": "I filed an administrative appeal.",
            "payment": "I paid the fees.",
            "withdrawn": "I withdrew the request.",
            "admin_closed": f"{agency} closed the request without deciding it.",
            "reopened": f"{agency} reopened the request.",
        }
        if e.type in own:
            return sentence_start(own[e.type])
    said = {
        "filed": f"Plaintiff submitted the request to {agency}"
        + (f" {FILED_BY.get(e.channel, 'by ' + e.channel.replace('_', ' '))}" if e.channel else "")
        + ".",
        "received": f"{agency} received the request.",
        "acknowledged": f"{agency} acknowledged the request"
        + (f" and assigned tracking number {e.tracking_number}" if e.tracking_number else "")
        + (
            f", stating it received the request on {long_date(e.agency_received_on)}"
            if e.agency_received_on
            else ""
        )
        + ".",
        "expedite_requested": "Plaintiff asked for expedited processing.",
        "fee_waiver_requested": "Plaintiff asked for a waiver of fees.",
        "expedite_decided": f"{agency} {e.outcome or 'decided'} expedited processing.",
        "extension_notice": f"{agency} invoked unusual circumstances to extend the time limit"
        + (f" to {long_date(e.named_date)}" if e.named_date else "")
        + ".",
        "timeframe_agreed": f"Plaintiff and {agency} agreed to an alternative time frame"
        + (f", with a response by {long_date(e.named_date)}" if e.named_date else "")
        + ".",
        "status_inquiry": f"Plaintiff asked {agency} for the status and an estimated completion date.",
        "info_requested": f"{agency} asked Plaintiff for information.",
        "info_answered": "Plaintiff answered the request for information.",
        "fee_estimate": f"{agency} estimated fees"
        + (f" of {dollars(Decimal(e.amount_cents) / 100)}" if e.amount_cents is not None else "")
        + ".",
        "fee_estimate_answered": "Plaintiff answered the fee estimate.",
        "fee_decision": f"{agency} {FEE_DID[e.outcome] if e.outcome in FEE_DID else 'decided on fees'}.",
        "still_interested": f"{agency} asked whether Plaintiff was still interested.",
        "still_interested_answered": "Plaintiff confirmed continued interest.",
        "interim_release": f"{agency} released records in part (interim release).",
        "determination": f"{agency} "
        + (determination_did(e.outcome, determination_exemptions(e), whose) or "made a determination")
        + ".",
        "appeal_filed": "Plaintiff filed an administrative appeal.",
        "appeal_received": "The appeal office acknowledged the appeal"
        + (f" as {e.tracking_number}" if e.tracking_number else "")
        + ".",
        "appeal_decided": f"The appeal office {APPEAL_DID.get(e.outcome or '', 'decided the appeal')}.",
        "routed": f"{agency} referred or routed the request.",
        "referral": f"{agency} referred records to another agency.",
        "referral_received": f"{agency} received the request on referral from another agency.",
        "consultation": f"{agency} consulted another agency about the records.",
        "estimated_completion": f"{agency} gave an estimated completion date"
        + (f" of {long_date(e.named_date)}" if e.named_date else "")
        + ".",
        "fee_clarification_requested": f"{agency} asked Plaintiff to clarify the fees.",
        "fee_clarification_answered": "Plaintiff answered the question about fees.",
        "appeal_extension_notice": "The appeal office extended the time to decide the appeal"
        + (f" to {long_date(e.named_date)}" if e.named_date else "")
        + ".",
        "payment": "Plaintiff paid fees.",
        "withdrawn": "Plaintiff withdrew the request.",
        "admin_closed": f"{agency} closed the request administratively, without a determination.",
        "reopened": f"{agency} reopened the request.",
    }
    return sentence_start(
        said.get(e.type, (EVENT_TYPES[e.type].label if e.type in EVENT_TYPES else e.type) + ".")
    )


# --- contexts -----------------------------------------------------------------------------------


def _ref(h: History, kind: str = "") -> RequestRef:
    if not h.tracking and kind == "status" and h.filed is not None:
        # asking for the tracking number is itself the first follow-up (552(a)(7)(A))
        return RequestRef(NO_NUMBER_YET, h.filed.occurred_on, _title(h), h.filed.channel)
    if not h.tracking:
        raise DraftingError(
            f"Request #{h.request_id} has no agency tracking number yet: log the acknowledgment "
            "with its tracking number (a filing confirmation is not one); until then, a status "
            "inquiry asks the agency for it."
        )
    submitted = h.filed.occurred_on if h.filed else None
    if submitted is None:
        raise DraftingError(f"Request #{h.request_id} was never filed: log the filing first.")
    return RequestRef(h.tracking, submitted, _title(h), h.filed.channel if h.filed else None)


def _title(h: History) -> str:
    """The request's title without the office it ends in, which the letter names already."""
    title = h.title
    for office in (public_name(h.component), h.component.abbr or h.component.key, h.component.name):
        title = title.removesuffix(f": {office}")
    return title if len(title) < MAX_TITLE else ""


def _history_values(h: History, today: date) -> dict:
    """The log's facts as the templates print them."""
    missed = h.missed(today)
    late = (today - h.due_on).days if missed and h.due_on and not h.responded_on else 0
    return {
        "filed_on": long_date(h.filed.occurred_on) if h.filed else "",
        "channel": h.channel.replace("_", " "),
        "confirmation": h.confirmation,
        "acknowledged_on": long_date(h.acknowledged_on),
        "received_on": long_date(h.received_on),
        "received_assumed": h.received_assumed,
        # a mailed request with no receipt date: the limit counted from the mailing is early by
        # the days the mail took
        "mail_days_unknown": h.received_assumed and h.channel == "mail",
        "due_on": long_date(h.due_on),
        "missed": missed,
        "days_late": late,
        "extended": h.extended,
        "exhaustion_on": long_date(h.exhaustion_on),
        "status_inquiries": [long_date(d) for d in h.status_inquiries],
        "status_inquiries_text": _and_list([long_date(d) for d in h.status_inquiries]),
        "expedite_requested": h.expedite_requested is not None,
        "expedite_denied_on": long_date(h.expedite_denied.occurred_on) if h.expedite_denied else "",
        "waiver_requested": h.waiver_requested is not None,
        "waiver_denied_on": long_date(h.waiver_denied.occurred_on) if h.waiver_denied else "",
        "waiver_pending": h.waiver_requested is not None and h.waiver_decided is None,
        "determination_on": long_date(h.determination.occurred_on) if h.determination else "",
        "determination_outcome": outcome_words(h.determination.outcome) if h.determination else "",
        "determination_did": determination_did(h.determination.outcome, h.exemptions)
        if h.determination
        else "",
        "determination_questions": determination_questions(h.determination.outcome, bool(h.exemptions))
        if h.determination
        else "",
        # a Glomar answer cites exemptions but withholds no record it has confirmed exists
        "determination_withheld": h.determination is not None and h.determination.outcome in WITHHOLDING,
        "fee_bar": bool(fee_bar_state(h, today)),
        "exemptions": [e["name"] for e in h.exemptions],
        "exemptions_text": _and_list([e["name"] for e in h.exemptions]),
        "appeal_filed_on": long_date(h.appeal.occurred_on) if h.appeal else "",
        "appeal_number": h.appeal_number,
        "appeal_decision_due": long_date(h.appeal_decision_due),
        "appeal_decided_on": long_date(h.appeal_decided.occurred_on) if h.appeal_decided else "",
        "appeal_outcome": outcome_words(h.appeal_decided.outcome) if h.appeal_decided else "",
        "appeal_did": APPEAL_DID.get(h.appeal_decided.outcome or "", "decided the appeal")
        if h.appeal_decided
        else "",
        "appeal_remanded": h.appeal_decided is not None and h.appeal_decided.outcome == "remanded",
        "on_remand": _on_remand(h),
        "appeal_missed": h.appeal_missed(today),
        "interim_released_on": long_date(h.interim_release.occurred_on) if h.interim_release else "",
        "chronology": h.chronology,
        "exhibits": h.exhibits,
        "info_requests_repeated": h.info_requests > 1,
    }


def build_followup(kind: str, h: History, requester: Requester, inputs: Inputs, *, letter_date: date) -> dict:
    """The context of one follow-up letter, from the log's facts and the user's inputs."""
    if kind not in KINDS:
        raise DraftingError(f"'{kind}' is not a follow-up; use one of: {', '.join(KINDS)}.")
    comp = h.component
    ref = _ref(h, kind)
    facts = _history_values(h, letter_date)
    if kind == "status":
        ctx = build_status_inquiry_context(
            requester,
            comp,
            ref,
            letter_date=letter_date,
            received_on=h.received_on if not h.received_assumed else None,
            due_on=h.due_on,
            deadline_extended=h.extended,
            note=inputs.note,
        )
        ctx["fee_bar_text"] = fee_bar_text(
            fee_bar_state(h, letter_date), "your office", requester.fee_category
        )
        # A late determination ends the question: the letter says the deadline ran out only
        # while the agency still owes one.
        ctx["deadline_passed"] = h.responded_on is None and ctx["deadline_passed"]
        if h.responded_on is not None:
            ctx["due_on"] = ""  # the determination came: its deadline is no longer "due"
        ctx["remanded"] = {}
        if facts["on_remand"] and h.determination is not None and h.appeal is not None:
            # processed again: the letter asks about the new processing, as for a pending request
            ctx["remanded"] = {
                "appealed_on": facts["appeal_filed_on"],
                "determination_on": facts["determination_on"],
                "on": facts["appeal_decided_on"],
            }
            ctx["deadline_passed"] = False
            ctx["fee_bar_text"] = ""
        elif h.responded_on is not None and h.determination is not None:
            # no longer pending: no estimated date of completion (552(a)(7)(B)) to ask for
            outcome = h.determination.outcome or ""
            ctx["determined"] = {
                "on": facts["determination_on"],
                "outcome": facts["determination_outcome"],
                "did": facts["determination_did"],
                "releases": outcome in RELEASES,
                "referred": outcome == "referral",  # the letter asks where the request went
            }
            if outcome in ADVERSE:
                ctx["warnings"].append(
                    f"The determination of {facts['determination_on']} ended the request's "
                    "processing: to challenge it, appeal rather than ask for the status."
                )
        elif h.responded_on is not None:
            ctx["warnings"].append(
                f"The log shows the request closed or withdrawn on {long_date(h.responded_on)}: "
                "the letter still asks for an estimated date of completion."
            )
        if h.appeal is not None and h.appeal_decided is None:
            # a pending appeal: the question is the appeal's, for the appeals office
            ctx.update(appeal_office(comp, inputs.appeal_address, ctx["warnings"]))
            decided = h.determination
            ctx["appeal"] = {
                # the appeals office did not decide: say who did, and what the decision did
                "decision": f"{_decision('determination', decided.occurred_on)} by {first_mention(comp)}"
                + (f", which {did}" if (did := determination_did(decided.outcome, h.exemptions)) else "")
                if decided
                else "decision",
                "filed_on": facts["appeal_filed_on"],
                "number": h.appeal_number,
                "due_on": facts["appeal_decision_due"],
                "missed": facts["appeal_missed"],
            }
    elif kind == "info-answer":
        asked = h.info_requested
        if asked is None:
            raise DraftingError("The log has no request for information from the agency to answer.")
        ctx = build_clarification_reply_context(
            requester,
            comp,
            ref,
            letter_date=letter_date,
            agency_letter_date=asked.occurred_on,
            clarification=inputs.answer,
        )
    elif kind == "still-interested":
        asked = h.still_interested
        if asked is None:
            raise DraftingError("The log has no still-interested letter from the agency to answer.")
        ctx = build_still_interested_context(
            requester,
            comp,
            ref,
            letter_date=letter_date,
            agency_letter_date=asked.occurred_on,
            reply_by=asked.named_date,
            note=inputs.note,
        )
        if h.determination is not None and h.determination.occurred_on >= asked.occurred_on:
            ctx["warnings"].append(
                f"The log shows a determination on {facts['determination_on']}, after the agency's "
                "letter: the request is no longer pending, so this reply may no longer be needed."
            )
    elif kind == "fee-response":
        estimate = h.fee_estimate
        if estimate is None or estimate.amount_cents is None:
            raise DraftingError("The log has no fee estimate with an amount to answer.")
        ctx = build_fee_response_context(
            requester,
            comp,
            ref,
            letter_date=letter_date,
            agency_letter_date=estimate.occurred_on,
            fee_estimate=Decimal(estimate.amount_cents) / 100,
            accept=inputs.accept,
            fee_cap=inputs.fee_cap,
            narrowing=inputs.narrowing,
            fee_bar=facts["fee_bar"],
            fee_bar_text=fee_bar_text(fee_bar_state(h, letter_date), "your office", requester.fee_category),
            fee_bar_all=_bars_every_fee(fee_bar_state(h, letter_date), requester),
            estimate_after_due=h.due_on is not None and h.due_on < estimate.occurred_on,
            note=inputs.note,
        )
    elif kind == "appeal":
        ctx = _appeal(h, requester, inputs, ref, letter_date)
    elif kind == "reopen":
        if h.closure is None:
            raise DraftingError("The log shows no closure by the agency that it has not undone.")
        ctx = _followup_base(requester, comp, ref, letter_date)
        closed = h.closure.event.occurred_on
        state = fee_bar_state(h, letter_date) if h.due_on is not None and closed > h.due_on else ""
        fees = h.closure.ask is not None and h.closure.ask.type.startswith("fee")
        advance = advance_payment(
            h.closure,
            short_name(comp),
            inputs.fee_cap,
            barred=state,
            all_barred=_bars_every_fee(state, requester),
            to_office=True,
        )
        ctx.update(
            reopen_context(
                h.closure,
                short_name(comp),
                answer=inputs.answer,
                fee_cap=inputs.fee_cap,
                barred=state if fees else "",
                bar_text=fee_bar_text(state, "your office", requester.fee_category) if fees else "",
                advance=advance,
            )
        )
        ctx["warnings"].extend(advance.notes)
        ctx["note"] = paragraphs(inputs.note)
        ctx["answer_by"] = answer_by(letter_date)
        if h.closure_appeal_due is not None and h.closure_appeal_due < letter_date:
            ctx["warnings"].append(
                f"The window to appeal the closure ended on {long_date(h.closure_appeal_due)}: if the "
                "agency will not reopen the request, a new request may be the way left."
            )
        elif h.closure_appeal_due is not None:
            ctx["warnings"].append(
                "Asking to reopen does not stop the appeal window, which runs to "
                f"{long_date(h.closure_appeal_due)}: "
                "appeal by then if the agency has not reopened the request."
            )
        ctx["warnings"].append(new_request_note(h.closure.event.occurred_on))
    elif kind == "liaison":
        ctx = _followup_base(requester, comp, ref, letter_date)
        liaison = ctx["component"]["public_liaison"]
        ctx["addressee"] = _address_block(
            # the FOIA office's block, read back as text (a Listing holds it XML-escaped)
            "FOIA Public Liaison",
            "\n".join(html.unescape(str(ctx["addressee"])).split("\n")[1:]),
            letter_name(comp),
        )
        if not liaison:
            ctx["warnings"].append(
                f"No current FOIA Public Liaison contact is on file for {short_name(comp)}: the letter "
                "goes to the FOIA office, addressed to the Liaison; find the Liaison's contact on "
                "the agency's FOIA page."
            )
        ctx.update(note=paragraphs(inputs.note), answer_by=answer_by(letter_date))
    elif kind == "ogis":
        ctx = _followup_base(requester, comp, ref, letter_date)
        facts["chronology"] = h.own_chronology  # the requester tells OGIS what happened
        ctx["warnings"].extend(OGIS_WARNINGS)
        ctx.update(
            agency=with_article(letter_name(comp)),
            addressee=_address_block("", OGIS_ADDRESS),
            delivery=f"Sent by email to {OGIS_EMAIL}",
            # a letter to OGIS, not a request to the IRS: the IRS's signed-request rule does not apply
            signature_required=False,
            dispute=_dispute(h, facts),
            ask=_ogis_ask(h, facts),
            note=paragraphs(inputs.note),
        )
    else:  # complaint-outline
        ctx = _followup_base(requester, comp, ref, letter_date)
        if not (facts["missed"] or facts["appeal_missed"] or h.appeal_decided is not None):
            ctx["warnings"].append(
                "The log shows neither a missed deadline nor a decided appeal: a court may find "
                "administrative remedies not exhausted (5 U.S.C. 552(a)(6)(C)(i))."
            )
        ctx.update(
            agency=with_article(letter_name(comp)),
            defendant=comp.parent_name or letter_name(comp),
            venue_home=_home_district(requester),
            note=paragraphs(inputs.note),
        )
    ctx["history"] = facts
    ctx["kind"] = kind
    if ctx["request"]["tracking_number"] == NO_NUMBER_YET:
        ctx["request"]["tracking_number"] = ""
    return ctx


def determination_questions(outcome: str | None, cited: bool = False) -> str:
    """What a FOIA Public Liaison can explain about a determination. A Glomar answer
    rests on the exemption that protects the existence of records, not on a search; when the
    answer names that exemption (`cited`), the letter does not ask which it is."""
    if outcome == "glomar":
        return (
            ("" if cited else "which exemption that refusal rests on, ")
            + "how confirming or denying would cause the harm the exemption guards against, and "
            "whether the agency has already made public that such records exist"
        )
    withheld = ", why records were withheld" if outcome in WITHHOLDING else ""
    return (
        f"which offices and records were searched{withheld} and whether any records were referred "
        "to or consulted on with another agency"
    )


def determination_did(
    outcome: str | None, exemptions: Sequence[dict] = (), request: str = "my request"
) -> str:
    """What a determination did, as a clause after "which" or after the office's name: a
    practitioner says "which withheld records in part under Exemption 5", never "the
    partly granted determination" (a log's label used as an adjective). `request` is how the
    writer calls the request ("my request"; "the request" in a complaint's chronology)."""
    cited = _and_list([e["name"] for e in exemptions])
    under = f" under {cited}" if cited else ""
    return {
        "partial": f"withheld records in part{under}",
        "denial": f"withheld the records in full{under}" if cited else f"denied {request}",
        "no_records": f"found no records responsive to {request}",
        "glomar": "refused to confirm or deny that responsive records exist"
        + (f", citing {cited}" if cited else ""),
        "full_grant": f"granted {request} in full",
        "referral": f"referred {request} to another agency",
    }.get(outcome or "", "")


def fee_bar_state(h: History, today: date) -> str:
    """Whether 5 U.S.C. 552(a)(4)(A)(viii) bars fees, as far as the log can tell. "barred":
    the determination came late (or not yet) and no timely notice of unusual circumstances
    came, so none of the exceptions of (viii)(II) can apply, all of which need that notice
    or a court's finding. "unless_pages": a timely notice came, but even the extended limit
    and the 10 days (viii)(II)(aa) adds ran out: barred unless (bb) applies (more than 5,000
    pages, and the agency discussed narrowing with the requester), which the log cannot
    know. "": no limit missed, or still within those 10 days (counted as working days, the
    later reading)."""
    if h.due_on is None or not h.missed(today):
        return ""
    if h.agreed:  # whether missing an agreed time frame bars fees is not settled: claim nothing
        return ""
    if not h.extended:
        return "barred"
    from foiadesk.core.deadlines.calendar import calendar

    return "unless_pages" if (h.responded_on or today) > calendar().add_working_days(h.due_on, 10) else ""


def fee_bar_text(state: str, who: str, fee_category: str) -> str:
    """The fee bar as the letter asserts it, only as far as `fee_bar_state` supports; `who`
    is the office that missed the limit ("your office", "the Office of Legal Counsel"), named
    in the sentence before."""
    fees = (
        "duplication fees, the only fees a requester in my fee category pays,"
        if fee_category in PREFERRED_CATEGORIES
        else "search fees"
    )
    if state == "barred":
        return (
            f"Because {who} gave no timely written notice of unusual circumstances (5 U.S.C. "
            f"552(a)(6)(B)), 5 U.S.C. 552(a)(4)(A)(viii) bars it from charging me {fees} for this request."
        )
    if state == "unless_pages":
        return (
            f"{sentence_start(who)} missed even the extended time limit by more than the 10 days "
            "that 5 U.S.C. 552(a)(4)(A)(viii)(II)(aa) excuses, so it may not charge me "
            f"{fees} "
            "unless more than 5,000 pages are necessary to respond and it has discussed with me how to "
            "limit the request (552(a)(4)(A)(viii)(II)(bb))."
        )
    return ""


def outcome_words(outcome: str | None) -> str:
    """An outcome inside a sentence: "partly granted", but "Glomar", a proper name."""
    return OUTCOME_LABELS.get(outcome or "", "").lower().replace("glomar", "Glomar")


def _and_list(names: list[str]) -> str:
    """Names as a sentence lists them: Exemption 5, Exemption 6 and Exemption 7(C)."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _dispute(h: History, facts: dict) -> str:
    if facts["appeal_missed"] and h.appeal_decided is None:
        return "the lack of a decision on my administrative appeal within the time the law allows"
    if _on_remand(h):
        return (
            f"the processing of my request since {facts['appeal_decided_on']}, when the appeal office "
            "sent it back to be processed again"
        )
    if _closed_undecided(h):
        assert h.closure is not None  # _closed_undecided says so
        return (
            f"the administrative closure of my request on {long_date(h.closure.event.occurred_on)}, "
            "which made no determination on the records"
        )
    if h.determination is not None and h.determination.outcome in (*ADVERSE, "referral"):
        # the exemptions follow in a sentence of their own ("The determination withheld records under …")
        did = determination_did(h.determination.outcome)
        return f"the determination of {facts['determination_on']}, which {did}"
    if h.waiver_denied is not None:
        return f"the {_waiver_denial(h)} on {facts['waiver_denied_on']}"
    if h.category_denied is not None:
        return f"the denial of my fee category on {long_date(h.category_denied.occurred_on)}"
    if facts["missed"] and h.determination is not None:  # it came, late: the delay is the dispute
        return (
            "the delay in deciding my request, which ended only with the determination of "
            f"{facts['determination_on']}"
        )
    if facts["missed"]:
        return f"the agency's failure to make a determination by {facts['due_on']}"
    return "the processing of my request"


def _closed_undecided(h: History) -> bool:
    """The agency closed the request and has made no determination since."""
    closed = h.closure
    return closed is not None and (
        h.determination is None or h.determination.occurred_on <= closed.event.occurred_on
    )


def _ogis_ask(h: History, facts: dict) -> str:
    """What the requester asks OGIS to help obtain, for the dispute `_dispute` names."""
    if facts["appeal_missed"] and h.appeal_decided is None:
        return "A decision on my administrative appeal, or a date by which the appeal office will decide it"
    if _on_remand(h):
        return (
            "A realistic estimated date of completion for the request as processed again, release of "
            "the records already processed and a schedule for the rest"
        )
    if _closed_undecided(h):
        return "The reopening of my request in its place in the processing queue, and a determination on it"
    adverse = h.determination is not None and h.determination.outcome in ADVERSE
    if h.determination is not None and h.determination.outcome == "glomar":  # nothing withheld yet
        return (
            "An explanation of how confirming or denying that records exist would cause the harm "
            + ("the exemption cited" if h.exemptions else "an exemption")
            + " guards against, or an answer that says whether responsive records exist"
        )
    if adverse and h.exemptions:
        return (
            "A fuller explanation of each withholding, release of the segregable portions withheld, "
            "and a description of the search made"
        )
    if adverse:
        return "An explanation of the determination and a description of the search made"
    if h.determination is not None and h.determination.outcome == "referral":
        return (
            "The name of the agency my request was referred to, the date of the referral and the "
            "tracking number that agency assigned"
        )
    if h.waiver_denied is not None:
        return f"Reconsideration of the {_waiver_denial(h)}"
    if h.category_denied is not None:
        return "Reconsideration of the denial of my fee category"
    if facts["missed"] and h.determination is None:
        return (
            "A realistic estimated date of completion, release of the records already processed "
            "and a schedule for the rest"
        )
    return "Help in resolving the dispute described above"


def _home_district(requester: Requester) -> str:
    match = re.search(r",\s*([A-Z]{2})\s+\d{5}", requester.address or "")
    return match.group(1) if match else ""


# What an appeal asks the appeals office to order, by what the determination did (a
# withholding: release; no records: a new search; a Glomar answer: an answer on the records).
RELIEF = {
    "partial": "order the release of all reasonably segregable, non-exempt records",
    "denial": "order the release of all reasonably segregable, non-exempt records",
    "no_records": "order a new search and the release of the records it finds",
    "glomar": "order a search and a response that says whether responsive records exist",
    "referral": "order the request processed in full",
}
WITHHOLDING = ("partial", "denial")  # determinations that withheld records: segregability is argued

# A Glomar response is argued on its own ground, not the search's: the agency has not said
# it searched, only that the existence of records is itself protected.
GLOMAR_ARGUMENT = (
    "A response that neither confirms nor denies that records exist is proper only where "
    "confirming or denying would itself disclose information an exemption protects. Please "
    "identify that exemption and explain, for this request, how the fact that records exist, or "
    "do not, would cause the harm it guards against; otherwise, confirm whether responsive "
    "records exist, search for them and release every reasonably segregable, non-exempt portion. "
    "Where the government has already made the existence of the records public, the response "
    "cannot stand for them."
)


def glomar_argument(decider: str, cited: list[dict]) -> str:
    """The Glomar argument, on the exemptions the response cites when it cites any: no record
    was withheld, so none is argued as withheld; what each exemption must protect is the fact
    that records exist or do not. Exemption 7 reaches only records "compiled for law
    enforcement purposes" (5 U.S.C. 552(b)(7))."""
    if not cited:
        return GLOMAR_ARGUMENT
    labels = [
        exemption({"code": e["code"], "statute": e["name"].partition(" with ")[2]})["label"] for e in cited
    ]
    them = "those exemptions protect" if len(labels) > 1 else "that exemption protects"
    seven = any(e["code"].startswith("b7") for e in cited)
    return (
        f"{sentence_start(decider)} cited {_and_list(labels)}. A response that neither confirms nor "
        "denies that records exist is proper only where confirming or denying would itself disclose "
        f"information {them}. Please explain, for this request, how the fact that records exist, or do "
        "not, would cause that harm"
        + (
            ", and show that the records requested would have been compiled for law enforcement "
            "purposes, as Exemption 7 requires"
            if seven
            else ""
        )
        + "; otherwise, confirm whether responsive records exist, search for them and release every "
        "reasonably segregable, non-exempt portion. Where the government has already made the "
        "existence of the records public, the response cannot stand for them."
    )


DELAY = "failure to make a determination"


def _delay_argument(h: History, requester: Requester, decider: str, letter_date: date) -> str:
    """An appeal of a failure to make a determination in time: the Act's duty and the dates
    the log shows, what the missed limit bars (fees, only as far as the log supports), and the
    right to sue that the appeal does not give up (5 U.S.C. 552(a)(6)(C)(i))."""
    assert h.due_on is not None
    # a receipt only assumed from the filing date is no fact to state: the sending is
    if h.received_on and not h.received_assumed:
        received = f" It received my request on {long_date(h.received_on)}"
    elif h.filed is not None:
        received = f" I sent my request on {long_date(h.filed.occurred_on)}"
    else:
        received = ""
    extended = ", as extended for unusual circumstances," if h.extended else ""
    # counted from the day a letter was mailed, the limit is early by the days the mail took
    ran_out = long_date(h.due_on) + ","
    if h.received_assumed and h.channel == "mail":
        ran_out += " or as many working days later as the mail took,"
    asked = (
        f" I asked about its status on {_and_list([long_date(d) for d in h.status_inquiries])}."
        if h.status_inquiries
        else ""
    )
    bar = fee_bar_text(fee_bar_state(h, letter_date), decider, requester.fee_category)
    return "\n".join(
        x
        for x in (
            f"The Act required {decider} to determine within 20 working days after receiving my request "
            "whether to comply with it, and to notify me of that determination (5 U.S.C. "
            f"552(a)(6)(A)(i)).{received}{';' if received else ''}"
            f"{' the' if received else ' The'} time limit{extended} ran out on {ran_out} and "
            f"{decider} has made no determination.{asked}",
            f"{bar} Please direct that no such fees be charged." if bar else "",
            f"Please also direct {decider} to release records on a rolling basis as it processes them, and "
            "to tell me an estimated date on which it will complete action on the request (5 U.S.C. "
            f"552(a)(7)(B)). Because {decider} did not comply with the time limit, I may treat my "
            "administrative remedies as exhausted and seek judicial review (5 U.S.C. 552(a)(6)(C)(i)); "
            "this appeal does not give up that right.",
        )
        if x
    )


def _delay_note(component: Component) -> str:
    """What the user should know before appealing a delay: whether the agency takes such an
    appeal is in its notes only as partly confirmed (DHS and DOJ do, the IRS does not), and
    suing or asking OGIS are open either way."""
    note = next((n for n in component.appeal_notes if "failure to respond in time" in n.value), None)
    said = (
        f"{one_line(note.value).rstrip('.')}{'' if note.tag == 'V' else ' (partly confirmed)'}: check"
        if note is not None
        else f"Whether {short_name(component)} takes an appeal of a failure to respond in time is not on "
        "file: check"
    )
    return (
        f"{said} the agency's rules before sending. There is no determination letter to take the "
        "appeals office's address from: check it on the agency's FOIA page. Once the time limit has "
        "passed you may also sue without appealing (the complaint outline), or ask OGIS to mediate."
    )


def _closure_appeal(
    h: History, requester: Requester, inputs: Inputs, ref: RequestRef, letter_date: date
) -> dict:
    """An appeal of the agency's administrative closure: the reason it gave, the requester's
    answer as the log shows it, and the determination the Act still requires."""
    from foiadesk.core.deadlines.calendar import calendar

    closure = h.closure
    assert closure is not None  # asked only of a request the agency closed
    decider = short_name(h.component)
    late = h.due_on is not None and closure.event.occurred_on > h.due_on
    state = fee_bar_state(h, letter_date) if late else ""
    advance = advance_payment(
        closure,
        decider,
        inputs.fee_cap,
        barred=state,
        all_barred=_bars_every_fee(state, requester),
    )
    grounds, notes = appeal_argument(
        closure,
        decider,
        calendar(),
        answer=inputs.answer,
        fee_cap=inputs.fee_cap,
        barred=state,
        advance=advance,
    )
    notes.extend(advance.notes)
    other = [inputs.other_argument] if inputs.other_argument else []
    if late:
        assert h.due_on is not None
        extended = ", as extended for unusual circumstances," if h.extended else ""
        bar = fee_bar_text(state, decider, requester.fee_category)
        other.append(
            f"{sentence_start(decider)} made no determination by {long_date(h.due_on)}, when the time "
            f"limit for one{extended} ran out (5 U.S.C. 552(a)(6)(A)(i)); it closed the request only on "
            f"{long_date(closure.event.occurred_on)}."
            + (f" {bar} Please direct that no such fees be charged." if bar else "")
            + (f" {advance.after_bar}" if bar and advance.after_bar else "")
        )
    waiver = ""
    if h.waiver_denied is not None and h.waiver_denied.occurred_on <= closure.event.occurred_on:
        waiver = waiver_appeal_argument(
            requester,
            h.component,
            ref.title,
            showed=h.our_letter,
            lead=f"I also appeal the {_waiver_denial(h)} by {decider} on "
            f"{long_date(h.waiver_denied.occurred_on)}.",
        )
    reason = based_on(closure)
    on = closure.event.occurred_on
    ctx = build_appeal_context(
        requester,
        h.component,
        ref,
        letter_date=letter_date,
        determination_date=on,
        determination_official=inputs.determination_official,
        closure_argument="\n".join(grounds),
        other_argument="\n".join(x.strip() for x in other if x.strip()),
        waiver_argument=waiver,
        appeal_address=inputs.appeal_address,
        decision="administrative closure of my request",
        outcome=f"it based on {reason}" if reason else "gave no reason",
        request_verb="concerns",
        relief=CLOSURE_RELIEF,
        withheld_records=False,
        enclosure=f"letter of {long_date(on)} closing {{request}}",
        also_enclosed=f"my answer of {long_date(answer.occurred_on)}"
        if (answer := closure.answer) is not None and answer.occurred_on <= letter_date
        else "",
    )
    ctx["warnings"].extend(notes)
    if answer is not None and answer.occurred_on <= letter_date:
        ctx["warnings"].append(
            f"Enclose your answer of {long_date(answer.occurred_on)} with the appeal: the letter says "
            "it is enclosed."
        )
    if closure.missed_reply_by:
        ctx["warnings"].append(
            "You missed the date the agency's letter named: a short request to reopen "
            "(followup reopen) may settle this sooner than an appeal. " + new_request_note(on)
        )
    return ctx


def _on_remand(h: History) -> bool:
    """The appeal office sent the request back to be processed again, and no determination has
    come since: the office owes a new one, and the old one no longer ends its action."""
    decided = h.appeal_decided
    if decided is None or decided.outcome != "remanded":
        return False
    return h.determination is None or h.determination.occurred_on <= decided.occurred_on


def _bars_every_fee(state: str, requester: Requester) -> bool:
    """The fee bar, as the letter asserts it, leaves the requester no fee to pay: with no timely
    notice, (viii)(I) bars duplication fees for the categories of (ii)(II), who pay nothing else."""
    return state == "barred" and requester.fee_category in PREFERRED_CATEGORIES


def _appeals_closure(h: History) -> bool:
    """An appeal now is of the agency's administrative closure (no decision came after it)."""
    closed = h.closure
    return closed is not None and (
        h.determination is None or h.determination.occurred_on <= closed.event.occurred_on
    )


def takes_fee_cap(db: Database, request_id: int, kind: str, *, letter_date: date | None = None) -> bool:
    """Whether the letter can say what fees the requester agrees to pay (``Inputs.fee_cap``,
    the command line's --fee-cap): a fee response, a request to reopen, and an appeal of an
    administrative closure. Other letters leave it out."""
    if kind in ("fee-response", "reopen"):
        return True
    return kind == "appeal" and _appeals_closure(history_of(db, request_id, today=letter_date))


def _appeal_decided(h: History) -> str:
    """Why there is nothing to appeal: the appeal office has decided the appeal, and no decision
    open to appeal has come since. "" when something is left to appeal."""
    decided = h.appeal_decided
    if decided is None or h.appeal is None:
        return ""
    if h.appeal.outcome not in (None, *ADVERSE):  # it appealed a fee or expedite decision only
        return ""
    since = (h.determination, h.waiver_denied, h.category_denied, h.expedite_denied)
    if any(e is not None and e.occurred_on > decided.occurred_on for e in since) or (
        h.closure is not None and h.closure.event.occurred_on > decided.occurred_on
    ):
        return ""
    on = long_date(decided.occurred_on)
    if decided.outcome == "remanded":
        return (
            f"On {on} the appeal office sent the request back to be processed again: there is no "
            "decision to appeal until the office decides again. Ask where it stands (a status "
            "inquiry) meanwhile."
        )
    did = APPEAL_DID.get(decided.outcome or "", "decided the appeal")
    return (
        f"The appeal office {did} on {on}: that is the agency's final word, so the next step is "
        "a lawsuit (the complaint outline) or OGIS's mediation, not a second appeal."
    )


def _appeal(h: History, requester: Requester, inputs: Inputs, ref: RequestRef, letter_date: date) -> dict:
    if why := _appeal_decided(h):
        raise DraftingError(why)
    if _appeals_closure(h):
        return _closure_appeal(h, requester, inputs, ref, letter_date)
    adverse = h.determination if h.determination and h.determination.outcome != "full_grant" else None
    glomar = adverse is not None and adverse.outcome == "glomar"
    withheld = []
    if h.exemptions and not glomar:  # a Glomar response withheld no record: it is argued as one
        cited = _and_list([e["name"] for e in h.exemptions])
        withheld.append(
            {
                "description": f"Records and passages withheld under {cited}",
                "exemptions": [
                    {"code": e["code"], "statute": e["name"].partition(" with ")[2]} for e in h.exemptions
                ],
                "cited_in_description": True,
            }
        )
    warnings: list[str] = []
    search = inputs.search_argument
    decider = short_name(h.component)  # named in full in the letter's first sentence
    if not search and adverse is not None and not glomar:
        search = (
            f"{sentence_start(decider)} had to make a search reasonably calculated to uncover all "
            "responsive records, in every office and system likely to hold them, including the email, "
            "attachments and messaging accounts of the officials involved. The determination does not "
            "say which offices, custodians, systems, date ranges or search terms were searched. Please "
            "order a new search, and a description of it that names each of them."
        )
    other = [inputs.other_argument] if inputs.other_argument else []
    waiver = ""
    if h.waiver_denied is not None:
        denied = long_date(h.waiver_denied.occurred_on)
        waiver = waiver_appeal_argument(
            requester,
            h.component,
            ref.title,
            showed=h.our_letter,
            lead=f"I also appeal the {_waiver_denial(h)} by {decider} on {denied}." if adverse else "",
        )
    if h.category_denied is not None:
        label, cite, _ = FEE_CATEGORIES[requester.fee_category]
        basis = one_line(requester.fee_category_basis)
        if basis and not basis.endswith((".", "!", "?")):
            basis += "."
        other.append(
            (
                f"I also appeal the denial of my fee category by {decider} on "
                f"{long_date(h.category_denied.occurred_on)}. "
                if adverse or h.waiver_denied is not None
                else ""
            )
            + f"My request stated my fee category, {label} (5 U.S.C. {cite}). "
            + (f"{basis} " if basis else "")
            + "Please place my request in that category and assess fees accordingly."
        )
    # The lateness is argued for what it bars (fees), and only as far as the log supports it.
    bar = fee_bar_state(h, letter_date)
    if bar and h.due_on is not None:
        late = (
            f"made its determination only on {long_date(h.responded_on)}, after"
            if h.responded_on is not None
            else "has made no determination, although"
        )
        extended = ", as extended for unusual circumstances," if h.extended else ""
        other.append(
            f"{sentence_start(decider)} {late} the time limit for it{extended} ran out on "
            f"{long_date(h.due_on)} (5 U.S.C. 552(a)(6)(A)(i)). "
            + fee_bar_text(bar, "it", requester.fee_category)
            + " Please direct that no such fees be charged."
        )
    # Expedition is argued only while the agency has not granted it: asked for and denied, or
    # asked for and never decided. Once granted there is nothing to renew or to certify again.
    asked_on = h.expedite_requested.occurred_on if h.expedite_requested is not None else None
    renew_expedite = asked_on is not None and h.expedite_granted is None
    expedite_argument = inputs.expedite_argument if renew_expedite else ""
    if h.expedite_granted is not None and inputs.expedite_argument:
        warnings.append(
            f"Expedited processing was granted on {long_date(h.expedite_granted.occurred_on)}: "
            "the appeal does not ask for it again, so your expedite argument was left out."
        )
    if asked_on is not None and renew_expedite and not expedite_argument:
        asked = long_date(asked_on)
        if h.expedite_denied is not None:
            # The (E)(vi) certification covers this text: only what the log knows (the dates).
            expedite_argument = (
                f"Expedited processing was denied on {long_date(h.expedite_denied.occurred_on)}. The "
                f"compelling need set out in my request of {asked} continues, and 5 U.S.C. "
                "552(a)(6)(E)(ii)(II) requires this appeal to be considered expeditiously."
            )
        else:
            expedite_argument = f"The compelling need set out in my request of {asked} continues."
    decision = adverse or h.waiver_denied or h.category_denied or h.expedite_denied
    delayed = decision is None and h.determination is None and h.due_on is not None and h.missed(letter_date)
    if decision is None and not delayed:
        raise DraftingError("The log has no adverse decision to appeal: log the determination first.")
    if delayed:
        assert h.due_on is not None  # `delayed` says so
        # the delay's own section says when the limit ran out and what it bars
        ctx = build_appeal_context(
            requester,
            h.component,
            ref,
            letter_date=letter_date,
            determination_date=h.due_on,
            determination_official=inputs.determination_official,
            search_argument=inputs.search_argument,
            delay_argument=_delay_argument(h, requester, decider, letter_date),
            other_argument=inputs.other_argument,
            expedite=renew_expedite,
            expedite_argument=expedite_argument,
            appeal_address=inputs.appeal_address,
            decision=DELAY,
            request_verb="concerns",
            relief=f"direct {decider} to make its determination on my request by a date you set and to "
            "release the records it finds without further delay",
            withheld_records=False,
            enclosure=f"acknowledgment of {long_date(h.acknowledged_on)}" if h.acknowledged_on else "",
        )
        ctx["warnings"].extend([*warnings, _delay_note(h.component)])
        return ctx
    assert decision is not None
    if decision is adverse:
        noun = "determination"
    elif decision is h.waiver_denied:
        noun = f"{_waiver_denial(h)} request"
    elif decision is h.category_denied:
        noun = "denial of my fee category"
    else:
        noun = "denial of expedited processing"
    ctx = build_appeal_context(
        requester,
        h.component,
        ref,
        letter_date=letter_date,
        determination_date=decision.occurred_on,
        withheld=withheld,
        determination_official=inputs.determination_official,
        search_argument=search,
        glomar_argument=glomar_argument(decider, h.exemptions) if glomar else "",
        other_argument="\n".join(other),
        waiver_argument=waiver,
        expedite=renew_expedite,
        expedite_argument=expedite_argument,
        appeal_address=inputs.appeal_address,
        decision=noun,
        outcome=determination_did(adverse.outcome, h.exemptions) if decision is adverse else "",
        relief=RELIEF.get(adverse.outcome or "", "") if decision is adverse else "",
        withheld_records=adverse.outcome in WITHHOLDING if decision is adverse else None,
        # an expedite denial argued beside another decision is enclosed with it
        expedite_denied_on=h.expedite_denied.occurred_on
        if h.expedite_denied is not None and decision is not h.expedite_denied
        else None,
        # with no determination yet the denial is live, so it is appealed, not only enclosed;
        # after one, expedition is moot (5 U.S.C. 552(a)(6)(E)(iv)) and only this appeal is urged
        expedite_appealed=adverse is None,
    )
    ctx["warnings"].extend(warnings)
    if adverse is not None and adverse.outcome == "no_records":
        ctx["warnings"].append(
            "A no-records answer is appealed on the search: add what you know about where the "
            "records are (--search-argument)."
        )
    if glomar:
        ctx["warnings"].append(
            "A Glomar answer is appealed on the harm that confirming the records would do: if the "
            "agency or the government has already made their existence public, say where "
            "(--other-argument)."
        )
    return ctx


# --- drafting and logging ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Followup:
    request_id: int
    kind: str
    filename: str
    docx: bytes
    warnings: tuple[str, ...]
    context: dict


def draft_followup(
    db: Database,
    request_id: int,
    kind: str,
    inputs: Inputs | None = None,
    *,
    letter_date: date | None = None,
    requester: Requester | None = None,
    user_templates_dir: Path | None = None,
) -> Followup:
    """Render one follow-up from the log (nothing is written)."""
    if kind not in KINDS:
        raise DraftingError(f"'{kind}' is not a follow-up; use one of: {', '.join(KINDS)}.")
    letter_date = letter_date or date.today()
    requester = requester or requester_for(db, request_id)
    if requester is None:
        raise DraftingError(no_signer(request_id))
    from foiadesk.core.letters.drafting import render, suggested_filename  # Word's libraries: on first use

    h = history_of(db, request_id, today=letter_date)
    ctx = build_followup(kind, h, requester, inputs or Inputs(), letter_date=letter_date)
    data = render(KINDS[kind][0], ctx, user_templates_dir=user_templates_dir)
    filed = h.filed.occurred_on.isoformat() if h.filed else ""
    name = suggested_filename(
        FILE_WORDS[kind], file_office(h.component), letter_date, h.tracking or f"request-filed-{filed}"
    )
    return Followup(request_id, kind, name, data, tuple(ctx["warnings"]), ctx)


def no_signer(request_id: int) -> str:
    return (
        f"Request #{request_id} has no requester profile to sign with: add yours in Settings › "
        "Requester profiles (on the command line, give --profile)."
    )


def followup_notes(
    db: Database, request_id: int, kind: str, inputs: Inputs | None = None, *, letter_date: date | None = None
) -> tuple[str, ...]:
    """What to check before sending a follow-up: the notes its draft would carry (the appeal
    office on file, a Glomar answer's argument...), read without rendering the letter, so
    they can be shown while the user fills it in. None when it cannot be drafted: drafting
    says why."""
    return followup_check(db, request_id, kind, inputs, letter_date=letter_date)[0]


def followup_check(
    db: Database, request_id: int, kind: str, inputs: Inputs | None = None, *, letter_date: date | None = None
) -> tuple[tuple[str, ...], str]:
    """(the notes of ``followup_notes``, why the follow-up cannot be drafted now: "" when it
    can). What stops a draft is a fact the log lacks (a tracking number, the decision to
    appeal) or one of ``inputs`` left empty (the fees agreed to), said as soon as the kind
    is chosen."""
    letter_date = letter_date or date.today()
    if kind not in KINDS:
        return (), f"'{kind}' is not a follow-up; use one of: {', '.join(KINDS)}."
    requester = requester_for(db, request_id)
    if requester is None:
        return (), no_signer(request_id)
    h = history_of(db, request_id, today=letter_date)
    try:
        ctx = build_followup(kind, h, requester, inputs or Inputs(), letter_date=letter_date)
    except UserError as exc:
        return (), str(exc)
    return tuple(ctx["warnings"]), ""


def log_followup(db: Database, followup: Followup, *, on: date | None = None) -> log.Changes:
    """Record a follow-up as a draft on its request, with the letter attached."""
    on = on or date.today()
    label = KINDS[followup.kind][1]
    from foiadesk.core.letters.compose import docx_text

    with write(db):
        return log.record_event(
            db,
            followup.request_id,
            log.NewEvent(
                "drafted",
                on,
                summary=f"{sent.FOLLOW_UP} drafted: {label} ({followup.filename})",
                body=docx_text(followup.docx),
                files=(log.Attachment(followup.filename, followup.docx, DOCX_MIME),),
            ),
            today=on,
        )


def record_determination(
    db: Database,
    request_id: int,
    *,
    on: date,
    outcome: str,
    exemptions: Sequence[str] = (),
    statutes: Sequence[str] = (),
    tracking: str | None = None,
    agency_received_on: date | None = None,
    summary: str = "",
    files: tuple[log.Attachment, ...] = (),
    today: date | None = None,
) -> log.Changes:
    """A determination with the exemptions it cites, written as the importer writes them."""
    try:
        said = exemptions_summary(list(exemptions), list(statutes)) if exemptions else ""
    except DraftingError as exc:
        raise log.LogError(str(exc)) from None
    text = "; ".join(x for x in (said, summary.strip()) if x)
    return log.record_event(
        db,
        request_id,
        log.NewEvent(
            "determination",
            on,
            outcome=outcome,
            tracking_number=tracking,
            summary=text,
            agency_received_on=agency_received_on,
            files=files,
        ),
        today=today,
    )
