"""A letter's text made alike however it was laid out, before any rule reads it.

The same letter reaches the reader re-flowed by a mail client, run together by a PDF
extractor, wrapped at another width, with a fax machine's header across each page, with
doubled spaces or spaces lost by OCR. The rules are written against the wording; this
module takes out what only the layout changed:

* a fax header line ("03/14/2013 10:22 FAX 202 555 0147 … 002/005") is dropped: its date
  and time are the machine's, not the letter's;
* runs of spaces inside a line are one space (a leading indent is kept: it is layout);
* a space lost after a comma, or after a sentence's full stop before a capital, is put back;
* a short word OCR ran into the next one ("ofthe", "forthis", "ofInformation") is two words;
* in the letterhead, a subject line ("Re:", "Subject:") and the salutation ("Dear Ms. Roe:")
  that a re-flow ran into the line before start their own lines again, so the rules that
  read the letterhead by its lines still find them.

Every pattern is linear: no nested repetition, each a single pass.
"""

from __future__ import annotations

import re

# A fax machine's header: the word FAX (or "From:" … "To:") with a clock time on the same line.
FAX_HEADER = re.compile(
    r"^[^\n]{0,80}?\b\d{1,2}:\d{2}(?::\d{2})?\b[^\n]{0,40}?\b(?:FAX|Fax|fax)\b[^\n]{0,120}$\n?"
    r"|^[^\n]{0,40}?\b(?:FAX|Fax|fax)\b[^\n]{0,40}?\b\d{1,2}:\d{2}\b[^\n]{0,120}$\n?",
    re.M,
)
# A fax machine's header is one short line of its own; a line that says something ("We received
# your request by fax on March 2 at 10:15 … Questions: (202) 555-0147") is the letter's.
FAX_HEADER_WIDTH = 100
SENTENCE_WORDS = re.compile(
    r"\b(?:request|received|assigned|number|records?|letter|appeal|please|call|contact|your|we|you)\b", re.I
)
# A telephone number, which a fax header line also carries; a letterhead's "Fax: (202) 555-0147"
# has no clock time and stays.
PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b")
INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
LOST_SPACE = re.compile(r"(?<=[a-z]{2}),(?=[A-Za-z]{2})|(?<=[a-z]{2})\.(?=[A-Z][a-z])")
# Short words OCR joins to the next: "ofthe", "tothis", "foryour" (none of them is a word).
JOINED_SMALL = re.compile(
    r"\b(of|to|in|for|and|on|by|at|is|be|from|with)(the|this|that|these|those|your|our)\b"
    r"|\b(?-i:(of|to|is|from|with)(an?))\b",  # "isa copy", "ofan" (not "bean", "fora", a name "Isa")
    re.I,
)
# A lower-case short word run into a capitalised one: "ofInformation", "theDepartment".
JOINED_CAPITAL = re.compile(r"\b(of|the|and|for|to|in|on|by|at|from|with|under)(?=[A-Z][a-z])")
# A subject line or salutation a re-flow ran into the line before it ("… 2000 Barbara Schwarz
# Re: FOIA Appeal … Dear Ms. Schwarz: On October 15 …").
# A text extraction may lose even the space, running the label into a ZIP code or a number
# ("D.C. 20005Re: DHS/OSIPRIV 11-0423Dear Ms. Weismann:"): after a digit or a lower-case letter a
# capitalised "Re:" or "Dear Ms." starts its line too (not after a capital: "FIRE:", "IDEAR"); a
# re-wrap may have broken the salutation itself ("Dear Ms.\nWeismann:").
RUN_IN_HEAD = re.compile(
    r"(?:(?<=\S)[ \t]+|(?<=[0-9a-z]))(?=(?:Re|RE|Subject|SUBJECT)[ \t]*:[ \t]*\S"
    r"|Dear[ \t]+(?:(?:Mr|Ms|Mrs|Dr|Miss|Mx|Sir|Madam|Requester|FOIA)\b|[A-Z][a-z])"
    r"(?:[^\n:,]|\n(?![ \t]*\n)){0,60}[:,])"
)
HEAD_CHARS = 3000  # where the letterhead and salutation are looked for


def tidy(text: str) -> str:
    """The text with its layout's accidents taken out (see the module's docstring)."""
    text = FAX_HEADER.sub(_fax_dropped, text)
    text = INNER_SPACES.sub(" ", text)
    text = LOST_SPACE.sub(lambda m: m.group(0) + " ", text)
    text = JOINED_SMALL.sub(lambda m: " ".join(g for g in m.groups() if g), text)
    text = JOINED_CAPITAL.sub(r"\1 ", text)
    head = RUN_IN_HEAD.sub("\n", text[:HEAD_CHARS])
    return head + text[HEAD_CHARS:]


def _fax_dropped(m: re.Match) -> str:
    line = m.group(0)
    header = len(line.strip()) <= FAX_HEADER_WIDTH and not SENTENCE_WORDS.search(line)
    return "" if header and PHONE.search(line) else line
