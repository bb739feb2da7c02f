"""CPU time per stage of a real `eventwire code --db` run, in one process (issue 8).

    python benchmarks/stages.py [--n 150] [--seed 0] [--split-captions] [--profile FILE]

Why CPU time: the machine is shared, so wall-clock rates swing with the other users' load;
CPU time counts only the work done (``time.thread_time`` per stage, in the thread that ran
it, since the store writes in a thread of its own; ``time.process_time`` for the whole run).
The real command runs in-process on ``--n`` articles generated from
../shared/corpus/articles, with timers wrapped around the functions of each stage (the
wrappers cost a few microseconds a call). Printed per article: cleaning, spaCy (bodies and
captions apart with ``--split-captions``), each extractor,
the store (rows and inserts, threads and the summary), near-duplicate signatures and the
JSON output; and the share of the whole run each takes. ``--profile FILE`` also writes a
cProfile of the run (with process_time as its clock) for ``python -m pstats FILE``.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus" / "articles"

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_LOCAL = threading.local()  # per thread (the store writes in one of its own): open timers


def _stack() -> list[list[float]]:
    """This thread's open timers: [start, time of timed callees] each."""
    if not hasattr(_LOCAL, "stack"):
        _LOCAL.stack = []
    return _LOCAL.stack


def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` counting its own CPU time (callees timed themselves are left out) under
    ``label``; a generator's time is counted while it runs, between its yields."""
    import inspect

    def account(start: float, inner: float) -> None:
        spent = time.thread_time() - start
        TOTALS[label] += spent - inner
        if _stack():
            _stack()[-1][1] += spent

    if inspect.isgeneratorfunction(fn):
        def gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            it = fn(*args, **kwargs)
            CALLS[label] += 1
            while True:
                _stack().append([time.thread_time(), 0.0])
                try:
                    item = next(it)
                except StopIteration:
                    start, inner = _stack().pop()
                    account(start, inner)
                    return
                start, inner = _stack().pop()
                account(start, inner)
                yield item
        return gen_wrapper

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        CALLS[label] += 1
        _stack().append([time.thread_time(), 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            start, inner = _stack().pop()
            account(start, inner)
    return wrapper


def instrument() -> None:
    """Wrap the stage functions where their callers look them up."""
    import eventwire.pipeline as pl
    import eventwire.ingest as ing
    import eventwire.store.write as wr
    import eventwire.store.derived as dv
    from eventwire.dedup import index as dd
    from eventwire.model import CodedArticle
    from eventwire.store.core import Store

    stages: list[tuple[Any, str, str]] = [
        (pl, "prepare", "cleaning (prepare)"),
        *((pl, f"extract_{x}", f"extract: {x}")
          for x in ("actors", "dates", "places", "quotes", "events")),
        (pl.Pipeline, "code_doc", "extract: rest of code_doc"),
        (pl.Pipeline, "parse", "spaCy parse (bodies + captions)"),
        (ing, "_language_refusal", "language detection"),
        (wr, "build_rows", "store: build rows"), (wr, "delete_articles", "store: delete old"),
        (wr, "insert_rows", "store: insert"),
        (dv, "before", "store: threads+summary (before)"),
        (dv, "after", "store: threads+summary (after)"),
        (Store, "already_stored", "store: already stored?"),
        (Store, "record_failure", "store: errors row"),
        (dd.NearDuplicates, "check", "near-duplicates: check"),
        (dd.NearDuplicates, "sign", "near-duplicates: sign"),
        (CodedArticle, "to_dict", "output: to_dict"),
    ]
    for owner, name, label in stages:
        setattr(owner, name, timed(label, getattr(owner, name)))
    Store._transaction = _timed_cm("store: begin/commit", Store._transaction)


def _timed_cm(label: str, cm: Any) -> Any:
    """A context manager's enter and exit (BEGIN and COMMIT) timed, not its body."""
    from contextlib import contextmanager
    inner = cm.__wrapped__

    @contextmanager
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        gen = inner(*args, **kwargs)
        t0 = time.thread_time()
        value = next(gen)
        TOTALS[label] += time.thread_time() - t0
        try:
            yield value
        except BaseException as exc:
            gen.throw(exc)
            raise
        t0 = time.thread_time()
        try:
            next(gen)
        except StopIteration:
            pass
        TOTALS[label] += time.thread_time() - t0
    return wrapper


def split_captions() -> None:
    """Time spaCy on bodies and on captions apart (Pipeline.parse pipes them together)."""
    import eventwire.pipeline as pl

    def parse(self: Any, cleaned: Any) -> list[tuple[Any, list[Any]]]:
        t0 = time.thread_time()
        bodies = list(self.nlp.pipe([c.text for c in cleaned]))
        t1 = time.thread_time()
        caps = [cap for c in cleaned for cap in c.captions]
        docs = iter(list(self.nlp.pipe(caps)) if caps else [])
        t2 = time.thread_time()
        TOTALS["spaCy: captions"] += t2 - t1
        CALLS["captions parsed"] += len(caps)
        TOTALS["spaCy: bodies"] += t1 - t0
        return [(body, [next(docs) for _ in c.captions]) for body, c in zip(bodies, cleaned)]
    pl.Pipeline.parse = parse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split-captions", action="store_true",
                    help="parse captions in a spaCy batch of their own, to time them apart")
    ap.add_argument("--profile", metavar="FILE", help="also write a cProfile of the run")
    args = ap.parse_args()
    from eventwire.ingest.generate import corpus_articles, write_jsonl
    from eventwire.interfaces.cli import cli
    from eventwire.extract.places import Gazetteer
    from eventwire.pipeline import Pipeline

    work = Path(tempfile.mkdtemp(prefix="eventwire-stages-"))
    src = write_jsonl(work / "articles.jsonl", corpus_articles(CORPUS, args.n, args.seed))
    Gazetteer.load().towns("")
    import eventwire.analyze.threads  # noqa: F401 - imported by the first save otherwise
    instrument()
    if args.split_captions:
        split_captions()
    # load the model before the clock starts (the CLI builds its own Pipeline: keep one)
    import eventwire.pipeline as pl
    loaded = Pipeline()
    pl.Pipeline.__init__ = lambda self, *a, **k: self.__dict__.update(loaded.__dict__)
    argv = ["-q", "code", str(src), "--db", str(work / "s.duckdb"), "--workers", "1",
            "--format", "jsonl", "-o", os.devnull]
    prof = cProfile.Profile(time.process_time) if args.profile else None
    load = os.getloadavg()[0]
    c0, w0 = time.process_time(), time.perf_counter()
    try:
        if prof:
            prof.enable()
        cli.main(argv, standalone_mode=False)
    finally:
        if prof:
            prof.disable()
            prof.dump_stats(args.profile)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    n = args.n
    print(f"{n} generated articles, load {load:.1f} -> {os.getloadavg()[0]:.1f}; CPU "
          f"{cpu:.1f} s ({1000 * cpu / n:.1f} ms an article), wall {wall:.1f} s")
    rest = cpu - sum(TOTALS.values())
    for label, secs in sorted({**TOTALS, "other (reading, CLI, DuckDB threads)": rest}.items(),
                              key=lambda kv: -kv[1]):
        print(f"  {label:34s} {1000 * secs / n:7.2f} ms  {100 * secs / cpu:5.1f} %")
    if CALLS.get("captions parsed"):
        print(f"  ({CALLS['captions parsed']} captions parsed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
