"""A layout that fits: at the default size and at 1366×768 a row shows its office and
what tells it apart without scrolling sideways, no deadline label is cut, the window is on
the screen; search says where it matched; the Cases view lists each office's records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtCore import QByteArray, QPoint, QRect, Qt
from PySide6.QtWidgets import QToolButton

from foiadesk.core.store.db import write
from foiadesk.core.store.log import NewEvent, record_event
from foiadesk.core.tracking.listing import CLOCK_LABELS, OWED_BY
from foiadesk.core.tracking.titles import short_title
from foiadesk.ui.look import OWED_WORDS
from foiadesk.ui.models.requests import RequestsModel

CASE = "IRS-ICE taxpayer address sharing (April 2025 MOU)"


@pytest.mark.parametrize(
    ("title", "case", "component", "shown"),
    [
        (f"{CASE}: ICE", CASE, "ICE", CASE),  # nothing else tells it apart: the office column does
        (f"{CASE} — audit logs: IRS", CASE, "IRS", "audit logs"),
        ("Audit logs and error reports (TIGTA, #12)", "", "TIGTA", "Audit logs and error reports"),
        ("MOU drafts", CASE, "ICE", "MOU drafts"),
        ("ICE contracts with ICE", "", "ICE", "ICE contracts with ICE"),
    ],
)
def test_a_title_shows_the_part_that_differs(title, case, component, shown):
    assert short_title(title, case, component) == shown


def _fits(window, size):
    window.resize(*size)
    window.show_view(1)
    table = window.requests.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    first = [
        RequestsModel.ID,
        RequestsModel.COMPONENT,
        RequestsModel.TITLE,
        RequestsModel.STATUS,
        RequestsModel.WHEN,
    ]
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in first)
    return right, viewport


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])  # on 1920×1080 and 1366×768
def test_a_row_shows_its_office_and_title_without_scrolling(qtbot, open_window, demo_copy, size):
    window = open_window(demo_copy)
    right, viewport = _fits(window, size)
    assert right <= viewport, (right, viewport)
    model = window.requests.model
    assert model.HEADERS[:4] == ("#", "Component", "Title", "Status")
    # no deadline label is cut: the column is as wide as the longest of them
    metrics = window.requests.table.fontMetrics()
    width = window.requests.table.columnWidth(RequestsModel.NEXT)
    shown = [f"{label} · {OWED_WORDS[OWED_BY[key]]}" for key, label in CLOCK_LABELS.items()]
    assert all(metrics.horizontalAdvance(text) < width for text in shown)
    estimate = window.requests.table.columnWidth(RequestsModel.ESTIMATE)
    assert metrics.horizontalAdvance("2027-12-31 (passed)") < estimate


def test_days_left_says_what_it_counts_down_to_on_a_small_screen(qtbot, open_window, demo_copy):
    """At 1366×768 the next deadline's column is off to the right: hovering a row's days
    left names the deadline, its date and who owes it, as that column and Due would."""
    window = open_window(demo_copy)
    right, viewport = _fits(window, (1366 - 16, 768 - 48))
    table, model = window.requests.table, window.requests.model
    header = table.horizontalHeader()
    assert (
        header.sectionViewportPosition(RequestsModel.NEXT) + header.sectionSize(RequestsModel.NEXT) > viewport
    )
    window.requests.set_filter(deadline="overdue")
    assert model.rowCount() > 0
    for row in range(min(model.rowCount(), 10)):
        next_deadline = model.index(row, RequestsModel.NEXT).data()  # "Response due · agency"
        label, owed = next_deadline.split(" · ")
        due = model.index(row, RequestsModel.DUE).data()
        tip = model.index(row, RequestsModel.WHEN).data(Qt.ItemDataRole.ToolTipRole)
        who = "the agency" if owed == "agency" else "you"
        assert tip.startswith(f"{label}") and f"due {due}, owed by {who}." in tip, tip


def test_the_import_says_how_it_chose_the_request_right_under_it(qtbot, open_window, demo_copy):
    """A reply with no tracking number, imported with a request selected: the sentence on
    how that request was proposed sits right under it, its lines and no blank band (a form
    row kept it three lines high)."""
    from foiadesk.ui.correspondence import controller

    window = open_window(demo_copy)
    request_id = int(window.session.index.columns["id"][0])
    window.open_request(request_id)
    importer = controller(window).importer
    reply = (
        Path(__file__).parent.parent / "fixtures" / "replies-real" / "dev" / "07-ice-email-not-yet-logged.txt"
    )
    importer.import_files([reply], suggest=request_id)
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible(), timeout=20_000)
    dialog = importer.dialog
    said = dialog.how_chosen
    assert f"the selected request #{request_id} is proposed" in said.text()
    assert said.height() == said.heightForWidth(said.width())
    gap = said.geometry().top() - dialog.request.geometry().bottom()
    assert gap <= 2 * dialog.layout().spacing(), gap
    dialog.reject()


def test_the_window_opens_within_the_screen(qtbot, open_window, demo_copy, settings):
    huge = open_window(demo_copy)
    huge.setGeometry(QRect(-300, -200, 4000, 3000))  # as on a larger monitor, unplugged since
    settings.set("window/geometry", huge.saveGeometry())
    huge.close()
    window = open_window(demo_copy)
    screen = window.screen().availableGeometry()
    qtbot.wait(50)
    assert screen.contains(window.geometry()), (screen, window.geometry())
    assert not settings.get("window/geometry").isEmpty() and isinstance(
        settings.get("window/geometry"), QByteArray
    )


def test_search_says_where_it_matched(qtbot, open_window, demo_copy):
    from sqlite_utils import Database

    db = Database(demo_copy)
    with write(db):
        record_event(
            db,
            7,
            NewEvent(
                "note", TODAY, summary="Call", body="The liaison mentioned the quokka spreadsheet again."
            ),
            today=TODAY,
        )
        db["notes"].insert({"request_id": 9, "created_at": "2026-11-25", "body": "Ask about the quokka memo"})
    number = db.execute("SELECT number FROM tracking_numbers WHERE request_id = 11").fetchone()
    db.close()
    window = open_window(demo_copy)
    window.find()
    qtbot.keyClicks(window.requests.search, "quokka")
    model = window.requests.model
    qtbot.waitUntil(lambda: model.total() == 2)
    titles = {model.index(r, 0).data(): model.index(r, model.TITLE).data() for r in range(2)}
    assert titles["7"].endswith("  ·  event: The liaison mentioned the [quokka] spreadsheet again.")
    assert titles["9"].endswith("  ·  note: Ask about the [quokka] memo")
    if number:
        window.requests.search.clear()
        qtbot.keyClicks(window.requests.search, number[0][-6:])
        qtbot.waitUntil(lambda: any(model.index(r, 0).data() == "11" for r in range(model.rowCount())))
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "11")
        assert model.index(row, model.TITLE).data().endswith(f"  ·  tracking no. {number[0]}")


def test_the_cases_view_lists_each_offices_records(qtbot, open_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(tmp_path / "mine.sqlite3")
    qtbot.mouseClick(window.agenda.welcome.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() > 0, timeout=15_000)
    story = window.cases.story.toHtml()
    assert "Records by office" in story and "not yet requested" in story and "— asked" not in story
    assert "<a href=" in story and window.cases.story.openExternalLinks()  # sources are links
    # Draft and save the ICE letter: its categories are asked; the others stay to ask for
    composer = window.composer
    window.show_view(3)
    for i in range(composer.components.count()):
        item = composer.components.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == "ICE" else Qt.CheckState.Unchecked
        )
    composer.letter_date.setDate(date(2026, 11, 20))
    qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.letters.count() == 1, timeout=30_000)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.index) == 1, timeout=15_000)
    window.show_view(2)
    model = window.cases.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    last = model.columnCount() - 1
    assert model.index(rows["ICE"], last).data() in ("", None, "0")  # nothing left to ask ICE for
    assert int(model.index(rows["IRS"], last).data()) > 0
    assert "(asked)" in model.index(rows["ICE"], last).data(Qt.ItemDataRole.ToolTipRole)


def test_messages_from_drafting_use_the_forms_words(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "mine.sqlite3")
    composer = window.composer
    window.show_view(3)
    composer.expedite.setChecked(True)
    qtbot.mouseClick(composer.draft_button, Qt.MouseButton.LeftButton)
    assert composer.warnings.text() == (
        "Tick at least one ground for expedited processing, or untick “Ask for expedited processing”."
    )
    # each ground's tick box says it as the letter and its warnings title it
    from foiadesk.core.letters.content import GROUNDS

    for code, box in composer.grounds.items():
        assert box.text() == GROUNDS[code][0]


def test_a_rows_menu_offers_its_next_steps(qtbot, open_window, demo_copy):
    from PySide6.QtWidgets import QMenu

    from foiadesk.ui.dialogs.event import EventDialog

    window = open_window(demo_copy)
    asked = []
    window.next_steps.append(lambda rid: [(f"Draft a follow-up for #{rid}…", lambda: asked.append(rid))])
    window.show_view(1)
    table = window.requests.table
    request_id = int(table.model().index(0, 0).data())
    pos = table.visualRect(table.model().index(0, 2)).center()
    table.customContextMenuRequested.emit(pos)  # what a right click on the row does
    menu = window._menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Log &event…", "&Open the request"]
    assert texts[-1] == f"Draft a follow-up for #{request_id}…"
    menu.actions()[-1].trigger()
    assert asked == [request_id]
    window._menu.close()
    table.customContextMenuRequested.emit(pos)
    window._menu.actions()[0].trigger()
    assert isinstance(window.dialog, EventDialog) and window.dialog.request_id == request_id
    window.dialog.reject()


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])  # on 1920×1080 and 1366×768
def test_the_requests_deadlines_are_named_in_full(qtbot, open_window, demo_copy, size):
    """Beside the list, each deadline's name shows whole, even with the ⚑ column a disputed
    closure day adds."""
    from foiadesk.core.tracking.tracker import view_request

    window = open_window(demo_copy)
    window.resize(*size)
    session = window.session
    ids = [int(i) for i in session.index.columns["id"]]
    views = {i: view_request(session.db, i, cal=session.calendar()).clocks for i in ids}
    flagged = [i for i, clocks in views.items() if any(c.alternative for c in clocks)]
    request_id = max(flagged, key=lambda i: len(views[i]))
    window.open_request(request_id)
    qtbot.wait(50)
    detail = window.requests.detail
    table, clocks = detail.clock_table, detail.clocks
    assert clocks.columnCount() == 4 and not table.isColumnHidden(3)  # the ⚑ column is shown
    metrics = table.fontMetrics()
    cut = [
        label
        for row in range(clocks.rowCount())
        if metrics.horizontalAdvance(label := clocks.index(row, 0).data()) + 8 > table.columnWidth(0)
    ]
    assert not cut, (cut, table.columnWidth(0))


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_a_deadlines_status_is_read_whole(qtbot, open_window, demo_copy, size):
    """The request's longest deadline status ("answered late 2026-…") is not cut: it takes
    a second line where its column is too narrow, and its tooltip says it whole."""
    from foiadesk.ui.models.detail import ClocksModel

    window = open_window(demo_copy)
    window.resize(*size)
    detail = window.requests.detail
    table, clocks = detail.clock_table, detail.clocks
    metrics = table.fontMetrics()
    longest = (0, None)
    for request_id in [int(i) for i in window.session.index.columns["id"]][:60]:
        window.open_request(request_id)
        for row in range(clocks.rowCount()):
            text = clocks.index(row, ClocksModel.STATUS).data()
            longest = max(longest, (metrics.horizontalAdvance(text), request_id))
    width, request_id = longest
    assert width > metrics.horizontalAdvance("1,750 days overdue")  # longer than the column was made for
    window.open_request(request_id)
    qtbot.wait(20)
    shown = [clocks.index(row, ClocksModel.STATUS) for row in range(clocks.rowCount())]
    width = table.columnWidth(ClocksModel.STATUS) - 8
    cut = [
        i.data()
        for i in shown
        if metrics.boundingRect(0, 0, width, 1000, Qt.TextFlag.TextWordWrap, i.data()).height() + 4
        > table.rowHeight(i.row())
        or any(metrics.horizontalAdvance(word) > width for word in i.data().split())
    ]
    assert not cut, (cut, table.columnWidth(ClocksModel.STATUS))
    assert all(i.data(Qt.ItemDataRole.ToolTipRole).startswith(i.data()) for i in shown if i.data())


def test_a_rows_menu_reads_nothing_and_offers_what_the_request_screen_does(
    qtbot, open_window, demo_copy, monkeypatch
):
    """A right click on a row works its letters out from the list in memory (no read of
    the request), and offers each row the letters its owed deadlines call for."""
    from foiadesk.core.letters.next_steps import KINDS, next_steps
    from foiadesk.core.tracking import tracker

    window = open_window(demo_copy)
    session = window.session
    ids = [int(i) for i in session.index.columns["id"]]
    expected = {}
    for request_id in ids:
        clocks = tracker.view_request(session.db, request_id, cal=session.calendar()).clocks
        kinds = [k for c in clocks if c.owed(TODAY) for k in next_steps(c, TODAY)]
        expected[request_id] = [f"Draft: {KINDS[k][1]}…" for k in dict.fromkeys(kinds)]
    assert sum(map(bool, expected.values())) > 20  # rows with letters to offer
    reads = []
    monkeypatch.setattr(tracker, "view_request", lambda *a, **k: reads.append(a) or pytest.fail("read"))
    window.show_view(1)
    table, model = window.requests.table, window.requests.model
    for row in range(model.rowCount()):
        index = model.index(row, 2)
        table.scrollTo(index)
        table.customContextMenuRequested.emit(table.visualRect(index).center())
        request_id = int(model.index(row, 0).data())
        offered = [a.text() for a in window._menu.actions() if a.text().startswith("Draft:")]
        window._menu.close()
        assert offered == expected[request_id], request_id
    assert not reads


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_f1_lists_the_shortcuts_without_covering_the_agendas_counts(qtbot, open_window, demo_copy, size):
    from foiadesk.ui.dialogs.shortcuts import ShortcutsDialog

    window = open_window(demo_copy)
    window.resize(*size)
    window.show_view(0)
    qtbot.wait(20)
    summary = window.agenda.summary
    assert "overdue" in summary.text()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    assert "Ctrl+N" in " ".join(label.text() for label in dialog.findChildren(type(summary)))
    banner = window.banner
    where = QRect(summary.mapTo(window, summary.rect().topLeft()), summary.size())
    covered = banner.isVisible() and QRect(banner.mapTo(window, banner.rect().topLeft()), banner.size())
    assert not (covered and covered.intersects(where)), (covered, where)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


LONG_MESSAGE = (
    "Sorry, something went wrong inside FoiaDesk. Your log is safe: every saved change is kept. "
    "The details were written to /home/dana/.local/share/foiadesk/crash-reports/"
    "foiadesk-crash-2026-11-25T09-14-03.txt. Press F5 to read the log again, and if it happens "
    "again, send that file with a few words on what you were doing to the FoiaDesk maintainers, "
    "who will read it and reply; nothing in it leaves your computer unless you send it."
)


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_a_long_message_takes_its_own_room_and_covers_no_view(qtbot, open_window, demo_copy, size):
    """A long message (three lines where it floated beside the tabs, over the agenda's counts)
    wraps in a row of its own below the views: the counts, the tabs and the view stay whole,
    at the default size and on a 1366×768 screen."""
    window = open_window(demo_copy)
    window.resize(*size)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    summary = window.agenda.summary
    assert "overdue" in summary.text()
    window.banner.show_message(LONG_MESSAGE)
    banner, text = window.banner, window.banner.text
    assert banner.isVisible()
    # it wraps, and takes the lines it needs (once the window has laid itself out again)
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()), timeout=2000)
    assert text.height() >= 2 * text.fontMetrics().lineSpacing()

    def on_window(widget):
        return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())

    assert not on_window(banner).intersects(on_window(summary)), (on_window(banner), on_window(summary))
    assert not on_window(banner).intersects(on_window(window.tabs))  # no view, no tab is under it
    assert summary.visibleRegion().boundingRect().size() == summary.size()  # the counts are whole
    close = next(b for b in banner.findChildren(QToolButton) if b.toolTip() == "Dismiss")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_the_agendas_deadlines_show_the_agencys_estimate_whole(qtbot, open_window, demo_copy, size):
    """ "Response due (agency estimates 2027-…)" is not cut in the agenda, and says itself
    whole in its tooltip."""
    window = open_window(demo_copy)
    window.resize(*size)
    window.show_view(0)
    agenda = window.agenda
    agenda.span.setCurrentIndex(agenda.span.count() - 1)  # everything overdue
    model, table = agenda.model, agenda.table
    rows = []
    for when in range(model.rowCount()):
        for owner in range(model.rowCount(group := model.index(when, 0))):
            parent = model.index(owner, 0, group)
            rows += [model.index(r, 2, parent) for r in range(model.rowCount(parent))]
    estimates = [i for i in rows if "agency estimates" in i.data()]
    assert estimates
    metrics = table.fontMetrics()
    cut = [i.data() for i in estimates if metrics.horizontalAdvance(i.data()) + 8 > table.columnWidth(2)]
    assert not cut, (cut, table.columnWidth(2))
    assert all(i.data(Qt.ItemDataRole.ToolTipRole) == i.data() for i in estimates)


def test_the_agendas_menu_reads_nothing_and_offers_each_deadlines_letters(
    qtbot, open_window, demo_copy, monkeypatch
):
    """A right click on an agenda row offers what its deadline's clock offers on the
    request screen, worked out without reading the request from the log."""
    from foiadesk.core.letters.next_steps import KINDS, next_steps
    from foiadesk.core.tracking import tracker
    from foiadesk.core.tracking.listing import CLOCK_LABELS

    window = open_window(demo_copy)
    window.show_view(0)
    agenda = window.agenda
    agenda.span.setCurrentIndex(agenda.span.count() - 1)  # everything overdue
    model, table, session = agenda.model, agenda.table, window.session
    rows = []
    for when in range(model.rowCount()):
        for owner in range(model.rowCount(group := model.index(when, 0))):
            parent = model.index(owner, 0, group)
            rows += [model.index(r, 0, parent) for r in range(model.rowCount(parent))]
    expected = []
    for index in rows:
        request_id, due = model.request_id(index), index.data()
        clocks = tracker.view_request(session.db, request_id, cal=session.calendar()).clocks
        label = index.siblingAtColumn(2).data().split(" (agency estimates")[0]
        clock = next(
            c
            for c in clocks
            if c.owed(TODAY) and str(c.due) == due and CLOCK_LABELS.get(c.key, c.label) == label
        )
        expected.append([f"Draft: {KINDS[k][1]}…" for k in next_steps(clock, TODAY)])
    assert len(rows) > 50
    monkeypatch.setattr(tracker, "view_request", lambda *a, **k: pytest.fail("read"))
    for index, wanted in zip(rows, expected, strict=True):
        table.scrollTo(index)
        table.customContextMenuRequested.emit(table.visualRect(index).center())
        menu = agenda.next_steps.menu
        assert [a.text() for a in menu.actions()] == wanted, index.siblingAtColumn(2).data()
        menu.close()


def _room(choice) -> int:
    """The width a closed drop-down has for its text, as the style lays it out."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    choice.initStyleOption(option)
    field = QStyle.SubControl.SC_ComboBoxEditField
    return choice.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, choice).width() - 2


