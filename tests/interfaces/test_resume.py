"""Exactly once: a run killed with SIGKILL and started again stores what an unbroken run does.

These run the real `eventwire` command as a subprocess (the only way to kill -9 it honestly).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

from .generated import write_jsonl

N = 30


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-c", "from eventwire.interfaces.cli import main; main()", *args]


def _contents(db: Path) -> dict[str, object]:
    """What a user would compare: the articles, their events, and no stray rows anywhere
    (``duplicates``: child rows stored twice for one article and position, must be 0)."""
    dup = " + ".join(f"(SELECT count(*) FROM (SELECT article_id, ord FROM {t} GROUP BY ALL "
                     "HAVING count(*) > 1))" for t in ("actors", "events", "quotes", "dates",
                                                       "places"))
    with duckdb.connect(str(db), read_only=True) as con:
        events = con.execute("SELECT article_id, count(*) FROM events GROUP BY 1 ORDER BY 1"
                             ).fetchall()
        return {
            "articles": [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()],
            "events": events,
            "event_ids": con.execute("SELECT article_id, ord, event_id, category FROM events "
                                     "ORDER BY 1, 2").fetchall(),
            "rows": {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "actors", "events", "quotes", "dates", "places")},
            "errors": con.execute("SELECT count(*) FROM errors").fetchone()[0],
            "duplicates": con.execute(f"SELECT {dup}").fetchone()[0],
            "orphans": con.execute("SELECT count(*) FROM events WHERE article_id NOT IN "
                                   "(SELECT id FROM articles)").fetchone()[0],
        }


def _run(src: Path, db: Path, *extra: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_eventwire("code", str(src), "--db", str(db), "--format", "jsonl",
                                     "-o", os.devnull, *extra),
                          capture_output=True, text=True, timeout=timeout)


def kill_and_resume(folder: Path, n: int, kill_after: int, timeout: float = 120,
                    workers: str = "2") -> tuple[dict[str, object], dict[str, object], int]:
    """Code ``n`` generated articles unbroken (1 process); code them again with ``workers``
    processes, SIGKILL the run once ``kill_after`` articles are committed, and run it again.

    Returns (the unbroken store's contents, the resumed store's, articles the re-run
    skipped). Shared with benchmarks/crash_resume.py, which runs it on 2,000 articles.
    """
    src = write_jsonl(folder / "news.jsonl", n)
    unbroken = folder / "unbroken.duckdb"
    done = _run(src, unbroken, "--workers", "1", timeout=timeout)
    assert done.returncode == 0, done.stderr
    expected = _contents(unbroken)

    # killed and resumed with two worker processes: the parent, which writes the store, dies
    killed = folder / "killed.duckdb"
    args = ("code", str(src), "--db", str(killed), "--format", "jsonl", "-o", os.devnull,
            "--batch-size", "4", "--workers", workers)
    proc = subprocess.Popen(_eventwire("-vv", *args), stderr=subprocess.PIPE, text=True)
    saved = 0
    assert proc.stderr is not None
    for line in proc.stderr:  # the store logs each committed article at -vv
        saved += " saved gen-" in line
        if saved == kill_after:
            proc.send_signal(signal.SIGKILL)
            break
    assert proc.wait(timeout=60) == -signal.SIGKILL  # it was killed mid-run, not finished

    again = _run(src, killed, "--batch-size", "4", "--workers", workers, timeout=timeout)
    assert again.returncode == 0, again.stderr
    skipped = int(again.stderr.split("skipped ")[1].split()[0])
    assert f"coded {n - skipped}, skipped {skipped} already stored" in again.stderr
    return expected, _contents(killed), skipped


def test_resume_after_sigkill_stores_exactly_what_an_unbroken_run_stores(tmp_path):
    expected, resumed, skipped = kill_and_resume(tmp_path, N, kill_after=10)
    assert len(expected["articles"]) == N and sum(n for _, n in expected["events"]) > N
    assert 10 <= skipped < N  # only the rest was coded
    assert resumed == expected


def test_resume_after_sigkill_of_one_process_with_a_batch_in_the_writer_thread(tmp_path):
    """One process writes a batch in its writer thread while it parses the next: killed
    just after a commit (often with the next batch mid-transaction), the re-run still ends
    with exactly the unbroken run's store."""
    expected, resumed, skipped = kill_and_resume(tmp_path, N, kill_after=8, workers="1")
    assert 8 <= skipped < N
    assert resumed == expected
