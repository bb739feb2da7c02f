"""The store's tables, as data: one place to read (and later migrate) the schema.

Every table and column name that ever reaches SQL comes from these constants, never from a
caller, so identifiers need no escaping beyond the double quotes ``ident()`` adds (``end`` is
an SQL keyword but keeps the contract's name). Child tables carry ``ord``, the record's position
in the coded article, so ``Store.get_article`` rebuilds lists in their original order.
"""
from __future__ import annotations

#: Bump when a table changes, and add the step that upgrades the previous version to
#: ``MIGRATIONS`` (in store/core.py).
SCHEMA_VERSION = 4

ARTICLES = "articles"
ACTORS = "actors"
EVENTS = "events"
QUOTES = "quotes"
DATES = "dates"
PLACES = "places"
ERRORS = "errors"
META = "schema_version"
THREADS = "event_threads"  # event gid -> thread (analyze/threads.py writes it)
#: Every URL a stored article was found at: its own, and those of its near-duplicates.
ARTICLE_URLS = "article_urls"
#: MinHash signatures of stored articles and their LSH band keys (see eventwire.dedup).
SIGNATURES = "minhash_signatures"
BANDS = "minhash_bands"
#: Threads per directed dyad, day, category and quad, kept in step on every save (summary.py).
SUMMARY = "dyad_summary"

