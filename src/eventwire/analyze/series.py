"""Tension series and spike alerts, counted in threads (real-world events), not mentions.

A *series* counts, period by period, the threads in which actor A acted on actor B (or on
anyone): asserted threads in ``events``, threads only claimed by one side apart in
``claimed``; negated, future and hypothetical mentions never count (they did not happen). A
thread is asserted when any of its mentions is, claimed when none is but one claims it; it
falls in the period of its earliest mention's date, and its intensity is the mean of its
mentions' (PLOVER/Goldstein-style, -10..10).

An *alert* is a period whose asserted count jumps against the same dyad's robust trailing
baseline: the median of the ``window`` periods before it, with the MAD (x 1.4826, so it
estimates a standard deviation) as the scale, floored at sqrt(max(median, 1)), the Poisson
spread of a count, so a flat baseline of zeros does not turn every single event into an
alert. ``score = (count - median) / scale``; an alert needs ``score >= threshold`` and at
least ``min_events`` threads, and lists the threads and event gids that made it.

Actors are keys (``RUS``, ``NATO``) or country+sector codes (``USAGOV``, ``USAOPP``): a
value matches an event side holding it as either, so ``USA`` takes in every US actor and
``USAGOV`` only its government.

All three read ``dyad_summary`` (store/summary.py), which the store keeps in step with the
events on every save: a thread counts on its first day, so ``since``/``until`` select threads
by that day, and ``alerts`` compare ``a``/``b`` with the sides at the ``level`` asked (a key
at ``key``, a code at ``code``). Only the events behind an alert's few spikes are read from
the events themselves.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..store.summary import SPAN_DAYS

if TYPE_CHECKING:
    from ..store import Store

#: freq -> (date_trunc part, pandas frequency). Both are ours, never a caller's text.
FREQS: dict[str, tuple[str, str]] = {
    "day": ("day", "D"), "week": ("week", "W-MON"), "month": ("month", "MS"),
}
#: by -> the SQL expression that groups the series (fixed whitelist).
GROUPS: dict[str, str] = {"category": "category", "quad": "quad", "total": "'all'"}
#: level -> the event columns that hold the actors of each side.
LEVELS: dict[str, tuple[str, str]] = {
    "key": ("source_keys", "target_keys"), "code": ("source_codes", "target_codes"),
}
#: Statuses that count: asserted, and claimed shown apart.
COUNTED = ("asserted", "claimed")

_SIDE = "(list_contains({keys}, ?::VARCHAR) OR list_contains({codes}, ?::VARCHAR))"


def side_filter(column: str) -> str:
    """SQL matching an actor key or code on the ``source`` or ``target`` side (2 params)."""
    if column not in ("source", "target"):
        raise ValueError(column)
    return _SIDE.format(keys=f"{column}_keys", codes=f"{column}_codes")


def check_choice(name: str, value: str, allowed: dict[str, Any]) -> None:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not supported; use one of "
                         f"{', '.join(allowed)}")


def as_date(value: date | str | None, name: str) -> date | None:
    """A date from a date or an ISO string; a clear ValueError for anything else."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)") from None


def series(store: "Store", a: str, b: str | None = None, *, freq: str = "week",
           by: str = "category", since: date | str | None = None,
           until: date | str | None = None) -> pd.DataFrame:
    """A's threads against B (anyone when ``b`` is None), per period and group.

    Columns: ``period`` (first day), the group (``category``, ``quad`` or ``total``),
    ``events`` (asserted threads), ``claimed`` (claimed-only threads), ``mean_intensity``
    (of the asserted ones, NaN when none), ``mentions`` (their stored mentions). Periods run
    without gaps from ``since`` (else the first thread) to ``until`` (else the last), every
    group present in each, so a quiet week shows as zero rather than vanishing.
    """
    check_choice("freq", freq, FREQS)
    check_choice("by", by, GROUPS)
    start, end = as_date(since, "since"), as_date(until, "until")
    part, pfreq = FREQS[freq]
    sql = f"""
    SELECT CAST(date_trunc(?, day) AS DATE) AS period, {GROUPS[by]} AS grp,
           sum(events)::BIGINT AS events, sum(claimed)::BIGINT AS claimed,
           sum(intensity_sum) / nullif(sum(intensity_n), 0) AS mean_intensity,
           sum(mentions)::BIGINT AS mentions
    FROM dyad_summary
    WHERE level = 'any' AND source = ? AND target = ? AND day IS NOT NULL
      AND (?::DATE IS NULL OR day >= ?::DATE) AND (?::DATE IS NULL OR day <= ?::DATE)
    GROUP BY ALL HAVING sum(events) <> 0 OR sum(claimed) <> 0 ORDER BY period, grp
    """
    found = store.fetch(sql, [part, a, "*" if b is None else b, start, start, end, end])
    return _fill(found, by, pfreq, start, end, part)


def _period_start(day: date, part: str) -> pd.Timestamp:
    ts = pd.Timestamp(day)
    if part == "week":
        return ts - pd.Timedelta(days=ts.weekday())
    if part == "month":
        return ts.replace(day=1)
    return ts


