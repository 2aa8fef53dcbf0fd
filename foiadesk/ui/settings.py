"""Typed settings: one table of keys, each with its default, its type and what it accepts.

Window state is stored with QSettings as an INI file in FoiaDesk's data folder (next to
the database and the error log), so one folder holds everything and tests isolate it by
pointing $FOIADESK_DATA_DIR elsewhere. The keys that change results (CORE_KEYS) live in the
core's settings file instead, which the command line reads too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from foiadesk.core import settings as core_settings
from foiadesk.core.paths import data_dir

VIEWS = ("agenda", "requests", "cases", "compose", "settings")
CORE_KEYS = ("skip_closures", "templates_folder")  # shared with the command line


@dataclass(frozen=True)
class Key:
    default: Any
    kind: type
    accepts: Callable[[Any], bool] = lambda value: True
    help: str = ""


KEYS: dict[str, Key] = {
    "database": Key("", str, help="the log opened last (empty: the default file)"),
    "due_soon_days": Key(5, int, lambda v: 0 <= v <= 90, "days ahead that count as due soon"),
    "skip_closures": Key(False, bool, help=core_settings.HELP["skip_closures"]),
    "start_view": Key("agenda", str, lambda v: v in VIEWS, "the view shown at start"),
    "templates_folder": Key("", str, help=core_settings.HELP["templates_folder"]),
    "window/geometry": Key(QByteArray(), QByteArray),
    "window/splitter": Key(QByteArray(), QByteArray, help="the list beside the request"),
    "requests/sort": Key("due", str),
    "requests/descending": Key(False, bool),
    "requests/filter": Key("", str, help="the last filter of the list, as JSON"),
    # Column widths, order and hidden columns of each table (QHeaderView.saveState);
    # the "/2" changes whenever a table's columns do, so an old layout is not forced on it.
    "requests/header/4": Key(QByteArray(), QByteArray),
    "agenda/header/2": Key(QByteArray(), QByteArray),
    "agenda/overdue_days": Key(
        30, int, lambda v: v in (0, 30, 90, 365), "how far back the agenda's overdue goes"
    ),
    "detail/splitter": Key(QByteArray(), QByteArray, help="deadlines above the timeline"),
    "detail/clocks_header/2": Key(QByteArray(), QByteArray),
    "detail/events_header/2": Key(QByteArray(), QByteArray),
    "compose/splitter": Key(QByteArray(), QByteArray, help="choices beside the review"),
}


class Settings(QObject):
    """Read and write the keys above; ``changed(key)`` tells views to update."""

    changed = Signal(str)

    def __init__(self, path=None, parent: QObject | None = None):
        super().__init__(parent)
        path = path or data_dir() / "settings.ini"
        self._store = QSettings(str(path), QSettings.Format.IniFormat)
        self._core_path = core_settings.settings_path()  # where the command line reads it

    def get(self, key: str) -> Any:
        """The stored value cast to its type, or the default if missing or unusable."""
        spec = KEYS[key]
        if key in CORE_KEYS:
            return getattr(core_settings.load_settings(self._core_path), key)
        raw = self._store.value(key, spec.default)
        try:
            value = _cast(raw, spec.kind)
        except (TypeError, ValueError):
            return spec.default
        return value if spec.accepts(value) else spec.default

    def set(self, key: str, value: Any) -> None:
        spec = KEYS[key]
        value = _cast(value, spec.kind)
        if not spec.accepts(value):
            raise ValueError(f"{key}: {value!r} is not allowed")
        if key in CORE_KEYS:
            if self.get(key) != value:
                core_settings.change_setting(key, value, self._core_path)
                self.changed.emit(key)
            return
        if self.get(key) == value and self._store.contains(key):
            return
        self._store.setValue(key, value)
        self.changed.emit(key)

    def problem(self) -> str | None:
        """What is wrong with a settings file, in words, or None."""
        if self._store.status() == QSettings.Status.FormatError:
            return (
                f"The window's settings file {self._store.fileName()} is damaged: the window "
                "starts from its default layout and choices, and writes the file anew."
            )
        return core_settings.settings_problem(self._core_path)

    def sync(self) -> None:
        self._store.sync()


def _cast(raw: Any, kind: type) -> Any:
    if kind is bool and isinstance(raw, str):  # INI files store booleans as text
        if raw.lower() in ("true", "1", "yes"):
            return True
        if raw.lower() in ("false", "0", "no", ""):
            return False
        raise ValueError(raw)
    if isinstance(raw, kind):
        return raw
    return kind(raw)
