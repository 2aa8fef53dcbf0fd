"""A broken template in the user's own templates folder: drafting from the window says which
file, where it is, and that taking it out brings back the shipped one. (It used to say only
"request.docx: …", which reads as if FoiaDesk's own letter were broken.)"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt


def test_a_broken_own_template_is_named_with_its_folder(
    qtbot, open_window, demo_copy, tmp_path, isolated_data_dir
):
    own = tmp_path / "my templates"
    own.mkdir()
    (own / "request.docx").write_bytes(b"this is not a Word file")
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "settings.json").write_text(json.dumps({"templates_folder": str(own)}))

    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    composer = window.composer
    qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "request.docx" in composer.warnings.text(), timeout=30_000)
    said = composer.warnings.text()
    assert said.startswith("request.docx: not a Word document that can be read")
    assert f"This is your own template, in {own}" in said
    assert "take it out of that folder and the shipped request.docx is used" in said
    assert composer.letters.count() == 0
