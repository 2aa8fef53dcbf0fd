"""The table models, checked by Qt's own model tester and through what they display."""

from datetime import timedelta

import pytest
from conftest import TODAY
from PySide6.QtCore import QItemSelectionModel, Qt

from foiadesk.core.listing import Filter
from foiadesk.core.tracker import view_request
from foiadesk.ui import table_model
from foiadesk.ui.agenda_model import AgendaModel
from foiadesk.ui.case_model import CaseGridModel
from foiadesk.ui.detail_models import ClocksModel, EventsModel
from foiadesk.ui.requests_model import ID_ROLE, RequestsModel
from foiadesk.ui.session import Session

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def session(qtbot, demo_copy, settings):
    session = Session(demo_copy, settings, today=lambda: TODAY)
    with qtbot.waitSignal(session.loaded, timeout=20_000):
        session.reload()
    yield session
    session.close()


def column(model, name):
    return model.HEADERS.index(name)


def test_requests_model_passes_the_model_tester(qtmodeltester, session):
    model = RequestsModel(session)
    qtmodeltester.check(model, force_py=True)
    model.sort(column(model, "Title"), Qt.SortOrder.DescendingOrder)
    model.set_filter(Filter(show="overdue"))
    qtmodeltester.check(model, force_py=True)


def test_requests_model_shows_the_next_deadline_and_tints_overdue_rows(session, qapp):
    model = RequestsModel(session)
    assert model.rowCount() == 120
    first = model.index(0, 0)
    request_id = first.data(ID_ROLE)
    nxt = view_request(session.db, request_id).next
    when = model.index(0, column(model, "When")).data(DISPLAY)
    assert model.index(0, column(model, "Due")).data(DISPLAY) == nxt.due.isoformat()
    assert when.endswith("overdue") and f"{(TODAY - nxt.due).days:,} day" in when
    base = qapp.palette().color(qapp.palette().ColorRole.Base)
    assert first.data(Qt.ItemDataRole.BackgroundRole) != base  # overdue rows are tinted
    last = model.index(model.rowCount() - 1, column(model, "Due"))
    assert last.data(DISPLAY) == "" and last.data(Qt.ItemDataRole.BackgroundRole) is None


def test_rows_arrive_a_chunk_at_a_time(session, monkeypatch):
    monkeypatch.setattr(table_model, "CHUNK", 50)
    model = RequestsModel(session)
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (50, 120, True)
    model.fetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (120, False)
    request_id = session.index.columns["id"][0]
    model.set_filter(Filter())
    assert model.row_of(int(request_id)) is not None


def test_the_selection_follows_its_request_when_the_order_changes(session):
    model = RequestsModel(session)
    selection = QItemSelectionModel(model)
    request_id = model.index(3, 0).data(ID_ROLE)
    selection.setCurrentIndex(model.index(3, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert selection.currentIndex().data(ID_ROLE) == request_id
    assert selection.currentIndex().row() == model.row_of(request_id)


def test_agenda_model(qtmodeltester, session):
    model = AgendaModel(session)
    qtmodeltester.check(model, force_py=True)
    dues = [model.index(r, 0).data(DISPLAY) for r in range(model.rowCount())]
    assert dues == sorted(dues) and dues
    assert str(TODAY - timedelta(days=90)) <= min(dues) and max(dues) <= str(TODAY + timedelta(days=30))
    model.set_view(owed_by="requester", horizon="all")
    qtmodeltester.check(model, force_py=True)
    assert {model.index(r, 2).data(DISPLAY) for r in range(model.rowCount())} == {"you"}
    font = model.index(0, 3).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()  # what the user owes stands out


def test_detail_models(qtmodeltester, session):
    view = view_request(session.db, int(session.index.columns["id"][0]))
    clocks, events = ClocksModel(), EventsModel()
    clocks.set_clocks(list(view.clocks), today=TODAY, soon_days=5)
    events.set_events(list(view.events), {})
    qtmodeltester.check(clocks, force_py=True)
    qtmodeltester.check(events, force_py=True)
    assert clocks.rowCount() == len(view.clocks) and events.rowCount() == len(view.events)
    assert events.index(0, 0).data(DISPLAY) == view.events[0].occurred_on.isoformat()
    response = next(c for c in view.clocks if c.key == "response")
    row = clocks.row_of("response")
    assert clocks.index(row, 1).data(DISPLAY).startswith(response.due.isoformat())


def test_case_grid_model(qtmodeltester, session):
    from foiadesk.core.casegrid import case_grid

    model = CaseGridModel()
    rows = case_grid(session.index, session.db, 1, today=TODAY)
    model.set_rows(rows, today=TODAY, soon_days=5)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows)
    assert model.index(0, 1).data(DISPLAY) == f"{rows[0].requests:,}"
