"""Near-duplicates end to end: 20 copies of one wire story are stored once with 20 URLs;
another story on the same topic is not merged; a re-run adds nothing; ``eventwire status``."""
from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.dedup import signature, similarity
from eventwire.dedup.syndicate import copies
from eventwire.interfaces.cli import cli

# Two stories written for these tests: one event, and another event on the same topic.
STORY = """The port authority of Valmora said on Tuesday that it would close the northern container terminal for six weeks after inspectors found cracks in two of its cranes.

Shipping companies were told to divert cargo to the southern terminal, which officials said could handle about half of the usual traffic during the repairs.

The closure comes a month after a large storm damaged the breakwater, and the authority has asked the regional government for emergency funds to pay for both repairs.

Dock workers' unions said they would meet the authority on Friday to discuss shifts at the southern terminal, where they fear overtime will become the rule."""
OTHER = """Dock workers in Valmora began a two-day strike on Thursday over pay, halting loading at the southern container terminal and leaving dozens of ships waiting offshore.

The union said its members had not received the overtime promised when the northern terminal closed for crane repairs last month, and accused the port authority of breaking its word.

The authority said the strike was illegal because the union had given only one day of notice, and that it would ask a court to order the workers back to the cranes.

Shipping companies warned that the stoppage could cost the region's exporters millions of dollars a day if it lasted into next week."""


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _write(path, items):
    path.write_text("".join(json.dumps({**it, "published": "2026-03-03"}) + "\n"
                            for it in items), encoding="utf-8")
    return path


def test_neardup_syndicated_copies_are_similar_and_other_story_is_not():
    twenty = copies(STORY, "Valmora closes container terminal", 20, seed=1)
    base = signature(twenty[0]["text"])
    sims = [similarity(base, signature(c["text"])) for c in twenty[1:]]
    assert min(sims) >= 0.5, sims
    assert similarity(base, signature(OTHER)) < 0.2


def test_neardup_twenty_copies_stored_once_with_twenty_urls(runner, tmp_path):
    db = tmp_path / "news.duckdb"
    twenty = copies(STORY, "Valmora closes container terminal", 20, seed=1)
    src = _write(tmp_path / "wire.jsonl", twenty + [
        {"id": "other", "url": "https://other.example/strike", "title": "Dock strike",
         "text": OTHER}])
    result = runner.invoke(cli, ["code", str(src), "--db", str(db), "--workers", "1",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "19 near-duplicates" in result.output
    assert len([ln for ln in result.stdout.splitlines() if ln.startswith("{")]) == 2
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        urls = con.execute("SELECT url, duplicate FROM article_urls WHERE article_id = ? "
                           "ORDER BY url", [twenty[0]["id"]]).fetchall()
        assert sorted(u for u, _ in urls) == sorted(c["url"] for c in twenty)
        assert sum(d for _, d in urls) == 19
        assert con.execute("SELECT count(*) FROM article_urls WHERE article_id = 'other'"
                           ).fetchone()[0] == 1
        rows = con.execute("SELECT count(*) FROM article_urls").fetchone()[0]

    again = runner.invoke(cli, ["code", str(src), "--db", str(db), "--workers", "1",
                                "--format", "jsonl"])
    assert again.exit_code == 0, again.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM article_urls").fetchone()[0] == rows

    status = runner.invoke(cli, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "articles      2" in status.output and "duplicates    19" in status.output


def test_neardup_copy_in_a_later_run_joins_the_stored_article(runner, tmp_path):
    db = tmp_path / "news.duckdb"
    five = copies(STORY, "Valmora closes container terminal", 5, seed=2)
    first = runner.invoke(cli, ["code", str(_write(tmp_path / "a.jsonl", five[:2])),
                                "--db", str(db), "--workers", "1"])
    assert first.exit_code == 0, first.output
    later = runner.invoke(cli, ["code", str(_write(tmp_path / "b.jsonl", five[2:])),
                                "--db", str(db), "--workers", "1"])
    assert later.exit_code == 0 and "3 near-duplicates" in later.output, later.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM article_urls").fetchone()[0] == 5
