"""Thread merging measured, and the analysis API timed on a generated store.

    .venv/bin/python benchmarks/bench_analysis.py                 # 40 stories x 5 copies
    .venv/bin/python benchmarks/bench_analysis.py --events 100000 # also time the API

Part 1 codes generated wire stories and their syndicated copies (tests/analyze/syndicate.py)
through the real pipeline, threads them and prints stories vs threads, with copies published
on the event's day and with every other copy a day later. Part 2 (``--events N``) fills a
store with N generated events (the real Store write path), then times update_threads,
events, series and alerts. Run on demand, not in the test suite.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import eventwire  # noqa: E402
from eventwire import Pipeline  # noqa: E402
from eventwire.model import (  # noqa: E402
    ActorRef, ArticleMeta, CodedArticle, Event, EventDate, Evidence,
)
from eventwire.store import Store  # noqa: E402
from tests.analyze.syndicate import measure  # noqa: E402

CODES = [("RUS", "GOV"), ("RUS", "MIL"), ("USA", "GOV"), ("USA", "OPP"), ("UKR", "GOV"),
         ("BLR", "GOV"), ("CHN", "GOV"), ("IRN", "GOV"), ("IRN", "OPP"), ("FRA", "GOV")]
CATS = [("ACCUSE", 3, -3.0), ("THREATEN", 3, -6.0), ("CONSULT", 1, 1.0), ("AID", 2, 7.0),
        ("ASSAULT", 4, -10.0), ("AGREE", 1, 4.0), ("SANCTION", 3, -5.0)]
WORDS = "border troops talks grain oil drones sanctions envoy port missile election".split()


def threads_figure(n: int, k: int) -> None:
    pipeline = Pipeline()
    for lag in (False, True):
        with Store(":memory:") as store:
            started = time.perf_counter()
            f = measure(pipeline, store, n, k, lag=lag)
            secs = time.perf_counter() - started
        when = "half the copies a day later" if lag else "copies on the event's day"
        print(f"threads ({when}): {f['stories']} stories x {k} copies = {f['articles']} "
              f"articles, {f['mentions']} event mentions -> {f['threads']} threads; "
              f"wrongly merged {f['merged_wrongly']}, stories split {f['split']} "
              f"({secs:.1f}s incl. coding)")


def generated(i: int, rng: random.Random) -> CodedArticle:
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(730))
    events = []
    for j in range(5):
        (sc, ss), (tc, ts) = rng.sample(CODES, 2)
        cat, quad, score = rng.choice(CATS)
        words = " ".join(rng.sample(WORDS, 4))
        events.append(Event(
            id=f"e{j + 1}", category=cat, cameo="112", score=score, quad=quad,
            status=rng.choice(["asserted"] * 8 + ["claimed", "negated"]),
            source=(ActorRef(actor="a1", name=sc, country=sc, sector=ss),),
            target=(ActorRef(actor="a2", name=tc, country=tc, sector=ts),),
            evidence=Evidence(sentence=f"{sc} {cat.lower()} {tc} over {words}.", start=0,
                              end=40),
            date=EventDate(value=day.isoformat(), precision="day", text="today")))
    meta = ArticleMeta(id=f"bench-{i:07d}", url=f"https://bench.example/{i}",
                       source="Bench", title=f"Story {i}", published=day.isoformat())
    return CodedArticle(article=meta, text="generated", events=tuple(events),
                        version="bench", fingerprint="bench")


def timed(label: str, fn, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - started)
    rows = getattr(out, "shape", (None,))[0]
    print(f"  {label:42s} median {sorted(times)[len(times) // 2] * 1000:8.1f} ms"
          f"  ({rows} rows)")


def api_figures(n_events: int) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        with Store(db) as store:
            store.save_many(generated(i, rng) for i in range(n_events // 5))
        print(f"stored {n_events} generated events in {time.perf_counter() - started:.1f}s")
        with eventwire.open(db, read_only=False) as ew:
            started = time.perf_counter()
            done = ew.update_threads()
            print(f"update_threads: {done.events} events -> {done.threads} threads in "
                  f"{time.perf_counter() - started:.1f}s")
        with eventwire.open(db) as ew:
            timed("events(dyad='RUSGOV-UKRGOV', limit=100)",
                  lambda: ew.events(dyad="RUSGOV-UKRGOV"))
            timed("events(actor='IRN', text='drones')", lambda: ew.events(actor="IRN",
                                                                          text="drones"))
            timed("series('RUS', 'UKR', freq='week')", lambda: ew.series("RUS", "UKR"))
            timed("series('USAGOV', 'USAOPP', by='quad')",
                  lambda: ew.series("USAGOV", "USAOPP", by="quad"))
            timed("alerts() over every dyad", lambda: ew.alerts(), repeat=3)
            timed("threads(min_mentions=2, limit=100)", lambda: ew.threads(min_mentions=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=40, help="0 skips part 1")
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--events", type=int, default=0, help="also time the API on a store "
                        "of this many generated events")
    args = parser.parse_args()
    if args.stories:
        threads_figure(args.stories, args.copies)
    if args.events:
        api_figures(args.events)


if __name__ == "__main__":
    main()
