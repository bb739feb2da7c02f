"""Put the pieces together: open the store once, add the watcher when asked, build the app.

Why one function: the CLI, the tests and the benchmark must start exactly the same server,
and the rule it encodes is the one that matters for DuckDB: read-only unless this process
ingests, in which case it is the store's only writer and its only reader.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

from fastapi import FastAPI

from .answers import WARM_SERIES
from .app import create_app
from .watch import Watcher


def open_app(db: str | os.PathLike[str], *, watch: Iterable[str | os.PathLike[str]] = (),
             interval: float = 2.0, pipeline: Any = None, cache_size: int = 2048,
             warm_series: int | None = WARM_SERIES) -> tuple[FastAPI, Any]:
    """The app over ``db`` and the ``EventStore`` it reads (close it after the server stops).

    Without ``watch`` the store is opened read-only (other read-only processes may open it
    too). With ``watch`` folders, it is opened for writing, new files in them are coded in a
    background thread (every save brings threads and the dyad summary up to date), and after
    each poll that stored articles cached answers are dropped. ``warm_series``: see ``create_app``.
    """
    import eventwire

    sources = [str(s) for s in watch]
    api = eventwire.open(str(db), read_only=not sources)
    # series and event pages from memory (built by the warming thread at start, rebuilt in
    # the background after the watcher's saves): no table scan per request
    api.use_memory()
    watcher = None
    try:
        if sources:
            # each save threads its articles and updates the dyad summary in its own
            # transaction (store/derived.py): after a poll only cached answers are stale
            watcher = Watcher(api.store, sources, pipeline=pipeline, interval=interval)
    except BaseException:
        api.close()
        raise

    def counts() -> dict[str, Any]:
        return {"events": api.store.count("events"), "articles": api.store.count("articles")}

    app = create_app(api, watcher=watcher, cache_size=cache_size, counts=counts,
                     warm_series=warm_series)
    return app, api


__all__ = ["open_app"]
