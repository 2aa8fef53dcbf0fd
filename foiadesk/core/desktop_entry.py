"""Putting FoiaDesk in the desktop's application menu (freedesktop.org desktop entry).

``foiadesk install-desktop-entry`` writes ``foiadesk.desktop`` to the user's applications
folder and the icon to the user's icon theme; nothing outside the user's data folders is
touched, and running it again replaces the same two files.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from foiadesk.core.errors import UserError
from foiadesk.core.paths import RESOURCES

ICON_NAME = "foiadesk"


@dataclass(frozen=True)
class Installed:
    entry: Path
    icon: Path


def xdg_data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> list[str]:
    """How the menu starts FoiaDesk: the installed ``foiadesk`` script beside this Python,
    else this Python with ``-m foiadesk``; absolute, so the menu works from any folder."""
    script = Path(sys.executable).with_name("foiadesk")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(Path(sys.executable).resolve()), "-m", "foiadesk"]


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_exec_quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=FoiaDesk\n"
        "GenericName=FOIA request tracker\n"
        "Comment=Draft, file and track US federal FOIA requests and their deadlines\n"
        f"Exec={exec_line}\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "Categories=Office;\n"
        "Keywords=FOIA;records;request;deadline;appeal;\n"
        "StartupWMClass=FoiaDesk\n"
    )


def install_desktop_entry(data_home: Path | None = None) -> Installed:
    """Write the desktop entry and the icon; returns where they went."""
    home = data_home or xdg_data_home()
    entry = home / "applications" / "foiadesk.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    try:
        for path in (entry, icon):
            path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RESOURCES / "icons" / f"{ICON_NAME}.svg", icon)
        part = entry.with_name(entry.name + ".part")
        part.write_text(desktop_entry(launch_command()), encoding="utf-8")
        os.replace(part, entry)
    except OSError as exc:
        raise UserError(f"Cannot write the menu entry in {home} ({exc.strerror}).") from None
    return Installed(entry, icon)


def _exec_quote(arg: str) -> str:
    """Quote one argument of an Exec key as the desktop entry specification asks."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return arg
    escaped = arg.replace("\\", "\\\\\\\\").replace('"', '\\\\"').replace("`", "\\\\`").replace("$", "\\\\$")
    return '"' + escaped.replace("%", "%%") + '"'
