"""Exports from the window, as a user makes them from the menus: each runs on the worker
with progress and Stop, says where it wrote in the message bar, and asks (without
blocking the window) before replacing a file."""

from __future__ import annotations

import csv
import io
import json
import threading
import zipfile
from datetime import date

import pytest
from conftest import TODAY, menu_action, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from foiadesk.core.tracking.listing import NONE, Filter
from foiadesk.ui.correspondence import controller, install
from foiadesk.ui.export_actions import to_list_filter
from foiadesk.ui.models.requests import ID_ROLE

ENTRIES = {
    "Log": [
        "Import agency reply…",
        "Export evidence bundle…",
        "Export case bundle…",
        "Export list (CSV/XLSX)…",
        "Export calendar (.ics)…",
    ],
    "Request": ["Import agency reply…", "Export evidence bundle…"],
}


@pytest.fixture
def no_libreoffice(monkeypatch):
    """As on a machine without LibreOffice (and fast): the core notes what it could not make."""
    monkeypatch.setattr("foiadesk.core.letters.pdf.soffice", lambda: None)


def texts(menu):
    return [a.text().replace("&", "") for a in menu.actions()]


def test_install_adds_the_entries_to_the_log_and_request_menus_once(qtbot, open_window, small_log, answers):
    window = open_window(small_log[0])
    install(window)  # a second call changes nothing
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    for title, wanted in ENTRIES.items():
        shown = texts(menus[title])
        assert [t for t in shown if t in wanted] == wanted
    log = texts(menus["Log"])
    assert log.index("Export calendar (.ics)…") < log.index("Quit")  # above Quit, not below
    request = texts(menus["Request"])
    assert request.index("Log event…") + 1 == request.index("Import agency reply…")
    assert menu_action(window, "Log", "Import agency reply…").shortcut().toString() == "Ctrl+I"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked and answers.asked[-1][:2] == ("open", "Import agency replies")  # Ctrl+I asks


def test_evidence_bundle_of_the_selected_request_from_the_request_menu(
    qtbot, open_window, small_log, answers, tmp_path, no_libreoffice
):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["a"])
    started = []
    window.session.tasks.started.connect(started.append)
    answers.save = tmp_path / "bundle"  # no extension typed: .zip is added
    menu_action(window, "Request", "Export evidence bundle…").trigger()
    exporter = controller(window).exporter
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    task = started[0]
    assert task.with_progress and task.cancellable  # the window shows progress and Stop
    out = tmp_path / "bundle.zip"
    assert exporter.last_result.path == out and out.is_file()
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        top = f"foia-request-{ids['a']}-ICE"
        manifest = json.loads(zf.read(f"{top}/manifest.json"))
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == names - {f"{top}/manifest.json"}
    assert f"{top}/index.pdf" in names  # the Qt index PDF, no LibreOffice needed
    assert any(name.endswith("appeal.docx") for name in names)
    message = window.banner.text.text()
    assert window.banner.isVisible() and window.banner.kind == "note"
    assert str(out) in message and "LibreOffice is not installed" in message  # the core's note


def test_an_existing_file_is_replaced_only_after_the_user_says_so(
    qtbot, open_window, small_log, answers, tmp_path, no_libreoffice
):
    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["b"])
    out = tmp_path / "bundle.zip"
    out.write_bytes(b"an older export")
    answers.save = out
    exporter = controller(window).exporter
    exporter.evidence_bundle()
    box = exporter.confirm
    assert box is not None and box.isVisible() and not box.isModal()  # the window stays usable
    assert "bundle.zip already exists" in box.text()
    assert not window.session.tasks.busy() and out.read_bytes() == b"an older export"
    cancel = box.buttons()[[b.text() for b in box.buttons()].index("Cancel")]
    cancel.click()
    assert out.read_bytes() == b"an older export" and "left as it was" in window.banner.text.text()

    exporter.evidence_bundle()
    replace = next(b for b in exporter.confirm.buttons() if b.text() == "Replace")
    replace.click()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    assert zipfile.is_zipfile(out)


def test_stop_during_an_export_writes_nothing(qtbot, open_window, small_log, answers, tmp_path, monkeypatch):
    """Stop while the case index is being made: the core stops at its next step, removes
    its temporary file, and the message bar says nothing was written."""
    from foiadesk.ui import export_actions

    path, ids = small_log
    window = open_window(path)
    window.open_request(ids["a"])
    inside, release = threading.Event(), threading.Event()

    def slow_maker(index):
        inside.set()
        release.wait(10)
        return b"%PDF-1.4\n%%EOF\n"

    monkeypatch.setattr(export_actions, "_index_pdf_maker", lambda: slow_maker)
    monkeypatch.setattr("foiadesk.core.letters.pdf.soffice", lambda: None)
    answers.save = tmp_path / "case.zip"
    menu_action(window, "Log", "Export case bundle…").trigger()  # the case of the selected request
    qtbot.waitUntil(inside.is_set, timeout=20_000)
    assert window.stop_button.isVisibleTo(window)
    window.stop()
    release.set()
    wait_idle(qtbot, window)
    assert "Stopped: case.zip was not written." in window.banner.text.text()
    assert list(tmp_path.glob("*case.zip*")) == []


