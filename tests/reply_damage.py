"""Realistic, label-preserving damage to a letter's text, for the reader's stability test.

Each transformation takes the text, a seeded ``random.Random`` and the spans that hold the
letter's key values (dates, tracking numbers, amounts, exemption citations), and returns the
text as another scanner, mail client or OCR engine could have given it. Key values are left as
printed, so whatever the reader got right before it must still get right after.
"""

from __future__ import annotations

import random
import re
import textwrap
import zlib
from collections.abc import Callable

from foiadesk.core.replies.dates import DATE_RE
from foiadesk.core.replies.fees import MONEY
from foiadesk.core.replies.text import SALUTATION

Spans = list[tuple[int, int]]
EXEMPTION_LIKE = re.compile(r"\(\s*b\s*\)(?:\s*\(\s*\w\s*\)){1,2}|\bb\d\(?[A-F]?\)?|\bExemptions?\s+\d", re.I)


def key_spans(text: str, numbers: frozenset[str]) -> Spans:
    """Where the key values are: damage is kept out of them."""
    spans = [m.span() for pattern in (DATE_RE, MONEY, EXEMPTION_LIKE) for m in pattern.finditer(text)]
    for number in numbers:
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(number), text))
    return sorted(spans)


def _outside(spans: Spans, start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


def _substitute(text: str, pattern: re.Pattern, spans: Spans, rng: random.Random, rate: float, repl) -> str:
    """``pattern``'s matches outside the key values replaced at ``rate``."""

    def one(m: re.Match) -> str:
        if _outside(spans, m.start() - 1, m.end() + 1) and rng.random() < rate:
            return repl(m) if callable(repl) else m.expand(repl)
        return m.group(0)

    return pattern.sub(one, text)


def _paragraphs(text: str) -> list[str]:
    return re.split(r"\n[ \t]*\n", text)


# -- re-flow -----------------------------------------------------------------------------------


QUOTED = re.compile(r"^[ \t]*>[ \t]?", re.M)


def _reflowed(text: str, flow: Callable[[str], str]) -> str:
    """``flow`` applied to the text; a quoted ("> ") text is re-flowed the way a mail client
    does it, its marks taken off first and put on each new line after."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    quoted = lines and all(QUOTED.match(ln) for ln in lines)
    if not quoted:
        return flow(text)
    return "\n".join("> " + ln for ln in flow(QUOTED.sub("", text)).split("\n"))


def one_paragraph(text: str, rng: random.Random, spans: Spans) -> str:
    return _reflowed(text, lambda t: re.sub(r"[ \t]*\n\s*", " ", t))


def _rewrap(width: int) -> Callable[[str, random.Random, Spans], str]:
    def rewrap(text: str, rng: random.Random, spans: Spans) -> str:
        return _reflowed(
            text,
            lambda t: "\n\n".join(
                textwrap.fill(p.strip(), width, break_long_words=False, break_on_hyphens=False)
                for p in _paragraphs(t)
            ),
        )

    return rewrap


def unwrapped_lines(text: str, rng: random.Random, spans: Spans) -> str:
    return _reflowed(
        text, lambda t: "\n\n".join(re.sub(r"[ \t]*\n[ \t]*", " ", p.strip()) for p in _paragraphs(t))
    )


def crlf(text: str, rng: random.Random, spans: Spans) -> str:
    return text.replace("\n", "\r\n")


# -- OCR noise outside the key values ----------------------------------------------------------


def doubled_spaces(text: str, rng: random.Random, spans: Spans) -> str:
    return _substitute(text, re.compile(r"(?<=\S) (?=\S)"), spans, rng, 0.3, "  ")


def space_dropped(text: str, rng: random.Random, spans: Spans) -> str:
    return _substitute(text, re.compile(r"(?<=[a-z])([,.]) (?=[A-Za-z])"), spans, rng, 0.5, r"\1")


QUOTES = {"'": "\u2019", '"': "\u201d", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}


def quotes_swapped(text: str, rng: random.Random, spans: Spans) -> str:
    return _substitute(
        text, re.compile("['\"\u2018\u2019\u201c\u201d]"), spans, rng, 0.8, lambda m: QUOTES[m[0]]
    )


LOSABLE = re.compile(
    r"\b(of|the|to|in|for|and|on|by|at|is|be)[ ](?=(?:the|this|that|your|our|a|an|[A-Z][a-z]+)\b)"
)


def lost_spaces(text: str, rng: random.Random, spans: Spans) -> str:
    return _substitute(text, LOSABLE, spans, rng, 0.4, r"\1")


# -- OCR damage inside the key values the reader mends (their labels are the mended values) -----

WORDED_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2},?[ \t]+"
    r"((?:19|20)\d\d)\b"
)


def _year_damaged(year: str, rng: random.Random) -> str:
    """A year as OCR gives it: a zero read O, a one read l, or a space inside."""
    zeros = [i for i, c in enumerate(year) if c == "0"]
    ones = [i for i, c in enumerate(year) if c == "1"]
    kind = rng.choice(["space", "letter"])
    if kind == "letter" and (zeros or ones):
        i = rng.choice(zeros + ones)
        return year[:i] + ("O" if year[i] == "0" else "l") + year[i + 1 :]
    i = rng.randint(1, 3)
    return year[:i] + " " + year[i:]


def date_digits(text: str, rng: random.Random, spans: Spans) -> str:
    """The years of dates written with the month's name OCR'd ("June 22, 2O16", "June 22, 201 6")."""
    return WORDED_DATE.sub(
        lambda m: m.group(0)[: m.start(1) - m.start()] + _year_damaged(m.group(1), rng), text
    )


CITE = re.compile(r"\(b\)\((\d)\)(?:\(([A-F])\))?(?=[\s,.;])")


def _cite_damaged(m: re.Match, rng: random.Random) -> str:
    number, sub = m.group(1), m.group(2)
    tail = f"({sub})" if sub else ""
    kind = rng.choice(
        ["brace", "bracket", "open end", "one"] if number == "1" else ["brace", "bracket", "open end"]
    )
    if kind == "one":
        return f"(b)(l){tail}"
    if kind == "brace":
        return f"(b}}({number}){tail}"
    if kind == "bracket":
        return f"(b)[{number}]{tail}"
    return f"(b)({number}){tail}"[:-1]  # the closing parenthesis lost


def cite_brackets(text: str, rng: random.Random, spans: Spans) -> str:
    """Exemption citations with OCR's braces, brackets, a lost closing parenthesis, l for 1."""
    return CITE.sub(lambda m: _cite_damaged(m, rng), text)


def subject_run_in(text: str, rng: random.Random, spans: Spans) -> str:
    """The letterhead's subject line run into the line before it with no space, as a text
    extraction gives it ("D.C. 20005Re: …")."""
    end = _head_end(text)
    head = re.sub(r"(?<=[0-9a-z])[ \t]*\n[ \t]*(?=(?:Re|RE)[ \t]*:)", "", text[:end])
    return head + text[end:]


def number_broken(text: str, rng: random.Random, spans: Spans, numbers: frozenset[str] = frozenset()) -> str:
    """Each tracking number broken at its last hyphen before three digits, as a line end breaks it."""
    for number in sorted(numbers):
        at = max(number.rfind("-"), 0)
        if at == 0 or not re.match(r"-\d{3}", number[at:]) or not number[at - 1].isalnum():
            continue
        broken = number[:at] + rng.choice(["-\n\n", " -\n", "\n-", "-\n"]) + number[at + 1 :]
        printed = re.search(rf"(?<![A-Za-z0-9]){re.escape(number)}(?![A-Za-z0-9])", text)
        if printed:
            text = text[: printed.start()] + broken + text[printed.end() :]
    return text


# -- page furniture ----------------------------------------------------------------------------


def _at_a_break(text: str, rng: random.Random, line: str) -> str:
    """``line`` put between two paragraphs after the first, as a new page's header would be."""
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)][1:]
    if not breaks:
        return text
    at = rng.choice(breaks)
    return text[:at] + line + "\n\n" + text[at:]


