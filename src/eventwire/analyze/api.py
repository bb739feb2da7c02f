"""The Python API over a store: ``eventwire.open(db)`` and the questions people ask of it.

    >>> import eventwire
    >>> with eventwire.open("eventwire.duckdb") as ew:          # doctest: +SKIP
    ...     ew.events(dyad="RUS-NATO", since="2020-11-01")       # a pandas DataFrame
    ...     ew.series("RUS", "NATO", freq="week", by="quad")
    ...     ew.alerts()
    ...     ew.article("ew-0001")                                 # text and coded spans

Every method returns a pandas DataFrame (``as_arrow=True``: a pyarrow Table) except
``article``, one nested record. All values reach SQL as parameters; orderings and groupings
come from fixed whitelists, so no caller text is ever part of a statement.

Concurrency: DuckDB lets one process open a file for writing and then refuses every other
process, readers included. Opening a store another process is writing raises StoreError
with one line saying so (the CLI prints it without a traceback); within one process, one
EventStore can serve many threads (each query runs on a cursor of its own).
"""
from __future__ import annotations

import os
from datetime import date
from typing import Any, Iterable

import pandas as pd

from ..store import Store
from ..store.rows import article_dict
from ..store.schema import ARTICLES, CHILD_TABLES, select_sql
from ..store.summary import rebuild
from . import series as _series
from .memory import MemoryIndexes
from .series import as_date, check_choice, side_filter
from .threads import ThreadUpdate, update_threads

#: order name -> ORDER BY clause of ``events`` (fixed whitelist).
EVENT_ORDERS: dict[str, str] = {
    "date": "date NULLS LAST, article_id, event_id",
    "-date": "date DESC NULLS LAST, article_id, event_id",
    "intensity": "intensity, date, event_gid",
    "-intensity": "intensity DESC, date, event_gid",
    "confidence": "confidence, date, event_gid",
    "-confidence": "confidence DESC, date, event_gid",
}
#: order name -> ORDER BY clause of ``articles``.
ARTICLE_ORDERS: dict[str, str] = {
    "-published": "published DESC NULLS LAST, id",
    "published": "published NULLS LAST, id",
    "-events": "n_events DESC, id",
}
#: order name -> ORDER BY clause of ``threads``.
THREAD_ORDERS: dict[str, str] = {
    "-mentions": "mentions DESC, date, thread_id",
    "date": "date, thread_id",
    "-date": "date DESC, thread_id",
}
#: Most rows one call returns: a bound on memory whatever the caller asks.
MAX_LIMIT = 100_000


def parse_dyad(dyad: str | tuple[str, str]) -> tuple[str, str]:
    """``"RUS-NATO"`` or ``("RUS", "NATO")`` -> (source, target)."""
    if isinstance(dyad, str):
        source, sep, target = dyad.partition("-")
    else:
        source, target = dyad
        sep = "-"
    if not sep or not source or not target:
        raise ValueError(f"dyad={dyad!r} is not SOURCE-TARGET (e.g. RUS-NATO or USAGOV-USAOPP)")
    return source.strip().upper(), target.strip().upper()


def _list(value: Any, name: str, cast: type = str) -> list[Any] | None:
    if value is None:
        return None
    values = [value] if isinstance(value, (str, int)) else list(value)
    try:
        return [cast(v).upper() if cast is str else cast(v) for v in values]
    except (TypeError, ValueError):
        raise ValueError(f"{name}={value!r}: expected {cast.__name__} values") from None


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or not isinstance(offset, int) or limit < 0 or offset < 0:
        raise ValueError("limit and offset must be integers >= 0")
    return min(limit, MAX_LIMIT), offset


