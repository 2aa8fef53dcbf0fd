"""Wording the rules of several concepts share sits here, below them all, so that no two of the
reader's modules import each other: how a rule's patterns are joined, and the words that make a
sentence a condition rather than a statement."""

from __future__ import annotations

import re


def any_of(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


CONDITIONAL = any_of(r"^(?:if|should|unless|in the event|once|when|whether|to the extent)\b", r"\bif\b",
                      r"\bunless\b", r"\bin the event\b", r"\bto the extent\b", r"\bwould\b")  # fmt: skip
IF_WORD = any_of(r"\bif\b", r"\bunless\b", r"\bshould\s+you\b", r"\bin\s+the\s+event\b")
