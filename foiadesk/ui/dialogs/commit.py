"""Dialogs that close only once their write has committed.

A dialog mixing in ``CommitOnAccept`` hands its draft to ``saver`` when OK is pressed and
stays open, its buttons disabled, until the background write finishes: on success it
closes; on failure (a busy or read-only log, a full disk) it says why in place and keeps
everything the user typed, so pressing OK again retries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

# saver(draft, on_done, on_error): start the write; exactly one of the callbacks follows.
Saver = Callable[[Any, Callable[[Any], None], Callable[[BaseException], None]], None]


def failure_text(error: BaseException, retry: str) -> str:
    """Why a write failed, in the user's terms, and that nothing they typed was lost."""
    from foiadesk.core.errors import UserError

    if isinstance(error, UserError):
        why = str(error)
    else:
        from foiadesk.core.crashlog import log_bug

        path = log_bug(error)
        why = "Something went wrong inside FoiaDesk" + (f" (details in {path})." if path else ".")
    return f"Not saved: {why}\nWhat you entered is kept; press {retry} to try again."


class CommitOnAccept:
    """Mixed into a QDialog with ``problem`` (a QLabel) and ``buttons`` (its button box)."""

    saver: Saver | None = None
    saving = False
    problem: QLabel
    buttons: QDialogButtonBox

    def commit(self, draft) -> None:
        """Save ``draft`` through ``saver`` and close once it is committed."""
        if self.saver is None:
            QDialog.accept(self)
            return
        self._set_saving(True)
        self.problem.setText("Saving…")
        self.problem.show()
        self.saver(draft, self._saved, self._failed)

    def _saved(self, _result) -> None:
        self._set_saving(False)
        self.problem.hide()
        QDialog.accept(self)

    def _failed(self, error: BaseException) -> None:
        self._set_saving(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.problem.setText(failure_text(error, f"“{ok.text().replace('&', '')}”"))
        self.problem.show()
        ok.setFocus()

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self.buttons.setEnabled(not on)

    def reject(self) -> None:
        if not self.saving:  # the write is under way: its result decides
            QDialog.reject(self)
