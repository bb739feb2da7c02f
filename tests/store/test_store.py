"""The Store on real DuckDB files: round trips, replacement, failures, rollback, export."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.model import ArticleMeta, Failure
from eventwire.store import SCHEMA_VERSION, TABLES, Store, rows

from .factories import BELARUS, NATO, RUSSIA, article, event, full_article

CHILDREN = ("actors", "events", "quotes", "dates", "places")


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def test_store_round_trips_contract_json(store):
    coded = full_article()
    assert store.save(coded) == "ew-full"
    assert store.get_article("ew-full") == coded.to_dict()


def test_store_round_trips_minimal_article(store):
    coded = article(published=None, events=(event(date=None),))
    store.save(coded)
    assert store.get_article(coded.article.id) == coded.to_dict()


def test_store_writes_queryable_columns(store):
    store.save(full_article())
    [accuse] = store.query("SELECT * FROM events WHERE list_contains(source_keys, ?) "
                           "AND list_contains(target_keys, ?)", ["RUS", "NATO"])
    assert accuse["event_id"] == "e1"
    assert accuse["location_geonameid"] == 554234
    assert accuse["date_start"] == accuse["date_end"] == date(2020, 11, 24)
    [agree] = store.events("BLR")
    assert (agree["date_start"], agree["date_end"]) == (date(2020, 10, 1), date(2020, 10, 31))
    assert agree["target_keys"] == []
    [meta] = store.articles()
    assert meta["url_norm"] == "https://newsweek.com/russia-1542657"
    assert meta["published"] == date(2020, 11, 24)
    assert meta["n_events"] == 2
    assert store.query("SELECT key FROM actors ORDER BY ord") == [
        {"key": "RUS"}, {"key": "NATO"}, {"key": "BLR"}]


def test_store_resave_replaces_all_rows(store):
    coded = full_article()
    store.save(coded)
    before = counts(store)
    store.save(coded)
    store.save(coded)
    assert counts(store) == before
    assert sorted(e["event_id"] for e in store.events()) == ["e1", "e2"]  # same ids, once

    revised = replace(coded, events=coded.events[:1], places=(),
                      article=replace(coded.article, title="Revised"))
    assert store.save(revised) == "ew-full"
    assert store.count("articles") == 1
    assert store.count("events") == 1
    assert store.count("places") == 0
    assert store.get_article("ew-full") == revised.to_dict()


def test_store_keeps_articles_apart(store):
    store.save(article("ew-a", events=(event("e1"), event("e2"))))
    store.save(article("ew-b", events=(event("e1"),)))
    store.save(article("ew-a", events=(event("e1"),)))
    assert sorted((e["article_id"], e["event_id"]) for e in store.events()) == [
        ("ew-a", "e1"), ("ew-b", "e1")]


def test_store_records_one_row_per_failed_input(store):
    store.record_failure(Failure("feeds/bad.html", "no text to code (empty)", stage="clean"))
    store.record_failure(Failure("feeds/other.txt", "binary file"))
    store.record_failure(Failure("feeds/bad.html", "nothing left after cleaning", stage="clean"))
    errors = {e["origin"]: e for e in store.errors()}
    assert store.count("errors") == 2
    assert errors["feeds/bad.html"]["reason"] == "nothing left after cleaning"
    assert errors["feeds/bad.html"]["stage"] == "clean"
    assert errors["feeds/other.txt"]["stage"] == "ingest"
    assert errors["feeds/other.txt"]["at"] is not None


def test_store_save_many_saves_records_and_skips(store, caplog):
    bad = replace(article("ew-bad"), article=replace(article("ew-bad").article,
                                                     published="yesterday", file="in/bad.txt"))
    items = [article("ew-1"), Failure("in/empty.txt", "no text to code (empty)", "clean"), bad,
             article("ew-2")]
    assert store.save_many(items) == ["ew-1", "ew-2"]
    assert store.count("articles") == 2
    errors = {e["origin"]: e for e in store.errors()}
    assert errors["in/empty.txt"]["stage"] == "clean"
    assert errors["in/bad.txt"]["stage"] == "store"
    assert "'yesterday' is not an ISO date" in errors["in/bad.txt"]["reason"]
    assert "could not save article 'ew-bad'" in caplog.text


def test_store_rollback_on_bad_record_keeps_previous_version(store, monkeypatch):
    good = full_article()
    store.save(good)
    before = counts(store)

    def bad_events(coded):  # quad is an INTEGER column: DuckDB fails mid-transaction
        return [r[:6] + ("not a quad",) + r[7:] for r in real_event_rows(coded)]

    real_event_rows = rows.event_rows
    monkeypatch.setattr(rows, "event_rows", bad_events)
    newer = replace(good, article=replace(good.article, title="A newer version"), actors=())
    with pytest.raises(StoreError, match="could not save article 'ew-full'.*unchanged"):
        store.save(newer)
    assert counts(store) == before
    assert store.get_article("ew-full") == good.to_dict()


def test_store_rollback_on_crash_after_partial_writes(store, monkeypatch):
    good = full_article()
    store.save(good)

    def crash(coded):  # runs after the article, actors, events, quotes and dates are written
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rows, "place_rows", crash)
    with pytest.raises(StoreError, match="disk on fire"):
        store.save(replace(good, events=()))
    assert store.get_article("ew-full") == good.to_dict()
    # and a first save that crashes leaves no trace at all
    with pytest.raises(StoreError):
        store.save(article("ew-new", events=(event(),)))
    assert [a["id"] for a in store.articles()] == ["ew-full"]
    assert store.events(article_id="ew-new") == []


@pytest.mark.parametrize("hostile", [
    "'); DROP TABLE articles; --",
    'Robert"); DROP TABLE events;-- ',
    "O'Brien said: \"no\"; then left \\ (backslash) ; ; '' \"\"",
    "Ünïcødé — «quotes» ‘curly’ 🚀 ?  $1 %s {0}",
])
def test_store_keeps_hostile_text_verbatim(store, hostile):
    coded = article("ew-x'; DROP TABLE articles; --", title=hostile, text=hostile + "\n" + hostile,
                    events=(event(category=hostile),), captions=(hostile,),
                    warnings=(hostile,))
    store.save(coded)
    assert store.get_article(coded.article.id) == coded.to_dict()
    assert store.articles()[0]["title"] == hostile
    assert store.events(category=hostile)[0]["category"] == hostile
    assert counts(store)["articles"] == 1 and counts(store)["events"] == 1


def test_store_filters_events(store):
    store.save(article("ew-1", events=(
        event("e1", "ACCUSE", (RUSSIA,), (NATO,), date="2020-11-02"),
        event("e2", "THREATEN", (NATO,), (RUSSIA,), status="negated", date="2020-11-10"),
        event("e3", "CONSULT", (RUSSIA, BELARUS), (NATO,), score=1.0, quad=1,
              status="future", date="2020-12-01"),
        event("e4", "ACCUSE", (BELARUS,), (), date=None),  # falls back to published
    ), published="2020-11-24"))

    def ids(**filters):
        return [e["event_id"] for e in store.events(**filters)]

    assert ids(source="RUS", target="NATO") == ["e1", "e3"]
    assert ids(source="NATO") == ["e2"]
    assert ids(target="RUS") == ["e2"]
    assert ids(source="BLR") == ["e4", "e3"]
    assert ids(category="ACCUSE") == ["e1", "e4"]
    assert ids(category=["CONSULT", "THREATEN"]) == ["e2", "e3"]
    assert ids(status="negated") == ["e2"]
    assert ids(status=("asserted", "future")) == ["e1", "e4", "e3"]
    assert ids(since="2020-11-10", until=date(2020, 11, 30)) == ["e2", "e4"]
    assert ids(since="2020-11-25") == ["e3"]
    assert ids(limit=1) == ["e1"]
    [e3] = store.events("RUS", "NATO", category="CONSULT")
    assert e3["source_keys"] == ["RUS", "BLR"]
    assert e3["source"][1] == BELARUS.to_dict()
    with pytest.raises(ValueError, match="since='last week' is not an ISO date"):
        store.events(since="last week")


def test_store_count_refuses_unknown_table(store):
    with pytest.raises(StoreError, match="unknown table 'events; DROP TABLE events'"):
        store.count("events; DROP TABLE events")


def test_store_get_article_unknown_id(store):
    with pytest.raises(KeyError, match="no article 'nope'"):
        store.get_article("nope")


def test_store_refuses_article_without_id(store):
    with pytest.raises(StoreError, match="without an id"):
        store.save(article(""))


def test_store_reopens_file_with_its_data(tmp_path):
    path = tmp_path / "sub" / "dir" / "ew.duckdb"
    with Store(path) as store:
        store.save(full_article())
    with Store(path, read_only=True) as store:
        assert store.get_article("ew-full") == full_article().to_dict()
        assert store.query("SELECT version FROM schema_version") == [{"version": SCHEMA_VERSION}]
    with pytest.raises(StoreError, match="is closed"):
        store.count("articles")


def test_store_in_memory():
    with Store(":memory:") as store:
        store.save(article())
        assert store.count("articles") == 1


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "ew.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="written by a newer eventwire"):
        Store(path)


def test_store_refuses_foreign_database(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store(path)


def test_store_refuses_non_duckdb_file(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)


def test_store_locked_by_other_process(tmp_path):
    path = tmp_path / "ew.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, duckdb
            con = duckdb.connect(sys.argv[1])
            print("ready", flush=True)
            sys.stdin.read()
        """), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another process has it open") as info:
            Store(path)
        assert str(path) in str(info.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(path) as store:  # free again once the other process is gone
        assert store.count("articles") == 0


def test_store_exports_parquet_per_table(store, tmp_path):
    store.save(full_article())
    store.save(article("ew-2", events=(event(),)))
    store.record_failure(Failure("in/x.txt", "empty"))
    out = tmp_path / "export" / "2020-11"
    paths = store.export_parquet(out)
    assert [p.name for p in paths] == [f"{t}.parquet" for t in TABLES]
    con = duckdb.connect()
    for table, path in zip(TABLES, paths):
        n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
        assert n == store.count(table), table
    hits = con.execute("SELECT article_id, event_id FROM read_parquet(?) "
                       "WHERE list_contains(source_keys, ?) ORDER BY article_id",
                       [str(out / "events.parquet"), "RUS"]).fetchall()
    assert hits == [("ew-2", "e1"), ("ew-full", "e1")]
    title = con.execute("SELECT title FROM read_parquet(?) WHERE id = ?",
                        [str(out / "articles.parquet"), "ew-full"]).fetchone()[0]
    assert title == full_article().article.title
    assert store.export_parquet(out) == paths  # exporting again overwrites


def test_store_exports_to_awkwardly_named_directory(store, tmp_path):
    store.save(article(events=(event(),)))
    out = tmp_path / "it's; DROP TABLE events; --" / "back\\slash"
    paths = store.export_parquet(out)
    assert all(p.parent == out.resolve() and p.is_file() for p in paths)
    assert store.count("events") == 1
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)",
                                 [str(out / "events.parquet")]).fetchone()[0]
    assert n == 1


