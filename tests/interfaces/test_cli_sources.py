"""`eventwire code` on a feed URL served on 127.0.0.1, with renamed JSON fields and
non-English inputs; exit statuses; `eventwire status`; an older store brought up to date."""
from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.interfaces.cli import EXIT_SOME_FAILED, EXIT_USAGE, cli
from eventwire.store import Store

from ..ingest.test_ingest_fetch import site  # noqa: F401 - the local HTTP server fixture
from .test_neardup import STORY

FRENCH = ("Le maire de la petite ville a annoncé mardi que les travaux du nouveau pont seraient "
          "terminés avant la fin de l'année, malgré les protestations des habitants.")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_cli_feed_url_codes_pages_and_records_each_fetch_failure(runner, site, tmp_path):  # noqa: F811
    db = tmp_path / "feed.duckdb"
    result = runner.invoke(cli, ["code", f"{site.base}/feed.xml", "--db", str(db),
                                 "--fetch-delay", "0", "--fetch-timeout", "0.5",
                                 "--format", "jsonl", "--workers", "1"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    coded = [json.loads(ln) for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert sorted(c["article"]["url"].rsplit("/", 1)[-1] for c in coded) == [
        "a.html", "b.html", "big.html", "flaky.html"]  # big.html is under the 16 MB page cap
    with duckdb.connect(str(db), read_only=True) as con:
        errors = dict(con.execute("SELECT origin, reason FROM errors WHERE stage = 'fetch'"
                                  ).fetchall())
    names = {k.rsplit("/", 1)[-1]: v for k, v in errors.items()}
    assert set(names) == {"slow.html", "missing.html", "doc.pdf", "c.html", "to-file.html"}
    assert names["missing.html"] == "HTTP 404 Not Found" and "timed out" in names["slow.html"]

    status = runner.invoke(cli, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "articles      4" in status.output and "errors        5" in status.output
    assert "fetch       5" in status.output and "HTTP N Not Found" in status.output
    counts = json.loads(runner.invoke(cli, ["status", "--db", str(db), "--json"]).output)
    assert counts["errors_by_stage"] == {"fetch": 5} and counts["urls"] == 4


def test_cli_field_option_reads_renamed_keys(runner, tmp_path):
    src = tmp_path / "dump.jsonl"
    src.write_text(json.dumps({"body": STORY, "meta": {"date": "2026-03-03"},
                               "link": "https://news.example/valmora"}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(src), "--no-store", "--format", "jsonl",
                                 "--field", "text=body", "--field", "published=meta.date",
                                 "--field", "url=link"])
    assert result.exit_code == 0, result.output
    art = json.loads(result.stdout.splitlines()[0])["article"]
    assert art["published"] == "2026-03-03" and art["url"] == "https://news.example/valmora"
    plain = runner.invoke(cli, ["code", str(src), "--no-store"])
    assert plain.exit_code == 1 and "no 'text' or 'html' field" in plain.output


@pytest.mark.parametrize("args", [["code", "x.txt", "--field", "body"],
                                  ["code", "x.txt", "--field", "colour=red"],
                                  ["code", "x.txt", "--no-such-option"],
                                  ["code"], ["no-such-command"], ["--bogus"]])
def test_cli_usage_errors_exit_64(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == EXIT_USAGE == 64, result.output


def test_cli_non_english_input_is_an_error_row_and_the_rest_is_coded(runner, tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "lang.duckdb"
    result = runner.invoke(cli, ["code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--db", str(db), "--workers", "1"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert "not English: fr" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert con.execute("SELECT stage FROM errors").fetchall() == [("language",)]
    only = runner.invoke(cli, ["code", str(tmp_path / "a.txt"), "--no-store"])
    assert only.exit_code == 1  # every input failed
    anyway = runner.invoke(cli, ["code", str(tmp_path / "a.txt"), "--no-store",
                                 "--any-language"])
    assert anyway.exit_code == 0, anyway.output


def test_store_before_near_duplicates_is_upgraded_and_signed_for_later_copies(runner, tmp_path):
    db = tmp_path / "old.duckdb"
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "first", "url": "https://a.example/1", "text": STORY,
                               "published": "2026-03-03"}) + "\n", encoding="utf-8")
    assert runner.invoke(cli, ["code", str(src), "--db", str(db)]).exit_code == 0
    with duckdb.connect(str(db)) as con:  # make it a store of the schema before this change
        for table in ("article_urls", "minhash_signatures", "minhash_bands"):
            con.execute(f"DROP TABLE {table}")
        con.execute("UPDATE schema_version SET version = 2")  # the schema before them
    copy = tmp_path / "b.jsonl"
    copy.write_text(json.dumps({"id": "second", "url": "https://b.example/2",
                                "text": "Advertisement\n\n" + STORY,
                                "published": "2026-03-04"}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["code", str(copy), "--db", str(db)])
    assert result.exit_code == 0 and "1 near-duplicate" in result.output, result.output
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 1
        urls = store.query("SELECT url, duplicate FROM article_urls ORDER BY url")
    assert [(u["url"], u["duplicate"]) for u in urls] == [("https://a.example/1", False),
                                                           ("https://b.example/2", True)]
