"""Coded articles held back briefly so the store writes them in one transaction per batch.

Why: a commit per article made storing a quarter of a run (issue 8). A run's stream mixes
coded articles with failures and skipped ones, and the caller reports each in input order,
after it is safely stored; so the buffer holds every item and gives them back, in order,
once the coded ones among them are committed (or refused, with the reason).

A batch is written when it holds ``size`` coded articles or its first one has waited
``max_wait`` seconds, so a slow run still commits (and shows progress) every second or so,
and a kill loses at most that much work, which the re-run codes again.
"""
from __future__ import annotations

import time
from typing import Generic, Iterator, TypeVar

from ..errors import StoreError
from ..model import CodedArticle
from .core import Store

T = TypeVar("T")

#: Seconds a coded article may wait for its batch to fill before it is stored anyway.
MAX_WAIT = 1.0


class SaveBuffer(Generic[T]):
    """Holds a run's items; ``add`` and ``flush`` give back ``(item, error)`` pairs in input
    order, where ``error`` is the StoreError that kept a coded article out, else None.

    Without a store (``--no-store``) items pass straight through.
    """

    def __init__(self, store: Store | None, size: int = 16, max_wait: float = MAX_WAIT) -> None:
        self.store = store
        self.size = max(1, size)
        self.max_wait = max_wait
        self._items: list[T] = []
        self._coded = 0
        self._since: float | None = None

    def add(self, item: T) -> Iterator[tuple[T, StoreError | None]]:
        """Take one item; yields the items of a batch when it is due."""
        self._items.append(item)
        if isinstance(item, CodedArticle):
            self._coded += 1
            if self._since is None:
                self._since = time.monotonic()
        due = self.store is None or self._coded >= self.size or (
            self._since is not None and time.monotonic() - self._since >= self.max_wait)
        if due or not self._coded:  # nothing to wait for: failures and skips go at once
            yield from self.flush()

    def flush(self) -> Iterator[tuple[T, StoreError | None]]:
        """Store what is held and give every held item back."""
        items, self._items, self._coded, self._since = self._items, [], 0, None
        coded = [i for i in items if isinstance(i, CodedArticle)]
        errors: dict[int, StoreError] = {}
        if self.store is not None and coded:
            for article, result in zip(coded, self.store.save_batch(coded)):
                if isinstance(result, StoreError):
                    errors[id(article)] = result
        for item in items:
            yield item, errors.get(id(item))


__all__ = ["SaveBuffer", "MAX_WAIT"]
