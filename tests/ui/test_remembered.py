"""What the window remembers between runs (QSettings): its geometry, the splitters, the
column widths (and hidden columns), and the last filter of the list."""

from PySide6.QtCore import QSize


def test_layout_and_filter_are_kept(qtbot, open_window, demo_copy, settings):
    window = open_window(demo_copy)
    window.resize(760, 600)  # the test screen is 800×800
    requests = window.requests
    requests.splitter.setSizes([700, 380])
    requests.detail.parts.setSizes([300, 250])
    window.composer.split.setSizes([500, 560])
    header = requests.table.horizontalHeader()
    title = requests.model.HEADERS.index("Title")
    case = requests.model.HEADERS.index("Case")
    header.resizeSection(title, 333)
    header.setSectionHidden(case, True)
    window.agenda.table.header().resizeSection(2, 222)
    window.agenda.span.setCurrentIndex(window.agenda.span.findData(365))
    requests.set_filter(deadline="overdue", status="Processing")
    one = requests.model.index(0, 0).data()  # an overdue request being processed: its office and a word
    cols, row = window.session.index.columns, window.session.index.row_of(int(one))
    component, word = cols["component"][row], cols["title"][row].split()[0].lower()
    requests.set_filter(deadline="overdue", status="Processing", component=component, text=word)
    shown = requests.model.total()
    assert 0 < shown < 120
    splitter, parts, compose = (
        w.sizes() for w in (requests.splitter, requests.detail.parts, window.composer.split)
    )
    window.close()

    again = open_window(demo_copy)
    # as remembered, but for the demo log's note: a message takes a row of its own, and a
    # window already as short as its views allow grows by it rather than cover them
    assert again.size() == QSize(760, max(600, again.minimumSizeHint().height()))
    requests = again.requests
    assert requests.splitter.sizes() == splitter
    assert requests.detail.parts.sizes() == parts
    assert again.composer.split.sizes() == compose
    header = requests.table.horizontalHeader()
    assert header.sectionSize(title) == 333 and header.isSectionHidden(case)
    assert again.agenda.table.header().sectionSize(2) == 222
    assert again.agenda.span.currentData() == 365 and again.agenda.model.overdue_days == 365
    assert requests.deadline_choice.currentData() == "overdue"
    assert requests.status_choice.currentData() == "Processing"
    assert requests.component_choice.currentData() == component
    assert requests.search.text() == word
    assert requests.model.total() == shown  # applied, not only shown
    assert requests.count.text() == f"{shown:,} of 120 requests"


def test_a_case_filter_is_kept_by_name(qtbot, open_window, demo_copy):
    window = open_window(demo_copy)
    requests = window.requests
    case_id, name = next(iter(window.session.index.cases.items()))
    requests.set_filter(case_id=case_id)
    window.close()
    again = open_window(demo_copy)
    assert again.requests.case_choice.currentText() == name


def test_a_damaged_filter_is_ignored(qtbot, open_window, demo_copy, settings):
    settings.set("requests/filter", "{not json")
    window = open_window(demo_copy)
    assert window.requests.model.total() == 120
