"""A settings file that cannot be used as written is said once when the log opens: the
shared settings.json (skipping closure days changes every deadline, so falling back to the
default without a word would change dates unseen) and the window's own settings.ini."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, why",
    [
        ('{"skip_closures": true, "templates_folder": ', "it is damaged"),
        ('{"skip_closures": "yes"}', "its choice about closure days cannot be used"),
        ("[1, 2]", "it is damaged"),
    ],
)
def test_a_damaged_settings_json_is_said_when_the_log_opens(
    open_window, demo_copy, isolated_data_dir, text, why
):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "settings.json").write_text(text)
    window = open_window(demo_copy)
    shown = window.banner.text.text()
    assert window.banner.isVisible() and window.banner.kind == "error"
    assert f"The settings file {isolated_data_dir / 'settings.json'} is not used as written ({why})" in shown
    assert "disputed closure days as working days" in shown


def test_a_damaged_window_settings_file_is_said(qtbot, tmp_path, demo_copy):
    from window_fixtures import TODAY, wait_loaded

    from foiadesk.ui.settings import Settings
    from foiadesk.ui.window import MainWindow

    ini = tmp_path / "settings.ini"
    ini.write_bytes(b"\x00\xff[General\nsoon_days=abc\n[[[\n")
    window = MainWindow(Settings(ini), demo_copy, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    assert f"The window's settings file {ini} is damaged" in window.banner.text.text()
    window.close()


def test_sound_settings_say_nothing(open_window, demo_copy, isolated_data_dir):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "settings.json").write_text('{"skip_closures": true}')
    window = open_window(demo_copy)
    assert "settings file" not in window.banner.text.text()