# -- the list -----------------------------------------------------------------------------------


def test_the_view_filter_maps_to_the_export_filter():
    flt = Filter(deadline="overdue", status="open", case_id=3, component="ICE", ids=frozenset({1, 2}))
    wanted = to_list_filter(flt, " memo ", case_slugs={3: "irs-ice-mou"}, soon_days=7)
    got = (wanted.case, wanted.component, wanted.status, wanted.deadline, wanted.search, wanted.soon_days)
    assert got == ("irs-ice-mou", "ICE", "open", "overdue", "memo", 7)
    assert to_list_filter(Filter(), "", case_slugs={}, soon_days=5).case is None
    assert to_list_filter(Filter(case_id=NONE), "", case_slugs={}, soon_days=5).case == "none"
    ordered = to_list_filter(Filter(), "", case_slugs={}, soon_days=5, sort="title", descending=True)
    assert (ordered.sort, ordered.descending) == ("title", True)


def shown_ids(window) -> list[int]:
    model = window.requests.model
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def csv_rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def csv_ids(path) -> list[int]:
    rows = csv_rows(path)
    assert rows[0][0] == "#"
    return [int(r[0]) for r in rows[1:]]


def shown_rows(window) -> list[list[str]]:
    model = window.requests.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def as_shown(rows: list[list[str]]) -> list[list[str]]:
    """The exported rows with each title as the list shortens it on screen (the export keeps
    the whole title; the case and the component have their own columns), and an estimated
    completion date before the window's today marked as passed (the export keeps a date a
    spreadsheet can sort)."""
    from foiadesk.ui.models.requests import RequestsModel, short_title

    m = RequestsModel
    for row in rows[1:]:
        row[m.TITLE] = short_title(row[m.TITLE], row[m.CASE], row[m.COMPONENT])
        if row[m.ESTIMATE] and row[m.ESTIMATE] < TODAY.isoformat():
            row[m.ESTIMATE] += " (passed)"
    return rows


def without_case(path, count: int) -> None:
    """Give the demo log a few requests that belong to no case (the demo puts all in one)."""
    from foiadesk.core.store.db import connect, write

    db = connect(path)
    with write(db):
        db.execute(f"UPDATE requests SET case_id = NULL WHERE id <= {count}")
    db.close()


def test_the_exported_list_has_the_rows_the_list_shows(qtbot, open_window, demo_copy, answers, tmp_path):
    without_case(demo_copy, 7)
    window = open_window(demo_copy)
    view = window.requests
    exporter = controller(window).exporter
    action = menu_action(window, "Log", "Export list (CSV/XLSX)…")
    case_id = next(iter(window.session.index.cases))
    filters = [
        {},
        {"deadline": "overdue"},
        {"deadline": "due_soon", "component": "ICE"},
        {"deadline": "needs_me"},
        {"status": "open", "case_id": case_id},
        {"status": "finished"},
        {"deadline": "none", "status": "Processing"},
        {"text": "memorandum"},
        {"deadline": "this_week", "text": "ICE"},
        {"case_id": NONE},
    ]
    sizes = []
    for n, flt in enumerate(filters):
        view.set_filter(**flt)
        answers.save = tmp_path / f"list-{n}.csv"
        exporter.last_result = None
        action.trigger()
        qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
        shown = shown_ids(window)
        assert csv_ids(answers.save) == shown, flt  # the same rows, in the list's default order
        assert as_shown(csv_rows(answers.save)) == [list(window.requests.model.HEADERS), *shown_rows(window)]
        assert exporter.last_result == len(shown)
        assert f"Exported {len(shown):,} request" in window.banner.text.text()
        sizes.append(len(shown))
    assert sizes[0] == 120 and sum(0 < n < 120 for n in sizes) >= 5  # the filters select
    assert sizes[-1] == 7  # "No case"
    window.requests.model.sort(1, Qt.SortOrder.DescendingOrder)  # by title, Z to A
    answers.save = tmp_path / "by-title.csv"
    exporter.last_result = None
    action.trigger()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    assert csv_ids(answers.save) == shown_ids(window) and len(shown_ids(window)) == 7


