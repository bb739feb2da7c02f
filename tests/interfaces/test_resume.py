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
    """What a user would compare: the articles, their events, and no stray rows anywhere."""
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
        }


def test_resume_after_sigkill_stores_exactly_what_an_unbroken_run_stores(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", N)
    unbroken = tmp_path / "unbroken.duckdb"
    done = subprocess.run(_eventwire("code", str(src), "--db", str(unbroken), "--format",
                                     "jsonl", "-o", os.devnull, "--workers", "1"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = _contents(unbroken)
    assert len(expected["articles"]) == N and sum(n for _, n in expected["events"]) > N

    # killed and resumed with two worker processes: the parent, which writes the store, dies
    killed = tmp_path / "killed.duckdb"
    args = ("code", str(src), "--db", str(killed), "--format", "jsonl", "-o", os.devnull,
            "--batch-size", "4", "--workers", "2")
    proc = subprocess.Popen(_eventwire("-vv", *args), stderr=subprocess.PIPE, text=True)
    saved = 0
    assert proc.stderr is not None
    for line in proc.stderr:  # the store logs each committed article at -vv
        saved += " saved gen-" in line
        if saved == 10:
            proc.send_signal(signal.SIGKILL)
            break
    assert proc.wait(timeout=60) == -signal.SIGKILL  # it was killed mid-run, not finished

    again = subprocess.run(_eventwire(*args), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    skipped = int(again.stderr.split("skipped ")[1].split()[0])
    assert 10 <= skipped < N  # only the rest was coded
    assert f"coded {N - skipped}, skipped {skipped} already stored" in again.stderr
    assert _contents(killed) == expected

