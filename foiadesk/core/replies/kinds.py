"""The kinds of agency reply and the dates one can name: light enough for the command line's
parser, which lists them without loading the reader's patterns."""

REPLY_TYPES = (
    "ack",
    "extension",
    "fee",
    "clarification",
    "still_interested",
    "records_released",
    "partial",
    "no_records",
    "glomar",
    "referral",
    "denial",
    "appeal_ack",
    "appeal_decision",
    "expedite_decision",
    "fee_waiver_decision",
    "admin_closed",
    "other",
)
REPLY_LABELS = {
    "ack": "Acknowledgment",
    "extension": "Extension (unusual circumstances)",
    "fee": "Fees",
    "clarification": "Request for clarification",
    "still_interested": "Still-interested letter",
    "records_released": "Records released",
    "partial": "Partly granted",
    "no_records": "No records",
    "glomar": "Glomar (neither confirm nor deny)",
    "referral": "Referral",
    "denial": "Denial",
    "appeal_ack": "Appeal acknowledged",
    "appeal_decision": "Appeal decision",
    "expedite_decision": "Expedite decision",
    "fee_waiver_decision": "Fee waiver decision",
    "admin_closed": "Closed by the agency (administrative closure)",
    "other": "Other correspondence",
}
# Dates a letter names, by the name the proposal gives them.
DATE_NAMES = ("received", "estimated_completion", "extended_due", "reply_by")
