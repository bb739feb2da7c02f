"""The actor knowledge base: countries, organisations, titles and people, loaded once.

Everything lives in YAML under ``eventwire/data/actors`` (read via importlib.resources) and is
validated on load: a bad row raises :class:`~eventwire.errors.KnowledgeError` naming the file
and line. Names are indexed as token tuples so that one left-to-right pass over an article
(:meth:`KnowledgeBase.scan`) finds every known name at the cost of a few dict look-ups per
token, instead of one regex per alias.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ..errors import KnowledgeError

log = logging.getLogger(__name__)

#: PLOVER/CAMEO sector codes the dictionaries may use.
SECTORS: frozenset[str] = frozenset({
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "CVL", "BUS", "MED", "JRN",
    "REL", "NGO", "EDU", "HLH", "ELI", "AGR", "LAB", "IGO", "UAF", "REF",
})
#: Which kind of match wins when two of the same length start at the same token.
PRIORITY: dict[str, int] = {"person": 0, "org": 1, "metonym": 2, "country": 3, "capital": 4,
                            "demonym": 5, "body": 6, "title": 7}
FILES: tuple[str, ...] = ("countries.yaml", "organizations.yaml", "titles.yaml", "people.yaml",
                          "lexicon.yaml")
#: Territories and codes in use that pycountry does not list as ISO 3166-1.
EXTRA_ISO3: frozenset[str] = frozenset({"XKX"})

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[^\w\s]")
#: "Vice President", "Deputy Prime Minister": not the top office their last words name.
_SUBORDINATE = re.compile(r"\b(?:vice|deputy|assistant|under|acting|interim)\b|-elect\b")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# -- normalisation -------------------------------------------------------------------------
def _fold(word: str) -> str:
    """Lower-case, strip accents and unify apostrophes: 'Élysée' and 'Elysee' look alike."""
    word = word.replace("\u2019", "'").replace("\u2018", "'")
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) for each word, abbreviation ('U.S.') or punctuation mark."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _key(text: str) -> tuple[str, ...]:
    return tuple(_fold(t) for _, _, t in tokenize(text))


def _case_pattern(text: str) -> tuple[int, ...]:
    """Per token: 2 = must be all capitals (acronyms), 1 = must be capitalised, 0 = free."""
    out = []
    for _, _, tok in tokenize(text):
        letters = [c for c in tok if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 5:
            out.append(2)
        elif letters and letters[0].isupper():
            out.append(1)
        else:
            out.append(0)
    return tuple(out)


def plural(phrase: str) -> str:
    """English plural of a role noun's last word ('prime minister' -> 'prime ministers')."""
    head, _, last = phrase.rpartition(" ")
    lower = last.lower()
    if lower.endswith("man"):
        new = last[:-3] + "men"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        new = last[:-1] + "ies"
    elif lower.endswith(("s", "sh", "ch", "x", "z")):
        new = last + "es"
    else:
        new = last + "s"
    return f"{head} {new}" if head else new


def _demonym_plural(word: str) -> str | None:
    lower = word.lower()
    if lower.endswith(("ese", "sh", "ch", "ss", "s", "i-kiribati", "x", "z")):
        return None
    if lower.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


# -- dates -----------------------------------------------------------------------------------
def parse_date(value: Any, end: bool = False) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date) -> date; ``end`` takes the last day."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValueError(f"bad date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    try:
        if m.group(3):
            return dt.date(year, month, int(m.group(3)))
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise ValueError(f"bad date {value!r} ({exc})") from exc


