"""Federal working days for FOIA counting, with the reason behind every day off.

FOIA's clocks count days "excepting Saturdays, Sundays, and legal public holidays"
(5 U.S.C. 552(a)(6)(A)(i)). Legal public holidays are the observed dates of
5 U.S.C. 6103 as python-holidays gives them. Executive-order closures, lapses in
appropriations and Inauguration Day (a holiday only in the D.C. area, 6103(c)) are *not*
legal public holidays everywhere; they are kept apart as "disputed"
days, skipped only when the user asks, and every deadline whose window holds one
can show the date that skipping it would give.

The calendar is precomputed once as two tables over a fixed span of years, so that
"the Nth working day after D" and "working days between A and B" are two list
look-ups, in plain Python for one request and in numpy for a hundred thousand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.paths import RESOURCES

FIRST_YEAR = 1995
LAST_YEAR = 2050
HOLIDAY_CITE = "5 U.S.C. 6103(a); Saturday → Friday (6103(b)), Sunday → Monday (E.O. 11582)"
HOLIDAYS_SOURCE = "python-holidays 0.108, holidays.US() observed dates"


class CalendarError(UserError):
    """A date outside the span the calendar covers, or bad closure data."""


@dataclass(frozen=True)
class Closure:
    """A span of days offices were closed that is not a legal public holiday."""

    start: date
    end: date
    name: str
    kind: str  # "executive_order" | "lapse_in_appropriations" | "dc_area_holiday"
    source: str
    tag: str
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class DayOff:
    """One day a clock did not count, and why."""

    day: date
    reason: str  # "weekend" | "holiday" | "closure"
    name: str
    disputed: bool = False
    source: str = ""
    tag: str = ""

    def describe(self) -> str:
        label = {"weekend": self.day.strftime("%A"), "holiday": self.name}.get(
            self.reason, f"{self.name} (disputed closure, {self.tag}; {self.source})"
        )
        return f"{self.day.isoformat()} {label}"


def _parse_day(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise CalendarError(f"{where}: {text!r} is not a date (YYYY-MM-DD)") from None


@lru_cache(maxsize=4)
def load_closures(path: Path = RESOURCES / "closures.json") -> tuple[Closure, ...]:
    """Closures from our sourced list, plus any executive-order closure that
    python-holidays knows and the list does not (marked partly verified)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CalendarError(f"{path.name}: cannot read closures ({exc})") from None
    closures = []
    for i, item in enumerate(raw.get("closures", [])):
        where = f"{path.name}: closures[{i}]"
        start = _parse_day(item.get("from"), f"{where}.from")
        end = _parse_day(item.get("to"), f"{where}.to")
        if end < start or item.get("tag") not in ("V", "P", "U"):
            raise CalendarError(f"{where}: 'to' before 'from', or tag not V/P/U")
        closures.append(
            Closure(
                start,
                end,
                item["name"],
                item["kind"],
                item["source"],
                item["tag"],
                item.get("note", ""),
            )
        )
    for day, name in _holiday_table()["government_only"].items():
        if not any(c.covers(day) for c in closures):
            closures.append(Closure(day, day, name, "executive_order", HOLIDAYS_SOURCE, "P"))
    closures.extend(inauguration_days())
    return tuple(sorted(closures, key=lambda c: c.start))


INAUGURATION_NAME = "Inauguration Day, a holiday only for federal employees in the D.C. area"
INAUGURATION_NOTE = (
    "A legal public holiday only in the District of Columbia, Montgomery and Prince George's "
    "Counties (MD), Arlington and Fairfax Counties, Alexandria and Falls Church (VA), and only "
    "for pay and leave; whether FOIA's count skips it, even at an office there, is unsettled."
)


def inauguration_days() -> list[Closure]:
    """Inauguration Day under 5 U.S.C. 6103(c): January 20 of every fourth year after 1965,
    the next day when that is a Sunday, and no day at all when it is a Saturday (2029). It
    is a holiday only in the D.C. area, so it is disputed like a closure, never a day off
    everywhere."""
    out = []
    for year in range(1969, LAST_YEAR + 1, 4):
        day = date(year, 1, 20)
        if day.weekday() == 5:
            continue
        if day.weekday() == 6:
            day += timedelta(days=1)
        out.append(
            Closure(
                day, day, INAUGURATION_NAME, "dc_area_holiday", "5 U.S.C. 6103(c)", "V", INAUGURATION_NOTE
            )
        )
    return out


