"""Serve the store over HTTP: JSON API, dashboard, and live ingest (`eventwire serve`).

    >>> import eventwire
    >>> from eventwire.serve import create_app
    >>> app = create_app(eventwire.open("eventwire.duckdb", read_only=True))  # doctest: +SKIP
"""
from __future__ import annotations

from .app import create_app
from .watch import Watcher

__all__ = ["create_app", "Watcher"]
