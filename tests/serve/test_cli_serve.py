"""`eventwire serve` refuses unclear invocations before opening anything."""
from __future__ import annotations

from click.testing import CliRunner

from eventwire.interfaces.cli import cli
from eventwire.interfaces.exits import EXIT_USAGE


def test_serve_sources_need_watch(tmp_path):
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), str(tmp_path)])
    assert r.exit_code == EXIT_USAGE and "only read with --watch" in r.output


def test_serve_watch_needs_a_source(tmp_path):
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), "--watch"])
    assert r.exit_code == EXIT_USAGE and "--watch needs at least one SOURCE" in r.output


def test_serve_read_only_needs_an_existing_store(tmp_path):
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and "no such store" in r.output
    assert not (tmp_path / "missing.duckdb").exists()  # read-only never creates a file


def test_serve_refuses_a_store_another_process_writes(tmp_path):
    """DuckDB's one-writer rule, said in one line instead of a traceback."""
    import subprocess
    import sys
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, duckdb; c = duckdb.connect("
                               f"{str(db)!r}); print('open', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        r = CliRunner().invoke(cli, ["serve", "--db", str(db)])
        assert r.exit_code == 1 and "another process has it open" in r.output
    finally:
        holder.communicate("", timeout=30)
