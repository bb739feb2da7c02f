"""Global row ids and country+sector codes: stable, unique, computed alike in Python and SQL."""
from __future__ import annotations

import duckdb

from eventwire.model import ActorRef
from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.ids import actor_code, codes, gid
from eventwire.store.schema import CHILD_TABLES

from .factories import NATO, RUSSIA, SHOIGU, article, event, full_article


def test_every_child_row_gets_the_gid_of_its_table_article_and_place(store):
    coded = full_article()
    store.save(coded)
    for table in CHILD_TABLES:
        for row in store.query(f"SELECT article_id, ord, gid FROM {table}"):
            assert row["gid"] == gid(table, row["article_id"], row["ord"])
            assert 0 < row["gid"] < 2 ** 63


def test_local_ids_repeat_across_articles_but_gids_do_not(store):
    for n in range(3):
        store.save(article(f"ew-{n}", events=(event("e1"), event("e2", "AID"))))
    rows = store.query("SELECT event_id, gid FROM events")
    assert len({r["event_id"] for r in rows}) == 2
    assert len({r["gid"] for r in rows}) == 6
    # the contract JSON keeps its local ids and gains no field
    assert [e["id"] for e in store.get_article("ew-1")["events"]] == ["e1", "e2"]
    assert "gid" not in store.get_article("ew-1")["events"][0]


def test_gids_survive_a_resave_unchanged(store, tmp_path):
    store.save(full_article())
    before = store.query("SELECT gid FROM events ORDER BY ord")
    store.close()
    with Store(tmp_path / "eventwire.duckdb") as again:
        again.save(full_article())
        assert again.query("SELECT gid FROM events ORDER BY ord") == before


def test_actor_codes_add_the_sector_to_the_country():
    assert actor_code(ActorRef(actor="a", name="the White House", country="USA",
                               sector="GOV")) == "USAGOV"
    assert actor_code(ActorRef(actor="a", name="Democrats", country="USA",
                               sector="OPP")) == "USAOPP"
    assert actor_code(ActorRef(actor="a", name="Mexico", country="MEX")) == "MEX"
    assert actor_code(NATO) == "NATO"  # an org is its own code, whatever its sector
    assert actor_code(ActorRef(actor="a", name="gunmen")) is None
    assert codes([RUSSIA, SHOIGU, RUSSIA, NATO]) == ["RUSGOV", "RUSMIL", "NATO"]


def test_a_schema_1_store_is_upgraded_in_place(tmp_path):
    """A store written before global ids: ids, codes, thread table and views are added."""
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.save(full_article())
        store.save(article("ew-2", events=(event("e1", source=(RUSSIA, SHOIGU)),)))
        expected = store.query("SELECT article_id, ord, gid, source_codes, target_codes "
                               "FROM events ORDER BY article_id, ord")
    con = duckdb.connect(str(path))  # take it back to what schema 1 had
    for view in ("event_details", "event_sides", "quote_speakers"):
        con.execute(f"DROP VIEW {view}")
    con.execute("DROP TABLE event_threads")
    for table in CHILD_TABLES:
        con.execute(f'DROP INDEX "{table}_article_id"')
        con.execute(f"ALTER TABLE {table} DROP COLUMN gid")
    con.execute("ALTER TABLE events DROP COLUMN source_codes")
    con.execute("ALTER TABLE events DROP COLUMN target_codes")
    for table in CHILD_TABLES:  # a schema-1 store of the batched write path had these
        con.execute(f'CREATE INDEX "{table}_article_id" ON {table} (article_id)')
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with Store(path) as store:
        got = store.query("SELECT article_id, ord, gid, source_codes, target_codes "
                          "FROM events ORDER BY article_id, ord")
        assert [(r["gid"], r["target_codes"]) for r in got] == \
            [(r["gid"], r["target_codes"]) for r in expected]
        assert [sorted(r["source_codes"]) for r in got] == \
            [sorted(r["source_codes"]) for r in expected]
        assert store.query("SELECT max(version) AS v FROM schema_version")[0]["v"] == \
            SCHEMA_VERSION
        assert store.count("events") == len(store.query("SELECT * FROM event_details"))
        indexes = store.query("SELECT index_name FROM duckdb_indexes() ORDER BY 1")
        assert [r["index_name"] for r in indexes] == sorted(f"{t}_article_id"
                                                           for t in CHILD_TABLES)
