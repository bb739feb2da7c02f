"""The dyad summary: threads per directed dyad, day, category and quad, kept in step on save.

Why a table: a tension series over a million events took 0.15-0.5 s per dyad when computed
from the events (every row's side lists unnested, mentions grouped into threads), and 200 such
queries at once queued for half a minute. ``dyad_summary`` holds the answer of that
computation at its finest grain, so a series, a ranking or an alert scan reads a few thousand
small rows instead of a million events; coarser periods are sums of days.

Rows (``schema.COLUMNS[SUMMARY]``): per ``level`` (``key``: RUS, NATO; ``code``: RUSGOV,
USAOPP; ``any``: a value matching a side by key *or* code, as ``series`` filters, plus target
``'*'``: against anyone), source, target, ``day`` (the first date of the thread's matching
mentions), category and quad (of that first mention): asserted threads (``events``), threads
only claimed (``claimed``), the sum and count of the asserted threads' mean intensities and
their mentions. Exactly what ``analyze.series`` computed from events: a thread's matching
mentions are grouped per dyad, negated/future/hypothetical ones never count.

Kept exact, inside the saving transaction (write.py calls ``mark`` before and after the
rows change, then ``refresh``): every (level, source, target, day) key an old or new version
of a changed thread could count in is marked dirty, those keys are deleted and recomputed from
the events. A thread spans at most ``span`` days (threads.py bounds it), so the events of
``[day - span, day + span]`` around the dirty days hold every mention of every thread that
has one on a dirty day, and so of every thread the recomputation may count there. ``rebuild`` recomputes the whole table (``eventwire summary``, schema
upgrades, after a re-threading with other parameters).
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any, Callable, Sequence

from .schema import COLUMNS, SUMMARY, ident

Run = Callable[..., list[dict[str, Any]]]

#: The temporary table of dirty keys (one per connection; emptied by ``refresh``).
DIRTY = "ew_summary_dirty"
#: Longest thread, in days from its first mention to its last (threads.py's window).
SPAN_DAYS = 2
_NO_DAY = "DATE '0001-01-01'"  # stands for NULL where keys are compared

_COLUMNS = ", ".join(ident(c) for c, _ in COLUMNS[SUMMARY])


def _pairs_sql(where: str) -> str:
    """One row per counted mention (passing ``where`` on ``events e``) and dyad of each level.

    A value may stand on a side as key and as code at once (``NATO``, or ``RUS`` without a
    sector): ``list_distinct`` keeps such a mention from counting twice for one dyad.
    """
    return f"""
    WITH m AS (
        SELECT e.gid, coalesce(t.thread_id, e.gid) AS thread_id, e.category, e.quad,
               e.score AS intensity, e.status, e.date_start AS day,
               list_distinct(e.source_keys) AS sk, list_distinct(e.target_keys) AS tk,
               list_distinct(e.source_codes) AS sc, list_distinct(e.target_codes) AS tc,
               list_distinct(list_concat(e.source_keys, e.source_codes)) AS sa,
               list_distinct(list_concat(e.target_keys, e.target_codes)) AS ta
        FROM events e LEFT JOIN event_threads t ON t.event_gid = e.gid
        WHERE e.status IN ('asserted', 'claimed') AND ({where})
    ), p AS (
        SELECT 'key' AS level, s.v AS source, r.v AS target, m.*
        FROM m, unnest(m.sk) AS s(v), unnest(m.tk) AS r(v)
        UNION ALL
        SELECT 'code', s.v, r.v, m.* FROM m, unnest(m.sc) AS s(v), unnest(m.tc) AS r(v)
        UNION ALL
        SELECT 'any', s.v, r.v, m.* FROM m, unnest(m.sa) AS s(v), unnest(m.ta) AS r(v)
        UNION ALL
        SELECT 'any', s.v, '*', m.* FROM m, unnest(m.sa) AS s(v)
    )"""


def _summary_sql(where: str, keep: str = "TRUE") -> str:
    """Summary rows of the mentions passing ``where``, for dyads whose pairs pass ``keep``
    (on ``p``), every thread grouped per dyad before it is counted."""
    return f"""{_pairs_sql(where)}, th AS (
        SELECT level, source, target, thread_id, min(day) AS day,
               arg_min(category, (day, gid)) AS category, arg_min(quad, (day, gid)) AS quad,
               avg(intensity) AS intensity, bool_or(status = 'asserted') AS asserted,
               count(*) AS mentions
        FROM p WHERE {keep} GROUP BY level, source, target, thread_id
    )
    SELECT level, source, target, day, category, quad,
           count(*) FILTER (WHERE asserted) AS events,
           count(*) FILTER (WHERE NOT asserted) AS claimed,
           coalesce(sum(intensity) FILTER (WHERE asserted), 0) AS intensity_sum,
           count(intensity) FILTER (WHERE asserted) AS intensity_n,
           coalesce(sum(mentions) FILTER (WHERE asserted), 0) AS mentions
    FROM th"""


def _group() -> str:
    return " GROUP BY level, source, target, day, category, quad"


def from_events_sql() -> str:
    """The whole table computed from the events (what ``rebuild`` stores; tests compare)."""
    return f"{_summary_sql('TRUE')}{_group()}"


def rebuild(run: Run) -> int:
    """Recompute the whole table from the events; returns its rows.

    Rows go in ordered by dyad, so DuckDB's zone maps let a one-dyad query skip the row
    groups of all the others."""
    run(f"DELETE FROM {ident(SUMMARY)}")
    run(f"INSERT INTO {ident(SUMMARY)} ({_COLUMNS}) {from_events_sql()} "
        "ORDER BY level, source, target, day")
    return int(run(f"SELECT count(*) AS n FROM {ident(SUMMARY)}")[0]["n"])


def mark(run: Run, *, articles: Sequence[str] = (), gids: Sequence[int] = ()) -> None:
    """Mark dirty every key the counted mentions of ``articles`` and ``gids`` fall in (as
    the events are now: call it before rows change and again after)."""
    if not articles and not gids:
        return
    run(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY} (level VARCHAR, source VARCHAR, "
        "target VARCHAR, day DATE)")
    where = ("e.article_id IN (SELECT unnest(?::VARCHAR[])) "
             "OR e.gid IN (SELECT unnest(?::BIGINT[]))")
    run(f"INSERT INTO {DIRTY} {_pairs_sql(where)} SELECT DISTINCT level, source, target, day "
        "FROM p", [list(articles), list(gids)])


def refresh(run: Run, span: int = SPAN_DAYS) -> None:
    """Recompute the dirty keys from the events and forget them."""
    exists = run("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ? "
                 "AND temporary", [DIRTY])[0]["n"]
    if not exists:
        return
    days = [r["day"] for r in run(f"SELECT DISTINCT day FROM {DIRTY}")]
    if not days:
        return
    near = sorted({d + timedelta(days=k) for d in days if d is not None
                   for k in range(-span, span + 1)})
    undated = any(d is None for d in days)
    same_key = (f"d.level = {{0}}.level AND d.source = {{0}}.source AND d.target = {{0}}.target"
                f" AND coalesce(d.day, {_NO_DAY}) = coalesce({{0}}.day, {_NO_DAY})")
    same_dyad = "d.level = p.level AND d.source = p.source AND d.target = p.target"
    run(f"DELETE FROM {ident(SUMMARY)} s WHERE EXISTS (SELECT 1 FROM {DIRTY} d WHERE "
        f"{same_key.format('s')})")
    where = ("e.date_start IN (SELECT unnest(?::DATE[])) "
             "OR (? AND e.date_start IS NULL)")
    keep = f"EXISTS (SELECT 1 FROM {DIRTY} d WHERE {same_dyad})"
    run(f"INSERT INTO {ident(SUMMARY)} ({_COLUMNS}) {_summary_sql(where, keep)} "
        f"WHERE EXISTS (SELECT 1 FROM {DIRTY} d WHERE {same_key.format('th')}){_group()}",
        [near, undated])
    run(f"DELETE FROM {DIRTY}")


__all__ = ["from_events_sql", "rebuild", "mark", "refresh", "DIRTY", "SPAN_DAYS"]
