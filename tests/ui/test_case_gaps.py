"""From the Cases view, an office the case pack names but no request asks yet leads to the
letters that would ask it: the composer with that office and only its records not yet
asked for. (It used to open the whole case's list, the office filter silently dropped.)"""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt

from foiadesk.core.reference.directory import default_resources_dir
from foiadesk.ui.models.cases import ABBR_ROLE

PACK = "irs-ice-mou-2025"


def pack_titles_held_by(component: str) -> set[str]:
    """Read from the shipped pack file itself: the record titles it asks ``component`` for."""
    pack = json.loads((default_resources_dir() / "cases" / f"{PACK}.json").read_text())
    return {c["title"] for c in pack["categories"] if component in c["holders"]}


def checked(items) -> list[str]:
    return [
        items.item(i).text()
        for i in range(items.count())
        if items.item(i).checkState() == Qt.CheckState.Checked
    ]


def row_of(cases, component: str) -> int:
    model = cases.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(ABBR_ROLE) == component)


def test_an_office_not_yet_asked_opens_the_letters_to_ask_it(qtbot, open_window, demo_copy):
    with sqlite3.connect(demo_copy) as db:
        (case_id,) = db.execute("SELECT id FROM cases WHERE slug = ?", (PACK,)).fetchone()
        asked = {
            abbr
            for (abbr,) in db.execute(
                "SELECT c.abbr FROM requests r JOIN components c ON c.id = r.component_id"
                " WHERE r.case_id = ?",
                (case_id,),
            )
        }
    assert "DOJ-CIV" not in asked  # the demo's case has no request to the Civil Division
    wanted = pack_titles_held_by("DOJ-CIV")
    assert wanted

    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    cases = window.cases
    cases.case.setCurrentIndex(cases.case.findData(case_id))
    table = cases.table
    table.setFocus()
    table.setCurrentIndex(cases.model.index(row_of(cases, "DOJ-CIV"), 0))
    assert cases.model.index(row_of(cases, "DOJ-CIV"), 1).data() == "none yet"
    qtbot.keyClick(table, Qt.Key.Key_Return)

    composer = window.composer
    assert window.tabs.currentWidget() is composer
    assert composer.pack.currentData() == PACK
    assert {t.split("  (")[0] for t in checked(composer.categories)} == wanted
    assert [t.split(" — ")[0] for t in checked(composer.components)] == ["DOJ Civil"]


def test_the_draft_button_follows_the_selected_office(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    cases = window.cases
    with sqlite3.connect(demo_copy) as db:
        (case_id,) = db.execute("SELECT id FROM cases WHERE slug = ?", (PACK,)).fetchone()
    cases.case.setCurrentIndex(cases.case.findData(case_id))
    table = cases.table
    table.setCurrentIndex(cases.model.index(row_of(cases, "CBP"), 0))  # the pack asks CBP for nothing
    assert not cases.draft_button.isEnabled()
    table.setCurrentIndex(cases.model.index(row_of(cases, "DOJ-CIV"), 0))
    assert cases.draft_button.isEnabled()
    qtbot.mouseClick(cases.draft_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.composer
    assert [t.split(" — ")[0] for t in checked(window.composer.components)] == ["DOJ Civil"]


def test_the_summary_line_counts_every_office_not_yet_asked(qtbot, open_window, demo_copy):
    """It used to name only the offices with no request at all, as if the others had been
    asked for everything the pack names."""
    window = open_window(demo_copy)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    cases = window.cases
    with sqlite3.connect(demo_copy) as db:
        (case_id,) = db.execute("SELECT id FROM cases WHERE slug = ?", (PACK,)).fetchone()
    cases.case.setCurrentIndex(cases.case.findData(case_id))
    model = cases.model
    column = model.HEADERS.index("Records to ask for")
    gaps = [r for r in range(model.rowCount()) if model.index(r, column).data()]
    to_ask = {model.index(r, 0).data(): int(model.index(r, column).data()) for r in gaps}
    assert len(to_ask) > 1 and any(model.index(r, 1).data() != "none yet" for r in gaps)
    about = cases.about.text()
    assert f"{sum(to_ask.values())} records the case pack names not yet requested" in about
    assert all(f"{component} {n}" in about for component, n in to_ask.items())