def test_store_refuses_export_path_with_control_characters(store, tmp_path):
    with pytest.raises(StoreError, match="control characters"):
        store.export_parquet(tmp_path / "line\nbreak")


def test_store_saves_pipeline_output(pipeline, store):
    coded = pipeline.code_text("Russia accused NATO of a military build-up on Tuesday. "
                               "NATO does not pose a threat, Stoltenberg said.",
                               published="2020-11-24", url="https://example.com/a",
                               source="Example")
    store.save(coded)
    assert store.get_article(coded.article.id) == coded.to_dict()
    assert store.count("events") == len(coded.events)


def test_store_two_articles_with_one_id_in_a_run_never_replace_each_other(tmp_path):
    path = tmp_path / "dup.duckdb"
    first = article("ew-same", text="Peru expelled the Chilean consul.")
    other = article("ew-same", text="Chile closed its border with Bolivia.")
    with Store(path) as store:
        store.save(first)
        with pytest.raises(StoreError, match="already stored in this run"):
            store.save(other)
        store.save(first)  # the same article again is a harmless re-save
        assert store.get_article("ew-same")["text"] == first.text
    with Store(path) as later:  # a later run re-codes: the new version replaces the old
        later.save(other)
        assert later.get_article("ew-same")["text"] == other.text
        assert later.count("articles") == 1