def _every_choice(qtbot, choice):
    """Each choice of a drop-down in turn, as the arrow keys step through them."""
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Home)
    yield choice.currentText()
    for _ in range(choice.count() - 1):
        qtbot.keyClick(choice, Qt.Key.Key_Down)
        yield choice.currentText()


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_the_filters_show_each_case_and_choice_whole(qtbot, open_window, demo_copy, size):
    """Each case's name shows whole in the Case filter (one row of filters cut it to
    "IRS–ICE data-sha"), and so do the other filters' choices."""
    window = open_window(demo_copy)
    window.resize(*size)
    window.show_view(1)
    view = window.requests
    qtbot.wait(20)
    cases = list(_every_choice(qtbot, view.case_choice))
    assert CASE in cases and len(cases) == 5  # all cases, the demo's three, no case
    for choice in (view.case_choice, *view.choices):
        metrics = choice.fontMetrics()
        for text in _every_choice(qtbot, choice):
            if len(text) <= 24 or choice is view.case_choice:  # ("Glomar (neither confirm nor deny)")
                assert metrics.horizontalAdvance(text) <= _room(choice), (text, _room(choice))
    for choice in view.choices:
        for text in _every_choice(qtbot, choice):
            assert choice.shown_text() == text or len(text) > 24
    search = view.search
    placeholder = search.fontMetrics().horizontalAdvance(search.placeholderText())
    assert placeholder < search.width() - 16