class EventStore:
    """A store opened for analysis. Use as a context manager, or call ``close()``."""

    def __init__(self, db: str | os.PathLike[str], *, read_only: bool = True) -> None:
        if read_only and str(db) != ":memory:" and not os.path.exists(db):
            from ..errors import StoreError
            raise StoreError(f"{db}: no such store; code some articles into it first")
        self.store = Store(db, read_only=read_only)
        #: in-memory indexes (``use_memory``): series and event pages without a scan
        self.memory: MemoryIndexes | None = None

    def use_memory(self, build_now: bool = False) -> MemoryIndexes:
        """Answer ``series`` and date-ordered ``events`` pages from in-memory indexes of
        the store (analyze/memory.py; a few hundred MB for a million events), rebuilt in
        the background after the store changes, SQL meanwhile. What ``eventwire serve``
        does; ``build_now`` builds them in this thread first."""
        if self.memory is None:
            self.memory = MemoryIndexes(self.store)
        if build_now:
            self.memory.build_now()
        return self.memory

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<EventStore {self.store!r}>"

    def _out(self, sql: str, params: list[Any], as_arrow: bool) -> Any:
        return self.store.fetch(sql, params, arrow=as_arrow)

    # -- events ---------------------------------------------------------------------------
    def events(self, actor: str | None = None, dyad: str | tuple[str, str] | None = None,
               category: str | Iterable[str] | None = None,
               quad: int | Iterable[int] | None = None,
               status: str | Iterable[str] | None = None,
               since: date | str | None = None, until: date | str | None = None,
               place: str | None = None, text: str | None = None, limit: int = 100,
               offset: int = 0, *, thread: int | None = None,
               ids: Iterable[int] | None = None, order: str = "date",
               as_arrow: bool = False) -> Any:
        """Event mentions, one row each, with thread, article URL and evidence.

        ``actor`` matches either side by key or code (``RUS``, ``USAOPP``); ``dyad``
        (``"RUS-NATO"``) is directed, source then target. ``place`` matches the event's
        place name or its country code, ``text`` a piece of the evidence sentence or the
        article title (case-insensitive). ``thread`` / ``ids`` pick threads or event gids.
        """
        check_choice("order", order, EVENT_ORDERS)
        limit, offset = _page(limit, offset)
        source, target = parse_dyad(dyad) if dyad is not None else (None, None)
        act = actor.strip().upper() if actor else None
        cats, stats = _list(category, "category"), _list(status, "status")
        stats = [s.lower() for s in stats] if stats else None
        quads, gids = _list(quad, "quad", int), _list(ids, "ids", int)
        start, end = as_date(since, "since"), as_date(until, "until")
        index = (self.memory.events() if self.memory is not None and order == "date"
                 and place is None and text is None and thread is None else None)
        if index is not None:
            page = index.page(actor=act, source=source, target=target, categories=cats,
                              quads=quads, statuses=stats, since=start, until=end,
                              gids=gids, limit=limit, offset=offset)
            return index.frame(page, as_arrow)
        sql = f"""
        SELECT * EXCLUDE (coded_at) FROM event_details
        WHERE (?::VARCHAR IS NULL OR {side_filter('source')} OR {side_filter('target')})
          AND (?::VARCHAR IS NULL OR {side_filter('source')})
          AND (?::VARCHAR IS NULL OR {side_filter('target')})
          AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], category))
          AND (?::INTEGER[] IS NULL OR list_contains(?::INTEGER[], quad))
          AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], status))
          AND (?::DATE IS NULL OR date >= ?::DATE) AND (?::DATE IS NULL OR date <= ?::DATE)
          AND (?::VARCHAR IS NULL OR lower(place) = lower(?::VARCHAR)
               OR place_country = upper(?::VARCHAR))
          AND (?::VARCHAR IS NULL OR contains(lower(sentence), lower(?::VARCHAR))
               OR contains(lower(coalesce(title, '')), lower(?::VARCHAR)))
          AND (?::BIGINT IS NULL OR thread_id = ?::BIGINT)
          AND (?::BIGINT[] IS NULL OR list_contains(?::BIGINT[], event_gid))
        ORDER BY {EVENT_ORDERS[order]} LIMIT ? OFFSET ?
        """
        params = [act, act, act, act, act, source, source, source, target, target, target,
                  cats, cats, quads, quads, stats, stats, start, start, end, end,
                  place, place, place, text, text, text, thread, thread, gids, gids,
                  limit, offset]
        return self._out(sql, params, as_arrow)

    # -- series and alerts ----------------------------------------------------------------
    def series(self, a: str, b: str | None = None, freq: str = "week", by: str = "category",
               since: date | str | None = None, until: date | str | None = None, *,
               as_arrow: bool = False) -> Any:
        """A's threads against B (or anyone), per period: see ``analyze.series.series``."""
        index = self.memory.series() if self.memory is not None else None
        a_key, b_key = a.strip().upper(), b.strip().upper() if b else None
        if index is not None:
            out = index.series(a_key, b_key, freq=freq, by=by, since=since, until=until)
        else:
            out = _series.series(self.store, a_key, b_key, freq=freq, by=by, since=since,
                                 until=until)
        return _arrow(out) if as_arrow else out

    def alerts(self, a: str | None = None, b: str | None = None, freq: str = "week", *,
               level: str = "key", window: int = 8, threshold: float = 3.5,
               min_events: int = 3, quad: int | Iterable[int] | None = None,
               since: date | str | None = None, until: date | str | None = None,
               limit: int = 100, as_arrow: bool = False) -> Any:
        """Spikes against a robust trailing baseline: see ``analyze.series.alerts``."""
        out = _series.alerts(self.store, a.strip().upper() if a else None,
                             b.strip().upper() if b else None, freq=freq, level=level,
                             window=window, threshold=threshold, min_events=min_events,
                             quad=_list(quad, "quad", int), since=since, until=until,
                             limit=_page(limit, 0)[0])
        return _arrow(out) if as_arrow else out

    def dyads(self, level: str = "key", since: date | str | None = None,
              until: date | str | None = None, *, self_pairs: bool = True, limit: int = 50,
              as_arrow: bool = False) -> Any:
        """Dyads ranked by real-world events: see ``analyze.series.dyads``."""
        out = _series.dyads(self.store, level=level, since=since, until=until,
                            self_pairs=self_pairs, limit=_page(limit, 0)[0])
        return _arrow(out) if as_arrow else out

    def places(self, since: date | str | None = None, until: date | str | None = None,
               actor: str | None = None, limit: int = 300, *, as_arrow: bool = False) -> Any:
        """Places with coordinates and their asserted real-world events (threads), most
        first: the points of a map. ``actor`` keeps events it takes part in (key or code)."""
        limit, _ = _page(limit, 0)
        start, end = as_date(since, "since"), as_date(until, "until")
        act = actor.strip().upper() if actor else None
        sql = f"""
        SELECT place, place_country AS country, avg(lat) AS lat, avg(lon) AS lon,
               count(DISTINCT thread_id) AS events, count(*) AS mentions
        FROM event_details
        WHERE lat IS NOT NULL AND lon IS NOT NULL AND status = 'asserted'
          AND (?::DATE IS NULL OR date >= ?::DATE) AND (?::DATE IS NULL OR date <= ?::DATE)
          AND (?::VARCHAR IS NULL OR {side_filter('source')} OR {side_filter('target')})
        GROUP BY ALL ORDER BY events DESC, place LIMIT ?
        """
        return self._out(sql, [start, start, end, end, act, act, act, act, act, limit],
                         as_arrow)

    # -- articles -------------------------------------------------------------------------
    def articles(self, since: date | str | None = None, until: date | str | None = None,
                 outlet: str | None = None, text: str | None = None, actor: str | None = None,
                 limit: int = 100, offset: int = 0, *, order: str = "-published",
                 as_arrow: bool = False) -> Any:
        """Stored articles without their text, with their event counts.

        ``text`` matches a piece of the title or body; ``actor`` keeps articles with an
        event on either side of which it takes part (key or code)."""
        check_choice("order", order, ARTICLE_ORDERS)
        limit, offset = _page(limit, offset)
        start, end = as_date(since, "since"), as_date(until, "until")
        act = actor.strip().upper() if actor else None
        sql = f"""
        SELECT * FROM (
            SELECT a.id, a.url, a.source AS outlet, a.title, a.published, a.language,
                   a.coded_at, (SELECT count(*) FROM events e WHERE e.article_id = a.id)
                   AS n_events
            FROM articles a
            WHERE (?::DATE IS NULL OR a.published >= ?::DATE)
              AND (?::DATE IS NULL OR a.published <= ?::DATE)
              AND (?::VARCHAR IS NULL OR lower(a.source) = lower(?::VARCHAR))
              AND (?::VARCHAR IS NULL OR contains(lower(coalesce(a.title, '')),
                   lower(?::VARCHAR)) OR contains(lower(a.text), lower(?::VARCHAR)))
              AND (?::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM events e
                   WHERE e.article_id = a.id AND ({side_filter('source')} OR
                   {side_filter('target')})))
        ) ORDER BY {ARTICLE_ORDERS[order]} LIMIT ? OFFSET ?
        """
        params = [start, start, end, end, outlet, outlet, text, text, text,
                  act, act, act, act, act, limit, offset]
        return self._out(sql, params, as_arrow)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article as the contract gives it (text, actors with mention spans, events
        with evidence spans, quotes with spans), plus ``gid`` on every actor, event and
        quote and ``thread_id`` on every event, so a page can link them. KeyError if absent.
        """
        # each query on a cursor of its own (Store.rows), so the articles of many
        # concurrent requests are read side by side, not one after another
        found = self.store.rows(f"{select_sql(ARTICLES)} WHERE id = ?", [article_id])
        if not found:
            raise KeyError(f"no article {article_id!r} in {self.store.path}")
        children = {t: self.store.rows(f"{select_sql(t)} WHERE article_id = ? ORDER BY ord",
                                       [article_id]) for t in CHILD_TABLES}
        coded = article_dict(found[0], children)
        for table, key in (("actors", "actors"), ("quotes", "quotes")):
            for record, row in zip(coded[key], children[table]):
                record["gid"] = row["gid"]
        ordered = children["events"]
        gids = [row["gid"] for row in ordered]
        threads = self.store.rows("SELECT event_gid, thread_id FROM event_threads "
                                  "WHERE event_gid IN (SELECT unnest(?::BIGINT[]))", [gids])
        thread_of = {r["event_gid"]: r["thread_id"] for r in threads}
        for record, row in zip(coded["events"], ordered):
            record["gid"] = row["gid"]
            record["thread_id"] = thread_of.get(row["gid"], row["gid"])
        return coded

    # -- threads --------------------------------------------------------------------------
    def threads(self, actor: str | None = None, dyad: str | tuple[str, str] | None = None,
                category: str | Iterable[str] | None = None,
                since: date | str | None = None, until: date | str | None = None,
                min_mentions: int = 1, limit: int = 100, offset: int = 0, *,
                order: str = "-mentions", as_arrow: bool = False) -> Any:
        """Real-world events: one row per thread, with its mention and article counts, first
        and last date, sides (of its first mention) and all its evidence and URLs."""
        check_choice("order", order, THREAD_ORDERS)
        limit, offset = _page(limit, offset)
        source, target = parse_dyad(dyad) if dyad is not None else (None, None)
        act = actor.strip().upper() if actor else None
        cats = _list(category, "category")
        start, end = as_date(since, "since"), as_date(until, "until")
        # two steps: rank threads on cheap counts, then gather evidence for one page only
        sql = f"""
        WITH hit AS (
            SELECT DISTINCT thread_id FROM event_details
            WHERE (?::VARCHAR IS NULL OR {side_filter('source')} OR {side_filter('target')})
              AND (?::VARCHAR IS NULL OR {side_filter('source')})
              AND (?::VARCHAR IS NULL OR {side_filter('target')})
              AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], category))
              AND (?::DATE IS NULL OR date >= ?::DATE) AND (?::DATE IS NULL OR date <= ?::DATE)
        ), page AS (
            SELECT d.thread_id, count(*) AS mentions, min(d.date) AS date
            FROM event_details d JOIN hit USING (thread_id)
            GROUP BY d.thread_id HAVING count(*) >= ?
            ORDER BY {THREAD_ORDERS[order]} LIMIT ? OFFSET ?
        )
        SELECT d.thread_id, any_value(page.mentions) AS mentions,
               count(DISTINCT d.article_id) AS articles,
               min(d.date) AS date, max(d.date) AS last_date,
               arg_min(d.category, (d.date, d.event_gid)) AS category,
               arg_min(d.quad, (d.date, d.event_gid)) AS quad,
               avg(d.intensity) AS intensity,
               arg_min(d.source_keys, (d.date, d.event_gid)) AS source_keys,
               arg_min(d.target_keys, (d.date, d.event_gid)) AS target_keys,
               list(d.status ORDER BY d.date, d.event_gid) AS statuses,
               list(d.sentence ORDER BY d.date, d.event_gid) AS evidence,
               list(d.url ORDER BY d.date, d.event_gid) AS urls,
               list(d.event_gid ORDER BY d.date, d.event_gid) AS event_gids
        FROM event_details d JOIN page USING (thread_id)
        GROUP BY d.thread_id
        ORDER BY {THREAD_ORDERS[order]}
        """
        params = [act, act, act, act, act, source, source, source, target, target, target,
                  cats, cats, start, start, end, end, int(min_mentions), limit, offset]
        return self._out(sql, params, as_arrow)

    def update_threads(self, *, window_days: int = 2, min_similarity: float = 0.5,
                       rebuild: bool = False) -> ThreadUpdate:
        """Thread new events (needs ``read_only=False``): see ``analyze.threads``."""
        return update_threads(self.store, window_days=window_days,
                              min_similarity=min_similarity, rebuild=rebuild)

    def rebuild_summary(self) -> int:
        """Recompute the dyad summary from the events (needs ``read_only=False``); returns
        its rows. Saving keeps it current: this is for tables changed outside eventwire."""
        with self.store.transaction() as run:
            return rebuild(run)

    # -- raw ------------------------------------------------------------------------------
    def sql(self, query: str, params: Iterable[Any] = (), *, as_arrow: bool = False) -> Any:
        """Your own parameterised SQL over the tables and views (``?`` placeholders).

        For the analyst at the keyboard only: never hand it text from a request (an HTTP
        API must offer the methods above, whose SQL is fixed)."""
        return self._out(query, list(params), as_arrow)


def _arrow(frame: pd.DataFrame) -> Any:
    import pyarrow as pa
    return pa.Table.from_pandas(frame, preserve_index=False)


def open_store(db: str | os.PathLike[str] = "eventwire.duckdb", read_only: bool = True
               ) -> EventStore:
    """Open ``db`` for analysis (``eventwire.open``). Read-only by default."""
    return EventStore(db, read_only=read_only)


__all__ = ["EventStore", "open_store", "parse_dyad", "EVENT_ORDERS", "ARTICLE_ORDERS",
           "THREAD_ORDERS", "MAX_LIMIT"]
