"""Fill a store with N fake articles in bulk (seconds, not hours), for store-cost figures.

    python benchmarks/store_fill.py STORE.duckdb 1000000

The rows are not coded text: they are shaped like coded ones (an article row and, per
article, about as many actor, event, quote, date and place rows as the corpus articles
average), with random-looking ids like real ones, so that what the store must look up,
index and skip grows as it would. One ``INSERT ... SELECT ... FROM range(n)`` per table.
"""
from __future__ import annotations

import argparse
import time

from eventwire.store import Store
from eventwire.store.schema import ARTICLES, CHILD_TABLES, COLUMNS, ident
from eventwire.store.write import index_sql

#: Child rows per article: the averages over the 40 corpus articles (actors 14.6, events
#: 6.7, quotes 6.7, dates 4.9, places 12.6).
PER_ARTICLE = {"actors": 15, "events": 7, "quotes": 7, "dates": 5, "places": 13}

_ID = "'fake-' || substr(md5(i::VARCHAR), 1, 16)"


def _value(column: str, declared: str) -> str:
    """An SQL expression (of the row numbers i, k) for one column of a fake row."""
    kind = declared.split()[0]
    if column in ("id", "article_id"):
        return _ID
    if column == "ord":
        return "k::INTEGER"
    return {
        "VARCHAR": "'fake ' || (i % 997)::VARCHAR",
        "INTEGER": "(i % 1000)::INTEGER",
        "BIGINT": "i::BIGINT",
        "DOUBLE": "(i % 100) / 100.0",
        "DATE": "DATE '2000-01-01' + (i % 9000)::INTEGER",
        "TIMESTAMP": "TIMESTAMP '2026-01-01 00:00:00'",
        "VARCHAR[]": "['a', 'b']",
        "INTEGER[][]": "[[1, 5]]",
        "JSON": "'[]'::JSON",
    }[kind]


def fill(store: Store, n: int, start: int = 0) -> float:
    """Add fake articles ``start .. start+n-1`` to ``store``; returns the seconds taken."""
    t0 = time.perf_counter()
    con = store._db  # noqa: SLF001 - a benchmark helper, in bulk on purpose
    for table in CHILD_TABLES:  # one bulk index build afterwards beats row-by-row upkeep
        con.execute(f'DROP INDEX IF EXISTS "{table}_article_id"')
    for table in (ARTICLES, *CHILD_TABLES):
        cols = COLUMNS[table]
        names = ", ".join(ident(c) for c, _ in cols)
        exprs = ", ".join(_value(c, t) for c, t in cols)
        per = PER_ARTICLE.get(table, 1)
        con.execute(f"INSERT INTO {ident(table)} ({names}) SELECT {exprs} "
                    "FROM range(?, ?) r(i), range(?) o(k)", [start, start + n, per])
    for sql in index_sql():
        con.execute(sql)
    con.execute("CHECKPOINT")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("n", type=int)
    args = ap.parse_args()
    with Store(args.db) as store:
        secs = fill(store, args.n)
    print(f"{args.n} fake articles in {secs:.1f} s")


if __name__ == "__main__":
    main()
