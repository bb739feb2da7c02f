"""Series count threads of asserted events; alerts find a jump against a robust baseline."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from eventwire.analyze.series import alerts, dyads, series
from eventwire.analyze.threads import update_threads
from eventwire.model import ActorRef

from ..store.factories import NATO, RUSSIA, article, event

USA_GOV = ActorRef(actor="a1", name="the White House", country="USA", sector="GOV")
USA_OPP = ActorRef(actor="a2", name="Democrats", country="USA", sector="OPP")
RUS_MIL = ActorRef(actor="a3", name="the Russian army", country="RUS", sector="MIL")


@pytest.fixture
def stocked(store):
    """Russia -> NATO in the first November week 2020, copies and statuses mixed."""
    store.save(article("w1", events=(
        event("e1", "ACCUSE", score=-3.0, quad=3, date="2020-11-02"),
        event("e2", "THREATEN", (RUS_MIL,), score=-6.0, quad=3, date="2020-11-03"),
        event("e3", "AGREE", score=4.0, quad=1, date="2020-11-03", status="negated"),
        event("e4", "AID", score=7.0, quad=2, date="2020-11-04", status="claimed"),
        event("e5", "CONSULT", score=1.0, quad=1, date="2020-11-05", status="future"),
    )))
    # a second outlet runs the ACCUSE story again: one event, two mentions
    store.save(article("w2", events=(event("e1", "ACCUSE", score=-5.0, quad=3,
                                           date="2020-11-03"),)))
    store.save(article("w3", published="2020-11-20", events=(
        event("e1", "ASSAULT", score=-10.0, quad=4, date="2020-11-18"),)))
    update_threads(store)
    return store


def rows(frame, *cols):
    return [tuple(r) for r in frame[list(cols)].itertuples(index=False)]


def test_series_counts_threads_not_mentions(stocked):
    week = series(stocked, "RUS", "NATO", freq="week", by="total")
    assert rows(week, "period", "events", "claimed", "mentions") == [
        (date(2020, 11, 2), 2, 1, 3), (date(2020, 11, 9), 0, 0, 0),
        (date(2020, 11, 16), 1, 0, 1)]
    # the ACCUSE thread's intensity is its mentions' mean, (-3 - 5) / 2; THREATEN is -6
    assert week["mean_intensity"].iloc[0] == pytest.approx((-4.0 + -6.0) / 2)


def test_series_by_category_leaves_out_negated_and_future(stocked):
    by_cat = series(stocked, "RUS", "NATO", freq="month", by="category")
    assert rows(by_cat, "category", "events", "claimed") == [
        ("ACCUSE", 1, 0), ("AID", 0, 1), ("ASSAULT", 1, 0), ("THREATEN", 1, 0)]
    assert "AGREE" not in set(by_cat["category"]) and "CONSULT" not in set(by_cat["category"])


def test_series_by_quad_and_country_sector_codes(stocked):
    by_quad = series(stocked, "RUS", "NATO", freq="month", by="quad")
    assert rows(by_quad, "quad", "events", "claimed") == [(2, 0, 1), (3, 2, 0), (4, 1, 0)]
    army = series(stocked, "RUSMIL", "NATO", freq="month", by="total")
    assert rows(army, "events") == [(1,)]  # only the THREATEN of the army
    assert series(stocked, "RUSGOV", None, freq="month", by="total")["events"].sum() == 2


def test_government_against_opposition_is_a_dyad_of_its_own(store):
    store.save(article("d1", events=(
        event("e1", "ACCUSE", (USA_GOV,), (USA_OPP,), date="2020-10-05"),
        event("e2", "ACCUSE", (USA_OPP,), (USA_GOV,), date="2020-10-06"),
        event("e3", "PROTEST", (USA_OPP,), (USA_OPP,), quad=4, date="2020-10-07"),
    )))
    assert series(store, "USAGOV", "USAOPP", by="total")["events"].sum() == 1
    assert series(store, "USAOPP", "USAGOV", by="total")["events"].sum() == 1
    assert series(store, "USA", "USA", by="total")["events"].sum() == 3


def test_series_fills_the_asked_range_and_refuses_unknown_choices(stocked):
    days = series(stocked, "RUS", "NATO", freq="day", by="total", since="2020-11-01",
                  until="2020-11-04")
    assert list(days["period"]) == [date(2020, 11, d) for d in (1, 2, 3, 4)]
    assert list(days["events"]) == [0, 1, 1, 0]
    with pytest.raises(ValueError, match="freq"):
        series(stocked, "RUS", "NATO", freq="hour")
    with pytest.raises(ValueError, match="by"):
        series(stocked, "RUS", "NATO", by="category; DROP TABLE events")
    assert series(stocked, "CHL", "PER").empty


def spiky(store, quiet_weeks: int = 10, burst: int = 6):
    """RUS -> NATO: one accusation a week, then a week of ``burst`` distinct events."""
    start = date(2021, 1, 4)  # a Monday
    for w in range(quiet_weeks):
        day = start + timedelta(weeks=w)
        store.save(article(f"q{w}", published=day.isoformat(), events=(
            event("e1", "ACCUSE", date=day.isoformat()),)))
    day = start + timedelta(weeks=quiet_weeks)
    store.save(article("burst", published=day.isoformat(), events=tuple(
        event(f"e{i}", "ASSAULT", quad=4, score=-10.0, date=day.isoformat())
        for i in range(burst))))
    # the same article's events are distinct events: nothing to merge
    return day


def test_alert_on_a_burst_lists_the_events_behind_it(store):
    day = spiky(store)
    update_threads(store)
    found = alerts(store)
    assert len(found) == 1
    hit = found.iloc[0]
    assert (hit["source"], hit["target"], hit["period"]) == ("RUS", "NATO", day)
    assert hit["events"] == 6 and hit["baseline"] == 1.0
    assert hit["score"] == pytest.approx((6 - 1) / 1.0)  # MAD 0: Poisson floor sqrt(1)
    burst_gids = {r["gid"] for r in store.query(
        "SELECT gid FROM events WHERE article_id = 'burst'")}
    assert set(hit["event_gids"]) == burst_gids and len(hit["threads"]) == 6


def test_no_alert_for_a_steady_series(store):
    spiky(store, burst=1)
    assert alerts(store).empty


def test_threshold_and_minimum_count_bound_the_alerts(store):
    spiky(store, burst=6)
    assert alerts(store, min_events=7).empty
    assert len(alerts(store, min_events=6)) == 1
    assert alerts(store, threshold=5.5).empty  # its score is 5


def test_alerts_by_quad_and_by_pair(store):
    spiky(store)
    assert len(alerts(store, "RUS", "NATO", quad=[4])) == 1
    assert alerts(store, "RUS", "NATO", quad=[1, 2]).empty
    assert alerts(store, "NATO").empty
    with pytest.raises(ValueError, match="level"):
        alerts(store, level="country")


def test_rankings_on_country_alone_and_on_country_and_sector(store):
    store.save(article("r1", events=(
        event("e1", "ACCUSE", (USA_GOV,), (USA_OPP,), date="2020-10-05"),
        event("e2", "PROTEST", (USA_OPP,), (USA_GOV,), quad=4, date="2020-10-06"),
        event("e3", "REJECT", (USA_GOV,), (USA_OPP,), date="2020-10-07"),
        event("e4", "ACCUSE", date="2020-10-07"),  # RUS -> NATO
        event("e5", "AGREE", (USA_GOV,), (USA_OPP,), quad=1, score=4.0, date="2020-10-08",
              status="negated"),
    )))
    by_key = dyads(store)
    assert rows(by_key, "source", "target", "events") == [("USA", "USA", 3),
                                                          ("RUS", "NATO", 1)]
    by_code = dyads(store, level="code")
    assert rows(by_code, "source", "target", "events", "conflict") == [
        ("USAGOV", "USAOPP", 2, 2), ("RUSGOV", "NATO", 1, 1), ("USAOPP", "USAGOV", 1, 1)]
    assert rows(dyads(store, self_pairs=False), "source", "target") == [("RUS", "NATO")]
