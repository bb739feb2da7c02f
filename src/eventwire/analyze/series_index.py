"""Dyad series from memory: the ``dyad_summary`` rows of ``series`` held as numpy arrays.

Why: even from the summary table a series is a DuckDB query (30-60 ms of a core on a million
events), and 200 clients asking for 200 different dyads at once queued for seconds on two
cores. The rows ``series`` reads (level ``any``, dated) fit in memory as a few numeric arrays
sorted by dyad; a series is then a slice of them summed per period and group with numpy, about
a millisecond, with no query at all. The answer is exactly what the SQL of
``analyze.series.series`` returns (tests/analyze/test_memory_index.py compares both).

An index is a snapshot of one store generation (``Store.generation``): the owner builds a new
one when the store has changed since (analyze/api.py).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .event_index import _codes
from .series import FREQS, GROUPS, as_date, check_choice

if TYPE_CHECKING:
    from ..store import Store

_EPOCH = np.datetime64("1970-01-01", "D")

_ROWS_SQL = """
SELECT source, target, day, category, quad, events, claimed, intensity_sum, intensity_n,
       mentions
FROM dyad_summary WHERE level = 'any' AND day IS NOT NULL
ORDER BY source, target
"""


def _ints(column: pa.ChunkedArray, dtype: str, null: int = 0) -> np.ndarray:
    return column.fill_null(null).to_numpy().astype(dtype)


class SeriesIndex:
    """The ``any``-level summary rows of every dyad, sorted by dyad, as arrays."""

    def __init__(self, table: pa.Table) -> None:
        src, self._values = _codes(pa.chunked_array(
            [pc.cast(c, pa.string()) for c in table.column("source").chunks]
            + [pc.cast(c, pa.string()) for c in table.column("target").chunks],
            type=pa.string()))
        n = table.num_rows
        tgt = src[n:]
        src = src[:n]
        self.day = table.column("day").cast(pa.int32()).to_numpy()
        self.category, self.categories = _codes(table.column("category"))
        self.quad = _ints(table.column("quad"), "int32", -1)
        self.quad_null = table.column("quad").is_null().to_numpy(zero_copy_only=False)
        self.events = _ints(table.column("events"), "int64")
        self.claimed = _ints(table.column("claimed"), "int64")
        self.isum = table.column("intensity_sum").fill_null(0.0).to_numpy().astype("float64")
        self.inum = _ints(table.column("intensity_n"), "int64")
        self.mentions = _ints(table.column("mentions"), "int64")
        # rows are sorted by (source, target): each dyad is one slice
        pair = src.astype(np.int64) * (len(self._values) + 1) + tgt
        cuts = np.flatnonzero(np.diff(pair)) + 1 if n else np.array([], dtype=np.int64)
        starts = np.concatenate([[0], cuts]) if n else cuts
        ends = np.concatenate([cuts, [n]]) if n else cuts
        self._slices = {(self._values[src[s]], self._values[tgt[s]]): (int(s), int(e))
                        for s, e in zip(starts, ends)}

    @classmethod
    def build(cls, store: "Store") -> "SeriesIndex":
        return cls(store.fetch(_ROWS_SQL, arrow=True))

    def __len__(self) -> int:
        return len(self.day)

    def series(self, a: str, b: str | None = None, *, freq: str = "week",
               by: str = "category", since: date | str | None = None,
               until: date | str | None = None) -> pd.DataFrame:
        """What ``analyze.series.series`` returns, computed from the arrays."""
        check_choice("freq", freq, FREQS)
        check_choice("by", by, GROUPS)
        start, end = as_date(since, "since"), as_date(until, "until")
        part, pfreq = FREQS[freq]
        s, e = self._slices.get((a, "*" if b is None else b), (0, 0))
        day = self.day[s:e]
        keep = np.ones(len(day), dtype=bool)
        if start is not None:
            keep &= day >= (np.datetime64(start, "D") - _EPOCH).astype(np.int32)
        if end is not None:
            keep &= day <= (np.datetime64(end, "D") - _EPOCH).astype(np.int32)
        if by == "category":
            grp, names = self.category[s:e], self.categories
            keep &= grp >= 0
        elif by == "quad":
            grp, names = self.quad[s:e], None
            keep &= ~self.quad_null[s:e]
        else:
            grp, names = np.zeros(e - s, dtype=np.int32), None
        idx = np.flatnonzero(keep) + s
        period = _periods(self.day[idx], part)
        key = period.astype(np.int64) * 2**20 + (grp[idx - s].astype(np.int64) + 2**19)
        uniq, inverse = np.unique(key, return_inverse=True)
        sums = {name: np.bincount(inverse, weights=col[idx], minlength=len(uniq))
                for name, col in (("events", self.events), ("claimed", self.claimed),
                                  ("isum", self.isum), ("inum", self.inum),
                                  ("mentions", self.mentions))}
        live = (sums["events"] != 0) | (sums["claimed"] != 0)
        uniq = uniq[live]
        found_period = uniq // 2**20
        codes = (uniq % 2**20) - 2**19
        return _grid(found_period, codes, {k: v[live] for k, v in sums.items()}, by, names,
                     _first_day(start, part), _first_day(end, part), part)


_COLUMNS = ("period", "events", "claimed", "mean_intensity", "mentions")


def _first_day(day: date | None, part: str) -> int | None:
    if day is None:
        return None
    return int(_periods(np.array([(np.datetime64(day, "D") - _EPOCH).astype(np.int64)]),
                        part)[0])


def _grid(period: np.ndarray, codes: np.ndarray, sums: dict[str, np.ndarray], by: str,
          names: list[str | None] | None, first: int | None, last: int | None, part: str
          ) -> pd.DataFrame:
    """``series._fill`` in numpy: every period from ``first`` (else the first found) to
    ``last`` (else the last found) times every group found, zeros where nothing was."""
    columns = ["period", by, "events", "claimed", "mean_intensity", "mentions"]
    if len(period) == 0 and (first is None or last is None):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    lo = first if first is not None else int(period.min())
    hi = last if last is not None else int(period.max())
    if part == "month":
        months = np.arange(np.datetime64(lo, "D").astype("datetime64[M]"),
                           np.datetime64(hi, "D").astype("datetime64[M]") + 1)
        periods = months.astype("datetime64[D]").astype(np.int64)
    else:
        periods = np.arange(lo, hi + 1, 7 if part == "week" else 1, dtype=np.int64)
    groups = np.unique(codes) if len(codes) else np.array(
        [0] if by == "total" else [], dtype=np.int64)
    if by == "category":  # sorted by name, as pandas sorts the found groups
        groups = np.array(sorted(groups, key=lambda c: names[c]), dtype=np.int64)  # type: ignore[index]
    n_p, n_g = len(periods), len(groups)
    cell = np.full(len(period), -1, dtype=np.int64)
    if n_p and n_g:
        pi = np.searchsorted(periods, period)
        inside = (pi < n_p) & (periods[np.minimum(pi, n_p - 1)] == period)
        sorter = np.argsort(groups)
        gi = sorter[np.searchsorted(groups, codes, sorter=sorter)]
        cell = np.where(inside, pi * n_g + gi, -1)
    size = n_p * n_g
    ok = cell >= 0
    out = {}
    for name in ("events", "claimed", "mentions", "isum", "inum"):
        col = np.zeros(size, dtype=np.float64)
        np.add.at(col, cell[ok], sums[name][ok])
        out[name] = col
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(out["inum"] != 0, out["isum"] / np.where(out["inum"] != 0,
                                                                  out["inum"], 1), np.nan)
    if by == "category":
        labels: Any = np.array([names[c] for c in groups], dtype=object)  # type: ignore[index]
    elif by == "quad":
        labels = groups.astype(np.int64)
    else:
        labels = np.array(["all"] * n_g, dtype=object)
    days = (periods.astype("datetime64[D]")).astype(object)
    return pd.DataFrame({
        "period": np.repeat(days, n_g), by: np.tile(labels, n_p),
        "events": out["events"].astype("int64"), "claimed": out["claimed"].astype("int64"),
        "mean_intensity": mean, "mentions": out["mentions"].astype("int64")})[columns]


def _periods(days: np.ndarray, part: str) -> np.ndarray:
    """The first day (days since 1970-01-01) of each day's period."""
    if part == "week":  # 1970-01-01 was a Thursday: Monday-based weeks
        return days - (days + 3) % 7
    if part == "month":
        return (days.astype("datetime64[D]").astype("datetime64[M]")
                .astype("datetime64[D]").astype(np.int64))
    return days


__all__ = ["SeriesIndex"]
