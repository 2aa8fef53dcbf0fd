"""Where FoiaDesk finds its shipped data and keeps the user's data.

The shipped data lives in the checkout's top-level ``resources/`` and ``templates/``
folders; a built wheel carries them as the packages ``foiadesk.resources`` and
``foiadesk.templates`` (see setup.py), read through importlib.resources.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

# The folder that holds the ``foiadesk`` package (a checkout, or site-packages).
PACKAGE_PARENT = Path(__file__).resolve().parents[2]


def _shipped(name: str) -> Path:
    try:
        found = Path(str(resources.files(f"foiadesk.{name}")))
    except ModuleNotFoundError:  # running from a checkout that was never installed
        found = PACKAGE_PARENT / name
    return found if found.is_dir() else PACKAGE_PARENT / name


RESOURCES = _shipped("resources")
TEMPLATES = _shipped("templates")

DB_ENV = "FOIADESK_DB"
DATA_ENV = "FOIADESK_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder (platformdirs), or $FOIADESK_DATA_DIR when set."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("FoiaDesk", appauthor=False))


def default_db_path() -> Path:
    """$FOIADESK_DB if set, else foiadesk.sqlite3 in the data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "foiadesk.sqlite3"