def _prepared(id: str, text: str):
    from eventwire.model import Cleaned
    from eventwire.pipeline import Prepared
    return Prepared(ArticleMeta(id=id), Cleaned(text), [], f"{id}.txt")


def test_store_already_stored_needs_same_id_text_and_fingerprint(store):
    store.save(article("ew-1", text="Russia accused NATO of a build-up."))
    store.save(article("ew-2", text="Belarus hosted Russian troops."))
    found = store.already_stored([_prepared("ew-1", "Russia accused NATO of a build-up."),
                                  _prepared("ew-2", "Belarus hosted Russian troops, later."),
                                  _prepared("ew-3", "A new article.")], "f" * 16)
    assert found == {"ew-1"}  # ew-2's text changed: code it again; ew-3 is new
    assert store.already_stored([_prepared("ew-1", "Russia accused NATO of a build-up.")],
                                "0" * 16) == set()  # new dictionaries: code it again
    assert store.already_stored([], "f" * 16) == set()


def test_store_a_skipped_id_still_refuses_a_second_text_in_the_run(tmp_path):
    """A resumed run must refuse what an unbroken run refuses: the skipped article counts as
    saved by this Store, so a later input with its id and another text is not stored."""
    path = tmp_path / "ew.duckdb"
    with Store(path) as first_run:
        first_run.save(article("ew-1", text="Russia accused NATO of a build-up."))
    with Store(path) as second_run:
        assert second_run.already_stored(
            [_prepared("ew-1", "Russia accused NATO of a build-up.")], "f" * 16) == {"ew-1"}
        with pytest.raises(StoreError, match="already stored in this run"):
            second_run.save(article("ew-1", text="Another story under the same id."))
        assert second_run.get_article("ew-1")["text"] == "Russia accused NATO of a build-up."
