"""`eventwire code --engine ray` on a real local Ray with 2 workers, and `eventwire load`.

One Ray for the module (starting it takes seconds): ``ray.init(num_cpus=2)``, no dashboard,
nothing but this machine; shut down at the end.
"""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.interfaces.cli import cli
from eventwire.store import Store

from .generated import article, write_jsonl

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _inputs(folder: Path) -> list[str]:
    """A JSON Lines file with bad lines among good ones, a text article, and a missing file."""
    src = write_jsonl(folder / "news.jsonl", 10)
    with src.open("a", encoding="utf-8") as f:
        f.write('{"id": "empty", "text": ""}\n{not json\n')
        f.write(json.dumps(article(10)) + "\n")
    text = folder / "note.txt"
    text.write_text("Published: 2022-03-04\n\nChile and Peru signed a fishing accord in Lima "
                    "on Friday, the two foreign ministries said.\n", encoding="utf-8")
    return [str(src), str(text), str(folder / "missing.txt")]


def _stored(db: Path) -> dict[str, object]:
    """Every stored article as contract JSON (not when it was saved), and the errors."""
    with Store(db, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
        rows = {t: store.count(t) for t in ("articles", "actors", "events", "quotes", "dates",
                                            "places", "errors")}
        errors = store.query("SELECT origin, reason, stage FROM errors ORDER BY origin")
        return {"articles": [store.get_article(i) for i in ids], "errors": errors,
                "rows": rows}


def test_ray_engine_stores_what_the_local_engine_stores(tmp_path, local_ray):
    paths = _inputs(tmp_path)
    runner = CliRunner()
    local = runner.invoke(cli, ["code", *paths, "--db", str(tmp_path / "local.duckdb"),
                                "--workers", "1", "--format", "jsonl", "-o", "/dev/null"])
    assert local.exit_code == 2, local.output  # some inputs failed, the rest is stored
    shards = tmp_path / "shards"
    on_ray = runner.invoke(cli, ["code", *paths, "--engine", "ray", "--workers", "2",
                                 "--batch-size", "4", "--shards", str(shards),
                                 "--db", str(tmp_path / "ray.duckdb")])
    assert on_ray.exit_code == 2, on_ray.output
    assert "ray: coded 12 articles from 3 input(s)" in on_ray.stderr
    assert "loaded 12 articles" in on_ray.stderr
    assert list(shards.glob("*.parquet"))

    expected = _stored(tmp_path / "local.duckdb")
    assert expected["rows"]["articles"] == 12 and expected["rows"]["events"] > 12
    assert expected["rows"]["errors"] == 3  # the empty item, the bad line, the missing file
    assert _stored(tmp_path / "ray.duckdb") == expected

    # loading the same shards again adds nothing
    again = runner.invoke(cli, ["load", str(shards), "--db", str(tmp_path / "ray.duckdb")])
    assert "loaded 0 articles" in again.stderr and "12 already stored" in again.stderr
    assert _stored(tmp_path / "ray.duckdb") == expected


def test_load_refuses_a_shard_cut_short_and_loads_the_rest(tmp_path, local_ray):
    from eventwire.engines.ray_engine import code_on_ray

    src = write_jsonl(tmp_path / "news.jsonl", 6)
    run = code_on_ray([str(src)], tmp_path / "shards", workers=2, batch_size=2)
    assert (run.articles, run.errors) == (6, 0)
    whole = sorted(run.shards.glob("*.parquet"))
    cut = run.shards / "zz-killed-while-writing.parquet"
    data = whole[0].read_bytes()
    cut.write_bytes(data[:len(data) // 2])  # what a kill during the write leaves

    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(cli, ["load", str(run.shards), "--db", str(db)])
    assert result.exit_code == 2
    assert "refused 1 damaged shard(s)" in result.stderr
    stored = _stored(db)
    assert stored["rows"]["articles"] == 6  # every article of the whole shards, none twice
    [error] = stored["errors"]
    assert error["origin"].endswith("zz-killed-while-writing.parquet")
    assert "not a whole Parquet file" in error["reason"] and error["stage"] == "load"

    # the damaged shard replaced by a whole copy: loaded, adding nothing new
    shutil.copy(whole[0], cut)
    result = CliRunner().invoke(cli, ["load", str(run.shards), "--db", str(db)])
    assert "loaded 0 articles" in result.stderr
    assert _stored(db)["rows"]["articles"] == 6


def test_code_with_ray_refuses_a_folder_that_already_holds_shards(tmp_path, local_ray):
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "old.parquet").write_bytes(b"PAR1")
    src = write_jsonl(tmp_path / "news.jsonl", 1)
    result = CliRunner().invoke(cli, ["code", str(src), "--engine", "ray", "--shards",
                                      str(tmp_path / "shards"), "--db",
                                      str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "already holds files" in result.output


FRENCH = ("Le conseil municipal de Lyon a voté jeudi un budget de rénovation des écoles, "
          "après une longue séance où les élus de l'opposition ont dénoncé des retards.")


def _renamed(i: int) -> dict[str, object]:
    """A generated article under other field names, the date nested: what --field reads."""
    a = article(i)
    return {"id": a["id"], "headline": a["title"], "body": a["text"],
            "meta": {"date": a["published"]}}


def test_ray_engine_reads_fields_checks_language_and_skips_stored_like_local(tmp_path,
                                                                                local_ray):
    """Same options, same store before, same store after: --field, the language check and the
    pre-skip of stored articles behave on Ray as they do locally."""
    half = tmp_path / "half.jsonl"
    full = tmp_path / "full.jsonl"
    half.write_text("".join(json.dumps(_renamed(i)) + "\n" for i in range(4)), encoding="utf-8")
    full.write_text("".join(json.dumps(_renamed(i)) + "\n" for i in range(8))
                    + json.dumps({"id": "fr-1", "headline": "Lyon", "body": FRENCH}) + "\n",
                    encoding="utf-8")
    fields = ["--field", "text=body", "--field", "title=headline",
              "--field", "published=meta.date"]
    runner = CliRunner()
    stores = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.duckdb"
        first = runner.invoke(cli, ["code", str(half), "--db", str(db), "--workers", "1",
                                    "--format", "jsonl", "-o", "/dev/null", *fields])
        assert first.exit_code == 0, first.output
        extra = (["--engine", "ray", "--workers", "2", "--batch-size", "2", "--shards",
                  str(tmp_path / "shards")] if engine == "ray" else
                 ["--workers", "1", "--format", "jsonl", "-o", "/dev/null"])
        second = runner.invoke(cli, ["code", str(full), "--db", str(db), *fields, *extra])
        assert second.exit_code == 2, second.output  # the French article is refused
        stores[engine] = _stored(db)
    assert "skipped 4 already stored" in second.stderr
    assert "ray: coded 4 articles from 1 input(s)" in second.stderr
    assert "4 already stored" in second.stderr and "loaded 4 articles" in second.stderr
    local = stores["local"]
    assert local["rows"]["articles"] == 8
    assert [e["stage"] for e in local["errors"]] == ["language"]
    assert local["errors"][0]["reason"].startswith("not English: fr")
    titles = {a["article"]["title"] for a in local["articles"]}
    assert "Uganda and Japan" in titles  # read from "headline"
    assert all(a["article"]["published"] for a in local["articles"])  # from meta.date
    assert stores["ray"] == local

    # --any-language: the read stage of a Ray run hands the French article on to be coded
    from eventwire.engines.ray_engine import read_file
    from eventwire.pipeline import Prepared

    def read(**options):
        batches = read_file({"number": [0], "path": [str(full)]},
                            fields={"text": "body", "title": "headline"}, **options)
        return [pickle.loads(i) for b in batches for i in b["item"]]

    assert sum(isinstance(i, Prepared) for i in read(english_only=True)) == 8
    anyhow = read(english_only=False)
    assert sum(isinstance(i, Prepared) for i in anyhow) == 9
    assert anyhow[-1].meta.title == "Lyon"
