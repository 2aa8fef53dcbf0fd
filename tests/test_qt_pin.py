"""Guard for the PySide6 pin: 6.12.0 leaks a reference to True on every Signal.emit()
and aborts Python 3.11 after a few hundred emits. An upgrade must pass this first."""

import sys

from PySide6 import QtCore


class Emitter(QtCore.QObject):
    changed = QtCore.Signal(int)


def test_signal_emit_keeps_refcount_of_true():
    emitter = Emitter()
    seen = []
    emitter.changed.connect(lambda value: seen.append(value))
    before = sys.getrefcount(True)
    for i in range(5000):
        emitter.changed.emit(i)
    assert len(seen) == 5000
    assert abs(sys.getrefcount(True) - before) < 50
