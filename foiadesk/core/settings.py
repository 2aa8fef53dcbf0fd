"""Settings that change results, shared by the command line and the window.

A small JSON file, ``settings.json`` in the data folder: whether disputed closure days are
skipped, and the folder of the user's own letter templates. Every command and every view
reads it, so they print the same dates and letters. Window-only state (size, splitters,
the last filter) stays in the window's own settings.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.paths import TEMPLATES, data_dir

HELP = {
    "skip_closures": "treat disputed executive-order closures and shutdown days as days off",
    "templates_folder": "a folder of your own letter templates that override the shipped ones",
}

NAMES = {"skip_closures": "choice about closure days", "templates_folder": "templates folder"}


@dataclass(frozen=True)
class UserSettings:
    skip_closures: bool = False
    templates_folder: str = ""  # empty: the templates folder in the data folder

    def templates_dir(self) -> Path | None:
        return Path(self.templates_folder).expanduser() if self.templates_folder else None


def templates_in(folder: Path) -> str:
    """What a folder of the user's own templates changes, in words: the shipped letters
    it has its own copy of (named as they are), or that it changes none, so a folder
    chosen by mistake is not taken for one in use."""
    if not folder.is_dir():
        return f"{folder} is not a folder FoiaDesk can read: every letter uses the shipped templates."
    shipped = sorted(p.name for p in TEMPLATES.glob("*.docx"))
    own = [name for name in shipped if (folder / name).is_file()]
    if not own:
        return (
            f"{folder} has no file named as a shipped template (request.docx, appeal.docx…): "
            "every letter uses the shipped templates."
        )
    return f"{folder}: your own {', '.join(own)}; the shipped templates for the rest."


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings(path: Path | None = None) -> UserSettings:
    """The saved settings; defaults for a missing file, and for any value that is unusable
    (a hand-edited file never stops FoiaDesk from starting)."""
    path = path or settings_path()
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserSettings()
    if not isinstance(saved, dict):
        return UserSettings()
    values = {}
    for f in fields(UserSettings):
        value = saved.get(f.name)
        if isinstance(value, type(getattr(UserSettings(), f.name))):
            values[f.name] = value
    return UserSettings(**values)


def settings_problem(path: Path | None = None) -> str | None:
    """Why a settings file that exists is not used as written (load_settings then falls back
    to defaults without a word), or None: the user is told once, since skipping closures
    changes every deadline and a templates folder changes every letter."""
    path = path or settings_path()
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as exc:
        why = f"it cannot be read: {exc.strerror}"
    except ValueError:
        why = "it is damaged"
    else:
        if not isinstance(saved, dict):
            why = "it is damaged"
        else:
            unusable = [
                name
                for name in HELP
                if name in saved and not isinstance(saved[name], type(getattr(UserSettings(), name)))
            ]
            if not unusable:
                return None
            why = f"its {' and '.join(NAMES[n] for n in unusable)} cannot be used"
    return (
        f"The settings file {path} is not used as written ({why}): deadlines count disputed "
        "closure days as working days and letters use the shipped templates. Choose them again "
        "in Settings (Ctrl+5) to write the file anew."
    )


def change_setting(key: str, value: object, path: Path | None = None) -> UserSettings:
    """Set one setting (checked) and save the file atomically; returns the new settings."""
    path = path or settings_path()
    current = load_settings(path)
    if key not in HELP:
        raise UserError(f"'{key}' is not a setting; the settings are: {', '.join(HELP)}.")
    if key == "skip_closures":
        value = _yes_no(value)
    elif not isinstance(value, str):
        raise UserError(f"{key} takes a folder.")
    elif value and not Path(value).expanduser().is_dir():
        raise UserError(f"{value} is not a folder.")
    new = (
        replace(current, skip_closures=value)
        if isinstance(value, bool)
        else replace(current, templates_folder=value)
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        part.write_text(json.dumps(asdict(new), indent=2) + "\n", encoding="utf-8")
        os.replace(part, path)
    except OSError as exc:
        raise UserError(f"Cannot save the settings in {path.parent} ({exc.strerror}).") from None
    return new


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "on", "1"):
        return True
    if text in ("no", "false", "off", "0"):
        return False
    raise UserError(f"'{value}' is not yes or no.")


def user_calendar():
    """The calendar every command and view uses: the shared one, with closures skipped or
    not as the user chose."""
    from foiadesk.core.deadlines.calendar import calendar

    return calendar(skip_closures=load_settings().skip_closures)
