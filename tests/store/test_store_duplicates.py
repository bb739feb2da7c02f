"""The store's near-duplicate tables: a signature is saved with its article or not at all."""
from __future__ import annotations

import pytest

from eventwire.dedup.minhash import SCHEME, band_keys, signature
from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.duplicates import add_duplicate, candidates, write_signature

from .factories import article as coded_article

from ..interfaces.test_neardup import STORY as TEXT


def test_store_signature_is_written_in_the_article_transaction(tmp_path):
    art = coded_article()
    sig = signature(TEXT)
    keys = band_keys(sig)
    with Store(tmp_path / "s.duckdb") as store:
        def broken(con):
            write_signature(con, art.article.id, art.article.url, "a.txt", SCHEME, sig, keys)
            raise RuntimeError("disk full")  # after the signature: all of it must go

        with pytest.raises(StoreError):
            store.save(art, also=broken)
        assert store.count("articles") == 0 and candidates(store, keys, SCHEME) == {}
        assert store.query("SELECT count(*) AS n FROM minhash_bands")[0]["n"] == 0

        store.save(art, also=lambda con: write_signature(con, art.article.id, art.article.url,
                                                         "a.txt", SCHEME, sig, keys))
        found = candidates(store, keys[:1], SCHEME)
        assert list(found) == [art.article.id] and (found[art.article.id][0] == sig).all()
        # a re-save replaces the bands instead of adding a second set
        store.save(art, also=lambda con: write_signature(con, art.article.id, art.article.url,
                                                         "a.txt", SCHEME, sig, keys))
        assert store.query("SELECT count(*) AS n FROM minhash_bands")[0]["n"] == len(keys)
        assert add_duplicate(store, art.article.id, "https://copy.example/x", "b.txt", 0.9)
        assert add_duplicate(store, art.article.id, "https://copy.example/x", "b.txt", 0.9)
        assert not add_duplicate(store, "no-such-article", "https://c.example/y", "c.txt", 0.9)
        rows = store.query("SELECT url, duplicate FROM article_urls ORDER BY duplicate")
        assert [r["duplicate"] for r in rows] == [False, True]