class Calendar:
    """Working days from FIRST_YEAR to LAST_YEAR.

    ``skip_closures`` decides whether disputed closure days count as days off.
    Dates are counted with the day of receipt as day 0: the Nth working day
    *after* a date is its due date.
    """

    def __init__(self, *, skip_closures: bool = False):
        self.skip_closures = skip_closures
        self.first = date(FIRST_YEAR, 1, 1)
        self.last = date(LAST_YEAR, 12, 31)
        self.holidays = dict(_holiday_table()["legal"])
        self.closures = load_closures()
        base = self.first.toordinal()
        span = self.last.toordinal() - base + 1
        off = [False] * span
        for i in range(span):
            if (base + i) % 7 in (6, 0):  # date.toordinal() % 7: 0 = Sunday, 6 = Saturday
                off[i] = True
        for day in self.holidays:
            if self.first <= day <= self.last:
                off[day.toordinal() - base] = True
        self._closure_days: dict[date, Closure] = {}
        for closure in self.closures:
            day = closure.start
            while day <= closure.end:
                if day.weekday() < 5 and day not in self.holidays:
                    self._closure_days[day] = closure
                    if skip_closures and self.first <= day <= self.last:
                        off[day.toordinal() - base] = True
                day += timedelta(days=1)
        self._base = base
        self._off = off
        # cum[i]: working days in [first, first + i]; working[k]: offset of the k-th one.
        cum, working, count = [0] * span, [], 0
        for i, is_off in enumerate(off):
            if not is_off:
                count += 1
                working.append(i)
            cum[i] = count
        self._cum = cum
        self._working = working

    # -- look-ups ----------------------------------------------------------------

    def _index(self, day: date) -> int:
        i = day.toordinal() - self._base
        if not 0 <= i < len(self._off):
            raise CalendarError(f"{day.isoformat()} is outside the calendar ({FIRST_YEAR}–{LAST_YEAR})")
        return i

    def _day(self, index: int) -> date:
        return date.fromordinal(self._base + index)

    def is_working_day(self, day: date) -> bool:
        return not self._off[self._index(day)]

    def add_working_days(self, day: date, n: int) -> date:
        """The nth working day after ``day`` (``day`` itself is day 0)."""
        if n <= 0:
            return day
        k = self._cum[self._index(day)] + n - 1
        if k >= len(self._working):
            raise CalendarError(f"{n} working days after {day} is past {LAST_YEAR}")
        return self._day(self._working[k])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        return self._cum[self._index(end)] - self._cum[self._index(start)]

    def on_or_next_working_day(self, day: date) -> date:
        """``day`` if it is a working day, else the next one (deemed receipt)."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def days_off_between(self, start: date, end: date) -> list[DayOff]:
        """Every day in (start, end] that was not counted, with its reason."""
        out = []
        for i in range(self._index(start) + 1, self._index(end) + 1):
            if self._off[i]:
                out.append(self.day_off(self._day(i)))
        return out

    def day_off(self, day: date) -> DayOff:
        if day.weekday() >= 5:
            return DayOff(day, "weekend", day.strftime("%A"))
        if day in self.holidays:
            return DayOff(day, "holiday", self.holidays[day], source=HOLIDAY_CITE, tag="V")
        closure = self._closure_days[day]
        return DayOff(day, "closure", closure.name, True, closure.source, closure.tag)

    def closures_between(self, start: date, end: date) -> list[DayOff]:
        """Disputed closure days in (start, end] on which offices would otherwise work."""
        return [self.day_off(day) for day in sorted(self._closure_days) if start < day <= end]

    @cached_property
    def alternative(self) -> Calendar:
        """The same calendar with the opposite policy on disputed closures."""
        return calendar(skip_closures=not self.skip_closures)

    # -- vectorised tables for batch work ---------------------------------------------

    @cached_property
    def arrays(self):
        """(base ordinal, cum, working) as numpy arrays, for computing many clocks at once."""
        import numpy as np

        return (
            self._base,
            np.asarray(self._cum, dtype=np.int32),
            np.asarray(self._working, dtype=np.int32),
        )


HOLIDAYS_FILE = RESOURCES / "holidays.json"


def holiday_table() -> dict[str, dict[date, str]]:
    """The legal public holidays python-holidays gives (observed dates, named as 5 U.S.C.
    6103 and OPM name them), and the days its "government" category adds (executive-order
    closures). ``scripts/build_holidays.py`` writes them to HOLIDAYS_FILE, which is what the
    calendar reads: importing the library and building them costs a third of a second at
    every start. A test checks the file against the library."""
    import holidays

    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)  # Dec 31 can observe next New Year
    statutory = holidays.US(years=years, categories=("government",))
    legal = {d: statutory.get(d, n) for d, n in holidays.US(years=years).items()}
    extra = {d: n for d, n in statutory.items() if d not in legal and FIRST_YEAR <= d.year <= LAST_YEAR}
    return {"legal": dict(sorted(legal.items())), "government_only": dict(sorted(extra.items()))}


@lru_cache(maxsize=1)
def _holiday_table() -> dict[str, dict[date, str]]:
    try:
        raw = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
        parts = ("legal", "government_only")
        return {part: {date.fromisoformat(d): n for d, n in raw[part].items()} for part in parts}
    except (OSError, ValueError, KeyError) as exc:
        raise CalendarError(f"{HOLIDAYS_FILE.name}: cannot read the holidays ({exc})") from None


def calendar(*, skip_closures: bool = False) -> Calendar:
    """The shared calendar (built once per process; about a tenth of a second)."""
    return _shared(bool(skip_closures))  # calendar() and calendar(skip_closures=False): one


@lru_cache(maxsize=2)
def _shared(skip_closures: bool) -> Calendar:
    return Calendar(skip_closures=skip_closures)
