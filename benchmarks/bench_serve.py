"""Load on `eventwire serve`: 200 concurrent clients against a store of 1M generated events.

Run on demand (not in CI), from the checkout:  python benchmarks/bench_serve.py
It builds the store once (about 20,000 generated articles x 50 events through the Store's own
row builders; kept at --db for later runs), starts the real `eventwire serve` in a process
of its own, waits until it has warmed the dashboard's landing answers, then runs three
phases, each bounded in requests and time:

  series-cold    every client asks for a different dyad's monthly series at the same moment:
                 never warmed, all cache misses, so this is the DuckDB query itself, queued
                 on the machine's cores
  series-steady  every client asks for 20 weekly dyad series, one after another, over all
                 240 dyads of the generated data (what the dashboard's picker asks; the
                 server computed them in the background at start, --warm)
  mixed          each client asks for dyad series, filtered event pages (most of them
                 distinct, so cold), an article, the dyad list and the map's places

and prints p50/p90/p99/max latencies per request kind and the error count (goal: 0 errors,
p99 < 300 ms for a dyad series).
"""
from __future__ import annotations

import argparse
import os
import signal
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
    """The store of ``events`` generated events, and its dyad summary.

    ``bulk_save`` writes the tables directly, past the Store's save (which would keep threads
    and the summary as it goes), so the summary is computed once at the end, as
    ``eventwire threads --summary`` does; events stay threads of their own, as before the
    summary existed, so figures compare. A store of an older schema is upgraded in place."""
    from eventwire.store import Store
    if db.exists():
        start = time.perf_counter()
        with Store(db) as s:  # upgrades an older schema (and computes its summary)
            have = s.count("events")
            summarised = s.query("SELECT count(*) AS n FROM dyad_summary")[0]["n"]
        print(f"store {db}: opened in {time.perf_counter() - start:.0f} s")
        if have >= events:
            print(f"store {db}: {have:,} events (reused)")
            if not summarised:
                summarise(db)
            return
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    Store(db).close()
    start = time.perf_counter()
    n = bulk_save(str(db), articles(events // EVENTS_PER_ARTICLE, EVENTS_PER_ARTICLE))
    print(f"store {db}: wrote {n:,} events in {time.perf_counter() - start:.0f} s")
    summarise(db)


def summarise(db: Path) -> None:
    import eventwire
    start = time.perf_counter()
    with eventwire.open(db, read_only=False) as ew:
        rows = ew.rebuild_summary()
    print(f"dyad summary: {rows:,} rows in {time.perf_counter() - start:.0f} s")


def wait_warm(port: int, timeout: float = 900) -> dict:
    """The server's start-up warming, once done (or ``timeout``)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        warmed = get(port, "/api/health")[1]["warmed"]
        if warmed["done"]:
            return warmed
        time.sleep(1)
    return warmed


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
    ap.add_argument("--series", type=int, default=20, help="dyad series each client asks "
                    "for in the steady phase")
    ap.add_argument("--rounds", type=int, default=2, help="dyads each client asks about "
                    "in the mixed phase (3 requests each, plus 3 others)")
    ap.add_argument("--seconds", type=float, default=180, help="time bound of each phase")
    ap.add_argument("--cache-size", type=int, default=2048, help="the server's answer cache")
    ap.add_argument("--warm", type=int, default=500, help="the server's --warm")
    ap.add_argument("--phases", default="series-cold,series-steady,mixed",
                    help="which phases to run, comma-separated")
    args = ap.parse_args()

    build(args.db, args.events)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the server is stopped too
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from eventwire.interfaces.cli import "
                               "main; main()", "serve", "--db", str(args.db), "--port",
                               str(port), "--cache-size", str(args.cache_size),
                               "--warm", str(args.warm)])
    try:
        wait_for(port, timeout=120)
        warmed = wait_warm(port)
        print(f"start-up warming: {warmed['answers']} answers in {warmed['seconds']} s")
        keys = [a[0] for a in ACTORS]
        pairs = [(a, b) for a in keys for b in keys if a != b]
        # monthly series are never warmed: each of these is a DuckDB query
        cold = [[("series", f"/api/series?a={a}&b={b}&freq=month")]
                for a, b in (pairs * 2)[:args.clients]]
        phases = set(args.phases.split(","))
        if "series-cold" in phases:
            report(f"series-cold: {args.clients} clients, one distinct uncached dyad series "
                   "each", run_load(port, cold, args.seconds))
        steady = [[("series", f"/api/series?a={a}&b={b}&freq=week&by=quad")
                   for a, b in (pairs[(c * 7) % len(pairs):] + pairs)[:args.series]]
                  for c in range(args.clients)]
        if "series-steady" in phases:
            report(f"series-steady: {args.clients} clients x {args.series} dyad series",
                   run_load(port, steady, args.seconds))
        if "mixed" in phases:
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
