"""Many articles per transaction: each one all in or all out, the others unharmed."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from eventwire.errors import StoreError
from eventwire.model import Failure
from eventwire.store import TABLES, Store, rows
from eventwire.store.buffer import SaveBuffer
from eventwire.store.contract import coded_from_dict

from .factories import NATO, RUSSIA, article, event, full_article


def _counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def test_save_batch_stores_every_article_in_one_go_and_round_trips(store):
    batch = [replace(full_article(), article=replace(full_article().article, id=f"ew-{i}"))
             for i in range(40)]
    assert store.save_batch(batch) == [f"ew-{i}" for i in range(40)]
    assert _counts(store)["articles"] == 40
    assert _counts(store)["events"] == 80 and _counts(store)["actors"] == 120
    assert store.get_article("ew-7") == batch[7].to_dict()


def test_save_batch_refuses_only_the_article_with_a_bad_value(store):
    good = article("ew-good", events=(event("e1"),))
    bad = article("ew-bad", published="last Tuesday")  # not ISO: refused, not guessed
    other = article("ew-other", events=(event("e1"), event("e2", "THREATEN", (NATO,),
                                                          (RUSSIA,))))
    out = store.save_batch([good, bad, other])
    assert out[0] == "ew-good" and out[2] == "ew-other"
    assert isinstance(out[1], StoreError) and "'last Tuesday' is not an ISO date" in str(out[1])
    assert [a["id"] for a in store.articles()] == ["ew-good", "ew-other"]
    assert store.count("events") == 3


def test_save_batch_a_failing_insert_costs_only_its_article(store, monkeypatch):
    """DuckDB refuses one article's rows mid-transaction: the batch is retried one by one,
    the culprit is refused and the earlier version of it is kept whole."""
    store.save(full_article())
    real = rows.event_rows

    def poisoned(coded):
        found = real(coded)
        if coded.article.id == "ew-full":  # quad is an INTEGER column
            return [r[:6] + ("not a quad",) + r[7:] for r in found]
        return found

    monkeypatch.setattr(rows, "event_rows", poisoned)
    newer = replace(full_article(), actors=())
    out = store.save_batch([article("ew-a", events=(event(),)), newer,
                            article("ew-b", events=(event(),))])
    assert out[0] == "ew-a" and out[2] == "ew-b"
    assert isinstance(out[1], StoreError) and "unchanged" in str(out[1])
    assert store.get_article("ew-full") == full_article().to_dict()
    assert store.count("articles") == 3


def test_save_batch_two_texts_under_one_id_keep_the_first(store):
    first = article("ew-same", text="Russia accused NATO of a build-up.")
    second = article("ew-same", text="NATO accused Russia of a build-up.")
    out = store.save_batch([first, second, first])
    assert out[0] == "ew-same" and out[2] == "ew-same"
    assert isinstance(out[1], StoreError) and "different text" in str(out[1])
    assert store.get_article("ew-same")["text"] == first.text
    assert store.count("articles") == 1


def test_recoding_replaces_rows_without_leaving_any_behind(store):
    store.save_batch([article(f"ew-{i}", events=(event("e1"), event("e2"))) for i in range(5)])
    fewer = [article(f"ew-{i}", events=(event("e1"),)) for i in range(3)]
    store._saved_here.clear()  # a later run, as a new Store would be
    assert store.save_batch(fewer) == ["ew-0", "ew-1", "ew-2"]
    assert store.count("events") == 3 + 2 * 2
    assert [e["article_id"] for e in store.events(article_id="ew-1")] == ["ew-1"]


def test_child_tables_are_indexed_by_article(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        names = {r["index_name"] for r in store.query(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name IN "
            "('actors', 'events', 'quotes', 'dates', 'places')")}
    assert names == {f"{t}_article_id" for t in ("actors", "events", "quotes", "dates",
                                                 "places")}


def test_save_buffer_hands_items_back_in_order_once_stored(store):
    buffer: SaveBuffer[object] = SaveBuffer(store, size=3, max_wait=60)
    fail = Failure("in/x.txt", "binary file")
    items = [article("ew-1"), fail, article("ew-2"), article("ew-3"), article("ew-4")]
    out = [pair for item in items for pair in buffer.add(item)]
    assert [i for i, _ in out] == items[:4]  # a batch of 3 was due; ew-4 waits
    assert store.count("articles") == 3
    rest = list(buffer.flush())
    assert [i for i, _ in rest] == [items[4]] and rest[0][1] is None
    assert store.count("articles") == 4



def test_background_buffer_gives_items_back_in_order_and_only_once_committed(store):
    """The writer thread stores a batch while the caller goes on; every item the buffer
    gives back is already readable through the caller's own connection, and a failure
    keeps its place between the articles around it."""
    buffer: SaveBuffer[object] = SaveBuffer(store, size=2, max_wait=60, background=True)
    fail = Failure("feed/broken.xml", "truncated feed")
    items = [article("ew-a1"), article("ew-a2"), fail, article("ew-a3"), article("ew-a4"),
             article("ew-a5")]
    out = []
    try:
        for item in items:
            for done, error in buffer.add(item):
                assert error is None
                if not isinstance(done, Failure):  # stored before it is reported
                    assert store.get_article(done.article.id)["article"]["id"] == done.article.id
                out.append(done)
        out += [done for done, _ in buffer.flush()]
    finally:
        buffer.close()
    assert out == items
    assert store.count("articles") == 5


def test_background_buffer_reports_a_refused_article_in_its_place(store):
    buffer: SaveBuffer[object] = SaveBuffer(store, size=3, max_wait=60, background=True)
    items = [article("ew-b1"), article("ew-b2", published="next spring"), article("ew-b3")]
    try:
        out = [pair for item in items for pair in buffer.add(item)] + list(buffer.flush())
    finally:
        buffer.close()
    assert [i for i, _ in out] == items
    assert out[0][1] is None and out[2][1] is None
    refused = out[1][1]
    assert isinstance(refused, StoreError) and "'next spring' is not an ISO date" in str(refused)
    assert [a["id"] for a in store.articles()] == ["ew-b1", "ew-b3"]


def test_settle_waits_for_a_batch_in_flight_holding_an_id(store):
    """Before asking the store whether an input is stored, the run waits for the batch being
    written that holds its id, so an id repeated in the input is found stored."""
    buffer: SaveBuffer[object] = SaveBuffer(store, size=1, max_wait=60, background=True)
    try:
        held = list(buffer.add(article("ew-c1")))  # handed to the writer thread
        buffer.settle(["ew-c1"])
        assert store.count("articles") == 1
        held += list(buffer.flush())
    finally:
        buffer.close()
    assert [i.article.id for i, _ in held] == ["ew-c1"]

def test_contract_json_decodes_back_into_the_same_article():
    coded = full_article()
    assert coded_from_dict(json.loads(json.dumps(coded.to_dict()))) == coded
    with pytest.raises(ValueError, match="not a coded article"):
        coded_from_dict({"events": []})
