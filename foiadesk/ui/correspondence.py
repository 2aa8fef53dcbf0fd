"""Correspondence in the window: exporting bundles, the list and a calendar, and
importing agency replies (picked or dropped).

``install(window)`` adds it all to a MainWindow after the window is built:

    install(self)        # the last line of MainWindow.__init__

It puts the menu entries into the window's existing "Log" and "Request" menus (found by
their titles), makes the window, the request list and the request detail take dropped
files, and follows the window to each log it opens. Everything it needs from the window
goes through ``WindowAccess``, whose look-ups are defensive: if the window lacks what one
expects, the user gets a message in the message bar instead of a crash.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from foiadesk.core.errors import UserError
from foiadesk.ui.drop import FileDrops
from foiadesk.ui.export_actions import Exporter
from foiadesk.ui.import_actions import Importer

IMPORT_SHORTCUT = "Ctrl+I"  # used only if nothing else in the window has it


def install(window: QMainWindow) -> None:
    """Add exports and reply imports to ``window`` (once; a second call does nothing)."""
    if controller(window) is None:
        Correspondence(window)


def controller(window: QMainWindow) -> Correspondence | None:
    """The installed controller (its ``exporter``, ``importer`` and ``actions``), if any."""
    return window.findChild(Correspondence, "correspondence")


class WindowAccess:
    """What the correspondence actions use of the window, each looked up when needed:

    - ``window.session``: the open log's Session (``db``, ``tasks``, ``index``, ``today()``,
      ``soon_days()``, ``calendar()``); None or ``db is None`` while no log is read;
    - ``window.banner.show_message(text, kind)`` and ``window.report(error)``: messages;
    - ``window.selected_request()``, else ``window.requests.current_request_id()``;
    - ``window.requests``: the Requests view, with ``current_filter()`` (a core.listing
      Filter), ``search`` (its QLineEdit), ``table`` and ``detail`` (whose ``request_id``
      is the request shown);
    - ``window.open_request(id)``, else ``window.requests.show_request(id)``;
    - ``window.status``: the status-bar label that says how far a long task is.
    """

    def __init__(self, window: QMainWindow):
        self.window = window

    # -- messages ----------------------------------------------------------------------------

    def show(self, text: str, kind: str = "error") -> None:
        banner = getattr(self.window, "banner", None)
        if banner is not None and hasattr(banner, "show_message"):
            banner.show_message(text, kind)
        else:
            self.window.statusBar().showMessage(text)

    def report(self, error: BaseException) -> None:
        report = getattr(self.window, "report", None)
        if callable(report):
            report(error)
        elif isinstance(error, UserError):
            self.show(str(error))
        else:
            self.show(f"Sorry, something went wrong inside FoiaDesk ({type(error).__name__}).")

    def set_status(self, text: str) -> None:
        status = getattr(self.window, "status", None)
        if status is not None and hasattr(status, "setText"):
            status.setText(text)

    # -- the log --------------------------------------------------------------------------------

    def session(self) -> Any:
        return getattr(self.window, "session", None)

    def ready_session(self) -> Any:
        """The session once its log has been read; otherwise None, after saying so."""
        session = self.session()
        if session is None or getattr(session, "db", None) is None:
            self.show("The log is still being read, or none is open; try again in a moment.", "info")
            return None
        return session

    # -- the views ------------------------------------------------------------------------------

    def requests_view(self) -> Any:
        return getattr(self.window, "requests", None)

    def detail(self) -> Any:
        return getattr(self.requests_view(), "detail", None)

    def selected_request(self) -> int | None:
        pick = getattr(self.window, "selected_request", None)
        if not callable(pick):
            pick = getattr(self.requests_view(), "current_request_id", None)
        try:
            value = pick() if callable(pick) else None
        except (AttributeError, RuntimeError):  # the views are being rebuilt
            return None
        return int(value) if value is not None else None

    def list_filter(self) -> tuple[Any, str] | None:
        """The Requests view's filter and its search text, or None (after saying why)."""
        view = self.requests_view()
        current = getattr(view, "current_filter", None)
        search = getattr(view, "search", None)
        if not callable(current) or not hasattr(search, "text"):
            self.show("This window cannot tell how the list is filtered, so the list was not exported.")
            return None
        return current(), search.text()

    def current_case_id(self) -> int | None:
        """The case the list is filtered to, else the selected request's case."""
        from foiadesk.core.tracking.listing import NONE

        view = self.requests_view()
        current = getattr(view, "current_filter", None)
        case_id = getattr(current(), "case_id", None) if callable(current) else None
        if case_id is not None and case_id != NONE:
            return int(case_id)
        session, request_id = self.session(), self.selected_request()
        if session is None or request_id is None:
            return None
        row = session.index.row_of(request_id)
        if row is None:
            return None
        case_id = int(session.index.columns["case_id"][row])
        return None if case_id == NONE else case_id

    def open_request(self, request_id: int) -> None:
        opener = getattr(self.window, "open_request", None)
        if not callable(opener):
            opener = getattr(self.requests_view(), "show_request", None)
        if callable(opener):
            opener(request_id)


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
                       "Read a reply (.eml, .msg, .pdf, .txt), review what it changes, then record it"),
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
        log_menu, request_menu = _menu(window, "Log"), _menu(window, "Request")
        if log_menu is None and request_menu is None:
            log_menu = window.menuBar().addMenu("&Correspondence")
        if log_menu is not None:
            group = [actions[k] for k in ("import", "bundle", "case", "list", "calendar")]
            _insert(log_menu, _before_quit(log_menu), group, separator=True)
        if request_menu is not None:
            after = _find(request_menu, "log event")
            _insert(request_menu, _next_action(request_menu, after), [actions["import"], actions["bundle"]])
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


def _title(text: str) -> str:
    return text.replace("&", "").strip().casefold()


def _menu(window: QMainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and _title(action.text()) == title.casefold():
            return action.menu()
    return None


def _find(menu: QMenu, words: str) -> QAction | None:
    return next((a for a in menu.actions() if _title(a.text()).startswith(words)), None)


def _next_action(menu: QMenu, action: QAction | None) -> QAction | None:
    actions = menu.actions()
    if action is None or action not in actions:
        return None
    i = actions.index(action) + 1
    return actions[i] if i < len(actions) else None


def _insert(menu: QMenu, before: QAction | None, actions: list[QAction], *, separator: bool = False) -> None:
    """Put ``actions`` above ``before`` (at the end if None), after a separator if asked."""
    if before is None:
        if separator:
            menu.addSeparator()
        menu.addActions(actions)
        return
    if separator:
        menu.insertSeparator(before)
    menu.insertActions(before, actions)


def _before_quit(menu: QMenu) -> QAction | None:
    """The separator above Quit (or Quit itself), so the new entries go above both."""
    actions = menu.actions()
    quit_shortcut = QKeySequence(QKeySequence.StandardKey.Quit)
    for i, action in enumerate(actions):
        if _title(action.text()).startswith("quit") or (
            not quit_shortcut.isEmpty() and action.shortcut() == quit_shortcut
        ):
            return actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else action
    return None
