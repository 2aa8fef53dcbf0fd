"""Background work: one worker thread owns the log's writing connection.

A task is a plain function of that connection (long reads also get a progress callback);
it never touches widgets. Results come back on the GUI thread. A write returns the
core's ``Changes``, which ``Tasks.changed`` broadcasts once, after the commit, so each
view redraws what it shows. Tasks run one at a time, in the order they were given, so
writes never race each other.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from foiadesk.core.store.db import connect
from foiadesk.core.store.log import Changes


class Cancelled(Exception):
    """The user stopped a long task."""


@dataclass(eq=False)
class Task:
    label: str
    fn: Callable[..., Any]
    with_progress: bool = False
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    cancellable: bool = False
    id: int = 0
    cancel_requested: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_requested.set()


class _Worker(QObject):
    """Lives in the worker thread; opens its own connection on the first task."""

    finished = Signal(object, object, object)  # task, result, error
    progressed = Signal(object, int, int)  # task, done, total

    def __init__(self, path: Path):
        super().__init__()
        self._path = path
        self._db = None
        self._open_error: Exception | None = None

    @Slot()
    def open(self) -> None:
        """Open the connection as soon as the thread runs, while the window is still
        building its views. The check for damage waits until the list is shown
        (``Session``), as it reads every page."""
        if self._db is None:
            try:
                self._db = connect(self._path, check=False)
            except Exception as exc:  # the first task reports it, as if it had opened it
                self._open_error = exc

    @Slot(object)
    def run(self, task: Task) -> None:
        try:
            if task.cancel_requested.is_set():
                raise Cancelled()
            if self._open_error is not None:
                error, self._open_error = self._open_error, None
                raise error
            if self._db is None:
                self._db = connect(self._path, check=False)
            if task.with_progress:
                result = task.fn(self._db, lambda done, total: self._progress(task, done, total))
            else:
                result = task.fn(self._db)
        except Exception as exc:
            self.finished.emit(task, None, exc)
        else:
            self.finished.emit(task, result, None)

    def _progress(self, task: Task, done: int, total: int) -> None:
        self.progressed.emit(task, done, total)
        if task.cancel_requested.is_set():
            raise Cancelled()

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        QThread.currentThread().quit()


class Tasks(QObject):
    """The GUI thread's handle on the worker: submit writes and reads, cancel, close."""

    changed = Signal(object)  # core.log.Changes, after a committed write
    started = Signal(object)  # Task
    progressed = Signal(object, int, int)  # Task, done, total
    ended = Signal(object)  # Task
    failed = Signal(object)  # an error no caller handled (UserError, Cancelled or a bug)
    _submit = Signal(object)
    _open = Signal()
    _close = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._ids = itertools.count(1)
        self._pending: dict[int, Task] = {}
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName("foiadesk-worker")
        self._worker = _Worker(self.path)
        self._worker.moveToThread(self._thread)
        self._open.connect(self._worker.open)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._finish)
        self._worker.progressed.connect(self.progressed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        self._open.emit()

    def write(
        self,
        label: str,
        fn: Callable[[Any], Changes],
        *,
        on_done: Callable[[Changes], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``fn(db)``, a core write returning Changes; ``changed`` fires before on_done."""
        return self._start(Task(label, fn, on_done=on_done, on_error=on_error))

    def read(
        self,
        label: str,
        fn: Callable[[Any, Callable[[int, int], None]], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
    ) -> Task:
        """Run ``fn(db, progress)``; ``progress(done, total)`` raises Cancelled once the
        user cancels, which stops the task between two steps."""
        task = Task(label, fn, True, on_done, on_error, cancellable)
        return self._start(task)

    def _start(self, task: Task) -> Task:
        if self._closed:
            raise RuntimeError("this log was closed")
        task.id = next(self._ids)
        self._pending[task.id] = task
        self.started.emit(task)
        self._submit.emit(task)
        return task

    def busy(self) -> bool:
        return bool(self._pending)

    def pending(self) -> list[Task]:
        """The tasks given and not yet ended, oldest first."""
        return list(self._pending.values())

    def cancel_all(self) -> None:
        for task in self._pending.values():
            if task.cancellable:
                task.cancel()

    @Slot(object, object, object)
    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        if self._closed:
            return
        self._pending.pop(task.id, None)
        self.ended.emit(task)
        if error is not None:
            (task.on_error or self.failed.emit)(error)
            return
        if isinstance(result, Changes):
            self.changed.emit(result)
        if task.on_done is not None:
            task.on_done(result)

    def close(self) -> None:
        """Stop taking tasks, let the queued ones finish (long reads are cancelled),
        close the worker's connection and end its thread."""
        if self._closed:
            return
        self.cancel_all()
        self._closed = True
        self._close.emit()
        self._thread.wait()
        self._pending.clear()


class _Alone(QObject):
    finished = Signal(object, object)  # result, error

    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class WithoutLog(QObject):
    """Work that must run while no log is open, such as a restore, which replaces the log's
    file: on a thread of its own, with no connection, so the window keeps painting.
    ``on_done(result)`` or ``on_error(error)`` runs on the GUI thread. Not cancellable: what
    it does is whole or not at all."""

    def __init__(
        self,
        label: str,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.label = label
        self._on_done, self._on_error = on_done, on_error
        self._thread = QThread()
        self._thread.setObjectName("foiadesk-without-log")
        self._worker = _Alone(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._finish)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Until the work is done (the window is closing: a restore is never cut short)."""
        self._thread.quit()
        self._thread.wait()

    @Slot(object, object)
    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.wait()
        try:
            if error is not None:
                self._on_error(error)
            else:
                self._on_done(result)
        finally:
            self.deleteLater()  # its thread has ended: nothing is left to wait for
