"""Kill safety: SIGKILL `eventwire code` at several random moments, restart it each time, and
check the store ends equal to an unbroken run's.

    nice python benchmarks/kill_safety.py [--n 2000] [--kills 5] [--seed 1] [--short]

What a user's overnight run meets: the machine reboots, the OOM killer strikes, someone
presses the wrong key. ``--n`` articles are generated from ../shared/corpus/articles
(``eventwire.ingest.generate``: recombined paragraphs, so spaCy and the extractors do real
work; ``--short`` uses the cheap template articles instead). An unbroken run stores the
reference. Then the same command (default workers) is started, killed with SIGKILL (the
whole process group: the writer and its workers, as a power cut would) after a random
delay, started again, ``--kills`` times, and finally let run to the end. The figures: each
kill's moment and what the store held then; the final run's skipped/coded counts; the time
lost to the kills; and whether the store equals the unbroken one (article ids, per-article
event counts, every event's id and category, rows of every table), with no duplicate or
orphan row. Takes tens of minutes: a benchmark, run on demand.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.ingest.generate import corpus_articles, short_article, write_jsonl  # noqa: E402
from tests.interfaces.test_resume import _contents  # noqa: E402


def _command(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "from eventwire.interfaces.cli import main; main()", "code",
            str(src), "--db", str(db), "--format", "jsonl", "-o", os.devnull]


def _stored(db: Path) -> int:
    """Articles a store holds (opening it replays what its log committed)."""
    if not db.exists():
        return 0
    with duckdb.connect(str(db), read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])


def _run(src: Path, db: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(_command(src, db), capture_output=True, text=True, timeout=7200)
    if done.returncode != 0:
        raise SystemExit(f"run failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - t0, done.stderr


def _killed_run(src: Path, db: Path, after: float) -> bool:
    """Start a run, SIGKILL its process group ``after`` seconds later; False if it ended
    first (nothing left to kill)."""
    proc = subprocess.Popen(_command(src, db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to generate")
    ap.add_argument("--kills", type=int, default=5, help="SIGKILLs before the last run")
    ap.add_argument("--seed", type=int, default=1, help="seed of the articles and the moments")
    ap.add_argument("--short", action="store_true", help="template articles (fast), not "
                    "recombined corpus articles")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="eventwire-kill-") as tmp:
        folder = Path(tmp)
        articles = ((short_article(i) for i in range(args.n)) if args.short else
                    corpus_articles(args.corpus, args.n, seed=args.seed))
        src = write_jsonl(folder / "news.jsonl", articles)
        print(f"{args.n} {'template' if args.short else 'corpus'} articles, "
              f"{src.stat().st_size / 1e6:.1f} MB of JSON Lines", flush=True)

        unbroken_secs, unbroken_log = _run(src, folder / "unbroken.duckdb")
        expected = _contents(folder / "unbroken.duckdb")
        print(f"unbroken run: {unbroken_secs:.0f} s, {expected['rows']['articles']} articles, "
              f"{expected['rows']['events']} events, {expected['errors']} errors rows; its "
              f"summary: {unbroken_log.strip().splitlines()[-1] if unbroken_log.strip() else '-'}",
              flush=True)

        db = folder / "killed.duckdb"
        t0 = time.perf_counter()
        moments = []
        for k in range(args.kills):
            # anywhere from start-up (model loading) to well into the run
            after = rng.uniform(2.0, max(4.0, unbroken_secs / args.kills))
            killed = _killed_run(src, db, after)
            held = _stored(db)
            moments.append((after, killed, held))
            print(f"kill {k + 1}: after {after:.1f} s {'SIGKILL' if killed else '(had ended)'}"
                  f"; the store holds {held} articles", flush=True)
        final_secs, log = _run(src, db)
        total_secs = time.perf_counter() - t0
        resumed = _contents(db)
    summary = log.strip().splitlines()[-1] if log.strip() else "-"
    rows = resumed["rows"]
    print(f"last run: {final_secs:.0f} s; its summary: {summary}")
    print(f"killed {sum(k for _, k, _ in moments)} times; all runs together took "
          f"{total_secs:.0f} s against {unbroken_secs:.0f} s unbroken "
          f"({total_secs / unbroken_secs:.2f}x)")
    print(f"resumed store: {rows['articles']} articles, {rows['events']} events, "
          f"{resumed['duplicates']} duplicate rows, {resumed['orphans']} orphan events, "
          f"{resumed['errors']} errors rows")
    same = resumed == expected
    # the reference is the unbroken run (a generated near-duplicate is stored once there too)
    ok = (same and rows["articles"] == expected["rows"]["articles"] > 0
          and resumed["duplicates"] == 0 and resumed["orphans"] == 0)
    print(f"{'OK' if ok else 'FAILED'}: article ids and event counts "
          f"{'equal' if same else 'differ from'} the unbroken run's")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
