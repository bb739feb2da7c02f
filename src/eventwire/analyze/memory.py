"""The in-memory indexes of a store being served, kept for the store's current generation.

Why a keeper: the indexes (series_index.py, event_index.py) are snapshots. A server that also
ingests (``eventwire serve --watch``) changes the store every few seconds, and rebuilding an
index takes seconds on a million events. So a reader never waits for one: ``series`` and
``events`` use the index only when it was built for the store's current ``generation``;
otherwise they answer with SQL as before, while one background thread builds the index of
the new generation (at most once per ``REBUILD_GAP`` seconds, so a store that changes every
few seconds costs a bounded share of a core). A read-only server's store never changes: its indexes are built once, at
start (``build_now`` from the server's warming thread).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from .event_index import EventIndex
from .series_index import SeriesIndex

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
#: Seconds between two background rebuilds of one index (see ``MemoryIndexes._get``).
REBUILD_GAP = 30.0


class _Kept(Generic[T]):
    """One index and the store generation it was built for."""

    def __init__(self, name: str, build: Callable[["Store"], T]) -> None:
        self.name = name
        self.build = build
        #: (index, the store generation it was built for): one tuple, swapped whole
        self.snapshot: tuple[T | None, int] = (None, -1)
        self.seconds: float | None = None
        self.started = -float("inf")  # when the last background build began (monotonic)
        self.lock = threading.Lock()

    def fresh(self, store: "Store") -> T | None:
        value, generation = self.snapshot
        return value if generation == store.generation else None

    @property
    def building(self) -> bool:
        return self.lock.locked()

    def refresh(self, store: "Store", wait: bool = False) -> T | None:
        """Build the index for the store's current generation unless it is built already;
        when another thread is building one, wait for it (``wait``) or return at once.
        The fresh index, or None."""
        if not self.lock.acquire(blocking=wait):
            return self.fresh(store)
        try:
            if self.fresh(store) is None:
                generation, start = store.generation, time.monotonic()
                value = self.build(store)
                if store.generation == generation:  # not changed while we read
                    self.snapshot = (value, generation)
                    self.seconds = round(time.monotonic() - start, 2)
                log.debug("%s index of generation %d built in %.1f s", self.name,
                          generation, time.monotonic() - start)
        except Exception as exc:  # noqa: BLE001 - an index only speeds answers up
            log.warning("building the %s index failed (%s); answering with SQL", self.name,
                        exc)
        finally:
            self.lock.release()
        return self.fresh(store)


class MemoryIndexes:
    """The series and event indexes of ``store``, fresh or rebuilt in the background."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self._series: _Kept[SeriesIndex] = _Kept("series", SeriesIndex.build)
        self._events: _Kept[EventIndex] = _Kept("event", EventIndex.build)

    def build_now(self) -> None:
        """Build both indexes for the current generation, in this thread."""
        for kept in (self._series, self._events):
            kept.refresh(self.store, wait=True)

    def _get(self, kept: _Kept[T]) -> T | None:
        found = kept.fresh(self.store)
        # a store that changes every few seconds (--watch) would keep a core rebuilding:
        # at most one background build per REBUILD_GAP, or five build times if longer
        gap = max(REBUILD_GAP, 5 * (kept.seconds or 0.0))
        if found is None and not kept.building and time.monotonic() - kept.started >= gap:
            kept.started = time.monotonic()
            threading.Thread(target=kept.refresh, args=(self.store,), daemon=True,
                             name=f"eventwire-{kept.name}-index").start()
        return found

    def series(self) -> SeriesIndex | None:
        """The series index of the current generation, or None (then use SQL)."""
        return self._get(self._series)

    def events(self) -> EventIndex | None:
        """The event index of the current generation, or None (then use SQL)."""
        return self._get(self._events)

    def stats(self) -> dict[str, Any]:
        return {k.name: {"generation": k.snapshot[1],
                         "rows": len(k.snapshot[0]) if k.snapshot[0] is not None else 0,
                         "seconds": k.seconds, "building": k.building}
                for k in (self._series, self._events)}


__all__ = ["MemoryIndexes"]