def _fill(found: pd.DataFrame, by: str, pfreq: str, start: date | None, end: date | None,
          part: str) -> pd.DataFrame:
    columns = ["period", by, "events", "claimed", "mean_intensity", "mentions"]
    if found.empty and (start is None or end is None):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    found["period"] = pd.to_datetime(found["period"])
    first = _period_start(start, part) if start else found["period"].min()
    last = _period_start(end, part) if end else found["period"].max()
    periods = pd.date_range(first, last, freq=pfreq)
    groups = sorted(found["grp"].dropna().unique()) or (["all"] if by == "total" else [])
    grid = pd.MultiIndex.from_product([periods, groups], names=["period", "grp"])
    out = (found.set_index(["period", "grp"]).reindex(grid).reset_index())
    for col in ("events", "claimed", "mentions"):
        out[col] = out[col].fillna(0).astype("int64")
    out["mean_intensity"] = out["mean_intensity"].astype("float64")
    out["period"] = out["period"].dt.date
    return out.rename(columns={"grp": by})[columns]


def alerts(store: "Store", a: str | None = None, b: str | None = None, *,
           freq: str = "week", level: str = "key", window: int = 8,
           threshold: float = 3.5, min_events: int = 3, quad: list[int] | None = None,
           since: date | str | None = None, until: date | str | None = None,
           limit: int = 100) -> pd.DataFrame:
    """Spikes of asserted threads per directed dyad (only A's, or A against B, if given).

    ``level`` says whether dyads are keyed by country/org (``key``) or country+sector
    (``code``); ``quad`` restricts the count (``[3, 4]``: conflict only). Columns: source,
    target, period, events, baseline (trailing median), scale, score, threads (their ids),
    event_gids (every mention), sentence (one evidence sentence, to read at a glance).
    Strongest first, at most ``limit``.
    """
    check_choice("freq", freq, FREQS)
    check_choice("level", level, LEVELS)
    if window < 2 or limit < 0 or min_events < 1:
        raise ValueError("window must be >= 2, min_events >= 1 and limit >= 0")
    start, end = as_date(since, "since"), as_date(until, "until")
    src, tgt = LEVELS[level]
    quads = [int(q) for q in quad] if quad else None
    mentions = f"""
    WITH d AS (  -- the mentions of the hit days first, then their sides unnested
        SELECT thread_id, event_gid, date, sentence, status, {src} AS sl, {tgt} AS tl
        FROM event_details
        WHERE list_contains(?::DATE[], date) AND status IN ('asserted', 'claimed')
          AND (?::INTEGER[] IS NULL OR list_contains(?::INTEGER[], quad))
    ), m AS (
        SELECT thread_id, event_gid, date, sentence, status, s.k AS source, t.k AS target
        FROM d, unnest(list_distinct(d.sl)) AS s(k), unnest(list_distinct(d.tl)) AS t(k)
        WHERE list_contains(?::VARCHAR[], s.k) AND list_contains(?::VARCHAR[], t.k)
    ), th AS (
        SELECT source, target, thread_id, min(date) AS date,
               list(event_gid ORDER BY event_gid) AS gids, arg_min(sentence, date) AS sentence
        FROM m GROUP BY ALL HAVING bool_or(status = 'asserted')
    )"""
    # two steps: counts for every dyad and period from the summary, the events behind the
    # few spikes from the events (only the days of the spikes)
    counts = store.fetch("""
    SELECT source, target, CAST(date_trunc(?, day) AS DATE) AS period,
           sum(events)::BIGINT AS events
    FROM dyad_summary
    WHERE level = ? AND day IS NOT NULL
      AND (?::VARCHAR IS NULL OR source = ?) AND (?::VARCHAR IS NULL OR target = ?)
      AND (?::INTEGER[] IS NULL OR list_contains(?::INTEGER[], quad))
      AND (?::DATE IS NULL OR day >= ?::DATE) AND (?::DATE IS NULL OR day <= ?::DATE)
    GROUP BY ALL HAVING sum(events) > 0""", [FREQS[freq][0], level, a, a, b, b, quads, quads, start, start, end, end])
    # the baseline runs over the store's whole time span: a dyad that bursts out of
    # nothing is news, and a quiet stretch before it is zeros, not missing
    span = store.query("SELECT min(day) AS first FROM (SELECT day FROM dyad_summary "
                       "WHERE level = 'key' GROUP BY day HAVING sum(events) > 0)")[0]
    first = _period_start(max(d for d in (span["first"], start) if d), FREQS[freq][0]) \
        if span["first"] else None
    hits = _spikes(counts, FREQS[freq][1], window, threshold, min_events, limit, first)
    if hits.empty:
        return hits.assign(threads=[], event_gids=[], sentence=[])
    # only the days of the hit periods (and SPAN_DAYS after, where a thread's later
    # mentions may fall): a few thousand events to unnest, not the whole store
    length = {"day": 1, "week": 7, "month": 31}[freq] + SPAN_DAYS
    days = sorted({p + timedelta(days=k) for p in hits["period"] for k in range(length)})
    params = [days, quads, quads, sorted(set(hits["source"])), sorted(set(hits["target"])),
              FREQS[freq][0]]
    behind = store.fetch(f"""{mentions}
    SELECT th.source, th.target, CAST(date_trunc(?, th.date) AS DATE) AS period,
           list(th.thread_id ORDER BY th.thread_id) AS threads,
           flatten(list(th.gids)) AS event_gids, arg_min(th.sentence, th.date) AS sentence
    FROM th JOIN (SELECT unnest(?::VARCHAR[]) AS source, unnest(?::VARCHAR[]) AS target,
                         unnest(?::DATE[]) AS period) h
      ON h.source = th.source AND h.target = th.target
     AND h.period = CAST(date_trunc(?, th.date) AS DATE)
    GROUP BY ALL""", [*params, list(hits["source"]), list(hits["target"]),
                      list(hits["period"]), FREQS[freq][0]])
    behind["period"] = pd.to_datetime(behind["period"]).dt.date
    out = hits.merge(behind, on=["source", "target", "period"], how="left")
    return out[ALERT_COLUMNS]