def test_the_list_as_xlsx_with_and_without_a_case(qtbot, open_window, demo_copy, answers, tmp_path):
    from openpyxl import load_workbook

    window = open_window(demo_copy)
    exporter = controller(window).exporter
    window.requests.set_filter(deadline="overdue")
    answers.save = tmp_path / "overdue.xlsx"
    exporter.list_export()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    sheet = load_workbook(answers.save, read_only=True).active
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == shown_ids(window) and ids
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == list(window.requests.model.HEADERS)
    window.requests.set_filter(case_id=NONE, deadline="all")
    answers.save = tmp_path / "no-case.csv"
    exporter.last_result = None
    exporter.list_export()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    assert exporter.last_result == 0 == len(shown_ids(window))  # the demo puts every request in a case
    assert as_shown(csv_rows(answers.save)) == [list(window.requests.model.HEADERS)]


# -- the calendar -------------------------------------------------------------------------------


def test_the_calendar_has_every_open_deadline(qtbot, open_window, demo_copy, answers, tmp_path):
    from icalendar import Calendar

    from foiadesk.core.export.ics import open_deadlines

    window = open_window(demo_copy)
    exporter = controller(window).exporter
    answers.save = tmp_path / "deadlines.ics"
    menu_action(window, "Log", "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    events = Calendar.from_ical(answers.save.read_bytes()).walk("VEVENT")
    assert len(events) == exporter.last_result == len(open_deadlines(window.session.db, as_of=TODAY)) > 0
    on_day = {(str(e["summary"]).split("#")[1].split(":")[0], e.decoded("dtstart")) for e in events}
    index = window.session.index
    for row in range(len(index)):  # each request's next deadline, as the list shows it, is there
        due = int(index.columns["next_due"][row])
        if due != NONE:
            assert (str(index.columns["id"][row]), date.fromordinal(due)) in on_day
    assert f"Saved {len(events):,} open deadlines to {answers.save}" in window.banner.text.text()


def test_a_case_bundle_asks_which_case_when_the_window_shows_none(
    qtbot, open_window, small_log, answers, tmp_path, no_libreoffice, monkeypatch
):
    path, _ids = small_log
    window = open_window(path)
    exporter = controller(window).exporter
    monkeypatch.setattr(exporter.access, "current_case_id", lambda: None)  # as with no request selected
    answers.save = tmp_path / "other.zip"
    exporter.case_bundle()
    chooser = exporter.chooser
    assert chooser is not None and chooser.isVisible() and not answers.asked
    assert chooser.comboBoxItems() == [
        "Another matter",
        "IRS–ICE data-sharing memorandum of understanding (April 2025)",
    ]
    chooser.setTextValue("Another matter")
    chooser.accept()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    with zipfile.ZipFile(answers.save) as zf:
        manifest = json.loads(zf.read("foia-case-other-case/manifest.json"))
    assert manifest["case"]["slug"] == "other-case"
    assert "the case bundle of “Another matter”" in window.banner.text.text()


def test_installing_loads_nothing_heavy():
    """``install`` runs while the window's frame is being built: the core's export and import
    modules (numpy, sqlite-utils, the clock engine) load only when first used."""
    import subprocess
    import sys

    heavy = ("numpy", "sqlite_utils", "foiadesk.core.replies.importing")
    code = f"import sys, foiadesk.ui.correspondence; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("skip, due", [(False, "2026-01-14"), (True, "2026-01-16")])
def test_window_exports_follow_the_closure_setting(qtbot, open_window, answers, tmp_path, skip, due):
    """Filed on a portal 2025-12-15: the response is due 2026-01-14 with the December 24 and
    26, 2025 closures counted as working days, 2026-01-16 with them skipped."""
    from icalendar import Calendar

    from foiadesk.cli import run

    path = tmp_path / "closures.sqlite3"
    assert run(["--db", str(path), "add-request", "--title", "MOU drafts", "--component", "ICE"]) == 0
    assert run(["--db", str(path), "log", "1", "filed", "--on", "2025-12-15", "--channel", "portal"]) == 0
    window = open_window(path)
    window.settings.set("skip_closures", skip)
    exporter = controller(window).exporter
    answers.save = tmp_path / "deadlines.ics"
    exporter.last_result = None
    menu_action(window, "Log", "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    starts = [
        e.decoded("dtstart").isoformat() for e in Calendar.from_ical(answers.save.read_bytes()).walk("VEVENT")
    ]
    assert due in starts
    answers.save = tmp_path / "list.csv"
    exporter.last_result = None
    menu_action(window, "Log", "Export list (CSV/XLSX)…").trigger()
    qtbot.waitUntil(lambda: exporter.last_result is not None, timeout=20_000)
    assert due in answers.save.read_text(encoding="utf-8-sig")
