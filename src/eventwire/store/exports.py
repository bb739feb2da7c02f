"""`eventwire export --format parquet|csv|gdelt|plover-json`: the store in other shapes.

``parquet`` / ``csv``: every table, one file each. ``gdelt``: ``events.gdelt.csv``, one row
per real-world event (thread) and actor pair of its first mention, under GDELT 2.0 event
column names where a column applies (a GDELT column we cannot fill honestly is left out, not
faked). ``plover-json``: ``events.plover.jsonl``, one PLOVER record per event mention, with
the PLOVER spec's field names (id, date, source/recipient actor objects, event, event_loc,
event_text, quad_code, event_scale, mode, context, link, text_info, cite_info, coder ...)
and our extras (status, confidence, cameo) under names the spec does not use.

Both event formats keep what happened: asserted and claimed events; negated, future and
hypothetical ones stay out of ``gdelt`` (GDELT has no way to say so) and are kept in
``plover-json`` with their ``status``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from .ids import SIDE_TYPE

if TYPE_CHECKING:
    from .core import Store

FORMATS = ("parquet", "csv", "gdelt", "plover-json")

#: GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = """CASE
    WHEN place_precision = 'country' THEN 1
    WHEN place_precision = 'admin1' THEN CASE WHEN place_country = 'USA' THEN 2 ELSE 5 END
    WHEN place_precision = 'city' THEN CASE WHEN place_country = 'USA' THEN 3 ELSE 4 END
    END"""

GDELT_SQL = f"""
WITH th AS (
    SELECT thread_id, arg_min(event_gid, (date, event_gid)) AS first_gid,
           count(*) AS NumMentions, count(DISTINCT outlet) AS NumSources,
           count(DISTINCT article_id) AS NumArticles
    FROM event_details
    WHERE status IN ('asserted', 'claimed') AND date IS NOT NULL
    GROUP BY thread_id
), pairs AS (
    SELECT DISTINCT ON (th.thread_id, s.source_code, s.target_code) th.*, s.*
    FROM th JOIN event_sides s ON s.event_gid = th.first_gid
    ORDER BY th.thread_id, s.source_code, s.target_code
)
SELECT ('0x' || substr(md5(CAST(thread_id AS VARCHAR) || '|' || coalesce(source_code, '')
        || '>' || coalesce(target_code, '')), 1, 15))::BIGINT AS GLOBALEVENTID,
       CAST(strftime(date, '%Y%m%d') AS INTEGER) AS SQLDATE,
       CAST(strftime(date, '%Y%m') AS INTEGER) AS MonthYear,
       year(date) AS Year,
       round(year(date) + (dayofyear(date) - 1) / 365.0, 4) AS FractionDate,
       source_code AS Actor1Code, upper(source_name) AS Actor1Name,
       source_country AS Actor1CountryCode, source_org AS Actor1KnownGroupCode,
       source_sector AS Actor1Type1Code,
       target_code AS Actor2Code, upper(target_name) AS Actor2Name,
       target_country AS Actor2CountryCode, target_org AS Actor2KnownGroupCode,
       target_sector AS Actor2Type1Code,
       cameo AS EventCode, left(cameo, 3) AS EventBaseCode, left(cameo, 2) AS EventRootCode,
       quad AS QuadClass, intensity AS GoldsteinScale,
       NumMentions, NumSources, NumArticles,
       {_GEO_TYPE} AS ActionGeo_Type, place AS ActionGeo_FullName,
       lat AS ActionGeo_Lat, lon AS ActionGeo_Long,
       CAST(strftime(coded_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
       url AS SOURCEURL
FROM pairs
ORDER BY SQLDATE, GLOBALEVENTID
"""


def _plover_actors(column: str) -> str:
    """A PLOVER actor list from an event side: ``code`` is the ISO3 country, else ``IGO`` for
    an international body (the spec's non-state code), with the org in ``identifier_text``."""
    return ("[{'code': coalesce(x.country, CASE WHEN x.org IS NOT NULL THEN 'IGO' END), "
            "'sector': x.sector, 'actor_text': x.name, 'identifier_text': x.org} "
            f"FOR x IN from_json(e.{column}, '{SIDE_TYPE}')]")


PLOVER_SQL = f"""
SELECT 'eventwire-' || CAST(e.gid AS VARCHAR) AS id,
       CAST(e.date_start AS VARCHAR) AS date,
       CASE WHEN e.date_end <> e.date_start THEN CAST(e.date_end AS VARCHAR) END AS enddate,
       {_plover_actors('source')} AS source,
       {_plover_actors('target')} AS recipient,
       [e.category] AS event,
       CASE WHEN e.location_name IS NOT NULL THEN {{
           'geonameid': e.location_geonameid, 'name': e.location_name,
           'latitude': e.location_lat, 'longitude': e.location_lon,
           'cc3': e.location_country}} END AS event_loc,
       [e.sentence] || [x.sentence FOR x IN from_json(e.also, '[{{"sentence": "VARCHAR"}}]')]
           AS event_text,
       e.quad AS quad_code, e.score AS event_scale, e.mode, e.context,
       'thread-' || CAST(coalesce(t.thread_id, e.gid) AS VARCHAR) AS link,
       {{'start': e.start, 'end': e."end"}} AS text_info,
       {{'url': a.url, 'title': a.title, 'language': a.language, 'publication': a.source,
         'coder': 'eventwire {__version__}', 'codebook': 'plover'}} AS cite_info,
       'eventwire {__version__}' AS coder,
       CAST(CAST(a.coded_at AS DATE) AS VARCHAR) AS coded_date,
       e.status, e.confidence, e.cameo, e.date_precision, e.article_id, e.event_id
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_threads t ON t.event_gid = e.gid
ORDER BY e.date_start NULLS LAST, e.article_id, e.ord
"""


def export(store: "Store", fmt: str, directory: str | os.PathLike[str]) -> list[Path]:
    """Write the store as ``fmt`` (one of FORMATS) into ``directory``; returns the files."""
    if fmt == "parquet":
        return store.export_parquet(directory)
    if fmt == "csv":
        return store.export_queries(directory, store.table_queries("csv"), "csv")
    if fmt == "gdelt":
        return store.export_queries(directory, [("events.gdelt.csv", GDELT_SQL)], "csv")
    if fmt == "plover-json":
        return store.export_queries(directory, [("events.plover.jsonl", PLOVER_SQL)], "json")
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["export", "FORMATS", "GDELT_SQL", "PLOVER_SQL"]
