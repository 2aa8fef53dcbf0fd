"""The fee a letter asks for, and whether it is an estimate, assessed, more than the requester
agreed to pay, or none, told apart from the rates, caps and thresholds a fee schedule quotes."""

from __future__ import annotations

import re
from decimal import Decimal

# (not after a section sign: "5 U.S.C. § $52" is OCR's § 552)
MONEY = re.compile(r"(?<!§)(?<!§ )\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d)")
NOT_A_FEE = re.compile(
    r"(?:up to|willing to pay|agreed? to pay|exceeds?|exceeding|less than|under|below|more than|over|"
    r"minimum(?: of)?|threshold(?: of)?|at least|at a rate of|rate of|unless"
    # money the agency got or gives back is not what it asks: "We received a check ... in the amount of"
    # (not money asked for first: "will be released upon receipt of payment of $45.00")
    r"|(?:received|(?<!upon\s)(?<!on\s)(?<!after\s)receipt\s+of|returning|return|refund(?:ing)?|locate|find|found|located)\s+(?:a\s+|your\s+)?"
    r"(?:check|payment|money\s+order)\b(?:\s+\S+){0,3}?\s+(?:in\s+the\s+amount\s+of|for|of))\s*$",
    re.I,
)
PER_UNIT = re.compile(r"^\s*(?:per|/|an|a)\s*(?:page|hour|hr|quarter|minute|sheet|disc|cd)", re.I)
VERB = r"(?:of|is|are|will be|would be|total(?:ing|s)?|amount(?:ing)? to|come to)"
FEE_PHRASE = re.compile(
    # "estimated fees to process your request are $…", "fee of $…", "advance payment of $…",
    # "you will owe $16.90", "will be charged $154.00", "$45.00, which exceeds"
    rf"(?:estimated|anticipated|approximate)\s+(?:total\s+)?(?:fees?|costs?|charges?)"
    rf"(?:(?:\s+[\w,]+){{0,6}}?\s+{VERB})?\s*:?\s*(?:approximately\s+)?$"
    rf"|(?:fees?|charges?|costs?)\s+{VERB}\s+(?:approximately\s+)?$"
    # "The fee is estimated at $96.00"
    r"|(?:fees?|charges?|costs?)\s+(?:(?:of|for|to)\s+(?:[\w,]+\s+){0,5}?)?(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"estimated\s+(?:at|to\s+be)\s+"
    r"(?:approximately\s+)?$"
    # "The fee for processing your request is $45.00", "The cost of your request is $30.00",
    # "will cost $80", "we will charge you $30"
    rf"|(?:fees?|charges?|costs?)\s+(?:for|to|of)\s+(?:[\w,]+\s+){{0,5}}?{VERB}\s+(?:approximately\s+)?$"
    r"|\b(?:will|would)\s+cost\s+(?:you\s+)?(?:approximately\s+|about\s+)?$"
    r"|\b(?:will|would|shall)\s+charge\s+(?:you\s+)?(?:a\s+fee\s+of\s+)?(?:approximately\s+)?$"
    r"|\b(?:check|money\s+order)\s+(?:[\w,]+\s+){0,3}?for\s*$"
    r"|(?:amount due|balance due|please remit|advance payment of|payment (?:of|in the amount of)"
    r"|fee estimate of|in the amount of|invoice (?:for|of))\s*:?\s*$"
    # "we estimate $12.00", "we estimate the fee at $40"
    r"|\bwe\s+estimate\s+(?:(?:that\s+)?(?:the|your)\s+(?:total\s+)?(?:fees?|costs?|charges?)\s+"
    r"(?:(?:for|of|to)\s+(?:[\w,]+\s+){0,4}?)?(?:at|to\s+be|will\s+be)\s+)?"
    r"(?:approximately\s+|about\s+)?$"
    r"|\b(?:will|would|shall|you)\s+(?:now\s+)?owe\s+(?:approximately\s+)?$"
    r"|\b(?:be|been|are|is)\s+(?:being\s+)?(?:charged|assessed|billed)\s+(?:a\s+fee\s+of\s+)?(?:approximately\s+)?$",
    re.I,
)
# After the amount: "$45.00, which exceeds the $25.00 you agreed to pay" is a fee over the cap.
OVER_CAP_AFTER = re.compile(
    r"^\W{0,3}(?:which|this|that)?\s*(?:amount\s+)?(?:exceeds|is\s+more\s+than|is\s+over)\b", re.I
)
# "A $154.00 review fee is being assessed": the amount before the fee it is.
FEE_NAMED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(?:fees?|charges?)\s+(?:is|are|has\s+been|have\s+been|will\s+be)\s+(?:being\s+)?"
    r"(?:assessed|charged|due|owed)\b",
    re.I,
)
WAIVED_AFTER = re.compile(
    r"^\W{0,3}(?:(?:has|have)\s+been|(?:is|are|was|were|will\s+be))\s+(?:hereby\s+|therefore\s+)?waived\b",
    re.I,
)
FEE_AFTER = re.compile(r"^\s*(?:in|for)\s+(?:\w+\s+){0,2}(?:fees?|charges?|costs?)\b", re.I)
ESTIMATE_WORDS = re.compile(
    r"estimat|anticipat|approximat|if all|potentially|would owe|will owe|could be|will cost|would cost", re.I
)
# A letter that charges nothing says so in a few ways; "the first 100 pages are free of
# charge" is the fee schedule, not this letter's fee.
NO_FEE = re.compile(
    # a checkbox form's ticked line: "☒ Fees waived." (an unticked one says nothing)
    r"(?:☒|☑|\[[xX✓]\]|\([xX]\))[ \t]*(?:fees?|charges?)\s+(?:are\s+)?waived\b|"
    r"\b(?:at\s+no\s+(?:charge|cost)|without\s+charge|no\s+(?:\w+\s+){0,2}?(?:fees?|charges?)\s+"
    r"(?:is|are|will\s+be|has\s+been|have\s+been)\s+(?:being\s+)?(?:assessed|charged|incurred|due)"
    r"|there\s+(?:is|are|will\s+be)\s+no\s+(?:\w+\s+){0,2}?(?:fees?|charges?)\b"
    r"|(?:fees?|charges?)\s+(?:has|have)\s+been\s+waived|no\s+fees?\s+(?:are|is)\s+(?:owed|due)"
    r"|free\s+of\s+charge|\b(?:are|am|is|have|has)\s+(?:hereby\s+)?waiv(?:ing|ed)\s+(?:the|all|any|your)\s+(?:\w+\s+)?"
    r"(?:fees?|charges?|costs?)\b|(?:fees?|charges?)\s+(?:for\s+(?:\w+\s+){0,3}?)?(?:are|is|were|was|will\s+be)\s+"
    r"(?:hereby\s+)?waived"
    # under the agency's minimum, nothing is charged: "None. Minimum fee threshold not met", "the
    # fees for your request are below our minimum", "do not exceed the minimum fee threshold"
    r"|\bminimum\s+(?:fee\s+)?threshold\s+(?:was\s+|is\s+|has\s+)?not\s+(?:been\s+)?(?:met|reached)"
    r"|\b(?:fees?|charges?|costs?)\b(?:\s+\S+){0,6}?\s+(?<!that )(?<!which )(?:is|are|was|were|falls?|fell)"
    r"\s+(?:below|under|less\s+than)\s+(?:the\s+|our\s+|its\s+|\w+'s\s+)?(?:\w+\s+)?minimum\b"
    r"|\b(?:does|do|did)\s+not\s+(?:meet|exceed|reach)\s+(?:the\s+|our\s+|its\s+|\w+'s\s+)?minimum\s+"
    r"(?:fee\s+)?(?:threshold|amount)\b"
    # this request's fee under the amount an agency charges: "The cost of processing your request
    # was less than $25.00 and is therefore waived" (not the rule: "fees under $25 are waived")
    r"|\b(?:fees?|charges?|costs?)\b(?:\s+\S+){0,4}?\s+(?:your|this)\s+(?:\w+\s+)?request\s+(?:was|were|is|are|came\s+to"
    r"|totall?ed)\s+(?:less\s+than|under|below)\s+\$\s?\d+(?:\.\d\d)?,?\s+(?:and\s+)?(?:(?:is|are|was|were|has\s+been"
    r"|have\s+been|will\s+be)\s+)?(?:therefore\s+|thus\s+|hereby\s+)?(?:waived|(?:will\s+)?not\s+(?:be\s+)?(?:charged|assessed))\b)",
    re.I,
)
# A checkbox form's words are said only when their box is ticked: "☐ Fees waived." says nothing.
UNTICKED_BEFORE = re.compile(r"(?:☐|□|❑|\[ ?\]|\( \))[^☐□❑☒☑\[\]()]{0,30}$")
FEE_SCHEDULE = re.compile(
    r"\bfirst\s+(?:\d+|one\s+hundred)\s+pages\b|\bfirst\s+two\s+hours\b|\bif\b|\bunless\b", re.I
)
WORDY = re.compile(r"[A-Za-z]{2}")
FEE_MEANINGS = ("estimate", "assessed", "over_cap", "none")


