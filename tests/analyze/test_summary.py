"""The dyad summary stays equal to what the events say, through inserts, copies that join
older threads, re-runs, re-coded and emptied articles, and a schema upgrade."""
from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd
from click.testing import CliRunner

from eventwire.analyze.series import dyads, series
from eventwire.analyze.threads import update_threads
from eventwire.interfaces.cli import cli
from eventwire.model import ActorRef, Evidence
from eventwire.store import Store
from eventwire.store.summary import compact, from_events_sql

from ..store.factories import BELARUS, NATO, RUSSIA, SHOIGU, article, event

UKRAINE = ActorRef(actor="a5", name="Ukraine", country="UKR", sector="GOV")
OPPOSITION = ActorRef(actor="a6", name="the Belarusian opposition", country="BLR",
                      sector="OPP")


def said(ev, sentence: str):
    return replace(ev, evidence=Evidence(sentence=sentence, start=0, end=len(sentence)))


def first_run() -> list:
    """Four articles: several dyads and statuses, a two-sided source, an undated event and
    one without a target."""
    return [
        article("w1", events=(
            said(event("e1", date="2020-11-23"), "Moscow accused the alliance of massing jets."),
            said(event("e2", "THREATEN", (RUSSIA, SHOIGU), (UKRAINE,), score=-5.0,
                       date="2020-11-24"), "Russia and Shoigu threatened Kyiv over drills."),
            said(event("e3", status="claimed", date="2020-11-25"),
                 "Officials claim Moscow accused NATO of spying on the coast."))),
        article("w2", events=(
            said(event("e1", "AID", (BELARUS,), (OPPOSITION,), score=6.0, quad=2,
                       date="2020-11-24"), "Minsk sent food parcels to opposition towns."),
            said(event("e2", date=None), "Moscow accused NATO of an undated provocation."),
            said(event("e3", "MOBILIZE", (SHOIGU,), (), score=-6.0, quad=4,
                       date="2020-11-26"), "Shoigu moved tank columns west."),
            said(event("e4", status="negated", date="2020-11-26"),
                 "Moscow did not accuse NATO of anything at the summit.")),
                published=None),  # so its undated event has no date at all
        article("w3", events=(
            said(event("e1", "THREATEN", (SHOIGU,), (UKRAINE,), score=-5.0,
                       date="2020-12-01"), "Shoigu threatened Kyiv with missile strikes."),)),
        article("w4", events=(
            said(event("e1", "AID", (UKRAINE,), (BELARUS,), score=6.0, quad=2,
                       date="2020-12-02"), "Kyiv delivered generators to Minsk hospitals."),)),
    ]


def copies() -> list:
    """Syndicated copies of first-run events, one a day later: they join older threads."""
    return [
        article("c1", events=(
            said(event("e1", date="2020-11-24"),
                 "Moscow accused the alliance of massing jets, agencies said."),
            said(event("e2", "THREATEN", (RUSSIA, SHOIGU), (UKRAINE,), score=-4.0,
                       date="2020-11-24"), "Russia and Shoigu threatened Kyiv over drills."))),
        article("c2", events=(
            said(event("e1", "AID", (BELARUS,), (OPPOSITION,), score=5.0, quad=2,
                       date="2020-11-25"), "Minsk sent food parcels to opposition towns."),)),
    ]


def table(store: Store) -> pd.DataFrame:
    """The summary, one row per key (saves append differences; readers sum them)."""
    return _sorted(store.fetch(
        "SELECT level, source, target, day, category, quad, sum(events) AS events, "
        "sum(claimed) AS claimed, sum(intensity_sum) AS intensity_sum, "
        "sum(intensity_n) AS intensity_n, sum(mentions) AS mentions FROM dyad_summary "
        "GROUP BY ALL HAVING sum(events) <> 0 OR sum(claimed) <> 0"))


def recomputed(store: Store) -> pd.DataFrame:
    return _sorted(store.fetch(from_events_sql()))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["day"] = frame["day"].astype("string")
    frame["intensity_sum"] = frame["intensity_sum"].round(9)
    keys = ["level", "source", "target", "day", "category", "quad"]
    return frame.sort_values(keys, na_position="first").reset_index(drop=True)


def asserted_threads_by_hand(store: Store) -> pd.DataFrame:
    """Asserted threads per key dyad and first day, computed in pandas from the events view
    (another route to the same numbers than the summary's SQL)."""
    m = store.fetch("SELECT thread_id, status, date, source_keys, target_keys "
                    "FROM event_details WHERE status IN ('asserted', 'claimed') "
                    "AND date IS NOT NULL")
    m["source"] = m["source_keys"].map(lambda v: sorted(set(v)))
    m["target"] = m["target_keys"].map(lambda v: sorted(set(v)))
    m = m.explode("source").explode("target").dropna(subset=["source", "target"])
    th = m.groupby(["source", "target", "thread_id"]).agg(
        day=("date", "min"), asserted=("status", lambda s: (s == "asserted").any()))
    th = th[th["asserted"]].reset_index()
    out = th.groupby(["source", "target", "day"]).size().rename("events").reset_index()
    out["day"] = out["day"].astype("string")
    return out.sort_values(["source", "target", "day"]).reset_index(drop=True)


