"""The table models, checked by Qt's own model tester and through what they display."""

from datetime import date, timedelta

import pytest
from conftest import TODAY
from PySide6.QtCore import QItemSelectionModel, Qt

from foiadesk.core.tracking.listing import Filter
from foiadesk.core.tracking.tracker import view_request
from foiadesk.ui.models import table as table_model
from foiadesk.ui.models.agenda import AgendaModel
from foiadesk.ui.models.cases import CaseGridModel
from foiadesk.ui.models.detail import ClocksModel, EventsModel
from foiadesk.ui.models.requests import ID_ROLE, RequestsModel
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
    model.set_filter(Filter(deadline="overdue"))
    qtmodeltester.check(model, force_py=True)


def test_requests_model_shows_the_next_deadline_and_tints_what_is_overdue(session, qapp):
    model = RequestsModel(session)
    assert model.rowCount() == 120
    assert model.HEADERS == (
        "#", "Component", "Title", "Status", "Days left", "Next deadline · owed by", "Due",
        "Est. completion", "Case", "Tracking no.", "Filed", "Fees",
        "Received", "Days outstanding", "Open deadlines", "Tags",
    )  # fmt: skip
    first = model.index(0, 0)
    request_id = first.data(ID_ROLE)
    view = view_request(session.db, request_id)
    nxt = view.next
    when = model.index(0, column(model, "Days left"))
    assert model.index(0, column(model, "Due")).data(DISPLAY) == nxt.due.isoformat()
    assert when.data(DISPLAY).endswith("overdue") and f"{(TODAY - nxt.due).days:,} day" in when.data(DISPLAY)
    who = "agency" if nxt.owed_by == "agency" else "you"
    assert model.index(0, column(model, "Next deadline · owed by")).data(DISPLAY).endswith(f" · {who}")
    assert model.index(0, column(model, "Status")).data(DISPLAY) == view.status
    assert when.data(Qt.ItemDataRole.BackgroundRole) is not None  # the days are tinted …
    assert first.data(Qt.ItemDataRole.BackgroundRole) is None  # … not the whole row
    last = model.index(model.rowCount() - 1, column(model, "Due"))
    assert last.data(DISPLAY) == ""
    assert (
        model.index(model.rowCount() - 1, column(model, "Days left")).data(Qt.ItemDataRole.BackgroundRole)
        is None
    )


def test_every_column_sorts(session):
    model = RequestsModel(session)
    for col, title in enumerate(model.HEADERS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(col, order)
            shown = [model.index(r, col).data(DISPLAY) for r in range(model.rowCount())]
            filled = [s for s in shown if s]
            assert shown[: len(filled)] == filled, title  # empty cells last
    model.sort(column(model, "Fees"), Qt.SortOrder.DescendingOrder)
    top = model.index(0, column(model, "Fees")).data(DISPLAY)
    assert top.endswith("est.") or " est. · " in top
    model.sort(column(model, "Status"))
    statuses = [model.index(r, column(model, "Status")).data(DISPLAY) for r in range(model.rowCount())]
    assert statuses == sorted(statuses, key=str.casefold)


def test_fees_column(session):
    model = RequestsModel(session)
    cols = session.index.columns
    row = next(i for i in range(len(session.index)) if cols["fee_paid"][i] and cols["fee_estimate"][i] > 0)
    shown = model.index(model.row_of(int(cols["id"][row])), column(model, "Fees")).data(DISPLAY)
    paid, estimate = cols["fee_paid"][row] / 100, cols["fee_estimate"][row] / 100
    assert shown == f"${estimate:,.2f} est. · ${paid:,.2f} paid"


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


def test_agenda_model_groups_by_when_and_who(qtmodeltester, session):
    model = AgendaModel(session)
    qtmodeltester.check(model, force_py=True)
    headings = [model.index(r, 0).data(DISPLAY).split(" · ")[0] for r in range(model.rowCount())]
    assert headings == ["Overdue", "This week", "Next week", "Later"]
    week_end, next_end = date(2026, 11, 29), date(2026, 12, 6)  # TODAY is a Wednesday
    spans = {
        "overdue": (TODAY - timedelta(days=30), TODAY - timedelta(days=1)),
        "this_week": (TODAY, week_end),
        "next_week": (week_end + timedelta(days=1), next_end),
        "later": (next_end + timedelta(days=1), date.max),
    }
    from foiadesk.core.tracking.listing import CLOCK_LABELS, OWED_BY

    YOURS = {label for key, label in CLOCK_LABELS.items() if OWED_BY[key] == "requester"}  # noqa: N806
    seen = 0
    for when, (first, last) in spans.items():
        for owed_by, labels in (("requester", YOURS), ("agency", None)):
            group = model.group_index(when, owed_by)
            assert group.data(DISPLAY).startswith("You owe" if owed_by == "requester" else "Agencies owe")
            dues = [
                date.fromisoformat(model.index(r, 0, group).data(DISPLAY))
                for r in range(model.rowCount(group))
            ]
            assert all(first <= d <= last for d in dues), (when, owed_by)
            assert dues == sorted(dues, reverse=when == "overdue")  # the latest missed first
            kinds = {model.index(r, 2, group).data(DISPLAY) for r in range(model.rowCount(group))}
            if labels:
                assert kinds <= labels
            else:
                assert not kinds & YOURS
            seen += len(dues)
    assert seen == sum(model.count(w) for w in spans) > 0
    hidden, overdue = model.hidden, model.count("overdue")
    assert hidden > 0 and f"and {hidden:,} older" in model.index(0, 0).data(DISPLAY)
    model.set_overdue_days(0)  # everything overdue
    qtmodeltester.check(model, force_py=True)
    assert model.hidden == 0 and model.count("overdue") == overdue + hidden


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
    from foiadesk.core.tracking.casegrid import case_grid

    model = CaseGridModel()
    rows = case_grid(session.index, session.db, 1, today=TODAY)
    model.set_rows(rows, today=TODAY, soon_days=5)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows)
    assert model.index(0, 1).data(DISPLAY) == f"{rows[0].requests:,}"
