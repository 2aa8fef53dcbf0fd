"""The Agenda view: what is due across the log, grouped by when and by who owes it.
Enter or a double click opens the request. A log without requests shows the first
steps instead (``welcome.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.tracking.agenda import OWERS, WHEN
from foiadesk.ui.models.agenda import KIND_ROLE, OVERDUE_SPANS, AgendaModel
from foiadesk.ui.models.requests import ID_ROLE
from foiadesk.ui.session import Session, not_read
from foiadesk.ui.views.welcome import WelcomeView
from foiadesk.ui.widgets import DATE

EXPAND_UP_TO = 25  # a group of the agencies' deadlines longer than this starts folded
# What you owe starts open, unless a group is so long (a log of a million requests) that
# opening it would hold the window up: Qt asks for every row of a group it opens.
OPEN_UP_TO = 1_000  # (about 25 ms; five thousand held the window up for a tenth of a second)


class AgendaView(QWidget):
    open_request = Signal(int)
    said = Signal(str)  # a message for the window's message bar (a letter drafted)
    file_drafts = Signal()  # the drafts button: Compose's Mark as filed

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.span = QComboBox()
        for days, label in OVERDUE_SPANS.items():
            self.span.addItem(label, days)
        self.span.setAccessibleName("How far back overdue deadlines go")
        self.summary = QLabel()
        # Drafts have no deadline until they are filed: without this, an agenda of letters
        # drafted and not yet sent says nothing is to be done.
        self.drafts_button = QPushButton()
        self.drafts_button.setToolTip("Mark the letters you have sent as filed: their deadlines start then")
        self.drafts_button.hide()
        self.drafts_button.clicked.connect(self.file_drafts)
        self.model = AgendaModel(session, self)
        self.table = QTreeView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Agenda")
        self.table.setUniformRowHeights(True)
        self.table.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        self.table.setAllColumnsShowFocus(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setExpandsOnDoubleClick(False)  # a double click opens (see _activated)
        self.table.header().setStretchLastSection(False)
        self._set_widths()
        self.table.activated.connect(self._activated)
        self.table.expanded.connect(lambda index: self._remember(index, True))
        self.table.collapsed.connect(lambda index: self._remember(index, False))
        self._folded: dict[tuple[str, str], bool] = {}  # what the user opened or closed

        self.welcome = WelcomeView(session)
        agenda = QWidget()
        choices = QHBoxLayout()
        choices.addWidget(self.span)
        choices.addWidget(self.drafts_button)
        choices.addWidget(self.summary, 1)
        self.summary.setMinimumWidth(0)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box = QVBoxLayout(agenda)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(choices)
        box.addWidget(self.table, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(agenda)
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.span.currentIndexChanged.connect(lambda: self.model.set_overdue_days(self.span.currentData()))
        self._unarranged = False
        self._place = None  # the selected deadline while the rows are rebuilt
        self.model.modelAboutToBeReset.connect(
            lambda: setattr(self, "_place", self.model.place(self.table.currentIndex()))
        )
        self.model.modelReset.connect(self._arrange_when_shown)
        self.model.modelReset.connect(self._keep_place)
        session.when_loaded(self._loaded)
        session.rows_changed.connect(self._show_right_page)
        session.rows_changed.connect(self._count_drafts)
        session.failed.connect(lambda _error: self.session.db is None and self._arrange())  # not read
        self._arrange()
        from foiadesk.ui.views.filing_actions import AgendaNextSteps

        self.next_steps = AgendaNextSteps(self)  # right click: draft a deadline's next step

    def _set_widths(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.header()
        from datetime import date

        from foiadesk.core.tracking.listing import CLOCK_LABELS, deadline_label

        labels = [*CLOCK_LABELS.values(), deadline_label("response", date(2026, 12, 31))]  # with an estimate
        longest_label = max(labels, key=metrics.horizontalAdvance)  # never cut
        for column, sample in enumerate((DATE, "1,750 days overdue", longest_label, "99999", "DHS Privacy")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.table.setColumnWidth(0, self.table.columnWidth(0) + 2 * self.table.indentation())
        self.table.setColumnWidth(5, metrics.averageCharWidth() * 60)
        header.setSectionResizeMode(5, header.ResizeMode.Stretch)
        self.table.setColumnWidth(6, metrics.horizontalAdvance("Waiting on requester") + 16)

    def _fit_statuses(self) -> None:
        """Widen the status column to the log's longest status ("Glomar (neither confirm nor deny)")."""
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(s) for s in self.session.index.statuses()), default=0)
        if self.table.columnWidth(6) < widest + 16:
            self.table.setColumnWidth(6, widest + 16)

    # -- showing ----------------------------------------------------------------------------

    def _loaded(self) -> None:
        self._fit_statuses()
        self._show_right_page()
        if not self.table.currentIndex().isValid():
            first = self._first_deadline()
            if first.isValid():
                self.table.setCurrentIndex(first)

    def _show_right_page(self, *_args) -> None:
        empty = len(self.session.index) == 0 and self.session.db is not None
        self.stack.setCurrentWidget(self.welcome if empty else self.stack.widget(0))

    def is_welcome(self) -> bool:
        return self.stack.currentWidget() is self.welcome

    def _arrange_when_shown(self) -> None:
        """Opening thousands of rows costs a tenth of a second on a large log: a hidden
        agenda does it when it is next shown, not after every write."""
        if self.isVisible():
            self._arrange()
        else:
            self._unarranged = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._unarranged:
            self._unarranged = False
            self._arrange()

    def _arrange(self) -> None:
        """After the model is rebuilt: headings span the row; groups open or fold."""
        model = self.model
        for bucket, when in enumerate(WHEN):
            top = model.index(bucket, 0)
            self.table.setFirstColumnSpanned(bucket, top.parent(), True)
            self.table.setExpanded(top, True)
            for row, owed_by in enumerate(OWERS):
                group = model.index(row, 0, top)
                self.table.setFirstColumnSpanned(row, top, True)
                n = model.rowCount(group)
                default = 0 < n <= EXPAND_UP_TO or (owed_by == "requester" and 0 < n <= OPEN_UP_TO)
                self.table.setExpanded(group, self._folded.get((when, owed_by), default))
        self._count_drafts()
        overdue, week, next_week = (model.count(w) for w in WHEN[:3])
        older = f" (and {model.hidden:,} older)" if model.hidden else ""  # never "0 overdue" when there are
        self.summary.setText(f"{overdue:,} overdue{older} · {week:,} due this week · {next_week:,} next week")
        if self.session.db is None:
            self.summary.setText(not_read(self.session))
        self.summary.setToolTip(
            "Overdue deadlines are counted over the span chosen on the left. Your own deadlines "
            "(replies, appeals) are listed first in each group."
        )

    def _count_drafts(self, *_args) -> None:
        drafts = len(self.session.index.drafts()) if self.session.db else 0
        self.drafts_button.setText(f"{drafts:,} draft{'s' if drafts != 1 else ''} to mark as filed…")
        self.drafts_button.setVisible(drafts > 0)

    def _keep_place(self) -> None:
        """After a write the same deadline stays selected, so logging the next event from
        the agenda needs no new click."""
        place, self._place = self._place, None
        index = self.model.find(place) if place is not None else None
        if index is not None and index.isValid():
            self.table.setCurrentIndex(index)

    def _remember(self, index, is_open: bool) -> None:
        if index.data(KIND_ROLE) == "owed_by":
            when = WHEN[index.parent().row()]
            self._folded[(when, OWERS[index.row()])] = is_open

    def _first_deadline(self):
        for bucket in range(len(WHEN)):
            top = self.model.index(bucket, 0)
            for row in range(len(OWERS)):
                group = self.model.index(row, 0, top)
                if self.model.rowCount(group) and self.table.isExpanded(group):
                    return self.model.index(0, 0, group)
        return self.model.index(0, 0)

    def selected_request(self) -> int | None:
        return self.model.request_id(self.table.currentIndex())

    def _activated(self, index) -> None:
        request_id = index.siblingAtColumn(0).data(ID_ROLE)
        if request_id is not None:
            self.open_request.emit(request_id)
        else:
            self.table.setExpanded(
                index.siblingAtColumn(0), not self.table.isExpanded(index.siblingAtColumn(0))
            )
