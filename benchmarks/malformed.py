"""Issue 8's bad-input run: N generated damaged inputs (default 1,000, plus a 50 MB line)
through `eventwire code` in one process; prints crashes/hangs, error rows, stored articles,
time and peak RSS of the run (goal: 0 crashes, 0 hangs, every bad item an errors row, every
good item stored, peak RSS under 1 GB).

    python benchmarks/malformed.py [--n 1000] [--big-line-mb 50] [--workers 1]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from eventwire.ingest.malformed import write_malformed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--big-line-mb", type=float, default=50.0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "store.duckdb"
        expect = write_malformed(folder, args.n, int(args.big_line_mb * 1_000_000))
        started = time.perf_counter()
        try:
            run = subprocess.run([sys.executable, "-m", "eventwire.interfaces.cli", "code",
                                  str(folder), "--db", str(db), "--workers", str(args.workers),
                                  "--format", "jsonl", "-o", "/dev/null"],
                                 capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"HANG: no end after {args.timeout:.0f} s")
            raise SystemExit(1)
        secs = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with duckdb.connect(str(db), read_only=True) as con:
            errors = con.execute("SELECT count(DISTINCT split_part(origin, ':', 1)) "
                                 "FROM errors").fetchone()[0]
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    bad = sum(1 for good in expect.values() if not good)
    print(f"inputs {len(expect)} ({bad} damaged, {len(expect) - bad} good) in {secs:.1f} s")
    print(f"exit status {run.returncode}; tracebacks {run.stderr.count('Traceback')}")
    print(f"files with an errors row {errors} (of {bad} damaged); articles stored {stored} "
          f"(of {len(expect) - bad} good)")
    print(f"peak RSS of the run {rss:.0f} MB (goal < 1024)")


if __name__ == "__main__":
    main()