def test_a_case_name_too_long_for_its_filter_keeps_its_start_and_end(qtbot, open_window, demo_copy):
    from sqlite_utils import Database

    from foiadesk.core.store.log import add_case

    name = (
        "Memoranda of understanding between the Department of Homeland Security and the Social "
        "Security Administration on verifying addresses (2025)"
    )
    db = Database(demo_copy)
    add_case(db, slug="dhs-ssa-addresses", name=name)
    db.close()
    window = open_window(demo_copy)
    window.resize(1366 - 16, 768 - 48)
    window.show_view(1)
    choice = window.requests.case_choice
    qtbot.wait(20)
    assert name in list(_every_choice(qtbot, choice))
    qtbot.keyClick(choice, Qt.Key.Key_Home)
    while choice.currentText() != name:
        qtbot.keyClick(choice, Qt.Key.Key_Down)
    choice.repaint()
    shown = choice.shown_text()
    start, end = shown.split("…")
    assert name.startswith(start) and name.endswith(end) and len(start) > 20 and len(end) > 20, shown
    assert choice.fontMetrics().horizontalAdvance(shown) <= _room(choice)
    assert choice.toolTip() == name


@pytest.mark.parametrize("size", [(1360, 860), (1366 - 16, 768 - 48)])
def test_every_column_of_the_list_shows_its_heading_whole(qtbot, open_window, demo_copy, size):
    """Scrolled to, each column's heading is whole beside the sort arrow ("Days outstanding"
    lost its first letter), and a column of dates shows its dates whole."""
    window = open_window(demo_copy)
    window.resize(*size)
    window.show_view(1)
    table, model = window.requests.table, window.requests.model
    header = table.horizontalHeader()
    metrics, arrow = header.fontMetrics(), 3 * header.fontMetrics().averageCharWidth()
    cut = [
        (title, header.sectionSize(column))
        for column, title in enumerate(model.HEADERS)
        if metrics.horizontalAdvance(title) + arrow > header.sectionSize(column)
    ]
    assert not cut
    for column in (model.DUE, model.FILED, model.RECEIVED):
        assert table.fontMetrics().horizontalAdvance("2026-12-31") + 8 < header.sectionSize(column)


