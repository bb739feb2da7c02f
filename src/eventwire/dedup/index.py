"""NearDuplicates: the run's index of signatures, backed by the store's.

How it keeps "exactly once" across kills and re-runs: an article's signature reaches the
store only after the article itself is saved (``sign``, one transaction per stored batch), so
the store never points at an article it does not hold; articles saved without one (an older
store, or a kill between the two transactions) are signed when the next run starts
(``backfill``). Until it is stored, an
article is found through the in-memory index of the run; a copy's URL is added only when the
copy comes out of the pipeline, after the article it copies (output keeps input order).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any, Collection, Sequence

import numpy as np

from .minhash import MAX_DAYS_APART, SCHEME, THRESHOLD, band_keys, signature, similarity

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input found to be a copy of article ``of``: not coded, its URL kept."""

    id: str  # the copy's own id (as the pipeline derived it)
    origin: str
    url: str | None
    of: str  # the id of the article it copies
    similarity: float


@dataclass
class _Pending:
    sig: np.ndarray | None
    keys: list[int]
    origin: str
    published: str | None
    url: str | None


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None  # a date unknown: the texts alone decide
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None  # a date unknown: the texts alone decide


class NearDuplicates:
    """Finds copies among prepared articles; writes signatures and URLs to the store.

    ``store`` may be None (``--no-store``): copies are then found within the run only.
    """

    def __init__(self, store: Any = None, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold
        self._pending: dict[str, _Pending] = {}  # met in this run, not yet stored
        self._by_band: dict[int, set[str]] = {}
        self._by_origin: dict[str, str] = {}
        self._found: dict[tuple[str, str], Duplicate] = {}
        self._coded: set[str] = set()  # without a store: what this run coded
        self.backfilled = self.backfill() if store is not None else 0

    # -- the store ------------------------------------------------------------------------
    def backfill(self) -> int:
        """Sign stored articles that have no signature yet; returns how many."""
        from ..store.duplicates import remember_many, unsigned
        n = 0
        for chunk in unsigned(self.store, SCHEME):
            signed = []
            for aid, url, origin, text, published in chunk:
                sig = signature(text or "")
                signed.append((aid, url, origin, SCHEME, sig,
                               band_keys(sig) if sig is not None else [], published))
            remember_many(self.store, signed)
            n += len(signed)
        if n:
            log.info("signed %d stored articles for near-duplicate detection", n)
        return n

    # -- before parsing -------------------------------------------------------------------
    def check(self, batch: Sequence[Any], exclude: Collection[str] = ()) -> set[str]:
        """Ids of the ``Prepared`` articles of ``batch`` that copy an article met before
        (in this run, earlier in this batch, or in the store); the others are indexed.
        ``exclude``: ids not to look at (already stored as they are)."""
        todo = []
        for p in batch:
            if p.meta.id in exclude or p.meta.id in self._pending:
                continue
            sig = signature(p.cleaned.text)
            todo.append((p, sig, band_keys(sig) if sig is not None else []))
        stored: dict[str, tuple[np.ndarray, str | None]] = {}
        if self.store is not None:
            from ..store.duplicates import candidates, epoch_day
            days = [epoch_day(p.meta.published) for p, sig, _ in todo if sig is not None]
            window = None
            if days and None not in days:  # every article dated: only near days are read
                window = (min(days) - MAX_DAYS_APART, max(days) + MAX_DAYS_APART)  # type: ignore
            stored = candidates(self.store, (k for _, _, keys in todo for k in keys), SCHEME,
                                window)
        copies: set[str] = set()
        for p, sig, keys in todo:
            best = (self._best(p.meta.id, p.meta.published, sig, keys, stored)
                    if sig is not None else None)
            if best is not None:
                of, sim = best
                copies.add(p.meta.id)
                self._found[(p.meta.id, p.origin)] = Duplicate(p.meta.id, p.origin, p.meta.url,
                                                               of, sim)
                continue
            self._pending[p.meta.id] = _Pending(sig, keys, p.origin, p.meta.published,
                                                p.meta.url)
            self._by_origin[p.origin] = p.meta.id
            for k in keys:
                self._by_band.setdefault(k, set()).add(p.meta.id)
        return copies

    def _best(self, own: str, published: str | None, sig: np.ndarray, keys: list[int],
              stored: dict[str, tuple[np.ndarray, str | None]]) -> tuple[str, float] | None:
        """The most similar article met before, if similar enough and near enough in time."""
        near = {aid for k in keys for aid in self._by_band.get(k, ())} - set(stored)
        pool = [(aid, s, day) for aid, (s, day) in stored.items()]
        pool += [(aid, self._pending[aid].sig, self._pending[aid].published) for aid in near]
        scored = []
        for aid, other, day in pool:
            if aid == own or other is None:
                continue
            apart = _days_apart(published, day)
            if apart is not None and apart > MAX_DAYS_APART:
                continue
            sim = similarity(sig, other)
            if sim >= self.threshold:
                scored.append((sim, aid))
        if not scored:
            return None
        sim, aid = max(scored)
        return aid, sim

    # -- after parsing --------------------------------------------------------------------
    def take(self, id_: str, origin: str) -> Duplicate | None:
        """The Duplicate behind a Skipped item, if it was one (each is taken once)."""
        return self._found.pop((id_, origin), None)

    def sign(self, article_ids: Sequence[str]) -> None:
        """Articles were coded (and, with a store, saved): write their signatures in one
        transaction and drop them from the run's index, where the store now finds them."""
        self._coded.update(article_ids)
        if self.store is None:
            return  # no store: the run's index is all there is, and keeps them
        signed = []
        for aid in article_ids:
            entry = self._pending.pop(aid, None)
            if entry is not None:
                self._unindex(aid, entry)
                signed.append((aid, entry.url, entry.origin, SCHEME, entry.sig, entry.keys,
                               entry.published))
        from ..store.duplicates import remember_many
        remember_many(self.store, signed)

    def failed(self, origin: str | None = None, article_id: str | None = None) -> None:
        """An article could not be coded or saved: later copies must not point at it."""
        aid = article_id or (self._by_origin.get(origin) if origin is not None else None)
        entry = self._pending.pop(aid, None) if aid is not None else None
        if entry is not None and aid is not None:
            self._unindex(aid, entry)

    def _unindex(self, aid: str, entry: _Pending) -> None:
        self._by_origin.pop(entry.origin, None)
        for k in entry.keys:
            ids = self._by_band.get(k)
            if ids is not None:
                ids.discard(aid)
                if not ids:
                    del self._by_band[k]

    def attach(self, dup: Duplicate) -> bool:
        """Keep a copy's URL with the article it copies; False when that article was not
        stored (it failed), so the caller reports the copy instead of dropping it."""
        if self.store is None:
            return dup.of in self._coded
        from ..store.duplicates import add_duplicate
        return add_duplicate(self.store, dup.of, dup.url, dup.origin, dup.similarity)


__all__ = ["NearDuplicates", "Duplicate"]
