"""Near-duplicate detection on generated syndicated copies of the corpus articles.

    python benchmarks/bench_neardup.py [--corpus ../shared/corpus/articles] [--copies 10]
                                       [--stored 0,10000,100000]

Each corpus article becomes ``--copies`` copies (``eventwire.dedup.syndicate``: another
headline, lead-in and footer lines, words changed, sometimes the last paragraph cut), all
mixed into one stream in shuffled order and checked as a run does (in-run index, batches of
16). Prints precision (copies merged into their own story / all merges), recall (copies
merged / copies beyond the first of each story), the time per article, and the cost of one
batch lookup against a store already holding N signed articles (``--stored``).
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from eventwire.dedup import NearDuplicates
from eventwire.dedup.minhash import SCHEME, band_keys, signature
from eventwire.dedup.syndicate import copies
from eventwire.ingest import read_inputs
from eventwire.model import ArticleMeta, Document
from eventwire.pipeline import Prepared, prepare


def stream(corpus: Path, n_copies: int) -> list[tuple[Prepared, str]]:
    """Prepared copies and the story each belongs to, shuffled."""
    out = []
    for doc in read_inputs([str(corpus)]):
        if not isinstance(doc, Document):
            continue
        meta, cleaned, _ = prepare(doc)
        for c in copies(cleaned.text, meta.title or meta.id, n_copies, seed=hash(meta.id) % 997):
            m = ArticleMeta(id=c["id"] + meta.id, url=c["url"] + meta.id, title=c["title"],
                            published=meta.published)
            p, _c, _w = prepare(Document(meta=m, text=c["text"], origin=m.url or ""))
            out.append((Prepared(p, _c, [], m.url or ""), meta.id))
    random.Random(7).shuffle(out)
    return out


def quality(items: list[tuple[Prepared, str]]) -> None:
    index = NearDuplicates(None)
    story = {p.meta.id: s for p, s in items}
    merged = right = 0
    started = time.perf_counter()
    for i in range(0, len(items), 16):
        batch = [p for p, _ in items[i:i + 16]]
        found = index.check(batch)
        for p in batch:
            dup = index.take(p.meta.id, p.origin) if p.meta.id in found else None
            if dup is None:
                index.sign([p.meta.id])  # coded: as a run does after saving it
                continue
            merged += 1
            right += story[dup.of] == story[p.meta.id]
    secs = time.perf_counter() - started
    stories = len(set(story.values()))
    expected = len(items) - stories
    print(f"{len(items)} articles = {stories} stories x copies")
    print(f"near-duplicates found {merged}, of their own story {right}: precision "
          f"{right / max(merged, 1):.3f}, recall {right / max(expected, 1):.3f} "
          f"({expected} copies beyond the first)")
    print(f"{1000 * secs / len(items):.2f} ms per article (signature + in-run lookup)")


def store_cost(sizes: list[int], probe: list[Prepared], per_day: int = 300) -> None:
    """Lookup time of one batch against N stored articles published ``per_day`` a day in
    date order (as a nightly run builds a store), for a batch of the latest days."""
    from eventwire.store import Store
    from eventwire.store.duplicates import candidates
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
            con = store._db
            if n:  # random signatures: what matters is the rows to read, not their values
                con.execute("INSERT INTO minhash_bands SELECT (hash(range) >> 1)::BIGINT, "
                            "'a' || (range // 32), (range // 32) // ? FROM range(?)",
                            [per_day, n * 32])
                con.execute("INSERT INTO articles (id) SELECT 'a' || range FROM range(?)", [n])
                con.execute("INSERT INTO minhash_signatures SELECT 'a' || range, ?, NULL "
                            "FROM range(?)", [SCHEME, n])
            last = n // per_day
            batch_keys = [k for p in probe[:16] for k in band_keys(signature(p.cleaned.text))]
            for label, window in (("all days", None), ("+-3 days", (last - 3, last + 3))):
                candidates(store, batch_keys, SCHEME, window)  # warm
                runs = 5
                t0 = time.perf_counter()
                for _ in range(runs):
                    candidates(store, batch_keys, SCHEME, window)
                ms = 1000 * (time.perf_counter() - t0) / runs
                print(f"store of {n:>7} signed articles, {label}: {ms:7.1f} ms per batch "
                      f"lookup of 16 ({ms / 16:.2f} ms per article)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="../shared/corpus/articles")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--stored", default="0,10000,100000")
    args = ap.parse_args()
    items = stream(Path(args.corpus), args.copies)
    quality(items)
    store_cost([int(x) for x in args.stored.split(",") if x], [p for p, _ in items])


if __name__ == "__main__":
    main()
