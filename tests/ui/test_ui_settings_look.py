"""Typed settings, and how urgency looks in light and dark palettes."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette

from foiadesk.ui import look
from foiadesk.ui.settings import Settings


def test_settings_are_typed_checked_and_kept(tmp_path, qapp):
    settings = Settings(tmp_path / "s.ini")
    assert settings.get("due_soon_days") == 5 and settings.get("skip_closures") is False
    changed = []
    settings.changed.connect(changed.append)
    settings.set("due_soon_days", "12")
    settings.set("skip_closures", True)
    with pytest.raises(ValueError):
        settings.set("start_view", "nowhere")
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.get("due_soon_days") == 12 and again.get("skip_closures") is True
    assert changed == ["due_soon_days", "skip_closures"]


def test_a_damaged_settings_file_falls_back_to_defaults(tmp_path, qapp):
    (tmp_path / "s.ini").write_text("[General]\ndue_soon_days=soon\nskip_closures=perhaps\nstart_view=moon\n")
    settings = Settings(tmp_path / "s.ini")
    assert (settings.get("due_soon_days"), settings.get("skip_closures"), settings.get("start_view")) == (
        5,
        False,
        "agenda",
    )


@pytest.mark.parametrize("base", ["#ffffff", "#1e1e1e"])
def test_tints_follow_the_palette(qapp, base):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    overdue, soon = look.tint(palette, "overdue"), look.tint(palette, "soon")
    dark = QColor(base).lightness() < 128
    for colour in (overdue, soon):
        assert (colour.lightness() < 128) == dark  # a tint, not a new background
        assert colour != QColor(base)
    assert overdue.red() > overdue.green() and soon.red() > soon.blue()
    assert look.tint(palette, "") is None


def test_urgency_in_words():
    today = date(2026, 11, 25)
    assert look.when(date(2026, 11, 20), today) == "5 days overdue"
    assert look.when(date(2026, 11, 24), today) == "1 day overdue"
    assert look.when(today, today) == "due today"
    assert look.when(date(2026, 11, 26), today) == "tomorrow"
    assert look.when(date(2021, 1, 1), today) == "2,154 days overdue"
    assert look.urgency(date(2026, 11, 30), today, 5) == "soon"
    assert look.urgency(date(2026, 12, 1), today, 5) == ""


def test_pictures_for_the_readme_keep_the_most_used_colours(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from foiadesk.ui.shots import indexed

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    for x in range(20):  # a tint, the most used colour after white
        for y in range(20):
            image.setPixelColor(x, y, QColor(250, 220, 220))
    for i in range(300):  # and 300 colours used once each
        image.setPixelColor(20 + i % 20, i // 20, QColor(i % 256, 40, 90))
    path = tmp_path / "shot.png"
    image.save(str(path))
    small = indexed(path)
    assert small.format() == QImage.Format.Format_Indexed8 and small.colorCount() == 256
    assert small.pixelColor(0, 0) == QColor(250, 220, 220) and small.pixelColor(39, 19) == QColor("#ffffff")


def test_the_window_checkbox_changes_what_the_command_line_prints(open_window, tmp_path, qtbot, capsys):
    """Filed on a portal 2025-12-15: response due 2026-01-14 with the December 24 and 26
    closures counted, 2026-01-16 with them skipped (worked out in tests/test_settings.py)."""
    from PySide6.QtCore import Qt

    from foiadesk.cli import run

    path = str(tmp_path / "log.sqlite3")
    assert run(["add-request", "--db", path, "--title", "MOU drafts", "--component", "ICE"]) == 0
    assert run(["log", "1", "filed", "--db", path, "--on", "2025-12-15", "--channel", "portal"]) == 0
    window = open_window(tmp_path / "log.sqlite3")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Settings
    box = window.settings_view.closures
    assert box.isVisible() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + QPoint(8, box.height() // 2))
    assert box.isChecked()
    capsys.readouterr()
    assert run(["--db", path, "show", "1"]) == 0
    assert "Response was due 2026-01-16" in capsys.readouterr().out
