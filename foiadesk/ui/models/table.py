"""The base of the list models: rows are keys into data kept elsewhere, exposed a chunk at
a time (Qt's canFetchMore/fetchMore), and re-ordered without losing the selection. Keys are
a list, or a numpy array of integers (a million of them: no list of a million Python ints
is made on the window's thread)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

CHUNK = 1000


class KeyedTableModel(QAbstractTableModel):
    """Subclasses set HEADERS and implement ``cell(key, column, role, extra)``, where
    ``extra`` is the row's item of the ``extra`` sequence given with the keys, if any."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._keys: Sequence[Hashable] | np.ndarray = []
        self._key_at = self._keys.__getitem__  # a row's key, as a Python value
        self._extra = None
        self._shown = 0

    # -- structure ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._keys)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(CHUNK, len(self._keys) - self._shown)
        if more > 0:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
            self._shown += more
            self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = index.row()
        extra = self._extra[row] if self._extra is not None else None
        return self.cell(self._key_at(row), index.column(), role, extra)

    def cell(self, key, column: int, role, extra):
        raise NotImplementedError

    # -- keys ---------------------------------------------------------------------------

    def total(self) -> int:
        """Rows there are, whether shown yet or not."""
        return len(self._keys)

    def key(self, row: int):
        return self._key_at(row)

    def row_of(self, key) -> int | None:
        """The row showing ``key``, fetching rows up to it if needed."""
        found = positions(self._keys, {key})
        if key not in found:
            return None
        row = found[key]
        while self._shown <= row:
            self.fetchMore()
        return row

    def set_keys(self, keys: Sequence[Hashable] | np.ndarray, extra=None) -> None:
        """Show ``keys`` in this order; selected rows follow their key to its new row."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_keys = [self._key_at(i.row()) if i.row() < len(self._keys) else None for i in old]
        self._keys = keys
        self._key_at = keys.item if isinstance(keys, np.ndarray) else keys.__getitem__
        self._extra = extra
        self._shown = min(len(keys), max(self._shown, CHUNK))
        where = positions(keys, set(old_keys) - {None})
        new = []
        for key, index in zip(old_keys, old, strict=True):
            row = where.get(key)
            if row is not None and row < self._shown:
                new.append(self.index(row, index.column()))
            else:
                new.append(QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def refresh_cells(self) -> None:
        """The rows are the same, what they show changed (e.g. a new day)."""
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(self.HEADERS) - 1))


def positions(keys: Sequence | np.ndarray, wanted: set) -> dict:
    """Where each wanted key is in ``keys`` (usually a handful: the selection)."""
    if isinstance(keys, np.ndarray):
        wanted = {k for k in wanted if isinstance(k, (int, np.integer))}
        rows = np.flatnonzero(np.isin(keys, list(wanted))) if wanted else []
        return {keys.item(row): int(row) for row in rows[::-1]}  # the first, if one is twice
    if len(wanted) > 16:
        return {k: row for row, k in enumerate(keys) if k in wanted}
    found = {}
    for key in wanted:
        try:
            found[key] = keys.index(key)
        except ValueError:
            pass
    return found
