"""Requester profiles from TOML files, for the ``draft`` command.

A profile says who signs: name, email, mailing address and fee category, which every
letter needs (agencies answer by mail and e-mail, and the IRS and Treasury rules ask for a
name and address); and, when the requester has them, an organization, a title, a phone
number and how they publish (dissemination, used in fee-waiver arguments). An individual
requester leaves those out. A missing or malformed field is reported together with every
other one, so a user fixes the file in one pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.letters.content import DraftingError, Requester

REQUIRED = ("name", "email", "address", "fee_category")
OPTIONAL = (
    "organization",
    "title",
    "phone",
    "dissemination",
    "fee_category_basis",
    "signature_name",
    "primary_activity",
)
FEE_CATEGORY_NAMES = {
    "media": "news_media",
    "news_media": "news_media",
    "educational": "educational",
    "scientific": "scientific",
    "commercial": "commercial",
    "other": "other",
}


class ProfileError(UserError):
    """The profile file cannot be used; the message lists what to fix."""


def load_profile(path: Path) -> Requester:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read the profile {path}: {exc.strerror}") from None
    except UnicodeDecodeError:  # Notepad's "ANSI", say: a name with an accent stops it
        raise ProfileError(
            f"{path.name} is not saved as UTF-8 text, as a profile must be: open it in a text "
            "editor and save it again with the encoding UTF-8."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name}: not valid TOML ({exc})") from None
    return profile_from_dict(data, path.name)


def profile_from_dict(data: dict, where: str = "profile") -> Requester:
    problems = [
        f"'{key}' is missing"
        for key in REQUIRED
        if not isinstance(data.get(key), str) or not data[key].strip()
    ]
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    problems += [f"'{key}' is not a profile field" for key in unknown]
    category = str(data.get("fee_category", "")).strip().lower()
    if category and category not in FEE_CATEGORY_NAMES:
        problems.append(
            f"fee_category '{category}' is not one of: media, educational, scientific, commercial, other"
        )
    if problems:
        raise ProfileError(f"{where}: " + "; ".join(problems))
    fields = {key: data[key].strip() for key in REQUIRED + OPTIONAL if isinstance(data.get(key), str)}
    fields["fee_category"] = FEE_CATEGORY_NAMES[category]
    # Whether the requester is "primarily engaged in disseminating information": only then
    # may a letter certify urgency to inform (5 U.S.C. 552(a)(6)(E)(v)(II)).
    fields["disseminator_basis"] = fields.pop("primary_activity", "")
    fields["address"] = data["address"].strip()
    try:
        return Requester(**fields)
    except DraftingError as exc:
        raise ProfileError(f"{where}: {exc}") from None
