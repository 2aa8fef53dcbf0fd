"""One reply type per letter decides what the log records and what comes next: this module reads
it sentence by sentence, with the decisions, referral, appeal outcome and named dates that go
with it, and keeps each finding's sentence as its reason."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from foiadesk.core.replies.custody import NOT_CUSTODIAN, NOT_HELD_HERE
from foiadesk.core.replies.dates import (
    DATE,
    ESTIMATE_TOPIC,
    ESTIMATE_WHAT,
    EXTENDED_WHAT,
    NEW_DATE,
    NUMBER_WORDS,
    RECEIVED,
    REPLY_ACTION,
    REPLY_BY,
    WITHIN_DAYS,
    days_after,
    to_date,
)
from foiadesk.core.replies.exemptions import LAW_SPEAKS, REQUESTED_RECORDS, SEVEN_A_WORDS
from foiadesk.core.replies.pay_first import PAY_FIRST
from foiadesk.core.replies.referrals import EARLIER, EARLIER_AFTER, referral_relative
from foiadesk.core.replies.text import SALUTATION
from foiadesk.core.replies.wording import CONDITIONAL, IF_WORD, any_of

APPEAL_SUBJECT = re.compile(
    # the subject may wrap onto a second line ("Re: 2025-APP-00005\n(Appeal of Response …")
    r"^[ \t]*(?:Re|Subject)[ \t]*:(?:[^\n]|\n(?![ \t]*(?:Dear\b|\n))){0,120}?\bappeal\b"
    r"|\bAppeal[ \t]+(?:No\.?|Number)[ \t]*[:#]?[ \t]*(?-i:[A-Z]{0,6})[-\t ]?\d"
    # an appeal's number on the subject line: "RE: 17 FOI – 00052; 17 – App – 00004", "2021-APP-00004"
    r"|^[ \t]*(?:Re|Subject)[ \t]*:[^\n]{0,120}?\d[ \t]*[-–][ \t]*(?-i:App|APP)[ \t]*[-–][ \t]*\d"
    # an appeal office's order: "DECISION AND ORDER ... Appeal", "Name of Appellant:"
    r"|(?-i:\bDECISION\s+AND\s+ORDER\b)[^\n]{0,200}?(?:\n[^\n]{0,200}?){0,6}?\bAppeal\b"
    r"|^[ \t]*Name[ \t]+of[ \t]+Appellant\b",
    re.I | re.M,
)
# A sentence that tells the request's history ("On December 29, 2009, OJAG granted your
# appeal", "By letter dated May 1, 2020, we ...") recounts an earlier step, not this letter's.
NARRATIVE = re.compile(
    rf"^\W*(?:On|By\s+(?:(?:letter|e-?mail|memorandum|decision)\s+)?(?:dated|of)|In\s+(?:a|its|our|their|his|her)"
    rf"\s+(?:letter|decision|response)\s+(?:dated|of))\s+{DATE}",
    re.I,
)
# The appeal-rights paragraph speaks of an appeal the requester may make, not of one decided:
# "Because your request has been denied in part, you are advised of your right to appeal".
APPEAL_RIGHTS = re.compile(
    r"\b(?:right|entitled)\s+to\s+(?:file\s+an?\s+|submit\s+an?\s+)?(?:administrative\s+)?appeal\b"
    r"|\byou\s+(?:may|can|might)\s+(?:file\s+an?\s+|submit\s+an?\s+)?(?:administrative\s+)?appeal\b",
    re.I,
)
# How to appeal: "... concerning your appeal should be clearly marked", "must be received".
APPEAL_HOW = any_of(
    APPEAL_RIGHTS.pattern,
    r"\b(?:should|must|shall)\s+(?:\w+\s+)?(?:be\s+)?(?:clearly\s+)?(?:marked|received|addressed|postmarked|sent"
    r"|submitted|include|state|contain)\b",
)
# The letter states its business in its opening; what it says of appeals further on is
# mostly the appeal-rights paragraph ("All communications concerning your appeal ...").
OPENING_SENTENCES = 5
# (the month is no modal: "the May 10, 1978 letter"; nor "records which can be released to you",
# said of what a letter encloses, nor records that "can be accessed at the following link")
FUTURE = any_of(r"\b(?:will|might|can|could)\b", r"\bmay\b(?!\s*\d)")
RELEASABLE_CLAUSE = any_of(
    r"\b(?:which|that)\s+(?:can|may|could)\s+be\s+released"
    r"(?!\s+(?:to\s+you\s+)?(?:once|after|upon|when|if|as\s+soon|only|until|provided)\b)(?:\s+to\s+you)?\b",
    # records posted for you: "can be accessed at the following link" (not "once you pay")
    r"\b(?:can|may)\s+be\s+(?:accessed|downloaded|retrieved)\s+(?:at|from|through|via|on|in)\b"
    r"(?![^.;]{0,60}\b(?:once|after|upon|when|if|until|provided)\b)",
)
# Where a sentence turns from what was withheld to why the exemption covers it: "…(b)(7)(A),
# which pertains to records … the release of which could reasonably be expected to interfere",
# "…withheld in full under Exemption 5, because disclosure would harm …".
RATIONALE = any_of(
    r"\b(?:the\s+)?(?:release|disclosure|production)\s+of\s+which\b",
    r"\b(?:the\s+)?(?:release|disclosure|production)\s+of\b(?:\s+\S+){0,8}?\s+(?:could|would)\b",
    r",?\s*\b(?:which|that)\s+(?:\w+\s+)?(?:pertains?|protects?|applies|exempts?|concerns?|covers?|permits?"
    r"|allows?|shields?|authorizes?|relates?)\b",
    r"\b(?:because|since|as)\s+(?:the\s+|its\s+|their\s+)?(?:release|disclosure)\b",
    r"\bcould\s+reasonably\s+be\s+expected\b",
)
DECIDED = any_of(r"\b(?:determined|decided|hereby|are being|is being)\b", r"\byou\s+will\s+find\b")
# The FCC's appeal is an "application for review" by the full Commission.
APPEAL_WORD = any_of(r"\bappeal", r"\bapplications?\s+for\s+review\b")
FEE_WORD = any_of(r"expedit", r"waiv", r"\bfees?\b", r"\bpay(?:ment|able)?\b")

ACK_STRONG = any_of(
    r"\backnowledg\w*\s+(?:the\s+)?receipt\b",
    r"\bthis\s+(?:letter|e-?mail|message|notice)\s+(?:is\s+to\s+)?(?:acknowledges?|confirms?)\b",
    r"\bwe\s+acknowledge\b",
    r"\bconfirm(?:s|ing)?\s+(?:the\s+)?receipt\s+of\b",
    r"\b(?:are|is|am)\s+in\s+receipt\s+of\s+your\b",
    # an online system's receipt: "Thank you for filing your FOIA request online on 9/2/2021"
    r"\bthank\s+you\s+for\s+(?:filing|submitting|sending|making)\s+(?:your|a|the)\s+(?:\w+\s+){0,3}?request\s+"
    r"(?:online|electronically|(?:through|via|using)\s+(?:the\s+|our\s+)?(?:\w+\s+){0,3}?(?:portal|website|system|form))\b",
    # an e-mail that carries the acknowledgment: "I'm attaching the Acknowledgement letter",
    # "Attached is the acknowledgement of receipt of your request"
    r"\b(?:attach\w*|enclos\w*)\b(?:\s+\S+){0,3}?\s+acknowledge?ments?\b",
    r"(?<!our )(?<!your )\backnowledge?ments?\s+of\s+(?:the\s+)?receipt\b",
    r"\bthis\s+is\s+to\s+acknowledge\b",
    # "This is to confirm that you submitted a request", "We confirm that we received your request"
    r"\b(?:this\s+(?:\w+\s+)?is\s+to\s+confirm|(?:we|I)\s+(?:hereby\s+)?confirm|this\s+(?:\w+\s+)?confirms)\s+"
    r"(?:that\s+)?(?:you\s+(?:have\s+)?(?:submitted|filed|sent|made)|we\s+(?:have\s+)?received"
    r"|(?:your|the)\s+(?:\w+\s+){0,3}?request\s+(?:has\s+been|was)\s+(?:received|submitted|filed))\b",
    r"\bthis\s+(?:letter\s+|e-?mail\s+|message\s+|notice\s+)?(?:is|serves\s+as)\s+(?:an?\s+|the\s+|our\s+)?"
    r"acknowledge?ment\b",
    # a letter titled as one: "RE: FOIA No. F-00179-20 (Acknowledgment Letter)", "Subject: Acknowledgment"
    r"\(\s*acknowledge?ment(?:\s+letter)?\s*\)",
    r"\b(?:Re|Subject)\s*:\s*acknowledge?ment\b(?!\s+of\s+(?:your\s+|the\s+)?appeal)",
    # "Receipt of your request is hereby acknowledged"
    r"\breceipt\s+of\s+your\s+(?:[\w()/-]+\s+){0,5}?(?:request|letter|e-?mail)\s+(?:is|has\s+been)\s+(?:hereby\s+)?"
    r"acknowledged\b",
)
ACK_WEAK = any_of(
    r"\b(?:we|office|agency|(?-i:[A-Z]{2,6}))\s+(?:has\s+|have\s+)?received\s+your\b",
    r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:received|assigned|logged|submitted|perfected)\b",
    r"\bassigned\s+(?:it\s+)?(?:the\s+)?(?:following\s+)?(?:(?:FOIA|FOIPA|PA|tracking|reference|request|case|control"
    r"|log)\s*){1,3}(?:number|no\b|#)",
    r"\bwas\s+received\s+(?:by|in|on|at)\b",
    # the CIA's acceptance letter: "We accept your request and will process it"
    r"\b(?:we|I)\s+(?:have\s+)?accept(?:ed)?\s+your\s+(?:\w+\s+){0,3}?request\s+(?!for\b)",
    # "and was assigned FOIA Log #08-176", "was logged in on May 1"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?assigned\s+(?:(?:the|a|an)\s+)?(?:[\w/]+\s+){0,3}?(?:number|no\b|#|log\b)",
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:logged|docketed|registered)\b",
    # "The Office of Personnel Management has received your FOIA request, which we logged as 2023-01455"
    r"\b(?:has|have)\s+received\s+your\s+(?:\w+\s+){0,4}?request\b",
    r"\b(?:we|I)\s+(?:have\s+)?(?:logged|docketed|registered)\s+(?:it|your\s+request|as)\b",
    # "which we received on May 2, 2022 and have logged as 22-FI-HQ-00991"
    r"\b(?:and\s+)?(?:have\s+|has\s+)?(?:been\s+)?(?:logged|registered|entered)\s+(?:it\s+)?(?:as|under)\s+"
    r"(?:(?:FOIA|request|case|tracking|control|log)\s+)?(?:number\s+|no\.?\s+|#\s*)?(?=\S*\d)",
    # "The Bureau of Land Management received your FOIA request on June 8, 2023", "We have placed your
    # request in the complex processing track"
    r"\breceived\s+your\s+(?:[\w()/-]+\s+){0,4}?request\s+(?:on|dated)\b",
    r"\bplaced\s+(?:your|the|this)\s+request\s+in\s+(?:the\s+|our\s+)?(?:\w+\s+){0,2}?(?:track|queue)\b",
    # "Your request was received and assigned number 2020-00123"
    r"\b(?:was|were)\s+received\s+and\s+(?:\w+ly\s+)?(?:assigned|logged|given)\b",
    # "The tracking number for your request is F-00179-20"
    r"\b(?:tracking|reference|control|case|request|log)\s+(?:number|no\.?)\s+(?:assigned\s+to|for)\s+your\s+"
    r"(?:\w+\s+){0,2}?request\s+is\b",
    # a request waiting its turn, or entered in a system: "Your request is now in our processing queue",
    # "We have entered your request into our system", "Status: Received", "We are processing your
    # request and will respond as soon as possible" (a determination, fee or question ranks first)
    r"\byour\s+(?:\w+\s+){0,3}?request\s+is\s+(?:now\s+|currently\s+)?(?:in|on)\s+(?:our|the)\s+(?:\w+\s+){0,2}?"
    r"(?:queue|track)\b",
    r"\b(?:we|I)\s+(?:have\s+)?(?:entered|logged|registered)\s+your\s+(?:\w+\s+){0,3}?request\s+(?:in|into)\b",
    r"\bstatus\s*:\s*(?:received|submitted|assigned|in\s+process)\b",
    r"\b(?:we|I)\s+(?:are|am)\s+(?:now\s+|currently\s+)?processing\s+your\s+(?:\w+\s+){0,3}?request\b",
    r"\b(?:will\s+be|is\s+being)\s+processed\s+in\s+the\s+order\s+(?:in\s+which\s+)?(?:it\s+was\s+)?received\b",
    # handed on inside the office: "Your request was forwarded to the FOIA Office for processing"
    r"\b(?:was|has\s+been|will\s+be)\s+(?:forwarded|routed|sent|assigned)\s+to\s+(?:the\s+|our\s+|an?\s+)?(?:FOIA\s+)?"
    r"(?:office|unit|analyst|specialist|processor|staff)\s+for\s+processing\b",
)
# A letter that answers the requester's question about where the request stands: its "your
# request is in our queue" reports progress, it acknowledges nothing.
STATUS_ANSWER = any_of(
    r"\b(?:respon\w*|repl\w*|answer\w*|regard\w*)\s+(?:to\s+)?your\s+(?:\w+\s+){0,3}?"
    r"(?:inquiry|inquiries|question|e-?mail|call|letter|message)\s+(?:\w+\s+){0,2}?"
    r"(?:about|regarding|concerning|on|for|asking)\s+(?:\w+\s+){0,2}?status\b",
    r"\bstatus\s+(?:update|inquiry|inquiries|check)\b",
)
APPEAL_DECIDED = any_of(
    r"\b(?:affirm(?:s|ed|ing)?|uph(?:o|e)ld(?:s|ing)?|remand(?:s|ed|ing)?|revers(?:e|es|ed|ing))\b",
    r"\b(?:grant(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?)\b.{0,40}\b(?:your|the|this|it)\b.{0,20}"
    r"\bappeals?\b",
    r"\bappeal\b.{0,60}\b(?:is|has been|should\s+be|must\s+be)\s+(?:hereby\s+|therefore\s+|accordingly\s+)?"
    r"(?:granted|denied|closed|remanded)",
    # "Your appeal is moot because the component has agreed to conduct a new search"
    r"\bappeal\b.{0,40}?\b(?:is|has\s+been|was)\s+(?:hereby\s+|therefore\s+)?(?:dismissed\s+as\s+|now\s+|rendered\s+)?"
    r"moot\b",
    r"\b(?:granting|denying)\s+it\b",
    # "we deny an application for review", "the application for review is dismissed", "we grant in
    # part and deny in part Lukas's application for review"
    r"\b(?:grant\w*|den(?:y|ies|ied|ying)|dismiss\w*)(?:\s+in\s+part)?\s+"
    r"(?:the\s+|an\s+|this\s+|your\s+|its\s+|(?-i:[A-Z][\w.-]{1,30})(?:'s|s')\s+)?applications?\s+for\s+review\b",
    r"\bapplications?\s+for\s+review\b.{0,60}\b(?:is|are|has\s+been)\s+(?:hereby\s+)?(?:granted|denied|dismissed)\b",
    r"\bclos(?:e|ed|ing)\s+(?:out\s+)?(?:your|this|the)\s+(?:administrative\s+)?appeal\b",
    # "After a review of your appeal, the Panel has determined …", "We have processed your appeal"
    r"\b(?:after|upon|on)\s+(?:\w+\s+){0,2}?(?:review|consideration|considering|reviewing)\s+(?:of\s+)?(?:your|the|this)"
    r"\s+(?:\w+\s+)?appeal\b",
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:processed|reviewed|considered|decided|adjudicated)\s+your\s+(?:\w+\s+)?appeal\b",
)
# Only an appeal office sends a request back: "I am remanding your request to EOUSA".
REMANDING = any_of(
    r"\b(?:am|are|is|have|has|decided\s+to|will)\s+(?:\w+\s+)?remand(?:ing|ed)?\s+(?:your|the|this)\s+request\b",
    # "The decision of the FOIA Officer is hereby affirmed": only a review affirms a decision
    r"\b(?:decision|determination|action|denial)\b(?:\s+\S+){0,8}?\s+(?:is|has\s+been)\s+(?:hereby\s+)?"
    r"(?:affirmed|upheld|reversed|sustained|modified)\b",
    # "… and, therefore, affirms the Bureau's decision"; "I affirm the analyst's decision"
    r"\b(?:affirms|upholds|reverses|sustains|(?:I|[Ww]e)\s+(?:\w+\s+)?(?:affirm|uphold|reverse|sustain))\s+"
    r"(?:the|your|its|this|that)\s+(?:\S+\s+){0,2}?(?:denial|decision|determination|action)\b",
    # "I am reversing the denial of your fee waiver request"
    r"\b(?:am|are|is|have|has|hereby)\s+(?:\w+\s+)?(?:revers(?:e|ing|ed)|affirm(?:ing|ed)?|uph(?:o|e)ld(?:ing)?"
    r"|sustain(?:ing|ed)?)\s+(?:the|your|its|this|that)\s+(?:\w+\s+){0,2}?(?:denial|decision|determination)\b",
)
APPEAL_ACKED = any_of(
    r"\b(?:acknowledg\w*(?:\s+the)?\s+receipt\s+of|(?:has|have)\s+received|receipt\s+of|docketed|logged)\s+"
    r"(?:of\s+)?your\s+(?:[\w()/-]+\s+){0,5}?appeal(?:ing)?\b",
    r"\byour\s+(?:administrative\s+|foia\s+)?appeal\s+(?:has\s+been|was)\s+(?:received|assigned|docketed|logged"
    r"|accepted|placed)",
)
# An office that says it received the appeal, in the past tense ("The Office of Hearings and Appeals
# received your appeal on June 1, 2021"), acknowledges it when nothing in the letter decides it.
APPEAL_RECEIVED = any_of(
    r"(?<!\bnot\s)(?<!\bnever\s)\breceived\s+your\s+(?:[\w()/-]+\s+){0,4}?appeal\b(?!\s+(?:rights|procedures))",
)
# A letter that answers an appeal says so in its opening ("This responds to your September 8
# appeal", "your letter ... in which you appeal", "your correspondence ... appealing"): it is
# an appeal letter whatever it decides, and without words of receipt it is the decision.
APPEAL_RESPONSE = any_of(
    r"\b(?:in\s*response\s*to|respond(?:s|ing)?\s+to|in\s+reply\s+to|repl(?:y|ies|ying)\s+to|regarding|concerning)"
    r"\s+your\b"
    r"(?:\s+(?!(?-i:may)\b|might\b|can\b|right\b|wish|option\b|remand|request|records?\b|cop(?:y|ies)\b"
    r"|files?\b|documents?\b)\S+){0,12}?\s+(?:administrative\s+)?appeal(?:ed|ing|s)?\b",
    r"\bin\s+which\s+you\s+(?:appeal|appealed)\b",
    # "This is the final agency decision on your Freedom of Information Act appeal"
    r"\b(?:this\s+(?:letter\s+)?(?:is|constitutes)|constitutes)\s+(?:the\s+|our\s+|my\s+)?(?:\S+\s+){0,3}?"
    r"(?:decision|determination|ruling)\s+(?:on|regarding|concerning|in)\s+your\s+"
    r"(?:(?:administrative|foia|freedom|of|information|act|privacy|\(foia\)|fee|waiver)\s+){0,6}appeal\b",
    r"\byou\s+are\s+appealing\b",
    r"\byou\s+(?:have\s+)?appealed\s+(?:from\s+)?(?:the|our|this|its)\b",
    r"\byour\s+(?:administrative\s+)?appeal\s+(?:of|from)\s+(?:the|our|this|its)\s+(?:\w+\s+){0,3}?"
    r"(?:action|determination|decision|denial|response)\b",
    r"\b(?:letter|correspondence)\s+(?:presents|constitutes|is)\s+an\s+appeal\b",
)
# What an appeal office says while the appeal waits: receipt, a queue, a decision to come.
APPEAL_PENDING = any_of(
    r"\bappeals?\s+(?:awaiting|pending|ahead)\b",
    r"\bfirst[- ]?(?:in|received)\b",
    r"\bwill\s+be\s+(?:advised|notified|informed)\s+of\s+the\s+(?:decision|determination|outcome)",
    r"\bassigned\b.{0,40}?\bappeal\s+(?:number|no\b)",
    r"\b(?:processed|decided|adjudicated|considered|handled)\s+in\s+the\s+order\s+(?:in\s+which\s+)?"
    r"(?:it\s+was\s+|they\s+(?:were|are)\s+)?received\b",
    r"\byour\s+(?:[\w()/-]+\s+){0,2}?appeal\b.{0,120}?\b(?:has\s+been|was|is)\s+(?:received|assigned|docketed"
    r"|logged|accepted|placed)\b",
)
GLOMAR = any_of(
    r"\bneither\s+confirms?\s+(?:nor|or)\s+deny\b",
    r"\bneither\s+confirms\s+nor\s+denies\b",
    r"\bneither\s+admit\s+nor\s+deny\b",
    r"\b(?:cannot|can\s?not|will\s+not|refuses?\s+to|declines?\s+to)\s+confirm\s+or\s+deny\b",
)
# A Glomar answer the letter holds in reserve: "In the absence of such information, the FBI
# can neither confirm nor deny ..." asks for a consent or proof of death first.
GLOMAR_UNLESS = any_of(
    r"\bin\s+the\s+absence\s+of\b",
    r"\bunless\s+you\b",
    r"\bwithout\s+(?:such|this|the|a|an)\s+(?:\w+\s+){0,2}?(?:consent|authorization|proof|information)\b",
)
RELEASED = any_of(
    r"(?<!the )(?<!for )(?<!previously )\breleas(?:e|ed|es|ing)\b(?:\s+\S+){0,5}?\s+"
    r"(?:pages?|records?|documents?|e-?mails?|materials?|files?|information)\b",
    r"\b(?:pages?|records?|documents?|materials?)\b(?:\s+\S+){0,6}?\s+(?:are|is|were|was|have been|has been|"
    r"will be|being)\s+(?:hereby\s+)?(?:released|enclosed|attached|provided|produced)\b",
    r"\breleased\s+in\s+(?:full|part|(?:their|its)\s+entirety)\b",
    # a classification review's release: "Ten documents are declassified in full"
    r"\bdeclassified\s+in\s+(?:full|part|(?:their|its)\s+entirety)\b",
    # "are releasing them to you in full"
    r"\breleas(?:e|es|ing)\s+(?:them|it|these|those|each)\b(?:\s+\S+){0,3}?\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\bgrant(?:ed|ing)?\s+(?:your\s+request\s+)?in\s+full\b",
    r"\b(?:enclosed|attached)\b(?:\s+\S+){0,12}?\s+(?:responsive|requested)\s+(?:pages?|records?|documents?)\b",
    r"\b(?:have|has)\s+enclosed\b(?:\s+\S+){0,6}?\s+(?:pages?|records?|documents?|copy|copies|e-?mails?|cd|disc)\b",
    r"\b(?:have|has)\s+enclosed\s+(?:the|all|a\s+copy\s+of\s+the)\s+(?:\w+\s+)?information\s+(?:you\s+requested"
    r"|requested|responsive)\b",
    r"\benclosed\s+(?:is|are)\b(?:\s+\S+){0,4}?\s+(?:cd|disc|dvd|pages?|records?|documents?|copies|copy|e-?mails?)\b",
    r"\b(?:we\s+are|i\s+am)\s+(?:hereby\s+)?providing\b",
    # whatever the letter calls the parts it sends: "The introductory material, Chapters 1-4 and
    # the appendices of the History … are being provided at this time" (a fee estimate or a notice
    # "being provided" is no release)
    r"^(?![\s\S]*\b(?:estimates?|fees?|notice|status|updates?|acknowledg\w*|guidance|information\s+(?:about|on|regarding))\b)"
    r"[\s\S]*\b(?:are|is)\s+(?:hereby\s+)?being\s+(?:provided|released|produced|furnished)\s+(?:to\s+you\s+)?"
    r"(?:at\s+this\s+time|herewith)\b",
    r"\b(?:are|is)\s+releasable\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    # older letters furnish records: "we are furnishing herewith copies of the documents", "all of
    # the information you requested is being furnished to you", "Copies … are furnished herewith"
    r"\bfurnish(?:ed|ing)?\s+herewith\b",
    r"\b(?:are|is|am)\s+(?:hereby\s+)?furnishing\s+(?:you\s+(?:with\s+)?)?(?:herewith\s+)?(?:the\s+|all\s+|\d+\s+)?"
    r"(?:cop(?:y|ies)|records?|documents?|pages?|information)\b",
    r"\b(?:pages?|records?|documents?|materials?|cop(?:y|ies)|information)\b(?:\s+\S+){0,6}?\s+(?:are|is|were|was"
    r"|have\s+been|has\s+been)\s+(?:hereby\s+)?(?:being\s+)?furnished\b",
    # "We located 12 pages, which are enclosed"
    r"\b(?:pages?|records?|documents?|e-?mails?)\b,\s+which\s+(?:are|is)\s+(?:hereby\s+)?(?:enclosed|attached)\b",
    # "We have reviewed the materials and have decided to release them to you"
    r"\b(?:decided|determined|agreed)\s+to\s+release\s+(?:them|it|these|those|the|all|each)\b"
    r"(?![^.;]{0,60}\b(?:in\s+part|once|after|upon|when|if|until|provided)\b)",
    # "It is being released without redaction", "we are providing all 12 pages in full"
    r"\b(?:(?:is|are|was|were|been|being)\s+released|(?:am|are|is)\s+releasing(?:\s+\S+){0,4}?)\s+(?:to\s+you\s+)?"
    r"without\s+(?:any\s+)?(?:redactions?|deletions?|excisions?)\b",
    r"\b(?:are|am|is)\s+(?:now\s+|hereby\s+)?(?:providing|producing)\s+(?:you\s+(?:with\s+)?)?(?:all\s+)?"
    r"(?:\d+|the|these|those|both|copies)\b(?:\s+\S+){0,3}?\s+(?:pages?|records?|documents?|e-?mails?|files?)\b",
    # "The enclosed documents are responsive to your request", "The enclosed documents relate to …"
    r"\b(?:the|these)\s+enclosed\s+(?:\d+\s+)?(?:pages?|records?|documents?|materials?|e-?mails?|copies)\s+"
    r"(?:are|is|were|constitute|relate|concern|pertain|consist|include|cover|respond)\b",
    # ... whatever OCR made of the noun, when a plural verb says what they are about ("The enclosed
    # docur;ents relate to NRC procedures")
    r"\b(?:the|these)\s+enclosed\s+\S+\s+(?:relate|pertain)\s+to\b",
    r"\b(?:may|will|can)\s+be\s+released\s+in\s+full\b",
    r"\brelease\s+(?:those|these|the)\s+records\b",
    r"\b(?:enclosed\s+please\s+find|please\s+find\s+enclosed)\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|copies|copy|e-?mails?|materials?|cd|disc)\b",
    r"\b(?:are|is|were|was)\s+(?:\w+\s+)?appropriate\s+for\s+release\b",
    r"\bcop(?:y|ies)\s+(?:are|is)\s+enclosed\b",
    # "Please find attached the records responsive to your request"
    r"\b(?:please\s+find|find\s+attached|attached\s+please\s+find|attached\s+(?:is|are))\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|e-?mails?|materials?|files?|production)\s+(?:responsive|you\s+requested)\b",
    r"\byour\s+(?:foia\s+)?request\s+(?:is|has\s+been)\s+(?:hereby\s+)?granted\b"
    r"(?!\s+in\s+part|\s+(?:a\s+|the\s+)?(?:expedit|fee\s+waiver|waiver|fee))",
    r"\b(?:are|am|is)\s+(?:also\s+)?(?:enclosing|attaching)\b(?:\s+\S+){0,6}?\s+(?:pages?|records?|documents?|cop(?:y|ies)"
    r"|e-?mails?|cd|disc)\b",
    # "provided the enclosed document responsive to your request"
    r"\b(?:the\s+)?(?:enclosed|attached)\s+(?:pages?|records?|documents?|materials?|e-?mails?)\s+(?:responsive|you\s+requested)\b",
    # what is left after the deletions: "The remainder is enclosed", "the rest of the report is released"
    r"\b(?:the\s+)?(?:remainder|rest|balance)\b(?:\s+of\s+(?:the|these|this|each|every|all)\s+(?:\w+\s+){0,2}?\w+)?\s+"
    r"(?:is|are)\s+(?:hereby\s+|being\s+)?"
    r"(?:enclosed|attached|released)\b",
    r"\benclosed\s+(?:you\s+will\s+find|herewith|with\s+this\s+letter)\b(?:\s+\S+){0,6}?\s+"
    r"(?:pages?|records?|documents?|cop(?:y|ies)|e-?mails?|materials?|cd|disc)\b",
    # whatever the records are called, the ones asked for sent now: "Enclosed are the permits you
    # requested", "Attached is a copy of the inspection report that you asked for"
    r"\b(?:enclosed|attached)\s+(?:is|are|please\s+find)\s+(?:the|a\s+copy\s+of\s+the|copies\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){1,3}?(?:that\s+|which\s+)?you\s+(?:requested|asked\s+for|sought)\b",
    # ... or said released to the requester, whatever its name: "The file has been reviewed and is
    # being released to you", "the report is released to you with the exception of …"
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:hereby\s+)?(?:being\s+)?released\s+to\s+you\b",
    # "As requested, we are sending you a copy of your registration record"
    r"\b(?:are|am|is)\s+(?:hereby\s+)?(?:sending|mailing|e-?mailing)\s+you\s+(?:a\s+cop(?:y|ies)|copies|the|all|\d+)\b",
)
# A full grant said as the request being answered in full: "The Postal Service has fully satisfied
# your request", "I trust that this information fully satisfies your request" (the Justice Department's
# sample language for letters that deny nothing). Weaker than a release named: a letter that also
# finds no records or withholds something is that answer (see ``Findings._determination``).
FULLY_SATISFIED = any_of(
    r"\b(?:has|have|had)\s+(?:now\s+)?fully\s+satisfied\s+your\s+(?:\w+\s+){0,2}?request\b",
    r"\bfully\s+satisfies\s+your\s+(?:\w+\s+){0,2}?request\b",
)
# Records put where the requester reads them: "are being placed in the NRC Public Document Room
# … under your name", "are available in the Public Document Room" (not the boilerplate of many
# letters: "Many records are available in the FBI's electronic reading room").
RECORDS_IN_ROOM = any_of(
    r"\b(?:are|is)\s+(?:now\s+|already\s+)?(?:being\s+)?(?:placed|made\s+available|available)\s+in\s+the\s+"
    r"(?:\S+\s+){0,2}?(?:public\s+\w+\s+room|pdr)\b",
    r"\b(?:are|is)\s+(?:now\s+)?being\s+placed\s+in\s+the\s+(?:\S+\s+){0,2}?reading\s+room\b",
    r"\b(?:are|is)\s+(?:already\s+)?in\s+the\s+(?:\S+\s+){0,2}?(?:public\s+\w+\s+room|pdr)\b",
    # the NRC's form: "Agency records subject to the request are already available in public ADAMS or on
    # microfiche in the NRC Public Document Room" (its public library, searched by accession number)
    r"\b(?:are|is)\s+(?:now\s+|already\s+)?(?:being\s+)?(?:placed|made\s+available|available)\s+in\s+public\s+ADAMS\b",
)
# Records posted for the requester to fetch: "the responsive records are available for download in
# the FOIA portal", "have been uploaded to your account", "can be accessed at the following link".
RECORDS_ONLINE = any_of(
    r"\b(?:records?|documents?|pages?|files?|materials?|production|release)\b(?:\s+\S+){0,6}?\s+"
    r"(?:are|is|have\s+been|has\s+been|were|was)\s+(?:now\s+)?(?:available\s+(?:for\s+(?:download|retrieval)"
    r"|to\s+download|(?:in|through|on|via)\s+your\s+(?:\w+\s+){0,3}?(?:account|portal))|uploaded|posted\s+to\s+your"
    r"|accessible)\b",
    r"\b(?:records?|documents?|pages?|files?|materials?)\b(?:\s+\S+){0,6}?\s+(?:can|may)\s+be\s+"
    r"(?:accessed|downloaded|retrieved)\s+(?:at|from|through|via|by|in|on)\b",
)
# ... once something else has happened, they are not there yet
NOT_YET = re.compile(r"\b(?:once|after|upon|when|if|until)\b", re.I)
# ... when they are the requester's: records on a public website are a pointer, not a release
FOR_THE_REQUESTER = any_of(
    r"\b(?:responsive|requested|your\s+(?:\w+\s+)?(?:release|production|records|documents|account))\b",
    r"\b(?:interim|final|first|second|third|next)\s+(?:release|production)\b",
)
ROOM_BOILERPLATE = any_of(
    r"^\W*(?:many|some|other|additional|numerous|most|various)\b",
    r"\b(?:electronic|online|virtual|e-)\s*reading\s+room\b",
)
# The requester's own words sent back ("A copy of the first page of your request is attached")
# are not records released.
OWN_COPY = re.compile(
    r"\b(?:cop(?:y|ies)|pages?)\s+of\s+(?:(?:the|its)\s+(?:first\s+|last\s+)?pages?\s+of\s+)?your\s+(?:\w+\s+){0,2}?"
    r"(?:request|letter|appeal|correspondence|e-?mail|submission)s?\b",
    re.I,
)
# The key to the exemptions marked on released pages, sent with them ("Enclosed for your
# information is a copy of the Explanation of Exemptions"); not a pointer to one on a website.
EXEMPTIONS_EXPLAINED = any_of(
    r"\b(?:enclosed|attached)\b[^.;]{0,80}?explanation\s*of\s*(?:the\s*)?exemptions\b",
    r"explanation\s*of\s*(?:the\s*)?exemptions\b(?:\s+\S+){0,4}?\s+(?:is|are)\s+(?:also\s+)?(?:enclosed|attached)\b",
)
# A sentence whose subject is the records and whose verb, however long the clause between,
# is "are enclosed": "All materials concerning … that have been placed in the public docket are
# enclosed." (Not a list or index of what was withheld: see DESCRIBED.)
RECORDS_ENCLOSED = re.compile(
    r"^\W*(?:(?:all|the|these|those|both|copies\s+of(?:\s+the)?)\s+){0,3}(?:\w+\s+){0,2}?"
    r"(?:pages?|records?|documents?|materials?|e-?mails?|files?|reports?)\b[^.;!?]{0,300}?\s+"
    r"(?:are|is|have\s+been|has\s+been)\s+(?:hereby\s+)?(?:enclosed|attached)\W*$",
    re.I,
)
WITHHELD = any_of(
    r"\bwithh(?:e|o)ld(?:s|ing)?\b",
    r"\bredact(?:ed|ions?|ing)?\b",
    r"\bexcis(?:ed|ions?)\b",
    r"\bexempt(?:ed)?\s+from\s+(?:disclosure|release)\b",
    r"\bprotected\s+from\s+disclosure\b",
    # "Certain information, however, has been deleted", "deleted from the enclosures"
    r"\b(?:information|portions?|material|text|names?|entries)\b,?(?:\s+\S+){0,3}?\s+(?:has|have|had)\s+been"
    r"\s+deleted\b",
    r"\bnot\s+releasable\b",
)
# "reasons for not releasing any of the information": a release denied, not made.
NOT_RELEASED = any_of(
    r"\b(?:not|never|nothing|none)\b(?:\s+\S+){0,2}?\s+(?:be\s+)?releas",
    r"\b(?:unable|not\s+able|cannot|can\s?not|declines?)\s+to\s+release\b",
    r"\b(?:cannot|can\s?not|will\s+not|may\s+not|must\s+not)\s+(?:be\s+)?releas",
    # a release that waits on something: "Please remit payment before we release the records",
    # "payment must be received prior to the release of the records"
    r"\b(?:before|prior\s+to)\s+(?:we|I|(?:the|this)\s+(?:office|agency|\w+)|(?-i:[A-Z]{2,8}))\s+(?:can\s+|will\s+|may\s+"
    r"|(?:is|are)\s+able\s+to\s+)?releas(?:e|ing)\b",
    r"\b(?:before|prior\s+to)\s+(?:the\s+|any\s+)?(?:release|(?:records?|documents?)\s+(?:are|is|can\s+be|will\s+be)\s+"
    r"released)\b",
)
NEGATED = any_of(r"\b(?:no|not|nothing|none|without)\b(?:\s+\S+){0,4}?\s+(?:withh|redact|excis)")
DENIED_FULL = any_of(
    r"\bwithheld\s+in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\bexempt\s+(?:from\s+(?:disclosure|release)\s+)?in\s+(?:full|(?:their|its)\s+entirety)\b",
    r"\b(?:your\s+)?(?:foia\s+)?request\s+(?:is|has\s+been)\s+(?:hereby\s+|being\s+)?denied\b",
    r"\b(?:deny|denying|denied)\s+your\s+(?:foia\s+)?request\b",
    # "Accordingly, your request for them is denied", "Your request for the investigative file … is denied"
    r"\byour\s+(?:foia\s+)?request\s+for\s+(?:\S+\s+){1,8}?(?:is|are|has\s+been|must\s+be)\s+(?:hereby\s+|therefore\s+)?"
    r"denied\b",
    r"\bwithholding\s+(?:all|the|these)\s+(?:responsive\s+)?(?:records|documents)\b(?!\s+in\s+part)",
    r"\bdenied\s+in\s+(?:full|(?:its|their)\s+entirety)\b",
    r"\b(?:unable|not\s+able|cannot|can\s?not)\s+(?:to\s+)?release\s+(?:the|these|those|any|this|such)\b",
    # "We are unable to provide the records you requested because they are exempt"
    r"\b(?:unable|not\s+able|cannot|can\s?not)\s+(?:to\s+)?(?:provide|furnish|disclose)\s+(?:you\s+(?:with\s+)?)?"
    r"(?:the|these|those|any|this|such)\s+(?:\w+\s+)?(?:records?|documents?|materials?)\b(?:\s+\S+){0,8}?\s+"
    r"(?:because|as|since)\b(?:\s+\S+){0,4}?\s+exempt",
    # "Access to the requested document is denied under exemptions (b)(1) and (b)(3)"
    r"\baccess\s+to\s+(?:the|these|those|this|such|all)\s+(?:\w+\s+)?(?:records?|documents?|files?|materials?|information"
    r"|reports?)\b(?:\s+\S+){0,4}?\s+(?:is|are|has\s+been|have\s+been|must\s+be)\s+(?:hereby\s+)?denied\b",
    # the records as a whole said to be exempt: "Because the documents are currently and properly
    # classified, they are exempt from disclosure" (not "portions of the documents are exempt")
    r"\b(?:records|documents)\b[^.;]{0,80}?,\s+they\s+(?:are|were|remain)\s+(?:\w+\s+)?exempt\s+from\s+"
    r"(?:disclosure|release)\b",
    r"(?<!of\s)(?<!in\s)\b(?:the|these|those|all|both)\s+(?:\d+\s+)?(?:\w+\s+)?(?:records|documents)\s+"
    r"(?:are|were|remain)\s+(?:\w+\s+)?exempt\s+from\s+(?:disclosure|release)\b",
    # "The file cannot be released to you because it is exempt under Exemption 7(A)"
    r"\b(?:records?|documents?|files?|reports?|materials?|information|it|they)\b(?:\s+\S+){0,3}?\s+(?:cannot|can\s?not"
    r"|may\s+not|must\s+not)\s+be\s+(?:released|disclosed|provided)\b(?:\s+to\s+you)?\s+(?:because|since|as|under"
    r"|pursuant)\b[^.;]{0,80}?\b(?:exempt\w*|protected|classified|privacy|withh\w+)",
    # "We regret to inform you that we cannot comply" (with the request)
    r"\bregret\b.{0,40}?\b(?:cannot|can\s?not|unable\s+to)\s+(?:comply|grant\s+your\s+request"
    r"|release\s+(?:the|these|those|any)\s+(?:records|documents))\b",
)
PARTIAL = any_of(
    r"\b(?:grant\w*|releas\w*|withh\w*|declassif\w*)\b(?:\s+\S+){0,8}?\s+in\s+part\b",
    r"\bpartial(?:ly)?\s+(?:grant|release|denial|denied|granted|released|releasable|withheld)\w*",
    r"\breleas\w*\b(?:\s+\S+){0,4}?\s+with\s+(?:(?!no\b)\w+\s+)?(?:redactions|excisions|deletions)\b",
    r"\b(?:pages?|records?|documents?|cd|disc)\b(?:\s+\S+){0,8}?\s+with\s+(?:certain\s+)?(?:information|portions|material|text)"
    r"\s+(?:being\s+)?(?:withheld|redacted|deleted|excised)\b",
    # "certain portions of the enclosed documents are exempt from disclosure"
    r"\b(?:portions?\s+(?:of\s+)?(?:(?:the|these|those|such)\s+(?:\w+\s+){0,2})?"
    r"|parts?\s+of\s+(?:the|these|those|such)\s+(?:\w+\s+)?(?:records?|documents?|pages?|materials?|files?)\s+)"
    r"(?:are|is|will\s+be"
    r"|should\s+be|must\s+be|have\s+been|has\s+been|were)"
    r"\s+(?:being\s+)?(?:withheld|redacted|excised|exempt(?:ed)?)\b",
    r"\bpartially\s+withheld\b",
    # "We are releasing them with names redacted under Exemption 6", "providing the enclosed data with
    # the names of employees … withheld"
    r"\b(?:releas(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|enclos(?:e|es|ed|ing)|produc(?:e|es|ed|ing))\b(?:\s+\S+){0,6}?\s+"
    r"with\s+(?!no\b|out\b)(?:\S+\s+){0,8}?(?:withheld|redacted|deleted|excised|removed|blacked\s+out)\b",
    # a release with a part carved out and the reason given: "The grant application is enclosed,
    # except for the budget pages, which are protected by Exemption 4"
    r"\b(?:enclosed|attached|released|provided|produced|releasing|providing|enclosing)\b,?\s+(?:except|with\s+the"
    r"\s+exception\s+of|other\s+than|but\s+for)\b[^.;]{0,160}?\b(?:withh\w+|redact\w*|exempt\w*|protected|"
    r"exemptions?\s+\d)",
    # "Enclosed are the releasable portions of the charge file"
    r"\breleasable\s+(?:portions?|parts?|segments?)\b",
)
THOSE_PORTIONS = re.compile(r"\b(?:those|these|such)\s+portions\b", re.I)
ACTION_NAMED = re.compile(
    r"\b(?:constitutes?|is|are|directed|made|issued)\s+(?:a\s+|the\s+|this\s+)?partial\s+denial\b", re.I
)
# Partial-release wording decides even when it speaks of the future ("portions … will be
# withheld") and even next to "withheld in their entirety" elsewhere in the letter.
PARTIAL_STRONG = any_of(
    r"(?<!\bno\s)\b(?:deletions|excisions|redactions)\s+(?:have|has)\s+been\s+made\b",
    r"\bpartially\s+releasable\b",
    r"\breleasable\s+in\s+part\b",
    r"\breleased\s+in\s+part\b",
    r"\bwith\s+(?:certain\s+)?information\s+(?:being\s+)?withheld\b",
    r"\bwith\s+(?:(?!no\b|out\b)\w+\s+)?(?:redactions|excisions)\b",
    r"\bportions?\b(?:\s+\S+){0,6}?\s+will\s+be\s+withheld\b",
    r"\bpartially\s+withheld\b",
    r"\bportions?\b(?:\s+\S+){0,6}?\s+(?:are|is)\s+not\s+releasable\b",
)
# Details kept back, not records: names, addresses, numbers that identify someone, kinds of information
# ("Employee names and telephone numbers are withheld under (b)(6)", "Personal information of third
# parties was withheld"). A letter that withholds them released the records they sit in.
DETAIL = (
    r"(?:names?|identit(?:y|ies)|(?:home\s+|e-?mail\s+|street\s+)?addresses|(?:tele|cell\s+)?phone\s+numbers?"
    r"|(?:social\s+security|account|license\s+plate|badge|bank)\s+numbers?|dates?\s+of\s+birth|signatures?"
    r"|(?:personal(?:ly)?|identifying|identifiable|private|privacy|financial|commercial|proprietary"
    r"|third[- ]party|medical|sensitive)\s+(?:\w+\s+)?(?:information|data|details)|trade\s+secrets?"
    r"|techniques?|internal\s+(?:codes?|urls?|links?|e-?mail\s+addresses))"
)
# Parts of records kept back, so the rest is released: "Portions of the documents identified on
# enclosed Appendix E … are being withheld", "this information has been redacted", "we have
# withheld all signatures".
PARTIAL_ITEMS = any_of(
    # "information" withheld is a part of the records ("This information is being withheld", "information
    # has been withheld under Exemption 6"), unless it is all that was asked for ("the information you
    # requested is withheld") or withheld whole
    r"(?<!\ball\s)(?<!\brequested\s)(?<!\bresponsive\s)\binformation\b(?!\s+(?:that\s+|which\s+)?(?:you\s+"
    r"(?:requested|sought|seek)|requested|responsive|sought))(?:\s+\S+){0,8}?\s+(?:is|are|was|were|has\s+been"
    r"|have\s+been)\s+(?:being\s+)?(?:withheld|redacted|excised|deleted|removed)\b"
    r"(?!\s+in\s+(?:full|(?:its|their)\s+entirety))",
    rf"\b{DETAIL}\b(?:\s+\S+){{0,8}}?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+)?"
    r"(?:withheld|redacted|excised|deleted|removed|blacked\s+out)\b(?!\s+in\s+(?:full|(?:its|their)\s+entirety))",
    r"\bportions?\s+of\b(?:\s+\S+){0,14}?\s+(?:are|is|were|was|will\s+be|have\s+been|has\s+been)\s+(?:being\s+)?"
    r"(?:withheld|redacted|excised|deleted)\b",
    r"\b(?:information|names?|portions?|this|it|text|material|data|numbers?|addresses|signatures?)\b"
    r"(?:\s+\S+){0,3}?\s+(?:has|have|had)\s+been\s+redacted\b",
    r"\bwe\s+(?:have\s+)?redacted\b",
    r"\bwithheld\s+(?:all\s+|the\s+|any\s+)?(?:signatures?|names?|(?:personal|personally\s+identifiable)\s+\w+"
    r"|(?:tele)?phone\s+numbers?|e-?mail\s+addresses|home\s+addresses|social\s+security\s+numbers)\b",
    # older wording of the same: "certain names have been blacked out", "a sanitized version",
    # "the deletions made are pursuant to exemptions (b)(1)", "the deleted material is exempt"
    r"\b(?:information|names?|portions?|this|it|text|material|data|numbers?|addresses|signatures?)\b"
    r"(?:\s+\S+){0,3}?\s+(?:has|have|had)\s+been\s+(?:blacked|blocked|inked)\s+out\b",
    r"\b(?:enclosed|attached|releas\w*|provid\w*)\b(?:\s+\S+){0,4}?\s+(?:a\s+|the\s+)?sanitized\s+(?:versions?|cop(?:y|ies))\b",
    r"\b(?:enclosed|attached|released|provided)\s+in\s+(?:a\s+)?sanitized\s+form\b",
    r"(?<!\bno\s)\b(?:deletions|excisions|redactions)\s+(?:made\s+|taken\s+)?(?:are|were|have\s+been|has\s+been)\s+"
    r"(?:made\s+)?(?:pursuant|under|in\s+accordance|based)\b",
    r"\b(?:deleted|excised|redacted)\s+(?:material|information|portions?|text|passages?)\s+(?:is|are|was|were)\s+"
    r"exempt\b",
)
# Something withheld from records the letter encloses: what is enclosed is released, so the
# letter releases them in part ("redacted from the enclosed documents", "information in the
# attached records has been withheld").
ENCLOSED_RECORDS = (
    r"\b(?:enclosed|attached)\s+(?:\w+\s+)?(?:documents?|records?|pages?|materials?|files?|cop(?:y|ies))\b"
)
WITHHELD_WORD = r"\b(?:withh(?:e|o)ld\w*|redact\w*|delet(?:ed|ions?)|excis\w*|exempt(?:ed)?)\b"
PARTIAL_ENCLOSED = any_of(
    rf"{WITHHELD_WORD}(?:\s+\S+){{0,8}}?\s+(?:from|in|within|of)\s+(?:the\s+|these\s+)?{ENCLOSED_RECORDS}",
    rf"{ENCLOSED_RECORDS}(?:\s+\S+){{0,8}}?\s+(?:are|is|were|was|(?:has|have)\s+been)\s+(?:\w+\s+)?{WITHHELD_WORD}",
)

# A request for records "showing that the search came back negative", "indicating that the agency
# has no record of …": what the records say, not what the search found.
ASKED_FOR_CONTENT = re.compile(
    r"\b(?:request(?:s|ed|ing)?|seek(?:s|ing)?|sought|asked)\s+(?:for\s+)?(?:all\s+|any\s+|copies\s+of\s+)?(?:the\s+)?"
    r"(?:records?|documents?|information|e-?mails?)\s+(?:showing|indicating|reflecting|stating|proving|that\s+(?:show|indicate"
    r"|state|prove|reflect))\b",
    re.I,
)
# "any documents which would be responsive to your request": a description, not a condition
WOULD_BE_RESPONSIVE = re.compile(r"\b(?:which|that)\s+would\s+be\s+responsive\b", re.I)
NOT_KNOWN = re.compile(r"\b(?:it\s+is\s+)?not\s+known\s+(?:if|whether)\b", re.I)


def _described(sentence: str) -> str:
    """The sentence without the words that describe records rather than set a condition."""
    return WOULD_BE_RESPONSIVE.sub("", NOT_KNOWN.sub("", sentence))


NOT_OTHER = r"(?!(?:other|additional|further|more|remaining)\b)"
# "no record of your request", "of receiving your payment": the correspondence, not records sought
CORRESPONDENCE = (
    r"(?:(?:receiving|having|any\s+(?:payment|check|correspondence|letter|request|appeal))\b|(?:your|a|an|the|this)\s+"
    r"(?:\w+\s+)?(?:request|appeal|payment|check|correspondence|letter|reply|response|fee)s?\b)"
)
# "the records withheld are described in the enclosed index": a list of what was kept back
DESCRIBED = any_of(r"\bdescrib", r"\blisted\b", r"\bindex\b", r"\bexplain")
NO_RECORDS = any_of(
    r"\b(?:unable|not\s+able)\s+to\s+(?:locate|find|identify)\s+or\s+(?:locate|find|identify)\s+any\b",
    r"\bno\s+(?:\w+\s+){0,2}(?:records|documents|materials?)\b(?:\s+\S+){0,6}?\s+(?:were|was|could\s+be)\s+"
    r"(?:located|found|identified)\b",
    r"\b(?:found|located|identified)\s+none\b",
    r"\b(?:yielded|produced|returned|revealed|disclosed)\s+no\s+(?:responsive\s+)?(?:records?|documents?)\b",
    # "nothing responsive was located", "did not locate anything responsive", "revealed nothing
    # pertaining to your request"
    r"\bnothing\s+(?:responsive|pertaining|relating|relevant)\b(?:\s+\S+){0,6}?\s+(?:was|were|could\s+be)\s+"
    r"(?:located|found|identified)\b",
    r"\b(?:did|does|could)\s+not\s+(?:locate|find|identify|reveal|disclose|uncover|yield)\s+anything\s+"
    r"(?:responsive|pertaining|relating|relevant)\b",
    r"\b(?:located|found|identified|revealed|disclosed|uncovered|yielded)\s+nothing\s+(?:responsive|pertaining"
    r"|relating|relevant)\b",
    # "Our records contain no information concerning the subject of your request"
    r"\b(?:records|files|indices|indexes|systems?)\s+(?:contain|contained|reflect|reflected|show|showed|indicate"
    r"|indicated)\s+no\s+"
    rf"(?:record|information|reference|mention)\b(?!\s+of\s+{CORRESPONDENCE})",
    r"\b(?:did\s+not|could\s+not|(?:was|were|have\s+been|has\s+been|are|am|is)\s+unable\s+to|failed\s+to)\s+"
    r"(?:locate|find|identify)(?:\s+or\s+(?:locate|find|identify))?,?\s+(?:any\s+|the\s+)?(?:responsive\s+)?(?:records|documents"
    r"|(?:information|materials?)\s+(?:responsive|about|concerning|regarding|pertaining|relating|on)\b)",
    # "A search of our files disclosed no such complaints", "our search revealed no responsive entries"
    r"\bsearch(?:es)?\b(?:\s+\S+){0,8}?\s+(?:disclosed|revealed|yielded|produced|located|found|returned|uncovered)\s+"
    r"no\s+(?:such|responsive)\b",
    r"\bno\s+(?:responsive\s+)?(?:records|documents)\s+(?:were|was|have\s+been|could\s+be)\s+(?:located|found|identified)",
    # "we have no documents responsive", "no information that is responsive" ("no other
    # records" is the rest of a request some of which was answered)
    rf"\bno\s+(?:{NOT_OTHER}\w+\s+)?(?:records|documents|materials|information)\s+(?:that\s+(?:are|were|is|was)\s+)?"
    r"responsive\b",
    # "The Bureau does not have any records responsive", "We do not maintain records on"
    rf"\b(?:do|does|did)\s+not\s+(?:have|hold|maintain|possess|keep)\s+(?:any\s+)?(?:{NOT_OTHER}\w+\s+){{0,2}}?"
    r"(?:records|documents)\b",
    r"\bno\s+(?:such\s+|responsive\s+)?(?:records|documents)\s+(?:exist|existed)\b",
    # the compilation asked for is not one the office keeps: "The Bureau does not maintain a listing of
    # A-76 activities", "The Park does not keep a log of ranger calls" (the law's "not required to
    # create or compile a record" is no answer by itself)
    r"\b(?:do|does|did)\s+not\s+(?:have|hold|maintain|possess|keep|compile|track)\s+(?:a|an|any|such(?:\s+an?)?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:list(?:ing)?s?|compilations?|reports?|tables?|databases?|logs?|inventor(?:y|ies)"
    r"|summar(?:y|ies)|spreadsheets?|breakdowns?|tabulations?|statistics|data)\b",
    # ... or not arranged the way asked: "does not maintain visitor counts by the visitors' home State",
    # "We do not compile statistics by county" (not "by itself", nor "by law")
    r"\b(?:do|does|did)\s+not\s+(?:maintain|compile|keep|track)\s+(?:[\w'-]+\s+){1,4}?(?:by|broken\s+down\s+by"
    r"|sorted\s+by|for\s+each)\s+(?!(?:itself|themselves|law|statute|regulation|policy)\b)",
    # "EOIR has no records of the kind you describe"
    rf"\b(?:we|office|agency|(?-i:[A-Z]{{2,8}}))\s+(?:has|have|had|maintains|holds|possesses)\s+no\s+(?:{NOT_OTHER}\w+\s+)?"
    r"(?:records|documents|files)\b",
    # "Responsive records do not exist" (but not "create records that do not exist")
    r"\b(?:records|documents)\s+(?!that\b|which\b)(?:\S+\s+){0,6}?(?:do|does|did)\s+not\s+exist\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,6}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?results\b",
    r"\b(?:located|found|identified)\s+no\s+(?:responsive\s+)?(?:records|documents)\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,4}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?records",
    r"\b(?:did|does)\s+not\s+(?:yield|produce|return|reveal|locate|find|result\s+in)\s+any\s+(?:responsive\s+)?"
    r"(?:records|documents)\b",
    r"\bthere\s+(?:are|were)\s+no\s+(?:responsive\s+)?(?:records|documents)\b",
    # the search's other verbs and a word or two before the records: "did not locate any main file
    # records", "Our search did not disclose (uncover, turn up) any records"
    r"\b(?:(?:did|does|could)\s+not|(?:was|were|are|am|is)\s+unable\s+to)\s+(?:locate|find|identify|disclose|uncover"
    rf"|turn\s+up|reveal|yield|produce)\s+(?:any\s+)?(?:{NOT_OTHER}[\w-]+\s+){{1,2}}?(?:records|documents|files)\b",
    # "We searched for the records you requested and did not find any."
    r"\b(?:did|could)\s+not\s+(?:locate|find|identify)\s+any(?:thing)?\s*(?:[.;]|$)",
    r"\b(?:did|does)\s+not\s+(?:disclose|uncover|turn\s+up)\s+any\s+(?:records|documents|files)\b",
    # "The Office of Inspector General has no record of the investigation you describe" (not "no
    # record of your request", of a payment, of receiving: that is about the correspondence)
    r"\b(?:we|I|office|agency|general|service|bureau|department|division|administration|command|component"
    rf"|(?-i:[A-Z]{{2,8}}))\s+(?:has|have|had)\s+no\s+record\s+of\s+(?!{CORRESPONDENCE})",
    # "Our search for records responsive to your request came back negative"
    r"\bsearch(?:es)?\b(?:\s+\S+){0,8}?\s+(?:was|were|came\s+back|proved|returned)\s+(?:\w+\s+)?negative\b"
    r"(?!\s+(?:for|of|on|to|in)\b)",
    r"\b(?:results?\s+of\s+(?:the|our|this)\s+search|search\s+results?)\s+(?:was|were|is|are)\s+negative\b"
    r"(?!\s+(?:for|of|on|to|in)\b)",
    # records that no longer exist: "Records which may be responsive ... were destroyed on ..."
    r"\b(?:records?|documents?|files?)\b(?:\s+\S+){0,8}?\s+(?:were|was|have\s+been|has\s+been)\s+"
    r"(?:\w+ly\s+)?(?:destroyed|shredded|purged|disposed\s+of)\b",
    # "Since those records were not reviewed, it is not known if they are actually responsive"
    r"\b(?:records?|material|documents?)\s+(?:were|was|could)\s+not\s+(?:be\s+)?reviewed\b",
    # the letter naming itself: "responsible for this no records response"
    r"\b(?:this|our)\s+no[- ]records?\s+(?:response|determination|finding|letter)\b",
    r"\bsearch(?:es)?\b(?:\s+\S+){0,12}?\s+(?:yielded|produced|returned|revealed)\s+no\s+(?:responsive\s+)?results\b",
)
# "This office has no additional records responsive to your request", "We located no further
# records": after a release or a referral in the same letter that is the rest of the answer (those
# rank first, see ``Findings.classify``); alone, or after a referral told as history, it is the answer.
NO_MORE_RECORDS = any_of(
    r"\b(?:we|I|office|agency|(?-i:[A-Z]{2,8}))\s+(?:has|have|had|located|found|identified|holds?|maintains?)\s+"
    r"no\s+(?:additional|further)\s+(?:responsive\s+)?(?:records|documents)\b",
    r"\bno\s+(?:additional|further)\s+(?:responsive\s+)?(?:records|documents)\s+(?:were|was|have\s+been|could\s+be)\s+"
    r"(?:located|found|identified)\b",
    r"\b(?:did|does|could)\s+not\s+(?:locate|find|identify|have|maintain)\s+any\s+(?:additional|further)\s+"
    r"(?:responsive\s+)?(?:records|documents)\b",
)
FEE_ESTIMATE = any_of(
    r"\b(?:will|would|shall)\s+(?:be\s+charged|owe|cost|charge\s+you)\b",
    r"\bonly\s+an\s+estimate\b",
    r"\bprovides?\s+(?:you\s+with\s+)?(?:a|an|the)\s+(?:fee\s+)?estimate\b",
    r"\bfee\s+estimate\b",
    r"\bestimated\s+(?:total\s+)?(?:fees?|costs?|charges?)\b",
    r"\badvance\s+payment\b",
    r"\btotal\s+(?:estimated\s+)?(?:fees?|costs?|charges?|amount\s+due)\b",
    r"\b(?:fees?|costs?|charges?)\s+(?:will|would|are\s+expected\s+to|is\s+expected\s+to)\s+(?:total|exceed|be)\b",
    r"\bamount\s+due\b",
)
# A fee letter without an amount in the text still says it is one.
FEE_STRONG = any_of(
    r"\bprovides?\s+(?:you\s+with\s+)?(?:a|an|the)\s+(?:fee\s+)?estimate\b",
    r"\bthis\s+is\s+only\s+an\s+estimate\b",
    r"\b(?:this|our)\s+(?:letter\s+)?(?:is\s+(?:a|an|the)\s+)?fee\s+estimate\b",
    # "Because the estimated fees exceed the $25.00 you agreed to pay, we need your assurance"
    r"\b(?:estimated|anticipated)\s+(?:fees?|costs?|charges?)\b(?:\s+\S+){0,4}?\s+(?:exceeds?|will\s+exceed|(?:is|are)\s+"
    r"(?:more|greater)\s+than)\s+(?:the\s+)?(?:\$\S+\s+|amount\s+)(?:that\s+)?you\s+(?:have\s+|had\s+)?"
    r"(?:agreed|were\s+willing|are\s+willing|indicated|stated|committed)\b",
)
STILL_INTERESTED = any_of(
    r"\bstill\s+interested\b",
    r"\bcontinued\s+interest\b",
    r"\bremains?\s+interested\b",
    # "Please advise whether you still require the information requested"
    # "If you would like us to keep your request open, please contact us by April 30"
    r"\bkeep\s+(?:your|this|the)\s+(?:\w+\s+)?(?:request|file|case)\s+open\b",
    r"\b(?:whether|if)\s+you\s+still\s+(?:require|need|want|wish\s+to\s+(?:receive|pursue|obtain))\s+"
    r"(?:the|this|these|those|your|copies|records|documents|information|materials?)\b",
)
# "If you wish us to continue" asks the same only in a letter that will close the request
# unheard; without that it is a question about the request, not a still-interested letter.
WISH_TO_CONTINUE = any_of(
    r"\b(?:wish(?:es)?|wants?|would\s+like)\s+(?:us\s+|this\s+office\s+|the\s+agency\s+)?to\s+(?:continue|pursue)\b",
)
CLOSED = any_of(
    r"\b(?:request|case|file|it)\s+(?:is\s+(?:being\s+|now\s+)?|has\s+(?:now\s+)?been\s+|was\s+)(?:administratively\s+)?"
    r"closed\b",
    r"\b(?:are|am|is|have|has)\s+(?:now\s+|therefore\s+|hereby\s+|accordingly\s+)?(?:administratively\s+)?clos(?:ing|ed)\s+"
    r"(?:your|this|the)\s+(?:request|case|file)\b",
    # "Your request 2026-ICFO-12345 has been administratively closed"
    r"\b(?:request|case|file)\s+(?:(?:no\.?|number|#)\s*)?[\w-]*\d[\w-]*\s+(?:is\s+(?:now\s+)?|has\s+(?:now\s+)?been\s+|was\s+)"
    r"(?:administratively\s+)?closed\b",
)
# A closure the requester asked for is a withdrawal, not the agency's administrative closure.
WITHDRAWN = any_of(r"\bwithdr(?:ew|awn|aw|awal|awing)\b", r"\bat\s+your\s+request\b")
# Why an agency closed a request, as its letter says: tried in this order in the closing
# sentence, then in the rest of the letter (a duplicate is named as such; a still-interested
# letter left unanswered, fees not agreed, a clarification not given).
CLOSED_FOR = (
    ("duplicate", any_of(r"\bduplicat")),
    (
        "no_still_interested_reply",
        any_of(
            r"\bstill\s+interested\b",
            r"\bcontinued\s+interest\b",
            r"\bno\s+longer\s+interested\b",
            r"\binterest\s+in\s+(?:pursuing|continuing|receiving)\b",
        ),
    ),
    (
        "fee_unanswered",
        any_of(
            r"\bfees?\b",
            r"\bpayment\b",
            r"\bpay\b",
            r"\b(?:fee|cost)\s+estimate\b",
            r"\bestimated\s+(?:fees?|costs?)\b",
        ),
    ),
    (
        "clarification_unanswered",
        any_of(
            r"\bclarif",
            r"\breasonably\s+describ",
            r"\bperfect(?:ed|ing)?\b",
            r"\bmore\s+specific\b",
            r"\b(?:additional|further|more)\s+information\b",
        ),
    ),
)
BECAUSE = any_of(r"\bbecause\b", r"\bdue\s+to\b", r"\bsince\b", r"\bas\s+(?:the|you|we|it|your|this)\b")
WILL_CLOSE = any_of(
    r"\bclos(?:e|ed|ing)\b(?:\s+\S+){0,4}?\s+(?:your|the|this)\s+(?:request|file|case)",
    r"\b(?:request|file|case)\s+(?:will|shall)\s+be\s+(?:administratively\s+)?closed\b",
)
CLARIFY = any_of(
    r"\bclarif(?:y|ication|ied|ying)\b",
    r"\breasonably\s+describe",
    r"\bmore\s+specific\b",
    r"\bperfect(?:ed|ing)?\s+(?:your|the|this)\s+request\b",
    # "we require this additional information about records you are seeking", "we need the following
    # additional information"; not an office that needs none ("we do not require any additional information")
    r"(?<!\bnot\s)(?<!n't\s)\b(?:need|needs|require|requires|required)\s+(?:some\s+|this\s+|the\s+(?:following\s+)?)?"
    r"(?:additional|more|further)\s+information\b",
    r"\bunable\s+to\s+(?:process|begin\s+processing|search\s+for)\s+your\s+request\b",
    # "please let us know whether you are seeking the final report only or all drafts"
    r"\bplease\s+(?:let\s+us\s+know|specify|indicate|tell\s+us|advise\s+(?:us\s+)?|confirm)\s+(?:whether|which|what)\s+"
    r"(?:\w+\s+){0,3}?you\s+(?:are\s+)?(?:seeking|requesting|mean|intend)\b",
    # "because you didn't provide enough information"
    r"\b(?:did|do|does)\s*(?:not|n't)\s+(?:provide|give|include|send)\s+(?:us\s+)?(?:enough|sufficient|adequate)\s+"
    r"information\b",
    # "Please specify the individuals, offices or time period you are interested in"
    r"\bplease\s+(?:specify|identify|indicate|narrow|limit|clarify|describe)\b[^.;?]{0,160}?\b(?:you\s+are\s+"
    r"interested\s+in|you\s+(?:are\s+)?(?:seeking|want)|so\s+(?:that\s+)?we\s+(?:can|may)\s+(?:search|locate|process"
    r"|conduct))",
    # the same asked as a question: "Could you narrow it by date range?", "Can you limit it to one office?"
    r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:narrow|limit|reduce|reformulate|refine|specify|identify"
    r"|clarify)\b[^.;?]{0,200}\?",
)
# A clarification the requester has already given is not one asked for: "Thank you for your response
# to our request for clarification", "We received your clarification of February 27", "you clarified
# your request to cover only the final reports". The letter goes on to what that answer made possible.
CLARIFICATION_GIVEN = any_of(
    r"\b(?:thank\s+you|thanks)\s+for\s+(?:your\s+)?(?:\w+\s+){0,2}?(?:clarif\w*|(?:response|reply|answer)\s+to\s+our)\b",
    r"\b(?:we|I|office|agency)\s+(?:have\s+|has\s+)?received\s+(?:your\s+)?(?:\w+\s+){0,2}?clarif\w*",
    r"\b(?:your|the)\s+(?:response|reply|answer)\s+to\s+(?:our|the|this\s+office's)\s+(?:request|letter)\s+for\s+"
    r"clarification\b",
    r"\b(?:you|requester)\s+(?:have\s+|has\s+|then\s+)?clarified\b",
    r"\bas\s+(?:you\s+)?clarified\b",
    r"\byour\s+clarification\s+(?:of|dated|received|on|sent)\b",
)
# A letter that warns it will close the request if its request for clarification goes unanswered
# is that request (TSA: "If we cannot contact you, or you do not respond within 30 calendar days to
# our requests for clarification, we will close your request"), though the warning is conditional.
# Not a letter that closes the request because it went unanswered (a closure), nor one thanking the
# requester for the answer.
CLARIFICATION_UNANSWERED = any_of(
    r"\b(?:(?:do|does)\s*(?:not|n't)|fail\s+to)\s+(?:respond|reply)\b(?:\s+\S+){0,8}?\s+to\s+(?:our|this|the|these)\s+"
    r"(?:requests?|letter)\s+for\s+clarification\b"
)
# The office's own work on the request is not a question put to the requester: "At this time,
# we are in the process of perfecting your request" (an acknowledgment's words).
OWN_PERFECTING = any_of(
    r"\b(?:we|I|office|agency|(?-i:[A-Z]{2,8}))\s+(?:are|is|am)\s+(?:now\s+|currently\s+)?(?:in\s+the\s+process\s+of\s+)?"
    r"perfecting\b"
)
# What a request about a person needs before a search: the agency's standard paragraph in an
# acknowledgment, so a letter that acknowledges receipt stays an acknowledgment.
CLARIFY_IDENTITY = any_of(
    r"\bcertification\s+of\s+identity\b",
    r"\b(?:proof|verification)\s+of\s+(?:your\s+)?identity\b",
    r"\bthird[- ]party\s+(?:consent|authorization)\b",
    # a Privacy Act request must be signed and sworn: "notarized or submitted under penalty of perjury"
    r"\bnotariz(?:ed|ation)\b",
    r"\bunder\s+penalty\s+of\s+perjury\b",
    # records about someone else need their consent or "proof of death"
    r"\bproof\s+of\s+(?:(?:the\s+)?(?:individual'?s?|subject'?s?|person'?s?)\s+)?death\b",
    # "Please provide the full name, date of birth and place of birth of the subject"
    r"\b(?:provide|submit|send|furnish|need|require)\b(?:\s+\S+){0,8}?\s+(?:date|place)\s+(?:and\s+place\s+)?of\s+birth\b",
)
# The request itself is unclear: what to clarify is the records, even if the letter also
# stops the fee clock ("tolled for fees because your request ... is a little unclear").
CLARIFY_SCOPE = any_of(
    r"\bunclear\b",
    r"\b(?:too|overly|very)\s+broad\b",
    r"\breasonably\s+describ",
    r"\bdescribed,?\s+(?:\w+\s+){0,2}?in\s+(?:\w+\s+){0,2}?(?:sufficient|enough)\s+detail\b",
    r"\b(?:did|does|do)\s+not\s+(?:specifically\s+|reasonably\s+|sufficiently\s+|adequately\s+)?(?:identify|describe)\s+"
    r"the\s+records\b",
    r"\b(?:sufficient|enough|adequate|reasonable)\s+(?:specificity|particularity)\b",
    r"\b(?:please|must|need\s+to)\s+narrow\b",
    # "We are unable to identify the records you seek from the description in your letter"
    r"\b(?:unable|not\s+able|cannot|can\s?not)\s+(?:to\s+)?(?:identify|determine|locate)\b(?:\s+\S+){0,6}?\s+"
    r"(?:from|based\s+(?:up)?on|with)\s+(?:the\s+|your\s+)?description\b",
    # "Based on the description in your request, we are unable to identify the records you seek"
    r"\b(?:from|based\s+(?:up)?on)\s+(?:the\s+|your\s+)?description\b(?:\s+\S+){0,8}?\s+(?:cannot|can\s?not"
    r"|(?:are|am|is|were|was)\s+unable\s+to)\s+(?:identify|determine|locate)\b",
    r"\b(?:cannot|can\s?not|unable\s+to)\s+determine\s+(?:which|what)\s+(?:\w+\s+)?records\b",
    # the standard of a reasonably described request, failed: an employee "cannot locate the records
    # with a reasonable amount of effort"
    r"\b(?:cannot|can\s?not|could\s+not|unable\s+to|not\s+able\s+to)\s+(?:locate|find|identify)\b[^.;]{0,80}?"
    r"\bwith\s+a\s+reasonable\s+amount\s+of\s+effort\b",
)
# A request the office calls improper, not one the FOIA requires it to process: "you have not
# submitted a proper request", "requests for 'any and all' records do not qualify as proper". The
# requester is to make a request the law knows, or describe the records again: a clarification
# (not when the fault is a fee, which is the fee letter's, nor a request the office goes on to
# process another way, ``PROCESSED_ANYWAY``).
IMPROPER_REQUEST = any_of(
    r"\b(?:not|never)\s+(?:\w+\s+)?(?:submitted|made|filed|sent|presented)\s+(?:us\s+)?(?:a|an)\s+"
    r"(?:proper|valid|perfected)\s+(?:[\w()]+\s+){0,3}?request\b",
    r"\b(?:is|was|are|were)\s+not\s+(?:a\s+|an\s+)?(?:proper|valid|perfected)\s+(?:[\w()]+\s+){0,4}?requests?\b",
    r"\b(?:does|do|did)\s+not\s+(?:qualify|count)\s+as\s+(?:a\s+|an\s+)?(?:proper|valid|perfected)\b",
    r"\b(?:does|do|did)\s+not\s+constitute\s+(?:a\s+|an\s+)?(?:proper|valid|perfected)\s+(?:[\w()]+\s+){0,3}?"
    r"requests?\b",
)
# What the office needs before it can go on, asked on the requester's wish to go on (a condition
# that is the requester's, so the sentence still asks): "If you wish to process your request,
# please provide the names of …", "If you would like us to continue processing your request,
# please specify the offices". Not a fee (the fee letter's), nor a bare "let us know" (still
# interested).
PROVIDE_TO_PROCEED = any_of(
    r"\bif\s+you\s+(?:wish|want|would\s+like|desire)\s+(?:us\s+|this\s+office\s+|the\s+\w+\s+)?to\s+"
    r"(?:continue\s+(?:to\s+)?|proceed\s+with\s+)?(?:process(?:ing)?\s+)?(?:of\s+)?your\s+request,?\s+"
    r"(?:please\s+|you\s+(?:must|will\s+need\s+to|need\s+to)\s+)(?:provide|submit|send|specify|identify|supply"
    r"|furnish)\b"
)
# Records described so that the requester can say which they want: "This information will enable
# you to make an informed decision as to whether or not the DVDs are responsive to your request"
# (OCR may run the words together). Not when the decision is about paying a fee.
REQUESTER_DECIDES = any_of(r"\binformed\s*decision\s*(?:as\s*to|about|on)?\s*(?:whether|which)")
# "not a valid Privacy Act request, so we will process it under the FOIA"
PROCESSED_ANYWAY = any_of(r"\bprocess(?:es|ed|ing)?\b", r"\btreat(?:s|ed|ing)?\b")
FEE_CLARIFY = any_of(
    r"\bfee\s+(?:category|status)\b",
    r"\b(?:willingness|commitment|agree(?:ment)?|commit)\s+to\s+pay\b",
)
EXTENSION = any_of(
    r"\bunusual\s+circumstances\b",
    r"\b(?:extend|extending|extended|extension)\b.{0,80}\b(?:time|deadline|response|period|date|limit)\b",
    r"\badditional\s+(?:10|ten)\s+(?:working|business)\s+days\b",
    r"\b(?:10|ten)[- ](?:day|working[- ]day|business[- ]day)\s+extension\b",
    r"\bextension\s+of\s+(?:an\s+)?(?:additional\s+)?(?:up\s+to\s+)?(?:10|ten)\s+(?:additional\s+)?(?:working|business)\s+days\b",
    # "An extension of up to ten working days is being invoked", "we are invoking the extension"
    r"\bextension\b(?:\s+\S+){0,10}?\s+(?:is|are|has\s+been|have\s+been)\s+(?:being\s+)?invoked\b",
    r"\b(?:are|am|is)\s+(?:hereby\s+)?invoking\s+(?:\S+\s+){0,4}?extension\b",
)
# The office says ahead that it will miss the statutory time: "We will be unable to respond to
# your request within the FOIA's 20 day statutory time period", "cannot meet the 20-day" (the
# OSD/Joint Staff template, whose reason, unusual circumstances, follows). Not when the sentence
# gives a backlog as the reason, which is a delay and extends nothing, nor when it tells you that
# you may treat the silence as a denial ("Since we cannot respond within the 20 working days …,
# you have the right to consider this a denial and may appeal"); nor a delay already past.
EXTENSION_AHEAD = any_of(
    r"\b(?:(?:will\s+be|are|am|is)\s+unable\s+to|will\s+not\s+be\s+able\s+to|cannot|can\s?not)\s+"
    r"(?:(?:respond|reply|complete|process|make\s+a\s+determination)\w*\b(?:\s+\S+){0,10}?\s+(?:within|in)"
    r"|meet)\s+(?:\S+\s+){0,3}?(?:statutory|(?:20|twenty)[- ](?:working[- ]|business[- ]|work[- ]?)?days?)\b",
    r"\b(?:take|need|require)s?\s+(?:more|longer)\s+than\s+(?:the\s+)?(?:statutory\s+)?(?:20|twenty)[- ]"
    r"(?:working[- ]|business[- ]|work[- ]?)?days?\b",
)
NOT_AN_EXTENSION = any_of(
    r"\bappeal",
    r"\bdenial\b",
    r"\bdenied\b",
    r"\bjudicial\b",
    r"\bcourt\b",
    r"\bsue\b",
    r"\bbacklog",
    r"\b(?:large|high|increasing)\s+(?:number|volume)\b",
    r"\bvolume\s+of\s+requests\b",
    r"\bworkload\b",
)
INTERIM = any_of(
    r"\binterim\b",
    r"\bpartial\s+response\b",
    r"\bpartially\s+respond",
    r"\brolling\s+(?:basis|release|production)",
    r"\b(?:first|second|third|next)\s+(?:release|production|installment)\b",
    r"\b(?:will\s+)?continue\s+(?:to\s+process|processing)\b",
    r"\bremaining\s+(?:records|pages|documents)\b",
)
REFERRAL = re.compile(
    r"\b(?:referred|referring|forwarded|forwarding|transferred|transferring|routed|routing|redirected|sent)\s+"
    r"(?P<what>(?:[\w,()'-]+\s+){0,8}?)to\s+(?:the\s+|our\s+)?(?P<to>(?:U\.S\.\s+)?[A-Z][\w.&'-]*"
    r"(?:\s+(?:of|and|for|on|the|&|[A-Z][\w.&'-]*|\([A-Z][\w.&/ -]*\)))*"
    # "forwarded your request to that agency", "to the appropriate office"
    r"|(?:that|appropriate|proper|responsible|originating)\s+(?:agency|office|component|bureau|department))"
)
REFERRAL_PASSIVE = re.compile(
    # the subject may open the sentence: "Records were referred to that agency"
    r"\b(?P<what>(?i:request|records?|pages?|documents?|materials?|it|they|your\s+(?:letter|inquiry|correspondence)))\b"
    r".{0,100}?"
    r"\b(?:(?:has|have|had)\s+been|was|were|is|are"
    r"|will\s+be|(?:is|are)\s+being)\s+"
    r"(?:referred|forwarded|transferred|routed|redirected|sent)\s+to\s+(?:the\s+|our\s+)?(?P<to>(?:U\.S\.\s+)?[A-Z][\w.&'-]*"
    r"(?:\s+(?:of|and|for|on|the|&|[A-Z][\w.&'-]*|\([A-Z][\w.&/ -]*\)))*"
    # "forwarded your request to that agency", "to the appropriate office"
    r"|(?:that|appropriate|proper|responsible|originating)\s+(?:agency|office|component|bureau|department))"
)
# "forwarded to our Headquarters Ecological Services Office for processing" sends the request to
# another office of the agency; "forwarded to our FOIA Office" (or "our Office") brought it here.
OUR_OWN_OFFICE = re.compile(
    r"\b(?:FOIA|FOIPA|Freedom\s+of\s+Information|Privacy|Disclosure)\b"
    r"|^(?:Office|Agency|Bureau|Department|Division|Component|Headquarters)$",
    re.I,
)
OUR = re.compile(r"\bour\s+$", re.I)
# A step of the office's own handling, not another office: "it will be forwarded to Initial
# Processing for review", "sent to intake".
PROCESSING_STAGE = re.compile(
    r"(?:(?:the|its)\s+)?(?:initial\s+processing|intake|processing)\b(?!\s+office)"
    # "forwarded to the FOIA Office for processing": no other office is named
    r"|(?:(?:the|its)\s+)?(?:FOIA|FOIA/PA|FOI)\s+(?:office|unit|section|branch|staff|team)\s*$",
    re.I,
)
# A referral written to the office that is to answer, not to the requester (who may get a copy):
# "please review this document for release determination and respond directly to the requester".
# What it encloses is the records referred, not a release.
TO_THE_ADDRESSEE = re.compile(
    r"\b(?:review|process|consider)\w*\b[^.;]{0,160}?\b(?:respond(?:ing)?|repl(?:y|ying))\s+directly\s+to\s+the\s+requester\b"
    r"|\bdirect\s+(?:response|reply)\s+to\s+the\s+requester\b",
    re.I,
)
ADDRESSEE = "the office the letter is addressed to"
FOR_CONSULTATION = re.compile(r"[^.;]{0,40}?\bfor\s+(?:a\s+|their\s+|its\s+)?consult", re.I)
# Records sent to the agency by someone else ("sent to NCUA from a congressional committee")
# came in, not went out; and what the requester says ("In your appeal, you assert that …")
# is not what the agency did.
FROM_ELSEWHERE = re.compile(
    r"\s*(?:from\b|by\s+(?!(?:letter|e-?mail|mail|memorandum|fax|facsimile|separate|courier|telephone|phone)\b))",
    re.I,
)
REQUESTER_SAYS = re.compile(
    r"\byou\s+(?:(?:also|further)\s+)?(?:assert|state|contend|argue|claim|allege|maintain|believe|suggest)",
    re.I,
)
REFERRED_WHAT = re.compile(
    r"\b(?:request|records?|pages?|documents?|materials?|portions?|e-?mails?|it|them)\b"
    r"|\byour\s+(?:\w+\s+)?(?:letter|inquiry|correspondence)\b",
    re.I,
)
# The whole request went on: the request itself, or the requester's letter that made it.
WHOLE_REQUEST = re.compile(r"\b(?:request|it|letter|inquiry|correspondence)\b", re.I)
DECISION_TOPICS = {
    "expedite": any_of(r"\bexpedit"),
    "fee_waiver": any_of(
        r"\bfee\s+waiver\b", r"\bwaiver\s+of\s+(?:the\s+)?fees\b", r"\bwaive\s+(?:the\s+)?fees\b"
    ),
}
# Expedited processing: asked for (in the opening), weighed (the standard, or the ground said
# back), or still to be decided.
EXPEDITE_ASKED = any_of(
    r"\byour?\s+(?:(?!may\b|can\b|might\b|could\b|should\b)\w+\s+){0,3}?"
    r"(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|seek(?:s|ing)?|sought)\s+(?:\S+\s+){0,3}?expedit\w*\s+"
    r"(?:processing|treatment|handling|review)\b",
)
EXPEDITE_WEIGHED = any_of(
    r"\bcompelling\s+need\b",
    r"\bimminent\s+threat\s+to\s+the\s+life\b",
    r"\burgency\s+to\s+inform\s+the\s+public\b",
    r"\bloss\s+of\s+substantial\s+due\s+process\s+rights\b",
    r"\bwidespread\s+and\s+exceptional\s+media\s+interest\b",
    r"\byou\s+(?:have\s+)?(?:requested|request|seek|sought|asked\s+for)\s+expedit\w*\s+(?:processing|treatment)\s+"
    r"(?:because|on\s+the\s+(?:grounds?|basis)|based\s+on|citing)\b",
)
EXPEDITE_PENDING = any_of(
    r"\bexpedit\w*\b(?:\s+\S+){0,12}?\s+(?:will|shall)\s+be\s+(?:decided|determined|made|reviewed|considered"
    r"|addressed)\b",
    r"\b(?:determination|decision)\s+(?:on|regarding|about|of)\s+(?:\S+\s+){0,4}?expedit\w*\b(?:\s+\S+){0,6}?\s+"
    r"(?:will|shall)\b",
    r"\bexpedit\w*\b(?:\s+\S+){0,8}?\s+(?:is|remains)\s+(?:still\s+)?(?:pending|under\s+review|under\s+consideration)\b",
)
# A fee waiver weighed: the office says it has considered the requester's case for one ("We have taken
# into consideration your justification regarding waiver of fees", the Navy's letter that reduces the
# fees instead); not a consideration still to come ("will be considered", "have not yet considered").
FEE_WAIVER_WEIGHED = any_of(
    r"\b(?:have|has|had)\s+(?!not\b)(?:(?:also|now|carefully|fully)\s+)?(?:considered|taken\s+into\s+"
    r"(?:account|consideration)|reviewed|evaluated|weighed|examined)\s+(?:\w+\s+){0,3}?(?:justification|request"
    r"|basis|reasons?|arguments?|submission)\s+(?:for|regarding|concerning|in\s+support\s+of|of)\s+"
    r"(?:a\s+|the\s+|your\s+)?(?:fee\s+waiver|waiver\s+of\s+(?:all\s+|the\s+)?fees)\b",
)
FEE_WAIVER_PENDING = any_of(
    r"\b(?:fee\s+waiver|waiver\s+of\s+(?:all\s+|the\s+)?fees)\b(?:\s+\S+){0,10}?\s+(?:will|shall)\s+be\s+"
    r"(?:decided|determined|made|reviewed|considered|addressed)\b",
    r"\b(?:fee\s+waiver|waiver\s+of\s+(?:all\s+|the\s+)?fees)\b(?:\s+\S+){0,8}?\s+(?:is|remains)\s+(?:still\s+)?"
    r"(?:pending|under\s+review|under\s+consideration)\b",
)
DENIED = any_of(
    r"\bden(?:y|ied|ying|ial)\b", r"\bnot\s+(?:been\s+)?granted\b", r"\b(?:cannot|unable\s+to)\s+grant\b",
    r"\bdo(?:es)?\s+not\s+(?:meet|qualify|satisfy|warrant)\b",
    r"\bha(?:ve|s)\s+not\s+(?:met|demonstrated|shown|established)\b",
    r"\bdid\s+not\s+(?:meet|demonstrate|show|establish)\b", r"\bnot\s+entitled\s+to\b",
    r"\b(?:is|was|are|were)\s+(?:deficient|insufficient)\b",
)  # fmt: skip
# (the standard a request must meet "in order to be granted" grants nothing)
GRANTED = any_of(r"(?<!to\sbe\s)\bgrant(?:ed|ing)?\b", r"(?<!to\sbe\s)\bapprov(?:ed|e|ing)\b")
REASON_GIVEN = re.compile(r"\bbecause\b", re.I)


# A portal's closing notice names the outcome in the categories of the annual FOIA report:
# "Final Disposition: Full Grant", "Disposition: Partial Grant/Partial Denial", "No Records",
# "Closure reason: Records Not Reasonably Described".
DISPOSITION = re.compile(
    r"\b(?:final\s+)?(?:disposition|closure\s+reason)(?:\s*[:-]\s*|\s+(?:is|of)\s+(?:a\s+|an\s+)?(?=(?-i:[A-Z])))"
    r"(?P<d>[A-Za-z][\w /-]{2,60})",
    re.I,
)
DISPOSITIONS = (
    ("partial", r"^partial|^(?:granted|released)\s+in\s+part"),
    ("records_released", r"^full\s+grant|^(?:granted|released)\s+in\s+full"),
    ("denial", r"^full\s+denial|^denied\s+in\s+full"),
    ("no_records", r"^no\s+(?:responsive\s+)?records"),
    ("glomar", r"^(?:glomar|neither\s+confirm)"),
    ("referral", r"^(?:all\s+records\s+)?referr"),
    ("admin_closed", r"^(?:duplicate|administrative(?:ly)?\s+clos)"),
    (
        "other",
        r"^(?:(?:request\s+)?withdrawn|improper|fee[- ]related|not\s+an\s+agency\s+record"
        r"|(?:records\s+)?not\s+reasonably\s+described|other\b)",
    ),
)


def disposition(sentence: str) -> str | None:
    """The reply type a portal's "Disposition:" line names, if it names one."""
    m = DISPOSITION.search(sentence)
    if m is None:
        return None
    return next((kind for kind, words in DISPOSITIONS if re.search(words, m.group("d"), re.I)), None)


