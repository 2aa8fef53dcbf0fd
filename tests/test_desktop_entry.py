"""`foiadesk install-desktop-entry` puts FoiaDesk in the desktop's menu."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess

import pytest

from foiadesk.cli import run
from foiadesk.core.desktop_entry import desktop_entry


def test_the_entry_and_icon_land_in_the_users_data_folders(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert run(["install-desktop-entry"]) == 0
    entry = tmp_path / "share" / "applications" / "foiadesk.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "foiadesk.svg"
    assert str(entry) in capsys.readouterr().out
    assert icon.read_text().startswith("<svg")
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str
    parsed.read(entry)
    fields = parsed["Desktop Entry"]
    assert (fields["Type"], fields["Name"], fields["Icon"], fields["Terminal"]) == (
        "Application",
        "FoiaDesk",
        "foiadesk",
        "false",
    )
    command = shlex.split(fields["Exec"])
    assert shutil.which(command[0]) or (len(command) == 3 and command[1:] == ["-m", "foiadesk"])
    assert run(["install-desktop-entry"]) == 0  # again: the same two files, nothing else
    assert sorted(p.name for p in (tmp_path / "share").rglob("*") if p.is_file()) == [
        "foiadesk.desktop",
        "foiadesk.svg",
    ]


def test_paths_with_spaces_and_quotes_are_quoted_as_the_specification_asks():
    text = desktop_entry(['/opt/Foia Desk/bin/python"3', "-m", "foiadesk"])
    assert 'Exec="/opt/Foia Desk/bin/python\\\\"3" -m foiadesk\n' in text


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_entry_is_valid(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert run(["install-desktop-entry"]) == 0
    done = subprocess.run(
        ["desktop-file-validate", str(tmp_path / "applications" / "foiadesk.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
