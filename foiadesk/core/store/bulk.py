"""Writing many rows at once (demo logs, benchmarks): one prepared statement per table,
fed in chunks, with the search index built once at the end instead of row by row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

from foiadesk.core.store import clock_packs, tracking_texts


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; the caller holds the
    transaction (``db.write``)."""
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


@contextmanager
def bulk_load(db: Database) -> Iterator[None]:
    """Inside a write transaction: the triggers that run on every insert (full-text
    search, event packs, tracking texts) are set aside, and each search table is rebuilt
    from its content table, the packs and the texts once at the end (several times faster
    for a large load; the result is the same)."""
    triggers = db.execute(
        "SELECT name, sql, tbl_name FROM sqlite_master"
        " WHERE type = 'trigger' AND name LIKE '%\\_ai' ESCAPE '\\'"
    ).fetchall()
    for name, _, _ in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    packs, texts = clock_packs.kept(db), tracking_texts.kept(db)
    clock_packs.set_aside(db)
    tracking_texts.set_aside(db)
    yield
    if packs:
        clock_packs.rebuild(db)
    if texts:
        tracking_texts.create(db)
    for _, sql, table in triggers:
        db.execute(sql)
        db.execute(f'INSERT INTO "{table}_fts" ("{table}_fts") VALUES (\'rebuild\')')