def summary_key_level(store: Store) -> pd.DataFrame:
    out = store.fetch("SELECT source, target, CAST(day AS VARCHAR) AS day, "
                      "sum(events)::BIGINT AS events FROM dyad_summary WHERE level = 'key' "
                      "AND day IS NOT NULL GROUP BY ALL HAVING sum(events) > 0")
    out["day"] = out["day"].astype("string")
    return out.sort_values(["source", "target", "day"]).reset_index(drop=True)


def check(store: Store) -> pd.DataFrame:
    now = table(store)
    pd.testing.assert_frame_equal(now, recomputed(store), check_dtype=False)
    pd.testing.assert_frame_equal(summary_key_level(store), asserted_threads_by_hand(store),
                                  check_dtype=False)
    return now


def test_summary_equals_the_events_through_inserts_reruns_recodes_and_deletes(store):
    store.save_batch(first_run())
    after_first = check(store)
    assert len(after_first) > 10
    # RUS acting on NATO: the asserted accusation of the 23rd, the claimed one of the 25th
    rus_nato = series(store, "RUS", "NATO", freq="day", by="total")
    assert rus_nato.set_index("period")[["events", "claimed"]].loc[
        pd.Timestamp("2020-11-23").date()].tolist() == [1, 0]
    assert rus_nato["claimed"].sum() == 1

    store.save_batch(copies())
    after_copies = check(store)
    # the copies joined the threads of the first run: still one asserted accusation by RUS
    assert series(store, "RUS", "NATO", freq="week", by="total")["events"].sum() == 1
    # the copy raised the thread's mentions, not its count
    week = series(store, "RUS", "UKR", freq="week", by="total")
    assert week["events"].sum() == 2 and week["mentions"].sum() == 3

    store.save_batch(copies())  # the same run again: nothing counted twice
    pd.testing.assert_frame_equal(check(store), after_copies, check_dtype=False)

    # w1 re-coded: its accusation is now negated and its threat moved a week on
    store.save(article("w1", events=(
        said(event("e1", status="negated", date="2020-11-23"),
             "Moscow accused the alliance of massing jets."),
        said(event("e2", "THREATEN", (RUSSIA, SHOIGU), (UKRAINE,), score=-5.0,
                   date="2020-12-08"), "Russia and Shoigu threatened Kyiv over drills."))))
    check(store)
    # the copy c1 still tells the accusation, on the 24th
    assert series(store, "RUS", "NATO", freq="day", by="total").set_index("period").loc[
        pd.Timestamp("2020-11-24").date(), "events"] == 1

    # c2 emptied (all its events gone) and w3 as well: their rows leave the summary
    store.save_batch([article("c2", events=()), article("w3", events=())])
    final = check(store)
    # the appended differences sum to the same as one row per key
    with store.transaction() as run:
        rows = compact(run)
    assert rows == len(final) == store.query("SELECT count(*) AS n FROM dyad_summary")[0]["n"]
    pd.testing.assert_frame_equal(check(store), final, check_dtype=False)
    assert not ((final["level"] == "code") & (final["source"] == "RUSMIL")
                & (final["target"] == "UKRGOV") & (final["day"] == "2020-12-01")).any()


def test_series_against_anyone_and_by_code(store):
    store.save_batch(first_run())
    anyone = series(store, "RUSMIL", freq="month", by="category")
    got = anyone.groupby("category")["events"].sum()
    got = got[got > 0].to_dict()
    # Shoigu's threat with Russia, his mobilisation without a target, his threat of Dec 1
    assert got == {"THREATEN": 2, "MOBILIZE": 1}
    gov = series(store, "BLRGOV", "BLROPP", freq="day", by="quad")
    assert gov["events"].sum() == 1 and gov.loc[gov["events"] > 0, "quad"].tolist() == [2]
    ranked = dyads(store, level="code", self_pairs=False)
    assert ("BLRGOV", "BLROPP") in set(zip(ranked["source"], ranked["target"]))
    key_level = dyads(store, level="key", self_pairs=False)
    assert ("BLR", "BLR") not in set(zip(key_level["source"], key_level["target"]))


def test_an_older_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.save_batch([*first_run(), *copies()])
        events, articles = s.count("events"), s.count("articles")
        expected = table(s)
    con = duckdb.connect(str(path))  # as schema 3 left it: no summary, nothing threaded
    con.execute("DROP TABLE dyad_summary")
    con.execute("DELETE FROM event_threads")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (3, now())")
    con.close()
    with Store(path) as s:
        assert (s.count("events"), s.count("articles")) == (events, articles)
        assert s.query("SELECT max(version) AS v FROM schema_version")[0]["v"] == 4
        check(s)  # every unthreaded event counts as a thread of its own, until threaded
        assert update_threads(s).threaded == events
        pd.testing.assert_frame_equal(check(s), expected, check_dtype=False)


def test_threads_summary_option_recomputes_the_table(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.save_batch(first_run())
        expected = table(s)
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM dyad_summary WHERE level = 'key'")  # damaged by hand
    con.close()
    result = CliRunner().invoke(cli, ["threads", "--db", str(path), "--summary"])
    assert result.exit_code == 0, result.output
    assert f"{len(expected)} rows" in result.output
    with Store(path, read_only=True) as s:
        pd.testing.assert_frame_equal(table(s), expected, check_dtype=False)
