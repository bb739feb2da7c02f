"""A folder of damaged inputs with good articles among them goes through one run whole.

Issue 8: no input ends a batch. Every kind of damage (gzip and WARC cut short, binary, empty,
HTML without a body, 10,000 nested tags, broken JSON Lines, a foreign encoding, a symlink loop,
one huge line) sits beside good articles; the run must not crash or hang, every bad file must
leave an ``errors`` row naming it, and every good one must be stored.
"""
from __future__ import annotations

import subprocess
import sys

import duckdb

from eventwire.ingest.malformed import KINDS, write_malformed


def test_every_bad_input_is_an_error_row_and_every_good_one_is_stored(tmp_path):
    folder, db = tmp_path / "inputs", tmp_path / "store.duckdb"
    expect = write_malformed(folder, 2 * len(KINDS), big_line_bytes=3_000_000)
    run = subprocess.run(
        [sys.executable, "-m", "eventwire.interfaces.cli", "code", str(folder), "--db", str(db),
         "--workers", "1", "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")],
        capture_output=True, text=True, timeout=600)  # a hang fails the test
    assert run.returncode == 2, run.stderr  # some inputs failed, the rest is coded
    assert "Traceback" not in run.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        failed = {o for (o,) in con.execute("SELECT origin FROM errors").fetchall()}
        reasons = [r for (r,) in con.execute("SELECT reason FROM errors").fetchall()]
        stored = {f for (f,) in con.execute("SELECT file FROM articles").fetchall()}
    stored_names = {str(f).rsplit("/", 1)[-1] for f in stored if f}
    for name, good in expect.items():
        named_in_errors = any(o.rsplit("/", 1)[-1].split(":")[0] == name for o in failed)
        if good:
            assert name in stored_names and not named_in_errors, name
        else:
            assert named_in_errors and name not in stored_names, name
    assert all(r.strip() for r in reasons)  # every error row says why