def page_number(text: str, rng: random.Random, spans: Spans) -> str:
    return _at_a_break(text, rng, f"Page {rng.randint(2, 3)} of {rng.randint(3, 6)}")


def bates_stamp(text: str, rng: random.Random, spans: Spans) -> str:
    return _at_a_break(text, rng, f"{rng.choice(['DHS', 'ICE', 'FBI'])}-{rng.randint(1, 9999):06d}")


def _fax_line(rng: random.Random) -> str:
    return (
        f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.choice(['2009', '2013', '2019'])} "
        f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d} FAX 202 {rng.randint(200, 999)} "
        f"{rng.randint(1000, 9999)}   FOIA OFFICE   {rng.randint(2, 4):03d}/{rng.randint(5, 9):03d}"
    )


def fax_header(text: str, rng: random.Random, spans: Spans) -> str:
    return _at_a_break(text, rng, _fax_line(rng))


def fax_header_on_top(text: str, rng: random.Random, spans: Spans) -> str:
    """The fax machine's line across the top of the first page, above the letterhead."""
    return _fax_line(rng) + "\n" + text


# -- letterhead --------------------------------------------------------------------------------


def _head_end(text: str) -> int:
    """Where the letterhead ends: at the salutation, else after the short lines that open it."""
    salute = SALUTATION.search(text, 0, 3000)
    if salute:
        return salute.start()
    long_line = re.search(r"^[^\n]{60,}$", text, re.M)
    return long_line.start() if long_line else 0


