"""What the window's exports and reply imports use of the window, in one place: its
session, its message bar and status line, the request list and the request shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow

from foiadesk.core.errors import UserError


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
