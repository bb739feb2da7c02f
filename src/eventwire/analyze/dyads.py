"""Dyad time series: how often, and how hard, one actor acted on another, period by period.

Computed in SQL over the store's ``events`` table so it scales with DuckDB, not Python. Later
analyses (tension series, spike alerts) are meant to build on these rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..store import Store

#: freq -> (date_trunc part, the step between periods). Both are ours, never a caller's text.
FREQUENCIES: dict[str, tuple[str, str]] = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 7 DAY"),  # ISO weeks, starting on Monday
    "month": ("month", "INTERVAL 1 MONTH"),
}


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One period of a dyad: its event count, intensity and PLOVER quad mix."""

    period: date  # first day of the day/week/month
    n_events: int
    mean_score: float | None  # None for an empty period
    sum_score: float
    quad1: int  # verbal cooperation
    quad2: int  # material cooperation
    quad3: int  # verbal conflict
    quad4: int  # material conflict

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period.isoformat(), "n_events": self.n_events,
                "mean_score": self.mean_score, "sum_score": self.sum_score,
                "quad1": self.quad1, "quad2": self.quad2, "quad3": self.quad3,
                "quad4": self.quad4}


_SQL = """
WITH hits AS (
    SELECT CAST(date_trunc(?, date_start) AS DATE) AS period, score, quad
    FROM events
    WHERE list_contains(source_keys, ?) AND list_contains(target_keys, ?)
      AND (? OR status IS DISTINCT FROM 'negated')
      AND date_start IS NOT NULL
),
periods AS (
    SELECT CAST(p AS DATE) AS period
    FROM range((SELECT min(period) FROM hits)::TIMESTAMP,
               (SELECT max(period) FROM hits)::TIMESTAMP + INTERVAL 1 DAY,
               {step}) AS t(p)
)
SELECT periods.period,
       count(hits.period) AS n_events,
       avg(hits.score) AS mean_score,
       coalesce(sum(hits.score), 0) AS sum_score,
       count(*) FILTER (WHERE hits.quad = 1) AS quad1,
       count(*) FILTER (WHERE hits.quad = 2) AS quad2,
       count(*) FILTER (WHERE hits.quad = 3) AS quad3,
       count(*) FILTER (WHERE hits.quad = 4) AS quad4
FROM periods LEFT JOIN hits ON hits.period = periods.period
GROUP BY periods.period
ORDER BY periods.period
"""


def dyad_series(store: "Store", source: str, target: str, freq: str = "day",
                include_negated: bool = False) -> list[DyadPeriod]:
    """Events where ``source`` acted on ``target`` (actor keys: 'RUS', 'NATO'), per period.

    An event counts when its source keys hold ``source`` and its target keys hold ``target``,
    and falls in the period of the first day its date covers. Periods run without gaps from
    the first to the last one with an event, so a quiet week shows as zero rather than
    vanishing. Negated events ("NATO does not pose a threat") did not happen and are left out
    unless ``include_negated``; events with no date at all are left out.
    """
    if freq not in FREQUENCIES:
        raise ValueError(f"freq={freq!r} is not supported; use one of {', '.join(FREQUENCIES)}")
    part, step = FREQUENCIES[freq]
    rows = store.query(_SQL.format(step=step), [part, source, target, include_negated])
    return [DyadPeriod(period=r["period"], n_events=int(r["n_events"]),
                       mean_score=r["mean_score"], sum_score=float(r["sum_score"]),
                       quad1=int(r["quad1"]), quad2=int(r["quad2"]), quad3=int(r["quad3"]),
                       quad4=int(r["quad4"]))
            for r in rows]


__all__ = ["dyad_series", "DyadPeriod", "FREQUENCIES"]