def letterhead_capitals(text: str, rng: random.Random, spans: Spans) -> str:
    """The letterhead above the salutation in capitals, its key values as printed."""
    end = _head_end(text)
    out, pos = [], 0
    for a, b in [s for s in spans if s[0] < end] + [(end, end)]:
        if a >= pos:
            out.append(text[pos:a].upper())
            pos = a
        out.append(text[pos:b])
        pos = max(pos, b)
    return "".join(out) + text[pos:]


def date_indented(text: str, rng: random.Random, spans: Spans) -> str:
    """Lines of the letterhead that hold a date moved right with spaces or tabs."""
    indent = rng.choice([" " * 40, "\t\t\t\t", "\t \t" * 3, " " * 28])
    end = _head_end(text)
    return re.sub(r"^(?=[^\n]*?" + DATE_RE.pattern + ")", indent, text[:end], flags=re.M | re.I) + text[end:]


# -- truncation --------------------------------------------------------------------------------


def cut_after(text: str, sentence: str) -> str | None:
    """The text up to the end of the paragraph that holds ``sentence`` (the reader's decision),
    or None when the sentence cannot be found as printed."""
    words = sentence.split()[:8]
    if len(words) < 3:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if not m:
        return None
    end = re.search(r"\n[ \t]*\n", text[m.end() :])
    return text[: m.end() + end.start()] if end else None


TRANSFORMS: dict[str, Callable[[str, random.Random, Spans], str]] = {
    "one paragraph": one_paragraph,
    "wrap 60": _rewrap(60),
    "wrap 100": _rewrap(100),
    "lines unwrapped": unwrapped_lines,
    "CRLF": crlf,
    "doubled spaces": doubled_spaces,
    "space dropped": space_dropped,
    "quotes swapped": quotes_swapped,
    "lost spaces": lost_spaces,
    "page number": page_number,
    "Bates stamp": bates_stamp,
    "fax header": fax_header,
    "fax header on top": fax_header_on_top,
    "letterhead capitals": letterhead_capitals,
    "date indented": date_indented,
    "subject run in": subject_run_in,
}
# OCR's damage inside the key values the reader mends: a date's digits, an exemption cite's marks
# (their labels are the values read, not the text printed).
MENDED_TRANSFORMS = {"date digits OCR'd": date_digits, "cite brackets OCR'd": cite_brackets}
# Damage that needs the letter's tracking numbers (they are labelled as printed, so the reader must
# join what a line end broke back into the printed number).
NUMBER_TRANSFORMS = {"number broken at a line end": number_broken}
ALL_TRANSFORMS = (*TRANSFORMS, *MENDED_TRANSFORMS, *NUMBER_TRANSFORMS)


def damaged(name: str, transform: str, text: str, numbers: frozenset[str]) -> str:
    """``text`` with one transformation, seeded by the letter and the transformation."""
    rng = random.Random(zlib.crc32(f"{name}/{transform}".encode()))
    if transform in NUMBER_TRANSFORMS:
        return NUMBER_TRANSFORMS[transform](text, rng, key_spans(text, numbers), numbers)
    return {**TRANSFORMS, **MENDED_TRANSFORMS}[transform](text, rng, key_spans(text, numbers))


