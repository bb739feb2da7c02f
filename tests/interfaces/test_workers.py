"""`eventwire code --workers N`: the same results, in the same order, from N processes."""
from __future__ import annotations

import json
import os
import signal

from click.testing import CliRunner

from eventwire.interfaces.cli import cli
from eventwire.model import ArticleMeta, CodedArticle, Document, Failure
from eventwire.parallel import WorkerPool
from eventwire.store import Store

from .generated import article, write_jsonl


def _stored(db) -> dict[str, object]:
    """Every stored article as the contract JSON, minus when it was saved, plus the errors."""
    with Store(db, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
        errors = store.query("SELECT origin, reason, stage FROM errors ORDER BY origin")
        return {"articles": [store.get_article(i) for i in ids], "errors": errors}


def test_workers_1_and_2_give_the_same_output_and_store(tmp_path, nlp):
    src = write_jsonl(tmp_path / "news.jsonl", 12)
    with src.open("a", encoding="utf-8") as f:  # bad lines flow through in their place
        f.write('{"id": "empty", "text": ""}\n{not json\n')
        f.write(json.dumps(article(12)) + "\n")
    runner = CliRunner()
    outputs = {}
    for n in (1, 2):
        db = tmp_path / f"w{n}.duckdb"
        result = runner.invoke(cli, ["code", str(src), "--db", str(db), "--format", "jsonl",
                                     "--workers", str(n), "--batch-size", "4"])
        assert result.exit_code == 2, result.output  # two bad lines
        assert "coded 13, failed 2" in result.stderr
        outputs[n] = (result.stdout, _stored(db))
    assert outputs[1] == outputs[2]
    lines = [json.loads(line) for line in outputs[2][0].splitlines()]
    assert [d["article"]["id"] for d in lines] == [f"gen-{i:04d}" for i in range(13)]
    assert sum(len(d["events"]) for d in lines) > 13


def test_workers_a_killed_worker_is_replaced_and_its_articles_are_coded(tmp_path):
    """A worker killed mid-run (say by the kernel's OOM killer): the run goes on, the
    articles of its batch are retried one by one and every one is still coded, in order."""
    docs = [Document(ArticleMeta(id=a["id"], published=a["published"]), text=a["text"],
                     origin=a["id"]) for a in map(article, range(24))]
    pool = WorkerPool(2)
    out: list[CodedArticle | Failure] = []
    try:
        for item in pool.code_many(docs, batch_size=4):
            out.append(item)  # type: ignore[arg-type]
            if len(out) == 2:
                victim = next(w for w in pool._workers if w.outstanding)
                os.kill(victim.process.pid, signal.SIGKILL)
    finally:
        pool.close()
    assert [o.article.id for o in out if isinstance(o, CodedArticle)] == [d.meta.id for d in docs]


def test_workers_timeout_stops_a_monster_article_and_the_run_goes_on(tmp_path):
    """A real slow input: 200,000 characters of news paragraphs (about 220 s to code on this
    machine, 0.05 s for one short article). With --timeout 3 its worker is stopped and
    replaced; it becomes a failure with a reason, and every other article is coded."""
    monster = {"id": "monster", "published": "2021-01-01",
               "text": "\n\n".join(article(i)["text"] for i in range(1200))}
    assert len(monster["text"]) > 190_000
    src = tmp_path / "news.jsonl"
    lines = [article(i) for i in range(3)] + [monster] + [article(i) for i in range(3, 6)]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    result = CliRunner().invoke(cli, ["code", str(src), "--db", str(db), "--format", "jsonl",
                                      "--workers", "2", "--timeout", "3", "--batch-size", "2"])
    assert result.exit_code == 2, result.output
    assert "coded 6, failed 1" in result.stderr
    assert "time budget of 3 s" in result.stderr
    coded = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert coded == [f"gen-{i:04d}" for i in range(6)]
    with Store(db, read_only=True) as store:
        assert [e["stage"] for e in store.errors()] == ["worker"]
        assert store.count("articles") == 6


def test_workers_timeout_needs_worker_processes():
    result = CliRunner().invoke(cli, ["code", "x.txt", "--workers", "1", "--timeout", "5"])
    assert result.exit_code == 64 and "--timeout needs --workers 2" in result.output


def test_default_workers_stay_in_process_for_a_few_single_files(tmp_path):
    from eventwire.parallel import AUTO_MIN_FILES, auto_workers, default_workers
    few = []
    for i in range(3):
        f = tmp_path / f"a{i}.txt"
        f.write_text("Peru thanked Chile.", encoding="utf-8")
        few.append(str(f))
    assert auto_workers(few) == 1
    assert auto_workers(["-"]) == 1
    many = few + [few[0]] * AUTO_MIN_FILES
    assert auto_workers(many) == default_workers()
    assert auto_workers([str(tmp_path)]) == default_workers()  # a folder: many articles
    big = tmp_path / "dump.jsonl"
    big.write_text('{"id": "x", "text": "Peru thanked Chile."}\n' * 30_000, encoding="utf-8")
    assert auto_workers([str(big)]) == default_workers()
