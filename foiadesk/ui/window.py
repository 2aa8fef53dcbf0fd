"""The main window: five views in tabs, the menus and shortcuts, the message bar and the
status bar (with progress and Stop for long work). It wires views to the session; what
it does with the log is in ``window_actions.py``.

Start-up is in two steps so the window is on screen at once: the frame (menus, tabs,
status bar) needs only Qt; opening the log builds the views and imports what reads the
log and drafts letters (numpy, sqlite-utils, docxtpl), which takes longer. ``start_later``
opens the log just after the frame is first painted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from foiadesk.ui.settings import VIEWS, Settings
from foiadesk.ui.tasks import WithoutLog
from foiadesk.ui.widgets import MessageBar, guard_the_wheel
from foiadesk.ui.window_actions import LogActions

TAB_LABELS = ("Agenda", "Requests", "Cases", "Compose", "Settings")
FIRST_FOCUS = {0: "table", 1: "table", 2: "case", 3: "pack", 4: "profiles"}  # where work starts in each view
FIRST_PAINT_WAIT_MS = 500


class MainWindow(LogActions, QMainWindow):
    log_opened = Signal()  # a log was opened: ``session`` and the views are new

    def __init__(
        self,
        settings: Settings,
        log_path: Path,
        *,
        today: Callable[[], date] = date.today,
        start_later: bool = False,
        ask_if_missing: bool = False,
    ):
        """``ask_if_missing``: ``log_path`` was named (--db, $FOIADESK_DB, the log used last),
        so if there is no log there the user is asked before a new one is started."""
        super().__init__()
        self.settings = settings
        self._today = today
        self.session = None  # a Session, once the log is opened
        # What else can be done next with a request, offered in its right-click menu:
        # functions request id → [(menu text, action)]: the letters its open deadlines call
        # for, and what other parts of the window add.
        self.next_steps: list[Callable[[int], list[tuple[str, Callable[[], None]]]]] = [self._letters_due]
        self._menu = None
        self.dialog = None  # the open dialog, if any (kept so it is not collected)
        self.calculator = None  # the deadline calculator, once opened
        self.without_log = None  # work under way while no log is open (a restore), if any
        self.setWindowTitle("FoiaDesk")
        guard_the_wheel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._view)  # a view is built when first shown
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs, 1)
        self.banner = MessageBar()  # below the views: it takes its own room, never a view's
        layout.addWidget(self.banner)
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
        self.resize(min(1360, screen.width() - 16), min(860, screen.height() - 48))
        geometry = settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._fit_on_screen()
        self._first_load = True
        self._start_view = 0  # the view the window opened on (see _start)
        self._looked_at = None  # the session whose log was checked for being a demo
        self._log_path = Path(log_path)
        self._ask_if_missing = ask_if_missing
        self.missing: QMessageBox | None = None  # the question about a named log that is not there
        if start_later:
            for label in TAB_LABELS:  # the frame as it will look, until the views are built
                self.tabs.addTab(QLabel(f"Opening {self._log_path.name}…"), label)
            self._painted = FirstPaint(self.tabs.tabBar(), lambda: QTimer.singleShot(0, self._start))
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._start)  # in case it is never painted
        else:
            self._start()

    def _start(self) -> None:
        if self.session is not None or self.missing is not None:
            return
        if self._ask_if_missing and not self._log_path.exists():
            return self._ask_about_missing(self._log_path)
        self._open_first(self._log_path)

    def _open_first(self, path: Path) -> None:
        from foiadesk.ui.correspondence import install  # after the first paint: it costs ~0.3 s to import

        self.open_log(path)
        install(self)
        self.show_view(VIEWS.index(self.settings.get("start_view")))
        self._start_view = self.tabs.currentIndex()  # until the user goes to another view

    def _ask_about_missing(self, path: Path, problem: str = "") -> None:
        """The log FoiaDesk was told to open is not there (a mistyped path, a moved file): a
        new, empty log there would look as if the requests were gone. The user chooses to
        start one there, to open another log, or to quit; nothing is written until then."""
        from foiadesk.core.store.db import backups_dir
        from foiadesk.core.store.restore import backup_files

        kept = len(backup_files(path))
        for index in range(self.tabs.count()):
            if isinstance(label := self.tabs.widget(index), QLabel):
                label.setText(f"There is no log at {path}.")
        box = self.missing = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("No log there")
        box.setText(f"There is no log at {path}.")
        backups = (
            f"{kept} backup{'s' if kept != 1 else ''} of it {'are' if kept != 1 else 'is'} kept in "
            f"{backups_dir(path)}: start a new log there, then Log › Restore a backup… puts "
            f"{'one' if kept != 1 else 'it'} back."
            if kept
            else "Check the path: a new log started there is empty (your requests are not in it)."
        )
        box.setInformativeText((f"{problem}\n\n" if problem else "") + backups)
        start = box.addButton("&Start a new log there", QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton("&Open another log…", QMessageBox.ButtonRole.ActionRole)
        box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(other)

        def answered(button) -> None:
            self.missing = None
            box.deleteLater()
            if button is start:
                return self._open_first(path)
            if button is not other:
                return QTimer.singleShot(0, self.close)
            from foiadesk.core.store.db import cannot_open

            name, _ = QFileDialog.getOpenFileName(
                self,
                "Open a FoiaDesk log",
                str(path.parent if path.parent.is_dir() else Path.home()),
                "FoiaDesk logs (*.sqlite3 *.db);;All files (*)",
            )
            if not name:
                return self._ask_about_missing(path)
            chosen = Path(name)
            why = cannot_open(chosen) if chosen.exists() else f"There is no log at {chosen} either."
            if why:
                return self._ask_about_missing(path, why)
            self._open_first(chosen)

        box.buttonClicked.connect(answered)
        box.open()

    # -- actions --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(menu, text, slot, shortcut=None):
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            if slot == self.close:
                act.triggered.connect(lambda _checked=False: self.close())
            else:  # in the moment before the log is open there is nothing to act on
                act.triggered.connect(lambda _=False: slot() if self.session is not None else None)
            menu.addAction(act)
            return act

        bar = self.menuBar()
        log = bar.addMenu("&Log")
        action(log, "&Open another log…", self.choose_log, "Ctrl+O")
        action(log, "Start a &new log…", self.choose_new_log)
        action(log, "&Back up now", self.back_up, "Ctrl+B")
        action(log, "&Restore a backup…", self.restore_backup)
        log.addSeparator()
        # Import and the exports (ui/correspondence.py) go here, above Quit, once installed.
        self.log_bar_menu, self.log_exports_place = (
            log,
            action(log, "&Quit", self.close, QKeySequence.StandardKey.Quit),
        )
        request = bar.addMenu("&Request")
        action(request, "&New request…", self.new_request, "Ctrl+N")
        action(request, "&Log event…", self.log_event_on_selected, "Ctrl+L")
        # Import agency reply and Export evidence bundle go here, below Log event.
        self.request_bar_menu, self.request_replies_place = (
            request,
            action(request, "&Find…", self.find, "Ctrl+F"),
        )
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

    def _fit_on_screen(self) -> None:
        """Within the screen's free area, whatever was remembered (another, larger monitor)."""
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), screen.width() - extra_w)
        height = min(self.height(), screen.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(frame.x(), screen.x()), screen.right() - width - extra_w)
        y = min(max(frame.y(), screen.y()), screen.bottom() - height - extra_h)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown", False):  # the frame's size is known once shown
            self._shown = True
            self._fit_on_screen()

    def changeEvent(self, event) -> None:
        """Coming back to the window the next morning: catch up with the date at once,
        not at the session's next minute."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.session:
            self.session.check_day()

    def show_view(self, number: int) -> None:
        """Switch view and put the keyboard where work starts in it."""
        if self.session is None:
            return
        self.tabs.setCurrentIndex(number)
        view = self._view(number)
        if number == 0 and view.is_welcome():
            view.welcome.profile_button.setFocus()
        else:
            (getattr(view, FIRST_FOCUS[number]) if number in FIRST_FOCUS else view).setFocus()

    def show_drafts_to_file(self) -> None:
        """Compose's Mark as filed, the keyboard in its list of drafts."""
        self.show_view(3)
        composer = self.composer
        composer.steps.setCurrentWidget(composer.filing)
        composer.filing.table.setFocus()

    def find(self) -> None:
        self.show_view(1)
        self.requests.focus_search()

    def show_calculator(self) -> None:
        """Non-modal: it can stay open beside the list (Ctrl+D again brings it forward)."""
        from foiadesk.ui.dialogs.calculator import CalculatorDialog

        if self.calculator is None or not self.calculator.isVisible():
            if self.calculator is not None:
                self.calculator.deleteLater()  # closed: a new one has today's date and settings
            self.calculator = CalculatorDialog(self.session.today(), self.settings.get("skip_closures"), self)
        self.calculator.show()
        self.calculator.raise_()
        self.calculator.activateWindow()

    def show_shortcuts(self) -> None:
        from foiadesk.ui.dialogs.shortcuts import ShortcutsDialog

        self._show_dialog(ShortcutsDialog(self))

    # -- the open log ---------------------------------------------------------------------

    def close_log(self, saying: str = "") -> None:
        """Close the open log and its views; ``saying``: what each view says meanwhile (a
        restore is under way). Until a log is opened again, the menus do nothing."""
        if self.session is not None:
            self._save_layout()
            self.requests.detail.clean_up()
            self.session.close()
            self.session.deleteLater()
            self.session = None
            self.banner.hide()  # what it says is about the old log (that it is a demo, say)
        old_views = [self.tabs.widget(i) for i in range(self.tabs.count())]
        blocked = self.tabs.blockSignals(True)  # no view of the old log is built on its way out
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for view in old_views:  # they belong to the old log; clear() only hides them
            view.deleteLater()
        if saying:
            for label in TAB_LABELS:
                self.tabs.addTab(QLabel(saying, alignment=Qt.AlignmentFlag.AlignCenter), label)
            self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)

    def open_log(self, path: Path) -> None:
        """Close the current log (if any) and open ``path``, building the views on it."""
        from foiadesk.ui.session import Session

        current = self.tabs.currentIndex()
        self.close_log()
        self._views: list[QWidget | None] = [None] * len(TAB_LABELS)
        session = Session(Path(path), self.settings, today=self._today, parent=self)
        self.session = session
        session.reload()  # read beside the building of the views (its result comes after)
        for label in TAB_LABELS:  # each view is built when first needed (see _view)
            self.tabs.addTab(QWidget(), label)
        self.agenda, self.requests  # noqa: B018 - the start view and the list: built now
        session.failed.connect(self.report)
        session.loaded.connect(self._loaded)
        session.tasks.started.connect(self._task_started)
        session.tasks.progressed.connect(self._task_progressed)
        session.tasks.ended.connect(self._task_ended)
        self.setWindowTitle(f"FoiaDesk — {session.path.name}")
        self.status.setText(f"Opening {session.path}…")
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        for task in session.tasks.pending():  # started before the window was listening
            self._task_started(task)
        self.log_opened.emit()

    # -- the views, each built when first shown or used --------------------------------------

    agenda = property(lambda self: self._view(0))
    requests = property(lambda self: self._view(1))
    cases = property(lambda self: self._view(2))
    composer = property(lambda self: self._view(3))
    settings_view = property(lambda self: self._view(4))

    def _built(self, number: int) -> QWidget | None:
        return self._views[number] if self.session is not None else None

    def _view(self, number: int):
        """The view in tab ``number``, built on first use: a window opens on its start
        view and the list, and the other views cost nothing until they are looked at."""
        if self.session is None or number < 0:
            return None
        view = self._views[number]
        if view is None:
            view = self._views[number] = self._build(number)
            current, placeholder = self.tabs.currentIndex(), self.tabs.widget(number)
            blocked = self.tabs.blockSignals(True)
            self.tabs.removeTab(number)
            self.tabs.insertTab(number, view, TAB_LABELS[number])
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            placeholder.deleteLater()
            self._restore_layout(number)
        return view

    def _build(self, number: int) -> QWidget:
        session = self.session
        if number == 0:
            from foiadesk.ui.views.agenda import AgendaView

            agenda = AgendaView(session)
            agenda.open_request.connect(self.open_request)
            agenda.said.connect(lambda text: self.banner.show_message(text, "info"))
            agenda.file_drafts.connect(self.show_drafts_to_file)
            welcome = agenda.welcome
            welcome.create_profile.connect(lambda: self.edit_profile(None))
            welcome.load_pack.connect(self.load_case_pack)
            welcome.compose.connect(lambda: self.show_view(3))
            welcome.add_request.connect(self.new_request)
            welcome.open_demo.connect(self.open_demo)
            return agenda
        if number == 1:
            from foiadesk.ui.models.requests import ID_ROLE
            from foiadesk.ui.views.requests import RequestsView

            requests = RequestsView(session)
            requests.log_event_requested.connect(self.log_event)
            requests.detail.failed.connect(self.report)
            requests.detail.said.connect(lambda text: self.banner.show_message(text, "info"))
            requests.detail.noted.connect(lambda text: self.banner.show_message(text, "note"))
            # A row of the list: right click for its menu (the agenda's rows have the filing
            # work's own menu, the letters a deadline calls for).
            table = requests.table
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, t=table: self._row_menu(t, t.indexAt(pos).siblingAtColumn(0).data(ID_ROLE), pos)
            )
            return requests
        if number == 2:
            from foiadesk.ui.views.cases import CasesView

            cases = CasesView(session)
            cases.open_requests.connect(self.open_case_component)
            cases.new_case_requested.connect(self.new_case)
            cases.draft_missing.connect(self.draft_missing)
            return cases
        if number == 3:
            from foiadesk.ui.views.composer import ComposerView

            composer = ComposerView(session, self.cases.packs())
            composer.logged.connect(self._drafts_logged)
            composer.profile_requested.connect(self.edit_profile)
            return composer
        from foiadesk.ui.views.settings import SettingsView

        settings_view = SettingsView(self.settings, session)
        settings_view.open_log.connect(self.choose_log)
        settings_view.new_log.connect(self.choose_new_log)
        settings_view.back_up.connect(self.back_up)
        settings_view.back_up_to.connect(self.back_up_to)
        settings_view.edit_profile.connect(self.edit_profile)
        settings_view.said.connect(lambda text: self.banner.show_message(text, "info"))
        return settings_view

    def request_menu(self, request_id: int) -> QMenu:
        """What can be done with a request: log an event, open it, and the next steps."""
        menu = QMenu(self)
        menu.addAction("Log &event…", lambda: self.log_event(request_id))
        menu.addAction("&Open the request", lambda: self.open_request(request_id))
        steps = [step for provider in self.next_steps for step in provider(request_id)]
        if steps:
            menu.addSeparator()
            for text, act in steps:
                menu.addAction(text, act)
        return menu

    def _letters_due(self, request_id: int) -> list[tuple[str, Callable[[], None]]]:
        """The letters the request's deadlines call for, drafted as from its Next step…;
        worked out from the list in memory, not read from the log (a right click is instant)."""
        from foiadesk.core.letters.next_steps import KINDS, letters_due

        if self.session.db is None:
            return []

        def draft_letter(kind: str) -> None:
            self.open_request(request_id)
            self.requests.detail.filing_actions.follow_up(kind)

        steps = letters_due(self.session.index, request_id, self.session.today())
        return [(f"Draft: {KINDS[kind][1]}…", lambda k=kind: draft_letter(k)) for kind in steps]

    def _row_menu(self, table, request_id: int | None, pos) -> None:
        if request_id is None or self.session is None:
            return
        self._menu = self.request_menu(request_id)
        self._menu.popup(table.viewport().mapToGlobal(pos))

    def _loaded(self) -> None:
        self.status.setText(str(self.session.path))
        chosen = self.tabs.currentIndex() != self._start_view
        if self._first_load and len(self.session.index) == 0 and not chosen:
            self.show_view(0)  # a first run: the welcome steps, whatever the start view
        self._first_load = False
        if self._looked_at is not self.session and self.session.db is not None:
            self._looked_at = self.session
            self._demo_or_remembered()
            if problem := self.settings.problem():  # after the demo's note: it matters more
                self.banner.show_message(problem)

    def _demo_or_remembered(self) -> None:
        """A demo log says so each time it is opened, and is never remembered as the log to
        open next time: real work must not land among made-up requests."""
        from foiadesk.core.demo import is_demo
        from foiadesk.core.store.db import backup_source

        path = self.session.path
        if copied := backup_source(path):  # never remembered as the log to open next time
            source, made = copied
            self.setWindowTitle(f"FoiaDesk — {path.name} (backup)")
            self.banner.show_message(
                f"This is a backup of {source}, made {made:%Y-%m-%d %H:%M}. What you log here goes "
                f"into this copy, not into {source.name}. To put it back in place of {source.name}, "
                "open that log and use Log › Restore a backup….",
                "note",
            )
            return
        if not is_demo(self.session.db):
            self.settings.set("database", str(path))
            return
        self.setWindowTitle(f"FoiaDesk — {path.name} (demo)")
        if self.banner.isVisible() and self.banner.kind == "error":
            return  # an error the user has not read yet stays; the title says "demo"
        self.banner.show_message(
            f"This is a demo log of {len(self.session.index):,} made-up requests ({path.name}). "
            "Your own log: Log › Open another log (Ctrl+O).",
            "note",
        )

    # -- what the window remembers ------------------------------------------------------------

    def _layouts(self, number: int) -> dict:
        """Settings key → a splitter or table header (both saveState/restoreState) of the
        view in tab ``number``."""
        view = self._views[number]
        if number == 0:
            return {"agenda/header/2": view.table.header()}
        if number == 1:
            detail = view.detail
            return {
                "window/splitter": view.splitter,
                "detail/splitter": detail.parts,
                "requests/header/4": view.table.horizontalHeader(),
                "detail/clocks_header/2": detail.clock_table.horizontalHeader(),
                "detail/events_header/2": detail.event_table.horizontalHeader(),
            }
        return {"compose/splitter": view.split} if number == 3 else {}

    def _restore_layout(self, number: int) -> None:
        for key, widget in self._layouts(number).items():
            state = self.settings.get(key)
            if not state.isEmpty():
                widget.restoreState(state)
        if number == 0:
            span = self.settings.get("agenda/overdue_days")
            self.agenda.span.setCurrentIndex(max(0, self.agenda.span.findData(span)))

    def _save_layout(self) -> None:
        if (requests := self._views[1]) is not None:
            requests.keep_layout()
        for number, view in enumerate(self._views):
            if view is not None:
                for key, widget in self._layouts(number).items():
                    self.settings.set(key, widget.saveState())
        self.settings.set("agenda/overdue_days", self.agenda.span.currentData())

    def reload(self) -> None:
        self.session.reload(whole=True)

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
        path = Path(name) if name else None
        existing = path is not None and path.is_file() and path.stat().st_size > 0
        if path is not None and self._switch_to(path) and existing:  # a log is never replaced
            self.banner.show_message(
                f"{path.name} already holds a log: it is open as it was (nothing in it was replaced). "
                "For a new log, choose a name no file has.",
                "note",
            )

    def _switch_to(self, path: Path, *, ask: bool = True) -> bool:
        """Open ``path`` unless the user keeps the unsaved drafts (``ask``: not asked yet);
        whether it was opened."""
        from foiadesk.core.store.db import cannot_open

        if problem := cannot_open(path):  # refused before the log open now is closed
            self.banner.show_message(f"{problem} {self.session.path.name} stays open.")
            return False
        if ask and not self._drafts_may_go("Open another log", "Open the other log and lose"):
            return False
        self.open_log(path)  # remembered once read, unless it is a demo log
        return True

    def _not_open(self) -> None:
        if self.session.is_loading:
            self.banner.show_message("The log is still being read; try again in a moment.", "info")
        else:
            self.banner.show_message("No log is open. Open one with Ctrl+O, or start a new one.")

    def _show_dialog(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result, closed=dialog: self._dialog_closed(closed))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        """Forget a closed dialog, so nothing reaches for it once Qt has deleted it."""
        if self.dialog is dialog:
            self.dialog = None

    # -- long work and errors -------------------------------------------------------------------

    def _task_started(self, task) -> None:
        self.status.setText(f"{task.label}…")
        if task.with_progress:  # a long read: a busy bar until it says how far it is
            self.progress.setRange(0, 0)
            self.progress.show()
        if task.cancellable:
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
        from foiadesk.core.crashlog import log_bug
        from foiadesk.core.errors import UserError
        from foiadesk.core.store.db import storage_message
        from foiadesk.ui.tasks import Cancelled

        if isinstance(error, Cancelled):
            self.banner.show_message("Stopped. Press F5 to read the log again.", "info")
        elif isinstance(error, UserError):
            self.banner.show_message(str(error))
        elif self.session is not None and (said := storage_message(error, self.session.path)):
            log_bug(error)  # a page found damaged while reading: the file, not FoiaDesk
            self.banner.show_message(said)
        else:
            path = log_bug(error)
            where = f"The details were written to {path}." if path else "Its details could not be saved."
            self.banner.show_message(
                "Sorry, something went wrong inside FoiaDesk. Your log is safe: every saved "
                f"change is kept. {where}"
            )

    def closeEvent(self, event) -> None:
        if not self._drafts_may_go("Quit FoiaDesk", "Quit and lose"):
            event.ignore()
            return
        for work in self.findChildren(WithoutLog):  # a restore is never cut short: it ends, then
            work.wait()  # FoiaDesk quits (reading the backups is short)
        self.settings.set("window/geometry", self.saveGeometry())
        if self.session is not None:
            self._save_layout()
            self.requests.detail.clean_up()
            self.session.close()
        self.settings.sync()
        super().closeEvent(event)

    def _unsaved_drafts(self) -> int:
        composer = self._built(3)
        return composer.unsaved if composer is not None else 0

    def _drafts_may_go(self, title: str, doing: str) -> bool:
        """True when Compose holds no unsaved drafted letters, or the user agrees to lose them."""
        unsaved = self._unsaved_drafts()
        if not unsaved:
            return True
        letters = f"{unsaved} drafted letter{'s' if unsaved != 1 else ''}"
        answer = QMessageBox.question(
            self,
            title,
            f"{letters} in Compose {'are' if unsaved != 1 else 'is'} not saved. {doing} "
            f"{'them' if unsaved != 1 else 'it'}?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


class FirstPaint(QObject):
    """Calls ``then`` once, when ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()
        return False
