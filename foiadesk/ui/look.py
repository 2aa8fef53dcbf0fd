"""How dates, amounts and urgency look, shared by every table.

Colours come from the system palette, so light and dark themes both work: an overdue or
due-soon row gets the window's base colour tinted a little towards red or amber, enough
to find it at a glance without shouting. The words ("3 days overdue") say the same thing
for anyone who cannot see the tint.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

OVERDUE = QColor(214, 48, 49)
SOON = QColor(230, 160, 20)


def urgency(due: date | None, today: date, soon_days: int) -> str:
    """'overdue', 'soon' or '' for an open deadline."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    return "soon" if (due - today).days <= soon_days else ""


def tint(palette: QPalette, kind: str) -> QColor | None:
    """The row background for an urgency, blended into the palette's base colour."""
    if not kind:
        return None
    base = palette.color(QPalette.ColorRole.Base)
    accent = OVERDUE if kind == "overdue" else SOON
    share = 0.28 if base.lightness() < 128 else 0.16  # dark themes need a little more
    return QColor(
        round(base.red() + (accent.red() - base.red()) * share),
        round(base.green() + (accent.green() - base.green()) * share),
        round(base.blue() + (accent.blue() - base.blue()) * share),
    )


def when(due: date | None, today: date) -> str:
    """'3 days overdue', 'due today', 'tomorrow', 'in 5 days': the core's words, so the
    window and the list export say the same."""
    from foiadesk.core.tracking.listing import when_text

    return when_text(due, today)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def counted(n: int, noun: str) -> str:
    """'1 request', '2 requests', '1,200 requests'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def dollars(cents: int | None) -> str:
    return "" if not cents else f"${cents / 100:,.2f}"


OWED_WORDS = {"agency": "agency", "requester": "you", "milestone": "—"}


def yours() -> QFont:
    """The font for a deadline the requester owes: the one kind the user must act on."""
    font = QFont(QGuiApplication.font())
    font.setBold(True)
    return font


# What the confidence tags in a trace mean, in the Cases view's words.
TAGS = {"[V]": "V verified in a source that was read", "[P]": "P partly confirmed", "[U]": "U unconfirmed"}


def tag_legend(text: str) -> str:
    """A line saying what the tags ``text`` carries mean, or "" when it carries none."""
    used = [words for tag, words in TAGS.items() if tag in text]
    if not used:
        return ""
    doubtful = " (check it before relying on it)" if "[P]" in text or "[U]" in text else ""
    return f"Tags: {', '.join(used)}{doubtful}."
