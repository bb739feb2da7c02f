"""The two summaries the dashboard needs that the Python API has no method for yet: the
busiest dyads (for the picker) and event counts per place (for the map).

Both run through the API's own door for SQL (``EventStore.sql``), with every value a
parameter and the side columns picked from a fixed whitelist. They read the ``events`` table
directly (its key arrays), not the ``event_sides`` view, whose JSON unnesting would cost
seconds on a million events; answers are cached until the store changes.
"""
from __future__ import annotations

from typing import Any

#: level -> (source column, target column) of ``events``.
SIDES: dict[str, tuple[str, str]] = {
    "key": ("source_keys", "target_keys"), "code": ("source_codes", "target_codes"),
}


def dyads(api: Any, level: str = "key", limit: int = 100) -> Any:
    """Directed dyads by asserted mentions, busiest first: source, target, events."""
    src, tgt = SIDES[level]
    sql = f"""
    SELECT s.k AS source, t.k AS target, count(*) AS events
    FROM events, unnest({src}) AS s(k), unnest({tgt}) AS t(k)
    WHERE status = 'asserted' AND s.k <> t.k
    GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
    """
    return api.sql(sql, [limit])


def places(api: Any, limit: int = 300) -> Any:
    """Places with coordinates and their event mentions, most first: the map's points."""
    sql = """
    SELECT location_name AS place, location_country AS country,
           avg(location_lat) AS lat, avg(location_lon) AS lon, count(*) AS events
    FROM events
    WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL
    GROUP BY ALL ORDER BY events DESC, place LIMIT ?
    """
    return api.sql(sql, [limit])


__all__ = ["SIDES", "dyads", "places"]
