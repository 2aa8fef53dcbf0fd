"""Requester profiles saved in the log: who signs the letters. Adding one is
``log.add_requester``; this module reads them and edits one, with the same checks.

A profile is chosen by its name (Compose and Settings list them by name), so two saved
profiles never share one: saving a name already taken is refused, or replaces the saved
profile when the user says so."""

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


def profile_problem(profile: Profile) -> tuple[str, str] | None:
    """The first thing a profile lacks to sign letters, as (field, what to do), or None.
    Drafting refuses a requester without a name, an email address or a mailing address
    (``letters.content.Requester``, ``letters.compose.draft_requests``): the profile says so
    when it is made, not at the first draft."""
    if not profile.name.strip():
        return "name", "Give the name to sign with."
    email = profile.email.strip()
    if not email:
        return "email", "Give your email address: the letters ask the agency to write to you there."
    if not EMAIL.match(email):
        return "email", f"'{email}' is not an email address (name@example.org)."
    if not profile.address.strip():
        return "address", (
            "Give your mailing address: letters are signed from it, and agencies answer by mail."
        )
    return None


def profiles(db: Database) -> list[Profile]:
    """Every saved profile, by name."""
    cursor = db.execute(f"SELECT id, {', '.join(FIELDS)} FROM requesters ORDER BY name COLLATE NOCASE")
    return [Profile(**dict(zip(FIELDS, row[1:], strict=True)), id=row[0]) for row in cursor.fetchall()]


def find_or_add_requester(db: Database, fields: dict) -> Changes:
    """The saved requester with this name, or a new one with these fields: drafting from a
    profile file stores its signer once, however often it is used, and never beside a saved
    profile of the same name (the letters carry the details they were drafted with)."""
    taken = profile_named(db, fields["name"])
    if taken:
        return Changes(new_id=taken[0])
    return add_requester(db, **{k: v for k, v in fields.items() if k in FIELDS})


class ProfileNameTaken(LogError):
    """Another saved profile has this name; ``existing_id`` is its id."""

    def __init__(self, existing_id: int, name: str):
        super().__init__(
            f"A profile named “{name}” is already saved, and two profiles of one name could not "
            "be told apart in the list: choose another name."
        )
        self.existing_id = existing_id


def profile_named(db: Database, name: str, *, other_than: int | None = None) -> tuple[int, str] | None:
    """(id, name) of the saved profile with this name, ignoring case and spacing."""
    wanted = " ".join(name.split()).casefold()
    rows = db.execute("SELECT id, name FROM requesters ORDER BY id").fetchall()
    return next(
        ((i, n) for i, n in rows if i != other_than and " ".join(n.split()).casefold() == wanted), None
    )


def save_profile(db: Database, profile: Profile, *, replace: bool = False) -> Changes:
    """Add the profile, or update the saved one with its id; the same checks either way.
    A new profile with a name already saved raises ProfileNameTaken, unless ``replace``:
    then the saved one takes its details (its requests keep it as their requester)."""
    if profile.id is None:
        taken = profile_named(db, profile.name)
        if taken is None:
            return add_requester(db, **profile.fields())
        if not replace:
            raise ProfileNameTaken(*taken)
        return update_requester(db, taken[0], **profile.fields())
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
        if "name" in values and (taken := profile_named(db, values["name"], other_than=requester_id)):
            raise ProfileNameTaken(*taken)
        if values:
            assignments = ", ".join(f"{k} = ?" for k in values)
            db.execute(f"UPDATE requesters SET {assignments} WHERE id = ?", [*values.values(), requester_id])
    return Changes(new_id=requester_id, lists_changed=True)
