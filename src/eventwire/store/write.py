"""The store's write path: many articles in one transaction, each table in one statement.

Why a module of its own: the cost of storing must not grow with the store. Three things keep
it flat (issue 8: 22.7 ms per article empty, 36.7 ms at 100k stored, before):

* one transaction per batch of articles, not per article (a commit is a WAL flush);
* one ``INSERT ... SELECT unnest(?), unnest(?), ...`` per table per batch: the rows travel
  as one list per column, so DuckDB binds a handful of parameters instead of thousands and
  no Python loop runs per row;
* deletes only for articles that are already stored (found through the primary key), and
  then through an index on ``article_id`` of every child table, so a new article never scans
  the child tables and a re-coded one touches only its own rows.

Values are always parameters; table and column names come only from ``schema``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from typing import Callable, Sequence

import duckdb

from ..model import CodedArticle
from . import derived, rows
from .schema import ACTORS, ARTICLES, CHILD_TABLES, COLUMNS, DATES, EVENTS, PLACES, QUOTES, ident

#: Builders of each child table's rows, in ``CHILD_TABLES`` order.
_CHILD_ROWS: dict[str, Callable[[CodedArticle], list[rows.Row]]] = {
    ACTORS: lambda c: rows.actor_rows(c), EVENTS: lambda c: rows.event_rows(c),
    QUOTES: lambda c: rows.quote_rows(c), DATES: lambda c: rows.date_rows(c),
    PLACES: lambda c: rows.place_rows(c),
}
_CONSTRAINTS = re.compile(r"\s+(PRIMARY KEY|NOT NULL).*$")


def index_sql() -> list[str]:
    """``CREATE INDEX`` on ``article_id`` of every child table: what a re-coded article's
    delete looks up, so it does not scan millions of rows of other articles."""
    # index names are built from the table constants, never from input
    return [f'CREATE INDEX IF NOT EXISTS "{t}_article_id" ON {ident(t)} ({ident("article_id")})'
            for t in CHILD_TABLES]


def _bare_type(declared: str) -> str:
    """'VARCHAR PRIMARY KEY' -> 'VARCHAR': the type a column's list parameter is cast to."""
    return _CONSTRAINTS.sub("", declared)


@lru_cache(maxsize=None)  # built once per table: ``ident`` checks every name it quotes
def columnar_insert_sql(table: str) -> str:
    """One INSERT for any number of rows of ``table``, given one list parameter per column."""
    cols = COLUMNS[table]
    names = ", ".join(ident(c) for c, _ in cols)
    values = ", ".join(f"unnest(?::{_bare_type(t)}[])" for _, t in cols)
    return f"INSERT INTO {ident(table)} ({names}) SELECT {values}"


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, values: Sequence[rows.Row]) -> None:
    """Insert ``values`` (tuples in ``COLUMNS`` order) into ``table`` in one statement."""
    if values:
        con.execute(columnar_insert_sql(table), [list(col) for col in zip(*values)])


@dataclass(frozen=True, slots=True)
class Batch:
    """The rows of several articles, built before the transaction (so a bad value fails
    its own article only, and the transaction holds no Python work)."""

    ids: list[str]
    articles: list[rows.Row]
    children: dict[str, list[rows.Row]]


def build_rows(coded: CodedArticle, url_norm: str | None, coded_at: datetime
               ) -> tuple[rows.Row, dict[str, list[rows.Row]]]:
    """The article row and every child row of one article; raises on a bad value."""
    return (rows.article_row(coded, url_norm, coded_at),
            {t: build(coded) for t, build in _CHILD_ROWS.items()})


def make_batch(built: Sequence[tuple[str, rows.Row, dict[str, list[rows.Row]]]]) -> Batch:
    """Gather ``(id, article row, child rows)`` of several articles into one Batch."""
    children: dict[str, list[rows.Row]] = {t: [] for t in CHILD_TABLES}
    for _, _, kids in built:
        for table, values in kids.items():
            children[table].extend(values)
    return Batch([i for i, _, _ in built], [a for _, a, _ in built], children)


def _marks(n: int) -> str:
    """``?, ?, ...``: an IN list of ``n`` parameters (DuckDB probes an index with a list of
    constants, where a subquery of ``unnest(?)`` would make it join and scan)."""
    return ", ".join("?" * n)


def stored_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[str]:
    """Which of ``ids`` already have an article row (a primary-key probe)."""
    if not ids:
        return []
    sql = f"SELECT {ident('id')} FROM {ident(ARTICLES)} WHERE {ident('id')} IN ({_marks(len(ids))})"
    return [r[0] for r in con.execute(sql, list(ids)).fetchall()]


def delete_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """Remove stored articles and all their rows, through the indexes on ``article_id``.

    Child rows exist only for stored articles (both are written in one transaction), so a
    batch of new articles touches no child table at all.
    """
    found = stored_ids(con, list(dict.fromkeys(ids)))
    if not found:
        return
    marks = _marks(len(found))
    for table in CHILD_TABLES:
        con.execute(f"DELETE FROM {ident(table)} WHERE {ident('article_id')} IN ({marks})",
                    found)
    con.execute(f"DELETE FROM {ident(ARTICLES)} WHERE {ident('id')} IN ({marks})", found)


def write_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> None:
    """Replace the batch's articles inside the caller's transaction, and bring their
    threads and the dyad summary up to date in it (store/derived.py)."""
    orphans = derived.before(con, batch.ids)
    delete_articles(con, batch.ids)
    insert_rows(con, ARTICLES, batch.articles)
    for table in CHILD_TABLES:
        insert_rows(con, table, batch.children[table])
    derived.after(con, batch.ids, orphans)


__all__ = ["Batch", "build_rows", "make_batch", "write_batch", "delete_articles", "stored_ids",
           "insert_rows", "columnar_insert_sql", "index_sql"]
