"""What the store derives from the events and keeps in step inside every save: threads and
the dyad summary.

Why in the saving transaction: ``eventwire code``, ``serve --watch`` and a notebook's
``Store.save`` then all leave the store right, with no second command to forget (threads were
only updated by ``eventwire threads --update`` before), and a reader never sees events whose
threads or summary rows are missing or stale; a crash rolls all of it back together.

Order (write.py): ``before`` subtracts the threads of the articles about to be replaced from
the summary and drops those threads' rows (their other members are threaded again, like new
ones); the rows are rewritten; ``after`` threads the new events and the orphaned members
(analyze/threads.py, the same rule as ``eventwire threads --update``; an older thread a new
mention joins is subtracted just before it is rewritten) and adds every thread written
(store/summary.py).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Sequence

import duckdb

from . import summary


def runner(con: duckdb.DuckDBPyConnection) -> summary.Run:
    """``run(sql, params)`` -> rows as dicts, on the caller's connection (and transaction)."""
    def run(sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    return run


def before(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[int]:
    """Take the threads of the articles about to be replaced out of the summary and drop
    their rows; returns the gids of other articles' mentions left without a thread (to be
    threaded again by ``after``)."""
    run = runner(con)
    mine = [r["thread_id"] for r in run(
        "SELECT DISTINCT coalesce(t.thread_id, e.gid) AS thread_id FROM events e "
        "LEFT JOIN event_threads t ON t.event_gid = e.gid "
        "WHERE e.article_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])]
    if not mine:
        return []
    summary.subtract(run, mine)
    members = run(
        "SELECT t.event_gid AS gid, e.article_id FROM event_threads t "
        "JOIN events e ON e.gid = t.event_gid "
        "WHERE t.thread_id IN (SELECT unnest(?::BIGINT[]))", [mine])
    if members:
        run("DELETE FROM event_threads WHERE event_gid IN (SELECT unnest(?::BIGINT[]))",
            [[r["gid"] for r in members]])
    stored = set(ids)
    return [r["gid"] for r in members if r["article_id"] not in stored]


def after(con: duckdb.DuckDBPyConnection, ids: Sequence[str], orphans: Sequence[int]) -> None:
    """Thread the stored articles' events and the orphans (the older threads a new mention
    joins leave the summary just before they are rewritten), then add every thread written
    to the summary."""
    from ..analyze.threads import link_new  # analyze builds on store, not the reverse

    run = runner(con)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    written = link_new(run, now, articles=list(ids), gids=list(orphans),
                       rewriting=lambda old: summary.subtract(run, old))
    summary.add(run, sorted({tid for _, tid in written}))


def upgraded(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Fill what a store of schema ``version`` lacks (inside the upgrade's transaction):
    before schema 4 there was no summary, so it is computed. Events stored before then and
    never threaded stay threads of their own (as they were) until ``eventwire threads
    --update``: threading a million of them is minutes of Python, not an upgrade step."""
    if version < 4:
        summary.rebuild(runner(con))


__all__ = ["before", "after", "upgraded", "runner"]
