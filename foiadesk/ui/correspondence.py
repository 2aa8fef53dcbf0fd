"""Correspondence in the window: exporting bundles, the list and a calendar, and
importing agency replies (picked or dropped).

``install(window)`` adds it all to a MainWindow after the window is built:

    install(self)        # the last line of MainWindow.__init__

It puts the menu entries in the places the window keeps for them in its Log and Request
menus, makes the window, the request list and the request detail take dropped files, and
follows the window to each log it opens. Everything it needs from the window goes through
``ui/window_access.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from foiadesk.ui.drop import FileDrops
from foiadesk.ui.export_actions import Exporter
from foiadesk.ui.import_actions import Importer
from foiadesk.ui.window_access import WindowAccess

IMPORT_SHORTCUT = "Ctrl+I"  # used only if nothing else in the window has it


def install(window: QMainWindow) -> None:
    """Add exports and reply imports to ``window`` (once; a second call does nothing)."""
    if controller(window) is None:
        Correspondence(window)


def controller(window: QMainWindow) -> Correspondence | None:
    """The installed controller (its ``exporter``, ``importer`` and ``actions``), if any."""
    return window.findChild(Correspondence, "correspondence")


class Correspondence(QObject):
    """The exports, the imports and the drops of one window, re-bound to each log it opens."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("correspondence")
        self.access = WindowAccess(window)
        self.exporter = Exporter(self.access, self)
        self.importer = Importer(self.access, self)
        self.drops = FileDrops(self)
        self.drops.dropped.connect(self.importer.files_dropped)
        self.actions = self._make_actions()
        self._bound = None
        self.drops.watch(window, lambda _point: None)  # not on a request: matched by tracking number
        opened = getattr(window, "log_opened", None)
        if opened is not None:
            opened.connect(self._log_opened)
        if self.access.session() is not None:
            self._bind()

    # -- menus --------------------------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        window = self.access.window
        specs = {
            "import": ("&Import agency reply…", self.importer.pick,
                       "Read a reply (.eml, .msg, .pdf, .docx, .txt), review its changes, then record it"),
            "bundle": ("Export &evidence bundle…", lambda: self.exporter.evidence_bundle(),
                       "The selected request's letters, replies, index and manifest in one ZIP"),
            "case": ("Export &case bundle…", lambda: self.exporter.case_bundle(),
                     "Every request of a case in one ZIP, with a case index"),
            "list": ("Export &list (CSV/XLSX)…", self.exporter.list_export,
                     "The requests the list shows, with its filter, as a spreadsheet"),
            "calendar": ("Export calen&dar (.ics)…", self.exporter.calendar,
                         "Every open deadline, yours and the agencies', for your calendar"),
        }  # fmt: skip
        actions = {}
        for key, (text, slot, tip) in specs.items():
            action = QAction(text, self)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            actions[key] = action
        shortcut = QKeySequence(IMPORT_SHORTCUT)
        taken = any(a.shortcut() == shortcut for a in window.findChildren(QAction))
        if not taken:
            actions["import"].setShortcut(shortcut)
        # The window keeps a place for them in its Log menu (above Quit) and its Request
        # menu (below Log event).
        group = [actions[k] for k in ("import", "bundle", "case", "list", "calendar")]
        window.log_bar_menu.insertActions(window.log_exports_place, [*group, _separator(self)])
        window.request_bar_menu.insertActions(
            window.request_replies_place, [actions["import"], actions["bundle"]]
        )
        return actions

    # -- following the window's log ---------------------------------------------------------------

    def _log_opened(self) -> None:
        self.importer.cancel()
        self._bind()

    def _bind(self) -> None:
        """Connect to the session's tasks and take drops on the new views."""
        session = self.access.session()
        if session is None or session is self._bound:
            return
        self._bound = session
        tasks = getattr(session, "tasks", None)
        if tasks is not None:
            tasks.progressed.connect(self.exporter.progressed)  # after the window's own handler
            tasks.ended.connect(self.exporter.ended)
        detail = self.access.detail()
        if detail is not None:  # anywhere on the request shown, its notes editor included

            def shown(_point: QPoint) -> int | None:
                return getattr(detail, "request_id", None)

            self.drops.watch(detail, shown)
            for child in detail.findChildren(QWidget):
                if child.acceptDrops():  # text boxes would take a file's path as text
                    self.drops.watch(child, shown)
        table = getattr(self.access.requests_view(), "table", None)
        if table is not None and hasattr(table, "viewport"):
            viewport = table.viewport()
            self.drops.watch(viewport, lambda point: _request_at(table, point))


def _request_at(table, point: QPoint) -> int | None:
    index = table.indexAt(point)
    value = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
    return int(value) if isinstance(value, int) else None


def _separator(parent: QObject) -> QAction:
    separator = QAction(parent)
    separator.setSeparator(True)
    return separator