#: The columns of ``alerts``, in order.
ALERT_COLUMNS = ["source", "target", "period", "events", "baseline", "scale", "score",
                 "threads", "event_gids", "sentence"]


def _spikes(counts: pd.DataFrame, pfreq: str, window: int, threshold: float,
            min_events: int, limit: int, first: pd.Timestamp | None = None) -> pd.DataFrame:
    columns = ALERT_COLUMNS[:7]
    if counts.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    counts["period"] = pd.to_datetime(counts["period"])
    begin = min(first, counts["period"].min()) if first is not None else counts["period"].min()
    periods = pd.date_range(begin, counts["period"].max(), freq=pfreq)
    wide = counts.pivot_table(index="period", columns=["source", "target"], values="events",
                              aggfunc="sum").reindex(periods).fillna(0.0)
    past = wide.shift(1)
    median = past.rolling(window, min_periods=window // 2).median()
    mad = (past - median).abs().rolling(window, min_periods=window // 2).median()
    # arrays from here on: reshaping a wide frame of every dyad back to rows is pandas'
    # slow path (seconds for a few hundred dyads); only the few hits become rows
    counts_a, median_a = wide.to_numpy(), median.to_numpy()
    spread = mad.to_numpy() * 1.4826
    floor = np.sqrt(np.clip(median_a, 1.0, None))
    scale_a = np.where(spread > floor, spread, floor)  # NaN spread: the Poisson floor
    with np.errstate(invalid="ignore", divide="ignore"):
        score_a = (counts_a - median_a) / scale_a
        rows, cols = np.nonzero((score_a >= threshold) & (counts_a >= min_events))
    hits = pd.DataFrame({
        "source": wide.columns.get_level_values("source")[cols],
        "target": wide.columns.get_level_values("target")[cols],
        "period": wide.index[rows], "events": counts_a[rows, cols].astype("int64"),
        "baseline": median_a[rows, cols], "scale": scale_a[rows, cols],
        "score": score_a[rows, cols]})
    hits["period"] = pd.to_datetime(hits["period"]).dt.date
    hits = hits.sort_values(["score", "events", "period"], ascending=[False, False, True])
    return hits[columns].head(limit).reset_index(drop=True)


def dyads(store: "Store", *, level: str = "key", since: date | str | None = None,
          until: date | str | None = None, self_pairs: bool = True,
          limit: int = 50) -> pd.DataFrame:
    """Directed dyads ranked by asserted threads, with mean intensity and the conflict /
    cooperation split.

    With ``level="key"`` a government and its opposition are one actor (``USA`` -> ``USA``
    tops a ranking of domestic news); with ``level="code"`` they are ``USAGOV`` ->
    ``USAOPP``, a dyad of its own. ``self_pairs=False`` leaves out an actor acting on itself.
    """
    check_choice("level", level, LEVELS)
    start, end = as_date(since, "since"), as_date(until, "until")
    sql = """
    SELECT source, target, sum(events)::BIGINT AS events,
           sum(intensity_sum) / nullif(sum(intensity_n), 0) AS mean_intensity,
           coalesce(sum(events) FILTER (WHERE quad >= 3), 0)::BIGINT AS conflict,
           coalesce(sum(events) FILTER (WHERE quad <= 2), 0)::BIGINT AS cooperation
    FROM dyad_summary
    WHERE level = ? AND (? OR source <> target)
      AND (?::DATE IS NULL OR day >= ?::DATE) AND (?::DATE IS NULL OR day <= ?::DATE)
    GROUP BY ALL HAVING sum(events) > 0
    ORDER BY events DESC, source, target LIMIT ?
    """
    return store.fetch(sql, [level, self_pairs, start, start, end, end, int(limit)])


__all__ = ["series", "alerts", "dyads", "FREQS", "GROUPS", "LEVELS", "side_filter", "as_date",
           "check_choice"]
