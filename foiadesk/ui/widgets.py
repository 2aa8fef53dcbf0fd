"""Small widgets the views share: the message bar, a table that says when it is empty, a
drop-down that shortens a long choice with "…", and the guard that keeps the mouse wheel
from changing fields the user is only scrolling past."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QToolButton,
)

from foiadesk.ui.look import tint

DATE = "2026-12-31"  # sample text for a date column's width


class MessageBar(QFrame):
    """A message in a row of its own below the views, above the status bar: a long one
    wraps and takes the lines it needs from the view above, so it never covers what a view
    shows (floating over the views, a three-line message hid the agenda's counts; a window
    already as short as its views allow grows by the row instead), and showing or hiding it
    moves nothing at the top of a view. Kinds: "error" and "note" stay until dismissed,
    "info" leaves by itself. Never modal, never a traceback."""

    INFO_MS = 6000

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=self.INFO_MS)
        self._timer.timeout.connect(self.hide)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error", *, until=()) -> None:
        """``until``: signals after which the message no longer holds (it says what the
        list shows, and the user changed the list): the first one takes it away."""
        self.kind = kind
        self.text.setText(text)
        system = QGuiApplication.palette()
        palette = self.palette()
        palette.setColor(
            QPalette.ColorRole.Window,
            tint(system, "overdue") if kind == "error" else system.color(QPalette.ColorRole.AlternateBase),
        )
        self.setPalette(palette)
        self.show()
        if kind == "info":
            self._timer.start()
        else:
            self._timer.stop()
        stale = self._stale_after(text, until)
        for signal in until:
            signal.connect(stale)

    def _stale_after(self, text: str, signals):
        def stale(*_args) -> None:
            for signal in signals:
                signal.disconnect(stale)
            if self.text.text() == text:
                self.hide()

        return stale


class Table(QTableView):
    """A read-only, row-selecting table with a placeholder for when it has no rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves for the next control: rows are picked whole
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self._placeholder = ""

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def paintEvent(self, event):
        super().paintEvent(event)
        model = self.model()
        if self._placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            painter.end()

    def set_widths(self, widths: dict[int, int | str], *, stretch: int | None = None) -> None:
        """Column widths as a number of average characters or a sample text (so they
        follow the system font), never narrower than the heading; ``stretch`` takes
        the room left over."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        model = self.model()
        for column, size in widths.items():
            text = size if isinstance(size, str) else "n" * size
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            heading = header.fontMetrics().horizontalAdvance(title) + 3 * metrics.averageCharWidth()
            self.setColumnWidth(column, max(metrics.horizontalAdvance(text), heading) + 16)
        if stretch is not None:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class ElidedChoice(QComboBox):
    """A drop-down as wide as its longest choice (up to ``CHOICE_CHARS`` characters) when
    there is room; narrower, it shows its choice shortened with "…" (in the middle for
    names told apart by their start and their end, such as a case's) and whole in its
    tooltip. The open list shows every choice whole. (Qt's own cut a case's name off
    mid-word: "IRS–ICE data-sha".)"""

    CHOICE_CHARS = 24
    LEAST_CHARS = 6

    def __init__(self, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight, parent=None):
        super().__init__(parent)
        self.elide = elide
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._say_whole)

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def room(self) -> int:
        """The width the closed drop-down has for its text."""
        field = QStyle.SubControl.SC_ComboBoxEditField
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, self._option(), field, self)
        return rect.width() - 2  # the style draws the text a pixel in from each side

    def shown_text(self) -> str:
        """The text the closed drop-down shows."""
        return self.fontMetrics().elidedText(self.currentText(), self.elide, self.room())

    def width_for(self, text_width: int) -> int:
        """The drop-down's width with ``text_width`` pixels for its text."""
        content = QSize(text_width + 2, self.fontMetrics().height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, self._option(), content, self)
        return size.width()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        wanted = min(longest, metrics.averageCharWidth() * self.CHOICE_CHARS)
        return QSize(self.width_for(wanted), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        least = self.fontMetrics().averageCharWidth() * self.LEAST_CHARS
        return QSize(self.width_for(least), super().minimumSizeHint().height())

    def _say_whole(self) -> None:
        """A shortened choice is whole in the tooltip (after a new choice or a new width)."""
        self.setToolTip(self.currentText() if self.shown_text() != self.currentText() else "")

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._say_whole()

    def paintEvent(self, _event):
        option = self._option()
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class WheelGuard(QObject):
    """The wheel changes a spin box, date or drop-down only once it has the keyboard focus;
    otherwise it scrolls what is around it. (A user scrolling the Compose form turned a
    $25.00 fee cap into $28.00 and a 2026 letter date into 2029.)"""

    GUARDED = (QAbstractSpinBox, QComboBox)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, self.GUARDED):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        elif kind == QEvent.Type.Wheel and isinstance(watched, self.GUARDED) and not watched.hasFocus():
            event.ignore()  # Qt passes an ignored wheel event on to the parent
            return True
        return False


def guard_the_wheel() -> None:
    """Install the WheelGuard on the application, once."""
    app = QApplication.instance()
    if app is not None and app.property("wheel_guard") is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app.setProperty("wheel_guard", True)


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """A dialog's OK and Cancel buttons, OK named for what it does ("Add request")."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
