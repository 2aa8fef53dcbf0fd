"""How a request's title is shown beside its own office and case: one rule, for the list,
the agenda and the request's header alike; and how a title FoiaDesk wrote with a directory
key is shown wherever a title is read (list, detail, exports, letters)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1024)
def office_name(component: str) -> str:
    """The office a log's component (a directory key) stands for, as the public knows it:
    "DHS-PRIV" → "DHS Privacy Office", "ICE" → "ICE"; a component the directory does not
    know is named as the log names it."""
    from foiadesk.core.reference.directory import load_directory

    comp = load_directory().component(component) if component else None
    return comp.public_name if comp is not None else component


@lru_cache(maxsize=1024)
def list_office(component: str) -> str:
    """The office in a list's narrow column, as the user knows it: "ICE", "DHS Privacy"
    for DHS-PRIV, "Treasury" for TREAS-DO (the full name goes in the tooltip); a component
    the directory does not know is named as the log names it."""
    from foiadesk.core.reference.directory import load_directory

    comp = load_directory().component(component) if component else None
    return comp.list_name if comp is not None else component


def shown_title(title: str, component: str) -> str:
    """A title as the user and their exports read it. Drafts logged by earlier versions
    ended their titles in the directory's key (": DHS-PRIV"), which no agency uses: that
    ending is shown as the office's public name. The stored text is left as it is, and
    nothing else of the user's own wording is changed."""
    name = office_name(component)
    key = f": {component}"
    if name != component and title.endswith(key):
        return f"{title[: -len(key)]}: {name}"
    return title


@lru_cache(maxsize=8192)  # asked for every visible row at each repaint
def short_title(title: str, case: str, component: str) -> str:
    """The part of a title that tells a request from its neighbours: without the case's
    name in front and the office after it, which are shown on their own
    ("IRS-ICE taxpayer address sharing (April 2025 MOU): ICE" → the case's name alone;
    "…: DHS Privacy Office" or, as older drafts wrote it, "…: DHS-PRIV" → the same;
    "Audit logs (ICE, #12)", as older demo logs wrote it → "Audit logs")."""
    short = title
    if component:
        names = "|".join(re.escape(n) for n in dict.fromkeys((component, office_name(component))))
        pattern = rf"(\s*[:—–-]\s*(?:{names})|\s*\((?:{names})(, #\d+)?\))$"
        short = re.sub(pattern, "", short)
    if case and short.startswith(case) and short[len(case) :].strip(" :—–-"):
        short = short[len(case) :].lstrip(" :—–-")
    return short or title
