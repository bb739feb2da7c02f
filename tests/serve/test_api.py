"""The JSON API in-process: filters, paging caps, series, one article with its spans, docs."""
from __future__ import annotations

import pytest

from .conftest import GENERATED


def test_events_filter_by_dyad_and_dates(client):
    r = client.get("/api/events", params={"dyad": "RUS-NATO", "since": "2020-11-23",
                                          "until": "2020-11-29"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items, "the seed has Russia -> NATO events that week"
    for e in items:
        assert "RUS" in e["source_keys"] and "NATO" in e["target_keys"]
        assert "2020-11-23" <= e["date"] <= "2020-11-29"


@pytest.mark.parametrize("name,value,check", [
    ("actor", "NATO", lambda e: "NATO" in e["source_keys"] + e["target_keys"]),
    ("category", "aid", lambda e: e["category"] == "AID"),
    ("quad", "4", lambda e: e["quad"] == 4),
    ("status", "negated", lambda e: e["status"] == "negated"),
    ("place", "Kaliningrad", lambda e: e["place"] == "Kaliningrad"),
    ("text", "shelled positions", lambda e: "shelled positions" in e["sentence"]),
])
def test_events_each_filter_keeps_only_matching_rows(client, name, value, check):
    items = client.get("/api/events", params={name: value, "limit": 200}).json()["items"]
    assert items
    assert all(check(e) for e in items)


def test_events_pages_do_not_overlap_and_say_when_more(client):
    first = client.get("/api/events", params={"limit": 50}).json()
    second = client.get("/api/events", params={"limit": 50, "offset": 50}).json()
    assert first["next_offset"] == 50 and len(first["items"]) == 50
    ids = {e["event_gid"] for e in first["items"]}
    assert ids.isdisjoint(e["event_gid"] for e in second["items"])
    last = client.get("/api/events", params={"limit": 1000, "offset": GENERATED * 5}).json()
    assert last["next_offset"] is None


@pytest.mark.parametrize("params", [{"limit": 1001}, {"limit": 0}, {"offset": -1},
                                    {"offset": 10**9}])
def test_paging_is_capped(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][-1] in params


def test_series_counts_the_seed_week(client):
    rows = client.get("/api/series", params={"a": "RUS", "b": "NATO", "by": "total",
                                             "since": "2020-11-16",
                                             "until": "2020-12-06"}).json()["items"]
    weeks = {r["period"]: r for r in rows}
    assert sorted(weeks) == ["2020-11-16", "2020-11-23", "2020-11-30"]  # no gaps
    assert weeks["2020-11-23"]["events"] >= 1
    assert weeks["2020-11-16"]["events"] == 0 and weeks["2020-11-16"]["mean_intensity"] is None


def test_series_rejects_unknown_frequency(client):
    r = client.get("/api/series", params={"a": "RUS", "freq": "fortnight"})
    assert r.status_code == 422


def test_article_has_text_and_evidence_offsets(client, seed_coded):
    doc = client.get(f"/api/articles/{seed_coded.article.id}").json()
    assert doc["text"] == seed_coded.text
    for e in doc["events"]:
        ev = e["evidence"]
        assert " ".join(doc["text"][ev["start"]:ev["end"]].split()) == \
            " ".join(ev["sentence"].split())
    assert client.get("/api/articles/ew-0000000000000000").status_code == 404


def test_articles_alerts_threads_dyads_places_answer(client):
    arts = client.get("/api/articles", params={"outlet": "Newsweek"}).json()["items"]
    assert [a["outlet"] for a in arts] == ["Newsweek"]
    assert "text" not in arts[0]  # lists leave the text out
    dyads = client.get("/api/dyads", params={"limit": 500}).json()["items"]
    assert {"source": "RUS", "target": "NATO"}.items() <= next(
        d for d in dyads if d["source"] == "RUS" and d["target"] == "NATO").items()
    assert all(d["source"] != d["target"] for d in dyads)
    places = client.get("/api/places").json()["items"]
    assert {p["place"] for p in places} >= {"Moscow", "Tokyo"}
    threads = client.get("/api/threads", params={"limit": 5}).json()
    assert threads["items"] and threads["items"][0]["mentions"] >= 1
    alerts = client.get("/api/alerts", params={"a": "RUS", "limit": 5})
    assert alerts.status_code == 200
    assert all(a["source"] == "RUS" for a in alerts.json()["items"])


def test_health_counts_the_store(client):
    h = client.get("/api/health").json()
    assert h["read_only"] is True and h["watch"] is None
    assert h["articles"] == GENERATED + 2
    assert h["events"] >= GENERATED * 5


def test_api_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405


def test_openapi_and_docs_are_self_hosted(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/series", "/api/alerts", "/api/articles",
            "/api/articles/{article_id}", "/api/threads"} <= set(spec["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/docs.js" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp


def test_answers_are_cached_until_the_store_changes(served, client):
    client.get("/api/series", params={"a": "CHN", "b": "RUS"})
    before = client.get("/api/health").json()["cache"]
    client.get("/api/series", params={"a": "CHN", "b": "RUS"})
    after = client.get("/api/health").json()["cache"]
    assert after["hits"] == before["hits"] + 1


def test_start_up_warms_the_landing_answers_and_busiest_series(client):
    import time
    from .conftest import WARM
    deadline = time.monotonic() + 120
    while not (warmed := client.get("/api/health").json()["warmed"])["done"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert warmed["answers"] == 4 + WARM
    top = client.get("/api/dyads", params={"limit": 500}).json()["items"][0]
    before = client.get("/api/health").json()["cache"]
    r = client.get("/api/series", params={"a": top["source"], "b": top["target"],
                                          "freq": "week", "by": "quad"})
    assert r.status_code == 200
    after = client.get("/api/health").json()["cache"]
    assert after["misses"] == before["misses"]  # answered from memory


def test_global_ids_reach_javascript_unrounded_as_strings(client):
    """60-bit ids are past JavaScript's exact integers (2**53): they travel as strings."""
    rows = client.get("/api/events", params={"limit": 5}).json()["items"]
    assert rows
    for row in rows:
        gid = row["event_gid"]
        assert isinstance(gid, str) and gid.lstrip("-").isdigit() and abs(int(gid)) > 2 ** 53 - 1
