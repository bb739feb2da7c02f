"""Exports: GDELT-style CSV counts real-world events; PLOVER JSON uses the spec's names."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from eventwire.analyze.threads import update_threads
from eventwire.interfaces.cli import cli
from eventwire.interfaces.exits import EXIT_USAGE
from eventwire.model import Location
from eventwire.store.exports import export

from .factories import BELARUS, NATO, RUSSIA, article, event, full_article


@pytest.fixture
def copies(store):
    """One RUS -> NATO accusation run by three outlets, plus a negated and a future event."""
    for n in range(3):
        store.save(article(f"c{n}", events=(event("e1", score=-4.0,
                                                  date=f"2020-11-2{4 + n % 2}"),)))
    store.save(article("other", events=(
        event("e1", "THREATEN", (NATO,), (BELARUS,), status="negated", date="2020-11-24"),
        event("e2", "AGREE", (BELARUS,), (RUSSIA,), score=4.0, quad=1, status="future"),
    )))
    store.save(full_article())
    update_threads(store)
    return store


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_gdelt_has_one_row_per_real_world_event(copies, tmp_path):
    [path] = export(copies, "gdelt", tmp_path)
    rows = read_csv(path)
    assert rows[0].keys() >= {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode",
                              "Actor1Type1Code", "Actor2Code", "EventCode", "EventRootCode",
                              "QuadClass", "GoldsteinScale", "NumMentions", "NumArticles",
                              "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long",
                              "SOURCEURL"}
    accuse = [r for r in rows if r["Actor1Code"] == "RUSGOV"]
    assert len(accuse) == 1  # three mentions, one event
    one = accuse[0]
    assert (one["NumMentions"], one["NumArticles"], one["SQLDATE"]) == ("3", "3", "20201124")
    assert (one["Actor2Code"], one["Actor2KnownGroupCode"], one["EventRootCode"]) == \
        ("NATO", "NATO", "11")
    assert float(one["GoldsteinScale"]) == -4.0
    # negated and future events did not happen: not in GDELT
    assert not [r for r in rows if r["Actor1Code"] in ("NATO", "BLRGOV")]
    shoigu = [r for r in rows if r["Actor1Code"] == "RUSMIL"][0]
    assert (shoigu["ActionGeo_FullName"], shoigu["ActionGeo_Type"]) == ("Kaliningrad", "4")
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_plover_json_records_follow_the_spec(copies, tmp_path):
    [path] = export(copies, "plover-json", tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == copies.count("events")
    for r in records:
        assert {"id", "date", "source", "recipient", "event", "quad_code", "event_scale",
                "event_text", "link", "text_info", "cite_info"} <= r.keys()
    accuse = [r for r in records if r["article_id"].startswith("c")]
    assert len({r["link"] for r in accuse}) == 1  # one thread links the three copies
    first = accuse[0]
    assert first["source"] == [{"code": "RUS", "sector": "GOV", "actor_text": "Russia",
                                "identifier_text": None}]
    assert first["recipient"][0]["code"] == "IGO"  # PLOVER's code for a governmental body
    assert first["recipient"][0]["identifier_text"] == "NATO"
    assert first["event"] == ["ACCUSE"] and first["quad_code"] == 3
    shoigu = [r for r in records if r["article_id"] == "ew-full" and r["event"] == ["ACCUSE"]]
    loc = shoigu[0]["event_loc"]
    assert (loc["name"], loc["cc3"], loc["geonameid"]) == ("Kaliningrad", "RUS", 554234)
    assert shoigu[0]["event_text"] == [full_article().events[0].evidence.sentence,
                                       "Shoigu repeated it."]
    month = [r for r in records if r["event"] == ["AGREE"] and r["article_id"] == "ew-full"][0]
    assert (month["date"], month["enddate"], month["status"]) == \
        ("2020-10-01", "2020-10-31", "future")


def test_csv_and_the_export_command(copies, tmp_path):
    db = copies.path
    copies.close()
    out = tmp_path / "csv"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "csv", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_csv(out / "events.csv")) == 7
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "gdelt", str(out)])
    assert result.exit_code == 0 and result.output.strip().endswith("events.gdelt.csv")
    bad = CliRunner().invoke(cli, ["export", "--db", db, "--format", "xml", str(out)])
    assert bad.exit_code == EXIT_USAGE


def test_a_place_is_carried_into_both_formats(store, tmp_path):
    ev = event("e1", date="2020-11-24")
    from dataclasses import replace
    store.save(article("p", events=(replace(ev, location=Location(
        name="Texas", country="USA", lat=31.0, lon=-100.0, precision="admin1")),)))
    [gd] = export(store, "gdelt", tmp_path)
    assert read_csv(gd)[0]["ActionGeo_Type"] == "2"  # a US state
