"""The in-memory indexes answer exactly what the SQL answers, and step aside when stale.

The store holds generated articles (tests/serve/synth.py: 16 actors, ten categories, dated
events over six years, some claimed or negated) plus threads made by the real threading, so
the series count threads and the event pages cross many dyads, days and statuses.
"""
from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest

import eventwire
from eventwire.analyze.event_index import EventIndex
from eventwire.analyze.series_index import SeriesIndex
from eventwire.serve.encode import records
from eventwire.store import Store

from ..serve.synth import article, articles, bulk_save


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("memory") / "store.duckdb"
    Store(path).close()
    bulk_save(str(path), articles(300, 6, seed=11))
    with eventwire.open(path, read_only=False) as ew:
        ew.update_threads()
        ew.rebuild_summary()
    return path


@pytest.fixture(scope="module")
def ew(db):
    with eventwire.open(db) as opened:
        yield opened


def _sql_and_memory(ew, call):
    """The answer of ``call(ew)`` with SQL, then with the indexes built."""
    ew.memory = None
    by_sql = call(ew)
    ew.use_memory(build_now=True)
    try:
        return by_sql, call(ew)
    finally:
        ew.memory = None


@pytest.mark.parametrize("freq,by", list(itertools.product(["day", "week", "month"],
                                                           ["category", "quad", "total"])))
def test_series_from_memory_equal_the_sql_series(ew, freq, by):
    for a, b, since, until in [("RUS", "NATO", None, None), ("USAGOV", "UKR", None, None),
                               ("CHN", None, "2020-02-10", "2020-09-03"),
                               ("EU", "PRK", "2021-01-01", None),
                               ("XXX", "YYY", "2020-01-01", "2020-03-01"),
                               ("XXX", None, None, None)]:
        sql, mem = _sql_and_memory(ew, lambda e: e.series(a, b, freq=freq, by=by,
                                                          since=since, until=until))
        pd.testing.assert_frame_equal(sql.reset_index(drop=True), mem.reset_index(drop=True),
                                      check_dtype=False)
        if a == "RUS" and by == "quad":
            assert mem["events"].sum() > 0


def test_event_pages_from_memory_equal_the_sql_pages(ew):
    asks = [dict(dyad="RUS-NATO", limit=50), dict(dyad="RUS-NATO", limit=50, offset=50),
            dict(actor="USA", category="ACCUSE", limit=20),
            dict(actor="USAGOV", quad=[3, 4], status="claimed", limit=30),
            dict(dyad="IRN-ISR", since="2020-01-01", until="2020-12-31", limit=100),
            dict(category=["AID", "AGREE"], limit=40, offset=7),
            dict(status="negated", limit=25), dict(limit=10, offset=1700),
            dict(actor="NOBODY", limit=5)]
    for ask in asks:
        sql, mem = _sql_and_memory(ew, lambda e: e.events(**ask))
        assert list(mem["event_gid"]) == list(sql["event_gid"]), ask
        # the same rows, as the HTTP API sends them (an all-NULL column may be None or NaN)
        assert records(mem) == records(sql), ask
        assert list(mem.columns) == list(sql.columns)
    assert len(sql) == 0 and len(_sql_and_memory(ew, lambda e: e.events(limit=7))[1]) == 7


def test_filters_the_index_cannot_answer_go_to_sql(ew):
    ew.use_memory(build_now=True)
    try:
        page = ew.events(dyad="RUS-NATO", text="item 1", limit=10)
        assert len(page) and all("item 1" in s for s in page["sentence"])
        assert list(ew.events(order="-date", limit=3)["date"]) == sorted(
            ew.events(order="-date", limit=3)["date"], reverse=True)
    finally:
        ew.memory = None


def test_a_stale_index_is_not_used_and_is_rebuilt_for_the_new_generation(tmp_path):
    path = tmp_path / "live.duckdb"
    with Store(path) as store:
        store.save(article(1, 4, seed=3))
        from eventwire.analyze.api import EventStore
        ew = EventStore.__new__(EventStore)
        ew.store, ew.memory = store, None
        memory = ew.use_memory(build_now=True)
        first = memory.events()
        assert first is not None and len(first) == 4
        store.save(article(2, 3, seed=3))  # the store moves on: the index is stale
        assert memory.events() is None or len(memory.events()) == 7
        memory.build_now()
        assert len(memory.events()) == 7 and len(memory.series()) > 0
        assert len(ew.events(limit=100)) == 7


def test_series_index_of_an_empty_store_answers_empty(tmp_path):
    with Store(tmp_path / "empty.duckdb") as store:
        index = SeriesIndex.build(store)
        events = EventIndex.build(store)
        assert len(index) == 0 and len(events) == 0
        assert index.series("RUS", "NATO").empty
        assert len(index.series("RUS", "NATO", since=date(2020, 1, 1),
                                until=date(2020, 1, 31), freq="week")) == 0
        assert events.page(actor="RUS") == []
