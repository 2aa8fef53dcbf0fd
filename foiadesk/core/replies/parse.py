"""What an agency's letter says, read by rules: a proposal for the user to accept or edit.

Deterministic and offline: regular expressions over the letter's sentences, no model and
no network, so the same letter always gives the same proposal and the user's replies never
leave the machine. Agencies write to a few well-worn templates (acknowledgment, extension,
fee estimate, still-interested, determination, appeal), and the phrases that tell them
apart are stable: "acknowledges receipt", "unusual circumstances", "neither confirm nor
deny", "withheld in part pursuant to Exemptions (b)(6) and (b)(7)(C)".

A proposal is never written by itself: ``import_reply`` turns it into events, shows what
would change, and records it only when the user accepts. Each finding keeps the sentence
it came from (``reasons``) so the review can say why.

The rules live one concept a module (``text``, ``dates``, ``tracking``, ``exemptions``,
``fees``, ``reply_type``); this module reads a letter with them within its budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from foiadesk.core.errors import UserError
from foiadesk.core.replies.dates import letter_date_with_line
from foiadesk.core.replies.exemptions import find_exemptions
from foiadesk.core.replies.fees import find_fee
from foiadesk.core.replies.files import ReplyFile
from foiadesk.core.replies.kinds import DATE_NAMES
from foiadesk.core.replies.reply_type import ACK_STRONG, APPEAL_SUBJECT, INTERIM, Findings
from foiadesk.core.replies.text import (
    BOILERPLATE,
    UNTICKED_LINE,
    normalise,
    split_addenda,
    split_sentences,
    unquoted,
)
from foiadesk.core.replies.tracking import find_tracking_numbers
from foiadesk.core.replies.wording import CONDITIONAL


@dataclass(frozen=True)
class Proposal:
    """What a reply seems to say. Edit with ``dataclasses.replace``."""

    reply_type: str = "other"
    letter_date: date | None = None
    tracking_numbers: tuple[str, ...] = ()  # exactly as written, in the order they appear
    exemptions: tuple[str, ...] = ()  # b1 … b9, with b7's subparts: ("b5", "b6", "b7C")
    b3_statutes: tuple[str, ...] = ()  # statutes cited with Exemption 3, e.g. "26 U.S.C. 6103"
    fee_amount: Decimal | None = None
    fee_meaning: str | None = None  # estimate | assessed | over_cap | none (no fee charged)
    dates: dict[str, date] = field(default_factory=dict)  # named by DATE_NAMES
    referred_to: str | None = None
    request_routed: bool = False  # the whole request went to another office (not some records)
    extension: bool = False  # the letter invokes unusual circumstances
    expedite: str | None = None  # granted | denied
    fee_waiver: str | None = None  # granted | denied
    appeal_outcome: str | None = None  # granted | partly_granted | denied | remanded
    closure_reason: str | None = None  # an administrative closure's reason (events.CLOSURE_REASONS)
    interim: bool = False  # a release with more to come
    acknowledges: bool = False  # it also acknowledges receipt of the request
    no_text: bool = False  # nothing could be read (a scan): the user fills it in
    reasons: tuple[tuple[str, str], ...] = ()  # (finding, the sentence it came from)

    def as_json(self) -> dict:
        """The proposal as ``foiadesk parse-reply --json`` prints it."""
        return {
            "letter_date": _iso(self.letter_date),
            "reply_type": self.reply_type,
            "tracking_numbers": list(self.tracking_numbers),
            "exemptions": list(self.exemptions),
            "fee_amount": float(self.fee_amount) if self.fee_amount is not None else None,
            "fee_meaning": self.fee_meaning,
            "dates": {name: self.dates[name].isoformat() for name in DATE_NAMES if name in self.dates},
            "referred_to": self.referred_to,
            "b3_statutes": list(self.b3_statutes),
            "extension": self.extension,
            "expedite": self.expedite,
            "fee_waiver": self.fee_waiver,
            "appeal_outcome": self.appeal_outcome,
            "closure_reason": self.closure_reason,
            "interim": self.interim,
            "no_text": self.no_text,
        }

    def reason(self, finding: str) -> str | None:
        return next((text for name, text in self.reasons if name == finding), None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_reply(
    reply: ReplyFile, *, deadline: float | None = None, check: Callable[[], None] | None = None
) -> Proposal:
    """The proposal for a file read by ``replies.read_reply``."""
    return parse_text(
        reply.text, sent_on=reply.sent_on, no_text=reply.no_text, deadline=deadline, check=check
    )


def parse_text(
    text: str,
    *,
    sent_on: date | None = None,
    no_text: bool = False,
    deadline: float | None = None,
    check: Callable[[], None] | None = None,
) -> Proposal:
    """The proposal for a letter's text. ``sent_on`` (an email's date) stands in for the
    letter date when the text has no date of its own. Only the first ``MAX_PARSE_CHARS``
    are read (the letter is at the front; released records follow it), and every rule is
    linear in the text, so no input makes reading hang. ``deadline`` (a ``time.monotonic``
    value) stops a read that takes too long with ``ReadingTooLong``; ``check`` is called
    between steps and may raise to stop it (the window's Esc)."""
    clock = _Clock(deadline, check)
    text = unquoted(normalise(text[:MAX_PARSE_CHARS]))
    letter, addenda = split_addenda(text)
    clock.check()
    sentences = [
        s for s in split_sentences(letter) if not BOILERPLATE.search(s) and not UNTICKED_LINE.match(s)
    ]
    found = Findings(sentences)
    dated = letter_date_with_line(letter)
    if dated:
        found.note("letter_date", dated[1])
    letter_date = dated[0] if dated else sent_on
    clock.check()
    numbers = find_tracking_numbers(text)
    exemptions, statutes = find_exemptions(letter)
    fee, fee_meaning = find_fee(letter)
    clock.check()
    referral = found.referral()
    reply_type = found.classify(
        referral, fee, bool(exemptions), appeal_subject=bool(APPEAL_SUBJECT.search(letter[:3000]))
    )
    if reply_type == "appeal_ack":  # it names the exemptions appealed, it applies none
        exemptions, statutes = (), ()
    dates = found.dates(letter_date)
    clock.check()
    return Proposal(
        reply_type=reply_type,
        letter_date=letter_date,
        tracking_numbers=numbers,
        exemptions=exemptions,
        b3_statutes=statutes,
        fee_amount=fee,
        fee_meaning=fee_meaning,
        dates=dates,
        referred_to=referral[0] if referral else None,
        request_routed=bool(referral and referral[1]),
        extension=found.extension is not None,
        expedite=found.decision("expedite"),
        fee_waiver=found.decision("fee_waiver"),
        appeal_outcome=found.appeal_outcome() if reply_type == "appeal_decision" else None,
        closure_reason=found.closure_reason() if reply_type == "admin_closed" else None,
        interim=reply_type in ("records_released", "partial")
        and found.first(INTERIM, skip=CONDITIONAL) is not None,
        acknowledges=found.first(ACK_STRONG) is not None,
        no_text=no_text,
        reasons=tuple(found.reasons),
    )


MAX_PARSE_CHARS = 60_000  # about 15 pages of text: the letter and then some


class ReadingTooLong(UserError):
    """Reading a reply ran past its time limit."""


class _Clock:
    def __init__(self, deadline: float | None, check: Callable[[], None] | None = None):
        self.deadline = deadline
        self.stop = check

    def check(self) -> None:
        if self.stop is not None:
            self.stop()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ReadingTooLong(
                "Reading the reply took too long and was stopped; enter its details by hand."
            )
