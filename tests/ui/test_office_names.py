"""The request list names each office as the user knows it: "DHS Privacy" and "Treasury",
never FoiaDesk's directory keys (DHS-PRIV, TREAS-DO), whole in its narrow column, with the
office's full name in the tooltip; the component filter offers the same names."""

from PySide6.QtCore import Qt

KEYS = {"DHS-PRIV", "TREAS-DO", "DOJ-OIP", "DOJ-OLC", "DOJ-CIV"}


def shown_offices(model):
    return [model.index(r, model.COMPONENT).data() for r in range(model.rowCount())]


def test_the_list_names_offices_as_the_user_knows_them(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.show_view(1)
    view = window.requests
    model, table = view.model, view.table
    offices = set(shown_offices(model))
    assert not offices & KEYS, offices & KEYS
    assert {"ICE", "IRS", "DHS Privacy", "Treasury"} <= offices

    # whole in the column at its first width; the full name when the pointer rests on it
    metrics = table.fontMetrics()
    widest = max(offices, key=metrics.horizontalAdvance)
    assert metrics.horizontalAdvance(widest) + 8 <= table.columnWidth(model.COMPONENT), widest
    row = shown_offices(model).index("DHS Privacy")
    tip = model.index(row, model.COMPONENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Privacy Office" in tip and "Homeland Security" in tip

    # the filter offers the same names; choosing one by typing it shows only its requests
    choice = view.component_choice
    names = [choice.itemText(i) for i in range(choice.count())]
    assert "DHS Privacy" in names and "Treasury" in names and not set(names) & KEYS
    choice.setFocus()
    qtbot.keyClicks(choice, "Treasury")
    assert choice.currentText() == "Treasury"
    qtbot.waitUntil(lambda: set(shown_offices(model)) == {"Treasury"}, timeout=10_000)
    assert model.rowCount() > 0


def test_mark_as_filed_and_the_agenda_show_the_office_whole(qtbot, open_window, tmp_path):
    from datetime import date

    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    privacy = load_directory().component("DHS-PRIV")
    drafted = log.add_directory_request(db, privacy, title="MOU drafts").new_id
    filed = log.add_directory_request(db, privacy, title="Audit logs").new_id
    log.record_event(db, filed, log.NewEvent("filed", date(2026, 11, 2), channel="portal"))
    db.close()
    window = open_window(path)
    window.show_drafts_to_file()
    panel = window.composer.filing
    row = panel.model.row_of(drafted)
    assert panel.model.index(row, 1).data() == "DHS Privacy"
    metrics = panel.table.fontMetrics()
    assert metrics.horizontalAdvance("DHS Privacy") + 8 <= panel.table.columnWidth(1)

    window.show_view(0)
    agenda = window.agenda
    model = agenda.model
    groups = [model.group_index(when, "agency") for when in ("overdue", "this_week", "next_week", "later")]
    shown = [model.index(r, 4, group).data() for group in groups for r in range(model.rowCount(group))]
    assert "DHS Privacy" in shown
    assert agenda.table.fontMetrics().horizontalAdvance("DHS Privacy") + 8 <= agenda.table.columnWidth(4)


def test_compose_and_the_cases_view_name_offices_as_the_list_does(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    window.show_view(3)
    composer = window.composer
    records = [composer.categories.item(i).text() for i in range(composer.categories.count())]
    offered = [composer.components.item(i).text() for i in range(composer.components.count())]
    assert "The agreement, its drafts and amendments  (IRS, Treasury, ICE, DHS Privacy)" in records
    assert "DHS Privacy — DHS Privacy Office (FOIA for DHS headquarters)" in offered
    assert not any(key in text for key in KEYS for text in records + offered)

    window.show_view(2)
    model = window.cases.model
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"DHS Privacy", "Treasury"} <= shown and not shown & KEYS


def test_the_request_names_its_office_as_people_know_it(qtbot, open_window, tmp_path):
    """The request's header gives the office's name, never its directory key; the package
    menu names it the same way when it has no address for a channel."""
    from foiadesk.core.reference.directory import load_directory
    from foiadesk.core.store import log
    from foiadesk.core.store.db import connect

    path = tmp_path / "mine.sqlite3"
    db = connect(path)
    privacy = load_directory().component("DHS-PRIV")
    rid = log.add_directory_request(db, privacy, title="MOU drafts").new_id
    db.close()
    window = open_window(path)
    window.open_request(rid)
    detail = window.requests.detail
    assert "DHS Privacy Office (FOIA for DHS headquarters)" in detail.meta.text()
    assert not any(key in detail.meta.text() for key in KEYS), detail.meta.text()
    actions = detail.filing_actions
    qtbot.mouseClick(actions.package_button, Qt.MouseButton.LeftButton)
    offered = [a.text() for a in actions.menu.actions()]
    actions.menu.close()
    assert any("(none on file for DHS Privacy" in text for text in offered), offered
    assert not any(key in text for key in KEYS for text in offered), offered
