"""Speed of eventwire on the development corpus, as ratios measured in one run.

    python benchmarks/bench_coding.py [--corpus ../shared/corpus/articles] [--repeat 3]

Prints: raw spaCy parse time of the cleaned texts and their captions, eventwire's own
extraction time on top of it (actors, dates, places, quotes, events), the ratio of the two (issue 3 wants <= 0.25),
and whole-pipeline articles/second over spaCy-only articles/second. Shared machines are noisy,
so only the ratios measured side by side mean anything.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventwire import Pipeline
from eventwire.ingest import read_inputs
from eventwire.model import Document


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    ap.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pipe = Pipeline()
    docs = [d for d in read_inputs([args.corpus]) if isinstance(d, Document)]
    prepared = [pipe.prepare(d) for d in docs]
    texts = [c.text for _, c, _ in prepared]
    words = sum(len(t.split()) for t in texts)  # body words (captions are parsed too)
    best_parse = best_extract = best_total = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        parsed = pipe.parse([c for _, c, _ in prepared])  # bodies and captions, one batch
        t1 = time.perf_counter()
        for (meta, cleaned, warns), (doc, captions) in zip(prepared, parsed):
            pipe.code_doc(meta, cleaned, doc, warns, captions=captions)
        t2 = time.perf_counter()
        list(pipe.code_many(docs))
        t3 = time.perf_counter()
        best_parse = min(best_parse, t1 - t0)
        best_extract = min(best_extract, t2 - t1)
        best_total = min(best_total, t3 - t2)
    n = len(texts)
    print(f"corpus: {n} articles, {words} words ({args.corpus})")
    print(f"spaCy parse           {best_parse:7.3f} s  {n / best_parse:7.1f} articles/s")
    print(f"eventwire extraction  {best_extract:7.3f} s  (on top of the parse)")
    print(f"whole pipeline        {best_total:7.3f} s  {n / best_total:7.1f} articles/s")
    print(f"RATIO extraction/parse = {best_extract / best_parse:.3f}   "
          f"pipeline/spaCy speed = {best_parse / best_total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
