"""Where FoiaDesk finds its shipped data and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
TEMPLATES = ROOT / "templates"

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