def as_date(value: str | dt.date | None) -> dt.date | None:
    """An article's publication date (ISO string or date) -> date, None if absent or bad."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value)[:10])
    except ValueError:
        log.warning("unreadable publication date %r; roles are resolved without it", value)
        return None


# -- records ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory."""

    iso3: str
    name: str
    official: str
    adjective: str | None
    capital: str | None


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time in which an organisation had another sector (Taliban: REB, then GOV)."""

    start: dt.date | None
    end: dt.date | None
    sector: str


@dataclass(frozen=True, slots=True)
class Organization:
    """An international body (``igo``: keyed by ``org``) or a named national body."""

    key: str
    name: str
    kind: str  # igo | organization
    sector: str
    org: str | None = None
    country: str | None = None
    refs: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()

    def sector_at(self, when: dt.date | None) -> str:
        """The sector in force on ``when`` (the base sector when no period covers it)."""
        if when is not None:
            for p in self.periods:
                if (p.start is None or p.start <= when) and (p.end is None or when <= p.end):
                    return p.sector
        elif self.periods:
            return self.periods[-1].sector
        return self.sector


@dataclass(frozen=True, slots=True)
class Title:
    """A role noun and what it says about the sector."""

    text: str
    sector: str
    collective: bool = False
    inherit: bool = False
    weak: bool = False
    plural: bool = False  # this surface form is the plural


@dataclass(frozen=True, slots=True)
class Body:
    """A generic institution ('Foreign Ministry') owned by whichever state the text names."""

    key: str
    sector: str


@dataclass(frozen=True, slots=True)
class OrgHead:
    """A word that ends (or, ``lead``, opens) an organisation's name, and the sector it says."""

    text: str
    sector: str
    lead: bool = False
    generic: bool = False
    state_sector: str | None = None


@dataclass(frozen=True, slots=True)
class PluralRef:
    """'the two leaders': how many people it takes and which of them."""

    text: str
    count: int | None
    leaders: bool = False
    ministers: bool = False


@dataclass
class Lexicon:
    """The word lists of ``lexicon.yaml`` (unknown organisations, plurals, junk names)."""

    heads: dict[tuple[str, ...], OrgHead] = field(default_factory=dict)
    qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    state_words: frozenset[str] = frozenset()
    ties: dict[tuple[str, ...], str] = field(default_factory=dict)
    leader_titles: frozenset[str] = frozenset()
    relational: frozenset[str] = frozenset()
    plural_people: dict[tuple[str, ...], PluralRef] = field(default_factory=dict)
    leader_roles: frozenset[str] = frozenset()
    meeting_verbs: frozenset[str] = frozenset()
    ethnic: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    foreign_titles: frozenset[str] = frozenset()
    premodifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    postmodifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    institution_nouns: frozenset[str] = frozenset()
    institution_neutral: frozenset[str] = frozenset()
    #: member noun ('supporters', 'troops') -> sector when a state's government is the group
    members: dict[str, str | None] = field(default_factory=dict)
    #: bare group word before a member noun ('party members') -> the group's sector
    member_groups: dict[str, str] = field(default_factory=dict)
    naming_verbs: frozenset[str] = frozenset()
    notable_roles: frozenset[str] = frozenset()
    located_sectors: frozenset[str] = frozenset()
    #: civilian roles of people who live where the story is ('street vendor', 'resident')
    local_roles: frozenset[str] = frozenset()
    #: rank words between a title and a name ('Senior Assistant', 'Inspector')
    rank_words: frozenset[str] = frozenset()
    #: titles of those who work for a person ('spokesman', 'aide') and words before them
    aide_titles: frozenset[str] = frozenset()
    aide_modifiers: frozenset[str] = frozenset()
    #: 'on the opposition ticket', 'defected to the ruling party'
    ticket_nouns: frozenset[str] = frozenset()
    defection_verbs: frozenset[str] = frozenset()

    def head(self, words: tuple[str, ...], lead: bool = False) -> tuple[OrgHead, int] | None:
        """The longest org head ending (``lead``: opening) folded ``words``, with its length."""
        for n in range(min(4, len(words)), 0, -1):
            part = words[:n] if lead else words[-n:]
            h = self.heads.get(part)
            if h is not None and h.lead == lead:
                return h, n
        return None


