"""Files dragged from the desktop or a mail program onto FoiaDesk.

``FileDrops`` is an event filter: ``watch(widget, request_at)`` makes a widget take file
drops and say, through ``request_at(point)``, which request a drop there belongs to (None:
no particular request, so the letter is matched by its tracking number). The filter only
collects the paths and emits ``dropped``; reading the files is someone else's work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Signal
from PySide6.QtWidgets import QWidget

RequestAt = Callable[[QPoint], int | None]


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drag carries (none for text, web links or e-mail drags)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class FileDrops(QObject):
    dropped = Signal(object, object)  # list[Path], the request id or None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._watched: list[tuple[QWidget, RequestAt]] = []

    def watch(self, widget: QWidget, request_at: RequestAt) -> None:
        """Take file drops on ``widget`` (and on its children that take none themselves)."""
        if any(w is widget for w, _ in self._watched):
            return
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        self._watched.append((widget, request_at))
        widget.destroyed.connect(self._forget)

    def _forget(self, *_args) -> None:
        from shiboken6 import isValid

        self._watched = [(w, f) for w, f in self._watched if isValid(w)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        request_at = next((f for w, f in self._watched if w is watched), None)
        if request_at is None:
            return False
        paths = local_files(event.mimeData())
        if not paths:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self.dropped.emit(paths, request_at(event.position().toPoint()))
        return True
