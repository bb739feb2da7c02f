"""Speed-up of `--workers 2` over `--workers 1`, measured side by side in one run.

    python benchmarks/bench_workers.py [--corpus ../shared/corpus/articles] [--copies 3]

Codes the corpus articles (``--copies`` times over, each copy with its own ids, so the run
is long enough to amortise start-up) with 1 worker (in this process) and with 2 worker
processes, without the store, and prints articles/s for both and their ratio. Both ways
are warmed up first (the model loaded, every worker started), so the rates are what a long
run sees; the start-up time is printed beside them. Shared machines are noisy: only the
ratio measured in one run means anything, and only when nothing else runs (see `uptime`).
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from eventwire import Pipeline
from eventwire.ingest import read_inputs
from eventwire.model import CodedArticle, Document, Failure
from eventwire.parallel import WorkerPool
from eventwire.pipeline import Skipped


def _copies(docs: list[Document], n: int) -> Iterator[Document]:
    for k in range(n):
        for i, d in enumerate(docs):
            yield replace(d, meta=replace(d.meta, id=f"bench-{k}-{i}"))


def _timed(stream: Iterable[CodedArticle | Failure | Skipped]) -> tuple[int, float]:
    """(articles coded, seconds)."""
    t0 = time.perf_counter()
    n = sum(isinstance(item, CodedArticle) for item in stream)
    return n, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    ap.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--copies", type=int, default=3, help="times each article is coded")
    args = ap.parse_args()
    docs = [d for d in read_inputs([args.corpus]) if isinstance(d, Document)]
    total = len(docs) * args.copies
    warm = list(_copies(docs[:16], 1))  # 16 = two worker batches: both workers start

    t0 = time.perf_counter()
    pipe = Pipeline()
    list(pipe.code_many(warm))
    load1 = time.perf_counter() - t0
    n1, secs1 = _timed(pipe.code_many(_copies(docs, args.copies)))
    del pipe

    pool = WorkerPool(2)
    try:
        t0 = time.perf_counter()
        list(pool.code_many(warm))
        load2 = time.perf_counter() - t0
        n2, secs2 = _timed(pool.code_many(_copies(docs, args.copies)))
    finally:
        pool.close()
    assert n1 == n2 == total, (n1, n2, total)
    r1, r2 = n1 / secs1, n2 / secs2
    print(f"corpus: {len(docs)} articles x {args.copies} copies = {total} ({args.corpus})")
    print(f"--workers 1  {r1:6.2f} articles/s  ({secs1:.1f} s; start-up and warm-up "
          f"{load1:.1f} s)")
    print(f"--workers 2  {r2:6.2f} articles/s  ({secs2:.1f} s; start-up and warm-up "
          f"{load2:.1f} s)")
    print(f"RATIO 2 workers / 1 = {r2 / r1:.2f}x   (with start-up: "
          f"{(secs1 + load1) / (secs2 + load2):.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