def test_every_row_of_a_long_search_says_where_it_matched(qtbot, open_window, tmp_path):
    """Sorted newest first, the rows a user sees first are the highest request numbers:
    they say where the search matched, and so does the last row once scrolled to."""
    from sqlite_utils import Database

    from foiadesk.core.demo import write_demo

    path = tmp_path / "long.sqlite3"
    write_demo(path, requests=2100, seed=3, today=TODAY)
    db = Database(path)
    with write(db):
        db["notes"].insert_all(
            {"request_id": rid, "created_at": "2026-11-20", "body": f"Quokka ledger, box {rid}"}
            for rid in range(1, 2101)
        )
    db.close()
    window = open_window(path)
    window.find()
    table, model = window.requests.table, window.requests.model
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(model.ID) + header.sectionSize(model.ID) // 2
    while not (model.sort_key == "id" and model.descending):  # the # heading, newest first
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.keyClicks(window.requests.search, "quokka")
    qtbot.waitUntil(lambda: "  ·  note: " in model.index(0, model.TITLE).data())
    assert window.requests.count.text() == "2,100 requests"  # every one matched
    assert model.index(0, model.ID).data() == "2100"
    assert model.index(0, model.TITLE).data().endswith("  ·  note: [Quokka] ledger, box 2100")
    table.scrollToBottom()
    while model.canFetchMore():
        model.fetchMore()
    last = model.rowCount() - 1
    assert model.index(last, model.ID).data() == "1"
    assert model.index(last, model.TITLE).data().endswith("  ·  note: [Quokka] ledger, box 1")
