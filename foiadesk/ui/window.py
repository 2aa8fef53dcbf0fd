"""The main window: five views in tabs, the menus and shortcuts, the message bar and the
status bar (with progress and Stop for long work). It wires views to the session and
hands what dialogs return to the background tasks; the views do the rest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.crashlog import log_bug
from ..core.db import backup
from ..core.details import requesters
from ..core.errors import UserError
from ..core.log import events_for
from .agenda_view import AgendaView
from .calculator import CalculatorDialog
from .case_dialog import CaseDialog
from .cases_view import CasesView
from .composer import ComposerView
from .event_dialog import EventDialog
from .request_dialog import RequestDialog
from .requests_view import RequestsView
from .session import Session
from .settings import VIEWS, Settings
from .settings_view import SettingsView
from .tasks import Cancelled
from .widgets import MessageBar

SHORTCUTS = (
    ("Ctrl+N", "New request"),
    ("Ctrl+L", "Log an event on the selected request"),
    ("Ctrl+F", "Search requests"),
    ("Ctrl+1 … Ctrl+5", "Agenda, Requests, Cases, Compose, Settings"),
    ("Ctrl+D", "Deadline calculator"),
    ("F5", "Read the log again"),
    ("Ctrl+O", "Open another log"),
    ("Ctrl+B", "Back up now"),
    ("Esc", "Stop a long task"),
    ("Enter", "Open the selected deadline's request (Agenda and Cases)"),
)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, log_path: Path, *, today: Callable[[], date] = date.today):
        super().__init__()
        self.settings = settings
        self._today = today
        self.session: Session | None = None
        self.dialog = None  # the open dialog, if any (kept so it is not collected)
        self.setWindowTitle("FoiaDesk")
        self.banner = MessageBar()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop this task (Esc)")
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.stop_button)
        self.progress.hide()
        self.stop_button.hide()
        self._make_actions()
        screen = self.screen().availableGeometry()
        self.resize(min(1360, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        geometry = settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.open_log(log_path)
        self.show_view(VIEWS.index(settings.get("start_view")))

    # -- actions --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(menu, text, slot, shortcut=None):
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        bar = self.menuBar()
        log = bar.addMenu("&Log")
        action(log, "&Open another log…", self.choose_log, "Ctrl+O")
        action(log, "Start a &new log…", self.choose_new_log)
        action(log, "&Back up now", self.back_up, "Ctrl+B")
        log.addSeparator()
        action(log, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        request = bar.addMenu("&Request")
        action(request, "&New request…", self.new_request, "Ctrl+N")
        action(request, "&Log event…", self.log_event_on_selected, "Ctrl+L")
        action(request, "&Find…", self.find, "Ctrl+F")
        request.addSeparator()
        action(request, "&Deadline calculator…", self.show_calculator, "Ctrl+D")
        view = bar.addMenu("&View")
        for number, name in enumerate(("&Agenda", "&Requests", "&Cases", "C&ompose", "&Settings"), 1):
            action(view, name, lambda _=False, n=number - 1: self.show_view(n), f"Ctrl+{number}")
        view.addSeparator()
        action(view, "Read the log &again", self.reload, "F5")
        self.stop_action = action(view, "S&top the long task", self.stop, "Esc")
        self.stop_action.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        help_menu = bar.addMenu("&Help")
        action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")

    def show_view(self, number: int) -> None:
        """Switch view and put the keyboard where work starts in it."""
        self.tabs.setCurrentIndex(number)
        first = (self.agenda.table, self.requests.table, self.cases.case, self.composer.pack)
        (first[number] if number < len(first) else self.tabs.currentWidget()).setFocus()

    def find(self) -> None:
        self.show_view(1)
        self.requests.focus_search()

    def show_calculator(self) -> None:
        """Non-modal: it can stay open beside the list."""
        self.calculator = CalculatorDialog(self.session.today(), self.settings.get("skip_closures"), self)
        self.calculator.show()

    def show_shortcuts(self) -> None:
        self.banner.show_message("   ·   ".join(f"{keys}: {what}" for keys, what in SHORTCUTS), kind="note")

    # -- the open log ---------------------------------------------------------------------

    def open_log(self, path: Path) -> None:
        """Close the current log (if any) and open ``path``, building the views on it."""
        current = self.tabs.currentIndex()
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        old_views = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for view in old_views:  # they belong to the old log; clear() only hides them
            view.deleteLater()
        session = Session(Path(path), self.settings, today=self._today, parent=self)
        self.session = session
        self.agenda = AgendaView(session)
        self.requests = RequestsView(session)
        self.cases = CasesView(session)
        self.composer = ComposerView(session, self.cases.packs())
        self.settings_view = SettingsView(self.settings, session.path)
        for widget, label in (
            (self.agenda, "Agenda"),
            (self.requests, "Requests"),
            (self.cases, "Cases"),
            (self.composer, "Compose"),
            (self.settings_view, "Settings"),
        ):
            self.tabs.addTab(widget, label)
        self.composer.logged.connect(self._drafts_logged)
        self.agenda.open_request.connect(self.open_request)
        self.cases.open_requests.connect(self.open_case_component)
        self.cases.new_case_requested.connect(self.new_case)
        self.requests.log_event_requested.connect(self.log_event)
        self.settings_view.open_log.connect(self.choose_log)
        self.settings_view.new_log.connect(self.choose_new_log)
        self.settings_view.back_up.connect(self.back_up)
        splitter = self.settings.get("window/splitter")
        if not splitter.isEmpty():
            self.requests.splitter.restoreState(splitter)
        session.failed.connect(self.report)
        session.loaded.connect(self._loaded)
        session.tasks.started.connect(self._task_started)
        session.tasks.progressed.connect(self._task_progressed)
        session.tasks.ended.connect(self._task_ended)
        self.setWindowTitle(f"FoiaDesk — {session.path.name}")
        self.status.setText(f"Opening {session.path}…")
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        session.reload()

    def _loaded(self) -> None:
        self.status.setText(str(self.session.path))

    def reload(self) -> None:
        self.session.reload()

    def choose_log(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open a FoiaDesk log",
            str(self.session.path.parent),
            "FoiaDesk logs (*.sqlite3 *.db);;All files (*)",
        )
        if name:
            self._switch_to(Path(name))

    def choose_new_log(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Start a new log",
            str(self.session.path.parent / "foiadesk.sqlite3"),
            "FoiaDesk logs (*.sqlite3)",
        )
        if name:
            self._switch_to(Path(name))

    def _switch_to(self, path: Path) -> None:
        self.settings.set("database", str(path))
        self.open_log(path)

    def back_up(self) -> None:
        self.session.tasks.read(
            "Backing up",
            lambda db, _progress: backup(db),
            on_done=lambda dest: self.banner.show_message(f"Backed up to {dest}", kind="info"),
            cancellable=False,
        )

    # -- requests and events ----------------------------------------------------------------

    def open_request(self, request_id: int) -> None:
        self.tabs.setCurrentWidget(self.requests)
        self.requests.show_request(request_id)
        self.requests.table.setFocus()

    def open_case_component(self, case_id: int, component: str) -> None:
        self.tabs.setCurrentWidget(self.requests)
        self.requests.set_filter(case_id=case_id, component=component)
        self.requests.table.setFocus()

    def selected_request(self) -> int | None:
        if self.tabs.currentWidget() is self.agenda:
            index = self.agenda.table.currentIndex()
            if index.isValid():
                return self.agenda.model.request_id(index.row())
        return self.requests.current_request_id()

    def new_request(self) -> None:
        if self.session.db is None:
            return self._not_open()
        dialog = RequestDialog(self.session.index.cases, requesters(self.session.db), self)
        dialog.accepted.connect(lambda: self._add_request(dialog.draft()))
        self._show_dialog(dialog)

    def _add_request(self, draft) -> None:
        def added(changes):
            self.open_request(changes.new_id)
            self.banner.show_message(
                f"Added request #{changes.new_id}. Press Ctrl+L to log its filing.", "info"
            )

        self.session.tasks.write("Adding the request", draft.save, on_done=added)

    def new_case(self) -> None:
        dialog = CaseDialog(self.cases.packs(), self)
        dialog.accepted.connect(lambda: self._add_case(dialog.draft()))
        self._show_dialog(dialog)

    def _add_case(self, draft) -> None:
        def added(changes):
            self.tabs.setCurrentWidget(self.cases)
            self.cases.show_case(changes.new_id)
            self.banner.show_message(f"Added the case “{draft.name}”.", "info")

        self.session.tasks.write("Adding the case", draft.save, on_done=added)

    def _drafts_logged(self, changes) -> None:
        ids = sorted(changes.request_ids)
        case_id = self.session.index.columns["case_id"][self.session.index.row_of(ids[0])]
        self.requests.set_filter(case_id=int(case_id))
        self.open_request(ids[0])
        self.banner.show_message(
            f"Saved and logged {len(ids)} drafted request{'s' if len(ids) != 1 else ''} "
            f"(#{ids[0]}–#{ids[-1]}). Log each filing (Ctrl+L) when you send it.",
            "info",
        )

    def log_event_on_selected(self) -> None:
        request_id = self.selected_request()
        if request_id is None:
            return self.banner.show_message("Select a request first (Ctrl+2 shows the list).", "info")
        self.log_event(request_id)

    def log_event(self, request_id: int) -> None:
        if self.session.db is None:
            return self._not_open()
        row = self.session.index.row_of(request_id)
        title = self.session.index.columns["title"][row] if row is not None else ""
        history = events_for(self.session.db, request_id)
        dialog = EventDialog(request_id, title, history, today=self.session.today(), parent=self)
        dialog.accepted.connect(lambda: self._log(dialog.draft()))
        self._show_dialog(dialog)

    def _log(self, draft) -> None:
        label = draft.event.summary or draft.event.type
        self.session.tasks.write(
            "Logging the event",
            draft.save,
            on_done=lambda _c: self.banner.show_message(f"Logged “{label}” on #{draft.request_id}.", "info"),
        )

    def _not_open(self) -> None:
        if self.session.is_loading:
            self.banner.show_message("The log is still being read; try again in a moment.", "info")
        else:
            self.banner.show_message("No log is open. Open one with Ctrl+O, or start a new one.")

    def _show_dialog(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- long work and errors -------------------------------------------------------------------

    def _task_started(self, task) -> None:
        self.status.setText(f"{task.label}…")
        if task.cancellable:
            self.progress.setRange(0, 0)
            self.progress.show()
            self.stop_button.show()
            self.stop_action.setEnabled(True)

    def _task_progressed(self, task, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(f"{task.label}: {done:,} of {total:,}")

    def _task_ended(self, _task) -> None:
        if self.session.tasks.busy():
            return
        self.progress.hide()
        self.stop_button.hide()
        self.stop_action.setEnabled(False)
        if self.session.db is not None:
            self._loaded()
        else:
            self.status.clear()

    def stop(self) -> None:
        self.session.tasks.cancel_all()

    def report(self, error: BaseException) -> None:
        """Show an error: the user's own words for a UserError, an apology for a bug."""
        if isinstance(error, Cancelled):
            self.banner.show_message("Stopped. Press F5 to read the log again.", "info")
        elif isinstance(error, UserError):
            self.banner.show_message(str(error))
        else:
            path = log_bug(error)
            self.banner.show_message(
                "Sorry, something went wrong inside FoiaDesk. Your log is safe: every saved "
                f"change is kept. The details were written to {path}."
            )

    def closeEvent(self, event) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/splitter", self.requests.splitter.saveState())
        self.settings.sync()
        if self.session is not None:
            self.session.close()
        super().closeEvent(event)
