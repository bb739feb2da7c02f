"""The store's side of near-duplicates: every URL of an article, MinHash signatures, LSH bands.

Why in the store: a copy of a story met in a later run must be recognised as well as one met
in the same run, so each stored article keeps its signature and band keys (``eventwire.dedup``
computes them); a copy adds only a row to ``article_urls``. Writes are idempotent (a re-run
after a kill writes the same rows again, never twice), and every value is a parameter.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import numpy as np

from ..errors import StoreError
from ..urls import normalise_url
from .core import Store
from .schema import ARTICLE_URLS, ARTICLES, BANDS, SIGNATURES, ident, insert_sql
from .write import insert_rows

log = logging.getLogger(__name__)

_EPOCH = date(1970, 1, 1)
#: Stored articles signed per transaction when older articles are brought up to date.
_BACKFILL_CHUNK = 500


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def url_key(url: str | None, origin: str) -> tuple[str, str | None]:
    """(key, normalised URL): one row per URL, or per origin for an input without a URL."""
    if url:
        try:
            norm = normalise_url(url)
            return norm, norm
        except ValueError:
            pass
    return "origin:" + origin, None


def _url_row(article_id: str, url: str | None, origin: str, duplicate: bool,
             similarity: float | None) -> list[Any]:
    key, norm = url_key(url, origin)
    return [key, article_id, url, norm, origin, duplicate, similarity, _now()]


#: What ``remember_many`` writes for one article: id, url, origin, scheme, signature, band
#: keys, publication date.
Signed = tuple[str, "str | None", str, str, "np.ndarray | None", "list[int]", "str | None"]
#: Rows per multi-row INSERT (DuckDB binds every value as a parameter; keep statements sane).
_INSERT_ROWS = 1000


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]],
            or_replace: bool = False) -> None:
    """``rows`` into ``table`` in a few multi-row INSERTs (one per row costs ~1 ms each)."""
    for i in range(0, len(rows), _INSERT_ROWS):
        chunk = rows[i:i + _INSERT_ROWS]
        con.execute(insert_sql(table, len(chunk), or_replace=or_replace),
                    [v for row in chunk for v in row])


def write_signatures(con: duckdb.DuckDBPyConnection, signed: Sequence[Signed]) -> None:
    """Articles' signatures, bands and own URLs, inside the caller's transaction, replacing
    earlier ones (an article may have been re-coded with another text).

    Why set-wise: four statements per article made signing cost about as much as storing
    the article itself (22 ms an article); here a batch takes five statements whatever its
    size, the big ones columnar (``write.insert_rows``). Of two
    entries for one article (or one URL) the later wins, as it would written one by one.
    Old bands are deleted only for articles that had a signature: the delete scans.
    """
    latest = {s[0]: s for s in signed}
    if not latest:
        return
    ids = list(latest)
    had = [r[0] for r in con.execute(
        f"SELECT {ident('article_id')} FROM {ident(SIGNATURES)} WHERE {ident('article_id')} "
        "IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()]
    if had:
        for table in (BANDS, SIGNATURES):
            con.execute(f"DELETE FROM {ident(table)} WHERE {ident('article_id')} IN "
                        "(SELECT unnest(?::VARCHAR[]))", [had])
    # a text too short to sign gets a row without a signature: looked at once, not every run
    insert_rows(con, SIGNATURES, [(aid, scheme, None if sig is None else [int(v) for v in sig])
                                  for aid, _, _, scheme, sig, _, _ in latest.values()])
    insert_rows(con, BANDS, [(k, aid, epoch_day(published))
                             for aid, _, _, _, _, keys, published in latest.values()
                             for k in keys])
    urls = {}
    for aid, url, origin, *_ in latest.values():
        row = _url_row(aid, url, origin, False, None)
        urls[row[0]] = row
    _insert(con, ARTICLE_URLS, list(urls.values()), or_replace=True)


def remember_many(store: Store, signed: Sequence[Signed]) -> None:
    """``write_signatures`` for stored articles, in one transaction (one per batch the store
    wrote: a commit per article would double the cost of storing). A kill between the
    article's transaction and this one leaves articles without a signature, which the next
    run signs before it starts (``NearDuplicates.backfill``)."""
    if not signed:
        return
    with store._lock:
        try:
            with store._transaction() as con:
                write_signatures(con, signed)
        except duckdb.Error as exc:
            raise StoreError(f"could not store the signatures of {len(signed)} articles in "
                             f"{store.path}: {exc}") from exc


def add_duplicate(store: Store, article_id: str, url: str | None, origin: str,
                  similarity: float) -> bool:
    """Attach a copy's URL to the stored article; False if that article is not stored.

    A URL already known (the article's own, or a copy seen in an earlier run) is left as it
    is, so re-running the same sources adds nothing."""
    sql = insert_sql(ARTICLE_URLS).replace("INSERT INTO", "INSERT OR IGNORE INTO", 1)
    with store._lock:
        try:
            with store._transaction() as con:
                found = con.execute(f"SELECT 1 FROM {ident(ARTICLES)} WHERE {ident('id')} = ?",
                                    [article_id]).fetchone()
                if not found:
                    return False
                con.execute(sql, _url_row(article_id, url, origin, True, similarity))
        except duckdb.Error as exc:
            raise StoreError(f"could not add the URL of a copy of {article_id!r}: {exc}"
                             ) from exc
    return True


def epoch_day(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date, None when unknown."""
    try:
        return (date.fromisoformat(str(published)[:10]) - _EPOCH).days if published else None
    except ValueError:
        return None


def candidates(store: Store, keys: Iterable[int], scheme: str,
               days: tuple[int, int] | None = None) -> dict[str, tuple[np.ndarray, str | None]]:
    """Stored articles sharing at least one band key: their signature and publication date.

    ``days`` (first, last): look only at articles published on those days. Why: copies
    appear within days of each other, and the bands of the rest of a large store need not be
    read (DuckDB skips row groups by their min/max day when articles arrive roughly in date
    order). Two steps: the band scan reads two columns; signatures come by primary key.
    """
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    scan = (f"SELECT DISTINCT {ident('article_id')} FROM {ident(BANDS)} "
            f"WHERE {ident('band_key')} IN (SELECT unnest(?::BIGINT[]))")
    params: list[Any] = [wanted]
    if days is not None:
        scan += f" AND {ident('day')} BETWEEN ? AND ?"
        params += list(days)
    fetch = (f"SELECT s.{ident('article_id')}, s.{ident('signature')}, "
             f"CAST(a.{ident('published')} AS VARCHAR) FROM {ident(SIGNATURES)} s "
             f"JOIN {ident(ARTICLES)} a ON a.{ident('id')} = s.{ident('article_id')} "
             f"WHERE s.{ident('scheme')} = ? AND s.{ident('article_id')} IN "
             "(SELECT unnest(?::VARCHAR[]))")
    with store._lock:
        try:
            ids = [r[0] for r in store._db.execute(scan, params).fetchall()]
            found = store._db.execute(fetch, [scheme, ids]).fetchall() if ids else []
        except duckdb.Error as exc:
            raise StoreError(f"cannot look up near-duplicates in {store.path}: {exc}") from exc
    return {aid: (np.asarray(sig, dtype=np.uint32), day) for aid, sig, day in found
            if sig is not None}


def unsigned(store: Store, scheme: str
             ) -> Iterator[list[tuple[str, str | None, str, str, str | None]]]:
    """Chunks of stored articles (id, url, origin, text, published) without a signature:
    stored before near-duplicates existed, or killed between saving and signing. Read a
    chunk at a time (by id), so an old store of a million articles is not held in memory."""
    sql = (f"SELECT a.{ident('id')}, a.{ident('url')}, coalesce(a.{ident('file')}, "
           f"a.{ident('id')}), a.{ident('text')}, CAST(a.{ident('published')} AS VARCHAR) "
           f"FROM {ident(ARTICLES)} a "
           f"LEFT JOIN {ident(SIGNATURES)} s ON s.{ident('article_id')} = a.{ident('id')} "
           f"AND s.{ident('scheme')} = ? WHERE s.{ident('article_id')} IS NULL "
           f"AND a.{ident('id')} > ? ORDER BY a.{ident('id')} LIMIT ?")
    after = ""
    while True:
        with store._lock:
            try:
                rows = store._db.execute(sql, [scheme, after, _BACKFILL_CHUNK]).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"cannot read unsigned articles of {store.path}: {exc}"
                                 ) from exc
        if not rows:
            return
        yield rows
        after = rows[-1][0]


__all__ = ["epoch_day", "remember_many", "write_signatures", "Signed", "add_duplicate", "candidates", "unsigned",
           "url_key"]