# -- the measure -------------------------------------------------------------------------------

TRUNCATED = "cut after the decision"
CHECKED = ("reply_type", "letter_date", "tracking_numbers", "exemptions", "fee_amount")
FOUND_ALONE = ("reply_type", "exemptions", "fee_amount")
# Sets collected blind and not yet measured: the reader must not see them before their one measure.
BLIND_SPLITS: frozenset[str] = frozenset()


def letters(folder) -> list[tuple[str, str, object, dict]]:
    """Every labelled letter: (set/file, its text, its ReplyFile, the expected fields)."""
    import csv
    from pathlib import Path

    from foiadesk.core.replies.accuracy import _expected
    from foiadesk.core.replies.files import read_reply

    folder = Path(folder)
    out = []
    with open(folder / "expected.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["split"] in BLIND_SPLITS:
                continue
            reply = read_reply(folder / row["split"] / row["file"])
            skipped = {s.strip() for s in (row.get("undeterminable") or "").split(";")}
            want = {name: _expected(row, name) for name in CHECKED if name not in skipped}
            out.append((f"{row['split']}/{row['file']}", reply.text, reply, want))
    return out


def flips(folder) -> dict[tuple[str, str], list[str]]:
    """For each transformation and field, the letters read right as they are and wrong after it.
    The letters are shared out among processes, one per core: this is most of the suite's time."""
    import os
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    out: dict[tuple[str, str], list[str]] = {
        (t, f): [] for t in (*ALL_TRANSFORMS, TRUNCATED) for f in CHECKED
    }
    count = len(letters(folder))
    workers = max(1, min(os.cpu_count() or 1, 8))
    shares = [range(i, count, workers) for i in range(workers)]
    # spawned, not forked: the test process may hold Qt's threads, which a fork would copy mid-work
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        for found in pool.map(_flips_of, [str(folder)] * workers, shares):
            for key, names in found:
                out[key].append(names)
    for names in out.values():
        names.sort()
    return out


def _flips_of(folder: str, share: range) -> list[tuple[tuple[str, str], str]]:
    """(transformation, field) and letter name of each flip among the letters numbered ``share``."""
    from foiadesk.core.replies.accuracy import _found
    from foiadesk.core.replies.parse import parse_text

    found = []
    every = letters(folder)
    for name, text, reply, want in (every[i] for i in share):

        def read(t: str, reply=reply):
            return parse_text(t, sent_on=reply.sent_on, no_text=reply.no_text)

        before = read(text)
        right = [f for f in want if _found(before, f) == want[f]]
        numbers = want.get("tracking_numbers") or frozenset()
        for transform in ALL_TRANSFORMS:
            after = read(damaged(name, transform, text, numbers))
            found += [((transform, f), name) for f in right if _found(after, f) != want[f]]
        # cut after the paragraph that decided the type; a field is still decidable when the
        # text cut away says nothing of it when read on its own (no type, exemption or fee), and
        # for numbers and the date, when their values stay in the text
        cut = cut_after(text, before.reason("reply_type") or "")
        if cut is None:
            continue
        after, rest = read(cut), read(text[len(cut) :])
        for f in right:
            if f == "tracking_numbers" and not all(n in cut for n in numbers):
                continue
            if f == "letter_date" and before.letter_date and not DATE_RE.search(cut):
                continue
            if f in FOUND_ALONE and _found(rest, f) not in (None, frozenset(), "other"):
                continue
            if _found(after, f) != want[f]:
                found.append(((TRUNCATED, f), name))
    return found


def flip_table(found: dict[tuple[str, str], list[str]]) -> str:
    """Flips per transformation and field, as a Markdown table."""
    lines = ["| transformation | " + " | ".join(f.replace("_", " ") for f in CHECKED) + " |"]
    lines.append("|---" * (len(CHECKED) + 1) + "|")
    for transform in dict.fromkeys(t for t, _ in found):
        cells = [str(len(found[transform, f])) for f in CHECKED]
        lines.append(f"| {transform} | " + " | ".join(cells) + " |")
    totals = [str(sum(len(v) for (t, f), v in found.items() if f == field)) for field in CHECKED]
    lines.append("| **all** | " + " | ".join(totals) + " |")
    return "\n".join(lines)