def _posted_for_the_requester(sentence: str) -> bool:
    """Records put online for this requester, now ("available in your portal account"),
    not once something else has happened."""
    online = RECORDS_ONLINE.search(sentence)
    later = NOT_YET.search(sentence[online.end() :]) if online else None
    return bool(online and FOR_THE_REQUESTER.search(sentence) and not later)


class Findings:
    """The letter's sentences and what the rules found in them, with the reasons kept."""

    def __init__(self, sentences: list[str]):
        self.sentences = sentences
        self.reasons: list[tuple[str, str]] = []
        self.extension = self.first(EXTENSION, skip=CONDITIONAL) or self.first(
            EXTENSION_AHEAD, skip=CONDITIONAL, where=lambda s: not NOT_AN_EXTENSION.search(s)
        )

    def first(self, pattern: re.Pattern, *, skip: re.Pattern | None = None, where=None) -> str | None:
        for s in self.sentences:
            if skip is not None and skip.search(s):
                continue
            if where is not None and not where(s):
                continue
            if pattern.search(s):
                return s
        return None

    def note(self, finding: str, sentence: str | None) -> None:
        if sentence:
            text = re.sub(r"\s+", " ", sentence).strip()
            self.reasons.append((finding, text if len(text) <= 240 else text[:237] + "…"))

    def _asserted(self, s: str, *, strict: bool = False) -> bool:
        """A sentence that states what the agency did, not what it might do or what you may do.
        The clause that says what an exemption protects ("the release of which could
        reasonably be expected to interfere") is the statute's condition, not the letter's."""
        if APPEAL_WORD.search(s):
            return False
        rationale = None if strict else RATIONALE.search(s)
        s = RELEASABLE_CLAUSE.sub(" ", s[: rationale.start()] if rationale else s)
        if CONDITIONAL.search(s):
            return False
        return not FUTURE.search(s) or bool(DECIDED.search(s))

    def _determination(self, has_exemptions: bool) -> tuple[str, str] | None:
        asserted = self._asserted
        # a release is judged by the whole sentence: "release of the information … could
        # reasonably be expected to interfere" releases nothing
        released = next(
            (
                s
                for s in self.sentences
                if asserted(s, strict=True)
                and not NOT_RELEASED.search(s)
                and (
                    RELEASED.search(OWN_COPY.sub(" ", s))
                    or (RECORDS_IN_ROOM.search(s) or _posted_for_the_requester(s))
                    and not ROOM_BOILERPLATE.search(s)
                    or RECORDS_ENCLOSED.search(s)
                    and not DESCRIBED.search(s)
                    and not NEGATED.search(s)
                )
            ),
            None,
        )
        withheld = self.first(
            WITHHELD, where=lambda s: asserted(s) and not NEGATED.search(s) and not FEE_WORD.search(s)
        )
        denied = self.first(
            DENIED_FULL,
            where=lambda s: asserted(s) and not FEE_WORD.search(s) and not CLARIFY_SCOPE.search(s),
        )
        denied = denied or self.first(
            SEVEN_A_WORDS,
            where=lambda s: REQUESTED_RECORDS.search(s) and not (IF_WORD.search(s) or LAW_SPEAKS.search(s)),
        )
        partial = (
            self.first(
                PARTIAL,
                where=lambda s: (
                    asserted(s)
                    and not FEE_WORD.search(s)
                    # "those portions" of records withheld whole, under another exemption too, or
                    # the name the appeal paragraph gives the action ("These actions constitute a
                    # partial denial") when all that was asked for is withheld and nothing released
                    and not (denied and not released and (THOSE_PORTIONS.search(s) or ACTION_NAMED.search(s)))
                ),
            )
            or self.first(
                PARTIAL_STRONG,
                where=lambda s: not (IF_WORD.search(s) or APPEAL_WORD.search(s) or FEE_WORD.search(s)),
            )
            or (
                None  # items kept back from records withheld in full are part of the denial
                if denied
                else self.first(
                    PARTIAL_ITEMS,
                    where=lambda s: asserted(s) and not NEGATED.search(s) and not FEE_WORD.search(s),
                )
            )
            or self.first(
                PARTIAL_ENCLOSED,
                where=lambda s: (
                    asserted(s)
                    and not NEGATED.search(s)
                    and not FEE_WORD.search(s)
                    and not DESCRIBED.search(s)
                ),
            )
        )
        if released and not (partial or withheld or denied or has_exemptions):
            # the key to the exemptions marked on the pages comes with them only when some were
            # applied: "Enclosed for your information is a copy of the Explanation of Exemptions"
            partial = self.first(EXEMPTIONS_EXPLAINED, skip=CONDITIONAL)
        if partial or (released and (withheld or denied or has_exemptions)):
            return "partial", partial or withheld or denied or ""
        if released:
            return "records_released", released
        # No records for one part and the rest withheld (in full, or "exempt from disclosure"
        # under a cited exemption): the denial is what to appeal.
        # A no-records letter's general word on what the law protects ("records about third
        # parties are exempt") is not this: the withholding must be of the records asked for.
        none_found = self.first(
            NO_RECORDS,
            where=lambda s: (
                not CONDITIONAL.search(_described(s))
                and not ASKED_FOR_CONTENT.search(s)
                and not CLARIFY_SCOPE.search(s)
            ),
        ) or self.first(NOT_CUSTODIAN, skip=CONDITIONAL)
        # "denied" with no exemption behind it, when the records were not found or no longer
        # exist, is how some offices word a no-records answer (it carries appeal rights)
        if denied and not (none_found and not has_exemptions):
            return "denial", denied
        if withheld and has_exemptions and (none_found is None or REQUESTED_RECORDS.search(withheld)):
            return "denial", withheld
        if none_found:
            return "no_records", none_found
        fully = self.first(FULLY_SATISFIED, where=lambda s: asserted(s, strict=True))
        if fully:
            return "records_released", fully
        return None

    def referral(self) -> tuple[str, bool] | None:
        """Where the letter says the request (True) or some records (False) were sent."""
        for s in self.sentences:
            if CONDITIONAL.search(s) or REQUESTER_SAYS.search(s) or EARLIER.search(s) or NARRATIVE.search(s):
                continue
            if TO_THE_ADDRESSEE.search(s):
                self.note("referred_to", s)
                return ADDRESSEE, False
            named_first = referral_relative(s)
            if named_first:
                self.note("referred_to", s)
                return named_first, True
            for pattern in (REFERRAL, REFERRAL_PASSIVE):
                for m in pattern.finditer(s):
                    what = m.group("what")
                    if not REFERRED_WHAT.search(what):
                        continue
                    to = re.sub(r"(?:\s+(?:of|and|for|on|the|&))+$", "", m.group("to")).rstrip(".,")
                    after = s[m.start("to") + len(to) :]
                    before = s[max(0, m.start("to") - 12) : m.start("to")]
                    ours = OUR.search(before) and OUR_OWN_OFFICE.search(to)
                    # records sent for consultation stay with this office ("to the Navy FOIA
                    # office for their consultation"): the other office does not answer you
                    if (
                        len(to) < 3
                        or ours
                        or PROCESSING_STAGE.match(to)
                        or FOR_CONSULTATION.match(after)
                        or FROM_ELSEWHERE.match(after)
                        or EARLIER_AFTER.match(after)
                    ):
                        continue
                    self.note("referred_to", s)
                    whole = bool(WHOLE_REQUEST.search(what))
                    return to, whole
        return None

    def classify(
        self,
        referral: tuple[str, bool] | None,
        fee: Decimal | None,
        has_exemptions: bool,
        appeal_subject: bool = False,
    ) -> str:
        """The one reply type that best describes the letter; the order settles letters that
        do several things (an acknowledgment that also invokes an extension is an "ack")."""
        not_if = CONDITIONAL

        def current(s: str) -> bool:
            return not NARRATIVE.search(s) and not APPEAL_RIGHTS.search(s)

        def asked(s: str) -> bool:  # a clarification asked of the requester, not one already given
            return not OWN_PERFECTING.search(s) and not CLARIFICATION_GIVEN.search(s)

        checks: list[tuple[str, str | None]] = [
            (
                "appeal_decision",
                self.first(APPEAL_DECIDED, skip=not_if, where=lambda s: APPEAL_WORD.search(s) and current(s)),
            ),
            ("appeal_decision", self.first(REMANDING, skip=not_if, where=current)),
            ("appeal_ack", self.first(APPEAL_ACKED, skip=not_if, where=current)),
            # "Re: FOIA Appeal" above a letter that does not acknowledge it: the decision,
            # even when the deciding sentence is worded in no way the rules know.
            *self._appeal_response(appeal_subject),
            ("appeal_ack", self.first(APPEAL_RECEIVED, skip=not_if, where=current)),
        ]
        for kind, sentence in checks:
            if sentence:
                self.note("reply_type", sentence)
                return kind
        for s in self.sentences:
            disposed = disposition(s)
            if disposed:
                self.note("reply_type", s)
                return disposed
        if referral and referral[0] == ADDRESSEE:  # what it encloses goes to the addressee
            self.note("reply_type", self.reason_for("referred_to"))
            return "referral"
        decided = self._determination(has_exemptions)
        not_held_here = decided and decided[0] == "no_records" and NOT_HELD_HERE.search(decided[1])
        if not_held_here and referral and referral[1]:
            # an office that says the records are not its own and sends the request on to the one
            # holding them refers it ("does not maintain …; we have referred your request to …")
            decided = None
        # Records released beat a Glomar answer about other records ("we can neither confirm
        # nor deny" the rest); a Glomar answer beats a bare denial: it is the more exact one.
        glomar = self.first(GLOMAR, skip=GLOMAR_UNLESS)
        if glomar and not (decided and decided[0] in ("partial", "records_released")):
            self.note("reply_type", glomar)
            return "glomar"
        if decided:
            self.note("reply_type", decided[1])
            return decided[0]
        if referral:
            self.note("reply_type", self.reason_for("referred_to"))
            return "referral"
        no_more = self.first(NO_MORE_RECORDS, skip=not_if)
        if no_more:  # nothing released, withheld or referred by this letter: no records here
            self.note("reply_type", no_more)
            return "no_records"
        will_close = self.first(WILL_CLOSE) is not None
        closed = self.first(CLOSED, skip=not_if)
        answers_status = self.first(STATUS_ANSWER) is not None
        in_order: list[tuple[str, str | None]] = [
            ("fee", self.first(FEE_ESTIMATE if fee else FEE_STRONG, skip=not_if)),
            # records held until the fee is paid: the letter asks for the fee
            ("fee", self.first(PAY_FIRST)),
            # closed by the agency without a decision (not at the requester's own wish)
            ("admin_closed", closed if closed and not WITHDRAWN.search(closed) else None),
            ("other", closed),
            (
                "still_interested",
                self.first(STILL_INTERESTED) or (self.first(WISH_TO_CONTINUE) if will_close else None),
            ),
            ("clarification", self.first(CLARIFY_SCOPE, skip=not_if, where=asked)),
            (
                "clarification",
                self.first(
                    IMPROPER_REQUEST,
                    skip=not_if,
                    where=lambda s: asked(s) and not FEE_WORD.search(s) and not PROCESSED_ANYWAY.search(s),
                ),
            ),
            ("clarification", self.first(PROVIDE_TO_PROCEED, where=lambda s: not FEE_WORD.search(s))),
            (
                "clarification",
                self.first(REQUESTER_DECIDES, skip=not_if, where=lambda s: not FEE_WORD.search(s)),
            ),
            ("fee", self.first(CLARIFY, skip=not_if, where=lambda s: FEE_WORD.search(s) and asked(s))),
            ("clarification", self.first(CLARIFY, skip=not_if, where=asked)),
            ("clarification", self.first(CLARIFICATION_UNANSWERED) if will_close else None),
            ("ack", None if answers_status else self.first(ACK_STRONG)),
            ("clarification", self.first(CLARIFY_IDENTITY, skip=not_if)),
            ("expedite_decision", self._decision_sentence("expedite") or self._expedite_weighed()),
            # a fee waiver denied is a decision to appeal, even in a letter that also logs the request
            ("fee_waiver_decision", self._decision_sentence("fee_waiver", denied_only=True)),
            ("fee_waiver_decision", self._fee_waiver_weighed()),
            ("extension", self.extension),
            ("ack", None if answers_status else self.first(ACK_WEAK)),
            ("fee_waiver_decision", self._decision_sentence("fee_waiver")),
            ("fee", self.first(FEE_CLARIFY, skip=not_if)),
            # a letter that names a fee to pay and decides nothing else is a fee letter
            ("fee", self.first(FEE_WORD) if fee else None),
        ]
        for kind, sentence in in_order:
            if sentence:
                self.note("reply_type", sentence)
                return kind
        return "other"

    def closure_reason(self) -> str | None:
        """Why the agency closed the request (``events.CLOSURE_REASONS``), where the letter
        says: first in the sentence that closes it, then in the rest of the letter; a reason
        no rule knows is "another reason", and none at all is None."""
        closing = self.reason_for("reply_type") or ""
        for text in (closing, *self.sentences):
            reason = next((name for name, pattern in CLOSED_FOR if pattern.search(text)), None)
            if reason is not None:
                self.note("closure_reason", text)
                return reason
        return "closure_other" if BECAUSE.search(closing) else None

    def _appeal_response(self, appeal_subject: bool) -> list[tuple[str, str | None]]:
        """A letter that answers an appeal (its opening says so, or "Re: FOIA Appeal" heads
        it): an acknowledgment if it only says the appeal is received or waits its turn,
        else the decision, even when the deciding sentence is worded in no way the rules know."""
        opening = next(
            (s for s in self.opening() if APPEAL_RESPONSE.search(s) and not APPEAL_HOW.search(s)), None
        ) or (self.first(APPEAL_WORD) if appeal_subject else None)
        if opening is None:
            return []
        if self.first(APPEAL_PENDING, skip=CONDITIONAL):
            return [("appeal_ack", self.first(APPEAL_PENDING, skip=CONDITIONAL))]
        return [("appeal_decision", opening)]

    def opening(self) -> list[str]:
        """The first sentences after the salutation (or of the text, when it has none)."""
        start = next((i + 1 for i, s in enumerate(self.sentences[:40]) if SALUTATION.search(s)), 0)
        if start and len(self.sentences[start - 1]) > 60:  # "Dear Ms. X: This responds to ..."
            start -= 1
        return self.sentences[start : start + OPENING_SENTENCES]

    def reason_for(self, finding: str) -> str | None:
        return next((text for name, text in self.reasons if name == finding), None)

    def _decision_sentence(self, topic: str, denied_only: bool = False) -> str | None:
        """The sentence that decides the topic; what it gives as the reason ("because you did not
        explain how the records would contribute …") is no condition on the decision."""
        about = DECISION_TOPICS[topic]
        return self.first(
            DENIED if denied_only else any_of(DENIED.pattern, GRANTED.pattern),
            where=lambda s: bool(about.search(s)) and not CONDITIONAL.search(REASON_GIVEN.split(s, 1)[0]),
        )

    def _expedite_weighed(self) -> str | None:
        """A letter that opens on the request for expedited processing and weighs it against
        the standard (the regulation's categories, or the requester's ground said back) is the
        expedite decision, even when the deciding sentence is cut off; not while it says that
        decision is still to come."""
        asked = next((s for s in self.opening() if EXPEDITE_ASKED.search(s)), None)
        if asked is None or self.first(EXPEDITE_PENDING) or not self.first(EXPEDITE_WEIGHED):
            return None
        return asked

    def _fee_waiver_weighed(self) -> str | None:
        """A letter that says it has weighed the case for a fee waiver decides it, even when the
        deciding sentence is cut off; not while it says that decision is still to come."""
        if self.first(FEE_WAIVER_PENDING):
            return None
        return self.first(FEE_WAIVER_WEIGHED, skip=CONDITIONAL)

    def decision(self, topic: str) -> str | None:
        """granted / denied for an expedite or fee-waiver request the letter decides."""
        sentence = self._decision_sentence(topic)
        if sentence is None:
            return None
        self.note(topic, sentence)
        return "denied" if DENIED.search(sentence) else "granted"

    def appeal_outcome(self) -> str | None:
        """The decision, read from every sentence that decides something: a remand anywhere
        makes it "remanded", a grant or affirmance "in part" makes it "partly_granted"."""
        decided = [s for s in self.sentences if APPEAL_DECIDED.search(s) and not CONDITIONAL.search(s)]
        if not decided:
            return None
        for outcome, pattern in (
            ("remanded", r"\bremand"),
            ("partly_granted", r"\bin\s+part\b|\bpartial"),
            ("granted", r"\brevers|\bgrant"),
            ("denied", r"."),
        ):
            sentence = next((s for s in decided if re.search(pattern, s, re.I)), None)
            if sentence:
                self.note("appeal_outcome", sentence)
                return outcome
        return None

    def dates(self, letter: date | None) -> dict[str, date]:
        """The dates the letter names for the request, each from the first sentence that names it."""
        found: dict[str, date] = {}

        def take(name: str, sentence: str, m: re.Match | None) -> None:
            day = to_date(m.group("d")) if m else None
            if day is not None and name not in found:
                found[name] = day
                self.note(name, sentence)

        for s in self.sentences:
            for pattern in RECEIVED:
                if not APPEAL_WORD.search(s) or APPEAL_ACKED.search(s):
                    take("received", s, pattern.search(s))
            estimate = ESTIMATE_WHAT.search(s) if ESTIMATE_TOPIC.search(s) else None
            take("estimated_completion", s, estimate)
            extended = EXTENDED_WHAT.search(s) if EXTENSION.search(s) or NEW_DATE.search(s) else None
            take("extended_due", s, extended)
            if REPLY_ACTION.search(s) and not APPEAL_WORD.search(s) and not estimate and not extended:
                take("reply_by", s, REPLY_BY.search(s))
                within = WITHIN_DAYS.search(s)
                if within and letter is not None and "reply_by" not in found:
                    n = within.group("n").lower()
                    count = NUMBER_WORDS.get(n) or int(n)
                    day = days_after(letter, count, (within.group("unit") or "").lower())
                    if day is not None:
                        found["reply_by"] = day
                        self.note("reply_by", s)
        return found
