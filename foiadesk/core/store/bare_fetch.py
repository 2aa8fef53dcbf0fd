"""The reference for ``foiadesk bench scale``: a bare Python process that fetches every
request row and the clock columns of every live event from a log, and nothing else.

    python foiadesk/core/store/bare_fetch.py LOG
"""

import sqlite3
import sys


def bare_fetch(path: str) -> int:
    db = sqlite3.connect(path)
    requests = db.execute("SELECT id, title, component_id, case_id FROM requests ORDER BY id").fetchall()
    events = db.execute(
        """SELECT request_id, type, occurred_on, agency_received_on, named_date, outcome, id
             FROM events WHERE voided_at IS NULL ORDER BY request_id, occurred_on, id"""
    ).fetchall()
    return len(requests) + len(events)


if __name__ == "__main__":
    bare_fetch(sys.argv[1])