@dataclass(frozen=True, slots=True)
class Role:
    """One office held between two dates; ``where`` is ISO3 or an org key."""

    title: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    country: str | None
    org: str | None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A known newsmaker: nationality plus time-bounded roles."""

    key: str
    name: str
    country: str
    gender: str
    surname: str
    roles: tuple[Role, ...]
    primary: Role | None = None  # the role that stands for them when the date is unknown


@dataclass(frozen=True, slots=True)
class Resolved:
    """A person as of one date: where they belong and in which sector (None if unsure)."""

    person: Person
    country: str | None
    org: str | None
    sector: str | None
    title: str | None
    active: bool  # a role covers the date
    undated: bool = False  # no date was given: the person's main role stands in


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias means: the thing it names and how it names it."""

    kind: str  # person | org | metonym | country | capital | demonym | body | title
    ref: Any  # Person | Organization | Country | Title | Body | (Country, sector)
    case: tuple[int, ...] = ()
    ambiguous: bool = False
    surface: str = ""

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


@dataclass(frozen=True, slots=True)
class Match:
    """A known name found in text: characters [start, end) and what it may mean."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]


# -- loading with line numbers ----------------------------------------------------------------
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader (libyaml when present) that records each mapping's line as ``__line__``."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


class _Reader:
    """Reads one file's rows and turns problems into KnowledgeError(path, line, reason)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        try:
            self.data = yaml.load(text, Loader=_LineLoader) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise KnowledgeError(path, mark.line + 1 if mark else None,
                                 f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
        if not isinstance(self.data, dict):
            raise KnowledgeError(path, 1, "expected a mapping of sections at the top level")

    def rows(self, section: str, required: bool = True) -> Iterator[dict[str, Any]]:
        rows = self.data.get(section)
        if rows is None:
            if required:
                raise KnowledgeError(self.path, None, f"missing section {section!r}")
            return
        if not isinstance(rows, list):
            raise KnowledgeError(self.path, self.data.get("__line__"),
                                 f"section {section!r} must be a list of rows")
        for row in rows:
            if not isinstance(row, dict):
                raise KnowledgeError(self.path, None,
                                     f"section {section!r}: row {row!r} is not a mapping")
            yield row

    def fail(self, row: dict[str, Any], reason: str) -> KnowledgeError:
        return KnowledgeError(self.path, row.get("__line__"), reason)

    def text(self, row: dict[str, Any], name: str, required: bool = True) -> str | None:
        value = row.get(name)
        if value is None or value == "":
            if required:
                raise self.fail(row, f"missing required field {name!r}")
            return None
        if not isinstance(value, str):
            raise self.fail(row, f"field {name!r} must be text, got {value!r} "
                                 "(quote it in the YAML)")
        return value.strip()

    def texts(self, row: dict[str, Any], name: str) -> list[str]:
        value = row.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(row, f"field {name!r} must be a list of non-empty texts")
        return [v.strip() for v in value]

    def sector(self, row: dict[str, Any], value: Any) -> str:
        if value not in SECTORS:
            raise self.fail(row, f"unknown sector {value!r}; use one of {sorted(SECTORS)}")
        return str(value)

    def date(self, row: dict[str, Any], value: Any, end: bool = False) -> dt.date | None:
        try:
            return parse_date(value, end=end)
        except (ValueError, TypeError) as exc:
            raise self.fail(row, str(exc)) from exc


def _valid_iso3(code: Any) -> bool:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        return False
    if code in EXTRA_ISO3:
        return True
    import pycountry
    return pycountry.countries.get(alpha_3=code) is not None


# -- the knowledge base -----------------------------------------------------------------------
@dataclass
class KnowledgeBase:
    """Every dictionary of actors, indexed for one-pass matching. Build it with :meth:`load`."""

    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    metonyms: int = 0
    #: folded token tuple -> entries, best first
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    #: first folded token -> longest alias length starting with it
    longest: dict[str, int] = field(default_factory=dict)
    #: folded surname tuple -> people with that surname
    surnames: dict[tuple[str, ...], list[Person]] = field(default_factory=dict)
    #: description noun ('alliance', 'bloc') -> organisations it may refer back to
    refs: dict[str, list[Organization]] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def load(cls, directory: str | Path | None = None) -> "KnowledgeBase":
        """Read and validate the YAML files (the packaged ones unless ``directory``).

        Besides the required ``FILES``, every ``people*.yaml`` in the folder is read (sorted), so
        people can be split over several files; an alias still names one person across all.
        """
        kb = cls()
        folder = (resources.files("eventwire") / "data" / "actors" if directory is None
                  else Path(directory))
        extra = sorted(n.name for n in folder.iterdir()
                       if re.fullmatch(r"people.*\.yaml", n.name) and n.name not in FILES)
        texts: dict[str, tuple[str, str]] = {}
        for name in (*FILES, *extra):
            node = folder / name
            label = f"eventwire/data/actors/{name}" if directory is None else str(node)
            try:
                texts[name] = (label, node.read_text(encoding="utf-8"))
            except FileNotFoundError as exc:
                raise KnowledgeError(label, None, "file is missing") from exc
        kb._load_countries(_Reader(*texts["countries.yaml"]))
        kb._load_organizations(_Reader(*texts["organizations.yaml"]))
        kb._load_titles(_Reader(*texts["titles.yaml"]))
        people_seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for name in sorted(n for n in texts if n.startswith("people")):
            kb._load_people(_Reader(*texts[name]), people_seen)
        kb._load_lexicon(_Reader(*texts["lexicon.yaml"]))
        for entries in kb.index.values():
            entries.sort(key=lambda e: e.priority)
        log.debug("knowledge base loaded: %s", kb.stats())
        return kb

    def _add(self, alias: str, entry: Entry, seen: dict[tuple[str, ...], tuple[Any, ...]],
             meaning: Any, reader: _Reader, row: dict[str, Any], case_free: bool = False) -> None:
        """Index one alias; the same alias with two meanings in one kind is an error."""
        key = _key(alias)
        if not key:
            raise reader.fail(row, f"alias {alias!r} has no words")
        if key in seen and seen[key][0] != meaning:
            other, line, *path = seen[key]
            where = f"line {line}" if not path or path[0] == reader.path else f"{path[0]}:{line}"
            raise reader.fail(row, f"alias {alias!r} already means {other} ({where}); "
                                   "one alias may name only one thing")
        case = tuple(0 for _ in key) if case_free else _case_pattern(alias)
        if key in seen:
            # the same alias again in other capitals ("Al-Qaeda", "al-Qaeda"): each spelling
            # listed is accepted, so a token needs only the weakest capitals of any of them
            self.index[key] = [replace(e, case=tuple(min(a, b) for a, b in zip(e.case, case)))
                               if e.ref == entry.ref else e for e in self.index[key]]
            return
        seen[key] = (meaning, row.get("__line__", 0), reader.path)
        entry = Entry(entry.kind, entry.ref, case, entry.ambiguous, alias)
        self.index.setdefault(key, []).append(entry)
        if len(key) > self.longest.get(key[0], 0):
            self.longest[key[0]] = len(key)

    def _load_countries(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("countries"):
            iso = row.get("iso3")
            if not _valid_iso3(iso):
                raise r.fail(row, f"bad ISO 3166-1 alpha-3 code {iso!r}")
            if iso in self.countries:
                raise r.fail(row, f"country {iso} listed twice")
            name = r.text(row, "name")
            assert name is not None
            official = r.text(row, "official") or name
            demonyms = r.texts(row, "demonyms")
            capital = r.text(row, "capital", required=False)
            country = Country(iso, name, official, demonyms[0] if demonyms else None, capital)
            self.countries[iso] = country
            amb = bool(row.get("ambiguous"))
            for alias in [name, official, *r.texts(row, "aliases")]:
                self._add(alias, Entry("country", country, ambiguous=amb), seen, iso, r, row)
            for dem in demonyms:
                forms = [dem] + ([p] if (p := _demonym_plural(dem)) else [])
                for form in forms:
                    self._add(form, Entry("demonym", country), seen, iso, r, row)
            for cap in ([capital] if capital else []) + r.texts(row, "capital_aliases"):
                self._add(cap, Entry("capital", country), seen, iso, r, row)
        for row in r.rows("metonyms"):
            text = r.text(row, "text")
            iso = row.get("country")
            if iso not in self.countries:
                raise r.fail(row, f"metonym {text!r}: unknown country {iso!r}")
            sector = r.sector(row, row.get("sector"))
            entry = Entry("metonym", (self.countries[iso], sector, text),
                          ambiguous=bool(row.get("ambiguous")))
            self._add(text or "", entry, seen, (iso, sector), r, row)
            self.metonyms += 1

    def _load_organizations(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("organizations"):
            key = r.text(row, "key")
            assert key is not None
            if key in self.organizations:
                raise r.fail(row, f"organisation key {key!r} listed twice")
            name = r.text(row, "name")
            kind = row.get("kind")
            if kind not in ("igo", "organization"):
                raise r.fail(row, f"kind must be 'igo' or 'organization', got {kind!r}")
            sector = r.sector(row, row.get("sector"))
            country = row.get("country")
            if kind == "organization":
                if country not in self.countries:
                    raise r.fail(row, f"national body {key!r} needs a known country, "
                                      f"got {country!r}")
            elif country is not None:
                raise r.fail(row, f"igo {key!r} must not have a country")
            periods = []
            for p in row.get("periods") or []:
                if not isinstance(p, dict):
                    raise r.fail(row, "periods must be a list of {start, end, sector}")
                periods.append(Period(r.date(row, p.get("start")),
                                      r.date(row, p.get("end"), end=True),
                                      r.sector(row, p.get("sector"))))
            org = Organization(key=key, name=name or key, kind=kind, sector=sector,
                               org=(row.get("org") or key) if kind == "igo" else None,
                               country=country, refs=tuple(r.texts(row, "refs")),
                               periods=tuple(periods))
            self.organizations[key] = org
            amb = bool(row.get("ambiguous"))
            for alias in [org.name, *r.texts(row, "aliases")]:
                self._add(alias, Entry("org", org, ambiguous=amb), seen, key, r, row)
            for alias in r.texts(row, "any_case"):
                # "the state department": written in lower case as often as not
                self._add(alias, Entry("org", org, ambiguous=amb), seen, key, r, row,
                          case_free=True)
            for noun in org.refs:
                self.refs.setdefault(noun.lower(), []).append(org)
        for key, org in self.organizations.items():
            if org.org and org.org not in self.organizations:
                raise KnowledgeError(r.path, None, f"{key}: parent org {org.org!r} is unknown")

    def _load_titles(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("titles"):
            text = r.text(row, "text")
            assert text is not None
            flags = {f: bool(row.get(f)) for f in ("collective", "inherit", "weak")}
            sector = r.sector(row, row.get("sector"))
            title = Title(text, sector, **flags)
            self.titles[text.lower()] = title
            self._add(text, Entry("title", title), seen, (text.lower(), sector), r, row)
            if "plural" in row and row["plural"] is None:
                continue
            form = row.get("plural") or plural(text)
            self._add(form, Entry("title", Title(text, sector, plural=True, **flags)), seen,
                      (text.lower(), sector), r, row)
        seen = {}
        for row in r.rows("bodies"):
            key = r.text(row, "key")
            assert key is not None
            body = Body(key, r.sector(row, row.get("sector")))
            self.bodies[key] = body
            names = r.texts(row, "names")
            if not names:
                raise r.fail(row, f"body {key!r} needs at least one name")
            for name in names:
                self._add(name, Entry("body", body), seen, key, r, row)
            for name in r.texts(row, "any_case"):
                # "the foreign ministry": written in lower case as often as not
                self._add(name, Entry("body", body), seen, key, r, row, case_free=True)

    def _load_people(self, r: _Reader, seen: dict[tuple[str, ...], tuple[Any, ...]]) -> None:
        """One people file; ``seen`` is shared by all of them so an alias names one person.

        A row may name its ``primary`` role by title (``primary: Secretary-General``): the one
        that stands for the person in an article with no publication date (see main_role).
        """
        for row in r.rows("people"):
            name = r.text(row, "name")
            assert name is not None
            country = row.get("country")
            if country not in self.countries:
                raise r.fail(row, f"{name}: unknown country {country!r}")
            gender = row.get("gender", "m")
            if gender not in ("m", "f"):
                raise r.fail(row, f"{name}: gender must be m or f, got {gender!r}")
            raw_roles = row.get("roles")
            if not isinstance(raw_roles, list) or not raw_roles:
                raise r.fail(row, f"{name}: roles must be a non-empty list of "
                                  "[title, sector, start, end, where?]")
            roles = []
            for raw in raw_roles:
                if not isinstance(raw, list) or len(raw) not in (4, 5):
                    raise r.fail(row, f"{name}: role {raw!r} must be [title, sector, start, end]"
                                      " or [title, sector, start, end, where]")
                title, sector, start, end = raw[:4]
                where = raw[4] if len(raw) == 5 else country
                if not isinstance(title, str):
                    raise r.fail(row, f"{name}: role title {title!r} must be text")
                s, e = r.date(row, start), r.date(row, end, end=True)
                if s and e and e < s:
                    raise r.fail(row, f"{name}: role {title!r} ends before it starts")
                if where in self.countries:
                    rc, ro = where, None
                elif where in self.organizations and self.organizations[where].kind == "igo":
                    rc, ro = None, self.organizations[where].org
                else:
                    raise r.fail(row, f"{name}: role {title!r} at unknown country or "
                                      f"international body {where!r}")
                roles.append(Role(title, r.sector(row, sector), s, e, rc, ro))
            surname = r.text(row, "surname", required=False) or name.split()[-1]
            primary = None
            main = row.get("primary")
            if main is not None:
                hits = [role for role in roles if role.title == main]
                if not hits:
                    raise r.fail(row, f"{name}: primary {main!r} names none of the roles "
                                      f"{[role.title for role in roles]}")
                primary = max(hits, key=lambda role: role.start or dt.date.min)
            person = Person(key=name, name=name, country=country, gender=gender,
                            surname=surname, roles=tuple(roles), primary=primary)
            if name in self.people:
                raise r.fail(row, f"person {name!r} listed twice (also in another row or "
                                  "people*.yaml file)")
            self.people[name] = person
            for alias in [name, *r.texts(row, "aliases")]:
                self._add(alias, Entry("person", person), seen, name, r, row)
            self.surnames.setdefault(_key(surname), []).append(person)

    def _load_lexicon(self, r: _Reader) -> None:
        lex = self.lexicon

        def words(section: str) -> frozenset[str]:
            value = r.data.get(section)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise KnowledgeError(r.path, None, f"{section!r} must be a list of texts")
            return frozenset(v.strip().lower() for v in value)

        for row in r.rows("org_heads"):
            text = r.text(row, "text")
            assert text is not None
            st = row.get("state_sector")
            head = OrgHead(text, r.sector(row, row.get("sector")), lead=bool(row.get("lead")),
                           generic=bool(row.get("generic")),
                           state_sector=r.sector(row, st) if st is not None else None)
            if _key(text) in lex.heads:
                raise r.fail(row, f"org head {text!r} listed twice")
            lex.heads[_key(text)] = head
        for row in r.rows("org_qualifiers"):
            lex.qualifiers[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        for row in r.rows("tie_nouns"):
            lex.ties[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        for row in r.rows("plural_people"):
            text = r.text(row, "text")
            assert text is not None
            count = row.get("count")
            if count is not None and (not isinstance(count, int) or count < 2):
                raise r.fail(row, f"count must be a number of at least 2 or null, got {count!r}")
            lex.plural_people[_key(text)] = PluralRef(text, count, bool(row.get("leaders")),
                                                      bool(row.get("ministers")))
        lex.state_words = words("state_words")
        lex.leader_titles = words("org_leader_titles")
        lex.relational = words("relational")
        lex.leader_roles = words("leader_roles")
        lex.meeting_verbs = words("meeting_verbs")
        lex.ethnic = words("ethnic_groups")
        lex.platforms = words("platforms")
        lex.event_nouns = words("event_nouns")
        lex.person_nouns = words("person_nouns")
        lex.naming_cues = words("naming_cues")
        lex.foreign_titles = words("foreign_titles")
        for section, table in (("org_premodifiers", lex.premodifiers),
                               ("org_postmodifiers", lex.postmodifiers)):
            for row in r.rows(section):
                table[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        lex.institution_nouns = words("institution_nouns")
        lex.institution_neutral = words("institution_neutral")
        lex.naming_verbs = words("naming_verbs")
        lex.notable_roles = words("notable_roles")
        lex.located_sectors = frozenset(w.upper() for w in words("located_sectors"))
        for name in ("local_roles", "rank_words", "aide_titles", "aide_modifiers",
                     "ticket_nouns", "defection_verbs"):
            setattr(lex, name, words(name))
        for row in r.rows("member_nouns"):
            text = (r.text(row, "text") or "").lower()
            st = row.get("state_sector")
            lex.members[text] = r.sector(row, st) if st is not None else None
        for row in r.rows("member_groups"):
            lex.member_groups[(r.text(row, "text") or "").lower()] = r.sector(
                row, row.get("sector"))

    # -- look-ups -------------------------------------------------------------------------
    def lookup(self, text: str) -> list[Entry]:
        """Every meaning of exactly this name (case rules applied), best first."""
        toks = tokenize(text)
        entries = self.index.get(tuple(_fold(t) for _, _, t in toks), [])
        return [e for e in entries if _case_ok(e.case, [t for _, _, t in toks])]

    def country(self, text: str) -> Country | None:
        """The state a name, capital, demonym or metonym stands for."""
        for e in self.lookup(text):
            if e.kind in ("country", "capital", "demonym"):
                return e.ref
            if e.kind == "metonym":
                return e.ref[0]
        return None

    def demonym(self, text: str) -> str | None:
        """ISO3 for an adjective of nationality ('Belarussian' -> 'BLR')."""
        for e in self.lookup(text):
            if e.kind == "demonym":
                return e.ref.iso3
        return None

    def organization(self, text: str) -> Organization | None:
        for e in self.lookup(text):
            if e.kind == "org":
                return e.ref
        return None

    def title(self, text: str) -> Title | None:
        """The role noun (singular or plural) -> its sector and flags."""
        for e in self.index.get(_key(text), []):
            if e.kind == "title":
                return e.ref
        return None

    def body(self, text: str) -> Body | None:
        for e in self.lookup(text):
            if e.kind == "body":
                return e.ref
        return None

    def person(self, name: str, when: str | dt.date | None = None) -> Resolved | None:
        """A known person by full name or alias, resolved as of ``when``."""
        for e in self.index.get(_key(name), []):
            if e.kind == "person":
                return self.resolve(e.ref, when)
        return None

    def by_surname(self, surname: str, when: str | dt.date | None = None) -> Resolved | None:
        """A person by surname alone, only when exactly one known person fits."""
        people = self.surnames.get(_key(surname), [])
        day = as_date(when)
        if len(people) > 1 and day is not None:
            active = [p for p in people if any(r.covers(day) for r in p.roles)]
            people = active if len(active) == 1 else people
        if len(people) > 1 and len({p.country for p in people}) == 1 and day is None:
            # "President Bush" with no date: which Bush is open, but not which country;
            # keep the most recent holder of office so the side is right
            latest = max(people, key=lambda p: max((r.start or dt.date.min) for r in p.roles))
            return self.resolve(latest, when)
        return self.resolve(people[0], when) if len(people) == 1 else None

    def resolve(self, person: Person, when: str | dt.date | None) -> Resolved:
        """Who ``person`` was on ``when``: the role covering it, else nationality only."""
        day = as_date(when)
        roles = person.roles
        if day is None:
            # no date to check a role against: the main role (Person.main_role), else the
            # nationality with the sector of the latest role
            role = self.main_role(person)
            if role is not None:
                return Resolved(person, role.country, role.org, role.sector, role.title, False,
                                undated=True)
            role = max(roles, key=lambda r: r.start or dt.date.min)
            return Resolved(person, person.country, None, role.sector, None, False,
                            undated=True)
        active = [r for r in roles if r.covers(day)]
        if active:
            role = max(active, key=lambda r: r.start or dt.date.min)
            return Resolved(person, role.country, role.org, role.sector, role.title, True)

        def gap(r: Role) -> int:
            if r.end is not None and r.end < day:
                return (day - r.end).days
            return ((r.start or day) - day).days

        nearest = min(roles, key=gap)
        return Resolved(person, person.country, None, nearest.sector, None, False)

    def main_role(self, person: Person) -> Role | None:
        """The role an undated article most likely means, by a fixed rule:

        1. the role named by the row's ``primary`` field in the people data;
        2. else, of the international (IGO) and government (GOV) roles, a top office first
           (``notable_roles`` of the lexicon: president, prime minister, secretary-general...),
           then an international one over a national one, then the longest (open-ended roles
           count up to today; a tie goes to the later);
        3. else None: the person stands for their nationality.
        """
        if person.primary is not None:
            return person.primary
        cands = [r for r in person.roles if r.org is not None or r.sector == "GOV"]
        if not cands:
            return None
        today = dt.date.today()
        top = self.lexicon.notable_roles

        def rank(r: Role) -> tuple[bool, bool, int, dt.date]:
            title = r.title.lower()
            notable = any(title == t or title.endswith(" " + t) for t in top) and not (
                _SUBORDINATE.search(title))
            start = r.start or r.end or today
            return notable, r.org is not None, ((r.end or today) - start).days, start

        return max(cands, key=rank)

    def org_refs(self, noun: str) -> list[Organization]:
        """Organisations that 'the <noun>' may refer back to ('alliance' -> NATO, CSTO...)."""
        return self.refs.get(noun.lower(), [])

    # -- scanning -------------------------------------------------------------------------
    def scan(self, text: str, tokens: list[tuple[int, int, str]] | None = None) -> list[Match]:
        """Every known name in ``text``, longest first, left to right, not overlapping."""
        toks = tokens if tokens is not None else tokenize(text)
        folded = [_fold(t) for _, _, t in toks]
        surfaces = [t for _, _, t in toks]
        out: list[Match] = []
        i, n = 0, len(toks)
        longest, index = self.longest, self.index
        while i < n:
            top = longest.get(folded[i], 0)
            found = None
            for length in range(min(top, n - i), 0, -1):
                entries = index.get(tuple(folded[i:i + length]))
                if not entries:
                    continue
                ok = tuple(e for e in entries if _case_ok(e.case, surfaces[i:i + length]))
                if ok:
                    found = (length, ok)
                    break
            if found:
                length, ok = found
                start, end = toks[i][0], toks[i + length - 1][1]
                out.append(Match(start, end, text[start:end], ok))
                i += length
            else:
                i += 1
        return out

    # -- reporting ------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """How much the knowledge base knows, per kind (for the README table)."""
        igos = sum(1 for o in self.organizations.values() if o.kind == "igo")
        roles = sum(len(p.roles) for p in self.people.values())
        return {"countries": len(self.countries), "metonyms": self.metonyms,
                "international bodies": igos,
                "national organisations": len(self.organizations) - igos,
                "titles": len(self.titles), "generic institutions": len(self.bodies),
                "people": len(self.people), "roles": roles, "aliases": len(self.index)}

    def stats_table(self) -> str:
        """``stats()`` as a Markdown table."""
        rows = ["| kind | count |", "|---|---:|"]
        rows += [f"| {k} | {v} |" for k, v in self.stats().items()]
        return "\n".join(rows)


def _case_ok(case: tuple[int, ...], surfaces: Iterable[str]) -> bool:
    """Does the text respect the alias's capitals ('US' is not 'us', 'Turkey' not 'turkey')?"""
    for need, tok in zip(case, surfaces):
        if need == 2 and not tok.isupper():
            return False
        if need == 1 and not tok[:1].isupper():
            return False
    return True


__all__ = ["KnowledgeBase", "Country", "Organization", "Title", "Body", "Person", "Role",
           "Lexicon", "OrgHead", "PluralRef",
           "Resolved", "Entry", "Match", "tokenize", "parse_date", "as_date", "plural", "SECTORS"]
