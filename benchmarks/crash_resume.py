"""Kill -9 a run of 2,000 generated articles mid-way, run it again, check exactly once.

    python benchmarks/crash_resume.py [--n 2000] [--kill-after 700]

The same procedure as tests/interfaces/test_resume.py (which runs it on 30 articles in the
test suite): an unbroken run stores the reference; a 2-worker run is SIGKILLed once
``--kill-after`` articles are committed and started again. It prints what the re-run
skipped and coded, and fails unless the resumed store holds exactly the ``--n`` articles of
the unbroken one, with the same rows, no duplicate and no orphan row. Takes minutes: a
benchmark, run on demand.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.interfaces.test_resume import kill_and_resume  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--kill-after", type=int, default=700)
    args = ap.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eventwire-crash-") as tmp:
        expected, resumed, skipped = kill_and_resume(Path(tmp), args.n, args.kill_after,
                                                     timeout=3600)
    rows = resumed["rows"]
    print(f"killed after {args.kill_after} committed articles; the re-run skipped {skipped} "
          f"and coded {args.n - skipped}")
    print(f"resumed store: {rows['articles']} articles, {rows['events']} events, "
          f"{resumed['duplicates']} duplicate rows, {resumed['orphans']} orphan events")
    ok = (resumed == expected and rows["articles"] == args.n and resumed["duplicates"] == 0
          and args.kill_after <= skipped < args.n)
    print(f"{'OK' if ok else 'FAILED'}: the resumed store "
          f"{'equals' if resumed == expected else 'differs from'} the unbroken run's "
          f"({time.perf_counter() - t0:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
