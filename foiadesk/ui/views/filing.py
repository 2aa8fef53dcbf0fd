"""Marking drafted requests as filed: every draft of the log waiting to be sent, and for
the one selected the date, the channel and the confirmation number the portal, fax or
email gave. Mark as filed opens the dialog that records the filing (the confirmation is
kept as a confirmation, never as the agency's tracking number), which starts its clocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from foiadesk.core.deadlines.events import CHANNELS
from foiadesk.core.errors import UserError
from foiadesk.core.letters.filing import choose_channel, how_to_send
from foiadesk.core.reference.directory import load_directory
from foiadesk.core.tracking.titles import list_office
from foiadesk.ui.dialogs.event import date_edit
from foiadesk.ui.models.requests import ID_ROLE
from foiadesk.ui.models.table import KeyedTableModel
from foiadesk.ui.session import Session
from foiadesk.ui.widgets import Table


class DraftsModel(KeyedTableModel):
    """The log's requests that are still drafts, by request number."""

    HEADERS = ("#", "Send to", "Title")

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        session.loaded.connect(self.reload)
        session.rows_changed.connect(self.reload)
        self.reload()

    def reload(self, *_args) -> None:
        self.set_keys(self.session.index.drafts().tolist())
        self.refresh_cells()

    def cell(self, request_id: int, column: int, role, _extra):
        index = self.session.index
        row = index.row_of(request_id)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            office = list_office(index.columns["component"][row])
            return (str(request_id), office, index.columns["title"][row])[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return index.columns["component_name"][row]
        if role == ID_ROLE:
            return request_id
        return None


class FilingPanel(QWidget):
    filed = Signal()  # a draft was marked as filed here

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = DraftsModel(session, self)
        self.table = Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Drafts waiting to be filed")
        self.table.set_widths({0: "99999", 1: "DHS Privacy"}, stretch=2)  # the longest short name
        self.table.set_placeholder("No drafts waiting: every drafted request has been marked as filed.")
        self.filed_on = date_edit(session.today())
        self.channel = QComboBox()
        for channel in CHANNELS:
            self.channel.addItem(channel.replace("_", " "), channel)
        self.confirmation = QLineEdit()
        self.confirmation.setPlaceholderText("what the portal, fax or email gave as confirmation")
        self.mark_button = QPushButton("&Mark as filed")
        self.mark_button.setToolTip("Log the filing of the selected draft; its deadlines start")
        self.portal_button = QPushButton("Po&rtal fields…")
        self.portal_button.setToolTip("The letter as the FOIA.gov form's fields, each with a Copy button")
        self.how = QLabel()  # where and how the selected draft is to be sent
        self.how.setWordWrap(True)
        self.how.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setMinimumHeight(self.note.fontMetrics().height() * 2)  # room kept: nothing jumps
        self.date_confirmed = False  # Enter files only once the date was changed or Enter'd there
        self.filed_on.dateChanged.connect(self._date_seen)
        intro = QLabel(
            "When you have sent a letter, mark it filed here (or later: drafts wait in this list, "
            "and in Requests under the status Draft). Its deadlines start from the filing."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.addRow("Date &sent", self.filed_on)
        form.addRow("&By", self.channel)
        form.addRow("Confirmation no.", self.confirmation)
        row = QHBoxLayout()
        row.addWidget(self.mark_button)
        row.addWidget(self.portal_button)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.how)
        layout.addLayout(form)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.model.modelReset.connect(self._chosen)
        self.model.layoutChanged.connect(self._keep_a_selection)
        self.mark_button.clicked.connect(self.mark_filed)
        self.portal_button.clicked.connect(self.portal_fields)
        self.table.activated.connect(lambda _index: self.mark_filed())  # Enter or a double click
        self.confirmation.returnPressed.connect(self._enter)
        self.filed_on.editingFinished.connect(self._date_entered)
        self._keep_a_selection()

    def _date_seen(self, *_args) -> None:
        self.date_confirmed = True

    def _date_entered(self) -> None:
        if self.filed_on.hasFocus() or self.window().focusWidget() is self.filed_on:
            self.date_confirmed = True

    def _enter(self) -> None:
        """Enter in the confirmation field files only once the filing date was confirmed."""
        if self.date_confirmed:
            self.mark_filed()
            return
        self.filed_on.setFocus()
        self.filed_on.selectAll()
        self.note.setText(
            f"Check the filing date: it says {self.filed_on.date().toPython()}. Change it, or "
            "press Mark as filed to file on that day."
        )

    def selected(self) -> int | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def select(self, request_id: int) -> None:
        row = self.model.row_of(request_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _keep_a_selection(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._chosen()

    def _chosen(self, *_args) -> None:
        """Say where the selected draft is to be sent, and offer that way of filing."""
        request_id = self.selected()
        self.mark_button.setEnabled(request_id is not None)
        self.portal_button.setEnabled(request_id is not None)
        self.how.clear()
        if request_id is None:
            return
        row = self.session.index.row_of(request_id)
        component = load_directory().component(self.session.index.columns["component"][row])
        if component is None:
            return
        on = self.filed_on.date().toPython()
        self.how.setText(how_to_send(component, on))
        chosen = choose_channel(component, on)
        if chosen is not None and chosen.kind in CHANNELS:
            self.channel.setCurrentIndex(self.channel.findData(chosen.kind))

    def mark_filed(self) -> None:
        """Open the Mark-as-filed dialog with this panel's date, channel and confirmation;
        it records the filing through the same core call as ``foiadesk log N filed``."""
        from foiadesk.ui.dialogs.filing import MarkFiledDialog

        request_id = self.selected()
        if request_id is None:
            return
        try:
            dialog = MarkFiledDialog(
                self.session,
                request_id,
                on=self.filed_on.date().toPython(),
                channel=self.channel.currentData(),
                confirmation=self.confirmation.text().strip(),
                parent=self,
            )
        except UserError as exc:
            return self.note.setText(str(exc))

        def done():
            self.confirmation.clear()
            self.date_confirmed = False
            self.note.setText(dialog.filed_text())
            self.filed.emit()

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def portal_fields(self) -> None:
        """The selected draft as the portal form's fields, to paste into the portal."""
        from foiadesk.ui.dialogs.filing import PortalFieldsDialog

        request_id = self.selected()
        if request_id is None:
            return
        try:
            dialog = PortalFieldsDialog(self.session, request_id, parent=self)
        except UserError as exc:
            return self.note.setText(str(exc))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.note.setText(str(error))
        else:
            self.session.failed.emit(error)
