"""Throughput of `eventwire code` with the store, against bare spaCy, in one run (issue 8).

    python benchmarks/throughput.py [--n 500] [--seed 0] [--points 0,100000,1000000]
                                    [--cache /tmp/eventwire-bench] [--ray]

On the same ``--n`` articles generated from ../shared/corpus/articles (eventwire.ingest.
generate), it prints:

* bare spaCy ``nlp.pipe`` articles/s (model loaded and warmed up first);
* end-to-end ``eventwire code FILE --db STORE`` articles/s with 1 and 2 workers, run as the
  real command; the rate is taken between the first and the last article the store
  commits (its logger alone is set to debug, logging each), so model loading is left out
  as it is for spaCy;
  the wall time with start-up is printed beside it;
* their ratio (goal >= 0.8) and the speed-up of 2 workers over 1 (goal >= 1.8);
* peak RSS of every process of the run (VmHWM, sampled from /proc; goal <= 600 MB a worker);
* the store's cost per article, saving real coded articles (taken from the run above, with
  new ids) 16 to a transaction into stores already holding 0, 100k and 1M articles; the
  big stores are filled with fake rows in bulk (benchmarks/store_fill.py) and kept in
  ``--cache`` for the next run; and the cost of re-coding (replacing) them;
* with ``--ray``: the wall time of `--engine ray` with 2 workers (start-up included).

Shared machines are noisy: compare figures of one run only, and look at `uptime` first.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from store_fill import fill  # noqa: E402

from eventwire.ingest.generate import corpus_articles, write_jsonl  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.store.contract import coded_from_dict  # noqa: E402

CORPUS = HERE.parents[1] / "shared" / "corpus" / "articles"
if not CORPUS.is_dir():
    CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles"


def _tree(pid: int) -> list[int]:
    """pid and all its descendants (from /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class PeakRss:
    """Samples the peak RSS of a process tree every 0.2 s, per process."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peaks, self._stop = pid, {}, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for p in _tree(self.pid):
                mb = _hwm_mb(p)
                if mb is not None:
                    self.peaks[p] = max(mb, self.peaks.get(p, 0.0))

    def stop(self) -> dict[int, float]:
        self._stop.set()
        self._thread.join()
        return self.peaks


def bare_spacy(texts: list[str]) -> float:
    """Articles/s of ``nlp.pipe`` alone, after loading and a warm-up."""
    from eventwire.nlp import load_nlp
    nlp = load_nlp()
    list(nlp.pipe(texts[:16]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - t0)


_LOG_SAVES = ("import logging, sys\n"
              "log = logging.getLogger('eventwire.store.core')\n"
              "log.setLevel(logging.DEBUG); log.propagate = False\n"
              "out = logging.StreamHandler(sys.stderr)\n"
              "out.setFormatter(logging.Formatter('%(name)s: %(message)s'))\n"
              "log.addHandler(out)\n"
              "from eventwire.interfaces.cli import main; main()")


def end_to_end(src: Path, db: Path, workers: int) -> dict[str, object]:
    """Run the real command; the commit times of its articles and its processes' peaks."""
    # only the store's logger at debug, so the commit times are seen without the cost of
    # every other debug line (which would slow a 1-process run, not the workers)
    cmd = [sys.executable, "-c", _LOG_SAVES,
           "code", str(src), "--db", str(db), "--workers", str(workers), "--format", "jsonl",
           "-o", os.devnull]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    rss = PeakRss(proc.pid)
    saves: list[float] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        if " saved " in line:
            saves.append(time.perf_counter())
    proc.wait()
    wall = time.perf_counter() - t0
    peaks = rss.stop()
    if proc.returncode != 0 or len(saves) < 2:
        raise SystemExit(f"eventwire code failed (exit {proc.returncode}, {len(saves)} saved)")
    # the first commit marks the start: the articles it stored were coded before it
    burst = sum(1 for s in saves if s - saves[0] < 0.05)
    rate = (len(saves) - burst) / (saves[-1] - saves[0])
    parent = peaks.pop(proc.pid, 0.0)
    return {"rate": rate, "wall": wall, "n": len(saves), "parent_mb": parent,
            "worker_mb": sorted(peaks.values(), reverse=True)[:workers] if workers > 1 else []}


def _save_all(store: Store, articles: list) -> float:
    """ms per article to save ``articles`` 16 a transaction."""
    t0 = time.perf_counter()
    for i in range(0, len(articles), 16):
        store.save_batch(articles[i:i + 16])
    return (time.perf_counter() - t0) * 1000 / len(articles)


def store_cost(db: Path, coded: list, label: str, repeat: int = 3) -> tuple[float, float]:
    """ms per article to save ``coded`` (new ids) 16 a transaction, and to save them again
    (re-coding): the best of ``repeat`` rounds, after one warm-up batch (a long run has the
    store's indexes in memory; a shared machine adds noise, never speed)."""
    with Store(db) as store:
        _save_all(store, [replace(c, article=replace(c.article, id=f"warm-{time.time_ns()}"))
                          for c in coded[:16]])
        new, again = [], []
        for r in range(repeat):
            tag = f"{label}-{time.time_ns()}-{r}"
            fresh = [replace(c, article=replace(c.article, id=f"{tag}-{i}"))
                     for i, c in enumerate(coded)]
            new.append(_save_all(store, fresh))
            store._saved_here.clear()  # noqa: SLF001 - a re-code as a later run would do it
            again.append(_save_all(store, fresh))
    return min(new), min(again)


def filled_store(cache: Path, n: int) -> Path:
    """A store holding ``n`` fake articles (made once, then kept in ``cache``)."""
    path = cache / f"filled-{n}.duckdb"
    done = cache / f"filled-{n}.done"
    if n and not done.exists():
        path.unlink(missing_ok=True)
        with Store(path) as store:
            secs = fill(store, n)
        done.write_text(f"{secs:.1f}\n")
        print(f"  (filled a store with {n} fake articles in {secs:.0f} s; kept in {path})")
    elif not n:
        path.unlink(missing_ok=True)
    return path


def _store_points(source: Path, points: str, cache: Path, work: Path) -> None:
    """Print the store's cost per article at each number of stored articles in ``points``."""
    cache.mkdir(parents=True, exist_ok=True)
    with Store(source, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id LIMIT 500")]
        coded = [coded_from_dict(store.get_article(i)) for i in ids]
    print(f"store cost per article ({len(coded)} coded articles, 16 per transaction, best "
          "of 3):")
    for point in (int(p) for p in points.split(",") if p.strip()):
        db = filled_store(cache, point) if point else work / "empty.duckdb"
        new, again = store_cost(db, coded, f"p{point}")
        print(f"  at {point:>9,} stored: {new:6.2f} ms new, {again:6.2f} ms re-coded")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="generated articles (default 500)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--points", default="0,100000,1000000",
                    help="stored articles at which the store's cost is measured")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "eventwire-bench"),
                    help="folder keeping the filled stores between runs")
    ap.add_argument("--ray", action="store_true", help="also time --engine ray, 2 workers")
    ap.add_argument("--store-only", metavar="DB", help="only the store's cost, with the "
                    "coded articles of DB (e.g. the w1.duckdb a previous run left)")
    args = ap.parse_args()
    if args.store_only:
        _store_points(Path(args.store_only), args.points, Path(args.cache),
                      Path(tempfile.mkdtemp()))
        return 0
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="eventwire-throughput-"))
    src = write_jsonl(work / "articles.jsonl", corpus_articles(CORPUS, args.n, args.seed))
    texts = [json.loads(line)["text"] for line in src.read_text(encoding="utf-8").splitlines()]
    chars = sum(map(len, texts)) / len(texts)
    print(f"{args.n} generated articles (seed {args.seed}, {chars:.0f} characters on average);"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    # the town gazetteer is built once per machine and cached (extract/places/towns.py;
    # `make` builds it at install): make sure it is, so no run pays it mid-way
    from eventwire.extract.places import Gazetteer
    Gazetteer.load().towns("")
    spacy_rate = bare_spacy(texts)
    print(f"bare spaCy nlp.pipe          {spacy_rate:7.2f} articles/s")
    runs = {}
    for workers in (1, 2):
        r = end_to_end(src, work / f"w{workers}.duckdb", workers)
        runs[workers] = r
        rss = f"parent {r['parent_mb']:.0f} MB" + (
            "; workers " + ", ".join(f"{m:.0f}" for m in r["worker_mb"]) + " MB"
            if r["worker_mb"] else "")
        print(f"eventwire code --db, {workers} worker{'s' if workers > 1 else ' '} "
              f"{r['rate']:7.2f} articles/s  (wall {r['wall']:.1f} s with start-up; "
              f"peak RSS {rss})")
    ratio = runs[1]["rate"] / spacy_rate
    print(f"RATIO eventwire with store / bare spaCy (1 process) = {ratio:.2f}  (goal >= 0.8)")
    print(f"SPEED-UP 2 workers / 1 = {runs[2]['rate'] / runs[1]['rate']:.2f}x  (goal >= 1.8; "
          f"wall with start-up {runs[1]['wall'] / runs[2]['wall']:.2f}x)")
    worst = max([runs[1]["parent_mb"], *runs[2]["worker_mb"]])
    print(f"PEAK RSS per coding process = {worst:.0f} MB  (goal <= 600)")

    _store_points(work / "w1.duckdb", args.points, cache, work)

    if args.ray:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", "from eventwire.interfaces.cli import "
                               "main; main()", "code", str(src), "--engine", "ray",
                               "--workers", "2", "--db", str(work / "ray.duckdb")],
                              capture_output=True, text=True)
        secs = time.perf_counter() - t0
        print(f"--engine ray, 2 workers: {args.n} articles in {secs:.1f} s with start-up and "
              f"load ({args.n / secs:.2f} articles/s); exit {done.returncode}")
    print(f"(work files in {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
