"""The rule paragraphs and cases letters may cite (resources/authorities.json), each tagged
V, P or U. A letter prints only V authority unless the user includes the others knowingly,
so an unverified pinpoint never reaches an agency by default."""

from __future__ import annotations

import json
from functools import lru_cache

from foiadesk.core.paths import RESOURCES

FILE = RESOURCES / "authorities.json"


@lru_cache(maxsize=1)
def authorities() -> dict:
    return json.loads(FILE.read_text(encoding="utf-8"))


def rule_family(abbr: str, parent: str) -> str:
    """Whose FOIA rules a component follows: the IRS has its own; other Treasury
    components (TIGTA, Departmental Offices) follow Treasury's."""
    if (abbr or "").upper() == "IRS":
        return "IRS"
    return parent or ""


def rule(family: str, key: str, *, unverified_ok: bool = False) -> str:
    """A rule cite when its tag allows printing it, else ''."""
    entry = authorities()["rules"].get(family, {}).get(key)
    if not entry or (entry["tag"] != "V" and not unverified_ok):
        return ""
    return entry["cite"]


FROM_RECEIPT = "10 calendar days from receipt"
FROM_REQUEST_DATE = "10 days from the date of the request, at least 5 working days after receipt"


def expedite_decision_cite(family: str) -> str:
    """The agency's verified paragraph for the expedite decision, when it counts the 10
    days in one of the two ways the clocks know (``expedite_decision_floor`` says which)."""
    entry = authorities()["rules"].get(family, {}).get("expedite_decision")
    if not entry or entry["tag"] != "V" or entry.get("counts") not in (FROM_RECEIPT, FROM_REQUEST_DATE):
        return ""
    return entry["cite"]


def expedite_decision_floor(family: str) -> int:
    """0 where the agency's rule counts 10 calendar days from receipt (DOJ, DHS, Treasury);
    otherwise the working days after receipt it always leaves the agency, its 10 days being
    counted from the date of the request (the IRS: 26 CFR 601.702(c)(6)(iv))."""
    entry = authorities()["rules"].get(family, {}).get("expedite_decision")
    if not entry or entry["tag"] != "V" or entry.get("counts") != FROM_REQUEST_DATE:
        return 0
    return int(entry["floor_working_days"])


def receipt_day_one(family: str) -> str:
    """The agency's rule that counts the date of receipt as the first of its 20 workdays (Interior:
    43 CFR 2.16(a)), with its tag ("43 CFR 2.16(a) [P]"), or ''. The statute's count, the day
    after receipt as day 1, stays the deadline; the trace gives the agency's own date beside it."""
    entry = authorities()["rules"].get(family, {}).get("receipt_day_one")
    return f"{entry['cite']} [{entry['tag']}]" if entry else ""


def ground_cite(family: str, code: str, *, unverified_ok: bool = False) -> str:
    entry = authorities()["rules"].get(family, {}).get("expedite_grounds", {}).get(code)
    if not entry or (entry["tag"] != "V" and not unverified_ok):
        return ""
    return entry["cite"]


def waiver_factor_cites(family: str, *, unverified_ok: bool = False) -> list[str]:
    rules = authorities()["rules"].get(family, {})
    ok = rules.get("fee_waiver", {}).get("tag") == "V" or unverified_ok
    return list(rules.get("fee_waiver_factors", [])) if ok else []


def case(key: str, *, unverified_ok: bool = False) -> dict | None:
    entry = authorities()["cases"].get(key)
    if not entry or (entry["tag"] != "V" and not unverified_ok):
        return None
    return entry
