"""The working-day calendar against OPM's published holidays and the closure list."""

import csv
from datetime import date, timedelta
from pathlib import Path

from foiadesk.core.deadlines.calendar import calendar

FIXTURES = Path(__file__).parent / "fixtures"


def opm_rows():
    with open(FIXTURES / "opm-holidays-2024-2027.csv", encoding="utf-8") as fh:
        return {date.fromisoformat(row["date"]): row["name"] for row in csv.DictReader(fh)}


def opm_dates():
    return set(opm_rows())


def test_holidays_carry_opm_statutory_names(cal):
    for day, name in opm_rows().items():
        shown = cal.day_off(day).name
        assert shown.split(" (")[0] == name.split(";")[0].split(" (")[0], day


def test_weekday_days_off_2024_2027_are_exactly_opm_holidays(cal):
    opm = opm_dates()
    day, off = date(2024, 1, 1), set()
    while day <= date(2027, 12, 31):
        if day.weekday() < 5 and not cal.is_working_day(day):
            off.add(day)
        day += timedelta(days=1)
    assert off == opm
    assert cal.day_off(date(2027, 12, 31)).reason == "holiday"  # New Year 2028 observed


def test_executive_order_closures_are_disputed_and_counted_by_default(cal):
    for day in (date(2024, 12, 24), date(2025, 1, 9), date(2025, 12, 24), date(2025, 12, 26)):
        assert cal.is_working_day(day)
        assert not calendar(skip_closures=True).is_working_day(day)
    found = cal.closures_between(date(2025, 12, 22), date(2026, 1, 22))
    assert [(o.day, o.disputed) for o in found] == [
        (date(2025, 12, 24), True),
        (date(2025, 12, 26), True),
    ]
    assert all(o.source.startswith("https://") and o.tag == "V" for o in found)


def test_shutdown_days_are_disputed_closures(cal):
    days = cal.closures_between(date(2025, 9, 30), date(2025, 11, 12))
    assert days[0].day == date(2025, 10, 1) and days[-1].day == date(2025, 11, 12)
    assert all("appropriations" in o.name for o in days)
    # Columbus Day and Veterans Day stay legal holidays inside the lapse.
    assert date(2025, 10, 13) not in {o.day for o in days}


def test_package_closure_without_our_source_is_marked_partly_verified(cal):
    off = calendar(skip_closures=True).day_off(date(2018, 12, 5))
    assert off.reason == "closure" and off.tag == "P" and "python-holidays" in off.source


def test_counting_primitives(cal):
    # Friday 2026-11-20: the next working day is Monday the 23rd.
    assert cal.add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)
    assert cal.on_or_next_working_day(date(2026, 11, 21)) == date(2026, 11, 23)
    assert cal.working_days_between(date(2026, 11, 24), date(2026, 12, 23)) == 20


def test_the_shipped_holidays_are_what_python_holidays_gives():
    """The calendar reads resources/holidays.json (scripts/build_holidays.py writes it), so a
    start need not import the library; it must say what the library says."""
    from foiadesk.core.deadlines.calendar import HOLIDAYS_FILE, _holiday_table, holiday_table

    rewrite = f"run scripts/build_holidays.py to rewrite {HOLIDAYS_FILE.name}"
    assert _holiday_table() == holiday_table(), rewrite
