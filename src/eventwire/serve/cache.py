"""Answers kept until the store changes: why 200 clients asking for one series cost one query.

Every entry is tagged with the store's generation, which only moves when this very process
writes (the watcher saving articles): no other process can write a DuckDB file we hold open,
so a cached answer is never stale. Bounded and least-recently-used first out.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable


class AnswerCache:
    """A thread-safe LRU of encoded answers, bounded in entries and bytes, emptied by
    ``bump()`` when the data changes."""

    def __init__(self, size: int = 2048, max_bytes: int = 512 * 2**20) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self.generation = 0
        self.hits = self.misses = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}

    def bump(self) -> None:
        """The store changed: forget every answer."""
        with self._lock:
            self.generation += 1
            self._items.clear()
            self.bytes = 0

    def peek(self, key: str) -> bytes | None:
        """The cached answer for ``key``, or None (never computes)."""
        with self._lock:
            return self._hit(key)

    def _hit(self, key: str) -> bytes | None:
        """``peek`` with the lock already held."""
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            self.hits += 1
        return found

    def get(self, key: str, compute: Callable[[], bytes]) -> bytes:
        """The cached answer for ``key``, else ``compute()`` once (concurrent askers of the
        same key wait for that one computation instead of running the query each)."""
        if self.size <= 0:
            return compute()
        with self._lock:
            found = self._hit(key)
            if found is not None:
                return found
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                found = self._hit(key)  # computed by whoever held the gate before us
                if found is not None:
                    return found
                generation = self.generation
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                self.misses += 1
                if generation == self.generation and key not in self._items:
                    # (not computed across a store change)
                    self._items[key] = value
                    self.bytes += len(value)
                    while len(self._items) > self.size or self.bytes > self.max_bytes:
                        self.bytes -= len(self._items.popitem(last=False)[1])
        return value

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._items), "bytes": self.bytes, "hits": self.hits,
                    "misses": self.misses, "generation": self.generation}


__all__ = ["AnswerCache"]
