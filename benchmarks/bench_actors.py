"""Speed of the actor layer alone on the transcript of ``bench_transcript.py``, at several lengths.

    python benchmarks/bench_actors.py [--lines 1000 2000 4000] [--profile]

The transcript is parsed once per length (not timed); then :func:`extract_actors` is timed
(wall clock and CPU). Issue 7 wants every layer linear in the article: doubling the lines
should roughly double the time, so the last column (time per 1,000 lines) should stay flat.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time

from bench_transcript import transcript

from eventwire import Pipeline
from eventwire.extract.actors import extract_actors
from eventwire.model import ArticleMeta, Document


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[1000, 2000, 4000])
    ap.add_argument("--profile", action="store_true", help="cProfile the largest size")
    args = ap.parse_args()
    pipe = Pipeline()
    for n in args.lines:
        meta = ArticleMeta(id="", url=None, published="2024-03-05", title="Committee hearing")
        document = Document(meta=meta, text=transcript(n), origin="transcript")
        _, cleaned, _ = pipe.prepare(document)
        doc = pipe.nlp(cleaned.text)
        t0, c0 = time.perf_counter(), time.process_time()
        index = extract_actors(doc, pipe.kb, meta.published)
        t1, c1 = time.perf_counter(), time.process_time()
        print(f"{n:6d} lines  actors {t1 - t0:7.2f} s wall  {c1 - c0:7.2f} s CPU  "
              f"{1000 * (c1 - c0) / n:6.3f} s CPU per 1,000 lines  "
              f"({len(index.actors)} actors, {len(index.mentions)} mentions)")
        if args.profile and n == max(args.lines):
            prof = cProfile.Profile()
            prof.enable()
            extract_actors(doc, pipe.kb, meta.published)
            prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(30)
            print(buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
