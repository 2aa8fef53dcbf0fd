"""A search says where it matched after each title: at the default size and on a 1366×768
screen that text can be read in the list without scrolling or widening a column; once the
search is cleared the columns are as they were, the days left in view again."""

import pytest
from conftest import TODAY
from PySide6.QtCore import Qt

from foiadesk.core.store.db import write
from foiadesk.core.store.log import NewEvent, record_event
from foiadesk.ui.models.requests import RequestsModel

SIZES = [(1360, 860), (1366 - 16, 768 - 48)]  # on 1920×1080 and 1366×768


def visible_text(table, model, row):
    """The Title cell's text as the list draws it: cut with "…" where the column ends or the
    list's visible part does."""
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(RequestsModel.TITLE)
    width = min(header.sectionSize(RequestsModel.TITLE), table.viewport().width() - left)
    text = model.index(row, RequestsModel.TITLE).data()
    margin = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    return table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width - margin)


@pytest.mark.parametrize("size", SIZES)
def test_where_a_search_matched_can_be_read_in_the_list(qtbot, open_window, demo_copy, size):
    from sqlite_utils import Database

    db = Database(demo_copy)
    with write(db):
        body = "The liaison said the quokka spreadsheet went to the IRS on May 2."
        record_event(db, 7, NewEvent("note", TODAY, summary="Call", body=body), today=TODAY)
    db.close()
    window = open_window(demo_copy)
    window.resize(*size)
    window.find()
    view = window.requests
    table, model = view.table, view.model
    before = table.columnWidth(RequestsModel.TITLE)
    qtbot.keyClicks(view.search, "quokka")
    qtbot.waitUntil(lambda: model.total() == 1)
    shown = visible_text(table, model, 0)
    assert "  ·  event: The liaison said the [quokka] spread" in shown, shown

    view.search.clear()
    qtbot.waitUntil(lambda: model.total() > 1)
    assert table.columnWidth(RequestsModel.TITLE) == before
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(RequestsModel.WHEN) + header.sectionSize(RequestsModel.WHEN)
    assert right <= table.viewport().width()  # the days left are in view again


def test_a_search_left_on_at_closing_keeps_the_titles_own_width(qtbot, open_window, demo_copy):
    """The window remembers the last search and the column widths: the width a search gave
    the Title column is not what it remembers."""
    from sqlite_utils import Database

    db = Database(demo_copy)
    with write(db):
        db["notes"].insert({"request_id": 9, "created_at": "2026-11-25", "body": "Ask about the quokka memo"})
    db.close()
    window = open_window(demo_copy)
    window.resize(*SIZES[0])
    window.find()
    view = window.requests
    before = view.table.columnWidth(RequestsModel.TITLE)
    qtbot.keyClicks(view.search, "quokka")
    qtbot.waitUntil(lambda: view.model.total() == 1)
    assert view.table.columnWidth(RequestsModel.TITLE) > before
    window.close()

    again = open_window(demo_copy).requests
    assert again.search.text() == "quokka" and again.model.total() == 1
    again.search.clear()
    qtbot.waitUntil(lambda: again.model.total() > 1)
    assert again.table.columnWidth(RequestsModel.TITLE) == before
