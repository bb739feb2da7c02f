"""The `eventwire` command, run in-process with click's CliRunner on real files."""
from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.interfaces.cli import cli

from ..conftest import SEED


@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_code_seed_json_and_store(runner, tmp_path, nlp):
    db = tmp_path / "ew.duckdb"
    result = runner.invoke(cli, ["code", str(SEED), "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["published"] == "2020-11-24"
    assert data["article"]["source"] == "Newsweek"
    assert data["events"] and data["eventwire"]["version"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 1
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert n_events == len(data["events"])
    # a re-run skips the article already stored, before parsing it, and prints its coding
    again = runner.invoke(cli, ["code", str(SEED), "--format", "json", "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == data
    assert "coded 0, skipped 1 already stored" in again.stderr
    # --recode codes it again and replaces it: no duplicate rows, same ids
    again = runner.invoke(cli, ["code", str(SEED), "--format", "json", "--db", str(db),
                                "--recode"])
    assert json.loads(again.stdout)["article"]["id"] == data["article"]["id"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 1
        assert con.execute("select count(*) from events").fetchone()[0] == n_events


def test_cli_table_summary_shows_events(runner, tmp_path):
    result = runner.invoke(cli, ["code", str(SEED), "--no-store"])
    assert result.exit_code == 0, result.output
    assert "->" in result.stdout and "events" in result.stdout


def test_cli_bad_inputs_are_reported_and_the_rest_is_coded(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Published: 2021-03-02\n\nPeru expelled the Bolivian ambassador on Monday.\n",
                    encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le président français a rencontré le Premier ministre à Genève."
                       .encode("latin-1"))
    cp1251 = tmp_path / "cp1251.txt"
    cp1251.write_bytes("Президент России встретился с премьер-министром. Russia met Serbia."
                       .encode("cp1251"))
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><p>Chile recalled its ambassador from Peru on Tuesday."
                      "<div><p>Unclosed <b>tags", encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("Kenya condemned Uganda. " * 220_000, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    db = tmp_path / "ew.duckdb"
    args = ["code", str(good), str(empty), str(binary), str(latin1), str(cp1251), str(broken),
            str(huge), str(missing), "--format", "jsonl", "--db", str(db)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output  # some failed: a cron job can tell
    assert "coded 5, failed 3" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    files = {line["article"]["file"] for line in lines}
    assert str(good) in files
    for bad in (empty, binary, missing):
        assert str(bad) not in files
        assert str(bad.name) in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        errors = con.execute("select origin from errors").fetchall()
    assert {str(missing), str(empty), str(binary)} <= {o for (o,) in errors} | {
        o.split(":")[0] for (o,) in errors}


def test_cli_every_input_failing_exits_nonzero(runner, tmp_path):
    result = runner.invoke(cli, ["code", str(tmp_path / "nope.txt"), "--no-store"])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_cli_inputs_holding_no_article_are_failures_not_silence(runner, tmp_path):
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", encoding="utf-8")
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Chile recalled its ambassador from Peru on Tuesday.", encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    result = runner.invoke(cli, ["code", str(blank), str(folder), str(good), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "blank.jsonl" in result.stderr and "empty-folder" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        origins = {o for (o,) in con.execute("select origin from errors").fetchall()}
    assert {str(blank), str(folder)} <= origins


@pytest.mark.parametrize("command", [[], ["code"], ["eval"], ["export"]])
def test_cli_every_command_has_help(runner, command):
    result = runner.invoke(cli, command + ["--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 4


def test_cli_jsonl_in_jsonl_out_keeps_item_ids(runner, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"id": "s1", "text": "Kenya condemned Uganda over the border closure.", "date": "2021-03-02"}\n'
        '{"id": "s2", "text": "Chile recalled its ambassador from Peru.", "published": "2021-03-03"}\n'
        'not json at all\n', encoding="utf-8")
    result = runner.invoke(cli, ["code", str(batch), "--format", "jsonl", "--no-store"])
    assert result.exit_code == 2, result.output  # one line failed, two were coded
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [line["article"]["id"] for line in lines] == ["s1", "s2"]
    assert lines[0]["article"]["published"] == "2021-03-02"
    assert any(e["category"] == "ACCUSE" for e in lines[0]["events"])
    assert "batch.jsonl:3" in result.stderr


def test_cli_min_confidence_drops_weak_events(runner, tmp_path):
    all_ = runner.invoke(cli, ["code", str(SEED), "--format", "json", "--no-store"])
    strict = runner.invoke(cli, ["code", str(SEED), "--format", "json", "--no-store",
                                 "--min-confidence", "0.8"])
    n_all = len(json.loads(all_.stdout)["events"])
    kept = json.loads(strict.stdout)["events"]
    assert all(e["confidence"] >= 0.8 for e in kept)
    assert 0 < len(kept) < n_all


def test_cli_two_items_with_one_id_keep_the_first_and_report_the_second(runner, tmp_path):
    batch = tmp_path / "dups.jsonl"
    batch.write_text(
        '{"id": "n1", "text": "Ghana recalled its envoy from Togo.", "published": "2021-03-02"}\n'
        '{"id": "n1", "text": "Mali expelled the French ambassador.", "published": "2021-03-03"}\n'
        '{"id": "n2", "text": "Niger thanked Benin for the aid.", "published": "2021-03-03"}\n',
        encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    result = runner.invoke(cli, ["code", str(batch), "--format", "jsonl", "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "already stored in this run" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        stored = dict(con.execute("select id, text from articles").fetchall())
        errors = con.execute("select stage from errors").fetchall()
    assert stored == {"n1": "Ghana recalled its envoy from Togo.",
                      "n2": "Niger thanked Benin for the aid."}
    assert errors == [("store",)]


def test_cli_export_while_another_process_writes_says_so_without_a_traceback(runner, tmp_path):
    import subprocess
    import sys
    import textwrap
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from eventwire.store import Store
        s = Store({str(db)!r})
        print("open", flush=True)
        sys.stdin.readline()
        s.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = runner.invoke(cli, ["export", "--db", str(db), str(tmp_path / "out")])
    finally:
        holder.communicate("\n", timeout=30)
    assert result.exit_code == 1
    assert "another process has it open" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_cli_a_rerun_prints_the_stored_coding_of_articles_it_skips(runner, tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Published: 2021-03-02\n\nChile recalled its ambassador from Peru on "
                       "Tuesday.", encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    first = runner.invoke(cli, ["code", str(article), "--format", "json", "--db", str(db)])
    again = runner.invoke(cli, ["code", str(article), "--format", "json", "--db", str(db)])
    assert first.exit_code == 0 and again.exit_code == 0, again.output
    assert "skipped 1 already stored" in again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert any(e["category"] == "SANCTION" for e in json.loads(again.stdout)["events"])
