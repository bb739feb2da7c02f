"""The Store: coded articles in a DuckDB file, one transaction per batch of articles.

It is one of the two stateful objects of eventwire (the other is the Pipeline). Every value
reaches DuckDB as a query parameter; table and column names come only from ``schema``. Saving
articles replaces all of their rows inside one transaction (an article is all in or all out,
see ``save_batch``), so a crash or a bad record leaves the previous version whole, and
re-running a batch never duplicates anything.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import duckdb

from ..urls import normalise_url
from ..errors import StoreError
from ..model import CodedArticle, Failure
from . import derived, ids, rows, write
from .snapshot import unchanged
from .sqlio import (
    COPY_OPTIONS as _COPY_OPTIONS, brief as _brief, dicts as _dicts, path_literal as _path_literal,
)
from .views import VIEWS
from .schema import (
    ACTORS, ARTICLE_URLS, ARTICLES, BANDS, CHILD_TABLES, COLUMNS, DATES, ERRORS, EVENTS, META,
    PLACES, QUOTES, SCHEMA_VERSION, SIGNATURES, SUMMARY, TABLES, THREADS, create_sql, ident, insert_sql,
    select_sql,
)

log = logging.getLogger(__name__)

#: SQL steps that upgrade a store from schema version N to N+1, keyed by N. The views are
#: re-created after every upgrade.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (  # global row ids, country+sector codes, the thread table
        # older DuckDB refuses to ALTER an indexed table; _ensure_indexes builds them again
        *(f'DROP INDEX IF EXISTS "{t}_article_id"' for t in CHILD_TABLES),
        *(f"ALTER TABLE {ident(t)} ADD COLUMN gid BIGINT" for t in CHILD_TABLES),
        *(f"UPDATE {ident(t)} SET gid = {ids.gid_sql(t)}" for t in CHILD_TABLES),
        *(f"ALTER TABLE events ADD COLUMN {c}_codes VARCHAR[]" for c in ("source", "target")),
        f"UPDATE events SET source_codes = {ids.codes_sql('source')}, "
        f"target_codes = {ids.codes_sql('target')}",
        create_sql(THREADS),
    ),
    # near-duplicates: every URL of an article, MinHash signatures and LSH bands
    2: (create_sql(ARTICLE_URLS), create_sql(SIGNATURES), create_sql(BANDS)),
    # the dyad summary (store/summary.py); filled by _after_upgrade
    3: (create_sql(SUMMARY),),
}

#: JSON columns decoded for readers that return raw rows.
_JSON_COLUMNS = frozenset({"removed", "source", "target", "also"})

#: A stable row order for exports, so two exports of the same data are identical.
_ORDER: dict[str, tuple[str, ...]] = {
    ARTICLES: ("id",), ERRORS: ("origin",), ARTICLE_URLS: ("article_id", "url_key"),
    **{t: ("article_id", "ord") for t in CHILD_TABLES},
}


def _utcnow() -> datetime:
    """Naive UTC, as DuckDB's TIMESTAMP stores it (no session time zone gets involved)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _url_norm(url: str | None) -> str | None:
    """The URL as the pipeline compares it, so duplicates across runs can be spotted."""
    if not url:
        return None
    try:
        return normalise_url(url)
    except ValueError:  # urlsplit refuses a few broken URLs (e.g. an unclosed IPv6 bracket)
        return None


def _as_date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)") from None


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


