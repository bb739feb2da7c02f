"""The SQL views an analyst would write first, created with the store.

Why views and not more tables: they cost nothing to keep in step with the tables (a re-saved
article shows at once), and they spare every reader the store's layout (sides as JSON beside
key arrays, ``end`` as a column name). Three views:

``event_sides``   one row per event and side pair (source actor x target actor), with both
                  actors' country, org, sector, key and CAMEO-style code (``USAGOV``), the
                  event's category, quad, intensity, status, date, place, thread, the article
                  URL and the evidence sentence with its span. An event without a target has
                  one row per source actor with the target columns NULL.
``event_details`` one row per event: the ``events`` columns an analyst reads, its thread, and
                  its article's URL, title, outlet and publication day.
``quote_speakers`` one row per quote with the speaker's key and code and the article's URL.

Views change only with ``SCHEMA_VERSION`` (store/core.py re-creates them in a migration).
"""
from __future__ import annotations

from .ids import CODE_SQL, SIDE_TYPE

_SIDE_STRUCT = ("STRUCT(actor VARCHAR, name VARCHAR, country VARCHAR, org VARCHAR, "
                "sector VARCHAR)")


def _side_list(column: str) -> str:
    """The side as a list of structs, or ``[NULL]`` when empty so the row survives unnest."""
    parsed = f"from_json(e.{column}, '{SIDE_TYPE}')"
    return (f"CASE WHEN coalesce(len({parsed}), 0) = 0 THEN [NULL::{_SIDE_STRUCT}] "
            f"ELSE {parsed} END")


def _code(alias: str) -> str:
    return CODE_SQL.replace("x.", f"{alias}.")


EVENT_DETAILS = """
CREATE OR REPLACE VIEW event_details AS
SELECT e.gid AS event_gid, coalesce(t.thread_id, e.gid) AS thread_id,
       e.article_id, e.event_id, e.category, e.cameo, e.quad, e.score AS intensity, e.status,
       e.mode, e.context, e.source_keys, e.target_keys, e.source_codes, e.target_codes,
       e.date_start AS date, e.date_end, e.date_value, e.date_precision,
       e.location_name AS place, e.location_country AS place_country,
       e.location_lat AS lat, e.location_lon AS lon, e.location_geonameid AS geonameid,
       e.location_precision AS place_precision,
       e.sentence, e.start AS evidence_start, e."end" AS evidence_end, e.trigger,
       e.confidence, a.url, a.title, a.source AS outlet, a.published, a.coded_at
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_threads t ON t.event_gid = e.gid
"""

EVENT_SIDES = f"""
CREATE OR REPLACE VIEW event_sides AS
SELECT e.gid AS event_gid, coalesce(t.thread_id, e.gid) AS thread_id,
       e.article_id, e.event_id,
       s.name AS source_name, s.country AS source_country, s.org AS source_org,
       s.sector AS source_sector, coalesce(s.org, s.country) AS source_key,
       {_code('s')} AS source_code,
       r.name AS target_name, r.country AS target_country, r.org AS target_org,
       r.sector AS target_sector, coalesce(r.org, r.country) AS target_key,
       {_code('r')} AS target_code,
       e.category, e.cameo, e.quad, e.score AS intensity, e.status,
       e.date_start AS date, e.date_value,
       e.location_name AS place, e.location_country AS place_country,
       e.location_lat AS lat, e.location_lon AS lon, e.location_geonameid AS geonameid,
       e.location_precision AS place_precision,
       a.url, a.title, a.source AS outlet, a.published, a.coded_at,
       e.sentence, e.start AS evidence_start, e."end" AS evidence_end, e.trigger, e.confidence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_threads t ON t.event_gid = e.gid,
     unnest({_side_list('source')}) AS su(s),
     unnest({_side_list('target')}) AS tu(r)
"""

QUOTE_SPEAKERS = """
CREATE OR REPLACE VIEW quote_speakers AS
SELECT q.gid AS quote_gid, q.article_id, q.ord, q.text, q.start AS quote_start,
       q."end" AS quote_end, q.kind, q.cue,
       q.speaker_name, q.speaker_country, q.speaker_org, q.speaker_sector,
       coalesce(q.speaker_org, q.speaker_country) AS speaker_key,
       coalesce(q.speaker_org, q.speaker_country || coalesce(q.speaker_sector, ''))
           AS speaker_code,
       q.speaker_text, a.url, a.title, a.source AS outlet, a.published
FROM quotes q
JOIN articles a ON a.id = q.article_id
"""

#: name -> CREATE OR REPLACE VIEW statement, in creation order.
VIEWS: dict[str, str] = {
    "event_details": EVENT_DETAILS,
    "event_sides": EVENT_SIDES,
    "quote_speakers": QUOTE_SPEAKERS,
}

__all__ = ["VIEWS"]
