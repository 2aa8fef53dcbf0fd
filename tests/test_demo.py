"""The demo generator writes histories the log itself would accept."""

import random
from datetime import date

from foiadesk.core.demo import synthetic_history, write_demo
from foiadesk.core.store.db import connect
from foiadesk.core.store.log import NewEvent, check_event
from foiadesk.core.tracking.tracker import view_request

TODAY = date(2026, 11, 25)


def test_every_synthetic_history_passes_the_log_checks():
    rng = random.Random(5)
    for _ in range(500):
        history = []
        for ev in sorted(synthetic_history(rng, TODAY), key=lambda e: e.occurred_on):
            check_event(
                NewEvent(
                    ev.type,
                    ev.occurred_on,
                    channel=ev.channel,
                    agency_received_on=ev.agency_received_on,
                    named_date=ev.named_date,
                    outcome=ev.outcome,
                    amount_cents=ev.amount_cents,
                ),
                history,
                today=TODAY,
            )
            history.append(ev)


def test_demo_database_has_varied_statuses_over_years(tmp_path):
    path = tmp_path / "demo.sqlite3"
    write_demo(path, requests=300, today=TODAY)
    db = connect(path)
    statuses = {view_request(db, i).status for i in range(1, 301)}
    assert {"Processing", "Partly granted", "Denied", "Appeal pending", "Withdrawn"} <= statuses
    years = {r[0] for r in db.execute("SELECT DISTINCT substr(occurred_on, 1, 4) FROM events")}
    assert {"2022", "2023", "2024", "2025", "2026"} <= years
