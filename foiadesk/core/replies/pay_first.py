"""Records held until the fee is paid: "will be released once the fee is paid", "Upon receipt of
payment, the records will be mailed to you". The letter releases nothing yet; it asks for the fee,
so it is a fee letter, and the amount it names is the fee (not money received)."""

from __future__ import annotations

from foiadesk.core.replies.wording import any_of

PAID = r"(?:paid|payment|check|remittance|money\s+order)"
SENT = r"(?:released|sent|mailed|forwarded|provided|furnished|made\s+available|produced|shipped)"
PAY_FIRST = any_of(
    # "The records will be released once the fee is paid", "will be released upon receipt of payment"
    rf"\b(?:will|shall)\s+be\s+{SENT}\b(?:\s+\S+){{0,4}}?\s+(?:once|upon|after|when|on)\b(?:\s+\S+){{0,6}}?\s+{PAID}\b",
    # "Upon receipt of your check for $6.30, payable to …, copies will be forwarded to you"
    rf"\b(?:once|upon|after|when|on)\s+(?:we\s+receive\s+|receipt\s+of\s+|receiving\s+)?(?:your\s+|the\s+)?"
    rf"(?:{PAID}|fees?)\b(?:\s+\S+){{0,12}}?\s+(?:will|shall)\s+be\s+{SENT}\b",
    # "We will send you the file upon receipt of payment"
    rf"\b(?:will|shall)\s+(?:release|send|mail|forward|provide|furnish|ship)\b(?:\s+\S+){{0,6}}?\s+"
    rf"(?:once|upon|after|when)\b(?:\s+\S+){{0,6}}?\s+{PAID}\b",
)