#: (column, DuckDB type) per table, in insert order.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    ARTICLES: (
        ("id", "VARCHAR PRIMARY KEY"),
        ("url", "VARCHAR"),
        ("url_norm", "VARCHAR"),  # the identity a URL is compared by (no tracking, no www.)
        ("source", "VARCHAR"),
        ("title", "VARCHAR"),
        ("published", "DATE"),
        ("language", "VARCHAR"),
        ("file", "VARCHAR"),
        ("text", "VARCHAR"),
        ("captions", "VARCHAR[]"),
        ("removed", "JSON"),
        ("version", "VARCHAR"),
        ("fingerprint", "VARCHAR"),
        ("coded_at", "TIMESTAMP"),  # UTC, when this version of the article was saved
        ("warnings", "VARCHAR[]"),
    ),
    ACTORS: (
        ("article_id", "VARCHAR NOT NULL"),
        ("ord", "INTEGER NOT NULL"),
        ("actor_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("country", "VARCHAR"),
        ("org", "VARCHAR"),
        ("key", "VARCHAR"),  # org, else country: what dyads are counted by
        ("sector", "VARCHAR"),
        ("role", "VARCHAR"),
        ("raw", "VARCHAR"),
        ("kb_id", "VARCHAR"),
        ("mentions", "INTEGER[][]"),  # [[start, end], ...] into articles.text
        ("gid", "BIGINT"),  # global row id (store/ids.py); the contract keeps actor_id
    ),
    EVENTS: (
        ("article_id", "VARCHAR NOT NULL"),
        ("ord", "INTEGER NOT NULL"),
        ("event_id", "VARCHAR"),
        ("category", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("score", "DOUBLE"),
        ("quad", "INTEGER"),
        ("status", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"),
        ("source_keys", "VARCHAR[]"),  # list_contains(source_keys, 'RUS')
        ("target_keys", "VARCHAR[]"),
        ("source", "JSON"),  # the ActorRefs as the contract gives them
        ("target", "JSON"),
        ("date_value", "VARCHAR"),  # ISO at its own precision: 2020-11-24, 2020-11, a/b
        ("date_precision", "VARCHAR"),
        ("date_text", "VARCHAR"),
        ("date_start", "DATE"),  # first and last day date_value covers (else published)
        ("date_end", "DATE"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_geonameid", "BIGINT"),
        ("location_precision", "VARCHAR"),
        ("sentence", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("trigger", "VARCHAR"),
        ("url", "VARCHAR"),  # evidence.url
        ("confidence", "DOUBLE"),
        ("also", "JSON"),  # other evidence sentences for the same event
        ("basis", "VARCHAR"),  # how the event was read; what its confidence is calibrated on
        ("source_codes", "VARCHAR[]"),  # country+sector codes: USAGOV, USAOPP, NATO
        ("target_codes", "VARCHAR[]"),
        ("gid", "BIGINT"),  # global row id (store/ids.py); the contract keeps event_id
    ),
    QUOTES: (
        ("article_id", "VARCHAR NOT NULL"),
        ("ord", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("kind", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("speaker_actor", "VARCHAR"),
        ("speaker_name", "VARCHAR"),  # NULL when the quote has no speaker
        ("speaker_country", "VARCHAR"),
        ("speaker_org", "VARCHAR"),
        ("speaker_sector", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("gid", "BIGINT"),
    ),
    DATES: (
        ("article_id", "VARCHAR NOT NULL"),
        ("ord", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("value", "VARCHAR"),
        ("precision", "VARCHAR"),
        ("caption", "INTEGER"),  # index into articles.captions, NULL = body text
        ("gid", "BIGINT"),
    ),
    PLACES: (
        ("article_id", "VARCHAR NOT NULL"),
        ("ord", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("geonameid", "BIGINT"),
        ("precision", "VARCHAR"),
        ("caption", "INTEGER"),  # index into articles.captions, NULL = body text
        ("gid", "BIGINT"),
    ),
    ERRORS: (
        ("origin", "VARCHAR PRIMARY KEY"),  # one row per failed input: the latest reason wins
        ("reason", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("at", "TIMESTAMP"),  # UTC
    ),
    META: (
        ("version", "INTEGER NOT NULL"),
        ("applied_at", "TIMESTAMP"),
    ),
    THREADS: (  # mentions of one real-world event in several articles share a thread
        ("event_gid", "BIGINT PRIMARY KEY"),
        ("thread_id", "BIGINT NOT NULL"),  # the gid of the thread's first mention
        ("threaded_at", "TIMESTAMP"),  # UTC; older than the article's coded_at = stale
    ),
    ARTICLE_URLS: (
        ("url_key", "VARCHAR PRIMARY KEY"),  # url_norm, else "origin:" + origin: one article each
        ("article_id", "VARCHAR NOT NULL"),
        ("url", "VARCHAR"),
        ("url_norm", "VARCHAR"),
        ("origin", "VARCHAR"),  # the file (and line) or URL it was read from
        ("duplicate", "BOOLEAN"),  # false for the article's own URL, true for a copy's
        ("similarity", "DOUBLE"),  # estimated Jaccard similarity of a copy to the article
        ("added_at", "TIMESTAMP"),  # UTC
    ),
    SIGNATURES: (
        ("article_id", "VARCHAR PRIMARY KEY"),
        ("scheme", "VARCHAR"),  # shingling and hashing parameters: another scheme is recomputed
        ("signature", "UINTEGER[]"),
    ),
    BANDS: (
        ("band_key", "BIGINT NOT NULL"),  # hash of (band number, the band's rows)
        ("article_id", "VARCHAR NOT NULL"),
        # the article's publication day (days since 1970-01-01), NULL when unknown: lookups
        # read only the days near a new article's, and DuckDB skips the other row groups
        ("day", "INTEGER"),
    ),
    SUMMARY: (  # store/summary.py: what series, rankings and alerts read instead of events
        ("level", "VARCHAR NOT NULL"),  # key (RUS), code (RUSGOV) or any (either, and '*')
        ("source", "VARCHAR NOT NULL"),
        ("target", "VARCHAR NOT NULL"),  # '*' (level any): against anyone, or no one
        ("day", "DATE"),  # the thread's first day; NULL when its mentions have no date
        ("category", "VARCHAR"),
        ("quad", "INTEGER"),
        ("events", "BIGINT"),  # asserted threads
        ("claimed", "BIGINT"),  # threads only claimed
        ("intensity_sum", "DOUBLE"),  # sum over asserted threads of their mean intensity
        ("intensity_n", "BIGINT"),  # asserted threads with an intensity
        ("mentions", "BIGINT"),  # mentions of the asserted threads
    ),
}

#: Tables holding one article's records, deleted and rewritten together on every save.
CHILD_TABLES: tuple[str, ...] = (ACTORS, EVENTS, QUOTES, DATES, PLACES)
#: Tables a user reads, counts and exports (the meta table is ours).
TABLES: tuple[str, ...] = (ARTICLES, *CHILD_TABLES, ERRORS, ARTICLE_URLS)


def ident(name: str) -> str:
    """Quote a table or column name of ours; refuses anything that is not one."""
    known = name in COLUMNS or any(name == c for cols in COLUMNS.values() for c, _ in cols)
    if not known:
        raise ValueError(f"{name!r} is not a table or column of the eventwire store")
    return '"' + name + '"'


def create_sql(table: str) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one table of ``COLUMNS``."""
    cols = ", ".join(f"{ident(c)} {t}" for c, t in COLUMNS[table])
    return f"CREATE TABLE IF NOT EXISTS {ident(table)} ({cols})"


def insert_sql(table: str, rows: int = 1, *, or_replace: bool = False) -> str:
    """A parameterised ``INSERT`` of ``rows`` rows, one value per column of ``table`` each.

    Several rows per statement: DuckDB runs one multi-row INSERT far faster than executemany.
    """
    cols = COLUMNS[table]
    names = ", ".join(ident(c) for c, _ in cols)
    marks = "(" + ", ".join("?" for _ in cols) + ")"
    verb = "INSERT OR REPLACE INTO" if or_replace else "INSERT INTO"
    return f"{verb} {ident(table)} ({names}) VALUES {', '.join([marks] * rows)}"


def select_sql(table: str) -> str:
    """Every column of ``table`` by name (``WHERE`` / ``ORDER BY`` are added by the caller)."""
    names = ", ".join(ident(c) for c, _ in COLUMNS[table])
    return f"SELECT {names} FROM {ident(table)}"


__all__ = [
    "SCHEMA_VERSION", "ARTICLES", "ACTORS", "EVENTS", "QUOTES", "DATES", "PLACES", "ERRORS",
    "META", "THREADS", "SUMMARY", "ARTICLE_URLS", "SIGNATURES", "BANDS", "COLUMNS", "CHILD_TABLES", "TABLES", "ident", "create_sql", "insert_sql",
    "select_sql",
]
