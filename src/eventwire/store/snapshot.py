"""Which articles a store holds as they are: the rule of the pre-skip, shared by every engine.

Why one module: a local run asks the store batch by batch (``Store.already_stored``); a Ray
run cannot (its workers have no connection to the DuckDB file, which has one writer), so it
takes a ``StoredSnapshot`` of the store before it starts and hands it to every reader. Both
decide with ``unchanged``: the same id, the same dictionary fingerprint and the same text
(by MD5, the digest DuckDB computes as ``md5(text)``).
"""
from __future__ import annotations

import hashlib
from typing import Any, Mapping, Sequence

import numpy as np


def text_md5(text: str) -> str:
    """The digest the store compares texts by (DuckDB's ``md5(text)``)."""
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def unchanged(articles: Sequence[Any], stored: Mapping[str, str]) -> set[str]:
    """Ids of ``articles`` (the pipeline's ``Prepared``: ``.meta.id``, ``.cleaned.text``)
    whose text has the MD5 ``stored`` gives for their id (one fingerprint's rows). Of two
    articles with one id in a batch, the later one's text decides, as the later one is the
    one a save would meet."""
    texts = {a.meta.id: a.cleaned.text for a in articles if a.meta.id}
    return {i for i, text in texts.items() if i in stored and stored[i] == text_md5(text)}


def _key(article_id: str, digest: str) -> int:
    """64 bits of (id, text digest): a snapshot of a million articles takes 8 MB."""
    raw = hashlib.sha1(f"{article_id}\0{digest}".encode("utf-8")).digest()[:8]
    return int.from_bytes(raw, "little", signed=False)


class StoredSnapshot:
    """The (id, text) pairs a store held for one fingerprint when it was taken, compact
    (sorted 64-bit keys) so it travels to remote workers. A key collision could only skip an
    article wrongly with odds of about n/2^64 per look-up."""

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = np.unique(keys.astype(np.uint64))

    @classmethod
    def of(cls, pairs: Sequence[tuple[str, str]]) -> "StoredSnapshot":
        """From (id, md5 of text) pairs."""
        return cls(np.fromiter((_key(i, d) for i, d in pairs), dtype=np.uint64,
                               count=len(pairs)))

    @classmethod
    def from_store(cls, store: Any, fingerprint: str) -> "StoredSnapshot":
        """Every article ``store`` holds coded with dictionaries ``fingerprint``."""
        rows = store.query("SELECT id, md5(text) AS digest FROM articles WHERE fingerprint = ?",
                           [fingerprint])
        return cls.of([(r["id"], r["digest"]) for r in rows])

    def __len__(self) -> int:
        return int(self.keys.size)

    def already_stored(self, articles: Sequence[Any]) -> set[str]:
        """A ``SkipCheck``: ids of ``articles`` stored with this very text."""
        if not self.keys.size:
            return set()
        wanted = {a.meta.id: text_md5(a.cleaned.text) for a in articles if a.meta.id}
        probe = {_key(i, d): i for i, d in wanted.items()}
        keys = np.fromiter(probe, dtype=np.uint64, count=len(probe))
        at = np.searchsorted(self.keys, keys).clip(max=self.keys.size - 1)
        hit = self.keys[at] == keys
        return {probe[int(k)] for k in keys[hit]}


__all__ = ["StoredSnapshot", "text_md5", "unchanged"]
