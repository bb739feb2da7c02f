"""eventwire.open(db): the seed article coded by the real pipeline plus generated events."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pyarrow as pa
import pytest

import eventwire
from eventwire.errors import StoreError
from eventwire.store import Store

from ..store.factories import NATO, RUSSIA, article, event

INJECTIONS = ["RUS' OR '1'='1", "RUS'; DROP TABLE events; --", "%", "_", "NATO\") --",
              "1; SELECT * FROM articles"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_coded):
    """A store file with the seed article and twelve weeks of generated RUS -> NATO events."""
    path = tmp_path_factory.mktemp("api") / "eventwire.duckdb"
    with Store(path) as store:
        store.save(seed_coded)
        for w in range(12):
            day = f"2020-{9 + w // 5:02d}-{1 + (w % 5) * 6:02d}"
            store.save(article(f"gen-{w:02d}", published=day, events=(
                event("e1", "ACCUSE", date=day), event("e2", "AID", (NATO,), (RUSSIA,),
                                                       score=7.0, quad=2, date=day))))
        with eventwire.open(path, read_only=False) as ew:
            ew.update_threads()
    return path


@pytest.fixture
def ew(db):
    with eventwire.open(db) as handle:
        yield handle


def test_events_of_a_dyad_reach_the_seed_sentence(ew, seed_coded):
    found = ew.events(dyad="RUS-NATO", since="2020-11-01", limit=50)
    seed = found[found["article_id"] == seed_coded.article.id]
    assert len(seed) >= 1
    assert set(seed["category"]) <= {"ACCUSE", "THREATEN", "REJECT"}
    assert (seed["url"] == seed_coded.article.url).all()
    assert any("NATO" in s for s in seed["sentence"])
    assert seed["event_gid"].is_unique and seed["event_gid"].notna().all()
    assert (found["date"] >= pd.Timestamp("2020-11-01")).all()


def test_filters_narrow_and_combine(ew):
    every = ew.events(limit=1000)
    assert len(every) == ew.store.count("events")
    accuse = ew.events(category="accuse", limit=1000)
    assert set(accuse["category"]) == {"ACCUSE"}
    conflict = ew.events(quad=[3, 4], status="asserted", limit=1000)
    assert set(conflict["quad"]) <= {3, 4} and set(conflict["status"]) == {"asserted"}
    nato_out = ew.events(dyad=("NATO", "RUS"), category="AID", limit=1000)
    assert len(nato_out) == 12
    assert len(ew.events(actor="NATO", limit=1000)) > len(nato_out)
    page1, page2 = ew.events(limit=5), ew.events(limit=5, offset=5)
    assert set(page1["event_gid"]).isdisjoint(page2["event_gid"])
    belarus = ew.events(place="belarus", limit=1000)
    assert len(belarus) >= 1 and set(belarus["place"].str.lower()) == {"belarus"}
    text = ew.events(text="aegis ashore", limit=1000)
    assert len(text) >= 1 and all("aegis ashore" in s.lower() for s in text["sentence"])
    newest = ew.events(order="-date", limit=1)
    assert newest["date"].iloc[0] == every["date"].max()


def test_injection_strings_in_every_filter_change_nothing(ew):
    before = ew.store.count("events")
    for bad in INJECTIONS:
        assert ew.events(actor=bad).empty
        assert ew.events(category=bad).empty
        assert ew.events(status=bad).empty
        assert ew.events(place=bad).empty
        assert ew.events(dyad=f"{bad}-NATO").empty
        assert ew.articles(outlet=bad).empty
        assert ew.threads(actor=bad).empty
        assert ew.series(bad, "NATO").empty
        with pytest.raises(ValueError):
            ew.events(order=bad)
        with pytest.raises(ValueError):
            ew.series("RUS", "NATO", by=bad)
    # "%" and "_" are plain characters to the text filter, not LIKE wildcards
    assert ew.events(text="%").empty or all("%" in s for s in ew.events(text="%")["sentence"])
    assert ew.store.count("events") == before
    with pytest.raises(ValueError):
        ew.events(since="2020-11-01'; --")
    with pytest.raises(ValueError):
        ew.events(quad="3 OR 1=1")


def test_arrow_on_request(ew):
    table = ew.events(dyad="RUS-NATO", as_arrow=True)
    assert isinstance(table, pa.Table) and table.num_rows >= 12
    assert "sentence" in table.column_names
    assert isinstance(ew.series("RUS", "NATO", as_arrow=True), pa.Table)
    assert isinstance(ew.threads(as_arrow=True), pa.Table)


def test_article_gives_text_and_coded_spans(ew, seed_coded):
    one = ew.article(seed_coded.article.id)
    text = one["text"]
    assert text == seed_coded.text
    for ev in one["events"]:
        ev_text = text[ev["evidence"]["start"]:ev["evidence"]["end"]]
        assert ev_text == ev["evidence"]["sentence"]
        assert isinstance(ev["gid"], int) and isinstance(ev["thread_id"], int)
    for actor in one["actors"]:
        assert all(0 <= s < e <= len(text) for s, e in actor["mentions"])
    for q in one["quotes"]:
        assert q["text"] in text[q["start"] - 1:q["end"] + 1]
    assert [e["id"] for e in one["events"]] == [e.id for e in seed_coded.events]
    with pytest.raises(KeyError):
        ew.article("no-such-article")


def test_articles_and_threads(ew, seed_coded):
    arts = ew.articles(limit=100)
    assert len(arts) == 13 and "text" not in arts.columns
    seed = arts[arts["id"] == seed_coded.article.id].iloc[0]
    assert seed["n_events"] == len(seed_coded.events) and seed["outlet"] == "Newsweek"
    assert list(ew.articles(text="Shoigu")["id"]) == [seed_coded.article.id]
    assert list(ew.articles(actor="BLR")["id"]) == [seed_coded.article.id]
    threads = ew.threads(dyad="RUS-NATO", category="ACCUSE")
    assert threads["mentions"].sum() == len(ew.events(dyad="RUS-NATO", category="ACCUSE",
                                                      limit=1000))
    assert all(len(ev) == m for ev, m in zip(threads["evidence"], threads["mentions"]))


def test_series_and_alerts_through_the_api(ew):
    weeks = ew.series("RUS", "NATO", freq="week", by="quad")
    assert set(weeks.columns) >= {"period", "quad", "events", "claimed", "mean_intensity"}
    assert weeks["events"].sum() >= 12
    assert list(ew.alerts().columns)[:4] == ["source", "target", "period", "events"]


def test_read_only_handle_cannot_write(ew):
    with pytest.raises(StoreError, match="read-only"):
        ew.update_threads()


def test_a_store_another_process_writes_gives_one_line(db, tmp_path):
    """DuckDB refuses a second process; the error names the cause in one line."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from eventwire.store import Store
            s = Store({str(db)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as err:
            eventwire.open(db)
        message = str(err.value)
        assert "another process has it open" in message and "\n" not in message
        cli = subprocess.run([sys.executable, "-m", "eventwire.interfaces.cli", "events",
                              "--db", str(db)], capture_output=True, text=True)
        assert cli.returncode == 1
        assert cli.stderr.count("\n") == 1 and "Traceback" not in cli.stderr
        assert "another process has it open" in cli.stderr
    finally:
        holder.communicate("\n", timeout=30)


def test_one_handle_serves_many_threads_at_once(ew):
    """What an HTTP server's worker threads do: the same answers, no errors."""
    from concurrent.futures import ThreadPoolExecutor
    expected_events = ew.events(dyad="RUS-NATO", limit=1000)["event_gid"].tolist()
    expected_weeks = ew.series("RUS", "NATO", by="total")["events"].tolist()

    def ask(n: int) -> tuple[list[int], list[int]]:
        if n % 2:
            return ew.events(dyad="RUS-NATO", limit=1000)["event_gid"].tolist(), []
        return [], ew.series("RUS", "NATO", by="total")["events"].tolist()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(ask, range(64)))
    for n, (events, weeks) in enumerate(answers):
        assert (events if n % 2 else weeks) == (expected_events if n % 2 else expected_weeks)


def test_places_for_a_map(ew, seed_coded):
    points = ew.places()
    assert len(points) >= 1 and points["lat"].notna().all() and points["lon"].notna().all()
    assert list(points["events"]) == sorted(points["events"], reverse=True)
    belarus = points[points["place"] == "Belarus"]
    seed_belarus = [e for e in seed_coded.events if e.location and e.status == "asserted"
                    and e.location.name == "Belarus"]
    assert int(belarus["mentions"].iloc[0]) == len(seed_belarus)
    assert ew.places(actor="CHL").empty