class Store:
    """Coded articles in DuckDB: save them, read them back, query events, export Parquet.

    ``Store(":memory:")`` keeps everything in memory (tests, one-off runs). One Store may be
    shared between threads: every call holds the Store's lock.
    """

    def __init__(self, path: str | os.PathLike[str] = "eventwire.duckdb", *,
                 read_only: bool = False) -> None:
        in_memory = str(path) == ":memory:"
        self.path = str(path) if in_memory else str(Path(path).expanduser())
        self.read_only = read_only
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        #: id -> hash of the text saved under it by this Store object: a second input with the
        #: same id (or URL) and other text is refused, never a silent replacement.
        self._saved_here: dict[str, int] = {}
        #: Moves on every committed write through this object: what in-memory indexes of
        #: the store (analyze/memory.py) check to know they are still current.
        self.generation = 0
        if not in_memory and not read_only:
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the directory of store {self.path}: {exc}"
                                 ) from exc
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(self._open_message(exc)) from exc
        try:
            self._prepare_schema()
            if not read_only:
                self._ensure_indexes()
        except BaseException:
            self.close()
            raise
        log.debug("opened store %s (schema %d)", self.path, SCHEMA_VERSION)

    def _open_message(self, exc: duckdb.Error) -> str:
        detail = str(exc).strip()
        if "lock" in detail.lower():
            return (f"cannot open store {self.path}: another process has it open "
                    f"({detail}). DuckDB lets one process write a file at a time: finish or "
                    "stop that process (another eventwire run, a notebook, the duckdb CLI) "
                    "and try again, or work on a copy of the file.")
        return (f"cannot open store {self.path}: {detail}. Check that the path is a DuckDB "
                "file (or a new file name) in a directory you can write.")

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        """Release the file (and its lock); closing twice is harmless."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"<Store {self.path!r} {state}>"

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self.path} is closed; open a new Store to use it")
        return self._con

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN ... COMMIT, or ROLLBACK on any error so nothing half-written survives."""
        con = self._db
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:  # a failed COMMIT has already ended the transaction
                pass
            raise

    @contextmanager
    def transaction(self) -> Iterator[Callable[..., list[dict[str, Any]]]]:
        """Several statements of a caller (e.g. analyze/threads.py) as one transaction.

        Yields ``run(sql, params=())`` returning rows as dicts; everything is rolled back on
        any error, so a reader never sees half of an update.
        """
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only; open it for writing "
                             "(read_only=False) to change it")
        with self._lock:
            try:
                with self._transaction() as con:
                    def run(sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
                        return _dicts(con.execute(sql, list(params)))
                    yield run
                self.generation += 1
            except duckdb.Error as exc:
                raise StoreError(f"update of {self.path} failed: {_brief(exc)} (nothing "
                                 "was changed)") from exc

    # -- schema ---------------------------------------------------------------------------
    def _schema_version(self) -> int | None:
        names = {r[0] for r in self._db.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
        if META not in names:
            ours = sorted(names & set(COLUMNS))
            if ours:
                raise StoreError(f"{self.path} already has tables {', '.join(ours)} but no "
                                 f"{META} table: it is not an eventwire store. Use another "
                                 "file name.")
            return None
        row = self._db.execute(
            f"SELECT max({ident('version')}) FROM {ident(META)}").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _prepare_schema(self) -> None:
        """Create the tables in a new file; upgrade an older one; refuse a newer one."""
        try:
            version = self._schema_version()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the schema of {self.path}: {_brief(exc)}") from exc
        if version == SCHEMA_VERSION:
            return
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer eventwire (store schema "
                             f"{version}, this one reads up to {SCHEMA_VERSION}); upgrade "
                             "eventwire to open it.")
        if self.read_only:
            raise StoreError(f"{self.path} is not an up-to-date eventwire store (schema "
                             f"{version}, expected {SCHEMA_VERSION}); open it once without "
                             "read_only to create or upgrade it.")
        steps: list[str] = []
        if version is None:
            steps = [create_sql(t) for t in COLUMNS]
        else:
            for v in range(version, SCHEMA_VERSION):
                steps.extend(MIGRATIONS[v])
        steps.extend(VIEWS.values())
        try:
            with self._transaction() as con:
                for sql in steps:
                    con.execute(sql)
                if version is not None:
                    derived.upgraded(con, version)
                con.execute(insert_sql(META), [SCHEMA_VERSION, _utcnow()])
        except duckdb.Error as exc:
            raise StoreError(f"cannot create or upgrade the tables of {self.path}: "
                             f"{_brief(exc)}") from exc
        log.info("store %s: schema %s -> %d", self.path, version, SCHEMA_VERSION)

    def _ensure_indexes(self) -> None:
        """Index the child tables by article (also in stores made before the indexes were)."""
        try:
            for sql in write.index_sql():
                self._db.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"cannot index the tables of {self.path}: {_brief(exc)}") from exc

    # -- writing --------------------------------------------------------------------------
    def writer_handle(self) -> "Store":
        """A second handle on this store for a writer thread (store/buffer.py): its own DuckDB
        connection and lock, so its transactions never block this handle's reads, and the
        same record of ids saved in this run. Close it before this Store."""
        handle = object.__new__(Store)
        handle.__dict__.update(self.__dict__, _lock=threading.RLock(), generation=0)
        with self._lock:
            handle._con = self._db.cursor()
        return handle

    def save(self, coded: CodedArticle) -> str:
        """Store one coded article, replacing any earlier version of it; returns its id.

        Re-coding an article (the same id, in a later run or again with the same text)
        replaces it. Within one Store object, a second article that takes an id already saved
        with another text raises StoreError: two inputs with one id are two articles, and one
        must not silently erase the other."""
        [result] = self.save_batch([coded])
        if isinstance(result, StoreError):
            raise result
        return result

    def save_batch(self, batch: Sequence[CodedArticle]) -> list[str | StoreError]:
        """Store several coded articles in one transaction; one result per article, in order:
        its id, or the StoreError that kept it out (the others are stored all the same).

        Why: a commit per article made storing a quarter of a run (issue 8). Rows are built
        first, so a bad value costs only its article; if the transaction itself fails, the
        articles are saved one by one, so only the culprit is refused and nothing is
        half-written (each article is all in or all out).
        """
        results: list[str | StoreError] = []
        built: list[tuple[str, rows.Row, dict[str, list[rows.Row]]]] = []
        hashes: dict[str, int] = {}
        now = _utcnow()
        with self._lock:
            for coded in batch:
                try:
                    aid, text_hash = self._check_id(coded, hashes)
                    if aid in hashes:  # the same article twice in one batch: the later wins
                        built = [b for b in built if b[0] != aid]
                    built.append((aid, *write.build_rows(coded, _url_norm(coded.article.url),
                                                         now)))
                    hashes[aid] = text_hash
                    results.append(aid)
                except StoreError as exc:
                    results.append(exc)
                except Exception as exc:
                    results.append(self._save_error(coded.article.id, exc))
            if not built:
                return results
            try:
                with self._transaction() as con:
                    write.write_batch(con, write.make_batch(built))
                self.generation += 1
            except Exception as exc:
                if len(built) == 1:
                    failed = self._save_error(built[0][0], exc)
                    return [failed if r == built[0][0] else r for r in results]
                log.info("a batch of %d articles failed to store (%s); storing them one by one",
                         len(built), _brief(exc))
                singles = {aid: self.save_batch([c])[0] for c in batch
                           if (aid := c.article.id) in hashes}
                return [singles.get(r, r) if isinstance(r, str) else r for r in results]
            self._saved_here.update(hashes)
        for aid in hashes:
            log.debug("saved %s", aid)
        return results

    def _check_id(self, coded: CodedArticle, pending: dict[str, int]) -> tuple[str, int]:
        """The article's id and text hash, or StoreError when it has no id or its id was
        saved (in this run or this batch) with another text."""
        aid = coded.article.id
        if not aid:
            raise StoreError("cannot save an article without an id: code it through the "
                             "Pipeline, which derives one from the URL or the text")
        text_hash = hash(coded.text)
        earlier = pending.get(aid, self._saved_here.get(aid))
        if earlier is not None and earlier != text_hash:
            raise StoreError(
                f"another article with id {aid!r} (the same id or URL) was already stored "
                "in this run with a different text; this one is not stored, and the first "
                "is kept. Give the items distinct ids or URLs.")
        return aid, text_hash

    def _save_error(self, aid: str, exc: BaseException) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        error = StoreError(f"could not save article {aid!r} to {self.path}: {_brief(exc)} "
                           "(nothing was written; any earlier version is unchanged)")
        error.__cause__ = exc
        return error

    def save_many(self, items: Iterable[CodedArticle | Failure], batch_size: int = 64
                  ) -> list[str]:
        """Store a stream (e.g. ``Pipeline.code_many``) in transactions of ``batch_size``.

        Failures are recorded; an article that cannot be saved is logged, recorded as a
        ``store`` failure and skipped, so one bad article never stops the batch.
        """
        saved: list[str] = []
        pending: list[CodedArticle] = []

        def flush() -> None:
            for coded, result in zip(pending, self.save_batch(pending)):
                if isinstance(result, StoreError):
                    log.warning("%s", result)
                    origin = (coded.article.file or coded.article.url or coded.article.id
                              or "article")
                    self.record_failure(Failure(origin, str(result), stage="store"))
                else:
                    saved.append(result)
            pending.clear()

        for item in items:
            if isinstance(item, Failure):
                self.record_failure(item)
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        flush()
        return saved

    def already_stored(self, articles: Sequence[Any], fingerprint: str) -> set[str]:
        """Ids of ``articles`` (anything with ``.meta.id`` and ``.cleaned.text``, i.e. the
        pipeline's ``Prepared``) stored with this very text and dictionary fingerprint.

        Why: a re-run after a crash (or of the same sources) must code only what is missing,
        and decide it before parsing, the expensive part. One query per batch, by primary key.
        The text is compared too (by MD5), so an article whose text changed is coded again,
        and the ids found count as saved by this Store object: a later input of the run with
        the same id and another text is refused exactly as in an unbroken run.
        """
        batch_of = [a for a in articles if a.meta.id]
        wanted = {a.meta.id: a.cleaned.text for a in batch_of}
        if not wanted:
            return set()
        sql = (f"SELECT {ident('id')}, md5({ident('text')}) FROM {ident(ARTICLES)} "
               f"WHERE {ident('fingerprint')} = ? AND {ident('id')} IN "
               "(SELECT unnest(?::VARCHAR[]))")
        with self._lock:
            try:
                found = self._db.execute(sql, [fingerprint, list(wanted)]).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"cannot look up stored articles in {self.path}: "
                                 f"{_brief(exc)}") from exc
            current = unchanged(batch_of, dict(found))
            for aid in current:
                self._saved_here.setdefault(aid, hash(wanted[aid]))
        return current

    def record_failure(self, failure: Failure) -> None:
        """Keep one row per failed input; a later failure of the same origin replaces it."""
        sql = insert_sql(ERRORS, or_replace=True)
        with self._lock:
            try:
                self._db.execute(sql, [failure.origin, failure.reason, failure.stage,
                                       _utcnow()])
            except duckdb.Error as exc:
                raise StoreError(f"could not record the failure of {failure.origin!r} in "
                                 f"{self.path}: {_brief(exc)}") from exc

    # -- reading --------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one parameterised SQL statement and return its rows as dicts.

        The door for ``eventwire.analyze`` and ad-hoc reads: pass values as ``?`` parameters,
        never inside ``sql``.
        """
        with self._lock:
            try:
                return _dicts(self._db.execute(sql, list(params)))
            except duckdb.Error as exc:
                raise StoreError(f"query on {self.path} failed: {_brief(exc)}") from exc

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """``query`` on a cursor of its own: threads read side by side (see ``fetch``)."""
        with self._cursor() as cur:
            return _dicts(cur.execute(sql, list(params)))

    def fetch(self, sql: str, params: Sequence[Any] = (), *, arrow: bool = False) -> Any:
        """Run one parameterised statement; its rows as a pandas DataFrame, or a pyarrow
        Table with ``arrow=True``.

        Why a cursor of its own: DuckDB runs the queries of several cursors of one
        connection in parallel, so threads (an HTTP server's workers) read side by side
        instead of queueing on the Store's lock, which guards only the cursor's creation.
        """
        with self._cursor() as cur:
            if not arrow:
                return cur.execute(sql, list(params)).df()
            rel = cur.sql(sql, params=list(params))  # a relation: Arrow without a copy
            # duckdb 2 names it to_arrow_table; 1.x had only fetch_arrow_table
            return (getattr(rel, "to_arrow_table", None) or rel.fetch_arrow_table)()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own (the lock guards only its creation); errors as StoreError."""
        with self._lock:
            cur = self._db.cursor()
        try:
            yield cur
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {_brief(exc)}") from exc
        finally:
            cur.close()

    def get_article(self, article_id: str) -> dict[str, Any]:
        """The contract JSON of a stored article, as ``CodedArticle.to_dict()`` made it."""
        with self._lock:
            found = self.query(f"{select_sql(ARTICLES)} WHERE {ident('id')} = ?", [article_id])
            if not found:
                raise KeyError(f"no article {article_id!r} in {self.path}")
            children = {t: self.query(f"{select_sql(t)} WHERE {ident('article_id')} = ? "
                                      f"ORDER BY {ident('ord')}", [article_id])
                        for t in CHILD_TABLES}
        return rows.article_dict(found[0], children)

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles without their text, newest first, with their event counts."""
        sql = (
            "SELECT a.id, a.url, a.url_norm, a.source, a.title, a.published, a.language, "
            "a.version, a.fingerprint, a.coded_at, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events "
            "FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?"
        )
        return self.query(sql, [limit])

    def count(self, table: str = EVENTS) -> int:
        """Rows in one of ``TABLES``."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; the store has {', '.join(TABLES)}")
        return int(self.query(f"SELECT count(*) AS n FROM {ident(table)}")[0]["n"])

    def events(self, source: str | None = None, target: str | None = None, *,
               category: str | Iterable[str] | None = None,
               status: str | Iterable[str] | None = None,
               since: date | str | None = None, until: date | str | None = None,
               article_id: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Event rows, filtered; ``source``/``target`` are actor keys ('RUS', 'NATO').

        ``since``/``until`` are inclusive and compare the first day the event's date covers
        (its article's publication day when the text gave none). JSON columns come decoded.
        """
        sql = (
            f"{select_sql(EVENTS)} WHERE "
            "(?::VARCHAR IS NULL OR list_contains(source_keys, ?::VARCHAR)) "
            "AND (?::VARCHAR IS NULL OR list_contains(target_keys, ?::VARCHAR)) "
            "AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], category)) "
            "AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], status)) "
            "AND (?::DATE IS NULL OR date_start >= ?::DATE) "
            "AND (?::DATE IS NULL OR date_start <= ?::DATE) "
            "AND (?::VARCHAR IS NULL OR article_id = ?::VARCHAR) "
            "ORDER BY date_start NULLS LAST, article_id, ord LIMIT ?"
        )
        categories, statuses = _as_list(category), _as_list(status)
        start, end = _as_date(since, "since"), _as_date(until, "until")
        params = [source, source, target, target, categories, categories, statuses, statuses,
                  start, start, end, end, article_id, article_id, limit]
        return [_decode(r) for r in self.query(sql, params)]

    def errors(self) -> list[dict[str, Any]]:
        """Inputs that could not be coded or saved, oldest first."""
        return self.query(f"{select_sql(ERRORS)} ORDER BY {ident('at')}, {ident('origin')}")

    # -- export ---------------------------------------------------------------------------
    def export_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write ``<table>.parquet`` for every table into ``directory`` (created if needed).

        All files come from one transaction, so they agree with each other.
        """
        return self.export_queries(directory, self.table_queries("parquet"), "parquet")

    @staticmethod
    def table_queries(suffix: str) -> list[tuple[str, str]]:
        """(``<table>.<suffix>``, a SELECT of every row in a stable order) per table."""
        return [(f"{t}.{suffix}", f"SELECT * FROM {ident(t)} ORDER BY "
                 + ", ".join(ident(c) for c in _ORDER[t])) for t in TABLES]

    def export_queries(self, directory: str | os.PathLike[str],
                       queries: Sequence[tuple[str, str]], fmt: str) -> list[Path]:
        """Write each (file name, SELECT of ours) to ``directory`` as ``fmt`` (parquet, csv
        with a header, or json: JSON Lines), all from one transaction.

        The SELECTs are the caller's constants (``store/exports.py``), never user text.
        """
        options = _COPY_OPTIONS.get(fmt)
        if options is None:
            raise StoreError(f"unknown export format {fmt!r}; use {', '.join(_COPY_OPTIONS)}")
        out = Path(directory).expanduser().resolve()
        targets = [(out / name, sql) for name, sql in queries]
        literals = [(_path_literal(p), sql) for p, sql in targets]  # checked before mkdir
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create export directory {out}: {exc}") from exc
        with self._lock:
            try:
                with self._transaction() as con:
                    for literal, sql in literals:
                        con.execute(f"COPY ({sql}) TO {literal} {options}")
            except duckdb.Error as exc:
                raise StoreError(f"export of {self.path} to {out} failed: {_brief(exc)}"
                                 ) from exc
        log.info("exported %d files of %s to %s", len(targets), self.path, out)
        return [p for p, _ in targets]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    """Decode a row's JSON columns (DuckDB hands JSON back as text)."""
    return {k: json.loads(v) if k in _JSON_COLUMNS and isinstance(v, str) else v
            for k, v in row.items()}


__all__ = ["Store", "MIGRATIONS"]
