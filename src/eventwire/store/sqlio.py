"""Small pieces of talking to DuckDB that the Store needs and that need no Store.

Kept apart so that store/core.py holds the Store's own logic: the one quoting rule for the
single statement that cannot take a parameter, the first line of an error, rows as dicts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError

#: COPY options per export format.
COPY_OPTIONS: dict[str, str] = {
    "parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)", "json": "(FORMAT JSON)",
}


def brief(exc: BaseException) -> str:
    """The first line of an error: DuckDB appends the whole statement after it."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def path_literal(path: Path) -> str:
    """``path`` as an SQL string literal, for the one statement that cannot take a parameter.

    ``COPY ... TO`` wants a literal file name: DuckDB's parser has no placeholder there in the
    releases we support (duckdb/duckdb#10697; bracketed expressions arrived later, and still
    misbehave, duckdb/duckdb#21578). So the path must be one we built ourselves: absolute,
    resolved, inside a directory we created, named after a table constant, and free of control
    characters. DuckDB's ordinary '...' strings know one escape only, a doubled quote, so
    doubling ``'`` is a complete quoting for what remains (backslashes are literal).
    """
    text = str(path)
    if not path.is_absolute():
        raise StoreError(f"refusing to export to {text!r}: the path is not absolute")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise StoreError(f"refusing to export to {text!r}: the path holds control characters; "
                         "choose a plain directory name")
    return "'" + text.replace("'", "''") + "'"


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed statement as dicts keyed by column name."""
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, r)) for r in cur.fetchall()]
