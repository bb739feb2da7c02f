"""store stage: coded articles in DuckDB (and Parquet), one transaction per batch of articles.

    >>> from eventwire.store import Store
    >>> with Store("eventwire.duckdb") as store:          # doctest: +SKIP
    ...     store.save(coded)
    ...     store.events("RUS", "NATO", category="ACCUSE")
"""
from __future__ import annotations

from .core import Store
from .schema import COLUMNS, SCHEMA_VERSION, TABLES

__all__ = ["Store", "TABLES", "COLUMNS", "SCHEMA_VERSION"]
