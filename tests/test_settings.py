"""The settings that change results are one file that the command line and the window share.

Worked example: a request filed through a portal on Monday 2025-12-15 (received that day,
day 0). Counting 20 working days: Dec 16–19 (4), 22, 23 (6), 24 (7), Dec 25 is Christmas,
26 (8), 29–31 (11), Jan 1 is New Year's Day, Jan 2 (12), 5–9 (17), 12–14 (20): 2026-01-14
when the executive-order closures of Dec 24 and 26 are counted as working days, and two
working days later, 2026-01-16, when they are skipped.
"""

from __future__ import annotations

import json

import pytest

from foiadesk.cli import run
from foiadesk.core.errors import UserError
from foiadesk.core.settings import change_setting, load_settings, settings_path


@pytest.fixture
def filed_log(tmp_path):
    path = str(tmp_path / "log.sqlite3")
    assert run(["add-request", "--db", path, "--title", "MOU drafts", "--component", "ICE"]) == 0
    assert run(["log", "1", "filed", "--db", path, "--on", "2025-12-15", "--channel", "portal"]) == 0
    return path


def shown_response(path, capsys) -> str:
    capsys.readouterr()
    assert run(["--db", path, "show", "1"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "Response was due" in x)
    return line.split("Response was due ")[1][:10]


def test_every_command_follows_the_closure_setting(filed_log, capsys):
    assert shown_response(filed_log, capsys) == "2026-01-14"
    assert run(["settings", "skip_closures", "yes"]) == 0
    assert json.loads(settings_path().read_text())["skip_closures"] is True
    assert shown_response(filed_log, capsys) == "2026-01-16"
    capsys.readouterr()
    assert run(["due", "--received", "2025-12-15"]) == 0
    assert capsys.readouterr().out.strip() == "2026-01-16"


def test_bad_settings_are_refused_and_change_nothing(capsys):
    assert run(["settings", "skip_closures", "perhaps"]) == 2
    assert "'perhaps' is not yes or no" in capsys.readouterr().err
    assert run(["settings", "colour", "blue"]) == 2
    assert run(["settings", "templates_folder", "/no/such/folder"]) == 2
    assert not settings_path().exists()
    with pytest.raises(UserError):
        change_setting("skip_closures", "sometimes")


def test_a_hand_damaged_file_gives_the_defaults():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"skip_closures": "yes please", "templates_folder": 7}')
    assert load_settings().skip_closures is False and load_settings().templates_folder == ""
    settings_path().write_text("not json")
    assert load_settings().skip_closures is False
