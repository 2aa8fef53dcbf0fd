"""How a request's title is shown beside its own office and case: one rule, for the list,
the agenda and the request's header alike."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8192)  # asked for every visible row at each repaint
def short_title(title: str, case: str, component: str) -> str:
    """The part of a title that tells a request from its neighbours: without the case's
    name in front and the component after it, which are shown on their own
    ("IRS-ICE taxpayer address sharing (April 2025 MOU): ICE" → the case's name alone;
    "Audit logs (ICE, #12)", as older demo logs wrote it → "Audit logs")."""
    short = title
    if component:
        pattern = rf"(\s*[:—–-]\s*{re.escape(component)}|\s*\({re.escape(component)}(, #\d+)?\))$"
        short = re.sub(pattern, "", short)
    if case and short.startswith(case) and short[len(case) :].strip(" :—–-"):
        short = short[len(case) :].lstrip(" :—–-")
    return short or title
