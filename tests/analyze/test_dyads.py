"""dyad_series on a hand-built set of events whose numbers can be checked by hand."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.analyze import DyadPeriod, dyad_series

from ..store.factories import BELARUS, NATO, RUSSIA, article, event


@pytest.fixture
def stocked(store):
    """Russia -> NATO over November 2020, plus noise that must not count."""
    store.save(article("ew-nov", published="2020-11-24", events=(
        event("e1", "ACCUSE", score=-3.0, quad=3, date="2020-11-02"),      # Monday
        event("e2", "THREATEN", score=-6.0, quad=3, date="2020-11-02"),
        event("e3", "ASSAULT", score=-10.0, quad=4, date="2020-11-04"),
        event("e4", "AGREE", score=4.0, quad=1, date="2020-11-04", status="negated"),
        event("e5", "ACCUSE", (NATO,), (RUSSIA,), score=-3.0, date="2020-11-03"),  # reversed
        event("e6", "CONSULT", (RUSSIA, BELARUS), (NATO,), score=1.0, quad=1,
              status="future", date="2020-11-17"),
        event("e7", "AID", score=7.0, quad=2, status="claimed", date=None),  # -> published
    )))
    store.save(article("ew-dec", published="2020-12-05", events=(
        event("e1", "REQUEST", score=-2.0, quad=3, date="2020-12", precision="month"),
    )))
    return store


def summary(series: list[DyadPeriod]) -> list[tuple[str, int, float]]:
    return [(p.period.isoformat(), p.n_events, p.sum_score) for p in series if p.n_events]


def test_dyad_series_by_day_fills_quiet_days(stocked):
    series = dyad_series(stocked, "RUS", "NATO", freq="day")
    assert series[0].period == date(2020, 11, 2)
    assert series[-1].period == date(2020, 12, 1)
    assert len(series) == 30  # every day from the first event to the last
    assert summary(series) == [("2020-11-02", 2, -9.0), ("2020-11-04", 1, -10.0),
                               ("2020-11-17", 1, 1.0), ("2020-11-24", 1, 7.0),
                               ("2020-12-01", 1, -2.0)]
    first = series[0]
    assert (first.mean_score, first.quad3, first.quad4) == (-4.5, 2, 0)
    quiet = series[1]
    assert quiet == DyadPeriod(date(2020, 11, 3), 0, None, 0.0, 0, 0, 0, 0)


def test_dyad_series_by_week_starts_on_monday(stocked):
    series = dyad_series(stocked, "RUS", "NATO", freq="week")
    assert [p.period for p in series] == [date(2020, 11, d) for d in (2, 9, 16, 23, 30)]
    assert [p.n_events for p in series] == [3, 0, 1, 1, 1]
    week = series[0]
    assert week.sum_score == -19.0
    assert week.mean_score == pytest.approx(-19.0 / 3)
    assert (week.quad1, week.quad2, week.quad3, week.quad4) == (0, 0, 2, 1)


def test_dyad_series_by_month(stocked):
    nov, dec = dyad_series(stocked, "RUS", "NATO", freq="month")
    assert nov.to_dict() == {"period": "2020-11-01", "n_events": 5, "mean_score": -2.2,
                             "sum_score": -11.0, "quad1": 1, "quad2": 1, "quad3": 2,
                             "quad4": 1}
    assert (dec.period, dec.n_events, dec.sum_score) == (date(2020, 12, 1), 1, -2.0)


def test_dyad_series_counts_negated_only_when_asked(stocked):
    week = dyad_series(stocked, "RUS", "NATO", freq="week", include_negated=True)[0]
    assert (week.n_events, week.sum_score, week.quad1) == (4, -15.0, 1)


def test_dyad_series_is_directed(stocked):
    assert summary(dyad_series(stocked, "NATO", "RUS")) == [("2020-11-03", 1, -3.0)]
    assert summary(dyad_series(stocked, "BLR", "NATO")) == [("2020-11-17", 1, 1.0)]
    assert dyad_series(stocked, "USA", "NATO") == []


def test_dyad_series_unchanged_by_resaving(stocked):
    before = dyad_series(stocked, "RUS", "NATO", freq="month")
    stocked.save(article("ew-dec", published="2020-12-05", events=(
        event("e1", "REQUEST", score=-2.0, quad=3, date="2020-12", precision="month"),
    )))
    assert dyad_series(stocked, "RUS", "NATO", freq="month") == before


def test_dyad_series_refuses_unknown_freq(stocked):
    with pytest.raises(ValueError, match="freq='year' is not supported; use one of day, week"):
        dyad_series(stocked, "RUS", "NATO", freq="year")
