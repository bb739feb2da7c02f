"""The store's near-duplicate tables: signatures found by their bands, replaced on a re-save,
copies' URLs added once."""
from __future__ import annotations

from eventwire.dedup.minhash import SCHEME, band_keys, signature
from eventwire.store import Store
from eventwire.store.duplicates import add_duplicate, candidates, remember_many

from ..interfaces.test_neardup import STORY as TEXT
from .factories import article as coded_article


def test_store_signatures_found_replaced_and_copies_added_once(tmp_path):
    art = coded_article()
    sig = signature(TEXT)
    keys = band_keys(sig)
    signed = [(art.article.id, art.article.url, "a.txt", SCHEME, sig, keys, "2026-03-03")]
    with Store(tmp_path / "s.duckdb") as store:
        store.save(art)
        remember_many(store, signed)
        found = candidates(store, keys[:1], SCHEME)
        assert list(found) == [art.article.id] and (found[art.article.id][0] == sig).all()
        # only the days near the copy's are read
        assert candidates(store, keys, SCHEME, (20516, 20520)) == {}  # 2026-03-03 is 20515
        assert list(candidates(store, keys, SCHEME, (20512, 20518))) == [art.article.id]
        remember_many(store, signed)  # a re-run replaces the bands instead of adding more
        assert store.query("SELECT count(*) AS n FROM minhash_bands")[0]["n"] == len(keys)
        assert add_duplicate(store, art.article.id, "https://copy.example/x", "b.txt", 0.9)
        assert add_duplicate(store, art.article.id, "https://copy.example/x", "b.txt", 0.9)
        assert not add_duplicate(store, "no-such-article", "https://c.example/y", "c.txt", 0.9)
        rows = store.query("SELECT url, duplicate FROM article_urls ORDER BY duplicate")
        assert [r["duplicate"] for r in rows] == [False, True]