def _amount(m: re.Match) -> Decimal:
    return Decimal(m.group(1).replace(",", "") + "." + (m.group(2) or "00"))


def find_fee_amount(text: str) -> Decimal | None:
    """The fee the letter asks for (see ``find_fee``)."""
    return find_fee(text)[0]


def find_fee(text: str) -> tuple[Decimal | None, str | None]:
    """The fee the letter asks for and what it is: the last "Total" line of a fee table,
    else an amount in "estimated fees of $…", "you will owe $…", "advance payment of $…";
    "estimate", "assessed", or "over_cap" when it is more than the requester agreed to pay.
    A letter that charges nothing ("provided at no charge") gives 0, "none". Rates, caps
    and thresholds ("$44.00 per hour", "up to $25", "exceed $250") are not fees. Each
    amount is judged by a bounded stretch of text around it, so the cost is linear."""
    totals = []
    for line in text.split("\n"):
        if (
            "otal" not in line
            or not re.search(r"\btotal\b", line, re.I)
            or re.search(r"\bsub-?total\b", line, re.I)
        ):
            continue
        last = None
        for m in MONEY.finditer(line):
            before = line[max(0, m.start() - 60) : m.start()]
            if not PER_UNIT.match(line, m.end()) and not (WORDY.search(before) and NOT_A_FEE.search(before)):
                last = m
        if last:
            totals.append(_amount(last))
    if totals:
        if totals[-1] == 0:
            return Decimal("0"), "none"
        return totals[-1], "estimate" if ESTIMATE_WORDS.search(text) else "assessed"
    for m in MONEY.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()].replace("\n", " ")
        if not WORDY.search(before):
            continue  # no words before it: a column of figures, not a fee in prose
        after = text[m.end() : m.end() + 60].replace("\n", " ")
        if NOT_A_FEE.search(before) or PER_UNIT.match(after):
            continue
        if (
            FEE_PHRASE.search(before)
            or FEE_NAMED_AFTER.match(after)
            or FEE_AFTER.match(after)
            and re.search(r"\bowe|charg|estimat", before, re.I)
        ):
            # "Fees in the amount of $12.30 have been waived" (not "will be waived if you narrow it")
            if WAIVED_AFTER.match(after) and not FEE_SCHEDULE.search(after):
                return Decimal("0"), "none"
            window = text[max(0, m.start() - 200) : m.end() + 120]
            if OVER_CAP_AFTER.match(after):
                return _amount(m), "over_cap"
            if _amount(m) == 0:
                return Decimal("0"), "none"
            return _amount(m), "estimate" if ESTIMATE_WORDS.search(window) else "assessed"
    for m in NO_FEE.finditer(text):
        # the sentence up to the words: "... there is no charge. If you believe ..." is not
        # made conditional by the next sentence's "if"
        sentence = re.split(r"[.!?]\s", text[max(0, m.start() - 120) : m.end()])[-1]
        unticked = UNTICKED_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        if not FEE_SCHEDULE.search(sentence) and not unticked:
            return Decimal("0"), "none"
    return None, None
