"""What keeping threads and the dyad summary in the saving transaction costs a big store.

Run on demand:  python benchmarks/bench_store_derived.py --db out/bench_serve.duckdb
It copies the store (the one benchmarks/bench_serve.py builds: 1M generated events), then
saves ``--batches`` batches of ``--batch-size`` new generated articles through
``Store.save_batch`` (what ``eventwire code`` does per batch) and prints the time per batch
and per article, then checks that the summary still equals its recomputation from events.
Run it with an older checkout on PYTHONPATH to get the figure without the derived tables.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serve.synth import article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench_serve.duckdb")
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--events", type=int, default=50, help="events per article")
    ap.add_argument("--check", action="store_true", help="compare the summary with its "
                    "recomputation at the end (a full scan: tens of seconds)")
    args = ap.parse_args()

    from eventwire.store import Store
    copy = args.db.with_name(args.db.stem + "-savebench.duckdb")
    shutil.copyfile(args.db, copy)
    try:
        with Store(copy) as store:
            times = []
            for b in range(args.batches):
                batch = [article(10_000_000 + b * args.batch_size + i, args.events, seed=11)
                         for i in range(args.batch_size)]
                start = time.perf_counter()
                results = store.save_batch(batch)
                times.append(time.perf_counter() - start)
                assert all(isinstance(r, str) for r in results), results
            med = statistics.median(times)
            print(f"{store.count('events'):,} events; {args.batches} batches of "
                  f"{args.batch_size} articles x {args.events} events: median "
                  f"{med * 1000:.0f} ms a batch ({med / args.batch_size * 1000:.1f} ms an "
                  f"article), max {max(times) * 1000:.0f} ms")
            if args.check:
                from eventwire.store.summary import from_events_sql
                cols = "level, source, target, day, category, quad, events, claimed"
                keys = "level, source, target, day, category, quad"
                kept, fresh = (f"SELECT {keys}, sum(events)::BIGINT AS events, "
                               "sum(claimed)::BIGINT AS claimed FROM dyad_summary GROUP BY ALL "
                               "HAVING sum(events) <> 0 OR sum(claimed) <> 0",
                               f"SELECT {cols} FROM ({from_events_sql()})")
                diff = store.query(f"SELECT (SELECT count(*) FROM ({kept} EXCEPT ALL {fresh})) "
                                   f"+ (SELECT count(*) FROM ({fresh} EXCEPT ALL {kept})) "
                                   "AS n")[0]["n"]
                print(f"summary rows differing from the events: {diff}")
    finally:
        copy.unlink(missing_ok=True)
        Path(str(copy) + ".wal").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
