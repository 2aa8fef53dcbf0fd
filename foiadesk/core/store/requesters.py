"""Requester profiles saved in the log: who signs the letters. Adding one is
``log.add_requester``; this module reads them and edits one, with the same checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlite_utils import Database

from foiadesk.core.store.db import write
from foiadesk.core.store.log import EMAIL, FEE_CATEGORIES, Changes, LogError, add_requester

FIELDS = (
    "name",
    "organization",
    "title",
    "email",
    "phone",
    "address",
    "fee_category",
    "fee_category_basis",
    "signature_name",
    "dissemination",
)


@dataclass(frozen=True)
class Profile:
    """A requester profile's fields (``id`` None until it is saved)."""

    name: str
    organization: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    fee_category: str = "other"
    fee_category_basis: str = ""
    signature_name: str = ""
    dissemination: str = ""  # how the requester publishes, for fee-waiver arguments
    id: int | None = None

    def fields(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "id"}


def profiles(db: Database) -> list[Profile]:
    """Every saved profile, by name."""
    cursor = db.execute(f"SELECT id, {', '.join(FIELDS)} FROM requesters ORDER BY name COLLATE NOCASE")
    return [Profile(**dict(zip(FIELDS, row[1:], strict=True)), id=row[0]) for row in cursor.fetchall()]


def find_or_add_requester(db: Database, fields: dict) -> Changes:
    """The saved requester with this name and email, or a new one with these fields: drafting
    from a profile file stores its signer once, however often it is used."""
    name, email = fields["name"].strip(), fields.get("email", "").strip()
    row = db.execute(
        "SELECT id FROM requesters WHERE name = ? AND email = ? ORDER BY id LIMIT 1", [name, email]
    ).fetchone()
    if row:
        return Changes(new_id=row[0])
    return add_requester(db, **{k: v for k, v in fields.items() if k in FIELDS})


def save_profile(db: Database, profile: Profile) -> Changes:
    """Add the profile, or update the saved one with its id; the same checks either way."""
    if profile.id is None:
        return add_requester(db, **profile.fields())
    return update_requester(db, profile.id, **profile.fields())


def update_requester(db: Database, requester_id: int, **fields: str) -> Changes:
    """Change a saved requester's fields (only those given)."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise LogError(f"Not a requester field: {', '.join(unknown)}.")
    if "name" in fields and not fields["name"].strip():
        raise LogError("A requester needs a name.")
    email = fields.get("email", "").strip()
    if email and not EMAIL.match(email):
        raise LogError(f"'{email}' is not an email address (expected name@example.org).")
    if "fee_category" in fields and fields["fee_category"] not in FEE_CATEGORIES:
        raise LogError(f"Fee category must be one of: {', '.join(FEE_CATEGORIES)}.")
    values = {k: (v.strip() if k in ("name", "email") else v) for k, v in fields.items()}
    with write(db):
        if not db.execute("SELECT 1 FROM requesters WHERE id = ?", [requester_id]).fetchone():
            raise LogError(f"There is no requester with id {requester_id}.")
        if values:
            assignments = ", ".join(f"{k} = ?" for k in values)
            db.execute(f"UPDATE requesters SET {assignments} WHERE id = ?", [*values.values(), requester_id])
    return Changes(new_id=requester_id, lists_changed=True)
