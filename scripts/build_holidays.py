"""Write resources/holidays.json from python-holidays (the calendar reads the file, so a
start does not import the library). Run after upgrading python-holidays; a test checks the
committed file against the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foiadesk.core.deadlines.calendar import HOLIDAYS_FILE, HOLIDAYS_SOURCE, holiday_table  # noqa: E402


def main() -> None:
    table = holiday_table()
    data = {
        "source": HOLIDAYS_SOURCE,
        **{part: {day.isoformat(): name for day, name in days.items()} for part, days in table.items()},
    }
    HOLIDAYS_FILE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {HOLIDAYS_FILE} ({len(data['legal'])} holidays)")


if __name__ == "__main__":
    main()
