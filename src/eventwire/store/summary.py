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

Kept exact, inside the saving transaction, by differences: the table is a sum over threads,
so a save appends the negated rows of the threads it changes, as they counted before
(store/derived.py: the threads of the articles it replaces, and the older threads a new
mention joins, just before their rows change), and the rows of the changed threads after.
Only those threads' mentions are read, so the cost of a save does not grow with the store.
A key may thus have several rows: readers sum them (``HAVING`` drops keys that sum to
nothing), and ``compact`` makes it one row per key again. ``rebuild`` recomputes the whole table
(``eventwire threads --summary``, schema upgrades, ``eventwire threads --update``).
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from .schema import COLUMNS, SUMMARY, THREADS, ident

Run = Callable[..., list[dict[str, Any]]]

#: A row's key, and the values a change adds to or subtracts from it.
_KEY = ("level", "source", "target", "day", "category", "quad")
_VALUES = ("events", "claimed", "intensity_sum", "intensity_n", "mentions")
#: Longest thread, in days from its first mention to its last (threads.py's window): how
#: far after a thread's first day its mentions may lie (analyze/series.py's alerts use it).
SPAN_DAYS = 2

_COLUMNS = ", ".join(ident(c) for c, _ in COLUMNS[SUMMARY])


def _pairs_sql(where: str) -> str:
    """One row per counted mention (passing ``where`` on ``events e``) and dyad of each level.

    A value may stand on a side as key and as code at once (``NATO``, or ``RUS`` without a
    sector): ``list_distinct`` keeps such a mention from counting twice for one dyad.
    """
    return f"""
    WITH m AS MATERIALIZED (  -- once, not once per level below
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


def subtract(run: Run, threads: Sequence[int]) -> None:
    """Take what ``threads`` count (as the tables hold them now) out of the summary: call
    it before their rows change."""
    _append(run, threads, -1)


def add(run: Run, threads: Sequence[int]) -> None:
    """Add what ``threads`` count (as the tables hold them now): call it after."""
    _append(run, threads, 1)


def _append(run: Run, threads: Sequence[int], sign: int) -> None:
    """Append the summary rows of ``threads`` alone, negated when ``sign`` is -1.

    Appended, never updated: an UPDATE of rows spread over a table of millions makes
    DuckDB rewrite most of its row groups at the next checkpoint (seconds per save), while
    readers sum rows anyway. Their mentions are found through the thread table first (a
    thread id is the gid of its first mention; an unthreaded event is a thread of its own),
    so only they are unnested.
    """
    if not threads:
        return
    tids = sorted(set(threads))
    members = run(f"SELECT event_gid FROM {ident(THREADS)} "
                  "WHERE thread_id IN (SELECT unnest(?::BIGINT[]))", [tids])
    gids = sorted({r["event_gid"] for r in members} | set(tids))
    where = ("e.gid IN (SELECT unnest(?::BIGINT[])) "
             "AND coalesce(t.thread_id, e.gid) IN (SELECT unnest(?::BIGINT[]))")
    signed = ", ".join([*_KEY, *(f"{sign} * {c}" for c in _VALUES)])
    run(f"INSERT INTO {ident(SUMMARY)} ({_COLUMNS}) SELECT {signed} FROM "
        f"({_summary_sql(where)}{_group()})", [gids, tids])


def compact(run: Run) -> int:
    """One row per key again (the saves' added and subtracted rows summed, keys no thread
    counts in any more dropped), ordered by dyad; returns the rows."""
    keys = ", ".join(_KEY)
    sums = ", ".join(f"sum({c}) AS {c}" for c in _VALUES)
    run(f"CREATE OR REPLACE TEMP TABLE ew_summary_compact AS SELECT {keys}, {sums} "
        f"FROM {ident(SUMMARY)} GROUP BY {keys} HAVING sum(events) <> 0 OR sum(claimed) <> 0")
    run(f"DELETE FROM {ident(SUMMARY)}")
    run(f"INSERT INTO {ident(SUMMARY)} ({_COLUMNS}) SELECT {_COLUMNS} FROM "
        "ew_summary_compact ORDER BY level, source, target, day")
    run("DROP TABLE ew_summary_compact")
    return int(run(f"SELECT count(*) AS n FROM {ident(SUMMARY)}")[0]["n"])


__all__ = ["from_events_sql", "rebuild", "compact", "subtract", "add", "SPAN_DAYS"]
