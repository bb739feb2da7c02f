"""Load on `eventwire serve`: 200 concurrent clients against a store of 1M generated events.

Run on demand (not in CI), from the checkout:  python benchmarks/bench_serve.py
It builds the store once (about 20,000 generated articles x 50 events through the Store's own
row builders; kept at --db for later runs), starts the real `eventwire serve` in a process
of its own, then runs two phases, each bounded in requests and time:

  cold   every client asks for a different dyad's weekly series at the same moment (all
         cache misses: the DuckDB query itself, 200 of them queued on the machine's cores)
  mixed  each client asks, one after another, for dyad series, filtered event pages, an
         article, the dyad list and the map's places (what dashboards do)

and prints p50/p90/p99/max latencies per request kind and the error count (goal: 0 errors,
p99 < 300 ms for a dyad series).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serve.live import free_port, get, wait_for  # noqa: E402
from tests.serve.load import LoadResult, run_load  # noqa: E402
from tests.serve.synth import ACTORS, articles, bulk_save  # noqa: E402
from tests.serve.test_load import plans  # noqa: E402

EVENTS_PER_ARTICLE = 50


def build(db: Path, events: int) -> None:
    from eventwire.store import Store
    if db.exists():
        with Store(db, read_only=True) as s:
            have = s.count("events")
        if have >= events:
            print(f"store {db}: {have:,} events (reused)")
            return
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    Store(db).close()
    start = time.perf_counter()
    n = bulk_save(str(db), articles(events // EVENTS_PER_ARTICLE, EVENTS_PER_ARTICLE))
    print(f"store {db}: wrote {n:,} events in {time.perf_counter() - start:.0f} s")


def report(title: str, result: LoadResult) -> None:
    print(f"\n{title}: {result.requests} requests in {result.seconds:.1f} s "
          f"({result.requests / max(result.seconds, 1e-9):.0f}/s), errors: {len(result.errors)}")
    print(f"  {'kind':8s} {'n':>6s} {'p50 ms':>8s} {'p90 ms':>8s} {'p99 ms':>8s} {'max ms':>8s}")
    for kind, n, p50, p90, p99, top in result.summary():
        print(f"  {kind:8s} {n:6d} {p50:8.1f} {p90:8.1f} {p99:8.1f} {top:8.1f}")
    for e in result.errors[:5]:
        print("  error:", e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench_serve.duckdb")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3, help="dyads each client asks about "
                    "in the mixed phase (3 requests each, plus 3 others)")
    ap.add_argument("--seconds", type=float, default=180, help="time bound of each phase")
    ap.add_argument("--cache-size", type=int, default=2048, help="the server's answer cache")
    args = ap.parse_args()

    build(args.db, args.events)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from eventwire.interfaces.cli import "
                               "main; main()", "serve", "--db", str(args.db), "--port",
                               str(port), "--cache-size", str(args.cache_size)])
    try:
        wait_for(port, timeout=120)
        keys = [a[0] for a in ACTORS]
        pairs = [(a, b) for a in keys for b in keys if a != b]
        cold = [[("series", f"/api/series?a={a}&b={b}&freq=week")]
                for a, b in (pairs * 2)[:args.clients]]
        report(f"cold: {args.clients} clients, one distinct dyad series each",
               run_load(port, cold, args.seconds))
        report(f"mixed: {args.clients} clients x {args.rounds * 3 + 3} requests",
               run_load(port, plans(args.clients, args.rounds), args.seconds))
        status, health = get(port, "/api/health")
        print(f"\nstore: {health['events']:,} events in {health['articles']:,} articles; "
              f"answer cache: {health['cache']}; server pid {server.pid}, "
              f"cpus {os.cpu_count()}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
