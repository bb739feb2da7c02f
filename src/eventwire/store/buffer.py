"""Coded articles held back briefly so the store writes them in one transaction per batch.

Why: a commit per article made storing a quarter of a run (issue 8). A run's stream mixes
coded articles with failures and skipped ones, and the caller reports each in input order,
after it is safely stored; so the buffer holds every item and gives them back, in order,
once the coded ones among them are committed (or refused, with the reason).

A batch is written when it holds ``size`` coded articles or its first one has waited
``max_wait`` seconds, so a slow run still commits (and shows progress) every second or so,
and a kill loses at most that much work, which the re-run codes again.

With ``background=True`` a batch is written by a thread of its own, on a second connection
(``Store.writer_handle``), while the caller goes on parsing the next one: DuckDB releases
the interpreter lock while it works, so the store's ~6 ms of CPU an article overlap spaCy
instead of following it. Nothing else changes: batches are committed one at a time in input
order, items still come back in input order and only after their batch is committed, and at
most one batch is in flight (``settle`` waits for it when the caller must see it stored).
"""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Collection, Generic, Iterator, TypeVar

from ..errors import StoreError
from ..model import CodedArticle
from .core import Store

T = TypeVar("T")

#: Seconds a coded article may wait for its batch to fill before it is stored anyway.
MAX_WAIT = 1.0

#: What a batch's write gives back: one result per coded article (its id or a StoreError).
_Results = list[str | StoreError]


class SaveBuffer(Generic[T]):
    """Holds a run's items; ``add`` and ``flush`` give back ``(item, error)`` pairs in input
    order, where ``error`` is the StoreError that kept a coded article out, else None.

    Without a store (``--no-store``) items pass straight through. Call ``close`` when done
    (also after an error): it waits for a batch in flight and stops the writer thread.
    """

    def __init__(self, store: Store | None, size: int = 16, max_wait: float = MAX_WAIT,
                 *, background: bool = False) -> None:
        self.store = store
        self.size = max(1, size)
        self.max_wait = max_wait
        self._items: list[T] = []
        self._coded = 0
        self._since: float | None = None
        #: batches handed over, oldest first: their items and the write (None: nothing to
        #: write, e.g. only failures), given back in this order once written
        self._sent: deque[tuple[list[T], Future[_Results] | None, set[str]]] = deque()
        self._writer: Store | None = None
        self._pool: ThreadPoolExecutor | None = None
        if background and store is not None:
            self._writer = store.writer_handle()
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="eventwire-store")

    def add(self, item: T) -> Iterator[tuple[T, StoreError | None]]:
        """Take one item; yields the items of earlier batches once they are stored."""
        self._items.append(item)
        if isinstance(item, CodedArticle):
            self._coded += 1
            if self._since is None:
                self._since = time.monotonic()
        due = self.store is None or self._coded >= self.size or (
            self._since is not None and time.monotonic() - self._since >= self.max_wait)
        if due or not self._coded:  # nothing to wait for: failures and skips go at once
            self._send()
            yield from self._given_back(in_flight=1)

    def flush(self) -> Iterator[tuple[T, StoreError | None]]:
        """Store what is held and give every held item back."""
        self._send()
        yield from self._given_back(in_flight=0)

    def settle(self, ids: Collection[str]) -> None:
        """Wait until no batch being written holds one of ``ids``: the caller is about to
        ask the store whether they are stored, and must get the answer of an unthreaded
        run (an id repeated in the input is then found stored, not coded twice)."""
        for _, write, held in self._sent:
            if write is not None and not held.isdisjoint(ids):
                write.exception()  # waits (a write's error is raised by _given_back)

    def close(self) -> None:
        """Wait for the batch in flight (so it is committed or rolled back, never cut), then
        release the writer's connection and thread."""
        for _, write, _ in self._sent:
            if write is not None:
                write.exception()  # waits; an error was or will be raised by _given_back
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _send(self) -> None:
        """Hand the held items over: their coded articles are written now, in this thread,
        or by the writer thread."""
        items, self._items, self._coded, self._since = self._items, [], 0, None
        if not items:
            return
        coded = [i for i in items if isinstance(i, CodedArticle)]
        write: Future[_Results] | None = None
        if self.store is not None and coded:
            if self._pool is not None and self._writer is not None:
                write = self._pool.submit(self._writer.save_batch, coded)
            else:
                write = Future()
                write.set_result(self.store.save_batch(coded))
        self._sent.append((items, write, {c.article.id for c in coded}))

    def _given_back(self, in_flight: int) -> Iterator[tuple[T, StoreError | None]]:
        """The items of written batches, oldest first; waits while more than ``in_flight``
        batches are still being written."""
        while self._sent:
            items, write, _ = self._sent[0]
            writing = sum(1 for _, w, _ in self._sent if w is not None and not w.done())
            if write is not None and not write.done() and writing <= in_flight:
                return
            results = write.result() if write is not None else []  # raises the write's error
            self._sent.popleft()
            coded = [i for i in items if isinstance(i, CodedArticle)]
            errors = {id(a): r for a, r in zip(coded, results) if isinstance(r, StoreError)}
            for item in items:
                yield item, errors.get(id(item))


__all__ = ["SaveBuffer", "MAX_WAIT"]
