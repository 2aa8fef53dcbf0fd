"""Integer columns read from SQLite as one string: the encoding ``index_read`` and
``clock_packs`` share, and the codes and day numbers SQLite works out for them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NONE = -1
UNKNOWN = -2  # an outcome the caller does not know


def code_of(column: str, names: Sequence[str], other: int = NONE, first: Sequence[str] = ()) -> str:
    """``column`` as its position in ``names`` (``other`` for anything else); the names
    ``first`` are tested first."""
    order = sorted(
        range(len(names)), key=lambda i: first.index(names[i]) if names[i] in first else len(first)
    )
    cases = " ".join(f"WHEN '{names[i]}' THEN {i}" for i in order)
    return f"CASE {column} {cases} ELSE {other} END"


# Turning each value into a Python int costs more than SQLite's whole scan. Instead SQLite
# writes the rows as one string, 15 bits to a character (char() of 0…32767: never a
# surrogate), and numpy takes the string apart: one Python object per read, and SQLite works
# without holding Python's lock, so the window's thread runs on meanwhile.
_BITS = 15
ID = 3  # characters for an id or count (45 bits)
DAY = 2  # for a day ordinal (30 bits)
VERSION = 4  # for a request version (60 bits)
# SQLite's julianday of 0001-01-01 minus one: julianday(day) - this = date.toordinal().
_ORDINAL = 1721424.5


def ordinal(column: str) -> str:
    return f"coalesce(CAST(julianday({column}) - {_ORDINAL} AS INTEGER), {NONE})"


def chars_for(largest: int | None) -> int:
    """Characters enough for every value from UNKNOWN up to ``largest``: each character
    costs SQLite work on every row."""
    return max(1, -(-((largest or 0) + 3).bit_length() // _BITS))


def packed_select(columns: Sequence[tuple[str, int]], query: str, also: str = "") -> str:
    """A SELECT of one string: the rows of ``query`` (with ``{columns}`` where the
    expressions go), each value in its number of characters, named ``packed``; ``also``:
    more aggregates over the same rows (", count(*) AS events")."""
    named = ", ".join(f"{expr} AS c{i}" for i, (expr, _) in enumerate(columns))
    pieces = ", ".join(
        f"((c{i} + 2) >> {_BITS * k}) & {(1 << _BITS) - 1}"
        for i, (_, count) in enumerate(columns)
        for k in reversed(range(count))
    )
    # An aggregate over an ordered subquery: SQLite does not flatten a subquery with ORDER BY
    # into an aggregate, so group_concat meets the rows in that order (the tests compare every
    # value and its order with a plain SELECT).
    return f"SELECT group_concat(char({pieces}), '') AS packed{also} FROM ({query.format(columns=named)})"


def unpack(packed: str, counts: Sequence[int]) -> np.ndarray:
    """The int64 table of a ``packed_select`` string whose columns take ``counts`` characters."""
    # (every character is below 0x8000: one UTF-16 unit each, never a surrogate)
    chars = np.frombuffer(packed.encode("utf-16-le"), dtype=np.uint16).reshape(-1, sum(counts))
    table = np.empty((len(chars), len(counts)), dtype=np.int64)
    at = 0
    for i, count in enumerate(counts):
        value = chars[:, at].astype(np.int64)
        for k in range(1, count):
            value = (value << _BITS) | chars[:, at + k]
        table[:, i] = value - 2
        at += count
    return table
