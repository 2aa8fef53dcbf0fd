"""Write tests/fixtures/schemas/v<N>.sqlite3 (+ .json counts) for the current schema.

Run once per released schema version, and commit both files: the upgrade test opens
every fixture with the newest code and checks that nothing was lost.
"""

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

from foiadesk.core.demo import write_demo
from foiadesk.core.store import log
from foiadesk.core.store.db import SCHEMA_VERSION, connect

TABLES = (
    "requesters",
    "agencies",
    "components",
    "cases",
    "requests",
    "events",
    "tracking_numbers",
    "fees",
    "notes",
    "tags",
    "request_tags",
    "files",
    "attachments",
)

out = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "schemas" / f"v{SCHEMA_VERSION}.sqlite3"
if out.exists():
    sys.exit(f"{out} exists: a released schema's fixture is never rewritten")
write_demo(out, requests=60, seed=11, today=date(2026, 11, 25))
db = connect(out)
for request_id, name in ((1, "reply.pdf"), (2, "reply.eml"), (3, "reply.pdf")):
    log.record_event(
        db,
        request_id,
        log.NewEvent(
            "note",
            date(2026, 11, 20),
            summary="Agency reply on file",
            body="Scanned reply letter",
            files=(log.Attachment(name, b"%PDF-1.4 same bytes for two requests"),),
        ),
    )
if SCHEMA_VERSION >= 3:  # a referral links the request it created at another agency
    from foiadesk.core.reference.directory import load_directory

    first, on, abbr = db.execute(
        "SELECT e.request_id, e.occurred_on, c.abbr FROM events e JOIN requests r ON r.id = e.request_id "
        "JOIN components c ON c.id = r.component_id WHERE e.type = 'filed' ORDER BY e.id"
    ).fetchone()
    log.refer_request(
        db,
        first,
        on=date.fromisoformat(on),
        component=load_directory().component("TIGTA" if abbr == "ICE" else "ICE"),
        what="Records referred to another agency",
        today=date(2026, 11, 25),
    )
db.close()
conn = sqlite3.connect(out)
conn.execute("PRAGMA journal_mode=DELETE")
counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
conn.execute("VACUUM")
conn.close()
out.with_suffix(".json").write_text(
    json.dumps({"schema_version": SCHEMA_VERSION, "counts": counts}, indent=2) + "\n"
)
print(out, counts)
